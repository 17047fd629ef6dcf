/* koc-chart-line.c: time-series line chart; drawing, hit test and geometry.
 * The text alternative and the date labels live in koc-chart-line-text.c.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "koc-chart-line-private.h"

static void
series_clear (gpointer data)
{
  KocChartLineSeries *s = data;

  g_free (s->name);
  g_array_unref (s->points);
  g_free (s->px);
  g_free (s->py);
}

KocChartLine *
koc_chart_line_new (void)
{
  KocChartLine *chart = g_new0 (KocChartLine, 1);

  chart->series = g_array_new (FALSE, TRUE, sizeof (KocChartLineSeries));
  g_array_set_clear_func (chart->series, series_clear);
  chart->show_legend = -1;
  return chart;
}

void
koc_chart_line_free (KocChartLine *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_array_unref (chart->series);
  g_free (chart);
}

void
koc_chart_line_set_title (KocChartLine *chart,
                          const char   *title)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->title);
  chart->title = g_strdup (title);
}

void
koc_chart_line_set_mode (KocChartLine     *chart,
                         KocChartLineMode  mode)
{
  g_return_if_fail (chart != NULL);
  chart->mode = mode;
  chart->rendered = FALSE;
}

void
koc_chart_line_set_show_legend (KocChartLine *chart,
                                gboolean      show)
{
  g_return_if_fail (chart != NULL);
  chart->show_legend = show ? 1 : 0;
}

guint
koc_chart_line_add_series (KocChartLine        *chart,
                           const char          *name,
                           KocChartValueFormat  format,
                           KocChartAxisSide     axis)
{
  KocChartLineSeries s = { 0 };

  g_return_val_if_fail (chart != NULL, 0);

  s.name = g_strdup (name != NULL ? name : "");
  s.format = format;
  s.axis = axis;
  s.points = g_array_new (FALSE, FALSE, sizeof (KocChartLinePoint));
  g_array_append_val (chart->series, s);
  chart->rendered = FALSE;
  return chart->series->len - 1;
}

void
koc_chart_line_add_point (KocChartLine *chart,
                          guint         series,
                          gint64        time,
                          double        value)
{
  KocChartLineSeries *s;
  KocChartLinePoint p = { time, value };

  g_return_if_fail (chart != NULL);
  g_return_if_fail (series < chart->series->len);

  if (!isfinite (value))
    return;
  s = &g_array_index (chart->series, KocChartLineSeries, series);
  if (s->points->len > 0 && g_array_index (s->points, KocChartLinePoint, s->points->len - 1).time > time)
    s->unsorted = TRUE;
  g_array_append_val (s->points, p);
  chart->rendered = FALSE;
}

guint
koc_chart_line_get_n_series (KocChartLine *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->series->len;
}

guint
koc_chart_line_get_n_points (KocChartLine *chart,
                             guint         series)
{
  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (series < chart->series->len, 0);
  return g_array_index (chart->series, KocChartLineSeries, series).points->len;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const KocChartLinePoint *pa = a, *pb = b;

  return (pa->time > pb->time) - (pa->time < pb->time);
}

/* Sorts the points and finds the time and value ranges; FALSE when there is no point. */
gboolean
koc_chart_line_prepare (KocChartLine *chart)
{
  gboolean any = FALSE;

  chart->t_min = G_MAXINT64;
  chart->t_max = G_MININT64;
  for (guint side = 0; side < 2; side++)
    {
      chart->axis[side].used = FALSE;
      chart->axis[side].min = INFINITY;
      chart->axis[side].max = -INFINITY;
    }

  for (guint i = 0; i < chart->series->len; i++)
    {
      KocChartLineSeries *s = &g_array_index (chart->series, KocChartLineSeries, i);
      KocChartLineAxis *axis;

      if (s->unsorted)
        {
          g_array_sort (s->points, compare_points);
          s->unsorted = FALSE;
        }
      s->min = INFINITY;
      s->max = -INFINITY;
      for (guint j = 0; j < s->points->len; j++)
        {
          KocChartLinePoint *p = &g_array_index (s->points, KocChartLinePoint, j);

          s->min = MIN (s->min, p->value);
          s->max = MAX (s->max, p->value);
          chart->t_min = MIN (chart->t_min, p->time);
          chart->t_max = MAX (chart->t_max, p->time);
        }
      if (s->points->len == 0)
        continue;

      any = TRUE;
      axis = &chart->axis[chart->mode == KOC_CHART_LINE_NORMALISED ? KOC_CHART_AXIS_LEFT : s->axis];
      if (!axis->used)
        {
          axis->used = TRUE;
          axis->format = chart->mode == KOC_CHART_LINE_NORMALISED ? KOC_CHART_VALUE_PERCENT : s->format;
          axis->color_series = i;
        }
      if (chart->mode == KOC_CHART_LINE_NORMALISED)
        {
          axis->min = 0;
          axis->max = 1;
        }
      else
        {
          axis->min = MIN (axis->min, s->min);
          axis->max = MAX (axis->max, s->max);
        }
    }

  return any;
}

