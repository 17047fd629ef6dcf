/* koc-chart-area.h: a 100 % stacked area chart (share of voice over time) with cairo +
 * Pango (no GTK).
 *
 * Each point in time is a bucket (a week, a month); each series a brand. The chart
 * shows every series' share of the bucket's total, stacked from the first series at the
 * bottom; a bucket whose total is 0 shows a gap. A legend row on top names the series in
 * their colours; the y axis is 0–100 %, the x axis the buckets' dates.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "koc-chart-style.h"

G_BEGIN_DECLS

typedef struct _KocChartArea KocChartArea;

/* @values: n_series × n_points (series by series), copied, like the names and times
 * (Unix seconds of each bucket's start). */
KocChartArea *koc_chart_area_new       (const char * const *series_names,
                                        guint               n_series,
                                        const gint64       *times,
                                        guint               n_points,
                                        const double       *values);
void          koc_chart_area_free      (KocChartArea       *self);

/* The share (0 … 1) of @series in @point; 0 when the bucket is empty. */
double        koc_chart_area_get_share (KocChartArea       *self,
                                        guint               series,
                                        guint               point);

void          koc_chart_area_render    (KocChartArea       *self,
                                        cairo_t            *cr,
                                        const KocChartStyle *style,
                                        double              width,
                                        double              height);

/* The plot rectangle of the last render (for tests and pointers). */
void          koc_chart_area_get_plot  (KocChartArea       *self,
                                        double             *x,
                                        double             *y,
                                        double             *width,
                                        double             *height);

/* The series and point under (@x, @y) of the last render. */
gboolean      koc_chart_area_hit_test  (KocChartArea       *self,
                                        double              x,
                                        double              y,
                                        guint              *series,
                                        guint              *point);

/* A text alternative: per series, its share over the whole period. Translated. */
char         *koc_chart_area_describe  (KocChartArea       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocChartArea, koc_chart_area_free)

G_END_DECLS
