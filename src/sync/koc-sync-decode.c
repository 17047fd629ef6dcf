/* koc-sync-decode.c: a page of the change feed read into values, on any thread.
 *
 * The pull decodes each page on a thread of its own as soon as it arrives, while the
 * store's worker applies the pages before it (koc-sync-pull.c): the JSON work of a page
 * is about a third of its apply. SQLite's JSON functions do the reading, on a private
 * in-memory connection, and the values are copied out (sqlite3_value_dup()) to be bound
 * on the workspace's connection.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include "koc-sync-decode.h"

/* `->` gives minified JSON text, so a reader of the values can tell an object ('{') or
 * an integer (digits and '-') from the text. Each call parses the change again: five
 * calls, each once per change. */
#define CHANGES_SQL \
  "SELECT c.value ->> '$.kind', c.value ->> '$.id', c.value -> '$.rev'," \
  " c.value -> '$.deleted', c.value -> '$.data' FROM json_each (?1, '$.changes') c"

#define PAGE_SQL \
  "SELECT json_valid (?1) AND json_type (?1, '$.changes') = 'array', json_type (?1, '$.next')" \
  " = 'integer' AND json_type (?1, '$.more') IN ('true', 'false'), ?1 ->> '$.next'," \
  " ?1 ->> '$.more'"

void
koc_sync_decoded_free (KocSyncDecoded *decoded)
{
  if (decoded == NULL)
    return;
  for (gsize i = 0; decoded->values != NULL &&
                    i < (gsize)decoded->n_changes * KOC_SYNC_DECODED_N_COLUMNS; i++)
    sqlite3_value_free (decoded->values[i]);
  g_free (decoded->values);
  g_free (decoded->text);
  g_free (decoded);
}

static void
read_changes (sqlite3        *db,
              KocSyncDecoded *decoded)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;
  gboolean copied = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (db, CHANGES_SQL, -1, &stmt, NULL) != SQLITE_OK)
    {
      decoded->valid = decoded->feed_valid = FALSE;
      return;
    }
  sqlite3_bind_text (stmt, 1, decoded->text, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < KOC_SYNC_DECODED_N_COLUMNS; c++)
      {
        sqlite3_value *value = sqlite3_value_dup (sqlite3_column_value (stmt, c));

        copied = copied && value != NULL; /* NULL: out of memory */
        g_ptr_array_add (values, value);
      }
  sqlite3_finalize (stmt);

  decoded->n_changes = values->len / KOC_SYNC_DECODED_N_COLUMNS;
  decoded->values = (sqlite3_value **)g_ptr_array_free (g_steal_pointer (&values), FALSE);
  if (rc != SQLITE_DONE || !copied)
    decoded->valid = decoded->feed_valid = FALSE;
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
  if (decoded->valid)
    read_changes (db, decoded);
  sqlite3_close (db);
  return decoded;
}
