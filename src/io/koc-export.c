/* koc-export.c: CSV/JSON export of workspace tables, and online backups.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-export"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "koc-db.h"
#include "koc-export.h"

G_DEFINE_QUARK (koc-export-error-quark, koc_export_error)

#define ISO(col) "strftime ('%Y-%m-%dT%H:%M:%SZ', " col ", 'unixepoch')"

/* The account columns come first with names the importer recognises, so an export
 * imports back into the same accounts (tests/io/test-export.c). */
static const struct
{
  const char *name;
  const char *sql;
} tables[] = {
  { "people", "SELECT display_name, stage, owner, region, category, bio, email, phone, wechat,"
              " consent, orders, spend_cents, koc_score, " ISO ("created_at") " AS created_at, "
              ISO ("updated_at") " AS updated_at, id, uid FROM people ORDER BY id" },
  { "accounts", "SELECT a.platform, a.handle, a.display_name, a.followers, a.engagement_rate,"
                " a.region, a.category, a.url, a.bio, p.email, p.phone, p.wechat, a.tier,"
                " a.posts_count, " ISO ("a.last_post_at") " AS last_post_at, a.id, a.uid,"
                " a.person_id FROM accounts a LEFT JOIN people p ON p.id = a.person_id"
                " ORDER BY a.id" },
  { "posts", "SELECT a.platform, a.handle, p.platform_post_id, p.url, p.kind, p.text, "
             ISO ("p.published_at") " AS published_at, p.likes, p.comments, p.shares, p.saves,"
             " p.views, p.sentiment, p.id, p.uid FROM posts p JOIN accounts a ON a.id = p.account_id"
             " ORDER BY p.id" },
  { "campaigns", "SELECT c.name, b.name AS brand, c.goal, c.status, " ISO ("c.starts_at")
                 " AS starts_at, " ISO ("c.ends_at") " AS ends_at, c.budget_cents,"
                 " c.incentive_kinds, " ISO ("c.created_at") " AS created_at, c.id, c.uid"
                 " FROM campaigns c LEFT JOIN brands b ON b.id = c.brand_id ORDER BY c.id" },
  { "rewards", "SELECT p.display_name AS person, c.name AS campaign, r.kind, r.points,"
               " r.value_cents, r.note, " ISO ("r.given_at") " AS given_at, r.id, r.uid,"
               " r.person_id FROM rewards r JOIN people p ON p.id = r.person_id"
               " LEFT JOIN campaigns c ON c.id = r.campaign_id ORDER BY r.id" },
  { "notes", "SELECT p.display_name AS person, n.body, n.author, " ISO ("n.created_at")
             " AS created_at, n.id, n.uid, n.person_id FROM notes n"
             " JOIN people p ON p.id = n.person_id ORDER BY n.id" },
};

static const char * const table_names[] = {
  "people", "accounts", "posts", "campaigns", "rewards", "notes", NULL
};

const char * const *
koc_export_tables (void)
{
  return table_names;
}

void
koc_csv_append_field (GString    *out,
                      const char *field,
                      char        delimiter)
{
  gsize len = field ? strlen (field) : 0;
  gboolean quote = len > 0 && (field[0] == ' ' || field[len - 1] == ' ' ||
                               g_str_has_prefix (field, "\xEF\xBB\xBF"));

  for (gsize i = 0; i < len && !quote; i++)
    quote = field[i] == delimiter || field[i] == '"' || field[i] == '\n' || field[i] == '\r';

  if (!quote)
    {
      g_string_append_len (out, field ? field : "", len);
      return;
    }
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (field[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, field[i]);
    }
  g_string_append_c (out, '"');
}

typedef struct
{
  const char      *sql;
  KocExportFormat  format;
  gboolean         bom;
  char            *path;
  guint64          n_rows;
} ExportData;

static gboolean
write_out (FILE     *file,
           GString  *buffer,
           gboolean  force,
           GError  **error)
{
  if (!force && buffer->len < 256 * 1024)
    return TRUE;
  if (buffer->len > 0 && fwrite (buffer->str, 1, buffer->len, file) != buffer->len)
    {
      int saved = errno;

      g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_IO, _("Could not write the export: %s"),
                   g_strerror (saved));
      return FALSE;
    }
  g_string_truncate (buffer, 0);
  return TRUE;
}

static void
append_json_row (GString      *out,
                 sqlite3_stmt *stmt,
                 guint64       row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      json_builder_set_member_name (builder, sqlite3_column_name (stmt, c));
      switch (sqlite3_column_type (stmt, c))
        {
        case SQLITE_INTEGER:
          json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, c));
          break;
        case SQLITE_FLOAT:
          json_builder_add_double_value (builder, sqlite3_column_double (stmt, c));
          break;
        case SQLITE_NULL:
          json_builder_add_null_value (builder);
          break;
        case SQLITE_TEXT:
        case SQLITE_BLOB:
        default:
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, c));
          break;
        }
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  text = json_to_string (node, FALSE);
  g_string_append (out, row == 0 ? "[\n" : ",\n");
  g_string_append (out, text);
}

