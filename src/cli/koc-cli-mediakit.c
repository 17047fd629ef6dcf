/* koc-cli-mediakit.c: `kocdesk-cli export mediakit`.
 *
 *   export mediakit --db DB --person ID --out FILE.pdf|FILE.png [--dark] [--scale N]
 *   export mediakit --db DB --compare ID,ID[,ID,ID] --out FILE.pdf|FILE.png
 *
 * Reads the profiles and their cached images from the workspace (read-only), decodes
 * the images with gdk-pixbuf (PNG, JPEG, SVG, …) and draws the page with koc-mediakit.
 * Nothing is fetched from the network: a missing image becomes a placeholder.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "koc-cli.h"
#include "koc-db.h"
#include "koc-mediakit.h"
#include "koc-person.h"

/* Images are drawn at most ~100 points wide; 256 pixels is plenty at 2× as well. */
#define MAX_IMAGE_PX 256

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  if (width > MAX_IMAGE_PX || height > MAX_IMAGE_PX)
    {
      double s = (double) MAX_IMAGE_PX / MAX (width, height);
      gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * s)), MAX (1, (int) (height * s)));
    }
}

/* A cairo surface from encoded image bytes, or NULL when they do not decode. */
static cairo_surface_t *
decode_image (GBytes *bytes)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  GdkPixbuf *pixbuf;
  const guint8 *src;
  guint8 *dst;
  int w, h, n_channels, src_stride, dst_stride;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), NULL);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error) || !gdk_pixbuf_loader_close (loader, &error))
    {
      g_debug ("Could not decode an image: %s", error->message);
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    return NULL;

  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  src = gdk_pixbuf_read_pixels (pixbuf);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);

  /* RGB(A), not premultiplied → native-endian premultiplied ARGB. */
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *p = src + y * src_stride + x * n_channels;
        guint a = n_channels == 4 ? p[3] : 255;
        guint r = p[0] * a / 255, g = p[1] * a / 255, b = p[2] * a / 255;

        *(guint32 *) (dst + y * dst_stride + x * 4) = (a << 24) | (r << 16) | (g << 8) | b;
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
load_image (sqlite3    *db,
            const char *sha256)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  if (sha256 == NULL)
    return NULL;
  bytes = koc_person_load_media (db, sha256, NULL, &error);
  if (bytes == NULL)
    {
      if (error != NULL)
        g_debug ("Could not read image %s: %s", sha256, error->message);
      return NULL;
    }
  return decode_image (bytes);
}

typedef struct
{
  KocPersonProfile  *profile;
  KocMediakitPerson  person;
} Loaded;

static void
loaded_clear (Loaded *loaded)
{
  g_clear_pointer (&loaded->person.avatar, cairo_surface_destroy);
  g_clear_pointer (&loaded->person.thumbnails, g_hash_table_unref);
  g_clear_pointer (&loaded->profile, koc_person_profile_free);
}

static gboolean
load_person (sqlite3  *db,
             gint64    id,
             Loaded   *loaded,
             GError  **error)
{
  loaded->profile = koc_person_profile_load (db, id, error);
  if (loaded->profile == NULL)
    return FALSE;

  loaded->person.profile = loaded->profile;
  loaded->person.thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) cairo_surface_destroy);
  /* The avatar of the first account that has one cached. */
  for (guint i = 0; i < loaded->profile->accounts->len && loaded->person.avatar == NULL; i++)
    {
      KocPersonAccount *a = g_ptr_array_index (loaded->profile->accounts, i);
      loaded->person.avatar = load_image (db, a->avatar_sha256);
    }
  for (guint i = 0; i < loaded->profile->top_posts->len; i++)
    {
      KocPersonPost *post = g_ptr_array_index (loaded->profile->top_posts, i);
      cairo_surface_t *image;

      if (post->image_sha256 == NULL || g_hash_table_contains (loaded->person.thumbnails, post->image_sha256))
        continue;
      image = load_image (db, post->image_sha256);
      if (image != NULL)
        g_hash_table_insert (loaded->person.thumbnails, g_strdup (post->image_sha256), image);
    }
  return TRUE;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (g_strstrip ((char *) text), 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

static int
usage (void)
{
  fprintf (stderr, "%s\n", _("Usage: kocdesk-cli export mediakit --db FILE.db (--person ID | --compare ID,ID[,ID,ID])"
                             " --out FILE.pdf|FILE.png [--dark] [--scale N]"));
  return 2;
}

int
koc_cli_mediakit (int    argc,
                  char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *compare = NULL;
  gint64 person = 0;
  gboolean dark = FALSE;
  double scale = 2;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Workspace file"), "FILE.db" },
    { "person", 0, 0, G_OPTION_ARG_INT64, &person, N_("The person’s id"), "ID" },
    { "compare", 0, 0, G_OPTION_ARG_STRING, &compare, N_("Compare 2–4 people on one page"), "ID,ID" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("File to write: .pdf (A4) or .png"), "FILE" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Dark page (for screens)"), NULL },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("PNG pixels per point (default 2)"), "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("— a person’s media kit as PDF or PNG"));
  g_autoptr (GError) error = NULL;
  KocMediakitOptions options = { 0 };
  KocMediakitFormat format;
  Loaded loaded[KOC_MEDIAKIT_MAX_COMPARE] = { { 0 } };
  KocMediakitPerson people[KOC_MEDIAKIT_MAX_COMPARE];
  gint64 ids[KOC_MEDIAKIT_MAX_COMPARE];
  guint n_ids = 0;
  sqlite3 *db;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "kocdesk-cli export mediakit: %s\n", error->message);
      return 2;
    }
  if (argc != 1 || db_path == NULL || out == NULL || (person > 0) == (compare != NULL))
    return usage ();

  if (compare != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (compare, ",", -1);
      guint n = g_strv_length (parts);

      if (n < 2 || n > KOC_MEDIAKIT_MAX_COMPARE)
        return koc_cli_fail (_("--compare takes 2 to 4 person ids, separated by commas"));
      for (guint i = 0; i < n; i++)
        if (!parse_id (parts[i], &ids[n_ids++]))
          return koc_cli_fail (_("“%s” is not a person id"), parts[i]);
    }
  else
    ids[n_ids++] = person;

  if (!koc_mediakit_format_for_path (out, &format))
    return koc_cli_fail (_("“%s”: the file name must end in .pdf or .png"), out);
  if (scale <= 0 || scale > 8)
    return koc_cli_fail (_("--scale must be between 0 and 8"));

  db = koc_db_open (db_path, KOC_STORE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return koc_cli_fail ("%s", error->message);

  for (guint i = 0; i < n_ids; i++)
    {
      if (!load_person (db, ids[i], &loaded[i], &error))
        {
          status = koc_cli_fail ("%s", error->message);
          break;
        }
      people[i] = loaded[i].person;
    }

  if (status == 0)
    {
      options.dark = dark;
      options.png_scale = scale;
      if (!koc_mediakit_write (people, n_ids, format, &options, out, &error))
        status = koc_cli_fail ("%s", error->message);
      else if (n_ids == 1)
        fprintf (stderr, _("Wrote the media kit of “%s” to “%s”.\n"), loaded[0].profile->display_name, out);
      else
        fprintf (stderr, _("Wrote a comparison of %u people to “%s”.\n"), n_ids, out);
    }

  for (guint i = 0; i < n_ids; i++)
    loaded_clear (&loaded[i]);
  koc_db_close (db);
  return status;
}
