/* test-campaign-report.c: the campaign report PDF against hand-made rows — two A4 pages,
 * the Chinese names and the hand-computed numbers in the text (pdftotext), every font
 * embedded (pdffonts); and `kocdesk-cli report campaign` (the monthly `report` still
 * answers as before).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "koc-campaign-report.h"
#include "koc-db.h"
#include "koc-store.h"
#include "koc-test-utils.h"

/* Two xiaohongshu posts (engagement 20 and 30, views 1,000 and 200) in two weeks, two
 * redemptions (¥30 + ¥45.50), an incentive of ¥100 (another cancelled) and a reward of
 * ¥25: EMV = 1,200 × 5 + 50 × 150 fen = ¥135 (the default values), cost ¥125, cost per
 * engagement ¥2.50. */
static const char rows_sql[] =
  "INSERT INTO brands (id, name) VALUES (1, '星屿');"
  "INSERT INTO people (id, display_name) VALUES (1, '林小雨'), (2, 'Ann');"
  "INSERT INTO accounts (id, person_id, platform, handle) VALUES (1, 1, 'xiaohongshu', 'lxy'),"
  " (2, 2, 'xiaohongshu', 'ann');"
  "INSERT INTO posts (id, account_id, published_at, likes, comments, shares, saves, views) VALUES"
  " (1, 1, 1762214400, 10, 5, 3, 2, 1000),"      /* 2025-11-04 */
  " (2, 2, 1762819200, 30, 0, 0, 0, 200);"       /* 2025-11-11 */
  "INSERT INTO campaigns (id, brand_id, name, goal, starts_at, ends_at, budget_cents) VALUES"
  " (1, 1, '双11 种草', '新品上市', 1761955200, 1764460800, 500000);"
  "INSERT INTO campaign_stages (id, campaign_id, name, position) VALUES"
  " (1, 1, '待联系', 0), (2, 1, '已寄样', 1), (3, 1, '已发布', 2);"
  "INSERT INTO cards (id, campaign_id, person_id, stage_id) VALUES (1, 1, 1, 3), (2, 1, 2, 2);"
  "INSERT INTO card_deliverables (card_id, post_id) VALUES (1, 1), (2, 2);"
  "INSERT INTO incentives (card_id, kind, value_cents, status) VALUES (1, 'seeding', 10000, 'sent'),"
  " (2, 'seeding', 5000, 'cancelled');"
  "INSERT INTO rewards (person_id, campaign_id, kind, value_cents) VALUES (1, 1, 'gift', 2500);"
  "INSERT INTO referral_codes (id, code, person_id, campaign_id) VALUES (1, 'LXY-2K9Q', 1, 1);"
  "INSERT INTO redemptions (code_id, redeemed_at, order_ref, revenue_cents) VALUES"
  " (1, 1762300800, 'o1', 3000), (1, 1762905600, 'o2', 4550);";

typedef struct
{
  char     *dir;
  char     *db;
  KocStore *store;
} Fixture;

