/* koc-sync-run.c: one sync of KocSyncEngine — push the outbox, pull the feed, and the
 * retry policy around each request. Everything here runs on the main context; the
 * store calls hop to the worker and back.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koc-sync-run-private.h"
#include "koc-sync-media.h"
#include "koc-sync-store.h"

#define RETRY_CAP_MS      60000
#define RETRY_AFTER_CAP_S 300
#define MAX_WAITS         30    /* Retry-After waits in a row before giving up */
#define STATUS_TOO_MANY_REQUESTS 429 /* not named by libsoup 3.2 */

static void do_send       (GTask  *task);
static void start_push    (GTask  *task);
static void push_response (GTask  *task,
                           GBytes *body);
static void start_upload  (GTask  *task);
static void upload_response (GTask  *task,
                             GBytes *body);
static void upload_refused (GTask *task,
                            guint  status);

static GCancellable *
run_cancellable (GTask *task)
{
  KocSyncRun *run = g_task_get_task_data (task);

  return run->cancellable;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *own)
{
  g_cancellable_cancel (own);
}

static void
run_free (gpointer data)
{
  KocSyncRun *run = data;

  g_free (run->method);
  g_free (run->path);
  g_clear_pointer (&run->body, g_bytes_unref);
  g_clear_object (&run->msg);
  g_free (run->content_type);
  g_free (run->upload_sha256);
  koc_sync_pull_clear (&run->pull);
  if (run->caller_handler != 0)
    g_cancellable_disconnect (run->caller_cancellable, run->caller_handler);
  g_clear_object (&run->caller_cancellable);
  g_clear_object (&run->cancellable);
  g_free (run);
}

void
koc_sync_run_publish_progress (GTask *task)
{
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);
  double seconds = (g_get_monotonic_time () - run->started_us) / (double)G_USEC_PER_SEC;
  gint64 items = run->report.pulled + run->report.pushed + run->report.conflicts +
                 run->report.rejected;

  run->report.seconds = seconds;
  koc_sync_engine_set_progress (self, items, run->report.bytes + run->upload_partial,
                                seconds > 0 ? items / seconds : 0);
}

/* Ends the sync with @error; the state follows the kind of error. Takes @task and
 * @error. (Every function here that "takes @task" owns one reference to it.) A request
 * of the pull that fails while fetched pages are being applied waits for them
 * (koc-sync-pull.c reports it); anything that fails after the end is dropped. */
void
koc_sync_run_fail (GTask  *task,
                   GError *error)
{
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);

  if (!run->finished && run->pull.applying &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&run->pull.fetch_error);
      run->pull.fetch_error = g_steal_pointer (&error);
      run->pull.fetching = FALSE;
    }
  if (run->finished || error == NULL)
    {
      g_clear_error (&error);
      g_object_unref (task);
      return;
    }
  run->finished = TRUE;
  g_cancellable_cancel (run->cancellable); /* a lane still out stops */
  koc_sync_run_publish_progress (task);
  self->running = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    koc_sync_engine_set_state (self, KOC_SYNC_ENGINE_IDLE, NULL);
  else if (g_error_matches (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_OFFLINE))
    koc_sync_engine_set_state (self, KOC_SYNC_ENGINE_OFFLINE, error->message);
  else
    koc_sync_engine_set_state (self, KOC_SYNC_ENGINE_ERROR, error->message);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static gboolean
wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (run_cancellable (task), &error))
    koc_sync_run_fail (g_object_ref (task), error);
  else
    do_send (g_object_ref (task));
  return G_SOURCE_REMOVE;  /* the source's own ref goes with it */
}

static gboolean
cancelled_noop_cb (GCancellable *cancellable, gpointer user_data)
{
  return G_SOURCE_CONTINUE;  /* the parent timeout source dispatches and checks */
}

/* Waits @ms, or less when the sync is cancelled, then sends the request again. */
static void
wait_then_resend (GTask *task,
                  guint  ms)
{
  GCancellable *cancellable = run_cancellable (task);
  GSource *source = g_timeout_source_new (ms);

  if (cancellable != NULL)
    {
      GSource *child = g_cancellable_source_new (cancellable);

      g_source_set_callback (child, (GSourceFunc)(void (*) (void))cancelled_noop_cb, NULL, NULL);
      g_source_add_child_source (source, child);
      g_source_unref (child);
    }
  g_source_set_callback (source, wait_done_cb, task, g_object_unref);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}

