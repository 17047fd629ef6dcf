/* test-campaigns-edit.c: editing a campaign from the Campaigns pane, under Xvfb.
 *
 * The plan (koc_campaigns_plan_settings()) against the rows of a demo workspace: only
 * what changes becomes an edit, and the undo edits hold the values before. Then the Edit
 * Campaign window: the form is filled as a user would (entry rows, the brand, an
 * incentive kind, stages renamed, moved with the keyboard-reachable buttons, added and
 * removed, an EMV value), Save must reach the tables and the sync outbox (kinds
 * "campaign" and "campaign_stage") and the board, and campaigns.undo must take it back.
 * Screenshots of the window in the light and dark style (KOCDESK_SCREENSHOT_DIR).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "koc-application.h"
#include "koc-campaigns-card-item.h"
#include "koc-campaigns-pane.h"
#include "koc-campaigns-settings.h"
#include "koc-date-row.h"
#include "koc-db.h"
#include "koc-demo.h"
#include "koc-export.h"
#include "koc-i18n.h"
#include "koc-sync-batch.h"
#include "koc-test-gui.h"
#include "koc-test-utils.h"
#include "koc-window.h"

static KocApplication *app;
static KocWindow *window;
static KocCampaignsPane *pane;
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
  return koc_campaigns_pane_get_board (pane) != NULL && !koc_campaigns_pane_is_busy (pane);
}

static void
wait_settled (const char *what)
{
  koc_test_gui_wait_until (settled, NULL, what);
}

static gboolean
int_func (sqlite3       *db,
          gpointer       data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  gint64 value = 0;

  if (!koc_db_query_int64 (db, data, 0, &value, error))
    return FALSE;
  *result = g_memdup2 (&value, sizeof value);
  return TRUE;
}

static gint64
store_int (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *value = NULL;

  g_assert_true (koc_store_run_sync (store, int_func, (gpointer)sql, (gpointer *)&value, NULL, &error));
  g_assert_no_error (error);
  return *value;
}

static gboolean
text_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!koc_db_prepare (db, data, &stmt, error))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return TRUE;
}

static char *
store_text (const char *format,
            ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gpointer text = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_true (koc_store_run_sync (store, text_func, sql, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The stage names of a campaign in board order, joined by "|". */
static char *
stage_names (gint64 campaign_id)
{
  return store_text ("SELECT group_concat (name, '|') FROM (SELECT name FROM campaign_stages"
                     " WHERE campaign_id = %lld ORDER BY position, id)", (long long)campaign_id);
}

static gint64
busiest_campaign (void)
{
  gint64 id = store_int ("SELECT c.id FROM campaigns c ORDER BY c.status = 'active' DESC,"
                         " (SELECT count(DISTINCT stage_id) FROM cards WHERE campaign_id = c.id) DESC,"
                         " c.id LIMIT 1");

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
wait_first_board (void)
{
  gint64 until = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;

  while (!settled (NULL) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  wait_settled ("the first board");
}

/* The plan ---------------------------------------------------------------- */

typedef struct
{
  KocCampaignDraft *draft;
  GPtrArray        *undo;
} PlanData;

static gboolean
draft_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  *result = koc_campaigns_load_draft (db, *(gint64 *)data, error);
  return *result != NULL;
}

static KocCampaignDraft *
load_draft (gint64 campaign_id)
{
  g_autoptr(GError) error = NULL;
  gpointer draft = NULL;

  g_assert_true (koc_store_run_sync (store, draft_func, &campaign_id, &draft, NULL, &error));
  g_assert_no_error (error);
  return draft;
}

static gboolean
plan_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  PlanData *d = data;

  *result = koc_campaigns_plan_settings (db, d->draft, &d->undo, error);
  return *result != NULL;
}

/* (element-type KocSyncEdit), or NULL with @error. */
static GPtrArray *
plan (KocCampaignDraft  *draft,
      GPtrArray        **undo,
      GError           **error)
{
  PlanData d = { draft, NULL };
  gpointer edits = NULL;

  koc_store_run_sync (store, plan_func, &d, &edits, NULL, error);
  *undo = d.undo;
  return edits;
}

static const KocSyncEdit *
edit_at (GPtrArray *edits,
         guint      index)
{
  g_assert_cmpuint (index, <, edits->len);
  return edits->pdata[index];
}

