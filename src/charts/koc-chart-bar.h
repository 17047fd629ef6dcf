/* koc-chart-bar.h: a vertical bar chart for categories (engagement by post type) or
 * months (posts per month), with the value written on each bar.
 *
 *   g_autoptr (KocChartBar) chart = koc_chart_bar_new ();
 *   koc_chart_bar_set_title (chart, _("Posts per month"));
 *   koc_chart_bar_add_month (chart, month_start, 14);     // unix seconds, UTC
 *   koc_chart_bar_add (chart, _("Video"), 0.052);         // or a category label
 *   koc_chart_bar_render (chart, cr, &style, width, height);
 *
 * Bars keep the order they were added in. Values are >= 0 (negative ones are drawn as
 * 0 and still reported by describe()). Like KocChartLine, the chart remembers the bar
 * rectangles of the last render for hit tests. One thread at a time.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-chart-style.h"

G_BEGIN_DECLS

typedef struct _KocChartBar KocChartBar;

typedef struct
{
  guint   index;                 /* bar index, in the order added */
  double  value;
  double  x, y, width, height;   /* the bar as drawn, logical pixels */
} KocChartBarHit;

KocChartBar  *koc_chart_bar_new             (void);
void          koc_chart_bar_free            (KocChartBar         *chart);

void          koc_chart_bar_set_title       (KocChartBar         *chart,
                                             const char          *title);
/* How values are written (default KOC_CHART_VALUE_COUNT). @series_name names the
 * measure in tooltips and the description ("Posts"); NULL uses the title. */
void          koc_chart_bar_set_value_format (KocChartBar        *chart,
                                              KocChartValueFormat format,
                                              const char         *series_name);
/* Colour of the bars: series colour @index of the style (default 0). */
void          koc_chart_bar_set_color_index (KocChartBar         *chart,
                                             guint                index);
/* Write the value above each bar (default TRUE; labels that do not fit are skipped). */
void          koc_chart_bar_set_show_values (KocChartBar         *chart,
                                             gboolean             show);

/* A bar labelled @label (shown under it, ellipsized when narrow). Returns its index. */
guint         koc_chart_bar_add             (KocChartBar         *chart,
                                             const char          *label,
                                             double               value);
/* A bar for the month starting at @month_start (unix seconds, UTC): labelled with the
 * short month name, and the year under January and under the first bar. */
guint         koc_chart_bar_add_month       (KocChartBar         *chart,
                                             gint64               month_start,
                                             double               value);
guint         koc_chart_bar_get_n_bars      (KocChartBar         *chart);

/* Draws background, title, value axis with nice ticks and grid, bars, value labels and
 * category labels into 0,0 – @width×@height. With no bar, or only zero values, draws
 * "No data". */
void          koc_chart_bar_render          (KocChartBar         *chart,
                                             cairo_t             *cr,
                                             const KocChartStyle *style,
                                             double               width,
                                             double               height);

/* The bar whose column (full plot height, bar width plus half the gap either side)
 * contains (@x, @y); FALSE outside the plot or before a render. */
gboolean      koc_chart_bar_hit_test        (KocChartBar         *chart,
                                             double               x,
                                             double               y,
                                             KocChartBarHit      *hit);
/* One line for a tooltip: "Mar 2026: 14 posts"-style "<label>: <value>" (translated). */
char         *koc_chart_bar_format_hit      (KocChartBar         *chart,
                                             const KocChartBarHit *hit);

/* Text alternative: a summary line (count, total, highest and lowest bar) and one line
 * per bar ("Mar 2026: 14"). "No data." when empty. Translated. */
char         *koc_chart_bar_describe        (KocChartBar         *chart);

/* Geometry of the last render (tests, overlays). */
gboolean      koc_chart_bar_get_bar_rect    (KocChartBar         *chart,
                                             guint                index,
                                             double              *x,
                                             double              *y,
                                             double              *width,
                                             double              *height);
gboolean      koc_chart_bar_get_plot_area   (KocChartBar         *chart,
                                             double              *x,
                                             double              *y,
                                             double              *width,
                                             double              *height);
/* The value range of the axis after nice rounding (lo is 0). */
gboolean      koc_chart_bar_get_axis_range  (KocChartBar         *chart,
                                             double              *lo,
                                             double              *hi);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocChartBar, koc_chart_bar_free)

G_END_DECLS
