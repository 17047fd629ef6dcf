/* koc-demo-private.h: internals of the demo workspace generator.
 *
 * The generator is split by what each file holds:
 *   koc-demo-words.c    the content tables (brands, names, post fragments, hashtags)
 *   koc-demo-text.c     the seeded PRNG helpers and the composition of post texts
 *   koc-demo-people.c   names, handles, bios and the procedural SVG avatars
 *   koc-demo-writer.c   prepared INSERTs that can also be dumped as SQL, with timing
 *   koc-demo.c          the plan (people, accounts, post times) and the phases in order
 *   koc-demo-accounts.c meta, brands, avatars, people, accounts, metric snapshots
 *   koc-demo-posts.c    posts, brand mentions, hashtags
 *   koc-demo-crm.c      tags, notes, interactions, campaigns and their boards
 *
 * Everything here is deterministic: the same seed gives the same bytes. No rand(), no
 * g_random, no clock, no locale.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <glib.h>
#include <sqlite3.h>

#include "koc-demo.h"

G_BEGIN_DECLS

/* ---- PRNG: xoshiro256** seeded through splitmix64 ---- */

typedef struct
{
  guint64 s[4];
} KocDemoRng;

void    koc_demo_rng_init   (KocDemoRng *rng,
                             guint64     seed,
                             guint64     stream);

