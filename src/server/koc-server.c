/* koc-server.c: KocServer — the SoupServer, routing, one request's life, the request
 * log and the graceful shutdown.
 *
 * A request's life: handler_cb (main thread) routes the path, authenticates the bearer
 * token (registry), takes a token from the rate-limit bucket, checks the body size,
 * then the route pauses the message and runs its work on the workspace store's worker
 * (koc_server_request_run). The worker returns a KocApiResponse; respond() copies it
 * into the message, unpauses it and writes one log line. SQLite never runs on the main
 * loop except the registry's token lookup (one indexed read).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-server-private.h"

#define SHUTDOWN_GRACE_SECONDS 20

G_DEFINE_FINAL_TYPE (KocServer, koc_server, G_TYPE_OBJECT)

typedef struct
{
  gboolean       write;
  KocStoreFunc   func;
  gpointer       data;
  GDestroyNotify data_destroy;
} RunData;

static void
request_free (KocServerRequest *request)
{
  g_clear_object (&request->msg);
  g_clear_object (&request->server);
  g_free (request->method);
  g_free (request->path);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_strfreev (request->segments);
  g_free (request->workspace);
  g_free (request);
}

/* One line per request on stderr (journal fields when run under systemd). Never the
 * query string nor any header: tokens must not reach a log. */
static void
log_request (KocServerRequest *request,
             guint             status)
{
  double ms = (g_get_monotonic_time () - request->started) / 1000.0;
  g_autofree char *ms_text = g_strdup_printf ("%.1f", ms);
  g_autofree char *status_text = g_strdup_printf ("%u", status);
  const char *workspace = request->workspace != NULL ? request->workspace : "-";

  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                    "HTTP_METHOD", request->method,
                    "HTTP_PATH", request->path,
                    "HTTP_STATUS", status_text,
                    "DURATION_MS", ms_text,
                    "KOC_WORKSPACE", workspace,
                    "MESSAGE", "%s %s %u %sms workspace=%s",
                    request->method, request->path, status, ms_text, workspace);
}

void
koc_server_request_respond (KocServerRequest *request,
                            KocApiResponse   *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);
  gconstpointer data = NULL;
  gsize size = 0;

  g_assert (!request->done);
  request->done = TRUE;

  soup_server_message_set_status (request->msg, response->status, NULL);
  if (response->retry_after > 0)
    {
      g_autofree char *value = g_strdup_printf ("%u", response->retry_after);

      soup_message_headers_replace (headers, "Retry-After", value);
    }
  if (response->etag != NULL)
    soup_message_headers_replace (headers, "ETag", response->etag);
  if (response->cache_control != NULL)
    soup_message_headers_replace (headers, "Cache-Control", response->cache_control);
  if (response->feed_next != NULL)
    soup_message_headers_replace (headers, "Koc-Feed-Next", response->feed_next);
  if (response->status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (headers, "WWW-Authenticate", "Bearer realm=\"kocdesk\"");
  if (request->server->shutting_down)
    soup_message_headers_replace (headers, "Connection", "close");

  if (response->body != NULL)
    data = g_bytes_get_data (response->body, &size);
  if (response->status != SOUP_STATUS_NOT_MODIFIED)
    soup_server_message_set_response (request->msg,
                                      response->content_type != NULL ? response->content_type
                                                                     : "application/json",
                                      SOUP_MEMORY_COPY, data, size);
  if (request->paused)
    soup_server_message_unpause (request->msg);
  log_request (request, response->status);

  koc_api_response_free (response);
  request_free (request);
}

GBytes *
koc_server_request_get_body (KocServerRequest *request)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->msg);

  return soup_message_body_flatten (body);
}

const char *
koc_server_request_get_query (KocServerRequest *request,
                              const char       *name)
{
  return request->query != NULL ? g_hash_table_lookup (request->query, name) : NULL;
}

static void
run_data_free (RunData *run)
{
  if (run->data_destroy != NULL)
    run->data_destroy (run->data);
  g_free (run);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  KocServerRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  gpointer response = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, &response, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("%s %s in workspace %s failed: %s", request->method, request->path,
                   request->workspace, error->message);
      response = koc_api_response_new_from_error (error);
    }
  koc_server_request_respond (request, response);
}

