/* koc-demo-text.c: seeded random distributions and the composition of demo post texts.
 *
 * A post is built from the fragments of koc-demo-words.c: the platform decides the
 * shape (a Xiaohongshu 种草 note with a title and #tags#, a Weibo post with #话题#,
 * [emoticons] and a //@ repost chain, a short Douyin caption, an English Instagram
 * caption), the topic decides the vocabulary, and slots are filled from lists, so
 * texts vary a lot while common words (好用, 姐妹们) stay common.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include "koc-demo-private.h"

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void
koc_demo_rng_init (KocDemoRng *rng,
                   guint64     seed,
                   guint64     stream)
{
  guint64 state = seed ^ (stream * G_GUINT64_CONSTANT (0xd1342543de82ef95));

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&state);
}

double
koc_demo_rng_normal (KocDemoRng *rng)
{
  /* Box–Muller; one value per call keeps the stream simple. */
  double u1 = 1.0 - koc_demo_rng_double (rng);
  double u2 = koc_demo_rng_double (rng);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

double
koc_demo_rng_lognormal (KocDemoRng *rng,
                        double      median,
                        double      sigma)
{
  return median * exp (sigma * koc_demo_rng_normal (rng));
}

double
koc_demo_rng_pareto (KocDemoRng *rng,
                     double      x_min,
                     double      alpha)
{
  double u = 1.0 - koc_demo_rng_double (rng);

  return x_min / pow (u, 1.0 / alpha);
}

guint
koc_demo_rng_poisson (KocDemoRng *rng,
                      double      mean)
{
  double limit, p = 1.0;
  guint k = 0;

  if (mean > 30.0)
    return (guint) MAX (0.0, floor (mean + sqrt (mean) * koc_demo_rng_normal (rng) + 0.5));

  limit = exp (-mean);
  do
    {
      k++;
      p *= koc_demo_rng_double (rng);
    }
  while (p > limit);

  return k - 1;
}

/* ---- composition ---- */

typedef struct
{
  KocDemoRng              *rng;
  const KocDemoTopicWords *words;
  const char              *product;
  const char              *product_en;
  const char              *alias;
  const char              *mention;
  gboolean                 english;
} Slots;

static void
expand (GString     *out,
        const Slots *slots,
        const char  *template)
{
  KocDemoRng *rng = slots->rng;

  for (const char *p = template; *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'p':
          g_string_append (out, slots->product);
          break;
        case 'P':
          g_string_append (out, slots->product_en);
          break;
        case 'x':
          /* Features may hold slots themselves (人均%m). */
          expand (out, slots, KOC_DEMO_LIST_PICK (rng, &slots->words->features));
          break;
        case 'b':
          g_string_append (out, slots->alias != NULL ? slots->alias : slots->product);
          break;
        case 'c':
          g_string_append (out, slots->english ? KOC_DEMO_LIST_PICK (rng, &koc_demo_cities_en)
                                               : KOC_DEMO_LIST_PICK (rng, &koc_demo_cities_zh));
          break;
        case 'n':
          g_string_append_printf (out, "%u", 2 + koc_demo_rng_range (rng, 8));
          break;
        case 'm':
          g_string_append_printf (out, "%u", 19 + 10 * koc_demo_rng_range (rng, 90));
          break;
        case 'd':
          g_string_append_printf (out, "%u", 3 + koc_demo_rng_range (rng, 28));
          break;
        case 'a':
          g_string_append (out, KOC_DEMO_LIST_PICK (rng, &koc_demo_adjectives));
          break;
        case 'e':
          g_string_append (out, KOC_DEMO_LIST_PICK (rng, &koc_demo_emoji));
          break;
        case 'u':
          if (slots->mention != NULL)
            g_string_append_printf (out, "@%s", slots->mention);
          break;
        case '%':
          g_string_append_c (out, '%');
          break;
        default:
          g_string_append_c (out, '%');
          g_string_append_c (out, *p);
          break;
        }
    }
}

static const char *const brand_sentences[] = {
  "最近入了%b的%p，", "%b这款%p真的惊喜，", "对比了好几家，还是%b最稳，",
  "%b家的%p回购第%n次了，", "被同事安利了%b，", "%b新出的%p有点失望，",
  "终于等到%b打折，", "%b的%p和大牌比也不差，",
};
static const char *const brand_sentences_en[] = {
  "Obsessed with %b lately.", "The %b %P is worth it.", "Finally tried %b.",
  "%b did it again.", "Not impressed by %b this time.",
};

static int
sentiment_of (const char *verdict)
{
  if (strstr (verdict, "雷") != NULL || strstr (verdict, "失望") != NULL ||
      strstr (verdict, "不推荐") != NULL || strstr (verdict, "不会回购") != NULL)
    return -1;
  if (strstr (verdict, "中规中矩") != NULL || strstr (verdict, "试用") != NULL)
    return 0;
  return 1;
}

