/* koc-demo-crm.c: the relationship side of the demo workspace: tags, notes,
 * interactions, saved searches, and campaigns with their board stages, cards,
 * incentives, referral codes, redemptions, deliverables and rewards.
 *
 * Campaign participants are drawn mostly from people who already mention the brand
 * unprompted (the KOC story: find the advocates you have), and the posts linked as
 * deliverables are their real mentions of the campaign's brand.
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
#define N_STAGES 5
#define STREAM_CRM 31

static const char *const stage_names[N_STAGES] = {
  "待联系", "已联系", "已寄样", "已发布", "已结算",
};
static const char *const incentive_kinds[] = {
  "seeding", "early_access", "referral_code", "event_invite", "content_feature",
  "ambassador", "lucky_draw",
};
static const char *const reward_kinds[] = {
  "points", "gift", "sample", "discount", "invite", "feature",
};
static const char *const channels[] = {
  "wechat", "dm", "email", "event", "phone", "other",
};
static const char *const tag_colors[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44",
};

typedef struct
{
  KocDemoInsert *tag, *person_tag, *note, *interaction, *campaign, *stage, *card;
  KocDemoInsert *incentive, *deliverable, *code, *redemption, *reward, *search;
} Inserts;

/* Replaces %p (a product of @topic) and %c (@city) in a note template. */
static char *
fill_template (KocDemoRng *rng,
               const char *template,
               guint       topic,
               const char *city)
{
  GString *out = g_string_new (NULL);

  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'p')
        {
          g_string_append (out, KOC_DEMO_LIST_PICK (rng, &koc_demo_topic_words[topic].products));
          p++;
        }
      else if (p[0] == '%' && p[1] == 'c')
        {
          g_string_append (out, city);
          p++;
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_tags_notes_searches (KocDemoContext  *ctx,
                           Inserts         *ins,
                           KocDemoRng      *rng,
                           GError         **error)
{
  static const char *const searches[][2] = {
    { "上海美妆 nano KOC", "{\"q\":\"面膜 OR 精华\",\"region\":\"上海\",\"tier\":\"nano\"}" },
    { "咖啡自来水", "{\"q\":\"咖啡\",\"brand\":\"栗山咖啡\",\"min_engagement\":0.05}" },
    { "数码竞品声量", "{\"q\":\"耳机\",\"platform\":\"douyin\",\"competitors\":true}" },
  };
  guint n_tags = koc_demo_tags.n_items;

  for (guint t = 0; t < n_tags; t++)
    {
      char uid[33];

      koc_demo_make_uid (rng, uid);
      koc_demo_bind_int (ins->tag, t + 1);
      koc_demo_bind_text (ins->tag, uid);
      koc_demo_bind_text (ins->tag, koc_demo_tags.items[t]);
      koc_demo_bind_text (ins->tag, tag_colors[t % G_N_ELEMENTS (tag_colors)]);
      if (!koc_demo_insert_run (ins->tag, error))
        return FALSE;
    }

  for (guint p = 0; p < ctx->n_people; p++)
    {
      const KocDemoPersonPlan *person = &ctx->people[p];
      guint n_notes = person->stage == 3 ? 2 : koc_demo_rng_chance (rng, 0.1) ? 1 : 0;

      if (koc_demo_rng_chance (rng, 0.3))
        for (guint k = 1 + koc_demo_rng_range (rng, 3); k > 0; k--)
          {
            koc_demo_bind_int (ins->person_tag, p + 1);
            koc_demo_bind_int (ins->person_tag, 1 + koc_demo_rng_range (rng, n_tags));
            if (!koc_demo_insert_run (ins->person_tag, error))
              return FALSE;
          }

      for (guint k = 0; k < n_notes; k++)
        {
          g_autofree char *body = fill_template (rng, KOC_DEMO_LIST_PICK (rng, &koc_demo_note_texts),
                                                 person->topic, person->city);
          gint64 at = MIN (ctx->reference, person->created_at + (1 + koc_demo_rng_range (rng, 300)) * DAY);
          char uid[33];

          koc_demo_make_uid (rng, uid);
          koc_demo_bind_text (ins->note, uid);
          koc_demo_bind_int (ins->note, p + 1);
          koc_demo_bind_text (ins->note, body);
          koc_demo_bind_text (ins->note, person->owner != NULL ? person->owner : koc_demo_owners.items[0]);
          koc_demo_bind_int (ins->note, at);
          koc_demo_bind_int (ins->note, at);
          if (!koc_demo_insert_run (ins->note, error))
            return FALSE;
          ctx->stats->notes++;
        }

      /* People in a relationship have a contact log outside campaigns too. */
      for (guint k = person->stage >= 1 && person->stage <= 4 ? koc_demo_rng_range (rng, 4) : 0; k > 0; k--)
        {
          char uid[33];

          koc_demo_make_uid (rng, uid);
          koc_demo_bind_text (ins->interaction, uid);
          koc_demo_bind_int (ins->interaction, p + 1);
          koc_demo_bind_null (ins->interaction);
          koc_demo_bind_text (ins->interaction, KOC_DEMO_PICK (rng, channels));
          koc_demo_bind_int (ins->interaction, MIN (ctx->reference, person->created_at + (1 + koc_demo_rng_range (rng, 400)) * DAY));
          koc_demo_bind_text (ins->interaction, KOC_DEMO_LIST_PICK (rng, &koc_demo_interaction_texts));
          koc_demo_bind_text (ins->interaction, person->owner);
          if (!koc_demo_insert_run (ins->interaction, error) ||
              !koc_demo_writer_maybe_commit (ctx->writer, 50000, error))
            return FALSE;
          ctx->stats->interactions++;
        }
    }

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      char uid[33];

      koc_demo_make_uid (rng, uid);
      koc_demo_bind_text (ins->search, uid);
      koc_demo_bind_text (ins->search, searches[s][0]);
      koc_demo_bind_text (ins->search, searches[s][1]);
      koc_demo_bind_int (ins->search, ctx->reference - (40 - s) * DAY);
      koc_demo_bind_int (ins->search, ctx->reference - (3 - s) * DAY);
      if (!koc_demo_insert_run (ins->search, error))
        return FALSE;
    }

  return TRUE;
}

