/* koc-search.h: Discover queries over a workspace — accounts, posts, people.
 *
 * The koc_search_*() functions block: run them on the store's worker (through
 * koc_store_search_async() and friends in koc-store.h, or koc_store_run_async()).
 *
 * Snippets: matched words are wrapped in KOC_SNIPPET_START (U+0002) and
 * KOC_SNIPPET_END (U+0003); "…" marks cut text. These control characters never occur
 * in posts (the importer strips C0 controls), so the UI escapes the snippet and then
 * turns the markers into markup, e.g. with koc_search_snippet_to_markup().
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define KOC_SNIPPET_START "\x02"
#define KOC_SNIPPET_END   "\x03"

typedef enum
{
  KOC_SEARCH_SORT_RELEVANCE,  /* text match strength; without text, followers */
  KOC_SEARCH_SORT_FOLLOWERS,
  KOC_SEARCH_SORT_ENGAGEMENT,
  KOC_SEARCH_SORT_SCORE,      /* the person's KOC score (accounts of people only) */
  KOC_SEARCH_SORT_LAST_POST,  /* accounts: last_post_at; posts: published (newest) */
  KOC_SEARCH_SORT_MENTIONS,   /* brand mentions (of query->brand_id when set) */
  KOC_SEARCH_SORT_NAME,
} KocSearchSort;

/* A Discover query. Every filter is optional: NULL strings / NULL arrays, -1 for
 * numeric bounds and 0 for ids and times mean "any". */
/* Average sentiment (posts.sentiment, −1..1) of an account's posts that mention the brand
 * (query->brand_id, else any own brand): positive ≥ 0.2 > neutral > −0.2 ≥ negative.
 * Accounts with no scored brand posts match none of them. */
typedef enum
{
  KOC_SENTIMENT_ANY,
  KOC_SENTIMENT_POSITIVE,
  KOC_SENTIMENT_NEUTRAL,
  KOC_SENTIMENT_NEGATIVE,
} KocSentiment;

#define KOC_SENTIMENT_THRESHOLD 0.2

/* Which engagement figure KocAccountHit.engagement_rate holds (and the engagement sort
 * uses); the range filters always apply to the rate by followers. */
typedef enum
{
  KOC_ENGAGEMENT_BY_FOLLOWERS,  /* (likes + comments + shares + saves) ÷ followers, a fraction */
  KOC_ENGAGEMENT_BY_VIEWS,      /* (likes + comments + shares + saves) ÷ views, video platforms */
  KOC_ENGAGEMENT_INTERACTIONS,  /* Xiaohongshu 赞藏评: likes + saves + comments per note, a count */
} KocEngagementVariant;

typedef struct
{
  char          *text;            /* free text, any script; see koc_fts_build_match() */
  char         **platforms;       /* e.g. { "xiaohongshu", "douyin", NULL } */
  char         **tiers;           /* nano, micro, mid, macro, mega */
  gint64         min_followers;
  gint64         max_followers;
  double         min_engagement;  /* a fraction: 0.05 = 5 % */
  double         max_engagement;
  char          *region;
  char          *category;
  char          *stage;           /* people.stage */
  char          *owner;
  gint64         brand_id;        /* accounts that mentioned this brand */
  gint64         active_since;    /* accounts: last_post_at ≥; posts: published_at ≥ */
  KocSentiment   sentiment;       /* toward brand_id, else the own brands */
  char         **tags;            /* people with any of these tags (names) */
  KocEngagementVariant engagement;
  KocSearchSort  sort;
  gboolean       ascending;
  guint          limit;           /* 0 → 50; at most 1000 */
  guint          offset;
} KocSearchQuery;

/* One Discover row: an account with its person. Unknown numbers are -1. */
typedef struct
{
  gint64  account_id;
  gint64  person_id;        /* 0 when the account is not linked to a person */
  char   *display_name;
  char   *handle;
  char   *platform;
  gint64  followers;
  double  engagement_rate;  /* of engagement_variant; -1 when unknown */
  KocEngagementVariant engagement_variant; /* query->engagement */
  char   *tier;
  double  koc_score;
  char   *stage;            /* nullable (no person) */
  char   *owner;            /* nullable */
  char   *region;           /* nullable */
  char   *category;         /* nullable */
  gint64  last_post_at;     /* 0 when unknown */
  gint64  mention_count;
  double  relevance;        /* 0 without text */
  gint64  matched_post_id;  /* newest matching post, 0 when matched by name/bio */
  char   *snippet;          /* nullable; with KOC_SNIPPET_START/END */
} KocAccountHit;

typedef struct
{
  gint64  post_id;
  gint64  account_id;
  char   *handle;
  char   *platform;
  char   *display_name;
  gint64  published_at;
  char   *kind;
  char   *url;              /* nullable */
  gint64  likes;
  gint64  comments;
  gint64  shares;
  gint64  saves;
  gint64  views;
  char   *snippet;
} KocPostHit;

typedef struct
{
  gint64  person_id;
  char   *display_name;
  char   *stage;
  char   *owner;
  char   *region;
  char   *category;
  double  koc_score;
  gint64  n_accounts;
  char   *snippet;
} KocPersonHit;

KocSearchQuery *koc_search_query_new        (void);
KocSearchQuery *koc_search_query_copy       (const KocSearchQuery  *query);
void            koc_search_query_free       (KocSearchQuery        *query);

void            koc_account_hit_free        (KocAccountHit         *hit);
void            koc_post_hit_free           (KocPostHit            *hit);
void            koc_person_hit_free         (KocPersonHit          *hit);

/* How many accounts koc_search_accounts() would page through for @query (its sort and
 * page ignored; with text, within the same bounded candidate set). -1 on error. */
gint64          koc_search_count_accounts   (sqlite3               *db,
                                             const KocSearchQuery  *query,
                                             GError               **error);
/* Returns: (transfer full) (element-type KocAccountHit): one page of results. */
GPtrArray      *koc_search_accounts         (sqlite3               *db,
                                             const KocSearchQuery  *query,
                                             GError               **error);
/* Posts matching query->text (required), newest first or by relevance; platforms,
 * active_since and brand_id filter. (element-type KocPostHit) */
GPtrArray      *koc_search_posts            (sqlite3               *db,
                                             const KocSearchQuery  *query,
                                             GError               **error);
/* People matching query->text (required); stage, owner, region, category filter.
 * (element-type KocPersonHit) */
GPtrArray      *koc_search_people           (sqlite3               *db,
                                             const KocSearchQuery  *query,
                                             GError               **error);

/* The SQL koc_search_accounts() / koc_search_posts() run, with its parameters bound
 * to a statement prepared from koc_search_sql_get_text() — for benchmarks, which run
 * exactly the same statement in a bare loop. NULL when the text has no searchable
 * words (the functions above then return an empty page). */
typedef struct _KocSearchSql KocSearchSql;

KocSearchSql   *koc_search_sql_new_accounts (const KocSearchQuery  *query);
KocSearchSql   *koc_search_sql_new_posts    (sqlite3               *db,
                                             const KocSearchQuery  *query,
                                             GError               **error);
const char     *koc_search_sql_get_text     (KocSearchSql          *sql);
void            koc_search_sql_bind         (KocSearchSql          *sql,
                                             sqlite3_stmt          *stmt);
void            koc_search_sql_free         (KocSearchSql          *sql);

/* Escapes @snippet for Pango markup and turns the markers into <b>…</b>. */
char           *koc_search_snippet_to_markup (const char           *snippet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocSearchQuery, koc_search_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocSearchSql, koc_search_sql_free)

G_END_DECLS
