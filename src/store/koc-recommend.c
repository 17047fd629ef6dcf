/* koc-recommend.c: lookalikes of the top advocates (formula in koc-recommend.h).
 *
 * Set-based: the advocates' profile goes into temp tables (category, region, brand, tier
 * and hashtag counts), then one query scores every other account with index lookups
 * into them; the hashtag overlap, which needs the account's posts, is computed only for
 * the 4 × limit best by the other terms.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-recommend"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-recommend.h"

#define TOP_HASHTAGS 20

void
koc_recommendation_free (KocRecommendation *recommendation)
{
  if (recommendation == NULL)
    return;
  if (recommendation->hit != NULL)
    koc_account_hit_free (recommendation->hit);
  g_free (recommendation->category);
  g_free (recommendation->region);
  g_free (recommendation->brand);
  g_free (recommendation->hashtag);
  g_free (recommendation);
}

static const char profile_sql[] =
  "DROP TABLE IF EXISTS temp.adv; DROP TABLE IF EXISTS temp.adv_category;"
  " DROP TABLE IF EXISTS temp.adv_region; DROP TABLE IF EXISTS temp.adv_brand;"
  " DROP TABLE IF EXISTS temp.adv_tier; DROP TABLE IF EXISTS temp.adv_tag;"
  "CREATE TEMP TABLE adv AS SELECT id AS person_id, category, region FROM people"
  " WHERE stage IN ('advocate', 'ambassador') ORDER BY koc_score DESC NULLS LAST, id LIMIT %u;"
  "CREATE TEMP TABLE adv_category AS SELECT category, count (*) AS n FROM adv"
  " WHERE category IS NOT NULL GROUP BY category;"
  "CREATE TEMP TABLE adv_region AS SELECT region, count (*) AS n FROM adv"
  " WHERE region IS NOT NULL GROUP BY region;"
  "CREATE TEMP TABLE adv_brand AS SELECT ab.brand_id, count (DISTINCT a.person_id) AS n"
  " FROM adv JOIN accounts a ON a.person_id = adv.person_id"
  " JOIN account_brands ab ON ab.account_id = a.id AND ab.mentions > 0 GROUP BY ab.brand_id;"
  "CREATE TEMP TABLE adv_tier AS SELECT a.tier, count (DISTINCT a.person_id) AS n"
  " FROM adv JOIN accounts a ON a.person_id = adv.person_id GROUP BY a.tier;"
  "CREATE TEMP TABLE adv_tag AS SELECT h.tag, count (*) AS n FROM adv"
  " JOIN accounts a ON a.person_id = adv.person_id JOIN posts p ON p.account_id = a.id"
  " JOIN post_hashtags h ON h.post_id = p.id GROUP BY h.tag ORDER BY n DESC, h.tag"
  " LIMIT " G_STRINGIFY (TOP_HASHTAGS) ";";

/* Columns 0–16 as koc-search.c's account rows, then the similarity facts. */
static const char candidates_sql[] =
  "WITH c AS MATERIALIZED (SELECT a.id, a.tier, coalesce (a.category, pe.category) AS category,"
  "  coalesce (a.region, pe.region) AS region,"
  "  coalesce ((SELECT n FROM adv_category WHERE category = coalesce (a.category, pe.category)), 0) AS n_cat,"
  "  coalesce ((SELECT n FROM adv_region WHERE region = coalesce (a.region, pe.region)), 0) AS n_reg,"
  "  (SELECT x.brand_id FROM account_brands ab JOIN adv_brand x ON x.brand_id = ab.brand_id"
  "   WHERE ab.account_id = a.id AND ab.mentions > 0 ORDER BY x.n DESC, x.brand_id LIMIT 1) AS brand_id,"
  "  coalesce ((SELECT n FROM adv_tier WHERE tier = a.tier), 0) AS n_tier"
  "  FROM accounts a LEFT JOIN people pe ON pe.id = a.person_id"
  "  WHERE pe.id IS NULL OR pe.stage NOT IN ('advocate', 'ambassador')),"
  " s AS (SELECT c.*, coalesce ((SELECT n FROM adv_brand WHERE brand_id = c.brand_id), 0) AS n_brand FROM c),"
  " best AS MATERIALIZED (SELECT *, (0.30 * n_cat + 0.20 * n_reg + 0.25 * n_brand + 0.10 * n_tier) / ?1 AS pre"
  "  FROM s WHERE n_cat + n_reg + n_brand > 0 ORDER BY pre DESC, id LIMIT ?2)"
  " SELECT a.id, coalesce (a.person_id, 0), coalesce (pe.display_name, a.display_name, a.handle),"
  " a.handle, a.platform, a.followers, coalesce (a.engagement_rate, -1), a.tier,"
  " coalesce (pe.koc_score, -1), pe.stage, pe.owner, best.region, best.category,"
  " coalesce (a.last_post_at, 0), a.mention_count, best.pre, 0,"
  " best.n_cat, best.n_reg, (SELECT name FROM brands WHERE id = best.brand_id), best.n_brand,"
  " best.n_tier,"
  " (SELECT count (DISTINCT h.tag) FROM posts p JOIN post_hashtags h ON h.post_id = p.id"
  "   WHERE p.account_id = a.id AND h.tag IN (SELECT tag FROM adv_tag)),"
  " (SELECT h.tag FROM posts p JOIN post_hashtags h ON h.post_id = p.id JOIN adv_tag t ON t.tag = h.tag"
  "   WHERE p.account_id = a.id ORDER BY t.n DESC, h.tag LIMIT 1)"
  " FROM best JOIN accounts a ON a.id = best.id LEFT JOIN people pe ON pe.id = a.person_id";

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strdup (text) : NULL;
}

