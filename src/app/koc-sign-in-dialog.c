/* koc-sign-in-dialog.c: sign-in to a sync server. The address is checked for form
 * (koc_preferences_validate_server_url), then address and token together with one real
 * request (koc_sync_check_async); only an accepted pair leaves the dialog, through
 * "signed-in". The token is never shown in clear unless the user asks, never logged.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koc-preferences-window.h"
#include "koc-sign-in-dialog.h"
#include "koc-sync-check.h"
#include "koc-sync-engine.h"

struct _KocSignInDialog
{
  AdwWindow             parent_instance;

  GCancellable         *cancellable;
  char                 *server;   /* the address being checked */

  /* Template children */
  GtkWidget            *sign_in_button;
  GtkSpinner           *spinner;
  AdwPreferencesGroup  *group;
  AdwEntryRow          *server_row;
  AdwPasswordEntryRow  *token_row;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (KocSignInDialog, koc_sign_in_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (KocSignInDialog *self,
          gboolean         busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), !busy);
  gtk_widget_set_sensitive (self->sign_in_button, !busy);
}

static void
show_error (KocSignInDialog *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
fields_changed_cb (KocSignInDialog *self)
{
  const char *server = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  gtk_widget_set_sensitive (self->sign_in_button, *server != '\0' && *token != '\0' &&
                            !gtk_spinner_get_spinning (self->spinner));
  gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->token_row), "error");
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KocSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (!koc_sync_check_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error->message);
      gtk_widget_add_css_class (g_error_matches (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNAUTHORIZED)
                                ? GTK_WIDGET (self->token_row) : GTK_WIDGET (self->server_row),
                                "error");
      return;
    }

  set_busy (self, FALSE);
  token = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
  g_strstrip (token);
  g_signal_emit (self, signals[SIGNED_IN], 0, self->server, token);
  memset (token, 0, strlen (token));
  gtk_window_close (GTK_WINDOW (self));
}

static void
sign_in_clicked_cb (KocSignInDialog *self)
{
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));

  if (!gtk_widget_get_sensitive (self->sign_in_button))
    return;

  if (*server == '\0' || !koc_preferences_validate_server_url (server, &error))
    {
      show_error (self, error != NULL ? error->message : _("Enter the address of your KOC Desk server."));
      gtk_widget_add_css_class (GTK_WIDGET (self->server_row), "error");
      return;
    }
  /* The API lives under v1/ of the address: make it a folder. */
  if (!g_str_has_suffix (server, "/"))
    {
      char *folder = g_strconcat (server, "/", NULL);
      g_free (server);
      server = folder;
    }

  token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));
  show_error (self, NULL);
  set_busy (self, TRUE);
  g_free (self->server);
  self->server = g_steal_pointer (&server);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  koc_sync_check_async (self->server, token, self->cancellable, checked_cb, g_object_ref (self));
  memset (token, 0, strlen (token));
}

static void
koc_sign_in_dialog_dispose (GObject *object)
{
  KocSignInDialog *self = KOC_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_SIGN_IN_DIALOG);

  G_OBJECT_CLASS (koc_sign_in_dialog_parent_class)->dispose (object);
}

static void
koc_sign_in_dialog_finalize (GObject *object)
{
  KocSignInDialog *self = KOC_SIGN_IN_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->server, g_free);

  G_OBJECT_CLASS (koc_sign_in_dialog_parent_class)->finalize (object);
}

static void
koc_sign_in_dialog_class_init (KocSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_sign_in_dialog_dispose;
  object_class->finalize = koc_sign_in_dialog_finalize;

  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KocSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, KocSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KocSignInDialog, group);
  gtk_widget_class_bind_template_child (widget_class, KocSignInDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, KocSignInDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, KocSignInDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
koc_sign_in_dialog_init (KocSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KocSignInDialog *
koc_sign_in_dialog_new (GtkWindow  *parent,
                        const char *server_url,
                        const char *workspace)
{
  KocSignInDialog *self = g_object_new (KOC_TYPE_SIGN_IN_DIALOG, "transient-for", parent, NULL);
  g_autofree char *description =
    /* Translators: %s is a workspace name. */
    g_strdup_printf (_("Enter the server address and the access token for “%s”. Ask your server’s administrator for them. The token is kept in the keyring."),
                     workspace != NULL ? workspace : "");

  adw_preferences_group_set_description (self->group, description);
  if (server_url != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->server_row), server_url);
  gtk_widget_grab_focus (server_url != NULL && *server_url != '\0'
                         ? GTK_WIDGET (self->token_row) : GTK_WIDGET (self->server_row));
  return self;
}

void
koc_sign_in_dialog_submit (KocSignInDialog *self,
                           const char      *server_url,
                           const char      *token)
{
  g_return_if_fail (KOC_IS_SIGN_IN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server_url);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
  sign_in_clicked_cb (self);
}

gboolean
koc_sign_in_dialog_is_busy (KocSignInDialog *self)
{
  g_return_val_if_fail (KOC_IS_SIGN_IN_DIALOG (self), FALSE);

  return gtk_spinner_get_spinning (self->spinner);
}

const char *
koc_sign_in_dialog_get_error (KocSignInDialog *self)
{
  g_return_val_if_fail (KOC_IS_SIGN_IN_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_label (self->error_label) : NULL;
}
