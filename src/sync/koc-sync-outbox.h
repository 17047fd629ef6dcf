/* koc-sync-outbox.h: local edits for the app — applied to the workspace's tables and
 * queued for the server in ONE transaction on the store's worker, so an edit shows at
 * once and survives a crash; KocSyncEngine sends it on its next sync. Works offline
 * and without an engine.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-store.h"

G_BEGIN_DECLS

/* @kind: any kind clients can change (koc-entities.c: person, card, note, reward,
 * saved_search, interaction, deliverable, person_file, …); @entity_uid: the entity's uid (a
 * new one for a new entity, e.g. 32 hex digits); @op: "upsert" or "delete";
 * @fields_json: for an upsert, a JSON object of the fields to set (a patch; creating
 * needs the required fields, see docs/api-v1.yaml), NULL for a delete. */
void     koc_sync_enqueue_async  (KocStore             *store,
                                  const char           *kind,
                                  const char           *entity_uid,
                                  const char           *op,
                                  const char           *fields_json,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
/* Returns: (transfer full): the edit's client mutation id, or NULL with @error set. */
char    *koc_sync_enqueue_finish (KocStore             *store,
                                  GAsyncResult         *result,
                                  GError              **error);

G_END_DECLS
