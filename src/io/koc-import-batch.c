/* koc-import-batch.c: an import's new rows, written many per INSERT statement.
 *
 * Stepping a one-row INSERT costs far more than the row: a statement transaction (the
 * import runs inside its own), the constraint and foreign-key program, the cursor
 * opening, the reset. At 100k rows × (person, account, snapshot) that was most of the
 * time spent on rows (2026-11: 3.5 s, where the same rows by INSERT … SELECT take
 * 0.9 s). So new rows are kept, with their values copied, and written by a prepared
 * multi-row INSERT … VALUES (…), (…), … when a batch is full; what is left at a flush
 * goes through the same statement prepared for one row.
 *
 * The rows carry explicit ids: the import holds the write lock, so the ids it gives
 * (one more than the largest, counting up) are the ones SQLite would have given, and the
 * import knows them without writing. Anything that reads or updates the tables flushes
 * first (koc_import_batch_flush()), so it never sees a table without the pending rows.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-import-batch.h"

/* Rows per statement: large enough that the per-statement cost is spread thin, small
 * enough for SQLite's limit on parameters. */
#define BATCH_ROWS 128

typedef enum
{
  VALUE_NULL,
  VALUE_INT,
  VALUE_DOUBLE,
  VALUE_TEXT,
} ValueType;

typedef struct
{
  ValueType type;
  union
  {
    gint64  i;
    double  d;
    char   *text;
  };
} Value;

struct _KocImportBatch
{
  sqlite3_stmt *many;
  sqlite3_stmt *one;
  guint         columns;
  guint         rows_per_many;
  GArray       *values;   /* Value, columns per row */
  guint64       first_record; /* of the pending rows, for errors */
};

static void
value_clear (gpointer data)
{
  Value *value = data;

  if (value->type == VALUE_TEXT)
    g_free (value->text);
}

void
koc_import_batch_free (KocImportBatch *batch)
{
  if (batch == NULL)
    return;
  sqlite3_finalize (batch->many);
  sqlite3_finalize (batch->one);
  g_array_unref (batch->values);
  g_free (batch);
}

static char *
insert_sql (const char *head,
            const char *row,
            guint       rows)
{
  GString *sql = g_string_new (head);

  for (guint r = 0; r < rows; r++)
    {
      if (r > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, row);
    }
  return g_string_free (sql, FALSE);
}

KocImportBatch *
koc_import_batch_new (sqlite3     *db,
                      const char  *head,
                      const char  *row,
                      guint        columns,
                      GError     **error)
{
  g_autoptr(KocImportBatch) batch = g_new0 (KocImportBatch, 1);
  g_autofree char *many = NULL;
  g_autofree char *one = NULL;
  int limit = sqlite3_limit (db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);

  g_return_val_if_fail (columns > 0, NULL);

  batch->columns = columns;
  batch->rows_per_many = CLAMP ((guint) limit / columns, 1, BATCH_ROWS);
  batch->values = g_array_sized_new (FALSE, TRUE, sizeof (Value), columns * batch->rows_per_many);
  g_array_set_clear_func (batch->values, value_clear);
  many = insert_sql (head, row, batch->rows_per_many);
  one = insert_sql (head, row, 1);
  if (!koc_db_prepare (db, many, &batch->many, error) || !koc_db_prepare (db, one, &batch->one, error))
    return NULL;
  return g_steal_pointer (&batch);
}

static void
append (KocImportBatch *batch,
        Value          *value)
{
  g_return_if_fail (batch->values->len < batch->columns * batch->rows_per_many);
  g_array_append_vals (batch->values, value, 1);
}

void
koc_import_batch_int (KocImportBatch *batch,
                      gint64          i)
{
  Value value = { .type = VALUE_INT, .i = i };

  append (batch, &value);
}

void
koc_import_batch_double (KocImportBatch *batch,
                         double          d)
{
  Value value = { .type = VALUE_DOUBLE, .d = d };

  append (batch, &value);
}

void
koc_import_batch_null (KocImportBatch *batch)
{
  Value value = { .type = VALUE_NULL };

  append (batch, &value);
}

void
koc_import_batch_text (KocImportBatch *batch,
                       const char     *text)
{
  Value value = { .type = text != NULL ? VALUE_TEXT : VALUE_NULL, .text = g_strdup (text) };

  append (batch, &value);
}

guint
koc_import_batch_pending (KocImportBatch *batch)
{
  return batch->values->len / batch->columns;
}

/* Binds @rows pending rows from @first (in values) to @stmt and steps it. */
static gboolean
write_rows (KocImportBatch  *batch,
            sqlite3         *db,
            sqlite3_stmt    *stmt,
            guint            first,
            guint            rows,
            GError         **error)
{
  int rc;

  for (guint v = 0; v < rows * batch->columns; v++)
    {
      Value *value = &g_array_index (batch->values, Value, first + v);

      switch (value->type)
        {
        case VALUE_INT:
          sqlite3_bind_int64 (stmt, v + 1, value->i);
          break;
        case VALUE_DOUBLE:
          sqlite3_bind_double (stmt, v + 1, value->d);
          break;
        case VALUE_TEXT:
          sqlite3_bind_text (stmt, v + 1, value->text, -1, SQLITE_STATIC);
          break;
        case VALUE_NULL:
        default:
          sqlite3_bind_null (stmt, v + 1);
          break;
        }
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  koc_db_set_error (db, rc, _("Could not write to the workspace"), error);
  g_prefix_error (error, _("Record %llu or one of the %u after it: "),
                  (unsigned long long) batch->first_record, koc_import_batch_pending (batch) - 1);
  return FALSE;
}

gboolean
koc_import_batch_flush (KocImportBatch  *batch,
                        sqlite3         *db,
                        GError         **error)
{
  guint rows = koc_import_batch_pending (batch);
  guint done = 0;
  gboolean ok = TRUE;

  for (; ok && rows - done >= batch->rows_per_many; done += batch->rows_per_many)
    ok = write_rows (batch, db, batch->many, done * batch->columns, batch->rows_per_many, error);
  for (; ok && done < rows; done++)
    ok = write_rows (batch, db, batch->one, done * batch->columns, 1, error);
  /* On failure the import fails as a whole; the rows are dropped either way. */
  g_array_set_size (batch->values, 0);
  return ok;
}

void
koc_import_batch_row_done (KocImportBatch *batch,
                           guint64         record)
{
  g_return_if_fail (batch->values->len % batch->columns == 0);

  if (koc_import_batch_pending (batch) == 1)
    batch->first_record = record;
}

gboolean
koc_import_batch_full (KocImportBatch *batch)
{
  return koc_import_batch_pending (batch) >= batch->rows_per_many;
}
