/* kocdesk-cli.c: entry point of the KOC Desk command line (no GTK).
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
#include "koc-i18n.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "check",  koc_cli_check,  N_("FILE.db — integrity and schema checks; exit 1 on a problem") },
  { "digest", koc_cli_digest, N_("FILE.db — one digest of all synced content (equal digests = equal data)") },
  { "demo",   koc_cli_demo,   N_("--scale N --out FILE.db [--seed S] — write a demo workspace") },
  { "export", koc_cli_export, N_("--db FILE.db --what TABLE --format csv|json --out FILE | --backup COPY.db") },
  { "import", koc_cli_import, N_("FILE --preview [--json] | FILE --db FILE.db [--platform P] | --undo ID --db FILE.db") },
  { "keywords", koc_cli_keywords, N_("--db FILE.db --brand NAME [--from DATE --to DATE] | --text FILE [--top N] [--json] — keywords") },
  { "report", koc_cli_report, N_("--db FILE.db --month YYYY-MM --out FILE.pdf — monthly KOC report") },
  { "score",  koc_cli_score,  N_("--db FILE.db [--dirty] [--weights E,A,AU,C,R] [--now T] — recompute KOC scores") },
  { "search", koc_cli_search, N_("FILE.db QUERY [--json] [--limit N] — search people, accounts, posts") },
  { "sync",   koc_cli_sync,   N_("--db FILE.db --server URL [--token-env VAR] — push edits, pull changes") },
};

int
koc_cli_fail (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "kocdesk-cli: %s\n", message);
  return 1;
}

static int
usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: kocdesk-cli COMMAND [ARGS…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-7s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "  %s\n          %s\n", "export mediakit",
           _("--db FILE.db --person ID | --compare ID,ID[,ID,ID] --out FILE.pdf|FILE.png — media kits"));
  fprintf (out, "  %s\n          %s\n", "export qr",
           _("--db FILE.db --campaign ID --out FILE.pdf|FILE.png [--url URL] [--new-codes] — referral QR stickers"));
  fprintf (out, "  %s\n          %s\n", "export rewards",
           _("--db FILE.db --campaign ID [--bom] --out FILE.csv — a campaign's rewards ledger"));
  fprintf (out, "  %s\n          %s\n", "export selection",
           _("--db FILE.db --accounts ID,… | --people ID,… | --campaign ID [--format csv|json] [--excel]"
             " --out FILE — a Discover selection or a campaign board's people"));
  fprintf (out, "  %s\n          %s\n", "report campaign",
           _("--db FILE.db --campaign ID --out FILE.pdf — campaign report"));
  return out == stdout ? 0 : 2;
}

int
main (int    argc,
      char **argv)
{
  koc_i18n_init ();

  if (argc < 2)
    return usage (stderr);

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    return usage (stdout);

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("kocdesk-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* `export qr` too (koc-cli-qr.c). */
  if (argc > 2 && strcmp (argv[1], "export") == 0 && strcmp (argv[2], "qr") == 0)
    return koc_cli_qr (argc - 2, argv + 2);

  /* `export mediakit` has options of its own (koc-cli-mediakit.c). */
  if (argc > 2 && strcmp (argv[1], "export") == 0 && strcmp (argv[2], "mediakit") == 0)
    return koc_cli_mediakit (argc - 2, argv + 2);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, "kocdesk-cli: ");
  fprintf (stderr, _("unknown command “%s”"), argv[1]);
  fprintf (stderr, "\n\n");
  return usage (stderr);
}
