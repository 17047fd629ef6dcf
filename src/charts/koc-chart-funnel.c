/* koc-chart-funnel.c: the campaign funnel (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "koc-chart-funnel.h"

#define LABEL_WIDTH 0.28 /* of the width: stage names on the left */
#define GAP 6.0

void
koc_chart_funnel_draw (cairo_t             *cr,
                       const KocChartStyle *style,
                       const char * const  *labels,
                       const gint64        *values,
                       guint                n,
                       double               width,
                       double               height,
                       KocFunnelBar        *bars)
{
  double label_w = floor (width * LABEL_WIDTH);
  double area_w = width - label_w - 8;
  double bar_h = n > 0 ? (height - GAP * (n - 1)) / n : 0;
  gint64 max = 0;

  for (guint i = 0; i < n; i++)
    max = MAX (max, values[i]);
  if (style->background.alpha > 0)
    {
      koc_chart_set_color (cr, &style->background);
      cairo_paint (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      double w = max > 0 ? area_w * values[i] / max : 0;
      double x = label_w + 8 + (area_w - w) / 2;
      double y = i * (bar_h + GAP);
      g_autofree char *text = NULL;
      PangoLayout *layout;
      int tw, th;

      if (bars != NULL)
        bars[i] = (KocFunnelBar) { x, y, w, bar_h };
      cairo_rectangle (cr, x, y, w, bar_h);
      koc_chart_set_color (cr, koc_chart_style_series (style, 0));
      cairo_fill (cr);

      layout = koc_chart_layout_new (cr, style, 1.0, FALSE);
      pango_layout_set_text (layout, labels[i], -1);
      pango_layout_set_width (layout, (int)((label_w - 4) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &tw, &th);
      koc_chart_set_color (cr, &style->foreground);
      cairo_move_to (cr, 0, y + (bar_h - th) / 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);

      /* The count, and the conversion from the stage before. */
      if (i > 0 && values[i - 1] > 0)
        text = g_strdup_printf ("%lld · %.0f%%", (long long)values[i],
                                100.0 * values[i] / values[i - 1]);
      else
        text = g_strdup_printf ("%lld", (long long)values[i]);
      layout = koc_chart_layout_new (cr, style, 0.9, TRUE);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      koc_chart_set_color (cr, tw + 8 < w ? &(KocChartColor) { 1, 1, 1, 1 } : &style->foreground);
      cairo_move_to (cr, tw + 8 < w ? label_w + 8 + (area_w - tw) / 2 : x + w + 4, y + (bar_h - th) / 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
}
