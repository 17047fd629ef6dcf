/* koc-mediakit-names.c: translated names of the keys stored in a workspace (platforms,
 * stages — from koc-names.h —, post kinds, score parts), for the media kits and the
 * People pane.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "koc-mediakit.h"
#include "koc-names.h"

typedef struct
{
  const char *key;
  const char *name;
} Name;

static const char *
lookup (const Name *names,
        guint       n,
        const char *key)
{
  if (key == NULL)
    return "";
  for (guint i = 0; i < n; i++)
    if (g_str_equal (names[i].key, key))
      return g_dpgettext2 (GETTEXT_PACKAGE, "stored key", names[i].name);
  return key;
}

const char *
koc_mediakit_platform_name (const char *platform)
{
  return koc_format_platform_name (platform);
}

const char *
koc_mediakit_stage_name (const char *stage)
{
  return koc_format_stage_name (stage);
}

const char *
koc_mediakit_kind_name (const char *kind)
{
  static const Name names[] = {
    { "note", NC_("stored key", "Note") },
    { "video", NC_("stored key", "Video") },
    { "image", NC_("stored key", "Image") },
    { "article", NC_("stored key", "Article") },
    { "live", NC_("stored key", "Live") },
    { "review", NC_("stored key", "Review") },
    { "story", NC_("stored key", "Story") },
    { "other", NC_("stored key", "Other") },
  };
  return lookup (names, G_N_ELEMENTS (names), kind);
}

const char *
koc_mediakit_score_part_name (const char *key)
{
  static const Name names[] = {
    { "engagement", NC_("stored key", "Engagement") },
    { "affinity", NC_("stored key", "Brand affinity") },
    { "authenticity", NC_("stored key", "Authenticity") },
    { "conversion", NC_("stored key", "Conversion") },
    { "recency", NC_("stored key", "Recency") },
  };
  return lookup (names, G_N_ELEMENTS (names), key);
}
