/* koc-entities.c: entity kinds, their JSON out of the schema and back into it.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-entities"

#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-entities.h"

#define UID_OF(table, column) "(SELECT uid FROM " table " WHERE id = t." column ")"
#define JSON_ARRAY_OF(select) \
  "json (coalesce ((SELECT json_group_array (v) FROM (" select ")), '[]'))"

static const KocEntityField person_fields[] = {
  { "display_name", "display_name", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "stage", "stage", KOC_FIELD_TEXT, NULL, 0 },
  { "owner", "owner", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "region", "region", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "category", "category", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "bio", "bio", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "email", "email", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "phone", "phone", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "wechat", "wechat", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "consent", "consent", KOC_FIELD_TEXT, NULL, 0 },
  { "tags", NULL, KOC_FIELD_TAGS, NULL, 0 },
  { NULL }
};

static const KocEntityField card_fields[] = {
  { "campaign_uid", "campaign_id", KOC_FIELD_REF, "campaigns", KOC_FIELD_REQUIRED },
  { "person_uid", "person_id", KOC_FIELD_REF, "people", KOC_FIELD_REQUIRED },
  { "stage_uid", "stage_id", KOC_FIELD_REF, "campaign_stages", KOC_FIELD_REQUIRED },
  { "position", "position", KOC_FIELD_REAL, NULL, 0 },
  { "owner", "owner", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "due_at", "due_at", KOC_FIELD_INT, NULL, KOC_FIELD_NULLABLE },
  { NULL }
};

/* Campaigns and their stages are edited from the Campaigns pane (brand, goal, dates,
 * budget, incentive kinds; stage names and order; an empty stage removed). */
