/* test-keywords.c: keyword extraction for display (koc-keywords.h), on hand-made posts and
 * on the real Weibo posts of ../shared/corpus.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "koc-csv.h"
#include "koc-keywords.h"
#include "koc-test-utils.h"

static KocKeywordExtractor *
extractor_new (void)
{
  g_autoptr(GError) error = NULL;
  KocKeywordExtractor *ex = koc_keyword_extractor_new (&error);

  g_assert_no_error (error);
  g_assert_nonnull (ex);
  return ex;
}

/* The keywords of one post joined with '|'. */
static char *
post_keywords (KocKeywordExtractor *ex,
               const char          *text)
{
  g_autoptr(GPtrArray) words = koc_keyword_extractor_post_keywords (ex, text, -1);

  g_ptr_array_add (words, NULL);
  return g_strjoinv ("|", (char **) words->pdata);
}

static gboolean
has_keyword (GPtrArray  *keywords,
             const char *word)
{
  for (guint i = 0; i < keywords->len; i++)
    if (strcmp (((KocKeyword *) g_ptr_array_index (keywords, i))->keyword, word) == 0)
      return TRUE;
  return FALSE;
}

static void
test_drops (void)
{
  g_autoptr(KocKeywordExtractor) ex = extractor_new ();
  g_autofree char *a = post_keywords (ex, "这款面膜[哈哈][爱你] http://t.cn/abc123 @小美酱 真的好用 1,099 元！！");
  g_autofree char *b = post_keywords (ex, "种草了 防晒 //@小红:防晒霜 太油了 //@阿花:口红");
  g_autofree char *c = post_keywords (ex, "RT @Apple: The NEW iPhone is AMAZING https://apple.com #AAPL #Apple's");
  g_autofree char *d = post_keywords (ex, "");

  /* Emoticon codes, URLs, mentions, numbers, punctuation and stopwords are gone;
   * domain words are whole. */
  g_assert_cmpstr (a, ==, "好用|面膜");
  /* The repost chain is other people's text. */
  g_assert_cmpstr (b, ==, "种草|防晒");
  /* Latin: NFKC case folding, English stopwords, Twitter hashtags whole. */
  g_assert_cmpstr (c, ==, "#aapl|#apple|amazing|iphone");
  g_assert_cmpstr (d, ==, "");
}

static void
test_hashtags_and_width (void)
{
  g_autoptr(KocKeywordExtractor) ex = extractor_new ();
  g_autofree char *a = post_keywords (ex, "#小红书好物#分享一下我的粉底液＃平价护肤＃");
  g_autofree char *b = post_keywords (ex, "ＳＥＰＨＯＲＡ的精华液 Sephora");

  g_assert_cmpstr (a, ==, "#小红书好物#|#平价护肤#|粉底液");
  g_assert_cmpstr (b, ==, "sephora|精华液");
}

static void
test_lexicon (void)
{
  g_autoptr(KocKeywordExtractor) ex = extractor_new ();
  g_autofree char *before = post_keywords (ex, "栗山咖啡的生椰拿铁绝了，LISHAN yyds");
  g_autofree char *after = NULL;
  g_autofree char *stopped = NULL;
  g_autofree char *latin = NULL;

  koc_keyword_extractor_add_entry (ex, "栗山咖啡", KOC_LEXICON_ALIAS, "栗山咖啡");
  koc_keyword_extractor_add_entry (ex, "Lishan", KOC_LEXICON_ALIAS, "栗山咖啡");
  after = post_keywords (ex, "栗山咖啡的生椰拿铁绝了，LISHAN yyds");
  g_assert_cmpstr (after, ==, "yyds|栗山咖啡|生椰拿铁|绝了");
  g_assert_cmpstr (before, !=, after);

  /* A user stopword wins over the built-in lexicon; a user word over a stopword. */
  koc_keyword_extractor_add_entry (ex, "yyds", KOC_LEXICON_STOP, NULL);
  koc_keyword_extractor_add_entry (ex, "真的", KOC_LEXICON_WORD, NULL);
  stopped = post_keywords (ex, "真的 yyds 栗山咖啡");
  g_assert_cmpstr (stopped, ==, "栗山咖啡|真的");
  g_assert_true (koc_keyword_extractor_is_stopword (ex, "YYDS"));

  /* Latin entries only match whole words. */
  koc_keyword_extractor_add_entry (ex, "pd", KOC_LEXICON_ALIAS, "完美日记");
  latin = post_keywords (ex, "update pd now");
  g_assert_cmpstr (latin, ==, "update|完美日记");
}

