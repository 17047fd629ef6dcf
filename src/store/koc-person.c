/* koc-person.c: loading a person's profile — the person, their accounts with metric
 * history, the key stats, activity by month and by post kind, brands and top posts.
 * The relationship lists are in koc-person-crm.c.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-person"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-person-private.h"

sqlite3_stmt *
koc_person_prepare (sqlite3     *db,
                    const char  *sql,
                    gint64       id,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!koc_db_prepare (db, sql, &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return stmt;
}

char *
koc_person_column_text (sqlite3_stmt *stmt,
                        int           i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  return text != NULL ? g_strdup (text) : NULL;
}

gboolean
koc_person_finish (sqlite3      *db,
                   sqlite3_stmt *stmt,
                   int           rc,
                   GError      **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return koc_db_set_error (db, rc, _("Could not read the person’s profile"), error);
  return TRUE;
}

/* Calendar months (UTC) as one counter: year × 12 + month − 1. */
static long
month_index (gint64 time)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (time);
  int y = 1970, m = 1;

  if (dt != NULL)
    g_date_time_get_ymd (dt, &y, &m, NULL);
  return (long) y * 12 + m - 1;
}

static gint64
month_start (long index)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc ((int) (index / 12), (int) (index % 12) + 1, 1, 0, 0, 0);

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

static void
account_free (gpointer data)
{
  KocPersonAccount *a = data;

  g_free (a->platform);
  g_free (a->handle);
  g_free (a->display_name);
  g_free (a->url);
  g_free (a->avatar_sha256);
  g_free (a->tier);
  g_clear_pointer (&a->history, g_array_unref);
  g_free (a);
}

static void
kind_free (gpointer data)
{
  KocPersonKindStat *k = data;

  g_free (k->kind);
  g_free (k);
}

static void
brand_free (gpointer data)
{
  KocPersonBrand *b = data;

  g_free (b->name);
  g_free (b);
}

static void
post_free (gpointer data)
{
  KocPersonPost *p = data;

  g_free (p->platform);
  g_free (p->handle);
  g_free (p->kind);
  g_free (p->text);
  g_free (p->url);
  g_free (p->image_sha256);
  g_free (p);
}

