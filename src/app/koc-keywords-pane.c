/* koc-keywords-pane.c: the Keywords pane (see koc-keywords-pane.h).
 *
 * Everything that touches SQLite runs on the store's worker (koc-keywords-query.c): the
 * catch-up and overview when a workspace opens, the keywords of the chosen brand and
 * period from the aggregates, the posts of a keyword (full-text search), lexicon edits.
 * A newer request cancels the one before; late answers are dropped.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-keywords-pane-private.h"

#define CLOUD_WORDS 80
#define DAY         (G_GINT64_CONSTANT (86400))

static const int period_days[] = { 30, 90, 365 };

G_DEFINE_FINAL_TYPE (KocKeywordsPane, koc_keywords_pane, GTK_TYPE_WIDGET)

static void load_keywords (KocKeywordsPane *self);

void
_koc_keywords_pane_set_busy (KocKeywordsPane *self,
                             gboolean         busy)
{
  self->busy += busy ? 1 : -1;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

gboolean
_koc_keywords_pane_report_error (KocKeywordsPane *self,
                                 GError          *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  gtk_label_set_label (self->status_label, error->message);
  return TRUE;
}

static void
remove_entry_cb (GtkButton       *button,
                 KocKeywordsPane *self);

static void
fill_lexicon (KocKeywordsPane *self)
{
  clear_list (self->lexicon_list);
  for (guint i = 0; self->overview != NULL && i < self->overview->entries->len; i++)
    {
      KocLexiconEntry *entry = g_ptr_array_index (self->overview->entries, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      g_autofree char *escaped = g_markup_escape_text (entry->word, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (row, entry->kind == KOC_LEXICON_STOP ? _("Ignored")
                                   : entry->kind == KOC_LEXICON_ALIAS ? _("Brand alias")
                                   : _("Kept whole"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      g_object_set_data_full (G_OBJECT (remove), "word", g_strdup (entry->word), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_entry_cb), self);
      adw_action_row_add_suffix (row, remove);
      gtk_list_box_append (self->lexicon_list, GTK_WIDGET (row));
    }
}

static void refresh (KocKeywordsPane *self);

static void
overview_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KocKeywordsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  KocKeywordsOverview *overview = NULL;

  _koc_keywords_pane_set_busy (self, FALSE);
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &overview, &error))
    {
      _koc_keywords_pane_report_error (self, error);
      return;
    }
  if (KOC_STORE (source) != self->store)
    {
      koc_keywords_overview_free (overview);
      return;
    }
  if (overview->more)
    {
      /* The first catch-up of a big workspace runs as many short jobs, so searches in
       * the other panes get the store's worker in between. */
      koc_keywords_overview_free (overview);
      refresh (self);
      return;
    }
  g_clear_pointer (&self->overview, koc_keywords_overview_free);
  self->overview = overview;

  if (overview->n_posts == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");

  self->filling = TRUE;
  for (guint i = 0; i < overview->brands->len; i++)
    {
      KocKeywordsBrand *brand = &g_array_index (overview->brands, KocKeywordsBrand, i);
      g_autofree char *label = brand->own ? g_strdup_printf (_("%s (own brand)"), brand->name)
                                          : g_strdup (brand->name);

      gtk_string_list_append (names, label);
    }
  gtk_drop_down_set_model (self->brand_dropdown, G_LIST_MODEL (names));
  /* Own brand first when there is one. */
  gtk_drop_down_set_selected (self->brand_dropdown, overview->brands->len > 1 ? 1 : 0);
  self->filling = FALSE;

  fill_lexicon (self);
  load_keywords (self);
}

static void
refresh (KocKeywordsPane *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  _koc_keywords_pane_set_busy (self, TRUE);
  gtk_label_set_label (self->status_label, _("Analysing new posts…"));
  koc_store_write_async (self->store, koc_keywords_refresh_func, NULL, NULL,
                         (GDestroyNotify) koc_keywords_overview_free, self->cancellable,
                         overview_ready_cb, g_object_ref (self));
}

static void
rising_activated_cb (GtkListBox      *list,
                     GtkListBoxRow   *row,
                     KocKeywordsPane *self)
{
  koc_keywords_pane_select_keyword (self, g_object_get_data (G_OBJECT (row), "keyword"));
}

