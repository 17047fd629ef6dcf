/* test-keywords.c: the Keywords pane on a small demo workspace, under Xvfb.
 *
 * A demo workspace (scale 0.03, keyword aggregates built by the generator) is opened by
 * the real application: the pane finds nothing to catch up and shows the own brand's
 * cloud for the last 365 days; after a stopword the pane's own catch-up reads every post
 * again (and the watermark is checked). The cloud's words are compared with
 * koc_keyword_store_top() on a second connection; a click on a word lists its posts;
 * a user stopword removes a word; the empty workspace shows the empty state; screenshots
 * in the light and dark style (KOCDESK_SCREENSHOT_DIR) without missing glyphs. Also: the
 * cloud's keyboard navigation and focus ring, the Competitors view (side-by-side clouds,
 * top KOC) and the monthly report PDF written from the pane (dialog, cancel, errors).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>

#include "koc-application.h"
#include "koc-db.h"
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

/* The watermark is the newest post's id, and @word (may be NULL) is in no aggregate. */
static void
assert_all_aggregated (const char *word)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT max (id) FROM posts) = (SELECT CAST (value AS INTEGER)"
                                       " FROM workspace_meta WHERE key = 'keywords:watermark'),"
                                       " (SELECT count (*) FROM keyword_totals WHERE keyword = ?1)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, word != NULL ? word : "", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
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

  /* Every post is aggregated (by the generator: nothing was left to catch up). */
  assert_all_aggregated (NULL);

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
  /* The pane's catch-up read every post again, without the word. */
  assert_all_aggregated (word);
}

/* The pixel at (@x, @y) of @texture as 0xRRGGBB. */
static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  guint32 argb;

  gdk_texture_download (texture, data, (gsize) width * 4);
  argb = *(guint32 *) (data + ((gsize) y * width + x) * 4);
  return argb & 0xffffff;
}

/* Keyboard: Tab enters the cloud on its biggest word and walks the words, the arrow keys'
 * action goes to a word in that direction, Home/End, Tab past the last word leaves the
 * cloud, Enter lists the focused word's posts; the focused word has a ring in the accent
 * colour; the accessible description names every word with its count. */
