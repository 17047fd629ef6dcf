/* koc-cli.h: the subcommands of kocdesk-cli.
 *
 * Each subcommand gets the arguments after its name (argv[0] is the subcommand name),
 * prints results on stdout, messages on stderr, and returns the process exit status:
 * 0 on success, 1 on a failure it explained, 2 on a usage error.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int koc_cli_check  (int    argc,
                    char **argv);
int koc_cli_digest (int    argc,
                    char **argv);
int koc_cli_demo   (int    argc,
                    char **argv);
int koc_cli_export (int    argc,
                    char **argv);
int koc_cli_import (int    argc,
                    char **argv);
int koc_cli_keywords (int  argc,
                      char **argv);
int koc_cli_report (int    argc,
                    char **argv);
/* `report campaign …` (koc-cli-campaign-report.c); @argv[0] is "campaign". */
int koc_cli_report_campaign (int    argc,
                             char **argv);
/* `export mediakit`: argv[0] is "mediakit". */
int koc_cli_mediakit (int  argc,
                      char **argv);
/* `export qr`: argv[0] is "qr". */
int koc_cli_qr     (int    argc,
                    char **argv);
int koc_cli_score  (int    argc,
                    char **argv);
int koc_cli_search (int    argc,
                    char **argv);
int koc_cli_sync   (int    argc,
                    char **argv);

/* Prints "kocdesk-cli: MESSAGE" on stderr and returns 1, for `return koc_cli_fail (…)`. */
int koc_cli_fail   (const char *format,
                    ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
