/* test-discover-remote.c: "Search on Server" in the Discover pane of the real
 * application against a real kocdesk-server, under Xvfb, in English and Chinese.
 *
 * The application starts on an empty local workspace: the button is hidden. After the
 * sign-in and the first sync, one person (and so their accounts) is removed from the
 * workspace file, as if this device never had them. The button shows; its dialog
 * finds that account on the server (and says how many matches are already local);
 * "Save to Workspace" stores it with the server's values, the pane lists it and a toast
 * says so; the next sync does not duplicate it. A search with nothing new, a search
 * without any local result (whose no-results page offers the server) and a stopped
 * server show their status pages. Against a workspace without the server's accounts,
 * "Show More" lists the next page of 50. Screenshots of each, light and dark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "koc-application.h"
#include "koc-discover-pane-private.h"
#include "koc-entities.h"
#include "koc-i18n.h"
#include "koc-remote-search-dialog.h"
#include "koc-sign-in-dialog.h"
#include "koc-sync-controller.h"
#include "koc-test-gui.h"
#include "koc-test-utils.h"
#include "koc-window.h"
#include "server-fixture.h"

static KocApplication *app;
static KocWindow *window;
static KocDiscoverPane *pane;
static KocSyncController *controller;
static ServerProcess *server;
static char *data_home;
static char *server_dir;
static char *removed_account;  /* uid */
static char *removed_person;   /* uid */
static char *removed_handle;

static gboolean
workspace_open (gpointer data)
{
  return koc_window_get_workspace_name (window) != NULL;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static char *
server_file (void)
{
  return g_build_filename (server_dir, "workspaces", "demo.db", NULL);
}

static const char *
client_file (void)
{
  return koc_store_get_path (koc_window_get_store (window));
}

static void
save (GtkWidget  *widget,
      const char *name)
{
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");

  if (dir == NULL)
    return;
  koc_test_gui_wait_frames (widget, 10);
  g_assert_cmpuint (koc_test_gui_count_missing_glyphs (widget), ==, 0);
  koc_test_gui_save_png (widget, dir, name);
}

static void
save_both (GtkWidget  *widget,
           const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("%s-light.png", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark.png", name);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save (widget, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save (widget, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
is_synced (gpointer data)
{
  KocSyncEngine *engine = koc_sync_controller_get_engine (controller);

  return engine != NULL && !koc_sync_controller_is_busy (controller) &&
         koc_sync_engine_get_state (engine) == KOC_SYNC_ENGINE_IDLE &&
         koc_sync_engine_get_last_synced (engine) != NULL;
}

static gboolean
not_visible (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
pane_idle (gpointer data)
{
  return !koc_discover_pane_is_busy (pane);
}

/* The pane shows the results of @data (after the entry's search delay). */
static gboolean
pane_searched (gpointer data)
{
  const KocSearchQuery *query = koc_discover_pane_get_query (pane);

  return query != NULL && g_strcmp0 (query->text, data) == 0 && !koc_discover_pane_is_busy (pane);
}

static gboolean
dialog_idle (gpointer data)
{
  return !koc_remote_search_dialog_is_busy (data);
}

static void
search_pane (const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (pane->search_entry), text);
  koc_test_gui_wait_until (pane_searched, (gpointer) text, "the pane's search");
}

static KocRemoteSearchDialog *
open_dialog (void)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_get_visible (pane->remote_button));
  g_signal_emit_by_name (pane->remote_button, "clicked");
  dialog = koc_test_gui_find_toplevel (KOC_TYPE_REMOTE_SEARCH_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  koc_test_gui_wait_until (dialog_idle, dialog, "the server search");
  return KOC_REMOTE_SEARCH_DIALOG (dialog);
}

static void
test_hidden_when_local (void)
{
  g_assert_null (koc_sync_controller_get_engine (controller));
  g_assert_false (gtk_widget_get_visible (pane->remote_button));
}

static gboolean
remove_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM sync_revs WHERE uid = '%s' OR uid IN"
                                          " (SELECT uid FROM accounts WHERE person_id ="
                                          " (SELECT id FROM people WHERE uid = '%s'));"
                                          " DELETE FROM accounts WHERE person_id ="
                                          " (SELECT id FROM people WHERE uid = '%s');"
                                          " DELETE FROM people WHERE uid = '%s';",
                                          removed_person, removed_person, removed_person,
                                          removed_person);

  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static void
test_sign_in_and_remove (void)
{
  GtkWindow *dialog;
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "sync.sign-in", NULL);
  dialog = koc_test_gui_find_toplevel (KOC_TYPE_SIGN_IN_DIALOG);
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  koc_sign_in_dialog_submit (KOC_SIGN_IN_DIALOG (dialog), server->url, server->token);
  koc_test_gui_wait_until (not_visible, dialog, "the sign-in to be accepted");
  g_object_unref (dialog);
  koc_test_gui_wait_until (is_synced, NULL, "the first sync");

  /* A person with one account, who this device will not have. */
  removed_person = query_text (client_file (), "SELECT p.uid FROM people p WHERE"
                               " (SELECT count(*) FROM accounts a WHERE a.person_id = p.id) = 1"
                               " ORDER BY p.id LIMIT 1 OFFSET 3");
  removed_account = query_text (client_file (), "SELECT a.uid FROM accounts a JOIN people p"
                                " ON p.id = a.person_id WHERE p.uid IN (SELECT p2.uid FROM people p2"
                                " WHERE (SELECT count(*) FROM accounts a2 WHERE a2.person_id = p2.id) = 1"
                                " ORDER BY p2.id LIMIT 1 OFFSET 3)");
  g_assert_nonnull (removed_person);
  g_assert_nonnull (removed_account);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT handle FROM accounts WHERE uid = '%s'", removed_account);
    removed_handle = query_text (client_file (), sql);
  }
  g_assert_true (koc_store_write_sync (koc_window_get_store (window), remove_func, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM accounts WHERE uid = '%s'", removed_account);
    g_assert_cmpint (query_int (client_file (), sql), ==, 0);
  }

  /* The pane does not find it, and now offers the server. */
  search_pane (removed_handle);
  g_assert_true (gtk_widget_get_visible (pane->remote_button));
  save_both (GTK_WIDGET (window), "discover-remote-button");
}