static void
test_plan (void)
{
  gint64 id = busiest_campaign ();
  g_autoptr(KocCampaignDraft) draft = load_draft (id);
  g_autoptr(GPtrArray) edits = NULL, undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = store_text ("SELECT uid FROM campaigns WHERE id = %lld", (long long)id);
  g_autofree char *stage1 = store_text ("SELECT uid FROM campaign_stages WHERE campaign_id = %lld"
                                        " ORDER BY position, id LIMIT 1 OFFSET 1", (long long)id);
  g_autofree char *stage2 = store_text ("SELECT uid FROM campaign_stages WHERE campaign_id = %lld"
                                        " ORDER BY position, id LIMIT 1 OFFSET 2", (long long)id);
  g_autofree char *name = g_strdup (draft->name);
  KocStageDraft *with_cards = NULL;
  guint n_stages = draft->stages->len;
  g_autofree char *new_stage = NULL;
  gpointer swap;

  g_assert_cmpuint (n_stages, >=, 3);
  /* Nothing changed: nothing to send. */
  edits = plan (draft, &undo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edits->len, ==, 0);
  g_assert_cmpuint (undo->len, ==, 0);
  g_clear_pointer (&edits, g_ptr_array_unref);
  g_clear_pointer (&undo, g_ptr_array_unref);

  /* A new name, stages 1 and 2 swapped, a stage added. */
  g_free (draft->name);
  draft->name = g_strdup ("新名字 \"A\"");
  swap = draft->stages->pdata[1];
  draft->stages->pdata[1] = draft->stages->pdata[2];
  draft->stages->pdata[2] = swap;
  g_ptr_array_add (draft->stages, koc_stage_draft_new (0, "复盘", 0));
  edits = plan (draft, &undo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edits->len, ==, 4);
  g_assert_cmpstr (edit_at (edits, 0)->kind, ==, "campaign");
  g_assert_cmpstr (edit_at (edits, 0)->uid, ==, uid);
  g_assert_nonnull (strstr (edit_at (edits, 0)->fields, "\"name\":\"新名字 \\\"A\\\"\""));
  g_assert_cmpstr (edit_at (edits, 1)->uid, ==, stage2);
  g_assert_nonnull (strstr (edit_at (edits, 1)->fields, "\"position\":1"));
  g_assert_cmpstr (edit_at (edits, 2)->uid, ==, stage1);
  g_assert_nonnull (strstr (edit_at (edits, 2)->fields, "\"position\":2"));
  g_assert_cmpstr (edit_at (edits, 3)->kind, ==, "campaign_stage");
  g_assert_cmpstr (edit_at (edits, 3)->op, ==, "upsert");
  new_stage = g_strdup_printf ("\"name\":\"复盘\",\"position\":%u", n_stages);
  g_assert_nonnull (strstr (edit_at (edits, 3)->fields, new_stage));
  /* Undo: in reverse order, the new stage deleted, the old positions and name back. */
  g_assert_cmpuint (undo->len, ==, 4);
  g_assert_cmpstr (edit_at (undo, 0)->op, ==, "delete");
  g_assert_cmpstr (edit_at (undo, 0)->uid, ==, edit_at (edits, 3)->uid);
  g_assert_cmpstr (edit_at (undo, 1)->uid, ==, stage1);
  g_assert_nonnull (strstr (edit_at (undo, 1)->fields, "\"position\":1"));
  g_assert_cmpstr (edit_at (undo, 3)->kind, ==, "campaign");
  {
    g_autofree char *expected = g_strdup_printf ("\"name\":\"%s\"", name);

    g_assert_nonnull (strstr (edit_at (undo, 3)->fields, expected));
  }
  g_clear_pointer (&edits, g_ptr_array_unref);
  g_clear_pointer (&undo, g_ptr_array_unref);

  /* A stage with cards cannot go. */
  for (guint i = 0; i < draft->stages->len && with_cards == NULL; i++)
    if (((KocStageDraft *)draft->stages->pdata[i])->n_cards > 0)
      with_cards = g_ptr_array_steal_index (draft->stages, i);
  g_assert_nonnull (with_cards);
  edits = plan (draft, &undo, &error);
  g_assert_null (edits);
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, with_cards->name));
  g_clear_error (&error);
  g_ptr_array_add (draft->stages, with_cards);

  /* Dates the wrong way round, no name, an empty stage name. */
  draft->starts_at = 1800000000;
  draft->ends_at = 1700000000;
  g_assert_null (plan (draft, &undo, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  draft->ends_at = 0;
  g_free (draft->name);
  draft->name = g_strdup ("  ");
  g_assert_null (plan (draft, &undo, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (draft->name);
  draft->name = g_strdup ("x");
  g_free (((KocStageDraft *)draft->stages->pdata[0])->name);
  ((KocStageDraft *)draft->stages->pdata[0])->name = g_strdup ("");
  g_assert_null (plan (draft, &undo, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
}

/* The window -------------------------------------------------------------- */

static GtkWindow *
edit_window (void)
{
  GtkWindow *found = koc_test_gui_find_toplevel (ADW_TYPE_WINDOW);

  if (found != NULL && g_strcmp0 (gtk_window_get_title (found), _("Edit Campaign")) == 0)
    return found;
  return NULL;
}

static gboolean
edit_open (gpointer data)
{
  return edit_window () != NULL && !koc_campaigns_pane_is_busy (pane);
}

static GtkWindow *
open_edit_window (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "campaigns.edit-campaign", NULL));
  koc_test_gui_wait_until (edit_open, NULL, "the Edit Campaign window");
  return edit_window ();
}

static GtkWidget *
row_titled (GtkWindow  *w,
            GType       type,
            const char *title)
{
  g_autoptr(GPtrArray) rows = koc_test_gui_find_widgets (GTK_WIDGET (w), type);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("no row “%s”", title);
  return NULL;
}

static GtkWidget *
stage_row (GtkWindow *w,
           guint      index)
{
  g_autofree char *title = g_strdup_printf (_("Stage %u"), index + 1);

  return row_titled (w, ADW_TYPE_ENTRY_ROW, title);
}

static GtkWidget *
named_child (GtkWidget  *root,
             const char *name)
{
  g_autoptr(GPtrArray) widgets = koc_test_gui_find_widgets (root, GTK_TYPE_WIDGET);

  for (guint i = 0; i < widgets->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (widgets->pdata[i]), name) == 0)
      return widgets->pdata[i];
  g_error ("no widget named “%s”", name);
  return NULL;
}

static GtkWidget *
header_button (GtkWindow  *w,
               const char *label)
{
  g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (GTK_WIDGET (w), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  g_error ("no button “%s”", label);
  return NULL;
}

static void
set_row (GtkWindow  *w,
         const char *title,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row_titled (w, ADW_TYPE_ENTRY_ROW, title)), text);
}

static GtkWindow *first_stage_window;
static const char *first_stage_name;

static gboolean
first_stage_is (gpointer data)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (stage_row (first_stage_window, 0))),
                    first_stage_name) == 0;
}

