/* test-import-bulk.c: a big import (the bulk path of koc-import-bulk.c: insert triggers
 * replayed, non-unique indexes rebuilt, accounts read at once) leaves exactly what the
 * same rows imported as small files (row by row, through the triggers) leave; and the
 * dry run is a read-only pass that predicts the import exactly, even while another
 * connection holds the workspace's write lock.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-import.h"
#include "koc-search.h"
#include "koc-test-utils.h"

#define BIG_ROWS 2500
#define SMALL_ROWS 250 /* below the import's bulk decision (1,000 rows) */

static const char header[] = "昵称,账号,平台,粉丝数,互动率,邮箱,阶段,城市\n";

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = koc_test_make_tmp_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* Row @i of the big file: new accounts, some of them repeating an earlier row of the
 * file (i % 97 == 5), some updating an account of the seed file (i % 211 == 7), emails
 * shared with earlier rows now and then (merge suggestions), stages and empty cells. */
static void
append_row (GString *csv,
            guint    i)
{
  static const char * const platforms[] = { "小红书", "douyin", "weibo", "B站", "instagram" };
  static const char * const stages[] = { "", "engaged", "advocate", "" };
  guint handle = i % 97 == 5 && i > 100 ? i - 100 : i;

  if (i % 211 == 7)
    {
      g_string_append_printf (csv, "种子%u,seed%u,weibo,%u,,,,成都\n", i, i % 50, i * 3);
      return;
    }
  g_string_append_printf (csv, "达人%u,koc_%u,%s,%u.%uk,%u.%u%%,%s,%s,%s\n", i, handle,
                          platforms[handle % G_N_ELEMENTS (platforms)], i % 400, i % 10, i % 9, i % 7,
                          i % 13 == 0 ? "" : i % 31 == 0 ? "shared@example.com" : "x@example.com",
                          stages[i % G_N_ELEMENTS (stages)], i % 3 ? "上海" : "");
}

static char *
write_csv (Fixture    *fixture,
           const char *name,
           guint       from,
           guint       to)
{
  g_autoptr(GString) csv = g_string_new (header);
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = from; i < to; i++)
    append_row (csv, i);
  /* Distinct emails, so that only some rows share one. */
  g_string_replace (csv, "x@example.com", "", 0);
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

static KocStore *
seeded_store (Fixture    *fixture,
              const char *name,
              gboolean    analyze)
{
  g_autofree char *db_path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GString) seed = g_string_new ("handle,platform,followers,name,email\n");
  g_autofree char *seed_path = NULL;
  g_autoptr(KocImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  KocStore *store = koc_store_open_sync (db_path, KOC_STORE_OPEN_CREATE, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (seed, "seed%u,weibo,%u,种子 %u,%s\n", i, i * 10, i,
                            i == 3 ? "shared@example.com" : "");
  seed_path = g_strconcat (db_path, ".seed.csv", NULL);
  g_file_set_contents (seed_path, seed->str, seed->len, &error);
  g_assert_no_error (error);
  report = koc_import_run_sync (store, seed_path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, 50);
  if (analyze)
    {
      sqlite3 *db = koc_db_open (db_path, KOC_STORE_OPEN_DEFAULT, &error);

      g_assert_no_error (error);
      g_assert_true (koc_db_exec (db, "ANALYZE", &error));
      g_assert_no_error (error);
      koc_db_close (db);
    }
  return store;
}

/* One line per row of the tables an import writes, without what depends on the clock
 * or on randomness (uid, created_at, updated_at, taken_at, changed_at). */
static char *
dump (const char *db_path)
{
  static const char * const queries[] = {
    "SELECT 'people', id, display_name, stage, region, email, koc_score FROM people ORDER BY id",
    "SELECT 'accounts', id, person_id, platform, handle, display_name, followers, engagement_rate,"
    " region, tier FROM accounts ORDER BY id",
    /* An account's first snapshot: small imports a second apart may add a second one
     * where one import's rows share a taken_at. */
    "SELECT 'snapshot', account_id, followers, engagement_rate FROM metric_snapshots s"
    " WHERE id = (SELECT min (id) FROM metric_snapshots WHERE account_id = s.account_id)"
    " ORDER BY account_id",
    "SELECT 'stage', person_id, from_stage, to_stage FROM stage_history ORDER BY person_id, id",
    "SELECT 'dirty', person_id FROM score_dirty ORDER BY person_id",
    "SELECT 'fts-people', rowid FROM people_fts WHERE people_fts MATCH '达人' ORDER BY rowid",
    "SELECT 'fts-accounts', rowid FROM accounts_fts WHERE accounts_fts MATCH 'koc*' ORDER BY rowid",
    "SELECT 'schema', type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger')"
    " ORDER BY name",
  };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open (db_path, KOC_STORE_OPEN_DEFAULT, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_true (koc_db_prepare (db, queries[q], &stmt, &error));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c) ?
                                    (const char *) sqlite3_column_text (stmt, c) : "∅");
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  koc_db_close (db);
  return g_string_free (out, FALSE);
}

