/* koc-import-bulk.c: what a big import does differently from a small one.
 *
 * Per row an import writes a person, an account and a metric snapshot. Row by row, the
 * schema's AFTER INSERT triggers add a stage_history row and score_dirty entries, each
 * as a nested statement with its own statement journal, and every non-unique index of
 * people and accounts (eleven of them) takes a random insert. For a big file that is
 * most of the time (2026-11: 100k rows, 32 s). So, once an import knows it is big:
 *
 *  - the three insert triggers it can replay exactly are dropped and their effect is
 *    applied at the end with one INSERT … SELECT each over the rows inserted since
 *    (replays[] below; a trigger whose SQL is not the one we know is left alone, so a
 *    schema change can make an import slower but never wrong);
 *  - when the file is large next to what the tables hold, the non-unique indexes of
 *    people and accounts are dropped and created again at the end (a sorted build is
 *    several times cheaper than as many random inserts); their sqlite_stat1 rows are
 *    kept and put back, so query plans do not change;
 *  - the accounts' identity (platform + handle) is read once into a hash table instead
 *    of a SELECT per row (koc_import_load_accounts()).
 *
 * All of it is DDL and DML inside the import's own transaction: a failure, a rollback
 * (the dry run) or a crash restores the triggers and indexes with the data.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-import-private.h"

typedef enum
{
  MAX_PEOPLE,
  MAX_ACCOUNTS,
  MAX_SNAPSHOTS,
  N_MAX
} MaxRowid;

/* The triggers a bulk import replays: name, the SQL the schema creates it with, and one
 * statement with the same effect for all the rows above ?1 (the table's largest rowid
 * when the trigger was dropped). */
static const struct
{
  const char *name;
  const char *sql;
  MaxRowid    since;
  const char *replay;
} replays[] = {
  { "people_stage_ai",
    "CREATE TRIGGER people_stage_ai AFTER INSERT ON people BEGIN INSERT INTO stage_history"
    " (person_id, from_stage, to_stage, changed_at) VALUES (NEW.id, NULL, NEW.stage,"
    " NEW.created_at); END",
    MAX_PEOPLE,
    "INSERT INTO stage_history (person_id, from_stage, to_stage, changed_at)"
    " SELECT id, NULL, stage, created_at FROM people WHERE id > ?1 ORDER BY id" },
  { "score_dirty_accounts_ai",
    "CREATE TRIGGER score_dirty_accounts_ai AFTER INSERT ON accounts WHEN NEW.person_id IS"
    " NOT NULL BEGIN INSERT OR IGNORE INTO score_dirty (person_id) VALUES (NEW.person_id);"
    " END",
    MAX_ACCOUNTS,
    "INSERT OR IGNORE INTO score_dirty (person_id)"
    " SELECT person_id FROM accounts WHERE id > ?1 AND person_id IS NOT NULL ORDER BY id" },
  { "score_dirty_snapshots_ai",
    "CREATE TRIGGER score_dirty_snapshots_ai AFTER INSERT ON metric_snapshots BEGIN INSERT"
    " OR IGNORE INTO score_dirty (person_id) SELECT person_id FROM accounts WHERE id ="
    " NEW.account_id AND person_id IS NOT NULL; END",
    MAX_SNAPSHOTS,
    "INSERT OR IGNORE INTO score_dirty (person_id) SELECT a.person_id FROM metric_snapshots s"
    " JOIN accounts a ON a.id = s.account_id WHERE s.id > ?1 AND a.person_id IS NOT NULL"
    " ORDER BY s.id" },
};

typedef struct
{
  char *name;
  char *sql;
  char *stat;     /* its sqlite_stat1 row, or NULL */
  char *stat_tbl;
  guint replay;   /* for triggers: index into replays[] */
} Saved;

struct _KocImportBulk
{
  gint64  max_rowid[N_MAX];
  GArray *triggers;  /* Saved */
  GArray *indexes;   /* Saved */
  gboolean has_stat1;
};

