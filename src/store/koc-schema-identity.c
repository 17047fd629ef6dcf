/* koc-schema-identity.c: schema version 4, part "identity" — Import identity: merge suggestions and merges.
 *
 *   person_merges     every merge of two people and every split of an account off a
 *                     person (koc-identity.c): who, when, and the undo script — SQL
 *                     statements built with quote(), so undoing restores every row
 *                     exactly (REAL values round-trip, BLOBs as X'..') — as a JSON array
 *   merge_rejections  pairs of people (by uid, smaller first) the user said are not the
 *                     same: never suggested again
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-schema-private.h"

static const char * const tables[] = { "person_merges", "merge_rejections", NULL };

const KocSchemaPart koc_schema_part_identity = {
  .name = "identity",
  .sql =
    "CREATE TABLE person_merges (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),\n"
    "  kept_id INTEGER NOT NULL,\n"   /* merge: the person kept; split: the person split */
    "  other_id INTEGER NOT NULL,\n"  /* merge: the person removed; split: the new person */
    "  account_id INTEGER,\n"         /* split: the account moved */
    "  undo TEXT NOT NULL CHECK (json_valid (undo)),\n"
    "  at INTEGER NOT NULL DEFAULT (unixepoch ()),\n"
    "  undone_at INTEGER\n"
    ") STRICT;\n"
    "CREATE TABLE merge_rejections (\n"
    "  uid_a TEXT NOT NULL,\n"
    "  uid_b TEXT NOT NULL,\n"
    "  at INTEGER NOT NULL DEFAULT (unixepoch ()),\n"
    "  PRIMARY KEY (uid_a, uid_b),\n"
    "  CHECK (uid_a < uid_b)\n"
    ") STRICT, WITHOUT ROWID;\n",
  .tables = tables,
};
