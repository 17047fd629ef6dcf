/* koc-tokenize.c: mixed Chinese/English segmentation (see koc-tokenize.h for the rules).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is scanned once, code point by code point.  Han runs and special tokens
 * (#tags#, @mentions, [emoticons]) are recognised by the scanner itself; everything between
 * them (valid UTF-8 only) is a "segment" handed to one reused ICU word break iterator over a
 * reused UTF-8 UText, so ICU's boundaries are byte offsets into the original text.  Each token
 * is normalized on its own, which keeps the original offsets exact whatever NFKC does to
 * the length.
 */
#define G_LOG_DOMAIN "koc-tokenize"

#include "config.h"

#include "koc-tokenize.h"
#include "koc-tokenize-scan.h"

#include <gio/gio.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#define NO_SEGMENT         G_MAXSIZE

typedef struct
{
  gsize    start;
  gsize    end;
  gunichar c;
} HanChar;

struct _KocTokenizer
{
  UBreakIterator     *brk;
  UText              *ut;
  const UNormalizer2 *nfkc_cf;
  GString            *norm;
  GArray             *u16;
  GArray             *u16n;
  GArray             *han;

  /* State of the current run. */
  const guchar       *text;
  KocTokenizeFlags    flags;
  KocTokenFunc        func;
  gpointer            user_data;
  gboolean            stopped;
  gboolean            colocate_next;
};

static void scan_range (KocTokenizer *self,
                        gsize         start,
                        gsize         end);

gboolean
koc_unichar_is_han (gunichar c)
{
  UErrorCode err = U_ZERO_ERROR;

  if (c < 0x2E80)
    return FALSE;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
    return TRUE;
  if (c > 0x10FFFF)
    return FALSE;
  return uscript_getScript ((UChar32) c, &err) == USCRIPT_HAN;
}

/* Appends the NFKC_Casefold form of n bytes of valid UTF-8 to self->norm. */
static void
append_normalized (KocTokenizer *self,
                   const guchar *s,
                   gsize         n)
{
  UErrorCode err = U_ZERO_ERROR;
  int32_t n16 = 0;
  int32_t nn;
  int32_t n8 = 0;
  gsize old;
  gsize i;

  for (i = 0; i < n && s[i] < 0x80; i++)
    ;
  if (i == n)
    {
      char *out;

      old = self->norm->len;
      g_string_set_size (self->norm, old + n);
      out = self->norm->str + old;
      for (i = 0; i < n; i++)
        out[i] = g_ascii_tolower (s[i]);
      return;
    }
  if (n >= G_MAXINT32 / 4)
    return;

  g_array_set_size (self->u16, n + 1);
  u_strFromUTF8 ((UChar *) self->u16->data, (int32_t) n + 1, &n16, (const char *) s, (int32_t) n, &err);
  if (U_FAILURE (err))
    return;

  g_array_set_size (self->u16n, MAX (2 * n16, 16));
  nn = unorm2_normalize (self->nfkc_cf, (const UChar *) self->u16->data, n16,
                         (UChar *) self->u16n->data, (int32_t) self->u16n->len, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR)
    {
      err = U_ZERO_ERROR;
      g_array_set_size (self->u16n, nn + 1);
      nn = unorm2_normalize (self->nfkc_cf, (const UChar *) self->u16->data, n16,
                             (UChar *) self->u16n->data, (int32_t) self->u16n->len, &err);
    }
  if (U_FAILURE (err))
    return;

  old = self->norm->len;
  g_string_set_size (self->norm, old + (gsize) nn * 3 + 1);
  u_strToUTF8 (self->norm->str + old, nn * 3 + 1, &n8, (const UChar *) self->u16n->data, nn, &err);
  g_string_set_size (self->norm, U_FAILURE (err) ? old : old + (gsize) n8);
}

/* Emits self->norm as a token (nothing when it normalized to the empty string). */
static void
emit (KocTokenizer *self,
      gsize         start,
      gsize         end,
      KocTokenKind  kind,
      gboolean      colocated)
{
  KocToken token;

  if (self->stopped || self->norm->len == 0)
    return;

  token.text = self->norm->str;
  token.len = self->norm->len;
  token.start = start;
  token.end = end;
  token.kind = kind;
  token.colocated = colocated || self->colocate_next;
  self->colocate_next = FALSE;

  if (!self->func (&token, self->user_data))
    self->stopped = TRUE;
}

static void
append_han (KocTokenizer  *self,
            const HanChar *hc)
{
  if (is_identity_han (hc->c))
    {
      gsize old = self->norm->len;

      g_string_set_size (self->norm, old + hc->end - hc->start);
      memcpy (self->norm->str + old, self->text + hc->start, hc->end - hc->start);
    }
  else
    append_normalized (self, self->text + hc->start, hc->end - hc->start);
}

