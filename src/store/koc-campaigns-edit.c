/* koc-campaigns-edit.c: creating and editing campaigns and stages, and planning card
 * moves (see koc-campaigns.h).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koc-campaigns.h"
#include "koc-db.h"
#include "koc-store.h"

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

static char *
kinds_json (const char * const *kinds)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      g_autofree char *escaped = g_strescape (kinds[i], NULL);

      g_string_append_printf (json, "%s\"%s\"", i > 0 ? "," : "", escaped);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           index,
                   gint64        value)
{
  if (value != 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

gint64
koc_campaigns_create (sqlite3                *db,
                      const KocCampaignSpec  *spec,
                      GError                **error)
{
  const char * const *stages = spec->stages != NULL ? spec->stages : koc_campaigns_default_stages ();
  g_autofree char *kinds = kinds_json (spec->incentive_kinds);
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  if (spec->name == NULL || *spec->name == '\0')
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("A campaign needs a name"));
      return 0;
    }
  if (!koc_db_prepare (db, "INSERT INTO campaigns (brand_id, name, goal, starts_at, ends_at,"
                       " budget_cents, status, incentive_kinds) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                       " coalesce (?7, 'draft'), ?8)", &stmt, error))
    return 0;
  bind_optional_int (stmt, 1, spec->brand_id);
  sqlite3_bind_text (stmt, 2, spec->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, spec->goal, -1, SQLITE_STATIC);
  bind_optional_int (stmt, 4, spec->starts_at);
  bind_optional_int (stmt, 5, spec->ends_at);
  if (spec->budget_cents > 0)
    sqlite3_bind_int64 (stmt, 6, spec->budget_cents);
  sqlite3_bind_text (stmt, 7, spec->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, kinds, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, _("Could not create the campaign"), error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  for (guint i = 0; stages[i] != NULL; i++)
    if (koc_campaigns_add_stage (db, id, stages[i], error) == 0)
      return 0;
  return id;
}

gboolean
koc_campaigns_update (sqlite3                *db,
                      gint64                  campaign_id,
                      const KocCampaignSpec  *spec,
                      GError                **error)
{
  g_autofree char *kinds = spec->incentive_kinds != NULL ? kinds_json (spec->incentive_kinds) : NULL;
  sqlite3_stmt *stmt = NULL;

  if (spec->name != NULL && *spec->name == '\0')
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("A campaign needs a name"));
      return FALSE;
    }
  if (!koc_db_prepare (db, "UPDATE campaigns SET name = coalesce (?2, name),"
                       " goal = coalesce (?3, goal), brand_id = coalesce (?4, brand_id),"
                       " starts_at = coalesce (?5, starts_at), ends_at = coalesce (?6, ends_at),"
                       " budget_cents = CASE WHEN ?7 < 0 THEN budget_cents ELSE ?7 END,"
                       " status = coalesce (?8, status),"
                       " incentive_kinds = coalesce (?9, incentive_kinds) WHERE id = ?1",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, spec->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, spec->goal, -1, SQLITE_STATIC);
  bind_optional_int (stmt, 4, spec->brand_id);
  bind_optional_int (stmt, 5, spec->starts_at);
  bind_optional_int (stmt, 6, spec->ends_at);
  sqlite3_bind_int64 (stmt, 7, spec->budget_cents);
  sqlite3_bind_text (stmt, 8, spec->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, kinds, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, _("Could not save the campaign"), error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("There is no campaign %lld"), (long long)campaign_id);
      return FALSE;
    }
  return TRUE;
}

gint64
koc_campaigns_add_stage (sqlite3     *db,
                         gint64       campaign_id,
                         const char  *name,
                         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!koc_db_prepare (db, "INSERT INTO campaign_stages (campaign_id, name, position)"
                       " SELECT ?1, ?2, coalesce (max (position) + 1, 0) FROM campaign_stages"
                       " WHERE campaign_id = ?1", &stmt, error))
    return 0;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, _("Could not add the stage"), error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

gboolean
koc_campaigns_reorder_stages (sqlite3       *db,
                              gint64         campaign_id,
                              const gint64  *stage_ids,
                              guint          n_stage_ids,
                              GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (!koc_db_prepare (db, "SELECT count(*) FROM campaign_stages WHERE campaign_id = ?1",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  for (guint i = 0; i < n_stage_ids; i++)
    for (guint j = 0; j < i; j++)
      if (stage_ids[i] == stage_ids[j])
        n = -1;
  if (n != n_stage_ids)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("The new order must name every stage of the campaign once"));
      return FALSE;
    }
  for (guint i = 0; i < n_stage_ids; i++)
    {
      if (!koc_db_prepare (db, "UPDATE campaign_stages SET position = ?3"
                           " WHERE id = ?2 AND campaign_id = ?1", &stmt, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      sqlite3_bind_int64 (stmt, 2, stage_ids[i]);
      sqlite3_bind_int64 (stmt, 3, i);
      if (!step_done (db, stmt, _("Could not reorder the stages"), error))
        return FALSE;
      if (sqlite3_changes (db) != 1)
        {
          g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                       _("The new order must name every stage of the campaign once"));
          return FALSE;
        }
    }
  /* A stage named twice leaves another at its old position: a duplicate. */
  if (!koc_db_prepare (db, "SELECT count(DISTINCT position) FROM campaign_stages"
                       " WHERE campaign_id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (n != n_stage_ids)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("The new order must name every stage of the campaign once"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64  id;
  char   *uid;
  double  position;
} ColumnCard;

static void
column_card_clear (gpointer data)
{
  g_free (((ColumnCard *)data)->uid);
}

static char *
fields_json (const char *stage_uid,
             double      position)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("{\"stage_uid\":\"%s\",\"position\":%s}", stage_uid,
                          g_ascii_dtostr (buffer, sizeof buffer, position));
}

