/* koc-chart-area.c: the 100 % stacked area chart (see koc-chart-area.h).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "koc-chart-area.h"

#define MARGIN_LEFT   48.0
#define MARGIN_RIGHT  12.0
#define MARGIN_BOTTOM 24.0
#define LEGEND_HEIGHT 28.0

struct _KocChartArea
{
  GStrv    names;
  guint    n_series;
  gint64  *times;
  guint    n_points;
  double  *values;
  double   px, py, pw, ph;  /* plot rectangle of the last render */
};

KocChartArea *
koc_chart_area_new (const char * const *series_names,
                    guint               n_series,
                    const gint64       *times,
                    guint               n_points,
                    const double       *values)
{
  KocChartArea *self = g_new0 (KocChartArea, 1);

  self->names = g_new0 (char *, n_series + 1);
  for (guint i = 0; i < n_series; i++)
    self->names[i] = g_strdup (series_names[i]);
  self->n_series = n_series;
  self->times = g_memdup2 (times, sizeof (gint64) * n_points);
  self->n_points = n_points;
  self->values = g_new0 (double, (gsize) n_series * n_points + 1);
  for (gsize i = 0; i < (gsize) n_series * n_points; i++)
    self->values[i] = isfinite (values[i]) && values[i] > 0 ? values[i] : 0;
  return self;
}

void
koc_chart_area_free (KocChartArea *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->names);
  g_free (self->times);
  g_free (self->values);
  g_free (self);
}

static double
total (KocChartArea *self,
       guint         point)
{
  double sum = 0;

  for (guint s = 0; s < self->n_series; s++)
    sum += self->values[(gsize) s * self->n_points + point];
  return sum;
}

double
koc_chart_area_get_share (KocChartArea *self,
                          guint         series,
                          guint         point)
{
  double sum;

  g_return_val_if_fail (series < self->n_series && point < self->n_points, 0);
  sum = total (self, point);
  return sum > 0 ? self->values[(gsize) series * self->n_points + point] / sum : 0;
}

static double
x_of (KocChartArea *self,
      guint         point)
{
  if (self->n_points <= 1)
    return self->px + self->pw / 2;
  return self->px + self->pw * point / (self->n_points - 1);
}

/* Cumulative share below the top of @series at @point. */
static double
cumulative (KocChartArea *self,
            guint         series,
            guint         point)
{
  double c = 0;

  for (guint s = 0; s <= series; s++)
    c += koc_chart_area_get_share (self, s, point);
  return c;
}

