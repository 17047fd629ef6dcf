/* koc-people-post-cards.c: one post card of the profile's post grid — thumbnail (or a
 * placeholder until, or unless, the image is cached), platform, handle and date, the
 * text with brand names and the keyword highlighted, the metrics, "Open Original" and
 * "Mark as Deliverable" (a menu of the person's campaign cards).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koc-discover-format.h"
#include "koc-people-posts.h"

enum { MARK_NONE = 0, MARK_BRAND = 1, MARK_KEYWORD = 2 };

static void
mark_all (const char *folded,
          gsize       length,
          const char *word,
          guint8     *marks,
          guint8      mark)
{
  gsize n = strlen (word);
  const char *at = folded;

  if (n == 0)
    return;
  while ((at = strstr (at, word)) != NULL)
    {
      memset (marks + (at - folded), mark, n);
      at += n;
    }
}

char *
_koc_people_post_markup (const char *text,
                         GPtrArray  *brands,
                         const char *keyword)
{
  gsize length = strlen (text);
  /* ASCII folding keeps every byte where it was, so the marks line up with @text;
   * whole UTF-8 sequences match whole sequences, so spans never split a character. */
  g_autofree char *folded = g_ascii_strdown (text, length);
  g_autofree guint8 *marks = g_malloc0 (length + 1);
  GString *markup = g_string_new (NULL);
  gsize start = 0;

  for (guint i = 0; brands != NULL && i < brands->len; i++)
    mark_all (folded, length, brands->pdata[i], marks, MARK_BRAND);
  if (keyword != NULL)
    {
      g_autofree char *word = g_ascii_strdown (keyword, -1);

      mark_all (folded, length, word, marks, MARK_KEYWORD);
    }

  while (start < length)
    {
      gsize end = start;
      g_autofree char *escaped = NULL;

      while (end < length && marks[end] == marks[start])
        end++;
      escaped = g_markup_escape_text (text + start, end - start);
      if (marks[start] == MARK_BRAND)
        g_string_append_printf (markup, "<b>%s</b>", escaped);
      else if (marks[start] == MARK_KEYWORD)
        g_string_append_printf (markup, "<span background=\"#f6d32d66\"><b>%s</b></span>", escaped);
      else
        g_string_append (markup, escaped);
      start = end;
    }
  return g_string_free (markup, FALSE);
}

typedef struct
{
  GtkStack       *thumb_stack;
  GtkPicture     *picture;
  GtkImage       *placeholder;
  GtkLabel       *source;
  GtkLabel       *text;
  GtkLabel       *brands;
  GtkLabel       *metrics;
  GtkButton      *open_button;
  GtkMenuButton  *deliverable_button;
  GtkBox         *campaigns_box;
  GtkLabel       *deliverable_label;
  KocPeoplePostItem *item;   /* bound, unowned */
  gulong         thumbnail_handler;
} Card;

static void
thumbnail_changed_cb (KocPeoplePostItem *item,
                      GParamSpec        *pspec,
                      Card              *card)
{
  GdkPaintable *thumbnail = koc_people_post_item_get_thumbnail (item);

  gtk_picture_set_paintable (card->picture, thumbnail);
  gtk_stack_set_visible_child (card->thumb_stack, thumbnail != NULL ? GTK_WIDGET (card->picture)
                                                                    : GTK_WIDGET (card->placeholder));
}

static void
open_clicked_cb (GtkButton *button,
                 Card      *card)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  const KocPeoplePost *post = card->item != NULL ? koc_people_post_item_get_post (card->item) : NULL;

  if (post != NULL && post->url != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, post->url, GDK_CURRENT_TIME);
}

