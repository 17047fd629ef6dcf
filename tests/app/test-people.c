/* test-people.c: the People pane on a demo workspace, under Xvfb.
 *
 * A small demo workspace (koc_demo_generate at scale 0.05) is put in a temporary
 * XDG_DATA_HOME and the real application opens it. What the pane shows is compared
 * with SQL on a second connection: the list (default order, search, by name, paging)
 * equals koc_people_list(); the profile shows the person's name, handles and counts;
 * a new note lands in `notes` and in the sync outbox; an interaction and a stage
 * change are written; win.show-person opens the right person; the charts carry the
 * text alternative of their data; Ctrl+F searches people while People shows; an empty
 * workspace shows the empty state. Screenshots (KOCDESK_SCREENSHOT_DIR) in the light
 * and dark style, checked for missing glyphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "koc-application.h"
#include "koc-chart-view.h"
#include "koc-demo.h"
#include "koc-i18n.h"
#include "koc-people-item.h"
#include "koc-people-compare.h"
#include "koc-people-pane.h"
#include "koc-people-posts.h"
#include "koc-people-profile.h"
#include "koc-test-gui.h"
#include "koc-test-utils.h"
#include "koc-window.h"

static KocApplication *app;
static KocWindow *window;
static KocPeoplePane *pane;
static KocStore *store;
static char *data_home;

/* SQL on the second connection */

typedef struct
{
  const char *sql;
  gint64      arg;
  const char *text_arg;  /* ?2, or arg2 when NULL */
  gint64      arg2;
} Sql;

static gboolean
sql_int_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  Sql *sql = data;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, sql->arg);
  if (sqlite3_bind_parameter_count (stmt) >= 2 && sql->text_arg != NULL)
    sqlite3_bind_text (stmt, 2, sql->text_arg, -1, SQLITE_STATIC);
  else if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, sql->arg2);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  *result = g_memdup2 (&value, sizeof value);
  return TRUE;
}

static gint64
sql_int2 (const char *query,
          gint64      arg,
          const char *text_arg,
          gint64      arg2)
{
  Sql sql = { query, arg, text_arg, arg2 };
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *value = NULL;

  g_assert_true (koc_store_run_sync (store, sql_int_func, &sql, (gpointer *) &value, NULL, &error));
  g_assert_no_error (error);
  return *value;
}

static gint64
sql_int (const char *query,
         gint64      arg,
         const char *text_arg)
{
  return sql_int2 (query, arg, text_arg, 0);
}

static gboolean
sql_text_func (sqlite3       *db,
               gpointer       data,
               gpointer      *result,
               GCancellable  *cancellable,
               GError       **error)
{
  Sql *sql = data;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, sql->arg);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    *result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return TRUE;
}

static char *
sql_text (const char *query,
          gint64      arg)
{
  Sql sql = { query, arg, NULL, 0 };
  g_autoptr(GError) error = NULL;
  char *value = NULL;

  g_assert_true (koc_store_run_sync (store, sql_text_func, &sql, (gpointer *) &value, NULL, &error));
  g_assert_no_error (error);
  return value;
}

static gboolean
list_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  GPtrArray *rows = koc_people_list (db, data, error);

  *result = rows;
  return rows != NULL;
}

/* Waiting */

static gboolean
workspace_is (gpointer name)
{
  return g_strcmp0 (koc_window_get_workspace_name (window), name) == 0;
}

static gboolean
settled (gpointer data)
{
  return koc_people_pane_get_query (pane) != NULL && !koc_people_pane_is_busy (pane)
         && koc_people_pane_get_count (pane) >= 0;
}

static KocPeopleProfile *
profile (void)
{
  return KOC_PEOPLE_PROFILE (koc_people_pane_get_profile (pane));
}

static gboolean
profile_shows (gpointer id)
{
  const KocPersonProfile *data = koc_people_profile_get_data (profile ());

  return data != NULL && data->id == *(gint64 *) id && !koc_people_profile_is_busy (profile ());
}

static void
wait_for_profile (gint64 id)
{
  koc_test_gui_wait_until (profile_shows, &id, "the profile");
}

static gboolean
profile_idle (gpointer data)
{
  return !koc_people_profile_is_busy (profile ()) && koc_people_profile_get_data (profile ()) != NULL;
}

static GtkWidget *
entry (void)
{
  return koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);
}

static gboolean
search_settled (gpointer text)
{
  return settled (NULL) && g_strcmp0 (koc_people_pane_get_query (pane)->text, text) == 0;
}

/* The entry's search-changed comes after a short delay: wait for the query itself. */
static void
search_for (const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry ()), text ? text : "");
  koc_test_gui_wait_until (search_settled, (gpointer) text, "the people search");
}

static gint64
row_id (guint i)
{
  g_autoptr(KocPeopleItem) item = g_list_model_get_item (koc_people_pane_get_results (pane), i);

  g_assert_nonnull (item);
  return koc_people_item_get_person_id (item);
}

