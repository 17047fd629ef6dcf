/* test-csv-random.c: a few thousand deterministic random inputs through the reader.
 *
 * Random bytes, biased towards what matters to a CSV parser (quotes, delimiters, CR,
 * LF, NUL, high bytes, BOMs), with every encoding option. The reader must never crash,
 * must return valid UTF-8 cells, and every problem must say what is wrong and where.
 * The libFuzzer target tests/fuzz/fuzz-csv.c does the same without end.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-csv.h"

#define N_INPUTS 4000

static const guint8 interesting[] = {
  '"', '"', ',', ';', '\t', '\r', '\n', 0, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x81, 0xE9, 0xA1,
  'a', '1', ' ',
};

static void
test_random_inputs (void)
{
  static const char *encodings[] = { NULL, "UTF-8", "GB18030", "WINDOWS-1252", "UTF-16LE", "UTF-16BE", "UTF-16" };
  static const char delimiters[] = { 0, ',', ';', '\t' };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);
  guint64 total_records = 0, total_problems = 0;

  for (guint i = 0; i < N_INPUTS; i++)
    {
      guint len = g_rand_int_range (rand, 0, 400);
      g_autofree guint8 *data = g_malloc (len + 1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(KocCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      KocCsvOptions options = { encodings[i % G_N_ELEMENTS (encodings)],
                                delimiters[(i / 7) % G_N_ELEMENTS (delimiters)], 0 };
      const char * const *cells;
      GPtrArray *problems;
      guint64 records = 0;
      guint n;

      for (guint b = 0; b < len; b++)
        data[b] = g_rand_boolean (rand) ? interesting[g_rand_int_range (rand, 0, G_N_ELEMENTS (interesting))]
                                        : (guint8) g_rand_int_range (rand, 0, 256);
      bytes = g_bytes_new (data, len);

      reader = koc_csv_reader_new_for_bytes (bytes, &options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (reader);

      while ((cells = koc_csv_reader_next (reader, &n)) != NULL)
        {
          g_assert_cmpuint (n, >=, 1);
          g_assert_null (cells[n]);
          for (guint c = 0; c < n; c++)
            g_assert_true (g_utf8_validate (cells[c], -1, NULL));
          records++;
        }
      /* Every record starts on its own line end (or at the start), at least one byte each. */
      g_assert_cmpuint (records, <=, len / 1 + 1);
      g_assert_cmpuint (koc_csv_reader_get_position (reader), ==, koc_csv_reader_get_size (reader));

      problems = koc_csv_reader_get_problems (reader);
      g_assert_cmpuint (problems->len, ==, koc_csv_reader_get_n_problems (reader));
      for (guint p = 0; p < problems->len; p++)
        {
          KocCsvProblem *problem = g_ptr_array_index (problems, p);

          g_assert_nonnull (problem->message);
          g_assert_true (g_utf8_validate (problem->message, -1, NULL));
          g_assert_cmpuint (problem->offset, <=, len);
        }
      total_records += records;
      total_problems += problems->len;
    }
  g_test_message ("%u inputs: %" G_GUINT64_FORMAT " records, %" G_GUINT64_FORMAT " problems",
                  N_INPUTS, total_records, total_problems);
  /* The inputs really exercised both paths. */
  g_assert_cmpuint (total_records, >, N_INPUTS);
  g_assert_cmpuint (total_problems, >, 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/csv-random/never-crashes", test_random_inputs);
  return g_test_run ();
}
