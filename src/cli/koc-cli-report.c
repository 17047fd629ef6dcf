/* koc-cli-report.c: `kocdesk-cli report --db FILE.db --month YYYY-MM --out FILE.pdf`.
 *
 * A one-page PDF of the month's KOC performance for the own brands: new advocates (people
 * who reached the advocate or ambassador stage), posts mentioning an own brand and their
 * engagement, share of voice among all brands (mentions and engagement), the top keywords
 * of each own brand as side-by-side clouds, and the top KOC by engagement. Everything from
 * the workspace (keyword aggregates brought up to date first), drawn with src/charts.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "koc-chart-cloud.h"
#include "koc-cli.h"
#include "koc-db.h"
#include "koc-keyword-store.h"
#include "koc-store.h"

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 40.0
#define MAX_OWN 3

typedef struct
{
  gint64      start, end;      /* [start, end) */
  gint64      new_advocates;
  gint64      posts;
  gint64      engagement;
  GPtrArray  *own_names;       /* char * */
  GPtrArray  *own_keywords;    /* GPtrArray of KocKeyword, per own brand */
  GPtrArray  *brand_names;     /* char *, every brand */
  GArray     *share;           /* KocShareOfVoice, one bucket */
  GPtrArray  *top_koc;         /* char * lines */
} Report;

static void
report_clear (Report *r)
{
  g_clear_pointer (&r->own_names, g_ptr_array_unref);
  g_clear_pointer (&r->own_keywords, g_ptr_array_unref);
  g_clear_pointer (&r->brand_names, g_ptr_array_unref);
  g_clear_pointer (&r->share, g_array_unref);
  g_clear_pointer (&r->top_koc, g_ptr_array_unref);
}

static gboolean
refresh_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  return koc_keyword_store_refresh (db, cancellable, NULL, error);
}

