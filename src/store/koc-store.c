/* koc-store.c: KocStore, one workspace connection behind one worker thread.
 *
 * Threading: the connection (self->db) is only used by the store's worker, an
 * exclusive GThreadPool with one thread, so jobs run one at a time in the order they
 * were queued. Each job is a GTask (source object: the store) pushed into the pool;
 * the worker returns its result through the GTask to the caller's main context.
 *
 * Lifetime: a queued job holds a reference to the store through its GTask, and the
 * worker hands that reference back to the caller's context with the result
 * (deliver_cb), so the store is finalized on the caller's thread when no job is
 * pending and the worker is idle: the connection is closed on the spot. (Should a
 * worker ever drop the last reference, the pool is freed without waiting: GLib frees
 * it when the thread returns.)
 *
 * Cancellation: while a job runs, sqlite3_progress_handler polls the job's
 * GCancellable every PROGRESS_OPS virtual machine steps and interrupts the statement
 * (SQLITE_INTERRUPT → G_IO_ERROR_CANCELLED, see koc_db_set_error()).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-store"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-store.h"

#define PROGRESS_OPS 1000

typedef enum
{
  JOB_OPEN,
  JOB_READ,
  JOB_WRITE,
} JobKind;

typedef struct
{
  JobKind         kind;
  KocStoreFunc    func;
  gpointer        data;
  GDestroyNotify  data_destroy;
  GDestroyNotify  result_destroy;

  /* Outcome, set on the worker and delivered in the caller's context. */
  gpointer        result;
  GError         *error;
} Job;

struct _KocStore
{
  GObject            parent_instance;

  char              *path;
  KocStoreOpenFlags  flags;
  GThreadPool       *pool;

  /* Worker thread only. */
  sqlite3           *db;
};

G_DEFINE_FINAL_TYPE (KocStore, koc_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (koc-store-error-quark, koc_store_error)

/* Set while the current thread is a store worker running a job. */
static GPrivate in_worker;

static void
job_free (Job *job)
{
  if (job->data_destroy != NULL && job->data != NULL)
    job->data_destroy (job->data);
  if (job->result != NULL && job->result_destroy != NULL)
    job->result_destroy (job->result);
  g_clear_error (&job->error);
  g_free (job);
}

static int
progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/* Runs @job on the worker; the outcome goes to job->result or job->error. */
static void
run_job (KocStore     *self,
         GCancellable *cancellable,
         Job          *job)
{
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, &job->error))
    return;

  if (job->kind == JOB_OPEN)
    {
      if ((self->db = koc_db_open (self->path, self->flags, &job->error)) != NULL)
        job->result = g_object_ref (self);
      return;
    }

  if (self->db == NULL)
    {
      g_set_error_literal (&job->error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED,
                           _("The workspace is not open"));
      return;
    }

  if (job->kind == JOB_WRITE && (self->flags & KOC_STORE_OPEN_READ_ONLY))
    {
      g_set_error_literal (&job->error, KOC_STORE_ERROR, KOC_STORE_ERROR_READ_ONLY,
                           _("The workspace is open read-only; changes cannot be saved"));
      return;
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, PROGRESS_OPS, progress_cb, cancellable);

  if (job->kind == JOB_WRITE)
    {
      ok = koc_db_begin_write (self->db, &job->error);
      if (ok)
        ok = job->func (self->db, job->data, &job->result, cancellable, &job->error);
      if (ok)
        ok = koc_db_commit (self->db, &job->error);
      else
        koc_db_rollback (self->db);
    }
  else
    {
      ok = job->func (self->db, job->data, &job->result, cancellable, &job->error);
    }

  sqlite3_progress_handler (self->db, 0, NULL, NULL);

  if (!ok)
    {
      if (job->result != NULL && job->result_destroy != NULL)
        job->result_destroy (job->result);
      job->result = NULL;
      if (job->error == NULL)
        g_set_error_literal (&job->error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED,
                             _("The workspace operation failed"));
    }
}

/* In the caller's context: deliver the outcome and drop the worker's reference there,
 * so that the store is finalized on the caller's thread, not on the worker. */
static gboolean
deliver_cb (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);

  if (job->error != NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&job->result), job->result_destroy);
  return G_SOURCE_REMOVE;
}

