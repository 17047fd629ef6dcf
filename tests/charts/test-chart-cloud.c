/* test-chart-cloud.c: the keyword cloud — deterministic layout, no overlapping words,
 * nothing dropped silently, hit tests, colours by trend, text alternative, exports.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "koc-chart-cloud.h"

static const char * const vocabulary[] = {
  "面膜", "种草", "小红书", "好物", "平替", "精华", "防晒", "口红", "粉底液", "测评", "回购",
  "安利", "拔草", "开箱", "咖啡", "拿铁", "#小红书好物#", "sunscreen", "cold brew", "敏感肌",
  "烟酰胺", "玻色因", "持妆", "搓泥", "生椰拿铁", "冰美式", "降噪耳机", "续航", "性价比",
  "学生党", "闭眼入", "踩雷", "姐妹们", "skincare", "#好物分享#", "空瓶记", "氛围感", "露可",
  "栗山咖啡", "星屿",
};

static KocChartCloud *
make_cloud (guint n)
{
  g_autofree KocCloudWord *words = g_new0 (KocCloudWord, n);

  for (guint i = 0; i < n; i++)
    {
      words[i].text = vocabulary[i % G_N_ELEMENTS (vocabulary)];
      words[i].weight = 1000.0 / (i + 1);
      words[i].count = 1000 / (i + 1);
      words[i].trend = i % 5 == 1 ? 1.5 : i % 5 == 3 ? -1.5 : 0;
    }
  return koc_chart_cloud_new (words, n);
}

static void
assert_no_overlap (KocChartCloud *cloud,
                   double         width,
                   double         height)
{
  guint n = koc_chart_cloud_get_n_words (cloud);

  for (guint i = 0; i < n; i++)
    {
      const KocCloudItem *a = koc_chart_cloud_get_word (cloud, i);

      if (!a->placed)
        continue;
      g_assert_cmpfloat (a->width, >, 0);
      g_assert_cmpfloat (a->height, >, 0);
      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, width);
      g_assert_cmpfloat (a->y + a->height, <=, height);
      for (guint j = i + 1; j < n; j++)
        {
          const KocCloudItem *b = koc_chart_cloud_get_word (cloud, j);

          if (!b->placed)
            continue;
          g_assert_false (a->x < b->x + b->width && b->x < a->x + a->width &&
                          a->y < b->y + b->height && b->y < a->y + a->height);
        }
    }
}

static void
assert_nothing_dropped (KocChartCloud *cloud,
                        guint          n_input)
{
  GPtrArray *overflow = koc_chart_cloud_get_overflow (cloud);

  g_assert_cmpuint (koc_chart_cloud_get_n_words (cloud), ==, n_input);
  g_assert_cmpuint (koc_chart_cloud_get_n_placed (cloud) + overflow->len, ==, n_input);
  for (guint i = 0; i < overflow->len; i++)
    g_assert_false (((KocCloudItem *) g_ptr_array_index (overflow, i))->placed);
}

static void
test_layout (void)
{
  KocChartStyle style;
  g_autoptr(KocChartCloud) a = make_cloud (40);
  g_autoptr(KocChartCloud) b = make_cloud (40);
  const KocCloudItem *first;

  koc_chart_style_init (&style, FALSE);
  koc_chart_cloud_layout (a, &style, 640, 360);
  koc_chart_cloud_layout (b, &style, 640, 360);

  /* Everything fits at this size, the heaviest word is biggest and near the centre. */
  g_assert_cmpuint (koc_chart_cloud_get_n_placed (a), ==, 40);
  assert_nothing_dropped (a, 40);
  assert_no_overlap (a, 640, 360);
  first = koc_chart_cloud_get_word (a, 0);
  g_assert_cmpstr (first->text, ==, "面膜");
  g_assert_cmpfloat (fabs (first->x + first->width / 2 - 320), <, 20);
  g_assert_cmpfloat (fabs (first->y + first->height / 2 - 180), <, 20);
  for (guint i = 1; i < 40; i++)
    g_assert_cmpfloat (koc_chart_cloud_get_word (a, i)->font_px, <=, first->font_px);

  /* Deterministic, byte for byte: same words, same rectangles. */
  for (guint i = 0; i < 40; i++)
    {
      const KocCloudItem *x = koc_chart_cloud_get_word (a, i);
      const KocCloudItem *y = koc_chart_cloud_get_word (b, i);
      double rx[5] = { x->x, x->y, x->width, x->height, x->font_px };
      double ry[5] = { y->x, y->y, y->width, y->height, y->font_px };

      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpmem (rx, sizeof rx, ry, sizeof ry);
    }

  /* Laying out again on the same object gives the same picture too. */
  koc_chart_cloud_layout (a, &style, 640, 360);
  for (guint i = 0; i < 40; i++)
    g_assert_cmpfloat (koc_chart_cloud_get_word (a, i)->x, ==, koc_chart_cloud_get_word (b, i)->x);
}

