/* koc-mediakit.h: a person's one-sheet media kit (A4) and a side-by-side comparison of
 * 2–4 people, drawn with cairo + Pango from a KocPersonProfile.
 *
 * No I/O of media here: the caller reads the avatar and post images from the workspace
 * (koc_person_load_media()), decodes them (the app through GdkTexture, kocdesk-cli
 * through gdk-pixbuf) and passes cairo image surfaces in. A missing image gets a
 * placeholder (the person's initial, or a plain tile for a post).
 *
 * The page is laid out in PostScript points (1/72 in) on an A4 page, 595 × 842: a PDF
 * surface uses them directly, the PNG writer scales them. Everything visible is
 * translated through gettext (the current locale decides).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "koc-chart-style.h"
#include "koc-person.h"

G_BEGIN_DECLS

#define KOC_MEDIAKIT_PAGE_WIDTH  595.276   /* A4 in points */
#define KOC_MEDIAKIT_PAGE_HEIGHT 841.890
#define KOC_MEDIAKIT_MAX_COMPARE 4

typedef enum
{
  KOC_MEDIAKIT_FORMAT_PDF,
  KOC_MEDIAKIT_FORMAT_PNG,
} KocMediakitFormat;

/* One person to draw. Only @profile is required. */
typedef struct
{
  const KocPersonProfile *profile;
  cairo_surface_t        *avatar;      /* nullable; any size, drawn in a circle */
  GHashTable             *thumbnails;  /* nullable: image sha256 (char *) → cairo_surface_t *
                                        * for the top posts (KocPersonPost.image_sha256) */
} KocMediakitPerson;

typedef struct
{
  gint64   generated_at;   /* printed in the footer; 0 → now */
  gboolean dark;           /* dark page (screens); default light (print) */
  double   png_scale;      /* PNG pixels per point; 0 → 2 (1191 × 1684 px) */
} KocMediakitOptions;

/* Draws the one-sheet of @person into 0,0 – @width×@height of @cr (normally the A4 page
 * size; the layout scales to other sizes with the same aspect). @options may be NULL. */
void      koc_mediakit_render          (cairo_t                   *cr,
                                        const KocMediakitPerson   *person,
                                        const KocMediakitOptions  *options,
                                        double                     width,
                                        double                     height);

/* Draws @n_people (2–4) side by side in columns: header, key stats, a followers chart
 * and posts per month for each, so the rows line up across people. */
void      koc_mediakit_render_compare  (cairo_t                   *cr,
                                        const KocMediakitPerson   *people,
                                        guint                      n_people,
                                        const KocMediakitOptions  *options,
                                        double                     width,
                                        double                     height);

/* Writes @n_people people to @path as one A4 page: a one-sheet for 1, a comparison for
 * 2–4. The file is written as @path.partial and renamed, so a failure never leaves a
 * half-written file; a G_IO_ERROR says why (e.g. the folder is not writable). */
gboolean  koc_mediakit_write           (const KocMediakitPerson   *people,
                                        guint                      n_people,
                                        KocMediakitFormat          format,
                                        const KocMediakitOptions  *options,
                                        const char                *path,
                                        GError                   **error);

/* The format a file name asks for (".pdf" or ".png", any case); FALSE otherwise. */
gboolean  koc_mediakit_format_for_path (const char                *path,
                                        KocMediakitFormat         *format);

/* Translated names of the stored keys the media kit and the People pane show. */
const char *koc_mediakit_platform_name (const char *platform);
const char *koc_mediakit_stage_name    (const char *stage);
const char *koc_mediakit_kind_name     (const char *kind);
const char *koc_mediakit_score_part_name (const char *key);

G_END_DECLS
