/* koc-keyword-store-sov.c: share of voice per brand over time, from the per-day post
 * counts of the keyword aggregates (keyword_day_posts), never from the posts.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include "koc-db.h"
#include "koc-keyword-store.h"

GArray *
koc_keyword_store_share_of_voice (sqlite3       *db,
                                  const gint64  *brand_ids,
                                  guint          n_brands,
                                  gint64         from,
                                  gint64         to,
                                  guint          bucket_days,
                                  GError       **error)
{
  gint64 from_day = from / KOC_KEYWORD_DAY_SECONDS;
  gint64 to_day = to / KOC_KEYWORD_DAY_SECONDS;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (KocShareOfVoice));
  sqlite3_stmt *stmt = NULL;
  guint n_buckets;

  g_return_val_if_fail (bucket_days > 0, NULL);
  if (to_day < from_day || n_brands == 0)
    return g_steal_pointer (&rows);
  n_buckets = (guint) ((to_day - from_day) / bucket_days + 1);
  g_array_set_size (rows, (gsize) n_buckets * n_brands);
  for (guint b = 0; b < n_buckets; b++)
    for (guint i = 0; i < n_brands; i++)
      {
        KocShareOfVoice *row = &g_array_index (rows, KocShareOfVoice, b * n_brands + i);

        row->bucket_start = (from_day + (gint64) b * bucket_days) * KOC_KEYWORD_DAY_SECONDS;
        row->brand_id = brand_ids[i];
      }

  if (!koc_db_prepare (db, "SELECT day, posts, engagement FROM keyword_day_posts"
                       " WHERE brand_id = ?1 AND day BETWEEN ?2 AND ?3", &stmt, error))
    return NULL;
  for (guint i = 0; i < n_brands; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, brand_ids[i]);
      sqlite3_bind_int64 (stmt, 2, from_day);
      sqlite3_bind_int64 (stmt, 3, to_day);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          guint b = (guint) ((sqlite3_column_int64 (stmt, 0) - from_day) / bucket_days);
          KocShareOfVoice *row = &g_array_index (rows, KocShareOfVoice, b * n_brands + i);

          row->posts += sqlite3_column_int64 (stmt, 1);
          row->engagement += sqlite3_column_int64 (stmt, 2);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          koc_db_set_error (db, rc, "share of voice", error);
          return NULL;
        }
    }
  sqlite3_finalize (stmt);

  for (guint b = 0; b < n_buckets; b++)
    {
      KocShareOfVoice *first = &g_array_index (rows, KocShareOfVoice, b * n_brands);
      gint64 posts = 0, engagement = 0;

      for (guint i = 0; i < n_brands; i++)
        {
          posts += first[i].posts;
          engagement += first[i].engagement;
        }
      for (guint i = 0; i < n_brands; i++)
        {
          first[i].share_posts = posts > 0 ? (double) first[i].posts / posts : 0;
          first[i].share_engagement = engagement > 0 ? (double) first[i].engagement / engagement : 0;
        }
    }
  return g_steal_pointer (&rows);
}
