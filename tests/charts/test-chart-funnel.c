/* test-chart-funnel.c: the campaign funnel's bars by geometry and pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "koc-chart-funnel.h"

static void
test_bars (void)
{
  const char *labels[] = { "Shortlisted", "Contacted", "已寄样", "Posted" };
  const gint64 values[] = { 40, 30, 10, 0 };
  KocFunnelBar bars[4];
  KocChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 200);
  cairo_t *cr = cairo_create (surface);
  const KocChartColor *series;
  const guint8 *data;
  int stride;

  koc_chart_style_init (&style, FALSE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  koc_chart_funnel_draw (cr, &style, labels, values, 4, 600, 200, bars);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Widths in proportion to the first stage, centred on the same axis. */
  g_assert_cmpfloat_with_epsilon (bars[1].width / bars[0].width, 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (bars[2].width / bars[0].width, 0.25, 1e-9);
  g_assert_cmpfloat (bars[3].width, ==, 0);
  for (guint i = 1; i < 4; i++)
    {
      g_assert_cmpfloat_with_epsilon (bars[i].x + bars[i].width / 2, bars[0].x + bars[0].width / 2, 1e-9);
      g_assert_cmpfloat (bars[i].y, >, bars[i - 1].y + bars[i - 1].height);
    }

  /* The bar colour at each bar's edges, the background just outside. */
  series = koc_chart_style_series (&style, 0);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (guint i = 0; i < 3; i++)
    {
      int y = (int)(bars[i].y + 2);
      int left = (int)ceil (bars[i].x) + 1, right = (int)floor (bars[i].x + bars[i].width) - 2;
      guint32 inside = *(const guint32 *)(data + y * stride + left * 4);
      guint32 inside_right = *(const guint32 *)(data + y * stride + right * 4);
      guint32 outside = *(const guint32 *)(data + y * stride + ((int)bars[i].x - 3) * 4);

      g_assert_cmpint ((inside >> 16) & 0xff, ==, (int)round (series->red * 255));
      g_assert_cmpint ((inside >> 8) & 0xff, ==, (int)round (series->green * 255));
      g_assert_cmpuint (inside & 0xffffff, ==, inside_right & 0xffffff);
      g_assert_cmpuint (outside & 0xffffff, ==, 0xffffff);
    }
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/charts/funnel/bars", test_bars);
  return g_test_run ();
}