static void
test_edit_and_undo (void)
{
  gint64 id = busiest_campaign ();
  g_autofree char *before_stages = NULL, *after_stages = NULL, *name = NULL;
  g_autofree char *kinds = NULL, *brand = NULL;
  g_autofree char *old_name = store_text ("SELECT name FROM campaigns WHERE id = %lld", (long long)id);
  g_autofree char *old_kinds = store_text ("SELECT incentive_kinds FROM campaigns WHERE id = %lld", (long long)id);
  g_autofree char *sql = NULL;
  gboolean lucky;
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) expected_stages = NULL;
  guint n;
  GtkWindow *w;
  GtkWidget *save, *down, *remove, *focus;
  gint64 outbox_before = store_int ("SELECT count(*) FROM outbox");
  gint64 n_brands = store_int ("SELECT count(*) FROM brands");

  koc_campaigns_pane_select_campaign (pane, id);
  wait_settled ("the busiest board");
  before_stages = stage_names (id);
  names = g_strsplit (before_stages, "|", -1);
  n = g_strv_length (names);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpint (n_brands, >, 0);
  w = open_edit_window ();
  save = header_button (w, _("_Save"));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_titled (w, ADW_TYPE_ENTRY_ROW, _("Name")))),
                   ==, old_name);

  set_row (w, _("Name"), "双11 种草");
  set_row (w, _("Goal"), "新品上市 100 篇笔记");
  set_row (w, _("Starts (YYYY-MM-DD)"), "2026-11-01");
  set_row (w, _("Ends (YYYY-MM-DD)"), "2026-10-01");
  g_assert_false (gtk_widget_get_sensitive (save));          /* ends before it starts */
  set_row (w, _("Ends (YYYY-MM-DD)"), "2026-11-30");
  g_assert_true (gtk_widget_get_sensitive (save));
  set_row (w, _("Budget (¥)"), "abc");
  g_assert_false (gtk_widget_get_sensitive (save));
  set_row (w, _("Budget (¥)"), "12,345.60");
  g_assert_true (gtk_widget_get_sensitive (save));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_titled (w, ADW_TYPE_COMBO_ROW, _("Brand"))), 1);
  lucky = gtk_check_button_get_active (GTK_CHECK_BUTTON (named_child (GTK_WIDGET (w), "lucky_draw")));
  g_assert_cmpint (lucky, ==, strstr (old_kinds, "\"lucky_draw\"") != NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named_child (GTK_WIDGET (w), "lucky_draw")), !lucky);

  /* Stages: the first renamed, then moved down with its button (as Space on the focused
   * button does): the focus follows to the row it moved to. */
  gtk_editable_set_text (GTK_EDITABLE (stage_row (w, 0)), "初筛");
  down = named_child (stage_row (w, 0), "down");
  gtk_widget_grab_focus (down);
  g_assert_true (gtk_widget_activate (down));
  /* A button activated from the keyboard clicks after its press animation. */
  first_stage_window = w;
  first_stage_name = names[1];
  koc_test_gui_wait_until (first_stage_is, NULL, "the stage moved down");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (stage_row (w, 0))), ==, names[1]);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (stage_row (w, 1))), ==, "初筛");
  focus = gtk_window_get_focus (w);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, stage_row (w, 1)));
  g_assert_cmpstr (gtk_widget_get_name (focus), ==, "down");
  /* A stage with cards cannot be removed; an empty new one can. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM cards k JOIN campaign_stages s"
                                                " ON s.id = k.stage_id WHERE s.campaign_id = %lld"
                                                " AND s.name = '%s'", (long long)id,
                                                gtk_editable_get_text (GTK_EDITABLE (stage_row (w, i))));

      if (i != 1)
        g_assert_cmpint (gtk_widget_get_sensitive (named_child (stage_row (w, i), "remove")), ==,
                         store_int (count) == 0);
    }
  g_signal_emit_by_name (header_button (w, _("_Add Stage")), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (stage_row (w, n))), ==, _("New Stage"));
  g_assert_true (gtk_window_get_focus (w) != NULL &&
                 gtk_widget_is_ancestor (gtk_window_get_focus (w), stage_row (w, n)));
  gtk_editable_set_text (GTK_EDITABLE (stage_row (w, n)), "");
  g_assert_false (gtk_widget_get_sensitive (save));          /* a stage without a name */
  gtk_editable_set_text (GTK_EDITABLE (stage_row (w, n)), "复盘");
  g_signal_emit_by_name (header_button (w, _("_Add Stage")), "clicked");
  remove = named_child (stage_row (w, n + 1), "remove");
  g_assert_true (gtk_widget_get_sensitive (remove));
  g_signal_emit_by_name (remove, "clicked");                 /* the second new one goes again */
  g_assert_true (gtk_widget_get_sensitive (save));

  g_signal_emit_by_name (save, "clicked");
  g_assert_null (edit_window ());
  wait_settled ("the saved campaign");

  /* The rows. */
  name = store_text ("SELECT name || '/' || goal || '/' || budget_cents || '/' ||"
                     " date (starts_at, 'unixepoch', 'localtime') || '/' ||"
                     " date (ends_at, 'unixepoch', 'localtime') FROM campaigns WHERE id = %lld",
                     (long long)id);
  g_assert_cmpstr (name, ==, "双11 种草/新品上市 100 篇笔记/1234560/2026-11-01/2026-11-30");
  kinds = store_text ("SELECT incentive_kinds FROM campaigns WHERE id = %lld", (long long)id);
  g_assert_cmpint (strstr (kinds, "\"lucky_draw\"") != NULL, ==, !lucky);
  brand = store_text ("SELECT b.name FROM campaigns c JOIN brands b ON b.id = c.brand_id WHERE c.id = %lld",
                      (long long)id);
  {
    g_autofree char *first_brand = store_text ("SELECT name FROM brands ORDER BY is_own DESC, name LIMIT 1");

    g_assert_cmpstr (brand, ==, first_brand);
  }
  after_stages = stage_names (id);
  expected_stages = g_string_new (names[1]);
  g_string_append (expected_stages, "|初筛");
  for (guint i = 2; i < n; i++)
    g_string_append_printf (expected_stages, "|%s", names[i]);
  g_string_append (expected_stages, "|复盘");
  g_assert_cmpstr (after_stages, ==, expected_stages->str);
  /* The outbox: the campaign once, the stages that changed (two moved or renamed, one new). */
  sql = g_strdup_printf ("SELECT count(*) FROM outbox WHERE entity = 'campaign' AND entity_uid ="
                         " (SELECT uid FROM campaigns WHERE id = %lld) AND id > 0", (long long)id);
  g_assert_cmpint (store_int (sql), ==, 1);
  g_assert_cmpint (store_int ("SELECT count(*) FROM outbox WHERE entity = 'campaign_stage'"), ==, 3);
  g_assert_cmpint (store_int ("SELECT count(*) FROM outbox"), ==, outbox_before + 4);
  /* The board shows it. */
  g_assert_cmpuint (koc_campaigns_pane_get_board (pane)->stages->len, ==, n + 1);
  g_assert_cmpstr (((KocBoardStage *)koc_campaigns_pane_get_board (pane)->stages->pdata[1])->name, ==, "初筛");

  /* Undo (Ctrl+Z, the toast's button). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "campaigns.undo", NULL));
  wait_settled ("the undone edit");
  g_clear_pointer (&after_stages, g_free);
  after_stages = stage_names (id);
  g_assert_cmpstr (after_stages, ==, before_stages);
  g_clear_pointer (&name, g_free);
  name = store_text ("SELECT name FROM campaigns WHERE id = %lld", (long long)id);
  g_assert_cmpstr (name, ==, old_name);
  g_clear_pointer (&kinds, g_free);
  kinds = store_text ("SELECT incentive_kinds FROM campaigns WHERE id = %lld", (long long)id);
  g_assert_cmpstr (kinds, ==, old_kinds);
  g_assert_cmpint (store_int ("SELECT count(*) FROM outbox WHERE entity = 'campaign_stage' AND op = 'delete'"), ==, 1);
  g_assert_cmpuint (koc_campaigns_pane_get_board (pane)->stages->len, ==, n);
}

/* EMV values: the workspace's own, used by the analytics. */
static void
test_emv_values (void)
{
  GtkWindow *w;
  g_autoptr(GPtrArray) spins = NULL;
  GtkWidget *views = NULL;
  g_autofree char *rate = NULL;

  g_assert_cmpint (store_int ("SELECT count(*) FROM emv_rates"), ==, 0);
  w = open_edit_window ();
  spins = koc_test_gui_find_widgets (GTK_WIDGET (w), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (spins->len, ==, 16);                   /* 8 platforms, 2 values each */
  for (guint i = 0; i < spins->len; i++)
    if (g_strcmp0 (g_object_get_data (spins->pdata[i], "koc-platform"), "douyin") == 0)
      {
        views = spins->pdata[i];
        break;
      }
  g_assert_nonnull (views);
  /* The default: 2 fen per view = ¥20 per 1,000 views. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (views)), ==, 20);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (views), 35);
  g_signal_emit_by_name (header_button (w, _("_Save")), "clicked");
  wait_settled ("the EMV values");
  g_assert_cmpint (store_int ("SELECT count(*) FROM emv_rates"), ==, 8);
  rate = store_text ("SELECT cents_per_view || '/' || cents_per_engagement FROM emv_rates"
                     " WHERE platform = 'douyin'");
  g_assert_cmpstr (rate, ==, "3.5/80.0");
  /* Opening again shows the saved value. */
  w = open_edit_window ();
  g_clear_pointer (&spins, g_ptr_array_unref);
  spins = koc_test_gui_find_widgets (GTK_WIDGET (w), GTK_TYPE_SPIN_BUTTON);
  for (guint i = 0; i < spins->len; i++)
    if (g_strcmp0 (g_object_get_data (spins->pdata[i], "koc-platform"), "douyin") == 0)
      {
        g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spins->pdata[i])), ==, 35);
        break;
      }
  g_signal_emit_by_name (header_button (w, _("_Cancel")), "clicked");
  g_assert_null (edit_window ());
}