static void
assert_rows_match_store (void)
{
  GListModel *results = koc_people_pane_get_results (pane);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(KocPeopleQuery) query = koc_people_query_copy (koc_people_pane_get_query (pane));

  query->limit = g_list_model_get_n_items (results);
  g_assert_true (koc_store_run_sync (store, list_func, query, (gpointer *) &rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(KocPeopleItem) item = g_list_model_get_item (results, i);
      const KocPersonRow *shown = koc_people_item_get_row (item);
      const KocPersonRow *row = rows->pdata[i];

      g_assert_cmpint (shown->person_id, ==, row->person_id);
      g_assert_cmpstr (shown->display_name, ==, row->display_name);
      g_assert_cmpint (shown->followers, ==, row->followers);
      g_assert_cmpstr (shown->handle, ==, row->handle);
    }
}

static GtkListView *
people_view (void)
{
  g_autoptr(GPtrArray) views = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_LIST_VIEW);

  for (guint i = 0; i < views->len; i++)
    if (gtk_widget_has_css_class (views->pdata[i], "navigation-sidebar"))
      return views->pdata[i];
  g_assert_not_reached ();
}

static const char *
main_state (void)
{
  GtkStack *stack = GTK_STACK (koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

/* Tests */

static void
test_list (void)
{
  GListModel *results = koc_people_pane_get_results (pane);
  gint64 n_people = sql_int ("SELECT count (*) FROM people", 0, NULL);

  koc_test_gui_wait_until (settled, NULL, "the first list");
  g_assert_cmpstr (main_state (), ==, "people");
  g_assert_cmpint (n_people, >, KOC_PEOPLE_PAGE_SIZE);
  g_assert_cmpint (koc_people_pane_get_count (pane), ==, n_people);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, KOC_PEOPLE_PAGE_SIZE);
  assert_rows_match_store ();
  /* The strongest advocates first: the first row has the best score in SQL. */
  g_assert_cmpint (row_id (0), ==, sql_int ("SELECT id FROM people ORDER BY koc_score DESC, id DESC LIMIT 1", 0, NULL));
  for (guint i = 1; i < KOC_PEOPLE_PAGE_SIZE; i++)
    {
      g_autoptr(KocPeopleItem) a = g_list_model_get_item (results, i - 1);
      g_autoptr(KocPeopleItem) b = g_list_model_get_item (results, i);

      g_assert_cmpfloat (koc_people_item_get_row (a)->koc_score, >=, koc_people_item_get_row (b)->koc_score);
    }
}

static void
test_paging (void)
{
  GtkScrolledWindow *scroller = NULL;
  g_autoptr(GPtrArray) scrollers = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  /* Dropdowns have list views in their popovers too: the people list is the sidebar. */
  for (guint i = 0; i < scrollers->len; i++)
    if (GTK_IS_LIST_VIEW (gtk_scrolled_window_get_child (scrollers->pdata[i])) &&
        gtk_widget_has_css_class (gtk_scrolled_window_get_child (scrollers->pdata[i]), "navigation-sidebar"))
      scroller = scrollers->pdata[i];
  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  koc_test_gui_wait_frames (GTK_WIDGET (window), 2);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  koc_test_gui_wait_until (settled, NULL, "the second page");
  g_assert_cmpuint (g_list_model_get_n_items (koc_people_pane_get_results (pane)), ==,
                    MIN (2 * KOC_PEOPLE_PAGE_SIZE, koc_people_pane_get_count (pane)));
  assert_rows_match_store ();
}

static void
test_search (void)
{
  g_autofree char *name = sql_text ("SELECT display_name FROM people WHERE id = ?1", row_id (7));
  g_autofree char *part = NULL;
  g_autofree char *handle = sql_text ("SELECT handle FROM accounts WHERE person_id = ?1 LIMIT 1", row_id (3));
  gint64 handle_person = row_id (3);
  GListModel *results = koc_people_pane_get_results (pane);

  /* Part of a name (the first two characters: Chinese names are short). */
  part = g_utf8_substring (name, 0, 2);
  search_for (part);
  g_assert_cmpint (koc_people_pane_get_count (pane), ==,
                   sql_int ("SELECT count (*) FROM people p WHERE instr (lower (p.display_name), lower (?2)) > 0"
                            " OR EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id AND instr (lower (a.handle), lower (?2)) > 0)",
                            0, part));
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  assert_rows_match_store ();

  /* A handle finds its person. */
  search_for (handle);
  assert_rows_match_store ();
  {
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (results); i++)
      found |= row_id (i) == handle_person;
    g_assert_true (found);
  }

  /* Nothing: the no-match state. */
  search_for ("zqxjvwk");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_cmpint (koc_people_pane_get_count (pane), ==, 0);
  search_for (NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, KOC_PEOPLE_PAGE_SIZE);
}

