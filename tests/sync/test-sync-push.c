/* test-sync-push.c: local edits through the outbox against a real kocdesk-server — a
 * second client sees them, a replay after a crash applies once, and two clients editing
 * the same field give a recorded conflict on the loser. Also the keyring error.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "koc-sync-token.h"
#include "koc-test-utils.h"
#include "sync-test-utils.h"

typedef struct
{
  char          *dir;
  char          *file_a;
  char          *file_b;
  ServerProcess *server;
  KocStore      *a;
  KocStore      *b;
  char          *person;  /* the uid of a person both clients have */
} Fixture;

static void
sync_ok (KocStore      *store,
         Fixture       *fixture,
         KocSyncReport *report)
{
  g_autoptr(KocSyncEngine) engine = sync_test_engine (store, fixture->server,
                                                      fixture->server->token);
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_test_run (engine, NULL, report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koc_sync_engine_get_state (engine), ==, KOC_SYNC_ENGINE_IDLE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KocSyncReport report;

  fixture->dir = g_dir_make_tmp ("koc-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->file_a = g_build_filename (fixture->dir, "a.db", NULL);
  fixture->file_b = g_build_filename (fixture->dir, "b.db", NULL);
  fixture->server = server_start (fixture->dir, "--demo-scale", "0.01", NULL);
  fixture->a = sync_test_open_store (fixture->file_a);
  fixture->b = sync_test_open_store (fixture->file_b);
  sync_ok (fixture->a, fixture, &report);
  sync_ok (fixture->b, fixture, &report);
  fixture->person = sync_test_text (fixture->file_a, "SELECT uid FROM people ORDER BY id LIMIT 1");
  g_assert_nonnull (fixture->person);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->a, sync_test_close_store);
  g_clear_pointer (&fixture->b, sync_test_close_store);
  g_clear_pointer (&fixture->server, sync_test_server_free);
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->file_a);
  g_free (fixture->file_b);
  g_free (fixture->person);
  g_free (fixture->dir);
}

static char *
person_sql (const char *column,
            const char *uid)
{
  /* uids are hex digits (ours) or a test's constant: safe to format here. */
  return g_strdup_printf ("SELECT %s FROM people WHERE uid = '%s'", column, uid);
}

static void
test_edit_reaches_second_client (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *id1 = NULL, *id2 = NULL, *id3 = NULL;
  g_autofree char *stage_sql = person_sql ("stage", fixture->person);
  g_autofree char *name_sql = person_sql ("display_name", "newpersonuid01");
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autofree char *stage = NULL, *name = NULL;
  KocSyncReport report;

  /* Shows locally at once, queued in the same transaction. */
  id1 = sync_test_enqueue (fixture->a, "person", fixture->person, "upsert",
                           "{\"stage\":\"ambassador\",\"tags\":[\"vip\",\"同城\"]}");
  id2 = sync_test_enqueue (fixture->a, "person", "newpersonuid01", "upsert",
                           "{\"display_name\":\"小红 Test\",\"region\":\"上海\"}");
  id3 = sync_test_enqueue (fixture->a, "person", "newpersonuid01", "upsert",
                           "{\"owner\":\"amy\"}");
  stage = sync_test_text (fixture->file_a, stage_sql);
  g_assert_cmpstr (stage, ==, "ambassador");
  g_assert_cmpint (sync_test_int (fixture->file_a, "SELECT count(*) FROM outbox"
                                  " WHERE state = 'pending'"), ==, 3);

  sync_ok (fixture->a, fixture, &report);
  g_assert_cmpuint (report.pushed, ==, 3);
  g_assert_cmpuint (report.conflicts, ==, 0);
  g_assert_cmpint (sync_test_int (fixture->file_a, "SELECT count(*) FROM outbox"
                                  " WHERE state = 'done'"), ==, 3);

  sync_ok (fixture->b, fixture, &report);
  g_clear_pointer (&stage, g_free);
  stage = sync_test_text (fixture->file_b, stage_sql);
  g_assert_cmpstr (stage, ==, "ambassador");
  name = sync_test_text (fixture->file_b, name_sql);
  g_assert_cmpstr (name, ==, "小红 Test");
  g_assert_cmpint (sync_test_int (fixture->file_b, "SELECT count(*) FROM people p JOIN"
                                  " person_tags pt ON pt.person_id = p.id JOIN tags t ON"
                                  " t.id = pt.tag_id WHERE p.uid = 'newpersonuid01'"
                                  " OR t.name IN ('vip', '同城')"), ==, 2);
  /* Both clients and the server agree on everything. */
  sync_ok (fixture->a, fixture, &report);
  sync_test_assert_same (server_file, fixture->file_a);
  sync_test_assert_same (server_file, fixture->file_b);
}

