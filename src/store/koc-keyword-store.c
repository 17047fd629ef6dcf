/* koc-keyword-store.c: the catch-up that keeps the keyword aggregates (see
 * koc-keyword-store.h and koc-schema-keywords.c), and the lexicon.
 *
 * The catch-up adds up deltas in memory, keyed by (brand, day, keyword id), and writes
 * them every FLUSH_POSTS posts, sorted in primary-key order, as upserts. Subtractions (a
 * post edited or deleted) only update existing rows and remove the ones that reach zero,
 * so a brand deleted meanwhile never gets negative rows back.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "koc-db.h"
#include "koc-keyword-store.h"

#define FLUSH_POSTS 20000
#define WATERMARK_KEY "keywords:watermark"

typedef struct
{
  gint64  brand;
  gint64  day;
  guint32 keyword;
} DeltaKey;

typedef struct
{
  DeltaKey key;
  gint64   posts;
  gint64   engagement;
} Delta;

typedef struct
{
  sqlite3             *db;
  KocKeywordExtractor *extractor;
  GHashTable          *keyword_ids;  /* text → id + 1 */
  GPtrArray           *keywords;     /* id → text */
  GHashTable          *deltas;       /* DeltaKey → Delta */
  GHashTable          *month_deltas; /* DeltaKey (day = month) → Delta */
  GHashTable          *day_deltas;   /* DeltaKey (keyword 0) → Delta */
  GHashTable          *totals;       /* id + 1 → gint64 delta, as pointer-sized int */
  guint                n_pending;
} Catchup;

gint64
koc_keyword_month_of_day (gint64 day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day * KOC_KEYWORD_DAY_SECONDS);

  if (dt == NULL)
    return day < 0 ? G_MININT32 : G_MAXINT32;
  return (gint64) g_date_time_get_year (dt) * 12 + g_date_time_get_month (dt) - 1;
}

gint64
koc_keyword_month_first_day (gint64 month)
{
  g_autoptr(GDateTime) dt = NULL;

  if (month < 12 || month >= 9999 * 12)
    return month < 12 ? G_MININT32 : G_MAXINT32;
  dt = g_date_time_new_utc ((int) (month / 12), (int) (month % 12) + 1, 1, 0, 0, 0);
  return g_date_time_to_unix (dt) / KOC_KEYWORD_DAY_SECONDS;
}

static guint
delta_key_hash (gconstpointer p)
{
  const DeltaKey *k = p;

  return (guint) (k->brand * 1000003 ^ k->day * 7919 ^ k->keyword * 2654435761u);
}

static gboolean
delta_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const DeltaKey *x = a, *y = b;

  return x->brand == y->brand && x->day == y->day && x->keyword == y->keyword;
}

static guint32
keyword_id (Catchup    *c,
            const char *text)
{
  gpointer found = g_hash_table_lookup (c->keyword_ids, text);
  char *copy;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  copy = g_strdup (text);
  g_ptr_array_add (c->keywords, copy);
  g_hash_table_insert (c->keyword_ids, copy, GUINT_TO_POINTER (c->keywords->len));
  return c->keywords->len - 1;
}

static void
add_delta (GHashTable *table,
           gint64      brand,
           gint64      day,
           guint32     keyword,
           int         sign,
           gint64      engagement)
{
  DeltaKey key = { brand, day, keyword };
  Delta *delta = g_hash_table_lookup (table, &key);

  if (delta == NULL)
    {
      delta = g_new0 (Delta, 1);
      delta->key = key;
      g_hash_table_insert (table, &delta->key, delta);
    }
  delta->posts += sign;
  delta->engagement += sign * engagement;
}

/* Adds (sign 1) or subtracts (sign -1) one post's contribution. */
static void
account_post (Catchup    *c,
              const char *text,
              gint64      day,
              gint64      engagement,
              const char *brands,
              int         sign)
{
  g_autoptr(GPtrArray) words = koc_keyword_extractor_post_keywords (c->extractor, text, -1);
  g_auto(GStrv) brand_list = g_strsplit (brands != NULL ? brands : "", ",", -1);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), words->len);
  gint64 month = koc_keyword_month_of_day (day);

  for (guint i = 0; i < words->len; i++)
    {
      guint32 id = keyword_id (c, g_ptr_array_index (words, i));
      gpointer old;

      g_array_append_val (ids, id);
      old = g_hash_table_lookup (c->totals, GUINT_TO_POINTER (id + 1));
      g_hash_table_insert (c->totals, GUINT_TO_POINTER (id + 1),
                           GINT_TO_POINTER (GPOINTER_TO_INT (old) + sign));
    }

  for (int b = -1; brand_list[b < 0 ? 0 : b] != NULL || b < 0; b++)
    {
      gint64 brand = b < 0 ? 0 : g_ascii_strtoll (brand_list[b], NULL, 10);

      if (b >= 0 && brand <= 0)
        continue;
      add_delta (c->day_deltas, brand, day, 0, sign, engagement);
      for (guint i = 0; i < ids->len; i++)
        {
          add_delta (c->deltas, brand, day, g_array_index (ids, guint32, i), sign, engagement);
          add_delta (c->month_deltas, brand, month, g_array_index (ids, guint32, i), sign, engagement);
        }
    }
  c->n_pending++;
}

