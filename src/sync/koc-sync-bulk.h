/* koc-sync-bulk.h: pages of new entities applied set-based (koc-sync-bulk.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-entities.h"
#include "koc-sync-store.h"

G_BEGIN_DECLS

/* Applies the leading pages of @bodies (pages of the feed, in order) that bring only new
 * entities, at most @max of them, with set-based statements, adding to
 * @out_page->n_changes. @out_n_tried says how many pages were such pages and
 * @out_n_applied how many were applied: all of them, or none (nothing changed) when one
 * of their changes broke a constraint, e.g. a parent that is missing. With none tried,
 * the first page must go change by change; with some tried and none applied, the first
 * page alone may be tried again. @cache must have been made after the full-text triggers
 * were suspended. */
gboolean koc_sync_bulk_apply (KocEntityCache      *cache,
                              const char * const  *bodies,
                              guint                max,
                              KocSyncPage         *out_page,
                              guint               *out_n_applied,
                              guint               *out_n_tried,
                              GError             **error);

G_END_DECLS