/* The rewards ledger from the pane: for Excel (a BOM), with the totals of the store. */
static void
test_export_rewards (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.csv", NULL);
  g_autofree char *contents = NULL, *totals = NULL, *expected = NULL;
  gint64 id = store_int ("SELECT campaign_id FROM rewards GROUP BY campaign_id ORDER BY count(*) DESC LIMIT 1");
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM rewards WHERE campaign_id = %lld", (long long)id);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  koc_campaigns_pane_select_campaign (pane, id);
  wait_settled ("a board with rewards");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "campaigns.export-rewards-to", "s", path));
  wait_settled ("the rewards export");
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "person,person_uid,kind,points,value,note,given_at\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  /* BOM + header, the rewards, the total, "" after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, store_int (count_sql) + 3);
  totals = store_text ("SELECT 'Total,,,' || sum (points) || ',' || printf ('%%d.%%02d', sum (value_cents) / 100,"
                       " sum (value_cents) %% 100) || ',,' FROM rewards WHERE campaign_id = %lld", (long long)id);
  g_assert_cmpstr (lines[g_strv_length (lines) - 2], ==, totals);
  koc_test_rm_rf (dir);
}

/* The board's people from the pane (Campaign menu → Export Board): CSV for Excel, the
 * same bytes as the library's board export, a row per account of each card's person
 * (one for a person without accounts), the stage last. */
