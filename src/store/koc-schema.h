/* koc-schema.h: the workspace schema and its user_version migration ladder.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The newest schema this build knows; PRAGMA user_version of an up-to-date workspace. */
#define KOC_SCHEMA_VERSION 4

/* PRAGMA user_version, or -1 with @error set. */
int                 koc_schema_get_version   (sqlite3   *db,
                                              GError   **error);

/* Migrates @db from its current version up to @target_version (at most
 * KOC_SCHEMA_VERSION), one transaction per step, so a crash leaves the last completed
 * version. Fails with KOC_STORE_ERROR_TOO_NEW when @db is newer than @target_version. */
gboolean            koc_schema_migrate       (sqlite3   *db,
                                              int        target_version,
                                              GError   **error);

/* NULL-terminated names of the FTS5 tables (for 'integrity-check' and 'rebuild'). */
const char * const *koc_schema_fts_tables    (void);

/* NULL-terminated names of the tables every up-to-date workspace has. */
const char * const *koc_schema_tables        (void);

G_END_DECLS