static gint64
query_int (const char *db_path,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open (db_path, KOC_STORE_OPEN_DEFAULT, &error);
  gint64 value = -1;

  g_assert_no_error (error);
  g_assert_true (koc_db_query_int64 (db, sql, -1, &value, &error));
  koc_db_close (db);
  return value;
}

static void
test_bulk_equals_small (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KocStore) big_store = seeded_store (fixture, "big.db", TRUE);
  g_autoptr(KocStore) small_store = seeded_store (fixture, "small.db", TRUE);
  g_autofree char *big_path = g_build_filename (fixture->dir, "big.db", NULL);
  g_autofree char *small_path = g_build_filename (fixture->dir, "small.db", NULL);
  g_autofree char *big_csv = write_csv (fixture, "big.csv", 0, BIG_ROWS);
  g_autofree char *big_dump = NULL;
  g_autofree char *small_dump = NULL;
  g_autoptr(KocImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint64 created = 0, updated = 0, suggestions = 0;
  gint64 stats;
  KocImportUndoReport undo;

  stats = query_int (big_path, "SELECT count(*) FROM sqlite_stat1 WHERE idx IN ('people_name', 'accounts_followers')");
  g_assert_cmpint (stats, ==, 2);

  report = koc_import_run_sync (big_store, big_csv, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint from = 0; from < BIG_ROWS; from += SMALL_ROWS)
    {
      g_autofree char *name = g_strdup_printf ("part%u.csv", from);
      g_autofree char *part = write_csv (fixture, name, from, MIN (from + SMALL_ROWS, BIG_ROWS));
      g_autoptr(KocImportReport) small = koc_import_run_sync (small_store, part, NULL, NULL, &error);

      g_assert_no_error (error);
      created += small->created;
      updated += small->updated;
      suggestions += small->suggestions->len;
    }
  g_assert_cmpuint (report->rows, ==, BIG_ROWS);
  g_assert_cmpuint (report->created, ==, created);
  g_assert_cmpuint (report->created, >, 2000);
  g_assert_cmpuint (report->duplicates_in_file, >, 10);
  g_assert_cmpuint (report->suggestions->len, ==, suggestions);
  g_assert_cmpuint (report->suggestions->len, >, 50);

  /* Rows, stage history, dirty scores, full-text entries, triggers and indexes: equal. */
  big_dump = dump (big_path);
  small_dump = dump (small_path);
  g_assert_cmpstr (big_dump, ==, small_dump);
  g_assert_cmpint (query_int (big_path, "SELECT count(*) FROM stage_history"), ==,
                   query_int (big_path, "SELECT count(*) FROM people") +
                   query_int (big_path, "SELECT count(*) FROM stage_history WHERE from_stage IS NOT NULL"));
  /* The statistics of the rebuilt indexes are kept. */
  g_assert_cmpint (query_int (big_path, "SELECT count(*) FROM sqlite_stat1 WHERE idx IN"
                                        " ('people_name', 'accounts_followers')"), ==, stats);
  g_assert_cmpint (query_int (big_path, "SELECT count(*) FROM pragma_integrity_check"
                                        " WHERE integrity_check <> 'ok'"), ==, 0);

  /* And it is undone as a whole. */
  g_assert_true (koc_import_undo_sync (big_store, report->import_id, &undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (undo.deleted_accounts, ==, report->created);
  g_assert_cmpint (query_int (big_path, "SELECT count(*) FROM people"), ==, 50);
  g_assert_cmpint (query_int (big_path, "SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH 'koc*'"), ==, 0);
  g_assert_cmpint (query_int (big_path, "SELECT count(*) FROM sqlite_schema WHERE type IN ('index', 'trigger')"), ==,
                   query_int (small_path, "SELECT count(*) FROM sqlite_schema WHERE type IN ('index', 'trigger')"));
}

/* The same file twice: the second time every row is an update (journal rows saved with
 * one prepared statement, full-text entries taken out once each). */
static void
test_bulk_reimport (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KocStore) store = seeded_store (fixture, "w.db", FALSE);
  g_autofree char *path = g_build_filename (fixture->dir, "w.db", NULL);
  g_autofree char *csv = write_csv (fixture, "big.csv", 0, BIG_ROWS);
  g_autoptr(KocImportReport) first = NULL;
  g_autoptr(KocImportReport) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *after_undo = NULL;

  first = koc_import_run_sync (store, csv, NULL, NULL, &error);
  g_assert_no_error (error);
  after_first = dump (path);
  second = koc_import_run_sync (store, csv, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->created, ==, 0);
  g_assert_cmpuint (second->updated, ==, first->created + first->updated);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH 'koc*'"), ==,
                   first->created);
  g_assert_true (koc_import_undo_sync (store, second->import_id, NULL, NULL, &error));
  g_assert_no_error (error);
  after_undo = dump (path);
  /* Undo restores the accounts; the snapshot of the second import goes too. */
  g_assert_cmpstr (after_undo, ==, after_first);
}

