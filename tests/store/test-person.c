/* test-person.c: koc_person_profile_load() against a workspace filled by hand, with
 * every expected number computed by hand in the comments.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-person.h"
#include "koc-test-utils.h"

#define NOW        1794700800   /* 2026-11-15 */
#define D_OCT03    1790985600
#define D_SEP10    1788998400
#define D_SEP20    1789862400
#define D_2024_05  1714521600
#define D_NOV02    1793577600
#define D_2020_06  1591747200

#define SHA(c) #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c \
               #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c #c

static const char fill_sql[] =
  "INSERT INTO media (sha256, mime, bytes, data) VALUES"
  " ('" SHA (a) "', 'image/png', 7, CAST ('PNGDATA' AS BLOB)),"
  " ('" SHA (b) "', 'image/png', 3, CAST ('XYZ' AS BLOB)),"
  " ('" SHA (c) "', 'image/jpeg', 0, NULL);"
  "INSERT INTO brands (id, name) VALUES (1, '完美日记'), (2, '花西子');"
  "INSERT INTO people (id, display_name, stage, owner, region, category, consent, koc_score,"
  "  score_breakdown, scored_at, created_at) VALUES"
  " (1, '林小雨', 'discovered', 'amy', '上海', '美妆', 'granted', 72.5,"
  "  '{\"engagement\":0.8,\"affinity\":0.5,\"authenticity\":1,\"conversion\":0.2,\"recency\":0.9,"
  "\"weights\":[35,25,15,15,10]}', 1790000000, 1700000000),"
  " (2, 'Old Import', 'dormant', NULL, NULL, NULL, 'unknown', NULL, NULL, NULL, 1700000000),"
  " (3, 'Empty', 'discovered', NULL, NULL, NULL, 'unknown', NULL, NULL, NULL, 1700000000),"
  " (4, 'Scored v2', 'engaged', NULL, NULL, NULL, 'unknown', 36.8,"
  "  '{\"version\":2,\"score\":36.8,\"components\":[{\"key\":\"engagement\",\"value\":0.6,\"weight\":35,"
  "\"points\":21,\"formula\":\"rank in tier\"},{\"key\":\"recency\",\"value\":0.5,\"weight\":10,"
  "\"points\":5}]}', 1790000000, 1700000000);"
  "UPDATE people SET stage = 'engaged' WHERE id = 1;"
  "UPDATE people SET stage = 'advocate' WHERE id = 1;"
  "INSERT INTO tags (id, name) VALUES (1, '护肤'), (2, '口红'), (3, 'unused');"
  "INSERT INTO person_tags VALUES (1, 1), (1, 2);"
  "INSERT INTO accounts (id, person_id, platform, handle, display_name, avatar_sha256, followers,"
  "  engagement_rate, url) VALUES"
  " (1, 1, 'xiaohongshu', 'lin_xy', '林小雨 Rain', '" SHA (a) "', 20000, 0.055, 'https://xhs.example/lin'),"
  " (2, 1, 'douyin', 'lin_dy', NULL, NULL, 5000, NULL, NULL),"
  " (3, 2, 'weibo', 'old_one', NULL, NULL, 1000, 0.01, NULL);"
  "INSERT INTO metric_snapshots (account_id, taken_at, followers, engagement_rate) VALUES"
  " (1, 1788220800, 19000, NULL), (1, 1785542400, 18000, 0.05), (1, 1790812800, 20000, 0.06),"
  " (2, 1790812800, 5000, 0.1);"
  /* id, account, kind, text, published, likes, comments, shares, saves */
  "INSERT INTO posts (id, account_id, kind, text, published_at, likes, comments, shares, saves, url) VALUES"
  " (1, 1, 'note', '秋冬护肤 完美日记', " G_STRINGIFY (D_OCT03) ", 1000, 100, 50, 50, 'https://xhs.example/p1'),"
  " (2, 1, 'video', '口红试色', " G_STRINGIFY (D_SEP10) ", 2000, 200, 100, 100, NULL),"
  " (3, 1, 'note', 'daily', " G_STRINGIFY (D_SEP20) ", 400, 40, 30, 30, NULL),"
  " (4, 1, 'image', 'old', " G_STRINGIFY (D_2024_05) ", 100, 0, 0, 0, NULL),"
  " (5, 2, 'video', '开箱', " G_STRINGIFY (D_NOV02) ", 300, 50, 50, 100, NULL),"
  " (6, 3, 'note', 'old import', " G_STRINGIFY (D_2020_06) ", 5, 0, 0, 0, NULL);"
  "INSERT INTO post_media (post_id, position, sha256) VALUES"
  " (2, 1, '" SHA (a) "'), (2, 0, '" SHA (b) "');"
  "INSERT INTO post_mentions (post_id, brand_id, published_at) VALUES"
  " (1, 1, " G_STRINGIFY (D_OCT03) "), (2, 1, " G_STRINGIFY (D_SEP10) "),"
  " (2, 2, " G_STRINGIFY (D_SEP10) "), (5, 1, " G_STRINGIFY (D_NOV02) "), (6, 2, " G_STRINGIFY (D_2020_06) ");"
  "INSERT INTO campaigns (id, brand_id, name, status, starts_at, created_at) VALUES"
  " (1, 1, '双十一种草', 'active', 1790812800, 1700000000),"
  " (2, NULL, '春季新品', 'done', 1772323200, 1700000000);"
  "INSERT INTO campaign_stages (id, campaign_id, name, position) VALUES"
  " (1, 1, 'Contacted', 0), (2, 2, 'Delivered', 3);"
  "INSERT INTO cards (id, campaign_id, person_id, stage_id, owner, due_at) VALUES"
  " (1, 1, 1, 1, 'amy', 1795000000), (2, 2, 1, 2, NULL, NULL);"
  "INSERT INTO incentives (card_id, kind) VALUES (1, 'seeding'), (1, 'referral_code');"
  "INSERT INTO card_deliverables (card_id, post_id) VALUES (1, 1);"
  "INSERT INTO referral_codes (id, code, person_id, campaign_id) VALUES"
  " (1, 'LIN10', 1, 1), (2, 'LIN20', 1, NULL), (3, 'OLD', 2, NULL);"
  "INSERT INTO redemptions (code_id, redeemed_at, order_ref, revenue_cents) VALUES"
  " (1, 1791000000, 'o1', 1000), (1, 1791000100, 'o2', 2500), (2, 1791000200, 'o3', 500),"
  " (3, 1791000300, 'o4', 99999);"
  "INSERT INTO notes (id, person_id, body, author, created_at) VALUES"
  " (1, 1, '第一次联系', 'amy', 1780000000), (2, 1, 'Sent samples', NULL, 1790000000);"
  "INSERT INTO interactions (id, person_id, campaign_id, channel, happened_at, summary) VALUES"
  " (1, 1, NULL, 'wechat', 1780000000, '加了微信'), (2, 1, 1, 'email', 1791000000, 'Brief sent');"
  "INSERT INTO rewards (id, person_id, campaign_id, kind, points, value_cents, given_at) VALUES"
  " (1, 1, 1, 'gift', 0, 5000, 1791000000), (2, 1, NULL, 'points', 200, 0, 1792000000);";

