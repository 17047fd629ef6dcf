/* test-sync-pull.c: the sync engine pulling from a real kocdesk-server — a full pull,
 * resuming after the server is killed or the sync cancelled mid-pull, 429 Retry-After,
 * a refused token, a server that is down and comes back.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "koc-test-utils.h"
#include "sync-test-utils.h"

typedef struct
{
  char          *dir;
  char          *client_file;
  ServerProcess *server;
  KocStore      *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("koc-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->client_file = g_build_filename (fixture->dir, "client.db", NULL);
  fixture->server = server_start (fixture->dir, "--demo-scale", "0.01", NULL);
  g_assert_nonnull (fixture->server->token);
  fixture->store = sync_test_open_store (fixture->client_file);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->store, sync_test_close_store);
  g_clear_pointer (&fixture->server, sync_test_server_free);
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->client_file);
  g_free (fixture->dir);
}

static void
test_full_pull (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KocSyncEngine) engine = sync_test_engine (fixture->store, fixture->server,
                                                      fixture->server->token);
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autoptr(GError) error = NULL;
  KocSyncReport report;
  gint64 total;

  koc_sync_engine_set_page_size (engine, 200);
  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_IDLE);
  g_assert_nonnull (koc_sync_engine_get_last_synced (engine));
  g_assert_null (koc_sync_engine_get_error_message (engine));
  g_assert_cmpint (koc_sync_engine_get_items (engine), ==, report.pulled);
  g_assert_cmpuint (koc_sync_engine_get_bytes (engine), ==, report.bytes);
  g_assert_cmpint (report.skipped, ==, 0);
  g_assert_cmpuint (report.retries, ==, 0);

  total = sync_test_assert_same (server_file, fixture->client_file);
  g_assert_cmpint (total, >, 1000);
  g_assert_cmpint (report.pulled, ==, total);
  g_test_message ("full pull: %" G_GINT64_FORMAT " changes in %u pages, %.3f s",
                  report.pulled, report.pages, report.seconds);

  /* A second sync finds nothing new. */
  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_cmpint (report.pulled, ==, 0);
}

typedef struct
{
  ServerProcess *server;
  GCancellable  *cancellable;
  gboolean       done;
} Interrupt;

static void
items_kill_cb (KocSyncEngine *engine,
               GParamSpec    *pspec,
               Interrupt     *interrupt)
{
  if (interrupt->done || koc_sync_engine_get_items (engine) == 0)
    return;
  interrupt->done = TRUE;
  if (interrupt->cancellable != NULL)
    g_cancellable_cancel (interrupt->cancellable);
  else
    {
      g_subprocess_force_exit (interrupt->server->process);
      g_subprocess_wait (interrupt->server->process, NULL, NULL);
    }
}

static void
resume_after (Fixture  *fixture,
              gboolean  kill)
{
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autoptr(KocSyncEngine) engine = sync_test_engine (fixture->store, fixture->server,
                                                      fixture->server->token);
  g_autoptr(GCancellable) cancellable = kill ? NULL : g_cancellable_new ();
  g_autofree char *token = g_strdup (fixture->server->token);
  Interrupt interrupt = { fixture->server, cancellable, FALSE };
  g_autoptr(GError) error = NULL;
  KocSyncReport first, second;
  gint64 cursor, total;

  koc_sync_engine_set_page_size (engine, 100);
  g_signal_connect (engine, "notify::items", G_CALLBACK (items_kill_cb), &interrupt);
  g_assert_false (sync_test_run (engine, cancellable, &first, &error));
  if (kill)
    {
      g_assert_error (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNREACHABLE);
      g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_ERROR);
      g_assert_nonnull (koc_sync_engine_get_error_message (engine));
      g_assert_cmpuint (first.retries, ==, 2);
    }
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_IDLE);
    }
  g_clear_error (&error);
  /* Whole pages only. Cancelled: the first apply (one page; a page the server had
   * already sent may still be read from the socket and applied on a loaded machine).
   * Server killed: the engine asks for pages ahead of the apply (koc-sync-pull.c), and
   * those it has are applied before it reports the error: a group of at most 32 being
   * applied, at most 32 waiting, and one more on its way. */
  g_assert_cmpint (first.pulled, >=, 100);
  g_assert_cmpint (first.pulled % 100, ==, 0);
  g_assert_cmpint (first.pulled, <=, kill ? 100 * 65 : 200);

  /* The pages and their cursor were committed together. */
  cursor = sync_test_int (fixture->client_file,
                          "SELECT value FROM sync_state WHERE key = 'cursor'");
  g_assert_cmpint (cursor, >=, first.pulled);

  if (kill)
    {
      g_clear_pointer (&fixture->server, sync_test_server_free);
      fixture->server = server_start (fixture->dir, NULL);
      g_clear_object (&engine);
      engine = sync_test_engine (fixture->store, fixture->server, token);
    }
  g_assert_true (sync_test_run (engine, NULL, &second, &error));
  g_assert_no_error (error);

  total = sync_test_assert_same (server_file, fixture->client_file);
  /* No change twice, none missing. */
  g_assert_cmpint (first.pulled + second.pulled, ==, total);
}

