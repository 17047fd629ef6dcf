/* koc-export-rewards.h: a campaign's rewards ledger as CSV.
 *
 * UTF-8, CRLF line ends, an optional byte order mark (KOC_EXPORT_BOM) and formula guard
 * (KOC_EXPORT_EXCEL, koc-export.h). Columns: person, person_uid, kind, points, value (in
 * yuan, two decimals), note, given_at (ISO 8601, UTC); one row per reward ordered by
 * person, then date; then a last row "Total" with the sums of points and value.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "koc-export.h"

G_BEGIN_DECLS

/* On the store's worker: the CSV text. NULL with @error when there is no such campaign. */
GString  *koc_export_rewards_csv    (sqlite3              *db,
                                     gint64                campaign_id,
                                     KocExportFlags        flags,
                                     guint64              *n_rows,
                                     GError              **error);

gboolean  koc_export_rewards_sync   (KocStore             *store,
                                     gint64                campaign_id,
                                     KocExportFlags        flags,
                                     const char           *path,
                                     guint64              *n_rows,
                                     GCancellable         *cancellable,
                                     GError              **error);
void      koc_export_rewards_async  (KocStore             *store,
                                     gint64                campaign_id,
                                     KocExportFlags        flags,
                                     const char           *path,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
/* Returns the number of rewards written, or -1 with @error. */
gint64    koc_export_rewards_finish (KocStore             *store,
                                     GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