static void
test_phrases (void)
{
  g_autoptr(KocKeywordExtractor) ex = extractor_new ();
  g_autoptr(KocKeywordCounter) counter = koc_keyword_counter_new (ex, NULL);
  g_autoptr(GPtrArray) keywords = NULL;
  KocKeyword *top;

  /* "cold brew" is two English words that always come together. */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *text = g_strdup_printf ("cold brew number %u tastes great, summer %u", i, i);

      koc_keyword_counter_add (counter, text, -1, 10);
    }
  koc_keyword_counter_add (counter, "a cold night", -1, 1);
  /* Other posts, so that the pair is rarer than chance would say only for cold brew. */
  for (guint i = 0; i < 60; i++)
    koc_keyword_counter_add (counter, i % 2 ? "morning latte with oat milk" : "weekend brunch croissant", -1, 0);
  keywords = koc_keyword_counter_finish (counter);
  top = g_ptr_array_index (keywords, 0);
  g_assert_true (has_keyword (keywords, "cold brew"));
  g_assert_true (has_keyword (keywords, "cold"));      /* alone in the last post */
  g_assert_false (has_keyword (keywords, "brew"));
  g_assert_cmpuint (koc_keyword_counter_get_n_posts (counter), ==, 73);
  /* Counts are posts; ties are broken by score, then by keyword. */
  top = g_ptr_array_index (keywords, 0);
  g_assert_cmpint (top->count, ==, 30);
  /* Pairs as frequent as their words but common (PMI below the bar) stay apart; equal
   * counts and scores are ordered by keyword. */
  g_assert_cmpstr (top->keyword, ==, "brunch");
  g_assert_false (has_keyword (keywords, "weekend brunch"));
  for (guint i = 0; i < keywords->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (keywords, i);

      if (strcmp (k->keyword, "cold brew") == 0)
        {
          g_assert_cmpint (k->count, ==, 12);
          g_assert_cmpint (k->engagement, ==, 120);
        }
    }
}

static void
test_scores (void)
{
  /* TF-IDF: count × (ln ((1 + N) / (1 + df)) + 1). */
  g_assert_cmpfloat_with_epsilon (koc_keyword_tfidf (10, 10, 100), 10 * (log (101.0 / 11.0) + 1), 1e-9);
  g_assert_cmpfloat (koc_keyword_tfidf (0, 5, 100), ==, 0);
  /* A rarer word scores higher at equal count. */
  g_assert_cmpfloat (koc_keyword_tfidf (10, 20, 1000), >, koc_keyword_tfidf (10, 500, 1000));

  /* Trend: 20 of 100 posts now vs 5 of 100 before: log2 (21/101 ÷ 6/101). */
  g_assert_cmpfloat_with_epsilon (koc_keyword_trend (20, 100, 5, 100, 5), log2 (21.0 / 6.0), 1e-9);
  /* Below the minimum count in both periods: no trend, however big the ratio. */
  g_assert_cmpfloat (koc_keyword_trend (4, 100, 0, 100, 5), ==, 0);
  /* The previous period has no posts at all (before the workspace's first post). */
  g_assert_cmpfloat (koc_keyword_trend (50, 100, 0, 0, 5), ==, 0);
  /* Falling. */
  g_assert_cmpfloat (koc_keyword_trend (2, 100, 30, 100, 5), <, -2);
  /* Shares, not raw counts: twice the posts and twice the mentions is flat. */
  g_assert_cmpfloat_with_epsilon (koc_keyword_trend (40, 199, 20, 99, 5), log2 ((41.0 / 200) / (21.0 / 100)), 1e-9);
}

