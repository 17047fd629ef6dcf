/* bench-queries.h: the store's 20 Discover queries, shared by bench-query.c (store vs
 * bare SQL vs LIKE) and bench-keystroke.c (query issued → result model ready vs the
 * sqlite3 shell).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-search.h"

typedef struct
{
  const char    *name;
  const char    *text;
  const char    *platforms;   /* comma-separated */
  const char    *tiers;
  gint64         min_followers;
  gint64         max_followers;
  double         min_engagement;
  const char    *region;
  const char    *category;
  const char    *stage;
  gint64         brand_id;
  int            active_days; /* last post within N days of the newest post */
  KocSearchSort  sort;
  gboolean       posts;       /* a posts search instead of accounts */
} BenchQuery;

#define ANY -1, -1, -1.0

/* Why each is representative (frequencies in a scale-1 demo; ×10 at scale 10):
 * the Discover pane is mostly "a category word + a filter or two + a sort", in Chinese,
 * with a long tail of rare names and English product words. Very common terms (好用 in
 * ~16 % of posts, 探店 11 %, 平替 9 %) are the worst case for ranking; rare ones
 * (@momo酱, iPhone with no hit) the best case for FTS and the worst for a scan. */
static const BenchQuery queries[] = {
  /* The classic seeding search: a common beauty noun, relevance order. */
  { "mask",            "面膜", NULL, NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_RELEVANCE, FALSE },
  /* Very common adjective (16 % of posts): the bm25 worst case. */
  { "good-to-use",     "好用", NULL, NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_RELEVANCE, FALSE },
  /* Platform slang on Xiaohongshu, filtered to that platform, by engagement. */
  { "seeding-xhs",     "种草", "xiaohongshu", NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_ENGAGEMENT, FALSE },
  /* Lipstick KOCs in the micro tier (the KOC sweet spot), by followers. */
  { "lipstick-micro",  "口红", NULL, "micro", ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_FOLLOWERS, FALSE },
  /* A food brand's search: coffee, sorted by KOC score. */
  { "coffee-score",    "咖啡", NULL, NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_SCORE, FALSE },
  /* English product word on Instagram (cross-border brands). */
  { "skincare-ig",     "skincare", "instagram", NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_RELEVANCE, FALSE },
  /* English term with no hits at all: must be instant. */
  { "iphone",          "iPhone", NULL, NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_RELEVANCE, FALSE },
  /* The own brand's name, restricted to accounts that mentioned it. */
  { "own-brand",       "露可", NULL, NULL, ANY, NULL, NULL, NULL, 1, 0, KOC_SEARCH_SORT_MENTIONS, FALSE },
  /* A rare @mention: the needle case. */
  { "rare-mention",    "@momo酱", NULL, NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_RELEVANCE, FALSE },
  /* Hashtag, active in the last 30 days, by last post. */
  { "hashtag-recent",  "#护肤#", NULL, NULL, ANY, NULL, NULL, NULL, 0, 30, KOC_SEARCH_SORT_LAST_POST, FALSE },
  /* Very common + follower range (nano/micro 1k–50k) + engagement floor. */
  { "visit-range",     "探店", NULL, NULL, 1000, 50000, 0.03, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_ENGAGEMENT, FALSE },
  /* Two words ANDed (common ∧ common). */
  { "two-words",       "敏感肌 防晒", NULL, NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_RELEVANCE, FALSE },
  /* Text + region + category, as an agency slices a city campaign. */
  { "dupe-shanghai",   "平替", NULL, NULL, ANY, "上海", "beauty", NULL, 0, 0, KOC_SEARCH_SORT_FOLLOWERS, FALSE },
  /* Relationship filter: advocates who talk about a term. */
  { "vlog-advocates",  "vlog", NULL, NULL, ANY, NULL, NULL, "advocate", 0, 0, KOC_SEARCH_SORT_SCORE, FALSE },
  /* No text: biggest accounts on two video platforms (index order + IN). */
  { "no-text-video",   NULL, "douyin,weibo", NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_FOLLOWERS, FALSE },
  /* No text: best engagement among nano accounts (tier index, sort by other column). */
  { "no-text-nano-er", NULL, NULL, "nano", ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_ENGAGEMENT, FALSE },
  /* No text: top KOC scores in a category (sort on the joined people table). */
  { "no-text-score",   NULL, NULL, NULL, ANY, NULL, "food", NULL, 0, 0, KOC_SEARCH_SORT_SCORE, FALSE },
  /* Posts pane: very common term, newest first (rowid DESC plan). */
  { "posts-common",    "好用", NULL, NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_RELEVANCE, TRUE },
  /* Posts pane: a rare @mention, few enough hits to be ranked by bm25. */
  { "posts-rare",      "@momo酱", NULL, NULL, ANY, NULL, NULL, NULL, 0, 0, KOC_SEARCH_SORT_RELEVANCE, TRUE },
  /* Posts pane: a brand's mentions of the competitor's coffee, newest first. */
  { "posts-brand",     "咖啡", NULL, NULL, ANY, NULL, NULL, NULL, 2, 0, KOC_SEARCH_SORT_LAST_POST, TRUE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (queries) == 20);

static KocSearchQuery *
make_query (const BenchQuery *b,
            gint64            newest)
{
  KocSearchQuery *q = koc_search_query_new ();

  q->text = g_strdup (b->text);
  q->platforms = b->platforms ? g_strsplit (b->platforms, ",", -1) : NULL;
  q->tiers = b->tiers ? g_strsplit (b->tiers, ",", -1) : NULL;
  q->min_followers = b->min_followers;
  q->max_followers = b->max_followers;
  q->min_engagement = b->min_engagement;
  q->region = g_strdup (b->region);
  q->category = g_strdup (b->category);
  q->stage = g_strdup (b->stage);
  q->brand_id = b->brand_id;
  q->active_since = b->active_days > 0 ? newest - (gint64)b->active_days * 86400 : 0;
  q->sort = b->sort;
  q->limit = 50;
  return q;
}

