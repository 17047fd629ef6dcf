/* koc-sync-search.c: GET /v1/search for the Discover pane, and saving its hits.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "koc-db.h"
#include "koc-sync-engine-private.h"
#include "koc-sync-search.h"
#include "koc-sync-store.h"

void
koc_remote_hit_free (KocRemoteHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->uid);
  g_free (hit->person_uid);
  g_free (hit->platform);
  g_free (hit->handle);
  g_free (hit->display_name);
  g_free (hit->tier);
  g_free (hit->region);
  g_free (hit->category);
  g_free (hit->snippet);
  g_free (hit->entities);
  g_free (hit);
}

static GQuark
timeout_quark (void)
{
  return g_quark_from_static_string ("koc-sync-search-timeout");
}

void
koc_sync_engine_set_search_timeout (KocSyncEngine *self,
                                    guint          seconds)
{
  g_return_if_fail (KOC_IS_SYNC_ENGINE (self));
  g_object_set_qdata (G_OBJECT (self), timeout_quark (), GUINT_TO_POINTER (MAX (seconds, 1)));
}

static guint
search_timeout (KocSyncEngine *self)
{
  guint seconds = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (self), timeout_quark ()));

  return seconds > 0 ? seconds : KOC_SYNC_SEARCH_TIMEOUT_S;
}

typedef struct
{
  SoupMessage  *msg;
  GCancellable *inner;       /* the request's: the caller's, or the timeout */
  GCancellable *outer;
  gulong        outer_id;
  guint         timeout_id;
  guint         timeout_s;
  gboolean      timed_out;
  char         *path;
  gint64        next_offset;  /* of the response; -1: the last page */
} Search;

typedef struct
{
  GPtrArray *hits;
  guint      n_local;
  gint64     next_offset;
} Filtered;

static void
search_free (gpointer data)
{
  Search *search = data;

  if (search->outer_id != 0)
    g_cancellable_disconnect (search->outer, search->outer_id);
  g_clear_handle_id (&search->timeout_id, g_source_remove);
  g_clear_object (&search->outer);
  g_clear_object (&search->inner);
  g_clear_object (&search->msg);
  g_free (search->path);
  g_free (search);
}

static void
filtered_free (gpointer data)
{
  Filtered *filtered = data;

  g_clear_pointer (&filtered->hits, g_ptr_array_unref);
  g_free (filtered);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

/* The hits of a response body, or NULL with @error when it is not the documented shape. */
static GPtrArray *
parse_hits (GBytes  *body,
            gint64  *next_offset,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_remote_hit_free);
  JsonNode *root, *accounts;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   g_bytes_get_size (body), NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (accounts = json_object_get_member (json_node_get_object (root), "accounts")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (accounts))
    {
      g_set_error_literal (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_PROTOCOL,
                           _("The server sent search results KOC Desk cannot read."));
      return NULL;
    }
  /* A server without paging sends no next_offset: one page. */
  *next_offset = json_object_get_int_member_with_default (json_node_get_object (root),
                                                          "next_offset", -1);

  for (guint i = 0; i < json_array_get_length (json_node_get_array (accounts)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (accounts), i);
      JsonObject *object;
      JsonNode *entities;
      KocRemoteHit *hit;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      entities = json_object_get_member (object, "entities");
      if (member_string (object, "id") == NULL || member_string (object, "platform") == NULL ||
          member_string (object, "handle") == NULL || entities == NULL ||
          !JSON_NODE_HOLDS_ARRAY (entities))
        continue;
      hit = g_new0 (KocRemoteHit, 1);
      hit->uid = g_strdup (member_string (object, "id"));
      hit->person_uid = g_strdup (member_string (object, "person_uid"));
      hit->platform = g_strdup (member_string (object, "platform"));
      hit->handle = g_strdup (member_string (object, "handle"));
      hit->display_name = g_strdup (member_string (object, "display_name"));
      if (hit->display_name == NULL)
        hit->display_name = g_strdup (hit->handle);
      hit->tier = g_strdup (member_string (object, "tier"));
      hit->region = g_strdup (member_string (object, "region"));
      hit->category = g_strdup (member_string (object, "category"));
      hit->snippet = g_strdup (member_string (object, "snippet"));
      hit->followers = json_object_get_int_member_with_default (object, "followers", 0);
      hit->mention_count = json_object_get_int_member_with_default (object, "mention_count", 0);
      hit->last_post_at = json_object_get_int_member_with_default (object, "last_post_at", 0);
      hit->engagement_rate = json_object_get_double_member_with_default (object, "engagement_rate", 0);
      hit->koc_score = json_object_get_double_member_with_default (object, "koc_score", -1);
      hit->entities = json_to_string (entities, FALSE);
      g_ptr_array_add (hits, hit);
    }
  return g_steal_pointer (&hits);
}