static void
test_sort_by_name (void)
{
  GtkDropDown *sort = GTK_DROP_DOWN (koc_test_gui_find_widget (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN));
  GListModel *results = koc_people_pane_get_results (pane);

  gtk_drop_down_set_selected (sort, 1);
  koc_test_gui_wait_until (settled, NULL, "the list by name");
  g_assert_cmpint (koc_people_pane_get_query (pane)->sort, ==, KOC_PEOPLE_SORT_NAME);
  assert_rows_match_store ();
  g_assert_cmpint (row_id (0), ==,
                   sql_int ("SELECT id FROM people ORDER BY display_name COLLATE NOCASE, id LIMIT 1", 0, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, KOC_PEOPLE_PAGE_SIZE);
  gtk_drop_down_set_selected (sort, 0);
  koc_test_gui_wait_until (settled, NULL, "the list by score");
}

static gboolean
label_shows (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = koc_test_gui_find_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]) && strstr (gtk_label_get_label (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

static guint
list_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

/* The n-th boxed list of the profile: notes, interactions, stage history, campaigns, rewards. */
static GtkListBox *
profile_list (guint n)
{
  g_autoptr(GPtrArray) lists = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), GTK_TYPE_LIST_BOX);

  g_assert_cmpuint (lists->len, >, n);
  return lists->pdata[n];
}

static void
test_profile (void)
{
  GtkListView *view = people_view ();
  GtkSelectionModel *selection = gtk_list_view_get_model (view);
  gint64 id = row_id (0);
  g_autofree char *name = sql_text ("SELECT display_name FROM people WHERE id = ?1", id);
  g_autofree char *handle = sql_text ("SELECT handle FROM accounts WHERE person_id = ?1 ORDER BY followers DESC LIMIT 1", id);
  const KocPersonProfile *data;

  /* Selecting a row (what the arrows do) opens the person. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  wait_for_profile (id);
  data = koc_people_profile_get_data (profile ());
  koc_test_gui_wait_frames (GTK_WIDGET (window), 3);

  g_assert_true (label_shows (GTK_WIDGET (profile ()), name));
  g_assert_nonnull (handle);
  {
    g_autofree char *at = g_strdup_printf ("@%s", handle);
    g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), GTK_TYPE_BUTTON);
    gboolean found = label_shows (GTK_WIDGET (profile ()), at);

    for (guint i = 0; i < buttons->len && !found; i++)
      found = gtk_button_get_label (buttons->pdata[i]) != NULL && strstr (gtk_button_get_label (buttons->pdata[i]), at) != NULL;
    g_assert_true (found);
  }
  g_assert_cmpuint (data->accounts->len, ==, sql_int ("SELECT count (*) FROM accounts WHERE person_id = ?1", id, NULL));
  g_assert_cmpuint (list_rows (profile_list (0)), ==, sql_int ("SELECT count (*) FROM notes WHERE person_id = ?1", id, NULL));
  g_assert_cmpuint (list_rows (profile_list (1)), ==, sql_int ("SELECT count (*) FROM interactions WHERE person_id = ?1", id, NULL));
  g_assert_cmpuint (list_rows (profile_list (2)), ==, sql_int ("SELECT count (*) FROM stage_history WHERE person_id = ?1", id, NULL));
  g_assert_cmpuint (list_rows (profile_list (3)), ==, sql_int ("SELECT count (*) FROM cards WHERE person_id = ?1", id, NULL));
  g_assert_cmpuint (list_rows (profile_list (4)), ==, sql_int ("SELECT count (*) FROM rewards WHERE person_id = ?1", id, NULL));
  /* The followers card: the sum over the accounts, grouped. */
  {
    g_autofree char *followers = g_strdup_printf ("%'" G_GINT64_FORMAT,
                                                  sql_int ("SELECT sum (followers) FROM accounts WHERE person_id = ?1", id, NULL));
    g_assert_true (label_shows (GTK_WIDGET (profile ()), followers));
  }
  /* The engagement rate is shown with its formula. */
  g_assert_true (label_shows (GTK_WIDGET (profile ()), "÷"));
}

static void
test_add_note (void)
{
  gint64 id = koc_people_profile_get_person_id (profile ());
  gint64 before = sql_int ("SELECT count (*) FROM notes WHERE person_id = ?1", id, NULL);
  gint64 outbox_before = sql_int ("SELECT count (*) FROM outbox WHERE entity = 'note'", 0, NULL);
  GtkTextView *text = GTK_TEXT_VIEW (koc_test_gui_find_widget (GTK_WIDGET (profile ()), GTK_TYPE_TEXT_VIEW));
  g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), GTK_TYPE_BUTTON);
  const char *body = "寄了新品小样，她说下周发笔记 — sample sent";
  GtkWidget *add = NULL;

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), _("_Add Note")) == 0)
      add = buttons->pdata[i];
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), body, -1);
  g_assert_true (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  koc_test_gui_wait_until (profile_idle, NULL, "the note to be saved");

  g_assert_cmpint (sql_int ("SELECT count (*) FROM notes WHERE person_id = ?1", id, NULL), ==, before + 1);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM notes WHERE person_id = ?1 AND body = ?2", id, body), ==, 1);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM outbox WHERE entity = 'note'", 0, NULL), ==, outbox_before + 1);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM outbox o JOIN notes n ON n.uid = o.entity_uid"
                            " WHERE n.person_id = ?1 AND n.body = ?2 AND o.state = 'pending'", id, body), ==, 1);
  /* Shown, newest first, and the editor is cleared. */
  g_assert_cmpuint (list_rows (profile_list (0)), ==, before + 1);
  g_assert_true (label_shows (GTK_WIDGET (profile_list (0)), body));
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (text)), ==, 0);
}

