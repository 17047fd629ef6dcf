/* koc-score.c: the KOC score engine (formulas in koc-score.h).
 *
 * One pass: the engagement rates of all accounts are read sorted by tier and rate, which
 * gives every account its mid-rank percentile and every tier its median (an O(n log n)
 * sort in SQLite, then O(n) in C). Then one query walks the accounts of the people to
 * score, in person order, with correlated sub-queries on the (account, time) indexes for
 * the last 90 days of posts, unprompted mentions, comment/like sums, the largest
 * follower jump between snapshots and the person's redemptions; C folds the accounts of
 * a person and writes koc_score + score_breakdown (JSON: each component's key, value
 * 0..1, weight, points, formula and inputs) with one prepared UPDATE.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-score"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-score.h"

#define DAY 86400
#define WINDOW_DAYS 90
#define AFFINITY_FULL 0.25
#define CONVERSION_FULL 5.0
#define RECENCY_HALF_LIFE 30.0

static const struct
{
  const char *key;
  double      fallback;
  const char *formula;
} components[KOC_SCORE_N_COMPONENTS] = {
  { "engagement", 35, "(accounts of the tier below + ½ equal) ÷ accounts of the tier" },
  { "affinity", 25, "min (1, unprompted own-brand posts ÷ posts of the last 90 days ÷ 0.25)" },
  { "authenticity", 15, "1 − 0.4 follower spike − 0.3 rate far from tier median − 0.3 odd comments ÷ likes" },
  { "conversion", 15, "min (1, redemptions per 1,000 followers ÷ 5)" },
  { "recency", 10, "0.5 ^ (days since the last post ÷ 30)" },
};

const char *
koc_score_component_key (KocScoreComponent component)
{
  g_return_val_if_fail (component < KOC_SCORE_N_COMPONENTS, NULL);
  return components[component].key;
}

const char *
koc_score_component_formula (KocScoreComponent component)
{
  g_return_val_if_fail (component < KOC_SCORE_N_COMPONENTS, NULL);
  return components[component].formula;
}

void
koc_score_weights_init_default (KocScoreWeights *weights)
{
  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    weights->weight[i] = components[i].fallback;
}

/* Scales the weights to sum 100; FALSE (and defaults) when they are negative or all 0. */
gboolean
koc_score_weights_normalize (KocScoreWeights *weights)
{
  double sum = 0;

  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    {
      if (!(weights->weight[i] >= 0) || !isfinite (weights->weight[i]))
        {
          koc_score_weights_init_default (weights);
          return FALSE;
        }
      sum += weights->weight[i];
    }
  if (sum <= 0)
    {
      koc_score_weights_init_default (weights);
      return FALSE;
    }
  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    weights->weight[i] = weights->weight[i] * 100 / sum;
  return TRUE;
}