/* Worker: drops the hits the workspace already has. Takes @data (the hits). */
static gboolean
filter_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  GPtrArray *hits = data;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_remote_hit_free);
  Filtered *filtered;
  sqlite3_stmt *stmt = NULL;
  guint n_local = 0;

  if (!koc_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM accounts WHERE uid = ?1"
                       " OR (platform = ?2 AND handle = ?3))", &stmt, error))
    return FALSE;
  for (guint i = 0; i < hits->len; i++)
    {
      KocRemoteHit *hit = g_ptr_array_index (hits, i);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, hit->uid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, hit->platform, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, hit->handle, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        {
          sqlite3_finalize (stmt);
          return koc_db_set_error (db, rc, "Could not look up a search hit", error);
        }
      if (sqlite3_column_int (stmt, 0))
        n_local++;
      else
        g_ptr_array_add (kept, g_ptr_array_steal_index (hits, i--));
    }
  sqlite3_finalize (stmt);
  filtered = g_new0 (Filtered, 1);
  filtered->hits = g_steal_pointer (&kept);
  filtered->n_local = n_local;
  *result = filtered;
  return TRUE;
}

static void
filtered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Filtered *filtered = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *)&filtered, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      filtered->next_offset = ((Search *) g_task_get_task_data (task))->next_offset;
      g_task_return_pointer (task, filtered, filtered_free);
    }
}

