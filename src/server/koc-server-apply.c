/* koc-server-apply.c: applying one mutation of POST /v1/mutations to a workspace.
 *
 * Conflict rule (docs/api-v1.json, "Mutations"): fields merge one by one, the last
 * writer in server order wins — EXCEPT when the mutation's base_rev is older than the
 * entity's rev and a field it sets was changed by a change after base_rev: then nothing
 * of that mutation is applied and the result is `conflict` with, per field, the
 * client's value and the server's, plus the server's whole current value and rev. The
 * client shows it and resends (with the new base_rev) whatever the user keeps. An
 * upsert of an entity deleted after base_rev is a conflict with `current: null`.
 * Without base_rev a mutation is a blind write (no check). Delete always applies.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-server"

#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-server-entities.h"
#include "koc-server-apply.h"

typedef struct
{
  const KocEntityField *field;
  JsonNode             *value;  /* unowned, inside the parsed body */
  gint64                ref_id; /* KOC_FIELD_REF: the resolved rowid (0 → NULL) */
} FieldValue;

GString *
koc_mutation_result_start (const char *id,
              const char *status)
{
  GString *out = g_string_new ("{\"id\":");

  koc_json_append_string (out, id);
  g_string_append (out, ",\"status\":");
  koc_json_append_string (out, status);
  return out;
}

GString *
koc_mutation_result_rejected (const char *id,
                              const char *code,
                              const char *message)
{
  GString *out = koc_mutation_result_start (id, "rejected");

  g_string_append (out, ",\"error\":{\"code\":");
  koc_json_append_string (out, code);
  g_string_append (out, ",\"message\":");
  koc_json_append_string (out, message);
  g_string_append (out, "}}");
  return out;
}

