/* koc-server-private.h: what the files of src/server share.
 *
 *   koc-server.c            SoupServer, routing, request lifecycle, logs, shutdown
 *   koc-server-auth.c       bearer tokens → workspace, token-bucket rate limit
 *   koc-server-workspace.c  one KocStore per workspace; the server tables; snapshot
 *   koc-server-entities.c   entity kinds: tables, JSON of a row, mutable fields
 *   koc-server-changes.c    GET /v1/changes
 *   koc-server-mutations.c  POST /v1/mutations
 *   koc-server-apply.c      one mutation: fields, conflicts, change records
 *   koc-server-discover.c   GET /v1/search, GET /v1/media/{sha256}
 *   koc-server-media-upload.c  PUT /v1/media/{sha256}
 *   koc-server-referrals.c  POST /v1/referrals/{code}/redemptions
 *   koc-server-registry.c   the registry file: workspaces and hashed tokens
 *
 * Threads: everything in KocServer runs on the main thread; the endpoint functions
 * (KocStoreFunc) run on the workspace store's worker and return a KocApiResponse.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "koc-api-error.h"
#include "koc-server.h"
#include "koc-server-registry.h"
#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_CHANGES_DEFAULT_LIMIT 100
#define KOC_CHANGES_MAX_LIMIT     500
#define KOC_MUTATIONS_MAX         500
#define KOC_SEARCH_DEFAULT_LIMIT  20
#define KOC_SEARCH_MAX_LIMIT      100

typedef struct _KocServerWorkspace KocServerWorkspace;
typedef struct _KocServerRequest   KocServerRequest;

struct _KocServer
{
  GObject            parent_instance;

  KocServerOptions   options;     /* strings owned below */
  char              *db_path;
  char              *data_dir;
  char              *tls_cert;
  char              *tls_key;

  SoupServer        *soup;
  KocRegistry       *registry;
  GHashTable        *workspaces;  /* name → KocServerWorkspace */
  GHashTable        *buckets;     /* token id (gint64*) → RateBucket */
  GCancellable      *cancellable; /* cancelled at shutdown: background work */

  guint              in_flight;   /* handlers whose response is not yet written */
  gboolean           shutting_down;
  GTask             *shutdown_task;
  guint              shutdown_timeout_id;
};

typedef void (*KocServerRoute) (KocServerRequest *request);

struct _KocServerRequest
{
  KocServer          *server;     /* owned */
  SoupServerMessage  *msg;        /* owned */
  char               *method;
  char               *path;
  GHashTable         *query;      /* nullable, owned */
  GStrv               segments;   /* path split on '/' (after "/v1/") */
  gint64              started;    /* monotonic µs */
  gint64              token_id;
  char               *workspace;
  gboolean            paused;
  gboolean            done;
};

struct _KocServerWorkspace
{
  KocServer   *server;    /* unowned: the server owns the workspaces */
  char        *name;
  KocStore    *store;     /* NULL while opening */
  GError      *error;     /* the open failed */
  GPtrArray   *waiting;   /* KocServerRequest* waiting for the store, + a func */
  guint        pending;   /* background jobs (snapshot) not yet finished */
};

/* koc-server.c */
void      koc_server_request_respond   (KocServerRequest *request,
                                        KocApiResponse   *response);
void      koc_server_request_run       (KocServerRequest *request,
                                        gboolean          write,
                                        KocStoreFunc      func,
                                        gpointer          data,
                                        GDestroyNotify    data_destroy);
GBytes   *koc_server_request_get_body  (KocServerRequest *request);
const char *koc_server_request_get_query (KocServerRequest *request,
                                          const char       *name);
void      koc_server_check_idle        (KocServer        *self);

/* koc-server-changes.c: a non-negative integer query parameter (@fallback when absent) */
gboolean  koc_server_parse_count       (const char       *text,
                                        gint64            fallback,
                                        gint64           *value);

/* koc-server-auth.c */
gboolean  koc_server_authenticate      (KocServerRequest *request);
gboolean  koc_server_rate_limit        (KocServerRequest *request);

/* koc-server-workspace.c */
typedef void (*KocWorkspaceReadyFunc) (KocServerRequest *request,
                                       KocStore         *store);
void      koc_server_with_workspace    (KocServerRequest      *request,
                                        KocWorkspaceReadyFunc  func);
void      koc_server_workspace_free    (KocServerWorkspace    *workspace);
gboolean  koc_server_workspaces_busy   (KocServer             *self);
gboolean  koc_server_prepare_db        (sqlite3               *db,
                                        GCancellable          *cancellable,
                                        GError               **error);

/* koc-server-changes.c, -mutations.c, -discover.c, -referrals.c:
 * the routes, called once the request is authenticated. */
void      koc_server_route_changes     (KocServerRequest *request);
void      koc_server_route_mutations   (KocServerRequest *request);
void      koc_server_route_search      (KocServerRequest *request);
void      koc_server_route_media       (KocServerRequest *request);
/* TRUE when the path names media as the API does (the lowercase hex SHA-256 of the
 * bytes); else answers 400 and returns FALSE. */
gboolean  koc_server_media_name_ok     (KocServerRequest *request);
void      koc_server_route_media_upload (KocServerRequest *request);
void      koc_server_route_redemptions (KocServerRequest *request);

G_END_DECLS
