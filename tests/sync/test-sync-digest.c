/* test-sync-digest.c: `kocdesk-cli digest` and koc_sync_digest() on real files — a
 * server's workspace and a fully synced client give the same digest; a synced edit
 * changes it on both sides until the other side syncs; local-only state (outbox,
 * conflicts, sync_state, row ids) does not change it.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-sync-digest.h"
#include "koc-test-utils.h"
#include "sync-test-utils.h"

static char *
digest_of (const char *path,
           gint64     *out_n)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open (path, KOC_STORE_OPEN_READ_ONLY, &error);
  char *digest;

  g_assert_no_error (error);
  digest = koc_sync_digest (db, out_n, NULL, &error);
  g_assert_no_error (error);
  koc_db_close (db);
  g_assert_cmpuint (strlen (digest), ==, 64);
  return digest;
}

/* Runs kocdesk-cli digest FILE; returns its stdout, sets the exit status. */
static char *
cli_digest (const char *path,
            int        *out_status)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("KOCDESK_CLI"), "digest", path, NULL };
  char *out = NULL;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                out_status, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_digest (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koc-digest-XXXXXX", &error);
  g_autofree char *client = g_build_filename (dir, "client.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *server_file = NULL;
  g_autofree char *d_server = NULL, *d_client = NULL, *d_edit = NULL, *d_server2 = NULL;
  g_autofree char *d_client2 = NULL, *d_local = NULL, *out = NULL, *expected = NULL, *person = NULL;
  g_autofree char *id = NULL;
  ServerProcess *server;
  KocStore *store;
  KocSyncEngine *engine;
  KocSyncReport report;
  gint64 n_server = 0, n_client = 0, n_same;
  int status = -1;
  sqlite3 *db;

  g_assert_no_error (error);
  server = server_start (dir, "--demo-scale", "0.01", NULL);
  server_file = sync_test_server_file (server);
  store = sync_test_open_store (client);
  engine = sync_test_engine (store, server, server->token);
  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_no_error (error);

  /* Equal data, equal digests; the count is every entity. */
  d_server = digest_of (server_file, &n_server);
  d_client = digest_of (client, &n_client);
  n_same = sync_test_assert_same (server_file, client);
  g_assert_cmpint (n_server, ==, n_same);
  g_assert_cmpint (n_client, ==, n_same);
  g_assert_cmpstr (d_client, ==, d_server);

  /* The command prints the same. */
  out = cli_digest (client, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  expected = g_strdup_printf ("%s  %lld\n", d_server, (long long) n_server);
  g_assert_cmpstr (out, ==, expected);

  /* A local edit changes the client's digest at once… */
  person = sync_test_text (client, "SELECT uid FROM people ORDER BY uid LIMIT 1");
  id = sync_test_enqueue (store, "person", person, "upsert", "{\"owner\":\"digest-test\"}");
  d_edit = digest_of (client, NULL);
  g_assert_cmpstr (d_edit, !=, d_server);
  /* …and after the sync the server has it too: equal again, and new. */
  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed, ==, 1);
  d_server2 = digest_of (server_file, NULL);
  d_client2 = digest_of (client, NULL);
  g_assert_cmpstr (d_server2, ==, d_client2);
  /* (Not necessarily d_edit: the server stamps its own updated_at, which the pull brings.) */
  g_assert_cmpstr (d_server2, !=, d_server);
  g_object_unref (engine);
  sync_test_close_store (store);

  /* Local-only state is not synced content. */
  g_assert_cmpint (sqlite3_open (client, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO sync_conflicts (entity, entity_uid, field, local_value, remote_value)"
                                 " VALUES ('person', 'x', 'stage', '\"a\"', '\"b\"');"
                                 "INSERT OR REPLACE INTO sync_state (key, value) VALUES ('digest-test', '1');"
                                 "UPDATE outbox SET attempts = attempts + 7;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  d_local = digest_of (client, NULL);
  g_assert_cmpstr (d_local, ==, d_client2);

  /* Not a workspace: a clear failure, exit 1. */
  g_assert_true (g_file_set_contents (copy, "not a database", -1, NULL));
  g_clear_pointer (&out, g_free);
  out = cli_digest (copy, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "");

  g_clear_pointer (&server, sync_test_server_free);
  koc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/koc-test-bus", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/koc/sync/digest", test_digest);

  return g_test_run ();
}
