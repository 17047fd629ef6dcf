/* koc-export-actions.c: "Export Workspace…": every table as CSV files for Excel, one
 * JSON file, or a backup of the database, on the store's worker with progress in a
 * toast.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-export.h"
#include "koc-export-actions.h"
#include "koc-window-private.h"

typedef struct
{
  KocWindow          *window;
  AdwToast           *toast;
  gint64              toast_shown_at;
  KocExportWorkspace  kind;
  char               *path;
  char               *result;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->toast);
  g_free (job->path);
  g_free (job->result);
  g_free (job);
}

/* libadwaita 1.2 frees a toast's bookkeeping when its hide animation ends but leaves its
 * show animation connected to it: a toast dismissed before it has finished sliding in
 * crashes the app a moment later. So the "Exporting…" toast is dismissed only once it
 * has been fully shown (the slide takes at most 500 ms). */
#define TOAST_SHOW_MS 600

static gboolean
replace_toast_cb (gpointer user_data)
{
  ExportJob *job = user_data;

  adw_toast_dismiss (job->toast);
  if (job->result != NULL)
    adw_toast_overlay_add_toast (job->window->toast_overlay, adw_toast_new (job->result));
  export_job_free (job);
  return G_SOURCE_REMOVE;
}

static void
finish_job (ExportJob *job)
{
  gint64 shown_ms = (g_get_monotonic_time () - job->toast_shown_at) / 1000;

  if (shown_ms >= TOAST_SHOW_MS)
    replace_toast_cb (job);
  else
    g_timeout_add ((guint) (TOAST_SHOW_MS - shown_ms), replace_toast_cb, job);
}

typedef struct
{
  AdwToast *toast;
  char     *title;
} ProgressUpdate;

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  adw_toast_set_title (update->toast, update->title);
  g_object_unref (update->toast);
  g_free (update->title);
  g_free (update);
  return G_SOURCE_REMOVE;
}

/* On the store's worker: the toast says which table is being written. */
static void
export_progress_cb (const char *table,
                    guint       index,
                    guint       n_tables,
                    gpointer    user_data)
{
  ExportJob *job = user_data; /* alive until the export's callback */
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->toast = g_object_ref (job->toast);
  update->title = n_tables > 1 ? g_strdup_printf (_("Exporting %s (%u of %u)…"), table, index + 1, n_tables)
                               : g_strdup (_("Backing up the workspace…"));
  g_idle_add (progress_idle_cb, update);
}

static void
export_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_filename_display_basename (job->path);
  gint64 rows = koc_export_workspace_finish (KOC_STORE (source), result, &error);

  if (rows < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _koc_window_show_error (job->window, _("Could Not Export the Workspace"), error);
      finish_job (job);
      return;
    }
  if (job->kind == KOC_EXPORT_WORKSPACE_BACKUP)
    job->result = g_strdup_printf (_("Backed up to “%s”"), basename);
  else
    job->result = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %lld row to “%s”",
                                                "Exported %lld rows to “%s”", rows),
                                   (long long) rows, basename);
  g_object_set_data_full (G_OBJECT (job->window), "koc-last-export", g_strdup (job->path), g_free);
  finish_job (job);
}

static void
start_export (KocWindow          *self,
              KocExportWorkspace  kind,
              const char         *path)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->window = g_object_ref (self);
  job->kind = kind;
  job->path = g_strdup (path);
  job->toast = g_object_ref_sink (adw_toast_new (_("Exporting…")));
  adw_toast_set_timeout (job->toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (job->toast));
  job->toast_shown_at = g_get_monotonic_time ();
  koc_export_workspace_async (self->store, kind, path, export_progress_cb, job, self->cancellable,
                              export_ready_cb, job);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     KocWindow       *self)
{
  KocExportWorkspace kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        start_export (self, kind, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_target (KocWindow          *self,
               KocExportWorkspace  kind)
{
  GtkFileChooserNative *chooser;
  const char *test_path = g_getenv ("KOCDESK_TEST_EXPORT_PATH");
  g_autofree char *name = NULL;

  /* Tests cannot drive a portal file chooser: they name the target. */
  if (test_path != NULL)
    {
      start_export (self, kind, test_path);
      return;
    }

  if (kind == KOC_EXPORT_WORKSPACE_CSV)
    chooser = gtk_file_chooser_native_new (_("Export to Folder"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));
  else
    {
      chooser = gtk_file_chooser_native_new (kind == KOC_EXPORT_WORKSPACE_JSON ? _("Export as JSON")
                                                                              : _("Back Up Workspace"),
                                             GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Save"), _("_Cancel"));
      name = kind == KOC_EXPORT_WORKSPACE_JSON ? g_strdup_printf ("%s.json", self->workspace_name)
                                               : g_strdup_printf ("%s-backup.db", self->workspace_name);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
kind_from_string (const char         *text,
                  KocExportWorkspace *kind)
{
  if (g_strcmp0 (text, "csv") == 0)
    *kind = KOC_EXPORT_WORKSPACE_CSV;
  else if (g_strcmp0 (text, "json") == 0)
    *kind = KOC_EXPORT_WORKSPACE_JSON;
  else if (g_strcmp0 (text, "backup") == 0)
    *kind = KOC_EXPORT_WORKSPACE_BACKUP;
  else
    return FALSE;
  return TRUE;
}

static void
format_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KocWindow        *self)
{
  KocExportWorkspace kind;

  if (self->store != NULL && kind_from_string (response, &kind))
    choose_target (self, kind);
}

static void
export_workspace_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  KocWindow *self = KOC_WINDOW (widget);
  const char *format = param ? g_variant_get_string (param, NULL) : "";
  KocExportWorkspace kind;
  AdwMessageDialog *dialog;

  if (self->store == NULL)
    return;
  if (kind_from_string (format, &kind))
    {
      choose_target (self, kind);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export Workspace"),
                                                       _("Everything in this workspace — people, accounts, posts,"
                                                         " campaigns, rewards and notes — as spreadsheets, as one"
                                                         " JSON file, or as a copy of the database.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "backup", _("_Database Backup"),
                                    "json", _("_JSON"),
                                    "csv", _("CSV for _Excel"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "csv", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "csv");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (format_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_koc_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-workspace", "s", export_workspace_action);
}
