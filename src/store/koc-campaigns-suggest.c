/* koc-campaigns-suggest.c: deliverable suggestions — posts of a card's person about the
 * campaign (its brand mentioned or its hashtag used) within the campaign's dates; the
 * user confirms (card_deliverables) or rejects (deliverable_rejections, never suggested
 * for that card again). See koc-campaigns.h.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaigns.h"
#include "koc-db.h"
#include "koc-store.h"

void
koc_deliverable_suggestion_free (KocDeliverableSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->platform);
  g_free (suggestion->text);
  g_free (suggestion->url);
  g_free (suggestion);
}

/* The card's person's posts in the window; the brand and hashtag tests are indexed
 * lookups (post_mentions' primary key, post_hashtags' primary key). */
static const char suggest_sql[] =
  "SELECT p.id, a.platform, p.text, p.url, p.published_at,"
  " p.likes + p.comments + p.shares + p.saves,"
  " c.brand_id IS NOT NULL AND EXISTS (SELECT 1 FROM post_mentions m WHERE m.post_id = p.id"
  "  AND m.brand_id = c.brand_id) AS by_brand,"
  " c.hashtag IS NOT NULL AND EXISTS (SELECT 1 FROM post_hashtags h WHERE h.post_id = p.id"
  "  AND h.tag = c.hashtag) AS by_hashtag"
  " FROM cards k JOIN campaigns c ON c.id = k.campaign_id"
  " JOIN accounts a ON a.person_id = k.person_id JOIN posts p ON p.account_id = a.id"
  " WHERE k.id = ?1"
  " AND (c.starts_at IS NULL OR p.published_at >= c.starts_at)"
  " AND (c.ends_at IS NULL OR p.published_at < c.ends_at + 86400)"
  " AND (by_brand OR by_hashtag)"
  " AND NOT EXISTS (SELECT 1 FROM card_deliverables d WHERE d.card_id = k.id AND d.post_id = p.id)"
  " AND NOT EXISTS (SELECT 1 FROM deliverable_rejections r WHERE r.card_id = k.id"
  "  AND r.post_id = p.id)"
  " ORDER BY p.published_at DESC, p.id DESC LIMIT 50";

GPtrArray *
koc_campaigns_suggest_deliverables (sqlite3  *db,
                                    gint64    card_id,
                                    GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_deliverable_suggestion_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, suggest_sql, &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, card_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocDeliverableSuggestion *s = g_new0 (KocDeliverableSuggestion, 1);

      s->post_id = sqlite3_column_int64 (stmt, 0);
      s->platform = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      s->text = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      s->url = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      s->published_at = sqlite3_column_int64 (stmt, 4);
      s->engagement = sqlite3_column_int64 (stmt, 5);
      s->by_brand = sqlite3_column_int (stmt, 6);
      s->by_hashtag = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (list, s);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the suggested deliverables"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
link_post (sqlite3     *db,
           const char  *sql,
           gint64       card_id,
           gint64       post_id,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, sql, &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card_id);
  sqlite3_bind_int64 (stmt, 2, post_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not save the deliverable"), error);
  return TRUE;
}

gboolean
koc_campaigns_unreject_deliverable (sqlite3  *db,
                                    gint64    card_id,
                                    gint64    post_id,
                                    GError  **error)
{
  return link_post (db, "DELETE FROM deliverable_rejections WHERE card_id = ?1 AND post_id = ?2",
                    card_id, post_id, error);
}

gboolean
koc_campaigns_confirm_deliverable (sqlite3  *db,
                                   gint64    card_id,
                                   gint64    post_id,
                                   GError  **error)
{
  return koc_campaigns_unreject_deliverable (db, card_id, post_id, error) &&
         link_post (db, "INSERT OR IGNORE INTO card_deliverables (card_id, post_id) VALUES (?1, ?2)",
                    card_id, post_id, error);
}

gboolean
koc_campaigns_reject_deliverable (sqlite3  *db,
                                  gint64    card_id,
                                  gint64    post_id,
                                  GError  **error)
{
  return link_post (db, "INSERT OR IGNORE INTO deliverable_rejections (card_id, post_id)"
                    " VALUES (?1, ?2)", card_id, post_id, error);
}
