/* koc-keywords-compare.c: the Keywords pane's "Competitors" view — an own brand and a
 * chosen competitor side by side over the pane's period: each brand's keyword cloud
 * (from the aggregates, koc_keyword_store_top()), its posts and net sentiment estimate,
 * and its top KOC by engagement. A click (or Enter) on a word lists that brand's posts
 * with the word. Everything is read on the store's worker; a newer request cancels the
 * one before.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-keywords-pane-private.h"
#include "koc-names.h"

#define COMPARE_WORDS 50
#define TOP_KOC       3

typedef struct
{
  gint64     brand_ids[2];
  gint64     from, to;
} CompareQuery;

typedef struct
{
  GPtrArray *keywords[2];  /* KocKeyword */
  gint64     n_posts[2];
  GPtrArray *koc[2];       /* char *: one line per KOC */
} CompareResult;

static void
compare_result_free (CompareResult *result)
{
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&result->keywords[i], g_ptr_array_unref);
      g_clear_pointer (&result->koc[i], g_ptr_array_unref);
    }
  g_free (result);
}

static GPtrArray *
top_koc (sqlite3       *db,
         gint64         brand_id,
         gint64         from,
         gint64         to,
         GError       **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* post_mentions carries the post's time, so the brand's posts of the period come
   * from its (brand_id, published_at) index. */
  if (!koc_db_prepare (db, "SELECT coalesce (a.display_name, a.handle), a.platform, count (*),"
                       " sum (p.likes + p.comments + p.shares + p.saves) AS e"
                       " FROM post_mentions m JOIN posts p ON p.id = m.post_id"
                       " JOIN accounts a ON a.id = p.account_id"
                       " WHERE m.brand_id = ?1 AND m.published_at >= ?2 AND m.published_at < ?3"
                       " GROUP BY a.id ORDER BY e DESC, a.id LIMIT ?4", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, (to / KOC_KEYWORD_DAY_SECONDS + 1) * KOC_KEYWORD_DAY_SECONDS);
  sqlite3_bind_int (stmt, 4, TOP_KOC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 n_posts = sqlite3_column_int64 (stmt, 2);
      g_autofree char *posts = g_strdup_printf ("%'lld", (long long) n_posts);
      g_autofree char *engagement = g_strdup_printf ("%'lld", (long long) sqlite3_column_int64 (stmt, 3));

      g_ptr_array_add (lines,
                       /* Translators: a top KOC of a brand: rank, name, platform, posts, engagement */
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u. %s (%s) · %s post · %s engagement",
                                                     "%u. %s (%s) · %s posts · %s engagement", (gulong) n_posts),
                                        lines->len + 1,
                                        (const char *) sqlite3_column_text (stmt, 0),
                                        koc_format_platform_name ((const char *) sqlite3_column_text (stmt, 1)),
                                        posts, engagement));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, "top KOC", error);
      return NULL;
    }
  return g_steal_pointer (&lines);
}

static gboolean
compare_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  const CompareQuery *query = data;
  CompareResult *out = g_new0 (CompareResult, 1);

  for (guint i = 0; i < 2; i++)
    {
      KocKeywordQuery k = { query->brand_ids[i], query->from, query->to, COMPARE_WORDS, 0, FALSE };

      if ((out->keywords[i] = koc_keyword_store_top (db, &k, &out->n_posts[i], error)) == NULL ||
          (out->koc[i] = top_koc (db, query->brand_ids[i], query->from, query->to, error)) == NULL)
        {
          compare_result_free (out);
          return FALSE;
        }
    }
  *result = out;
  return TRUE;
}

static const KocKeywordsBrand *
brand_at (KocKeywordsPane *self,
          guint            index)
{
  if (self->overview == NULL || index >= self->overview->brands->len)
    return NULL;
  return &g_array_index (self->overview->brands, KocKeywordsBrand, index);
}

/* The own brand compared: the one chosen in the brand list if it is an own brand, else
 * the first own brand. */
static const KocKeywordsBrand *
own_brand (KocKeywordsPane *self)
{
  const KocKeywordsBrand *chosen = brand_at (self, gtk_drop_down_get_selected (self->brand_dropdown));

  if (chosen != NULL && chosen->own)
    return chosen;
  chosen = brand_at (self, 1);
  return chosen != NULL && chosen->own ? chosen : NULL;
}

static const KocKeywordsBrand *
competitor (KocKeywordsPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->competitor_dropdown);

  if (self->competitor_ids == NULL || selected >= self->competitor_ids->len)
    return NULL;
  return brand_at (self, g_array_index (self->competitor_ids, guint, selected));
}

