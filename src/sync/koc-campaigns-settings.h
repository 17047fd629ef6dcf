/* koc-campaigns-settings.h: editing a campaign — brand, goal, dates, budget, incentive
 * kinds and its stages (rename, add, remove an empty one, reorder) — through the sync
 * outbox (kinds "campaign" and "campaign_stage"), so the edit syncs. No GTK here.
 *
 * The edit dialog (koc-campaigns-edit-dialog.c) fills a KocCampaignDraft; on the store's
 * worker koc_campaigns_plan_settings() compares it with the rows and returns only the
 * edits that change something, and the edits that take them back (for Undo). Both lists
 * are applied with koc_sync_batch_apply() in one write transaction.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-campaigns.h"
#include "koc-campaigns-stats.h"
#include "koc-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;        /* 0 for a new stage */
  char   *name;
  gint64  n_cards;   /* when loaded: a stage with cards cannot be removed */
} KocStageDraft;

typedef struct
{
  gint64      campaign_id;
  char       *name;
  char       *goal;             /* NULL or "" = none */
  gint64      brand_id;         /* 0 = none */
  gint64      starts_at;        /* 0 = unset */
  gint64      ends_at;
  gint64      budget_cents;     /* 0 = none */
  char      **incentive_kinds;  /* NULL-terminated */
  char       *hashtag;          /* as typed ("#双11种草" or "双11种草"), NULL or "" = none */
  GPtrArray  *stages;           /* KocStageDraft, in the new order */
  GArray     *emv_rates;        /* KocEmvRate (interned platforms) for the whole
                                 * workspace, or NULL to keep them; not synced */
} KocCampaignDraft;

KocStageDraft    *koc_stage_draft_new         (gint64             id,
                                               const char        *name,
                                               gint64             n_cards);
void              koc_stage_draft_free        (KocStageDraft     *stage);
void              koc_campaign_draft_free     (KocCampaignDraft  *draft);

/* On the worker: the campaign as it is now. */
KocCampaignDraft *koc_campaigns_load_draft    (sqlite3           *db,
                                               gint64             campaign_id,
                                               GError           **error);
/* On the worker: (element-type KocSyncEdit) what makes the rows match @draft (empty when
 * nothing changes); *@undo receives the edits that take it back. NULL with @error when
 * the draft is invalid (no name, dates reversed, no stage, an empty stage name, a stage
 * with cards removed). */
GPtrArray        *koc_campaigns_plan_settings (sqlite3           *db,
                                               const KocCampaignDraft *draft,
                                               GPtrArray        **undo,
                                               GError           **error);

/* From the main thread: plans and applies @draft (transfer full) in one write
 * transaction. finish: (element-type KocSyncEdit) (transfer full) the undoing edits,
 * ready for koc_sync_enqueue_batch_async(). */
void              koc_campaigns_save_settings_async  (KocStore            *store,
                                                      KocCampaignDraft    *draft,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray        *koc_campaigns_save_settings_finish (KocStore            *store,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The stored form of a hashtag: without '#', NFKC case-folded like post_hashtags.tag;
 * NULL when nothing is left. */
char             *koc_campaigns_fold_hashtag  (const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocCampaignDraft, koc_campaign_draft_free)

G_END_DECLS