static void
test_keyboard (void)
{
  KocChartCloud *chart;
  const KocCloudItem *item, *from;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *heading = NULL;
  const char *description;
  guint32 ring, inside;
  int last = -1;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "keywords");
  koc_test_gui_wait_until (cloud_shown, NULL, "the keyword cloud");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  koc_test_gui_wait_frames (GTK_WIDGET (window), 3);
  chart = koc_keywords_cloud_get_cloud (cloud);
  g_assert_nonnull (chart);

  /* Every word, with its count, is in the accessible description. */
  description = koc_keywords_cloud_get_description (cloud);
  for (guint i = 0; i < koc_chart_cloud_get_n_words (chart); i++)
    {
      const KocCloudItem *word = koc_chart_cloud_get_word (chart, i);
      g_autofree char *count = g_strdup_printf ("%'lld", (long long) word->count);
      g_autofree char *needle = g_strdup_printf (word->trend >= 0.5 ? _("%s: %s posts, rising")
                                                 : word->trend <= -0.5 ? _("%s: %s posts, falling")
                                                 : _("%s: %s posts"), word->text, count);

      g_assert_nonnull (strstr (description, needle));
      if (word->placed)
        last = (int) i;
    }

  /* Tab (what GtkWindow's Tab binding calls) enters on the biggest word, then the next. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (cloud), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cloud)));
  g_assert_cmpint (koc_keywords_cloud_get_focus_word (cloud), ==, 0);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (cloud), GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (koc_keywords_cloud_get_focus_word (cloud), ==, 1);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (cloud), GTK_DIR_TAB_BACKWARD));
  g_assert_cmpint (koc_keywords_cloud_get_focus_word (cloud), ==, 0);

  /* Right arrow: a word whose centre is to the right of the biggest word's. */
  from = koc_chart_cloud_get_word (chart, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cloud), "cloud.move-word", "i", GTK_DIR_RIGHT));
  g_assert_cmpint (koc_keywords_cloud_get_focus_word (cloud), >, 0);
  item = koc_chart_cloud_get_word (chart, (guint) koc_keywords_cloud_get_focus_word (cloud));
  g_assert_true (item->placed);
  g_assert_cmpfloat (item->x + item->width / 2, >, from->x + from->width / 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cloud), "cloud.move-word", "i", GTK_DIR_LEFT));
  item = koc_chart_cloud_get_word (chart, (guint) koc_keywords_cloud_get_focus_word (cloud));
  g_assert_cmpfloat (item->x + item->width / 2, <, from->x + from->width / 2 + from->width);

  /* End, then Tab leaves the cloud; Home comes back to the first word. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cloud), "cloud.move-word", "i", -2));
  g_assert_cmpint (koc_keywords_cloud_get_focus_word (cloud), ==, last);
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (cloud), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cloud), "cloud.move-word", "i", -1));
  g_assert_cmpint (koc_keywords_cloud_get_focus_word (cloud), ==, 0);

  /* The focus ring: accent-coloured pixels just above the focused word, none when
   * another word has the focus. */
  gtk_widget_grab_focus (GTK_WIDGET (cloud));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cloud), "cloud.move-word", "i", GTK_DIR_RIGHT));
  item = koc_chart_cloud_get_word (chart, (guint) koc_keywords_cloud_get_focus_word (cloud));
  koc_test_gui_wait_frames (GTK_WIDGET (window), 3);
  texture = koc_test_gui_render (GTK_WIDGET (cloud));
  ring = pixel_at (texture, (int) (item->x + item->width / 2), (int) (item->y - 1.5));
  g_test_message ("ring pixel %06x", ring);
  /* Blue accent: more blue than red. */
  g_assert_cmpint ((int) (ring & 0xff), >, (int) ((ring >> 16) & 0xff) + 60);
  g_clear_object (&texture);
  if (g_getenv ("KOCDESK_SCREENSHOT_DIR") != NULL)
    koc_test_gui_save_png (GTK_WIDGET (window), g_getenv ("KOCDESK_SCREENSHOT_DIR"), "keywords-focus-light.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cloud), "cloud.move-word", "i", -1));
  koc_test_gui_wait_frames (GTK_WIDGET (window), 3);
  texture = koc_test_gui_render (GTK_WIDGET (cloud));
  inside = pixel_at (texture, (int) (item->x + item->width / 2), (int) (item->y - 1.5));
  g_assert_cmpuint (inside, !=, ring);

  /* Enter: the focused word's posts, as a click. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cloud), "cloud.activate-word", NULL));
  koc_test_gui_wait_until (settled, NULL, "the posts of the focused word");
  heading = g_strdup_printf (_("Posts with “%s”"), koc_chart_cloud_get_word (chart, 0)->text);
  {
    g_autoptr(GPtrArray) labels = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_LABEL);
    gboolean found = FALSE;

    for (guint i = 0; i < labels->len; i++)
      found = found || g_strcmp0 (gtk_label_get_label (labels->pdata[i]), heading) == 0;
    g_assert_true (found);
  }
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* Brand ids in the pane's order (own first, then by name), and a brand's top keywords
 * over the last 365 days, from a second connection. */
static gint64
brand_id_at (gboolean own,
             int      offset)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM brands WHERE is_own = ?1 ORDER BY name LIMIT 1 OFFSET ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, own);
  sqlite3_bind_int (stmt, 2, offset);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return id;
}

static GPtrArray *
brand_top (gint64 brand_id,
           guint  limit)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  KocKeywordQuery query = { 0 };
  GPtrArray *top;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (koc_db_query_int64 (db, "SELECT max (published_at) FROM posts", 0, &query.to, &error));
  query.from = (query.to / 86400 - 364) * 86400;
  query.brand_id = brand_id;
  query.limit = limit;
  top = koc_keyword_store_top (db, &query, NULL, &error);
  g_assert_no_error (error);
  sqlite3_close (db);
  return top;
}

static KocKeywordsCloud *compare_clouds[2];

static gboolean
compare_shown (gpointer data)
{
  return !koc_keywords_pane_is_busy (pane) && koc_keywords_cloud_get_cloud (compare_clouds[0]) != NULL &&
         koc_keywords_cloud_get_cloud (compare_clouds[1]) != NULL;
}

static void
assert_cloud_is (KocKeywordsCloud *shown,
                 gint64            brand_id)
{
  g_autoptr(GPtrArray) top = brand_top (brand_id, 50);
  KocChartCloud *chart = koc_keywords_cloud_get_cloud (shown);

  g_assert_cmpuint (koc_chart_cloud_get_n_words (chart), ==, top->len);
  g_assert_cmpuint (top->len, >, 0);
  /* The same words with the same counts (the cloud orders ties by text). */
  for (guint i = 0; i < top->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (top, i);
      gboolean found = FALSE;

      for (guint j = 0; j < top->len && !found; j++)
        found = g_str_equal (koc_chart_cloud_get_word (chart, j)->text, k->keyword) &&
                koc_chart_cloud_get_word (chart, j)->count == k->count;
      g_assert_true (found);
    }
}

