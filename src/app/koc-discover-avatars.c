/* koc-discover-avatars.c: avatars of a page of Discover results, loaded after it.
 *
 * The rows show at once with initials. Then the page's avatar images (media blobs,
 * SVG in the demo) are read on the store's worker in one statement and decoded into
 * textures on the main loop, a few per low-priority idle (a small SVG takes about a
 * millisecond), and set on the items, whose cells follow notify::avatar. A new search
 * cancels both steps with the page.
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

#include "koc-discover-pane-private.h"

typedef struct
{
  gint64   account_id;
  GBytes  *bytes;      /* the image file, decoded on the main loop */
} Avatar;

static void
avatar_free (gpointer data)
{
  Avatar *avatar = data;

  g_clear_pointer (&avatar->bytes, g_bytes_unref);
  g_free (avatar);
}

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

/* On the store's worker: the image bytes of the given accounts (an array of gint64). */
static gboolean
read_avatars_func (sqlite3       *db,
                   gpointer       data,
                   gpointer      *result,
                   GCancellable  *cancellable,
                   GError       **error)
{
  GArray *ids = data;
  g_autoptr(GPtrArray) avatars = g_ptr_array_new_with_free_func (avatar_free);
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_DONE;

  /* json_each() takes the whole page as one bound parameter. */
  g_autoptr(GString) json = g_string_new ("[");
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');

  if (sqlite3_prepare_v2 (db, "SELECT a.id, m.data FROM json_each (?1) j"
                              " JOIN accounts a ON a.id = j.value"
                              " JOIN media m ON m.sha256 = a.avatar_sha256"
                              " WHERE m.data IS NOT NULL", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, json->str, -1, SQLITE_TRANSIENT);
  while (!g_cancellable_is_cancelled (cancellable) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Avatar *avatar = g_new0 (Avatar, 1);

      avatar->account_id = sqlite3_column_int64 (stmt, 0);
      avatar->bytes = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      g_ptr_array_add (avatars, avatar);
    }
  sqlite3_finalize (stmt);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED, "%s", sqlite3_errstr (rc));
      return FALSE;
    }
  *result = g_steal_pointer (&avatars);
  return TRUE;
}

#define DECODE_PER_IDLE 4

typedef struct
{
  Load       *load;
  GPtrArray  *avatars;  /* Avatar */
  GHashTable *items;    /* account id → KocAccountItem of the page */
  guint       next;
} Decode;

static void
decode_free (gpointer data)
{
  Decode *decode = data;

  load_free (decode->load);
  g_ptr_array_unref (decode->avatars);
  g_hash_table_unref (decode->items);
  g_free (decode);
}

/* A few avatars per call, so scrolling and typing stay smooth meanwhile. */
static gboolean
decode_some_cb (gpointer data)
{
  Decode *decode = data;

  if (g_cancellable_is_cancelled (decode->load->cancellable))
    return G_SOURCE_REMOVE;

  for (guint n = 0; n < DECODE_PER_IDLE && decode->next < decode->avatars->len; n++)
    {
      Avatar *avatar = decode->avatars->pdata[decode->next++];
      KocAccountItem *item = g_hash_table_lookup (decode->items, &avatar->account_id);
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;

      if (item == NULL)
        continue;
      texture = gdk_texture_new_from_bytes (avatar->bytes, &error);
      if (texture != NULL)
        koc_account_item_set_avatar (item, G_OBJECT (texture));
      else
        g_debug ("Avatar of account %" G_GINT64_FORMAT " not decoded: %s", avatar->account_id, error->message);
    }

  return decode->next < decode->avatars->len ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
avatars_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GError) error = NULL;
  gpointer avatars = NULL;
  Decode *decode;

  if (!koc_store_run_finish (KOC_STORE (source), result, &avatars, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read avatars: %s", error->message);
      return;
    }

  decode = g_new0 (Decode, 1);
  decode->avatars = avatars;
  decode->items = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < load->items->len; i++)
    {
      KocAccountItem *item = load->items->pdata[i];

      g_hash_table_insert (decode->items, (gpointer) &koc_account_item_get_hit (item)->account_id, item);
    }
  decode->load = g_steal_pointer (&load);
  g_idle_add_full (G_PRIORITY_LOW, decode_some_cb, decode, decode_free);
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
  koc_store_run_async (self->store, read_avatars_func, ids, (GDestroyNotify) g_array_unref,
                       (GDestroyNotify) g_ptr_array_unref, load->cancellable, avatars_read_cb, load);
}
