/* test-demo.c: the demo workspace generator and `kocdesk-cli demo`.
 *
 * One workspace at scale 0.05 (500 accounts, ~10k posts) is generated once and shared
 * by the read-only checks; the determinism and CLI tests make their own.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-demo.h"
#include "koc-keyword-store.h"
#include "koc-test-utils.h"

#define SCALE 0.05

static char *tmp_dir;
static char *shared_db;

static sqlite3 *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open (path, KOC_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (koc_db_query_int64 (db, sql, -1, &value, &error));
  g_assert_no_error (error);
  return value;
}

static double
query_double (sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
generate (const char *path,
          guint64     seed,
          double      scale)
{
  g_autoptr(GError) error = NULL;
  KocDemoOptions options = { .scale = scale, .seed = seed };
  KocDemoStats stats = { 0 };

  /* The keyword aggregates are checked on the shared workspace (test_keywords); the
   * others skip them, which keeps the suite short under the sanitizers. */
  options.no_keywords = g_strcmp0 (path, shared_db) != 0;
  g_assert_true (koc_demo_generate (path, &options, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.posts, >, 0);
}

/* "table:count;…" for every table of the schema, plus the sampled post texts. */
static char *
fingerprint (const char *path)
{
  sqlite3 *db = open_db (path);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *tables = NULL, *posts = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " AND name NOT LIKE '%fts%' AND name <> 'sqlite_stat1'"
                                       " ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", sqlite3_column_text (tables, 0));

      g_string_append_printf (out, "%s:%" G_GINT64_FORMAT ";", sqlite3_column_text (tables, 0),
                              query_int (db, sql));
    }
  sqlite3_finalize (tables);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uid, text, likes, published_at FROM posts"
                                       " WHERE id % 97 = 1 ORDER BY id", -1, &posts, NULL), ==, SQLITE_OK);
  while (sqlite3_step (posts) == SQLITE_ROW)
    g_string_append_printf (out, "\n%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                            sqlite3_column_text (posts, 0), sqlite3_column_text (posts, 1),
                            (gint64) sqlite3_column_int64 (posts, 2), (gint64) sqlite3_column_int64 (posts, 3));
  sqlite3_finalize (posts);

  g_string_append_printf (out, "\naccounts:%" G_GINT64_FORMAT,
                          query_int (db, "SELECT sum(followers * 7 + length(handle) + length(avatar_sha256)) FROM accounts"));
  koc_db_close (db);
  return g_string_free (out, FALSE);
}

static void
test_determinism (void)
{
  g_autofree char *a = g_build_filename (tmp_dir, "same-a.db", NULL);
  g_autofree char *b = g_build_filename (tmp_dir, "same-b.db", NULL);
  g_autofree char *c = g_build_filename (tmp_dir, "other.db", NULL);
  g_autofree char *fa = NULL, *fb = NULL, *fc = NULL;

  generate (a, 42, SCALE);
  generate (b, 42, SCALE);
  generate (c, 43, SCALE);

  fa = fingerprint (a);
  fb = fingerprint (b);
  fc = fingerprint (c);
  g_assert_cmpstr (fa, ==, fb);
  g_assert_cmpstr (fa, !=, fc);
  g_assert_nonnull (strstr (fa, "\n"));
}

static void
test_counts (void)
{
  sqlite3 *db = open_db (shared_db);
  gint64 posts = query_int (db, "SELECT count(*) FROM posts");

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM accounts"), ==, 500);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, 400);
  /* Some people hold two platform accounts, never twice the same platform. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT person_id FROM accounts"
                                  " GROUP BY person_id HAVING count(*) = 2)"), ==, 100);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT 1 FROM accounts"
                                  " GROUP BY person_id, platform HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (posts, >=, 8500);
  g_assert_cmpint (posts, <=, 11500);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM metric_snapshots"), ==, 500 * 52);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM brands WHERE is_own = 1"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM brands WHERE is_own = 0"), >=, 6);
  g_assert_cmpint (query_int (db, "SELECT min(n) FROM (SELECT count(*) AS n FROM brand_aliases"
                                  " GROUP BY brand_id)"), >=, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM brand_aliases WHERE alias = '露可'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaign_stages"), ==, 15);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM cards"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM incentives"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM referral_codes"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM notes"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM interactions"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person_tags"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM post_hashtags"), >, posts);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM stage_history"), ==, 400);
  /* Every platform appears. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT platform) FROM accounts"), ==, 4);
  koc_db_close (db);
}

static void
test_avatars (void)
{
  sqlite3 *db = open_db (shared_db);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM accounts WHERE avatar_sha256 IS NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM media"), >=, 490);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM media WHERE mime <> 'image/svg+xml'"
                                  " OR bytes <> length(data) OR bytes >= 600"
                                  " OR CAST(data AS TEXT) NOT LIKE '<svg %</svg>'"), ==, 0);
  /* The key is the SHA-256 of the bytes (SQLite has no sha256(): check the shape). */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM media WHERE length(sha256) <> 64"
                                  " OR sha256 GLOB '*[^0-9a-f]*'"), ==, 0);
  koc_db_close (db);
}

