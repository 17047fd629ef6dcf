/* koc-keywords-pane-private.h: the Keywords pane's state, shared by its files
 * (koc-keywords-pane.c: keywords, posts, lexicon; koc-keywords-share.c: share of voice).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-chart-area.h"
#include "koc-keywords-cloud.h"
#include "koc-keywords-pane.h"
#include "koc-keywords-query.h"

G_BEGIN_DECLS

struct _KocKeywordsPane
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkDropDown         *brand_dropdown;
  GtkDropDown         *period_dropdown;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;
  GtkEntry            *lexicon_entry;
  GtkButton           *add_word_button;
  GtkButton           *add_stop_button;
  GtkListBox          *lexicon_list;
  KocKeywordsCloud    *cloud;
  GtkListBox          *rising_list;
  GtkLabel            *posts_heading;
  GtkListBox          *posts_list;
  GtkDropDown         *share_dropdown;
  GtkDrawingArea      *share_area;

  KocStore            *store;
  GCancellable        *cancellable;       /* the overview and keyword loads */
  GCancellable        *posts_cancellable;
  KocKeywordsOverview *overview;
  GCancellable        *share_cancellable;
  GArray              *share;             /* KocShareOfVoice of the shown brands */
  KocChartArea        *share_chart;
  guint                busy;
  gboolean             filling;           /* dropdowns being filled: ignore "selected" */
};

void     _koc_keywords_pane_set_busy     (KocKeywordsPane *self,
                                          gboolean         busy);
/* Shows @error in the status line (nothing for a cancellation). */
gboolean _koc_keywords_pane_report_error (KocKeywordsPane *self,
                                          GError          *error);
/* The chosen period: up to the newest post's time. */
void     _koc_keywords_pane_period       (KocKeywordsPane *self,
                                          gint64          *from,
                                          gint64          *to);

/* koc-keywords-share.c */
void     _koc_keywords_share_init        (KocKeywordsPane *self);
void     _koc_keywords_share_load        (KocKeywordsPane *self);

G_END_DECLS
