/* koc-demo-posts.c: demo posts, their brand mentions and hashtags.
 *
 * Posts are written in published_at order (the store pages search results by rowid),
 * with ids 1…N. Metrics follow the account: interactions ≈ followers × engagement rate
 * × a log-normal factor; Xiaohongshu posts get many collects, Douyin posts have views.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-demo"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "koc-demo-private.h"

#define STREAM_POST_ROWS 21

typedef struct
{
  gint64  time;
  guint32 account;
  guint32 seq;
} PostSlot;

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const PostSlot *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static PostSlot *
sorted_slots (KocDemoContext *ctx)
{
  PostSlot *slots = g_new (PostSlot, MAX (ctx->n_posts, 1));

  for (guint a = 0; a < ctx->n_accounts; a++)
    for (guint64 i = ctx->offsets[a]; i < ctx->offsets[a + 1]; i++)
      {
        slots[i].time = ctx->times[i];
        slots[i].account = a;
        slots[i].seq = (guint32) i;
      }
  qsort (slots, ctx->n_posts, sizeof (PostSlot), compare_slots);
  return slots;
}

/* A platform post id and URL shaped like each platform's. */
static void
make_post_ids (KocDemoRng *rng,
               guint       platform,
               char        id[32],
               char      **url)
{
  static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  guint64 x = koc_demo_rng_next (rng);

  switch ((KocDemoPlatform) platform)
    {
    case KOC_DEMO_XIAOHONGSHU:
      g_snprintf (id, 32, "%016" G_GINT64_MODIFIER "x%08x", x, (guint32) koc_demo_rng_next (rng));
      *url = g_strconcat ("https://www.xiaohongshu.com/explore/", id, NULL);
      break;
    case KOC_DEMO_WEIBO:
      g_snprintf (id, 32, "5%015" G_GINT64_MODIFIER "u", x % G_GUINT64_CONSTANT (1000000000000000));
      *url = g_strconcat ("https://weibo.com/detail/", id, NULL);
      break;
    case KOC_DEMO_DOUYIN:
      g_snprintf (id, 32, "7%018" G_GINT64_MODIFIER "u", x % G_GUINT64_CONSTANT (1000000000000000000));
      *url = g_strconcat ("https://www.douyin.com/video/", id, NULL);
      break;
    case KOC_DEMO_INSTAGRAM:
      for (guint i = 0; i < 11; i++, x >>= 6)
        id[i] = b64[x & 63];
      id[11] = '\0';
      *url = g_strdup_printf ("https://www.instagram.com/p/%s/", id);
      break;
    case KOC_DEMO_N_PLATFORMS:
    default:
      g_assert_not_reached ();
    }
}

static int
other_brand_for_topic (KocDemoRng *rng,
                       guint       topic)
{
  int candidates[16];
  guint n = 0;

  for (guint b = 0; b < koc_demo_n_brands && n < G_N_ELEMENTS (candidates); b++)
    if (topic >= KOC_DEMO_LIFESTYLE || koc_demo_brands[b].topic == topic)
      candidates[n++] = b;
  return candidates[koc_demo_rng_range (rng, n)];
}

