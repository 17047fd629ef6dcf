/* koc-api-error.c: KocApiResponse and the {"error":{code,message}} format.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "koc-api-error.h"
#include "koc-store.h"

KocApiResponse *
koc_api_response_new_json (guint    status,
                           GString *json)
{
  KocApiResponse *response = g_new0 (KocApiResponse, 1);
  gsize len = json->len;

  response->status = status;
  response->body = g_bytes_new_take (g_string_free (json, FALSE), len);
  return response;
}

void
koc_json_append_string (GString    *out,
                        const char *str)
{
  if (str == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

KocApiResponse *
koc_api_response_new_error (guint       status,
                            const char *code,
                            const char *format,
                            ...)
{
  g_autofree char *message = NULL;
  GString *json = g_string_new ("{\"error\":{\"code\":");
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  koc_json_append_string (json, code);
  g_string_append (json, ",\"message\":");
  koc_json_append_string (json, message);
  g_string_append (json, "}}");
  return koc_api_response_new_json (status, json);
}

KocApiResponse *
koc_api_response_new_from_error (const GError *error)
{
  KocApiResponse *response;

  if (error->domain == JSON_PARSER_ERROR)
    return koc_api_response_new_error (400, "bad_request", "The body is not valid JSON: %s",
                                       error->message);

  if (error->domain == KOC_STORE_ERROR)
    {
      switch ((KocStoreError)error->code)
        {
        case KOC_STORE_ERROR_BUSY:
          response = koc_api_response_new_error (503, "busy", "The workspace is busy; retry");
          response->retry_after = 1;
          return response;
        case KOC_STORE_ERROR_FULL:
          return koc_api_response_new_error (507, "storage_full",
                                             "The server's disk is full");
        case KOC_STORE_ERROR_INVALID:
        case KOC_STORE_ERROR_CONSTRAINT:
          return koc_api_response_new_error (400, "invalid", "%s", error->message);
        case KOC_STORE_ERROR_NOT_FOUND:
          return koc_api_response_new_error (404, "not_found", "%s", error->message);
        case KOC_STORE_ERROR_FAILED:
        case KOC_STORE_ERROR_NOT_A_DATABASE:
        case KOC_STORE_ERROR_CORRUPT:
        case KOC_STORE_ERROR_TOO_NEW:
        case KOC_STORE_ERROR_READ_ONLY:
        default:
          break;
        }
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      response = koc_api_response_new_error (503, "shutting_down",
                                             "The server is shutting down; retry");
      response->retry_after = 1;
      return response;
    }

  /* The detail goes to the server's log (koc-server.c), not to the client. */
  return koc_api_response_new_error (500, "internal", "The server could not complete the request");
}

void
koc_api_response_free (KocApiResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->content_type);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response->etag);
  g_free (response->cache_control);
  g_free (response->feed_next);
  g_free (response);
}
