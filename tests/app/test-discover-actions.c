/* test-discover-actions.c: Discover's engagement variants, brand/sentiment/tag filters,
 * bulk actions on a selection with undo, CSV export and the KOC Score preferences, on
 * a small demo workspace under Xvfb. Rows are compared with koc_search_accounts() on a
 * second (read-only) connection, and edits with the rows of the workspace and its
 * outbox. Screenshots (KOCDESK_SCREENSHOT_DIR): filters, selection bar, preferences,
 * light and dark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "koc-application.h"
#include "koc-db.h"
#include "koc-demo.h"
#include "koc-discover-pane-private.h"
#include "koc-i18n.h"
#include "koc-recommend.h"
#include "koc-score.h"
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
settled (gpointer data)
{
  return koc_discover_pane_get_query (pane) != NULL && !koc_discover_pane_is_busy (pane);
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

static gboolean
int_func (sqlite3       *db,
          gpointer       data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  gint64 value = -1;

  if (!koc_db_query_int64 (db, data, -1, &value, error))
    return FALSE;
  *result = g_memdup2 (&value, sizeof value);
  return TRUE;
}

static gboolean
exec_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  return koc_db_exec (db, data, error);
}

/* The first column of the first row of @sql, read on the test's own connection. */
static gint64
query_int (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *value = NULL;

  g_assert_true (koc_store_run_sync (store, int_func, (gpointer) sql, (gpointer *) &value, NULL, &error));
  g_assert_no_error (error);
  return *value;
}

static const KocAccountHit *
row (guint i)
{
  g_autoptr(KocAccountItem) item = g_list_model_get_item (koc_discover_pane_get_results (pane), i);

  g_assert_nonnull (item);
  return koc_account_item_get_hit (item);
}

static void
assert_rows_match_store (void)
{
  GListModel *results = koc_discover_pane_get_results (pane);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_true (koc_store_run_sync (store, search_func, (gpointer) koc_discover_pane_get_query (pane),
                                     (gpointer *) &hits, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, hits->len);
  for (guint i = 0; i < hits->len; i++)
    {
      const KocAccountHit *hit = hits->pdata[i];

      g_assert_cmpint (row (i)->account_id, ==, hit->account_id);
      g_assert_cmpfloat (row (i)->engagement_rate, ==, hit->engagement_rate);
    }
}

static void
wait_settled (const char *what)
{
  koc_test_gui_wait_frames (GTK_WIDGET (pane), 2);
  koc_test_gui_wait_until (settled, NULL, what);
}

static void
test_engagement_variants (void)
{
  g_autofree char *sql = NULL;

  wait_settled ("the first search");
  _koc_discover_set_engagement (pane, KOC_ENGAGEMENT_BY_VIEWS);
  wait_settled ("the search by views");
  g_assert_cmpint (koc_discover_pane_get_query (pane)->engagement, ==, KOC_ENGAGEMENT_BY_VIEWS);
  g_assert_cmpstr (gtk_column_view_column_get_title (pane->engagement_column), ==, _("Eng. / Views"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (pane->legend_label)),
                           _koc_discover_engagement_formula (KOC_ENGAGEMENT_BY_VIEWS)));
  assert_rows_match_store ();
  /* The cell value is the account's rate by views as the store keeps it. */
  for (guint i = 0; i < 5; i++)
    if (row (i)->engagement_rate >= 0)
      {
        g_free (sql);
        sql = g_strdup_printf ("SELECT round (engagement_by_views * 1e6) FROM accounts WHERE id = %lld",
                               (long long) row (i)->account_id);
        g_assert_cmpint (query_int (sql), ==, (gint64) (row (i)->engagement_rate * 1e6 + 0.5));
      }

  _koc_discover_set_engagement (pane, KOC_ENGAGEMENT_INTERACTIONS);
  wait_settled ("the search by 赞藏评");
  g_assert_cmpstr (gtk_column_view_column_get_title (pane->engagement_column), ==, _("赞藏评 / Note"));
  assert_rows_match_store ();

  _koc_discover_set_engagement (pane, KOC_ENGAGEMENT_BY_FOLLOWERS);
  wait_settled ("the search by followers");
  g_assert_cmpstr (gtk_column_view_column_get_title (pane->engagement_column), ==, _("Eng. / Followers"));
}

