/* koc-import-batch.h: an import's new rows, written many per INSERT (koc-import-batch.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _KocImportBatch KocImportBatch;

/* @head: "INSERT INTO t (a, b) VALUES ", @row: "(?, coalesce (?, 0))" with @columns
 * anonymous parameters. */
KocImportBatch *koc_import_batch_new      (sqlite3         *db,
                                           const char      *head,
                                           const char      *row,
                                           guint            columns,
                                           GError         **error);
void            koc_import_batch_free     (KocImportBatch  *batch);

/* A row's values, one call per column in order (the text is copied; NULL is NULL). */
void            koc_import_batch_int      (KocImportBatch  *batch,
                                           gint64           i);
void            koc_import_batch_double   (KocImportBatch  *batch,
                                           double           d);
void            koc_import_batch_text     (KocImportBatch  *batch,
                                           const char      *text);
void            koc_import_batch_null     (KocImportBatch  *batch);

/* Ends the row of CSV record @record (for error messages). */
void            koc_import_batch_row_done (KocImportBatch  *batch,
                                           guint64          record);
/* Whether a full statement's worth of rows is pending. */
gboolean        koc_import_batch_full     (KocImportBatch  *batch);
/* Writes every pending row. */
gboolean        koc_import_batch_flush    (KocImportBatch  *batch,
                                           sqlite3         *db,
                                           GError         **error);
guint           koc_import_batch_pending  (KocImportBatch  *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocImportBatch, koc_import_batch_free)

G_END_DECLS
