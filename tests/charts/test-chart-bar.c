/* test-chart-bar.c: the bar chart on image surfaces — bar heights proportional to the
 * values, the axis from 0, bars in the series colour, hit tests, value labels, light and
 * dark, degenerate data and the text alternative.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "koc-chart-bar.h"

#define W 420
#define H 220

static gint64
month (int year,
       int m)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (year, m, 1, 0, 0, 0);
  return g_date_time_to_unix (dt);
}

static cairo_surface_t *
render (KocChartBar         *chart,
        const KocChartStyle *style,
        double               scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (W * scale),
                                                         (int) (H * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  koc_chart_bar_render (chart, cr, style, W, H);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Keeps a picture for people to look at when $KOCDESK_SCREENSHOT_DIR is set. */
static void
save (cairo_surface_t *surface,
      const char      *name)
{
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       double          *rgb)
{
  double sx, sy;
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;

  cairo_surface_get_device_scale (surface, &sx, &sy);
  v = *(const guint32 *) (data + (int) floor (y * sy) * stride + (int) floor (x * sx) * 4);
  rgb[0] = ((v >> 16) & 0xff) / 255.0;
  rgb[1] = ((v >> 8) & 0xff) / 255.0;
  rgb[2] = (v & 0xff) / 255.0;
}

static gboolean
same_color (const double        *rgb,
            const KocChartColor *color)
{
  return fabs (rgb[0] - color->red) + fabs (rgb[1] - color->green) + fabs (rgb[2] - color->blue) < 0.05;
}

static const double posts[12] = { 4, 7, 0, 12, 9, 3, 14, 8, 6, 10, 11, 5 };

static KocChartBar *
months_chart (void)
{
  KocChartBar *chart = koc_chart_bar_new ();

  koc_chart_bar_set_title (chart, "Posts per month");
  koc_chart_bar_set_value_format (chart, KOC_CHART_VALUE_COUNT, "Posts");
  for (int i = 0; i < 12; i++)
    koc_chart_bar_add_month (chart, month (i < 10 ? 2025 : 2026, (i + 2) % 12 + 1), posts[i]);
  return chart;
}