char *
koc_score_weights_to_json (const KocScoreWeights *weights)
{
  GString *json = g_string_new ("{");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    g_string_append_printf (json, "%s\"%s\":%s", i > 0 ? "," : "", components[i].key,
                            g_ascii_formatd (buf, sizeof buf, "%.4g", weights->weight[i]));
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

gboolean
koc_score_weights_load (sqlite3          *db,
                        KocScoreWeights  *weights,
                        GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  koc_score_weights_init_default (weights);
  if (!koc_db_prepare (db, "SELECT json_extract (value, '$.engagement'), json_extract (value,"
                           " '$.affinity'), json_extract (value, '$.authenticity'),"
                           " json_extract (value, '$.conversion'), json_extract (value, '$.recency')"
                           " FROM workspace_meta WHERE key = ?1 AND json_valid (value)", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, KOC_SCORE_WEIGHTS_KEY, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
        weights->weight[i] = sqlite3_column_type (stmt, i) == SQLITE_NULL
                             ? 0 : sqlite3_column_double (stmt, i);
      koc_score_weights_normalize (weights);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the score weights"), error);
  return TRUE;
}

gboolean
koc_score_weights_save (sqlite3                *db,
                        const KocScoreWeights  *weights,
                        GError                **error)
{
  KocScoreWeights normal = *weights;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_score_weights_normalize (&normal))
    {
      g_set_error_literal (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                           _("Score weights must not be negative and must not all be zero"));
      return FALSE;
    }
  json = koc_score_weights_to_json (&normal);
  if (!koc_db_prepare (db, "INSERT INTO workspace_meta (key, value) VALUES (?1, ?2)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, KOC_SCORE_WEIGHTS_KEY, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not save the score weights"), error);
  return TRUE;
}

double
koc_score_recency (double days)
{
  return pow (0.5, MAX (days, 0) / RECENCY_HALF_LIFE);
}

double
koc_score_conversion (gint64 redemptions,
                      gint64 followers)
{
  if (redemptions <= 0)
    return 0;
  if (followers <= 0)
    return 1;
  return MIN (1.0, redemptions * 1000.0 / followers / CONVERSION_FULL);
}

double
koc_score_affinity (gint64 unprompted,
                    gint64 posts)
{
  if (posts <= 0)
    return 0;
  return MIN (1.0, (double) unprompted / posts / AFFINITY_FULL);
}

/* Engagement standing of one account within its tier. */
typedef struct
{
  double percentile;  /* -1 without an engagement rate */
  double tier_median;
  double spike;       /* largest relative follower gain (of ≥ 1,000) between snapshots */
} TierStanding;

static TierStanding *
standing_get (GHashTable *standings,
              gint64      account_id)
{
  TierStanding *standing = g_hash_table_lookup (standings, &account_id);

  if (standing == NULL)
    {
      standing = g_new0 (TierStanding, 1);
      standing->percentile = -1;
      g_hash_table_insert (standings, g_memdup2 (&account_id, sizeof account_id), standing);
    }
  return standing;
}

/* Follower spikes from the snapshot history, one ordered scan of the (account, time) index. */
static gboolean
read_spikes (sqlite3     *db,
             GHashTable  *standings,
             gboolean     all,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 account = 0, previous = 0;
  int rc;

  if (!koc_db_prepare (db, all ? "SELECT account_id, followers FROM metric_snapshots"
                                 " ORDER BY account_id, taken_at"
                               : "SELECT account_id, followers FROM metric_snapshots WHERE account_id IN"
                                 " (SELECT id FROM accounts WHERE person_id IN"
                                 " (SELECT person_id FROM temp.score_targets))"
                                 " ORDER BY account_id, taken_at", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 followers = sqlite3_column_int64 (stmt, 1);

      if (id == account && previous > 0 && followers - previous >= 1000)
        {
          TierStanding *standing = standing_get (standings, id);

          standing->spike = MAX (standing->spike, (double) (followers - previous) / previous);
        }
      account = id;
      previous = followers;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the follower history"), error);
  return TRUE;
}

static GHashTable *
read_tier_standings (sqlite3  *db,
                     GError  **error)
{
  g_autoptr(GHashTable) standings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt = NULL;
  char *tier = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT id, tier, engagement_rate FROM accounts"
                           " WHERE engagement_rate IS NOT NULL ORDER BY tier, engagement_rate",
                       &stmt, error))
    return NULL;

  /* One extra step past the end flushes the last tier. */
  do
    {
      const char *row_tier;

      rc = sqlite3_step (stmt);
      row_tier = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 1) : NULL;
      if (ids->len > 0 && g_strcmp0 (row_tier, tier) != 0)
        {
          guint n = ids->len;
          double *r = (double *) rates->data;
          double median = n % 2 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
          guint start = 0;

          while (start < n)
            {
              guint end = start;

              while (end < n && r[end] == r[start])
                end++;
              for (guint i = start; i < end; i++)
                {
                  TierStanding *standing = g_new0 (TierStanding, 1);

                  standing->percentile = (start + 0.5 * (end - start)) / n;
                  standing->tier_median = median;
                  g_hash_table_insert (standings, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)),
                                       standing);
                }
              start = end;
            }
          g_array_set_size (ids, 0);
          g_array_set_size (rates, 0);
        }
      if (rc == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          double rate = sqlite3_column_double (stmt, 2);

          if (g_strcmp0 (row_tier, tier) != 0)
            {
              g_free (tier);
              tier = g_strdup (row_tier);
            }
          g_array_append_val (ids, id);
          g_array_append_val (rates, rate);
        }
    }
  while (rc == SQLITE_ROW);

  g_free (tier);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not rank engagement rates"), error);
      return NULL;
    }
  return g_steal_pointer (&standings);
}

/* What is known of one person while their accounts are folded. */
typedef struct
{
  gint64  person_id;
  double  engagement;
  gint64  engagement_account;
  double  engagement_rate;
  const char *tier;
  gint64  posts;
  gint64  unprompted;
  double  authenticity;
  gboolean spike;
  gboolean rate_off;
  gboolean ratio_off;
  gint64  followers;
  gint64  redemptions;
  gint64  last_post_at;
  char   *tier_buf;
} Person;

