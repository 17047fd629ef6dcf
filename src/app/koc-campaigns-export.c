/* koc-campaigns-export.c: the pane's exports of the campaign shown — the rewards ledger
 * as CSV (for Excel: a byte order mark and the formula guard, koc-export-rewards.h) and
 * the campaign report as a PDF (koc-campaign-report.h: read on the store's worker, drawn
 * in a thread of its own).
 *
 *   campaigns.export-rewards         asks for a file, then writes it
 *   campaigns.export-rewards-to (s)  writes to a path (the chooser's answer; tests)
 *   campaigns.export-report, campaigns.export-report-to (s)   the same for the report
 *   campaigns.export-board, campaigns.export-board-to (s)     the same for the board's
 *                                    people as CSV for Excel (koc_export_selection_async)
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaign-report.h"
#include "koc-campaigns-pane-private.h"
#include "koc-export.h"
#include "koc-export-rewards.h"

typedef struct
{
  KocCampaignsPane *self;
  char             *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->self);
  g_free (job->path);
  g_free (job);
}

/* A new export of the selected campaign to @path; NULL when there is nothing to export. */
static ExportJob *
export_job_new (KocCampaignsPane *self,
                const char       *path)
{
  ExportJob *job;

  if (self->store == NULL || self->campaign_id <= 0 || path == NULL || *path == '\0')
    return NULL;
  job = g_new0 (ExportJob, 1);
  job->self = g_object_ref (self);
  job->path = g_strdup (path);
  _koc_campaigns_busy_changed (self, 1);
  return job;
}

/* Ends @job with a toast: @title when it wrote the file, else @error (unless cancelled). */
static void
export_job_done (ExportJob    *job,
                 const char   *title,
                 const GError *error)
{
  KocCampaignsPane *self = job->self;

  _koc_campaigns_busy_changed (self, -1);
  if (title != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  export_job_free (job);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GError) error = NULL;
  gint64 n = koc_export_rewards_finish (KOC_STORE (source), result, &error);
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Exported %lld reward to “%s”",
                                                         "Exported %lld rewards to “%s”", MAX (n, 0)),
                                            (long long)n, name);

  export_job_done (job, n < 0 ? NULL : title, error);
}

static void
export_rewards_to (KocCampaignsPane *self,
                   const char       *path)
{
  ExportJob *job = export_job_new (self, path);

  if (job != NULL)
    koc_export_rewards_async (self->store, self->campaign_id, KOC_EXPORT_EXCEL, path,
                              self->cancellable, exported_cb, job);
}

/* The board's people ------------------------------------------------------------ */

static void
board_exported_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GError) error = NULL;
  gint64 n = koc_export_selection_finish (KOC_STORE (source), result, &error);
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Exported %lld account to “%s”",
                                                         "Exported %lld accounts to “%s”", MAX (n, 0)),
                                            (long long)n, name);

  export_job_done (job, n < 0 ? NULL : title, error);
}

static void
export_board_to (KocCampaignsPane *self,
                 const char       *path)
{
  ExportJob *job = export_job_new (self, path);

  if (job != NULL)
    koc_export_selection_async (self->store, KOC_EXPORT_SELECTION_BOARD, &self->campaign_id, 1,
                                KOC_EXPORT_CSV, KOC_EXPORT_EXCEL, path, self->cancellable,
                                board_exported_cb, job);
}

/* The report ---------------------------------------------------------------- */

typedef struct
{
  KocCampaignsPane  *self;
  char              *path;
  char              *workspace;
  KocCampaignReport *report;
} ReportJob;

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_object_unref (job->self);
  g_free (job->path);
  g_free (job->workspace);
  koc_campaign_report_free (job->report);
  g_free (job);
}

