/* koc-campaigns-board.c: the board's columns (one GtkListView per stage), the card
 * widgets and drag and drop. A drop only computes (card, stage, index) and activates
 * campaigns.move-card, the action the keyboard uses too.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaigns-pane-private.h"
#include "koc-media-textures.h"

#define COLUMN_WIDTH 236

static void
column_free (KocBoardColumn *column)
{
  g_clear_object (&column->selection);
  g_clear_object (&column->filtered);
  g_clear_object (&column->cards);
  g_free (column);
}

void
_koc_campaigns_clear_columns (KocCampaignsPane *self)
{
  GtkWidget *child;

  if (self->columns == NULL)
    return;
  for (guint i = 0; i < self->columns->len; i++)
    column_free (self->columns->pdata[i]);
  g_ptr_array_set_size (self->columns, 0);
  if (self->columns_box != NULL)
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
      gtk_box_remove (self->columns_box, child);
}

/* Card widgets ----------------------------------------------------------- */

static GtkWidget *
caption (const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *card_widget)
{
  KocCampaignsCardItem *item = g_object_get_data (G_OBJECT (card_widget), "koc-card-item");
  g_autoptr(GdkPaintable) icon = NULL;

  if (item == NULL)
    return NULL;
  icon = gtk_widget_paintable_new (card_widget);
  gtk_drag_source_set_icon (source, icon, (int)x, (int)y);
  return gdk_content_provider_new_typed (G_TYPE_INT64, koc_campaigns_card_item_get_card (item)->id);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               KocCampaignsPane         *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_widget_add_css_class (card, "board-card");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_set_hexpand (names, TRUE);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), caption ("dim-label"));
  gtk_box_append (GTK_BOX (top), avatar);
  gtk_box_append (GTK_BOX (top), names);
  {
    GtkWidget *badge = gtk_label_new (_("Conflict"));

    /* A move that conflicted with another device's (sync_conflicts): Sync Conflicts… */
    gtk_widget_set_name (badge, "conflict-badge");
    gtk_widget_set_valign (badge, GTK_ALIGN_START);
    gtk_widget_add_css_class (badge, "caption-heading");
    gtk_widget_add_css_class (badge, "warning");
    gtk_widget_set_tooltip_text (badge, _("Someone else changed this card at the same time: open Sync Conflicts to choose"));
    gtk_widget_set_visible (badge, FALSE);
    gtk_box_append (GTK_BOX (top), badge);
  }
  gtk_box_append (GTK_BOX (card), top);
  gtk_box_append (GTK_BOX (card), caption (NULL));        /* incentive */
  gtk_box_append (GTK_BOX (card), caption ("numeric"));   /* code and redemptions */
  gtk_box_append (GTK_BOX (footer), caption (NULL));      /* due */
  gtk_box_append (GTK_BOX (footer), caption ("dim-label")); /* deliverables */
  gtk_box_append (GTK_BOX (card), footer);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (drag));
  gtk_list_item_set_child (list_item, card);
}

static void
set_caption (GtkWidget  *label,
             const char *text)
{
  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
}

static gboolean
in_last_stage (KocCampaignsPane *self,
               const KocCard    *card)
{
  KocBoardStage *last;

  if (self->board == NULL || self->board->stages->len == 0)
    return FALSE;
  last = self->board->stages->pdata[self->board->stages->len - 1];
  return last->id == card->stage_id;
}

