/* koc-score-preferences.c: the "KOC Score" page of Preferences — weights of the five
 * score components, stored in the workspace (koc-score.h), and a recompute with progress.
 *
 * The page finds the workspace through the window it is transient for, when it is shown.
 * Applying saves the weights and recomputes every score on the store's worker in one
 * transaction (cancellable: nothing changes then); the Discover pane is refreshed after.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-score-preferences"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "koc-score.h"
#include "koc-score-preferences.h"
#include "koc-window.h"

typedef struct
{
  AdwPreferencesWindow *window;        /* unowned; NULL once destroyed */
  AdwPreferencesPage   *widget;        /* unowned: holds this struct as its data */
  KocStore             *store;
  GCancellable         *cancellable;
  AdwPreferencesGroup  *group;
  GtkSpinButton        *spins[KOC_SCORE_N_COMPONENTS];
  GtkLabel             *total_label;
  GtkWidget            *apply_button;
  GtkWidget            *cancel_button;
  GtkProgressBar       *progress;
  gboolean              loading;
  gboolean              running;
} Page;

static const char * const names[KOC_SCORE_N_COMPONENTS] = {
  N_("Engagement within its tier"),
  N_("Brand affinity"),
  N_("Authenticity"),
  N_("Conversion"),
  N_("Recency"),
};

static const char * const subtitles[KOC_SCORE_N_COMPONENTS] = {
  N_("Percentile of the engagement rate among accounts of the same follower tier"),
  N_("Share of the last 90 days’ posts that mention your brand unprompted"),
  N_("1 minus penalties for follower spikes, odd rates and odd comments-to-likes ratios"),
  N_("Referral redemptions per 1,000 followers; 5 or more count in full"),
  N_("Halves every 30 days since the last post"),
};

static void
page_free (gpointer data)
{
  Page *page = data;

  g_cancellable_cancel (page->cancellable);
  g_clear_object (&page->cancellable);
  g_clear_object (&page->store);
  g_free (page);
}

/* Async callbacks hold a reference on the page widget, which owns the struct. */
static Page *
page_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "koc-score-page");
}

static int
total_of (Page *page)
{
  int total = 0;

  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    total += gtk_spin_button_get_value_as_int (page->spins[i]);
  return total;
}

static void
update_state (Page *page)
{
  int total = total_of (page);
  g_autofree char *text = NULL;

  if (total == 100)
    text = g_strdup (_("Weights add up to 100 %"));
  else
    /* Translators: the sum of the score weights, which must be 100 */
    text = g_strdup_printf (_("Weights add up to %d %% — make them 100 %%"), total);
  gtk_label_set_label (page->total_label, text);
  if (total == 100)
    gtk_widget_remove_css_class (GTK_WIDGET (page->total_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (page->total_label), "error");

  gtk_widget_set_sensitive (GTK_WIDGET (page->group), page->store != NULL);
  gtk_widget_set_sensitive (page->apply_button, page->store != NULL && total == 100 && !page->running);
  gtk_widget_set_visible (page->cancel_button, page->running);
  gtk_widget_set_visible (GTK_WIDGET (page->progress), page->running);
  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (page->spins[i]), !page->running);
}

static void
set_weights (Page                  *page,
             const KocScoreWeights *weights)
{
  page->loading = TRUE;
  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    gtk_spin_button_set_value (page->spins[i], round (weights->weight[i]));
  page->loading = FALSE;
  update_state (page);
}

static gboolean
load_weights_func (sqlite3       *db,
                   gpointer       data,
                   gpointer      *result,
                   GCancellable  *cancellable,
                   GError       **error)
{
  KocScoreWeights *weights = g_new (KocScoreWeights, 1);

  if (!koc_score_weights_load (db, weights, error))
    {
      g_free (weights);
      return FALSE;
    }
  *result = weights;
  return TRUE;
}

static void
weights_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AdwPreferencesPage) widget = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree KocScoreWeights *weights = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &weights, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the score weights: %s", error->message);
      return;
    }
  set_weights (page_of (widget), weights);
  /* For tests: the stored weights are shown. */
  g_object_set_data (G_OBJECT (widget), "koc-score-loaded", GINT_TO_POINTER (TRUE));
}

static void
toast (Page       *page,
       const char *text)
{
  adw_preferences_window_add_toast (page->window, adw_toast_new (text));
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Page *page = page_of (user_data);

  if (page != NULL && page->running && total > 0)
    gtk_progress_bar_set_fraction (page->progress, (double) done / total);
}

static void
recomputed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AdwPreferencesPage) widget = user_data;
  g_autoptr(GError) error = NULL;
  Page *page = page_of (widget);
  guint64 n = 0;
  GtkWindow *parent;

  koc_score_recompute_finish (KOC_STORE (source), result, &n, &error);
  if (page == NULL || page->window == NULL)
    return; /* the window is gone */

  page->running = FALSE;
  update_state (page);
  if (error != NULL)
    {
      toast (page, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                   ? _("Recomputing cancelled; the scores are unchanged")
                   : error->message);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rescored %llu person",
                                                          "Rescored %llu people", n),
                                             (unsigned long long) n);
    toast (page, text);
  }
  parent = gtk_window_get_transient_for (GTK_WINDOW (page->window));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "discover.refresh", NULL);
}

