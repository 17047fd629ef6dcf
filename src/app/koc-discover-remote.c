/* koc-discover-remote.c: the Discover toolbar's "Search on Server" button (and the same
 * on the no-results page).
 *
 * Shown only while the workspace is signed in to a server (the window's
 * KocSyncController has an engine); while the engine is offline or refused its token
 * the button stays, with a tooltip that says why, and the dialog says it again. The
 * dialog (koc-remote-search-dialog.c) searches GET /v1/search for the pane's text and
 * saves the checked accounts; then the pane searches again and a toast tells how many
 * accounts were added.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-pane-private.h"
#include "koc-remote-search-dialog.h"
#include "koc-window.h"

static KocSyncEngine *
pane_engine (KocDiscoverPane *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), KOC_TYPE_WINDOW);
  KocSyncController *controller;

  if (window == NULL || self->store == NULL ||
      (controller = koc_window_get_sync_controller (KOC_WINDOW (window))) == NULL)
    return NULL;
  return koc_sync_controller_get_engine (controller);
}

void
_koc_discover_remote_update (KocDiscoverPane *self)
{
  KocSyncEngine *engine = pane_engine (self);
  KocSyncEngineState state;

  gtk_widget_set_visible (self->remote_button, engine != NULL);
  gtk_widget_set_visible (self->remote_suggestion, engine != NULL);
  if (engine == NULL)
    return;
  state = koc_sync_engine_get_state (engine);
  if (state == KOC_SYNC_ENGINE_OFFLINE)
    gtk_widget_set_tooltip_text (self->remote_button,
                                 _("You are offline: the server cannot be searched until the network is back"));
  else if (state == KOC_SYNC_ENGINE_ERROR && koc_sync_engine_get_error_message (engine) != NULL)
    gtk_widget_set_tooltip_text (self->remote_button, koc_sync_engine_get_error_message (engine));
  else
    gtk_widget_set_tooltip_text (self->remote_button,
                                 _("Find accounts on the workspace’s server that are not on this device yet"));
}

static void
saved_cb (KocDiscoverPane       *self,
          guint                  saved,
          KocRemoteSearchDialog *dialog)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u account saved to the workspace",
                                                        "%u accounts saved to the workspace",
                                                        saved), saved);

  self->n_remote_saved += saved;
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  _koc_discover_start_search (self);
}

static void
remote_clicked_cb (KocDiscoverPane *self)
{
  KocSyncEngine *engine = pane_engine (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  KocRemoteSearchDialog *dialog;

  if (engine == NULL)
    return;
  dialog = koc_remote_search_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, engine,
                                         self->store,
                                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_koc_discover_remote_init (KocDiscoverPane *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "network-server-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Search on Server"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_visible (button, FALSE);
  gtk_box_insert_child_after (GTK_BOX (self->toolbar), button, GTK_WIDGET (self->recommend_button));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (remote_clicked_cb), self);
  self->remote_button = button;

  /* No result here: the no-results page offers the server too. */
  g_object_ref (self->reset_button);
  adw_status_page_set_child (self->no_results_page, box);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->reset_button);
  g_object_unref (self->reset_button);
  self->remote_suggestion = gtk_button_new_with_label (_("Search on Server"));
  gtk_widget_add_css_class (self->remote_suggestion, "pill");
  gtk_widget_set_visible (self->remote_suggestion, FALSE);
  gtk_box_append (GTK_BOX (box), self->remote_suggestion);
  g_signal_connect_swapped (self->remote_suggestion, "clicked", G_CALLBACK (remote_clicked_cb), self);
}
