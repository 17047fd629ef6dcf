/* koc-recommend.h: "Similar to your top advocates" — lookalike accounts, each with why.
 *
 * The top advocates are the people at stage advocate or ambassador with the best KOC
 * scores (n_top of them). Every account whose person is not yet an advocate or ambassador
 * (or that has no person) gets a similarity in 0..1:
 *   0.30 × share of the advocates in its category
 * + 0.20 × share of the advocates in its region
 * + 0.25 × share of the advocates who mention the brand it mentions most in common
 * + 0.15 × its hashtags among the advocates' 20 most used ÷ 10 (capped at 1)
 * + 0.10 × share of the advocates in its follower tier
 * (category and region of the account, else of its person). The best are returned,
 * strongest first, with the facts behind the number for the reason text.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "koc-search.h"

G_BEGIN_DECLS

typedef struct
{
  KocAccountHit *hit;           /* the account, as a search would list it */
  double         similarity;    /* 0..1 */
  guint          n_advocates;   /* the top advocates compared with */
  char          *category;      /* shared with n_category advocates, or NULL */
  guint          n_category;
  char          *region;        /* shared with n_region advocates, or NULL */
  guint          n_region;
  char          *brand;         /* a brand it mentions like n_brand advocates, or NULL */
  guint          n_brand;
  char          *hashtag;       /* one of the advocates' top hashtags it uses, or NULL */
  guint          n_hashtags;    /* how many of them it uses */
  guint          n_tier;        /* advocates in its tier */
} KocRecommendation;

void       koc_recommendation_free      (KocRecommendation *recommendation);

/* @n_top: advocates to compare with (0 → 50); @limit: results (0 → 50). */
GPtrArray *koc_recommend_lookalikes     (sqlite3            *db,
                                         guint               n_top,
                                         guint               limit,
                                         GError            **error);

/* The reason in words, e.g. "Same category (Beauty) and region (上海); mentions 栗山咖啡
 * like 12 of your advocates". @category_name (may be NULL) turns a category id into a
 * display name. */
char      *koc_recommendation_describe  (const KocRecommendation *recommendation,
                                         const char *(*category_name) (const char *id));

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocRecommendation, koc_recommendation_free)

G_END_DECLS
