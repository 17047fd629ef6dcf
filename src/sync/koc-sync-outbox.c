/* koc-sync-outbox.c: local edits (applied and queued in one transaction) and the push
 * side of the outbox.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koc-db.h"
#include "koc-entities.h"
#include "koc-sync-outbox.h"
#include "koc-sync-store.h"

static gboolean
step_once (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return koc_db_set_error (db, rc, _("Could not update the outbox"), error);
  return TRUE;
}

char *
koc_sync_store_take_batch (sqlite3  *db,
                           guint     max,
                           guint    *out_n,
                           GError  **error)
{
  g_autoptr(GString) body = g_string_new ("{\"mutations\":[");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_n = 0;
  /* One per entity: the next edit of an entity waits for this one's rev (see chain). */
  if (!koc_db_prepare (db, "SELECT o.id, json_object ('id', o.client_id, 'kind', o.entity,"
                       " 'entity_uid', o.entity_uid, 'op', CASE o.op WHEN 'delete' THEN 'delete'"
                       " ELSE 'upsert' END, 'fields', json (o.payload -> '$.fields'),"
                       " 'base_rev', o.payload ->> '$.base_rev') FROM outbox o"
                       " WHERE o.state IN ('pending', 'sending') AND NOT EXISTS (SELECT 1 FROM"
                       " outbox p WHERE p.state IN ('pending', 'sending') AND p.entity = o.entity"
                       " AND p.entity_uid = o.entity_uid AND p.id < o.id) ORDER BY o.id LIMIT ?1",
                       &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MIN (max, KOC_SYNC_MAX_BATCH));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (ids->len > 1)
        g_string_append_c (body, ',');
      g_string_append (body, (const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the outbox"), error);
      return NULL;
    }
  if (ids->len == 0)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      if (!koc_db_prepare (db, "UPDATE outbox SET state = 'sending', attempts = attempts + 1"
                           " WHERE id = ?1", &stmt, error))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (!step_once (db, stmt, error))
        return NULL;
    }
  g_string_append (body, "]}");
  *out_n = ids->len;
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* Server wins locally: its current value (or the deletion) replaces the local row. */
static gboolean
apply_current (KocEntityCache       *cache,
               const KocEntityKind  *kind,
               const char           *uid,
               const char           *current,
               GError              **error)
{
  if (current == NULL)
    return koc_entity_delete (cache, kind, uid, error);
  if (!koc_db_exec (koc_entity_cache_get_db (cache), "SAVEPOINT koc_current", error))
    return FALSE;
  if (!koc_entity_apply_json (cache, kind, uid, current, NULL, NULL))
    koc_db_exec (koc_entity_cache_get_db (cache), "ROLLBACK TO koc_current", NULL);
  return koc_db_exec (koc_entity_cache_get_db (cache), "RELEASE koc_current", error);
}

static gboolean
one_result (KocEntityCache  *cache,
            sqlite3_stmt    *row,
            KocSyncResults  *out,
            GError         **error)
{
  sqlite3 *db = koc_entity_cache_get_db (cache);
  const char *client_id = (const char *)sqlite3_column_text (row, 0);
  const char *status = (const char *)sqlite3_column_text (row, 1);
  gint64 rev = sqlite3_column_int64 (row, 2);
  gboolean has_rev = sqlite3_column_type (row, 2) != SQLITE_NULL;
  const char *current = (const char *)sqlite3_column_text (row, 3);
  const char *conflicts = (const char *)sqlite3_column_text (row, 4);
  const char *message = (const char *)sqlite3_column_text (row, 5);
  g_autofree char *entity = NULL, *uid = NULL, *op = NULL;
  const KocEntityKind *kind;
  sqlite3_stmt *stmt = NULL;
  gint64 outbox_id = 0;
  int rc;

  if (!koc_db_prepare (db, "SELECT id, entity, entity_uid, op FROM outbox WHERE client_id = ?1",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, client_id, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      outbox_id = sqlite3_column_int64 (stmt, 0);
      entity = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      uid = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      op = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
  if (outbox_id == 0 || (kind = koc_entity_kind_lookup (entity)) == NULL)
    return TRUE; /* not ours (a result without id) */

  if (g_strcmp0 (status, "applied") == 0)
    {
      out->n_applied++;
      if (!koc_db_prepare (db, "UPDATE outbox SET state = 'done', last_error = NULL WHERE id = ?1",
                           &stmt, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, outbox_id);
      if (!step_once (db, stmt, error))
        return FALSE;
      if (!has_rev)
        return TRUE;
      /* The entity's next queued edit starts from this rev: chain it. */
      if (!koc_db_prepare (db, "UPDATE outbox SET payload = json_set (payload, '$.base_rev', ?1)"
                           " WHERE state = 'pending' AND entity = ?2 AND entity_uid = ?3"
                           " AND id > ?4", &stmt, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rev);
      sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, uid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, outbox_id);
      if (!step_once (db, stmt, error))
        return FALSE;
      if (!koc_db_prepare (db, g_strcmp0 (op, "delete") == 0
                           ? "DELETE FROM sync_revs WHERE kind = ?1 AND uid = ?2 AND ?3 IS NOT NULL"
                           : "INSERT INTO sync_revs (kind, uid, rev) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT DO UPDATE SET rev = max (rev, excluded.rev)",
                           &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, rev);
      return step_once (db, stmt, error);
    }

  if (g_strcmp0 (status, "conflict") == 0)
    {
      out->n_conflicts++;
      if (!koc_db_prepare (db, "INSERT INTO sync_conflicts (entity, entity_uid, field,"
                           " local_value, remote_value) SELECT ?1, ?2, c.value ->> '$.field',"
                           " json (c.value -> '$.yours'), json (c.value -> '$.server')"
                           " FROM json_each (?3) c", &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, conflicts != NULL ? conflicts : "[]", -1, SQLITE_STATIC);
      if (!step_once (db, stmt, error) ||
          !apply_current (cache, kind, uid, current, error))
        return FALSE;
      if (!koc_db_prepare (db, "INSERT INTO sync_revs (kind, uid, rev) VALUES (?1, ?2, ?3)"
                           " ON CONFLICT DO UPDATE SET rev = excluded.rev", &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, rev);
      if (!step_once (db, stmt, error))
        return FALSE;
      message = "conflict";
    }
  else
    out->n_rejected++;

  if (!koc_db_prepare (db, "UPDATE outbox SET state = 'failed', last_error = ?2 WHERE id = ?1",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outbox_id);
  sqlite3_bind_text (stmt, 2, message != NULL ? message : status, -1, SQLITE_STATIC);
  return step_once (db, stmt, error);
}

gboolean
koc_sync_store_apply_results (sqlite3         *db,
                              const char      *body,
                              KocSyncResults  *out_results,
                              GError         **error)
{
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  memset (out_results, 0, sizeof *out_results);
  /* Results of the types docs/api-v1.yaml gives them, or none of them is recorded. */
  if (!koc_db_prepare (db, "SELECT json_valid (?1) AND json_type (?1, '$.results') = 'array'"
                       " AND NOT EXISTS (SELECT 1 FROM json_each (?1, '$.results') r"
                       " WHERE r.type <> 'object'"
                       " OR coalesce (json_type (r.value, '$.id'), 'null') NOT IN ('text', 'null')"
                       " OR r.value ->> '$.status' NOT IN ('applied', 'conflict', 'rejected')"
                       " OR json_type (r.value, '$.status') IS NOT 'text'"
                       " OR coalesce (json_type (r.value, '$.rev'), 'integer') <> 'integer')",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, body, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
  sqlite3_finalize (stmt);
  if (!ok)
    {
      g_set_error_literal (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                           "The server's results are not valid");
      return FALSE;
    }

  if (!koc_db_prepare (db, "SELECT r.value ->> '$.id', r.value ->> '$.status',"
                       " r.value ->> '$.rev', CASE json_type (r.value, '$.current') WHEN 'object'"
                       " THEN json (r.value -> '$.current') END, json (r.value -> '$.conflicts'),"
                       " r.value ->> '$.error.message' FROM json_each (?1, '$.results') r"
                       " WHERE json_valid (?1)", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, body, -1, SQLITE_STATIC);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = one_result (cache, stmt, out_results, error);
  sqlite3_finalize (stmt);
  if (ok && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the server's results"), error);
  return ok;
}

char *
koc_sync_store_enqueue (sqlite3     *db,
                        const char  *kind_name,
                        const char  *entity_uid,
                        const char  *op,
                        const char  *fields_json,
                        GError     **error)
{
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  const KocEntityKind *kind = koc_entity_kind_lookup (kind_name);
  gboolean delete = g_strcmp0 (op, "delete") == 0;
  g_autofree char *client_id = g_uuid_string_random ();
  g_autofree char *exists_sql = NULL;
  g_auto(GStrv) keys = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 base_rev = 0, exists = 0;

  if (kind == NULL || kind->fields == NULL || !koc_entity_uid_is_valid (entity_uid) ||
      (!delete && g_strcmp0 (op, "upsert") != 0))
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("This kind of entity cannot be edited: %s"), kind_name);
      return NULL;
    }
  if (!delete)
    {
      if (fields_json == NULL || (keys = koc_sync_store_object_keys (cache, fields_json, error)) == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                         _("An edit needs a JSON object of fields"));
          return NULL;
        }
      for (guint i = 0; keys[i] != NULL; i++)
        if (koc_entity_kind_field (kind, keys[i]) == NULL)
          {
            g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                         _("A %s has no field %s"), kind->kind, keys[i]);
            return NULL;
          }
    }

  if (!koc_db_prepare (db, "SELECT rev FROM sync_revs WHERE kind = ?1 AND uid = ?2", &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, kind->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity_uid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    base_rev = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  exists_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE uid = ?1", kind->table);
  if (!koc_db_prepare (db, exists_sql, &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, entity_uid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    exists = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (delete ? !koc_entity_delete (cache, kind, entity_uid, error)
             : !koc_entity_apply_json (cache, kind, entity_uid, fields_json,
                                       (const char * const *)keys, error))
    return NULL;

  if (!koc_db_prepare (db, "INSERT INTO outbox (client_id, entity, entity_uid, op, payload)"
                       " VALUES (?1, ?2, ?3, ?4, json_object ('base_rev', ?5, 'fields', json (?6)))",
                       &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, client_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entity_uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, delete ? "delete" : exists ? "update" : "create", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, base_rev);
  if (!delete)
    sqlite3_bind_text (stmt, 6, fields_json, -1, SQLITE_STATIC);
  if (!step_once (db, stmt, error))
    return NULL;
  return g_steal_pointer (&client_id);
}

typedef struct
{
  char *kind;
  char *uid;
  char *op;
  char *fields;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_free (edit->kind);
  g_free (edit->uid);
  g_free (edit->op);
  g_free (edit->fields);
  g_free (edit);
}

static gboolean
enqueue_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  Edit *edit = data;

  *result = koc_sync_store_enqueue (db, edit->kind, edit->uid, edit->op, edit->fields, error);
  return *result != NULL;
}

void
koc_sync_enqueue_async (KocStore             *store,
                        const char           *kind,
                        const char           *entity_uid,
                        const char           *op,
                        const char           *fields_json,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  Edit *edit = g_new0 (Edit, 1);

  g_return_if_fail (KOC_IS_STORE (store));

  edit->kind = g_strdup (kind);
  edit->uid = g_strdup (entity_uid);
  edit->op = g_strdup (op);
  edit->fields = g_strdup (fields_json);
  koc_store_write_async (store, enqueue_func, edit, edit_free, g_free, cancellable,
                         callback, user_data);
}

char *
koc_sync_enqueue_finish (KocStore      *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  gpointer client_id = NULL;

  if (!koc_store_run_finish (store, result, &client_id, error))
    return NULL;
  return client_id;
}
