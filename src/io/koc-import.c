/* koc-import.c: applying a CSV file to a workspace, row by row, in one transaction.
 *
 * The FTS insert triggers are suspended for the load (koc-fts-bulk.h) and the new rows
 * indexed with one statement per table at the end; everything, the trigger DDL
 * included, is inside the import's transaction, so a crash or a failure leaves the
 * workspace exactly as it was. Past 1,000 rows a big file also suspends the other insert
 * triggers and the secondary indexes (koc-import-bulk.c). Prepared statements are reused
 * for every row; new people, accounts and snapshots are written 128 rows per INSERT
 * (koc-import-batch.c). The people and accounts it created or updated are queued for the
 * server in the same transaction, one INSERT … SELECT per kind (koc-import-outbox.c).
 * G_MESSAGES_DEBUG=koc-import prints where the time went.
 *
 * The dry run is the same pass over the file in a read transaction, writing nothing: it
 * predicts the ids SQLite will give new rows and keeps the names it would write, so its
 * report (counts, skips, suggestions) is the import's.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-fts-bulk.h"
#include "koc-import.h"
#include "koc-import-private.h"

G_DEFINE_QUARK (koc-import-error-quark, koc_import_error)

typedef struct
{
  char             *path;
  KocImportOptions  options;
  GStrv             map;         /* owned copies of the options' strings */
  char             *encoding;
  char             *default_platform;
  KocImportReport  *report;
  GCancellable     *cancellable;
} ImportData;


/* Trimmed cell values per field (NULL when empty or unmapped). */
static void
collect_values (const char * const *cells,
                guint               n_cells,
                const KocField     *mapping,
                guint               n_columns,
                char              **values)
{
  for (guint c = 0; c < MIN (n_cells, n_columns); c++)
    {
      g_autofree char *value = NULL;

      if (mapping[c] == KOC_FIELD_NONE || values[mapping[c]] != NULL)
        continue;
      value = g_strstrip (g_strdup (cells[c]));
      if (*value != '\0')
        values[mapping[c]] = g_steal_pointer (&value);
    }
}

static gboolean
has_field (const KocField *mapping,
           guint           n,
           KocField        field)
{
  for (guint c = 0; c < n; c++)
    if (mapping[c] == field)
      return TRUE;
  return FALSE;
}

static gboolean
read_header (ImportData    *data,
             KocCsvReader  *reader,
             GError       **error)
{
  KocImportReport *report = data->report;
  const char * const *cells;
  guint n = 0;

  if ((cells = koc_csv_reader_next (reader, &n)) == NULL)
    {
      g_set_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: the first line must name the columns."), data->path);
      return FALSE;
    }
  report->header = g_strdupv ((char **) cells);
  report->encoding = g_strdup (koc_csv_reader_get_encoding (reader));
  report->delimiter = koc_csv_reader_get_delimiter (reader);
  report->mapping = koc_import_map_build (cells, n, (const char * const *) data->map, error);
  if (report->mapping == NULL)
    return FALSE;

  if (!has_field (report->mapping, n, KOC_FIELD_HANDLE))
    {
      g_set_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_NO_HANDLE,
                   _("No column of “%s” holds the handle (the account name on the platform). Name"
                     " that column handle, 账号 or ID, or map it with --map COLUMN=handle."),
                   data->path);
      return FALSE;
    }
  if (has_field (report->mapping, n, KOC_FIELD_PLATFORM))
    return TRUE;
  if (data->default_platform == NULL)
    {
      g_set_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_NO_PLATFORM,
                   _("“%s” has no platform column: give the platform of all its rows with"
                     " --platform (for example --platform xiaohongshu)."), data->path);
      return FALSE;
    }
  if (koc_import_normalize_platform (data->default_platform) == NULL)
    {
      g_set_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_NO_PLATFORM,
                   _("Unknown platform “%s”: use xiaohongshu, douyin, weibo, bilibili, wechat,"
                     " tmall, instagram, tiktok, youtube or other."), data->default_platform);
      return FALSE;
    }
  return TRUE;
}

/* Whether a file is big is decided after this many rows, from the share of the file
 * read so far (koc-import-bulk.c). */
#define BULK_DECIDE_ROWS 1000

