/* test-campaigns.c: the Campaigns pane on a demo workspace, under Xvfb.
 *
 * A small demo workspace is opened by the real application. The board is compared with
 * koc_campaigns_load_board() on a second connection; cards are moved with the same
 * actions the keyboard shortcuts and drag and drop activate (campaigns.move-*), then
 * undone, and each move must reach the store and its sync outbox. Removal hides a card
 * until its toast goes, and Undo brings it back. Filters, the card → person action,
 * screenshots of the board in the light and dark style (KOCDESK_SCREENSHOT_DIR), and
 * the cards' avatars (the workspace's images, drawn, kept across a reload).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "koc-application.h"
#include "koc-campaigns-card-item.h"
#include "koc-campaigns-pane.h"
#include "koc-db.h"
#include "koc-demo.h"
#include "koc-i18n.h"
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
board_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  *result = koc_campaigns_load_board (db, *(gint64 *)data, error);
  return *result != NULL;
}

static KocBoard *
store_board (void)
{
  g_autoptr(GError) error = NULL;
  gint64 id = koc_campaigns_pane_get_campaign_id (pane);
  gpointer board = NULL;

  g_assert_true (koc_store_run_sync (store, board_func, &id, &board, NULL, &error));
  g_assert_no_error (error);
  return board;
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

static const KocCard *
shown (guint column,
       guint index)
{
  GListModel *model = koc_campaigns_pane_get_column (pane, column);
  g_autoptr(KocCampaignsCardItem) item = g_list_model_get_item (model, index);

  g_assert_nonnull (item);
  return koc_campaigns_card_item_get_card (item); /* the column keeps the item */
}

/* The pane shows exactly the store's board: every column, every card, in order. */
static void
assert_board_matches_store (void)
{
  g_autoptr(KocBoard) expected = store_board ();

  g_assert_cmpuint (expected->stages->len, >, 0);
  for (guint s = 0; s < expected->stages->len; s++)
    {
      KocBoardStage *stage = expected->stages->pdata[s];
      GListModel *column = koc_campaigns_pane_get_column (pane, s);

      g_assert_nonnull (column);
      g_assert_cmpuint (g_list_model_get_n_items (column), ==, stage->cards->len);
      for (guint c = 0; c < stage->cards->len; c++)
        {
          const KocCard *card = stage->cards->pdata[c];

          g_assert_cmpint (shown (s, c)->id, ==, card->id);
          g_assert_cmpstr (shown (s, c)->person_name, ==, card->person_name);
          g_assert_cmpint (shown (s, c)->n_deliverables, ==, card->n_deliverables);
        }
    }
}

/* An active campaign with cards in the most stages: a board worth looking at. */
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
test_board (void)
{
  GPtrArray *campaigns;

  /* The first board waits behind every pane's first queries on the store's one worker:
   * minutes in sanitizer builds, so a longer wait than koc_test_gui_wait_until()'s. */
  {
    gint64 until = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;

    while (!settled (NULL) && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
  }
  wait_settled ("the first board");
  campaigns = koc_campaigns_pane_get_campaigns (pane);
  g_assert_cmpint (campaigns->len, ==, store_int ("SELECT count(*) FROM campaigns"));
  assert_board_matches_store ();

  koc_campaigns_pane_select_campaign (pane, busiest_campaign ());
  wait_settled ("the busiest board");
  g_assert_cmpint (koc_campaigns_pane_get_campaign_id (pane), ==, busiest_campaign ());
  assert_board_matches_store ();
}

static void
act (const char *action,
     GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (pane), action, parameter));
  wait_settled (action);
}

static gint64
card_stage (gint64 card_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT s.position FROM cards k JOIN campaign_stages s"
                                          " ON s.id = k.stage_id WHERE k.id = %lld",
                                          (long long)card_id);
  return store_int (sql);
}

static gint64
outbox_for (gint64 card_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM outbox WHERE entity = 'card' AND"
                                          " entity_uid = (SELECT uid FROM cards WHERE id = %lld)",
                                          (long long)card_id);
  return store_int (sql);
}

