/* koc-window-workspaces.c: the workspace switcher: listing, opening and creating workspaces.
 *
 * A workspace is one SQLite file in the KOC Desk data folder (koc-workspace.h). Listing runs
 * on a worker thread and opening goes through KocStore's own thread, so the window never
 * waits on the disk.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-window-workspaces"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "koc-window-private.h"
#include "koc-workspace.h"

typedef struct
{
  KocWindow *self;
  char      *name;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_free (data->name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

void
_koc_window_show_error (KocWindow    *self,
                        const char   *heading,
                        const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rebuild_menu (KocWindow *self)
{
  g_menu_remove_all (self->workspaces_section);

  for (guint i = 0; self->workspace_names != NULL && self->workspace_names[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (self->workspace_names[i], NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-workspace",
                                               g_variant_new_string (self->workspace_names[i]));
      g_menu_append_item (self->workspaces_section, item);
    }
}

static int
compare_names (const void *a,
               const void *b)
{
  return g_utf8_collate (*(char * const *) a, *(char * const *) b);
}

static gboolean
has_workspace (KocWindow  *self,
               const char *name)
{
  return self->workspace_names != NULL && g_strv_contains ((const char * const *) self->workspace_names, name);
}

static void
remember_workspace (KocWindow  *self,
                    const char *name)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  if (has_workspace (self, name))
    return;

  builder = g_strv_builder_new ();
  if (self->workspace_names != NULL)
    g_strv_builder_addv (builder, (const char **) self->workspace_names);
  g_strv_builder_add (builder, name);
  g_strfreev (self->workspace_names);
  self->workspace_names = g_strv_builder_end (builder);
  /* Keep the display order of koc_workspace_list_sync(). */
  qsort (self->workspace_names, g_strv_length (self->workspace_names), sizeof (char *), compare_names);
  rebuild_menu (self);
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  KocWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = koc_store_open_finish (result, &error);

  self->workspace_pending = FALSE;

  if (store == NULL)
    {
      if (self->store == NULL)
        _koc_window_workspace_opening (self, NULL);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), data->name);
          _koc_window_show_error (self, heading, error);
        }
      return;
    }

  g_set_object (&self->store, store);
  g_free (self->workspace_name);
  self->workspace_name = g_strdup (data->name);
  g_settings_set_string (self->settings, "workspace", data->name);
  remember_workspace (self, data->name);
  g_object_notify (G_OBJECT (self), "workspace");
  /* A new store: no pane has it yet (koc-window-panes.c). */
  self->panes_loaded = 0;
  _koc_window_workspace_opened (self);
}

static void
open_workspace (KocWindow  *self,
                const char *name,
                gboolean    create)
{
  g_autofree char *path = koc_workspace_build_path (self->workspace_dir, name);
  OpenData *data = g_new0 (OpenData, 1);
  g_autoptr(KocStore) opening = NULL;

  data->self = g_object_ref (self);
  data->name = g_strdup (name);
  self->workspace_pending = TRUE;

  if (create)
    g_mkdir_with_parents (self->workspace_dir, 0700);

  opening = koc_store_open_begin (path, create ? KOC_STORE_OPEN_CREATE : KOC_STORE_OPEN_DEFAULT,
                                  self->cancellable, store_opened_cb, data);
  /* The first workspace: the visible pane queues its first queries behind the open. */
  if (self->store == NULL)
    _koc_window_workspace_opening (self, opening);
}

void
_koc_window_open_workspace (KocWindow  *self,
                            const char *name)
{
  g_return_if_fail (name != NULL);

  if (g_strcmp0 (name, self->workspace_name) == 0 && self->store != NULL)
    return;

  open_workspace (self, name, !has_workspace (self, name));
}

static void
listed (KocWindow *self,
        GStrv      names_in,
        GError    *error_in)
{
  g_autoptr(GError) error = error_in;
  g_auto(GStrv) names = names_in;
  g_autofree char *wanted = NULL;

  if (names == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _koc_window_show_error (self, _("Could Not List Workspaces"), error);
      names = g_new0 (char *, 1);
    }

  g_strfreev (self->workspace_names);
  self->workspace_names = g_steal_pointer (&names);
  rebuild_menu (self);

  wanted = g_settings_get_string (self->settings, "workspace");
  if (*wanted != '\0' && has_workspace (self, wanted))
    open_workspace (self, wanted, FALSE);
  else if (self->workspace_names[0] != NULL)
    open_workspace (self, self->workspace_names[0], FALSE);
  else
    /* First start: an empty workspace, so every pane has somewhere to put data. */
    open_workspace (self, _("My Workspace"), TRUE);
}

/* Start-up lists the workspaces on a thread while the window builds itself
 * (_koc_window_workspaces_prefetch(), before the template); the window then opens the
 * wanted one as soon as it is constructed (_koc_window_workspaces_start()), if the
 * listing is done by then, so that the store opens and the first page is read on the
 * store's worker while the window is presented: the first frame can have the rows.
 * A listing that takes longer is picked up by its callback. Nothing waits. */
