/* koc-campaigns.h: campaigns and their boards, headless (runs on the store's worker).
 *
 * A campaign has ordered stages (the board's columns) and cards (a person in the
 * campaign) with a REAL position inside their stage. Reading is plain SQL here; a card
 * edit is *planned* here (koc_campaigns_plan_move() says which cards get which fields)
 * and applied through the sync outbox by the caller (src/app/koc-campaigns-edits.c), so
 * the edit syncs. Creating a campaign writes it directly; editing it and its stages goes
 * through the outbox too (src/app/koc-campaigns-settings.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *uid;
  char   *name;
  char   *brand;           /* NULL when none */
  gint64  brand_id;        /* 0 when none */
  char   *goal;
  char   *status;          /* draft, active, done, archived */
  gint64  starts_at;       /* 0 when unset */
  gint64  ends_at;
  gint64  budget_cents;
  char  **incentive_kinds; /* NULL-terminated */
  char   *hashtag;         /* folded, without '#'; NULL when none */
  gint64  n_cards;
  gint64  n_stages;
  gint64  n_redemptions;
  gint64  revenue_cents;
} KocCampaign;

typedef struct
{
  gint64  id;
  char   *uid;
  char   *person_uid;
  gint64  person_id;
  gint64  stage_id;
  double  position;
  char   *person_name;
  char   *avatar_sha256;    /* of the person's biggest account, or NULL */
  char   *tier;             /* nano, micro, mid, macro, mega or NULL */
  char   *owner;
  gint64  due_at;           /* 0 when unset */
  char   *incentive_kind;   /* the first incentive, or NULL */
  char   *incentive_sku;
  gint64  incentive_cents;
  char   *incentive_status;
  gint64  n_incentives;
  gint64  n_deliverables;
  char   *code;             /* referral code, or NULL */
  gint64  n_redemptions;
  gint64  revenue_cents;
  char  **tags;             /* the person's tags, NULL-terminated */
  gint64  n_conflicts;      /* unresolved sync conflicts of the card (e.g. two moves) */
} KocCard;

typedef struct
{
  gint64     id;
  char      *uid;
  char      *name;
  gint64     position;
  GPtrArray *cards;         /* KocCard, in board order */
} KocBoardStage;

typedef struct
{
  gint64     campaign_id;
  char      *campaign_uid;
  GPtrArray *stages;        /* KocBoardStage, in order */
} KocBoard;

/* What to create or edit. NULL/0 members keep the current value on edit. */
typedef struct
{
  const char         *name;
  const char         *goal;
  gint64              brand_id;
  gint64              starts_at;
  gint64              ends_at;
  gint64              budget_cents;   /* -1: keep */
  const char         *status;
  const char * const *incentive_kinds;
  const char * const *stages;         /* create only; NULL = the default stages */
} KocCampaignSpec;

/* A card edit to send through the outbox (kind "card", op "upsert"). */
typedef struct
{
  char *card_uid;
  char *fields_json;    /* the new values */
  char *previous_json;  /* the values before: the same fields, for undo */
} KocCardEdit;

void          koc_campaign_free          (KocCampaign *campaign);
void          koc_card_free              (KocCard     *card);
void          koc_board_stage_free       (KocBoardStage *stage);
void          koc_board_free             (KocBoard    *board);
void          koc_card_edit_free         (KocCardEdit *edit);

/* The default board columns, translated. */
const char * const *koc_campaigns_default_stages (void);

/* Every campaign, newest start first: (element-type KocCampaign). */
GPtrArray    *koc_campaigns_list         (sqlite3      *db,
                                          GError      **error);
KocCampaign  *koc_campaigns_get          (sqlite3      *db,
                                          gint64        campaign_id,
                                          GError      **error);
/* The stages in order with their cards by position (then id). NULL with @error when
 * there is no such campaign. */
KocBoard     *koc_campaigns_load_board   (sqlite3      *db,
                                          gint64        campaign_id,
                                          GError      **error);
/* Returns the new campaign's id, or 0 with @error. Call inside a write transaction. */
gint64        koc_campaigns_create       (sqlite3      *db,
                                          const KocCampaignSpec *spec,
                                          GError      **error);
gboolean      koc_campaigns_update       (sqlite3      *db,
                                          gint64        campaign_id,
                                          const KocCampaignSpec *spec,
                                          GError      **error);
/* Puts the campaign's stages in the order of @stage_ids (every stage exactly once). */
gboolean      koc_campaigns_reorder_stages (sqlite3    *db,
                                            gint64      campaign_id,
                                            const gint64 *stage_ids,
                                            guint       n_stage_ids,
                                            GError    **error);
/* Adds a stage at the end; returns its id. */
gint64        koc_campaigns_add_stage    (sqlite3      *db,
                                          gint64        campaign_id,
                                          const char   *name,
                                          GError      **error);

/* Plans moving @card_id to @index (0 = top; G_MAXUINT = bottom) of @stage_id (of the
 * same campaign): the card gets the position between its new neighbours. When there is
 * no room left between two REAL positions the column is renumbered, so several edits
 * may come back. (element-type KocCardEdit); an empty array when nothing moves. */
