/* test-number.c: numbers as people write them, table-driven.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "koc-number.h"

static const struct
{
  const char     *text;
  KocNumberResult result;
  double          value;
} cases[] = {
  { "0", KOC_NUMBER_VALUE, 0 },
  { "1234", KOC_NUMBER_VALUE, 1234 },
  { "1,234", KOC_NUMBER_VALUE, 1234 },
  { "1,234,567.5", KOC_NUMBER_VALUE, 1234567.5 },
  { "  42 ", KOC_NUMBER_VALUE, 42 },
  { "-7", KOC_NUMBER_VALUE, -7 },
  { "+7", KOC_NUMBER_VALUE, 7 },
  { "3.3k", KOC_NUMBER_VALUE, 3300 },
  { "3.3K", KOC_NUMBER_VALUE, 3300 },
  { "1.2M", KOC_NUMBER_VALUE, 1200000 },
  { "475.8m", KOC_NUMBER_VALUE, 475800000 },
  { "2b", KOC_NUMBER_VALUE, 2e9 },
  { "1.5bn", KOC_NUMBER_VALUE, 1.5e9 },
  { "1.2万", KOC_NUMBER_VALUE, 12000 },
  { "10w+", KOC_NUMBER_VALUE, 100000 },
  { "3亿", KOC_NUMBER_VALUE, 3e8 },
  { "5千", KOC_NUMBER_VALUE, 5000 },
  { "2百万", KOC_NUMBER_VALUE, 2e6 },
  { "1.39%", KOC_NUMBER_VALUE, 0.0139 },
  { "12 %", KOC_NUMBER_VALUE, 0.12 },
  { "１２３", KOC_NUMBER_VALUE, 123 },
  { "１．５万", KOC_NUMBER_VALUE, 15000 },
  { "３５％", KOC_NUMBER_VALUE, 0.35 },
  { "1 234", KOC_NUMBER_VALUE, 1234 },
  { "1,5", KOC_NUMBER_VALUE, 1.5 },
  { "5.40E+17", KOC_NUMBER_VALUE, 5.4e17 },
  { ".5", KOC_NUMBER_VALUE, 0.5 },
  { "", KOC_NUMBER_MISSING, 0 },
  { "   ", KOC_NUMBER_MISSING, 0 },
  { "N/A", KOC_NUMBER_MISSING, 0 },
  { "n/a", KOC_NUMBER_MISSING, 0 },
  { "NaN", KOC_NUMBER_MISSING, 0 },
  { "NaN%", KOC_NUMBER_MISSING, 0 },
  { "#N/A", KOC_NUMBER_MISSING, 0 },
  { "-", KOC_NUMBER_MISSING, 0 },
  { "—", KOC_NUMBER_MISSING, 0 },
  { "无", KOC_NUMBER_MISSING, 0 },
  { "暂无", KOC_NUMBER_MISSING, 0 },
  { "abc", KOC_NUMBER_INVALID, 0 },
  { "12abc", KOC_NUMBER_INVALID, 0 },
  { "1.2.3", KOC_NUMBER_INVALID, 0 },
  { "1,23,456", KOC_NUMBER_INVALID, 0 },
  { "3kk", KOC_NUMBER_INVALID, 0 },
  { "%", KOC_NUMBER_INVALID, 0 },
  { "k", KOC_NUMBER_INVALID, 0 },
  { "1e999", KOC_NUMBER_INVALID, 0 },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -1;
      KocNumberResult result = koc_number_parse (cases[i].text, &value, &error);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (result, ==, cases[i].result);
      if (result == KOC_NUMBER_VALUE)
        {
          g_assert_no_error (error);
          g_assert_cmpfloat_with_epsilon (value, cases[i].value, fabs (cases[i].value) * 1e-12 + 1e-12);
        }
      else if (result == KOC_NUMBER_MISSING)
        {
          g_assert_no_error (error);
          g_assert_cmpfloat (value, ==, 0);
        }
      else
        {
          g_assert_error (error, KOC_NUMBER_ERROR, KOC_NUMBER_ERROR_INVALID);
          /* The message quotes the input and says how to write it. */
          g_assert_nonnull (strstr (error->message, cases[i].text));
          g_assert_nonnull (strstr (error->message, "1.2万"));
        }
    }
}

static void
test_error_says_what (void)
{
  g_autoptr(GError) error = NULL;
  double value;

  g_assert_cmpint (koc_number_parse ("12abc", &value, &error), ==, KOC_NUMBER_INVALID);
  g_assert_nonnull (strstr (error->message, "“abc”"));
}

/* Bytes that are not UTF-8 (what tests/fuzz/fuzz-number.c found): refused, with a
 * message that is valid UTF-8 itself, and without reading past the end. */
static void
test_invalid_utf8 (void)
{
  static const char * const inputs[] = { "\xff\xe4\xbf;~3\xdf", "1l21,2\xd3" "4", "12\xe4", "\xc3" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 1;

      g_assert_cmpint (koc_number_parse (inputs[i], &value, &error), ==, KOC_NUMBER_INVALID);
      g_assert_error (error, KOC_NUMBER_ERROR, KOC_NUMBER_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpfloat (value, ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/number/table", test_table);
  g_test_add_func ("/koc/number/error-says-what", test_error_says_what);
  g_test_add_func ("/koc/number/invalid-utf8", test_invalid_utf8);
  return g_test_run ();
}
