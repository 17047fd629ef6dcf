/* koc-chart-line.h: a time-series line chart (followers, engagement rate over time).
 *
 * Build the data once, then render it on any cairo context (an image surface at any
 * device scale for the app, a PDF or SVG surface for exports), in logical pixels:
 *
 *   g_autoptr (KocChartLine) chart = koc_chart_line_new ();
 *   koc_chart_line_set_title (chart, _("Followers"));
 *   guint s = koc_chart_line_add_series (chart, _("Followers"), KOC_CHART_VALUE_COUNT,
 *                                        KOC_CHART_AXIS_LEFT);
 *   koc_chart_line_add_point (chart, s, taken_at, followers);   // x = unix seconds, UTC
 *   koc_chart_line_render (chart, cr, &style, width, height);
 *
 * After a render the chart remembers where it drew every point, so the app can call
 * koc_chart_line_hit_test() with the pointer position (same logical coordinates as the
 * render) to show a tooltip, and tests can ask where a point went. Nothing here is
 * thread-safe: use one chart from one thread (charts are cheap; build one per widget).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-chart-style.h"

G_BEGIN_DECLS

typedef struct _KocChartLine KocChartLine;

/* Which vertical axis a series is measured against. A chart with series on both sides
 * draws a secondary axis on the right (e.g. followers on the left, engagement rate on
 * the right). */
typedef enum
{
  KOC_CHART_AXIS_LEFT,
  KOC_CHART_AXIS_RIGHT,
} KocChartAxisSide;

typedef enum
{
  /* Each series against its own axis side (default). */
  KOC_CHART_LINE_ABSOLUTE,
  /* Every series rescaled to its own min..max (0..100 %), one shared axis labelled
   * "% of range": compares the shape of followers and engagement. The tooltip and the
   * description still report the real values. */
  KOC_CHART_LINE_NORMALISED,
} KocChartLineMode;

/* Result of a hit test. */
typedef struct
{
  guint   series;   /* index returned by koc_chart_line_add_series() */
  guint   index;    /* point index inside the series, in time order */
  gint64  time;     /* unix seconds, UTC */
  double  value;    /* the real value (not normalised) */
  double  x, y;     /* where the point was drawn, logical pixels */
} KocChartLineHit;

KocChartLine *koc_chart_line_new            (void);
void          koc_chart_line_free           (KocChartLine      *chart);

/* Optional title drawn above the plot (and the first line of the description). */
void          koc_chart_line_set_title      (KocChartLine      *chart,
                                             const char        *title);
void          koc_chart_line_set_mode       (KocChartLine      *chart,
                                             KocChartLineMode   mode);
/* Show the legend (default: only when there are 2 or more series). */
void          koc_chart_line_set_show_legend (KocChartLine     *chart,
                                              gboolean          show);

/* Adds a series drawn in the style's series colour number (return value). @name is
 * shown in the legend, tooltip and description. */
guint         koc_chart_line_add_series     (KocChartLine      *chart,
                                             const char        *name,
                                             KocChartValueFormat format,
                                             KocChartAxisSide   axis);
/* Adds a point; points may come in any order (they are sorted by time at render).
 * Non-finite values are ignored. */
void          koc_chart_line_add_point      (KocChartLine      *chart,
                                             guint              series,
                                             gint64             time,
                                             double             value);
guint         koc_chart_line_get_n_series   (KocChartLine      *chart);
guint         koc_chart_line_get_n_points   (KocChartLine      *chart,
                                             guint              series);

/* Draws the whole chart (background, title, axes, grid, lines, legend) into the
 * rectangle 0,0 – @width×@height of @cr's user space. With no point at all it draws the
 * frame and "No data". The chart keeps the geometry for the calls below. */
void          koc_chart_line_render         (KocChartLine      *chart,
                                             cairo_t           *cr,
                                             const KocChartStyle *style,
                                             double             width,
                                             double             height);

/* The point nearest to (@x, @y) (logical pixels, as rendered), by horizontal distance
 * first (the pointer's time), then vertical; FALSE when nothing was rendered, the
 * pointer is outside the plot area or further than @max_distance pixels horizontally
 * from every point. */
gboolean      koc_chart_line_hit_test       (KocChartLine      *chart,
                                             double             x,
                                             double             y,
                                             double             max_distance,
                                             KocChartLineHit   *hit);
/* One line for a tooltip: "Followers: 12.3k · 1 Mar 2026" (translated). */
char         *koc_chart_line_format_hit     (KocChartLine      *chart,
                                             const KocChartLineHit *hit);

/* Text alternative for screen readers and the PDF: a first-line summary per series
 * ("Followers: 12 points from Jan 2026 to Dec 2026, from 10.2k to 15.8k, highest
 * 16.0k in Nov 2026."), then one line per point ("2026-03-01  Followers 12,345 ·
 * Engagement rate 3.20%"). "No data." when empty. Translated. */
char         *koc_chart_line_describe       (KocChartLine      *chart);

/* Geometry of the last render, for tests and overlays. FALSE before a render or for a
 * point that does not exist. */
gboolean      koc_chart_line_get_point_position (KocChartLine  *chart,
                                                 guint          series,
                                                 guint          index,
                                                 double        *x,
                                                 double        *y);
/* The plot rectangle (inside the axes) of the last render. */
gboolean      koc_chart_line_get_plot_area  (KocChartLine      *chart,
                                             double            *x,
                                             double            *y,
                                             double            *width,
                                             double            *height);
/* The value range an axis spans after "nice" rounding (normalised mode: 0..1 on the
 * left). FALSE when no series uses that side or nothing was rendered. */
gboolean      koc_chart_line_get_axis_range (KocChartLine      *chart,
                                             KocChartAxisSide   axis,
                                             double            *lo,
                                             double            *hi);
/* The time range of the x axis (unix seconds) of the last render. */
gboolean      koc_chart_line_get_time_range (KocChartLine      *chart,
                                             gint64            *first,
                                             gint64            *last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocChartLine, koc_chart_line_free)

G_END_DECLS
