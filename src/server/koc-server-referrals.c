/* koc-server-referrals.c: POST /v1/referrals/{code}/redemptions — what a shop or a
 * webhook reports: an order that used a referral code.
 *
 * Body: {"order_ref": "…" (required), "revenue_cents": N (≥ 0, default 0),
 * "redeemed_at": unix seconds (default now)}. Idempotent by order_ref (the schema's
 * UNIQUE (code_id, order_ref)): the first report → 201 and the redemption; the same
 * order again with the same revenue → 200 and the original; with another revenue →
 * 409 (the shop must not count one order twice, nor silently change it). A new
 * redemption is appended to the change feed (kind "redemption").
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include "koc-db.h"
#include "koc-server-entities.h"
#include "koc-server-private.h"

typedef struct
{
  char   *code;
  GBytes *body;
} RedemptionRequest;

static void
redemption_request_free (RedemptionRequest *request)
{
  g_free (request->code);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request);
}

static KocApiResponse *
redemption_response (KocEntityCache  *cache,
                     guint            status,
                     const char      *uid,
                     GError         **error)
{
  g_autofree char *entity = NULL;
  GString *json;

  if (!koc_entity_get_json (cache, koc_entity_kind_lookup ("redemption"), uid, &entity, error))
    return NULL;
  json = g_string_new ("{\"redemption\":");
  g_string_append (json, entity != NULL ? entity : "null");
  g_string_append_printf (json, ",\"created\":%s}", status == 201 ? "true" : "false");
  return koc_api_response_new_json (status, json);
}

static gboolean
redeem_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  RedemptionRequest *request = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  g_autofree char *uid = NULL;
  JsonObject *object;
  JsonNode *root, *node;
  const char *order_ref;
  gint64 revenue = 0, redeemed_at = g_get_real_time () / G_USEC_PER_SEC;
  gint64 code_id = 0, existing_revenue = 0;
  sqlite3_stmt *stmt = NULL;
  gsize size;
  const char *text = g_bytes_get_data (request->body, &size);
  int rc;

  if (size == 0 || !json_parser_load_from_data (parser, text, size, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      *result = koc_api_response_new_error (400, "bad_request", "The body must be a JSON object");
      return TRUE;
    }
  object = json_node_get_object (root);
  node = json_object_get_member (object, "order_ref");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      *(order_ref = json_node_get_string (node)) == '\0')
    {
      *result = koc_api_response_new_error (400, "bad_request", "order_ref is required");
      return TRUE;
    }
  if ((node = json_object_get_member (object, "revenue_cents")) != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          (revenue = json_node_get_int (node)) < 0)
        {
          *result = koc_api_response_new_error (400, "bad_request",
                                                "revenue_cents must be a non-negative integer");
          return TRUE;
        }
    }
  if ((node = json_object_get_member (object, "redeemed_at")) != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        {
          *result = koc_api_response_new_error (400, "bad_request",
                                                "redeemed_at must be an integer (Unix seconds)");
          return TRUE;
        }
      redeemed_at = json_node_get_int (node);
    }

  if (!koc_db_prepare (db, "SELECT id FROM referral_codes WHERE code = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, request->code, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    code_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not read referral codes", error);
  if (code_id == 0)
    {
      *result = koc_api_response_new_error (404, "not_found", "No such referral code");
      return TRUE;
    }

  if (!koc_db_prepare (db, "SELECT uid, revenue_cents FROM redemptions"
                       " WHERE code_id = ?1 AND order_ref = ?2", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, code_id);
  sqlite3_bind_text (stmt, 2, order_ref, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      uid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      existing_revenue = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not read redemptions", error);

  if (uid != NULL && existing_revenue != revenue)
    {
      *result = koc_api_response_new_error (409, "conflict", "Order %s was already reported"
                                            " with revenue_cents %" G_GINT64_FORMAT,
                                            order_ref, existing_revenue);
      return TRUE;
    }
  if (uid != NULL)
    return (*result = redemption_response (cache, 200, uid, error)) != NULL;

  if (!koc_db_prepare (db, "INSERT INTO redemptions (code_id, redeemed_at, order_ref,"
                       " revenue_cents) VALUES (?1, ?2, ?3, ?4) RETURNING uid", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, code_id);
  sqlite3_bind_int64 (stmt, 2, redeemed_at);
  sqlite3_bind_text (stmt, 3, order_ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, revenue);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    uid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (uid == NULL)
    return koc_db_set_error (db, rc, "Could not save the redemption", error);

  if (koc_entity_record_change (cache, "redemption", uid, 1, FALSE, NULL, error) == 0)
    return FALSE;
  return (*result = redemption_response (cache, 201, uid, error)) != NULL;
}

void
koc_server_route_redemptions (KocServerRequest *request)
{
  RedemptionRequest *data = g_new0 (RedemptionRequest, 1);

  data->code = g_uri_unescape_string (request->segments[1], NULL);
  if (data->code == NULL || *data->code == '\0')
    {
      redemption_request_free (data);
      koc_server_request_respond (request, koc_api_response_new_error (404, "not_found",
                                                                       "No such referral code"));
      return;
    }
  data->body = koc_server_request_get_body (request);
  koc_server_request_run (request, TRUE, redeem_func, data,
                          (GDestroyNotify)redemption_request_free);
}