/* People whose accounts mentioned own brand @brand (indices), for picking participants. */
static GArray *
brand_fans (KocDemoContext *ctx,
            guint           brand)
{
  GArray *fans = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint p = 0; p < ctx->n_people; p++)
    for (guint k = 0; k < 2 && ctx->people[p].accounts[k] != G_MAXUINT32; k++)
      {
        GArray *mentions = ctx->own_mentions[ctx->people[p].accounts[k]];
        gboolean found = FALSE;

        for (guint m = 0; mentions != NULL && m < mentions->len && !found; m++)
          found = g_array_index (mentions, KocDemoMention, m).brand == brand;
        if (found)
          {
            g_array_append_val (fans, p);
            break;
          }
      }
  return fans;
}

/* Links up to two of the person's posts that mention @brand, preferring those after
 * @since. */
static gboolean
link_deliverables (KocDemoContext  *ctx,
                   Inserts         *ins,
                   gint64           card_id,
                   guint            person,
                   guint            brand,
                   gint64           since,
                   GError         **error)
{
  guint linked = 0;

  for (int pass = 0; pass < 2 && linked < 2; pass++)
    for (guint k = 0; k < 2 && linked < 2 && ctx->people[person].accounts[k] != G_MAXUINT32; k++)
      {
        GArray *mentions = ctx->own_mentions[ctx->people[person].accounts[k]];

        for (guint m = 0; mentions != NULL && m < mentions->len && linked < 2; m++)
          {
            const KocDemoMention *mention = &g_array_index (mentions, KocDemoMention, m);

            if (mention->brand != brand || (pass == 0) != (mention->published_at >= since))
              continue;
            koc_demo_bind_int (ins->deliverable, card_id);
            koc_demo_bind_int (ins->deliverable, mention->post_id);
            koc_demo_bind_int (ins->deliverable, MIN (ctx->reference, mention->published_at + DAY));
            if (!koc_demo_insert_run (ins->deliverable, error))
              return FALSE;
            ctx->stats->deliverables++;
            linked++;
          }
      }
  return TRUE;
}

