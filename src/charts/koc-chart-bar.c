/* koc-chart-bar.c: vertical bars for categories or months, with value labels, a hit
 * test and a text alternative.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "koc-chart-bar.h"
#include "koc-chart-dates.h"

#define PAD 8.0

typedef struct
{
  char   *label;       /* under the bar */
  int     year;        /* months: the year (a second label line where it changes); 0 */
  char   *long_label;  /* tooltip and description */
  double  value;
  double  x, y, w, h;  /* drawn */
} Bar;

struct _KocChartBar
{
  char                *title;
  char                *series_name;
  KocChartValueFormat  format;
  guint                color_index;
  gboolean             show_values;
  GArray              *bars;        /* of Bar */

  gboolean             rendered;
  double               plot_x, plot_y, plot_w, plot_h;
  double               lo, hi, step;
};

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->long_label);
}

KocChartBar *
koc_chart_bar_new (void)
{
  KocChartBar *chart = g_new0 (KocChartBar, 1);

  chart->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (chart->bars, bar_clear);
  chart->show_values = TRUE;
  return chart;
}

void
koc_chart_bar_free (KocChartBar *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->series_name);
  g_array_unref (chart->bars);
  g_free (chart);
}

void
koc_chart_bar_set_title (KocChartBar *chart,
                         const char  *title)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->title);
  chart->title = g_strdup (title);
}

void
koc_chart_bar_set_value_format (KocChartBar         *chart,
                                KocChartValueFormat  format,
                                const char          *series_name)
{
  g_return_if_fail (chart != NULL);
  chart->format = format;
  g_free (chart->series_name);
  chart->series_name = g_strdup (series_name);
}

void
koc_chart_bar_set_color_index (KocChartBar *chart,
                               guint        index)
{
  g_return_if_fail (chart != NULL);
  chart->color_index = index;
}

void
koc_chart_bar_set_show_values (KocChartBar *chart,
                               gboolean     show)
{
  g_return_if_fail (chart != NULL);
  chart->show_values = show;
}

static guint
add_bar (KocChartBar *chart,
         char        *label,
         int          year,
         char        *long_label,
         double       value)
{
  Bar bar = { label, year, long_label, isfinite (value) ? value : 0 };

  g_array_append_val (chart->bars, bar);
  chart->rendered = FALSE;
  return chart->bars->len - 1;
}

guint
koc_chart_bar_add (KocChartBar *chart,
                   const char  *label,
                   double       value)
{
  g_return_val_if_fail (chart != NULL, 0);
  return add_bar (chart, g_strdup (label ? label : ""), 0, g_strdup (label ? label : ""), value);
}

guint
koc_chart_bar_add_month (KocChartBar *chart,
                         gint64       month_start,
                         double       value)
{
  int y, m;

  g_return_val_if_fail (chart != NULL, 0);

  koc_chart_split_date (month_start, &y, &m, NULL);
  return add_bar (chart, g_strdup (koc_chart_month_name (m)), y,
                  koc_chart_format_month_year (month_start), value);
}

guint
koc_chart_bar_get_n_bars (KocChartBar *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->bars->len;
}