static void
test_add_interaction (void)
{
  gint64 id = koc_people_profile_get_person_id (profile ());
  gint64 before = sql_int ("SELECT count (*) FROM interactions WHERE person_id = ?1", id, NULL);
  g_autoptr(GPtrArray) entries = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), GTK_TYPE_ENTRY);
  g_autoptr(GPtrArray) dropdowns = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), GTK_TYPE_DROP_DOWN);
  const char *summary = "Called about the spring launch event";
  GtkEntry *date = NULL, *text = NULL;

  /* Owner, date, summary, in this order. */
  g_assert_cmpuint (entries->len, >=, 3);
  date = entries->pdata[1];
  text = entries->pdata[2];
  for (guint i = 0; i < dropdowns->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (dropdowns->pdata[i]);

      if (GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) > 0 &&
          g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), _("WeChat")) == 0)
        gtk_drop_down_set_selected (dropdowns->pdata[i], 4); /* phone */
    }
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-10-15");
  gtk_editable_set_text (GTK_EDITABLE (text), summary);
  g_signal_emit_by_name (text, "activate");
  koc_test_gui_wait_until (profile_idle, NULL, "the interaction to be saved");

  g_assert_cmpint (sql_int ("SELECT count (*) FROM interactions WHERE person_id = ?1", id, NULL), ==, before + 1);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM interactions WHERE person_id = ?1 AND summary = ?2"
                            " AND channel = 'phone' AND date (happened_at, 'unixepoch', 'localtime') = '2026-10-15'",
                            id, summary), ==, 1);
  g_assert_true (label_shows (GTK_WIDGET (profile_list (1)), summary));

  /* A date that is not one is refused. */
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-02-30");
  gtk_editable_set_text (GTK_EDITABLE (text), "never saved");
  g_signal_emit_by_name (text, "activate");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  g_assert_cmpint (sql_int ("SELECT count (*) FROM interactions WHERE person_id = ?1", id, NULL), ==, before + 1);
}

static void
test_change_stage (void)
{
  gint64 id = koc_people_profile_get_person_id (profile ());
  g_autoptr(GPtrArray) dropdowns = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), GTK_TYPE_DROP_DOWN);
  GtkDropDown *stage = dropdowns->pdata[0];
  g_autofree char *old = sql_text ("SELECT stage FROM people WHERE id = ?1", id);
  guint target = g_str_equal (old, "ambassador") ? 2 : 3; /* advocate or ambassador */
  const char *target_key = target == 2 ? "advocate" : "ambassador";
  gint64 history = sql_int ("SELECT count (*) FROM stage_history WHERE person_id = ?1", id, NULL);
  g_autofree char *stored = NULL;

  gtk_drop_down_set_selected (stage, target);
  koc_test_gui_wait_until (profile_idle, NULL, "the stage change");
  stored = sql_text ("SELECT stage FROM people WHERE id = ?1", id);
  g_assert_cmpstr (stored, ==, target_key);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM stage_history WHERE person_id = ?1", id, NULL), ==, history + 1);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM outbox o JOIN people p ON p.uid = o.entity_uid"
                            " WHERE p.id = ?1 AND o.entity = 'person' AND o.payload ->> '$.fields.stage' = ?2",
                            id, target_key), ==, 1);
  g_assert_cmpuint (list_rows (profile_list (2)), ==, history + 1);
}

static void
test_show_person (void)
{
  /* The weakest person by score: far beyond the first page. */
  gint64 id = sql_int ("SELECT id FROM people ORDER BY koc_score ASC, id ASC LIMIT 1", 0, NULL);
  g_autofree char *name = sql_text ("SELECT display_name FROM people WHERE id = ?1", id);
  AdwViewStack *stack = ADW_VIEW_STACK (koc_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "discover");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "x", id));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "people");
  wait_for_profile (id);
  koc_test_gui_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpint (koc_people_profile_get_person_id (profile ()), ==, id);
  g_assert_true (label_shows (GTK_WIDGET (profile ()), name));

  /* A person on the first page: its row is selected too. */
  id = row_id (5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "x", id));
  wait_for_profile (id);
  {
    GtkListView *view = people_view ();

    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (view))), ==, 5);
  }
}