static void
assert_same_report (KocImportReport *dry,
                    KocImportReport *real)
{
  g_assert_cmpint (dry->import_id, ==, 0);
  g_assert_cmpuint (dry->rows, ==, real->rows);
  g_assert_cmpuint (dry->created, ==, real->created);
  g_assert_cmpuint (dry->updated, ==, real->updated);
  g_assert_cmpuint (dry->duplicates_in_file, ==, real->duplicates_in_file);
  g_assert_cmpuint (dry->skipped->len, ==, real->skipped->len);
  g_assert_cmpuint (dry->suggestions->len, ==, real->suggestions->len);
  for (guint i = 0; i < real->suggestions->len; i++)
    {
      KocMergeSuggestion *a = g_ptr_array_index (dry->suggestions, i);
      KocMergeSuggestion *b = g_ptr_array_index (real->suggestions, i);

      g_assert_cmpuint (a->record, ==, b->record);
      g_assert_cmpint (a->person_id, ==, b->person_id);
      g_assert_cmpint (a->other_person_id, ==, b->other_person_id);
      g_assert_cmpstr (a->other_name, ==, b->other_name);
      g_assert_cmpstr (a->reason, ==, b->reason);
    }
}

/* The dry run reads only: it runs while another connection holds the write lock (the
 * old dry run, a rolled-back write transaction, waited for it and failed), and its
 * report is the import's, suggestions and the ids they name included. */
