/* koc-keywords.c: the keyword extractor (see koc-keywords.h for the rules).
 *
 * The post is scanned once, code point by code point, with the recognisers the search
 * tokenizer uses (koc-tokenize-scan.h) for #tags#, @mentions and [emoticons]. The text
 * between dropped or special items is a segment: it is NFKC case-folded as a whole, the
 * lexicon is matched longest first, and the stretches between matches go through one
 * reused ICU word break iterator over a reused UTF-8 UText.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include "koc-keywords.h"
#include "koc-tokenize-scan.h"

#include <gio/gio.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

/* Longer lexicon entries are ignored (the length masks are 32 bits). */
#define MAX_ENTRY_CHARS 31

typedef struct
{
  KocLexiconKind  kind;
  char           *canonical;  /* aliases: what is reported */
} Entry;

struct _KocKeywordExtractor
{
  UBreakIterator     *brk;
  UText              *ut;
  const UNormalizer2 *nfkc_cf;
  GHashTable         *words;        /* normalized word → Entry (WORD and ALIAS) */
  GHashTable         *stops;        /* normalized word → itself */
  GHashTable         *first_chars;  /* first code point of a lexicon word → bit mask of
                                     * the lengths (in code points) of the words */
  guint               max_chars;    /* longest lexicon word, in code points */
  GArray             *u16;
  GArray             *u16n;
  GString            *norm;
  GArray             *offsets;      /* byte offset of each code point of norm, + end */
  GString            *piece;

  /* State of one run. */
  KocKeywordPieceFunc func;
  gpointer            user_data;
  gssize              last_end;     /* end of the last piece in norm, -1: none to join */
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->canonical);
  g_free (entry);
}

/* NFKC_Casefold of s[0..n) appended to out. */
static void
normalize_append (KocKeywordExtractor *self,
                  const char          *s,
                  gsize                n,
                  GString             *out)
{
  UErrorCode err = U_ZERO_ERROR;
  int32_t n16 = 0, nn, n8 = 0;
  gsize old, i;
  gboolean ascii = TRUE;

  for (i = 0; i < n && ascii; i++)
    ascii = (guchar) s[i] < 0x80;
  if (ascii)
    {
      for (i = 0; i < n; i++)
        g_string_append_c (out, g_ascii_tolower (s[i]));
      return;
    }
  if (n >= G_MAXINT32 / 4)
    return;

  g_array_set_size (self->u16, n + 1);
  u_strFromUTF8 ((UChar *) self->u16->data, (int32_t) n + 1, &n16, s, (int32_t) n, &err);
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
  old = out->len;
  g_string_set_size (out, old + (gsize) nn * 3 + 1);
  u_strToUTF8 (out->str + old, nn * 3 + 1, &n8, (const UChar *) self->u16n->data, nn, &err);
  g_string_set_size (out, U_FAILURE (err) ? old : old + (gsize) n8);
}

static char *
normalize (KocKeywordExtractor *self,
           const char          *s)
{
  GString *out = g_string_new (NULL);

  normalize_append (self, s, strlen (s), out);
  return g_string_free (out, FALSE);
}

static void
add_word (KocKeywordExtractor *self,
          char                *word,  /* (transfer full) normalized */
          KocLexiconKind       kind,
          char                *canonical)
{
  glong n = g_utf8_strlen (word, -1);
  Entry *entry;
  gpointer c;
  guint mask;

  if (n == 0)
    {
      g_free (word);
      g_free (canonical);
      return;
    }
  if (kind == KOC_LEXICON_STOP)
    {
      g_hash_table_remove (self->words, word);
      g_hash_table_replace (self->stops, word, word);
      g_free (canonical);
      return;
    }

  if (n > MAX_ENTRY_CHARS)
    {
      g_free (word);
      g_free (canonical);
      return;
    }
  entry = g_new0 (Entry, 1);
  entry->kind = kind;
  entry->canonical = canonical;
  g_hash_table_remove (self->stops, word);
  c = GUINT_TO_POINTER (g_utf8_get_char (word));
  mask = GPOINTER_TO_UINT (g_hash_table_lookup (self->first_chars, c));
  g_hash_table_insert (self->first_chars, c, GUINT_TO_POINTER (mask | (1u << n)));
  self->max_chars = MAX (self->max_chars, (guint) n);
  g_hash_table_replace (self->words, word, entry);
}