typedef struct
{
  char    *dir;
  sqlite3 *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = koc_test_make_tmp_dir ();
  path = g_build_filename (f->dir, "people.db", NULL);
  f->db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  koc_db_exec (f->db, fill_sql, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  koc_db_close (f->db);
  koc_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
test_person_fields (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KocPersonProfile) p = koc_person_profile_load_at (f->db, 1, NOW, &error);
  KocPersonAccount *a;
  KocPersonScorePart *part;

  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->display_name, ==, "林小雨");
  g_assert_cmpstr (p->stage, ==, "advocate");
  g_assert_cmpstr (p->owner, ==, "amy");
  g_assert_cmpstr (p->region, ==, "上海");
  g_assert_cmpstr (p->category, ==, "美妆");
  g_assert_cmpstr (p->consent, ==, "granted");
  g_assert_null (p->email);
  g_assert_cmpuint (strlen (p->uid), ==, 32);
  g_assert_cmpfloat (p->koc_score, ==, 72.5);
  g_assert_cmpint (p->scored_at, ==, 1790000000);
  /* Tags by name (byte order: 口 U+53E3 before 护 U+62A4). */
  g_assert_cmpuint (g_strv_length (p->tags), ==, 2);
  g_assert_cmpstr (p->tags[0], ==, "口红");
  g_assert_cmpstr (p->tags[1], ==, "护肤");

  /* Score parts in the breakdown's order, with their weights. */
  g_assert_cmpuint (p->score_parts->len, ==, 5);
  part = &g_array_index (p->score_parts, KocPersonScorePart, 0);
  g_assert_cmpstr (part->key, ==, "engagement");
  g_assert_cmpfloat (part->value, ==, 0.8);
  g_assert_cmpfloat (part->weight, ==, 35);
  g_assert_cmpfloat_with_epsilon (part->points, 28, 1e-9);
  g_assert_null (part->formula);
  part = &g_array_index (p->score_parts, KocPersonScorePart, 2);
  g_assert_cmpstr (part->key, ==, "authenticity");
  g_assert_cmpfloat (part->value, ==, 1);
  g_assert_cmpfloat (part->weight, ==, 15);
  part = &g_array_index (p->score_parts, KocPersonScorePart, 4);
  g_assert_cmpstr (part->key, ==, "recency");
  g_assert_cmpfloat (part->weight, ==, 10);

  /* Accounts, most followers first, with their snapshot history in time order. */
  g_assert_cmpuint (p->accounts->len, ==, 2);
  g_assert_cmpint (p->followers, ==, 25000);
  a = g_ptr_array_index (p->accounts, 0);
  g_assert_cmpstr (a->platform, ==, "xiaohongshu");
  g_assert_cmpstr (a->handle, ==, "lin_xy");
  g_assert_cmpstr (a->display_name, ==, "林小雨 Rain");
  g_assert_cmpstr (a->url, ==, "https://xhs.example/lin");
  g_assert_cmpstr (a->avatar_sha256, ==, SHA (a));
  g_assert_cmpstr (a->tier, ==, "micro");
  g_assert_cmpfloat (a->engagement_rate, ==, 0.055);
  g_assert_cmpuint (a->history->len, ==, 3);
  g_assert_cmpint (g_array_index (a->history, KocPersonSnapshot, 0).followers, ==, 18000);
  g_assert_cmpint (g_array_index (a->history, KocPersonSnapshot, 1).followers, ==, 19000);
  g_assert_cmpfloat (g_array_index (a->history, KocPersonSnapshot, 1).engagement_rate, ==, -1);
  g_assert_cmpfloat (g_array_index (a->history, KocPersonSnapshot, 2).engagement_rate, ==, 0.06);
  a = g_ptr_array_index (p->accounts, 1);
  g_assert_cmpstr (a->handle, ==, "lin_dy");
  g_assert_null (a->display_name);
  g_assert_null (a->avatar_sha256);
  g_assert_cmpfloat (a->engagement_rate, ==, -1);
  g_assert_cmpstr (a->tier, ==, "nano");
  g_assert_cmpuint (a->history->len, ==, 1);
}

