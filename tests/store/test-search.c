/* test-search.c: Discover searches through KocStore — filters, sorts, snippets, plans.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-store.h"
#include "koc-test-utils.h"
#include "store-fixture.h"

typedef struct
{
  char     *dir;
  char     *path;
  KocStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = koc_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "ws.db", NULL);
  store_fixture_create_file (fixture->path);
  fixture->store = koc_store_open_sync (fixture->path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GPtrArray *
search_accounts (Fixture        *fixture,
                 KocSearchQuery *query)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hits;

  koc_store_search_async (fixture->store, query, NULL, koc_test_result_cb, &result);
  koc_test_wait_for_result (&result);
  hits = koc_store_search_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* Asserts the account ids of @hits, in order; @expected ends with 0. */
static void
assert_accounts (GPtrArray    *hits,
                 const gint64 *expected)
{
  guint n = 0;

  while (expected[n] != 0)
    n++;
  for (guint i = 0; i < hits->len; i++)
    g_test_message ("hit %u: account %" G_GINT64_FORMAT, i,
                    ((KocAccountHit *)hits->pdata[i])->account_id);
  g_assert_cmpuint (hits->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((KocAccountHit *)hits->pdata[i])->account_id, ==, expected[i]);
}

#define ASSERT_ACCOUNTS(hits, ...) \
  assert_accounts (hits, (const gint64[]) { __VA_ARGS__, 0 })

static void
test_text_relevance (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KocSearchQuery) query = koc_search_query_new ();
  g_autoptr(GPtrArray) hits = NULL;
  KocAccountHit *hit;

  query->text = g_strdup ("面膜");
  hits = search_accounts (fixture, query);
  /* Account 1 matches by bio and a post, account 2 by a post only. */
  ASSERT_ACCOUNTS (hits, 1, 2);
  hit = hits->pdata[0];
  g_assert_cmpstr (hit->display_name, ==, "小红");
  g_assert_cmpstr (hit->handle, ==, "xiaohong_beauty");
  g_assert_cmpstr (hit->platform, ==, "xiaohongshu");
  g_assert_cmpstr (hit->tier, ==, "micro");
  g_assert_cmpstr (hit->stage, ==, "advocate");
  g_assert_cmpstr (hit->owner, ==, "amy");
  g_assert_cmpstr (hit->region, ==, "上海");
  g_assert_cmpint (hit->person_id, ==, 1);
  g_assert_cmpint (hit->followers, ==, 52000);
  g_assert_cmpfloat_with_epsilon (hit->engagement_rate, 0.08, 1e-9);
  g_assert_cmpfloat_with_epsilon (hit->koc_score, 80, 1e-9);
  g_assert_cmpint (hit->last_post_at, ==, 5000);
  g_assert_cmpint (hit->mention_count, ==, 1);
  g_assert_cmpfloat (hit->relevance, >, ((KocAccountHit *)hits->pdata[1])->relevance);
  g_assert_nonnull (strstr (hit->snippet, KOC_SNIPPET_START "面膜" KOC_SNIPPET_END));
  hit = hits->pdata[1];
  g_assert_cmpint (hit->matched_post_id, ==, 5);
  g_assert_nonnull (strstr (hit->snippet, KOC_SNIPPET_START "面膜" KOC_SNIPPET_END "开箱"));
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KocSearchQuery) query = koc_search_query_new ();
  GPtrArray *hits;

  query->text = g_strdup ("面膜");
  query->platforms = g_strsplit ("douyin,weibo", ",", -1);
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 2);
  g_ptr_array_unref (hits);

  /* Text with a sort on an expression (mentions) and with a brand filter. */
  g_clear_pointer (&query->platforms, g_strfreev);
  query->sort = KOC_SEARCH_SORT_MENTIONS;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 2, 1); /* one mention each: ties by id */
  g_ptr_array_unref (hits);
  query->ascending = TRUE;
  query->sort = KOC_SEARCH_SORT_NAME;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 1, 2); /* both named 小红: ties by id */
  query->ascending = FALSE;
  g_ptr_array_unref (hits);
  query->brand_id = 2;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 2);
  g_assert_cmpint (((KocAccountHit *)hits->pdata[0])->mention_count, ==, 1);
  g_assert_nonnull (((KocAccountHit *)hits->pdata[0])->snippet);
  g_ptr_array_unref (hits);
  query->brand_id = 0;

  g_clear_pointer (&query->text, g_free);
  query->sort = KOC_SEARCH_SORT_FOLLOWERS;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 2, 5, 4, 1, 3);
  g_ptr_array_unref (hits);

  query->tiers = g_strsplit ("nano,micro", ",", -1);
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 1, 3);
  g_ptr_array_unref (hits);
  g_clear_pointer (&query->tiers, g_strfreev);

  query->min_followers = 100000;
  query->max_followers = 800000;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 5, 4);
  g_ptr_array_unref (hits);
  query->min_followers = query->max_followers = -1;

  query->min_engagement = 0.05;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 5, 1, 3);
  g_ptr_array_unref (hits);
  query->min_engagement = -1;

  query->stage = g_strdup ("advocate");
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 2, 1);
  g_ptr_array_unref (hits);
  g_clear_pointer (&query->stage, g_free);

  query->owner = g_strdup ("bob");
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 3);
  g_ptr_array_unref (hits);
  g_clear_pointer (&query->owner, g_free);

  query->region = g_strdup ("广州");
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 4);
  g_ptr_array_unref (hits);
  g_clear_pointer (&query->region, g_free);

  query->brand_id = 1;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 1, 3);
  g_assert_cmpint (((KocAccountHit *)hits->pdata[1])->mention_count, ==, 1);
  g_ptr_array_unref (hits);
  query->brand_id = 0;

  query->active_since = 5000;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 2, 5, 1);
  g_ptr_array_unref (hits);
}

