/* test-schema.c: the workspace schema, its triggers and the migration ladder.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-db.h"
#include "koc-schema.h"
#include "koc-store.h"
#include "koc-test-utils.h"
#include "store-fixture.h"

typedef struct
{
  char    *dir;
  char    *path;
  sqlite3 *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = koc_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "ws.db", NULL);
  fixture->db = koc_db_open (fixture->path, KOC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store_fixture_fill (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  koc_db_close (fixture->db);
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Runs @sql, which must fail with @code; returns nothing. */
static void
assert_exec_fails (sqlite3    *db,
                   const char *sql,
                   int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (koc_db_exec (db, sql, &error));
  g_assert_error (error, KOC_STORE_ERROR, code);
  g_test_message ("expected failure: %s", error->message);
}

static void
test_fresh (Fixture       *fixture,
            gconstpointer  data)
{
  const char * const *tables = koc_schema_tables ();

  g_assert_cmpint (store_fixture_int (fixture->db, "PRAGMA user_version"), ==, KOC_SCHEMA_VERSION);
  g_assert_cmpint (store_fixture_int (fixture->db, "PRAGMA application_id"), ==, 0x4B4F4344);
  g_assert_cmpint (store_fixture_int (fixture->db, "PRAGMA foreign_keys"), ==, 1);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'",
                                              tables[i]);
      g_assert_cmpint (store_fixture_int (fixture->db, sql), ==, 1);
    }
  /* STRICT everywhere except the virtual tables. */
  g_assert_cmpint (store_fixture_int (fixture->db,
                   "SELECT count(*) FROM pragma_table_list WHERE schema = 'main'"
                   " AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%'"
                   " AND name NOT LIKE '%_fts%'"), ==, 0);
}

static void
test_constraints (Fixture       *fixture,
                  gconstpointer  data)
{
  assert_exec_fails (fixture->db, "INSERT INTO people (display_name, stage) VALUES ('x', 'fan')",
                     KOC_STORE_ERROR_CONSTRAINT);
  assert_exec_fails (fixture->db, "INSERT INTO accounts (platform, handle) VALUES ('myspace', 'x')",
                     KOC_STORE_ERROR_CONSTRAINT);
  assert_exec_fails (fixture->db, "INSERT INTO accounts (platform, handle) VALUES"
                     " ('douyin', 'xiaohong_dy')", KOC_STORE_ERROR_CONSTRAINT);
  assert_exec_fails (fixture->db, "INSERT INTO accounts (platform, handle, followers) VALUES"
                     " ('douyin', 'new', 'many')", KOC_STORE_ERROR_CONSTRAINT);
  assert_exec_fails (fixture->db, "INSERT INTO posts (account_id, published_at) VALUES (999, 1)",
                     KOC_STORE_ERROR_CONSTRAINT);
  assert_exec_fails (fixture->db, "INSERT INTO interactions (person_id, channel, happened_at,"
                     " summary) VALUES (1, 'fax', 1, 'x')", KOC_STORE_ERROR_CONSTRAINT);
  assert_exec_fails (fixture->db, "INSERT INTO outbox (client_id, entity, entity_uid, op, payload)"
                     " VALUES ('c1', 'person', 'u', 'update', '{broken')",
                     KOC_STORE_ERROR_CONSTRAINT);
  assert_exec_fails (fixture->db, "INSERT INTO referral_codes (code, person_id) VALUES ('A', 1);"
                     "INSERT INTO referral_codes (code, person_id) VALUES ('A', 2)",
                     KOC_STORE_ERROR_CONSTRAINT);
  /* uids are generated, distinct and 32 hex digits. */
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count(DISTINCT uid) FROM people"), ==, 3);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT min(length(uid)) FROM accounts"), ==, 32);
}

static void
test_derived (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Tier follows followers. */
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count(*) FROM accounts WHERE"
                   " (id, tier) IN (VALUES (1, 'micro'), (2, 'mega'), (3, 'nano'), (4, 'mid'),"
                   " (5, 'macro'))"), ==, 5);
  koc_db_exec (fixture->db, "UPDATE accounts SET followers = 9000 WHERE id = 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT tier = 'nano' FROM accounts WHERE id = 1"), ==, 1);

  /* Mentions are counted per account and per brand, both ways. */
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT mention_count FROM accounts WHERE id = 1"), ==, 1);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT mentions FROM account_brands"
                   " WHERE account_id = 3 AND brand_id = 1"), ==, 1);
  koc_db_exec (fixture->db, "DELETE FROM post_mentions WHERE post_id = 4", &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT mention_count FROM accounts WHERE id = 1"), ==, 0);

  /* Stage history records creation and every change. */
  koc_db_exec (fixture->db, "UPDATE people SET stage = 'ambassador' WHERE id = 1;"
               "UPDATE people SET owner = 'zoe' WHERE id = 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count(*) FROM stage_history"
                   " WHERE person_id = 1"), ==, 2);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count(*) FROM stage_history"
                   " WHERE person_id = 1 AND from_stage = 'advocate' AND to_stage = 'ambassador'"), ==, 1);
}

