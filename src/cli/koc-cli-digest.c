/* koc-cli-digest.c: `kocdesk-cli digest FILE.db` — one SHA-256 of all synced content.
 *
 * Prints "DIGEST  ENTITIES" (64 hex digits, two spaces, the number of entities) on
 * stdout. Equal digests mean equal synced data (docs/sync.md); use it to check that two
 * copies of a workspace, or a server and a client, agree. The file is opened read-only
 * and never modified.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "koc-cli.h"
#include "koc-db.h"
#include "koc-sync-digest.h"

int
koc_cli_digest (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  sqlite3 *db;
  gint64 n = 0;

  if (argc != 2 || argv[1][0] == '-')
    {
      fprintf (stderr, "%s\n", _("Usage: kocdesk-cli digest FILE.db"));
      return 2;
    }

  db = koc_db_open (argv[1], KOC_STORE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return koc_cli_fail ("%s", error->message);

  digest = koc_sync_digest (db, &n, NULL, &error);
  koc_db_close (db);
  if (digest == NULL)
    return koc_cli_fail ("%s", error->message);

  printf ("%s  %lld\n", digest, (long long) n);
  return 0;
}