/* Backoff with jitter after a transport error or a 5xx; takes @task. */
static void
retry_or_fail (GTask      *task,
               const char *detail)
{
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);
  g_autofree char *message = NULL;
  guint64 ms;

  if (run->attempt >= self->max_retries)
    {
      koc_sync_run_fail (task, g_error_new (KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNREACHABLE,
                               _("The server cannot be reached: %s"), detail));
      return;
    }
  ms = MIN ((guint64)self->retry_base_ms << MIN (run->attempt, 20), RETRY_CAP_MS);
  ms = (guint64)(ms * g_random_double_range (0.5, 1.0));
  run->attempt++;
  run->report.retries++;
  message = g_strdup_printf (_("The server cannot be reached (%s); trying again in %u s."),
                             detail, (guint)((ms + 999) / 1000));
  koc_sync_engine_set_state (self, KOC_SYNC_ENGINE_SYNCING, message);
  g_debug ("%s %s failed (%s), retry %u in %" G_GUINT64_FORMAT " ms",
           run->method, run->path, detail, run->attempt, ms);
  wait_then_resend (task, ms);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *retry_after;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (run->finished)
    {
      g_object_unref (task); /* the other lane of a pull ended the run */
      return;
    }
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        koc_sync_run_fail (task, g_steal_pointer (&error));
      else
        retry_or_fail (task, error->message);
      return;
    }

  status = soup_message_get_status (run->msg);
  run->report.bytes += g_bytes_get_size (body);
  g_debug ("%s %s → %u (%" G_GSIZE_FORMAT " bytes)", run->method, run->path, status,
           g_bytes_get_size (body));
  if (status == SOUP_STATUS_OK)
    {
      run->attempt = 0;
      run->waits = 0;
      koc_sync_engine_set_state (self, KOC_SYNC_ENGINE_SYNCING, NULL);
      run->on_response (task, body);
      g_object_unref (task);
      return;
    }

  message = koc_sync_api_message (body);
  if (message == NULL)
    message = g_strdup (soup_message_get_reason_phrase (run->msg));
  retry_after = soup_message_headers_get_one (soup_message_get_response_headers (run->msg),
                                              "Retry-After");
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    {
      /* The server's message is protocol English (docs/api-v1.yaml): logged, not shown. */
      g_debug ("401/403: %s", message);
      koc_sync_run_fail (task, g_error_new_literal (KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNAUTHORIZED,
                                       _("The server refused this workspace’s access token. Sign in again; your changes are kept.")));
    }
  else if ((status == STATUS_TOO_MANY_REQUESTS || status >= 500) && retry_after != NULL &&
           run->waits < MAX_WAITS)
    {
      guint64 seconds = 1;

      g_ascii_string_to_unsigned (retry_after, 10, 0, RETRY_AFTER_CAP_S, &seconds, NULL);
      run->waits++;
      if (status == STATUS_TOO_MANY_REQUESTS)
        run->report.rate_limited++;
      else
        run->report.retries++;
      g_debug ("%s %s: %u, Retry-After %" G_GUINT64_FORMAT " s", run->method, run->path,
               status, seconds);
      wait_then_resend (task, MAX (seconds, 1) * 1000);
    }
  else if (status >= 500 || status == STATUS_TOO_MANY_REQUESTS)
    {
      /* The server's own text may name its files or internals: logged, not shown. */
      g_autofree char *detail = g_strdup_printf (_("the server answered with error %u"), status);

      g_debug ("%s %s: %u: %s", run->method, run->path, status, message);
      retry_or_fail (task, detail);
    }
  else if (run->on_response == upload_response &&
           (status == SOUP_STATUS_BAD_REQUEST || status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE))
    {
      g_debug ("PUT %s refused (%u): %s", run->path, status, message);
      upload_refused (task, status);
    }
  else if (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE && run->on_response == push_response &&
           run->batch_max > 1)
    {
      /* The same rows (still 'sending', oldest first) go again in smaller batches. */
      run->batch_max /= 2;
      g_debug ("413: batches of %u edits from now on", run->batch_max);
      start_push (task);
    }
  else
    koc_sync_run_fail (task, g_error_new (KOC_SYNC_ERROR, KOC_SYNC_ERROR_PROTOCOL,
                             _("The server could not handle the request (%u): %s"),
                             status, message));
}

