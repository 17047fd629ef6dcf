/* koc-names.c: translated display names of the keys a workspace stores (platform,
 * stage, tier, category), shared by the panes, the media kits and the command line.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "koc-names.h"

const char *
koc_format_platform_name (const char *platform)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "xiaohongshu", N_("Xiaohongshu") },
    { "douyin", N_("Douyin") },
    { "weibo", N_("Weibo") },
    { "bilibili", N_("Bilibili") },
    { "wechat", N_("WeChat") },
    { "tmall", N_("Tmall") },
    { "instagram", N_("Instagram") },
    { "tiktok", N_("TikTok") },
    { "youtube", N_("YouTube") },
    { "other", N_("Other") },
  };

  if (platform == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (platform, names[i].id))
      return _(names[i].name);
  return platform;
}

const char *
koc_format_stage_name (const char *stage)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "discovered", NC_("stage", "Discovered") },
    { "engaged", NC_("stage", "Engaged") },
    { "advocate", NC_("stage", "Advocate") },
    { "ambassador", NC_("stage", "Ambassador") },
    { "dormant", NC_("stage", "Dormant") },
    { "detractor", NC_("stage", "Detractor") },
  };

  if (stage == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (stage, names[i].id))
      return g_dpgettext2 (GETTEXT_PACKAGE, "stage", names[i].name);
  return stage;
}

const char *
koc_format_tier_name (const char *tier)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "nano", NC_("tier", "Nano") },
    { "micro", NC_("tier", "Micro") },
    { "mid", NC_("tier", "Mid-tier") },
    { "macro", NC_("tier", "Macro") },
    { "mega", NC_("tier", "Mega") },
  };

  if (tier == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (tier, names[i].id))
      return g_dpgettext2 (GETTEXT_PACKAGE, "tier", names[i].name);
  return tier;
}

const char *
koc_format_category_name (const char *category)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "beauty", NC_("category", "Beauty") },
    { "food", NC_("category", "Food") },
    { "tech", NC_("category", "Tech") },
    { "lifestyle", NC_("category", "Lifestyle") },
    { "parenting", NC_("category", "Parenting") },
    { "fitness", NC_("category", "Fitness") },
    { "fashion", NC_("category", "Fashion") },
    { "travel", NC_("category", "Travel") },
  };

  if (category == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (category, names[i].id))
      return g_dpgettext2 (GETTEXT_PACKAGE, "category", names[i].name);
  return category;
}
