/* koc-score.h: the KOC score (0–100) of every person, kept in people.koc_score.
 *
 * score = Σ weight_i × component_i, weights in percent (sum 100), components in 0..1:
 *   engagement    mid-rank percentile of the account's engagement rate among the accounts
 *                 of its follower tier: (below + ½ equal) ÷ tier size; a person's best account
 *   affinity      posts mentioning an own brand unprompted ÷ posts, last 90 days (a post linked to a
 *                 campaign card as a deliverable is prompted), ÷ 0.25, capped at 1
 *   authenticity  1 − penalties: follower spike between two snapshots (≥ +50 % and ≥ +1,000)
 *                 0.4; engagement rate > 5× or < ⅒ of the tier median 0.3; comments ÷ likes
 *                 of the last 90 days < 0.005 or > 0.5 (with ≥ 100 likes) 0.3; worst account
 *   conversion    referral redemptions per 1,000 followers (all accounts) ÷ 5, capped at 1
 *   recency       0.5 ^ (days since the last post ÷ 30); 0 without posts
 * Defaults 35/25/15/15/10, stored as JSON in workspace_meta "koc_score_weights".
 * People without linked accounts are not scored (NULL).
 *
 * Triggers (koc-schema-discover.c) put a person into score_dirty when a post, snapshot,
 * mention, redemption or deliverable of theirs arrives, so after an import or a sync only
 * those are recomputed; a change of weights recomputes everyone.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_SCORE_WEIGHTS_KEY "koc_score_weights"

typedef enum
{
  KOC_SCORE_ENGAGEMENT,
  KOC_SCORE_AFFINITY,
  KOC_SCORE_AUTHENTICITY,
  KOC_SCORE_CONVERSION,
  KOC_SCORE_RECENCY,
  KOC_SCORE_N_COMPONENTS
} KocScoreComponent;

typedef struct
{
  double weight[KOC_SCORE_N_COMPONENTS]; /* percent, ≥ 0, sum 100 */
} KocScoreWeights;

typedef enum
{
  KOC_SCORE_SCOPE_ALL,    /* every person */
  KOC_SCORE_SCOPE_DIRTY,  /* the people in score_dirty */
  KOC_SCORE_SCOPE_PEOPLE, /* the given ids */
} KocScoreScope;

typedef void (*KocScoreProgressFunc) (guint64  done,
                                      guint64  total,
                                      gpointer user_data);

const char *koc_score_component_key      (KocScoreComponent      component);
const char *koc_score_component_formula  (KocScoreComponent      component);

void        koc_score_weights_init_default (KocScoreWeights     *weights);
gboolean    koc_score_weights_normalize  (KocScoreWeights        *weights);
char       *koc_score_weights_to_json    (const KocScoreWeights  *weights);
gboolean    koc_score_weights_load       (sqlite3                *db,
                                          KocScoreWeights        *weights,
                                          GError                **error);
gboolean    koc_score_weights_save       (sqlite3                *db,
                                          const KocScoreWeights  *weights,
                                          GError                **error);

double      koc_score_recency            (double                 days);
double      koc_score_conversion         (gint64                 redemptions,
                                          gint64                 followers);
double      koc_score_affinity           (gint64                 unprompted,
                                          gint64                 posts);

/* Runs inside the caller's write transaction. @now 0 = the current time. */
gboolean    koc_score_recompute          (sqlite3                *db,
                                          KocScoreScope           scope,
                                          const gint64           *person_ids,
                                          guint                   n_person_ids,
                                          gint64                  now,
                                          KocScoreProgressFunc    progress,
                                          gpointer                user_data,
                                          GCancellable           *cancellable,
                                          guint64                *n_scored,
                                          GError                **error);

/* On @store's worker in a write transaction; @progress is called on the thread-default
 * main context of the caller. @weights NULL = keep the stored weights, else they are
 * saved first (and @scope should be ALL). The result is the number of people scored. */
void        koc_score_recompute_async    (KocStore               *store,
                                          KocScoreScope           scope,
                                          const KocScoreWeights  *weights,
                                          KocScoreProgressFunc    progress,
                                          gpointer                progress_data,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean    koc_score_recompute_finish   (KocStore               *store,
                                          GAsyncResult           *result,
                                          guint64                *n_scored,
                                          GError                **error);

G_END_DECLS