static void
test_charts (void)
{
  g_autoptr(GPtrArray) charts = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), KOC_TYPE_CHART_VIEW);
  const KocPersonProfile *data = koc_people_profile_get_data (profile ());
  const char *description;
  g_auto(GStrv) lines = NULL;
  g_autofree char *handle = NULL;

  g_assert_cmpuint (charts->len, ==, 4);
  /* Followers: the first line of the text alternative says how many points the biggest
   * account has, and its handle names the series. */
  description = koc_chart_view_get_description (charts->pdata[0]);
  g_assert_nonnull (description);
  handle = g_strdup_printf ("@%s", ((KocPersonAccount *) data->accounts->pdata[0])->handle);
  g_assert_nonnull (strstr (description, handle));
  g_assert_cmpuint (((KocPersonAccount *) data->accounts->pdata[0])->history->len, ==,
                    sql_int ("SELECT count (*) FROM metric_snapshots WHERE account_id = ?1",
                             ((KocPersonAccount *) data->accounts->pdata[0])->id, NULL));
  /* Posts per month: a summary line and one line per month. */
  description = koc_chart_view_get_description (charts->pdata[2]);
  g_assert_nonnull (description);
  lines = g_strsplit (description, "\n", -1);
  /* The title, a summary, then one line per month. */
  {
    guint n = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      n += *lines[i] != '\0';
    g_assert_cmpuint (n, ==, data->months->len + 2);
    g_assert_nonnull (strstr (lines[0], _("Posts per month")));
  }
  g_assert_cmpuint (koc_chart_bar_get_n_bars (koc_chart_view_get_bar (charts->pdata[2])), ==, data->months->len);
  /* The sum of the bars is the person's posts in the window, from SQL. */
  {
    guint total = 0;
    const KocPersonMonth *first = &g_array_index (data->months, KocPersonMonth, 0);

    for (guint i = 0; i < data->months->len; i++)
      total += g_array_index (data->months, KocPersonMonth, i).posts;
    g_assert_cmpint (total, ==, sql_int2 ("SELECT count (*) FROM posts WHERE account_id IN"
                                          " (SELECT id FROM accounts WHERE person_id = ?1)"
                                          " AND published_at >= ?2", data->id, NULL, first->month_start));
  }
  /* The accessible description is the one the view holds. */
  g_assert_cmpuint (koc_chart_bar_get_n_bars (koc_chart_view_get_bar (charts->pdata[3])), ==, data->kinds->len);
}

static KocPeoplePosts *
posts_section (void)
{
  return KOC_PEOPLE_POSTS (koc_test_gui_find_widget (GTK_WIDGET (profile ()), KOC_TYPE_PEOPLE_POSTS));
}

static gboolean
posts_settled (gpointer data)
{
  return !koc_people_posts_is_busy (posts_section ()) && profile_idle (NULL);
}

static const KocPeoplePost *
post_at (guint i)
{
  g_autoptr(KocPeoplePostItem) item = g_list_model_get_item (koc_people_posts_get_model (posts_section ()), i);

  return koc_people_post_item_get_post (item);
}

static void
test_post_markup (void)
{
  g_autoptr(GPtrArray) brands = g_ptr_array_new ();
  g_autofree char *markup = NULL;

  g_ptr_array_add (brands, (gpointer) "perfect diary");
  g_ptr_array_add (brands, (gpointer) "完美日记");
  markup = _koc_people_post_markup ("I <3 Perfect Diary & 完美日记 口红", brands, "口红");
  g_assert_cmpstr (markup, ==, "I &lt;3 <b>Perfect Diary</b> &amp; <b>完美日记</b> "
                               "<span background=\"#f6d32d66\"><b>口红</b></span>");
}

static void
test_posts (void)
{
  /* The person with the most posts (and a brand they mention). */
  gint64 id = sql_int ("SELECT a.person_id FROM posts p JOIN accounts a ON a.id = p.account_id"
                       " JOIN post_mentions m ON m.post_id = p.id WHERE a.person_id IS NOT NULL"
                       " GROUP BY a.person_id ORDER BY count (*) DESC, a.person_id LIMIT 1", 0, NULL);
  gint64 brand = sql_int ("SELECT m.brand_id FROM post_mentions m JOIN posts p ON p.id = m.post_id"
                          " JOIN accounts a ON a.id = p.account_id WHERE a.person_id = ?1"
                          " GROUP BY m.brand_id ORDER BY count (*) DESC LIMIT 1", id, NULL);
  gint64 total = sql_int ("SELECT count (*) FROM posts p JOIN accounts a ON a.id = p.account_id WHERE a.person_id = ?1", id, NULL);
  GListModel *model;
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "x", id);
  wait_for_profile (id);
  koc_test_gui_wait_until (posts_settled, NULL, "the posts");
  model = koc_people_posts_get_model (posts_section ());
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, MIN (total, KOC_PEOPLE_POSTS_PAGE));
  g_assert_cmpint (post_at (0)->id, ==, sql_int ("SELECT p.id FROM posts p JOIN accounts a ON a.id = p.account_id"
                                                 " WHERE a.person_id = ?1 ORDER BY p.published_at DESC, p.id DESC LIMIT 1", id, NULL));
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    g_assert_cmpint (post_at (i - 1)->published_at, >=, post_at (i)->published_at);

  /* By brand: exactly the posts that mention it. */
  koc_people_posts_set_filter (posts_section (), brand, NULL, 0);
  koc_test_gui_wait_until (posts_settled, NULL, "the posts of a brand");
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (n, ==, MIN (KOC_PEOPLE_POSTS_PAGE,
                               sql_int2 ("SELECT count (*) FROM posts p JOIN accounts a ON a.id = p.account_id"
                                         " JOIN post_mentions m ON m.post_id = p.id WHERE a.person_id = ?1 AND m.brand_id = ?2",
                                         id, NULL, brand)));
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (post_at (i)->brands);

  /* By keyword: the first word of the newest post. */
  {
    g_autofree char *text = sql_text ("SELECT p.text FROM posts p JOIN accounts a ON a.id = p.account_id"
                                      " WHERE a.person_id = ?1 ORDER BY p.published_at DESC LIMIT 1", id);
    g_autofree char *word = g_utf8_substring (text, 0, 2);

    koc_people_posts_set_filter (posts_section (), 0, word, 0);
    koc_test_gui_wait_until (posts_settled, NULL, "the posts with a keyword");
    n = g_list_model_get_n_items (model);
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpint (n, ==, MIN (KOC_PEOPLE_POSTS_PAGE,
                                 sql_int ("SELECT count (*) FROM posts p JOIN accounts a ON a.id = p.account_id"
                                          " WHERE a.person_id = ?1 AND instr (lower (p.text), lower (?2)) > 0", id, word)));
    for (guint i = 0; i < n; i++)
      g_assert_nonnull (strstr (post_at (i)->text, word));
  }

  /* A period: posts of the last 30 days only (none in the future). */
  koc_people_posts_set_filter (posts_section (), 0, NULL, 30);
  koc_test_gui_wait_until (posts_settled, NULL, "the posts of the last 30 days");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_assert_cmpint (post_at (i)->published_at, >=, g_get_real_time () / G_USEC_PER_SEC - 31 * 86400);
  koc_people_posts_set_filter (posts_section (), 0, NULL, 0);
  koc_test_gui_wait_until (posts_settled, NULL, "all the posts again");
}

