/* koc-saved-search.h: saved searches across devices.
 *
 * A saved search's query (JSON, see src/app/koc-discover-saved.c) names its brand filter
 * by the brand's uid ("brand_uid"), never by the local rowid, which differs per device:
 * the app works with "brand_id" and converts when it stores and when it reads. Both run
 * on the store's worker (they read `brands`).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* @query_json with "brand_id" (a local id) replaced by "brand_uid" (absent for no brand
 * filter). (transfer full), or NULL with @error. */
char     *koc_saved_search_to_stored      (sqlite3     *db,
                                           const char  *query_json,
                                           GError     **error);
/* The stored @query_json with "brand_uid" replaced by this workspace's "brand_id" (0
 * when the brand is not here yet: the filter is left out until a sync brings it). A
 * query of an older version that has "brand_id" is returned as it is. */
char     *koc_saved_search_from_stored    (sqlite3     *db,
                                           const char  *query_json,
                                           GError     **error);
/* The saved search's fields {"name", "query"} with the query converted by
 * koc_saved_search_to_stored(), queued through the outbox (kind saved_search) in the
 * caller's transaction. Returns the client id. */
char     *koc_saved_search_enqueue        (sqlite3     *db,
                                           const char  *uid,
                                           const char  *fields_json,
                                           GError     **error);

G_END_DECLS
