/* koc-application.h
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KOC_TYPE_APPLICATION (koc_application_get_type ())
G_DECLARE_FINAL_TYPE (KocApplication, koc_application, KOC, APPLICATION, AdwApplication)

KocApplication *koc_application_new          (GApplicationFlags  flags);
GSettings      *koc_application_get_settings (KocApplication    *self);

G_END_DECLS