/* Competitors: the own brand's and the first competitor's clouds side by side, each the
 * store's top keywords of that brand, with its top KOC; another competitor replaces the
 * right-hand cloud; a word there lists that competitor's posts. Screenshots. */
static void
test_compare (void)
{
  g_autoptr(GPtrArray) stacks = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_STACK);
  g_autoptr(GPtrArray) clouds = koc_test_gui_find_widgets (GTK_WIDGET (pane), KOC_TYPE_KEYWORDS_CLOUD);
  g_autoptr(GPtrArray) dropdowns = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN);
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");
  GtkStack *views = NULL;
  GtkDropDown *competitors = NULL;
  GtkWidget *koc_box;
  const char *first_koc;

  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (stacks->pdata[i], "compare") != NULL)
      views = stacks->pdata[i];
  g_assert_nonnull (views);
  g_assert_cmpuint (clouds->len, ==, 3);
  compare_clouds[0] = clouds->pdata[1];
  compare_clouds[1] = clouds->pdata[2];
  for (guint i = 0; i < dropdowns->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (dropdowns->pdata[i]), _("The brand shown next to the own brand")) == 0)
      competitors = dropdowns->pdata[i];
  g_assert_nonnull (competitors);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "keywords");
  koc_test_gui_wait_until (cloud_shown, NULL, "the keyword cloud");
  gtk_stack_set_visible_child_name (views, "compare");
  koc_test_gui_wait_until (compare_shown, NULL, "the side-by-side clouds");
  assert_cloud_is (compare_clouds[0], brand_id_at (TRUE, 0));
  assert_cloud_is (compare_clouds[1], brand_id_at (FALSE, 0));

  /* Top KOC of the own brand: ranked lines. */
  koc_box = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (GTK_WIDGET (compare_clouds[0])));
  g_assert_true (GTK_IS_BOX (koc_box));
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (koc_box)));
  first_koc = gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (koc_box)));
  g_assert_true (g_str_has_prefix (first_koc, "1. "));

  if (dir != NULL)
    {
      AdwStyleManager *style_manager = adw_style_manager_get_default ();

      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      koc_test_gui_wait_frames (GTK_WIDGET (window), 30);
      g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (window)), ==, 0);
      koc_test_gui_save_png (GTK_WIDGET (window), dir, "keywords-compare-light.png");
      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
      koc_test_gui_wait_frames (GTK_WIDGET (window), 30);
      koc_test_gui_save_png (GTK_WIDGET (window), dir, "keywords-compare-dark.png");
      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
    }

  /* Another competitor. */
  gtk_drop_down_set_selected (competitors, gtk_drop_down_get_selected (competitors) + 1);
  koc_test_gui_wait_until (settled, NULL, "the other competitor");
  koc_test_gui_wait_until (compare_shown, NULL, "the other competitor's cloud");
  assert_cloud_is (compare_clouds[1], brand_id_at (FALSE, 1));

  /* A word of the competitor's cloud lists the competitor's posts with it. */
  {
    const KocCloudItem *item = koc_chart_cloud_get_word (koc_keywords_cloud_get_cloud (compare_clouds[1]), 0);
    g_autofree char *heading = g_strdup_printf (_("Posts with “%s”"), item->text);
    g_autoptr(GPtrArray) labels = NULL;
    gboolean found = FALSE;

    g_signal_emit_by_name (compare_clouds[1], "keyword-activated", item->text);
    koc_test_gui_wait_until (settled, NULL, "the competitor's posts");
    labels = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_LABEL);
    for (guint i = 0; i < labels->len; i++)
      found = found || g_strcmp0 (gtk_label_get_label (labels->pdata[i]), heading) == 0;
    g_assert_true (found);
  }
  gtk_stack_set_visible_child_name (views, "cloud");
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

