/* koc-mediakit.c: a person's one-sheet media kit, and writing media kits as PDF or PNG.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "koc-chart-dates.h"
#include "koc-mediakit-charts.h"
#include "koc-mediakit-private.h"

#define GAP 14.0

static void
draw_line_chart (cairo_t      *cr,
                 KocMkPage    *page,
                 KocChartLine *chart,
                 double        x,
                 double        y,
                 double        w,
                 double        h)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  koc_chart_line_render (chart, cr, &page->style, w, h);
  cairo_restore (cr);
}

static void
draw_bar_chart (cairo_t     *cr,
                KocMkPage   *page,
                KocChartBar *chart,
                double       x,
                double       y,
                double       w,
                double       h)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  koc_chart_bar_render (chart, cr, &page->style, w, h);
  cairo_restore (cr);
}

static double
draw_stats (cairo_t                *cr,
            KocMkPage              *page,
            const KocPersonProfile *profile,
            double                  y)
{
  KocMkStat stats[KOC_MK_N_STATS] = { { 0 } };
  double content = KOC_MK_W - 2 * KOC_MK_MARGIN;
  double card_w = (content - 2 * 12) / 3, card_h = 118;

  koc_mk_stats (profile, stats);
  for (guint i = 0; i < KOC_MK_N_STATS; i++)
    {
      double x = KOC_MK_MARGIN + (i % 3) * (card_w + 12);
      double cy = y + (i / 3) * (card_h + 12);
      double ty = cy + 10;

      koc_mk_card (cr, page, x, cy, card_w, card_h);
      ty += koc_mk_text (cr, page, stats[i].label, x + 12, ty, card_w - 24, 0.85, FALSE, &page->style.dim, 1);
      ty += koc_mk_text (cr, page, stats[i].value, x + 12, ty, card_w - 24, 1.8, TRUE, NULL, 1) + 2;
      koc_mk_text (cr, page, stats[i].detail, x + 12, ty, card_w - 24, 0.7, FALSE, &page->style.dim,
                   (int) MAX (1, floor ((cy + card_h - 6 - ty) / 12.5)));
    }
  koc_mk_stats_clear (stats);
  return 2 * card_h + 12;
}

static void
draw_post (cairo_t                 *cr,
           KocMkPage               *page,
           const KocMediakitPerson *person,
           const KocPersonPost     *post,
           double                   x,
           double                   y,
           double                   w,
           double                   h)
{
  cairo_surface_t *thumb = NULL;
  g_autofree char *source = NULL;
  g_autofree char *date = koc_chart_format_date (post->published_at);
  g_autofree char *engagement = koc_chart_format_value (post->engagement, KOC_CHART_VALUE_COUNT, FALSE);
  g_autofree char *metrics = NULL;
  double ty = y + 10, size = 56;

  if (post->image_sha256 != NULL && person->thumbnails != NULL)
    thumb = g_hash_table_lookup (person->thumbnails, post->image_sha256);

  koc_mk_card (cr, page, x, y, w, h);
  koc_mk_image (cr, page, thumb, x + 10, y + 10, size, FALSE, NULL);

  /* Translators: where a post was published: platform and post type, e.g. "Douyin · Video". */
  source = g_strdup_printf (_("%1$s · %2$s"), koc_mediakit_platform_name (post->platform),
                            koc_mediakit_kind_name (post->kind));
  ty += koc_mk_text (cr, page, source, x + 20 + size, ty, w - 30 - size, 0.8, TRUE, NULL, 1);
  ty += koc_mk_text (cr, page, date, x + 20 + size, ty, w - 30 - size, 0.75, FALSE, &page->style.dim, 1);
  if (post->engagement_rate >= 0)
    {
      g_autofree char *rate = koc_chart_format_value (post->engagement_rate, KOC_CHART_VALUE_PERCENT, FALSE);

      /* Translators: a post's numbers: engagements and the engagement rate. */
      metrics = g_strdup_printf (_("%1$s engagements · %2$s"), engagement, rate);
    }
  else
    metrics = g_strdup_printf (_("%s engagements"), engagement);
  koc_mk_text (cr, page, metrics, x + 20 + size, ty + 2, w - 30 - size, 0.75, FALSE, &page->style.accent, 2);

  ty = y + 10 + size + 8;
  koc_mk_text (cr, page, post->text, x + 10, ty, w - 20, 0.8, FALSE, NULL,
               (int) MAX (1, floor ((y + h - 8 - ty) / 14)));
}