gboolean
koc_demo_write_posts (KocDemoContext  *ctx,
                      GError         **error)
{
  KocDemoWriter *writer = ctx->writer;
  KocDemoInsert *insert, *mention, *hashtag;
  g_autofree PostSlot *slots = sorted_slots (ctx);
  KocDemoPost post;
  KocDemoRng rng;
  gboolean ok = FALSE;

  koc_demo_rng_init (&rng, ctx->seed, STREAM_POST_ROWS);
  ctx->own_mentions = g_new0 (GArray *, ctx->n_accounts);

  insert = koc_demo_writer_insert (writer, "INSERT", "posts",
                                   "id, uid, account_id, platform_post_id, url, kind, text, published_at,"
                                   " likes, comments, shares, saves, views, sentiment, created_at", error);
  mention = insert == NULL ? NULL :
            koc_demo_writer_insert (writer, "INSERT", "post_mentions", "post_id, brand_id, published_at", error);
  hashtag = mention == NULL ? NULL :
            koc_demo_writer_insert (writer, "INSERT OR IGNORE", "post_hashtags", "post_id, tag", error);
  if (hashtag == NULL || !koc_demo_writer_begin (writer, error))
    return FALSE;

  koc_demo_post_init (&post);
  koc_demo_progress (ctx, "posts", 0, ctx->n_posts);

  for (guint64 i = 0; i < ctx->n_posts; i++)
    {
      const KocDemoAccountPlan *account = &ctx->accounts[slots[i].account];
      gint64 id = (gint64) i + 1;
      gint64 published = slots[i].time;
      guint topic = koc_demo_rng_chance (&rng, 0.8) ? account->topic : koc_demo_rng_range (&rng, 3);
      int brand = -1;
      const char *other = NULL;
      const char *kind;
      g_autofree char *url = NULL;
      char platform_id[32], uid[33];
      double base, views = 0;

      if (koc_demo_rng_chance (&rng, account->mention_p))
        brand = koc_demo_rng_chance (&rng, 0.7) ? account->brand : other_brand_for_topic (&rng, topic);
      if (koc_demo_rng_chance (&rng, 0.3))
        other = ctx->accounts[koc_demo_rng_range (&rng, ctx->n_accounts)].handle;

      koc_demo_compose_post (&rng, account->platform, topic, brand, other, &post);
      make_post_ids (&rng, account->platform, platform_id, &url);

      base = account->followers * account->engagement_rate * koc_demo_rng_lognormal (&rng, 1.0, 0.9) + koc_demo_rng_range (&rng, 5);
      switch ((KocDemoPlatform) account->platform)
        {
        case KOC_DEMO_XIAOHONGSHU:
          kind = koc_demo_rng_chance (&rng, 0.2) ? "video" : "note";
          break;
        case KOC_DEMO_DOUYIN:
          kind = "video";
          views = account->followers * koc_demo_rng_lognormal (&rng, 1.2, 1.0) + base * 12;
          break;
        case KOC_DEMO_INSTAGRAM:
          kind = koc_demo_rng_chance (&rng, 0.3) ? "video" : "image";
          if (kind[0] == 'v')
            views = account->followers * koc_demo_rng_lognormal (&rng, 0.8, 0.8) + base * 8;
          break;
        case KOC_DEMO_WEIBO:
          kind = "note";
          break;
        case KOC_DEMO_N_PLATFORMS:
        default:
          g_assert_not_reached ();
        }

      koc_demo_make_uid (&rng, uid);
      koc_demo_bind_int (insert, id);
      koc_demo_bind_text (insert, uid);
      koc_demo_bind_int (insert, slots[i].account + 1);
      koc_demo_bind_text (insert, platform_id);
      koc_demo_bind_text (insert, url);
      koc_demo_bind_text (insert, kind);
      koc_demo_bind_text (insert, post.text->str);
      koc_demo_bind_int (insert, published);
      koc_demo_bind_int (insert, (gint64) (base * 0.70));
      koc_demo_bind_int (insert, (gint64) (base * 0.08));
      koc_demo_bind_int (insert, (gint64) (base * (account->platform == KOC_DEMO_WEIBO ? 0.15 : 0.05)));
      koc_demo_bind_int (insert, (gint64) (base * (account->platform == KOC_DEMO_XIAOHONGSHU ? 0.30 : 0.06)));
      koc_demo_bind_int (insert, (gint64) views);
      koc_demo_bind_double (insert, post.sentiment * (0.3 + 0.1 * koc_demo_rng_range (&rng, 7)));
      koc_demo_bind_int (insert, MIN (ctx->reference, published + 3600 * (1 + koc_demo_rng_range (&rng, 48))));
      if (!koc_demo_insert_run (insert, error))
        goto out;
      ctx->stats->posts++;

      if (brand >= 0)
        {
          koc_demo_bind_int (mention, id);
          koc_demo_bind_int (mention, brand + 1);
          koc_demo_bind_int (mention, published);
          if (!koc_demo_insert_run (mention, error))
            goto out;
          ctx->stats->mentions++;

          if (koc_demo_brands[brand].competes_with < 0)
            {
              GArray **list = &ctx->own_mentions[slots[i].account];
              KocDemoMention m = { id, published, (guint8) brand };

              if (*list == NULL)
                *list = g_array_new (FALSE, FALSE, sizeof (KocDemoMention));
              g_array_append_val (*list, m);
            }
        }

      for (guint t = 0; t < post.n_hashtags; t++)
        {
          koc_demo_bind_int (hashtag, id);
          koc_demo_bind_text (hashtag, post.hashtags[t]);
          if (!koc_demo_insert_run (hashtag, error))
            goto out;
          ctx->stats->hashtags++;
        }

      if ((i + 1) % 50000 == 0)
        {
          if (i + 1 < ctx->n_posts)
            koc_demo_progress (ctx, "posts", i + 1, ctx->n_posts);
          if (!koc_demo_writer_commit (writer, error) || !koc_demo_writer_begin (writer, error))
            goto out;
        }
    }

  koc_demo_progress (ctx, "posts", ctx->n_posts, ctx->n_posts);
  ok = koc_demo_writer_commit (writer, error);

out:
  koc_demo_post_clear (&post);
  return ok;
}
