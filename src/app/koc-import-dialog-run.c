/* koc-import-dialog-run.c: the dry run, the import with progress, its report and undo.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-import-dialog-private.h"

static void
fill_options (KocImportDialog  *self,
              KocImportOptions *options,
              GStrv             map)
{
  static const char delimiters[] = { ',', ';', '\t' };
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  options->encoding = self->preview->encoding;
  options->delimiter = delimiter < G_N_ELEMENTS (delimiters) ? delimiters[delimiter]
                                                             : self->preview->delimiter;
  options->default_platform = _koc_import_dialog_get_platform (self);
  options->map = (const char * const *) map;
}

/* "12 new, 3 updated, 1 skipped" in *@summary, the reasons of the first skips in
 * *@details (NULL when none). */
static void
describe_outcome (const KocImportReport  *report,
                  char                  **summary,
                  char                  **details)
{
  g_autoptr(GString) skips = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  guint64 skipped = report->skipped->len;

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%llu person will be created",
                                             "%llu people will be created", report->created),
                          (unsigned long long) report->created);
  g_string_append (text, "\n");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%llu account will be updated",
                                             "%llu accounts will be updated", report->updated),
                          (unsigned long long) report->updated);
  g_string_append (text, "\n");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%llu row will be skipped",
                                             "%llu rows will be skipped", skipped),
                          (unsigned long long) skipped);
  if (report->duplicates_in_file > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%llu row repeats an earlier row of the file",
                                                 "%llu rows repeat an earlier row of the file",
                                                 report->duplicates_in_file),
                              (unsigned long long) report->duplicates_in_file);
    }
  if (report->suggestions->len > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u possible duplicate to review afterwards",
                                                 "%u possible duplicates to review afterwards",
                                                 report->suggestions->len),
                              report->suggestions->len);
    }
  for (guint i = 0; i < MIN (skipped, 20); i++)
    {
      const KocImportSkip *skip = g_ptr_array_index (report->skipped, i);

      if (skips->len > 0)
        g_string_append (skips, "\n");
      g_string_append_printf (skips, _("Line %llu skipped: %s"), (unsigned long long) skip->line,
                              skip->reason);
    }
  if (skipped > 20)
    {
      g_string_append (skips, "\n");
      g_string_append_printf (skips, _("and %llu more skipped rows"), (unsigned long long) (skipped - 20));
    }
  *summary = g_string_free (g_steal_pointer (&text), FALSE);
  *details = skips->len > 0 ? g_string_free (g_steal_pointer (&skips), FALSE) : NULL;
}

static void
dry_run_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KocImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  KocImportReport *report = koc_import_run_finish (KOC_STORE (source), result, &error);
  g_autofree char *text = NULL;
  g_autofree char *details = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->dry_running = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->skips_label), FALSE);
  g_clear_pointer (&self->outcome, koc_import_report_free);
  if (report == NULL)
    {
      self->dry_run_ok = FALSE;
      gtk_label_set_text (self->outcome_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->outcome_label), "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  self->outcome = report;
  self->dry_run_ok = TRUE;
  describe_outcome (report, &text, &details);
  gtk_label_set_text (self->outcome_label, text);
  gtk_label_set_text (self->skips_label, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->skips_label), details != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_label), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), report->created + report->updated > 0);
}