static void
test_mark_deliverable (void)
{
  /* Someone on a campaign board who has posts. */
  gint64 id = sql_int ("SELECT c.person_id FROM cards c JOIN accounts a ON a.person_id = c.person_id"
                       " JOIN posts p ON p.account_id = a.id ORDER BY c.id LIMIT 1", 0, NULL);
  gint64 card = sql_int ("SELECT id FROM cards WHERE person_id = ?1 ORDER BY id LIMIT 1", id, NULL);
  GListModel *model;
  g_autoptr(KocPeoplePostItem) item = NULL;
  gint64 post_id = 0;
  gint64 before;

  g_assert_cmpint (id, >, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "x", id);
  wait_for_profile (id);
  koc_test_gui_wait_until (posts_settled, NULL, "the posts");
  model = koc_people_posts_get_model (posts_section ());
  for (guint i = 0; i < g_list_model_get_n_items (model) && post_id == 0; i++)
    if (post_at (i)->deliverable_card == 0)
      {
        item = g_list_model_get_item (model, i);
        post_id = post_at (i)->id;
      }
  g_assert_cmpint (post_id, >, 0);
  before = sql_int ("SELECT count (*) FROM card_deliverables WHERE card_id = ?1", card, NULL);
  _koc_people_posts_mark_deliverable (posts_section (), item, card);
  koc_test_gui_wait_until (posts_settled, NULL, "the deliverable link");
  g_assert_cmpint (sql_int2 ("SELECT count (*) FROM card_deliverables WHERE card_id = ?1 AND post_id = ?2",
                             card, NULL, post_id), ==, 1);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM card_deliverables WHERE card_id = ?1", card, NULL), ==, before + 1);
  /* The card says so after the grid is read again. */
  {
    gboolean shown = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      if (post_at (i)->id == post_id)
        shown = post_at (i)->deliverable_card == card;
    g_assert_true (shown);
  }
}

