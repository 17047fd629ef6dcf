/* koc-people-item.c: one row of the People list as a GObject.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-people-item.h"

struct _KocPeopleItem
{
  GObject       parent_instance;

  KocPersonRow *row;
  GObject      *avatar;
};

enum {
  PROP_0,
  PROP_AVATAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KocPeopleItem, koc_people_item, G_TYPE_OBJECT)

static void
koc_people_item_finalize (GObject *object)
{
  KocPeopleItem *self = KOC_PEOPLE_ITEM (object);

  g_clear_pointer (&self->row, koc_person_row_free);
  g_clear_object (&self->avatar);

  G_OBJECT_CLASS (koc_people_item_parent_class)->finalize (object);
}

static void
koc_people_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KocPeopleItem *self = KOC_PEOPLE_ITEM (object);

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
koc_people_item_class_init (KocPeopleItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = koc_people_item_finalize;
  object_class->get_property = koc_people_item_get_property;

  properties[PROP_AVATAR] =
    g_param_spec_object ("avatar", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
koc_people_item_init (KocPeopleItem *self)
{
}

KocPeopleItem *
koc_people_item_new_take (KocPersonRow *row)
{
  KocPeopleItem *self = g_object_new (KOC_TYPE_PEOPLE_ITEM, NULL);

  self->row = row;
  return self;
}

const KocPersonRow *
koc_people_item_get_row (KocPeopleItem *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_ITEM (self), NULL);

  return self->row;
}

gint64
koc_people_item_get_person_id (KocPeopleItem *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_ITEM (self), -1);

  return self->row->person_id;
}

GObject *
koc_people_item_get_avatar (KocPeopleItem *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_ITEM (self), NULL);

  return self->avatar;
}

void
koc_people_item_set_avatar (KocPeopleItem *self,
                            GObject       *avatar)
{
  g_return_if_fail (KOC_IS_PEOPLE_ITEM (self));

  if (g_set_object (&self->avatar, avatar))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVATAR]);
}
