/* test-sync-app.c: sync in the real application against a real kocdesk-server, under
 * Xvfb, in English and Chinese.
 *
 * The server (tests/server's fixture, demo scale 0.01) runs on 127.0.0.1 with a random
 * port; the application starts on an empty workspace in a temporary XDG_DATA_HOME. The
 * test signs in through the sign-in dialog — a wrong address and a wrong token are
 * refused with their own messages, nothing is stored —, then the right token: the
 * workspace syncs, the indicator says "Synced at HH:MM" and the workspace file has the
 * server's data (same digest as the server's file). Sync Now (the sync.now action of
 * Ctrl+R) syncs again. A local edit of a person whose stage changed on the server
 * meanwhile gives a conflict: it is announced, listed in the conflicts dialog with both
 * values, and "Use Mine" queues the user's value, which reaches the server. Signing out
 * A token revoked on the server gives the error state and a toast that sends the user
 * to sign in again, with the edit still queued. Signing out
 * makes the workspace local again, with its data. No Secret Service runs here, so the
 * sign-in is for the session only (the "no keyring" path); the token is never written
 * to GSettings or the workspace file (checked). Screenshots of the indicator states,
 * the sign-in error and the conflicts dialog, light and dark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "koc-application.h"
#include "koc-campaigns-pane.h"
#include "koc-conflicts-dialog.h"
#include "koc-db.h"
#include "koc-discover-pane.h"
#include "koc-i18n.h"
#include "koc-people-pane.h"
#include "koc-sign-in-dialog.h"
#include "koc-sync-controller.h"
#include "koc-sync-digest.h"
#include "koc-sync-outbox.h"
#include "koc-test-gui.h"
#include "koc-test-utils.h"
#include "koc-window.h"
#include "server-fixture.h"

static KocApplication *app;
static KocWindow *window;
static KocSyncIndicator *indicator;
static KocSyncController *controller;
static ServerProcess *server;
static char *data_home;
static char *server_dir;

static gboolean
workspace_open (gpointer data)
{
  return koc_window_get_workspace_name (window) != NULL;
}

static char *
digest_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open (path, KOC_STORE_OPEN_READ_ONLY, &error);
  char *digest;

  g_assert_no_error (error);
  digest = koc_sync_digest (db, NULL, NULL, &error);
  g_assert_no_error (error);
  koc_db_close (db);
  return digest;
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

/* @widget in the light and the dark style: NAME-light.png, NAME-dark.png. */
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

static void
save_popover (const char *name)
{
  GtkWidget *popover;

  koc_sync_indicator_popup (indicator);
  popover = koc_test_gui_find_widget (GTK_WIDGET (indicator), GTK_TYPE_POPOVER);
  g_assert_true (gtk_widget_get_visible (popover));
  save_both (popover, name);
  koc_sync_indicator_popdown (indicator);
}

static gboolean
is_synced (gpointer data)
{
  KocSyncEngine *engine = koc_sync_controller_get_engine (controller);

  return engine != NULL && !koc_sync_controller_is_busy (controller) &&
         koc_sync_engine_get_state (engine) == KOC_SYNC_ENGINE_IDLE &&
         koc_sync_engine_get_last_synced (engine) != NULL &&
         koc_sync_indicator_get_state (indicator) == KOC_SYNC_STATE_SYNCED;
}

static gboolean
dialog_idle (gpointer data)
{
  return !koc_sign_in_dialog_is_busy (data);
}

static gboolean
not_visible (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static KocSignInDialog *
open_sign_in (void)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "sync.sign-in", NULL);
  dialog = koc_test_gui_find_toplevel (KOC_TYPE_SIGN_IN_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  return KOC_SIGN_IN_DIALOG (dialog);
}

static void
test_local (void)
{
  g_assert_cmpint (koc_sync_indicator_get_state (indicator), ==, KOC_SYNC_STATE_LOCAL);
  g_assert_cmpstr (koc_sync_indicator_get_label (indicator), ==, _("Local"));
  g_assert_null (koc_sync_controller_get_engine (controller));
  /* A local workspace still has its media cache (its own media rows, the disk). */
  g_assert_nonnull (koc_sync_controller_get_media_cache (controller));
  save_popover ("sync-local");
}

