/* koc-import.c: applying a CSV file to a workspace, row by row, in one transaction.
 *
 * The FTS insert triggers are suspended for the load (koc-fts-bulk.h) and the new rows
 * indexed with one statement per table at the end; everything, the trigger DDL
 * included, is inside the import's transaction, so a crash or a failure leaves the
 * workspace exactly as it was.
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
#include "koc-number.h"

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


static const char * const stages[] = {
  "discovered", "engaged", "advocate", "ambassador", "dormant", "detractor", NULL
};

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           guint64        record,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  koc_db_set_error (db, rc, _("Could not write to the workspace"), error);
  g_prefix_error (error, _("Record %llu: "), (unsigned long long) record);
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
prepare_all (KocImportContext  *ctx,
             sqlite3  *db,
             GError  **error)
{
  return koc_db_prepare (db, "SELECT id, person_id FROM accounts WHERE platform = ?1 AND handle = ?2",
                         &ctx->find_account, error) &&
         koc_db_prepare (db, "INSERT INTO people (display_name, stage, owner, region, category, bio,"
                             " email, phone, wechat) VALUES (?1, coalesce (?2, 'discovered'), ?3, ?4,"
                             " ?5, ?6, ?7, ?8, ?9)", &ctx->insert_person, error) &&
         koc_db_prepare (db, "INSERT INTO accounts (person_id, platform, handle, display_name,"
                             " followers, engagement_rate, region, category, url, bio) VALUES (?1, ?2,"
                             " ?3, ?4, coalesce (?5, 0), ?6, ?7, ?8, ?9, ?10)",
                         &ctx->insert_account, error) &&
         koc_db_prepare (db, "UPDATE accounts SET display_name = coalesce (?2, display_name),"
                             " followers = coalesce (?3, followers),"
                             " engagement_rate = coalesce (?4, engagement_rate),"
                             " region = coalesce (?5, region), category = coalesce (?6, category),"
                             " url = coalesce (?7, url), bio = coalesce (?8, bio),"
                             " updated_at = unixepoch () WHERE id = ?1",
                         &ctx->update_account, error) &&
         koc_db_prepare (db, "UPDATE people SET display_name = coalesce (?2, display_name),"
                             " stage = coalesce (?3, stage), owner = coalesce (?4, owner),"
                             " region = coalesce (?5, region), category = coalesce (?6, category),"
                             " bio = coalesce (?7, bio), email = coalesce (?8, email),"
                             " phone = coalesce (?9, phone), wechat = coalesce (?10, wechat),"
                             " updated_at = unixepoch () WHERE id = ?1",
                         &ctx->update_person, error) &&
         koc_db_prepare (db, "INSERT INTO metric_snapshots (account_id, taken_at, followers,"
                             " engagement_rate, avg_likes) VALUES (?1, ?2, ?3, ?4, ?5)"
                             " ON CONFLICT (account_id, taken_at) DO NOTHING",
                         &ctx->insert_snapshot, error);
}

static void
context_clear (KocImportContext *ctx)
{
  sqlite3_finalize (ctx->find_account);
  sqlite3_finalize (ctx->insert_person);
  sqlite3_finalize (ctx->insert_account);
  sqlite3_finalize (ctx->update_account);
  sqlite3_finalize (ctx->update_person);
  sqlite3_finalize (ctx->insert_snapshot);
  g_clear_pointer (&ctx->contacts, g_hash_table_unref);
  g_clear_pointer (&ctx->in_file, g_hash_table_unref);
  g_clear_pointer (&ctx->journal, koc_import_journal_free);
}


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

/* Parses the number of @field into *@out; FALSE with *@reason when invalid. */
static gboolean
number_field (char     **values,
              KocField   field,
              gboolean  *present,
              double    *out,
              char     **reason)
{
  g_autoptr(GError) error = NULL;

  *present = FALSE;
  switch (koc_number_parse (values[field], out, &error))
    {
    case KOC_NUMBER_VALUE:
      if (*out < 0)
        {
          *reason = g_strdup_printf (_("%s is negative (“%s”)"), koc_field_to_string (field),
                                     values[field]);
          return FALSE;
        }
      *present = TRUE;
      return TRUE;
    case KOC_NUMBER_MISSING:
      return TRUE;
    case KOC_NUMBER_INVALID:
    default:
      *reason = g_strdup_printf ("%s: %s", koc_field_to_string (field), error->message);
      return FALSE;
    }
}

