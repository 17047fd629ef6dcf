/* koc-cli-demo.c: `kocdesk-cli demo --scale N --out FILE.db [--seed S] [--force]`.
 *
 * Writes a deterministic demo workspace (see koc-demo.h). Progress goes to stderr; the
 * summary goes to stdout. Exit status: 0 written, 1 failed (e.g. the file exists and
 * --force was not given), 2 usage error.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "koc-cli.h"
#include "koc-demo.h"

typedef struct
{
  gboolean quiet;
  char     last_phase[32];
  gint64   phase_started;
} Progress;

/* Translatable strings use %llu: xgettext cannot see through G_GUINT64_FORMAT. */
typedef unsigned long long ull;

static void
progress_cb (const char *phase,
             guint64     done,
             guint64     total,
             gpointer    user_data)
{
  Progress *progress = user_data;
  gint64 now = g_get_monotonic_time ();

  if (progress->quiet)
    return;

  if (strcmp (progress->last_phase, phase) != 0)
    {
      g_strlcpy (progress->last_phase, phase, sizeof progress->last_phase);
      progress->phase_started = now;
    }

  if (done == total && total > 0)
    fprintf (stderr, _("demo: %-10s %llu done in %.1f s\n"), phase, (ull) total,
             (now - progress->phase_started) / 1e6);
  else if (done > 0)
    fprintf (stderr, _("demo: %-10s %llu / %llu\n"), phase, (ull) done, (ull) total);
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  fprintf (stderr, "kocdesk-cli demo: %s\n\n%s", message, help);
  return 2;
}

static void
print_summary (const char         *path,
               const KocDemoOptions *options,
               const KocDemoStats *stats)
{
  GStatBuf st;
  double seconds = stats->total_usec / 1e6;
  double load_seconds = stats->load_usec / 1e6;
  double megabytes = g_stat (path, &st) == 0 ? st.st_size / 1048576.0 : 0;

  printf (_("Demo workspace written: %s (seed %llu, scale %g)\n"),
          path, (ull) options->seed, options->scale);
  printf (_("  people %llu, accounts %llu, avatars %llu, metric snapshots %llu\n"),
          (ull) stats->people, (ull) stats->accounts, (ull) stats->media, (ull) stats->snapshots);
  printf (_("  posts %llu, brand mentions %llu, hashtags %llu\n"),
          (ull) stats->posts, (ull) stats->mentions, (ull) stats->hashtags);
  printf (_("  campaigns %llu, cards %llu, incentives %llu, referral codes %llu, redemptions %llu,"
            " rewards %llu, deliverables %llu\n"),
          (ull) stats->campaigns, (ull) stats->cards, (ull) stats->incentives,
          (ull) stats->referral_codes, (ull) stats->redemptions, (ull) stats->rewards,
          (ull) stats->deliverables);
  printf (_("  notes %llu, interactions %llu\n"), (ull) stats->notes, (ull) stats->interactions);
  printf (_("  %llu rows in %.2f s (%.0f rows/s), %.2f s of it inside SQLite; file %.1f MB\n"),
          (ull) stats->rows, seconds, seconds > 0 ? stats->rows / seconds : 0.0, load_seconds,
          megabytes);
}

int
koc_cli_demo (int    argc,
              char **argv)
{
  g_autofree char *scale_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *dump_sql = NULL;
  gboolean force = FALSE, quiet = FALSE, no_keywords = FALSE;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_text,
      N_("Size: 1 = 10,000 accounts and about 200,000 posts; fractions allowed"), "N" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The workspace file to write"), "FILE.db" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Random seed; the same seed and scale give the same workspace"), "S" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE.db if it exists"), NULL },
    { "dump-sql", 0, 0, G_OPTION_ARG_FILENAME, &dump_sql,
      N_("Also write every statement as SQL for the sqlite3 shell, and FILE.sql.empty.db to load it into (benchmarks)"), "FILE.sql" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("No progress messages"), NULL },
    { "no-keywords", 0, 0, G_OPTION_ARG_NONE, &no_keywords,
      N_("Leave the keyword aggregates to the app’s first catch-up (benchmarks)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  KocDemoOptions options = { 0 };
  KocDemoStats stats = { 0 };
  Progress progress = { 0 };
  char *end = NULL;

  g_option_context_set_summary (context, _("Write a deterministic demo workspace."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc > 1)
    return usage_error (context, _("unexpected argument"));
  if (out == NULL || *out == '\0')
    return usage_error (context, _("--out FILE.db is required"));

  options.scale = 1.0;
  if (scale_text != NULL)
    {
      options.scale = g_ascii_strtod (scale_text, &end);
      if (end == scale_text || *end != '\0' || !(options.scale > 0 && options.scale <= 100))
        return usage_error (context, _("--scale takes a number more than 0 and at most 100"));
    }

  options.seed = KOC_DEMO_DEFAULT_SEED;
  if (seed_text != NULL &&
      !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &options.seed, &error))
    return usage_error (context, _("--seed takes a non-negative whole number"));

  progress.quiet = quiet;
  options.force = force;
  options.dump_sql = dump_sql;
  options.no_keywords = no_keywords;
  options.progress = progress_cb;
  options.user_data = &progress;

  if (!koc_demo_generate (out, &options, &stats, &error))
    return koc_cli_fail (_("demo: %s"), error->message);

  print_summary (out, &options, &stats);
  return 0;
}