/* Initials until the person's avatar is loaded (load_avatars()), then the image. */
static void
avatar_changed_cb (KocCampaignsCardItem *item,
                   GParamSpec           *pspec,
                   AdwAvatar            *avatar)
{
  adw_avatar_set_custom_image (avatar, koc_campaigns_card_item_get_avatar (item));
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              KocCampaignsPane         *self)
{
  KocCampaignsCardItem *item = gtk_list_item_get_item (list_item);
  const KocCard *card = koc_campaigns_card_item_get_card (item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  GtkWidget *top = gtk_widget_get_first_child (widget);
  GtkWidget *avatar = gtk_widget_get_first_child (top);
  GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_next_sibling (avatar));
  GtkWidget *meta = gtk_widget_get_next_sibling (name);
  GtkWidget *badge = gtk_widget_get_next_sibling (gtk_widget_get_parent (name));
  GtkWidget *incentive = gtk_widget_get_next_sibling (top);
  GtkWidget *code = gtk_widget_get_next_sibling (incentive);
  GtkWidget *footer = gtk_widget_get_next_sibling (code);
  GtkWidget *due = gtk_widget_get_first_child (footer);
  GtkWidget *deliverables = gtk_widget_get_next_sibling (due);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;
  gboolean overdue = _koc_campaigns_card_overdue (card, in_last_stage (self, card));

  g_object_set_data (G_OBJECT (widget), "koc-card-item", item);
  adw_avatar_set_text (ADW_AVATAR (avatar), card->person_name);
  avatar_changed_cb (item, NULL, ADW_AVATAR (avatar));
  g_signal_connect_object (item, "notify::avatar", G_CALLBACK (avatar_changed_cb), avatar, 0);
  gtk_label_set_label (GTK_LABEL (name), card->person_name);

  if (card->tier != NULL)
    g_string_append (text, _koc_campaigns_tier_name (card->tier));
  if (card->owner != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", card->owner);
  set_caption (meta, text->str);

  g_string_truncate (text, 0);
  if (card->incentive_kind != NULL)
    {
      g_string_append (text, _koc_campaigns_incentive_name (card->incentive_kind));
      if (card->incentive_sku != NULL)
        g_string_append_printf (text, " · %s", card->incentive_sku);
      if (card->incentive_cents > 0)
        {
          g_autofree char *money = _koc_campaigns_format_money (card->incentive_cents);
          g_string_append_printf (text, " · %s", money);
        }
    }
  set_caption (incentive, text->str);

  g_string_truncate (text, 0);
  if (card->code != NULL)
    {
      g_string_append (text, card->code);
      if (card->n_redemptions > 0)
        {
          g_autofree char *money = _koc_campaigns_format_money (card->revenue_cents);
          g_string_append (text, " · ");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%lld order, %s",
                                                     "%lld orders, %s", card->n_redemptions),
                                  (long long)card->n_redemptions, money);
        }
    }
  set_caption (code, text->str);

  if (card->due_at > 0)
    {
      g_autofree char *date = _koc_campaigns_format_date (card->due_at);
      label = g_strdup_printf (overdue ? _("Overdue %s") : _("Due %s"), date);
    }
  set_caption (due, label);
  if (overdue)
    {
      gtk_widget_add_css_class (due, "error");
      gtk_widget_remove_css_class (due, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (due, "error");
      gtk_widget_add_css_class (due, "dim-label");
    }
  g_clear_pointer (&label, g_free);
  if (card->n_deliverables > 0)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld post", "%lld posts",
                                          card->n_deliverables), (long long)card->n_deliverables);
  set_caption (deliverables, label);
  gtk_widget_set_visible (footer, gtk_widget_get_visible (due) || gtk_widget_get_visible (deliverables));

  gtk_widget_set_visible (badge, card->n_conflicts > 0);

  /* What a screen reader says for the row. */
  g_string_printf (text, "%s. %s", card->person_name, gtk_label_get_label (GTK_LABEL (meta)));
  if (card->n_conflicts > 0)
    g_string_append_printf (text, ". %s", _("Conflict"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text->str, -1);
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                KocCampaignsPane         *self)
{
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  GtkWidget *avatar = gtk_widget_get_first_child (gtk_widget_get_first_child (widget));
  KocCampaignsCardItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, avatar_changed_cb, avatar);
  g_object_set_data (G_OBJECT (widget), "koc-card-item", NULL);
}

/* Drag and drop ---------------------------------------------------------- */

/* The index among the column's other cards where a drop at (x, y) of the column's
 * list view puts @card_id: before or after the card under the pointer; the bottom
 * when there is none. */
static guint
drop_index (KocCampaignsPane *self,
            KocBoardColumn   *column,
            gint64            card_id,
            double            x,
            double            y)
{
  GtkWidget *picked = gtk_widget_pick (column->list_view, x, y, GTK_PICK_DEFAULT);
  KocCampaignsCardItem *target = NULL;
  GtkWidget *widget;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (column->cards));
  guint index = 0;
  double wx = 0, wy = 0;
  gboolean after;

  for (widget = picked; widget != NULL && widget != column->list_view;
       widget = gtk_widget_get_parent (widget))
    if ((target = g_object_get_data (G_OBJECT (widget), "koc-card-item")) != NULL)
      break;
  if (target == NULL)
    return G_MAXUINT;
  gtk_widget_translate_coordinates (column->list_view, widget, x, y, &wx, &wy);
  after = wy > gtk_widget_get_height (widget) / 2.0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KocCampaignsCardItem) item = g_list_model_get_item (G_LIST_MODEL (column->cards), i);
      gint64 id = koc_campaigns_card_item_get_card (item)->id;

      if (item == target)
        return index + (after ? 1 : 0);
      if (id != card_id)
        index++;
    }
  return G_MAXUINT;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         KocCampaignsPane *self)
{
  KocBoardColumn *column = g_object_get_data (G_OBJECT (target), "koc-column");
  gint64 card_id = g_value_get_int64 (value);
  guint index;

  if (column == NULL || g_list_model_get_n_items (G_LIST_MODEL (column->cards)) == 0 ||
      !gtk_widget_get_visible (column->list_view))
    index = G_MAXUINT;
  else
    {
      gtk_widget_translate_coordinates (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)),
                                        column->list_view, x, y, &x, &y);
      index = drop_index (self, column, card_id, x, y);
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "campaigns.move-card", "(xxu)", card_id,
                              column->stage_id, index);
  return TRUE;
}

