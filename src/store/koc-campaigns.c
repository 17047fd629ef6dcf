/* koc-campaigns.c: campaigns, boards and planned card moves (see koc-campaigns.h).
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
koc_campaign_free (KocCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->uid);
  g_free (campaign->name);
  g_free (campaign->brand);
  g_free (campaign->goal);
  g_free (campaign->status);
  g_strfreev (campaign->incentive_kinds);
  g_free (campaign->hashtag);
  g_free (campaign);
}

void
koc_card_free (KocCard *card)
{
  if (card == NULL)
    return;
  g_free (card->uid);
  g_free (card->person_uid);
  g_free (card->person_name);
  g_free (card->avatar_sha256);
  g_free (card->tier);
  g_free (card->owner);
  g_free (card->incentive_kind);
  g_free (card->incentive_sku);
  g_free (card->incentive_status);
  g_free (card->code);
  g_strfreev (card->tags);
  g_free (card);
}

void
koc_board_stage_free (KocBoardStage *stage)
{
  if (stage == NULL)
    return;
  g_free (stage->uid);
  g_free (stage->name);
  g_ptr_array_unref (stage->cards);
  g_free (stage);
}

void
koc_board_free (KocBoard *board)
{
  if (board == NULL)
    return;
  g_free (board->campaign_uid);
  g_ptr_array_unref (board->stages);
  g_free (board);
}

void
koc_card_edit_free (KocCardEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->card_uid);
  g_free (edit->fields_json);
  g_free (edit->previous_json);
  g_free (edit);
}

const char * const *
koc_campaigns_default_stages (void)
{
  static const char *stages[7];

  if (stages[0] == NULL)
    {
      stages[0] = _("Shortlisted");
      stages[1] = _("Contacted");
      stages[2] = _("Accepted");
      stages[3] = _("Seeded/Invited");
      stages[4] = _("Posted");
      stages[5] = _("Rewarded");
      stages[6] = NULL;
    }
  return stages;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/* A JSON array of strings (or a '\x1f'-joined text) as a strv. */
static char **
column_split (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, "\x1f", -1);
}

#define CAMPAIGN_SELECT \
  "SELECT c.id, c.uid, c.name, b.name, c.brand_id, c.goal, c.status, c.starts_at, c.ends_at," \
  " c.budget_cents, (SELECT group_concat (value, char (31)) FROM json_each (c.incentive_kinds))," \
  " (SELECT count(*) FROM cards WHERE campaign_id = c.id)," \
  " (SELECT count(*) FROM campaign_stages WHERE campaign_id = c.id)," \
  " (SELECT count(*) FROM redemptions r JOIN referral_codes k ON k.id = r.code_id" \
  "  WHERE k.campaign_id = c.id)," \
  " (SELECT coalesce (sum (r.revenue_cents), 0) FROM redemptions r JOIN referral_codes k" \
  "  ON k.id = r.code_id WHERE k.campaign_id = c.id), c.hashtag" \
  " FROM campaigns c LEFT JOIN brands b ON b.id = c.brand_id"

static KocCampaign *
campaign_from_row (sqlite3_stmt *stmt)
{
  KocCampaign *c = g_new0 (KocCampaign, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->uid = column_dup (stmt, 1);
  c->name = column_dup (stmt, 2);
  c->brand = column_dup (stmt, 3);
  c->brand_id = sqlite3_column_int64 (stmt, 4);
  c->goal = column_dup (stmt, 5);
  c->status = column_dup (stmt, 6);
  c->starts_at = sqlite3_column_int64 (stmt, 7);
  c->ends_at = sqlite3_column_int64 (stmt, 8);
  c->budget_cents = sqlite3_column_int64 (stmt, 9);
  c->incentive_kinds = column_split (stmt, 10);
  c->n_cards = sqlite3_column_int64 (stmt, 11);
  c->n_stages = sqlite3_column_int64 (stmt, 12);
  c->n_redemptions = sqlite3_column_int64 (stmt, 13);
  c->revenue_cents = sqlite3_column_int64 (stmt, 14);
  c->hashtag = column_dup (stmt, 15);
  return c;
}

GPtrArray *
koc_campaigns_list (sqlite3  *db,
                    GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_campaign_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, CAMPAIGN_SELECT " ORDER BY c.starts_at IS NULL DESC,"
                       " c.starts_at DESC, c.id DESC", &stmt, error))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, campaign_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the campaigns"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

KocCampaign *
koc_campaigns_get (sqlite3  *db,
                   gint64    campaign_id,
                   GError  **error)
{
  KocCampaign *campaign = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, CAMPAIGN_SELECT " WHERE c.id = ?1", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    campaign = campaign_from_row (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    koc_db_set_error (db, rc, _("Could not read the campaign"), error);
  else if (campaign == NULL)
    g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                 _("There is no campaign %lld"), (long long)campaign_id);
  return campaign;
}

