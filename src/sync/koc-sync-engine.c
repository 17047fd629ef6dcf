/* koc-sync-engine.c: KocSyncEngine, the object and its properties. The sync itself is
 * koc-sync-run.c.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "koc-sync-engine-private.h"

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SERVER_URL,
  PROP_TOKEN,
  PROP_STATE,
  PROP_LAST_SYNCED,
  PROP_ERROR_MESSAGE,
  PROP_ITEMS,
  PROP_BYTES,
  PROP_RATE,
  PROP_PAGE_SIZE,
  PROP_MAX_RETRIES,
  PROP_RETRY_BASE_MS,
  PROP_NETWORK_MONITOR,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (KocSyncEngine, koc_sync_engine, G_TYPE_OBJECT)
G_DEFINE_QUARK (koc-sync-error-quark, koc_sync_error)

static GParamSpec *properties[N_PROPS];

GType
koc_sync_engine_state_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { KOC_SYNC_ENGINE_IDLE, "KOC_SYNC_ENGINE_IDLE", "idle" },
    { KOC_SYNC_ENGINE_SYNCING, "KOC_SYNC_ENGINE_SYNCING", "syncing" },
    { KOC_SYNC_ENGINE_OFFLINE, "KOC_SYNC_ENGINE_OFFLINE", "offline" },
    { KOC_SYNC_ENGINE_ERROR, "KOC_SYNC_ENGINE_ERROR", "error" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("KocSyncEngineState"),
                                                      values));
  return type;
}

static void
network_changed_cb (KocSyncEngine *self)
{
  gboolean available = g_network_monitor_get_network_available (self->monitor);

  /* Only the resting states follow the network; a running sync finds out by itself. */
  if (self->running)
    return;
  if (!available && self->state == KOC_SYNC_ENGINE_IDLE)
    koc_sync_engine_set_state (self, KOC_SYNC_ENGINE_OFFLINE,
                               _("You are offline. KOC Desk will sync when the network is back."));
  else if (available && self->state == KOC_SYNC_ENGINE_OFFLINE)
    koc_sync_engine_set_state (self, KOC_SYNC_ENGINE_IDLE, NULL);
}

static void
koc_sync_engine_constructed (GObject *object)
{
  KocSyncEngine *self = KOC_SYNC_ENGINE (object);

  G_OBJECT_CLASS (koc_sync_engine_parent_class)->constructed (object);

  g_assert (KOC_IS_STORE (self->store));
  g_assert (self->base_uri != NULL);

  self->session = soup_session_new_with_options ("timeout", 60, "idle-timeout", 60,
                                                 "user-agent", "KOC-Desk/" PACKAGE_VERSION " ",
                                                 NULL);
  if (self->monitor == NULL)
    self->monitor = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect_object (self->monitor, "notify::network-available",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
koc_sync_engine_finalize (GObject *object)
{
  KocSyncEngine *self = KOC_SYNC_ENGINE (object);

  g_clear_object (&self->session);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_pointer (&self->base_uri, g_uri_unref);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->last_synced, g_date_time_unref);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (koc_sync_engine_parent_class)->finalize (object);
}

static void
koc_sync_engine_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KocSyncEngine *self = KOC_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SERVER_URL:
      g_value_take_string (value, g_uri_to_string (self->base_uri));
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_LAST_SYNCED:
      g_value_set_boxed (value, self->last_synced);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_ITEMS:
      g_value_set_int64 (value, self->items);
      break;

    case PROP_BYTES:
      g_value_set_uint64 (value, self->bytes);
      break;

    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    case PROP_MAX_RETRIES:
      g_value_set_uint (value, self->max_retries);
      break;

    case PROP_RETRY_BASE_MS:
      g_value_set_uint (value, self->retry_base_ms);
      break;

    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->monitor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koc_sync_engine_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KocSyncEngine *self = KOC_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SERVER_URL:
      {
        const char *url = g_value_get_string (value);
        g_autofree char *with_slash = g_str_has_suffix (url, "/") ? g_strdup (url)
                                                                   : g_strconcat (url, "/", NULL);

        self->base_uri = g_uri_parse (with_slash, SOUP_HTTP_URI_FLAGS, NULL);
        if (self->base_uri == NULL)
          self->base_uri = g_uri_parse ("http://invalid.invalid/", SOUP_HTTP_URI_FLAGS, NULL);
      }
      break;

    case PROP_TOKEN:
      self->token = g_value_dup_string (value);
      break;

    case PROP_PAGE_SIZE:
      koc_sync_engine_set_page_size (self, g_value_get_uint (value));
      break;

    case PROP_MAX_RETRIES:
      koc_sync_engine_set_max_retries (self, g_value_get_uint (value));
      break;

    case PROP_RETRY_BASE_MS:
      koc_sync_engine_set_retry_base_ms (self, g_value_get_uint (value));
      break;

    case PROP_NETWORK_MONITOR:
      self->monitor = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koc_sync_engine_class_init (KocSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = koc_sync_engine_constructed;
  object_class->finalize = koc_sync_engine_finalize;
  object_class->get_property = koc_sync_engine_get_property;
  object_class->set_property = koc_sync_engine_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KOC_TYPE_STORE, G_PARAM_READWRITE | co);
  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL, G_PARAM_READWRITE | co);
  /* Write-only: nobody reads the token back from the object. */
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL, G_PARAM_WRITABLE | co);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, KOC_TYPE_SYNC_ENGINE_STATE, KOC_SYNC_ENGINE_IDLE, ro);
  properties[PROP_LAST_SYNCED] =
    g_param_spec_boxed ("last-synced", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, ro);
  properties[PROP_ITEMS] =
    g_param_spec_int64 ("items", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_BYTES] =
    g_param_spec_uint64 ("bytes", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, 500, 500, rw | G_PARAM_CONSTRUCT);
  properties[PROP_MAX_RETRIES] =
    g_param_spec_uint ("max-retries", NULL, NULL, 0, 100, 5, rw | G_PARAM_CONSTRUCT);
  properties[PROP_RETRY_BASE_MS] =
    g_param_spec_uint ("retry-base-ms", NULL, NULL, 1, 60000, 1000, rw | G_PARAM_CONSTRUCT);

  /* NULL: g_network_monitor_get_default () (tests give their own). */
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL, G_TYPE_NETWORK_MONITOR,
                         G_PARAM_READWRITE | co);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
