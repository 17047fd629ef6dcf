/* koc-mediakit-charts.h: the standard charts of a person's profile, built from a
 * KocPersonProfile — shared by the media kits and the People pane, so the screen and
 * the PDF show the same pictures. All titles and series names are translated.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-chart-bar.h"
#include "koc-chart-line.h"
#include "koc-person.h"

G_BEGIN_DECLS

/* Followers over time: one series per account with snapshots ("Xiaohongshu @handle"),
 * at most @max_accounts (0: all), biggest accounts first. */
KocChartLine *koc_mediakit_chart_followers    (const KocPersonProfile *profile,
                                               guint                   max_accounts);
/* Engagement rate over time from the snapshots that have one, one series per account. */
KocChartLine *koc_mediakit_chart_engagement   (const KocPersonProfile *profile,
                                               guint                   max_accounts);
/* Posts per month over profile->months. */
KocChartBar  *koc_mediakit_chart_posts_per_month (const KocPersonProfile *profile);
/* Mean engagement rate by post kind (kinds without a rate are left out). */
KocChartBar  *koc_mediakit_chart_kinds        (const KocPersonProfile *profile);

/* "Xiaohongshu @handle": the label of an account in legends and lists. */
char         *koc_mediakit_account_label      (const KocPersonAccount *account);

G_END_DECLS
