/* koc-chart-funnel.h: a campaign funnel — one centred bar per stage, its width the
 * stage's share of the first stage, with the count and the step's conversion.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-chart-style.h"

G_BEGIN_DECLS

/* Geometry of the bar of stage @index (for tests and hit testing). */
typedef struct
{
  double x, y, width, height;
} KocFunnelBar;

/* Draws the funnel of @n stages into (0, 0, @width, @height). @bars (may be NULL)
 * receives the @n bars' rectangles. */
void koc_chart_funnel_draw (cairo_t             *cr,
                            const KocChartStyle *style,
                            const char * const  *labels,
                            const gint64        *values,
                            guint                n,
                            double               width,
                            double               height,
                            KocFunnelBar        *bars);

G_END_DECLS
