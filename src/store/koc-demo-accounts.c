/* koc-demo-accounts.c: demo workspace meta, brands, avatars, people, accounts and their
 * metric snapshots.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include "koc-demo-private.h"

#define DAY (G_GINT64_CONSTANT (86400))

enum { STREAM_NAMES = 11, STREAM_AVATARS, STREAM_PEOPLE_ROWS, STREAM_SNAPSHOTS, STREAM_BRANDS };

static const char *const brand_colors[] = {
  "#e66100", "#1c71d8", "#26a269", "#c061cb", "#f5c211", "#865e3c", "#5e5c64",
  "#a51d2d", "#2ec27e", "#3584e4", "#9141ac",
};

static gboolean
write_meta_and_brands (KocDemoContext  *ctx,
                       GError         **error)
{
  KocDemoWriter *writer = ctx->writer;
  KocDemoInsert *meta, *brand, *alias;
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, ctx->seed);
  g_autofree char *scale = g_strdup_printf ("%g", ctx->scale);
  g_autofree char *created = g_strdup_printf ("%" G_GINT64_FORMAT, ctx->start - 30 * DAY);
  g_autofree char *reference = g_strdup_printf ("%" G_GINT64_FORMAT, ctx->reference);
  const char *const pairs[][2] = {
    { "created_at", created },
    { "name", "KOC Desk 演示工作区 · Demo" },
    { "currency", "CNY" },
    { "demo_seed", seed },
    { "demo_scale", scale },
    { "demo_reference_time", reference },
  };
  KocDemoRng rng;

  koc_demo_rng_init (&rng, ctx->seed, STREAM_BRANDS);

  if (!koc_demo_writer_begin (writer, error) ||
      (meta = koc_demo_writer_insert (writer, "INSERT OR REPLACE", "workspace_meta", "key, value", error)) == NULL ||
      (brand = koc_demo_writer_insert (writer, "INSERT", "brands", "id, uid, name, is_own, color, created_at", error)) == NULL ||
      (alias = koc_demo_writer_insert (writer, "INSERT OR IGNORE", "brand_aliases", "brand_id, alias", error)) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      koc_demo_bind_text (meta, pairs[i][0]);
      koc_demo_bind_text (meta, pairs[i][1]);
      if (!koc_demo_insert_run (meta, error))
        return FALSE;
    }

  for (guint b = 0; b < koc_demo_n_brands; b++)
    {
      const KocDemoBrand *info = &koc_demo_brands[b];
      char uid[33];

      koc_demo_make_uid (&rng, uid);
      koc_demo_bind_int (brand, b + 1);
      koc_demo_bind_text (brand, uid);
      koc_demo_bind_text (brand, info->name);
      koc_demo_bind_int (brand, info->competes_with < 0);
      koc_demo_bind_text (brand, brand_colors[b % G_N_ELEMENTS (brand_colors)]);
      koc_demo_bind_int (brand, ctx->start - 30 * DAY);
      if (!koc_demo_insert_run (brand, error))
        return FALSE;

      for (int k = -2; k < (int) G_N_ELEMENTS (info->aliases); k++)
        {
          const char *name = k == -2 ? info->name : k == -1 ? info->name_en : info->aliases[k];

          if (name == NULL)
            break;
          koc_demo_bind_int (alias, b + 1);
          koc_demo_bind_text (alias, name);
          if (!koc_demo_insert_run (alias, error))
            return FALSE;
        }
    }

  return koc_demo_writer_commit (writer, error);
}

static const char *
account_url_prefix (guint platform)
{
  switch ((KocDemoPlatform) platform)
    {
    case KOC_DEMO_XIAOHONGSHU:
      return "https://www.xiaohongshu.com/user/profile/";
    case KOC_DEMO_WEIBO:
      return "https://weibo.com/";
    case KOC_DEMO_DOUYIN:
      return "https://www.douyin.com/user/";
    case KOC_DEMO_INSTAGRAM:
      return "https://www.instagram.com/";
    case KOC_DEMO_N_PLATFORMS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* A plausible KOC score (0–100) and its explanation, from the person's first account. */
