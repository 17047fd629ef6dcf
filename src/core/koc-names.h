/* koc-names.h: translated display names of stored keys ("douyin" → 抖音).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Translated display names; unknown values are returned as they are, NULL as "". */
const char *koc_format_platform_name     (const char *platform);
const char *koc_format_stage_name        (const char *stage);
const char *koc_format_tier_name         (const char *tier);
const char *koc_format_category_name     (const char *category);

G_END_DECLS
