/* koc-sync-indicator.c: the header bar's sync status.
 *
 * KocSyncController (koc-sync-controller.c) drives it from the workspace's KocSyncEngine:
 * Local (not signed in), Offline, Syncing with progress, Synced at HH:MM, or an error
 * that says what to do. Clicking it explains the state and offers Sync Now, Sign In /
 * Sign Out and, when there are any, the conflicts (the "sync" action group).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-sync-indicator.h"

struct _KocSyncIndicator
{
  GtkWidget     parent_instance;

  KocSyncState  state;
  GDateTime    *last_synced;
  char         *detail;
  char         *server;
  gboolean      signed_in;
  guint         n_conflicts;
  gint64        items;
  double        rate;

  /* Template children */
  GtkMenuButton *button;
  GtkStack      *icon_stack;
  GtkImage      *icon;
  GtkSpinner    *spinner;
  GtkLabel      *label;
  GtkLabel      *popover_title;
  GtkLabel      *popover_detail;
  GtkPopover    *popover;
  GtkButton     *conflicts_button;
  GtkWidget     *sign_in_button;
  GtkWidget     *sign_out_button;
  GtkWidget     *sync_now_button;
};

enum {
  PROP_0,
  PROP_STATE,
  PROP_COMPACT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (KocSyncIndicator, koc_sync_indicator, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

GType
koc_sync_state_get_type (void)
{
  static gsize type_id = 0;
  static const GEnumValue values[] = {
    { KOC_SYNC_STATE_LOCAL, "KOC_SYNC_STATE_LOCAL", "local" },
    { KOC_SYNC_STATE_OFFLINE, "KOC_SYNC_STATE_OFFLINE", "offline" },
    { KOC_SYNC_STATE_SYNCING, "KOC_SYNC_STATE_SYNCING", "syncing" },
    { KOC_SYNC_STATE_SYNCED, "KOC_SYNC_STATE_SYNCED", "synced" },
    { KOC_SYNC_STATE_ERROR, "KOC_SYNC_STATE_ERROR", "error" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("KocSyncState", values));

  return type_id;
}

static void
update (KocSyncIndicator *self)
{
  const char *icon_name = NULL;
  const char *title = NULL;
  g_autofree char *label = NULL;
  g_autofree char *detail = NULL;

  switch (self->state)
    {
    case KOC_SYNC_STATE_LOCAL:
      icon_name = "computer-symbolic";
      label = g_strdup (_("Local"));
      title = _("Local Workspace");
      detail = g_strdup (_("This workspace is kept on this computer only. To share it with your team, sign in to a KOC Desk server."));
      break;

    case KOC_SYNC_STATE_OFFLINE:
      icon_name = "network-offline-symbolic";
      label = g_strdup (_("Offline"));
      title = _("Offline");
      detail = g_strdup (_("The network is unavailable. You can keep working: changes are kept on this computer and sent when you are back online."));
      break;

    case KOC_SYNC_STATE_SYNCING:
      title = _("Syncing");
      if (self->items > 0)
        {
          g_autofree char *items = g_strdup_printf ("%'lld", (long long) self->items);
          g_autofree char *rate = g_strdup_printf ("%'.0f", self->rate);

          /* Translators: %s is a number of changes, e.g. 1,200. */
          label = g_strdup_printf (_("Syncing %s…"), items);
          /* Translators: the first %s is a number of changes, the second a rate, e.g. "1,200 changes so far, 850 per second." */
          detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s change so far, %s per second.",
                                                 "%s changes so far, %s per second.", self->items),
                                    items, rate);
        }
      else
        {
          label = g_strdup (_("Syncing…"));
          detail = g_strdup (_("Exchanging changes with the server."));
        }
      break;

    case KOC_SYNC_STATE_SYNCED:
      icon_name = "emblem-synchronizing-symbolic";
      if (self->last_synced != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (self->last_synced);
          g_autofree char *time = g_date_time_format (local, "%H:%M");
          /* Translators: %s is a time such as 14:05. */
          label = g_strdup_printf (_("Synced at %s"), time);
        }
      else
        label = g_strdup (_("Synced"));
      title = _("Up to Date");
      if (self->server != NULL)
        /* Translators: %s is a server address. */
        detail = g_strdup_printf (_("All changes are on %s."), self->server);
      else
        detail = g_strdup (_("All changes are on the server."));
      break;

    case KOC_SYNC_STATE_ERROR:
      icon_name = "dialog-warning-symbolic";
      label = g_strdup (_("Not Synced"));
      title = _("Sync Failed");
      detail = g_strdup (_("Changes are kept on this computer and will be sent on the next attempt."));
      break;

    default:
      g_assert_not_reached ();
    }

  if (icon_name != NULL)
    {
      gtk_image_set_from_icon_name (self->icon, icon_name);
      gtk_stack_set_visible_child_name (self->icon_stack, "icon");
    }
  else
    gtk_stack_set_visible_child_name (self->icon_stack, "spinner");

  gtk_spinner_set_spinning (self->spinner, self->state == KOC_SYNC_STATE_SYNCING);
  gtk_label_set_label (self->label, label);
  gtk_label_set_label (self->popover_title, title);
  gtk_widget_set_visible (self->sign_in_button, !self->signed_in);
  gtk_widget_set_visible (self->sign_out_button, self->signed_in);
  gtk_widget_set_visible (self->sync_now_button, self->signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_button), self->n_conflicts > 0);
  if (self->n_conflicts > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Resolve %u Conflict…", "Resolve %u Conflicts…", self->n_conflicts),
                         self->n_conflicts);
      gtk_button_set_label (self->conflicts_button, text);
    }
  gtk_label_set_label (self->popover_detail, self->detail != NULL ? self->detail : detail);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->detail != NULL ? self->detail : detail,
                                  -1);
}

