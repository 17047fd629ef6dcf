/* koc-fts-bulk.h: bulk loading without per-row full-text index writes.
 *
 * FTS5 writes a new segment at every statement savepoint, so inserting many rows one
 * statement at a time through the "<table>_ai" triggers costs a segment (and merges)
 * per row. A bulk loader suspends the insert and update triggers, inserts (and updates
 * through koc_fts_bulk_touch()), then indexes all the new and touched rows with one
 * INSERT … SELECT per FTS table and restores the triggers from their own SQL. Everything is plain DDL/DML, so inside a transaction a rollback (or a crash)
 * restores the triggers too.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _KocFtsBulk KocFtsBulk;

/* Drops the insert and update triggers of every FTS table (koc_schema_fts_tables()),
 * remembering its SQL and the largest rowid of its content table. Call it inside a
 * write transaction. */
KocFtsBulk *koc_fts_bulk_suspend (sqlite3     *db,
                                  GError     **error);

/* Call before updating row @rowid of content table @table ("people", "accounts",
 * "posts") while suspended: its index entry is removed now (with the old values) and
 * rewritten at koc_fts_bulk_resume(). The update triggers are suspended too, since
 * they cannot update an entry that new rows do not have yet. */
gboolean    koc_fts_bulk_touch   (KocFtsBulk  *bulk,
                                  sqlite3     *db,
                                  const char  *table,
                                  gint64       rowid,
                                  GError     **error);

/* Indexes the rows inserted since koc_fts_bulk_suspend() (rowid above the remembered
 * maximum) and recreates the triggers. Frees @bulk. With @rebuild the whole index is
 * rebuilt instead ('rebuild'), which is what a loader into an empty database wants. */
gboolean    koc_fts_bulk_resume  (sqlite3     *db,
                                  KocFtsBulk  *bulk,
                                  gboolean     rebuild,
                                  GError     **error);

void        koc_fts_bulk_free    (KocFtsBulk  *bulk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocFtsBulk, koc_fts_bulk_free)

G_END_DECLS
