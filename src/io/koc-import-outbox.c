/* koc-import-outbox.c: what an import (or its undo) writes, queued for the server.
 *
 * People and accounts are kinds the sync API lets clients change (koc-entities.c): an
 * import's new and updated ones go into the outbox in the import's own transaction, so
 * other devices get them on the next sync and a crash never leaves one without the
 * other. The undo queues the reverse (deletions of what the import created, the restored
 * values of what it updated) in the undo's transaction.
 *
 * One INSERT … SELECT per kind and operation, over the ids of the import's journal
 * (workspace_meta "import:N", read with json_each), instead of an edit per row: the
 * fields are the kind's writable fields (kind->fields), built with json_object() from
 * the rows as they are now, references as uids, and the base_rev from sync_revs —
 * what koc_sync_store_enqueue() would queue for each of them, at 100k rows in a few
 * hundred milliseconds.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-entities.h"
#include "koc-import-private.h"

/* json_object() arguments for @kind's writable fields of row t. Names and columns come
 * from the constant kind tables. */
static char *
fields_sql (const KocEntityKind *kind,
            gboolean             created)
{
  GString *sql = g_string_new (NULL);

  for (const KocEntityField *f = kind->fields; f->name != NULL; f++)
    {
      if (sql->len > 0)
        g_string_append (sql, ", ");
      g_string_append_printf (sql, "'%s', ", f->name);
      switch (f->type)
        {
        case KOC_FIELD_REF:
          g_string_append_printf (sql, "(SELECT uid FROM %s WHERE id = t.%s)", f->ref_table, f->column);
          break;
        case KOC_FIELD_JSON:
          g_string_append_printf (sql, "json (t.%s)", f->column);
          break;
        case KOC_FIELD_TAGS:
          /* The import never tags anyone: the people it has just created have none. */
          if (created)
            {
              g_string_append (sql, "json ('[]')");
              break;
            }
          g_string_append (sql, "json (coalesce ((SELECT json_group_array (v) FROM (SELECT g.name AS v"
                                " FROM person_tags pt JOIN tags g ON g.id = pt.tag_id"
                                " WHERE pt.person_id = t.id ORDER BY g.name)), '[]'))");
          break;
        case KOC_FIELD_TEXT:
        case KOC_FIELD_INT:
        case KOC_FIELD_REAL:
        case KOC_FIELD_MEDIA:
        case KOC_FIELD_ALIASES:
        case KOC_FIELD_MEDIA_LIST:
        default:
          g_assert (f->column != NULL);
          g_string_append_printf (sql, "t.%s", f->column);
          break;
        }
    }
  return g_string_free (sql, FALSE);
}

/* Queues @op ("create", "update" or "delete") of the rows of @kind_name whose ids are
 * at @path of the journal @key (numbers, or objects with an "id"), or when @range is
 * given, whose ids are from range[0] to range[1]; rows that no longer exist are left
 * out. */
