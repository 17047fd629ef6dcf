/* koc-sync-identity.c: merges and splits of people through the sync outbox (see the
 * header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-entities.h"
#include "koc-identity.h"
#include "koc-store.h"
#include "koc-sync-identity.h"
#include "koc-sync-store.h"

struct _KocSyncCapture
{
  sqlite3   *db;
  GPtrArray *triggers; /* names of the TEMP triggers, dropped at the end */
};

static gboolean
create_trigger (KocSyncCapture  *capture,
                const char      *name,
                const char      *event,
                const char      *table,
                const char      *body,
                GError         **error)
{
  /* Names and tables come from the constant entity kinds, never from input. */
  g_autofree char *sql = g_strdup_printf ("CREATE TEMP TRIGGER %s AFTER %s ON main.%s BEGIN %s END",
                                          name, event, table, body);

  if (!koc_db_exec (capture->db, sql, error))
    return FALSE;
  g_ptr_array_add (capture->triggers, g_strdup (name));
  return TRUE;
}

static void
drop_triggers (KocSyncCapture *capture)
{
  for (guint i = 0; i < capture->triggers->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER IF EXISTS temp.%s",
                                              (char *) capture->triggers->pdata[i]);

      koc_db_exec (capture->db, sql, NULL);
    }
  g_ptr_array_set_size (capture->triggers, 0);
}

void
koc_sync_capture_free (KocSyncCapture *capture)
{
  if (capture == NULL)
    return;
  drop_triggers (capture);
  g_ptr_array_unref (capture->triggers);
  g_free (capture);
}

KocSyncCapture *
koc_sync_capture_begin (sqlite3  *db,
                        GError  **error)
{
  g_autoptr(KocSyncCapture) capture = g_new0 (KocSyncCapture, 1);

  capture->db = db;
  capture->triggers = g_ptr_array_new_with_free_func (g_free);
  if (!koc_db_exec (db, "CREATE TEMP TABLE IF NOT EXISTS koc_capture (seq INTEGER PRIMARY KEY,"
                        " kind TEXT NOT NULL, uid TEXT NOT NULL, created INTEGER NOT NULL DEFAULT 0,"
                        " UNIQUE (kind, uid));"
                        "DELETE FROM temp.koc_capture", error))
    return NULL;

  for (guint k = 0; k < koc_entity_n_kinds (); k++)
    {
      const KocEntityKind *kind = koc_entity_kind_at (k);
      g_autofree char *ai = NULL, *au = NULL, *ad = NULL;
      g_autofree char *on_insert = NULL, *on_update = NULL, *on_delete = NULL;

      if (kind->fields == NULL)
        continue; /* clients cannot change it: nothing to queue */
      ai = g_strdup_printf ("koc_capture_%s_ai", kind->table);
      au = g_strdup_printf ("koc_capture_%s_au", kind->table);
      ad = g_strdup_printf ("koc_capture_%s_ad", kind->table);
      on_insert = g_strdup_printf ("INSERT OR IGNORE INTO koc_capture (kind, uid) VALUES ('%s', NEW.uid);"
                                   " UPDATE koc_capture SET created = 1 WHERE kind = '%s' AND uid = NEW.uid;",
                                   kind->kind, kind->kind);
      on_update = g_strdup_printf ("INSERT OR IGNORE INTO koc_capture (kind, uid) VALUES ('%s', OLD.uid);"
                                   " INSERT OR IGNORE INTO koc_capture (kind, uid) VALUES ('%s', NEW.uid);",
                                   kind->kind, kind->kind);
      on_delete = g_strdup_printf ("INSERT OR IGNORE INTO koc_capture (kind, uid) VALUES ('%s', OLD.uid);",
                                   kind->kind);
      if (!create_trigger (capture, ai, "INSERT", kind->table, on_insert, error) ||
          !create_trigger (capture, au, "UPDATE", kind->table, on_update, error) ||
          !create_trigger (capture, ad, "DELETE", kind->table, on_delete, error))
        return NULL;
    }
  /* A person's tags are a field of the person. */
  if (!create_trigger (capture, "koc_capture_person_tags_ai", "INSERT", "person_tags",
                       "INSERT OR IGNORE INTO koc_capture (kind, uid) SELECT 'person', uid"
                       " FROM main.people WHERE id = NEW.person_id;", error) ||
      !create_trigger (capture, "koc_capture_person_tags_ad", "DELETE", "person_tags",
                       "INSERT OR IGNORE INTO koc_capture (kind, uid) SELECT 'person', uid"
                       " FROM main.people WHERE id = OLD.person_id;", error))
    return NULL;
  return g_steal_pointer (&capture);
}

/* The writable fields of @json (an entity's data) as a JSON object. Of an account that
 * exists, only whose it is: that is all a merge or split changes, and the rest (what an
 * import or the platform wrote) must not conflict with the server's newer numbers. */
