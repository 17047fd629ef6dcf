/* koc-sync-search.h: remote discovery — GET /v1/search on the workspace's server for
 * accounts this device does not have yet, and "Save to Workspace".
 *
 * The request runs on the main context with the engine's SoupSession (async only); the
 * check of which hits are already local and the save run on the KocStore worker. A hit
 * carries its person and account as changes of the feed (with their revs); saving
 * applies them with koc_sync_store_apply_entities(), the path of the change feed, so the
 * next sync updates the saved rows by uid and never adds copies.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-sync-engine.h"

G_BEGIN_DECLS

/* Seconds a search may take before it fails with G_IO_ERROR_TIMED_OUT (the default of
 * koc_sync_engine_set_search_timeout()). */
#define KOC_SYNC_SEARCH_TIMEOUT_S 20

typedef struct
{
  char    *uid;            /* the account's uid */
  char    *person_uid;     /* nullable */
  char    *platform;
  char    *handle;
  char    *display_name;
  char    *tier;
  char    *region;         /* nullable */
  char    *category;       /* nullable */
  char    *snippet;        /* nullable; matches between U+0002 and U+0003 */
  gint64   followers;
  gint64   mention_count;
  gint64   last_post_at;
  double   engagement_rate;
  double   koc_score;      /* -1 when not scored */
  char    *entities;       /* JSON array of the person and account changes */
} KocRemoteHit;

void          koc_remote_hit_free               (KocRemoteHit   *hit);

/* The time-out of @self's searches, in seconds (tests shorten it). */
void          koc_sync_engine_set_search_timeout (KocSyncEngine *self,
                                                  guint          seconds);

/* Searches the server (@text, @platforms comma-separated or NULL, at most @limit hits,
 * 1–100). Fails with KOC_SYNC_ERROR_OFFLINE when the network monitor says the server
 * cannot be reached, KOC_SYNC_ERROR_UNAUTHORIZED for a refused token,
 * KOC_SYNC_ERROR_UNREACHABLE for transport errors and 5xx, G_IO_ERROR_TIMED_OUT after
 * the time-out; every message is a translated sentence. */
void          koc_sync_engine_search_async      (KocSyncEngine  *self,
                                                 const char     *text,
                                                 const char     *platforms,
                                                 guint           limit,
                                                 GCancellable   *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
/* (transfer full) KocRemoteHit of the accounts NOT in the local workspace (neither by
 * uid nor by platform + handle), best first; @out_n_local (optional) gets how many
 * hits were left out because the workspace has them. */
GPtrArray    *koc_sync_engine_search_finish     (KocSyncEngine  *self,
                                                 GAsyncResult   *result,
                                                 guint          *out_n_local,
                                                 GError        **error);

/* Like koc_sync_engine_search_async(), the page of @limit hits after the first
 * @offset (GET /v1/search's offset). */
void          koc_sync_engine_search_page_async  (KocSyncEngine  *self,
                                                  const char     *text,
                                                  const char     *platforms,
                                                  guint           offset,
                                                  guint           limit,
                                                  GCancellable   *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer        user_data);
/* Finishes either search; @out_next_offset (optional) gets the offset of the next page,
 * or -1 when this was the last. The local hits are left out of each page, so a page
 * may list fewer than @limit (even none) while more follow. */
GPtrArray    *koc_sync_engine_search_page_finish (KocSyncEngine  *self,
                                                  GAsyncResult   *result,
                                                  guint          *out_n_local,
                                                  gint64         *out_next_offset,
                                                  GError        **error);

/* Stores @hits (KocRemoteHit) in one write transaction. */
void          koc_sync_save_hits_async          (KocStore       *store,
                                                 GPtrArray      *hits,
                                                 GCancellable   *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
/* @out_saved: accounts now in the workspace; @out_skipped: changes that could not be
 * stored (e.g. an account without its person). */
gboolean      koc_sync_save_hits_finish         (KocStore       *store,
                                                 GAsyncResult   *result,
                                                 guint          *out_saved,
                                                 guint          *out_skipped,
                                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocRemoteHit, koc_remote_hit_free)

G_END_DECLS
