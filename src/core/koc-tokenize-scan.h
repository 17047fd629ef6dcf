/* koc-tokenize-scan.h: UTF-8 decoding, character classes and the recognisers of #tags#,
 * @mentions and [emoticons], private to koc-tokenize.c (all static inline).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <unicode/uchar.h>

#include "koc-tokenize.h"

#define MAX_HASHTAG_CHARS  50
#define MAX_MENTION_CHARS  30
#define MAX_EMOTICON_CHARS 8
#define INVALID_CHAR       ((gunichar) -1)

/* Decodes one code point; INVALID_CHAR (and *clen = 1) for a bad or NUL byte.  Overlong
 * forms, surrogates and values above U+10FFFF are invalid, as for g_utf8_validate(). */
static inline gunichar
decode (const guchar *p,
        gsize         avail,
        gsize        *clen)
{
  guchar b0 = p[0];
  gunichar c;

  *clen = 1;
  if (b0 < 0x80)
    return b0 == 0 ? INVALID_CHAR : b0;
  if (b0 < 0xC2)
    return INVALID_CHAR;
  if (b0 < 0xE0)
    {
      if (avail < 2 || (p[1] & 0xC0) != 0x80)
        return INVALID_CHAR;
      *clen = 2;
      return ((gunichar) (b0 & 0x1F) << 6) | (p[1] & 0x3F);
    }
  if (b0 < 0xF0)
    {
      if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return INVALID_CHAR;
      c = ((gunichar) (b0 & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
        return INVALID_CHAR;
      *clen = 3;
      return c;
    }
  if (b0 < 0xF5)
    {
      if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return INVALID_CHAR;
      c = ((gunichar) (b0 & 0x07) << 18) | ((gunichar) (p[1] & 0x3F) << 12) |
          ((gunichar) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      if (c < 0x10000 || c > 0x10FFFF)
        return INVALID_CHAR;
      *clen = 4;
      return c;
    }
  return INVALID_CHAR;
}

/* Han characters whose NFKC_Casefold form is themselves (no ICU call needed). */
static inline gboolean
is_identity_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2F7FF) || (c >= 0x30000 && c <= 0x3134F);
}

static inline gboolean
is_cjk (gunichar c)
{
  return koc_unichar_is_han (c) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF);
}

