/* koc-people-list.c: the People pane's list of people.
 *
 * A page is one statement: the people in the requested order (the people_score index
 * for the score, people_name from the "people" schema part for names, so the first
 * page of 100k people walks an index and stops after @limit rows), and for each of
 * the page's rows a few correlated subqueries over its accounts (followers summed,
 * the biggest account's handle, the first avatar). The search is a substring of the
 * name or of any handle, case-insensitive for Latin letters.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-list"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-people-list.h"

KocPeopleQuery *
koc_people_query_new (void)
{
  return g_new0 (KocPeopleQuery, 1);
}

KocPeopleQuery *
koc_people_query_copy (const KocPeopleQuery *query)
{
  KocPeopleQuery *copy = g_memdup2 (query, sizeof *query);

  copy->text = g_strdup (query->text);
  return copy;
}

void
koc_people_query_free (KocPeopleQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query);
}

void
koc_person_row_free (KocPersonRow *row)
{
  if (row == NULL)
    return;
  g_free (row->display_name);
  g_free (row->stage);
  g_free (row->owner);
  g_free (row->handle);
  g_free (row->platform);
  g_free (row->avatar_sha256);
  g_free (row);
}

#define FILTER_SQL \
  " WHERE (?1 IS NULL OR instr (lower (p.display_name), ?1) > 0" \
  " OR EXISTS (SELECT 1 FROM accounts f WHERE f.person_id = p.id" \
  " AND instr (lower (f.handle), ?1) > 0))"

static void
bind_text (sqlite3_stmt         *stmt,
           const KocPeopleQuery *query)
{
  g_autofree char *folded = NULL;

  if (query->text != NULL && *query->text != '\0')
    {
      /* lower() in SQLite folds ASCII only: fold the same way here. */
      folded = g_ascii_strdown (query->text, -1);
      sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_null (stmt, 1);
    }
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

GPtrArray *
koc_people_list (sqlite3              *db,
                 const KocPeopleQuery *query,
                 GError              **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_person_row_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (query != NULL, NULL);

  sql = g_strconcat ("SELECT p.id, p.display_name, p.stage, p.owner, coalesce (p.koc_score, -1),"
                     " (SELECT coalesce (sum (followers), 0) FROM accounts a WHERE a.person_id = p.id),"
                     " (SELECT count (*) FROM accounts a WHERE a.person_id = p.id),"
                     " (SELECT a.handle FROM accounts a WHERE a.person_id = p.id"
                     "  ORDER BY a.followers DESC, a.id LIMIT 1),"
                     " (SELECT a.platform FROM accounts a WHERE a.person_id = p.id"
                     "  ORDER BY a.followers DESC, a.id LIMIT 1),"
                     " (SELECT a.avatar_sha256 FROM accounts a WHERE a.person_id = p.id"
                     "  AND a.avatar_sha256 IS NOT NULL ORDER BY a.followers DESC, a.id LIMIT 1)"
                     " FROM people p",
                     FILTER_SQL,
                     query->sort == KOC_PEOPLE_SORT_NAME
                     ? " ORDER BY p.display_name COLLATE NOCASE, p.id"
                     : " ORDER BY p.koc_score DESC, p.id DESC",
                     " LIMIT ?2 OFFSET ?3", NULL);
  if (!koc_db_prepare (db, sql, &stmt, error))
    return NULL;
  bind_text (stmt, query);
  sqlite3_bind_int64 (stmt, 2, query->limit > 0 ? (gint64) query->limit : -1);
  sqlite3_bind_int64 (stmt, 3, query->offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocPersonRow *row = g_new0 (KocPersonRow, 1);

      row->person_id = sqlite3_column_int64 (stmt, 0);
      row->display_name = column_dup (stmt, 1);
      row->stage = column_dup (stmt, 2);
      row->owner = column_dup (stmt, 3);
      row->koc_score = sqlite3_column_double (stmt, 4);
      row->followers = sqlite3_column_int64 (stmt, 5);
      row->n_accounts = sqlite3_column_int (stmt, 6);
      row->handle = column_dup (stmt, 7);
      row->platform = column_dup (stmt, 8);
      row->avatar_sha256 = column_dup (stmt, 9);
      if (row->display_name == NULL)
        row->display_name = g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not list the people"), error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gint64
koc_people_count (sqlite3              *db,
                  const KocPeopleQuery *query,
                  GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;
  int rc;

  if (!koc_db_prepare (db, "SELECT count (*) FROM people p" FILTER_SQL, &stmt, error))
    return -1;
  bind_text (stmt, query);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    koc_db_set_error (db, rc, _("Could not count the people"), error);
  return count;
}
