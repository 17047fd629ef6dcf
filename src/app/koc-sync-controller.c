/* koc-sync-controller.c: sync in the window (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync-controller"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koc-conflicts-dialog.h"
#include "koc-sign-in-dialog.h"
#include "koc-sync-controller.h"
#include "koc-sync-token.h"

#define PERIODIC_SECONDS 300  /* automatic sync while the window is open */

struct _KocSyncController
{
  GObject             parent_instance;

  GtkWindow          *window;      /* not owned: owns us */
  KocSyncIndicator   *indicator;
  AdwToastOverlay    *toasts;
  GSettings          *settings;
  GSimpleActionGroup *actions;

  KocStore           *store;
  char               *workspace;
  char               *server;      /* the server of the engine, or the configured one */
  KocSyncEngine      *engine;
  KocMediaCache      *media;
  GCancellable       *cancellable; /* per workspace */
  char               *last_toast;
  char               *last_error; /* the error last shown as a toast: not repeated */
  guint               timer_id;
  guint               n_conflicts;
  guint               pending;     /* info refreshes on the way */
  gboolean            user_sync;   /* the running sync was asked for: say every failure */
  gboolean            refused;     /* the last sync's token was refused: offer Sign In */
  gboolean            shut_down;
};

G_DEFINE_FINAL_TYPE (KocSyncController, koc_sync_controller, G_TYPE_OBJECT)

enum {
  SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Sign-ins of this run without a keyring: "server\nworkspace" → token. Memory only. */
static GHashTable *session_tokens;

static char *
session_key (const char *server,
             const char *workspace)
{
  return g_strconcat (server, "\n", workspace, NULL);
}

static void
wipe_free (gpointer token)
{
  if (token != NULL)
    memset (token, 0, strlen (token));
  g_free (token);
}

static void
toast (KocSyncController *self,
       const char        *text,
       const char        *button,
       const char        *action)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, action != NULL ? 8 : 5);
  if (button != NULL)
    {
      adw_toast_set_button_label (t, button);
      adw_toast_set_action_name (t, action);
    }
  adw_toast_overlay_add_toast (self->toasts, t);
  g_free (self->last_toast);
  self->last_toast = g_strdup (text);
}

static void
update_actions (KocSyncController *self)
{
  gboolean running = self->engine != NULL &&
                     koc_sync_engine_get_state (self->engine) == KOC_SYNC_ENGINE_SYNCING;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "now");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->engine != NULL && !running);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sign-in");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->store != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sign-out");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->engine != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "show-conflicts");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->store != NULL);
}

/* The indicator follows the engine (or says why there is none). */
static void
update_indicator (KocSyncController *self)
{
  KocSyncIndicator *indicator = self->indicator;

  update_actions (self);
  koc_sync_indicator_set_account (indicator, self->engine != NULL && !self->refused, self->server);
  koc_sync_indicator_set_conflicts (indicator, self->n_conflicts);

  if (self->engine == NULL)
    {
      if (self->server != NULL && *self->server != '\0' && self->store != NULL)
        {
          /* Translators: %s is a server address. */
          g_autofree char *detail = g_strdup_printf (_("This workspace is not signed in to %s. Sign in to share it with your team; until then it stays on this computer."),
                                                     self->server);
          koc_sync_indicator_set_detail (indicator, detail);
          koc_sync_indicator_set_state (indicator, KOC_SYNC_STATE_ERROR);
        }
      else
        {
          koc_sync_indicator_set_detail (indicator, NULL);
          koc_sync_indicator_set_state (indicator, KOC_SYNC_STATE_LOCAL);
        }
      return;
    }

  switch (koc_sync_engine_get_state (self->engine))
    {
    case KOC_SYNC_ENGINE_SYNCING:
      koc_sync_indicator_set_detail (indicator, NULL);
      koc_sync_indicator_set_progress (indicator, koc_sync_engine_get_items (self->engine),
                                       koc_sync_engine_get_rate (self->engine));
      koc_sync_indicator_set_state (indicator, KOC_SYNC_STATE_SYNCING);
      break;

    case KOC_SYNC_ENGINE_OFFLINE:
      koc_sync_indicator_set_detail (indicator, NULL);
      koc_sync_indicator_set_state (indicator, KOC_SYNC_STATE_OFFLINE);
      break;

    case KOC_SYNC_ENGINE_ERROR:
      koc_sync_indicator_set_detail (indicator, koc_sync_engine_get_error_message (self->engine));
      koc_sync_indicator_set_state (indicator, KOC_SYNC_STATE_ERROR);
      break;

    case KOC_SYNC_ENGINE_IDLE:
    default:
      koc_sync_indicator_set_detail (indicator, NULL);
      if (koc_sync_engine_get_last_synced (self->engine) != NULL)
        koc_sync_indicator_set_last_synced (indicator, koc_sync_engine_get_last_synced (self->engine));
      koc_sync_indicator_set_state (indicator, KOC_SYNC_STATE_SYNCED);
      break;
    }
}

