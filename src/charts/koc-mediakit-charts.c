/* koc-mediakit-charts.c: the standard charts of a person's profile.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "koc-mediakit.h"
#include "koc-mediakit-charts.h"

char *
koc_mediakit_account_label (const KocPersonAccount *account)
{
  /* Translators: an account in chart legends: platform name and @handle. */
  return g_strdup_printf (_("%1$s @%2$s"), koc_mediakit_platform_name (account->platform), account->handle);
}

static KocChartLine *
history_chart (const KocPersonProfile *profile,
               guint                   max_accounts,
               gboolean                rates)
{
  KocChartLine *chart = koc_chart_line_new ();
  guint n = 0;

  koc_chart_line_set_title (chart, rates ? _("Engagement rate") : _("Followers"));
  for (guint i = 0; i < profile->accounts->len; i++)
    {
      const KocPersonAccount *a = g_ptr_array_index (profile->accounts, i);
      g_autofree char *label = NULL;
      guint series = 0;
      gboolean added = FALSE;

      if (max_accounts > 0 && n >= max_accounts)
        break;
      for (guint j = 0; j < a->history->len; j++)
        {
          const KocPersonSnapshot *s = &g_array_index (a->history, KocPersonSnapshot, j);
          double value = rates ? s->engagement_rate : (double) s->followers;

          if (rates && value < 0)
            continue;
          if (!added)
            {
              label = koc_mediakit_account_label (a);
              series = koc_chart_line_add_series (chart, label,
                                                  rates ? KOC_CHART_VALUE_PERCENT : KOC_CHART_VALUE_COUNT,
                                                  KOC_CHART_AXIS_LEFT);
              added = TRUE;
            }
          koc_chart_line_add_point (chart, series, s->taken_at, value);
        }
      n += added;
    }
  /* One account: its name is already in the header, the title says what is drawn. */
  koc_chart_line_set_show_legend (chart, n > 1);
  return chart;
}

KocChartLine *
koc_mediakit_chart_followers (const KocPersonProfile *profile,
                              guint                   max_accounts)
{
  g_return_val_if_fail (profile != NULL, NULL);
  return history_chart (profile, max_accounts, FALSE);
}

KocChartLine *
koc_mediakit_chart_engagement (const KocPersonProfile *profile,
                               guint                   max_accounts)
{
  g_return_val_if_fail (profile != NULL, NULL);
  return history_chart (profile, max_accounts, TRUE);
}

KocChartBar *
koc_mediakit_chart_posts_per_month (const KocPersonProfile *profile)
{
  KocChartBar *chart = koc_chart_bar_new ();

  g_return_val_if_fail (profile != NULL, NULL);

  koc_chart_bar_set_title (chart, _("Posts per month"));
  koc_chart_bar_set_value_format (chart, KOC_CHART_VALUE_COUNT, _("Posts"));
  koc_chart_bar_set_color_index (chart, 2);
  for (guint i = 0; i < profile->months->len; i++)
    {
      const KocPersonMonth *m = &g_array_index (profile->months, KocPersonMonth, i);

      koc_chart_bar_add_month (chart, m->month_start, m->posts);
    }
  return chart;
}

KocChartBar *
koc_mediakit_chart_kinds (const KocPersonProfile *profile)
{
  KocChartBar *chart = koc_chart_bar_new ();

  g_return_val_if_fail (profile != NULL, NULL);

  koc_chart_bar_set_title (chart, _("Engagement rate by post type"));
  koc_chart_bar_set_value_format (chart, KOC_CHART_VALUE_PERCENT, _("Engagement rate"));
  koc_chart_bar_set_color_index (chart, 3);
  for (guint i = 0; i < profile->kinds->len; i++)
    {
      const KocPersonKindStat *k = g_ptr_array_index (profile->kinds, i);

      if (k->mean_rate >= 0)
        koc_chart_bar_add (chart, koc_mediakit_kind_name (k->kind), k->mean_rate);
    }
  return chart;
}
