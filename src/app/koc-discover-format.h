/* koc-discover-format.h: how Discover shows numbers, dates and names.
 *
 * GTK-free and locale-aware: large counts are grouped the way the UI language reads
 * them (12.3k / 1.2M in English, 1.2万 / 3.4亿 in Chinese). Every function returns a new
 * string. The names of stored keys (platform, stage…) are in koc-names.h.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "koc-names.h"

G_BEGIN_DECLS

/* TRUE when the UI's translation groups numbers by 10,000 (万/亿): Chinese. */
gboolean  koc_format_uses_myriads        (void);
/* For tests: force (1) or forbid (0) myriad grouping; -1 follows the translation. */
void      koc_format_set_myriads         (int         myriads);

char     *koc_format_count               (gint64      count);
/* @fraction 0.0523 → "5.2%"; negative (unknown) → "—". */
char     *koc_format_percent             (double      fraction);
/* @score 0–100 → "72"; negative (not scored) → "—". */
char     *koc_format_score               (double      score);
/* Relative to @now (Unix seconds): "Today", "3 days ago", "2 months ago";
 * 0 → "—". */
char     *koc_format_relative_time       (gint64      when,
                                          gint64      now);
/* A full, grouped number: 12,345. */
char     *koc_format_grouped             (gint64      count);

G_END_DECLS