static gboolean
load_person (sqlite3          *db,
             KocPersonProfile *profile,
             GError          **error)
{
  GPtrArray *tags;
  sqlite3_stmt *stmt;
  int rc;

  stmt = koc_person_prepare (db, "SELECT uid, display_name, stage, owner, region, category, bio, email,"
                                 " phone, wechat, consent, coalesce (consent_at, 0), orders, spend_cents,"
                                 " coalesce (koc_score, -1), score_breakdown, coalesce (scored_at, 0),"
                                 " created_at, updated_at FROM people WHERE id = ?1", profile->id, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_FOUND,
                   _("There is no person with id %lld in this workspace."), (long long) profile->id);
      return FALSE;
    }
  if (rc == SQLITE_ROW)
    {
      profile->uid = koc_person_column_text (stmt, 0);
      profile->display_name = koc_person_column_text (stmt, 1);
      profile->stage = koc_person_column_text (stmt, 2);
      profile->owner = koc_person_column_text (stmt, 3);
      profile->region = koc_person_column_text (stmt, 4);
      profile->category = koc_person_column_text (stmt, 5);
      profile->bio = koc_person_column_text (stmt, 6);
      profile->email = koc_person_column_text (stmt, 7);
      profile->phone = koc_person_column_text (stmt, 8);
      profile->wechat = koc_person_column_text (stmt, 9);
      profile->consent = koc_person_column_text (stmt, 10);
      profile->consent_at = sqlite3_column_int64 (stmt, 11);
      profile->orders = sqlite3_column_int64 (stmt, 12);
      profile->spend_cents = sqlite3_column_int64 (stmt, 13);
      profile->koc_score = sqlite3_column_double (stmt, 14);
      profile->score_breakdown = koc_person_column_text (stmt, 15);
      profile->scored_at = sqlite3_column_int64 (stmt, 16);
      profile->created_at = sqlite3_column_int64 (stmt, 17);
      profile->updated_at = sqlite3_column_int64 (stmt, 18);
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;

  tags = g_ptr_array_new ();
  stmt = koc_person_prepare (db, "SELECT t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id"
                                 " WHERE pt.person_id = ?1 ORDER BY t.name", profile->id, error);
  if (stmt == NULL)
    rc = SQLITE_ERROR;
  else
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (tags, koc_person_column_text (stmt, 0));
  g_ptr_array_add (tags, NULL);
  profile->tags = (char **) g_ptr_array_free (tags, FALSE);
  if (stmt == NULL || !koc_person_finish (db, stmt, rc, error))
    return FALSE;

  /* The score's parts: the scorer's "components" array, or else (older breakdowns)
   * every numeric member in order, with the weight at the same position of "weights". */
  profile->score_parts = g_array_new (FALSE, TRUE, sizeof (KocPersonScorePart));
  if (profile->score_breakdown != NULL)
    {
      if (!koc_db_prepare (db, "SELECT c.value ->> 'key', c.value ->> 'value', c.value ->> 'weight',"
                               " c.value ->> 'points', c.value ->> 'formula', c.id"
                               " FROM json_each (?1, '$.components') c"
                               " WHERE json_type (?1, '$.components') = 'array' AND c.type = 'object'"
                               " UNION ALL "
                               "SELECT j.key, j.value, (SELECT w.value FROM json_each (?1, '$.weights') w"
                               "   WHERE w.key = (SELECT count(*) FROM json_each (?1) k"
                               "     WHERE k.id < j.id AND k.type IN ('integer', 'real'))), NULL, NULL, j.id"
                               " FROM json_each (?1) j WHERE json_type (?1, '$.components') IS NULL"
                               "   AND j.type IN ('integer', 'real')"
                               " ORDER BY 6",
                           &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, profile->score_breakdown, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          KocPersonScorePart part;

          if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
            continue;
          part.key = koc_person_column_text (stmt, 0);
          part.value = sqlite3_column_double (stmt, 1);
          part.weight = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 2);
          if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
            part.points = sqlite3_column_double (stmt, 3);
          else
            part.points = part.weight >= 0 ? part.weight * part.value : -1;
          part.formula = koc_person_column_text (stmt, 4);
          g_array_append_val (profile->score_parts, part);
        }
      if (!koc_person_finish (db, stmt, rc, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_accounts (sqlite3          *db,
               KocPersonProfile *profile,
               GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  profile->accounts = g_ptr_array_new_with_free_func (account_free);
  stmt = koc_person_prepare (db, "SELECT id, platform, handle, display_name, url, avatar_sha256, followers,"
                                 " coalesce (engagement_rate, -1), tier, posts_count, mention_count,"
                                 " coalesce (last_post_at, 0) FROM accounts WHERE person_id = ?1"
                                 " ORDER BY followers DESC, id", profile->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocPersonAccount *a = g_new0 (KocPersonAccount, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->platform = koc_person_column_text (stmt, 1);
      a->handle = koc_person_column_text (stmt, 2);
      a->display_name = koc_person_column_text (stmt, 3);
      a->url = koc_person_column_text (stmt, 4);
      a->avatar_sha256 = koc_person_column_text (stmt, 5);
      a->followers = sqlite3_column_int64 (stmt, 6);
      a->engagement_rate = sqlite3_column_double (stmt, 7);
      a->tier = koc_person_column_text (stmt, 8);
      a->posts_count = sqlite3_column_int64 (stmt, 9);
      a->mention_count = sqlite3_column_int64 (stmt, 10);
      a->last_post_at = sqlite3_column_int64 (stmt, 11);
      a->history = g_array_new (FALSE, FALSE, sizeof (KocPersonSnapshot));
      g_ptr_array_add (profile->accounts, a);
      profile->followers += a->followers;
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < profile->accounts->len; i++)
    {
      KocPersonAccount *a = g_ptr_array_index (profile->accounts, i);

      stmt = koc_person_prepare (db, "SELECT taken_at, followers, coalesce (engagement_rate, -1)"
                                     " FROM metric_snapshots WHERE account_id = ?1 ORDER BY taken_at",
                                 a->id, error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          KocPersonSnapshot s;

          s.taken_at = sqlite3_column_int64 (stmt, 0);
          s.followers = sqlite3_column_int64 (stmt, 1);
          s.engagement_rate = sqlite3_column_double (stmt, 2);
          g_array_append_val (a->history, s);
        }
      if (!koc_person_finish (db, stmt, rc, error))
        return FALSE;
    }
  return TRUE;
}

#define PERSON_POSTS " FROM posts p JOIN accounts a ON a.id = p.account_id WHERE a.person_id = ?1"
#define ENGAGEMENT "(p.likes + p.comments + p.shares + p.saves)"

static gboolean
load_stats (sqlite3          *db,
            KocPersonProfile *profile,
            GError          **error)
{
  sqlite3_stmt *stmt;
  double sum = 0;
  gint64 newest = 0, oldest = 0;
  long first, last, window;
  guint total_in_window = 0;
  int rc;

  /* Engagement rate over the newest posts. */
  stmt = koc_person_prepare (db, "SELECT " ENGAGEMENT ", a.followers" PERSON_POSTS
                                 " ORDER BY p.published_at DESC, p.id DESC LIMIT "
                                 G_STRINGIFY (KOC_PERSON_ER_POSTS), profile->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_int64 (stmt, 1) > 0)
      {
        sum += (double) sqlite3_column_int64 (stmt, 0) / sqlite3_column_int64 (stmt, 1);
        profile->engagement_posts++;
      }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;
  profile->engagement_rate = profile->engagement_posts > 0 ? sum / profile->engagement_posts : -1;

  stmt = koc_person_prepare (db, "SELECT count(*), coalesce (max (p.published_at), 0),"
                                 " coalesce (min (p.published_at), 0)" PERSON_POSTS, profile->id, error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      profile->posts_total = sqlite3_column_int64 (stmt, 0);
      newest = sqlite3_column_int64 (stmt, 1);
      oldest = sqlite3_column_int64 (stmt, 2);
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;

  /* The months window: 12 months to now, up to 24 when older posts exist; a person
   * silent for a year gets the 12 months up to their newest post. */
  last = month_index (profile->loaded_at);
  if (profile->posts_total > 0 && month_index (newest) < last - 11)
    last = month_index (newest);
  first = last - 11;
  if (profile->posts_total > 0 && month_index (oldest) < first)
    first = MAX (month_index (oldest), last - 23);
  window = last - first + 1;

  profile->months = g_array_sized_new (FALSE, TRUE, sizeof (KocPersonMonth), (guint) window);
  for (long m = first; m <= last; m++)
    {
      KocPersonMonth month = { month_start (m), 0, 0 };

      g_array_append_val (profile->months, month);
    }

  stmt = koc_person_prepare (db, "SELECT p.published_at, " ENGAGEMENT PERSON_POSTS
                                 " AND p.published_at >= ?2 AND p.published_at < ?3", profile->id, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, month_start (first));
  sqlite3_bind_int64 (stmt, 3, month_start (last + 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      long m = month_index (sqlite3_column_int64 (stmt, 0)) - first;

      if (m >= 0 && m < window)
        {
          KocPersonMonth *month = &g_array_index (profile->months, KocPersonMonth, m);

          month->posts++;
          month->engagement += sqlite3_column_int64 (stmt, 1);
          total_in_window++;
        }
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;
  profile->posts_per_month = (double) total_in_window / window;

  /* By kind. */
  profile->kinds = g_ptr_array_new_with_free_func (kind_free);
  stmt = koc_person_prepare (db, "SELECT p.kind, count(*), avg (" ENGAGEMENT "),"
                                 " avg (CASE WHEN a.followers > 0 THEN " ENGAGEMENT " * 1.0 / a.followers END)"
                                 PERSON_POSTS " GROUP BY p.kind ORDER BY count(*) DESC, p.kind", profile->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocPersonKindStat *k = g_new0 (KocPersonKindStat, 1);

      k->kind = koc_person_column_text (stmt, 0);
      k->posts = (guint) sqlite3_column_int64 (stmt, 1);
      k->mean_engagement = sqlite3_column_double (stmt, 2);
      k->mean_rate = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 3);
      g_ptr_array_add (profile->kinds, k);
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;

  /* Brands, from the mentions themselves. */
  profile->brands = g_ptr_array_new_with_free_func (brand_free);
  stmt = koc_person_prepare (db, "SELECT b.id, b.name, count(*) FROM post_mentions pm"
                                 " JOIN posts p ON p.id = pm.post_id JOIN accounts a ON a.id = p.account_id"
                                 " JOIN brands b ON b.id = pm.brand_id WHERE a.person_id = ?1"
                                 " GROUP BY b.id ORDER BY 3 DESC, b.name", profile->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      profile->brand_mentions += sqlite3_column_int64 (stmt, 2);
      if (profile->brands->len < 10)
        {
          KocPersonBrand *b = g_new0 (KocPersonBrand, 1);

          b->brand_id = sqlite3_column_int64 (stmt, 0);
          b->name = koc_person_column_text (stmt, 1);
          b->mentions = sqlite3_column_int64 (stmt, 2);
          g_ptr_array_add (profile->brands, b);
        }
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;

  /* Referrals. */
  stmt = koc_person_prepare (db, "SELECT (SELECT count(*) FROM referral_codes WHERE person_id = ?1),"
                                 " count(r.id), coalesce (sum (r.revenue_cents), 0)"
                                 " FROM redemptions r JOIN referral_codes c ON c.id = r.code_id"
                                 " WHERE c.person_id = ?1", profile->id, error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      profile->referral_codes = (guint) sqlite3_column_int64 (stmt, 0);
      profile->referral_conversions = (guint) sqlite3_column_int64 (stmt, 1);
      profile->referral_revenue_cents = sqlite3_column_int64 (stmt, 2);
    }
  return koc_person_finish (db, stmt, rc, error);
}

static gboolean
load_top_posts (sqlite3          *db,
                KocPersonProfile *profile,
                GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  profile->top_posts = g_ptr_array_new_with_free_func (post_free);
  stmt = koc_person_prepare (db, "SELECT p.id, p.account_id, a.platform, a.handle, p.kind, p.text, p.url,"
                                 " p.published_at, p.likes, p.comments, p.shares, p.saves, p.views,"
                                 " a.followers, (SELECT pm.sha256 FROM post_media pm WHERE pm.post_id = p.id"
                                 "   ORDER BY pm.position LIMIT 1)"
                                 PERSON_POSTS " ORDER BY " ENGAGEMENT " DESC, p.published_at DESC, p.id DESC"
                                 " LIMIT " G_STRINGIFY (KOC_PERSON_TOP_POSTS), profile->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocPersonPost *p = g_new0 (KocPersonPost, 1);
      gint64 followers;

      p->id = sqlite3_column_int64 (stmt, 0);
      p->account_id = sqlite3_column_int64 (stmt, 1);
      p->platform = koc_person_column_text (stmt, 2);
      p->handle = koc_person_column_text (stmt, 3);
      p->kind = koc_person_column_text (stmt, 4);
      p->text = koc_person_column_text (stmt, 5);
      p->url = koc_person_column_text (stmt, 6);
      p->published_at = sqlite3_column_int64 (stmt, 7);
      p->likes = sqlite3_column_int64 (stmt, 8);
      p->comments = sqlite3_column_int64 (stmt, 9);
      p->shares = sqlite3_column_int64 (stmt, 10);
      p->saves = sqlite3_column_int64 (stmt, 11);
      p->views = sqlite3_column_int64 (stmt, 12);
      followers = sqlite3_column_int64 (stmt, 13);
      p->image_sha256 = koc_person_column_text (stmt, 14);
      p->engagement = p->likes + p->comments + p->shares + p->saves;
      p->engagement_rate = followers > 0 ? (double) p->engagement / followers : -1;
      g_ptr_array_add (profile->top_posts, p);
    }
  return koc_person_finish (db, stmt, rc, error);
}

KocPersonProfile *
koc_person_profile_load_at (sqlite3  *db,
                            gint64    person_id,
                            gint64    now,
                            GError  **error)
{
  g_autoptr (KocPersonProfile) profile = g_new0 (KocPersonProfile, 1);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  profile->id = person_id;
  profile->koc_score = -1;
  profile->engagement_rate = -1;
  profile->loaded_at = now;

  if (!load_person (db, profile, error) ||
      !load_accounts (db, profile, error) ||
      !load_stats (db, profile, error) ||
      !load_top_posts (db, profile, error) ||
      !koc_person_load_relationship (db, profile, error))
    return NULL;

  return g_steal_pointer (&profile);
}

KocPersonProfile *
koc_person_profile_load (sqlite3  *db,
                         gint64    person_id,
                         GError  **error)
{
  return koc_person_profile_load_at (db, person_id, g_get_real_time () / G_USEC_PER_SEC, error);
}

GBytes *
koc_person_load_media (sqlite3     *db,
                       const char  *sha256,
                       char       **mime,
                       GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (db != NULL && sha256 != NULL, NULL);

  if (mime != NULL)
    *mime = NULL;
  if (!koc_db_prepare (db, "SELECT mime, data FROM media WHERE sha256 = ?1 AND data IS NOT NULL",
                       &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      bytes = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
      if (mime != NULL)
        *mime = koc_person_column_text (stmt, 0);
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return NULL;
  return bytes;
}
