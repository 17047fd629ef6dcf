/* test-media-cache.c: KocMediaCache against a real kocdesk-server and real files —
 * fetch on demand, a disk hit without the network, 304 revalidation, offline hits after
 * the server is gone, LRU eviction at the size cap, bytes that do not match their
 * sha256 (from the server and on disk) rejected, a 404, and the workspace's own media
 * rows answered without the network.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "koc-media-cache.h"
#include "koc-test-utils.h"
#include "sync-test-utils.h"

typedef struct
{
  char          *dir;
  char          *cache_dir;
  char          *client_file;
  char          *server_file;
  ServerProcess *server;
  KocStore      *store;
  GPtrArray     *shas;     /* media of the server, biggest first */
} Fixture;

typedef struct
{
  GMainLoop      *loop;
  GBytes         *bytes;
  char           *mime;
  KocMediaSource  source;
  GError         *error;
} Wait;

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->bytes = koc_media_cache_lookup_finish (KOC_MEDIA_CACHE (object), result, &wait->mime,
                                               &wait->source, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* One lookup, waited for in the test's main context. Returns the bytes or NULL. */
static GBytes *
lookup (KocMediaCache            *cache,
        const char               *sha,
        KocMediaCacheLookupFlags  flags,
        KocMediaSource           *out_source,
        GError                  **error)
{
  Wait wait = { 0 };

  wait.loop = g_main_loop_new (NULL, FALSE);
  koc_media_cache_lookup_async (cache, sha, flags, NULL, looked_up_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_free (wait.mime);
  if (out_source != NULL)
    *out_source = wait.source;
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.bytes;
}

static char *
cached_path (Fixture    *fixture,
             const char *sha)
{
  char sub[3] = { sha[0], sha[1], '\0' };

  return g_build_filename (fixture->cache_dir, sub, sha, NULL);
}

static KocMediaCache *
new_cache (Fixture *fixture)
{
  return koc_media_cache_new (fixture->store, fixture->server->url, fixture->server->token,
                              fixture->cache_dir);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KocSyncEngine) engine = NULL;
  KocSyncReport report;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  fixture->dir = g_dir_make_tmp ("koc-media-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->cache_dir = g_build_filename (fixture->dir, "cache", NULL);
  fixture->client_file = g_build_filename (fixture->dir, "client.db", NULL);
  fixture->server = server_start (fixture->dir, "--demo-scale", "0.01", NULL);
  fixture->server_file = sync_test_server_file (fixture->server);
  fixture->store = sync_test_open_store (fixture->client_file);
  engine = sync_test_engine (fixture->store, fixture->server, fixture->server->token);
  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_no_error (error);

  /* The client knows the media by sha256 only (placeholder rows without bytes). */
  g_assert_cmpint (sync_test_int (fixture->client_file, "SELECT count(*) FROM media WHERE data IS NOT NULL"), ==, 0);
  g_assert_cmpint (sync_test_int (fixture->client_file, "SELECT count(*) FROM media"), >=, 4);

  fixture->shas = g_ptr_array_new_with_free_func (g_free);
  g_assert_cmpint (sqlite3_open_v2 (fixture->server_file, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sha256 FROM media WHERE data IS NOT NULL"
                                       " ORDER BY length (data) DESC, sha256 LIMIT 8", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (fixture->shas, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (fixture->shas->len, ==, 8);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->store, sync_test_close_store);
  g_clear_pointer (&fixture->server, sync_test_server_free);
  koc_test_rm_rf (fixture->dir);
  g_ptr_array_unref (fixture->shas);
  g_free (fixture->server_file);
  g_free (fixture->client_file);
  g_free (fixture->cache_dir);
  g_free (fixture->dir);
}

static GBytes *
server_bytes (Fixture    *fixture,
              const char *sha)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->server_file, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data FROM media WHERE sha256 = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return bytes;
}

static void
test_fetch_then_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KocMediaCache) cache = new_cache (fixture);
  const char *sha = fixture->shas->pdata[0];
  g_autofree char *path = cached_path (fixture, sha);
  g_autoptr(GBytes) expected = server_bytes (fixture, sha);
  g_autoptr(GBytes) first = NULL, second = NULL, third = NULL;
  g_autoptr(GError) error = NULL;
  KocMediaCacheStats stats;
  KocMediaSource source;

  first = lookup (cache, sha, 0, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, KOC_MEDIA_SOURCE_NETWORK);
  g_assert_true (g_bytes_equal (first, expected));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Again: from the disk, no request. */
  second = lookup (cache, sha, 0, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, KOC_MEDIA_SOURCE_DISK);
  g_assert_true (g_bytes_equal (second, expected));

  /* Revalidation: If-None-Match with the sha256 gets 304 and the disk copy. */
  third = lookup (cache, sha, KOC_MEDIA_CACHE_LOOKUP_REVALIDATE, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, KOC_MEDIA_SOURCE_NOT_MODIFIED);
  g_assert_true (g_bytes_equal (third, expected));

  koc_media_cache_get_stats (cache, &stats);
  g_assert_cmpuint (stats.fetched, ==, 1);
  g_assert_cmpuint (stats.disk_hits, ==, 1);
  g_assert_cmpuint (stats.not_modified, ==, 1);
  g_assert_cmpuint (stats.corrupt, ==, 0);

  /* The server answers 304 only to its ETag: a plain request of the same media is a 200. */
  {
    g_autofree char *path_v1 = g_strconcat ("v1/media/", sha, NULL);
    g_autofree char *etag = g_strdup_printf ("\"%s\"", sha);
    g_autoptr(Reply) plain = server_request (fixture->server, "GET", path_v1, fixture->server->token, NULL, NULL);
    g_autoptr(Reply) cond = server_request (fixture->server, "GET", path_v1, fixture->server->token, NULL, etag);

    g_assert_cmpuint (plain->status, ==, 200);
    g_assert_cmpuint (cond->status, ==, 304);
  }
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KocMediaCache) cache = new_cache (fixture);
  const char *cached = fixture->shas->pdata[1];
  const char *missing = fixture->shas->pdata[2];
  g_autoptr(GBytes) expected = server_bytes (fixture, cached);
  g_autoptr(GBytes) bytes = NULL, again = NULL, none = NULL;
  g_autoptr(GError) error = NULL;
  KocMediaSource source;

  bytes = lookup (cache, cached, 0, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, KOC_MEDIA_SOURCE_NETWORK);

  g_assert_cmpint (server_stop (fixture->server), ==, 0);

  /* A new cache on the same folder (the app restarted): still there, offline. */
  g_clear_object (&cache);
  cache = new_cache (fixture);
  again = lookup (cache, cached, 0, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, KOC_MEDIA_SOURCE_DISK);
  g_assert_true (g_bytes_equal (again, expected));

  none = lookup (cache, missing, 0, &source, &error);
  g_assert_null (none);
  g_assert_error (error, KOC_MEDIA_CACHE_ERROR, KOC_MEDIA_CACHE_ERROR_OFFLINE);
}

