/* koc-sync-decode.c: a page of the change feed read into values, on any thread.
 *
 * The pull decodes each page on a thread of its own as soon as it arrives, while the
 * store's worker applies the pages before it (koc-sync-pull.c): reading the JSON is
 * about a third of the work of a page. SQLite's JSON functions do the reading, on a
 * private in-memory connection: the members of each change, and for each kind the
 * values of its fields (koc_entity_decode_sql()), copied out with sqlite3_value_dup()
 * to be bound on the workspace's connection (koc-sync-bulk.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include "koc-entities.h"
#include "koc-sync-decode.h"

#define PAGE_SQL \
  "SELECT json_valid (?1) AND json_type (?1, '$.changes') = 'array', json_type (?1, '$.next')" \
  " = 'integer' AND json_type (?1, '$.more') IN ('true', 'false'), ?1 ->> '$.next'," \
  " ?1 ->> '$.more'"

/* Each JSON call parses the change again: five, each once per change. `->` gives
 * minified JSON text: an object is the text starting with '{', an integer one of only
 * digits and '-'. */
#define CHANGES_SQL \
  "CREATE TABLE page (kind, uid, rev, deleted, data);" \
  "INSERT INTO page SELECT c.value ->> '$.kind', c.value ->> '$.id', c.value -> '$.rev'," \
  " c.value -> '$.deleted', c.value -> '$.data' FROM json_each (?1, '$.changes') c"

/* A kind or uid that is not a string fails the kind lookup or the uid's characters. */
#define NEW_SQL \
  "SELECT kind, uid, CAST (rev AS INTEGER), rev NOT GLOB '*[^0-9-]*'" \
  " AND coalesce (deleted, 'false') = 'false' AND data GLOB '{*'" \
  " AND length (uid) BETWEEN 1 AND 64 AND uid NOT GLOB '*[^A-Za-z0-9_-]*' FROM page"

void
koc_sync_decoded_free (KocSyncDecoded *decoded)
{
  if (decoded == NULL)
    return;
  for (gsize i = 0; decoded->changes != NULL &&
                    i < (gsize)decoded->n_changes * KOC_SYNC_DECODED_N_COLUMNS; i++)
    sqlite3_value_free (decoded->changes[i]);
  g_free (decoded->changes);
  for (guint k = 0; decoded->kind_values != NULL && k < koc_entity_n_kinds (); k++)
    {
      const KocEntityKind *kind = koc_entity_kind_at (k);
      gsize n = (gsize)decoded->kind_rows[k] * (1 + koc_entity_n_sync_fields (kind));

      for (gsize i = 0; decoded->kind_values[k] != NULL && i < n; i++)
        sqlite3_value_free (decoded->kind_values[k][i]);
      g_free (decoded->kind_values[k]);
    }
  g_free (decoded->kind_values);
  g_free (decoded->kind_rows);
  g_free (decoded->text);
  g_free (decoded);
}

/* The rows of @sql, @n_columns values each; FALSE when it fails or memory runs out. */
static gboolean
copy_rows (sqlite3         *db,
           const char      *sql,
           int              n_columns,
           sqlite3_value ***out_values,
           guint           *out_rows)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;
  gboolean copied = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < n_columns; c++)
      {
        sqlite3_value *value = sqlite3_value_dup (sqlite3_column_value (stmt, c));

        copied = copied && value != NULL; /* NULL: out of memory */
        g_ptr_array_add (values, value);
      }
  sqlite3_finalize (stmt);
  *out_rows = values->len / n_columns;
  *out_values = (sqlite3_value **)g_ptr_array_free (g_steal_pointer (&values), FALSE);
  return rc == SQLITE_DONE && copied;
}

static gboolean
read_changes (sqlite3        *db,
              KocSyncDecoded *decoded)
{
  sqlite3_stmt *stmt = NULL;
  const char *tail = NULL;
  int rc;

  /* CHANGES_SQL: the table, then the rows (bound to the page). */
  if (sqlite3_prepare_v2 (db, CHANGES_SQL, -1, &stmt, &tail) != SQLITE_OK)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE || sqlite3_prepare_v2 (db, tail, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, decoded->text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE ||
      !copy_rows (db, NEW_SQL, KOC_SYNC_DECODED_N_COLUMNS, &decoded->changes,
                  &decoded->n_changes))
    return FALSE;

  decoded->kind_values = g_new0 (sqlite3_value **, koc_entity_n_kinds ());
  decoded->kind_rows = g_new0 (guint, koc_entity_n_kinds ());
  for (guint k = 0; k < koc_entity_n_kinds (); k++)
    {
      const KocEntityKind *kind = koc_entity_kind_at (k);
      g_autofree char *sql = NULL;

      if (kind->sync_fields == NULL)
        continue;
      sql = koc_entity_decode_sql (kind, "page");
      if (!copy_rows (db, sql, 1 + koc_entity_n_sync_fields (kind), &decoded->kind_values[k],
                      &decoded->kind_rows[k]))
        return FALSE;
    }
  return TRUE;
}

KocSyncDecoded *
koc_sync_decode (const char *data,
                 gsize       size)
{
  KocSyncDecoded *decoded = g_new0 (KocSyncDecoded, 1);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  decoded->text = g_strndup (data, size);
  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
      SQLITE_OK ||
      sqlite3_prepare_v2 (db, PAGE_SQL, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return decoded;
    }
  sqlite3_bind_text (stmt, 1, decoded->text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      decoded->valid = sqlite3_column_int (stmt, 0) != 0;
      decoded->feed_valid = decoded->valid && sqlite3_column_int (stmt, 1) != 0;
      decoded->next = sqlite3_column_int64 (stmt, 2);
      decoded->more = sqlite3_column_int64 (stmt, 3) != 0;
    }
  sqlite3_finalize (stmt);
  if (decoded->valid && !read_changes (db, decoded))
    decoded->valid = decoded->feed_valid = FALSE;
  sqlite3_close (db);
  return decoded;
}
