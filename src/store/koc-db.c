/* koc-db.c: opening a workspace file safely, error mapping, transactions.
 *
 * Opening rules (the file is never modified unless it is a healthy workspace):
 *   1. stat(): missing → NOT_FOUND unless KOC_STORE_OPEN_CREATE.
 *   2. The first 100 bytes must carry the SQLite magic → otherwise NOT_A_DATABASE.
 *   3. A read-only connection reads application_id, user_version and the schema;
 *      a newer user_version → TOO_NEW; a foreign application_id, or tables in a
 *      version-0 file → NOT_A_DATABASE (someone else's SQLite file); a file shorter
 *      than the page count in its header (truncated, no WAL) → CORRUPT; files up to
 *      QUICK_CHECK_MAX_BYTES get PRAGMA quick_check, bigger ones a read of every
 *      b-tree root (a full check is `kocdesk-cli check`).
 *   4. Only then is the file opened read-write, put in WAL mode and migrated.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-db"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-fts.h"
#include "koc-schema.h"

#define KOC_APPLICATION_ID    0x4B4F4344 /* "KOCD"; set by schema v1 */
#define QUICK_CHECK_MAX_BYTES (64 * 1024 * 1024)
#define BUSY_TIMEOUT_MS       5000
#define BEGIN_RETRY_MS        100
#define BEGIN_RETRY_TOTAL_MS  15000

/* Transaction nesting depth per connection. A connection is used by one thread at a
 * time, but the map itself is shared. */
G_LOCK_DEFINE_STATIC (depths);
static GHashTable *depths;

static int
depth_add (sqlite3 *db,
           int      delta)
{
  int depth;

  G_LOCK (depths);
  if (depths == NULL)
    depths = g_hash_table_new (NULL, NULL);
  depth = GPOINTER_TO_INT (g_hash_table_lookup (depths, db)) + delta;
  if (depth <= 0)
    g_hash_table_remove (depths, db);
  else
    g_hash_table_insert (depths, db, GINT_TO_POINTER (depth));
  G_UNLOCK (depths);

  return depth;
}

gboolean
koc_db_set_error (sqlite3     *db,
                  int          rc,
                  const char  *what,
                  GError     **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_INTERRUPT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));
      return FALSE;
    case SQLITE_CORRUPT:
      code = KOC_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_NOTADB:
      code = KOC_STORE_ERROR_NOT_A_DATABASE;
      break;
    case SQLITE_FULL:
      code = KOC_STORE_ERROR_FULL;
      detail = _("the disk or the database is full; free some space and try again");
      break;
    case SQLITE_CONSTRAINT:
      code = KOC_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = KOC_STORE_ERROR_BUSY;
      break;
    case SQLITE_READONLY:
      code = KOC_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_CANTOPEN:
      code = KOC_STORE_ERROR_NOT_FOUND;
      break;
    default:
      code = KOC_STORE_ERROR_FAILED;
      break;
    }

  g_set_error (error, KOC_STORE_ERROR, code, "%s: %s", what, detail);
  return FALSE;
}

gboolean
koc_db_exec (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return koc_db_set_error (db, rc, _("Database statement failed"), error);
  return TRUE;
}

gboolean
koc_db_prepare (sqlite3       *db,
                const char    *sql,
                sqlite3_stmt **stmt,
                GError       **error)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_debug ("Could not prepare: %s", sql);
      return koc_db_set_error (db, rc, _("Could not prepare a database query"), error);
    }
  return TRUE;
}

gboolean
koc_db_query_int64 (sqlite3     *db,
                    const char  *sql,
                    gint64       fallback,
                    gint64      *value,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, sql, &stmt, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *value = fallback;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Database query failed"), error);
  return TRUE;
}

gboolean
koc_db_begin_write (sqlite3  *db,
                    GError  **error)
{
  int waited = 0;
  int rc;

  if (depth_add (db, 1) > 1)
    {
      if (koc_db_exec (db, "SAVEPOINT koc_nested", error))
        return TRUE;
      depth_add (db, -1);
      return FALSE;
    }

  while ((rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) == SQLITE_BUSY &&
         waited < BEGIN_RETRY_TOTAL_MS)
    {
      g_usleep (BEGIN_RETRY_MS * 1000);
      waited += BEGIN_RETRY_MS;
    }

  if (rc != SQLITE_OK)
    {
      depth_add (db, -1);
      return koc_db_set_error (db, rc, _("Could not start writing to the workspace"), error);
    }

  return TRUE;
}

