/* koc-preferences-window.c: sync server (address; Sign In… opens the window's sign-in
 * dialog, which checks the token and keeps it in the keyring) and appearance.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-preferences-window.h"
#include "koc-score-preferences.h"

struct _KocPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template children */
  AdwEntryRow          *server_url_row;
};

G_DEFINE_FINAL_TYPE (KocPreferencesWindow, koc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

gboolean
koc_preferences_validate_server_url (const char  *text,
                                     GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL || *text == '\0')
    return TRUE; /* Empty: local workspaces only. */

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address. Enter one like https://koc.example.com."), text);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The address must start with https:// (or http:// for a server on this computer)."));
      return FALSE;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The address has no server name. Enter one like https://koc.example.com."));
      return FALSE;
    }

  return TRUE;
}

static void
server_url_applied_cb (KocPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_url_row))));
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!koc_preferences_validate_server_url (text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->server_url_row), "error");
      toast = adw_toast_new (error->message);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->server_url_row), "error");
  g_settings_set_string (self->settings, "server-url", text);
  toast = adw_toast_new (*text != '\0' ? _("Sync server saved") : _("Workspaces are now local only"));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Sign-in belongs to the window's open workspace: its "sync" actions do it. */
static void
sign_in_clicked_cb (KocPreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent == NULL)
    return;
  gtk_window_close (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (parent), "sync.sign-in", NULL);
}

static void
server_url_changed_cb (KocPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->server_url_row), "error");
}

static void
koc_preferences_window_dispose (GObject *object)
{
  KocPreferencesWindow *self = (KocPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (koc_preferences_window_parent_class)->dispose (object);
}

static void
koc_preferences_window_class_init (KocPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KocPreferencesWindow, server_url_row);
  gtk_widget_class_bind_template_callback (widget_class, server_url_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
}

static void
koc_preferences_window_init (KocPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KocPreferencesWindow *
koc_preferences_window_new (GSettings *settings)
{
  KocPreferencesWindow *self;
  g_autofree char *url = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KOC_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  url = g_settings_get_string (settings, "server-url");
  g_signal_handlers_block_by_func (self->server_url_row, server_url_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->server_url_row), url);
  g_signal_handlers_unblock_by_func (self->server_url_row, server_url_changed_cb, self);
  koc_score_preferences_add (ADW_PREFERENCES_WINDOW (self));

  return self;
}
