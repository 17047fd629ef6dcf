/* koc-score-preferences.h: the "KOC Score" page of the Preferences window.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Adds a page with the score weights of the workspace open in the window @window is
 * transient for (looked up when @window is shown). */
void koc_score_preferences_add (AdwPreferencesWindow *window);

G_END_DECLS
