/* koc-chart-cloud.c: the keyword cloud (see koc-chart-cloud.h for the layout rules).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-charts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "koc-chart-cloud.h"

#define MARGIN        2.0   /* free space kept around each word */
#define MIN_FONT_PX   10.0
#define SPIRAL_GROWTH 1.2   /* radius gained per radian */
#define SPIRAL_STEP   3.0   /* arc length between two tries, in pixels */
#define N_SCALES      5

static const double scales[N_SCALES] = { 1.0, 0.85, 0.72, 0.61, 0.52 };

struct _KocChartCloud
{
  GArray    *items;     /* KocCloudItem in rank order */
  GPtrArray *overflow;  /* KocCloudItem * into items */
  double     width;
  double     height;
  double     area_height; /* without the overflow line */
  double     footer_px;
};

static void
item_clear (gpointer data)
{
  g_free (((KocCloudItem *) data)->text);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  const KocCloudItem *x = a, *y = b;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return strcmp (x->text, y->text);
}

KocChartCloud *
koc_chart_cloud_new (const KocCloudWord *words,
                     guint               n_words)
{
  KocChartCloud *self = g_new0 (KocChartCloud, 1);

  self->items = g_array_sized_new (FALSE, TRUE, sizeof (KocCloudItem), n_words);
  g_array_set_clear_func (self->items, item_clear);
  self->overflow = g_ptr_array_new ();
  for (guint i = 0; i < n_words; i++)
    {
      KocCloudItem item = { 0 };

      if (words[i].text == NULL || *words[i].text == '\0')
        continue;
      item.text = g_strdup (words[i].text);
      item.weight = isfinite (words[i].weight) ? MAX (words[i].weight, 0) : 0;
      item.count = words[i].count;
      item.trend = isfinite (words[i].trend) ? words[i].trend : 0;
      item.sentiment = isfinite (words[i].sentiment) ? words[i].sentiment : 0;
      g_array_append_val (self->items, item);
    }
  g_array_sort (self->items, compare_words);
  for (guint i = 0; i < self->items->len; i++)
    g_array_index (self->items, KocCloudItem, i).rank = i;
  return self;
}

void
koc_chart_cloud_free (KocChartCloud *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_ptr_array_unref (self->overflow);
  g_free (self);
}

static PangoLayout *
word_layout (cairo_t             *cr,
             const KocChartStyle *style,
             const KocCloudItem  *item)
{
  /* style->font_size is in points at 96 dpi: logical pixels × 0.75. */
  PangoLayout *layout = koc_chart_layout_new (cr, style, item->font_px * 0.75 / style->font_size,
                                              item->rank < 3);

  pango_layout_set_text (layout, item->text, -1);
  return layout;
}

static gboolean
fits (const KocChartCloud *self,
      guint                n_placed_upto,
      double               x,
      double               y,
      double               w,
      double               h,
      double               pad)
{
  if (x < 0 || y < 0 || x + w > self->width || y + h > self->area_height)
    return FALSE;
  for (guint i = 0; i < n_placed_upto; i++)
    {
      const KocCloudItem *o = &g_array_index (self->items, KocCloudItem, i);

      if (!o->placed)
        continue;
      if (x < o->x + o->width + pad && o->x < x + w + pad &&
          y < o->y + o->height + MARGIN && o->y < y + h + MARGIN)
        return FALSE;
    }
  return TRUE;
}

/* Walks the spiral for item @i; TRUE when it found a place. */
static gboolean
place (KocChartCloud *self,
       KocCloudItem  *item,
       guint          i)
{
  double cx = self->width / 2, cy = self->area_height / 2;
  double aspect = self->area_height > 0 ? self->width / self->area_height : 1;
  double max_r = hypot (self->width, self->area_height);
  /* Words side by side need a visible gap, or 致敬 感谢 reads as one word. */
  double pad = MAX (MARGIN, round (item->font_px * 0.3));
  double t = 0;

  aspect = CLAMP (aspect, 0.5, 3.0);
  while (TRUE)
    {
      double r = SPIRAL_GROWTH * t;
      double x = cx + r * cos (t) * aspect - item->width / 2;
      double y = cy + r * sin (t) - item->height / 2;

      if (r > max_r)
        return FALSE;
      x = round (x);
      y = round (y);
      if (fits (self, i, x, y, item->width, item->height, pad))
        {
          item->x = x;
          item->y = y;
          return TRUE;
        }
      t += SPIRAL_STEP / MAX (r, SPIRAL_STEP);
    }
}

