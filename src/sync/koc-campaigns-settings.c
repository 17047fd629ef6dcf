/* koc-campaigns-settings.c: editing a campaign and its stages through the sync outbox
 * (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koc-campaigns-settings.h"
#include "koc-db.h"
#include "koc-keywords.h"
#include "koc-sync-batch.h"
#include "koc-entities.h"

KocStageDraft *
koc_stage_draft_new (gint64      id,
                     const char *name,
                     gint64      n_cards)
{
  KocStageDraft *stage = g_new0 (KocStageDraft, 1);

  stage->id = id;
  stage->name = g_strdup (name);
  stage->n_cards = n_cards;
  return stage;
}

void
koc_stage_draft_free (KocStageDraft *stage)
{
  if (stage == NULL)
    return;
  g_free (stage->name);
  g_free (stage);
}

void
koc_campaign_draft_free (KocCampaignDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->name);
  g_free (draft->goal);
  g_strfreev (draft->incentive_kinds);
  g_free (draft->hashtag);
  g_clear_pointer (&draft->stages, g_ptr_array_unref);
  g_clear_pointer (&draft->emv_rates, g_array_unref);
  g_free (draft);
}

KocCampaignDraft *
koc_campaigns_load_draft (sqlite3  *db,
                          gint64    campaign_id,
                          GError  **error)
{
  g_autoptr(KocCampaign) campaign = koc_campaigns_get (db, campaign_id, error);
  g_autoptr(KocCampaignDraft) draft = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (campaign == NULL)
    return NULL;
  draft = g_new0 (KocCampaignDraft, 1);
  draft->campaign_id = campaign_id;
  draft->name = g_strdup (campaign->name);
  draft->goal = g_strdup (campaign->goal);
  draft->brand_id = campaign->brand_id;
  draft->starts_at = campaign->starts_at;
  draft->ends_at = campaign->ends_at;
  draft->budget_cents = campaign->budget_cents;
  draft->incentive_kinds = g_strdupv (campaign->incentive_kinds);
  draft->hashtag = g_strdup (campaign->hashtag);
  draft->stages = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_stage_draft_free);
  if (!koc_db_prepare (db, "SELECT s.id, s.name, (SELECT count(*) FROM cards WHERE stage_id = s.id)"
                       " FROM campaign_stages s WHERE s.campaign_id = ?1 ORDER BY s.position, s.id",
                       &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (draft->stages,
                     koc_stage_draft_new (sqlite3_column_int64 (stmt, 0),
                                          (const char *)sqlite3_column_text (stmt, 1),
                                          sqlite3_column_int64 (stmt, 2)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the board"), error);
      return NULL;
    }
  return g_steal_pointer (&draft);
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           index,
               gint64        value)
{
  if (value != 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* One text value of a statement that returns one row. */
static char *
query_text (sqlite3       *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  char *text = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    koc_db_set_error (db, rc, _("Could not read the campaign"), error);
  else if (text == NULL)
    g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                 _("The campaign or one of its stages no longer exists"));
  return text;
}

#define CAMPAIGN_JSON(name, brand, goal, starts, ends, budget, kinds, hashtag) \
  "json_object ('name', " name ", 'brand_uid', (SELECT uid FROM brands WHERE id = " brand ")," \
  " 'goal', " goal ", 'starts_at', " starts ", 'ends_at', " ends ", 'budget_cents', " budget "," \
  " 'incentive_kinds', json (" kinds "), 'hashtag', " hashtag ")"

char *
koc_campaigns_fold_hashtag (const char *text)
{
  g_autofree char *folded = NULL;
  const char *p = text;

  if (text == NULL)
    return NULL;
  while (*p == '#' || g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0xFF03)
    p = g_utf8_next_char (p);
  folded = koc_keywords_normalize (p);
  g_strstrip (folded);
  while (*folded != '\0' && folded[strlen (folded) - 1] == '#')
    folded[strlen (folded) - 1] = '\0';
  return *folded != '\0' ? g_steal_pointer (&folded) : NULL;
}