KocKeywordExtractor *
koc_keyword_extractor_new (GError **error)
{
  g_autoptr(KocKeywordExtractor) self = g_new0 (KocKeywordExtractor, 1);
  UErrorCode err = U_ZERO_ERROR;
  const char * const *list;

  self->u16 = g_array_new (FALSE, FALSE, sizeof (UChar));
  self->u16n = g_array_new (FALSE, FALSE, sizeof (UChar));
  self->norm = g_string_sized_new (256);
  self->piece = g_string_sized_new (64);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->stops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->first_chars = g_hash_table_new (NULL, NULL);

  self->nfkc_cf = unorm2_getNFKCCasefoldInstance (&err);
  if (U_SUCCESS (err))
    self->brk = ubrk_open (UBRK_WORD, "zh", NULL, 0, &err);
  if (U_FAILURE (err))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "ICU word break or normalizer unavailable: %s", u_errorName (err));
      return NULL;
    }

  for (list = koc_keywords_builtin_stopwords (); *list != NULL; list++)
    add_word (self, g_strdup (*list), KOC_LEXICON_STOP, NULL);
  for (list = koc_keywords_builtin_lexicon (); *list != NULL; list++)
    add_word (self, g_strdup (*list), KOC_LEXICON_WORD, NULL);
  return g_steal_pointer (&self);
}

void
koc_keyword_extractor_free (KocKeywordExtractor *self)
{
  if (self == NULL)
    return;
  if (self->brk != NULL)
    ubrk_close (self->brk);
  if (self->ut != NULL)
    utext_close (self->ut);
  g_array_unref (self->u16);
  g_array_unref (self->u16n);
  g_array_unref (self->offsets);
  g_string_free (self->norm, TRUE);
  g_string_free (self->piece, TRUE);
  g_hash_table_unref (self->words);
  g_hash_table_unref (self->stops);
  g_hash_table_unref (self->first_chars);
  g_free (self);
}

void
koc_keyword_extractor_add_entry (KocKeywordExtractor *self,
                                 const char          *word,
                                 KocLexiconKind       kind,
                                 const char          *canonical)
{
  g_return_if_fail (self != NULL && word != NULL);

  add_word (self, normalize (self, word), kind,
            kind == KOC_LEXICON_ALIAS && canonical != NULL ? g_strdup (canonical) : NULL);
}

gboolean
koc_keyword_extractor_is_stopword (KocKeywordExtractor *self,
                                   const char          *word)
{
  g_autofree char *norm = normalize (self, word);

  return g_hash_table_contains (self->stops, norm);
}

char *
koc_keywords_normalize (const char *text)
{
  g_autoptr(KocKeywordExtractor) self = koc_keyword_extractor_new (NULL);

  return self != NULL ? normalize (self, text) : g_strdup (text);
}

static void
emit (KocKeywordExtractor *self,
      const char          *text,
      gsize                len,
      KocKeywordKind       kind,
      gboolean             adjacent)
{
  KocKeywordPiece piece = { text, len, kind, adjacent };

  self->func (&piece, self->user_data);
}

/* Whether only spaces lie between the last piece and @start (both in norm). */
static gboolean
joins_last (KocKeywordExtractor *self,
            gsize                start)
{
  if (self->last_end < 0 || (gsize) self->last_end > start)
    return FALSE;
  for (gsize i = (gsize) self->last_end; i < start; i++)
    if (self->norm->str[i] != ' ')
      return FALSE;
  return TRUE;
}

#define LEAD_CHARS  "我你他她它咱也都的"
#define TRAIL_CHARS "了的吗呢吧啊呀啦们是"

static gboolean
strchr_utf8 (const char *set,
             gunichar    c)
{
  return c >= 0x80 && g_utf8_strchr (set, -1, c) != NULL;
}

