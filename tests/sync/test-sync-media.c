/* test-sync-media.c: the bytes of attached files reach the server and other devices —
 * PUT /v1/media/{sha256} on a real kocdesk-server and the sync engine's upload step.
 *
 *   attach-and-fetch  client A attaches a 600 KB file (every byte value) and syncs: the
 *                     engine uploads it once (not again on the next sync); client B
 *                     syncs and its media cache gets exactly those bytes from the server
 *   server-rules      a wrong hash is 400 bad_hash in the API's error format, the same
 *                     bytes twice change nothing, a body over --max-media is 413, and
 *                     each workspace only sees its own uploads
 *   refused           the engine marks a damaged local copy (400) and a file larger
 *                     than the server takes (413) as refused, finishes the sync and does
 *                     not send them again
 *   resume            a sync cancelled in the middle of an upload leaves the file
 *                     unmarked and the server without it; the next sync uploads it
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-media-cache.h"
#include "koc-people-sync.h"
#include "koc-sync-media.h"
#include "koc-test-utils.h"
#include "sync-test-utils.h"

#define BIG_SIZE (600 * 1024)

typedef struct
{
  gint64      person_id;
  const char *sha256;
  GBytes     *bytes;
  const char *name;
} Attach;

/* The attach of koc-people-files.c: the bytes in media, then the link. */
static gboolean
attach_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Attach *attach = data;
  sqlite3_stmt *stmt = NULL;
  gsize size = g_bytes_get_size (attach->bytes);

  if (!koc_db_prepare (db, "INSERT OR IGNORE INTO media (sha256, mime, bytes, data)"
                           " VALUES (?1, 'application/pdf', ?2, ?3)", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, attach->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64)size);
  sqlite3_bind_blob64 (stmt, 3, g_bytes_get_data (attach->bytes, NULL), size, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return koc_people_sync_person_file (db, attach->person_id, attach->sha256, attach->name,
                                      FALSE, error);
}

/* Attaches @bytes to the first person as @name, named by @sha256 (normally the bytes'
 * own hash; another one makes a damaged copy). */
static void
attach (KocStore   *store,
        const char *path,
        GBytes     *bytes,
        const char *sha256,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  Attach edit = { 0 };

  edit.person_id = sync_test_int (path, "SELECT min (id) FROM people");
  edit.sha256 = sha256;
  edit.bytes = bytes;
  edit.name = name;
  g_assert_true (koc_store_write_sync (store, attach_func, &edit, NULL, NULL, &error));
  g_assert_no_error (error);
}

static GBytes *
big_bytes (guint seed)
{
  guint8 *data = g_malloc (BIG_SIZE);

  /* Every byte value, NULs included, in an order that differs per seed. */
  for (gsize i = 0; i < BIG_SIZE; i++)
    data[i] = (guint8)((i * 131 + seed * 7 + (i >> 9)) & 0xff);
  return g_bytes_new_take (data, BIG_SIZE);
}

typedef struct
{
  GMainLoop *loop;
  GBytes    *bytes;
  KocMediaSource source;
  GError    *error;
} Lookup;

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Lookup *lookup = user_data;

  lookup->bytes = koc_media_cache_lookup_finish (KOC_MEDIA_CACHE (object), result, NULL,
                                                 &lookup->source, &lookup->error);
  g_main_loop_quit (lookup->loop);
}

static GBytes *
cache_lookup (KocMediaCache  *cache,
              const char     *sha256,
              KocMediaSource *out_source)
{
  Lookup lookup = { g_main_loop_new (NULL, FALSE), NULL, 0, NULL };

  koc_media_cache_lookup_async (cache, sha256, KOC_MEDIA_CACHE_LOOKUP_DEFAULT, NULL,
                                looked_up_cb, &lookup);
  g_main_loop_run (lookup.loop);
  g_main_loop_unref (lookup.loop);
  g_assert_no_error (lookup.error);
  *out_source = lookup.source;
  return lookup.bytes;
}

