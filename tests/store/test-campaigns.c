/* test-campaigns.c: campaigns, boards and card moves against real SQLite files.
 *
 * The board is compared with independent SQL; moves, reorders, removals and their undo
 * go through the same functions the pane's actions use (koc-campaigns-edits.c), and
 * each edit must leave a row in the sync outbox. A small demo workspace checks the board
 * of every generated campaign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "koc-campaigns-edits.h"
#include "koc-campaigns-stats.h"
#include "koc-campaigns.h"
#include "koc-db.h"
#include "koc-demo.h"
#include "koc-referral-code.h"
#include "koc-test-utils.h"
#include "store-fixture.h"

typedef struct
{
  char    *dir;
  sqlite3 *db;
  gint64   campaign_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *kinds[] = { "seeding", "referral_code", NULL };
  KocCampaignSpec spec = { .name = "夏日种草", .goal = "20 notes", .brand_id = 1,
                           .starts_at = 1000, .ends_at = 90000, .budget_cents = 500000,
                           .incentive_kinds = kinds };
  gint64 people[] = { 1, 2, 3 };

  f->dir = koc_test_make_tmp_dir ();
  path = g_build_filename (f->dir, "c.db", NULL);
  f->db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store_fixture_fill (f->db);

  g_assert_true (koc_db_begin_write (f->db, &error));
  f->campaign_id = koc_campaigns_create (f->db, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->campaign_id, >, 0);
  g_assert_cmpint (koc_campaigns_add_people (f->db, f->campaign_id, 0, people, 3, &error), ==, 3);
  g_assert_no_error (error);
  /* Again: nobody is added twice. */
  g_assert_cmpint (koc_campaigns_add_people (f->db, f->campaign_id, 0, people, 3, &error), ==, 0);
  g_assert_true (koc_db_commit (f->db, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  koc_db_close (f->db);
  koc_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
stage_id_at (Fixture *f,
             guint    position)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM campaign_stages WHERE campaign_id = %lld"
                                          " ORDER BY position LIMIT 1 OFFSET %u",
                                          (long long)f->campaign_id, position);

  return store_fixture_int (f->db, sql);
}

/* "p1,p2|p3||…": the person ids of each column, from the board. */
static char *
board_shape (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KocBoard) board = koc_campaigns_load_board (f->db, f->campaign_id, &error);
  GString *shape = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint s = 0; s < board->stages->len; s++)
    {
      KocBoardStage *stage = board->stages->pdata[s];

      if (s > 0)
        g_string_append_c (shape, '|');
      for (guint c = 0; c < stage->cards->len; c++)
        g_string_append_printf (shape, "%s%lld", c > 0 ? "," : "",
                                (long long)((KocCard *)stage->cards->pdata[c])->person_id);
    }
  return g_string_free (shape, FALSE);
}

static gint64
card_of (Fixture *f,
         gint64   person_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM cards WHERE person_id = %lld",
                                          (long long)person_id);

  return store_fixture_int (f->db, sql);
}

static GPtrArray *
move (Fixture *f,
      gint64   person_id,
      guint    stage_position,
      guint    index)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *edits;

  g_assert_true (koc_db_begin_write (f->db, &error));
  edits = koc_campaigns_move_card (f->db, card_of (f, person_id), stage_id_at (f, stage_position),
                                   index, &error);
  g_assert_no_error (error);
  g_assert_true (koc_db_commit (f->db, &error));
  return edits;
}

static void
revert (Fixture   *f,
        GPtrArray *edits)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (koc_db_begin_write (f->db, &error));
  g_assert_true (koc_campaigns_revert_edits (f->db, edits, &error));
  g_assert_no_error (error);
  g_assert_true (koc_db_commit (f->db, &error));
}

