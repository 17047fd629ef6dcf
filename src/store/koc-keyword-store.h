/* koc-keyword-store.h: keyword aggregates of a workspace, kept up to date incrementally.
 *
 * The tables are described in koc-schema-keywords.c. Every function here takes the
 * store's connection and runs on the store's worker (koc_store_run_async() /
 * koc_store_write_async()), or on a connection of the command line.
 *
 * The catch-up koc_keyword_store_refresh() extracts the keywords (koc-keywords.h) of the
 * posts that are not aggregated yet (above the watermark) and of the queued changed ones
 * only, so a sync or an import that adds posts costs only those posts. A change of the
 * lexicon clears the aggregates (the next refresh recomputes everything).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "koc-keywords.h"

G_BEGIN_DECLS

#define KOC_KEYWORD_DAY_SECONDS 86400

/* Calendar months of keyword_months: year × 12 + month - 1 of a UTC day number
 * (Unix time / 86400), and the day number of a month's first day. */
gint64     koc_keyword_month_of_day      (gint64               day);
gint64     koc_keyword_month_first_day   (gint64               month);

/* The extractor with the workspace's lexicon: built-in lists, keyword_lexicon, and every
 * brand name and alias as an alias of the brand's name. */
KocKeywordExtractor *koc_keyword_store_extractor_new (sqlite3        *db,
                                                      GError        **error);

/* Brings the aggregates up to date (in one write transaction, nested in the caller's if
 * any). @n_processed (may be NULL) gets the number of posts read. */
gboolean   koc_keyword_store_refresh     (sqlite3             *db,
                                          GCancellable        *cancellable,
                                          gint64              *n_processed,
                                          GError             **error);
/* The same, reading at most @max_new posts above the watermark (0: no limit), so a
 * big first catch-up can run as many short jobs on the store's one worker while other
 * queries run in between. @more (may be NULL) is set when posts are left. */
gboolean   koc_keyword_store_refresh_some (sqlite3            *db,
                                           gint64              max_new,
                                           GCancellable       *cancellable,
                                           gint64             *n_processed,
                                           gboolean           *more,
                                           GError            **error);

/* The phrase step for the aggregates (koc-keyword-store-phrases.c): the phrases found by
 * koc_keyword_counter_find_phrases() in a sample of the workspace's posts, learned by
 * the catch-up when it starts a full computation and kept as lexicon words. */
gboolean   koc_keyword_store_learn_phrases (sqlite3           *db,
                                            GCancellable      *cancellable,
                                            GError           **error);
/* (element-type utf8) the learned phrases, sorted. */
GPtrArray *koc_keyword_store_list_phrases (sqlite3            *db,
                                           GError            **error);
/* Internal: adds the learned phrases to @extractor as lexicon words. */
gboolean   _koc_keyword_store_add_phrases (sqlite3            *db,
                                           KocKeywordExtractor *extractor,
                                           GError            **error);

/* Posts not aggregated yet (above the watermark, or queued). */
gboolean   koc_keyword_store_count_stale (sqlite3             *db,
                                          gint64              *n_stale,
                                          GError             **error);

/* User lexicon: adds or replaces an entry (@canonical for aliases, may be NULL), or
 * removes it. Both clear the aggregates. */
gboolean   koc_keyword_store_set_entry   (sqlite3             *db,
                                          const char          *word,
                                          KocLexiconKind       kind,
                                          const char          *canonical,
                                          GError             **error);
gboolean   koc_keyword_store_remove_entry (sqlite3            *db,
                                           const char         *word,
                                           GError            **error);

typedef struct
{
  char           *word;
  KocLexiconKind  kind;
  char           *canonical;
} KocLexiconEntry;

void       koc_lexicon_entry_free        (KocLexiconEntry     *entry);
/* (element-type KocLexiconEntry) the user's entries, sorted by word. */
GPtrArray *koc_keyword_store_list_entries (sqlite3            *db,
                                           GError            **error);

typedef struct
{
  gint64  brand_id;        /* 0: every post */
  gint64  from;            /* Unix time, inclusive (rounded down to its UTC day) */
  gint64  to;              /* Unix time, inclusive (rounded down to its UTC day) */
  guint   limit;           /* 0: every keyword */
  gint64  min_trend_count; /* 0: 5 */
  gboolean by_score;       /* sort by TF-IDF instead of by count */
} KocKeywordQuery;

/* (element-type KocKeyword) the keywords of the brand in the period from the aggregates:
 * count (posts), engagement, score = TF-IDF against every post of the workspace, trend
 * against the period of the same length just before. @n_posts (may be NULL) gets the
 * posts of the brand in the period. */
GPtrArray *koc_keyword_store_top         (sqlite3               *db,
                                          const KocKeywordQuery *query,
                                          gint64                *n_posts,
                                          GError               **error);

/* The same keywords computed from the posts themselves (a full rescan: the reference the
 * aggregates are tested and benchmarked against). Trend is not computed. */
GPtrArray *koc_keyword_store_top_rescan  (sqlite3               *db,
                                          const KocKeywordQuery *query,
                                          gint64                *n_posts,
                                          GCancellable          *cancellable,
                                          GError               **error);

/* The brand called @name (its name or one of its aliases, case-insensitive): its id, or 0
 * with @error set. */
gint64     koc_keyword_store_find_brand  (sqlite3             *db,
                                          const char          *name,
                                          GError             **error);

/* Share of voice: one row per bucket of @bucket_days days from @from's day up to @to's day
 * and per brand of @brand_ids (in that order), from the aggregates: the brand's posts
 * and their engagement, and its share of the posts / engagement of the given brands in
 * that bucket (0 when none of them has any). (element-type KocShareOfVoice) */
typedef struct
{
  gint64 bucket_start;      /* Unix time of the bucket's first day */
  gint64 brand_id;
  gint64 posts;
  gint64 engagement;
  double share_posts;       /* 0 … 1 */
  double share_engagement;  /* 0 … 1 */
} KocShareOfVoice;

GArray    *koc_keyword_store_share_of_voice (sqlite3           *db,
                                             const gint64      *brand_ids,
                                             guint              n_brands,
                                             gint64             from,
                                             gint64             to,
                                             guint              bucket_days,
                                             GError           **error);

G_END_DECLS
