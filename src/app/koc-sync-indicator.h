/* koc-sync-indicator.h: the header bar's sync status (local / offline / syncing / synced / error).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  KOC_SYNC_STATE_LOCAL,   /* no server configured: the workspace lives on this computer only */
  KOC_SYNC_STATE_OFFLINE, /* a server is configured but the network is unavailable */
  KOC_SYNC_STATE_SYNCING,
  KOC_SYNC_STATE_SYNCED,  /* see last-synced */
  KOC_SYNC_STATE_ERROR,   /* see the detail text */
} KocSyncState;

#define KOC_TYPE_SYNC_STATE (koc_sync_state_get_type ())
GType koc_sync_state_get_type (void) G_GNUC_CONST;

#define KOC_TYPE_SYNC_INDICATOR (koc_sync_indicator_get_type ())
G_DECLARE_FINAL_TYPE (KocSyncIndicator, koc_sync_indicator, KOC, SYNC_INDICATOR, GtkWidget)

KocSyncState  koc_sync_indicator_get_state       (KocSyncIndicator *self);
void          koc_sync_indicator_set_state       (KocSyncIndicator *self,
                                                  KocSyncState      state);
void          koc_sync_indicator_set_last_synced (KocSyncIndicator *self,
                                                  GDateTime        *when);
void          koc_sync_indicator_set_detail      (KocSyncIndicator *self,
                                                  const char       *detail);
/* While SYNCING: the changes so far and the rate (changes per second). */
void          koc_sync_indicator_set_progress    (KocSyncIndicator *self,
                                                  gint64            items,
                                                  double            rate);
/* Whether the workspace is signed in to a server (which buttons the popover offers). */
void          koc_sync_indicator_set_account     (KocSyncIndicator *self,
                                                  gboolean          signed_in,
                                                  const char       *server);
/* Unresolved conflicts: the popover offers to resolve them when there are any. */
void          koc_sync_indicator_set_conflicts   (KocSyncIndicator *self,
                                                  guint             n_conflicts);
guint         koc_sync_indicator_get_conflicts   (KocSyncIndicator *self);
void          koc_sync_indicator_popup           (KocSyncIndicator *self);
void          koc_sync_indicator_popdown         (KocSyncIndicator *self);
/* The short text shown in the header bar, for tests and accessibility. */
const char   *koc_sync_indicator_get_label       (KocSyncIndicator *self);

G_END_DECLS