static void
emit_han_run (KocTokenizer *self)
{
  const HanChar *chars = (const HanChar *) (gpointer) self->han->data;
  guint n = self->han->len;
  guint k;

  if (n == 1)
    {
      g_string_truncate (self->norm, 0);
      append_han (self, &chars[0]);
      emit (self, chars[0].start, chars[0].end, KOC_TOKEN_HAN_SINGLE, FALSE);
      return;
    }

  for (k = 0; k + 1 < n; k++)
    {
      g_string_truncate (self->norm, 0);
      append_han (self, &chars[k]);
      append_han (self, &chars[k + 1]);
      emit (self, chars[k].start, chars[k + 1].end, KOC_TOKEN_HAN_BIGRAM, FALSE);
    }

  if (!(self->flags & KOC_TOKENIZE_QUERY))
    {
      g_string_truncate (self->norm, 0);
      append_han (self, &chars[n - 1]);
      emit (self, chars[n - 1].start, chars[n - 1].end, KOC_TOKEN_HAN_SINGLE, TRUE);
    }
}

/* Collects the Han run starting at i (default-ignorables between Han characters do not end
 * it), emits its tokens and returns the offset just after its last Han character. */
static gsize
scan_han_run (KocTokenizer *self,
              gsize         i,
              gsize         end)
{
  g_array_set_size (self->han, 0);

  while (i < end)
    {
      gsize clen;
      gunichar c = decode (self->text + i, end - i, &clen);

      if (c != INVALID_CHAR && koc_unichar_is_han (c))
        {
          HanChar hc = { i, i + clen, c };

          g_array_append_val (self->han, hc);
          i += clen;
          continue;
        }

      if (c != INVALID_CHAR && is_default_ignorable (c))
        {
          gsize j = i + clen;
          gboolean more_han = FALSE;

          while (j < end)
            {
              gunichar c2 = decode (self->text + j, end - j, &clen);

              if (c2 != INVALID_CHAR && is_default_ignorable (c2))
                {
                  j += clen;
                  continue;
                }
              more_han = c2 != INVALID_CHAR && koc_unichar_is_han (c2);
              break;
            }
          if (more_han)
            {
              i = j;
              continue;
            }
        }
      break;
    }

  emit_han_run (self);
  return ((const HanChar *) (gpointer) self->han->data)[self->han->len - 1].end;
}

/* Runs ICU word breaks over the valid UTF-8 bytes [start, end). */
static void
flush_segment (KocTokenizer *self,
               gsize         start,
               gsize         end)
{
  UErrorCode err = U_ZERO_ERROR;
  int32_t s;
  int32_t e;

  if (end <= start || self->stopped || end - start >= G_MAXINT32)
    return;

  self->ut = utext_openUTF8 (self->ut, (const char *) self->text + start, (int64_t) (end - start), &err);
  if (U_FAILURE (err))
    return;
  ubrk_setUText (self->brk, self->ut, &err);
  if (U_FAILURE (err))
    return;

  for (s = ubrk_first (self->brk), e = ubrk_next (self->brk);
       e != UBRK_DONE && !self->stopped;
       s = e, e = ubrk_next (self->brk))
    {
      int32_t status = ubrk_getRuleStatus (self->brk);
      KocTokenKind kind;

      if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
        kind = KOC_TOKEN_NUMBER;
      else if (status >= UBRK_WORD_LETTER)
        kind = KOC_TOKEN_WORD;
      else
        {
          gsize clen;
          gunichar c = decode (self->text + start + s, (gsize) (e - s), &clen);

          if (c == INVALID_CHAR ||
              !((c >= 0x2300 && u_hasBinaryProperty ((UChar32) c, UCHAR_EXTENDED_PICTOGRAPHIC)) ||
                u_hasBinaryProperty ((UChar32) c, UCHAR_REGIONAL_INDICATOR)))
            continue;
          kind = KOC_TOKEN_EMOJI;
        }

      g_string_truncate (self->norm, 0);
      append_normalized (self, self->text + start + s, (gsize) (e - s));
      if (kind == KOC_TOKEN_NUMBER && !is_number_text (self->norm->str))
        kind = KOC_TOKEN_WORD;  /* ICU calls iPhone15 and abc123 numbers */
      else if (kind == KOC_TOKEN_WORD && !has_word_char (self->norm->str))
        continue;               /* ICU 72 calls a lone "@" a word */
      emit (self, start + s, start + e, kind, FALSE);
    }
}