static void
draw_centered (cairo_t     *cr,
               PangoLayout *layout,
               double       cx,
               double       y,
               double       max_w)
{
  int w;

  pango_layout_set_width (layout, (int) (MAX (1, max_w) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &w, NULL);
  cairo_move_to (cr, cx - max_w / 2, y);
  pango_cairo_show_layout (cr, layout);
}

void
koc_chart_bar_render (KocChartBar         *chart,
                      cairo_t             *cr,
                      const KocChartStyle *style,
                      double               width,
                      double               height)
{
  g_autoptr (PangoLayout) small = NULL;
  double top = PAD, max_value = 0, slot, bar_w, left_w = 0;
  int line_h, value_h, label_w_year = 0, last_year = 0;
  guint n_ticks, every = 1;
  gboolean two_lines = FALSE;

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

  if (chart->title != NULL && *chart->title != '\0')
    {
      g_autoptr (PangoLayout) layout = koc_chart_layout_new (cr, style, 1.1, TRUE);
      int h;

      pango_layout_set_text (layout, chart->title, -1);
      pango_layout_set_width (layout, (int) (MAX (1, width - 2 * PAD) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, NULL, &h);
      koc_chart_set_color (cr, &style->foreground);
      cairo_move_to (cr, PAD, top);
      pango_cairo_show_layout (cr, layout);
      top += h + 4;
    }

  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);

      max_value = MAX (max_value, bar->value);
      two_lines |= bar->year != 0;
    }

  if (chart->bars->len == 0 || max_value <= 0)
    {
      g_autoptr (PangoLayout) layout = koc_chart_layout_new (cr, style, 1.1, FALSE);
      int w, h;

      koc_chart_set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, PAD + 0.5, top + 0.5, MAX (0, width - 2 * PAD - 1), MAX (0, height - top - PAD - 1));
      cairo_stroke (cr);
      pango_layout_set_text (layout, _("No data"), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      koc_chart_set_color (cr, &style->dim);
      cairo_move_to (cr, (width - w) / 2, top + (height - top - h) / 2);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      return;
    }

  small = koc_chart_layout_new (cr, style, 0.85, FALSE);
  pango_layout_set_text (small, "0", -1);
  pango_layout_get_pixel_size (small, NULL, &line_h);
  value_h = chart->show_values ? line_h + 2 : 0;

  chart->plot_y = top + value_h + line_h / 4.0;
  chart->plot_h = MAX (10, height - PAD - (two_lines ? 2 : 1) * line_h - 4 - chart->plot_y);
  n_ticks = koc_chart_nice_ticks (0, max_value, (guint) CLAMP (chart->plot_h / 36, 2, 6),
                                  &chart->lo, &chart->hi, &chart->step);
  for (guint k = 0; k < n_ticks; k++)
    {
      g_autofree char *text = koc_chart_format_value (chart->lo + k * chart->step, chart->format, TRUE);
      int w;

      pango_layout_set_text (small, text, -1);
      pango_layout_get_pixel_size (small, &w, NULL);
      left_w = MAX (left_w, w);
    }
  chart->plot_x = PAD + left_w + 6;
  chart->plot_w = MAX (10, width - chart->plot_x - PAD);

  /* Grid and value axis labels. */
  cairo_set_line_width (cr, 1);
  for (guint k = 0; k < n_ticks; k++)
    {
      double v = chart->lo + k * chart->step;
      double y = round (chart->plot_y + chart->plot_h * (1 - v / chart->hi)) + 0.5;
      g_autofree char *text = koc_chart_format_value (v, chart->format, TRUE);
      int w, h;

      koc_chart_set_color (cr, k == 0 ? &style->dim : &style->grid);
      cairo_move_to (cr, chart->plot_x, y);
      cairo_line_to (cr, chart->plot_x + chart->plot_w, y);
      cairo_stroke (cr);
      pango_layout_set_text (small, text, -1);
      pango_layout_get_pixel_size (small, &w, &h);
      koc_chart_set_color (cr, &style->dim);
      cairo_move_to (cr, chart->plot_x - 6 - w, y - h / 2.0);
      pango_cairo_show_layout (cr, small);
    }

  /* Bars, value labels, category labels. */
  slot = chart->plot_w / chart->bars->len;
  bar_w = MIN (slot * 0.7, 48);

  /* Month labels thin out (every n-th month) when they would overlap; category labels
   * are ellipsized to their slot instead. */
  if (two_lines)
    {
      int label_w = 0;

      for (guint m = 1; m <= 12; m++)
        {
          int w;

          pango_layout_set_text (small, koc_chart_month_name (m), -1);
          pango_layout_get_pixel_size (small, &w, NULL);
          label_w = MAX (label_w, w);
        }
      pango_layout_set_text (small, "2026", -1);
      pango_layout_get_pixel_size (small, &label_w_year, NULL);
      every = MAX (1, (guint) ceil ((MAX (label_w, label_w_year) + 6) / slot));
    }
  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);
      double cx = chart->plot_x + slot * (i + 0.5);
      double v = MAX (0, bar->value);

      bar->w = bar_w;
      bar->h = chart->plot_h * v / chart->hi;
      bar->x = cx - bar_w / 2;
      bar->y = chart->plot_y + chart->plot_h - bar->h;
      koc_chart_set_color (cr, koc_chart_style_series (style, chart->color_index));
      cairo_rectangle (cr, bar->x, bar->y, bar->w, bar->h);
      cairo_fill (cr);

      if (chart->show_values && v > 0)
        {
          g_autofree char *text = koc_chart_format_value (bar->value, chart->format, TRUE);
          int w;

          pango_layout_set_width (small, -1);
          pango_layout_set_text (small, text, -1);
          pango_layout_get_pixel_size (small, &w, NULL);
          if (w <= slot - 2)
            {
              koc_chart_set_color (cr, &style->foreground);
              cairo_move_to (cr, cx - w / 2.0, bar->y - line_h - 1);
              pango_cairo_show_layout (cr, small);
            }
        }

      if (i % every == 0)
        {
          g_autofree char *text = NULL;

          if (bar->year != 0 && bar->year != last_year)
            text = g_strdup_printf ("%s\n%d", bar->label, bar->year);
          else
            text = g_strdup (bar->label);
          last_year = bar->year;
          pango_layout_set_text (small, text, -1);
          koc_chart_set_color (cr, &style->dim);
          draw_centered (cr, small, cx, chart->plot_y + chart->plot_h + 3, slot * every - 2);
        }
    }

  chart->rendered = TRUE;
  cairo_restore (cr);
}

