/* koc-chart-line-axes.c: the line chart's layout — title, legend, value axes with nice
 * ticks on one or both sides, and a time axis labelled by months (or days for short
 * ranges) that thins its labels so they never overlap.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "koc-chart-dates.h"
#include "koc-chart-line-private.h"

#define PAD 8.0
#define DAY 86400

double
koc_chart_line_time_to_x (KocChartLine *chart,
                          gint64        time)
{
  if (chart->x_hi <= chart->x_lo)
    return chart->plot_x + chart->plot_w / 2;
  return chart->plot_x + chart->plot_w * (double) (time - chart->x_lo) / (double) (chart->x_hi - chart->x_lo);
}

static gboolean
legend_visible (KocChartLine *chart)
{
  if (chart->show_legend >= 0)
    return chart->show_legend;
  return chart->series->len >= 2;
}

double
koc_chart_line_draw_header (KocChartLine        *chart,
                            cairo_t             *cr,
                            const KocChartStyle *style,
                            double               width)
{
  double y = PAD;

  if (chart->title != NULL && *chart->title != '\0')
    {
      g_autoptr (PangoLayout) layout = koc_chart_layout_new (cr, style, 1.1, TRUE);
      int h;

      pango_layout_set_text (layout, chart->title, -1);
      pango_layout_set_width (layout, (int) (MAX (1, width - 2 * PAD) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, NULL, &h);
      koc_chart_set_color (cr, &style->foreground);
      cairo_move_to (cr, PAD, y);
      pango_cairo_show_layout (cr, layout);
      y += h + 4;
    }

  if (legend_visible (chart) && chart->series->len > 0)
    {
      g_autoptr (PangoLayout) layout = koc_chart_layout_new (cr, style, 0.9, FALSE);
      double x = PAD;
      int line_h = 0;

      /* An entry never runs past the chart: long names are ellipsized. */
      pango_layout_set_width (layout, (int) (MAX (1, width - 2 * PAD - 16) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

      for (guint i = 0; i < chart->series->len; i++)
        {
          KocChartLineSeries *s = &g_array_index (chart->series, KocChartLineSeries, i);
          g_autofree char *text = NULL;
          int w, h;

          if (chart->series->len > 1 && chart->mode == KOC_CHART_LINE_ABSOLUTE &&
              s->axis == KOC_CHART_AXIS_RIGHT)
            /* Translators: a legend entry for a series measured on the right axis. */
            text = g_strdup_printf (_("%s (right axis)"), s->name);
          else
            text = g_strdup (s->name);
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, &w, &h);
          line_h = MAX (line_h, h);
          if (x > PAD && x + 16 + w > width - PAD)
            {
              x = PAD;
              y += line_h + 2;
            }
          koc_chart_set_color (cr, koc_chart_style_series (style, i));
          cairo_rectangle (cr, x, y + h / 2.0 - 2, 12, 4);
          cairo_fill (cr);
          koc_chart_set_color (cr, &style->foreground);
          cairo_move_to (cr, x + 16, y);
          pango_cairo_show_layout (cr, layout);
          x += 16 + w + 14;
        }
      y += line_h + 4;
    }

  return y;
}