static gboolean
decide_bulk (KocImportContext  *ctx,
             sqlite3           *db,
             KocCsvReader      *reader,
             guint64            rows,
             GError           **error)
{
  guint64 position = koc_csv_reader_get_position (reader);
  guint64 size = koc_csv_reader_get_size (reader);
  double expected = position > 0 ? (double) rows * size / position : rows;
  gint64 existing = 0;

  if (!koc_import_flush (ctx, db, error) ||
      !koc_db_query_int64 (db, "SELECT coalesce (max (id), 0) FROM accounts", 0, &existing, error))
    return FALSE;
  existing -= ctx->journal->created_accounts->len;

  /* One read of every account beats a lookup per row unless the file is small next to
   * the workspace; rebuilding an index costs about as much as inserting half its rows. */
  if (!ctx->accounts_complete && expected * 4 >= existing && !koc_import_load_accounts (ctx, db, error))
    return FALSE;
  if (ctx->dry)
    return TRUE;
  ctx->import_bulk = koc_import_bulk_begin (db, expected * 2 >= existing, error);
  return ctx->import_bulk != NULL;
}

/* Every data row of @reader: applied, or (dry run) only classified. */
static gboolean
import_rows (KocImportContext  *ctx,
             sqlite3           *db,
             ImportData        *data,
             KocCsvReader      *reader,
             GCancellable      *cancellable,
             GError           **error)
{
  KocImportReport *report = data->report;
  guint n_columns = g_strv_length (report->header);
  const char * const *cells;
  guint n_cells = 0;

  while ((cells = koc_csv_reader_next (reader, &n_cells)) != NULL)
    {
      char *values[KOC_N_FIELDS] = { NULL };
      gboolean row_ok = TRUE;

      report->rows++;
      if (report->rows % 1000 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (data->options.progress)
            data->options.progress (report->rows, koc_csv_reader_get_position (reader),
                                    koc_csv_reader_get_size (reader), data->options.progress_data);
        }
      if (report->rows == BULK_DECIDE_ROWS && !decide_bulk (ctx, db, reader, report->rows, error))
        return FALSE;

      if (koc_csv_reader_get_record_problems (reader) > 0 && n_cells != n_columns)
        koc_import_report_add_skip (report, reader,
                  g_strdup_printf (_("the row has %u fields where the header has %u (see the"
                                     " problems below)"), n_cells, n_columns));
      else if (koc_csv_reader_get_record_problems (reader) > 0)
        koc_import_report_add_skip (report, reader,
                                    g_strdup (_("the row could not be read cleanly (see the"
                                                " problems below)")));
      else
        {
          collect_values (cells, n_cells, report->mapping, n_columns, values);
          row_ok = koc_import_apply_row (ctx, db, report, data->default_platform, reader, values, error);
        }
      for (guint f = 0; f < KOC_N_FIELDS; f++)
        g_free (values[f]);
      if (!row_ok)
        return FALSE;
    }
  return TRUE;
}

/* The import, or with @dry the same pass without a single write. */
static gboolean
run_import (sqlite3       *db,
            ImportData    *data,
            gboolean       dry,
            GCancellable  *cancellable,
            GError       **error)
{
  KocImportReport *report = data->report;
  KocCsvOptions csv_options = { data->encoding, data->options.delimiter, 0 };
  g_autoptr(KocCsvReader) reader = NULL;
  g_autoptr(KocFtsBulk) bulk = NULL;
  KocImportContext ctx = { 0 };
  gint64 times[6] = { 0 };
  gint64 begun = g_get_monotonic_time ();
  gboolean ok = FALSE;

  if ((reader = koc_csv_reader_new_for_path (data->path, &csv_options, error)) == NULL ||
      !read_header (data, reader, error))
    return FALSE;

  ctx.contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx.platforms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.journal = koc_import_journal_new ();
  ctx.now = g_get_real_time () / G_USEC_PER_SEC;
  ctx.dry = dry;
  if (dry)
    {
      ctx.names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      if (!koc_db_query_int64 (db, "SELECT coalesce (max (id), 0) + 1 FROM people", 1,
                               &ctx.next_person_id, error) ||
          !koc_db_query_int64 (db, "SELECT coalesce (max (id), 0) + 1 FROM accounts", 1,
                               &ctx.next_account_id, error) ||
          !koc_db_prepare (db, "SELECT id, person_id FROM accounts WHERE platform = ?1 AND handle = ?2",
                           &ctx.find_account, error) ||
          !koc_import_load_contacts (&ctx, db, error))
        goto out;
    }
  else
    {
      if (!koc_import_context_prepare (&ctx, db, error) || !koc_import_load_contacts (&ctx, db, error) ||
          (bulk = koc_fts_bulk_suspend (db, error)) == NULL)
        goto out;
      ctx.bulk = bulk;
    }

  times[0] = g_get_monotonic_time ();
  if (!import_rows (&ctx, db, data, reader, cancellable, error) || !koc_import_flush (&ctx, db, error))
    goto out;
  times[1] = g_get_monotonic_time ();

  if (!dry)
    {
      if (ctx.import_bulk != NULL && !koc_import_bulk_end (db, g_steal_pointer (&ctx.import_bulk), error))
        goto out;
      times[2] = g_get_monotonic_time ();
      if (!koc_fts_bulk_resume (db, g_steal_pointer (&bulk), FALSE, error))
        goto out;
      times[3] = g_get_monotonic_time ();
      if (!koc_import_journal_commit (ctx.journal, db, data->path, report->encoding,
                                      &report->import_id, error))
        goto out;
      times[4] = g_get_monotonic_time ();
      if (!koc_import_queue_import (db, ctx.journal, report->import_id, error))
        goto out;
      times[5] = g_get_monotonic_time ();
      g_debug ("%llu rows: %.3f s opening, %.3f s reading and writing them, %.3f s triggers and"
               " indexes, %.3f s full-text, %.3f s journal, %.3f s outbox (then the commit)",
               (unsigned long long) report->rows, (times[0] - begun) / 1e6, (times[1] - times[0]) / 1e6, (times[2] - times[1]) / 1e6, (times[3] - times[2]) / 1e6,
               (times[4] - times[3]) / 1e6, (times[5] - times[4]) / 1e6);
    }
  ok = TRUE;

out:
  koc_import_report_copy_problems (report, reader);
  koc_import_context_clear (&ctx);
  return ok;
}

