/* koc-campaign-report.c: a campaign report as a PDF (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-charts"

#include "config.h"

#include <errno.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "koc-campaign-report.h"
#include "koc-campaigns.h"
#include "koc-campaigns-stats.h"
#include "koc-chart-bar.h"
#include "koc-chart-dates.h"
#include "koc-chart-funnel.h"
#include "koc-chart-line.h"
#include "koc-db.h"
#include "koc-names.h"

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 40.0
#define WEEK (7 * 24 * 3600)

typedef struct
{
  gint64 week;       /* unix time of the week's Monday, 00:00 UTC */
  gint64 posts;
  gint64 engagement;
  gint64 redemptions;
  gint64 revenue_cents;
} Week;

struct _KocCampaignReport
{
  KocCampaign      *campaign;
  KocCampaignStats *stats;
  GArray           *rates;     /* KocEmvRate */
  GArray           *weeks;     /* Week, in time order */
};

void
koc_campaign_report_free (KocCampaignReport *report)
{
  if (report == NULL)
    return;
  koc_campaign_free (report->campaign);
  koc_campaign_stats_free (report->stats);
  g_clear_pointer (&report->rates, g_array_unref);
  g_clear_pointer (&report->weeks, g_array_unref);
  g_free (report);
}

guint
koc_campaign_report_get_n_weeks (KocCampaignReport *report)
{
  guint n = 0;

  for (guint i = 0; i < report->weeks->len; i++)
    n += g_array_index (report->weeks, Week, i).posts > 0;
  return n;
}

static Week *
week_of (GArray *weeks,
         gint64  week)
{
  for (guint i = 0; i < weeks->len; i++)
    if (g_array_index (weeks, Week, i).week == week)
      return &g_array_index (weeks, Week, i);
  for (guint i = 0; i <= weeks->len; i++)
    if (i == weeks->len || g_array_index (weeks, Week, i).week > week)
      {
        Week w = { week, 0, 0, 0, 0 };

        g_array_insert_val (weeks, i, w);
        return &g_array_index (weeks, Week, i);
      }
  g_assert_not_reached ();
}

/* Monday 00:00 UTC of the week of ?1 (1970-01-01 was a Thursday). */
#define WEEK_OF(t) "((" t " - 345600) / 604800 * 604800 + 345600)"

