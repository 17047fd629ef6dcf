/* koc-export-private.h: the writer shared by the table, selection and workspace exports.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <sqlite3.h>

#include "koc-export.h"

G_BEGIN_DECLS

/* Opens "@path.partial" for writing; *@partial gets its name. */
FILE       *_koc_export_open        (const char       *path,
                                     char            **partial,
                                     GError          **error);
/* Closes @file and renames @partial to @path when @ok, else removes it. */
gboolean    _koc_export_close       (FILE             *file,
                                     const char       *partial,
                                     const char       *path,
                                     gboolean          ok,
                                     GError          **error);
gboolean    _koc_export_write_rows  (sqlite3          *db,
                                     sqlite3_stmt     *stmt,
                                     KocExportFormat   format,
                                     KocExportFlags    flags,
                                     FILE             *file,
                                     guint64          *n_rows,
                                     GCancellable     *cancellable,
                                     GError          **error);
/* A KocStoreFunc: backs the database up to @user_data (a path). */
gboolean    _koc_export_backup_func (sqlite3          *db,
                                     gpointer          user_data,
                                     gpointer         *result,
                                     GCancellable     *cancellable,
                                     GError          **error);
/* The query of export table @what, or NULL. */
const char *_koc_export_table_sql   (const char       *what);

G_END_DECLS