static void
test_attach_and_fetch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koc-sync-media-XXXXXX", &error);
  g_autofree char *file_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *file_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *cache_dir = g_build_filename (dir, "cache-b", NULL);
  g_autoptr(GBytes) bytes = big_bytes (1);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *server_file = NULL;
  g_autoptr(GBytes) fetched = NULL;
  g_autoptr(KocMediaCache) cache = NULL;
  ServerProcess *server = server_start (dir, "--demo-scale", "0.01", NULL);
  KocStore *a = sync_test_open_store (file_a);
  KocStore *b = sync_test_open_store (file_b);
  KocMediaSource source;
  KocSyncReport report;

  server_file = sync_test_server_file (server);
  sync_test_sync (a, server, server->token, SYNC_TEST_OK, &report);
  g_assert_cmpuint (report.uploaded, ==, 0);
  sync_test_sync (b, server, server->token, SYNC_TEST_OK, &report);

  attach (a, file_a, bytes, sha256, "媒体资料 media kit.pdf");
  sync_test_sync (a, server, server->token, SYNC_TEST_OK, &report);
  g_assert_cmpuint (report.pushed, ==, 1);
  g_assert_cmpuint (report.uploaded, ==, 1);
  g_assert_cmpuint (report.upload_refused, ==, 0);
  g_assert_cmpuint (report.uploaded_bytes, ==, BIG_SIZE);
  g_assert_cmpuint (report.bytes, >=, BIG_SIZE);
  /* The server's workspace holds exactly those bytes, with their type. */
  g_assert_cmpint (sync_test_intf (server_file, "SELECT length (data) FROM media WHERE sha256 = '%s'",
                           sha256), ==, BIG_SIZE);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT bytes FROM media WHERE sha256 = '%s'", sha256),
                   ==, BIG_SIZE);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT mime = 'application/pdf' FROM media"
                           " WHERE sha256 = '%s'", sha256), ==, 1);
  g_assert_cmpint (sync_test_intf (file_a, "SELECT count (*) FROM sync_state WHERE key ="
                           " 'media_upload:%s' AND value = 'done'", sha256), ==, 1);

  /* Uploaded once: the next sync sends nothing. */
  sync_test_sync (a, server, server->token, SYNC_TEST_OK, &report);
  g_assert_cmpuint (report.uploaded, ==, 0);
  g_assert_cmpuint (report.bytes, <, BIG_SIZE);

  /* B lists the file and its media cache gets the exact bytes from the server. */
  sync_test_sync (b, server, server->token, SYNC_TEST_OK, &report);
  g_assert_cmpuint (report.uploaded, ==, 0);
  g_assert_cmpint (sync_test_intf (file_b, "SELECT count (*) FROM person_files WHERE sha256 = '%s'",
                           sha256), ==, 1);
  g_assert_cmpint (sync_test_intf (file_b, "SELECT count (*) FROM media WHERE sha256 = '%s'"
                           " AND data IS NULL", sha256), ==, 1);
  cache = koc_media_cache_new (b, server->url, server->token, cache_dir);
  fetched = cache_lookup (cache, sha256, &source);
  g_assert_cmpint (source, ==, KOC_MEDIA_SOURCE_NETWORK);
  g_assert_true (g_bytes_equal (fetched, bytes));
  /* B never uploads what it only has from the server. */
  sync_test_sync (b, server, server->token, SYNC_TEST_OK, &report);
  g_assert_cmpuint (report.uploaded, ==, 0);

  g_clear_object (&cache);
  sync_test_close_store (a);
  sync_test_close_store (b);
  sync_test_server_free (server);
  koc_test_rm_rf (dir);
}

static Reply *
put_media (ServerProcess *server,
           const char    *token,
           const char    *sha256,
           const char    *body)
{
  g_autofree char *path = g_strdup_printf ("v1/media/%s", sha256);

  return server_request (server, "PUT", path, token, body, NULL);
}

