/* koc-server-auth.c: bearer tokens and the per-token rate limit.
 *
 * Auth: "Authorization: Bearer koc_…" → the registry → the one workspace of that
 * token. Missing, malformed, unknown and revoked tokens all get the same 401, so the
 * answer tells nothing about which tokens exist. A valid token whose workspace file
 * has gone (removed by an administrator) gets 403.
 *
 * Rate limit: one token bucket per token — `rate_burst` requests at once, refilled at
 * `rate_limit` per second. An empty bucket answers 429 with Retry-After: the whole
 * seconds until one request is available again.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include <math.h>
#include <string.h>

#include "koc-server-private.h"

typedef struct
{
  double tokens;
  gint64 updated; /* monotonic µs */
} RateBucket;

gboolean
koc_server_authenticate (KocServerRequest *request)
{
  KocServer *self = request->server;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  const char *token = NULL;
  gint64 id = 0;

  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    {
      token = authorization + 7;
      while (*token == ' ')
        token++;
    }

  if (token == NULL || !koc_registry_lookup (self->registry, token, &id, &workspace))
    {
      koc_server_request_respond (request,
                                  koc_api_response_new_error (401, "unauthorized",
                                                              "A valid bearer token is"
                                                              " required"));
      return FALSE;
    }

  request->token_id = id;
  request->workspace = g_steal_pointer (&workspace);

  path = koc_registry_workspace_path (self->registry, request->workspace);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      koc_server_request_respond (request,
                                  koc_api_response_new_error (403, "workspace_unavailable",
                                                              "The token's workspace is not"
                                                              " available on this server"));
      return FALSE;
    }
  return TRUE;
}

gboolean
koc_server_rate_limit (KocServerRequest *request)
{
  KocServer *self = request->server;
  double rate = self->options.rate_limit;
  double burst = self->options.rate_burst;
  gint64 now = g_get_monotonic_time ();
  KocApiResponse *response;
  RateBucket *bucket;

  if (rate <= 0)
    return TRUE;

  bucket = g_hash_table_lookup (self->buckets, &request->token_id);
  if (bucket == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = request->token_id;
      bucket = g_new0 (RateBucket, 1);
      bucket->tokens = burst;
      bucket->updated = now;
      g_hash_table_insert (self->buckets, key, bucket);
    }

  bucket->tokens = MIN (burst, bucket->tokens + (now - bucket->updated) * rate / G_USEC_PER_SEC);
  bucket->updated = now;
  if (bucket->tokens >= 1.0)
    {
      bucket->tokens -= 1.0;
      return TRUE;
    }

  response = koc_api_response_new_error (429, "rate_limited",
                                         "Too many requests for this token; retry later");
  response->retry_after = MAX (1, (guint)ceil ((1.0 - bucket->tokens) / rate));
  koc_server_request_respond (request, response);
  return FALSE;
}
