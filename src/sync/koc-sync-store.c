/* koc-sync-store.c: outbox, pulled pages and cursor, on the store's worker thread.
 *
 * Pages and results are read with SQLite's JSON functions straight from the response
 * text (json_each over `changes` / `results`), so a page is never turned into a tree of
 * objects on either thread; each change's data is applied by koc_entity_apply_json().
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "koc-db.h"
#include "koc-entities.h"
#include "koc-fts-bulk.h"
#include "koc-store.h"
#include "koc-sync-bulk.h"
#include "koc-sync-store.h"

#define PULL_WAL_AUTOCHECKPOINT 16384 /* pages of 4 KB */

/* Runs @sql with text/int64 arguments given as (type, value) pairs: 's' text, 'i' int64. */
static gboolean
exec_args (KocEntityCache  *cache,
           const char      *sql,
           GError         **error,
           const char      *types,
           ...)
{
  sqlite3_stmt *stmt;
  va_list args;

  if ((stmt = koc_entity_cache_statement (cache, sql, error)) == NULL)
    return FALSE;
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 's')
        sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
    }
  va_end (args);
  return koc_entity_cache_step (cache, stmt, "Could not update the sync state", error);
}

static gboolean
set_rev (KocEntityCache  *cache,
         const char      *kind,
         const char      *uid,
         gint64           rev,
         gboolean         only_newer,
         GError         **error)
{
  return exec_args (cache, only_newer
                    ? "INSERT INTO sync_revs (kind, uid, rev) VALUES (?1, ?2, ?3)"
                      " ON CONFLICT DO UPDATE SET rev = max (rev, excluded.rev)"
                    : "INSERT INTO sync_revs (kind, uid, rev) VALUES (?1, ?2, ?3)"
                      " ON CONFLICT DO UPDATE SET rev = excluded.rev",
                    error, "ssi", kind, uid, rev);
}

gboolean
koc_sync_store_get_cursor (sqlite3  *db,
                           gint64   *out_cursor,
                           GError  **error)
{
  return koc_db_query_int64 (db, "SELECT CAST (value AS INTEGER) FROM sync_state"
                             " WHERE key = 'cursor'", 0, out_cursor, error);
}

gboolean
koc_sync_store_set_last_synced (sqlite3  *db,
                                gint64    when,
                                GError  **error)
{
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, when);

  return exec_args (cache, "INSERT INTO sync_state (key, value) VALUES ('last_synced', ?1)"
                    " ON CONFLICT DO UPDATE SET value = excluded.value", error, "s", text);
}

