/* koc-report.c: the monthly KOC report (see koc-report.h).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-report"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "koc-chart-cloud.h"
#include "koc-db.h"
#include "koc-keyword-store.h"
#include "koc-report.h"

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 40.0
#define MAX_OWN 3

struct _KocReport
{
  int         year, month;
  gint64      start, end;      /* [start, end) */
  gint64      new_advocates;
  gint64      posts;
  gint64      engagement;
  GPtrArray  *own_names;       /* char * */
  GPtrArray  *own_keywords;    /* GPtrArray of KocKeyword, per own brand */
  GPtrArray  *brand_names;     /* char *, every brand */
  GArray     *share;           /* KocShareOfVoice, one bucket */
  GPtrArray  *top_koc;         /* char * lines */
};

typedef struct _KocReport Report;

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
gather (sqlite3       *db,
        Report        *r,
        GCancellable  *cancellable,
        GError       **error)
{
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
  return koc_chart_show_text (cr, style, markup_free_text, x, y, PAGE_W - x - MARGIN, scale, bold,
                              &style->foreground);
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

gboolean
koc_report_parse_month (const char *text,
                        int        *year,
                        int        *month)
{
  char extra;

  if (text == NULL || sscanf (text, "%4d-%2d%c", year, month, &extra) != 2)
    return FALSE;
  return *month >= 1 && *month <= 12 && *year >= 1970 && *year <= 9999;
}

void
koc_report_free (KocReport *report)
{
  if (report == NULL)
    return;
  report_clear (report);
  g_free (report);
}

KocReport *
koc_report_gather (sqlite3       *db,
                   int            year,
                   int            month,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(KocReport) report = g_new0 (KocReport, 1);
  g_autoptr(GDateTime) first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  g_autoptr(GDateTime) next = NULL;

  g_return_val_if_fail (first != NULL, NULL);
  next = g_date_time_add_months (first, 1);
  report->year = year;
  report->month = month;
  report->start = g_date_time_to_unix (first);
  report->end = g_date_time_to_unix (next);
  if (!gather (db, report, cancellable, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&report);
}

gint64
koc_report_get_posts (KocReport *report)
{
  return report->posts;
}

gboolean
koc_report_write_pdf (KocReport     *report,
                      const char    *workspace,
                      const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *month = g_strdup_printf ("%04d-%02d", report->year, report->month);
  KocChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int saved_errno;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  surface = cairo_pdf_surface_create (partial, PAGE_W, PAGE_H);
  cr = cairo_create (surface);
  koc_chart_style_init (&style, FALSE);
  draw_report (cr, &style, report, month, workspace != NULL ? workspace : "");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_remove (partial);
      /* Translators: %s is a file name, the second %s why it could not be written */
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
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write “%s”: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
