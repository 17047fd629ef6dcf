/* koc-campaigns-card-item.h: one board card (a KocCard) as a GObject for list models,
 * with the person's avatar once it is loaded (property "avatar"; NULL: initials).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk/gdk.h>

#include "koc-campaigns.h"

G_BEGIN_DECLS

#define KOC_TYPE_CAMPAIGNS_CARD_ITEM (koc_campaigns_card_item_get_type ())
G_DECLARE_FINAL_TYPE (KocCampaignsCardItem, koc_campaigns_card_item, KOC, CAMPAIGNS_CARD_ITEM, GObject)

/* Takes ownership of @card. */
KocCampaignsCardItem *koc_campaigns_card_item_new_take   (KocCard              *card);
const KocCard        *koc_campaigns_card_item_get_card   (KocCampaignsCardItem *self);
/* (nullable) (transfer none) */
GdkPaintable         *koc_campaigns_card_item_get_avatar (KocCampaignsCardItem *self);
void                  koc_campaigns_card_item_set_avatar (KocCampaignsCardItem *self,
                                                          GdkPaintable         *avatar);

G_END_DECLS