static void
test_overflow (void)
{
  KocChartStyle style;
  g_autoptr(KocChartCloud) cloud = make_cloud (200);
  g_autofree char *text = NULL;
  GPtrArray *overflow;

  koc_chart_style_init (&style, FALSE);
  /* 200 words cannot fit into a stamp: the rest is listed, never silently lost. */
  koc_chart_cloud_layout (cloud, &style, 160, 90);
  overflow = koc_chart_cloud_get_overflow (cloud);
  g_assert_cmpuint (overflow->len, >, 0);
  g_assert_cmpuint (koc_chart_cloud_get_n_placed (cloud), >, 0);
  assert_nothing_dropped (cloud, 200);
  assert_no_overlap (cloud, 160, 90);
  /* Words only leave the cloud after the heavier ones found room or left too. */
  text = koc_chart_cloud_describe (cloud);
  g_assert_nonnull (strstr (text, "Not shown"));
  g_assert_nonnull (strstr (text, ((KocCloudItem *) g_ptr_array_index (overflow, 0))->text));
  g_assert_nonnull (strstr (text, "200 words"));
}

static void
test_hit_and_draw (void)
{
  KocChartStyle style;
  g_autoptr(KocChartCloud) cloud = make_cloud (20);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  const KocCloudItem *rising = NULL;
  g_autofree char *text = NULL;
  guint32 *px;
  int stride;
  guint n_green = 0;

  koc_chart_style_init (&style, FALSE);
  koc_chart_cloud_layout (cloud, &style, 400, 300);
  for (guint i = 0; i < 20; i++)
    {
      const KocCloudItem *item = koc_chart_cloud_get_word (cloud, i);

      g_assert_true (item->placed);
      g_assert_cmpint (koc_chart_cloud_hit_test (cloud, item->x + item->width / 2,
                                                 item->y + item->height / 2), ==, (int) i);
      if (item->trend > 1 && rising == NULL)
        rising = item;
    }
  g_assert_cmpint (koc_chart_cloud_hit_test (cloud, -5, -5), ==, -1);
  g_assert_nonnull (rising);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  koc_chart_cloud_draw (cloud, cr, &style, KOC_CLOUD_COLOR_TREND, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The rising word is drawn in the style's positive colour. */
  px = (guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = (int) rising->y; y < (int) (rising->y + rising->height); y++)
    for (int x = (int) rising->x; x < (int) (rising->x + rising->width); x++)
      {
        guint32 p = px[y * stride + x];
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        if (fabs (r - style.positive.red * 255) < 40 && fabs (g - style.positive.green * 255) < 40 &&
            fabs (b - style.positive.blue * 255) < 40 && (r + g + b) < 600)
          n_green++;
      }
  g_assert_cmpuint (n_green, >, 10);
  cairo_surface_destroy (surface);

  text = koc_chart_cloud_describe (cloud);
  g_assert_nonnull (strstr (text, "20 words"));
  g_assert_nonnull (strstr (text, "面膜 (1000 posts)"));
  g_assert_nonnull (strstr (text, "rising"));
}

static void
test_empty_and_export (void)
{
  KocChartStyle style;
  g_autoptr(KocChartCloud) empty = koc_chart_cloud_new (NULL, 0);
  g_autoptr(KocChartCloud) cloud = make_cloud (30);
  g_autofree char *dir = g_dir_make_tmp ("cloud-XXXXXX", NULL);
  g_autofree char *text = NULL;
  const char *names[] = { "cloud.png", "cloud.svg", "cloud.pdf" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };

  koc_chart_style_init (&style, TRUE);
  koc_chart_cloud_layout (empty, &style, 300, 200);
  g_assert_cmpuint (koc_chart_cloud_get_n_placed (empty), ==, 0);
  g_assert_cmpint (koc_chart_cloud_hit_test (empty, 10, 10), ==, -1);
  text = koc_chart_cloud_describe (empty);
  g_assert_nonnull (strstr (text, "no keywords"));

  for (guint f = 0; f < 3; f++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (dir, names[f], NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (koc_chart_cloud_export (cloud, &style, KOC_CLOUD_COLOR_TREND, (KocChartExportFormat) f,
                                             path, 600, 400, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 500);
      g_assert_true (memcmp (contents, magic[f], strlen (magic[f])) == 0);
      g_unlink (path);
    }
  g_rmdir (dir);

  /* An unwritable path is an error, not a crash. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (koc_chart_cloud_export (cloud, &style, KOC_CLOUD_COLOR_TREND, KOC_CHART_EXPORT_PNG,
                                            "/nonexistent-dir/cloud.png", 100, 100, &error));
    g_assert_nonnull (error);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-cloud/layout", test_layout);
  g_test_add_func ("/chart-cloud/overflow", test_overflow);
  g_test_add_func ("/chart-cloud/hit-and-draw", test_hit_and_draw);
  g_test_add_func ("/chart-cloud/empty-and-export", test_empty_and_export);

  return g_test_run ();
}
