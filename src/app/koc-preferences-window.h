/* koc-preferences-window.h
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KOC_TYPE_PREFERENCES_WINDOW (koc_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (KocPreferencesWindow, koc_preferences_window, KOC, PREFERENCES_WINDOW, AdwPreferencesWindow)

KocPreferencesWindow *koc_preferences_window_new (GSettings *settings);

/* Checks a sync server address; on failure @error says what is wrong in words. */
gboolean koc_preferences_validate_server_url (const char  *text,
                                              GError     **error);

G_END_DECLS
