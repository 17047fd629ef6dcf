/* test-export-selection.c: selection exports (Discover, boards), the formula guard of
 * CSV for Excel, and whole-workspace exports (CSV folder, one JSON file, backup).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "io-test-utils.h"
#include "koc-db.h"
#include "koc-export.h"
#include "koc-import.h"
#include "koc-test-utils.h"

static const char sample_csv[] =
  "昵称,账号,平台,粉丝数,互动率,邮箱,简介\n"
  "小美,xiaomei,小红书,3.3万,4.5%,mei@example.com,\"=HYPERLINK(\"\"http://evil\"\")\"\n"
  "Ann,ann_w,instagram,\"1,234\",N/A,ann@example.com,+86 hello\n"
  "Ann,ann_dy,douyin,500,1%,ann@example.com,@ann\n"
  "Eve,eve1,weibo,1.2k,0.5%,,-minus\n";

static char *dir;
static KocStore *store;

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

static int
column (GPtrArray  *rows,
        const char *name)
{
  char **header = rows->pdata[0];

  for (int i = 0; header[i]; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_assert_not_reached ();
}

typedef struct { const char *sql; gint64 n; } Q;

static gboolean
query_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  Q *q = data;

  return koc_db_query_int64 (db, q->sql, -1, &q->n, error);
}

static gint64
query (const char *sql)
{
  g_autoptr(GError) error = NULL;
  Q q = { sql, -1 };

  g_assert_true (koc_store_run_sync (store, query_func, &q, NULL, NULL, &error));
  g_assert_no_error (error);
  return q.n;
}

static void
test_accounts_selection (void)
{
  g_autofree char *out = g_build_filename (dir, "selection.csv", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[3];
  guint64 n = 0;
  char **row;

  /* In the selection's order, not the table's. */
  ids[0] = query ("SELECT id FROM accounts WHERE handle = 'eve1'");
  ids[1] = query ("SELECT id FROM accounts WHERE handle = 'xiaomei'");
  ids[2] = query ("SELECT id FROM accounts WHERE handle = 'ann_w'");
  g_assert_true (koc_export_selection_sync (store, KOC_EXPORT_SELECTION_ACCOUNTS, ids, 3, KOC_EXPORT_CSV,
                                            KOC_EXPORT_BOM, out, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  rows = read_csv_file (out);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (((char **) rows->pdata[1])[column (rows, "handle")], ==, "eve1");
  g_assert_cmpstr (((char **) rows->pdata[2])[column (rows, "handle")], ==, "xiaomei");
  row = rows->pdata[2];
  g_assert_cmpstr (row[column (rows, "platform")], ==, "xiaohongshu");
  g_assert_cmpstr (row[column (rows, "followers")], ==, "33000");
  g_assert_cmpstr (row[column (rows, "email")], ==, "mei@example.com");
  g_assert_cmpstr (row[column (rows, "person")], ==, "小美");
  /* The latest metric snapshot, from the import. */
  g_assert_cmpstr (row[column (rows, "metrics_at")], !=, "");
  /* Without the Excel option, cells are written as they are. */
  g_assert_cmpstr (row[column (rows, "bio")], ==, "=HYPERLINK(\"http://evil\")");

  /* An empty selection is a header only. */
  g_assert_true (koc_export_selection_sync (store, KOC_EXPORT_SELECTION_ACCOUNTS, NULL, 0, KOC_EXPORT_CSV,
                                            0, out, &n, NULL, &error));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_people_selection_json (void)
{
  g_autofree char *out = g_build_filename (dir, "people.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  gint64 ids[1];
  guint64 n = 0;

  /* Ann has two accounts: two rows, the bigger first. */
  ids[0] = query ("SELECT person_id FROM accounts WHERE handle = 'ann_w'");
  g_assert_cmpint (ids[0], ==, query ("SELECT person_id FROM accounts WHERE handle = 'ann_w'"));
  g_assert_true (koc_export_selection_sync (store, KOC_EXPORT_SELECTION_PEOPLE, ids, 1, KOC_EXPORT_JSON,
                                            0, out, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, out, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, n);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "person_id"), ==, ids[0]);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "followers"), ==, 1234);
}

