/* koc-keywords-count.c: keywords of a set of posts, with the phrase step, and the scores.
 *
 * Every post's pieces are kept as interned ids (one guint32 each, the top bit marking "joins
 * the previous piece"), so the phrase step can look at the whole set first and then merge:
 *
 *   1. count each piece and each pair of joined pieces (a pair only when both pieces are of
 *      the same script class, Han/kana with Han/kana or Latin with Latin, and neither is a
 *      hashtag or an alias);
 *   2. a pair is a phrase when it occurs at least min_pair_count times and its PMI,
 *      ln (c(ab) × N / (c(a) × c(b))) with N the number of pieces, is at least min_pmi;
 *   3. each post is read again left to right and every phrase pair is merged (greedy, the
 *      leftmost pair first), Han pieces without a space and Latin ones with one.
 *
 * Fragments (single characters not in the lexicon) are only kept inside a phrase.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include <math.h>
#include <string.h>

#include "koc-keywords.h"
#include "koc-tokenize.h"

#define JOINED_BIT ((guint32) 1 << 31)

typedef struct
{
  char           *text;
  KocKeywordKind  kind;
  gboolean        latin;
  gint64          occurrences;
} Piece;

struct _KocKeywordCounter
{
  KocKeywordExtractor      *extractor;
  KocKeywordCounterOptions  options;
  GHashTable               *ids;      /* text → id + 1 */
  GArray                   *pieces;   /* Piece by id */
  GArray                   *stream;   /* guint32 ids of every post, one after the other */
  GArray                   *starts;   /* guint: where each post starts in stream */
  GArray                   *engagement; /* gint64 per post */
};

void
koc_keyword_free (KocKeyword *keyword)
{
  if (keyword == NULL)
    return;
  g_free (keyword->keyword);
  g_free (keyword);
}

double
koc_keyword_tfidf (gint64 count,
                   gint64 df,
                   gint64 n_docs)
{
  if (count <= 0)
    return 0;
  return (double) count * (log ((1.0 + (double) MAX (n_docs, 0)) / (1.0 + (double) MAX (df, 0))) + 1.0);
}

double
koc_keyword_trend (gint64 now,
                   gint64 n_now,
                   gint64 prev,
                   gint64 n_prev,
                   gint64 min_count)
{
  double share_now, share_prev;

  /* No posts at all in one of the periods (before the first post): no trend. */
  if ((now < min_count && prev < min_count) || n_now <= 0 || n_prev <= 0)
    return 0;
  share_now = (now + 1.0) / (MAX (n_now, 0) + 1.0);
  share_prev = (prev + 1.0) / (MAX (n_prev, 0) + 1.0);
  return log2 (share_now / share_prev);
}

static int
compare_count (gconstpointer a,
               gconstpointer b)
{
  const KocKeyword *x = *(const KocKeyword * const *) a;
  const KocKeyword *y = *(const KocKeyword * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return strcmp (x->keyword, y->keyword);
}

static int
compare_score (gconstpointer a,
               gconstpointer b)
{
  const KocKeyword *x = *(const KocKeyword * const *) a;
  const KocKeyword *y = *(const KocKeyword * const *) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->keyword, y->keyword);
}

void
koc_keywords_sort_by_count (GPtrArray *keywords)
{
  g_ptr_array_sort (keywords, compare_count);
}

void
koc_keywords_sort_by_score (GPtrArray *keywords)
{
  g_ptr_array_sort (keywords, compare_score);
}

static void
piece_clear (gpointer data)
{
  g_free (((Piece *) data)->text);
}

