/* koc-server-discover.c: remote discovery and media.
 *
 *   GET  /v1/search?q=&platform=&min_followers=&limit=&offset=   koc_search_accounts() over
 *        the token's workspace, a page of `limit` hits from `offset`; `next_offset` (only
 *        when more hits follow) is the offset of the next page. Each hit with its account
 *        and person uids, so the client can
 *        save it into its own workspace: `entities` holds the hit's person and account
 *        as changes of the feed (kind, id, rev, deleted, data), which the client applies
 *        like a page of GET /v1/changes, so a later sync updates them instead of adding
 *        copies
 *   GET  /v1/media/{sha256}   the bytes, ETag "<sha256>" (content-addressed: immutable);
 *        If-None-Match with that ETag → 304 without a body
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-server-entities.h"
#include "koc-server-private.h"

static void
append_number_member (GString    *out,
                      const char *name,
                      gint64      value)
{
  g_string_append_printf (out, ",\"%s\":%" G_GINT64_FORMAT, name, value);
}

static void
append_string_member (GString    *out,
                      const char *name,
                      const char *value)
{
  g_string_append_printf (out, ",\"%s\":", name);
  koc_json_append_string (out, value);
}

/* Locale-independent: a server started under a locale with a decimal comma must still
 * write JSON numbers. */
static void
append_double_member (GString    *out,
                      const char *name,
                      double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, ",\"%s\":%s", name,
                          g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

/* ,"entities":[{person change},{account change}] — the shape of GET /v1/changes. */
static gboolean
append_entities (GString         *json,
                 KocEntityCache  *cache,
                 const char      *account_uid,
                 const char      *person_uid,
                 GError         **error)
{
  const char *kinds[] = { "person", "account" };
  const char *uids[] = { person_uid, account_uid };
  gboolean first = TRUE;

  g_string_append (json, ",\"entities\":[");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *entity = NULL;
      gint64 rev = 0, seq = 0;

      if (uids[i] == NULL)
        continue;
      if (!koc_entity_get_rev (cache, kinds[i], uids[i], &rev, &seq, error) ||
          !koc_entity_get_json (cache, koc_entity_kind_lookup (kinds[i]), uids[i], &entity, error))
        return FALSE;
      if (entity == NULL)
        continue;
      g_string_append_printf (json, "%s{\"kind\":\"%s\",\"id\":", first ? "" : ",", kinds[i]);
      koc_json_append_string (json, uids[i]);
      g_string_append_printf (json, ",\"rev\":%" G_GINT64_FORMAT ",\"deleted\":false,\"data\":%s}",
                              rev, entity);
      first = FALSE;
    }
  g_string_append_c (json, ']');
  return TRUE;
}

static gboolean
search_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  KocSearchQuery *query = data;
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) json = g_string_new ("{\"accounts\":[");
  sqlite3_stmt *stmt = NULL;

  guint shown;

  /* The route asked for one hit more than the page: it says whether another page follows. */
  if ((hits = koc_search_accounts (db, query, error)) == NULL)
    return FALSE;
  shown = MIN (hits->len, query->limit - 1);
  if (!koc_db_prepare (db, "SELECT a.uid, p.uid FROM accounts a LEFT JOIN people p"
                       " ON p.id = a.person_id WHERE a.id = ?1", &stmt, error))
    return FALSE;

  for (guint i = 0; i < shown; i++)
    {
      KocAccountHit *hit = g_ptr_array_index (hits, i);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, hit->account_id);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        {
          sqlite3_finalize (stmt);
          return koc_db_set_error (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
                                   "Could not read a search hit", error);
        }
      g_string_append_printf (json, "%s{\"id\":", i > 0 ? "," : "");
      koc_json_append_string (json, (const char *)sqlite3_column_text (stmt, 0));
      append_string_member (json, "person_uid", (const char *)sqlite3_column_text (stmt, 1));
      append_string_member (json, "platform", hit->platform);
      append_string_member (json, "handle", hit->handle);
      append_string_member (json, "display_name", hit->display_name);
      append_number_member (json, "followers", hit->followers);
      append_double_member (json, "engagement_rate", MAX (hit->engagement_rate, 0));
      append_string_member (json, "tier", hit->tier);
      if (hit->koc_score >= 0)
        append_double_member (json, "koc_score", hit->koc_score);
      append_string_member (json, "stage", hit->stage);
      append_string_member (json, "region", hit->region);
      append_string_member (json, "category", hit->category);
      append_number_member (json, "last_post_at", hit->last_post_at);
      append_number_member (json, "mention_count", hit->mention_count);
      append_double_member (json, "relevance", hit->relevance);
      append_string_member (json, "snippet", hit->snippet);
      if (!append_entities (json, cache, (const char *)sqlite3_column_text (stmt, 0),
                            (const char *)sqlite3_column_text (stmt, 1), error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      g_string_append_c (json, '}');
    }
  sqlite3_finalize (stmt);
  g_string_append_c (json, ']');
  if (hits->len > shown)
    append_number_member (json, "next_offset", (gint64) query->offset + shown);
  g_string_append_c (json, '}');
  *result = koc_api_response_new_json (200, g_steal_pointer (&json));
  return TRUE;
}