static void
test_export_board (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.csv", NULL);
  g_autofree char *expected_path = g_build_filename (dir, "expected.csv", NULL);
  g_autofree char *contents = NULL, *expected = NULL, *first_stage = NULL, *first_line = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 id = busiest_campaign ();
  g_autofree char *rows_sql = g_strdup_printf ("SELECT sum (max (1, (SELECT count(*) FROM accounts a WHERE"
                                               " a.person_id = c.person_id))) FROM cards c WHERE"
                                               " c.campaign_id = %lld", (long long)id);
  guint64 n = 0;

  koc_campaigns_pane_select_campaign (pane, id);
  wait_settled ("the busiest board");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "campaigns.export-board-to", "s", path));
  wait_settled ("the board export");
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (koc_export_selection_sync (store, KOC_EXPORT_SELECTION_BOARD, &id, 1, KOC_EXPORT_CSV,
                                            KOC_EXPORT_EXCEL, expected_path, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "platform,handle,display_name,"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, store_int (rows_sql) + 2);
  g_assert_cmpuint (n, ==, store_int (rows_sql));
  /* The first row is in the board's first stage that has cards. */
  first_stage = store_text ("SELECT st.name FROM cards c JOIN campaign_stages st ON st.id = c.stage_id"
                            " WHERE c.campaign_id = %lld ORDER BY st.position, c.position, c.id LIMIT 1",
                            (long long)id);
  first_line = g_strconcat (",", first_stage, NULL);
  g_assert_true (g_str_has_suffix (lines[1], first_line));
  koc_test_rm_rf (dir);
}

/* The campaign report from the pane: two pages with the campaign's Chinese name. */
static void
test_export_report (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "报告.pdf", NULL);
  g_autofree char *name = NULL, *text = NULL, *info = NULL, *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  gint64 id = busiest_campaign ();
  int status = -1;

  koc_campaigns_pane_select_campaign (pane, id);
  wait_settled ("the busiest board");
  name = store_text ("SELECT name FROM campaigns WHERE id = %lld", (long long)id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "campaigns.export-report-to", "s", path));
  wait_settled ("the campaign report");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (pdftotext == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      koc_test_rm_rf (dir);
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char *[]) { "pdfinfo", path, NULL }, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &info, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_regex_match_simple ("^Pages:\\s+2$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_spawn_sync (NULL, (char *[]) { "pdftotext", path, "-", NULL }, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, name));
  koc_test_rm_rf (dir);
}

/* Suggested deliverables in the card details: Confirm links the post, Reject hides it
 * for good. The demo's campaigns have a brand: a card whose person mentioned it. */
static gint64 suggestion_card;
static guint suggestion_rows_expected;

static gboolean
suggestions_func (sqlite3       *db,
                  gpointer       data,
                  gpointer      *result,
                  GCancellable  *cancellable,
                  GError       **error)
{
  *result = koc_campaigns_suggest_deliverables (db, *(gint64 *)data, error);
  return *result != NULL;
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

static GPtrArray *
store_suggestions (gint64 card_id)
{
  g_autoptr(GError) error = NULL;
  gpointer list = NULL;

  g_assert_true (koc_store_run_sync (store, suggestions_func, &card_id, &list, NULL, &error));
  g_assert_no_error (error);
  return list;
}

static GtkWindow *
details_window (void)
{
  GtkWindow *found = koc_test_gui_find_toplevel (ADW_TYPE_WINDOW);

  return found != NULL && g_strcmp0 (gtk_window_get_title (found), _("Edit Campaign")) != 0 ? found : NULL;
}

/* The details show @suggestion_rows_expected Confirm buttons, all usable. */
static gboolean
details_show_suggestions (gpointer data)
{
  GtkWindow *w = details_window ();
  g_autoptr(GPtrArray) buttons = NULL;
  guint n = 0;

  if (w == NULL || koc_campaigns_pane_is_busy (pane))
    return FALSE;
  buttons = koc_test_gui_find_widgets (GTK_WIDGET (w), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (buttons->pdata[i]), "confirm") == 0 &&
        gtk_widget_is_sensitive (buttons->pdata[i]))
      n++;
  return n == suggestion_rows_expected;
}

static GtkWidget *
first_button_named (GtkWindow  *w,
                    const char *name)
{
  g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (GTK_WIDGET (w), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (buttons->pdata[i]), name) == 0)
      return buttons->pdata[i];
  return NULL;
}