static void
fill_rising (KocKeywordsPane   *self,
             KocKeywordsResult *res)
{
  clear_list (self->rising_list);
  for (guint i = 0; i < res->rising->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (res->rising, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *word = gtk_label_new (k->keyword);
      /* Translators: how much more often a keyword is used than in the period before. */
      g_autofree char *ratio = g_strdup_printf (_("×%.1f"), exp2 (k->trend));
      GtkWidget *change = gtk_label_new (ratio);

      gtk_label_set_xalign (GTK_LABEL (word), 0);
      gtk_label_set_ellipsize (GTK_LABEL (word), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (word, TRUE);
      gtk_widget_add_css_class (change, "success");
      gtk_widget_add_css_class (change, "numeric");
      gtk_box_append (GTK_BOX (box), word);
      gtk_box_append (GTK_BOX (box), change);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "keyword", g_strdup (k->keyword), g_free);
      gtk_list_box_append (self->rising_list, row);
    }
  if (res->rising->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("Nothing is rising in this period"));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_list_box_append (self->rising_list, none);
    }
}

static void
keywords_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KocKeywordsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  KocKeywordsResult *res = NULL;
  g_autofree KocCloudWord *words = NULL;
  g_autofree char *n_posts = NULL;
  g_autofree char *status = NULL;
  guint n;

  _koc_keywords_pane_set_busy (self, FALSE);
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &res, &error))
    {
      _koc_keywords_pane_report_error (self, error);
      return;
    }

  n = MIN (res->keywords->len, CLOUD_WORDS);
  words = g_new0 (KocCloudWord, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      KocKeyword *k = g_ptr_array_index (res->keywords, i);

      words[i].text = k->keyword;
      words[i].weight = (double) k->count;
      words[i].count = k->count;
      words[i].trend = k->trend;
      words[i].sentiment = koc_keywords_polarity (k->keyword);
    }
  koc_keywords_cloud_set_words (self->cloud, words, n);
  fill_rising (self, res);

  n_posts = g_strdup_printf ("%'lld", (long long) res->n_posts);
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s post, %u keywords",
                                         "%s posts, %u keywords", (gulong) res->n_posts),
                            n_posts, res->keywords->len);
  {
    gint64 pos = 0, neg = 0;
    double net = koc_keywords_net_sentiment (res->keywords, &pos, &neg);

    if (pos + neg > 0)
      {
        /* Translators: after the post and keyword counts; the estimate is from a small
         * list of positive and negative words, so it says so. */
        g_autofree char *sentiment = g_strdup_printf (_("net sentiment %+.2f (estimate)"), net);
        g_autofree char *joined = g_strconcat (status, " · ", sentiment, NULL);

        g_free (status);
        status = g_steal_pointer (&joined);
      }
  }
  gtk_label_set_label (self->status_label, status);
  koc_keywords_result_free (res);
}

static gint64
selected_brand (KocKeywordsPane *self)
{
  guint i = gtk_drop_down_get_selected (self->brand_dropdown);

  if (self->overview == NULL || i >= self->overview->brands->len)
    return 0;
  return g_array_index (self->overview->brands, KocKeywordsBrand, i).id;
}

void
_koc_keywords_pane_period (KocKeywordsPane *self,
                           gint64          *from,
                           gint64          *to)
{
  guint i = MIN (gtk_drop_down_get_selected (self->period_dropdown), G_N_ELEMENTS (period_days) - 1);

  *to = self->overview != NULL ? self->overview->newest : 0;
  *from = (*to / DAY - period_days[i] + 1) * DAY;
}