static void
person_reset (Person *person,
              gint64  person_id)
{
  g_free (person->tier_buf);
  memset (person, 0, sizeof *person);
  person->person_id = person_id;
  person->authenticity = 1;
}

static char *
breakdown_json (const Person          *person,
                const KocScoreWeights *weights,
                const double          *value,
                double                 score,
                gint64                 now)
{
  GString *json = g_string_new ("{\"version\":2,\"score\":");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (json, g_ascii_formatd (buf, sizeof buf, "%.1f", score));
  g_string_append (json, ",\"components\":[");
  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    {
      g_string_append_printf (json, "%s{\"key\":\"%s\",\"value\":", i > 0 ? "," : "", components[i].key);
      g_string_append (json, g_ascii_formatd (buf, sizeof buf, "%.4f", value[i]));
      g_string_append (json, ",\"weight\":");
      g_string_append (json, g_ascii_formatd (buf, sizeof buf, "%.4g", weights->weight[i]));
      g_string_append (json, ",\"points\":");
      g_string_append (json, g_ascii_formatd (buf, sizeof buf, "%.2f", value[i] * weights->weight[i]));
      g_string_append_printf (json, ",\"formula\":\"%s\",\"inputs\":{", components[i].formula);
      switch ((KocScoreComponent) i)
        {
        case KOC_SCORE_ENGAGEMENT:
          g_string_append_printf (json, "\"account_id\":%" G_GINT64_FORMAT ",\"tier\":\"%s\",\"rate\":",
                                  person->engagement_account, person->tier ? person->tier : "");
          g_string_append (json, g_ascii_formatd (buf, sizeof buf, "%.5f", person->engagement_rate));
          break;
        case KOC_SCORE_AFFINITY:
          g_string_append_printf (json, "\"unprompted\":%" G_GINT64_FORMAT ",\"posts\":%" G_GINT64_FORMAT
                                  ",\"days\":%d", person->unprompted, person->posts, WINDOW_DAYS);
          break;
        case KOC_SCORE_AUTHENTICITY:
          g_string_append_printf (json, "\"follower_spike\":%s,\"rate_far_from_tier\":%s,"
                                  "\"odd_comment_ratio\":%s", person->spike ? "true" : "false",
                                  person->rate_off ? "true" : "false", person->ratio_off ? "true" : "false");
          break;
        case KOC_SCORE_CONVERSION:
          g_string_append_printf (json, "\"redemptions\":%" G_GINT64_FORMAT ",\"followers\":%" G_GINT64_FORMAT,
                                  person->redemptions, person->followers);
          break;
        case KOC_SCORE_RECENCY:
          g_string_append_printf (json, "\"days\":%" G_GINT64_FORMAT,
                                  person->last_post_at > 0 ? MAX (0, now - person->last_post_at) / DAY : -1);
          break;
        case KOC_SCORE_N_COMPONENTS:
        default:
          g_assert_not_reached ();
        }
      g_string_append (json, "}}");
    }
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static gboolean
write_person (sqlite3               *db,
              sqlite3_stmt          *update,
              Person                *person,
              const KocScoreWeights *weights,
              gint64                 now,
              GError               **error)
{
  double value[KOC_SCORE_N_COMPONENTS];
  g_autofree char *json = NULL;
  double score = 0;
  int rc;

  value[KOC_SCORE_ENGAGEMENT] = person->engagement;
  value[KOC_SCORE_AFFINITY] = koc_score_affinity (person->unprompted, person->posts);
  value[KOC_SCORE_AUTHENTICITY] = MAX (0, person->authenticity);
  value[KOC_SCORE_CONVERSION] = koc_score_conversion (person->redemptions, person->followers);
  value[KOC_SCORE_RECENCY] = person->last_post_at > 0
                             ? koc_score_recency ((double) (now - person->last_post_at) / DAY) : 0;
  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    score += value[i] * weights->weight[i];
  score = CLAMP (round (score * 10) / 10, 0, 100);
  json = breakdown_json (person, weights, value, score, now);

  sqlite3_bind_double (update, 1, score);
  sqlite3_bind_text (update, 2, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 3, now);
  sqlite3_bind_int64 (update, 4, person->person_id);
  rc = sqlite3_step (update);
  sqlite3_reset (update);
  sqlite3_clear_bindings (update);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not save a KOC score"), error);
  return TRUE;
}

static const char accounts_sql[] =
  "SELECT a.person_id, a.id, a.tier, a.engagement_rate, a.followers, a.last_post_at,"
  " (SELECT count (*) FROM posts p WHERE p.account_id = a.id AND p.published_at >= ?1),"
  " (SELECT count (*) FROM posts p WHERE p.account_id = a.id AND p.published_at >= ?1"
  "   AND EXISTS (SELECT 1 FROM post_mentions m WHERE m.post_id = p.id AND m.brand_id IN"
  "    (SELECT id FROM brands WHERE is_own = 1))"
  "   AND NOT EXISTS (SELECT 1 FROM card_deliverables d WHERE d.post_id = p.id)),"
  " (SELECT coalesce (sum (likes), 0) FROM posts p WHERE p.account_id = a.id AND p.published_at >= ?1),"
  " (SELECT coalesce (sum (comments), 0) FROM posts p WHERE p.account_id = a.id AND p.published_at >= ?1),"
  " 0,"
  " (SELECT count (*) FROM redemptions r JOIN referral_codes c ON c.id = r.code_id"
  "   WHERE c.person_id = a.person_id),"
  " (SELECT max (published_at) FROM posts p WHERE p.account_id = a.id)"
  " FROM accounts a WHERE a.person_id IS NOT NULL %s ORDER BY a.person_id, a.id";

static void
fold_account (Person       *person,
              sqlite3_stmt *stmt,
              GHashTable   *standings)
{
  gint64 account_id = sqlite3_column_int64 (stmt, 1);
  const TierStanding *standing = g_hash_table_lookup (standings, &account_id);
  double rate = sqlite3_column_double (stmt, 3);
  gint64 likes = sqlite3_column_int64 (stmt, 8);
  gint64 comments = sqlite3_column_int64 (stmt, 9);
  double penalty = 0;
  gint64 last_post = MAX (sqlite3_column_int64 (stmt, 5), sqlite3_column_int64 (stmt, 12));

  if (standing != NULL && standing->percentile >= 0 &&
      (person->engagement_account == 0 || standing->percentile > person->engagement))
    {
      person->engagement = standing->percentile;
      person->engagement_account = account_id;
      person->engagement_rate = rate;
      g_free (person->tier_buf);
      person->tier = person->tier_buf = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  person->posts += sqlite3_column_int64 (stmt, 6);
  person->unprompted += sqlite3_column_int64 (stmt, 7);
  person->followers += sqlite3_column_int64 (stmt, 4);
  person->redemptions = sqlite3_column_int64 (stmt, 11);
  person->last_post_at = MAX (person->last_post_at, last_post);

  if (standing != NULL && standing->spike >= 0.5)
    {
      penalty += 0.4;
      person->spike = TRUE;
    }
  if (standing != NULL && standing->tier_median > 0 &&
      (rate > 5 * standing->tier_median || rate < standing->tier_median / 10))
    {
      penalty += 0.3;
      person->rate_off = TRUE;
    }
  if (likes >= 100 && ((double) comments / likes < 0.005 || (double) comments / likes > 0.5))
    {
      penalty += 0.3;
      person->ratio_off = TRUE;
    }
  person->authenticity = MIN (person->authenticity, 1 - penalty);
}

/* The engagement variants of the accounts (of the scored people, or all): by views for
 * video platforms, (likes + comments + shares + saves) ÷ views over the window's posts
 * with views; 赞藏评 per note for Xiaohongshu, mean of likes + saves + comments. */
static gboolean
update_engagement_variants (sqlite3  *db,
                            gboolean  all,
                            gint64    since,
                            GError  **error)
{
  g_autofree char *sql = g_strdup_printf (
    "UPDATE accounts SET"
    " engagement_by_views = CASE WHEN platform IN ('douyin', 'bilibili', 'tiktok', 'youtube') THEN"
    "  (SELECT sum (likes + comments + shares + saves) * 1.0 / sum (views) FROM posts p"
    "   WHERE p.account_id = accounts.id AND p.published_at >= %" G_GINT64_FORMAT " AND p.views > 0) END,"
    " interactions_per_post = CASE WHEN platform = 'xiaohongshu' THEN"
    "  (SELECT avg (likes + saves + comments) FROM posts p"
    "   WHERE p.account_id = accounts.id AND p.published_at >= %" G_GINT64_FORMAT ") END%s",
    since, since, all ? "" : " WHERE person_id IN (SELECT person_id FROM temp.score_targets)");

  return koc_db_exec (db, sql, error);
}

gboolean
koc_score_recompute (sqlite3               *db,
                     KocScoreScope          scope,
                     const gint64          *person_ids,
                     guint                  n_person_ids,
                     gint64                 now,
                     KocScoreProgressFunc   progress,
                     gpointer               user_data,
                     GCancellable          *cancellable,
                     guint64               *n_scored,
                     GError               **error)
{
  g_autoptr(GHashTable) standings = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *update = NULL;
  KocScoreWeights weights;
  Person person = { 0 };
  gint64 total = 0;
  guint64 done = 0;
  gboolean ok = FALSE;
  int rc;

  if (now <= 0)
    now = g_get_real_time () / G_USEC_PER_SEC;
  if (n_scored != NULL)
    *n_scored = 0;

  if (!koc_score_weights_load (db, &weights, error) ||
      !koc_db_exec (db, "CREATE TEMP TABLE IF NOT EXISTS score_targets"
                        " (person_id INTEGER PRIMARY KEY); DELETE FROM temp.score_targets;", error))
    return FALSE;

  if (scope == KOC_SCORE_SCOPE_DIRTY &&
      !koc_db_exec (db, "INSERT INTO temp.score_targets SELECT person_id FROM score_dirty", error))
    return FALSE;
  if (scope == KOC_SCORE_SCOPE_PEOPLE)
    {
      if (!koc_db_prepare (db, "INSERT OR IGNORE INTO temp.score_targets VALUES (?1)", &stmt, error))
        return FALSE;
      for (guint i = 0; i < n_person_ids; i++)
        {
          sqlite3_bind_int64 (stmt, 1, person_ids[i]);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            {
              sqlite3_finalize (stmt);
              return koc_db_set_error (db, rc, _("Could not compute KOC scores"), error);
            }
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (!koc_db_query_int64 (db, scope == KOC_SCORE_SCOPE_ALL
                               ? "SELECT count (DISTINCT person_id) FROM accounts"
                               : "SELECT count (*) FROM temp.score_targets t WHERE EXISTS"
                                 " (SELECT 1 FROM accounts a WHERE a.person_id = t.person_id)",
                           0, &total, error))
    return FALSE;
  if (progress != NULL)
    progress (0, total, user_data);

  if (total > 0 && ((standings = read_tier_standings (db, error)) == NULL ||
                    !read_spikes (db, standings, scope == KOC_SCORE_SCOPE_ALL, error)))
    return FALSE;

  sql = g_strdup_printf (accounts_sql, scope == KOC_SCORE_SCOPE_ALL ? ""
                         : "AND a.person_id IN (SELECT person_id FROM temp.score_targets)");
  if (total > 0 &&
      (!koc_db_prepare (db, sql, &stmt, error) ||
       !koc_db_prepare (db, "UPDATE people SET koc_score = ?1, score_breakdown = ?2, scored_at = ?3"
                            " WHERE id = ?4", &update, error)))
    goto out;

  if (total > 0)
    {
      sqlite3_bind_int64 (stmt, 1, now - WINDOW_DAYS * DAY);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 person_id = sqlite3_column_int64 (stmt, 0);

          if (person_id != person.person_id)
            {
              if (person.person_id != 0)
                {
                  if (!write_person (db, update, &person, &weights, now, error))
                    goto out;
                  if (++done % 1000 == 0)
                    {
                      if (g_cancellable_set_error_if_cancelled (cancellable, error))
                        goto out;
                      if (progress != NULL)
                        progress (done, total, user_data);
                    }
                }
              person_reset (&person, person_id);
            }
          fold_account (&person, stmt, standings);
        }
      if (rc != SQLITE_DONE)
        {
          koc_db_set_error (db, rc, _("Could not compute KOC scores"), error);
          goto out;
        }
      if (person.person_id != 0)
        {
          if (!write_person (db, update, &person, &weights, now, error))
            goto out;
          done++;
        }
    }

  if (!update_engagement_variants (db, scope == KOC_SCORE_SCOPE_ALL, now - WINDOW_DAYS * DAY, error))
    goto out;
  if (!koc_db_exec (db, scope == KOC_SCORE_SCOPE_ALL ? "DELETE FROM score_dirty"
                        : "DELETE FROM score_dirty WHERE person_id IN (SELECT person_id FROM temp.score_targets)",
                    error))
    goto out;
  if (progress != NULL)
    progress (done, total, user_data);
  if (n_scored != NULL)
    *n_scored = done;
  ok = TRUE;

out:
  person_reset (&person, 0);
  sqlite3_finalize (stmt);
  sqlite3_finalize (update);
  return ok;
}