static void
fill_side (KocKeywordsPane        *self,
           guint                   side,
           const KocKeywordsBrand *brand,
           GPtrArray              *keywords,
           gint64                  n_posts,
           GPtrArray              *koc)
{
  g_autofree KocCloudWord *words = g_new0 (KocCloudWord, MAX (keywords != NULL ? keywords->len : 0, 1));
  g_autofree char *posts = g_strdup_printf ("%'lld", (long long) n_posts);
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n = keywords != NULL ? keywords->len : 0;
  gint64 pos = 0, neg = 0;
  double net = keywords != NULL ? koc_keywords_net_sentiment (keywords, &pos, &neg) : 0;

  gtk_label_set_label (self->compare_heading[side], brand->name);
  if (pos + neg > 0)
    /* Translators: under a brand's name: its posts in the period, net sentiment estimate */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s post · net sentiment %+.2f (estimate)",
                                            "%s posts · net sentiment %+.2f (estimate)", (gulong) n_posts),
                               posts, net);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s post", "%s posts", (gulong) n_posts), posts);
  gtk_label_set_label (self->compare_summary[side], summary);

  for (guint i = 0; i < n; i++)
    {
      KocKeyword *k = g_ptr_array_index (keywords, i);

      words[i] = (KocCloudWord) { k->keyword, (double) k->count, k->count, k->trend, koc_keywords_polarity (k->keyword) };
    }
  koc_keywords_cloud_set_words (self->compare_cloud[side], words, n);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compare_koc[side]))) != NULL)
    gtk_box_remove (self->compare_koc[side], child);
  for (guint i = 0; koc != NULL && i < koc->len; i++)
    {
      GtkWidget *line = gtk_label_new (koc->pdata[i]);

      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_label_set_ellipsize (GTK_LABEL (line), PANGO_ELLIPSIZE_END);
      gtk_box_append (self->compare_koc[side], line);
    }
  if (koc != NULL && koc->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No KOC posts in this period"));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->compare_koc[side], none);
    }
}

static void
compare_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KocKeywordsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  CompareResult *res = NULL;
  const KocKeywordsBrand *own, *other;

  _koc_keywords_pane_set_busy (self, FALSE);
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &res, &error))
    {
      _koc_keywords_pane_report_error (self, error);
      return;
    }
  own = own_brand (self);
  other = competitor (self);
  if (own != NULL && other != NULL)
    {
      fill_side (self, 0, own, res->keywords[0], res->n_posts[0], res->koc[0]);
      fill_side (self, 1, other, res->keywords[1], res->n_posts[1], res->koc[1]);
    }
  compare_result_free (res);
}

void
_koc_keywords_compare_load (KocKeywordsPane *self)
{
  const KocKeywordsBrand *own = own_brand (self);
  const KocKeywordsBrand *other = competitor (self);
  CompareQuery *query;

  if (self->store == NULL || self->overview == NULL)
    return;
  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  /* Read only while the view is shown; showing it loads what changed meanwhile. */
  self->compare_stale = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "compare") != 0;
  if (self->compare_stale)
    return;
  gtk_stack_set_visible_child_name (self->compare_stack, own != NULL && other != NULL ? "brands" : "none");
  if (own == NULL || other == NULL)
    return;
  self->compare_cancellable = g_cancellable_new ();
  query = g_new0 (CompareQuery, 1);
  query->brand_ids[0] = own->id;
  query->brand_ids[1] = other->id;
  _koc_keywords_pane_period (self, &query->from, &query->to);
  _koc_keywords_pane_set_busy (self, TRUE);
  koc_store_run_async (self->store, compare_func, query, g_free, (GDestroyNotify) compare_result_free,
                       self->compare_cancellable, compare_ready_cb, g_object_ref (self));
}

/* Fills the competitor list from the overview: every brand but the own one compared. */
void
_koc_keywords_compare_fill (KocKeywordsPane *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const KocKeywordsBrand *own = own_brand (self);
  gint64 previous = competitor (self) != NULL ? competitor (self)->id : 0;
  int first_other = -1, same = -1;

  g_clear_pointer (&self->competitor_ids, g_array_unref);
  self->competitor_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 1; self->overview != NULL && i < self->overview->brands->len; i++)
    {
      const KocKeywordsBrand *brand = brand_at (self, i);

      if (own != NULL && brand->id == own->id)
        continue;
      if (brand->id == previous)
        same = (int) self->competitor_ids->len;
      if (!brand->own && first_other < 0)
        first_other = (int) self->competitor_ids->len;
      g_array_append_val (self->competitor_ids, i);
      gtk_string_list_append (names, brand->name);
    }
  /* The same competitor as before, else the first brand that is not an own one. */
  self->filling = TRUE;
  gtk_drop_down_set_model (self->competitor_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->competitor_dropdown, same >= 0 ? (guint) same : first_other >= 0 ? (guint) first_other : 0);
  self->filling = FALSE;
}

static void
competitor_changed_cb (GtkDropDown     *dropdown,
                       GParamSpec      *pspec,
                       KocKeywordsPane *self)
{
  if (!self->filling)
    _koc_keywords_compare_load (self);
}

static void
word_activated_cb (KocKeywordsCloud *cloud,
                   const char       *keyword,
                   KocKeywordsPane  *self)
{
  const KocKeywordsBrand *brand = cloud == self->compare_cloud[0] ? own_brand (self) : competitor (self);

  if (brand != NULL)
    _koc_keywords_pane_show_posts (self, keyword, brand->id);
}

void
_koc_keywords_compare_init (KocKeywordsPane *self)
{
  g_signal_connect (self->competitor_dropdown, "notify::selected", G_CALLBACK (competitor_changed_cb), self);
  for (guint i = 0; i < 2; i++)
    g_signal_connect (self->compare_cloud[i], "keyword-activated", G_CALLBACK (word_activated_cb), self);
}

void
_koc_keywords_compare_dispose (KocKeywordsPane *self)
{
  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  g_clear_pointer (&self->competitor_ids, g_array_unref);
}
