/* bench-import.c: importing a generated advocate CSV vs the sqlite3 shell's .import.
 *
 *   bench-import [ROWS] [WORKDIR]     (default 100000 rows, a temporary directory)
 *
 * Writes ROWS advocates (name, handle, platform, followers as people write them — 3.3k,
 * 1.2万 —, engagement rate, region, category, email) as CSV, then times
 *   ours:     koc_import_run_sync() into a new workspace: per row a person, an account
 *             and a metric snapshot, with the FTS indexes built in bulk, one transaction;
 *   baseline: `sqlite3 DB ".import --csv FILE advocates"` into a plain table of the same
 *             columns in an empty database, in the same run.
 * Prints one line:
 *   bench import-100k: <ratio>x (ours <v> s, baseline <v> s, goal <= 2x)
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "koc-import.h"
#include "koc-store.h"

static const char * const platforms[] = { "小红书", "douyin", "weibo", "bilibili", "instagram" };
static const char * const regions[] = { "上海", "北京", "杭州", "成都", "Sydney", "广州" };
static const char * const categories[] = { "beauty", "food", "tech", "parenting", "travel" };

static void
write_csv (const char *path,
           guint       rows)
{
  FILE *file = g_fopen (path, "wb");
  guint32 state = 20261101;

  g_assert (file != NULL);
  fputs ("昵称,账号,平台,粉丝数,互动率,地区,类别,邮箱\n", file);
  for (guint i = 0; i < rows; i++)
    {
      guint followers;

      state = state * 1664525u + 1013904223u;
      followers = 200 + state % 400000;
      fprintf (file, "达人%u号,koc_%u,%s,", i, i, platforms[i % G_N_ELEMENTS (platforms)]);
      if (followers >= 10000 && i % 2 == 0)
        fprintf (file, "%.1f万,", followers / 10000.0);
      else if (followers >= 1000 && i % 3 == 0)
        fprintf (file, "%.1fk,", followers / 1000.0);
      else
        fprintf (file, "%u,", followers);
      fprintf (file, "%.2f%%,%s,%s,koc%u@example.com\n", (state >> 8) % 1000 / 100.0,
               regions[i % G_N_ELEMENTS (regions)], categories[(i / 7) % G_N_ELEMENTS (categories)], i);
    }
  g_assert (fclose (file) == 0);
}

int
main (int   argc,
      char *argv[])
{
  guint rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = argc > 2 ? g_strdup (argv[2]) : g_dir_make_tmp ("kocdesk-bench-import-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "advocates.csv", NULL);
  g_autofree char *db = g_build_filename (dir, "ours.db", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.db", NULL);
  g_autoptr(KocStore) store = NULL;
  g_autoptr(KocImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start;
  double ours, base;
  int status = 0;
  const char *baseline_argv[] = {
    "sqlite3", plain,
    "CREATE TABLE advocates (name TEXT, handle TEXT, platform TEXT, followers TEXT,"
    " engagement_rate TEXT, region TEXT, category TEXT, email TEXT)",
    NULL, NULL
  };
  g_autofree char *import_command = g_strdup_printf (".import --csv --skip 1 %s advocates", csv);

  if (rows == 0 || dir == NULL)
    {
      g_printerr ("usage: bench-import [ROWS] [WORKDIR]\n");
      return 2;
    }
  baseline_argv[3] = import_command;
  write_csv (csv, rows);
  g_unlink (db);
  g_unlink (plain);

  store = koc_store_open_sync (db, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  report = koc_import_run_sync (store, csv, NULL, NULL, &error);
  ours = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  if (report->created != rows)
    {
      g_printerr ("bench-import: %llu of %u rows created\n", (unsigned long long) report->created, rows);
      return 1;
    }

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) baseline_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-import: the sqlite3 shell failed: %s %s\n", error->message, err ? err : "");
      return 1;
    }
  base = (g_get_monotonic_time () - start) / 1e6;

  g_printerr ("bench-import: %u rows, %.0f rows/s (ours), %.0f rows/s (sqlite3 .import); work directory %s\n",
              rows, rows / ours, rows / base, dir);
  if (rows == 100000)
    g_print ("bench import-100k: %.2fx (ours %.2f s, baseline %.2f s, goal <= 2x)\n", ours / base, ours, base);
  else
    g_print ("bench import-%u: %.2fx (ours %.2f s, baseline %.2f s, goal <= 2x)\n", rows, ours / base, ours,
             base);
  g_clear_object (&store);
  if (argc <= 2)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (csv);
      g_unlink (db);
      g_unlink (plain);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
