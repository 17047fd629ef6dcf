/* koc-keywords.h: keywords for display (clouds, trends) from Chinese and English posts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search indexes Han text as overlapping bigrams (koc-tokenize.h); a cloud needs real
 * words. A KocKeywordExtractor turns one post into an ordered list of pieces:
 *
 * - Dropped first: everything from the first `//@` on (a Weibo repost chain: the text of
 *   other posts), URLs (http://, https://, www.), Weibo emoticon codes `[哈哈]`, @mentions.
 *   Each of them also separates the text around it.
 * - Hashtags `#话题#` and `#tag` are kept whole (NFKC case-folded, with their marks).
 * - The rest is NFKC case-folded (ＡＢＣ = abc), then the lexicon is matched longest first
 *   (built-in domain words like 面膜, 种草, 小红书, 平替, plus the user's words and brand
 *   aliases; a Latin entry only matches at word boundaries), and what lies between lexicon
 *   matches goes through ICU word breaks.
 * - Numbers, punctuation, emoji and stopwords (built-in zh and en lists, which the user
 *   can extend or override) are dropped; a single character that is not in the lexicon is
 *   a FRAGMENT: never a keyword by itself, but the phrase step may join it to a neighbour.
 *
 * A KocKeywordCounter runs the extractor over a set of posts and adds the phrase step:
 * two pieces that follow each other directly are merged into one keyword when the pair is
 * frequent (at least min_pair_count times) and much more frequent than chance (pointwise
 * mutual information >= min_pmi, natural log). Everything is deterministic: the same
 * posts in the same order give the same keywords, counts and order.
 *
 * An extractor and a counter are not thread-safe; use one per thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KOC_LEXICON_WORD,   /* kept whole; overrides a built-in stopword */
  KOC_LEXICON_STOP,   /* dropped */
  KOC_LEXICON_ALIAS,  /* kept whole, reported as its canonical name (a brand) */
} KocLexiconKind;

typedef enum
{
  KOC_KEYWORD_WORD,      /* an ICU word of two or more characters */
  KOC_KEYWORD_LEXICON,   /* a lexicon word */
  KOC_KEYWORD_ALIAS,     /* a brand alias, text is the canonical name */
  KOC_KEYWORD_HASHTAG,   /* #话题# or #tag */
  KOC_KEYWORD_FRAGMENT,  /* one character, only a keyword as part of a phrase */
  KOC_KEYWORD_PHRASE,    /* made by the phrase step */
} KocKeywordKind;

typedef struct
{
  const char     *text;      /* normalized, NUL-terminated, valid during the callback */
  gsize           len;
  KocKeywordKind  kind;
  gboolean        adjacent;  /* follows the previous piece directly (only spaces between) */
} KocKeywordPiece;

typedef void (*KocKeywordPieceFunc) (const KocKeywordPiece *piece,
                                     gpointer               user_data);

typedef struct _KocKeywordExtractor KocKeywordExtractor;

KocKeywordExtractor *koc_keyword_extractor_new       (GError              **error);
void                 koc_keyword_extractor_free      (KocKeywordExtractor  *self);

/* Adds a user entry (normalized here). For an alias, @canonical is what is reported
 * (NULL: the alias itself). A later entry for the same word replaces the earlier one. */
void                 koc_keyword_extractor_add_entry (KocKeywordExtractor  *self,
                                                      const char           *word,
                                                      KocLexiconKind        kind,
                                                      const char           *canonical);
gboolean             koc_keyword_extractor_is_stopword (KocKeywordExtractor *self,
                                                        const char         *word);

/* The pieces of one post, in text order. */
void                 koc_keyword_extractor_run       (KocKeywordExtractor  *self,
                                                      const char           *text,
                                                      gssize                len,
                                                      KocKeywordPieceFunc   func,
                                                      gpointer              user_data);

/* The distinct keywords of one post without the phrase step (fragments left out), sorted
 * by strcmp(): what the store aggregates per post. (element-type utf8) */
GPtrArray           *koc_keyword_extractor_post_keywords (KocKeywordExtractor *self,
                                                          const char          *text,
                                                          gssize               len);

