/* test-recommend.c: "Similar to your top advocates" on hand-made rows.
 *
 * Top advocates (n_top 3): P1–P3, beauty in 上海, mentioning 栗山咖啡 (brand 2) and
 * tagging #护肤. P4 is an advocate too, with a low score: not compared, not listed.
 * Candidates: C1 (beauty, 上海, mentions brand 2, #护肤) ranks first; C3 (beauty, 北京)
 * second; C2 (tech, 北京, nothing in common) is not listed.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-db.h"
#include "koc-recommend.h"
#include "koc-test-utils.h"

static const char rows_sql[] =
  "INSERT INTO brands (id, name, is_own) VALUES (1, '露可', 1), (2, '栗山咖啡', 0);"
  "INSERT INTO people (id, display_name, stage, category, region, koc_score) VALUES"
  " (1, 'P1', 'advocate', 'beauty', '上海', 90), (2, 'P2', 'ambassador', 'beauty', '上海', 85),"
  " (3, 'P3', 'advocate', 'beauty', '上海', 80), (4, 'P4', 'advocate', 'beauty', '上海', 10),"
  " (11, 'C1', 'discovered', 'beauty', '上海', 40), (12, 'C2', 'engaged', 'tech', '北京', 60),"
  " (13, 'C3', 'discovered', 'beauty', '北京', 50);"
  "INSERT INTO accounts (id, person_id, platform, handle, followers) VALUES"
  " (1, 1, 'xiaohongshu', 'p1', 5000), (2, 2, 'xiaohongshu', 'p2', 6000),"
  " (3, 3, 'xiaohongshu', 'p3', 7000), (4, 4, 'xiaohongshu', 'p4', 8000),"
  " (11, 11, 'xiaohongshu', 'c1', 4000), (12, 12, 'weibo', 'c2', 300000),"
  " (13, 13, 'douyin', 'c3', 9000);"
  "INSERT INTO posts (id, account_id, published_at, text) VALUES"
  " (1, 1, 1, 'a'), (2, 2, 2, 'b'), (3, 3, 3, 'c'), (4, 4, 4, 'd'), (11, 11, 11, 'e'), (12, 12, 12, 'f');"
  "INSERT INTO post_mentions (post_id, brand_id, published_at) VALUES (1, 2, 1), (2, 2, 2), (3, 2, 3),"
  " (4, 2, 4), (11, 2, 11);"
  "INSERT INTO post_hashtags (post_id, tag) VALUES (1, '护肤'), (2, '护肤'), (11, '护肤'), (12, '数码');";

static void
test_recommend_lookalikes (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "rec.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  g_autofree char *reason = NULL;
  sqlite3 *db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);
  KocRecommendation *first, *second;

  g_assert_no_error (error);
  g_assert_true (koc_db_exec (db, rows_sql, &error));
  g_assert_no_error (error);

  recs = koc_recommend_lookalikes (db, 3, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recs->len, ==, 2);
  first = recs->pdata[0];
  second = recs->pdata[1];
  g_assert_cmpint (first->hit->account_id, ==, 11);
  g_assert_cmpint (second->hit->account_id, ==, 13);
  g_assert_cmpuint (first->n_advocates, ==, 3);
  g_assert_cmpstr (first->category, ==, "beauty");
  g_assert_cmpuint (first->n_category, ==, 3);
  g_assert_cmpstr (first->region, ==, "上海");
  g_assert_cmpstr (first->brand, ==, "栗山咖啡");
  g_assert_cmpuint (first->n_brand, ==, 3);
  g_assert_cmpstr (first->hashtag, ==, "护肤");
  g_assert_cmpuint (first->n_hashtags, ==, 1);
  /* (0.30 × 3 + 0.20 × 3 + 0.25 × 3 + 0.10 × 3) ÷ 3 + 0.15 × 1/10 */
  g_assert_cmpfloat_with_epsilon (first->similarity, 0.85 + 0.015, 1e-9);
  /* C3: category only (and its tier, micro… no: nano like the advocates' 3). */
  g_assert_null (second->region);
  g_assert_null (second->brand);
  g_assert_cmpfloat_with_epsilon (second->similarity, 0.30 + 0.10, 1e-9);

  reason = koc_recommendation_describe (first, NULL);
  g_assert_cmpstr (reason, ==, "Same category (beauty) and region (上海); mentions 栗山咖啡 like 3 of your"
                               " advocates; uses #护肤 and 0 more of their hashtags");
  g_free (reason);
  reason = koc_recommendation_describe (second, NULL);
  g_assert_cmpstr (reason, ==, "Same category (beauty)");

  /* No advocates: nothing to compare with. */
  g_assert_true (koc_db_exec (db, "UPDATE people SET stage = 'engaged'", &error));
  g_clear_pointer (&recs, g_ptr_array_unref);
  recs = koc_recommend_lookalikes (db, 3, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recs->len, ==, 0);

  koc_db_close (db);
  koc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recommend/lookalikes", test_recommend_lookalikes);
  return g_test_run ();
}
