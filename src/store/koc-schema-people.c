/* koc-schema-people.c: schema version 4, part "people" — People: profiles, attachments and identity history.
 *
 *   people_name     the People list sorted by name walks this index (koc-people-list.c)
 *   person_files    media-kit files attached to a person (PDF, images): the bytes are a
 *                   row of `media` (by sha256), so they are available offline; a file
 *                   name and when it was attached. Deleting the person deletes the list,
 *                   not the media row (other people may share the same file). Synced as
 *                   kind person_file (uid filled by a trigger).
 *   card_deliverables  (base schema) gains id and uid: synced as kind deliverable.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-schema-private.h"

static const char * const people_tables[] = { "person_files", NULL };

const KocSchemaPart koc_schema_part_people = {
  .name = "people",
  .sql =
    "CREATE INDEX people_name ON people (display_name COLLATE NOCASE);\n"
    "CREATE TABLE person_files (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
    "  sha256 TEXT NOT NULL REFERENCES media (sha256) ON DELETE RESTRICT,\n"
    "  uid TEXT UNIQUE,\n"
    "  file_name TEXT NOT NULL CHECK (file_name <> ''),\n"
    "  attached_at INTEGER NOT NULL DEFAULT (unixepoch()),\n"
    "  UNIQUE (person_id, sha256)\n"
    ") STRICT;\n"
    "CREATE INDEX person_files_person ON person_files (person_id, attached_at);\n"
    /* The sync kind person_file: a row written without a uid gets the person's uid and
     * the first half of the sha256 — the same file attached to the same person on two
     * devices is one entity, not a clash of UNIQUE (person_id, sha256). */
    "CREATE TRIGGER person_files_uid AFTER INSERT ON person_files WHEN NEW.uid IS NULL\n"
    "BEGIN\n"
    "  UPDATE person_files SET uid = (SELECT CASE WHEN length (p.uid) <= 32\n"
    "      THEN p.uid || substr (NEW.sha256, 1, 32) ELSE lower (hex (randomblob (16))) END\n"
    "    FROM people p WHERE p.id = NEW.person_id) WHERE id = NEW.id;\n"
    "END;\n"
    /* The sync kind deliverable: card_deliverables (WITHOUT ROWID, base schema) gets an
     * id (what the server's snapshot and mutations address rows by) and a uid: the
     * card's uid followed by the post's, so a post marked on two devices is one entity.
     * Rows written without them (the demo, older code) get them from the trigger. */
    "ALTER TABLE card_deliverables ADD COLUMN id INTEGER;\n"
    "ALTER TABLE card_deliverables ADD COLUMN uid TEXT;\n"
    "UPDATE card_deliverables SET id = n.rn,\n"
    "  uid = (SELECT CASE WHEN length (c.uid) + length (p.uid) <= 64 THEN c.uid || p.uid\n"
    "         ELSE lower (hex (randomblob (16))) END FROM cards c, posts p\n"
    "         WHERE c.id = card_deliverables.card_id AND p.id = card_deliverables.post_id)\n"
    "  FROM (SELECT card_id AS c, post_id AS p, row_number () OVER (ORDER BY card_id, post_id) AS rn\n"
    "        FROM card_deliverables) AS n\n"
    "  WHERE card_deliverables.card_id = n.c AND card_deliverables.post_id = n.p;\n"
    "CREATE UNIQUE INDEX card_deliverables_id ON card_deliverables (id);\n"
    "CREATE UNIQUE INDEX card_deliverables_uid ON card_deliverables (uid);\n"
    "CREATE TRIGGER card_deliverables_ids AFTER INSERT ON card_deliverables\n"
    "  WHEN NEW.id IS NULL OR NEW.uid IS NULL\n"
    "BEGIN\n"
    "  UPDATE card_deliverables SET\n"
    "    id = coalesce (NEW.id, (SELECT coalesce (max (id), 0) + 1 FROM card_deliverables)),\n"
    "    uid = coalesce (NEW.uid, (SELECT CASE WHEN length (c.uid) + length (p.uid) <= 64\n"
    "      THEN c.uid || p.uid ELSE lower (hex (randomblob (16))) END FROM cards c, posts p\n"
    "      WHERE c.id = NEW.card_id AND p.id = NEW.post_id))\n"
    "  WHERE card_id = NEW.card_id AND post_id = NEW.post_id;\n"
    "END;\n",
  .tables = people_tables,
};