static void
worker_func (gpointer data,
             gpointer user_data)
{
  GTask *task = data;

  g_private_set (&in_worker, GINT_TO_POINTER (1));
  run_job (g_task_get_source_object (task), g_task_get_cancellable (task),
           g_task_get_task_data (task));
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, deliver_cb, task, NULL);
  g_private_set (&in_worker, NULL);
}

static void
koc_store_finalize (GObject *object)
{
  KocStore *self = (KocStore *)object;

  g_clear_pointer (&self->db, koc_db_close);
  if (self->pool != NULL)
    g_thread_pool_free (self->pool, FALSE, g_private_get (&in_worker) == NULL);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (koc_store_parent_class)->finalize (object);
}

static void
koc_store_class_init (KocStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = koc_store_finalize;
}

static void
koc_store_init (KocStore *self)
{
  g_autoptr(GError) error = NULL;

  self->pool = g_thread_pool_new (worker_func, NULL, 1, TRUE, &error);
  if (self->pool == NULL)
    g_error ("Could not start the store worker thread: %s", error->message);
}

static void
push_job (KocStore            *self,
          JobKind              kind,
          KocStoreFunc         func,
          gpointer             data,
          GDestroyNotify       data_destroy,
          GDestroyNotify       result_destroy,
          GCancellable        *cancellable,
          gpointer             source_tag,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task;
  Job *job;

  job = g_new0 (Job, 1);
  job->kind = kind;
  job->func = func;
  job->data = data;
  job->data_destroy = data_destroy;
  job->result_destroy = result_destroy;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);

  /* The pool owns this reference until worker_func() is done with it. */
  g_thread_pool_push (self->pool, task, NULL);
}