static void
search_sent_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KocSyncEngine *self = g_task_get_source_object (task);
  Search *search = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GCancellable *cancellable;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_clear_handle_id (&search->timeout_id, g_source_remove);
  if (body == NULL)
    {
      if (search->timed_out)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "The server did not answer within %u second. Try again later.",
                                              "The server did not answer within %u seconds. Try again later.",
                                              search->timeout_s), search->timeout_s);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNREACHABLE,
                                 _("Could not reach the server: %s"), error->message);
      return;
    }

  status = soup_message_get_status (search->msg);
  g_debug ("GET %s → %u (%" G_GSIZE_FORMAT " bytes)", search->path, status,
           g_bytes_get_size (body));
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    {
      g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNAUTHORIZED, "%s",
                               _("The server refused this workspace’s access token. Sign in again; your changes are kept."));
      return;
    }
  if (status != SOUP_STATUS_OK)
    {
      g_autofree char *message = koc_sync_api_message (body);

      /* The server's message is protocol English: logged, not shown. */
      g_debug ("search: %u %s", status, message != NULL ? message : "");
      if (status >= 500 || status == 429)
        g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNREACHABLE,
                                 _("The server could not search right now (error %u). Try again later."),
                                 status);
      else
        g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_PROTOCOL,
                                 _("The server could not handle the search (error %u)."), status);
      return;
    }

  if ((hits = parse_hits (body, &search->next_offset, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  cancellable = g_task_get_cancellable (task);
  koc_store_run_async (self->store, filter_func, g_steal_pointer (&hits),
                       (GDestroyNotify)g_ptr_array_unref, filtered_free,
                       cancellable, filtered_cb, g_steal_pointer (&task));
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  Search *search = user_data;

  search->timeout_id = 0;
  search->timed_out = TRUE;
  g_cancellable_cancel (search->inner);
  return G_SOURCE_REMOVE;
}

static void
outer_cancelled_cb (GCancellable *outer,
                    GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static void
send_search (GTask *task)
{
  KocSyncEngine *self = g_task_get_source_object (task);
  Search *search = g_task_get_task_data (task);
  g_autoptr(GUri) uri = g_uri_parse_relative (self->base_uri, search->path, SOUP_HTTP_URI_FLAGS, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", self->token != NULL ? self->token : "", NULL);
  SoupMessageHeaders *headers;

  search->msg = soup_message_new_from_uri ("GET", uri);
  headers = soup_message_get_request_headers (search->msg);
  soup_message_headers_replace (headers, "Authorization", auth);
  soup_message_headers_replace (headers, "Accept", "application/json");
  search->timeout_s = search_timeout (self);
  search->timeout_id = g_timeout_add_seconds (search->timeout_s, search_timeout_cb, search);
  soup_session_send_and_read_async (self->session, search->msg, G_PRIORITY_DEFAULT,
                                    search->inner, search_sent_cb, task);
}

static void
search_reach_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (g_network_monitor_can_reach_finish (G_NETWORK_MONITOR (object), result, &error))
    send_search (g_steal_pointer (&task));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_OFFLINE, "%s",
                             _("You are offline. Connect to the network to search the server."));
}

void
koc_sync_engine_search_async (KocSyncEngine       *self,
                              const char          *text,
                              const char          *platforms,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  koc_sync_engine_search_page_async (self, text, platforms, 0, limit, cancellable,
                                     callback, user_data);
}

void
koc_sync_engine_search_page_async (KocSyncEngine       *self,
                                   const char          *text,
                                   const char          *platforms,
                                   guint                offset,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *q = g_uri_escape_string (text != NULL ? text : "", NULL, FALSE);
  g_autofree char *platform = g_uri_escape_string (platforms != NULL ? platforms : "", NULL, FALSE);
  Search *search;

  g_return_if_fail (KOC_IS_SYNC_ENGINE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, koc_sync_engine_search_page_async);
  search = g_new0 (Search, 1);
  search->inner = g_cancellable_new ();
  search->next_offset = -1;
  search->path = g_strdup_printf ("v1/search?q=%s&limit=%u&offset=%u%s%s", q, CLAMP (limit, 1, 100),
                                  MIN (offset, (guint) G_MAXINT32),
                                  *platform != '\0' ? "&platform=" : "", platform);
  if (cancellable != NULL)
    {
      search->outer = g_object_ref (cancellable);
      search->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                                g_object_ref (search->inner), g_object_unref);
    }
  g_task_set_task_data (task, search, search_free);

  if (!g_network_monitor_get_network_available (self->monitor))
    {
      g_autoptr(GSocketConnectable) address =
        g_network_address_new (g_uri_get_host (self->base_uri),
                               g_uri_get_port (self->base_uri) > 0
                               ? g_uri_get_port (self->base_uri) : 443);

      g_network_monitor_can_reach_async (self->monitor, address, search->inner,
                                         search_reach_cb, g_steal_pointer (&task));
      return;
    }
  send_search (g_steal_pointer (&task));
}

GPtrArray *
koc_sync_engine_search_finish (KocSyncEngine  *self,
                               GAsyncResult   *result,
                               guint          *out_n_local,
                               GError        **error)
{
  return koc_sync_engine_search_page_finish (self, result, out_n_local, NULL, error);
}

GPtrArray *
koc_sync_engine_search_page_finish (KocSyncEngine  *self,
                                    GAsyncResult   *result,
                                    guint          *out_n_local,
                                    gint64         *out_next_offset,
                                    GError        **error)
{
  Filtered *filtered;
  GPtrArray *hits;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if ((filtered = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return NULL;
  hits = g_steal_pointer (&filtered->hits);
  if (out_n_local != NULL)
    *out_n_local = filtered->n_local;
  if (out_next_offset != NULL)
    *out_next_offset = filtered->next_offset;
  filtered_free (filtered);
  return hits;
}

/* ---- Save to Workspace ---- */

typedef struct
{
  char  *body;      /* {"changes":[…]} */
  char **uids;      /* the accounts */
} Save;

typedef struct
{
  guint saved;
  guint skipped;
} Saved;

static void
save_free (gpointer data)
{
  Save *save = data;

  g_free (save->body);
  g_strfreev (save->uids);
  g_free (save);
}

static gboolean
save_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  Save *save = data;
  KocSyncPage page;
  Saved *saved;
  sqlite3_stmt *stmt = NULL;

  if (!koc_sync_store_apply_entities (db, save->body, &page, cancellable, error))
    return FALSE;
  if (!koc_db_prepare (db, "SELECT 1 FROM accounts WHERE uid = ?1", &stmt, error))
    return FALSE;
  saved = g_new0 (Saved, 1);
  saved->skipped = page.n_skipped;
  for (guint i = 0; save->uids[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, save->uids[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        saved->saved++;
    }
  sqlite3_finalize (stmt);
  *result = saved;
  return TRUE;
}

void
koc_sync_save_hits_async (KocStore            *store,
                          GPtrArray           *hits,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GString) body = g_string_new ("{\"changes\":[");
  g_autoptr(GStrvBuilder) uids = g_strv_builder_new ();
  gboolean first = TRUE;
  Save *save;

  g_return_if_fail (KOC_IS_STORE (store));

  for (guint i = 0; i < hits->len; i++)
    {
      KocRemoteHit *hit = g_ptr_array_index (hits, i);
      gsize len = strlen (hit->entities);

      g_strv_builder_add (uids, hit->uid);
      /* The array's elements, without its brackets. */
      if (len <= 2)
        continue;
      if (!first)
        g_string_append_c (body, ',');
      g_string_append_len (body, hit->entities + 1, len - 2);
      first = FALSE;
    }
  g_string_append (body, "]}");
  save = g_new0 (Save, 1);
  save->body = g_string_free (g_steal_pointer (&body), FALSE);
  save->uids = g_strv_builder_end (uids);
  koc_store_write_async (store, save_func, save, save_free, g_free, cancellable,
                         callback, user_data);
}

gboolean
koc_sync_save_hits_finish (KocStore      *store,
                           GAsyncResult  *result,
                           guint         *out_saved,
                           guint         *out_skipped,
                           GError       **error)
{
  g_autofree Saved *saved = NULL;

  if (!koc_store_run_finish (store, result, (gpointer *)&saved, error))
    return FALSE;
  if (out_saved != NULL)
    *out_saved = saved->saved;
  if (out_skipped != NULL)
    *out_skipped = saved->skipped;
  return TRUE;
}