static void
test_net_sentiment (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_keyword_free);
  const struct { const char *word; gint64 count; } rows[] = {
    { "好用", 30 }, { "回购", 10 }, { "踩雷", 15 }, { "失望", 5 }, { "面膜", 100 }, { "love", 0 },
  };
  gint64 pos = -1, neg = -1;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      KocKeyword *k = g_new0 (KocKeyword, 1);

      k->keyword = g_strdup (rows[i].word);
      k->count = rows[i].count;
      g_ptr_array_add (list, k);
    }
  g_assert_cmpint (koc_keywords_polarity ("好用"), ==, 1);
  g_assert_cmpint (koc_keywords_polarity ("踩雷"), ==, -1);
  g_assert_cmpint (koc_keywords_polarity ("面膜"), ==, 0);
  /* (40 - 20) / (40 + 20); 面膜 is neutral. */
  g_assert_cmpfloat_with_epsilon (koc_keywords_net_sentiment (list, &pos, &neg), 1.0 / 3.0, 1e-12);
  g_assert_cmpint (pos, ==, 40);
  g_assert_cmpint (neg, ==, 20);
  g_ptr_array_set_size (list, 0);
  g_assert_cmpfloat (koc_keywords_net_sentiment (list, &pos, &neg), ==, 0);
  g_assert_cmpint (pos + neg, ==, 0);
}

static GPtrArray *
read_column (const char *name,
             const char *charset,
             guint       column)
{
  g_autofree char *path = koc_test_corpus_file (name);
  KocCsvOptions options = { charset, ',', 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCsvReader) reader = NULL;
  GPtrArray *texts;
  const char * const *cells;
  guint n;

  if (path == NULL)
    return NULL;
  reader = koc_csv_reader_new_for_path (path, &options, &error);
  g_assert_no_error (error);
  texts = g_ptr_array_new_with_free_func (g_free);
  g_assert_nonnull (koc_csv_reader_next (reader, &n));
  while ((cells = koc_csv_reader_next (reader, &n)) != NULL)
    g_ptr_array_add (texts, g_strdup (column < n ? cells[column] : ""));
  return texts;
}

static GPtrArray *
count_corpus (KocKeywordExtractor *ex,
              GPtrArray           *texts)
{
  g_autoptr(KocKeywordCounter) counter = koc_keyword_counter_new (ex, NULL);

  for (guint i = 0; i < texts->len; i++)
    koc_keyword_counter_add (counter, g_ptr_array_index (texts, i), -1, i % 7);
  return koc_keyword_counter_finish (counter);
}

static void
test_corpus_weibo (void)
{
  g_autoptr(GPtrArray) texts = read_column ("weibo_senti_100k_subset2400.csv", "UTF-8", 1);
  g_autoptr(KocKeywordExtractor) ex = NULL;
  g_autoptr(GPtrArray) keywords = NULL, again = NULL;
  guint n_emoticon_posts = 0;

  if (texts == NULL)
    return;
  ex = extractor_new ();
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), "[哈哈]") != NULL)
      n_emoticon_posts++;
  /* [哈哈] is in many posts: it would top a naive cloud. */
  g_assert_cmpuint (n_emoticon_posts, >, 100);

  keywords = count_corpus (ex, texts);
  g_assert_cmpuint (keywords->len, >, 1000);
  for (guint i = 0; i < 20; i++)
    {
      KocKeyword *k = g_ptr_array_index (keywords, i);

      g_test_message ("top %u: %s %lld", i + 1, k->keyword, (long long) k->count);
      /* No emoticon code, emoticon inside, stopword, URL piece or single character. */
      g_assert_null (strchr (k->keyword, '['));
      g_assert_cmpstr (k->keyword, !=, "哈哈");
      g_assert_false (koc_keyword_extractor_is_stopword (ex, k->keyword));
      g_assert_null (strstr (k->keyword, "http"));
      g_assert_null (strstr (k->keyword, "t.cn"));
      g_assert_cmpint (g_utf8_strlen (k->keyword, -1), >=, 2);
      if (i > 0)
        g_assert_cmpint (k->count, <=, ((KocKeyword *) g_ptr_array_index (keywords, i - 1))->count);
    }
  for (guint i = 0; i < keywords->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (keywords, i);

      g_assert_false (g_str_has_prefix (k->keyword, "@"));
      g_assert_false (g_str_has_prefix (k->keyword, "//"));
      g_assert_false (koc_keyword_extractor_is_stopword (ex, k->keyword));
      g_assert_cmpint (k->count, >=, 1);
      g_assert_cmpint (k->occurrences, >=, k->count);
    }
  /* Hashtags come out whole, with their marks. */
  g_assert_true (has_keyword (keywords, "#超级笑星#"));

  /* Deterministic: the same posts give the same list, in the same order. */
  again = count_corpus (ex, texts);
  g_assert_cmpuint (again->len, ==, keywords->len);
  for (guint i = 0; i < keywords->len; i++)
    {
      KocKeyword *x = g_ptr_array_index (keywords, i), *y = g_ptr_array_index (again, i);

      g_assert_cmpstr (x->keyword, ==, y->keyword);
      g_assert_cmpint (x->count, ==, y->count);
      g_assert_cmpint (x->engagement, ==, y->engagement);
    }
}

