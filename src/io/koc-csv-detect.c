/* koc-csv-detect.c: which encoding and which delimiter a CSV file uses.
 *
 * Encoding, in order: a byte order mark; valid UTF-8 (the whole file, which is cheap
 * and exact); UTF-16 without a BOM (many zero bytes on one side); then ICU's charset
 * detector (ucsdet) for Japanese, Korean, Big5 and Cyrillic/Greek single-byte files.
 * Between GB18030 and cp1252 — which ucsdet often confuses on short or mixed texts —
 * the bytes decide: Chinese text is runs of two-byte characters that decode cleanly as
 * GB18030, while accented Latin text has isolated high bytes between ASCII letters.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-csv"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "koc-csv.h"
#include "koc-csv-private.h"

#define SAMPLE_BYTES (256 * 1024)

static const struct
{
  const char *alias;
  const char *name;
} aliases[] = {
  { "utf8", "UTF-8" },
  { "utf-8", "UTF-8" },
  { "utf-8-sig", "UTF-8" },
  { "utf16", "UTF-16" },
  { "utf-16", "UTF-16" },
  { "utf16le", "UTF-16LE" },
  { "utf-16le", "UTF-16LE" },
  { "utf16be", "UTF-16BE" },
  { "utf-16be", "UTF-16BE" },
  { "gbk", "GB18030" },
  { "gb2312", "GB18030" },
  { "cp936", "GB18030" },
  { "gb18030", "GB18030" },
  { "cp1252", "WINDOWS-1252" },
  { "windows-1252", "WINDOWS-1252" },
  { "latin1", "WINDOWS-1252" },
  { "latin-1", "WINDOWS-1252" },
  { "iso-8859-1", "WINDOWS-1252" },
  { "big5", "BIG5" },
  { "shift_jis", "SHIFT_JIS" },
};

char *
koc_csv_canonical_encoding (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autofree char *upper = NULL;
  GIConv cd;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (lower, aliases[i].alias) == 0)
      return g_strdup (aliases[i].name);

  upper = g_ascii_strup (name, -1);
  if (g_str_has_prefix (upper, "UTF-32") || g_str_has_prefix (upper, "UTF32") ||
      g_str_has_prefix (upper, "UCS-4"))
    return NULL;

  cd = g_iconv_open ("UTF-8", upper);
  if (cd == (GIConv) -1)
    return NULL;
  g_iconv_close (cd);
  return g_steal_pointer (&upper);
}

/* TRUE when @data decodes as GB18030 without an illegal sequence (a sequence cut at
 * the end of the sample is fine). */
static gboolean
decodes_as_gb18030 (const guint8 *data,
                    gsize         len)
{
  GIConv cd = g_iconv_open ("UTF-8", "GB18030");
  char *in = (char *) data;
  gsize in_left = len;
  gboolean ok = TRUE;
  char out_buf[4096];

  if (cd == (GIConv) -1)
    return FALSE;

  while (in_left > 0)
    {
      char *out = out_buf;
      gsize out_left = sizeof out_buf;

      if (g_iconv (cd, &in, &in_left, &out, &out_left) == (gsize) -1)
        {
          if (errno == E2BIG)
            continue;
          ok = errno == EINVAL && in_left < 4;
          break;
        }
    }
  g_iconv_close (cd);
  return ok;
}

/* The best ucsdet guess and its confidence (0–100), or NULL. */
static const char *
ucsdet_guess (const guint8 *data,
              gsize         len,
              int          *confidence)
{
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open (&status);
  const UCharsetMatch *match;
  const char *name = NULL;

  *confidence = 0;
  if (U_FAILURE (status))
    return NULL;
  ucsdet_setText (detector, (const char *) data, (int32_t) MIN (len, (gsize) G_MAXINT32), &status);
  match = ucsdet_detect (detector, &status);
  if (U_SUCCESS (status) && match != NULL)
    {
      name = ucsdet_getName (match, &status);
      *confidence = ucsdet_getConfidence (match, &status);
      if (U_FAILURE (status))
        name = NULL;
    }
  /* The names returned are static strings inside ICU. */
  ucsdet_close (detector);
  return name;
}

