/* test-sync-saved-search.c: a saved search's brand filter across two devices whose
 * brand ids differ, through a real kocdesk-server: stored by the brand's uid, read back
 * as each device's own id (koc-saved-search.h).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "koc-db.h"
#include "koc-saved-search.h"
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
} Fixture;

static gboolean
exec_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  return koc_db_exec (db, data, error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("koc-saved-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->file_a = g_build_filename (fixture->dir, "a.db", NULL);
  fixture->file_b = g_build_filename (fixture->dir, "b.db", NULL);
  fixture->server = server_start (fixture->dir, "--demo-scale", "0.01", NULL);
  fixture->a = sync_test_open_store (fixture->file_a);
  fixture->b = sync_test_open_store (fixture->file_b);
  /* Device B had a brand of its own before its first sync: its ids of the server's
   * brands are not A's. */
  g_assert_true (koc_store_write_sync (fixture->b, exec_func,
                                       (gpointer) "INSERT INTO brands (uid, name) VALUES ('localbrand', 'Local')",
                                       NULL, NULL, &error));
  g_assert_no_error (error);
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
  g_free (fixture->dir);
}

typedef struct
{
  const char *uid;
  const char *text;
  gboolean    stored;   /* convert to the stored form, or from it */
} Call;

static gboolean
enqueue_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  Call *call = data;

  return (*result = koc_saved_search_enqueue (db, call->uid, call->text, error)) != NULL;
}

static gboolean
convert_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  Call *call = data;

  *result = call->stored ? koc_saved_search_to_stored (db, call->text, error)
                         : koc_saved_search_from_stored (db, call->text, error);
  return *result != NULL;
}

static char *
convert (KocStore   *store,
         const char *text,
         gboolean    to_stored)
{
  Call call = { NULL, text, to_stored };
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_true (koc_store_run_sync (store, convert_func, &call, (gpointer *)&out, NULL, &error));
  g_assert_no_error (error);
  return out;
}

static void
sync_with (KocStore      *store,
      ServerProcess *server)
{
  g_autoptr(KocSyncEngine) engine = sync_test_engine (store, server, server->token);
  g_autoptr(GError) error = NULL;
  KocSyncReport report;

  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.skipped, ==, 0);
}

static void
test_brand_by_uid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autofree char *brand_uid = NULL, *fields = NULL, *sql_a = NULL, *sql_b = NULL;
  g_autofree char *stored_b = NULL, *read_b = NULL, *client_id = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id_a, id_b;
  Call call = { "savedsearch1", NULL, FALSE };

  sync_with (fixture->a, fixture->server);
  sync_with (fixture->b, fixture->server);
  brand_uid = sync_test_text (server_file, "SELECT uid FROM brands ORDER BY id LIMIT 1 OFFSET 1");
  sql_a = g_strdup_printf ("SELECT id FROM brands WHERE uid = '%s'", brand_uid);
  id_a = sync_test_int (fixture->file_a, sql_a);
  id_b = sync_test_int (fixture->file_b, sql_a);
  g_assert_cmpint (id_a, >, 0);
  g_assert_cmpint (id_b, >, 0);
  g_assert_cmpint (id_a, !=, id_b);

  /* Saved on A with A's id: the table and the outbox hold the uid. */
  fields = g_strdup_printf ("{\"name\":\"Masks\",\"query\":{\"text\":\"面膜\",\"brand_id\":%lld,"
                            "\"sentiment\":1}}", (long long) id_a);
  call.text = fields;
  g_assert_true (koc_store_write_sync (fixture->a, enqueue_func, &call, (gpointer *)&client_id,
                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (client_id);
  {
    g_autofree char *stored = sync_test_text (fixture->file_a, "SELECT query FROM saved_searches"
                                              " WHERE uid = 'savedsearch1'");
    g_autofree char *sent = sync_test_text (fixture->file_a, "SELECT payload ->> '$.fields.query.brand_uid'"
                                            " FROM outbox WHERE entity_uid = 'savedsearch1'");

    g_assert_nonnull (stored);
    g_assert_null (strstr (stored, "brand_id"));
    g_assert_nonnull (strstr (stored, brand_uid));
    g_assert_cmpstr (sent, ==, brand_uid);
  }

  /* A pushes, B pulls: B reads its own id for the same brand. */
  sync_with (fixture->a, fixture->server);
  sync_with (fixture->b, fixture->server);
  stored_b = sync_test_text (fixture->file_b, "SELECT query FROM saved_searches WHERE uid = 'savedsearch1'");
  g_assert_nonnull (stored_b);
  read_b = convert (fixture->b, stored_b, FALSE);
  sql_b = g_strdup_printf ("SELECT json_extract ('%s', '$.brand_id') = %lld"
                           " AND json_extract ('%s', '$.brand_uid') IS NULL"
                           " AND json_extract ('%s', '$.text') = '面膜'"
                           " AND json_extract ('%s', '$.sentiment') = 1",
                           read_b, (long long) id_b, read_b, read_b, read_b);
  g_assert_cmpint (sync_test_int (fixture->file_b, sql_b), ==, 1);
}

static void
test_conversions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *no_brand = NULL, *legacy = NULL, *unknown = NULL, *none_back = NULL;

  /* No brand filter: nothing is added. */
  no_brand = convert (fixture->a, "{\"text\":\"x\",\"brand_id\":0}", TRUE);
  g_assert_null (strstr (no_brand, "brand"));
  none_back = convert (fixture->a, no_brand, FALSE);
  g_assert_null (strstr (none_back, "brand"));
  /* A query saved by an older version keeps its id. */
  legacy = convert (fixture->a, "{\"text\":\"x\",\"brand_id\":7}", FALSE);
  g_assert_cmpstr (legacy, ==, "{\"text\":\"x\",\"brand_id\":7}");
  /* A brand this device does not have yet: no filter until a sync brings it. */
  unknown = convert (fixture->a, "{\"text\":\"x\",\"brand_uid\":\"nosuchbrand\"}", FALSE);
  g_assert_cmpstr (unknown, ==, "{\"text\":\"x\",\"brand_id\":0}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/saved-search/brand-by-uid", Fixture, NULL, fixture_set_up,
              test_brand_by_uid, fixture_tear_down);
  g_test_add ("/sync/saved-search/conversions", Fixture, NULL, fixture_set_up,
              test_conversions, fixture_tear_down);
  return g_test_run ();
}
