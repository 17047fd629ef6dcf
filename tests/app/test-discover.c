/* test-discover.c: the Discover pane on a demo workspace, under Xvfb.
 *
 * A small demo workspace (koc_demo_generate at scale 0.05: 500 accounts) is put in a
 * temporary XDG_DATA_HOME and the real application opens it. The pane's rows are
 * compared with what koc_search_accounts() returns for the same query on a second
 * connection: the default list, a Chinese search, a handle, header sorting, a filter,
 * paging, the hidden panes loading only when shown (win.show-person from Discover), the
 * empty result, Ctrl+F, the details popover with its score breakdown, and
 * screenshots in the light and dark style (KOCDESK_SCREENSHOT_DIR) without missing
 * glyphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "koc-account-item.h"
#include "koc-account-popover.h"
#include "koc-application.h"
#include "koc-campaigns-pane.h"
#include "koc-db.h"
#include "koc-demo.h"
#include "koc-discover-filters.h"
#include "koc-discover-pane.h"
#include "koc-i18n.h"
#include "koc-initials-avatar.h"
#include "koc-people-pane.h"
#include "koc-people-profile.h"
#include "koc-test-gui.h"
#include "koc-test-utils.h"
#include "koc-window.h"

static KocApplication *app;
static KocWindow *window;
static KocDiscoverPane *pane;
static KocStore *store;
static char *data_home;

static gboolean
workspace_open (gpointer data)
{
  return koc_window_get_workspace_name (window) != NULL;
}

static gboolean
search_settled (gpointer text)
{
  const KocSearchQuery *query = koc_discover_pane_get_query (pane);

  return query != NULL && g_strcmp0 (query->text, text) == 0 && !koc_discover_pane_is_busy (pane);
}

static void
search_for (const char *text)
{
  GtkWidget *entry = koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *what = g_strdup_printf ("the search for “%s”", text ? text : "");

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  koc_test_gui_wait_until (search_settled, (gpointer) text, what);
}

static gboolean
settled (gpointer data)
{
  return !koc_discover_pane_is_busy (pane);
}

/* On the store's worker: count(*) of the table named by @data (small: it travels in
 * the result pointer). */
static gboolean
count_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", (const char *) data);
  gint64 n = -1;

  if (!koc_db_query_int64 (db, sql, -1, &n, error))
    return FALSE;
  *result = GINT_TO_POINTER ((int) n);
  return TRUE;
}

static gboolean
search_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  GPtrArray *hits = koc_search_accounts (db, data, error);

  *result = hits;
  return hits != NULL;
}

/* What the store itself says for the pane's current query (first page). */
static GPtrArray *
store_hits (void)
{
  g_autoptr(GError) error = NULL;
  gpointer hits = NULL;

  g_assert_true (koc_store_run_sync (store, search_func, (gpointer) koc_discover_pane_get_query (pane),
                                     &hits, NULL, &error));
  g_assert_no_error (error);
  return hits;
}

static const KocAccountHit *
row (guint i)
{
  g_autoptr(KocAccountItem) item = g_list_model_get_item (koc_discover_pane_get_results (pane), i);

  g_assert_nonnull (item);
  return koc_account_item_get_hit (item); /* the model keeps the item alive */
}

static void
assert_rows_match_store (void)
{
  GListModel *results = koc_discover_pane_get_results (pane);
  g_autoptr(GPtrArray) hits = store_hits ();

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, hits->len);
  for (guint i = 0; i < hits->len; i++)
    {
      const KocAccountHit *hit = hits->pdata[i];

      g_assert_cmpint (row (i)->account_id, ==, hit->account_id);
      g_assert_cmpstr (row (i)->display_name, ==, hit->display_name);
      g_assert_cmpint (row (i)->followers, ==, hit->followers);
    }
}

