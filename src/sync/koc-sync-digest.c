/* koc-sync-digest.c: the digest of all synced content (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-entities.h"
#include "koc-sync-digest.h"

/* Fields derived on each device from the synced data (and the day, and the workspace's
 * score weights): two copies with equal data may hold different values, so they are
 * not part of the digest. */
static const struct { const char *kind; const char *path; } derived[] = {
  { "person", "$.koc_score" },
};

static char *
strip_derived (sqlite3             *db,
               const KocEntityKind *kind,
               char                *json)
{
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    if (json != NULL && g_strcmp0 (derived[i].kind, kind->kind) == 0)
      {
        sqlite3_stmt *stmt = NULL;
        char *stripped = NULL;

        if (sqlite3_prepare_v2 (db, "SELECT json_remove (?1, ?2)", -1, &stmt, NULL) == SQLITE_OK)
          {
            sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
            sqlite3_bind_text (stmt, 2, derived[i].path, -1, SQLITE_STATIC);
            if (sqlite3_step (stmt) == SQLITE_ROW)
              stripped = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          }
        sqlite3_finalize (stmt);
        if (stripped != NULL)
          {
            g_free (json);
            json = stripped;
          }
      }
  return json;
}

char *
koc_sync_digest (sqlite3       *db,
                 gint64        *out_entities,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  gint64 n = 0;

  for (guint i = 0; i < koc_entity_n_kinds (); i++)
    {
      const KocEntityKind *kind = koc_entity_kind_at (i);
      g_autofree char *sql = g_strdup_printf ("SELECT uid FROM %s ORDER BY uid COLLATE BINARY", kind->table);
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          koc_db_set_error (db, rc, _("Could not read the workspace"), error);
          return NULL;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *uid = (const char *) sqlite3_column_text (stmt, 0);
          g_autofree char *json = NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !koc_entity_get_json (cache, kind, uid, &json, error))
            {
              sqlite3_finalize (stmt);
              return NULL;
            }
          json = strip_derived (db, kind, json);
          g_checksum_update (sum, (const guchar *) kind->kind, -1);
          g_checksum_update (sum, (const guchar *) "\t", 1);
          g_checksum_update (sum, (const guchar *) uid, -1);
          g_checksum_update (sum, (const guchar *) "\t", 1);
          if (json != NULL)
            g_checksum_update (sum, (const guchar *) json, -1);
          g_checksum_update (sum, (const guchar *) "\n", 1);
          n++;
        }
      if (rc != SQLITE_DONE)
        {
          koc_db_set_error (db, rc, _("Could not read the workspace"), error);
          sqlite3_finalize (stmt);
          return NULL;
        }
      sqlite3_finalize (stmt);
    }

  if (out_entities != NULL)
    *out_entities = n;
  return g_strdup (g_checksum_get_string (sum));
}