gboolean
koc_db_commit (sqlite3  *db,
               GError  **error)
{
  int rc;

  if (depth_add (db, -1) > 0)
    return koc_db_exec (db, "RELEASE koc_nested", error);

  if ((rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    {
      /* A failed COMMIT (e.g. SQLITE_FULL) may leave the transaction open. */
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return koc_db_set_error (db, rc, _("Could not save changes to the workspace"), error);
    }

  return TRUE;
}

void
koc_db_rollback (sqlite3 *db)
{
  if (depth_add (db, -1) > 0)
    {
      sqlite3_exec (db, "ROLLBACK TO koc_nested; RELEASE koc_nested", NULL, NULL, NULL);
      return;
    }

  /* SQLite may already have rolled back (SQLITE_FULL, SQLITE_INTERRUPT…). */
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

void
koc_db_close (sqlite3 *db)
{
  if (db != NULL)
    {
      depth_add (db, -G_MAXINT / 2);
      sqlite3_close_v2 (db);
    }
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

/* Step 2: returns TRUE when @path starts with a valid SQLite header; *empty when the
 * file has no bytes at all (SQLite treats that as a new database). */
static gboolean
check_header (const char  *path,
              gint64       size,
              gboolean    *empty,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *display = g_filename_display_name (path);
  guint8 header[100];
  guint32 page_size;
  guint32 n_pages;
  g_autofree char *wal = NULL;
  GStatBuf wal_st;
  FILE *fp;
  size_t n;

  *empty = size == 0;
  if (*empty)
    return TRUE;

  if ((fp = g_fopen (path, "rb")) == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, KOC_STORE_ERROR,
                   saved_errno == EACCES ? KOC_STORE_ERROR_READ_ONLY : KOC_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a KOC Desk workspace: it is not an SQLite database."
                     " Choose a .db file created by KOC Desk."), display);
      return FALSE;
    }

  /* Truncation: the in-header page count is valid when the change counter (offset 24)
   * equals the version-valid-for number (offset 92). With a non-empty WAL the main
   * file may legitimately be shorter, so skip the check then. */
  page_size = ((guint32)header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);
  wal = g_strconcat (path, "-wal", NULL);
  if (n_pages > 0 &&
      read_be32 (header + 24) == read_be32 (header + 92) &&
      (g_stat (wal, &wal_st) != 0 || wal_st.st_size == 0) &&
      (gint64)n_pages * page_size > size)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_CORRUPT,
                   _("The workspace “%s” is damaged: the file is shorter than its header"
                     " says (%lld of %lld bytes), probably"
                     " truncated by an interrupted copy. Restore it from a backup."),
                   display, (long long) size, (long long) n_pages * page_size);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_health (sqlite3     *db,
              const char  *display,
              gint64       size,
              GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (size <= QUICK_CHECK_MAX_BYTES)
    {
      g_autofree char *result = NULL;

      if (!koc_db_prepare (db, "PRAGMA quick_check (1)", &stmt, error))
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return koc_db_set_error (db, rc, _("Could not check the workspace"), error);

      if (g_strcmp0 (result, "ok") != 0)
        {
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_CORRUPT,
                       _("The workspace “%s” is damaged (%s). Restore it from a backup,"
                         " or run “kocdesk-cli check” for details."),
                       display, result ? result : "?");
          return FALSE;
        }
      return TRUE;
    }

  /* Big file: touch the root of every b-tree (cheap; catches a wrecked schema or root). */
  if (!koc_db_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                           " AND sql NOT LIKE 'CREATE VIRTUAL%'", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the workspace schema"), error);

  for (guint i = 0; i < names->len; i++)
    {
      /* Names come from sqlite_schema, quoted as identifiers. */
      char *sql = sqlite3_mprintf ("SELECT 1 FROM \"%w\" LIMIT 1", (const char *)names->pdata[i]);
      gboolean ok = koc_db_prepare (db, sql, &stmt, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return koc_db_set_error (db, rc, _("The workspace is damaged"), error);
    }

  return TRUE;
}

/* Step 3: read-only inspection. Returns the schema version or -1. */
static int
inspect (const char  *path,
         gint64       size,
         GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *db = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 n_objects = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = koc_fts_register (db);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), display);
      koc_db_set_error (db, rc, what, error);
      sqlite3_close_v2 (db);
      return -1;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!koc_db_query_int64 (db, "PRAGMA application_id", 0, &app_id, error) ||
      !koc_db_query_int64 (db, "PRAGMA user_version", 0, &version, error) ||
      !koc_db_query_int64 (db, "SELECT count(*) FROM sqlite_schema", 0, &n_objects, error))
    {
      g_prefix_error (error, _("Could not open “%s”: "), display);
      if (error && *error && (*error)->code == KOC_STORE_ERROR_NOT_A_DATABASE)
        g_prefix_error (error, _("it is not a KOC Desk workspace (or it is encrypted). "));
      version = -1;
    }
  else if ((app_id != 0 && app_id != KOC_APPLICATION_ID) ||
           (app_id == 0 && n_objects > 0))
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another application, not a KOC Desk"
                     " workspace. Choose a .db file created by KOC Desk."), display);
      version = -1;
    }
  else if (version > KOC_SCHEMA_VERSION)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_TOO_NEW,
                   _("The workspace “%s” was written by a newer KOC Desk (schema version %d;"
                     " this version knows up to %d). Update KOC Desk to open it."),
                   display, (int)version, KOC_SCHEMA_VERSION);
      version = -1;
    }
  else if (!check_health (db, display, size, error))
    {
      version = -1;
    }

  sqlite3_close_v2 (db);
  return (int)version;
}