/* Upload progress: the bytes of the current PUT written so far. */
static void
wrote_body_data_cb (SoupMessage *msg,
                    guint        chunk_size,
                    GTask       *task)
{
  KocSyncRun *run = g_task_get_task_data (task);

  run->upload_partial += chunk_size;
  koc_sync_run_publish_progress (task);
}

/* Sends the run's current request; takes @task. */
static void
do_send (GTask *task)
{
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);
  g_autoptr(GUri) uri = g_uri_parse_relative (self->base_uri, run->path, SOUP_HTTP_URI_FLAGS, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", self->token != NULL ? self->token : "", NULL);
  SoupMessageHeaders *headers;

  g_clear_object (&run->msg);
  run->msg = soup_message_new_from_uri (run->method, uri);
  headers = soup_message_get_request_headers (run->msg);
  soup_message_headers_replace (headers, "Authorization", auth);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (run->body != NULL)
    soup_message_set_request_body_from_bytes (run->msg,
                                              run->content_type != NULL ? run->content_type
                                                                        : "application/json",
                                              run->body);
  run->upload_partial = 0;
  if (run->on_response == upload_response)
    g_signal_connect (run->msg, "wrote-body-data", G_CALLBACK (wrote_body_data_cb), task);
  soup_session_send_and_read_async (self->session, run->msg, G_PRIORITY_DEFAULT,
                                    run_cancellable (task), send_cb, task);
}

/* Starts a request (@path relative to the server URL, taken; @body taken); takes @task. */
void
koc_sync_run_send_request (GTask        *task,
              const char   *method,
              char         *path,
              GBytes       *body,
              KocSyncResponseFunc  on_response)
{
  KocSyncRun *run = g_task_get_task_data (task);

  g_free (run->method);
  run->method = g_strdup (method);
  g_free (run->path);
  run->path = path;
  g_clear_pointer (&run->body, g_bytes_unref);
  run->body = body;
  run->on_response = on_response;
  run->attempt = 0;
  do_send (task);
}

static gboolean
done_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  return koc_sync_store_set_last_synced (db, g_get_real_time () / G_USEC_PER_SEC, error);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GError *error = NULL;

  if (!koc_store_run_finish (KOC_STORE (object), result, NULL, &error))
    {
      koc_sync_run_fail (g_steal_pointer (&task), error);
      return;
    }
  koc_sync_run_publish_progress (task);
  run->finished = TRUE;
  self->running = FALSE;
  koc_sync_engine_set_synced (self, now);
  koc_sync_engine_set_state (self, KOC_SYNC_ENGINE_IDLE, NULL);
  g_task_return_boolean (task, TRUE);
}

/* Everything is sent and pulled: records when. Takes @task. */
void
koc_sync_run_finish (GTask *task)
{
  KocSyncEngine *self = g_task_get_source_object (task);

  koc_store_write_async (self->store, done_func, NULL, NULL, NULL, NULL, done_cb, task);
}

/* A store error about an answer the store could not use becomes a protocol error that says
 * what to do; other store errors (a full disk…) pass as they are. Takes @error. */
GError *
koc_sync_run_answer_error (GError *error)
{
  if (!g_error_matches (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID))
    return error;
  g_debug ("Unusable answer: %s", error->message);
  g_error_free (error);
  return g_error_new_literal (KOC_SYNC_ERROR, KOC_SYNC_ERROR_PROTOCOL,
                              _("The server sent an answer KOC Desk cannot read, so nothing was changed. Try again later; if it keeps happening, check the server address (a login page or proxy may be answering instead)."));
}

/* ---- push ---- */

static gboolean
take_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  guint n = 0;

  *result = koc_sync_store_take_batch (db, GPOINTER_TO_UINT (data), &n, error);
  return *result != NULL || error == NULL || *error == NULL;
}

