/* koc-sync-controller.h: sync in the window — one KocSyncEngine (and one KocMediaCache)
 * per open workspace, sign-in and sign-out, the header bar's indicator, Sync Now,
 * automatic syncs, toasts, and the conflicts dialog. Its actions are the "sync" group
 * (sync.now — Ctrl+R —, sync.sign-in, sync.sign-out, sync.show-conflicts), which the
 * window inserts.
 *
 * Where the token comes from, in order: the developer run (KOCDESK_DEV_SERVER_URL +
 * KOCDESK_DEV_TOKEN in the environment, for the workspace KOCDESK_DEV_WORKSPACE;
 * build-aux/dev.sh run sets them; never stored anywhere), a sign-in of this session
 * when no keyring is available (memory only), then the keyring (koc-sync-token.h) for
 * the server address in GSettings and the workspace name.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-media-cache.h"
#include "koc-store.h"
#include "koc-sync-engine.h"
#include "koc-sync-indicator.h"

G_BEGIN_DECLS

#define KOC_TYPE_SYNC_CONTROLLER (koc_sync_controller_get_type ())
G_DECLARE_FINAL_TYPE (KocSyncController, koc_sync_controller, KOC, SYNC_CONTROLLER, GObject)

/* @window, @indicator and @toasts must outlive the controller (the window owns it). */
KocSyncController *koc_sync_controller_new             (GtkWindow         *window,
                                                        GSettings         *settings,
                                                        KocSyncIndicator  *indicator,
                                                        AdwToastOverlay   *toasts);
GActionGroup      *koc_sync_controller_get_actions     (KocSyncController *self);
/* The window opened another workspace (@store NULL: none). */
void               koc_sync_controller_set_workspace   (KocSyncController *self,
                                                        KocStore          *store,
                                                        const char        *name);
/* Stops everything (the window is going away). */
void               koc_sync_controller_shutdown        (KocSyncController *self);

/* (nullable): the engine of the open workspace while it is signed in. */
KocSyncEngine     *koc_sync_controller_get_engine      (KocSyncController *self);
/* (nullable): the media of the open workspace (see koc-media-cache.h). */
KocMediaCache     *koc_sync_controller_get_media_cache (KocSyncController *self);
void               koc_sync_controller_sync_now        (KocSyncController *self);
/* A sync or a read of its results is on the way (tests). */
gboolean           koc_sync_controller_is_busy         (KocSyncController *self);
/* The last toast's text (tests), or NULL. */
const char        *koc_sync_controller_get_last_toast  (KocSyncController *self);

G_END_DECLS
