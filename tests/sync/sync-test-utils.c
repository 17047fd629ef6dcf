/* sync-test-utils.c: see sync-test-utils.h.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-entities.h"
#include "koc-sync-digest.h"
#include "koc-sync-outbox.h"
#include "sync-test-utils.h"

KocStore *
sync_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KocStore *store = koc_store_open_sync (path, KOC_STORE_OPEN_CREATE, NULL, &error);

  g_assert_no_error (error);
  return store;
}

void
sync_test_close_store (KocStore *store)
{
  g_assert_finalize_object (store);
}

KocSyncEngine *
sync_test_engine (KocStore      *store,
                  ServerProcess *server,
                  const char    *token)
{
  KocSyncEngine *engine = koc_sync_engine_new (store, server->url, token);

  /* Fast retries keep the tests short; the policy is the same. */
  koc_sync_engine_set_retry_base_ms (engine, 20);
  koc_sync_engine_set_max_retries (engine, 2);
  return engine;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

gboolean
sync_test_run (KocSyncEngine  *engine,
               GCancellable   *cancellable,
               KocSyncReport  *report,
               GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  koc_sync_engine_sync_async (engine, cancellable, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return koc_sync_engine_sync_finish (engine, result, report, error);
}

void
sync_test_sync (KocStore      *store,
                ServerProcess *server,
                const char    *token,
                SyncTestCheck  check,
                KocSyncReport *report)
{
  g_autoptr(KocSyncEngine) engine = sync_test_engine (store, server,
                                                      token != NULL ? token : server->token);
  g_autoptr(GError) error = NULL;
  gboolean ok = sync_test_run (engine, NULL, report, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  if (check == SYNC_TEST_CLEAN)
    {
      g_assert_cmpint (report->skipped, ==, 0);
      g_assert_cmpuint (report->conflicts, ==, 0);
      g_assert_cmpuint (report->rejected, ==, 0);
    }
}

gint64
sync_test_intf (const char *path,
                const char *format,
                ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return sync_test_int (path, sql);
}

char *
sync_test_digest (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *digest;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  digest = koc_sync_digest (db, NULL, NULL, &error);
  g_assert_no_error (error);
  sqlite3_close (db);
  return digest;
}

char *
sync_test_enqueue (KocStore   *store,
                   const char *kind,
                   const char *uid,
                   const char *op,
                   const char *fields)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *client_id;

  koc_sync_enqueue_async (store, kind, uid, op, fields, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  client_id = koc_sync_enqueue_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (client_id);
  return client_id;
}

static sqlite3 *
open_read_only (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

gint64
sync_test_int (const char *path,
               const char *sql)
{
  sqlite3 *db = open_read_only (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
sync_test_text (const char *path,
                const char *sql)
{
  sqlite3 *db = open_read_only (path);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
sync_test_server_file (ServerProcess *server)
{
  return g_build_filename (server->dir, "workspaces", "demo.db", NULL);
}

gint64
sync_test_assert_same (const char *server_file,
                       const char *client_file)
{
  sqlite3 *server_db = open_read_only (server_file);
  sqlite3 *client_db = open_read_only (client_file);
  g_autoptr(KocEntityCache) server_cache = koc_entity_cache_new (server_db);
  g_autoptr(KocEntityCache) client_cache = koc_entity_cache_new (client_db);
  gint64 total = 0;

  for (guint i = 0; i < koc_entity_n_kinds (); i++)
    {
      const KocEntityKind *kind = koc_entity_kind_at (i);
      g_autofree char *sql = g_strdup_printf ("SELECT uid FROM %s ORDER BY uid", kind->table);
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", kind->table);
      sqlite3_stmt *stmt = NULL;
      gint64 n = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (server_db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *uid = (const char *)sqlite3_column_text (stmt, 0);
          g_autofree char *theirs = NULL, *ours = NULL;
          g_autoptr(GError) error = NULL;

          koc_entity_get_json (server_cache, kind, uid, &theirs, &error);
          g_assert_no_error (error);
          koc_entity_get_json (client_cache, kind, uid, &ours, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (ours, ==, theirs);
          n++;
        }
      sqlite3_finalize (stmt);
      g_clear_pointer (&client_cache, koc_entity_cache_free);
      client_cache = koc_entity_cache_new (client_db);
      g_assert_cmpint (sync_test_int (client_file, count_sql), ==, n);
      total += n;
    }
  g_clear_pointer (&server_cache, koc_entity_cache_free);
  g_clear_pointer (&client_cache, koc_entity_cache_free);
  sqlite3_close (server_db);
  sqlite3_close (client_db);
  return total;
}

void
sync_test_server_free (ServerProcess *server)
{
  /* server_free() expects a process that has been waited for. */
  if (g_subprocess_get_identifier (server->process) != NULL)
    {
      g_subprocess_force_exit (server->process);
      g_subprocess_wait (server->process, NULL, NULL);
    }
  server_free (server);
}
