/* koc-discover-format.c: numbers, dates and names as Discover shows them.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "koc-discover-format.h"

static int forced_myriads = -1;

void
koc_format_set_myriads (int myriads)
{
  forced_myriads = myriads;
}

gboolean
koc_format_uses_myriads (void)
{
  const char *header;

  if (forced_myriads >= 0)
    return forced_myriads > 0;

  /* The catalogue in use, not the environment: LANGUAGE=fr:zh_CN shows Chinese when
   * there is no French translation, and then the numbers must read as Chinese too.
   * The header (msgid "") names the catalogue's language. */
  header = g_dgettext (GETTEXT_PACKAGE, "");
  return header != NULL && *header != '\0' &&
         (strstr (header, "Language: zh") != NULL || strstr (header, "Language: ja") != NULL);
}

/* One decimal below 100 units, none above: 1.2万, 12.3k, 123k. */
static char *
format_scaled (double      value,
               const char *unit)
{
  if (value < 99.95)
    {
      g_autofree char *number = g_strdup_printf ("%.1f", value);

      /* "10.0k" reads better as "10k". */
      if (g_str_has_suffix (number, ".0"))
        number[strlen (number) - 2] = '\0';
      return g_strconcat (number, unit, NULL);
    }
  return g_strdup_printf ("%.0f%s", value, unit);
}

char *
koc_format_grouped (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

char *
koc_format_count (gint64 count)
{
  if (count < 0)
    return g_strdup ("—");

  if (koc_format_uses_myriads ())
    {
      if (count < 10000)
        return koc_format_grouped (count);
      if (count < 100000000)
        return format_scaled (count / 1e4, "万");
      return format_scaled (count / 1e8, "亿");
    }

  if (count < 1000)
    return koc_format_grouped (count);
  if (count < 999950)
    return format_scaled (count / 1e3, "k");
  if (count < G_GINT64_CONSTANT (999950000))
    return format_scaled (count / 1e6, "M");
  return format_scaled (count / 1e9, "B");
}

char *
koc_format_percent (double fraction)
{
  if (fraction < 0 || isnan (fraction))
    return g_strdup ("—");
  /* Translators: an engagement rate, e.g. "5.2%"; keep the %.1f and the %%. */
  return g_strdup_printf (_("%.1f%%"), fraction * 100);
}

char *
koc_format_score (double score)
{
  if (score < 0 || isnan (score))
    return g_strdup ("—");
  return g_strdup_printf ("%.0f", score);
}

char *
koc_format_relative_time (gint64 when,
                          gint64 now)
{
  gint64 days;

  if (when <= 0)
    return g_strdup ("—");

  days = (now - when) / (24 * 60 * 60);
  if (days < 0)
    days = 0;

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days < 14)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), (int) days);
  if (days < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week ago", "%d weeks ago", days / 7),
                            (int) (days / 7));
  if (days < 365)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month ago", "%d months ago", days / 30),
                            (int) (days / 30));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year ago", "%d years ago", days / 365),
                          (int) (days / 365));
}
