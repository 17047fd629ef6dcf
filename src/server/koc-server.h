/* koc-server.h: KocServer, the reference implementation of the sync API v1
 * (docs/api-v1.json) over a registry of tokens and one KocStore per workspace.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  const char *db_path;        /* the registry (tokens, workspaces) */
  const char *data_dir;       /* workspace files; NULL → "workspaces" next to db_path */
  const char *tls_cert;       /* PEM files; both NULL → plain HTTP */
  const char *tls_key;
  double      rate_limit;     /* requests per second per token; <= 0 → no limit */
  guint       rate_burst;     /* bucket size; 0 → max (1, 2 × rate_limit) */
  gsize       max_body;       /* bytes; 0 → 1 MiB */
  gsize       max_media;      /* bytes of a PUT /v1/media body; 0 → 32 MiB */
} KocServerOptions;

#define KOC_SERVER_DEFAULT_MAX_BODY (1024 * 1024)
#define KOC_SERVER_DEFAULT_MAX_MEDIA (32 * 1024 * 1024)

#define KOC_TYPE_SERVER (koc_server_get_type ())
G_DECLARE_FINAL_TYPE (KocServer, koc_server, KOC, SERVER, GObject)

/* Opens (creating when missing) the registry. */
KocServer  *koc_server_new             (const KocServerOptions *options,
                                        GError                **error);

/* @address: "HOST:PORT" (port 0 picks a free port). Returns the base URL
 * ("http://127.0.0.1:43121/"), or NULL with @error set. */
char       *koc_server_listen          (KocServer              *self,
                                        const char             *address,
                                        GError                **error);

/* Stops accepting, answers 503 to new requests on open connections, lets the requests
 * in flight finish, then closes every connection and workspace. @callback runs in the
 * thread-default main context once everything is closed. */
void        koc_server_shutdown_async  (KocServer              *self,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data);
gboolean    koc_server_shutdown_finish (KocServer              *self,
                                        GAsyncResult           *result,
                                        GError                **error);

G_END_DECLS