static void
test_suggestions (void)
{
  g_autoptr(GPtrArray) before = NULL, after = NULL;
  g_autofree char *campaign_sql = NULL, *linked_sql = NULL;
  gint64 campaign, linked;
  GtkWindow *w;

  /* The card with the most suggestions (two or more). */
  suggestion_card = 0;
  {
    gint64 n = store_int ("SELECT max (id) FROM cards");

    for (gint64 id = 1; id <= n; id++)
      {
        g_autoptr(GPtrArray) list = store_suggestions (id);

        if (list->len >= 2 && (before == NULL || list->len > before->len))
          {
            g_clear_pointer (&before, g_ptr_array_unref);
            before = g_steal_pointer (&list);
            suggestion_card = id;
          }
      }
  }
  if (suggestion_card == 0)
    {
      /* Hand-made: the campaign gets a hashtag, which three posts of a card's person in
       * the campaign's dates use (written through the app's own store). */
      static const char window_posts[] =
        " FROM cards k JOIN campaigns c ON c.id = k.campaign_id JOIN accounts a ON a.person_id ="
        " k.person_id JOIN posts p ON p.account_id = a.id WHERE (c.starts_at IS NULL OR p.published_at"
        " >= c.starts_at) AND (c.ends_at IS NULL OR p.published_at < c.ends_at + 86400) AND p.id NOT IN"
        " (SELECT post_id FROM card_deliverables WHERE card_id = k.id)";
      g_autofree char *pick = g_strconcat ("SELECT k.id", window_posts, " GROUP BY k.id ORDER BY count(*) DESC,"
                                           " k.id LIMIT 1", NULL);
      g_autofree char *sql = NULL;
      g_autoptr(GError) error = NULL;

      suggestion_card = store_int (pick);
      g_assert_cmpint (suggestion_card, >, 0);
      sql = g_strdup_printf ("UPDATE campaigns SET hashtag = '测试话题' WHERE id = (SELECT campaign_id FROM"
                             " cards WHERE id = %lld); INSERT OR IGNORE INTO post_hashtags (post_id, tag)"
                             " SELECT p.id, '测试话题'%s AND k.id = %lld ORDER BY p.published_at LIMIT 3;",
                             (long long)suggestion_card, window_posts, (long long)suggestion_card);
      g_assert_true (koc_store_write_sync (koc_window_get_store (window), exec_func, sql, NULL, NULL, &error));
      g_assert_no_error (error);
      before = store_suggestions (suggestion_card);
      g_assert_cmpuint (before->len, >=, 2);
    }
  campaign_sql = g_strdup_printf ("SELECT campaign_id FROM cards WHERE id = %lld", (long long)suggestion_card);
  campaign = store_int (campaign_sql);
  linked_sql = g_strdup_printf ("SELECT count(*) FROM card_deliverables WHERE card_id = %lld", (long long)suggestion_card);
  linked = store_int (linked_sql);
  koc_campaigns_pane_select_campaign (pane, campaign);
  wait_settled ("the board of the card with suggestions");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "campaigns.select-card", "x", suggestion_card));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "campaigns.show-details", NULL));
  suggestion_rows_expected = before->len;
  koc_test_gui_wait_until (details_show_suggestions, NULL, "the suggestions in the details");
  w = details_window ();

  /* Confirm the first (the newest): a deliverable, gone from the suggestions. */
  g_signal_emit_by_name (first_button_named (w, "confirm"), "clicked");
  suggestion_rows_expected = before->len - 1;
  koc_test_gui_wait_until (details_show_suggestions, NULL, "one suggestion fewer");
  g_assert_cmpint (store_int (linked_sql), ==, linked + 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM card_deliverables WHERE card_id = %lld"
                                            " AND post_id = %lld", (long long)suggestion_card,
                                            (long long)((KocDeliverableSuggestion *)before->pdata[0])->post_id);

    g_assert_cmpint (store_int (sql), ==, 1);
  }
  /* Through the outbox, so the link syncs. */
  g_assert_cmpint (store_int ("SELECT count(*) FROM outbox WHERE entity = 'deliverable'"), ==, 1);
  /* Reject the next: remembered, not suggested again, not linked. */
  g_signal_emit_by_name (first_button_named (details_window (), "reject"), "clicked");
  suggestion_rows_expected = before->len - 2;
  koc_test_gui_wait_until (details_show_suggestions, NULL, "two suggestions fewer");
  g_assert_cmpint (store_int (linked_sql), ==, linked + 1);
  g_assert_cmpint (store_int ("SELECT count(*) FROM deliverable_rejections"), ==, 1);
  after = store_suggestions (suggestion_card);
  g_assert_cmpuint (after->len, ==, before->len - 2);
  for (guint i = 0; i < after->len; i++)
    {
      g_assert_cmpint (((KocDeliverableSuggestion *)after->pdata[i])->post_id, !=,
                       ((KocDeliverableSuggestion *)before->pdata[0])->post_id);
      g_assert_cmpint (((KocDeliverableSuggestion *)after->pdata[i])->post_id, !=,
                       ((KocDeliverableSuggestion *)before->pdata[1])->post_id);
    }
  {
    const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");

    if (dir != NULL)
      {
        koc_test_gui_wait_frames (GTK_WIDGET (details_window ()), 10);
        koc_test_gui_save_png (GTK_WIDGET (details_window ()), dir, "campaigns-details-suggestions.png");
      }
  }
  gtk_window_destroy (details_window ());
}

/* A card whose move conflicted shows a badge until the conflict is resolved. */
static gint64 badge_card;

