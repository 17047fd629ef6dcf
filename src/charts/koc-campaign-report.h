/* koc-campaign-report.h: a campaign report — a two-page A4 PDF: the campaign (brand,
 * dates, goal, budget), its numbers (posts, engagement, views, EMV labelled an estimate,
 * redemptions and revenue, cost and cost per engagement), the funnel by stage, posts and
 * engagement per week, redemptions and revenue per week, the top performers and the EMV
 * values used. The charts are those of the app (koc-chart-funnel, -line, -bar).
 *
 * Two steps like koc-report.h: koc_campaign_report_gather() on the store's worker,
 * koc_campaign_report_write_pdf() on any one thread. Used by `kocdesk-cli report
 * campaign` and the Campaigns pane's "Export Report (PDF)…".
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _KocCampaignReport KocCampaignReport;

KocCampaignReport *koc_campaign_report_gather    (sqlite3            *db,
                                                  gint64              campaign_id,
                                                  GError            **error);
void               koc_campaign_report_free      (KocCampaignReport  *report);
/* Weeks with a deliverable post (the points of the posts chart). */
guint              koc_campaign_report_get_n_weeks (KocCampaignReport *report);

/* Through @path.partial, renamed at the end. @workspace is printed under the title. */
gboolean           koc_campaign_report_write_pdf (KocCampaignReport  *report,
                                                  const char         *workspace,
                                                  const char         *path,
                                                  GCancellable       *cancellable,
                                                  GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocCampaignReport, koc_campaign_report_free)

G_END_DECLS
