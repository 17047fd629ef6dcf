/* test-server-api.c: the sync API v1 against a real kocdesk-server process with a demo
 * workspace: auth, workspace isolation, the change feed, mutations, search, media,
 * redemptions and the body size limit.
 *
 * One server serves every test of this program (started in main); tests that change
 * data use their own entities, so the order of the tests does not matter.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-test-utils.h"
#include "server-fixture.h"

static ServerProcess *server;

/* Short names for reading replies. */
#define STR(o, m)  json_object_get_string_member ((o), (m))
#define INT(o, m)  json_object_get_int_member ((o), (m))
#define BOOL(o, m) json_object_get_boolean_member ((o), (m))
#define OBJ(o, m)  json_object_get_object_member ((o), (m))
#define ARR(o, m)  json_object_get_array_member ((o), (m))

/* Every change of the feed of @token, page by page (limit 500). */
static GPtrArray *
pull_all (const char *token)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  gint64 since = 0;
  gboolean more = TRUE;

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("v1/changes?since=%" G_GINT64_FORMAT "&limit=500",
                                               since);
      g_autoptr(Reply) reply = server_request (server, "GET", path, token, NULL, NULL);
      JsonObject *page;
      JsonArray *array;

      g_assert_cmpuint (reply->status, ==, 200);
      page = reply_object (reply);
      array = ARR (page, "changes");
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (changes, json_node_copy (json_array_get_element (array, i)));
      g_assert_cmpint (INT (page, "next"), >=, since);
      since = INT (page, "next");
      more = BOOL (page, "more");
    }
  return changes;
}

/* The first change of @kind in @changes whose data has @member (any when NULL). */
static JsonObject *
find_change (GPtrArray  *changes,
             const char *kind,
             const char *member)
{
  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = json_node_get_object (g_ptr_array_index (changes, i));
      JsonObject *data;

      if (g_strcmp0 (STR (change, "kind"), kind) != 0 ||
          BOOL (change, "deleted"))
        continue;
      data = OBJ (change, "data");
      if (member == NULL || (json_object_has_member (data, member) &&
                             !json_object_get_null_member (data, member)))
        return change;
    }
  g_assert_not_reached ();
  return NULL;
}

static JsonObject *
find_uid (GPtrArray  *changes,
          const char *uid)
{
  JsonObject *found = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = json_node_get_object (g_ptr_array_index (changes, i));

      if (g_strcmp0 (STR (change, "id"), uid) == 0)
        found = change;
    }
  return found;
}

static JsonObject *
result_at (Reply *reply,
           guint  index)
{
  JsonArray *results;

  g_assert_cmpuint (reply->status, ==, 200);
  results = ARR (reply_object (reply), "results");
  return json_array_get_object_element (results, index);
}

static Reply *
get (const char *path)
{
  return server_request (server, "GET", path, server->token, NULL, NULL);
}

/* @json uses ' for " (JSON in C strings stays readable). */
static Reply *
post (const char *path,
      const char *json)
{
  g_autofree char *body = g_strdelimit (g_strdup (json), "'", '"');

  return server_request (server, "POST", path, server->token, body, NULL);
}

static Reply *
mutate (const char *token,
        const char *mutations_json)
{
  g_autofree char *body = g_strdup_printf ("{'mutations':%s}", mutations_json);

  g_strdelimit (body, "'", '"');
  return server_request (server, "POST", "v1/mutations", token, body, NULL);
}

static const char *
status_at (Reply *reply,
           guint  index)
{
  return STR (result_at (reply, index), "status");
}

static guint
n_changes (Reply *reply)
{
  return json_array_get_length (ARR (reply_object (reply), "changes"));
}

