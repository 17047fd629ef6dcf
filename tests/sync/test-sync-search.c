/* test-sync-search.c: remote discovery against a real kocdesk-server — GET /v1/search
 * returns the accounts the client does not have, "Save to Workspace" stores them with
 * the server's values, and the next sync neither duplicates nor changes them; a
 * refused token, a stopped server and a server error give clear errors.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "koc-entities.h"
#include "koc-search.h"
#include "koc-sync-search.h"
#include "koc-test-utils.h"
#include "sync-test-utils.h"

typedef struct
{
  char          *dir;
  char          *client_file;
  ServerProcess *server;
  KocStore      *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("koc-sync-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->client_file = g_build_filename (fixture->dir, "client.db", NULL);
  fixture->server = server_start (fixture->dir, "--demo-scale", "0.01", NULL);
  g_assert_nonnull (fixture->server->token);
  fixture->store = sync_test_open_store (fixture->client_file);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->store, sync_test_close_store);
  g_clear_pointer (&fixture->server, sync_test_server_free);
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->client_file);
  g_free (fixture->dir);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GPtrArray *
search (KocSyncEngine  *engine,
        const char     *text,
        guint           limit,
        guint          *n_local,
        GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  koc_sync_engine_search_async (engine, text, NULL, limit, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return koc_sync_engine_search_finish (engine, result, n_local, error);
}

static GPtrArray *
search_page (KocSyncEngine  *engine,
             const char     *text,
             guint           offset,
             guint           limit,
             guint          *n_local,
             gint64         *next_offset,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  koc_sync_engine_search_page_async (engine, text, NULL, offset, limit, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return koc_sync_engine_search_page_finish (engine, result, n_local, next_offset, error);
}

static void
save (KocStore  *store,
      GPtrArray *hits,
      guint     *saved,
      guint     *skipped)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  koc_sync_save_hits_async (store, hits, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (koc_sync_save_hits_finish (store, result, saved, skipped, &error));
  g_assert_no_error (error);
}

/* The entity's JSON in the workspace file @path, or NULL. */
static char *
entity_json (const char *path,
             const char *kind,
             const char *uid)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;
  char *json = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);

    koc_entity_get_json (cache, koc_entity_kind_lookup (kind), uid, &json, &error);
    g_assert_no_error (error);
  }
  sqlite3_close (db);
  return json;
}

static gint64
count_uid (const char *path,
           const char *table,
           const char *uid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE uid = '%s'", table, uid);

  return sync_test_int (path, sql);
}

static gboolean
local_search_func (sqlite3       *db,
                   gpointer       data,
                   gpointer      *result,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return (*result = koc_search_accounts (db, data, error)) != NULL;
}

