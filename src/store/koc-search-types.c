/* koc-search-types.c: the plain structs of koc-search.h — queries, hits — and the
 * snippet markup helper. No SQLite here.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-search"

#include "config.h"

#include <string.h>

#include "koc-search.h"

KocSearchQuery *
koc_search_query_new (void)
{
  KocSearchQuery *query = g_new0 (KocSearchQuery, 1);

  query->min_followers = -1;
  query->max_followers = -1;
  query->min_engagement = -1;
  query->max_engagement = -1;
  return query;
}

KocSearchQuery *
koc_search_query_copy (const KocSearchQuery *query)
{
  KocSearchQuery *copy = g_memdup2 (query, sizeof *query);

  copy->text = g_strdup (query->text);
  copy->platforms = g_strdupv (query->platforms);
  copy->tiers = g_strdupv (query->tiers);
  copy->region = g_strdup (query->region);
  copy->category = g_strdup (query->category);
  copy->stage = g_strdup (query->stage);
  copy->owner = g_strdup (query->owner);
  copy->tags = g_strdupv (query->tags);
  return copy;
}

void
koc_search_query_free (KocSearchQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_strfreev (query->platforms);
  g_strfreev (query->tiers);
  g_free (query->region);
  g_free (query->category);
  g_free (query->stage);
  g_free (query->owner);
  g_strfreev (query->tags);
  g_free (query);
}

void
koc_account_hit_free (KocAccountHit *hit)
{
  g_free (hit->display_name);
  g_free (hit->handle);
  g_free (hit->platform);
  g_free (hit->tier);
  g_free (hit->stage);
  g_free (hit->owner);
  g_free (hit->region);
  g_free (hit->category);
  g_free (hit->snippet);
  g_free (hit);
}

void
koc_post_hit_free (KocPostHit *hit)
{
  g_free (hit->handle);
  g_free (hit->platform);
  g_free (hit->display_name);
  g_free (hit->kind);
  g_free (hit->url);
  g_free (hit->snippet);
  g_free (hit);
}

void
koc_person_hit_free (KocPersonHit *hit)
{
  g_free (hit->display_name);
  g_free (hit->stage);
  g_free (hit->owner);
  g_free (hit->region);
  g_free (hit->category);
  g_free (hit->snippet);
  g_free (hit);
}

char *
koc_search_snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = NULL;
  const char *p;

  if (snippet == NULL)
    return NULL;

  /* Escape the text between markers: g_markup_escape_text() would turn the markers
   * themselves into character references. */
  markup = g_string_new (NULL);
  for (p = snippet; *p != '\0';)
    {
      size_t n = strcspn (p, KOC_SNIPPET_START KOC_SNIPPET_END);
      g_autofree char *escaped = g_markup_escape_text (p, n);

      g_string_append (markup, escaped);
      p += n;
      if (*p == KOC_SNIPPET_START[0])
        g_string_append (markup, "<b>");
      else if (*p == KOC_SNIPPET_END[0])
        g_string_append (markup, "</b>");
      if (*p != '\0')
        p++;
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}
