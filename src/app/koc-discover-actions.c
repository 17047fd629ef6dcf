/* koc-discover-actions.c: what Discover does with a selection of results.
 *
 * An action bar slides in under the list while rows are selected: set the stage, add a
 * tag, assign an owner, add to a campaign (a card in the campaign's first column),
 * export to CSV, open the profile. Edits go through the outbox (src/sync): the people's
 * uids and the fields are worked out on the store's worker and all edits are made in
 * one transaction (koc-sync-batch.h), which also returns the edits that undo them; the
 * toast's Undo sends those as another batch. Actions (group "discover"): set-stage(s),
 * add-tag(s), assign-owner(s), add-to-campaign(x), export-selection, open-profile,
 * undo-bulk.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-discover-format.h"
#include "koc-discover-pane-private.h"
#include "koc-export.h"
#include "koc-sync-batch.h"

typedef enum { BULK_STAGE, BULK_OWNER, BULK_TAG, BULK_CAMPAIGN } BulkKind;

typedef struct
{
  BulkKind  kind;
  GArray   *person_ids;  /* gint64, distinct */
  char     *value;       /* stage, owner (NULL: nobody), tag */
  gint64    campaign_id;
} Bulk;

typedef struct
{
  GPtrArray *undo;       /* KocSyncEdit */
  guint      n_edits;
} BulkResult;

static void
bulk_free (gpointer data)
{
  Bulk *bulk = data;

  g_array_unref (bulk->person_ids);
  g_free (bulk->value);
  g_free (bulk);
}

static void
bulk_result_free (gpointer data)
{
  BulkResult *result = data;

  g_clear_pointer (&result->undo, g_ptr_array_unref);
  g_free (result);
}

static const char *
bulk_sql (BulkKind kind)
{
  switch (kind)
    {
    case BULK_STAGE:
      return "SELECT 'person', uid, json_object ('stage', ?2) FROM people WHERE id = ?1";
    case BULK_OWNER:
      return "SELECT 'person', uid, json_object ('owner', ?2) FROM people WHERE id = ?1";
    case BULK_TAG:
      return "SELECT 'person', uid, json_object ('tags', json ((SELECT json_group_array (name) FROM"
             " (SELECT t.name AS name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id"
             " WHERE pt.person_id = ?1 UNION SELECT ?2)))) FROM people WHERE id = ?1"
             " AND NOT EXISTS (SELECT 1 FROM person_tags pt JOIN tags t ON t.id = pt.tag_id"
             " WHERE pt.person_id = ?1 AND t.name = ?2)";
    case BULK_CAMPAIGN:
    default:
      /* A card in the first column, after the cards already there; once per person. */
      return "SELECT 'card', lower (hex (randomblob (16))), json_object ('campaign_uid', c.uid,"
             " 'person_uid', p.uid, 'stage_uid', s.uid, 'position',"
             " coalesce ((SELECT max (position) FROM cards WHERE stage_id = s.id), 0) + 1)"
             " FROM people p, campaigns c JOIN campaign_stages s ON s.campaign_id = c.id"
             " WHERE p.id = ?1 AND c.id = ?3 AND NOT EXISTS (SELECT 1 FROM cards k"
             " WHERE k.campaign_id = c.id AND k.person_id = p.id) ORDER BY s.position LIMIT 1";
    }
}