static void
test_server_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koc-sync-media-XXXXXX", &error);
  g_autofree char *token_b = NULL;
  g_autofree char *path = NULL;
  g_autofree char *big = g_strnfill (5000, 'x');
  /* server_request() sends JSON (and parses JSON answers): the bytes are a JSON text. */
  const char *text = "{\"kit\":\"媒体资料\"}";
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *big_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, big, -1);
  g_autofree char *middle = g_strdup_printf ("\"%s\"", big + 2000);  /* 3,002 bytes */
  g_autofree char *middle_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, middle, -1);
  ServerProcess *server = server_start (dir, "--demo-scale", "0.01", "--max-body", "1024",
                                        "--max-media", "4096", NULL);
  g_autoptr(Reply) over_body = NULL;
  g_autoptr(Reply) wrong = NULL;
  g_autoptr(Reply) upper = NULL;
  g_autoptr(Reply) anonymous = NULL;
  g_autoptr(Reply) first = NULL;
  g_autoptr(Reply) again = NULL;
  g_autoptr(Reply) got = NULL;
  g_autoptr(Reply) too_large = NULL;
  g_autoptr(Reply) from_b = NULL;
  g_autoptr(Reply) put_b = NULL;
  g_autoptr(Reply) got_b = NULL;

  /* A body that is not the path's hash: 400 in the project's error format. */
  wrong = put_media (server, server->token, sha256, "[\"other bytes\"]");
  g_assert_cmpuint (wrong->status, ==, 400);
  g_assert_cmpstr (reply_error_code (wrong), ==, "bad_hash");
  path = g_strdup_printf ("v1/media/%s", sha256);
  got = server_request (server, "GET", path, server->token, NULL, NULL);
  g_assert_cmpuint (got->status, ==, 404);
  g_clear_pointer (&got, reply_free);
  upper = put_media (server, server->token, "ABC", text);
  g_assert_cmpuint (upper->status, ==, 400);
  g_assert_cmpstr (reply_error_code (upper), ==, "bad_request");
  anonymous = put_media (server, NULL, sha256, text);
  g_assert_cmpuint (anonymous->status, ==, 401);

  /* Stored once; the same bytes again change nothing. */
  first = put_media (server, server->token, sha256, text);
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (reply_object (first), "stored"));
  g_assert_cmpint (json_object_get_int_member (reply_object (first), "bytes"), ==, strlen (text));
  again = put_media (server, server->token, sha256, text);
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (reply_object (again), "stored"));
  got = server_request (server, "GET", path, server->token, NULL, NULL);
  g_assert_cmpuint (got->status, ==, 200);
  g_assert_cmpmem (g_bytes_get_data (got->body, NULL), g_bytes_get_size (got->body),
                   text, strlen (text));

  /* Over --max-body but within --max-media: a file, stored. */
  over_body = put_media (server, server->token, middle_sha, middle);
  g_assert_cmpuint (over_body->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (reply_object (over_body), "stored"));

  /* Over --max-media: 413. */
  too_large = put_media (server, server->token, big_sha, big);
  g_assert_cmpuint (too_large->status, ==, 413);
  g_assert_cmpstr (reply_error_code (too_large), ==, "too_large");

  /* Another workspace sees none of it, and its own upload stays its own. */
  g_assert_cmpint (server_cli (server->db, &token_b, "token", "create", "beta", NULL), ==, 0);
  g_strstrip (token_b);
  from_b = server_request (server, "GET", path, token_b, NULL, NULL);
  g_assert_cmpuint (from_b->status, ==, 404);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&sha256, g_free);
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "[\"only in beta\"]", -1);
  put_b = put_media (server, token_b, sha256, "[\"only in beta\"]");
  g_assert_cmpuint (put_b->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (reply_object (put_b), "stored"));
  path = g_strdup_printf ("v1/media/%s", sha256);
  g_clear_pointer (&got, reply_free);
  got = server_request (server, "GET", path, server->token, NULL, NULL);
  g_assert_cmpuint (got->status, ==, 404);
  got_b = server_request (server, "GET", path, token_b, NULL, NULL);
  g_assert_cmpuint (got_b->status, ==, 200);

  sync_test_server_free (server);
  koc_test_rm_rf (dir);
}

