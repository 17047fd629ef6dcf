/* test-export.c: export → re-import round trip, JSON export, the kocdesk-cli import
 * and export commands, and an online backup taken while another connection writes.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <json-glib/json-glib.h>

#include "io-test-utils.h"
#include "koc-db.h"
#include "koc-export.h"
#include "koc-import.h"
#include "koc-test-utils.h"

static const char sample_csv[] =
  "昵称,账号,平台,粉丝数,互动率,邮箱,城市,简介\n"
  "小美,xiaomei,小红书,3.3万,4.5%,mei@example.com,上海,\"护肤, \"\"成分党\"\"\n每周更新\"\n"
  "Ann,ann_w,instagram,\"1,234\",N/A,ann@example.com,, spaces \n"
  "Eve,eve1,weibo,1.2k,0.5%,,,\n";

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static KocStore *
store_with_import (const char *db_path,
                   const char *csv_path)
{
  g_autoptr(GError) error = NULL;
  KocStore *store = koc_store_open_sync (db_path, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(KocImportReport) report = NULL;

  g_assert_no_error (error);
  report = koc_import_run_sync (store, csv_path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->skipped->len, ==, 0);
  return store;
}

static GPtrArray *
read_csv_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return io_test_read_all (contents, len, NULL, NULL);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *csv = write_file (dir, "in.csv", sample_csv);
  g_autofree char *db_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *db_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *out_a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *out_b = g_build_filename (dir, "b.csv", NULL);
  g_autoptr(KocStore) a = store_with_import (db_a, csv);
  g_autoptr(KocStore) b = NULL;
  g_autoptr(GPtrArray) rows_a = NULL;
  g_autoptr(GPtrArray) rows_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  guint64 n = 0;
  int uid = -1;

  g_assert_true (koc_export_table_sync (a, "accounts", KOC_EXPORT_CSV, TRUE, out_a, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_file_get_contents (out_a, &head, NULL, &error);
  g_assert_true (g_str_has_prefix (head, "\xEF\xBB\xBFplatform,handle,display_name,followers,"));

  b = store_with_import (db_b, out_a);
  g_assert_true (koc_export_table_sync (b, "accounts", KOC_EXPORT_CSV, TRUE, out_b, &n, NULL, &error));
  g_assert_no_error (error);

  rows_a = read_csv_file (out_a);
  rows_b = read_csv_file (out_b);
  g_assert_cmpuint (rows_a->len, ==, 4);
  g_assert_cmpuint (rows_b->len, ==, rows_a->len);
  for (guint c = 0; ((char **) g_ptr_array_index (rows_a, 0))[c] != NULL; c++)
    if (g_str_equal (((char **) g_ptr_array_index (rows_a, 0))[c], "uid"))
      uid = c;
  g_assert_cmpint (uid, >=, 0);
  /* Every cell equal, except the random uid. */
  for (guint r = 0; r < rows_a->len; r++)
    {
      char **ra = g_ptr_array_index (rows_a, r);
      char **rb = g_ptr_array_index (rows_b, r);

      g_assert_cmpuint (g_strv_length (ra), ==, g_strv_length (rb));
      for (guint c = 0; ra[c] != NULL; c++)
        if ((int) c != uid || r == 0)
          g_assert_cmpstr (ra[c], ==, rb[c]);
    }
  /* The tricky cells survived: quotes, comma, line break, spaces. */
  g_assert_cmpstr (((char **) g_ptr_array_index (rows_b, 1))[8], ==, "护肤, \"成分党\"\n每周更新");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows_b, 2))[8], ==, "spaces");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows_b, 1))[4], ==, "0.045");

  koc_test_rm_rf (dir);
}

static void
test_json (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *csv = write_file (dir, "in.csv", sample_csv);
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *out = g_build_filename (dir, "people.json", NULL);
  g_autoptr(KocStore) store = store_with_import (db, csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *first;

  g_assert_true (koc_export_table_sync (store, "people", KOC_EXPORT_JSON, FALSE, out, NULL, NULL, &error));
  g_assert_no_error (error);
  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "display_name"), ==, "小美");
  g_assert_cmpstr (json_object_get_string_member (first, "region"), ==, "上海");
  g_assert_cmpstr (json_object_get_string_member (first, "email"), ==, "mei@example.com");
  g_assert_true (json_object_get_null_member (first, "koc_score"));
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 1);

  g_assert_false (koc_export_table_sync (store, "secrets", KOC_EXPORT_JSON, FALSE, out, NULL, NULL, &error));
  g_assert_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_UNKNOWN_TABLE);
  koc_test_rm_rf (dir);
}

/* Every table exports in both formats (the SQL of each is valid), and the CSV reads back
 * with a header and one record per row. */