static const char card_sql[] =
  "SELECT k.id, k.uid, p.uid, k.person_id, k.stage_id, k.position, p.display_name,"
  " a.avatar_sha256, a.tier, k.owner, k.due_at, i.kind, i.sku, i.value_cents, i.status,"
  " (SELECT count(*) FROM incentives WHERE card_id = k.id),"
  " (SELECT count(*) FROM card_deliverables WHERE card_id = k.id),"
  " rc.code,"
  " (SELECT count(*) FROM redemptions WHERE code_id = rc.id),"
  " (SELECT coalesce (sum (revenue_cents), 0) FROM redemptions WHERE code_id = rc.id),"
  " (SELECT group_concat (name, char (31)) FROM (SELECT g.name FROM person_tags pt JOIN tags g"
  "  ON g.id = pt.tag_id WHERE pt.person_id = k.person_id ORDER BY g.name)),"
  " (SELECT count(*) FROM sync_conflicts WHERE entity = 'card' AND entity_uid = k.uid"
  "  AND resolution = 'unresolved')"
  " FROM cards k JOIN people p ON p.id = k.person_id"
  " JOIN campaign_stages s ON s.id = k.stage_id"
  " LEFT JOIN accounts a ON a.id = (SELECT id FROM accounts WHERE person_id = k.person_id"
  "  ORDER BY followers DESC, id LIMIT 1)"
  " LEFT JOIN incentives i ON i.id = (SELECT min (id) FROM incentives WHERE card_id = k.id)"
  " LEFT JOIN referral_codes rc ON rc.person_id = k.person_id AND rc.campaign_id = k.campaign_id"
  " WHERE k.campaign_id = ?1 ORDER BY s.position, s.id, k.position, k.id";

static KocCard *
card_from_row (sqlite3_stmt *stmt)
{
  KocCard *card = g_new0 (KocCard, 1);

  card->id = sqlite3_column_int64 (stmt, 0);
  card->uid = column_dup (stmt, 1);
  card->person_uid = column_dup (stmt, 2);
  card->person_id = sqlite3_column_int64 (stmt, 3);
  card->stage_id = sqlite3_column_int64 (stmt, 4);
  card->position = sqlite3_column_double (stmt, 5);
  card->person_name = column_dup (stmt, 6);
  card->avatar_sha256 = column_dup (stmt, 7);
  card->tier = column_dup (stmt, 8);
  card->owner = column_dup (stmt, 9);
  card->due_at = sqlite3_column_int64 (stmt, 10);
  card->incentive_kind = column_dup (stmt, 11);
  card->incentive_sku = column_dup (stmt, 12);
  card->incentive_cents = sqlite3_column_int64 (stmt, 13);
  card->incentive_status = column_dup (stmt, 14);
  card->n_incentives = sqlite3_column_int64 (stmt, 15);
  card->n_deliverables = sqlite3_column_int64 (stmt, 16);
  card->code = column_dup (stmt, 17);
  card->n_redemptions = sqlite3_column_int64 (stmt, 18);
  card->revenue_cents = sqlite3_column_int64 (stmt, 19);
  card->tags = column_split (stmt, 20);
  card->n_conflicts = sqlite3_column_int64 (stmt, 21);
  return card;
}

KocBoard *
koc_campaigns_load_board (sqlite3  *db,
                          gint64    campaign_id,
                          GError  **error)
{
  g_autoptr(KocBoard) board = g_new0 (KocBoard, 1);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt = NULL;
  int rc;

  board->campaign_id = campaign_id;
  board->stages = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_board_stage_free);
  if (!koc_db_prepare (db, "SELECT uid FROM campaigns WHERE id = ?1", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    board->campaign_uid = column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  if (board->campaign_uid == NULL)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("There is no campaign %lld"), (long long)campaign_id);
      return NULL;
    }

  if (!koc_db_prepare (db, "SELECT id, uid, name, position FROM campaign_stages"
                       " WHERE campaign_id = ?1 ORDER BY position, id", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocBoardStage *stage = g_new0 (KocBoardStage, 1);

      stage->id = sqlite3_column_int64 (stmt, 0);
      stage->uid = column_dup (stmt, 1);
      stage->name = column_dup (stmt, 2);
      stage->position = sqlite3_column_int64 (stmt, 3);
      stage->cards = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_card_free);
      g_ptr_array_add (board->stages, stage);
      g_hash_table_insert (by_id, &stage->id, stage);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the board"), error);
      return NULL;
    }

  if (!koc_db_prepare (db, card_sql, &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocCard *card = card_from_row (stmt);
      KocBoardStage *stage = g_hash_table_lookup (by_id, &card->stage_id);

      if (stage != NULL)
        g_ptr_array_add (stage->cards, card);
      else
        koc_card_free (card);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the board"), error);
      return NULL;
    }
  return g_steal_pointer (&board);
}
