/* koc-chart-line-private.h: the line chart's state, shared by its source files.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-chart-line.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 time;
  double value;
} KocChartLinePoint;

typedef struct
{
  char                *name;
  KocChartValueFormat  format;
  KocChartAxisSide     axis;
  GArray              *points;     /* of KocChartLinePoint */
  gboolean             unsorted;
  double               min, max;   /* of the values, after prepare */
  double              *px, *py;    /* drawn positions, after render */
} KocChartLineSeries;

typedef struct
{
  gboolean            used;
  KocChartValueFormat format;
  guint               color_series;   /* labels take this series' colour on dual axes */
  double              min, max;       /* data */
  double              lo, hi, step;   /* nice */
  guint               n_ticks;
} KocChartLineAxis;

struct _KocChartLine
{
  char             *title;
  KocChartLineMode  mode;
  int               show_legend;      /* -1: automatic */
  GArray           *series;           /* of KocChartLineSeries */

  /* after prepare / render */
  gboolean          rendered;
  gint64            t_min, t_max;     /* data */
  gint64            x_lo, x_hi;       /* the x axis */
  KocChartLineAxis  axis[2];
  double            plot_x, plot_y, plot_w, plot_h;
};

gboolean koc_chart_line_prepare     (KocChartLine             *chart);
double   koc_chart_line_plot_value  (KocChartLine             *chart,
                                     const KocChartLineSeries *s,
                                     double                    value);
double   koc_chart_line_time_to_x   (KocChartLine             *chart,
                                     gint64                    time);
/* Title and legend; returns the y where the plot region starts. */
double   koc_chart_line_draw_header (KocChartLine             *chart,
                                     cairo_t                  *cr,
                                     const KocChartStyle      *style,
                                     double                    width);
/* Lays out the plot area (chart->plot_*, axis ranges, x range) and draws grid, axes and
 * tick labels. */
void     koc_chart_line_draw_axes   (KocChartLine             *chart,
                                     cairo_t                  *cr,
                                     const KocChartStyle      *style,
                                     double                    top,
                                     double                    width,
                                     double                    height);

G_END_DECLS
