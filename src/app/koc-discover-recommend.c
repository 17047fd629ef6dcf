/* koc-discover-recommend.c: "Similar to your top advocates" in the Discover list.
 *
 * A toggle in the toolbar replaces the results with koc_recommend_lookalikes() (on the
 * store's worker), each row showing its reason where a search shows its snippet.
 * Typing a search or changing a filter goes back to searching.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-format.h"
#include "koc-discover-pane-private.h"
#include "koc-recommend.h"

#define N_RESULTS 100
/* The account column while it shows lookalikes: room for their reasons to wrap. */
#define REASON_WIDTH 300

static void
set_showing (KocDiscoverPane *self,
             gboolean         showing)
{
  self->showing_recommendations = showing;
  gtk_column_view_column_set_fixed_width (self->account_column, showing ? REASON_WIDTH : self->account_width);
}

static gboolean
recommend_func (sqlite3       *db,
                gpointer       data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  GPtrArray *recs = koc_recommend_lookalikes (db, 50, N_RESULTS, error);

  *result = recs;
  return recs != NULL;
}

static void
recommended_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &recs, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->showing_recommendations)
        {
          self->busy = 0;
          _koc_discover_update_state (self);
          adw_status_page_set_title (self->no_results_page, _("Search Failed"));
          adw_status_page_set_description (self->no_results_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "no-results");
        }
      return;
    }
  if (!self->showing_recommendations)
    return;

  for (guint i = 0; i < recs->len; i++)
    {
      KocRecommendation *rec = recs->pdata[i];
      KocAccountHit *hit = g_steal_pointer (&rec->hit);

      g_free (hit->snippet);
      hit->snippet = koc_recommendation_describe (rec, koc_format_category_name);
      g_ptr_array_add (items, koc_account_item_new_take (hit));
    }
  self->busy = 0;
  self->has_more = FALSE;
  self->count = items->len;
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
  _koc_discover_load_avatars (self, items);
  _koc_discover_update_state (self);
  if (items->len == 0)
    {
      adw_status_page_set_title (self->no_results_page, _("No Top Advocates Yet"));
      adw_status_page_set_description (self->no_results_page,
                                       _("Lookalikes are found from the people at stage Advocate or Ambassador."
                                         " Move your best customers there first."));
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lookalike", "%u lookalikes", items->len),
                           items->len);
  gtk_label_set_label (self->count_label, count);
}

static void
toggled_cb (KocDiscoverPane *self)
{
  gboolean active = gtk_toggle_button_get_active (self->recommend_button);

  if (!active)
    {
      if (self->showing_recommendations)
        {
          set_showing (self, FALSE);
          _koc_discover_start_search (self);
        }
      return;
    }
  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  self->generation++;   /* late search pages are dropped */
  self->busy = 1;
  set_showing (self, TRUE);
  _koc_discover_update_state (self);
  koc_store_run_async (self->store, recommend_func, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                       self->search_cancellable, recommended_cb, g_object_ref (self));
}

/* Called when a search starts: the list is search results again. */
void
_koc_discover_leave_recommendations (KocDiscoverPane *self)
{
  if (!self->showing_recommendations)
    return;
  set_showing (self, FALSE);
  g_signal_handlers_block_by_func (self->recommend_button, toggled_cb, self);
  gtk_toggle_button_set_active (self->recommend_button, FALSE);
  g_signal_handlers_unblock_by_func (self->recommend_button, toggled_cb, self);
}

void
_koc_discover_recommend_init (KocDiscoverPane *self)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (_("Lookalikes"));

  gtk_widget_set_tooltip_text (button, _("Similar to your top advocates: accounts not yet advocates that share"
                                         " their category, region, brands, hashtags and tier"));
  gtk_widget_add_css_class (button, "flat");
  /* Its name when it shows only its icon (koc_discover_pane_set_compact()). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lookalikes"), -1);
  gtk_box_insert_child_after (GTK_BOX (self->toolbar), button, self->saved_button);
  self->recommend_button = GTK_TOGGLE_BUTTON (button);
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (toggled_cb), self);
}

void
_koc_discover_recommend_set_compact (KocDiscoverPane *self,
                                     gboolean         compact)
{
  if (compact)
    gtk_button_set_icon_name (GTK_BUTTON (self->recommend_button), "emoji-people-symbolic");
  else
    gtk_button_set_label (GTK_BUTTON (self->recommend_button), _("Lookalikes"));
}