static gboolean
queue (sqlite3       *db,
       const char    *key,
       const char    *kind_name,
       const char    *path,
       const char    *op,
       const gint64  *range,
       GError       **error)
{
  const KocEntityKind *kind = koc_entity_kind_lookup (kind_name);
  gboolean delete = g_str_equal (op, "delete");
  /* Client ids unique to this statement (64 random bits, the operation and kind, the
   * row's id) and short: a 100k-row import writes 200k of them into the outbox's unique
   * index. */
  g_autofree char *prefix = g_strdup_printf ("%08x%08x", g_random_int (), g_random_int ());
  g_autofree char *fields = NULL;
  g_autofree char *object = NULL;
  g_autofree char *base_rev = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;
  int rc;

  g_return_val_if_fail (kind != NULL && kind->fields != NULL, FALSE);

  /* An import's new rows have new uids: no rev yet. */
  base_rev = g_str_equal (op, "create")
               ? g_strdup ("0")
               : g_strdup_printf ("coalesce ((SELECT rev FROM sync_revs WHERE kind = '%s'"
                                  " AND uid = t.uid), 0)", kind->kind);
  if (!delete)
    object = fields_sql (kind, g_str_equal (op, "create"));
  fields = delete ? g_strdup ("NULL") : g_strdup_printf ("json_object (%s)", object);
  sql = g_strdup_printf ("INSERT INTO outbox (client_id, entity, entity_uid, op, payload)"
                         " SELECT printf ('%%s-%%.1s%%.1s-%%08d', ?3, '%s', '%s', t.id), '%s', t.uid, '%s',"
                         " json_object ('base_rev', %s, 'fields', %s)"
                         " FROM %s t WHERE %s ORDER BY t.id",
                         op, kind->kind, kind->kind, op, base_rev, fields, kind->table,
                         range != NULL ? "t.id BETWEEN ?4 AND ?5"
                                       : "t.id IN (SELECT CASE j.type WHEN 'object'"
                                         " THEN j.value ->> '$.id' ELSE j.value END FROM"
                                         " workspace_meta m, json_each (m.value, ?2) j"
                                         " WHERE m.key = ?1)");
  if (!koc_db_prepare (db, sql, &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, prefix, -1, SQLITE_STATIC);
  if (range != NULL)
    {
      sqlite3_bind_int64 (stmt, 4, range[0]);
      sqlite3_bind_int64 (stmt, 5, range[1]);
    }
  /* The outbox's CHECKs (op in its list, json_valid (payload)) hold by construction
   * here: op is a literal and the payload comes from json_object (). Checking them
   * re-parses every payload: at 200k rows a third of this statement. */
  start = g_get_monotonic_time ();
  if (!koc_db_exec (db, "PRAGMA ignore_check_constraints = ON", error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (!koc_db_exec (db, "PRAGMA ignore_check_constraints = OFF", rc == SQLITE_DONE ? error : NULL) &&
      rc == SQLITE_DONE)
    return FALSE;
  g_debug ("outbox: %s %s %s: %d rows, %.3f s", kind_name, path, op, sqlite3_changes (db),
           (g_get_monotonic_time () - start) / 1e6);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not queue the import for syncing"), error);
  return TRUE;
}

/* The ids an import created are ascending (SQLite gives each new row one more than the
 * largest): without gaps, a range instead of a list. Sets @range, or returns NULL. */
static const gint64 *
ids_range (GArray *ids,
           gint64  range[2])
{
  if (ids->len == 0)
    return NULL;
  range[0] = g_array_index (ids, gint64, 0);
  range[1] = g_array_index (ids, gint64, ids->len - 1);
  return range[1] - range[0] + 1 == (gint64) ids->len ? range : NULL;
}

gboolean
koc_import_queue_import (sqlite3           *db,
                         KocImportJournal  *journal,
                         gint64             import_id,
                         GError           **error)
{
  g_autofree char *key = g_strdup_printf ("import:%" G_GINT64_FORMAT, import_id);
  gint64 people[2], accounts[2];

  /* Parents first: an account's person must reach the server before it. */
  return queue (db, key, "person", "$.created.people", "create",
                ids_range (journal->created_people, people), error) &&
         queue (db, key, "person", "$.updated.people", "update", NULL, error) &&
         queue (db, key, "account", "$.created.accounts", "create",
                ids_range (journal->created_accounts, accounts), error) &&
         queue (db, key, "account", "$.updated.accounts", "update", NULL, error);
}

gboolean
koc_import_queue_undo_deletes (sqlite3  *db,
                               gint64    import_id,
                               GError  **error)
{
  g_autofree char *key = g_strdup_printf ("import:%" G_GINT64_FORMAT, import_id);

  /* Children first. */
  return queue (db, key, "account", "$.created.accounts", "delete", NULL, error) &&
         queue (db, key, "person", "$.created.people", "delete", NULL, error);
}

gboolean
koc_import_queue_undo_restores (sqlite3  *db,
                                gint64    import_id,
                                GError  **error)
{
  g_autofree char *key = g_strdup_printf ("import:%" G_GINT64_FORMAT, import_id);

  return queue (db, key, "person", "$.updated.people", "update", NULL, error) &&
         queue (db, key, "account", "$.updated.accounts", "update", NULL, error);
}