static void
test_snapshots_are_history (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  koc_db_exec (fixture->db, "INSERT INTO metric_snapshots (account_id, taken_at, followers)"
               " VALUES (1, 100, 50000), (1, 200, 52000)", &error);
  g_assert_no_error (error);
  assert_exec_fails (fixture->db, "UPDATE metric_snapshots SET followers = 1 WHERE taken_at = 100",
                     KOC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT followers FROM metric_snapshots"
                   " WHERE taken_at = 100"), ==, 50000);
  /* Deleting the account still cascades. */
  koc_db_exec (fixture->db, "DELETE FROM accounts WHERE id = 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count(*) FROM metric_snapshots"), ==, 0);
}

static void
test_fts_triggers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT rowid FROM posts_fts"
                   " WHERE posts_fts MATCH '好用' ORDER BY rowid LIMIT 1"), ==, 1);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count(*) FROM posts_fts"
                   " WHERE posts_fts MATCH '面膜'"), ==, 2);
  koc_db_exec (fixture->db, "UPDATE posts SET text = '咖啡很香' WHERE id = 5;"
               "DELETE FROM posts WHERE id = 1;"
               "UPDATE posts SET likes = likes + 1 WHERE id = 3;"
               "UPDATE accounts SET bio = '口红收藏家' WHERE id = 3;"
               "UPDATE people SET region = '深圳' WHERE id = 2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count(*) FROM posts_fts"
                   " WHERE posts_fts MATCH '面膜'"), ==, 0);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count(*) FROM posts_fts"
                   " WHERE posts_fts MATCH '咖啡'"), ==, 2);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT rowid FROM accounts_fts"
                   " WHERE accounts_fts MATCH '口红'"), ==, 3);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT rowid FROM people_fts"
                   " WHERE people_fts MATCH '深圳'"), ==, 2);
  for (const char * const *t = koc_schema_fts_tables (); *t != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES"
                                              " ('integrity-check', 1)", *t, *t);
      koc_db_exec (fixture->db, sql, &error);
      g_assert_no_error (error);
    }
}

/* A version-1 file with data, upgraded by a normal open: data preserved, v2 usable. */
static void
test_migrate_1_to_2 (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = koc_db_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koc_schema_get_version (db, NULL), ==, 1);
  g_assert_cmpint (store_fixture_int (db, "SELECT count(*) FROM sqlite_schema"
                   " WHERE name = 'saved_searches'"), ==, 0);
  store_fixture_fill (db);
  koc_db_close (db);

  db = koc_db_open (path, KOC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koc_schema_get_version (db, NULL), ==, KOC_SCHEMA_VERSION);
  g_assert_cmpint (store_fixture_int (db, "SELECT count(*) FROM sqlite_schema"
                   " WHERE name = 'sync_revs'"), ==, 1);
  g_assert_cmpint (store_fixture_int (db, "SELECT count(*) FROM posts"), ==, 6);
  g_assert_cmpint (store_fixture_int (db, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH '面膜'"), ==, 2);
  g_assert_cmpint (store_fixture_int (db, "SELECT followers FROM accounts WHERE handle = 'techwang'"), ==, 300000);
  koc_db_exec (db, "INSERT INTO saved_searches (name, query) VALUES ('面膜 KOC', '{\"text\":\"面膜\"}');"
               "INSERT INTO media (sha256, mime, bytes) VALUES (printf('%064d', 1), 'image/png', 0);"
               "INSERT INTO post_media (post_id, position, sha256) VALUES (1, 0, printf('%064d', 1))",
               &error);
  g_assert_no_error (error);
  koc_db_close (db);
  koc_test_rm_rf (dir);
}

/* Version 0 (an empty SQLite file, as sqlite3 leaves it) to 2 in one open. */
static void
test_migrate_0_to_2 (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v0.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = koc_db_open_at_version (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koc_schema_get_version (db, NULL), ==, 0);
  koc_db_close (db);

  db = koc_db_open (path, KOC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koc_schema_get_version (db, NULL), ==, KOC_SCHEMA_VERSION);
  store_fixture_fill (db);
  g_assert_cmpint (store_fixture_int (db, "SELECT count(*) FROM accounts"), ==, 5);
  koc_db_close (db);
  koc_test_rm_rf (dir);
}

/* A failing step rolls back completely: the version and tables stay as they were. */
static void
test_migrate_refuses_downgrade (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "ws.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_false (koc_schema_migrate (db, 1, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (koc_schema_get_version (db, NULL), ==, KOC_SCHEMA_VERSION);
  koc_db_close (db);
  koc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/koc/schema/fresh", Fixture, NULL, fixture_set_up, test_fresh, fixture_tear_down);
  g_test_add ("/koc/schema/constraints", Fixture, NULL, fixture_set_up, test_constraints,
              fixture_tear_down);
  g_test_add ("/koc/schema/derived", Fixture, NULL, fixture_set_up, test_derived, fixture_tear_down);
  g_test_add ("/koc/schema/snapshots-are-history", Fixture, NULL, fixture_set_up,
              test_snapshots_are_history, fixture_tear_down);
  g_test_add ("/koc/schema/fts-triggers", Fixture, NULL, fixture_set_up, test_fts_triggers,
              fixture_tear_down);
  g_test_add_func ("/koc/schema/migrate-1-to-2", test_migrate_1_to_2);
  g_test_add_func ("/koc/schema/migrate-0-to-2", test_migrate_0_to_2);
  g_test_add_func ("/koc/schema/migrate-refuses-downgrade", test_migrate_refuses_downgrade);

  return g_test_run ();
}