struct _KocWorkspaceListing
{
  GMutex     mutex;
  gboolean   done;      /* the thread has a result */
  gboolean   taken;     /* the window has it */
  char      *dir;
  GStrv      names;
  GError    *error;
  KocWindow *window;    /* unowned; NULL once the window is disposed */
};

static void
listing_clear (KocWorkspaceListing *listing)
{
  g_mutex_clear (&listing->mutex);
  g_clear_pointer (&listing->dir, g_free);
  g_clear_pointer (&listing->names, g_strfreev);
  g_clear_error (&listing->error);
}

static void
listing_unref (KocWorkspaceListing *listing)
{
  g_atomic_rc_box_release_full (listing, (GDestroyNotify) listing_clear);
}

static void
listing_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  KocWorkspaceListing *listing = task_data;
  GError *error = NULL;
  GStrv names = koc_workspace_list_sync (listing->dir, cancellable, &error);

  g_mutex_lock (&listing->mutex);
  listing->names = names;
  listing->error = error;
  listing->done = TRUE;
  g_mutex_unlock (&listing->mutex);
  g_task_return_boolean (task, TRUE);
}

/* Takes the listing's result if it is there and nobody took it yet. */
static gboolean
listing_take (KocWorkspaceListing  *listing,
              GStrv                *names,
              GError              **error)
{
  gboolean took = FALSE;

  g_mutex_lock (&listing->mutex);
  if (listing->done && !listing->taken)
    {
      listing->taken = took = TRUE;
      *names = g_steal_pointer (&listing->names);
      *error = g_steal_pointer (&listing->error);
    }
  g_mutex_unlock (&listing->mutex);
  return took;
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  KocWorkspaceListing *listing = user_data;
  GStrv names = NULL;
  GError *error = NULL;

  /* The window is gone, or took the names when it was constructed. */
  if (listing->window != NULL && listing->window->workspace_dir != NULL &&
      listing_take (listing, &names, &error))
    listed (listing->window, names, error);
  listing_unref (listing);
}

void
_koc_window_workspaces_prefetch (KocWindow *self)
{
  g_autoptr(GTask) task = NULL;
  KocWorkspaceListing *listing = g_atomic_rc_box_new0 (KocWorkspaceListing);

  g_mutex_init (&listing->mutex);
  listing->window = self;
  listing->dir = koc_workspace_get_default_dir ();
  self->listing = g_atomic_rc_box_acquire (listing);
  task = g_task_new (NULL, self->cancellable, list_ready_cb, listing);
  g_task_set_source_tag (task, _koc_window_workspaces_prefetch);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (listing), (GDestroyNotify) listing_unref);
  g_task_run_in_thread (task, listing_thread);
}

void
_koc_window_workspaces_start (KocWindow *self)
{
  GStrv names = NULL;
  GError *error = NULL;

  self->workspace_dir = koc_workspace_get_default_dir ();
  if (listing_take (self->listing, &names, &error))
    listed (self, names, error);
}

void
_koc_window_workspaces_dispose (KocWindow *self)
{
  if (self->listing == NULL)
    return;
  self->listing->window = NULL;
  g_clear_pointer (&self->listing, listing_unref);
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  KocWindow *self = g_object_get_data (G_OBJECT (dialog), "koc-window");
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "koc-hint");
  const char *name = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;
  gboolean ok = koc_workspace_name_validate (name, &error);

  if (ok && has_workspace (self, name))
    {
      ok = FALSE;
      g_set_error (&error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("A workspace called “%s” already exists."), name);
    }

  /* An empty entry is not an error yet: the button is just not available. */
  gtk_label_set_label (hint, ok || *name == '\0' ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (hint), !ok && *name != '\0');
  adw_message_dialog_set_response_enabled (dialog, "create", ok);
}

static void
new_workspace_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           KocWindow        *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "koc-entry");

  if (g_strcmp0 (response, "create") == 0)
    open_workspace (self, gtk_editable_get_text (entry), TRUE);
}

static void
entry_activated_cb (GtkEntry         *entry,
                    AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "create"))
    {
      adw_message_dialog_response (dialog, "create");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
new_workspace_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KocWindow *self = KOC_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *hint;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Workspace"),
                                   _("A workspace holds one brand’s KOC, posts and campaigns. Agencies usually keep one per client."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Workspace name, e.g. 露可 Luko China"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Workspace name"), -1);
  hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "error");
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_set_visible (hint, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "koc-window", self);
  g_object_set_data (G_OBJECT (dialog), "koc-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "koc-hint", hint);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (entry_activated_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_workspace_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_koc_window_workspaces_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_property_action (widget_class, "win.open-workspace", "workspace");
}
