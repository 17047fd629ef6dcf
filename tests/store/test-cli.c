/* test-cli.c: `kocdesk-cli check` and `kocdesk-cli search` (the built binary, from
 * $KOCDESK_CLI): exit codes, messages, output, and files left untouched.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <json-glib/json-glib.h>

#include "koc-db.h"
#include "koc-schema.h"
#include "koc-test-utils.h"
#include "store-fixture.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

typedef struct
{
  int   status; /* exit code */
  char *out;
  char *err;
} Run;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = koc_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "ws.db", NULL);
  store_fixture_create_file (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* Runs kocdesk-cli with the NULL-terminated arguments. */
static void
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("KOCDESK_CLI");
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static void
test_check_ok (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 mtime_before, mtime_after;
  Run run = { 0 };

  before = store_fixture_snapshot (fixture->path, &mtime_before);
  run_cli (&run, "check", fixture->path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "workspace OK"));
  g_assert_nonnull (strstr (run.out, "ok      integrity_check"));
  g_assert_nonnull (strstr (run.out, "ok      fts posts_fts"));
  g_assert_nonnull (strstr (run.out, "3 people, 5 accounts, 6 posts"));
  g_assert_null (strstr (run.out, "PROBLEM"));
  after = store_fixture_snapshot (fixture->path, &mtime_after);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (mtime_before, ==, mtime_after);
  run_clear (&run);
}

/* Raw SQL on the file without our triggers or foreign keys: damage the check finds. */
static void
damage (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_check_stale_fts (Fixture       *fixture,
                      gconstpointer  data)
{
  Run run = { 0 };

  damage (fixture->path, "DROP TRIGGER posts_fts_ad; DELETE FROM posts WHERE id = 6");
  run_cli (&run, "check", fixture->path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "PROBLEM full-text: index “posts_fts”"));
  g_assert_nonnull (strstr (run.out, "ok      fts accounts_fts"));
  g_assert_nonnull (strstr (run.err, "1 problem found"));
  run_clear (&run);
}

static void
test_check_foreign_key (Fixture       *fixture,
                        gconstpointer  data)
{
  Run run = { 0 };

  damage (fixture->path, "PRAGMA foreign_keys = OFF;"
                         "INSERT INTO post_hashtags (post_id, tag) VALUES (999, '护肤')");
  run_cli (&run, "check", fixture->path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "PROBLEM foreign_key_check:"));
  g_assert_nonnull (strstr (run.out, "“post_hashtags”"));
  run_clear (&run);
}

static void
test_check_bad_files (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d", KOC_SCHEMA_VERSION + 5);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 mtime_before, mtime_after;
  Run run = { 0 };

  g_file_set_contents (text, "这不是数据库\n", -1, NULL);
  run_cli (&run, "check", text, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "notes.txt"));
  run_clear (&run);

  run_cli (&run, "check", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "missing.db"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  run_clear (&run);

  damage (fixture->path, version);
  before = store_fixture_snapshot (fixture->path, &mtime_before);
  run_cli (&run, "check", fixture->path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "newer"));
  after = store_fixture_snapshot (fixture->path, &mtime_after);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (mtime_before, ==, mtime_after);
  run_clear (&run);

  run_cli (&run, "check", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
}

static void
test_search_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *accounts;
  JsonArray *posts;
  JsonObject *first;
  gint64 ids = 0;
  Run run = { 0 };

  run_cli (&run, "search", fixture->path, "面膜", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "query"), ==, "面膜");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "people")), ==, 0);

  accounts = json_object_get_array_member (root, "accounts");
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  first = json_array_get_object_element (accounts, 0);
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "handle"), ==, "xiaohong_beauty");
  g_assert_cmpint (json_object_get_int_member (first, "followers"), ==, 52000);
  g_assert_cmpstr (json_object_get_string_member (first, "tier"), ==, "micro");
  g_assert_nonnull (strstr (json_object_get_string_member (first, "snippet"),
                            "\002面膜\003"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (accounts, 1),
                                              "owner") == FALSE);

  posts = json_object_get_array_member (root, "posts");
  g_assert_cmpuint (json_array_get_length (posts), ==, 2);
  for (guint i = 0; i < 2; i++)
    ids += json_object_get_int_member (json_array_get_object_element (posts, i), "id");
  g_assert_cmpint (ids, ==, 1 + 5);
  run_clear (&run);
}

static void
test_search_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 mtime_before, mtime_after;
  Run run = { 0 };

  before = store_fixture_snapshot (fixture->path, &mtime_before);
  run_cli (&run, "search", fixture->path, "skincare", "--limit", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "People (1)"));
  g_assert_nonnull (strstr (run.out, "Lily Chen"));
  g_assert_nonnull (strstr (run.out, "Accounts (1)"));
  g_assert_nonnull (strstr (run.out, "lilyskincare"));
  g_assert_nonnull (strstr (run.out, "«skincare»"));
  g_assert_nonnull (strstr (run.out, "Posts (1)"));
  after = store_fixture_snapshot (fixture->path, &mtime_after);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (mtime_before, ==, mtime_after);
  run_clear (&run);

  run_cli (&run, "search", fixture->path, "x", "--limit", "0", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--limit"));
  run_clear (&run);

  run_cli (&run, "search", fixture->path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/koc/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("check-ok", test_check_ok);
  ADD ("check-stale-fts", test_check_stale_fts);
  ADD ("check-foreign-key", test_check_foreign_key);
  ADD ("check-bad-files", test_check_bad_files);
  ADD ("search-json", test_search_json);
  ADD ("search-text", test_search_text);
#undef ADD

  return g_test_run ();
}
