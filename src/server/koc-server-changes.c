/* koc-server-changes.c: GET /v1/changes?since=SEQ&limit=N — the change feed.
 *
 * Reads at most limit + 1 rows of `changes` after `since` (the +1 only tells whether
 * there is more). For each change the page carries the entity's CURRENT value and rev,
 * and a change that a later change of the same entity supersedes is left out (the
 * later one carries the same value): a client that applies every page in order, in one
 * transaction with `next`, ends with exactly the server's state. `next` is the seq of
 * the last change read (skipped or not), so paging never stalls on a superseded row.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include "koc-db.h"
#include "koc-server-entities.h"
#include "koc-server-private.h"

typedef struct
{
  gint64 since;
  gint64 limit;
} ChangesQuery;

static gboolean
changes_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  ChangesQuery *query = data;
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  g_autoptr(GString) json = g_string_new ("{\"changes\":[");
  sqlite3_stmt *stmt = NULL;
  gint64 next = query->since;
  gboolean more = FALSE, first = TRUE;
  KocApiResponse *response;
  gint64 n = 0;
  int rc;

  if (!koc_db_prepare (db, "SELECT seq, kind, uid FROM changes WHERE seq > ?1"
                       " ORDER BY seq LIMIT ?2", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, query->since);
  sqlite3_bind_int64 (stmt, 2, query->limit + 1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *kind_name = (const char *)sqlite3_column_text (stmt, 1);
      const char *uid = (const char *)sqlite3_column_text (stmt, 2);
      const KocEntityKind *kind = koc_entity_kind_lookup (kind_name);
      g_autofree char *entity = NULL;
      gint64 rev = 0, last_seq = 0;

      if (++n > query->limit)
        {
          more = TRUE;
          break;
        }
      next = seq;

      if (kind == NULL ||
          !koc_entity_get_rev (cache, kind_name, uid, &rev, &last_seq, error) ||
          !koc_entity_get_json (cache, kind, uid, &entity, error))
        {
          if (kind == NULL)
            g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED,
                         "Unknown kind %s in the change feed", kind_name);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (last_seq > seq)
        continue; /* superseded: the later change carries the current value */

      if (!first)
        g_string_append_c (json, ',');
      first = FALSE;
      g_string_append_printf (json, "{\"seq\":%" G_GINT64_FORMAT ",\"kind\":", seq);
      koc_json_append_string (json, kind_name);
      g_string_append (json, ",\"id\":");
      koc_json_append_string (json, uid);
      g_string_append_printf (json, ",\"rev\":%" G_GINT64_FORMAT ",\"deleted\":%s,\"data\":%s}",
                              rev, entity == NULL ? "true" : "false",
                              entity == NULL ? "null" : entity);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not read the change feed", error);

  g_string_append_printf (json, "],\"next\":%" G_GINT64_FORMAT ",\"more\":%s}",
                          next, more ? "true" : "false");
  response = koc_api_response_new_json (200, g_steal_pointer (&json));
  /* `next` and `more` again, where a client reads them before the body: it can ask for
   * the next page while it still applies this one. */
  response->feed_next = g_strdup_printf ("%" G_GINT64_FORMAT " %s", next,
                                         more ? "more" : "end");
  *result = response;
  return TRUE;
}

/* Parses a non-negative integer parameter; @fallback when absent. */
gboolean
koc_server_parse_count (const char *text,
                        gint64      fallback,
                        gint64     *value)
{
  guint64 parsed;

  if (text == NULL || *text == '\0')
    {
      *value = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &parsed, NULL))
    return FALSE;
  *value = (gint64)parsed;
  return TRUE;
}

void
koc_server_route_changes (KocServerRequest *request)
{
  ChangesQuery *query = g_new0 (ChangesQuery, 1);

  if (!koc_server_parse_count (koc_server_request_get_query (request, "since"), 0,
                               &query->since) ||
      !koc_server_parse_count (koc_server_request_get_query (request, "limit"),
                               KOC_CHANGES_DEFAULT_LIMIT, &query->limit) ||
      query->limit == 0)
    {
      g_free (query);
      koc_server_request_respond (request,
                                  koc_api_response_new_error (400, "bad_request",
                                                              "since and limit must be"
                                                              " non-negative integers,"
                                                              " limit at least 1"));
      return;
    }
  query->limit = MIN (query->limit, KOC_CHANGES_MAX_LIMIT);
  koc_server_request_run (request, FALSE, changes_func, query, g_free);
}
