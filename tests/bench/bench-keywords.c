/* bench-keywords.c: the keyword cloud from aggregates vs a full rescan, and the keyword
 * extractor's throughput on the real corpus.
 *
 *   bench-keywords DB [CORPUS_DIR] [--runs N]
 *
 * 1. The catch-up (koc_keyword_store_refresh()) of DB, timed once (stderr only: a
 *    demo workspace is made without aggregates, so this is the one-off cost of adopting
 *    a workspace; later catch-ups read only new posts).
 * 2. keywords-cloud: the top 100 keywords (count, TF-IDF, trend) of the brand with the
 *    most mentions over the 12 months before the newest post — ours from keyword_days
 *    (koc_keyword_store_top()), baseline the same keywords from the posts themselves
 *    (koc_keyword_store_top_rescan(): the brand's posts through post_mentions, each one
 *    segmented again). Both lists are checked to be equal. Medians of N runs.
 * 3. keywords-extract: MB/s of koc_keyword_extractor_run() over every row of the corpus
 *    files, against the search tokenizer (koc_tokenizer_run(), bigrams, no dictionary)
 *    over the same text in the same run.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koc-csv.h"
#include "koc-db.h"
#include "koc-keyword-store.h"
#include "koc-tokenize.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
figure (const char *name,
        double      ratio,
        double      ours,
        double      baseline,
        const char *unit,
        double      goal)
{
  printf ("bench %s: %.2fx (ours %.3g %s, baseline %.3g %s, goal >= %gx)\n",
          name, ratio, ours, unit, baseline, unit, goal);
}

static void
bench_cloud (sqlite3 *db,
             guint    runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree double *ours = g_new0 (double, runs);
  g_autofree double *base = g_new0 (double, runs);
  KocKeywordQuery query = { 0 };
  gint64 n_processed = 0, newest = 0, started;
  sqlite3_stmt *stmt = NULL;
  double ours_ms, base_ms;

  started = g_get_monotonic_time ();
  if (!koc_keyword_store_refresh (db, NULL, &n_processed, &error))
    g_error ("refresh: %s", error->message);
  fprintf (stderr, "bench-keywords: catch-up of %lld posts took %.2f s\n",
           (long long) n_processed, (g_get_monotonic_time () - started) / 1e6);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT brand_id, count(*) FROM post_mentions"
                                       " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    query.brand_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  koc_db_query_int64 (db, "SELECT max (published_at) FROM posts", 0, &newest, NULL);
  query.to = newest;
  query.from = newest - 365 * G_GINT64_CONSTANT (86400) + 86400;
  query.limit = 100;

  for (guint r = 0; r < runs + 1; r++)
    {
      g_autoptr(GPtrArray) a = NULL, b = NULL;
      gint64 na = 0, nb = 0, t0, t1, t2;

      t0 = g_get_monotonic_time ();
      a = koc_keyword_store_top (db, &query, &na, &error);
      t1 = g_get_monotonic_time ();
      b = koc_keyword_store_top_rescan (db, &query, &nb, NULL, &error);
      t2 = g_get_monotonic_time ();
      g_assert_no_error (error);
      g_assert_cmpint (na, ==, nb);
      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        {
          g_assert_cmpstr (((KocKeyword *) g_ptr_array_index (a, i))->keyword, ==,
                           ((KocKeyword *) g_ptr_array_index (b, i))->keyword);
          g_assert_cmpint (((KocKeyword *) g_ptr_array_index (a, i))->count, ==,
                           ((KocKeyword *) g_ptr_array_index (b, i))->count);
        }
      if (r == 0)
        {
          fprintf (stderr, "bench-keywords: brand %lld, %lld posts in 12 months, %u keywords\n",
                   (long long) query.brand_id, (long long) na, a->len);
          continue; /* warm-up */
        }
      ours[r - 1] = (t1 - t0) / 1e3;
      base[r - 1] = (t2 - t1) / 1e3;
    }
  ours_ms = median (ours, runs);
  base_ms = median (base, runs);
  figure ("keywords-cloud", base_ms / ours_ms, ours_ms, base_ms, "ms", 10);
}