static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koc-sync-media-XXXXXX", &error);
  g_autofree char *file_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *server_file = NULL;
  g_autoptr(GBytes) big = big_bytes (2);
  g_autoptr(GBytes) small = g_bytes_new_static ("a small file", 12);
  g_autoptr(GBytes) damaged = g_bytes_new_static ("bytes of another hash", 21);
  g_autofree char *big_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, big);
  g_autofree char *small_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, small);
  g_autofree char *wrong_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "x", -1);
  ServerProcess *server = server_start (dir, "--demo-scale", "0.01", "--max-media", "65536",
                                        NULL);
  KocStore *a = sync_test_open_store (file_a);
  KocSyncReport report;
  gint64 n = -1, bytes = -1;

  server_file = sync_test_server_file (server);
  sync_test_sync (a, server, server->token, SYNC_TEST_OK, &report);
  attach (a, file_a, big, big_sha, "too big.pdf");
  attach (a, file_a, damaged, wrong_sha, "damaged.pdf");
  attach (a, file_a, small, small_sha, "small.pdf");
  sync_test_sync (a, server, server->token, SYNC_TEST_OK, &report);
  g_assert_cmpuint (report.uploaded, ==, 1);
  g_assert_cmpuint (report.upload_refused, ==, 2);
  g_assert_cmpint (sync_test_intf (file_a, "SELECT value = 'refused:413' FROM sync_state"
                           " WHERE key = 'media_upload:%s'", big_sha), ==, 1);
  g_assert_cmpint (sync_test_intf (file_a, "SELECT value = 'refused:400' FROM sync_state"
                           " WHERE key = 'media_upload:%s'", wrong_sha), ==, 1);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT count (*) FROM media WHERE sha256 = '%s'"
                           " AND data IS NOT NULL", small_sha), ==, 1);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT count (*) FROM media WHERE sha256 = '%s'"
                           " AND data IS NOT NULL", big_sha), ==, 0);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT count (*) FROM media WHERE sha256 = '%s'"
                           " AND data IS NOT NULL", wrong_sha), ==, 0);

  /* Nothing waits any more, and nothing is sent again. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open_v2 (file_a, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_true (koc_sync_media_pending (db, &n, &bytes, &error));
    g_assert_no_error (error);
    sqlite3_close (db);
  }
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpint (bytes, ==, 0);
  sync_test_sync (a, server, server->token, SYNC_TEST_OK, &report);
  g_assert_cmpuint (report.uploaded + report.upload_refused, ==, 0);

  sync_test_close_store (a);
  sync_test_server_free (server);
  koc_test_rm_rf (dir);
}

typedef struct
{
  GCancellable *cancellable;
  guint64       threshold;
} CancelAt;

static void
bytes_cb (KocSyncEngine *engine,
          GParamSpec    *pspec,
          CancelAt      *cancel)
{
  if (koc_sync_engine_get_bytes (engine) > cancel->threshold)
    g_cancellable_cancel (cancel->cancellable);
}

static void
test_resume (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koc-sync-media-XXXXXX", &error);
  g_autofree char *file_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *server_file = NULL;
  g_autoptr(GBytes) bytes = big_bytes (3);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KocSyncEngine) engine = NULL;
  ServerProcess *server = server_start (dir, "--demo-scale", "0.01", NULL);
  KocStore *a = sync_test_open_store (file_a);
  CancelAt cancel = { cancellable, 100 * 1024 };
  KocSyncReport report;

  server_file = sync_test_server_file (server);
  sync_test_sync (a, server, server->token, SYNC_TEST_OK, &report);
  attach (a, file_a, bytes, sha256, "resume.pdf");

  /* Cancelled once 100 KB of the 600 KB body are written (push answers are far
   * smaller): the file stays unmarked and the server does not have it. */
  engine = sync_test_engine (a, server, server->token);
  g_signal_connect (engine, "notify::bytes", G_CALLBACK (bytes_cb), &cancel);
  g_assert_false (sync_test_run (engine, cancellable, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (report.pushed, ==, 1);
  g_assert_cmpuint (report.uploaded, ==, 0);
  g_assert_cmpint (sync_test_intf (file_a, "SELECT count (*) FROM sync_state WHERE key ="
                           " 'media_upload:%s'", sha256), ==, 0);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT count (*) FROM media WHERE sha256 = '%s'"
                           " AND data IS NOT NULL", sha256), ==, 0);

  /* The next sync resumes with it. */
  sync_test_sync (a, server, server->token, SYNC_TEST_OK, &report);
  g_assert_cmpuint (report.uploaded, ==, 1);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT length (data) FROM media WHERE sha256 = '%s'",
                           sha256), ==, BIG_SIZE);

  g_clear_object (&engine);
  sync_test_close_store (a);
  sync_test_server_free (server);
  koc_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/sync/media/attach-and-fetch", test_attach_and_fetch);
  g_test_add_func ("/koc/sync/media/server-rules", test_server_rules);
  g_test_add_func ("/koc/sync/media/refused", test_refused);
  g_test_add_func ("/koc/sync/media/resume", test_resume);
  return g_test_run ();
}
