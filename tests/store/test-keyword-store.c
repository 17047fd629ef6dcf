/* test-keyword-store.c: the keyword aggregates (koc-keyword-store.h) on real SQLite
 * files — the incremental catch-up equals a full recompute after inserts, edits,
 * deletions and mention changes; it reads only new posts; the lexicon; top keywords with
 * TF-IDF and trend against hand-computed values; share of voice.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "koc-csv.h"
#include "koc-db.h"
#include "koc-keyword-store.h"
#include "koc-test-utils.h"
#include "store-fixture.h"

#define DAY 86400

typedef struct
{
  char    *dir;
  sqlite3 *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = koc_test_make_tmp_dir ();
  path = g_build_filename (f->dir, "ws.db", NULL);
  f->db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store_fixture_fill (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  koc_db_close (f->db);
  koc_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  koc_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static gint64
refresh (sqlite3 *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (koc_keyword_store_refresh (db, NULL, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* Every aggregate row as text, in key order. */
static char *
dump (sqlite3 *db)
{
  GString *out = g_string_new (NULL);
  const char *queries[] = {
    "SELECT brand_id, day, keyword, posts, engagement FROM keyword_days ORDER BY 1, 2, 3",
    "SELECT brand_id, month, keyword, posts, engagement FROM keyword_months ORDER BY 1, 2, 3",
    "SELECT brand_id, day, posts, engagement FROM keyword_day_posts ORDER BY 1, 2",
    "SELECT keyword, posts FROM keyword_totals ORDER BY 1",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s%s", c ? "\t" : "", sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (out, "--\n");
    }
  return g_string_free (out, FALSE);
}

static void
add_post (sqlite3    *db,
          gint64      id,
          gint64      account,
          const char *text,
          gint64      when,
          gint64      likes,
          gint64      brand)
{
  g_autofree char *sql = NULL;
  char *quoted = sqlite3_mprintf ("%Q", text);

  sql = g_strdup_printf ("INSERT INTO posts (id, account_id, text, published_at, likes) VALUES"
                         " (%lld, %lld, %s, %lld, %lld);", (long long) id, (long long) account,
                         quoted, (long long) when, (long long) likes);
  sqlite3_free (quoted);
  exec (db, sql);
  if (brand > 0)
    {
      g_autofree char *mention = g_strdup_printf ("INSERT INTO post_mentions (post_id, brand_id,"
                                                  " published_at) VALUES (%lld, %lld, %lld)",
                                                  (long long) id, (long long) brand, (long long) when);
      exec (db, mention);
    }
}

