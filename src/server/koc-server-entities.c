/* koc-server-entities.c: entity kinds, their JSON and their change records.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-server-entities.h"

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

static const KocEntityField saved_search_fields[] = {
  { "name", "name", KOC_FIELD_TEXT, NULL, KOC_FIELD_REQUIRED },
  { "query", "query", KOC_FIELD_JSON, NULL, KOC_FIELD_REQUIRED },
  { "last_used_at", "last_used_at", KOC_FIELD_INT, NULL, KOC_FIELD_NULLABLE },
  { NULL }
};

static const KocEntityKind kinds[] = {
  { "brand", "brands",
    "SELECT json_object ('uid', uid, 'name', name, 'is_own', is_own, 'color', color,"
    " 'aliases', " JSON_ARRAY_OF ("SELECT alias AS v FROM brand_aliases WHERE brand_id = t.id"
                                  " ORDER BY alias") ","
    " 'created_at', created_at) FROM brands t WHERE uid = ?1",
    FALSE, NULL },
  { "person", "people",
    "SELECT json_object ('uid', uid, 'display_name', display_name, 'stage', stage,"
    " 'owner', owner, 'region', region, 'category', category, 'bio', bio, 'email', email,"
    " 'phone', phone, 'wechat', wechat, 'consent', consent, 'orders', orders,"
    " 'spend_cents', spend_cents, 'koc_score', koc_score,"
    " 'tags', " JSON_ARRAY_OF ("SELECT g.name AS v FROM person_tags pt JOIN tags g"
                               " ON g.id = pt.tag_id WHERE pt.person_id = t.id ORDER BY g.name") ","
    " 'created_at', created_at, 'updated_at', updated_at) FROM people t WHERE uid = ?1",
    TRUE, person_fields },
  { "account", "accounts",
    "SELECT json_object ('uid', uid, 'person_uid', " UID_OF ("people", "person_id") ","
    " 'platform', platform, 'handle', handle, 'display_name', display_name,"
    " 'avatar_sha256', avatar_sha256, 'bio', bio, 'region', region, 'category', category,"
    " 'url', url, 'followers', followers, 'tier', tier, 'engagement_rate', engagement_rate,"
    " 'posts_count', posts_count, 'mention_count', mention_count, 'last_post_at', last_post_at,"
    " 'created_at', created_at, 'updated_at', updated_at) FROM accounts t WHERE uid = ?1",
    FALSE, NULL },
  { "post", "posts",
    "SELECT json_object ('uid', uid, 'account_uid', " UID_OF ("accounts", "account_id") ","
    " 'platform_post_id', platform_post_id, 'url', url, 'kind', kind, 'text', text,"
    " 'published_at', published_at, 'likes', likes, 'comments', comments, 'shares', shares,"
    " 'saves', saves, 'views', views, 'sentiment', sentiment,"
    " 'media', " JSON_ARRAY_OF ("SELECT sha256 AS v FROM post_media WHERE post_id = t.id"
                                " ORDER BY position") ","
    " 'created_at', created_at) FROM posts t WHERE uid = ?1",
    FALSE, NULL },
  { "campaign", "campaigns",
    "SELECT json_object ('uid', uid, 'brand_uid', " UID_OF ("brands", "brand_id") ","
    " 'name', name, 'goal', goal, 'starts_at', starts_at, 'ends_at', ends_at,"
    " 'budget_cents', budget_cents, 'status', status,"
    " 'incentive_kinds', json (incentive_kinds), 'created_at', created_at)"
    " FROM campaigns t WHERE uid = ?1",
    FALSE, NULL },
  { "campaign_stage", "campaign_stages",
    "SELECT json_object ('uid', uid, 'campaign_uid', " UID_OF ("campaigns", "campaign_id") ","
    " 'name', name, 'position', position) FROM campaign_stages t WHERE uid = ?1",
    FALSE, NULL },
  { "card", "cards",
    "SELECT json_object ('uid', uid, 'campaign_uid', " UID_OF ("campaigns", "campaign_id") ","
    " 'person_uid', " UID_OF ("people", "person_id") ","
    " 'stage_uid', " UID_OF ("campaign_stages", "stage_id") ","
    " 'position', position, 'owner', owner, 'due_at', due_at, 'created_at', created_at,"
    " 'updated_at', updated_at) FROM cards t WHERE uid = ?1",
    TRUE, card_fields },
  { "note", "notes",
    "SELECT json_object ('uid', uid, 'person_uid', " UID_OF ("people", "person_id") ","
    " 'body', body, 'author', author, 'created_at', created_at, 'updated_at', updated_at)"
    " FROM notes t WHERE uid = ?1",
    TRUE, note_fields },
  { "referral_code", "referral_codes",
    "SELECT json_object ('uid', uid, 'code', code,"
    " 'person_uid', " UID_OF ("people", "person_id") ","
    " 'campaign_uid', " UID_OF ("campaigns", "campaign_id") ", 'created_at', created_at)"
    " FROM referral_codes t WHERE uid = ?1",
    FALSE, NULL },
  { "redemption", "redemptions",
    "SELECT json_object ('uid', uid, 'code_uid', " UID_OF ("referral_codes", "code_id") ","
    " 'code', (SELECT code FROM referral_codes WHERE id = t.code_id),"
    " 'redeemed_at', redeemed_at, 'order_ref', order_ref, 'revenue_cents', revenue_cents)"
    " FROM redemptions t WHERE uid = ?1",
    FALSE, NULL },
  { "reward", "rewards",
    "SELECT json_object ('uid', uid, 'person_uid', " UID_OF ("people", "person_id") ","
    " 'campaign_uid', " UID_OF ("campaigns", "campaign_id") ", 'kind', kind,"
    " 'points', points, 'value_cents', value_cents, 'note', note, 'given_at', given_at)"
    " FROM rewards t WHERE uid = ?1",
    FALSE, reward_fields },
  { "saved_search", "saved_searches",
    "SELECT json_object ('uid', uid, 'name', name, 'query', json (query),"
    " 'created_at', created_at, 'last_used_at', last_used_at)"
    " FROM saved_searches t WHERE uid = ?1",
    FALSE, saved_search_fields },
};

#define N_KINDS G_N_ELEMENTS (kinds)

struct _KocEntityCache
{
  sqlite3      *db;
  sqlite3_stmt *json[N_KINDS];
  sqlite3_stmt *rev;
  sqlite3_stmt *record;
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
  return cache;
}

void
koc_entity_cache_free (KocEntityCache *cache)
{
  if (cache == NULL)
    return;
  for (guint i = 0; i < N_KINDS; i++)
    sqlite3_finalize (cache->json[i]);
  sqlite3_finalize (cache->rev);
  sqlite3_finalize (cache->record);
  g_free (cache);
}

static gboolean
cached (KocEntityCache  *cache,
        sqlite3_stmt   **stmt,
        const char      *sql,
        GError         **error)
{
  if (*stmt != NULL)
    {
      sqlite3_reset (*stmt);
      sqlite3_clear_bindings (*stmt);
      return TRUE;
    }
  return koc_db_prepare (cache->db, sql, stmt, error);
}

gboolean
koc_entity_get_json (KocEntityCache       *cache,
                     const KocEntityKind  *kind,
                     const char           *uid,
                     char                **out_json,
                     GError              **error)
{
  guint index = kind - kinds;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (index < N_KINDS, FALSE);

  *out_json = NULL;
  if (!cached (cache, &cache->json[index], kind->json_sql, error))
    return FALSE;
  stmt = cache->json[index];
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_json = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (cache->db, rc, "Could not read an entity", error);
  return TRUE;
}

gboolean
koc_entity_get_rev (KocEntityCache  *cache,
                    const char      *kind,
                    const char      *uid,
                    gint64          *out_rev,
                    gint64          *out_seq,
                    GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Served by the index (kind, uid, rev); seq is the rowid, also in the index. */
  if (!cached (cache, &cache->rev, "SELECT coalesce (max (rev), 0), coalesce (max (seq), 0)"
               " FROM changes WHERE kind = ?1 AND uid = ?2", error))
    return FALSE;
  stmt = cache->rev;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_rev = sqlite3_column_int64 (stmt, 0);
      if (out_seq != NULL)
        *out_seq = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return koc_db_set_error (cache->db, rc, "Could not read a revision", error);
  return TRUE;
}

gint64
koc_entity_record_change (KocEntityCache  *cache,
                          const char      *kind,
                          const char      *uid,
                          gint64           rev,
                          gboolean         deleted,
                          const char      *fields_json,
                          GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!cached (cache, &cache->record, "INSERT INTO changes (kind, uid, rev, deleted, fields)"
               " VALUES (?1, ?2, ?3, ?4, ?5)", error))
    return 0;
  stmt = cache->record;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, rev);
  sqlite3_bind_int (stmt, 4, deleted ? 1 : 0);
  if (fields_json != NULL)
    sqlite3_bind_text (stmt, 5, fields_json, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (cache->db, rc, "Could not record a change", error);
      return 0;
    }
  return sqlite3_last_insert_rowid (cache->db);
}