static void
load_keywords (KocKeywordsPane *self)
{
  KocKeywordQuery *query;

  if (self->store == NULL || self->overview == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  query = g_new0 (KocKeywordQuery, 1);
  query->brand_id = selected_brand (self);
  _koc_keywords_pane_period (self, &query->from, &query->to);
  query->limit = CLOUD_WORDS;
  _koc_keywords_share_load (self);
  _koc_keywords_compare_fill (self);
  _koc_keywords_compare_load (self);
  _koc_keywords_pane_set_busy (self, TRUE);
  koc_store_run_async (self->store, koc_keywords_top_func, query, g_free,
                       (GDestroyNotify) koc_keywords_result_free, self->cancellable,
                       keywords_ready_cb, g_object_ref (self));
}

static void
selection_changed_cb (GtkDropDown     *dropdown,
                      GParamSpec      *pspec,
                      KocKeywordsPane *self)
{
  if (!self->filling)
    load_keywords (self);
}

static void
posts_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KocKeywordsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;

  _koc_keywords_pane_set_busy (self, FALSE);
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &posts, &error))
    {
      _koc_keywords_pane_report_error (self, error);
      return;
    }
  clear_list (self->posts_list);
  for (guint i = 0; i < posts->len; i++)
    {
      KocPostHit *hit = g_ptr_array_index (posts, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (hit->published_at);
      g_autofree char *date = g_date_time_format (when, "%x");
      g_autofree char *plain = g_strdup (hit->snippet != NULL ? hit->snippet : "");
      g_autofree char *escaped = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *who = g_markup_escape_text (hit->display_name != NULL ? hit->display_name
                                                   : hit->handle, -1);

      g_strdelimit (plain, KOC_SNIPPET_START KOC_SNIPPET_END, ' ');
      escaped = g_markup_escape_text (plain, -1);
      subtitle = g_strdup_printf ("%s · %s", who, date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (row, subtitle);
      adw_action_row_set_title_lines (row, 2);
      gtk_list_box_append (self->posts_list, GTK_WIDGET (row));
    }
  if (posts->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No posts found"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_append (self->posts_list, none);
    }
}

void
koc_keywords_pane_select_keyword (KocKeywordsPane *self,
                                  const char      *keyword)
{
  g_return_if_fail (KOC_IS_KEYWORDS_PANE (self));
  /* The cloud is the selected brand's: so are its posts (0 = every post). */
  _koc_keywords_pane_show_posts (self, keyword, selected_brand (self));
}

void
_koc_keywords_pane_show_posts (KocKeywordsPane *self,
                               const char      *keyword,
                               gint64           brand_id)
{
  g_autoptr(KocSearchQuery) query = NULL;
  g_autofree char *heading = NULL;
  gint64 from, to;

  if (self->store == NULL || keyword == NULL)
    return;

  g_cancellable_cancel (self->posts_cancellable);
  g_clear_object (&self->posts_cancellable);
  self->posts_cancellable = g_cancellable_new ();

  /* Translators: heading of the posts list; %s is a keyword. */
  heading = g_strdup_printf (_("Posts with “%s”"), keyword);
  gtk_label_set_label (self->posts_heading, heading);

  _koc_keywords_pane_period (self, &from, &to);
  query = koc_search_query_new ();
  query->text = g_strdup (keyword);
  query->active_since = from;
  query->brand_id = brand_id;
  query->limit = 30;
  _koc_keywords_pane_set_busy (self, TRUE);
  koc_store_run_async (self->store, koc_keywords_posts_func, g_steal_pointer (&query),
                       (GDestroyNotify) koc_search_query_free, (GDestroyNotify) g_ptr_array_unref,
                       self->posts_cancellable, posts_ready_cb, g_object_ref (self));
}

static void
keyword_activated_cb (KocKeywordsCloud *cloud,
                      const char       *keyword,
                      KocKeywordsPane  *self)
{
  koc_keywords_pane_select_keyword (self, keyword);
}

static void
edit_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KocKeywordsPane) self = user_data;
  g_autoptr(GError) error = NULL;

  _koc_keywords_pane_set_busy (self, FALSE);
  if (!koc_store_run_finish (KOC_STORE (source), result, NULL, &error))
    {
      _koc_keywords_pane_report_error (self, error);
      return;
    }
  /* The aggregates were cleared: every post is read again with the new lexicon. */
  refresh (self);
}

static void
edit_lexicon (KocKeywordsPane *self,
              const char      *word,
              KocLexiconKind   kind,
              gboolean         remove)
{
  KocKeywordsEdit *edit;

  if (self->store == NULL || word == NULL || *word == '\0')
    return;
  edit = g_new0 (KocKeywordsEdit, 1);
  edit->word = g_strdup (word);
  edit->kind = kind;
  edit->remove = remove;
  _koc_keywords_pane_set_busy (self, TRUE);
  koc_store_write_async (self->store, koc_keywords_edit_func, edit, (GDestroyNotify) koc_keywords_edit_free,
                         NULL, NULL, edit_done_cb, g_object_ref (self));
}

static void
add_clicked_cb (GtkButton       *button,
                KocKeywordsPane *self)
{
  const char *word = gtk_editable_get_text (GTK_EDITABLE (self->lexicon_entry));

  edit_lexicon (self, word, button == self->add_stop_button ? KOC_LEXICON_STOP : KOC_LEXICON_WORD, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->lexicon_entry), "");
}