static KocRecommendation *
recommendation_from_row (sqlite3_stmt *stmt,
                         guint         n_advocates)
{
  KocRecommendation *rec = g_new0 (KocRecommendation, 1);
  KocAccountHit *hit = g_new0 (KocAccountHit, 1);
  guint n_tags;

  hit->account_id = sqlite3_column_int64 (stmt, 0);
  hit->person_id = sqlite3_column_int64 (stmt, 1);
  hit->display_name = column_dup (stmt, 2);
  hit->handle = column_dup (stmt, 3);
  hit->platform = column_dup (stmt, 4);
  hit->followers = sqlite3_column_int64 (stmt, 5);
  hit->engagement_rate = sqlite3_column_double (stmt, 6);
  hit->tier = column_dup (stmt, 7);
  hit->koc_score = sqlite3_column_double (stmt, 8);
  hit->stage = column_dup (stmt, 9);
  hit->owner = column_dup (stmt, 10);
  hit->region = column_dup (stmt, 11);
  hit->category = column_dup (stmt, 12);
  hit->last_post_at = sqlite3_column_int64 (stmt, 13);
  hit->mention_count = sqlite3_column_int64 (stmt, 14);
  rec->hit = hit;
  rec->n_advocates = n_advocates;
  rec->n_category = sqlite3_column_int (stmt, 17);
  rec->n_region = sqlite3_column_int (stmt, 18);
  rec->category = rec->n_category > 0 ? g_strdup (hit->category) : NULL;
  rec->region = rec->n_region > 0 ? g_strdup (hit->region) : NULL;
  rec->brand = column_dup (stmt, 19);
  rec->n_brand = sqlite3_column_int (stmt, 20);
  rec->n_tier = sqlite3_column_int (stmt, 21);
  n_tags = sqlite3_column_int (stmt, 22);
  rec->n_hashtags = n_tags;
  rec->hashtag = column_dup (stmt, 23);
  rec->similarity = (0.30 * rec->n_category + 0.20 * rec->n_region + 0.25 * rec->n_brand
                     + 0.10 * rec->n_tier) / n_advocates + 0.15 * MIN (1.0, n_tags / 10.0);
  hit->relevance = rec->similarity;
  return rec;
}

static int
compare_similarity (gconstpointer a,
                    gconstpointer b)
{
  const KocRecommendation *x = *(KocRecommendation * const *) a;
  const KocRecommendation *y = *(KocRecommendation * const *) b;

  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  if (x->hit->koc_score != y->hit->koc_score)
    return x->hit->koc_score > y->hit->koc_score ? -1 : 1;
  return x->hit->account_id < y->hit->account_id ? -1 : x->hit->account_id > y->hit->account_id;
}

GPtrArray *
koc_recommend_lookalikes (sqlite3  *db,
                          guint     n_top,
                          guint     limit,
                          GError  **error)
{
  g_autoptr(GPtrArray) recs = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_recommendation_free);
  g_autofree char *profile = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n_advocates = 0;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  n_top = n_top > 0 ? n_top : 50;
  limit = limit > 0 ? MIN (limit, 500) : 50;
  /* n_top is an integer of ours: safe to format. */
  profile = g_strdup_printf (profile_sql, n_top);
  if (!koc_db_exec (db, profile, error) ||
      !koc_db_query_int64 (db, "SELECT count (*) FROM temp.adv", 0, &n_advocates, error))
    return NULL;
  if (n_advocates == 0)
    return g_steal_pointer (&recs);

  if (!koc_db_prepare (db, candidates_sql, &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, n_advocates);
  sqlite3_bind_int64 (stmt, 2, (gint64) limit * 4);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (recs, recommendation_from_row (stmt, n_advocates));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not find similar accounts"), error);
      return NULL;
    }
  g_ptr_array_sort (recs, compare_similarity);
  if (recs->len > limit)
    g_ptr_array_set_size (recs, limit);
  return g_steal_pointer (&recs);
}

char *
koc_recommendation_describe (const KocRecommendation *rec,
                             const char *(*category_name) (const char *id))
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *category = rec->category != NULL && category_name != NULL
                         ? category_name (rec->category) : rec->category;

  if (category != NULL && rec->region != NULL)
    /* Translators: why an account is like the top advocates: category, then city */
    g_ptr_array_add (parts, g_strdup_printf (_("Same category (%s) and region (%s)"), category, rec->region));
  else if (category != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Same category (%s)"), category));
  else if (rec->region != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Same region (%s)"), rec->region));
  if (rec->brand != NULL)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "mentions %s like %u of your advocates",
                                                          "mentions %s like %u of your advocates",
                                                          rec->n_brand), rec->brand, rec->n_brand));
  if (rec->hashtag != NULL)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "uses #%s and %u more of their hashtags",
                                                          "uses #%s and %u more of their hashtags",
                                                          rec->n_hashtags - 1), rec->hashtag,
                                             rec->n_hashtags - 1));
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup_printf (_("Same follower tier as %u of your advocates"), rec->n_tier));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the reasons of a recommendation */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}
