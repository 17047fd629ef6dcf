/* koc-keyword-store-query.c: reading the keyword aggregates (top keywords of a brand and
 * period with TF-IDF and trend), the full-rescan reference, and the user lexicon.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-keyword-store.h"

static const char * const kind_names[] = { "word", "stop", "alias" };

static KocLexiconKind
kind_from_string (const char *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (s, kind_names[i]) == 0)
      return (KocLexiconKind) i;
  return KOC_LEXICON_WORD;
}

KocKeywordExtractor *
koc_keyword_store_extractor_new (sqlite3  *db,
                                 GError  **error)
{
  g_autoptr(KocKeywordExtractor) extractor = koc_keyword_extractor_new (error);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (extractor == NULL)
    return NULL;

  /* Learned phrases first (koc-keyword-store-phrases.c), then the brands, so that the
   * user's own entries win. */
  if (!_koc_keyword_store_add_phrases (db, extractor, error))
    return NULL;
  if (!koc_db_prepare (db, "SELECT b.name, b.name FROM brands b UNION ALL"
                       " SELECT a.alias, b.name FROM brand_aliases a JOIN brands b ON b.id = a.brand_id"
                       " ORDER BY 1", &stmt, error))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    koc_keyword_extractor_add_entry (extractor, (const char *) sqlite3_column_text (stmt, 0),
                                     KOC_LEXICON_ALIAS, (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "brands", error), NULL;

  if (!koc_db_prepare (db, "SELECT word, kind, canonical FROM keyword_lexicon ORDER BY word", &stmt, error))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    koc_keyword_extractor_add_entry (extractor, (const char *) sqlite3_column_text (stmt, 0),
                                     kind_from_string ((const char *) sqlite3_column_text (stmt, 1)),
                                     (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "keyword lexicon", error), NULL;
  return g_steal_pointer (&extractor);
}

static gboolean
clear_aggregates (sqlite3  *db,
                  GError  **error)
{
  return koc_db_exec (db, "DELETE FROM keyword_days; DELETE FROM keyword_months; DELETE FROM keyword_day_posts;"
                      " DELETE FROM keyword_totals; DELETE FROM keyword_pending;"
                      " DELETE FROM workspace_meta WHERE key = 'keywords:watermark'", error);
}

gboolean
koc_keyword_store_set_entry (sqlite3         *db,
                             const char      *word,
                             KocLexiconKind   kind,
                             const char      *canonical,
                             GError         **error)
{
  g_autofree char *norm = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (word != NULL, FALSE);
  norm = koc_keywords_normalize (word);
  g_strstrip (norm);
  if (*norm == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The word is empty"));
      return FALSE;
    }
  if (!koc_db_begin_write (db, error))
    return FALSE;
  if (!koc_db_prepare (db, "INSERT INTO keyword_lexicon (word, kind, canonical) VALUES (?1, ?2, ?3)"
                       " ON CONFLICT DO UPDATE SET kind = excluded.kind, canonical = excluded.canonical",
                       &stmt, error))
    {
      koc_db_rollback (db);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, norm, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
  if (kind == KOC_LEXICON_ALIAS && canonical != NULL)
    sqlite3_bind_text (stmt, 3, canonical, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, "keyword lexicon", error);
      koc_db_rollback (db);
      return FALSE;
    }
  if (!clear_aggregates (db, error))
    {
      koc_db_rollback (db);
      return FALSE;
    }
  return koc_db_commit (db, error);
}

gboolean
koc_keyword_store_remove_entry (sqlite3     *db,
                                const char  *word,
                                GError     **error)
{
  g_autofree char *norm = koc_keywords_normalize (word);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_begin_write (db, error))
    return FALSE;
  if (!koc_db_prepare (db, "DELETE FROM keyword_lexicon WHERE word = ?1", &stmt, error))
    {
      koc_db_rollback (db);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, g_strstrip (norm), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE || !clear_aggregates (db, error))
    {
      if (rc != SQLITE_DONE)
        koc_db_set_error (db, rc, "keyword lexicon", error);
      koc_db_rollback (db);
      return FALSE;
    }
  return koc_db_commit (db, error);
}

void
koc_lexicon_entry_free (KocLexiconEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->word);
  g_free (entry->canonical);
  g_free (entry);
}

