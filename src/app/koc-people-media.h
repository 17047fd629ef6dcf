/* koc-people-media.h: images of the workspace's `media` table (avatars, thumbnails)
 * for the People pane, read on the store's worker and decoded on the main loop a few
 * per low-priority idle (SVG goes through librsvg and Pango, which are not
 * thread-safe), so lists keep scrolling meanwhile.
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
typedef void (*KocPeopleTextureFunc) (GObject    *target,
                                      GdkTexture *texture);

/* @targets (element-type GObject) and @sha256s (element-type utf8) are parallel arrays;
 * NULL hashes are skipped. Nothing is called after @cancellable is cancelled. */
void _koc_people_load_textures (KocStore             *store,
                                GPtrArray            *targets,
                                GPtrArray            *sha256s,
                                KocPeopleTextureFunc  func,
                                GCancellable         *cancellable);

/* The same through @cache (workspace → disk cache → server, koc-media-cache.h): each
 * image is looked up on its own, asynchronously, and decoded a few per low-priority
 * idle as the answers come, so an image fetched from the server does not hold up the
 * others and scrolling never waits. An image that is nowhere (or offline and not
 * cached) is simply not delivered: the target keeps its placeholder. Without @cache it
 * is _koc_people_load_textures(). */
void _koc_people_load_cached_textures (KocMediaCache        *cache,
                                       KocStore             *store,
                                       GPtrArray            *targets,
                                       GPtrArray            *sha256s,
                                       KocPeopleTextureFunc  func,
                                       GCancellable         *cancellable);

G_END_DECLS
