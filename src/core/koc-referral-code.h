/* koc-referral-code.h: referral codes and their landing URLs.
 *
 * A code is human-readable and unambiguous: an optional prefix (the campaign's, upper
 * case) and eight characters in groups of four from a 32-letter alphabet without 0, O,
 * 1 and I ("PD-7KQM-X3TB"). The eight characters carry 40 bits from the kernel's random
 * source (getrandom(), not GRand), so with 100,000 codes out a guess still hits one
 * with a chance of about 1 in 11 million. Uniqueness is the table's (UNIQUE code):
 * the store retries on a collision (src/store/koc-campaigns-codes.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KOC_REFERRAL_ALPHABET "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
#define KOC_REFERRAL_RANDOM_CHARS 8
/* Where codes lead until the workspace names its shop's landing page. */
#define KOC_REFERRAL_DEFAULT_LANDING "https://example.com/r"

/* Fills @buffer with @size random bytes; FALSE with @error when the system has none. */
typedef gboolean (*KocRandomFunc) (guint8  *buffer,
                                   gsize    size,
                                   GError **error);

/* A new code: "[PREFIX-]XXXX-XXXX". @prefix may be NULL; it is upper-cased and cut to
 * its first six letters or digits. NULL with @error when no random bytes were had. */
char     *koc_referral_code_generate   (const char    *prefix,
                                        GError       **error);
/* TRUE when @code has the shape of our codes (upper case, our alphabet). */
gboolean  koc_referral_code_is_valid   (const char    *code);
/* What a person typed (spaces, lower case, missing dashes) as a code, or NULL. */
char     *koc_referral_code_normalize  (const char    *text);
/* @base_url with utm_source=koc, utm_medium=referral, utm_campaign=@campaign,
 * utm_content=@code and ref=@code added to its query (escaped). */
char     *koc_referral_landing_url     (const char    *base_url,
                                        const char    *campaign,
                                        const char    *code);

/* Tests: replaces the random source (NULL restores getrandom()). */
void      koc_referral_code_set_random_func (KocRandomFunc func);

G_END_DECLS