static void
test_search_and_save (void)
{
  KocRemoteSearchDialog *dialog = open_dialog ();
  g_autofree char *path = server_file ();
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM accounts WHERE uid = '%s'", removed_account);
  gboolean found = FALSE;
  guint index = 0;
  gint64 server_accounts;

  g_assert_null (koc_remote_search_dialog_get_status (dialog));
  g_assert_cmpuint (koc_remote_search_dialog_get_n_hits (dialog), >=, 1);
  for (guint i = 0; i < koc_remote_search_dialog_get_n_hits (dialog); i++)
    if (g_strcmp0 (koc_remote_search_dialog_get_hit_uid (dialog, i), removed_account) == 0)
      {
        found = TRUE;
        index = i;
      }
  g_assert_true (found);
  koc_remote_search_dialog_check (dialog, index, TRUE);
  save_both (GTK_WIDGET (dialog), "discover-remote-results");

  g_object_ref (dialog);
  koc_remote_search_dialog_save (dialog);
  koc_test_gui_wait_until (not_visible, dialog, "the save to close the dialog");
  g_object_unref (dialog);
  koc_test_gui_wait_until (pane_idle, NULL, "the pane to search again");
  g_assert_cmpuint (pane->n_remote_saved, ==, 1);
  g_assert_cmpint (query_int (client_file (), sql), ==, 1);
  /* The pane lists it now. */
  {
    GListModel *results = koc_discover_pane_get_results (pane);
    gboolean listed = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (results); i++)
      {
        g_autoptr(KocAccountItem) item = g_list_model_get_item (results, i);
        listed |= g_strcmp0 (koc_account_item_get_hit (item)->handle, removed_handle) == 0;
      }
    g_assert_true (listed);
  }
  save_both (GTK_WIDGET (window), "discover-remote-saved");

  /* The next sync does not duplicate it. */
  koc_sync_controller_sync_now (controller);
  koc_test_gui_wait_until (is_synced, NULL, "the sync after saving");
  server_accounts = query_int (path, "SELECT count(*) FROM accounts");
  g_assert_cmpint (query_int (client_file (), sql), ==, 1);
  g_assert_cmpint (query_int (client_file (), "SELECT count(*) FROM accounts"), ==, server_accounts);
}

