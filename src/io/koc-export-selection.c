/* koc-export-selection.c: exporting a selection of accounts or people, and the whole
 * workspace at once.
 *
 * A selection is passed to SQLite as a JSON array of ids (json_each), so any number of
 * ids costs one statement and the rows come out in the selection's order.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-export.h"
#include "koc-export-private.h"

#define ISO(col) "strftime ('%Y-%m-%dT%H:%M:%SZ', " col ", 'unixepoch')"

#define SELECTION_COLUMNS \
  "SELECT a.platform, a.handle, coalesce (a.display_name, p.display_name) AS display_name," \
  " a.followers, a.engagement_rate, coalesce (a.region, p.region) AS region," \
  " coalesce (a.category, p.category) AS category, a.url, coalesce (a.bio, p.bio) AS bio," \
  " p.email, p.phone, p.wechat, p.display_name AS person, p.stage, p.koc_score, a.tier," \
  " a.posts_count, " ISO ("a.last_post_at") " AS last_post_at, " ISO ("m.taken_at") " AS metrics_at," \
  " m.avg_likes, m.avg_views, a.id AS account_id, p.id AS person_id, p.uid AS person_uid"
#define LATEST_SNAPSHOT \
  " LEFT JOIN metric_snapshots m ON m.id = (SELECT s.id FROM metric_snapshots s" \
  " WHERE s.account_id = a.id ORDER BY s.taken_at DESC LIMIT 1)"

static const char accounts_sql[] =
  SELECTION_COLUMNS
  " FROM json_each (?1) j JOIN accounts a ON a.id = j.value"
  " LEFT JOIN people p ON p.id = a.person_id" LATEST_SNAPSHOT
  " ORDER BY j.key";

static const char people_sql[] =
  SELECTION_COLUMNS
  " FROM json_each (?1) j JOIN people p ON p.id = j.value"
  " LEFT JOIN accounts a ON a.person_id = p.id" LATEST_SNAPSHOT
  " ORDER BY j.key, a.followers DESC, a.id";

/* A campaign board: its cards' people, stage by stage and in each stage in the board's
 * order, every account of each (one row for a person without accounts), with the stage
 * the card is in. */
static const char board_sql[] =
  SELECTION_COLUMNS ", st.name AS board_stage"
  " FROM json_each (?1) j JOIN cards c ON c.campaign_id = j.value"
  " JOIN campaign_stages st ON st.id = c.stage_id JOIN people p ON p.id = c.person_id"
  " LEFT JOIN accounts a ON a.person_id = p.id" LATEST_SNAPSHOT
  " ORDER BY j.key, st.position, c.position, c.id, a.followers DESC, a.id";

typedef struct
{
  KocExportSelection  kind;
  char               *ids;     /* JSON array */
  KocExportFormat     format;
  KocExportFlags      flags;
  char               *path;
  guint64             n_rows;
} SelectionData;

static void
selection_data_free (gpointer user_data)
{
  SelectionData *data = user_data;

  g_free (data->ids);
  g_free (data->path);
  g_free (data);
}

static SelectionData *
selection_data_new (KocExportSelection  kind,
                    const gint64       *ids,
                    guint               n_ids,
                    KocExportFormat     format,
                    KocExportFlags      flags,
                    const char         *path)
{
  SelectionData *data = g_new0 (SelectionData, 1);
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  data->kind = kind;
  data->ids = g_string_free (json, FALSE);
  data->format = format;
  data->flags = flags;
  data->path = g_strdup (path);
  return data;
}

