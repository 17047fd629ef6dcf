/* koc-identity-private.h: shared by koc-identity*.c.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-identity.h"

G_BEGIN_DECLS

/* Appends one INSERT per row of @table matching the SQL condition @where. */
gboolean _koc_identity_insert_script (sqlite3     *db,
                                      const char  *table,
                                      const char  *where,
                                      GPtrArray   *script,
                                      GError     **error);
/* Records a merge or split with its undo @script; returns its id or 0. */
gint64   _koc_identity_log           (sqlite3     *db,
                                      const char  *kind,
                                      gint64       kept_id,
                                      gint64       other_id,
                                      gint64       account_id,
                                      GPtrArray   *script,
                                      GError     **error);

G_END_DECLS
