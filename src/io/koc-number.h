/* koc-number.h: numbers as people write them in spreadsheets and media kits.
 *
 * "3.3k", "1.2M", "475.8m" (a lower-case m means million in influencer data, never
 * milli), "1.2万", "3亿", "1,234", "1.39%" (→ 0.0139), "5.40E+17", full-width digits
 * ("１２３"), a trailing "+" ("10w+"). "N/A", "NaN%", "-", "无" and an empty cell are
 * *missing*, which is not zero. Anything else is an error that says what was wrong.
 * Pure: GLib only.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KOC_NUMBER_ERROR (koc_number_error_quark ())

typedef enum
{
  KOC_NUMBER_ERROR_INVALID,
} KocNumberError;

typedef enum
{
  KOC_NUMBER_VALUE,    /* *value is set */
  KOC_NUMBER_MISSING,  /* empty, N/A, NaN, -, 无 … */
  KOC_NUMBER_INVALID,  /* @error is set */
} KocNumberResult;

GQuark          koc_number_error_quark (void);

KocNumberResult koc_number_parse       (const char  *text,
                                        double      *value,
                                        GError     **error);

G_END_DECLS
