/* koc-people-posts.h: the profile's post previews — a grid of post cards of one person,
 * filtered by brand, keyword and period, with "Open Original" and "Mark as
 * Deliverable". Internal to the People pane.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-person.h"
#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_PEOPLE_POSTS_PAGE 60

typedef struct
{
  gint64  id;
  char   *platform;
  char   *handle;
  char   *kind;
  char   *text;
  char   *url;          /* nullable */
  gint64  published_at;
  gint64  likes, comments, shares, saves, views;
  char   *image_sha256; /* nullable */
  char   *brands;       /* nullable: names of the brands it mentions, ", "-joined */
  gint64  deliverable_card;  /* a card of this person it is a deliverable of, or 0 */
} KocPeoplePost;

#define KOC_TYPE_PEOPLE_POSTS (koc_people_posts_get_type ())
G_DECLARE_FINAL_TYPE (KocPeoplePosts, koc_people_posts, KOC, PEOPLE_POSTS, GtkWidget)

GtkWidget  *koc_people_posts_new       (void);
/* Shows the posts of @profile (borrowed; kept until the next call) from @store. */
void        koc_people_posts_set_person (KocPeoplePosts         *self,
                                         KocStore               *store,
                                         const KocPersonProfile *profile);
/* (element-type KocPeoplePostItem) the cards loaded so far */
GListModel *koc_people_posts_get_model (KocPeoplePosts         *self);
gboolean    koc_people_posts_is_busy   (KocPeoplePosts         *self);
/* Filters (tests and the UI): brand id (0 any), keyword (NULL any), days back (0 any). */
void        koc_people_posts_set_filter (KocPeoplePosts        *self,
                                         gint64                 brand_id,
                                         const char            *keyword,
                                         guint                  days);

#define KOC_TYPE_PEOPLE_POST_ITEM (koc_people_post_item_get_type ())
G_DECLARE_FINAL_TYPE (KocPeoplePostItem, koc_people_post_item, KOC, PEOPLE_POST_ITEM, GObject)

struct _KocPeoplePostItem
{
  GObject        parent_instance;
  KocPeoplePost *post;        /* owned */
  GdkPaintable  *thumbnail;   /* owned, or NULL */
};

const KocPeoplePost *koc_people_post_item_get_post      (KocPeoplePostItem *self);
GdkPaintable        *koc_people_post_item_get_thumbnail (KocPeoplePostItem *self);

/* koc-people-post-item.c */
void                 _koc_people_post_free       (KocPeoplePost *post);
void                 _koc_people_post_item_set_thumbnail (GObject    *target,
                                                          GdkTexture *texture);

/* koc-people-post-cards.c */
GtkListItemFactory  *_koc_people_post_factory_new (KocPeoplePosts *posts);
/* Pango markup of @text with brand names (@brands: lower-cased ASCII-folded words) in
 * bold accent and @keyword highlighted. */
char                *_koc_people_post_markup     (const char   *text,
                                                  GPtrArray    *brands,
                                                  const char   *keyword);
/* For the cards: the brand words, the keyword, the person's campaign cards. */
GPtrArray           *_koc_people_posts_brand_words (KocPeoplePosts *self);
const char          *_koc_people_posts_keyword     (KocPeoplePosts *self);
const KocPersonProfile *_koc_people_posts_profile  (KocPeoplePosts *self);
void                 _koc_people_posts_mark_deliverable (KocPeoplePosts    *self,
                                                         KocPeoplePostItem *item,
                                                         gint64             card_id);

G_END_DECLS
