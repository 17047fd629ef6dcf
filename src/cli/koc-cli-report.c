/* koc-cli-report.c: `kocdesk-cli report --db FILE.db --month YYYY-MM --out FILE.pdf`.
 *
 * (`report campaign …` is koc-cli-campaign-report.c.)
 *
 * A one-page PDF of the month's KOC performance for the own brands: new advocates (people
 * who reached the advocate or ambassador stage), posts mentioning an own brand and their
 * engagement, share of voice among all brands (mentions and engagement), the top keywords
 * of each own brand as side-by-side clouds, and the top KOC by engagement. Everything from
 * the workspace (keyword aggregates brought up to date first), drawn by
 * src/charts/koc-report.c (the Keywords pane's "Monthly Report…" draws the same page).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "koc-cli.h"
#include "koc-keyword-store.h"
#include "koc-report.h"
#include "koc-store.h"

typedef struct
{
  int        year, month;
  KocReport *report;
} Job;

static gboolean
gather_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;

  if (!koc_keyword_store_refresh (db, cancellable, NULL, error))
    return FALSE;
  job->report = koc_report_gather (db, job->year, job->month, cancellable, error);
  return job->report != NULL;
}

int
koc_cli_report (int    argc,
                char **argv)
{
  g_autofree char *db_path = NULL, *month = NULL, *out = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The workspace"), "FILE.db" },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month (UTC)"), "YYYY-MM" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), "FILE.pdf" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = NULL;
  Job job = { 0 };
  gboolean ok;

  if (argc >= 2 && g_strcmp0 (argv[1], "campaign") == 0)
    return koc_cli_report_campaign (argc - 1, argv + 1);
  g_option_context_set_summary (context, _("A PDF of a month's KOC performance."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return koc_cli_fail (_("report: %s"), error->message);
  if (db_path == NULL || month == NULL || out == NULL)
    return koc_cli_fail (_("report: --db FILE.db, --month YYYY-MM and --out FILE.pdf are required"));
  if (!koc_report_parse_month (month, &job.year, &job.month))
    return koc_cli_fail (_("report: the month is written YYYY-MM"));

  store = koc_store_open_sync (db_path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  if (store == NULL || !koc_store_write_sync (store, gather_func, &job, NULL, NULL, &error))
    return koc_cli_fail (_("report: %s"), error->message);
  ok = koc_report_write_pdf (job.report, koc_store_get_path (store), out, NULL, &error);
  koc_report_free (job.report);
  if (!ok)
    return koc_cli_fail (_("report: %s"), error->message);
  printf (_("Report written: %s\n"), out);
  return 0;
}
