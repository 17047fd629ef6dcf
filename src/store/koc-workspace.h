/* koc-workspace.h: where workspaces live and what they are called.
 *
 * A workspace is one SQLite file, `<dir>/<name>.db`, where <dir> is
 * `$XDG_DATA_HOME/kocdesk` by default and <name> is what the user typed (any script).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KOC_WORKSPACE_SUFFIX ".db"

char     *koc_workspace_get_default_dir (void);
gboolean  koc_workspace_name_validate   (const char           *name,
                                         GError              **error);
char     *koc_workspace_build_path      (const char           *dir,
                                         const char           *name);

/* Lists the workspace names in @dir (sorted for display); blocking, so call it on a
 * thread (the window does, koc-window-workspaces.c). A missing folder is an empty list,
 * not an error. */
GStrv     koc_workspace_list_sync       (const char           *dir,
                                         GCancellable         *cancellable,
                                         GError              **error);

G_END_DECLS