/* Columns ---------------------------------------------------------------- */

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      KocCampaignsPane   *self)
{
  KocCampaignsCardItem *item = gtk_single_selection_get_selected_item (selection);

  if (item == NULL || self->filling)
    return;
  self->current_card = koc_campaigns_card_item_get_card (item)->id;
  for (guint i = 0; i < self->columns->len; i++)
    {
      KocBoardColumn *other = self->columns->pdata[i];

      if (other->selection != selection)
        gtk_single_selection_set_selected (other->selection, GTK_INVALID_LIST_POSITION);
    }
}

static void
activate_cb (GtkListView      *list_view,
             guint             position,
             KocCampaignsPane *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "campaigns.open-card", NULL);
}

static void
update_count (KocBoardColumn *column)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (column->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (column->cards));
  g_autofree char *text = shown == total ? g_strdup_printf ("%u", total)
                                         : g_strdup_printf ("%u / %u", shown, total);

  gtk_label_set_label (GTK_LABEL (column->count), text);
  gtk_stack_set_visible_child_name (GTK_STACK (column->stack), shown > 0 ? "cards" : "empty");
}

static void
filtered_changed_cb (GListModel     *model,
                     guint           position,
                     guint           removed,
                     guint           added,
                     KocBoardColumn *column)
{
  update_count (column);
}

static KocBoardColumn *
column_new (KocCampaignsPane *self,
            KocBoardStage    *stage)
{
  KocBoardColumn *column = g_new0 (KocBoardColumn, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = gtk_label_new (_("No cards"));
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  column->stage_id = stage->id;
  column->cards = g_list_store_new (KOC_TYPE_CAMPAIGNS_CARD_ITEM);
  column->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (column->cards)),
                                                GTK_FILTER (g_object_ref (self->filter)));
  column->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (column->filtered)));
  gtk_single_selection_set_autoselect (column->selection, FALSE);
  gtk_single_selection_set_can_unselect (column->selection, TRUE);
  g_signal_connect (column->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (column->filtered, "items-changed", G_CALLBACK (filtered_changed_cb), column);

  column->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (column->box, COLUMN_WIDTH, -1);
  gtk_widget_add_css_class (column->box, "board-column");
  column->title = gtk_label_new (stage->name);
  gtk_label_set_xalign (GTK_LABEL (column->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (column->title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (column->title, TRUE);
  gtk_widget_add_css_class (column->title, "heading");
  column->count = gtk_label_new (NULL);
  gtk_widget_add_css_class (column->count, "dim-label");
  gtk_widget_add_css_class (column->count, "numeric");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 10);
  gtk_box_append (GTK_BOX (header), column->title);
  gtk_box_append (GTK_BOX (header), column->count);
  gtk_box_append (GTK_BOX (column->box), header);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  column->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (column->selection)), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (column->list_view), FALSE);
  gtk_widget_add_css_class (column->list_view, "board-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  stage->name, -1);
  g_signal_connect (column->list_view, "activate", G_CALLBACK (activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), column->list_view);

  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_valign (empty, GTK_ALIGN_START);
  gtk_widget_set_margin_top (empty, 24);
  column->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (column->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (column->stack), scroller, "cards");
  gtk_stack_add_named (GTK_STACK (column->stack), empty, "empty");
  gtk_box_append (GTK_BOX (column->box), column->stack);

  g_object_set_data (G_OBJECT (drop), "koc-column", column);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (column->box, GTK_EVENT_CONTROLLER (drop));
  return column;
}

static gboolean
same_stages (KocCampaignsPane *self)
{
  if (self->columns->len != self->board->stages->len)
    return FALSE;
  for (guint i = 0; i < self->columns->len; i++)
    if (((KocBoardColumn *)self->columns->pdata[i])->stage_id !=
        ((KocBoardStage *)self->board->stages->pdata[i])->id)
      return FALSE;
  return TRUE;
}

static void
set_card_avatar (GObject    *target,
                 GdkTexture *texture)
{
  koc_campaigns_card_item_set_avatar (KOC_CAMPAIGNS_CARD_ITEM (target), GDK_PAINTABLE (texture));
}

/* sha256 → the avatar (GdkPaintable) the cards shown now already have: a reloaded
 * board (after every move) keeps them instead of decoding them again. */
static GHashTable *
shown_avatars (KocCampaignsPane *self)
{
  GHashTable *avatars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint c = 0; c < self->columns->len; c++)
    {
      GListModel *cards = G_LIST_MODEL (((KocBoardColumn *)self->columns->pdata[c])->cards);

      for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
        {
          g_autoptr(KocCampaignsCardItem) item = g_list_model_get_item (cards, i);
          GdkPaintable *avatar = koc_campaigns_card_item_get_avatar (item);
          const char *sha256 = koc_campaigns_card_item_get_card (item)->avatar_sha256;

          if (avatar != NULL && sha256 != NULL)
            g_hash_table_replace (avatars, g_strdup (sha256), g_object_ref (avatar));
        }
    }
  return avatars;
}

