/* koc-media-cache.c: avatars and post images by sha256: store, disk, server (see the
 * header). One lookup is a chain of steps on the caller's main context; SQLite runs on
 * the store's worker, disk I/O and hashing in GTask threads.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-media-cache"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/stat.h>

#include "koc-media-cache.h"

struct _KocMediaCache
{
  GObject             parent_instance;

  KocStore           *store;
  GUri               *base_uri;
  char               *token;
  char               *dir;
  SoupSession        *session;
  guint64             max_bytes;
  KocMediaCacheStats  stats;
};

G_DEFINE_FINAL_TYPE (KocMediaCache, koc_media_cache, G_TYPE_OBJECT)
G_DEFINE_QUARK (koc-media-cache-error-quark, koc_media_cache_error)

typedef struct
{
  char           *sha256;
  char           *path;
  char           *dir;         /* the cache folder (the threads do not touch the cache) */
  KocMediaCacheLookupFlags flags;
  GBytes         *bytes;       /* the answer, or the disk copy while revalidating */
  char           *mime;
  KocMediaSource  source;
  SoupMessage    *msg;
  guint64         max_bytes;
  /* filled by the disk threads */
  gboolean        was_corrupt;
  guint           evicted;
  guint64         disk_bytes;
} Lookup;

static void
lookup_free (gpointer data)
{
  Lookup *lookup = data;

  g_free (lookup->sha256);
  g_free (lookup->path);
  g_free (lookup->dir);
  g_clear_pointer (&lookup->bytes, g_bytes_unref);
  g_free (lookup->mime);
  g_clear_object (&lookup->msg);
  g_free (lookup);
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
bytes_match (GBytes     *bytes,
             const char *sha256)
{
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_strcmp0 (sum, sha256) == 0;
}

static char *
guess_mime (GBytes *bytes)
{
  gsize size = 0;
  const guchar *data = g_bytes_get_data (bytes, &size);
  g_autofree char *type = g_content_type_guess (NULL, data, size, NULL);
  char *mime = type != NULL ? g_content_type_get_mime_type (type) : NULL;

  return mime != NULL ? mime : g_strdup ("application/octet-stream");
}

/* Sets the file's mtime to now: the LRU clock. From the precise real-time clock, not
 * UTIME_NOW: the kernel stamps files with a coarse clock (a few ms), which would make a
 * file written just before a hit look as recent as the hit. */
static void
touch (const char *path)
{
  gint64 now = g_get_real_time ();
  struct timespec times[2] = {
    { 0, UTIME_OMIT },
    { now / G_USEC_PER_SEC, (now % G_USEC_PER_SEC) * 1000 },
  };

  utimensat (AT_FDCWD, path, times, 0);
}

typedef struct
{
  char    *path;
  guint64  size;
  gint64   mtime_ns;
} CacheFile;

static void
cache_file_free (gpointer data)
{
  CacheFile *file = data;

  g_free (file->path);
  g_free (file);
}

static int
compare_mtime (gconstpointer a,
               gconstpointer b)
{
  const CacheFile *fa = *(CacheFile * const *) a;
  const CacheFile *fb = *(CacheFile * const *) b;

  if (fa->mtime_ns != fb->mtime_ns)
    return fa->mtime_ns < fb->mtime_ns ? -1 : 1;
  return strcmp (fa->path, fb->path);
}

/* Removes the least recently used files until the folder holds at most @max bytes;
 * @keep (the file just written) goes last. Worker thread. */
static void
evict (const char *dir,
       guint64     max,
       const char *keep,
       guint      *out_evicted,
       guint64    *out_total)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (cache_file_free);
  g_autoptr(GDir) top = g_dir_open (dir, 0, NULL);
  const char *sub;
  guint64 total = 0;

  *out_evicted = 0;
  while (top != NULL && (sub = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *subdir = g_build_filename (dir, sub, NULL);
      g_autoptr(GDir) d = g_dir_open (subdir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          CacheFile *file;
          struct stat st;
          g_autofree char *path = g_build_filename (subdir, name, NULL);

          if (!is_sha256 (name) || stat (path, &st) != 0)
            continue;
          file = g_new0 (CacheFile, 1);
          file->path = g_steal_pointer (&path);
          file->size = st.st_size;
          file->mtime_ns = (gint64)st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
          if (keep != NULL && strcmp (file->path, keep) == 0)
            file->mtime_ns = G_MAXINT64;
          total += file->size;
          g_ptr_array_add (files, file);
        }
    }

  g_ptr_array_sort (files, compare_mtime);
  for (guint i = 0; i < files->len && total > max; i++)
    {
      CacheFile *file = g_ptr_array_index (files, i);

      if (g_unlink (file->path) == 0)
        {
          total -= file->size;
          (*out_evicted)++;
        }
    }
  *out_total = total;
}

static void
read_disk_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Lookup *lookup = task_data;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (lookup->path, FALSE, NULL);
  g_autoptr(GBytes) bytes = NULL;

  if (mapped == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  if (!bytes_match (bytes, lookup->sha256))
    {
      lookup->was_corrupt = TRUE;
      g_unlink (lookup->path);
      g_task_return_boolean (task, FALSE);
      return;
    }
  touch (lookup->path);
  /* A copy: the mapping must not outlive a later eviction of the file. */
  lookup->bytes = g_bytes_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lookup->mime = guess_mime (lookup->bytes);
  g_task_return_boolean (task, TRUE);
}

static void
write_disk_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Lookup *lookup = task_data;
  g_autofree char *parent = g_path_get_dirname (lookup->path);
  GError *error = NULL;

  if (!bytes_match (lookup->bytes, lookup->sha256))
    {
      lookup->was_corrupt = TRUE;
      g_task_return_new_error (task, KOC_MEDIA_CACHE_ERROR, KOC_MEDIA_CACHE_ERROR_CORRUPT,
                               _("The server sent other bytes than media %s. Nothing was kept."),
                               lookup->sha256);
      return;
    }

  if (g_mkdir_with_parents (parent, 0700) != 0 ||
      !g_file_set_contents_full (lookup->path, g_bytes_get_data (lookup->bytes, NULL),
                                 g_bytes_get_size (lookup->bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      /* A full or read-only cache still answers: the bytes are in memory. */
      g_warning ("Could not write the media cache: %s", error ? error->message : g_strerror (errno));
      g_clear_error (&error);
    }
  else
    {
      touch (lookup->path);
      evict (lookup->dir, lookup->max_bytes, lookup->path, &lookup->evicted, &lookup->disk_bytes);
    }

  g_task_return_boolean (task, TRUE);
}

static void fetch (GTask *task);

/* Takes @task. */
static void
finish_ok (GTask          *task,
           KocMediaSource  source)
{
  Lookup *lookup = g_task_get_task_data (task);

  lookup->source = source;
  g_task_return_pointer (task, g_bytes_ref (lookup->bytes), (GDestroyNotify) g_bytes_unref);
  g_object_unref (task);
}

static void
disk_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KocMediaCache *self = g_task_get_source_object (task);
  Lookup *lookup = g_task_get_task_data (task);
  gboolean hit = g_task_propagate_boolean (G_TASK (result), NULL);

  if (lookup->was_corrupt)
    self->stats.corrupt++;
  lookup->was_corrupt = FALSE;

  if (hit && !(lookup->flags & KOC_MEDIA_CACHE_LOOKUP_REVALIDATE && self->base_uri != NULL))
    {
      self->stats.disk_hits++;
      finish_ok (g_steal_pointer (&task), KOC_MEDIA_SOURCE_DISK);
      return;
    }
  fetch (g_steal_pointer (&task));
}

static void
read_disk (GTask *task)
{
  /* No source object: a thread task may be released by its thread after the callback,
   * which must not keep the cache (and its store) alive. */
  GTask *sub = g_task_new (NULL, g_task_get_cancellable (task), disk_read_cb, task);

  g_task_set_task_data (sub, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (sub, read_disk_thread);
  g_object_unref (sub);
}

static gboolean
store_query (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Lookup *lookup = data;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT mime, data FROM media WHERE sha256 = ?1 AND data IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    return TRUE; /* no media table: not an error, the cache goes on */
  sqlite3_bind_text (stmt, 1, lookup->sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const void *blob = sqlite3_column_blob (stmt, 1);
      g_autoptr(GBytes) bytes = g_bytes_new (blob, sqlite3_column_bytes (stmt, 1));

      if (bytes_match (bytes, lookup->sha256))
        {
          lookup->mime = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          lookup->bytes = g_steal_pointer (&bytes);
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static void
store_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KocMediaCache *self = g_task_get_source_object (task);
  Lookup *lookup = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (lookup->bytes != NULL)
    {
      self->stats.store_hits++;
      finish_ok (g_steal_pointer (&task), KOC_MEDIA_SOURCE_STORE);
      return;
    }
  read_disk (g_steal_pointer (&task));
}

static void
disk_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KocMediaCache *self = g_task_get_source_object (task);
  Lookup *lookup = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  self->stats.evicted += lookup->evicted;
  if (lookup->disk_bytes > 0)
    self->stats.disk_bytes = lookup->disk_bytes;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (lookup->was_corrupt)
        self->stats.corrupt++;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->stats.fetched++;
  finish_ok (g_steal_pointer (&task), KOC_MEDIA_SOURCE_NETWORK);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KocMediaCache *self = g_task_get_source_object (task);
  Lookup *lookup = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  guint status;
  GCancellable *cancellable;
  GTask *sub;

  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, KOC_MEDIA_CACHE_ERROR, KOC_MEDIA_CACHE_ERROR_OFFLINE,
                                 _("This image is not on this computer yet and the server cannot be reached (%s)."),
                                 error->message);
      return;
    }

  status = soup_message_get_status (lookup->msg);
  if (status == SOUP_STATUS_NOT_MODIFIED && lookup->bytes != NULL)
    {
      self->stats.not_modified++;
      finish_ok (g_steal_pointer (&task), KOC_MEDIA_SOURCE_NOT_MODIFIED);
      return;
    }
  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_task_return_new_error (task, KOC_MEDIA_CACHE_ERROR, KOC_MEDIA_CACHE_ERROR_NOT_FOUND,
                               _("The server does not have this image."));
      return;
    }
  if (status != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, KOC_MEDIA_CACHE_ERROR, KOC_MEDIA_CACHE_ERROR_FAILED,
                               status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN
                               ? _("The server refused the access token. Sign in again.")
                               : _("The server could not send this image. Try again later."));
      return;
    }

  g_clear_pointer (&lookup->bytes, g_bytes_unref);
  g_clear_pointer (&lookup->mime, g_free);
  lookup->bytes = g_steal_pointer (&body);
  {
    const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (lookup->msg), NULL);
    lookup->mime = type != NULL ? g_strdup (type) : guess_mime (lookup->bytes);
  }
  cancellable = g_task_get_cancellable (task);
  sub = g_task_new (NULL, cancellable, disk_written_cb, g_steal_pointer (&task));
  g_task_set_task_data (sub, lookup, NULL);
  g_task_run_in_thread (sub, write_disk_thread);
  g_object_unref (sub);
}

