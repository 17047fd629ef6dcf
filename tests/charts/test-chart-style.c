/* test-chart-style.c: the shared chart helpers — axis ticks, compact numbers, palettes
 * and CJK text measured through Pango.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "koc-chart-style.h"

static void
test_nice_ticks (void)
{
  double lo, hi, step;
  guint n;

  n = koc_chart_nice_ticks (0, 97, 5, &lo, &hi, &step);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (step, ==, 25);
  g_assert_cmpfloat (hi, ==, 100);
  g_assert_cmpuint (n, ==, 5);

  n = koc_chart_nice_ticks (1234, 56789, 6, &lo, &hi, &step);
  g_assert_cmpfloat (step, ==, 20000);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 60000);
  g_assert_cmpuint (n, ==, 4);

  /* Percentages (engagement rates as fractions). */
  koc_chart_nice_ticks (0.012, 0.087, 5, &lo, &hi, &step);
  g_assert_cmpfloat_with_epsilon (step, 0.02, 1e-12);
  g_assert_cmpfloat_with_epsilon (hi, 0.1, 1e-12);

  /* A flat series and reversed bounds still give a usable axis. */
  n = koc_chart_nice_ticks (500, 500, 5, &lo, &hi, &step);
  g_assert_cmpfloat (lo, <=, 500);
  g_assert_cmpfloat (hi, >, 500);
  g_assert_cmpuint (n, >=, 2);
  n = koc_chart_nice_ticks (10, 0, 3, &lo, &hi, &step);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 10);
  g_assert_cmpfloat (step, ==, 5);
  g_assert_cmpuint (n, ==, 3);
  n = koc_chart_nice_ticks (NAN, 3, 4, &lo, &hi, &step);
  g_assert_true (isfinite (lo) && isfinite (hi) && step > 0);
}

static void
test_format_compact (void)
{
  struct { double value; gboolean cjk; const char *expected; } cases[] = {
    { 950, FALSE, "950" },
    { 1200, FALSE, "1.2k" },
    { 3400000, FALSE, "3.4M" },
    { 12000, TRUE, "1.2万" },
    { 340000000, TRUE, "3.4亿" },
    { 0.05, FALSE, "0.05" },
    { -2500, FALSE, "-2.5k" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = koc_chart_format_compact (cases[i].value, cases[i].cjk);
      g_assert_cmpstr (s, ==, cases[i].expected);
    }
}

static void
test_palette (void)
{
  KocChartStyle light, dark;

  koc_chart_style_init (&light, FALSE);
  koc_chart_style_init (&dark, TRUE);

  /* Dark text on light backgrounds and the reverse. */
  g_assert_cmpfloat (light.background.red, >, 0.9);
  g_assert_cmpfloat (light.foreground.red, <, 0.1);
  g_assert_cmpfloat (dark.background.red, <, 0.2);
  g_assert_cmpfloat (dark.foreground.red, >, 0.9);

  /* Series colours are distinct and wrap around. */
  for (guint i = 0; i < KOC_CHART_N_SERIES_COLORS; i++)
    for (guint j = i + 1; j < KOC_CHART_N_SERIES_COLORS; j++)
      {
        const KocChartColor *a = &light.series[i], *b = &light.series[j];
        g_assert_cmpfloat (fabs (a->red - b->red) + fabs (a->green - b->green)
                           + fabs (a->blue - b->blue), >, 0.1);
      }
  g_assert_true (koc_chart_style_series (&light, KOC_CHART_N_SERIES_COLORS + 1)
                 == &light.series[1]);
}

static void
test_cjk_text (void)
{
  KocChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 40);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout;

  koc_chart_style_init (&style, FALSE);
  layout = koc_chart_layout_new (cr, &style, 1.0, FALSE);
  pango_layout_set_text (layout, "种草 面膜 Luko", -1);

  /* Every character has a glyph (no hex boxes) and something was drawn. */
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  koc_chart_set_color (cr, &style.foreground);
  pango_cairo_show_layout (cr, layout);
  cairo_surface_flush (surface);
  {
    const guint8 *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    guint inked = 0;

    for (int y = 0; y < 40; y++)
      for (int x = 0; x < 200; x++)
        inked += data[y * stride + x * 4 + 3] > 0;
    g_assert_cmpuint (inked, >, 100);
  }

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/style/nice-ticks", test_nice_ticks);
  g_test_add_func ("/charts/style/format-compact", test_format_compact);
  g_test_add_func ("/charts/style/palette", test_palette);
  g_test_add_func ("/charts/style/cjk-text", test_cjk_text);

  return g_test_run ();
}
