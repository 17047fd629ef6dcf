/* koc-campaigns-card-item.c: one board card as a GObject.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-campaigns-card-item.h"

struct _KocCampaignsCardItem
{
  GObject       parent_instance;
  KocCard      *card;
  GdkPaintable *avatar;
};

enum
{
  PROP_0,
  PROP_AVATAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KocCampaignsCardItem, koc_campaigns_card_item, G_TYPE_OBJECT)

static void
koc_campaigns_card_item_finalize (GObject *object)
{
  KocCampaignsCardItem *self = KOC_CAMPAIGNS_CARD_ITEM (object);

  g_clear_pointer (&self->card, koc_card_free);
  g_clear_object (&self->avatar);
  G_OBJECT_CLASS (koc_campaigns_card_item_parent_class)->finalize (object);
}

static void
koc_campaigns_card_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KocCampaignsCardItem *self = KOC_CAMPAIGNS_CARD_ITEM (object);

  switch (prop_id)
    {
    case PROP_AVATAR:
      g_value_set_object (value, self->avatar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koc_campaigns_card_item_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  KocCampaignsCardItem *self = KOC_CAMPAIGNS_CARD_ITEM (object);

  switch (prop_id)
    {
    case PROP_AVATAR:
      koc_campaigns_card_item_set_avatar (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koc_campaigns_card_item_class_init (KocCampaignsCardItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = koc_campaigns_card_item_finalize;
  object_class->get_property = koc_campaigns_card_item_get_property;
  object_class->set_property = koc_campaigns_card_item_set_property;

  properties[PROP_AVATAR] =
    g_param_spec_object ("avatar", NULL, NULL, GDK_TYPE_PAINTABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

GdkPaintable *
koc_campaigns_card_item_get_avatar (KocCampaignsCardItem *self)
{
  g_return_val_if_fail (KOC_IS_CAMPAIGNS_CARD_ITEM (self), NULL);
  return self->avatar;
}

void
koc_campaigns_card_item_set_avatar (KocCampaignsCardItem *self,
                                    GdkPaintable         *avatar)
{
  g_return_if_fail (KOC_IS_CAMPAIGNS_CARD_ITEM (self));
  g_return_if_fail (avatar == NULL || GDK_IS_PAINTABLE (avatar));

  if (g_set_object (&self->avatar, avatar))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVATAR]);
}