static gboolean
apply_row (KocImportContext *ctx,
           sqlite3          *db,
           ImportData       *data,
           KocCsvReader     *reader,
           char            **values,
           GError          **error)
{
  KocImportReport *report = data->report;
  guint64 record = koc_csv_reader_get_record (reader);
  const char *platform;
  const char *stage = NULL;
  gboolean has_followers, has_er, has_likes;
  double followers = 0, er = 0, likes = 0;
  g_autofree char *key = NULL;
  char *reason = NULL;
  gint64 account_id = 0, person_id = 0;
  gboolean existing;

  if (values[KOC_FIELD_HANDLE] == NULL)
    {
      koc_import_report_add_skip (report, reader, g_strdup (_("no handle: the column mapped to handle is empty")));
      return TRUE;
    }
  platform = koc_import_normalize_platform (values[KOC_FIELD_PLATFORM] ? values[KOC_FIELD_PLATFORM]
                                                                       : data->default_platform);
  if (platform == NULL && values[KOC_FIELD_PLATFORM] == NULL)
    {
      koc_import_report_add_skip (report, reader,
                                  g_strdup (_("no platform: the platform cell is empty; give the"
                                              " platform of such rows with --platform")));
      return TRUE;
    }
  if (platform == NULL)
    {
      koc_import_report_add_skip (report, reader,
                g_strdup_printf (_("unknown platform “%s”: use xiaohongshu, douyin, weibo, bilibili,"
                                   " wechat, tmall, instagram, tiktok, youtube or other"),
                                 values[KOC_FIELD_PLATFORM] ? values[KOC_FIELD_PLATFORM] : ""));
      return TRUE;
    }
  if (values[KOC_FIELD_STAGE] != NULL)
    {
      g_autofree char *folded = g_ascii_strdown (values[KOC_FIELD_STAGE], -1);

      for (guint i = 0; stages[i] != NULL && stage == NULL; i++)
        if (strcmp (folded, stages[i]) == 0)
          stage = stages[i];
      if (stage == NULL)
        {
          koc_import_report_add_skip (report, reader,
                    g_strdup_printf (_("unknown stage “%s”: use discovered, engaged, advocate,"
                                       " ambassador, dormant or detractor"), values[KOC_FIELD_STAGE]));
          return TRUE;
        }
    }
  if (!number_field (values, KOC_FIELD_FOLLOWERS, &has_followers, &followers, &reason) ||
      !number_field (values, KOC_FIELD_ENGAGEMENT_RATE, &has_er, &er, &reason) ||
      !number_field (values, KOC_FIELD_LIKES, &has_likes, &likes, &reason))
    {
      koc_import_report_add_skip (report, reader, reason);
      return TRUE;
    }
  /* "3.5" in an engagement column is 3.5 %, as media kits write it. */
  if (has_er && er > 1.0 && strchr (values[KOC_FIELD_ENGAGEMENT_RATE], '%') == NULL)
    er /= 100.0;

  /* Same platform + handle: an earlier row of this file, or a known account. */
  key = g_strconcat (platform, "\x1f", values[KOC_FIELD_HANDLE], NULL);
  if (g_hash_table_contains (ctx->in_file, key))
    report->duplicates_in_file++;

  sqlite3_bind_text (ctx->find_account, 1, platform, -1, SQLITE_STATIC);
  sqlite3_bind_text (ctx->find_account, 2, values[KOC_FIELD_HANDLE], -1, SQLITE_STATIC);
  existing = sqlite3_step (ctx->find_account) == SQLITE_ROW;
  if (existing)
    {
      account_id = sqlite3_column_int64 (ctx->find_account, 0);
      person_id = sqlite3_column_int64 (ctx->find_account, 1);
    }
  sqlite3_reset (ctx->find_account);
  sqlite3_clear_bindings (ctx->find_account);

  if (existing)
    {
      if (!koc_import_journal_save_row (ctx->journal, db, FALSE, account_id, error) ||
          (person_id != 0 && !koc_import_journal_save_row (ctx->journal, db, TRUE, person_id, error)) ||
          !koc_fts_bulk_touch (ctx->bulk, db, "accounts", account_id, error) ||
          (person_id != 0 && !koc_fts_bulk_touch (ctx->bulk, db, "people", person_id, error)))
        return FALSE;
      sqlite3_bind_int64 (ctx->update_account, 1, account_id);
      bind_text_or_null (ctx->update_account, 2, values[KOC_FIELD_NAME]);
      if (has_followers)
        sqlite3_bind_int64 (ctx->update_account, 3, (gint64) (followers + 0.5));
      if (has_er)
        sqlite3_bind_double (ctx->update_account, 4, er);
      bind_text_or_null (ctx->update_account, 5, values[KOC_FIELD_REGION]);
      bind_text_or_null (ctx->update_account, 6, values[KOC_FIELD_CATEGORY]);
      bind_text_or_null (ctx->update_account, 7, values[KOC_FIELD_URL]);
      bind_text_or_null (ctx->update_account, 8, values[KOC_FIELD_BIO]);
      if (!step_done (db, ctx->update_account, record, error))
        return FALSE;
      if (person_id != 0)
        {
          static const KocField person_fields[] = {
            KOC_FIELD_NAME, KOC_FIELD_STAGE, KOC_FIELD_OWNER, KOC_FIELD_REGION, KOC_FIELD_CATEGORY,
            KOC_FIELD_BIO, KOC_FIELD_EMAIL, KOC_FIELD_PHONE, KOC_FIELD_WECHAT,
          };

          sqlite3_bind_int64 (ctx->update_person, 1, person_id);
          for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
            bind_text_or_null (ctx->update_person, i + 2,
                               person_fields[i] == KOC_FIELD_STAGE ? stage : values[person_fields[i]]);
          if (!step_done (db, ctx->update_person, record, error))
            return FALSE;
        }
      /* Repeats (of a row this import created, or updated) are counted as duplicates. */
      if (!g_hash_table_contains (ctx->in_file, key))
        {
          report->updated++;
          g_hash_table_add (ctx->in_file, g_steal_pointer (&key));
        }
    }
  else
    {
      const char *name = values[KOC_FIELD_NAME] ? values[KOC_FIELD_NAME] : values[KOC_FIELD_HANDLE];

      sqlite3_bind_text (ctx->insert_person, 1, name, -1, SQLITE_TRANSIENT);
      bind_text_or_null (ctx->insert_person, 2, stage);
      bind_text_or_null (ctx->insert_person, 3, values[KOC_FIELD_OWNER]);
      bind_text_or_null (ctx->insert_person, 4, values[KOC_FIELD_REGION]);
      bind_text_or_null (ctx->insert_person, 5, values[KOC_FIELD_CATEGORY]);
      bind_text_or_null (ctx->insert_person, 6, values[KOC_FIELD_BIO]);
      bind_text_or_null (ctx->insert_person, 7, values[KOC_FIELD_EMAIL]);
      bind_text_or_null (ctx->insert_person, 8, values[KOC_FIELD_PHONE]);
      bind_text_or_null (ctx->insert_person, 9, values[KOC_FIELD_WECHAT]);
      if (!step_done (db, ctx->insert_person, record, error))
        return FALSE;
      person_id = sqlite3_last_insert_rowid (db);
      g_array_append_val (ctx->journal->created_people, person_id);

      sqlite3_bind_int64 (ctx->insert_account, 1, person_id);
      sqlite3_bind_text (ctx->insert_account, 2, platform, -1, SQLITE_STATIC);
      sqlite3_bind_text (ctx->insert_account, 3, values[KOC_FIELD_HANDLE], -1, SQLITE_TRANSIENT);
      bind_text_or_null (ctx->insert_account, 4, values[KOC_FIELD_NAME]);
      if (has_followers)
        sqlite3_bind_int64 (ctx->insert_account, 5, (gint64) (followers + 0.5));
      if (has_er)
        sqlite3_bind_double (ctx->insert_account, 6, er);
      bind_text_or_null (ctx->insert_account, 7, values[KOC_FIELD_REGION]);
      bind_text_or_null (ctx->insert_account, 8, values[KOC_FIELD_CATEGORY]);
      bind_text_or_null (ctx->insert_account, 9, values[KOC_FIELD_URL]);
      bind_text_or_null (ctx->insert_account, 10, values[KOC_FIELD_BIO]);
      if (!step_done (db, ctx->insert_account, record, error))
        return FALSE;
      account_id = sqlite3_last_insert_rowid (db);
      g_array_append_val (ctx->journal->created_accounts, account_id);
      report->created++;
      g_hash_table_add (ctx->in_file, g_steal_pointer (&key));
    }

  if (person_id != 0)
    koc_import_check_contacts (ctx, db, report, record, person_id, (const char **) values);

  if (has_followers)
    {
      sqlite3_bind_int64 (ctx->insert_snapshot, 1, account_id);
      sqlite3_bind_int64 (ctx->insert_snapshot, 2, ctx->now);
      sqlite3_bind_int64 (ctx->insert_snapshot, 3, (gint64) (followers + 0.5));
      if (has_er)
        sqlite3_bind_double (ctx->insert_snapshot, 4, er);
      if (has_likes)
        sqlite3_bind_double (ctx->insert_snapshot, 5, likes);
      if (!step_done (db, ctx->insert_snapshot, record, error))
        return FALSE;
      if (sqlite3_changes (db) > 0)
        {
          gint64 id = sqlite3_last_insert_rowid (db);

          g_array_append_val (ctx->journal->created_snapshots, id);
        }
    }
  return TRUE;
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

static gboolean
import_func (sqlite3       *db,
             gpointer       user_data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportData *data = user_data;
  KocImportReport *report = data->report;
  KocCsvOptions csv_options = { data->encoding, data->options.delimiter, 0 };
  g_autoptr(KocCsvReader) reader = NULL;
  g_autoptr(KocFtsBulk) bulk = NULL;
  KocImportContext ctx = { 0 };
  const char * const *cells;
  guint n_columns, n_cells = 0;
  gboolean ok = FALSE;

  if ((reader = koc_csv_reader_new_for_path (data->path, &csv_options, error)) == NULL ||
      !read_header (data, reader, error))
    return FALSE;
  n_columns = g_strv_length (report->header);

  ctx.contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.journal = koc_import_journal_new ();
  ctx.now = g_get_real_time () / G_USEC_PER_SEC;
  if (!prepare_all (&ctx, db, error) || !koc_import_load_contacts (&ctx, db, error) ||
      (bulk = koc_fts_bulk_suspend (db, error)) == NULL)
    goto out;
  ctx.bulk = bulk;

  while ((cells = koc_csv_reader_next (reader, &n_cells)) != NULL)
    {
      char *values[KOC_N_FIELDS] = { NULL };
      gboolean row_ok = TRUE;

      report->rows++;
      if (report->rows % 1000 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          if (data->options.progress)
            data->options.progress (report->rows, koc_csv_reader_get_position (reader),
                                    koc_csv_reader_get_size (reader), data->options.progress_data);
        }

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
          row_ok = apply_row (&ctx, db, data, reader, values, error);
        }
      for (guint f = 0; f < KOC_N_FIELDS; f++)
        g_free (values[f]);
      if (!row_ok)
        goto out;
    }

  if (!koc_fts_bulk_resume (db, g_steal_pointer (&bulk), FALSE, error) ||
      !koc_import_journal_commit (ctx.journal, db, data->path, report->encoding,
                                  &report->import_id, error))
    goto out;
  ok = TRUE;

out:
  koc_import_report_copy_problems (report, reader);
  context_clear (&ctx);
  return ok;
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

/* A dry run: the import inside a transaction that is always rolled back. */
static gboolean
dry_run_func (sqlite3       *db,
              gpointer       user_data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  ImportData *data = user_data;
  gboolean ok;

  if (!koc_db_begin_write (db, error))
    return FALSE;
  ok = import_func (db, user_data, result, cancellable, error);
  koc_db_rollback (db);
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