/* The value a point is plotted at (normalised mode rescales each series). */
double
koc_chart_line_plot_value (KocChartLine             *chart,
                           const KocChartLineSeries *s,
                           double                    value)
{
  if (chart->mode != KOC_CHART_LINE_NORMALISED)
    return value;
  if (s->max - s->min < 1e-12)
    return 0.5;
  return (value - s->min) / (s->max - s->min);
}

static void
draw_no_data (KocChartLine        *chart,
              cairo_t             *cr,
              const KocChartStyle *style,
              double               top,
              double               width,
              double               height)
{
  g_autoptr (PangoLayout) layout = koc_chart_layout_new (cr, style, 1.1, FALSE);
  int w, h;

  koc_chart_set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 8.5, top + 0.5, MAX (0, width - 17), MAX (0, height - top - 9));
  cairo_stroke (cr);

  pango_layout_set_text (layout, _("No data"), -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  koc_chart_set_color (cr, &style->dim);
  cairo_move_to (cr, (width - w) / 2, top + (height - top - h) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_series (KocChartLine        *chart,
             cairo_t             *cr,
             const KocChartStyle *style,
             KocChartLineSeries  *s,
             guint                index)
{
  const KocChartColor *color = koc_chart_style_series (style, index);
  KocChartLineAxis *axis = &chart->axis[chart->mode == KOC_CHART_LINE_NORMALISED ? KOC_CHART_AXIS_LEFT : s->axis];
  gboolean dots;

  g_free (s->px);
  g_free (s->py);
  s->px = g_new (double, MAX (1, s->points->len));
  s->py = g_new (double, MAX (1, s->points->len));

  for (guint j = 0; j < s->points->len; j++)
    {
      KocChartLinePoint *p = &g_array_index (s->points, KocChartLinePoint, j);
      double v = koc_chart_line_plot_value (chart, s, p->value);

      s->px[j] = koc_chart_line_time_to_x (chart, p->time);
      s->py[j] = chart->plot_y + chart->plot_h * (1 - (v - axis->lo) / (axis->hi - axis->lo));
    }

  koc_chart_set_color (cr, color);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint j = 0; j < s->points->len; j++)
    {
      if (j == 0)
        cairo_move_to (cr, s->px[j], s->py[j]);
      else
        cairo_line_to (cr, s->px[j], s->py[j]);
    }
  cairo_stroke (cr);

  /* Dots while they stay apart; always for a lone point. */
  dots = s->points->len == 1 || s->points->len * 8 <= chart->plot_w;
  if (dots)
    for (guint j = 0; j < s->points->len; j++)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, s->px[j], s->py[j], 3, 0, 2 * G_PI);
        cairo_fill (cr);
      }
}

