/* koc-campaigns-actions.c: the "campaigns" actions — moves, removal, undo, opening a
 * card, a new campaign — and their keyboard shortcuts. Drag and drop, the keyboard,
 * the toasts' Undo button and the tests all go through these actions.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaigns-edits.h"
#include "koc-campaigns-pane-private.h"
#include "koc-sync-batch.h"

#define MAX_UNDO 50

void
_koc_undo_entry_free (gpointer data)
{
  KocUndoEntry *entry = data;

  if (entry->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (entry->toast), (gpointer *)&entry->toast);
  g_clear_pointer (&entry->edits, g_ptr_array_unref);
  g_clear_object (&entry->store);
  g_free (entry->card_uid);
  g_free (entry);
}

static const KocCard *
find_card (KocCampaignsPane *self,
           gint64            card_id,
           guint            *out_column,
           guint            *out_index)
{
  KocBoardColumn *column = _koc_campaigns_column_of_card (self, card_id, out_column, out_index);
  g_autoptr(KocCampaignsCardItem) item = NULL;

  if (column == NULL)
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (column->cards), *out_index);
  return koc_campaigns_card_item_get_card (item); /* the store keeps the item */
}

static void toast_dismissed_cb (AdwToast         *toast,
                                KocCampaignsPane *self);

/* One toast for the board's edits, its title updated by each new edit: a queue of old
 * toasts would only lag behind, and dismissing a toast ourselves is unsafe in
 * libadwaita 1.2 (a toast dismissed while another hides is unreferenced twice). A
 * removal commits when the toast goes. */
static void
add_toast (KocCampaignsPane *self,
           KocUndoEntry     *entry,
           const char       *title)
{
  AdwToast *toast;

  if (entry == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return;
    }
  if (self->toast != NULL)
    {
      adw_toast_set_title (self->toast, title);
      adw_toast_set_button_label (self->toast, _("_Undo"));
    }
  else
    {
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "campaigns.undo");
      self->toast = toast;
      g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *)&self->toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  entry->toast = self->toast;
  g_object_add_weak_pointer (G_OBJECT (entry->toast), (gpointer *)&entry->toast);
}

static void
push_undo (KocCampaignsPane *self,
           KocUndoEntry     *entry)
{
  g_ptr_array_add (self->undo, entry);
  if (self->undo->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
}

/* Moves ------------------------------------------------------------------ */

typedef struct
{
  KocCampaignsPane *self;
  gint64            card_id;
  char             *name;
  char             *stage;
} MoveData;

static void
move_data_free (MoveData *data)
{
  g_object_unref (data->self);
  g_free (data->name);
  g_free (data->stage);
  g_free (data);
}

static void
moved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  MoveData *data = user_data;
  KocCampaignsPane *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = koc_campaigns_move_card_finish (KOC_STORE (source), result, &error);

  _koc_campaigns_busy_changed (self, -1);
  if (edits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, NULL, error->message);
    }
  else if (edits->len > 0 && KOC_STORE (source) == self->store)
    {
      KocUndoEntry *entry = g_new0 (KocUndoEntry, 1);
      g_autofree char *title = NULL;

      entry->kind = UNDO_MOVE;
      entry->card_id = data->card_id;
      entry->edits = g_ptr_array_ref (edits);
      push_undo (self, entry);
      /* TRANSLATORS: "Moved “Lily” to Contacted" */
      title = g_strdup_printf (_("Moved “%s” to %s"), data->name, data->stage);
      add_toast (self, entry, title);
      self->current_card = data->card_id;
      _koc_campaigns_reload_board (self);
    }
  move_data_free (data);
}

void
_koc_campaigns_move_card (KocCampaignsPane *self,
                          gint64            card_id,
                          gint64            stage_id,
                          guint             index)
{
  MoveData *data;
  const KocCard *card;
  guint c, i;

  if (self->store == NULL || self->board == NULL ||
      (card = find_card (self, card_id, &c, &i)) == NULL)
    return;
  data = g_new0 (MoveData, 1);
  data->self = g_object_ref (self);
  data->card_id = card_id;
  data->name = g_strdup (card->person_name);
  for (guint s = 0; s < self->board->stages->len; s++)
    if (((KocBoardStage *)self->board->stages->pdata[s])->id == stage_id)
      data->stage = g_strdup (((KocBoardStage *)self->board->stages->pdata[s])->name);
  self->current_card = card_id;
  _koc_campaigns_busy_changed (self, 1);
  koc_campaigns_move_card_async (self->store, card_id, stage_id, index, self->cancellable,
                                 moved_cb, data);
}