static void
test_sign_in_refused (void)
{
  KocSignInDialog *dialog = open_sign_in ();
  g_autofree char *url = NULL;
  const char *message;

  /* Nothing listens on port 1: the address is wrong or the server is down. */
  koc_sign_in_dialog_submit (dialog, "http://127.0.0.1:1/", server->token);
  koc_test_gui_wait_until (dialog_idle, dialog, "the check of a wrong address");
  message = koc_sign_in_dialog_get_error (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "127.0.0.1:1"));

  /* The right server, a wrong token. */
  koc_sign_in_dialog_submit (dialog, server->url, "koc_0000000000000000000000000000000000000000000000");
  koc_test_gui_wait_until (dialog_idle, dialog, "the check of a wrong token");
  g_assert_cmpstr (koc_sign_in_dialog_get_error (dialog), ==,
                   _("The server refused this access token. Check that you copied all of it and that it was not revoked; ask your server’s administrator for a new one."));
  save_both (GTK_WIDGET (dialog), "sync-sign-in-error");

  /* Not a KOC Desk server: the health check URL answers JSON without a feed. */
  {
    g_autofree char *other = g_strconcat (server->url, "v1/health/", NULL);
    koc_sign_in_dialog_submit (dialog, other, server->token);
    koc_test_gui_wait_until (dialog_idle, dialog, "the check of another kind of server");
    g_assert_nonnull (koc_sign_in_dialog_get_error (dialog));
  }

  /* Nothing was saved and nothing syncs. */
  url = g_settings_get_string (koc_application_get_settings (app), "server-url");
  g_assert_cmpstr (url, ==, "");
  g_assert_null (koc_sync_controller_get_engine (controller));
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_sign_in_and_sync (void)
{
  KocSignInDialog *dialog = open_sign_in ();
  g_autofree char *url = NULL;
  g_autofree char *server_path = server_file ();
  g_autofree char *d_server = NULL, *d_client = NULL, *label = NULL, *time = NULL;
  g_autofree char *people_server = NULL, *people_client = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *file_text = NULL;
  gsize length = 0;

  g_object_ref (dialog);
  koc_sign_in_dialog_submit (dialog, server->url, server->token);
  koc_test_gui_wait_until (not_visible, dialog, "the sign-in to be accepted");
  g_assert_null (koc_sign_in_dialog_get_error (dialog));
  g_object_unref (dialog);

  koc_test_gui_wait_until (is_synced, NULL, "the first sync");
  url = g_settings_get_string (koc_application_get_settings (app), "server-url");
  g_assert_cmpstr (url, ==, server->url);

  /* "Synced at HH:MM" with the time of the last sync. */
  local = g_date_time_to_local (koc_sync_engine_get_last_synced (koc_sync_controller_get_engine (controller)));
  time = g_date_time_format (local, "%H:%M");
  label = g_strdup_printf (_("Synced at %s"), time);
  g_assert_cmpstr (koc_sync_indicator_get_label (indicator), ==, label);

  /* The workspace holds the server's data: equal digests, equal counts. */
  d_server = digest_of (server_path);
  d_client = digest_of (client_file ());
  g_assert_cmpstr (d_client, ==, d_server);
  people_server = query_text (server_path, "SELECT count(*) FROM people");
  people_client = query_text (client_file (), "SELECT count(*) FROM people");
  g_assert_cmpstr (people_client, ==, people_server);
  g_assert_cmpint (atoi (people_client), >, 0);

  /* No keyring here: signed in for this session, and said so. The token is nowhere on
   * disk: not in the workspace file (nor its WAL). */
  g_assert_cmpstr (koc_sync_controller_get_last_toast (controller), ==,
                   _("Signed in for this session only: no keyring is available to keep the token."));
  g_assert_true (g_file_get_contents (client_file (), &file_text, &length, NULL));
  g_assert_null (g_strstr_len (file_text, length, server->token));
  g_clear_pointer (&file_text, g_free);
  {
    g_autofree char *wal = g_strconcat (client_file (), "-wal", NULL);
    if (g_file_get_contents (wal, &file_text, &length, NULL))
      g_assert_null (g_strstr_len (file_text, length, server->token));
  }

  save_both (GTK_WIDGET (window), "sync-synced");
  save_popover ("sync-synced-popover");
}

static gboolean
discover_listed (gpointer data)
{
  KocDiscoverPane *pane = data;

  return !koc_discover_pane_is_busy (pane) && koc_discover_pane_get_count (pane) > 0;
}

