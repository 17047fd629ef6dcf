/* koc-fts-bulk.c: suspend and resume the FTS insert triggers around a bulk load.
 *
 * The content table of "<name>_fts" is "<name>" and the FTS columns have the same
 * names as the content table's columns (the schema's convention, koc-schema.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-fts-bulk"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-fts-bulk.h"
#include "koc-schema.h"

typedef struct
{
  char   *fts_table;
  char   *content_table;
  char   *trigger_sql;  /* "<fts>_ai"; NULL when the trigger did not exist */
  char   *update_sql;   /* "<fts>_au"; NULL when it did not exist */
  char   *columns;      /* "c1, c2, …" of the FTS table */
  gint64  max_rowid;
  GArray *touched;      /* gint64 rowids at or below max_rowid, taken out of the index */
  GHashTable   *touched_set;  /* the same rowids, to look them up in O(1) */
  sqlite3_stmt *delete_stmt;  /* takes one row out of the index, prepared once */
} Suspended;

struct _KocFtsBulk
{
  GArray *tables; /* of Suspended */
};

static void
suspended_clear (gpointer data)
{
  Suspended *s = data;

  g_free (s->fts_table);
  g_free (s->content_table);
  g_free (s->trigger_sql);
  g_free (s->update_sql);
  g_free (s->columns);
  g_clear_pointer (&s->touched, g_array_unref);
  g_clear_pointer (&s->touched_set, g_hash_table_unref);
  g_clear_pointer (&s->delete_stmt, sqlite3_finalize);
}

void
koc_fts_bulk_free (KocFtsBulk *bulk)
{
  if (bulk == NULL)
    return;
  g_array_unref (bulk->tables);
  g_free (bulk);
}

/* "c1, c2, …" of the FTS table's columns. */
static char *
fts_columns (sqlite3     *db,
             const char  *fts_table,
             GError     **error)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, fts_table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (columns->len > 0)
        g_string_append (columns, ", ");
      g_string_append (columns, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the full-text columns"), error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&columns), FALSE);
}

