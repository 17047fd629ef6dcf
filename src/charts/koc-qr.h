/* koc-qr.h: QR codes (libqrencode) drawn with cairo, and sticker sheets of them.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define KOC_QR_QUIET_ZONE 4 /* modules of white around the code, as ISO/IEC 18004 asks */

typedef struct
{
  int     width;   /* modules per side */
  guint8 *dark;    /* width * width: 1 = dark module */
} KocQrMatrix;

/* Encodes @text (8-bit mode, error correction M). NULL with @error when it is too long. */
KocQrMatrix *koc_qr_matrix_new    (const char        *text,
                                   GError           **error);
void         koc_qr_matrix_free   (KocQrMatrix       *matrix);
gboolean     koc_qr_matrix_is_dark (const KocQrMatrix *matrix,
                                    int                x,
                                    int                y);

/* Draws the code with its quiet zone in the square (@x, @y, @size): white background,
 * black modules. */
void         koc_qr_draw          (cairo_t           *cr,
                                   const KocQrMatrix *matrix,
                                   double             x,
                                   double             y,
                                   double             size);

/* Writes the QR code of @text to @path: .png (@module_px pixels a module) or .svg. */
gboolean     koc_qr_export        (const char        *text,
                                   const char        *path,
                                   int                module_px,
                                   GError           **error);

/* One sticker of a sheet. */
typedef struct
{
  const char *name;   /* the person */
  const char *code;   /* shown under the name */
  const char *url;    /* what the QR code holds */
} KocQrSticker;

#define KOC_QR_SHEET_COLUMNS 3
#define KOC_QR_SHEET_ROWS    5

/* Sticker sheets: A4 pages of 3 × 5 stickers (QR code, name, code) as PDF, or every
 * sticker on one PNG (.png, 150 dpi). */
gboolean     koc_qr_export_sheet  (const KocQrSticker *stickers,
                                   guint               n_stickers,
                                   const char         *path,
                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocQrMatrix, koc_qr_matrix_free)

G_END_DECLS