/* The member names of a JSON object, via SQLite (no JSON library on the worker). */
char **
koc_sync_store_object_keys (KocEntityCache  *cache,
                            const char      *json,
                            GError         **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = koc_entity_cache_statement (cache, "SELECT key FROM json_each (?1)", error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (koc_entity_cache_get_db (cache), rc, "Could not read an edit", error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* The row of a content table of koc_schema_fts_tables(), by uid; NULL for other tables. */
static const char *
fts_rowid_sql (const KocEntityKind *kind)
{
  static const struct { const char *table; const char *sql; } lookups[] = {
    { "people", "SELECT id FROM people WHERE uid = ?1" },
    { "accounts", "SELECT id FROM accounts WHERE uid = ?1" },
    { "posts", "SELECT id FROM posts WHERE uid = ?1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    if (strcmp (lookups[i].table, kind->table) == 0)
      return lookups[i].sql;
  return NULL;
}

/* One change inside its own savepoint: a change that cannot be stored (a parent this
 * device does not have) is skipped and counted, and the page goes on. (Measured: a
 * savepoint per change costs nothing visible; one savepoint around the whole page, to
 * apply it without them and again change by change on a constraint error, doubled the
 * time of a scale-1 pull.) */
static gboolean
apply_change (KocEntityCache       *cache,
              KocFtsBulk           *bulk,
              const KocEntityKind  *kind,
              const char           *uid,
              gint64                rev,
              const char           *data,
              gboolean             *skipped,
              GError              **error)
{
  sqlite3 *db = koc_entity_cache_get_db (cache);
  g_autoptr(GError) local_error = NULL;

  *skipped = FALSE;
  if (data == NULL)
    return koc_entity_delete (cache, kind, uid, error) &&
           exec_args (cache, "DELETE FROM sync_revs WHERE kind = ?1 AND uid = ?2", error,
                      "ss", kind->kind, uid);

  /* The full-text triggers are suspended for the page: an updated row of an indexed
   * table has its index entry removed now and rewritten when the page ends. */
  if (fts_rowid_sql (kind) != NULL)
    {
      sqlite3_stmt *stmt = koc_entity_cache_statement (cache, fts_rowid_sql (kind), error);
      gint64 rowid = 0;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        rowid = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rowid != 0 && !koc_fts_bulk_touch (bulk, db, kind->table, rowid, error))
        return FALSE;
    }

  /* Prepared once per page (cached), like every statement of a change. */
  if (!exec_args (cache, "SAVEPOINT koc_change", error, ""))
    return FALSE;
  if (!koc_entity_apply_json (cache, kind, uid, data, NULL, &local_error))
    {
      exec_args (cache, "ROLLBACK TO koc_change", NULL, "");
      exec_args (cache, "RELEASE koc_change", NULL, "");
      if (!g_error_matches (local_error, KOC_STORE_ERROR, KOC_STORE_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("Skipped %s %s: %s", kind->kind, uid, local_error->message);
      *skipped = TRUE;
      return TRUE;
    }
  return exec_args (cache, "RELEASE koc_change", error, "") &&
         set_rev (cache, kind->kind, uid, rev, FALSE, error);
}

/* Pending local edits of the entities of the page go on top of the server's values. */
static gboolean
reapply_pending (KocEntityCache  *cache,
                 const char      *body,
                 GError         **error)
{
  sqlite3 *db = koc_entity_cache_get_db (cache);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT o.entity, o.entity_uid, json (o.payload -> '$.fields')"
                       " FROM outbox o WHERE o.state IN ('pending', 'sending') AND o.op <> 'delete'"
                       " AND EXISTS (SELECT 1 FROM json_each (?1, '$.changes') c"
                       " WHERE c.value ->> '$.kind' = o.entity AND c.value ->> '$.id' = o.entity_uid)"
                       " ORDER BY o.id", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, body, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const KocEntityKind *kind = koc_entity_kind_lookup ((const char *)sqlite3_column_text (stmt, 0));
      const char *uid = (const char *)sqlite3_column_text (stmt, 1);
      const char *fields = (const char *)sqlite3_column_text (stmt, 2);
      g_auto(GStrv) keys = NULL;
      gboolean skipped;

      if (kind == NULL || fields == NULL)
        continue;
      if ((keys = koc_sync_store_object_keys (cache, fields, error)) == NULL)
        break;
      if (!koc_db_exec (db, "SAVEPOINT koc_rebase", error))
        break;
      skipped = !koc_entity_apply_json (cache, kind, uid, fields, (const char * const *)keys, NULL);
      koc_db_exec (db, skipped ? "ROLLBACK TO koc_rebase; RELEASE koc_rebase"
                               : "RELEASE koc_rebase", NULL);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return error != NULL && *error != NULL ? FALSE
           : koc_db_set_error (db, rc, "Could not read the outbox", error);
  return TRUE;
}

/* Applies the `changes` of @body (a page of the feed, or the `entities` of a search hit)
 * while the full-text triggers are suspended in @bulk (@cache made after that); counts
 * go to @out_page. */
static gboolean
apply_changes (KocEntityCache  *cache,
               KocFtsBulk      *bulk,
               const char      *body,
               KocSyncPage     *out_page,
               GCancellable    *cancellable,
               GError         **error)
{
  sqlite3 *db = koc_entity_cache_get_db (cache);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* `->` already gives minified JSON text: json() around it would parse and render
   * each change's data once more. The change is materialized once (koc-sync-bulk.c). */
  /* The last column: the change has the types docs/api-v1.yaml gives it. One that does
   * not makes the whole page invalid (the caller rolls back what came before it): skipped,
   * its page's cursor would pass over real changes. */
  if ((stmt = koc_entity_cache_statement (cache, "WITH c (v) AS MATERIALIZED (SELECT value FROM"
                                          " json_each (?1, '$.changes')) SELECT v ->> '$.kind',"
                                          " v ->> '$.id', v ->> '$.rev', v ->> '$.deleted',"
                                          " v -> '$.data', json_type (v, '$.data'),"
                                          " json_type (v, '$.kind') IS 'text' AND json_type"
                                          " (v, '$.id') IS 'text' AND json_type (v, '$.rev') IS"
                                          " 'integer' AND coalesce (json_type (v, '$.deleted'),"
                                          " 'false') IN ('true', 'false') AND coalesce (json_type"
                                          " (v, '$.data'), 'null') IN ('object', 'null') FROM c",
                                          error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, body, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const KocEntityKind *kind = koc_entity_kind_lookup ((const char *)sqlite3_column_text (stmt, 0));
      const char *uid = (const char *)sqlite3_column_text (stmt, 1);
      gboolean deleted = sqlite3_column_int (stmt, 3) != 0 ||
                         g_strcmp0 ((const char *)sqlite3_column_text (stmt, 5), "object") != 0;
      gboolean skipped = FALSE;

      out_page->n_changes++;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      if (sqlite3_column_int (stmt, 6) != 1)
        {
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                       "Change %" G_GINT64_FORMAT " of the page is not valid", out_page->n_changes);
          break;
        }
      if (kind == NULL || kind->sync_fields == NULL || !koc_entity_uid_is_valid (uid))
        {
          out_page->n_skipped++;
          continue;
        }
      if (!apply_change (cache, bulk, kind, uid, sqlite3_column_int64 (stmt, 2),
                         deleted ? NULL : (const char *)sqlite3_column_text (stmt, 4),
                         &skipped, error))
        break;
      if (skipped)
        out_page->n_skipped++;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not apply the change page", error);
  return rc == SQLITE_DONE;
}

/* Applies @bodies in order inside one suspension of the full-text triggers (one index
 * segment per table for all of them): runs of pages of only new entities set-based
 * (koc_sync_bulk_apply()), the others with apply_changes(); then the pending local edits
 * of their entities on top. */
static gboolean
apply_bodies (sqlite3             *db,
              const char * const  *bodies,
              guint                n_bodies,
              KocSyncPage         *out_page,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(KocEntityCache) cache = NULL;
  g_autoptr(KocFtsBulk) bulk = NULL;
  gint64 started = g_get_monotonic_time ();

  if ((bulk = koc_fts_bulk_suspend (db, error)) == NULL)
    return FALSE;
  cache = koc_entity_cache_new (db);
  for (guint i = 0, max = n_bodies; i < n_bodies;)
    {
      guint applied = 0, tried = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !koc_sync_bulk_apply (cache, bodies + i, MIN (max, n_bodies - i), out_page, &applied,
                                &tried, error))
        return FALSE;
      max = n_bodies;
      if (applied > 0)
        i += applied;
      else if (tried > 1)
        max = 1;  /* one of them broke a constraint: the first alone, then */
      else if (!apply_changes (cache, bulk, bodies[i++], out_page, cancellable, error))
        return FALSE;
    }

  /* Statements of the cache predate the triggers' DDL: drop them first. */
  g_clear_pointer (&cache, koc_entity_cache_free);
  if (!koc_fts_bulk_resume (db, g_steal_pointer (&bulk), FALSE, error))
    return FALSE;
  cache = koc_entity_cache_new (db);
  for (guint i = 0; i < n_bodies; i++)
    if (!reapply_pending (cache, bodies[i], error))
      return FALSE;
  g_debug ("%" G_GINT64_FORMAT " changes of %u pages applied in %.1f ms", out_page->n_changes,
           n_bodies, (g_get_monotonic_time () - started) / 1000.0);
  return TRUE;
}

gboolean
koc_sync_store_apply_pages (sqlite3             *db,
                            const char * const  *bodies,
                            const KocSyncPage   *expected,
                            guint                n_bodies,
                            KocSyncPage         *out_page,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  g_autofree char *next_text = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (n_bodies > 0, FALSE);

  memset (out_page, 0, sizeof *out_page);
  /* The pages' own members here; each change's types are checked as it is applied
   * (apply_changes()). Only the last page may say that no more follow. */
  if ((stmt = koc_entity_cache_statement (cache, "SELECT json_valid (?1) AND json_type (?1,"
                                          " '$.changes') = 'array' AND json_type (?1, '$.next')"
                                          " = 'integer' AND json_type (?1, '$.more') IN ('true',"
                                          " 'false'), ?1 ->> '$.next', ?1 ->> '$.more'",
                                          error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_bodies; i++)
    {
      gint64 valid = 0, next = -1;

      sqlite3_bind_text (stmt, 1, bodies[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          valid = sqlite3_column_int64 (stmt, 0);
          next = sqlite3_column_int64 (stmt, 1);
          out_page->more = sqlite3_column_int64 (stmt, 2) != 0;
        }
      sqlite3_reset (stmt);
      if (!valid || next < out_page->next || (!out_page->more && i + 1 < n_bodies) ||
          (expected != NULL && expected[i].next >= 0 &&
           (expected[i].next != next || expected[i].more != out_page->more)))
        {
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                       "The server sent a change page that is not valid");
          return FALSE;
        }
      out_page->next = next;
    }
  g_clear_pointer (&cache, koc_entity_cache_free);

  /* While more pages follow, the WAL may grow to 64 MB before it is checkpointed (SQLite's
   * default is 4 MB): a first pull rewrites the same index pages page after page, and
   * each checkpoint copies them into the file again and syncs it (measured: a third of
   * the wall time of 200 pages of a scale-1 pull). The last page puts the default back,
   * so its commit checkpoints. */
  sqlite3_wal_autocheckpoint (db, out_page->more ? PULL_WAL_AUTOCHECKPOINT : 1000 /* SQLite's */);

  if (!apply_bodies (db, bodies, n_bodies, out_page, cancellable, error))
    return FALSE;
  cache = koc_entity_cache_new (db);
  next_text = g_strdup_printf ("%" G_GINT64_FORMAT, out_page->next);
  return exec_args (cache, "INSERT INTO sync_state (key, value) VALUES ('cursor', ?1)"
                    " ON CONFLICT DO UPDATE SET value = excluded.value", error, "s", next_text);
}

gboolean
koc_sync_store_apply_page (sqlite3       *db,
                           const char    *body,
                           KocSyncPage   *out_page,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return koc_sync_store_apply_pages (db, &body, NULL, 1, out_page, cancellable, error);
}

gboolean
koc_sync_store_apply_entities (sqlite3       *db,
                               const char    *body,
                               KocSyncPage   *out_page,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  sqlite3_stmt *stmt;
  gint64 valid = 0;

  memset (out_page, 0, sizeof *out_page);
  if ((stmt = koc_entity_cache_statement (cache, "SELECT json_valid (?1) AND"
                                          " json_type (?1, '$.changes') = 'array'", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, body, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    valid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_clear_pointer (&cache, koc_entity_cache_free);
  if (!valid)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   "The server sent entities that are not valid");
      return FALSE;
    }
  return apply_bodies (db, &body, 1, out_page, cancellable, error);
}