static void
move_card_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  gint64 card_id, stage_id;
  guint32 index;

  g_variant_get (parameter, "(xxu)", &card_id, &stage_id, &index);
  _koc_campaigns_move_card (user_data, card_id, stage_id, index);
}

/* To the top of the next or previous column. */
static void
move_sideways (KocCampaignsPane *self,
               int               delta)
{
  guint c, i;

  if (find_card (self, self->current_card, &c, &i) == NULL ||
      (delta < 0 && c == 0) || (delta > 0 && c + 1 >= self->columns->len))
    return;
  _koc_campaigns_move_card (self, self->current_card,
                            ((KocBoardColumn *)self->columns->pdata[c + delta])->stage_id, 0);
}

/* Above the previous (or below the next) card shown: with a filter on, hidden cards
 * are skipped, as the user sees them. */
static void
move_vertically (KocCampaignsPane *self,
                 int               delta)
{
  KocBoardColumn *column;
  guint c, i, n;
  int j;

  if (find_card (self, self->current_card, &c, &i) == NULL)
    return;
  column = self->columns->pdata[c];
  n = g_list_model_get_n_items (G_LIST_MODEL (column->cards));
  for (j = (int)i + delta; j >= 0 && j < (int)n; j += delta)
    {
      g_autoptr(KocCampaignsCardItem) item = g_list_model_get_item (G_LIST_MODEL (column->cards), j);

      if (gtk_filter_match (GTK_FILTER (self->filter), item))
        break;
    }
  if (j < 0 || j >= (int)n)
    return;
  /* Index among the other cards: above card j (j < i), or below card j (j > i, which
   * is j - 1 without the moving card, plus one). */
  _koc_campaigns_move_card (self, self->current_card, column->stage_id, (guint)j);
}

static void
move_next_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  move_sideways (user_data, 1);
}

static void
move_previous_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  move_sideways (user_data, -1);
}

static void
move_up_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  move_vertically (user_data, -1);
}

static void
move_down_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  move_vertically (user_data, 1);
}

/* Removal: hidden at once, deleted (through the outbox) when its toast goes away
 * without Undo. ---------------------------------------------------------- */

static void
commit_removal (KocUndoEntry *entry)
{
  if (entry->finished || entry->kind != UNDO_REMOVE)
    return;
  entry->finished = TRUE;
  koc_campaigns_remove_card_async (entry->store, entry->card_uid, NULL, NULL, NULL);
}

void
_koc_campaigns_commit_removals (KocCampaignsPane *self)
{
  for (guint i = 0; self->undo != NULL && i < self->undo->len; i++)
    commit_removal (self->undo->pdata[i]);
}

static void
toast_dismissed_cb (AdwToast         *toast,
                    KocCampaignsPane *self)
{
  /* The next edit gets a new toast. */
  if (self->toast == toast)
    {
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *)&self->toast);
      self->toast = NULL;
    }
  for (guint i = 0; i < self->undo->len; i++)
    {
      KocUndoEntry *entry = self->undo->pdata[i];

      if (entry->toast == toast && entry->kind == UNDO_REMOVE)
        commit_removal (entry);
    }
}

static void
remove_card_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KocCampaignsPane *self = user_data;
  KocUndoEntry *entry;
  const KocCard *card;
  g_autofree char *title = NULL;
  guint c, i;

  if ((card = find_card (self, self->current_card, &c, &i)) == NULL ||
      g_hash_table_contains (self->hidden, &card->id))
    return;
  entry = g_new0 (KocUndoEntry, 1);
  entry->kind = UNDO_REMOVE;
  entry->card_id = card->id;
  entry->card_uid = g_strdup (card->uid);
  entry->store = g_object_ref (self->store);
  g_hash_table_add (self->hidden, g_memdup2 (&card->id, sizeof card->id));
  title = g_strdup_printf (_("Removed “%s” from the campaign"), card->person_name);
  push_undo (self, entry);
  add_toast (self, entry, title);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
}

/* Undo ------------------------------------------------------------------- */

static void
reverted_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KocCampaignsPane) self = user_data;
  g_autoptr(GError) error = NULL;

  _koc_campaigns_busy_changed (self, -1);
  if (!koc_campaigns_edit_finish (KOC_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, NULL, error->message);
      return;
    }
  if (KOC_STORE (source) == self->store)
    _koc_campaigns_reload_board (self);
}

static void
settings_reverted_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(KocCampaignsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) redo = koc_sync_enqueue_batch_finish (KOC_STORE (source), result, &error);

  _koc_campaigns_busy_changed (self, -1);
  if (redo == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    add_toast (self, NULL, error->message);
  if (KOC_STORE (source) == self->store)
    _koc_campaigns_created (self, self->campaign_id);
}

