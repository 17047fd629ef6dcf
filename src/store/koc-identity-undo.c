/* koc-identity-undo.c: the merge log and undoing a merge or a split.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-identity"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-identity-private.h"
#include "koc-store.h"

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

gint64
_koc_identity_log (sqlite3     *db,
                   const char  *kind,
                   gint64       kept_id,
                   gint64       other_id,
                   gint64       account_id,
                   GPtrArray   *script,
                   GError     **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < script->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      append_json_string (json, script->pdata[i]);
    }
  g_string_append_c (json, ']');

  if (!koc_db_prepare (db, "INSERT INTO person_merges (kind, kept_id, other_id, account_id, undo)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)", &stmt, error))
    return 0;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, kept_id);
  sqlite3_bind_int64 (stmt, 3, other_id);
  if (account_id > 0)
    sqlite3_bind_int64 (stmt, 4, account_id);
  sqlite3_bind_text (stmt, 5, json->str, (int) json->len, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not record the merge"), error);
      return 0;
    }
  return sqlite3_last_insert_rowid (db);
}

static gboolean
count (sqlite3    *db,
       const char *sql,
       gint64      id,
       gint64     *n)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  *n = ok ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
koc_identity_undo (sqlite3  *db,
                   gint64    id,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *undo = NULL;
  gint64 kept = 0, other = 0, n = 0, last_stage = 0;
  gboolean undone = FALSE, found = FALSE;
  int rc;

  if (!koc_db_prepare (db, "SELECT kind, kept_id, other_id, undo, undone_at IS NOT NULL"
                           " FROM person_merges WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      kept = sqlite3_column_int64 (stmt, 1);
      other = sqlite3_column_int64 (stmt, 2);
      undo = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      undone = sqlite3_column_int (stmt, 4);
    }
  sqlite3_finalize (stmt);

  if (!found)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_FOUND,
                   _("There is no merge %lld in this workspace."), (long long) id);
      return FALSE;
    }
  if (undone)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("This merge was already undone."));
      return FALSE;
    }
  count (db, "SELECT count(*) FROM people WHERE id = ?1", kept, &n);
  if (n == 0)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("This cannot be undone any more: the person it kept was merged or deleted"
                     " since. Undo that first."));
      return FALSE;
    }
  if (g_str_equal (kind, "merge"))
    {
      count (db, "SELECT count(*) FROM people WHERE id = ?1", other, &n);
      if (n > 0)
        {
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                       _("This merge cannot be undone: the removed person’s number was given"
                         " to someone new since."));
          return FALSE;
        }
      count (db, "SELECT coalesce (max (id), 0) FROM stage_history WHERE ?1 IS NOT NULL", 0, &last_stage);
    }

  if (!koc_db_prepare (db, "SELECT value FROM json_each (?1) ORDER BY key", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, undo, -1, SQLITE_STATIC);
  for (guint i = 0; (rc = sqlite3_step (stmt)) == SQLITE_ROW; i++)
    {
      if (!koc_db_exec (db, (const char *) sqlite3_column_text (stmt, 0), error))
        {
          sqlite3_finalize (stmt);
          g_prefix_error (error, _("Could not undo: "));
          return FALSE;
        }
      /* Re-inserting the person logged a stage change that never happened. */
      if (i == 0 && g_str_equal (kind, "merge"))
        {
          g_autofree char *sql = g_strdup_printf ("DELETE FROM stage_history WHERE id > %" G_GINT64_FORMAT
                                                  " AND person_id = %" G_GINT64_FORMAT, last_stage, other);

          if (!koc_db_exec (db, sql, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the merge log"), error);

  if (!koc_db_prepare (db, "UPDATE person_merges SET undone_at = unixepoch () WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || koc_db_set_error (db, rc, _("Could not record the undo"), error);
}
