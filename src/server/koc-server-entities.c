/* koc-server-entities.c: revisions and change records of the server's feed.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include "koc-db.h"
#include "koc-server-entities.h"

gboolean
koc_entity_get_rev (KocEntityCache  *cache,
                    const char      *kind,
                    const char      *uid,
                    gint64          *out_rev,
                    gint64          *out_seq,
                    GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Served by the index (kind, uid, rev); seq is the rowid, also in the index. */
  stmt = koc_entity_cache_statement (cache, "SELECT coalesce (max (rev), 0),"
                                     " coalesce (max (seq), 0) FROM changes"
                                     " WHERE kind = ?1 AND uid = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_rev = sqlite3_column_int64 (stmt, 0);
      if (out_seq != NULL)
        *out_seq = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return koc_db_set_error (koc_entity_cache_get_db (cache), rc,
                             "Could not read a revision", error);
  return TRUE;
}

gint64
koc_entity_record_change (KocEntityCache  *cache,
                          const char      *kind,
                          const char      *uid,
                          gint64           rev,
                          gboolean         deleted,
                          const char      *fields_json,
                          GError         **error)
{
  sqlite3 *db = koc_entity_cache_get_db (cache);
  sqlite3_stmt *stmt;
  int rc;

  stmt = koc_entity_cache_statement (cache, "INSERT INTO changes (kind, uid, rev, deleted,"
                                     " fields) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, rev);
  sqlite3_bind_int (stmt, 4, deleted ? 1 : 0);
  if (fields_json != NULL)
    sqlite3_bind_text (stmt, 5, fields_json, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, "Could not record a change", error);
      return 0;
    }
  return sqlite3_last_insert_rowid (db);
}
