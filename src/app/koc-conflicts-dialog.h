/* koc-conflicts-dialog.h: the unresolved rows of sync_conflicts, each with
 * "Keep Server Value" and "Use Mine".
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_TYPE_CONFLICTS_DIALOG (koc_conflicts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KocConflictsDialog, koc_conflicts_dialog, KOC, CONFLICTS_DIALOG, AdwWindow)

/* Emits "resolved" (the number of conflicts still unresolved) after each choice. */
KocConflictsDialog *koc_conflicts_dialog_new        (GtkWindow          *parent,
                                                     KocStore           *store);
/* For tests: rows shown, and whether a load or a choice is running. */
guint               koc_conflicts_dialog_get_n_rows (KocConflictsDialog *self);
gboolean            koc_conflicts_dialog_is_busy    (KocConflictsDialog *self);

G_END_DECLS