static const char *
visible_state (void)
{
  /* The results' stack (menu buttons before it hold stacks of their own). */
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (pane), KOC_TYPE_DISCOVER_PANE, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static void
test_default_list (void)
{
  GListModel *results = koc_discover_pane_get_results (pane);
  const KocSearchQuery *query;

  koc_test_gui_wait_until (settled, NULL, "the first list");
  query = koc_discover_pane_get_query (pane);
  g_assert_nonnull (query);
  g_assert_null (query->text);
  g_assert_cmpint (query->sort, ==, KOC_SEARCH_SORT_SCORE);
  g_assert_cmpstr (visible_state (), ==, "results");

  /* The first page, the strongest advocates first. */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, KOC_DISCOVER_FIRST_PAGE_SIZE);
  assert_rows_match_store ();
  for (guint i = 1; i < KOC_DISCOVER_FIRST_PAGE_SIZE; i++)
    g_assert_cmpfloat (row (i - 1)->koc_score, >=, row (i)->koc_score);
  g_assert_cmpint (koc_discover_pane_get_count (pane), >, KOC_DISCOVER_FIRST_PAGE_SIZE + KOC_DISCOVER_PAGE_SIZE);
}

static gboolean
person_shown (gpointer data)
{
  KocPeoplePane *people = data;
  KocPeopleProfile *profile = KOC_PEOPLE_PROFILE (koc_people_pane_get_profile (people));

  return koc_people_profile_get_person_id (profile) == row (0)->person_id &&
         !koc_people_profile_is_busy (profile) && !koc_people_pane_is_busy (people) &&
         koc_people_pane_get_count (people) >= 0;
}

static gboolean
campaigns_listed (gpointer data)
{
  return koc_campaigns_pane_get_campaigns (data) != NULL && !koc_campaigns_pane_is_busy (data);
}

/* Start-up loads the visible pane only (koc-window-panes.c): the hidden ones have read
 * nothing, and each loads when it is shown, whichever way. */
static gint64
store_count (const char *table)
{
  g_autoptr(GError) error = NULL;
  gpointer n = NULL;

  g_assert_true (koc_store_run_sync (store, count_func, (gpointer) table, &n, NULL, &error));
  g_assert_no_error (error);
  return GPOINTER_TO_INT (n);
}

static void
test_hidden_panes (void)
{
  AdwViewStack *stack = ADW_VIEW_STACK (koc_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  KocPeoplePane *people;
  KocCampaignsPane *campaigns;

  /* The hidden panes are not even built yet. */
  koc_test_gui_wait_until (settled, NULL, "the first list");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "discover");
  g_assert_null (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_PEOPLE_PANE));
  g_assert_null (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_CAMPAIGNS_PANE));

  /* Discover → a person's profile: People is built and gets the workspace on the way. */
  g_assert_cmpint (row (0)->person_id, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "x", row (0)->person_id));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "people");
  people = KOC_PEOPLE_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_PEOPLE_PANE));
  g_assert_nonnull (people);
  koc_test_gui_wait_until (person_shown, people, "the person from Discover");
  g_assert_cmpint (koc_people_pane_get_count (people), ==, store_count ("people"));
  g_assert_cmpuint (g_list_model_get_n_items (koc_people_pane_get_results (people)), >, 0);

  /* Alt+4's action: the board's campaigns, as many as the workspace has. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "campaigns"));
  campaigns = KOC_CAMPAIGNS_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_CAMPAIGNS_PANE));
  g_assert_nonnull (campaigns);
  koc_test_gui_wait_until (campaigns_listed, campaigns, "the campaigns");
  g_assert_cmpuint (koc_campaigns_pane_get_campaigns (campaigns)->len, ==, store_count ("campaigns"));

  /* Back: Discover kept its list, it is not read again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "discover"));
  g_assert_false (koc_discover_pane_is_busy (pane));
  g_assert_cmpuint (g_list_model_get_n_items (koc_discover_pane_get_results (pane)), ==, KOC_DISCOVER_FIRST_PAGE_SIZE);
}

static void
test_paging (void)
{
  GtkScrolledWindow *scroller =
    GTK_SCROLLED_WINDOW (koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment;
  GListModel *results = koc_discover_pane_get_results (pane);
  gint64 count = koc_discover_pane_get_count (pane);

  /* The filter panel's scroller comes first; the results' is the one with a column view. */
  {
    g_autoptr(GPtrArray) scrollers = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_SCROLLED_WINDOW);
    for (guint i = 0; i < scrollers->len; i++)
      if (GTK_IS_COLUMN_VIEW (gtk_scrolled_window_get_child (scrollers->pdata[i])))
        scroller = scrollers->pdata[i];
  }
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  koc_test_gui_wait_frames (GTK_WIDGET (window), 2);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  koc_test_gui_wait_until (settled, NULL, "the second page");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, MIN (KOC_DISCOVER_FIRST_PAGE_SIZE + KOC_DISCOVER_PAGE_SIZE, count));
  /* The smaller first page and the next one are the store's rows in one piece. */
  {
    g_autoptr(KocSearchQuery) both = koc_search_query_copy (koc_discover_pane_get_query (pane));
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) hits = NULL;

    both->limit = KOC_DISCOVER_FIRST_PAGE_SIZE + KOC_DISCOVER_PAGE_SIZE;
    g_assert_true (koc_store_run_sync (store, search_func, both, (gpointer *) &hits, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, g_list_model_get_n_items (results));
    for (guint i = 0; i < hits->len; i++)
      g_assert_cmpint (row (i)->account_id, ==, ((KocAccountHit *) hits->pdata[i])->account_id);
  }
  for (guint i = 1; i < g_list_model_get_n_items (results); i++)
    g_assert_cmpfloat (row (i - 1)->koc_score, >=, row (i)->koc_score);
}

