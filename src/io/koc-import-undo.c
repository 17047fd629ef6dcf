/* koc-import-undo.c: the journal that makes an import undoable, and the undo.
 *
 * workspace_meta "import:N" = {"id", "file", "encoding", "at", "undone_at",
 *   "created": {"people": [ids], "accounts": [ids], "metric_snapshots": [ids]},
 *   "updated": {"people": [{"id", column: previous value…}], "accounts": […]}}
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-import-private.h"

const char * const koc_import_account_columns[] = {
  "person_id", "display_name", "followers", "engagement_rate", "region", "category", "url",
  "bio", NULL
};
const char * const koc_import_person_columns[] = {
  "display_name", "stage", "owner", "region", "category", "bio", "email", "phone", "wechat",
  NULL
};

KocImportJournal *
koc_import_journal_new (void)
{
  KocImportJournal *journal = g_new0 (KocImportJournal, 1);

  journal->created_people = g_array_new (FALSE, FALSE, sizeof (gint64));
  journal->created_accounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  journal->created_snapshots = g_array_new (FALSE, FALSE, sizeof (gint64));
  journal->updated_people = json_array_new ();
  journal->updated_accounts = json_array_new ();
  journal->saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return journal;
}

void
koc_import_journal_free (KocImportJournal *journal)
{
  if (journal == NULL)
    return;
  g_array_unref (journal->created_people);
  g_array_unref (journal->created_accounts);
  g_array_unref (journal->created_snapshots);
  json_array_unref (journal->updated_people);
  json_array_unref (journal->updated_accounts);
  g_hash_table_unref (journal->saved);
  sqlite3_finalize (journal->select_person);
  sqlite3_finalize (journal->select_account);
  g_free (journal);
}

static char *
select_sql (const char * const *columns,
            const char         *table)
{
  g_autofree char *list = g_strjoinv (", ", (char **) columns);

  /* Identifiers from our own constant lists. */
  return g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", list, table);
}

