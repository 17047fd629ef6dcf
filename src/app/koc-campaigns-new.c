/* koc-campaigns-new.c: the New Campaign dialog (a name; the board gets the default
 * stages, editable later). The new campaign and its stages go through the outbox.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaigns-edits.h"
#include "koc-campaigns-pane-private.h"

static gboolean
create_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  const char *kinds[] = { "seeding", NULL };
  KocCampaignSpec spec = { .name = data, .incentive_kinds = kinds, .budget_cents = 0 };
  gint64 id = koc_campaigns_create_synced (db, &spec, error);

  *result = g_memdup2 (&id, sizeof id);
  return id != 0;
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KocCampaignsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = NULL;

  _koc_campaigns_busy_changed (self, -1);
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *)&id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (KOC_STORE (source) == self->store)
    _koc_campaigns_created (self, *id);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             KocCampaignsPane *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "create") != 0 || *name == '\0' || self->store == NULL)
    return;
  _koc_campaigns_busy_changed (self, 1);
  koc_store_write_async (self->store, create_func, g_steal_pointer (&name), g_free, g_free, NULL,
                         created_cb, g_object_ref (self));
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", *name != '\0');
}

void
_koc_campaigns_new_campaign (KocCampaignsPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *entry;

  if (self->store == NULL || koc_store_is_read_only (self->store))
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("New Campaign"),
                                   _("The board starts with the stages Shortlisted, Contacted, Accepted, Seeded/Invited, Posted and Rewarded."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Campaign name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Campaign name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
