/* koc-store.h: one workspace database, used from the main thread.
 *
 * A KocStore owns the SQLite connection of one workspace file. Every call that touches
 * SQLite runs on the store's own worker thread (a GThreadPool of one thread, so calls run
 * in the order they were made) and returns through GTask to the caller's main context:
 * the UI thread never waits on the disk. Each async call takes a GCancellable that
 * interrupts a running statement (sqlite3_progress_handler) with G_IO_ERROR_CANCELLED.
 *
 * The same object serves the app, kocdesk-cli and kocdesk-server.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "koc-search.h"

G_BEGIN_DECLS

#define KOC_STORE_ERROR (koc_store_error_quark ())

typedef enum
{
  KOC_STORE_ERROR_FAILED,
  KOC_STORE_ERROR_NOT_A_DATABASE, /* not an SQLite file, or encrypted */
  KOC_STORE_ERROR_CORRUPT,        /* SQLITE_CORRUPT or integrity_check failed */
  KOC_STORE_ERROR_TOO_NEW,        /* user_version newer than this build knows */
  KOC_STORE_ERROR_NOT_FOUND,      /* no such file (and KOC_STORE_OPEN_CREATE not given) */
  KOC_STORE_ERROR_READ_ONLY,
  KOC_STORE_ERROR_BUSY,
  KOC_STORE_ERROR_FULL,           /* disk full */
  KOC_STORE_ERROR_CONSTRAINT,
  KOC_STORE_ERROR_INVALID,        /* bad argument, e.g. an unknown field */
} KocStoreError;

typedef enum
{
  KOC_STORE_OPEN_DEFAULT   = 0,
  KOC_STORE_OPEN_CREATE    = 1 << 0, /* create the file and schema when missing */
  KOC_STORE_OPEN_READ_ONLY = 1 << 1,
} KocStoreOpenFlags;

#define KOC_TYPE_STORE (koc_store_get_type ())
G_DECLARE_FINAL_TYPE (KocStore, koc_store, KOC, STORE, GObject)

GQuark           koc_store_error_quark       (void);

void             koc_store_open_async        (const char           *path,
                                              KocStoreOpenFlags     flags,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
G_GNUC_WARN_UNUSED_RESULT
KocStore        *koc_store_open_finish       (GAsyncResult         *result,
                                              GError              **error);
/* koc_store_open_async() that also returns the store being opened: jobs queued on it
 * at once run after the open, in order (and fail with "The workspace is not open" if
 * opening fails). Start-up queues its first queries with the open this way. The
 * callback still gets the same store from koc_store_open_finish(). */
G_GNUC_WARN_UNUSED_RESULT
KocStore        *koc_store_open_begin        (const char           *path,
                                              KocStoreOpenFlags     flags,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);

/* For the command line and the server, which have no UI thread to protect. */
G_GNUC_WARN_UNUSED_RESULT
KocStore        *koc_store_open_sync         (const char           *path,
                                              KocStoreOpenFlags     flags,
                                              GCancellable         *cancellable,
                                              GError              **error);

const char      *koc_store_get_path          (KocStore             *self);

/* The number of rows of @table ("people", "accounts"…): one count(*). Count only what is
 * shown: at 2M posts, counting the posts alone fills 32 MB of page cache. */
void             koc_store_count_async       (KocStore             *self,
                                              const char           *table,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean         koc_store_count_finish      (KocStore             *self,
                                              GAsyncResult         *result,
                                              gint64               *out_count,
                                              GError              **error);

/* Work to run on the store's worker thread with its connection. Return FALSE with
 * @error set on failure; on success optionally set *@result (freed with the
 * result_destroy given to koc_store_run_async() when nobody takes it). Long loops
 * should check @cancellable; long statements are interrupted by the store
 * (SQLITE_INTERRUPT, which koc_db_set_error() maps to G_IO_ERROR_CANCELLED). */
typedef gboolean (*KocStoreFunc) (sqlite3       *db,
                                  gpointer       data,
                                  gpointer      *result,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* Runs @func(@db, @data) on the worker, after every call made before it. */
void             koc_store_run_async         (KocStore             *self,
                                              KocStoreFunc          func,
                                              gpointer              data,
                                              GDestroyNotify        data_destroy,
                                              GDestroyNotify        result_destroy,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* Like koc_store_run_async(), inside a write transaction (BEGIN IMMEDIATE, retried
 * while another process holds the lock): COMMIT when @func returns TRUE, ROLLBACK
 * otherwise. Fails with KOC_STORE_ERROR_READ_ONLY on a read-only store. */
void             koc_store_write_async       (KocStore             *self,
                                              KocStoreFunc          func,
                                              gpointer              data,
                                              GDestroyNotify        data_destroy,
                                              GDestroyNotify        result_destroy,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* Finishes koc_store_run_async() and koc_store_write_async(). *@result (may be NULL)
 * receives what @func produced, (transfer full). */
gboolean         koc_store_run_finish        (KocStore             *self,
                                              GAsyncResult         *result,
                                              gpointer             *out_result,
                                              GError              **error);

/* Blocking variants for the command line, the server and tests (never the UI thread):
 * they still run on the worker and wait in a private main context. */
gboolean         koc_store_run_sync          (KocStore             *self,
                                              KocStoreFunc          func,
                                              gpointer              data,
                                              gpointer             *out_result,
                                              GCancellable         *cancellable,
                                              GError              **error);
gboolean         koc_store_write_sync        (KocStore             *self,
                                              KocStoreFunc          func,
                                              gpointer              data,
                                              gpointer             *out_result,
                                              GCancellable         *cancellable,
                                              GError              **error);

gboolean         koc_store_is_read_only      (KocStore             *self);

/* Discover: one page of accounts for @query (copied). The finish functions return
 * (transfer full) (element-type KocAccountHit / KocPostHit / KocPersonHit) arrays,
 * or NULL with @error set. See koc-search.h for the query and the snippet markers. */
void             koc_store_search_async      (KocStore             *self,
                                              const KocSearchQuery *query,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray       *koc_store_search_finish     (KocStore             *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void             koc_store_search_posts_async (KocStore            *self,
                                               const KocSearchQuery *query,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray       *koc_store_search_posts_finish (KocStore           *self,
                                                GAsyncResult       *result,
                                                GError            **error);
void             koc_store_search_people_async (KocStore           *self,
                                                const KocSearchQuery *query,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
GPtrArray       *koc_store_search_people_finish (KocStore          *self,
                                                 GAsyncResult      *result,
                                                 GError           **error);

G_END_DECLS
