/* koc-campaigns-pane.c: the Campaigns pane: its campaigns, loading a board, filters.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaigns-pane-private.h"

G_DEFINE_FINAL_TYPE (KocCampaignsPane, koc_campaigns_pane, GTK_TYPE_WIDGET)

void
_koc_campaigns_busy_changed (KocCampaignsPane *self,
                             int               delta)
{
  g_assert (delta > 0 || self->busy > 0);
  self->busy += delta;
}

/* Sidebar ---------------------------------------------------------------- */

static GtkWidget *
campaign_row (KocCampaign *campaign)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (campaign->name);
  g_autofree char *counts = NULL;
  GtkWidget *meta;
  const char *status = g_strcmp0 (campaign->status, "active") == 0 ? _("Active")
                     : g_strcmp0 (campaign->status, "done") == 0 ? _("Done")
                     : g_strcmp0 (campaign->status, "archived") == 0 ? _("Archived")
                     : _("Draft");

  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %lld card", "%s · %lld cards",
                                         campaign->n_cards),
                            status, (long long)campaign->n_cards);
  meta = gtk_label_new (counts);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, campaign->name);
  g_object_set_data (G_OBJECT (row), "campaign-id", GINT_TO_POINTER ((int)campaign->id));
  return row;
}

static void
fill_sidebar (KocCampaignsPane *self)
{
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->campaign_list))) != NULL)
    gtk_list_box_remove (self->campaign_list, child);
  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    {
      KocCampaign *campaign = self->campaigns->pdata[i];
      GtkWidget *row = campaign_row (campaign);

      gtk_list_box_append (self->campaign_list, row);
      if (campaign->id == self->campaign_id)
        gtk_list_box_select_row (self->campaign_list, GTK_LIST_BOX_ROW (row));
    }
  self->filling = FALSE;
}

static void
campaigns_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KocCampaignsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer list = NULL;

  _koc_campaigns_busy_changed (self, -1);
  if (!koc_store_run_finish (KOC_STORE (source), result, &list, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the campaigns: %s", error->message);
      return;
    }
  if (KOC_STORE (source) != self->store)
    {
      g_ptr_array_unref (list);
      return;
    }
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  self->campaigns = list;
  if (self->campaigns->len == 0)
    {
      fill_sidebar (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (self->campaign_id == 0)
    self->campaign_id = ((KocCampaign *)self->campaigns->pdata[0])->id;
  fill_sidebar (self);
  gtk_stack_set_visible_child_name (self->stack, "board");
  _koc_campaigns_reload_board (self);
}

static gboolean
list_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  *result = koc_campaigns_list (db, error);
  return *result != NULL;
}

static void
reload_campaigns (KocCampaignsPane *self)
{
  _koc_campaigns_busy_changed (self, 1);
  koc_store_run_async (self->store, list_func, NULL, NULL, (GDestroyNotify)g_ptr_array_unref,
                       self->cancellable, campaigns_ready_cb, g_object_ref (self));
}

void
_koc_campaigns_created (KocCampaignsPane *self,
                        gint64            campaign_id)
{
  self->campaign_id = campaign_id;
  self->current_card = 0;
  g_clear_pointer (&self->board, koc_board_free);
  _koc_campaigns_clear_columns (self);
  reload_campaigns (self);
}

static void
campaign_selected_cb (KocCampaignsPane *self,
                      GtkListBoxRow    *row)
{
  if (self->filling || row == NULL)
    return;
  koc_campaigns_pane_select_campaign (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row),
                                                                                "campaign-id")));
}

/* Board ------------------------------------------------------------------ */

typedef struct
{
  gint64 campaign_id;
  guint  generation;
} BoardRequest;

static gboolean
board_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  *result = koc_campaigns_load_board (db, ((BoardRequest *)data)->campaign_id, error);
  return *result != NULL;
}

static KocCampaign *
current_campaign (KocCampaignsPane *self)
{
  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    if (((KocCampaign *)self->campaigns->pdata[i])->id == self->campaign_id)
      return self->campaigns->pdata[i];
  return NULL;
}

