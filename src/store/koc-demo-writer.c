/* koc-demo-writer.c: reused prepared INSERTs for the demo generator, timed, and
 * optionally mirrored as literal SQL for the sqlite3 shell (the bulk-load benchmark).
 *
 * The dump batches rows into multi-row INSERTs (up to DUMP_BATCH rows each), the fastest
 * way to feed SQL text to the shell: one statement and trigger compilation per batch
 * instead of per row. All pending batches are written together, in the order the
 * inserts were created; the phases create them parents first (media before accounts,
 * posts before mentions, campaigns before interactions), so foreign keys hold at every
 * statement, as in ours. Rows of one table keep their order, so implicit ids and
 * trigger effects are the same as ours.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-demo"

#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-demo-private.h"

struct _KocDemoInsert
{
  KocDemoWriter *writer;
  sqlite3_stmt  *stmt;
  char          *dump_prefix;  /* "INSERT INTO t (a, b) VALUES" */
  GString       *dump_values;  /* the row being bound */
  GString       *pending;      /* rows waiting for a batched INSERT */
  guint          n_pending;
  int            n_params;
  int            n_bound;
  gint64         row_start;
};

struct _KocDemoWriter
{
  sqlite3   *db;
  FILE      *dump;
  GPtrArray *inserts;
  gint64     usec;
  guint64    rows;
  guint64    rows_in_transaction;
};

static void
insert_free (gpointer data)
{
  KocDemoInsert *insert = data;

  sqlite3_finalize (insert->stmt);
  g_free (insert->dump_prefix);
  if (insert->dump_values != NULL)
    g_string_free (insert->dump_values, TRUE);
  if (insert->pending != NULL)
    g_string_free (insert->pending, TRUE);
  g_free (insert);
}

KocDemoWriter *
koc_demo_writer_new (sqlite3 *db,
                     FILE    *dump)
{
  KocDemoWriter *writer = g_new0 (KocDemoWriter, 1);

  writer->db = db;
  writer->dump = dump;
  writer->inserts = g_ptr_array_new_with_free_func (insert_free);
  return writer;
}

void
koc_demo_writer_free (KocDemoWriter *writer)
{
  if (writer == NULL)
    return;
  g_ptr_array_unref (writer->inserts);
  g_free (writer);
}

KocDemoInsert *
koc_demo_writer_insert (KocDemoWriter  *writer,
                        const char     *verb,
                        const char     *table,
                        const char     *columns,
                        GError        **error)
{
  KocDemoInsert *insert = g_new0 (KocDemoInsert, 1);
  g_autoptr(GString) sql = g_string_new (NULL);
  int rc;

  insert->writer = writer;
  insert->n_params = 1;
  for (const char *p = columns; *p != '\0'; p++)
    if (*p == ',')
      insert->n_params++;

  /* Table and column names are constants of this program, never input. */
  g_string_append_printf (sql, "%s INTO %s (%s) VALUES", verb, table, columns);
  insert->dump_prefix = g_strdup (sql->str);
  g_string_append (sql, " (");
  for (int i = 0; i < insert->n_params; i++)
    g_string_append_printf (sql, i == 0 ? "?%d" : ", ?%d", i + 1);
  g_string_append_c (sql, ')');

  rc = sqlite3_prepare_v3 (writer->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &insert->stmt, NULL);
  if (rc != SQLITE_OK)
    {
      koc_db_set_error (writer->db, rc, sql->str, error);
      insert_free (insert);
      return NULL;
    }

  if (writer->dump != NULL)
    {
      insert->dump_values = g_string_sized_new (1024);
      insert->pending = g_string_sized_new (64 * 1024);
    }

  g_ptr_array_add (writer->inserts, insert);
  return insert;
}

#define DUMP_BATCH 500

/* Writes every pending batch, in the order the inserts were created, which the phases
 * keep parent tables first: every row a batch refers to is already in the database. */
static void
flush_dump (KocDemoWriter *writer)
{
  for (guint i = 0; i < writer->inserts->len; i++)
    {
      KocDemoInsert *insert = g_ptr_array_index (writer->inserts, i);

      if (insert->n_pending == 0)
        continue;
      fprintf (writer->dump, "%s\n%s;\n", insert->dump_prefix, insert->pending->str);
      g_string_truncate (insert->pending, 0);
      insert->n_pending = 0;
    }
}

static gboolean
exec_timed (KocDemoWriter  *writer,
            const char     *sql,
            GError        **error)
{
  gint64 start = g_get_monotonic_time ();
  char *message = NULL;
  int rc = sqlite3_exec (writer->db, sql, NULL, NULL, &message);

  writer->usec += g_get_monotonic_time () - start;
  if (rc != SQLITE_OK)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED, "%s: %s", sql,
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  if (writer->dump != NULL)
    {
      flush_dump (writer);
      fprintf (writer->dump, "%s;\n", sql);
    }
  return TRUE;
}

