/* koc-cli-check.c: `kocdesk-cli check FILE.db` — is this workspace healthy?
 *
 * Runs, without ever modifying the file: the opening rules of koc_db_open() (read-only:
 * SQLite header, application id, schema version, quick check or b-tree roots), then
 * PRAGMA integrity_check, PRAGMA foreign_key_check, the schema version and tables, and
 * FTS5 'integrity-check' (index against content) on every full-text table. Prints one
 * line per check and exits 1 when anything is wrong.
 *
 * FTS5's integrity-check is an INSERT command, which a read-only connection refuses;
 * it runs on a second connection inside a transaction that is always rolled back, with
 * checkpoint-on-close disabled, so that the database file is not written either.
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
#include "koc-fts.h"
#include "koc-schema.h"
#include "koc-store.h"

#define MAX_REPORTED 20

typedef struct
{
  const char *path;
  GPtrArray  *problems; /* of char*, translated sentences */
  GPtrArray  *passed;   /* names of the checks that passed */
  gint64      counts[3]; /* people, accounts, posts */
} Check;

static void
problem (Check      *check,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (Check      *check,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (check->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
check_integrity (sqlite3  *db,
                 Check    *check,
                 GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  guint before = check->problems->len;
  int rc;

  if (!koc_db_prepare (db, "PRAGMA integrity_check (" G_STRINGIFY (MAX_REPORTED) ")", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        problem (check, _("integrity_check: %s"), line);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("integrity_check could not run"), error);

  if (check->problems->len == before)
    g_ptr_array_add (check->passed, g_strdup ("integrity_check"));
  return TRUE;
}

static gboolean
check_foreign_keys (sqlite3  *db,
                    Check    *check,
                    GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  if (!koc_db_prepare (db, "PRAGMA foreign_key_check", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ < MAX_REPORTED)
        problem (check, _("foreign_key_check: row %lld of table “%s” points to a missing row"
                          " of “%s”"),
                 (long long)sqlite3_column_int64 (stmt, 1),
                 (const char *)sqlite3_column_text (stmt, 0),
                 (const char *)sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("foreign_key_check could not run"), error);

  if (n > MAX_REPORTED)
    problem (check, _("foreign_key_check: %u more broken references"), n - MAX_REPORTED);
  if (n == 0)
    g_ptr_array_add (check->passed, g_strdup ("foreign_key_check"));
  return TRUE;
}

static gboolean
check_schema (sqlite3  *db,
              Check    *check,
              GError  **error)
{
  const char * const *tables = koc_schema_tables ();
  guint before = check->problems->len;
  int version;

  if ((version = koc_schema_get_version (db, error)) < 0)
    return FALSE;
  if (version != KOC_SCHEMA_VERSION)
    problem (check, _("schema: version %d, this build expects %d"), version, KOC_SCHEMA_VERSION);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (!koc_db_prepare (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                           &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        problem (check, _("schema: table “%s” is missing"), tables[i]);
      else if (rc != SQLITE_ROW)
        return koc_db_set_error (db, rc, _("Could not read the schema"), error);
    }

  if (check->problems->len == before)
    g_ptr_array_add (check->passed, g_strdup_printf ("schema (version %d)", version));
  return TRUE;
}

/* On its own connection: see the comment at the top. */
static void
check_fts (Check *check)
{
  const char * const *fts = koc_schema_fts_tables ();
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (check->path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (rc == SQLITE_OK)
    rc = koc_fts_register (db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      problem (check, _("full-text: could not open the file to check the indexes (%s)"),
               sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return;
    }
  sqlite3_busy_timeout (db, 5000);

  for (guint i = 0; fts[i] != NULL; i++)
    {
      /* Table names are our constants. */
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES"
                                              " ('integrity-check', 1)", fts[i], fts[i]);

      if ((rc = sqlite3_exec (db, sql, NULL, NULL, NULL)) != SQLITE_OK)
        problem (check, _("full-text: index “%s” does not match its table (%s); rebuild it"
                          " with INSERT INTO %s(%s) VALUES ('rebuild')"),
                 fts[i], sqlite3_errmsg (db), fts[i], fts[i]);
      else
        g_ptr_array_add (check->passed, g_strdup_printf ("fts %s", fts[i]));
    }

  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
}

static gboolean
check_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  Check *check = data;

  return check_integrity (db, check, error) &&
         check_foreign_keys (db, check, error) &&
         check_schema (db, check, error) &&
         koc_db_query_int64 (db, "SELECT count(*) FROM people", 0, &check->counts[0], error) &&
         koc_db_query_int64 (db, "SELECT count(*) FROM accounts", 0, &check->counts[1], error) &&
         koc_db_query_int64 (db, "SELECT count(*) FROM posts", 0, &check->counts[2], error);
}

int
koc_cli_check (int    argc,
               char **argv)
{
  g_autoptr(KocStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) passed = g_ptr_array_new_with_free_func (g_free);
  Check check = { NULL, problems, passed, { 0 } };

  if (argc != 2 || argv[1][0] == '-')
    {
      fprintf (stderr, "%s\n", _("Usage: kocdesk-cli check FILE.db"));
      return 2;
    }
  check.path = argv[1];

  store = koc_store_open_sync (check.path, KOC_STORE_OPEN_READ_ONLY, NULL, &error);
  if (store == NULL)
    return koc_cli_fail (_("check failed: %s"), error->message);

  if (!koc_store_run_sync (store, check_func, &check, NULL, NULL, &error))
    return koc_cli_fail (_("check failed: %s"), error->message);
  g_clear_object (&store);

  /* After the read-only store is closed: a second connection of ours is the only one. */
  check_fts (&check);

  for (guint i = 0; i < passed->len; i++)
    printf ("ok      %s\n", (const char *)passed->pdata[i]);
  for (guint i = 0; i < problems->len; i++)
    printf ("PROBLEM %s\n", (const char *)problems->pdata[i]);

  if (problems->len > 0)
    return koc_cli_fail (ngettext ("%s: %u problem found; restore the workspace from a backup"
                                   " or fix the problems listed above",
                                   "%s: %u problems found; restore the workspace from a backup"
                                   " or fix the problems listed above", problems->len),
                         check.path, problems->len);

  /* Plain %lld: xgettext cannot see through G_GINT64_FORMAT. */
  printf (_("%s: workspace OK (schema version %d; %lld people, %lld accounts, %lld posts)\n"),
          check.path, KOC_SCHEMA_VERSION, (long long) check.counts[0], (long long) check.counts[1],
          (long long) check.counts[2]);
  return 0;
}
