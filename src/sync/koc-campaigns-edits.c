/* koc-campaigns-edits.c: board edits through the sync outbox (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns"

#include "config.h"

#include "koc-campaigns-edits.h"
#include "koc-sync-identity.h"
#include "koc-sync-store.h"

GPtrArray *
koc_campaigns_move_card (sqlite3  *db,
                         gint64    card_id,
                         gint64    stage_id,
                         guint     index,
                         GError  **error)
{
  g_autoptr(GPtrArray) edits = koc_campaigns_plan_move (db, card_id, stage_id, index, error);

  if (edits == NULL)
    return NULL;
  for (guint i = 0; i < edits->len; i++)
    {
      KocCardEdit *edit = edits->pdata[i];
      g_autofree char *client_id = koc_sync_store_enqueue (db, "card", edit->card_uid, "upsert",
                                                           edit->fields_json, error);

      if (client_id == NULL)
        return NULL;
    }
  return g_steal_pointer (&edits);
}

gboolean
koc_campaigns_revert_edits (sqlite3    *db,
                            GPtrArray  *edits,
                            GError    **error)
{
  for (guint i = edits->len; i > 0; i--)
    {
      KocCardEdit *edit = edits->pdata[i - 1];
      g_autofree char *client_id = koc_sync_store_enqueue (db, "card", edit->card_uid, "upsert",
                                                           edit->previous_json, error);

      if (client_id == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
koc_campaigns_remove_card (sqlite3     *db,
                           const char  *card_uid,
                           GError     **error)
{
  g_autofree char *client_id = koc_sync_store_enqueue (db, "card", card_uid, "delete", NULL, error);

  return client_id != NULL;
}

gint64
koc_campaigns_add_people (sqlite3       *db,
                          gint64         campaign_id,
                          gint64         stage_id,
                          const gint64  *person_ids,
                          guint          n_person_ids,
                          GError       **error)
{
  gint64 added = 0;

  for (guint i = 0; i < n_person_ids; i++)
    {
      g_autofree char *uid = NULL, *client_id = NULL;
      g_autofree char *fields = koc_campaigns_plan_add_card (db, campaign_id, person_ids[i],
                                                             stage_id, &uid, error);

      if (fields == NULL)
        {
          if (error != NULL && *error != NULL)
            return -1;
          continue; /* already on the board */
        }
      if ((client_id = koc_sync_store_enqueue (db, "card", uid, "upsert", fields, error)) == NULL)
        return -1;
      added++;
    }
  return added;
}

gboolean
koc_campaigns_outbox_code_writer (sqlite3     *db,
                                  const char  *uid,
                                  const char  *code,
                                  const char  *person_uid,
                                  const char  *campaign_uid,
                                  gpointer     data,
                                  GError     **error)
{
  g_autofree char *fields = g_strdup_printf ("{\"code\":\"%s\",\"person_uid\":\"%s\","
                                             "\"campaign_uid\":\"%s\"}", code, person_uid,
                                             campaign_uid);
  g_autofree char *client_id = koc_sync_store_enqueue (db, "referral_code", uid, "upsert", fields,
                                                       error);

  return client_id != NULL;
}

typedef struct
{
  gint64     card_id;
  gint64     stage_id;
  guint      index;
  char      *card_uid;
  GPtrArray *edits;
} EditData;

static void
edit_data_free (gpointer data)
{
  EditData *d = data;

  g_free (d->card_uid);
  g_clear_pointer (&d->edits, g_ptr_array_unref);
  g_free (d);
}

static gboolean
move_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  EditData *d = data;

  *result = koc_campaigns_move_card (db, d->card_id, d->stage_id, d->index, error);
  return *result != NULL;
}

static gboolean
revert_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  return koc_campaigns_revert_edits (db, ((EditData *)data)->edits, error);
}

static gboolean
remove_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  return koc_campaigns_remove_card (db, ((EditData *)data)->card_uid, error);
}

void
koc_campaigns_move_card_async (KocStore            *store,
                               gint64               card_id,
                               gint64               stage_id,
                               guint                index,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  EditData *d = g_new0 (EditData, 1);

  d->card_id = card_id;
  d->stage_id = stage_id;
  d->index = index;
  koc_store_write_async (store, move_func, d, edit_data_free, (GDestroyNotify)g_ptr_array_unref,
                         cancellable, callback, user_data);
}

GPtrArray *
koc_campaigns_move_card_finish (KocStore      *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  gpointer edits = NULL;

  if (!koc_store_run_finish (store, result, &edits, error))
    return NULL;
  return edits;
}

void
koc_campaigns_revert_edits_async (KocStore            *store,
                                  GPtrArray           *edits,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  EditData *d = g_new0 (EditData, 1);

  d->edits = g_ptr_array_ref (edits);
  koc_store_write_async (store, revert_func, d, edit_data_free, NULL, cancellable, callback,
                         user_data);
}

void
koc_campaigns_remove_card_async (KocStore            *store,
                                 const char          *card_uid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  EditData *d = g_new0 (EditData, 1);

  d->card_uid = g_strdup (card_uid);
  koc_store_write_async (store, remove_func, d, edit_data_free, NULL, cancellable, callback,
                         user_data);
}

gboolean
koc_campaigns_edit_finish (KocStore      *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  return koc_store_run_finish (store, result, NULL, error);
}

gint64
koc_campaigns_create_synced (sqlite3                *db,
                             const KocCampaignSpec  *spec,
                             GError                **error)
{
  g_autoptr(KocSyncCapture) capture = koc_sync_capture_begin (db, error);
  gint64 id;

  if (capture == NULL || (id = koc_campaigns_create (db, spec, error)) == 0 ||
      !koc_sync_capture_enqueue (db, g_steal_pointer (&capture), NULL, error))
    return 0;
  return id;
}
