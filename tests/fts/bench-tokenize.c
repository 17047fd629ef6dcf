/* bench-tokenize.c: throughput of the "koc" tokenizer and of an FTS5 index build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test (numbers only):  bench-tokenize [ROWS [CORPUS_DIR]]
 * 1. KocTokenizer MB/s over every row of the four corpus files (decoded to UTF-8).
 * 2. ROWS rows (default 200,000: the corpus rows cycled, each with a synthetic mixed
 *    Chinese/English sentence appended) inserted into a table in a temporary database file,
 *    then an external-content FTS5 index built with 'rebuild' for koc, unicode61 and trigram.
 * 3. A few MATCH latencies on the koc index.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "koc-csv.h"
#include "koc-fts.h"
#include "koc-tokenize.h"

static const struct
{
  const char *name;
  const char *charset;
  guint       column;
} files[] = {
  { "weibo_senti_100k_subset2400.csv", NULL, 1 },
  { "covid19_weibo_labeled_21173.csv", NULL, 0 },
  { "covid19_weibo_unlabeled_0301_gb18030.csv", "GB18030", 1 },
  { "apple_twitter_sentiment_dfe_cp1252.csv", "CP1252", 11 },
};

/* Appends one column of every data row, read with the project's CSV reader. */
static void
add_csv_column (GPtrArray  *texts,
                const char *path,
                const char *charset,
                guint       column)
{
  KocCsvOptions options = { charset, ',', 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCsvReader) reader = koc_csv_reader_new_for_path (path, &options, &error);
  const char * const *cells;
  guint n;

  if (reader == NULL || koc_csv_reader_next (reader, &n) == NULL)
    g_error ("cannot read %s: %s", path, error != NULL ? error->message : "empty");
  while ((cells = koc_csv_reader_next (reader, &n)) != NULL)
    g_ptr_array_add (texts, g_strdup (column < n ? cells[column] : ""));
}

static gboolean
count_cb (const KocToken *token,
          gpointer        user_data)
{
  (*(guint64 *) user_data)++;
  return TRUE;
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *error = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &error) != SQLITE_OK)
    g_error ("%s: %s", sql, error);
}

static double
time_sql (sqlite3    *db,
          const char *sql)
{
  g_autoptr(GTimer) timer = g_timer_new ();

  exec_or_die (db, sql);
  return g_timer_elapsed (timer, NULL);
}

static void
time_query (sqlite3    *db,
            const char *label,
            const char *sql,
            const char *user_query)
{
  g_autofree char *match = koc_fts_build_match (user_query);
  double best = G_MAXDOUBLE;
  gint64 first = 0;
  int count = 0;
  guint run;

  for (run = 0; run < 5; run++)
    {
      g_autoptr(GTimer) timer = g_timer_new ();
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", sql, sqlite3_errmsg (db));
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
      for (count = 0; sqlite3_step (stmt) == SQLITE_ROW; count++)
        if (count == 0)
          first = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      best = MIN (best, g_timer_elapsed (timer, NULL));
    }
  printf ("  %-24s %-16s %8.2f ms  (%d rows, first value %" G_GINT64_FORMAT ")\n",
          label, match, best * 1000, count, first);
}