static gboolean
selection_func (sqlite3       *db,
                gpointer       user_data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  SelectionData *data = user_data;
  g_autofree char *partial = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  FILE *file;

  if (!koc_db_prepare (db, data->kind == KOC_EXPORT_SELECTION_PEOPLE ? people_sql
                           : data->kind == KOC_EXPORT_SELECTION_BOARD ? board_sql : accounts_sql,
                       &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->ids, -1, SQLITE_STATIC);
  if ((file = _koc_export_open (data->path, &partial, error)) == NULL)
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  ok = _koc_export_write_rows (db, stmt, data->format, data->flags, file, &data->n_rows, cancellable, error);
  sqlite3_finalize (stmt);
  if (!_koc_export_close (file, partial, data->path, ok, error))
    return FALSE;
  *result = g_memdup2 (&data->n_rows, sizeof data->n_rows);
  return TRUE;
}

gboolean
koc_export_selection_sync (KocStore            *store,
                           KocExportSelection   kind,
                           const gint64        *ids,
                           guint                n_ids,
                           KocExportFormat      format,
                           KocExportFlags       flags,
                           const char          *path,
                           guint64             *n_rows,
                           GCancellable        *cancellable,
                           GError             **error)
{
  SelectionData *data;
  g_autofree guint64 *rows = NULL;
  gboolean ok;

  g_return_val_if_fail (KOC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = selection_data_new (kind, ids, n_ids, format, flags, path);
  ok = koc_store_run_sync (store, selection_func, data, (gpointer *) &rows, cancellable, error);
  if (ok && n_rows)
    *n_rows = *rows;
  selection_data_free (data);
  return ok;
}

void
koc_export_selection_async (KocStore            *store,
                            KocExportSelection   kind,
                            const gint64        *ids,
                            guint                n_ids,
                            KocExportFormat      format,
                            KocExportFlags       flags,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (KOC_IS_STORE (store));
  g_return_if_fail (path != NULL);

  koc_store_run_async (store, selection_func, selection_data_new (kind, ids, n_ids, format, flags, path),
                       selection_data_free, g_free, cancellable, callback, user_data);
}

static gint64
finish_rows (KocStore      *store,
             GAsyncResult  *result,
             GError       **error)
{
  g_autofree guint64 *rows = NULL;

  if (!koc_store_run_finish (store, result, (gpointer *) &rows, error))
    return -1;
  return rows != NULL ? (gint64) *rows : 0;
}

gint64
koc_export_selection_finish (KocStore      *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_rows (store, result, error);
}

/* The whole workspace */

typedef struct
{
  KocExportWorkspace  kind;
  char               *path;
  KocExportProgress   progress;
  gpointer            progress_data;
} WorkspaceData;

static void
workspace_data_free (gpointer user_data)
{
  WorkspaceData *data = user_data;

  g_free (data->path);
  g_free (data);
}

static gboolean
write_table (sqlite3          *db,
             const char       *table,
             KocExportFormat   format,
             KocExportFlags    flags,
             FILE             *file,
             guint64          *n_rows,
             GCancellable     *cancellable,
             GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!koc_db_prepare (db, _koc_export_table_sql (table), &stmt, error))
    return FALSE;
  ok = _koc_export_write_rows (db, stmt, format, flags, file, n_rows, cancellable, error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
workspace_func (sqlite3       *db,
                gpointer       user_data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  WorkspaceData *data = user_data;
  const char * const *tables = koc_export_tables ();
  guint n_tables = g_strv_length ((char **) tables);
  guint64 total = 0;
  gboolean ok = TRUE;

  if (data->kind == KOC_EXPORT_WORKSPACE_BACKUP)
    {
      if (data->progress)
        data->progress ("database", 0, 1, data->progress_data);
      if (!_koc_export_backup_func (db, data->path, NULL, cancellable, error))
        return FALSE;
      *result = g_memdup2 (&total, sizeof total);
      return TRUE;
    }

  /* One read transaction: the tables are a consistent snapshot together. */
  if (!koc_db_exec (db, "BEGIN", error))
    return FALSE;

  if (data->kind == KOC_EXPORT_WORKSPACE_CSV)
    {
      if (g_mkdir_with_parents (data->path, 0755) != 0)
        {
          int saved = errno;

          g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_IO, _("Could not create “%s”: %s"),
                       data->path, g_strerror (saved));
          ok = FALSE;
        }
      for (guint i = 0; ok && i < n_tables; i++)
        {
          g_autofree char *name = g_strconcat (tables[i], ".csv", NULL);
          g_autofree char *path = g_build_filename (data->path, name, NULL);
          g_autofree char *partial = NULL;
          guint64 rows = 0;
          FILE *file;

          if (data->progress)
            data->progress (tables[i], i, n_tables, data->progress_data);
          if ((file = _koc_export_open (path, &partial, error)) == NULL)
            {
              ok = FALSE;
              break;
            }
          ok = write_table (db, tables[i], KOC_EXPORT_CSV, KOC_EXPORT_EXCEL, file, &rows, cancellable, error);
          ok = _koc_export_close (file, partial, path, ok, error);
          total += rows;
        }
    }
  else
    {
      g_autofree char *partial = NULL;
      FILE *file = _koc_export_open (data->path, &partial, error);

      ok = file != NULL;
      if (ok && fputs ("{", file) == EOF)
        ok = FALSE;
      for (guint i = 0; ok && i < n_tables; i++)
        {
          guint64 rows = 0;

          if (data->progress)
            data->progress (tables[i], i, n_tables, data->progress_data);
          if (fprintf (file, "%s\n\"%s\": ", i ? "," : "", tables[i]) < 0)
            ok = FALSE;
          else
            ok = write_table (db, tables[i], KOC_EXPORT_JSON, KOC_EXPORT_NO_NEWLINE, file, &rows,
                              cancellable, error);
          total += rows;
        }
      if (ok && fputs ("\n}\n", file) == EOF)
        ok = FALSE;
      if (file != NULL)
        {
          if (!ok && error != NULL && *error == NULL)
            g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_IO, _("Could not write “%s”: %s"),
                         partial, g_strerror (errno));
          ok = _koc_export_close (file, partial, data->path, ok, error);
        }
    }

  koc_db_exec (db, "COMMIT", NULL);
  if (!ok)
    return FALSE;
  *result = g_memdup2 (&total, sizeof total);
  return TRUE;
}

void
koc_export_workspace_async (KocStore            *store,
                            KocExportWorkspace   kind,
                            const char          *path,
                            KocExportProgress    progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  WorkspaceData *data;

  g_return_if_fail (KOC_IS_STORE (store));
  g_return_if_fail (path != NULL);

  data = g_new0 (WorkspaceData, 1);
  data->kind = kind;
  data->path = g_strdup (path);
  data->progress = progress;
  data->progress_data = progress_data;
  koc_store_run_async (store, workspace_func, data, workspace_data_free, g_free, cancellable,
                       callback, user_data);
}

gint64
koc_export_workspace_finish (KocStore      *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_rows (store, result, error);
}

gint64
koc_export_workspace_sync (KocStore            *store,
                           KocExportWorkspace   kind,
                           const char          *path,
                           GCancellable        *cancellable,
                           GError             **error)
{
  WorkspaceData data = { kind, (char *) path, NULL, NULL };
  g_autofree guint64 *rows = NULL;

  g_return_val_if_fail (KOC_IS_STORE (store), -1);

  if (!koc_store_run_sync (store, workspace_func, &data, (gpointer *) &rows, cancellable, error))
    return -1;
  return rows ? (gint64) *rows : 0;
}