static void
draw_text (cairo_t             *cr,
           const KocChartStyle *style,
           const char          *text,
           double               x,
           double               y,
           double               align)  /* 0 left, 0.5 centre, 1 right */
{
  g_autoptr(PangoLayout) layout = koc_chart_layout_new (cr, style, 0.9, FALSE);
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (cr, x - logical.width * align, y - logical.height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

void
koc_chart_area_render (KocChartArea        *self,
                       cairo_t             *cr,
                       const KocChartStyle *style,
                       double               width,
                       double               height)
{
  double legend_x = MARGIN_LEFT;

  self->px = MARGIN_LEFT;
  self->py = LEGEND_HEIGHT;
  self->pw = MAX (width - MARGIN_LEFT - MARGIN_RIGHT, 1);
  self->ph = MAX (height - LEGEND_HEIGHT - MARGIN_BOTTOM, 1);

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      koc_chart_set_color (cr, &style->background);
      cairo_paint (cr);
    }

  /* Grid and y labels: 0, 25, 50, 75, 100 %. */
  for (int i = 0; i <= 4; i++)
    {
      double y = self->py + self->ph * (1 - i / 4.0);
      g_autofree char *label = g_strdup_printf ("%d%%", i * 25);

      koc_chart_set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, self->px, round (y) + 0.5);
      cairo_line_to (cr, self->px + self->pw, round (y) + 0.5);
      cairo_stroke (cr);
      koc_chart_set_color (cr, &style->dim);
      draw_text (cr, style, label, self->px - 6, y, 1);
    }

  /* Bands, bottom series first; a run of non-empty buckets is one polygon. */
  for (guint s = 0; s < self->n_series; s++)
    {
      guint start = 0;

      while (start < self->n_points)
        {
          guint end;

          if (total (self, start) <= 0)
            {
              start++;
              continue;
            }
          for (end = start; end + 1 < self->n_points && total (self, end + 1) > 0; end++)
            ;
          cairo_new_path (cr);
          for (guint p = start; p <= end; p++)
            cairo_line_to (cr, x_of (self, p), self->py + self->ph * (1 - cumulative (self, s, p)));
          for (guint p = end + 1; p-- > start;)
            {
              double below = s > 0 ? cumulative (self, s - 1, p) : 0;

              cairo_line_to (cr, x_of (self, p), self->py + self->ph * (1 - below));
            }
          if (start == end)
            {
              /* A lone bucket: a bar a few pixels wide so that it shows. */
              double x = x_of (self, start);

              cairo_new_path (cr);
              cairo_rectangle (cr, x - 3, self->py + self->ph * (1 - cumulative (self, s, start)), 6,
                               self->ph * koc_chart_area_get_share (self, s, start));
            }
          cairo_close_path (cr);
          koc_chart_set_color (cr, koc_chart_style_series (style, s));
          cairo_fill (cr);
          start = end + 1;
        }
    }

  /* X labels: first, middle and last bucket. */
  koc_chart_set_color (cr, &style->dim);
  for (guint i = 0; i < self->n_points; i++)
    {
      if (!(i == 0 || i == self->n_points - 1 || i == self->n_points / 2))
        continue;
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (self->times[i]);
        /* Translators: a date on the share of voice chart's axis (strftime). */
        g_autofree char *label = dt != NULL ? g_date_time_format (dt, _("%Y-%m-%d")) : g_strdup ("");

        draw_text (cr, style, label, x_of (self, i), self->py + self->ph + MARGIN_BOTTOM / 2,
                   i == 0 ? 0 : i == self->n_points - 1 ? 1 : 0.5);
      }
    }

  /* Legend. */
  for (guint s = 0; s < self->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = koc_chart_layout_new (cr, style, 0.9, FALSE);
      PangoRectangle logical;

      pango_layout_set_text (layout, self->names[s], -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      koc_chart_set_color (cr, koc_chart_style_series (style, s));
      cairo_rectangle (cr, legend_x, LEGEND_HEIGHT / 2 - 5, 10, 10);
      cairo_fill (cr);
      koc_chart_set_color (cr, &style->foreground);
      cairo_move_to (cr, legend_x + 14, LEGEND_HEIGHT / 2 - logical.height / 2.0);
      pango_cairo_show_layout (cr, layout);
      legend_x += 14 + logical.width + 16;
    }
  cairo_restore (cr);
}

void
koc_chart_area_get_plot (KocChartArea *self,
                         double       *x,
                         double       *y,
                         double       *width,
                         double       *height)
{
  *x = self->px;
  *y = self->py;
  *width = self->pw;
  *height = self->ph;
}

gboolean
koc_chart_area_hit_test (KocChartArea *self,
                         double        x,
                         double        y,
                         guint        *series,
                         guint        *point)
{
  double fraction;
  guint p;

  if (self->n_points == 0 || self->pw <= 0 || x < self->px - 4 || x > self->px + self->pw + 4 ||
      y < self->py || y > self->py + self->ph)
    return FALSE;
  p = self->n_points <= 1 ? 0 : (guint) CLAMP (round ((x - self->px) / self->pw * (self->n_points - 1)),
                                               0, self->n_points - 1);
  if (total (self, p) <= 0)
    return FALSE;
  fraction = 1 - (y - self->py) / self->ph;
  for (guint s = 0; s < self->n_series; s++)
    if (fraction <= cumulative (self, s, p) + 1e-9)
      {
        *series = s;
        *point = p;
        return TRUE;
      }
  return FALSE;
}

char *
koc_chart_area_describe (KocChartArea *self)
{
  GString *out = g_string_new (_("Share of voice over time."));
  double all = 0;

  for (guint p = 0; p < self->n_points; p++)
    all += total (self, p);
  for (guint s = 0; s < self->n_series; s++)
    {
      double sum = 0;

      for (guint p = 0; p < self->n_points; p++)
        sum += self->values[(gsize) s * self->n_points + p];
      g_string_append_c (out, ' ');
      /* Translators: a brand and its share of voice over the whole period. */
      g_string_append_printf (out, _("%s: %.1f%%."), self->names[s], all > 0 ? 100 * sum / all : 0.0);
    }
  return g_string_free (out, FALSE);
}