static void
test_all_tables (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *csv = write_file (dir, "in.csv", sample_csv);
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autoptr(KocStore) store = store_with_import (db, csv);
  const char * const *tables = koc_export_tables ();

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/%s.csv", dir, tables[i]);
      g_autofree char *json = g_strdup_printf ("%s/%s.json", dir, tables[i]);
      g_autofree char *partial = g_strconcat (out, ".partial", NULL);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      guint64 n = 0;

      g_assert_true (koc_export_table_sync (store, tables[i], KOC_EXPORT_CSV, FALSE, out, &n, NULL, &error));
      g_assert_no_error (error);
      rows = read_csv_file (out);
      g_assert_cmpuint (rows->len, ==, n + 1);
      g_assert_true (koc_export_table_sync (store, tables[i], KOC_EXPORT_JSON, FALSE, json, &n, NULL, &error));
      json_parser_load_from_file (parser, json, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, n);
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
    }
  koc_test_rm_rf (dir);
}

static char *
run_cli (int          expected_status,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = -1;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("KOCDESK_CLI"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) != expected_status)
    g_error ("kocdesk-cli exited with %d: %s", WEXITSTATUS (status), err);
  return out;
}

static void
test_cli (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *csv = write_file (dir, "in.csv", sample_csv);
  g_autofree char *db = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *out_csv = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *preview = run_cli (0, "import", csv, "--preview", "--json", NULL);
  g_autofree char *report = NULL;
  g_autofree char *undo = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exported = NULL;
  JsonObject *root;
  JsonArray *rows;

  json_parser_load_from_data (parser, preview, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "encoding"), ==, "UTF-8");
  g_assert_cmpstr (json_object_get_string_member (root, "delimiter"), ==, ",");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "header"), 1), ==, "账号");
  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  /* Exactly the string read: quotes undoubled, the line break kept, spaces kept. */
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 0), 7), ==,
                   "护肤, \"成分党\"\n每周更新");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 1), 7), ==, " spaces ");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "mapping"), "粉丝数"),
                   ==, "followers");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 0);

  report = run_cli (0, "import", csv, "--db", db, NULL);
  g_assert_nonnull (strstr (report, "3 created"));
  g_assert_nonnull (strstr (report, "--undo 1"));

  g_free (run_cli (0, "export", "--db", db, "--what", "people", "--format", "csv", "--out", out_csv, NULL));
  exported = read_csv_file (out_csv);
  g_assert_cmpuint (exported->len, ==, 4);
  g_assert_cmpstr (((char **) g_ptr_array_index (exported, 1))[0], ==, "小美");

  undo = run_cli (0, "import", "--undo", "1", "--db", db, NULL);
  g_assert_nonnull (strstr (undo, "3 people"));
  g_free (run_cli (1, "import", "--undo", "1", "--db", db, NULL));
  g_free (run_cli (2, "export", "--db", db, "--what", "people", "--format", "xml", "--out", out_csv, NULL));
  koc_test_rm_rf (dir);
}

static void
test_backup_while_writing (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *csv = write_file (dir, "in.csv", sample_csv);
  g_autofree char *db_path = g_build_filename (dir, "live.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(KocStore) store = store_with_import (db_path, csv);
  g_autoptr(GError) error = NULL;
  sqlite3 *writer, *check;
  gint64 value = -1;

  /* Another connection is in the middle of a write transaction. */
  writer = koc_db_open (db_path, KOC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (koc_db_begin_write (writer, &error));
  g_assert_true (koc_db_exec (writer, "INSERT INTO people (display_name) VALUES ('uncommitted')", &error));

  g_free (run_cli (0, "export", "--db", db_path, "--backup", copy, NULL));

  g_assert_true (koc_db_commit (writer, &error));
  koc_db_close (writer);

  check = koc_db_open (copy, KOC_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  koc_db_query_int64 (check, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'", -1,
                      &value, &error);
  g_assert_cmpint (value, ==, 0);
  koc_db_query_int64 (check, "SELECT count(*) FROM people", -1, &value, &error);
  g_assert_cmpint (value, ==, 3);
  koc_db_query_int64 (check, "SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH 'xiaomei'", -1,
                      &value, &error);
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 1);
  koc_db_close (check);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS) && g_file_test (copy, G_FILE_TEST_IS_DIR));
  koc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/export/round-trip", test_round_trip);
  g_test_add_func ("/koc/export/json", test_json);
  g_test_add_func ("/koc/export/all-tables", test_all_tables);
  g_test_add_func ("/koc/export/cli", test_cli);
  g_test_add_func ("/koc/export/backup-while-writing", test_backup_while_writing);
  return g_test_run ();
}