static guint
visible_badges (gint64 *card_id)
{
  g_autoptr(GPtrArray) labels = koc_test_gui_find_widgets (GTK_WIDGET (pane), GTK_TYPE_LABEL);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (labels->pdata[i]), "conflict-badge") == 0 &&
        gtk_widget_is_visible (labels->pdata[i]))
      {
        GtkWidget *card = gtk_widget_get_parent (gtk_widget_get_parent (labels->pdata[i]));
        KocCampaignsCardItem *item = g_object_get_data (G_OBJECT (card), "koc-card-item");

        g_assert_nonnull (item);
        if (card_id != NULL)
          *card_id = koc_campaigns_card_item_get_card (item)->id;
        n++;
      }
  return n;
}

static gboolean
badges_are (gpointer data)
{
  return settled (NULL) && visible_badges (NULL) == GPOINTER_TO_UINT (data);
}

static void
test_conflict_badge (void)
{
  gint64 id = busiest_campaign ();
  g_autofree char *uid = NULL, *sql = NULL, *first = NULL;
  g_autoptr(GError) error = NULL;
  gint64 shown_card = 0;

  koc_campaigns_pane_select_campaign (pane, id);
  wait_settled ("the busiest board");
  koc_test_gui_wait_frames (GTK_WIDGET (window), 5);
  g_assert_cmpuint (visible_badges (NULL), ==, 0);
  first = g_strdup_printf ("SELECT k.id FROM cards k JOIN campaign_stages s ON s.id = k.stage_id"
                           " WHERE k.campaign_id = %lld ORDER BY s.position, k.position LIMIT 1",
                           (long long)id);
  badge_card = store_int (first);
  uid = store_text ("SELECT uid FROM cards WHERE id = %lld", (long long)badge_card);
  sql = g_strdup_printf ("INSERT INTO sync_conflicts (entity, entity_uid, field, local_value, remote_value)"
                         " VALUES ('card', '%s', 'stage_uid', '\"a\"', '\"b\"'),"
                         " ('person', '%s', 'stage', '1', '2')", uid, uid);
  g_assert_true (koc_store_write_sync (koc_window_get_store (window), exec_func, sql, NULL, NULL, &error));
  g_assert_no_error (error);
  koc_campaigns_pane_reload (pane);
  koc_test_gui_wait_until (badges_are, GUINT_TO_POINTER (1), "the conflict badge");
  visible_badges (&shown_card);
  g_assert_cmpint (shown_card, ==, badge_card);
  {
    const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");

    if (dir != NULL)
      {
        koc_test_gui_wait_frames (GTK_WIDGET (window), 10);
        koc_test_gui_save_png (GTK_WIDGET (window), dir, "campaigns-board-conflict.png");
      }
  }
  /* Resolved ("Keep Server Value" in Sync Conflicts): the badge goes. */
  g_assert_true (koc_store_write_sync (koc_window_get_store (window), exec_func,
                                       (gpointer)"UPDATE sync_conflicts SET resolution = 'took_remote'",
                                       NULL, NULL, &error));
  g_assert_no_error (error);
  koc_campaigns_pane_reload (pane);
  koc_test_gui_wait_until (badges_are, GUINT_TO_POINTER (0), "no conflict badge");
}

static GtkWidget *date_popover;

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (date_popover) == GPOINTER_TO_INT (data);
}

/* Sends a key press to the calendar's key controller (the way GTK delivers it). */
static void
calendar_key (GtkCalendar *calendar,
              guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (calendar));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  g_assert_true (handled);
}

static void
assert_calendar_day (GtkCalendar *calendar,
                     const char  *expected)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  g_assert_cmpstr (text, ==, expected);
}

/* A day the mouse picks: what a click on it does (select, day-selected). */
static void
click_day (GtkCalendar *calendar,
           int          year,
           int          month,
           int          day)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

  gtk_calendar_select_day (calendar, date);
  g_signal_emit_by_name (calendar, "day-selected");
}

static GtkWidget *
open_calendar (GtkWindow  *w,
               const char *row_title,
               const char *tooltip)
{
  GtkWidget *row = row_titled (w, ADW_TYPE_ENTRY_ROW, row_title);
  GtkWidget *button = koc_test_gui_find_widget (row, GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, tooltip);
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_focusable (gtk_widget_get_first_child (button)));
  date_popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  koc_test_gui_wait_until (popover_shown, GINT_TO_POINTER (TRUE), "the calendar popover");
  return button;
}

/* Start and end dates have a calendar popover next to the typed entry: it opens on the
 * row's date, the keyboard moves and picks a day, a click picks one, browsing months
 * keeps it open, and typing still works. */