static void
assert_file_starts (const char *path,
                    const char *magic,
                    gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_export_mediakit (void)
{
  g_autofree char *pdf = g_build_filename (data_home, "kit.pdf", NULL);
  g_autofree char *png = g_build_filename (data_home, "kit.png", NULL);
  g_autofree char *txt = g_build_filename (data_home, "kit.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (koc_people_profile_export_mediakit (profile (), pdf, &error));
  g_assert_no_error (error);
  assert_file_starts (pdf, "%PDF-", 5);
  g_assert_true (koc_people_profile_export_mediakit (profile (), png, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1191);
  /* Another extension is refused with a reason, and nothing is written. */
  g_assert_false (koc_people_profile_export_mediakit (profile (), txt, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

static gboolean
files_are (gpointer n)
{
  return profile_idle (NULL) && koc_people_profile_get_n_files (profile ()) == GPOINTER_TO_UINT (n);
}

static void
test_attach_file (void)
{
  gint64 id = koc_people_profile_get_person_id (profile ());
  g_autofree char *path = g_build_filename (data_home, "达人媒体资料.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *contents = NULL;
  gsize size;

  /* A real PDF: the media kit of the person, made above. */
  g_assert_true (koc_people_profile_export_mediakit (profile (), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, size);

  koc_people_profile_attach_file (profile (), file);
  koc_test_gui_wait_until (files_are, GUINT_TO_POINTER (1), "the attached file");
  g_assert_cmpint (sql_int ("SELECT count (*) FROM person_files WHERE person_id = ?1", id, NULL), ==, 1);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM person_files f JOIN media m ON m.sha256 = f.sha256"
                            " WHERE f.person_id = ?1 AND m.mime = 'application/pdf' AND f.file_name = '达人媒体资料.pdf'",
                            id, NULL), ==, 1);
  g_assert_cmpint (sql_int ("SELECT length (data) FROM media WHERE sha256 = ?2", 0, sha), ==, size);
  g_assert_true (label_shows (GTK_WIDGET (profile ()), "达人媒体资料.pdf"));

  /* Attaching the same file again keeps one entry. */
  koc_people_profile_attach_file (profile (), file);
  koc_test_gui_wait_until (files_are, GUINT_TO_POINTER (1), "the file attached twice");
  g_assert_cmpint (sql_int ("SELECT count (*) FROM person_files WHERE person_id = ?1", id, NULL), ==, 1);

  /* Remove it (the trash button), then undo from the toast. */
  {
    g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), GTK_TYPE_BUTTON);
    GtkWidget *trash = NULL;

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (g_object_get_data (buttons->pdata[i], "koc-sha256"), sha) == 0 &&
          gtk_button_get_icon_name (buttons->pdata[i]) != NULL)
        trash = buttons->pdata[i];
    g_assert_nonnull (trash);
    g_signal_emit_by_name (trash, "clicked");
    koc_test_gui_wait_until (files_are, GUINT_TO_POINTER (0), "the file to be removed");
    g_assert_cmpint (sql_int ("SELECT count (*) FROM person_files WHERE person_id = ?1", id, NULL), ==, 0);
    /* The bytes stay in the workspace (undo, and other people may share them). */
    g_assert_cmpint (sql_int ("SELECT count (*) FROM media WHERE sha256 = ?2", 0, sha), ==, 1);
  }
  {
    g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (GTK_WIDGET (window), GTK_TYPE_BUTTON);
    GtkWidget *undo = NULL;

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), _("_Undo")) == 0)
        undo = buttons->pdata[i];
    g_assert_nonnull (undo);
    /* As a person would: once the toast has slid in. libadwaita 1.2 crashes a moment
     * later when a toast is dismissed during its show animation (its show "done"
     * handler outlives the toast's bookkeeping); fixed upstream, not in Debian 12. */
    koc_test_gui_wait_frames (GTK_WIDGET (window), 40);
    g_signal_emit_by_name (undo, "clicked");
    koc_test_gui_wait_until (files_are, GUINT_TO_POINTER (1), "the removal to be undone");
    g_assert_cmpint (sql_int ("SELECT count (*) FROM person_files WHERE person_id = ?1 AND sha256 = ?2", id, sha), ==, 1);
  }
}

static gboolean
compare_loaded (gpointer compare)
{
  return !koc_people_compare_is_busy (compare) && koc_people_compare_get_n_people (compare) == 3;
}

static KocPeopleCompare *compare_window;