static gboolean
plan_campaign (sqlite3                 *db,
               const KocCampaignDraft  *draft,
               char                   **out_uid,
               GPtrArray               *edits,
               GPtrArray               *undo,
               GError                 **error)
{
  g_autofree char *kinds = NULL, *now = NULL, *before = NULL;
  g_autofree char *hashtag = koc_campaigns_fold_hashtag (draft->hashtag);
  g_autoptr(GString) json = g_string_new ("[");
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; draft->incentive_kinds != NULL && draft->incentive_kinds[i] != NULL; i++)
    {
      g_autofree char *escaped = g_strescape (draft->incentive_kinds[i], NULL);

      g_string_append_printf (json, "%s\"%s\"", i > 0 ? "," : "", escaped);
    }
  g_string_append_c (json, ']');

  if (!koc_db_prepare (db, "SELECT uid FROM campaigns WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, draft->campaign_id);
  if ((*out_uid = query_text (db, stmt, error)) == NULL)
    return FALSE;

  if (!koc_db_prepare (db, "SELECT " CAMPAIGN_JSON ("?1", "?2", "nullif (?3, '')", "?4", "?5", "?6", "?7", "?8"),
                       &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, draft->name, -1, SQLITE_STATIC);
  bind_optional (stmt, 2, draft->brand_id);
  sqlite3_bind_text (stmt, 3, draft->goal, -1, SQLITE_STATIC);
  bind_optional (stmt, 4, draft->starts_at);
  bind_optional (stmt, 5, draft->ends_at);
  bind_optional (stmt, 6, draft->budget_cents);
  sqlite3_bind_text (stmt, 7, json->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, hashtag, -1, SQLITE_STATIC);
  if ((now = query_text (db, stmt, error)) == NULL)
    return FALSE;

  if (!koc_db_prepare (db, "SELECT " CAMPAIGN_JSON ("name", "brand_id", "goal", "starts_at",
                                                    "ends_at", "budget_cents", "incentive_kinds",
                                                    "hashtag")
                       " FROM campaigns WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, draft->campaign_id);
  if ((before = query_text (db, stmt, error)) == NULL)
    return FALSE;

  if (g_strcmp0 (now, before) != 0)
    {
      g_ptr_array_add (edits, koc_sync_edit_new ("campaign", *out_uid, "upsert", now));
      g_ptr_array_add (undo, koc_sync_edit_new ("campaign", *out_uid, "upsert", before));
    }
  return TRUE;
}

static char *
stage_json (sqlite3      *db,
            const char   *campaign_uid,
            const char   *name,
            gint64        position,
            GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!koc_db_prepare (db, "SELECT json_object ('campaign_uid', ?1, 'name', ?2, 'position', ?3)",
                       &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, campaign_uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, position);
  return query_text (db, stmt, error);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
validate (const KocCampaignDraft  *draft,
          GError                 **error)
{
  g_autofree char *name = g_strstrip (g_strdup (draft->name != NULL ? draft->name : ""));

  if (*name == '\0')
    return invalid (error, _("A campaign needs a name"));
  if (draft->starts_at != 0 && draft->ends_at != 0 && draft->ends_at < draft->starts_at)
    return invalid (error, _("The campaign cannot end before it starts"));
  if (draft->budget_cents < 0)
    return invalid (error, _("The budget cannot be negative"));
  if (draft->stages == NULL || draft->stages->len == 0)
    return invalid (error, _("A campaign needs at least one stage"));
  for (guint i = 0; i < draft->stages->len; i++)
    {
      const KocStageDraft *stage = draft->stages->pdata[i];
      g_autofree char *stage_name = g_strstrip (g_strdup (stage->name != NULL ? stage->name : ""));

      if (*stage_name == '\0')
        return invalid (error, _("Every stage needs a name"));
    }
  return TRUE;
}

GPtrArray *
koc_campaigns_plan_settings (sqlite3                 *db,
                             const KocCampaignDraft  *draft,
                             GPtrArray              **undo,
                             GError                 **error)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_sync_edit_free);
  g_autoptr(GPtrArray) undos = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_sync_edit_free);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *campaign_uid = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!validate (draft, error) || !plan_campaign (db, draft, &campaign_uid, edits, undos, error))
    return NULL;

  /* Stages kept, renamed, moved or new, in the draft's order. */
  for (guint i = 0; i < draft->stages->len; i++)
    {
      KocStageDraft *stage = draft->stages->pdata[i];
      g_autofree char *name = g_strstrip (g_strdup (stage->name));
      g_autofree char *fields = NULL;

      if (stage->id == 0)
        {
          char *uid = koc_entity_uid_new ();

          if ((fields = stage_json (db, campaign_uid, name, i, error)) == NULL)
            {
              g_free (uid);
              return NULL;
            }
          g_ptr_array_add (edits, koc_sync_edit_new ("campaign_stage", uid, "upsert", fields));
          g_ptr_array_add (undos, koc_sync_edit_new ("campaign_stage", uid, "delete", NULL));
          g_free (uid);
          continue;
        }
      g_hash_table_add (kept, &stage->id);
      if (!koc_db_prepare (db, "SELECT uid, name, position FROM campaign_stages"
                           " WHERE id = ?1 AND campaign_id = ?2", &stmt, error))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, stage->id);
      sqlite3_bind_int64 (stmt, 2, draft->campaign_id);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        {
          sqlite3_finalize (stmt);
          if (rc != SQLITE_DONE)
            koc_db_set_error (db, rc, _("Could not read the board"), error);
          else
            invalid (error, _("The campaign or one of its stages no longer exists"));
          return NULL;
        }
      if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), name) != 0 ||
          sqlite3_column_int64 (stmt, 2) != i)
        {
          g_autofree char *uid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
          g_autofree char *old_name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
          gint64 old_position = sqlite3_column_int64 (stmt, 2);
          g_autofree char *before = NULL;

          sqlite3_finalize (stmt);
          stmt = NULL;
          if ((fields = stage_json (db, campaign_uid, name, i, error)) == NULL ||
              (before = stage_json (db, campaign_uid, old_name, old_position, error)) == NULL)
            return NULL;
          g_ptr_array_add (edits, koc_sync_edit_new ("campaign_stage", uid, "upsert", fields));
          g_ptr_array_add (undos, koc_sync_edit_new ("campaign_stage", uid, "upsert", before));
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  /* Stages removed: only empty ones. */
  if (!koc_db_prepare (db, "SELECT s.id, s.uid, s.name, s.position, (SELECT count(*) FROM cards"
                       " WHERE stage_id = s.id) FROM campaign_stages s WHERE s.campaign_id = ?1"
                       " ORDER BY s.position, s.id", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, draft->campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *uid = (const char *)sqlite3_column_text (stmt, 1);
      const char *name = (const char *)sqlite3_column_text (stmt, 2);
      g_autofree char *before = NULL;

      if (g_hash_table_contains (kept, &id))
        continue;
      if (sqlite3_column_int64 (stmt, 4) > 0)
        {
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                       _("The stage “%s” still has cards: move them to another stage first"),
                       name);
          sqlite3_finalize (stmt);
          return NULL;
        }
      if ((before = stage_json (db, campaign_uid, name, sqlite3_column_int64 (stmt, 3), error)) == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_ptr_array_add (edits, koc_sync_edit_new ("campaign_stage", uid, "delete", NULL));
      g_ptr_array_add (undos, koc_sync_edit_new ("campaign_stage", uid, "upsert", before));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the board"), error);
      return NULL;
    }

  /* Undo in reverse order. */
  for (guint i = 0, j = undos->len; i + 1 < j; i++, j--)
    {
      gpointer swap = undos->pdata[i];

      undos->pdata[i] = undos->pdata[j - 1];
      undos->pdata[j - 1] = swap;
    }
  *undo = g_steal_pointer (&undos);
  return g_steal_pointer (&edits);
}

static gboolean
save_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) undo = NULL;
  KocCampaignDraft *draft = data;
  g_autoptr(GPtrArray) edits = koc_campaigns_plan_settings (db, draft, &undo, error);

  if (edits == NULL || !koc_sync_batch_apply (db, edits, NULL, error))
    return FALSE;
  if (draft->emv_rates != NULL &&
      !koc_campaigns_save_emv_rates (db, (const KocEmvRate *)(void *)draft->emv_rates->data,
                                     draft->emv_rates->len, error))
    return FALSE;
  *result = g_steal_pointer (&undo);
  return TRUE;
}

void
koc_campaigns_save_settings_async (KocStore            *store,
                                   KocCampaignDraft    *draft,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  koc_store_write_async (store, save_func, draft, (GDestroyNotify)koc_campaign_draft_free,
                         (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
koc_campaigns_save_settings_finish (KocStore      *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  gpointer undo = NULL;

  if (!koc_store_run_finish (store, result, &undo, error))
    return NULL;
  return undo;
}
