/* koc-server-media-upload.c: PUT /v1/media/{sha256} — the bytes of a media row.
 *
 * A client that attached a file (kind person_file) or otherwise holds bytes the other
 * devices need uploads them here after pushing its edits. The rules:
 *
 *   - bearer token and rate limit as every route; the body-size limit is --max-media
 *     (32 MiB by default: media kits are often larger than --max-body's 1 MiB), and a
 *     body over it gets 413 `too_large`, before or after it is read (koc-server.c);
 *   - the SHA-256 of the body must be the path's (lowercase hex), else 400 `bad_hash`:
 *     media are content-addressed, so a name can never point at other bytes;
 *   - idempotent: the same bytes again change nothing and answer the same 200;
 *   - per workspace: the row goes into the token's workspace database only (the
 *     placeholder row a person_file mutation made gets its data), so another
 *     workspace's GET /v1/media of the same sha256 still answers 404.
 *
 * The hash is computed on the workspace store's worker, not on the main loop.
 * Answer: 200 {"sha256":"…","bytes":N,"stored":true|false} (false: it was there).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-server-private.h"

#define MIME_MAX 127

typedef struct
{
  char   *sha256;
  char   *mime;
  GBytes *body;
} MediaUpload;

static void
media_upload_free (MediaUpload *upload)
{
  g_free (upload->sha256);
  g_free (upload->mime);
  g_clear_pointer (&upload->body, g_bytes_unref);
  g_free (upload);
}

static gboolean
put_func (sqlite3       *db,
          gpointer       data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  MediaUpload *upload = data;
  g_autofree char *actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, upload->body);
  gsize size = g_bytes_get_size (upload->body);
  sqlite3_stmt *stmt = NULL;
  GString *json;
  int rc;

  if (g_strcmp0 (actual, upload->sha256) != 0)
    {
      *result = koc_api_response_new_error (400, "bad_hash",
                                            "The SHA-256 of the body is %s, not the %s"
                                            " of the path", actual, upload->sha256);
      return TRUE;
    }

  /* A placeholder (data NULL, made by a mutation naming the file) gets the bytes; a row
   * that has them is left alone (same sha256, same bytes). */
  if (!koc_db_prepare (db, "INSERT INTO media (sha256, mime, bytes, data)"
                       " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (sha256) DO UPDATE SET"
                       " mime = excluded.mime, bytes = excluded.bytes, data = excluded.data,"
                       " fetched_at = unixepoch () WHERE media.data IS NULL", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, upload->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, upload->mime, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64)size);
  /* A zero-length blob must still be non-NULL data. */
  sqlite3_bind_blob64 (stmt, 4, size > 0 ? g_bytes_get_data (upload->body, NULL) : "",
                       size, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not store the media", error);

  json = g_string_new ("{\"sha256\":");
  koc_json_append_string (json, upload->sha256);
  g_string_append_printf (json, ",\"bytes\":%" G_GSIZE_FORMAT ",\"stored\":%s}", size,
                          sqlite3_changes (db) > 0 ? "true" : "false");
  *result = koc_api_response_new_json (200, json);
  return TRUE;
}

/* "type/subtype" from the Content-Type header (parameters dropped), or the generic
 * type when there is none or it does not look like one. */
static char *
media_type (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  const char *slash;

  if (type == NULL || strlen (type) > MIME_MAX || (slash = strchr (type, '/')) == NULL ||
      slash == type || slash[1] == '\0')
    return g_strdup ("application/octet-stream");
  for (const char *p = type; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/+-.", *p) == NULL)
      return g_strdup ("application/octet-stream");
  return g_ascii_strdown (type, -1);
}

void
koc_server_route_media_upload (KocServerRequest *request)
{
  const char *sha256 = request->segments[1];
  MediaUpload *upload;

  if (!koc_server_media_name_ok (request))
    return;

  upload = g_new0 (MediaUpload, 1);
  upload->sha256 = g_strdup (sha256);
  upload->mime = media_type (request->msg);
  upload->body = koc_server_request_get_body (request);
  koc_server_request_run (request, TRUE, put_func, upload, (GDestroyNotify)media_upload_free);
}