/* Once per process, before the first connection: no memory statistics, so every one of
 * SQLite's allocations skips a global mutex (measured: ~3 % of a first pull). */
static void
init_library (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);  /* SQLITE_MISUSE if already initialized */
      g_once_init_leave (&done, 1);
    }
}

static gboolean
configure (sqlite3   *db,
           gboolean   read_only,
           GError   **error)
{
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);

  if (!koc_db_exec (db, "PRAGMA foreign_keys = ON;"
                        "PRAGMA cache_size = -65536;"
                        "PRAGMA temp_store = MEMORY;", error))
    return FALSE;

  if (read_only)
    return koc_db_exec (db, "PRAGMA query_only = ON", error);

  return koc_db_exec (db, "PRAGMA journal_mode = WAL;"
                          "PRAGMA synchronous = NORMAL;", error);
}

static sqlite3 *
open_internal (const char         *path,
               KocStoreOpenFlags   flags,
               int                 target_version,
               GError            **error)
{
  g_autofree char *display = NULL;
  gboolean read_only = (flags & KOC_STORE_OPEN_READ_ONLY) != 0;
  gboolean empty = FALSE;
  sqlite3 *db = NULL;
  GStatBuf st;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  init_library ();
  display = g_filename_display_name (path);

  if (g_stat (path, &st) != 0)
    {
      if (!(flags & KOC_STORE_OPEN_CREATE) || read_only)
        {
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_FOUND,
                       _("There is no workspace “%s”. Check the path, or create a new"
                         " workspace."), display);
          return NULL;
        }
      empty = TRUE;
    }
  else if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a KOC Desk workspace: it is not a regular file."), display);
      return NULL;
    }
  else
    {
      if (!check_header (path, st.st_size, &empty, error))
        return NULL;
      if (empty && !(flags & KOC_STORE_OPEN_CREATE))
        {
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is an empty file, not a KOC Desk workspace."), display);
          return NULL;
        }
      if (!empty && (version = inspect (path, st.st_size, error)) < 0)
        return NULL;
    }

  if (read_only && version < target_version)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_READ_ONLY,
                   _("The workspace “%s” has schema version %d and needs an upgrade to"
                     " version %d, which a read-only open cannot do. Open it once in"
                     " KOC Desk (or without read-only) to upgrade it."),
                   display, version, target_version);
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db,
                        read_only ? SQLITE_OPEN_READONLY
                                  : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE),
                        NULL);
  if (rc == SQLITE_OK)
    rc = koc_fts_register (db);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), display);
      koc_db_set_error (db, rc, what, error);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (!configure (db, read_only, error) ||
      (!read_only && !koc_schema_migrate (db, target_version, error)))
    {
      g_prefix_error (error, _("Could not open “%s”: "), display);
      koc_db_close (db);
      return NULL;
    }

  return db;
}

sqlite3 *
koc_db_open (const char         *path,
             KocStoreOpenFlags   flags,
             GError            **error)
{
  return open_internal (path, flags, KOC_SCHEMA_VERSION, error);
}

sqlite3 *
koc_db_open_at_version (const char  *path,
                        int          version,
                        GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= KOC_SCHEMA_VERSION, NULL);

  return open_internal (path, KOC_STORE_OPEN_CREATE, version, error);
}
