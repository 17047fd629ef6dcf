/* koc-export-rewards.c: a campaign's rewards ledger as CSV (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-export-private.h"
#include "koc-export-rewards.h"

static void
append_money (GString *out,
              gint64   cents)
{
  g_string_append_printf (out, "%s%lld.%02lld", cents < 0 ? "-" : "",
                          (long long)(ABS (cents) / 100), (long long)(ABS (cents) % 100));
}

GString *
koc_export_rewards_csv (sqlite3         *db,
                        gint64           campaign_id,
                        KocExportFlags   flags,
                        guint64         *n_rows,
                        GError         **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 exists = 0, points = 0, cents = 0;
  guint64 rows = 0;
  int rc;

  if (!koc_db_prepare (db, "SELECT count(*) FROM campaigns WHERE id = ?1", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    exists = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (!exists)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("There is no campaign %lld"), (long long)campaign_id);
      return NULL;
    }

  if (flags & (KOC_EXPORT_BOM | KOC_EXPORT_EXCEL))
    g_string_append (out, "\xEF\xBB\xBF");
  g_string_append (out, "person,person_uid,kind,points,value,note,given_at\r\n");
  if (!koc_db_prepare (db, "SELECT p.display_name, p.uid, r.kind, r.points, r.value_cents, r.note,"
                       " strftime ('%Y-%m-%dT%H:%M:%SZ', r.given_at, 'unixepoch')"
                       " FROM rewards r JOIN people p ON p.id = r.person_id WHERE r.campaign_id = ?1"
                       " ORDER BY p.display_name, p.id, r.given_at, r.id", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *note = (const char *)sqlite3_column_text (stmt, 5);

      koc_csv_append_cell (out, (const char *)sqlite3_column_text (stmt, 0), ',', flags);
      g_string_append_c (out, ',');
      koc_csv_append_cell (out, (const char *)sqlite3_column_text (stmt, 1), ',', flags);
      g_string_append_c (out, ',');
      koc_csv_append_cell (out, (const char *)sqlite3_column_text (stmt, 2), ',', flags);
      g_string_append_printf (out, ",%lld,", (long long)sqlite3_column_int64 (stmt, 3));
      append_money (out, sqlite3_column_int64 (stmt, 4));
      g_string_append_c (out, ',');
      koc_csv_append_cell (out, note != NULL ? note : "", ',', flags);
      g_string_append_c (out, ',');
      g_string_append (out, (const char *)sqlite3_column_text (stmt, 6));
      g_string_append (out, "\r\n");
      points += sqlite3_column_int64 (stmt, 3);
      cents += sqlite3_column_int64 (stmt, 4);
      rows++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the rewards"), error);
      return NULL;
    }
  g_string_append_printf (out, "Total,,,%lld,", (long long)points);
  append_money (out, cents);
  g_string_append (out, ",,\r\n");
  if (n_rows != NULL)
    *n_rows = rows;
  return g_steal_pointer (&out);
}

typedef struct
{
  gint64          campaign_id;
  KocExportFlags  flags;
  char           *path;
} RewardsData;

static void
rewards_data_free (gpointer data)
{
  RewardsData *d = data;

  g_free (d->path);
  g_free (d);
}

static gboolean
rewards_func (sqlite3       *db,
              gpointer       user_data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  RewardsData *d = user_data;
  g_autofree char *partial = NULL;
  g_autoptr(GString) csv = NULL;
  guint64 rows = 0;
  gboolean ok = TRUE;
  FILE *file;

  if ((csv = koc_export_rewards_csv (db, d->campaign_id, d->flags, &rows, error)) == NULL)
    return FALSE;
  if ((file = _koc_export_open (d->path, &partial, error)) == NULL)
    return FALSE;
  if (fwrite (csv->str, 1, csv->len, file) != csv->len)
    {
      int saved = errno;

      g_set_error (error, KOC_EXPORT_ERROR, KOC_EXPORT_ERROR_IO, _("Could not write the export: %s"),
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!_koc_export_close (file, partial, d->path, ok, ok ? error : NULL) || !ok)
    return FALSE;
  *result = g_memdup2 (&rows, sizeof rows);
  return TRUE;
}

static RewardsData *
rewards_data_new (gint64          campaign_id,
                  KocExportFlags  flags,
                  const char     *path)
{
  RewardsData *d = g_new0 (RewardsData, 1);

  d->campaign_id = campaign_id;
  d->flags = flags;
  d->path = g_strdup (path);
  return d;
}

gboolean
koc_export_rewards_sync (KocStore       *store,
                         gint64          campaign_id,
                         KocExportFlags  flags,
                         const char     *path,
                         guint64        *n_rows,
                         GCancellable   *cancellable,
                         GError        **error)
{
  RewardsData *d = rewards_data_new (campaign_id, flags, path);
  g_autofree guint64 *rows = NULL;
  gboolean ok = koc_store_run_sync (store, rewards_func, d, (gpointer *)&rows, cancellable, error);

  if (ok && n_rows != NULL)
    *n_rows = *rows;
  rewards_data_free (d);
  return ok;
}

void
koc_export_rewards_async (KocStore            *store,
                          gint64               campaign_id,
                          KocExportFlags       flags,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  koc_store_run_async (store, rewards_func, rewards_data_new (campaign_id, flags, path),
                       rewards_data_free, g_free, cancellable, callback, user_data);
}

gint64
koc_export_rewards_finish (KocStore      *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autofree guint64 *rows = NULL;

  if (!koc_store_run_finish (store, result, (gpointer *)&rows, error))
    return -1;
  return (gint64)*rows;
}