static void
test_eviction (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KocMediaCache) cache = new_cache (fixture);
  const char *a = fixture->shas->pdata[3], *b = fixture->shas->pdata[4], *c = fixture->shas->pdata[5];
  g_autofree char *path_a = cached_path (fixture, a);
  g_autofree char *path_b = cached_path (fixture, b);
  g_autofree char *path_c = cached_path (fixture, c);
  g_autoptr(GBytes) bytes_a = server_bytes (fixture, a);
  g_autoptr(GBytes) bytes_b = server_bytes (fixture, b);
  g_autoptr(GBytes) bytes_c = server_bytes (fixture, c);
  guint64 cap = g_bytes_get_size (bytes_a) + MAX (g_bytes_get_size (bytes_b), g_bytes_get_size (bytes_c));
  g_autoptr(GError) error = NULL;
  KocMediaCacheStats stats;
  KocMediaSource source;
  GBytes *bytes;

  /* Room for two of the three. */
  koc_media_cache_set_max_bytes (cache, cap);
  bytes = lookup (cache, a, 0, NULL, &error);
  g_assert_no_error (error);
  g_bytes_unref (bytes);
  bytes = lookup (cache, b, 0, NULL, &error);
  g_assert_no_error (error);
  g_bytes_unref (bytes);
  /* A is used again, so B is the least recently used when C comes. */
  bytes = lookup (cache, a, 0, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, KOC_MEDIA_SOURCE_DISK);
  g_bytes_unref (bytes);
  bytes = lookup (cache, c, 0, NULL, &error);
  g_assert_no_error (error);
  g_bytes_unref (bytes);

  g_assert_true (g_file_test (path_a, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path_b, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (path_c, G_FILE_TEST_EXISTS));
  koc_media_cache_get_stats (cache, &stats);
  g_assert_cmpuint (stats.evicted, ==, 1);
  g_assert_cmpuint (stats.disk_bytes, <=, cap);
  g_assert_cmpuint (stats.disk_bytes, ==, g_bytes_get_size (bytes_a) + g_bytes_get_size (bytes_c));

  /* The evicted one comes back from the server. */
  bytes = lookup (cache, b, 0, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, KOC_MEDIA_SOURCE_NETWORK);
  g_bytes_unref (bytes);
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KocMediaCache) cache = new_cache (fixture);
  const char *bad = fixture->shas->pdata[6];
  const char *good = fixture->shas->pdata[7];
  g_autofree char *bad_path = cached_path (fixture, bad);
  g_autofree char *good_path = cached_path (fixture, good);
  g_autoptr(GBytes) expected = server_bytes (fixture, good);
  g_autoptr(GError) error = NULL;
  KocMediaCacheStats stats;
  KocMediaSource source;
  GBytes *bytes;
  sqlite3 *db;

  /* The server sends other bytes than the sha256 names: rejected, nothing kept. */
  g_assert_cmpint (sqlite3_open (fixture->server_file, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE media SET data = X'0001020304', bytes = 5 WHERE sha256 = '%s'", bad);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_changes (db), ==, 1);
  }
  sqlite3_close (db);

  bytes = lookup (cache, bad, 0, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, KOC_MEDIA_CACHE_ERROR, KOC_MEDIA_CACHE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  /* A damaged file on disk is noticed, removed and fetched again. */
  bytes = lookup (cache, good, 0, NULL, &error);
  g_assert_no_error (error);
  g_bytes_unref (bytes);
  g_assert_true (g_file_set_contents (good_path, "not the image", -1, NULL));
  bytes = lookup (cache, good, 0, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, KOC_MEDIA_SOURCE_NETWORK);
  g_assert_true (g_bytes_equal (bytes, expected));
  g_bytes_unref (bytes);

  koc_media_cache_get_stats (cache, &stats);
  g_assert_cmpuint (stats.corrupt, ==, 2);
  g_assert_cmpuint (stats.fetched, ==, 2);

  /* Not a sha256 at all. */
  bytes = lookup (cache, "../../etc/passwd", 0, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, KOC_MEDIA_CACHE_ERROR, KOC_MEDIA_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  /* Unknown to the server. */
  bytes = lookup (cache, "1111111111111111111111111111111111111111111111111111111111111111", 0, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, KOC_MEDIA_CACHE_ERROR, KOC_MEDIA_CACHE_ERROR_NOT_FOUND);
}

static void
test_store_first (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) server_store = koc_store_open_sync (fixture->server_file, KOC_STORE_OPEN_READ_ONLY, NULL, &error);
  g_autoptr(KocMediaCache) cache = NULL;
  const char *sha = fixture->shas->pdata[0];
  g_autoptr(GBytes) expected = server_bytes (fixture, sha);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = cached_path (fixture, sha);
  KocMediaSource source;

  g_assert_no_error (error);
  /* A workspace that holds the bytes itself needs neither the disk nor a server. */
  cache = koc_media_cache_new (server_store, NULL, NULL, fixture->cache_dir);
  bytes = lookup (cache, sha, 0, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, KOC_MEDIA_SOURCE_STORE);
  g_assert_true (g_bytes_equal (bytes, expected));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&cache);
  g_clear_pointer (&server_store, sync_test_close_store);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/koc-test-bus", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/koc/media-cache/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fetch-disk-304", test_fetch_then_disk);
  ADD ("offline", test_offline);
  ADD ("eviction", test_eviction);
  ADD ("corrupt", test_corrupt);
  ADD ("store-first", test_store_first);
#undef ADD

  return g_test_run ();
}
