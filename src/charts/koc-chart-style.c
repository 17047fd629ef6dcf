/* koc-chart-style.c: shared palette, fonts and axis ticks for the cairo charts.
 *
 * The colours are the GNOME HIG palette (the same hues libadwaita uses), with the
 * light and dark variants libadwaita picks for text on each background.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "koc-chart-style.h"

#define RGB(r, g, b) { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1.0 }

static const KocChartColor series_light[KOC_CHART_N_SERIES_COLORS] = {
  RGB (0x1c, 0x71, 0xd8), /* blue 4 */
  RGB (0xe6, 0x61, 0x00), /* orange 4 */
  RGB (0x26, 0xa2, 0x69), /* green 5 */
  RGB (0x91, 0x41, 0xac), /* purple 3 */
  RGB (0xc0, 0x1c, 0x28), /* red 4 */
  RGB (0x98, 0x6a, 0x44), /* brown 3 */
  RGB (0x0a, 0x84, 0x8a), /* teal */
  RGB (0xe5, 0xa5, 0x0a), /* yellow 5 */
};

static const KocChartColor series_dark[KOC_CHART_N_SERIES_COLORS] = {
  RGB (0x62, 0xa0, 0xea), /* blue 2 */
  RGB (0xff, 0xa3, 0x48), /* orange 2 */
  RGB (0x57, 0xe3, 0x89), /* green 2 */
  RGB (0xc0, 0x61, 0xcb), /* purple 2 */
  RGB (0xf6, 0x61, 0x51), /* red 1 */
  RGB (0xcd, 0xab, 0x8f), /* brown 1 */
  RGB (0x5b, 0xc8, 0xaf), /* teal */
  RGB (0xf8, 0xe4, 0x5c), /* yellow 2 */
};

void
koc_chart_style_init (KocChartStyle *style,
                      gboolean       dark)
{
  g_return_if_fail (style != NULL);

  style->dark = dark;
  if (dark)
    {
      style->background = (KocChartColor) RGB (0x24, 0x24, 0x24);
      style->foreground = (KocChartColor) RGB (0xff, 0xff, 0xff);
      style->dim = (KocChartColor) { 1, 1, 1, 0.6 };
      style->grid = (KocChartColor) { 1, 1, 1, 0.12 };
      style->accent = (KocChartColor) RGB (0x78, 0xae, 0xed);
      style->positive = (KocChartColor) RGB (0x8f, 0xf0, 0xa4);
      style->negative = (KocChartColor) RGB (0xff, 0x7b, 0x63);
    }
  else
    {
      style->background = (KocChartColor) RGB (0xff, 0xff, 0xff);
      style->foreground = (KocChartColor) { 0, 0, 0, 0.8 };
      style->dim = (KocChartColor) { 0, 0, 0, 0.55 };
      style->grid = (KocChartColor) { 0, 0, 0, 0.1 };
      style->accent = (KocChartColor) RGB (0x1c, 0x71, 0xd8);
      style->positive = (KocChartColor) RGB (0x1b, 0x8a, 0x5a);
      style->negative = (KocChartColor) RGB (0xc0, 0x1c, 0x28);
    }

  memcpy (style->series, dark ? series_dark : series_light, sizeof style->series);
  /* No emoji font in the list: Pango would take it for digits (they have keycap emoji
   * forms) and draw "16k" in grey, widely spaced emoji digits. Emoji still come from
   * fontconfig's fallback. */
  style->font_family = "Cantarell, Noto Sans CJK SC, Noto Sans, sans-serif";
  style->font_size = 10.0;
}

