/* test-sync-people.c: the People pane's relationship data through a real
 * kocdesk-server — an interaction, a post marked as a campaign deliverable and an
 * attached media-kit file, made on one client with the functions the pane runs
 * (koc-people-sync.c), reach the server and a second client; a detach on the second
 * reaches the first. Every entity's JSON is equal on the server and both clients, and
 * the two clients' digests are equal.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-db.h"
#include "koc-people-sync.h"
#include "koc-test-utils.h"
#include "sync-test-utils.h"

#define FILE_BYTES "%PDF-1.4 media kit"

typedef struct
{
  gint64      person_id;
  gint64      card_id;
  gint64      post_id;
  const char *sha256;
  gboolean    detach;
} PeopleEdit;

static gboolean
edit_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  PeopleEdit *edit = data;
  sqlite3_stmt *stmt = NULL;

  if (edit->detach)
    return koc_people_sync_person_file (db, edit->person_id, edit->sha256, NULL, TRUE, error);

  /* The attach of koc-people-files.c: the bytes in media, then the link. */
  if (!koc_db_prepare (db, "INSERT OR IGNORE INTO media (sha256, mime, bytes, data)"
                           " VALUES (?1, 'application/pdf', ?2, ?3)", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int)strlen (FILE_BYTES));
  sqlite3_bind_blob (stmt, 3, FILE_BYTES, (int)strlen (FILE_BYTES), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return koc_people_sync_add_interaction (db, edit->person_id, 0, "wechat", 1793000000,
                                          "约了十二月的探店 — visit booked", "Li Na", error) &&
         koc_people_sync_link_deliverable (db, edit->card_id, edit->post_id, error) &&
         /* twice: the second is a no-op, not a second outbox row */
         koc_people_sync_link_deliverable (db, edit->card_id, edit->post_id, error) &&
         koc_people_sync_person_file (db, edit->person_id, edit->sha256, "媒体资料 media kit.pdf",
                                      FALSE, error);
}

