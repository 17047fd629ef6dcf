/* koc-server-workspace.c: one KocStore per workspace, opened on first use; the
 * server's own tables in each workspace file; the initial snapshot of the change feed.
 *
 * The server tables live in the workspace file next to the KOC Desk schema, so a
 * workspace file stays a normal workspace (kocdesk-cli check passes; the app can open
 * it) and a backup of one file is a backup of everything about that workspace:
 *
 *   changes            seq (AUTOINCREMENT: never reused), kind, uid, rev, deleted,
 *                      fields (JSON array of the field names a mutation set; NULL =
 *                      every field), changed_at. Index (kind, uid, rev).
 *   applied_mutations  client mutation id → the JSON result first returned
 *   server_meta        key/value: snapshot progress
 *
 * Snapshot: a workspace the server has never served (e.g. a demo, or a file an
 * administrator copied in) gets one change (rev 1) per existing entity, kind by kind
 * (parents first), in chunks of SNAPSHOT_CHUNK rows per transaction, the progress
 * saved with each chunk: memory stays flat at 2M posts and an interrupted snapshot
 * resumes where it stopped. It runs on the store's worker before any request of that
 * workspace (the worker is serial), so the feed never serves a half-made snapshot.
 * The server must be the only writer of its workspace files.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include "koc-db.h"
#include "koc-server-entities.h"
#include "koc-server-private.h"

#define SNAPSHOT_CHUNK 20000

static const char server_tables[] =
  "CREATE TABLE IF NOT EXISTS changes (\n"
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  kind TEXT NOT NULL,\n"
  "  uid TEXT NOT NULL,\n"
  "  rev INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),\n"
  "  fields TEXT CHECK (fields IS NULL OR json_valid (fields)),\n"
  "  changed_at INTEGER NOT NULL DEFAULT (unixepoch ())\n"
  ") STRICT;\n"
  "CREATE INDEX IF NOT EXISTS changes_entity ON changes (kind, uid, rev);\n"
  "CREATE TABLE IF NOT EXISTS applied_mutations (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  result TEXT NOT NULL CHECK (json_valid (result)),\n"
  "  applied_at INTEGER NOT NULL DEFAULT (unixepoch ())\n"
  ") STRICT;\n"
  "CREATE TABLE IF NOT EXISTS server_meta (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ") STRICT;\n";

typedef struct
{
  KocServer *server;
  char      *name;
} WorkspaceRef;

typedef struct
{
  KocServerRequest      *request;
  KocWorkspaceReadyFunc  func;
} Waiter;

static void
workspace_ref_free (WorkspaceRef *ref)
{
  g_object_unref (ref->server);
  g_free (ref->name);
  g_free (ref);
}

static WorkspaceRef *
workspace_ref_new (KocServerWorkspace *workspace)
{
  WorkspaceRef *ref = g_new0 (WorkspaceRef, 1);

  ref->server = g_object_ref (workspace->server);
  ref->name = g_strdup (workspace->name);
  return ref;
}

static gboolean
meta_get_int (sqlite3     *db,
              const char  *key,
              gint64      *value,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *value = 0;
  if (!koc_db_prepare (db, "SELECT CAST (value AS INTEGER) FROM server_meta WHERE key = ?1",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not read server_meta", error);
  return TRUE;
}

static gboolean
meta_set_int (sqlite3     *db,
              const char  *key,
              gint64       value,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "INSERT OR REPLACE INTO server_meta (key, value)"
                       " VALUES (?1, CAST (?2 AS TEXT))", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, value);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not write server_meta", error);
  return TRUE;
}

/* One chunk of one kind: a change for every row with after < id ≤ the chunk's last id.
 * Returns the new "after", or the same value when the kind is done. */
