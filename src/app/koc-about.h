/* koc-about.h
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwAboutWindow filled from the bundled AppStream metainfo. */
GtkWindow *koc_about_window_new (GtkWindow *parent);

G_END_DECLS