static gboolean
exec_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  return koc_db_exec (db, data, error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = koc_test_make_tmp_dir ();
  f->db = g_build_filename (f->dir, "w.db", NULL);
  f->store = koc_store_open_sync (f->db, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koc_store_write_sync (f->store, exec_func, (gpointer)rows_sql, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  koc_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static gboolean
have_poppler (void)
{
  const char *tools[] = { "pdfinfo", "pdftotext", "pdffonts" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_test_skip ("poppler-utils (pdfinfo, pdftotext, pdffonts) are not installed");
          return FALSE;
        }
    }
  return TRUE;
}

static char *
run (const char * const *argv,
     int                *status,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  *status = WEXITSTATUS (wait_status);
  return out;
}

static gboolean
gather_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  *result = koc_campaign_report_gather (db, *(gint64 *)data, error);
  return *result != NULL;
}

static void
assert_report_pdf (const char *pdf)
{
  g_autofree char *info = NULL, *text = NULL, *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  info = run ((const char *[]) { "pdfinfo", pdf, NULL }, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_regex_match_simple ("^Pages:\\s+2$", info, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (info, "595 x 842 pts (A4)"));
  g_assert_true (g_regex_match_simple ("^Title:\\s+双11 种草$", info, G_REGEX_MULTILINE, 0));

  text = run ((const char *[]) { "pdftotext", "-layout", pdf, "-", NULL }, &status, NULL);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Campaign report — 双11 种草"));
  g_assert_nonnull (strstr (text, "星屿"));
  g_assert_nonnull (strstr (text, "2025-11-01 – 2025-11-30"));
  g_assert_nonnull (strstr (text, "Goal: 新品上市"));
  g_assert_nonnull (strstr (text, "Budget: ¥5000"));
  g_assert_nonnull (strstr (text, "Posts: 2 · engagement 50 · views 1200"));
  g_assert_nonnull (strstr (text, "EMV (an estimate from per-platform values): ¥135"));
  g_assert_nonnull (strstr (text, "Redemptions: 2 · revenue ¥75.50"));
  g_assert_nonnull (strstr (text, "Cost (incentives and rewards): ¥125"));
  g_assert_nonnull (strstr (text, "Cost per engagement: ¥2.50"));
  /* The funnel: every stage, the cards at it or beyond. */
  g_assert_true (g_regex_match_simple ("待联系\\s+2", text, 0, 0));
  g_assert_true (g_regex_match_simple ("已寄样\\s+2 · 100%", text, 0, 0));
  g_assert_true (g_regex_match_simple ("已发布\\s+1 · 50%", text, 0, 0));
  /* Page two: the charts' titles, the top performers in order, the EMV values. */
  g_assert_nonnull (strstr (text, "Posts and engagement per week"));
  g_assert_nonnull (strstr (text, "Referral revenue per week"));
  g_assert_nonnull (strstr (text, "1. Ann — engagement 30 · revenue ¥0"));
  g_assert_nonnull (strstr (text, "2. 林小雨 — engagement 20 · revenue ¥75.50"));
  g_assert_nonnull (strstr (text, "Xiaohongshu ¥0.50 / ¥1.50"));

  fonts = run ((const char *[]) { "pdffonts", pdf, NULL }, &status, NULL);
  g_test_message ("%s", fonts);
  lines = g_strsplit (fonts, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 3);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      cols = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      n = g_strv_length (cols);
      g_assert_cmpuint (n, >=, 6);
      g_assert_cmpstr (cols[n - 5], ==, "yes");   /* emb */
    }
}

static void
test_library (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCampaignReport) report = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *partial = g_strconcat (pdf, ".partial", NULL);
  gint64 id = 1;

  g_assert_true (koc_store_run_sync (f->store, gather_func, &id, (gpointer *)&report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (koc_campaign_report_get_n_weeks (report), ==, 2);
  g_assert_true (koc_campaign_report_write_pdf (report, "w.db", pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  if (!have_poppler ())
    return;
  assert_report_pdf (pdf);

  /* No such campaign. */
  id = 7;
  g_assert_false (koc_store_run_sync (f->store, gather_func, &id, NULL, NULL, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *cli = g_getenv ("KOCDESK_CLI");
  int status;

  g_clear_object (&f->store);   /* the CLI opens it */
  out = run ((const char *[]) { cli, "report", "campaign", "--db", f->db, "--campaign", "1", "--out", pdf, NULL },
             &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  if (have_poppler ())
    assert_report_pdf (pdf);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run ((const char *[]) { cli, "report", "campaign", "--db", f->db, "--out", pdf, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = run ((const char *[]) { cli, "report", "campaign", "--db", f->db, "--campaign", "9", "--out", pdf, NULL },
             &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "9"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* The monthly report is still `report --month`. */
  out = run ((const char *[]) { cli, "report", "--db", f->db, "--out", pdf, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "--month"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/koc/charts/campaign-report/library", Fixture, NULL, fixture_setup, test_library, fixture_teardown);
  g_test_add ("/koc/charts/campaign-report/cli", Fixture, NULL, fixture_setup, test_cli, fixture_teardown);
  return g_test_run ();
}
