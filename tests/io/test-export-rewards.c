/* test-export-rewards.c: a campaign's rewards ledger as CSV — the exact bytes, from the
 * library (with the BOM and formula guard for Excel) and from `kocdesk-cli export
 * rewards` (plain), against hand-made rows; an unknown campaign fails.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "koc-db.h"
#include "koc-export-rewards.h"
#include "koc-test-utils.h"

static const char rows_sql[] =
  "INSERT INTO people (id, uid, display_name) VALUES"
  " (1, 'p1', '小美'), (2, 'p2', 'Ann \"A\", W'), (3, 'p3', 'Zed');"
  "INSERT INTO campaigns (id, name) VALUES (1, '双11'), (2, 'Other');"
  "INSERT INTO rewards (person_id, campaign_id, kind, points, value_cents, note, given_at) VALUES"
  " (1, 1, 'points', 88, 0, '首篇笔记', 1762214400),"          /* 2025-11-04 */
  " (1, 1, 'gift', 0, 12345, '=SUM(A1)', 1762128000),"       /* 2025-11-03: before */
  " (2, 1, 'sample', 5, 99, 'line\nbreak', 1762300800),"
  " (3, 2, 'gift', 1, 100000, 'another campaign', 1762300800);";

static const char expected_plain[] =
  "person,person_uid,kind,points,value,note,given_at\r\n"
  "\"Ann \"\"A\"\", W\",p2,sample,5,0.99,\"line\nbreak\",2025-11-05T00:00:00Z\r\n"
  "小美,p1,gift,0,123.45,=SUM(A1),2025-11-03T00:00:00Z\r\n"
  "小美,p1,points,88,0.00,首篇笔记,2025-11-04T00:00:00Z\r\n"
  "Total,,,93,124.44,,\r\n";

static const char expected_excel[] =
  "\xEF\xBB\xBF"
  "person,person_uid,kind,points,value,note,given_at\r\n"
  "\"Ann \"\"A\"\", W\",p2,sample,5,0.99,\"line\nbreak\",2025-11-05T00:00:00Z\r\n"
  "小美,p1,gift,0,123.45,'=SUM(A1),2025-11-03T00:00:00Z\r\n"
  "小美,p1,points,88,0.00,首篇笔记,2025-11-04T00:00:00Z\r\n"
  "Total,,,93,124.44,,\r\n";

static gboolean
exec_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  return koc_db_exec (db, data, error);
}

static KocStore *
make_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KocStore *store = koc_store_open_sync (path, KOC_STORE_OPEN_CREATE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (koc_store_write_sync (store, exec_func, (gpointer)rows_sql, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static char *
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_library (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "w.db", NULL);
  g_autofree char *out = g_build_filename (dir, "双11 rewards.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(KocStore) store = make_store (db);
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  g_assert_true (koc_export_rewards_sync (store, 1, KOC_EXPORT_EXCEL, out, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  contents = read_all (out);
  g_assert_cmpstr (contents, ==, expected_excel);
  g_clear_pointer (&contents, g_free);

  g_assert_true (koc_export_rewards_sync (store, 1, 0, out, &n, NULL, &error));
  g_assert_no_error (error);
  contents = read_all (out);
  g_assert_cmpstr (contents, ==, expected_plain);
  g_clear_pointer (&contents, g_free);

  /* A campaign without rewards: the header and a zero total. */
  g_assert_true (koc_export_rewards_sync (store, 2, KOC_EXPORT_BOM, out, &n, NULL, &error));
  g_assert_no_error (error);
  contents = read_all (out);
  g_assert_cmpstr (contents, ==, "\xEF\xBB\xBF" "person,person_uid,kind,points,value,note,given_at\r\n"
                                 "Zed,p3,gift,1,1000.00,another campaign,2025-11-05T00:00:00Z\r\n"
                                 "Total,,,1,1000.00,,\r\n");
  g_clear_pointer (&contents, g_free);

  /* No such campaign: an error, and the file as it was. */
  g_assert_false (koc_export_rewards_sync (store, 99, 0, out, &n, NULL, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
  contents = read_all (out);
  g_assert_true (g_str_has_suffix (contents, "Total,,,1,1000.00,,\r\n"));
  g_clear_object (&store);
  koc_test_rm_rf (dir);
}

static int
run_cli (char **err_out,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = -1;
  va_list ap;

  g_ptr_array_add (args, (gpointer)g_getenv ("KOCDESK_CLI"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, err_out, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "w.db", NULL);
  g_autofree char *out = g_build_filename (dir, "ledger.csv", NULL);
  g_autofree char *contents = NULL, *err = NULL;
  KocStore *store = make_store (db);

  g_object_unref (store);
  g_assert_cmpint (run_cli (&err, "export", "rewards", "--db", db, "--campaign", "1", "--out", out, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "3"));
  contents = read_all (out);
  g_assert_cmpstr (contents, ==, expected_plain);
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&err, "export", "rewards", "--db", db, "--campaign", "1", "--bom", "--out", out, NULL), ==, 0);
  contents = read_all (out);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "person,"));
  g_assert_cmpstr (contents + 3, ==, expected_plain);
  g_clear_pointer (&err, g_free);

  /* No campaign: usage (2); an unknown one: a failure (1). */
  g_assert_cmpint (run_cli (&err, "export", "rewards", "--db", db, "--out", out, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&err, "export", "rewards", "--db", db, "--campaign", "42", "--out", out, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "42"));
  g_clear_pointer (&err, g_free);
  /* The old table export is still there. */
  g_assert_cmpint (run_cli (&err, "export", "--db", db, "--what", "rewards", "--out", out, NULL), ==, 0);
  koc_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/io/export-rewards/library", test_library);
  g_test_add_func ("/koc/io/export-rewards/cli", test_cli);
  return g_test_run ();
}