gboolean
koc_demo_writer_exec (KocDemoWriter  *writer,
                      const char     *sql,
                      GError        **error)
{
  return exec_timed (writer, sql, error);
}

gboolean
koc_demo_writer_begin (KocDemoWriter  *writer,
                       GError        **error)
{
  writer->rows_in_transaction = 0;
  return exec_timed (writer, "BEGIN", error);
}

gboolean
koc_demo_writer_commit (KocDemoWriter  *writer,
                        GError        **error)
{
  return exec_timed (writer, "COMMIT", error);
}

gboolean
koc_demo_writer_maybe_commit (KocDemoWriter  *writer,
                              guint64         every,
                              GError        **error)
{
  if (writer->rows_in_transaction < every)
    return TRUE;
  return koc_demo_writer_commit (writer, error) && koc_demo_writer_begin (writer, error);
}

sqlite3 *
koc_demo_writer_get_db (KocDemoWriter *writer)
{
  return writer->db;
}

gint64
koc_demo_writer_get_usec (KocDemoWriter *writer)
{
  return writer->usec;
}

guint64
koc_demo_writer_get_rows (KocDemoWriter *writer)
{
  return writer->rows;
}

static int
next_param (KocDemoInsert *insert)
{
  g_assert (insert->n_bound < insert->n_params);

  if (insert->n_bound == 0)
    {
      insert->row_start = g_get_monotonic_time ();
      if (insert->dump_values != NULL)
        g_string_truncate (insert->dump_values, 0);
    }
  else if (insert->dump_values != NULL)
    {
      g_string_append (insert->dump_values, ", ");
    }

  return ++insert->n_bound;
}

void
koc_demo_bind_int (KocDemoInsert *insert,
                   gint64         value)
{
  sqlite3_bind_int64 (insert->stmt, next_param (insert), value);
  if (insert->dump_values != NULL)
    g_string_append_printf (insert->dump_values, "%" G_GINT64_FORMAT, value);
}

void
koc_demo_bind_double (KocDemoInsert *insert,
                      double         value)
{
  sqlite3_bind_double (insert->stmt, next_param (insert), value);
  if (insert->dump_values != NULL)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      /* Round-trips exactly; always has a '.' or an exponent, so it stays a REAL. */
      g_string_append (insert->dump_values, g_ascii_dtostr (buffer, sizeof buffer, value));
      if (strpbrk (buffer, ".eEn") == NULL)
        g_string_append (insert->dump_values, ".0");
    }
}

void
koc_demo_bind_null (KocDemoInsert *insert)
{
  sqlite3_bind_null (insert->stmt, next_param (insert));
  if (insert->dump_values != NULL)
    g_string_append (insert->dump_values, "NULL");
}

void
koc_demo_bind_text (KocDemoInsert *insert,
                    const char    *value)
{
  if (value == NULL)
    {
      koc_demo_bind_null (insert);
      return;
    }

  sqlite3_bind_text (insert->stmt, next_param (insert), value, -1, SQLITE_TRANSIENT);
  if (insert->dump_values != NULL)
    {
      g_string_append_c (insert->dump_values, '\'');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '\'')
            g_string_append_c (insert->dump_values, '\'');
          g_string_append_c (insert->dump_values, *p);
        }
      g_string_append_c (insert->dump_values, '\'');
    }
}

void
koc_demo_bind_blob (KocDemoInsert *insert,
                    GBytes        *value)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (value, &size);

  sqlite3_bind_blob64 (insert->stmt, next_param (insert), data, size, SQLITE_TRANSIENT);
  if (insert->dump_values != NULL)
    {
      g_string_append (insert->dump_values, "X'");
      for (gsize i = 0; i < size; i++)
        g_string_append_printf (insert->dump_values, "%02x", data[i]);
      g_string_append_c (insert->dump_values, '\'');
    }
}

gboolean
koc_demo_insert_run (KocDemoInsert  *insert,
                     GError        **error)
{
  KocDemoWriter *writer = insert->writer;
  int rc;

  g_assert (insert->n_bound == insert->n_params);

  rc = sqlite3_step (insert->stmt);
  sqlite3_reset (insert->stmt);
  insert->n_bound = 0;
  writer->usec += g_get_monotonic_time () - insert->row_start;

  if (rc != SQLITE_DONE)
    return koc_db_set_error (writer->db, rc, sqlite3_sql (insert->stmt), error);

  writer->rows++;
  writer->rows_in_transaction++;

  if (writer->dump != NULL)
    {
      if (insert->n_pending > 0)
        g_string_append (insert->pending, ",\n");
      g_string_append_printf (insert->pending, "(%s)", insert->dump_values->str);
      if (++insert->n_pending >= DUMP_BATCH)
        flush_dump (writer);
    }

  return TRUE;
}

gint64
koc_demo_insert_last_id (KocDemoInsert *insert)
{
  return sqlite3_last_insert_rowid (insert->writer->db);
}