static char *
writable_fields (sqlite3              *db,
                 const KocEntityKind  *kind,
                 const char           *json,
                 gboolean              created,
                 GError              **error)
{
  g_autoptr(GString) names = g_string_new ("[");
  gboolean owner_only = !created && g_strcmp0 (kind->kind, "account") == 0;
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;
  int rc;

  for (const KocEntityField *f = kind->fields; f->name != NULL; f++)
    if (!owner_only || g_strcmp0 (f->name, "person_uid") == 0)
      g_string_append_printf (names, "%s\"%s\"", names->len > 1 ? "," : "", f->name);
  g_string_append_c (names, ']');
  if (!koc_db_prepare (db, "SELECT json_group_object (j.key, CASE WHEN j.type IN ('object', 'array')"
                           " THEN json (j.value) ELSE j.value END) FROM json_each (?1) j"
                           " WHERE j.key IN (SELECT value FROM json_each (?2))", &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, names->str, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    koc_db_set_error (db, rc, _("Could not queue the change for syncing"), error);
  sqlite3_finalize (stmt);
  return out;
}

/* Queues one entity: its writable fields when it exists (@deletes FALSE), its deletion
 * when it does not (@deletes TRUE); the other case is left to the other pass. An entity
 * the operation (re)created — the person an undo brings back, with the card that had
 * gone with it — is sent without base_rev: the server would otherwise answer that its
 * deletion came after, a conflict, and delete it again. */
static gboolean
enqueue_one (KocEntityCache       *cache,
             const KocEntityKind  *kind,
             const char           *uid,
             gboolean              created,
             gboolean              deletes,
             guint                *n,
             GError              **error)
{
  sqlite3 *db = koc_entity_cache_get_db (cache);
  g_autofree char *json = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *client_id = NULL;

  if (!koc_entity_get_json (cache, kind, uid, &json, error))
    return FALSE;
  if ((json == NULL) != deletes)
    return TRUE;
  if (!deletes && (fields = writable_fields (db, kind, json, created, error)) == NULL)
    return FALSE;
  client_id = koc_sync_store_enqueue (db, kind->kind, uid, deletes ? "delete" : "upsert", fields, error);
  if (client_id == NULL)
    return FALSE;
  (*n)++;
  if (created && !deletes)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (!koc_db_prepare (db, "UPDATE outbox SET payload = json_set (payload, '$.base_rev', json ('null'))"
                               " WHERE client_id = ?1", &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, client_id, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return koc_db_set_error (db, rc, _("Could not queue the change for syncing"), error);
    }
  return TRUE;
}

gboolean
koc_sync_capture_enqueue (sqlite3         *db,
                          KocSyncCapture  *capture,
                          guint           *out_n,
                          GError         **error)
{
  g_autoptr(KocSyncCapture) owned = capture;
  g_autoptr(KocEntityCache) cache = NULL;
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gboolean));
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  g_return_val_if_fail (capture != NULL, FALSE);

  /* Queueing writes the rows again (koc_sync_store_enqueue applies each edit): not to be
   * recorded. */
  drop_triggers (owned);
  if (!koc_db_prepare (db, "SELECT kind, uid, created FROM temp.koc_capture ORDER BY seq", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean was_created = sqlite3_column_int (stmt, 2) != 0;

      g_ptr_array_add (kinds, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (uids, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_array_append_val (created, was_created);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not queue the change for syncing"), error);
  if (!koc_db_exec (db, "DELETE FROM temp.koc_capture", error))
    return FALSE;

  cache = koc_entity_cache_new (db);
  /* Upserts parents first, then deletes children first. */
  for (int pass = 0; pass < 2; pass++)
    for (guint step = 0; step < koc_entity_n_kinds (); step++)
      {
        const KocEntityKind *kind = koc_entity_kind_at (pass == 0 ? step : koc_entity_n_kinds () - 1 - step);

        for (guint i = 0; i < kinds->len; i++)
          if (g_strcmp0 (kinds->pdata[i], kind->kind) == 0 &&
              !enqueue_one (cache, kind, uids->pdata[i], g_array_index (created, gboolean, i),
                            pass == 1, &n, error))
            return FALSE;
      }
  if (out_n != NULL)
    *out_n = n;
  return TRUE;
}

gint64
koc_sync_identity_merge (sqlite3  *db,
                         gint64    kept_id,
                         gint64    other_id,
                         GError  **error)
{
  g_autoptr(KocSyncCapture) capture = koc_sync_capture_begin (db, error);
  gint64 id;

  if (capture == NULL || (id = koc_identity_merge (db, kept_id, other_id, error)) == 0 ||
      !koc_sync_capture_enqueue (db, g_steal_pointer (&capture), NULL, error))
    return 0;
  return id;
}

gint64
koc_sync_identity_split (sqlite3  *db,
                         gint64    account_id,
                         gint64   *new_person_id,
                         GError  **error)
{
  g_autoptr(KocSyncCapture) capture = koc_sync_capture_begin (db, error);
  gint64 id;

  if (capture == NULL || (id = koc_identity_split (db, account_id, new_person_id, error)) == 0 ||
      !koc_sync_capture_enqueue (db, g_steal_pointer (&capture), NULL, error))
    return 0;
  return id;
}

gboolean
koc_sync_identity_undo (sqlite3  *db,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(KocSyncCapture) capture = koc_sync_capture_begin (db, error);

  return capture != NULL && koc_identity_undo (db, id, error) &&
         koc_sync_capture_enqueue (db, g_steal_pointer (&capture), NULL, error);
}