void
_koc_campaigns_push_settings_undo (KocCampaignsPane *self,
                                   GPtrArray        *undo,
                                   const char       *title)
{
  KocUndoEntry *entry;

  if (undo == NULL || undo->len == 0)
    {
      add_toast (self, NULL, title);
      return;
    }
  entry = g_new0 (KocUndoEntry, 1);
  entry->kind = UNDO_SETTINGS;
  entry->card_id = self->current_card;
  entry->edits = g_ptr_array_ref (undo);
  push_undo (self, entry);
  add_toast (self, entry, title);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  KocCampaignsPane *self = user_data;
  KocUndoEntry *entry = NULL;

  while (self->undo->len > 0 && entry == NULL)
    {
      entry = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
      if (entry->finished)
        g_clear_pointer (&entry, _koc_undo_entry_free);
    }
  if (entry == NULL)
    return;
  entry->finished = TRUE;
  if (entry->toast != NULL && entry->toast == self->toast)
    {
      adw_toast_set_title (entry->toast, _("Undone"));
      adw_toast_set_button_label (entry->toast, NULL);
    }
  self->current_card = entry->card_id;
  if (entry->kind == UNDO_REMOVE)
    {
      g_hash_table_remove (self->hidden, &entry->card_id);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      _koc_campaigns_focus_card (self, entry->card_id);
    }
  else if (entry->kind == UNDO_SETTINGS && self->store != NULL)
    {
      _koc_campaigns_busy_changed (self, 1);
      koc_sync_enqueue_batch_async (self->store, g_ptr_array_ref (entry->edits), self->cancellable,
                                    settings_reverted_cb, g_object_ref (self));
    }
  else if (self->store != NULL)
    {
      _koc_campaigns_busy_changed (self, 1);
      koc_campaigns_revert_edits_async (self->store, entry->edits, self->cancellable, reverted_cb,
                                        g_object_ref (self));
    }
  _koc_undo_entry_free (entry);
}

/* Others ----------------------------------------------------------------- */

static void
select_card_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  _koc_campaigns_focus_card (user_data, g_variant_get_int64 (parameter));
}

static void
open_card_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  KocCampaignsPane *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const KocCard *card;
  guint c, i;

  if ((card = find_card (self, self->current_card, &c, &i)) == NULL || !G_IS_ACTION_MAP (root))
    return;
  /* win.show-person belongs to the People pane; without it, nothing to open. */
  if (g_action_map_lookup_action (G_ACTION_MAP (root), "show-person") != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-person", "x", card->person_id);
}

static void
show_details_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  KocCampaignsPane *self = user_data;

  _koc_campaigns_show_details (self, self->current_card);
}

static void
install_shortcut (GtkShortcutController *controller,
                  const char            *accel,
                  const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                                          gtk_named_action_new (action)));
}

static void
new_campaign_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  _koc_campaigns_new_campaign (user_data);
}

static void
edit_campaign_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  _koc_campaigns_edit_campaign (user_data);
}

void
_koc_campaigns_actions_init (KocCampaignsPane *self)
{
  static const GActionEntry entries[] = {
    { "move-card", move_card_activated, "(xxu)" },
    { "move-next", move_next_activated },
    { "move-previous", move_previous_activated },
    { "move-up", move_up_activated },
    { "move-down", move_down_activated },
    { "remove-card", remove_card_activated },
    { "undo", undo_activated },
    { "select-card", select_card_activated, "x" },
    { "open-card", open_card_activated },
    { "show-details", show_details_activated },
    { "new-campaign", new_campaign_activated },
    { "edit-campaign", edit_campaign_activated },
  };
  static const struct { const char *accel; const char *action; } shortcuts[] = {
    { "<Control><Shift>Right|<Alt>Right", "campaigns.move-next" },
    { "<Control><Shift>Left|<Alt>Left", "campaigns.move-previous" },
    { "<Control><Shift>Up|<Alt>Up", "campaigns.move-up" },
    { "<Control><Shift>Down|<Alt>Down", "campaigns.move-down" },
    { "Delete", "campaigns.remove-card" },
    { "<Control>z", "campaigns.undo" },
    { "<Alt>Return", "campaigns.show-details" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  _koc_campaigns_export_actions_init (self);
  /* Before the list views, which use the arrows with modifiers for themselves. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    install_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcuts[i].accel, shortcuts[i].action);
  gtk_widget_add_controller (GTK_WIDGET (self->columns_box), controller);
}