static gboolean
first_avatar_loaded (gpointer data)
{
  g_autoptr(KocAccountItem) item = g_list_model_get_item (koc_discover_pane_get_results (pane), 0);

  return item != NULL && koc_account_item_get_avatar (item) != NULL;
}

static void
test_avatars (void)
{
  g_autoptr(KocAccountItem) item = NULL;
  GtkWidget *avatar;
  GObject *image;

  search_for (NULL);
  koc_test_gui_wait_until (first_avatar_loaded, NULL, "the avatars (SVG from the media table)");
  item = g_list_model_get_item (koc_discover_pane_get_results (pane), 0);
  image = koc_account_item_get_avatar (item);
  g_assert_true (GDK_IS_TEXTURE (image));
  g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (image)), ==, 64);

  /* The first row's cell shows it. */
  koc_test_gui_wait_frames (GTK_WIDGET (window), 2);
  avatar = koc_test_gui_find_widget (koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_COLUMN_VIEW), KOC_TYPE_INITIALS_AVATAR);
  g_assert_nonnull (avatar);
  g_assert_true (koc_initials_avatar_get_image (KOC_INITIALS_AVATAR (avatar)) != NULL);
  g_assert_true (gtk_widget_has_css_class (avatar, "image"));

  /* A row's avatar is styled as AdwAvatar's circle (its "avatar" node) with the same
   * color for the same name. */
  {
    const char *name = koc_initials_avatar_get_text (KOC_INITIALS_AVATAR (avatar));
    GtkWidget *reference = g_object_ref_sink (adw_avatar_new (32, name, TRUE));
    GtkWidget *circle = gtk_widget_get_first_child (reference);
    g_auto(GStrv) classes = gtk_widget_get_css_classes (circle);
    guint n_colors = 0;

    g_assert_nonnull (name);
    g_assert_cmpstr (gtk_widget_get_css_name (circle), ==, gtk_widget_get_css_name (avatar));
    for (guint i = 0; classes[i] != NULL; i++)
      if (g_str_has_prefix (classes[i], "color"))
        {
          g_assert_true (gtk_widget_has_css_class (avatar, classes[i]));
          n_colors++;
        }
    g_assert_cmpuint (n_colors, ==, 1);
    g_object_unref (reference);
  }
}

static void
test_search_chinese (void)
{
  search_for ("面膜");
  g_assert_cmpstr (visible_state (), ==, "results");
  g_assert_cmpint (koc_discover_pane_get_query (pane)->sort, ==, KOC_SEARCH_SORT_RELEVANCE);
  g_assert_cmpuint (g_list_model_get_n_items (koc_discover_pane_get_results (pane)), >, 0);
  assert_rows_match_store ();
  /* Matched in a post: the snippet marks the words. */
  g_assert_nonnull (row (0)->snippet);
  g_assert_nonnull (strstr (row (0)->snippet, KOC_SNIPPET_START));
}