static gboolean
snapshot_chunk (sqlite3              *db,
                const KocEntityKind  *kind,
                gint64                after,
                gint64               *out_after,
                GError              **error)
{
  g_autofree char *last_sql = NULL;
  g_autofree char *insert_sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 last = after;
  int rc;

  /* The table name comes from our own constant table of kinds, never from a request. */
  last_sql = g_strdup_printf ("SELECT max (id) FROM (SELECT id FROM %s WHERE id > ?1"
                              " ORDER BY id LIMIT " G_STRINGIFY (SNAPSHOT_CHUNK) ")",
                              kind->table);
  insert_sql = g_strdup_printf ("INSERT INTO changes (kind, uid, rev, deleted)"
                                " SELECT ?1, uid, 1, 0 FROM %s WHERE id > ?2 AND id <= ?3"
                                " ORDER BY id", kind->table);

  if (!koc_db_prepare (db, last_sql, &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return koc_db_set_error (db, rc, "Could not read the snapshot's next chunk", error);

  *out_after = last;
  if (last == after)
    return TRUE;

  if (!koc_db_prepare (db, insert_sql, &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, after);
  sqlite3_bind_int64 (stmt, 3, last);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not write the snapshot", error);
  return TRUE;
}

static gboolean
snapshot (sqlite3       *db,
          GCancellable  *cancellable,
          GError       **error)
{
  gint64 kind_index, after;

  if (!meta_get_int (db, "snapshot_kind", &kind_index, error) ||
      !meta_get_int (db, "snapshot_after", &after, error))
    return FALSE;

  while (kind_index < koc_entity_n_kinds ())
    {
      const KocEntityKind *kind = koc_entity_kind_at (kind_index);
      gint64 next = after;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!koc_db_begin_write (db, error))
        return FALSE;
      if (!snapshot_chunk (db, kind, after, &next, error))
        {
          koc_db_rollback (db);
          return FALSE;
        }
      if (next == after)
        {
          kind_index++;
          next = 0;
        }
      if (!meta_set_int (db, "snapshot_kind", kind_index, error) ||
          !meta_set_int (db, "snapshot_after", next, error))
        {
          koc_db_rollback (db);
          return FALSE;
        }
      if (!koc_db_commit (db, error))
        return FALSE;
      after = next;
    }
  return TRUE;
}

gboolean
koc_server_prepare_db (sqlite3       *db,
                       GCancellable  *cancellable,
                       GError       **error)
{
  if (!koc_db_begin_write (db, error))
    return FALSE;
  if (!koc_db_exec (db, server_tables, error))
    {
      koc_db_rollback (db);
      return FALSE;
    }
  if (!koc_db_commit (db, error))
    return FALSE;
  return snapshot (db, cancellable, error);
}

static gboolean
prepare_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  return koc_server_prepare_db (db, cancellable, error);
}

static void
prepare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WorkspaceRef *ref = user_data;
  KocServerWorkspace *workspace = g_hash_table_lookup (ref->server->workspaces, ref->name);
  g_autoptr(GError) error = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not prepare workspace %s: %s", ref->name, error->message);

  if (workspace != NULL && workspace->pending > 0)
    workspace->pending--;
  koc_server_check_idle (ref->server);
  workspace_ref_free (ref);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  WorkspaceRef *ref = user_data;
  KocServerWorkspace *workspace = g_hash_table_lookup (ref->server->workspaces, ref->name);
  g_autoptr(KocStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = NULL;

  store = koc_store_open_finish (result, &error);
  if (workspace == NULL)
    {
      workspace_ref_free (ref);
      return;
    }

  waiting = g_steal_pointer (&workspace->waiting);
  workspace->waiting = g_ptr_array_new_with_free_func (g_free);

  if (store == NULL)
    {
      g_warning ("Could not open workspace %s: %s", ref->name, error->message);
      for (guint i = 0; i < waiting->len; i++)
        {
          Waiter *waiter = g_ptr_array_index (waiting, i);

          koc_server_request_respond (waiter->request, koc_api_response_new_from_error (error));
        }
      /* Forget it: the next request tries again. */
      g_hash_table_remove (ref->server->workspaces, ref->name);
      koc_server_check_idle (ref->server);
      workspace_ref_free (ref);
      return;
    }

  workspace->store = g_object_ref (store);
  workspace->pending++;
  koc_store_run_async (store, prepare_func, NULL, NULL, NULL, ref->server->cancellable,
                       prepare_done_cb, workspace_ref_new (workspace));

  for (guint i = 0; i < waiting->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiting, i);

      waiter->func (waiter->request, store);
    }
  workspace_ref_free (ref);
}

void
koc_server_with_workspace (KocServerRequest      *request,
                           KocWorkspaceReadyFunc  func)
{
  KocServer *self = request->server;
  KocServerWorkspace *workspace = g_hash_table_lookup (self->workspaces, request->workspace);
  Waiter *waiter;

  if (workspace != NULL && workspace->store != NULL)
    {
      func (request, workspace->store);
      return;
    }

  if (workspace == NULL)
    {
      g_autofree char *path = koc_registry_workspace_path (self->registry, request->workspace);

      workspace = g_new0 (KocServerWorkspace, 1);
      workspace->server = self;
      workspace->name = g_strdup (request->workspace);
      workspace->waiting = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->workspaces, workspace->name, workspace);
      koc_store_open_async (path, KOC_STORE_OPEN_DEFAULT, NULL, open_done_cb,
                            workspace_ref_new (workspace));
    }

  waiter = g_new0 (Waiter, 1);
  waiter->request = request;
  waiter->func = func;
  g_ptr_array_add (workspace->waiting, waiter);
}

gboolean
koc_server_workspaces_busy (KocServer *self)
{
  GHashTableIter iter;
  KocServerWorkspace *workspace;

  g_hash_table_iter_init (&iter, self->workspaces);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&workspace))
    if (workspace->store == NULL || workspace->pending > 0)
      return TRUE;
  return FALSE;
}

void
koc_server_workspace_free (KocServerWorkspace *workspace)
{
  g_clear_object (&workspace->store);
  g_clear_pointer (&workspace->waiting, g_ptr_array_unref);
  g_clear_error (&workspace->error);
  g_free (workspace->name);
  g_free (workspace);
}