GPtrArray    *koc_campaigns_plan_move    (sqlite3      *db,
                                          gint64        card_id,
                                          gint64        stage_id,
                                          guint         index,
                                          GError      **error);
/* The fields of a new card of @person_id at the bottom of @stage_id (0 = the first
 * stage); *@out_uid receives a new uid. NULL when the person is already on the board. */
char         *koc_campaigns_plan_add_card (sqlite3     *db,
                                           gint64       campaign_id,
                                           gint64       person_id,
                                           gint64       stage_id,
                                           char       **out_uid,
                                           GError     **error);

/* Writes a new referral code row: (uid, code, person_uid, campaign_uid). The app and
 * the command line pass one that goes through the sync outbox; NULL inserts directly.
 * A UNIQUE violation must come back as KOC_STORE_ERROR_CONSTRAINT (then a new code is
 * drawn). */
typedef gboolean (*KocCodeWriter) (sqlite3     *db,
                                   const char  *uid,
                                   const char  *code,
                                   const char  *person_uid,
                                   const char  *campaign_uid,
                                   gpointer     data,
                                   GError     **error);

/* The referral code of @person_id in @campaign_id: the existing one, or a new one
 * (koc_referral_code_generate() with @prefix, drawn again on a collision, at most 16
 * times). Call inside a write transaction. */
char         *koc_campaigns_ensure_code  (sqlite3      *db,
                                          gint64        campaign_id,
                                          gint64        person_id,
                                          const char   *prefix,
                                          KocCodeWriter writer,
                                          gpointer      writer_data,
                                          GError      **error);
/* Codes for every card of the campaign that has none; returns how many were made, or
 * -1 with @error. */
gint64        koc_campaigns_ensure_codes (sqlite3      *db,
                                          gint64        campaign_id,
                                          const char   *prefix,
                                          KocCodeWriter writer,
                                          gpointer      writer_data,
                                          GError      **error);

/* What the card details dialog shows. */
typedef struct
{
  char   *kind;
  char   *sku;
  gint64  value_cents;
  gint64  due_at;
  char   *status;
  char   *shipping_private;  /* JSON object or NULL: never exported or synced */
} KocIncentive;

typedef struct
{
  char   *uid;
  char   *kind;
  gint64  points;
  gint64  value_cents;
  char   *note;
  gint64  given_at;
} KocReward;

typedef struct
{
  gint64     card_id;
  gint64     person_id;
  char      *person_uid;
  char      *person_name;
  gint64     campaign_id;
  char      *campaign_uid;
  char      *campaign_name;
  char      *code;             /* NULL when none */
  gint64     n_redemptions;
  gint64     revenue_cents;
  GPtrArray *incentives;       /* KocIncentive */
  GPtrArray *rewards;          /* KocReward of this person in this campaign, newest first */
  gint64     reward_points;    /* totals of the rewards */
  gint64     reward_cents;
  GPtrArray *suggestions;      /* KocDeliverableSuggestion (koc_campaigns_suggest_deliverables()) */
} KocCardDetails;

void            koc_card_details_free      (KocCardDetails *details);
KocCardDetails *koc_campaigns_card_details (sqlite3        *db,
                                            gint64          card_id,
                                            GError        **error);

/* A post that may be a deliverable of a card (koc-campaigns-suggest.c): by the card's
 * person, within the campaign's dates (the whole end day), mentioning the campaign's
 * brand or using its hashtag, not linked yet and not rejected for this card. */
typedef struct
{
  gint64    post_id;
  char     *platform;
  char     *text;
  char     *url;
  gint64    published_at;
  gint64    engagement;
  gboolean  by_brand;
  gboolean  by_hashtag;
} KocDeliverableSuggestion;

void       koc_deliverable_suggestion_free    (KocDeliverableSuggestion *suggestion);
/* (element-type KocDeliverableSuggestion), newest first, at most 50. */
GPtrArray *koc_campaigns_suggest_deliverables (sqlite3        *db,
                                               gint64          card_id,
                                               GError        **error);
/* Links the post to the card (a deliverable, written directly: the app links through the
 * outbox instead, koc_people_sync_link_deliverable()), or remembers that it is not one. */
gboolean   koc_campaigns_confirm_deliverable  (sqlite3        *db,
                                               gint64          card_id,
                                               gint64          post_id,
                                               GError        **error);
gboolean   koc_campaigns_reject_deliverable   (sqlite3        *db,
                                               gint64          card_id,
                                               gint64          post_id,
                                               GError        **error);
/* Forgets a rejection (before a confirmation that goes through the outbox). */
gboolean   koc_campaigns_unreject_deliverable (sqlite3        *db,
                                               gint64          card_id,
                                               gint64          post_id,
                                               GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocCardDetails, koc_card_details_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocCampaign, koc_campaign_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocCard, koc_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocBoard, koc_board_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocCardEdit, koc_card_edit_free)

G_END_DECLS