/* The scorer's breakdown: a "components" array with points and formulas. */
static void
test_score_components (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KocPersonProfile) p = koc_person_profile_load_at (f->db, 4, NOW, &error);
  KocPersonScorePart *part;

  g_assert_no_error (error);
  g_assert_cmpfloat (p->koc_score, ==, 36.8);
  g_assert_cmpuint (p->score_parts->len, ==, 2);
  part = &g_array_index (p->score_parts, KocPersonScorePart, 0);
  g_assert_cmpstr (part->key, ==, "engagement");
  g_assert_cmpfloat (part->value, ==, 0.6);
  g_assert_cmpfloat (part->weight, ==, 35);
  g_assert_cmpfloat (part->points, ==, 21);
  g_assert_cmpstr (part->formula, ==, "rank in tier");
  part = &g_array_index (p->score_parts, KocPersonScorePart, 1);
  g_assert_cmpstr (part->key, ==, "recency");
  g_assert_cmpfloat (part->points, ==, 5);
  g_assert_null (part->formula);
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KocPersonProfile) p = koc_person_profile_load_at (f->db, 1, NOW, &error);
  KocPersonKindStat *k;
  KocPersonMonth *m;
  KocPersonBrand *b;

  g_assert_no_error (error);

  /* ER = mean of 1200/20000, 2400/20000, 500/20000, 100/20000, 500/5000
   *    = (0.06 + 0.12 + 0.025 + 0.005 + 0.1) / 5 = 0.062 */
  g_assert_cmpuint (p->engagement_posts, ==, 5);
  g_assert_cmpfloat_with_epsilon (p->engagement_rate, 0.062, 1e-12);
  g_assert_cmpint (p->posts_total, ==, 5);

  /* Months: Dec 2024 … Nov 2026 (24, because of the May 2024 post, which is older than
   * the 24 months and so not counted); Sep 2026: 2 posts, Oct: 1, Nov: 1. */
  g_assert_cmpuint (p->months->len, ==, 24);
  g_assert_cmpint (g_array_index (p->months, KocPersonMonth, 0).month_start, ==, 1733011200);
  m = &g_array_index (p->months, KocPersonMonth, 23);
  g_assert_cmpint (m->month_start, ==, 1793491200);
  g_assert_cmpuint (m->posts, ==, 1);
  g_assert_cmpint (m->engagement, ==, 500);
  m = &g_array_index (p->months, KocPersonMonth, 21);
  g_assert_cmpuint (m->posts, ==, 2);
  g_assert_cmpint (m->engagement, ==, 2900);
  g_assert_cmpuint (g_array_index (p->months, KocPersonMonth, 22).posts, ==, 1);
  g_assert_cmpuint (g_array_index (p->months, KocPersonMonth, 20).posts, ==, 0);
  g_assert_cmpfloat_with_epsilon (p->posts_per_month, 4.0 / 24, 1e-12);

  /* By kind: note 2 (850, 0.0425), video 2 (1450, 0.11), image 1 (100, 0.005). */
  g_assert_cmpuint (p->kinds->len, ==, 3);
  k = g_ptr_array_index (p->kinds, 0);
  g_assert_cmpstr (k->kind, ==, "note");
  g_assert_cmpuint (k->posts, ==, 2);
  g_assert_cmpfloat_with_epsilon (k->mean_engagement, 850, 1e-9);
  g_assert_cmpfloat_with_epsilon (k->mean_rate, 0.0425, 1e-12);
  k = g_ptr_array_index (p->kinds, 1);
  g_assert_cmpstr (k->kind, ==, "video");
  g_assert_cmpfloat_with_epsilon (k->mean_engagement, 1450, 1e-9);
  g_assert_cmpfloat_with_epsilon (k->mean_rate, 0.11, 1e-12);
  k = g_ptr_array_index (p->kinds, 2);
  g_assert_cmpstr (k->kind, ==, "image");
  g_assert_cmpuint (k->posts, ==, 1);

  /* Mentions: 完美日记 on posts 1, 2, 5; 花西子 on post 2 (post 6 is someone else's). */
  g_assert_cmpint (p->brand_mentions, ==, 4);
  g_assert_cmpuint (p->brands->len, ==, 2);
  b = g_ptr_array_index (p->brands, 0);
  g_assert_cmpstr (b->name, ==, "完美日记");
  g_assert_cmpint (b->mentions, ==, 3);
  b = g_ptr_array_index (p->brands, 1);
  g_assert_cmpstr (b->name, ==, "花西子");
  g_assert_cmpint (b->mentions, ==, 1);

  /* Referrals: codes LIN10 and LIN20, 3 redemptions worth 40.00. */
  g_assert_cmpuint (p->referral_codes, ==, 2);
  g_assert_cmpuint (p->referral_conversions, ==, 3);
  g_assert_cmpint (p->referral_revenue_cents, ==, 4000);
}

