/* koc-score-async.c: KOC score recomputation on the store's worker, with progress.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-score"

#include "config.h"

#include "koc-score.h"

typedef struct
{
  gatomicrefcount       ref;
  KocScoreScope         scope;
  gboolean              has_weights;
  KocScoreWeights       weights;
  KocScoreProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
  gint64                last_report;
} Job;

typedef struct
{
  Job     *job;
  guint64  done;
  guint64  total;
} Report;

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref);
  return job;
}

static void
job_unref (gpointer data)
{
  Job *job = data;

  if (g_atomic_ref_count_dec (&job->ref))
    {
      g_main_context_unref (job->context);
      g_free (job);
    }
}

static gboolean
report_cb (gpointer data)
{
  Report *report = data;

  report->job->progress (report->done, report->total, report->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
report_free (gpointer data)
{
  Report *report = data;

  job_unref (report->job);
  g_free (report);
}

/* On the worker: hands the numbers to the caller's context, at most ~10 times a second. */
static void
worker_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  Job *job = user_data;
  gint64 now = g_get_monotonic_time ();
  Report *report;

  if (done != 0 && done != total && now - job->last_report < G_USEC_PER_SEC / 10)
    return;
  job->last_report = now;
  report = g_new (Report, 1);
  report->job = job_ref (job);
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_cb, report, report_free);
}

static gboolean
recompute_func (sqlite3       *db,
                gpointer       data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  Job *job = data;
  guint64 n = 0;

  if (job->has_weights && !koc_score_weights_save (db, &job->weights, error))
    return FALSE;
  if (!koc_score_recompute (db, job->scope, NULL, 0, 0,
                            job->progress != NULL ? worker_progress : NULL, job,
                            cancellable, &n, error))
    return FALSE;
  *result = g_memdup2 (&n, sizeof n);
  return TRUE;
}

void
koc_score_recompute_async (KocStore               *store,
                           KocScoreScope           scope,
                           const KocScoreWeights  *weights,
                           KocScoreProgressFunc    progress,
                           gpointer                progress_data,
                           GCancellable           *cancellable,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (KOC_IS_STORE (store));
  g_return_if_fail (scope != KOC_SCORE_SCOPE_PEOPLE);

  g_atomic_ref_count_init (&job->ref);
  job->scope = scope;
  job->has_weights = weights != NULL;
  if (weights != NULL)
    job->weights = *weights;
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  koc_store_write_async (store, recompute_func, job, job_unref, g_free, cancellable,
                         callback, user_data);
}

gboolean
koc_score_recompute_finish (KocStore      *store,
                            GAsyncResult  *result,
                            guint64       *n_scored,
                            GError       **error)
{
  gpointer out = NULL;

  if (!koc_store_run_finish (store, result, &out, error))
    return FALSE;
  if (n_scored != NULL)
    *n_scored = out != NULL ? *(guint64 *) out : 0;
  g_free (out);
  return TRUE;
}