static void
test_sorts_and_pages (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KocSearchQuery) query = koc_search_query_new ();
  GPtrArray *hits;

  query->sort = KOC_SEARCH_SORT_ENGAGEMENT;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 3, 1, 5, 2, 4);
  g_ptr_array_unref (hits);

  query->ascending = TRUE;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 4, 2, 5, 1, 3);
  g_ptr_array_unref (hits);
  query->ascending = FALSE;

  /* Same score for both of 小红's accounts: ties broken by id. Account 5 has no
   * person, hence no score: not listed. */
  query->sort = KOC_SEARCH_SORT_SCORE;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 2, 1, 3, 4);
  g_ptr_array_unref (hits);

  query->sort = KOC_SEARCH_SORT_FOLLOWERS;
  query->limit = 2;
  query->offset = 2;
  hits = search_accounts (fixture, query);
  ASSERT_ACCOUNTS (hits, 4, 1);
  g_ptr_array_unref (hits);
}

static void
test_posts (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(KocSearchQuery) query = koc_search_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  KocPostHit *hit;

  query->text = g_strdup ("好用");
  query->sort = KOC_SEARCH_SORT_LAST_POST;
  koc_store_search_posts_async (fixture->store, query, NULL, koc_test_result_cb, &result);
  koc_test_wait_for_result (&result);
  hits = koc_store_search_posts_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  hit = hits->pdata[0];
  g_assert_cmpint (hit->post_id, ==, 4);
  g_assert_cmpint (hit->account_id, ==, 1);
  g_assert_cmpstr (hit->handle, ==, "xiaohong_beauty");
  g_assert_cmpint (hit->published_at, ==, 4000);
  g_assert_cmpint (hit->likes, ==, 300);
  g_assert_cmpint (hit->saves, ==, 40);
  g_assert_cmpstr (hit->snippet, ==, "完美日记口红试色，" KOC_SNIPPET_START "好用" KOC_SNIPPET_END);
  g_assert_cmpint (((KocPostHit *)hits->pdata[1])->post_id, ==, 1);
}

/* Above the ranking threshold, posts come newest first (rowid DESC) with no bm25. */
static gboolean
add_common_posts_func (sqlite3       *db,
                       gpointer       data,
                       gpointer      *result,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return koc_db_exec (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                          " WHERE i < 2500) INSERT INTO posts (account_id, text, published_at)"
                          " SELECT 5, '今天的咖啡 ' || i, 10000 + i FROM n", error);
}

