/* koc-remote-search-dialog.h: "Search on Server" — accounts the workspace's server has
 * and this device does not (GET /v1/search through koc-sync-search.h), to check and
 * "Save to Workspace".
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-sync-engine.h"

G_BEGIN_DECLS

#define KOC_TYPE_REMOTE_SEARCH_DIALOG (koc_remote_search_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KocRemoteSearchDialog, koc_remote_search_dialog, KOC, REMOTE_SEARCH_DIALOG,
                      AdwWindow)

/* Searches @engine's server for @text at once. Emits "saved" (guint: accounts saved)
 * after a successful "Save to Workspace", then closes. */
KocRemoteSearchDialog *koc_remote_search_dialog_new        (GtkWindow             *parent,
                                                            KocSyncEngine         *engine,
                                                            KocStore              *store,
                                                            const char            *text);
void                   koc_remote_search_dialog_search     (KocRemoteSearchDialog *self,
                                                            const char            *text);
/* Tests: a search or a save is running. */
gboolean               koc_remote_search_dialog_is_busy    (KocRemoteSearchDialog *self);
/* Tests: the hits listed; checks the hit at @index. */
guint                  koc_remote_search_dialog_get_n_hits (KocRemoteSearchDialog *self);
const char            *koc_remote_search_dialog_get_hit_uid (KocRemoteSearchDialog *self,
                                                            guint                  index);
void                   koc_remote_search_dialog_check      (KocRemoteSearchDialog *self,
                                                            guint                  index,
                                                            gboolean               checked);
/* Tests: the status page's title and description when one shows, else NULL. */
const char            *koc_remote_search_dialog_get_status (KocRemoteSearchDialog *self);
const char            *koc_remote_search_dialog_get_status_description (KocRemoteSearchDialog *self);
/* What the "Save to Workspace" button does. */
void                   koc_remote_search_dialog_save       (KocRemoteSearchDialog *self);
/* "Show More": appends the server's next page of hits (when it has one). */
void                   koc_remote_search_dialog_show_more  (KocRemoteSearchDialog *self);
gboolean               koc_remote_search_dialog_has_more   (KocRemoteSearchDialog *self);

G_END_DECLS
