/* koc-campaigns-details.c: one card's incentives, referral code and rewards ledger.
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

static void
incentive_free (KocIncentive *incentive)
{
  g_free (incentive->kind);
  g_free (incentive->sku);
  g_free (incentive->status);
  g_free (incentive->shipping_private);
  g_free (incentive);
}

static void
reward_free (KocReward *reward)
{
  g_free (reward->uid);
  g_free (reward->kind);
  g_free (reward->note);
  g_free (reward);
}

void
koc_card_details_free (KocCardDetails *details)
{
  if (details == NULL)
    return;
  g_free (details->person_uid);
  g_free (details->person_name);
  g_free (details->campaign_uid);
  g_free (details->campaign_name);
  g_free (details->code);
  g_clear_pointer (&details->incentives, g_ptr_array_unref);
  g_clear_pointer (&details->rewards, g_ptr_array_unref);
  g_clear_pointer (&details->suggestions, g_ptr_array_unref);
  g_free (details);
}

#define DUP(column) g_strdup ((const char *)sqlite3_column_text (stmt, column))

KocCardDetails *
koc_campaigns_card_details (sqlite3  *db,
                            gint64    card_id,
                            GError  **error)
{
  g_autoptr(KocCardDetails) d = g_new0 (KocCardDetails, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  d->card_id = card_id;
  d->incentives = g_ptr_array_new_with_free_func ((GDestroyNotify)incentive_free);
  d->rewards = g_ptr_array_new_with_free_func ((GDestroyNotify)reward_free);
  if (!koc_db_prepare (db, "SELECT p.id, p.uid, p.display_name, c.id, c.uid, c.name, r.code,"
                       " (SELECT count(*) FROM redemptions WHERE code_id = r.id),"
                       " (SELECT coalesce (sum (revenue_cents), 0) FROM redemptions"
                       "  WHERE code_id = r.id)"
                       " FROM cards k JOIN people p ON p.id = k.person_id JOIN campaigns c"
                       " ON c.id = k.campaign_id LEFT JOIN referral_codes r ON r.person_id = p.id"
                       " AND r.campaign_id = c.id WHERE k.id = ?1", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, card_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      d->person_id = sqlite3_column_int64 (stmt, 0);
      d->person_uid = DUP (1);
      d->person_name = DUP (2);
      d->campaign_id = sqlite3_column_int64 (stmt, 3);
      d->campaign_uid = DUP (4);
      d->campaign_name = DUP (5);
      d->code = DUP (6);
      d->n_redemptions = sqlite3_column_int64 (stmt, 7);
      d->revenue_cents = sqlite3_column_int64 (stmt, 8);
    }
  sqlite3_finalize (stmt);
  if (d->person_uid == NULL)
    {
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        koc_db_set_error (db, rc, _("Could not read the card"), error);
      else
        g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                     _("The card or the stage no longer exists"));
      return NULL;
    }

  if (!koc_db_prepare (db, "SELECT kind, sku, value_cents, due_at, status, shipping_private"
                       " FROM incentives WHERE card_id = ?1 ORDER BY id", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, card_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocIncentive *i = g_new0 (KocIncentive, 1);

      i->kind = DUP (0);
      i->sku = DUP (1);
      i->value_cents = sqlite3_column_int64 (stmt, 2);
      i->due_at = sqlite3_column_int64 (stmt, 3);
      i->status = DUP (4);
      i->shipping_private = DUP (5);
      g_ptr_array_add (d->incentives, i);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the card"), error);
      return NULL;
    }

  if (!koc_db_prepare (db, "SELECT uid, kind, points, value_cents, note, given_at FROM rewards"
                       " WHERE person_id = ?1 AND campaign_id = ?2 ORDER BY given_at DESC, id DESC",
                       &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, d->person_id);
  sqlite3_bind_int64 (stmt, 2, d->campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocReward *r = g_new0 (KocReward, 1);

      r->uid = DUP (0);
      r->kind = DUP (1);
      r->points = sqlite3_column_int64 (stmt, 2);
      r->value_cents = sqlite3_column_int64 (stmt, 3);
      r->note = DUP (4);
      r->given_at = sqlite3_column_int64 (stmt, 5);
      d->reward_points += r->points;
      d->reward_cents += r->value_cents;
      g_ptr_array_add (d->rewards, r);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the card"), error);
      return NULL;
    }
  if ((d->suggestions = koc_campaigns_suggest_deliverables (db, card_id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&d);
}