static gboolean
results_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  KocSyncResults *results = g_new0 (KocSyncResults, 1);

  *result = results;
  return koc_sync_store_apply_results (db, text, results, error);
}

static void
results_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KocSyncRun *run = g_task_get_task_data (task);
  g_autofree KocSyncResults *results = NULL;
  GError *error = NULL;

  if (!koc_store_run_finish (KOC_STORE (object), result, (gpointer *)&results, &error))
    {
      koc_sync_run_fail (g_steal_pointer (&task), koc_sync_run_answer_error (error));
      return;
    }
  run->report.pushed += results->n_applied;
  run->report.conflicts += results->n_conflicts;
  run->report.rejected += results->n_rejected;
  koc_sync_run_publish_progress (task);

  if (results->n_applied + results->n_conflicts + results->n_rejected == 0)
    koc_sync_run_fail (g_steal_pointer (&task),
          g_error_new_literal (KOC_SYNC_ERROR, KOC_SYNC_ERROR_PROTOCOL,
                               _("The server answered the edits without any result.")));
  else if (g_cancellable_set_error_if_cancelled (run_cancellable (task), &error))
    koc_sync_run_fail (g_steal_pointer (&task), error);
  else
    start_push (g_steal_pointer (&task));
}

static void
push_response (GTask  *task,
               GBytes *body)
{
  KocSyncEngine *self = g_task_get_source_object (task);

  /* Not cancellable: the server has applied these edits, record that they were. */
  koc_store_write_async (self->store, results_func, g_bytes_ref (body),
                         (GDestroyNotify)g_bytes_unref, g_free, NULL, results_cb,
                         g_object_ref (task));
}

static void
take_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  char *batch = NULL;
  GError *error = NULL;

  if (!koc_store_run_finish (KOC_STORE (object), result, (gpointer *)&batch, &error))
    koc_sync_run_fail (g_steal_pointer (&task), error);
  else if (batch == NULL)
    start_upload (g_steal_pointer (&task));
  else
    koc_sync_run_send_request (g_steal_pointer (&task), "POST", g_strdup ("v1/mutations"),
                  g_bytes_new_take (batch, strlen (batch)), push_response);
}

static void
start_push (GTask *task)
{
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);

  koc_store_write_async (self->store, take_func, GUINT_TO_POINTER (run->batch_max), NULL,
                         g_free, run_cancellable (task), take_cb, task);
}

/* ---- upload: the bytes of local media the server lacks (koc-sync-media.h) ---- */

static gboolean
next_upload_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  *result = koc_sync_media_next_upload (db, error);
  return *result != NULL || error == NULL || *error == NULL;
}

static void
next_upload_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KocSyncRun *run = g_task_get_task_data (task);
  g_autoptr(KocSyncUpload) upload = NULL;
  GError *error = NULL;

  if (!koc_store_run_finish (KOC_STORE (object), result, (gpointer *)&upload, &error))
    {
      koc_sync_run_fail (g_steal_pointer (&task), error);
      return;
    }
  if (upload == NULL)
    {
      koc_sync_run_start_pull (g_steal_pointer (&task));
      return;
    }
  g_free (run->content_type);
  run->content_type = g_steal_pointer (&upload->mime);
  g_free (run->upload_sha256);
  run->upload_sha256 = g_strdup (upload->sha256);
  koc_sync_run_send_request (g_steal_pointer (&task), "PUT",
                g_strdup_printf ("v1/media/%s", upload->sha256),
                g_steal_pointer (&upload->data), upload_response);
}

static void
start_upload (GTask *task)
{
  KocSyncEngine *self = g_task_get_source_object (task);

  koc_store_run_async (self->store, next_upload_func, NULL, NULL,
                       (GDestroyNotify)koc_sync_upload_free, run_cancellable (task),
                       next_upload_cb, task);
}

typedef struct
{
  char  *sha256;
  guint  status;
} UploadMark;

static void
upload_mark_free (UploadMark *mark)
{
  g_free (mark->sha256);
  g_free (mark);
}

