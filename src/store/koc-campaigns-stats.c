/* koc-campaigns-stats.c: a campaign's numbers (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaigns-stats.h"
#include "koc-db.h"

#define ENGAGEMENT "(p.likes + p.comments + p.shares + p.saves)"

const KocEmvRate *
koc_campaigns_default_emv_rates (guint *n_rates)
{
  static const KocEmvRate rates[] = {
    { "xiaohongshu", 5, 150 }, { "douyin", 2, 80 }, { "weibo", 1, 50 }, { "bilibili", 3, 100 },
    { "wechat", 5, 120 }, { "instagram", 2, 100 }, { "tiktok", 1, 60 }, { "youtube", 3, 100 },
  };

  *n_rates = G_N_ELEMENTS (rates);
  return rates;
}

GArray *
koc_campaigns_load_emv_rates (sqlite3  *db,
                              GError  **error)
{
  g_autoptr(GArray) rates = g_array_new (FALSE, TRUE, sizeof (KocEmvRate));
  const KocEmvRate *defaults;
  guint n_defaults;
  sqlite3_stmt *stmt = NULL;
  int rc;

  defaults = koc_campaigns_default_emv_rates (&n_defaults);
  g_array_append_vals (rates, defaults, n_defaults);
  if (!koc_db_prepare (db, "SELECT platform, cents_per_view, cents_per_engagement FROM emv_rates"
                       " ORDER BY platform", &stmt, error))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocEmvRate rate = { g_intern_string ((const char *)sqlite3_column_text (stmt, 0)),
                          sqlite3_column_double (stmt, 1), sqlite3_column_double (stmt, 2) };
      guint i;

      for (i = 0; i < rates->len; i++)
        if (g_strcmp0 (g_array_index (rates, KocEmvRate, i).platform, rate.platform) == 0)
          break;
      if (i < rates->len)
        g_array_index (rates, KocEmvRate, i) = rate;
      else
        g_array_append_val (rates, rate);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the EMV values"), error);
      return NULL;
    }
  return g_steal_pointer (&rates);
}

gboolean
koc_campaigns_save_emv_rates (sqlite3           *db,
                              const KocEmvRate  *rates,
                              guint              n_rates,
                              GError           **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!koc_db_exec (db, "DELETE FROM emv_rates", error))
    return FALSE;
  for (guint i = 0; i < n_rates; i++)
    {
      int rc;

      if (!koc_db_prepare (db, "INSERT INTO emv_rates (platform, cents_per_view,"
                           " cents_per_engagement) VALUES (?1, ?2, ?3)", &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, rates[i].platform, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 2, rates[i].cents_per_view);
      sqlite3_bind_double (stmt, 3, rates[i].cents_per_engagement);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return koc_db_set_error (db, rc, _("Could not save the EMV values"), error);
    }
  return TRUE;
}

static void
top_free (KocTopPerformer *top)
{
  g_free (top->name);
  g_free (top);
}

void
koc_campaign_stats_free (KocCampaignStats *stats)
{
  if (stats == NULL)
    return;
  g_strfreev (stats->stage_names);
  g_free (stats->reached);
  g_clear_pointer (&stats->top, g_ptr_array_unref);
  g_free (stats);
}

static gboolean
step_failed (sqlite3       *db,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return FALSE;
  return !koc_db_set_error (db, rc, _("Could not read the campaign"), error);
}

KocCampaignStats *
koc_campaigns_stats (sqlite3           *db,
                     gint64             campaign_id,
                     const KocEmvRate  *rates,
                     guint              n_rates,
                     GError           **error)
{
  g_autoptr(KocCampaignStats) stats = g_new0 (KocCampaignStats, 1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) reached = g_array_new (FALSE, TRUE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  stats->top = g_ptr_array_new_with_free_func ((GDestroyNotify)top_free);

  /* The funnel: per stage, the cards at it or beyond. */
  if (!koc_db_prepare (db, "SELECT s.name, (SELECT count(*) FROM cards k JOIN campaign_stages t"
                       " ON t.id = k.stage_id WHERE k.campaign_id = s.campaign_id AND"
                       " (t.position > s.position OR (t.position = s.position AND t.id >= s.id)))"
                       " FROM campaign_stages s WHERE s.campaign_id = ?1 ORDER BY s.position, s.id",
                       &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 1);

      g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_array_append_val (reached, n);
    }
  if (step_failed (db, stmt, rc, error))
    return NULL;
  stats->n_stages = names->len;
  g_ptr_array_add (names, NULL);
  stats->stage_names = (char **)g_ptr_array_steal (names, NULL);
  stats->reached = (gint64 *)(void *)g_array_steal (reached, NULL);
  stats->n_cards = stats->n_stages > 0 ? stats->reached[0] : 0;

  /* Deliverables, by platform for EMV. */
  if (!koc_db_prepare (db, "SELECT a.platform, count(*), sum (" ENGAGEMENT "), sum (p.views)"
                       " FROM card_deliverables d JOIN cards k ON k.id = d.card_id JOIN posts p"
                       " ON p.id = d.post_id JOIN accounts a ON a.id = p.account_id"
                       " WHERE k.campaign_id = ?1 GROUP BY a.platform", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *platform = (const char *)sqlite3_column_text (stmt, 0);
      gint64 engagement = sqlite3_column_int64 (stmt, 2), views = sqlite3_column_int64 (stmt, 3);

      stats->n_posts += sqlite3_column_int64 (stmt, 1);
      stats->engagement += engagement;
      stats->views += views;
      for (guint i = 0; i < n_rates; i++)
        if (g_strcmp0 (rates[i].platform, platform) == 0)
          stats->emv_cents += views * rates[i].cents_per_view + engagement * rates[i].cents_per_engagement;
    }
  if (step_failed (db, stmt, rc, error))
    return NULL;

  /* Redemptions and cost. */
  if (!koc_db_prepare (db, "SELECT (SELECT count(*) FROM redemptions r JOIN referral_codes c"
                       " ON c.id = r.code_id WHERE c.campaign_id = ?1),"
                       " (SELECT coalesce (sum (r.revenue_cents), 0) FROM redemptions r"
                       "  JOIN referral_codes c ON c.id = r.code_id WHERE c.campaign_id = ?1),"
                       " (SELECT coalesce (sum (i.value_cents), 0) FROM incentives i JOIN cards k"
                       "  ON k.id = i.card_id WHERE k.campaign_id = ?1 AND i.status NOT IN"
                       "  ('cancelled', 'returned')),"
                       " (SELECT coalesce (sum (value_cents), 0) FROM rewards WHERE campaign_id = ?1)",
                       &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      stats->n_redemptions = sqlite3_column_int64 (stmt, 0);
      stats->revenue_cents = sqlite3_column_int64 (stmt, 1);
      stats->cost_cents = sqlite3_column_int64 (stmt, 2) + sqlite3_column_int64 (stmt, 3);
    }
  if (step_failed (db, stmt, rc, error))
    return NULL;
  stats->cost_per_engagement_cents = stats->engagement > 0
                                     ? (double)stats->cost_cents / stats->engagement : -1;

  /* Top performers: engagement of their deliverables, then referral revenue. */
  if (!koc_db_prepare (db, "SELECT k.person_id, pe.display_name,"
                       " (SELECT coalesce (sum (" ENGAGEMENT "), 0) FROM card_deliverables d"
                       "  JOIN posts p ON p.id = d.post_id WHERE d.card_id = k.id) AS e,"
                       " (SELECT coalesce (sum (r.revenue_cents), 0) FROM redemptions r"
                       "  JOIN referral_codes c ON c.id = r.code_id WHERE c.person_id = k.person_id"
                       "  AND c.campaign_id = k.campaign_id) AS v"
                       " FROM cards k JOIN people pe ON pe.id = k.person_id WHERE k.campaign_id = ?1"
                       " AND (e > 0 OR v > 0) ORDER BY e DESC, v DESC, k.id LIMIT 5", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocTopPerformer *top = g_new0 (KocTopPerformer, 1);

      top->person_id = sqlite3_column_int64 (stmt, 0);
      top->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      top->engagement = sqlite3_column_int64 (stmt, 2);
      top->revenue_cents = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (stats->top, top);
    }
  if (step_failed (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&stats);
}
