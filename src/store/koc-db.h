/* koc-db.h: opening a workspace file safely, and small blocking SQLite helpers.
 *
 * Everything here blocks: call it from the store's worker thread (KocStore), from
 * kocdesk-cli or from tests, never from the UI thread.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "koc-store.h"

G_BEGIN_DECLS

/* Opens (and with KOC_STORE_OPEN_CREATE creates) a workspace and migrates it to
 * KOC_SCHEMA_VERSION. The file is first inspected read-only: a file that is not SQLite,
 * is corrupt, or has a newer schema gives KOC_STORE_ERROR_NOT_A_DATABASE, _CORRUPT or
 * _TOO_NEW and is never modified. A missing file without _CREATE gives _NOT_FOUND.
 * With KOC_STORE_OPEN_READ_ONLY the connection is read-only and an out-of-date schema
 * gives KOC_STORE_ERROR_READ_ONLY (it would need an upgrade).
 *
 * The connection has the FTS5 tokenizer "koc" registered, foreign_keys=ON, WAL,
 * synchronous=NORMAL and a busy timeout. Close it with koc_db_close(). */
sqlite3   *koc_db_open          (const char         *path,
                                 KocStoreOpenFlags   flags,
                                 GError            **error);

/* Like koc_db_open() but migrates only up to @version (tests of the migrations). */
sqlite3   *koc_db_open_at_version (const char       *path,
                                   int               version,
                                   GError          **error);

void       koc_db_close         (sqlite3            *db);

/* Sets @error from an SQLite result code (SQLITE_INTERRUPT → G_IO_ERROR_CANCELLED,
 * _CORRUPT, _NOTADB, _FULL, _CONSTRAINT, _BUSY, _READONLY → KOC_STORE_ERROR_*),
 * prefixed with @what (a translated sentence). Always returns FALSE. */
gboolean   koc_db_set_error     (sqlite3            *db,
                                 int                 rc,
                                 const char         *what,
                                 GError            **error);

gboolean   koc_db_exec          (sqlite3            *db,
                                 const char         *sql,
                                 GError            **error);
gboolean   koc_db_prepare       (sqlite3            *db,
                                 const char         *sql,
                                 sqlite3_stmt      **stmt,
                                 GError            **error);

/* The first column of the first row of @sql as an integer (@fallback when no row). */
gboolean   koc_db_query_int64   (sqlite3            *db,
                                 const char         *sql,
                                 gint64              fallback,
                                 gint64             *value,
                                 GError            **error);

/* Write transactions. The outermost call runs BEGIN IMMEDIATE — the only point where
 * SQLITE_BUSY can be retried safely, so it is retried every 100 ms for up to 15 s (the
 * ECache rule) — nested calls use SAVEPOINTs. Every begin is paired with exactly one
 * commit or rollback. */
gboolean   koc_db_begin_write   (sqlite3            *db,
                                 GError            **error);
gboolean   koc_db_commit        (sqlite3            *db,
                                 GError            **error);
void       koc_db_rollback      (sqlite3            *db);

G_END_DECLS