static GtkDropDown *
filters_dropdown (const char *name)
{
  GtkWidget *filters = koc_test_gui_find_widget (GTK_WIDGET (pane), KOC_TYPE_DISCOVER_FILTERS);
  GtkWidget *dropdown = NULL;

  dropdown = GTK_WIDGET (gtk_widget_get_template_child (filters, KOC_TYPE_DISCOVER_FILTERS, name));
  g_assert_nonnull (dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static gboolean
choices_loaded (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (filters_dropdown ("brand_dropdown"))) > 1;
}

static void
test_filters_brand_sentiment_tag (void)
{
  const KocSearchQuery *query;

  koc_test_gui_wait_until (choices_loaded, NULL, "the brands of the filter");
  gtk_drop_down_set_selected (filters_dropdown ("brand_dropdown"), 1); /* the own brand first */
  wait_settled ("the brand filter");
  query = koc_discover_pane_get_query (pane);
  {
    g_autofree char *own = g_strdup_printf ("SELECT is_own FROM brands WHERE id = %lld", (long long) query->brand_id);

    g_assert_cmpint (query_int (own), ==, 1);
  }
  assert_rows_match_store ();
  g_assert_cmpuint (g_list_model_get_n_items (koc_discover_pane_get_results (pane)), >, 0);

  gtk_drop_down_set_selected (filters_dropdown ("sentiment_dropdown"), KOC_SENTIMENT_POSITIVE);
  wait_settled ("the sentiment filter");
  query = koc_discover_pane_get_query (pane);
  g_assert_cmpint (query->sentiment, ==, KOC_SENTIMENT_POSITIVE);
  assert_rows_match_store ();
  /* Every row is positive about the brand, by the raw posts. */
  for (guint i = 0; i < MIN (10, g_list_model_get_n_items (koc_discover_pane_get_results (pane))); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT avg (p.sentiment) >= 0.2 FROM posts p JOIN post_mentions m"
                                              " ON m.post_id = p.id AND m.brand_id = %lld WHERE p.account_id = %lld"
                                              " AND p.sentiment IS NOT NULL", (long long) query->brand_id,
                                              (long long) row (i)->account_id);
      g_assert_cmpint (query_int (sql), ==, 1);
    }

  gtk_drop_down_set_selected (filters_dropdown ("tag_dropdown"), 1);
  wait_settled ("the tag filter");
  query = koc_discover_pane_get_query (pane);
  g_assert_nonnull (query->tags);
  assert_rows_match_store ();
  for (guint i = 0; i < g_list_model_get_n_items (koc_discover_pane_get_results (pane)); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM person_tags pt JOIN tags t ON t.id = pt.tag_id"
                                              " WHERE pt.person_id = %lld AND t.name = '%s'",
                                              (long long) row (i)->person_id, query->tags[0]);
      g_assert_cmpint (query_int (sql), ==, 1);
    }
}

static void
reset_filters (void)
{
  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.reset-filters", NULL);
  wait_settled ("the reset filters");
}

static guint bulk_target;

static gboolean
bulk_done (gpointer data)
{
  return pane->n_bulk_done >= bulk_target && !koc_discover_pane_is_busy (pane);
}

static void
wait_bulk (const char *what)
{
  bulk_target = pane->n_bulk_done + 1;
  koc_test_gui_wait_until (bulk_done, NULL, what);
}

static char *
id_list (guint n)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (ids, "%s%lld", i ? ", " : "", (long long) row (i)->person_id);
  return g_string_free (ids, FALSE);
}

static void
test_bulk_stage_undo (void)
{
  g_autofree char *ids = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before_sql = NULL;
  gint64 outbox_before;
  gint64 not_ambassador;

  reset_filters ();
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (pane->selection), 0, 3, TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (pane->action_revealer));
  ids = id_list (3);
  g_assert_cmpint (row (0)->person_id, >, 0);
  sql = g_strdup_printf ("SELECT count (*) FROM people WHERE stage = 'ambassador' AND id IN (%s)", ids);
  before_sql = g_strdup_printf ("SELECT count (*) FROM people WHERE stage <> 'ambassador' AND id IN (%s)", ids);
  not_ambassador = query_int (before_sql);
  g_assert_cmpint (not_ambassador, >, 0);
  outbox_before = query_int ("SELECT count (*) FROM outbox WHERE entity = 'person'");

  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.set-stage", "s", "ambassador");
  wait_bulk ("the stage change");
  g_assert_cmpint (query_int (sql), ==, 3);
  g_assert_cmpint (query_int ("SELECT count (*) FROM outbox WHERE entity = 'person'"), ==, outbox_before + 3);

  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.undo-bulk", NULL);
  wait_bulk ("the undo");
  g_assert_cmpint (query_int (before_sql), ==, not_ambassador);
  /* The undo is an edit too: it syncs. */
  g_assert_cmpint (query_int ("SELECT count (*) FROM outbox WHERE entity = 'person'"), ==, outbox_before + 6);
}