koc_sync_engine_init (KocSyncEngine *self)
{
}

KocSyncEngine *
koc_sync_engine_new (KocStore   *store,
                     const char *server_url,
                     const char *token)
{
  g_return_val_if_fail (KOC_IS_STORE (store), NULL);
  g_return_val_if_fail (server_url != NULL, NULL);

  return g_object_new (KOC_TYPE_SYNC_ENGINE, "store", store, "server-url", server_url,
                       "token", token, NULL);
}

void
koc_sync_engine_set_state (KocSyncEngine *self,
                           KocSyncEngineState   state,
                           const char    *error_message)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->error_message, error_message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (error_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
koc_sync_engine_set_progress (KocSyncEngine *self,
                              gint64         items,
                              guint64        bytes,
                              double         rate)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->items != items)
    {
      self->items = items;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEMS]);
    }
  if (self->bytes != bytes)
    {
      self->bytes = bytes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES]);
    }
  if (self->rate != rate)
    {
      self->rate = rate;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
koc_sync_engine_set_synced (KocSyncEngine *self,
                            GDateTime     *when)
{
  g_clear_pointer (&self->last_synced, g_date_time_unref);
  self->last_synced = g_date_time_ref (when);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);
}

KocSyncEngineState
koc_sync_engine_get_state (KocSyncEngine *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_ENGINE (self), KOC_SYNC_ENGINE_IDLE);
  return self->state;
}

GDateTime *
koc_sync_engine_get_last_synced (KocSyncEngine *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_ENGINE (self), NULL);
  return self->last_synced;
}

const char *
koc_sync_engine_get_error_message (KocSyncEngine *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_ENGINE (self), NULL);
  return self->error_message;
}

gint64
koc_sync_engine_get_items (KocSyncEngine *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_ENGINE (self), 0);
  return self->items;
}

guint64
koc_sync_engine_get_bytes (KocSyncEngine *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_ENGINE (self), 0);
  return self->bytes;
}

double
koc_sync_engine_get_rate (KocSyncEngine *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_ENGINE (self), 0);
  return self->rate;
}

void
koc_sync_engine_set_page_size (KocSyncEngine *self,
                               guint          page_size)
{
  g_return_if_fail (KOC_IS_SYNC_ENGINE (self));

  page_size = CLAMP (page_size, 1, 500);
  if (self->page_size == page_size)
    return;
  self->page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

void
koc_sync_engine_set_max_retries (KocSyncEngine *self,
                                 guint          max_retries)
{
  g_return_if_fail (KOC_IS_SYNC_ENGINE (self));

  if (self->max_retries == max_retries)
    return;
  self->max_retries = max_retries;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RETRIES]);
}

void
koc_sync_engine_set_retry_base_ms (KocSyncEngine *self,
                                   guint          retry_base_ms)
{
  g_return_if_fail (KOC_IS_SYNC_ENGINE (self));

  retry_base_ms = MAX (retry_base_ms, 1);
  if (self->retry_base_ms == retry_base_ms)
    return;
  self->retry_base_ms = retry_base_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_BASE_MS]);
}

void
koc_sync_engine_set_timeout (KocSyncEngine *self,
                             guint          seconds)
{
  g_return_if_fail (KOC_IS_SYNC_ENGINE (self));

  g_object_set (self->session, "timeout", MAX (seconds, 1), NULL);
}

/* The `message` of an API error body, or NULL. */
char *
koc_sync_api_message (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  if (body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   g_bytes_get_size (body), NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (object = json_object_get_object_member (json_node_get_object (root), "error")) == NULL ||
      !json_object_has_member (object, "message"))
    return NULL;
  return g_strdup (json_object_get_string_member (object, "message"));
}
