/* koc-server-registry.c: workspaces and hashed bearer tokens (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include <sys/random.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-server-registry.h"

#define TOKEN_PREFIX "koc_"
#define TOKEN_RANDOM_BYTES 24
#define TOKEN_SHOWN_CHARS 8
/* 0x4B4F4352 = "KOCR": a registry, not a workspace. */
#define REGISTRY_APPLICATION_ID 1263485778

struct _KocRegistry
{
  sqlite3 *db;
  char    *data_dir;
};

static const char registry_schema[] =
  "CREATE TABLE IF NOT EXISTS workspaces (\n"
  "  name TEXT PRIMARY KEY NOT NULL,\n"
  "  created_at INTEGER NOT NULL DEFAULT (unixepoch ())\n"
  ") STRICT;\n"
  "CREATE TABLE IF NOT EXISTS tokens (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  workspace TEXT NOT NULL REFERENCES workspaces (name),\n"
  "  token_sha256 TEXT NOT NULL UNIQUE,\n"
  "  prefix TEXT NOT NULL,\n"
  "  created_at INTEGER NOT NULL DEFAULT (unixepoch ()),\n"
  "  revoked_at INTEGER\n"
  ") STRICT;\n"
  "CREATE INDEX IF NOT EXISTS tokens_workspace ON tokens (workspace);\n";

static gboolean
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  const char  *what,
                  GError     **error)
{
  return koc_db_set_error (db, rc, what, error);
}

KocRegistry *
koc_registry_open (const char  *path,
                   const char  *data_dir,
                   GError     **error)
{
  g_autoptr(KocRegistry) self = g_new0 (KocRegistry, 1);
  gint64 app_id = 0;
  int rc;

  if (data_dir != NULL)
    self->data_dir = g_strdup (data_dir);
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);

      self->data_dir = g_build_filename (dir, "workspaces", NULL);
    }

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the data folder “%s”: %s"),
                   self->data_dir, g_strerror (saved));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, rc, _("Could not open the server registry"), error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);

  if (!koc_db_query_int64 (self->db, "PRAGMA application_id", 0, &app_id, error))
    return NULL;
  if (app_id != 0 && app_id != REGISTRY_APPLICATION_ID)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a kocdesk-server registry"), path);
      return NULL;
    }

  if (!koc_db_exec (self->db, "PRAGMA journal_mode = WAL", error) ||
      !koc_db_exec (self->db, "PRAGMA foreign_keys = ON", error) ||
      !koc_db_exec (self->db, "PRAGMA application_id = "
                    G_STRINGIFY (REGISTRY_APPLICATION_ID), error) ||
      !koc_db_exec (self->db, registry_schema, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
koc_registry_free (KocRegistry *self)
{
  if (self == NULL)
    return;
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->data_dir);
  g_free (self);
}

gboolean
koc_registry_name_is_valid (const char *name)
{
  gsize len;

  if (name == NULL || !g_ascii_isalnum (name[0]))
    return FALSE;
  len = strlen (name);
  if (len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '-' && name[i] != '_' && name[i] != '.')
      return FALSE;
  return strstr (name, "..") == NULL;
}

char *
koc_registry_workspace_path (KocRegistry *self,
                             const char  *name)
{
  g_autofree char *file = NULL;

  g_return_val_if_fail (koc_registry_name_is_valid (name), NULL);

  file = g_strconcat (name, ".db", NULL);
  return g_build_filename (self->data_dir, file, NULL);
}

gboolean
koc_registry_has_workspace (KocRegistry *self,
                            const char  *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  if (!koc_db_prepare (self->db, "SELECT 1 FROM workspaces WHERE name = ?1", &stmt, NULL))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

gboolean
koc_registry_add_workspace (KocRegistry  *self,
                            const char   *name,
                            GError      **error)
{
  g_autofree char *path = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_registry_name_is_valid (name))
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("“%s” is not a valid workspace name (letters, digits, “-”, “_”"
                     " and “.”, at most 64)"), name);
      return FALSE;
    }

  path = koc_registry_workspace_path (self, name);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      sqlite3 *db = koc_db_open (path, KOC_STORE_OPEN_CREATE, error);

      if (db == NULL)
        return FALSE;
      koc_db_close (db);
    }

  if (!koc_db_prepare (self->db, "INSERT OR IGNORE INTO workspaces (name) VALUES (?1)",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self->db, rc, _("Could not register the workspace"), error);
  return TRUE;
}

static char *
generate_token (GError **error)
{
  guint8 bytes[TOKEN_RANDOM_BYTES];
  GString *token = g_string_new (TOKEN_PREFIX);

  if (getrandom (bytes, sizeof bytes, 0) != sizeof bytes)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not get random bytes for a token: %s"), g_strerror (saved));
      g_string_free (token, TRUE);
      return NULL;
    }
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (token, "%02x", bytes[i]);
  return g_string_free (token, FALSE);
}

char *
koc_registry_create_token (KocRegistry  *self,
                           const char   *name,
                           gint64       *out_id,
                           GError      **error)
{
  g_autofree char *token = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *prefix = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_registry_add_workspace (self, name, error))
    return NULL;
  if ((token = generate_token (error)) == NULL)
    return NULL;

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  prefix = g_strndup (token, strlen (TOKEN_PREFIX) + TOKEN_SHOWN_CHARS);

  if (!koc_db_prepare (self->db, "INSERT INTO tokens (workspace, token_sha256, prefix)"
                       " VALUES (?1, ?2, ?3)", &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, digest, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, prefix, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, _("Could not save the token"), error);
      return NULL;
    }
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);
  return g_steal_pointer (&token);
}

GPtrArray *
koc_registry_list_tokens (KocRegistry  *self,
                          const char   *name,
                          GError      **error)
{
  g_autoptr(GPtrArray) tokens = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  tokens = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_token_info_free);
  if (!koc_db_prepare (self->db, "SELECT id, workspace, prefix, created_at,"
                       " coalesce (revoked_at, 0) FROM tokens"
                       " WHERE ?1 IS NULL OR workspace = ?1 ORDER BY id", &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocTokenInfo *info = g_new0 (KocTokenInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->workspace = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      info->prefix = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      info->created_at = sqlite3_column_int64 (stmt, 3);
      info->revoked_at = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (tokens, info);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, _("Could not list the tokens"), error);
      return NULL;
    }
  return g_steal_pointer (&tokens);
}

int
koc_registry_revoke (KocRegistry  *self,
                     const char   *name,
                     gint64        id,
                     GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (self->db, "UPDATE tokens SET revoked_at = unixepoch ()"
                       " WHERE workspace = ?1 AND (?2 = 0 OR id = ?2) AND revoked_at IS NULL",
                       &stmt, error))
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, _("Could not revoke the token"), error);
      return -1;
    }
  return sqlite3_changes (self->db);
}

gboolean
koc_registry_lookup (KocRegistry  *self,
                     const char   *token,
                     gint64       *out_id,
                     char        **out_workspace)
{
  g_autofree char *digest = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (token == NULL || !g_str_has_prefix (token, TOKEN_PREFIX))
    return FALSE;

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  if (!koc_db_prepare (self->db, "SELECT id, workspace FROM tokens"
                       " WHERE token_sha256 = ?1 AND revoked_at IS NULL", &stmt, NULL))
    return FALSE;
  sqlite3_bind_text (stmt, 1, digest, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *out_id = sqlite3_column_int64 (stmt, 0);
      *out_workspace = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return found;
}

void
koc_token_info_free (KocTokenInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->workspace);
  g_free (info->prefix);
  g_free (info);
}