static double
score_person (KocDemoContext     *ctx,
              const KocDemoPersonPlan *person,
              char              **breakdown)
{
  const KocDemoAccountPlan *account = &ctx->accounts[person->accounts[0]];
  double engagement = MIN (1.0, account->engagement_rate / (2 * 0.04));
  double affinity = MIN (1.0, account->mention_p / 0.35);
  double authenticity = 0.6 + 0.4 * fmod (account->followers * 7.31, 1.0);
  double conversion = person->stage >= 2 && person->stage <= 3 ? 0.8 : 0.2;
  double recency = ctx->reference - account->last_post_at < 30 * DAY ? 1.0 : 0.4;
  double score = 35 * engagement + 25 * affinity + 15 * authenticity + 15 * conversion + 10 * recency;

  *breakdown = g_strdup_printf ("{\"engagement\":%.2f,\"affinity\":%.2f,\"authenticity\":%.2f,"
                                "\"conversion\":%.2f,\"recency\":%.2f,\"weights\":[35,25,15,15,10]}",
                                engagement, affinity, authenticity, conversion, recency);
  return round (CLAMP (score, 0, 100) * 10) / 10;
}

static gboolean
write_people (KocDemoContext  *ctx,
              char           **nicknames,
              GError         **error)
{
  KocDemoWriter *writer = ctx->writer;
  KocDemoInsert *insert;
  KocDemoRng rng;

  koc_demo_rng_init (&rng, ctx->seed, STREAM_PEOPLE_ROWS);
  insert = koc_demo_writer_insert (writer, "INSERT", "people",
                                   "id, uid, display_name, stage, owner, region, category, bio, email,"
                                   " wechat, consent, consent_at, orders, spend_cents, koc_score,"
                                   " score_breakdown, scored_at, created_at, updated_at", error);
  if (insert == NULL || !koc_demo_writer_begin (writer, error))
    return FALSE;

  for (guint p = 0; p < ctx->n_people; p++)
    {
      const KocDemoPersonPlan *person = &ctx->people[p];
      const KocDemoAccountPlan *first = &ctx->accounts[person->accounts[0]];
      g_autofree char *bio = koc_demo_make_bio (&rng, person->topic, person->city, person->english);
      g_autofree char *breakdown = NULL;
      gboolean contacted = person->stage >= 1 && person->stage <= 3;
      guint orders = koc_demo_rng_chance (&rng, 0.4) ? koc_demo_rng_poisson (&rng, 3) : 0;
      double score = score_person (ctx, person, &breakdown);
      char uid[33];

      koc_demo_make_uid (&rng, uid);
      koc_demo_bind_int (insert, p + 1);
      koc_demo_bind_text (insert, uid);
      koc_demo_bind_text (insert, nicknames[person->accounts[0]]);
      koc_demo_bind_text (insert, koc_demo_stage_ids[person->stage]);
      koc_demo_bind_text (insert, person->owner);
      koc_demo_bind_text (insert, person->city);
      koc_demo_bind_text (insert, koc_demo_topic_ids[person->topic]);
      koc_demo_bind_text (insert, bio);
      if (contacted)
        {
          g_autofree char *email = g_strdup_printf ("%s@example.com", first->handle);
          g_autofree char *wechat = g_strdup_printf ("wx_%s", first->handle);

          koc_demo_bind_text (insert, email);
          koc_demo_bind_text (insert, wechat);
          koc_demo_bind_text (insert, "granted");
          koc_demo_bind_int (insert, person->created_at + (5 + koc_demo_rng_range (&rng, 60)) * DAY);
        }
      else
        {
          koc_demo_bind_null (insert);
          koc_demo_bind_null (insert);
          koc_demo_bind_text (insert, person->stage == 5 ? "denied" : "unknown");
          koc_demo_bind_null (insert);
        }
      koc_demo_bind_int (insert, orders);
      koc_demo_bind_int (insert, orders * lround (koc_demo_rng_lognormal (&rng, 180, 0.6) * 100));
      koc_demo_bind_double (insert, score);
      koc_demo_bind_text (insert, breakdown);
      koc_demo_bind_int (insert, ctx->reference - DAY);
      koc_demo_bind_int (insert, person->created_at);
      koc_demo_bind_int (insert, MAX (person->created_at, ctx->reference - koc_demo_rng_range (&rng, 90) * DAY));
      if (!koc_demo_insert_run (insert, error))
        return FALSE;
      ctx->stats->people++;
    }

  koc_demo_progress (ctx, "people", ctx->n_people, ctx->n_people);
  return koc_demo_writer_commit (writer, error);
}

