/* koc-schema-private.h: the parts schema version 4 is assembled from.
 *
 * Each pane that needs tables of its own keeps its SQL in its own file
 * (koc-schema-<pane>.c); koc-schema.c runs the parts in a fixed order inside the one
 * transaction of the migration step, and lists their tables in koc_schema_tables().
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char         *name;   /* for error messages */
  const char         *sql;    /* statements; may be "" */
  const char * const *tables; /* NULL-terminated names of the tables it creates, or NULL */
} KocSchemaPart;

extern const KocSchemaPart koc_schema_part_discover;
extern const KocSchemaPart koc_schema_part_people;
extern const KocSchemaPart koc_schema_part_keywords;
extern const KocSchemaPart koc_schema_part_campaigns;
extern const KocSchemaPart koc_schema_part_identity;

G_END_DECLS
