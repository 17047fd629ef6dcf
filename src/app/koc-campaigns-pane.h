/* koc-campaigns-pane.h: the Campaigns pane: a campaign list and its board.
 *
 * The board's columns are the campaign's stages, each a GtkListView of cards (so a
 * column of hundreds of cards only builds the rows on screen). Every change — drag
 * and drop, the keyboard, the toast's Undo — goes through the "campaigns" actions:
 *   campaigns.move-card (x,x,u)  card id, stage id, index in the column without it
 *   campaigns.move-next / move-previous / move-up / move-down  the current card
 *   campaigns.remove-card, campaigns.undo, campaigns.select-card (x),
 *   campaigns.open-card (the person: win.show-person), campaigns.new-campaign
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-campaigns.h"
#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_TYPE_CAMPAIGNS_PANE (koc_campaigns_pane_get_type ())
G_DECLARE_FINAL_TYPE (KocCampaignsPane, koc_campaigns_pane, KOC, CAMPAIGNS_PANE, GtkWidget)

/* Hands the pane the open workspace (or NULL). */
void            koc_campaigns_pane_set_store       (KocCampaignsPane *self,
                                                    KocStore         *store);
/* Reads the campaigns and the board again (after a sync or another pane's edit). */
void            koc_campaigns_pane_reload          (KocCampaignsPane *self);
/* Shows a campaign's board. */
void            koc_campaigns_pane_select_campaign (KocCampaignsPane *self,
                                                    gint64            campaign_id);
gint64          koc_campaigns_pane_get_campaign_id (KocCampaignsPane *self);
/* The campaigns listed (element-type KocCampaign), or NULL before they are read. */
GPtrArray      *koc_campaigns_pane_get_campaigns   (KocCampaignsPane *self);
/* The board shown (stages and their cards as stored), or NULL. */
const KocBoard *koc_campaigns_pane_get_board       (KocCampaignsPane *self);
/* The cards a column shows after the filters (KocCampaignsCardItem). */
GListModel     *koc_campaigns_pane_get_column      (KocCampaignsPane *self,
                                                    guint             stage_index);
/* The card the keyboard actions act on, 0 if none. */
gint64          koc_campaigns_pane_get_current_card (KocCampaignsPane *self);
/* TRUE while campaigns, a board or an edit are in flight. */
gboolean        koc_campaigns_pane_is_busy         (KocCampaignsPane *self);
/* Filters: owner and tag (NULL = any), overdue only. */
void            koc_campaigns_pane_set_filter      (KocCampaignsPane *self,
                                                    const char       *owner,
                                                    const char       *tag,
                                                    gboolean          overdue);

G_END_DECLS
