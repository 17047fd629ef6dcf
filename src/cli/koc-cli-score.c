/* koc-cli-score.c: `kocdesk-cli score --db FILE.db` — recompute KOC scores.
 *
 * --dirty rescoring only the people whose inputs changed (score_dirty), --weights
 * E,A,AU,C,R stores new weights first (percent; scaled to sum 100), --now UNIX-TIME
 * scores as of that time (the demo's reference date, for example).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "koc-cli.h"
#include "koc-db.h"
#include "koc-score.h"

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  if (isatty (fileno (stderr)))
    fprintf (stderr, "\r%" G_GUINT64_FORMAT " / %" G_GUINT64_FORMAT, done, total);
}

int
koc_cli_score (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *weights_text = NULL;
  gboolean dirty = FALSE;
  gint64 now = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The workspace file"), "FILE.db" },
    { "dirty", 0, 0, G_OPTION_ARG_NONE, &dirty, N_("Only people whose score inputs changed"), NULL },
    { "weights", 0, 0, G_OPTION_ARG_STRING, &weights_text,
      N_("Engagement, affinity, authenticity, conversion, recency weights in percent"), "E,A,AU,C,R" },
    { "now", 0, 0, G_OPTION_ARG_INT64, &now, N_("Score as of this Unix time"), "SECONDS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— recompute KOC scores"));
  g_autoptr(GError) error = NULL;
  KocScoreWeights weights;
  guint64 n = 0;
  gint64 start;
  sqlite3 *db;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return koc_cli_fail ("%s", error->message);
  if (db_path == NULL)
    return koc_cli_fail ("%s", _("score needs --db FILE.db"));

  if (weights_text != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (weights_text, ",", -1);

      if (g_strv_length (parts) != KOC_SCORE_N_COMPONENTS)
        return koc_cli_fail (_("--weights needs %d numbers separated by commas"), KOC_SCORE_N_COMPONENTS);
      for (guint i = 0; i < KOC_SCORE_N_COMPONENTS; i++)
        weights.weight[i] = g_ascii_strtod (parts[i], NULL);
    }

  if ((db = koc_db_open (db_path, KOC_STORE_OPEN_DEFAULT, &error)) == NULL)
    return koc_cli_fail ("%s", error->message);

  start = g_get_monotonic_time ();
  if (!koc_db_begin_write (db, &error))
    goto fail;
  if ((weights_text != NULL && !koc_score_weights_save (db, &weights, &error)) ||
      !koc_score_recompute (db, dirty && weights_text == NULL ? KOC_SCORE_SCOPE_DIRTY : KOC_SCORE_SCOPE_ALL,
                            NULL, 0, now, progress_cb, NULL, NULL, &n, &error))
    {
      koc_db_rollback (db);
      goto fail;
    }
  if (!koc_db_commit (db, &error))
    goto fail;
  koc_db_close (db);

  if (isatty (fileno (stderr)))
    fprintf (stderr, "\n");
  printf (g_dngettext (GETTEXT_PACKAGE, "Scored %llu person in %.2f s\n", "Scored %llu people in %.2f s\n", n),
          (unsigned long long) n, (g_get_monotonic_time () - start) / 1e6);
  return 0;

fail:
  koc_db_close (db);
  return koc_cli_fail ("%s", error->message);
}