/* A campaign with two cards or more in a stage that is not the last. */
static gint64
campaign_with_pair (void)
{
  gint64 id = store_int ("SELECT k.campaign_id FROM cards k JOIN campaign_stages s ON s.id ="
                         " k.stage_id WHERE s.position < (SELECT max (position) FROM campaign_stages"
                         " WHERE campaign_id = k.campaign_id) GROUP BY k.stage_id HAVING count(*) >= 2"
                         " ORDER BY k.campaign_id LIMIT 1");

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_keyboard_moves (void)
{
  g_autoptr(KocBoard) before = NULL;
  KocBoardStage *first = NULL;
  gint64 card, other;
  gint64 outbox;
  guint s;

  koc_campaigns_pane_select_campaign (pane, campaign_with_pair ());
  wait_settled ("a board with a pair");
  before = store_board ();

  /* A column with two cards or more, and one after it. */
  for (s = 0; s + 1 < before->stages->len && first == NULL; s++)
    if (((KocBoardStage *)before->stages->pdata[s])->cards->len >= 2)
      first = before->stages->pdata[s];
  g_assert_nonnull (first);
  s--;
  card = ((KocCard *)first->cards->pdata[0])->id;
  other = ((KocCard *)first->cards->pdata[1])->id;
  outbox = outbox_for (card);

  act ("campaigns.select-card", g_variant_new_int64 (card));
  g_assert_cmpint (koc_campaigns_pane_get_current_card (pane), ==, card);

  /* Next stage: the top of the next column, in the store and in its outbox. */
  act ("campaigns.move-next", NULL);
  g_assert_cmpint (card_stage (card), ==, s + 1);
  g_assert_cmpint (shown (s + 1, 0)->id, ==, card);
  g_assert_cmpint (outbox_for (card), ==, outbox + 1);
  g_assert_cmpint (koc_campaigns_pane_get_current_card (pane), ==, card);
  assert_board_matches_store ();

  /* Down within the column (when it has company), then up again. */
  if (g_list_model_get_n_items (koc_campaigns_pane_get_column (pane, s + 1)) > 1)
    {
      act ("campaigns.move-down", NULL);
      g_assert_cmpint (shown (s + 1, 1)->id, ==, card);
      act ("campaigns.move-up", NULL);
      g_assert_cmpint (shown (s + 1, 0)->id, ==, card);
      assert_board_matches_store ();
    }

  /* Back: at the top of the column, above the card that was second. */
  act ("campaigns.move-previous", NULL);
  g_assert_cmpint (card_stage (card), ==, s);
  g_assert_cmpint (shown (s, 0)->id, ==, card);
  g_assert_cmpint (shown (s, 1)->id, ==, other);
  /* The top of a column cannot go higher: no move, nothing queued. */
  outbox = outbox_for (card);
  act ("campaigns.move-up", NULL);
  g_assert_cmpint (outbox_for (card), ==, outbox);

  /* The drag and drop action: below the card that was second. */
  act ("campaigns.move-card", g_variant_new ("(xxu)", card, first->id, (guint32)1));
  g_assert_cmpint (shown (s, 0)->id, ==, other);
  g_assert_cmpint (shown (s, 1)->id, ==, card);
  g_assert_cmpint (outbox_for (card), ==, outbox + 1);

  /* Undo (Ctrl+Z and the toasts' button) goes back one move at a time. */
  act ("campaigns.undo", NULL);
  g_assert_cmpint (shown (s, 0)->id, ==, card);
  g_assert_cmpint (shown (s, 1)->id, ==, other);
  act ("campaigns.undo", NULL);  /* the move back */
  g_assert_cmpint (card_stage (card), ==, s + 1);
  act ("campaigns.undo", NULL);  /* up and down, when they happened, then next */
  act ("campaigns.undo", NULL);
  act ("campaigns.undo", NULL);
  {
    g_autoptr(KocBoard) after = store_board ();
    KocBoardStage *again = after->stages->pdata[s];

    g_assert_cmpuint (again->cards->len, ==, first->cards->len);
    for (guint i = 0; i < first->cards->len; i++)
      g_assert_cmpint (((KocCard *)again->cards->pdata[i])->id, ==,
                       ((KocCard *)first->cards->pdata[i])->id);
  }
  assert_board_matches_store ();
  g_assert_cmpint (outbox_for (card), >=, outbox + 4);
}

static guint
first_filled_column (void)
{
  for (guint s = 0; koc_campaigns_pane_get_column (pane, s) != NULL; s++)
    if (g_list_model_get_n_items (koc_campaigns_pane_get_column (pane, s)) > 0)
      return s;
  g_assert_not_reached ();
}

static void
test_remove_and_undo (void)
{
  guint s = first_filled_column ();
  GListModel *column = koc_campaigns_pane_get_column (pane, s);
  guint n = g_list_model_get_n_items (column);
  gint64 card = shown (s, 0)->id;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM cards WHERE id = %lld", (long long)card);

  act ("campaigns.select-card", g_variant_new_int64 (card));
  act ("campaigns.remove-card", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (column), ==, n - 1);
  g_assert_true (n == 1 || shown (s, 0)->id != card);
  act ("campaigns.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (column), ==, n);
  g_assert_cmpint (shown (s, 0)->id, ==, card);
  g_assert_cmpint (store_int (sql), ==, 1);
}

static void
test_filters (void)
{
  const KocBoard *board = koc_campaigns_pane_get_board (pane);
  const char *owner = NULL;
  guint total = 0, owned = 0;

  for (guint s = 0; s < board->stages->len; s++)
    {
      KocBoardStage *stage = board->stages->pdata[s];

      for (guint c = 0; c < stage->cards->len; c++)
        {
          KocCard *card = stage->cards->pdata[c];

          owner = owner != NULL ? owner : card->owner;
          owned += g_strcmp0 (card->owner, owner) == 0;
          total++;
        }
    }
  g_assert_nonnull (owner);
  koc_campaigns_pane_set_filter (pane, owner, NULL, FALSE);
  {
    guint n = 0;

    for (guint s = 0; s < board->stages->len; s++)
      {
        GListModel *column = koc_campaigns_pane_get_column (pane, s);

        for (guint c = 0; c < g_list_model_get_n_items (column); c++, n++)
          g_assert_cmpstr (shown (s, c)->owner, ==, owner);
      }
    g_assert_cmpuint (n, ==, owned);
  }
  /* Overdue: due before now, not yet in the last stage. */
  koc_campaigns_pane_set_filter (pane, NULL, NULL, TRUE);
  for (guint s = 0; s < board->stages->len; s++)
    {
      GListModel *column = koc_campaigns_pane_get_column (pane, s);

      if (s + 1 == board->stages->len)
        g_assert_cmpuint (g_list_model_get_n_items (column), ==, 0);
      for (guint c = 0; c < g_list_model_get_n_items (column); c++)
        {
          g_assert_cmpint (shown (s, c)->due_at, >, 0);
          g_assert_cmpint (shown (s, c)->due_at, <, g_get_real_time () / G_USEC_PER_SEC);
        }
    }
  koc_campaigns_pane_set_filter (pane, NULL, NULL, FALSE);
  {
    guint n = 0;

    for (guint s = 0; s < board->stages->len; s++)
      n += g_list_model_get_n_items (koc_campaigns_pane_get_column (pane, s));
    g_assert_cmpuint (n, ==, total);
  }
}

/* Opening a card asks the window for the person; without that action, nothing breaks. */
static void
test_open_card (void)
{
  act ("campaigns.select-card", g_variant_new_int64 (shown (first_filled_column (), 0)->id));
  act ("campaigns.open-card", NULL);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  return NULL;
}

static gboolean
details_open (gpointer data)
{
  return koc_test_gui_find_toplevel (ADW_TYPE_WINDOW) != NULL && !koc_campaigns_pane_is_busy (pane);
}

static gboolean
shows_code (gpointer data)
{
  GtkWindow *details = koc_test_gui_find_toplevel (ADW_TYPE_WINDOW);
  g_autoptr(GPtrArray) rows = details != NULL ? koc_test_gui_find_widgets (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW)
                                              : NULL;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), data) == 0)
      return !koc_campaigns_pane_is_busy (pane);
  return FALSE;
}