/* Worker: the time of the last sync and the unresolved conflicts. */
typedef struct
{
  gint64 last_synced;
  guint  n_conflicts;
} SyncInfo;

static gboolean
info_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  SyncInfo *info = g_new0 (SyncInfo, 1);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT (SELECT CAST (value AS INTEGER) FROM sync_state WHERE key = 'last_synced'),"
                          " (SELECT count(*) FROM sync_conflicts WHERE resolution = 'unresolved')",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      info->last_synced = sqlite3_column_int64 (stmt, 0);
      info->n_conflicts = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  *result = info;
  return TRUE;
}

static void
info_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KocSyncController) self = user_data;
  g_autofree SyncInfo *info = NULL;
  guint before = self->n_conflicts;

  self->pending--;
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &info, NULL) ||
      KOC_STORE (source) != self->store)
    return;

  self->n_conflicts = info->n_conflicts;
  if (info->last_synced > 0 && self->engine != NULL &&
      koc_sync_engine_get_last_synced (self->engine) == NULL)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (info->last_synced);
      koc_sync_indicator_set_last_synced (self->indicator, when);
    }
  if (self->n_conflicts > before)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u change conflicts with the server. Choose which value to keep.",
                                      "%u changes conflict with the server. Choose which values to keep.",
                                      self->n_conflicts),
                         self->n_conflicts);
      toast (self, text, _("Resolve"), "sync.show-conflicts");
    }
  update_indicator (self);
}

static void
refresh_info (KocSyncController *self)
{
  if (self->store == NULL)
    return;
  self->pending++;
  koc_store_run_async (self->store, info_func, NULL, NULL, g_free, self->cancellable,
                       info_ready_cb, g_object_ref (self));
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KocSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  KocSyncReport report = { 0 };
  gboolean user_sync = self->user_sync;

  self->user_sync = FALSE;
  if (KOC_SYNC_ENGINE (source) == self->engine)
    self->refused = FALSE;
  if (!koc_sync_engine_sync_finish (KOC_SYNC_ENGINE (source), result, &report, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->shut_down ||
          KOC_SYNC_ENGINE (source) != self->engine)
        return;
      if (g_error_matches (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNAUTHORIZED))
        self->refused = TRUE;
      if (g_error_matches (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNAUTHORIZED))
        toast (self, _("The server refused this workspace’s access token. Sign in again; your changes are kept."),
               _("Sign In"), "sync.sign-in");
      else if (g_error_matches (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_OFFLINE))
        {
          if (user_sync)
            toast (self, _("You are offline. Changes are kept and sent when the network is back."), NULL, NULL);
        }
      else if (error->code != KOC_SYNC_ERROR_BUSY &&
               (user_sync || g_strcmp0 (self->last_error, error->message) != 0))
        toast (self, koc_sync_engine_get_error_message (self->engine) != NULL
                     ? koc_sync_engine_get_error_message (self->engine) : error->message,
               _("Retry"), "sync.now");
      g_free (self->last_error);
      self->last_error = g_strdup (error->message);
    }
  else
    {
      g_clear_pointer (&self->last_error, g_free);
      if (report.pulled > 0 || report.pushed > 0)
        g_signal_emit (self, signals[SYNCED], 0);
    }
  if (KOC_SYNC_ENGINE (source) == self->engine)
    refresh_info (self);
  update_indicator (self);
}

static void
start_sync (KocSyncController *self,
            gboolean           user)
{
  if (self->engine == NULL || koc_sync_engine_get_state (self->engine) == KOC_SYNC_ENGINE_SYNCING)
    return;
  self->user_sync = user;
  koc_sync_engine_sync_async (self->engine, self->cancellable, synced_cb, g_object_ref (self));
  update_indicator (self);
}

