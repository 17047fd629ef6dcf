/* koc-cli-export.c: `kocdesk-cli export`.
 *
 *   export --db DB --what people|accounts|posts|campaigns|rewards|notes
 *          --format csv|json [--bom] --out FILE
 *   export --db DB --backup FILE.db      (a consistent online copy, sqlite3_backup)
 *   export rewards --db DB --campaign ID [--bom] --out FILE.csv
 *                                        (a campaign's rewards ledger with totals)
 *   export selection --db DB (--accounts ID,… | --people ID,… | --campaign ID)
 *          [--format csv|json] [--bom | --excel] --out FILE
 *                                        (what Discover's and a board's Export write:
 *                                        accounts, people, or a campaign board's people)
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "koc-cli.h"
#include "koc-export.h"
#include "koc-export-rewards.h"

/* "1,2,3" → ids; FALSE when a part is not a positive number. */
static gboolean
parse_ids (const char *text,
           GArray     *ids)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 id = 0;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, G_MAXINT64, &id, NULL))
        return FALSE;
      g_array_append_val (ids, id);
    }
  return ids->len > 0;
}

static int
export_selection (KocStore        *store,
                  const char      *accounts,
                  const char      *people,
                  gint64           campaign,
                  KocExportFormat  format,
                  KocExportFlags   flags,
                  const char      *out)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  KocExportSelection kind;
  guint64 n_rows = 0;

  if ((accounts != NULL) + (people != NULL) + (campaign > 0) != 1 || out == NULL)
    {
      fprintf (stderr, "%s\n", _("Usage: kocdesk-cli export selection --db FILE.db (--accounts ID,… |"
                                 " --people ID,… | --campaign ID) [--format csv|json] [--bom |"
                                 " --excel] --out FILE"));
      return 2;
    }
  kind = accounts != NULL ? KOC_EXPORT_SELECTION_ACCOUNTS
         : people != NULL ? KOC_EXPORT_SELECTION_PEOPLE : KOC_EXPORT_SELECTION_BOARD;
  if (campaign > 0)
    g_array_append_val (ids, campaign);
  else if (!parse_ids (accounts != NULL ? accounts : people, ids))
    return koc_cli_fail (_("“%s” is not a list of ids such as 12,40,41"), accounts != NULL ? accounts : people);
  if (!koc_export_selection_sync (store, kind, (const gint64 *) ids->data, ids->len, format, flags, out,
                                  &n_rows, NULL, &error))
    return koc_cli_fail ("%s", error->message);
  fprintf (stderr, _("Exported %llu rows to “%s”.\n"), (unsigned long long) n_rows, out);
  return 0;
}

int
koc_cli_export (int    argc,
                char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *what = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *people = NULL;
  gboolean bom = FALSE, excel = FALSE, selection = FALSE;
  gint64 campaign = 0;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Workspace file"), "FILE.db" },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what, N_("people, accounts, posts, campaigns, rewards or notes"), "TABLE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv (default) or json"), "FORMAT" },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start the CSV with a byte order mark (for Excel)"), NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("File to write"), "FILE" },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, &backup, N_("Write a consistent copy of the workspace"), "FILE.db" },
    { "campaign", 0, 0, G_OPTION_ARG_INT64, &campaign, N_("With rewards: the ledger of this campaign, with totals"), "ID" },
    { "accounts", 0, 0, G_OPTION_ARG_STRING, &accounts, N_("With selection: these accounts, in this order"), "ID,…" },
    { "people", 0, 0, G_OPTION_ARG_STRING, &people, N_("With selection: these people, every account of each"), "ID,…" },
    { "excel", 0, 0, G_OPTION_ARG_NONE, &excel, N_("CSV for Excel: a byte order mark, and cells that would run as formulas guarded"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— export a table or a selection, or back up a workspace"));
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = NULL;
  KocExportFormat export_format = KOC_EXPORT_CSV;
  guint64 n_rows = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "kocdesk-cli export: %s\n", error->message);
      return 2;
    }
  if (argc == 2 && strcmp (argv[1], "rewards") == 0 && what == NULL)
    {
      what = g_strdup ("rewards");
      argc = 1;
      if (campaign <= 0)
        {
          fprintf (stderr, "%s\n", _("Usage: kocdesk-cli export rewards --db FILE.db --campaign ID"
                                     " [--bom] --out FILE.csv"));
          return 2;
        }
    }
  if (argc == 2 && strcmp (argv[1], "selection") == 0 && what == NULL)
    {
      selection = TRUE;
      argc = 1;
    }
  if (argc != 1 || db == NULL || (!selection && backup == NULL && (what == NULL || out == NULL)))
    {
      fprintf (stderr, "%s\n", _("Usage: kocdesk-cli export --db FILE.db --what TABLE --format csv|json"
                                 " [--bom] --out FILE | --db FILE.db --backup COPY.db"));
      return 2;
    }
  if (format != NULL && strcmp (format, "json") == 0)
    export_format = KOC_EXPORT_JSON;
  else if (format != NULL && strcmp (format, "csv") != 0)
    {
      fprintf (stderr, "kocdesk-cli export: ");
      fprintf (stderr, _("unknown format “%s”: use csv or json"), format);
      fprintf (stderr, "\n");
      return 2;
    }

  store = koc_store_open_sync (db, KOC_STORE_OPEN_READ_ONLY, NULL, &error);
  if (store == NULL)
    return koc_cli_fail ("%s", error->message);

  if (selection)
    return export_selection (store, accounts, people, campaign, export_format,
                             (excel ? KOC_EXPORT_EXCEL : 0) | (bom ? KOC_EXPORT_BOM : 0), out);
  if (backup != NULL)
    {
      if (!koc_export_backup_sync (store, backup, NULL, &error))
        return koc_cli_fail ("%s", error->message);
      fprintf (stderr, _("Backed up “%s” to “%s”.\n"), db, backup);
      return 0;
    }

  if (campaign > 0 && strcmp (what, "rewards") == 0)
    {
      if (export_format != KOC_EXPORT_CSV)
        return koc_cli_fail ("%s", _("The rewards ledger is written as CSV"));
      if (!koc_export_rewards_sync (store, campaign, bom ? KOC_EXPORT_BOM : 0, out, &n_rows, NULL, &error))
        return koc_cli_fail ("%s", error->message);
      fprintf (stderr, _("Exported %llu %s to “%s”.\n"), (unsigned long long) n_rows, what, out);
      return 0;
    }
  if (!koc_export_table_sync (store, what, export_format, bom, out, &n_rows, NULL, &error))
    return koc_cli_fail ("%s", error->message);
  fprintf (stderr, _("Exported %llu %s to “%s”.\n"), (unsigned long long) n_rows, what, out);
  return 0;
}
