/* koc-sync-store.h: the sync engine's work inside the workspace database — the outbox,
 * the pulled pages and the cursor. Every function here runs on the KocStore worker
 * (inside koc_store_write_async() / koc_store_run_async()), never on the UI thread.
 *
 * The conflict rule, client side: the server decides (docs/api-v1.yaml). When it answers
 * `conflict`, the SERVER's value wins in the local tables (the result's `current` is
 * written, or the row deleted when `current` is null), and every conflicting field is
 * recorded in sync_conflicts with the user's value (local_value, the JSON the user
 * sent) and the server's (remote_value), resolution 'unresolved', for the UI to offer.
 * The outbox row stays, state 'failed', last_error 'conflict'. Nothing is dropped. To
 * keep the user's value the app enqueues a new edit (it starts from the returned rev).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "koc-entities.h"

G_BEGIN_DECLS

#define KOC_SYNC_MAX_BATCH 500

typedef struct
{
  gint64   n_changes;  /* changes in the page */
  gint64   n_skipped;  /* changes that could not be stored (unknown kind, missing parent) */
  gint64   next;       /* the new cursor (stored with the page) */
  gboolean more;
} KocSyncPage;

typedef struct
{
  guint n_applied;
  guint n_conflicts;   /* mutations answered `conflict` (their fields are in sync_conflicts) */
  guint n_rejected;
} KocSyncResults;

/* The stored cursor of the change feed (0 before the first pull). */
gboolean  koc_sync_store_get_cursor     (sqlite3         *db,
                                         gint64          *out_cursor,
                                         GError         **error);

/* Applies one page of GET /v1/changes (@body, the response text) and stores its `next`
 * as the cursor; the caller's write transaction makes both one commit. Pending local
 * edits of the entities in the page are applied again on top (they are not sent yet). */
gboolean  koc_sync_store_apply_page     (sqlite3         *db,
                                         const char      *body,
                                         KocSyncPage     *out_page,
                                         GCancellable    *cancellable,
                                         GError         **error);

/* The same for @n_bodies pages in feed order: one commit for all of them, with the last
 * page's `next` as the cursor (counts summed in @out_page). @expected (nullable) has for
 * each page the `next` and `more` its Koc-Feed-Next header promised (next < 0: none). A
 * page that is not valid, says no more follow before the last, or is not what its
 * header promised fails them all. */
gboolean  koc_sync_store_apply_pages    (sqlite3             *db,
                                         const char * const  *bodies,
                                         const KocSyncPage   *expected,
                                         guint                n_bodies,
                                         KocSyncPage         *out_page,
                                         GCancellable        *cancellable,
                                         GError             **error);

/* Applies {"changes":[…]} (the `entities` of GET /v1/search hits: changes of the feed
 * without seq) exactly as a page is applied, without touching the cursor: a later page
 * with the same entities updates these rows (by uid), it never adds copies. */
gboolean  koc_sync_store_apply_entities (sqlite3         *db,
                                         const char      *body,
                                         KocSyncPage     *out_page,
                                         GCancellable    *cancellable,
                                         GError         **error);

/* The body of POST /v1/mutations for the next pending edits (at most @max, the oldest
 * first, one per entity so that a second edit starts from the rev of the first), and
 * marks them 'sending'. NULL without @error when nothing waits. Rows left 'sending' by
 * a crash are sent again with the same id: the server answers with the first result. */
char     *koc_sync_store_take_batch     (sqlite3         *db,
                                         guint            max,
                                         guint           *out_n,
                                         GError         **error);

/* Records the server's results (@body, the response of POST /v1/mutations). */
gboolean  koc_sync_store_apply_results  (sqlite3         *db,
                                         const char      *body,
                                         KocSyncResults  *out_results,
                                         GError         **error);

/* A local edit: applies @fields_json (an object of writable fields; NULL for a
 * delete) to the local tables and queues it in the outbox with a new client id, in the
 * caller's transaction. @op is "upsert" or "delete". Returns the client id. */
char     *koc_sync_store_enqueue        (sqlite3         *db,
                                         const char      *kind,
                                         const char      *entity_uid,
                                         const char      *op,
                                         const char      *fields_json,
                                         GError         **error);

/* The member names of the JSON object @json (NULL with @error when it is not one). */
char    **koc_sync_store_object_keys    (KocEntityCache  *cache,
                                         const char      *json,
                                         GError         **error);

/* Stores "last_synced" (Unix seconds) in sync_state. */
gboolean  koc_sync_store_set_last_synced (sqlite3        *db,
                                          gint64          when,
                                          GError        **error);

G_END_DECLS
