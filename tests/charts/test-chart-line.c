/* test-chart-line.c: the line chart, rendered to image surfaces and checked by geometry
 * and pixels — axis ranges, points drawn where the data puts them, hit tests, dual and
 * normalised axes, light and dark, HiDPI, degenerate data, the text alternative.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "koc-chart-line.h"
#include "koc-test-utils.h"

#define W 480
#define H 260
#define DAY 86400
#define T0 1767225600 /* 2026-01-01 00:00 UTC */

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           scale;
} Canvas;

static void
canvas_init (Canvas *c,
             double  scale)
{
  c->scale = scale;
  c->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (W * scale), (int) (H * scale));
  cairo_surface_set_device_scale (c->surface, scale, scale);
  c->cr = cairo_create (c->surface);
}

/* Keeps a picture for people to look at when $KOCDESK_SCREENSHOT_DIR is set. */
static void
canvas_save (Canvas     *c,
             const char *name)
{
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (c->surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static void
canvas_clear (Canvas *c)
{
  cairo_destroy (c->cr);
  cairo_surface_destroy (c->surface);
}

/* The colour of the device pixel under logical (x, y), un-premultiplied, 0..1. */
static void
pixel_at (Canvas *c,
          double  x,
          double  y,
          double *r,
          double *g,
          double *b)
{
  const guint8 *data;
  int stride, px = (int) floor (x * c->scale), py = (int) floor (y * c->scale);
  guint32 v;
  double a;

  cairo_surface_flush (c->surface);
  data = cairo_image_surface_get_data (c->surface);
  stride = cairo_image_surface_get_stride (c->surface);
  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (c->surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (c->surface));
  v = *(const guint32 *) (data + py * stride + px * 4);
  a = ((v >> 24) & 0xff) / 255.0;
  g_assert_cmpfloat (a, >, 0);
  *r = ((v >> 16) & 0xff) / 255.0 / a;
  *g = ((v >> 8) & 0xff) / 255.0 / a;
  *b = (v & 0xff) / 255.0 / a;
}

static void
assert_pixel_color (Canvas              *c,
                    double               x,
                    double               y,
                    const KocChartColor *color)
{
  double r, g, b;

  pixel_at (c, x, y, &r, &g, &b);
  if (fabs (r - color->red) + fabs (g - color->green) + fabs (b - color->blue) > 0.08)
    g_error ("pixel at %.1f,%.1f is %.3f,%.3f,%.3f, expected %.3f,%.3f,%.3f", x, y, r, g, b,
             color->red, color->green, color->blue);
}

/* Followers that grow through 2026, one snapshot on the 1st of each month. */
static const double followers[12] = { 10200, 10900, 11500, 11800, 12600, 13100,
                                      13900, 14300, 14900, 15200, 15800, 15600 };
static const double rates[12] = { 0.031, 0.034, 0.029, 0.032, 0.041, 0.038,
                                  0.036, 0.044, 0.047, 0.043, 0.039, 0.042 };

static gint64
month (int i)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (2026, i + 1, 1, 0, 0, 0);
  return g_date_time_to_unix (dt);
}

static KocChartLine *
followers_chart (gboolean with_rate)
{
  KocChartLine *chart = koc_chart_line_new ();
  guint s = koc_chart_line_add_series (chart, "Followers", KOC_CHART_VALUE_COUNT, KOC_CHART_AXIS_LEFT);

  koc_chart_line_set_title (chart, "Followers and engagement");
  for (int i = 0; i < 12; i++)
    koc_chart_line_add_point (chart, s, month (i), followers[i]);
  if (with_rate)
    {
      guint e = koc_chart_line_add_series (chart, "Engagement rate", KOC_CHART_VALUE_PERCENT,
                                           KOC_CHART_AXIS_RIGHT);
      for (int i = 0; i < 12; i++)
        koc_chart_line_add_point (chart, e, month (i), rates[i]);
    }
  return chart;
}

static void
test_axis_and_points (void)
{
  g_autoptr (KocChartLine) chart = followers_chart (FALSE);
  KocChartStyle style;
  Canvas c;
  double px, py, pw, ph, lo, hi;
  gint64 first, last;

  koc_chart_style_init (&style, FALSE);
  canvas_init (&c, 1);
  g_assert_false (koc_chart_line_get_plot_area (chart, NULL, NULL, NULL, NULL));
  koc_chart_line_render (chart, c.cr, &style, W, H);

  g_assert_true (koc_chart_line_get_plot_area (chart, &px, &py, &pw, &ph));
  g_assert_cmpfloat (px, >, 20);     /* room for the value labels */
  g_assert_cmpfloat (px + pw, <=, W);
  g_assert_cmpfloat (py, >, 15);     /* under the title */
  g_assert_cmpfloat (py + ph, <, H - 20); /* room for month + year labels */

  /* The axis covers the data with nice bounds. */
  g_assert_true (koc_chart_line_get_axis_range (chart, KOC_CHART_AXIS_LEFT, &lo, &hi));
  g_assert_false (koc_chart_line_get_axis_range (chart, KOC_CHART_AXIS_RIGHT, NULL, NULL));
  g_assert_cmpfloat (lo, <=, 10200);
  g_assert_cmpfloat (lo, >=, 8000);
  g_assert_cmpfloat (hi, >=, 15800);
  g_assert_cmpfloat (hi, <=, 18000);
  g_assert_true (koc_chart_line_get_time_range (chart, &first, &last));
  g_assert_cmpint (first, ==, month (0));
  g_assert_cmpint (last, ==, month (11));

  /* Every point is where the data puts it, and drawn in the series colour. */
  for (guint i = 0; i < 12; i++)
    {
      double x, y;
      double ex = px + pw * (double) (month (i) - first) / (double) (last - first);
      double ey = py + ph * (1 - (followers[i] - lo) / (hi - lo));

      g_assert_true (koc_chart_line_get_point_position (chart, 0, i, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, ex, 1e-6);
      g_assert_cmpfloat_with_epsilon (y, ey, 1e-6);
      assert_pixel_color (&c, x, y, koc_chart_style_series (&style, 0));
    }
  g_assert_false (koc_chart_line_get_point_position (chart, 0, 12, NULL, NULL));
  g_assert_false (koc_chart_line_get_point_position (chart, 1, 0, NULL, NULL));

  /* The lowest point sits lower than the highest one. */
  {
    double y_low, y_high;
    koc_chart_line_get_point_position (chart, 0, 0, NULL, &y_low);
    koc_chart_line_get_point_position (chart, 0, 10, NULL, &y_high);
    g_assert_cmpfloat (y_low, >, y_high + ph / 2);
  }

  /* Background away from the plot keeps the light background. */
  assert_pixel_color (&c, W - 2, H - 2, &style.background);
  canvas_clear (&c);
}

static void
test_hit_test (void)
{
  g_autoptr (KocChartLine) chart = followers_chart (TRUE);
  KocChartStyle style;
  KocChartLineHit hit;
  Canvas c;
  double x, y, x2, y2;
  g_autofree char *tip = NULL;

  koc_chart_style_init (&style, FALSE);
  canvas_init (&c, 1);
  g_assert_false (koc_chart_line_hit_test (chart, 100, 100, 10, &hit));
  koc_chart_line_render (chart, c.cr, &style, W, H);

  /* Near the 5th follower point: that point, with its real value. */
  koc_chart_line_get_point_position (chart, 0, 4, &x, &y);
  g_assert_true (koc_chart_line_hit_test (chart, x + 3, y - 2, 20, &hit));
  g_assert_cmpuint (hit.series, ==, 0);
  g_assert_cmpuint (hit.index, ==, 4);
  g_assert_cmpint (hit.time, ==, month (4));
  g_assert_cmpfloat (hit.value, ==, 12600);
  g_assert_cmpfloat (hit.x, ==, x);
  tip = koc_chart_line_format_hit (chart, &hit);
  g_assert_cmpstr (tip, ==, "Followers: 12,600 · 2026-05-01");

  /* Same time, nearer the engagement line: the engagement point. */
  koc_chart_line_get_point_position (chart, 1, 4, &x2, &y2);
  g_assert_cmpfloat (x2, ==, x);
  g_assert_true (koc_chart_line_hit_test (chart, x, y2 + 1, 20, &hit));
  g_assert_cmpuint (hit.series, ==, 1);
  g_assert_cmpfloat (hit.value, ==, 0.041);
  g_clear_pointer (&tip, g_free);
  tip = koc_chart_line_format_hit (chart, &hit);
  g_assert_cmpstr (tip, ==, "Engagement rate: 4.10% · 2026-05-01");

  /* Between two months, the nearer one wins. */
  {
    double xa, xb;
    koc_chart_line_get_point_position (chart, 0, 6, &xa, NULL);
    koc_chart_line_get_point_position (chart, 0, 7, &xb, NULL);
    g_assert_true (koc_chart_line_hit_test (chart, xa + (xb - xa) * 0.7, y, 100, &hit));
    g_assert_cmpuint (hit.index, ==, 7);
  }

  /* Outside the plot, or too far from every point: nothing. */
  g_assert_false (koc_chart_line_hit_test (chart, 1, 1, 10, &hit));
  g_assert_false (koc_chart_line_hit_test (chart, W - 1, H - 1, 5, &hit));
  canvas_clear (&c);
}

static void
test_dual_axis (void)
{
  g_autoptr (KocChartLine) chart = followers_chart (TRUE);
  KocChartStyle style;
  Canvas c;
  double lo, hi, px, pw, x, y;

  koc_chart_style_init (&style, FALSE);
  canvas_init (&c, 1);
  koc_chart_line_render (chart, c.cr, &style, W, H);

  g_assert_true (koc_chart_line_get_axis_range (chart, KOC_CHART_AXIS_RIGHT, &lo, &hi));
  g_assert_cmpfloat (lo, <=, 0.029);
  g_assert_cmpfloat (hi, >=, 0.047);
  g_assert_cmpfloat (hi, <=, 0.06);
  g_assert_true (koc_chart_line_get_axis_range (chart, KOC_CHART_AXIS_LEFT, &lo, &hi));
  g_assert_cmpfloat (hi, <, 20000);

  /* The right axis takes room for its labels. */
  koc_chart_line_get_plot_area (chart, &px, NULL, &pw, NULL);
  g_assert_cmpfloat (px + pw, <, W - 25);
  canvas_save (&c, "chart-line-dual-light.png");

  /* The highest rate (index 8) is drawn in the second series colour, near the top. */
  koc_chart_line_get_point_position (chart, 1, 8, &x, &y);
  assert_pixel_color (&c, x, y, koc_chart_style_series (&style, 1));
  canvas_clear (&c);
}

static void
test_normalised (void)
{
  g_autoptr (KocChartLine) chart = followers_chart (TRUE);
  KocChartStyle style;
  Canvas c;
  double lo, hi, py, ph, y;

  koc_chart_style_init (&style, TRUE);
  koc_chart_line_set_mode (chart, KOC_CHART_LINE_NORMALISED);
  canvas_init (&c, 1);
  koc_chart_line_render (chart, c.cr, &style, W, H);

  g_assert_true (koc_chart_line_get_axis_range (chart, KOC_CHART_AXIS_LEFT, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 1);
  g_assert_false (koc_chart_line_get_axis_range (chart, KOC_CHART_AXIS_RIGHT, NULL, NULL));

  /* Each series' highest point on the top edge, lowest on the bottom edge. */
  koc_chart_line_get_plot_area (chart, NULL, &py, NULL, &ph);
  koc_chart_line_get_point_position (chart, 0, 10, NULL, &y);
  g_assert_cmpfloat_with_epsilon (y, py, 1e-9);
  koc_chart_line_get_point_position (chart, 1, 8, NULL, &y);
  g_assert_cmpfloat_with_epsilon (y, py, 1e-9);
  koc_chart_line_get_point_position (chart, 1, 2, NULL, &y);
  g_assert_cmpfloat_with_epsilon (y, py + ph, 1e-9);
  canvas_save (&c, "chart-line-normalised-dark.png");
  canvas_clear (&c);
}

static void
test_light_dark_hidpi (void)
{
  g_autoptr (KocChartLine) chart = followers_chart (FALSE);
  KocChartStyle light, dark;
  Canvas a, b;
  double r1, g1, b1, r2, g2, b2, x, y;

  koc_chart_style_init (&light, FALSE);
  koc_chart_style_init (&dark, TRUE);

  canvas_init (&a, 1);
  koc_chart_line_render (chart, a.cr, &light, W, H);
  pixel_at (&a, 3, H - 3, &r1, &g1, &b1);

  /* HiDPI: the same logical geometry at twice the pixels, in the dark palette. */
  canvas_init (&b, 2);
  koc_chart_line_render (chart, b.cr, &dark, W, H);
  pixel_at (&b, 3, H - 3, &r2, &g2, &b2);

  g_assert_cmpfloat (r1 + g1 + b1, >, 2.7);
  g_assert_cmpfloat (r2 + g2 + b2, <, 0.6);
  koc_chart_line_get_point_position (chart, 0, 3, &x, &y);
  assert_pixel_color (&b, x, y, koc_chart_style_series (&dark, 0));
  g_assert_cmpint (cairo_image_surface_get_width (b.surface), ==, 2 * W);
  canvas_save (&b, "chart-line-dark-2x.png");

  canvas_clear (&a);
  canvas_clear (&b);
}

/* Counts pixels that differ from the background inside a rectangle. */
static guint
count_ink (Canvas *c,
           double  x0,
           double  y0,
           double  x1,
           double  y1)
{
  guint n = 0;
  double br, bg, bb;

  pixel_at (c, 1, 1, &br, &bg, &bb);
  for (double y = y0; y < y1; y++)
    for (double x = x0; x < x1; x++)
      {
        double r, g, b;
        pixel_at (c, x, y, &r, &g, &b);
        n += fabs (r - br) + fabs (g - bg) + fabs (b - bb) > 0.2;
      }
  return n;
}

static void
test_degenerate (void)
{
  KocChartStyle style;

  koc_chart_style_init (&style, FALSE);

  /* No point at all: a frame and "No data", nothing to hit. */
  {
    g_autoptr (KocChartLine) chart = koc_chart_line_new ();
    g_autofree char *text = NULL;
    Canvas c;

    koc_chart_line_add_series (chart, "Followers", KOC_CHART_VALUE_COUNT, KOC_CHART_AXIS_LEFT);
    koc_chart_line_add_point (chart, 0, T0, NAN);   /* ignored */
    canvas_init (&c, 1);
    koc_chart_line_render (chart, c.cr, &style, W, H);
    g_assert_cmpuint (count_ink (&c, W / 2 - 40, H / 2 - 12, W / 2 + 40, H / 2 + 12), >, 20);
    g_assert_false (koc_chart_line_hit_test (chart, W / 2, H / 2, 100, NULL));
    g_assert_false (koc_chart_line_get_plot_area (chart, NULL, NULL, NULL, NULL));
    text = koc_chart_line_describe (chart);
    g_assert_nonnull (strstr (text, "No data."));
    canvas_clear (&c);
  }

  /* A chart without any series, tiny sizes: no crash. */
  {
    g_autoptr (KocChartLine) chart = koc_chart_line_new ();
    Canvas c;

    canvas_init (&c, 1);
    koc_chart_line_render (chart, c.cr, &style, W, H);
    koc_chart_line_render (chart, c.cr, &style, 3, 2);
    canvas_clear (&c);
  }

  /* One point: drawn in the middle of the plot. */
  {
    g_autoptr (KocChartLine) chart = koc_chart_line_new ();
    g_autofree char *text = NULL;
    double px, pw, x, y;
    Canvas c;

    koc_chart_line_add_series (chart, "Followers", KOC_CHART_VALUE_COUNT, KOC_CHART_AXIS_LEFT);
    koc_chart_line_add_point (chart, 0, T0, 4321);
    canvas_init (&c, 1);
    koc_chart_line_render (chart, c.cr, &style, W, H);
    koc_chart_line_get_plot_area (chart, &px, NULL, &pw, NULL);
    g_assert_true (koc_chart_line_get_point_position (chart, 0, 0, &x, &y));
    g_assert_cmpfloat_with_epsilon (x, px + pw / 2, 1e-9);
    assert_pixel_color (&c, x, y, koc_chart_style_series (&style, 0));
    text = koc_chart_line_describe (chart);
    g_assert_nonnull (strstr (text, "4,321"));
    g_assert_nonnull (strstr (text, "1 point"));
    canvas_clear (&c);
  }

  /* Flat data: a usable axis around the value, every point on one row; a huge
   * chart with many points stays fine too. */
  {
    g_autoptr (KocChartLine) chart = koc_chart_line_new ();
    double lo, hi, y0, y;
    Canvas c;

    koc_chart_line_add_series (chart, "Followers", KOC_CHART_VALUE_COUNT, KOC_CHART_AXIS_LEFT);
    for (int i = 0; i < 400; i++)
      koc_chart_line_add_point (chart, 0, T0 + i * DAY, 800);
    canvas_init (&c, 1);
    koc_chart_line_render (chart, c.cr, &style, W, H);
    koc_chart_line_get_axis_range (chart, KOC_CHART_AXIS_LEFT, &lo, &hi);
    g_assert_cmpfloat (lo, <, 800);
    g_assert_cmpfloat (hi, >, 800);
    koc_chart_line_get_point_position (chart, 0, 0, NULL, &y0);
    koc_chart_line_get_point_position (chart, 0, 399, NULL, &y);
    g_assert_cmpfloat (y, ==, y0);
    canvas_clear (&c);
  }
}

static void
test_unsorted_and_days (void)
{
  g_autoptr (KocChartLine) chart = koc_chart_line_new ();
  KocChartStyle style;
  KocChartLineHit hit;
  double x0, x1;
  Canvas c;

  /* Ten days, added backwards. */
  koc_chart_line_add_series (chart, "Views", KOC_CHART_VALUE_COUNT, KOC_CHART_AXIS_LEFT);
  for (int i = 9; i >= 0; i--)
    koc_chart_line_add_point (chart, 0, T0 + i * DAY, 100 + i);
  koc_chart_style_init (&style, FALSE);
  canvas_init (&c, 1);
  koc_chart_line_render (chart, c.cr, &style, W, H);
  koc_chart_line_get_point_position (chart, 0, 0, &x0, NULL);
  koc_chart_line_get_point_position (chart, 0, 9, &x1, NULL);
  g_assert_cmpfloat (x0, <, x1);
  g_assert_true (koc_chart_line_hit_test (chart, x0 + 1, (H / 2.0), 10, &hit));
  g_assert_cmpint (hit.time, ==, T0);
  g_assert_cmpfloat (hit.value, ==, 100);
  canvas_save (&c, "chart-line-days.png");
  canvas_clear (&c);
}

static void
test_describe (void)
{
  g_autoptr (KocChartLine) chart = followers_chart (TRUE);
  g_autofree char *text = koc_chart_line_describe (chart);

  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Line chart: Followers and engagement.\n"));
  g_assert_nonnull (strstr (text, "Followers: 12 points from Jan 2026 to Dec 2026, from 10,200 to 15,600;"
                                  " highest 15,800 (Nov 2026), lowest 10,200 (Jan 2026)."));
  g_assert_nonnull (strstr (text, "2026-05-01  12,600\n"));
  g_assert_nonnull (strstr (text, "Engagement rate: 12 points"));
  g_assert_nonnull (strstr (text, "highest 4.70% (Sep 2026)"));
  g_assert_nonnull (strstr (text, "2026-09-01  4.70%\n"));

  /* A long series is sampled, keeping the first and the last point. */
  {
    g_autoptr (KocChartLine) daily = koc_chart_line_new ();
    g_autofree char *d = NULL;
    guint lines = 0;

    koc_chart_line_add_series (daily, "Followers", KOC_CHART_VALUE_COUNT, KOC_CHART_AXIS_LEFT);
    for (int i = 0; i < 365; i++)
      koc_chart_line_add_point (daily, 0, T0 + i * DAY, 1000 + i);
    d = koc_chart_line_describe (daily);
    for (const char *p = d; *p; p++)
      lines += *p == '\n';
    g_assert_cmpuint (lines, <=, 30);
    g_assert_nonnull (strstr (d, "2026-01-01  1,000\n"));
    g_assert_nonnull (strstr (d, "2026-12-31  1,364\n"));
  }
}

/* The same chart on vector surfaces: PDF and SVG files with content. */
static void
test_vector_surfaces (void)
{
  g_autoptr (KocChartLine) chart = followers_chart (TRUE);
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  KocChartStyle style;
  cairo_surface_t *surfaces[2];
  GStatBuf st;

  koc_chart_style_init (&style, FALSE);
  surfaces[0] = cairo_pdf_surface_create (pdf, W, H);
  surfaces[1] = cairo_svg_surface_create (svg, W, H);
  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr = cairo_create (surfaces[i]);

      koc_chart_line_render (chart, cr, &style, W, H);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surfaces[i]);
      g_assert_cmpint (cairo_surface_status (surfaces[i]), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surfaces[i]);
    }
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_assert_cmpint (g_stat (svg, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  koc_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/line/axis-and-points", test_axis_and_points);
  g_test_add_func ("/charts/line/hit-test", test_hit_test);
  g_test_add_func ("/charts/line/dual-axis", test_dual_axis);
  g_test_add_func ("/charts/line/normalised", test_normalised);
  g_test_add_func ("/charts/line/light-dark-hidpi", test_light_dark_hidpi);
  g_test_add_func ("/charts/line/degenerate", test_degenerate);
  g_test_add_func ("/charts/line/unsorted-and-days", test_unsorted_and_days);
  g_test_add_func ("/charts/line/describe", test_describe);
  g_test_add_func ("/charts/line/vector-surfaces", test_vector_surfaces);

  return g_test_run ();
}
