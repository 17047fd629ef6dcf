/* koc-application.c: the AdwApplication: app actions, accelerators, appearance.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-about.h"
#include "koc-application.h"
#include "koc-preferences-window.h"
#include "koc-window.h"

struct _KocApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (KocApplication, koc_application, ADW_TYPE_APPLICATION)

static void
apply_color_scheme (KocApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
color_scheme_changed_cb (KocApplication *self)
{
  apply_color_scheme (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  KocApplication *self = user_data;

  /* Closing each window saves its size and state before the process exits. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; )
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  KocApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (koc_about_window_new (parent));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  KocApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  KocPreferencesWindow *prefs = koc_preferences_window_new (self->settings);

  /* Its radio buttons use app.color-scheme, so it must belong to the application. */
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
koc_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", quit_action },
    { "about", about_action },
    { "preferences", preferences_action },
  };
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new-workspace", { "<Control><Shift>n", NULL } },
    { "win.import-people", { "<Control>i", NULL } },
    { "win.show-pane::discover", { "<Alt>1", NULL } },
    { "win.show-pane::people", { "<Alt>2", NULL } },
    { "win.show-pane::keywords", { "<Alt>3", NULL } },
    { "win.show-pane::campaigns", { "<Alt>4", NULL } },
    { "discover.focus-search", { "<Control>f", NULL } },
    { "sync.now", { "<Control>r", NULL } },
    { "discover.toggle-filters", { "F9", NULL } },
  };
  KocApplication *self = KOC_APPLICATION (app);
  g_autoptr(GAction) color_scheme = NULL;

  G_APPLICATION_CLASS (koc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  /* The Preferences radio buttons use this action; the settings key is the truth. */
  color_scheme = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (self), color_scheme);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static void
koc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (koc_window_new (KOC_APPLICATION (app)));

  gtk_window_present (window);
}

static void
koc_application_dispose (GObject *object)
{
  KocApplication *self = (KocApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (koc_application_parent_class)->dispose (object);
}

static void
koc_application_class_init (KocApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = koc_application_dispose;
  app_class->startup = koc_application_startup;
  app_class->activate = koc_application_activate;
}

static void
koc_application_init (KocApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

KocApplication *
koc_application_new (GApplicationFlags flags)
{
  return g_object_new (KOC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
koc_application_get_settings (KocApplication *self)
{
  g_return_val_if_fail (KOC_IS_APPLICATION (self), NULL);

  return self->settings;
}