static void
workspace_ready (KocServerRequest *request,
                 KocStore         *store)
{
  RunData *run = g_object_steal_data (G_OBJECT (request->msg), "koc-run");

  if (run->write)
    koc_store_write_async (store, run->func, run->data, run->data_destroy,
                           (GDestroyNotify)koc_api_response_free, NULL, run_done_cb, request);
  else
    koc_store_run_async (store, run->func, run->data, run->data_destroy,
                         (GDestroyNotify)koc_api_response_free, NULL, run_done_cb, request);
  run->data_destroy = NULL;
  g_free (run);
}

void
koc_server_request_run (KocServerRequest *request,
                        gboolean          write,
                        KocStoreFunc      func,
                        gpointer          data,
                        GDestroyNotify    data_destroy)
{
  RunData *run = g_new0 (RunData, 1);

  run->write = write;
  run->func = func;
  run->data = data;
  run->data_destroy = data_destroy;
  g_object_set_data_full (G_OBJECT (request->msg), "koc-run", run, (GDestroyNotify)run_data_free);

  request->paused = TRUE;
  soup_server_message_pause (request->msg);
  koc_server_with_workspace (request, workspace_ready);
}

/* SoupServer::request-finished and ::request-aborted: the response is written (or the
 * client went away), so the request no longer holds up a shutdown. */
static void
message_finished_cb (SoupServer        *soup,
                     SoupServerMessage *msg,
                     KocServer         *self)
{
  if (g_object_get_data (G_OBJECT (msg), "koc-counted") == NULL)
    return;
  g_object_set_data (G_OBJECT (msg), "koc-counted", NULL);
  g_assert (self->in_flight > 0);
  self->in_flight--;
  koc_server_check_idle (self);
}

typedef struct
{
  const char     *name;
  const char     *method;
  guint           n_segments;
  gboolean        public;
  KocServerRoute  route;
} Route;

static const Route routes[] = {
  { "changes", "GET", 1, FALSE, koc_server_route_changes },
  { "mutations", "POST", 1, FALSE, koc_server_route_mutations },
  { "search", "GET", 1, FALSE, koc_server_route_search },
  { "media", "GET", 2, FALSE, koc_server_route_media },
  { "media", "PUT", 2, FALSE, koc_server_route_media_upload },
  { "referrals", "POST", 3, FALSE, koc_server_route_redemptions },
  { "health", "GET", 1, TRUE, NULL },
};

/* The route of the path and method; a path served with another method only gives its
 * first route (the caller answers 405). */
static const Route *
find_route (KocServerRequest *request)
{
  guint n = g_strv_length (request->segments);
  const Route *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (n != routes[i].n_segments || strcmp (request->segments[0], routes[i].name) != 0)
        continue;
      if (routes[i].route == koc_server_route_redemptions &&
          strcmp (request->segments[2], "redemptions") != 0)
        continue;
      if (strcmp (request->method, routes[i].method) == 0)
        return &routes[i];
      if (found == NULL)
        found = &routes[i];
    }
  return found;
}

/* The methods of @route's path, for the Allow header of a 405 ("GET, PUT"). */
static char *
allowed_methods (const Route *route)
{
  GString *allow = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (routes[i].n_segments == route->n_segments && strcmp (routes[i].name, route->name) == 0)
      g_string_append_printf (allow, "%s%s", allow->len > 0 ? ", " : "", routes[i].method);
  return g_string_free (allow, FALSE);
}

/* The largest body a request may send: uploads of media have their own limit. */
static gsize
body_limit (KocServer  *self,
            const char *method,
            const char *path)
{
  if (g_strcmp0 (method, "PUT") == 0 && g_str_has_prefix (path, "/v1/media/"))
    return self->options.max_media;
  return self->options.max_body;
}