static void
test_create_and_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = koc_campaigns_list (f->db, &error);
  g_autoptr(KocBoard) board = koc_campaigns_load_board (f->db, f->campaign_id, &error);
  const char * const *defaults = koc_campaigns_default_stages ();
  KocCampaign *c;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  c = list->pdata[0];
  g_assert_cmpstr (c->name, ==, "夏日种草");
  g_assert_cmpstr (c->brand, ==, "完美日记");
  g_assert_cmpstr (c->status, ==, "draft");
  g_assert_cmpint (c->budget_cents, ==, 500000);
  g_assert_cmpint (c->n_cards, ==, 3);
  g_assert_cmpint (c->n_stages, ==, 6);
  g_assert_cmpuint (g_strv_length (c->incentive_kinds), ==, 2);
  g_assert_cmpstr (c->incentive_kinds[1], ==, "referral_code");

  g_assert_cmpuint (board->stages->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpstr (((KocBoardStage *)board->stages->pdata[i])->name, ==, defaults[i]);
  g_assert_cmpstr (defaults[0], ==, "Shortlisted");
  g_assert_cmpstr (defaults[5], ==, "Rewarded");

  /* Cards of the bulk add: first stage, in the order given, each queued for sync. */
  {
    g_autofree char *shape = board_shape (f);
    g_assert_cmpstr (shape, ==, "1,2,3|||||");
  }
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM outbox WHERE entity = 'card'"
                                      " AND op = 'create'"), ==, 3);

  /* Edit: only what is given changes. */
  {
    KocCampaignSpec spec = { .goal = "30 notes", .budget_cents = -1, .status = "active" };
    g_autoptr(KocCampaign) edited = NULL;

    g_assert_true (koc_campaigns_update (f->db, f->campaign_id, &spec, &error));
    g_assert_no_error (error);
    edited = koc_campaigns_get (f->db, f->campaign_id, &error);
    g_assert_cmpstr (edited->name, ==, "夏日种草");
    g_assert_cmpstr (edited->goal, ==, "30 notes");
    g_assert_cmpstr (edited->status, ==, "active");
    g_assert_cmpint (edited->budget_cents, ==, 500000);
    spec = (KocCampaignSpec) { .name = "", .budget_cents = -1 };
    g_assert_false (koc_campaigns_update (f->db, f->campaign_id, &spec, &error));
    g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
  }
}

/* The card fields shown on the board equal plain SQL for the same card. */
static void
test_card_fields (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KocBoard) board = NULL;
  KocCard *card;

  g_assert_true (koc_db_exec (f->db,
                              "INSERT INTO incentives (card_id, kind, sku, value_cents, status)"
                              " SELECT id, 'seeding', 'PD-LIP-01', 12900, 'sent' FROM cards"
                              " WHERE person_id = 1;"
                              "INSERT INTO referral_codes (code, person_id, campaign_id)"
                              " VALUES ('XH7K-2M9P', 1, 1);"
                              "INSERT INTO redemptions (code_id, redeemed_at, order_ref,"
                              " revenue_cents) VALUES (1, 5000, 'o1', 19900), (1, 6000, 'o2', 5000);"
                              "INSERT INTO card_deliverables (card_id, post_id) SELECT id, 2 FROM"
                              " cards WHERE person_id = 1;"
                              "INSERT INTO tags (name) VALUES ('VIP'), ('学生');"
                              "INSERT INTO person_tags VALUES (1, 1), (1, 2);"
                              "UPDATE cards SET owner = 'amy', due_at = 7000 WHERE person_id = 1;",
                              &error));
  board = koc_campaigns_load_board (f->db, f->campaign_id, &error);
  g_assert_no_error (error);
  card = ((KocBoardStage *)board->stages->pdata[0])->cards->pdata[0];
  g_assert_cmpint (card->person_id, ==, 1);
  g_assert_cmpstr (card->person_name, ==, "小红");
  g_assert_cmpstr (card->tier, ==, "mega"); /* the biggest account: douyin, 1.2M */
  g_assert_cmpstr (card->owner, ==, "amy");
  g_assert_cmpint (card->due_at, ==, 7000);
  g_assert_cmpstr (card->incentive_kind, ==, "seeding");
  g_assert_cmpstr (card->incentive_sku, ==, "PD-LIP-01");
  g_assert_cmpint (card->incentive_cents, ==, 12900);
  g_assert_cmpstr (card->incentive_status, ==, "sent");
  g_assert_cmpint (card->n_deliverables, ==, 1);
  g_assert_cmpstr (card->code, ==, "XH7K-2M9P");
  g_assert_cmpint (card->n_redemptions, ==, 2);
  g_assert_cmpint (card->revenue_cents, ==, 24900);
  g_assert_cmpuint (g_strv_length (card->tags), ==, 2);
  g_assert_cmpstr (card->tags[0], ==, "VIP");
  card = ((KocBoardStage *)board->stages->pdata[0])->cards->pdata[2];
  g_assert_cmpstr (card->tier, ==, "mid");
  g_assert_null (card->code);
  g_assert_cmpuint (g_strv_length (card->tags), ==, 0);
}

