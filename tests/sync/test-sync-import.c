/* test-sync-import.c: an import's people and accounts go through the outbox
 * (src/io/koc-import-outbox.c) — through a real kocdesk-server and two clients: a CSV
 * imported on client A (three new advocates, one known account with new numbers) is
 * queued in the import's transaction, pushed, and pulled by B, digests equal; merging two
 * of the imported people and undoing the merge sync without a rejection; undoing the
 * import removes them from B too and gives the known account its old numbers back.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-import.h"
#include "koc-sync-identity.h"
#include "koc-test-utils.h"
#include "sync-test-utils.h"

/* A pushes the @pending edits it queued; B syncs, A again (the server's stamps); the
 * server and both clients are then equal, digests included. */
static void
sync_all_and_compare (KocStore      *a,
                      KocStore      *b,
                      const char    *file_a,
                      const char    *file_b,
                      ServerProcess *server,
                      const char    *server_file,
                      gint64         pending)
{
  KocSyncReport report;
  g_autofree char *digest_a = NULL, *digest_b = NULL, *digest_server = NULL;

  g_assert_cmpint (sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state = 'pending'"), ==, pending);
  sync_test_sync (a, server, NULL, SYNC_TEST_CLEAN, &report);
  g_assert_cmpuint (report.pushed, ==, pending);
  g_assert_cmpint (sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state <> 'done'"), ==, 0);
  sync_test_sync (b, server, NULL, SYNC_TEST_CLEAN, &report);
  sync_test_sync (a, server, NULL, SYNC_TEST_CLEAN, &report);

  g_assert_cmpint (sync_test_assert_same (server_file, file_a), >, 0);
  g_assert_cmpint (sync_test_assert_same (server_file, file_b), >, 0);
  digest_a = sync_test_digest (file_a);
  digest_b = sync_test_digest (file_b);
  digest_server = sync_test_digest (server_file);
  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_cmpstr (digest_a, ==, digest_server);
}

typedef struct
{
  gint64 kept;
  gint64 other;
  gint64 id;
  gboolean undo;
} Merge;

static gboolean
merge_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  Merge *merge = data;

  if (merge->undo)
    return koc_sync_identity_undo (db, merge->id, error);
  merge->id = koc_sync_identity_merge (db, merge->kept, merge->other, error);
  return merge->id > 0;
}

static gint64
count_handles (const char *path)
{
  return sync_test_int (path, "SELECT count (*) FROM accounts a JOIN people p ON p.id = a.person_id"
                              " WHERE a.platform = 'xiaohongshu' AND a.handle GLOB 'sync_import_*'");
}

static void
test_import_syncs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koc-sync-import-XXXXXX", &error);
  g_autofree char *file_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *file_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "advocates.csv", NULL);
  g_autofree char *server_file = NULL, *known_platform = NULL, *known_handle = NULL;
  g_autofree char *text = NULL;
  ServerProcess *server = server_start (dir, "--demo-scale", "0.01", NULL);
  KocStore *a = sync_test_open_store (file_a);
  KocStore *b = sync_test_open_store (file_b);
  KocImportOptions options = { 0 };
  KocImportUndoReport undo = { 0 };
  KocImportReport *report;
  KocSyncReport sync_report;
  Merge merge = { 0 };
  gint64 known, known_followers;

  server_file = sync_test_server_file (server);
  sync_test_sync (a, server, NULL, SYNC_TEST_CLEAN, &sync_report);
  sync_test_sync (b, server, NULL, SYNC_TEST_CLEAN, &sync_report);

  known = sync_test_int (file_a, "SELECT min (id) FROM accounts WHERE person_id IS NOT NULL");
  known_platform = sync_test_text (file_a, "SELECT platform FROM accounts WHERE id = (SELECT min (id)"
                                           " FROM accounts WHERE person_id IS NOT NULL)");
  known_handle = sync_test_text (file_a, "SELECT handle FROM accounts WHERE id = (SELECT min (id)"
                                         " FROM accounts WHERE person_id IS NOT NULL)");
  known_followers = sync_test_intf (file_a, "SELECT followers FROM accounts WHERE id = %lld", (long long) known);
  g_assert_cmpint (known, >, 0);

  /* Three new advocates, the third with the second's email; the known account with
   * more followers. */
  text = g_strdup_printf ("platform,handle,昵称,粉丝数,email,地区\r\n"
                          "xiaohongshu,sync_import_1,小雨,3.3k,rain@example.com,上海\r\n"
                          "xiaohongshu,sync_import_2,阿杰,1.2万,jay@example.com,北京\r\n"
                          "xiaohongshu,sync_import_3,Jay Z,12,,\r\n"
                          "%s,%s,,%lld,,\r\n",
                          known_platform, known_handle, (long long) known_followers + 1234);
  g_assert_true (g_file_set_contents (csv, text, -1, &error));
  report = koc_import_run_sync (a, csv, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->created, ==, 3);
  g_assert_cmpuint (report->updated, ==, 1);

  /* Queued in the same transaction: three people and three accounts created, the known
   * account updated (its followers, with base_rev), the people first. */
  g_assert_cmpint (sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state = 'pending'"
                                          " AND entity = 'person' AND op = 'create'"), ==, 3);
  g_assert_cmpint (sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state = 'pending'"
                                          " AND entity = 'account' AND op = 'create'"), ==, 3);
  g_assert_cmpint (sync_test_intf (file_a, "SELECT payload ->> '$.fields.followers' FROM outbox WHERE state ="
                                   " 'pending' AND entity = 'account' AND op = 'update' AND entity_uid ="
                                   " (SELECT uid FROM accounts WHERE id = %lld)", (long long) known),
                   ==, known_followers + 1234);
  g_assert_cmpint (sync_test_intf (file_a, "SELECT payload ->> '$.base_rev' FROM outbox WHERE state = 'pending'"
                                   " AND entity = 'account' AND op = 'update'"), >, 0);
  g_assert_cmpint (sync_test_int (file_a, "SELECT max (id) FROM outbox WHERE entity = 'person'"), <,
                   sync_test_int (file_a, "SELECT min (id) FROM outbox WHERE state = 'pending'"
                                          " AND entity = 'account'"));
  {
    gint64 pending = sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state = 'pending'");

    g_assert_cmpint (pending, ==, 7 + sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE"
                                                             " state = 'pending' AND entity = 'person'"
                                                             " AND op = 'update'"));
    sync_all_and_compare (a, b, file_a, file_b, server, server_file, pending);
  }
  g_assert_cmpint (count_handles (file_b), ==, 3);
  g_assert_cmpint (count_handles (server_file), ==, 3);
  g_assert_cmpint (sync_test_int (file_b, "SELECT followers FROM accounts WHERE handle = 'sync_import_2'"),
                   ==, 12000);
  g_assert_cmpint (sync_test_int (file_b, "SELECT count (*) FROM people WHERE display_name = '小雨'"
                                          " AND region = '上海' AND email = 'rain@example.com'"), ==, 1);
  g_assert_cmpint (sync_test_intf (file_b, "SELECT followers FROM accounts WHERE platform = '%s' AND handle = '%s'",
                           known_platform, known_handle), ==, known_followers + 1234);

  /* Merging two imported people (the server knows them now) and undoing the merge. */
  merge.kept = sync_test_int (file_a, "SELECT person_id FROM accounts WHERE handle = 'sync_import_2'");
  merge.other = sync_test_int (file_a, "SELECT person_id FROM accounts WHERE handle = 'sync_import_3'");
  g_assert_true (koc_store_write_sync (a, merge_func, &merge, NULL, NULL, &error));
  g_assert_no_error (error);
  sync_all_and_compare (a, b, file_a, file_b, server, server_file,
                        sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state = 'pending'"));
  g_assert_cmpint (sync_test_int (file_b, "SELECT count (DISTINCT person_id) FROM accounts"
                                          " WHERE handle IN ('sync_import_2', 'sync_import_3')"), ==, 1);
  merge.undo = TRUE;
  g_assert_true (koc_store_write_sync (a, merge_func, &merge, NULL, NULL, &error));
  g_assert_no_error (error);
  sync_all_and_compare (a, b, file_a, file_b, server, server_file,
                        sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state = 'pending'"));
  g_assert_cmpint (sync_test_int (file_b, "SELECT count (DISTINCT person_id) FROM accounts"
                                          " WHERE handle IN ('sync_import_2', 'sync_import_3')"), ==, 2);

  /* Undoing the import: B loses the advocates, the known account its new numbers. */
  g_assert_true (koc_import_undo_sync (a, report->import_id, &undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (undo.deleted_people, ==, 3);
  g_assert_cmpuint (undo.deleted_accounts, ==, 3);
  g_assert_cmpuint (undo.restored_accounts, ==, 1);
  g_assert_cmpint (sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state = 'pending'"
                                          " AND op = 'delete'"), ==, 6);
  sync_all_and_compare (a, b, file_a, file_b, server, server_file,
                        sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state = 'pending'"));
  g_assert_cmpint (sync_test_int (file_b, "SELECT count (*) FROM accounts WHERE handle GLOB 'sync_import_*'"),
                   ==, 0);
  g_assert_cmpint (sync_test_int (file_b, "SELECT count (*) FROM people WHERE display_name IN"
                                          " ('小雨', '阿杰', 'Jay Z')"), ==, 0);
  g_assert_cmpint (sync_test_intf (file_b, "SELECT followers FROM accounts WHERE platform = '%s' AND handle = '%s'",
                           known_platform, known_handle), ==, known_followers);

  koc_import_report_free (report);
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
  g_test_add_func ("/koc/sync/import/queued-pushed-merged-undone", test_import_syncs);
  return g_test_run ();
}
