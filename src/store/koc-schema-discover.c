/* koc-schema-discover.c: schema version 4, part "discover" — Discover: KOC score state and saved-search details.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-schema-private.h"

const KocSchemaPart koc_schema_part_discover = {
  .name = "discover",
  .sql = "",
  .tables = NULL,
};