KocStore *
koc_store_open_begin (const char          *path,
                      KocStoreOpenFlags    flags,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  KocStore *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (KOC_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->flags = flags;

  push_job (self, JOB_OPEN, NULL, NULL, NULL, g_object_unref, cancellable,
            koc_store_open_async, callback, user_data);
  return self;
}

void
koc_store_open_async (const char          *path,
                      KocStoreOpenFlags    flags,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  g_object_unref (koc_store_open_begin (path, flags, cancellable, callback, user_data));
}

KocStore *
koc_store_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == koc_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sync_result_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
wait_for (GMainContext  *context,
          GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (context, TRUE);
}

KocStore *
koc_store_open_sync (const char         *path,
                     KocStoreOpenFlags   flags,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  KocStore *store;

  g_main_context_push_thread_default (context);
  koc_store_open_async (path, flags, cancellable, sync_result_cb, &result);
  wait_for (context, &result);
  g_main_context_pop_thread_default (context);

  store = koc_store_open_finish (result, error);
  return store;
}

const char *
koc_store_get_path (KocStore *self)
{
  g_return_val_if_fail (KOC_IS_STORE (self), NULL);

  return self->path;
}

gboolean
koc_store_is_read_only (KocStore *self)
{
  g_return_val_if_fail (KOC_IS_STORE (self), FALSE);

  return (self->flags & KOC_STORE_OPEN_READ_ONLY) != 0;
}

void
koc_store_run_async (KocStore            *self,
                     KocStoreFunc         func,
                     gpointer             data,
                     GDestroyNotify       data_destroy,
                     GDestroyNotify       result_destroy,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (KOC_IS_STORE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  push_job (self, JOB_READ, func, data, data_destroy, result_destroy, cancellable,
            koc_store_run_async, callback, user_data);
}

void
koc_store_write_async (KocStore            *self,
                       KocStoreFunc         func,
                       gpointer             data,
                       GDestroyNotify       data_destroy,
                       GDestroyNotify       result_destroy,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (KOC_IS_STORE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  push_job (self, JOB_WRITE, func, data, data_destroy, result_destroy, cancellable,
            koc_store_run_async, callback, user_data);
}

gboolean
koc_store_run_finish (KocStore      *self,
                      GAsyncResult  *result,
                      gpointer      *out_result,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  Job *job;
  gpointer value;

  g_return_val_if_fail (KOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == koc_store_run_async, FALSE);

  value = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  job = g_task_get_task_data (G_TASK (result));
  if (out_result != NULL)
    *out_result = value;
  else if (value != NULL && job->result_destroy != NULL)
    job->result_destroy (value);

  return TRUE;
}

static gboolean
run_sync (KocStore      *self,
          JobKind        kind,
          KocStoreFunc   func,
          gpointer       data,
          gpointer      *out_result,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (KOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  g_main_context_push_thread_default (context);
  push_job (self, kind, func, data, NULL, NULL, cancellable, koc_store_run_async,
            sync_result_cb, &result);
  wait_for (context, &result);
  g_main_context_pop_thread_default (context);

  return koc_store_run_finish (self, result, out_result, error);
}

gboolean
koc_store_run_sync (KocStore      *self,
                    KocStoreFunc   func,
                    gpointer       data,
                    gpointer      *out_result,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return run_sync (self, JOB_READ, func, data, out_result, cancellable, error);
}

gboolean
koc_store_write_sync (KocStore      *self,
                      KocStoreFunc   func,
                      gpointer       data,
                      gpointer      *out_result,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return run_sync (self, JOB_WRITE, func, data, out_result, cancellable, error);
}

static gboolean
count_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", (const char *) data);
  gint64 count = 0;
  gboolean ok = koc_db_query_int64 (db, sql, 0, &count, error);

  sqlite3_free (sql);
  if (ok)
    *result = g_memdup2 (&count, sizeof count);
  return ok;
}

void
koc_store_count_async (KocStore            *self,
                       const char          *table,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (KOC_IS_STORE (self));
  g_return_if_fail (table != NULL);

  push_job (self, JOB_READ, count_func, g_strdup (table), g_free, g_free, cancellable,
            koc_store_count_async, callback, user_data);
}

gboolean
koc_store_count_finish (KocStore      *self,
                        GAsyncResult  *result,
                        gint64        *out_count,
                        GError       **error)
{
  g_autofree gint64 *value = NULL;

  g_return_val_if_fail (KOC_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == koc_store_count_async, FALSE);

  if ((value = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return FALSE;
  if (out_count != NULL)
    *out_count = *value;
  return TRUE;
}

static gboolean
search_accounts_func (sqlite3       *db,
                      gpointer       data,
                      gpointer      *result,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return (*result = koc_search_accounts (db, data, error)) != NULL;
}

static gboolean
search_posts_func (sqlite3       *db,
                   gpointer       data,
                   gpointer      *result,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return (*result = koc_search_posts (db, data, error)) != NULL;
}

static gboolean
search_people_func (sqlite3       *db,
                    gpointer       data,
                    gpointer      *result,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return (*result = koc_search_people (db, data, error)) != NULL;
}

static void
push_search (KocStore             *self,
             KocStoreFunc          func,
             const KocSearchQuery *query,
             GCancellable         *cancellable,
             gpointer              source_tag,
             GAsyncReadyCallback   callback,
             gpointer              user_data)
{
  push_job (self, JOB_READ, func, koc_search_query_copy (query),
            (GDestroyNotify)koc_search_query_free, (GDestroyNotify)g_ptr_array_unref,
            cancellable, source_tag, callback, user_data);
}

static GPtrArray *
search_finish (KocStore      *self,
               GAsyncResult  *result,
               gpointer       source_tag,
               GError       **error)
{
  g_return_val_if_fail (KOC_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
koc_store_search_async (KocStore             *self,
                        const KocSearchQuery *query,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  g_return_if_fail (KOC_IS_STORE (self));
  g_return_if_fail (query != NULL);

  push_search (self, search_accounts_func, query, cancellable, koc_store_search_async,
               callback, user_data);
}

GPtrArray *
koc_store_search_finish (KocStore      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return search_finish (self, result, koc_store_search_async, error);
}

void
koc_store_search_posts_async (KocStore             *self,
                              const KocSearchQuery *query,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_return_if_fail (KOC_IS_STORE (self));
  g_return_if_fail (query != NULL);

  push_search (self, search_posts_func, query, cancellable, koc_store_search_posts_async,
               callback, user_data);
}

GPtrArray *
koc_store_search_posts_finish (KocStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return search_finish (self, result, koc_store_search_posts_async, error);
}

void
koc_store_search_people_async (KocStore             *self,
                               const KocSearchQuery *query,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_return_if_fail (KOC_IS_STORE (self));
  g_return_if_fail (query != NULL);

  push_search (self, search_people_func, query, cancellable, koc_store_search_people_async,
               callback, user_data);
}

GPtrArray *
koc_store_search_people_finish (KocStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return search_finish (self, result, koc_store_search_people_async, error);
}