static void
test_bulk_tag_owner_campaign (void)
{
  g_autofree char *ids = NULL;
  g_autofree char *sql = NULL;
  gint64 campaign;
  gint64 cards_before;

  wait_settled ("the list");
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (pane->selection), 0, 2, TRUE);
  ids = id_list (2);

  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.add-tag", "s", "种草候选");
  wait_bulk ("the new tag");
  sql = g_strdup_printf ("SELECT count (*) FROM person_tags pt JOIN tags t ON t.id = pt.tag_id"
                         " WHERE t.name = '种草候选' AND pt.person_id IN (%s)", ids);
  g_assert_cmpint (query_int (sql), ==, 2);

  gtk_selection_model_select_range (GTK_SELECTION_MODEL (pane->selection), 0, 2, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.assign-owner", "s", "李娜");
  wait_bulk ("the owner");
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM people WHERE owner = '李娜' AND id IN (%s)", ids);
  g_assert_cmpint (query_int (sql), ==, 2);

  /* A new draft campaign with a board, written through the app's own connection. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (koc_store_write_sync (koc_window_get_store (window), exec_func, (gpointer)
                                         "INSERT INTO campaigns (id, name, status) VALUES (9001, '新品试用', 'draft');"
                                         "INSERT INTO campaign_stages (campaign_id, name, position) VALUES"
                                         " (9001, '待联系', 0), (9001, '已寄样', 1);",
                                         NULL, NULL, &error));
    g_assert_no_error (error);
  }
  campaign = query_int ("SELECT c.id FROM campaigns c WHERE status IN ('draft', 'active') AND EXISTS"
                        " (SELECT 1 FROM campaign_stages s WHERE s.campaign_id = c.id) ORDER BY c.id DESC LIMIT 1");
  g_assert_cmpint (campaign, ==, 9001);
  g_assert_cmpint (campaign, >, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM cards k WHERE k.campaign_id = %lld AND k.stage_id ="
                         " (SELECT id FROM campaign_stages WHERE campaign_id = %lld ORDER BY position LIMIT 1)",
                         (long long) campaign, (long long) campaign);
  cards_before = query_int (sql);
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (pane->selection), 0, 2, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.add-to-campaign", "x", campaign);
  wait_bulk ("the cards");
  {
    g_autofree char *mine = g_strdup_printf ("SELECT count (*) FROM cards WHERE campaign_id = %lld"
                                             " AND person_id IN (%s)", (long long) campaign, ids);
    gint64 added = query_int (sql) - cards_before;

    g_assert_cmpint (query_int (mine), ==, 2);
    g_assert_cmpint (added, ==, 2);
    g_assert_cmpint (query_int ("SELECT count (*) FROM outbox WHERE entity = 'card'"), ==, 2);
    /* Once per person: a second time adds nothing. */
    gtk_selection_model_select_range (GTK_SELECTION_MODEL (pane->selection), 0, 2, TRUE);
    gtk_widget_activate_action (GTK_WIDGET (pane), "discover.add-to-campaign", "x", campaign);
    wait_bulk ("the cards again");
    g_assert_cmpint (query_int (mine), ==, 2);
    /* Undo takes the new cards away again. */
    gtk_widget_activate_action (GTK_WIDGET (pane), "discover.undo-bulk", NULL);
    wait_bulk ("the undo of the cards");
    g_assert_cmpint (query_int (mine), ==, 0);
    g_assert_cmpint (query_int (sql), ==, cards_before);
  }
}

static gboolean
export_written (gpointer path)
{
  g_autofree char *contents = NULL;
  guint lines = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  for (const char *p = contents; *p != '\0'; p++)
    lines += *p == '\n';
  return lines >= 5;
}

static void
test_export_selection (void)
{
  g_autofree char *path = g_build_filename (data_home, "selection.csv", NULL);
  g_autofree char *contents = NULL;
  guint lines = 0;

  wait_settled ("the list");
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (pane->selection), 0, 4, TRUE);
  _koc_discover_export_selection_to (pane, path);
  koc_test_gui_wait_until (export_written, path, "the CSV file");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; *p != '\0'; p++)
    lines += *p == '\n';
  g_assert_cmpuint (lines, ==, 5);
  g_assert_nonnull (strstr (contents, row (0)->handle));
}