static void
handler_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  KocServer *self = user_data;
  KocServerRequest *request = g_new0 (KocServerRequest, 1);
  const Route *route;
  GBytes *body;
  gsize limit;

  request->server = g_object_ref (self);
  request->msg = g_object_ref (msg);
  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (path);
  request->query = query != NULL ? g_hash_table_ref (query) : NULL;
  request->started = g_get_monotonic_time ();
  request->segments = g_strsplit (g_str_has_prefix (path, "/v1/") ? path + 4 : "", "/", -1);

  self->in_flight++;
  g_object_set_data (G_OBJECT (msg), "koc-counted", GINT_TO_POINTER (1));

  if (self->shutting_down)
    {
      KocApiResponse *response = koc_api_response_new_error (503, "shutting_down",
                                                             "The server is shutting down");
      response->retry_after = 1;
      koc_server_request_respond (request, response);
      return;
    }

  if (request->segments[0] == NULL || (route = find_route (request)) == NULL)
    {
      koc_server_request_respond (request,
                                  koc_api_response_new_error (404, "not_found",
                                                              "No such endpoint"));
      return;
    }

  if (strcmp (request->method, route->method) != 0)
    {
      g_autofree char *allow = allowed_methods (route);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", allow);
      koc_server_request_respond (request,
                                  koc_api_response_new_error (405, "method_not_allowed",
                                                              "Use %s for this endpoint",
                                                              allow));
      return;
    }

  if (route->public)
    {
      GString *ok = g_string_new ("{\"status\":\"ok\"}");

      koc_server_request_respond (request, koc_api_response_new_json (200, ok));
      return;
    }

  if (!koc_server_authenticate (request) || !koc_server_rate_limit (request))
    return;

  body = koc_server_request_get_body (request);
  limit = body_limit (self, request->method, request->path);
  if (g_bytes_get_size (body) > limit)
    {
      g_bytes_unref (body);
      koc_server_request_respond (request,
                                  koc_api_response_new_error (413, "too_large",
                                                              "The body is larger than %"
                                                              G_GSIZE_FORMAT " bytes", limit));
      return;
    }
  g_bytes_unref (body);

  route->route (request);
}

/* Refuses a body announced larger than the limit before reading it. */
static void
early_handler_cb (SoupServer        *soup,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  KocServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (headers);
  gsize limit = body_limit (self, soup_server_message_get_method (msg), path);
  g_autoptr(KocApiResponse) response = NULL;
  gconstpointer data;
  gsize size;

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      length <= (goffset)limit)
    return;

  response = koc_api_response_new_error (413, "too_large",
                                         "The body is larger than %" G_GSIZE_FORMAT " bytes",
                                         limit);
  data = g_bytes_get_data (response->body, &size);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
  soup_server_message_set_status (msg, 413, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, data, size);
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                    "HTTP_STATUS", "413",
                    "MESSAGE", "%s %s 413 (announced %" G_GOFFSET_FORMAT " bytes)",
                    soup_server_message_get_method (msg), path, length);
}

static void
koc_server_finalize (GObject *object)
{
  KocServer *self = (KocServer *)object;

  g_clear_handle_id (&self->shutdown_timeout_id, g_source_remove);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->workspaces, g_hash_table_unref);
  g_clear_pointer (&self->buckets, g_hash_table_unref);
  g_clear_pointer (&self->registry, koc_registry_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->shutdown_task);
  g_free (self->db_path);
  g_free (self->data_dir);
  g_free (self->tls_cert);
  g_free (self->tls_key);

  G_OBJECT_CLASS (koc_server_parent_class)->finalize (object);
}

static void
koc_server_class_init (KocServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koc_server_finalize;
}

static void
koc_server_init (KocServer *self)
{
  self->workspaces = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify)koc_server_workspace_free);
  self->buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
}