static void
test_replay_applies_once (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autofree char *id = NULL, *contents = NULL;
  g_autoptr(GError) error = NULL;
  KocSyncReport report;
  gsize length;

  {
    g_autofree char *fields = g_strdup_printf ("{\"person_uid\":\"%s\",\"body\":\"回放 once\"}",
                                               fixture->person);

    id = sync_test_enqueue (fixture->a, "note", "replaynote02", "upsert", fields);
  }

  /* The client "crashes" after the server applied the push but before it recorded the
   * results: put back the file as it was before the sync. */
  g_clear_pointer (&fixture->a, sync_test_close_store);
  g_file_get_contents (fixture->file_a, &contents, &length, &error);
  g_assert_no_error (error);
  fixture->a = sync_test_open_store (fixture->file_a);
  sync_ok (fixture->a, fixture, &report);
  g_assert_cmpuint (report.pushed, ==, 1);
  g_clear_pointer (&fixture->a, sync_test_close_store);

  g_file_set_contents (fixture->file_a, contents, length, &error);
  g_assert_no_error (error);
  fixture->a = sync_test_open_store (fixture->file_a);
  g_assert_cmpint (sync_test_int (fixture->file_a, "SELECT count(*) FROM outbox"
                                  " WHERE state = 'pending'"), ==, 1);
  sync_ok (fixture->a, fixture, &report);
  g_assert_cmpuint (report.pushed, ==, 1);  /* the server's first result, replayed */

  g_assert_cmpint (sync_test_int (server_file, "SELECT count(*) FROM changes"
                                  " WHERE uid = 'replaynote02'"), ==, 1);
  g_assert_cmpint (sync_test_int (server_file, "SELECT count(*) FROM notes"
                                  " WHERE uid = 'replaynote02'"), ==, 1);
  sync_test_assert_same (server_file, fixture->file_a);
}

