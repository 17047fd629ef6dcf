/* test-keywords.c: the Keywords pane on a small demo workspace, under Xvfb.
 *
 * A demo workspace (scale 0.03) without keyword aggregates is opened by the real
 * application: the pane runs the catch-up on the store's worker, then shows the own
 * brand's cloud for the last 365 days. The cloud's words are compared with
 * koc_keyword_store_top() on a second connection; a click on a word lists its posts;
 * a user stopword removes a word; the empty workspace shows the empty state; screenshots
 * in the light and dark style (KOCDESK_SCREENSHOT_DIR) without missing glyphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "koc-application.h"
#include "koc-demo.h"
#include "koc-i18n.h"
#include "koc-keyword-store.h"
#include "koc-keywords-cloud.h"
#include "koc-keywords-pane.h"
#include "koc-test-gui.h"
#include "koc-test-utils.h"
#include "koc-window.h"

static KocApplication *app;
static KocWindow *window;
static KocKeywordsPane *pane;
static KocKeywordsCloud *cloud;
static char *data_home;
static char *demo_path;

static gboolean
workspace_is (gpointer name)
{
  return g_strcmp0 (koc_window_get_workspace_name (window), name) == 0;
}

static gboolean
cloud_shown (gpointer data)
{
  return !koc_keywords_pane_is_busy (pane) && koc_keywords_cloud_get_cloud (cloud) != NULL;
}

static gboolean
settled (gpointer data)
{
  return !koc_keywords_pane_is_busy (pane);
}

static const char *
visible_state (void)
{
  GtkStack *stack = GTK_STACK (koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

static gboolean
state_is (gpointer name)
{
  return g_strcmp0 (visible_state (), name) == 0 && !koc_keywords_pane_is_busy (pane);
}

/* The own brand's top keywords over the last 365 days, from a second connection. */
static GPtrArray *
store_top (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  KocKeywordQuery query = { 0 };
  gint64 newest = 0;
  sqlite3_stmt *stmt = NULL;
  GPtrArray *top;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT id FROM brands ORDER BY is_own DESC, name LIMIT 1),"
                                       " (SELECT max (published_at) FROM posts)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  query.brand_id = sqlite3_column_int64 (stmt, 0);
  newest = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  query.to = newest;
  query.from = (newest / 86400 - 364) * 86400;
  top = koc_keyword_store_top (db, &query, NULL, &error);
  g_assert_no_error (error);
  sqlite3_close (db);
  return top;
}

static void
test_cloud (void)
{
  g_autoptr(GPtrArray) top = NULL;
  KocChartCloud *chart;
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "keywords");
  koc_test_gui_wait_until (cloud_shown, NULL, "the keyword cloud");
  koc_test_gui_wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpstr (visible_state (), ==, "content");

  /* The catch-up ran: every post is aggregated. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT max (id) FROM posts) = (SELECT CAST (value AS INTEGER)"
                                         " FROM workspace_meta WHERE key = 'keywords:watermark')", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* The cloud shows the store's top keywords, biggest first, none lost. */
  top = store_top ();
  chart = koc_keywords_cloud_get_cloud (cloud);
  n = koc_chart_cloud_get_n_words (chart);
  g_assert_cmpuint (n, ==, MIN (top->len, 80));
  g_assert_cmpuint (n, >, 10);
  for (guint i = 0; i < n; i++)
    {
      const KocCloudItem *item = koc_chart_cloud_get_word (chart, i);
      KocKeyword *k = g_ptr_array_index (top, i);

      g_assert_cmpint (item->count, ==, k->count);
    }
  g_assert_cmpstr (koc_chart_cloud_get_word (chart, 0)->text, ==,
                   ((KocKeyword *) g_ptr_array_index (top, 0))->keyword);
  g_assert_cmpuint (koc_chart_cloud_get_n_placed (chart) + koc_chart_cloud_get_overflow (chart)->len, ==, n);
  g_assert_nonnull (koc_keywords_cloud_get_description (cloud));
}

static void
test_click_lists_posts (void)
{
  KocChartCloud *chart = koc_keywords_cloud_get_cloud (cloud);
  const KocCloudItem *item = koc_chart_cloud_get_word (chart, 1);
  GtkListBox *posts = NULL;
  g_autoptr(GPtrArray) lists = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_LIST_BOX);
  g_autofree char *heading = NULL;
  guint n_rows = 0;

  for (guint i = 0; i < lists->len; i++)
    if (g_str_equal (gtk_widget_get_name (lists->pdata[i]), "posts_list"))
      posts = lists->pdata[i];
  g_assert_nonnull (posts);

  /* The click gesture is driven through the same signal the gesture emits. */
  g_signal_emit_by_name (cloud, "keyword-activated", item->text);
  koc_test_gui_wait_until (settled, NULL, "the posts of a keyword");
  koc_test_gui_wait_frames (GTK_WIDGET (window), 3);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (posts)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, >, 0);
  heading = g_strdup_printf (_("Posts with “%s”"), item->text);
  {
    g_autoptr(GPtrArray) labels = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_LABEL);
    gboolean found = FALSE;

    for (guint i = 0; i < labels->len; i++)
      found = found || g_strcmp0 (gtk_label_get_label (labels->pdata[i]), heading) == 0;
    g_assert_true (found);
  }
  /* The hit test finds the word where it was drawn. */
  g_assert_cmpint (koc_chart_cloud_hit_test (chart, item->x + item->width / 2, item->y + item->height / 2), ==, 1);
}

