/* test-score.c: the KOC score engine against hand-computed cases.
 *
 * The workspace below is small enough to compute every component by hand (now = N):
 *   nano tier: A1 0.02, A2 0.04, A3 0.04 (no person), A4 0.08 → percentiles .125 .5 .5 .875,
 *              median .04
 *   micro: A5 0.01 alone → .5;  mid: A6 .01, A7 .02, A8 .5 → A8 .8333, median .02
 *   P1 (A4, 2,000 followers): 8 posts in 90 days, 100 likes 10 comments each; one mentions
 *      the own brand unprompted, one as a campaign deliverable (prompted), one a
 *      competitor; an older own mention (200 days) is outside the window; last post 15
 *      days ago; 3 redemptions.
 *      35 × .875 + 25 × (1/8 ÷ .25 = .5) + 15 × 1 + 15 × (1.5/1k ÷ 5 = .3) + 10 × .5^(15/30)
 *      = 30.625 + 12.5 + 15 + 4.5 + 7.0711 = 69.7
 *   P2 (A1 nano 5,000 and A5 micro): best percentile .5 (A5); A1 jumped 2,000 → 4,000
 *      followers between snapshots: authenticity .6; no posts.  17.5 + 9 = 26.5
 *   P3 (A2): 2 posts 60 days ago with 100 likes and 0 comments: authenticity .7;
 *      recency .25.  17.5 + 10.5 + 2.5 = 30.5
 *   P4: no accounts → not scored.
 *   P5 (A8): rate .5 > 5 × mid median .02: authenticity .7.  29.1667 + 10.5 = 39.7
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "koc-db.h"
#include "koc-score.h"
#include "koc-store.h"
#include "koc-test-utils.h"
#include "store-fixture.h"

#define N 1000000000
#define DAYS(d) (N - (d) * 86400)

typedef struct
{
  char    *dir;
  char    *path;
  sqlite3 *db;
} Fixture;

static const char rows_sql[] =
  "INSERT INTO brands (id, name, is_own) VALUES (1, 'Own', 1), (2, 'Rival', 0);"
  "INSERT INTO people (id, display_name) VALUES (1, 'P1'), (2, 'P2'), (3, 'P3'), (4, 'P4'), (5, 'P5');"
  "INSERT INTO accounts (id, person_id, platform, handle, followers, engagement_rate) VALUES"
  " (1, 2, 'weibo', 'a1', 5000, 0.02), (2, 3, 'weibo', 'a2', 3000, 0.04),"
  " (3, NULL, 'weibo', 'a3', 3000, 0.04), (4, 1, 'xiaohongshu', 'a4', 2000, 0.08),"
  " (5, 2, 'douyin', 'a5', 50000, 0.01), (6, NULL, 'weibo', 'a6', 200000, 0.01),"
  " (7, NULL, 'weibo', 'a7', 200000, 0.02), (8, 5, 'weibo', 'a8', 200000, 0.5);"
  "INSERT INTO metric_snapshots (account_id, taken_at, followers) VALUES"
  " (1, 100, 2000), (1, 200, 4000), (1, 300, 5000), (4, 100, 1000), (4, 200, 1900), (4, 300, 2000);"
  "INSERT INTO campaigns (id, name) VALUES (1, 'C');"
  "INSERT INTO campaign_stages (id, campaign_id, name, position) VALUES (1, 1, 'S', 0);"
  "INSERT INTO cards (id, campaign_id, person_id, stage_id) VALUES (1, 1, 1, 1);"
  "INSERT INTO referral_codes (id, code, person_id, campaign_id) VALUES (1, 'P1CODE', 1, 1);"
  "INSERT INTO redemptions (code_id, redeemed_at, order_ref) VALUES (1, 1, 'o1'), (1, 2, 'o2'), (1, 3, 'o3');";

static void
exec (sqlite3    *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (koc_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
add_post (sqlite3 *db,
          gint64   id,
          gint64   account,
          gint64   published,
          gint64   likes,
          gint64   comments)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO posts (id, account_id, published_at, likes, comments)"
                                          " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                                          ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                          id, account, published, likes, comments);
  exec (db, sql);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = koc_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "score.db", NULL);
  fixture->db = koc_db_open (fixture->path, KOC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  exec (fixture->db, "BEGIN");
  exec (fixture->db, rows_sql);
  for (int i = 0; i < 8; i++)
    add_post (fixture->db, 10 + i, 4, DAYS (15 + 5 * i), 100, 10);
  add_post (fixture->db, 30, 4, DAYS (200), 100, 10);
  exec (fixture->db, "INSERT INTO post_mentions (post_id, brand_id, published_at) VALUES"
                     " (10, 1, 0), (11, 1, 0), (12, 2, 0), (30, 1, 0);"
                     "INSERT INTO card_deliverables (card_id, post_id) VALUES (1, 11);");
  add_post (fixture->db, 40, 2, DAYS (60), 100, 0);
  add_post (fixture->db, 41, 2, DAYS (60), 100, 0);
  exec (fixture->db, "COMMIT");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  koc_db_close (fixture->db);
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static guint64
recompute (Fixture       *fixture,
           KocScoreScope  scope,
           gint64         now)
{
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  g_assert_true (koc_db_begin_write (fixture->db, &error));
  g_assert_true (koc_score_recompute (fixture->db, scope, NULL, 0, now, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_true (koc_db_commit (fixture->db, &error));
  return n;
}

static double
score_of (Fixture *fixture,
          gint64   person)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (round (koc_score * 10), -1) FROM people"
                                          " WHERE id = %" G_GINT64_FORMAT, person);

  return store_fixture_int (fixture->db, sql) / 10.0;
}

static double
component (Fixture    *fixture,
           gint64      person,
           guint       index,
           const char *field)
{
  g_autofree char *sql = g_strdup_printf ("SELECT round (json_extract (score_breakdown, '$.components[%u].%s')"
                                          " * 10000) FROM people WHERE id = %" G_GINT64_FORMAT,
                                          index, field, person);

  return store_fixture_int (fixture->db, sql) / 10000.0;
}

static void
test_score_formulas (void)
{
  g_assert_cmpfloat_with_epsilon (koc_score_recency (0), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (koc_score_recency (30), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (koc_score_recency (90), 0.125, 1e-12);
  g_assert_cmpfloat_with_epsilon (koc_score_conversion (3, 2000), 0.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (koc_score_conversion (100, 2000), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (koc_score_conversion (0, 0), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (koc_score_conversion (1, 0), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (koc_score_affinity (1, 8), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (koc_score_affinity (5, 8), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (koc_score_affinity (0, 0), 0, 1e-12);
}

static void
test_score_hand_computed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_assert_cmpuint (recompute (fixture, KOC_SCORE_SCOPE_ALL, N), ==, 4);

  g_assert_cmpfloat_with_epsilon (score_of (fixture, 1), 69.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (fixture, 2), 26.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (fixture, 3), 30.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (fixture, 4), -0.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (fixture, 5), 39.7, 1e-9);

  /* The breakdown explains itself: value, weight, points and inputs per component. */
  g_assert_cmpfloat_with_epsilon (component (fixture, 1, 0, "value"), 0.875, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 1, 0, "weight"), 35, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 1, 1, "value"), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 1, 1, "inputs.unprompted"), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 1, 1, "inputs.posts"), 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 1, 3, "value"), 0.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 1, 4, "value"), 0.7071, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 1, 4, "points"), 7.07, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 2, 0, "inputs.account_id"), 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 2, 2, "value"), 0.6, 1e-9);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT json_extract (score_breakdown,"
                                                   " '$.components[2].inputs.follower_spike')"
                                                   " FROM people WHERE id = 2"), ==, 1);
  g_assert_cmpfloat_with_epsilon (component (fixture, 3, 2, "value"), 0.7, 1e-9);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT json_extract (score_breakdown,"
                                                   " '$.components[2].inputs.odd_comment_ratio')"
                                                   " FROM people WHERE id = 3"), ==, 1);
  g_assert_cmpfloat_with_epsilon (component (fixture, 5, 0, "value"), 0.8333, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 5, 2, "value"), 0.7, 1e-9);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM people"
                                                   " WHERE scored_at = 1000000000"), ==, 4);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM score_dirty"), ==, 0);
}