gboolean
koc_chart_bar_hit_test (KocChartBar    *chart,
                        double          x,
                        double          y,
                        KocChartBarHit *hit)
{
  double slot;
  guint index;
  Bar *bar;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (!chart->rendered || chart->bars->len == 0)
    return FALSE;
  if (x < chart->plot_x || x >= chart->plot_x + chart->plot_w ||
      y < chart->plot_y - 20 || y > chart->plot_y + chart->plot_h)
    return FALSE;

  slot = chart->plot_w / chart->bars->len;
  index = MIN ((guint) ((x - chart->plot_x) / slot), chart->bars->len - 1);
  bar = &g_array_index (chart->bars, Bar, index);
  if (hit != NULL)
    {
      hit->index = index;
      hit->value = bar->value;
      hit->x = bar->x;
      hit->y = bar->y;
      hit->width = bar->w;
      hit->height = bar->h;
    }
  return TRUE;
}

char *
koc_chart_bar_format_hit (KocChartBar          *chart,
                          const KocChartBarHit *hit)
{
  g_autofree char *value = NULL;
  Bar *bar;

  g_return_val_if_fail (chart != NULL && hit != NULL, NULL);
  g_return_val_if_fail (hit->index < chart->bars->len, NULL);

  bar = &g_array_index (chart->bars, Bar, hit->index);
  value = koc_chart_format_value (bar->value, chart->format, FALSE);
  /* Translators: a bar's tooltip: its label, the measure's name and the value. */
  return g_strdup_printf (_("%1$s · %2$s: %3$s"), bar->long_label,
                          chart->series_name ? chart->series_name : (chart->title ? chart->title : ""), value);
}

char *
koc_chart_bar_describe (KocChartBar *chart)
{
  GString *out;
  Bar *high = NULL, *low = NULL;
  double total = 0;

  g_return_val_if_fail (chart != NULL, NULL);

  out = g_string_new (NULL);
  if (chart->title != NULL && *chart->title != '\0')
    {
      /* Translators: first line of a bar chart's text alternative; %s is its title. */
      g_string_append_printf (out, _("Bar chart: %s."), chart->title);
      g_string_append_c (out, '\n');
    }
  if (chart->bars->len == 0)
    {
      g_string_append (out, _("No data."));
      g_string_append_c (out, '\n');
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);

      total += bar->value;
      if (high == NULL || bar->value > high->value)
        high = bar;
      if (low == NULL || bar->value < low->value)
        low = bar;
    }

  {
    g_autofree char *v_high = koc_chart_format_value (high->value, chart->format, FALSE);
    g_autofree char *v_low = koc_chart_format_value (low->value, chart->format, FALSE);
    g_autofree char *bars = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bar", "%u bars", chart->bars->len),
                                             chart->bars->len);

    /* Translators: a bar chart summary: "N bars", the highest bar's value and label,
     * the lowest's value and label. */
    g_string_append_printf (out, _("%1$s; highest %2$s (%3$s), lowest %4$s (%5$s)."),
                            bars, v_high, high->long_label, v_low, low->long_label);
    if (chart->format == KOC_CHART_VALUE_COUNT)
      {
        g_autofree char *v_total = koc_chart_format_value (total, chart->format, FALSE);

        g_string_append_c (out, ' ');
        /* Translators: the sum of all bars of a chart. */
        g_string_append_printf (out, _("Total %s."), v_total);
      }
    g_string_append_c (out, '\n');
  }

  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);
      g_autofree char *value = koc_chart_format_value (bar->value, chart->format, FALSE);

      g_string_append_printf (out, "%s: %s\n", bar->long_label, value);
    }
  return g_string_free (out, FALSE);
}

gboolean
koc_chart_bar_get_bar_rect (KocChartBar *chart,
                            guint        index,
                            double      *x,
                            double      *y,
                            double      *width,
                            double      *height)
{
  Bar *bar;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (!chart->rendered || index >= chart->bars->len)
    return FALSE;
  bar = &g_array_index (chart->bars, Bar, index);
  if (x != NULL)
    *x = bar->x;
  if (y != NULL)
    *y = bar->y;
  if (width != NULL)
    *width = bar->w;
  if (height != NULL)
    *height = bar->h;
  return TRUE;
}

gboolean
koc_chart_bar_get_plot_area (KocChartBar *chart,
                             double      *x,
                             double      *y,
                             double      *width,
                             double      *height)
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
koc_chart_bar_get_axis_range (KocChartBar *chart,
                              double      *lo,
                              double      *hi)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  if (!chart->rendered)
    return FALSE;
  if (lo != NULL)
    *lo = chart->lo;
  if (hi != NULL)
    *hi = chart->hi;
  return TRUE;
}
