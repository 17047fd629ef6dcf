/* koc-sync-token.h: the access token of a workspace on a server, in the keyring.
 *
 * Stored with libsecret (Secret Service: GNOME Keyring, KWallet…) under the schema
 * io.github.kocdesk.KocDesk.Token with the attributes `server` (the URL) and
 * `workspace`. Never anywhere else: not in GSettings, not in the database, not in a
 * file, not in logs. Without a Secret Service the calls fail with
 * KOC_SYNC_TOKEN_ERROR_NO_KEYRING ("No keyring is available: …") — there is no fallback.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KOC_SYNC_TOKEN_ERROR (koc_sync_token_error_quark ())

typedef enum
{
  KOC_SYNC_TOKEN_ERROR_NO_KEYRING,
  KOC_SYNC_TOKEN_ERROR_FAILED,
} KocSyncTokenError;

GQuark    koc_sync_token_error_quark  (void);

void      koc_sync_token_store_async  (const char          *server,
                                       const char          *workspace,
                                       const char          *token,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  koc_sync_token_store_finish (GAsyncResult        *result,
                                       GError             **error);

void      koc_sync_token_lookup_async (const char          *server,
                                       const char          *workspace,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* Returns: (transfer full) (nullable): the token, or NULL without @error when none is
 * stored. Free it with koc_sync_token_free() (it wipes the memory). */
char     *koc_sync_token_lookup_finish (GAsyncResult       *result,
                                        GError            **error);

void      koc_sync_token_clear_async  (const char          *server,
                                       const char          *workspace,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  koc_sync_token_clear_finish (GAsyncResult        *result,
                                       GError             **error);

void      koc_sync_token_free         (char                *token);

G_END_DECLS
