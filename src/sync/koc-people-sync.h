/* koc-people-sync.h: the People pane's relationship edits as synced entities —
 * interactions, deliverable links (post ↔ campaign card) and attached files — applied
 * and queued in the outbox (koc_sync_store_enqueue()) inside the caller's write
 * transaction on the store's worker. GTK-free, so tests call them directly too.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A new interaction (kind "interaction"); @campaign_id 0 for none. */
gboolean koc_people_sync_add_interaction (sqlite3     *db,
                                          gint64       person_id,
                                          gint64       campaign_id,
                                          const char  *channel,
                                          gint64       happened_at,
                                          const char  *summary,
                                          const char  *author,
                                          GError     **error);

/* Marks @post_id a deliverable of the card @card_id (kind "deliverable"; its uid is the
 * card's uid followed by the post's). Nothing is queued when the link exists. */
gboolean koc_people_sync_link_deliverable (sqlite3     *db,
                                           gint64       card_id,
                                           gint64       post_id,
                                           GError     **error);

/* Attaches (or, with @remove, detaches) the media row @sha256 to a person (kind
 * "person_file"); the media row must exist. @file_name is needed to attach. */
gboolean koc_people_sync_person_file     (sqlite3     *db,
                                          gint64       person_id,
                                          const char  *sha256,
                                          const char  *file_name,
                                          gboolean     remove,
                                          GError     **error);

G_END_DECLS