static int
compare_delta (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Delta *x = *(const Delta * const *) a;
  const Delta *y = *(const Delta * const *) b;
  GPtrArray *keywords = user_data;

  if (x->key.brand != y->key.brand)
    return x->key.brand < y->key.brand ? -1 : 1;
  if (x->key.day != y->key.day)
    return x->key.day < y->key.day ? -1 : 1;
  if (keywords == NULL)
    return 0;
  return strcmp (g_ptr_array_index (keywords, x->key.keyword),
                 g_ptr_array_index (keywords, y->key.keyword));
}

static GPtrArray *
sorted_deltas (GHashTable *table,
               GPtrArray  *keywords)
{
  GPtrArray *list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Delta *) value)->posts != 0 || ((Delta *) value)->engagement != 0)
      g_ptr_array_add (list, value);
  g_ptr_array_sort_with_data (list, compare_delta, keywords);
  return list;
}

/* Writes one kind of delta: upsert for additions, update + cleanup for subtractions. */
/* Writes one kind of delta: upsert for additions, update + cleanup for subtractions.
 * @table_name: keyword_days or keyword_months (with a keyword), NULL: keyword_day_posts. */
static gboolean
write_deltas (Catchup     *c,
              GHashTable  *table,
              const char  *table_name,
              GError     **error)
{
  gboolean with_keyword = table_name != NULL;
  g_autoptr(GPtrArray) list = sorted_deltas (table, with_keyword ? c->keywords : NULL);
  sqlite3_stmt *upsert = NULL, *update = NULL, *cleanup = NULL;
  const char *unit = table_name != NULL && g_str_equal (table_name, "keyword_months") ? "month" : "day";
  gboolean ok = TRUE;

  if (list->len == 0)
    return TRUE;
  if (with_keyword)
    {
      /* Table and column names are ours, not input. */
      g_autofree char *upsert_sql = g_strdup_printf ("INSERT INTO %s (brand_id, %s, keyword, posts, engagement)"
                                                     " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO UPDATE SET"
                                                     " posts = posts + excluded.posts,"
                                                     " engagement = engagement + excluded.engagement",
                                                     table_name, unit);
      g_autofree char *update_sql = g_strdup_printf ("UPDATE %s SET posts = posts + ?4, engagement = engagement + ?5"
                                                     " WHERE brand_id = ?1 AND %s = ?2 AND keyword = ?3",
                                                     table_name, unit);
      g_autofree char *cleanup_sql = g_strdup_printf ("DELETE FROM %s WHERE brand_id = ?1 AND %s = ?2"
                                                      " AND keyword = ?3 AND posts <= 0", table_name, unit);

      ok = koc_db_prepare (c->db, upsert_sql, &upsert, error) &&
           koc_db_prepare (c->db, update_sql, &update, error) &&
           koc_db_prepare (c->db, cleanup_sql, &cleanup, error);
    }
  else
    ok = koc_db_prepare (c->db, "INSERT INTO keyword_day_posts (brand_id, day, posts, engagement)"
                         " VALUES (?1, ?2, ?4, ?5) ON CONFLICT DO UPDATE SET"
                         " posts = posts + excluded.posts, engagement = engagement + excluded.engagement",
                         &upsert, error) &&
         koc_db_prepare (c->db, "UPDATE keyword_day_posts SET posts = posts + ?4,"
                         " engagement = engagement + ?5 WHERE brand_id = ?1 AND day = ?2", &update, error) &&
         koc_db_prepare (c->db, "DELETE FROM keyword_day_posts WHERE brand_id = ?1 AND day = ?2"
                         " AND posts <= 0", &cleanup, error);

  for (guint i = 0; ok && i < list->len; i++)
    {
      const Delta *d = g_ptr_array_index (list, i);
      sqlite3_stmt *stmt = d->posts > 0 ? upsert : update;
      int rc;

      for (int pass = 0; pass < 2 && ok; pass++)
        {
          if (pass == 1 && d->posts > 0)
            break;
          if (pass == 1)
            stmt = cleanup;
          sqlite3_bind_int64 (stmt, 1, d->key.brand);
          sqlite3_bind_int64 (stmt, 2, d->key.day);
          if (with_keyword)
            sqlite3_bind_text (stmt, 3, g_ptr_array_index (c->keywords, d->key.keyword), -1, SQLITE_STATIC);
          if (pass == 0)
            {
              sqlite3_bind_int64 (stmt, 4, d->posts);
              sqlite3_bind_int64 (stmt, 5, d->engagement);
            }
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            ok = koc_db_set_error (c->db, rc, "keyword aggregates", error);
        }
    }
  sqlite3_finalize (upsert);
  sqlite3_finalize (update);
  sqlite3_finalize (cleanup);
  g_hash_table_remove_all (table);
  return ok;
}

