/* test-sync-faults.c: the sync engine against servers that misbehave and processes that
 * die.
 *
 * - A small HTTP server in this test answers every request with one fault: a 500, no
 *   answer at all, a body cut short, JSON that does not parse, JSON of the wrong shape.
 *   The engine fails with a clear sentence, and the workspace is as it was: the cursor,
 *   the digest of the synced content and the pending edits are unchanged. The next sync
 *   with the real server then completes.
 * - The real kocdesk-server SIGKILLed again and again in the middle of a pull and in the
 *   middle of a push, and the client (kocdesk-cli sync) SIGKILLed again and again in the
 *   middle of its sync: the final state equals the server's, and no edit is applied twice.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-test-utils.h"
#include "sync-test-utils.h"

#define KILLS 5

typedef enum
{
  FAULT_500,
  FAULT_HANG,
  FAULT_TRUNCATED,
  FAULT_MALFORMED,
  FAULT_WRONG_SHAPE,
  FAULT_WRONG_TYPES,
  FAULT_HTML,
  FAULT_FEED_NEXT,
} Fault;

typedef struct
{
  GSocketService *service;
  char           *url;
  Fault           fault;
  gint            requests;
  gint            running;   /* handlers still in their thread */
  GMutex          lock;
  GCond           released;
  gboolean        stopping;
} FaultServer;

/* The whole answer to send (NULL: none). The truncated one promises more than it has. */
static char *
fault_response (Fault fault)
{
  const char *status = "200 OK", *type = "application/json", *body, *extra = "";
  gsize promised = 0;

  switch (fault)
    {
    case FAULT_500:
      status = "500 Internal Server Error";
      body = "{\"error\":{\"code\":\"internal\",\"message\":\"disk I/O error in /srv/secret.db\"}}";
      break;
    case FAULT_TRUNCATED:
      body = "{\"changes\":[{\"seq\":1,\"kind\":\"person\",\"i";
      promised = 4096;
      break;
    case FAULT_MALFORMED:
      body = "{\"changes\":[{\"seq\":1,\"kind\":\"person\"},, \"more\"";
      break;
    case FAULT_WRONG_SHAPE:
      body = "{\"changes\":\"none\",\"next\":\"later\",\"more\":\"yes\",\"results\":{\"a\":1}}";
      break;
    case FAULT_WRONG_TYPES:
      /* A good change, then a bad one: neither may stay. */
      body = "{\"changes\":[{\"seq\":5,\"kind\":\"person\",\"id\":\"00000000000000000000000000fa0170\","
             "\"rev\":9,\"deleted\":false,\"data\":{\"display_name\":\"Must not stay\"}},"
             "{\"seq\":\"one\",\"kind\":7,\"id\":null,\"rev\":[],\"data\":\"x\"}],"
             "\"next\":99999999,\"more\":false,\"results\":[1,\"two\",null]}";
      break;
    case FAULT_HTML:
      type = "text/html";
      body = "<html><body>Wi-Fi login required</body></html>";
      break;
    case FAULT_FEED_NEXT:
      /* A good page, but not the one its header names: the engine asked for the next
       * page from the header's cursor, so neither may be trusted. */
      body = "{\"changes\":[{\"seq\":5,\"kind\":\"person\",\"id\":\"00000000000000000000000000fa0171\","
             "\"rev\":9,\"deleted\":false,\"data\":{\"display_name\":\"Must not stay\"}}],"
             "\"next\":5,\"more\":false}";
      extra = "Koc-Feed-Next: 6 end\r\n";
      break;
    case FAULT_HANG:
    default:
      return NULL;
    }
  return g_strdup_printf ("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
                          "%sConnection: close\r\n\r\n%s", status, type,
                          promised > 0 ? promised : strlen (body), extra, body);
}

