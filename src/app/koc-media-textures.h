/* koc-media-textures.h: images of the workspace's `media` table (avatars, thumbnails)
 * as textures for any pane (People, Discover, the Campaigns board), read on the store's
 * worker or through the media cache and decoded on the main loop a few per
 * low-priority idle (SVG goes through librsvg and Pango, which are not thread-safe),
 * so lists keep scrolling meanwhile.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "koc-media-cache.h"
#include "koc-store.h"

G_BEGIN_DECLS

/* Called on the main loop for each target whose image was decoded. */
typedef void (*KocTextureFunc) (GObject    *target,
                                GdkTexture *texture);

/* @targets (element-type GObject) and @sha256s (element-type utf8) are parallel arrays;
 * NULL hashes are skipped. Nothing is called after @cancellable is cancelled. */
void koc_media_textures_load        (KocStore       *store,
                                     GPtrArray      *targets,
                                     GPtrArray      *sha256s,
                                     KocTextureFunc  func,
                                     GCancellable   *cancellable);

/* The same through @cache (workspace → disk cache → server, koc-media-cache.h): each
 * image is looked up on its own, asynchronously, and decoded a few per low-priority
 * idle as the answers come, so an image fetched from the server does not hold up the
 * others and scrolling never waits. An image that is nowhere (or offline and not
 * cached) is simply not delivered: the target keeps its placeholder. Without @cache it
 * is koc_media_textures_load(). */
void koc_media_textures_load_cached (KocMediaCache  *cache,
                                     KocStore       *store,
                                     GPtrArray      *targets,
                                     GPtrArray      *sha256s,
                                     KocTextureFunc  func,
                                     GCancellable   *cancellable);

/* (nullable) (transfer none): the media cache of the workspace shown by @widget's
 * window (koc-sync-controller.h), or NULL when it does not sync. */
KocMediaCache *koc_media_textures_cache_for (GtkWidget *widget);

G_END_DECLS
