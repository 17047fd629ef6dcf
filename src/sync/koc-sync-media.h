/* koc-sync-media.h: which media bytes the sync engine uploads (PUT /v1/media/{sha256})
 * and what it remembers about them. Runs on the KocStore worker.
 *
 * A media row is uploaded when its bytes are local (media.data not NULL) and an entity
 * that syncs names it: today an attached file (person_files, kind person_file; the only
 * place where a user adds bytes — avatars and post images come from imports and the
 * server, which are never uploaded back). Once the server has stored it (200) the row is
 * marked in sync_state under `media_upload:<sha256>` = "done", so it is never sent again;
 * a refusal the same bytes would get again (400 wrong hash: the local copy is damaged;
 * 413 larger than the server takes) is marked "refused:<status>" and skipped. Until
 * then a failed upload (network, 5xx) leaves no mark and the next sync resumes with it.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct
{
  char   *sha256;
  char   *mime;
  GBytes *data;
} KocSyncUpload;

void           koc_sync_upload_free        (KocSyncUpload  *upload);

/* The next media to upload (oldest attachment first), or NULL (without @error) when
 * none waits. */
KocSyncUpload *koc_sync_media_next_upload  (sqlite3        *db,
                                            GError        **error);

/* Records the server's answer for @sha256: @status 200 → done; anything else →
 * refused (not tried again). */
gboolean       koc_sync_media_mark         (sqlite3        *db,
                                            const char     *sha256,
                                            guint           status,
                                            GError        **error);

/* How many media wait to be uploaded and their bytes (for tests and the UI). */
gboolean       koc_sync_media_pending      (sqlite3        *db,
                                            gint64         *out_count,
                                            gint64         *out_bytes,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocSyncUpload, koc_sync_upload_free)

G_END_DECLS