static void
show_header (KocCampaignsPane *self)
{
  KocCampaign *campaign = current_campaign (self);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gint64 n = 0;

  if (campaign == NULL)
    return;
  for (guint s = 0; self->board != NULL && s < self->board->stages->len; s++)
    n += ((KocBoardStage *)self->board->stages->pdata[s])->cards->len;
  gtk_label_set_label (self->title_label, campaign->name);
  if (campaign->brand != NULL)
    g_string_append_printf (subtitle, "%s · ", campaign->brand);
  if (campaign->starts_at > 0)
    {
      g_autofree char *starts = _koc_campaigns_format_date (campaign->starts_at);
      g_autofree char *ends = campaign->ends_at > 0 ? _koc_campaigns_format_date (campaign->ends_at)
                                                    : g_strdup ("…");

      /* TRANSLATORS: a date range, e.g. "Mar 3 – Apr 14" */
      g_string_append_printf (subtitle, _("%s – %s"), starts, ends);
      g_string_append (subtitle, " · ");
    }
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%lld card", "%lld cards", n),
                          (long long)n);
  if (campaign->budget_cents > 0)
    {
      g_autofree char *budget = _koc_campaigns_format_money (campaign->budget_cents);

      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("Budget %s"), budget);
    }
  if (campaign->n_redemptions > 0)
    {
      g_autofree char *revenue = _koc_campaigns_format_money (campaign->revenue_cents);

      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%lld redemption, %s",
                                                     "%lld redemptions, %s",
                                                     campaign->n_redemptions),
                              (long long)campaign->n_redemptions, revenue);
    }
  gtk_label_set_label (self->subtitle_label, subtitle->str);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

/* The owners and tags of the board, for the filter drop-downs. */
static void
fill_filters (KocCampaignsPane *self)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GtkStringList) owner_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tag_list = gtk_string_list_new (NULL);
  guint owner_selected = 0, tag_selected = 0;

  for (guint s = 0; s < self->board->stages->len; s++)
    {
      KocBoardStage *stage = self->board->stages->pdata[s];

      for (guint c = 0; c < stage->cards->len; c++)
        {
          KocCard *card = stage->cards->pdata[c];

          if (card->owner != NULL && g_hash_table_add (seen, card->owner))
            g_ptr_array_add (owners, card->owner);
          for (guint t = 0; card->tags[t] != NULL; t++)
            if (g_hash_table_add (seen, card->tags[t]))
              g_ptr_array_add (tags, card->tags[t]);
        }
    }
  g_ptr_array_sort (owners, compare_strings);
  g_ptr_array_sort (tags, compare_strings);
  gtk_string_list_append (owner_list, _("All Owners"));
  gtk_string_list_append (tag_list, _("All Tags"));
  for (guint i = 0; i < owners->len; i++)
    {
      gtk_string_list_append (owner_list, owners->pdata[i]);
      if (g_strcmp0 (owners->pdata[i], self->owner_filter) == 0)
        owner_selected = i + 1;
    }
  for (guint i = 0; i < tags->len; i++)
    {
      gtk_string_list_append (tag_list, tags->pdata[i]);
      if (g_strcmp0 (tags->pdata[i], self->tag_filter) == 0)
        tag_selected = i + 1;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (owner_list));
  gtk_drop_down_set_selected (self->owner_dropdown, owner_selected);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (tag_list));
  gtk_drop_down_set_selected (self->tag_dropdown, tag_selected);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_dropdown), tags->len > 0);
  self->filling = FALSE;
}

static void
board_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KocCampaignsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer board = NULL;

  _koc_campaigns_busy_changed (self, -1);
  if (!koc_store_run_finish (KOC_STORE (source), result, &board, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Could not read the board: %s", error->message);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
        }
      return;
    }
  g_debug ("board %lld read (showing %lld)", (long long)((KocBoard *)board)->campaign_id,
           (long long)self->campaign_id);
  if (KOC_STORE (source) != self->store || ((KocBoard *)board)->campaign_id != self->campaign_id)
    {
      koc_board_free (board);
      return;
    }
  g_clear_pointer (&self->board, koc_board_free);
  self->board = board;
  fill_filters (self);
  _koc_campaigns_build_columns (self);
  show_header (self);
  _koc_campaigns_analytics_reload (self);
  if (self->current_card != 0)
    _koc_campaigns_focus_card (self, self->current_card);
}

