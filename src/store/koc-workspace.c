/* koc-workspace.c: workspace folder, names and listing.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-workspace"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-store.h"
#include "koc-workspace.h"

#define MAX_NAME_CHARS 80

char *
koc_workspace_get_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "kocdesk", NULL);
}

gboolean
koc_workspace_name_validate (const char  *name,
                             GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                           _("The workspace name is not valid text."));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                           _("Enter a name for the workspace."));
      return FALSE;
    }

  if (strcmp (stripped, name) != 0)
    {
      g_set_error_literal (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                           _("A workspace name cannot start or end with a space."));
      return FALSE;
    }

  if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("A workspace name can be at most %d characters long."), MAX_NAME_CHARS);
      return FALSE;
    }

  if (name[0] == '.' || strchr (name, '/') != NULL || strchr (name, '\\') != NULL)
    {
      g_set_error_literal (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                           _("A workspace name cannot contain “/” or “\\” or start with “.”."));
      return FALSE;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                             _("A workspace name cannot contain control characters."));
        return FALSE;
      }

  return TRUE;
}

char *
koc_workspace_build_path (const char *dir,
                          const char *name)
{
  g_autofree char *file = g_strconcat (name, KOC_WORKSPACE_SUFFIX, NULL);

  return g_build_filename (dir, file, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

GStrv
koc_workspace_list_sync (const char    *dir,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) folder = g_dir_open (dir, 0, &local_error);
  const char *entry;

  if (folder == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_new0 (char *, 1);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((entry = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *utf8 = NULL;
      gsize len;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!g_str_has_suffix (entry, KOC_WORKSPACE_SUFFIX) || entry[0] == '.')
        continue;

      utf8 = g_filename_to_utf8 (entry, -1, NULL, NULL, NULL);
      if (utf8 == NULL)
        continue;

      len = strlen (utf8) - strlen (KOC_WORKSPACE_SUFFIX);
      if (len == 0)
        continue;
      g_ptr_array_add (names, g_strndup (utf8, len));
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_steal (names, NULL);
}
