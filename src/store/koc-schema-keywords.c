/* koc-schema-keywords.c: schema version 4, part "keywords" — Keywords: lexicon, stopwords and incremental keyword aggregates.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-schema-private.h"

const KocSchemaPart koc_schema_part_keywords = {
  .name = "keywords",
  .sql = "",
  .tables = NULL,
};
