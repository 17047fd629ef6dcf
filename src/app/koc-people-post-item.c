/* koc-people-post-item.c: one post of the profile's grid as a GObject, with its
 * thumbnail once decoded.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-people-posts.h"

/* The item */

G_DEFINE_FINAL_TYPE (KocPeoplePostItem, koc_people_post_item, G_TYPE_OBJECT)

static GParamSpec *thumbnail_pspec;

void
_koc_people_post_free (KocPeoplePost *post)
{
  if (post == NULL)
    return;  /* moved into an item */
  g_free (post->platform);
  g_free (post->handle);
  g_free (post->kind);
  g_free (post->text);
  g_free (post->url);
  g_free (post->image_sha256);
  g_free (post->brands);
  g_free (post);
}

static void
koc_people_post_item_finalize (GObject *object)
{
  KocPeoplePostItem *self = KOC_PEOPLE_POST_ITEM (object);

  g_clear_pointer (&self->post, _koc_people_post_free);
  g_clear_object (&self->thumbnail);
  G_OBJECT_CLASS (koc_people_post_item_parent_class)->finalize (object);
}

static void
koc_people_post_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  g_value_set_object (value, KOC_PEOPLE_POST_ITEM (object)->thumbnail);
}

static void
koc_people_post_item_class_init (KocPeoplePostItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = koc_people_post_item_finalize;
  object_class->get_property = koc_people_post_item_get_property;
  thumbnail_pspec = g_param_spec_object ("thumbnail", NULL, NULL, GDK_TYPE_PAINTABLE,
                                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, 1, thumbnail_pspec);
}

static void
koc_people_post_item_init (KocPeoplePostItem *self)
{
}

const KocPeoplePost *
koc_people_post_item_get_post (KocPeoplePostItem *self)
{
  return self->post;
}

GdkPaintable *
koc_people_post_item_get_thumbnail (KocPeoplePostItem *self)
{
  return self->thumbnail;
}

void
_koc_people_post_item_set_thumbnail (GObject    *target,
               GdkTexture *texture)
{
  KocPeoplePostItem *self = KOC_PEOPLE_POST_ITEM (target);

  if (g_set_object (&self->thumbnail, GDK_PAINTABLE (texture)))
    g_object_notify_by_pspec (target, thumbnail_pspec);
}

