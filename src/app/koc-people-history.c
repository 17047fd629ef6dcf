/* koc-people-history.c: the profile's history charts — followers and engagement rate
 * over time (one line per account, from metric_snapshots), posts per month and mean
 * engagement by post type (bars). Drawn by src/charts through KocChartView, which
 * gives each its hover tooltip and its text alternative.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-format.h"
#include "koc-people-profile-private.h"

/* More lines than this are unreadable: the biggest accounts are drawn. */
#define MAX_LINES 4

void
_koc_people_history_init (KocPeopleProfile *self)
{
  static const char *names[] = {
    N_("Followers over time"), N_("Engagement rate over time"),
    N_("Posts per month"), N_("Engagement by post type"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    {
      self->charts[i] = KOC_CHART_VIEW (koc_chart_view_new ());
      gtk_widget_set_size_request (GTK_WIDGET (self->charts[i]), 260, 220);
      gtk_widget_set_hexpand (GTK_WIDGET (self->charts[i]), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->charts[i]), "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->charts[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(names[i]), -1);
      gtk_grid_attach (self->charts_grid, GTK_WIDGET (self->charts[i]), i % 2, i / 2, 1, 1);
    }
}

static const char *
kind_name (const char *kind)
{
  static const struct { const char *key; const char *name; } kinds[] = {
    { "note", N_("Note") }, { "video", N_("Video") }, { "image", N_("Image") },
    { "article", N_("Article") }, { "live", N_("Live") }, { "review", N_("Review") },
    { "story", N_("Story") }, { "other", N_("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].key, kind) == 0)
      return _(kinds[i].name);
  return kind;
}

static char *
account_name (const KocPersonAccount *account)
{
  return g_strdup_printf ("%s @%s", koc_format_platform_name (account->platform), account->handle);
}

void
_koc_people_history_fill (KocPeopleProfile *self)
{
  const KocPersonProfile *data = self->data;
  KocChartLine *followers = koc_chart_line_new ();
  KocChartLine *engagement = koc_chart_line_new ();
  KocChartBar *months = koc_chart_bar_new ();
  KocChartBar *kinds = koc_chart_bar_new ();

  koc_chart_line_set_title (followers, _("Followers over time"));
  koc_chart_line_set_title (engagement, _("Engagement rate over time"));
  for (guint i = 0; i < data->accounts->len && i < MAX_LINES; i++)
    {
      const KocPersonAccount *account = data->accounts->pdata[i];
      g_autofree char *name = account_name (account);
      guint f = koc_chart_line_add_series (followers, name, KOC_CHART_VALUE_COUNT, KOC_CHART_AXIS_LEFT);
      guint e = koc_chart_line_add_series (engagement, name, KOC_CHART_VALUE_PERCENT, KOC_CHART_AXIS_LEFT);

      for (guint j = 0; j < account->history->len; j++)
        {
          const KocPersonSnapshot *snapshot = &g_array_index (account->history, KocPersonSnapshot, j);

          koc_chart_line_add_point (followers, f, snapshot->taken_at, snapshot->followers);
          if (snapshot->engagement_rate >= 0)
            koc_chart_line_add_point (engagement, e, snapshot->taken_at, snapshot->engagement_rate);
        }
    }

  koc_chart_bar_set_title (months, _("Posts per month"));
  koc_chart_bar_set_value_format (months, KOC_CHART_VALUE_COUNT, _("Posts"));
  for (guint i = 0; i < data->months->len; i++)
    {
      const KocPersonMonth *month = &g_array_index (data->months, KocPersonMonth, i);

      koc_chart_bar_add_month (months, month->month_start, month->posts);
    }

  koc_chart_bar_set_title (kinds, _("Engagement by post type"));
  koc_chart_bar_set_value_format (kinds, KOC_CHART_VALUE_COUNT, _("Mean engagement per post"));
  koc_chart_bar_set_color_index (kinds, 2);
  for (guint i = 0; i < data->kinds->len; i++)
    {
      const KocPersonKindStat *kind = data->kinds->pdata[i];

      koc_chart_bar_add (kinds, kind_name (kind->kind), kind->mean_engagement);
    }

  koc_chart_view_set_line (self->charts[0], followers);
  koc_chart_view_set_line (self->charts[1], engagement);
  koc_chart_view_set_bar (self->charts[2], months);
  koc_chart_view_set_bar (self->charts[3], kinds);
}
