/* koc-keywords-query.c: the Keywords pane's functions for the store's worker.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-keywords-query.h"

#define MIN_RISING_COUNT 5
#define MAX_RISING       15

static void
brand_clear (gpointer data)
{
  g_free (((KocKeywordsBrand *) data)->name);
}

void
koc_keywords_overview_free (KocKeywordsOverview *overview)
{
  if (overview == NULL)
    return;
  g_clear_pointer (&overview->brands, g_array_unref);
  g_clear_pointer (&overview->entries, g_ptr_array_unref);
  g_free (overview);
}

gboolean
koc_keywords_refresh_func (sqlite3       *db,
                           gpointer       data,
                           gpointer      *result,
                           GCancellable  *cancellable,
                           GError       **error)
{
  KocKeywordsOverview *overview = g_new0 (KocKeywordsOverview, 1);
  sqlite3_stmt *stmt = NULL;
  KocKeywordsBrand all = { 0, g_strdup (_("All posts")), FALSE };
  int rc;

  overview->brands = g_array_new (FALSE, TRUE, sizeof (KocKeywordsBrand));
  g_array_set_clear_func (overview->brands, brand_clear);
  g_array_append_val (overview->brands, all);

  if (!koc_keyword_store_refresh_some (db, KOC_KEYWORDS_CATCH_UP_CHUNK, cancellable,
                                       &overview->n_processed, &overview->more, error) ||
      !koc_db_query_int64 (db, "SELECT count(*) FROM posts", 0, &overview->n_posts, error) ||
      !koc_db_query_int64 (db, "SELECT coalesce (max (published_at), 0) FROM posts", 0,
                           &overview->newest, error) ||
      !koc_db_query_int64 (db, "SELECT coalesce (min (published_at), 0) FROM posts", 0,
                           &overview->oldest, error) ||
      (overview->entries = koc_keyword_store_list_entries (db, error)) == NULL ||
      !koc_db_prepare (db, "SELECT id, name, is_own FROM brands ORDER BY is_own DESC, name", &stmt, error))
    {
      koc_keywords_overview_free (overview);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocKeywordsBrand brand = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        sqlite3_column_int (stmt, 2) != 0,
      };

      g_array_append_val (overview->brands, brand);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_keywords_overview_free (overview);
      return koc_db_set_error (db, rc, "brands", error);
    }
  *result = overview;
  return TRUE;
}

void
koc_keywords_result_free (KocKeywordsResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->rising, g_ptr_array_unref);
  g_clear_pointer (&result->keywords, g_ptr_array_unref);
  g_free (result);
}

static int
compare_trend (gconstpointer a,
               gconstpointer b)
{
  const KocKeyword *x = *(const KocKeyword * const *) a;
  const KocKeyword *y = *(const KocKeyword * const *) b;

  if (x->trend != y->trend)
    return x->trend > y->trend ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->keyword, y->keyword);
}

gboolean
koc_keywords_top_func (sqlite3       *db,
                       gpointer       data,
                       gpointer      *result,
                       GCancellable  *cancellable,
                       GError       **error)
{
  const KocKeywordQuery *query = data;
  KocKeywordsResult *out = g_new0 (KocKeywordsResult, 1);
  KocKeywordQuery all = *query;

  /* Every keyword, for the rising list; the pane's cloud shows the biggest. */
  all.limit = 0;
  out->keywords = koc_keyword_store_top (db, &all, &out->n_posts, error);
  if (out->keywords == NULL)
    {
      koc_keywords_result_free (out);
      return FALSE;
    }
  out->rising = g_ptr_array_new ();
  for (guint i = 0; i < out->keywords->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (out->keywords, i);

      if (k->count >= MIN_RISING_COUNT && k->trend >= 0.5)
        g_ptr_array_add (out->rising, k);
    }
  g_ptr_array_sort (out->rising, compare_trend);
  if (out->rising->len > MAX_RISING)
    g_ptr_array_set_size (out->rising, MAX_RISING);
  *result = out;
  return TRUE;
}

gboolean
koc_keywords_posts_func (sqlite3       *db,
                         gpointer       data,
                         gpointer      *result,
                         GCancellable  *cancellable,
                         GError       **error)
{
  GPtrArray *posts = koc_search_posts (db, data, error);

  if (posts == NULL)
    return FALSE;
  *result = posts;
  return TRUE;
}

void
koc_keywords_edit_free (KocKeywordsEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->word);
  g_free (edit);
}

gboolean
koc_keywords_edit_func (sqlite3       *db,
                        gpointer       data,
                        gpointer      *result,
                        GCancellable  *cancellable,
                        GError       **error)
{
  KocKeywordsEdit *edit = data;

  if (edit->remove)
    return koc_keyword_store_remove_entry (db, edit->word, error);
  return koc_keyword_store_set_entry (db, edit->word, edit->kind, NULL, error);
}

void
koc_keywords_share_query_free (KocKeywordsShareQuery *query)
{
  if (query == NULL)
    return;
  g_array_unref (query->brand_ids);
  g_free (query);
}

gboolean
koc_keywords_share_func (sqlite3       *db,
                         gpointer       data,
                         gpointer      *result,
                         GCancellable  *cancellable,
                         GError       **error)
{
  KocKeywordsShareQuery *query = data;
  GArray *rows = koc_keyword_store_share_of_voice (db, (const gint64 *) (gpointer) query->brand_ids->data,
                                                   query->brand_ids->len, query->from, query->to,
                                                   query->bucket_days, error);

  if (rows == NULL)
    return FALSE;
  *result = rows;
  return TRUE;
}
