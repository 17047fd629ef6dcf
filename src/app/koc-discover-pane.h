/* koc-discover-pane.h: the Discover pane: search the workspace's accounts.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-store.h"

G_BEGIN_DECLS

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

G_END_DECLS
