/* fuzz-sync-page.c: libFuzzer target for the API JSON decoders: a page of
 * GET /v1/changes applied to a workspace (src/sync/koc-sync-store.c), which decodes each
 * change's entity JSON into its row (src/store/koc-entities.c). Built with -Dfuzzing=true
 * and clang; seeds in tests/fuzz/corpus-sync-page/.
 *
 *   build-fuzz/tests/io/fuzz-sync-page -max_len=4096 tests/fuzz/corpus-sync-page
 *
 * One workspace is made at start in a temporary file; every input is applied inside a
 * savepoint that is rolled back, so inputs do not depend on each other. A page must be
 * applied or refused with a GError; SQLite must never report corruption, and the
 * workspace must stay consistent (foreign keys).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-store.h"
#include "koc-sync-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static sqlite3 *db;

static void
open_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kocdesk-fuzz-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fuzz.db", NULL);

  db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);
  if (db == NULL)
    {
      g_printerr ("fuzz-sync-page: %s\n", error->message);
      abort ();
    }
  /* A few rows for changes to refer to. */
  if (!koc_db_exec (db, "INSERT INTO people (uid, display_name) VALUES ('00000000000000000000000000000001', 'A');"
                        "INSERT INTO accounts (uid, person_id, platform, handle) VALUES"
                        " ('00000000000000000000000000000002', 1, 'weibo', 'a');", &error))
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *body = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  KocSyncPage page;
  gint64 violations = 0;
  gboolean ok;

  if (db == NULL)
    open_workspace ();
  if (!koc_db_exec (db, "SAVEPOINT fuzz", NULL))
    abort ();
  ok = koc_sync_store_apply_page (db, body, &page, NULL, &error);
  if (!ok && (error == NULL || error->message == NULL))
    abort ();
  if (ok && error != NULL)
    abort ();
  if (error != NULL && g_error_matches (error, KOC_STORE_ERROR, KOC_STORE_ERROR_CORRUPT))
    abort ();
  if (!koc_db_query_int64 (db, "SELECT count(*) FROM pragma_foreign_key_check", 0, &violations, NULL) ||
      violations != 0)
    abort ();
  if (!koc_db_exec (db, "ROLLBACK TO fuzz; RELEASE fuzz", NULL))
    abort ();
  return 0;
}
