/* koc-chart-cloud.h: a keyword cloud drawn with cairo + Pango (no GTK).
 *
 * Layout: words sorted by weight (then by text: a total order), sized between a minimum
 * and a maximum font size by the square root of their weight, and placed one after the
 * other along an Archimedean spiral from the centre at the first position where their
 * rectangle (Pango's logical extents plus a margin) fits inside the area and overlaps no
 * placed word. No randomness: the same words and size give the same rectangles.
 *
 * No word is dropped silently: a word that finds no place is tried again smaller (down
 * to the minimum size); if words are still left, the whole cloud is laid out again at a
 * smaller scale (a few times); what still does not fit goes to the overflow list, which
 * the cloud draws as a line of text under the words ("Not shown: …") and names in its
 * text alternative (koc_chart_cloud_describe()).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "koc-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  KOC_CLOUD_COLOR_TREND,      /* rising: style positive; falling: negative */
  KOC_CLOUD_COLOR_SENTIMENT,  /* positive / negative sentiment */
} KocCloudColorBy;

typedef enum
{
  KOC_CHART_EXPORT_PNG,
  KOC_CHART_EXPORT_SVG,
  KOC_CHART_EXPORT_PDF,
} KocChartExportFormat;

/* Input: one word. */
typedef struct
{
  const char *text;
  double      weight;     /* > 0; decides the size (a count or a score) */
  gint64      count;      /* shown on hover and in the description */
  double      trend;      /* log2 ratio (koc_keyword_trend()); 0: flat or unknown */
  double      sentiment;  /* -1 … 1; 0: neutral or unknown */
} KocCloudWord;

/* A laid-out word. */
typedef struct
{
  char   *text;
  double  weight;
  gint64  count;
  double  trend;
  double  sentiment;
  guint   rank;          /* 0 = heaviest */
  double  font_px;       /* font size in logical pixels */
  double  x, y;          /* top left of the rectangle */
  double  width, height;
  gboolean placed;
} KocCloudItem;

typedef struct _KocChartCloud KocChartCloud;

KocChartCloud      *koc_chart_cloud_new          (const KocCloudWord   *words,
                                                  guint                 n_words);
void                koc_chart_cloud_free         (KocChartCloud        *self);

/* Lays the words out for an area of @width × @height logical pixels. */
void                koc_chart_cloud_layout       (KocChartCloud        *self,
                                                  const KocChartStyle  *style,
                                                  double                width,
                                                  double                height);

guint               koc_chart_cloud_get_n_words  (KocChartCloud        *self);
/* Word @index in rank order (placed or not). */
const KocCloudItem *koc_chart_cloud_get_word     (KocChartCloud        *self,
                                                  guint                 index);
guint               koc_chart_cloud_get_n_placed (KocChartCloud        *self);
/* (transfer none) the words that did not fit, in rank order (element-type KocCloudItem). */
GPtrArray          *koc_chart_cloud_get_overflow (KocChartCloud        *self);

/* The rank of the placed word whose rectangle holds (@x, @y), or -1. */
int                 koc_chart_cloud_hit_test     (KocChartCloud        *self,
                                                  double                x,
                                                  double                y);

/* Draws the laid-out cloud; @highlight is a rank to outline (-1: none). */
void                koc_chart_cloud_draw         (KocChartCloud        *self,
                                                  cairo_t              *cr,
                                                  const KocChartStyle  *style,
                                                  KocCloudColorBy       color_by,
                                                  int                   highlight);

/* A text alternative: how many words, the biggest ones with their counts and trends,
 * and the words not shown. Translated. */
char               *koc_chart_cloud_describe     (KocChartCloud        *self);

/* Lays out for @width × @height and writes a PNG, SVG or PDF file. */
gboolean            koc_chart_cloud_export       (KocChartCloud        *self,
                                                  const KocChartStyle  *style,
                                                  KocCloudColorBy       color_by,
                                                  KocChartExportFormat  format,
                                                  const char           *path,
                                                  double                width,
                                                  double                height,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocChartCloud, koc_chart_cloud_free)

G_END_DECLS
