/* koc-sync-bulk.c: a page of the feed that only brings new entities, applied set-based.
 *
 * A device's first pull is almost all such pages. Instead of a few statements and a
 * savepoint per change (koc-sync-store.c), the page's decoded values (koc-sync-decode.c)
 * go into temporary tables and each kind present goes in with a handful of INSERT …
 * SELECT statements (koc_entity_insert_each()), parents' kinds first, then the revs in
 * one more. Anything
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

/* Per kind: the changes, and how many are new: of the right shape (koc-sync-decode.c)
 * and this device has no rev of them. */
#define COUNT_NEW_SQL \
  "SELECT kind, count (*), sum (new AND NOT EXISTS (SELECT 1 FROM main.sync_revs r" \
  "   WHERE r.kind = p.kind AND r.uid = p.uid))" \
  " FROM temp.koc_sync_page p GROUP BY kind"

static gboolean
exec_cached (KocEntityCache  *cache,
             const char      *sql,
             GError         **error)
{
  sqlite3_stmt *stmt = koc_entity_cache_statement (cache, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (koc_entity_cache_get_db (cache), rc,
                             "Could not apply the change page", error);
  return TRUE;
}

/* Fills the kinds present in the page (in the table's parent-first order) into @kinds;
 * FALSE when a change is not new or its kind is not one this version stores. */
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
  if ((stmt = koc_entity_cache_statement (cache, COUNT_NEW_SQL, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const KocEntityKind *kind = koc_entity_kind_lookup ((const char *)sqlite3_column_text (stmt, 0));
      gint64 n = sqlite3_column_int64 (stmt, 1);

      *out_n += n;
      if (kind == NULL || kind->sync_fields == NULL || sqlite3_column_int64 (stmt, 2) != n)
        ok = FALSE;
      else
        for (guint i = 0; i < koc_entity_n_kinds (); i++)
          if (koc_entity_kind_at (i) == kind)
            present[i] = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (koc_entity_cache_get_db (cache), rc, "Could not apply the change page",
                        error);
      return FALSE;
    }
  return ok;
}

/* @n_rows rows of @n_columns values each into @table. */
static gboolean
fill_table (KocEntityCache  *cache,
            const char      *table,
            sqlite3_value  **values,
            guint            n_rows,
            guint            n_columns,
            GError         **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_string_printf (sql, "INSERT INTO temp.%s VALUES (?", table);
  for (guint c = 1; c < n_columns; c++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");
  if ((stmt = koc_entity_cache_statement (cache, sql->str, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_rows; i++)
    {
      sqlite3_value **row = values + (gsize)i * n_columns;
      int rc;

      for (guint c = 0; c < n_columns; c++)
        sqlite3_bind_value (stmt, c + 1, row[c]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return koc_db_set_error (koc_entity_cache_get_db (cache), rc,
                                 "Could not apply the change page", error);
    }
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* The decoded rows of the kind at @index into its temporary table, then into the
 * workspace. */
static gboolean
insert_kind (KocEntityCache        *cache,
             const KocSyncDecoded  *page,
             guint                  index,
             GError               **error)
{
  const KocEntityKind *kind = koc_entity_kind_at (index);
  /* The kind's index, not input, names the table. */
  g_autofree char *table = g_strdup_printf ("koc_sync_k%u", index);
  g_autofree char *create = koc_entity_decoded_table_sql (kind, table);
  g_autofree char *clear = g_strdup_printf ("DELETE FROM temp.%s", table);
  g_autofree char *source = g_strdup_printf ("SELECT * FROM temp.%s", table);

  return koc_db_exec (koc_entity_cache_get_db (cache), create, error) &&
         exec_cached (cache, clear, error) &&
         fill_table (cache, table, page->kind_values[index], page->kind_rows[index],
                     1 + koc_entity_n_sync_fields (kind), error) &&
         koc_entity_insert_each (cache, kind, source, error);
}

gboolean
koc_sync_bulk_apply (KocEntityCache        *cache,
                     const KocSyncDecoded  *page,
                     KocSyncPage           *out_page,
                     gboolean              *out_applied,
                     GError               **error)
{
  sqlite3 *db = koc_entity_cache_get_db (cache);
  g_autofree gboolean *present = g_new0 (gboolean, koc_entity_n_kinds ());
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;
  gint64 n = 0;

  *out_applied = FALSE;
  if (page->kind_values == NULL)
    return TRUE;
  /* Temporary: on this connection only, never in the workspace file. */
  if (!koc_db_exec (db, "CREATE TEMP TABLE IF NOT EXISTS koc_sync_page (kind TEXT, uid TEXT,"
                    " rev INTEGER, new INTEGER)", error) ||
      !exec_cached (cache, "DELETE FROM temp.koc_sync_page", error) ||
      !fill_table (cache, "koc_sync_page", page->changes, page->n_changes,
                   KOC_SYNC_DECODED_N_COLUMNS, error))
    return FALSE;
  if (!all_new (cache, present, &n, &local_error))
    {
      if (local_error == NULL)
        return TRUE;  /* change by change */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!exec_cached (cache, "SAVEPOINT koc_bulk", error))
    return FALSE;
  for (guint i = 0; ok && i < koc_entity_n_kinds (); i++)
    if (present[i])
      ok = insert_kind (cache, page, i, &local_error);
  if (ok)
    ok = exec_cached (cache, "INSERT INTO sync_revs (kind, uid, rev) SELECT kind, uid, rev"
                      " FROM temp.koc_sync_page WHERE true"
                      " ON CONFLICT DO UPDATE SET rev = excluded.rev", &local_error);
  if (!ok)
    {
      exec_cached (cache, "ROLLBACK TO koc_bulk", NULL);
      exec_cached (cache, "RELEASE koc_bulk", NULL);
      if (g_error_matches (local_error, KOC_STORE_ERROR, KOC_STORE_ERROR_CONSTRAINT))
        {
          g_debug ("Page applied change by change: %s", local_error->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!exec_cached (cache, "RELEASE koc_bulk", error))
    return FALSE;
  out_page->n_changes += n;
  *out_applied = TRUE;
  return TRUE;
}
