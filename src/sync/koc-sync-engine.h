/* koc-sync-engine.h: the client of the sync API v1 (docs/api-v1.yaml).
 *
 * One sync = push the outbox (batches of at most 500 edits, oldest first), upload the
 * bytes of local media the server lacks (koc-sync-media.h), then pull the change feed
 * page by page from the stored cursor. Each page is applied TOGETHER with
 * its new cursor in one store transaction, so an interrupted sync (cancelled, network
 * gone, server killed) resumes exactly where it stopped, without duplicates or gaps.
 *
 * Threads: HTTP runs on the main context with one SoupSession and the async API only;
 * SQLite runs on the KocStore worker. JSON pages are applied by SQLite's JSON functions
 * on the worker (see koc-sync-store.c), never parsed on the UI thread.
 *
 * Conflict rule, client side (see also koc-sync-store.h): the server's value wins in the
 * local tables; the user's value is kept in sync_conflicts (with the server's) for the
 * UI to offer, and the outbox row stays 'failed' with last_error 'conflict'.
 *
 * Errors: 5xx and transport errors are retried with exponential backoff with jitter
 * (retry-base-ms · 2^n · [0.5, 1), capped at 60 s, at most max-retries times); 429 and
 * 503 wait for Retry-After; 401/403 stop at once with state ERROR and a message that
 * sends the user to Preferences. When GNetworkMonitor says the server cannot be
 * reached the state is OFFLINE and nothing is tried. Cancelling stops between requests
 * and pages; a page being applied is rolled back whole.
 *
 * The token is given by the caller (from the keyring, koc-sync-token.h) and is only
 * ever put into the Authorization header: never logged, never stored.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_SYNC_ERROR (koc_sync_error_quark ())

typedef enum
{
  KOC_SYNC_ERROR_FAILED,
  KOC_SYNC_ERROR_OFFLINE,      /* no network to the server */
  KOC_SYNC_ERROR_UNAUTHORIZED, /* 401/403: the token was refused */
  KOC_SYNC_ERROR_UNREACHABLE,  /* transport errors and 5xx after the retries */
  KOC_SYNC_ERROR_PROTOCOL,     /* an answer the client cannot use (4xx, bad JSON) */
  KOC_SYNC_ERROR_BUSY,         /* a sync is already running */
} KocSyncError;

typedef enum
{
  KOC_SYNC_ENGINE_IDLE,
  KOC_SYNC_ENGINE_SYNCING,
  KOC_SYNC_ENGINE_OFFLINE,
  KOC_SYNC_ENGINE_ERROR,
} KocSyncEngineState;

typedef struct
{
  guint   pushed;       /* edits the server applied */
  guint   conflicts;    /* edits answered `conflict` (recorded in sync_conflicts) */
  guint   rejected;
  gint64  pulled;       /* changes received */
  gint64  skipped;      /* changes that could not be stored locally */
  guint   pages;
  guint64 bytes;        /* response bytes */
  guint   retries;      /* backoff waits after 5xx or transport errors */
  guint   rate_limited; /* Retry-After waits after 429 */
  double  seconds;
  guint   uploaded;       /* media whose bytes the server stored (PUT /v1/media) */
  guint   upload_refused; /* media the server refused (400 wrong hash, 413 too large) */
  guint64 uploaded_bytes; /* request bytes of those uploads (also counted in `bytes`) */
} KocSyncReport;

#define KOC_TYPE_SYNC_ENGINE_STATE (koc_sync_engine_state_get_type ())
#define KOC_TYPE_SYNC_ENGINE (koc_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (KocSyncEngine, koc_sync_engine, KOC, SYNC_ENGINE, GObject)

GQuark         koc_sync_error_quark            (void);
GType          koc_sync_engine_state_get_type         (void) G_GNUC_CONST;

/* @server_url: e.g. "https://sync.example.com/" (the API is under v1/). The construct
 * property "network-monitor" replaces g_network_monitor_get_default () (tests). */
KocSyncEngine *koc_sync_engine_new             (KocStore        *store,
                                                const char      *server_url,
                                                const char      *token);

void           koc_sync_engine_sync_async      (KocSyncEngine   *self,
                                                GCancellable    *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer         user_data);
/* @out_report (optional) is filled on success and on failure (what was done). */
gboolean       koc_sync_engine_sync_finish     (KocSyncEngine   *self,
                                                GAsyncResult    *result,
                                                KocSyncReport   *out_report,
                                                GError         **error);

KocSyncEngineState   koc_sync_engine_get_state       (KocSyncEngine   *self);
/* (nullable): the end of the last successful sync. */
GDateTime     *koc_sync_engine_get_last_synced (KocSyncEngine   *self);
/* (nullable): a translated sentence for the state ERROR or OFFLINE. */
const char    *koc_sync_engine_get_error_message (KocSyncEngine *self);
gint64         koc_sync_engine_get_items       (KocSyncEngine   *self);
guint64        koc_sync_engine_get_bytes       (KocSyncEngine   *self);
double         koc_sync_engine_get_rate        (KocSyncEngine   *self);

/* Tuning (the properties page-size, max-retries, retry-base-ms). */
void           koc_sync_engine_set_page_size   (KocSyncEngine   *self,
                                                guint            page_size);
void           koc_sync_engine_set_max_retries (KocSyncEngine   *self,
                                                guint            max_retries);
void           koc_sync_engine_set_retry_base_ms (KocSyncEngine *self,
                                                  guint          retry_base_ms);
/* Seconds a request may wait for the server's answer (default 60). */
void           koc_sync_engine_set_timeout     (KocSyncEngine   *self,
                                                guint            seconds);

G_END_DECLS