static inline guint64
koc_demo_rotl (guint64 x,
               int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
koc_demo_rng_next (KocDemoRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = koc_demo_rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = koc_demo_rotl (s[3], 45);

  return result;
}

/* Uniform in [0, 1). */
static inline double
koc_demo_rng_double (KocDemoRng *rng)
{
  return (koc_demo_rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform in [0, n); n > 0. */
static inline guint32
koc_demo_rng_range (KocDemoRng *rng,
                    guint32     n)
{
  return (guint32) (((koc_demo_rng_next (rng) >> 32) * (guint64) n) >> 32);
}

static inline gboolean
koc_demo_rng_chance (KocDemoRng *rng,
                     double      p)
{
  return koc_demo_rng_double (rng) < p;
}

#define KOC_DEMO_PICK(rng, array) ((array)[koc_demo_rng_range ((rng), G_N_ELEMENTS (array))])

double  koc_demo_rng_normal    (KocDemoRng *rng);
double  koc_demo_rng_lognormal (KocDemoRng *rng,
                                double      median,
                                double      sigma);
double  koc_demo_rng_pareto    (KocDemoRng *rng,
                                double      x_min,
                                double      alpha);
guint   koc_demo_rng_poisson   (KocDemoRng *rng,
                                double      mean);

/* ---- Content tables (koc-demo-words.c) ---- */

typedef enum
{
  KOC_DEMO_XIAOHONGSHU,
  KOC_DEMO_WEIBO,
  KOC_DEMO_DOUYIN,
  KOC_DEMO_INSTAGRAM,
  KOC_DEMO_N_PLATFORMS
} KocDemoPlatform;

typedef enum
{
  KOC_DEMO_BEAUTY,
  KOC_DEMO_FOOD,
  KOC_DEMO_TECH,
  KOC_DEMO_LIFESTYLE,
  KOC_DEMO_PARENTING,
  KOC_DEMO_FITNESS,
  KOC_DEMO_N_TOPICS
} KocDemoTopic;

typedef struct
{
  const char   *name;         /* canonical name, Chinese */
  const char   *name_en;
  const char   *aliases[4];   /* extra aliases (Chinese and English), NULL-terminated */
  const char   *website;
  KocDemoTopic  topic;
  int           competes_with; /* index of the own brand it competes with; -1 = own brand */
} KocDemoBrand;

typedef struct
{
  const char *const *items;
  guint              n_items;
} KocDemoList;

typedef struct
{
  KocDemoList products;      /* 面膜, 精华 … */
  KocDemoList features;      /* rarer words: 烟酰胺, 降噪 … */
  KocDemoList sentences;     /* Chinese sentences with slots */
  KocDemoList hashtags;      /* Chinese hashtags (without #) */
  KocDemoList products_en;
  KocDemoList sentences_en;
  KocDemoList hashtags_en;
} KocDemoTopicWords;

extern const KocDemoBrand      koc_demo_brands[];
extern const guint             koc_demo_n_brands;
extern const KocDemoTopicWords koc_demo_topic_words[KOC_DEMO_N_TOPICS];
extern const char *const       koc_demo_platform_ids[KOC_DEMO_N_PLATFORMS];
extern const char *const       koc_demo_topic_ids[KOC_DEMO_N_TOPICS];

extern const KocDemoList koc_demo_openers, koc_demo_verdicts, koc_demo_closers;
extern const KocDemoList koc_demo_xhs_titles, koc_demo_weibo_emoticons, koc_demo_emoji;
extern const KocDemoList koc_demo_douyin_captions, koc_demo_repost_comments;
extern const KocDemoList koc_demo_en_openers, koc_demo_en_closers;
extern const KocDemoList koc_demo_cities_zh, koc_demo_cities_en, koc_demo_adjectives;
extern const KocDemoList koc_demo_nick_prefix_zh, koc_demo_nick_suffix_zh;
extern const KocDemoList koc_demo_nick_ascii, koc_demo_en_first_names, koc_demo_en_styles;
extern const KocDemoList koc_demo_surnames, koc_demo_given_names;
extern const KocDemoList koc_demo_bios, koc_demo_bios_en, koc_demo_owners, koc_demo_tags;
extern const KocDemoList koc_demo_note_texts, koc_demo_interaction_texts;
extern const KocDemoList koc_demo_campaign_themes, koc_demo_sku_names;

#define KOC_DEMO_LIST_PICK(rng, list) ((list)->items[koc_demo_rng_range ((rng), (list)->n_items)])

/* ---- Post texts (koc-demo-text.c) ---- */

#define KOC_DEMO_MAX_TAGS 6

typedef struct
{
  GString    *text;
  char       *hashtags[KOC_DEMO_MAX_TAGS]; /* owned, without '#', lower-cased ASCII */
  guint       n_hashtags;
  int         brand;                      /* index into koc_demo_brands, -1 = none */
  const char *alias;                      /* the alias written in the text */
  int         sentiment;                  /* -1, 0, +1 */
} KocDemoPost;

void         koc_demo_post_init      (KocDemoPost     *post);
void         koc_demo_post_clear     (KocDemoPost     *post);
void         koc_demo_compose_post   (KocDemoRng      *rng,
                                      KocDemoPlatform  platform,
                                      KocDemoTopic     topic,
                                      int              brand,
                                      const char      *mention_handle,
                                      KocDemoPost     *post);

/* ---- People (koc-demo-people.c) ---- */

/* A display nickname and a unique ASCII handle (unique because it ends in @index). */
void         koc_demo_make_names     (KocDemoRng      *rng,
                                      gboolean         english,
                                      guint            index,
                                      char           **nickname,
                                      char           **handle);
char        *koc_demo_make_real_name (KocDemoRng      *rng);
char        *koc_demo_make_bio       (KocDemoRng      *rng,
                                      KocDemoTopic     topic,
                                      const char      *city,
                                      gboolean         english);
/* A small SVG (< 600 bytes) drawn from the RNG and the first character of @name. */
GBytes      *koc_demo_make_avatar    (KocDemoRng      *rng,
                                      const char      *name);
/* Lower-case hex SHA-256 of @bytes. */
char        *koc_demo_sha256_hex     (GBytes          *bytes);

/* ---- Writer (koc-demo-writer.c) ----
 *
 * Prepared INSERTs that are reused for every row, with the time spent inside SQLite
 * (binding, stepping, BEGIN/COMMIT) measured apart from the time spent composing rows.
 * With a dump file, every statement also goes there as literal SQL for the sqlite3
 * shell, so a benchmark can load the very same rows the same way. */

typedef struct _KocDemoWriter KocDemoWriter;
typedef struct _KocDemoInsert KocDemoInsert;

KocDemoWriter *koc_demo_writer_new        (sqlite3        *db,
                                           FILE           *dump);
void           koc_demo_writer_free       (KocDemoWriter  *writer);
/* @verb is "INSERT" or "INSERT OR IGNORE"; @columns a comma-separated list. The insert
 * belongs to the writer. */
KocDemoInsert *koc_demo_writer_insert     (KocDemoWriter  *writer,
                                           const char     *verb,
                                           const char     *table,
                                           const char     *columns,
                                           GError        **error);
/* Runs @sql (no parameters) in the database and the dump. */
gboolean       koc_demo_writer_exec       (KocDemoWriter  *writer,
                                           const char     *sql,
                                           GError        **error);
gboolean       koc_demo_writer_begin      (KocDemoWriter  *writer,
                                           GError        **error);
gboolean       koc_demo_writer_commit     (KocDemoWriter  *writer,
                                           GError        **error);
/* Commits and begins again after every @every rows (keeps transactions bounded). */
gboolean       koc_demo_writer_maybe_commit (KocDemoWriter *writer,
                                             guint64        every,
                                             GError       **error);
sqlite3       *koc_demo_writer_get_db     (KocDemoWriter  *writer);
gint64         koc_demo_writer_get_usec   (KocDemoWriter  *writer);
guint64        koc_demo_writer_get_rows   (KocDemoWriter  *writer);

void           koc_demo_bind_int          (KocDemoInsert  *insert,
                                           gint64          value);
void           koc_demo_bind_double       (KocDemoInsert  *insert,
                                           double          value);
void           koc_demo_bind_text         (KocDemoInsert  *insert,
                                           const char     *value); /* NULL binds NULL */
void           koc_demo_bind_blob         (KocDemoInsert  *insert,
                                           GBytes         *value);
void           koc_demo_bind_null         (KocDemoInsert  *insert);
/* Steps and resets; every parameter must have been bound, in column order. */
gboolean       koc_demo_insert_run        (KocDemoInsert  *insert,
                                           GError        **error);
/* sqlite3_last_insert_rowid() after the last run. */
gint64         koc_demo_insert_last_id    (KocDemoInsert  *insert);

/* ---- Generation context shared by the phases ---- */

typedef struct
{
  guint8   topic;
  guint8   stage;        /* index into koc_demo_stage_ids */
  gboolean english;
  const char *city;
  const char *owner;     /* NULL when nobody owns the relationship yet */
  gint64   created_at;
  guint32  accounts[2];  /* account indices; accounts[1] == G_MAXUINT32 when one only */
} KocDemoPersonPlan;

typedef struct
{
  guint32  person;
  guint8   platform;
  guint8   topic;
  gint8    brand;        /* favourite brand, index into koc_demo_brands */
  gboolean english;
  double   followers;
  double   engagement_rate;
  double   mention_p;
  guint32  n_posts;
  gint64   last_post_at;
  char    *handle;
} KocDemoAccountPlan;

typedef struct
{
  gint64  post_id;
  gint64  published_at;
  guint8  brand;
} KocDemoMention;

typedef struct
{
  KocDemoWriter       *writer;
  guint64              seed;
  double               scale;
  gint64               reference;     /* KOC_DEMO_REFERENCE_TIME */
  gint64               start;         /* reference - 365 days */
  guint                n_people;
  guint                n_accounts;
  KocDemoPersonPlan   *people;
  KocDemoAccountPlan  *accounts;
  GArray             **own_mentions;  /* per account: KocDemoMention of own brands */
  KocDemoStats        *stats;
  const KocDemoOptions *options;
  gint64              *times;         /* post times grouped by account, sorted */
  guint64             *offsets;       /* account a's posts: times[offsets[a]..offsets[a+1]) */
  guint64              n_posts;
} KocDemoContext;

extern const char *const koc_demo_stage_ids[6];

/* 32 hex digits from @rng (deterministic uids). */
void     koc_demo_make_uid          (KocDemoRng     *rng,
                                     char            out[33]);
void     koc_demo_progress          (KocDemoContext *ctx,
                                     const char     *phase,
                                     guint64         done,
                                     guint64         total);
/* koc-demo-accounts.c: meta, brands, avatars, people, accounts, metric snapshots. */
gboolean koc_demo_write_accounts    (KocDemoContext *ctx,
                                     GError        **error);
gboolean koc_demo_write_snapshots   (KocDemoContext *ctx,
                                     GError        **error);
/* koc-demo-posts.c: posts in published_at order, their brand mentions and hashtags. */
gboolean koc_demo_write_posts       (KocDemoContext *ctx,
                                     GError        **error);
/* koc-demo-crm.c: tags, notes, interactions, campaigns and everything on their boards. */
gboolean koc_demo_generate_crm      (KocDemoContext *ctx,
                                     GError        **error);

G_END_DECLS