static void
test_move_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) down = NULL, next = NULL, top = NULL, same = NULL;
  g_autofree char *shape = NULL;
  gint64 outbox = store_fixture_int (f->db, "SELECT count(*) FROM outbox");

  /* Within a column: person 1 to the bottom. */
  down = move (f, 1, 0, G_MAXUINT);
  g_assert_cmpuint (down->len, ==, 1);
  shape = board_shape (f);
  g_assert_cmpstr (shape, ==, "2,3,1|||||");
  g_clear_pointer (&shape, g_free);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM outbox"), ==, outbox + 1);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM outbox WHERE entity = 'card'"
                                      " AND op = 'update' AND entity_uid = (SELECT uid FROM cards"
                                      " WHERE person_id = 1) AND payload ->> '$.fields.position'"
                                      " = (SELECT position FROM cards WHERE person_id = 1)"), ==, 1);

  /* To the next stage, then to the top of that stage. */
  next = move (f, 2, 1, 0);
  top = move (f, 3, 1, 0);
  shape = board_shape (f);
  g_assert_cmpstr (shape, ==, "1|3,2||||");
  g_clear_pointer (&shape, g_free);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM outbox WHERE entity = 'card'"
                                      " AND payload ->> '$.fields.stage_uid' = (SELECT uid FROM"
                                      " campaign_stages WHERE position = 1)"), ==, 2);

  /* Where it already is: nothing to do, nothing queued. */
  same = move (f, 3, 1, 0);
  g_assert_cmpuint (same->len, ==, 0);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM outbox"), ==, outbox + 3);

  /* Undo in reverse order restores every state, each undo queued too. */
  revert (f, top);
  shape = board_shape (f);
  g_assert_cmpstr (shape, ==, "3,1|2||||");
  g_clear_pointer (&shape, g_free);
  revert (f, next);
  revert (f, down);
  shape = board_shape (f);
  g_assert_cmpstr (shape, ==, "1,2,3|||||");
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM outbox"), ==, outbox + 6);
}

/* No room between two equal positions: the column is renumbered, and undone. */
static void
test_move_renumber (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) edits = NULL;
  g_autofree char *shape = NULL;

  g_assert_true (koc_db_exec (f->db, "UPDATE cards SET position = 5", NULL));
  edits = move (f, 3, 0, 1);
  g_assert_cmpuint (edits->len, >=, 2);
  shape = board_shape (f);
  g_assert_cmpstr (shape, ==, "1,3,2|||||");
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(DISTINCT position) FROM cards"), ==, 3);
  revert (f, edits);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM cards WHERE position = 5"), ==, 3);
}

