/* koc-sync-run-private.h: the state of one sync, shared by its steps (koc-sync-run.c:
 * requests, retries, push, upload, finish; koc-sync-pull.c: the pull).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-sync-engine-private.h"

G_BEGIN_DECLS

typedef void (*KocSyncResponseFunc) (GTask  *task,
                                     GBytes *body);

/* The pull runs two lanes at once: requests for pages (one at a time) and the store
 * applying the pages already fetched, several in one transaction. */
typedef struct
{
  GQueue    fetched;      /* of KocSyncFetched, in feed order, not applied yet */
  gint64    since;        /* of the next page request */
  GError   *fetch_error;  /* a request that failed: reported once the fetched pages are in */
  gboolean  fetching;
  gboolean  applying;
  gboolean  fetched_all;  /* the last page has arrived */
  gboolean  serial;       /* no Koc-Feed-Next header: the next request waits for the apply */
} KocSyncPull;

typedef struct
{
  KocSyncReport        report;
  gint64               started_us;
  GCancellable        *cancellable;  /* the run's own: cancelled with the caller's and at the end */
  GCancellable        *caller_cancellable;
  gulong               caller_handler;
  gboolean             finished;     /* the task has returned; lanes still out just stop */
  guint                attempt;      /* retries of the current request */
  guint                waits;        /* Retry-After waits in a row */
  guint                batch_max;    /* edits per POST; halved on 413 */
  char                *method;       /* the current request, kept for retries */
  char                *path;
  GBytes              *body;
  SoupMessage         *msg;
  KocSyncResponseFunc  on_response;
  char                *content_type;   /* of @body; NULL → JSON */
  char                *upload_sha256;  /* the media being uploaded */
  guint64              upload_partial; /* its bytes written so far (progress) */
  KocSyncPull          pull;
} KocSyncRun;

/* Each of these takes @task (owns one reference of it). */
void    koc_sync_run_fail         (GTask               *task,
                                   GError              *error);
void    koc_sync_run_send_request (GTask               *task,
                                   const char          *method,
                                   char                *path,
                                   GBytes              *body,
                                   KocSyncResponseFunc  on_response);
void    koc_sync_run_finish       (GTask               *task);
void    koc_sync_run_start_pull   (GTask               *task);

void    koc_sync_run_publish_progress (GTask *task);
GError *koc_sync_run_answer_error (GError              *error);
void    koc_sync_pull_clear       (KocSyncPull         *pull);

G_END_DECLS
