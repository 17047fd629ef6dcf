/* test-search-filters.c: Discover filters (brand, sentiment toward a brand, tags, with
 * the older ones) combine correctly: on a random workspace, the accounts and the count
 * that koc_search_* return equal an independent SQL query over the raw rows, for many
 * combinations, also after posts change sentiment and mentions are deleted, and after a
 * version-3 workspace is upgraded (the sentiment sums are backfilled).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-search.h"
#include "koc-store.h"
#include "koc-test-utils.h"
#include "store-fixture.h"

static const char * const platforms[] = { "weibo", "douyin", "xiaohongshu" };
static const char * const tag_names[] = { "vip", "种草", "sample" };
static const double sentiments[] = { -1, -0.5, -0.25, 0, 0.25, 0.5, 1 };

static void
exec (sqlite3    *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (koc_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* 150 people, 200 accounts, up to 8 posts each with random sentiment and mentions. */
static void
fill_random (sqlite3 *db,
             guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) sql = g_string_new ("BEGIN;"
    "INSERT INTO brands (id, name, is_own) VALUES (1, 'Own', 1), (2, 'Rival', 0), (3, 'Other', 0);"
    "INSERT INTO tags (id, name) VALUES (1, 'vip'), (2, '种草'), (3, 'sample');");
  gint64 post = 1;

  for (int p = 1; p <= 150; p++)
    {
      g_string_append_printf (sql, "INSERT INTO people (id, display_name) VALUES (%d, 'P%d');", p, p);
      for (int t = 1; t <= 3; t++)
        if (g_rand_int_range (rand, 0, 4) == 0)
          g_string_append_printf (sql, "INSERT INTO person_tags VALUES (%d, %d);", p, t);
    }
  for (int a = 1; a <= 200; a++)
    {
      int person = a <= 150 ? a : g_rand_int_range (rand, 0, 2) ? g_rand_int_range (rand, 1, 151) : 0;
      int n_posts = g_rand_int_range (rand, 0, 9);

      g_string_append_printf (sql, "INSERT INTO accounts (id, person_id, platform, handle, followers)"
                              " VALUES (%d, %s%.0d, '%s', 'h%d', %d);", a, person ? "" : "NULL", person,
                              platforms[g_rand_int_range (rand, 0, 3)], a, g_rand_int_range (rand, 0, 200000));
      for (int i = 0; i < n_posts; i++, post++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          gboolean scored = g_rand_int_range (rand, 0, 5) > 0;

          g_string_append_printf (sql, "INSERT INTO posts (id, account_id, published_at, sentiment)"
                                  " VALUES (%" G_GINT64_FORMAT ", %d, %" G_GINT64_FORMAT ", %s);",
                                  post, a, post, scored ? g_ascii_dtostr (buf, sizeof buf,
                                  sentiments[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentiments))]) : "NULL");
          for (int b = 1; b <= 3; b++)
            if (g_rand_int_range (rand, 0, 3) == 0)
              g_string_append_printf (sql, "INSERT INTO post_mentions VALUES (%" G_GINT64_FORMAT ", %d, 0);",
                                      post, b);
        }
    }
  g_string_append (sql, "COMMIT;");
  exec (db, sql->str);
}

static GArray *
ids_of_sql (sqlite3    *db,
            const char *text)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, text, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The same filters, written directly over posts, post_mentions and person_tags. */
static char *
independent_sql (const KocSearchQuery *query)
{
  GString *sql = g_string_new ("SELECT a.id FROM accounts a WHERE 1");
  gint64 brand = query->brand_id > 0 ? query->brand_id : 1;

  if (query->platforms != NULL)
    g_string_append_printf (sql, " AND a.platform = '%s'", query->platforms[0]);
  if (query->brand_id > 0)
    g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM post_mentions m JOIN posts p ON p.id = m.post_id"
                            " WHERE p.account_id = a.id AND m.brand_id = %" G_GINT64_FORMAT ")", brand);
  if (query->sentiment != KOC_SENTIMENT_ANY)
    g_string_append_printf (sql, " AND (SELECT avg (p.sentiment) FROM posts p JOIN post_mentions m"
                            " ON m.post_id = p.id WHERE p.account_id = a.id AND m.brand_id = %" G_GINT64_FORMAT
                            " AND p.sentiment IS NOT NULL) %s", brand,
                            query->sentiment == KOC_SENTIMENT_POSITIVE ? ">= 0.2"
                            : query->sentiment == KOC_SENTIMENT_NEGATIVE ? "<= -0.2"
                            : "BETWEEN -0.19999999 AND 0.19999999");
  if (query->tags != NULL)
    {
      g_string_append (sql, " AND EXISTS (SELECT 1 FROM person_tags pt JOIN tags t ON t.id = pt.tag_id"
                            " WHERE pt.person_id = a.person_id AND t.name IN (");
      for (guint i = 0; query->tags[i] != NULL; i++)
        g_string_append_printf (sql, "%s'%s'", i ? ", " : "", query->tags[i]);
      g_string_append (sql, "))");
    }
  if (query->min_followers >= 0)
    g_string_append_printf (sql, " AND a.followers >= %" G_GINT64_FORMAT, query->min_followers);
  g_string_append (sql, " ORDER BY a.id");
  return g_string_free (sql, FALSE);
}

