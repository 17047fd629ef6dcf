/* koc-discover-cells.c: the Discover result columns: cell widgets and their binding.
 *
 * Each column of ui/koc-discover-pane.ui has a GtkSignalListItemFactory whose setup
 * builds the cell once and whose bind only sets text: rows are recycled while
 * scrolling, so bind must stay cheap (no widgets, no store access).

 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-cells"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-format.h"
#include "koc-discover-pane-private.h"
#include "koc-initials-avatar.h"

static const KocAccountHit *
item_hit (GtkListItem *list_item)
{
  return koc_account_item_get_hit (KOC_ACCOUNT_ITEM (gtk_list_item_get_item (list_item)));
}

/* Cell tooltips are looked up when GTK shows one (query-tooltip), not set on every
 * bind: gtk_widget_set_tooltip_text() also makes GTK query the tooltip under the pointer
 * again (a pick through the window) and describe the widget to accessibility — about
 * a third of the UI thread's time for binding a row, which start-up and every keystroke
 * wait for. Bind only keeps the markup on the widget. */
#define TOOLTIP_KEY "koc-tooltip"

const char *
_koc_discover_cell_get_tooltip (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), TOOLTIP_KEY);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *markup = _koc_discover_cell_get_tooltip (widget);

  if (markup == NULL || *markup == '\0')
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
cell_tooltip_init (GtkWidget *widget)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

static void
cell_set_tooltip_markup (GtkWidget  *widget,
                         const char *markup)
{
  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (markup), g_free);
}

static void
cell_set_tooltip_text (GtkWidget  *widget,
                       const char *text)
{
  g_autofree char *markup = text != NULL ? g_markup_escape_text (text, -1) : NULL;

  cell_set_tooltip_markup (widget, markup);
}

/* No width-chars or max-width-chars: every column has a fixed width, and a label with
 * either asks Pango for the font's average character width at each measure (~15 % of
 * measuring a row). */
static GtkWidget *
cell_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  cell_tooltip_init (label);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  return label;
}

static void
_koc_discover_text_setup_cb (KocDiscoverPane *self,
                             GtkListItem     *list_item)
{
  gtk_list_item_set_child (list_item, cell_label (0));
}

static void
_koc_discover_number_setup_cb (KocDiscoverPane *self,
                               GtkListItem     *list_item)
{
  GtkWidget *label = cell_label (1);

  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
set_cell_text (GtkListItem *list_item,
               const char  *text,
               const char  *tooltip)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  cell_set_tooltip_text (label, tooltip);
}

static void
_koc_discover_account_setup_cb (KocDiscoverPane *self,
                                GtkListItem     *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *avatar = koc_initials_avatar_new (32);
  GtkWidget *name = cell_label (0);
  GtkWidget *handle = cell_label (0);
  GtkWidget *snippet = cell_label (0);

  gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (handle, "caption");
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_add_css_class (snippet, "caption");
  gtk_widget_add_css_class (snippet, "snippet");

  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), handle);
  gtk_box_append (GTK_BOX (text), snippet);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  cell_tooltip_init (box);
  gtk_list_item_set_child (list_item, box);
}

/* Initials until the image is loaded (koc-discover-avatars.c), then the image. */
static void
avatar_changed_cb (KocAccountItem    *item,
                   GParamSpec        *pspec,
                   KocInitialsAvatar *avatar)
{
  GObject *image = koc_account_item_get_avatar (item);

  koc_initials_avatar_set_image (avatar, GDK_IS_PAINTABLE (image) ? GDK_PAINTABLE (image) : NULL);
}

static void
_koc_discover_account_unbind_cb (KocDiscoverPane *self,
                                 GtkListItem     *list_item)
{
  GtkWidget *avatar = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, avatar_changed_cb, avatar);
}

static void
_koc_discover_account_bind_cb (KocDiscoverPane *self,
                               GtkListItem     *list_item)
{
  const KocAccountHit *hit = item_hit (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *avatar = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_next_sibling (avatar));
  GtkWidget *handle = gtk_widget_get_next_sibling (name);
  GtkWidget *snippet = gtk_widget_get_next_sibling (handle);
  g_autofree char *at = g_strdup_printf ("@%s", hit->handle);
  g_autofree char *markup = koc_search_snippet_to_markup (hit->snippet);
  g_autofree char *flat = NULL;

  koc_initials_avatar_set_text (KOC_INITIALS_AVATAR (avatar), hit->display_name);
  avatar_changed_cb (gtk_list_item_get_item (list_item), NULL, KOC_INITIALS_AVATAR (avatar));
  g_signal_connect_object (gtk_list_item_get_item (list_item), "notify::avatar",
                           G_CALLBACK (avatar_changed_cb), avatar, 0);
  gtk_label_set_label (GTK_LABEL (name), hit->display_name);
  gtk_label_set_label (GTK_LABEL (handle), at);

  /* The snippet (a lookalike's reason) is one line here; its tooltip shows it whole.
   * Newlines in a post would otherwise make rows of different heights: wrapped reasons
   * (rows of varying height) kept GTK 4.8's column view relayouting for minutes under
   * ASan, so the reason stays one line in a wider column. */
  if (markup != NULL)
    flat = g_strdelimit (g_strdup (markup), "\n\r\t", ' ');
  gtk_label_set_markup (GTK_LABEL (snippet), flat != NULL ? flat : "");
  gtk_widget_set_visible (snippet, flat != NULL);
  cell_set_tooltip_markup (box, markup);
}