static void
test_compare (void)
{
  gint64 id = row_id (0);
  g_autofree char *pdf = g_build_filename (data_home, "compare.pdf", NULL);
  g_autoptr(GError) error = NULL;

  compare_window = koc_people_compare_new (GTK_WINDOW (window), koc_window_get_store (window), id);
  gtk_window_present (GTK_WINDOW (compare_window));
  /* One person: nothing to export yet. */
  g_assert_false (koc_people_compare_export (compare_window, pdf, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  koc_people_compare_set_chosen (compare_window, row_id (1), TRUE);
  koc_people_compare_set_chosen (compare_window, row_id (2), TRUE);
  koc_test_gui_wait_until (compare_loaded, compare_window, "three people to compare");
  g_assert_true (koc_people_compare_export (compare_window, pdf, &error));
  g_assert_no_error (error);
  assert_file_starts (pdf, "%PDF-", 5);
  /* A fifth is refused: four at most. */
  koc_people_compare_set_chosen (compare_window, row_id (3), TRUE);
  koc_people_compare_set_chosen (compare_window, row_id (4), TRUE);
  while (koc_people_compare_is_busy (compare_window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (koc_people_compare_get_n_people (compare_window), ==, 4);
  koc_people_compare_set_chosen (compare_window, row_id (4), FALSE);
  koc_people_compare_set_chosen (compare_window, row_id (3), FALSE);
  g_assert_cmpuint (koc_people_compare_get_n_people (compare_window), ==, 3);
}

static void
test_focus_search (void)
{
  g_auto(GStrv) actions = NULL;
  GtkWidget *focus;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "people");
  koc_test_gui_wait_frames (GTK_WIDGET (window), 2);
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>f");
  g_assert_nonnull (actions);
  g_assert_cmpstr (actions[0], ==, "people.focus-search");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "people.focus-search", NULL));
  koc_test_gui_wait_frames (GTK_WIDGET (window), 2);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry () || gtk_widget_is_ancestor (focus, entry ()));

  /* Back in Discover, Ctrl+F is Discover's again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "discover");
  koc_test_gui_wait_frames (GTK_WIDGET (window), 2);
  g_clear_pointer (&actions, g_strfreev);
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>f");
  g_assert_cmpstr (actions[0], ==, "discover.focus-search");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "people");
}

static void
test_empty_workspace (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-workspace", "s", "Empty");
  koc_test_gui_wait_until (workspace_is, (gpointer) "Empty", "the empty workspace to open");
  koc_test_gui_wait_frames (GTK_WIDGET (window), 5);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpstr (main_state (), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (koc_people_pane_get_results (pane)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-workspace", "s", "Demo");
  koc_test_gui_wait_until (workspace_is, (gpointer) "Demo", "the demo workspace to open again");
  koc_test_gui_wait_until (settled, NULL, "the list of the demo");
  g_assert_cmpstr (main_state (), ==, "people");
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
  GtkScrolledWindow *scroller;
  gint64 id;

  if (dir == NULL)
    {
      g_test_skip ("KOCDESK_SCREENSHOT_DIR not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "people");
  search_for (NULL);
  /* A person with a campaign card, posts and mentions shows every part of the profile. */
  id = sql_int ("SELECT c.person_id FROM cards c JOIN accounts a ON a.person_id = c.person_id"
                " JOIN posts p ON p.account_id = a.id JOIN post_mentions m ON m.post_id = p.id"
                " GROUP BY c.person_id ORDER BY count (*) DESC, c.person_id LIMIT 1", 0, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "x", id);
  wait_for_profile (id);
  {
    /* The profile's own scroller (its error page and the dropdowns have theirs). */
    g_autoptr(GPtrArray) scrollers = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), GTK_TYPE_SCROLLED_WINDOW);

    scroller = NULL;
    for (guint i = 0; i < scrollers->len && scroller == NULL; i++)
      if (GTK_IS_VIEWPORT (gtk_scrolled_window_get_child (scrollers->pdata[i])) &&
          gtk_widget_get_mapped (scrollers->pdata[i]))
        scroller = scrollers->pdata[i];
    g_assert_nonnull (scroller);
  }

  koc_test_gui_wait_until (posts_settled, NULL, "the posts");
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_autofree char *top = g_strdup_printf ("people-profile-%s.png", styles[s].name);
      g_autofree char *posts = g_strdup_printf ("people-posts-%s.png", styles[s].name);
      g_autofree char *lower = g_strdup_printf ("people-relationship-%s.png", styles[s].name);
      g_autofree char *compare = g_strdup_printf ("people-compare-%s.png", styles[s].name);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
      GtkWidget *section = GTK_WIDGET (posts_section ());
      graphene_rect_t bounds;

      adw_style_manager_set_color_scheme (style_manager, styles[s].scheme);
      gtk_adjustment_set_value (adjustment, 0);
      koc_test_gui_wait_frames (GTK_WIDGET (window), 30);
      g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (window)), ==, 0);
      koc_test_gui_save_png (GTK_WIDGET (window), dir, top);

      g_assert_true (gtk_widget_compute_bounds (section, gtk_scrolled_window_get_child (scroller), &bounds));
      gtk_adjustment_set_value (adjustment, bounds.origin.y - 12);
      koc_test_gui_wait_frames (GTK_WIDGET (window), 10);
      g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (window)), ==, 0);
      koc_test_gui_save_png (GTK_WIDGET (window), dir, posts);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      koc_test_gui_wait_frames (GTK_WIDGET (window), 10);
      g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (window)), ==, 0);
      koc_test_gui_save_png (GTK_WIDGET (window), dir, lower);

      if (compare_window != NULL)
        {
          koc_test_gui_wait_frames (GTK_WIDGET (compare_window), 10);
          g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (compare_window)), ==, 0);
          koc_test_gui_save_png (GTK_WIDGET (compare_window), dir, compare);
        }
    }
  if (compare_window != NULL)
    gtk_window_destroy (GTK_WINDOW (compare_window));
  compare_window = NULL;
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
  g_assert_true (koc_demo_generate (path, &options, NULL, &error));
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
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  koc_test_gui_wait_until (workspace_is, (gpointer) "Demo", "the demo workspace to open");
  /* The pane is built when first shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "people");
  pane = KOC_PEOPLE_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_PEOPLE_PANE));
  g_assert_nonnull (pane);

  g_test_add_func ("/koc/app/people/list", test_list);
  g_test_add_func ("/koc/app/people/paging", test_paging);
  g_test_add_func ("/koc/app/people/search", test_search);
  g_test_add_func ("/koc/app/people/sort-by-name", test_sort_by_name);
  g_test_add_func ("/koc/app/people/profile", test_profile);
  g_test_add_func ("/koc/app/people/add-note", test_add_note);
  g_test_add_func ("/koc/app/people/add-interaction", test_add_interaction);
  g_test_add_func ("/koc/app/people/change-stage", test_change_stage);
  g_test_add_func ("/koc/app/people/charts", test_charts);
  g_test_add_func ("/koc/app/people/show-person", test_show_person);
  g_test_add_func ("/koc/app/people/post-markup", test_post_markup);
  g_test_add_func ("/koc/app/people/posts", test_posts);
  g_test_add_func ("/koc/app/people/mark-deliverable", test_mark_deliverable);
  g_test_add_func ("/koc/app/people/export-mediakit", test_export_mediakit);
  g_test_add_func ("/koc/app/people/attach-file", test_attach_file);
  g_test_add_func ("/koc/app/people/compare", test_compare);
  g_test_add_func ("/koc/app/people/focus-search", test_focus_search);
  g_test_add_func ("/koc/app/people/empty-workspace", test_empty_workspace);
  g_test_add_func ("/koc/app/people/screenshots", test_screenshots);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  g_clear_object (&store);
  koc_test_rm_rf (data_home);
  g_free (data_home);

  return status;
}