static void
test_avatar_hash (void)
{
  sqlite3 *db = open_db (shared_db);
  sqlite3_stmt *stmt = NULL;
  guint checked = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sha256, data FROM media LIMIT 20", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, 1),
                                                          sqlite3_column_bytes (stmt, 1));

      g_assert_cmpstr (sum, ==, (const char *) sqlite3_column_text (stmt, 0));
      checked++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (checked, ==, 20);
  koc_db_close (db);
}

static void
test_distributions (void)
{
  sqlite3 *db = open_db (shared_db);
  double mention_share = query_double (db, "SELECT (SELECT count(DISTINCT post_id) FROM post_mentions) * 1.0"
                                           " / (SELECT count(*) FROM posts)");
  double small_share = query_double (db, "SELECT avg(tier IN ('nano', 'micro')) FROM accounts");
  double common = query_double (db, "SELECT avg(instr(text, '好用') > 0) FROM posts");
  gint64 median = query_int (db, "SELECT followers FROM accounts ORDER BY followers"
                                 " LIMIT 1 OFFSET (SELECT count(*) / 2 FROM accounts)");
  double nov_daily = query_double (db, "SELECT count(*) / 11.0 FROM posts WHERE published_at"
                                       " BETWEEN 1761955200 AND 1761955200 + 11 * 86400 - 1");
  double year_daily = query_double (db, "SELECT count(*) / 365.0 FROM posts");

  g_assert_cmpfloat (mention_share, >=, 0.07);
  g_assert_cmpfloat (mention_share, <=, 0.13);
  g_assert_cmpfloat (small_share, >, 0.5);
  g_assert_cmpfloat (common, >=, 0.08);
  g_assert_cmpfloat (common, <=, 0.25);
  g_assert_cmpint (query_int (db, "SELECT min(followers) FROM accounts"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT max(followers) FROM accounts"), >, 50 * median);
  /* Smaller accounts engage more. */
  g_assert_cmpfloat (query_double (db, "SELECT avg(engagement_rate) FROM accounts WHERE tier = 'nano'"), >,
                     query_double (db, "SELECT avg(engagement_rate) FROM accounts WHERE tier <> 'nano'"));
  /* One year ending at the reference date, with an 11.11 peak. */
  g_assert_cmpint (query_int (db, "SELECT min(published_at) FROM posts"), >=, KOC_DEMO_REFERENCE_TIME - 365 * 86400);
  g_assert_cmpint (query_int (db, "SELECT max(published_at) FROM posts"), <, KOC_DEMO_REFERENCE_TIME);
  g_assert_cmpfloat (nov_daily, >, 1.3 * year_daily);
  /* Rowid order is time order. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM posts a JOIN posts b ON b.id = a.id + 1"
                                  " WHERE b.published_at < a.published_at"), ==, 0);
  /* Views only on video platforms; Xiaohongshu collects. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM posts p JOIN accounts a ON a.id = p.account_id"
                                  " WHERE a.platform IN ('weibo', 'xiaohongshu') AND p.views > 0"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM posts p JOIN accounts a ON a.id = p.account_id"
                                  " WHERE a.platform = 'douyin' AND p.views = 0"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT sum(saves) FROM posts p JOIN accounts a ON a.id = p.account_id"
                                  " WHERE a.platform = 'xiaohongshu'"), >, 0);
  koc_db_close (db);
}

static void
test_integrity (void)
{
  sqlite3 *db = open_db (shared_db);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  /* Every recorded mention names its brand, with an alias written in the post. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM post_mentions m JOIN posts p ON p.id = m.post_id"
                                  " WHERE NOT EXISTS (SELECT 1 FROM brand_aliases a WHERE a.brand_id = m.brand_id"
                                  " AND instr(p.text, a.alias) > 0)"), ==, 0);
  /* Triggers kept the derived counts. */
  g_assert_cmpint (query_int (db, "SELECT sum(mention_count) FROM accounts"), ==,
                   query_int (db, "SELECT count(*) FROM post_mentions"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM accounts a WHERE posts_count <>"
                                  " (SELECT count(*) FROM posts WHERE account_id = a.id)"), ==, 0);
  /* Deliverables are posts of the card's person that mention the campaign's brand. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM card_deliverables d JOIN cards c ON c.id = d.card_id"
                                  " JOIN campaigns k ON k.id = c.campaign_id JOIN posts p ON p.id = d.post_id"
                                  " JOIN accounts a ON a.id = p.account_id WHERE a.person_id <> c.person_id"
                                  " OR NOT EXISTS (SELECT 1 FROM post_mentions m WHERE m.post_id = p.id"
                                  " AND m.brand_id = k.brand_id)"), ==, 0);
  koc_db_close (db);
}

/* The generator builds the keyword aggregates: nothing is left for the catch-up, and a
 * brand's keywords from the aggregates equal a rescan of its posts. */
static void
test_keywords (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) top = NULL, rescan = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3 *db = open_db (shared_db);
  KocKeywordQuery query = { 0 };
  gint64 stale = -1, n_top = 0, n_rescan = 0;

  g_assert_true (koc_keyword_store_count_stale (db, &stale, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stale, ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM keyword_months"), >, 0);

  query.brand_id = query_int (db, "SELECT id FROM brands WHERE is_own = 1 ORDER BY id LIMIT 1");
  query.from = query_int (db, "SELECT min (published_at) FROM posts");
  query.to = query_int (db, "SELECT max (published_at) FROM posts");
  top = koc_keyword_store_top (db, &query, &n_top, &error);
  g_assert_no_error (error);
  rescan = koc_keyword_store_top_rescan (db, &query, &n_rescan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_top, ==, n_rescan);
  g_assert_cmpint (n_top, >, 0);
  g_assert_cmpuint (top->len, ==, rescan->len);
  for (guint i = 0; i < rescan->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (rescan, i);

      g_hash_table_insert (counts, k->keyword, GINT_TO_POINTER ((int) k->count));
    }
  for (guint i = 0; i < top->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (top, i);

      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, k->keyword)), ==, k->count);
    }
  koc_db_close (db);
}

static void
test_fts (void)
{
  sqlite3 *db = open_db (shared_db);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH '面膜'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH '好用'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'skincare'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '上海'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM accounts_fts"), ==, 500);
  koc_db_close (db);
}

/* The generator builds the full-text indexes in one pass with their triggers suspended:
 * the triggers must be back, the indexes complete, and a new post searchable at once. */
static void
test_fts_triggers (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "triggers.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  generate (path, 9, 0.01);
  db = koc_db_open (path, KOC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN"
                                  " ('posts_fts_ai', 'accounts_fts_ai', 'people_fts_ai')"), ==, 3);
  g_assert_true (koc_db_exec (db, "INSERT INTO posts_fts (posts_fts) VALUES ('integrity-check');"
                                  "INSERT INTO accounts_fts (accounts_fts) VALUES ('integrity-check');"
                                  "INSERT INTO people_fts (people_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM posts_fts"), ==, query_int (db, "SELECT count(*) FROM posts"));

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'zyxwvut'"), ==, 0);
  g_assert_true (koc_db_exec (db, "INSERT INTO posts (account_id, text, published_at)"
                                  " VALUES (1, 'brand new zyxwvut post', 1793491200)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'zyxwvut'"), ==, 1);
  koc_db_close (db);
}

