/* koc-window.h
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-application.h"
#include "koc-store.h"
#include "koc-sync-controller.h"

G_BEGIN_DECLS

#define KOC_TYPE_WINDOW (koc_window_get_type ())
G_DECLARE_FINAL_TYPE (KocWindow, koc_window, KOC, WINDOW, AdwApplicationWindow)

KocWindow  *koc_window_new                (KocApplication *application);
/* The open workspace's name, or NULL while none is open. */
const char *koc_window_get_workspace_name (KocWindow      *self);
/* The open workspace, or NULL while none is open. */
KocStore   *koc_window_get_store          (KocWindow      *self);
/* Sync of the open workspace: its engine and media cache (koc-sync-controller.h). */
KocSyncController *koc_window_get_sync_controller (KocWindow *self);

G_END_DECLS
