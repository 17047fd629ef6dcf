/* koc-people-rows.c: the rows of the People list: avatar, name, the biggest account
 * ("Xiaohongshu · @handle · 12.3k followers") and the KOC score.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-format.h"
#include "koc-people-pane-private.h"

typedef struct
{
  AdwAvatar *avatar;
  GtkLabel  *name;
  GtkLabel  *detail;
  GtkLabel  *score;
  gulong     avatar_handler;
  GObject   *item;       /* bound, unowned */
} Row;

static void
row_free (gpointer data)
{
  g_free (data);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  Row *row = g_new0 (Row, 1);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  row->avatar = ADW_AVATAR (adw_avatar_new (36, NULL, TRUE));
  row->name = GTK_LABEL (gtk_label_new (NULL));
  row->detail = GTK_LABEL (gtk_label_new (NULL));
  row->score = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->name, 0);
  gtk_label_set_xalign (row->detail, 0);
  gtk_label_set_ellipsize (row->name, PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (row->detail, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->name), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (row->detail), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->detail), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->score), "people-score");
  gtk_widget_add_css_class (GTK_WIDGET (row->score), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (row->score), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->name));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->detail));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->avatar));
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->score));
  g_object_set_data_full (G_OBJECT (box), "koc-people-row", row, row_free);
  gtk_list_item_set_child (list_item, box);
}

static void
avatar_changed_cb (KocPeopleItem *item,
                   GParamSpec    *pspec,
                   Row           *row)
{
  GObject *avatar = koc_people_item_get_avatar (item);

  adw_avatar_set_custom_image (row->avatar, avatar != NULL ? GDK_PAINTABLE (avatar) : NULL);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  KocPeopleItem *item = gtk_list_item_get_item (list_item);
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "koc-people-row");
  const KocPersonRow *person = koc_people_item_get_row (item);
  g_autofree char *followers = koc_format_count (person->followers);
  g_autofree char *detail = NULL;
  g_autofree char *score = koc_format_score (person->koc_score);
  g_autofree char *label = NULL;
  g_autofree char *score_tip = NULL;

  if (person->handle != NULL)
    /* Translators: a row of the People list: platform · @handle · followers */
    detail = g_strdup_printf (_("%s · @%s · %s followers"), koc_format_platform_name (person->platform),
                              person->handle, followers);
  else
    detail = g_strdup (_("No platform account"));

  adw_avatar_set_text (row->avatar, person->display_name);
  gtk_label_set_label (row->name, person->display_name);
  gtk_label_set_label (row->detail, detail);
  gtk_label_set_label (row->score, score);
  score_tip = g_strdup_printf (_("KOC score %s"), score);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->score), score_tip);

  row->item = G_OBJECT (item);
  row->avatar_handler = g_signal_connect (item, "notify::avatar", G_CALLBACK (avatar_changed_cb), row);
  avatar_changed_cb (item, NULL, row);

  label = g_strdup_printf ("%s, %s, %s", person->display_name, detail, score_tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (list_item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "koc-people-row");

  if (row->item != NULL)
    g_clear_signal_handler (&row->avatar_handler, row->item);
  row->item = NULL;
}

GtkListItemFactory *
_koc_people_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  return factory;
}