static void
test_resume_after_kill (Fixture       *fixture,
                        gconstpointer  data)
{
  resume_after (fixture, TRUE);
}

static void
test_resume_after_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  resume_after (fixture, FALSE);
}

static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KocSyncEngine) engine =
    sync_test_engine (fixture->store, fixture->server,
                      "koc_000000000000000000000000000000000000000000000000");
  g_autoptr(GError) error = NULL;
  KocSyncReport report;

  g_assert_false (sync_test_run (engine, NULL, &report, &error));
  g_assert_error (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNAUTHORIZED);
  g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_ERROR);
  /* It says what to do (sign in again), and not the server's protocol English. */
  g_assert_nonnull (strstr (koc_sync_engine_get_error_message (engine), "Sign in again"));
  g_assert_null (strstr (koc_sync_engine_get_error_message (engine), "bearer"));
  g_assert_cmpuint (report.retries, ==, 0);
  g_assert_cmpuint (report.rate_limited, ==, 0);
  g_assert_cmpint (report.pulled, ==, 0);
}

static void
test_server_down_then_back (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autofree char *token = g_strdup (fixture->server->token);
  g_autoptr(KocSyncEngine) engine = sync_test_engine (fixture->store, fixture->server, token);
  g_autoptr(GError) error = NULL;
  KocSyncReport report;

  g_assert_cmpint (server_stop (fixture->server), ==, 0);
  g_assert_false (sync_test_run (engine, NULL, &report, &error));
  g_assert_error (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNREACHABLE);
  g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_ERROR);
  g_assert_cmpuint (report.retries, ==, 2);
  g_clear_error (&error);

  g_clear_pointer (&fixture->server, sync_test_server_free);
  fixture->server = server_start (fixture->dir, NULL);
  g_clear_object (&engine);
  engine = sync_test_engine (fixture->store, fixture->server, token);
  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_IDLE);
  sync_test_assert_same (server_file, fixture->client_file);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autofree char *token = g_strdup (fixture->server->token);
  g_autoptr(KocSyncEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Reply) reply = NULL;
  KocSyncReport report;

  server_stop (fixture->server);
  g_clear_pointer (&fixture->server, sync_test_server_free);
  /* One request per 4 s: the engine's first request comes within those 4 s even in a slow
   * sanitizer build on a busy machine (with 1 per second it sometimes did not). */
  fixture->server = server_start (fixture->dir, "--rate-limit", "0.25", "--rate-burst", "1", NULL);
  engine = sync_test_engine (fixture->store, fixture->server, token);
  koc_sync_engine_set_page_size (engine, 500);

  /* Empty the token's bucket: the engine's first request comes well within the time the
   * bucket needs to refill, so it is answered 429 + Retry-After whatever the speed. */
  reply = server_request (fixture->server, "GET", "v1/changes?limit=1", token, NULL, NULL);
  g_assert_cmpuint (reply->status, ==, 200);

  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.rate_limited, >=, 1);
  g_assert_cmpuint (report.retries, ==, 0);
  sync_test_assert_same (server_file, fixture->client_file);
}