static const KocEntityField campaign_fields[] = {
  { "name", "name", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "brand_uid", "brand_id", KOC_FIELD_REF, "brands", KOC_FIELD_NULLABLE },
  { "goal", "goal", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "starts_at", "starts_at", KOC_FIELD_INT, NULL, KOC_FIELD_NULLABLE },
  { "ends_at", "ends_at", KOC_FIELD_INT, NULL, KOC_FIELD_NULLABLE },
  { "budget_cents", "budget_cents", KOC_FIELD_INT, NULL, KOC_FIELD_NULLABLE },
  { "status", "status", KOC_FIELD_TEXT, NULL, 0 },
  { "incentive_kinds", "incentive_kinds", KOC_FIELD_JSON, NULL, 0 },
  { "hashtag", "hashtag", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { NULL }
};

static const KocEntityField campaign_stage_fields[] = {
  { "campaign_uid", "campaign_id", KOC_FIELD_REF, "campaigns", KOC_FIELD_REQUIRED },
  { "name", "name", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "position", "position", KOC_FIELD_INT, NULL, KOC_FIELD_REQUIRED },
  { NULL }
};

/* Accounts come from the platforms and from imports: an import creates them (platform
 * and handle, what the file says of them) and updates what it read; a merge or split of
 * people moves accounts between them (person_uid only, koc-sync-identity.c). Counts the
 * platforms keep (posts_count, mention_count, last_post_at) stay the server's. */
static const KocEntityField account_fields[] = {
  { "person_uid", "person_id", KOC_FIELD_REF, "people", KOC_FIELD_NULLABLE },
  { "platform", "platform", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "handle", "handle", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "display_name", "display_name", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "bio", "bio", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "region", "region", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "category", "category", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "url", "url", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "followers", "followers", KOC_FIELD_INT, NULL, 0 },
  { "engagement_rate", "engagement_rate", KOC_FIELD_REAL, NULL, KOC_FIELD_NULLABLE },
  { NULL }
};

static const KocEntityField note_fields[] = {
  { "person_uid", "person_id", KOC_FIELD_REF, "people", KOC_FIELD_REQUIRED },
  { "body", "body", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "author", "author", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { NULL }
};

static const KocEntityField reward_fields[] = {
  { "person_uid", "person_id", KOC_FIELD_REF, "people", KOC_FIELD_REQUIRED },
  { "campaign_uid", "campaign_id", KOC_FIELD_REF, "campaigns", KOC_FIELD_NULLABLE },
  { "kind", "kind", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "points", "points", KOC_FIELD_INT, NULL, 0 },
  { "value_cents", "value_cents", KOC_FIELD_INT, NULL, 0 },
  { "note", "note", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { "given_at", "given_at", KOC_FIELD_INT, NULL, 0 },
  { NULL }
};

/* Codes are made on the client (koc-referral-code.h) and synced, so the server knows
 * them when a shop reports a redemption. */
static const KocEntityField referral_code_fields[] = {
  { "code", "code", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "person_uid", "person_id", KOC_FIELD_REF, "people", KOC_FIELD_REQUIRED },
  { "campaign_uid", "campaign_id", KOC_FIELD_REF, "campaigns", KOC_FIELD_NULLABLE },
  { NULL }
};

/* The relationship side of a profile (People pane). */
static const KocEntityField interaction_fields[] = {
  { "person_uid", "person_id", KOC_FIELD_REF, "people", KOC_FIELD_REQUIRED },
  { "campaign_uid", "campaign_id", KOC_FIELD_REF, "campaigns", KOC_FIELD_NULLABLE },
  { "channel", "channel", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "happened_at", "happened_at", KOC_FIELD_INT, NULL, KOC_FIELD_REQUIRED },
  { "summary", "summary", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "author", "author", KOC_FIELD_TEXT, NULL, KOC_FIELD_NULLABLE },
  { NULL }
};

static const KocEntityField deliverable_fields[] = {
  { "card_uid", "card_id", KOC_FIELD_REF, "cards", KOC_FIELD_REQUIRED },
  { "post_uid", "post_id", KOC_FIELD_REF, "posts", KOC_FIELD_REQUIRED },
  { "linked_at", "linked_at", KOC_FIELD_INT, NULL, 0 },
  { NULL }
};

/* The bytes are a media row (GET /v1/media/{sha256}); the entity is the link. */
static const KocEntityField person_file_fields[] = {
  { "person_uid", "person_id", KOC_FIELD_REF, "people", KOC_FIELD_REQUIRED },
  { "sha256", "sha256", KOC_FIELD_MEDIA, NULL, KOC_FIELD_REQUIRED },
  { "file_name", "file_name", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "attached_at", "attached_at", KOC_FIELD_INT, NULL, 0 },
  { NULL }
};

static const KocEntityField saved_search_fields[] = {
  { "name", "name", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "query", "query", KOC_FIELD_JSON, NULL, KOC_FIELD_REQUIRED },
  { "last_used_at", "last_used_at", KOC_FIELD_INT, NULL, KOC_FIELD_NULLABLE },
  { NULL }
};

/* Everything a change's data carries that the local schema stores (the client's side of
 * the feed). Derived values are left out: accounts.tier (a generated column) and a
 * redemption's code (read through code_uid). */
#define F(name, type) { name, name, type, NULL, 0 }
#define R(name, column, table) { name, column, KOC_FIELD_REF, table, 0 }
static const KocEntityField brand_sync[] = {
  F ("name", KOC_FIELD_TEXT), F ("is_own", KOC_FIELD_INT), F ("color", KOC_FIELD_TEXT),
  { "aliases", NULL, KOC_FIELD_ALIASES, NULL, 0 }, F ("created_at", KOC_FIELD_INT), { NULL }
};
static const KocEntityField person_sync[] = {
  F ("display_name", KOC_FIELD_TEXT), F ("stage", KOC_FIELD_TEXT), F ("owner", KOC_FIELD_TEXT),
  F ("region", KOC_FIELD_TEXT), F ("category", KOC_FIELD_TEXT), F ("bio", KOC_FIELD_TEXT),
  F ("email", KOC_FIELD_TEXT), F ("phone", KOC_FIELD_TEXT), F ("wechat", KOC_FIELD_TEXT),
  F ("consent", KOC_FIELD_TEXT), F ("orders", KOC_FIELD_INT), F ("spend_cents", KOC_FIELD_INT),
  F ("koc_score", KOC_FIELD_REAL), { "tags", NULL, KOC_FIELD_TAGS, NULL, 0 },
  F ("created_at", KOC_FIELD_INT), F ("updated_at", KOC_FIELD_INT), { NULL }
};
static const KocEntityField account_sync[] = {
  R ("person_uid", "person_id", "people"), F ("platform", KOC_FIELD_TEXT),
  F ("handle", KOC_FIELD_TEXT), F ("display_name", KOC_FIELD_TEXT),
  F ("avatar_sha256", KOC_FIELD_MEDIA), F ("bio", KOC_FIELD_TEXT), F ("region", KOC_FIELD_TEXT),
  F ("category", KOC_FIELD_TEXT), F ("url", KOC_FIELD_TEXT), F ("followers", KOC_FIELD_INT),
  F ("engagement_rate", KOC_FIELD_REAL), F ("posts_count", KOC_FIELD_INT),
  F ("mention_count", KOC_FIELD_INT), F ("last_post_at", KOC_FIELD_INT),
  F ("created_at", KOC_FIELD_INT), F ("updated_at", KOC_FIELD_INT), { NULL }
};
static const KocEntityField post_sync[] = {
  R ("account_uid", "account_id", "accounts"), F ("platform_post_id", KOC_FIELD_TEXT),
  F ("url", KOC_FIELD_TEXT), F ("kind", KOC_FIELD_TEXT), F ("text", KOC_FIELD_TEXT),
  F ("published_at", KOC_FIELD_INT), F ("likes", KOC_FIELD_INT), F ("comments", KOC_FIELD_INT),
  F ("shares", KOC_FIELD_INT), F ("saves", KOC_FIELD_INT), F ("views", KOC_FIELD_INT),
  F ("sentiment", KOC_FIELD_REAL), { "media", NULL, KOC_FIELD_MEDIA_LIST, NULL, 0 },
  F ("created_at", KOC_FIELD_INT), { NULL }
};
static const KocEntityField campaign_sync[] = {
  R ("brand_uid", "brand_id", "brands"), F ("name", KOC_FIELD_TEXT), F ("goal", KOC_FIELD_TEXT),
  F ("starts_at", KOC_FIELD_INT), F ("ends_at", KOC_FIELD_INT), F ("budget_cents", KOC_FIELD_INT),
  F ("status", KOC_FIELD_TEXT), F ("incentive_kinds", KOC_FIELD_JSON),
  F ("hashtag", KOC_FIELD_TEXT), F ("created_at", KOC_FIELD_INT), { NULL }
};
static const KocEntityField campaign_stage_sync[] = {
  R ("campaign_uid", "campaign_id", "campaigns"), F ("name", KOC_FIELD_TEXT),
  F ("position", KOC_FIELD_INT), { NULL }
};
static const KocEntityField card_sync[] = {
  R ("campaign_uid", "campaign_id", "campaigns"), R ("person_uid", "person_id", "people"),
  R ("stage_uid", "stage_id", "campaign_stages"), F ("position", KOC_FIELD_REAL),
  F ("owner", KOC_FIELD_TEXT), F ("due_at", KOC_FIELD_INT), F ("created_at", KOC_FIELD_INT),
  F ("updated_at", KOC_FIELD_INT), { NULL }
};
static const KocEntityField note_sync[] = {
  R ("person_uid", "person_id", "people"), F ("body", KOC_FIELD_TEXT),
  F ("author", KOC_FIELD_TEXT), F ("created_at", KOC_FIELD_INT), F ("updated_at", KOC_FIELD_INT),
  { NULL }
};
static const KocEntityField referral_code_sync[] = {
  F ("code", KOC_FIELD_TEXT), R ("person_uid", "person_id", "people"),
  R ("campaign_uid", "campaign_id", "campaigns"), F ("created_at", KOC_FIELD_INT), { NULL }
};
static const KocEntityField redemption_sync[] = {
  R ("code_uid", "code_id", "referral_codes"), F ("redeemed_at", KOC_FIELD_INT),
  F ("order_ref", KOC_FIELD_TEXT), F ("revenue_cents", KOC_FIELD_INT), { NULL }
};
static const KocEntityField reward_sync[] = {
  R ("person_uid", "person_id", "people"), R ("campaign_uid", "campaign_id", "campaigns"),
  F ("kind", KOC_FIELD_TEXT), F ("points", KOC_FIELD_INT), F ("value_cents", KOC_FIELD_INT),
  F ("note", KOC_FIELD_TEXT), F ("given_at", KOC_FIELD_INT), { NULL }
};
static const KocEntityField saved_search_sync[] = {
  F ("name", KOC_FIELD_TEXT), F ("query", KOC_FIELD_JSON), F ("created_at", KOC_FIELD_INT),
  F ("last_used_at", KOC_FIELD_INT), { NULL }
};
static const KocEntityField interaction_sync[] = {
  R ("person_uid", "person_id", "people"), R ("campaign_uid", "campaign_id", "campaigns"),
  F ("channel", KOC_FIELD_TEXT), F ("happened_at", KOC_FIELD_INT), F ("summary", KOC_FIELD_TEXT),
  F ("author", KOC_FIELD_TEXT), { NULL }
};
static const KocEntityField deliverable_sync[] = {
  R ("card_uid", "card_id", "cards"), R ("post_uid", "post_id", "posts"),
  F ("linked_at", KOC_FIELD_INT), { NULL }
};
static const KocEntityField person_file_sync[] = {
  R ("person_uid", "person_id", "people"), F ("sha256", KOC_FIELD_MEDIA),
  F ("file_name", KOC_FIELD_TEXT), F ("attached_at", KOC_FIELD_INT), { NULL }
};
#undef F
#undef R

static const KocEntityKind kinds[] = {
  { "brand", "brands",
    "SELECT json_object ('uid', uid, 'name', name, 'is_own', is_own, 'color', color,"
    " 'aliases', " JSON_ARRAY_OF ("SELECT alias AS v FROM brand_aliases WHERE brand_id = t.id"
                                  " ORDER BY alias") ","
    " 'created_at', created_at) FROM brands t WHERE uid = ?1",
    FALSE, NULL,
    brand_sync },
  { "person", "people",
    "SELECT json_object ('uid', uid, 'display_name', display_name, 'stage', stage,"
    " 'owner', owner, 'region', region, 'category', category, 'bio', bio, 'email', email,"
    " 'phone', phone, 'wechat', wechat, 'consent', consent, 'orders', orders,"
    " 'spend_cents', spend_cents, 'koc_score', koc_score,"
    " 'tags', " JSON_ARRAY_OF ("SELECT g.name AS v FROM person_tags pt JOIN tags g"
                               " ON g.id = pt.tag_id WHERE pt.person_id = t.id ORDER BY g.name") ","
    " 'created_at', created_at, 'updated_at', updated_at) FROM people t WHERE uid = ?1",
    TRUE, person_fields,
    person_sync },
  { "account", "accounts",
    "SELECT json_object ('uid', uid, 'person_uid', " UID_OF ("people", "person_id") ","
    " 'platform', platform, 'handle', handle, 'display_name', display_name,"
    " 'avatar_sha256', avatar_sha256, 'bio', bio, 'region', region, 'category', category,"
    " 'url', url, 'followers', followers, 'tier', tier, 'engagement_rate', engagement_rate,"
    " 'posts_count', posts_count, 'mention_count', mention_count, 'last_post_at', last_post_at,"
    " 'created_at', created_at, 'updated_at', updated_at) FROM accounts t WHERE uid = ?1",
    FALSE, account_fields,
    account_sync },
  { "post", "posts",
    "SELECT json_object ('uid', uid, 'account_uid', " UID_OF ("accounts", "account_id") ","
    " 'platform_post_id', platform_post_id, 'url', url, 'kind', kind, 'text', text,"
    " 'published_at', published_at, 'likes', likes, 'comments', comments, 'shares', shares,"
    " 'saves', saves, 'views', views, 'sentiment', sentiment,"
    " 'media', " JSON_ARRAY_OF ("SELECT sha256 AS v FROM post_media WHERE post_id = t.id"
                                " ORDER BY position") ","
    " 'created_at', created_at) FROM posts t WHERE uid = ?1",
    FALSE, NULL,
    post_sync },
  { "campaign", "campaigns",
    "SELECT json_object ('uid', uid, 'brand_uid', " UID_OF ("brands", "brand_id") ","
    " 'name', name, 'goal', goal, 'starts_at', starts_at, 'ends_at', ends_at,"
    " 'budget_cents', budget_cents, 'status', status,"
    " 'incentive_kinds', json (incentive_kinds), 'hashtag', hashtag, 'created_at', created_at)"
    " FROM campaigns t WHERE uid = ?1",
    FALSE, campaign_fields,
    campaign_sync },
  { "campaign_stage", "campaign_stages",
    "SELECT json_object ('uid', uid, 'campaign_uid', " UID_OF ("campaigns", "campaign_id") ","
    " 'name', name, 'position', position) FROM campaign_stages t WHERE uid = ?1",
    FALSE, campaign_stage_fields,
    campaign_stage_sync },
  { "card", "cards",
    "SELECT json_object ('uid', uid, 'campaign_uid', " UID_OF ("campaigns", "campaign_id") ","
    " 'person_uid', " UID_OF ("people", "person_id") ","
    " 'stage_uid', " UID_OF ("campaign_stages", "stage_id") ","
    " 'position', position, 'owner', owner, 'due_at', due_at, 'created_at', created_at,"
    " 'updated_at', updated_at) FROM cards t WHERE uid = ?1",
    TRUE, card_fields,
    card_sync },
  { "note", "notes",
    "SELECT json_object ('uid', uid, 'person_uid', " UID_OF ("people", "person_id") ","
    " 'body', body, 'author', author, 'created_at', created_at, 'updated_at', updated_at)"
    " FROM notes t WHERE uid = ?1",
    TRUE, note_fields,
    note_sync },
  { "referral_code", "referral_codes",
    "SELECT json_object ('uid', uid, 'code', code,"
    " 'person_uid', " UID_OF ("people", "person_id") ","
    " 'campaign_uid', " UID_OF ("campaigns", "campaign_id") ", 'created_at', created_at)"
    " FROM referral_codes t WHERE uid = ?1",
    FALSE, referral_code_fields,
    referral_code_sync },
  { "redemption", "redemptions",
    "SELECT json_object ('uid', uid, 'code_uid', " UID_OF ("referral_codes", "code_id") ","
    " 'code', (SELECT code FROM referral_codes WHERE id = t.code_id),"
    " 'redeemed_at', redeemed_at, 'order_ref', order_ref, 'revenue_cents', revenue_cents)"
    " FROM redemptions t WHERE uid = ?1",
    FALSE, NULL,
    redemption_sync },
  { "reward", "rewards",
    "SELECT json_object ('uid', uid, 'person_uid', " UID_OF ("people", "person_id") ","
    " 'campaign_uid', " UID_OF ("campaigns", "campaign_id") ", 'kind', kind,"
    " 'points', points, 'value_cents', value_cents, 'note', note, 'given_at', given_at)"
    " FROM rewards t WHERE uid = ?1",
    FALSE, reward_fields,
    reward_sync },
  { "saved_search", "saved_searches",
    "SELECT json_object ('uid', uid, 'name', name, 'query', json (query),"
    " 'created_at', created_at, 'last_used_at', last_used_at)"
    " FROM saved_searches t WHERE uid = ?1",
    FALSE, saved_search_fields,
    saved_search_sync },
  { "interaction", "interactions",
    "SELECT json_object ('uid', uid, 'person_uid', " UID_OF ("people", "person_id") ","
    " 'campaign_uid', " UID_OF ("campaigns", "campaign_id") ", 'channel', channel,"
    " 'happened_at', happened_at, 'summary', summary, 'author', author)"
    " FROM interactions t WHERE uid = ?1",
    FALSE, interaction_fields,
    interaction_sync },
  { "deliverable", "card_deliverables",
    "SELECT json_object ('uid', uid, 'card_uid', " UID_OF ("cards", "card_id") ","
    " 'post_uid', " UID_OF ("posts", "post_id") ", 'linked_at', linked_at)"
    " FROM card_deliverables t WHERE uid = ?1",
    FALSE, deliverable_fields,
    deliverable_sync },
  { "person_file", "person_files",
    "SELECT json_object ('uid', uid, 'person_uid', " UID_OF ("people", "person_id") ","
    " 'sha256', sha256, 'file_name', file_name, 'attached_at', attached_at)"
    " FROM person_files t WHERE uid = ?1",
    FALSE, person_file_fields,
    person_file_sync },
};

#define N_KINDS G_N_ELEMENTS (kinds)

struct _KocEntityCache
{
  sqlite3    *db;
  GHashTable *statements; /* SQL text (owned) → sqlite3_stmt */
  GHashTable *by_key;     /* (kind, field, purpose) → sqlite3_stmt or NULL */
};

const KocEntityKind *
koc_entity_kind_at (guint index)
{
  return index < N_KINDS ? &kinds[index] : NULL;
}

guint
koc_entity_n_kinds (void)
{
  return N_KINDS;
}

const KocEntityKind *
koc_entity_kind_lookup (const char *kind)
{
  for (guint i = 0; kind != NULL && i < N_KINDS; i++)
    if (strcmp (kinds[i].kind, kind) == 0)
      return &kinds[i];
  return NULL;
}

const KocEntityField *
koc_entity_kind_field (const KocEntityKind *kind,
                       const char          *name)
{
  for (const KocEntityField *f = kind->fields; f != NULL && f->name != NULL; f++)
    if (strcmp (f->name, name) == 0)
      return f;
  return NULL;
}

/* Our uids are 32 hex digits, but clients may choose any short id of these characters. */
char *
koc_entity_uid_new (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *uid = g_string_sized_new (32);

  for (const char *p = uuid; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (uid, *p);
  return g_string_free (uid, FALSE);
}

gboolean
koc_entity_uid_is_valid (const char *uid)
{
  gsize len = uid != NULL ? strlen (uid) : 0;

  if (len == 0 || len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (uid[i]) && uid[i] != '-' && uid[i] != '_')
      return FALSE;
  return TRUE;
}

KocEntityCache *
koc_entity_cache_new (sqlite3 *db)
{
  KocEntityCache *cache = g_new0 (KocEntityCache, 1);

  cache->db = db;
  cache->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)sqlite3_finalize);
  cache->by_key = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)sqlite3_finalize);
  return cache;
}

