/* test-sync-campaigns.c: board moves through the outbox against a real kocdesk-server.
 *
 * Two clients move the same card (koc_campaigns_move_card(), what the board's actions
 * run) from the same rev: the first move applies, the second is a conflict recorded on
 * the second client (sync_conflicts, never lost) while its board shows the server's
 * stage. A referral code made on a client reaches the server (which needs it to accept
 * the shop's redemptions), and so does a campaign created on a client, with its stages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-campaigns-edits.h"
#include "koc-test-utils.h"
#include "sync-test-utils.h"

typedef struct
{
  gint64 card_id;
  gint64 stage_id;
} Move;

static gboolean
move_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  Move *move = data;

  *result = koc_campaigns_move_card (db, move->card_id, move->stage_id, 0, error);
  return *result != NULL;
}

static gboolean
create_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 id = koc_campaigns_create_synced (db, data, error);

  *result = g_memdup2 (&id, sizeof id);
  return id != 0;
}

static void
move_card (KocStore *store,
           gint64    card_id,
           gint64    stage_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  Move move = { card_id, stage_id };

  g_assert_true (koc_store_write_sync (store, move_func, &move, (gpointer *)&edits, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (edits->len, ==, 1);
}

static void
sync_ok (KocStore      *store,
         ServerProcess *server,
         KocSyncReport *report)
{
  g_autoptr(KocSyncEngine) engine = sync_test_engine (store, server, server->token);
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_test_run (engine, NULL, report, &error));
  g_assert_no_error (error);
}

static void
test_move_conflict (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koc-sync-campaigns-XXXXXX", &error);
  g_autofree char *file_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *file_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *server_file = NULL, *card_uid = NULL, *sql = NULL, *remote = NULL;
  g_autofree char *stage_a_uid = NULL, *stage_b_uid = NULL;
  ServerProcess *server = server_start (dir, "--demo-scale", "0.01", NULL);
  KocStore *a = sync_test_open_store (file_a);
  KocStore *b = sync_test_open_store (file_b);
  KocSyncReport report;
  gint64 card, stage_a, stage_b;

  server_file = sync_test_server_file (server);
  sync_ok (a, server, &report);
  sync_ok (b, server, &report);

  /* A card in a first stage, both clients at the same rev; they pick different stages. */
  card = sync_test_int (file_a, "SELECT k.id FROM cards k JOIN campaign_stages s ON s.id = k.stage_id"
                        " WHERE s.position = 0 ORDER BY k.id LIMIT 1");
  g_assert_cmpint (card, >, 0);
  sql = g_strdup_printf ("SELECT uid FROM cards WHERE id = %lld", (long long)card);
  card_uid = sync_test_text (file_a, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT s.id FROM campaign_stages s JOIN cards k ON k.campaign_id ="
                         " s.campaign_id WHERE k.id = %lld AND s.position = 1", (long long)card);
  stage_a = sync_test_int (file_a, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT s.id FROM campaign_stages s JOIN cards k ON k.campaign_id ="
                         " s.campaign_id WHERE k.id = %lld AND s.position = 2", (long long)card);
  stage_b = sync_test_int (file_b, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT uid FROM campaign_stages WHERE id = %lld", (long long)stage_a);
  stage_a_uid = sync_test_text (file_a, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT uid FROM campaign_stages WHERE id = %lld", (long long)stage_b);
  stage_b_uid = sync_test_text (file_b, sql);
  g_clear_pointer (&sql, g_free);

  move_card (a, card, stage_a);
  move_card (b, card, stage_b);
  sync_ok (a, server, &report);
  g_assert_cmpuint (report.pushed, ==, 1);
  sync_ok (b, server, &report);
  g_assert_cmpuint (report.conflicts, ==, 1);

  /* The server has a's move; b shows it too, and keeps its own move as a conflict. */
  sql = g_strdup_printf ("SELECT stage_id FROM cards WHERE uid = '%s'", card_uid);
  g_assert_cmpint (sync_test_int (server_file, sql), ==, sync_test_int (file_a, sql));
  g_assert_cmpint (sync_test_int (file_b, sql), ==, stage_a);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT remote_value FROM sync_conflicts WHERE entity = 'card'"
                         " AND entity_uid = '%s' AND field = 'stage_uid'", card_uid);
  remote = sync_test_text (file_b, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("\"%s\"", stage_a_uid);
  g_assert_cmpstr (remote, ==, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM sync_conflicts WHERE entity = 'card' AND"
                         " field = 'stage_uid' AND local_value = '\"%s\"'", stage_b_uid);
  g_assert_cmpint (sync_test_int (file_b, sql), ==, 1);
  g_assert_cmpint (sync_test_int (file_a, "SELECT count(*) FROM sync_conflicts"), ==, 0);

  /* A referral code (a synced kind since issue 8) made on a. */
  {
    g_autofree char *person_uid = sync_test_text (file_a, "SELECT uid FROM people ORDER BY id LIMIT 1");
    g_autofree char *campaign_uid = sync_test_text (file_a, "SELECT uid FROM campaigns ORDER BY id LIMIT 1");
    g_autofree char *fields = g_strdup_printf ("{\"code\":\"TEST-7KQM-X3TB\",\"person_uid\":\"%s\","
                                               "\"campaign_uid\":\"%s\"}", person_uid, campaign_uid);
    g_autofree char *client_id = NULL;

    g_assert_cmpint (sync_test_int (file_a, "SELECT count(*) FROM referral_codes r JOIN people p ON"
                                    " p.id = r.person_id JOIN campaigns c ON c.id = r.campaign_id"
                                    " WHERE p.id = (SELECT min (id) FROM people) AND c.id ="
                                    " (SELECT min (id) FROM campaigns)"), ==, 0);
    client_id = sync_test_enqueue (a, "referral_code", "testcode0000000000000000000001", "upsert", fields);
    sync_ok (a, server, &report);
    g_assert_cmpuint (report.pushed, ==, 1);
    g_assert_cmpint (sync_test_int (server_file, "SELECT count(*) FROM referral_codes WHERE"
                                    " code = 'TEST-7KQM-X3TB'"), ==, 1);
  }

  /* A campaign created on a (the New Campaign dialog's function) reaches the server and
   * b with its six default stages. */
  {
    KocCampaignSpec spec = { .name = "同步测试活动", .goal = "sync" };
    g_autofree gint64 *id = NULL;

    g_assert_true (koc_store_write_sync (a, create_func, &spec, (gpointer *)&id, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (*id, >, 0);
    g_assert_cmpint (sync_test_int (file_a, "SELECT count(*) FROM outbox WHERE entity = 'campaign'"
                                    " AND entity_uid = (SELECT uid FROM campaigns WHERE name = '同步测试活动')"), ==, 1);
    sync_ok (a, server, &report);
    g_assert_cmpuint (report.pushed, ==, 7);
    sync_ok (b, server, &report);
    g_assert_cmpint (sync_test_int (file_b, "SELECT count(*) FROM campaign_stages s JOIN campaigns c"
                                    " ON c.id = s.campaign_id WHERE c.name = '同步测试活动'"), ==, 6);
    g_assert_cmpint (sync_test_int (server_file, "SELECT count(*) FROM campaigns WHERE name = '同步测试活动'"
                                    " AND goal = 'sync'"), ==, 1);
    sync_test_assert_same (server_file, file_b);
  }

  sync_test_close_store (a);
  sync_test_close_store (b);
  sync_test_server_free (server);
  koc_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/sync/campaigns/move-conflict", test_move_conflict);
  return g_test_run ();
}