/* One request per connection, read whole, then the fault. Runs in the service's thread. */
static void
serve_fault (GSocketConnection *connection,
             FaultServer       *server)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GString) head = g_string_new (NULL);
  g_autofree char *lower = NULL;
  g_autofree char *response = NULL;
  const char *length;
  gsize body = 0;
  char c;

  while (!g_str_has_suffix (head->str, "\r\n\r\n"))
    {
      if (g_input_stream_read (in, &c, 1, NULL, NULL) != 1)
        return;
      g_string_append_c (head, c);
    }
  lower = g_ascii_strdown (head->str, -1);
  if ((length = strstr (lower, "\r\ncontent-length:")) != NULL)
    body = g_ascii_strtoull (length + strlen ("\r\ncontent-length:"), NULL, 10);
  while (body > 0)
    {
      char buffer[4096];
      gssize n = g_input_stream_read (in, buffer, MIN (body, sizeof buffer), NULL, NULL);

      if (n <= 0)
        return;
      body -= n;
    }
  g_atomic_int_inc (&server->requests);

  response = fault_response (server->fault);
  if (response == NULL)
    {
      /* No answer until the test ends (the client gives up first). */
      g_mutex_lock (&server->lock);
      while (!server->stopping)
        g_cond_wait (&server->released, &server->lock);
      g_mutex_unlock (&server->lock);
      return;
    }
  g_output_stream_write_all (out, response, strlen (response), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return;
}

static gboolean
fault_run_cb (GThreadedSocketService *service,
              GSocketConnection      *connection,
              GObject                *source,
              FaultServer            *server)
{
  g_atomic_int_inc (&server->running);
  serve_fault (connection, server);
  g_atomic_int_dec_and_test (&server->running);
  return TRUE;
}

static FaultServer *
fault_server_new (Fault fault)
{
  FaultServer *server = g_new0 (FaultServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  server->fault = fault;
  g_mutex_init (&server->lock);
  g_cond_init (&server->released);
  server->service = g_threaded_socket_service_new (4);
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                 &bound, &error);
  g_assert_no_error (error);
  server->url = g_strdup_printf ("http://127.0.0.1:%u/",
                                 g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_signal_connect (server->service, "run", G_CALLBACK (fault_run_cb), server);
  g_socket_service_start (server->service);
  return server;
}

static void
fault_server_free (FaultServer *server)
{
  g_mutex_lock (&server->lock);
  server->stopping = TRUE;
  g_cond_broadcast (&server->released);
  g_mutex_unlock (&server->lock);
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  /* The threaded service does not wait for its handlers: wait here. */
  while (g_atomic_int_get (&server->running) > 0)
    g_usleep (1000);
  g_object_unref (server->service);
  g_mutex_clear (&server->lock);
  g_cond_clear (&server->released);
  g_free (server->url);
  g_free (server);
}

typedef struct
{
  char          *dir;
  char          *client_file;
  char          *server_file;
  char          *token;   /* the demo workspace's (it outlives server restarts) */
  ServerProcess *server;
  KocStore      *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("koc-sync-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->client_file = g_build_filename (fixture->dir, "client.db", NULL);
  fixture->server = server_start (fixture->dir, "--demo-scale", "0.01", NULL);
  fixture->token = g_strdup (fixture->server->token);
  g_assert_nonnull (fixture->token);
  fixture->server_file = sync_test_server_file (fixture->server);
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
  g_free (fixture->server_file);
  g_free (fixture->token);
  g_free (fixture->dir);
}

/* The server again on the same files (a new port), after it was killed. */
static void
restart_server (Fixture *fixture)
{
  g_clear_pointer (&fixture->server, sync_test_server_free);
  fixture->server = server_start (fixture->dir, NULL);
}

static gint64
pending (const char *path)
{
  /* 'sending': sent once, answer not recorded yet; the next sync sends it again. */
  return sync_test_int (path, "SELECT count (*) FROM outbox WHERE state IN ('pending', 'sending')");
}

static gint64
cursor (const char *path)
{
  return sync_test_int (path, "SELECT coalesce ((SELECT value FROM sync_state"
                              " WHERE key = 'cursor'), 0)");
}

static void
assert_file_whole (const char *path)
{
  g_autofree char *check = sync_test_text (path, "PRAGMA quick_check");

  g_assert_cmpstr (check, ==, "ok");
}

static void
sync_ok (Fixture       *fixture,
         KocSyncReport *report)
{
  g_autoptr(KocSyncEngine) engine = sync_test_engine (fixture->store, fixture->server,
                                                      fixture->token);
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_test_run (engine, NULL, report, &error));
  g_assert_no_error (error);
}

/* One sync against a faulty server: it fails with @code, says so in a sentence without
 * the server's internals, and leaves the workspace as it was. */
static void
assert_fault_harmless (Fixture *fixture,
                       Fault    fault,
                       guint    code)
{
  FaultServer *faulty = fault_server_new (fault);
  ServerProcess fake = { .url = faulty->url };
  g_autoptr(KocSyncEngine) engine = sync_test_engine (fixture->store, &fake,
                                                      fixture->token);
  g_autofree char *digest = sync_test_digest (fixture->client_file);
  g_autofree char *after = NULL;
  gint64 before_cursor = cursor (fixture->client_file);
  gint64 before_pending = pending (fixture->client_file);
  g_autoptr(GError) error = NULL;
  const char *message;
  KocSyncReport report;

  g_test_message ("fault %d with %" G_GINT64_FORMAT " pending edits", fault, before_pending);
  koc_sync_engine_set_timeout (engine, 1);
  g_assert_false (sync_test_run (engine, NULL, &report, &error));
  g_assert_error (error, KOC_SYNC_ERROR, code);
  g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_ERROR);
  message = koc_sync_engine_get_error_message (engine);
  g_assert_nonnull (message);
  g_assert_cmpuint (strlen (message), >, 20);
  g_assert_null (strstr (message, "/srv/secret.db"));
  g_assert_null (strstr (error->message, "/srv/secret.db"));
  g_assert_cmpint (g_atomic_int_get (&faulty->requests), >=, 1);
  /* Transport faults and 5xx are retried, answers that cannot be used are not. */
  g_assert_cmpuint (report.retries, ==, code == KOC_SYNC_ERROR_UNREACHABLE ? 2 : 0);
  g_assert_cmpuint (report.pushed, ==, 0);
  g_assert_cmpint (report.pulled, ==, 0);

  after = sync_test_digest (fixture->client_file);
  g_assert_cmpstr (after, ==, digest);
  g_assert_cmpint (cursor (fixture->client_file), ==, before_cursor);
  g_assert_cmpint (pending (fixture->client_file), ==, before_pending);
  g_clear_object (&engine);
  fault_server_free (faulty);
}

