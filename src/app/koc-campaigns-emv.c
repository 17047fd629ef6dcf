/* koc-campaigns-emv.c: the Edit Campaign window's EMV values — per platform, yuan per
 * 1,000 views and per engagement (stored as fen per view and per engagement, table
 * emv_rates), labelled an estimate everywhere.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "koc-campaigns-pane-private.h"
#include "koc-campaigns-stats.h"
#include "koc-names.h"

static GtkWidget *
rate_spin (GPtrArray   *spins,
           const char  *platform,
           double       value,
           const char  *label,
           GCallback    changed,
           gpointer     data)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 0.1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (spin), "koc-platform", (gpointer)platform);
  g_signal_connect_swapped (spin, "value-changed", changed, data);
  g_ptr_array_add (spins, spin);
  return spin;
}

GtkWidget *
_koc_campaigns_emv_group (GArray    *rates,
                          GPtrArray *spins,
                          GCallback  changed,
                          gpointer   data)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("EMV Values (an Estimate)"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Earned media value is estimated from these values per platform: yuan per 1,000 views and per engagement. They apply to every campaign of this workspace."));
  for (guint i = 0; i < rates->len; i++)
    {
      const KocEmvRate *rate = &g_array_index (rates, KocEmvRate, i);
      GtkWidget *row = adw_action_row_new ();
      const char *name = koc_format_platform_name (rate->platform);
      g_autofree char *views = g_strdup_printf (_("%s: yuan per 1,000 views"), name);
      g_autofree char *engagement = g_strdup_printf (_("%s: yuan per engagement"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("per 1,000 views · per engagement"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), rate_spin (spins, rate->platform,
                                                                 rate->cents_per_view * 10, views,
                                                                 changed, data));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), rate_spin (spins, rate->platform,
                                                                 rate->cents_per_engagement / 100,
                                                                 engagement, changed, data));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

GArray *
_koc_campaigns_emv_read (GPtrArray *spins)
{
  GArray *rates = g_array_new (FALSE, TRUE, sizeof (KocEmvRate));

  for (guint i = 0; i + 1 < spins->len; i += 2)
    {
      GtkWidget *views = spins->pdata[i], *engagement = spins->pdata[i + 1];
      KocEmvRate rate = {
        g_object_get_data (G_OBJECT (views), "koc-platform"),
        /* ¥ per 1,000 views → fen per view; ¥ → fen. */
        round (gtk_spin_button_get_value (GTK_SPIN_BUTTON (views)) * 1000) / 10000,
        round (gtk_spin_button_get_value (GTK_SPIN_BUTTON (engagement)) * 10000) / 100,
      };

      g_array_append_val (rates, rate);
    }
  return rates;
}
