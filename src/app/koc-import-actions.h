/* koc-import-actions.h: the window's import, duplicates and export actions.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs win.import-people, win.review-duplicates and win.export-workspace on
 * KocWindow's class. */
void _koc_window_import_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
