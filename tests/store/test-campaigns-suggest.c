/* test-campaigns-suggest.c: deliverable suggestions against hand-made rows — by the
 * card's person only, within the campaign's dates (the end day included), by brand
 * mention or by hashtag (folded, without '#'), not the linked ones; confirm links, reject
 * is remembered; the campaign's hashtag folded by the edit plan.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "koc-campaigns.h"
#include "koc-campaigns-settings.h"
#include "koc-db.h"
#include "koc-store.h"
#include "koc-test-utils.h"

/* Campaign 1: brand 1, hashtag "双11种草", 2025-11-01 .. 2025-11-11 (00:00 UTC).
 * Person 1 (two accounts) has card 1; person 2 has card 2. Posts:
 *   1  person 1, 11-02, mentions brand 1                 → suggested (brand)
 *   2  person 1, 11-03, #双11种草                          → suggested (hashtag)
 *   3  person 1, 11-04, brand 1 and the hashtag           → suggested (both)
 *   4  person 1, 10-31, brand 1: before the start          → no
 *   5  person 1, 11-11 18:00, brand 1: the end day         → suggested
 *   6  person 1, 11-12, brand 1: after the end day         → no
 *   7  person 1, 11-05, brand 2 only, another tag          → no
 *   8  person 2, 11-05, brand 1: another person            → no (for card 1)
 *   9  person 1 (second account), 11-06, hashtag          → suggested
 *  10  person 1, 11-07, brand 1, already a deliverable     → no */
static const char rows_sql[] =
  "INSERT INTO brands (id, name) VALUES (1, 'Lumi'), (2, 'Other');"
  "INSERT INTO people (id, display_name) VALUES (1, '林小雨'), (2, 'Ann');"
  "INSERT INTO accounts (id, person_id, platform, handle) VALUES (1, 1, 'xiaohongshu', 'a'),"
  " (2, 1, 'douyin', 'b'), (3, 2, 'weibo', 'c');"
  "INSERT INTO campaigns (id, brand_id, name, starts_at, ends_at, hashtag) VALUES"
  " (1, 1, '双11', 1761955200, 1762819200, '双11种草');"
  "INSERT INTO campaign_stages (id, campaign_id, name, position) VALUES (1, 1, 'S', 0);"
  "INSERT INTO cards (id, campaign_id, person_id, stage_id) VALUES (1, 1, 1, 1), (2, 1, 2, 1);"
  "INSERT INTO posts (id, account_id, published_at, text, likes) VALUES"
  " (1, 1, 1762041600, 'one', 1), (2, 1, 1762128000, 'two', 2), (3, 1, 1762214400, 'three', 3),"
  " (4, 1, 1761868800, 'four', 4), (5, 1, 1762884000, 'five', 5), (6, 1, 1762905600, 'six', 6),"
  " (7, 1, 1762300800, 'seven', 7), (8, 3, 1762300800, 'eight', 8), (9, 2, 1762387200, 'nine', 9),"
  " (10, 1, 1762473600, 'ten', 10);"
  "INSERT INTO post_mentions (post_id, brand_id, published_at) VALUES (1, 1, 0), (3, 1, 0),"
  " (4, 1, 0), (5, 1, 0), (6, 1, 0), (7, 2, 0), (8, 1, 0), (10, 1, 0);"
  "INSERT INTO post_hashtags (post_id, tag) VALUES (2, '双11种草'), (3, '双11种草'), (7, 'other'),"
  " (9, '双11种草');"
  "INSERT INTO card_deliverables (card_id, post_id) VALUES (1, 10);";

static gboolean
exec_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  return koc_db_exec (db, data, error);
}

static gboolean
suggest_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  *result = koc_campaigns_suggest_deliverables (db, *(gint64 *)data, error);
  return *result != NULL;
}

typedef struct
{
  gint64   card_id, post_id;
  gboolean confirm;
} Decision;

