/* koc-sync-bulk.c: pages of the feed that only bring new entities, applied set-based.
 *
 * A device's first pull is almost all such pages. Instead of a few statements and a
 * savepoint per change (koc-sync-store.c), the pages are read into a temporary table, one
 * after the other while each brings only new entities, and each kind present goes in
 * with a handful of INSERT … SELECT statements for all of them
 * (koc_entity_insert_each()), parents' kinds first, then the revs in one more. One
 * statement for a group of pages rather than one per page matters: a statement inside a
 * transaction first copies each page of the file it changes into its statement journal,
 * and new uids land all over their indexes (measured: these copies were 9 % of a first
 * pull with a statement per page). Anything else — a delete, an entity this device
 * already has, a change that is not valid, a missing parent — leaves its page to the
 * change-by-change path, which says what was wrong or skips what it must: the result is
 * the same either way.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include "koc-db.h"
#include "koc-sync-bulk.h"

/* The members of each change, as SQL values: `->` gives minified JSON text, so below an
 * object is the text starting with '{' and an integer one of only digits and '-'. Each
 * JSON function call parses its change again unless it is the text the statement has
 * just parsed: here every call reads `v`, parsed once. `v` is materialized because each
 * mention of json_each's `value` would write the change's text out again (measured:
 * reading a page 30 % faster). `lists` says whether a list of the change's kind (tags,
 * aliases, post media) may hold an item: reading lists later parses the data again, so
 * the many changes with empty lists skip that. */
static const char *
read_page_sql (void)
{
  static char *sql = NULL;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GString) lists = g_string_new ("CASE v ->> '$.kind'");

      /* Names from the constant table of kinds, not input. */
      for (guint i = 0; i < koc_entity_n_kinds (); i++)
        {
          const KocEntityKind *kind = koc_entity_kind_at (i);
          guint n = 0;

          for (const KocEntityField *f = kind->sync_fields; f != NULL && f->name != NULL; f++)
            if (f->column == NULL)
              {
                if (n++ == 0)
                  g_string_append_printf (lists, " WHEN '%s' THEN", kind->kind);
                else
                  g_string_append (lists, " OR");
                g_string_append_printf (lists, " coalesce (v ->> '$.data.%s', '[]') <> '[]'",
                                        f->name);
              }
        }
      g_string_append (lists, " ELSE 0 END");
      sql = g_strdup_printf ("INSERT INTO temp.koc_sync_page (kind, uid, rev, deleted, data,"
                             " lists) WITH c (v) AS MATERIALIZED (SELECT value FROM json_each"
                             " (?1, '$.changes')) SELECT v ->> '$.kind', v ->> '$.id',"
                             " v -> '$.rev', v -> '$.deleted', v -> '$.data', %s FROM c",
                             lists->str);
      g_once_init_leave (&done, 1);
    }
  return sql;
}

/* Each change with whether it may be new: it has the documented types, is not a delete,
 * carries an object and this device has no rev of it. Its kind and uid are checked in
 * all_new(): a string (not another JSON type, which `->>` also gives as a value), a kind
 * this version stores, a valid uid (koc_entity_uid_is_valid()). (Leaving the rev to the
 * unique constraint of the inserts would save a search per change, but a group of pages
 * of updates would then be read and inserted once for each of its pages.) */
#define READ_NEW_SQL \
  "SELECT kind, uid, rev NOT GLOB '*[^0-9-]*' AND coalesce (deleted, 'false') = 'false'" \
  "   AND data GLOB '{*' AND NOT EXISTS (SELECT 1 FROM main.sync_revs r" \
  "   WHERE r.kind = p.kind AND r.uid = p.uid)" \
  " FROM temp.koc_sync_page p WHERE p.rowid > ?1"

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

/* Marks the kinds present in the changes read after row @after of the temporary table
 * (by their index in the parent-first table) in @present and counts them in @out_n;
 * FALSE when a change is not new. */
