/* server-fixture.h: a real kocdesk-server process for the tests, and an HTTP client.
 *
 * The server binary comes from $KOCDESK_SERVER. It listens on 127.0.0.1 port 0 and the
 * fixture reads its URL (and the demo token) from its stdout. The client is a
 * SoupSession driven asynchronously in the test's main context.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char        *dir;       /* owned by the caller */
  char        *db;        /* dir/registry.db */
  GSubprocess *process;
  char        *url;       /* "http://127.0.0.1:PORT/" */
  char        *token;     /* the demo token, when --demo-scale was given */
  SoupSession *session;
} ServerProcess;

typedef struct
{
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
  JsonNode           *json;     /* NULL unless the body is JSON */
} Reply;

/* Starts kocdesk-server --db DIR/registry.db --listen 127.0.0.1:0 and the NULL-
 * terminated extra arguments; returns once the URL is printed. */
ServerProcess *server_start          (const char     *dir,
                                      ...) G_GNUC_NULL_TERMINATED;
/* SIGTERM, then waits; returns the exit status (0 = clean). */
int            server_stop           (ServerProcess  *server);
void           server_free           (ServerProcess  *server);

/* Runs `kocdesk-server ARGS… --db DB` to its end; returns the exit status and stdout. */
int            server_cli            (const char     *db,
                                      char          **out,
                                      ...) G_GNUC_NULL_TERMINATED;

/* One request; @token and @body may be NULL. @path is relative to the URL ("v1/…"). */
Reply         *server_request        (ServerProcess  *server,
                                      const char     *method,
                                      const char     *path,
                                      const char     *token,
                                      const char     *body,
                                      const char     *if_none_match);
void           reply_free            (Reply          *reply);

JsonObject    *reply_object          (Reply          *reply);
/* The error code of an error reply ({"error":{"code"}}). */
const char    *reply_error_code      (Reply          *reply);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

G_END_DECLS