static void
test_conflict_recorded (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *stage_sql = person_sql ("stage", fixture->person);
  g_autofree char *id_a = NULL, *id_b = NULL, *stage = NULL, *local = NULL, *remote = NULL;
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  KocSyncReport report;

  id_a = sync_test_enqueue (fixture->a, "person", fixture->person, "upsert",
                            "{\"stage\":\"advocate\",\"owner\":\"amy\"}");
  id_b = sync_test_enqueue (fixture->b, "person", fixture->person, "upsert",
                            "{\"stage\":\"dormant\"}");
  sync_ok (fixture->a, fixture, &report);
  g_assert_cmpuint (report.pushed, ==, 1);

  sync_ok (fixture->b, fixture, &report);
  g_assert_cmpuint (report.pushed, ==, 0);
  g_assert_cmpuint (report.conflicts, ==, 1);

  /* The server's value wins locally; the user's value waits in sync_conflicts. */
  stage = sync_test_text (fixture->file_b, stage_sql);
  g_assert_cmpstr (stage, ==, "advocate");
  local = sync_test_text (fixture->file_b, "SELECT local_value FROM sync_conflicts"
                          " WHERE entity = 'person' AND field = 'stage'"
                          " AND resolution = 'unresolved'");
  remote = sync_test_text (fixture->file_b, "SELECT remote_value FROM sync_conflicts"
                           " WHERE entity = 'person' AND field = 'stage'");
  g_assert_cmpstr (local, ==, "\"dormant\"");
  g_assert_cmpstr (remote, ==, "\"advocate\"");
  g_assert_cmpint (sync_test_int (fixture->file_b, "SELECT count(*) FROM outbox"
                                  " WHERE state = 'failed' AND last_error = 'conflict'"), ==, 1);
  g_assert_cmpint (sync_test_int (fixture->file_a, "SELECT count(*) FROM sync_conflicts"), ==, 0);

  /* The user keeps their value: a new edit from the returned rev applies. */
  g_clear_pointer (&id_b, g_free);
  id_b = sync_test_enqueue (fixture->b, "person", fixture->person, "upsert",
                            "{\"stage\":\"dormant\"}");
  sync_ok (fixture->b, fixture, &report);
  g_assert_cmpuint (report.pushed, ==, 1);
  g_assert_cmpuint (report.conflicts, ==, 0);
  sync_ok (fixture->a, fixture, &report);
  g_clear_pointer (&stage, g_free);
  stage = sync_test_text (fixture->file_a, stage_sql);
  g_assert_cmpstr (stage, ==, "dormant");
  sync_test_assert_same (server_file, fixture->file_a);
  sync_test_assert_same (server_file, fixture->file_b);
}

static void
test_too_large_batches_split (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autofree char *token = g_strdup (fixture->server->token);
  g_autoptr(KocSyncEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  KocSyncReport report;

  /* 40 edits of ~300 bytes do not fit in one 4 KiB body: 413, then smaller batches. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *uid = g_strdup_printf ("bulkperson%02u", i);
      g_autofree char *fields = g_strdup_printf ("{\"display_name\":\"Bulk %u\",\"bio\":\"%0200u\"}",
                                                 i, i);
      g_autofree char *id = sync_test_enqueue (fixture->a, "person", uid, "upsert", fields);
    }
  g_assert_cmpint (server_stop (fixture->server), ==, 0);
  g_clear_pointer (&fixture->server, sync_test_server_free);
  fixture->server = server_start (fixture->dir, "--max-body", "4096", NULL);
  engine = sync_test_engine (fixture->a, fixture->server, token);
  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed, ==, 40);
  g_assert_cmpint (sync_test_int (server_file, "SELECT count(*) FROM people"
                                  " WHERE uid LIKE 'bulkperson%'"), ==, 40);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_token_no_keyring (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* No Secret Service on this bus (there is no bus at all): a clear error, no file. */
  koc_sync_token_store_async ("http://127.0.0.1:1/", "demo", "koc_secret", NULL,
                              token_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (koc_sync_token_store_finish (result, &error));
  g_assert_error (error, KOC_SYNC_TOKEN_ERROR, KOC_SYNC_TOKEN_ERROR_NO_KEYRING);
  g_assert_true (g_str_has_prefix (error->message, "No keyring is available: "));
  g_clear_error (&error);
  g_clear_object (&result);

  koc_sync_token_lookup_async ("http://127.0.0.1:1/", "demo", NULL, token_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (koc_sync_token_lookup_finish (result, &error));
  g_assert_error (error, KOC_SYNC_TOKEN_ERROR, KOC_SYNC_TOKEN_ERROR_NO_KEYRING);
}

int
main (int    argc,
      char **argv)
{
  /* Before anything touches D-Bus: a session bus that does not exist. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/koc-test-bus", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/koc/sync/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("edit-reaches-second-client", test_edit_reaches_second_client);
  ADD ("replay-applies-once", test_replay_applies_once);
  ADD ("conflict-recorded", test_conflict_recorded);
  ADD ("too-large-batches-split", test_too_large_batches_split);
#undef ADD
  g_test_add_func ("/koc/sync/token-no-keyring", test_token_no_keyring);

  return g_test_run ();
}