static void
test_dry_run_reads_only (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KocStore) store = seeded_store (fixture, "w.db", FALSE);
  g_autofree char *path = g_build_filename (fixture->dir, "w.db", NULL);
  g_autofree char *csv = write_csv (fixture, "big.csv", 0, BIG_ROWS);
  g_autofree char *small_csv = write_csv (fixture, "small.csv", 0, 40);
  KocImportOptions options = { .dry_run = TRUE };
  g_autoptr(KocImportReport) dry = NULL;
  g_autoptr(KocImportReport) dry_small = NULL;
  g_autoptr(KocImportReport) real = NULL;
  g_autoptr(KocImportReport) real_small = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (path);
  g_autofree char *after = NULL;
  sqlite3 *writer = koc_db_open (path, KOC_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (koc_db_exec (writer, "BEGIN IMMEDIATE", &error));
  g_assert_true (koc_db_exec (writer, "UPDATE people SET region = '西安' WHERE id = 1", &error));
  dry_small = koc_import_run_sync (store, small_csv, &options, NULL, &error);
  g_assert_no_error (error);
  dry = koc_import_run_sync (store, csv, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koc_db_exec (writer, "ROLLBACK", &error));
  koc_db_close (writer);

  after = dump (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM workspace_meta WHERE key GLOB 'import:*'"), ==, 1);

  real_small = koc_import_run_sync (store, small_csv, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_report (dry_small, real_small);
  g_assert_true (koc_import_undo_sync (store, real_small->import_id, NULL, NULL, &error));
  g_assert_no_error (error);
  real = koc_import_run_sync (store, csv, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Undo leaves the rowids it freed above the largest: SQLite reuses them, as the dry
   * run expects. */
  assert_same_report (dry, real);
  g_assert_cmpuint (real->suggestions->len, >, 50);
}

/* Runs koc_search_people() (or, with @accounts, koc_search_accounts()) for @text and
 * returns how many hits it found (at most 1000). */
static guint
search_count (const char *db_path,
              const char *text,
              gboolean    accounts)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open (db_path, KOC_STORE_OPEN_DEFAULT, &error);
  KocSearchQuery *query = koc_search_query_new ();
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  query->text = g_strdup (text);
  query->limit = 1000;
  hits = accounts ? koc_search_accounts (db, query, &error) : koc_search_people (db, query, &error);
  g_assert_no_error (error);
  koc_search_query_free (query);
  koc_db_close (db);
  return hits->len;
}

/* On the store's own connection: an outbox row with an invalid payload, which its
 * CHECK must refuse. */
static gboolean
insert_bad_outbox_row (sqlite3       *db,
                       gpointer       data,
                       gpointer      *result,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return koc_db_exec (db, "INSERT INTO outbox (client_id, entity, entity_uid, op, payload)"
                          " VALUES ('bad', 'person', 'x', 'create', 'not json')", error);
}

/* A big import (bulk path, rows written many per statement, an odd number of rows so a
 * partial batch is left at the end): Discover's search finds the people and accounts it
 * created, in Chinese and in English, and every new person and account is queued for
 * the server with its fields. */
static void
test_bulk_search (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KocStore) store = seeded_store (fixture, "search.db", FALSE);
  g_autofree char *db_path = g_build_filename (fixture->dir, "search.db", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "search.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("昵称,账号,平台,粉丝数,地区,类别\n");
  g_autoptr(KocImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const guint rows = 1501;

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "%s%u,%s%u,%s,%u,%s,%s\n", i % 2 ? "Lily Chen " : "小美", i,
                            i % 2 ? "lily_" : "xiaomei_", i, i % 3 ? "小红书" : "douyin", 100 + i,
                            i % 2 ? "Sydney" : "杭州", i % 2 ? "skincare" : "护肤");
  g_file_set_contents (csv_path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  report = koc_import_run_sync (store, csv_path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, rows);

  /* Half the rows each: 750 English names, 751 Chinese ones. */
  g_assert_cmpuint (search_count (db_path, "Lily", FALSE), ==, 750);
  g_assert_cmpuint (search_count (db_path, "chen", FALSE), ==, 750);
  g_assert_cmpuint (search_count (db_path, "skincare", FALSE), ==, 750);
  g_assert_cmpuint (search_count (db_path, "小美", FALSE), ==, 751);
  g_assert_cmpuint (search_count (db_path, "护肤", FALSE), ==, 751);
  g_assert_cmpuint (search_count (db_path, "杭州", FALSE), ==, 751);
  /* The last row (a partial batch) and one from the middle, by name and by handle. */
  g_assert_cmpuint (search_count (db_path, "小美1500", FALSE), ==, 1);
  g_assert_cmpuint (search_count (db_path, "xiaomei_1500", TRUE), ==, 1);
  g_assert_cmpuint (search_count (db_path, "lily_777", TRUE), ==, 1);
  g_assert_cmpint (query_int (db_path, "SELECT count(*) FROM people WHERE display_name GLOB '小美*'"
                                       " OR display_name GLOB 'Lily*'"), ==, rows);

  /* Queued for the server: a create per new person and account, with its fields. */
  g_assert_cmpint (query_int (db_path, "SELECT count(*) FROM outbox o JOIN people p ON p.uid = o.entity_uid"
                                       " WHERE o.op = 'create' AND o.entity = 'person'"
                                       " AND o.payload ->> '$.fields.display_name' = p.display_name"
                                       " AND o.payload ->> '$.fields.tags' = '[]'"
                                       " AND json_valid (o.payload)"
                                       " AND p.id > 50"), ==, rows);
  g_assert_cmpint (query_int (db_path, "SELECT count(*) FROM outbox o JOIN accounts a ON a.uid = o.entity_uid"
                                       " JOIN people p ON p.id = a.person_id"
                                       " WHERE o.op = 'create' AND o.entity = 'account'"
                                       " AND o.payload ->> '$.fields.handle' = a.handle"
                                       " AND o.payload ->> '$.fields.person_uid' = p.uid"
                                       " AND o.payload ->> '$.fields.followers' = a.followers"
                                       " AND a.id > 50"), ==, rows);
  g_assert_cmpint (query_int (db_path, "SELECT count(*) FROM outbox WHERE NOT json_valid (payload)"), ==, 0);
  /* The CHECKs the outbox inserts skip are enforced again on the import's connection. */
  g_assert_false (koc_store_write_sync (store, insert_bad_outbox_row, NULL, NULL, NULL, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_CONSTRAINT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/koc/import-bulk/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("equals-small-imports", test_bulk_equals_small);
  ADD ("reimport-and-undo", test_bulk_reimport);
  ADD ("dry-run-reads-only", test_dry_run_reads_only);
  ADD ("search-after-import", test_bulk_search);
#undef ADD

  return g_test_run ();
}
