/* sync-test-utils.h: helpers of the sync engine tests — a client workspace, one sync
 * driven in the test's main context, and comparisons with the server's workspace file.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-store.h"
#include "koc-sync-engine.h"
#include "server-fixture.h"

G_BEGIN_DECLS

KocStore      *sync_test_open_store     (const char     *path);
/* Closes @store and waits until its connection is closed. */
void           sync_test_close_store    (KocStore       *store);
KocSyncEngine *sync_test_engine         (KocStore       *store,
                                         ServerProcess  *server,
                                         const char     *token);
gboolean       sync_test_run            (KocSyncEngine  *engine,
                                         GCancellable   *cancellable,
                                         KocSyncReport  *report,
                                         GError        **error);
typedef enum
{
  SYNC_TEST_OK,     /* the sync succeeds */
  SYNC_TEST_CLEAN,  /* … and nothing was skipped, conflicting or rejected */
} SyncTestCheck;

/* One sync of @store with @server (@token NULL: the server's demo token), asserted. */
void           sync_test_sync           (KocStore       *store,
                                         ServerProcess  *server,
                                         const char     *token,
                                         SyncTestCheck   check,
                                         KocSyncReport  *report);
/* A local edit through koc_sync_enqueue_async(); returns the client id. */
char          *sync_test_enqueue        (KocStore       *store,
                                         const char     *kind,
                                         const char     *uid,
                                         const char     *op,
                                         const char     *fields);
/* The first column of the first row of @sql on a read-only connection to @path. */
gint64         sync_test_int            (const char     *path,
                                         const char     *sql);
char          *sync_test_text           (const char     *path,
                                         const char     *sql);
/* sync_test_int() of a printf-formatted statement. */
gint64         sync_test_intf           (const char     *path,
                                         const char     *format,
                                         ...) G_GNUC_PRINTF (2, 3);
/* koc_sync_digest() of the synced content of @path. */
char          *sync_test_digest         (const char     *path);
char          *sync_test_server_file    (ServerProcess  *server);
/* Asserts that every entity of the server's workspace has the same JSON in the client's
 * file and that the client has no other; returns the number of entities. */
gint64         sync_test_assert_same    (const char     *server_file,
                                         const char     *client_file);

/* Kills the server if it still runs, then frees it. */
void           sync_test_server_free    (ServerProcess  *server);

G_END_DECLS
