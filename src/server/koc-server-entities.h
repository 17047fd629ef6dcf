/* koc-server-entities.h: the server's side of the entity kinds — revisions and the
 * change feed's records (the `changes` table exists only in the server's workspace
 * files). The kinds themselves and their JSON are shared with the client:
 * src/store/koc-entities.h.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-entities.h"

G_BEGIN_DECLS

/* The entity's latest rev and the seq of its latest change (0, 0 when none). */
gboolean        koc_entity_get_rev            (KocEntityCache       *cache,
                                               const char           *kind,
                                               const char           *uid,
                                               gint64               *out_rev,
                                               gint64               *out_seq,
                                               GError              **error);
/* Appends a change; @fields_json is the JSON array of the changed field names (NULL:
 * every field). Returns the new seq, or 0 with @error set. */
gint64          koc_entity_record_change      (KocEntityCache       *cache,
                                               const char           *kind,
                                               const char           *uid,
                                               gint64                rev,
                                               gboolean              deleted,
                                               const char           *fields_json,
                                               GError              **error);

G_END_DECLS