static void
save (GtkWidget  *widget,
      const char *name)
{
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");

  if (dir == NULL)
    return;
  koc_test_gui_wait_frames (widget, 20);
  g_assert_cmpuint (koc_test_gui_count_missing_glyphs (widget), ==, 0);
  koc_test_gui_save_png (widget, dir, name);
}

static guint loads_target;

static gboolean
saved_loaded (gpointer data)
{
  return pane->n_saved_loads >= loads_target;
}

static void
wait_saved (const char *what)
{
  loads_target = pane->n_saved_loads + 1;
  koc_test_gui_wait_until (saved_loaded, NULL, what);
}

static void
test_saved_searches (void)
{
  GtkEditable *entry = GTK_EDITABLE (pane->search_entry);
  g_autofree char *uid = NULL;
  const KocSearchQuery *query;
  gint64 brand, outbox, n_saved;

  koc_test_gui_wait_until (choices_loaded, NULL, "the brands of the filter");
  gtk_editable_set_text (entry, "面膜");
  gtk_drop_down_set_selected (filters_dropdown ("brand_dropdown"), 1);
  gtk_drop_down_set_selected (filters_dropdown ("sentiment_dropdown"), KOC_SENTIMENT_POSITIVE);
  _koc_discover_set_engagement (pane, KOC_ENGAGEMENT_INTERACTIONS);
  wait_settled ("the search to save");
  brand = koc_discover_pane_get_query (pane)->brand_id;
  outbox = query_int ("SELECT count (*) FROM outbox WHERE entity = 'saved_search'");
  n_saved = query_int ("SELECT count (*) FROM saved_searches");

  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.save-search", "s", "面膜好评");
  wait_saved ("the saved search");
  g_assert_cmpint (query_int ("SELECT count (*) FROM saved_searches WHERE name = '面膜好评'"
                              " AND query ->> '$.text' = '面膜' AND query ->> '$.sentiment' = 1"
                              " AND query ->> '$.engagement' = 2"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count (*) FROM outbox WHERE entity = 'saved_search'"), ==, outbox + 1);
  /* The brand is stored by its uid (ids differ per device), in the table and the outbox. */
  g_assert_cmpint (brand, >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM saved_searches s JOIN brands b"
                                            " ON b.uid = s.query ->> '$.brand_uid' WHERE s.name = '面膜好评'"
                                            " AND b.id = %lld AND s.query ->> '$.brand_id' IS NULL",
                                            (long long) brand);
    g_autofree char *outbox_sql = g_strdup_printf ("SELECT count (*) FROM outbox o JOIN brands b"
                                                   " ON b.uid = o.payload ->> '$.fields.query.brand_uid'"
                                                   " WHERE o.entity = 'saved_search' AND b.id = %lld",
                                                   (long long) brand);
    g_assert_cmpint (query_int (sql), ==, 1);
    g_assert_cmpint (query_int (outbox_sql), >=, 1);
  }
  g_assert_cmpuint (pane->saved_uids->len, ==, n_saved + 1);
  for (guint i = 0; i < pane->saved_uids->len; i++)
    {
      g_autofree char *label = NULL;

      g_menu_model_get_item_attribute (G_MENU_MODEL (pane->saved_menu), i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      if (g_strcmp0 (label, "面膜好评") == 0)
        uid = g_strdup (pane->saved_uids->pdata[i]);
    }
  g_assert_nonnull (uid);

  /* Cleared, then applied again. */
  gtk_editable_set_text (entry, "");
  _koc_discover_set_engagement (pane, KOC_ENGAGEMENT_BY_FOLLOWERS);
  reset_filters ();
  g_assert_null (koc_discover_pane_get_query (pane)->text);
  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.apply-saved", "s", uid);
  wait_settled ("the saved search applied");
  query = koc_discover_pane_get_query (pane);
  g_assert_cmpstr (query->text, ==, "面膜");
  g_assert_cmpint (query->brand_id, ==, brand);
  g_assert_cmpint (query->sentiment, ==, KOC_SENTIMENT_POSITIVE);
  g_assert_cmpint (query->engagement, ==, KOC_ENGAGEMENT_INTERACTIONS);

  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.rename-saved", "(ss)", uid, "上海面膜好评");
  wait_saved ("the renamed search");
  g_assert_cmpint (query_int ("SELECT count (*) FROM saved_searches WHERE name = '上海面膜好评'"
                              " AND query ->> '$.text' = '面膜'"), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.delete-saved", "s", uid);
  wait_saved ("the deletion");
  g_assert_cmpint (query_int ("SELECT count (*) FROM saved_searches"), ==, n_saved);
  g_assert_cmpuint (pane->saved_uids->len, ==, n_saved);
  gtk_widget_activate_action (GTK_WIDGET (pane), "discover.undo-delete-saved", NULL);
  wait_saved ("the undo");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM saved_searches WHERE uid = '%s'"
                                            " AND name = '上海面膜好评' AND query ->> '$.text' = '面膜'", uid);

    g_assert_cmpint (query_int (sql), ==, 1);
  }
  g_assert_cmpint (query_int ("SELECT count (*) FROM outbox WHERE entity = 'saved_search'"), ==, outbox + 4);

  gtk_editable_set_text (entry, "");
  _koc_discover_set_engagement (pane, KOC_ENGAGEMENT_BY_FOLLOWERS);
  reset_filters ();
}

static gboolean
recommend_func (sqlite3       *db,
                gpointer       data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  GPtrArray *recs = koc_recommend_lookalikes (db, 50, 100, error);

  *result = recs;
  return recs != NULL;
}

static gboolean
recommendations_shown (gpointer data)
{
  return pane->showing_recommendations && !koc_discover_pane_is_busy (pane);
}

static void
test_lookalikes (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results = koc_discover_pane_get_results (pane);

  wait_settled ("the list");
  gtk_toggle_button_set_active (pane->recommend_button, TRUE);
  koc_test_gui_wait_until (recommendations_shown, NULL, "the lookalikes");
  /* The same accounts, in the same order, as the store computes on the app's connection. */
  g_assert_true (koc_store_run_sync (koc_window_get_store (window), recommend_func, NULL,
                                     (gpointer *) &recs, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recs->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, recs->len);
  for (guint i = 0; i < recs->len; i++)
    {
      KocRecommendation *rec = recs->pdata[i];
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM accounts a JOIN people p ON p.id = a.person_id"
                                              " WHERE a.id = %lld AND p.stage IN ('advocate', 'ambassador')",
                                              (long long) row (i)->account_id);

      g_assert_cmpint (row (i)->account_id, ==, rec->hit->account_id);
      g_assert_nonnull (row (i)->snippet);
      /* Lookalikes are not advocates yet. */
      g_assert_cmpint (query_int (sql), ==, 0);
    }
  for (guint s = 0; s < 2; s++)
    {
      adw_style_manager_set_color_scheme (style_manager, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                                : ADW_COLOR_SCHEME_FORCE_DARK);
      save (GTK_WIDGET (window), s == 0 ? "discover-lookalikes-light.png" : "discover-lookalikes-dark.png");
    }
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  /* The account column widens for the reasons... */
  g_assert_cmpint (pane->account_width, >, 0);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (pane->account_column), >, pane->account_width);

  /* Each reason is in its row's tooltip, whole. */
  {
    g_autoptr(GPtrArray) labels = koc_test_gui_find_widgets (GTK_WIDGET (pane->column_view), GTK_TYPE_LABEL);
    guint n_reasons = 0;

    for (guint i = 0; i < labels->len; i++)
      {
        GtkLabel *label = labels->pdata[i];
        const char *tooltip;

        if (!gtk_widget_has_css_class (GTK_WIDGET (label), "snippet") ||
            !gtk_widget_get_mapped (GTK_WIDGET (label)))
          continue;
        n_reasons++;
        tooltip = _koc_discover_cell_get_tooltip (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (label))));
        g_assert_nonnull (tooltip);
        g_assert_cmpuint (strlen (tooltip), >=, strlen (gtk_label_get_text (label)));
      }
    g_assert_cmpuint (n_reasons, >, 3);
  }

  /* A search leaves the lookalikes. */
  gtk_toggle_button_set_active (pane->recommend_button, FALSE);
  wait_settled ("the search again");
  g_assert_false (pane->showing_recommendations);
  /* ...and goes back to its width, not to sizing itself by its cells. */
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (pane->account_column), ==, pane->account_width);
}