static gboolean
people_listed (gpointer data)
{
  KocPeoplePane *pane = data;

  return !koc_people_pane_is_busy (pane) && koc_people_pane_get_count (pane) > 0;
}

static gboolean
campaigns_listed (gpointer data)
{
  KocCampaignsPane *pane = data;

  return !koc_campaigns_pane_is_busy (pane) && koc_campaigns_pane_get_campaigns (pane) != NULL &&
         koc_campaigns_pane_get_campaigns (pane)->len > 0;
}

/* The first sync filled the empty workspace: Discover, shown during the sync, lists the
 * synced accounts (the window reloads it); People and Campaigns, never shown before,
 * are built and read the synced rows when first shown (koc-window-panes.c). */
static void
test_panes_after_sync (void)
{
  KocDiscoverPane *discover = KOC_DISCOVER_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_DISCOVER_PANE));
  KocPeoplePane *people;
  KocCampaignsPane *campaigns;
  g_autofree char *n_scored = query_text (client_file (), "SELECT count(*) FROM accounts a JOIN people p ON p.id = a.person_id");
  g_autofree char *n_people = query_text (client_file (), "SELECT count(*) FROM people");
  g_autofree char *n_campaigns = query_text (client_file (), "SELECT count(*) FROM campaigns");

  g_assert_cmpint (atoi (n_campaigns), >, 0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (discover)));
  koc_test_gui_wait_until (discover_listed, discover, "Discover after the sync");
  g_assert_cmpint (koc_discover_pane_get_count (discover), ==, atoi (n_scored));
  g_assert_cmpuint (g_list_model_get_n_items (koc_discover_pane_get_results (discover)), >, 0);

  g_assert_null (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_PEOPLE_PANE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "people"));
  people = KOC_PEOPLE_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_PEOPLE_PANE));
  g_assert_nonnull (people);
  koc_test_gui_wait_until (people_listed, people, "People after the sync");
  g_assert_cmpint (koc_people_pane_get_count (people), ==, atoi (n_people));

  g_assert_null (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_CAMPAIGNS_PANE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "campaigns"));
  campaigns = KOC_CAMPAIGNS_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_CAMPAIGNS_PANE));
  g_assert_nonnull (campaigns);
  koc_test_gui_wait_until (campaigns_listed, campaigns, "Campaigns after the sync");
  g_assert_cmpuint (koc_campaigns_pane_get_campaigns (campaigns)->len, ==, atoi (n_campaigns));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "discover"));
}

static gboolean
sync_started (gpointer data)
{
  return koc_sync_indicator_get_state (indicator) == KOC_SYNC_STATE_SYNCING || is_synced (NULL);
}

static void
test_sync_now (void)
{
  KocSyncEngine *engine = koc_sync_controller_get_engine (controller);
  g_autoptr(GDateTime) before = g_date_time_ref (koc_sync_engine_get_last_synced (engine));
  GDateTime *after;

  /* What Ctrl+R does (the accelerator of sync.now). */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "sync.now");
    g_assert_nonnull (accels[0]);
    g_assert_cmpstr (accels[0], ==, "<Control>r");
  }
  g_usleep (G_USEC_PER_SEC + 1000); /* last-synced has a resolution of microseconds; be sure it moves */
  gtk_widget_activate_action (GTK_WIDGET (window), "sync.now", NULL);
  koc_test_gui_wait_until (sync_started, NULL, "Sync Now to start");
  koc_test_gui_wait_until (is_synced, NULL, "Sync Now to finish");
  after = koc_sync_engine_get_last_synced (engine);
  g_assert_cmpint (g_date_time_compare (after, before), >, 0);

  /* The syncing state as it shows (the sync of a small workspace is too quick to catch). */
  koc_sync_indicator_set_state (indicator, KOC_SYNC_STATE_SYNCING);
  koc_sync_indicator_set_progress (indicator, 12480, 3650);
  save_both (GTK_WIDGET (indicator), "sync-syncing-indicator");
  save_popover ("sync-syncing-popover");
  koc_sync_indicator_set_state (indicator, KOC_SYNC_STATE_SYNCED);
}

