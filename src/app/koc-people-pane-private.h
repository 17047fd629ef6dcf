/* koc-people-pane-private.h: KocPeoplePane's state, shared by its files (pane: states
 * and keyboard; query: the list's pages).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-people-item.h"
#include "koc-people-pane.h"
#include "koc-people-profile.h"

G_BEGIN_DECLS

struct _KocPeoplePane
{
  GtkWidget            parent_instance;

  /* Owned */
  KocStore            *store;
  GListStore          *results;            /* KocPeopleItem */
  GCancellable        *search_cancellable; /* the current query's pages and count */
  GCancellable        *store_cancellable;  /* per store: the summary */
  KocPeopleQuery      *query;              /* of the rows shown, offset 0 */
  GSimpleActionGroup  *actions;            /* "people": on the pane and on its window */
  gint64               n_people;           /* in the workspace; -1 unknown */
  gint64               count;              /* of the current query; -1 unknown */
  gint64               pending_person;     /* to select once its row shows; 0 none */
  guint                busy;
  guint                generation;
  gboolean             has_more;
  gboolean             selecting;          /* the selection is set by code */
  char               **saved_find_accels;  /* Discover's Ctrl+F while People shows */

  /* Template children */
  GtkStack            *main_stack;
  AdwStatusPage       *empty_page;
  GtkWidget           *sidebar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *sort_dropdown;
  GtkLabel            *count_label;
  GtkSpinner          *spinner;
  GtkStack            *list_stack;
  GtkScrolledWindow   *list_scroller;
  GtkListView         *list_view;
  AdwStatusPage       *no_results_page;
  GtkStack            *profile_stack;
  KocPeopleProfile    *profile;
  GtkSingleSelection  *selection;
};

/* koc-people-pane.c */
void _koc_people_update_state (KocPeoplePane *self);
/* koc-people-query.c */
void _koc_people_start_search (KocPeoplePane *self);
void _koc_people_load_more    (KocPeoplePane *self);
/* koc-people-rows.c */
GtkListItemFactory *_koc_people_row_factory_new (void);

G_END_DECLS