static void
_koc_discover_platform_bind_cb (KocDiscoverPane *self,
                                GtkListItem     *list_item)
{
  set_cell_text (list_item, koc_format_platform_name (item_hit (list_item)->platform), NULL);
}

static void
_koc_discover_followers_bind_cb (KocDiscoverPane *self,
                                 GtkListItem     *list_item)
{
  const KocAccountHit *hit = item_hit (list_item);
  g_autofree char *text = koc_format_count (hit->followers);
  g_autofree char *exact = koc_format_grouped (hit->followers);
  g_autofree char *tooltip = NULL;

  /* Translators: a follower count and the tier it puts the account in, e.g. "12,345 followers · Micro" */
  tooltip = g_strdup_printf (_("%s followers · %s"), exact, koc_format_tier_name (hit->tier));
  set_cell_text (list_item, text, tooltip);
}

static void
_koc_discover_engagement_bind_cb (KocDiscoverPane *self,
                                  GtkListItem     *list_item)
{
  KocEngagementVariant variant = self->query != NULL ? self->query->engagement : self->engagement;
  g_autofree char *text = _koc_discover_format_engagement (variant, item_hit (list_item)->engagement_rate);

  set_cell_text (list_item, text, _koc_discover_engagement_formula (variant));
}

static void
_koc_discover_mentions_bind_cb (KocDiscoverPane *self,
                                GtkListItem     *list_item)
{
  g_autofree char *text = koc_format_count (item_hit (list_item)->mention_count);

  set_cell_text (list_item, text, NULL);
}

static void
score_button_clicked_cb (GtkButton       *button,
                         KocDiscoverPane *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  KocAccountItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    _koc_discover_show_details (self, item, GTK_WIDGET (button));
}

static void
_koc_discover_score_setup_cb (KocDiscoverPane *self,
                              GtkListItem     *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = cell_label (1);
  GtkWidget *button = gtk_button_new_from_icon_name ("dialog-information-symbolic");

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "score-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  cell_tooltip_init (button);
  cell_set_tooltip_text (button, _("Why this score?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why this score?"), -1);
  /* The list item outlives its child, so the button can always find its row. */
  g_object_set_data (G_OBJECT (button), "list-item", list_item);
  g_signal_connect_object (button, "clicked", G_CALLBACK (score_button_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (list_item, box);
}

static void
_koc_discover_score_bind_cb (KocDiscoverPane *self,
                             GtkListItem     *list_item)
{
  const KocAccountHit *hit = item_hit (list_item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *button = gtk_widget_get_next_sibling (label);
  g_autofree char *text = koc_format_score (hit->koc_score);

  gtk_label_set_label (GTK_LABEL (label), text);
  cell_set_tooltip_text (label, hit->koc_score >= 0
                         ? _("KOC score, 0–100: higher means a stronger, more genuine advocate")
                         : _("Not scored: only accounts linked to a person are scored"));
  /* Keeps its space when hidden so the numbers stay aligned. */
  gtk_widget_set_opacity (button, hit->koc_score >= 0 ? 1 : 0);
  gtk_widget_set_sensitive (button, hit->koc_score >= 0);
}

static void
_koc_discover_stage_bind_cb (KocDiscoverPane *self,
                             GtkListItem     *list_item)
{
  set_cell_text (list_item, koc_format_stage_name (item_hit (list_item)->stage), NULL);
}

static void
_koc_discover_owner_bind_cb (KocDiscoverPane *self,
                             GtkListItem     *list_item)
{
  const char *owner = item_hit (list_item)->owner;

  set_cell_text (list_item, owner, owner);
}

static void
_koc_discover_active_bind_cb (KocDiscoverPane *self,
                              GtkListItem     *list_item)
{
  const KocAccountHit *hit = item_hit (list_item);
  g_autofree char *text = koc_format_relative_time (hit->last_post_at, g_get_real_time () / G_USEC_PER_SEC);
  g_autoptr(GDateTime) when = hit->last_post_at > 0 ? g_date_time_new_from_unix_local (hit->last_post_at) : NULL;
  g_autofree char *tooltip = when != NULL ? g_date_time_format (when, "%x") : NULL;

  set_cell_text (list_item, text, tooltip);
}

void
_koc_discover_show_details (KocDiscoverPane *self,
                            KocAccountItem  *item,
                            GtkWidget       *anchor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  graphene_rect_t bounds;
  GdkRectangle rect;

  koc_account_popover_set_item (self->popover, self->store, item);

  /* GTK 4.8's popover asks where the focus was, and fails when nothing has it. */
  if (root != NULL && gtk_root_get_focus (root) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  if (anchor == NULL || !gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    graphene_rect_init (&bounds, gtk_widget_get_width (GTK_WIDGET (self)) / 2.f, 0, 1, 1);
  rect.x = (int) bounds.origin.x;
  rect.y = (int) bounds.origin.y;
  rect.width = MAX (1, (int) bounds.size.width);
  rect.height = MAX (1, (int) bounds.size.height);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

void
_koc_discover_cells_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_number_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_account_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_account_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_account_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_platform_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_followers_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_engagement_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_mentions_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_score_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_score_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_stage_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_owner_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, _koc_discover_active_bind_cb);
}