static void
test_top_posts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KocPersonProfile) p = koc_person_profile_load_at (f->db, 1, NOW, &error);
  static const gint64 order[] = { 2, 1, 5, 3, 4 };
  KocPersonPost *post;

  g_assert_no_error (error);
  /* 2400, 1200, then the two 500s newest first, then 100. */
  g_assert_cmpuint (p->top_posts->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpint (((KocPersonPost *) g_ptr_array_index (p->top_posts, i))->id, ==, order[i]);

  post = g_ptr_array_index (p->top_posts, 0);
  g_assert_cmpstr (post->text, ==, "口红试色");
  g_assert_cmpstr (post->kind, ==, "video");
  g_assert_cmpstr (post->platform, ==, "xiaohongshu");
  g_assert_cmpstr (post->handle, ==, "lin_xy");
  g_assert_cmpint (post->published_at, ==, D_SEP10);
  g_assert_cmpint (post->likes, ==, 2000);
  g_assert_cmpint (post->saves, ==, 100);
  g_assert_cmpint (post->engagement, ==, 2400);
  g_assert_cmpfloat_with_epsilon (post->engagement_rate, 0.12, 1e-12);
  g_assert_null (post->url);
  /* The image at position 0, not the one added first. */
  g_assert_cmpstr (post->image_sha256, ==, SHA (b));
  post = g_ptr_array_index (p->top_posts, 1);
  g_assert_cmpstr (post->url, ==, "https://xhs.example/p1");
  g_assert_null (post->image_sha256);
  post = g_ptr_array_index (p->top_posts, 2);
  g_assert_cmpfloat_with_epsilon (post->engagement_rate, 0.1, 1e-12);
}

