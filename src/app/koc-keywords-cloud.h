/* koc-keywords-cloud.h: a widget showing a KocChartCloud (src/charts) — light/dark style,
 * the word under the pointer highlighted with its counts in a tooltip, a click emits
 * "keyword-activated", and the cloud's text alternative is the accessible description.
 * Keyboard: Tab/Shift+Tab and the arrow keys move the focus between the words, Enter or
 * Space activates the focused one like a click.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-chart-cloud.h"

G_BEGIN_DECLS

#define KOC_TYPE_KEYWORDS_CLOUD (koc_keywords_cloud_get_type ())
G_DECLARE_FINAL_TYPE (KocKeywordsCloud, koc_keywords_cloud, KOC, KEYWORDS_CLOUD, GtkWidget)

/* Shows @words (copied); n_words 0 clears. */
void           koc_keywords_cloud_set_words  (KocKeywordsCloud   *self,
                                              const KocCloudWord *words,
                                              guint               n_words);
/* The cloud as laid out for the current size (NULL before the first layout). */
KocChartCloud *koc_keywords_cloud_get_cloud  (KocKeywordsCloud   *self);
const char    *koc_keywords_cloud_get_description (KocKeywordsCloud *self);
/* The rank of the word with the keyboard focus (Tab, arrows: the "cloud.move-word"
 * action; Enter: "cloud.activate-word"), or -1. */
int            koc_keywords_cloud_get_focus_word  (KocKeywordsCloud *self);

G_END_DECLS
