/* koc-metainfo.h: the few AppStream metainfo fields the About window shows.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *name;
  char *summary;
  char *developer_name;
  char *project_license;
  char *homepage;
  char *bugtracker;
  char *release_version;  /* newest release */
  char *release_date;
  char *release_notes;    /* its description as the <p>/<ul>/<li> markup AdwAboutWindow takes */
} KocMetainfo;

/* Parses a (merged, possibly translated) metainfo document. Translated elements
 * (xml:lang) are picked for the best of @languages (g_get_language_names() when NULL). */
G_GNUC_WARN_UNUSED_RESULT
KocMetainfo *koc_metainfo_parse (const char          *data,
                                 gssize               length,
                                 const char * const  *languages,
                                 GError             **error);
void         koc_metainfo_free  (KocMetainfo         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocMetainfo, koc_metainfo_free)

G_END_DECLS