static void
test_search_save_sync (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KocSyncEngine) engine = sync_test_engine (fixture->store, fixture->server,
                                                      fixture->server->token);
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autoptr(GPtrArray) hits = NULL, again = NULL, chosen = NULL, after_sync = NULL;
  g_autoptr(GError) error = NULL;
  KocSyncReport report;
  guint n_local = 99, saved = 0, skipped = 99;
  gint64 server_accounts;

  /* The client has nothing: every hit is new, with what the pane shows. */
  hits = search (engine, "", 20, &n_local, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 20);
  g_assert_cmpuint (n_local, ==, 0);
  for (guint i = 0; i < hits->len; i++)
    {
      KocRemoteHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *sql = g_strdup_printf ("SELECT followers FROM accounts WHERE uid = '%s'",
                                              hit->uid);

      g_assert_nonnull (hit->display_name);
      g_assert_nonnull (hit->handle);
      g_assert_nonnull (hit->platform);
      g_assert_nonnull (hit->person_uid);
      g_assert_cmpint (hit->followers, ==, sync_test_int (server_file, sql));
      g_assert_cmpint (count_uid (fixture->client_file, "accounts", hit->uid), ==, 0);
    }

  /* Save five: they are stored with the server's values (account and person). */
  chosen = g_ptr_array_new ();
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (chosen, g_ptr_array_index (hits, i));
  save (fixture->store, chosen, &saved, &skipped);
  g_assert_cmpuint (saved, ==, 5);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_cmpint (sync_test_int (fixture->client_file, "SELECT count(*) FROM accounts"), ==, 5);
  for (guint i = 0; i < chosen->len; i++)
    {
      KocRemoteHit *hit = g_ptr_array_index (chosen, i);
      g_autofree char *ours = entity_json (fixture->client_file, "account", hit->uid);
      g_autofree char *theirs = entity_json (server_file, "account", hit->uid);
      g_autofree char *our_person = entity_json (fixture->client_file, "person", hit->person_uid);
      g_autofree char *their_person = entity_json (server_file, "person", hit->person_uid);

      g_assert_cmpstr (ours, ==, theirs);
      g_assert_cmpstr (our_person, ==, their_person);
    }
  /* Saved accounts are found by the local search (the full-text index has them). */
  {
    KocRemoteHit *hit = g_ptr_array_index (chosen, 0);
    g_autoptr(KocSearchQuery) query = koc_search_query_new ();
    g_autoptr(GPtrArray) local = NULL;

    query->text = g_strdup (hit->handle);
    g_assert_true (koc_store_run_sync (fixture->store, local_search_func, query,
                                       (gpointer *)&local, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (local->len, >=, 1);
    g_assert_cmpstr (((KocAccountHit *)g_ptr_array_index (local, 0))->handle, ==, hit->handle);
  }

  /* Searching again leaves out what is now local. */
  again = search (engine, "", 20, &n_local, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_local, ==, 5);
  g_assert_cmpuint (again->len, ==, 15);
  for (guint i = 0; i < again->len; i++)
    for (guint j = 0; j < chosen->len; j++)
      g_assert_cmpstr (((KocRemoteHit *)g_ptr_array_index (again, i))->uid, !=,
                       ((KocRemoteHit *)g_ptr_array_index (chosen, j))->uid);

  /* A full sync brings the rest; the saved ones are updated in place, not copied. */
  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.skipped, ==, 0);
  server_accounts = sync_test_int (server_file, "SELECT count(*) FROM accounts");
  g_assert_cmpint (sync_test_int (fixture->client_file, "SELECT count(*) FROM accounts"), ==,
                   server_accounts);
  for (guint i = 0; i < chosen->len; i++)
    {
      KocRemoteHit *hit = g_ptr_array_index (chosen, i);

      g_assert_cmpint (count_uid (fixture->client_file, "accounts", hit->uid), ==, 1);
      g_assert_cmpint (count_uid (fixture->client_file, "people", hit->person_uid), ==, 1);
    }
  sync_test_assert_same (server_file, fixture->client_file);

  /* A second sync changes nothing, and the server has nothing left to offer. */
  g_assert_true (sync_test_run (engine, NULL, &report, &error));
  g_assert_cmpint (report.pulled, ==, 0);
  g_assert_cmpint (sync_test_int (fixture->client_file, "SELECT count(*) FROM accounts"), ==,
                   server_accounts);
  after_sync = search (engine, "", 20, &n_local, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_sync->len, ==, 0);
  g_assert_cmpuint (n_local, ==, 20);
}

/* A text search: every hit is one the server's own search finds for the words. */
static void
test_search_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KocSyncEngine) engine = sync_test_engine (fixture->store, fixture->server,
                                                      fixture->server->token);
  g_autofree char *server_file = sync_test_server_file (fixture->server);
  g_autofree char *handle = sync_test_text (server_file, "SELECT handle FROM accounts"
                                            " ORDER BY id LIMIT 1 OFFSET 7");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  hits = search (engine, handle, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  for (guint i = 0; i < hits->len; i++)
    found |= g_strcmp0 (((KocRemoteHit *)g_ptr_array_index (hits, i))->handle, handle) == 0;
  g_assert_true (found);
}

