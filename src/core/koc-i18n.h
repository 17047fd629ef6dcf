/* koc-i18n.h
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds the gettext domain, from
 * $KOCDESK_LOCALEDIR when set (uninstalled runs and tests), else the installed one. */
void koc_i18n_init (void);

G_END_DECLS