int
main (int   argc,
      char *argv[])
{
  guint n_rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200000;
  const char *dir = argc > 2 ? argv[2] : g_getenv ("KOCDESK_CORPUS_DIR");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KocTokenizer) tokenizer = koc_tokenizer_new (NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *tmp = NULL;
  g_autofree char *db_path = NULL;
  static const char *words[] = { "面膜", "好用", "推荐", "姐妹们", "种草", "iPhone", "Sephora", "amazing",
                                 "小红书", "口红", "#好物分享#", "@美妆博主", "[哈哈]", "性价比", "cheap" };
  static const char *const tokenizers[] = { "koc", "unicode61", "trigram" };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint64 bytes = 0;
  guint64 n_tokens = 0;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  double seconds;
  guint round;
  guint i;

  if (dir == NULL)
    dir = "/work/shared/corpus";
  for (i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

      add_csv_column (texts, path, files[i].charset != NULL ? files[i].charset : "UTF-8", files[i].column);
    }

  /* 1. Tokenizer alone. */
  g_timer_start (timer);
  for (round = 0; round < 5; round++)
    for (i = 0; i < texts->len; i++)
      {
        const char *text = g_ptr_array_index (texts, i);
        gsize len = strlen (text);

        bytes += len;
        koc_tokenizer_run (tokenizer, text, (gssize) len, KOC_TOKENIZE_DOCUMENT, count_cb, &n_tokens);
      }
  seconds = g_timer_elapsed (timer, NULL);
  printf ("tokenizer: %u corpus rows x5, %.1f MB in %.2f s = %.1f MB/s, %.0f tokens/s\n",
          texts->len, bytes / 1e6, seconds, bytes / 1e6 / seconds, n_tokens / seconds);

  /* 2. Index builds. */
  tmp = g_dir_make_tmp ("koc-bench-XXXXXX", NULL);
  db_path = g_build_filename (tmp, "bench.sqlite", NULL);
  if (sqlite3_open (db_path, &db) != SQLITE_OK || koc_fts_register (db) != SQLITE_OK)
    g_error ("cannot open %s", db_path);
  exec_or_die (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;"
                   "CREATE TABLE post (id INTEGER PRIMARY KEY, text TEXT NOT NULL); BEGIN");
  sqlite3_prepare_v2 (db, "INSERT INTO post(text) VALUES (?1)", -1, &stmt, NULL);
  g_timer_start (timer);
  bytes = 0;
  for (i = 0; i < n_rows; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s%s %s #%u", (const char *) g_ptr_array_index (texts, i % texts->len),
                                               words[i % G_N_ELEMENTS (words)],
                                               words[(i / 7) % G_N_ELEMENTS (words)],
                                               words[(i / 3) % G_N_ELEMENTS (words)], i % 1000);

      bytes += strlen (text);
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_or_die (db, "COMMIT");
  printf ("insert: %u rows, %.1f MB of text, %.2f s\n", n_rows, bytes / 1e6, g_timer_elapsed (timer, NULL));

  for (i = 0; i < G_N_ELEMENTS (tokenizers); i++)
    {
      g_autofree char *create = g_strdup_printf ("CREATE VIRTUAL TABLE fts_%s USING fts5(text, content = 'post', "
                                                 "content_rowid = 'id', tokenize = '%s')",
                                                 tokenizers[i], tokenizers[i]);
      g_autofree char *rebuild = g_strdup_printf ("INSERT INTO fts_%s(fts_%s) VALUES ('rebuild')",
                                                  tokenizers[i], tokenizers[i]);
      g_autofree char *size_sql = g_strdup_printf ("SELECT sum(length(block)) FROM fts_%s_data", tokenizers[i]);
      sqlite3_stmt *size = NULL;

      exec_or_die (db, create);
      seconds = time_sql (db, rebuild);
      sqlite3_prepare_v2 (db, size_sql, -1, &size, NULL);
      sqlite3_step (size);
      printf ("fts5 rebuild, %-9s: %6.2f s = %6.0f rows/s, index %.1f MB\n", tokenizers[i], seconds,
              n_rows / seconds, sqlite3_column_int64 (size, 0) / 1e6);
      sqlite3_finalize (size);
    }

  /* 3. Queries on the koc index (best of 5). */
  printf ("queries (koc):\n");
  time_query (db, "count, rare", "SELECT count(*) FROM fts_koc WHERE fts_koc MATCH ?1", "钟南山");
  time_query (db, "count, common", "SELECT count(*) FROM fts_koc WHERE fts_koc MATCH ?1", "面膜");
  time_query (db, "count, 1 char (prefix)", "SELECT count(*) FROM fts_koc WHERE fts_koc MATCH ?1", "膜");
  time_query (db, "count, hashtag", "SELECT count(*) FROM fts_koc WHERE fts_koc MATCH ?1", "#好物分享#");
  time_query (db, "count, english", "SELECT count(*) FROM fts_koc WHERE fts_koc MATCH ?1", "iphone");
  time_query (db, "top 20 by rank, common", "SELECT rowid FROM fts_koc WHERE fts_koc MATCH ?1 "
              "ORDER BY rank LIMIT 20", "面膜");
  time_query (db, "top 20 by rank, rare", "SELECT rowid FROM fts_koc WHERE fts_koc MATCH ?1 "
              "ORDER BY rank LIMIT 20", "钟南山");

  sqlite3_close (db);
  g_remove (db_path);
  wal = g_strconcat (db_path, "-wal", NULL);
  shm = g_strconcat (db_path, "-shm", NULL);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (tmp);
  return 0;
}
