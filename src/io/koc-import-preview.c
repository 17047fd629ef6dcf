/* koc-import-preview.c: the first rows and all the problems of a CSV file.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-import.h"
#include "koc-import-preview.h"

static void
problem_free (gpointer data)
{
  KocCsvProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

void
koc_import_preview_free (KocImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->path);
  g_free (preview->encoding);
  g_strfreev (preview->header);
  g_ptr_array_unref (preview->rows);
  g_ptr_array_unref (preview->problems);
  g_free (preview->guess);
  g_free (preview);
}

KocImportPreview *
koc_import_preview_read (const char    *path,
                         const char    *encoding,
                         char           delimiter,
                         guint          max_rows,
                         GCancellable  *cancellable,
                         GError       **error)
{
  KocCsvOptions options = { encoding, delimiter, 0 };
  g_autoptr(KocCsvReader) reader = NULL;
  g_autoptr(KocImportPreview) preview = NULL;
  const char * const *cells;
  GPtrArray *problems;
  guint n = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if ((reader = koc_csv_reader_new_for_path (path, &options, error)) == NULL)
    return NULL;

  preview = g_new0 (KocImportPreview, 1);
  preview->path = g_strdup (path);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  preview->problems = g_ptr_array_new_with_free_func (problem_free);

  if ((cells = koc_csv_reader_next (reader, &n)) == NULL)
    {
      g_set_error (error, KOC_IMPORT_ERROR, KOC_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: the first line must name the columns."), path);
      return NULL;
    }
  preview->header = g_strdupv ((char **) cells);
  preview->n_columns = n;
  preview->encoding = g_strdup (koc_csv_reader_get_encoding (reader));
  preview->delimiter = koc_csv_reader_get_delimiter (reader);
  preview->has_bom = koc_csv_reader_get_has_bom (reader);
  preview->guess = koc_import_map_build (cells, n, NULL, NULL);

  while ((cells = koc_csv_reader_next (reader, &n)) != NULL)
    {
      preview->n_rows++;
      if (preview->n_rows <= max_rows)
        g_ptr_array_add (preview->rows, g_strdupv ((char **) cells));
      if (preview->n_rows % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  problems = koc_csv_reader_get_problems (reader);
  for (guint i = 0; i < problems->len; i++)
    {
      KocCsvProblem *copy = g_memdup2 (g_ptr_array_index (problems, i), sizeof (KocCsvProblem));

      copy->message = g_strdup (copy->message);
      g_ptr_array_add (preview->problems, copy);
    }
  preview->n_problems = koc_csv_reader_get_n_problems (reader);
  return g_steal_pointer (&preview);
}

typedef struct
{
  char  *path;
  char  *encoding;
  char   delimiter;
  guint  max_rows;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  g_free (read->path);
  g_free (read->encoding);
  g_free (read);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *read = task_data;
  GError *error = NULL;
  KocImportPreview *preview;

  preview = koc_import_preview_read (read->path, read->encoding, read->delimiter, read->max_rows,
                                     cancellable, &error);
  if (preview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) koc_import_preview_free);
}

void
koc_import_preview_read_async (const char          *path,
                               const char          *encoding,
                               char                 delimiter,
                               guint                max_rows,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadData *read = g_new0 (ReadData, 1);

  read->path = g_strdup (path);
  read->encoding = g_strdup (encoding);
  read->delimiter = delimiter;
  read->max_rows = max_rows;
  g_task_set_source_tag (task, koc_import_preview_read_async);
  g_task_set_task_data (task, read, read_data_free);
  g_task_run_in_thread (task, read_thread);
}

KocImportPreview *
koc_import_preview_read_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