static gboolean
periodic_cb (gpointer data)
{
  start_sync (data, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
network_changed_cb (KocSyncController *self)
{
  if (self->engine != NULL && g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    start_sync (self, FALSE);
}

static void
drop_engine (KocSyncController *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);
  g_clear_object (&self->media);
  g_clear_pointer (&self->last_error, g_free);
  self->n_conflicts = 0;
  self->refused = FALSE;
}

/* A token is known for the open workspace: engine, media cache, first sync. */
static void
use_token (KocSyncController *self,
           const char        *server,
           const char        *token)
{
  g_autofree char *dir = koc_media_cache_default_dir (server, self->workspace);

  drop_engine (self);
  g_free (self->server);
  self->server = g_strdup (server);
  self->engine = koc_sync_engine_new (self->store, server, token);
  self->media = koc_media_cache_new (self->store, server, token, dir);
  g_signal_connect_object (self->engine, "notify::state", G_CALLBACK (update_indicator), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine, "notify::items", G_CALLBACK (update_indicator), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine, "notify::last-synced", G_CALLBACK (update_indicator), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine, "notify::error-message", G_CALLBACK (update_indicator), self, G_CONNECT_SWAPPED);
  self->timer_id = g_timeout_add_seconds (PERIODIC_SECONDS, periodic_cb, self);
  refresh_info (self);
  start_sync (self, FALSE);
}

static void
use_local (KocSyncController *self)
{
  g_autofree char *dir = koc_media_cache_default_dir (NULL, self->workspace);

  drop_engine (self);
  if (self->store != NULL)
    {
      self->media = koc_media_cache_new (self->store, NULL, NULL, dir);
      refresh_info (self);
    }
  update_indicator (self);
}

typedef struct
{
  KocSyncController *self;
  KocStore          *store;
  char              *server;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_object_unref (lookup->self);
  g_object_unref (lookup->store);
  g_free (lookup->server);
  g_free (lookup);
}

static void
token_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Lookup *lookup = user_data;
  KocSyncController *self = lookup->self;
  g_autoptr(GError) error = NULL;
  char *token = koc_sync_token_lookup_finish (result, &error);

  if (!self->shut_down && lookup->store == self->store && token != NULL)
    use_token (self, lookup->server, token);
  else if (!self->shut_down && lookup->store == self->store)
    {
      /* No keyring: the indicator says "not signed in"; signing in says why. */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No token for this workspace: %s", error->message);
      use_local (self);
    }
  koc_sync_token_free (token);
  lookup_free (lookup);
}

static void
find_token (KocSyncController *self)
{
  const char *dev_url = g_getenv ("KOCDESK_DEV_SERVER_URL");
  const char *dev_token = g_getenv ("KOCDESK_DEV_TOKEN");
  const char *dev_workspace = g_getenv ("KOCDESK_DEV_WORKSPACE");
  g_autofree char *server = g_settings_get_string (self->settings, "server-url");
  g_autofree char *key = NULL;
  const char *session;
  Lookup *lookup;

  if (self->store == NULL)
    {
      use_local (self);
      return;
    }

  /* The developer run (build-aux/dev.sh run): never stored anywhere. */
  if (dev_url != NULL && *dev_url != '\0' && dev_token != NULL && *dev_token != '\0' &&
      (dev_workspace == NULL || g_strcmp0 (dev_workspace, self->workspace) == 0))
    {
      use_token (self, dev_url, dev_token);
      return;
    }

  g_free (self->server);
  self->server = g_strdup (server);
  if (*server == '\0')
    {
      use_local (self);
      return;
    }

  key = session_key (server, self->workspace);
  session = session_tokens != NULL ? g_hash_table_lookup (session_tokens, key) : NULL;
  if (session != NULL)
    {
      use_token (self, server, session);
      return;
    }

  use_local (self); /* "not signed in" until the keyring answers */
  lookup = g_new0 (Lookup, 1);
  lookup->self = g_object_ref (self);
  lookup->store = g_object_ref (self->store);
  lookup->server = g_strdup (server);
  koc_sync_token_lookup_async (server, self->workspace, self->cancellable, token_found_cb, lookup);
}

typedef struct
{
  KocSyncController *self;
  KocStore          *store;
  char              *server;
  char              *token;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_object_unref (sign_in->self);
  g_object_unref (sign_in->store);
  g_free (sign_in->server);
  wipe_free (sign_in->token);
  g_free (sign_in);
}

static void
token_stored_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SignIn *sign_in = user_data;
  KocSyncController *self = sign_in->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!koc_sync_token_store_finish (result, &error))
    {
      if (g_error_matches (error, KOC_SYNC_TOKEN_ERROR, KOC_SYNC_TOKEN_ERROR_NO_KEYRING))
        {
          /* Signed in for this run only: the token is never written anywhere else. */
          if (session_tokens == NULL)
            session_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, wipe_free);
          g_hash_table_replace (session_tokens, session_key (sign_in->server, self->workspace),
                                g_strdup (sign_in->token));
          g_debug ("%s", error->message);
          text = g_strdup (_("Signed in for this session only: no keyring is available to keep the token."));
        }
      else
        {
          toast (self, error->message, NULL, NULL);
          sign_in_free (sign_in);
          return;
        }
    }
  else
    /* Translators: %s is a server address. */
    text = g_strdup_printf (_("Signed in to %s"), sign_in->server);

  if (!self->shut_down && sign_in->store == self->store)
    {
      g_settings_set_string (self->settings, "server-url", sign_in->server);
      use_token (self, sign_in->server, sign_in->token);
      self->user_sync = TRUE;
    }
  toast (self, text, NULL, NULL);
  sign_in_free (sign_in);
}

