/* koc-cli-sync.c: `kocdesk-cli sync --db FILE.db --server URL [--token-env VAR]
 * [--page-size N] [--retries N]`.
 *
 * One sync of a workspace file with a server (the file is created when missing, so a
 * new device pulls everything): push the outbox, pull the change feed. The token comes
 * from the environment variable VAR (default KOCDESK_TOKEN), never from the command
 * line, where other users could read it. Prints a report of `key: value` lines
 * (pushed, conflicts, rejected, pulled, skipped, pages, bytes, retries, rate_limited,
 * seconds, rate) on stdout; exit 1 when the sync failed.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "koc-cli.h"
#include "koc-store.h"
#include "koc-sync-engine.h"

typedef struct
{
  GMainLoop     *loop;
  KocSyncReport  report;
  GError        *error;
  gboolean       ok;
} SyncWait;

static void
synced_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->ok = koc_sync_engine_sync_finish (KOC_SYNC_ENGINE (object), result, &wait->report,
                                          &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
print_report (const KocSyncReport *report)
{
  printf ("pushed: %u\nconflicts: %u\nrejected: %u\n", report->pushed, report->conflicts,
          report->rejected);
  printf ("pulled: %" G_GINT64_FORMAT "\nskipped: %" G_GINT64_FORMAT "\npages: %u\n",
          report->pulled, report->skipped, report->pages);
  printf ("bytes: %" G_GUINT64_FORMAT "\nretries: %u\nrate_limited: %u\n", report->bytes,
          report->retries, report->rate_limited);
  printf ("seconds: %.3f\nrate: %.0f changes/s\n", report->seconds,
          report->seconds > 0 ? report->pulled / report->seconds : 0.0);
  fflush (stdout);
}

static gboolean
parse_uint (const char *text,
            guint       max,
            guint      *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return FALSE;
  *out = (guint)value;
  return TRUE;
}

int
koc_cli_sync (int    argc,
              char **argv)
{
  g_autoptr(KocStore) store = NULL;
  g_autoptr(KocSyncEngine) engine = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  const char *db = NULL, *server = NULL, *token_env = "KOCDESK_TOKEN";
  const char *token;
  guint page_size = 500, retries = 5;
  SyncWait wait = { 0 };

  for (int i = 1; i < argc; i++)
    {
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (strcmp (argv[i], "--db") == 0 && value != NULL)
        db = argv[++i];
      else if (strcmp (argv[i], "--server") == 0 && value != NULL)
        server = argv[++i];
      else if (strcmp (argv[i], "--token-env") == 0 && value != NULL)
        token_env = argv[++i];
      else if (strcmp (argv[i], "--page-size") == 0 && parse_uint (value, 500, &page_size) &&
               page_size > 0)
        i++;
      else if (strcmp (argv[i], "--retries") == 0 && parse_uint (value, 100, &retries))
        i++;
      else
        {
          fprintf (stderr, _("Usage: kocdesk-cli sync --db FILE.db --server URL"
                             " [--token-env VAR] [--page-size N] [--retries N]\n"));
          return 2;
        }
    }
  if (db == NULL || server == NULL)
    {
      fprintf (stderr, _("Usage: kocdesk-cli sync --db FILE.db --server URL"
                         " [--token-env VAR] [--page-size N] [--retries N]\n"));
      return 2;
    }

  token = g_getenv (token_env);
  if (token == NULL || *token == '\0')
    return koc_cli_fail (_("The environment variable %s holds no access token."), token_env);

  store = koc_store_open_sync (db, KOC_STORE_OPEN_CREATE, NULL, &error);
  if (store == NULL)
    return koc_cli_fail ("%s", error->message);

  engine = koc_sync_engine_new (store, server, token);
  koc_sync_engine_set_page_size (engine, page_size);
  koc_sync_engine_set_max_retries (engine, retries);

  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  koc_sync_engine_sync_async (engine, NULL, synced_cb, &wait);
  g_main_loop_run (loop);

  print_report (&wait.report);
  if (!wait.ok)
    {
      int status = koc_cli_fail ("%s", wait.error->message);

      g_clear_error (&wait.error);
      return status;
    }
  return 0;
}
