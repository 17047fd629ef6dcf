/* koc-person-crm.c: the relationship part of a person's profile — stage history, notes,
 * interactions, campaign cards and rewards — and freeing a profile.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-person-private.h"

static void
stage_change_free (gpointer data)
{
  KocPersonStageChange *c = data;

  g_free (c->from_stage);
  g_free (c->to_stage);
  g_free (c);
}

static void
note_free (gpointer data)
{
  KocPersonNote *n = data;

  g_free (n->body);
  g_free (n->author);
  g_free (n);
}

static void
interaction_free (gpointer data)
{
  KocPersonInteraction *i = data;

  g_free (i->channel);
  g_free (i->summary);
  g_free (i->author);
  g_free (i->campaign_name);
  g_free (i);
}

static void
campaign_free (gpointer data)
{
  KocPersonCampaign *c = data;

  g_free (c->campaign_name);
  g_free (c->campaign_status);
  g_free (c->brand_name);
  g_free (c->stage_name);
  g_free (c->owner);
  g_free (c);
}

static void
reward_free (gpointer data)
{
  KocPersonReward *r = data;

  g_free (r->kind);
  g_free (r->note);
  g_free (r->campaign_name);
  g_free (r);
}

gboolean
koc_person_load_relationship (sqlite3          *db,
                              KocPersonProfile *profile,
                              GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  profile->stage_history = g_ptr_array_new_with_free_func (stage_change_free);
  profile->notes = g_ptr_array_new_with_free_func (note_free);
  profile->interactions = g_ptr_array_new_with_free_func (interaction_free);
  profile->campaigns = g_ptr_array_new_with_free_func (campaign_free);
  profile->rewards = g_ptr_array_new_with_free_func (reward_free);

  stmt = koc_person_prepare (db, "SELECT from_stage, to_stage, changed_at FROM stage_history"
                                 " WHERE person_id = ?1 ORDER BY changed_at, id", profile->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocPersonStageChange *c = g_new0 (KocPersonStageChange, 1);

      c->from_stage = koc_person_column_text (stmt, 0);
      c->to_stage = koc_person_column_text (stmt, 1);
      c->changed_at = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (profile->stage_history, c);
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;

  stmt = koc_person_prepare (db, "SELECT id, body, author, created_at, updated_at FROM notes"
                                 " WHERE person_id = ?1 ORDER BY created_at DESC, id DESC", profile->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocPersonNote *n = g_new0 (KocPersonNote, 1);

      n->id = sqlite3_column_int64 (stmt, 0);
      n->body = koc_person_column_text (stmt, 1);
      n->author = koc_person_column_text (stmt, 2);
      n->created_at = sqlite3_column_int64 (stmt, 3);
      n->updated_at = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (profile->notes, n);
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;

  stmt = koc_person_prepare (db, "SELECT i.id, i.channel, i.happened_at, i.summary, i.author,"
                                 " coalesce (i.campaign_id, 0), c.name FROM interactions i"
                                 " LEFT JOIN campaigns c ON c.id = i.campaign_id"
                                 " WHERE i.person_id = ?1 ORDER BY i.happened_at DESC, i.id DESC",
                             profile->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocPersonInteraction *i = g_new0 (KocPersonInteraction, 1);

      i->id = sqlite3_column_int64 (stmt, 0);
      i->channel = koc_person_column_text (stmt, 1);
      i->happened_at = sqlite3_column_int64 (stmt, 2);
      i->summary = koc_person_column_text (stmt, 3);
      i->author = koc_person_column_text (stmt, 4);
      i->campaign_id = sqlite3_column_int64 (stmt, 5);
      i->campaign_name = koc_person_column_text (stmt, 6);
      g_ptr_array_add (profile->interactions, i);
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;

  stmt = koc_person_prepare (db, "SELECT cd.id, c.id, c.name, c.status, b.name, s.name, cd.owner,"
                                 " coalesce (cd.due_at, 0),"
                                 " (SELECT count(*) FROM card_deliverables WHERE card_id = cd.id),"
                                 " (SELECT count(*) FROM incentives WHERE card_id = cd.id)"
                                 " FROM cards cd JOIN campaigns c ON c.id = cd.campaign_id"
                                 " JOIN campaign_stages s ON s.id = cd.stage_id"
                                 " LEFT JOIN brands b ON b.id = c.brand_id"
                                 " WHERE cd.person_id = ?1"
                                 " ORDER BY coalesce (c.starts_at, c.created_at) DESC, c.id DESC",
                             profile->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocPersonCampaign *c = g_new0 (KocPersonCampaign, 1);

      c->card_id = sqlite3_column_int64 (stmt, 0);
      c->campaign_id = sqlite3_column_int64 (stmt, 1);
      c->campaign_name = koc_person_column_text (stmt, 2);
      c->campaign_status = koc_person_column_text (stmt, 3);
      c->brand_name = koc_person_column_text (stmt, 4);
      c->stage_name = koc_person_column_text (stmt, 5);
      c->owner = koc_person_column_text (stmt, 6);
      c->due_at = sqlite3_column_int64 (stmt, 7);
      c->deliverables = (guint) sqlite3_column_int64 (stmt, 8);
      c->incentives = (guint) sqlite3_column_int64 (stmt, 9);
      g_ptr_array_add (profile->campaigns, c);
    }
  if (!koc_person_finish (db, stmt, rc, error))
    return FALSE;

  stmt = koc_person_prepare (db, "SELECT r.id, r.kind, r.points, r.value_cents, r.note, r.given_at, c.name"
                                 " FROM rewards r LEFT JOIN campaigns c ON c.id = r.campaign_id"
                                 " WHERE r.person_id = ?1 ORDER BY r.given_at DESC, r.id DESC",
                             profile->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocPersonReward *r = g_new0 (KocPersonReward, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->kind = koc_person_column_text (stmt, 1);
      r->points = sqlite3_column_int64 (stmt, 2);
      r->value_cents = sqlite3_column_int64 (stmt, 3);
      r->note = koc_person_column_text (stmt, 4);
      r->given_at = sqlite3_column_int64 (stmt, 5);
      r->campaign_name = koc_person_column_text (stmt, 6);
      g_ptr_array_add (profile->rewards, r);
    }
  return koc_person_finish (db, stmt, rc, error);
}

void
koc_person_profile_free (KocPersonProfile *profile)
{
  if (profile == NULL)
    return;

  g_free (profile->uid);
  g_free (profile->display_name);
  g_free (profile->stage);
  g_free (profile->owner);
  g_free (profile->region);
  g_free (profile->category);
  g_free (profile->bio);
  g_free (profile->email);
  g_free (profile->phone);
  g_free (profile->wechat);
  g_free (profile->consent);
  g_free (profile->score_breakdown);
  g_strfreev (profile->tags);

  g_clear_pointer (&profile->accounts, g_ptr_array_unref);
  if (profile->score_parts != NULL)
    {
      for (guint i = 0; i < profile->score_parts->len; i++)
        {
          g_free (g_array_index (profile->score_parts, KocPersonScorePart, i).key);
          g_free (g_array_index (profile->score_parts, KocPersonScorePart, i).formula);
        }
      g_array_unref (profile->score_parts);
    }
  g_clear_pointer (&profile->months, g_array_unref);
  g_clear_pointer (&profile->kinds, g_ptr_array_unref);
  g_clear_pointer (&profile->brands, g_ptr_array_unref);
  g_clear_pointer (&profile->stage_history, g_ptr_array_unref);
  g_clear_pointer (&profile->notes, g_ptr_array_unref);
  g_clear_pointer (&profile->interactions, g_ptr_array_unref);
  g_clear_pointer (&profile->campaigns, g_ptr_array_unref);
  g_clear_pointer (&profile->rewards, g_ptr_array_unref);
  g_clear_pointer (&profile->top_posts, g_ptr_array_unref);
  g_free (profile);
}
