/* test-csv-corpus.c: the four real files of ../shared/corpus (see its README).
 *
 * Each must be read with the right encoding, the documented number of data rows, no
 * problem, and the quoted line breaks intact. The throughput is printed (never
 * asserted).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-csv.h"
#include "koc-test-utils.h"

typedef struct
{
  const char *file;
  const char *encoding;
  gboolean    bom;
  guint       columns;
  guint64     rows;
  guint       cells_with_lf;   /* counted independently with Python's csv module */
  guint       cells_with_cr;
  guint64     lf_record;       /* a record holding a quoted LF (0: none) */
  guint       lf_column;
  const char *lf_text;         /* text around that LF */
} CorpusFile;

static const CorpusFile files[] = {
  { "weibo_senti_100k_subset2400.csv", "UTF-8", FALSE, 2, 2400, 0, 0, 0, 0, NULL },
  { "covid19_weibo_labeled_21173.csv", "UTF-8", TRUE, 2, 21173, 0, 0, 0, 0, NULL },
  { "covid19_weibo_unlabeled_0301_gb18030.csv", "GB18030", FALSE, 2, 11254, 1, 0, 7182, 1,
    "锁定O今天下午16:00\n财务的风险种类" },
  { "apple_twitter_sentiment_dfe_cp1252.csv", "WINDOWS-1252", FALSE, 12, 3886, 465, 419, 2, 10,
    "3\nnot_relevant" },
};

static void
test_corpus_file (gconstpointer data)
{
  const CorpusFile *expected = data;
  g_autofree char *path = koc_test_corpus_file (expected->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCsvReader) reader = NULL;
  const char * const *cells;
  guint64 rows = 0, bytes;
  guint with_lf = 0, with_cr = 0, n;
  gboolean lf_found = expected->lf_record == 0;
  gint64 start;
  double seconds;

  if (path == NULL)
    return;

  start = g_get_monotonic_time ();
  reader = koc_csv_reader_new_for_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koc_csv_reader_get_encoding (reader), ==, expected->encoding);
  g_assert_cmpint (koc_csv_reader_get_has_bom (reader), ==, expected->bom);
  g_assert_cmpint (koc_csv_reader_get_delimiter (reader), ==, ',');

  while ((cells = koc_csv_reader_next (reader, &n)) != NULL)
    {
      g_assert_cmpuint (n, ==, expected->columns);
      if (koc_csv_reader_get_record (reader) == 1)
        continue;
      rows++;
      for (guint c = 0; c < n; c++)
        {
          g_assert_true (g_utf8_validate (cells[c], -1, NULL));
          with_lf += strchr (cells[c], '\n') != NULL;
          with_cr += strchr (cells[c], '\r') != NULL;
        }
      if (koc_csv_reader_get_record (reader) == expected->lf_record)
        {
          g_assert_nonnull (strstr (cells[expected->lf_column], expected->lf_text));
          lf_found = TRUE;
        }
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  bytes = koc_csv_reader_get_size (reader);

  g_assert_cmpuint (rows, ==, expected->rows);
  g_assert_cmpuint (with_lf, ==, expected->cells_with_lf);
  g_assert_cmpuint (with_cr, ==, expected->cells_with_cr);
  g_assert_true (lf_found);
  g_assert_cmpuint (koc_csv_reader_get_n_problems (reader), ==, 0);
  g_test_message ("%s: %" G_GUINT64_FORMAT " rows, %.1f MB/s", expected->file, rows,
                  bytes / 1e6 / MAX (seconds, 1e-6));
}

/* weibo_senti: a U+FEFF sits inside the first review of row 1 and of row 1201, where
 * two files were joined; it is data and is kept. */
static void
test_bom_inside_field (void)
{
  g_autofree char *path = koc_test_corpus_file ("weibo_senti_100k_subset2400.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCsvReader) reader = NULL;
  const char * const *cells;
  GArray *with_bom = g_array_new (FALSE, FALSE, sizeof (guint64));

  if (path == NULL)
    {
      g_array_unref (with_bom);
      return;
    }
  reader = koc_csv_reader_new_for_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (koc_csv_reader_get_has_bom (reader));
  while ((cells = koc_csv_reader_next (reader, NULL)) != NULL)
    if (strstr (cells[1], "\xEF\xBB\xBF") != NULL)
      {
        guint64 record = koc_csv_reader_get_record (reader);

        g_array_append_val (with_bom, record);
      }
  g_assert_cmpuint (with_bom->len, ==, 2);
  g_assert_cmpuint (g_array_index (with_bom, guint64, 0), ==, 2);
  g_assert_cmpuint (g_array_index (with_bom, guint64, 1), ==, 1202);
  g_array_unref (with_bom);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/koc/csv-corpus/%s", files[i].file);

      g_test_add_data_func (name, &files[i], test_corpus_file);
    }
  g_test_add_func ("/koc/csv-corpus/bom-inside-field", test_bom_inside_field);

  return g_test_run ();
}