static gboolean
write_account_rows (KocDemoContext  *ctx,
                    char           **nicknames,
                    GError         **error)
{
  KocDemoWriter *writer = ctx->writer;
  KocDemoInsert *media, *insert;
  KocDemoRng rng;

  koc_demo_rng_init (&rng, ctx->seed, STREAM_AVATARS);
  media = koc_demo_writer_insert (writer, "INSERT OR IGNORE", "media",
                                  "sha256, mime, bytes, data, fetched_at", error);
  insert = media == NULL ? NULL :
           koc_demo_writer_insert (writer, "INSERT", "accounts",
                                   "id, uid, person_id, platform, handle, display_name, avatar_sha256,"
                                   " bio, region, category, url, followers, engagement_rate,"
                                   " posts_count, last_post_at, created_at, updated_at", error);
  if (insert == NULL || !koc_demo_writer_begin (writer, error))
    return FALSE;

  for (guint a = 0; a < ctx->n_accounts; a++)
    {
      const KocDemoAccountPlan *account = &ctx->accounts[a];
      const KocDemoPersonPlan *person = &ctx->people[account->person];
      g_autoptr(GBytes) avatar = koc_demo_make_avatar (&rng, nicknames[a]);
      g_autofree char *sha = koc_demo_sha256_hex (avatar);
      g_autofree char *bio = koc_demo_make_bio (&rng, account->topic, person->city, account->english);
      g_autofree char *url = g_strconcat (account_url_prefix (account->platform), account->handle, NULL);
      gint64 created = MIN (person->created_at + koc_demo_rng_range (&rng, 20) * DAY, ctx->reference);
      char uid[33];

      koc_demo_bind_text (media, sha);
      koc_demo_bind_text (media, "image/svg+xml");
      koc_demo_bind_int (media, g_bytes_get_size (avatar));
      koc_demo_bind_blob (media, avatar);
      koc_demo_bind_int (media, created);
      if (!koc_demo_insert_run (media, error))
        return FALSE;
      ctx->stats->media++;

      koc_demo_make_uid (&rng, uid);
      koc_demo_bind_int (insert, a + 1);
      koc_demo_bind_text (insert, uid);
      koc_demo_bind_int (insert, account->person + 1);
      koc_demo_bind_text (insert, koc_demo_platform_ids[account->platform]);
      koc_demo_bind_text (insert, account->handle);
      koc_demo_bind_text (insert, nicknames[a]);
      koc_demo_bind_text (insert, sha);
      koc_demo_bind_text (insert, bio);
      koc_demo_bind_text (insert, person->city);
      koc_demo_bind_text (insert, koc_demo_topic_ids[account->topic]);
      koc_demo_bind_text (insert, url);
      koc_demo_bind_int (insert, (gint64) account->followers);
      koc_demo_bind_double (insert, round (account->engagement_rate * 10000) / 10000);
      koc_demo_bind_int (insert, account->n_posts);
      koc_demo_bind_int (insert, account->last_post_at);
      koc_demo_bind_int (insert, created);
      koc_demo_bind_int (insert, ctx->reference - DAY);
      if (!koc_demo_insert_run (insert, error) ||
          !koc_demo_writer_maybe_commit (writer, 50000, error))
        return FALSE;
      ctx->stats->accounts++;

      if ((a + 1) % 20000 == 0 && a + 1 < ctx->n_accounts)
        koc_demo_progress (ctx, "accounts", a + 1, ctx->n_accounts);
    }

  koc_demo_progress (ctx, "accounts", ctx->n_accounts, ctx->n_accounts);
  return koc_demo_writer_commit (writer, error);
}

