/* koc-export-actions.h: the window's "Export Workspace…" action.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs win.export-workspace ("s": "csv", "json", "backup", or "" to ask). */
void _koc_window_export_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