static void
fetch (GTask *task)
{
  KocMediaCache *self = g_task_get_source_object (task);
  Lookup *lookup = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *auth = NULL;
  SoupMessageHeaders *headers;

  if (self->base_uri == NULL)
    {
      g_task_return_new_error (task, KOC_MEDIA_CACHE_ERROR, KOC_MEDIA_CACHE_ERROR_NOT_FOUND,
                               _("This image is not in the workspace."));
      g_object_unref (task);
      return;
    }

  path = g_strconcat ("v1/media/", lookup->sha256, NULL);
  uri = g_uri_parse_relative (self->base_uri, path, SOUP_HTTP_URI_FLAGS, NULL);
  g_clear_object (&lookup->msg);
  lookup->msg = soup_message_new_from_uri ("GET", uri);
  headers = soup_message_get_request_headers (lookup->msg);
  auth = g_strconcat ("Bearer ", self->token, NULL);
  soup_message_headers_replace (headers, "Authorization", auth);
  memset (auth, 0, strlen (auth));
  if (lookup->bytes != NULL)
    {
      g_autofree char *etag = g_strdup_printf ("\"%s\"", lookup->sha256);
      soup_message_headers_replace (headers, "If-None-Match", etag);
    }
  soup_session_send_and_read_async (self->session, lookup->msg, G_PRIORITY_LOW,
                                    g_task_get_cancellable (task), fetched_cb, task);
}