static void
enqueued_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = koc_sync_enqueue_finish (KOC_STORE (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static gboolean
has_conflict (gpointer data)
{
  return koc_sync_indicator_get_conflicts (indicator) == 1 && is_synced (NULL);
}

static gboolean
dialog_loaded (gpointer data)
{
  return !koc_conflicts_dialog_is_busy (data);
}

static gboolean
conflict_sent (gpointer data)
{
  g_autofree char *path = server_file ();
  g_autofree char *sql = g_strdup_printf ("SELECT stage FROM people WHERE uid = '%s'", (char *) data);
  g_autofree char *stage = query_text (path, sql);

  return g_strcmp0 (stage, "dormant") == 0 && is_synced (NULL);
}

static void
test_conflict (void)
{
  g_autofree char *person = query_text (client_file (), "SELECT uid FROM people ORDER BY uid LIMIT 1");
  g_autofree char *client_id = NULL;
  g_autofree char *body = NULL, *stage = NULL, *sql = NULL, *resolution = NULL, *d_server = NULL, *d_client = NULL;
  g_autofree char *server_path = server_file ();
  g_autoptr(Reply) reply = NULL;
  KocConflictsDialog *dialog;
  GPtrArray *buttons;
  GtkWidget *use_mine = NULL;

  g_assert_nonnull (person);
  /* Someone else moves the person to "advocate" on the server… */
  body = g_strdup_printf ("{\"mutations\":[{\"id\":\"test-sync-app-1\",\"kind\":\"person\","
                          "\"entity_uid\":\"%s\",\"op\":\"upsert\",\"fields\":{\"stage\":\"advocate\"}}]}",
                          person);
  reply = server_request (server, "POST", "v1/mutations", server->token, body, NULL);
  g_assert_cmpuint (reply->status, ==, 200);

  /* …while this user, from the last synced rev, moves them to "dormant". */
  koc_sync_enqueue_async (koc_window_get_store (window), "person", person, "upsert",
                          "{\"stage\":\"dormant\"}", NULL, enqueued_cb, &client_id);
  koc_test_gui_wait_until (is_set, &client_id, "the local edit");

  gtk_widget_activate_action (GTK_WIDGET (window), "sync.now", NULL);
  koc_test_gui_wait_until (has_conflict, NULL, "the conflict to be recorded and shown");
  sql = g_strdup_printf ("SELECT stage FROM people WHERE uid = '%s'", person);
  stage = query_text (client_file (), sql);
  g_assert_cmpstr (stage, ==, "advocate"); /* the server's value is shown meanwhile */
  g_assert_nonnull (strstr (koc_sync_controller_get_last_toast (controller), "1"));
  save_popover ("sync-conflict-popover");

  gtk_widget_activate_action (GTK_WIDGET (window), "sync.show-conflicts", NULL);
  dialog = KOC_CONFLICTS_DIALOG (koc_test_gui_find_toplevel (KOC_TYPE_CONFLICTS_DIALOG));
  g_assert_nonnull (dialog);
  koc_test_gui_wait_until (dialog_loaded, dialog, "the conflicts list");
  g_assert_cmpuint (koc_conflicts_dialog_get_n_rows (dialog), ==, 1);
  save_both (GTK_WIDGET (dialog), "sync-conflicts");

  buttons = koc_test_gui_find_widgets (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), _("_Use Mine")) == 0)
      use_mine = buttons->pdata[i];
  g_ptr_array_unref (buttons);
  g_assert_nonnull (use_mine);
  g_signal_emit_by_name (use_mine, "clicked");
  koc_test_gui_wait_until (dialog_loaded, dialog, "the choice to be saved");
  g_assert_cmpuint (koc_conflicts_dialog_get_n_rows (dialog), ==, 0);
  g_assert_cmpuint (koc_sync_indicator_get_conflicts (indicator), ==, 0);
  save (GTK_WIDGET (dialog), "sync-conflicts-empty-light.png");

  /* Marked, never deleted; the user's value is back locally and queued. */
  resolution = query_text (client_file (), "SELECT group_concat (resolution) FROM sync_conflicts");
  g_assert_cmpstr (resolution, ==, "kept_local");
  g_clear_pointer (&stage, g_free);
  stage = query_text (client_file (), sql);
  g_assert_cmpstr (stage, ==, "dormant");

  /* Closing the dialog sends it. */
  gtk_window_close (GTK_WINDOW (dialog));
  koc_test_gui_wait_until (conflict_sent, person, "the kept value to reach the server");
  d_server = digest_of (server_path);
  d_client = digest_of (client_file ());
  g_assert_cmpstr (d_client, ==, d_server);
}

