/* koc-import-dialog.c: the preview, mapping and progress of importing a CSV file.
 *
 * The file is read on a worker thread (koc_import_preview_read_async()): the first 200
 * rows for the table, the rest only for counting and problems. Every change of encoding
 * re-reads it; every change of delimiter, mapping or platform re-runs a dry run of the
 * import on the store's worker (the real import in a transaction that is rolled back),
 * so "what will happen" is exactly what the import will do. The import itself runs on
 * the store's worker with a progress bar and Cancel; its report offers Undo.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-import-dialog.h"
#include "koc-import-dialog-private.h"

#define PREVIEW_ROWS 200

G_DEFINE_FINAL_TYPE (KocImportDialog, koc_import_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_IMPORTED, SIGNAL_UNDONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const struct { const char *encoding; const char *label; } encodings[] = {
  /* Short: the combo row ellipsizes long values. */
  { "UTF-8", N_("UTF-8") },
  { "GB18030", N_("GB18030 (Chinese)") },
  { "UTF-16LE", N_("UTF-16 LE") },
  { "UTF-16BE", N_("UTF-16 BE") },
  { "WINDOWS-1252", N_("Windows-1252 (Western)") },
  { "BIG5", N_("Big5 (Traditional)") },
};

static const struct { char delimiter; const char *label; } delimiters[] = {
  { ',', N_("Comma") },
  { ';', N_("Semicolon") },
  { '\t', N_("Tab") },
};

const char * const _koc_import_platforms[] = {
  "xiaohongshu", "douyin", "weibo", "bilibili", "wechat", "tmall", "instagram", "tiktok",
  "youtube", "other", NULL
};

static void read_file (KocImportDialog *self);

