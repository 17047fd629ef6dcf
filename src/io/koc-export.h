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

typedef enum
{
  KOC_EXPORT_BOM        = 1 << 0, /* CSV: start with a UTF-8 byte order mark */
  /* CSV for Excel: a BOM, and every text cell that a spreadsheet would run as a formula
   * (starting with = + - @, TAB or CR) gets a leading apostrophe (CSV injection). */
  KOC_EXPORT_EXCEL      = 1 << 1,
  KOC_EXPORT_NO_NEWLINE = 1 << 2, /* internal: JSON arrays inside a bigger document */
} KocExportFlags;

/* What a selection's ids are. */
typedef enum
{
  KOC_EXPORT_SELECTION_ACCOUNTS,
  KOC_EXPORT_SELECTION_PEOPLE,
  KOC_EXPORT_SELECTION_BOARD,   /* campaign ids: the people of each board, in its order */
} KocExportSelection;

/* Whole-workspace exports. */
typedef enum
{
  KOC_EXPORT_WORKSPACE_CSV,    /* a folder: people.csv, accounts.csv, … (for Excel) */
  KOC_EXPORT_WORKSPACE_JSON,   /* one file: {"people": [...], "accounts": [...], …} */
  KOC_EXPORT_WORKSPACE_BACKUP, /* a copy of the database (koc_export_backup_sync()) */
} KocExportWorkspace;

/* Called on the store's worker before each table: @table is its name, @index 0-based. */
typedef void (*KocExportProgress) (const char *table,
                                   guint       index,
                                   guint       n_tables,
                                   gpointer    user_data);

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

/* A selection (Discover's list, a campaign board) with one row per account, in the
 * order of @ids: the account (platform, handle, display_name, followers,
 * engagement_rate, region, category, url, bio), its person (email, phone, wechat,
 * person, stage, koc_score), tier, posts_count, last_post_at, its latest metric
 * snapshot (metrics_at, avg_likes, avg_views) and the ids (account_id, person_id,
 * person_uid). With KOC_EXPORT_SELECTION_PEOPLE, @ids are people: every account of each
 * person (and one row for a person without accounts). With KOC_EXPORT_SELECTION_BOARD,
 * @ids are campaigns: the people of each board's cards, stage by stage in the board's
 * order, every account of each, and a last column board_stage. The CSV imports back.
 * *@n_rows (may be NULL) gets the row count. */
gboolean            koc_export_selection_sync   (KocStore            *store,
                                                 KocExportSelection   kind,
                                                 const gint64        *ids,
                                                 guint                n_ids,
                                                 KocExportFormat      format,
                                                 KocExportFlags       flags,
                                                 const char          *path,
                                                 guint64             *n_rows,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
/* The same from the UI thread; @ids are copied. */
void                koc_export_selection_async  (KocStore            *store,
                                                 KocExportSelection   kind,
                                                 const gint64        *ids,
                                                 guint                n_ids,
                                                 KocExportFormat      format,
                                                 KocExportFlags       flags,
                                                 const char          *path,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns the number of rows written, or -1 with @error set. */
gint64              koc_export_selection_finish (KocStore            *store,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Every table of koc_export_tables() (CSV: into the folder @path, created when missing,
 * with KOC_EXPORT_EXCEL; JSON: into the file @path), or a backup of the database at
 * @path. @progress (may be NULL) is called on the worker thread. */
void                koc_export_workspace_async  (KocStore            *store,
                                                 KocExportWorkspace   kind,
                                                 const char          *path,
                                                 KocExportProgress    progress,
                                                 gpointer             progress_data,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns the number of rows written (0 for a backup), or -1 with @error set. */
gint64              koc_export_workspace_finish (KocStore            *store,
                                                 GAsyncResult        *result,
                                                 GError             **error);
gint64              koc_export_workspace_sync   (KocStore            *store,
                                                 KocExportWorkspace   kind,
                                                 const char          *path,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

/* Appends @field to @out as a CSV cell, with the formula guard when @flags has
 * KOC_EXPORT_EXCEL. */
void                koc_csv_append_cell         (GString             *out,
                                                 const char          *field,
                                                 char                 delimiter,
                                                 KocExportFlags       flags);

/* Appends @field to @out as a CSV field for @delimiter, quoted when needed. */
void                koc_csv_append_field   (GString          *out,
                                            const char       *field,
                                            char              delimiter);

G_END_DECLS
