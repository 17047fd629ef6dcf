/* koc-discover-pane.h: the Discover pane: search the workspace's accounts.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-store.h"

G_BEGIN_DECLS

/* Rows per page of results; the next page loads when the list is scrolled near its
 * end. Small on purpose: GTK 4.8's list views build row widgets for up to 200 items
 * at once, about 2 ms of UI-thread time per row of this table on the reference
 * machine, so a 200-row page held the UI for ~0.4 s after every search; 50 rows
 * keep it near 0.1 s. */
#define KOC_DISCOVER_PAGE_SIZE 50
/* The first page of a search is smaller: a few rows more than the list shows in the
 * default window (1200 × 780, about 11 rows). It is what start-up and every keystroke
 * wait for, and GTK 4.8 builds a widget row for each of its rows before the first
 * frame; the following pages (KOC_DISCOVER_PAGE_SIZE) load while scrolling, or at once
 * when the list is taller than its rows (a maximized window). */
#define KOC_DISCOVER_FIRST_PAGE_SIZE 15

#define KOC_TYPE_DISCOVER_PANE (koc_discover_pane_get_type ())
G_DECLARE_FINAL_TYPE (KocDiscoverPane, koc_discover_pane, KOC, DISCOVER_PANE, GtkWidget)

/* Hands the pane the open workspace (or NULL); it lists its accounts by KOC score. */
void                  koc_discover_pane_set_store   (KocDiscoverPane *self,
                                                     KocStore        *store);
/* The list model of KocAccountItem results (the pages loaded so far). */
GListModel           *koc_discover_pane_get_results (KocDiscoverPane *self);
/* The query of the results shown (offset 0), or NULL before the first search. */
const KocSearchQuery *koc_discover_pane_get_query   (KocDiscoverPane *self);
/* TRUE while a search (or a further page) is running. */
gboolean              koc_discover_pane_is_busy     (KocDiscoverPane *self);
/* Total results of the current query, or -1 until counted. */
gint64                koc_discover_pane_get_count   (KocDiscoverPane *self);
/* A narrow window: the toolbar fits 360 px (no count, the lookalikes toggle as an icon). */
void                  koc_discover_pane_set_compact (KocDiscoverPane *self,
                                                     gboolean         compact);

G_END_DECLS
