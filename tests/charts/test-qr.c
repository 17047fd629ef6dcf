/* test-qr.c: QR codes of referral landing URLs, drawn with cairo.
 *
 * The drawn code must hold the intended URL: there is no QR decoder here (no zbar), so
 * the URL is encoded again with libqrencode directly and every drawn module's pixels
 * are compared with that matrix, the quiet zone included. The URL carries its UTM
 * parameters. PNG, SVG and PDF sticker sheets are written and read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <qrencode.h>
#include <string.h>

#include "koc-qr.h"
#include "koc-referral-code.h"
#include "koc-test-utils.h"

#define MODULE_PX 4

static char *
landing_url (void)
{
  return koc_referral_landing_url ("https://shop.example.com/lp?from=koc#top", "520心动礼",
                                   "LUK-7KQM-X3TB");
}

static void
test_landing_url (void)
{
  g_autofree char *url = landing_url ();
  g_autofree char *plain = koc_referral_landing_url ("https://a.example/p", "spring", "ABCD-EFGH");

  g_assert_true (g_str_has_prefix (url, "https://shop.example.com/lp?from=koc&utm_source=koc"));
  g_assert_nonnull (strstr (url, "&utm_medium=referral"));
  g_assert_nonnull (strstr (url, "&utm_campaign=520%E5%BF%83%E5%8A%A8%E7%A4%BC"));
  g_assert_nonnull (strstr (url, "&utm_content=LUK-7KQM-X3TB"));
  g_assert_nonnull (strstr (url, "&ref=LUK-7KQM-X3TB"));
  g_assert_true (g_str_has_suffix (url, "#top"));
  g_assert_cmpstr (plain, ==, "https://a.example/p?utm_source=koc&utm_medium=referral"
                   "&utm_campaign=spring&utm_content=ABCD-EFGH&ref=ABCD-EFGH");
}

/* Pixel (x, y) of an RGB24 surface is black. */
static gboolean
black (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *)(data + y * cairo_image_surface_get_stride (surface) + x * 4);

  return (pixel & 0xffffff) == 0;
}

static gboolean
white (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *)(data + y * cairo_image_surface_get_stride (surface) + x * 4);

  return (pixel & 0xffffff) == 0xffffff;
}

static void
test_matrix_holds_url (void)
{
  g_autofree char *url = landing_url ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KocQrMatrix) matrix = koc_qr_matrix_new (url, &error);
  QRcode *expected = QRcode_encodeString8bit (url, 0, QR_ECLEVEL_M);
  int side, dark = 0;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_no_error (error);
  g_assert_nonnull (expected);
  g_assert_cmpint (matrix->width, ==, expected->width);
  g_assert_cmpint (matrix->width, >=, 21);

  side = (matrix->width + 2 * KOC_QR_QUIET_ZONE) * MODULE_PX;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 0, 0); /* red shows anything the code fails to paint */
  cairo_paint (cr);
  koc_qr_draw (cr, matrix, 0, 0, side);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < side; y++)
    for (int x = 0; x < side; x++)
      {
        int mx = x / MODULE_PX - KOC_QR_QUIET_ZONE, my = y / MODULE_PX - KOC_QR_QUIET_ZONE;
        gboolean in_code = mx >= 0 && my >= 0 && mx < expected->width && my < expected->width;
        gboolean want_dark = in_code && (expected->data[my * expected->width + mx] & 1);

        /* Every pixel of every module, not a sample: the colour of its module. */
        if (want_dark)
          g_assert_true (black (surface, x, y));
        else
          g_assert_true (white (surface, x, y));
        dark += want_dark && x % MODULE_PX == 0 && y % MODULE_PX == 0;
      }
  /* The finder pattern's corner module is dark, a plausible share of modules too. */
  g_assert_true (koc_qr_matrix_is_dark (matrix, 0, 0));
  g_assert_cmpint (dark, >, matrix->width * matrix->width / 4);
  g_assert_cmpint (dark, <, matrix->width * matrix->width * 3 / 4);
  cairo_surface_destroy (surface);
  QRcode_free (expected);

  /* Another URL gives another code. */
  {
    g_autoptr(KocQrMatrix) other = koc_qr_matrix_new ("https://shop.example.com/lp?ref=ABCD-EFGH", NULL);
    gboolean differs = other->width != matrix->width;

    for (int i = 0; !differs && i < matrix->width * matrix->width; i++)
      differs = other->dark[i] != matrix->dark[i];
    g_assert_true (differs);
  }
}

static void
test_export_files (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *png = g_build_filename (dir, "code.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "code.svg", NULL);
  g_autofree char *url = landing_url ();
  g_autoptr(KocQrMatrix) matrix = koc_qr_matrix_new (url, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *image;

  g_assert_true (koc_qr_export (url, png, 5, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (matrix->width + 8) * 5);
  cairo_surface_destroy (image);

  g_assert_true (koc_qr_export (url, svg, 5, &error));
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<svg"));
  koc_test_rm_rf (dir);
}

static void
test_sticker_sheets (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "sheet.png", NULL);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  KocQrSticker stickers[20];
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length;
  guint pages = 0;
  cairo_surface_t *image;

  for (guint i = 0; i < G_N_ELEMENTS (stickers); i++)
    {
      char *code = g_strdup_printf ("LUK-%04u-TEST", i);
      char *name = g_strdup_printf ("达人 %u", i);

      g_ptr_array_add (strings, code);
      g_ptr_array_add (strings, name);
      stickers[i] = (KocQrSticker) { name, code, code };
    }
  g_assert_true (koc_qr_export_sheet (stickers, 20, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  /* 15 stickers a page: two pages. */
  /* memmem: the streams hold NUL bytes. */
  for (const char *p = bytes; (p = memmem (p, length - (p - bytes), "/Type /Page", 11)) != NULL; p++)
    pages += p[11] != 's';
  g_assert_cmpuint (pages, ==, 2);

  g_assert_true (koc_qr_export_sheet (stickers, 20, png, &error));
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_height (image), >, cairo_image_surface_get_width (image));
  cairo_surface_destroy (image);

  g_assert_false (koc_qr_export_sheet (stickers, 0, pdf, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  koc_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/charts/qr/landing-url", test_landing_url);
  g_test_add_func ("/koc/charts/qr/matrix-holds-url", test_matrix_holds_url);
  g_test_add_func ("/koc/charts/qr/export-files", test_export_files);
  g_test_add_func ("/koc/charts/qr/sticker-sheets", test_sticker_sheets);
  return g_test_run ();
}