static gboolean
gather_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Report *r = data;
  g_autoptr(GArray) own_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) all_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  const char *own = "(SELECT id FROM brands WHERE is_own = 1)";
  g_autofree char *sql = NULL;

  r->own_names = g_ptr_array_new_with_free_func (g_free);
  r->own_keywords = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  r->brand_names = g_ptr_array_new_with_free_func (g_free);
  r->top_koc = g_ptr_array_new_with_free_func (g_free);

  if (!koc_db_prepare (db, "SELECT id, name, is_own FROM brands ORDER BY is_own DESC, id", &stmt, error))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (all_ids, id);
      g_ptr_array_add (r->brand_names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      if (sqlite3_column_int (stmt, 2) && own_ids->len < MAX_OWN)
        {
          g_array_append_val (own_ids, id);
          g_ptr_array_add (r->own_names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
    }
  sqlite3_finalize (stmt);

  sql = g_strdup_printf ("SELECT count (DISTINCT p.id), coalesce (sum (p.likes + p.comments + p.shares + p.saves), 0)"
                         " FROM posts p WHERE p.published_at >= ?1 AND p.published_at < ?2"
                         " AND p.id IN (SELECT post_id FROM post_mentions WHERE brand_id IN %s)", own);
  if (!koc_db_prepare (db, sql, &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->start);
  sqlite3_bind_int64 (stmt, 2, r->end);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      r->posts = sqlite3_column_int64 (stmt, 0);
      r->engagement = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);

  if (!koc_db_prepare (db, "SELECT count (DISTINCT person_id) FROM stage_history WHERE to_stage IN"
                       " ('advocate', 'ambassador') AND changed_at >= ?1 AND changed_at < ?2", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->start);
  sqlite3_bind_int64 (stmt, 2, r->end);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    r->new_advocates = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  r->share = koc_keyword_store_share_of_voice (db, (const gint64 *) (gpointer) all_ids->data, all_ids->len,
                                               r->start, r->end - 1, 62, error);
  if (r->share == NULL)
    return FALSE;

  for (guint i = 0; i < own_ids->len; i++)
    {
      KocKeywordQuery query = { g_array_index (own_ids, gint64, i), r->start, r->end - 1, 30, 0, FALSE };
      GPtrArray *top = koc_keyword_store_top (db, &query, NULL, error);

      if (top == NULL)
        return FALSE;
      g_ptr_array_add (r->own_keywords, top);
    }

  g_free (sql);
  sql = g_strdup_printf ("SELECT coalesce (a.display_name, a.handle), a.platform, count (*),"
                         " sum (p.likes + p.comments + p.shares + p.saves) AS e"
                         " FROM posts p JOIN accounts a ON a.id = p.account_id"
                         " WHERE p.published_at >= ?1 AND p.published_at < ?2"
                         " AND p.id IN (SELECT post_id FROM post_mentions WHERE brand_id IN %s)"
                         " GROUP BY a.id ORDER BY e DESC, a.id LIMIT 10", own);
  if (!koc_db_prepare (db, sql, &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->start);
  sqlite3_bind_int64 (stmt, 2, r->end);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (r->top_koc,
                     /* Translators: a row of the report's top KOC: name, platform, posts, engagement. */
                     g_strdup_printf (_("%s (%s): %lld posts, %lld engagement"),
                                      (const char *) sqlite3_column_text (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1),
                                      (long long) sqlite3_column_int64 (stmt, 2),
                                      (long long) sqlite3_column_int64 (stmt, 3)));
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Draws @text at (x, y); returns the height used. */
static double
text (cairo_t             *cr,
      const KocChartStyle *style,
      const char          *markup_free_text,
      double               x,
      double               y,
      double               scale,
      gboolean             bold)
{
  g_autoptr(PangoLayout) layout = koc_chart_layout_new (cr, style, scale, bold);
  PangoRectangle logical;

  pango_layout_set_text (layout, markup_free_text, -1);
  pango_layout_set_width (layout, (int) ((PAGE_W - x - MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  koc_chart_set_color (cr, bold ? &style->foreground : &style->foreground);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return logical.height;
}

static void
draw_report (cairo_t             *cr,
             const KocChartStyle *style,
             const Report        *r,
             const char          *month,
             const char          *workspace)
{
  double y = MARGIN;
  g_autofree char *title = g_strdup_printf (_("KOC report — %s"), month);
  g_autofree char *kpi = g_strdup_printf (_("New advocates: %lld · Posts mentioning an own brand: %lld · Engagement: %lld"),
                                          (long long) r->new_advocates, (long long) r->posts, (long long) r->engagement);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  y += text (cr, style, title, MARGIN, y, 1.8, TRUE) + 2;
  y += text (cr, style, workspace, MARGIN, y, 0.9, FALSE) + 10;
  y += text (cr, style, kpi, MARGIN, y, 1.0, FALSE) + 16;

  /* Share of voice: a bar per brand, mentions and engagement. */
  y += text (cr, style, _("Share of voice (mentions / engagement)"), MARGIN, y, 1.2, TRUE) + 6;
  for (guint i = 0; r->share != NULL && i < r->share->len && i < r->brand_names->len; i++)
    {
      const KocShareOfVoice *row = &g_array_index (r->share, KocShareOfVoice, i);
      g_autofree char *label = g_strdup_printf ("%s  %.1f%% / %.1f%%", (const char *) r->brand_names->pdata[i],
                                                100 * row->share_posts, 100 * row->share_engagement);
      double bar_x = MARGIN + 220, bar_w = PAGE_W - MARGIN - bar_x;

      text (cr, style, label, MARGIN, y, 0.85, FALSE);
      koc_chart_set_color (cr, koc_chart_style_series (style, i));
      cairo_rectangle (cr, bar_x, y + 2, bar_w * row->share_posts, 6);
      cairo_fill (cr);
      cairo_rectangle (cr, bar_x, y + 9, bar_w * row->share_engagement, 3);
      cairo_fill (cr);
      y += 16;
    }
  y += 12;

  /* Side-by-side keyword clouds of the own brands. */
  y += text (cr, style, _("Top keywords"), MARGIN, y, 1.2, TRUE) + 6;
  if (r->own_keywords->len > 0)
    {
      double w = (PAGE_W - 2 * MARGIN - 10 * (r->own_keywords->len - 1)) / r->own_keywords->len;

      for (guint b = 0; b < r->own_keywords->len; b++)
        {
          GPtrArray *top = g_ptr_array_index (r->own_keywords, b);
          g_autofree KocCloudWord *words = g_new0 (KocCloudWord, MAX (top->len, 1));
          g_autoptr(KocChartCloud) cloud = NULL;
          double x = MARGIN + b * (w + 10);

          for (guint i = 0; i < top->len; i++)
            {
              KocKeyword *k = g_ptr_array_index (top, i);

              words[i] = (KocCloudWord) { k->keyword, (double) k->count, k->count, k->trend, 0 };
            }
          text (cr, style, r->own_names->pdata[b], x, y, 0.95, TRUE);
          cloud = koc_chart_cloud_new (words, top->len);
          koc_chart_cloud_layout (cloud, style, w, 170);
          cairo_save (cr);
          cairo_translate (cr, x, y + 18);
          koc_chart_cloud_draw (cloud, cr, style, KOC_CLOUD_COLOR_TREND, -1);
          cairo_restore (cr);
        }
      y += 18 + 170 + 12;
    }

  y += text (cr, style, _("Top KOC by engagement"), MARGIN, y, 1.2, TRUE) + 6;
  for (guint i = 0; i < r->top_koc->len && y < PAGE_H - MARGIN - 14; i++)
    {
      g_autofree char *line = g_strdup_printf ("%u. %s", i + 1, (const char *) r->top_koc->pdata[i]);

      y += text (cr, style, line, MARGIN, y, 0.9, FALSE) + 2;
    }
  if (r->top_koc->len == 0)
    text (cr, style, _("No posts mention an own brand this month."), MARGIN, y, 0.9, FALSE);
}

int
koc_cli_report (int    argc,
                char **argv)
{
  g_autofree char *db_path = NULL, *month = NULL, *out = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The workspace"), "FILE.db" },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month (UTC)"), "YYYY-MM" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), "FILE.pdf" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = NULL;
  g_autoptr(GDateTime) first = NULL, next = NULL;
  g_autofree char *partial = NULL;
  Report report = { 0 };
  KocChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int year = 0, mon = 0;
  char extra;

  g_option_context_set_summary (context, _("A PDF of a month's KOC performance."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return koc_cli_fail (_("report: %s"), error->message);
  if (db_path == NULL || month == NULL || out == NULL)
    return koc_cli_fail (_("report: --db FILE.db, --month YYYY-MM and --out FILE.pdf are required"));
  if (sscanf (month, "%4d-%2d%c", &year, &mon, &extra) != 2 || mon < 1 || mon > 12 || year < 1970)
    return koc_cli_fail (_("report: the month is written YYYY-MM"));
  first = g_date_time_new_utc (year, mon, 1, 0, 0, 0);
  next = g_date_time_add_months (first, 1);
  report.start = g_date_time_to_unix (first);
  report.end = g_date_time_to_unix (next);

  store = koc_store_open_sync (db_path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  if (store == NULL ||
      !koc_store_run_sync (store, refresh_func, NULL, NULL, NULL, &error) ||
      !koc_store_run_sync (store, gather_func, &report, NULL, NULL, &error))
    {
      report_clear (&report);
      return koc_cli_fail (_("report: %s"), error->message);
    }

  /* Written next to the target and renamed, so a failed run leaves no half file. */
  partial = g_strconcat (out, ".partial", NULL);
  surface = cairo_pdf_surface_create (partial, PAGE_W, PAGE_H);
  cr = cairo_create (surface);
  koc_chart_style_init (&style, FALSE);
  draw_report (cr, &style, &report, month, koc_store_get_path (store));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  report_clear (&report);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (partial, out) != 0)
    {
      g_remove (partial);
      return koc_cli_fail (_("report: could not write “%s”"), out);
    }
  printf (_("Report written: %s\n"), out);
  return 0;
}