KocCampaignReport *
koc_campaign_report_gather (sqlite3  *db,
                            gint64    campaign_id,
                            GError  **error)
{
  g_autoptr(KocCampaignReport) r = g_new0 (KocCampaignReport, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((r->campaign = koc_campaigns_get (db, campaign_id, error)) == NULL ||
      (r->rates = koc_campaigns_load_emv_rates (db, error)) == NULL ||
      (r->stats = koc_campaigns_stats (db, campaign_id, (const KocEmvRate *)(void *)r->rates->data,
                                       r->rates->len, error)) == NULL)
    return NULL;
  r->weeks = g_array_new (FALSE, TRUE, sizeof (Week));

  if (!koc_db_prepare (db, "SELECT " WEEK_OF ("p.published_at") " AS w, count(*),"
                       " sum (p.likes + p.comments + p.shares + p.saves) FROM card_deliverables d"
                       " JOIN cards k ON k.id = d.card_id JOIN posts p ON p.id = d.post_id"
                       " WHERE k.campaign_id = ?1 GROUP BY w ORDER BY w", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Week *w = week_of (r->weeks, sqlite3_column_int64 (stmt, 0));

      w->posts = sqlite3_column_int64 (stmt, 1);
      w->engagement = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the campaign"), error), NULL;

  if (!koc_db_prepare (db, "SELECT " WEEK_OF ("r.redeemed_at") " AS w, count(*),"
                       " sum (r.revenue_cents) FROM redemptions r JOIN referral_codes c"
                       " ON c.id = r.code_id WHERE c.campaign_id = ?1 GROUP BY w ORDER BY w",
                       &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Week *w = week_of (r->weeks, sqlite3_column_int64 (stmt, 0));

      w->redemptions = sqlite3_column_int64 (stmt, 1);
      w->revenue_cents = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the campaign"), error), NULL;
  return g_steal_pointer (&r);
}

static char *
money (double cents)
{
  gint64 c = (gint64)(cents + (cents < 0 ? -0.5 : 0.5));

  if (c % 100 == 0)
    return g_strdup_printf ("¥%lld", (long long)(c / 100));
  return g_strdup_printf ("¥%lld.%02lld", (long long)(c / 100), (long long)(ABS (c) % 100));
}

static double
text (cairo_t             *cr,
      const KocChartStyle *style,
      const char          *plain,
      double               x,
      double               y,
      double               scale,
      gboolean             bold,
      gboolean             dim)
{
  return koc_chart_show_text (cr, style, plain, x, y, PAGE_W - x - MARGIN, scale, bold,
                              dim ? &style->dim : &style->foreground);
}

static void
draw_first_page (cairo_t             *cr,
                 const KocChartStyle *style,
                 KocCampaignReport   *r,
                 const char          *workspace)
{
  const KocCampaign *c = r->campaign;
  const KocCampaignStats *s = r->stats;
  g_autofree char *title = g_strdup_printf (_("Campaign report — %s"), c->name);
  g_autofree char *emv = money (s->emv_cents), *revenue = money (s->revenue_cents);
  g_autofree char *cost = money (s->cost_cents), *budget = money (c->budget_cents);
  g_autoptr(GString) about = g_string_new (NULL);
  g_autoptr(GString) numbers = g_string_new (NULL);
  double y = MARGIN, funnel_h;

  y += text (cr, style, title, MARGIN, y, 1.8, TRUE, FALSE) + 2;
  y += text (cr, style, workspace, MARGIN, y, 0.9, FALSE, TRUE) + 10;

  if (c->brand != NULL)
    g_string_append_printf (about, "%s\n", c->brand);
  if (c->starts_at != 0 || c->ends_at != 0)
    {
      g_autofree char *from = c->starts_at != 0 ? koc_chart_format_date (c->starts_at) : g_strdup ("…");
      g_autofree char *to = c->ends_at != 0 ? koc_chart_format_date (c->ends_at) : g_strdup ("…");

      g_string_append_printf (about, "%s – %s\n", from, to);
    }
  if (c->goal != NULL && *c->goal != '\0')
    {
      g_string_append_printf (about, _("Goal: %s"), c->goal);
      g_string_append_c (about, '\n');
    }
  if (c->budget_cents > 0)
    {
      g_string_append_printf (about, _("Budget: %s"), budget);
      g_string_append_c (about, '\n');
    }
  if (about->len > 0)
    y += text (cr, style, g_strchomp (about->str), MARGIN, y, 1.0, FALSE, FALSE) + 14;

  y += text (cr, style, _("Results"), MARGIN, y, 1.25, TRUE, FALSE) + 6;
  g_string_append_printf (numbers, _("Posts: %lld · engagement %lld · views %lld"),
                          (long long)s->n_posts, (long long)s->engagement, (long long)s->views);
  g_string_append_c (numbers, '\n');
  g_string_append_printf (numbers, _("EMV (an estimate from per-platform values): %s"), emv);
  g_string_append_c (numbers, '\n');
  g_string_append_printf (numbers, _("Redemptions: %lld · revenue %s"), (long long)s->n_redemptions, revenue);
  g_string_append_c (numbers, '\n');
  g_string_append_printf (numbers, _("Cost (incentives and rewards): %s"), cost);
  g_string_append_c (numbers, '\n');
  if (s->cost_per_engagement_cents >= 0)
    {
      g_autofree char *per = g_strdup_printf ("¥%.2f", s->cost_per_engagement_cents / 100);

      g_string_append_printf (numbers, _("Cost per engagement: %s"), per);
    }
  else
    g_string_append (numbers, _("Cost per engagement: no engagement yet"));
  y += text (cr, style, numbers->str, MARGIN, y, 1.0, FALSE, FALSE) + 18;

  y += text (cr, style, _("Funnel by stage"), MARGIN, y, 1.25, TRUE, FALSE) + 6;
  funnel_h = MIN (PAGE_H - MARGIN - y, 40.0 * MAX (s->n_stages, 1));
  if (s->n_stages > 0)
    {
      KocChartStyle funnel_style = *style;

      funnel_style.background.alpha = 0;  /* the funnel paints its background: not the page's */
      cairo_save (cr);
      cairo_translate (cr, MARGIN, y);
      koc_chart_funnel_draw (cr, &funnel_style, (const char * const *)s->stage_names, s->reached, s->n_stages,
                             PAGE_W - 2 * MARGIN, funnel_h, NULL);
      cairo_restore (cr);
    }
}

static void
draw_second_page (cairo_t             *cr,
                  const KocChartStyle *style,
                  KocCampaignReport   *r)
{
  const KocCampaignStats *s = r->stats;
  g_autoptr(KocChartLine) line = koc_chart_line_new ();
  g_autoptr(KocChartBar) bar = koc_chart_bar_new ();
  g_autoptr(GString) rates = g_string_new (NULL);
  double y = MARGIN, w = PAGE_W - 2 * MARGIN;
  guint posts, engagement;

  y += text (cr, style, _("Posts and engagement per week"), MARGIN, y, 1.25, TRUE, FALSE) + 6;
  posts = koc_chart_line_add_series (line, _("Posts"), KOC_CHART_VALUE_COUNT, KOC_CHART_AXIS_LEFT);
  engagement = koc_chart_line_add_series (line, _("Engagement"), KOC_CHART_VALUE_COUNT, KOC_CHART_AXIS_RIGHT);
  koc_chart_line_set_show_legend (line, TRUE);
  for (guint i = 0; i < r->weeks->len; i++)
    {
      const Week *wk = &g_array_index (r->weeks, Week, i);

      if (wk->posts == 0)
        continue;
      koc_chart_line_add_point (line, posts, wk->week, wk->posts);
      koc_chart_line_add_point (line, engagement, wk->week, wk->engagement);
    }
  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  koc_chart_line_render (line, cr, style, w, 200);
  cairo_restore (cr);
  y += 200 + 18;

  y += text (cr, style, _("Referral revenue per week"), MARGIN, y, 1.25, TRUE, FALSE) + 6;
  koc_chart_bar_set_show_values (bar, TRUE);
  for (guint i = 0; i < r->weeks->len; i++)
    {
      const Week *wk = &g_array_index (r->weeks, Week, i);
      g_autofree char *label = NULL;

      if (wk->redemptions == 0)
        continue;
      label = koc_chart_format_date (wk->week);
      koc_chart_bar_add (bar, label + 5, wk->revenue_cents / 100.0); /* "MM-DD" */
    }
  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  koc_chart_bar_render (bar, cr, style, w, 170);
  cairo_restore (cr);
  y += 170 + 18;

  y += text (cr, style, _("Top performers"), MARGIN, y, 1.25, TRUE, FALSE) + 6;
  if (s->top->len == 0)
    y += text (cr, style, _("No deliverables or redemptions yet."), MARGIN, y, 0.95, FALSE, TRUE) + 4;
  for (guint i = 0; i < s->top->len; i++)
    {
      const KocTopPerformer *top = s->top->pdata[i];
      g_autofree char *rev = money (top->revenue_cents);
      /* TRANSLATORS: a top performer: "1. 小美 — engagement 1234 · revenue ¥56" */
      g_autofree char *row = g_strdup_printf (_("%u. %s — engagement %lld · revenue %s"), i + 1,
                                              top->name, (long long)top->engagement, rev);

      y += text (cr, style, row, MARGIN, y, 0.95, FALSE, FALSE) + 3;
    }
  y += 14;

  for (guint i = 0; i < r->rates->len; i++)
    {
      const KocEmvRate *rate = &g_array_index (r->rates, KocEmvRate, i);

      g_string_append_printf (rates, "%s%s ¥%.2f / ¥%.2f", i > 0 ? " · " : "",
                              koc_format_platform_name (rate->platform),
                              rate->cents_per_view * 10 / 100, rate->cents_per_engagement / 100);
    }
  y += text (cr, style, _("EMV is an estimate: per platform, yuan per 1,000 views / per engagement of the deliverable posts."),
             MARGIN, y, 0.8, FALSE, TRUE) + 2;
  text (cr, style, rates->str, MARGIN, y, 0.8, FALSE, TRUE);
}

gboolean
koc_campaign_report_write_pdf (KocCampaignReport  *report,
                               const char         *workspace,
                               const char         *path,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  KocChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int saved_errno;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  surface = cairo_pdf_surface_create (partial, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->campaign->name);
  cr = cairo_create (surface);
  koc_chart_style_init (&style, FALSE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_first_page (cr, &style, report, workspace != NULL ? workspace : "");
  cairo_show_page (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_second_page (cr, &style, report);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_remove (partial);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_FILE_NOT_FOUND
                   ? _("the folder does not exist or is not writable") : cairo_status_to_string (status));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_remove (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      saved_errno = errno;
      g_remove (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