static void
measure (cairo_t             *cr,
         const KocChartStyle *style,
         KocCloudItem        *item)
{
  g_autoptr(PangoLayout) layout = word_layout (cr, style, item);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  item->width = logical.width;
  item->height = logical.height;
}

/* One pass at @scale; returns the number of words left out. */
static guint
layout_pass (KocChartCloud       *self,
             cairo_t             *cr,
             const KocChartStyle *style,
             double               scale)
{
  guint n = self->items->len, left_out = 0;
  double wmax, wmin, max_px, min_px;

  if (n == 0)
    return 0;
  wmax = g_array_index (self->items, KocCloudItem, 0).weight;
  wmin = g_array_index (self->items, KocCloudItem, n - 1).weight;
  max_px = MAX (MIN (MIN (self->area_height / 4.0, self->width / 6.0), 72.0) * scale, MIN_FONT_PX);
  min_px = MAX (MIN_FONT_PX, MIN (14.0 * scale, max_px));

  for (guint i = 0; i < n; i++)
    {
      KocCloudItem *item = &g_array_index (self->items, KocCloudItem, i);
      double f = wmax > wmin ? sqrt ((item->weight - wmin) / (wmax - wmin)) : 0.5;

      item->placed = FALSE;
      item->font_px = round (min_px + (max_px - min_px) * f);
      while (TRUE)
        {
          measure (cr, style, item);
          if (place (self, item, i))
            {
              item->placed = TRUE;
              break;
            }
          if (item->font_px <= min_px)
            break;
          item->font_px = MAX (min_px, round (item->font_px * 0.8));
        }
      if (!item->placed)
        left_out++;
    }
  return left_out;
}

void
koc_chart_cloud_layout (KocChartCloud       *self,
                        const KocChartStyle *style,
                        double               width,
                        double               height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint left_out = 0;

  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->area_height = self->height;
  self->footer_px = 0;
  g_ptr_array_set_size (self->overflow, 0);

  for (guint s = 0; s < N_SCALES; s++)
    if ((left_out = layout_pass (self, cr, style, scales[s])) == 0)
      break;

  if (left_out > 0)
    {
      /* Make room for the line that lists what is not shown. */
      g_autoptr(PangoLayout) probe = koc_chart_layout_new (cr, style, 1.0, FALSE);
      PangoRectangle logical;

      pango_layout_set_text (probe, "Ag字", -1);
      pango_layout_get_pixel_extents (probe, NULL, &logical);
      self->footer_px = logical.height + 2 * MARGIN;
      self->area_height = MAX (self->height - self->footer_px, 1);
      layout_pass (self, cr, style, scales[N_SCALES - 1]);
      for (guint i = 0; i < self->items->len; i++)
        if (!g_array_index (self->items, KocCloudItem, i).placed)
          g_ptr_array_add (self->overflow, &g_array_index (self->items, KocCloudItem, i));
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

guint
koc_chart_cloud_get_n_words (KocChartCloud *self)
{
  return self->items->len;
}

const KocCloudItem *
koc_chart_cloud_get_word (KocChartCloud *self,
                          guint          index)
{
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, KocCloudItem, index);
}

guint
koc_chart_cloud_get_n_placed (KocChartCloud *self)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    n += g_array_index (self->items, KocCloudItem, i).placed;
  return n;
}

GPtrArray *
koc_chart_cloud_get_overflow (KocChartCloud *self)
{
  return self->overflow;
}

int
koc_chart_cloud_hit_test (KocChartCloud *self,
                          double         x,
                          double         y)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const KocCloudItem *item = &g_array_index (self->items, KocCloudItem, i);

      if (item->placed && x >= item->x && x < item->x + item->width &&
          y >= item->y && y < item->y + item->height)
        return (int) i;
    }
  return -1;
}

static const KocChartColor *
item_color (const KocChartStyle *style,
            const KocCloudItem  *item,
            KocCloudColorBy      color_by)
{
  double value = color_by == KOC_CLOUD_COLOR_TREND ? item->trend : item->sentiment;
  double bar = color_by == KOC_CLOUD_COLOR_TREND ? 0.5 : 0.2;

  if (value >= bar)
    return &style->positive;
  if (value <= -bar)
    return &style->negative;
  return item->rank < 5 ? &style->foreground : &style->dim;
}