static void
campaign_clicked_cb (GtkButton *button,
                     Card      *card)
{
  KocPeoplePosts *posts = g_object_get_data (G_OBJECT (button), "koc-posts");
  gint64 card_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "koc-card"));

  gtk_menu_button_popdown (card->deliverable_button);
  if (card->item != NULL)
    _koc_people_posts_mark_deliverable (posts, card->item, card_id);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          KocPeoplePosts           *posts)
{
  Card *card = g_new0 (Card, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover = gtk_popover_new ();

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "people-post");
  gtk_widget_set_size_request (box, 220, -1);
  card->thumb_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_size_request (GTK_WIDGET (card->thumb_stack), -1, 140);
  card->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_content_fit (card->picture, GTK_CONTENT_FIT_COVER);
  card->placeholder = GTK_IMAGE (gtk_image_new_from_icon_name ("image-x-generic-symbolic"));
  gtk_image_set_pixel_size (card->placeholder, 48);
  gtk_widget_add_css_class (GTK_WIDGET (card->placeholder), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (card->placeholder), "people-post-placeholder");
  gtk_widget_set_tooltip_text (GTK_WIDGET (card->placeholder), _("No image cached for this post"));
  gtk_stack_add_named (card->thumb_stack, GTK_WIDGET (card->placeholder), "placeholder");
  gtk_stack_add_named (card->thumb_stack, GTK_WIDGET (card->picture), "picture");

  card->source = GTK_LABEL (gtk_label_new (NULL));
  card->text = GTK_LABEL (gtk_label_new (NULL));
  card->brands = GTK_LABEL (gtk_label_new (NULL));
  card->metrics = GTK_LABEL (gtk_label_new (NULL));
  card->deliverable_label = GTK_LABEL (gtk_label_new (_("Deliverable")));
  gtk_widget_add_css_class (GTK_WIDGET (card->deliverable_label), "people-tag");
  gtk_widget_set_halign (GTK_WIDGET (card->deliverable_label), GTK_ALIGN_START);
  for (GtkLabel **label = &card->source; label <= &card->metrics; label++)
    {
      gtk_label_set_xalign (*label, 0);
      gtk_label_set_wrap (*label, TRUE);
      gtk_label_set_wrap_mode (*label, PANGO_WRAP_WORD_CHAR);
    }
  gtk_label_set_lines (card->text, 5);
  gtk_label_set_ellipsize (card->text, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (card->text, 24);
  gtk_label_set_max_width_chars (card->text, 30);
  gtk_widget_add_css_class (GTK_WIDGET (card->source), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (card->source), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (card->brands), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (card->brands), "accent");
  gtk_widget_add_css_class (GTK_WIDGET (card->metrics), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (card->metrics), "numeric");

  card->open_button = GTK_BUTTON (gtk_button_new_with_label (_("Open Original")));
  g_signal_connect (card->open_button, "clicked", G_CALLBACK (open_clicked_cb), card);
  card->deliverable_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (card->deliverable_button, _("Mark as Deliverable"));
  card->campaigns_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (card->campaigns_box));
  gtk_menu_button_set_popover (card->deliverable_button, popover);
  gtk_widget_add_css_class (GTK_WIDGET (card->open_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (card->deliverable_button), "flat");
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (card->open_button));
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (card->deliverable_button));

  gtk_widget_set_margin_start (body, 10);
  gtk_widget_set_margin_end (body, 10);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (card->source));
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (card->text));
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (card->brands));
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (card->metrics));
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (card->deliverable_label));
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->thumb_stack));
  gtk_box_append (GTK_BOX (box), body);
  gtk_box_append (GTK_BOX (box), actions);
  gtk_widget_set_margin_bottom (actions, 4);
  gtk_widget_set_margin_start (actions, 4);
  g_object_set_data_full (G_OBJECT (box), "koc-card", card, g_free);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         KocPeoplePosts           *posts)
{
  KocPeoplePostItem *item = gtk_list_item_get_item (list_item);
  Card *card = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "koc-card");
  const KocPeoplePost *post = koc_people_post_item_get_post (item);
  const KocPersonProfile *profile = _koc_people_posts_profile (posts);
  g_autofree char *date = NULL;
  g_autofree char *source = NULL;
  g_autofree char *markup = _koc_people_post_markup (post->text, _koc_people_posts_brand_words (posts),
                                                     _koc_people_posts_keyword (posts));
  g_autofree char *likes = koc_format_count (post->likes);
  g_autofree char *comments = koc_format_count (post->comments);
  g_autofree char *shares = koc_format_count (post->shares);
  g_autofree char *saves = koc_format_count (post->saves);
  g_autofree char *metrics = NULL;
  g_autofree char *brands = NULL;
  GtkWidget *child;
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (post->published_at);

  date = g_date_time_format (time, "%Y-%m-%d");
  source = g_strdup_printf ("%s · @%s · %s", koc_format_platform_name (post->platform), post->handle, date);
  /* Translators: the metrics of a post card */
  metrics = g_strdup_printf (_("%s likes · %s comments · %s shares · %s saves"), likes, comments, shares, saves);
  gtk_label_set_label (card->source, source);
  gtk_label_set_markup (card->text, markup);
  gtk_label_set_label (card->metrics, metrics);
  if (post->brands != NULL)
    /* Translators: the brands a post mentions */
    brands = g_strdup_printf (_("Mentions %s"), post->brands);
  gtk_label_set_label (card->brands, brands != NULL ? brands : "");
  gtk_widget_set_visible (GTK_WIDGET (card->brands), brands != NULL);
  gtk_widget_set_visible (GTK_WIDGET (card->deliverable_label), post->deliverable_card != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (card->open_button), post->url != NULL && *post->url != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (card->open_button), post->url);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (card->campaigns_box))) != NULL)
    gtk_box_remove (card->campaigns_box, child);
  for (guint i = 0; profile != NULL && i < profile->campaigns->len; i++)
    {
      const KocPersonCampaign *campaign = profile->campaigns->pdata[i];
      GtkWidget *button = gtk_button_new_with_label (campaign->campaign_name);

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "koc-posts", posts);
      g_object_set_data (G_OBJECT (button), "koc-card", GSIZE_TO_POINTER (campaign->card_id));
      gtk_widget_set_sensitive (button, campaign->card_id != post->deliverable_card);
      g_signal_connect (button, "clicked", G_CALLBACK (campaign_clicked_cb), card);
      gtk_box_append (card->campaigns_box, button);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (card->deliverable_button), profile != NULL && profile->campaigns->len > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (card->deliverable_button),
                               profile != NULL && profile->campaigns->len > 0
                               ? _("Link this post to one of this person's campaign cards")
                               : _("This person is in no campaign"));

  card->item = item;
  card->thumbnail_handler = g_signal_connect (item, "notify::thumbnail", G_CALLBACK (thumbnail_changed_cb), card);
  thumbnail_changed_cb (item, NULL, card);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           KocPeoplePosts           *posts)
{
  Card *card = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "koc-card");

  if (card->item != NULL)
    g_clear_signal_handler (&card->thumbnail_handler, card->item);
  card->item = NULL;
}

GtkListItemFactory *
_koc_people_post_factory_new (KocPeoplePosts *posts)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), posts);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), posts);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), posts);
  return factory;
}
