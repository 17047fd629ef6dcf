/* koc-campaigns-codes.c: referral codes of a campaign's people, unique by the table's
 * UNIQUE (code) constraint and a retry (see koc-referral-code.h).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaigns.h"
#include "koc-db.h"
#include "koc-referral-code.h"
#include "koc-store.h"
#include "koc-entities.h"

#define MAX_ATTEMPTS 16
#define INSERT_SQL "INSERT INTO referral_codes (uid, code, person_id, campaign_id)" \
  " VALUES (?1, ?2, (SELECT id FROM people WHERE uid = ?3)," \
  " (SELECT id FROM campaigns WHERE uid = ?4))"

static gboolean
insert_code (sqlite3     *db,
             const char  *uid,
             const char  *code,
             const char  *person_uid,
             const char  *campaign_uid,
             gpointer     data,
             GError     **error)
{
  sqlite3_stmt *stmt = data; /* a prepared INSERT_SQL kept by the caller, or NULL */
  int rc;

  if (stmt == NULL && !koc_db_prepare (db, INSERT_SQL, &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, person_uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, campaign_uid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (data == NULL)
    sqlite3_finalize (stmt);
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not save the referral code"), error);
  return TRUE;
}

/* Draws codes until the writer takes one (the table's UNIQUE (code) says no to a
 * taken one). */
static char *
new_code (sqlite3        *db,
          const char     *person_uid,
          const char     *campaign_uid,
          const char     *prefix,
          KocCodeWriter   writer,
          gpointer        writer_data,
          GError        **error)
{
  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *uid = koc_entity_uid_new ();
      g_autofree char *code = koc_referral_code_generate (prefix, error);

      if (code == NULL)
        return NULL;
      if ((writer != NULL ? writer : insert_code) (db, uid, code, person_uid, campaign_uid,
                                                   writer_data, &local_error))
        return g_steal_pointer (&code);
      if (!g_error_matches (local_error, KOC_STORE_ERROR, KOC_STORE_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_debug ("referral code %s taken, drawing another", code);
    }
  g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_CONSTRAINT,
               _("Could not find a free referral code"));
  return NULL;
}

char *
koc_campaigns_ensure_code (sqlite3        *db,
                           gint64          campaign_id,
                           gint64          person_id,
                           const char     *prefix,
                           KocCodeWriter   writer,
                           gpointer        writer_data,
                           GError        **error)
{
  g_autofree char *existing = NULL, *person_uid = NULL, *campaign_uid = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT p.uid, c.uid, (SELECT code FROM referral_codes"
                       " WHERE person_id = p.id AND campaign_id = c.id) FROM people p, campaigns c"
                       " WHERE p.id = ?1 AND c.id = ?2", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      person_uid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      campaign_uid = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      existing = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        koc_db_set_error (db, rc, _("Could not read the referral codes"), error);
      else
        g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                     _("The campaign or the person no longer exists"));
      return NULL;
    }
  if (existing != NULL)
    return g_steal_pointer (&existing);

  return new_code (db, person_uid, campaign_uid, prefix, writer,
                   writer != NULL ? writer_data : NULL, error);
}

gint64
koc_campaigns_ensure_codes (sqlite3        *db,
                            gint64          campaign_id,
                            const char     *prefix,
                            KocCodeWriter   writer,
                            gpointer        writer_data,
                            GError        **error)
{
  g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL, *insert = NULL;
  gint64 made = 0;
  int rc;

  if (!koc_db_prepare (db, "SELECT p.uid, c.uid FROM cards k JOIN people p ON p.id = k.person_id"
                       " JOIN campaigns c ON c.id = k.campaign_id WHERE k.campaign_id = ?1 AND NOT"
                       " EXISTS (SELECT 1 FROM referral_codes r WHERE r.person_id = k.person_id"
                       " AND r.campaign_id = k.campaign_id) ORDER BY k.id", &stmt, error))
    return -1;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (uids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (uids, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the referral codes"), error);
      return -1;
    }
  /* The direct writer reuses one statement for the whole campaign. */
  if (writer == NULL && !koc_db_prepare (db, INSERT_SQL, &insert, error))
    return -1;
  for (guint i = 0; i < uids->len; i += 2)
    {
      g_autofree char *code = new_code (db, uids->pdata[i], uids->pdata[i + 1], prefix,
                                        writer != NULL ? writer : insert_code,
                                        writer != NULL ? writer_data : insert, error);
      if (code == NULL)
        {
          sqlite3_finalize (insert);
          return -1;
        }
      made++;
    }
  sqlite3_finalize (insert);
  return made;
}
