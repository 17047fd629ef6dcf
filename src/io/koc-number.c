/* koc-number.c: parsing numbers as people write them.
 *
 * The text is first folded: full-width forms (U+FF01–U+FF5E) become ASCII, the
 * ideographic and no-break spaces are dropped. Then: an optional sign, digits with
 * optional thousands separators (groups of three) or a decimal comma ("1,5" when no
 * group of three follows), an optional exponent, then an optional multiplier
 * (k K 千 · w W 万 · m M 百万 · b B bn 亿), an optional "+", or a "%".
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-number"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "koc-number.h"

G_DEFINE_QUARK (koc-number-error-quark, koc_number_error)

static const char * const missing_words[] = {
  "", "n/a", "na", "nan", "nan%", "#n/a", "null", "none", "-", "--", "—", "–", "?",
  "无", "暂无", "空", "未知", "/",
};

static const struct
{
  const char *suffix;
  double      factor;
} multipliers[] = {
  { "bn", 1e9 }, { "b", 1e9 }, { "B", 1e9 }, { "亿", 1e8 },
  { "百万", 1e6 }, { "m", 1e6 }, { "M", 1e6 },
  { "万", 1e4 }, { "w", 1e4 }, { "W", 1e4 },
  { "千", 1e3 }, { "k", 1e3 }, { "K", 1e3 },
};

/* Full-width to ASCII, spaces removed. */
static char *
fold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0x00A0 ||
          c == 0x202F || c == 0xFEFF || c == 0x200B)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static KocNumberResult
invalid (const char  *text,
         const char  *reason,
         GError     **error)
{
  /* Callers get cells as UTF-8, but the message must stay valid UTF-8 whatever it quotes
   * (found by tests/fuzz/fuzz-number.c). */
  g_autofree char *shown = g_utf8_make_valid (text, -1);
  g_autofree char *why = g_utf8_make_valid (reason, -1);

  g_set_error (error, KOC_NUMBER_ERROR, KOC_NUMBER_ERROR_INVALID,
               _("“%s” is not a number: %s. Write it like 1234, 1,234, 3.3k, 1.2万 or 1.39%%,"
                 " or leave the cell empty."), shown, why);
  return KOC_NUMBER_INVALID;
}

/* Copies the digits of @p (a number with optional grouping) into @out as C syntax;
 * returns where it stopped, or NULL on bad grouping. */
static const char *
scan_mantissa (const char *p,
               GString    *out,
               gboolean   *any_digit)
{
  guint n_commas = 0;
  gboolean dot = FALSE;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p);
          *any_digit = TRUE;
        }
      else if (*p == ',' && !dot && *any_digit)
        {
          /* A thousands separator is followed by exactly three digits. */
          if (g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
              !g_ascii_isdigit (p[4]))
            {
              n_commas++;
              continue;
            }
          if (n_commas > 0)
            return NULL;
          /* A decimal comma ("1,5"). */
          g_string_append_c (out, '.');
          dot = TRUE;
        }
      else if (*p == '.' && !dot)
        {
          g_string_append_c (out, '.');
          dot = TRUE;
        }
      else
        break;
    }
  return p;
}

KocNumberResult
koc_number_parse (const char  *text,
                  double      *value,
                  GError     **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GString) number = g_string_new (NULL);
  gboolean any_digit = FALSE;
  const char *p;
  char *end = NULL;
  double v, factor = 1.0;

  g_return_val_if_fail (value != NULL, KOC_NUMBER_INVALID);

  *value = 0;
  if (text == NULL)
    return KOC_NUMBER_MISSING;
  /* fold() walks characters: a truncated sequence at the end would take it past the
   * NUL (found by tests/fuzz/fuzz-number.c). */
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (text, _("the text is not valid UTF-8"), error);

  folded = fold (text);
  lower = g_utf8_strdown (folded, -1);
  for (guint i = 0; i < G_N_ELEMENTS (missing_words); i++)
    if (strcmp (lower, missing_words[i]) == 0)
      return KOC_NUMBER_MISSING;

  p = folded;
  if (*p == '+' || *p == '-')
    g_string_append_c (number, *p++);
  p = scan_mantissa (p, number, &any_digit);
  if (p == NULL)
    return invalid (text, _("the digit groups are not of three"), error);
  if (!any_digit)
    return invalid (text, _("there are no digits"), error);

  /* An exponent, as Excel writes big ids (5.40E+17). */
  if ((*p == 'e' || *p == 'E') &&
      (g_ascii_isdigit (p[1]) || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
    {
      g_string_append_c (number, 'e');
      p++;
      if (*p == '+' || *p == '-')
        g_string_append_c (number, *p++);
      while (g_ascii_isdigit (*p))
        g_string_append_c (number, *p++);
    }

  if (*p == '%')
    {
      factor = 0.01;
      p++;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (multipliers); i++)
        if (g_str_has_prefix (p, multipliers[i].suffix))
          {
            factor = multipliers[i].factor;
            p += strlen (multipliers[i].suffix);
            break;
          }
      if (*p == '+')
        p++;
    }

  if (*p != '\0')
    {
      g_autofree char *rest = g_strdup (p);
      g_autofree char *reason = g_strdup_printf (_("unexpected “%s” after the number"), rest);

      return invalid (text, reason, error);
    }

  v = g_ascii_strtod (number->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return invalid (text, _("it is out of range"), error);

  *value = v * factor;
  return KOC_NUMBER_VALUE;
}