static gboolean
write_totals (Catchup  *c,
              GError  **error)
{
  sqlite3_stmt *upsert = NULL, *cleanup = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok;

  ok = koc_db_prepare (c->db, "INSERT INTO keyword_totals (keyword, posts) VALUES (?1, ?2)"
                       " ON CONFLICT DO UPDATE SET posts = posts + excluded.posts", &upsert, error) &&
       koc_db_prepare (c->db, "DELETE FROM keyword_totals WHERE keyword = ?1 AND posts <= 0",
                       &cleanup, error);
  g_hash_table_iter_init (&iter, c->totals);
  while (ok && g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *text = g_ptr_array_index (c->keywords, GPOINTER_TO_UINT (key) - 1);
      int delta = GPOINTER_TO_INT (value);
      int rc;

      if (delta == 0)
        continue;
      sqlite3_bind_text (upsert, 1, text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (upsert, 2, delta);
      rc = sqlite3_step (upsert);
      sqlite3_reset (upsert);
      if (rc == SQLITE_DONE && delta < 0)
        {
          sqlite3_bind_text (cleanup, 1, text, -1, SQLITE_STATIC);
          rc = sqlite3_step (cleanup);
          sqlite3_reset (cleanup);
        }
      if (rc != SQLITE_DONE)
        ok = koc_db_set_error (c->db, rc, "keyword totals", error);
    }
  sqlite3_finalize (upsert);
  sqlite3_finalize (cleanup);
  g_hash_table_remove_all (c->totals);
  return ok;
}

static gboolean
flush (Catchup  *c,
       GError  **error)
{
  c->n_pending = 0;
  return write_deltas (c, c->deltas, "keyword_days", error) &&
         write_deltas (c, c->month_deltas, "keyword_months", error) &&
         write_deltas (c, c->day_deltas, NULL, error) &&
         write_totals (c, error);
}

static gboolean
get_watermark (sqlite3  *db,
               gint64   *watermark,
               GError  **error)
{
  return koc_db_query_int64 (db, "SELECT CAST (value AS INTEGER) FROM workspace_meta"
                             " WHERE key = '" WATERMARK_KEY "'", 0, watermark, error);
}

static gboolean
set_watermark (sqlite3  *db,
               gint64    watermark,
               GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "INSERT INTO workspace_meta (key, value) VALUES ('" WATERMARK_KEY "', ?1)"
                       " ON CONFLICT DO UPDATE SET value = excluded.value", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, g_strdup_printf ("%" G_GINT64_FORMAT, watermark), -1, g_free);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || koc_db_set_error (db, rc, "keyword watermark", error);
}

/* The queued posts: take back what was aggregated, add what is there now. */
static gboolean
catch_up_pending (Catchup       *c,
                  gint64         watermark,
                  GCancellable  *cancellable,
                  gint64        *n,
                  GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  if (!koc_db_prepare (c->db,
                       "SELECT k.old_text, k.old_day, k.old_engagement, k.old_brands, p.id, p.text,"
                       " p.published_at / 86400, p.likes + p.comments + p.shares + p.saves,"
                       " (SELECT group_concat (brand_id) FROM post_mentions WHERE post_id = p.id)"
                       " FROM keyword_pending k LEFT JOIN posts p ON p.id = k.post_id AND p.id <= ?1"
                       " ORDER BY k.post_id", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, watermark);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        account_post (c, (const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1),
                      sqlite3_column_int64 (stmt, 2), (const char *) sqlite3_column_text (stmt, 3), -1);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        account_post (c, (const char *) sqlite3_column_text (stmt, 5), sqlite3_column_int64 (stmt, 6),
                      sqlite3_column_int64 (stmt, 7), (const char *) sqlite3_column_text (stmt, 8), 1);
      (*n)++;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
    }
  if (ok && rc != SQLITE_DONE)
    ok = koc_db_set_error (c->db, rc, "keyword catch-up", error);
  sqlite3_finalize (stmt);
  return ok && flush (c, error) && koc_db_exec (c->db, "DELETE FROM keyword_pending", error);
}

