/* koc-sync-batch.h: many local edits in ONE transaction (bulk actions of Discover).
 *
 * Each edit goes through koc_sync_store_enqueue() (applied to the tables and queued in
 * the outbox, as koc_sync_enqueue_async() does for one), all in the same write
 * transaction: 1,000 stage changes cost one commit, and either all are made or none.
 * The result is the list of edits that undo them — for every upsert, the previous values
 * of the fields it set (a delete when the entity did not exist) — in reverse order,
 * ready for another batch.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *kind;    /* person, card, note, reward, saved_search */
  char *uid;
  char *op;      /* "upsert" or "delete" */
  char *fields;  /* JSON object for an upsert, NULL for a delete */
} KocSyncEdit;

KocSyncEdit *koc_sync_edit_new               (const char    *kind,
                                              const char    *uid,
                                              const char    *op,
                                              const char    *fields_json);
void         koc_sync_edit_free              (KocSyncEdit   *edit);

/* Inside the caller's write transaction. @undo (optional): (transfer full) the undoing
 * edits, a GPtrArray of KocSyncEdit. */
gboolean     koc_sync_batch_apply            (sqlite3       *db,
                                              GPtrArray     *edits,
                                              GPtrArray    **undo,
                                              GError       **error);

/* @edits: (transfer full) a GPtrArray of KocSyncEdit with koc_sync_edit_free. */
void         koc_sync_enqueue_batch_async    (KocStore             *store,
                                              GPtrArray            *edits,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* Returns: (transfer full): the undoing edits, or NULL with @error set. */
GPtrArray   *koc_sync_enqueue_batch_finish   (KocStore             *store,
                                              GAsyncResult         *result,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocSyncEdit, koc_sync_edit_free)

G_END_DECLS