/* Widest tick label of an axis, after choosing its ticks. */
static double
layout_value_axis (KocChartLineAxis *axis,
                   PangoLayout      *layout,
                   double            plot_h)
{
  guint target = (guint) CLAMP (plot_h / 30, 3, 7);
  int widest = 0;

  if (!axis->used)
    return 0;

  axis->n_ticks = koc_chart_nice_ticks (axis->min, axis->max, target, &axis->lo, &axis->hi, &axis->step);
  for (guint k = 0; k < axis->n_ticks; k++)
    {
      g_autofree char *text = koc_chart_format_value (axis->lo + k * axis->step, axis->format, TRUE);
      int w;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static void
draw_value_labels (KocChartLine        *chart,
                   cairo_t             *cr,
                   const KocChartStyle *style,
                   PangoLayout         *layout,
                   KocChartAxisSide     side)
{
  KocChartLineAxis *axis = &chart->axis[side];
  gboolean dual = chart->axis[0].used && chart->axis[1].used;

  if (!axis->used)
    return;

  koc_chart_set_color (cr, dual ? koc_chart_style_series (style, axis->color_series) : &style->dim);
  for (guint k = 0; k < axis->n_ticks; k++)
    {
      double v = axis->lo + k * axis->step;
      double y = chart->plot_y + chart->plot_h * (1 - (v - axis->lo) / (axis->hi - axis->lo));
      g_autofree char *text = koc_chart_format_value (v, axis->format, TRUE);
      int w, h;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (side == KOC_CHART_AXIS_LEFT)
        cairo_move_to (cr, chart->plot_x - 6 - w, y - h / 2.0);
      else
        cairo_move_to (cr, chart->plot_x + chart->plot_w + 6, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_grid (KocChartLine        *chart,
           cairo_t             *cr,
           const KocChartStyle *style)
{
  KocChartLineAxis *axis = &chart->axis[chart->axis[0].used ? 0 : 1];

  koc_chart_set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  for (guint k = 0; k < axis->n_ticks; k++)
    {
      double v = axis->lo + k * axis->step;
      double y = round (chart->plot_y + chart->plot_h * (1 - (v - axis->lo) / (axis->hi - axis->lo))) + 0.5;

      cairo_move_to (cr, chart->plot_x, y);
      cairo_line_to (cr, chart->plot_x + chart->plot_w, y);
    }
  cairo_stroke (cr);
}

/* One x tick label (two lines: the unit, then the larger unit where it changes),
 * centred on @x but kept inside the chart. */
static void
draw_time_label (KocChartLine        *chart,
                 cairo_t             *cr,
                 PangoLayout         *layout,
                 double               x,
                 double               width,
                 const char          *line1,
                 const char          *line2)
{
  g_autofree char *text = line2 != NULL ? g_strdup_printf ("%s\n%s", line1, line2) : g_strdup (line1);
  int w;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, NULL);
  x = CLAMP (x - w / 2.0, 2, width - w - 2);
  cairo_move_to (cr, x, chart->plot_y + chart->plot_h + 4);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_time_axis (KocChartLine        *chart,
                cairo_t             *cr,
                const KocChartStyle *style,
                PangoLayout         *layout,
                double               width)
{
  static const int month_steps[] = { 1, 2, 3, 4, 6, 12, 24, 60, 120 };
  static const int day_steps[] = { 1, 2, 7, 14, 28 };
  int label_w, y0, m0, d0, y1, m1;
  gboolean by_day = chart->x_hi - chart->x_lo < 62 * DAY;
  double max_labels;
  int step = 1;

  /* The widest label decides how many fit. */
  pango_layout_set_text (layout, by_day ? "28" : koc_chart_month_name (9), -1);
  pango_layout_get_pixel_size (layout, &label_w, NULL);
  pango_layout_set_text (layout, "2026", -1);
  {
    int yw;
    pango_layout_get_pixel_size (layout, &yw, NULL);
    label_w = MAX (label_w, yw);
  }
  max_labels = MAX (1, chart->plot_w / (label_w + 12));

  koc_chart_split_date (chart->x_lo, &y0, &m0, &d0);
  koc_chart_split_date (chart->x_hi, &y1, &m1, NULL);
  koc_chart_set_color (cr, &style->dim);

  if (by_day)
    {
      gint64 first = chart->x_lo - (chart->x_lo % DAY + DAY) % DAY;
      double n_days = (double) (chart->x_hi - first) / DAY;
      int last_month = -1;

      for (guint i = 0; i < G_N_ELEMENTS (day_steps); i++)
        if ((step = day_steps[i]) >= n_days / max_labels)
          break;
      for (gint64 t = first; t <= chart->x_hi; t += (gint64) step * DAY)
        {
          int y, m, d;
          g_autofree char *day = NULL;

          if (t < chart->x_lo)
            continue;
          koc_chart_split_date (t, &y, &m, &d);
          day = g_strdup_printf ("%d", d);
          draw_time_label (chart, cr, layout, koc_chart_line_time_to_x (chart, t), width, day,
                           m != last_month ? koc_chart_month_name (m) : NULL);
          last_month = m;
        }
      return;
    }

  {
    long first = (long) y0 * 12 + (m0 - 1) + (d0 > 1 ? 1 : 0);
    long last = (long) y1 * 12 + (m1 - 1);
    long n_months = last - first + 1;
    gboolean first_label = TRUE;

    for (guint i = 0; i < G_N_ELEMENTS (month_steps); i++)
      if ((step = month_steps[i]) >= n_months / max_labels)
        break;

    for (long index = first; index <= last; index++)
      {
        int y = (int) (index / 12), m = (int) (index % 12) + 1;
        g_autofree char *year = NULL;
        g_autoptr (GDateTime) dt = NULL;

        if (index % step != 0)
          continue;
        dt = g_date_time_new_utc (y, m, 1, 0, 0, 0);
        year = g_strdup_printf ("%d", y);
        if (step >= 12)
          draw_time_label (chart, cr, layout, koc_chart_line_time_to_x (chart, g_date_time_to_unix (dt)),
                           width, year, NULL);
        else
          draw_time_label (chart, cr, layout, koc_chart_line_time_to_x (chart, g_date_time_to_unix (dt)),
                           width, koc_chart_month_name (m), first_label || m == 1 ? year : NULL);
        first_label = FALSE;
      }
  }
}

void
koc_chart_line_draw_axes (KocChartLine        *chart,
                          cairo_t             *cr,
                          const KocChartStyle *style,
                          double               top,
                          double               width,
                          double               height)
{
  g_autoptr (PangoLayout) layout = koc_chart_layout_new (cr, style, 0.85, FALSE);
  double left_w, right_w, bottom_h;
  int line_h;

  pango_layout_set_text (layout, "0\n0", -1);
  pango_layout_get_pixel_size (layout, NULL, &line_h);
  bottom_h = line_h + 6;

  chart->plot_y = top + line_h / 4.0 + 2;
  chart->plot_h = MAX (10, height - PAD - bottom_h - chart->plot_y);

  left_w = layout_value_axis (&chart->axis[0], layout, chart->plot_h);
  right_w = layout_value_axis (&chart->axis[1], layout, chart->plot_h);

  chart->plot_x = PAD + (left_w > 0 ? left_w + 6 : 0);
  chart->plot_w = MAX (10, width - chart->plot_x - PAD - (right_w > 0 ? right_w + 6 : 0));

  /* The x axis spans the data; a single moment gets a month around it. */
  chart->x_lo = chart->t_min;
  chart->x_hi = chart->t_max;
  if (chart->x_hi - chart->x_lo < DAY)
    {
      chart->x_lo -= 15 * DAY;
      chart->x_hi += 15 * DAY;
    }

  draw_grid (chart, cr, style);
  draw_value_labels (chart, cr, style, layout, KOC_CHART_AXIS_LEFT);
  draw_value_labels (chart, cr, style, layout, KOC_CHART_AXIS_RIGHT);

  /* The base line. */
  koc_chart_set_color (cr, &style->dim);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, chart->plot_x, round (chart->plot_y + chart->plot_h) + 0.5);
  cairo_line_to (cr, chart->plot_x + chart->plot_w, round (chart->plot_y + chart->plot_h) + 0.5);
  cairo_stroke (cr);

  draw_time_axis (chart, cr, style, layout, width);
}