void
koc_entity_cache_free (KocEntityCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->statements);
  g_hash_table_unref (cache->by_key);
  g_free (cache);
}

sqlite3 *
koc_entity_cache_get_db (KocEntityCache *cache)
{
  return cache->db;
}

sqlite3_stmt *
koc_entity_cache_statement (KocEntityCache  *cache,
                            const char      *sql,
                            GError         **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (!koc_db_prepare (cache->db, sql, &stmt, error))
    return NULL;
  g_hash_table_insert (cache->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
koc_entity_get_json (KocEntityCache       *cache,
                     const KocEntityKind  *kind,
                     const char           *uid,
                     char                **out_json,
                     GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_json = NULL;
  if ((stmt = koc_entity_cache_statement (cache, kind->json_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_json = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (cache->db, rc, "Could not read an entity", error);
  return TRUE;
}

/* What a statement of koc_entity_apply_json() does; with the kind and the field it
 * keys the statements prepared for whole values (the feed), so a page of changes
 * formats and compiles each statement once. */
typedef enum
{
  SQL_UPDATE,
  SQL_INSERT,
  SQL_MEDIA,      /* placeholder media row for a KOC_FIELD_MEDIA */
  SQL_LIST_PRE,   /* tags: the names; post media: placeholder media rows */
  SQL_LIST_DEL,
  SQL_LIST_INS,
  SQL_DELETE,
} SqlPurpose;

static gboolean
selected (const KocEntityField *f,
          const char * const   *members)
{
  return members == NULL || g_strv_contains (members, f->name);
}

/* Where the statements read a change: ?1 and ?2 for one (uid, JSON object), or the
 * rows (uid, data) of the CTE `d` for koc_entity_insert_each(). */
typedef struct
{
  const char *uid;
  const char *data;
  const char *from;  /* joined in front of a json_each (): "" or "d, " */
} Source;

static const Source one_change = { "?1", "?2", "" };
static const Source each_change = { "d.uid", "d.data", "d, " };

/* The SQL value of a field, read from @src's data. Names come from the constant tables
 * above. */
static void
append_value (GString              *sql,
              const KocEntityField *f,
              const Source         *src)
{
  switch (f->type)
    {
    case KOC_FIELD_JSON:
      g_string_append_printf (sql, "%s -> '$.%s'", src->data, f->name);
      break;
    case KOC_FIELD_REF:
      g_string_append_printf (sql, "(SELECT id FROM %s WHERE uid = %s ->> '$.%s')",
                              f->ref_table, src->data, f->name);
      break;
    case KOC_FIELD_TEXT:
    case KOC_FIELD_INT:
    case KOC_FIELD_REAL:
    case KOC_FIELD_MEDIA:
    case KOC_FIELD_TAGS:
    case KOC_FIELD_ALIASES:
    case KOC_FIELD_MEDIA_LIST:
    default:
      g_string_append_printf (sql, "%s ->> '$.%s'", src->data, f->name);
      break;
    }
}

/* UPDATE (NULL when no column is set) or INSERT … WHERE NOT EXISTS of the row; for
 * @each_change a plain INSERT of every row of `d`. */
static char *
row_sql (const KocEntityKind  *kind,
         const char * const   *members,
         SqlPurpose            purpose,
         const Source         *src)
{
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(GString) columns = g_string_new ("uid");
  g_autoptr(GString) values = g_string_new (src->uid);
  guint n = 0;

  for (const KocEntityField *f = kind->sync_fields; f->name != NULL; f++)
    {
      if (f->column == NULL || !selected (f, members))
        continue;
      g_string_append_printf (update, "%s%s = ", n++ > 0 ? ", " : "", f->column);
      append_value (update, f, src);
      g_string_append_printf (columns, ", %s", f->column);
      g_string_append (values, ", ");
      append_value (values, f, src);
    }
  if (members != NULL && kind->has_updated_at)
    g_string_append_printf (update, "%supdated_at = unixepoch ()", n++ > 0 ? ", " : "");

  if (purpose == SQL_UPDATE)
    return n > 0 ? g_strdup_printf ("UPDATE %s SET %s WHERE uid = ?1", kind->table, update->str)
                 : NULL;
  if (src == &each_change)
    return g_strdup_printf ("INSERT INTO %s (%s) SELECT %s FROM d", kind->table, columns->str,
                            values->str);
  return g_strdup_printf ("INSERT INTO %s (%s) SELECT %s WHERE NOT EXISTS"
                          " (SELECT 1 FROM %s WHERE uid = ?1)",
                          kind->table, columns->str, values->str, kind->table);
}

/* Lists (tags, aliases, post media) are replaced as a whole, after the row exists. */
static char *
list_sql (const KocEntityKind   *kind,
          const KocEntityField  *f,
          SqlPurpose             purpose,
          const Source          *src)
{
  g_autofree char *owner = g_strdup_printf ("(SELECT id FROM %s WHERE uid = %s)", kind->table,
                                            src->uid);

  switch (f->type)
    {
    case KOC_FIELD_TAGS:
      if (purpose == SQL_LIST_PRE)
        return g_strdup_printf ("INSERT OR IGNORE INTO tags (name) SELECT value FROM %sjson_each"
                                " (%s, '$.%s') WHERE value <> ''", src->from, src->data, f->name);
      if (purpose == SQL_LIST_DEL)
        return g_strdup_printf ("DELETE FROM person_tags WHERE person_id = %s", owner);
      return g_strdup_printf ("INSERT OR IGNORE INTO person_tags (person_id, tag_id) SELECT %s,"
                              " g.id FROM %sjson_each (%s, '$.%s') j JOIN tags g ON g.name ="
                              " j.value", owner, src->from, src->data, f->name);
    case KOC_FIELD_ALIASES:
      if (purpose == SQL_LIST_PRE)
        return NULL;
      if (purpose == SQL_LIST_DEL)
        return g_strdup_printf ("DELETE FROM brand_aliases WHERE brand_id = %s", owner);
      return g_strdup_printf ("INSERT OR IGNORE INTO brand_aliases (brand_id, alias) SELECT %s,"
                              " value FROM %sjson_each (%s, '$.%s') WHERE value <> ''",
                              owner, src->from, src->data, f->name);
    case KOC_FIELD_MEDIA_LIST:
      /* The bytes arrive later (GET /v1/media); data NULL marks "not cached yet". */
      if (purpose == SQL_LIST_PRE)
        return g_strdup_printf ("INSERT OR IGNORE INTO media (sha256, mime, bytes) SELECT value,"
                                " 'application/octet-stream', 0 FROM %sjson_each (%s, '$.%s')"
                                " WHERE length (value) = 64", src->from, src->data, f->name);
      if (purpose == SQL_LIST_DEL)
        return g_strdup_printf ("DELETE FROM post_media WHERE post_id = %s", owner);
      return g_strdup_printf ("INSERT OR IGNORE INTO post_media (post_id, position, sha256)"
                              " SELECT %s, key, value FROM %sjson_each (%s, '$.%s')"
                              " WHERE length (value) = 64", owner, src->from, src->data, f->name);
    case KOC_FIELD_MEDIA:
      if (purpose == SQL_MEDIA)
        return g_strdup_printf ("INSERT OR IGNORE INTO media (sha256, mime, bytes) SELECT v,"
                                " 'application/octet-stream', 0 FROM (SELECT %s ->> '$.%s'"
                                " AS v%s) WHERE length (v) = 64", src->data, f->name,
                                src == &each_change ? " FROM d" : "");
      return NULL;
    case KOC_FIELD_TEXT:
    case KOC_FIELD_INT:
    case KOC_FIELD_REAL:
    case KOC_FIELD_JSON:
    case KOC_FIELD_REF:
    default:
      return NULL;
    }
}

/* The statement for @purpose; prepared once per cache for whole values (@members NULL).
 * NULL without @error when there is nothing to run. */
static sqlite3_stmt *
statement_for (KocEntityCache        *cache,
               const KocEntityKind   *kind,
               const KocEntityField  *field,
               SqlPurpose             purpose,
               const char * const    *members,
               GError               **error)
{
  gpointer key = GSIZE_TO_POINTER ((((gsize)(kind - kinds) * 64 +
                                     (field != NULL ? (gsize)(field - kind->sync_fields) + 1 : 0))
                                    * 8 + purpose) + 1);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (members == NULL && g_hash_table_lookup_extended (cache->by_key, key, NULL,
                                                       (gpointer *)&stmt))
    {
      if (stmt != NULL)
        {
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
        }
      return stmt;
    }

  if (purpose == SQL_UPDATE || purpose == SQL_INSERT)
    sql = row_sql (kind, members, purpose, &one_change);
  else if (purpose == SQL_DELETE)
    sql = g_strdup_printf ("DELETE FROM %s WHERE uid = ?1", kind->table);
  else
    sql = list_sql (kind, field, purpose, &one_change);

  if (members != NULL)
    return sql != NULL ? koc_entity_cache_statement (cache, sql, error) : NULL;
  stmt = NULL;
  if (sql != NULL && !koc_db_prepare (cache->db, sql, &stmt, error))
    return NULL;
  g_hash_table_insert (cache->by_key, key, stmt);
  return stmt;
}

gboolean
koc_entity_cache_step (KocEntityCache  *cache,
                       sqlite3_stmt    *stmt,
                       const char      *what,
                       GError         **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (cache->db, rc, what, error);
  return TRUE;
}

/* Runs @purpose's statement with ?1 = uid and ?2 = the JSON object. */
static gboolean
run (KocEntityCache        *cache,
     const KocEntityKind   *kind,
     const KocEntityField  *field,
     SqlPurpose             purpose,
     const char * const    *members,
     const char            *uid,
     const char            *json,
     GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  stmt = statement_for (cache, kind, field, purpose, members, &local_error);
  if (stmt == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, json, -1, SQLITE_STATIC);
  return koc_entity_cache_step (cache, stmt, "Could not save an entity", error);
}

gboolean
koc_entity_apply_json (KocEntityCache       *cache,
                       const KocEntityKind  *kind,
                       const char           *uid,
                       const char           *json,
                       const char * const   *members,
                       GError              **error)
{
  gboolean inserted;

  g_return_val_if_fail (kind->sync_fields != NULL, FALSE);

  for (const KocEntityField *f = kind->sync_fields; f->name != NULL; f++)
    if (f->type == KOC_FIELD_MEDIA && selected (f, members) &&
        !run (cache, kind, f, SQL_MEDIA, members, uid, json, error))
      return FALSE;

  /* INSERT first: a new row (most of a first pull) needs neither the UPDATE nor the
   * clearing of its lists. sqlite3_changes() does not count the triggers' rows. */
  if (!run (cache, kind, NULL, SQL_INSERT, members, uid, json, error))
    return FALSE;
  inserted = sqlite3_changes (cache->db) > 0;
  if (!inserted && !run (cache, kind, NULL, SQL_UPDATE, members, uid, json, error))
    return FALSE;

  for (const KocEntityField *f = kind->sync_fields; f->name != NULL; f++)
    if (f->column == NULL && selected (f, members) &&
        (!run (cache, kind, f, SQL_LIST_PRE, members, uid, json, error) ||
         (!inserted && !run (cache, kind, f, SQL_LIST_DEL, members, uid, json, error)) ||
         !run (cache, kind, f, SQL_LIST_INS, members, uid, json, error)))
      return FALSE;
  return TRUE;
}

gboolean
koc_entity_delete (KocEntityCache       *cache,
                   const KocEntityKind  *kind,
                   const char           *uid,
                   GError              **error)
{
  return run (cache, kind, NULL, SQL_DELETE, NULL, uid, NULL, error);
}

/* Runs @sql (the CTE `d` in front). */
static gboolean
run_each (KocEntityCache  *cache,
          const char      *with,
          char            *sql,
          GError         **error)
{
  g_autofree char *owned = sql;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  if (sql == NULL)
    return TRUE;
  text = g_strconcat (with, sql, NULL);
  if ((stmt = koc_entity_cache_statement (cache, text, error)) == NULL)
    return FALSE;
  return koc_entity_cache_step (cache, stmt, "Could not save an entity", error);
}

gboolean
koc_entity_insert_each (KocEntityCache       *cache,
                        const KocEntityKind  *kind,
                        const char           *source,
                        const char           *lists_source,
                        GError              **error)
{
  g_autofree char *with = g_strdup_printf ("WITH d (uid, data) AS (%s) ", source);
  g_autofree char *with_lists = g_strdup_printf ("WITH d (uid, data) AS (%s) ",
                                                 lists_source != NULL ? lists_source : source);

  g_return_val_if_fail (kind->sync_fields != NULL, FALSE);

  for (const KocEntityField *f = kind->sync_fields; f->name != NULL; f++)
    if (f->type == KOC_FIELD_MEDIA &&
        !run_each (cache, with, list_sql (kind, f, SQL_MEDIA, &each_change), error))
      return FALSE;
  if (!run_each (cache, with, row_sql (kind, NULL, SQL_INSERT, &each_change), error))
    return FALSE;
  for (const KocEntityField *f = kind->sync_fields; f->name != NULL; f++)
    if (f->column == NULL &&
        (!run_each (cache, with_lists, list_sql (kind, f, SQL_LIST_PRE, &each_change), error) ||
         !run_each (cache, with_lists, list_sql (kind, f, SQL_LIST_INS, &each_change), error)))
      return FALSE;
  return TRUE;
}