GPtrArray *
koc_keyword_store_list_entries (sqlite3  *db,
                                GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_lexicon_entry_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT word, kind, canonical FROM keyword_lexicon ORDER BY word", &stmt, error))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocLexiconEntry *entry = g_new0 (KocLexiconEntry, 1);

      entry->word = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->kind = kind_from_string ((const char *) sqlite3_column_text (stmt, 1));
      entry->canonical = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (list, entry);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "keyword lexicon", error), NULL;
  return g_steal_pointer (&list);
}

gint64
koc_keyword_store_find_brand (sqlite3     *db,
                              const char  *name,
                              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (!koc_db_prepare (db, "SELECT id FROM brands WHERE name = ?1 COLLATE NOCASE UNION ALL"
                       " SELECT brand_id FROM brand_aliases WHERE alias = ?1 COLLATE NOCASE LIMIT 1",
                       &stmt, error))
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (id == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No brand is called “%s”"), name);
  return id;
}

/* Adds the rows of keyword_days (@months FALSE) or keyword_months over [from, to] of
 * @brand into @table (keyword → gint64[2]: posts, engagement). */
static gboolean
add_rows (sqlite3     *db,
          gboolean     months,
          gint64       brand,
          gint64       from,
          gint64       to,
          GHashTable  *table,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (from > to)
    return TRUE;
  if (!koc_db_prepare (db, months ? "SELECT keyword, sum (posts), sum (engagement) FROM keyword_months"
                       " WHERE brand_id = ?1 AND month BETWEEN ?2 AND ?3 GROUP BY keyword"
                       : "SELECT keyword, sum (posts), sum (engagement) FROM keyword_days"
                       " WHERE brand_id = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY keyword", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, brand);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *keyword = (const char *) sqlite3_column_text (stmt, 0);
      gint64 *v = g_hash_table_lookup (table, keyword);

      if (v == NULL)
        {
          v = g_new0 (gint64, 2);
          g_hash_table_insert (table, g_strdup (keyword), v);
        }
      v[0] += sqlite3_column_int64 (stmt, 1);
      v[1] += sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "keyword aggregates", error);
  return TRUE;
}

/* Sum of posts per keyword over [from_day, to_day] into @table: whole calendar months
 * from keyword_months, the days before the first and after the last whole month from
 * keyword_days. */
static gboolean
sum_period (sqlite3     *db,
            gint64       brand,
            gint64       from_day,
            gint64       to_day,
            GHashTable  *table,
            gint64      *n_posts,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 first_month = koc_keyword_month_of_day (from_day);
  gint64 last_month = koc_keyword_month_of_day (to_day);

  if (koc_keyword_month_first_day (first_month) < from_day)
    first_month++;
  if (koc_keyword_month_first_day (last_month + 1) - 1 > to_day)
    last_month--;

  if (first_month <= last_month)
    {
      if (!add_rows (db, FALSE, brand, from_day, koc_keyword_month_first_day (first_month) - 1, table, error) ||
          !add_rows (db, TRUE, brand, first_month, last_month, table, error) ||
          !add_rows (db, FALSE, brand, koc_keyword_month_first_day (last_month + 1), to_day, table, error))
        return FALSE;
    }
  else if (!add_rows (db, FALSE, brand, from_day, to_day, table, error))
    return FALSE;

  if (!koc_db_prepare (db, "SELECT coalesce (sum (posts), 0) FROM keyword_day_posts"
                       " WHERE brand_id = ?1 AND day BETWEEN ?2 AND ?3", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, brand);
  sqlite3_bind_int64 (stmt, 2, from_day);
  sqlite3_bind_int64 (stmt, 3, to_day);
  *n_posts = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Scores and sorts; fills df from keyword_totals. */
static gboolean
finish_keywords (sqlite3               *db,
                 const KocKeywordQuery *query,
                 GPtrArray             *out,
                 GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n_docs = 0;

  if (!koc_db_query_int64 (db, "SELECT coalesce (sum (posts), 0) FROM keyword_day_posts WHERE brand_id = 0",
                           0, &n_docs, error) ||
      !koc_db_prepare (db, "SELECT posts FROM keyword_totals WHERE keyword = ?1", &stmt, error))
    return FALSE;
  for (guint i = 0; i < out->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (out, i);
      gint64 df = k->count;

      sqlite3_bind_text (stmt, 1, k->keyword, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        df = MAX (df, sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
      k->score = koc_keyword_tfidf (k->count, df, MAX (n_docs, df));
    }
  sqlite3_finalize (stmt);

  if (query->by_score)
    koc_keywords_sort_by_score (out);
  else
    koc_keywords_sort_by_count (out);
  if (query->limit > 0 && out->len > query->limit)
    g_ptr_array_set_size (out, query->limit);
  return TRUE;
}

GPtrArray *
koc_keyword_store_top (sqlite3                *db,
                       const KocKeywordQuery  *query,
                       gint64                 *n_posts,
                       GError                **error)
{
  g_autoptr(GHashTable) now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) prev = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_keyword_free);
  gint64 from_day = query->from / KOC_KEYWORD_DAY_SECONDS;
  gint64 to_day = query->to / KOC_KEYWORD_DAY_SECONDS;
  gint64 span = to_day - from_day + 1;
  gint64 min_count = query->min_trend_count > 0 ? query->min_trend_count : 5;
  gint64 n_now = 0, n_prev = 0;
  GHashTableIter iter;
  gpointer key, value;

  if (!sum_period (db, query->brand_id, from_day, to_day, now, &n_now, error) ||
      !sum_period (db, query->brand_id, from_day - span, from_day - 1, prev, &n_prev, error))
    return NULL;

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KocKeyword *k = g_new0 (KocKeyword, 1);
      gint64 *v = value, *p = g_hash_table_lookup (prev, key);

      k->keyword = g_strdup (key);
      k->count = k->occurrences = v[0];
      k->engagement = v[1];
      k->trend = koc_keyword_trend (v[0], n_now, p != NULL ? p[0] : 0, n_prev, min_count);
      g_ptr_array_add (out, k);
    }
  if (!finish_keywords (db, query, out, error))
    return NULL;
  if (n_posts != NULL)
    *n_posts = n_now;
  return g_steal_pointer (&out);
}

GPtrArray *
koc_keyword_store_top_rescan (sqlite3                *db,
                              const KocKeywordQuery  *query,
                              gint64                 *n_posts,
                              GCancellable           *cancellable,
                              GError                **error)
{
  g_autoptr(KocKeywordExtractor) extractor = koc_keyword_store_extractor_new (db, error);
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) koc_keyword_free);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_keyword_free);
  gint64 from = query->from / KOC_KEYWORD_DAY_SECONDS * KOC_KEYWORD_DAY_SECONDS;
  gint64 to = (query->to / KOC_KEYWORD_DAY_SECONDS + 1) * KOC_KEYWORD_DAY_SECONDS - 1;
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;
  GHashTableIter iter;
  gpointer value;
  int rc;

  if (extractor == NULL)
    return NULL;
  if (query->brand_id == 0)
    rc = koc_db_prepare (db, "SELECT text, likes + comments + shares + saves FROM posts"
                         " WHERE published_at BETWEEN ?2 AND ?3", &stmt, error);
  else
    rc = koc_db_prepare (db, "SELECT p.text, p.likes + p.comments + p.shares + p.saves"
                         " FROM post_mentions m JOIN posts p ON p.id = m.post_id"
                         " WHERE m.brand_id = ?1 AND m.published_at BETWEEN ?2 AND ?3"
                         " AND p.published_at BETWEEN ?2 AND ?3", &stmt, error);
  if (!rc)
    return NULL;
  if (query->brand_id != 0)
    sqlite3_bind_int64 (stmt, 1, query->brand_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) words = koc_keyword_extractor_post_keywords (extractor,
                                                                        (const char *) sqlite3_column_text (stmt, 0), -1);
      gint64 engagement = sqlite3_column_int64 (stmt, 1);

      for (guint i = 0; i < words->len; i++)
        {
          KocKeyword *k = g_hash_table_lookup (table, g_ptr_array_index (words, i));

          if (k == NULL)
            {
              k = g_new0 (KocKeyword, 1);
              k->keyword = g_strdup (g_ptr_array_index (words, i));
              g_hash_table_insert (table, k->keyword, k);
            }
          k->count++;
          k->occurrences++;
          k->engagement += engagement;
        }
      n++;
      if (g_cancellable_is_cancelled (cancellable))
        break;
    }
  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return koc_db_set_error (db, rc, "posts", error), NULL;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (out, value);
    }
  if (!finish_keywords (db, query, out, error))
    return NULL;
  if (n_posts != NULL)
    *n_posts = n;
  return g_steal_pointer (&out);
}