static void
run_edit (KocStore   *store,
          PeopleEdit *edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (koc_store_write_sync (store, edit_func, edit, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_relationship (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koc-sync-people-XXXXXX", &error);
  g_autofree char *file_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *file_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *server_file = NULL, *person_uid = NULL, *digest_a = NULL, *digest_b = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, FILE_BYTES, -1);
  ServerProcess *server = server_start (dir, "--demo-scale", "0.01", NULL);
  KocStore *a = sync_test_open_store (file_a);
  KocStore *b = sync_test_open_store (file_b);
  PeopleEdit edit = { 0 };
  KocSyncReport report;
  gint64 deliverables;

  server_file = sync_test_server_file (server);
  sync_test_sync (a, server, NULL, SYNC_TEST_CLEAN, &report);
  sync_test_sync (b, server, NULL, SYNC_TEST_CLEAN, &report);
  /* The demo's deliverables came with the snapshot, uids and all. */
  deliverables = sync_test_int (server_file, "SELECT count (*) FROM card_deliverables");
  g_assert_cmpint (deliverables, >, 0);
  g_assert_cmpint (sync_test_int (file_b, "SELECT count (*) FROM card_deliverables"), ==, deliverables);
  g_assert_cmpint (sync_test_int (file_b, "SELECT count (*) FROM card_deliverables d JOIN cards c ON"
                                  " c.id = d.card_id JOIN posts p ON p.id = d.post_id"
                                  " WHERE d.uid = c.uid || p.uid"), ==, deliverables);

  /* A card of a person and one of their posts that is not a deliverable yet. */
  edit.card_id = sync_test_int (file_a, "SELECT k.id FROM cards k WHERE EXISTS (SELECT 1 FROM posts p"
                                " JOIN accounts t ON t.id = p.account_id WHERE t.person_id = k.person_id"
                                " AND p.id NOT IN (SELECT post_id FROM card_deliverables))"
                                " ORDER BY k.id LIMIT 1");
  g_assert_cmpint (edit.card_id, >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT person_id FROM cards WHERE id = %lld", (long long)edit.card_id);

    edit.person_id = sync_test_int (file_a, sql);
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("SELECT max (p.id) FROM posts p JOIN accounts t ON t.id = p.account_id"
                           " WHERE t.person_id = %lld AND p.id NOT IN (SELECT post_id FROM card_deliverables)",
                           (long long)edit.person_id);
    edit.post_id = sync_test_int (file_a, sql);
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("SELECT uid FROM people WHERE id = %lld", (long long)edit.person_id);
    person_uid = sync_test_text (file_a, sql);
  }
  edit.sha256 = sha256;
  run_edit (a, &edit);
  g_assert_cmpint (sync_test_int (file_a, "SELECT count (*) FROM outbox WHERE state = 'pending'"), ==, 3);

  sync_test_sync (a, server, NULL, SYNC_TEST_CLEAN, &report);
  g_assert_cmpuint (report.pushed, ==, 3);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT count (*) FROM interactions i JOIN people p ON"
                                " p.id = i.person_id WHERE p.uid = '%s' AND i.channel = 'wechat'"
                                " AND i.summary = '约了十二月的探店 — visit booked'", person_uid), ==, 1);
  g_assert_cmpint (sync_test_int (server_file, "SELECT count (*) FROM card_deliverables"), ==, deliverables + 1);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT count (*) FROM person_files f JOIN people p ON"
                                " p.id = f.person_id WHERE p.uid = '%s'"
                                " AND f.file_name = '媒体资料 media kit.pdf'", person_uid), ==, 1);

  sync_test_sync (b, server, NULL, SYNC_TEST_CLEAN, &report);
  g_assert_cmpint (report.pulled, >=, 3);
  g_assert_cmpint (sync_test_intf (file_b, "SELECT count (*) FROM interactions i JOIN people p ON"
                                " p.id = i.person_id WHERE p.uid = '%s' AND i.happened_at = 1793000000"
                                " AND i.author = 'Li Na'", person_uid), ==, 1);
  g_assert_cmpint (sync_test_int (file_b, "SELECT count (*) FROM card_deliverables"), ==, deliverables + 1);
  g_assert_cmpint (sync_test_intf (file_b, "SELECT count (*) FROM person_files f JOIN people p ON"
                                " p.id = f.person_id WHERE p.uid = '%s'", person_uid), ==, 1);
  /* b knows the file by sha256 (bytes to come from the media path). */
  g_assert_cmpint (sync_test_intf (file_b, "SELECT count (*) FROM media WHERE sha256 = '%s'", sha256), ==, 1);

  sync_test_sync (a, server, NULL, SYNC_TEST_CLEAN, &report);
  g_assert_cmpint (sync_test_assert_same (server_file, file_a), >, 0);
  g_assert_cmpint (sync_test_assert_same (server_file, file_b), >, 0);
  digest_a = sync_test_digest (file_a);
  digest_b = sync_test_digest (file_b);
  g_assert_cmpstr (digest_a, ==, digest_b);

  /* b detaches the file; a sees it gone. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM people WHERE uid = '%s'", person_uid);
    PeopleEdit detach = { sync_test_int (file_b, sql), 0, 0, sha256, TRUE };

    run_edit (b, &detach);
  }
  sync_test_sync (b, server, NULL, SYNC_TEST_CLEAN, &report);
  g_assert_cmpuint (report.pushed, ==, 1);
  sync_test_sync (a, server, NULL, SYNC_TEST_CLEAN, &report);
  g_assert_cmpint (sync_test_intf (file_a, "SELECT count (*) FROM person_files f JOIN people p ON"
                                " p.id = f.person_id WHERE p.uid = '%s'", person_uid), ==, 0);
  g_assert_cmpint (sync_test_intf (server_file, "SELECT count (*) FROM person_files f JOIN people p ON"
                                " p.id = f.person_id WHERE p.uid = '%s'", person_uid), ==, 0);
  g_clear_pointer (&digest_a, g_free);
  g_clear_pointer (&digest_b, g_free);
  digest_a = sync_test_digest (file_a);
  digest_b = sync_test_digest (file_b);
  g_assert_cmpstr (digest_a, ==, digest_b);

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
  g_test_add_func ("/koc/sync/people/relationship", test_relationship);
  return g_test_run ();
}
