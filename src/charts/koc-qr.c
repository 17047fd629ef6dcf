/* koc-qr.c: libqrencode → a module matrix → cairo; PNG, SVG and PDF sticker sheets.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <qrencode.h>
#include <string.h>

#include "koc-chart-style.h"
#include "koc-qr.h"

#define A4_WIDTH  595.276 /* points */
#define A4_HEIGHT 841.890
#define MARGIN    36.0
#define PNG_SCALE (150.0 / 72.0)

KocQrMatrix *
koc_qr_matrix_new (const char  *text,
                   GError     **error)
{
  QRcode *qr = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  KocQrMatrix *matrix;

  if (qr == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, saved == ERANGE ? G_IO_ERROR_INVALID_DATA : G_IO_ERROR_FAILED,
                   _("Could not make a QR code of “%s”: %s"), text, g_strerror (saved));
      return NULL;
    }
  matrix = g_new0 (KocQrMatrix, 1);
  matrix->width = qr->width;
  matrix->dark = g_malloc ((gsize)qr->width * qr->width);
  /* Bit 0 of each libqrencode byte is the module's colour. */
  for (int i = 0; i < qr->width * qr->width; i++)
    matrix->dark[i] = qr->data[i] & 1;
  QRcode_free (qr);
  return matrix;
}

void
koc_qr_matrix_free (KocQrMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_free (matrix->dark);
  g_free (matrix);
}

gboolean
koc_qr_matrix_is_dark (const KocQrMatrix *matrix,
                       int                x,
                       int                y)
{
  if (x < 0 || y < 0 || x >= matrix->width || y >= matrix->width)
    return FALSE;
  return matrix->dark[y * matrix->width + x] != 0;
}

void
koc_qr_draw (cairo_t           *cr,
             const KocQrMatrix *matrix,
             double             x,
             double             y,
             double             size)
{
  int modules = matrix->width + 2 * KOC_QR_QUIET_ZONE;
  double module = size / modules;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int my = 0; my < matrix->width; my++)
    for (int mx = 0; mx < matrix->width; mx++)
      if (koc_qr_matrix_is_dark (matrix, mx, my))
        cairo_rectangle (cr, x + (mx + KOC_QR_QUIET_ZONE) * module,
                         y + (my + KOC_QR_QUIET_ZONE) * module, module, module);
  cairo_fill (cr);
  cairo_restore (cr);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
koc_qr_export (const char  *text,
               const char  *path,
               int          module_px,
               GError     **error)
{
  g_autoptr(KocQrMatrix) matrix = koc_qr_matrix_new (text, error);
  cairo_surface_t *surface;
  cairo_t *cr;
  double size;
  gboolean ok;

  if (matrix == NULL)
    return FALSE;
  size = (double)(matrix->width + 2 * KOC_QR_QUIET_ZONE) * MAX (module_px, 1);
  if (g_str_has_suffix (path, ".svg"))
    surface = cairo_svg_surface_create (path, size, size);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)size, (int)size);
  cr = cairo_create (surface);
  koc_qr_draw (cr, matrix, 0, 0, size);
  cairo_destroy (cr);
  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, path);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (surface);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                       cairo_status_to_string (status));
          return FALSE;
        }
    }
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* One sticker in the cell (x, y, w, h): the code, the name and the code's text. */
static gboolean
draw_sticker (cairo_t             *cr,
              const KocChartStyle *style,
              const KocQrSticker  *sticker,
              double               x,
              double               y,
              double               w,
              double               h,
              GError             **error)
{
  g_autoptr(KocQrMatrix) matrix = koc_qr_matrix_new (sticker->url, error);
  double qr_size = MIN (w - 24, h - 62);
  PangoLayout *layout;
  int tw, th;

  if (matrix == NULL)
    return FALSE;
  /* A light cut line around the sticker. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x + 0.25, y + 0.25, w - 0.5, h - 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
  koc_qr_draw (cr, matrix, x + (w - qr_size) / 2, y + 6, qr_size);

  cairo_set_source_rgb (cr, 0, 0, 0);
  layout = koc_chart_layout_new (cr, style, 1.1, TRUE);
  pango_layout_set_text (layout, sticker->name != NULL ? sticker->name : "", -1);
  pango_layout_set_width (layout, (int)((w - 12) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, x + 6, y + 8 + qr_size);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);

  layout = koc_chart_layout_new (cr, style, 1.0, FALSE);
  pango_layout_set_text (layout, sticker->code != NULL ? sticker->code : "", -1);
  pango_layout_set_width (layout, (int)((w - 12) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, x + 6, y + 10 + qr_size + th);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  return TRUE;
}

gboolean
koc_qr_export_sheet (const KocQrSticker  *stickers,
                     guint                n_stickers,
                     const char          *path,
                     GError             **error)
{
  double cell_w = (A4_WIDTH - 2 * MARGIN) / KOC_QR_SHEET_COLUMNS;
  double cell_h = (A4_HEIGHT - 2 * MARGIN) / KOC_QR_SHEET_ROWS;
  gboolean png = g_str_has_suffix (path, ".png");
  guint per_page = png ? G_MAXUINT : KOC_QR_SHEET_COLUMNS * KOC_QR_SHEET_ROWS;
  KocChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok = TRUE;

  if (n_stickers == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There are no codes to print"));
      return FALSE;
    }
  koc_chart_style_init (&style, FALSE);
  if (png)
    {
      guint rows = (n_stickers + KOC_QR_SHEET_COLUMNS - 1) / KOC_QR_SHEET_COLUMNS;

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)(A4_WIDTH * PNG_SCALE),
                                            (int)((2 * MARGIN + rows * cell_h) * PNG_SCALE));
    }
  else
    surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  cr = cairo_create (surface);
  if (png)
    cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  for (guint i = 0; i < n_stickers && ok; i++)
    {
      guint on_page = i % per_page;

      if (on_page == 0)
        {
          if (i > 0)
            cairo_show_page (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
        }
      ok = draw_sticker (cr, &style, &stickers[i],
                         MARGIN + (on_page % KOC_QR_SHEET_COLUMNS) * cell_w,
                         MARGIN + (on_page / KOC_QR_SHEET_COLUMNS) * cell_h,
                         cell_w, cell_h, error);
    }
  cairo_destroy (cr);
  if (ok && png)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, path);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                       cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  cairo_surface_finish (surface);
  if (ok)
    ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}
