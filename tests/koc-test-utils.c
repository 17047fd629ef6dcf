/* koc-test-utils.c: helpers shared by the headless tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "koc-test-utils.h"

#include <glib/gstdio.h>

void
koc_test_result_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

void
koc_test_wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

char *
koc_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kocdesk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
koc_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      koc_test_rm_rf (child);
    }
  g_rmdir (path);
}

char *
koc_test_corpus_file (const char *name)
{
  const char *dir = g_getenv ("KOCDESK_CORPUS_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    dir = "/work/shared/corpus";
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf ("corpus file %s not found (set KOCDESK_CORPUS_DIR)", path);
      g_test_skip (msg);
      return NULL;
    }
  return g_steal_pointer (&path);
}
