/* koc-keywords-report.c: the Keywords pane's exports — the cloud as PNG, SVG or PDF, and
 * the "Monthly Report…" (src/charts/koc-report.h).
 *
 * A dialog picks the month (the last full month by default), a native file chooser the
 * PDF. The report then runs in three steps, each cancellable from the pane's progress
 * bar: the keyword catch-up in jobs of KOC_KEYWORDS_CATCH_UP_CHUNK posts on the store's
 * worker (so other panes' queries get the worker in between; the bar follows the posts
 * left), the month's numbers on the worker, and the drawing on a GTask thread (Pango's
 * default font map is per thread). The file is written as FILE.partial and renamed, so
 * a cancellation or an error leaves nothing behind. A toast says where the file is (with
 * Open); an error is a dialog that says what went wrong.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-keywords-pane-private.h"
#include "koc-report.h"

#define MAX_MONTHS 60

typedef struct _KocKeywordsReportJob
{
  int        year, month;
  char      *path;
  char      *workspace;
  gint64     n_done;      /* posts aggregated by this report's catch-up */
  KocReport *report;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->workspace);
  g_clear_pointer (&job->report, koc_report_free);
  g_free (job);
}

/* Catch-up job: result is the number of posts still stale (gint64 *). */
typedef struct
{
  gint64   n_processed;
  gint64   n_stale;
} CatchUp;

static gboolean
catch_up_func (sqlite3       *db,
               gpointer       data,
               gpointer      *result,
               GCancellable  *cancellable,
               GError       **error)
{
  CatchUp *out = g_new0 (CatchUp, 1);

  if (!koc_keyword_store_refresh_some (db, KOC_KEYWORDS_CATCH_UP_CHUNK, cancellable, &out->n_processed, NULL, error) ||
      !koc_keyword_store_count_stale (db, &out->n_stale, error))
    {
      g_free (out);
      return FALSE;
    }
  *result = out;
  return TRUE;
}

static gboolean
gather_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;
  KocReport *report = koc_report_gather (db, job->year, job->month, cancellable, error);

  if (report == NULL)
    return FALSE;
  *result = report;
  return TRUE;
}

static void
set_progress (KocKeywordsPane *self,
              const char      *text,
              double           fraction)
{
  if (self->report_label == NULL)
    return;
  gtk_label_set_label (self->report_label, text);
  gtk_progress_bar_set_fraction (self->report_progress, CLAMP (fraction, 0, 1));
}

void
_koc_keywords_pane_show_toast (KocKeywordsPane *self,
                               AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
open_report_cb (AdwToast   *toast,
                const char *uri)
{
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

/* Ends the report: a toast for success or a cancellation, a dialog for an error. */
static void
finish (KocKeywordsPane *self,
        GError          *error)
{
  Job *job = self->report;

  self->report = NULL;
  g_clear_object (&self->report_cancellable);
  if (self->report_revealer == NULL)
    {
      /* The pane went away meanwhile (its template children are cleared). */
      job_free (job);
      return;
    }
  gtk_revealer_set_reveal_child (self->report_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keywords.report", TRUE);

  if (error == NULL)
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_autofree char *uri = g_filename_to_uri (job->path, NULL, NULL);
      /* Translators: a toast; %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);
      AdwToast *toast = adw_toast_new (title);

      if (uri != NULL)
        {
          adw_toast_set_button_label (toast, _("_Open"));
          g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_report_cb), g_steal_pointer (&uri),
                                 (GClosureNotify) (void (*) (void)) g_free, 0);
        }
      _koc_keywords_pane_show_toast (self, toast);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _koc_keywords_pane_show_toast (self, adw_toast_new (_("The report was cancelled")));
    }
  else
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Write the Report"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  job_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (koc_report_write_pdf (job->report, job->workspace, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  KocKeywordsPane *self = KOC_KEYWORDS_PANE (source);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  finish (self, error);
}

static void
gathered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KocKeywordsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  KocReport *report = NULL;

  if (self->report == NULL)
    return;
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &report, &error))
    {
      finish (self, error);
      return;
    }
  self->report->report = report;
  set_progress (self, _("Drawing the report…"), 0.9);
  task = g_task_new (self, self->report_cancellable, written_cb, NULL);
  g_task_set_source_tag (task, koc_keywords_pane_start_report);
  /* The job stays owned by the pane (finish() frees it). */
  g_task_set_task_data (task, self->report, NULL);
  g_task_run_in_thread (task, write_thread);
}

static void catch_up (KocKeywordsPane *self);

static void
gather (KocKeywordsPane *self)
{
  set_progress (self, _("Counting the month’s posts…"), 0.75);
  koc_store_run_async (self->store, gather_func, self->report, NULL, (GDestroyNotify) koc_report_free,
                       self->report_cancellable, gathered_cb, g_object_ref (self));
}

static void
caught_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KocKeywordsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree CatchUp *done = NULL;

  if (self->report == NULL)
    return;
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &done, &error))
    {
      finish (self, error);
      return;
    }
  self->report->n_done += done->n_processed;
  if (done->n_stale > 0 && done->n_processed > 0)
    {
      g_autofree char *left = g_strdup_printf ("%'lld", (long long) done->n_stale);
      /* Translators: progress of the monthly report; %s is a number of posts */
      g_autofree char *text = g_strdup_printf (_("Analysing new posts, %s left…"), left);

      set_progress (self, text, 0.7 * self->report->n_done / (double) (self->report->n_done + done->n_stale));
      catch_up (self);
      return;
    }
  gather (self);
}