/* The details of a card without a code: Make Code queues one through the outbox and
 * the window shows it with its QR code. */
static void
test_details_make_code (void)
{
  gint64 card = store_int ("SELECT min (k.id) FROM cards k WHERE NOT EXISTS (SELECT 1 FROM"
                           " referral_codes r WHERE r.person_id = k.person_id AND r.campaign_id ="
                           " k.campaign_id)");
  g_autofree char *person_sql = g_strdup_printf ("SELECT person_id FROM cards WHERE id = %lld", (long long)card);
  g_autofree char *campaign_sql = g_strdup_printf ("SELECT campaign_id FROM cards WHERE id = %lld", (long long)card);
  gint64 person = store_int (person_sql);
  GtkWindow *details;
  GtkWidget *button;
  g_autofree char *sql = NULL, *code = NULL;

  g_assert_cmpint (card, >, 0);
  koc_campaigns_pane_select_campaign (pane, store_int (campaign_sql));
  wait_settled ("the board of a card without a code");
  act ("campaigns.select-card", g_variant_new_int64 (card));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "campaigns.show-details", NULL));
  koc_test_gui_wait_until (details_open, NULL, "the card details");
  details = koc_test_gui_find_toplevel (ADW_TYPE_WINDOW);
  button = find_button (GTK_WIDGET (details), _("_Make Code"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  koc_test_gui_wait_until (settled, NULL, "the new code");

  sql = g_strdup_printf ("SELECT count(*) FROM referral_codes WHERE person_id = %lld AND"
                         " campaign_id = %lld", (long long)person,
                         (long long)koc_campaigns_pane_get_campaign_id (pane));
  g_assert_cmpint (store_int (sql), ==, 1);
  g_assert_cmpint (store_int ("SELECT count(*) FROM outbox WHERE entity = 'referral_code'"), ==, 1);
  {
    g_autoptr(KocBoard) now = store_board ();

    for (guint s = 0; s < now->stages->len; s++)
      for (guint c = 0; c < ((KocBoardStage *)now->stages->pdata[s])->cards->len; c++)
        {
          KocCard *k = ((KocBoardStage *)now->stages->pdata[s])->cards->pdata[c];
          if (k->id == card)
            code = g_strdup (k->code);
        }
  }
  g_assert_nonnull (code);
  koc_test_gui_wait_until (shows_code, code, "the code in the details");

  {
    const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");

    details = koc_test_gui_find_toplevel (ADW_TYPE_WINDOW);
    koc_test_gui_wait_frames (GTK_WIDGET (details), 10);
    g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (details)), ==, 0);
    if (dir != NULL)
      {
        g_autoptr(GdkTexture) texture = koc_test_gui_render (GTK_WIDGET (details));
        g_autofree char *path = g_build_filename (dir, "campaigns-details-light.png", NULL);

        g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
        g_assert_true (gdk_texture_save_to_png (texture, path));
      }
  }
  /* Add Reward: 88 points, through the outbox (kind "reward"), shown in the totals. */
  {
    g_autofree char *rewards_sql = g_strdup_printf ("SELECT coalesce (sum (points), 0) FROM rewards"
                                                    " WHERE person_id = %lld AND campaign_id = %lld",
                                                    (long long)person,
                                                    (long long)koc_campaigns_pane_get_campaign_id (pane));
    gint64 before = store_int (rewards_sql);
    GtkWindow *dialog;
    GtkWidget *box, *amount;

    button = find_button (GTK_WIDGET (details), _("_Add Reward…"));
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    dialog = koc_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    amount = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
    gtk_editable_set_text (GTK_EDITABLE (amount), "88");
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_next_sibling (amount)), "首篇笔记 \"好评\"");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
    gtk_window_destroy (dialog);
    koc_test_gui_wait_until (settled, NULL, "the reward");
    g_assert_cmpint (store_int (rewards_sql), ==, before + 88);
    g_assert_cmpint (store_int ("SELECT count(*) FROM outbox WHERE entity = 'reward' AND"
                                " payload ->> '$.fields.note' = '首篇笔记 \"好评\"'"), ==, 1);
  }
  gtk_window_destroy (details);
}