static gboolean
export_func (sqlite3       *db,
             gpointer       user_data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  ExportData *data = user_data;
  g_autofree char *partial = g_strconcat (data->path, ".partial", NULL);
  g_autoptr(GString) buffer = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  FILE *file;
  int rc, n_columns;

  if (!koc_db_prepare (db, data->sql, &stmt, error))
    return FALSE;
  if ((file = g_fopen (partial, "wb")) == NULL)
    {
      int saved = errno;

      sqlite3_finalize (stmt);
      g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_IO, _("Could not create “%s”: %s"),
                   partial, g_strerror (saved));
      return FALSE;
    }

  n_columns = sqlite3_column_count (stmt);
  if (data->format == KOC_EXPORT_CSV)
    {
      if (data->bom)
        g_string_append (buffer, "\xEF\xBB\xBF");
      for (int c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (buffer, ',');
          koc_csv_append_field (buffer, sqlite3_column_name (stmt, c), ',');
        }
      g_string_append (buffer, "\r\n");
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (data->format == KOC_EXPORT_CSV)
        {
          for (int c = 0; c < n_columns; c++)
            {
              if (c > 0)
                g_string_append_c (buffer, ',');
              koc_csv_append_field (buffer, (const char *) sqlite3_column_text (stmt, c), ',');
            }
          g_string_append (buffer, "\r\n");
        }
      else
        append_json_row (buffer, stmt, data->n_rows);
      data->n_rows++;
      if (!write_out (file, buffer, FALSE, error))
        goto out;
    }
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the workspace"), error);
      goto out;
    }
  if (data->format == KOC_EXPORT_JSON)
    g_string_append (buffer, data->n_rows == 0 ? "[]\n" : "\n]\n");
  ok = write_out (file, buffer, TRUE, error);

out:
  sqlite3_finalize (stmt);
  if (fclose (file) != 0 && ok)
    {
      int saved = errno;

      g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_IO, _("Could not write “%s”: %s"),
                   partial, g_strerror (saved));
      ok = FALSE;
    }
  if (ok && g_rename (partial, data->path) != 0)
    {
      int saved = errno;

      g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_IO, _("Could not rename “%s” to “%s”: %s"),
                   partial, data->path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

gboolean
koc_export_table_sync (KocStore         *store,
                       const char       *what,
                       KocExportFormat   format,
                       gboolean          bom,
                       const char       *path,
                       guint64          *n_rows,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autofree char *owned_path = g_strdup (path);
  ExportData data = { NULL, format, bom, owned_path, 0 };

  g_return_val_if_fail (KOC_IS_STORE (store), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (what, tables[i].name) == 0)
      data.sql = tables[i].sql;
  if (data.sql == NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) table_names);

      g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_UNKNOWN_TABLE,
                   _("Cannot export “%s”: choose one of %s."), what ? what : "", names);
      return FALSE;
    }
  if (!koc_store_run_sync (store, export_func, &data, NULL, cancellable, error))
    return FALSE;
  if (n_rows)
    *n_rows = data.n_rows;
  return TRUE;
}

static gboolean
backup_func (sqlite3       *db,
             gpointer       user_data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  const char *path = user_data;
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  gint64 ok_rows = 0;
  gboolean ok = FALSE;
  int rc;

  g_unlink (partial);
  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      koc_db_set_error (dest, rc, _("Could not create the backup file"), error);
      goto out;
    }

  /* One step copies everything within one read transaction: a consistent snapshot
   * even while other connections commit (WAL readers do not block writers). */
  backup = sqlite3_backup_init (dest, "main", db, "main");
  if (backup == NULL)
    {
      koc_db_set_error (dest, sqlite3_errcode (dest), _("Could not start the backup"), error);
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (dest, rc, _("Could not copy the workspace"), error);
      goto out;
    }

  if (!koc_db_query_int64 (dest, "SELECT count(*) FROM pragma_integrity_check WHERE"
                                 " integrity_check <> 'ok'", 1, &ok_rows, error))
    goto out;
  if (ok_rows != 0)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_CORRUPT,
                   _("The backup failed its integrity check; “%s” was not written."), path);
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_close (dest);
  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_IO, _("Could not rename “%s” to “%s”: %s"),
                   partial, path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

gboolean
koc_export_backup_sync (KocStore      *store,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *owned = g_strdup (path);

  g_return_val_if_fail (KOC_IS_STORE (store), FALSE);

  return koc_store_run_sync (store, backup_func, owned, NULL, cancellable, error);
}
