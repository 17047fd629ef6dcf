/* koc-people-stats.c: the profile's key numbers — followers, engagement rate with its
 * formula, KOC score with "Why this score?" (the parts of people.score_breakdown, each
 * weight × value in points), posts per month, brand mentions, referral conversions.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-format.h"
#include "koc-people-profile-private.h"

/* Key numbers */

static GtkWidget *
stat_card (const char *title,
           const char *value,
           const char *formula,
           GtkWidget  *extra)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);
  g_autofree char *accessible = g_strdup_printf ("%s: %s%s%s", title, value,
                                                 formula != NULL ? ". " : "", formula != NULL ? formula : "");

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "people-stat");
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_widget_add_css_class (title_label, "caption-heading");
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_widget_add_css_class (value_label, "title-2");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_box_append (GTK_BOX (card), title_label);
  gtk_box_append (GTK_BOX (card), value_label);
  if (formula != NULL)
    {
      GtkWidget *formula_label = gtk_label_new (formula);

      gtk_label_set_xalign (GTK_LABEL (formula_label), 0);
      gtk_label_set_wrap (GTK_LABEL (formula_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (formula_label), 24);
      gtk_widget_add_css_class (formula_label, "caption");
      gtk_widget_add_css_class (formula_label, "dim-label");
      gtk_box_append (GTK_BOX (card), formula_label);
    }
  if (extra != NULL)
    gtk_box_append (GTK_BOX (card), extra);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return card;
}

static const char *
score_part_name (const char *key)
{
  if (g_strcmp0 (key, "engagement") == 0)
    return _("Engagement within the follower tier");
  if (g_strcmp0 (key, "affinity") == 0)
    return _("Brand affinity");
  if (g_strcmp0 (key, "authenticity") == 0)
    return _("Authenticity");
  if (g_strcmp0 (key, "conversion") == 0)
    return _("Conversion");
  if (g_strcmp0 (key, "recency") == 0)
    return _("Recency");
  return key;
}

static GtkWidget *
score_button (KocPeopleProfile *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *intro = gtk_label_new (_("Each part is a value from 0 to 1 times its weight; the points add up to the score."));
  const KocPersonProfile *data = self->data;
  int row = 1;

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Why this score?"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 40);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), intro, 0, 0, 3, 1);

  for (guint i = 0; i < data->score_parts->len; i++)
    {
      KocPersonScorePart *part = &g_array_index (data->score_parts, KocPersonScorePart, i);
      g_autofree char *value = g_strdup_printf ("%.2f", part->value);
      g_autofree char *points = part->weight >= 0 ? g_strdup_printf (_("%.1f points"), part->weight * part->value)
                                                  : g_strdup ("—");
      GtkWidget *name_label = gtk_label_new (score_part_name (part->key));
      GtkWidget *value_label = gtk_label_new (value);
      GtkWidget *points_label = gtk_label_new (points);

      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_label_set_xalign (GTK_LABEL (value_label), 1);
      gtk_label_set_xalign (GTK_LABEL (points_label), 1);
      gtk_widget_add_css_class (value_label, "numeric");
      gtk_widget_add_css_class (points_label, "numeric");
      gtk_grid_attach (GTK_GRID (grid), name_label, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value_label, 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), points_label, 2, row, 1, 1);
      row++;
    }
  if (data->score_parts->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("This score has no breakdown yet."));

      gtk_grid_attach (GTK_GRID (grid), none, 0, row, 3, 1);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

void
_koc_people_stats_fill (KocPeopleProfile *self)
{
  const KocPersonProfile *data = self->data;
  g_autofree char *followers = koc_format_grouped (data->followers);
  g_autofree char *rate = koc_format_percent (data->engagement_rate);
  g_autofree char *rate_formula =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "(likes + comments + shares + saves) ÷ followers, mean of the newest %u post",
                                  "(likes + comments + shares + saves) ÷ followers, mean of the newest %u posts",
                                  data->engagement_posts), data->engagement_posts);
  g_autofree char *score = koc_format_score (data->koc_score);
  g_autofree char *per_month = g_strdup_printf ("%.1f", data->posts_per_month);
  g_autofree char *per_month_formula =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Posts ÷ months, over the last %u month",
                                  "Posts ÷ months, over the last %u months", data->months->len),
                     data->months->len);
  g_autofree char *mentions = koc_format_grouped (data->brand_mentions);
  g_autofree char *conversions = koc_format_grouped (data->referral_conversions);
  g_autofree char *conversions_formula =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Redemptions of %u referral code",
                                  "Redemptions of %u referral codes", data->referral_codes),
                     data->referral_codes);
  g_autofree char *accounts_formula =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sum over %u account", "Sum over %u accounts",
                                  data->accounts->len), data->accounts->len);

  _koc_people_remove_children (GTK_WIDGET (self->stats_box));
  gtk_flow_box_append (self->stats_box, stat_card (_("Followers"), followers, accounts_formula, NULL));
  gtk_flow_box_append (self->stats_box, stat_card (_("Engagement rate"), rate, rate_formula, NULL));
  gtk_flow_box_append (self->stats_box, stat_card (_("KOC score"), score, NULL, score_button (self)));
  gtk_flow_box_append (self->stats_box, stat_card (_("Posts per month"), per_month, per_month_formula, NULL));
  gtk_flow_box_append (self->stats_box, stat_card (_("Brand mentions"), mentions,
                                                   _("Posts that mention a tracked brand"), NULL));
  gtk_flow_box_append (self->stats_box, stat_card (_("Referral conversions"), conversions, conversions_formula, NULL));
  /* The cards are information, not choices. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stats_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

