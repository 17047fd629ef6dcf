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
#include "koc-export-private.h"

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

/* The "for Excel" guard (OWASP's advice against CSV injection): a text cell that a
 * spreadsheet would run as a formula (= + - @, or a TAB or CR that some of them skip
 * before one) gets a leading apostrophe, which spreadsheets show as text and do not
 * display. Numbers are left alone (-0.4 stays a number). */
static gboolean
needs_formula_guard (const char *text)
{
  return text != NULL && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                          text[0] == '\t' || text[0] == '\r');
}

void
koc_csv_append_cell (GString        *out,
                     const char     *field,
                     char            delimiter,
                     KocExportFlags  flags)
{
  if ((flags & KOC_EXPORT_EXCEL) && needs_formula_guard (field))
    {
      g_autofree char *guarded = g_strconcat ("'", field, NULL);

      koc_csv_append_field (out, guarded, delimiter);
      return;
    }
  koc_csv_append_field (out, field, delimiter);
}

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

/* Writes every row of @stmt to @file: CSV with a header line, or a JSON array. */
gboolean
_koc_export_write_rows (sqlite3         *db,
                        sqlite3_stmt    *stmt,
                        KocExportFormat  format,
                        KocExportFlags   flags,
                        FILE            *file,
                        guint64         *n_rows,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  int rc, n_columns = sqlite3_column_count (stmt);
  guint64 rows = 0;

  if (format == KOC_EXPORT_CSV)
    {
      if (flags & (KOC_EXPORT_BOM | KOC_EXPORT_EXCEL))
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
      if (format == KOC_EXPORT_CSV)
        {
          for (int c = 0; c < n_columns; c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              if (c > 0)
                g_string_append_c (buffer, ',');
              koc_csv_append_cell (buffer, text, ',',
                                   sqlite3_column_type (stmt, c) == SQLITE_TEXT ? flags : 0);
            }
          g_string_append (buffer, "\r\n");
        }
      else
        append_json_row (buffer, stmt, rows);
      rows++;
      if (rows % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!write_out (file, buffer, FALSE, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the workspace"), error);
  if (format == KOC_EXPORT_JSON)
    g_string_append (buffer, rows == 0 ? "[]" : "\n]");
  if (format == KOC_EXPORT_JSON && !(flags & KOC_EXPORT_NO_NEWLINE))
    g_string_append_c (buffer, '\n');
  if (n_rows)
    *n_rows = rows;
  return write_out (file, buffer, TRUE, error);
}

FILE *
_koc_export_open (const char  *path,
                  char       **partial,
                  GError     **error)
{
  FILE *file;

  *partial = g_strconcat (path, ".partial", NULL);
  if ((file = g_fopen (*partial, "wb")) == NULL)
    {
      int saved = errno;

      g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_IO, _("Could not create “%s”: %s"),
                   *partial, g_strerror (saved));
      g_clear_pointer (partial, g_free);
    }
  return file;
}

gboolean
_koc_export_close (FILE        *file,
                   const char  *partial,
                   const char  *path,
                   gboolean     ok,
                   GError     **error)
{
  if (fclose (file) != 0 && ok)
    {
      int saved = errno;

      g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_IO, _("Could not write “%s”: %s"),
                   partial, g_strerror (saved));
      ok = FALSE;
    }
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

const char *
_koc_export_table_sql (const char *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (what, tables[i].name) == 0)
      return tables[i].sql;
  return NULL;
}

typedef struct
{
  const char      *sql;
  KocExportFormat  format;
  KocExportFlags   flags;
  char            *path;
  guint64          n_rows;
} ExportData;

static gboolean
export_func (sqlite3       *db,
             gpointer       user_data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  ExportData *data = user_data;
  g_autofree char *partial = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  FILE *file;

  if (!koc_db_prepare (db, data->sql, &stmt, error))
    return FALSE;
  if ((file = _koc_export_open (data->path, &partial, error)) == NULL)
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  ok = _koc_export_write_rows (db, stmt, data->format, data->flags, file, &data->n_rows,
                               cancellable, error);
  sqlite3_finalize (stmt);
  return _koc_export_close (file, partial, data->path, ok, error);
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
  ExportData data = { NULL, format, bom ? KOC_EXPORT_BOM : 0, owned_path, 0 };

  g_return_val_if_fail (KOC_IS_STORE (store), FALSE);

  data.sql = _koc_export_table_sql (what);
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

gboolean
_koc_export_backup_func (sqlite3       *db,
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

  return koc_store_run_sync (store, _koc_export_backup_func, owned, NULL, cancellable, error);
}
