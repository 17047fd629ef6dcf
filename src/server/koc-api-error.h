/* koc-api-error.h: the server's responses, and the API's one error format.
 *
 * Every endpoint's work produces a KocApiResponse (on the store's worker or on the
 * main thread); koc-server.c copies it into the SoupServerMessage. Errors are always
 * {"error":{"code":"…","message":"…"}}: `code` is a stable machine word, `message`
 * English protocol text for logs and developers (never translated: the client shows
 * its own translated sentence for each code).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   status;
  char   *content_type;  /* NULL → application/json */
  GBytes *body;          /* NULL → empty */
  char   *etag;          /* nullable, already quoted */
  guint   retry_after;   /* seconds; 0 → no Retry-After header */
  char   *cache_control; /* nullable */
  char   *feed_next;     /* nullable: the Koc-Feed-Next header of a change page */
} KocApiResponse;

KocApiResponse *koc_api_response_new_json   (guint           status,
                                             GString        *json);
KocApiResponse *koc_api_response_new_error  (guint           status,
                                             const char     *code,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (3, 4);
/* An error response for a store or decoding failure (5xx, 503 when busy, …). */
KocApiResponse *koc_api_response_new_from_error (const GError *error);
void            koc_api_response_free       (KocApiResponse *response);

/* Appends @str (UTF-8; NULL → null) as a JSON string literal. */
void            koc_json_append_string      (GString        *out,
                                             const char     *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocApiResponse, koc_api_response_free)

G_END_DECLS
