/* koc-campaigns-edits.h: board edits through the sync outbox (no GTK here).
 *
 * A card move is planned by koc_campaigns_plan_move() and each resulting card edit is
 * applied and queued with koc_sync_store_enqueue() (kind "card") in ONE write
 * transaction on the store's worker, so the board shows it at once and the server gets
 * it on the next sync. Undo queues the previous values as a new edit (never a rewrite of
 * the outbox: the server may already have the move). The pane's actions, the keyboard
 * and drag and drop all end here.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-campaigns.h"
#include "koc-store.h"

G_BEGIN_DECLS

/* On the worker, inside a write transaction. Returns (element-type KocCardEdit) the
 * edits queued (empty when the card was already there), or NULL with @error. */
GPtrArray *koc_campaigns_move_card      (sqlite3      *db,
                                         gint64        card_id,
                                         gint64        stage_id,
                                         guint         index,
                                         GError      **error);
/* Queues the previous values of @edits (what koc_campaigns_move_card() returned). */
gboolean   koc_campaigns_revert_edits   (sqlite3      *db,
                                         GPtrArray    *edits,
                                         GError      **error);
/* Queues the deletion of a card. */
gboolean   koc_campaigns_remove_card    (sqlite3      *db,
                                         const char   *card_uid,
                                         GError      **error);
/* Adds the people to the campaign's first stage (0) or @stage_id, skipping those
 * already on the board; returns how many cards were added, or -1 with @error. */
gint64     koc_campaigns_add_people     (sqlite3      *db,
                                         gint64        campaign_id,
                                         gint64        stage_id,
                                         const gint64 *person_ids,
                                         guint         n_person_ids,
                                         GError      **error);

/* koc_campaigns_create() whose new campaign and stages are queued for the server. */
gint64     koc_campaigns_create_synced  (sqlite3                *db,
                                         const KocCampaignSpec  *spec,
                                         GError                **error);

/* A KocCodeWriter (koc-campaigns.h) that queues the new code in the outbox (kind
 * "referral_code"), so the server knows it when a shop reports a redemption. */
gboolean   koc_campaigns_outbox_code_writer (sqlite3     *db,
                                             const char  *uid,
                                             const char  *code,
                                             const char  *person_uid,
                                             const char  *campaign_uid,
                                             gpointer     data,
                                             GError     **error);

/* The same from the main thread. finish: (element-type KocCardEdit) (transfer full). */
void       koc_campaigns_move_card_async  (KocStore            *store,
                                           gint64               card_id,
                                           gint64               stage_id,
                                           guint                index,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray *koc_campaigns_move_card_finish (KocStore            *store,
                                           GAsyncResult        *result,
                                           GError             **error);
/* Takes a reference to @edits. */
void       koc_campaigns_revert_edits_async (KocStore          *store,
                                             GPtrArray         *edits,
                                             GCancellable      *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer           user_data);
void       koc_campaigns_remove_card_async  (KocStore          *store,
                                             const char        *card_uid,
                                             GCancellable      *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer           user_data);
/* Finishes revert and remove. */
gboolean   koc_campaigns_edit_finish        (KocStore          *store,
                                             GAsyncResult      *result,
                                             GError           **error);

G_END_DECLS