/* The cards' avatars: those already shown at once, the others from the workspace or
 * the media cache (disk, server), decoded a few per idle (koc-media-textures.c). */
static void
load_avatars (KocCampaignsPane *self,
              GPtrArray        *items,
              GHashTable       *shown)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < items->len; i++)
    {
      KocCampaignsCardItem *item = items->pdata[i];
      const char *sha256 = koc_campaigns_card_item_get_card (item)->avatar_sha256;
      GdkPaintable *avatar;

      if (sha256 == NULL)
        continue;
      if ((avatar = g_hash_table_lookup (shown, sha256)) != NULL)
        {
          koc_campaigns_card_item_set_avatar (item, avatar);
          continue;
        }
      g_ptr_array_add (targets, g_object_ref (item));
      g_ptr_array_add (hashes, g_strdup (sha256));
    }
  if (targets->len > 0 && self->store != NULL)
    koc_media_textures_load_cached (koc_media_textures_cache_for (GTK_WIDGET (self)), self->store,
                                    targets, hashes, set_card_avatar, self->cancellable);
}

/* Fills the columns from self->board; the widgets stay when the stages are the same
 * (a move reloads the board: the columns keep their scroll positions). */
void
_koc_campaigns_build_columns (KocCampaignsPane *self)
{
  gboolean reuse = same_stages (self);
  g_autoptr(GHashTable) shown = shown_avatars (self);
  g_autoptr(GPtrArray) all_items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!reuse)
    _koc_campaigns_clear_columns (self);
  self->filling = TRUE;
  for (guint s = 0; s < self->board->stages->len; s++)
    {
      KocBoardStage *stage = self->board->stages->pdata[s];
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      KocBoardColumn *column;

      if (!reuse)
        {
          column = column_new (self, stage);
          g_ptr_array_add (self->columns, column);
          gtk_box_append (self->columns_box, column->box);
        }
      column = self->columns->pdata[s];
      gtk_label_set_label (GTK_LABEL (column->title), stage->name);
      /* The items own copies of the cards: the board stays as read, for the tests. */
      for (guint c = 0; c < stage->cards->len; c++)
        {
          KocCard *card = stage->cards->pdata[c];
          KocCard *copy = g_memdup2 (card, sizeof *card);

          copy->uid = g_strdup (card->uid);
          copy->person_uid = g_strdup (card->person_uid);
          copy->person_name = g_strdup (card->person_name);
          copy->avatar_sha256 = g_strdup (card->avatar_sha256);
          copy->tier = g_strdup (card->tier);
          copy->owner = g_strdup (card->owner);
          copy->incentive_kind = g_strdup (card->incentive_kind);
          copy->incentive_sku = g_strdup (card->incentive_sku);
          copy->incentive_status = g_strdup (card->incentive_status);
          copy->code = g_strdup (card->code);
          copy->tags = g_strdupv (card->tags);
          g_ptr_array_add (items, koc_campaigns_card_item_new_take (copy));
        }
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (all_items, g_object_ref (items->pdata[i]));
      g_list_store_splice (column->cards, 0, g_list_model_get_n_items (G_LIST_MODEL (column->cards)),
                           items->pdata, items->len);
      update_count (column);
    }
  self->filling = FALSE;
  load_avatars (self, all_items, shown);
}

void
_koc_campaigns_focus_card (KocCampaignsPane *self,
                           gint64            card_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* Keep the keyboard on the card: after a move its row was rebuilt. */
  gboolean had_focus = gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                       (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));

  self->current_card = card_id;
  for (guint c = 0; c < self->columns->len; c++)
    {
      KocBoardColumn *column = self->columns->pdata[c];
      guint n = g_list_model_get_n_items (G_LIST_MODEL (column->filtered));
      guint found = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < n && found == GTK_INVALID_LIST_POSITION; i++)
        {
          g_autoptr(KocCampaignsCardItem) item = g_list_model_get_item (G_LIST_MODEL (column->filtered), i);

          if (koc_campaigns_card_item_get_card (item)->id == card_id)
            found = i;
        }
      self->filling = TRUE;
      gtk_single_selection_set_selected (column->selection, found);
      self->filling = FALSE;
      if (found != GTK_INVALID_LIST_POSITION)
        {
          gtk_widget_activate_action (column->list_view, "list.scroll-to-item", "u", found);
          if (had_focus)
            gtk_widget_grab_focus (column->list_view);
        }
    }
}