static void
test_relationship (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KocPersonProfile) p = koc_person_profile_load_at (f->db, 1, NOW, &error);
  KocPersonStageChange *s;
  KocPersonCampaign *c;
  KocPersonInteraction *i;
  KocPersonReward *r;

  g_assert_no_error (error);

  /* The insert trigger's first stage, then the two updates. */
  g_assert_cmpuint (p->stage_history->len, ==, 3);
  s = g_ptr_array_index (p->stage_history, 0);
  g_assert_null (s->from_stage);
  g_assert_cmpstr (s->to_stage, ==, "discovered");
  g_assert_cmpint (s->changed_at, ==, 1700000000);
  s = g_ptr_array_index (p->stage_history, 2);
  g_assert_cmpstr (s->from_stage, ==, "engaged");
  g_assert_cmpstr (s->to_stage, ==, "advocate");

  g_assert_cmpuint (p->notes->len, ==, 2);
  g_assert_cmpstr (((KocPersonNote *) g_ptr_array_index (p->notes, 0))->body, ==, "Sent samples");
  g_assert_cmpstr (((KocPersonNote *) g_ptr_array_index (p->notes, 1))->author, ==, "amy");

  g_assert_cmpuint (p->interactions->len, ==, 2);
  i = g_ptr_array_index (p->interactions, 0);
  g_assert_cmpstr (i->channel, ==, "email");
  g_assert_cmpint (i->campaign_id, ==, 1);
  g_assert_cmpstr (i->campaign_name, ==, "双十一种草");
  i = g_ptr_array_index (p->interactions, 1);
  g_assert_cmpstr (i->summary, ==, "加了微信");
  g_assert_null (i->campaign_name);

  g_assert_cmpuint (p->campaigns->len, ==, 2);
  c = g_ptr_array_index (p->campaigns, 0);
  g_assert_cmpstr (c->campaign_name, ==, "双十一种草");
  g_assert_cmpstr (c->campaign_status, ==, "active");
  g_assert_cmpstr (c->brand_name, ==, "完美日记");
  g_assert_cmpstr (c->stage_name, ==, "Contacted");
  g_assert_cmpstr (c->owner, ==, "amy");
  g_assert_cmpint (c->due_at, ==, 1795000000);
  g_assert_cmpuint (c->deliverables, ==, 1);
  g_assert_cmpuint (c->incentives, ==, 2);
  c = g_ptr_array_index (p->campaigns, 1);
  g_assert_cmpstr (c->campaign_name, ==, "春季新品");
  g_assert_null (c->brand_name);
  g_assert_cmpint (c->due_at, ==, 0);
  g_assert_cmpuint (c->deliverables, ==, 0);

  g_assert_cmpuint (p->rewards->len, ==, 2);
  r = g_ptr_array_index (p->rewards, 0);
  g_assert_cmpstr (r->kind, ==, "points");
  g_assert_cmpint (r->points, ==, 200);
  g_assert_null (r->campaign_name);
  r = g_ptr_array_index (p->rewards, 1);
  g_assert_cmpint (r->value_cents, ==, 5000);
  g_assert_cmpstr (r->campaign_name, ==, "双十一种草");
}

