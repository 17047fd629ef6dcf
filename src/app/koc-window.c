/* koc-window.c: the main window: four panes, header bar, window state.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-import-actions.h"
#include "koc-window-private.h"

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (KocWindow, koc_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
show_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KocWindow *self = KOC_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Opens the People pane on a person (Discover, Campaigns…): "win.show-person" with
 * the person's id. */
static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KocWindow *self = KOC_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "people");
  koc_people_pane_show_person (_koc_window_get_people_pane (self), g_variant_get_int64 (param));
}

/* The keyboard shortcuts window, built when first asked for (GtkApplication would build
 * it with every window, ~11 ms of start-up before the first frame). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *self = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (self);

  /* Set as the window's help overlay, it shows the accelerators of its action-names. */
  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/koc-help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (self, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* The menu buttons' popovers and the narrow-window switcher bar are built when first
 * needed: at start-up they cost the UI thread ~4 ms (two popover menus, four more
 * switcher buttons) for a first frame that shows none of them. */
static void
create_menu_popover_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

static void
switcher_bar_revealed_cb (KocWindow *self)
{
  if (adw_view_switcher_bar_get_reveal (self->switcher_bar) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

static void
title_visible_cb (KocWindow *self)
{
  koc_discover_pane_set_compact (self->discover_pane,
                                 adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
koc_window_constructed (GObject *object)
{
  KocWindow *self = (KocWindow *)object;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (koc_window_parent_class)->constructed (object);

  if (app != NULL && KOC_IS_APPLICATION (app))
    self->settings = g_object_ref (koc_application_get_settings (KOC_APPLICATION (app)));
  else
    self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "visible-pane", self->view_stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);

  /* Sync: one engine per open workspace, the indicator, the "sync" actions. */
  self->sync = koc_sync_controller_new (GTK_WINDOW (self), self->settings,
                                        self->sync_indicator, self->toast_overlay);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "sync",
                                  koc_sync_controller_get_actions (self->sync));
  g_signal_connect_object (self->sync, "synced", G_CALLBACK (_koc_window_synced), self,
                           G_CONNECT_SWAPPED);

  /* Narrow windows (phones, tiled halves) keep only the sync icon, and a compact
   * Discover toolbar. */
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->sync_indicator, "compact", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);

  _koc_window_panes_init (self);
  _koc_window_workspaces_start (self);
}

static void
koc_window_dispose (GObject *object)
{
  KocWindow *self = (KocWindow *)object;

  g_cancellable_cancel (self->cancellable);
  _koc_window_workspaces_dispose (self);
  if (self->sync != NULL)
    koc_sync_controller_shutdown (self->sync);
  g_clear_object (&self->sync);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_WINDOW);
  /* Built on demand into their pages, which owned them. */
  self->people_pane = NULL;
  self->keywords_pane = NULL;
  self->campaigns_pane = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (koc_window_parent_class)->dispose (object);
}

static void
koc_window_finalize (GObject *object)
{
  KocWindow *self = (KocWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->workspace_name, g_free);
  g_clear_pointer (&self->workspace_dir, g_free);
  g_clear_pointer (&self->workspace_names, g_strfreev);

  G_OBJECT_CLASS (koc_window_parent_class)->finalize (object);
}

static void
koc_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KocWindow *self = KOC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_string (value, self->workspace_name != NULL ? self->workspace_name : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koc_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KocWindow *self = KOC_WINDOW (object);
  const char *name;

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      /* Opening is asynchronous: the property changes (and notifies) once it is open. */
      name = g_value_get_string (value);
      if (name != NULL && *name != '\0' && self->workspace_dir != NULL)
        _koc_window_open_workspace (self, name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koc_window_class_init (KocWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = koc_window_constructed;
  object_class->dispose = koc_window_dispose;
  object_class->finalize = koc_window_finalize;
  object_class->get_property = koc_window_get_property;
  object_class->set_property = koc_window_set_property;

  /* The workspace switcher's radio menu is the property action "win.open-workspace". */
  properties[PROP_WORKSPACE] =
    g_param_spec_string ("workspace", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KOC_TYPE_SYNC_INDICATOR);
  g_type_ensure (KOC_TYPE_DISCOVER_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KocWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, workspace_button);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, workspace_menu);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, switcher_bar_revealed_cb);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, workspace_label);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, workspaces_section);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, discover_pane);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, keywords_page);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, campaigns_page);

  gtk_widget_class_install_action (widget_class, "win.show-pane", "s", show_pane_action);
  gtk_widget_class_install_action (widget_class, "win.show-person", "x", show_person_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  _koc_window_workspaces_class_init (widget_class);
  _koc_window_import_class_init (widget_class);
}

static void
koc_window_init (KocWindow *self)
{
  self->cancellable = g_cancellable_new ();
  /* The workspaces are listed while the template builds (koc-window-workspaces.c). */
  _koc_window_workspaces_prefetch (self);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->workspace_button, create_menu_popover_cb,
                                         self->workspace_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_popover_cb,
                                         self->primary_menu, NULL);
}

KocWindow *
koc_window_new (KocApplication *application)
{
  return g_object_new (KOC_TYPE_WINDOW, "application", application, NULL);
}

const char *
koc_window_get_workspace_name (KocWindow *self)
{
  g_return_val_if_fail (KOC_IS_WINDOW (self), NULL);

  return self->store != NULL ? self->workspace_name : NULL;
}

KocSyncController *
koc_window_get_sync_controller (KocWindow *self)
{
  g_return_val_if_fail (KOC_IS_WINDOW (self), NULL);

  return self->sync;
}

KocStore *
koc_window_get_store (KocWindow *self)
{
  g_return_val_if_fail (KOC_IS_WINDOW (self), NULL);

  return self->store;
}