static void
test_excel_guard (void)
{
  g_autofree char *out = g_build_filename (dir, "excel.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[4];
  guint64 n = 0;
  int bio;

  ids[0] = query ("SELECT id FROM accounts WHERE handle = 'xiaomei'");
  ids[1] = query ("SELECT id FROM accounts WHERE handle = 'ann_w'");
  ids[2] = query ("SELECT id FROM accounts WHERE handle = 'ann_dy'");
  ids[3] = query ("SELECT id FROM accounts WHERE handle = 'eve1'");
  g_assert_true (koc_export_selection_sync (store, KOC_EXPORT_SELECTION_ACCOUNTS, ids, 4, KOC_EXPORT_CSV,
                                            KOC_EXPORT_EXCEL, out, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF")); /* Excel needs the BOM for UTF-8 */
  rows = read_csv_file (out);
  bio = column (rows, "bio");
  g_assert_cmpstr (((char **) rows->pdata[1])[bio], ==, "'=HYPERLINK(\"http://evil\")");
  g_assert_cmpstr (((char **) rows->pdata[2])[bio], ==, "'+86 hello");
  g_assert_cmpstr (((char **) rows->pdata[3])[bio], ==, "'@ann");
  g_assert_cmpstr (((char **) rows->pdata[4])[bio], ==, "'-minus");
  /* Numbers are not text: left alone. */
  g_assert_cmpstr (((char **) rows->pdata[1])[column (rows, "followers")], ==, "33000");

  {
    g_autoptr(GString) cell = g_string_new (NULL);

    koc_csv_append_cell (cell, "\tTAB", ',', KOC_EXPORT_EXCEL);
    g_assert_cmpstr (cell->str, ==, "'\tTAB");
    g_string_truncate (cell, 0);
    koc_csv_append_cell (cell, "a=b", ',', KOC_EXPORT_EXCEL);
    g_assert_cmpstr (cell->str, ==, "a=b");
    g_string_truncate (cell, 0);
    koc_csv_append_cell (cell, "=1,2", ',', KOC_EXPORT_EXCEL);
    g_assert_cmpstr (cell->str, ==, "\"'=1,2\"");
  }
}

static void
test_workspace (void)
{
  g_autofree char *folder = g_build_filename (dir, "export-folder", NULL);
  g_autofree char *json = g_build_filename (dir, "workspace.json", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char * const *tables = koc_export_tables ();
  JsonObject *root;
  gint64 rows;

  rows = koc_export_workspace_sync (store, KOC_EXPORT_WORKSPACE_CSV, folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 4 + 4); /* people and accounts; the other tables are empty */
  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *name = g_strconcat (tables[i], ".csv", NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  {
    g_autofree char *path = g_build_filename (folder, "accounts.csv", NULL);
    g_autoptr(GPtrArray) csv = read_csv_file (path);

    g_assert_cmpuint (csv->len, ==, 5);
  }

  rows = koc_export_workspace_sync (store, KOC_EXPORT_WORKSPACE_JSON, json, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; tables[i]; i++)
    g_assert_true (json_object_has_member (root, tables[i]));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "accounts")), ==, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "people")), ==, 4);

  g_assert_cmpint (koc_export_workspace_sync (store, KOC_EXPORT_WORKSPACE_BACKUP, backup, NULL, &error), ==, 0);
  g_assert_no_error (error);
  {
    g_autoptr(KocStore) copy = koc_store_open_sync (backup, KOC_STORE_OPEN_READ_ONLY, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (copy);
  }
}

static gboolean
exec_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  return koc_db_exec (db, data, error);
}

/* A campaign board as CSV: its people stage by stage in the board's order, each with
 * every account (the bigger first), and the stage; from the library and from
 * `kocdesk-cli export selection --campaign`, the same bytes. */
