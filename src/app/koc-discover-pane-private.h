/* koc-discover-pane-private.h: KocDiscoverPane's state, shared by its files
 * (pane: queries and states; cells: the result columns).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-account-item.h"
#include "koc-account-popover.h"
#include "koc-discover-filters.h"
#include "koc-discover-pane.h"

G_BEGIN_DECLS

struct _KocDiscoverPane
{
  GtkWidget            parent_instance;

  /* Owned */
  KocStore            *store;
  GListStore          *results;          /* KocAccountItem */
  GCancellable        *search_cancellable; /* the current query's pages and count */
  GCancellable        *store_cancellable;  /* per store: the summary */
  KocSearchQuery      *query;            /* of the results shown, offset 0 */
  KocAccountPopover   *popover;
  GSimpleActionGroup  *actions;          /* "discover": on the pane and on its window */
  KocAccountItem      *probe_items[2];   /* see read_sort() */
  gint64               n_accounts;       /* in the workspace; -1 unknown */
  gint64               count;            /* of the current query; -1 unknown */
  gint64               started_at;       /* monotonic time the current search began */
  guint                busy;             /* searches in flight */
  gboolean             rest_pending;     /* choices, saved searches, rescore: after the first results */
  guint                generation;
  KocSearchSort        sort;
  KocEngagementVariant engagement;
  gboolean             ascending;
  gboolean             user_sorted;      /* a header was clicked: keep that order */
  gboolean             setting_sort;
  gboolean             has_more;
  guint                fill_idle;        /* loads the next page when rows do not fill the list */
  int                  probe_key;
  GtkColumnViewColumn *probe_column;

  /* Template children */
  AdwFlap             *flap;
  KocDiscoverFilters  *filters;
  GtkWidget           *filters_scroller;
  GtkWidget           *toolbar;
  GtkWidget           *legend_label;
  GtkToggleButton     *filter_button;
  GtkSearchEntry      *search_entry;
  GtkSpinner          *spinner;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;
  GtkMultiSelection   *selection;
  AdwStatusPage       *no_results_page;
  GtkWidget           *reset_button;
  AdwStatusPage       *empty_page;
  GtkColumnViewColumn *account_column;
  GtkColumnViewColumn *followers_column;
  GtkColumnViewColumn *engagement_column;
  GtkColumnViewColumn *mentions_column;
  GtkColumnViewColumn *score_column;
  GtkColumnViewColumn *active_column;
  GtkDropDown         *engagement_dropdown; /* built in koc-discover-engagement.c */
  /* The selection's action bar (koc-discover-actions.c) */
  GtkRevealer         *action_revealer;
  GtkLabel            *selected_label;
  GtkWidget           *open_button;
  GtkWidget           *campaign_button;
  GMenu               *campaign_menu;
  GPtrArray           *last_undo;        /* KocSyncEdit: undoes the last bulk edit */
  gboolean             bulk_busy;
  guint                n_bulk_done;      /* bulk edits and undos finished (tests) */
  /* Saved searches (koc-discover-saved.c) */
  GtkWidget           *saved_button;
  GMenu               *saved_menu;       /* one submenu per saved search */
  GPtrArray           *saved_uids;       /* char*, in menu order */
  GPtrArray           *saved_queries;    /* char* JSON, in menu order */
  char                *deleted_saved_uid;
  char                *deleted_saved_fields;
  guint                n_saved_loads;    /* lists read (tests) */
  /* Lookalikes (koc-discover-recommend.c) */
  GtkToggleButton     *recommend_button;
  gboolean             showing_recommendations;
  int                  account_width;    /* the account column's width from the template */
  /* Search on the server (koc-discover-remote.c) */
  GtkWidget           *remote_button;
  GtkWidget           *remote_suggestion; /* on the no-results page */
  guint                n_remote_saved;   /* accounts saved from the server (tests) */
};

/* koc-discover-pane.c */
void _koc_discover_update_state     (KocDiscoverPane *self);
void _koc_discover_show_sort        (KocDiscoverPane     *self,
                                     GtkColumnViewColumn *column,
                                     GtkSortType          direction);
void _koc_discover_update_header_tooltips (KocDiscoverPane *self);
/* koc-discover-engagement.c */
void        _koc_discover_engagement_init    (KocDiscoverPane      *self);
void        _koc_discover_set_engagement     (KocDiscoverPane      *self,
                                              KocEngagementVariant  variant);
const char *_koc_discover_engagement_title   (KocEngagementVariant  variant);
const char *_koc_discover_engagement_formula (KocEngagementVariant  variant);
char       *_koc_discover_format_engagement  (KocEngagementVariant  variant,
                                              double                value);
/* koc-discover-actions.c */
void _koc_discover_actions_init         (KocDiscoverPane *self);
void _koc_discover_load_campaigns       (KocDiscoverPane *self);
void _koc_discover_export_selection_to  (KocDiscoverPane *self,
                                         const char      *path);
/* koc-discover-saved.c */
void            _koc_discover_saved_init      (KocDiscoverPane *self);
void            _koc_discover_load_saved      (KocDiscoverPane *self);
KocSearchQuery *_koc_discover_query_from_json (const char      *json);
/* koc-discover-recommend.c */
void            _koc_discover_recommend_init         (KocDiscoverPane *self);
void            _koc_discover_recommend_set_compact  (KocDiscoverPane *self,
                                                      gboolean         compact);
void            _koc_discover_leave_recommendations  (KocDiscoverPane *self);
/* koc-discover-remote.c */
void            _koc_discover_remote_init            (KocDiscoverPane *self);
void            _koc_discover_remote_update          (KocDiscoverPane *self);
/* koc-discover-query.c */
void _koc_discover_start_search     (KocDiscoverPane *self);
void _koc_discover_load_more        (KocDiscoverPane *self);
/* The markup a result cell shows as its tooltip, or NULL (koc-discover-cells.c). */
const char *_koc_discover_cell_get_tooltip (GtkWidget *cell);
/* koc-discover-avatars.c: @items (KocAccountItem) get their avatars later. */
void _koc_discover_load_avatars     (KocDiscoverPane *self,
                                     GPtrArray       *items);
/* koc-discover-cells.c */
void _koc_discover_cells_class_init (GtkWidgetClass *widget_class);
void _koc_discover_show_details     (KocDiscoverPane *self,
                                     KocAccountItem  *item,
                                     GtkWidget       *anchor);

G_END_DECLS
