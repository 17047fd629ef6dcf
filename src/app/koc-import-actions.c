/* koc-import-actions.c: "Import People…" and "Review Duplicates…" of the window.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-export-actions.h"
#include "koc-import-actions.h"
#include "koc-import-dialog.h"
#include "koc-merge-dialog.h"
#include "koc-window-private.h"

/* Everything a pane shows may have changed: re-read the workspace. */
static void
workspace_changed_cb (KocWindow *self)
{
  if (self->store == NULL)
    return;
  koc_discover_pane_set_store (self->discover_pane, NULL);
  _koc_window_workspace_opened (self);
}

static void
open_import_dialog (KocWindow  *self,
                    const char *path)
{
  KocImportDialog *dialog = koc_import_dialog_new (GTK_WINDOW (self), self->store, path);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "undone", G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     KocWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        open_import_dialog (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_people_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KocWindow *self = KOC_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const char *test_path = g_getenv ("KOCDESK_TEST_IMPORT_FILE");

  if (self->store == NULL)
    return;
  /* Tests cannot drive a portal file chooser: they name the file. */
  if (test_path != NULL)
    {
      open_import_dialog (self, test_path);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Import People"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("Spreadsheets (CSV, TSV, TXT)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
review_duplicates_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  KocWindow *self = KOC_WINDOW (widget);
  KocMergeDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = koc_merge_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_koc_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-people", NULL, import_people_action);
  gtk_widget_class_install_action (widget_class, "win.review-duplicates", NULL, review_duplicates_action);
  _koc_window_export_class_init (widget_class);
}
