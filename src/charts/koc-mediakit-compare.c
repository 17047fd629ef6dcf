/* koc-mediakit-compare.c: 2–4 people side by side on one A4 page. Every row (header,
 * each key stat, the charts) starts at the same height in every column, and the best
 * value of each stat is marked, so the page reads across as well as down.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "koc-chart-dates.h"
#include "koc-mediakit-charts.h"
#include "koc-mediakit-private.h"

#define COL_GAP 16.0
#define STAT_H  50.0

/* The number each stat row compares (higher is better for all of them). */
static double
stat_number (const KocPersonProfile *p,
             guint                   row)
{
  switch (row)
    {
    case 0: return p->followers;
    case 1: return p->engagement_rate;
    case 2: return p->koc_score;
    case 3: return p->posts_per_month;
    case 4: return p->brand_mentions;
    case 5: return p->referral_conversions;
    default: return -1;
    }
}

void
koc_mediakit_render_compare (cairo_t                  *cr,
                             const KocMediakitPerson  *people,
                             guint                     n_people,
                             const KocMediakitOptions *options,
                             double                    width,
                             double                    height)
{
  KocMkPage page;
  KocMkStat stats[KOC_MEDIAKIT_MAX_COMPARE][KOC_MK_N_STATS] = { { { 0 } } };
  double content = KOC_MK_W - 2 * KOC_MK_MARGIN;
  double col_w, y = KOC_MK_MARGIN, header_h = 0, room, line_h, bar_h;
  g_autofree char *title = NULL;

  g_return_if_fail (cr != NULL && people != NULL);
  g_return_if_fail (n_people >= 1 && n_people <= KOC_MEDIAKIT_MAX_COMPARE);

  cairo_save (cr);
  koc_mk_page_begin (cr, &page, options, width, height);
  col_w = (content - (n_people - 1) * COL_GAP) / n_people;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Comparing %u person", "Comparing %u people", n_people),
                           n_people);
  y += koc_mk_text (cr, &page, title, KOC_MK_MARGIN, y, content, 1.6, TRUE, NULL, 1) + 16;

  /* Headers, each column from the same top; the next row starts under the tallest. */
  for (guint i = 0; i < n_people; i++)
    {
      double x = KOC_MK_MARGIN + i * (col_w + COL_GAP);

      header_h = MAX (header_h, koc_mk_person_header (cr, &page, &people[i], x, y, col_w, TRUE));
    }
  y += header_h + 14;

  /* Key stats, one row each; the best value of a row in the accent colour. */
  for (guint i = 0; i < n_people; i++)
    koc_mk_stats (people[i].profile, stats[i]);
  for (guint row = 0; row < KOC_MK_N_STATS; row++)
    {
      double best = -1;
      guint n_best = 0;

      for (guint i = 0; i < n_people; i++)
        best = MAX (best, stat_number (people[i].profile, row));
      for (guint i = 0; i < n_people; i++)
        n_best += best > 0 && stat_number (people[i].profile, row) == best;

      for (guint i = 0; i < n_people; i++)
        {
          double x = KOC_MK_MARGIN + i * (col_w + COL_GAP);
          gboolean is_best = best > 0 && n_best < n_people && stat_number (people[i].profile, row) == best;
          double ty = y + 6;

          if (row % 2 == 0)
            koc_mk_card (cr, &page, x - 4, y, col_w + 8, STAT_H);
          ty += koc_mk_text (cr, &page, stats[i][row].label, x + 4, ty, col_w - 8, 0.75, FALSE, &page.style.dim, 1);
          koc_mk_text (cr, &page, stats[i][row].value, x + 4, ty, col_w - 8, 1.3, TRUE,
                       is_best ? &page.style.accent : NULL, 1);
        }
      y += STAT_H + 2;
    }
  for (guint i = 0; i < n_people; i++)
    koc_mk_stats_clear (stats[i]);
  y += 14;

  /* The same charts under each person, in the room left above the formulas. */
  room = KOC_MK_H - KOC_MK_MARGIN - 64 - y;
  line_h = MIN (230, room * 0.56 - 10);
  bar_h = MIN (180, room * 0.44 - 6);
  for (guint i = 0; i < n_people; i++)
    {
      double x = KOC_MK_MARGIN + i * (col_w + COL_GAP);
      g_autoptr (KocChartLine) followers = koc_mediakit_chart_followers (people[i].profile, 2);
      g_autoptr (KocChartBar) months = koc_mediakit_chart_posts_per_month (people[i].profile);

      cairo_save (cr);
      cairo_translate (cr, x - 8, y);
      koc_chart_line_render (followers, cr, &page.style, col_w + 16, line_h);
      cairo_translate (cr, 0, line_h + 10);
      koc_chart_bar_set_show_values (months, n_people <= 2);
      koc_chart_bar_render (months, cr, &page.style, col_w + 16, bar_h);
      cairo_restore (cr);
    }
  y += line_h + 10 + bar_h + 12;

  {
    g_autofree char *formulas = NULL;

    /* Translators: the formulas under a comparison of people. */
    formulas = g_strdup_printf (_("Engagement rate = (likes + comments + shares + saves) ÷ followers, mean of"
                                  " the last %u posts of each person. KOC score = sum of weight × value of its"
                                  " parts (engagement, brand affinity, authenticity, conversion, recency)."
                                  " Highlighted: the highest value of a row."), KOC_PERSON_ER_POSTS);
    koc_mk_text (cr, &page, formulas, KOC_MK_MARGIN, y, content, 0.75,
                 FALSE, &page.style.dim, 3);
  }

  koc_mk_footer (cr, &page);
  cairo_restore (cr);
}
