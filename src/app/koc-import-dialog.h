/* koc-import-dialog.h: the preview, mapping and progress of importing a CSV file.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-import.h"
#include "koc-import-preview.h"
#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_TYPE_IMPORT_DIALOG (koc_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KocImportDialog, koc_import_dialog, KOC, IMPORT_DIALOG, AdwWindow)

/* Starts reading @path on a worker thread at once. Signals:
 *   "imported" (gint64 import_id)   after an import committed
 *   "undone" (gint64 import_id)     after its undo committed */
KocImportDialog        *koc_import_dialog_new          (GtkWindow       *parent,
                                                        KocStore        *store,
                                                        const char      *path);

/* For tests and the window. */
/* "loading", "error", "preview", "progress" or "report" */
const char             *koc_import_dialog_get_page     (KocImportDialog *self);
/* TRUE while the file is read, a dry run or the import runs. */
gboolean                koc_import_dialog_is_busy      (KocImportDialog *self);
const KocImportPreview *koc_import_dialog_get_preview  (KocImportDialog *self);
/* The last dry run's report (what will happen), or NULL. */
const KocImportReport  *koc_import_dialog_get_outcome  (KocImportDialog *self);
/* The import's report once it is done, or NULL. */
const KocImportReport  *koc_import_dialog_get_report   (KocImportDialog *self);
KocField                koc_import_dialog_get_field    (KocImportDialog *self,
                                                        guint            column);
void                    koc_import_dialog_set_field    (KocImportDialog *self,
                                                        guint            column,
                                                        KocField         field);
/* Re-reads the file in @encoding (as g_convert() names it). */
void                    koc_import_dialog_set_encoding (KocImportDialog *self,
                                                        const char      *encoding);

G_END_DECLS
