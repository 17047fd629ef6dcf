/* test-import.c: importing a CSV through the window, and reviewing duplicates, under Xvfb.
 *
 * The test writes a GB18030 file with Chinese headers (昵称, 账号, 平台, 粉丝数, 互动率,
 * 邮箱, 备注) and one ragged row, opens it with "Import People" (win.import-people; the
 * file is named by KOCDESK_TEST_IMPORT_FILE since a portal chooser cannot be driven),
 * and checks the dialog: the detected encoding, the mapping guessed from the headers,
 * the problem listed for the ragged row, a changed mapping re-running the dry run, the
 * import through the Import button (rows in the database, read on a second connection),
 * and Undo removing them. Then "Review Duplicates" lists two people with the same email;
 * Merge removes one and the toast's Undo brings it back. Screenshots of the dialogs in
 * the light and dark style (KOCDESK_SCREENSHOT_DIR).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "koc-application.h"
#include "koc-db.h"
#include "koc-i18n.h"
#include "koc-import-dialog.h"
#include "koc-import-dialog-private.h"
#include "koc-merge-dialog.h"
#include "koc-test-gui.h"
#include "koc-test-utils.h"
#include "koc-window.h"

static KocApplication *app;
static KocWindow *window;
static KocStore *store;   /* a second connection to the workspace, for checking */
static char *data_home;
static char *csv_path;
static KocImportDialog *dialog;

static const char csv_utf8[] =
  "昵称,账号,平台,粉丝数,互动率,邮箱,备注\r\n"
  "小鹿爱护肤,xiaolu_1,小红书,1.2万,3.5%,lu@example.com,老客户\r\n"
  "柚子日常,youzi_2,抖音,8500,2.1%,,\r\n"
  "Lily 王,lily_3,微博,3.3k,1.39%,lily@example.com,\r\n"
  "坏行,bad_4,小红书\r\n"
  "团子测评,tuanzi_5,B站,N/A,,,新人\r\n";

typedef struct { const char *sql; gint64 n; } Q;

static gboolean
count_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **e)
{
  Q *query = data;

  return koc_db_query_int64 (db, query->sql, -1, &query->n, e);
}

static gboolean
exec_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **e)
{
  return koc_db_exec (db, data, e);
}

static gint64
count (const char *sql)
{
  g_autoptr(GError) error = NULL;
  Q q = { sql, -1 };

  g_assert_true (koc_store_run_sync (store, count_func, &q, NULL, NULL, &error));
  g_assert_no_error (error);
  return q.n;
}

static gboolean
workspace_open (gpointer data)
{
  return koc_window_get_workspace_name (window) != NULL;
}

static gboolean
dialog_settled (gpointer page)
{
  return !koc_import_dialog_is_busy (dialog) &&
         g_strcmp0 (koc_import_dialog_get_page (dialog), page) == 0;
}

static void
save (GtkWidget  *widget,
      const char *name)
{
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");

  if (dir == NULL)
    return;
  koc_test_gui_wait_frames (widget, 10);
  koc_test_gui_save_png (widget, dir, name);
}