static void
koc_sync_indicator_dispose (GObject *object)
{
  KocSyncIndicator *self = (KocSyncIndicator *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_SYNC_INDICATOR);

  G_OBJECT_CLASS (koc_sync_indicator_parent_class)->dispose (object);
}

static void
koc_sync_indicator_finalize (GObject *object)
{
  KocSyncIndicator *self = (KocSyncIndicator *)object;

  g_clear_pointer (&self->last_synced, g_date_time_unref);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->server, g_free);

  G_OBJECT_CLASS (koc_sync_indicator_parent_class)->finalize (object);
}

static void
koc_sync_indicator_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KocSyncIndicator *self = KOC_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, !gtk_widget_get_visible (GTK_WIDGET (self->label)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koc_sync_indicator_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KocSyncIndicator *self = KOC_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_STATE:
      koc_sync_indicator_set_state (self, g_value_get_enum (value));
      break;

    case PROP_COMPACT:
      if (gtk_widget_get_visible (GTK_WIDGET (self->label)) == g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->label), !g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koc_sync_indicator_class_init (KocSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_sync_indicator_dispose;
  object_class->finalize = koc_sync_indicator_finalize;
  object_class->get_property = koc_sync_indicator_get_property;
  object_class->set_property = koc_sync_indicator_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       KOC_TYPE_SYNC_STATE, KOC_SYNC_STATE_LOCAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Compact: icon only (the text stays in the tooltip and the accessible label). */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "syncindicator");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, label);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, popover_title);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, popover_detail);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, KocSyncIndicator, sync_now_button);
}

static void
koc_sync_indicator_init (KocSyncIndicator *self)
{
  GtkWidget *buttons[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  buttons[0] = GTK_WIDGET (self->conflicts_button);
  buttons[1] = self->sign_in_button;
  buttons[2] = self->sign_out_button;
  buttons[3] = self->sync_now_button;
  /* Each button's action opens something else: the popover goes away first. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_signal_connect_object (buttons[i], "clicked", G_CALLBACK (gtk_popover_popdown),
                             self->popover, G_CONNECT_SWAPPED);
  update (self);
}

KocSyncState
koc_sync_indicator_get_state (KocSyncIndicator *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_INDICATOR (self), KOC_SYNC_STATE_LOCAL);

  return self->state;
}

void
koc_sync_indicator_set_state (KocSyncIndicator *self,
                              KocSyncState      state)
{
  g_return_if_fail (KOC_IS_SYNC_INDICATOR (self));

  if (self->state == state)
    return;

  self->state = state;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
koc_sync_indicator_set_last_synced (KocSyncIndicator *self,
                                    GDateTime        *when)
{
  g_return_if_fail (KOC_IS_SYNC_INDICATOR (self));

  g_clear_pointer (&self->last_synced, g_date_time_unref);
  if (when != NULL)
    self->last_synced = g_date_time_ref (when);
  update (self);
}

void
koc_sync_indicator_set_detail (KocSyncIndicator *self,
                               const char       *detail)
{
  g_return_if_fail (KOC_IS_SYNC_INDICATOR (self));

  g_free (self->detail);
  self->detail = g_strdup (detail);
  update (self);
}

const char *
koc_sync_indicator_get_label (KocSyncIndicator *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_INDICATOR (self), NULL);

  return gtk_label_get_label (self->label);
}

void
koc_sync_indicator_set_progress (KocSyncIndicator *self,
                                 gint64            items,
                                 double            rate)
{
  g_return_if_fail (KOC_IS_SYNC_INDICATOR (self));

  self->items = items;
  self->rate = rate;
  if (self->state == KOC_SYNC_STATE_SYNCING)
    update (self);
}

void
koc_sync_indicator_set_account (KocSyncIndicator *self,
                                gboolean          signed_in,
                                const char       *server)
{
  g_return_if_fail (KOC_IS_SYNC_INDICATOR (self));

  self->signed_in = signed_in;
  g_free (self->server);
  self->server = g_strdup (server);
  update (self);
}

void
koc_sync_indicator_set_conflicts (KocSyncIndicator *self,
                                  guint             n_conflicts)
{
  g_return_if_fail (KOC_IS_SYNC_INDICATOR (self));

  self->n_conflicts = n_conflicts;
  update (self);
}

guint
koc_sync_indicator_get_conflicts (KocSyncIndicator *self)
{
  g_return_val_if_fail (KOC_IS_SYNC_INDICATOR (self), 0);

  return self->n_conflicts;
}

void
koc_sync_indicator_popup (KocSyncIndicator *self)
{
  g_return_if_fail (KOC_IS_SYNC_INDICATOR (self));

  gtk_menu_button_popup (self->button);
}

void
koc_sync_indicator_popdown (KocSyncIndicator *self)
{
  g_return_if_fail (KOC_IS_SYNC_INDICATOR (self));

  gtk_menu_button_popdown (self->button);
}
