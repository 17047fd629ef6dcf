/* koc-person.h: everything about one person (a KOC) that the People pane's profile and
 * the media kits show, read in one go from a workspace.
 *
 * koc_person_profile_load() blocks: call it on the store's worker (koc_store_run_async())
 * or from kocdesk-cli and tests. The profile is a plain snapshot, owned by the caller,
 * safe to hand to the UI thread and to read from any thread afterwards.
 *
 * Conventions: times are unix seconds (UTC), 0 when unknown; unknown numbers are -1;
 * strings marked "nullable" may be NULL, the others never are. Engagement rates are
 * fractions (0.032 = 3.2 %). Lists are GPtrArrays (of the structs below, freed with the
 * profile) or GArrays of plain structs, never NULL (empty when there is nothing).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* How many of the newest posts the profile's engagement rate averages. */
#define KOC_PERSON_ER_POSTS 20
/* How many top posts the profile keeps. */
#define KOC_PERSON_TOP_POSTS 6

/* One metric snapshot of an account (metric_snapshots), oldest first. */
typedef struct
{
  gint64  taken_at;
  gint64  followers;
  double  engagement_rate;   /* -1 when the snapshot has none */
} KocPersonSnapshot;

typedef struct
{
  gint64  id;
  char   *platform;          /* xiaohongshu, douyin, weibo, … (untranslated key) */
  char   *handle;
  char   *display_name;      /* nullable */
  char   *url;               /* nullable */
  char   *avatar_sha256;     /* nullable; bytes via koc_person_load_media() */
  gint64  followers;
  double  engagement_rate;   /* the account's stored rate; -1 unknown */
  char   *tier;              /* nano, micro, mid, macro, mega */
  gint64  posts_count;
  gint64  mention_count;
  gint64  last_post_at;
  GArray *history;           /* of KocPersonSnapshot, by taken_at ascending */
} KocPersonAccount;

/* Posts published in one calendar month (UTC), for the "posts per month" bars. */
typedef struct
{
  gint64  month_start;       /* 00:00 UTC on the 1st */
  guint   posts;
  gint64  engagement;        /* sum of likes + comments + shares + saves */
} KocPersonMonth;

/* Engagement by post kind (posts.kind: note, video, image, …), most posts first. */
typedef struct
{
  char   *kind;              /* untranslated key */
  guint   posts;
  double  mean_engagement;   /* mean of likes + comments + shares + saves per post */
  double  mean_rate;         /* mean of that / the account's followers; -1 unknown */
} KocPersonKindStat;

/* A part of the KOC score (people.score_breakdown, either the scorer's
 * {"version":2,"components":[{key,value,weight,points,formula},…]} or the older
 * {"engagement":0.8,…,"weights":[35,…]}): points = weight × value. */
typedef struct
{
  char   *key;               /* engagement, affinity, authenticity, conversion, recency */
  double  value;             /* 0..1 */
  double  weight;            /* points at value 1; -1 when the breakdown has no weights */
  double  points;            /* what the part adds to the score; -1 when unknown */
  char   *formula;           /* nullable: how the scorer computed the value (English) */
} KocPersonScorePart;

typedef struct
{
  gint64  brand_id;
  char   *name;
  gint64  mentions;
} KocPersonBrand;

typedef struct
{
  char   *from_stage;        /* nullable (the first entry) */
  char   *to_stage;
  gint64  changed_at;
} KocPersonStageChange;

typedef struct
{
  gint64  id;
  char   *body;
  char   *author;            /* nullable */
  gint64  created_at;
  gint64  updated_at;
} KocPersonNote;

typedef struct
{
  gint64  id;
  char   *channel;           /* wechat, dm, email, event, phone, other */
  gint64  happened_at;
  char   *summary;
  char   *author;            /* nullable */
  gint64  campaign_id;       /* 0 when none */
  char   *campaign_name;     /* nullable */
} KocPersonInteraction;

/* The person's card on a campaign board. */
typedef struct
{
  gint64  card_id;
  gint64  campaign_id;
  char   *campaign_name;
  char   *campaign_status;   /* draft, active, done, archived */
  char   *brand_name;        /* nullable */
  char   *stage_name;        /* the board column */
  char   *owner;             /* nullable */
  gint64  due_at;
  guint   deliverables;      /* posts linked as deliverables */
  guint   incentives;
} KocPersonCampaign;

