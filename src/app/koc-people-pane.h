/* koc-people-pane.h: the People pane: the list of people and the selected profile.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-people-list.h"
#include "koc-store.h"

G_BEGIN_DECLS

/* Rows per page of the list; the next page loads when the list is scrolled near its
 * end (see KOC_DISCOVER_PAGE_SIZE for why pages are small in GTK 4.8). */
#define KOC_PEOPLE_PAGE_SIZE 50

#define KOC_TYPE_PEOPLE_PANE (koc_people_pane_get_type ())
G_DECLARE_FINAL_TYPE (KocPeoplePane, koc_people_pane, KOC, PEOPLE_PANE, GtkWidget)

/* Hands the pane the open workspace (or NULL). */
void                  koc_people_pane_set_store   (KocPeoplePane *self,
                                                   KocStore      *store);
/* Opens the profile of @person_id (selecting its row when it is in the list). */
void                  koc_people_pane_show_person (KocPeoplePane *self,
                                                   gint64         person_id);
/* The list model of KocPeopleItem (the pages loaded so far). */
GListModel           *koc_people_pane_get_results (KocPeoplePane *self);
/* The query of the list shown (offset 0), or NULL before the first one. */
const KocPeopleQuery *koc_people_pane_get_query   (KocPeoplePane *self);
/* TRUE while the list or the profile is loading. */
gboolean              koc_people_pane_is_busy     (KocPeoplePane *self);
/* People matching the current query, or -1 until counted. */
gint64                koc_people_pane_get_count   (KocPeoplePane *self);
/* The profile widget (a KocPeopleProfile). */
GtkWidget            *koc_people_pane_get_profile (KocPeoplePane *self);

G_END_DECLS
