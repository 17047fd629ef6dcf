/* koc-chart-view.h: a widget that draws one src/charts chart (a KocChartLine or a
 * KocChartBar) with the current light or dark style, shows the value under the
 * pointer in a tooltip (the chart's hit test) and gives screen readers the chart's
 * text alternative (its describe()) as the accessible description. Generic: any pane
 * can show a chart with it.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-chart-bar.h"
#include "koc-chart-line.h"

G_BEGIN_DECLS

#define KOC_TYPE_CHART_VIEW (koc_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (KocChartView, koc_chart_view, KOC, CHART_VIEW, GtkWidget)

GtkWidget    *koc_chart_view_new             (void);
/* Shows @chart (transfer full; NULL clears). Replaces the previous chart. */
void          koc_chart_view_set_line        (KocChartView        *self,
                                              KocChartLine        *chart);
void          koc_chart_view_set_bar         (KocChartView        *self,
                                              KocChartBar         *chart);
/* The chart shown (owned by the view), or NULL. */
KocChartLine *koc_chart_view_get_line        (KocChartView        *self);
KocChartBar  *koc_chart_view_get_bar         (KocChartView        *self);
/* The text alternative set as the accessible description, or NULL. */
const char   *koc_chart_view_get_description (KocChartView        *self);
/* Fills @style for @widget: the light or dark palette of AdwStyleManager, the text
 * colour of the widget and a transparent background (the widget's own shows). */
void          koc_chart_view_fill_style      (GtkWidget           *widget,
                                              KocChartStyle       *style);

G_END_DECLS