static KocCardEdit *
card_edit_new (const char *uid,
               const char *stage_uid,
               double      position,
               const char *old_stage_uid,
               double      old_position)
{
  KocCardEdit *edit = g_new0 (KocCardEdit, 1);

  edit->card_uid = g_strdup (uid);
  edit->fields_json = fields_json (stage_uid, position);
  edit->previous_json = fields_json (old_stage_uid, old_position);
  return edit;
}

GPtrArray *
koc_campaigns_plan_move (sqlite3  *db,
                         gint64    card_id,
                         gint64    stage_id,
                         guint     index,
                         GError  **error)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_card_edit_free);
  g_autoptr(GArray) column = g_array_new (FALSE, TRUE, sizeof (ColumnCard));
  g_autofree char *uid = NULL, *old_stage_uid = NULL, *stage_uid = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 old_stage_id = 0, current_index = -1;
  double old_position = 0, position;
  int rc;

  g_array_set_clear_func (column, column_card_clear);
  if (!koc_db_prepare (db, "SELECT k.uid, k.stage_id, s.uid, k.position, t.uid FROM cards k"
                       " JOIN campaign_stages s ON s.id = k.stage_id JOIN campaign_stages t"
                       " ON t.id = ?2 AND t.campaign_id = k.campaign_id WHERE k.id = ?1",
                       &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, card_id);
  sqlite3_bind_int64 (stmt, 2, stage_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      uid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      old_stage_id = sqlite3_column_int64 (stmt, 1);
      old_stage_uid = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      old_position = sqlite3_column_double (stmt, 3);
      stage_uid = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
    }
  sqlite3_finalize (stmt);
  if (uid == NULL)
    {
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        koc_db_set_error (db, rc, _("Could not read the card"), error);
      else
        g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                     _("The card or the stage no longer exists"));
      return NULL;
    }

  /* The target column without the card, in board order. */
  if (!koc_db_prepare (db, "SELECT id, uid, position FROM cards WHERE stage_id = ?1"
                       " ORDER BY position, id", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stage_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ColumnCard c = { sqlite3_column_int64 (stmt, 0), NULL, sqlite3_column_double (stmt, 2) };

      if (c.id == card_id)
        {
          current_index = column->len;
          continue;
        }
      c.uid = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      g_array_append_val (column, c);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the board"), error);
      return NULL;
    }

  index = MIN (index, column->len);
  if (old_stage_id == stage_id && current_index == index)
    return g_steal_pointer (&edits); /* already there */

  if (column->len == 0)
    position = 0;
  else if (index == 0)
    position = g_array_index (column, ColumnCard, 0).position - 1;
  else if (index == column->len)
    position = g_array_index (column, ColumnCard, column->len - 1).position + 1;
  else
    {
      double before = g_array_index (column, ColumnCard, index - 1).position;
      double after = g_array_index (column, ColumnCard, index).position;

      position = before + (after - before) / 2;
      if (!(position > before && position < after))
        {
          /* No room: renumber the column 0, 1, 2… with the card at @index. */
          for (guint i = 0, p = 0; i <= column->len; i++, p++)
            {
              ColumnCard *c;

              if (i == index)
                {
                  g_ptr_array_add (edits, card_edit_new (uid, stage_uid, p, old_stage_uid,
                                                         old_position));
                  p++;
                }
              if (i == column->len)
                break;
              c = &g_array_index (column, ColumnCard, i);
              if (c->position != p)
                g_ptr_array_add (edits, card_edit_new (c->uid, stage_uid, p, stage_uid,
                                                       c->position));
            }
          return g_steal_pointer (&edits);
        }
    }
  g_ptr_array_add (edits, card_edit_new (uid, stage_uid, position, old_stage_uid, old_position));
  return g_steal_pointer (&edits);
}