static void
test_faulty_server (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { Fault fault; guint code; } faults[] = {
    { FAULT_500, KOC_SYNC_ERROR_UNREACHABLE },
    { FAULT_HANG, KOC_SYNC_ERROR_UNREACHABLE },
    { FAULT_TRUNCATED, KOC_SYNC_ERROR_PROTOCOL },
    { FAULT_MALFORMED, KOC_SYNC_ERROR_PROTOCOL },
    { FAULT_WRONG_SHAPE, KOC_SYNC_ERROR_PROTOCOL },
    { FAULT_WRONG_TYPES, KOC_SYNC_ERROR_PROTOCOL },
    { FAULT_HTML, KOC_SYNC_ERROR_PROTOCOL },
    { FAULT_FEED_NEXT, KOC_SYNC_ERROR_PROTOCOL },
  };
  g_autofree char *person = NULL, *fields = NULL, *id = NULL, *body = NULL;
  KocSyncReport report;

  /* A synced workspace: the faults hit the pull. */
  sync_ok (fixture, &report);
  g_assert_cmpint (report.pulled, >, 1000);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    assert_fault_harmless (fixture, faults[i].fault, faults[i].code);

  /* With an edit waiting: the faults hit the push, and the edit keeps waiting. */
  person = sync_test_text (fixture->client_file, "SELECT uid FROM people ORDER BY id LIMIT 1");
  fields = g_strdup_printf ("{\"person_uid\":\"%s\",\"body\":\"断网也不丢 kept\"}", person);
  id = sync_test_enqueue (fixture->store, "note", "faultnote0001", "upsert", fields);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    assert_fault_harmless (fixture, faults[i].fault, faults[i].code);

  /* The real server again: the edit arrives once, and both sides agree. */
  sync_ok (fixture, &report);
  g_assert_cmpuint (report.pushed, ==, 1);
  g_assert_cmpint (pending (fixture->client_file), ==, 0);
  body = sync_test_text (fixture->server_file,
                         "SELECT body FROM notes WHERE uid = 'faultnote0001'");
  g_assert_cmpstr (body, ==, "断网也不丢 kept");
  sync_test_assert_same (fixture->server_file, fixture->client_file);
}

typedef struct
{
  ServerProcess *server;
  guint          kill_at;  /* progress notifications before the kill */
  guint          seen;
} Killer;

static void
progress_kill_cb (KocSyncEngine *engine,
                  GParamSpec    *pspec,
                  Killer        *killer)
{
  if (killer->seen++ != killer->kill_at)
    return;
  g_subprocess_force_exit (killer->server->process);
  g_subprocess_wait (killer->server->process, NULL, NULL);
}