static void
test_score_weights (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KocScoreWeights weights = { { 1, 1, 1, 1, 1 } };
  KocScoreWeights loaded;
  KocScoreWeights bad = { { 0, 0, 0, 0, 0 } };

  g_assert_true (koc_score_weights_load (fixture->db, &loaded, &error));
  g_assert_cmpfloat (loaded.weight[KOC_SCORE_ENGAGEMENT], ==, 35);
  g_assert_cmpfloat (loaded.weight[KOC_SCORE_RECENCY], ==, 10);

  g_assert_false (koc_score_weights_save (fixture->db, &bad, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Stored scaled to 100 %, as JSON in workspace_meta. */
  g_assert_true (koc_score_weights_save (fixture->db, &weights, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT json_extract (value, '$.affinity')"
                                                   " FROM workspace_meta WHERE key = 'koc_score_weights'"), ==, 20);
  g_assert_true (koc_score_weights_load (fixture->db, &loaded, &error));
  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    g_assert_cmpfloat_with_epsilon (loaded.weight[i], 20, 1e-9);

  /* 20 × (.875 + .5 + 1 + .3 + .70711) = 67.64 */
  recompute (fixture, KOC_SCORE_SCOPE_ALL, N);
  g_assert_cmpfloat_with_epsilon (score_of (fixture, 1), 67.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (component (fixture, 1, 1, "weight"), 20, 1e-9);
  /* 20 × (.5 + .6) */
  g_assert_cmpfloat_with_epsilon (score_of (fixture, 2), 22, 1e-9);
}

static void
test_score_incremental (Fixture       *fixture,
                        gconstpointer  data)
{
  recompute (fixture, KOC_SCORE_SCOPE_ALL, N);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM score_dirty"), ==, 0);

  /* A new post of P3 (a normal comment ratio now) and a redemption of P1's code. */
  exec (fixture->db, "BEGIN");
  add_post (fixture->db, 50, 2, DAYS (0), 10000, 500);
  exec (fixture->db, "INSERT INTO redemptions (code_id, redeemed_at, order_ref) VALUES (1, 4, 'o4');");
  exec (fixture->db, "COMMIT");
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM score_dirty"
                                                   " WHERE person_id IN (1, 3)"), ==, 2);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM score_dirty"), ==, 2);

  g_assert_cmpuint (recompute (fixture, KOC_SCORE_SCOPE_DIRTY, N + 1), ==, 2);
  /* P3: 17.5 + 15 × 1 + 10 × 1 = 42.5; P1: conversion 2/1k ÷ 5 = .4 → 69.7 + 1.5 = 71.2 */
  g_assert_cmpfloat_with_epsilon (score_of (fixture, 3), 42.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (fixture, 1), 71.2, 1e-9);
  /* Only those two were touched. */
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM people"
                                                   " WHERE scored_at = 1000000001 AND id IN (1, 3)"), ==, 2);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM people"
                                                   " WHERE scored_at = 1000000001"), ==, 2);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM score_dirty"), ==, 0);

  /* Moving an account to another person dirties both. */
  exec (fixture->db, "UPDATE accounts SET person_id = 1 WHERE id = 8");
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM score_dirty"
                                                   " WHERE person_id IN (1, 5)"), ==, 2);
  g_assert_cmpuint (recompute (fixture, KOC_SCORE_SCOPE_DIRTY, N + 2), ==, 1);
  /* P5 has no account any more: left as it was, not rescored. */
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT scored_at FROM people WHERE id = 5"), ==, N);

  /* Deleting a person waiting to be rescored: the foreign keys set their accounts'
   * person_id to NULL, whose trigger must not collide with the waiting row. */
  exec (fixture->db, "UPDATE accounts SET followers = followers + 1 WHERE person_id = 1");
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM score_dirty WHERE person_id = 1"), ==, 1);
  exec (fixture->db, "DELETE FROM people WHERE id = 1");
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT count (*) FROM accounts WHERE person_id = 1"), ==, 0);
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  guint64 *seen = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (total, ==, 4);
  seen[0]++;
  seen[1] = done;
}