static void
test_typing (void)
{
  GtkWidget *entry = koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);
  static const char * const keystrokes[] = { "面", "面膜", "面膜 好", "面膜 好用" };

  /* Each keystroke may start a search that the next one cancels; what shows in the
   * end is exactly the store's answer to the last text. */
  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), keystrokes[i]);
      g_main_context_iteration (NULL, FALSE);
    }
  koc_test_gui_wait_until (search_settled, (gpointer) "面膜 好用", "the last search");
  assert_rows_match_store ();
  g_assert_cmpint (koc_discover_pane_get_count (pane), >=,
                   g_list_model_get_n_items (koc_discover_pane_get_results (pane)));
}

static void
test_search_handle (void)
{
  g_autofree char *handle = NULL;

  search_for (NULL);
  handle = g_strdup (row (3)->handle);
  search_for (handle);
  assert_rows_match_store ();
  g_assert_cmpstr (row (0)->handle, ==, handle);
}

static void
test_sort_by_header (void)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) followers = NULL;
  GListModel *results = koc_discover_pane_get_results (pane);
  guint n;

  search_for ("面膜");
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_str_equal (gtk_column_view_column_get_title (column), _("Followers")))
        followers = g_object_ref (column);
    }
  g_assert_nonnull (followers);

  /* What a click on the header does: the view's sorter changes, the store re-sorts. */
  gtk_column_view_sort_by_column (view, followers, GTK_SORT_DESCENDING);
  koc_test_gui_wait_until (settled, NULL, "the search sorted by followers");
  g_assert_cmpint (koc_discover_pane_get_query (pane)->sort, ==, KOC_SEARCH_SORT_FOLLOWERS);
  g_assert_false (koc_discover_pane_get_query (pane)->ascending);
  n = g_list_model_get_n_items (results);
  g_assert_cmpuint (n, >, 1);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (row (i - 1)->followers, >=, row (i)->followers);
  assert_rows_match_store ();

  gtk_column_view_sort_by_column (view, followers, GTK_SORT_ASCENDING);
  koc_test_gui_wait_until (settled, NULL, "the search sorted by followers, ascending");
  g_assert_true (koc_discover_pane_get_query (pane)->ascending);
  for (guint i = 1; i < g_list_model_get_n_items (results); i++)
    g_assert_cmpint (row (i - 1)->followers, <=, row (i)->followers);
  assert_rows_match_store ();
}

static void
test_filter_platform (void)
{
  GtkWidget *filters = koc_test_gui_find_widget (GTK_WIDGET (pane), KOC_TYPE_DISCOVER_FILTERS);
  g_autoptr(GPtrArray) checks = koc_test_gui_find_widgets (filters, GTK_TYPE_CHECK_BUTTON);
  GtkCheckButton *douyin = NULL;
  GListModel *results = koc_discover_pane_get_results (pane);

  search_for (NULL);
  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (gtk_check_button_get_label (checks->pdata[i]), _("Douyin")) == 0)
      douyin = checks->pdata[i];
  g_assert_nonnull (douyin);

  gtk_check_button_set_active (douyin, TRUE);
  koc_test_gui_wait_until (settled, NULL, "the platform filter");
  g_assert_nonnull (koc_discover_pane_get_query (pane)->platforms);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    g_assert_cmpstr (row (i)->platform, ==, "douyin");
  assert_rows_match_store ();

  koc_discover_filters_reset (KOC_DISCOVER_FILTERS (filters));
  koc_test_gui_wait_until (settled, NULL, "the filters to clear");
  g_assert_false (gtk_check_button_get_active (douyin));
  g_assert_null (koc_discover_pane_get_query (pane)->platforms);
}

static void
test_no_results (void)
{
  search_for ("zqxjvwk");
  g_assert_cmpuint (g_list_model_get_n_items (koc_discover_pane_get_results (pane)), ==, 0);
  g_assert_cmpstr (visible_state (), ==, "no-results");
  g_assert_cmpint (koc_discover_pane_get_count (pane), ==, 0);
  search_for (NULL);
  g_assert_cmpstr (visible_state (), ==, "results");
}