static void
test_auth (void)
{
  g_autoptr(Reply) none = server_request (server, "GET", "v1/changes", NULL, NULL, NULL);
  g_autoptr(Reply) bad = server_request (server, "GET", "v1/changes", "koc_0000000000000000",
                                         NULL, NULL);
  g_autoptr(Reply) health = server_request (server, "GET", "v1/health", NULL, NULL, NULL);
  g_autoptr(Reply) good = get ("v1/changes?limit=1");
  g_autoptr(Reply) missing = get ("v1/nothing");
  g_autoptr(Reply) method = server_request (server, "DELETE", "v1/changes", server->token,
                                            NULL, NULL);
  g_autoptr(Reply) media_method = server_request (server, "POST", "v1/media/"
                                                  "0000000000000000000000000000000000000000000000000000000000000000",
                                                  server->token, NULL, NULL);

  g_assert_cmpuint (none->status, ==, 401);
  g_assert_cmpstr (reply_error_code (none), ==, "unauthorized");
  g_assert_nonnull (soup_message_headers_get_one (none->headers, "WWW-Authenticate"));
  g_assert_cmpuint (bad->status, ==, 401);
  g_assert_cmpstr (reply_error_code (bad), ==, "unauthorized");
  g_assert_cmpuint (health->status, ==, 200);
  g_assert_cmpuint (good->status, ==, 200);
  g_assert_cmpuint (missing->status, ==, 404);
  g_assert_cmpstr (reply_error_code (missing), ==, "not_found");
  g_assert_cmpuint (method->status, ==, 405);
  g_assert_cmpstr (soup_message_headers_get_one (method->headers, "Allow"), ==, "GET");
  /* Every method of the path, not only the first route's. */
  g_assert_cmpuint (media_method->status, ==, 405);
  g_assert_cmpstr (soup_message_headers_get_one (media_method->headers, "Allow"), ==, "GET, PUT");
  /* The change feed repeats next and more ahead of the body (koc-sync-pull.c). */
  g_assert_cmpstr (soup_message_headers_get_one (good->headers, "Koc-Feed-Next"), ==,
                   "1 more");
}

static void
test_isolation (void)
{
  g_autofree char *token_b = NULL;
  g_autoptr(GPtrArray) feed_a = NULL;
  g_autoptr(GPtrArray) feed_b = NULL;
  g_autoptr(Reply) created = NULL;
  g_autoptr(Reply) from_a = NULL;
  g_autoptr(Reply) search_b = NULL;
  g_autoptr(Reply) media_b = NULL;
  g_autofree char *media_path = NULL;
  JsonObject *account;

  g_assert_cmpint (server_cli (server->db, &token_b, "token", "create", "beta", NULL), ==, 0);
  g_strstrip (token_b);
  g_assert_true (g_str_has_prefix (token_b, "koc_"));

  feed_b = pull_all (token_b);
  g_assert_cmpuint (feed_b->len, ==, 0);

  created = mutate (token_b, "[{'id':'iso-1','kind':'person','entity_uid':'iso-person',"
                    "'op':'upsert','fields':{'display_name':'Only in B'},'base_rev':0}]");
  g_assert_cmpstr (status_at (created, 0), ==, "applied");

  g_clear_pointer (&feed_b, g_ptr_array_unref);
  feed_b = pull_all (token_b);
  g_assert_cmpuint (feed_b->len, ==, 1);
  g_assert_nonnull (find_uid (feed_b, "iso-person"));

  feed_a = pull_all (server->token);
  g_assert_cmpuint (feed_a->len, >, 1000);
  g_assert_null (find_uid (feed_a, "iso-person"));

  /* A cannot touch B's person: in A it does not exist, so a patch cannot create it. */
  from_a = mutate (server->token, "[{\"id\":\"iso-2\",\"kind\":\"person\",\"entity_uid\":"
                   "\"iso-person\",\"op\":\"upsert\",\"fields\":{\"stage\":\"advocate\"}}]");
  g_assert_cmpstr (status_at (from_a, 0), ==, "rejected");

  search_b = server_request (server, "GET", "v1/search?q=%E9%9D%A2%E8%86%9C", token_b, NULL, NULL);
  g_assert_cmpuint (search_b->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (ARR (reply_object (search_b),
                                                                         "accounts")), ==, 0);

  account = OBJ (find_change (feed_a, "account", "avatar_sha256"), "data");
  media_path = g_strconcat ("v1/media/", STR (account, "avatar_sha256"), NULL);
  media_b = server_request (server, "GET", media_path, token_b, NULL, NULL);
  g_assert_cmpuint (media_b->status, ==, 404);
}

