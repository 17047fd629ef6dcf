/* koc-demo-people.c: names, handles, bios and procedural avatars of demo people.
 *
 * Avatars are tiny SVG documents written as text (no cairo, no GTK: this is the store
 * layer): a diagonal gradient between two hues drawn from the RNG, one or two
 * translucent shapes, and the first character of the name when it is a letter or an
 * ideograph. They stay under 600 bytes and are identical for the same RNG state.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include "koc-demo-private.h"

void
koc_demo_make_names (KocDemoRng  *rng,
                     gboolean     english,
                     guint        index,
                     char       **nickname,
                     char       **handle)
{
  g_autofree char *base = NULL;
  g_autofree char *index36 = NULL;
  char digits[16];
  guint n = 0;

  /* The index in base 36 makes the handle unique without looking random. */
  do
    {
      digits[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[index % 36];
      index /= 36;
    }
  while (index > 0 && n < sizeof digits - 1);
  digits[n] = '\0';
  index36 = g_strreverse (g_strdup (digits));

  if (english)
    {
      const char *first = KOC_DEMO_LIST_PICK (rng, &koc_demo_en_first_names);
      const char *style = KOC_DEMO_LIST_PICK (rng, &koc_demo_en_styles);
      g_autofree char *lower = g_ascii_strdown (first, -1);
      const char *const seps[] = { "_", ".", "" };
      const char *slot = strstr (style, "%s");

      g_assert (slot != NULL);
      *nickname = g_strdup_printf ("%.*s%s%s", (int) (slot - style), style, first, slot + 2);
      base = g_strdup_printf ("%s%s%s", lower, seps[koc_demo_rng_range (rng, 3)],
                              koc_demo_rng_chance (rng, 0.5) ? "daily" : "life");
    }
  else
    {
      guint prefix = koc_demo_rng_range (rng, koc_demo_nick_prefix_zh.n_items);
      const char *suffix = KOC_DEMO_LIST_PICK (rng, &koc_demo_nick_suffix_zh);

      g_assert (koc_demo_nick_ascii.n_items == koc_demo_nick_prefix_zh.n_items);
      *nickname = g_strdup_printf ("%s%s", koc_demo_nick_prefix_zh.items[prefix], suffix);
      base = g_strdup (koc_demo_nick_ascii.items[prefix]);
    }

  *handle = g_strdup_printf ("%s_%s", base, index36);
}

char *
koc_demo_make_real_name (KocDemoRng *rng)
{
  return g_strconcat (KOC_DEMO_LIST_PICK (rng, &koc_demo_surnames),
                      KOC_DEMO_LIST_PICK (rng, &koc_demo_given_names), NULL);
}