static void
saved_clear (gpointer data)
{
  Saved *saved = data;

  g_free (saved->name);
  g_free (saved->sql);
  g_free (saved->stat);
  g_free (saved->stat_tbl);
}

void
koc_import_bulk_free (KocImportBulk *bulk)
{
  if (bulk == NULL)
    return;
  g_array_unref (bulk->triggers);
  g_array_unref (bulk->indexes);
  g_free (bulk);
}

/* @sql with every run of white space made one space. */
static char *
squeeze (const char *sql)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = sql; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
drop (sqlite3     *db,
      const char  *what,
      const char  *name,
      GError     **error)
{
  /* Names come from sqlite_schema; quoted all the same. */
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", name);
  g_autofree char *sql = NULL;

  if (strchr (name, '"') != NULL)
    return koc_db_set_error (db, SQLITE_MISUSE, _("Could not prepare the import"), error);
  sql = g_strdup_printf ("DROP %s %s", what, quoted);
  return koc_db_exec (db, sql, error);
}

static gboolean
suspend_triggers (KocImportBulk  *bulk,
                  sqlite3        *db,
                  GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (replays); i++)
    {
      sqlite3_stmt *stmt = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *squeezed = NULL;
      Saved saved = { 0 };

      if (!koc_db_prepare (db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                           &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, replays[i].name, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      if (sql == NULL)
        continue;
      squeezed = squeeze (sql);
      if (strcmp (squeezed, replays[i].sql) != 0)
        {
          g_debug ("trigger %s is not the one the import replays; it stays", replays[i].name);
          continue;
        }
      if (!drop (db, "TRIGGER", replays[i].name, error))
        return FALSE;
      saved.name = g_strdup (replays[i].name);
      saved.sql = g_steal_pointer (&sql);
      saved.replay = i;
      g_array_append_val (bulk->triggers, saved);
    }
  return TRUE;
}

static gboolean
drop_indexes (KocImportBulk  *bulk,
              sqlite3        *db,
              GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 has_stat1 = 0;
  int rc;

  if (!koc_db_query_int64 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'",
                           0, &has_stat1, error))
    return FALSE;
  bulk->has_stat1 = has_stat1 != 0;
  /* Unique indexes stay: they are constraints, and the import relies on them. */
  if (!koc_db_prepare (db, bulk->has_stat1
                             ? "SELECT i.name, i.sql, s.stat, s.tbl FROM sqlite_schema i"
                               " LEFT JOIN sqlite_stat1 s ON s.idx = i.name"
                               " WHERE i.type = 'index' AND i.tbl_name IN ('people', 'accounts')"
                               " AND i.sql IS NOT NULL AND i.sql NOT LIKE 'CREATE UNIQUE %'"
                             : "SELECT name, sql, NULL, NULL FROM sqlite_schema"
                               " WHERE type = 'index' AND tbl_name IN ('people', 'accounts')"
                               " AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'",
                       &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Saved saved = { 0 };

      saved.name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      saved.sql = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      saved.stat = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      saved.stat_tbl = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_array_append_val (bulk->indexes, saved);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not prepare the import"), error);

  for (guint i = 0; i < bulk->indexes->len; i++)
    if (!drop (db, "INDEX", g_array_index (bulk->indexes, Saved, i).name, error))
      return FALSE;
  return TRUE;
}

KocImportBulk *
koc_import_bulk_begin (sqlite3   *db,
                       gboolean   indexes,
                       GError   **error)
{
  g_autoptr(KocImportBulk) bulk = g_new0 (KocImportBulk, 1);

  bulk->triggers = g_array_new (FALSE, TRUE, sizeof (Saved));
  g_array_set_clear_func (bulk->triggers, saved_clear);
  bulk->indexes = g_array_new (FALSE, TRUE, sizeof (Saved));
  g_array_set_clear_func (bulk->indexes, saved_clear);

  if (!koc_db_query_int64 (db, "SELECT coalesce (max (id), 0) FROM people", 0,
                           &bulk->max_rowid[MAX_PEOPLE], error) ||
      !koc_db_query_int64 (db, "SELECT coalesce (max (id), 0) FROM accounts", 0,
                           &bulk->max_rowid[MAX_ACCOUNTS], error) ||
      !koc_db_query_int64 (db, "SELECT coalesce (max (id), 0) FROM metric_snapshots", 0,
                           &bulk->max_rowid[MAX_SNAPSHOTS], error) ||
      !suspend_triggers (bulk, db, error) ||
      (indexes && !drop_indexes (bulk, db, error)))
    return NULL;
  return g_steal_pointer (&bulk);
}

static gboolean
restore_stats (KocImportBulk  *bulk,
               sqlite3        *db,
               GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean any = FALSE;

  if (!bulk->has_stat1)
    return TRUE;
  if (!koc_db_prepare (db, "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?1, ?2, ?3)", &stmt, error))
    return FALSE;
  for (guint i = 0; i < bulk->indexes->len; i++)
    {
      Saved *saved = &g_array_index (bulk->indexes, Saved, i);
      int rc;

      if (saved->stat == NULL)
        continue;
      sqlite3_bind_text (stmt, 1, saved->stat_tbl, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, saved->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, saved->stat, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return koc_db_set_error (db, rc, _("Could not finish the import"), error);
        }
      any = TRUE;
    }
  sqlite3_finalize (stmt);
  /* The planner reads sqlite_stat1 with the schema; this makes it read it again. */
  return !any || koc_db_exec (db, "ANALYZE sqlite_schema", error);
}

gboolean
koc_import_bulk_end (sqlite3        *db,
                     KocImportBulk  *bulk,
                     GError        **error)
{
  g_autoptr(KocImportBulk) owned = bulk;
  gint64 start;

  g_return_val_if_fail (bulk != NULL, FALSE);

  for (guint i = 0; i < owned->triggers->len; i++)
    {
      Saved *saved = &g_array_index (owned->triggers, Saved, i);
      sqlite3_stmt *stmt = NULL;
      int rc;

      start = g_get_monotonic_time ();
      if (!koc_db_prepare (db, replays[saved->replay].replay, &stmt, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owned->max_rowid[replays[saved->replay].since]);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return koc_db_set_error (db, rc, _("Could not finish the import"), error);
      if (!koc_db_exec (db, saved->sql, error))
        return FALSE;
      g_debug ("replayed %s: %.3f s", saved->name, (g_get_monotonic_time () - start) / 1e6);
    }
  for (guint i = 0; i < owned->indexes->len; i++)
    {
      start = g_get_monotonic_time ();
      if (!koc_db_exec (db, g_array_index (owned->indexes, Saved, i).sql, error))
        return FALSE;
      g_debug ("index %s: %.3f s", g_array_index (owned->indexes, Saved, i).name,
               (g_get_monotonic_time () - start) / 1e6);
    }
  return restore_stats (owned, db, error);
}

/* ---- Identity of accounts ---- */

char *
koc_import_account_key (const char *platform,
                        const char *handle)
{
  return g_strconcat (platform, "\x1f", handle, NULL);
}

KocImportAccount *
koc_import_account_add (KocImportContext *ctx,
                        char             *key,
                        gint64            account_id,
                        gint64            person_id)
{
  KocImportAccount *account = g_new0 (KocImportAccount, 1);

  account->account_id = account_id;
  account->person_id = person_id;
  g_hash_table_replace (ctx->accounts, key, account);
  return account;
}

gboolean
koc_import_load_accounts (KocImportContext  *ctx,
                          sqlite3           *db,
                          GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT platform, handle, id, person_id FROM accounts", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *key = koc_import_account_key ((const char *) sqlite3_column_text (stmt, 0),
                                          (const char *) sqlite3_column_text (stmt, 1));

      /* Rows this import already wrote or looked up are in the table; keep their state. */
      if (g_hash_table_contains (ctx->accounts, key))
        g_free (key);
      else
        koc_import_account_add (ctx, key, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read accounts"), error);
  ctx->accounts_complete = TRUE;
  return TRUE;
}