typedef struct
{
  gint64  id;
  char   *kind;              /* points, gift, sample, discount, invite, feature */
  gint64  points;
  gint64  value_cents;
  char   *note;              /* nullable */
  gint64  given_at;
  char   *campaign_name;     /* nullable */
} KocPersonReward;

typedef struct
{
  gint64  id;
  gint64  account_id;
  char   *platform;
  char   *handle;
  char   *kind;
  char   *text;
  char   *url;               /* nullable */
  gint64  published_at;
  gint64  likes, comments, shares, saves, views;
  gint64  engagement;        /* likes + comments + shares + saves */
  double  engagement_rate;   /* engagement / the account's followers; -1 unknown */
  char   *image_sha256;      /* nullable: the first post_media image */
} KocPersonPost;

typedef struct
{
  /* people */
  gint64  id;
  char   *uid;
  char   *display_name;
  char   *stage;             /* discovered, engaged, advocate, ambassador, dormant, detractor */
  char   *owner;             /* nullable */
  char   *region;            /* nullable */
  char   *category;          /* nullable */
  char   *bio;               /* nullable */
  char   *email;             /* nullable */
  char   *phone;             /* nullable */
  char   *wechat;            /* nullable */
  char   *consent;           /* unknown, granted, denied, withdrawn */
  gint64  consent_at;
  gint64  orders;
  gint64  spend_cents;
  double  koc_score;         /* 0..100, -1 when not scored */
  char   *score_breakdown;   /* nullable: the raw JSON */
  gint64  scored_at;
  gint64  created_at;
  gint64  updated_at;
  char  **tags;              /* NULL-terminated, sorted by name; never NULL */

  GPtrArray *accounts;       /* of KocPersonAccount, most followers first */
  GArray    *score_parts;    /* of KocPersonScorePart, in the breakdown's order */

  /* Key stats (the media kit shows their formulas). */
  gint64  followers;         /* sum over the accounts */
  double  engagement_rate;   /* mean over the newest KOC_PERSON_ER_POSTS posts of
                              * (likes + comments + shares + saves) / followers of the
                              * post's account; -1 when no post or no followers */
  guint   engagement_posts;  /* how many posts that mean is over */
  double  posts_per_month;   /* mean over the months of @months */
  gint64  brand_mentions;    /* post_mentions of the person's posts */
  guint   referral_codes;
  guint   referral_conversions;   /* redemptions of the person's referral codes */
  gint64  referral_revenue_cents;
  gint64  posts_total;       /* posts stored for the person's accounts */

  GArray    *months;         /* of KocPersonMonth, consecutive, oldest first (12–24) */
  GPtrArray *kinds;          /* of KocPersonKindStat */
  GPtrArray *brands;         /* of KocPersonBrand, most mentions first (at most 10) */
  GPtrArray *stage_history;  /* of KocPersonStageChange, oldest first */
  GPtrArray *notes;          /* of KocPersonNote, newest first */
  GPtrArray *interactions;   /* of KocPersonInteraction, newest first */
  GPtrArray *campaigns;      /* of KocPersonCampaign, newest campaign first */
  GPtrArray *rewards;        /* of KocPersonReward, newest first */
  GPtrArray *top_posts;      /* of KocPersonPost, most engagement first (≤ KOC_PERSON_TOP_POSTS) */

  gint64  loaded_at;         /* the "now" the month window was computed for */
} KocPersonProfile;

/* Loads person @person_id. A missing person gives KOC_STORE_ERROR_NOT_FOUND with a
 * translated message. The months window ends with the current month (UTC) and covers
 * the last 12 months, or up to 24 when the person posted before that; when the person
 * has posted nothing in the last 12 months it ends with the month of the newest post
 * instead, so old imports still show their activity. */
KocPersonProfile *koc_person_profile_load    (sqlite3           *db,
                                              gint64             person_id,
                                              GError           **error);
/* The same with an explicit "now" (tests, the deterministic demo). */
KocPersonProfile *koc_person_profile_load_at (sqlite3           *db,
                                              gint64             person_id,
                                              gint64             now,
                                              GError           **error);
void              koc_person_profile_free    (KocPersonProfile  *profile);

/* The bytes of a cached media file (avatars, post images) and its MIME type, or NULL
 * without error when the workspace has no bytes for @sha256 (not fetched yet). */
GBytes           *koc_person_load_media      (sqlite3           *db,
                                              const char        *sha256,
                                              char             **mime,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocPersonProfile, koc_person_profile_free)

G_END_DECLS