const char *
koc_import_dialog_get_page (KocImportDialog *self)
{
  g_return_val_if_fail (KOC_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
koc_import_dialog_is_busy (KocImportDialog *self)
{
  g_return_val_if_fail (KOC_IS_IMPORT_DIALOG (self), FALSE);

  return self->reading || self->dry_running || self->importing || self->dry_run_source != 0;
}

const KocImportPreview *
koc_import_dialog_get_preview (KocImportDialog *self)
{
  g_return_val_if_fail (KOC_IS_IMPORT_DIALOG (self), NULL);

  return self->preview;
}

const KocImportReport *
koc_import_dialog_get_outcome (KocImportDialog *self)
{
  g_return_val_if_fail (KOC_IS_IMPORT_DIALOG (self), NULL);

  return self->outcome;
}

const KocImportReport *
koc_import_dialog_get_report (KocImportDialog *self)
{
  g_return_val_if_fail (KOC_IS_IMPORT_DIALOG (self), NULL);

  return self->report;
}

KocField
koc_import_dialog_get_field (KocImportDialog *self,
                             guint            column)
{
  g_return_val_if_fail (KOC_IS_IMPORT_DIALOG (self), KOC_FIELD_NONE);

  if (self->mapping_rows == NULL || column >= self->mapping_rows->len)
    return KOC_FIELD_NONE;
  return adw_combo_row_get_selected (self->mapping_rows->pdata[column]);
}

void
koc_import_dialog_set_field (KocImportDialog *self,
                             guint            column,
                             KocField         field)
{
  g_return_if_fail (KOC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->mapping_rows != NULL && column < self->mapping_rows->len);

  adw_combo_row_set_selected (self->mapping_rows->pdata[column], field);
}

void
koc_import_dialog_set_encoding (KocImportDialog *self,
                                const char      *encoding)
{
  g_return_if_fail (KOC_IS_IMPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (g_ascii_strcasecmp (encodings[i].encoding, encoding) == 0)
      adw_combo_row_set_selected (self->encoding_row, i);
}

/* Reading */

static void
show_error (KocImportDialog *self,
            const GError    *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

static void
read_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KocImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  KocImportPreview *preview = koc_import_preview_read_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->reading = FALSE;
  gtk_spinner_stop (self->spinner);
  if (preview == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->preview, koc_import_preview_free);
  self->preview = preview;
  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (g_ascii_strcasecmp (encodings[i].encoding, preview->encoding) == 0)
      adw_combo_row_set_selected (self->encoding_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i].delimiter == preview->delimiter)
      adw_combo_row_set_selected (self->delimiter_row, i);
  self->syncing = FALSE;

  _koc_import_dialog_fill_table (self);
  _koc_import_dialog_fill_mapping (self);
  _koc_import_dialog_fill_problems (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  _koc_import_dialog_schedule_dry_run (self);
}

static void
read_file (KocImportDialog *self)
{
  const char *encoding = NULL;
  char delimiter = 0;
  guint selected;

  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  self->read_cancellable = g_cancellable_new ();

  /* The first read detects; later ones use what the rows say. */
  if (self->preview != NULL)
    {
      selected = adw_combo_row_get_selected (self->encoding_row);
      if (selected < G_N_ELEMENTS (encodings))
        encoding = encodings[selected].encoding;
      selected = adw_combo_row_get_selected (self->delimiter_row);
      if (selected < G_N_ELEMENTS (delimiters))
        delimiter = delimiters[selected].delimiter;
    }

  self->reading = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  koc_import_preview_read_async (self->path, encoding, delimiter, PREVIEW_ROWS,
                                 self->read_cancellable, read_ready_cb, g_object_ref (self));
}

static void
file_settings_changed_cb (KocImportDialog *self)
{
  if (!self->syncing && self->preview != NULL)
    read_file (self);
}

static void
platform_changed_cb (KocImportDialog *self)
{
  if (!self->syncing && self->preview != NULL)
    _koc_import_dialog_schedule_dry_run (self);
}

/* Buttons */

static void
cancel_clicked_cb (KocImportDialog *self)
{
  if (self->importing)
    {
      g_cancellable_cancel (self->import_cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_request_cb (KocImportDialog *self)
{
  /* Closing while importing cancels the import; the transaction is rolled back. */
  g_cancellable_cancel (self->import_cancellable);
  g_cancellable_cancel (self->read_cancellable);
  g_cancellable_cancel (self->dry_run_cancellable);
  return FALSE;
}

static void
import_clicked_cb (KocImportDialog *self)
{
  _koc_import_dialog_start_import (self);
}

static void
undo_clicked_cb (KocImportDialog *self)
{
  _koc_import_dialog_undo (self);
}

static void
done_clicked_cb (KocImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
duplicates_clicked_cb (KocImportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  gtk_window_close (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.review-duplicates", NULL);
}

void
_koc_import_dialog_emit_imported (KocImportDialog *self,
                                  gboolean         undone,
                                  gint64           import_id)
{
  g_signal_emit (self, signals[undone ? SIGNAL_UNDONE : SIGNAL_IMPORTED], 0, import_id);
}

/* GObject */

static void
koc_import_dialog_dispose (GObject *object)
{
  KocImportDialog *self = (KocImportDialog *)object;

  g_cancellable_cancel (self->read_cancellable);
  g_cancellable_cancel (self->dry_run_cancellable);
  g_clear_handle_id (&self->dry_run_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (koc_import_dialog_parent_class)->dispose (object);
}

static void
koc_import_dialog_finalize (GObject *object)
{
  KocImportDialog *self = (KocImportDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->read_cancellable);
  g_clear_object (&self->dry_run_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->preview, koc_import_preview_free);
  g_clear_pointer (&self->outcome, koc_import_report_free);
  g_clear_pointer (&self->report, koc_import_report_free);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (koc_import_dialog_parent_class)->finalize (object);
}

static void
koc_import_dialog_class_init (KocImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_import_dialog_dispose;
  object_class->finalize = koc_import_dialog_finalize;

  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_UNDONE] = g_signal_new ("undone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, skips_label);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, platform_row);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, table_group);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, table_view);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, report_page);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, duplicates_button);
  gtk_widget_class_bind_template_child (widget_class, KocImportDialog, undo_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, undo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicates_clicked_cb);
}

static void
koc_import_dialog_init (KocImportDialog *self)
{
  g_autoptr(GtkStringList) encoding_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) delimiter_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) platform_list = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (encoding_list, _(encodings[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    gtk_string_list_append (delimiter_list, _(delimiters[i].label));
  gtk_string_list_append (platform_list, _("Choose…"));
  for (guint i = 0; _koc_import_platforms[i] != NULL; i++)
    gtk_string_list_append (platform_list, _koc_import_platform_label (_koc_import_platforms[i]));
  self->syncing = TRUE;
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_list));
  adw_combo_row_set_model (self->delimiter_row, G_LIST_MODEL (delimiter_list));
  adw_combo_row_set_model (self->platform_row, G_LIST_MODEL (platform_list));
  self->syncing = FALSE;

  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (file_settings_changed_cb), self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (file_settings_changed_cb), self);
  g_signal_connect_swapped (self->platform_row, "notify::selected", G_CALLBACK (platform_changed_cb), self);
  g_signal_connect_swapped (self, "close-request", G_CALLBACK (close_request_cb), self);
}

KocImportDialog *
koc_import_dialog_new (GtkWindow  *parent,
                       KocStore   *store,
                       const char *path)
{
  KocImportDialog *self;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (KOC_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (KOC_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  basename = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->window_title, basename);
  read_file (self);
  return self;
}