static void
test_date_popover (void)
{
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");
  GtkWindow *w;
  GtkWidget *save, *starts, *ends, *button, *focus;
  GtkCalendar *calendar;

  koc_campaigns_pane_select_campaign (pane, busiest_campaign ());
  wait_settled ("the busiest board");
  w = open_edit_window ();
  save = header_button (w, _("_Save"));
  starts = row_titled (w, ADW_TYPE_ENTRY_ROW, _("Starts (YYYY-MM-DD)"));
  ends = row_titled (w, ADW_TYPE_ENTRY_ROW, _("Ends (YYYY-MM-DD)"));
  set_row (w, _("Starts (YYYY-MM-DD)"), "2026-03-15");
  set_row (w, _("Ends (YYYY-MM-DD)"), "2026-06-30");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* The keyboard: opens on the row's day with the focus in the calendar; arrows move a
   * day and a week, Page Down a month; nothing is written until Enter. */
  button = open_calendar (w, _("Starts (YYYY-MM-DD)"), _("Choose the start date"));
  calendar = koc_date_row_get_calendar (button);
  assert_calendar_day (calendar, "2026-03-15");
  focus = gtk_window_get_focus (w);
  g_assert_true (focus == GTK_WIDGET (calendar) || gtk_widget_is_ancestor (focus, GTK_WIDGET (calendar)));
  calendar_key (calendar, GDK_KEY_Right);
  calendar_key (calendar, GDK_KEY_Down);
  assert_calendar_day (calendar, "2026-03-23");
  calendar_key (calendar, GDK_KEY_Page_Down);
  calendar_key (calendar, GDK_KEY_Left);
  assert_calendar_day (calendar, "2026-04-22");
  g_assert_true (gtk_widget_get_mapped (date_popover));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (starts)), ==, "2026-03-15");
  if (dir != NULL)
    {
      /* The popover is a surface of its own: it draws after it is mapped. */
      koc_test_gui_wait_frames (date_popover, 10);
      koc_test_gui_save_png (date_popover, dir, "campaigns-edit-calendar.png");
    }
  calendar_key (calendar, GDK_KEY_Return);
  koc_test_gui_wait_until (popover_shown, GINT_TO_POINTER (FALSE), "the popover to close");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (starts)), ==, "2026-04-22");

  /* The mouse: browsing to another month keeps the popover open and the row as it
   * was; a day of the month shown is picked and closes it. The form reads it: an end
   * before the start cannot be saved. */
  button = open_calendar (w, _("Ends (YYYY-MM-DD)"), _("Choose the end date"));
  calendar = koc_date_row_get_calendar (button);
  assert_calendar_day (calendar, "2026-06-30");
  click_day (calendar, 2026, 4, 30);              /* the month arrow */
  g_assert_true (gtk_widget_get_mapped (date_popover));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ends)), ==, "2026-06-30");
  click_day (calendar, 2026, 4, 20);
  koc_test_gui_wait_until (popover_shown, GINT_TO_POINTER (FALSE), "the popover to close");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ends)), ==, "2026-04-20");
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Typing still works, and an unparsable text opens the calendar on today. */
  set_row (w, _("Ends (YYYY-MM-DD)"), "2026-05-31");
  g_assert_true (gtk_widget_get_sensitive (save));
  set_row (w, _("Ends (YYYY-MM-DD)"), "next week");
  g_assert_false (gtk_widget_get_sensitive (save));
  button = open_calendar (w, _("Ends (YYYY-MM-DD)"), _("Choose the end date"));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    assert_calendar_day (koc_date_row_get_calendar (button), today);
  }
  gtk_popover_popdown (GTK_POPOVER (date_popover));
  koc_test_gui_wait_until (popover_shown, GINT_TO_POINTER (FALSE), "the popover to close");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ends)), ==, "next week");
  gtk_window_destroy (w);
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
  GtkWindow *w;

  if (dir == NULL)
    {
      g_test_skip ("KOCDESK_SCREENSHOT_DIR not set");
      return;
    }
  w = open_edit_window ();
  gtk_window_set_default_size (w, 560, 900);
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_autofree char *file = g_strdup_printf ("campaigns-edit-%s.png", styles[s].name);

      adw_style_manager_set_color_scheme (style_manager, styles[s].scheme);
      koc_test_gui_wait_frames (GTK_WIDGET (w), 20);
      g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (w)), ==, 0);
      koc_test_gui_save_png (GTK_WIDGET (w), dir, file);
    }
  /* And the stages, scrolled into view. */
  gtk_widget_grab_focus (stage_row (w, 3));
  koc_test_gui_wait_frames (GTK_WIDGET (w), 20);
  koc_test_gui_save_png (GTK_WIDGET (w), dir, "campaigns-edit-stages-dark.png");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (w);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  KocDemoOptions options = { .scale = 0.1, .seed = KOC_DEMO_DEFAULT_SEED };

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
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  koc_test_gui_wait_until (workspace_open, NULL, "the demo workspace to open");
  /* The pane is built when first shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "campaigns");
  pane = KOC_CAMPAIGNS_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_CAMPAIGNS_PANE));
  g_assert_nonnull (pane);
  wait_first_board ();

  g_test_add_func ("/koc/app/campaigns-edit/plan", test_plan);
  g_test_add_func ("/koc/app/campaigns-edit/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/koc/app/campaigns-edit/emv-values", test_emv_values);
  g_test_add_func ("/koc/app/campaigns-edit/export-rewards", test_export_rewards);
  g_test_add_func ("/koc/app/campaigns-edit/export-report", test_export_report);
  g_test_add_func ("/koc/app/campaigns-edit/export-board", test_export_board);
  g_test_add_func ("/koc/app/campaigns-edit/suggestions", test_suggestions);
  g_test_add_func ("/koc/app/campaigns-edit/conflict-badge", test_conflict_badge);
  g_test_add_func ("/koc/app/campaigns-edit/date-popover", test_date_popover);
  g_test_add_func ("/koc/app/campaigns-edit/screenshots", test_screenshots);
  {
    int status = g_test_run ();

    gtk_window_destroy (GTK_WINDOW (window));
    while (g_main_context_iteration (NULL, FALSE));
    g_clear_object (&app);
    g_clear_object (&store);
    koc_test_rm_rf (data_home);
    g_free (data_home);
    return status;
  }
}
