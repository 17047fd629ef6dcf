/* koc-sync-digest.h: one SHA-256 over all synced content of a workspace file.
 *
 * The canonical dump: for every entity kind of the sync API (koc-entities.h, in its
 * fixed order), every row sorted by uid (bytewise), the line "KIND\tUID\tJSON\n", where
 * JSON is the entity's value exactly as the change feed carries it (json_object() with
 * the fields in a fixed order; references as uids, never row ids). Local-only state —
 * the outbox, sync_state, sync_revs, sync_conflicts, row ids, FTS indexes, cached media
 * bytes — is not part of it, nor are values each device derives itself from the synced
 * data (a person's koc_score, recomputed with the workspace's weights and the day). Equal digests = equal synced data: a server's workspace
 * and a fully synced client copy give the same digest; any synced edit changes it.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Returns: (transfer full): 64 hex digits, or NULL with @error. @out_entities
 * (optional): the number of entities hashed. */
char *koc_sync_digest (sqlite3       *db,
                       gint64        *out_entities,
                       GCancellable  *cancellable,
                       GError       **error);

G_END_DECLS