void
koc_chart_line_render (KocChartLine        *chart,
                       cairo_t             *cr,
                       const KocChartStyle *style,
                       double               width,
                       double               height)
{
  double top;

  g_return_if_fail (chart != NULL && cr != NULL && style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      koc_chart_set_color (cr, &style->background);
      cairo_paint (cr);
    }

  chart->rendered = FALSE;
  top = koc_chart_line_draw_header (chart, cr, style, width);

  if (!koc_chart_line_prepare (chart))
    {
      draw_no_data (chart, cr, style, top, width, height);
      cairo_restore (cr);
      return;
    }

  koc_chart_line_draw_axes (chart, cr, style, top, width, height);

  cairo_save (cr);
  cairo_rectangle (cr, chart->plot_x - 4, chart->plot_y - 4, chart->plot_w + 8, chart->plot_h + 8);
  cairo_clip (cr);
  for (guint i = 0; i < chart->series->len; i++)
    draw_series (chart, cr, style, &g_array_index (chart->series, KocChartLineSeries, i), i);
  cairo_restore (cr);

  chart->rendered = TRUE;
  cairo_restore (cr);
}

gboolean
koc_chart_line_hit_test (KocChartLine    *chart,
                         double           x,
                         double           y,
                         double           max_distance,
                         KocChartLineHit *hit)
{
  double best_dx = INFINITY, best_dy = INFINITY;
  gboolean found = FALSE;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (!chart->rendered)
    return FALSE;
  if (x < chart->plot_x - max_distance || x > chart->plot_x + chart->plot_w + max_distance ||
      y < chart->plot_y - max_distance || y > chart->plot_y + chart->plot_h + max_distance)
    return FALSE;

  for (guint i = 0; i < chart->series->len; i++)
    {
      KocChartLineSeries *s = &g_array_index (chart->series, KocChartLineSeries, i);

      for (guint j = 0; j < s->points->len; j++)
        {
          double dx = fabs (s->px[j] - x);
          double dy = fabs (s->py[j] - y);

          if (dx > max_distance)
            continue;
          /* Points within half a pixel count as the same time: the vertical distance
           * decides between series. */
          if (dx < best_dx - 0.5 || (dx <= best_dx + 0.5 && dy < best_dy))
            {
              KocChartLinePoint *p = &g_array_index (s->points, KocChartLinePoint, j);

              best_dx = dx;
              best_dy = dy;
              found = TRUE;
              if (hit != NULL)
                {
                  hit->series = i;
                  hit->index = j;
                  hit->time = p->time;
                  hit->value = p->value;
                  hit->x = s->px[j];
                  hit->y = s->py[j];
                }
            }
        }
    }

  return found;
}

gboolean
koc_chart_line_get_point_position (KocChartLine *chart,
                                   guint         series,
                                   guint         index,
                                   double       *x,
                                   double       *y)
{
  KocChartLineSeries *s;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (!chart->rendered || series >= chart->series->len)
    return FALSE;
  s = &g_array_index (chart->series, KocChartLineSeries, series);
  if (index >= s->points->len)
    return FALSE;
  if (x != NULL)
    *x = s->px[index];
  if (y != NULL)
    *y = s->py[index];
  return TRUE;
}

gboolean
koc_chart_line_get_plot_area (KocChartLine *chart,
                              double       *x,
                              double       *y,
                              double       *width,
                              double       *height)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  if (!chart->rendered)
    return FALSE;
  if (x != NULL)
    *x = chart->plot_x;
  if (y != NULL)
    *y = chart->plot_y;
  if (width != NULL)
    *width = chart->plot_w;
  if (height != NULL)
    *height = chart->plot_h;
  return TRUE;
}

gboolean
koc_chart_line_get_axis_range (KocChartLine     *chart,
                               KocChartAxisSide  axis,
                               double           *lo,
                               double           *hi)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  if (!chart->rendered || axis > KOC_CHART_AXIS_RIGHT || !chart->axis[axis].used)
    return FALSE;
  if (lo != NULL)
    *lo = chart->axis[axis].lo;
  if (hi != NULL)
    *hi = chart->axis[axis].hi;
  return TRUE;
}

gboolean
koc_chart_line_get_time_range (KocChartLine *chart,
                               gint64       *first,
                               gint64       *last)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  if (!chart->rendered)
    return FALSE;
  if (first != NULL)
    *first = chart->x_lo;
  if (last != NULL)
    *last = chart->x_hi;
  return TRUE;
}
