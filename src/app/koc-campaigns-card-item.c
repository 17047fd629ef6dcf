/* koc-campaigns-card-item.c: one board card as a GObject.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-campaigns-card-item.h"

struct _KocCampaignsCardItem
{
  GObject  parent_instance;
  KocCard *card;
};

G_DEFINE_FINAL_TYPE (KocCampaignsCardItem, koc_campaigns_card_item, G_TYPE_OBJECT)

static void
koc_campaigns_card_item_finalize (GObject *object)
{
  KocCampaignsCardItem *self = KOC_CAMPAIGNS_CARD_ITEM (object);

  g_clear_pointer (&self->card, koc_card_free);
  G_OBJECT_CLASS (koc_campaigns_card_item_parent_class)->finalize (object);
}

static void
koc_campaigns_card_item_class_init (KocCampaignsCardItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koc_campaigns_card_item_finalize;
}

static void
koc_campaigns_card_item_init (KocCampaignsCardItem *self)
{
}

KocCampaignsCardItem *
koc_campaigns_card_item_new_take (KocCard *card)
{
  KocCampaignsCardItem *self = g_object_new (KOC_TYPE_CAMPAIGNS_CARD_ITEM, NULL);

  self->card = card;
  return self;
}

const KocCard *
koc_campaigns_card_item_get_card (KocCampaignsCardItem *self)
{
  g_return_val_if_fail (KOC_IS_CAMPAIGNS_CARD_ITEM (self), NULL);
  return self->card;
}