static gboolean
import_func (sqlite3       *db,
             gpointer       user_data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  return run_import (db, user_data, FALSE, cancellable, error);
}

static void
import_data_free (gpointer user_data)
{
  ImportData *data = user_data;

  g_free (data->path);
  g_strfreev (data->map);
  g_free (data->encoding);
  g_free (data->default_platform);
  koc_import_report_free (data->report);
  g_free (data);
}

static ImportData *
import_data_new (const char             *path,
                 const KocImportOptions *options)
{
  ImportData *data = g_new0 (ImportData, 1);

  if (options)
    data->options = *options;
  data->path = g_strdup (path);
  data->map = g_strdupv ((char **) data->options.map);
  data->encoding = g_strdup (data->options.encoding);
  data->default_platform = g_strdup (data->options.default_platform);
  data->report = koc_import_report_new (path);
  return data;
}

/* A dry run: the import's pass over the file in a read transaction, writing nothing,
 * so the store's writer is free meanwhile. Rows get the ids SQLite would give them. */
static gboolean
dry_run_func (sqlite3       *db,
              gpointer       user_data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  ImportData *data = user_data;
  gboolean ok;

  if (!koc_db_exec (db, "BEGIN DEFERRED", error))
    return FALSE;
  ok = run_import (db, data, TRUE, cancellable, error);
  if (!koc_db_exec (db, "COMMIT", NULL))
    koc_db_exec (db, "ROLLBACK", NULL);
  data->report->import_id = 0;
  return ok;
}

static gboolean
run_func (sqlite3       *db,
          gpointer       user_data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  ImportData *data = user_data;

  return data->options.dry_run ? dry_run_func (db, user_data, result, cancellable, error)
                               : import_func (db, user_data, result, cancellable, error);
}

KocImportReport *
koc_import_run_sync (KocStore                *store,
                     const char              *path,
                     const KocImportOptions  *options,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  ImportData *data;
  KocImportReport *report = NULL;

  g_return_val_if_fail (KOC_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  data = import_data_new (path, options);
  if (data->options.dry_run ? koc_store_run_sync (store, dry_run_func, data, NULL, cancellable, error)
                            : koc_store_write_sync (store, import_func, data, NULL, cancellable, error))
    report = g_steal_pointer (&data->report);
  import_data_free (data);
  return report;
}

static gboolean
import_async_func (sqlite3       *db,
                   gpointer       user_data,
                   gpointer      *result,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ImportData *data = user_data;

  if (!run_func (db, user_data, result, cancellable, error))
    return FALSE;
  *result = g_steal_pointer (&data->report);
  return TRUE;
}

void
koc_import_run_async (KocStore                *store,
                      const char              *path,
                      const KocImportOptions  *options,
                      GCancellable            *cancellable,
                      GAsyncReadyCallback      callback,
                      gpointer                 user_data)
{
  g_return_if_fail (KOC_IS_STORE (store));

  if (options != NULL && options->dry_run)
    koc_store_run_async (store, import_async_func, import_data_new (path, options),
                         import_data_free, (GDestroyNotify) koc_import_report_free,
                         cancellable, callback, user_data);
  else
    koc_store_write_async (store, import_async_func, import_data_new (path, options),
                           import_data_free, (GDestroyNotify) koc_import_report_free,
                           cancellable, callback, user_data);
}

KocImportReport *
koc_import_run_finish (KocStore      *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  gpointer report = NULL;

  if (!koc_store_run_finish (store, result, &report, error))
    return NULL;
  return report;
}
