/* koc-chart-view.c: one src/charts chart as a widget.
 *
 * The chart renders with cairo into the widget's snapshot (gtk_snapshot_append_cairo,
 * which GTK rasterizes at the surface's scale: sharp on HiDPI), in the palette of the
 * current style; a change of AdwStyleManager:dark only queues a redraw. The tooltip
 * asks the chart's hit test of the last render; the accessible description is the
 * chart's own text alternative (one line per point).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-chart-view"

#include "config.h"

#include <string.h>

#include "koc-chart-view.h"

struct _KocChartView
{
  GtkWidget     parent_instance;

  KocChartLine *line;
  KocChartBar  *bar;
  char         *description;
  gboolean      rendered;
};

G_DEFINE_FINAL_TYPE (KocChartView, koc_chart_view, GTK_TYPE_WIDGET)

void
koc_chart_view_fill_style (GtkWidget     *widget,
                           KocChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkRGBA color;

  koc_chart_style_init (style, adw_style_manager_get_dark (manager));
  style->background.alpha = 0;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  style->foreground.red = color.red;
  style->foreground.green = color.green;
  style->foreground.blue = color.blue;
  style->foreground.alpha = color.alpha;
}

static void
koc_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KocChartView *self = KOC_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  KocChartStyle style;
  cairo_t *cr;

  if ((self->line == NULL && self->bar == NULL) || width <= 0 || height <= 0)
    return;

  koc_chart_view_fill_style (widget, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->line != NULL)
    koc_chart_line_render (self->line, cr, &style, width, height);
  else
    koc_chart_bar_render (self->bar, cr, &style, width, height);
  cairo_destroy (cr);
  self->rendered = TRUE;
}

static void
koc_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 420;
    }
  else
    {
      *minimum = 160;
      *natural = 220;
    }
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  KocChartView *self = KOC_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (!self->rendered)
    return FALSE;
  if (keyboard)
    {
      /* No pointer: the summary line of the text alternative. */
      if (self->description == NULL)
        return FALSE;
      text = g_strndup (self->description, strcspn (self->description, "\n"));
    }
  else if (self->line != NULL)
    {
      KocChartLineHit hit;

      if (koc_chart_line_hit_test (self->line, x, y, 24, &hit))
        text = koc_chart_line_format_hit (self->line, &hit);
    }
  else if (self->bar != NULL)
    {
      KocChartBarHit hit;

      if (koc_chart_bar_hit_test (self->bar, x, y, &hit))
        text = koc_chart_bar_format_hit (self->bar, &hit);
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_description (KocChartView *self)
{
  g_clear_pointer (&self->description, g_free);
  if (self->line != NULL)
    self->description = koc_chart_line_describe (self->line);
  else if (self->bar != NULL)
    self->description = koc_chart_bar_describe (self->bar);

  if (self->description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    self->description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  self->rendered = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
koc_chart_view_finalize (GObject *object)
{
  KocChartView *self = KOC_CHART_VIEW (object);

  g_clear_pointer (&self->line, koc_chart_line_free);
  g_clear_pointer (&self->bar, koc_chart_bar_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (koc_chart_view_parent_class)->finalize (object);
}

static void
koc_chart_view_class_init (KocChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = koc_chart_view_finalize;
  widget_class->snapshot = koc_chart_view_snapshot;
  widget_class->measure = koc_chart_view_measure;

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
koc_chart_view_init (KocChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* Keyboard users reach the chart, and its summary shows as the tooltip. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
koc_chart_view_new (void)
{
  return g_object_new (KOC_TYPE_CHART_VIEW, NULL);
}

void
koc_chart_view_set_line (KocChartView *self,
                         KocChartLine *chart)
{
  g_return_if_fail (KOC_IS_CHART_VIEW (self));

  g_clear_pointer (&self->line, koc_chart_line_free);
  g_clear_pointer (&self->bar, koc_chart_bar_free);
  self->line = chart;
  update_description (self);
}

void
koc_chart_view_set_bar (KocChartView *self,
                        KocChartBar  *chart)
{
  g_return_if_fail (KOC_IS_CHART_VIEW (self));

  g_clear_pointer (&self->line, koc_chart_line_free);
  g_clear_pointer (&self->bar, koc_chart_bar_free);
  self->bar = chart;
  update_description (self);
}

KocChartLine *
koc_chart_view_get_line (KocChartView *self)
{
  g_return_val_if_fail (KOC_IS_CHART_VIEW (self), NULL);

  return self->line;
}

KocChartBar *
koc_chart_view_get_bar (KocChartView *self)
{
  g_return_val_if_fail (KOC_IS_CHART_VIEW (self), NULL);

  return self->bar;
}

const char *
koc_chart_view_get_description (KocChartView *self)
{
  g_return_val_if_fail (KOC_IS_CHART_VIEW (self), NULL);

  return self->description;
}
