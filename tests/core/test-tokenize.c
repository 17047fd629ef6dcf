/* test-tokenize.c: KocTokenizer segmentation, normalization and offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-tokenize.h"

typedef struct
{
  GString     *out;
  const char  *text;
  gsize        len;
  guint        n_tokens;
  guint        stop_after;
  gboolean     with_kinds;
} Collect;

/* Checks the invariants every token must satisfy, whatever the input. */
static void
check_token (const Collect  *collect,
             const KocToken *token)
{
  g_assert_cmpuint (token->len, >, 0);
  g_assert_cmpuint (strlen (token->text), ==, token->len);
  g_assert_true (g_utf8_validate (token->text, token->len, NULL));
  g_assert_cmpuint (token->start, <, token->end);
  g_assert_cmpuint (token->end, <=, collect->len);
  /* Offsets fall on character boundaries of the original text. */
  g_assert_true (g_utf8_validate (collect->text + token->start, token->end - token->start, NULL));
  g_assert_false (collect->n_tokens == 0 && token->colocated);
}

static gboolean
collect_cb (const KocToken *token,
            gpointer        user_data)
{
  Collect *collect = user_data;

  check_token (collect, token);
  if (collect->out->len > 0)
    g_string_append_c (collect->out, '|');
  if (token->colocated)
    g_string_append_c (collect->out, '+');
  g_string_append (collect->out, token->text);
  if (collect->with_kinds)
    g_string_append_printf (collect->out, "/%s", koc_token_kind_to_string (token->kind));
  collect->n_tokens++;
  return collect->stop_after == 0 || collect->n_tokens < collect->stop_after;
}