/* Light and dark. */
static void
save_both (GtkWidget  *widget,
           const char *prefix)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("%s-light.png", prefix);
  g_autofree char *dark = g_strdup_printf ("%s-dark.png", prefix);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  koc_test_gui_wait_frames (widget, 20);
  g_assert_cmpuint (koc_test_gui_count_missing_glyphs (widget), ==, 0);
  save (widget, light);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  koc_test_gui_wait_frames (widget, 20);
  save (widget, dark);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_preview (void)
{
  const KocImportPreview *preview;
  const KocCsvProblem *problem;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-people", NULL);
  dialog = KOC_IMPORT_DIALOG (koc_test_gui_find_toplevel (KOC_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 920, 900);
  koc_test_gui_wait_until (dialog_settled, (gpointer) "preview", "the preview and its dry run");

  preview = koc_import_dialog_get_preview (dialog);
  g_assert_cmpstr (preview->encoding, ==, "GB18030");
  g_assert_cmpuint (preview->n_columns, ==, 7);
  g_assert_cmpstr (preview->header[3], ==, "粉丝数");
  g_assert_cmpuint (preview->n_rows, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (preview->rows, 0) ? ((char **) g_ptr_array_index (preview->rows, 0))[0] : NULL,
                   ==, "小鹿爱护肤");

  /* The mapping, guessed from the Chinese headers. */
  g_assert_cmpint (koc_import_dialog_get_field (dialog, 0), ==, KOC_FIELD_NAME);
  g_assert_cmpint (koc_import_dialog_get_field (dialog, 1), ==, KOC_FIELD_HANDLE);
  g_assert_cmpint (koc_import_dialog_get_field (dialog, 2), ==, KOC_FIELD_PLATFORM);
  g_assert_cmpint (koc_import_dialog_get_field (dialog, 3), ==, KOC_FIELD_FOLLOWERS);
  g_assert_cmpint (koc_import_dialog_get_field (dialog, 4), ==, KOC_FIELD_ENGAGEMENT_RATE);
  g_assert_cmpint (koc_import_dialog_get_field (dialog, 5), ==, KOC_FIELD_EMAIL);
  /* The platform row is for files without a platform column. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->platform_row)));

  /* The ragged row (line 5) is listed, with a row in the Problems group. */
  g_assert_cmpuint (preview->n_problems, ==, 1);
  problem = g_ptr_array_index (preview->problems, 0);
  g_assert_cmpint (problem->kind, ==, KOC_CSV_PROBLEM_RAGGED);
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->problems_group)));
  g_assert_cmpuint (dialog->problem_rows->len, ==, 1);

  /* What will happen: four new people, the ragged row skipped; nothing written yet. */
  g_assert_nonnull (koc_import_dialog_get_outcome (dialog));
  g_assert_cmpuint (koc_import_dialog_get_outcome (dialog)->created, ==, 4);
  g_assert_cmpuint (koc_import_dialog_get_outcome (dialog)->skipped->len, ==, 1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dialog->import_button)));
  g_assert_cmpint (count ("SELECT count(*) FROM accounts"), ==, 0);

  /* The table shows the first rows: a line-number column and one per header. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (dialog->table_view)), ==, 8);
  save_both (GTK_WIDGET (dialog), "import-preview");

  /* Further down: the mapping and the problems. */
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (dialog->preview_scroller);

    koc_test_gui_wait_frames (GTK_WIDGET (dialog), 3);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save_both (GTK_WIDGET (dialog), "import-mapping");
    gtk_adjustment_set_value (adjustment, 0);
  }
}

static void
test_change_mapping (void)
{
  /* 备注 (notes) is not a field: ignored. Map it to bio, then map the email away. */
  g_assert_cmpint (koc_import_dialog_get_field (dialog, 6), ==, KOC_FIELD_NONE);
  koc_import_dialog_set_field (dialog, 6, KOC_FIELD_BIO);
  koc_import_dialog_set_field (dialog, 5, KOC_FIELD_NONE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog->import_button)));
  koc_test_gui_wait_until (dialog_settled, (gpointer) "preview", "the dry run of the new mapping");
  g_assert_cmpuint (koc_import_dialog_get_outcome (dialog)->created, ==, 4);

  /* Without a handle column nothing can be imported, and the dialog says why. */
  koc_import_dialog_set_field (dialog, 1, KOC_FIELD_NONE);
  koc_test_gui_wait_until (dialog_settled, (gpointer) "preview", "the dry run without a handle");
  g_assert_null (koc_import_dialog_get_outcome (dialog));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog->import_button)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog->outcome_label), "error"));
  koc_import_dialog_set_field (dialog, 1, KOC_FIELD_HANDLE);
  koc_test_gui_wait_until (dialog_settled, (gpointer) "preview", "the dry run with the handle back");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dialog->import_button)));
}