void
koc_server_route_search (KocServerRequest *request)
{
  g_autoptr(KocSearchQuery) query = koc_search_query_new ();
  const char *q = koc_server_request_get_query (request, "q");
  const char *platform = koc_server_request_get_query (request, "platform");
  gint64 min_followers, limit, offset;

  if (!koc_server_parse_count (koc_server_request_get_query (request, "min_followers"), -1,
                               &min_followers) ||
      !koc_server_parse_count (koc_server_request_get_query (request, "limit"),
                               KOC_SEARCH_DEFAULT_LIMIT, &limit) || limit == 0 ||
      !koc_server_parse_count (koc_server_request_get_query (request, "offset"), 0, &offset) ||
      offset > G_MAXINT32)
    {
      koc_server_request_respond (request,
                                  koc_api_response_new_error (400, "bad_request",
                                                              "min_followers, limit and offset must"
                                                              " be non-negative integers"));
      return;
    }

  query->text = g_strdup (q != NULL && *q != '\0' ? q : NULL);
  if (platform != NULL && *platform != '\0')
    query->platforms = g_strsplit (platform, ",", -1);
  query->min_followers = min_followers;
  /* One more than the page, to know whether another follows (search_func). */
  query->limit = MIN (limit, KOC_SEARCH_MAX_LIMIT) + 1;
  query->offset = offset;
  koc_server_request_run (request, FALSE, search_func, g_steal_pointer (&query),
                          (GDestroyNotify)koc_search_query_free);
}

typedef struct
{
  char     *sha256;
  gboolean  not_modified; /* If-None-Match names this ETag */
} MediaQuery;

static void
media_query_free (MediaQuery *query)
{
  g_free (query->sha256);
  g_free (query);
}

static gboolean
media_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  MediaQuery *query = data;
  KocApiResponse *response;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT mime, CASE WHEN ?2 THEN NULL ELSE data END,"
                       " data IS NOT NULL FROM media WHERE sha256 = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, query->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, query->not_modified);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 2))
    {
      response = g_new0 (KocApiResponse, 1);
      response->status = query->not_modified ? 304 : 200;
      response->etag = g_strdup_printf ("\"%s\"", query->sha256);
      response->cache_control = g_strdup ("private, max-age=31536000, immutable");
      response->content_type = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      if (!query->not_modified)
        response->body = g_bytes_new (sqlite3_column_blob (stmt, 1),
                                      sqlite3_column_bytes (stmt, 1));
      *result = response;
    }
  else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    *result = koc_api_response_new_error (404, "not_found", "No such media in this workspace");
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not read media", error);
  return TRUE;
}

gboolean
koc_server_media_name_ok (KocServerRequest *request)
{
  const char *name = request->segments[1];
  gboolean ok = strlen (name) == 64;

  for (const char *p = name; ok && *p != '\0'; p++)
    ok = g_ascii_isxdigit (*p) && !g_ascii_isupper (*p);
  if (!ok)
    koc_server_request_respond (request,
                                koc_api_response_new_error (400, "bad_request",
                                                            "Media are named by the lowercase"
                                                            " hex SHA-256 of their bytes"));
  return ok;
}

void
koc_server_route_media (KocServerRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *if_none_match = soup_message_headers_get_one (headers, "If-None-Match");
  const char *sha256 = request->segments[1];
  MediaQuery *query;

  if (!koc_server_media_name_ok (request))
    return;

  query = g_new0 (MediaQuery, 1);
  query->sha256 = g_strdup (sha256);
  if (if_none_match != NULL)
    {
      g_autofree char *etag = g_strdup_printf ("\"%s\"", sha256);

      query->not_modified = strstr (if_none_match, etag) != NULL ||
                            g_strcmp0 (if_none_match, "*") == 0;
    }
  koc_server_request_run (request, FALSE, media_func, query, (GDestroyNotify)media_query_free);
}