static void
signed_in_cb (KocSignInDialog   *dialog,
              const char        *server,
              const char        *token,
              KocSyncController *self)
{
  SignIn *sign_in;

  if (self->store == NULL)
    return;
  sign_in = g_new0 (SignIn, 1);
  sign_in->self = g_object_ref (self);
  sign_in->store = g_object_ref (self->store);
  sign_in->server = g_strdup (server);
  sign_in->token = g_strdup (token);
  koc_sync_token_store_async (server, self->workspace, token, NULL, token_stored_cb, sign_in);
}

static void
sign_in_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  KocSyncController *self = user_data;
  g_autofree char *server = g_settings_get_string (self->settings, "server-url");
  KocSignInDialog *dialog = koc_sign_in_dialog_new (self->window, self->server != NULL && *self->server != '\0'
                                                    ? self->server : server, self->workspace);

  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (signed_in_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
token_cleared_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to clear without a keyring: the session token is already gone. */
  if (!koc_sync_token_clear_finish (result, &error) &&
      !g_error_matches (error, KOC_SYNC_TOKEN_ERROR, KOC_SYNC_TOKEN_ERROR_NO_KEYRING))
    g_warning ("Could not remove the token from the keyring: %s", error->message);
}

static void
sign_out_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  KocSyncController *self = user_data;
  g_autofree char *key = NULL;
  g_autofree char *server = g_strdup (self->server);

  if (self->engine == NULL || server == NULL)
    return;
  key = session_key (server, self->workspace);
  if (session_tokens != NULL)
    g_hash_table_remove (session_tokens, key);
  koc_sync_token_clear_async (server, self->workspace, NULL, token_cleared_cb, NULL);
  use_local (self);
  /* Translators: %s is a server address. */
  {
    g_autofree char *text = g_strdup_printf (_("Signed out of %s. The workspace and any unsent changes stay on this computer."), server);
    toast (self, text, NULL, NULL);
  }
}

static void
sync_now_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  koc_sync_controller_sync_now (user_data);
}

static void
conflicts_resolved_cb (KocConflictsDialog *dialog,
                       guint               n_left,
                       KocSyncController  *self)
{
  self->n_conflicts = n_left;
  update_indicator (self);
}

static void
conflicts_closed_cb (KocSyncController *self)
{
  /* The choices "Use Mine" queued go to the server now. */
  start_sync (self, FALSE);
}