static void
test_changes_paging (void)
{
  g_autoptr(Reply) capped = get ("v1/changes?limit=100000");
  g_autoptr(Reply) by_default = get ("v1/changes");
  g_autoptr(Reply) zero = get ("v1/changes?limit=0");
  g_autoptr(Reply) junk = get ("v1/changes?since=abc");
  g_autoptr(Reply) first = get ("v1/changes?limit=3");
  g_autoptr(Reply) second = NULL;
  g_autoptr(Reply) end = NULL;
  g_autofree char *path = NULL;
  JsonArray *page;
  gint64 next, last_seq = 0;

  g_assert_cmpuint (n_changes (capped), ==, 500);
  g_assert_true (BOOL (reply_object (capped), "more"));
  g_assert_cmpuint (n_changes (by_default), ==, 100);
  g_assert_cmpuint (zero->status, ==, 400);
  g_assert_cmpstr (reply_error_code (zero), ==, "bad_request");
  g_assert_cmpuint (junk->status, ==, 400);

  page = ARR (reply_object (first), "changes");
  g_assert_cmpuint (json_array_get_length (page), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *change = json_array_get_object_element (page, i);

      g_assert_cmpint (INT (change, "seq"), >, last_seq);
      last_seq = INT (change, "seq");
      g_assert_cmpint (INT (change, "rev"), >=, 1);
      g_assert_nonnull (STR (change, "id"));
    }
  next = INT (reply_object (first), "next");
  g_assert_cmpint (next, ==, last_seq);

  path = g_strdup_printf ("v1/changes?since=%" G_GINT64_FORMAT "&limit=3", next);
  second = get (path);
  page = ARR (reply_object (second), "changes");
  g_assert_cmpint (INT (json_array_get_object_element (page, 0), "seq"), >, next);

  end = get ("v1/changes?since=9223372036854775806");
  g_assert_cmpuint (n_changes (end), ==, 0);
  g_assert_false (BOOL (reply_object (end), "more"));
  g_assert_cmpint (INT (reply_object (end), "next"), ==, G_GINT64_CONSTANT (9223372036854775806));
}