static void
report_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ReportJob *job = data;
  GError *error = NULL;

  if (koc_campaign_report_write_pdf (job->report, job->workspace, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
report_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  KocCampaignsPane *self = job->self;
  g_autoptr(GError) error = NULL;

  _koc_campaigns_busy_changed (self, -1);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  else
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_autofree char *title = g_strdup_printf (_("Report written to “%s”"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }
}

static gboolean
report_gather_func (sqlite3       *db,
                    gpointer       data,
                    gpointer      *result,
                    GCancellable  *cancellable,
                    GError       **error)
{
  *result = koc_campaign_report_gather (db, *(gint64 *)data, error);
  return *result != NULL;
}

static void
report_gathered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ReportJob *job = user_data;
  KocCampaignsPane *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *)&job->report, &error))
    {
      _koc_campaigns_busy_changed (self, -1);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      report_job_free (job);
      return;
    }
  task = g_task_new (NULL, self->cancellable, report_written_cb, NULL);
  g_task_set_task_data (task, job, report_job_free);
  g_task_run_in_thread (task, report_thread);
}

static void
export_report_to (KocCampaignsPane *self,
                  const char       *path)
{
  ReportJob *job;

  if (self->store == NULL || self->campaign_id <= 0 || path == NULL || *path == '\0')
    return;
  job = g_new0 (ReportJob, 1);
  job->self = g_object_ref (self);
  job->path = g_strdup (path);
  job->workspace = g_path_get_basename (koc_store_get_path (self->store));
  _koc_campaigns_busy_changed (self, 1);
  koc_store_run_async (self->store, report_gather_func,
                       g_memdup2 (&self->campaign_id, sizeof (gint64)), g_free,
                       (GDestroyNotify)koc_campaign_report_free, self->cancellable,
                       report_gathered_cb, job);
}

/* Choosing the file ---------------------------------------------------------- */

typedef enum
{
  EXPORT_REWARDS,
  EXPORT_REPORT,
  EXPORT_BOARD,
} ExportKind;

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     KocCampaignsPane *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      switch (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "koc-export")))
        {
        case EXPORT_REPORT:
          export_report_to (self, path);
          break;
        case EXPORT_BOARD:
          export_board_to (self, path);
          break;
        case EXPORT_REWARDS:
        default:
          export_rewards_to (self, path);
          break;
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static const KocCampaign *
shown_campaign (KocCampaignsPane *self)
{
  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    if (((KocCampaign *)self->campaigns->pdata[i])->id == self->campaign_id)
      return self->campaigns->pdata[i];
  return NULL;
}

static void
choose_file (KocCampaignsPane *self,
             ExportKind        kind)
{
  static const char *titles[] = {
    N_("Export Rewards Ledger"), N_("Export Campaign Report"), N_("Export Board"),
  };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const KocCampaign *campaign = shown_campaign (self);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->store == NULL || campaign == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_(titles[kind]),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* TRANSLATORS: file names of a campaign's exports, e.g. "双11 种草 rewards.csv" */
  name = g_strdup_printf (kind == EXPORT_REPORT ? _("%s report.pdf")
                         : kind == EXPORT_BOARD ? _("%s board.csv") : _("%s rewards.csv"), campaign->name);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "koc-export", GINT_TO_POINTER (kind));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_rewards_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  choose_file (user_data, EXPORT_REWARDS);
}

static void
export_report_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  choose_file (user_data, EXPORT_REPORT);
}

static void
export_board_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  choose_file (user_data, EXPORT_BOARD);
}

static void
export_board_to_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  export_board_to (user_data, g_variant_get_string (parameter, NULL));
}

static void
export_report_to_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  export_report_to (user_data, g_variant_get_string (parameter, NULL));
}

static void
export_rewards_to_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  export_rewards_to (user_data, g_variant_get_string (parameter, NULL));
}

void
_koc_campaigns_export_actions_init (KocCampaignsPane *self)
{
  static const GActionEntry entries[] = {
    { "export-rewards", export_rewards_activated },
    { "export-rewards-to", export_rewards_to_activated, "s" },
    { "export-report", export_report_activated },
    { "export-report-to", export_report_to_activated, "s" },
    { "export-board", export_board_activated },
    { "export-board-to", export_board_to_activated, "s" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
}