char *
koc_campaigns_plan_add_card (sqlite3     *db,
                             gint64       campaign_id,
                             gint64       person_id,
                             gint64       stage_id,
                             char       **out_uid,
                             GError     **error)
{
  g_autofree char *campaign_uid = NULL, *person_uid = NULL, *stage_uid = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  sqlite3_stmt *stmt = NULL;
  double position = 0;
  gboolean exists = FALSE;
  int rc;

  *out_uid = NULL;
  if (!koc_db_prepare (db, "SELECT c.uid, p.uid, s.uid, (SELECT coalesce (max (position) + 1, 0)"
                       " FROM cards WHERE stage_id = s.id), EXISTS (SELECT 1 FROM cards"
                       " WHERE campaign_id = c.id AND person_id = p.id) FROM campaigns c"
                       " JOIN people p ON p.id = ?2 JOIN campaign_stages s ON s.campaign_id = c.id"
                       " AND (s.id = ?3 OR ?3 = 0) WHERE c.id = ?1 ORDER BY s.position, s.id"
                       " LIMIT 1", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, stage_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      campaign_uid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      person_uid = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      stage_uid = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      position = sqlite3_column_double (stmt, 3);
      exists = sqlite3_column_int (stmt, 4);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the board"), error);
      return NULL;
    }
  if (campaign_uid == NULL)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID,
                   _("The campaign, its stage or the person no longer exists"));
      return NULL;
    }
  if (exists)
    return NULL;
  *out_uid = g_uuid_string_random ();
  /* A uid of 32 hex digits, like the schema's. */
  {
    char *w = *out_uid;

    for (const char *r = *out_uid; *r != '\0'; r++)
      if (*r != '-')
        *w++ = *r;
    *w = '\0';
  }
  return g_strdup_printf ("{\"campaign_uid\":\"%s\",\"person_uid\":\"%s\",\"stage_uid\":\"%s\","
                          "\"position\":%s}", campaign_uid, person_uid, stage_uid,
                          g_ascii_dtostr (buffer, sizeof buffer, position));
}
