/* koc-sync-batch.c: many local edits in one transaction, with their undo.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-entities.h"
#include "koc-sync-batch.h"
#include "koc-sync-store.h"

KocSyncEdit *
koc_sync_edit_new (const char *kind,
                   const char *uid,
                   const char *op,
                   const char *fields_json)
{
  KocSyncEdit *edit = g_new0 (KocSyncEdit, 1);

  edit->kind = g_strdup (kind);
  edit->uid = g_strdup (uid);
  edit->op = g_strdup (op);
  edit->fields = g_strdup (fields_json);
  return edit;
}

void
koc_sync_edit_free (KocSyncEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->kind);
  g_free (edit->uid);
  g_free (edit->op);
  g_free (edit->fields);
  g_free (edit);
}

/* The previous values of the members of @fields, from the entity's JSON @before. */
static char *
previous_values (KocEntityCache  *cache,
                 const char      *before,
                 const char      *fields,
                 GError         **error)
{
  sqlite3_stmt *stmt = koc_entity_cache_statement (cache,
    "SELECT json_group_object (j.key, coalesce (?1 -> ('$.\"' || j.key || '\"'), json ('null')))"
    " FROM json_each (?2) j", error);
  char *json = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, before, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fields, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (json == NULL)
    koc_db_set_error (koc_entity_cache_get_db (cache), SQLITE_ERROR,
                      _("Could not read the values before the edit"), error);
  return json;
}

gboolean
koc_sync_batch_apply (sqlite3    *db,
                      GPtrArray  *edits,
                      GPtrArray **undo,
                      GError    **error)
{
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  g_autoptr(GPtrArray) undos = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_sync_edit_free);

  for (guint i = 0; i < edits->len; i++)
    {
      const KocSyncEdit *edit = edits->pdata[i];
      const KocEntityKind *kind = koc_entity_kind_lookup (edit->kind);
      g_autofree char *before = NULL;
      g_autofree char *client_id = NULL;

      if (kind == NULL)
        {
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                       _("This kind of entity cannot be edited: %s"), edit->kind);
          return FALSE;
        }
      if (undo != NULL && !koc_entity_get_json (cache, kind, edit->uid, &before, error))
        return FALSE;

      client_id = koc_sync_store_enqueue (db, edit->kind, edit->uid, edit->op, edit->fields, error);
      if (client_id == NULL)
        return FALSE;

      if (undo == NULL)
        continue;
      if (before == NULL)
        g_ptr_array_add (undos, koc_sync_edit_new (edit->kind, edit->uid, "delete", NULL));
      else if (g_strcmp0 (edit->op, "delete") == 0)
        g_ptr_array_add (undos, koc_sync_edit_new (edit->kind, edit->uid, "upsert", before));
      else
        {
          g_autofree char *previous = previous_values (cache, before, edit->fields, error);

          if (previous == NULL)
            return FALSE;
          g_ptr_array_add (undos, koc_sync_edit_new (edit->kind, edit->uid, "upsert", previous));
        }
    }

  if (undo != NULL)
    {
      /* Undo in reverse order: a later edit of the same entity is taken back first. */
      for (guint i = 0, j = undos->len; i + 1 < j; i++, j--)
        {
          gpointer swap = undos->pdata[i];

          undos->pdata[i] = undos->pdata[j - 1];
          undos->pdata[j - 1] = swap;
        }
      *undo = g_steal_pointer (&undos);
    }
  return TRUE;
}

static gboolean
batch_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  GPtrArray *undo = NULL;

  if (!koc_sync_batch_apply (db, data, &undo, error))
    return FALSE;
  *result = undo;
  return TRUE;
}

void
koc_sync_enqueue_batch_async (KocStore             *store,
                              GPtrArray            *edits,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_return_if_fail (KOC_IS_STORE (store));
  g_return_if_fail (edits != NULL);

  koc_store_write_async (store, batch_func, edits, (GDestroyNotify) g_ptr_array_unref,
                         (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
koc_sync_enqueue_batch_finish (KocStore      *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  gpointer undo = NULL;

  if (!koc_store_run_finish (store, result, &undo, error))
    return NULL;
  return undo;
}
