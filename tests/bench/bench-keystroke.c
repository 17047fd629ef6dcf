/* bench-keystroke.c: Discover's keystroke-to-results latency — a query issued until its
 * result model is ready, vs the sqlite3 shell running the same SQL.
 *
 *   bench-keystroke FILE.db EXTENSION [--runs N]
 *
 * EXTENSION is the koc tokenizer extension for the shell (src/store/libkoc-fts-ext,
 * without .so). For each of the store's 20 Discover queries (bench-queries.h):
 *   ours      what the pane does after the search delay (koc-discover-query.c):
 *             koc_store_search_async() of the first page (50 rows) → on the main loop,
 *             koc_account_items_from_hits() → g_list_store_splice() into the result
 *             model: the clock stops when the model holds the page. The count the pane
 *             queues after the page runs too (not timed; the next run waits for it).
 *             The posts queries stop when their hits are back (no account model).
 *   baseline  the sqlite3 shell (`sqlite3 -bail FILE`, the extension loaded, output to
 *             /dev/null) running the very statement of the store with its parameters
 *             inlined (sqlite3_expanded_sql of koc_search_sql_*()), K times in one
 *             process (K so that it takes ~300 ms, at least N); (wall time − the wall
 *             time of the same script with the statement once) ÷ K, so the shell's
 *             start-up and first run cancel out. The shell's row count for the statement is
 *             checked against ours first. For the posts queries the store first runs
 *             a count that stops at 2,001 to choose its plan; the shell runs only the
 *             chosen statement (the baseline is favoured).
 * Per query: ours = median of N runs; the figures are the median and the p95 over the
 * 20 queries of ours and of the baseline. Per-query figures go to stderr.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koc-account-item.h"
#include "koc-db.h"
#include "koc-fts.h"
#include "koc-store.h"
#include "bench-queries.h"

#define GOAL 1.5

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
count_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 count = koc_search_count_accounts (db, data, error);

  *result = NULL;
  return count >= 0;
}

/* One keystroke's query as the pane runs it; returns ms until the model is ready. */
static double
time_ours (KocStore             *store,
           GListStore           *model,
           const BenchQuery     *b,
           const KocSearchQuery *q,
           guint                *n_rows)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) count_result = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double ms;

  if (b->posts)
    koc_store_search_posts_async (store, q, NULL, result_cb, &result);
  else
    {
      koc_store_search_async (store, q, NULL, result_cb, &result);
      koc_store_run_async (store, count_func, koc_search_query_copy (q),
                           (GDestroyNotify)koc_search_query_free, NULL, NULL, result_cb,
                           &count_result);
    }
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  hits = b->posts ? koc_store_search_posts_finish (store, result, &error)
                  : koc_store_search_finish (store, result, &error);
  if (hits == NULL)
    g_error ("%s: %s", b->name, error->message);
  *n_rows = hits->len;
  if (!b->posts)
    {
      g_autoptr(GPtrArray) items = koc_account_items_from_hits (hits);

      g_list_store_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                           items->pdata, items->len);
    }
  ms = (g_get_monotonic_time () - t0) / 1000.0;

  while (!b->posts && count_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (count_result != NULL && !koc_store_run_finish (store, count_result, NULL, &error))
    g_error ("%s: count: %s", b->name, error->message);
  return ms;
}