static gboolean
mark_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  UploadMark *mark = data;

  return koc_sync_media_mark (db, mark->sha256, mark->status, error);
}

static void
mark_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!koc_store_run_finish (KOC_STORE (object), result, NULL, &error) ||
      g_cancellable_set_error_if_cancelled (run_cancellable (task), &error))
    koc_sync_run_fail (g_steal_pointer (&task), error);
  else
    start_upload (g_steal_pointer (&task));
}

/* Records the answer for the current upload, then goes on with the next. */
static void
mark_upload (GTask *task,
             guint  status)
{
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);
  UploadMark *mark = g_new0 (UploadMark, 1);

  mark->sha256 = g_steal_pointer (&run->upload_sha256);
  mark->status = status;
  g_clear_pointer (&run->content_type, g_free);
  run->upload_partial = 0;
  /* Not cancellable: the server has answered, remember it. */
  koc_store_write_async (self->store, mark_func, mark, (GDestroyNotify)upload_mark_free,
                         NULL, NULL, mark_cb, g_object_ref (task));
}

static void
upload_response (GTask  *task,
                 GBytes *body)
{
  KocSyncRun *run = g_task_get_task_data (task);
  gsize size = run->body != NULL ? g_bytes_get_size (run->body) : 0;

  run->report.uploaded++;
  run->report.uploaded_bytes += size;
  run->report.bytes += size;
  mark_upload (task, SOUP_STATUS_OK);
}

/* 400 (the bytes are not the sha256: the local copy is damaged) or 413 (larger than the
 * server takes): sending them again would get the same answer. Takes @task. */
static void
upload_refused (GTask *task,
                guint  status)
{
  KocSyncRun *run = g_task_get_task_data (task);

  run->report.upload_refused++;
  mark_upload (task, status);
  g_object_unref (task);
}

/* ---- start and finish ---- */

static void
reach_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (g_network_monitor_can_reach_finish (G_NETWORK_MONITOR (object), result, &error))
    start_push (g_steal_pointer (&task));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    koc_sync_run_fail (g_steal_pointer (&task), g_steal_pointer (&error));
  else
    koc_sync_run_fail (g_steal_pointer (&task),
          g_error_new_literal (KOC_SYNC_ERROR, KOC_SYNC_ERROR_OFFLINE,
                               _("You are offline. KOC Desk will sync when the network is"
                                 " back.")));
}

void
koc_sync_engine_sync_async (KocSyncEngine       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  KocSyncRun *run;

  g_return_if_fail (KOC_IS_SYNC_ENGINE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, koc_sync_engine_sync_async);
  run = g_new0 (KocSyncRun, 1);
  run->started_us = g_get_monotonic_time ();
  run->batch_max = KOC_SYNC_MAX_BATCH;
  run->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      run->caller_cancellable = g_object_ref (cancellable);
      run->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                   run->cancellable, NULL);
    }
  g_task_set_task_data (task, run, run_free);

  if (self->running)
    {
      g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_BUSY,
                               _("A sync is already running."));
      return;
    }
  self->running = TRUE;
  koc_sync_engine_set_progress (self, 0, 0, 0);
  koc_sync_engine_set_state (self, KOC_SYNC_ENGINE_SYNCING, NULL);

  if (!g_network_monitor_get_network_available (self->monitor))
    {
      g_autoptr(GSocketConnectable) address =
        g_network_address_new (g_uri_get_host (self->base_uri),
                               g_uri_get_port (self->base_uri) > 0
                               ? g_uri_get_port (self->base_uri) : 443);

      g_network_monitor_can_reach_async (self->monitor, address, cancellable, reach_cb,
                                         g_steal_pointer (&task));
      return;
    }
  start_push (g_steal_pointer (&task));
}

gboolean
koc_sync_engine_sync_finish (KocSyncEngine  *self,
                             GAsyncResult   *result,
                             KocSyncReport  *out_report,
                             GError        **error)
{
  KocSyncRun *run;

  g_return_val_if_fail (KOC_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  run = g_task_get_task_data (G_TASK (result));
  if (out_report != NULL)
    *out_report = run->report;
  return g_task_propagate_boolean (G_TASK (result), error);
}