void
koc_mediakit_render (cairo_t                  *cr,
                     const KocMediakitPerson  *person,
                     const KocMediakitOptions *options,
                     double                    width,
                     double                    height)
{
  const KocPersonProfile *p;
  KocMkPage page;
  double content = KOC_MK_W - 2 * KOC_MK_MARGIN;
  double half = (content - GAP) / 2;
  double y = KOC_MK_MARGIN;
  guint n_posts;

  g_return_if_fail (cr != NULL && person != NULL && person->profile != NULL);
  p = person->profile;

  cairo_save (cr);
  koc_mk_page_begin (cr, &page, options, width, height);

  /* A caption in the corner says what this page is. */
  {
    g_autoptr (PangoLayout) layout = koc_chart_layout_new (cr, &page.style, 0.8, TRUE);
    int w;

    pango_layout_set_text (layout, _("Media kit"), -1);
    pango_layout_get_pixel_size (layout, &w, NULL);
    koc_chart_set_color (cr, &page.style.accent);
    cairo_move_to (cr, KOC_MK_W - KOC_MK_MARGIN - w, y);
    pango_cairo_show_layout (cr, layout);
  }

  y += koc_mk_person_header (cr, &page, person, KOC_MK_MARGIN, y, content - 90, FALSE) + 20;
  y += draw_stats (cr, &page, p, y) + 20;

  {
    g_autoptr (KocChartLine) followers = koc_mediakit_chart_followers (p, 4);
    g_autoptr (KocChartLine) engagement = koc_mediakit_chart_engagement (p, 4);
    g_autoptr (KocChartBar) months = koc_mediakit_chart_posts_per_month (p);
    g_autoptr (KocChartBar) kinds = koc_mediakit_chart_kinds (p);

    draw_line_chart (cr, &page, followers, KOC_MK_MARGIN, y, half, 200);
    draw_line_chart (cr, &page, engagement, KOC_MK_MARGIN + half + GAP, y, half, 200);
    y += 200 + 12;
    draw_bar_chart (cr, &page, months, KOC_MK_MARGIN, y, half, 180);
    draw_bar_chart (cr, &page, kinds, KOC_MK_MARGIN + half + GAP, y, half, 180);
    y += 180 + 16;
  }

  y += koc_mk_text (cr, &page, _("Top posts"), KOC_MK_MARGIN, y, content, 1.1, TRUE, NULL, 1) + 6;
  n_posts = MIN (p->top_posts->len, 3);
  if (n_posts == 0)
    koc_mk_text (cr, &page, _("No posts stored for this person yet."), KOC_MK_MARGIN, y, content, 0.9,
                 FALSE, &page.style.dim, 1);
  for (guint i = 0; i < n_posts; i++)
    {
      double w = (content - 2 * 12) / 3;

      draw_post (cr, &page, person, g_ptr_array_index (p->top_posts, i),
                 KOC_MK_MARGIN + i * (w + 12), y, w, MIN (170, KOC_MK_H - KOC_MK_MARGIN - 10 - y));
    }

  koc_mk_footer (cr, &page);
  cairo_restore (cr);
}

gboolean
koc_mediakit_format_for_path (const char        *path,
                              KocMediakitFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    *format = KOC_MEDIAKIT_FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".png"))
    *format = KOC_MEDIAKIT_FORMAT_PNG;
  else
    return FALSE;
  return TRUE;
}

typedef struct
{
  FILE *file;
  int   saved_errno;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Writer *writer = closure;

  if (fwrite (data, 1, length, writer->file) != length)
    {
      writer->saved_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
render_people (cairo_t                  *cr,
               const KocMediakitPerson  *people,
               guint                     n_people,
               const KocMediakitOptions *options,
               double                    width,
               double                    height)
{
  if (n_people == 1)
    koc_mediakit_render (cr, people, options, width, height);
  else
    koc_mediakit_render_compare (cr, people, n_people, options, width, height);
}

gboolean
koc_mediakit_write (const KocMediakitPerson   *people,
                    guint                      n_people,
                    KocMediakitFormat          format,
                    const KocMediakitOptions  *options,
                    const char                *path,
                    GError                   **error)
{
  g_autofree char *partial = NULL;
  Writer writer = { NULL, 0 };
  cairo_status_t status;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (people != NULL && path != NULL, FALSE);
  g_return_val_if_fail (n_people >= 1 && n_people <= KOC_MEDIAKIT_MAX_COMPARE, FALSE);

  partial = g_strconcat (path, ".partial", NULL);
  writer.file = g_fopen (partial, "wb");
  if (writer.file == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }

  if (format == KOC_MEDIAKIT_FORMAT_PDF)
    {
      surface = cairo_pdf_surface_create_for_stream (write_cb, &writer, KOC_MEDIAKIT_PAGE_WIDTH,
                                                     KOC_MEDIAKIT_PAGE_HEIGHT);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      n_people == 1 ? people[0].profile->display_name : _("Comparison"));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "KOC Desk");
      cr = cairo_create (surface);
      render_people (cr, people, n_people, options, KOC_MEDIAKIT_PAGE_WIDTH, KOC_MEDIAKIT_PAGE_HEIGHT);
      cairo_show_page (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  else
    {
      double scale = options != NULL && options->png_scale > 0 ? options->png_scale : 2;
      int w = (int) ceil (KOC_MEDIAKIT_PAGE_WIDTH * scale), h = (int) ceil (KOC_MEDIAKIT_PAGE_HEIGHT * scale);

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cr = cairo_create (surface);
      render_people (cr, people, n_people, options, w, h);
      cairo_destroy (cr);
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, write_cb, &writer);
    }
  cairo_surface_destroy (surface);

  if (fclose (writer.file) != 0 && writer.saved_errno == 0)
    writer.saved_errno = errno;
  if (status != CAIRO_STATUS_SUCCESS || writer.saved_errno != 0)
    {
      if (writer.saved_errno != 0)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (writer.saved_errno),
                     _("Could not write “%s”: %s"), path, g_strerror (writer.saved_errno));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the media kit: %s"),
                     cairo_status_to_string (status));
      g_unlink (partial);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"),
                   path, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  return TRUE;
}