static void
test_incremental_equals_full (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *incremental = NULL, *full = NULL;

  /* The six fixture posts. */
  g_assert_cmpint (refresh (f->db), ==, 6);
  g_assert_cmpint (refresh (f->db), ==, 0);

  /* A sync or an import adds posts: only those are read. */
  add_post (f->db, 7, 1, "面膜 种草 平替 #护肤#", 10 * DAY + 5, 10, 1);
  add_post (f->db, 8, 3, "防晒 测评 完美日记", 11 * DAY, 20, 1);
  add_post (f->db, 9, 2, "花西子 口红 平替 回购", 11 * DAY + 7, 30, 2);
  add_post (f->db, 10, 4, "咖啡 拿铁 探店", 12 * DAY, 40, 0);
  g_assert_cmpint (refresh (f->db), ==, 4);

  /* Edits, engagement changes, a deletion, mentions added and removed, and a new post
   * that reuses the id of a deleted one below the watermark. */
  exec (f->db, "UPDATE posts SET text = '口红 拔草 失望' WHERE id = 7");
  exec (f->db, "UPDATE posts SET likes = likes + 1000 WHERE id = 8");
  exec (f->db, "UPDATE posts SET text = '口红 拔草 再改一次' WHERE id = 7");
  exec (f->db, "DELETE FROM posts WHERE id = 9");
  exec (f->db, "INSERT INTO post_mentions (post_id, brand_id, published_at) VALUES (10, 2, 1036800)");
  exec (f->db, "DELETE FROM post_mentions WHERE post_id = 2 AND brand_id = 1");
  add_post (f->db, 9, 5, "螺蛳粉 探店 花西子", 13 * DAY, 5, 2);
  /* Posts 2, 7, 8, 9 (deleted, then its id reused) and 10 are queued, once each. */
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM keyword_pending"), ==, 5);
  g_assert_cmpint (refresh (f->db), ==, 5);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM keyword_pending"), ==, 0);
  incremental = dump (f->db);

  /* Recompute everything from scratch. */
  exec (f->db, "DELETE FROM keyword_days; DELETE FROM keyword_months; DELETE FROM keyword_day_posts;"
        " DELETE FROM keyword_totals;"
        " DELETE FROM workspace_meta WHERE key = 'keywords:watermark'");
  g_assert_cmpint (refresh (f->db), ==, 10);
  full = dump (f->db);
  g_assert_cmpstr (incremental, ==, full);

  /* Spot checks against hand-computed values. */
  g_assert_cmpint (store_fixture_int (f->db, "SELECT posts FROM keyword_days WHERE brand_id = 1"
                                      " AND day = 10 AND keyword = '口红'"), ==, 1);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM keyword_days WHERE keyword = '面膜'"
                                      " AND day = 10"), ==, 0);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT engagement FROM keyword_day_posts WHERE brand_id = 1"
                                      " AND day = 11"), ==, 1020);
  /* Aliases count as their brand: post 8 says 完美日记, post 2 said Perfect Diary. */
  g_assert_cmpint (store_fixture_int (f->db, "SELECT posts FROM keyword_totals WHERE keyword = '完美日记'"),
                   ==, 3);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT posts FROM keyword_totals WHERE keyword = '花西子'"),
                   ==, 1);

  /* The same from scratch in jobs of at most 3 posts (how the pane catches up a big
   * workspace): 3 + 3 + 3 + 1, the last job says nothing is left. */
  exec (f->db, "DELETE FROM keyword_days; DELETE FROM keyword_months; DELETE FROM keyword_day_posts;"
        " DELETE FROM keyword_totals;"
        " DELETE FROM workspace_meta WHERE key = 'keywords:watermark'");
  {
    gint64 jobs[4];
    gboolean more = TRUE;
    guint n_jobs = 0;
    g_autofree char *chunked = NULL;

    while (more)
      {
        g_autoptr(GError) error = NULL;

        g_assert_cmpuint (n_jobs, <, G_N_ELEMENTS (jobs));
        g_assert_true (koc_keyword_store_refresh_some (f->db, 3, NULL, &jobs[n_jobs], &more, &error));
        g_assert_no_error (error);
        n_jobs++;
      }
    g_assert_cmpuint (n_jobs, ==, 4);
    g_assert_cmpint (jobs[0], ==, 3);
    g_assert_cmpint (jobs[2], ==, 3);
    g_assert_cmpint (jobs[3], ==, 1);
    chunked = dump (f->db);
    g_assert_cmpstr (chunked, ==, full);
  }
}