/* Pages of 7 from each next_offset list the accounts of one page of 100, in its order,
 * each once; the last page says there is none after it. */
static void
test_paging (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KocSyncEngine) engine = sync_test_engine (fixture->store, fixture->server,
                                                      fixture->server->token);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) past_end = NULL;
  g_autoptr(GError) error = NULL;
  gint64 next = 0;
  guint offset = 0, n_local = 1, n_pages = 0;

  all = search_page (engine, NULL, 0, 100, &n_local, &next, &error);
  g_assert_no_error (error);
  /* The demo server (scale 0.01) has 100 accounts: one page holds them all. */
  g_assert_cmpint (next, ==, -1);
  g_assert_cmpuint (n_local, ==, 0);
  g_assert_cmpuint (all->len, >, 14);

  while (offset < all->len)
    {
      g_autoptr(GPtrArray) page = search_page (engine, NULL, offset, 7, &n_local, &next, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (7, all->len - offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpstr (((KocRemoteHit *) page->pdata[i])->uid, ==,
                         ((KocRemoteHit *) all->pdata[offset + i])->uid);
      g_assert_cmpint (next, ==, offset + 7 < all->len ? (gint64) offset + 7 : -1);
      offset += page->len;
      n_pages++;
    }
  g_assert_cmpuint (n_pages, ==, (all->len + 6) / 7);

  past_end = search_page (engine, NULL, all->len, 7, &n_local, &next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (past_end->len, ==, 0);
  g_assert_cmpint (next, ==, -1);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KocSyncEngine) refused = sync_test_engine (fixture->store, fixture->server,
                                                       "not-a-token");
  g_autoptr(KocSyncEngine) engine = sync_test_engine (fixture->store, fixture->server,
                                                      fixture->server->token);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = search (refused, "a", 5, NULL, &error);
  g_assert_null (hits);
  g_assert_error (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "Sign in again"));
  g_clear_error (&error);

  g_assert_cmpint (server_stop (fixture->server), ==, 0);
  hits = search (engine, "a", 5, NULL, &error);
  g_assert_null (hits);
  g_assert_error (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "Could not reach the server"));
}

/* 500: a server that fails every request (an in-process SoupServer, since a healthy
 * kocdesk-server has no way to be told to fail). */
static void
error_500_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  const char *body = "{\"error\":{\"code\":\"internal\",\"message\":\"disk on fire\"}}";

  soup_server_message_set_status (msg, 500, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KocSyncEngine) engine = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, error_500_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  engine = koc_sync_engine_new (fixture->store, url, "token");

  hits = search (engine, "a", 5, NULL, &error);
  g_assert_null (hits);
  g_assert_error (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_null (strstr (error->message, "disk on fire"));
}

/* A server that accepts the request and never answers: the search gives up. */
static void
never_answer_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  soup_server_message_pause (msg);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KocSyncEngine) engine = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, never_answer_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  engine = koc_sync_engine_new (fixture->store, url, "token");
  koc_sync_engine_set_search_timeout (engine, 1);

  hits = search (engine, "a", 5, NULL, &error);
  g_assert_null (hits);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "did not answer within 1 second"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/search/save-then-sync", Fixture, NULL, fixture_set_up,
              test_search_save_sync, fixture_tear_down);
  g_test_add ("/sync/search/text", Fixture, NULL, fixture_set_up, test_search_text,
              fixture_tear_down);
  g_test_add ("/sync/search/paging", Fixture, NULL, fixture_set_up, test_paging,
              fixture_tear_down);
  g_test_add ("/sync/search/errors", Fixture, NULL, fixture_set_up, test_errors,
              fixture_tear_down);
  g_test_add ("/sync/search/server-error", Fixture, NULL, fixture_set_up, test_server_error,
              fixture_tear_down);
  g_test_add ("/sync/search/timeout", Fixture, NULL, fixture_set_up, test_timeout,
              fixture_tear_down);
  return g_test_run ();
}