/* One candidate word of norm[start, end): filters it and emits it. */
static void
consider (KocKeywordExtractor *self,
          gsize                start,
          gsize                end,
          const Entry         *entry)
{
  const char *s = self->norm->str + start;
  gboolean has_letter = FALSE;
  gboolean adjacent;
  glong n_chars;
  KocKeywordKind kind;

  g_string_truncate (self->piece, 0);
  g_string_append_len (self->piece, s, end - start);

  if (entry == NULL)
    entry = g_hash_table_lookup (self->words, self->piece->str);
  if (g_hash_table_contains (self->stops, self->piece->str))
    {
      self->last_end = -1;
      return;
    }
  for (const char *p = self->piece->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) || koc_unichar_is_han (c))
        {
          has_letter = TRUE;
          break;
        }
    }
  if (!has_letter)
    {
      self->last_end = -1;
      return;
    }

  /* Pronouns before and particles after a Han word (我在, 吃了, 朋友们) are not part of it:
   * ICU's dictionary keeps some of them, which would fill clouds with 我是 and 都是. */
  if (entry == NULL && g_utf8_strlen (self->piece->str, -1) >= 2)
    {
      while (self->piece->len > 0 && strchr_utf8 (LEAD_CHARS, g_utf8_get_char (self->piece->str)))
        {
          gsize skip = (gsize) (g_utf8_next_char (self->piece->str) - self->piece->str);

          g_string_erase (self->piece, 0, (gssize) skip);
          start += skip;
        }
      while (self->piece->len > 0)
        {
          const char *last = g_utf8_find_prev_char (self->piece->str, self->piece->str + self->piece->len);

          if (last == NULL || !strchr_utf8 (TRAIL_CHARS, g_utf8_get_char (last)))
            break;
          end -= (gsize) (self->piece->str + self->piece->len - last);
          g_string_truncate (self->piece, (gsize) (last - self->piece->str));
        }
      if (g_utf8_strlen (self->piece->str, -1) < 2 || g_hash_table_contains (self->stops, self->piece->str))
        {
          self->last_end = -1;
          return;
        }
      entry = g_hash_table_lookup (self->words, self->piece->str);
    }

  adjacent = joins_last (self, start);
  n_chars = g_utf8_strlen (self->piece->str, -1);
  if (entry != NULL)
    kind = entry->kind == KOC_LEXICON_ALIAS ? KOC_KEYWORD_ALIAS : KOC_KEYWORD_LEXICON;
  else if (n_chars == 1)
    kind = KOC_KEYWORD_FRAGMENT;
  else
    kind = KOC_KEYWORD_WORD;

  if (entry != NULL && entry->canonical != NULL)
    {
      /* A stopped brand name is stopped under all its aliases. */
      g_autofree char *canonical = normalize (self, entry->canonical);

      if (g_hash_table_contains (self->stops, canonical))
        {
          self->last_end = -1;
          return;
        }
      emit (self, entry->canonical, strlen (entry->canonical), kind, adjacent);
    }
  else
    emit (self, self->piece->str, self->piece->len, kind, adjacent);
  self->last_end = (gssize) end;
}

/* ICU word breaks over norm[start, end). */
static void
break_words (KocKeywordExtractor *self,
             gsize                start,
             gsize                end)
{
  UErrorCode err = U_ZERO_ERROR;
  int32_t from, to;

  if (start >= end)
    return;
  self->ut = utext_openUTF8 (self->ut, self->norm->str + start, (int64_t) (end - start), &err);
  ubrk_setUText (self->brk, self->ut, &err);
  if (U_FAILURE (err))
    return;

  from = ubrk_first (self->brk);
  for (to = ubrk_next (self->brk); to != UBRK_DONE; from = to, to = ubrk_next (self->brk))
    {
      int32_t status = ubrk_getRuleStatus (self->brk);

      if (status < UBRK_WORD_NONE_LIMIT)
        {
          /* Spaces keep two words joinable; any other gap does not. */
          for (int32_t i = from; i < to; i++)
            if (self->norm->str[start + i] != ' ')
              self->last_end = -1;
          continue;
        }
      if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
        {
          self->last_end = -1;
          continue;
        }
      consider (self, start + (gsize) from, start + (gsize) to, NULL);
    }
}

static gboolean
is_ascii_alnum_at (const char *s,
                   gsize       i)
{
  return g_ascii_isalnum (s[i]);
}