static void
test_heights (void)
{
  g_autoptr (KocChartBar) chart = months_chart ();
  KocChartStyle style;
  cairo_surface_t *surface;
  double lo, hi, px, py, pw, ph;

  koc_chart_style_init (&style, FALSE);
  koc_chart_bar_set_color_index (chart, 2);
  g_assert_cmpuint (koc_chart_bar_get_n_bars (chart), ==, 12);
  surface = render (chart, &style, 1);

  g_assert_true (koc_chart_bar_get_axis_range (chart, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, >=, 14);
  g_assert_cmpfloat (hi, <=, 20);
  g_assert_true (koc_chart_bar_get_plot_area (chart, &px, &py, &pw, &ph));

  for (guint i = 0; i < 12; i++)
    {
      double x, y, w, h, rgb[3];

      g_assert_true (koc_chart_bar_get_bar_rect (chart, i, &x, &y, &w, &h));
      /* Height proportional to the value, standing on the base line, in order. */
      g_assert_cmpfloat_with_epsilon (h, ph * posts[i] / hi, 1e-9);
      g_assert_cmpfloat_with_epsilon (y + h, py + ph, 1e-9);
      g_assert_cmpfloat (x, >=, px + pw * i / 12);
      g_assert_cmpfloat (x + w, <=, px + pw * (i + 1) / 12);
      if (posts[i] > 0)
        {
          pixel (surface, x + w / 2, y + h / 2, rgb);
          g_assert_true (same_color (rgb, koc_chart_style_series (&style, 2)));
          /* Above the bar (past its value label) is background again. */
          pixel (surface, x + w / 2, MAX (py, y - 40), rgb);
          g_assert_false (same_color (rgb, koc_chart_style_series (&style, 2)) && y - 40 > py);
        }
    }
  {
    double h3, h6;
    koc_chart_bar_get_bar_rect (chart, 3, NULL, NULL, NULL, &h3);
    koc_chart_bar_get_bar_rect (chart, 6, NULL, NULL, NULL, &h6);
    g_assert_cmpfloat_with_epsilon (h6 / h3, 14.0 / 12.0, 1e-9);
  }
  g_assert_false (koc_chart_bar_get_bar_rect (chart, 12, NULL, NULL, NULL, NULL));
  save (surface, "chart-bar-months.png");
  cairo_surface_destroy (surface);
}

static void
test_hit (void)
{
  g_autoptr (KocChartBar) chart = months_chart ();
  g_autofree char *tip = NULL;
  KocChartStyle style;
  KocChartBarHit hit;
  cairo_surface_t *surface;
  double x, y, w, h;

  koc_chart_style_init (&style, FALSE);
  g_assert_false (koc_chart_bar_hit_test (chart, 100, 100, &hit));
  surface = render (chart, &style, 1);

  koc_chart_bar_get_bar_rect (chart, 6, &x, &y, &w, &h);
  g_assert_true (koc_chart_bar_hit_test (chart, x + w / 2, y + h - 1, &hit));
  g_assert_cmpuint (hit.index, ==, 6);
  g_assert_cmpfloat (hit.value, ==, 14);
  g_assert_cmpfloat (hit.height, ==, h);
  tip = koc_chart_bar_format_hit (chart, &hit);
  g_assert_cmpstr (tip, ==, "Sep 2025 · Posts: 14");

  /* The empty space above a short bar still belongs to it. */
  koc_chart_bar_get_bar_rect (chart, 5, &x, &y, &w, &h);
  g_assert_true (koc_chart_bar_hit_test (chart, x + w / 2, y - 30, &hit));
  g_assert_cmpuint (hit.index, ==, 5);

  /* The zero month is hit too; outside the plot nothing is. */
  koc_chart_bar_get_bar_rect (chart, 2, &x, &y, &w, &h);
  g_assert_cmpfloat (h, ==, 0);
  g_assert_true (koc_chart_bar_hit_test (chart, x + w / 2, y - 5, &hit));
  g_assert_cmpuint (hit.index, ==, 2);
  g_assert_false (koc_chart_bar_hit_test (chart, 2, 2, &hit));
  g_assert_false (koc_chart_bar_hit_test (chart, W / 2, H - 1, &hit));
  cairo_surface_destroy (surface);
}

static void
test_categories_dark_hidpi (void)
{
  g_autoptr (KocChartBar) chart = koc_chart_bar_new ();
  g_autofree char *text = NULL;
  KocChartStyle light, dark;
  cairo_surface_t *a, *b;
  double rgb_a[3], rgb_b[3], x, y, w, h;

  koc_chart_bar_set_title (chart, "Engagement rate by post type");
  koc_chart_bar_set_value_format (chart, KOC_CHART_VALUE_PERCENT, "Engagement rate");
  koc_chart_bar_add (chart, "Video", 0.052);
  koc_chart_bar_add (chart, "Note", 0.031);
  koc_chart_bar_add (chart, "Live stream with a very long name", 0.012);
  koc_chart_style_init (&light, FALSE);
  koc_chart_style_init (&dark, TRUE);

  a = render (chart, &light, 1);
  b = render (chart, &dark, 2);
  pixel (a, W - 2, 2, rgb_a);
  pixel (b, W - 2, 2, rgb_b);
  g_assert_true (same_color (rgb_a, &light.background));
  g_assert_true (same_color (rgb_b, &dark.background));

  /* At twice the pixels the bar is still in the (dark) series colour. */
  koc_chart_bar_get_bar_rect (chart, 0, &x, &y, &w, &h);
  pixel (b, x + w / 2, y + h / 2, rgb_b);
  g_assert_true (same_color (rgb_b, koc_chart_style_series (&dark, 0)));
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, 2 * W);
  save (b, "chart-bar-categories-dark-2x.png");

  text = koc_chart_bar_describe (chart);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Bar chart: Engagement rate by post type.\n"));
  g_assert_nonnull (strstr (text, "3 bars; highest 5.20% (Video), lowest 1.20% (Live stream with a very long name)."));
  g_assert_nonnull (strstr (text, "Note: 3.10%\n"));
  g_assert_null (strstr (text, "Total"));
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_degenerate (void)
{
  KocChartStyle style;

  koc_chart_style_init (&style, FALSE);

  /* Nothing, or only zeros: "No data" in the middle, no bars to hit. */
  for (guint variant = 0; variant < 2; variant++)
    {
      g_autoptr (KocChartBar) chart = koc_chart_bar_new ();
      g_autofree char *text = NULL;
      cairo_surface_t *surface;
      guint ink = 0;

      if (variant == 1)
        for (int i = 0; i < 6; i++)
          koc_chart_bar_add_month (chart, month (2026, i + 1), 0);
      surface = render (chart, &style, 1);
      for (int y = H / 2 - 12; y < H / 2 + 12; y++)
        for (int x = W / 2 - 40; x < W / 2 + 40; x++)
          {
            double rgb[3];
            pixel (surface, x, y, rgb);
            ink += !same_color (rgb, &style.background);
          }
      g_assert_cmpuint (ink, >, 20);
      g_assert_false (koc_chart_bar_hit_test (chart, W / 2, H / 2, NULL));
      text = koc_chart_bar_describe (chart);
      if (variant == 0)
        g_assert_nonnull (strstr (text, "No data."));
      else
        g_assert_nonnull (strstr (text, "Jan 2026: 0\n"));
      cairo_surface_destroy (surface);
    }

  /* One bar; a negative and a non-finite value are drawn as nothing; tiny sizes. */
  {
    g_autoptr (KocChartBar) chart = koc_chart_bar_new ();
    cairo_surface_t *surface;
    double h;

    koc_chart_bar_add (chart, "Only", 5);
    koc_chart_bar_add (chart, "Minus", -3);
    koc_chart_bar_add (chart, "NaN", NAN);
    surface = render (chart, &style, 1);
    koc_chart_bar_get_bar_rect (chart, 1, NULL, NULL, NULL, &h);
    g_assert_cmpfloat (h, ==, 0);
    koc_chart_bar_get_bar_rect (chart, 2, NULL, NULL, NULL, &h);
    g_assert_cmpfloat (h, ==, 0);
    cairo_surface_destroy (surface);
    {
      cairo_surface_t *tiny = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
      cairo_t *cr = cairo_create (tiny);
      koc_chart_bar_render (chart, cr, &style, 4, 4);
      cairo_destroy (cr);
      cairo_surface_destroy (tiny);
    }
  }
}

static void
test_describe_months (void)
{
  g_autoptr (KocChartBar) chart = months_chart ();
  g_autofree char *text = koc_chart_bar_describe (chart);

  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Bar chart: Posts per month.\n"));
  g_assert_nonnull (strstr (text, "12 bars; highest 14 (Sep 2025), lowest 0 (May 2025). Total 89.\n"));
  g_assert_nonnull (strstr (text, "Mar 2025: 4\n"));
  g_assert_nonnull (strstr (text, "Feb 2026: 5\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/bar/heights", test_heights);
  g_test_add_func ("/charts/bar/hit", test_hit);
  g_test_add_func ("/charts/bar/categories-dark-hidpi", test_categories_dark_hidpi);
  g_test_add_func ("/charts/bar/degenerate", test_degenerate);
  g_test_add_func ("/charts/bar/describe-months", test_describe_months);

  return g_test_run ();
}
