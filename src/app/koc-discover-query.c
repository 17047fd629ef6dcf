/* koc-discover-query.c: Discover's queries on the store.
 *
 * Every query runs on the store's worker (koc_store_search_async); a new query
 * cancels the previous one (its pages and its count) so typing never waits and a late
 * answer never overwrites a newer one (the generation check covers results already
 * queued in the main loop). The total is counted after the first page, on the same
 * worker, so the rows show first.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-query"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "koc-discover-pane-private.h"

typedef struct
{
  KocDiscoverPane *self;      /* owned reference */
  guint            generation;
  guint            offset;
  guint            limit;      /* rows asked for: fewer means the last page */
} Request;

static Request *
request_new (KocDiscoverPane *self,
             guint            offset,
             guint            limit)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->generation = self->generation;
  request->offset = offset;
  request->limit = limit;
  self->busy++;
  return request;
}

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static KocSearchQuery *
build_query (KocDiscoverPane *self)
{
  KocSearchQuery *query = koc_search_query_new ();
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  query->text = *text != '\0' ? g_steal_pointer (&text) : NULL;
  koc_discover_filters_apply (self->filters, query);
  query->engagement = self->engagement;

  if (self->user_sorted)
    {
      query->sort = self->sort;
      query->ascending = self->ascending;
    }
  else
    {
      /* By default: best matches for a search, otherwise the strongest advocates. */
      query->sort = query->text != NULL ? KOC_SEARCH_SORT_RELEVANCE : KOC_SEARCH_SORT_SCORE;
      query->ascending = FALSE;
    }
  query->limit = KOC_DISCOVER_FIRST_PAGE_SIZE;
  return query;
}

/* Shows the default order on the headers; a click there takes over. */
static void
show_default_sort (KocDiscoverPane *self)
{
  if (self->user_sorted)
    return;
  _koc_discover_show_sort (self,
                           self->query != NULL && self->query->sort == KOC_SEARCH_SORT_SCORE
                           ? self->score_column : NULL,
                           GTK_SORT_DESCENDING);
}

/* On the store's worker: the number of rows the query has without its page limit. */
static gboolean
count_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 count = koc_search_count_accounts (db, data, error);

  if (count < 0)
    return FALSE;
  *result = g_memdup2 (&count, sizeof count);
  return TRUE;
}

static void
count_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  KocDiscoverPane *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *count = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &count, &error))
    {
      if (request->generation == self->generation)
        self->busy--;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the results: %s", error->message);
      return;
    }
  if (request->generation != self->generation)
    return;

  self->busy--;
  self->count = *count;
  g_debug ("count %s: %" G_GINT64_FORMAT " in %.1f ms", self->query->text ? self->query->text : "(none)",
           self->count, (g_get_monotonic_time () - self->started_at) / 1000.0);
  _koc_discover_update_state (self);
}

static void
page_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  KocDiscoverPane *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = koc_store_search_finish (KOC_STORE (source), result, &error);
  g_autoptr(GPtrArray) items = NULL;
  gint64 shown_at = 0;
  guint n_old;

  if (request->generation != self->generation)
    return;
  self->busy--;

  if (hits == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_list_store_remove_all (self->results);
      self->has_more = FALSE;
      _koc_discover_update_state (self);
      adw_status_page_set_title (self->no_results_page, _("Search Failed"));
      adw_status_page_set_description (self->no_results_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
      return;
    }

  self->has_more = hits->len >= request->limit;
  items = koc_account_items_from_hits (hits);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (request->offset == 0)
    {
      g_debug ("search %s: %u rows in %.1f ms", self->query->text ? self->query->text : "(none)",
               items->len, (g_get_monotonic_time () - self->started_at) / 1000.0);
      shown_at = g_get_monotonic_time ();
      /* A new query starts at the top. Scrolled while the old rows are still there:
       * GtkListView cannot scroll into rows that are about to be replaced. */
      if (n_old > 0)
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      /* One items-changed for the page: the old results go in the same splice. */
      g_list_store_splice (self->results, 0, n_old, items->pdata, items->len);
    }
  else
    {
      g_list_store_splice (self->results, n_old, 0, items->pdata, items->len);
    }
  if (shown_at > 0)
    g_debug ("showing the page took %.1f ms on the UI thread", (g_get_monotonic_time () - shown_at) / 1000.0);
  _koc_discover_load_avatars (self, items);
  _koc_discover_update_state (self);
}

void
_koc_discover_start_search (KocDiscoverPane *self)
{
  g_autoptr(KocSearchQuery) count_query = NULL;

  if (self->store == NULL)
    return;

  _koc_discover_leave_recommendations (self);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  self->generation++;
  self->busy = 0;
  self->count = -1;
  self->has_more = FALSE;
  self->started_at = g_get_monotonic_time ();

  g_clear_pointer (&self->query, koc_search_query_free);
  self->query = build_query (self);
  show_default_sort (self);

  koc_store_search_async (self->store, self->query, self->search_cancellable, page_ready_cb,
                          request_new (self, 0, self->query->limit));
  /* Queued after the page on the same worker: the rows show first. */
  count_query = koc_search_query_copy (self->query);
  koc_store_run_async (self->store, count_func, g_steal_pointer (&count_query),
                       (GDestroyNotify) koc_search_query_free, g_free, self->search_cancellable,
                       count_ready_cb, request_new (self, 0, 0));
  _koc_discover_update_state (self);
}

void
_koc_discover_load_more (KocDiscoverPane *self)
{
  g_autoptr(KocSearchQuery) query = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  /* One page at a time: the count may still run, pages may not overlap. */
  if (self->store == NULL || self->query == NULL || !self->has_more)
    return;
  self->has_more = FALSE;

  query = koc_search_query_copy (self->query);
  query->offset = n;
  query->limit = KOC_DISCOVER_PAGE_SIZE;
  koc_store_search_async (self->store, query, self->search_cancellable, page_ready_cb,
                          request_new (self, n, query->limit));
  _koc_discover_update_state (self);
}