static gboolean
blob_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!koc_db_prepare (db, "SELECT data FROM media WHERE sha256 = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_BLOB)
    *result = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
first_card_has_avatar (gpointer data)
{
  GListModel *model = koc_campaigns_pane_get_column (pane, GPOINTER_TO_UINT (data));
  g_autoptr(KocCampaignsCardItem) item = g_list_model_get_item (model, 0);

  return koc_campaigns_card_item_get_avatar (item) != NULL;
}

/* The mean colour of a texture's middle (a quarter of each side around the centre). */
static void
middle_colour (GdkTexture *texture,
               double      rgb[3])
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize)width * height * 4);
  guint n = 0;

  gdk_texture_download (texture, pixels, width * 4);
  rgb[0] = rgb[1] = rgb[2] = 0;
  for (int y = height * 3 / 8; y < height * 5 / 8; y++)
    for (int x = width * 3 / 8; x < width * 5 / 8; x++)
      {
        const guchar *p = pixels + ((gsize)y * width + x) * 4;  /* B G R A, premultiplied */

        rgb[0] += p[2];
        rgb[1] += p[1];
        rgb[2] += p[0];
        n++;
      }
  for (int i = 0; i < 3; i++)
    rgb[i] /= 255.0 * MAX (n, 1);
}

/* A card whose person has an avatar in the workspace shows that image, not initials:
 * the item gets the decoded texture, the card's AdwAvatar shows it, and the pixels
 * drawn in the middle of the avatar are the image's own colours. */
