/* koc-saved-search.c: see koc-saved-search.h. The JSON is rewritten by SQLite's JSON
 * functions (no JSON library on the worker).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include "koc-db.h"
#include "koc-saved-search.h"
#include "koc-store.h"
#include "koc-sync-store.h"

static char *
rewrite (sqlite3     *db,
         const char  *sql,
         const char  *json,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;
  int rc;

  if (!koc_db_prepare (db, sql, &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    out = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error_literal (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                         "A saved search's query is not a JSON object");
  else
    koc_db_set_error (db, rc, "Could not convert a saved search", error);
  sqlite3_finalize (stmt);
  return out;
}

char *
koc_saved_search_to_stored (sqlite3     *db,
                            const char  *query_json,
                            GError     **error)
{
  /* json_set with a NULL value would store null: remove the member instead. */
  return rewrite (db, "SELECT CASE WHEN json_type (?1) <> 'object' THEN NULL"
                  " ELSE (SELECT CASE WHEN b.uid IS NULL THEN json_remove (?1, '$.brand_id', '$.brand_uid')"
                  " ELSE json_set (json_remove (?1, '$.brand_id'), '$.brand_uid', b.uid) END"
                  " FROM (SELECT (SELECT uid FROM brands WHERE id = ?1 ->> '$.brand_id'"
                  " AND (?1 ->> '$.brand_id') > 0) AS uid) b) END",
                  query_json, error);
}

char *
koc_saved_search_from_stored (sqlite3     *db,
                              const char  *query_json,
                              GError     **error)
{
  return rewrite (db, "SELECT CASE WHEN json_type (?1) <> 'object' THEN NULL"
                  " WHEN json_type (?1, '$.brand_uid') IS NULL THEN json (?1)"
                  " ELSE json_set (json_remove (?1, '$.brand_uid'), '$.brand_id',"
                  " coalesce ((SELECT id FROM brands WHERE uid = ?1 ->> '$.brand_uid'), 0)) END",
                  query_json, error);
}

char *
koc_saved_search_enqueue (sqlite3     *db,
                          const char  *uid,
                          const char  *fields_json,
                          GError     **error)
{
  g_autofree char *query = NULL, *stored = NULL, *fields = NULL;

  query = rewrite (db, "SELECT CASE WHEN json_type (?1) <> 'object' THEN NULL"
                   " ELSE coalesce (json (?1 -> '$.query'), 'null') END", fields_json, error);
  if (query == NULL)
    return NULL;
  if (g_str_equal (query, "null"))
    return koc_sync_store_enqueue (db, "saved_search", uid, "upsert", fields_json, error);
  if ((stored = koc_saved_search_to_stored (db, query, error)) == NULL)
    return NULL;
  {
    sqlite3_stmt *stmt = NULL;
    int rc;

    if (!koc_db_prepare (db, "SELECT json_set (?1, '$.query', json (?2))", &stmt, error))
      return NULL;
    sqlite3_bind_text (stmt, 1, fields_json, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, stored, -1, SQLITE_STATIC);
    if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      fields = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    if (fields == NULL)
      {
        koc_db_set_error (db, rc, "Could not convert a saved search", error);
        return NULL;
      }
  }
  return koc_sync_store_enqueue (db, "saved_search", uid, "upsert", fields, error);
}
