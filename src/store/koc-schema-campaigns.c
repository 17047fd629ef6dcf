/* koc-schema-campaigns.c: schema version 4, part "campaigns" — Campaigns: boards, incentives, referral codes and rewards.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-schema-private.h"

const KocSchemaPart koc_schema_part_campaigns = {
  .name = "campaigns",
  .sql = "",
  .tables = NULL,
};