/* Kills the server once @sql on its file gives more than @above (a batch committed), or
 * after @ticks polls when @sql is NULL. */
typedef struct
{
  Fixture    *fixture;
  const char *sql;
  gint64      above;
  guint       ticks;
} Poll;

static gboolean
poll_kill_cb (gpointer data)
{
  Poll *poll = data;

  if (poll->sql != NULL ? sync_test_int (poll->fixture->server_file, poll->sql) <= poll->above
                        : poll->ticks-- > 0)
    return G_SOURCE_CONTINUE;
  g_subprocess_force_exit (poll->fixture->server->process);
  return G_SOURCE_REMOVE;
}

/* One sync during which the server is SIGKILLed (unless the sync ends first, which
 * returns TRUE): after @kill_at progress notifications, or when @poll says so.
 * @report: what that sync did. */
static gboolean
sync_until_killed (Fixture       *fixture,
                   guint          kill_at,
                   Poll          *poll,
                   KocSyncReport *report)
{
  g_autoptr(KocSyncEngine) engine = sync_test_engine (fixture->store, fixture->server,
                                                      fixture->token);
  Killer killer = { fixture->server, kill_at, 0 };
  g_autoptr(GError) error = NULL;
  gboolean finished;
  guint timer = 0;

  koc_sync_engine_set_page_size (engine, 50);
  if (poll != NULL)
    timer = g_timeout_add (2, poll_kill_cb, poll);
  else
    g_signal_connect (engine, "notify::items", G_CALLBACK (progress_kill_cb), &killer);
  finished = sync_test_run (engine, NULL, report, &error);
  if (!finished)
    g_assert_error (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNREACHABLE);
  if (timer != 0 && g_main_context_find_source_by_id (NULL, timer) != NULL)
    g_source_remove (timer);
  g_subprocess_force_exit (fixture->server->process);
  g_subprocess_wait (fixture->server->process, NULL, NULL);
  restart_server (fixture);
  return finished;
}

static void
test_server_killed_mid_pull (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 pulled = 0, total;
  KocSyncReport report;

  /* Killed after 1, 3, 5… pages: every sync keeps the whole pages it committed. */
  for (guint i = 0; i < KILLS; i++)
    {
      gint64 before = cursor (fixture->client_file);

      if (!sync_until_killed (fixture, 1 + 2 * i, NULL, &report))
        g_assert_cmpint (report.pulled % 50, ==, 0);  /* whole pages */
      g_assert_cmpint (cursor (fixture->client_file), >=, before + report.pulled);
      pulled += report.pulled;
    }
  sync_ok (fixture, &report);
  pulled += report.pulled;

  total = sync_test_assert_same (fixture->server_file, fixture->client_file);
  /* No change applied twice, none missing. */
  g_assert_cmpint (pulled, ==, total);
  assert_file_whole (fixture->client_file);
}

static void
enqueue_notes (Fixture    *fixture,
               guint       count,
               const char *prefix)
{
  g_autofree char *person = sync_test_text (fixture->client_file,
                                            "SELECT uid FROM people ORDER BY id LIMIT 1");

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *uid = g_strdup_printf ("%s%05u", prefix, i);
      g_autofree char *fields = g_strdup_printf ("{\"person_uid\":\"%s\",\"body\":\"第 %u 条 note\"}",
                                                 person, i);
      g_autofree char *id = sync_test_enqueue (fixture->store, "note", uid, "upsert", fields);
    }
}

static void
assert_applied_once (Fixture    *fixture,
                     const char *prefix,
                     guint       count)
{
  g_autofree char *changes = g_strdup_printf ("SELECT count (*) FROM changes WHERE uid LIKE '%s%%'",
                                              prefix);
  g_autofree char *notes = g_strdup_printf ("SELECT count (*) FROM notes WHERE uid LIKE '%s%%'",
                                            prefix);

  g_assert_cmpint (sync_test_int (fixture->server_file, changes), ==, count);
  g_assert_cmpint (sync_test_int (fixture->server_file, notes), ==, count);
  g_assert_cmpint (sync_test_int (fixture->client_file, notes), ==, count);
}

