/* koc-discover-engagement.c: the engagement variant of the Discover results.
 *
 * A drop-down in the toolbar picks what the engagement column shows and sorts by: the
 * rate by followers (default), the rate by views (video platforms) or Xiaohongshu's
 * 赞藏评 per note (koc-search.h, KocEngagementVariant). The column header, every cell's
 * tooltip and the legend under the list always name the variant in use and its formula.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-format.h"
#include "koc-discover-pane-private.h"

const char *
_koc_discover_engagement_title (KocEngagementVariant variant)
{
  switch (variant)
    {
    case KOC_ENGAGEMENT_BY_VIEWS:
      /* Translators: column header, engagement rate by views; keep it short */
      return _("Eng. / Views");
    case KOC_ENGAGEMENT_INTERACTIONS:
      /* Translators: column header, Xiaohongshu likes + collects + comments per note */
      return _("赞藏评 / Note");
    case KOC_ENGAGEMENT_BY_FOLLOWERS:
    default:
      /* Translators: column header, engagement rate by followers; keep it short */
      return _("Eng. / Followers");
    }
}

const char *
_koc_discover_engagement_formula (KocEngagementVariant variant)
{
  switch (variant)
    {
    case KOC_ENGAGEMENT_BY_VIEWS:
      return _("Engagement rate by views: (likes + comments + shares + saves) ÷ views, posts of the last 90 days; video platforms only (Douyin, Bilibili, TikTok, YouTube)");
    case KOC_ENGAGEMENT_INTERACTIONS:
      return _("Xiaohongshu interactions (赞藏评): likes + collects + comments, mean per note of the last 90 days; Xiaohongshu only");
    case KOC_ENGAGEMENT_BY_FOLLOWERS:
    default:
      return _("Engagement rate by followers: (likes + comments + shares + saves) ÷ followers, mean of recent posts");
    }
}

char *
_koc_discover_format_engagement (KocEngagementVariant variant,
                                 double               value)
{
  if (variant == KOC_ENGAGEMENT_INTERACTIONS)
    return value < 0 ? g_strdup ("—") : koc_format_count ((gint64) (value + 0.5));
  return koc_format_percent (value);
}

static void
update_legend (KocDiscoverPane *self)
{
  g_autofree char *legend =
    /* Translators: the legend under the results; %s is the engagement formula */
    g_strdup_printf (_("%s. Mentions: posts that name your brands. KOC score: 0–100, from engagement within the follower tier, brand affinity, authenticity, conversion and recency."),
                     _koc_discover_engagement_formula (self->engagement));

  gtk_label_set_label (GTK_LABEL (self->legend_label), legend);
}

static void
variant_selected_cb (KocDiscoverPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->engagement_dropdown);

  _koc_discover_set_engagement (self, selected <= KOC_ENGAGEMENT_INTERACTIONS
                                      ? (KocEngagementVariant) selected : KOC_ENGAGEMENT_BY_FOLLOWERS);
}

void
_koc_discover_set_engagement (KocDiscoverPane      *self,
                              KocEngagementVariant  variant)
{
  if (gtk_drop_down_get_selected (self->engagement_dropdown) != (guint) variant)
    {
      gtk_drop_down_set_selected (self->engagement_dropdown, variant);
      return; /* back here through ::notify */
    }
  if (self->engagement == variant)
    return;
  self->engagement = variant;
  gtk_column_view_column_set_title (self->engagement_column, _koc_discover_engagement_title (variant));
  update_legend (self);
  _koc_discover_update_header_tooltips (self);
  if (self->store != NULL)
    _koc_discover_start_search (self);
}

void
_koc_discover_engagement_init (KocDiscoverPane *self)
{
  const char *items[] = {
    /* Translators: engagement variants in the Discover toolbar */
    N_("By followers"), N_("By views (video)"), N_("赞藏评 (Xiaohongshu)"), NULL
  };
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (list, _(items[i]));
  self->engagement_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->engagement_dropdown), _("Engagement figure to show and sort by"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->engagement_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Engagement variant"), -1);
  gtk_box_insert_child_after (GTK_BOX (self->toolbar), GTK_WIDGET (self->engagement_dropdown),
                              GTK_WIDGET (self->search_entry));
  g_signal_connect_object (self->engagement_dropdown, "notify::selected",
                           G_CALLBACK (variant_selected_cb), self, G_CONNECT_SWAPPED);
  self->engagement = KOC_ENGAGEMENT_BY_FOLLOWERS;
  gtk_column_view_column_set_title (self->engagement_column, _koc_discover_engagement_title (self->engagement));
  update_legend (self);
}