/* On the worker, in the write transaction: one edit per person, applied in order. */
static gboolean
bulk_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  Bulk *bulk = data;
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_sync_edit_free);
  BulkResult *out;
  sqlite3_stmt *stmt = NULL;

  if (!koc_db_prepare (db, bulk_sql (bulk->kind), &stmt, error))
    return FALSE;
  for (guint i = 0; i < bulk->person_ids->len; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, g_array_index (bulk->person_ids, gint64, i));
      sqlite3_bind_text (stmt, 2, bulk->value, -1, SQLITE_STATIC);
      if (bulk->kind == BULK_CAMPAIGN)
        sqlite3_bind_int64 (stmt, 3, bulk->campaign_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_sync_edit_free);
          g_autoptr(GPtrArray) undo = NULL;

          g_ptr_array_add (one, koc_sync_edit_new ((const char *) sqlite3_column_text (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1), "upsert",
                                                   (const char *) sqlite3_column_text (stmt, 2)));
          sqlite3_reset (stmt);
          /* Applied at once, so the next person's card goes after this one. */
          if (!koc_sync_batch_apply (db, one, &undo, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
          g_ptr_array_extend_and_steal (edits, g_steal_pointer (&undo));
        }
      else if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return koc_db_set_error (db, rc, _("Could not change the selection"), error);
        }
      sqlite3_reset (stmt);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);

  out = g_new0 (BulkResult, 1);
  out->n_edits = edits->len;
  /* Undo the last person first. */
  for (guint i = 0, j = edits->len; i + 1 < j; i++, j--)
    {
      gpointer swap = edits->pdata[i];

      edits->pdata[i] = edits->pdata[j - 1];
      edits->pdata[j - 1] = swap;
    }
  out->undo = g_steal_pointer (&edits);
  *result = out;
  return TRUE;
}

static GArray *
selected_ids (KocDiscoverPane *self,
              gboolean         people)
{
  g_autoptr(GtkBitset) selection = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selection, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(KocAccountItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);
      const KocAccountHit *hit = item != NULL ? koc_account_item_get_hit (item) : NULL;
      gint64 id = hit == NULL ? 0 : people ? hit->person_id : hit->account_id;

      if (id <= 0 || g_hash_table_contains (seen, &hit->person_id))
        continue;
      g_array_append_val (ids, id);
      if (people)
        g_hash_table_add (seen, (gpointer) &hit->person_id);
    }
  return ids;
}

static void
toast (KocDiscoverPane *self,
       AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
toast_text (KocDiscoverPane *self,
            const char      *text)
{
  toast (self, adw_toast_new (text));
}

static void
undo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) redo = koc_sync_enqueue_batch_finish (KOC_STORE (source), result, &error);

  self->bulk_busy = FALSE;
  if (redo == NULL)
    {
      toast_text (self, error->message);
      return;
    }
  self->n_bulk_done++;
  toast_text (self, _("Undone"));
  _koc_discover_start_search (self);
}

static void
undo_bulk_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);

  if (self->store == NULL || self->last_undo == NULL || self->bulk_busy)
    return;
  self->bulk_busy = TRUE;
  koc_sync_enqueue_batch_async (self->store, g_steal_pointer (&self->last_undo), NULL,
                                undo_done_cb, g_object_ref (self));
}

static void
bulk_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gpointer out = NULL;
  BulkResult *done;
  AdwToast *undo_toast;

  self->bulk_busy = FALSE;
  if (!koc_store_run_finish (KOC_STORE (source), result, &out, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_text (self, error->message);
      return;
    }
  done = out;
  self->n_bulk_done++;
  if (done->n_edits == 0)
    {
      toast_text (self, _("Nothing to change: the selection is already like that"));
      bulk_result_free (done);
      return;
    }
  g_clear_pointer (&self->last_undo, g_ptr_array_unref);
  self->last_undo = g_steal_pointer (&done->undo);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Changed %u person", "Changed %u people",
                                       done->n_edits), done->n_edits);
  undo_toast = adw_toast_new (text);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_action_name (undo_toast, "discover.undo-bulk");
  toast (self, undo_toast);
  bulk_result_free (done);
  _koc_discover_start_search (self);
}

static void
run_bulk (KocDiscoverPane *self,
          BulkKind         kind,
          const char      *value,
          gint64           campaign_id)
{
  Bulk *bulk;

  if (self->store == NULL || self->bulk_busy)
    return;
  bulk = g_new0 (Bulk, 1);
  bulk->kind = kind;
  bulk->value = g_strdup (value);
  bulk->campaign_id = campaign_id;
  bulk->person_ids = selected_ids (self, TRUE);
  if (bulk->person_ids->len == 0)
    {
      toast_text (self, _("Only accounts linked to a person can be changed"));
      bulk_free (bulk);
      return;
    }
  self->bulk_busy = TRUE;
  koc_store_write_async (self->store, bulk_func, bulk, bulk_free, bulk_result_free, NULL,
                         bulk_done_cb, g_object_ref (self));
}

static void
set_stage_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  run_bulk (user_data, BULK_STAGE, g_variant_get_string (param, NULL), 0);
}

