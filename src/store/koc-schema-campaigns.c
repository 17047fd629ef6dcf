/* koc-schema-campaigns.c: schema version 4, part "campaigns" — Campaigns: boards, incentives, referral codes and rewards.
 *
 *   emv_rates                 the workspace's own EMV values per platform (an estimate,
 *                             edited in the Campaigns pane; without a row a platform uses
 *                             koc_campaigns_default_emv_rates())
 *   deliverable_rejections    a post the user said is not a deliverable of a card: never
 *                             suggested for it again
 *   sync_conflicts_entity     a card's unresolved conflicts, for its badge on the board
 *   campaigns.hashtag         the campaign's hashtag, folded like post_hashtags.tag and
 *                             without '#': its posts are suggested as deliverables
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-schema-private.h"

static const char * const campaigns_tables[] = { "emv_rates", "deliverable_rejections", NULL };

const KocSchemaPart koc_schema_part_campaigns = {
  .name = "campaigns",
  .sql =
    "ALTER TABLE campaigns ADD COLUMN hashtag TEXT CHECK (hashtag IS NULL OR hashtag <> '');\n"
    "CREATE TABLE emv_rates (\n"
    "  platform TEXT PRIMARY KEY NOT NULL,\n"
    "  cents_per_view REAL NOT NULL CHECK (cents_per_view >= 0),\n"
    "  cents_per_engagement REAL NOT NULL CHECK (cents_per_engagement >= 0)\n"
    ") STRICT;\n"
    "CREATE TABLE deliverable_rejections (\n"
    "  card_id INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,\n"
    "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,\n"
    "  rejected_at INTEGER NOT NULL DEFAULT (unixepoch()),\n"
    "  PRIMARY KEY (card_id, post_id)\n"
    ") STRICT, WITHOUT ROWID;\n"
    "CREATE INDEX sync_conflicts_entity ON sync_conflicts (entity, entity_uid)"
    " WHERE resolution = 'unresolved';\n",
  .tables = campaigns_tables,
};