static void
test_focus_search (void)
{
  GtkWidget *entry = koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>f");
  GtkWidget *focus;

  g_assert_nonnull (actions);
  g_assert_cmpstr (actions[0], ==, "discover.focus-search");

  /* From another pane: Ctrl+F brings Discover back and focuses the entry. The focus is
   * outside the pane then, so the action must resolve from the window, as the
   * application's accelerators do (checked by hand with AT-SPI key events too). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "people");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (koc_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK))),
                   ==, "people");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "discover.focus-search", NULL));
  koc_test_gui_wait_frames (GTK_WIDGET (window), 2);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pane)));
}

static void
test_toggle_filters (void)
{
  AdwFlap *flap = ADW_FLAP (koc_test_gui_find_widget (GTK_WIDGET (pane), ADW_TYPE_FLAP));
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "F9");
  gboolean revealed = adw_flap_get_reveal_flap (flap);

  g_assert_nonnull (actions);
  g_assert_cmpstr (actions[0], ==, "discover.toggle-filters");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "discover.toggle-filters", NULL));
  g_assert_true (adw_flap_get_reveal_flap (flap) != revealed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "discover.toggle-filters", NULL));
  g_assert_true (adw_flap_get_reveal_flap (flap) == revealed);
}

static gboolean
workspace_is (gpointer name)
{
  return g_strcmp0 (koc_window_get_workspace_name (window), name) == 0;
}

static gboolean
state_is (gpointer name)
{
  return g_strcmp0 (visible_state (), name) == 0 && !koc_discover_pane_is_busy (pane);
}

static void
test_empty_workspace (void)
{
  GtkWidget *filters = koc_test_gui_find_widget (GTK_WIDGET (pane), KOC_TYPE_DISCOVER_FILTERS);
  GtkWidget *entry = koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-workspace", "s", "Empty");
  koc_test_gui_wait_until (workspace_is, (gpointer) "Empty", "the empty workspace to open");
  koc_test_gui_wait_until (state_is, (gpointer) "empty", "the empty state");
  g_assert_cmpuint (g_list_model_get_n_items (koc_discover_pane_get_results (pane)), ==, 0);
  /* Nothing to filter or search: the panel is gone and the entry is insensitive. */
  g_assert_false (gtk_widget_is_visible (filters));
  g_assert_false (gtk_widget_is_sensitive (entry));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-workspace", "s", "Demo");
  koc_test_gui_wait_until (workspace_is, (gpointer) "Demo", "the demo workspace to open again");
  koc_test_gui_wait_until (state_is, (gpointer) "results", "the results of the demo");
  g_assert_true (gtk_widget_is_visible (filters));
  g_assert_cmpuint (g_list_model_get_n_items (koc_discover_pane_get_results (pane)), ==, KOC_DISCOVER_FIRST_PAGE_SIZE);
}

static gboolean
reasons_loaded (gpointer popover)
{
  return koc_account_popover_get_n_reasons (popover) > 0;
}