static guint
check_combinations (sqlite3 *db,
                    guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint nonempty = 0;

  for (int round = 0; round < 80; round++)
    {
      g_autoptr(KocSearchQuery) query = koc_search_query_new ();
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = NULL;

      query->brand_id = g_rand_int_range (rand, 0, 4);
      query->sentiment = g_rand_int_range (rand, 0, 4);
      if (g_rand_int_range (rand, 0, 2))
        {
          GStrvBuilder *builder = g_strv_builder_new ();

          for (guint t = 0; t < G_N_ELEMENTS (tag_names); t++)
            if (g_rand_int_range (rand, 0, 2))
              g_strv_builder_add (builder, tag_names[t]);
          query->tags = g_strv_builder_end (builder);
          g_strv_builder_unref (builder);
          if (query->tags[0] == NULL)
            g_clear_pointer (&query->tags, g_strfreev);
        }
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          query->platforms = g_new0 (char *, 2);
          query->platforms[0] = g_strdup (platforms[g_rand_int_range (rand, 0, 3)]);
        }
      if (g_rand_int_range (rand, 0, 4) == 0)
        query->min_followers = 50000;
      query->sort = g_rand_int_range (rand, 0, 2) ? KOC_SEARCH_SORT_FOLLOWERS : KOC_SEARCH_SORT_MENTIONS;
      query->limit = 1000;

      sql = independent_sql (query);
      expected = ids_of_sql (db, sql);
      hits = koc_search_accounts (db, query, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < hits->len; i++)
        g_array_append_val (got, ((KocAccountHit *) hits->pdata[i])->account_id);
      g_array_sort (got, compare_ids);

      if (got->len != expected->len ||
          (got->len > 0 && memcmp (got->data, expected->data, got->len * sizeof (gint64)) != 0))
        g_error ("round %d: %u accounts, expected %u from: %s", round, got->len, expected->len, sql);
      g_assert_cmpint (koc_search_count_accounts (db, query, &error), ==, expected->len);
      g_assert_no_error (error);
      nonempty += expected->len > 0;
    }
  return nonempty;
}

static void
test_filters_random (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "filters.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  fill_random (db, 7);
  /* The combinations are not vacuous: most select some accounts. */
  g_assert_cmpuint (check_combinations (db, 1), >, 40);

  /* The sums follow changes of sentiment and deleted mentions. */
  exec (db, "UPDATE posts SET sentiment = -sentiment WHERE id % 3 = 0;"
            "UPDATE posts SET sentiment = NULL WHERE id % 7 = 0;"
            "UPDATE posts SET sentiment = 0.5 WHERE id % 11 = 0 AND sentiment IS NULL;"
            "DELETE FROM post_mentions WHERE post_id % 5 = 0;"
            "DELETE FROM posts WHERE id % 13 = 0;");
  g_assert_cmpuint (check_combinations (db, 2), >, 40);
  koc_db_close (db);
  koc_test_rm_rf (dir);
}

static void
test_filters_upgrade (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v3.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open_at_version (path, 3, &error);

  g_assert_no_error (error);
  fill_random (db, 11);
  koc_db_close (db);

  db = koc_db_open (path, KOC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_int (db, "SELECT sum (sentiment_n) FROM account_brands"), >, 100);
  g_assert_cmpuint (check_combinations (db, 3), >, 40);
  koc_db_close (db);
  koc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-filters/random", test_filters_random);
  g_test_add_func ("/search-filters/upgrade", test_filters_upgrade);

  return g_test_run ();
}