static void
test_edge_people (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KocPersonProfile) old = NULL;
  g_autoptr (KocPersonProfile) empty = NULL;
  g_autoptr (KocPersonProfile) missing = NULL;

  /* Silent since 2020: the window is the 12 months up to the June 2020 post. */
  old = koc_person_profile_load_at (f->db, 2, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old->months->len, ==, 12);
  g_assert_cmpint (g_array_index (old->months, KocPersonMonth, 11).month_start, ==, 1590969600);
  g_assert_cmpint (g_array_index (old->months, KocPersonMonth, 0).month_start, ==, 1561939200);
  g_assert_cmpuint (g_array_index (old->months, KocPersonMonth, 11).posts, ==, 1);
  g_assert_cmpfloat_with_epsilon (old->posts_per_month, 1.0 / 12, 1e-12);
  g_assert_cmpfloat (old->koc_score, ==, -1);
  g_assert_cmpuint (old->score_parts->len, ==, 0);
  g_assert_cmpint (old->brand_mentions, ==, 1);
  g_assert_cmpuint (old->referral_conversions, ==, 1);

  /* No account, no post: empty lists, unknown rates, a 12-month window ending now. */
  empty = koc_person_profile_load_at (f->db, 3, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->accounts->len, ==, 0);
  g_assert_cmpint (empty->followers, ==, 0);
  g_assert_cmpfloat (empty->engagement_rate, ==, -1);
  g_assert_cmpuint (empty->engagement_posts, ==, 0);
  g_assert_cmpuint (empty->months->len, ==, 12);
  g_assert_cmpint (g_array_index (empty->months, KocPersonMonth, 11).month_start, ==, 1793491200);
  g_assert_cmpfloat (empty->posts_per_month, ==, 0);
  g_assert_nonnull (empty->tags);
  g_assert_null (empty->tags[0]);
  g_assert_cmpuint (empty->kinds->len + empty->brands->len + empty->top_posts->len + empty->notes->len
                    + empty->interactions->len + empty->campaigns->len + empty->rewards->len, ==, 0);
  g_assert_cmpuint (empty->stage_history->len, ==, 1);

  /* A person that does not exist. */
  missing = koc_person_profile_load (f->db, 99, &error);
  g_assert_null (missing);
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "99"));
}

static void
test_media (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) none = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *mime2 = NULL;

  bytes = koc_person_load_media (f->db, SHA (a), &mime, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 7);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 7, "PNGDATA", 7);
  g_assert_cmpstr (mime, ==, "image/png");

  /* Known but not fetched, and unknown: NULL without an error. */
  none = koc_person_load_media (f->db, SHA (c), &mime2, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_null (mime2);
  none = koc_person_load_media (f->db, SHA (d), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/person/fields", Fixture, NULL, fixture_setup, test_person_fields, fixture_teardown);
  g_test_add ("/store/person/score-components", Fixture, NULL, fixture_setup, test_score_components, fixture_teardown);
  g_test_add ("/store/person/stats", Fixture, NULL, fixture_setup, test_stats, fixture_teardown);
  g_test_add ("/store/person/top-posts", Fixture, NULL, fixture_setup, test_top_posts, fixture_teardown);
  g_test_add ("/store/person/relationship", Fixture, NULL, fixture_setup, test_relationship, fixture_teardown);
  g_test_add ("/store/person/edge-people", Fixture, NULL, fixture_setup, test_edge_people, fixture_teardown);
  g_test_add ("/store/person/media", Fixture, NULL, fixture_setup, test_media, fixture_teardown);

  return g_test_run ();
}