/* The segment text[start, end) of the original post. */
static void
segment (KocKeywordExtractor *self,
         const char          *text,
         gsize                start,
         gsize                end)
{
  const char *s;
  gsize *off;
  guint n, i, rest;

  if (start >= end)
    return;
  g_string_truncate (self->norm, 0);
  normalize_append (self, text + start, end - start, self->norm);
  self->last_end = -1;

  g_array_set_size (self->offsets, 0);
  s = self->norm->str;
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize o = (gsize) (p - s);
      g_array_append_val (self->offsets, o);
    }
  n = self->offsets->len;
  g_array_append_val (self->offsets, self->norm->len);
  off = (gsize *) (gpointer) self->offsets->data;

  /* Longest lexicon match first, left to right; ICU for what lies between. */
  for (i = 0, rest = 0; i < n;)
    {
      gunichar c = g_utf8_get_char (s + off[i]);
      guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (self->first_chars, GUINT_TO_POINTER (c)));
      gboolean matched = FALSE;

      if (mask != 0)
        {
          for (guint len = MIN (self->max_chars, n - i); len >= 1 && !matched; len--)
            {
              gsize from = off[i], to = off[i + len];
              const Entry *entry;

              if (!(mask & (1u << len)))
                continue;
              g_string_truncate (self->piece, 0);
              g_string_append_len (self->piece, s + from, to - from);
              entry = g_hash_table_lookup (self->words, self->piece->str);
              if (entry == NULL)
                continue;
              /* A Latin entry matches whole words only: "pd" is not in "update". */
              if ((is_ascii_alnum_at (s, from) && from > 0 && is_ascii_alnum_at (s, from - 1)) ||
                  (is_ascii_alnum_at (s, to - 1) && to < self->norm->len && is_ascii_alnum_at (s, to)))
                continue;
              break_words (self, off[rest], from);
              consider (self, from, to, entry);
              i += len;
              rest = i;
              matched = TRUE;
            }
        }
      if (!matched)
        i++;
    }
  break_words (self, off[rest], self->norm->len);
}

static gboolean
starts_with_ascii_ci (const char *s,
                      gsize       avail,
                      const char *prefix)
{
  gsize n = strlen (prefix);

  return avail >= n && g_ascii_strncasecmp (s, prefix, n) == 0;
}

void
koc_keyword_extractor_run (KocKeywordExtractor *self,
                           const char          *text,
                           gssize               len,
                           KocKeywordPieceFunc  func,
                           gpointer             user_data)
{
  const guchar *t = (const guchar *) text;
  gsize end, i, seg = G_MAXSIZE;
  gunichar prev = 0;

  g_return_if_fail (self != NULL && func != NULL);
  if (text == NULL)
    return;
  end = len < 0 ? strlen (text) : (gsize) len;
  self->func = func;
  self->user_data = user_data;

#define FLUSH() G_STMT_START { if (seg != G_MAXSIZE) segment (self, text, seg, i); seg = G_MAXSIZE; } G_STMT_END

  for (i = 0; i < end;)
    {
      gsize clen, tok_end, inner_start, inner_end;
      KocTokenKind kind;
      gunichar c = decode (t + i, end - i, &clen);

      if (c == INVALID_CHAR)
        {
          FLUSH ();
          i += clen;
          prev = 0;
          continue;
        }
      /* A repost chain: the rest is other people's posts. */
      if (c == '/' && starts_with_ascii_ci (text + i, end - i, "//@"))
        break;
      if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && !is_ascii_word (prev) &&
          (starts_with_ascii_ci (text + i, end - i, "http://") ||
           starts_with_ascii_ci (text + i, end - i, "https://") ||
           starts_with_ascii_ci (text + i, end - i, "www.")))
        {
          FLUSH ();
          while (i < end && t[i] > ' ' && t[i] < 0x80 && t[i] != '"' && t[i] != '<')
            i++;
          prev = ' ';
          continue;
        }
      if (match_special (t, c, prev, i, end, &kind, &tok_end, &inner_start, &inner_end))
        {
          FLUSH ();
          if (kind == KOC_TOKEN_HASHTAG)
            {
              g_string_truncate (self->norm, 0);
              normalize_append (self, text + i, tok_end - i, self->norm);
              if (self->norm->len > 1 && !g_hash_table_contains (self->stops, self->norm->str))
                emit (self, self->norm->str, self->norm->len, KOC_KEYWORD_HASHTAG, FALSE);
            }
          i = tok_end;
          prev = ' ';
          continue;
        }
      if (seg == G_MAXSIZE)
        seg = i;
      i += clen;
      prev = c;
    }
  FLUSH ();
#undef FLUSH

  self->func = NULL;
  self->user_data = NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect_post_keyword (const KocKeywordPiece *piece,
                      gpointer               user_data)
{
  GHashTable *set = user_data;

  if (piece->kind != KOC_KEYWORD_FRAGMENT)
    g_hash_table_add (set, g_strndup (piece->text, piece->len));
}

GPtrArray *
koc_keyword_extractor_post_keywords (KocKeywordExtractor *self,
                                     const char          *text,
                                     gssize               len)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  koc_keyword_extractor_run (self, text, len, collect_post_keyword, set);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (out, key);
    }
  g_ptr_array_sort (out, compare_strings);
  return out;
}
