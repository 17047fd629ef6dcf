/* koc-sync-identity.h: merges and splits of people through the sync outbox.
 *
 * A merge, a split and their undo change many synced entities at once: the kept
 * person, the removed one, their accounts, notes, cards, rewards, interactions, files…
 * (src/store/koc-identity.c). To reach the server and the other devices, each of these
 * functions runs the operation and queues, in the same transaction, the resulting state
 * of every entity it changed: an upsert of the entity's writable fields when it exists
 * afterwards, a delete when it does not. Upserts go parents first (people before their
 * accounts and notes), deletes children first, so the server never cascades away a row
 * that moved. After a sync the server holds exactly what the workspace holds.
 *
 * The entities changed are recorded by TEMP triggers on this connection's synced tables
 * (KocSyncCapture), so whatever the operation touches — including cascades and tables
 * added later to the entity kinds — is queued, and nothing else. Kinds clients cannot
 * change (brand, post, redemption) are not queued.
 *
 * Call them on the store's worker inside a write transaction (koc_store_write_async()).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _KocSyncCapture KocSyncCapture;

/* Starts recording the synced entities that the following statements on @db change. */
KocSyncCapture *koc_sync_capture_begin   (sqlite3         *db,
                                          GError         **error);
/* Stops recording and queues every recorded entity's state in the outbox; frees
 * @capture. *@out_n (may be NULL) is the number of mutations queued. */
gboolean        koc_sync_capture_enqueue (sqlite3         *db,
                                          KocSyncCapture  *capture,
                                          guint           *out_n,
                                          GError         **error);
/* Stops recording without queueing (after a failure). */
void            koc_sync_capture_free    (KocSyncCapture  *capture);

/* koc_identity_merge(), koc_identity_split() and koc_identity_undo() whose changes are
 * queued for the server. */
gint64          koc_sync_identity_merge  (sqlite3         *db,
                                          gint64           kept_id,
                                          gint64           other_id,
                                          GError         **error);
gint64          koc_sync_identity_split  (sqlite3         *db,
                                          gint64           account_id,
                                          gint64          *new_person_id,
                                          GError         **error);
gboolean        koc_sync_identity_undo   (sqlite3         *db,
                                          gint64           id,
                                          GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocSyncCapture, koc_sync_capture_free)

G_END_DECLS