static void
remove_entry_cb (GtkButton       *button,
                 KocKeywordsPane *self)
{
  edit_lexicon (self, g_object_get_data (G_OBJECT (button), "word"), KOC_LEXICON_WORD, TRUE);
}

static void
view_changed_cb (GtkStack        *stack,
                 GParamSpec      *pspec,
                 KocKeywordsPane *self)
{
  if (self->compare_stale && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "compare") == 0)
    _koc_keywords_compare_load (self);
}

static void
koc_keywords_pane_dispose (GObject *object)
{
  KocKeywordsPane *self = KOC_KEYWORDS_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->posts_cancellable);
  g_cancellable_cancel (self->share_cancellable);
  _koc_keywords_report_dispose (self);
  _koc_keywords_compare_dispose (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->posts_cancellable);
  g_clear_object (&self->share_cancellable);
  g_clear_pointer (&self->share, g_array_unref);
  g_clear_pointer (&self->share_chart, koc_chart_area_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->overview, koc_keywords_overview_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_KEYWORDS_PANE);
  G_OBJECT_CLASS (koc_keywords_pane_parent_class)->dispose (object);
}

static void
koc_keywords_pane_class_init (KocKeywordsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_keywords_pane_dispose;

  g_type_ensure (KOC_TYPE_KEYWORDS_CLOUD);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kocdesk/KocDesk/ui/koc-keywords-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, brand_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, lexicon_entry);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, add_word_button);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, add_stop_button);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, lexicon_list);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, cloud);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, rising_list);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, posts_heading);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, posts_list);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, share_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, share_area);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, competitor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, compare_stack);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *heading = g_strdup_printf ("compare_heading_%u", i);
      g_autofree char *summary = g_strdup_printf ("compare_summary_%u", i);
      g_autofree char *cloud = g_strdup_printf ("compare_cloud_%u", i);
      g_autofree char *koc = g_strdup_printf ("compare_koc_%u", i);

      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (heading), FALSE,
                                                 G_STRUCT_OFFSET (KocKeywordsPane, compare_heading) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (summary), FALSE,
                                                 G_STRUCT_OFFSET (KocKeywordsPane, compare_summary) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (cloud), FALSE,
                                                 G_STRUCT_OFFSET (KocKeywordsPane, compare_cloud) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (koc), FALSE,
                                                 G_STRUCT_OFFSET (KocKeywordsPane, compare_koc) + i * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, report_revealer);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, report_label);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, report_progress);
  gtk_widget_class_bind_template_child (widget_class, KocKeywordsPane, report_cancel_button);
  _koc_keywords_report_class_init (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
koc_keywords_pane_init (KocKeywordsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_selected (self->period_dropdown, 2);
  g_signal_connect (self->brand_dropdown, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self->period_dropdown, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self->cloud, "keyword-activated", G_CALLBACK (keyword_activated_cb), self);
  g_signal_connect (self->rising_list, "row-activated", G_CALLBACK (rising_activated_cb), self);
  g_signal_connect (self->add_word_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect (self->add_stop_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  _koc_keywords_share_init (self);
  _koc_keywords_report_init (self);
  _koc_keywords_compare_init (self);
  g_signal_connect (self->view_stack, "notify::visible-child-name", G_CALLBACK (view_changed_cb), self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
koc_keywords_pane_set_store (KocKeywordsPane *self,
                             KocStore        *store)
{
  g_return_if_fail (KOC_IS_KEYWORDS_PANE (self));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->overview, koc_keywords_overview_free);
  g_clear_pointer (&self->share, g_array_unref);
  g_clear_pointer (&self->share_chart, koc_chart_area_free);
  koc_keywords_cloud_set_words (self->cloud, NULL, 0);
  koc_keywords_cloud_set_words (self->compare_cloud[0], NULL, 0);
  koc_keywords_cloud_set_words (self->compare_cloud[1], NULL, 0);
  clear_list (self->rising_list);
  clear_list (self->posts_list);
  gtk_label_set_label (self->posts_heading, _("Click a keyword to see its posts"));
  gtk_stack_set_visible_child_name (self->stack, "empty");
  refresh (self);
}

void
koc_keywords_pane_reload (KocKeywordsPane *self)
{
  g_return_if_fail (KOC_IS_KEYWORDS_PANE (self));
  refresh (self);
}

gboolean
koc_keywords_pane_is_busy (KocKeywordsPane *self)
{
  g_return_val_if_fail (KOC_IS_KEYWORDS_PANE (self), FALSE);
  return self->busy > 0;
}
