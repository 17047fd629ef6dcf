/* koc-export.h: workspace tables out as CSV or JSON, and consistent online backups.
 *
 * CSV is UTF-8 (optionally with a byte order mark, which Excel needs to read UTF-8),
 * CRLF line ends, every field that holds a delimiter, a quote, a line break, leading or
 * trailing spaces or a BOM quoted with doubled quotes: koc-csv.h reads it back to the
 * same strings. Times are ISO 8601 UTC. Files are written to "FILE.partial" and renamed
 * when complete, so a failed export never leaves half a file under the name asked for.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koc-store.h"

G_BEGIN_DECLS

typedef enum
{
  KOC_EXPORT_CSV,
  KOC_EXPORT_JSON,
} KocExportFormat;

#define KOC_EXPORT_ERROR (koc_export_error_quark ())

typedef enum
{
  KOC_EXPORT_ERROR_UNKNOWN_TABLE,
  KOC_EXPORT_ERROR_IO,
} KocExportError;

GQuark              koc_export_error_quark (void);

/* people, accounts, posts, campaigns, rewards, notes (NULL-terminated). */
const char * const *koc_export_tables      (void);

/* Writes table @what of @store to @path. *@n_rows (may be NULL) gets the row count. */
gboolean            koc_export_table_sync  (KocStore         *store,
                                            const char       *what,
                                            KocExportFormat   format,
                                            gboolean          bom,
                                            const char       *path,
                                            guint64          *n_rows,
                                            GCancellable     *cancellable,
                                            GError          **error);

/* A consistent copy of the whole workspace at @path (sqlite3_backup in one step, in
 * a read transaction: other connections keep writing meanwhile), checked with
 * integrity_check before it is renamed into place. */
gboolean            koc_export_backup_sync (KocStore         *store,
                                            const char       *path,
                                            GCancellable     *cancellable,
                                            GError          **error);

/* Appends @field to @out as a CSV field for @delimiter, quoted when needed. */
void                koc_csv_append_field   (GString          *out,
                                            const char       *field,
                                            char              delimiter);

G_END_DECLS
