/* koc-campaigns-suggestions.c: the card details' "Suggested Deliverables" — posts of the
 * card's person about the campaign (its brand, its hashtag) within its dates
 * (koc_campaigns_suggest_deliverables()). Confirm links the post as a deliverable
 * through the sync outbox (kind "deliverable", koc-people-sync.c);
 * Reject remembers it, so it is not suggested again. Both refresh the details window
 * and the board (the card's deliverable count).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaigns-pane-private.h"
#include "koc-names.h"
#include "koc-people-sync.h"

typedef struct
{
  KocCampaignsPane *pane;
  AdwWindow        *window;
  gint64            card_id;
  gint64            post_id;
  gboolean          confirm;
} Decision;

static void
decision_free (gpointer data)
{
  Decision *d = data;

  g_object_unref (d->pane);
  g_clear_object (&d->window);
  g_free (d);
}

static gboolean
decide_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Decision *d = data;

  if (!d->confirm)
    return koc_campaigns_reject_deliverable (db, d->card_id, d->post_id, error);
  /* The link goes through the outbox (kind "deliverable"), so it syncs. */
  return koc_campaigns_unreject_deliverable (db, d->card_id, d->post_id, error) &&
         koc_people_sync_link_deliverable (db, d->card_id, d->post_id, error);
}

static void
decided_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Decision *d = user_data;
  g_autoptr(GError) error = NULL;

  _koc_campaigns_busy_changed (d->pane, -1);
  if (!koc_store_run_finish (KOC_STORE (source), result, NULL, &error))
    adw_toast_overlay_add_toast (d->pane->toast_overlay, adw_toast_new (error->message));
  else if (KOC_STORE (source) == d->pane->store)
    {
      _koc_campaigns_reload_details (d->pane, d->card_id, d->window);
      if (d->confirm)
        _koc_campaigns_reload_board (d->pane);
    }
  decision_free (d);
}

static void
decide_clicked_cb (GtkButton *button,
                   AdwWindow *window)
{
  KocCampaignsPane *self = g_object_get_data (G_OBJECT (window), "koc-pane");
  KocCardDetails *details = g_object_get_data (G_OBJECT (window), "koc-details");
  Decision *d;

  if (self == NULL || self->store == NULL || details == NULL)
    return;
  d = g_new0 (Decision, 1);
  d->pane = g_object_ref (self);
  d->window = g_object_ref (window);
  d->card_id = details->card_id;
  d->post_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "koc-post"));
  d->confirm = g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (button)), "confirm") == 0;
  /* Both buttons of the row at once: no second click while it is saved. */
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (button)), FALSE);
  _koc_campaigns_busy_changed (self, 1);
  koc_store_write_async (self->store, decide_func, d, NULL, NULL, NULL, decided_cb, d);
}

static GtkWidget *
decision_button (AdwWindow  *window,
                 const char *icon,
                 const char *name,
                 const char *label,
                 gint64      post_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "koc-post", GSIZE_TO_POINTER ((gsize)post_id));
  g_signal_connect (button, "clicked", G_CALLBACK (decide_clicked_cb), window);
  return button;
}

GtkWidget *
_koc_campaigns_suggestions_group (KocCampaignsPane *self,
                                  AdwWindow        *window,
                                  KocCardDetails   *details)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Suggested Deliverables"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Posts of this person within the campaign's dates that mention its brand or use its hashtag."));
  if (details->suggestions == NULL || details->suggestions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No suggestions"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return group;
    }
  for (guint i = 0; i < details->suggestions->len; i++)
    {
      KocDeliverableSuggestion *s = details->suggestions->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *date = _koc_campaigns_format_date (s->published_at);
      g_autofree char *title = NULL, *subtitle = NULL;
      const char *why = s->by_brand && s->by_hashtag ? _("brand and hashtag")
                      : s->by_brand ? _("mentions the brand") : _("uses the hashtag");
      glong n = s->text != NULL ? g_utf8_strlen (s->text, -1) : 0;

      if (n == 0)
        title = g_strdup (_("(no text)"));
      else if (n > 60)
        {
          g_autofree char *start = g_utf8_substring (s->text, 0, 60);

          title = g_strconcat (start, "…", NULL);
        }
      else
        title = g_strdup (s->text);
      g_strdelimit (title, "\n\r", ' ');
      /* TRANSLATORS: a suggested deliverable: "Xiaohongshu · Nov 3 · 1,234 engagement · mentions the brand" */
      subtitle = g_strdup_printf (_("%s · %s · %lld engagement · %s"), koc_format_platform_name (s->platform),
                                  date, (long long)s->engagement, why);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_box_append (GTK_BOX (buttons), decision_button (window, "object-select-symbolic", "confirm",
                                                          _("Confirm as a Deliverable"), s->post_id));
      gtk_box_append (GTK_BOX (buttons), decision_button (window, "window-close-symbolic", "reject",
                                                          _("Not a Deliverable"), s->post_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}
