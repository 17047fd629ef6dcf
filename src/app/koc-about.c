/* koc-about.c: the About window, filled from the metainfo the software centres read.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-about"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-about.h"
#include "koc-metainfo.h"

GtkWindow *
koc_about_window_new (GtkWindow *parent)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KocMetainfo) info = NULL;
  g_autoptr(GError) error = NULL;
  AdwAboutWindow *about;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/metainfo.xml", 0, &error);
  if (bytes != NULL)
    info = koc_metainfo_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);
  if (info == NULL)
    g_critical ("Bundled metainfo unreadable: %s", error->message);

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_application_name (about, _("KOC Desk"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© 2026 The KOC Desk authors"));
  /* Translators: replace with your names, one per line, to be credited in About. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  if (info != NULL)
    {
      if (info->summary != NULL)
        adw_about_window_set_comments (about, info->summary);
      if (info->developer_name != NULL)
        adw_about_window_set_developer_name (about, info->developer_name);
      if (info->homepage != NULL)
        adw_about_window_set_website (about, info->homepage);
      if (info->bugtracker != NULL)
        adw_about_window_set_issue_url (about, info->bugtracker);
      if (info->release_version != NULL)
        adw_about_window_set_release_notes_version (about, info->release_version);
      if (info->release_notes != NULL)
        adw_about_window_set_release_notes (about, info->release_notes);
    }

  return GTK_WINDOW (about);
}
