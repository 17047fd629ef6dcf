/* koc-keywords-share.c: the Keywords pane's share of voice — posts (mentions) or their
 * engagement per brand over the chosen period, in weekly or 30-day buckets, from the
 * keyword aggregates (koc_keyword_store_share_of_voice()) on the store's worker, drawn as
 * a 100 % stacked area chart (src/charts/koc-chart-area.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-chart-view.h"
#include "koc-keywords-pane-private.h"

#define MAX_SHARE_SERIES 6  /* brands with a colour of their own, "Other brands" included */

static void
rebuild_share_chart (KocKeywordsPane *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean by_engagement = gtk_drop_down_get_selected (self->share_dropdown) == 1;
  guint n_brands, n_points;

  g_clear_pointer (&self->share_chart, koc_chart_area_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->share_area));
  if (self->share == NULL || self->overview == NULL || self->overview->brands->len < 2)
    return;
  n_brands = self->overview->brands->len - 1;
  n_points = self->share->len / n_brands;
  for (guint p = 0; p < n_points; p++)
    g_array_append_val (times, g_array_index (self->share, KocShareOfVoice, p * n_brands).bucket_start);

  /* The biggest brands each get a colour of their own; the rest is one series. */
  {
    g_autofree double *sums = g_new0 (double, n_brands);
    g_autofree guint *order = g_new0 (guint, n_brands);
    guint n_shown = MIN (n_brands, MAX_SHARE_SERIES);

    for (guint b = 0; b < n_brands; b++)
      {
        order[b] = b;
        for (guint p = 0; p < n_points; p++)
          {
            const KocShareOfVoice *row = &g_array_index (self->share, KocShareOfVoice, p * n_brands + b);

            sums[b] += by_engagement ? (double) row->engagement : (double) row->posts;
          }
      }
    /* A stable selection sort: bigger first, ties in brand order. */
    for (guint i = 0; i < n_brands; i++)
      for (guint j = i + 1; j < n_brands; j++)
        if (sums[order[j]] > sums[order[i]])
          {
            guint t = order[i];

            order[i] = order[j];
            order[j] = t;
          }
    if (n_brands > MAX_SHARE_SERIES)
      n_shown = MAX_SHARE_SERIES - 1;
    for (guint i = 0; i < n_shown; i++)
      g_ptr_array_add (names, g_array_index (self->overview->brands, KocKeywordsBrand, order[i] + 1).name);
    if (n_shown < n_brands)
      g_ptr_array_add (names, (gpointer) _("Other brands"));
    for (guint i = 0; i < names->len; i++)
      for (guint p = 0; p < n_points; p++)
        {
          double v = 0;

          for (guint k = i; k < (i == n_shown ? n_brands : i + 1); k++)
            {
              const KocShareOfVoice *row = &g_array_index (self->share, KocShareOfVoice, p * n_brands + order[k]);

              v += by_engagement ? (double) row->engagement : (double) row->posts;
            }
          g_array_append_val (values, v);
        }
  }
  self->share_chart = koc_chart_area_new ((const char * const *) names->pdata, names->len,
                                          (const gint64 *) (gpointer) times->data, n_points,
                                          (const double *) (gpointer) values->data);
  {
    g_autofree char *description = koc_chart_area_describe (self->share_chart);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->share_area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  }
}

static void
share_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KocKeywordsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *rows = NULL;

  _koc_keywords_pane_set_busy (self, FALSE);
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &rows, &error))
    {
      _koc_keywords_pane_report_error (self, error);
      return;
    }
  g_clear_pointer (&self->share, g_array_unref);
  self->share = rows;
  rebuild_share_chart (self);
}

void
_koc_keywords_share_load (KocKeywordsPane *self)
{
  KocKeywordsShareQuery *query;
  guint i = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->store == NULL || self->overview == NULL || self->overview->brands->len < 2)
    return;
  g_cancellable_cancel (self->share_cancellable);
  g_clear_object (&self->share_cancellable);
  self->share_cancellable = g_cancellable_new ();

  query = g_new0 (KocKeywordsShareQuery, 1);
  query->brand_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint b = 1; b < self->overview->brands->len; b++)
    g_array_append_val (query->brand_ids, g_array_index (self->overview->brands, KocKeywordsBrand, b).id);
  _koc_keywords_pane_period (self, &query->from, &query->to);
  /* Weeks for a month or a quarter, 30-day buckets for a year. */
  query->bucket_days = i >= 2 ? 30 : 7;
  _koc_keywords_pane_set_busy (self, TRUE);
  koc_store_run_async (self->store, koc_keywords_share_func, query,
                       (GDestroyNotify) koc_keywords_share_query_free, (GDestroyNotify) g_array_unref,
                       self->share_cancellable, share_ready_cb, g_object_ref (self));
}

static void
draw_share (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  KocKeywordsPane *self = user_data;
  KocChartStyle style;

  if (self->share_chart == NULL)
    return;
  koc_chart_view_fill_style (GTK_WIDGET (area), &style);
  koc_chart_area_render (self->share_chart, cr, &style, width, height);
}

static void
share_mode_cb (GtkDropDown     *dropdown,
               GParamSpec      *pspec,
               KocKeywordsPane *self)
{
  rebuild_share_chart (self);
}

void
_koc_keywords_share_init (KocKeywordsPane *self)
{
  g_signal_connect (self->share_dropdown, "notify::selected", G_CALLBACK (share_mode_cb), self);
  gtk_drawing_area_set_draw_func (self->share_area, draw_share, self, NULL);
}
