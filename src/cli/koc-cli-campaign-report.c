/* koc-cli-campaign-report.c: `kocdesk-cli report campaign --db FILE.db --campaign ID
 * --out FILE.pdf` — the campaign report of src/charts/koc-campaign-report.c (the
 * Campaigns pane's "Export Report (PDF)…" draws the same pages).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "koc-campaign-report.h"
#include "koc-cli.h"
#include "koc-store.h"

static gboolean
gather_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  *result = koc_campaign_report_gather (db, *(gint64 *)data, error);
  return *result != NULL;
}

int
koc_cli_report_campaign (int    argc,
                         char **argv)
{
  g_autofree char *db_path = NULL, *out = NULL;
  gint64 campaign = 0;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The workspace"), "FILE.db" },
    { "campaign", 0, 0, G_OPTION_ARG_INT64, &campaign, N_("The campaign's id"), "ID" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), "FILE.pdf" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = NULL;
  g_autoptr(KocCampaignReport) report = NULL;
  g_autofree char *workspace = NULL;

  g_option_context_set_summary (context, _("A PDF report of a campaign."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return koc_cli_fail (_("report: %s"), error->message);
  if (db_path == NULL || campaign <= 0 || out == NULL)
    {
      fprintf (stderr, "%s\n", _("Usage: kocdesk-cli report campaign --db FILE.db --campaign ID --out FILE.pdf"));
      return 2;
    }
  store = koc_store_open_sync (db_path, KOC_STORE_OPEN_READ_ONLY, NULL, &error);
  if (store == NULL ||
      !koc_store_run_sync (store, gather_func, &campaign, (gpointer *)&report, NULL, &error))
    return koc_cli_fail (_("report: %s"), error->message);
  workspace = g_path_get_basename (db_path);
  if (!koc_campaign_report_write_pdf (report, workspace, out, NULL, &error))
    return koc_cli_fail (_("report: %s"), error->message);
  printf (_("Report written: %s\n"), out);
  return 0;
}