void
koc_chart_set_color (cairo_t             *cr,
                     const KocChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

const KocChartColor *
koc_chart_style_series (const KocChartStyle *style,
                        guint                index)
{
  return &style->series[index % KOC_CHART_N_SERIES_COLORS];
}

PangoLayout *
koc_chart_layout_new (cairo_t             *cr,
                      const KocChartStyle *style,
                      double               scale,
                      gboolean             bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family);
  pango_font_description_set_size (font, (int) (style->font_size * scale * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  return layout;
}

double
koc_chart_show_text (cairo_t             *cr,
                     const KocChartStyle *style,
                     const char          *text,
                     double               x,
                     double               y,
                     double               width,
                     double               scale,
                     gboolean             bold,
                     const KocChartColor *color)
{
  g_autoptr(PangoLayout) layout = koc_chart_layout_new (cr, style, scale, bold);
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (1, width) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  koc_chart_set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return logical.height;
}

guint
koc_chart_nice_ticks (double  min,
                      double  max,
                      guint   target,
                      double *lo,
                      double *hi,
                      double *step)
{
  double range, raw, magnitude, fraction, nice;

  g_return_val_if_fail (lo != NULL && hi != NULL && step != NULL, 0);

  if (!isfinite (min) || !isfinite (max))
    min = max = 0;
  if (min > max)
    {
      double t = min;
      min = max;
      max = t;
    }
  if (max - min < 1e-12)
    {
      /* A flat series still gets an axis around its value. */
      max = min + (fabs (min) > 1e-12 ? fabs (min) * 0.5 : 1.0);
      min = min >= 0 ? MAX (0, min - (max - min)) : min - (max - min);
    }

  target = MAX (target, 2);
  range = max - min;
  raw = range / (target - 1);
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (fraction <= 1)
    nice = 1;
  else if (fraction <= 2)
    nice = 2;
  else if (fraction <= 2.5)
    nice = 2.5;
  else if (fraction <= 5)
    nice = 5;
  else
    nice = 10;

  *step = nice * magnitude;
  *lo = floor (min / *step) * *step;
  *hi = ceil (max / *step) * *step;

  return (guint) llround ((*hi - *lo) / *step) + 1;
}

char *
koc_chart_format_compact (double   value,
                          gboolean cjk_units)
{
  double a = fabs (value);

  if (cjk_units)
    {
      if (a >= 1e8)
        return g_strdup_printf ("%.3g亿", value / 1e8);
      if (a >= 1e4)
        return g_strdup_printf ("%.3g万", value / 1e4);
    }
  else
    {
      if (a >= 1e9)
        return g_strdup_printf ("%.3gB", value / 1e9);
      if (a >= 1e6)
        return g_strdup_printf ("%.3gM", value / 1e6);
      if (a >= 1e3)
        return g_strdup_printf ("%.3gk", value / 1e3);
    }

  if (a > 0 && a < 1)
    return g_strdup_printf ("%.2g", value);

  return g_strdup_printf ("%.4g", value);
}

gboolean
koc_chart_use_cjk_units (void)
{
  /* Translators: "cjk" when numbers are counted in 万 and 亿 in your language (axis
   * labels show 1.2万 instead of 12k); otherwise keep "western". Not shown anywhere. */
  return g_str_equal (C_("number units", "western"), "cjk");
}

/* 1234567 → "1,234,567": digits grouped by three, whatever the C locale says. */
static char *
format_grouped (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  GString *out = g_string_new (value < 0 && llround (value) != 0 ? "-" : "");
  size_t n = strlen (digits);

  for (size_t i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
koc_chart_format_value (double              value,
                        KocChartValueFormat format,
                        gboolean            compact)
{
  if (!isfinite (value))
    return g_strdup ("–");

  switch (format)
    {
    case KOC_CHART_VALUE_PERCENT:
      {
        double pct = value * 100;

        if (compact)
          return g_strdup_printf (fabs (pct) >= 10 || pct == floor (pct) ? "%.0f%%" : "%.1f%%", pct);
        return g_strdup_printf ("%.2f%%", pct);
      }

    case KOC_CHART_VALUE_DECIMAL:
      if (compact && fabs (value) >= 1e4)
        return koc_chart_format_compact (value, koc_chart_use_cjk_units ());
      if (value == floor (value))
        return format_grouped (value);
      return g_strdup_printf (fabs (value) >= 100 ? "%.1f" : "%.2f", value);

    case KOC_CHART_VALUE_COUNT:
    default:
      if (compact)
        return koc_chart_format_compact (value, koc_chart_use_cjk_units ());
      return format_grouped (value);
    }
}