static gboolean
write_campaigns (KocDemoContext  *ctx,
                 Inserts         *ins,
                 KocDemoRng      *rng,
                 GError         **error)
{
  static const double stage_weights[3][N_STAGES] = {
    { 80, 20, 0, 0, 0 },   /* draft */
    { 25, 25, 20, 20, 10 }, /* active */
    { 5, 5, 10, 30, 50 },  /* done */
  };
  guint n_campaigns = CLAMP (lround (30 * ctx->scale), 3, 30);
  guint n_cards = CLAMP (lround (60 * ctx->scale), 5, 600);
  g_autofree guint *in_campaign = g_new0 (guint, ctx->n_people);
  GArray *fans[3];
  gint64 card_id = 0, code_id = 0;

  n_cards = MIN (n_cards, ctx->n_people);
  for (guint b = 0; b < 3; b++)
    fans[b] = brand_fans (ctx, b);

  for (guint c = 0; c < n_campaigns; c++)
    {
      guint brand = c % 3;
      const KocDemoBrand *info = &koc_demo_brands[brand];
      gint64 starts = ctx->start + (gint64) c * 380 / n_campaigns * DAY + koc_demo_rng_range (rng, 10) * DAY;
      gint64 ends = starts + (14 + koc_demo_rng_range (rng, 47)) * DAY;
      guint status = starts > ctx->reference ? 0 : ends >= ctx->reference ? 1 : 2;
      g_autofree char *name = g_strdup_printf ("%s · %s", info->name, KOC_DEMO_LIST_PICK (rng, &koc_demo_campaign_themes));
      g_autofree char *goal = g_strdup_printf ("找到并激活 %u 位%s自来水 KOC，产出 %u 篇真实笔记",
                                               n_cards, info->name, n_cards * 2);
      GString *kinds = g_string_new ("[\"seeding\"");
      gboolean with_codes = koc_demo_rng_chance (rng, 0.8);
      guint positions[N_STAGES] = { 0 };
      gint64 campaign_id = c + 1;
      char uid[33];

      if (with_codes)
        g_string_append (kinds, ",\"referral_code\"");
      for (guint k = 1; k < G_N_ELEMENTS (incentive_kinds); k++)
        if (k != 2 && koc_demo_rng_chance (rng, 0.25))
          g_string_append_printf (kinds, ",\"%s\"", incentive_kinds[k]);
      g_string_append_c (kinds, ']');

      koc_demo_make_uid (rng, uid);
      koc_demo_bind_int (ins->campaign, campaign_id);
      koc_demo_bind_text (ins->campaign, uid);
      koc_demo_bind_int (ins->campaign, brand + 1);
      koc_demo_bind_text (ins->campaign, name);
      koc_demo_bind_text (ins->campaign, goal);
      koc_demo_bind_int (ins->campaign, starts);
      koc_demo_bind_int (ins->campaign, ends);
      koc_demo_bind_int (ins->campaign, (5 + koc_demo_rng_range (rng, 46)) * G_GINT64_CONSTANT (1000000));
      koc_demo_bind_text (ins->campaign, status == 0 ? "draft" : status == 1 ? "active"
                                         : koc_demo_rng_chance (rng, 0.2) ? "archived" : "done");
      koc_demo_bind_text (ins->campaign, kinds->str);
      koc_demo_bind_int (ins->campaign, starts - 20 * DAY);
      g_string_free (kinds, TRUE);
      if (!koc_demo_insert_run (ins->campaign, error))
        return FALSE;
      ctx->stats->campaigns++;

      for (guint s = 0; s < N_STAGES; s++)
        {
          koc_demo_make_uid (rng, uid);
          koc_demo_bind_int (ins->stage, c * N_STAGES + s + 1);
          koc_demo_bind_text (ins->stage, uid);
          koc_demo_bind_int (ins->stage, campaign_id);
          koc_demo_bind_text (ins->stage, stage_names[s]);
          koc_demo_bind_int (ins->stage, s);
          if (!koc_demo_insert_run (ins->stage, error))
            return FALSE;
        }

      for (guint n = 0; n < n_cards; n++)
        {
          guint person, stage, attempts = 0;
          const KocDemoPersonPlan *plan;
          gint64 created, due;

          /* Mostly people who already mention the brand; never twice in a campaign. */
          do
            person = fans[brand]->len > 0 && koc_demo_rng_chance (rng, 0.7)
                     ? g_array_index (fans[brand], guint, koc_demo_rng_range (rng, fans[brand]->len))
                     : koc_demo_rng_range (rng, ctx->n_people);
          while (in_campaign[person] == c + 1 && ++attempts < 50);
          if (in_campaign[person] == c + 1)
            continue;
          in_campaign[person] = c + 1;
          plan = &ctx->people[person];

          stage = 0;
          {
            double x = koc_demo_rng_double (rng) * 100;

            while (stage < N_STAGES - 1 && x >= stage_weights[status][stage])
              x -= stage_weights[status][stage++];
          }
          created = MIN (ctx->reference, starts - koc_demo_rng_range (rng, 14) * DAY);
          due = starts + (7 + koc_demo_rng_range (rng, 34)) * DAY;
          card_id++;

          koc_demo_make_uid (rng, uid);
          koc_demo_bind_int (ins->card, card_id);
          koc_demo_bind_text (ins->card, uid);
          koc_demo_bind_int (ins->card, campaign_id);
          koc_demo_bind_int (ins->card, person + 1);
          koc_demo_bind_int (ins->card, c * N_STAGES + stage + 1);
          koc_demo_bind_double (ins->card, positions[stage]++);
          koc_demo_bind_text (ins->card, plan->owner != NULL ? plan->owner : KOC_DEMO_LIST_PICK (rng, &koc_demo_owners));
          koc_demo_bind_int (ins->card, due);
          koc_demo_bind_int (ins->card, created);
          koc_demo_bind_int (ins->card, MIN (ctx->reference, created + (gint64) stage * 5 * DAY));
          if (!koc_demo_insert_run (ins->card, error))
            return FALSE;
          ctx->stats->cards++;

          /* Product seeding for nearly everyone on the board. */
          if (koc_demo_rng_chance (rng, 0.9))
            {
              g_autofree char *sku = g_strdup_printf ("%s %s %s", info->name,
                                                      KOC_DEMO_LIST_PICK (rng, &koc_demo_topic_words[info->topic].products),
                                                      KOC_DEMO_LIST_PICK (rng, &koc_demo_sku_names));
              g_autofree char *real_name = koc_demo_make_real_name (rng);
              g_autofree char *shipping = g_strdup_printf ("{\"name\":\"%s\",\"city\":\"%s\",\"phone\":\"138****%04u\"}",
                                                           real_name, plan->city, koc_demo_rng_range (rng, 10000));

              koc_demo_make_uid (rng, uid);
              koc_demo_bind_text (ins->incentive, uid);
              koc_demo_bind_int (ins->incentive, card_id);
              koc_demo_bind_text (ins->incentive, "seeding");
              koc_demo_bind_text (ins->incentive, sku);
              koc_demo_bind_int (ins->incentive, (99 + 10 * koc_demo_rng_range (rng, 50)) * 100);
              koc_demo_bind_int (ins->incentive, due - 5 * DAY);
              koc_demo_bind_text (ins->incentive, stage >= 3 ? "delivered" : stage == 2 ? "sent" : "planned");
              koc_demo_bind_text (ins->incentive, shipping);
              if (!koc_demo_insert_run (ins->incentive, error))
                return FALSE;
              ctx->stats->incentives++;
            }

          if (with_codes && stage >= 1 && koc_demo_rng_chance (rng, 0.7))
            {
              g_autofree char *code = NULL;
              char prefix[4] = { 0 };
              guint n_redemptions;

              for (guint k = 0, j = 0; info->name_en[k] != '\0' && j < 3; k++)
                if (g_ascii_isalpha (info->name_en[k]))
                  prefix[j++] = g_ascii_toupper (info->name_en[k]);
              code = g_strdup_printf ("%s%02u-%05" G_GINT64_FORMAT "%c", prefix, c + 1, card_id,
                                      'A' + koc_demo_rng_range (rng, 26));
              code_id++;

              koc_demo_make_uid (rng, uid);
              koc_demo_bind_int (ins->code, code_id);
              koc_demo_bind_text (ins->code, uid);
              koc_demo_bind_text (ins->code, code);
              koc_demo_bind_int (ins->code, person + 1);
              koc_demo_bind_int (ins->code, campaign_id);
              koc_demo_bind_int (ins->code, created);
              if (!koc_demo_insert_run (ins->code, error))
                return FALSE;
              ctx->stats->referral_codes++;

              n_redemptions = starts > ctx->reference ? 0 : koc_demo_rng_poisson (rng, stage >= 3 ? 4.0 : 1.0);
              for (guint r = 0; r < n_redemptions; r++)
                {
                  gint64 window = MAX (DAY, MIN (ends + 30 * DAY, ctx->reference) - starts);
                  char order[24];

                  g_snprintf (order, sizeof order, "KD%010u%02u", koc_demo_rng_range (rng, 1000000000), r);
                  koc_demo_make_uid (rng, uid);
                  koc_demo_bind_text (ins->redemption, uid);
                  koc_demo_bind_int (ins->redemption, code_id);
                  koc_demo_bind_int (ins->redemption, starts + (gint64) (koc_demo_rng_double (rng) * window));
                  koc_demo_bind_text (ins->redemption, order);
                  koc_demo_bind_int (ins->redemption, lround (koc_demo_rng_lognormal (rng, 168, 0.7)) * 100);
                  if (!koc_demo_insert_run (ins->redemption, error))
                    return FALSE;
                  ctx->stats->redemptions++;
                }
            }

          if (stage >= 3 && !link_deliverables (ctx, ins, card_id, person, brand, starts, error))
            return FALSE;

          if (stage == 4 || (stage == 3 && koc_demo_rng_chance (rng, 0.3)))
            {
              const char *kind = KOC_DEMO_PICK (rng, reward_kinds);
              gboolean points = strcmp (kind, "points") == 0;

              koc_demo_make_uid (rng, uid);
              koc_demo_bind_text (ins->reward, uid);
              koc_demo_bind_int (ins->reward, person + 1);
              koc_demo_bind_int (ins->reward, campaign_id);
              koc_demo_bind_text (ins->reward, kind);
              koc_demo_bind_int (ins->reward, points ? 100 * (1 + koc_demo_rng_range (rng, 20)) : 0);
              koc_demo_bind_int (ins->reward, points ? 0 : (50 + 10 * koc_demo_rng_range (rng, 45)) * 100);
              koc_demo_bind_text (ins->reward, points ? "内容发布积分" : "感谢真实分享");
              koc_demo_bind_int (ins->reward, MIN (ctx->reference, ends + koc_demo_rng_range (rng, 20) * DAY));
              if (!koc_demo_insert_run (ins->reward, error))
                return FALSE;
              ctx->stats->rewards++;
            }

          for (guint k = 1 + koc_demo_rng_range (rng, 3); k > 0 && starts <= ctx->reference; k--)
            {
              koc_demo_make_uid (rng, uid);
              koc_demo_bind_text (ins->interaction, uid);
              koc_demo_bind_int (ins->interaction, person + 1);
              koc_demo_bind_int (ins->interaction, campaign_id);
              koc_demo_bind_text (ins->interaction, KOC_DEMO_PICK (rng, channels));
              koc_demo_bind_int (ins->interaction, MIN (ctx->reference, created + koc_demo_rng_range (rng, 40) * DAY));
              koc_demo_bind_text (ins->interaction, KOC_DEMO_LIST_PICK (rng, &koc_demo_interaction_texts));
              koc_demo_bind_text (ins->interaction, plan->owner);
              if (!koc_demo_insert_run (ins->interaction, error))
                return FALSE;
              ctx->stats->interactions++;
            }
        }
      koc_demo_progress (ctx, "campaigns", c + 1, n_campaigns);
    }

  for (guint b = 0; b < 3; b++)
    g_array_unref (fans[b]);
  return TRUE;
}