static void
add_tag_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  g_autofree char *tag = g_strstrip (g_strdup (g_variant_get_string (param, NULL)));

  if (*tag != '\0')
    run_bulk (user_data, BULK_TAG, tag, 0);
}

static void
assign_owner_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  g_autofree char *owner = g_strstrip (g_strdup (g_variant_get_string (param, NULL)));

  run_bulk (user_data, BULK_OWNER, *owner != '\0' ? owner : NULL, 0);
}

static void
add_to_campaign_activated (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       user_data)
{
  run_bulk (user_data, BULK_CAMPAIGN, NULL, g_variant_get_int64 (param));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 n = koc_export_selection_finish (KOC_STORE (source), result, &error);
  g_autofree char *text = NULL;

  if (n < 0)
    {
      toast_text (self, error->message);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %lld account", "Exported %lld accounts", n),
                          (long long) n);
  toast_text (self, text);
}

void
_koc_discover_export_selection_to (KocDiscoverPane *self,
                                   const char      *path)
{
  g_autoptr(GArray) ids = selected_ids (self, FALSE);

  if (self->store == NULL || ids->len == 0)
    return;
  koc_export_selection_async (self->store, KOC_EXPORT_SELECTION_ACCOUNTS, (const gint64 *) ids->data,
                              ids->len, KOC_EXPORT_CSV, KOC_EXPORT_EXCEL, path, NULL,
                              export_done_cb, g_object_ref (self));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        _koc_discover_export_selection_to (self, path);
    }
  g_object_unref (dialog);
}

static void
export_selection_activated (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Selection"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the default file name of a Discover export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("koc-selection.csv"));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_profile_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);
  g_autoptr(GtkBitset) selection = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(KocAccountItem) item = NULL;
  const KocAccountHit *hit;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (gtk_bitset_get_size (selection) == 0)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->results), gtk_bitset_get_minimum (selection));
  hit = koc_account_item_get_hit (item);
  /* The People pane's profile, when that pane is there; else the details popover. */
  if (hit->person_id > 0 && GTK_IS_APPLICATION_WINDOW (root) &&
      g_action_group_has_action (G_ACTION_GROUP (root), "show-person"))
    g_action_group_activate_action (G_ACTION_GROUP (root), "show-person", g_variant_new_int64 (hit->person_id));
  else
    _koc_discover_show_details (self, item, GTK_WIDGET (self->column_view));
}

static void ensure_action_bar (KocDiscoverPane *self);

static void
selection_changed_cb (KocDiscoverPane *self)
{
  g_autoptr(GtkBitset) selection = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selection);
  g_autofree char *text = NULL;

  if (n > 0)
    ensure_action_bar (self);
  gtk_revealer_set_reveal_child (self->action_revealer, n > 0);
  if (n == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu selected", "%llu selected", n),
                          (unsigned long long) n);
  gtk_label_set_label (self->selected_label, text);
  gtk_widget_set_visible (self->open_button, n == 1);
  _koc_discover_load_campaigns (self);
}

static gboolean
text_to_target (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_variant (to, g_variant_new_string (text != NULL ? text : ""));
  return TRUE;
}

typedef struct
{
  GArray    *ids;
  GPtrArray *names;
} Campaigns;

static void
campaigns_free (gpointer data)
{
  Campaigns *campaigns = data;

  g_array_unref (campaigns->ids);
  g_ptr_array_unref (campaigns->names);
  g_free (campaigns);
}