static void
show_conflicts_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  KocSyncController *self = user_data;
  KocConflictsDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = koc_conflicts_dialog_new (self->window, self->store);
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (conflicts_resolved_cb), self, 0);
  g_signal_connect_object (dialog, "close-request", G_CALLBACK (conflicts_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
server_url_changed_cb (KocSyncController *self)
{
  g_autofree char *server = g_settings_get_string (self->settings, "server-url");

  /* A new address needs a new sign-in; the developer run ignores the setting. */
  if (self->engine != NULL && g_strcmp0 (server, self->server) == 0)
    return;
  if (g_getenv ("KOCDESK_DEV_TOKEN") != NULL && self->engine != NULL)
    return;
  find_token (self);
}

static void
koc_sync_controller_dispose (GObject *object)
{
  KocSyncController *self = KOC_SYNC_CONTROLLER (object);

  koc_sync_controller_shutdown (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (koc_sync_controller_parent_class)->dispose (object);
}

static void
koc_sync_controller_finalize (GObject *object)
{
  KocSyncController *self = KOC_SYNC_CONTROLLER (object);

  g_clear_object (&self->cancellable);
  g_free (self->workspace);
  g_free (self->server);
  g_free (self->last_toast);
  g_free (self->last_error);

  G_OBJECT_CLASS (koc_sync_controller_parent_class)->finalize (object);
}

static void
koc_sync_controller_class_init (KocSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = koc_sync_controller_dispose;
  object_class->finalize = koc_sync_controller_finalize;

  /* A sync brought or sent changes: the window refreshes what it shows. */
  signals[SYNCED] = g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
koc_sync_controller_init (KocSyncController *self)
{
  static const GActionEntry entries[] = {
    { "now", sync_now_action },
    { "sign-in", sign_in_action },
    { "sign-out", sign_out_action },
    { "show-conflicts", show_conflicts_action },
  };

  self->cancellable = g_cancellable_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
}

KocSyncController *
koc_sync_controller_new (GtkWindow        *window,
                         GSettings        *settings,
                         KocSyncIndicator *indicator,
                         AdwToastOverlay  *toasts)
{
  KocSyncController *self = g_object_new (KOC_TYPE_SYNC_CONTROLLER, NULL);

  self->window = window;
  self->settings = g_object_ref (settings);
  self->indicator = indicator;
  self->toasts = toasts;
  g_signal_connect_object (settings, "changed::server-url", G_CALLBACK (server_url_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (g_network_monitor_get_default (), "notify::network-available",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
  {
    g_autofree char *server = g_settings_get_string (settings, "server-url");
    self->server = g_strdup (server);
  }
  update_indicator (self);
  return self;
}

GActionGroup *
koc_sync_controller_get_actions (KocSyncController *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_CONTROLLER (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

void
koc_sync_controller_set_workspace (KocSyncController *self,
                                   KocStore          *store,
                                   const char        *name)
{
  g_return_if_fail (KOC_IS_SYNC_CONTROLLER (self));

  if (self->shut_down)
    return;
  drop_engine (self);
  g_set_object (&self->store, store);
  g_free (self->workspace);
  self->workspace = g_strdup (name);
  find_token (self);
}

void
koc_sync_controller_shutdown (KocSyncController *self)
{
  g_return_if_fail (KOC_IS_SYNC_CONTROLLER (self));

  if (self->shut_down)
    return;
  self->shut_down = TRUE;
  drop_engine (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->store);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_signal_handlers_disconnect_by_data (g_network_monitor_get_default (), self);
}

KocSyncEngine *
koc_sync_controller_get_engine (KocSyncController *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_CONTROLLER (self), NULL);
  return self->engine;
}

KocMediaCache *
koc_sync_controller_get_media_cache (KocSyncController *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_CONTROLLER (self), NULL);
  return self->media;
}

void
koc_sync_controller_sync_now (KocSyncController *self)
{
  g_return_if_fail (KOC_IS_SYNC_CONTROLLER (self));

  if (self->engine == NULL)
    {
      toast (self, _("This workspace is not signed in to a server."), _("Sign In"), "sync.sign-in");
      return;
    }
  start_sync (self, TRUE);
}

const char *
koc_sync_controller_get_last_toast (KocSyncController *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_CONTROLLER (self), NULL);
  return self->last_toast;
}

gboolean
koc_sync_controller_is_busy (KocSyncController *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_CONTROLLER (self), FALSE);

  return self->pending > 0 ||
         (self->engine != NULL && koc_sync_engine_get_state (self->engine) == KOC_SYNC_ENGINE_SYNCING);
}