const char *
koc_csv_detect_encoding (const guint8 *data,
                         gsize         len,
                         gsize        *bom_len)
{
  gsize sample = MIN (len, SAMPLE_BYTES);
  gsize zero_even = 0, zero_odd = 0;
  gsize runs = 0, single_runs = 0, run = 0;
  const char *guess;
  int confidence;

  *bom_len = 0;
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *bom_len = 3;
      return "UTF-8";
    }
  if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      *bom_len = 2;
      return "UTF-16LE";
    }
  if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      *bom_len = 2;
      return "UTF-16BE";
    }
  if (g_utf8_validate_len ((const char *) data, len, NULL))
    return "UTF-8";

  for (gsize i = 0; i < sample; i++)
    {
      if (data[i] == 0)
        {
          if (i % 2 == 0)
            zero_even++;
          else
            zero_odd++;
        }
      if (data[i] >= 0x80)
        run++;
      else if (run > 0)
        {
          runs++;
          single_runs += run == 1;
          run = 0;
        }
    }
  if (run > 0)
    {
      runs++;
      single_runs += run == 1;
    }

  /* Mostly-ASCII UTF-16 has a zero in every other byte. */
  if (sample >= 4 && zero_odd > sample / 8 && zero_odd > 4 * zero_even)
    return "UTF-16LE";
  if (sample >= 4 && zero_even > sample / 8 && zero_even > 4 * zero_odd)
    return "UTF-16BE";

  guess = ucsdet_guess (data, sample, &confidence);
  g_debug ("ucsdet: %s (%d); high-byte runs %" G_GSIZE_FORMAT ", single %" G_GSIZE_FORMAT,
           guess ? guess : "none", confidence, runs, single_runs);

  if (guess != NULL && confidence >= 50 &&
      (g_str_equal (guess, "Shift_JIS") || g_str_equal (guess, "EUC-JP") ||
       g_str_equal (guess, "EUC-KR") || g_str_equal (guess, "Big5")))
    return g_str_equal (guess, "Big5") ? "BIG5" : guess;

  /* Chinese: high bytes in runs (two-byte characters), few isolated ones. */
  if (runs > 0 && single_runs * 5 < runs && decodes_as_gb18030 (data, sample))
    return "GB18030";

  if (guess != NULL && confidence >= 50 &&
      (g_str_equal (guess, "windows-1251") || g_str_equal (guess, "KOI8-R") ||
       g_str_equal (guess, "ISO-8859-5") || g_str_equal (guess, "ISO-8859-7") ||
       g_str_equal (guess, "windows-1253") || g_str_equal (guess, "ISO-8859-8") ||
       g_str_equal (guess, "windows-1255") || g_str_equal (guess, "windows-1256")))
    return guess;

  return "WINDOWS-1252";
}

char
koc_csv_sniff_delimiter (const guint8 *data,
                         gsize         len,
                         guint         width,
                         gboolean      little_endian)
{
  static const char candidates[] = { ',', '\t', ';' };
  enum { MAX_LINES = 30 };
  guint counts[G_N_ELEMENTS (candidates)][MAX_LINES] = { { 0 } };
  guint n_lines = 0;
  gboolean quoted = FALSE;
  gsize end = MIN (len, (gsize) 64 * 1024);
  guint best = 0, best_freq = 0, best_mode = 0;

  end -= end % width;
  for (gsize i = 0; i < end && n_lines < MAX_LINES; i += width)
    {
      guint u = koc_csv_unit (data, i, width, little_endian);

      if (u == '"')
        quoted = !quoted;
      else if (!quoted && (u == '\n' || u == '\r'))
        {
          if (u == '\r' && i + width < end && koc_csv_unit (data, i + width, width, little_endian) == '\n')
            i += width;
          n_lines++;
        }
      else if (!quoted)
        {
          for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
            if (u == (guint) candidates[c])
              counts[c][n_lines]++;
        }
    }
  if (n_lines < MAX_LINES)
    n_lines++; /* the last, unterminated line */

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      guint mode = 0, freq = 0;

      /* The most frequent nonzero count, and how many lines have it. */
      for (guint l = 0; l < n_lines; l++)
        {
          guint f = 0;

          if (counts[c][l] == 0)
            continue;
          for (guint m = 0; m < n_lines; m++)
            f += counts[c][m] == counts[c][l];
          if (f > freq || (f == freq && counts[c][l] > mode))
            {
              freq = f;
              mode = counts[c][l];
            }
        }
      if (freq > best_freq || (freq == best_freq && mode > best_mode))
        {
          best = c;
          best_freq = freq;
          best_mode = mode;
        }
    }

  return best_freq == 0 ? ',' : candidates[best];
}

void
koc_csv_normalize_nfc (GString *text)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&status);
  g_autofree UChar *src = NULL;
  g_autofree UChar *dst = NULL;
  int32_t src_len = 0, dst_len, out_len = 0;

  if (U_FAILURE (status) || text->len > G_MAXINT32 / 4)
    return;

  u_strFromUTF8 (NULL, 0, &src_len, text->str, (int32_t) text->len, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return;
  status = U_ZERO_ERROR;
  src = g_new (UChar, src_len + 1);
  u_strFromUTF8 (src, src_len + 1, NULL, text->str, (int32_t) text->len, &status);
  if (U_FAILURE (status))
    return;

  if (unorm2_quickCheck (nfc, src, src_len, &status) == UNORM_YES && U_SUCCESS (status))
    return;
  status = U_ZERO_ERROR;

  dst_len = src_len * 3 + 16;
  dst = g_new (UChar, dst_len);
  dst_len = unorm2_normalize (nfc, src, src_len, dst, dst_len, &status);
  if (U_FAILURE (status))
    return;

  u_strToUTF8 (NULL, 0, &out_len, dst, dst_len, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return;
  status = U_ZERO_ERROR;
  g_string_set_size (text, out_len);
  u_strToUTF8 (text->str, out_len + 1, NULL, dst, dst_len, &status);
}