static gboolean
not_reporting (gpointer data)
{
  return !koc_keywords_pane_is_reporting (pane);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return ADW_MESSAGE_DIALOG (koc_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static char *
pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

/* "Monthly Report…": the month dialog offers the last full month; the report written
 * through the pane's entry point (what the dialogs call) is a PDF of that month, in the
 * UI's language; Cancel leaves no file; an unwritable folder gives a clear error. */
static void
test_monthly_report (void)
{
  g_autofree char *pdf = g_build_filename (data_home, "report-2026-10.pdf", NULL);
  g_autofree char *partial = g_strconcat (pdf, ".partial", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "keywords");
  koc_test_gui_wait_until (cloud_shown, NULL, "the keyword cloud");

  /* The dialog: the months up to now, the last full one chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "keywords.report", NULL));
  koc_test_gui_wait_until (message_dialog_shown, NULL, "the month dialog");
  {
    AdwMessageDialog *dialog = find_message_dialog ();
    GtkDropDown *months = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
    GListModel *model = gtk_drop_down_get_model (months);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) first = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now), 1, 0, 0, 0);
    g_autoptr(GDateTime) last = g_date_time_add_months (first, -1);
    g_autofree char *expected = g_date_time_format (last, _("%B %Y"));

    g_assert_cmpuint (g_list_model_get_n_items (model), >=, 2);
    koc_test_gui_wait_frames (GTK_WIDGET (dialog), 5);
    if (g_getenv ("KOCDESK_SCREENSHOT_DIR") != NULL)
      koc_test_gui_save_png (GTK_WIDGET (dialog), g_getenv ("KOCDESK_SCREENSHOT_DIR"), "keywords-report-dialog.png");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), gtk_drop_down_get_selected (months)), ==,
                     expected);
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    koc_test_gui_wait_frames (GTK_WIDGET (window), 2);
  }

  /* Cancelled right away: nothing written, the action is back. */
  g_assert_true (koc_keywords_pane_start_report (pane, 2026, 10, pdf));
  g_assert_true (koc_keywords_pane_is_reporting (pane));
  g_assert_false (koc_keywords_pane_start_report (pane, 2026, 10, pdf));
  koc_keywords_pane_cancel_report (pane);
  koc_test_gui_wait_until (not_reporting, NULL, "the report to stop");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* The report of October 2026 (the demo's last full month). */
  g_assert_true (koc_keywords_pane_start_report (pane, 2026, 10, pdf));
  koc_test_gui_wait_until (not_reporting, NULL, "the monthly report");
  g_assert_null (find_message_dialog ());
  g_assert_true (g_file_get_contents (pdf, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 2000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  text = pdf_text (pdf);
  g_test_message ("report text: %.300s", text);
  g_assert_nonnull (strstr (text, "2026-10"));
  g_assert_nonnull (strstr (text, _("Top keywords")));
  g_assert_nonnull (strstr (text, _("Top KOC by engagement")));
  /* The demo's posts and brands are Chinese: the clouds' words came out as text. */
  g_assert_true (has_han (text));
  if (g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "zh"))
    g_assert_true (has_han (_("Top keywords")));

  /* A folder that does not exist: an error dialog naming the file. */
  {
    g_autofree char *bad = g_build_filename (data_home, "no-such-folder", "report.pdf", NULL);
    AdwMessageDialog *dialog;

    g_assert_true (koc_keywords_pane_start_report (pane, 2026, 10, bad));
    koc_test_gui_wait_until (not_reporting, NULL, "the failing report");
    koc_test_gui_wait_until (message_dialog_shown, NULL, "the error dialog");
    dialog = find_message_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Could Not Write the Report"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), bad));
    gtk_window_destroy (GTK_WINDOW (dialog));
    koc_test_gui_wait_frames (GTK_WIDGET (window), 2);
  }
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
  /* With the aggregates the generator builds (a newcomer's demo): the first view needs
   * no catch-up. The pane's catch-up runs after the stopword (the lexicon edit clears
   * the aggregates: every post is read again, phrases learned again). */
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
  /* The pane is built when first shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "keywords");
  pane = KOC_KEYWORDS_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_KEYWORDS_PANE));
  g_assert_nonnull (pane);
  cloud = KOC_KEYWORDS_CLOUD (koc_test_gui_find_widget (GTK_WIDGET (pane), KOC_TYPE_KEYWORDS_CLOUD));
  g_assert_nonnull (cloud);

  g_test_add_func ("/koc/app/keywords/cloud", test_cloud);
  g_test_add_func ("/koc/app/keywords/click-lists-posts", test_click_lists_posts);
  g_test_add_func ("/koc/app/keywords/keyboard", test_keyboard);
  g_test_add_func ("/koc/app/keywords/screenshots", test_screenshots);
  g_test_add_func ("/koc/app/keywords/compare", test_compare);
  g_test_add_func ("/koc/app/keywords/monthly-report", test_monthly_report);
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
