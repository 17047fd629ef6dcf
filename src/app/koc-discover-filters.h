/* koc-discover-filters.h: the Discover side panel of search filters.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_TYPE_DISCOVER_FILTERS (koc_discover_filters_get_type ())
G_DECLARE_FINAL_TYPE (KocDiscoverFilters, koc_discover_filters, KOC, DISCOVER_FILTERS, GtkWidget)

/* Clears the filters of the previous workspace (emits ::changed once when something
 * was set). The choices of @store are read by koc_discover_filters_load_choices(). */
void      koc_discover_filters_set_store  (KocDiscoverFilters *self,
                                           KocStore           *store);
/* Reads the region, category, owner, brand and tag choices (asynchronously): a scan of
 * accounts and people, so the pane asks after its first page. */
void      koc_discover_filters_load_choices (KocDiscoverFilters *self);
/* Writes the chosen filters into @query (text, sort and paging are left alone). */
void      koc_discover_filters_apply      (KocDiscoverFilters *self,
                                           KocSearchQuery     *query);
/* TRUE when any filter narrows the search. */
gboolean  koc_discover_filters_is_active  (KocDiscoverFilters *self);
/* Shows the filters of @query (a saved search); emits ::changed once. */
void      koc_discover_filters_set_query  (KocDiscoverFilters   *self,
                                           const KocSearchQuery *query);
/* Clears every filter; emits ::changed once when something was set. */
void      koc_discover_filters_reset      (KocDiscoverFilters *self);

G_END_DECLS
