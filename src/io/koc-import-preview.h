/* koc-import-preview.h: what a CSV file holds, for the import dialog.
 *
 * Reads the header and the first rows of a file, then the rest of it only to count the
 * rows and collect the reader's problems; nothing is kept of the rows past the first
 * @max_rows, so a 100,000-row file costs the memory of @max_rows rows. Meant to run on a
 * worker thread (koc_import_preview_read_async()), never on the UI thread.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koc-csv.h"
#include "koc-import-map.h"

G_BEGIN_DECLS

typedef struct
{
  char      *path;
  char      *encoding;     /* as detected or given */
  char       delimiter;
  gboolean   has_bom;
  GStrv      header;
  guint      n_columns;
  GPtrArray *rows;         /* GStrv, the first max_rows data rows */
  guint64    n_rows;       /* data rows in the whole file */
  GPtrArray *problems;     /* KocCsvProblem (copies) */
  guint64    n_problems;
  KocField  *guess;        /* n_columns fields guessed from the header */
} KocImportPreview;

/* NULL with @error when the file cannot be read or has no header. */
KocImportPreview *koc_import_preview_read         (const char          *path,
                                                   const char          *encoding,
                                                   char                 delimiter,
                                                   guint                max_rows,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void              koc_import_preview_read_async   (const char          *path,
                                                   const char          *encoding,
                                                   char                 delimiter,
                                                   guint                max_rows,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
KocImportPreview *koc_import_preview_read_finish  (GAsyncResult        *result,
                                                   GError             **error);
void              koc_import_preview_free         (KocImportPreview    *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocImportPreview, koc_import_preview_free)

G_END_DECLS
