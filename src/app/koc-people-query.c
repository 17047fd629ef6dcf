/* koc-people-query.c: the People list's pages, on the store's worker.
 *
 * Like Discover: a new query (typing, another sort) cancels the previous one's pages
 * and count, and the generation check drops answers already queued in the main loop.
 * The count is queued after the first page, so the rows show first; avatars after
 * each page, decoded a few per idle (koc-people-media.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-query"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-media-textures.h"
#include "koc-people-pane-private.h"

typedef struct
{
  KocPeoplePane *self;      /* owned reference */
  guint          generation;
  guint          offset;
} Request;

static Request *
request_new (KocPeoplePane *self,
             guint          offset)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->generation = self->generation;
  request->offset = offset;
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

static gboolean
list_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  GPtrArray *rows = koc_people_list (db, data, error);

  *result = rows;
  return rows != NULL;
}

static gboolean
count_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 count = koc_people_count (db, data, error);

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
  KocPeoplePane *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *count = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &count, &error))
    {
      if (request->generation == self->generation)
        self->busy--;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the people: %s", error->message);
      if (request->generation == self->generation)
        _koc_people_update_state (self);
      return;
    }
  if (request->generation != self->generation)
    return;
  self->busy--;
  self->count = *count;
  _koc_people_update_state (self);
}

static void
set_avatar (GObject    *target,
            GdkTexture *texture)
{
  koc_people_item_set_avatar (KOC_PEOPLE_ITEM (target), G_OBJECT (texture));
}

static void
load_avatars (KocPeoplePane *self,
              GPtrArray     *items)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < items->len; i++)
    {
      const KocPersonRow *row = koc_people_item_get_row (items->pdata[i]);

      if (row->avatar_sha256 == NULL)
        continue;
      g_ptr_array_add (targets, g_object_ref (items->pdata[i]));
      g_ptr_array_add (hashes, g_strdup (row->avatar_sha256));
    }
  if (targets->len > 0)
    koc_media_textures_load (self->store, targets, hashes, set_avatar, self->search_cancellable);
}

static void
page_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  KocPeoplePane *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n_old;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &rows, &error))
    {
      if (request->generation != self->generation)
        return;
      self->busy--;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_list_store_remove_all (self->results);
          self->has_more = FALSE;
          adw_status_page_set_title (self->no_results_page, _("Could Not List People"));
          adw_status_page_set_description (self->no_results_page, error->message);
        }
      _koc_people_update_state (self);
      return;
    }
  if (request->generation != self->generation)
    return;
  self->busy--;

  self->has_more = rows->len >= KOC_PEOPLE_PAGE_SIZE;
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, koc_people_item_new_take (g_steal_pointer (&rows->pdata[i])));

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  self->selecting = TRUE;
  if (request->offset == 0)
    {
      if (n_old > 0)
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->list_scroller), 0);
      g_list_store_splice (self->results, 0, n_old, items->pdata, items->len);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }
  else
    {
      g_list_store_splice (self->results, n_old, 0, items->pdata, items->len);
    }
  self->selecting = FALSE;
  load_avatars (self, items);
  _koc_people_update_state (self);
}

static KocPeopleQuery *
build_query (KocPeoplePane *self)
{
  KocPeopleQuery *query = koc_people_query_new ();
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  query->text = *text != '\0' ? g_steal_pointer (&text) : NULL;
  query->sort = gtk_drop_down_get_selected (self->sort_dropdown) == 1 ? KOC_PEOPLE_SORT_NAME
                                                                     : KOC_PEOPLE_SORT_SCORE;
  query->limit = KOC_PEOPLE_PAGE_SIZE;
  return query;
}

void
_koc_people_start_search (KocPeoplePane *self)
{
  g_autoptr(KocPeopleQuery) page = NULL;

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  self->generation++;
  self->busy = 0;
  self->count = -1;
  self->has_more = FALSE;

  g_clear_pointer (&self->query, koc_people_query_free);
  self->query = build_query (self);

  page = koc_people_query_copy (self->query);
  koc_store_run_async (self->store, list_func, g_steal_pointer (&page),
                       (GDestroyNotify) koc_people_query_free, (GDestroyNotify) g_ptr_array_unref,
                       self->search_cancellable, page_ready_cb, request_new (self, 0));
  page = koc_people_query_copy (self->query);
  koc_store_run_async (self->store, count_func, g_steal_pointer (&page),
                       (GDestroyNotify) koc_people_query_free, g_free,
                       self->search_cancellable, count_ready_cb, request_new (self, 0));
  _koc_people_update_state (self);
}

void
_koc_people_load_more (KocPeoplePane *self)
{
  g_autoptr(KocPeopleQuery) page = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (self->store == NULL || self->query == NULL || !self->has_more)
    return;
  self->has_more = FALSE;

  page = koc_people_query_copy (self->query);
  page->offset = n;
  koc_store_run_async (self->store, list_func, g_steal_pointer (&page),
                       (GDestroyNotify) koc_people_query_free, (GDestroyNotify) g_ptr_array_unref,
                       self->search_cancellable, page_ready_cb, request_new (self, n));
  _koc_people_update_state (self);
}