static void
test_cli_sync (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autofree char *cli_file = g_build_filename (fixture->dir, "cli.db", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL, *expected = NULL;
  gint64 total;

  /* The token travels in the environment, never in argv. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "KOC_TEST_TOKEN", fixture->server->token, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("KOCDESK_CLI"), "sync",
                                         "--db", cli_file, "--server", fixture->server->url,
                                         "--token-env", "KOC_TEST_TOKEN", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  total = sync_test_assert_same (server_file, cli_file);
  expected = g_strdup_printf ("pulled: %" G_GINT64_FORMAT "\n", total);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "pushed: 0\n"));
  g_assert_nonnull (strstr (out, "seconds: "));
  g_assert_null (strstr (out, fixture->server->token));
  g_assert_null (strstr (err, fixture->server->token));
  g_clear_object (&process);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* No token in that variable: a clear failure, exit 1. */
  g_subprocess_launcher_unsetenv (launcher, "KOC_TEST_TOKEN");
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("KOCDESK_CLI"), "sync",
                                         "--db", cli_file, "--server", fixture->server->url,
                                         "--token-env", "KOC_TEST_TOKEN", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "KOC_TEST_TOKEN"));
}

/* A network monitor the test switches: GNetworkMonitor cannot be told to go offline. */
#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject  parent_instance;
  gboolean available;
};

static void test_monitor_iface_init (GNetworkMonitorInterface *iface);

static gboolean
test_monitor_initable_init (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return TRUE;
}

static void
test_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      test_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      test_monitor_iface_init))

enum { PROP_0, PROP_AVAILABLE, PROP_METERED, PROP_CONNECTIVITY };

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  if (prop_id == PROP_AVAILABLE)
    g_value_set_boolean (value, self->available);
  else if (prop_id == PROP_METERED)
    g_value_set_boolean (value, FALSE);
  else
    g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                             : G_NETWORK_CONNECTIVITY_LOCAL);
}

static gboolean
test_monitor_can_reach (GNetworkMonitor     *monitor,
                        GSocketConnectable  *connectable,
                        GCancellable        *cancellable,
                        GError             **error)
{
  if (TEST_MONITOR (monitor)->available)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "Offline (test)");
  return FALSE;
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = test_monitor_can_reach;
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
}

static void
test_monitor_set_available (TestMonitor *self,
                            gboolean     available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TestMonitor) monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  g_autoptr(KocSyncEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  KocSyncReport report;

  engine = g_object_new (KOC_TYPE_SYNC_ENGINE, "store", fixture->store,
                         "server-url", fixture->server->url, "token", fixture->server->token,
                         "network-monitor", monitor, NULL);

  /* Offline: say so, and send nothing. */
  g_assert_false (sync_test_run (engine, NULL, &report, &error));
  g_assert_error (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_OFFLINE);
  g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_OFFLINE);
  g_assert_nonnull (koc_sync_engine_get_error_message (engine));
  g_assert_cmpuint (report.bytes, ==, 0);
  g_assert_cmpuint (report.retries, ==, 0);
  g_clear_error (&error);

  /* The network comes back: the state follows, and a sync works. */
  test_monitor_set_available (monitor, TRUE);
  g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_IDLE);
  g_assert_null (koc_sync_engine_get_error_message (engine));
  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.pulled, >, 0);

  test_monitor_set_available (monitor, FALSE);
  g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_OFFLINE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/koc/sync/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("full-pull", test_full_pull);
  ADD ("resume-after-kill", test_resume_after_kill);
  ADD ("resume-after-cancel", test_resume_after_cancel);
  ADD ("unauthorized", test_unauthorized);
  ADD ("server-down-then-back", test_server_down_then_back);
  ADD ("rate-limited", test_rate_limited);
  ADD ("cli-sync", test_cli_sync);
  ADD ("offline", test_offline);
#undef ADD

  return g_test_run ();
}