void
_koc_campaigns_reload_board (KocCampaignsPane *self)
{
  BoardRequest *request = g_new0 (BoardRequest, 1);

  request->campaign_id = self->campaign_id;
  request->generation = ++self->generation;
  _koc_campaigns_busy_changed (self, 1);
  koc_store_run_async (self->store, board_func, request, g_free, (GDestroyNotify)koc_board_free,
                       self->cancellable, board_ready_cb, g_object_ref (self));
}

KocBoardColumn *
_koc_campaigns_column_of_card (KocCampaignsPane *self,
                               gint64            card_id,
                               guint            *out_column,
                               guint            *out_index)
{
  for (guint c = 0; self->columns != NULL && c < self->columns->len; c++)
    {
      KocBoardColumn *column = self->columns->pdata[c];
      guint n = g_list_model_get_n_items (G_LIST_MODEL (column->cards));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KocCampaignsCardItem) item = g_list_model_get_item (G_LIST_MODEL (column->cards), i);

          if (koc_campaigns_card_item_get_card (item)->id == card_id)
            {
              if (out_column != NULL)
                *out_column = c;
              if (out_index != NULL)
                *out_index = i;
              return column;
            }
        }
    }
  return NULL;
}

/* Filters ---------------------------------------------------------------- */

static gboolean
card_visible (gpointer item,
              gpointer user_data)
{
  KocCampaignsPane *self = user_data;
  const KocCard *card = koc_campaigns_card_item_get_card (item);
  KocBoardStage *last;

  if (g_hash_table_contains (self->hidden, &card->id))
    return FALSE;
  if (self->owner_filter != NULL && g_strcmp0 (card->owner, self->owner_filter) != 0)
    return FALSE;
  if (self->tag_filter != NULL && !g_strv_contains ((const char * const *)card->tags, self->tag_filter))
    return FALSE;
  if (self->overdue_filter)
    {
      last = self->board != NULL && self->board->stages->len > 0
             ? g_ptr_array_index (self->board->stages, self->board->stages->len - 1) : NULL;
      if (!_koc_campaigns_card_overdue (card, last != NULL && last->id == card->stage_id))
        return FALSE;
    }
  return TRUE;
}

static char *
dropdown_choice (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || item == NULL)
    return NULL;
  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
filter_changed_cb (KocCampaignsPane *self)
{
  if (self->filling)
    return;
  g_free (self->owner_filter);
  self->owner_filter = dropdown_choice (self->owner_dropdown);
  g_free (self->tag_filter);
  self->tag_filter = dropdown_choice (self->tag_dropdown);
  self->overdue_filter = gtk_toggle_button_get_active (self->overdue_button);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
koc_campaigns_pane_set_filter (KocCampaignsPane *self,
                               const char       *owner,
                               const char       *tag,
                               gboolean          overdue)
{
  g_return_if_fail (KOC_IS_CAMPAIGNS_PANE (self));

  g_free (self->owner_filter);
  self->owner_filter = g_strdup (owner);
  g_free (self->tag_filter);
  self->tag_filter = g_strdup (tag);
  self->overdue_filter = overdue;
  if (self->board != NULL)
    fill_filters (self);
  self->filling = TRUE;
  gtk_toggle_button_set_active (self->overdue_button, overdue);
  self->filling = FALSE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Public ----------------------------------------------------------------- */

void
koc_campaigns_pane_set_store (KocCampaignsPane *self,
                              KocStore         *store)
{
  g_return_if_fail (KOC_IS_CAMPAIGNS_PANE (self));

  if (self->store == store)
    return;
  _koc_campaigns_commit_removals (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->store, store);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->board, koc_board_free);
  g_ptr_array_set_size (self->undo, 0);
  g_hash_table_remove_all (self->hidden);
  self->campaign_id = 0;
  self->current_card = 0;
  _koc_campaigns_clear_columns (self);
  fill_sidebar (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (store != NULL)
    reload_campaigns (self);
}

void
koc_campaigns_pane_select_campaign (KocCampaignsPane *self,
                                    gint64            campaign_id)
{
  g_return_if_fail (KOC_IS_CAMPAIGNS_PANE (self));

  if (self->store == NULL || campaign_id <= 0 || campaign_id == self->campaign_id)
    return;
  self->campaign_id = campaign_id;
  self->current_card = 0;
  g_clear_pointer (&self->board, koc_board_free);
  _koc_campaigns_clear_columns (self);
  fill_sidebar (self);
  gtk_stack_set_visible_child_name (self->stack, "board");
  _koc_campaigns_reload_board (self);
}

gint64
koc_campaigns_pane_get_campaign_id (KocCampaignsPane *self)
{
  return self->campaign_id;
}

GPtrArray *
koc_campaigns_pane_get_campaigns (KocCampaignsPane *self)
{
  return self->campaigns;
}

const KocBoard *
koc_campaigns_pane_get_board (KocCampaignsPane *self)
{
  return self->board;
}

GListModel *
koc_campaigns_pane_get_column (KocCampaignsPane *self,
                               guint             stage_index)
{
  if (self->columns == NULL || stage_index >= self->columns->len)
    return NULL;
  return G_LIST_MODEL (((KocBoardColumn *)self->columns->pdata[stage_index])->filtered);
}

gint64
koc_campaigns_pane_get_current_card (KocCampaignsPane *self)
{
  return self->current_card;
}

gboolean
koc_campaigns_pane_is_busy (KocCampaignsPane *self)
{
  return self->busy > 0;
}

/* GObject ---------------------------------------------------------------- */

static void
koc_campaigns_pane_dispose (GObject *object)
{
  KocCampaignsPane *self = KOC_CAMPAIGNS_PANE (object);

  _koc_campaigns_commit_removals (self);
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *)&self->toast);
  self->toast = NULL;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  _koc_campaigns_clear_columns (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_CAMPAIGNS_PANE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->board, koc_board_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->owner_filter, g_free);
  g_clear_pointer (&self->tag_filter, g_free);
  _koc_campaigns_analytics_clear (self);
  G_OBJECT_CLASS (koc_campaigns_pane_parent_class)->dispose (object);
}

