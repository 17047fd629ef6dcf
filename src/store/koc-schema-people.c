/* koc-schema-people.c: schema version 4, part "people" — People: profiles, attachments and identity history.
 *
 *   people_name     the People list sorted by name walks this index (koc-people-list.c)
 *   person_files    media-kit files attached to a person (PDF, images): the bytes are a
 *                   row of `media` (by sha256), so they are available offline; a file
 *                   name and when it was attached. Deleting the person deletes the list,
 *                   not the media row (other people may share the same file).
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
    "  file_name TEXT NOT NULL CHECK (file_name <> ''),\n"
    "  attached_at INTEGER NOT NULL DEFAULT (unixepoch()),\n"
    "  UNIQUE (person_id, sha256)\n"
    ") STRICT;\n"
    "CREATE INDEX person_files_person ON person_files (person_id, attached_at);\n",
  .tables = people_tables,
};
