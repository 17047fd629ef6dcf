/* test-chart-area.c: the share of voice (100 % stacked area) chart — hand-computed shares,
 * band colours at known pixels, gaps for empty buckets, hit tests and the text
 * alternative.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "koc-chart-area.h"

#define W 400
#define H 240

static gboolean
pixel_is (cairo_surface_t     *surface,
          double               x,
          double               y,
          const KocChartColor *color)
{
  guint32 *data = (guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  guint32 p = data[(int) y * stride + (int) x];
  int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

  return fabs (r - color->red * 255) < 3 && fabs (g - color->green * 255) < 3 && fabs (b - color->blue * 255) < 3;
}

static void
test_shares_and_pixels (void)
{
  const char *names[] = { "完美日记", "花西子" };
  /* Week 1: 3 vs 1 mentions; week 2: 0 vs 2; week 3: none; week 4: 1 vs 1. */
  const gint64 times[] = { 1790000000, 1790604800, 1791209600, 1791814400 };
  const double values[] = { 3, 0, 0, 1,
                            1, 2, 0, 1 };
  g_autoptr(KocChartArea) chart = koc_chart_area_new (names, 2, times, 4, values);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *text = NULL;
  KocChartStyle style;
  double px, py, pw, ph;
  guint s, p;

  g_assert_cmpfloat_with_epsilon (koc_chart_area_get_share (chart, 0, 0), 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (koc_chart_area_get_share (chart, 1, 0), 0.25, 1e-12);
  g_assert_cmpfloat (koc_chart_area_get_share (chart, 0, 1), ==, 0);
  g_assert_cmpfloat (koc_chart_area_get_share (chart, 1, 1), ==, 1);
  g_assert_cmpfloat (koc_chart_area_get_share (chart, 0, 2), ==, 0);
  g_assert_cmpfloat (koc_chart_area_get_share (chart, 1, 2), ==, 0);

  koc_chart_style_init (&style, FALSE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  koc_chart_area_render (chart, cr, &style, W, H);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  koc_chart_area_get_plot (chart, &px, &py, &pw, &ph);

  /* At the first bucket (just right of it), the bottom 75 % is the first brand. */
  g_assert_true (pixel_is (surface, px + 2, py + ph * 0.9, koc_chart_style_series (&style, 0)));
  g_assert_true (pixel_is (surface, px + 2, py + ph * 0.3, koc_chart_style_series (&style, 0)));
  g_assert_true (pixel_is (surface, px + 2, py + ph * 0.1, koc_chart_style_series (&style, 1)));
  /* Just before the second bucket, nearly all of it is the second brand. */
  g_assert_true (pixel_is (surface, px + pw / 3 - 3, py + ph * 0.8, koc_chart_style_series (&style, 1)));
  /* The empty third bucket is a gap: background shows. */
  {
    KocChartColor white = { 1, 1, 1, 1 };

    g_assert_true (pixel_is (surface, px + pw * 2 / 3, py + ph * 0.6, &white));
  }
  cairo_surface_destroy (surface);

  g_assert_true (koc_chart_area_hit_test (chart, px + 1, py + ph * 0.9, &s, &p));
  g_assert_cmpuint (s, ==, 0);
  g_assert_cmpuint (p, ==, 0);
  g_assert_true (koc_chart_area_hit_test (chart, px + pw, py + ph * 0.1, &s, &p));
  g_assert_cmpuint (s, ==, 1);
  g_assert_cmpuint (p, ==, 3);
  g_assert_false (koc_chart_area_hit_test (chart, px + pw * 2 / 3, py + ph / 2, &s, &p));
  g_assert_false (koc_chart_area_hit_test (chart, 1, 1, &s, &p));

  /* Over the period: 4 of 8 mentions each. */
  text = koc_chart_area_describe (chart);
  g_assert_nonnull (strstr (text, "完美日记: 50.0%"));
  g_assert_nonnull (strstr (text, "花西子: 50.0%"));
}

static void
test_degenerate (void)
{
  const char *names[] = { "A" };
  const gint64 times[] = { 0 };
  const double values[] = { NAN };
  g_autoptr(KocChartArea) chart = koc_chart_area_new (names, 1, times, 1, values);
  g_autoptr(KocChartArea) empty = koc_chart_area_new (NULL, 0, NULL, 0, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 50, 30);
  cairo_t *cr = cairo_create (surface);
  KocChartStyle style;
  guint s, p;

  koc_chart_style_init (&style, TRUE);
  koc_chart_area_render (chart, cr, &style, 50, 30);
  koc_chart_area_render (empty, cr, &style, 50, 30);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat (koc_chart_area_get_share (chart, 0, 0), ==, 0);
  g_assert_false (koc_chart_area_hit_test (empty, 10, 10, &s, &p));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-area/shares-and-pixels", test_shares_and_pixels);
  g_test_add_func ("/chart-area/degenerate", test_degenerate);

  return g_test_run ();
}
