/* test-sync-identity.c: merging and splitting people syncs (koc-sync-identity.c) —
 * through a real kocdesk-server and two clients: after a merge on client A and a sync of
 * both, the server and both clients hold the same entities (the removed person gone, its
 * accounts, notes… with the kept one, the card that could not move gone with it) and
 * the digests are equal; after the undo, the same, with the removed person back; the
 * same for a split and its undo.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-db.h"
#include "koc-sync-identity.h"
#include "koc-test-utils.h"
#include "sync-test-utils.h"

typedef enum
{
  OP_MERGE,
  OP_SPLIT,
  OP_UNDO,
} Op;

typedef struct
{
  Op     op;
  gint64 a;
  gint64 b;
  gint64 result;
} Change;

static gboolean
change_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Change *change = data;

  switch (change->op)
    {
    case OP_MERGE:
      change->result = koc_sync_identity_merge (db, change->a, change->b, error);
      return change->result > 0;
    case OP_SPLIT:
      change->result = koc_sync_identity_split (db, change->a, &change->b, error);
      return change->result > 0;
    case OP_UNDO:
    default:
      return koc_sync_identity_undo (db, change->a, error);
    }
}

static gint64
run_change (KocStore *store,
            Op        op,
            gint64    a,
            gint64    b)
{
  Change change = { op, a, b, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (koc_store_write_sync (store, change_func, &change, NULL, NULL, &error));
  g_assert_no_error (error);
  return change.result;
}

/* A pushes everything it queued; then B syncs, then A again (to pull the server's
 * stamps); the server and both clients are then equal, digests included. */