static gboolean
weights_saved (gpointer data)
{
  return query_int ("SELECT coalesce (json_extract (value, '$.engagement'), 0) FROM workspace_meta"
                    " WHERE key = 'koc_score_weights'") == 40;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

static gboolean
weights_loaded (gpointer page)
{
  return g_object_get_data (page, "koc-score-loaded") != NULL;
}

static void
test_score_preferences (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkWindow *prefs;
  GtkWidget *apply;
  GtkWidget *page;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = koc_test_gui_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  page = find_named (GTK_WIDGET (prefs), "koc-score-page");
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (page));
  koc_test_gui_wait_until (weights_loaded, page, "the weights");
  apply = find_named (page, "apply-weights");
  g_assert_true (gtk_widget_get_sensitive (apply));

  /* 40 + 25 + 15 + 15 + 10 = 105: cannot be applied. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (page, "engagement")), 40);
  g_assert_false (gtk_widget_get_sensitive (apply));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save (GTK_WIDGET (prefs), "discover-score-preferences-light.png");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (page, "affinity")), 20);
  g_assert_true (gtk_widget_get_sensitive (apply));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  save (GTK_WIDGET (prefs), "discover-score-preferences-dark.png");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  gtk_widget_activate (apply);
  koc_test_gui_wait_until (weights_saved, NULL, "the new weights");
  koc_test_gui_wait_until (is_sensitive, apply, "the rescoring");
  /* Everyone was rescored with them: the breakdowns carry the new weights. */
  g_assert_cmpint (query_int ("SELECT count (*) FROM people WHERE koc_score IS NOT NULL AND"
                              " json_extract (score_breakdown, '$.components[0].weight') <> 40"), ==, 0);
  g_assert_cmpint (query_int ("SELECT count (*) FROM people WHERE"
                              " json_extract (score_breakdown, '$.components[1].weight') = 20"), >, 0);
  gtk_window_destroy (prefs);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  static const struct { const char *name; AdwColorScheme scheme; } styles[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT },
    { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
  };

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  koc_test_gui_wait_until (choices_loaded, NULL, "the brands of the filter");
  gtk_drop_down_set_selected (filters_dropdown ("brand_dropdown"), 2);
  gtk_drop_down_set_selected (filters_dropdown ("sentiment_dropdown"), KOC_SENTIMENT_POSITIVE);
  _koc_discover_set_engagement (pane, KOC_ENGAGEMENT_BY_VIEWS);
  wait_settled ("the filtered list");
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (pane->selection), 0, 3, TRUE);
  /* The filters panel scrolled down to the brand, sentiment and tag filters. */
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (pane->filters_scroller));

    koc_test_gui_wait_frames (GTK_WIDGET (window), 5);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_autofree char *name = g_strdup_printf ("discover-selection-%s.png", styles[s].name);
      g_autofree char *menu_name = g_strdup_printf ("discover-saved-menu-%s.png", styles[s].name);
      GtkWidget *popover;

      adw_style_manager_set_color_scheme (style_manager, styles[s].scheme);
      save (GTK_WIDGET (window), name);
      gtk_menu_button_popup (GTK_MENU_BUTTON (pane->saved_button));
      popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (pane->saved_button)));
      save (popover, menu_name);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (pane->saved_button));
    }
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (pane->selection));
  _koc_discover_set_engagement (pane, KOC_ENGAGEMENT_BY_FOLLOWERS);
  reset_filters ();
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

  app = koc_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = KOC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  koc_test_gui_wait_until (workspace_open, NULL, "the demo workspace to open");
  pane = KOC_DISCOVER_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_DISCOVER_PANE));
  g_assert_nonnull (pane);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "discover");

  g_test_add_func ("/koc/app/discover-actions/engagement-variants", test_engagement_variants);
  g_test_add_func ("/koc/app/discover-actions/filters-brand-sentiment-tag", test_filters_brand_sentiment_tag);
  g_test_add_func ("/koc/app/discover-actions/bulk-stage-undo", test_bulk_stage_undo);
  g_test_add_func ("/koc/app/discover-actions/bulk-tag-owner-campaign", test_bulk_tag_owner_campaign);
  g_test_add_func ("/koc/app/discover-actions/export-selection", test_export_selection);
  g_test_add_func ("/koc/app/discover-actions/saved-searches", test_saved_searches);
  g_test_add_func ("/koc/app/discover-actions/lookalikes", test_lookalikes);
  g_test_add_func ("/koc/app/discover-actions/score-preferences", test_score_preferences);
  g_test_add_func ("/koc/app/discover-actions/screenshots", test_screenshots);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  g_clear_object (&store);
  koc_test_rm_rf (data_home);
  g_free (data_home);

  return status;
}