static char *
tokenize_full (const char       *text,
               gssize            len,
               KocTokenizeFlags  flags,
               gboolean          with_kinds)
{
  g_autoptr(KocTokenizer) tokenizer = koc_tokenizer_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  Collect collect = { out, text, len < 0 ? strlen (text) : (gsize) len, 0, 0, with_kinds };

  g_assert_nonnull (tokenizer);
  g_assert_true (koc_tokenizer_run (tokenizer, text, len, flags, collect_cb, &collect));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_tokens(text, flags, expected) \
  G_STMT_START { \
    g_autofree char *got_ = tokenize_full ((text), -1, (flags), FALSE); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

#define assert_kinds(text, flags, expected) \
  G_STMT_START { \
    g_autofree char *got_ = tokenize_full ((text), -1, (flags), TRUE); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_han_bigrams (void)
{
  /* Overlapping bigrams; the last character of a run is colocated in documents only. */
  assert_tokens ("这款面膜真的很好用", KOC_TOKENIZE_DOCUMENT,
                 "这款|款面|面膜|膜真|真的|的很|很好|好用|+用");
  assert_tokens ("这款面膜真的很好用", KOC_TOKENIZE_QUERY,
                 "这款|款面|面膜|膜真|真的|的很|很好|好用");
  /* ICU words would give 很好|用 here: bigrams contain 好用. */
  assert_tokens ("很好用", KOC_TOKENIZE_QUERY, "很好|好用");
  /* Punctuation ends a run. */
  assert_tokens ("面膜，好用。", KOC_TOKENIZE_DOCUMENT, "面膜|+膜|好用|+用");
}

static void
test_han_single (void)
{
  assert_kinds ("膜", KOC_TOKENIZE_DOCUMENT, "膜/han-single");
  assert_kinds ("膜", KOC_TOKENIZE_QUERY, "膜/han-single");
  assert_tokens ("a膜b 好", KOC_TOKENIZE_DOCUMENT, "a|膜|b|好");
  assert_kinds ("面膜", KOC_TOKENIZE_DOCUMENT, "面膜/han-bigram|+膜/han-single");
}

static void
test_mixed_scripts (void)
{
  assert_kinds ("iPhone 15 Pro拍照效果amazing", KOC_TOKENIZE_QUERY,
                "iphone/word|15/number|pro/word|拍照/han-bigram|照效/han-bigram|效果/han-bigram|"
                "amazing/word");
  assert_kinds ("到手价¥1,099 don't iPhone15", KOC_TOKENIZE_QUERY,
                "到手/han-bigram|手价/han-bigram|1,099/number|don't/word|iphone15/word");
}

static void
test_normalization (void)
{
  assert_tokens ("ＡＢＣ１２３ abc123", KOC_TOKENIZE_QUERY, "abc123|abc123");
  assert_tokens ("SEPHORA Sephora sephora", KOC_TOKENIZE_QUERY, "sephora|sephora|sephora");
  assert_tokens ("Straße ÉCLAT ﬁne", KOC_TOKENIZE_QUERY, "strasse|éclat|fine");
  /* Compatibility ideograph U+F9DC normalizes to U+9686. */
  assert_tokens ("\xef\xa7\x9c盛", KOC_TOKENIZE_QUERY, "隆盛");
  /* Full-width '＃' and '＠' are tags too. */
  assert_tokens ("＃话题＃ ＠某人", KOC_TOKENIZE_QUERY, "#话题#|@某人");
}

typedef struct
{
  const char *text;
  gsize       start;
  gsize       end;
  gboolean    found;
} FindToken;

static gboolean
find_cb (const KocToken *token,
         gpointer        user_data)
{
  FindToken *find = user_data;

  if (g_str_equal (token->text, find->text))
    {
      find->start = token->start;
      find->end = token->end;
      find->found = TRUE;
      return FALSE;
    }
  return TRUE;
}

static void
assert_offsets (const char *text,
                const char *token,
                const char *original)
{
  g_autoptr(KocTokenizer) tokenizer = koc_tokenizer_new (NULL);
  FindToken find = { token, 0, 0, FALSE };
  g_autofree char *slice = NULL;

  koc_tokenizer_run (tokenizer, text, -1, KOC_TOKENIZE_DOCUMENT, find_cb, &find);
  g_assert_true (find.found);
  slice = g_strndup (text + find.start, find.end - find.start);
  g_assert_cmpstr (slice, ==, original);
}

static void
test_offsets (void)
{
  /* Offsets are into the original bytes even when normalization changes the length. */
  assert_offsets ("买了ＩＰＨＯＮＥ１５啦", "iphone15", "ＩＰＨＯＮＥ１５");
  assert_offsets ("这款面膜真的很好用", "面膜", "面膜");
  assert_offsets ("ÉCLAT ﬁne", "fine", "ﬁne");
  assert_offsets ("好 #Sephora 买", "#sephora", "#Sephora");
  assert_offsets ("好 #Sephora 买", "sephora", "Sephora");
  /* A zero-width space inside a Han run stays inside the bigram's span. */
  assert_offsets ("新冠\xe2\x80\x8b肺炎", "冠肺", "冠\xe2\x80\x8b肺");
}

static void
test_hashtags (void)
{
  assert_tokens ("今天#新冠肺炎#加油", KOC_TOKENIZE_DOCUMENT,
                 "今天|+天|#新冠肺炎#|+新冠|冠肺|肺炎|+炎|加油|+油");
  assert_kinds ("今天#新冠肺炎#加油", KOC_TOKENIZE_QUERY,
                "今天/han-bigram|#新冠肺炎#/hashtag|加油/han-bigram");
  assert_tokens ("#Apple rocks C# and a#b &#39;", KOC_TOKENIZE_DOCUMENT,
                 "#apple|+apple|rocks|c|and|a|b|39");
  assert_tokens ("#apple,#samsung #2024", KOC_TOKENIZE_DOCUMENT,
                 "#apple|+apple|#samsung|+samsung|2024");
  assert_tokens ("#iPhone15#新品", KOC_TOKENIZE_QUERY, "#iphone15#|新品");
  assert_tokens ("#新冠 肺炎# 好", KOC_TOKENIZE_QUERY, "#新冠 肺炎#|好");
  /* No closing '#' within a line: a Twitter-style tag. */
  assert_tokens ("#话题\n#", KOC_TOKENIZE_QUERY, "#话题");
}

static void
test_mentions (void)
{
  assert_kinds ("@张晓鹏jonathan 土耳其", KOC_TOKENIZE_DOCUMENT,
                "@张晓鹏jonathan/mention|+张晓/han-bigram|晓鹏/han-bigram|+鹏/han-single|"
                "jonathan/word|土耳/han-bigram|耳其/han-bigram|+其/han-single");
  assert_tokens ("//@爱在蔓延-JC:哈", KOC_TOKENIZE_QUERY, "@爱在蔓延-jc|哈");
  assert_tokens ("@a@b @c- x", KOC_TOKENIZE_QUERY, "@a|@b|@c|x");
  /* E-mail addresses are not mentions. */
  assert_tokens ("mail a@b.com", KOC_TOKENIZE_QUERY, "mail|a@b.com");
}

static void
test_emoticons (void)
{
  assert_kinds ("太好了[哈哈][爱你]", KOC_TOKENIZE_DOCUMENT,
                "太好/han-bigram|好了/han-bigram|+了/han-single|[哈哈]/emoticon|[爱你]/emoticon");
  assert_tokens ("[good] [笑cry] [1] [哈哈", KOC_TOKENIZE_DOCUMENT,
                 "[good]|[笑cry]|1|哈哈|+哈");
  assert_tokens ("[哈哈哈哈哈哈哈哈哈]", KOC_TOKENIZE_QUERY, "哈哈|哈哈|哈哈|哈哈|哈哈|哈哈|哈哈|哈哈");
}

static void
test_other_scripts (void)
{
  assert_tokens ("このコスメは最高です", KOC_TOKENIZE_QUERY, "この|コスメ|は|最高|です");
  assert_tokens ("화장품 추천", KOC_TOKENIZE_QUERY, "화장품|추천");
  assert_tokens ("สวัสดีครับ", KOC_TOKENIZE_QUERY, "สวัสดี|ครับ");
  /* Astral-plane Han (U+20BB7). */
  assert_tokens ("𠮷野家", KOC_TOKENIZE_DOCUMENT, "𠮷野|野家|+家");
}

static void
test_emoji (void)
{
  /* ❤️ loses its variation selector; the skin tone stays with 👍. */
  assert_kinds ("好用😍👍🏻 love ❤️ 🇨🇳", KOC_TOKENIZE_QUERY,
                "好用/han-bigram|😍/emoji|👍🏻/emoji|love/word|❤/emoji|🇨🇳/emoji");
  assert_tokens ("👨‍👩‍👧", KOC_TOKENIZE_QUERY, "👨👩👧");
}

static void
test_invisible (void)
{
  /* U+200B and U+FEFF inside a Han run do not break it; at the start they vanish. */
  assert_tokens ("新冠\xe2\x80\x8b肺炎", KOC_TOKENIZE_QUERY, "新冠|冠肺|肺炎");
  assert_tokens ("\xef\xbb\xbf更博了", KOC_TOKENIZE_QUERY, "更博|博了");
  assert_tokens ("ab\xef\xbb\xbf" "cd \xe2\x80\x8b", KOC_TOKENIZE_QUERY, "abcd");
}

static void
test_invalid_utf8 (void)
{
  static const char text[] = "abc\xff\xfe面膜\xc3 x\xe9\x9d" "好\0z";
  g_autofree char *got = tokenize_full (text, sizeof text - 1, KOC_TOKENIZE_DOCUMENT, FALSE);
  guint i;

  g_assert_cmpstr (got, ==, "abc|面膜|+膜|x|好|z");
  /* Overlong forms, surrogates and code points above U+10FFFF are invalid too. */
  assert_tokens ("a\xc0\xaf" "b\xed\xa0\x80" "c\xf4\x90\x80\x80" "d\xe0\x80\xaf" "e", KOC_TOKENIZE_QUERY,
                 "a|b|c|d|e");

  /* Random bytes never crash and always give in-range offsets (check_token). */
  for (i = 0; i < 2000; i++)
    {
      static const char *pieces[] = { "面", "膜", "#", "@", "[", "]", "a", " ", "\xe2\x80\x8b",
                                      "\xef\xbb\xbf", "😍", "\xf0", "\xe9\x9d", "\x80", "ｂ",
                                      "哈", "1", ",", "\n", "-", "＃", "\xcc\x81" };
      g_autoptr(GString) s = g_string_new (NULL);
      guint n = g_test_rand_int_range (0, 40);
      g_autofree char *tokens = NULL;

      while (n-- > 0)
        {
          if (g_test_rand_bit ())
            g_string_append (s, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
          else
            g_string_append_c (s, (char) g_test_rand_int_range (1, 256));
        }
      tokens = tokenize_full (s->str, s->len, g_test_rand_bit () ? KOC_TOKENIZE_QUERY : 0, FALSE);
    }
}

static void
test_long_and_empty (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(KocTokenizer) tokenizer = koc_tokenizer_new (NULL);
  Collect collect = { g_string_new (NULL), NULL, 0, 0, 0, FALSE };
  guint i;

  for (i = 0; i < 1500; i++)
    g_string_append (text, "面膜好用。");  /* 7,500 characters */
  collect.text = text->str;
  collect.len = text->len;
  g_assert_true (koc_tokenizer_run (tokenizer, text->str, text->len, 0, collect_cb, &collect));
  g_assert_cmpuint (collect.n_tokens, ==, 1500 * 4);
  g_assert_true (g_str_has_suffix (collect.out->str, "|面膜|膜好|好用|+用"));
  g_string_free (collect.out, TRUE);

  assert_tokens ("", KOC_TOKENIZE_DOCUMENT, "");
  assert_tokens ("  ，。！？ ...\t\n", KOC_TOKENIZE_DOCUMENT, "");
  assert_tokens ("@ # [] #123", KOC_TOKENIZE_DOCUMENT, "123");
}

static void
test_stop (void)
{
  g_autoptr(KocTokenizer) tokenizer = koc_tokenizer_new (NULL);
  const char *text = "一二三四五 #话题# more words";
  Collect collect = { g_string_new (NULL), text, strlen (text), 0, 2, FALSE };

  g_assert_false (koc_tokenizer_run (tokenizer, text, -1, 0, collect_cb, &collect));
  g_assert_cmpuint (collect.n_tokens, ==, 2);
  g_string_free (collect.out, TRUE);

  /* The tokenizer is reusable after a stopped run. */
  collect.out = g_string_new (NULL);
  collect.n_tokens = 0;
  collect.stop_after = 0;
  g_assert_true (koc_tokenizer_run (tokenizer, text, -1, KOC_TOKENIZE_QUERY, collect_cb, &collect));
  g_assert_cmpstr (collect.out->str, ==, "一二|二三|三四|四五|#话题#|more|words");
  g_string_free (collect.out, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokenize/han-bigrams", test_han_bigrams);
  g_test_add_func ("/tokenize/han-single", test_han_single);
  g_test_add_func ("/tokenize/mixed-scripts", test_mixed_scripts);
  g_test_add_func ("/tokenize/normalization", test_normalization);
  g_test_add_func ("/tokenize/offsets", test_offsets);
  g_test_add_func ("/tokenize/hashtags", test_hashtags);
  g_test_add_func ("/tokenize/mentions", test_mentions);
  g_test_add_func ("/tokenize/emoticons", test_emoticons);
  g_test_add_func ("/tokenize/other-scripts", test_other_scripts);
  g_test_add_func ("/tokenize/emoji", test_emoji);
  g_test_add_func ("/tokenize/invisible", test_invisible);
  g_test_add_func ("/tokenize/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/tokenize/long-and-empty", test_long_and_empty);
  g_test_add_func ("/tokenize/stop", test_stop);

  return g_test_run ();
}
