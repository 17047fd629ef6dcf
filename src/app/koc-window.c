/* koc-window.c: the main window: four panes, header bar, window state.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-window-private.h"

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (KocWindow, koc_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
update_sync_state (KocWindow *self)
{
  g_autofree char *server = g_settings_get_string (self->settings, "server-url");
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  if (*server == '\0')
    {
      koc_sync_indicator_set_detail (self->sync_indicator, NULL);
      koc_sync_indicator_set_state (self->sync_indicator, KOC_SYNC_STATE_LOCAL);
    }
  else if (!g_network_monitor_get_network_available (monitor))
    {
      koc_sync_indicator_set_detail (self->sync_indicator, NULL);
      koc_sync_indicator_set_state (self->sync_indicator, KOC_SYNC_STATE_OFFLINE);
    }
  else
    {
      /* Honest until the sync engine lands: nothing is sent anywhere yet. */
      g_autofree char *detail =
        g_strdup_printf (_("Syncing with %s is not available in this version yet. Everything you do is kept on this computer."),
                         server);
      koc_sync_indicator_set_detail (self->sync_indicator, detail);
      koc_sync_indicator_set_state (self->sync_indicator, KOC_SYNC_STATE_ERROR);
    }
}

/* @format is a translated plural form with one %s for the grouped number. */
static void
set_count_title (AdwStatusPage *page,
                 gint64         count,
                 const char    *format)
{
  g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, count);
  g_autofree char *title = NULL;

  /* The format comes from ngettext, so it cannot be a literal here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  title = g_strdup_printf (format, number);
#pragma GCC diagnostic pop

  adw_status_page_set_title (page, title);
}

static void
summary_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KocWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  KocStoreSummary summary = { 0 };

  if (!koc_store_get_summary_finish (KOC_STORE (source), result, &summary, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _koc_window_show_error (self, _("Could Not Read the Workspace"), error);
      return;
    }

  if (KOC_STORE (source) != self->store)
    return; /* Another workspace was opened meanwhile. */

  /* Discover shows the accounts themselves; the other panes' real views arrive with
   * their own issues, and until then each empty state says what the workspace holds. */
  if (summary.n_people > 0)
    set_count_title (self->people_page, summary.n_people,
                     g_dngettext (GETTEXT_PACKAGE, "%s Person in This Workspace", "%s People in This Workspace", summary.n_people));
  if (summary.n_posts > 0)
    set_count_title (self->keywords_page, summary.n_posts,
                     g_dngettext (GETTEXT_PACKAGE, "%s Post in This Workspace", "%s Posts in This Workspace", summary.n_posts));
  if (summary.n_campaigns > 0)
    set_count_title (self->campaigns_page, summary.n_campaigns,
                     g_dngettext (GETTEXT_PACKAGE, "%s Campaign in This Workspace", "%s Campaigns in This Workspace", summary.n_campaigns));
}

static void
reset_pages (KocWindow *self)
{
  adw_status_page_set_title (self->people_page, _("No People Yet"));
  adw_status_page_set_title (self->keywords_page, _("No Posts to Analyse Yet"));
  adw_status_page_set_title (self->campaigns_page, _("No Campaigns Yet"));
}

void
_koc_window_workspace_opened (KocWindow *self)
{
  gtk_label_set_label (self->workspace_label, self->workspace_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->workspace_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->workspace_name, -1);
  reset_pages (self);
  koc_discover_pane_set_store (self->discover_pane, self->store);
  koc_store_get_summary_async (self->store, self->cancellable, summary_ready_cb, g_object_ref (self));
}

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

  g_signal_connect_object (self->settings, "changed::server-url",
                           G_CALLBACK (update_sync_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (g_network_monitor_get_default (), "notify::network-available",
                           G_CALLBACK (update_sync_state), self, G_CONNECT_SWAPPED);
  update_sync_state (self);

  /* Narrow windows (phones, tiled halves) keep only the sync icon. */
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->sync_indicator, "compact", G_BINDING_SYNC_CREATE);

  _koc_window_workspaces_start (self);
}

static void
koc_window_dispose (GObject *object)
{
  KocWindow *self = (KocWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_WINDOW);
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
  gtk_widget_class_bind_template_child (widget_class, KocWindow, workspace_label);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, workspaces_section);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, discover_pane);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, keywords_page);
  gtk_widget_class_bind_template_child (widget_class, KocWindow, campaigns_page);

  gtk_widget_class_install_action (widget_class, "win.show-pane", "s", show_pane_action);
  _koc_window_workspaces_class_init (widget_class);
}

static void
koc_window_init (KocWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
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
