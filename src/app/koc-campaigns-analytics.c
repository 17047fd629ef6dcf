/* koc-campaigns-analytics.c: the board's Analytics popover — the funnel (cairo,
 * src/charts/koc-chart-funnel.c) and the campaign's numbers as text, which is also the
 * chart's text alternative. EMV uses the per-platform values of the workspace (editable in
 * the Edit Campaign dialog) and says it is an estimate.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaigns-pane-private.h"
#include "koc-campaigns-stats.h"
#include "koc-chart-funnel.h"

static void
draw_funnel (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  KocCampaignsPane *self = user_data;
  KocCampaignStats *stats = self->stats;
  KocChartStyle style;

  if (stats == NULL || stats->n_stages == 0)
    return;
  koc_chart_style_init (&style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  style.background.alpha = 0;
  koc_chart_funnel_draw (cr, &style, (const char * const *)stats->stage_names, stats->reached,
                         stats->n_stages, width, height, NULL);
}

static void
show_stats (KocCampaignsPane *self)
{
  KocCampaignStats *s = self->stats;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *emv = _koc_campaigns_format_money ((gint64)(s->emv_cents + 0.5));
  g_autofree char *revenue = _koc_campaigns_format_money (s->revenue_cents);
  g_autofree char *cost = _koc_campaigns_format_money (s->cost_cents);

  for (guint i = 0; i < s->n_stages; i++)
    g_string_append_printf (text, "%s: %lld\n", s->stage_names[i], (long long)s->reached[i]);
  g_string_append_printf (text, _("Posts: %lld · engagement %lld · views %lld"),
                          (long long)s->n_posts, (long long)s->engagement, (long long)s->views);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("EMV (an estimate from per-platform values): %s"), emv);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Redemptions: %lld · revenue %s"), (long long)s->n_redemptions, revenue);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Cost (incentives and rewards): %s"), cost);
  if (s->cost_per_engagement_cents >= 0)
    {
      g_autofree char *per = g_strdup_printf ("¥%.2f", s->cost_per_engagement_cents / 100);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("%s per engagement"), per);
    }
  if (s->top->len > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Top performers:"));
      for (guint i = 0; i < s->top->len; i++)
        g_string_append_printf (text, "%s%s (%lld)", i > 0 ? ", " : " ",
                                ((KocTopPerformer *)s->top->pdata[i])->name,
                                (long long)((KocTopPerformer *)s->top->pdata[i])->engagement);
    }
  gtk_label_set_label (self->analytics_label, text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->funnel_area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->funnel_area));
}

static gboolean
stats_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GArray) rates = koc_campaigns_load_emv_rates (db, error);

  if (rates == NULL)
    return FALSE;
  *result = koc_campaigns_stats (db, *(gint64 *)data, (const KocEmvRate *)(void *)rates->data,
                                 rates->len, error);
  return *result != NULL;
}

static void
stats_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KocCampaignsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  KocCampaignStats *stats = NULL;

  _koc_campaigns_busy_changed (self, -1);
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *)&stats, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->analytics_label, error->message);
      return;
    }
  _koc_campaigns_analytics_clear (self);
  self->stats = stats;
  show_stats (self);
}

/* After every board load too, so the popover never shows another board's numbers. */
void
_koc_campaigns_analytics_reload (KocCampaignsPane *self)
{
  if (self->store == NULL || self->campaign_id <= 0)
    return;
  _koc_campaigns_busy_changed (self, 1);
  koc_store_run_async (self->store, stats_func, g_memdup2 (&self->campaign_id, sizeof (gint64)), g_free,
                       (GDestroyNotify)koc_campaign_stats_free, self->cancellable, stats_ready_cb,
                       g_object_ref (self));
}

static void
analytics_shown_cb (KocCampaignsPane *self)
{
  _koc_campaigns_analytics_reload (self);
}

void
_koc_campaigns_analytics_clear (KocCampaignsPane *self)
{
  g_clear_pointer ((KocCampaignStats **)&self->stats, koc_campaign_stats_free);
}

void
_koc_campaigns_analytics_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, analytics_shown_cb);
}

void
_koc_campaigns_analytics_init (KocCampaignsPane *self)
{
  gtk_drawing_area_set_draw_func (self->funnel_area, draw_funnel, self, NULL);
}
