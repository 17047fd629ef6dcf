/* kocdesk-server.c: the kocdesk-server executable.
 *
 *   kocdesk-server --db FILE --listen HOST:PORT [--data-dir DIR] [--demo-scale N]
 *                  [--tls-cert PEM --tls-key PEM] [--rate-limit R] [--rate-burst N]
 *                  [--max-body BYTES]
 *   kocdesk-server token create|list|revoke WORKSPACE --db FILE [--data-dir DIR] [--id N]
 *
 * Serving prints exactly one line on stdout, the base URL (flushed), after the demo
 * token line when a demo workspace was created; the request log goes to stderr.
 * SIGTERM and SIGINT shut down gracefully (requests in flight finish) and exit 0.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-server"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "koc-demo.h"
#include "koc-i18n.h"
#include "koc-server.h"
#include "koc-server-registry.h"

#define DEMO_WORKSPACE "demo"

static char *opt_db;
static char *opt_data_dir;
static char *opt_listen;
static char *opt_tls_cert;
static char *opt_tls_key;
static double opt_demo_scale;
static double opt_rate_limit = 50;
static int opt_rate_burst;
static gint64 opt_max_body;
static gint64 opt_max_media;
static gint64 opt_token_id;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db,
    N_("The registry of workspaces and tokens"), N_("FILE") },
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_data_dir,
    N_("Folder of the workspace files (default: “workspaces” next to the registry)"),
    N_("DIR") },
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("Address to listen on; port 0 picks a free port"), N_("HOST:PORT") },
  { "demo-scale", 0, 0, G_OPTION_ARG_DOUBLE, &opt_demo_scale,
    N_("On first start, create a demo workspace of this scale and print its token"), N_("N") },
  { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_cert,
    N_("Serve HTTPS with this PEM certificate"), N_("FILE") },
  { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_key,
    N_("The PEM private key of --tls-cert"), N_("FILE") },
  { "rate-limit", 0, 0, G_OPTION_ARG_DOUBLE, &opt_rate_limit,
    N_("Requests per second allowed per token (0: no limit; default 50)"), N_("R") },
  { "rate-burst", 0, 0, G_OPTION_ARG_INT, &opt_rate_burst,
    N_("Requests a token may make at once (default: twice the rate)"), N_("N") },
  { "max-body", 0, 0, G_OPTION_ARG_INT64, &opt_max_body,
    N_("Largest request body in bytes (default 1 MiB)"), N_("BYTES") },
  { "max-media", 0, 0, G_OPTION_ARG_INT64, &opt_max_media,
    N_("Largest uploaded file (PUT /v1/media) in bytes (default 32 MiB)"), N_("BYTES") },
  { "id", 0, 0, G_OPTION_ARG_INT64, &opt_token_id,
    N_("token revoke: only this token (default: all)"), N_("ID") },
  { NULL }
};

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "kocdesk-server: %s\n", message);
  return 1;
}

static int
run_token (int    argc,
           char **argv)
{
  g_autoptr(KocRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  const char *command = argc > 1 ? argv[1] : NULL;
  const char *workspace = argc > 2 ? argv[2] : NULL;

  if (command == NULL || (workspace == NULL && strcmp (command, "list") != 0))
    return fail ("%s", _("usage: kocdesk-server token create|list|revoke WORKSPACE --db FILE"));

  if ((registry = koc_registry_open (opt_db, opt_data_dir, &error)) == NULL)
    return fail ("%s", error->message);

  if (strcmp (command, "create") == 0)
    {
      g_autofree char *token = NULL;
      gint64 id = 0;

      if ((token = koc_registry_create_token (registry, workspace, &id, &error)) == NULL)
        return fail ("%s", error->message);
      /* The only time the token is ever shown: the registry keeps its hash. */
      printf ("%s\n", token);
      fprintf (stderr, _("Token %lld created for workspace “%s”. Store it now:"
                         " it cannot be shown again.\n"), (long long) id, workspace);
      return 0;
    }

  if (strcmp (command, "list") == 0)
    {
      g_autoptr(GPtrArray) tokens = koc_registry_list_tokens (registry, workspace, &error);

      if (tokens == NULL)
        return fail ("%s", error->message);
      for (guint i = 0; i < tokens->len; i++)
        {
          KocTokenInfo *info = g_ptr_array_index (tokens, i);
          g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (info->created_at);
          g_autofree char *when = g_date_time_format_iso8601 (created);

          printf ("%" G_GINT64_FORMAT "\t%s\t%s…\t%s\t%s\n", info->id, info->workspace,
                  info->prefix, when, info->revoked_at != 0 ? _("revoked") : _("active"));
        }
      return 0;
    }

  if (strcmp (command, "revoke") == 0)
    {
      int n = koc_registry_revoke (registry, workspace, opt_token_id, &error);

      if (n < 0)
        return fail ("%s", error->message);
      if (n == 0)
        return fail (_("No active token to revoke for workspace “%s”"), workspace);
      fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "Revoked %d token of workspace “%s”.\n",
                                    "Revoked %d tokens of workspace “%s”.\n", n), n, workspace);
      return 0;
    }

  return fail (_("unknown token command “%s”"), command);
}