static char *
overflow_text (KocChartCloud *self)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < self->overflow->len; i++)
    {
      const KocCloudItem *item = g_ptr_array_index (self->overflow, i);

      if (i > 0)
        g_string_append (list, _(", "));
      g_string_append (list, item->text);
    }
  /* Translators: %s is a list of keywords that did not fit into the cloud. */
  return g_strdup_printf (_("Not shown (no room): %s"), list->str);
}

void
koc_chart_cloud_draw (KocChartCloud       *self,
                      cairo_t             *cr,
                      const KocChartStyle *style,
                      KocCloudColorBy      color_by,
                      int                  highlight)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const KocCloudItem *item = &g_array_index (self->items, KocCloudItem, i);
      g_autoptr(PangoLayout) layout = NULL;

      if (!item->placed)
        continue;
      if ((int) i == highlight)
        {
          KocChartColor fill = style->accent;

          fill.alpha = 0.18;
          koc_chart_set_color (cr, &fill);
          cairo_rectangle (cr, item->x - 1, item->y - 1, item->width + 2, item->height + 2);
          cairo_fill (cr);
        }
      layout = word_layout (cr, style, item);
      koc_chart_set_color (cr, item_color (style, item, color_by));
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, layout);
    }

  if (self->overflow->len > 0)
    {
      g_autoptr(PangoLayout) layout = koc_chart_layout_new (cr, style, 1.0, FALSE);
      g_autofree char *text = overflow_text (self);

      pango_layout_set_text (layout, text, -1);
      pango_layout_set_width (layout, (int) (self->width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      koc_chart_set_color (cr, &style->dim);
      cairo_move_to (cr, 0, self->area_height + MARGIN);
      pango_cairo_show_layout (cr, layout);
    }
}

char *
koc_chart_cloud_describe (KocChartCloud *self)
{
  GString *out = g_string_new (NULL);
  guint n = self->items->len;
  guint shown = 0;

  if (n == 0)
    {
      g_string_append (out, _("Keyword cloud: no keywords."));
      return g_string_free (out, FALSE);
    }
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Keyword cloud of %u word.",
                                            "Keyword cloud of %u words.", n), n);
  g_string_append_c (out, ' ');
  g_string_append (out, _("Biggest first:"));
  for (guint i = 0; i < n && shown < 10; i++)
    {
      const KocCloudItem *item = &g_array_index (self->items, KocCloudItem, i);
      g_autofree char *count = g_strdup_printf ("%'lld", (long long) item->count);
      const char *trend = item->trend >= 0.5 ? _("rising") : item->trend <= -0.5 ? _("falling") : NULL;

      if (!item->placed)
        continue;
      g_string_append (out, shown == 0 ? " " : _(", "));
      if (trend != NULL)
        /* Translators: a keyword, its number of posts and "rising" or "falling". */
        g_string_append_printf (out, _("%s (%s posts, %s)"), item->text, count, trend);
      else
        /* Translators: a keyword and its number of posts. */
        g_string_append_printf (out, _("%s (%s posts)"), item->text, count);
      shown++;
    }
  g_string_append_c (out, '.');
  if (self->overflow->len > 0)
    {
      g_autofree char *text = overflow_text (self);

      g_string_append_c (out, ' ');
      g_string_append (out, text);
      g_string_append_c (out, '.');
    }
  return g_string_free (out, FALSE);
}

gboolean
koc_chart_cloud_export (KocChartCloud        *self,
                        const KocChartStyle  *style,
                        KocCloudColorBy       color_by,
                        KocChartExportFormat  format,
                        const char           *path,
                        double                width,
                        double                height,
                        GError              **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case KOC_CHART_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
      break;
    case KOC_CHART_EXPORT_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case KOC_CHART_EXPORT_PDF:
    default:
      surface = cairo_pdf_surface_create (path, width, height);
      break;
    }

  koc_chart_cloud_layout (self, style, width, height);
  cr = cairo_create (surface);
  if (style->background.alpha > 0)
    koc_chart_set_color (cr, &style->background);
  else if (style->dark)
    cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  koc_chart_cloud_draw (self, cr, style, color_by, -1);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  if (format == KOC_CHART_EXPORT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