static char *
trigger_sql (sqlite3     *db,
             const char  *name,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  if (!koc_db_prepare (db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                       &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return sql;
}

static gboolean
drop_trigger (sqlite3     *db,
              const char  *name,
              GError     **error)
{
  /* Names come from the schema's own list, not from input. */
  g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", name);

  return koc_db_exec (db, drop, error);
}

KocFtsBulk *
koc_fts_bulk_suspend (sqlite3  *db,
                      GError  **error)
{
  const char * const *tables = koc_schema_fts_tables ();
  g_autoptr(KocFtsBulk) bulk = g_new0 (KocFtsBulk, 1);

  bulk->tables = g_array_new (FALSE, TRUE, sizeof (Suspended));
  g_array_set_clear_func (bulk->tables, suspended_clear);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *insert_trigger = g_strconcat (tables[i], "_ai", NULL);
      g_autofree char *update_trigger = g_strconcat (tables[i], "_au", NULL);
      g_autofree char *max_sql = NULL;
      Suspended *s;

      g_array_set_size (bulk->tables, bulk->tables->len + 1);
      s = &g_array_index (bulk->tables, Suspended, bulk->tables->len - 1);
      s->fts_table = g_strdup (tables[i]);
      s->content_table = g_strndup (tables[i], strlen (tables[i]) - strlen ("_fts"));
      s->touched = g_array_new (FALSE, FALSE, sizeof (gint64));
      s->touched_set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      s->trigger_sql = trigger_sql (db, insert_trigger, NULL);
      s->update_sql = trigger_sql (db, update_trigger, NULL);
      if ((s->columns = fts_columns (db, s->fts_table, error)) == NULL)
        return NULL;

      max_sql = g_strdup_printf ("SELECT max(rowid) FROM %s", s->content_table);
      if (!koc_db_query_int64 (db, max_sql, 0, &s->max_rowid, error) ||
          (s->trigger_sql != NULL && !drop_trigger (db, insert_trigger, error)) ||
          (s->update_sql != NULL && !drop_trigger (db, update_trigger, error)))
        return NULL;
    }

  return g_steal_pointer (&bulk);
}

gboolean
koc_fts_bulk_resume (sqlite3     *db,
                     KocFtsBulk  *bulk,
                     gboolean     rebuild,
                     GError     **error)
{
  g_autoptr(KocFtsBulk) owned = bulk;

  g_return_val_if_fail (bulk != NULL, FALSE);

  for (guint i = 0; i < owned->tables->len; i++)
    {
      Suspended *s = &g_array_index (owned->tables, Suspended, i);
      g_autofree char *index_sql = NULL;

      if (s->trigger_sql == NULL)
        {
          if (s->update_sql != NULL && !koc_db_exec (db, s->update_sql, error))
            return FALSE;
          continue;
        }

      if (rebuild)
        {
          index_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')",
                                       s->fts_table, s->fts_table);
        }
      else
        {
          g_autoptr(GString) touched = g_string_new ("[");

          for (guint t = 0; t < s->touched->len; t++)
            g_string_append_printf (touched, "%s%" G_GINT64_FORMAT, t ? "," : "",
                                    g_array_index (s->touched, gint64, t));
          g_string_append_c (touched, ']');
          /* Identifiers from the schema; the numbers are our own integers. One statement
           * per table: one FTS segment. The rowids are one IN list, walked in order by
           * rowid lookups: `rowid > N OR rowid IN (…)` would scan the whole table, for
           * every page of a sync (O(n²) over a first pull). */
          index_sql = g_strdup_printf ("INSERT INTO %s (rowid, %s) SELECT rowid, %s FROM %s"
                                       " WHERE rowid IN (SELECT value FROM json_each ('%s')"
                                       " UNION ALL SELECT rowid FROM %s WHERE rowid > %"
                                       G_GINT64_FORMAT ") ORDER BY rowid",
                                       s->fts_table, s->columns, s->columns, s->content_table,
                                       touched->str, s->content_table, s->max_rowid);
        }

      if (!koc_db_exec (db, index_sql, error) ||
          !koc_db_exec (db, s->trigger_sql, error) ||
          (s->update_sql != NULL && !koc_db_exec (db, s->update_sql, error)))
        return FALSE;
    }

  return TRUE;
}

gboolean
koc_fts_bulk_touch (KocFtsBulk  *bulk,
                    sqlite3     *db,
                    const char  *table,
                    gint64       rowid,
                    GError     **error)
{
  g_return_val_if_fail (bulk != NULL, FALSE);

  for (guint i = 0; i < bulk->tables->len; i++)
    {
      Suspended *s = &g_array_index (bulk->tables, Suspended, i);
      int rc;

      if (strcmp (s->content_table, table) != 0)
        continue;
      /* New rows are indexed at the end anyway; a row is taken out only once. */
      if (rowid > s->max_rowid || s->update_sql == NULL ||
          g_hash_table_contains (s->touched_set, &rowid))
        return TRUE;

      if (s->delete_stmt == NULL)
        {
          g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rowid, %s) SELECT 'delete',"
                                                  " rowid, %s FROM %s WHERE rowid = ?1",
                                                  s->fts_table, s->fts_table, s->columns,
                                                  s->columns, s->content_table);

          if (!koc_db_prepare (db, sql, &s->delete_stmt, error))
            return FALSE;
        }
      sqlite3_bind_int64 (s->delete_stmt, 1, rowid);
      rc = sqlite3_step (s->delete_stmt);
      sqlite3_reset (s->delete_stmt);
      if (rc != SQLITE_DONE)
        return koc_db_set_error (db, rc, _("Could not update the full-text index"), error);
      g_array_append_val (s->touched, rowid);
      g_hash_table_add (s->touched_set, g_memdup2 (&rowid, sizeof rowid));
      return TRUE;
    }
  return TRUE;
}
