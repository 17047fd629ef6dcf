/* koc-media-textures.c: images from the workspace's `media` table as textures (People
 * avatars and post thumbnails, Discover avatars, Campaigns board cards).
 *
 * One statement on the worker reads the blobs of all the distinct hashes asked for
 * (json_each over a bound JSON array); the main loop decodes DECODE_PER_IDLE of them
 * per low-priority idle and hands each texture to every target that asked for it.
 * Decoding is not done on the worker: SVG avatars carry text, laid out by librsvg with
 * Pango, which the UI thread uses at the same time (see koc-discover-avatars.c).
 *
 * Post thumbnails go through the media cache instead (koc_media_textures_load_cached():
 * workspace, then the disk cache, then the server), one lookup per image.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-media-textures"

#include "config.h"

#include <json-glib/json-glib.h>

#include "koc-db.h"
#include "koc-media-textures.h"
#include "koc-sync-controller.h"
#include "koc-window.h"

#define DECODE_PER_IDLE 4

typedef struct
{
  char   *sha256;
  GBytes *bytes;
} Blob;

static void
blob_free (gpointer data)
{
  Blob *blob = data;

  g_free (blob->sha256);
  g_clear_pointer (&blob->bytes, g_bytes_unref);
  g_free (blob);
}

typedef struct
{
  GPtrArray            *targets;
  GPtrArray            *sha256s;
  KocTextureFunc        func;
  GCancellable         *cancellable;
  GPtrArray            *blobs;   /* Blob, from the worker */
  guint                 next;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_ptr_array_unref (load->targets);
  g_ptr_array_unref (load->sha256s);
  g_clear_object (&load->cancellable);
  g_clear_pointer (&load->blobs, g_ptr_array_unref);
  g_free (load);
}

static gboolean
read_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  const char *json = data;
  g_autoptr(GPtrArray) blobs = g_ptr_array_new_with_free_func (blob_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT m.sha256, m.data FROM media m WHERE m.sha256 IN"
                           " (SELECT value FROM json_each (?1)) AND m.data IS NOT NULL",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Blob *blob = g_new0 (Blob, 1);

      blob->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      blob->bytes = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      g_ptr_array_add (blobs, blob);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "media", error);
  *result = g_steal_pointer (&blobs);
  return TRUE;
}

static gboolean
decode_some_cb (gpointer data)
{
  Load *load = data;

  if (g_cancellable_is_cancelled (load->cancellable))
    return G_SOURCE_REMOVE;

  for (guint n = 0; n < DECODE_PER_IDLE && load->next < load->blobs->len; n++)
    {
      Blob *blob = load->blobs->pdata[load->next++];
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;

      texture = gdk_texture_new_from_bytes (blob->bytes, &error);
      if (texture == NULL)
        {
          g_debug ("Image %s not decoded: %s", blob->sha256, error->message);
          continue;
        }
      for (guint i = 0; i < load->targets->len; i++)
        if (g_strcmp0 (load->sha256s->pdata[i], blob->sha256) == 0)
          load->func (load->targets->pdata[i], texture);
    }
  return load->next < load->blobs->len ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
read_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;
  gpointer blobs = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, &blobs, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read images: %s", error->message);
      load_free (load);
      return;
    }
  load->blobs = blobs;
  g_idle_add_full (G_PRIORITY_LOW, decode_some_cb, load, load_free);
}

void
koc_media_textures_load (KocStore       *store,
                         GPtrArray      *targets,
                         GPtrArray      *sha256s,
                         KocTextureFunc  func,
                         GCancellable   *cancellable)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Load *load;

  g_return_if_fail (targets->len == sha256s->len);

  json_builder_begin_array (builder);
  for (guint i = 0; i < sha256s->len; i++)
    if (sha256s->pdata[i] != NULL && g_hash_table_add (seen, sha256s->pdata[i]))
      json_builder_add_string_value (builder, sha256s->pdata[i]);
  json_builder_end_array (builder);
  if (g_hash_table_size (seen) == 0)
    return;
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  load = g_new0 (Load, 1);
  load->targets = g_ptr_array_ref (targets);
  load->sha256s = g_ptr_array_ref (sha256s);
  load->func = func;
  load->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  koc_store_run_async (store, read_func, json_generator_to_data (generator, NULL), g_free,
                       (GDestroyNotify) g_ptr_array_unref, load->cancellable, read_ready_cb, load);
}

/* Through the media cache */