static gboolean
load_campaigns_func (sqlite3       *db,
                     gpointer       data,
                     gpointer      *result,
                     GCancellable  *cancellable,
                     GError       **error)
{
  Campaigns *campaigns = g_new0 (Campaigns, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  campaigns->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  campaigns->names = g_ptr_array_new_with_free_func (g_free);
  if (!koc_db_prepare (db, "SELECT c.id, c.name FROM campaigns c WHERE c.status IN ('draft', 'active')"
                           " AND EXISTS (SELECT 1 FROM campaign_stages s WHERE s.campaign_id = c.id)"
                           " ORDER BY c.created_at DESC, c.id DESC LIMIT 30", &stmt, error))
    {
      campaigns_free (campaigns);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (campaigns->ids, id);
      g_ptr_array_add (campaigns->names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      campaigns_free (campaigns);
      return koc_db_set_error (db, rc, _("Could not list the campaigns"), error);
    }
  *result = campaigns;
  return TRUE;
}

static void
campaigns_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer out = NULL;
  Campaigns *campaigns;

  if (!koc_store_run_finish (KOC_STORE (source), result, &out, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the campaigns: %s", error->message);
      return;
    }
  campaigns = out;
  g_menu_remove_all (self->campaign_menu);
  for (guint i = 0; i < campaigns->ids->len; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (campaigns->names->pdata[i], NULL);

      g_menu_item_set_action_and_target (item, "discover.add-to-campaign", "x",
                                         g_array_index (campaigns->ids, gint64, i));
      g_menu_append_item (self->campaign_menu, item);
    }
  gtk_widget_set_sensitive (self->campaign_button, campaigns->ids->len > 0);
  gtk_widget_set_tooltip_text (self->campaign_button, campaigns->ids->len > 0 ? NULL
                               : _("No draft or active campaign with a board yet"));
  campaigns_free (campaigns);
}

void
_koc_discover_load_campaigns (KocDiscoverPane *self)
{
  if (self->store == NULL)
    return;
  koc_store_run_async (self->store, load_campaigns_func, NULL, NULL, campaigns_free,
                       self->store_cancellable, campaigns_loaded_cb, g_object_ref (self));
}

static GtkWidget *
entry_popover (KocDiscoverPane *self,
               const char      *placeholder,
               const char      *button_label,
               const char      *action)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);
  GtkWidget *popover = gtk_popover_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  /* The button's target follows the text. */
  g_object_bind_property_full (entry, "text", button, "action-target", G_BINDING_SYNC_CREATE,
                               text_to_target, NULL, NULL, NULL);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), button);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_popover_popdown), popover);
  return popover;
}

/* The bar of actions on the selection, built the first time something is selected: the
 * first frame never shows it (~2 ms of start-up for its menus and popovers). */
static void
ensure_action_bar (KocDiscoverPane *self)
{
  static const char * const stages[] = {
    "discovered", "engaged", "advocate", "ambassador", "dormant", "detractor",
  };
  g_autoptr(GMenu) stage_menu = NULL;
  GtkWidget *bar;
  GtkWidget *button;

  if (gtk_revealer_get_child (self->action_revealer) != NULL)
    return;

  bar = gtk_action_bar_new ();
  self->selected_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->selected_label), "numeric");
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), GTK_WIDGET (self->selected_label));

  stage_menu = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (koc_format_stage_name (stages[i]), NULL);

      g_menu_item_set_action_and_target (item, "discover.set-stage", "s", stages[i]);
      g_menu_append_item (stage_menu, item);
    }
  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Set Stage"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (stage_menu));
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), button);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Tag"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button),
                               entry_popover (self, _("Tag name"), _("_Add"), "discover.add-tag"));
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), button);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Owner"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button),
                               entry_popover (self, _("Owner (empty: nobody)"), _("_Assign"),
                                              "discover.assign-owner"));
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), button);

  self->campaign_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->campaign_button), _("Add to Campaign"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->campaign_button), G_MENU_MODEL (self->campaign_menu));
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), self->campaign_button);

  self->open_button = gtk_button_new_with_mnemonic (_("_Open Profile"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "discover.open-profile");
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), self->open_button);
  button = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "discover.export-selection");
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), button);

  gtk_revealer_set_child (self->action_revealer, bar);
}

void
_koc_discover_actions_init (KocDiscoverPane *self)
{
  static const GActionEntry entries[] = {
    { "set-stage", set_stage_activated, "s" },
    { "add-tag", add_tag_activated, "s" },
    { "assign-owner", assign_owner_activated, "s" },
    { "add-to-campaign", add_to_campaign_activated, "x" },
    { "export-selection", export_selection_activated },
    { "open-profile", open_profile_activated },
    { "undo-bulk", undo_bulk_activated },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);

  self->campaign_menu = g_menu_new ();
  self->action_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->action_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->stack))),
                              GTK_WIDGET (self->action_revealer), GTK_WIDGET (self->stack));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
}