static void
sync_all_and_compare (KocStore      *a,
                      KocStore      *b,
                      const char    *file_a,
                      const char    *file_b,
                      ServerProcess *server,
                      const char    *server_file)
{
  KocSyncReport report;
  gint64 pending = sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state = 'pending'");
  g_autofree char *digest_a = NULL, *digest_b = NULL, *digest_server = NULL;

  g_assert_cmpint (pending, >, 0);
  sync_test_sync (a, server, NULL, SYNC_TEST_CLEAN, &report);
  g_assert_cmpuint (report.pushed, ==, pending);
  g_assert_cmpint (sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state <> 'done'"), ==, 0);
  sync_test_sync (b, server, NULL, SYNC_TEST_CLEAN, &report);
  g_assert_cmpint (report.pulled, >=, pending);
  sync_test_sync (a, server, NULL, SYNC_TEST_CLEAN, &report);

  g_assert_cmpint (sync_test_assert_same (server_file, file_a), >, 0);
  g_assert_cmpint (sync_test_assert_same (server_file, file_b), >, 0);
  digest_a = sync_test_digest (file_a);
  digest_b = sync_test_digest (file_b);
  digest_server = sync_test_digest (server_file);
  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_cmpstr (digest_a, ==, digest_server);
}

static void
test_merge_and_split (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koc-sync-identity-XXXXXX", &error);
  g_autofree char *file_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *file_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *server_file = NULL, *kept_uid = NULL, *other_uid = NULL, *account_uid = NULL;
  g_autofree char *sql = NULL;
  ServerProcess *server = server_start (dir, "--demo-scale", "0.01", NULL);
  KocStore *a = sync_test_open_store (file_a);
  KocStore *b = sync_test_open_store (file_b);
  KocSyncReport report;
  gint64 kept, other, merge_id, split_id, account, new_person, other_accounts, other_notes;

  server_file = sync_test_server_file (server);
  sync_test_sync (a, server, NULL, SYNC_TEST_CLEAN, &report);
  sync_test_sync (b, server, NULL, SYNC_TEST_CLEAN, &report);

  /* Two people with cards in the same campaign (that card cannot move: it goes with the
   * removed person), the removed one with accounts. */
  kept = sync_test_int (file_a, "SELECT c1.person_id FROM cards c1 JOIN cards c2 ON c2.campaign_id ="
                        " c1.campaign_id AND c2.person_id > c1.person_id WHERE EXISTS (SELECT 1 FROM"
                        " accounts WHERE person_id = c2.person_id) ORDER BY c1.id LIMIT 1");
  other = sync_test_intf (file_a, "SELECT c2.person_id FROM cards c1 JOIN cards c2 ON c2.campaign_id ="
                  " c1.campaign_id AND c2.person_id > c1.person_id WHERE c1.person_id = %lld AND"
                  " EXISTS (SELECT 1 FROM accounts WHERE person_id = c2.person_id) ORDER BY c1.id"
                  " LIMIT 1", (long long) kept);
  g_assert_cmpint (kept, >, 0);
  g_assert_cmpint (other, >, kept);
  sql = g_strdup_printf ("SELECT uid FROM people WHERE id = %lld", (long long) kept);
  kept_uid = sync_test_text (file_a, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT uid FROM people WHERE id = %lld", (long long) other);
  other_uid = sync_test_text (file_a, sql);
  other_accounts = sync_test_intf (file_a, "SELECT count (*) FROM accounts WHERE person_id = %lld", (long long) other);
  other_notes = sync_test_intf (file_a, "SELECT count (*) FROM notes WHERE person_id = %lld", (long long) other);
  g_assert_cmpint (other_accounts, >, 0);

  /* Merge on A: queued, pushed, pulled by B. */
  merge_id = run_change (a, OP_MERGE, kept, other);
  g_assert_cmpint (merge_id, >, 0);
  sync_all_and_compare (a, b, file_a, file_b, server, server_file);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (*) FROM people WHERE uid = '%s'", other_uid);
  g_assert_cmpint (sync_test_int (server_file, sql), ==, 0);
  g_assert_cmpint (sync_test_int (file_b, sql), ==, 0);
  g_assert_cmpint (sync_test_intf (file_b, "SELECT count (*) FROM accounts a JOIN people p ON p.id = a.person_id"
                           " WHERE p.uid = '%s'", kept_uid), >=, other_accounts);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT count (*) FROM notes n JOIN people p ON p.id = n.person_id"
                           " WHERE p.uid = '%s'", kept_uid), >=, other_notes);

  /* Undo on A: the removed person is back everywhere, with its accounts. */
  run_change (a, OP_UNDO, merge_id, 0);
  sync_all_and_compare (a, b, file_a, file_b, server, server_file);
  g_assert_cmpint (sync_test_int (file_b, sql), ==, 1);
  g_assert_cmpint (sync_test_intf (file_b, "SELECT count (*) FROM accounts a JOIN people p ON p.id = a.person_id"
                           " WHERE p.uid = '%s'", other_uid), ==, other_accounts);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT count (*) FROM notes n JOIN people p ON p.id = n.person_id"
                           " WHERE p.uid = '%s'", other_uid), ==, other_notes);

  /* Split one of the kept person's accounts off on B: A gets the new person. */
  account = sync_test_intf (file_b, "SELECT a.id FROM accounts a JOIN people p ON p.id = a.person_id"
                    " WHERE p.uid = '%s' ORDER BY a.id LIMIT 1", kept_uid);
  g_assert_cmpint (account, >, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT uid FROM accounts WHERE id = %lld", (long long) account);
  account_uid = sync_test_text (file_b, sql);
  {
    Change change = { OP_SPLIT, account, 0, 0 };

    g_assert_true (koc_store_write_sync (b, change_func, &change, NULL, NULL, &error));
    g_assert_no_error (error);
    split_id = change.result;
    new_person = change.b;
  }
  g_assert_cmpint (split_id, >, 0);
  g_assert_cmpint (new_person, >, 0);
  sync_all_and_compare (b, a, file_b, file_a, server, server_file);
  g_assert_cmpint (sync_test_intf (file_a, "SELECT count (*) FROM accounts a JOIN people p ON p.id = a.person_id"
                           " WHERE a.uid = '%s' AND p.uid <> '%s'", account_uid, kept_uid), ==, 1);

  run_change (b, OP_UNDO, split_id, 0);
  sync_all_and_compare (b, a, file_b, file_a, server, server_file);
  g_assert_cmpint (sync_test_intf (file_a, "SELECT count (*) FROM accounts a JOIN people p ON p.id = a.person_id"
                           " WHERE a.uid = '%s' AND p.uid = '%s'", account_uid, kept_uid), ==, 1);

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
  g_test_add_func ("/koc/sync/identity/merge-split-undo", test_merge_and_split);
  return g_test_run ();
}