static gboolean
is_refused (gpointer data)
{
  KocSyncEngine *engine = koc_sync_controller_get_engine (controller);

  return engine != NULL && !koc_sync_controller_is_busy (controller) &&
         koc_sync_engine_get_state (engine) == KOC_SYNC_ENGINE_ERROR;
}

/* The token is revoked on the server: the next sync says so and what to do; the local
 * edits made meanwhile stay in the outbox. */
static void
test_token_revoked (void)
{
  g_autofree char *person = query_text (client_file (), "SELECT uid FROM people ORDER BY uid DESC LIMIT 1");
  g_autofree char *client_id = NULL, *pending = NULL, *sql = NULL;

  g_assert_cmpint (server_cli (server->db, NULL, "token", "revoke", "demo", NULL), ==, 0);
  koc_sync_enqueue_async (koc_window_get_store (window), "person", person, "upsert",
                          "{\"owner\":\"kept while signed out\"}", NULL, enqueued_cb, &client_id);
  koc_test_gui_wait_until (is_set, &client_id, "the local edit");

  gtk_widget_activate_action (GTK_WIDGET (window), "sync.now", NULL);
  koc_test_gui_wait_until (is_refused, NULL, "the refused token");
  g_assert_cmpint (koc_sync_indicator_get_state (indicator), ==, KOC_SYNC_STATE_ERROR);
  g_assert_cmpstr (koc_sync_indicator_get_label (indicator), ==, _("Not Synced"));
  g_assert_cmpstr (koc_sync_controller_get_last_toast (controller), ==,
                   _("The server refused this workspace’s access token. Sign in again; your changes are kept."));
  sql = g_strdup_printf ("SELECT count(*) FROM outbox WHERE client_id = '%s' AND state IN ('pending', 'sending')", client_id);
  pending = query_text (client_file (), sql);
  g_assert_cmpstr (pending, ==, "1");
  save_popover ("sync-error-popover");
  /* The popover offers to sign in again (and no Sync Now that would fail the same way). */
  g_assert_true (g_action_group_get_action_enabled (koc_sync_controller_get_actions (controller), "sign-in"));
}

static gboolean
is_local (gpointer data)
{
  return koc_sync_indicator_get_state (indicator) == KOC_SYNC_STATE_LOCAL ||
         koc_sync_indicator_get_state (indicator) == KOC_SYNC_STATE_ERROR;
}

static void
test_sign_out (void)
{
  g_autofree char *people = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "sync.sign-out", NULL);
  koc_test_gui_wait_until (is_local, NULL, "the sign-out");
  g_assert_null (koc_sync_controller_get_engine (controller));
  /* The server address stays; this workspace is just not signed in any more. */
  g_assert_cmpint (koc_sync_indicator_get_state (indicator), ==, KOC_SYNC_STATE_ERROR);
  g_assert_cmpstr (koc_sync_indicator_get_label (indicator), ==, _("Not Synced"));
  people = query_text (client_file (), "SELECT count(*) FROM people");
  g_assert_cmpint (atoi (people), >, 0);
  save_popover ("sync-signed-out-popover");
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

  /* A blinking cursor in a dialog of a window without a window manager's focus warns
   * "did not receive a focus-out event" (fatal in tests): no blinking. */
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
  indicator = KOC_SYNC_INDICATOR (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_SYNC_INDICATOR));
  controller = koc_window_get_sync_controller (window);
  g_assert_nonnull (controller);

  g_test_add_func ("/koc/app/sync/local", test_local);
  g_test_add_func ("/koc/app/sync/sign-in-refused", test_sign_in_refused);
  g_test_add_func ("/koc/app/sync/sign-in-and-sync", test_sign_in_and_sync);
  g_test_add_func ("/koc/app/sync/panes-after-sync", test_panes_after_sync);
  g_test_add_func ("/koc/app/sync/sync-now", test_sync_now);
  g_test_add_func ("/koc/app/sync/conflict", test_conflict);
  g_test_add_func ("/koc/app/sync/token-revoked", test_token_revoked);
  g_test_add_func ("/koc/app/sync/sign-out", test_sign_out);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  server_stop (server);
  server_free (server);
  koc_test_rm_rf (data_home);
  g_free (data_home);
  g_free (server_dir);

  return status;
}
