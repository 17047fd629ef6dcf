/* koc-server-mutations.c: POST /v1/mutations — client edits, idempotent by id.
 *
 * Body: {"mutations":[{"id","kind","entity_uid","op":"upsert"|"delete","fields":{…},
 * "base_rev"}]}, at most KOC_MUTATIONS_MAX. The whole request is one write transaction
 * (koc_store_write_async); each mutation runs in its own SAVEPOINT, so a rejected one
 * leaves no trace while the others apply. Every result, conflicts and rejections
 * included, is saved under the mutation's id in applied_mutations: a replay (after a
 * timeout or a crash) returns the first result and changes nothing. The conflict rule
 * is in koc-server-apply.c.
 *
 * The body is parsed on the store's worker, not on the main loop (up to 1 MiB of JSON).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-server-apply.h"
#include "koc-server-private.h"

#define MUTATION_ID_MAX 128

static gboolean
find_applied (sqlite3     *db,
              const char  *id,
              char       **out_result,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_result = NULL;
  if (!koc_db_prepare (db, "SELECT result FROM applied_mutations WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not read applied mutations", error);
  return TRUE;
}

static gboolean
save_applied (sqlite3     *db,
              const char  *id,
              const char  *result,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "INSERT INTO applied_mutations (id, result) VALUES (?1, ?2)",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, result, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not save a mutation result", error);
  return TRUE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* One mutation: validated, replayed or applied in a savepoint. NULL with @error only
 * for failures that must abort the whole request (I/O, busy, …). */
static GString *
one_mutation (KocMutationContext  *ctx,
              JsonNode            *node,
              GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *replay = NULL;
  const KocEntityKind *kind;
  JsonObject *object, *fields = NULL;
  JsonNode *base_node, *fields_node;
  const char *id, *kind_name, *uid, *op;
  gint64 base_rev = 0;
  gboolean delete;
  GString *result;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return koc_mutation_result_rejected (NULL, "invalid", "A mutation must be an object");
  object = json_node_get_object (node);

  id = member_string (object, "id");
  if (id == NULL || *id == '\0' || strlen (id) > MUTATION_ID_MAX)
    return koc_mutation_result_rejected (NULL, "invalid",
                                         "id must be a string of 1 to 128 characters");

  if (!find_applied (ctx->db, id, &replay, error))
    return NULL;
  if (replay != NULL)
    {
      result = g_string_new (replay);
      return result;
    }

  kind_name = member_string (object, "kind");
  uid = member_string (object, "entity_uid");
  op = member_string (object, "op");
  base_node = json_object_get_member (object, "base_rev");
  fields_node = json_object_get_member (object, "fields");
  kind = koc_entity_kind_lookup (kind_name);

  if (kind == NULL || kind->fields == NULL)
    result = koc_mutation_result_rejected (id, "invalid", "kind is not a kind clients can change");
  else if (!koc_entity_uid_is_valid (uid))
    result = koc_mutation_result_rejected (id, "invalid", "entity_uid must be 1 to 64 letters,"
                                           " digits, '-' or '_'");
  else if (g_strcmp0 (op, "upsert") != 0 && g_strcmp0 (op, "delete") != 0)
    result = koc_mutation_result_rejected (id, "invalid", "op must be upsert or delete");
  else if (base_node != NULL && !JSON_NODE_HOLDS_NULL (base_node) &&
           (!JSON_NODE_HOLDS_VALUE (base_node) ||
            json_node_get_value_type (base_node) != G_TYPE_INT64 ||
            json_node_get_int (base_node) < 0))
    result = koc_mutation_result_rejected (id, "invalid",
                                           "base_rev must be a non-negative integer");
  else if (fields_node != NULL && !JSON_NODE_HOLDS_OBJECT (fields_node) &&
           !JSON_NODE_HOLDS_NULL (fields_node))
    result = koc_mutation_result_rejected (id, "invalid", "fields must be an object");
  else
    {
      delete = strcmp (op, "delete") == 0;
      if (fields_node != NULL && JSON_NODE_HOLDS_OBJECT (fields_node))
        fields = json_node_get_object (fields_node);
      if (base_node != NULL && !JSON_NODE_HOLDS_NULL (base_node))
        base_rev = json_node_get_int (base_node);

      if (!koc_db_begin_write (ctx->db, error))
        return NULL;
      result = koc_mutation_apply (ctx, id, kind, uid, delete, fields,
                                   base_node != NULL && !JSON_NODE_HOLDS_NULL (base_node),
                                   base_rev, &local_error);
      if (result == NULL || !koc_db_commit (ctx->db, &local_error))
        {
          if (result == NULL)
            koc_db_rollback (ctx->db);
          else
            g_string_free (g_steal_pointer (&result), TRUE);
          if (local_error->domain != KOC_STORE_ERROR ||
              (local_error->code != KOC_STORE_ERROR_INVALID &&
               local_error->code != KOC_STORE_ERROR_NOT_FOUND &&
               local_error->code != KOC_STORE_ERROR_CONSTRAINT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          result = koc_mutation_result_rejected (id, local_error->code == KOC_STORE_ERROR_NOT_FOUND
                                                 ? "unknown_reference" : "invalid",
                                                 local_error->message);
        }
    }

  if (!save_applied (ctx->db, id, result->str, error))
    {
      g_string_free (result, TRUE);
      return NULL;
    }
  return result;
}

static gboolean
mutations_func (sqlite3       *db,
                gpointer       data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  GBytes *body = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GString) json = g_string_new ("{\"results\":[");
  KocMutationContext ctx = { db, cache };
  JsonNode *root, *list;
  JsonArray *mutations;
  gsize size;
  const char *text = g_bytes_get_data (body, &size);

  if (size == 0 || !json_parser_load_from_data (parser, text, size, &parse_error))
    {
      *result = koc_api_response_new_error (400, "bad_request", "The body is not valid JSON%s%s",
                                            parse_error != NULL ? ": " : "",
                                            parse_error != NULL ? parse_error->message : "");
      return TRUE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (list = json_object_get_member (json_node_get_object (root), "mutations")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (list))
    {
      *result = koc_api_response_new_error (400, "bad_request",
                                            "The body must be {\"mutations\":[…]}");
      return TRUE;
    }
  mutations = json_node_get_array (list);
  if (json_array_get_length (mutations) > KOC_MUTATIONS_MAX)
    {
      *result = koc_api_response_new_error (413, "too_many_mutations",
                                            "At most %d mutations per request", KOC_MUTATIONS_MAX);
      return TRUE;
    }

  for (guint i = 0; i < json_array_get_length (mutations); i++)
    {
      GString *one;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if ((one = one_mutation (&ctx, json_array_get_element (mutations, i), error)) == NULL)
        return FALSE;
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_len (json, one->str, one->len);
      g_string_free (one, TRUE);
    }
  g_string_append (json, "]}");
  *result = koc_api_response_new_json (200, g_steal_pointer (&json));
  return TRUE;
}

void
koc_server_route_mutations (KocServerRequest *request)
{
  koc_server_request_run (request, TRUE, mutations_func, koc_server_request_get_body (request),
                          (GDestroyNotify)g_bytes_unref);
}
