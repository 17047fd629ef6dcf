/* koc-sync-pull.c: the pull step of a sync — pages of the change feed into the store.
 *
 * Two lanes run at once. The request lane asks for the next page as soon as the one
 * before has arrived: the server names its `next` and `more` in the Koc-Feed-Next
 * header, ahead of the body (docs/api-v1.yaml). The store lane applies the pages that
 * have arrived, in feed order, up to MAX_GROUP of them in one transaction with the last
 * one's cursor, while the next ones are on the way. Each commit holds whole pages and
 * their cursor, so an interrupted pull resumes after the last commit.
 *
 * A server that sends no header gets one request at a time, after each apply. When a
 * request fails, the pages already fetched are applied first; when an apply fails, the
 * request out is cancelled and nothing after the failed pages is applied.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <string.h>

#include "koc-sync-run-private.h"
#include "koc-sync-store.h"

/* Pages fetched and not yet applied (about 10 MB at 500 changes), and pages applied in one
 * transaction: a group's statements and its commit rewrite index pages the whole group
 * shares, so larger groups write less (measured against 16: docs/sync.md). */
#define MAX_AHEAD 32
#define MAX_GROUP 32

typedef struct
{
  GBytes   *body;
  gint64    next;    /* from Koc-Feed-Next; -1 without it */
  gboolean  more;
} KocSyncFetched;

static void
fetched_free (gpointer data)
{
  KocSyncFetched *fetched = data;

  g_bytes_unref (fetched->body);
  g_free (fetched);
}

void
koc_sync_pull_clear (KocSyncPull *pull)
{
  g_queue_clear_full (&pull->fetched, fetched_free);
  g_clear_error (&pull->fetch_error);
}

static void pump (GTask *task);

static void page_response (GTask  *task,
                           GBytes *body);

/* Asks for the page after pull.since; takes @task. */
static void
fetch (GTask *task)
{
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);

  run->pull.fetching = TRUE;
  koc_sync_run_send_request (task, "GET",
                             g_strdup_printf ("v1/changes?since=%" G_GINT64_FORMAT "&limit=%u",
                                              run->pull.since, self->page_size),
                             NULL, page_response);
}

static void
maybe_fetch (GTask *task)
{
  KocSyncRun *run = g_task_get_task_data (task);
  KocSyncPull *pull = &run->pull;

  if (!run->finished && !pull->fetching && !pull->serial && !pull->fetched_all &&
      pull->fetch_error == NULL && pull->fetched.length < MAX_AHEAD)
    fetch (g_object_ref (task));
}

/* "<next> more" or "<next> end". */
static gboolean
parse_feed_next (const char *value,
                 gint64     *next,
                 gboolean   *more)
{
  g_auto(GStrv) parts = value != NULL ? g_strsplit (value, " ", 3) : NULL;
  guint64 number;

  if (parts == NULL || g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXINT64, &number, NULL) ||
      (strcmp (parts[1], "more") != 0 && strcmp (parts[1], "end") != 0))
    return FALSE;
  *next = (gint64)number;
  *more = strcmp (parts[1], "more") == 0;
  return TRUE;
}

/* A page has arrived (@task borrowed). */
static void
page_response (GTask  *task,
               GBytes *body)
{
  KocSyncRun *run = g_task_get_task_data (task);
  KocSyncPull *pull = &run->pull;
  KocSyncFetched *fetched = g_new0 (KocSyncFetched, 1);
  const char *header = soup_message_headers_get_one (soup_message_get_response_headers (run->msg),
                                                     "Koc-Feed-Next");

  pull->fetching = FALSE;
  fetched->body = g_bytes_ref (body);
  fetched->next = -1;
  if (parse_feed_next (header, &fetched->next, &fetched->more))
    {
      if (fetched->more)
        pull->since = fetched->next;
      else
        pull->fetched_all = TRUE;
    }
  else
    pull->serial = TRUE;
  g_queue_push_tail (&pull->fetched, fetched);
  maybe_fetch (task);
  pump (task);
}

static gboolean
pages_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  GPtrArray *group = data;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree KocSyncPage *expected = g_new0 (KocSyncPage, group->len);
  KocSyncPage *page = g_new0 (KocSyncPage, 1);

  for (guint i = 0; i < group->len; i++)
    {
      KocSyncFetched *fetched = g_ptr_array_index (group, i);

      g_ptr_array_add (texts, g_strndup (g_bytes_get_data (fetched->body, NULL),
                                         g_bytes_get_size (fetched->body)));
      expected[i].next = fetched->next;
      expected[i].more = fetched->more;
    }
  *result = page;
  /* A body that is not what its header said fails the group: the requests after it
   * followed the header. */
  return koc_sync_store_apply_pages (db, (const char * const *)texts->pdata, expected,
                                     texts->len, page, cancellable, error);
}

