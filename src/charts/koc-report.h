/* koc-report.h: the monthly KOC report — a one-page A4 PDF of a month's performance of
 * the own brands (new advocates, posts mentioning an own brand and their engagement,
 * share of voice among all brands, side-by-side keyword clouds of the own brands, top
 * KOC by engagement), from the keyword aggregates (koc-keyword-store.h).
 *
 * Two steps, so a caller can put each on the right thread: koc_report_gather() reads the
 * workspace on the store's worker (the aggregates must be up to date:
 * koc_keyword_store_refresh() first), koc_report_write_pdf() draws on any one thread
 * (Pango's default font map is per thread since 1.32.6). Used by `kocdesk-cli report`
 * and the Keywords pane's "Monthly Report…".
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _KocReport KocReport;

/* Parses "YYYY-MM" (1970 or later); FALSE when it is not a month. */
gboolean   koc_report_parse_month (const char    *text,
                                   int           *year,
                                   int           *month);

/* The month's numbers (UTC month @year-@month); a store function's body. */
KocReport *koc_report_gather      (sqlite3       *db,
                                   int            year,
                                   int            month,
                                   GCancellable  *cancellable,
                                   GError       **error);
void       koc_report_free        (KocReport     *report);

/* Posts mentioning an own brand in the month. */
gint64     koc_report_get_posts   (KocReport     *report);

/* Writes the PDF to @path (through @path.partial, renamed at the end, so a failure or a
 * cancellation leaves no half file). @workspace is printed under the title. */
gboolean   koc_report_write_pdf   (KocReport     *report,
                                   const char    *workspace,
                                   const char    *path,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocReport, koc_report_free)

G_END_DECLS