static void
test_details (void)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_COLUMN_VIEW));
  KocAccountPopover *popover;

  search_for (NULL);
  g_assert_cmpfloat (row (0)->koc_score, >=, 0);
  g_signal_emit_by_name (view, "activate", 0);
  popover = KOC_ACCOUNT_POPOVER (koc_test_gui_find_widget (GTK_WIDGET (pane), KOC_TYPE_ACCOUNT_POPOVER));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* The demo explains every score with five weighted components. */
  koc_test_gui_wait_until (reasons_loaded, popover, "the score breakdown");
  g_assert_cmpuint (koc_account_popover_get_n_reasons (popover), ==, 5);
  koc_test_gui_wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (popover)), ==, 0);
  gtk_popover_popdown (GTK_POPOVER (popover));
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

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "discover");
  search_for ("面膜");
  /* The strongest advocates who talk about face masks. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_COLUMN_VIEW));
    GListModel *columns = gtk_column_view_get_columns (view);

    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
        if (g_str_equal (gtk_column_view_column_get_title (column), _("KOC Score")))
          gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
      }
    koc_test_gui_wait_until (settled, NULL, "the search sorted by score");
    g_assert_cmpint (koc_discover_pane_get_query (pane)->sort, ==, KOC_SEARCH_SORT_SCORE);
  }
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_autofree char *name = g_strdup_printf ("discover-results-%s.png", styles[s].name);

      adw_style_manager_set_color_scheme (style_manager, styles[s].scheme);
      koc_test_gui_wait_frames (GTK_WIDGET (window), 30);
      g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (window)), ==, 0);
      koc_test_gui_save_png (GTK_WIDGET (window), dir, name);
    }

  {
    GtkColumnView *view = GTK_COLUMN_VIEW (koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_COLUMN_VIEW));

    GtkWidget *popover;

    g_signal_emit_by_name (view, "activate", 0);
    popover = koc_test_gui_find_widget (GTK_WIDGET (pane), KOC_TYPE_ACCOUNT_POPOVER);
    koc_test_gui_wait_until (reasons_loaded, popover, "the score breakdown");
    koc_test_gui_wait_frames (popover, 10);
    g_assert_cmpuint (koc_test_gui_count_missing_glyphs (popover), ==, 0);
    /* A popover is a surface of its own: rendered on its own. */
    koc_test_gui_save_png (popover, dir, "discover-details-dark.png");
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  search_for ("zqxjvwk");
  koc_test_gui_wait_frames (GTK_WIDGET (window), 5);
  koc_test_gui_save_png (GTK_WIDGET (window), dir, "discover-no-results-dark.png");
  search_for (NULL);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  KocDemoOptions options = { .scale = 0.05, .seed = KOC_DEMO_DEFAULT_SEED };
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
  path = g_build_filename (dir, "Demo.db", NULL);
  if (g_getenv ("KOCDESK_TEST_WORKSPACE") != NULL)
    {
      /* By hand, on a big workspace (a copy is made): the same checks, and the search
       * times in the debug log (G_MESSAGES_DEBUG=koc-discover-pane). */
      g_autoptr(GFile) source = g_file_new_for_path (g_getenv ("KOCDESK_TEST_WORKSPACE"));
      g_autoptr(GFile) target = g_file_new_for_path (path);

      g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    }
  else
    {
      g_assert_true (koc_demo_generate (path, &options, NULL, &error));
    }
  g_assert_no_error (error);
  store = koc_store_open_sync (path, KOC_STORE_OPEN_READ_ONLY, NULL, &error);
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
  koc_test_gui_wait_until (workspace_open, NULL, "the demo workspace to open");
  pane = KOC_DISCOVER_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_DISCOVER_PANE));
  g_assert_nonnull (pane);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "discover");

  g_test_add_func ("/koc/app/discover/default-list", test_default_list);
  g_test_add_func ("/koc/app/discover/hidden-panes", test_hidden_panes);
  g_test_add_func ("/koc/app/discover/paging", test_paging);
  g_test_add_func ("/koc/app/discover/avatars", test_avatars);
  g_test_add_func ("/koc/app/discover/search-chinese", test_search_chinese);
  g_test_add_func ("/koc/app/discover/typing", test_typing);
  g_test_add_func ("/koc/app/discover/search-handle", test_search_handle);
  g_test_add_func ("/koc/app/discover/sort-by-header", test_sort_by_header);
  g_test_add_func ("/koc/app/discover/filter-platform", test_filter_platform);
  g_test_add_func ("/koc/app/discover/no-results", test_no_results);
  g_test_add_func ("/koc/app/discover/focus-search", test_focus_search);
  g_test_add_func ("/koc/app/discover/toggle-filters", test_toggle_filters);
  g_test_add_func ("/koc/app/discover/details", test_details);
  g_test_add_func ("/koc/app/discover/empty-workspace", test_empty_workspace);
  g_test_add_func ("/koc/app/discover/screenshots", test_screenshots);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  g_clear_object (&store);
  koc_test_rm_rf (data_home);
  g_free (data_home);

  return status;
}