static void
test_mutations (void)
{
  g_autoptr(GPtrArray) feed = pull_all (server->token);
  JsonObject *person = find_change (feed, "person", "display_name");
  const char *uid = STR (person, "id");
  gint64 rev = INT (person, "rev");
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL, *bad = NULL;
  g_autoptr(Reply) applied = NULL, replay = NULL, conflict = NULL, merged = NULL;
  g_autoptr(Reply) rejected = NULL, created = NULL, deleted = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *applied_text = NULL, *replay_text = NULL;
  JsonObject *result, *first_conflict, *data;

  m1 = g_strdup_printf ("[{'id':'mut-1','kind':'person','entity_uid':'%s','op':'upsert',"
                        "'fields':{'stage':'ambassador','tags':['vip','面膜']},"
                        "'base_rev':%" G_GINT64_FORMAT "}]", uid, rev);
  applied = mutate (server->token, m1);
  result = result_at (applied, 0);
  g_assert_cmpstr (STR (result, "status"), ==, "applied");
  g_assert_cmpint (INT (result, "rev"), ==, rev + 1);

  /* A replay returns the first result and applies nothing again. */
  replay = mutate (server->token, m1);
  applied_text = json_to_string (json_array_get_element (ARR (reply_object (applied),
                                                             "results"), 0), FALSE);
  replay_text = json_to_string (json_array_get_element (ARR (reply_object (replay),
                                                            "results"), 0), FALSE);
  g_assert_cmpstr (applied_text, ==, replay_text);

  /* Another client edited from the old rev: the same field conflicts… */
  m2 = g_strdup_printf ("[{'id':'mut-2','kind':'person','entity_uid':'%s','op':'upsert',"
                        "'fields':{'stage':'dormant'},'base_rev':%" G_GINT64_FORMAT "}]", uid, rev);
  conflict = mutate (server->token, m2);
  result = result_at (conflict, 0);
  g_assert_cmpstr (STR (result, "status"), ==, "conflict");
  g_assert_cmpint (INT (result, "rev"), ==, rev + 1);
  first_conflict = json_array_get_object_element (ARR (result, "conflicts"), 0);
  g_assert_cmpstr (STR (first_conflict, "field"), ==, "stage");
  g_assert_cmpstr (STR (first_conflict, "yours"), ==, "dormant");
  g_assert_cmpstr (STR (first_conflict, "server"), ==, "ambassador");
  g_assert_cmpstr (STR (OBJ (result, "current"), "stage"), ==, "ambassador");

  /* …another field from the same old rev merges. */
  m3 = g_strdup_printf ("[{'id':'mut-3','kind':'person','entity_uid':'%s','op':'upsert',"
                        "'fields':{'owner':'Wang Fang'},'base_rev':%" G_GINT64_FORMAT "}]",
                        uid, rev);
  merged = mutate (server->token, m3);
  g_assert_cmpstr (status_at (merged, 0), ==, "applied");
  g_assert_cmpint (INT (result_at (merged, 0), "rev"), ==, rev + 2);

  bad = g_strdup_printf ("[{'id':'mut-4','kind':'person','entity_uid':'%s','op':'upsert',"
                         "'fields':{'stage':'bogus'}},"
                         "{'id':'mut-5','kind':'post','entity_uid':'x','op':'delete'},"
                         "{'id':'mut-6','kind':'card','entity_uid':'card-x','op':'upsert',"
                         "'fields':{'campaign_uid':'nope','person_uid':'%s','stage_uid':'nope'}}]",
                         uid, uid);
  rejected = mutate (server->token, bad);
  g_assert_cmpstr (status_at (rejected, 0), ==, "rejected");
  g_assert_cmpstr (STR (OBJ (result_at (rejected, 0), "error"), "code"), ==, "invalid");
  g_assert_cmpstr (status_at (rejected, 1), ==, "rejected");
  g_assert_cmpstr (STR (OBJ (result_at (rejected, 2), "error"), "code"), ==,
                   "unknown_reference");

  created = mutate (server->token, "[{'id':'mut-7','kind':'saved_search','entity_uid':'search-1',"
                    "'op':'upsert','fields':{'name':'面膜 KOC','query':{'text':'面膜'}},"
                    "'base_rev':0}]");
  g_assert_cmpint (INT (result_at (created, 0), "rev"), ==, 1);

  after = pull_all (server->token);
  data = OBJ (find_uid (after, uid), "data");
  g_assert_cmpstr (STR (data, "stage"), ==, "ambassador");
  g_assert_cmpstr (STR (data, "owner"), ==, "Wang Fang");
  g_assert_cmpuint (json_array_get_length (ARR (data, "tags")), ==, 2);
  g_assert_cmpint (INT (find_uid (after, uid), "rev"), ==, rev + 2);
  g_assert_cmpstr (STR (OBJ (find_uid (after, "search-1"), "data"), "name"), ==, "面膜 KOC");

  deleted = mutate (server->token, "[{'id':'mut-8','kind':'saved_search',"
                    "'entity_uid':'search-1','op':'delete'}]");
  g_assert_cmpint (INT (result_at (deleted, 0), "rev"), ==, 2);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = pull_all (server->token);
  g_assert_true (BOOL (find_uid (after, "search-1"), "deleted"));
  g_assert_true (json_object_get_null_member (find_uid (after, "search-1"), "data"));
}

static void
test_search (void)
{
  /* q=面膜 */
  g_autoptr(Reply) reply = get ("v1/search?q=%E9%9D%A2%E8%86%9C&platform=xiaohongshu&limit=5");
  g_autoptr(Reply) bad = get ("v1/search?q=x&min_followers=-4");
  JsonArray *accounts;

  g_assert_cmpuint (reply->status, ==, 200);
  accounts = ARR (reply_object (reply), "accounts");
  g_assert_cmpuint (json_array_get_length (accounts), >, 0);
  g_assert_cmpuint (json_array_get_length (accounts), <=, 5);
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *hit = json_array_get_object_element (accounts, i);

      g_assert_cmpuint (strlen (STR (hit, "id")), ==, 32);
      g_assert_cmpstr (STR (hit, "platform"), ==, "xiaohongshu");
    }
  g_assert_cmpuint (bad->status, ==, 400);
}

