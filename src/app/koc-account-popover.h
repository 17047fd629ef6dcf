/* koc-account-popover.h: an account's details and "Why this score?" in a popover.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-account-item.h"
#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_TYPE_ACCOUNT_POPOVER (koc_account_popover_get_type ())
G_DECLARE_FINAL_TYPE (KocAccountPopover, koc_account_popover, KOC, ACCOUNT_POPOVER, GtkPopover)

GtkWidget *koc_account_popover_new         (void);
/* Shows @item's facts at once and loads the score breakdown from @store. */
void       koc_account_popover_set_item    (KocAccountPopover *self,
                                            KocStore          *store,
                                            KocAccountItem    *item);
/* The number of breakdown rows shown (0 until loaded, or when not scored): tests. */
guint      koc_account_popover_get_n_reasons (KocAccountPopover *self);

G_END_DECLS
