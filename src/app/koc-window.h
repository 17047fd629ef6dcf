/* koc-window.h
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-application.h"

G_BEGIN_DECLS

#define KOC_TYPE_WINDOW (koc_window_get_type ())
G_DECLARE_FINAL_TYPE (KocWindow, koc_window, KOC, WINDOW, AdwApplicationWindow)

KocWindow  *koc_window_new                (KocApplication *application);
/* The open workspace's name, or NULL while none is open. */
const char *koc_window_get_workspace_name (KocWindow      *self);

G_END_DECLS
