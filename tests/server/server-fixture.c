/* server-fixture.c: see server-fixture.h.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "koc-test-utils.h"
#include "server-fixture.h"

static const char *
server_binary (void)
{
  const char *path = g_getenv ("KOCDESK_SERVER");

  g_assert_nonnull (path);
  return path;
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  return TRUE; /* the tests' self-signed certificate */
}

/* In the child: a test that aborts must not leave its server running. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

ServerProcess *
server_start (const char *dir,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  ServerProcess *server = g_new0 (ServerProcess, 1);
  const char *arg;
  va_list args;

  server->dir = g_strdup (dir);
  server->db = g_build_filename (dir, "registry.db", NULL);

  g_ptr_array_add (argv, (gpointer)server_binary ());
  g_ptr_array_add (argv, (gpointer)"--db");
  g_ptr_array_add (argv, server->db);
  g_ptr_array_add (argv, (gpointer)"--listen");
  g_ptr_array_add (argv, (gpointer)"127.0.0.1:0");
  va_start (args, dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata,
                                                  &error);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  while (server->url == NULL)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line); /* EOF: the server died; its stderr says why */
      if (g_str_has_prefix (line, "token: "))
        server->token = g_strdup (line + strlen ("token: "));
      else if (g_str_has_prefix (line, "http://") || g_str_has_prefix (line, "https://"))
        server->url = g_strdup (line);
      else
        g_error ("Unexpected line on the server's stdout: %s", line);
    }

  server->session = soup_session_new ();
  return server;
}

int
server_stop (ServerProcess *server)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server->process));
  return g_subprocess_get_exit_status (server->process);
}

void
server_free (ServerProcess *server)
{
  if (server->process != NULL && !g_subprocess_get_if_exited (server->process) &&
      !g_subprocess_get_if_signaled (server->process))
    {
      g_subprocess_force_exit (server->process);
      g_subprocess_wait (server->process, NULL, NULL);
    }
  g_clear_object (&server->process);
  g_clear_object (&server->session);
  g_free (server->dir);
  g_free (server->db);
  g_free (server->url);
  g_free (server->token);
  g_free (server);
}

int
server_cli (const char  *db,
            char       **out,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer)server_binary ());
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, (gpointer)"--db");
  g_ptr_array_add (argv, (gpointer)db);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, NULL, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

Reply *
server_request (ServerProcess *server,
                const char    *method,
                const char    *path,
                const char    *token,
                const char    *body,
                const char    *if_none_match)
{
  g_autofree char *url = g_strconcat (server->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  Reply *reply = g_new0 (Reply, 1);
  const char *type;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (if_none_match != NULL)
    soup_message_headers_replace (headers, "If-None-Match", if_none_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), NULL);

  soup_session_send_and_read_async (server->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    koc_test_result_cb, &result);
  koc_test_wait_for_result (&result);
  reply->body = soup_session_send_and_read_finish (server->session, result, &error);
  g_assert_no_error (error);

  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  type = soup_message_headers_get_content_type (reply->headers, NULL);
  if (g_strcmp0 (type, "application/json") == 0 && g_bytes_get_size (reply->body) > 0)
    {
      gsize size;
      const char *data = g_bytes_get_data (reply->body, &size);
      g_autofree char *text = g_strndup (data, size);

      reply->json = json_from_string (text, &error);
      g_assert_no_error (error);
    }
  return reply;
}

void
reply_free (Reply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_free (reply);
}

JsonObject *
reply_object (Reply *reply)
{
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));
  return json_node_get_object (reply->json);
}

const char *
reply_error_code (Reply *reply)
{
  JsonObject *error = json_object_get_object_member (reply_object (reply), "error");

  g_assert_nonnull (error);
  g_assert_nonnull (json_object_get_string_member (error, "message"));
  return json_object_get_string_member (error, "code");
}
