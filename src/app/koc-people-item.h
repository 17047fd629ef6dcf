/* koc-people-item.h: one row of the People list (a KocPersonRow) as a GObject.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "koc-people-list.h"

G_BEGIN_DECLS

#define KOC_TYPE_PEOPLE_ITEM (koc_people_item_get_type ())
G_DECLARE_FINAL_TYPE (KocPeopleItem, koc_people_item, KOC, PEOPLE_ITEM, GObject)

/* Takes ownership of @row. */
KocPeopleItem      *koc_people_item_new_take     (KocPersonRow  *row);
const KocPersonRow *koc_people_item_get_row      (KocPeopleItem *self);
gint64              koc_people_item_get_person_id (KocPeopleItem *self);
/* The avatar (a GdkPaintable), loaded after the row, or NULL; notifies "avatar". */
GObject            *koc_people_item_get_avatar   (KocPeopleItem *self);
void                koc_people_item_set_avatar   (KocPeopleItem *self,
                                                  GObject       *avatar);

G_END_DECLS