gboolean
koc_demo_write_accounts (KocDemoContext  *ctx,
                         GError         **error)
{
  char **nicknames = g_new0 (char *, ctx->n_accounts + 1);
  gboolean ok;
  KocDemoRng rng;

  koc_demo_rng_init (&rng, ctx->seed, STREAM_NAMES);
  for (guint a = 0; a < ctx->n_accounts; a++)
    koc_demo_make_names (&rng, ctx->accounts[a].english, a, &nicknames[a], &ctx->accounts[a].handle);

  koc_demo_progress (ctx, "people", 0, ctx->n_people);
  ok = write_meta_and_brands (ctx, error) &&
       write_people (ctx, nicknames, error) &&
       write_account_rows (ctx, nicknames, error);

  g_strfreev (nicknames);
  return ok;
}

gboolean
koc_demo_write_snapshots (KocDemoContext  *ctx,
                          GError         **error)
{
  KocDemoWriter *writer = ctx->writer;
  KocDemoInsert *insert;
  KocDemoRng rng;

  koc_demo_rng_init (&rng, ctx->seed, STREAM_SNAPSHOTS);
  insert = koc_demo_writer_insert (writer, "INSERT", "metric_snapshots",
                                   "account_id, taken_at, followers, posts_count, engagement_rate,"
                                   " avg_likes, avg_views", error);
  if (insert == NULL || !koc_demo_writer_begin (writer, error))
    return FALSE;

  koc_demo_progress (ctx, "snapshots", 0, ctx->n_accounts);
  for (guint a = 0; a < ctx->n_accounts; a++)
    {
      const KocDemoAccountPlan *account = &ctx->accounts[a];
      /* Weekly for a year; monthly for the accounts beyond the first 20,000. */
      gboolean weekly = a < 20000;
      guint n = weekly ? 52 : 12;
      gint64 step = weekly ? 7 * DAY : 30 * DAY;
      double growth = MIN (0.9, koc_demo_rng_lognormal (&rng, 0.25, 0.5));
      const gint64 *times = ctx->times + ctx->offsets[a];
      guint64 count = ctx->offsets[a + 1] - ctx->offsets[a], before = 0;
      gboolean video = account->platform == KOC_DEMO_DOUYIN;

      for (guint k = n; k-- > 0;)
        {
          gint64 taken = ctx->reference - k * step;
          double followers = account->followers * (1.0 - growth * k / (double) n)
                             * (1.0 + 0.02 * (koc_demo_rng_double (&rng) - 0.5));
          double rate = account->engagement_rate * (0.8 + 0.4 * koc_demo_rng_double (&rng));

          while (before < count && times[before] <= taken)
            before++;

          koc_demo_bind_int (insert, a + 1);
          koc_demo_bind_int (insert, taken);
          koc_demo_bind_int (insert, (gint64) MAX (0, followers));
          koc_demo_bind_int (insert, before);
          koc_demo_bind_double (insert, round (rate * 10000) / 10000);
          koc_demo_bind_double (insert, round (followers * rate * 0.7));
          if (video)
            koc_demo_bind_double (insert, round (followers * 1.5));
          else
            koc_demo_bind_null (insert);
          if (!koc_demo_insert_run (insert, error) ||
              !koc_demo_writer_maybe_commit (writer, 100000, error))
            return FALSE;
          ctx->stats->snapshots++;
        }

      if ((a + 1) % 20000 == 0 && a + 1 < ctx->n_accounts)
        koc_demo_progress (ctx, "snapshots", a + 1, ctx->n_accounts);
    }

  koc_demo_progress (ctx, "snapshots", ctx->n_accounts, ctx->n_accounts);
  return koc_demo_writer_commit (writer, error);
}