/* Drops trailing blanks. */
static void
chomp (GString *text)
{
  while (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
}

static void
add_hashtag (KocDemoPost *post,
             const char  *tag)
{
  g_autofree char *folded = g_utf8_strdown (tag, -1);

  if (post->n_hashtags >= KOC_DEMO_MAX_TAGS)
    return;
  for (guint i = 0; i < post->n_hashtags; i++)
    if (strcmp (post->hashtags[i], folded) == 0)
      return;
  post->hashtags[post->n_hashtags++] = g_steal_pointer (&folded);
}

/* Appends @n hashtags of the topic, each as PREFIX tag SUFFIX. */
static void
append_hashtags (KocDemoPost       *post,
                 KocDemoRng        *rng,
                 const KocDemoList *list,
                 guint              n,
                 const char        *prefix,
                 const char        *suffix)
{
  for (guint i = 0; i < n; i++)
    {
      const char *tag = KOC_DEMO_LIST_PICK (rng, list);
      guint before = post->n_hashtags;

      add_hashtag (post, tag);
      if (post->n_hashtags == before)
        continue;
      g_string_append_printf (post->text, "%s%s%s", prefix, tag, suffix);
    }
}

static void
compose_chinese_body (KocDemoPost *post,
                      const Slots *slots,
                      guint        n_sentences)
{
  KocDemoRng *rng = slots->rng;
  const char *verdict;
  guint used[8];

  expand (post->text, slots, KOC_DEMO_LIST_PICK (rng, &koc_demo_openers));
  if (slots->alias != NULL)
    expand (post->text, slots, KOC_DEMO_PICK (rng, brand_sentences));

  /* Distinct sentences, in random order. */
  n_sentences = MIN (n_sentences, MIN (slots->words->sentences.n_items, G_N_ELEMENTS (used)));
  for (guint i = 0; i < n_sentences; i++)
    {
      guint pick;
      gboolean again;

      do
        {
          pick = koc_demo_rng_range (rng, slots->words->sentences.n_items);
          again = FALSE;
          for (guint j = 0; j < i; j++)
            again |= used[j] == pick;
        }
      while (again);
      used[i] = pick;

      expand (post->text, slots, slots->words->sentences.items[pick]);
      g_string_append (post->text, i + 1 < n_sentences ? "，" : "。");
    }

  verdict = KOC_DEMO_LIST_PICK (rng, &koc_demo_verdicts);
  post->sentiment = sentiment_of (verdict);
  g_string_append (post->text, verdict);
  g_string_append (post->text, koc_demo_rng_chance (rng, 0.5) ? "！" : "～");
}

void
koc_demo_compose_post (KocDemoRng      *rng,
                       KocDemoPlatform  platform,
                       KocDemoTopic     topic,
                       int              brand,
                       const char      *mention_handle,
                       KocDemoPost     *post)
{
  Slots slots = { 0 };

  g_assert (topic < KOC_DEMO_N_TOPICS);

  g_string_truncate (post->text, 0);
  for (guint i = 0; i < post->n_hashtags; i++)
    g_clear_pointer (&post->hashtags[i], g_free);
  post->n_hashtags = 0;
  post->brand = brand;
  post->alias = NULL;
  post->sentiment = 0;

  slots.rng = rng;
  slots.words = &koc_demo_topic_words[topic];
  slots.product = KOC_DEMO_LIST_PICK (rng, &slots.words->products);
  slots.product_en = KOC_DEMO_LIST_PICK (rng, &slots.words->products_en);
  slots.mention = mention_handle;
  slots.english = platform == KOC_DEMO_INSTAGRAM;

  if (brand >= 0)
    {
      const KocDemoBrand *b = &koc_demo_brands[brand];
      guint n_aliases = 0;

      while (n_aliases < G_N_ELEMENTS (b->aliases) && b->aliases[n_aliases] != NULL)
        n_aliases++;

      /* Mostly the canonical name; sometimes the English name or another alias. */
      if (slots.english || koc_demo_rng_chance (rng, 0.2))
        slots.alias = b->name_en;
      else if (n_aliases > 0 && koc_demo_rng_chance (rng, 0.2))
        slots.alias = b->aliases[koc_demo_rng_range (rng, n_aliases)];
      else
        slots.alias = b->name;
      post->alias = slots.alias;
    }

  switch (platform)
    {
    case KOC_DEMO_XIAOHONGSHU:
      expand (post->text, &slots, KOC_DEMO_LIST_PICK (rng, &koc_demo_xhs_titles));
      g_string_append_c (post->text, '\n');
      compose_chinese_body (post, &slots, 2 + koc_demo_rng_range (rng, 3));
      expand (post->text, &slots, KOC_DEMO_LIST_PICK (rng, &koc_demo_emoji));
      g_string_append_c (post->text, '\n');
      expand (post->text, &slots, KOC_DEMO_LIST_PICK (rng, &koc_demo_closers));
      g_string_append_c (post->text, '\n');
      if (koc_demo_rng_chance (rng, 0.3))
        {
          add_hashtag (post, "小红书好物");
          g_string_append (post->text, "#小红书好物# ");
        }
      append_hashtags (post, rng, &slots.words->hashtags, 1 + koc_demo_rng_range (rng, 4), "#", "# ");
      break;

    case KOC_DEMO_WEIBO:
      append_hashtags (post, rng, &slots.words->hashtags, 1 + koc_demo_rng_range (rng, 2), "#", "#");
      compose_chinese_body (post, &slots, 1 + koc_demo_rng_range (rng, 2));
      g_string_append (post->text, KOC_DEMO_LIST_PICK (rng, &koc_demo_weibo_emoticons));
      if (koc_demo_rng_chance (rng, 0.3))
        g_string_append (post->text, KOC_DEMO_LIST_PICK (rng, &koc_demo_weibo_emoticons));
      if (mention_handle != NULL && koc_demo_rng_chance (rng, 0.4))
        expand (post->text, &slots, " %u");
      /* A repost chain: //@someone:comment, newest first. */
      for (guint depth = koc_demo_rng_chance (rng, 0.25) ? 1 + koc_demo_rng_range (rng, 3) : 0;
           depth > 0; depth--)
        g_string_append_printf (post->text, "//@%s%s:%s",
                                KOC_DEMO_LIST_PICK (rng, &koc_demo_nick_prefix_zh),
                                KOC_DEMO_LIST_PICK (rng, &koc_demo_nick_suffix_zh),
                                KOC_DEMO_LIST_PICK (rng, &koc_demo_repost_comments));
      break;

    case KOC_DEMO_DOUYIN:
      if (slots.alias != NULL)
        expand (post->text, &slots, KOC_DEMO_PICK (rng, brand_sentences));
      expand (post->text, &slots, KOC_DEMO_LIST_PICK (rng, &koc_demo_douyin_captions));
      if (koc_demo_rng_chance (rng, 0.5))
        {
          const char *verdict = KOC_DEMO_LIST_PICK (rng, &koc_demo_verdicts);

          post->sentiment = sentiment_of (verdict);
          g_string_append_printf (post->text, "，%s", verdict);
        }
      g_string_append_c (post->text, ' ');
      append_hashtags (post, rng, &slots.words->hashtags, 1 + koc_demo_rng_range (rng, 3), "#", " ");
      if (mention_handle != NULL && koc_demo_rng_chance (rng, 0.3))
        expand (post->text, &slots, "%u");
      break;

    case KOC_DEMO_INSTAGRAM:
      expand (post->text, &slots, KOC_DEMO_LIST_PICK (rng, &koc_demo_en_openers));
      if (post->text->len > 0)
        g_string_append_c (post->text, ' ');
      if (slots.alias != NULL)
        {
          expand (post->text, &slots, KOC_DEMO_PICK (rng, brand_sentences_en));
          g_string_append_c (post->text, ' ');
        }
      {
        gsize at = post->text->len;

        /* A sentence starts with a capital letter. */
        expand (post->text, &slots, KOC_DEMO_LIST_PICK (rng, &slots.words->sentences_en));
        post->text->str[at] = g_ascii_toupper (post->text->str[at]);
      }
      g_string_append_c (post->text, ' ');
      expand (post->text, &slots, "%e%e ");
      expand (post->text, &slots, KOC_DEMO_LIST_PICK (rng, &koc_demo_en_closers));
      post->sentiment = strstr (post->text->str, "Not impressed") != NULL ||
                        strstr (post->text->str, "overhyped") != NULL ? -1 :
                        strstr (post->text->str, "ot sure") != NULL ? 0 : 1;
      chomp (post->text);
      g_string_append_c (post->text, '\n');
      append_hashtags (post, rng, &slots.words->hashtags_en, 2 + koc_demo_rng_range (rng, 4), "#", " ");
      break;

    case KOC_DEMO_N_PLATFORMS:
    default:
      g_assert_not_reached ();
    }

  chomp (post->text);
}

void
koc_demo_post_init (KocDemoPost *post)
{
  memset (post, 0, sizeof *post);
  post->text = g_string_sized_new (512);
  post->brand = -1;
}

void
koc_demo_post_clear (KocDemoPost *post)
{
  for (guint i = 0; i < post->n_hashtags; i++)
    g_clear_pointer (&post->hashtags[i], g_free);
  post->n_hashtags = 0;
  if (post->text != NULL)
    g_string_free (post->text, TRUE);
  post->text = NULL;
}