static void
test_common_term (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KocSearchQuery) query = koc_search_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (koc_store_write_sync (fixture->store, add_common_posts_func, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  query->text = g_strdup ("咖啡");
  query->limit = 10;
  koc_store_search_posts_async (fixture->store, query, NULL, koc_test_result_cb, &result);
  koc_test_wait_for_result (&result);
  posts = koc_store_search_posts_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 10);
  for (guint i = 0; i < posts->len; i++)
    g_assert_cmpint (((KocPostHit *)posts->pdata[i])->published_at, ==, 12500 - i);

  koc_store_search_async (fixture->store, query, NULL, koc_test_result_cb, &result2);
  koc_test_wait_for_result (&result2);
  accounts = koc_store_search_finish (fixture->store, result2, &error);
  g_assert_no_error (error);
  ASSERT_ACCOUNTS (accounts, 5);
  g_assert_cmpfloat (((KocAccountHit *)accounts->pdata[0])->relevance, >=, 2500);
}

static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KocSearchQuery) query = koc_search_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  KocPersonHit *hit;

  query->text = g_strdup ("Skincare");
  koc_store_search_people_async (fixture->store, query, NULL, koc_test_result_cb, &result);
  koc_test_wait_for_result (&result);
  hits = koc_store_search_people_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpint (hit->person_id, ==, 2);
  g_assert_cmpstr (hit->display_name, ==, "Lily Chen");
  g_assert_cmpstr (hit->stage, ==, "engaged");
  g_assert_cmpint (hit->n_accounts, ==, 1);
  g_assert_nonnull (strstr (hit->snippet, KOC_SNIPPET_START "skincare" KOC_SNIPPET_END));
}

/* Syntax in user text is text: never an FTS5 error; nothing searchable → no rows. */
static void
test_hostile_text (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *inputs[] = { "\"面膜 OR", "NEAR(", "*", "!!!", "a:b ^c -d", "   " };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(KocSearchQuery) query = koc_search_query_new ();
      g_autoptr(GPtrArray) hits = NULL;

      query->text = g_strdup (inputs[i]);
      hits = search_accounts (fixture, query);
      g_test_message ("%s → %u hits", inputs[i], hits->len);
      if (i >= 2 && i != 4)
        g_assert_cmpuint (hits->len, ==, i == 5 ? 5 : 0);
    }
}

static gboolean
count_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 count = koc_search_count_accounts (db, data, error);

  *result = g_memdup2 (&count, sizeof count);
  return count >= 0;
}

/* The count is exactly the number of rows the pages hold, for text, filters and both. */
static void
test_count (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct { const char *text; const char *platforms; gint64 brand; } cases[] = {
    { NULL, NULL, 0 }, { "面膜", NULL, 0 }, { "面膜", "douyin,weibo", 0 }, { NULL, "weibo", 0 },
    { "面膜", NULL, 2 }, { "\"()*", NULL, 0 }, { "nothing-matches-this", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KocSearchQuery) query = koc_search_query_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autofree gint64 *count = NULL;

      query->text = g_strdup (cases[i].text);
      query->platforms = cases[i].platforms ? g_strsplit (cases[i].platforms, ",", -1) : NULL;
      query->brand_id = cases[i].brand;
      query->limit = 1000;
      hits = search_accounts (fixture, query);
      g_assert_true (koc_store_run_sync (fixture->store, count_func, query, (gpointer *) &count, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (*count, ==, hits->len);
    }
}

static void
test_snippet_markup (void)
{
  g_autofree char *markup = koc_search_snippet_to_markup ("<a>" KOC_SNIPPET_START "面膜"
                                                         KOC_SNIPPET_END " & co…");

  g_assert_cmpstr (markup, ==, "&lt;a&gt;<b>面膜</b> &amp; co…");
  g_assert_null (koc_search_snippet_to_markup (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/koc/search/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("text-relevance", test_text_relevance);
  ADD ("filters", test_filters);
  ADD ("sorts-and-pages", test_sorts_and_pages);
  ADD ("posts", test_posts);
  ADD ("common-term", test_common_term);
  ADD ("people", test_people);
  ADD ("hostile-text", test_hostile_text);
  ADD ("count", test_count);
#undef ADD
  g_test_add_func ("/koc/search/snippet-markup", test_snippet_markup);

  return g_test_run ();
}
