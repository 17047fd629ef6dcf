/* koc-chart-line-text.c: the line chart's text alternative and tooltip text.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "koc-chart-dates.h"
#include "koc-chart-line-private.h"

/* At most this many rows per series in the table part of the description. */
#define MAX_ROWS 24

char *
koc_chart_line_format_hit (KocChartLine          *chart,
                           const KocChartLineHit *hit)
{
  KocChartLineSeries *s;
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (chart != NULL && hit != NULL, NULL);
  g_return_val_if_fail (hit->series < chart->series->len, NULL);

  s = &g_array_index (chart->series, KocChartLineSeries, hit->series);
  value = koc_chart_format_value (hit->value, s->format, FALSE);
  date = koc_chart_format_date (hit->time);
  /* Translators: a chart tooltip: series name, value, date. */
  return g_strdup_printf (_("%1$s: %2$s · %3$s"), s->name, value, date);
}

static void
describe_series (KocChartLine       *chart,
                 KocChartLineSeries *s,
                 GString            *out)
{
  const KocChartLinePoint *first = &g_array_index (s->points, KocChartLinePoint, 0);
  const KocChartLinePoint *last = &g_array_index (s->points, KocChartLinePoint, s->points->len - 1);
  const KocChartLinePoint *high = first, *low = first;
  g_autofree char *from = koc_chart_format_month_year (first->time);
  g_autofree char *to = koc_chart_format_month_year (last->time);
  g_autofree char *v_first = koc_chart_format_value (first->value, s->format, FALSE);
  g_autofree char *v_last = koc_chart_format_value (last->value, s->format, FALSE);
  g_autofree char *v_high = NULL, *v_low = NULL, *when_high = NULL, *when_low = NULL;
  g_autofree char *points = NULL;
  guint every;

  for (guint j = 1; j < s->points->len; j++)
    {
      const KocChartLinePoint *p = &g_array_index (s->points, KocChartLinePoint, j);

      if (p->value > high->value)
        high = p;
      if (p->value < low->value)
        low = p;
    }
  v_high = koc_chart_format_value (high->value, s->format, FALSE);
  v_low = koc_chart_format_value (low->value, s->format, FALSE);
  when_high = koc_chart_format_month_year (high->time);
  when_low = koc_chart_format_month_year (low->time);

  points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points", s->points->len),
                            s->points->len);
  if (s->points->len == 1)
    /* Translators: a chart description: series name, "1 point", month, value. */
    g_string_append_printf (out, _("%1$s: %2$s in %3$s, %4$s."), s->name, points, from, v_first);
  else
    /* Translators: a chart description: series name, "N points", first and last month,
     * first and last value, highest value and its month, lowest value and its month. */
    g_string_append_printf (out, _("%1$s: %2$s from %3$s to %4$s, from %5$s to %6$s; highest %7$s"
                                   " (%8$s), lowest %9$s (%10$s)."),
                            s->name, points, from, to, v_first, v_last, v_high, when_high,
                            v_low, when_low);
  g_string_append_c (out, '\n');

  /* The table: every point, or an even sample that keeps the first and the last. */
  every = (s->points->len + MAX_ROWS - 2) / (MAX_ROWS - 1);
  every = MAX (every, 1);
  if (every > 1)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Every %u point:", "Every %u points:", every),
                              every);
      g_string_append_c (out, '\n');
    }
  for (guint j = 0; j < s->points->len; j++)
    {
      const KocChartLinePoint *p = &g_array_index (s->points, KocChartLinePoint, j);
      g_autofree char *date = NULL, *value = NULL;

      if (j % every != 0 && j != s->points->len - 1)
        continue;
      date = koc_chart_format_date (p->time);
      value = koc_chart_format_value (p->value, s->format, FALSE);
      g_string_append_printf (out, "%s  %s\n", date, value);
    }
}

char *
koc_chart_line_describe (KocChartLine *chart)
{
  GString *out;
  guint n_with_points = 0;

  g_return_val_if_fail (chart != NULL, NULL);

  out = g_string_new (NULL);
  if (chart->title != NULL && *chart->title != '\0')
    {
      /* Translators: first line of a chart's text alternative; %s is its title. */
      g_string_append_printf (out, _("Line chart: %s."), chart->title);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < chart->series->len; i++)
    {
      KocChartLineSeries *s = &g_array_index (chart->series, KocChartLineSeries, i);

      if (s->points->len == 0)
        continue;
      if (s->unsorted)
        koc_chart_line_prepare (chart);
      if (n_with_points++ > 0)
        g_string_append_c (out, '\n');
      describe_series (chart, s, out);
    }

  if (n_with_points == 0)
    {
      g_string_append (out, _("No data."));
      g_string_append_c (out, '\n');
    }
  else if (chart->mode == KOC_CHART_LINE_NORMALISED)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("Each line is scaled to its own lowest and highest value."));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
