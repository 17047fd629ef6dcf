/* koc-account-item.h: one Discover result (a KocAccountHit) as a GObject for list models.
 *
 * GTK-free: the item owns the store's hit and holds the avatar the pane loads.
 * Widgets read it with koc_account_item_get_hit() and format it with
 * koc-discover-format.h.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "koc-search.h"

G_BEGIN_DECLS

#define KOC_TYPE_ACCOUNT_ITEM (koc_account_item_get_type ())
G_DECLARE_FINAL_TYPE (KocAccountItem, koc_account_item, KOC, ACCOUNT_ITEM, GObject)

/* Takes ownership of @hit. */
KocAccountItem      *koc_account_item_new_take       (KocAccountHit  *hit);
const KocAccountHit *koc_account_item_get_hit        (KocAccountItem *self);
gint64               koc_account_item_get_account_id (KocAccountItem *self);
const char          *koc_account_item_get_display_name (KocAccountItem *self);
/* The avatar image, loaded after the row (a GdkPaintable in the app; the item only
 * holds it), or NULL. */
GObject             *koc_account_item_get_avatar     (KocAccountItem *self);
void                 koc_account_item_set_avatar     (KocAccountItem *self,
                                                      GObject        *avatar);

/* Moves every hit of @hits (element-type KocAccountHit, emptied) into new items:
 * (transfer full) (element-type KocAccountItem). */
GPtrArray           *koc_account_items_from_hits     (GPtrArray      *hits);

G_END_DECLS