static gboolean
decide_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Decision *d = data;

  return d->confirm ? koc_campaigns_confirm_deliverable (db, d->card_id, d->post_id, error)
                    : koc_campaigns_reject_deliverable (db, d->card_id, d->post_id, error);
}

/* The suggested post ids of @card_id, "," joined, with b/h for brand/hashtag. */
static char *
suggested (KocStore *store,
           gint64    card_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (koc_store_run_sync (store, suggest_func, &card_id, (gpointer *)&list, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      KocDeliverableSuggestion *s = list->pdata[i];

      g_string_append_printf (out, "%s%lld%s%s", i > 0 ? "," : "", (long long)s->post_id,
                              s->by_brand ? "b" : "", s->by_hashtag ? "h" : "");
    }
  return g_string_free (out, FALSE);
}

static void
decide (KocStore *store,
        gint64    card_id,
        gint64    post_id,
        gboolean  confirm)
{
  g_autoptr(GError) error = NULL;
  Decision d = { card_id, post_id, confirm };

  g_assert_true (koc_store_write_sync (store, decide_func, &d, NULL, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
int_func (sqlite3       *db,
          gpointer       data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  gint64 value = 0;

  if (!koc_db_query_int64 (db, data, 0, &value, error))
    return FALSE;
  *result = g_memdup2 (&value, sizeof value);
  return TRUE;
}

static gint64
query_int (KocStore   *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *value = NULL;

  g_assert_true (koc_store_run_sync (store, int_func, (gpointer)sql, (gpointer *)&value, NULL, &error));
  g_assert_no_error (error);
  return *value;
}

static void
test_suggestions (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = koc_store_open_sync (path, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_autofree char *list = NULL;

  g_assert_no_error (error);
  g_assert_true (koc_store_write_sync (store, exec_func, (gpointer)rows_sql, NULL, NULL, &error));
  g_assert_no_error (error);

  list = suggested (store, 1);
  g_assert_cmpstr (list, ==, "5b,9h,3bh,2h,1b");
  g_clear_pointer (&list, g_free);
  list = suggested (store, 2);
  g_assert_cmpstr (list, ==, "8b");
  g_clear_pointer (&list, g_free);

  /* Confirm 3: a deliverable now, no longer suggested. Reject 2: remembered. */
  decide (store, 1, 3, TRUE);
  decide (store, 1, 2, FALSE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM card_deliverables WHERE card_id = 1"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM deliverable_rejections"), ==, 1);
  list = suggested (store, 1);
  g_assert_cmpstr (list, ==, "5b,9h,1b");
  g_clear_pointer (&list, g_free);
  /* Rejecting twice is harmless; a rejected post confirmed after all is linked. */
  decide (store, 1, 2, FALSE);
  decide (store, 1, 2, TRUE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM deliverable_rejections"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM card_deliverables WHERE card_id = 1"), ==, 3);

  /* Without dates every post of the person counts; without a hashtag only the brand. */
  g_assert_true (koc_store_write_sync (store, exec_func, (gpointer)"UPDATE campaigns SET starts_at = NULL,"
                                       " ends_at = NULL, hashtag = NULL", NULL, NULL, &error));
  g_assert_no_error (error);
  list = suggested (store, 1);
  g_assert_cmpstr (list, ==, "6b,5b,1b,4b");
  g_clear_object (&store);
  koc_test_rm_rf (dir);
}

static void
test_fold_hashtag (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "#双11种草", "双11种草" },
    { " ＃Lumi秋冬 ", "lumi秋冬" },
    { "#ＡＢＣ#", "abc" },
    { "##", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = koc_campaigns_fold_hashtag (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
  g_assert_null (koc_campaigns_fold_hashtag (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/store/campaigns-suggest/suggestions", test_suggestions);
  g_test_add_func ("/koc/store/campaigns-suggest/fold-hashtag", test_fold_hashtag);
  return g_test_run ();
}
