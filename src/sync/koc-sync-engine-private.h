/* koc-sync-engine-private.h: the engine's fields, shared by koc-sync-engine.c (the
 * object and its properties) and koc-sync-run.c (one sync: push, pull, retries).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "koc-sync-engine.h"

G_BEGIN_DECLS

struct _KocSyncEngine
{
  GObject          parent_instance;

  KocStore        *store;
  GUri            *base_uri;
  char            *token;        /* only ever copied into Authorization headers */
  SoupSession     *session;
  GNetworkMonitor *monitor;

  KocSyncEngineState     state;
  GDateTime       *last_synced;
  char            *error_message;
  gint64           items;
  guint64          bytes;
  double           rate;

  guint            page_size;
  guint            max_retries;
  guint            retry_base_ms;
  guint            running : 1;
};

/* Called by the run to publish its state (each notifies only on a change). */
void koc_sync_engine_set_state    (KocSyncEngine *self,
                                   KocSyncEngineState   state,
                                   const char    *error_message);
void koc_sync_engine_set_progress (KocSyncEngine *self,
                                   gint64         items,
                                   guint64        bytes,
                                   double         rate);
void koc_sync_engine_set_synced   (KocSyncEngine *self,
                                   GDateTime     *when);

/* The `message` of an API error body ({"error":{"code","message"}}), or NULL. */
char *koc_sync_api_message        (GBytes        *body);

G_END_DECLS
