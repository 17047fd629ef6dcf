/* koc-account-item.c: one Discover result as a GObject.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-account-item"

#include "config.h"

#include "koc-account-item.h"

struct _KocAccountItem
{
  GObject        parent_instance;

  KocAccountHit *hit;
  GObject       *avatar;
};

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  PROP_DISPLAY_NAME,
  PROP_HANDLE,
  PROP_AVATAR,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (KocAccountItem, koc_account_item, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
koc_account_item_finalize (GObject *object)
{
  KocAccountItem *self = (KocAccountItem *)object;

  g_clear_pointer (&self->hit, koc_account_hit_free);
  g_clear_object (&self->avatar);

  G_OBJECT_CLASS (koc_account_item_parent_class)->finalize (object);
}

static void
koc_account_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KocAccountItem *self = KOC_ACCOUNT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->hit->account_id);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->hit->display_name);
      break;

    case PROP_HANDLE:
      g_value_set_string (value, self->hit->handle);
      break;

    case PROP_AVATAR:
      g_value_set_object (value, self->avatar);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koc_account_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KocAccountItem *self = KOC_ACCOUNT_ITEM (object);

  switch (prop_id)
    {
    case PROP_AVATAR:
      koc_account_item_set_avatar (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koc_account_item_class_init (KocAccountItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = koc_account_item_finalize;
  object_class->get_property = koc_account_item_get_property;
  object_class->set_property = koc_account_item_set_property;

  /* Read-only: a hit is a snapshot of one search; a new search makes new items. */
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_HANDLE] =
    g_param_spec_string ("handle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AVATAR] =
    g_param_spec_object ("avatar", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
koc_account_item_init (KocAccountItem *self)
{
}

KocAccountItem *
koc_account_item_new_take (KocAccountHit *hit)
{
  KocAccountItem *self;

  g_return_val_if_fail (hit != NULL, NULL);

  self = g_object_new (KOC_TYPE_ACCOUNT_ITEM, NULL);
  self->hit = hit;
  return self;
}

const KocAccountHit *
koc_account_item_get_hit (KocAccountItem *self)
{
  g_return_val_if_fail (KOC_IS_ACCOUNT_ITEM (self), NULL);

  return self->hit;
}

gint64
koc_account_item_get_account_id (KocAccountItem *self)
{
  g_return_val_if_fail (KOC_IS_ACCOUNT_ITEM (self), 0);

  return self->hit->account_id;
}

const char *
koc_account_item_get_display_name (KocAccountItem *self)
{
  g_return_val_if_fail (KOC_IS_ACCOUNT_ITEM (self), NULL);

  return self->hit->display_name;
}

GObject *
koc_account_item_get_avatar (KocAccountItem *self)
{
  g_return_val_if_fail (KOC_IS_ACCOUNT_ITEM (self), NULL);

  return self->avatar;
}

void
koc_account_item_set_avatar (KocAccountItem *self,
                             GObject        *avatar)
{
  g_return_if_fail (KOC_IS_ACCOUNT_ITEM (self));
  g_return_if_fail (!avatar || G_IS_OBJECT (avatar));

  if (g_set_object (&self->avatar, avatar))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVATAR]);
}

GPtrArray *
koc_account_items_from_hits (GPtrArray *hits)
{
  GPtrArray *items = g_ptr_array_new_full (hits->len, g_object_unref);
  gsize n = 0;
  g_autofree gpointer *pdata = g_ptr_array_steal (hits, &n);

  /* Stolen: the array's free function no longer runs on the hits. */
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (items, koc_account_item_new_take (pdata[i]));
  return items;
}