static void
catch_up (KocKeywordsPane *self)
{
  koc_store_write_async (self->store, catch_up_func, NULL, NULL, g_free, self->report_cancellable,
                         caught_up_cb, g_object_ref (self));
}

gboolean
koc_keywords_pane_start_report (KocKeywordsPane *self,
                                int              year,
                                int              month,
                                const char      *path)
{
  Job *job;

  g_return_val_if_fail (KOC_IS_KEYWORDS_PANE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->report != NULL || self->store == NULL)
    return FALSE;
  job = g_new0 (Job, 1);
  job->year = year;
  job->month = month;
  job->path = g_strdup (path);
  job->workspace = g_path_get_basename (koc_store_get_path (self->store));
  if (g_str_has_suffix (job->workspace, ".db"))
    job->workspace[strlen (job->workspace) - 3] = '\0';
  self->report = job;
  self->report_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keywords.report", FALSE);
  set_progress (self, _("Analysing new posts…"), 0);
  gtk_revealer_set_reveal_child (self->report_revealer, TRUE);
  /* A read-only workspace cannot be caught up: its aggregates are reported as they are. */
  if (koc_store_is_read_only (self->store))
    gather (self);
  else
    catch_up (self);
  return TRUE;
}

void
koc_keywords_pane_cancel_report (KocKeywordsPane *self)
{
  g_return_if_fail (KOC_IS_KEYWORDS_PANE (self));
  g_cancellable_cancel (self->report_cancellable);
}

gboolean
koc_keywords_pane_is_reporting (KocKeywordsPane *self)
{
  g_return_val_if_fail (KOC_IS_KEYWORDS_PANE (self), FALSE);
  return self->report != NULL;
}