void
koc_media_cache_lookup_async (KocMediaCache            *self,
                              const char               *sha256,
                              KocMediaCacheLookupFlags  flags,
                              GCancellable             *cancellable,
                              GAsyncReadyCallback       callback,
                              gpointer                  user_data)
{
  GTask *task;
  Lookup *lookup;

  g_return_if_fail (KOC_IS_MEDIA_CACHE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, koc_media_cache_lookup_async);
  if (!is_sha256 (sha256))
    {
      g_task_return_new_error (task, KOC_MEDIA_CACHE_ERROR, KOC_MEDIA_CACHE_ERROR_INVALID,
                               "“%s” is not a sha256", sha256 ? sha256 : "(null)");
      g_object_unref (task);
      return;
    }

  lookup = g_new0 (Lookup, 1);
  lookup->sha256 = g_strdup (sha256);
  lookup->flags = flags;
  lookup->max_bytes = self->max_bytes;
  lookup->dir = g_strdup (self->dir);
  {
    char sub[3] = { sha256[0], sha256[1], '\0' };
    lookup->path = g_build_filename (self->dir, sub, sha256, NULL);
  }
  g_task_set_task_data (task, lookup, lookup_free);

  if (self->store != NULL)
    koc_store_run_async (self->store, store_query, lookup, NULL, NULL, cancellable,
                         store_ready_cb, task);
  else
    read_disk (task);
}