KocServer *
koc_server_new (const KocServerOptions  *options,
                GError                 **error)
{
  g_autoptr(KocServer) self = g_object_new (KOC_TYPE_SERVER, NULL);

  self->options = *options;
  self->db_path = g_strdup (options->db_path);
  self->data_dir = g_strdup (options->data_dir);
  self->tls_cert = g_strdup (options->tls_cert);
  self->tls_key = g_strdup (options->tls_key);
  self->options.db_path = self->db_path;
  self->options.data_dir = self->data_dir;
  self->options.tls_cert = self->tls_cert;
  self->options.tls_key = self->tls_key;
  if (self->options.max_body == 0)
    self->options.max_body = KOC_SERVER_DEFAULT_MAX_BODY;
  if (self->options.max_media == 0)
    self->options.max_media = KOC_SERVER_DEFAULT_MAX_MEDIA;
  if (self->options.rate_limit > 0 && self->options.rate_burst == 0)
    self->options.rate_burst = MAX (1, (guint)(2 * self->options.rate_limit));

  if ((self->registry = koc_registry_open (self->db_path, self->data_dir, error)) == NULL)
    return NULL;

  self->soup = soup_server_new ("server-header", "kocdesk-server/" PACKAGE_VERSION " ", NULL);
  if (self->tls_cert != NULL || self->tls_key != NULL)
    {
      g_autoptr(GTlsCertificate) cert = NULL;

      if (self->tls_cert == NULL || self->tls_key == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("HTTPS needs both a certificate and its private key"));
          return NULL;
        }
      cert = g_tls_certificate_new_from_files (self->tls_cert, self->tls_key, error);
      if (cert == NULL)
        return NULL;
      soup_server_set_tls_certificate (self->soup, cert);
    }
  g_signal_connect_object (self->soup, "request-finished", G_CALLBACK (message_finished_cb),
                           self, 0);
  g_signal_connect_object (self->soup, "request-aborted", G_CALLBACK (message_finished_cb),
                           self, 0);
  soup_server_add_early_handler (self->soup, NULL, early_handler_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);

  return g_steal_pointer (&self);
}

char *
koc_server_listen (KocServer   *self,
                   const char  *address,
                   GError     **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autoptr(GInetSocketAddress) inet = NULL;
  g_autoptr(GSocketAddressEnumerator) enumerator = NULL;
  g_autoptr(GSocketAddress) first = NULL;
  g_autoslist(GUri) uris = NULL;
  SoupServerListenOptions flags = 0;

  if ((connectable = g_network_address_parse (address, 0, error)) == NULL)
    return NULL;
  enumerator = g_socket_connectable_enumerate (connectable);
  if ((first = g_socket_address_enumerator_next (enumerator, NULL, error)) == NULL)
    return NULL;
  if (self->tls_cert != NULL)
    flags |= SOUP_SERVER_LISTEN_HTTPS;
  if (!soup_server_listen (self->soup, first, flags, error))
    return NULL;

  uris = soup_server_get_uris (self->soup);
  if (uris == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The server is not listening"));
      return NULL;
    }
  return g_uri_to_string (uris->data);
}

static gboolean
shutdown_timeout_cb (gpointer user_data)
{
  KocServer *self = user_data;

  self->shutdown_timeout_id = 0;
  g_warning ("%u requests still running after %d s; closing anyway", self->in_flight,
             SHUTDOWN_GRACE_SECONDS);
  self->in_flight = 0;
  g_hash_table_remove_all (self->workspaces);
  koc_server_check_idle (self);
  return G_SOURCE_REMOVE;
}

void
koc_server_check_idle (KocServer *self)
{
  g_autoptr(GTask) task = NULL;

  if (!self->shutting_down || self->shutdown_task == NULL || self->in_flight > 0 ||
      koc_server_workspaces_busy (self))
    return;

  task = g_steal_pointer (&self->shutdown_task);
  g_clear_handle_id (&self->shutdown_timeout_id, g_source_remove);
  soup_server_disconnect (self->soup);
  /* Dropping the workspaces closes their stores (no job is pending any more). */
  g_hash_table_remove_all (self->workspaces);
  g_message ("Shut down cleanly");
  g_task_return_boolean (task, TRUE);
}

void
koc_server_shutdown_async (KocServer           *self,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (self, NULL, callback, user_data);
  GSList *listeners;

  g_task_set_source_tag (task, koc_server_shutdown_async);
  if (self->shutting_down)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  self->shutting_down = TRUE;
  self->shutdown_task = task;
  g_cancellable_cancel (self->cancellable);
  g_message ("Shutting down: %u requests in flight", self->in_flight);

  /* Stop accepting; open keep-alive connections get 503 + Connection: close. */
  listeners = soup_server_get_listeners (self->soup);
  for (GSList *l = listeners; l != NULL; l = l->next)
    g_socket_close (l->data, NULL);
  g_slist_free (listeners);

  self->shutdown_timeout_id = g_timeout_add_seconds (SHUTDOWN_GRACE_SECONDS,
                                                     shutdown_timeout_cb, self);
  koc_server_check_idle (self);
}

gboolean
koc_server_shutdown_finish (KocServer     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
