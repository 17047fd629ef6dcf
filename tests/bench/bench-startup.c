/* bench-startup.c: start-up to the first frame, and resident memory at that moment.
 *
 *   bench-startup bare         an empty AdwApplicationWindow
 *   bench-startup ours DIR     KOC Desk with XDG_DATA_HOME=DIR (DIR/kocdesk/NAME.db), until
 *                              the Discover pane has listed the workspace and painted it
 * Prints "<ms> <rss-kB> <ui-cpu-ms>" on stdout: the wall time from main() to that frame, the
 * resident memory then, and the CPU time the UI thread used until then (less noisy than the
 * wall time on a busy machine; for comparing changes). Run under tests/gui-wrapper.sh
 * (tests/bench/run does).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <adwaita.h>

#include "koc-application.h"
#include "koc-discover-pane.h"
#include "koc-i18n.h"
#include "koc-window.h"

static gint64 started;
static GtkWidget *watched;
static gboolean ours;
static gulong paint_handler;

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

/* The calling thread's CPU time (user + system), in ms. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return -1;
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static GtkWidget *
find_pane (GtkWidget *root)
{
  if (KOC_IS_DISCOVER_PANE (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_pane (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (ours)
    {
      GtkWidget *pane = find_pane (watched);

      /* Listed and painted: the results are there and no search is running. */
      if (pane == NULL || koc_window_get_workspace_name (KOC_WINDOW (watched)) == NULL ||
          koc_discover_pane_is_busy (KOC_DISCOVER_PANE (pane)) ||
          g_list_model_get_n_items (koc_discover_pane_get_results (KOC_DISCOVER_PANE (pane))) == 0)
        {
          gtk_widget_queue_draw (watched);
          return;
        }
    }
  printf ("%.1f %ld %.1f\n", (g_get_monotonic_time () - started) / 1000.0, rss_kb (), thread_cpu_ms ());
  fflush (stdout);
  g_signal_handler_disconnect (clock, paint_handler);
  g_application_quit (g_application_get_default ());
}

static void
watch (GtkWidget *window)
{
  watched = window;
  gtk_widget_realize (window);
  paint_handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                    G_CALLBACK (after_paint_cb), NULL);
}

static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  watch (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
ours_activate_cb (GApplication *app)
{
  watch (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app))));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  started = g_get_monotonic_time ();
  if (argc < 2 || (g_str_equal (argv[1], "ours") && argc < 3))
    {
      fprintf (stderr, "usage: bench-startup bare | ours XDG_DATA_HOME\n");
      return 2;
    }
  ours = g_str_equal (argv[1], "ours");
  if (ours)
    {
      g_setenv ("XDG_DATA_HOME", argv[2], TRUE);
      koc_i18n_init ();
      app = G_APPLICATION (koc_application_new (G_APPLICATION_NON_UNIQUE));
      /* After the application's own activate handler made the window. */
      g_signal_connect_after (app, "activate", G_CALLBACK (ours_activate_cb), NULL);
    }
  else
    {
      app = G_APPLICATION (adw_application_new ("io.github.kocdesk.Bare", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
    }
  return g_application_run (app, 1, argv);
}
