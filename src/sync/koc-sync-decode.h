/* koc-sync-decode.h: a page of the change feed read into values, on any thread.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The columns of each change in KocSyncDecoded.values. */
enum
{
  KOC_SYNC_DECODED_KIND,     /* text (or what `->>` gives for another JSON type) */
  KOC_SYNC_DECODED_UID,
  KOC_SYNC_DECODED_REV,      /* the member's JSON text: an integer is digits and '-' */
  KOC_SYNC_DECODED_DELETED,  /* JSON text ("true", "false") or NULL when absent */
  KOC_SYNC_DECODED_DATA,     /* JSON text; an object starts with '{' */
  KOC_SYNC_DECODED_N_COLUMNS
};

typedef struct
{
  char           *text;        /* the response body, NUL-terminated */
  gboolean        valid;       /* JSON with a `changes` array */
  gboolean        feed_valid;  /* … and an integer `next` and a boolean `more` */
  gint64          next;
  gboolean        more;
  sqlite3_value **values;      /* n_changes × KOC_SYNC_DECODED_N_COLUMNS, or NULL */
  guint           n_changes;
} KocSyncDecoded;

/* Reads @data (@size bytes) with SQLite's JSON functions on a private in-memory
 * connection, so it can run on any thread: the store's worker then only binds the
 * values (koc-sync-bulk.c). Never fails: a body that is not a page has valid FALSE. */
KocSyncDecoded *koc_sync_decode      (const char     *data,
                                      gsize           size);
void            koc_sync_decoded_free (KocSyncDecoded *decoded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocSyncDecoded, koc_sync_decoded_free)

G_END_DECLS
