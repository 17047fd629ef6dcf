/* koc-sync-bulk.h: a page of new entities applied set-based (koc-sync-bulk.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-entities.h"
#include "koc-sync-store.h"

G_BEGIN_DECLS

/* Applies every change of @body (a page of the feed) with set-based statements when all
 * of them are new entities, adding to @out_page->n_changes, and sets @out_applied; leaves
 * it FALSE, with nothing changed, when the page must go change by change. @cache must
 * have been made after the full-text triggers were suspended. */
gboolean koc_sync_bulk_apply (KocEntityCache  *cache,
                              const char      *body,
                              KocSyncPage     *out_page,
                              gboolean        *out_applied,
                              GError         **error);

G_END_DECLS