/* Runs `kocdesk-cli demo ARGS…`; its stdout is captured (never mixed into TAP). */
static int
run_cli (const char *const *args,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *ignored_err = NULL;
  const char *cli = g_getenv ("KOCDESK_CLI");
  int status = -1;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "demo");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, err != NULL ? err : &ignored_err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  /* The summary is printed on stdout only on success. */
  if (WEXITSTATUS (status) == 0)
    g_assert_nonnull (strstr (out, "posts"));
  else
    g_assert_cmpstr (out, ==, "");
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "cli.db", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *err = NULL;
  GStatBuf before, after;

  /* Usage errors: 2. */
  g_assert_cmpint (run_cli ((const char *[]) { NULL }, NULL), ==, 2);
  g_assert_cmpint (run_cli ((const char *[]) { "--scale", "0", "--out", path, NULL }, NULL), ==, 2);
  g_assert_cmpint (run_cli ((const char *[]) { "--scale", "abc", "--out", path, NULL }, NULL), ==, 2);
  g_assert_cmpint (run_cli ((const char *[]) { "--seed", "-3", "--out", path, NULL }, NULL), ==, 2);
  g_assert_cmpint (run_cli ((const char *[]) { "--bogus", NULL }, NULL), ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A stale partial file from a killed run is replaced, and gone afterwards. */
  g_assert_true (g_file_set_contents (partial, "half a workspace", -1, NULL));
  g_assert_cmpint (run_cli ((const char *[]) { "--scale", "0.01", "--seed", "5", "--out", path, "-q", NULL }, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_clear_pointer (&err, g_free);

  /* An existing file is refused (1) and left alone… */
  g_assert_cmpint (run_cli ((const char *[]) { "--scale", "0.02", "--out", path, NULL }, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--force"));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (before.st_size, ==, after.st_size);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_clear_pointer (&err, g_free);

  /* …unless --force; progress goes to stderr. */
  g_assert_cmpint (run_cli ((const char *[]) { "--scale", "0.02", "--out", path, "--force", NULL }, &err), ==, 0);
  g_assert_nonnull (strstr (err, "posts"));
  {
    sqlite3 *db = open_db (path);

    g_assert_cmpint (query_int (db, "SELECT count(*) FROM accounts"), ==, 200);
    koc_db_close (db);
  }

  /* A file that cannot be written: 1, and no partial left. */
  {
    g_autofree char *bad = g_build_filename (tmp_dir, "no-such-dir", "x.db", NULL);

    g_assert_cmpint (run_cli ((const char *[]) { "--scale", "0.01", "--out", bad, "-q", NULL }, NULL), ==, 1);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
}

static char *
shell_dump (const char *sqlite3_shell,
            const char *path)
{
  const char *argv[] = { sqlite3_shell, path, ".dump", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return out;
}

/* --dump-sql writes the very statements the generator ran: the sqlite3 shell, loading
 * them into the empty workspace written alongside, makes an identical database. */
static void
test_dump_sql (void)
{
  g_autofree char *shell = g_find_program_in_path ("sqlite3");
  g_autofree char *path = g_build_filename (tmp_dir, "dumped.db", NULL);
  g_autofree char *sql = g_build_filename (tmp_dir, "dumped.sql", NULL);
  g_autofree char *empty = g_strconcat (sql, ".empty.db", NULL);
  g_autofree char *copy = g_build_filename (tmp_dir, "from-shell.db", NULL);
  g_autofree char *ext = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src", "store",
                                           "libkoc-fts-ext", NULL);
  g_autofree char *load = g_strconcat (".load ", ext, NULL);
  g_autofree char *read = g_strconcat (".read ", sql, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *ours = NULL, *theirs = NULL;
  g_autoptr(GError) error = NULL;
  KocDemoOptions options = { .scale = 0.02, .seed = 77, .dump_sql = sql };
  gsize length;
  int status = -1;

  if (shell == NULL)
    {
      g_test_skip ("the sqlite3 shell is not installed");
      return;
    }

#if defined(__SANITIZE_ADDRESS__)
  /* The shell is not built with ASan, so it cannot load our sanitized extension. */
  g_test_skip ("the sqlite3 shell cannot load an AddressSanitizer-built extension");
  return;
#endif

  g_assert_true (koc_demo_generate (path, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (empty, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { shell, "-bail", copy, load, read, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                 G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  }

  ours = shell_dump (shell, path);
  theirs = shell_dump (shell, copy);
  g_assert_nonnull (strstr (ours, "INSERT INTO posts"));
  g_assert_true (strcmp (ours, theirs) == 0);
}

/* A run killed halfway leaves no file under the real name (only the .partial). */
static void
test_killed (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "killed.db", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  const char *argv[] = { g_getenv ("KOCDESK_CLI"), "demo", "--scale", "2", "--out", path, "-q", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);

  /* Scale 2 takes many seconds; the partial file appears within milliseconds. */
  while (!g_file_test (partial, G_FILE_TEST_EXISTS) && waitpid (pid, &status, WNOHANG) == 0)
    g_usleep (1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  g_assert_true (WIFSIGNALED (status));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_library_refuses (void)
{
  g_autoptr(GError) error = NULL;
  KocDemoOptions options = { .scale = SCALE, .seed = 1 };

  g_assert_false (koc_demo_generate (shared_db, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  options.scale = -1;
  options.force = TRUE;
  g_assert_false (koc_demo_generate (shared_db, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = koc_test_make_tmp_dir ();
  shared_db = g_build_filename (tmp_dir, "shared.db", NULL);
  generate (shared_db, KOC_DEMO_DEFAULT_SEED, SCALE);

  g_test_add_func ("/demo/determinism", test_determinism);
  g_test_add_func ("/demo/counts", test_counts);
  g_test_add_func ("/demo/avatars", test_avatars);
  g_test_add_func ("/demo/avatar-hash", test_avatar_hash);
  g_test_add_func ("/demo/distributions", test_distributions);
  g_test_add_func ("/demo/integrity", test_integrity);
  g_test_add_func ("/demo/fts", test_fts);
  g_test_add_func ("/demo/keywords", test_keywords);
  g_test_add_func ("/demo/fts-triggers", test_fts_triggers);
  g_test_add_func ("/demo/cli", test_cli);
  g_test_add_func ("/demo/refuses", test_library_refuses);
  g_test_add_func ("/demo/killed", test_killed);
  g_test_add_func ("/demo/dump-sql", test_dump_sql);

  ret = g_test_run ();

  koc_test_rm_rf (tmp_dir);
  g_free (shared_db);
  g_free (tmp_dir);
  return ret;
}