static void
test_score_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KocStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KocScoreWeights weights = { { 50, 0, 50, 0, 0 } };
  guint64 seen[2] = { 0, 0 };
  guint64 n = 0;

  store = koc_store_open_sync (fixture->path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  koc_score_recompute_async (store, KOC_SCORE_SCOPE_ALL, &weights, progress_cb, seen, NULL,
                             koc_test_result_cb, &result);
  koc_test_wait_for_result (&result);
  g_assert_true (koc_score_recompute_finish (store, result, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  /* Progress arrives on this thread before the result: at least the start and the end. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (seen[0], >=, 2);
  g_assert_cmpuint (seen[1], ==, 4);

  /* 50 × .5 + 50 × .6, now = the real time (recency has weight 0). */
  g_assert_cmpfloat_with_epsilon (score_of (fixture, 2), 55, 1e-9);
  g_assert_cmpint (store_fixture_int (fixture->db, "SELECT json_extract (value, '$.engagement')"
                                                   " FROM workspace_meta WHERE key = 'koc_score_weights'"), ==, 50);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/score/formulas", test_score_formulas);
  g_test_add ("/score/hand-computed", Fixture, NULL, fixture_set_up, test_score_hand_computed, fixture_tear_down);
  g_test_add ("/score/weights", Fixture, NULL, fixture_set_up, test_score_weights, fixture_tear_down);
  g_test_add ("/score/incremental", Fixture, NULL, fixture_set_up, test_score_incremental, fixture_tear_down);
  g_test_add ("/score/async", Fixture, NULL, fixture_set_up, test_score_async, fixture_tear_down);

  return g_test_run ();
}