KocKeywordCounter *
koc_keyword_counter_new (KocKeywordExtractor            *extractor,
                         const KocKeywordCounterOptions *options)
{
  KocKeywordCounter *self = g_new0 (KocKeywordCounter, 1);

  self->extractor = extractor;
  if (options != NULL)
    self->options = *options;
  else
    self->options.phrases = TRUE;
  if (self->options.min_pair_count == 0)
    self->options.min_pair_count = 5;
  if (self->options.min_pmi == 0)
    self->options.min_pmi = 2.5;
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (self->pieces, piece_clear);
  self->stream = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->engagement = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

void
koc_keyword_counter_free (KocKeywordCounter *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->ids);
  g_array_unref (self->pieces);
  g_array_unref (self->stream);
  g_array_unref (self->starts);
  g_array_unref (self->engagement);
  g_free (self);
}

static gboolean
text_is_latin (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (koc_unichar_is_han (c) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF))
        return FALSE;
    }
  return TRUE;
}

static guint32
intern (KocKeywordCounter *self,
        const char        *text,
        gsize              len,
        KocKeywordKind     kind)
{
  g_autofree char *key = g_strndup (text, len);
  gpointer found = g_hash_table_lookup (self->ids, key);
  Piece piece = { 0 };

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  piece.text = g_steal_pointer (&key);
  piece.kind = kind;
  piece.latin = text_is_latin (piece.text);
  g_array_append_val (self->pieces, piece);
  g_hash_table_insert (self->ids, piece.text, GUINT_TO_POINTER (self->pieces->len));
  return self->pieces->len - 1;
}

static void
add_piece (const KocKeywordPiece *piece,
           gpointer               user_data)
{
  KocKeywordCounter *self = user_data;
  guint32 id = intern (self, piece->text, piece->len, piece->kind);

  if (piece->adjacent)
    id |= JOINED_BIT;
  g_array_append_val (self->stream, id);
}

void
koc_keyword_counter_add (KocKeywordCounter *self,
                         const char        *text,
                         gssize             len,
                         gint64             engagement)
{
  guint start = self->stream->len;

  g_array_append_val (self->starts, start);
  g_array_append_val (self->engagement, engagement);
  koc_keyword_extractor_run (self->extractor, text, len, add_piece, self);
}

guint
koc_keyword_counter_get_n_posts (KocKeywordCounter *self)
{
  return self->starts->len;
}

static gboolean
mergeable (const Piece *a,
           const Piece *b)
{
  return a->kind != KOC_KEYWORD_HASHTAG && b->kind != KOC_KEYWORD_HASHTAG &&
         a->kind != KOC_KEYWORD_ALIAS && b->kind != KOC_KEYWORD_ALIAS &&
         a->latin == b->latin;
}

static int
compare_phrase_texts (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

#define PAIR_KEY(a, b) ((((guint64) (a)) << 32) | (guint64) (b))

/* Step 1 and 2: the set of phrase pairs (keys PAIR_KEY). */
static GHashTable *
find_phrases (KocKeywordCounter *self)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTable *phrases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const guint32 *s = (const guint32 *) (gconstpointer) self->stream->data;
  Piece *pieces = (Piece *) (gpointer) self->pieces->data;
  double total = self->stream->len;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->stream->len; i++)
    {
      guint32 b = s[i] & ~JOINED_BIT, a;
      gint64 *count;
      guint64 k;

      pieces[b].occurrences++;
      if (i == 0 || !(s[i] & JOINED_BIT))
        continue;
      a = s[i - 1] & ~JOINED_BIT;
      if (!mergeable (&pieces[a], &pieces[b]))
        continue;
      k = PAIR_KEY (a, b);
      count = g_hash_table_lookup (pairs, &k);
      if (count == NULL)
        {
          count = g_new0 (gint64, 1);
          g_hash_table_insert (pairs, g_memdup2 (&k, sizeof k), count);
        }
      (*count)++;
    }

  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 k = *(guint64 *) key;
      gint64 c = *(gint64 *) value;
      const Piece *a = &pieces[k >> 32];
      const Piece *b = &pieces[k & 0xFFFFFFFF];
      double pmi;

      if (c < (gint64) self->options.min_pair_count)
        continue;
      pmi = log ((double) c * total / ((double) a->occurrences * (double) b->occurrences));
      if (pmi >= self->options.min_pmi)
        {
          g_autofree char *joined = g_strconcat (a->text, a->latin ? " " : "", b->text, NULL);

          if (!koc_keyword_extractor_is_stopword (self->extractor, joined))
            g_hash_table_add (phrases, g_memdup2 (&k, sizeof k));
        }
    }
  return phrases;
}

