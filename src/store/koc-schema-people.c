/* koc-schema-people.c: schema version 4, part "people" — People: profiles, attachments and identity history.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-schema-private.h"

const KocSchemaPart koc_schema_part_people = {
  .name = "people",
  .sql = "",
  .tables = NULL,
};