/* --demo-scale on a first start: a demo workspace and a token for it. */
static gboolean
create_demo (GError **error)
{
  g_autoptr(KocRegistry) registry = NULL;
  g_autofree char *path = NULL;
  g_autofree char *token = NULL;
  KocDemoOptions options = { 0 };
  KocDemoStats stats = { 0 };

  if (g_file_test (opt_db, G_FILE_TEST_EXISTS))
    return TRUE;
  if ((registry = koc_registry_open (opt_db, opt_data_dir, error)) == NULL)
    return FALSE;

  path = koc_registry_workspace_path (registry, DEMO_WORKSPACE);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      options.scale = opt_demo_scale;
      options.seed = KOC_DEMO_DEFAULT_SEED;
      if (!koc_demo_generate (path, &options, &stats, error))
        return FALSE;
      g_message ("Demo workspace: %" G_GUINT64_FORMAT " accounts, %" G_GUINT64_FORMAT " posts",
                 stats.accounts, stats.posts);
    }
  if ((token = koc_registry_create_token (registry, DEMO_WORKSPACE, NULL, error)) == NULL)
    return FALSE;
  printf ("token: %s\n", token);
  fflush (stdout);
  return TRUE;
}

static void
shutdown_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  koc_server_shutdown_finish (KOC_SERVER (source), result, NULL);
  g_main_loop_quit (user_data);
}

typedef struct
{
  KocServer *server;
  GMainLoop *loop;
} SignalData;

static gboolean
signal_cb (gpointer user_data)
{
  SignalData *data = user_data;

  koc_server_shutdown_async (data->server, shutdown_done_cb, data->loop);
  return G_SOURCE_CONTINUE;
}

static int
run_server (void)
{
  g_autoptr(KocServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  KocServerOptions options = { 0 };
  SignalData signal_data;
  guint term_id, int_id;

  if (opt_listen == NULL)
    return fail ("%s", _("--listen HOST:PORT is required"));
  if ((opt_tls_cert == NULL) != (opt_tls_key == NULL))
    return fail ("%s", _("--tls-cert and --tls-key go together"));
  if (opt_max_body < 0 || opt_max_media < 0 || opt_rate_burst < 0)
    return fail ("%s", _("--max-body, --max-media and --rate-burst cannot be negative"));

  if (opt_demo_scale > 0 && !create_demo (&error))
    return fail (_("Could not create the demo workspace: %s"), error->message);

  options.db_path = opt_db;
  options.data_dir = opt_data_dir;
  options.tls_cert = opt_tls_cert;
  options.tls_key = opt_tls_key;
  options.rate_limit = opt_rate_limit;
  options.rate_burst = opt_rate_burst;
  options.max_body = opt_max_body;
  options.max_media = opt_max_media;

  if ((server = koc_server_new (&options, &error)) == NULL)
    return fail (_("Could not start: %s"), error->message);
  if ((url = koc_server_listen (server, opt_listen, &error)) == NULL)
    return fail (_("Could not listen on %s: %s"), opt_listen, error->message);

  printf ("%s\n", url);
  fflush (stdout);
  g_message ("Listening on %s", url);

  loop = g_main_loop_new (NULL, FALSE);
  signal_data.server = server;
  signal_data.loop = loop;
  term_id = g_unix_signal_add (SIGTERM, signal_cb, &signal_data);
  int_id = g_unix_signal_add (SIGINT, signal_cb, &signal_data);
  g_main_loop_run (loop);
  g_source_remove (term_id);
  g_source_remove (int_id);

  /* Let the stores' last deliveries run, so every connection is closed here. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  koc_i18n_init ();

  context = g_option_context_new (_("[token create|list|revoke WORKSPACE] — the KOC Desk"
                                    " sync server"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fail ("%s", error->message);
      return 2;
    }
  if (opt_db == NULL)
    {
      fail ("%s", _("--db FILE is required"));
      return 2;
    }

  if (argc > 1 && strcmp (argv[1], "token") == 0)
    return run_token (argc - 1, argv + 1);
  if (argc > 1)
    {
      fail (_("unexpected argument “%s”"), argv[1]);
      return 2;
    }
  return run_server ();
}