GBytes *
koc_media_cache_lookup_finish (KocMediaCache   *self,
                               GAsyncResult    *result,
                               char           **out_mime,
                               KocMediaSource  *out_source,
                               GError         **error)
{
  Lookup *lookup;
  GBytes *bytes;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  lookup = g_task_get_task_data (G_TASK (result));
  if (bytes != NULL)
    {
      if (out_mime != NULL)
        *out_mime = g_strdup (lookup->mime);
      if (out_source != NULL)
        *out_source = lookup->source;
    }
  return bytes;
}

static void
koc_media_cache_finalize (GObject *object)
{
  KocMediaCache *self = KOC_MEDIA_CACHE (object);

  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_pointer (&self->base_uri, g_uri_unref);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->dir, g_free);

  G_OBJECT_CLASS (koc_media_cache_parent_class)->finalize (object);
}

static void
koc_media_cache_class_init (KocMediaCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koc_media_cache_finalize;
}

static void
koc_media_cache_init (KocMediaCache *self)
{
  self->max_bytes = KOC_MEDIA_CACHE_DEFAULT_MAX_BYTES;
}

KocMediaCache *
koc_media_cache_new (KocStore   *store,
                     const char *server_url,
                     const char *token,
                     const char *dir)
{
  KocMediaCache *self;

  g_return_val_if_fail (store == NULL || KOC_IS_STORE (store), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (KOC_TYPE_MEDIA_CACHE, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->dir = g_strdup (dir);
  if (server_url != NULL && *server_url != '\0' && token != NULL && *token != '\0')
    {
      self->base_uri = g_uri_parse (server_url, SOUP_HTTP_URI_FLAGS, NULL);
      self->token = g_strdup (token);
      self->session = soup_session_new_with_options ("timeout", 30, "max-conns-per-host", 4,
                                                     "user-agent", "KOC-Desk/" PACKAGE_VERSION " ",
                                                     NULL);
    }
  return self;
}

char *
koc_media_cache_default_dir (const char *server_url,
                             const char *workspace)
{
  g_autofree char *key = g_strconcat (server_url ? server_url : "", "\n", workspace ? workspace : "", NULL);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  sum[24] = '\0';
  return g_build_filename (g_get_user_cache_dir (), "kocdesk", "media", sum, NULL);
}

void
koc_media_cache_set_max_bytes (KocMediaCache *self,
                               guint64        max_bytes)
{
  g_return_if_fail (KOC_IS_MEDIA_CACHE (self));
  self->max_bytes = max_bytes;
}

guint64
koc_media_cache_get_max_bytes (KocMediaCache *self)
{
  g_return_val_if_fail (KOC_IS_MEDIA_CACHE (self), 0);
  return self->max_bytes;
}

const char *
koc_media_cache_get_dir (KocMediaCache *self)
{
  g_return_val_if_fail (KOC_IS_MEDIA_CACHE (self), NULL);
  return self->dir;
}

void
koc_media_cache_get_stats (KocMediaCache      *self,
                           KocMediaCacheStats *out_stats)
{
  g_return_if_fail (KOC_IS_MEDIA_CACHE (self));
  *out_stats = self->stats;
}
