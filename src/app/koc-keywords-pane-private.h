/* koc-keywords-pane-private.h: the Keywords pane's state, shared by its files
 * (koc-keywords-pane.c: keywords, posts, lexicon; koc-keywords-share.c: share of voice;
 * koc-keywords-compare.c: own brand vs a competitor; koc-keywords-report.c: cloud export
 * and the monthly report).
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
  GtkStack            *view_stack;
  GtkDropDown         *competitor_dropdown;
  GtkStack            *compare_stack;
  GtkLabel            *compare_heading[2];  /* own brand, competitor */
  GtkLabel            *compare_summary[2];
  KocKeywordsCloud    *compare_cloud[2];
  GtkBox              *compare_koc[2];
  GtkRevealer         *report_revealer;
  GtkLabel            *report_label;
  GtkProgressBar      *report_progress;
  GtkButton           *report_cancel_button;

  KocStore            *store;
  GCancellable        *cancellable;       /* the overview and keyword loads */
  GCancellable        *posts_cancellable;
  KocKeywordsOverview *overview;
  GCancellable        *share_cancellable;
  GArray              *share;             /* KocShareOfVoice of the shown brands */
  KocChartArea        *share_chart;
  GCancellable        *compare_cancellable;
  GArray              *competitor_ids;    /* guint: index in overview->brands per competitor row */
  gboolean             compare_stale;     /* to load when the Competitors view is shown */
  GCancellable        *report_cancellable; /* set while a monthly report runs */
  struct _KocKeywordsReportJob *report;
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

/* Lists the posts with @keyword of @brand_id (0: every post) in the period. */
void     _koc_keywords_pane_show_posts   (KocKeywordsPane *self,
                                          const char      *keyword,
                                          gint64           brand_id);

/* koc-keywords-compare.c */
void     _koc_keywords_compare_init      (KocKeywordsPane *self);
void     _koc_keywords_compare_fill      (KocKeywordsPane *self);
void     _koc_keywords_compare_load      (KocKeywordsPane *self);
void     _koc_keywords_compare_dispose   (KocKeywordsPane *self);

/* koc-keywords-report.c */
void     _koc_keywords_report_class_init (GtkWidgetClass  *widget_class);
void     _koc_keywords_report_init       (KocKeywordsPane *self);
void     _koc_keywords_report_dispose    (KocKeywordsPane *self);
void     _koc_keywords_pane_show_toast   (KocKeywordsPane *self,
                                          AdwToast        *toast);

/* koc-keywords-share.c */
void     _koc_keywords_share_init        (KocKeywordsPane *self);
void     _koc_keywords_share_load        (KocKeywordsPane *self);

G_END_DECLS