typedef struct
{
  GTask     *task;
  GPtrArray *group;   /* of KocSyncFetched */
} Apply;

static void
pages_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Apply *apply = user_data;
  g_autoptr(GTask) task = apply->task;
  g_autoptr(GPtrArray) group = apply->group;
  KocSyncRun *run = g_task_get_task_data (task);
  KocSyncPull *pull = &run->pull;
  KocSyncFetched *last = g_ptr_array_index (group, group->len - 1);
  g_autofree KocSyncPage *page = NULL;
  GError *error = NULL;

  g_free (apply);
  pull->applying = FALSE;
  if (!koc_store_run_finish (KOC_STORE (object), result, (gpointer *)&page, &error))
    {
      koc_sync_run_fail (g_steal_pointer (&task), koc_sync_run_answer_error (error));
      return;
    }
  g_debug ("Pages applied: %u, %" G_GINT64_FORMAT " changes, cursor %" G_GINT64_FORMAT,
           group->len, page->n_changes, page->next);
  if (run->finished)
    return;  /* committed, but the run has ended (cancelled while this was applied) */
  run->report.pulled += page->n_changes;
  run->report.skipped += page->n_skipped;
  run->report.pages += group->len;
  koc_sync_run_publish_progress (task);

  if (last->next < 0)
    {
      if (page->more)
        {
          pull->since = page->next;
          fetch (g_object_ref (task));
        }
      else
        pull->fetched_all = TRUE;
    }
  maybe_fetch (task);
  pump (task);
}

/* Moves the run on (@task borrowed): applies what has arrived, reports a failed request
 * once everything before it is in, or finishes. */
static void
pump (GTask *task)
{
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);
  KocSyncPull *pull = &run->pull;
  GError *error = NULL;

  if (run->finished || pull->applying)
    return;
  if (g_cancellable_set_error_if_cancelled (run->cancellable, &error))
    koc_sync_run_fail (g_object_ref (task), error);
  else if (pull->fetched.length > 0)
    {
      Apply *apply = g_new0 (Apply, 1);

      apply->task = g_object_ref (task);
      apply->group = g_ptr_array_new_with_free_func (fetched_free);
      while (pull->fetched.length > 0 && apply->group->len < MAX_GROUP)
        {
          KocSyncFetched *fetched = g_queue_pop_head (&pull->fetched);

          g_ptr_array_add (apply->group, fetched);
          /* A server without the header: one page at a time. */
          if (fetched->next < 0)
            break;
        }
      pull->applying = TRUE;
      koc_store_write_async (self->store, pages_func, g_ptr_array_ref (apply->group),
                             (GDestroyNotify)g_ptr_array_unref, g_free, run->cancellable,
                             pages_cb, apply);
      /* The queue has room again: a full one had stopped the requests, which would
       * otherwise wait for this whole group to be applied. */
      maybe_fetch (task);
    }
  else if (pull->fetch_error != NULL)
    koc_sync_run_fail (g_object_ref (task), g_steal_pointer (&pull->fetch_error));
  else if (pull->fetched_all && !pull->fetching)
    koc_sync_run_finish (g_object_ref (task));
}

static gboolean
cursor_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  gint64 *cursor = g_new0 (gint64, 1);

  *result = cursor;
  return koc_sync_store_get_cursor (db, cursor, error);
}

static void
cursor_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KocSyncRun *run = g_task_get_task_data (task);
  g_autofree gint64 *cursor = NULL;
  GError *error = NULL;

  if (!koc_store_run_finish (KOC_STORE (object), result, (gpointer *)&cursor, &error))
    {
      koc_sync_run_fail (g_steal_pointer (&task), error);
      return;
    }
  run->pull.since = *cursor;
  fetch (g_steal_pointer (&task));
}

void
koc_sync_run_start_pull (GTask *task)
{
  KocSyncEngine *self = g_task_get_source_object (task);
  KocSyncRun *run = g_task_get_task_data (task);

  koc_store_run_async (self->store, cursor_func, NULL, NULL, g_free, run->cancellable,
                       cursor_cb, task);
}
