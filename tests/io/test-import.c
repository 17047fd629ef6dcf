/* test-import.c: importing a CSV into a workspace: the report, re-import, undo, and a
 * child killed with SIGKILL in the middle of a big import.
 *
 * The crash test runs itself as the importer (`test-import --import-child DB CSV`); the
 * importer's progress callback says "inside" on stdout from within the transaction and
 * waits there to be killed.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "koc-db.h"
#include "koc-import.h"
#include "koc-test-utils.h"

static const char *self_path;

static const char sample_csv[] =
  "昵称,账号,平台,粉丝数,互动率,邮箱,手机,微信,城市\n"
  "小美,xiaomei,小红书,3.3万,4.5%,mei@example.com,,,上海\n"
  "Ann,ann_w,instagram,\"1,234\",N/A,ann@example.com,+86 138 0013 8000,,\n"
  "Bob,,douyin,100,,,,,\n"
  "Cat,cat1,myspace,5,,,,,\n"
  "Dan,dan1,weibo,lots,,,,,\n"
  "小美2,xiaomei,xiaohongshu,3.4万,,,,,\n"
  "Eve,eve1,weibo,1.2k,,MEI@example.com,138-0013-8000,,\n";

typedef struct
{
  char     *dir;
  char     *db_path;
  KocStore *store;
} Fixture;

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      len)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open (fixture->db_path, KOC_STORE_OPEN_DEFAULT, &error);
  gint64 value = -1;

  g_assert_no_error (error);
  koc_db_query_int64 (db, sql, -1, &value, &error);
  g_assert_no_error (error);
  koc_db_close (db);
  return value;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = koc_test_make_tmp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "workspace.db", NULL);
  fixture->store = koc_store_open_sync (fixture->db_path, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static KocImportReport *
import (Fixture    *fixture,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  KocImportReport *report = koc_import_run_sync (fixture->store, path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sample.csv", sample_csv, -1);
  g_autoptr(KocImportReport) report = import (fixture, path);
  KocImportSkip *skip;
  KocMergeSuggestion *s;

  g_assert_cmpint (report->import_id, ==, 1);
  g_assert_cmpuint (report->rows, ==, 7);
  g_assert_cmpuint (report->created, ==, 3);
  g_assert_cmpuint (report->updated, ==, 0);
  g_assert_cmpuint (report->duplicates_in_file, ==, 1);
  g_assert_cmpuint (report->skipped->len, ==, 3);
  skip = g_ptr_array_index (report->skipped, 0);
  g_assert_cmpuint (skip->record, ==, 4);
  g_assert_nonnull (strstr (skip->reason, "handle"));
  skip = g_ptr_array_index (report->skipped, 1);
  g_assert_cmpuint (skip->record, ==, 5);
  g_assert_nonnull (strstr (skip->reason, "myspace"));
  skip = g_ptr_array_index (report->skipped, 2);
  g_assert_cmpuint (skip->record, ==, 6);
  g_assert_nonnull (strstr (skip->reason, "“lots”"));

  /* Eve shares 小美's email (other case) and Ann's phone (other format): suggested, not merged. */
  g_assert_cmpuint (report->suggestions->len, ==, 2);
  s = g_ptr_array_index (report->suggestions, 0);
  g_assert_cmpuint (s->record, ==, 8);
  g_assert_cmpint (s->other_person_id, ==, 1);
  g_assert_cmpstr (s->other_name, ==, "小美2");
  g_assert_nonnull (strstr (s->reason, "email"));
  g_assert_cmpfloat (s->confidence, ==, 0.9);
  s = g_ptr_array_index (report->suggestions, 1);
  g_assert_cmpint (s->other_person_id, ==, 2);
  g_assert_nonnull (strstr (s->reason, "phone"));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM people"), ==, 3);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT followers FROM accounts WHERE handle = 'xiaomei'"
                                       " AND platform = 'xiaohongshu'"), ==, 34000);
  g_assert_cmpint (query_int (fixture, "SELECT engagement_rate = 0.045 FROM accounts WHERE handle = 'xiaomei'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT followers FROM accounts WHERE handle = 'ann_w'"), ==, 1234);
  g_assert_cmpint (query_int (fixture, "SELECT engagement_rate IS NULL FROM accounts WHERE handle = 'ann_w'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT followers FROM accounts WHERE handle = 'eve1'"), ==, 1200);
  /* The full-text indexes got the new rows although their triggers were suspended. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH 'xiaomei'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '上海'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sqlite_schema WHERE name GLOB '*_fts_ai'"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM metric_snapshots"), ==, 3);
}

static void
test_reimport_updates (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sample.csv", sample_csv, -1);
  g_autofree char *path2 = write_file (fixture, "more.csv",
                                       "handle,platform,followers,region\n"
                                       "xiaomei,xhs,5万,北京\n"
                                       "new1,weibo,10,\n", -1);
  g_autoptr(KocImportReport) first = import (fixture, path);
  g_autoptr(KocImportReport) second = import (fixture, path);
  g_autoptr(KocImportReport) third = NULL;

  g_assert_cmpuint (second->created, ==, 0);
  g_assert_cmpuint (second->updated, ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM people"), ==, 3);

  third = import (fixture, path2);
  g_assert_cmpuint (third->created, ==, 1);
  g_assert_cmpuint (third->updated, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT followers FROM accounts WHERE handle = 'xiaomei'"), ==, 50000);
  /* Empty cells never overwrite: the engagement rate stays. */
  g_assert_cmpint (query_int (fixture, "SELECT engagement_rate = 0.045 FROM accounts WHERE handle = 'xiaomei'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT region = '北京' FROM people WHERE id = 1"), ==, 1);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sample.csv", sample_csv, -1);
  g_autofree char *path2 = write_file (fixture, "more.csv",
                                       "handle,platform,followers,region,name\n"
                                       "xiaomei,xhs,5万,北京,Mei\n"
                                       "new1,weibo,10,,\n", -1);
  g_autoptr(KocImportReport) first = import (fixture, path);
  g_autoptr(KocImportReport) second = import (fixture, path2);
  g_autoptr(GError) error = NULL;
  KocImportUndoReport undo;

  g_assert_cmpint (second->import_id, ==, 2);
  g_assert_true (koc_import_undo_sync (fixture->store, 2, &undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (undo.deleted_accounts, ==, 1);
  g_assert_cmpuint (undo.deleted_people, ==, 1);
  g_assert_cmpuint (undo.restored_accounts, ==, 1);
  g_assert_cmpuint (undo.restored_people, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT followers FROM accounts WHERE handle = 'xiaomei'"), ==, 34000);
  g_assert_cmpint (query_int (fixture, "SELECT display_name = '小美2' FROM accounts WHERE handle = 'xiaomei'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT region = '上海' FROM people WHERE id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH 'new1'"), ==, 0);

  g_assert_false (koc_import_undo_sync (fixture->store, 2, NULL, NULL, &error));
  g_assert_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_ALREADY_UNDONE);
  g_clear_error (&error);
  g_assert_false (koc_import_undo_sync (fixture->store, 99, NULL, NULL, &error));
  g_assert_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (koc_import_undo_sync (fixture->store, 1, &undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM metric_snapshots"), ==, 0);
}

/* A GB18030 file forced to UTF-8: nothing half-decoded is stored; each row is skipped
 * and the problems say at which byte and to try --encoding. */
/* A dry run reports exactly what the import then does, and changes nothing. */
static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sample.csv", sample_csv, -1);
  KocImportOptions options = { .dry_run = TRUE };
  g_autoptr(KocImportReport) dry = NULL;
  g_autoptr(KocImportReport) real = NULL;
  g_autoptr(GError) error = NULL;

  dry = koc_import_run_sync (fixture->store, path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dry->import_id, ==, 0);
  g_assert_cmpuint (dry->created, >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM workspace_meta WHERE key LIKE 'import:%'"), ==, 0);
  /* The FTS triggers the import suspends are back. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sqlite_schema WHERE name = 'accounts_fts_ai'"), ==, 1);

  real = import (fixture, path);
  g_assert_cmpuint (real->created, ==, dry->created);
  g_assert_cmpuint (real->updated, ==, dry->updated);
  g_assert_cmpuint (real->skipped->len, ==, dry->skipped->len);
  g_assert_cmpuint (real->suggestions->len, ==, dry->suggestions->len);
  g_assert_cmpint (real->import_id, ==, 1);
}

static void
test_wrong_encoding (Fixture       *fixture,
                     gconstpointer  data)
{
  /* "handle,平台" / "mei,微博" in GB18030. */
  static const char gb[] = "handle,\xC6\xBD\xCC\xA8\nmei,\xCE\xA2\xB2\xA9\n";
  g_autofree char *path = write_file (fixture, "gb.csv", gb, -1);
  KocImportOptions options = { "UTF-8", 0, "weibo", NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KocImportReport) report = koc_import_run_sync (fixture->store, path, &options, NULL, &error);
  g_autoptr(KocImportReport) right = NULL;
  KocCsvProblem *problem;

  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, 0);
  g_assert_cmpuint (report->skipped->len, ==, 1);
  /* The header's bytes happen to be valid UTF-8 (C6 BD, CC A8); the data row's are not:
   * "handle,平台\n" is 12 bytes, "mei," 4 more, CE A2 is valid, B2 at 18 is not. */
  g_assert_cmpuint (report->problems->len, ==, 2);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpint (problem->kind, ==, KOC_CSV_PROBLEM_ENCODING);
  g_assert_cmpuint (problem->record, ==, 2);
  g_assert_cmpuint (problem->offset, ==, 18);
  g_assert_cmpuint (problem->column, ==, 2);
  g_assert_nonnull (strstr (problem->message, "--encoding"));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts"), ==, 0);

  /* Detected, it imports. */
  right = koc_import_run_sync (fixture->store, path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (right->encoding, ==, "GB18030");
  g_assert_cmpuint (right->created, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts WHERE platform = 'weibo'"), ==, 1);
}

/* The app's way: koc_import_run_async() on the store's worker, the report back in the
 * main context. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sample.csv", sample_csv, -1);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KocImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  koc_import_run_async (fixture->store, path, NULL, NULL, koc_test_result_cb, &result);
  koc_test_wait_for_result (&result);
  report = koc_import_run_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, 3);
  g_assert_cmpint (report->import_id, ==, 1);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *no_handle = write_file (fixture, "a.csv", "name,followers\nA,1\n", -1);
  g_autofree char *no_platform = write_file (fixture, "b.csv", "handle,followers\nA,1\n", -1);
  g_autoptr(GError) error = NULL;
  KocImportOptions options = { NULL, 0, "抖音", NULL, NULL, NULL };
  g_autoptr(KocImportReport) report = NULL;

  g_assert_null (koc_import_run_sync (fixture->store, no_handle, NULL, NULL, &error));
  g_assert_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_NO_HANDLE);
  g_clear_error (&error);
  g_assert_null (koc_import_run_sync (fixture->store, no_platform, NULL, NULL, &error));
  g_assert_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_NO_PLATFORM);
  g_assert_nonnull (strstr (error->message, "--platform"));
  g_clear_error (&error);

  /* --platform for a file without a platform column. */
  report = koc_import_run_sync (fixture->store, no_platform, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts WHERE platform = 'douyin'"), ==, 1);
}

static void
progress_cb (guint64  rows,
             guint64  bytes,
             guint64  total,
             gpointer user_data)
{
  if (rows < 3000)
    return;
  fprintf (stdout, "inside\n");
  fflush (stdout);
  for (;;)
    g_usleep (G_USEC_PER_SEC);
}

static int
run_import_child (const char *db_path,
                  const char *csv_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = koc_store_open_sync (db_path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  KocImportOptions options = { NULL, 0, NULL, NULL, progress_cb, NULL };
  KocImportReport *report;

  g_assert_no_error (error);
  report = koc_import_run_sync (store, csv_path, &options, NULL, &error);
  koc_import_report_free (report);
  return 1; /* never reached: killed inside */
}

static char *
big_csv (guint rows)
{
  GString *csv = g_string_new ("handle,platform,followers,name,bio\n");

  /* The first row updates an existing account. */
  g_string_append (csv, "xiaomei,xiaohongshu,999,改名,\n");
  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "h%u,weibo,%u,博主 %u,\"护肤, 面膜 %u\n第二行\"\n", i, i * 7, i, i);
  return g_string_free (csv, FALSE);
}

static void
test_kill_mid_import (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sample.csv", sample_csv, -1);
  g_autofree char *contents = big_csv (10000);
  g_autofree char *big = write_file (fixture, "big.csv", contents, -1);
  g_autoptr(KocImportReport) first = import (fixture, path);
  g_autoptr(KocImportReport) after = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_clear_object (&fixture->store);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, "--import-child", fixture->db_path, big, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "inside");
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* Exactly the state before the import. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT followers FROM accounts WHERE handle = 'xiaomei'"), ==, 34000);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM workspace_meta WHERE key GLOB 'import:*'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sqlite_schema WHERE name GLOB '*_fts_ai'"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH 'h5'"), ==, 0);

  /* And the same import then runs to the end. */
  fixture->store = koc_store_open_sync (fixture->db_path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  after = import (fixture, big);
  g_assert_cmpint (after->import_id, ==, 2);
  g_assert_cmpuint (after->created, ==, 10000);
  g_assert_cmpuint (after->updated, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM posts_fts"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '面膜'"), ==, 10000);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH 'h5'"), ==, 1);
}

static void
test_throughput (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *contents = big_csv (20000);
  g_autofree char *big = write_file (fixture, "big.csv", contents, -1);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(KocImportReport) report = import (fixture, big);
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  g_assert_cmpuint (report->created, ==, 20001); /* and the xiaomei row */
  g_test_message ("imported %" G_GUINT64_FORMAT " rows in %.2f s: %.0f rows/s", report->rows, seconds,
                  report->rows / MAX (seconds, 1e-6));
}

int
main (int    argc,
      char **argv)
{
  self_path = argv[0];
  if (argc == 4 && g_str_equal (argv[1], "--import-child"))
    return run_import_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/koc/import/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("report", test_report);
  ADD ("reimport-updates", test_reimport_updates);
  ADD ("undo", test_undo);
  ADD ("dry-run", test_dry_run);
  ADD ("async", test_async);
  ADD ("wrong-encoding", test_wrong_encoding);
  ADD ("errors", test_errors);
  ADD ("kill-mid-import", test_kill_mid_import);
  ADD ("throughput", test_throughput);
#undef ADD

  return g_test_run ();
}