static inline void
end_segment (KocTokenizer *self,
             gsize        *seg,
             gboolean     *interesting,
             gsize         end)
{
  if (*seg != NO_SEGMENT && *interesting)
    flush_segment (self, *seg, end);
  *seg = NO_SEGMENT;
  *interesting = FALSE;
}

static void
scan_range (KocTokenizer *self,
            gsize         start,
            gsize         end)
{
  gsize i = start;
  gsize seg = NO_SEGMENT;
  gboolean interesting = FALSE;
  gunichar prev = 0;

  while (i < end && !self->stopped)
    {
      gsize clen;
      gsize tok_end = 0;
      gsize inner_start = 0;
      gsize inner_end = 0;
      KocTokenKind kind = KOC_TOKEN_WORD;
      gunichar c = decode (self->text + i, end - i, &clen);

      if (c == INVALID_CHAR)
        {
          end_segment (self, &seg, &interesting, i);
          prev = 0;
          i++;
          continue;
        }

      if (koc_unichar_is_han (c))
        {
          end_segment (self, &seg, &interesting, i);
          i = scan_han_run (self, i, end);
          prev = c;
          continue;
        }

      if ((c == '#' || c == '@' || c == '[' || c == 0xFF03 || c == 0xFF20) &&
          match_special (self->text, c, prev, i, end, &kind, &tok_end, &inner_start, &inner_end))
        {
          end_segment (self, &seg, &interesting, i);
          g_string_truncate (self->norm, 0);
          append_normalized (self, self->text + i, tok_end - i);
          emit (self, i, tok_end, kind, FALSE);
          if (!(self->flags & KOC_TOKENIZE_QUERY) && inner_end > inner_start)
            {
              self->colocate_next = TRUE;
              scan_range (self, inner_start, inner_end);
              self->colocate_next = FALSE;
            }
          prev = 0;
          i = tok_end;
          continue;
        }

      if (seg == NO_SEGMENT)
        seg = i;
      interesting = interesting || is_interesting (c);
      prev = c;
      i += clen;
    }

  end_segment (self, &seg, &interesting, i);
}

KocTokenizer *
koc_tokenizer_new (GError **error)
{
  g_autoptr(KocTokenizer) self = g_new0 (KocTokenizer, 1);
  UErrorCode err = U_ZERO_ERROR;

  self->norm = g_string_sized_new (64);
  self->u16 = g_array_new (FALSE, FALSE, sizeof (UChar));
  self->u16n = g_array_new (FALSE, FALSE, sizeof (UChar));
  self->han = g_array_new (FALSE, FALSE, sizeof (HanChar));

  self->nfkc_cf = unorm2_getNFKCCasefoldInstance (&err);
  if (U_SUCCESS (err))
    self->brk = ubrk_open (UBRK_WORD, "", NULL, 0, &err);
  if (U_FAILURE (err))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "ICU word break or normalizer unavailable: %s", u_errorName (err));
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
koc_tokenizer_free (KocTokenizer *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->brk, ubrk_close);
  g_clear_pointer (&self->ut, utext_close);
  g_string_free (self->norm, TRUE);
  g_array_unref (self->u16);
  g_array_unref (self->u16n);
  g_array_unref (self->han);
  g_free (self);
}

gboolean
koc_tokenizer_run (KocTokenizer     *self,
                   const char       *text,
                   gssize            len,
                   KocTokenizeFlags  flags,
                   KocTokenFunc      func,
                   gpointer          user_data)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (self->func == NULL, FALSE);

  if (len < 0)
    len = (gssize) strlen (text);

  self->text = (const guchar *) text;
  self->flags = flags;
  self->func = func;
  self->user_data = user_data;
  self->stopped = FALSE;
  self->colocate_next = FALSE;

  if (len > 0)
    scan_range (self, 0, (gsize) len);

  self->text = NULL;
  self->func = NULL;
  self->user_data = NULL;
  return !self->stopped;
}

const char *
koc_token_kind_to_string (KocTokenKind kind)
{
  switch (kind)
    {
    case KOC_TOKEN_WORD:       return "word";
    case KOC_TOKEN_NUMBER:     return "number";
    case KOC_TOKEN_HAN_BIGRAM: return "han-bigram";
    case KOC_TOKEN_HAN_SINGLE: return "han-single";
    case KOC_TOKEN_HASHTAG:    return "hashtag";
    case KOC_TOKEN_MENTION:    return "mention";
    case KOC_TOKEN_EMOTICON:   return "emoticon";
    case KOC_TOKEN_EMOJI:      return "emoji";
    default:                   return "unknown";
    }
}
