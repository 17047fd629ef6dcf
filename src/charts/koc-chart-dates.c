/* koc-chart-dates.c: calendar helpers for chart axes (UTC).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "koc-chart-dates.h"

const char *
koc_chart_month_name (guint month)
{
  switch (month)
    {
    case 1: return C_("month", "Jan");
    case 2: return C_("month", "Feb");
    case 3: return C_("month", "Mar");
    case 4: return C_("month", "Apr");
    case 5: return C_("month", "May");
    case 6: return C_("month", "Jun");
    case 7: return C_("month", "Jul");
    case 8: return C_("month", "Aug");
    case 9: return C_("month", "Sep");
    case 10: return C_("month", "Oct");
    case 11: return C_("month", "Nov");
    case 12: return C_("month", "Dec");
    default: return "?";
    }
}

void
koc_chart_split_date (gint64  time,
                      int    *year,
                      int    *month,
                      int    *day)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (time);
  int y = 1970, m = 1, d = 1;

  if (dt != NULL)
    g_date_time_get_ymd (dt, &y, &m, &d);
  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
}

gint64
koc_chart_add_months (gint64 time,
                      int    n)
{
  int y, m;
  long index;
  g_autoptr (GDateTime) dt = NULL;

  koc_chart_split_date (time, &y, &m, NULL);
  index = (long) y * 12 + (m - 1) + n;
  dt = g_date_time_new_utc ((int) (index / 12), (int) (index % 12) + 1, 1, 0, 0, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : time;
}

gint64
koc_chart_month_start (gint64 time)
{
  return koc_chart_add_months (time, 0);
}

char *
koc_chart_format_month_year (gint64 time)
{
  int y, m;

  koc_chart_split_date (time, &y, &m, NULL);
  /* Translators: a month and a year, e.g. "Mar 2026"; %1$s is the short month name
   * (the "month" context), %2$d the year. */
  return g_strdup_printf (_("%1$s %2$d"), koc_chart_month_name (m), y);
}

char *
koc_chart_format_date (gint64 time)
{
  int y, m, d;

  koc_chart_split_date (time, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}