/* Export of the cloud as shown (PNG, SVG, PDF) */

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    KocKeywordsPane *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");
  KocChartCloud *shown = koc_keywords_cloud_get_cloud (self->cloud);
  KocChartStyle style;

  if (response == GTK_RESPONSE_ACCEPT && shown != NULL)
    {
      guint n = koc_chart_cloud_get_n_words (shown);
      g_autofree KocCloudWord *words = g_new0 (KocCloudWord, MAX (n, 1));
      g_autoptr(KocChartCloud) cloud = NULL;

      /* A copy, laid out for the file's size: the widget keeps its own layout. */
      for (guint i = 0; i < n; i++)
        {
          const KocCloudItem *item = koc_chart_cloud_get_word (shown, i);

          words[i] = (KocCloudWord) { item->text, item->weight, item->count, item->trend, item->sentiment };
        }
      cloud = koc_chart_cloud_new (words, n);
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      koc_chart_style_init (&style, FALSE);
      if (!koc_chart_cloud_export (cloud, &style, KOC_CLOUD_COLOR_TREND,
                                   g_str_equal (format, "svg") ? KOC_CHART_EXPORT_SVG
                                   : g_str_equal (format, "pdf") ? KOC_CHART_EXPORT_PDF
                                   : KOC_CHART_EXPORT_PNG, path, 1200, 800, &error))
        _koc_keywords_pane_report_error (self, error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KocKeywordsPane *self = KOC_KEYWORDS_PANE (widget);
  const char *format = g_variant_get_string (param, NULL);
  GtkNative *native = gtk_widget_get_native (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = g_strdup_printf ("%s.%s", _("keywords"), format);

  if (koc_keywords_cloud_get_cloud (self->cloud) == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Cloud"), GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "format", g_strdup (format), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The dialogs */

/* The months offered, newest first: from this month back to the oldest post's. */
static GDateTime *
month_start (GDateTime *time)
{
  return g_date_time_new_utc (g_date_time_get_year (time), g_date_time_get_month (time), 1, 0, 0, 0);
}

static void
file_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  KocKeywordsPane *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "year"));
      int month = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "month"));

      if (path != NULL)
        koc_keywords_pane_start_report (self, year, month, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
month_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   KocKeywordsPane  *self)
{
  GtkDropDown *months = g_object_get_data (G_OBJECT (dialog), "months");
  GArray *starts = g_object_get_data (G_OBJECT (dialog), "starts");
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  guint i = gtk_drop_down_get_selected (months);

  if (!g_str_equal (response, "choose") || i >= starts->len)
    return;
  first = g_date_time_new_from_unix_utc (g_array_index (starts, gint64, i));
  /* Translators: the suggested file name of a monthly report (GLib date format: %Y-%m is 2026-10) */
  name = g_date_time_format (first, _("KOC report %Y-%m.pdf"));
  chooser = gtk_file_chooser_native_new (_("Save Monthly Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "year", GINT_TO_POINTER (g_date_time_get_year (first)));
  g_object_set_data (G_OBJECT (chooser), "month", GINT_TO_POINTER (g_date_time_get_month (first)));
  g_signal_connect (chooser, "response", G_CALLBACK (file_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KocKeywordsPane *self = KOC_KEYWORDS_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) this_month = month_start (now);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 oldest = self->overview != NULL ? self->overview->oldest : 0;
  gint64 newest = self->overview != NULL ? self->overview->newest : 0;
  GtkWidget *dialog, *months;
  guint selected = 1;

  if (self->report != NULL || self->store == NULL)
    {
      g_array_unref (starts);
      return;
    }
  for (int i = 0; i < MAX_MONTHS; i++)
    {
      g_autoptr(GDateTime) first = g_date_time_add_months (this_month, -i);
      g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);
      gint64 start = g_date_time_to_unix (first);
      /* Translators: a month in the report's month list (strftime-like, GLib) */
      g_autofree char *label = g_date_time_format (first, _("%B %Y"));

      if (i > 1 && g_date_time_to_unix (next) <= oldest)
        break;
      g_array_append_val (starts, start);
      gtk_string_list_append (labels, label);
      /* A workspace whose posts end earlier: its newest month instead of an empty one. */
      if (i >= 1 && newest > 0 && newest >= start && newest < g_date_time_to_unix (next) && selected == 1)
        selected = (guint) i;
    }
  if (newest > 0 && newest >= g_array_index (starts, gint64, 0))
    selected = 1;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Monthly Report"),
                                   _("A one-page PDF of the month’s KOC performance: new advocates, posts and "
                                     "engagement, share of voice, top keywords and top KOC of the own brands."));
  months = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (months), MIN (selected, starts->len - 1));
  gtk_accessible_update_property (GTK_ACCESSIBLE (months), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Month"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), months);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "choose", _("_Choose File…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "months", months);
  g_object_set_data_full (G_OBJECT (dialog), "starts", starts, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (month_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_clicked_cb (GtkButton       *button,
                   KocKeywordsPane *self)
{
  koc_keywords_pane_cancel_report (self);
}

void
_koc_keywords_report_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "keywords.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "keywords.report", NULL, report_action);
}

void
_koc_keywords_report_init (KocKeywordsPane *self)
{
  g_signal_connect (self->report_cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
}

void
_koc_keywords_report_dispose (KocKeywordsPane *self)
{
  /* The steps still queued hold a reference to the pane; a running drawing thread
   * finishes on its own and its callback frees the job. */
  g_cancellable_cancel (self->report_cancellable);
}