static void
apply_clicked_cb (Page *page)
{
  KocScoreWeights weights;

  if (page->store == NULL || total_of (page) != 100)
    return;
  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    weights.weight[i] = gtk_spin_button_get_value_as_int (page->spins[i]);

  g_cancellable_cancel (page->cancellable);
  g_clear_object (&page->cancellable);
  page->cancellable = g_cancellable_new ();
  page->running = TRUE;
  gtk_progress_bar_set_fraction (page->progress, 0);
  update_state (page);
  koc_score_recompute_async (page->store, KOC_SCORE_SCOPE_ALL, &weights, progress_cb, page->widget,
                             page->cancellable, recomputed_cb, g_object_ref (page->widget));
}

static void
cancel_clicked_cb (Page *page)
{
  g_cancellable_cancel (page->cancellable);
}

static void
reset_clicked_cb (Page *page)
{
  KocScoreWeights weights;

  koc_score_weights_init_default (&weights);
  set_weights (page, &weights);
}

static void
spin_changed_cb (Page *page)
{
  if (!page->loading)
    update_state (page);
}

static void
window_mapped_cb (Page *page)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (page->window));
  KocStore *store = parent != NULL && KOC_IS_WINDOW (parent) ? koc_window_get_store (KOC_WINDOW (parent)) : NULL;

  if (store == page->store)
    return;
  g_set_object (&page->store, store);
  update_state (page);
  adw_preferences_group_set_description (page->group, store != NULL
    ? _("Each KOC score is the weighted sum of five components between 0 and 1. The weights"
        " are saved in this workspace; applying them rescores everyone.")
    : _("Open a workspace to edit its score weights."));
  if (store != NULL)
    koc_store_run_async (store, load_weights_func, NULL, NULL, g_free, page->cancellable,
                         weights_loaded_cb, g_object_ref (page->widget));
}

static void
window_destroyed_cb (Page *page)
{
  page->window = NULL;
  g_cancellable_cancel (page->cancellable);
}

void
koc_score_preferences_add (AdwPreferencesWindow *window)
{
  AdwPreferencesPage *preferences_page;
  Page *page = g_new0 (Page, 1);
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *button;
  KocScoreWeights defaults;

  g_return_if_fail (ADW_IS_PREFERENCES_WINDOW (window));

  page->window = window;
  page->cancellable = g_cancellable_new ();

  preferences_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  page->widget = preferences_page;
  adw_preferences_page_set_title (preferences_page, _("KOC Score"));
  adw_preferences_page_set_icon_name (preferences_page, "starred-symbolic");
  gtk_widget_set_name (GTK_WIDGET (preferences_page), "koc-score-page");
  g_object_set_data_full (G_OBJECT (preferences_page), "koc-score-page", page, page_free);

  page->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (page->group, _("Score Weights"));
  adw_preferences_page_add (preferences_page, page->group);

  koc_score_weights_init_default (&defaults);
  for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(names[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(subtitles[i]));
      page->spins[i] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100, 1));
      gtk_spin_button_set_value (page->spins[i], defaults.weight[i]);
      gtk_widget_set_valign (GTK_WIDGET (page->spins[i]), GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (page->spins[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]), -1);
      gtk_widget_set_name (GTK_WIDGET (page->spins[i]), koc_score_component_key (i));
      g_signal_connect_swapped (page->spins[i], "value-changed", G_CALLBACK (spin_changed_cb), page);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (page->spins[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new ("%"));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (page->spins[i]));
      adw_preferences_group_add (page->group, row);
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 12);
  page->total_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (page->total_label, 0);
  gtk_label_set_wrap (page->total_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (page->total_label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page->total_label));
  button = gtk_button_new_with_mnemonic (_("_Defaults"));
  gtk_widget_set_tooltip_text (button, _("35 % engagement, 25 % affinity, 15 % authenticity,"
                                         " 15 % conversion, 10 % recency"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (reset_clicked_cb), page);
  gtk_box_append (GTK_BOX (box), button);
  page->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (page->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), page);
  gtk_box_append (GTK_BOX (box), page->cancel_button);
  page->apply_button = gtk_button_new_with_mnemonic (_("_Apply and Rescore"));
  gtk_widget_set_name (page->apply_button, "apply-weights");
  gtk_widget_add_css_class (page->apply_button, "suggested-action");
  g_signal_connect_swapped (page->apply_button, "clicked", G_CALLBACK (apply_clicked_cb), page);
  gtk_box_append (GTK_BOX (box), page->apply_button);
  adw_preferences_group_add (page->group, box);

  page->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (page->progress), 6);
  gtk_progress_bar_set_show_text (page->progress, TRUE);
  gtk_progress_bar_set_text (page->progress, _("Rescoring everyone…"));
  adw_preferences_group_add (page->group, GTK_WIDGET (page->progress));

  g_signal_connect_swapped (window, "map", G_CALLBACK (window_mapped_cb), page);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (window_destroyed_cb), page);
  update_state (page);
  adw_preferences_window_add (window, preferences_page);
}
