/* koc-merge-dialog.h: "Review Duplicates": merge suggestions to accept or reject.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-identity.h"
#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_TYPE_MERGE_DIALOG (koc_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KocMergeDialog, koc_merge_dialog, KOC, MERGE_DIALOG, AdwWindow)

/* Loads the suggestions on the store's worker at once. Signal "changed" after every
 * merge and every undo. */
KocMergeDialog *koc_merge_dialog_new            (GtkWindow      *parent,
                                                 KocStore       *store);

/* For tests. */
gboolean        koc_merge_dialog_is_busy        (KocMergeDialog *self);
/* (element-type KocIdentitySuggestion) what the list shows */
GPtrArray      *koc_merge_dialog_get_suggestions (KocMergeDialog *self);
void            koc_merge_dialog_accept         (KocMergeDialog *self,
                                                 guint           index);
void            koc_merge_dialog_reject         (KocMergeDialog *self,
                                                 guint           index);
/* Undoes the last merge (what the toast's Undo does). */
void            koc_merge_dialog_undo_last      (KocMergeDialog *self);
gint64          koc_merge_dialog_get_last_merge (KocMergeDialog *self);

G_END_DECLS
