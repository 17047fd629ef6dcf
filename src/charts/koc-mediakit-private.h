/* koc-mediakit-private.h: drawing helpers shared by the one-sheet and the comparison.
 *
 * Pages are laid out in logical pixels of an A4 page at 96 dpi (794 × 1123), the unit the
 * chart fonts are sized in; koc_mediakit_page_begin() scales that onto the caller's
 * rectangle (points on a PDF page, pixels on a PNG).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-mediakit.h"

G_BEGIN_DECLS

#define KOC_MK_W      793.7
#define KOC_MK_H      1122.5
#define KOC_MK_MARGIN 48.0

typedef struct
{
  KocChartStyle style;
  gint64        generated_at;
} KocMkPage;

void    koc_mk_page_begin   (cairo_t                  *cr,
                             KocMkPage                *page,
                             const KocMediakitOptions *options,
                             double                    width,
                             double                    height);
/* The footer: generated date and where the data comes from. */
void    koc_mk_footer       (cairo_t                  *cr,
                             KocMkPage                *page);

/* Draws @text in a box @width wide at (@x, @y), wrapped to at most @max_lines lines
 * (0: any) and ellipsized; returns the height used. @color NULL: foreground. */
double  koc_mk_text         (cairo_t                  *cr,
                             KocMkPage                *page,
                             const char               *text,
                             double                    x,
                             double                    y,
                             double                    width,
                             double                    scale,
                             gboolean                  bold,
                             const KocChartColor      *color,
                             int                       max_lines);
/* Like koc_mk_text() with Pango markup. */
double  koc_mk_markup       (cairo_t                  *cr,
                             KocMkPage                *page,
                             const char               *markup,
                             double                    x,
                             double                    y,
                             double                    width,
                             double                    scale,
                             const KocChartColor      *color,
                             int                       max_lines);

void    koc_mk_card         (cairo_t                  *cr,
                             KocMkPage                *page,
                             double                    x,
                             double                    y,
                             double                    width,
                             double                    height);
/* @image (nullable) scaled to cover a circle (@round) or a rounded square at x,y. */
void    koc_mk_image        (cairo_t                  *cr,
                             KocMkPage                *page,
                             cairo_surface_t          *image,
                             double                    x,
                             double                    y,
                             double                    size,
                             gboolean                  round,
                             const char               *initial_of);

/* The header of a person: avatar, name, stage · region · category, accounts, tags.
 * @compact: a narrower column (comparison). Returns the height used. */
double  koc_mk_person_header (cairo_t                 *cr,
                              KocMkPage               *page,
                              const KocMediakitPerson *person,
                              double                   x,
                              double                   y,
                              double                   width,
                              gboolean                 compact);

/* Key stats as text, with the formula or detail line under each value. */
typedef struct
{
  char *label;
  char *value;
  char *detail;
} KocMkStat;

#define KOC_MK_N_STATS 6
void    koc_mk_stats        (const KocPersonProfile   *profile,
                             KocMkStat                 stats[KOC_MK_N_STATS]);
void    koc_mk_stats_clear  (KocMkStat                 stats[KOC_MK_N_STATS]);

G_END_DECLS
