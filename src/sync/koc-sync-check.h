/* koc-sync-check.h: checks a server address and an access token with one real request
 * (GET v1/changes?limit=1 with the token) before the app saves them — sign-in.
 *
 * The errors are KOC_SYNC_ERROR codes with a translated sentence that says what to do:
 * UNREACHABLE (wrong address, server down, no network), UNAUTHORIZED (the token was
 * refused: mistyped, revoked or for another server), PROTOCOL (the address answers
 * but is not a KOC Desk server). The token is only put into the Authorization header.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      koc_sync_check_async  (const char          *server_url,
                                 const char          *token,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gboolean  koc_sync_check_finish (GAsyncResult        *result,
                                 GError             **error);

G_END_DECLS
