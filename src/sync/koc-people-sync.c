/* koc-people-sync.c: the People pane's relationship edits through the sync outbox
 * (see the header). Each builds the entity's fields with SQLite's json_object() from
 * the rows it refers to (uids, never rowids) and hands them to koc_sync_store_enqueue(),
 * which writes the row and the outbox entry in the caller's transaction.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-people-sync.h"
#include "koc-sync-store.h"
#include "koc-entities.h"

/* Runs @stmt (bindings done) and returns its first row's two text columns; FALSE with
 * @error on an SQLite error. Missing row → both NULL. */
static gboolean
two_texts (sqlite3       *db,
           sqlite3_stmt  *stmt,
           char         **out_a,
           char         **out_b,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  *out_a = NULL;
  if (out_b != NULL)
    *out_b = NULL;
  if (rc == SQLITE_ROW)
    {
      *out_a = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      if (out_b != NULL)
        *out_b = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the workspace"), error);
  return TRUE;
}

static gboolean
enqueue (sqlite3     *db,
         const char  *kind,
         const char  *uid,
         const char  *op,
         const char  *fields,
         GError     **error)
{
  g_autofree char *client_id = koc_sync_store_enqueue (db, kind, uid, op, fields, error);

  return client_id != NULL;
}

gboolean
koc_people_sync_add_interaction (sqlite3     *db,
                                 gint64       person_id,
                                 gint64       campaign_id,
                                 const char  *channel,
                                 gint64       happened_at,
                                 const char  *summary,
                                 const char  *author,
                                 GError     **error)
{
  g_autofree char *uid = koc_entity_uid_new ();
  g_autofree char *fields = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!koc_db_prepare (db, "SELECT json_object ('person_uid', (SELECT uid FROM people WHERE id = ?1),"
                           " 'campaign_uid', (SELECT uid FROM campaigns WHERE id = ?2), 'channel', ?3,"
                           " 'happened_at', ?4, 'summary', ?5, 'author', ?6)", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  sqlite3_bind_text (stmt, 3, channel, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, happened_at);
  sqlite3_bind_text (stmt, 5, summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, author, -1, SQLITE_STATIC);
  if (!two_texts (db, stmt, &fields, NULL, error))
    return FALSE;
  return enqueue (db, "interaction", uid, "upsert", fields, error);
}

gboolean
koc_people_sync_link_deliverable (sqlite3     *db,
                                  gint64       card_id,
                                  gint64       post_id,
                                  GError     **error)
{
  g_autofree char *uid = NULL, *fields = NULL;
  sqlite3_stmt *stmt = NULL;

  /* The same uid as the schema's trigger gives rows written without one. */
  if (!koc_db_prepare (db, "SELECT CASE WHEN length (c.uid) + length (p.uid) <= 64 THEN c.uid || p.uid"
                           " ELSE lower (hex (randomblob (16))) END,"
                           " json_object ('card_uid', c.uid, 'post_uid', p.uid, 'linked_at', unixepoch ())"
                           " FROM cards c, posts p WHERE c.id = ?1 AND p.id = ?2"
                           " AND NOT EXISTS (SELECT 1 FROM card_deliverables d"
                           "                 WHERE d.card_id = c.id AND d.post_id = p.id)",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card_id);
  sqlite3_bind_int64 (stmt, 2, post_id);
  if (!two_texts (db, stmt, &uid, &fields, error))
    return FALSE;
  if (uid == NULL)
    return TRUE; /* linked already (or the card or post is gone) */
  return enqueue (db, "deliverable", uid, "upsert", fields, error);
}

gboolean
koc_people_sync_person_file (sqlite3     *db,
                             gint64       person_id,
                             const char  *sha256,
                             const char  *file_name,
                             gboolean     remove,
                             GError     **error)
{
  g_autofree char *uid = NULL, *fields = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean exists = FALSE;

  /* An existing link keeps its uid; a new one gets the trigger's uid (person + sha256). */
  if (!koc_db_prepare (db, "SELECT coalesce ((SELECT f.uid FROM person_files f"
                           "                  WHERE f.person_id = p.id AND f.sha256 = ?2),"
                           "   CASE WHEN length (p.uid) <= 32 THEN p.uid || substr (?2, 1, 32)"
                           "   ELSE lower (hex (randomblob (16))) END),"
                           " json_object ('person_uid', p.uid, 'sha256', ?2, 'file_name', ?3,"
                           "   'attached_at', unixepoch ())"
                           " FROM people p WHERE p.id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, file_name, -1, SQLITE_STATIC);
  if (!two_texts (db, stmt, &uid, &fields, error))
    return FALSE;
  if (uid == NULL)
    return TRUE; /* the person is gone */
  if (!koc_db_prepare (db, "SELECT count (*) FROM person_files WHERE uid = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    exists = sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_finalize (stmt);
  if (remove)
    return !exists || enqueue (db, "person_file", uid, "delete", NULL, error);
  if (exists)
    return TRUE; /* attached already */
  return enqueue (db, "person_file", uid, "upsert", fields, error);
}
