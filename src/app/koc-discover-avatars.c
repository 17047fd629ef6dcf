/* koc-discover-avatars.c: avatars of a page of Discover results, loaded after it.
 *
 * The rows show at once with initials. Then the page's avatar hashes are read on the
 * store's worker in one statement, and the images come through the shared texture
 * loader (koc-media-textures.c): the workspace's `media` table, else the media cache
 * (disk, then the server) when the workspace syncs; decoded on the main loop a few per
 * low-priority idle and set on the items, whose cells follow notify::avatar. A new
 * search cancels both steps with the page.
 *
 * Not on a worker thread: SVG avatars carry text, and librsvg lays it out with Pango and
 * fontconfig, which the UI thread uses at the same time; Pango is not thread-safe, and a
 * test run crashed once while decoding happened on a GTask thread.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-avatars"

#include "config.h"

#include "koc-db.h"
#include "koc-discover-pane-private.h"
#include "koc-media-textures.h"

typedef struct
{
  KocDiscoverPane *self;    /* owned */
  GPtrArray       *items;   /* KocAccountItem, the page */
  GCancellable    *cancellable;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_ptr_array_unref (load->items);
  g_object_unref (load->cancellable);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

/* On the store's worker: the avatar sha256 of each given account (an array of gint64),
 * in the same order (NULL for none). */
static gboolean
read_hashes_func (sqlite3       *db,
                  gpointer       data,
                  gpointer      *result,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GArray *ids = data;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_full (ids->len, g_free);
  g_autoptr(GString) json = g_string_new ("[");
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* json_each() takes the whole page as one bound parameter. */
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');

  if (!koc_db_prepare (db, "SELECT a.avatar_sha256 FROM json_each (?1) j"
                           " LEFT JOIN accounts a ON a.id = j.value ORDER BY j.key",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, json->str, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (hashes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "avatars", error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  *result = g_steal_pointer (&hashes);
  return TRUE;
}

static void
set_avatar (GObject    *target,
            GdkTexture *texture)
{
  koc_account_item_set_avatar (KOC_ACCOUNT_ITEM (target), G_OBJECT (texture));
}

static void
hashes_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hashes = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &hashes, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read avatars: %s", error->message);
      return;
    }
  g_return_if_fail (hashes->len == load->items->len);
  koc_media_textures_load_cached (koc_media_textures_cache_for (GTK_WIDGET (load->self)), KOC_STORE (source), load->items,
                                  hashes, set_avatar, load->cancellable);
}

void
_koc_discover_load_avatars (KocDiscoverPane *self,
                            GPtrArray       *items)
{
  GArray *ids;
  Load *load;

  if (self->store == NULL || items->len == 0)
    return;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), items->len);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = koc_account_item_get_account_id (items->pdata[i]);
      g_array_append_val (ids, id);
    }

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->items = g_ptr_array_ref (items);
  load->cancellable = g_object_ref (self->search_cancellable);
  koc_store_run_async (self->store, read_hashes_func, ids, (GDestroyNotify) g_array_unref,
                       (GDestroyNotify) g_ptr_array_unref, load->cancellable, hashes_read_cb, load);
}