static gboolean
dry_run_cb (gpointer user_data)
{
  KocImportDialog *self = user_data;
  KocImportOptions options = { 0 };
  g_auto(GStrv) map = _koc_import_dialog_build_map (self);

  self->dry_run_source = 0;
  g_cancellable_cancel (self->dry_run_cancellable);
  g_clear_object (&self->dry_run_cancellable);
  self->dry_run_cancellable = g_cancellable_new ();

  fill_options (self, &options, map);
  options.dry_run = TRUE;
  self->dry_running = TRUE;
  gtk_label_set_text (self->outcome_label, _("Checking the rows against the workspace…"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_label), "error");
  koc_import_run_async (self->store, self->path, &options, self->dry_run_cancellable,
                        dry_run_ready_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

void
_koc_import_dialog_schedule_dry_run (KocImportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  g_clear_handle_id (&self->dry_run_source, g_source_remove);
  /* Changing several columns in a row costs one dry run. */
  self->dry_run_source = g_timeout_add (250, dry_run_cb, self);
}

/* The import */

static void
import_progress_cb (guint64  rows,
                    guint64  bytes,
                    guint64  total_bytes,
                    gpointer user_data)
{
  KocImportDialog *self = user_data; /* kept alive by the running task's callback */

  g_atomic_int_set (&self->progress_permille, total_bytes > 0 ? (gint) (bytes * 1000 / total_bytes) : 0);
  g_atomic_int_set (&self->progress_rows, (gint) MIN (rows, G_MAXINT));
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  KocImportDialog *self = user_data;
  gint permille = g_atomic_int_get (&self->progress_permille);
  gint rows = g_atomic_int_get (&self->progress_rows);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d row", "%d rows", rows), rows);

  gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
show_report (KocImportDialog *self)
{
  KocImportReport *report = self->report;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %llu Row", "Imported %llu Rows",
                                        report->created + report->updated),
                           (unsigned long long) (report->created + report->updated));
  description = g_strdup_printf (_("%llu created, %llu updated, %u skipped."),
                                 (unsigned long long) report->created,
                                 (unsigned long long) report->updated, report->skipped->len);
  adw_status_page_set_icon_name (self->report_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->report_page, title);
  adw_status_page_set_description (self->report_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_button), report->suggestions->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->undo_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
import_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KocImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  KocImportReport *report = koc_import_run_finish (KOC_STORE (source), result, &error);

  self->importing = FALSE;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
  if (report == NULL)
    {
      g_autofree char *message = NULL;

      gtk_stack_set_visible_child_name (self->stack, "preview");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("Import cancelled: nothing was changed"));
      else
        message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }
  self->report = report;
  show_report (self);
  _koc_import_dialog_emit_imported (self, FALSE, report->import_id);
}

void
_koc_import_dialog_start_import (KocImportDialog *self)
{
  KocImportOptions options = { 0 };
  g_auto(GStrv) map = NULL;

  if (self->preview == NULL || self->importing || !self->dry_run_ok)
    return;
  map = _koc_import_dialog_build_map (self);
  g_cancellable_cancel (self->dry_run_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();

  fill_options (self, &options, map);
  options.progress = import_progress_cb;
  options.progress_data = self;
  self->importing = TRUE;
  g_atomic_int_set (&self->progress_permille, 0);
  g_atomic_int_set (&self->progress_rows, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  self->progress_source = g_timeout_add (100, progress_tick_cb, self);
  koc_import_run_async (self->store, self->path, &options, self->import_cancellable,
                        import_ready_cb, g_object_ref (self));
}

static void
undo_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KocImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  KocImportUndoReport undo = { 0 };
  g_autofree char *description = NULL;

  if (!koc_import_undo_finish (KOC_STORE (source), result, &undo, &error))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->undo_button), TRUE);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  description = g_strdup_printf (_("%llu people and %llu accounts removed, %llu accounts restored."),
                                 (unsigned long long) undo.deleted_people,
                                 (unsigned long long) undo.deleted_accounts,
                                 (unsigned long long) undo.restored_accounts);
  adw_status_page_set_icon_name (self->report_page, "edit-undo-symbolic");
  adw_status_page_set_title (self->report_page, _("Import Undone"));
  adw_status_page_set_description (self->report_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_button), FALSE);
  _koc_import_dialog_emit_imported (self, TRUE, undo.import_id);
}

void
_koc_import_dialog_undo (KocImportDialog *self)
{
  if (self->report == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->undo_button), FALSE);
  koc_import_undo_async (self->store, self->report->import_id, NULL, undo_ready_cb, g_object_ref (self));
}
