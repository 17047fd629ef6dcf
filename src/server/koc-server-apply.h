/* koc-server-apply.h: one mutation of POST /v1/mutations (koc-server-apply.c); the
 * request around it is koc-server-mutations.c.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "koc-api-error.h"
#include "koc-server-entities.h"

G_BEGIN_DECLS

typedef struct
{
  sqlite3        *db;
  KocEntityCache *cache;
} KocMutationContext;

/* {"id":…,"status":… — the caller appends the rest and the closing brace. */
GString *koc_mutation_result_start    (const char           *id,
                                       const char           *status);
GString *koc_mutation_result_rejected (const char           *id,
                                       const char           *code,
                                       const char           *message);

/* Applies one validated mutation inside the caller's savepoint. Returns the result
 * (applied or conflict), or NULL with @error set: KOC_STORE_ERROR_INVALID, _NOT_FOUND
 * (a reference) and _CONSTRAINT make a rejection, anything else fails the request. */
GString *koc_mutation_apply           (KocMutationContext   *ctx,
                                       const char           *id,
                                       const KocEntityKind  *kind,
                                       const char           *uid,
                                       gboolean              delete,
                                       JsonObject           *fields,
                                       gboolean              has_base_rev,
                                       gint64                base_rev,
                                       GError              **error);

G_END_DECLS