char *
koc_demo_make_bio (KocDemoRng   *rng,
                   KocDemoTopic  topic,
                   const char   *city,
                   gboolean      english)
{
  const KocDemoTopicWords *words = &koc_demo_topic_words[topic];
  const char *template = english ? KOC_DEMO_LIST_PICK (rng, &koc_demo_bios_en)
                                 : KOC_DEMO_LIST_PICK (rng, &koc_demo_bios);
  GString *out = g_string_new (NULL);

  for (const char *p = template; *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 'c':
          g_string_append (out, city);
          break;
        case 'p':
          g_string_append (out, KOC_DEMO_LIST_PICK (rng, &words->products));
          break;
        case 'P':
          g_string_append (out, KOC_DEMO_LIST_PICK (rng, &words->products_en));
          break;
        case 'x':
          /* Features may contain slots of their own; keep only plain ones here. */
          {
            const char *feature = KOC_DEMO_LIST_PICK (rng, &words->features);

            g_string_append (out, strchr (feature, '%') == NULL ? feature
                                                                 : KOC_DEMO_LIST_PICK (rng, &words->products));
          }
          break;
        case 'e':
          g_string_append (out, KOC_DEMO_LIST_PICK (rng, &koc_demo_emoji));
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/* HSL → "#rrggbb". */
static void
hsl_to_hex (double  h,
            double  s,
            double  l,
            char    out[8])
{
  double c = (1.0 - fabs (2.0 * l - 1.0)) * s;
  double hp = fmod (h, 360.0) / 60.0;
  double x = c * (1.0 - fabs (fmod (hp, 2.0) - 1.0));
  double m = l - c / 2.0;
  double r = 0, g = 0, b = 0;

  /* The six sextants of the hue circle: which channel gets c, which gets x. */
  switch ((int) hp)
    {
    case 0: r = c; g = x; break;
    case 1: r = x; g = c; break;
    case 2: g = c; b = x; break;
    case 3: g = x; b = c; break;
    case 4: r = x; b = c; break;
    default: r = c; b = x; break;
    }

  g_snprintf (out, 8, "#%02x%02x%02x",
              (guint) lround ((r + m) * 255), (guint) lround ((g + m) * 255),
              (guint) lround ((b + m) * 255));
}

/* The first character of @name if it draws well as an initial (a letter or an
 * ideograph, never markup), as UTF-8 in @out. */
static gboolean
initial_of (const char *name,
            char        out[8])
{
  gunichar c;
  int len;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  c = g_utf8_get_char (name);
  if (!g_unichar_isalpha (c))
    return FALSE;

  len = g_unichar_to_utf8 (g_unichar_toupper (c), out);
  out[len] = '\0';
  return TRUE;
}

GBytes *
koc_demo_make_avatar (KocDemoRng *rng,
                      const char *name)
{
  GString *svg = g_string_sized_new (600);
  double hue = koc_demo_rng_range (rng, 360);
  char c1[8], c2[8], glyph[8];
  guint shape = koc_demo_rng_range (rng, 3);
  guint cx = 12 + koc_demo_rng_range (rng, 40), cy = 12 + koc_demo_rng_range (rng, 40);
  guint r = 10 + koc_demo_rng_range (rng, 18);

  hsl_to_hex (hue, 0.65, 0.62, c1);
  hsl_to_hex (hue + 30 + koc_demo_rng_range (rng, 90), 0.70, 0.45, c2);

  g_string_append_printf (svg,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\""
                          " viewBox=\"0 0 64 64\"><defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\""
                          " x2=\"1\" y2=\"1\"><stop offset=\"0\" stop-color=\"%s\"/><stop offset=\"1\""
                          " stop-color=\"%s\"/></linearGradient></defs>"
                          "<rect width=\"64\" height=\"64\" rx=\"32\" fill=\"url(#g)\"/>",
                          c1, c2);

  switch (shape)
    {
    case 0:
      g_string_append_printf (svg, "<circle cx=\"%u\" cy=\"%u\" r=\"%u\" fill=\"#fff\""
                              " fill-opacity=\".22\"/>", cx, cy, r);
      break;
    case 1:
      g_string_append_printf (svg, "<rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\""
                              " transform=\"rotate(%u 32 32)\" fill=\"#fff\" fill-opacity=\".18\"/>",
                              cx / 2, cy / 2, r + 12, r + 12, koc_demo_rng_range (rng, 90));
      break;
    default:
      g_string_append_printf (svg, "<path d=\"M%u 64L%u %uL64 64Z\" fill=\"#000\""
                              " fill-opacity=\".12\"/>", cx / 2, cx, cy);
      break;
    }

  if (initial_of (name, glyph))
    g_string_append_printf (svg, "<text x=\"32\" y=\"42\" font-family=\"sans-serif\""
                            " font-size=\"28\" text-anchor=\"middle\" fill=\"#fff\">%s</text>",
                            glyph);
  else
    g_string_append_printf (svg, "<circle cx=\"32\" cy=\"32\" r=\"9\" fill=\"#fff\"/>");

  g_string_append (svg, "</svg>");
  g_assert (svg->len < 600);

  return g_string_free_to_bytes (svg);
}

char *
koc_demo_sha256_hex (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}
