/* koc-media-cache.h: avatars and post images by sha256, available offline.
 *
 * STABLE API for the panes (People thumbnails, Discover avatars, …): create one cache
 * per open workspace (the window's sync glue does; ask it, or make your own with the
 * same arguments) and call koc_media_cache_lookup_async() with a media sha256 (64
 * lowercase hex digits, e.g. accounts.avatar_sha256 or post_media.sha256). The answer is
 * the bytes and their MIME type, from the first of:
 *
 *   1. the workspace's own `media` table (a row whose `data` is not NULL; no network),
 *   2. the disk cache $XDG_CACHE_HOME/kocdesk/media/<server+workspace>/<ab>/<sha256>
 *      (no network: works offline),
 *   3. the server: GET /v1/media/{sha256} with the workspace's token (libsoup, async, on
 *      the caller's main context), stored into the disk cache.
 *
 * Every answer's bytes are checked against the sha256 (a server or a disk that sends
 * other bytes gets KOC_MEDIA_CACHE_ERROR_CORRUPT and nothing is kept). The cache is
 * capped (koc_media_cache_set_max_bytes(), default 200 MB): the least recently used
 * files are removed first (each hit refreshes the file's mtime, our LRU clock; atime is
 * unreliable under relatime). All disk I/O and hashing run on a worker thread; the
 * callback runs in the thread-default main context of the call. Decoding the image is
 * the caller's business (SVG must be decoded on the main thread: librsvg → Pango).
 *
 * KOC_MEDIA_CACHE_LOOKUP_REVALIDATE asks the server even when a copy is cached, with
 * If-None-Match: "<sha256>"; a 304 answer serves the cached copy (used to check the
 * server still has it and the token is valid). Without a server (local workspaces) the
 * cache answers from the store and the disk only.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_MEDIA_CACHE_ERROR (koc_media_cache_error_quark ())

typedef enum
{
  KOC_MEDIA_CACHE_ERROR_INVALID,     /* not a sha256 */
  KOC_MEDIA_CACHE_ERROR_NOT_FOUND,   /* nowhere: not local, not on the server (404) */
  KOC_MEDIA_CACHE_ERROR_OFFLINE,     /* not cached and the server cannot be reached */
  KOC_MEDIA_CACHE_ERROR_CORRUPT,     /* the bytes do not have the sha256 */
  KOC_MEDIA_CACHE_ERROR_FAILED,      /* refused token, server error, disk error */
} KocMediaCacheError;

typedef enum
{
  KOC_MEDIA_CACHE_LOOKUP_DEFAULT    = 0,
  KOC_MEDIA_CACHE_LOOKUP_REVALIDATE = 1 << 0,
} KocMediaCacheLookupFlags;

typedef enum
{
  KOC_MEDIA_SOURCE_STORE,
  KOC_MEDIA_SOURCE_DISK,
  KOC_MEDIA_SOURCE_NETWORK,
  KOC_MEDIA_SOURCE_NOT_MODIFIED,  /* disk copy confirmed by a 304 */
} KocMediaSource;

/* Counters since the cache was made, for tests and diagnostics. */
typedef struct
{
  guint   store_hits;
  guint   disk_hits;
  guint   fetched;        /* 200 answers stored */
  guint   not_modified;   /* 304 answers */
  guint   corrupt;        /* answers or files rejected by the sha256 check */
  guint   evicted;        /* files removed for the size cap */
  guint64 disk_bytes;     /* bytes in the cache folder after the last write */
} KocMediaCacheStats;

#define KOC_MEDIA_CACHE_DEFAULT_MAX_BYTES (200 * 1024 * 1024)

#define KOC_TYPE_MEDIA_CACHE (koc_media_cache_get_type ())
G_DECLARE_FINAL_TYPE (KocMediaCache, koc_media_cache, KOC, MEDIA_CACHE, GObject)

GQuark         koc_media_cache_error_quark  (void);

/* The folder of a server + workspace pair under $XDG_CACHE_HOME/kocdesk/media/
 * (a hash of both, so any name is safe). Free with g_free(). */
char          *koc_media_cache_default_dir  (const char               *server_url,
                                             const char               *workspace);

/* @store: (nullable): the workspace (step 1); @server_url and @token: (nullable): no
 * network without them; @dir: the cache folder (created when needed). */
KocMediaCache *koc_media_cache_new          (KocStore                 *store,
                                             const char               *server_url,
                                             const char               *token,
                                             const char               *dir);

void           koc_media_cache_set_max_bytes (KocMediaCache           *self,
                                              guint64                  max_bytes);
guint64        koc_media_cache_get_max_bytes (KocMediaCache           *self);
const char    *koc_media_cache_get_dir      (KocMediaCache            *self);

void           koc_media_cache_lookup_async (KocMediaCache            *self,
                                             const char               *sha256,
                                             KocMediaCacheLookupFlags  flags,
                                             GCancellable             *cancellable,
                                             GAsyncReadyCallback       callback,
                                             gpointer                  user_data);
/* Returns: (transfer full): the bytes, or NULL with @error. @out_mime (optional,
 * transfer full): e.g. "image/png" ("application/octet-stream" when unknown);
 * @out_source (optional): where the bytes came from. */
GBytes        *koc_media_cache_lookup_finish (KocMediaCache           *self,
                                              GAsyncResult            *result,
                                              char                   **out_mime,
                                              KocMediaSource          *out_source,
                                              GError                 **error);

void           koc_media_cache_get_stats    (KocMediaCache            *self,
                                             KocMediaCacheStats       *out_stats);

G_END_DECLS
