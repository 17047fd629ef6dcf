/* koc-window-private.h: KocWindow's state, shared by its files (window, workspaces).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-campaigns-pane.h"
#include "koc-discover-pane.h"
#include "koc-keywords-pane.h"
#include "koc-people-pane.h"
#include "koc-store.h"
#include "koc-sync-controller.h"
#include "koc-sync-indicator.h"
#include "koc-window.h"

G_BEGIN_DECLS

typedef struct _KocWorkspaceListing KocWorkspaceListing;

struct _KocWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  GSettings            *settings;
  GCancellable         *cancellable;      /* cancelled on dispose: no callback outlives us */
  KocStore             *store;            /* the open workspace, or NULL */
  char                 *workspace_name;
  char                 *workspace_dir;
  GStrv                 workspace_names;  /* last listing, sorted */
  gboolean              workspace_pending;
  KocWorkspaceListing  *listing;          /* start-up listing (koc-window-workspaces.c) */
  guint                 panes_loaded;     /* bit per KocWindowPane: has the open store */
  KocSyncController    *sync;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *workspace_button;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *workspace_menu;
  GMenuModel           *primary_menu;
  GtkLabel             *workspace_label;
  GMenu                *workspaces_section;
  KocSyncIndicator     *sync_indicator;
  KocDiscoverPane      *discover_pane;
  /* The other panes are built when first shown, into their page (koc-window-panes.c):
   * NULL until then. */
  AdwBin               *people_page;
  AdwBin               *keywords_page;
  AdwBin               *campaigns_page;
  KocPeoplePane        *people_pane;
  KocKeywordsPane      *keywords_pane;
  KocCampaignsPane     *campaigns_pane;
};

/* koc-window-workspaces.c */
void _koc_window_workspaces_class_init (GtkWidgetClass *widget_class);
void _koc_window_workspaces_prefetch   (KocWindow      *self);
void _koc_window_workspaces_start      (KocWindow      *self);
void _koc_window_workspaces_dispose    (KocWindow      *self);
void _koc_window_open_workspace        (KocWindow      *self,
                                        const char     *name);
void _koc_window_show_error            (KocWindow      *self,
                                        const char     *heading,
                                        const GError   *error);
/* koc-window-panes.c */
void _koc_window_panes_init            (KocWindow      *self);
void _koc_window_workspace_opening     (KocWindow      *self,
                                        KocStore       *store);
void _koc_window_workspace_opened      (KocWindow      *self);
void _koc_window_synced                (KocWindow      *self);
KocPeoplePane *_koc_window_get_people_pane (KocWindow   *self);

G_END_DECLS