typedef struct
{
  GPtrArray            *targets;
  GPtrArray            *sha256s;
  KocTextureFunc        func;
  GCancellable         *cancellable;
  GQueue                blobs;   /* Blob, answers not decoded yet */
  guint                 idle_id; /* the idle holds a reference */
} CacheLoad;

static void
cache_load_clear (gpointer data)
{
  CacheLoad *load = data;

  g_ptr_array_unref (load->targets);
  g_ptr_array_unref (load->sha256s);
  g_clear_object (&load->cancellable);
  g_queue_clear_full (&load->blobs, blob_free);
}

static void
cache_load_unref (gpointer data)
{
  g_rc_box_release_full (data, cache_load_clear);
}

static gboolean
cache_decode_cb (gpointer data)
{
  CacheLoad *load = data;

  for (guint n = 0; n < DECODE_PER_IDLE && !g_queue_is_empty (&load->blobs); n++)
    {
      Blob *blob = g_queue_pop_head (&load->blobs);
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_cancellable_is_cancelled (load->cancellable) &&
          (texture = gdk_texture_new_from_bytes (blob->bytes, &error)) != NULL)
        {
          for (guint i = 0; i < load->targets->len; i++)
            if (g_strcmp0 (load->sha256s->pdata[i], blob->sha256) == 0)
              load->func (load->targets->pdata[i], texture);
        }
      else if (error != NULL)
        g_debug ("Image %s not decoded: %s", blob->sha256, error->message);
      blob_free (blob);
    }
  if (!g_queue_is_empty (&load->blobs))
    return G_SOURCE_CONTINUE;
  load->idle_id = 0;
  return G_SOURCE_REMOVE;
}

typedef struct
{
  CacheLoad *load;  /* a reference (g_rc_box) */
  char      *sha256;
} CacheLookup;

static void
cache_lookup_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CacheLookup *lookup = user_data;
  CacheLoad *load = lookup->load;
  g_autoptr(GError) error = NULL;
  GBytes *bytes = koc_media_cache_lookup_finish (KOC_MEDIA_CACHE (source), result, NULL, NULL, &error);

  if (bytes != NULL && !g_cancellable_is_cancelled (load->cancellable))
    {
      Blob *blob = g_new0 (Blob, 1);

      blob->sha256 = g_steal_pointer (&lookup->sha256);
      blob->bytes = bytes;
      g_queue_push_tail (&load->blobs, blob);
      if (load->idle_id == 0)
        load->idle_id = g_idle_add_full (G_PRIORITY_LOW, cache_decode_cb,
                                         g_rc_box_acquire (load),
                                         cache_load_unref);
    }
  else
    {
      g_clear_pointer (&bytes, g_bytes_unref);
      /* Not found, offline, corrupt: the placeholder stays. */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Image %s not available: %s", lookup->sha256, error->message);
    }
  cache_load_unref (load);
  g_free (lookup->sha256);
  g_free (lookup);
}

void
koc_media_textures_load_cached (KocMediaCache  *cache,
                                KocStore       *store,
                                GPtrArray      *targets,
                                GPtrArray      *sha256s,
                                KocTextureFunc  func,
                                GCancellable   *cancellable)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CacheLoad *load;

  g_return_if_fail (targets->len == sha256s->len);

  if (cache == NULL)
    {
      koc_media_textures_load (store, targets, sha256s, func, cancellable);
      return;
    }

  load = g_rc_box_new0 (CacheLoad);
  load->targets = g_ptr_array_ref (targets);
  load->sha256s = g_ptr_array_ref (sha256s);
  load->func = func;
  load->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  g_queue_init (&load->blobs);
  for (guint i = 0; i < sha256s->len; i++)
    if (sha256s->pdata[i] != NULL && g_hash_table_add (seen, sha256s->pdata[i]))
      {
        CacheLookup *lookup = g_new0 (CacheLookup, 1);

        lookup->load = g_rc_box_acquire (load);
        lookup->sha256 = g_strdup (sha256s->pdata[i]);
        koc_media_cache_lookup_async (cache, lookup->sha256, KOC_MEDIA_CACHE_LOOKUP_DEFAULT,
                                      load->cancellable, cache_lookup_cb, lookup);
      }
  cache_load_unref (load);
}

KocMediaCache *
koc_media_textures_cache_for (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  KocSyncController *sync;

  if (!KOC_IS_WINDOW (root) || (sync = koc_window_get_sync_controller (KOC_WINDOW (root))) == NULL)
    return NULL;
  return koc_sync_controller_get_media_cache (sync);
}