static void
test_nothing_new (void)
{
  KocRemoteSearchDialog *dialog = open_dialog ();

  /* Everything matching the handle is local now. */
  g_assert_cmpuint (koc_remote_search_dialog_get_n_hits (dialog), ==, 0);
  g_assert_cmpstr (koc_remote_search_dialog_get_status (dialog), ==, _("Nothing New on the Server"));
  g_assert_cmpstr (koc_remote_search_dialog_get_status_description (dialog), ==,
                   _("Every account the server found is already in this workspace."));
  save_both (GTK_WIDGET (dialog), "discover-remote-nothing-new");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Nothing here either: the no-results page offers the server, which has nothing. */
static void
test_no_results_page (void)
{
  KocRemoteSearchDialog *dialog;
  GtkWindow *toplevel;

  search_pane ("qqzzxxnothing");
  g_assert_cmpuint (g_list_model_get_n_items (koc_discover_pane_get_results (pane)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pane->stack), ==, "no-results");
  g_assert_true (gtk_widget_get_visible (pane->remote_suggestion));
  save_both (GTK_WIDGET (window), "discover-remote-no-results");

  g_signal_emit_by_name (pane->remote_suggestion, "clicked");
  toplevel = koc_test_gui_find_toplevel (KOC_TYPE_REMOTE_SEARCH_DIALOG);
  g_assert_nonnull (toplevel);
  dialog = KOC_REMOTE_SEARCH_DIALOG (toplevel);
  koc_test_gui_wait_until (dialog_idle, dialog, "the server search");
  g_assert_cmpuint (koc_remote_search_dialog_get_n_hits (dialog), ==, 0);
  g_assert_cmpstr (koc_remote_search_dialog_get_status_description (dialog), ==,
                   _("The server has no account matching these words."));
  gtk_window_close (toplevel);
}

/* Against a workspace that has none of the server's accounts (a second, empty one, with
 * its own engine), the server's 100 accounts come as a page of 50 and, after "Show
 * More", the other 50: each once, and no further page is offered. */
static void
test_show_more (void)
{
  g_autofree char *path = g_build_filename (data_home, "Elsewhere.db", NULL);
  g_autofree char *server_path = server_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) empty = koc_store_open_sync (path, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(KocSyncEngine) engine = NULL;
  KocRemoteSearchDialog *dialog;
  gint64 server_accounts = query_int (server_path, "SELECT count(*) FROM accounts");

  g_assert_no_error (error);
  g_assert_cmpint (server_accounts, >, 50);
  g_assert_cmpint (server_accounts, <=, 100);
  engine = koc_sync_engine_new (empty, server->url, server->token);
  dialog = koc_remote_search_dialog_new (GTK_WINDOW (window), engine, empty, "");
  gtk_window_present (GTK_WINDOW (dialog));
  koc_test_gui_wait_until (dialog_idle, dialog, "the server search");
  g_assert_null (koc_remote_search_dialog_get_status (dialog));
  g_assert_cmpuint (koc_remote_search_dialog_get_n_hits (dialog), ==, 50);
  g_assert_true (koc_remote_search_dialog_has_more (dialog));
  /* At the end of the page: the button. */
  {
    /* The results' scroller comes after the status page's. */
    g_autoptr(GPtrArray) scrollers = koc_test_gui_find_widgets (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
    GtkScrolledWindow *scroller = g_ptr_array_index (scrollers, scrollers->len - 1);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

    koc_test_gui_wait_frames (GTK_WIDGET (dialog), 3);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  save_both (GTK_WIDGET (dialog), "discover-remote-show-more");

  koc_remote_search_dialog_check (dialog, 0, TRUE);
  koc_remote_search_dialog_show_more (dialog);
  g_assert_true (koc_remote_search_dialog_is_busy (dialog));
  koc_test_gui_wait_until (dialog_idle, dialog, "the next page");
  g_assert_cmpuint (koc_remote_search_dialog_get_n_hits (dialog), ==, server_accounts);
  g_assert_false (koc_remote_search_dialog_has_more (dialog));
  for (guint i = 0; i < koc_remote_search_dialog_get_n_hits (dialog); i++)
    g_assert_true (g_hash_table_add (uids, (gpointer) koc_remote_search_dialog_get_hit_uid (dialog, i)));
  /* The first page's rows (and what was checked there) stay. */
  save_both (GTK_WIDGET (dialog), "discover-remote-show-more-end");
  g_object_ref (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  koc_test_gui_wait_until (not_visible, dialog, "the dialog to close");
  g_object_unref (dialog);
}

static void
test_server_down (void)
{
  KocRemoteSearchDialog *dialog;

  g_assert_cmpint (server_stop (server), ==, 0);
  dialog = open_dialog ();
  g_assert_cmpstr (koc_remote_search_dialog_get_status (dialog), ==, _("Server Search Failed"));
  g_assert_nonnull (koc_remote_search_dialog_get_status_description (dialog));
  save_both (GTK_WIDGET (dialog), "discover-remote-error");
  gtk_window_close (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_home = NULL;
  int status;

  data_home = koc_test_make_tmp_dir ();
  cache_home = g_build_filename (data_home, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_unsetenv ("KOCDESK_DEV_TOKEN");
  koc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display (run the gui suite through tests/gui-wrapper.sh)\n");
      return 0;
    }
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  server_dir = g_build_filename (data_home, "server", NULL);
  g_assert_cmpint (g_mkdir_with_parents (server_dir, 0700), ==, 0);
  server = server_start (server_dir, "--demo-scale", "0.01", NULL);

  app = koc_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = KOC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  koc_test_gui_wait_until (workspace_open, NULL, "the first workspace to open");
  controller = koc_window_get_sync_controller (window);
  pane = KOC_DISCOVER_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_DISCOVER_PANE));
  g_assert_nonnull (pane);

  g_test_add_func ("/koc/app/discover-remote/hidden-when-local", test_hidden_when_local);
  g_test_add_func ("/koc/app/discover-remote/sign-in-and-remove", test_sign_in_and_remove);
  g_test_add_func ("/koc/app/discover-remote/search-and-save", test_search_and_save);
  g_test_add_func ("/koc/app/discover-remote/nothing-new", test_nothing_new);
  g_test_add_func ("/koc/app/discover-remote/no-results-page", test_no_results_page);
  g_test_add_func ("/koc/app/discover-remote/show-more", test_show_more);
  g_test_add_func ("/koc/app/discover-remote/server-down", test_server_down);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  if (g_subprocess_get_identifier (server->process) != NULL)
    server_stop (server);
  server_free (server);
  koc_test_rm_rf (data_home);
  g_free (data_home);
  g_free (server_dir);
  g_free (removed_account);
  g_free (removed_person);
  g_free (removed_handle);

  return status;
}
