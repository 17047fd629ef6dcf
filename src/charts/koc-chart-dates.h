/* koc-chart-dates.h: calendar helpers for chart axes and text alternatives. All dates
 * are UTC (the workspace stores unix seconds; a month is a UTC calendar month).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Translated short month name, @month 1..12 ("Mar", "3月"). */
const char *koc_chart_month_name       (guint   month);
void        koc_chart_split_date       (gint64  time,
                                        int    *year,
                                        int    *month,
                                        int    *day);
/* 00:00 UTC on the first of @time's month. */
gint64      koc_chart_month_start      (gint64  time);
/* The month start @n months after (n < 0: before) @time's month. */
gint64      koc_chart_add_months       (gint64  time,
                                        int     n);
/* "Mar 2026" / "2026年3月". */
char       *koc_chart_format_month_year (gint64 time);
/* "2026-03-01" (ISO 8601, the same in every language). */
char       *koc_chart_format_date      (gint64  time);

G_END_DECLS