static void
test_media_etag (void)
{
  g_autoptr(GPtrArray) feed = pull_all (server->token);
  JsonObject *account = OBJ (find_change (feed, "account", "avatar_sha256"), "data");
  const char *sha = STR (account, "avatar_sha256");
  g_autofree char *path = g_strconcat ("v1/media/", sha, NULL);
  g_autofree char *etag = g_strdup_printf ("\"%s\"", sha);
  g_autofree char *digest = NULL;
  g_autoptr(Reply) full = get (path);
  g_autoptr(Reply) cached = server_request (server, "GET", path, server->token, NULL, etag);
  g_autofree char *zeros = g_strnfill (64, '0');
  g_autofree char *missing_path = g_strconcat ("v1/media/", zeros, NULL);
  g_autoptr(Reply) missing = get (missing_path);
  g_autoptr(Reply) bad = get ("v1/media/nothex");

  g_assert_cmpuint (full->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (full->headers, "ETag"), ==, etag);
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, full->body);
  g_assert_cmpstr (digest, ==, sha);
  g_assert_cmpuint (cached->status, ==, 304);
  g_assert_cmpuint (g_bytes_get_size (cached->body), ==, 0);
  g_assert_cmpuint (missing->status, ==, 404);
  g_assert_cmpuint (bad->status, ==, 400);
}

static void
test_redemptions (void)
{
  g_autoptr(GPtrArray) feed = pull_all (server->token);
  JsonObject *code = OBJ (find_change (feed, "referral_code", "code"), "data");
  g_autofree char *path = g_strdup_printf ("v1/referrals/%s/redemptions", STR (code, "code"));
  g_autoptr(Reply) first = post (path, "{'order_ref':'TEST-ORDER-1','revenue_cents':12900}");
  g_autoptr(Reply) again = post (path, "{'order_ref':'TEST-ORDER-1','revenue_cents':12900}");
  g_autoptr(Reply) changed = post (path, "{'order_ref':'TEST-ORDER-1','revenue_cents':1}");
  g_autoptr(Reply) no_ref = post (path, "{'revenue_cents':1}");
  g_autoptr(Reply) unknown = post ("v1/referrals/NO-SUCH-CODE/redemptions", "{'order_ref':'x'}");
  g_autoptr(GPtrArray) after = NULL;
  const char *uid;

  g_assert_cmpuint (first->status, ==, 201);
  g_assert_true (BOOL (reply_object (first), "created"));
  uid = STR (OBJ (reply_object (first), "redemption"), "uid");
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_false (BOOL (reply_object (again), "created"));
  g_assert_cmpstr (STR (OBJ (reply_object (again), "redemption"), "uid"), ==, uid);
  g_assert_cmpuint (changed->status, ==, 409);
  g_assert_cmpstr (reply_error_code (changed), ==, "conflict");
  g_assert_cmpuint (no_ref->status, ==, 400);
  g_assert_cmpuint (unknown->status, ==, 404);

  after = pull_all (server->token);
  g_assert_cmpint (INT (OBJ (find_uid (after, uid), "data"), "revenue_cents"), ==, 12900);
}

static void
test_too_large (void)
{
  gsize size = 1024 * 1024 + 4096;
  g_autofree char *body = g_malloc (size + 1);
  g_autoptr(Reply) reply = NULL;

  memset (body, ' ', size);
  body[0] = '{';
  body[size - 1] = '}';
  body[size] = '\0';
  reply = server_request (server, "POST", "v1/mutations", server->token, body, NULL);
  g_assert_cmpuint (reply->status, ==, 413);
  g_assert_cmpstr (reply_error_code (reply), ==, "too_large");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = koc_test_make_tmp_dir ();
  server = server_start (dir, "--demo-scale", "0.02", "--rate-limit", "0", NULL);
  g_assert_nonnull (server->token);

  g_test_add_func ("/server/api/auth", test_auth);
  g_test_add_func ("/server/api/isolation", test_isolation);
  g_test_add_func ("/server/api/changes-paging", test_changes_paging);
  g_test_add_func ("/server/api/mutations", test_mutations);
  g_test_add_func ("/server/api/search", test_search);
  g_test_add_func ("/server/api/media-etag", test_media_etag);
  g_test_add_func ("/server/api/redemptions", test_redemptions);
  g_test_add_func ("/server/api/too-large", test_too_large);
  status = g_test_run ();

  g_assert_cmpint (server_stop (server), ==, 0);
  server_free (server);
  koc_test_rm_rf (dir);
  return status;
}