/* Others write cards too (bulk add from Discover, a sync): showing the pane re-reads. */
void
koc_campaigns_pane_reload (KocCampaignsPane *self)
{
  g_return_if_fail (KOC_IS_CAMPAIGNS_PANE (self));

  if (self->store != NULL)
    reload_campaigns (self);
}

static void
koc_campaigns_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (koc_campaigns_pane_parent_class)->map (widget);
  if (KOC_CAMPAIGNS_PANE (widget)->campaigns != NULL)
    koc_campaigns_pane_reload (KOC_CAMPAIGNS_PANE (widget));
}

static void
koc_campaigns_pane_root (GtkWidget *widget)
{
  KocCampaignsPane *self = KOC_CAMPAIGNS_PANE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (koc_campaigns_pane_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WIDGET (root) && GTK_WIDGET (root) != widget)
    gtk_widget_insert_action_group (GTK_WIDGET (root), "campaigns", G_ACTION_GROUP (self->actions));
}

static void
koc_campaigns_pane_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WIDGET (root) && GTK_WIDGET (root) != widget)
    gtk_widget_insert_action_group (GTK_WIDGET (root), "campaigns", NULL);
  GTK_WIDGET_CLASS (koc_campaigns_pane_parent_class)->unroot (widget);
}

static void
koc_campaigns_pane_class_init (KocCampaignsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_campaigns_pane_dispose;
  widget_class->root = koc_campaigns_pane_root;
  widget_class->map = koc_campaigns_pane_map;
  widget_class->unroot = koc_campaigns_pane_unroot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "campaignspane");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-campaigns-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, campaign_list);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, columns_box);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, board_scroller);
  gtk_widget_class_bind_template_callback (widget_class, campaign_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, analytics_popover);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, funnel_area);
  gtk_widget_class_bind_template_child (widget_class, KocCampaignsPane, analytics_label);
  _koc_campaigns_analytics_class_init (widget_class);
}

static void
koc_campaigns_pane_init (KocCampaignsPane *self)
{
  self->cancellable = g_cancellable_new ();
  self->undo = g_ptr_array_new_with_free_func (_koc_undo_entry_free);
  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->columns = g_ptr_array_new ();
  self->filter = gtk_custom_filter_new (card_visible, self, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  _koc_campaigns_actions_init (self);
  _koc_campaigns_analytics_init (self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "campaigns", G_ACTION_GROUP (self->actions));
}