/* NFKC_Casefold of @text (newly allocated). */
char                *koc_keywords_normalize          (const char           *text);

/* The built-in lists (NULL-terminated, normalized). */
const char * const  *koc_keywords_builtin_lexicon    (void);
const char * const  *koc_keywords_builtin_stopwords  (void);

typedef struct
{
  char   *keyword;
  gint64  count;        /* posts that contain it */
  gint64  occurrences;  /* times it occurs */
  gint64  engagement;   /* sum of the engagement of the posts that contain it */
  double  score;        /* TF-IDF (see koc_keyword_tfidf()) */
  double  trend;        /* see koc_keyword_trend(); 0 when unknown */
} KocKeyword;

void                 koc_keyword_free                (KocKeyword           *keyword);

/* +1 for a word of the small built-in positive list (好用, 回购, love…), -1 for the negative
 * one (踩雷, 失望, 拔草, disappointed…), else 0. */
int                  koc_keywords_polarity           (const char           *keyword);
/* Net sentiment, an ESTIMATE from that lexicon: (pos - neg) / (pos + neg), where pos and
 * neg add up the counts of the positive and negative keywords of @keywords (element-type
 * KocKeyword); 0 when there are none. */
double               koc_keywords_net_sentiment      (GPtrArray            *keywords,
                                                      gint64               *positive_posts,
                                                      gint64               *negative_posts);

/* TF-IDF of a keyword found in @count posts of the selection, against a workspace of
 * @n_docs posts where @df posts contain it: count × (ln ((1 + n_docs) / (1 + df)) + 1). */
double               koc_keyword_tfidf               (gint64                count,
                                                      gint64                df,
                                                      gint64                n_docs);

/* Trending: log2 of how much more often the keyword is used now than in the previous
 * period, each count as a share of the period's posts (add-one smoothed). Returns 0 when
 * neither period has at least @min_count posts with it, so noise doesn't trend, and when
 * either period has no posts at all (nothing to compare with). */
double               koc_keyword_trend               (gint64                now,
                                                      gint64                n_now,
                                                      gint64                prev,
                                                      gint64                n_prev,
                                                      gint64                min_count);

/* Sorts by count (descending), then score, then keyword: a total, deterministic order. */
void                 koc_keywords_sort_by_count      (GPtrArray            *keywords);
/* Sorts by score (descending), then count, then keyword. */
void                 koc_keywords_sort_by_score      (GPtrArray            *keywords);

typedef struct
{
  gboolean phrases;         /* run the phrase step */
  guint    min_pair_count;  /* 0: 5 */
  double   min_pmi;         /* 0: 2.5 */
} KocKeywordCounterOptions;

typedef struct _KocKeywordCounter KocKeywordCounter;

/* @extractor must outlive the counter. @options may be NULL (phrases on). */
KocKeywordCounter   *koc_keyword_counter_new         (KocKeywordExtractor            *extractor,
                                                      const KocKeywordCounterOptions *options);
void                 koc_keyword_counter_free        (KocKeywordCounter    *self);
void                 koc_keyword_counter_add         (KocKeywordCounter    *self,
                                                      const char           *text,
                                                      gssize                len,
                                                      gint64                engagement);
guint                koc_keyword_counter_get_n_posts (KocKeywordCounter    *self);
/* (element-type utf8) (transfer full): the phrases the phrase step finds in the posts
 * added so far (the merged text: Han pieces joined directly, Latin ones with a space),
 * sorted by strcmp(). The store learns them once per full computation and keeps them as
 * lexicon words, so its per-post aggregates merge the same pieces. */
GPtrArray           *koc_keyword_counter_find_phrases (KocKeywordCounter   *self);
/* (element-type KocKeyword) (transfer full): every keyword, sorted by count, with
 * score = TF-IDF against the counted posts themselves. */
GPtrArray           *koc_keyword_counter_finish      (KocKeywordCounter    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocKeywordExtractor, koc_keyword_extractor_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocKeywordCounter, koc_keyword_counter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocKeyword, koc_keyword_free)

G_END_DECLS
