/* koc-keywords-pane.h: the Keywords pane — a keyword cloud per brand and period, rising
 * keywords, the posts of a keyword, the user's words and stopwords, cloud export.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_TYPE_KEYWORDS_PANE (koc_keywords_pane_get_type ())
G_DECLARE_FINAL_TYPE (KocKeywordsPane, koc_keywords_pane, KOC, KEYWORDS_PANE, GtkWidget)

/* Shows @store's keywords (NULL: the empty state). Brings the aggregates up to date on
 * the store's worker first (only posts not aggregated yet are read). */
void koc_keywords_pane_set_store (KocKeywordsPane *self,
                                  KocStore        *store);
/* Reads the store again (after a sync or an import). */
void koc_keywords_pane_reload    (KocKeywordsPane *self);
/* TRUE while the store is being read (tests wait for FALSE). */
gboolean koc_keywords_pane_is_busy (KocKeywordsPane *self);
/* Shows the posts of @keyword, as a click on it does. */
void koc_keywords_pane_select_keyword (KocKeywordsPane *self,
                                       const char      *keyword);

/* Monthly report (koc-keywords-report.c): writes the PDF of the UTC month @year-@month
 * to @path as "Monthly Report…" does after its dialogs — the catch-up and the numbers on
 * the store's worker, the drawing on a thread of its own, progress and Cancel in the
 * pane, a toast or an error dialog at the end. FALSE when a report is already running. */
gboolean koc_keywords_pane_start_report  (KocKeywordsPane *self,
                                          int              year,
                                          int              month,
                                          const char      *path);
void     koc_keywords_pane_cancel_report (KocKeywordsPane *self);
/* TRUE from the start of a report until its toast or error. */
gboolean koc_keywords_pane_is_reporting  (KocKeywordsPane *self);

G_END_DECLS
