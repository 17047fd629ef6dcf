/* koc-campaigns-format.c: how the board writes money, dates, tiers and incentives.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "koc-campaigns-pane-private.h"

char *
_koc_campaigns_format_money (gint64 cents)
{
  if (cents % 100 == 0)
    return g_strdup_printf ("¥%lld", (long long)(cents / 100));
  return g_strdup_printf ("¥%lld.%02lld", (long long)(cents / 100), (long long)(ABS (cents) % 100));
}

const char *
_koc_campaigns_incentive_name (const char *kind)
{
  static const struct { const char *kind; const char *name; } names[] = {
    { "seeding", N_("Product seeding") },
    { "early_access", N_("Early access") },
    { "referral_code", N_("Referral code") },
    { "event_invite", N_("Event invitation") },
    { "content_feature", N_("Content feature") },
    { "ambassador", N_("Ambassador") },
    { "lucky_draw", N_("Lucky draw") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].kind, kind) == 0)
      return _(names[i].name);
  return _("Other incentive");
}

const char *
_koc_campaigns_tier_name (const char *tier)
{
  static const struct { const char *tier; const char *name; } names[] = {
    { "nano", N_("Nano") },
    { "micro", N_("Micro") },
    { "mid", N_("Mid-tier") },
    { "macro", N_("Macro") },
    { "mega", N_("Mega") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].tier, tier) == 0)
      return _(names[i].name);
  return tier;
}

char *
_koc_campaigns_format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (unix_time);

  if (date == NULL)
    return g_strdup ("?");
  /* TRANSLATORS: a short date on a board card (strftime format), e.g. "Nov 3" */
  return g_date_time_format (date, C_("short date", "%b %-d"));
}

gboolean
_koc_campaigns_card_overdue (const KocCard *card,
                             gboolean       last_stage)
{
  return card->due_at > 0 && !last_stage && card->due_at < g_get_real_time () / G_USEC_PER_SEC;
}