/* The store's statement for @q with its parameters inlined, without a final ';'. */
static char *
expanded_sql (sqlite3              *db,
              const BenchQuery     *b,
              const KocSearchQuery *q)
{
  g_autoptr(KocSearchSql) sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  char *expanded, *text;

  sql = b->posts ? koc_search_sql_new_posts (db, q, &error) : koc_search_sql_new_accounts (q);
  if (sql == NULL)
    g_error ("%s: no SQL (%s)", b->name, error ? error->message : "no words");
  if (sqlite3_prepare_v2 (db, koc_search_sql_get_text (sql), -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", b->name, sqlite3_errmsg (db));
  koc_search_sql_bind (sql, stmt);
  expanded = sqlite3_expanded_sql (stmt);
  if (expanded == NULL)
    g_error ("%s: could not expand the SQL", b->name);
  text = g_strstrip (g_strdup (expanded));
  sqlite3_free (expanded);
  sqlite3_finalize (stmt);
  while (g_str_has_suffix (text, ";"))
    text[strlen (text) - 1] = '\0';
  return text;
}

/* Runs the shell on @db with @script; returns the wall ms; *out gets its stdout. */
static double
run_shell (const char  *db,
           const char  *script_path,
           char       **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strdup_printf ("sqlite3 -bail '%s' '.read %s'", db, script_path);
  g_autofree char *err = NULL;
  int status = 0;
  gint64 t0 = g_get_monotonic_time ();
  double ms;
  g_auto(GStrv) argv = NULL;

  if (!g_shell_parse_argv (command, NULL, &argv, &error) ||
      !g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err, &status, &error))
    g_error ("sqlite3: %s", error->message);
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sqlite3 failed: %s", err);
  return ms;
}

static double
shell_script (const char *db,
              const char *dir,
              const char *text,
              char      **out)
{
  g_autofree char *path = g_build_filename (dir, "keystroke.sql", NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("%s", error->message);
  return run_shell (db, path, out);
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

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.db EXTENSION");
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = NULL;
  g_autoptr(GListStore) model = g_list_store_new (KOC_TYPE_ACCOUNT_ITEM);
  g_autoptr(GArray) all_ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_base = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) startups = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL, *preamble = NULL;
  int runs = 20;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per query (default 20)", "N" },
    { NULL }
  };
  sqlite3 *db = NULL;
  gint64 newest = 0;
  double startup, p50_ours, p50_base, p95_ours, p95_base;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || runs < 1)
    {
      fprintf (stderr, "usage: bench-keystroke FILE.db EXTENSION [--runs N]\n");
      return 2;
    }

  store = koc_store_open_sync (argv[1], KOC_STORE_OPEN_READ_ONLY, NULL, &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-keystroke: %s\n", error->message);
      return 1;
    }
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      koc_fts_register (db) != SQLITE_OK ||
      !koc_db_query_int64 (db, "SELECT max(published_at) FROM posts", 0, &newest, &error))
    {
      fprintf (stderr, "bench-keystroke: %s\n", error ? error->message : sqlite3_errmsg (db));
      return 1;
    }
  dir = g_dir_make_tmp ("koc-keystroke-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  preamble = g_strdup_printf (".load %s\n.output /dev/null\n", argv[2]);

  /* The shell's own start-up: loading the file's schema and the extension. */
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *script = g_strconcat (preamble, "SELECT 1;\n", NULL);
      g_autofree char *out = NULL;
      double t = shell_script (argv[1], dir, script, &out);

      g_array_append_val (startups, t);
    }
  startup = percentile (startups, 50);
  fprintf (stderr, "sqlite3 shell start-up: %.2f ms\n", startup);
  fprintf (stderr, "%-16s %5s  %9s %9s  %9s\n", "query", "rows", "ours p50", "p95", "shell");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      const BenchQuery *b = &queries[i];
      g_autoptr(KocSearchQuery) q = make_query (b, newest);
      g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GString) script = g_string_new (NULL);
      g_autofree char *sql = expanded_sql (db, b, q);
      g_autofree char *check = NULL, *out = NULL;
      guint rows = 0, reps;
      double base, once, ours_p50;

      /* Same rows in the shell. */
      check = g_strdup_printf (".load %s\nSELECT count(*) FROM (%s);\n", argv[2], sql);
      shell_script (argv[1], dir, check, &out);
      time_ours (store, model, b, q, &rows); /* warm-up */
      if (g_ascii_strtoull (out, NULL, 10) != rows)
        g_error ("%s: %u rows through the store, %s in the shell", b->name, rows, out);

      for (int r = 0; r < runs; r++)
        {
          double t = time_ours (store, model, b, q, &rows);

          g_array_append_val (ours, t);
        }

      /* Enough repetitions for the shell to run ~300 ms, so that process start-up
       * noise (a few ms) does not matter; the start-up itself cancels out: a script
       * with the statement once is subtracted. */
      ours_p50 = percentile (ours, 50);
      reps = CLAMP ((guint)(300.0 / MAX (ours_p50, 0.05)), (guint)runs, 5000);
      g_string_append (script, preamble);
      g_string_append_printf (script, "%s;\n", sql);
      g_clear_pointer (&out, g_free);
      once = shell_script (argv[1], dir, script->str, &out);
      for (guint r = 0; r < reps; r++)
        g_string_append_printf (script, "%s;\n", sql);
      g_clear_pointer (&out, g_free);
      base = (shell_script (argv[1], dir, script->str, &out) - once) / reps;
      base = MAX (base, 0.001);
      g_array_append_val (all_ours, ours_p50);
      g_array_append_val (all_base, base);
      fprintf (stderr, "%-16s %5u  %9.2f %9.2f  %9.2f\n", b->name, rows, ours_p50,
               percentile (ours, 95), base);
    }

  p50_ours = percentile (all_ours, 50);
  p95_ours = percentile (all_ours, 95);
  p50_base = percentile (all_base, 50);
  p95_base = percentile (all_base, 95);
  printf ("bench keystroke-p50: %.2fx (ours %.3g ms, baseline %.3g ms, goal <= %.1fx)\n",
          p50_ours / p50_base, p50_ours, p50_base, GOAL);
  printf ("bench keystroke-p95: %.2fx (ours %.3g ms, baseline %.3g ms, goal <= %.1fx)\n",
          p95_ours / p95_base, p95_ours, p95_base, GOAL);

  sqlite3_close (db);
  {
    g_autofree char *path = g_build_filename (dir, "keystroke.sql", NULL);
    g_unlink (path);
    g_rmdir (dir);
  }
  return 0;
}