static void
test_board_selection (void)
{
  g_autofree char *out = g_build_filename (dir, "board.csv", NULL);
  g_autofree char *out_json = g_build_filename (dir, "board.json", NULL);
  g_autofree char *cli_out = g_build_filename (dir, "board-cli.csv", NULL);
  g_autofree char *db = g_build_filename (dir, "w.db", NULL);
  g_autofree char *contents = NULL, *cli_contents = NULL, *json = NULL, *campaign_arg = NULL;
  g_autofree char *cli_err = NULL;
  g_autoptr(GError) error = NULL;
  gint64 campaign;
  guint64 n = 0;
  int status = -1;
  /* Fixed uids and scores, and a latest snapshot at a fixed time, so the bytes are
   * known. */
  const char *setup =
    "UPDATE people SET uid = 'person-' || id, koc_score = 50.5;"
    "UPDATE accounts SET person_id = (SELECT person_id FROM accounts WHERE handle = 'ann_w')"
    " WHERE handle = 'ann_dy';"
    "INSERT INTO metric_snapshots (account_id, taken_at, followers) SELECT id, 4102444800, followers"
    " FROM accounts;"
    "INSERT INTO campaigns (name) VALUES ('Spring board');"
    "INSERT INTO campaign_stages (campaign_id, name, position) SELECT max (id), 'Invited', 101 FROM campaigns;"
    "INSERT INTO campaign_stages (campaign_id, name, position) SELECT max (id), '已发布', 102 FROM campaigns;"
    "INSERT INTO cards (campaign_id, person_id, stage_id, position) SELECT (SELECT max (id) FROM campaigns),"
    " (SELECT person_id FROM accounts WHERE handle = 'eve1'), (SELECT id FROM campaign_stages WHERE name = 'Invited'), 2;"
    "INSERT INTO cards (campaign_id, person_id, stage_id, position) SELECT (SELECT max (id) FROM campaigns),"
    " (SELECT person_id FROM accounts WHERE handle = 'xiaomei'), (SELECT id FROM campaign_stages WHERE name = 'Invited'), 1;"
    "INSERT INTO cards (campaign_id, person_id, stage_id, position) SELECT (SELECT max (id) FROM campaigns),"
    " (SELECT person_id FROM accounts WHERE handle = 'ann_w'), (SELECT id FROM campaign_stages WHERE name = '已发布'), 1;";
  const char *argv[] = { g_getenv ("KOCDESK_CLI"), "export", "selection", "--db", db, "--campaign", NULL,
                         "--out", cli_out, NULL };
  g_autofree char *expected = NULL;
  gint64 mei_a, mei_p, eve_a, eve_p, ann_w, ann_dy, ann_p;

  koc_store_write_sync (store, exec_func, (gpointer) setup, NULL, NULL, &error);
  g_assert_no_error (error);
  campaign = query ("SELECT max (id) FROM campaigns");
  mei_a = query ("SELECT id FROM accounts WHERE handle = 'xiaomei'");
  mei_p = query ("SELECT person_id FROM accounts WHERE handle = 'xiaomei'");
  eve_a = query ("SELECT id FROM accounts WHERE handle = 'eve1'");
  eve_p = query ("SELECT person_id FROM accounts WHERE handle = 'eve1'");
  ann_w = query ("SELECT id FROM accounts WHERE handle = 'ann_w'");
  ann_dy = query ("SELECT id FROM accounts WHERE handle = 'ann_dy'");
  ann_p = query ("SELECT person_id FROM accounts WHERE handle = 'ann_w'");

  g_assert_true (koc_export_selection_sync (store, KOC_EXPORT_SELECTION_BOARD, &campaign, 1, KOC_EXPORT_CSV,
                                            0, out, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  expected = g_strdup_printf (
    "platform,handle,display_name,followers,engagement_rate,region,category,url,bio,email,phone,wechat,"
    "person,stage,koc_score,tier,posts_count,last_post_at,metrics_at,avg_likes,avg_views,account_id,"
    "person_id,person_uid,board_stage\r\n"
    "xiaohongshu,xiaomei,小美,33000,0.045,,,,\"=HYPERLINK(\"\"http://evil\"\")\",mei@example.com,,,小美,"
    "discovered,50.5,micro,0,,2100-01-01T00:00:00Z,,,%lld,%lld,person-%lld,Invited\r\n"
    "weibo,eve1,Eve,1200,0.005,,,,-minus,,,,Eve,discovered,50.5,nano,0,,2100-01-01T00:00:00Z,,,%lld,%lld,"
    "person-%lld,Invited\r\n"
    "instagram,ann_w,Ann,1234,,,,,+86 hello,ann@example.com,,,Ann,discovered,50.5,nano,0,,"
    "2100-01-01T00:00:00Z,,,%lld,%lld,person-%lld,已发布\r\n"
    "douyin,ann_dy,Ann,500,0.01,,,,@ann,ann@example.com,,,Ann,discovered,50.5,nano,0,,"
    "2100-01-01T00:00:00Z,,,%lld,%lld,person-%lld,已发布\r\n",
    (long long) mei_a, (long long) mei_p, (long long) mei_p, (long long) eve_a, (long long) eve_p,
    (long long) eve_p, (long long) ann_w, (long long) ann_p, (long long) ann_p, (long long) ann_dy,
    (long long) ann_p, (long long) ann_p);
  g_assert_cmpstr (contents, ==, expected);

  /* The same through the command line. */
  campaign_arg = g_strdup_printf ("%lld", (long long) campaign);
  argv[6] = campaign_arg;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                               &cli_err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (cli_out, &cli_contents, NULL, NULL));
  g_assert_cmpstr (cli_contents, ==, expected);

  /* JSON: one object per row, the stage last. */
  g_assert_true (koc_export_selection_sync (store, KOC_EXPORT_SELECTION_BOARD, &campaign, 1, KOC_EXPORT_JSON,
                                            0, out_json, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_json, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"handle\":\"xiaomei\""));
  g_assert_true (strstr (json, "\"handle\":\"xiaomei\"") < strstr (json, "\"handle\":\"ann_dy\""));
  g_assert_nonnull (strstr (json, "\"board_stage\":\"已发布\"}"));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KocImportReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = koc_test_make_tmp_dir ();
  csv = g_build_filename (dir, "in.csv", NULL);
  db = g_build_filename (dir, "w.db", NULL);
  g_assert_true (g_file_set_contents (csv, sample_csv, -1, &error));
  store = koc_store_open_sync (db, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  report = koc_import_run_sync (store, csv, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, 4);

  g_test_add_func ("/koc/export/selection/accounts", test_accounts_selection);
  g_test_add_func ("/koc/export/selection/people-json", test_people_selection_json);
  g_test_add_func ("/koc/export/excel-guard", test_excel_guard);
  g_test_add_func ("/koc/export/workspace", test_workspace);
  g_test_add_func ("/koc/export/selection/board", test_board_selection);
  status = g_test_run ();

  g_clear_object (&store);
  koc_test_rm_rf (dir);
  g_free (dir);
  return status;
}