static gboolean
undone (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (dialog->undo_button)) && !koc_import_dialog_is_busy (dialog);
}

static void
test_import_and_undo (void)
{
  const KocImportReport *report;

  gtk_widget_activate (GTK_WIDGET (dialog->import_button));
  koc_test_gui_wait_until (dialog_settled, (gpointer) "report", "the import");
  report = koc_import_dialog_get_report (dialog);
  g_assert_nonnull (report);
  g_assert_cmpint (report->import_id, >, 0);
  g_assert_cmpuint (report->created, ==, 4);

  g_assert_cmpint (count ("SELECT count(*) FROM accounts"), ==, 4);
  g_assert_cmpint (count ("SELECT followers FROM accounts WHERE handle = 'xiaolu_1' AND platform = 'xiaohongshu'"), ==, 12000);
  g_assert_cmpint (count ("SELECT count(*) FROM people WHERE bio = '老客户' AND display_name = '小鹿爱护肤'"), ==, 1);
  /* The email column was mapped away. */
  g_assert_cmpint (count ("SELECT count(*) FROM people WHERE email IS NOT NULL"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM accounts WHERE handle = 'bad_4'"), ==, 0);
  save_both (GTK_WIDGET (dialog), "import-report");

  gtk_widget_activate (GTK_WIDGET (dialog->undo_button));
  koc_test_gui_wait_until (undone, NULL, "the undo");
  g_assert_cmpint (count ("SELECT count(*) FROM accounts"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM people"), ==, 0);

  gtk_window_close (GTK_WINDOW (dialog));
  g_clear_object (&dialog);
}

static KocMergeDialog *merge_dialog;

static gboolean
merge_settled (gpointer data)
{
  return !koc_merge_dialog_is_busy (merge_dialog) && koc_merge_dialog_get_suggestions (merge_dialog) != NULL;
}

static void
test_merge (void)
{
  GPtrArray *suggestions;
  KocIdentitySuggestion *s;
  guint index = G_MAXUINT;
  gint64 kept, other;

  /* Import the file again, with its emails this time, and add someone who shares one. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KocImportReport) report = koc_import_run_sync (store, csv_path, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (report->created, ==, 4);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (koc_store_write_sync (store, exec_func, (gpointer)
                                         "INSERT INTO people (display_name, email) VALUES ('鹿鹿', 'LU@example.com');"
                                         "INSERT INTO notes (person_id, body) SELECT max (id), '见过面' FROM people;",
                                         NULL, NULL, &error));
    g_assert_no_error (error);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-duplicates", NULL);
  merge_dialog = KOC_MERGE_DIALOG (koc_test_gui_find_toplevel (KOC_TYPE_MERGE_DIALOG));
  g_assert_nonnull (merge_dialog);
  g_object_ref (merge_dialog);
  koc_test_gui_wait_until (merge_settled, NULL, "the suggestions");
  suggestions = koc_merge_dialog_get_suggestions (merge_dialog);
  for (guint i = 0; i < suggestions->len; i++)
    if (((KocIdentitySuggestion *) suggestions->pdata[i])->reason == KOC_IDENTITY_SAME_EMAIL)
      index = i;
  g_assert_cmpuint (index, <, suggestions->len);
  s = suggestions->pdata[index];
  g_assert_cmpstr (s->kept_name, ==, "小鹿爱护肤");
  g_assert_cmpstr (s->other_name, ==, "鹿鹿");
  g_assert_nonnull (strstr (s->kept_accounts, "xiaohongshu @xiaolu_1"));
  kept = s->kept_id;
  other = s->other_id;
  save_both (GTK_WIDGET (merge_dialog), "merge-suggestions");

  koc_merge_dialog_accept (merge_dialog, index);
  koc_test_gui_wait_until (merge_settled, NULL, "the merge");
  g_assert_cmpint (koc_merge_dialog_get_last_merge (merge_dialog), >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM notes WHERE person_id = %lld", (long long) kept);
    g_autofree char *gone = g_strdup_printf ("SELECT count(*) FROM people WHERE id = %lld", (long long) other);

    g_assert_cmpint (count (sql), ==, 1);
    g_assert_cmpint (count (gone), ==, 0);
  }
  save (GTK_WIDGET (merge_dialog), "merge-merged-light.png");

  koc_merge_dialog_undo_last (merge_dialog);
  koc_test_gui_wait_until (merge_settled, NULL, "the undo of the merge");
  g_assert_cmpint (koc_merge_dialog_get_last_merge (merge_dialog), ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM notes WHERE person_id = %lld", (long long) other);

    g_assert_cmpint (count (sql), ==, 1);
  }

  /* Not the Same: remembered. */
  suggestions = koc_merge_dialog_get_suggestions (merge_dialog);
  for (guint i = 0; i < suggestions->len; i++)
    if (((KocIdentitySuggestion *) suggestions->pdata[i])->other_id == other)
      index = i;
  koc_merge_dialog_reject (merge_dialog, index);
  koc_test_gui_wait_until (merge_settled, NULL, "the rejection");
  suggestions = koc_merge_dialog_get_suggestions (merge_dialog);
  for (guint i = 0; i < suggestions->len; i++)
    g_assert_cmpint (((KocIdentitySuggestion *) suggestions->pdata[i])->other_id, !=, other);
  g_assert_cmpint (count ("SELECT count(*) FROM merge_rejections"), ==, 1);

  gtk_window_close (GTK_WINDOW (merge_dialog));
  g_clear_object (&merge_dialog);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
test_export (void)
{
  g_autofree char *path = g_build_filename (data_home, "工作区.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *question;
  JsonObject *root;

  g_setenv ("KOCDESK_TEST_EXPORT_PATH", path, TRUE);
  /* From the menu, the format is asked first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-workspace", "s", "");
  question = ADW_MESSAGE_DIALOG (koc_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  g_assert_true (adw_message_dialog_has_response (question, "csv"));
  g_assert_true (adw_message_dialog_has_response (question, "backup"));
  save_both (GTK_WIDGET (question), "export-question");
  adw_message_dialog_response (question, "json");
  gtk_window_close (GTK_WINDOW (question));

  koc_test_gui_wait_until (file_exists, path, "the JSON export");
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "accounts")), ==,
                    count ("SELECT count(*) FROM accounts"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "notes")), ==, 1);
  g_unsetenv ("KOCDESK_TEST_EXPORT_PATH");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *gb = NULL;
  gsize gb_len = 0;
  int status;

  data_home = koc_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  koc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display (run the gui suite through tests/gui-wrapper.sh)\n");
      return 0;
    }

  dir = g_build_filename (data_home, "kocdesk", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = g_build_filename (dir, "Import.db", NULL);
  store = koc_store_open_sync (path, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);

  csv_path = g_build_filename (data_home, "达人名单.csv", NULL);
  gb = g_convert (csv_utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (csv_path, gb, (gssize) gb_len, &error));
  g_setenv ("KOCDESK_TEST_IMPORT_FILE", csv_path, TRUE);

  app = koc_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = KOC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  koc_test_gui_wait_until (workspace_open, NULL, "the workspace to open");

  g_test_add_func ("/koc/app/import/preview", test_preview);
  g_test_add_func ("/koc/app/import/change-mapping", test_change_mapping);
  g_test_add_func ("/koc/app/import/import-and-undo", test_import_and_undo);
  g_test_add_func ("/koc/app/import/merge", test_merge);
  g_test_add_func ("/koc/app/import/export", test_export);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  g_clear_object (&store);
  koc_test_rm_rf (data_home);
  g_free (data_home);
  g_free (csv_path);

  return status;
}