static void
test_top_and_rescan (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) top = NULL, rescan = NULL;
  KocKeywordQuery query = { 0 };
  gint64 n_posts = 0, n_rescan = 0;

  /* Brand 1: days 100–109 (this period): 8 posts with 面膜, 2 with 防晒;
   * days 90–99 (previous): 2 with 面膜, 6 with 防晒. */
  for (int i = 0; i < 8; i++)
    add_post (f->db, 100 + i, 1, "面膜 好物", (100 + i) * DAY, 1, 1);
  for (int i = 0; i < 2; i++)
    add_post (f->db, 110 + i, 1, "防晒 好物", (101 + i) * DAY, 1, 1);
  for (int i = 0; i < 2; i++)
    add_post (f->db, 120 + i, 1, "面膜", (90 + i) * DAY, 1, 1);
  for (int i = 0; i < 6; i++)
    add_post (f->db, 130 + i, 1, "防晒", (92 + i) * DAY, 1, 1);
  refresh (f->db);

  query.brand_id = 1;
  query.from = 100 * DAY;
  query.to = 109 * DAY + 3600;
  top = koc_keyword_store_top (f->db, &query, &n_posts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_posts, ==, 10);
  g_assert_cmpuint (top->len, ==, 3);
  {
    KocKeyword *first = g_ptr_array_index (top, 0);
    KocKeyword *second = g_ptr_array_index (top, 1);
    KocKeyword *third = g_ptr_array_index (top, 2);
    /* Workspace: 6 fixture posts + 18 = 24 posts; 面膜 in 2 fixture posts + 10 = 12. */
    double idf_mask = log (25.0 / 13.0) + 1;

    g_assert_cmpstr (first->keyword, ==, "好物");
    g_assert_cmpint (first->count, ==, 10);
    g_assert_cmpstr (second->keyword, ==, "面膜");
    g_assert_cmpint (second->count, ==, 8);
    g_assert_cmpfloat_with_epsilon (second->score, 8 * idf_mask, 1e-9);
    /* 8 of 10 now vs 2 of 8 before: rising; 防晒 2 of 10 vs 6 of 8: falling. */
    g_assert_cmpfloat_with_epsilon (second->trend, log2 ((9.0 / 11.0) / (3.0 / 9.0)), 1e-9);
    g_assert_cmpstr (third->keyword, ==, "防晒");
    g_assert_cmpfloat (third->trend, <, -1);
  }

  /* The rescan of the posts gives the same counts. */
  rescan = koc_keyword_store_top_rescan (f->db, &query, &n_rescan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_rescan, ==, n_posts);
  g_assert_cmpuint (rescan->len, ==, top->len);
  for (guint i = 0; i < top->len; i++)
    {
      KocKeyword *a = g_ptr_array_index (top, i), *b = g_ptr_array_index (rescan, i);

      g_assert_cmpstr (a->keyword, ==, b->keyword);
      g_assert_cmpint (a->count, ==, b->count);
      g_assert_cmpint (a->engagement, ==, b->engagement);
      g_assert_cmpfloat (a->score, ==, b->score);
    }

  /* A period of whole months plus loose days (1970-01-15 … 1970-05-01: January's second
   * half and 1 May from keyword_days, February to April from keyword_months) still
   * equals the rescan, for every brand (brand 2 has no posts then: an empty list). */
  for (gint64 brand = 0; brand <= 2; brand++)
    {
      g_autoptr(GPtrArray) a = NULL, b = NULL;
      KocKeywordQuery wide = { brand, 14 * DAY, 120 * DAY, 0, 0, FALSE };
      gint64 na = 0, nb = 0;

      a = koc_keyword_store_top (f->db, &wide, &na, &error);
      g_assert_no_error (error);
      b = koc_keyword_store_top_rescan (f->db, &wide, &nb, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (na, ==, nb);
      g_assert_cmpuint (a->len, ==, b->len);
      g_assert_cmpuint (a->len, >=, brand == 2 ? 0 : 2);
      for (guint i = 0; i < a->len; i++)
        {
          g_assert_cmpstr (((KocKeyword *) a->pdata[i])->keyword, ==, ((KocKeyword *) b->pdata[i])->keyword);
          g_assert_cmpint (((KocKeyword *) a->pdata[i])->count, ==, ((KocKeyword *) b->pdata[i])->count);
        }
    }
  g_assert_cmpint (koc_keyword_month_of_day (0), ==, 1970 * 12);
  g_assert_cmpint (koc_keyword_month_of_day (31), ==, 1970 * 12 + 1);
  g_assert_cmpint (koc_keyword_month_first_day (1970 * 12 + 2), ==, 59);

  /* By name or alias. */
  g_assert_cmpint (koc_keyword_store_find_brand (f->db, "perfect diary", &error), ==, 1);
  g_assert_cmpint (koc_keyword_store_find_brand (f->db, "花西子", &error), ==, 2);
  g_assert_cmpint (koc_keyword_store_find_brand (f->db, "nobody", &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_lexicon (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  KocKeywordExtractor *ex;

  add_post (f->db, 50, 1, "这个水乳霜很好用", 20 * DAY, 1, 1);
  refresh (f->db);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM keyword_totals WHERE keyword = '水乳霜'"), ==, 0);

  /* A new word clears the aggregates; the next catch-up reads every post again. */
  g_assert_true (koc_keyword_store_set_entry (f->db, "水乳霜", KOC_LEXICON_WORD, NULL, &error));
  g_assert_true (koc_keyword_store_set_entry (f->db, "好用", KOC_LEXICON_STOP, NULL, &error));
  g_assert_true (koc_keyword_store_set_entry (f->db, "ＰＤ家", KOC_LEXICON_ALIAS, "完美日记", &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM keyword_days"), ==, 0);
  g_assert_cmpint (refresh (f->db), ==, 7);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT posts FROM keyword_totals WHERE keyword = '水乳霜'"), ==, 1);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM keyword_totals WHERE keyword = '好用'"), ==, 0);

  entries = koc_keyword_store_list_entries (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  /* Stored normalized (NFKC case folded), sorted by word. */
  g_assert_cmpstr (((KocLexiconEntry *) g_ptr_array_index (entries, 0))->word, ==, "pd家");
  g_assert_cmpint (((KocLexiconEntry *) g_ptr_array_index (entries, 0))->kind, ==, KOC_LEXICON_ALIAS);
  g_assert_cmpstr (((KocLexiconEntry *) g_ptr_array_index (entries, 0))->canonical, ==, "完美日记");

  ex = koc_keyword_store_extractor_new (f->db, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) words = koc_keyword_extractor_post_keywords (ex, "PD家的新品 Florasis", -1);

    g_assert_cmpuint (words->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (words, 0), ==, "完美日记");
    g_assert_cmpstr (g_ptr_array_index (words, 1), ==, "新品");
    g_assert_cmpstr (g_ptr_array_index (words, 2), ==, "花西子");
  }
  koc_keyword_extractor_free (ex);

  g_assert_true (koc_keyword_store_remove_entry (f->db, "好用", &error));
  refresh (f->db);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT posts FROM keyword_totals WHERE keyword = '好用'"), ==, 3);
  g_assert_false (koc_keyword_store_set_entry (f->db, "  ", KOC_LEXICON_WORD, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_share_of_voice (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  const gint64 brands[] = { 1, 2 };
  const KocShareOfVoice *r;

  /* Week 0 (days 200–206): brand 1 has 3 posts (likes 10, 20, 30), brand 2 one (likes 40).
   * Week 1 (days 207–213): brand 2 only, 2 posts (likes 5, 15). A post about both counts
   * for both. */
  add_post (f->db, 300, 1, "面膜", 200 * DAY, 10, 1);
  add_post (f->db, 301, 1, "面膜", 201 * DAY, 20, 1);
  add_post (f->db, 302, 1, "面膜", 206 * DAY + 80000, 30, 1);
  add_post (f->db, 303, 2, "口红", 203 * DAY, 40, 2);
  add_post (f->db, 304, 2, "口红", 207 * DAY, 5, 2);
  add_post (f->db, 305, 2, "口红", 213 * DAY, 15, 2);
  refresh (f->db);

  rows = koc_keyword_store_share_of_voice (f->db, brands, 2, 200 * DAY, 213 * DAY, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  r = &g_array_index (rows, KocShareOfVoice, 0);
  g_assert_cmpint (r[0].bucket_start, ==, 200 * DAY);
  g_assert_cmpint (r[0].brand_id, ==, 1);
  g_assert_cmpint (r[0].posts, ==, 3);
  g_assert_cmpint (r[0].engagement, ==, 60);
  g_assert_cmpfloat_with_epsilon (r[0].share_posts, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (r[0].share_engagement, 0.6, 1e-12);
  g_assert_cmpint (r[1].brand_id, ==, 2);
  g_assert_cmpfloat_with_epsilon (r[1].share_posts, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (r[1].share_engagement, 0.4, 1e-12);
  g_assert_cmpint (r[2].bucket_start, ==, 207 * DAY);
  g_assert_cmpint (r[2].posts, ==, 0);
  g_assert_cmpfloat (r[2].share_posts, ==, 0);
  g_assert_cmpint (r[3].posts, ==, 2);
  g_assert_cmpint (r[3].engagement, ==, 20);
  g_assert_cmpfloat (r[3].share_posts, ==, 1);

  /* An empty period: rows with zeros, no division by zero. */
  g_clear_pointer (&rows, g_array_unref);
  rows = koc_keyword_store_share_of_voice (f->db, brands, 2, 500 * DAY, 500 * DAY, 7, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpfloat (g_array_index (rows, KocShareOfVoice, 0).share_posts, ==, 0);
}

/* Runs kocdesk-cli with @args; returns its stdout, asserting exit status 0. */
static char *
run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("KOCDESK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (f->dir, "posts.txt", NULL);
  g_autofree char *db_path = g_build_filename (f->dir, "ws.db", NULL);
  g_autofree char *png = g_build_filename (f->dir, "cloud.png", NULL);
  g_autofree char *out = NULL, *out_db = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *first;

  if (g_getenv ("KOCDESK_CLI") == NULL)
    {
      g_test_skip ("KOCDESK_CLI not set");
      return;
    }
  /* One post per line; [哈哈] and the URL never count. */
  g_assert_true (g_file_set_contents (text_path,
                                      "面膜好用[哈哈] http://t.cn/x\n面膜 平替[哈哈]\r\n防晒 面膜\n\n口红 #好物分享#\n",
                                      -1, &error));
  {
    const char *args[] = { "keywords", "--text", text_path, "--top", "2", "--json", "--cloud", png, NULL };

    out = run_cli (args);
  }
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "keyword"), ==, "面膜");
  g_assert_cmpint (json_object_get_int_member (first, "count"), ==, 3);
  /* 4 posts, 面膜 in 3: 3 × (ln (5/4) + 1). */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "score"), 3 * (log (5.0 / 4.0) + 1), 1e-9);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  /* From the workspace's aggregates (the CLI catches up first). */
  koc_db_close (f->db);
  f->db = NULL;
  {
    const char *args[] = { "keywords", "--db", db_path, "--brand", "Perfect Diary", "--json", NULL };

    out_db = run_cli (args);
  }
  g_assert_true (json_parser_load_from_data (parser, out_db, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  /* Posts 2 and 4 mention the brand; both name it. */
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "keyword"), ==, "完美日记");
  g_assert_cmpint (json_object_get_int_member (first, "count"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (first, "engagement"), ==, 50 + 5 + 1 + 2 + 300 + 20 + 8 + 40);

  /* The monthly report: a PDF, written whole. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
    g_autofree char *partial = g_strconcat (pdf, ".partial", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *printed = NULL;
    const char *args[] = { "report", "--db", db_path, "--month", "1970-01", "--out", pdf, NULL };
    gsize len = 0;

    printed = run_cli (args);
    g_assert_true (g_file_get_contents (pdf, &contents, &len, &error));
    g_assert_cmpuint (len, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  }

  f->db = koc_db_open (db_path, KOC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

/* Posts 1000… from the first @n texts (after @skip) of the COVID-19 Weibo corpus, one a
 * day-minute apart, account 1; FALSE when the corpus is missing (the test is skipped). */
static gboolean
add_corpus_posts (sqlite3 *db,
                  guint    skip,
                  guint    n)
{
  g_autofree char *path = koc_test_corpus_file ("covid19_weibo_labeled_21173.csv");
  KocCsvOptions options = { "UTF-8", ',', 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCsvReader) reader = NULL;
  const char * const *cells;
  sqlite3_stmt *stmt = NULL;
  guint n_cells, row = 0;

  if (path == NULL)
    return FALSE;
  reader = koc_csv_reader_new_for_path (path, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (koc_csv_reader_next (reader, &n_cells));
  exec (db, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO posts (id, account_id, text, published_at, likes)"
                                       " VALUES (?1, 1, ?2, ?3, 1)", -1, &stmt, NULL), ==, SQLITE_OK);
  while ((cells = koc_csv_reader_next (reader, &n_cells)) != NULL && row < skip + n)
    {
      if (row >= skip && n_cells > 0)
        {
          sqlite3_bind_int64 (stmt, 1, 1000 + row);
          sqlite3_bind_text (stmt, 2, cells[0], -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 3, 20 * DAY + row * 60);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          sqlite3_reset (stmt);
        }
      row++;
    }
  sqlite3_finalize (stmt);
  exec (db, "COMMIT");
  return TRUE;
}

static gint64
total_of (sqlite3    *db,
          const char *keyword)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT posts FROM keyword_totals WHERE keyword = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, keyword, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The phrase step in the aggregates, on real Weibo posts: the catch-up learns the same
 * phrases as the counter's step over the same posts, the aggregates count them as
 * keywords (words that exist only as phrases, from single-character fragments, too),
 * later posts merge the same phrases without learning again, and the aggregates still
 * equal a rescan of the posts. */
static void
test_corpus_phrases (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) phrases = NULL, again = NULL, expected = NULL, plain = NULL, with_phrases = NULL;
  g_autoptr(GHashTable) plain_words = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) phrase_counts = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 sum_counter = 0, sum_aggregates = 0;
  g_autoptr(KocKeywordExtractor) extractor = NULL;
  g_autoptr(KocKeywordCounter) counter = NULL;
  KocKeywordCounterOptions no_phrases = { FALSE, 0, 0 };
  guint n_new_words = 0, n_counted = 0;

  if (!add_corpus_posts (f->db, 0, 6000))
    return;
  g_assert_cmpint (refresh (f->db), ==, 6 + 6000);
  phrases = koc_keyword_store_list_phrases (f->db, &error);
  g_assert_no_error (error);
  g_test_message ("%u phrases learned", phrases->len);
  g_assert_cmpuint (phrases->len, >, 10);

  /* The counter's own phrase step over the same posts (fixture posts included). */
  exec (f->db, "DELETE FROM workspace_meta WHERE key = 'keywords:phrases'");
  extractor = koc_keyword_store_extractor_new (f->db, &error);
  g_assert_no_error (error);
  counter = koc_keyword_counter_new (extractor, NULL);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (f->db, "SELECT text FROM posts ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      koc_keyword_counter_add (counter, (const char *) sqlite3_column_text (stmt, 0), -1, 0);
    sqlite3_finalize (stmt);
  }
  expected = koc_keyword_counter_find_phrases (counter);
  with_phrases = koc_keyword_counter_finish (counter);
  for (guint i = 0; i < with_phrases->len; i++)
    g_hash_table_insert (phrase_counts, ((KocKeyword *) with_phrases->pdata[i])->keyword,
                         GINT_TO_POINTER ((int) ((KocKeyword *) with_phrases->pdata[i])->count));
  {
    guint j = 0;

    /* The same phrases; only those with a space (Latin pairs) are not kept. */
    for (guint i = 0; i < expected->len; i++)
      {
        const char *phrase = g_ptr_array_index (expected, i);

        if (strchr (phrase, ' ') != NULL)
          continue;
        g_assert_cmpuint (j, <, phrases->len);
        g_assert_cmpstr (phrase, ==, g_ptr_array_index (phrases, j));
        j++;
      }
    g_assert_cmpuint (j, ==, phrases->len);
  }

  /* Without the phrase step, which of them would not be keywords at all. */
  g_clear_pointer (&counter, koc_keyword_counter_free);
  counter = koc_keyword_counter_new (extractor, &no_phrases);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (f->db, "SELECT text FROM posts ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      koc_keyword_counter_add (counter, (const char *) sqlite3_column_text (stmt, 0), -1, 0);
    sqlite3_finalize (stmt);
  }
  plain = koc_keyword_counter_finish (counter);
  for (guint i = 0; i < plain->len; i++)
    g_hash_table_add (plain_words, ((KocKeyword *) g_ptr_array_index (plain, i))->keyword);
  for (guint i = 0; i < phrases->len; i++)
    {
      const char *phrase = g_ptr_array_index (phrases, i);
      gint64 total = total_of (f->db, phrase);

      /* The same count as the counter's own phrase step gives. */
      if (total == GPOINTER_TO_INT (g_hash_table_lookup (phrase_counts, phrase)))
        n_counted++;
      if (total > 0 && !g_hash_table_contains (plain_words, phrase))
        n_new_words++;
      sum_aggregates += total;
      sum_counter += GPOINTER_TO_INT (g_hash_table_lookup (phrase_counts, phrase));
      if (i < 5)
        g_test_message ("phrase %s: %lld posts, %d by the counter", phrase, (long long) total,
                        GPOINTER_TO_INT (g_hash_table_lookup (phrase_counts, phrase)));
    }
  g_test_message ("%u of %u phrases counted as by the counter; %lld phrase occurrences in the aggregates,"
                  " %lld by the counter", n_counted, phrases->len, (long long) sum_aggregates, (long long) sum_counter);
  /* Most phrases get exactly the counter's count; the rest differ a little, because a
   * learned phrase also matches where ICU had split it otherwise (and overlapping
   * phrases are matched longest first rather than left to right). */
  g_assert_cmpuint (n_counted, >=, phrases->len * 3 / 4);
  g_assert_cmpint (ABS (sum_aggregates - sum_counter), <=, sum_counter / 10);
  g_assert_cmpuint (n_new_words, >, 0);

  /* More posts: merged with the same phrases, nothing learned again. */
  g_assert_true (add_corpus_posts (f->db, 6000, 1000));
  {
    g_autoptr(GPtrArray) top = NULL, rescan = NULL;
    g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
    KocKeywordQuery query = { 0, 0, 40 * DAY, 0, 0, FALSE };
    gint64 n_top = 0, n_rescan = 0;

    /* (the phrases were removed above for the reference counter: put them back) */
    exec (f->db, "DELETE FROM workspace_meta WHERE key = 'keywords:phrases'");
    {
      g_autoptr(GString) value = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      for (guint i = 0; i < phrases->len; i++)
        g_string_append_printf (value, "%s%s", i ? "\n" : "", (const char *) g_ptr_array_index (phrases, i));
      g_assert_cmpint (sqlite3_prepare_v2 (f->db, "INSERT INTO workspace_meta (key, value) VALUES"
                                           " ('keywords:phrases', ?1)", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, value->str, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
    g_assert_cmpint (refresh (f->db), ==, 1000);
    again = koc_keyword_store_list_phrases (f->db, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, phrases->len);

    top = koc_keyword_store_top (f->db, &query, &n_top, &error);
    g_assert_no_error (error);
    rescan = koc_keyword_store_top_rescan (f->db, &query, &n_rescan, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (n_top, ==, n_rescan);
    g_assert_cmpuint (top->len, ==, rescan->len);
    for (guint i = 0; i < rescan->len; i++)
      g_hash_table_insert (counts, ((KocKeyword *) rescan->pdata[i])->keyword,
                           GINT_TO_POINTER ((int) ((KocKeyword *) rescan->pdata[i])->count));
    for (guint i = 0; i < top->len; i++)
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, ((KocKeyword *) top->pdata[i])->keyword)), ==,
                       ((KocKeyword *) top->pdata[i])->count);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/keyword-store/corpus-phrases", Fixture, NULL, fixture_set_up,
              test_corpus_phrases, fixture_tear_down);
  g_test_add ("/keyword-store/incremental-equals-full", Fixture, NULL, fixture_set_up,
              test_incremental_equals_full, fixture_tear_down);
  g_test_add ("/keyword-store/top-and-rescan", Fixture, NULL, fixture_set_up,
              test_top_and_rescan, fixture_tear_down);
  g_test_add ("/keyword-store/lexicon", Fixture, NULL, fixture_set_up, test_lexicon, fixture_tear_down);
  g_test_add ("/keyword-store/share-of-voice", Fixture, NULL, fixture_set_up,
              test_share_of_voice, fixture_tear_down);
  g_test_add ("/keyword-store/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