static gboolean
all_new (KocEntityCache  *cache,
         gint64           after,
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
  sqlite3_bind_int64 (stmt, 1, after);
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

/* Reads the leading pages of @bodies that bring only new entities into the temporary
 * table, at most @max of them; their count goes to @out_n_pages, their changes' to
 * @out_n_changes. */
static gboolean
read_pages (KocEntityCache      *cache,
            const char * const  *bodies,
            guint                max,
            gboolean            *present,
            guint               *out_n_pages,
            gint64              *out_n_changes,
            GError             **error)
{
  sqlite3 *db = koc_entity_cache_get_db (cache);
  g_autoptr(GError) local_error = NULL;

  *out_n_pages = 0;
  *out_n_changes = 0;
  /* Temporary: on this connection only, never in the workspace file. */
  if (!koc_db_exec (db, "CREATE TEMP TABLE IF NOT EXISTS koc_sync_page (kind TEXT, uid TEXT,"
                    " rev TEXT, deleted TEXT, data TEXT, lists INTEGER)", error) ||
      !exec_cached (cache, "DELETE FROM temp.koc_sync_page", NULL, error))
    return FALSE;
  while (*out_n_pages < max)
    {
      gint64 n = 0;

      /* The rowids count from 1 again after the DELETE. */
      if (!exec_cached (cache, read_page_sql (), bodies[*out_n_pages], error))
        return FALSE;
      if (!all_new (cache, *out_n_changes, present, &n, &local_error))
        {
          sqlite3_stmt *stmt;

          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* This page goes change by change, after the ones read before it. */
          if ((stmt = koc_entity_cache_statement (cache, "DELETE FROM temp.koc_sync_page"
                                                  " WHERE rowid > ?1", error)) == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, *out_n_changes);
          return koc_entity_cache_step (cache, stmt, "Could not apply the change page", error);
        }
      *out_n_changes += n;
      (*out_n_pages)++;
    }
  return TRUE;
}

gboolean
koc_sync_bulk_apply (KocEntityCache      *cache,
                     const char * const  *bodies,
                     guint                max,
                     KocSyncPage         *out_page,
                     guint               *out_n_applied,
                     guint               *out_n_tried,
                     GError             **error)
{
  g_autofree gboolean *present = g_new0 (gboolean, koc_entity_n_kinds ());
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;
  gint64 n = 0;

  *out_n_applied = 0;
  if (!read_pages (cache, bodies, max, present, out_n_tried, &n, error))
    return FALSE;
  if (*out_n_tried == 0)
    return TRUE;  /* the first page goes change by change */

  if (!exec_cached (cache, "SAVEPOINT koc_bulk", NULL, error))
    return FALSE;
  for (guint i = 0; ok && i < koc_entity_n_kinds (); i++)
    if (present[i])
      {
        const KocEntityKind *kind = koc_entity_kind_at (i);
        /* The kind is one of the constant table's names, not input. */
        g_autofree char *source = g_strdup_printf ("SELECT uid, data FROM temp.koc_sync_page"
                                                   " WHERE kind = '%s'", kind->kind);
        g_autofree char *lists_source = g_strconcat (source, " AND lists", NULL);

        ok = koc_entity_insert_each (cache, kind, source, lists_source, &local_error);
      }
  if (ok)
    ok = exec_cached (cache, "INSERT INTO sync_revs (kind, uid, rev) SELECT kind, uid,"
                      " CAST (rev AS INTEGER) FROM temp.koc_sync_page", NULL, &local_error);
  if (!ok)
    {
      exec_cached (cache, "ROLLBACK TO koc_bulk", NULL, NULL);
      exec_cached (cache, "RELEASE koc_bulk", NULL, NULL);
      if (g_error_matches (local_error, KOC_STORE_ERROR, KOC_STORE_ERROR_CONSTRAINT))
        {
          g_debug ("%u pages not applied set-based: %s", *out_n_tried, local_error->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!exec_cached (cache, "RELEASE koc_bulk", NULL, error))
    return FALSE;
  out_page->n_changes += n;
  *out_n_applied = *out_n_tried;
  return TRUE;
}