GPtrArray *
koc_keyword_counter_find_phrases (KocKeywordCounter *self)
{
  g_autoptr(GHashTable) phrases = find_phrases (self);
  const Piece *pieces = (const Piece *) (gconstpointer) self->pieces->data;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, phrases);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint64 k = *(guint64 *) key;
      const Piece *a = &pieces[k >> 32];
      const Piece *b = &pieces[k & 0xFFFFFFFF];

      g_ptr_array_add (out, g_strconcat (a->text, a->latin ? " " : "", b->text, NULL));
    }
  g_ptr_array_sort (out, compare_phrase_texts);
  return out;
}

typedef struct
{
  KocKeyword *keyword;
  guint       last_post;  /* post index + 1 that last counted it */
} Tally;

static void
tally_free (gpointer data)
{
  Tally *tally = data;

  koc_keyword_free (tally->keyword);
  g_free (tally);
}

static void
tally_add (GHashTable *tallies,
           const char *text,
           guint       post,
           gint64      engagement)
{
  Tally *tally = g_hash_table_lookup (tallies, text);

  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      tally->keyword = g_new0 (KocKeyword, 1);
      tally->keyword->keyword = g_strdup (text);
      g_hash_table_insert (tallies, tally->keyword->keyword, tally);
    }
  tally->keyword->occurrences++;
  if (tally->last_post != post + 1)
    {
      tally->last_post = post + 1;
      tally->keyword->count++;
      tally->keyword->engagement += engagement;
    }
}

GPtrArray *
koc_keyword_counter_finish (KocKeywordCounter *self)
{
  g_autoptr(GHashTable) phrases = NULL;
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, tally_free);
  const guint32 *s = (const guint32 *) (gconstpointer) self->stream->data;
  const Piece *pieces;
  guint n_posts = self->starts->len;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_keyword_free);
  g_autoptr(GString) merged = g_string_new (NULL);
  GHashTableIter iter;
  gpointer value;

  phrases = self->options.phrases ? find_phrases (self)
                                  : g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  pieces = (const Piece *) (gconstpointer) self->pieces->data;

  for (guint p = 0; p < n_posts; p++)
    {
      guint start = g_array_index (self->starts, guint, p);
      guint end = p + 1 < n_posts ? g_array_index (self->starts, guint, p + 1) : self->stream->len;
      gint64 engagement = g_array_index (self->engagement, gint64, p);

      for (guint i = start; i < end; i++)
        {
          guint32 a = s[i] & ~JOINED_BIT;

          if (i + 1 < end && (s[i + 1] & JOINED_BIT) && g_hash_table_size (phrases) > 0)
            {
              guint64 k = PAIR_KEY (a, s[i + 1] & ~JOINED_BIT);

              if (g_hash_table_contains (phrases, &k))
                {
                  const Piece *b = &pieces[s[i + 1] & ~JOINED_BIT];

                  g_string_assign (merged, pieces[a].text);
                  if (pieces[a].latin)
                    g_string_append_c (merged, ' ');
                  g_string_append (merged, b->text);
                  tally_add (tallies, merged->str, p, engagement);
                  i++;
                  continue;
                }
            }
          if (pieces[a].kind != KOC_KEYWORD_FRAGMENT)
            tally_add (tallies, pieces[a].text, p, engagement);
        }
    }

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Tally *tally = value;

      tally->keyword->score = koc_keyword_tfidf (tally->keyword->count, tally->keyword->count, n_posts);
      g_ptr_array_add (out, g_steal_pointer (&tally->keyword));
    }
  koc_keywords_sort_by_count (out);
  return out;
}
