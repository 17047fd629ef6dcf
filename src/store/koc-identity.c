/* koc-identity.c: merging people, splitting accounts off, and undoing both exactly.
 *
 * The undo of a merge is a script of SQL statements whose values come from SQLite's
 * quote() (exact for REAL, X'..' for BLOB), generated before anything changes:
 *   1. INSERT the removed person's row as it was;
 *   2. INSERT every row that went with it (rows that could not move, and what cascaded
 *      from them), parents first; restore references that were set to NULL;
 *   3. UPDATE every moved row back to the removed person;
 *   4. UPDATE the kept person's row back to its old values.
 * The script is stored as a JSON array of strings in person_merges.undo. Re-inserting a
 * person fires people_stage_ai, which logs a new "discovered" stage; undo deletes that
 * row again, so stage_history is as it was.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-identity"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-identity.h"
#include "koc-identity-private.h"
#include "koc-store.h"

typedef struct
{
  char *table;
  char *from;
  char *to;        /* NULL: the parent's primary key (rowid) */
  char *on_delete;
} Ref;

static void
ref_free (gpointer data)
{
  Ref *ref = data;

  g_free (ref->table);
  g_free (ref->from);
  g_free (ref->to);
  g_free (ref->on_delete);
  g_free (ref);
}

/* Foreign keys that point at @parent. */
static GPtrArray *
references_to (sqlite3     *db,
               const char  *parent,
               GError     **error)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (ref_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT m.name, f.\"from\", f.\"to\", f.on_delete FROM sqlite_schema m,"
                           " pragma_foreign_key_list (m.name) f WHERE m.type = 'table'"
                           " AND lower (f.\"table\") = lower (?1) ORDER BY m.name, f.id", &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, parent, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Ref *ref = g_new0 (Ref, 1);

      ref->table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      ref->from = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      ref->to = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      ref->on_delete = g_ascii_strup ((const char *) sqlite3_column_text (stmt, 3), -1);
      g_ptr_array_add (refs, ref);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the schema"), error);
      return NULL;
    }
  return g_steal_pointer (&refs);
}

/* Runs @sql (one text column) and appends every value to @out. */
static gboolean
collect_strings (sqlite3     *db,
                 const char  *sql,
                 GPtrArray   *out,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, sql, &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || koc_db_set_error (db, rc, _("Could not read the workspace"), error);
}