gboolean
koc_demo_generate_crm (KocDemoContext  *ctx,
                       GError         **error)
{
  KocDemoWriter *w = ctx->writer;
  Inserts ins = { 0 };
  KocDemoRng rng;

  koc_demo_rng_init (&rng, ctx->seed, STREAM_CRM);

  /* Parents before children: the SQL dump writes its batches in this order. */
  if ((ins.tag = koc_demo_writer_insert (w, "INSERT", "tags", "id, uid, name, color", error)) == NULL ||
      (ins.person_tag = koc_demo_writer_insert (w, "INSERT OR IGNORE", "person_tags", "person_id, tag_id", error)) == NULL ||
      (ins.note = koc_demo_writer_insert (w, "INSERT", "notes", "uid, person_id, body, author, created_at, updated_at", error)) == NULL ||
      (ins.search = koc_demo_writer_insert (w, "INSERT", "saved_searches", "uid, name, query, created_at, last_used_at", error)) == NULL ||
      (ins.campaign = koc_demo_writer_insert (w, "INSERT", "campaigns",
                                              "id, uid, brand_id, name, goal, starts_at, ends_at, budget_cents, status,"
                                              " incentive_kinds, created_at", error)) == NULL ||
      (ins.stage = koc_demo_writer_insert (w, "INSERT", "campaign_stages", "id, uid, campaign_id, name, position", error)) == NULL ||
      (ins.card = koc_demo_writer_insert (w, "INSERT", "cards",
                                          "id, uid, campaign_id, person_id, stage_id, position, owner, due_at, created_at,"
                                          " updated_at", error)) == NULL ||
      (ins.incentive = koc_demo_writer_insert (w, "INSERT", "incentives",
                                               "uid, card_id, kind, sku, value_cents, due_at, status, shipping_private", error)) == NULL ||
      (ins.deliverable = koc_demo_writer_insert (w, "INSERT OR IGNORE", "card_deliverables", "card_id, post_id, linked_at", error)) == NULL ||
      (ins.code = koc_demo_writer_insert (w, "INSERT", "referral_codes", "id, uid, code, person_id, campaign_id, created_at", error)) == NULL ||
      (ins.redemption = koc_demo_writer_insert (w, "INSERT", "redemptions",
                                                "uid, code_id, redeemed_at, order_ref, revenue_cents", error)) == NULL ||
      (ins.reward = koc_demo_writer_insert (w, "INSERT", "rewards",
                                            "uid, person_id, campaign_id, kind, points, value_cents, note, given_at", error)) == NULL ||
      (ins.interaction = koc_demo_writer_insert (w, "INSERT", "interactions",
                                                 "uid, person_id, campaign_id, channel, happened_at, summary, author", error)) == NULL)
    return FALSE;

  koc_demo_progress (ctx, "campaigns", 0, 1);
  return koc_demo_writer_begin (w, error) &&
         write_tags_notes_searches (ctx, &ins, &rng, error) &&
         write_campaigns (ctx, &ins, &rng, error) &&
         koc_demo_writer_commit (w, error);
}