static void
test_corpus_covid_lexicon (void)
{
  g_autoptr(GPtrArray) texts = read_column ("covid19_weibo_labeled_21173.csv", "UTF-8", 0);
  g_autoptr(KocKeywordExtractor) ex = NULL;
  g_autoptr(GPtrArray) before = NULL, after = NULL;
  KocKeywordCounterOptions no_phrases = { FALSE, 0, 0 };
  g_autoptr(GRegex) tags = g_regex_new ("#[^#\\n]{1,50}#", 0, 0, NULL);
  g_autoptr(KocKeywordCounter) counter = NULL;

  if (texts == NULL)
    return;
  ex = extractor_new ();

  /* 逆行者 (those who go against the flow: the medical staff) is split by ICU's dictionary;
   * once in the lexicon it comes out whole, in every post whose own text (not a repost
   * chain, not inside a #hashtag#) contains it. */
  counter = koc_keyword_counter_new (ex, &no_phrases);
  for (guint i = 0; i < texts->len; i++)
    koc_keyword_counter_add (counter, g_ptr_array_index (texts, i), -1, 0);
  before = koc_keyword_counter_finish (counter);
  g_clear_pointer (&counter, koc_keyword_counter_free);

  koc_keyword_extractor_add_entry (ex, "逆行者", KOC_LEXICON_WORD, NULL);
  counter = koc_keyword_counter_new (ex, &no_phrases);
  for (guint i = 0; i < texts->len; i++)
    koc_keyword_counter_add (counter, g_ptr_array_index (texts, i), -1, 0);
  after = koc_keyword_counter_finish (counter);

  g_assert_false (has_keyword (before, "逆行者"));
  g_assert_true (has_keyword (after, "逆行者"));
  for (guint i = 0; i < after->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (after, i);
      guint expected = 0;

      if (strcmp (k->keyword, "逆行者") != 0)
        continue;
      for (guint j = 0; j < texts->len; j++)
        {
          const char *text = g_ptr_array_index (texts, j);
          const char *cut = strstr (text, "//@");
          g_autofree char *own = g_strndup (text, cut != NULL ? (gsize) (cut - text) : strlen (text));

          g_autofree char *plain = g_regex_replace (tags, own, -1, 0, "", 0, NULL);

          if (strstr (plain, "逆行者") != NULL)
            expected++;
        }
      g_assert_cmpint (k->count, ==, expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keywords/drops", test_drops);
  g_test_add_func ("/keywords/hashtags-width", test_hashtags_and_width);
  g_test_add_func ("/keywords/lexicon", test_lexicon);
  g_test_add_func ("/keywords/phrases", test_phrases);
  g_test_add_func ("/keywords/scores", test_scores);
  g_test_add_func ("/keywords/net-sentiment", test_net_sentiment);
  g_test_add_func ("/keywords/corpus-weibo", test_corpus_weibo);
  g_test_add_func ("/keywords/corpus-covid-lexicon", test_corpus_covid_lexicon);

  return g_test_run ();
}