static void
test_avatars (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) expected = NULL;
  g_autoptr(GdkTexture) drawn = NULL;
  g_autoptr(GPtrArray) avatars = NULL;
  GtkWidget *avatar = NULL;
  const KocCard *card;
  guint column;
  double want[3], got[3];

  koc_campaigns_pane_select_campaign (pane, busiest_campaign ());
  wait_settled ("the busiest board");
  column = first_filled_column ();
  card = shown (column, 0);
  g_assert_nonnull (card->avatar_sha256);
  g_assert_true (koc_store_run_sync (store, blob_func, card->avatar_sha256, (gpointer *)&bytes,
                                     NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  koc_test_gui_wait_until (first_card_has_avatar, GUINT_TO_POINTER (column),
                           "the first card's avatar");
  koc_test_gui_wait_frames (GTK_WIDGET (window), 5);

  /* The card's avatar widget: the AdwAvatar whose text is this person's name. */
  avatars = koc_test_gui_find_widgets (GTK_WIDGET (pane), ADW_TYPE_AVATAR);
  for (guint i = 0; i < avatars->len && avatar == NULL; i++)
    if (g_strcmp0 (adw_avatar_get_text (avatars->pdata[i]), card->person_name) == 0 &&
        gtk_widget_get_mapped (avatars->pdata[i]))
      avatar = avatars->pdata[i];
  g_assert_nonnull (avatar);
  g_assert_true (adw_avatar_get_custom_image (ADW_AVATAR (avatar)) != NULL);

  /* The same image decoded here, and what the card drew. */
  expected = gdk_texture_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  drawn = koc_test_gui_render (avatar);
  g_assert_nonnull (drawn);
  middle_colour (expected, want);
  middle_colour (drawn, got);
  for (int i = 0; i < 3; i++)
    g_assert_cmpfloat (fabs (want[i] - got[i]), <, 0.12);

  /* After a move and its undo (the board is read again) the avatar is still there. */
  act ("campaigns.select-card", g_variant_new_int64 (card->id));
  act ("campaigns.move-next", NULL);
  wait_settled ("a move");
  act ("campaigns.undo", NULL);
  wait_settled ("its undo");
  koc_test_gui_wait_until (first_card_has_avatar, GUINT_TO_POINTER (column),
                           "the avatar after a reload");
}

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  static const struct { const char *name; AdwColorScheme scheme; double min, max; } styles[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT, 0.6, 1.0 },
    { "dark", ADW_COLOR_SCHEME_FORCE_DARK, 0.0, 0.4 },
  };

  if (dir == NULL)
    {
      g_test_skip ("KOCDESK_SCREENSHOT_DIR not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  koc_campaigns_pane_select_campaign (pane, busiest_campaign ());
  wait_settled ("the busiest board");
  act ("campaigns.select-card", g_variant_new_int64 (shown (first_filled_column (), 0)->id));
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_autofree char *name = g_strdup_printf ("campaigns-board-%s.png", styles[s].name);
      g_autoptr(GdkTexture) texture = NULL;
      double luminance;

      adw_style_manager_set_color_scheme (style_manager, styles[s].scheme);
      koc_test_gui_wait_frames (GTK_WIDGET (window), 30);
      g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (window)), ==, 0);
      texture = koc_test_gui_render (GTK_WIDGET (window));
      /* The board's background follows the style. */
      luminance = koc_test_gui_mean_luminance (texture, gdk_texture_get_width (texture) - 60,
                                               gdk_texture_get_height (texture) - 60, 40, 40);
      g_assert_cmpfloat (luminance, >=, styles[s].min);
      g_assert_cmpfloat (luminance, <=, styles[s].max);
      koc_test_gui_save_png (GTK_WIDGET (window), dir, name);
    }
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  /* 0.1: 3 campaigns of 6 cards; bigger demos take minutes in sanitizer builds. */
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

  g_test_add_func ("/koc/app/campaigns/board", test_board);
  g_test_add_func ("/koc/app/campaigns/keyboard-moves", test_keyboard_moves);
  g_test_add_func ("/koc/app/campaigns/remove-and-undo", test_remove_and_undo);
  g_test_add_func ("/koc/app/campaigns/filters", test_filters);
  g_test_add_func ("/koc/app/campaigns/open-card", test_open_card);
  g_test_add_func ("/koc/app/campaigns/details-make-code", test_details_make_code);
  g_test_add_func ("/koc/app/campaigns/screenshots", test_screenshots);
  g_test_add_func ("/koc/app/campaigns/avatars", test_avatars);
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