static inline gboolean
is_default_ignorable (gunichar c)
{
  return c >= 0xAD && u_hasBinaryProperty ((UChar32) c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

/* Letters, digits, marks and _: what a #hashtag or @mention name is made of. */
static inline gboolean
is_name_char (gunichar c)
{
  int8_t type;

  if (c < 0x80)
    return g_ascii_isalnum (c) || c == '_';
  if (u_isalnum ((UChar32) c) || koc_unichar_is_han (c))
    return TRUE;
  type = u_charType ((UChar32) c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

static inline gboolean
is_ascii_word (gunichar c)
{
  return c < 0x80 && (g_ascii_isalnum (c) || c == '_');
}

/* Whether a segment holding this character may contain a word (pure punctuation is skipped
 * without calling ICU). */
static inline gboolean
is_interesting (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return !((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
           (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65));
}

/* Digits and separators only (1,099 or 3.5), no letters. */
static inline gboolean
is_number_text (const char *s)
{
  for (; *s != '\0'; s++)
    if (g_ascii_isalpha (*s) || (guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

static inline gboolean
has_word_char (const char *s)
{
  for (; *s != '\0'; s++)
    if (g_ascii_isalnum (*s) || (guchar) *s >= 0x80)
      return TRUE;
  return FALSE;
}

/* #话题# (Weibo) or #hashtag (Twitter); i is at the '#' (hash_len bytes). */
static inline gboolean
match_hashtag (const guchar *text,
               gsize         i,
               gsize         hash_len,
               gsize         end,
               gsize        *tok_end,
               gsize        *inner_end)
{
  gsize j = i + hash_len;
  guint n = 0;
  gboolean has_alnum = FALSE;
  gboolean has_cjk = FALSE;
  gboolean has_letter = FALSE;
  gboolean has_space = FALSE;
  gunichar first = 0;
  gunichar last = 0;
  gsize clen;
  gunichar c;

  /* Weibo style, with a closing '#'. */
  while (j < end && n <= MAX_HASHTAG_CHARS)
    {
      c = decode (text + j, end - j, &clen);
      if (c == INVALID_CHAR || c < 0x20)
        break;
      if (c == '#' || c == 0xFF03)
        {
          gsize after = j + clen;
          gunichar next = after < end ? decode (text + after, end - after, &clen) : 0;

          /* Without CJK inside, "#apple rocks C#" or "#apple,#samsung" are Twitter tags. */
          if (n > 0 && has_alnum && !g_unichar_isspace (first) && !g_unichar_isspace (last) &&
              (has_cjk || (!has_space && !is_ascii_word (next))))
            {
              *inner_end = j;
              *tok_end = after;
              return TRUE;
            }
          break;
        }
      if (n == 0)
        first = c;
      last = c;
      has_alnum = has_alnum || is_name_char (c);
      has_cjk = has_cjk || is_cjk (c);
      has_space = has_space || g_unichar_isspace (c);
      n++;
      j += clen;
    }

  /* Twitter style. */
  for (j = i + hash_len, n = 0; j < end; j += clen, n++)
    {
      c = decode (text + j, end - j, &clen);
      if (c == INVALID_CHAR || !is_name_char (c))
        break;
      if (n == MAX_HASHTAG_CHARS)
        return FALSE;
      has_letter = has_letter || !(c < 0x80 ? g_ascii_isdigit (c) : u_isdigit ((UChar32) c));
    }
  if (n == 0 || !has_letter)
    return FALSE;
  *inner_end = j;
  *tok_end = j;
  return TRUE;
}

static inline gboolean
match_mention (const guchar *text,
               gsize         i,
               gsize         at_len,
               gsize         end,
               gsize        *tok_end)
{
  gsize j;
  gsize good_end = 0;
  guint n = 0;
  gsize clen;

  for (j = i + at_len; j < end; j += clen, n++)
    {
      gunichar c = decode (text + j, end - j, &clen);

      if (c == INVALID_CHAR || !(is_name_char (c) || c == '-'))
        break;
      if (n == MAX_MENTION_CHARS)
        return FALSE;
      if (c != '-')
        good_end = j + clen;
    }
  if (good_end == 0)
    return FALSE;
  *tok_end = good_end;
  return TRUE;
}

static inline gboolean
match_emoticon (const guchar *text,
                gsize         i,
                gsize         end,
                gsize        *tok_end)
{
  gsize j;
  guint n = 0;
  gboolean has_alpha = FALSE;
  gsize clen;

  for (j = i + 1; j < end && n <= MAX_EMOTICON_CHARS; j += clen, n++)
    {
      gunichar c = decode (text + j, end - j, &clen);

      if (c == ']')
        {
          if (n == 0 || !has_alpha)
            return FALSE;
          *tok_end = j + 1;
          return TRUE;
        }
      if (c == INVALID_CHAR || !(u_isalpha ((UChar32) c) || u_isdigit ((UChar32) c)))
        return FALSE;
      has_alpha = has_alpha || u_isalpha ((UChar32) c);
    }
  return FALSE;
}

/* Recognises a special token starting with c at i.  inner_* is the text to index inside it. */
static inline gboolean
match_special (const guchar *text,
               gunichar      c,
               gunichar      prev,
               gsize         i,
               gsize         end,
               KocTokenKind *kind,
               gsize        *tok_end,
               gsize        *inner_start,
               gsize        *inner_end)
{
  gsize mark_len = c < 0x80 ? 1 : 3;

  if (c == '[')
    {
      *kind = KOC_TOKEN_EMOTICON;
      *inner_start = *inner_end = i;
      return match_emoticon (text, i, end, tok_end);
    }
  if (c == '#' || c == 0xFF03)
    {
      *kind = KOC_TOKEN_HASHTAG;
      *inner_start = i + mark_len;
      return !is_ascii_word (prev) && prev != '&' &&
             match_hashtag (text, i, mark_len, end, tok_end, inner_end);
    }
  if (c == '@' || c == 0xFF20)
    {
      *kind = KOC_TOKEN_MENTION;
      *inner_start = i + mark_len;
      if (is_ascii_word (prev) || prev == '.' || !match_mention (text, i, mark_len, end, tok_end))
        return FALSE;
      *inner_end = *tok_end;
      return TRUE;
    }
  return FALSE;
}

