/* koc-sync-bulk.c: a page of the feed that only brings new entities, applied set-based.
 *
 * A device's first pull is almost all such pages. Instead of a few statements and a
 * savepoint per change (koc-sync-store.c), the page is read once into a temporary table
 * and each kind present goes in with a handful of INSERT … SELECT statements
 * (koc_entity_insert_each()), parents' kinds first, then the revs in one more. Anything
 * else — a delete, an entity this device already has, a change that is not valid, a
 * missing parent — leaves the page to the change-by-change path, which says what was
 * wrong or skips what it must: the result is the same either way.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include "koc-db.h"
#include "koc-sync-bulk.h"

/* The members of each change, as SQL values: `->` gives minified JSON text, so below an
 * object is the text starting with '{' and an integer one of only digits and '-'. (Each
 * JSON function call parses the change again: five calls, each once per change.) */
#define READ_PAGE_SQL \
  "INSERT INTO temp.koc_sync_page (kind, uid, rev, deleted, data)" \
  " SELECT c.value ->> '$.kind', c.value ->> '$.id', c.value -> '$.rev'," \
  "   c.value -> '$.deleted', c.value -> '$.data' FROM json_each (?1, '$.changes') c"

/* Each change with whether it may be new: it has the documented types, is not a delete,
 * carries an object and this device has no rev of it. Its kind and uid are checked in
 * all_new(): a string (not another JSON type, which `->>` also gives as a value), a kind
 * this version stores, a valid uid (koc_entity_uid_is_valid()). */
#define READ_NEW_SQL \
  "SELECT kind, uid, rev NOT GLOB '*[^0-9-]*' AND coalesce (deleted, 'false') = 'false'" \
  "   AND data GLOB '{*' AND NOT EXISTS (SELECT 1 FROM main.sync_revs r" \
  "   WHERE r.kind = p.kind AND r.uid = p.uid)" \
  " FROM temp.koc_sync_page p"

static gboolean
exec_cached (KocEntityCache  *cache,
             const char      *sql,
             const char      *text,
             GError         **error)
{
  sqlite3_stmt *stmt = koc_entity_cache_statement (cache, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  return koc_entity_cache_step (cache, stmt, "Could not apply the change page", error);
}

/* Marks the kinds present in the page (by their index in the parent-first table) in
 * @present and counts the changes; FALSE when a change is not new. */
static gboolean
all_new (KocEntityCache  *cache,
         gboolean        *present,
         gint64          *out_n,
         GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  *out_n = 0;
  if ((stmt = koc_entity_cache_statement (cache, READ_NEW_SQL, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const KocEntityKind *kind = NULL;

      (*out_n)++;
      if (sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
        kind = koc_entity_kind_lookup ((const char *)sqlite3_column_text (stmt, 0));
      if (kind == NULL || kind->sync_fields == NULL || sqlite3_column_int (stmt, 2) != 1 ||
          sqlite3_column_type (stmt, 1) != SQLITE_TEXT ||
          !koc_entity_uid_is_valid ((const char *)sqlite3_column_text (stmt, 1)))
        {
          ok = FALSE;
          break;
        }
      for (guint i = 0; i < koc_entity_n_kinds (); i++)
        if (koc_entity_kind_at (i) == kind)
          present[i] = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      koc_db_set_error (koc_entity_cache_get_db (cache), rc, "Could not apply the change page",
                        error);
      return FALSE;
    }
  return ok;
}

gboolean
koc_sync_bulk_apply (KocEntityCache  *cache,
                     const char      *body,
                     KocSyncPage     *out_page,
                     gboolean        *out_applied,
                     GError         **error)
{
  sqlite3 *db = koc_entity_cache_get_db (cache);
  g_autofree gboolean *present = g_new0 (gboolean, koc_entity_n_kinds ());
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;
  gint64 n = 0;

  *out_applied = FALSE;
  /* Temporary: on this connection only, never in the workspace file. */
  if (!koc_db_exec (db, "CREATE TEMP TABLE IF NOT EXISTS koc_sync_page (kind TEXT, uid TEXT,"
                    " rev TEXT, deleted TEXT, data TEXT)", error) ||
      !exec_cached (cache, "DELETE FROM temp.koc_sync_page", NULL, error) ||
      !exec_cached (cache, READ_PAGE_SQL, body, error))
    return FALSE;
  if (!all_new (cache, present, &n, &local_error))
    {
      if (local_error == NULL)
        return TRUE;  /* change by change */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!exec_cached (cache, "SAVEPOINT koc_bulk", NULL, error))
    return FALSE;
  for (guint i = 0; ok && i < koc_entity_n_kinds (); i++)
    if (present[i])
      {
        const KocEntityKind *kind = koc_entity_kind_at (i);
        /* The kind is one of the constant table's names, not input. */
        g_autofree char *source = g_strdup_printf ("SELECT uid, data FROM temp.koc_sync_page"
                                                   " WHERE kind = '%s'", kind->kind);

        ok = koc_entity_insert_each (cache, kind, source, &local_error);
      }
  if (ok)
    ok = exec_cached (cache, "INSERT INTO sync_revs (kind, uid, rev) SELECT kind, uid, CAST (rev AS INTEGER)"
                      " FROM temp.koc_sync_page WHERE true"
                      " ON CONFLICT DO UPDATE SET rev = excluded.rev", NULL, &local_error);
  if (!ok)
    {
      exec_cached (cache, "ROLLBACK TO koc_bulk", NULL, NULL);
      exec_cached (cache, "RELEASE koc_bulk", NULL, NULL);
      if (g_error_matches (local_error, KOC_STORE_ERROR, KOC_STORE_ERROR_CONSTRAINT))
        {
          g_debug ("Page applied change by change: %s", local_error->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!exec_cached (cache, "RELEASE koc_bulk", NULL, error))
    return FALSE;
  out_page->n_changes += n;
  *out_applied = TRUE;
  return TRUE;
}
