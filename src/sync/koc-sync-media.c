/* koc-sync-media.c: the media the sync engine uploads, and their marks (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include "koc-db.h"
#include "koc-sync-media.h"

/* Media named by a synced entity, with local bytes and no mark yet. */
#define PENDING_SQL \
  " FROM media m WHERE m.data IS NOT NULL" \
  " AND m.sha256 IN (SELECT sha256 FROM person_files)" \
  " AND NOT EXISTS (SELECT 1 FROM sync_state s WHERE s.key = 'media_upload:' || m.sha256)"

void
koc_sync_upload_free (KocSyncUpload *upload)
{
  if (upload == NULL)
    return;
  g_free (upload->sha256);
  g_free (upload->mime);
  g_clear_pointer (&upload->data, g_bytes_unref);
  g_free (upload);
}

KocSyncUpload *
koc_sync_media_next_upload (sqlite3  *db,
                            GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  KocSyncUpload *upload = NULL;
  int rc;

  /* The sha256 first (cheap), the blob only for the one chosen. */
  if (!koc_db_prepare (db, "SELECT m.sha256, m.mime" PENDING_SQL
                       " ORDER BY (SELECT min (id) FROM person_files f"
                       " WHERE f.sha256 = m.sha256), m.sha256 LIMIT 1", &stmt, error))
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      upload = g_new0 (KocSyncUpload, 1);
      upload->sha256 = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      upload->mime = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, "Could not read the media to upload", error);
      return NULL;
    }
  if (upload == NULL)
    return NULL;

  if (!koc_db_prepare (db, "SELECT data FROM media WHERE sha256 = ?1", &stmt, error))
    {
      koc_sync_upload_free (upload);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, upload->sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    upload->data = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      koc_db_set_error (db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc,
                        "Could not read the media to upload", error);
      koc_sync_upload_free (upload);
      return NULL;
    }
  return upload;
}

gboolean
koc_sync_media_mark (sqlite3     *db,
                     const char  *sha256,
                     guint        status,
                     GError     **error)
{
  g_autofree char *value = status == 200 ? g_strdup ("done")
                                         : g_strdup_printf ("refused:%u", status);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "INSERT INTO sync_state (key, value)"
                       " VALUES ('media_upload:' || ?1, ?2)"
                       " ON CONFLICT DO UPDATE SET value = excluded.value", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not record the upload", error);
  return TRUE;
}

gboolean
koc_sync_media_pending (sqlite3  *db,
                        gint64   *out_count,
                        gint64   *out_bytes,
                        GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT count (*), coalesce (sum (length (m.data)), 0)" PENDING_SQL,
                       &stmt, error))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (out_count != NULL)
        *out_count = sqlite3_column_int64 (stmt, 0);
      if (out_bytes != NULL)
        *out_bytes = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return koc_db_set_error (db, rc, "Could not count the media to upload", error);
  return TRUE;
}
