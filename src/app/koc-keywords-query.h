/* koc-keywords-query.h: the Keywords pane's work on the store's worker thread
 * (koc_store_run_async() / koc_store_write_async() functions and their results).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-keyword-store.h"
#include "koc-store.h"

/* Posts read per catch-up job (about half a second of the worker on the reference
 * machine; the pane queues the next job when posts are left). */
#define KOC_KEYWORDS_CATCH_UP_CHUNK 10000

G_BEGIN_DECLS

typedef struct
{
  gint64  id;     /* 0: every post */
  char   *name;
  gboolean own;
} KocKeywordsBrand;

/* What the pane needs after opening a workspace: the catch-up is done, then this. */
typedef struct
{
  gint64     n_processed;  /* posts the catch-up read */
  gboolean   more;         /* posts are left for another catch-up job */
  gint64     n_posts;      /* posts in the workspace */
  gint64     newest;       /* published_at of the newest post */
  gint64     oldest;       /* published_at of the oldest post */
  GArray    *brands;       /* KocKeywordsBrand; own brands first */
  GPtrArray *entries;      /* KocLexiconEntry: the user's lexicon */
} KocKeywordsOverview;

void     koc_keywords_overview_free (KocKeywordsOverview *overview);
/* Write function: catch-up, then the overview (result: KocKeywordsOverview). */
gboolean koc_keywords_refresh_func  (sqlite3       *db,
                                     gpointer       data,
                                     gpointer      *result,
                                     GCancellable  *cancellable,
                                     GError       **error);

typedef struct
{
  GPtrArray *keywords;  /* KocKeyword, by count */
  GPtrArray *rising;    /* KocKeyword (borrowed from keywords), by trend */
  gint64     n_posts;
} KocKeywordsResult;

void     koc_keywords_result_free   (KocKeywordsResult *result);
/* @data: a KocKeywordQuery (copied by the caller). Result: KocKeywordsResult. */
gboolean koc_keywords_top_func      (sqlite3       *db,
                                     gpointer       data,
                                     gpointer      *result,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* @data: a KocSearchQuery. Result: GPtrArray of KocPostHit. */
gboolean koc_keywords_posts_func    (sqlite3       *db,
                                     gpointer       data,
                                     gpointer      *result,
                                     GCancellable  *cancellable,
                                     GError       **error);

typedef struct
{
  GArray *brand_ids;   /* gint64 */
  gint64  from;
  gint64  to;
  guint   bucket_days;
} KocKeywordsShareQuery;

void     koc_keywords_share_query_free (KocKeywordsShareQuery *query);
/* Result: GArray of KocShareOfVoice (koc_keyword_store_share_of_voice()). */
gboolean koc_keywords_share_func    (sqlite3       *db,
                                     gpointer       data,
                                     gpointer      *result,
                                     GCancellable  *cancellable,
                                     GError       **error);

typedef struct
{
  char           *word;
  KocLexiconKind  kind;
  gboolean        remove;
} KocKeywordsEdit;

void     koc_keywords_edit_free     (KocKeywordsEdit *edit);
/* Write function: applies the edit (the aggregates are cleared; refresh after). */
gboolean koc_keywords_edit_func     (sqlite3       *db,
                                     gpointer       data,
                                     gpointer      *result,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