static gboolean
catch_up_new (Catchup       *c,
              gint64         watermark,
              gint64         max_new,
              GCancellable  *cancellable,
              gint64        *n,
              gboolean      *more,
              GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 last = watermark, n_new = 0;
  gboolean ok = TRUE;
  int rc;

  if (!koc_db_prepare (c->db,
                       "SELECT p.id, p.text, p.published_at / 86400, p.likes + p.comments + p.shares + p.saves,"
                       " (SELECT group_concat (brand_id) FROM post_mentions WHERE post_id = p.id)"
                       " FROM posts p WHERE p.id > ?1 ORDER BY p.id LIMIT ?2", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, watermark);
  sqlite3_bind_int64 (stmt, 2, max_new > 0 ? max_new : -1);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      last = sqlite3_column_int64 (stmt, 0);
      n_new++;
      account_post (c, (const char *) sqlite3_column_text (stmt, 1), sqlite3_column_int64 (stmt, 2),
                    sqlite3_column_int64 (stmt, 3), (const char *) sqlite3_column_text (stmt, 4), 1);
      (*n)++;
      if (c->n_pending >= FLUSH_POSTS)
        ok = flush (c, error);
      if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
    }
  if (ok && rc != SQLITE_DONE)
    ok = koc_db_set_error (c->db, rc, "keyword catch-up", error);
  sqlite3_finalize (stmt);
  *more = max_new > 0 && n_new == max_new;
  return ok && flush (c, error) && (last == watermark || set_watermark (c->db, last, error));
}

gboolean
koc_keyword_store_refresh (sqlite3       *db,
                           GCancellable  *cancellable,
                           gint64        *n_processed,
                           GError       **error)
{
  return koc_keyword_store_refresh_some (db, 0, cancellable, n_processed, NULL, error);
}

gboolean
koc_keyword_store_refresh_some (sqlite3       *db,
                                gint64         max_new,
                                GCancellable  *cancellable,
                                gint64        *n_processed,
                                gboolean      *more,
                                GError       **error)
{
  g_autoptr(KocKeywordExtractor) extractor = NULL;
  Catchup c = { db };
  gint64 watermark = 0, n = 0;
  gboolean ok, left = FALSE;

  if (!koc_db_begin_write (db, error))
    return FALSE;
  /* A full computation starts: the phrase step's phrases are learned again first. */
  if (!get_watermark (db, &watermark, error) ||
      (watermark == 0 && !koc_keyword_store_learn_phrases (db, cancellable, error)) ||
      (extractor = koc_keyword_store_extractor_new (db, error)) == NULL)
    {
      koc_db_rollback (db);
      return FALSE;
    }

  c.extractor = extractor;
  c.keyword_ids = g_hash_table_new (g_str_hash, g_str_equal);
  c.keywords = g_ptr_array_new_with_free_func (g_free);
  c.deltas = g_hash_table_new_full (delta_key_hash, delta_key_equal, NULL, g_free);
  c.day_deltas = g_hash_table_new_full (delta_key_hash, delta_key_equal, NULL, g_free);
  c.month_deltas = g_hash_table_new_full (delta_key_hash, delta_key_equal, NULL, g_free);
  c.totals = g_hash_table_new (NULL, NULL);

  ok = catch_up_pending (&c, watermark, cancellable, &n, error) &&
       catch_up_new (&c, watermark, max_new, cancellable, &n, &left, error);

  g_hash_table_unref (c.keyword_ids);
  g_ptr_array_unref (c.keywords);
  g_hash_table_unref (c.deltas);
  g_hash_table_unref (c.day_deltas);
  g_hash_table_unref (c.month_deltas);
  g_hash_table_unref (c.totals);

  if (!ok)
    {
      koc_db_rollback (db);
      return FALSE;
    }
  if (n_processed != NULL)
    *n_processed = n;
  if (more != NULL)
    *more = left;
  return koc_db_commit (db, error);
}

gboolean
koc_keyword_store_count_stale (sqlite3  *db,
                               gint64   *n_stale,
                               GError  **error)
{
  gint64 watermark = 0, above = 0, pending = 0;
  sqlite3_stmt *stmt = NULL;

  if (!get_watermark (db, &watermark, error) ||
      !koc_db_query_int64 (db, "SELECT count(*) FROM keyword_pending", 0, &pending, error) ||
      !koc_db_prepare (db, "SELECT count(*) FROM posts WHERE id > ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, watermark);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    above = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  *n_stale = above + pending;
  return TRUE;
}