static void
test_reorder_stages (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[6], dup[6];
  g_autoptr(KocBoard) board = NULL;

  for (guint i = 0; i < 6; i++)
    ids[5 - i] = stage_id_at (f, i);
  g_assert_true (koc_campaigns_reorder_stages (f->db, f->campaign_id, ids, 6, &error));
  g_assert_no_error (error);
  board = koc_campaigns_load_board (f->db, f->campaign_id, &error);
  g_assert_cmpstr (((KocBoardStage *)board->stages->pdata[0])->name, ==, "Rewarded");
  g_assert_cmpuint (((KocBoardStage *)board->stages->pdata[5])->cards->len, ==, 3);

  memcpy (dup, ids, sizeof ids);
  dup[1] = dup[0];
  g_assert_false (koc_campaigns_reorder_stages (f->db, f->campaign_id, dup, 6, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (koc_campaigns_reorder_stages (f->db, f->campaign_id, ids, 5, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *shape = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (koc_db_prepare (f->db, "SELECT uid FROM cards WHERE person_id = 2", &stmt, NULL));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  uid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_true (koc_db_begin_write (f->db, &error));
  g_assert_true (koc_campaigns_remove_card (f->db, uid, &error));
  g_assert_true (koc_db_commit (f->db, &error));
  shape = board_shape (f);
  g_assert_cmpstr (shape, ==, "1,3|||||");
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM outbox WHERE op = 'delete'"
                                      " AND entity = 'card'"), ==, 1);
}

/* Every campaign of a demo workspace: the board holds exactly its cards, in stage then
 * position order, with the deliverable counts of SQL. */
static void
test_demo_boards (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  KocDemoOptions options = { .scale = 0.02, .seed = KOC_DEMO_DEFAULT_SEED };
  g_autoptr(GPtrArray) list = NULL;
  sqlite3 *db;
  gint64 total = 0;

  g_assert_true (koc_demo_generate (path, &options, NULL, &error));
  g_assert_no_error (error);
  db = koc_db_open (path, KOC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  list = koc_campaigns_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, store_fixture_int (db, "SELECT count(*) FROM campaigns"));
  for (guint i = 0; i < list->len; i++)
    {
      KocCampaign *c = list->pdata[i];
      g_autoptr(KocBoard) board = koc_campaigns_load_board (db, c->id, &error);
      sqlite3_stmt *stmt;
      guint n = 0;

      g_assert_no_error (error);
      g_assert_true (koc_db_prepare (db, "SELECT k.id, (SELECT count(*) FROM card_deliverables d"
                                     " WHERE d.card_id = k.id) FROM cards k JOIN campaign_stages s"
                                     " ON s.id = k.stage_id WHERE k.campaign_id = ?1"
                                     " ORDER BY s.position, k.position, k.id", &stmt, NULL));
      sqlite3_bind_int64 (stmt, 1, c->id);
      for (guint s = 0; s < board->stages->len; s++)
        {
          KocBoardStage *stage = board->stages->pdata[s];

          for (guint k = 0; k < stage->cards->len; k++, n++)
            {
              KocCard *card = stage->cards->pdata[k];

              g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
              g_assert_cmpint (card->id, ==, sqlite3_column_int64 (stmt, 0));
              g_assert_cmpint (card->n_deliverables, ==, sqlite3_column_int64 (stmt, 1));
              g_assert_nonnull (card->person_name);
            }
        }
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      g_assert_cmpint (n, ==, c->n_cards);
      total += n;
    }
  g_assert_cmpint (total, ==, store_fixture_int (db, "SELECT count(*) FROM cards"));
  g_assert_cmpint (total, >, 0);
  koc_db_close (db);
  koc_test_rm_rf (dir);
}

/* Referral codes ---------------------------------------------------------- */

static void
test_code_format (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *normalized = NULL;

  for (guint i = 0; i < 1000; i++)
    {
      char *code = koc_referral_code_generate ("luk-04!", NULL);

      g_assert_true (g_str_has_prefix (code, "LUK04-"));
      g_assert_cmpuint (strlen (code), ==, 6 + 9);
      g_assert_true (koc_referral_code_is_valid (code));
      for (const char *p = code + 6; *p != '\0'; p++)
        g_assert_true (*p == '-' || strchr ("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", *p) != NULL);
      g_assert_null (strpbrk (code + 6, "01OI"));
      g_assert_true (g_hash_table_add (seen, code));
    }
  {
    g_autofree char *bare = koc_referral_code_generate (NULL, NULL);
    g_assert_cmpuint (strlen (bare), ==, 9);
    g_assert_true (koc_referral_code_is_valid (bare));
  }
  normalized = koc_referral_code_normalize (" luk04 7kqm x3tb ");
  g_assert_cmpstr (normalized, ==, "LUK04-7KQM-X3TB");
  g_assert_false (koc_referral_code_is_valid ("LUK04-7KQM-X3T0"));
  g_assert_false (koc_referral_code_is_valid ("7KQMX3TB"));
  g_assert_null (koc_referral_code_normalize ("IO10-IO10"));
}

static guint forced_calls;

/* The same bytes every time: the same code. */
static gboolean
constant_random (guint8  *buffer,
                 gsize    size,
                 GError **error)
{
  forced_calls++;
  memset (buffer, 7, size);
  return TRUE;
}

/* The same bytes once, then the system's. */
static gboolean
once_constant_random (guint8  *buffer,
                      gsize    size,
                      GError **error)
{
  koc_referral_code_set_random_func (NULL);
  return constant_random (buffer, size, error);
}

static void
test_code_retry (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL, *again = NULL, *none = NULL;

  g_assert_true (koc_db_begin_write (f->db, &error));
  koc_referral_code_set_random_func (constant_random);
  first = koc_campaigns_ensure_code (f->db, f->campaign_id, 1, "PD", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "PD-9999-9999");
  /* Person 2 draws the same code first: the table refuses it, another is drawn. */
  koc_referral_code_set_random_func (once_constant_random);
  second = koc_campaigns_ensure_code (f->db, f->campaign_id, 2, "PD", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, first);
  g_assert_true (koc_referral_code_is_valid (second));
  /* Asking again gives the person's code. */
  again = koc_campaigns_ensure_code (f->db, f->campaign_id, 2, "PD", NULL, NULL, &error);
  g_assert_cmpstr (again, ==, second);
  /* A source that always collides gives up with an error, not a loop. */
  koc_referral_code_set_random_func (constant_random);
  forced_calls = 0;
  none = koc_campaigns_ensure_code (f->db, f->campaign_id, 3, "PD", NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (forced_calls, ==, 16);
  koc_referral_code_set_random_func (NULL);
  g_assert_true (koc_db_commit (f->db, NULL));
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM referral_codes"), ==, 2);
}

/* Analytics against numbers worked out by hand from store-fixture.c's posts. */
static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  static const KocEmvRate rates[] = { { "xiaohongshu", 0, 100 }, { "douyin", 1, 10 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCampaignStats) stats = NULL;
  g_autofree char *sql = g_strdup_printf (
    "UPDATE cards SET stage_id = (SELECT id FROM campaign_stages WHERE campaign_id = %lld"
    " AND position = 3) WHERE person_id = 1;"
    "UPDATE cards SET stage_id = (SELECT id FROM campaign_stages WHERE campaign_id = %lld"
    " AND position = 1) WHERE person_id = 2;"
    "INSERT INTO card_deliverables (card_id, post_id) SELECT id, 1 FROM cards WHERE person_id = 1;"
    "INSERT INTO card_deliverables (card_id, post_id) SELECT id, 5 FROM cards WHERE person_id = 1;"
    "INSERT INTO card_deliverables (card_id, post_id) SELECT id, 2 FROM cards WHERE person_id = 2;"
    "INSERT INTO incentives (card_id, kind, value_cents, status) SELECT id, 'seeding', 12900, 'sent'"
    " FROM cards WHERE person_id = 1;"
    "INSERT INTO incentives (card_id, kind, value_cents, status) SELECT id, 'seeding', 5000,"
    " 'cancelled' FROM cards WHERE person_id = 2;"
    "INSERT INTO incentives (card_id, kind, value_cents) SELECT id, 'event_invite', 3000 FROM cards"
    " WHERE person_id = 3;"
    "INSERT INTO rewards (person_id, campaign_id, kind, value_cents) VALUES (1, %lld, 'gift', 2000);"
    "INSERT INTO rewards (person_id, campaign_id, kind, points) VALUES (2, %lld, 'points', 300);"
    "INSERT INTO referral_codes (code, person_id, campaign_id) VALUES ('XH7K-2M9P', 1, %lld);"
    "INSERT INTO redemptions (code_id, redeemed_at, order_ref, revenue_cents) VALUES"
    " (1, 5000, 'o1', 19900), (1, 6000, 'o2', 5000);",
    (long long)f->campaign_id, (long long)f->campaign_id, (long long)f->campaign_id,
    (long long)f->campaign_id, (long long)f->campaign_id);
  static const gint64 reached[] = { 3, 2, 1, 1, 0, 0 };
  KocTopPerformer *top;

  g_assert_true (koc_db_exec (f->db, sql, &error));
  stats = koc_campaigns_stats (f->db, f->campaign_id, rates, G_N_ELEMENTS (rates), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->n_stages, ==, 6);
  g_assert_cmpstr (stats->stage_names[3], ==, "Seeded/Invited");
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (stats->reached[i], ==, reached[i]);
  g_assert_cmpint (stats->n_cards, ==, 3);
  /* Posts 1 (xiaohongshu 100+10+5+20), 5 (douyin 5000+300+100+200, 90,000 views) and 2
   * (instagram 50+5+1+2, no rate). */
  g_assert_cmpint (stats->n_posts, ==, 3);
  g_assert_cmpint (stats->engagement, ==, 135 + 5600 + 58);
  g_assert_cmpint (stats->views, ==, 90000);
  g_assert_cmpfloat_with_epsilon (stats->emv_cents, 135 * 100 + 90000 * 1 + 5600 * 10, 1e-6);
  g_assert_cmpint (stats->n_redemptions, ==, 2);
  g_assert_cmpint (stats->revenue_cents, ==, 24900);
  /* 12,900 sent + 3,000 planned (the cancelled 5,000 is no cost) + the 2,000 gift. */
  g_assert_cmpint (stats->cost_cents, ==, 17900);
  g_assert_cmpfloat_with_epsilon (stats->cost_per_engagement_cents, 17900.0 / 5793, 1e-9);
  g_assert_cmpuint (stats->top->len, ==, 2);
  top = stats->top->pdata[0];
  g_assert_cmpint (top->person_id, ==, 1);
  g_assert_cmpint (top->engagement, ==, 5735);
  g_assert_cmpint (top->revenue_cents, ==, 24900);
  g_assert_cmpint (((KocTopPerformer *)stats->top->pdata[1])->person_id, ==, 2);

  /* Without deliverables: no cost per engagement, no EMV. */
  g_assert_true (koc_db_exec (f->db, "DELETE FROM card_deliverables", NULL));
  g_clear_pointer (&stats, koc_campaign_stats_free);
  stats = koc_campaigns_stats (f->db, f->campaign_id, rates, G_N_ELEMENTS (rates), &error);
  g_assert_cmpfloat (stats->cost_per_engagement_cents, ==, -1);
  g_assert_cmpfloat (stats->emv_cents, ==, 0);
}

/* kocdesk-cli export qr: codes made through the outbox, a sheet per 15 stickers. */
static void
test_cli_export_qr (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (f->dir, "c.db", NULL);
  g_autofree char *out = g_build_filename (f->dir, "sheet.pdf", NULL);
  g_autofree char *campaign = g_strdup_printf ("%lld", (long long)f->campaign_id);
  g_autofree char *stdout_text = NULL, *stderr_text = NULL, *pdf = NULL;
  const char *cli = g_getenv ("KOCDESK_CLI");
  const char *argv[] = { cli, "export", "qr", "--db", db_path, "--campaign", campaign, "--out", out,
                         "--url", "https://shop.example.com/lp", "--new-codes", NULL };
  int status;

  if (cli == NULL)
    {
      g_test_skip ("KOCDESK_CLI not set");
      return;
    }
  /* Without codes and without --new-codes: a clear error. */
  argv[11] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text,
                               &stderr_text, &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (stderr_text, "--new-codes"));
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  argv[11] = "--new-codes";
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text,
                               &stderr_text, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (stdout_text, "3 stickers"));
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM referral_codes"), ==, 3);
  g_assert_cmpint (store_fixture_int (f->db, "SELECT count(*) FROM outbox WHERE entity ="
                                      " 'referral_code' AND op = 'create' AND payload ->>"
                                      " '$.fields.code' IN (SELECT code FROM referral_codes)"), ==, 3);
  g_assert_true (g_file_get_contents (out, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
}

/* 100,000 codes (1,000 people in 100 campaigns) in one table: all distinct, valid. */
static void
test_codes_100k (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "codes.db", NULL);
  sqlite3 *db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_true (koc_db_exec (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                              " WHERE i < 1000) INSERT INTO people (id, display_name) SELECT i,"
                              " 'p' || i FROM n;"
                              "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                              " WHERE i < 100) INSERT INTO campaigns (id, name) SELECT i, 'c' || i"
                              " FROM n;", &error));
  /* Every person on every campaign's board (one stage each). */
  g_assert_true (koc_db_exec (db, "INSERT INTO campaign_stages (campaign_id, name, position)"
                              " SELECT id, 's', 0 FROM campaigns;"
                              "INSERT INTO cards (campaign_id, person_id, stage_id) SELECT"
                              " s.campaign_id, p.id, s.id FROM campaign_stages s, people p;", &error));
  g_assert_true (koc_db_begin_write (db, &error));
  for (gint64 c = 1; c <= 100; c++)
    {
      g_assert_cmpint (koc_campaigns_ensure_codes (db, c, NULL, NULL, NULL, &error), ==, 1000);
      g_assert_no_error (error);
    }
  /* Nothing left to make. */
  g_assert_cmpint (koc_campaigns_ensure_codes (db, 1, NULL, NULL, NULL, &error), ==, 0);
  g_assert_true (koc_db_commit (db, &error));
  g_assert_cmpint (store_fixture_int (db, "SELECT count(*) FROM referral_codes"), ==, 100000);
  g_assert_cmpint (store_fixture_int (db, "SELECT count(DISTINCT code) FROM referral_codes"), ==, 100000);
  g_assert_true (koc_db_prepare (db, "SELECT code FROM referral_codes", &stmt, NULL));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_assert_true (koc_referral_code_is_valid ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  koc_db_close (db);
  koc_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/koc/store/campaigns/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-and-list", test_create_and_list);
  ADD ("card-fields", test_card_fields);
  ADD ("move-and-undo", test_move_and_undo);
  ADD ("move-renumber", test_move_renumber);
  ADD ("reorder-stages", test_reorder_stages);
  ADD ("remove", test_remove);
#undef ADD
  g_test_add ("/koc/store/campaigns/code-retry", Fixture, NULL, fixture_set_up, test_code_retry,
              fixture_tear_down);
  g_test_add ("/koc/store/campaigns/cli-export-qr", Fixture, NULL, fixture_set_up,
              test_cli_export_qr, fixture_tear_down);
  g_test_add ("/koc/store/campaigns/stats", Fixture, NULL, fixture_set_up, test_stats,
              fixture_tear_down);
  g_test_add_func ("/koc/store/campaigns/demo-boards", test_demo_boards);
  g_test_add_func ("/koc/store/campaigns/code-format", test_code_format);
  g_test_add_func ("/koc/store/campaigns/codes-100k", test_codes_100k);
  return g_test_run ();
}
