/* koc-person-private.h: helpers shared by koc-person.c and koc-person-crm.c.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-person.h"

G_BEGIN_DECLS

/* Prepares @sql with ?1 bound to @id. */
sqlite3_stmt *koc_person_prepare      (sqlite3        *db,
                                       const char     *sql,
                                       gint64          id,
                                       GError        **error);
/* Column @i as a new string; NULL for SQL NULL. */
char         *koc_person_column_text  (sqlite3_stmt   *stmt,
                                       int             i);
/* Finalizes @stmt; FALSE with @error set when the last step @rc was an error. */
gboolean      koc_person_finish       (sqlite3        *db,
                                       sqlite3_stmt   *stmt,
                                       int             rc,
                                       GError        **error);

/* Fills stage_history, notes, interactions, campaigns and rewards. */
gboolean      koc_person_load_relationship (sqlite3          *db,
                                            KocPersonProfile *profile,
                                            GError          **error);

G_END_DECLS