static gboolean
lookup_id (sqlite3     *db,
           const char  *table,
           const char  *uid,
           gint64      *out_id,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uid = ?1", table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_id = 0;
  if (!koc_db_prepare (db, sql, &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "Could not look up an entity", error);
  return TRUE;
}

/* Checks a field's JSON type; resolves references. FALSE with KOC_STORE_ERROR_INVALID. */
static gboolean
check_value (sqlite3     *db,
             FieldValue  *fv,
             GError     **error)
{
  JsonNode *node = fv->value;
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  const char *name = fv->field->name;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (fv->field->flags & KOC_FIELD_NULLABLE)
        return TRUE;
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID, "%s cannot be null", name);
      return FALSE;
    }

  switch (fv->field->type)
    {
    case KOC_FIELD_TEXT:
      if (type == G_TYPE_STRING)
        return TRUE;
      break;
    case KOC_FIELD_INT:
      if (type == G_TYPE_INT64)
        return TRUE;
      break;
    case KOC_FIELD_REAL:
      if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        return TRUE;
      break;
    case KOC_FIELD_JSON:
      return TRUE;
    case KOC_FIELD_TAGS:
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *tag = json_array_get_element (array, i);

              if (!JSON_NODE_HOLDS_VALUE (tag) || json_node_get_value_type (tag) != G_TYPE_STRING ||
                  *json_node_get_string (tag) == '\0')
                break;
              if (i + 1 == json_array_get_length (array))
                return TRUE;
            }
          if (json_array_get_length (array) == 0)
            return TRUE;
        }
      break;
    case KOC_FIELD_REF:
      if (type == G_TYPE_STRING)
        {
          if (!lookup_id (db, fv->field->ref_table, json_node_get_string (node),
                          &fv->ref_id, error))
            return FALSE;
          if (fv->ref_id != 0)
            return TRUE;
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_FOUND,
                       "%s: no such entity %s", name, json_node_get_string (node));
          return FALSE;
        }
      break;
    case KOC_FIELD_MEDIA:       /* a sha256: 64 lower-case hex digits */
      if (type == G_TYPE_STRING)
        {
          const char *sha = json_node_get_string (node);
          gsize i = 0;

          while (sha[i] != '\0' && (g_ascii_isdigit (sha[i]) || (sha[i] >= 'a' && sha[i] <= 'f')))
            i++;
          if (i == 64 && sha[i] == '\0')
            return TRUE;
        }
      break;
    case KOC_FIELD_ALIASES:     /* read-only kinds only (never writable) */
    case KOC_FIELD_MEDIA_LIST:
    default:
      break;
    }

  g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID, "%s has the wrong type", name);
  return FALSE;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            FieldValue   *fv)
{
  JsonNode *node = fv->value;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  switch (fv->field->type)
    {
    case KOC_FIELD_TEXT:
    case KOC_FIELD_MEDIA:
      sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      break;
    case KOC_FIELD_INT:
      sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      break;
    case KOC_FIELD_REAL:
      sqlite3_bind_double (stmt, index, json_node_get_double (node));
      break;
    case KOC_FIELD_JSON:
      {
        g_autofree char *text = json_to_string (node, FALSE);

        sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      }
      break;
    case KOC_FIELD_REF:
      sqlite3_bind_int64 (stmt, index, fv->ref_id);
      break;
    case KOC_FIELD_TAGS:
    case KOC_FIELD_ALIASES:
    case KOC_FIELD_MEDIA_LIST:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return koc_db_set_error (db, rc, what, error);
  return TRUE;
}

static gboolean
write_tags (sqlite3     *db,
            gint64       person_id,
            JsonArray   *tags,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!koc_db_prepare (db, "DELETE FROM person_tags WHERE person_id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!step_done (db, stmt, "Could not update tags", error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      const char *name = json_array_get_string_element (tags, i);

      if (!koc_db_prepare (db, "INSERT OR IGNORE INTO tags (name) VALUES (?1)", &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      if (!step_done (db, stmt, "Could not add a tag", error))
        return FALSE;
      if (!koc_db_prepare (db, "INSERT OR IGNORE INTO person_tags (person_id, tag_id)"
                           " SELECT ?1, id FROM tags WHERE name = ?2", &stmt, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      if (!step_done (db, stmt, "Could not tag a person", error))
        return FALSE;
    }
  return TRUE;
}

/* Writes the row: UPDATE when it exists (only the given fields), INSERT otherwise. */
static gboolean
write_row (KocMutationContext   *ctx,
           const KocEntityKind  *kind,
           const char           *uid,
           gint64                row_id,
           GArray               *values,
           GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  FieldValue *tags = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_columns = 0;
  int index = 1;

  for (guint i = 0; i < values->len; i++)
    {
      FieldValue *fv = &g_array_index (values, FieldValue, i);

      if (fv->field->type == KOC_FIELD_TAGS)
        tags = fv;
      else
        n_columns++;
      /* A media reference (a person's file) needs its media row: a placeholder (no
       * data; GET /v1/media answers 404) until the workspace gets the bytes. */
      if (fv->field->type == KOC_FIELD_MEDIA && !JSON_NODE_HOLDS_NULL (fv->value))
        {
          if (!koc_db_prepare (ctx->db, "INSERT OR IGNORE INTO media (sha256, mime, bytes)"
                               " VALUES (?1, 'application/octet-stream', 0)", &stmt, error))
            return FALSE;
          sqlite3_bind_text (stmt, 1, json_node_get_string (fv->value), -1, SQLITE_TRANSIENT);
          if (!step_done (ctx->db, stmt, "Could not save the entity", error))
            return FALSE;
          stmt = NULL;
        }
    }

  /* Column and table names come from the constant kind tables, never from the request. */
  if (row_id == 0)
    {
      for (const KocEntityField *f = kind->fields; f->name != NULL; f++)
        {
          gboolean given = FALSE;

          for (guint i = 0; i < values->len && !given; i++)
            given = g_array_index (values, FieldValue, i).field == f;
          if ((f->flags & KOC_FIELD_REQUIRED) && !given)
            {
              g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                           "%s is required to create a %s", f->name, kind->kind);
              return FALSE;
            }
        }
      g_string_append_printf (sql, "INSERT INTO %s (uid", kind->table);
      for (guint i = 0; i < values->len; i++)
        if (g_array_index (values, FieldValue, i).field->column != NULL)
          g_string_append_printf (sql, ", %s", g_array_index (values, FieldValue, i).field->column);
      g_string_append (sql, ") VALUES (?1");
      for (guint i = 0; i < n_columns; i++)
        g_string_append_printf (sql, ", ?%u", i + 2);
      g_string_append (sql, ")");
    }
  else if (n_columns > 0)
    {
      g_string_append_printf (sql, "UPDATE %s SET ", kind->table);
      for (guint i = 0, n = 0; i < values->len; i++)
        if (g_array_index (values, FieldValue, i).field->column != NULL)
          {
            g_string_append_printf (sql, "%s%s = ?%u", n > 0 ? ", " : "",
                                    g_array_index (values, FieldValue, i).field->column, n + 2);
            n++;
          }
      if (kind->has_updated_at)
        g_string_append (sql, ", updated_at = unixepoch ()");
      g_string_append (sql, " WHERE uid = ?1");
    }

  if (sql->len > 0)
    {
      if (!koc_db_prepare (ctx->db, sql->str, &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, index++, uid, -1, SQLITE_TRANSIENT);
      for (guint i = 0; i < values->len; i++)
        if (g_array_index (values, FieldValue, i).field->column != NULL)
          bind_value (stmt, index++, &g_array_index (values, FieldValue, i));
      if (!step_done (ctx->db, stmt, "Could not save the entity", error))
        return FALSE;
    }

  if (tags != NULL)
    {
      if (row_id == 0 && !lookup_id (ctx->db, kind->table, uid, &row_id, error))
        return FALSE;
      return write_tags (ctx->db, row_id, json_node_get_array (tags->value), error);
    }
  return TRUE;
}

static gboolean
field_changed_since (KocMutationContext *ctx,
                     const char  *kind,
                     const char  *uid,
                     gint64       base_rev,
                     const char  *field,
                     gboolean    *changed,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (ctx->db, "SELECT 1 FROM changes WHERE kind = ?1 AND uid = ?2"
                       " AND rev > ?3 AND (fields IS NULL OR EXISTS (SELECT 1 FROM json_each"
                       " (changes.fields) WHERE value = ?4)) LIMIT 1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, base_rev);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return koc_db_set_error (ctx->db, rc, "Could not check for conflicts", error);
  *changed = rc == SQLITE_ROW;
  return TRUE;
}

/* The conflict result, or NULL when the mutation may apply. */
static GString *
check_conflict (KocMutationContext   *ctx,
                const char           *id,
                const KocEntityKind  *kind,
                const char           *uid,
                gint64                base_rev,
                gint64                rev,
                GArray               *values,
                GError              **error)
{
  g_autofree char *current = NULL;
  g_autoptr(JsonNode) current_node = NULL;
  JsonObject *current_object = NULL;
  g_autoptr(GString) conflicts = g_string_new (NULL);
  GString *out;

  if (!koc_entity_get_json (ctx->cache, kind, uid, &current, error))
    return NULL;
  if (current != NULL)
    {
      current_node = json_from_string (current, NULL);
      current_object = json_node_get_object (current_node);
    }

  for (guint i = 0; i < values->len; i++)
    {
      FieldValue *fv = &g_array_index (values, FieldValue, i);
      g_autofree char *yours = json_to_string (fv->value, FALSE);
      g_autofree char *server = NULL;
      gboolean changed = TRUE;

      if (current != NULL &&
          !field_changed_since (ctx, kind->kind, uid, base_rev, fv->field->name, &changed, error))
        return NULL;
      if (!changed)
        continue;

      if (current_object != NULL && json_object_has_member (current_object, fv->field->name))
        server = json_to_string (json_object_get_member (current_object, fv->field->name), FALSE);
      g_string_append_printf (conflicts, "%s{\"field\":", conflicts->len > 0 ? "," : "");
      koc_json_append_string (conflicts, fv->field->name);
      g_string_append_printf (conflicts, ",\"yours\":%s,\"server\":%s}", yours,
                              server != NULL ? server : "null");
    }
  if (conflicts->len == 0)
    return NULL;

  out = koc_mutation_result_start (id, "conflict");
  g_string_append_printf (out, ",\"rev\":%" G_GINT64_FORMAT ",\"current\":%s,\"conflicts\":[%s]}",
                          rev, current != NULL ? current : "null", conflicts->str);
  return out;
}

GString *
koc_mutation_apply (KocMutationContext   *ctx,
                    const char           *id,
                    const KocEntityKind  *kind,
                    const char           *uid,
                    gboolean              delete,
                    JsonObject           *fields,
                    gboolean              has_base_rev,
                    gint64                base_rev,
                    GError              **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (FieldValue));
  g_autoptr(GString) names = g_string_new ("[");
  g_autoptr(GList) members = NULL;
  gint64 rev = 0, row_id = 0, seq;
  GString *out;

  if (!koc_entity_get_rev (ctx->cache, kind->kind, uid, &rev, NULL, error) ||
      !lookup_id (ctx->db, kind->table, uid, &row_id, error))
    return NULL;

  if (delete)
    {
      sqlite3_stmt *stmt = NULL;
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", kind->table);

      if (row_id != 0)
        {
          if (!koc_db_prepare (ctx->db, sql, &stmt, error))
            return NULL;
          sqlite3_bind_int64 (stmt, 1, row_id);
          if (!step_done (ctx->db, stmt, "Could not delete the entity", error))
            return NULL;
          rev++;
          seq = koc_entity_record_change (ctx->cache, kind->kind, uid, rev, TRUE, NULL, error);
          if (seq == 0)
            return NULL;
        }
      out = koc_mutation_result_start (id, "applied");
      g_string_append_printf (out, ",\"rev\":%" G_GINT64_FORMAT "}", rev);
      return out;
    }

  members = fields != NULL ? json_object_get_members (fields) : NULL;
  for (GList *l = members; l != NULL; l = l->next)
    {
      FieldValue fv = { koc_entity_kind_field (kind, l->data),
                        json_object_get_member (fields, l->data), 0 };

      if (fv.field == NULL)
        {
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                       "%s has no field %s", kind->kind, (const char *)l->data);
          return NULL;
        }
      if (!check_value (ctx->db, &fv, error))
        return NULL;
      g_array_append_val (values, fv);
      if (names->len > 1)
        g_string_append_c (names, ',');
      koc_json_append_string (names, fv.field->name);
    }
  g_string_append_c (names, ']');

  if (has_base_rev && base_rev < rev && (row_id != 0 || values->len > 0))
    {
      g_autoptr(GError) local_error = NULL;

      if ((out = check_conflict (ctx, id, kind, uid, base_rev, rev, values, &local_error)) != NULL)
        return out;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (row_id != 0 && values->len == 0)
    {
      out = koc_mutation_result_start (id, "applied");
      g_string_append_printf (out, ",\"rev\":%" G_GINT64_FORMAT "}", rev);
      return out;
    }

  if (!write_row (ctx, kind, uid, row_id, values, error))
    return NULL;
  rev++;
  if ((seq = koc_entity_record_change (ctx->cache, kind->kind, uid, rev, FALSE,
                                       row_id != 0 ? names->str : NULL, error)) == 0)
    return NULL;

  out = koc_mutation_result_start (id, "applied");
  g_string_append_printf (out, ",\"rev\":%" G_GINT64_FORMAT ",\"seq\":%" G_GINT64_FORMAT "}",
                          rev, seq);
  return out;
}
