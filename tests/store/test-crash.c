/* test-crash.c: a writer killed with SIGKILL in the middle of a big transaction.
 *
 * The test runs itself as the writer (`test-crash --crash-writer FILE`): it commits a
 * known state, then inserts rows in one open transaction (with a tiny page cache, so
 * that uncommitted pages spill into the WAL) and says so on stdout; the parent kills it
 * there. Reopening must show exactly the committed state and pass integrity checks.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-schema.h"
#include "koc-store.h"
#include "koc-test-utils.h"
#include "store-fixture.h"

#define COMMITTED_POSTS 1000
#define OPEN_TXN_ROWS   20000

static const char *self_path;

static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store_fixture_fill (db);
  store_fixture_add_posts (db, 1, "已提交的帖子 committed", COMMITTED_POSTS);
  fprintf (stdout, "committed\n");
  fflush (stdout);

  koc_db_exec (db, "PRAGMA cache_size = 50", &error);
  g_assert_true (koc_db_begin_write (db, &error));
  g_assert_true (koc_db_prepare (db, "INSERT INTO posts (account_id, text, published_at)"
                                     " VALUES (2, printf ('%.800c 未提交 %d', 'y', ?1), ?1)",
                                 &stmt, &error));
  g_assert_no_error (error);
  for (int i = 0; i < OPEN_TXN_ROWS; i++)
    {
      sqlite3_bind_int (stmt, 1, 100000 + i);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  koc_db_exec (db, "UPDATE accounts SET followers = 1 WHERE id = 1", &error);
  g_assert_no_error (error);

  fprintf (stdout, "inside\n");
  fflush (stdout);

  /* Wait to be killed, transaction still open. */
  for (;;)
    g_usleep (G_USEC_PER_SEC);

  return 1;
}

static gboolean
check_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 *values = data;
  sqlite3_stmt *stmt = NULL;

  if (!koc_db_query_int64 (db, "SELECT count(*) FROM posts", 0, &values[0], error) ||
      !koc_db_query_int64 (db, "SELECT followers FROM accounts WHERE id = 1", 0, &values[1], error) ||
      !koc_db_query_int64 (db, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH '未提交'",
                           0, &values[2], error) ||
      !koc_db_query_int64 (db, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'committed'",
                           0, &values[3], error))
    return FALSE;

  if (!koc_db_prepare (db, "PRAGMA integrity_check", &stmt, error))
    return FALSE;
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  for (const char * const *t = koc_schema_fts_tables (); *t != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES"
                                              " ('integrity-check', 1)", *t, *t);
      if (!koc_db_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_after_func (sqlite3       *db,
                  gpointer       data,
                  gpointer      *result,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return koc_db_exec (db, "INSERT INTO posts (account_id, text, published_at) VALUES"
                          " (3, 'after the crash', 200000)", error);
}

static void
test_sigkill_mid_transaction (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "ws.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(KocStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line1 = NULL;
  g_autofree char *line2 = NULL;
  g_autofree char *integrity = NULL;
  gint64 values[4] = { 0 };
  GStatBuf st;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, "--crash-writer", path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line1 = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line1, ==, "committed");
  line2 = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line2, ==, "inside");

  /* The open transaction really reached the disk (spilled into the WAL). */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_test_message ("WAL at kill time: %" G_GINT64_FORMAT " bytes", (gint64)st.st_size);
  g_assert_cmpint (st.st_size, >, 1024 * 1024);

  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  store = koc_store_open_sync (path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koc_store_run_sync (store, check_func, values, (gpointer *)&integrity, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (values[0], ==, 6 + COMMITTED_POSTS);
  g_assert_cmpint (values[1], ==, 52000);
  g_assert_cmpint (values[2], ==, 0);
  g_assert_cmpint (values[3], ==, COMMITTED_POSTS);

  g_assert_true (koc_store_write_sync (store, write_after_func, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  koc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--crash-writer") == 0)
    return run_writer (argv[2]);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/koc/crash/sigkill-mid-transaction", test_sigkill_mid_transaction);

  return g_test_run ();
}
