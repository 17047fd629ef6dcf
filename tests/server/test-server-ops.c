/* test-server-ops.c: running kocdesk-server — the token commands, the rate limit,
 * SIGTERM (clean exit, healthy files) and HTTPS. Each test starts its own server.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-test-utils.h"
#include "server-fixture.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = koc_test_make_tmp_dir ();
  fixture->db = g_build_filename (fixture->dir, "registry.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static char *
create_token (Fixture    *fixture,
              const char *workspace)
{
  char *out = NULL;

  g_assert_cmpint (server_cli (fixture->db, &out, "token", "create", workspace, NULL), ==, 0);
  g_strstrip (out);
  g_assert_true (g_str_has_prefix (out, "koc_"));
  g_assert_null (strchr (out, '\n'));
  return out;
}

static void
test_token_cli (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *token = create_token (fixture, "acme");
  g_autofree char *other = create_token (fixture, "acme");
  g_autofree char *list = NULL;
  g_autofree char *list_after = NULL;
  g_autofree char *prefix = g_strndup (token, 12);
  g_autoptr(Reply) before = NULL;
  g_autoptr(Reply) revoked = NULL;
  g_autoptr(Reply) still = NULL;
  ServerProcess *server;

  g_assert_cmpint (server_cli (fixture->db, &list, "token", "list", "acme", NULL), ==, 0);
  g_assert_nonnull (strstr (list, "acme"));
  g_assert_nonnull (strstr (list, prefix));
  g_assert_nonnull (strstr (list, "active"));
  g_assert_null (strstr (list, token)); /* never the whole token */

  server = server_start (fixture->dir, NULL);
  before = server_request (server, "GET", "v1/changes", token, NULL, NULL);
  g_assert_cmpuint (before->status, ==, 200);

  /* Revoked while the server runs: refused from the next request on. */
  g_assert_cmpint (server_cli (fixture->db, NULL, "token", "revoke", "acme", "--id", "1", NULL),
                   ==, 0);
  revoked = server_request (server, "GET", "v1/changes", token, NULL, NULL);
  g_assert_cmpuint (revoked->status, ==, 401);
  still = server_request (server, "GET", "v1/changes", other, NULL, NULL);
  g_assert_cmpuint (still->status, ==, 200);

  g_assert_cmpint (server_cli (fixture->db, &list_after, "token", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (list_after, "revoked"));
  g_assert_cmpint (server_cli (fixture->db, NULL, "token", "revoke", "acme", "--id", "1", NULL),
                   ==, 1);
  g_assert_cmpint (server_cli (fixture->db, NULL, "token", "create", "../escape", NULL), ==, 1);

  g_assert_cmpint (server_stop (server), ==, 0);
  server_free (server);
}

static void
test_rate_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *token = create_token (fixture, "acme");
  g_autofree char *token_b = create_token (fixture, "beta");
  g_autoptr(Reply) limited = NULL;
  g_autoptr(Reply) other = NULL;
  ServerProcess *server;
  const char *retry_after_text;
  guint64 retry_after = 0;

  /* 3 at once, then one every 1000 s: the 4th request is refused whatever the timing. */
  server = server_start (fixture->dir, "--rate-limit", "0.001", "--rate-burst", "3", NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(Reply) reply = server_request (server, "GET", "v1/changes", token, NULL, NULL);

      g_assert_cmpuint (reply->status, ==, 200);
    }
  limited = server_request (server, "GET", "v1/changes", token, NULL, NULL);
  g_assert_cmpuint (limited->status, ==, 429);
  g_assert_cmpstr (reply_error_code (limited), ==, "rate_limited");
  retry_after_text = soup_message_headers_get_one (limited->headers, "Retry-After");
  g_assert_true (g_ascii_string_to_unsigned (retry_after_text, 10, 1, 100000, &retry_after, NULL));
  g_assert_cmpuint (retry_after, >=, 1);

  /* The bucket is per token. */
  other = server_request (server, "GET", "v1/changes", token_b, NULL, NULL);
  g_assert_cmpuint (other->status, ==, 200);

  g_assert_cmpint (server_stop (server), ==, 0);
  server_free (server);
}

static void
test_sigterm (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *workspace = g_build_filename (fixture->dir, "workspaces", "demo.db", NULL);
  g_autoptr(GSubprocess) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Reply) reply = NULL;
  ServerProcess *server;

  server = server_start (fixture->dir, "--demo-scale", "0.01", NULL);
  reply = server_request (server, "POST", "v1/mutations", server->token,
                          "{\"mutations\":[{\"id\":\"term-1\",\"kind\":\"saved_search\","
                          "\"entity_uid\":\"s1\",\"op\":\"upsert\",\"fields\":{\"name\":\"n\","
                          "\"query\":{}}}]}", NULL);
  g_assert_cmpuint (reply->status, ==, 200);

  g_assert_cmpint (server_stop (server), ==, 0);
  server_free (server);

  check = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                            g_getenv ("KOCDESK_CLI"), "check", workspace, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (check, NULL, &error);
  g_assert_no_error (error);
}

static void
test_tls (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *cert = g_build_filename (fixture->dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (fixture->dir, "key.pem", NULL);
  g_autofree char *old_asan = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GSubprocess) req = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Reply) reply = NULL;
  ServerProcess *server;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed: cannot make a test certificate");
      return;
    }

  req = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                          &error,
                          openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                          "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                          "-days", "2", "-subj", "/CN=127.0.0.1", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (req, NULL, &error);
  g_assert_no_error (error);

  token = create_token (fixture, "acme");
  /* In sanitizer builds LeakSanitizer itself crashes walking glib-networking's TLS
   * threads at exit; the other server tests keep leak checking on. */
  old_asan = g_strdup (g_getenv ("ASAN_OPTIONS"));
  g_setenv ("ASAN_OPTIONS", "fast_unwind_on_malloc=0:detect_leaks=0", TRUE);
  server = server_start (fixture->dir, "--tls-cert", cert, "--tls-key", key, NULL);
  if (old_asan != NULL)
    g_setenv ("ASAN_OPTIONS", old_asan, TRUE);
  else
    g_unsetenv ("ASAN_OPTIONS");
  g_assert_true (g_str_has_prefix (server->url, "https://127.0.0.1:"));
  reply = server_request (server, "GET", "v1/changes", token, NULL, NULL);
  g_assert_cmpuint (reply->status, ==, 200);

  g_assert_cmpint (server_stop (server), ==, 0);
  server_free (server);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/ops/token-cli", Fixture, NULL,
              fixture_set_up, test_token_cli, fixture_tear_down);
  g_test_add ("/server/ops/rate-limit", Fixture, NULL,
              fixture_set_up, test_rate_limit, fixture_tear_down);
  g_test_add ("/server/ops/sigterm", Fixture, NULL,
              fixture_set_up, test_sigterm, fixture_tear_down);
  g_test_add ("/server/ops/tls", Fixture, NULL,
              fixture_set_up, test_tls, fixture_tear_down);
  return g_test_run ();
}
