/* koc-campaigns-stats.h: a campaign's numbers — the funnel by stage, deliverable posts
 * and their engagement, EMV (an estimate from per-platform values the user can edit),
 * redemptions and revenue, cost and cost per engagement, top performers. Headless:
 * the arithmetic is tested against hand-computed cases (tests/store/test-campaigns.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* EMV values of one platform, in cents: per view and per engagement (likes + comments +
 * shares + saves). A platform without a rate counts nothing. */
typedef struct
{
  const char *platform;
  double      cents_per_view;
  double      cents_per_engagement;
} KocEmvRate;

typedef struct
{
  gint64  person_id;
  char   *name;
  gint64  engagement;
  gint64  revenue_cents;
} KocTopPerformer;

typedef struct
{
  guint       n_stages;
  char      **stage_names;     /* in board order */
  gint64     *reached;         /* cards at this stage or a later one (the funnel) */
  gint64      n_cards;
  gint64      n_posts;         /* deliverables */
  gint64      engagement;      /* of the deliverables */
  gint64      views;
  double      emv_cents;       /* an estimate: Σ views × rate + engagement × rate */
  gint64      n_redemptions;
  gint64      revenue_cents;
  gint64      cost_cents;      /* incentives not cancelled or returned + rewards' value */
  double      cost_per_engagement_cents; /* cost / engagement; -1 without engagement */
  GPtrArray  *top;             /* KocTopPerformer by engagement, then revenue; at most 5 */
} KocCampaignStats;

/* Values that serve until the user sets their own (labelled an estimate everywhere). */
const KocEmvRate *koc_campaigns_default_emv_rates (guint *n_rates);

/* The values in use: the defaults with the workspace's own (table emv_rates) over them,
 * then the workspace's platforms the defaults lack. (element-type KocEmvRate); the
 * platform names are interned strings. */
GArray           *koc_campaigns_load_emv_rates (sqlite3          *db,
                                                GError          **error);
/* Replaces the workspace's values with @rates (call inside a write transaction). */
gboolean          koc_campaigns_save_emv_rates (sqlite3          *db,
                                                const KocEmvRate *rates,
                                                guint             n_rates,
                                                GError          **error);

KocCampaignStats *koc_campaigns_stats      (sqlite3           *db,
                                            gint64             campaign_id,
                                            const KocEmvRate  *rates,
                                            guint              n_rates,
                                            GError           **error);
void              koc_campaign_stats_free  (KocCampaignStats  *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocCampaignStats, koc_campaign_stats_free)

G_END_DECLS
