/* koc-fts-extension.c: the "koc" tokenizer as a loadable SQLite extension.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   sqlite3 db.sqlite
 *   sqlite> .load /path/to/build/src/store/libkoc-fts-ext
 *   sqlite> CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'koc');
 *
 * The entry point sqlite3_kocftsext_init is what the shell derives from the file name;
 * sqlite3_extension_init is the generic fallback.  The tokenizer code calls libsqlite3
 * directly, so the host must use the system libsqlite3.so (the Debian sqlite3 shell does).
 */
#include "config.h"

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "koc-fts.h"

#define KOC_EXPORT __attribute__ ((visibility ("default")))

KOC_EXPORT int sqlite3_kocftsext_init  (sqlite3                    *db,
                                        char                      **error_message,
                                        const sqlite3_api_routines *api);
KOC_EXPORT int sqlite3_extension_init  (sqlite3                    *db,
                                        char                      **error_message,
                                        const sqlite3_api_routines *api);

KOC_EXPORT int
sqlite3_kocftsext_init (sqlite3                    *db,
                        char                      **error_message,
                        const sqlite3_api_routines *api)
{
  int rc;

  SQLITE_EXTENSION_INIT2 (api);

  rc = koc_fts_register (db);
  if (rc != SQLITE_OK && error_message != NULL)
    *error_message = sqlite3_mprintf ("koc tokenizer: %s", sqlite3_errstr (rc));
  return rc;
}

KOC_EXPORT int
sqlite3_extension_init (sqlite3                    *db,
                        char                      **error_message,
                        const sqlite3_api_routines *api)
{
  return sqlite3_kocftsext_init (db, error_message, api);
}
