/* test-discover-format.c: how Discover writes numbers, percentages, dates and names
 * (headless: the formatting is GTK-free). Runs in the C.UTF-8 locale of the test
 * environment, so there are no thousands separators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-discover-format.h"

#define DAY (24 * 60 * 60)

static void
assert_count (gint64      count,
              const char *expected)
{
  g_autofree char *text = koc_format_count (count);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_count_thousands (void)
{
  koc_format_set_myriads (0);
  assert_count (0, "0");
  assert_count (999, "999");
  assert_count (1000, "1k");
  assert_count (12345, "12.3k");
  assert_count (99940, "99.9k");
  assert_count (123456, "123k");
  assert_count (999999, "1M");
  assert_count (1234567, "1.2M");
  assert_count (G_GINT64_CONSTANT (2500000000), "2.5B");
  assert_count (-1, "—");
  koc_format_set_myriads (-1);
}

static void
test_count_myriads (void)
{
  koc_format_set_myriads (1);
  assert_count (9999, "9999");
  assert_count (10000, "1万");
  assert_count (12345, "1.2万");
  assert_count (100000, "10万");
  assert_count (1234567, "123万");
  assert_count (123456789, "1.2亿");
  koc_format_set_myriads (-1);
}

static void
test_percent_and_score (void)
{
  g_autofree char *percent = koc_format_percent (0.0523);
  g_autofree char *unknown = koc_format_percent (-1);
  g_autofree char *score = koc_format_score (72.4);
  g_autofree char *unscored = koc_format_score (-1);

  g_assert_cmpstr (percent, ==, "5.2%");
  g_assert_cmpstr (unknown, ==, "—");
  g_assert_cmpstr (score, ==, "72");
  g_assert_cmpstr (unscored, ==, "—");
}

static void
test_relative_time (void)
{
  const gint64 now = 1793491200;
  static const struct { gint64 ago; const char *text; } cases[] = {
    { 60, "Today" },
    { DAY + 60, "Yesterday" },
    { 3 * DAY, "3 days ago" },
    { 20 * DAY, "2 weeks ago" },
    { 90 * DAY, "3 months ago" },
    { 400 * DAY, "1 year ago" },
    { -5 * DAY, "Today" },        /* clocks disagree: never "in the future" */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = koc_format_relative_time (now - cases[i].ago, now);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *never = koc_format_relative_time (0, now);
    g_assert_cmpstr (never, ==, "—");
  }
}

static void
test_names (void)
{
  g_assert_cmpstr (koc_format_platform_name ("xiaohongshu"), ==, "Xiaohongshu");
  g_assert_cmpstr (koc_format_platform_name ("myspace"), ==, "myspace");
  g_assert_cmpstr (koc_format_stage_name ("advocate"), ==, "Advocate");
  g_assert_cmpstr (koc_format_tier_name ("mid"), ==, "Mid-tier");
  g_assert_cmpstr (koc_format_category_name ("beauty"), ==, "Beauty");
  g_assert_cmpstr (koc_format_category_name (NULL), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/koc/app/discover-format/count-thousands", test_count_thousands);
  g_test_add_func ("/koc/app/discover-format/count-myriads", test_count_myriads);
  g_test_add_func ("/koc/app/discover-format/percent-and-score", test_percent_and_score);
  g_test_add_func ("/koc/app/discover-format/relative-time", test_relative_time);
  g_test_add_func ("/koc/app/discover-format/names", test_names);

  return g_test_run ();
}
