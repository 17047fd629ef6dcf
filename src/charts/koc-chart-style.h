/* koc-chart-style.h: what every chart in src/charts shares — colours for the light and
 * dark styles, the font (with CJK coverage), sizes in logical pixels, and "nice" axis
 * ticks. No GTK here: the app fills a KocChartStyle from AdwStyleManager, the CLI and
 * the PDF exporters use koc_chart_style_init().
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define KOC_CHART_N_SERIES_COLORS 8

typedef struct
{
  double red, green, blue, alpha;
} KocChartColor;

typedef struct
{
  gboolean      dark;
  KocChartColor background;   /* alpha 0 when the widget's own background shows */
  KocChartColor foreground;   /* text */
  KocChartColor dim;          /* axis labels, captions */
  KocChartColor grid;
  KocChartColor accent;
  KocChartColor positive;     /* rising / positive sentiment */
  KocChartColor negative;     /* falling / negative sentiment */
  KocChartColor series[KOC_CHART_N_SERIES_COLORS];
  const char   *font_family;  /* a Pango family list that covers Han, Latin and emoji */
  double        font_size;    /* in points at 96 dpi == logical pixels * 0.75 */
} KocChartStyle;

/* Fills @style with the GNOME palette for the light or dark style. */
void          koc_chart_style_init         (KocChartStyle       *style,
                                            gboolean             dark);

void          koc_chart_set_color          (cairo_t             *cr,
                                            const KocChartColor *color);

/* Series colour @index (wraps around). */
const KocChartColor *koc_chart_style_series (const KocChartStyle *style,
                                             guint                index);

/* A Pango layout in the style's font at @scale × the style's size (1.0 = body text),
 * optionally bold. The caller sets the text. */
PangoLayout  *koc_chart_layout_new         (cairo_t             *cr,
                                            const KocChartStyle *style,
                                            double               scale,
                                            gboolean             bold);

/* Draws plain @text wrapped to @width at (x, y) in @color with a koc_chart_layout_new()
 * layout; returns the height it used. */
double        koc_chart_show_text          (cairo_t             *cr,
                                            const KocChartStyle *style,
                                            const char          *text,
                                            double               x,
                                            double               y,
                                            double               width,
                                            double               scale,
                                            gboolean             bold,
                                            const KocChartColor *color);

/* "Nice" ticks covering [min, max]: fills @step and the rounded @lo/@hi the axis
 * should span (lo <= min, hi >= max), about @target ticks. Returns the tick count. */
guint         koc_chart_nice_ticks         (double               min,
                                            double               max,
                                            guint                target,
                                            double              *lo,
                                            double              *hi,
                                            double              *step);

/* Compact number for axis labels: 950, 1.2k, 3.4M (or 1.2万, 3.4亿 when @cjk_units). */
char         *koc_chart_format_compact     (double               value,
                                            gboolean             cjk_units);

/* How a chart shows its values. */
typedef enum
{
  KOC_CHART_VALUE_COUNT,    /* a number of things: 12,345 (exact), 12.3k (compact) */
  KOC_CHART_VALUE_PERCENT,  /* a fraction shown as a percentage: 0.032 -> 3.20% / 3.2% */
  KOC_CHART_VALUE_DECIMAL,  /* a plain number with up to 2 decimals (scores, averages) */
} KocChartValueFormat;

/* TRUE when the current translation counts in 万/亿 (the translators decide). */
gboolean      koc_chart_use_cjk_units      (void);

/* @value in @format: @compact for axis ticks and bar labels ("12.3k", "3.2%"), else
 * exact for tooltips and text alternatives ("12,345", "3.20%"). */
char         *koc_chart_format_value       (double               value,
                                            KocChartValueFormat  format,
                                            gboolean             compact);

G_END_DECLS