static void
test_stopword (void)
{
  GtkEntry *entry = NULL;
  GtkButton *ignore = NULL;
  g_autoptr(GPtrArray) entries = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_ENTRY);
  g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_BUTTON);
  g_autofree char *word = g_strdup (koc_chart_cloud_get_word (koc_keywords_cloud_get_cloud (cloud), 0)->text);
  KocChartCloud *chart;

  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), _("_Ignore")) == 0)
      ignore = buttons->pdata[i];
  g_assert_nonnull (ignore);

  gtk_editable_set_text (GTK_EDITABLE (entry), word);
  g_signal_emit_by_name (ignore, "clicked");
  koc_test_gui_wait_until (settled, NULL, "the pane to start over");
  koc_test_gui_wait_until (cloud_shown, NULL, "the cloud without the word");
  chart = koc_keywords_cloud_get_cloud (cloud);
  for (guint i = 0; i < koc_chart_cloud_get_n_words (chart); i++)
    g_assert_cmpstr (koc_chart_cloud_get_word (chart, i)->text, !=, word);
}

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  static const struct { const char *name; AdwColorScheme scheme; } styles[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT },
    { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
  };

  if (dir == NULL)
    {
      g_test_skip ("KOCDESK_SCREENSHOT_DIR not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "keywords");
  koc_test_gui_wait_until (cloud_shown, NULL, "the keyword cloud");
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_autofree char *name = g_strdup_printf ("keywords-%s.png", styles[s].name);
      g_autoptr(GdkTexture) texture = NULL;
      double lum;

      adw_style_manager_set_color_scheme (style_manager, styles[s].scheme);
      koc_test_gui_wait_frames (GTK_WIDGET (window), 30);
      g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (window)), ==, 0);
      texture = koc_test_gui_render (GTK_WIDGET (window));
      {
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (cloud), GTK_WIDGET (window), &bounds));
        lum = koc_test_gui_mean_luminance (texture, (int) bounds.origin.x, (int) bounds.origin.y,
                                           (int) bounds.size.width, (int) bounds.size.height);
      }
      /* The cloud follows the style: light background, or dark. */
      if (s == 0)
        g_assert_cmpfloat (lum, >, 0.6);
      else
        g_assert_cmpfloat (lum, <, 0.4);
      koc_test_gui_save_png (GTK_WIDGET (window), dir, name);
    }

  /* Share of voice: own brands and competitors, 30-day buckets over the year. */
  {
    g_autoptr(GPtrArray) stacks = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_STACK);
    GtkStack *views = NULL;

    for (guint i = 0; i < stacks->len; i++)
      if (gtk_stack_get_child_by_name (stacks->pdata[i], "share") != NULL)
        views = stacks->pdata[i];
    g_assert_nonnull (views);
    gtk_stack_set_visible_child_name (views, "share");
    koc_test_gui_wait_until (settled, NULL, "the share of voice");
    for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
      {
        g_autofree char *name = g_strdup_printf ("keywords-share-%s.png", styles[s].name);

        adw_style_manager_set_color_scheme (style_manager, styles[s].scheme);
        koc_test_gui_wait_frames (GTK_WIDGET (window), 30);
        g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (window)), ==, 0);
        koc_test_gui_save_png (GTK_WIDGET (window), dir, name);
      }
    gtk_stack_set_visible_child_name (views, "cloud");
  }
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_empty_workspace (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-workspace", "s", "Empty");
  koc_test_gui_wait_until (workspace_is, (gpointer) "Empty", "the empty workspace to open");
  koc_test_gui_wait_until (state_is, (gpointer) "empty", "the empty state");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-workspace", "s", "Demo");
  koc_test_gui_wait_until (workspace_is, (gpointer) "Demo", "the demo workspace to open again");
  koc_test_gui_wait_until (state_is, (gpointer) "content", "the keywords of the demo");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  KocDemoOptions options = { .scale = 0.03, .seed = KOC_DEMO_DEFAULT_SEED };
  int status;

  data_home = koc_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  koc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display (run the gui suite through tests/gui-wrapper.sh)\n");
      return 0;
    }

  dir = g_build_filename (data_home, "kocdesk", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  demo_path = g_build_filename (dir, "Demo.db", NULL);
  g_assert_true (koc_demo_generate (demo_path, &options, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *empty_path = g_build_filename (dir, "Empty.db", NULL);
    g_autoptr(KocStore) empty = koc_store_open_sync (empty_path, KOC_STORE_OPEN_CREATE, NULL, &error);

    g_assert_no_error (error);
  }

  app = koc_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = KOC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  koc_test_gui_wait_until (workspace_is, (gpointer) "Demo", "the demo workspace to open");
  pane = KOC_KEYWORDS_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_KEYWORDS_PANE));
  g_assert_nonnull (pane);
  cloud = KOC_KEYWORDS_CLOUD (koc_test_gui_find_widget (GTK_WIDGET (pane), KOC_TYPE_KEYWORDS_CLOUD));
  g_assert_nonnull (cloud);

  g_test_add_func ("/koc/app/keywords/cloud", test_cloud);
  g_test_add_func ("/koc/app/keywords/click-lists-posts", test_click_lists_posts);
  g_test_add_func ("/koc/app/keywords/screenshots", test_screenshots);
  g_test_add_func ("/koc/app/keywords/stopword", test_stopword);
  g_test_add_func ("/koc/app/keywords/empty-workspace", test_empty_workspace);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  koc_test_rm_rf (data_home);
  g_free (data_home);
  g_free (demo_path);
  return status;
}
