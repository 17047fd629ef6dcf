/* koc-schema-identity.c: schema version 4, part "identity" — Import identity: merge suggestions and merges.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-schema-private.h"

const KocSchemaPart koc_schema_part_identity = {
  .name = "identity",
  .sql = "",
  .tables = NULL,
};
