/* koc-campaigns-pane-private.h: KocCampaignsPane's state, shared by its files
 * (pane: campaigns, loading, filters; board: columns, cards, drag and drop; actions:
 * moves, removals and undo).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-campaigns-card-item.h"
#include "koc-campaigns-pane.h"

G_BEGIN_DECLS

/* One column of the board. */
typedef struct
{
  gint64              stage_id;
  GListStore         *cards;     /* KocCampaignsCardItem, board order */
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkWidget          *box;       /* the column */
  GtkWidget          *title;
  GtkWidget          *count;
  GtkWidget          *list_view;
  GtkWidget          *stack;     /* "cards" or "empty" */
} KocBoardColumn;

typedef enum
{
  UNDO_MOVE,
  UNDO_REMOVE,
  UNDO_SETTINGS,
} UndoKind;

typedef struct
{
  UndoKind   kind;
  GPtrArray *edits;       /* UNDO_MOVE: KocCardEdit; UNDO_SETTINGS: KocSyncEdit */
  gint64     card_id;
  char      *card_uid;    /* UNDO_REMOVE */
  KocStore  *store;       /* UNDO_REMOVE: where to commit it */
  AdwToast  *toast;       /* weak */
  gboolean   finished;    /* undone, or committed */
} KocUndoEntry;

struct _KocCampaignsPane
{
  GtkWidget           parent_instance;

  /* Owned */
  KocStore           *store;
  GCancellable       *cancellable;  /* per store */
  GPtrArray          *campaigns;    /* KocCampaign */
  KocBoard           *board;
  GPtrArray          *columns;      /* KocBoardColumn */
  GPtrArray          *undo;         /* KocUndoEntry, oldest first */
  GHashTable         *hidden;       /* card ids removed, waiting for their toast */
  GtkCustomFilter    *filter;
  AdwToast           *toast;        /* weak: the toast shown */
  GSimpleActionGroup *actions;
  char               *owner_filter;
  char               *tag_filter;
  gboolean            overdue_filter;
  gint64              campaign_id;
  gint64              current_card;
  guint               busy;
  guint               generation;
  gboolean            filling;      /* while rebuilding the sidebar or drop-downs */
  gpointer            stats;        /* KocCampaignStats of the analytics popover */

  /* Template children */
  AdwToastOverlay    *toast_overlay;
  GtkListBox         *campaign_list;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkDropDown        *owner_dropdown;
  GtkDropDown        *tag_dropdown;
  GtkToggleButton    *overdue_button;
  GtkWidget          *analytics_popover;
  GtkDrawingArea     *funnel_area;
  GtkLabel           *analytics_label;
  GtkBox             *columns_box;
  GtkWidget          *board_scroller;
};

/* koc-campaigns-pane.c */
void      _koc_campaigns_reload_board  (KocCampaignsPane *self);
void      _koc_campaigns_busy_changed  (KocCampaignsPane *self,
                                        int               delta);
KocBoardColumn *_koc_campaigns_column_of_card (KocCampaignsPane *self,
                                               gint64            card_id,
                                               guint            *out_column,
                                               guint            *out_index);
/* koc-campaigns-board.c */
void      _koc_campaigns_build_columns (KocCampaignsPane *self);
void      _koc_campaigns_clear_columns (KocCampaignsPane *self);
void      _koc_campaigns_focus_card    (KocCampaignsPane *self,
                                        gint64            card_id);
/* koc-campaigns-actions.c */
void      _koc_campaigns_actions_init  (KocCampaignsPane *self);
void      _koc_campaigns_move_card     (KocCampaignsPane *self,
                                        gint64            card_id,
                                        gint64            stage_id,
                                        guint             index);
void      _koc_campaigns_commit_removals (KocCampaignsPane *self);
void      _koc_undo_entry_free         (gpointer          data);
/* After a campaign edit: Undo (the toast's, Ctrl+Z) queues @undo (KocSyncEdit). */
void      _koc_campaigns_push_settings_undo (KocCampaignsPane *self,
                                             GPtrArray        *undo,
                                             const char       *title);
/* koc-campaigns-details.c: the card details window */
void      _koc_campaigns_show_details  (KocCampaignsPane *self,
                                        gint64            card_id);
/* Reads the card again into its open details @window. */
void      _koc_campaigns_reload_details (KocCampaignsPane *self,
                                         gint64            card_id,
                                         AdwWindow        *window);
/* koc-campaigns-suggestions.c: the details' Suggested Deliverables group */
GtkWidget *_koc_campaigns_suggestions_group (KocCampaignsPane *self,
                                             AdwWindow        *window,
                                             KocCardDetails   *details);
/* koc-campaigns-analytics.c */
void      _koc_campaigns_analytics_class_init (GtkWidgetClass *widget_class);
void      _koc_campaigns_analytics_init  (KocCampaignsPane *self);
void      _koc_campaigns_analytics_clear (KocCampaignsPane *self);
void      _koc_campaigns_analytics_reload (KocCampaignsPane *self);
/* koc-campaigns-new.c */
void      _koc_campaigns_new_campaign  (KocCampaignsPane *self);
/* koc-campaigns-export.c: campaigns.export-rewards(-to) */
void      _koc_campaigns_export_actions_init (KocCampaignsPane *self);
/* koc-campaigns-emv.c: the EMV values of the Edit Campaign window. @spins receives the
 * spin buttons (pairs per platform); @changed (swapped, @data) on every change. */
GtkWidget *_koc_campaigns_emv_group (GArray           *rates,
                                     GPtrArray        *spins,
                                     GCallback         changed,
                                     gpointer          data);
/* (element-type KocEmvRate) the values of @spins. */
GArray    *_koc_campaigns_emv_read  (GPtrArray        *spins);
/* koc-campaigns-edit-dialog.c */
void      _koc_campaigns_edit_campaign (KocCampaignsPane *self);
/* koc-campaigns-pane.c: shows a campaign just created */
void      _koc_campaigns_created       (KocCampaignsPane *self,
                                        gint64            campaign_id);
/* koc-campaigns-format.c */
char     *_koc_campaigns_format_money  (gint64            cents);
const char *_koc_campaigns_incentive_name (const char    *kind);
const char *_koc_campaigns_tier_name   (const char       *tier);
char     *_koc_campaigns_format_date   (gint64            unix_time);
gboolean  _koc_campaigns_card_overdue  (const KocCard    *card,
                                        gboolean          last_stage);

G_END_DECLS