static char *
quote_ident (const char *name)
{
  g_autoptr(GString) out = g_string_new ("\"");

  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Stored columns of @table (generated columns cannot be inserted). */
static GPtrArray *
table_columns (sqlite3     *db,
               const char  *table,
               gboolean     pk_only,
               GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, pk_only ? "SELECT name FROM pragma_table_xinfo (?1) WHERE pk > 0 ORDER BY pk"
                                   : "SELECT name FROM pragma_table_xinfo (?1) WHERE hidden = 0 ORDER BY cid",
                       &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the schema"), error);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

static gboolean
has_rowid (sqlite3    *db,
           const char *table)
{
  g_autofree char *ident = quote_ident (table);
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s LIMIT 0", ident);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK;

  sqlite3_finalize (stmt);
  return ok;
}

/* An SQL expression that evaluates, per row of @table, to a condition selecting that
 * row: "rowid = 7", or the primary key columns (without @skip) of WITHOUT ROWID tables. */
static char *
key_expression (sqlite3     *db,
                const char  *table,
                const char  *skip,
                GError     **error)
{
  g_autoptr(GPtrArray) pk = NULL;
  g_autoptr(GString) expr = g_string_new (NULL);

  if (has_rowid (db, table))
    return g_strdup ("'rowid = ' || rowid");
  if ((pk = table_columns (db, table, TRUE, error)) == NULL)
    return NULL;
  for (guint i = 0; i < pk->len; i++)
    {
      g_autofree char *ident = NULL;
      g_autofree char *literal = NULL;

      if (skip != NULL && g_ascii_strcasecmp (pk->pdata[i], skip) == 0)
        continue;
      ident = quote_ident (pk->pdata[i]);
      literal = g_strdup_printf ("'%s'", ident); /* identifiers hold no single quotes here */
      g_string_append_printf (expr, "%s%s || ' = ' || quote (%s)", expr->len ? " || ' AND ' || " : "",
                              literal, ident);
    }
  if (expr->len == 0)
    g_string_append (expr, "'1'");
  return g_string_free (g_steal_pointer (&expr), FALSE);
}

/* Appends to @script one INSERT per row of @table matching @where (SQL). */
gboolean
_koc_identity_insert_script (sqlite3     *db,
                             const char  *table,
                             const char  *where,
                             GPtrArray   *script,
                             GError     **error)
{
  g_autoptr(GPtrArray) columns = table_columns (db, table, FALSE, error);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autofree char *ident = quote_ident (table);
  g_autofree char *sql = NULL;

  if (columns == NULL)
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *column = quote_ident (columns->pdata[i]);

      g_string_append_printf (names, "%s%s", i ? "," : "", column);
      g_string_append_printf (values, "%s quote (%s)", i ? " || ',' ||" : "", column);
    }
  /* Double the quotes of names for the string literal of the generated statement. */
  {
    g_auto(GStrv) parts = g_strsplit (names->str, "'", -1);
    g_autofree char *escaped = g_strjoinv ("''", parts);

    sql = g_strdup_printf ("SELECT 'INSERT INTO %s (%s) VALUES (' || %s || ')' FROM %s WHERE %s",
                           ident, escaped, values->str, ident, where);
  }
  return collect_strings (db, sql, script, error);
}

/* Row(s) of @table matching @where are about to be deleted with their parent: saves
 * them and, recursively, what cascades from them; references set to NULL are saved as
 * UPDATEs in @fixups. */
static gboolean
save_subtree (sqlite3     *db,
              const char  *table,
              const char  *where,
              GPtrArray   *script,
              GPtrArray   *fixups,
              guint        depth,
              GError     **error)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *ident = quote_ident (table);

  if (depth > 16)
    return TRUE;
  if (!_koc_identity_insert_script (db, table, where, script, error) ||
      (refs = references_to (db, table, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < refs->len; i++)
    {
      Ref *ref = refs->pdata[i];
      g_autofree char *child = quote_ident (ref->table);
      g_autofree char *from = quote_ident (ref->from);
      g_autofree char *to = ref->to ? quote_ident (ref->to) : g_strdup ("rowid");
      g_autofree char *child_where = g_strdup_printf ("%s IN (SELECT %s FROM %s WHERE %s)",
                                                      from, to, ident, where);

      if (strcmp (ref->on_delete, "CASCADE") == 0)
        {
          if (!save_subtree (db, ref->table, child_where, script, fixups, depth + 1, error))
            return FALSE;
        }
      else if (strcmp (ref->on_delete, "SET NULL") == 0)
        {
          g_autofree char *key = key_expression (db, ref->table, NULL, error);
          g_autofree char *sql = NULL;

          if (key == NULL)
            return FALSE;
          sql = g_strdup_printf ("SELECT 'UPDATE %s SET %s = ' || quote (%s) || ' WHERE ' || %s"
                                 " FROM %s WHERE %s", child, from, from, key, child, child_where);
          if (!collect_strings (db, sql, fixups, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
exec_bound (sqlite3     *db,
            const char  *sql,
            gint64       a,
            gint64       b,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, sql, &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ||
         koc_db_set_error (db, rc, _("Could not change the workspace"), error);
}

static gboolean
person_exists (sqlite3 *db,
               gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM people WHERE id = %" G_GINT64_FORMAT, id);
  gint64 n = 0;

  return koc_db_query_int64 (db, sql, 0, &n, NULL) && n > 0;
}

/* Moves the rows of @ref from @other to @kept one by one; a row that would break a
 * UNIQUE constraint stays and is saved with what cascades from it. */
static gboolean
move_rows (sqlite3     *db,
           Ref         *ref,
           gint64       kept,
           gint64       other,
           GPtrArray   *moves,
           GPtrArray   *script,
           GPtrArray   *fixups,
           GError     **error)
{
  g_autofree char *table = quote_ident (ref->table);
  g_autofree char *from = quote_ident (ref->from);
  g_autofree char *key = key_expression (db, ref->table, ref->from, error);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;

  if (key == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = %" G_GINT64_FORMAT, key, table, from, other);
  if (!collect_strings (db, sql, keys, error))
    return FALSE;

  for (guint i = 0; i < keys->len; i++)
    {
      g_autofree char *update = g_strdup_printf ("UPDATE OR IGNORE %s SET %s = ?1 WHERE %s = ?2 AND %s",
                                                 table, from, from, (char *) keys->pdata[i]);

      if (!exec_bound (db, update, kept, other, error))
        return FALSE;
      if (sqlite3_changes (db) > 0)
        g_ptr_array_add (moves, g_strdup_printf ("UPDATE %s SET %s = %" G_GINT64_FORMAT " WHERE %s = %"
                                                 G_GINT64_FORMAT " AND %s", table, from, other, from,
                                                 kept, (char *) keys->pdata[i]));
      else
        {
          g_autofree char *where = g_strdup_printf ("%s = %" G_GINT64_FORMAT " AND %s", from, other,
                                                    (char *) keys->pdata[i]);

          if (strcmp (ref->on_delete, "CASCADE") == 0 &&
              !save_subtree (db, ref->table, where, script, fixups, 1, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* "UPDATE people SET … WHERE id = N" restoring person @id as it is now. */
static gboolean
restore_person_script (sqlite3     *db,
                       gint64       id,
                       GPtrArray   *out,
                       GError     **error)
{
  g_autoptr(GPtrArray) columns = table_columns (db, "people", FALSE, error);
  g_autoptr(GString) sets = g_string_new (NULL);
  g_autofree char *sql = NULL;

  if (columns == NULL)
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *column = quote_ident (columns->pdata[i]);

      if (strcmp (columns->pdata[i], "id") == 0)
        continue;
      g_string_append_printf (sets, "%s'%s = ' || quote (%s)", sets->len ? " || ', ' || " : "",
                              column, column);
    }
  sql = g_strdup_printf ("SELECT 'UPDATE people SET ' || %s || ' WHERE id = ' || id FROM people"
                         " WHERE id = %" G_GINT64_FORMAT, sets->str, id);
  return collect_strings (db, sql, out, error);
}

gint64
koc_identity_merge (sqlite3  *db,
                    gint64    kept_id,
                    gint64    other_id,
                    GError  **error)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) script = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fixups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) restore = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = g_strdup_printf ("id = %" G_GINT64_FORMAT, other_id);

  g_return_val_if_fail (db != NULL, 0);

  if (kept_id == other_id || !person_exists (db, kept_id) || !person_exists (db, other_id))
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("These two people cannot be merged: one of them no longer exists."));
      return 0;
    }

  /* 1. The removed person as it is; 4. the kept one as it is. */
  if (!_koc_identity_insert_script (db, "people", where, script, error) ||
      !restore_person_script (db, kept_id, restore, error) ||
      (refs = references_to (db, "people", error)) == NULL)
    return 0;

  /* 2 and 3: move what can move, save what cannot. */
  for (guint i = 0; i < refs->len; i++)
    if (!move_rows (db, refs->pdata[i], kept_id, other_id, moves, script, fixups, error))
      return 0;

  /* The kept person gets the contact facts only the other had. */
  if (!exec_bound (db, "UPDATE people SET"
                       " owner = coalesce (people.owner, o.owner), region = coalesce (people.region, o.region),"
                       " category = coalesce (people.category, o.category), bio = coalesce (people.bio, o.bio),"
                       " email = coalesce (people.email, o.email), phone = coalesce (people.phone, o.phone),"
                       " wechat = coalesce (people.wechat, o.wechat)"
                       " FROM (SELECT * FROM people WHERE id = ?2) AS o WHERE people.id = ?1",
                   kept_id, other_id, error) ||
      !exec_bound (db, "DELETE FROM people WHERE id = ?1 AND ?2 IS NOT NULL", other_id, 0, error))
    return 0;

  g_ptr_array_extend_and_steal (script, g_steal_pointer (&fixups));
  g_ptr_array_extend_and_steal (script, g_steal_pointer (&moves));
  g_ptr_array_extend_and_steal (script, g_steal_pointer (&restore));
  return _koc_identity_log (db, "merge", kept_id, other_id, 0, script, error);
}

gint64
koc_identity_split (sqlite3  *db,
                    gint64    account_id,
                    gint64   *new_person_id,
                    GError  **error)
{
  g_autoptr(GPtrArray) script = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gint64 person_id = 0, new_id;
  int rc;

  if (!koc_db_prepare (db, "SELECT person_id FROM accounts WHERE id = ?1", &stmt, error))
    return 0;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (person_id == 0)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("This account belongs to nobody, so there is nothing to split off."));
      return 0;
    }

  if (!exec_bound (db, "INSERT INTO people (display_name, region, category)"
                       " SELECT coalesce (display_name, handle), region, category FROM accounts"
                       " WHERE id = ?1 AND ?2 IS NOT NULL", account_id, 0, error))
    return 0;
  new_id = sqlite3_last_insert_rowid (db);
  if (!exec_bound (db, "UPDATE accounts SET person_id = ?2 WHERE id = ?1", account_id, new_id, error))
    return 0;

  g_ptr_array_add (script, g_strdup_printf ("UPDATE accounts SET person_id = %" G_GINT64_FORMAT
                                            " WHERE id = %" G_GINT64_FORMAT, person_id, account_id));
  g_ptr_array_add (script, g_strdup_printf ("DELETE FROM people WHERE id = %" G_GINT64_FORMAT, new_id));
  if (new_person_id)
    *new_person_id = new_id;
  return _koc_identity_log (db, "split", person_id, new_id, account_id, script, error);
}
