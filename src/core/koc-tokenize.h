/* koc-tokenize.h: mixed Chinese/English segmentation for search and keywords.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KocTokenizer splits UTF-8 text into normalized tokens, each with the byte offsets of the
 * ORIGINAL text it came from (so FTS5 highlight() and snippet() mark the right bytes).
 * It does not depend on SQLite; src/store/koc-fts.c wraps it as the FTS5 tokenizer "koc".
 *
 * Rules (the same in document and query mode unless said otherwise):
 *
 * - Normalization: every token is NFKC_Casefold-ed (ICU), so full-width ＡＢＣ１２３ equals
 *   abc123, SEPHORA equals sephora, and default-ignorable characters (ZWJ, variation selectors,
 *   U+200B, U+FEFF) vanish from token text. Offsets always point into the original bytes.
 * - Han (script Han: CJK ideographs, 々, 〇, compatibility ideographs): every run of Han
 *   characters gives OVERLAPPING BIGRAMS (这款面膜 -> 这款 款面 面膜).  A run of one
 *   character gives that character (KOC_TOKEN_HAN_SINGLE).  Default-ignorable characters
 *   (U+200B, U+FEFF...) between two Han characters do not end the run.
 *   Single characters: in DOCUMENT mode the last character of every run of two or more is
 *   also emitted, COLOCATED with the last bigram (面膜 + 膜 at one position).  Then every
 *   occurrence of a Han character is the first character of some token, and a one-character
 *   query is answered exactly by the prefix query "膜"* (koc_fts_build_match() adds the
 *   star).  This costs one extra token per run instead of one per character.  QUERY mode
 *   emits bigrams only (or the single character of a run of one).  A side effect: highlight()
 *   for a one-character query marks the bigram that starts with it (这款面[膜真]的).
 *   Colocated tokens never come first in a run.
 * - Other text goes through ICU word breaks (UBRK_WORD): Latin words, numbers (KOC_TOKEN_NUMBER,
 *   e.g. 1,099), kana (ICU dictionary words), Hangul, Thai (ICU dictionary).  Punctuation and
 *   spaces are dropped.
 * - Emoji (Extended_Pictographic from U+2300 up, regional indicators) are kept, one token per cluster
 *   (KOC_TOKEN_EMOJI; ZWJ and FE0F are removed by the normalization).
 * - Hashtags: Weibo style #话题# (closing #, at most 50 characters, no line break, no leading or
 *   trailing space; without Chinese/Japanese/Korean inside it must also hold no space and not
 *   be followed by a letter, so "#apple rocks C#" and "#apple,#samsung" are Twitter tags)
 *   and Twitter style #hashtag (letters, digits, _; not all digits; not after
 *   a letter, digit, _ or &) are one token each ("#话题#" and "#hashtag" are different
 *   tokens).  Mentions @name (letters, digits, _ and -, at most 30 characters, not after an
 *   ASCII letter or digit so e-mail addresses are not mentions) likewise.  In DOCUMENT mode the
 *   inner text is also tokenized, its first token colocated with the whole tag, so 话题 finds
 *   #话题#.  In QUERY mode only the whole tag is emitted, so the query #话题# or @someone
 *   matches exactly those.
 * - Weibo emoticon codes [哈哈], [爱你], [good] ('[' + 1 to 8 letters or digits with at least
 *   one letter + ']') are one KOC_TOKEN_EMOTICON token and their inside is NOT indexed:
 *   searching 哈哈 does not match every post carrying the [哈哈] emoticon, [哈哈] does.
 * - Invalid UTF-8 bytes and NUL bytes are skipped (they separate tokens); no input crashes.
 *
 * A KocTokenizer holds one ICU break iterator and scratch buffers: it is not thread-safe
 * and not re-entrant (do not call koc_tokenizer_run() from inside the callback).  Use one
 * per thread / per SQLite connection.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KOC_TOKEN_WORD,
  KOC_TOKEN_NUMBER,
  KOC_TOKEN_HAN_BIGRAM,
  KOC_TOKEN_HAN_SINGLE,
  KOC_TOKEN_HASHTAG,
  KOC_TOKEN_MENTION,
  KOC_TOKEN_EMOTICON,
  KOC_TOKEN_EMOJI,
} KocTokenKind;

typedef enum
{
  KOC_TOKENIZE_DOCUMENT = 0,
  KOC_TOKENIZE_QUERY    = 1 << 0,
} KocTokenizeFlags;

typedef struct
{
  const char   *text;       /* normalized token, NUL-terminated, valid during the callback */
  gsize         len;        /* bytes in text */
  gsize         start;      /* byte offset of the token in the original text */
  gsize         end;        /* byte offset just after it */
  KocTokenKind  kind;
  gboolean      colocated;  /* at the same position as the previous token */
} KocToken;

/* Return FALSE to stop the run. */
typedef gboolean (*KocTokenFunc) (const KocToken *token,
                                  gpointer        user_data);

typedef struct _KocTokenizer KocTokenizer;

KocTokenizer *koc_tokenizer_new            (GError           **error);
void          koc_tokenizer_free           (KocTokenizer      *self);

/* Tokenizes len bytes of text (len < 0: NUL-terminated).  Returns FALSE when func stopped it. */
gboolean      koc_tokenizer_run            (KocTokenizer      *self,
                                            const char        *text,
                                            gssize             len,
                                            KocTokenizeFlags   flags,
                                            KocTokenFunc       func,
                                            gpointer           user_data);

const char   *koc_token_kind_to_string     (KocTokenKind       kind);

/* TRUE for a character the tokenizer treats as Han (bigram material). */
gboolean      koc_unichar_is_han           (gunichar           c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocTokenizer, koc_tokenizer_free)

G_END_DECLS