gboolean
koc_import_journal_save_row (KocImportJournal *journal,
                             sqlite3          *db,
                             gboolean          person,
                             gint64            id,
                             GError          **error)
{
  const char * const *columns = person ? koc_import_person_columns : koc_import_account_columns;
  g_autofree char *key = g_strdup_printf ("%c:%" G_GINT64_FORMAT, person ? 'p' : 'a', id);
  sqlite3_stmt **cached = person ? &journal->select_person : &journal->select_account;
  sqlite3_stmt *stmt = NULL;
  JsonObject *object;
  int rc;

  if (g_hash_table_contains (journal->saved, key))
    return TRUE;

  if (*cached == NULL)
    {
      g_autofree char *sql = select_sql (columns, person ? "people" : "accounts");

      if (!koc_db_prepare (db, sql, cached, error))
        return FALSE;
    }
  stmt = *cached;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      koc_db_set_error (db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc,
                        _("Could not save a row for undo"), error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  object = json_object_new ();
  json_object_set_int_member (object, "id", id);
  for (int i = 0; columns[i] != NULL; i++)
    {
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          json_object_set_int_member (object, columns[i], sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          json_object_set_double_member (object, columns[i], sqlite3_column_double (stmt, i));
          break;
        case SQLITE_TEXT:
          json_object_set_string_member (object, columns[i],
                                         (const char *) sqlite3_column_text (stmt, i));
          break;
        case SQLITE_NULL:
        case SQLITE_BLOB:
        default:
          json_object_set_null_member (object, columns[i]);
          break;
        }
    }
  sqlite3_reset (stmt);

  json_array_add_object_element (person ? journal->updated_people : journal->updated_accounts,
                                 object);
  g_hash_table_add (journal->saved, g_steal_pointer (&key));
  return TRUE;
}

static JsonNode *
ids_node (GArray *ids)
{
  JsonArray *array = json_array_sized_new (ids->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < ids->len; i++)
    json_array_add_int_element (array, g_array_index (ids, gint64, i));
  json_node_take_array (node, array);
  return node;
}

gboolean
koc_import_journal_commit (KocImportJournal *journal,
                           sqlite3          *db,
                           const char       *path,
                           const char       *encoding,
                           gint64           *import_id,
                           GError          **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  JsonObject *created = json_object_new ();
  JsonObject *updated = json_object_new ();
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;
  int rc;

  if (!koc_db_query_int64 (db, "SELECT coalesce (max (CAST (substr (key, 8) AS INTEGER)), 0) + 1"
                               " FROM workspace_meta WHERE key GLOB 'import:[0-9]*'", 1, &id, error))
    return FALSE;

  json_object_set_int_member (root, "id", id);
  json_object_set_string_member (root, "file", path);
  json_object_set_string_member (root, "encoding", encoding);
  json_object_set_int_member (root, "at", g_get_real_time () / G_USEC_PER_SEC);
  json_object_set_member (created, "people", ids_node (journal->created_people));
  json_object_set_member (created, "accounts", ids_node (journal->created_accounts));
  json_object_set_member (created, "metric_snapshots", ids_node (journal->created_snapshots));
  json_object_set_array_member (updated, "people", json_array_ref (journal->updated_people));
  json_object_set_array_member (updated, "accounts", json_array_ref (journal->updated_accounts));
  json_object_set_object_member (root, "created", created);
  json_object_set_object_member (root, "updated", updated);
  json_node_set_object (node, root);
  text = json_to_string (node, FALSE);

  key = g_strdup_printf ("import:%" G_GINT64_FORMAT, id);
  if (!koc_db_prepare (db, "INSERT INTO workspace_meta (key, value) VALUES (?1, ?2)", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not record the import"), error);

  *import_id = id;
  return TRUE;
}

/* ---- Undo ---- */

typedef struct
{
  gint64               import_id;
  KocImportUndoReport  report;
} UndoData;

static gboolean
delete_ids (sqlite3     *db,
            const char  *sql,
            JsonArray   *ids,
            guint64     *count,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (ids == NULL)
    return TRUE;
  if (!koc_db_prepare (db, sql, &stmt, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, json_array_get_int_element (ids, i));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return koc_db_set_error (db, rc, _("Could not undo the import"), error);
        }
      if (count)
        *count += sqlite3_changes (db);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
restore_rows (sqlite3             *db,
              const char          *table,
              const char * const  *columns,
              JsonArray           *rows,
              guint64             *count,
              GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE ");
  sqlite3_stmt *stmt = NULL;
  guint n_columns = g_strv_length ((char **) columns);

  if (rows == NULL)
    return TRUE;
  g_string_append_printf (sql, "%s SET ", table);
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (sql, "%s%s = ?%u", c ? ", " : "", columns[c], c + 2);
  g_string_append (sql, ", updated_at = unixepoch () WHERE id = ?1");
  if (!koc_db_prepare (db, sql->str, &stmt, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      int rc;

      sqlite3_bind_int64 (stmt, 1, json_object_get_int_member (row, "id"));
      for (guint c = 0; c < n_columns; c++)
        {
          JsonNode *value = json_object_get_member (row, columns[c]);
          GType type = value ? json_node_get_value_type (value) : G_TYPE_INVALID;

          if (value == NULL || JSON_NODE_HOLDS_NULL (value))
            sqlite3_bind_null (stmt, c + 2);
          else if (type == G_TYPE_INT64)
            sqlite3_bind_int64 (stmt, c + 2, json_node_get_int (value));
          else if (type == G_TYPE_DOUBLE)
            sqlite3_bind_double (stmt, c + 2, json_node_get_double (value));
          else
            sqlite3_bind_text (stmt, c + 2, json_node_get_string (value), -1, SQLITE_TRANSIENT);
        }
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return koc_db_set_error (db, rc, _("Could not restore a row the import had changed"), error);
        }
      *count += sqlite3_changes (db);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
undo_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  UndoData *undo = data;
  g_autofree char *key = g_strdup_printf ("import:%" G_GINT64_FORMAT, undo->import_id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *created, *updated;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT value FROM workspace_meta WHERE key = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_NOT_FOUND,
                   _("This workspace has no import %lld. The number is the one"
                     " the import printed (“import 3”)."), (long long) undo->import_id);
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (root, "undone_at"))
    {
      g_set_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_ALREADY_UNDONE,
                   _("Import %lld was already undone."), (long long) undo->import_id);
      return FALSE;
    }
  created = json_object_get_object_member (root, "created");
  updated = json_object_get_object_member (root, "updated");

  if (!koc_import_queue_undo_deletes (db, undo->import_id, error) ||
      !delete_ids (db, "DELETE FROM metric_snapshots WHERE id = ?1",
                   json_object_get_array_member (created, "metric_snapshots"), NULL, error) ||
      !delete_ids (db, "DELETE FROM accounts WHERE id = ?1",
                   json_object_get_array_member (created, "accounts"),
                   &undo->report.deleted_accounts, error) ||
      !restore_rows (db, "accounts", koc_import_account_columns,
                     json_object_get_array_member (updated, "accounts"),
                     &undo->report.restored_accounts, error) ||
      !delete_ids (db, "DELETE FROM people WHERE id = ?1",
                   json_object_get_array_member (created, "people"),
                   &undo->report.deleted_people, error) ||
      !restore_rows (db, "people", koc_import_person_columns,
                     json_object_get_array_member (updated, "people"),
                     &undo->report.restored_people, error) ||
      !koc_import_queue_undo_restores (db, undo->import_id, error))
    return FALSE;

  json_object_set_int_member (root, "undone_at", g_get_real_time () / G_USEC_PER_SEC);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);
  g_free (text);
  text = json_to_string (node, FALSE);
  if (!koc_db_prepare (db, "UPDATE workspace_meta SET value = ?2 WHERE key = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not record the undo"), error);
  return TRUE;
}

gboolean
koc_import_undo_sync (KocStore             *store,
                      gint64                import_id,
                      KocImportUndoReport  *report,
                      GCancellable         *cancellable,
                      GError              **error)
{
  UndoData undo = { import_id, { import_id, 0, 0, 0, 0 } };

  g_return_val_if_fail (KOC_IS_STORE (store), FALSE);

  if (!koc_store_write_sync (store, undo_func, &undo, NULL, cancellable, error))
    return FALSE;
  if (report)
    *report = undo.report;
  return TRUE;
}

static gboolean
undo_async_func (sqlite3       *db,
                 gpointer       data,
                 gpointer      *result,
                 GCancellable  *cancellable,
                 GError       **error)
{
  UndoData *undo = data;

  if (!undo_func (db, data, result, cancellable, error))
    return FALSE;
  *result = g_memdup2 (&undo->report, sizeof undo->report);
  return TRUE;
}

void
koc_import_undo_async (KocStore            *store,
                       gint64               import_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  UndoData *undo = g_new0 (UndoData, 1);

  g_return_if_fail (KOC_IS_STORE (store));

  undo->import_id = import_id;
  undo->report.import_id = import_id;
  koc_store_write_async (store, undo_async_func, undo, g_free, g_free, cancellable, callback, user_data);
}

gboolean
koc_import_undo_finish (KocStore             *store,
                        GAsyncResult         *result,
                        KocImportUndoReport  *report,
                        GError              **error)
{
  g_autofree KocImportUndoReport *out = NULL;

  if (!koc_store_run_finish (store, result, (gpointer *) &out, error))
    return FALSE;
  if (report != NULL && out != NULL)
    *report = *out;
  return TRUE;
}