static gboolean
count_token (const KocToken *token,
             gpointer        user_data)
{
  (*(guint64 *) user_data)++;
  return TRUE;
}

static void
count_piece (const KocKeywordPiece *piece,
             gpointer               user_data)
{
  (*(guint64 *) user_data)++;
}

static void
bench_extract (const char *corpus_dir)
{
  static const struct { const char *name; const char *charset; guint column; } files[] = {
    { "weibo_senti_100k_subset2400.csv", "UTF-8", 1 },
    { "covid19_weibo_labeled_21173.csv", "UTF-8", 0 },
    { "covid19_weibo_unlabeled_0301_gb18030.csv", "GB18030", 1 },
    { "apple_twitter_sentiment_dfe_cp1252.csv", "CP1252", 11 },
  };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KocKeywordExtractor) ex = koc_keyword_extractor_new (NULL);
  g_autoptr(KocTokenizer) tok = koc_tokenizer_new (NULL);
  double bytes = 0, best_ours = 0, best_base = 0;
  guint64 n = 0;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_build_filename (corpus_dir, files[f].name, NULL);
      KocCsvOptions options = { files[f].charset, ',', 0 };
      g_autoptr(KocCsvReader) reader = koc_csv_reader_new_for_path (path, &options, NULL);
      const char * const *cells;
      guint n_cells;

      if (reader == NULL)
        {
          fprintf (stderr, "bench-keywords: %s not found, no extractor figure\n", path);
          return;
        }
      koc_csv_reader_next (reader, &n_cells);
      while ((cells = koc_csv_reader_next (reader, &n_cells)) != NULL)
        if (files[f].column < n_cells)
          {
            g_ptr_array_add (texts, g_strdup (cells[files[f].column]));
            bytes += strlen (cells[files[f].column]);
          }
    }

  /* Best of 3 passes each, interleaved. */
  for (guint r = 0; r < 3; r++)
    {
      gint64 t0 = g_get_monotonic_time (), t1, t2;

      for (guint i = 0; i < texts->len; i++)
        koc_keyword_extractor_run (ex, g_ptr_array_index (texts, i), -1, count_piece, &n);
      t1 = g_get_monotonic_time ();
      for (guint i = 0; i < texts->len; i++)
        koc_tokenizer_run (tok, g_ptr_array_index (texts, i), -1, KOC_TOKENIZE_DOCUMENT, count_token, &n);
      t2 = g_get_monotonic_time ();
      best_ours = MAX (best_ours, bytes / 1048576.0 / ((t1 - t0) / 1e6));
      best_base = MAX (best_base, bytes / 1048576.0 / ((t2 - t1) / 1e6));
    }
  fprintf (stderr, "bench-keywords: %u corpus rows, %.1f MB\n", texts->len, bytes / 1048576.0);
  /* The extractor does more than the search tokenizer (ICU's dictionary on every Han
   * run, the lexicon, normalization of whole segments): the goal is a floor. */
  figure ("keywords-extract", best_ours / best_base, best_ours, best_base, "MB/s", 0.1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *corpus_dir = NULL;
  sqlite3 *db;
  int runs = 5;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per figure", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DB [CORPUS_DIR]");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-keywords DB [CORPUS_DIR] [--runs N]\n");
      return 2;
    }
  corpus_dir = argc > 2 ? argv[2] : NULL;

  db = koc_db_open (argv[1], KOC_STORE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      fprintf (stderr, "bench-keywords: %s\n", error->message);
      return 1;
    }
  bench_cloud (db, (guint) runs);
  koc_db_close (db);

  if (corpus_dir != NULL)
    bench_extract (corpus_dir);
  return 0;
}
