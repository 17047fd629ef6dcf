/* bench-query.c: Discover query latency — through KocStore vs the same SQL in a bare
 * loop, and vs a LIKE full scan for the text part.
 *
 *   kocdesk-cli demo --scale 10 --out /tmp/demo.db      # 100k accounts, 2M posts
 *   bench-query /tmp/demo.db [--runs 20] [--like-runs 3]
 *
 * For each of the 20 queries below, each run times (interleaved, after one warm-up):
 *   ours  koc_store_search_async() / _posts_async() → callback, waited on a main loop
 *         (worker thread hop, SQL building, snippets, result structs);
 *   bare  the very same statement (koc_search_sql_*()) prepared, bound and stepped on a
 *         second read-only connection in a plain C loop, reading every column;
 *   like  for text queries: the naive plan, a full scan of posts with
 *         `text LIKE '%term%'` grouped by account (fewer runs: it is slow).
 * Timings of all queries are pooled for p50/p95. Per-query figures go to stderr; the
 * summary lines on stdout follow tests/bench/meson.build's format.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koc-db.h"
#include "koc-fts.h"
#include "koc-store.h"
#include "bench-queries.h"

#define GOAL_OVERHEAD  1.3
#define GOAL_VS_LIKE   20.0
#define GOAL_ABS_MS    50.0

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* One search through the store, waited on the main loop. Returns ms; *n_rows. */
static double
time_ours (KocStore             *store,
           const BenchQuery     *b,
           const KocSearchQuery *q,
           guint                *n_rows)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  if (b->posts)
    koc_store_search_posts_async (store, q, NULL, result_cb, &result);
  else
    koc_store_search_async (store, q, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  hits = b->posts ? koc_store_search_posts_finish (store, result, &error)
                  : koc_store_search_finish (store, result, &error);
  if (hits == NULL)
    g_error ("%s: %s", b->name, error->message);
  *n_rows = hits->len;
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static double
time_bare (sqlite3              *db,
           const BenchQuery     *b,
           const KocSearchQuery *q,
           guint                *n_rows)
{
  g_autoptr(KocSearchSql) sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 t0 = g_get_monotonic_time ();
  guint n = 0;
  int rc;

  /* The posts plan runs its bounded count here too: it is part of the SQL work. */
  sql = b->posts ? koc_search_sql_new_posts (db, q, &error) : koc_search_sql_new_accounts (q);
  if (sql == NULL)
    g_error ("%s: no SQL (%s)", b->name, error ? error->message : "no words");
  if (sqlite3_prepare_v2 (db, koc_search_sql_get_text (sql), -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", b->name, sqlite3_errmsg (db));
  koc_search_sql_bind (sql, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        (void)sqlite3_column_text (stmt, c);
      n++;
    }
  if (rc != SQLITE_DONE)
    g_error ("%s: %s", b->name, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  *n_rows = n;
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* The naive plan for the text part: scan every post. */
static double
time_like (sqlite3          *db,
           const BenchQuery *b)
{
  g_autofree char *pattern = NULL;
  g_auto(GStrv) words = g_strsplit (b->text, " ", -1);
  sqlite3_stmt *stmt = NULL;
  gint64 t0 = g_get_monotonic_time ();

  pattern = g_strdup_printf ("%%%s%%", words[0]);
  if (sqlite3_prepare_v2 (db, "SELECT p.account_id, count(*) AS n, max(p.id) FROM posts p"
                              " WHERE p.text LIKE ?1 GROUP BY p.account_id"
                              " ORDER BY n DESC LIMIT 50", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("like: %s", sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile; sorts @values. */
static double
percentile (GArray *values,
            double  p)
{
  guint rank;

  g_array_sort (values, cmp_double);
  rank = (guint)(p / 100.0 * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

static void
print_line (const char *name,
            double      ratio,
            double      ours,
            double      baseline,
            const char *goal)
{
  printf ("bench %s: %.2fx (ours %.3g ms, baseline %.3g ms, goal %s)\n",
          name, ratio, ours, baseline, goal);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = NULL;
  g_autoptr(GArray) all_ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) text_ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_like = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *goal_overhead = g_strdup_printf ("<= %.1fx", GOAL_OVERHEAD);
  g_autofree char *goal_like = g_strdup_printf (">= %.0fx", GOAL_VS_LIKE);
  int runs = 20;
  int like_runs = 3;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per query (default 20)", "N" },
    { "like-runs", 0, 0, G_OPTION_ARG_INT, &like_runs, "Runs of the LIKE scan (default 3)", "N" },
    { NULL }
  };
  sqlite3 *db = NULL;
  gint64 newest = 0;
  double p50_ours, p50_bare, p95_ours, p95_bare, p50_text, p95_text, p50_like, p95_like;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-query FILE.db [--runs N] [--like-runs N]\n");
      return 2;
    }

  store = koc_store_open_sync (argv[1], KOC_STORE_OPEN_READ_ONLY, NULL, &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-query: %s\n", error->message);
      return 1;
    }
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      koc_fts_register (db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA cache_size = -65536", NULL, NULL, NULL) != SQLITE_OK ||
      !koc_db_query_int64 (db, "SELECT max(published_at) FROM posts", 0, &newest, &error))
    {
      fprintf (stderr, "bench-query: %s\n", error ? error->message : sqlite3_errmsg (db));
      return 1;
    }

  fprintf (stderr, "%-16s %5s  %8s %8s  %8s %8s  %8s\n", "query", "rows",
           "ours p50", "p95", "bare p50", "p95", "LIKE p50");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      const BenchQuery *b = &queries[i];
      g_autoptr(KocSearchQuery) q = make_query (b, newest);
      g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) like = g_array_new (FALSE, FALSE, sizeof (double));
      guint rows_ours = 0, rows_bare = 0;

      time_ours (store, b, q, &rows_ours); /* warm-up */
      time_bare (db, b, q, &rows_bare);
      if (rows_ours != rows_bare)
        g_error ("%s: %u rows through the store, %u bare", b->name, rows_ours, rows_bare);

      for (int r = 0; r < runs; r++)
        {
          double t = time_ours (store, b, q, &rows_ours);

          g_array_append_val (ours, t);
          g_array_append_val (all_ours, t);
          if (b->text != NULL)
            g_array_append_val (text_ours, t);
          t = time_bare (db, b, q, &rows_bare);
          g_array_append_val (bare, t);
          g_array_append_val (all_bare, t);
        }
      for (int r = 0; b->text != NULL && r < like_runs; r++)
        {
          double t = time_like (db, b);

          g_array_append_val (like, t);
          g_array_append_val (all_like, t);
        }

      fprintf (stderr, "%-16s %5u  %8.2f %8.2f  %8.2f %8.2f  %8.1f\n", b->name, rows_ours,
               percentile (ours, 50), percentile (ours, 95),
               percentile (bare, 50), percentile (bare, 95),
               like->len ? percentile (like, 50) : 0.0);
    }

  p50_ours = percentile (all_ours, 50);
  p95_ours = percentile (all_ours, 95);
  p50_bare = percentile (all_bare, 50);
  p95_bare = percentile (all_bare, 95);
  p50_text = percentile (text_ours, 50);
  p95_text = percentile (text_ours, 95);
  p50_like = percentile (all_like, 50);
  p95_like = percentile (all_like, 95);

  print_line ("query-p50", p50_ours / p50_bare, p50_ours, p50_bare, goal_overhead);
  print_line ("query-p95", p95_ours / p95_bare, p95_ours, p95_bare, goal_overhead);
  print_line ("query-vs-like-p50", p50_like / p50_text, p50_text, p50_like, goal_like);
  print_line ("query-vs-like-p95", p95_like / p95_text, p95_text, p95_like, goal_like);
  print_line ("query-p95-abs", p95_ours / GOAL_ABS_MS, p95_ours, GOAL_ABS_MS, "<= 1x");

  sqlite3_close (db);
  return 0;
}