static void
test_server_killed_mid_push (Fixture       *fixture,
                             gconstpointer  data)
{
  KocSyncReport report;
  guint pushed = 0;

  sync_ok (fixture, &report);
  enqueue_notes (fixture, 1200, "killpush");
  g_assert_cmpint (pending (fixture->client_file), ==, 1200);

  /* Killed at different moments of the push (batches of 500 edits): as soon as the
   * server has committed a batch (the client may or may not have its answer: then the
   * batch is sent again), and after 10, 60… ms (before or while the server applies one).
   * The lost answer itself is made certain in test-sync-push's replay-applies-once. */
  for (guint i = 0; i < KILLS; i++)
    {
      const char *sql = "SELECT count (*) FROM notes WHERE uid LIKE 'killpush%'";
      Poll poll = { fixture, i % 2 == 0 ? sql : NULL, 0, 5 + 25 * i };
      gint64 done;

      poll.above = sync_test_int (fixture->server_file, sql);
      sync_until_killed (fixture, G_MAXUINT, &poll, &report);
      pushed += report.pushed;
      done = sync_test_int (fixture->client_file, "SELECT count (*) FROM outbox WHERE state = 'done'"
                                                  " AND entity_uid LIKE 'killpush%'");
      g_test_message ("kill %u: %u pushed; server has %" G_GINT64_FORMAT ", client recorded %"
                      G_GINT64_FORMAT, i, report.pushed, sync_test_int (fixture->server_file, sql),
                      done);
    }
  sync_ok (fixture, &report);
  pushed += report.pushed;

  g_assert_cmpint (pending (fixture->client_file), ==, 0);
  /* A batch the server applied but whose answer was lost is replayed: reported again,
   * applied once. */
  g_assert_cmpuint (pushed, >=, 1200);
  assert_applied_once (fixture, "killpush", 1200);
  sync_test_assert_same (fixture->server_file, fixture->client_file);
}

static GSubprocess *
cli_sync (Fixture  *fixture,
          GError  **error)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);

  g_subprocess_launcher_setenv (launcher, "KOC_TEST_TOKEN", fixture->token, TRUE);
  return g_subprocess_launcher_spawn (launcher, error, g_getenv ("KOCDESK_CLI"), "sync",
                                      "--db", fixture->client_file,
                                      "--server", fixture->server->url,
                                      "--token-env", "KOC_TEST_TOKEN", NULL);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* kocdesk-cli sync SIGKILLed @KILLS times, after 100 ms, 175 ms, …; then one to its end. */
static void
kill_cli_syncs (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) last = NULL;
  gint64 last_cursor = cursor (fixture->client_file);

  for (guint i = 0; i < KILLS; i++)
    {
      g_autoptr(GSubprocess) process = cli_sync (fixture, &error);
      gboolean waited = FALSE;

      g_assert_no_error (error);
      g_timeout_add (100 + 75 * i, quit_cb, &waited);
      while (!waited)
        g_main_context_iteration (NULL, TRUE);
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      g_test_message ("kill %u: cursor %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " pending", i,
                      cursor (fixture->client_file), pending (fixture->client_file));
      /* The file is whole after each kill, and its cursor never goes back. */
      assert_file_whole (fixture->client_file);
      g_assert_cmpint (cursor (fixture->client_file), >=, last_cursor);
      last_cursor = cursor (fixture->client_file);
    }

  last = cli_sync (fixture, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (last), ==, 0);
}

static void
test_client_killed_mid_sync (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *server_digest = NULL, *client_digest = NULL;

  /* The first sync of an empty workspace, killed while it pulls. */
  g_clear_pointer (&fixture->store, sync_test_close_store);
  kill_cli_syncs (fixture);
  sync_test_assert_same (fixture->server_file, fixture->client_file);

  /* Edits waiting in the file, killed while it pushes (and pulls them back). */
  fixture->store = sync_test_open_store (fixture->client_file);
  enqueue_notes (fixture, 800, "killcli");
  g_clear_pointer (&fixture->store, sync_test_close_store);
  kill_cli_syncs (fixture);

  g_assert_cmpint (pending (fixture->client_file), ==, 0);
  assert_applied_once (fixture, "killcli", 800);
  sync_test_assert_same (fixture->server_file, fixture->client_file);
  server_digest = sync_test_digest (fixture->server_file);
  client_digest = sync_test_digest (fixture->client_file);
  g_assert_cmpstr (client_digest, ==, server_digest);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/koc/sync/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("faulty-server", test_faulty_server);
  ADD ("server-killed-mid-pull", test_server_killed_mid_pull);
  ADD ("server-killed-mid-push", test_server_killed_mid_push);
  ADD ("client-killed-mid-sync", test_client_killed_mid_sync);
#undef ADD

  return g_test_run ();
}
