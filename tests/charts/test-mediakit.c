/* test-mediakit.c: media kits end to end — a workspace filled by hand (people with
 * Chinese names, a cached PNG avatar), `kocdesk-cli export mediakit` to PDF and PNG, and
 * the files checked with poppler's tools: one A4 page, the Chinese name in the text, every
 * font embedded, the rasterized page and the PNG not blank, the avatar drawn where the
 * header puts it; the comparison of three people names all three; clear errors.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-mediakit.h"
#include "koc-person.h"
#include "koc-test-utils.h"

#define NOW 1794700800 /* 2026-11-15 */

typedef struct
{
  char    *dir;
  char    *db_path;
  sqlite3 *db;
} Fixture;

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A 64×64 pure red PNG: easy to find again on the page. */
static GBytes *
red_png (void)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 64);
  cairo_t *cr = cairo_create (s);
  GByteArray *bytes = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (s, append_cb, bytes), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  return g_byte_array_free_to_bytes (bytes);
}

static void
fill (sqlite3 *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) png = red_png ();
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  sqlite3_stmt *stmt = NULL;

  g_assert_true (koc_db_prepare (db, "INSERT INTO media (sha256, mime, bytes, data) VALUES (?1, 'image/png', ?2, ?3)",
                                 &stmt, &error));
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64) g_bytes_get_size (png));
  sqlite3_bind_blob (stmt, 3, g_bytes_get_data (png, NULL), (int) g_bytes_get_size (png), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  koc_db_exec (db,
               "INSERT INTO brands (id, name) VALUES (1, '完美日记');"
               "INSERT INTO people (id, display_name, stage, region, category, koc_score, score_breakdown) VALUES"
               " (1, '林小雨', 'advocate', '上海', '美妆', 72.5,"
               "  '{\"engagement\":0.8,\"affinity\":0.5,\"authenticity\":1,\"conversion\":0.2,\"recency\":0.9,"
               "\"weights\":[35,25,15,15,10]}'),"
               " (2, '王小明', 'engaged', '广州', 'tech', NULL, NULL),"
               " (3, 'Lily Chen', 'discovered', '北京', '护肤', 55, NULL),"
               " (4, '没有账号', 'discovered', NULL, NULL, NULL, NULL);"
               "INSERT INTO accounts (id, person_id, platform, handle, followers, engagement_rate) VALUES"
               " (1, 1, 'xiaohongshu', 'lin_xy', 20000, 0.05), (2, 1, 'douyin', 'lin_dy', 5000, 0.1),"
               " (3, 2, 'weibo', 'techwang', 300000, 0.01), (4, 3, 'instagram', 'lilyskincare', 8000, 0.12);"
               "WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 11)"
               " INSERT INTO metric_snapshots (account_id, taken_at, followers, engagement_rate)"
               " SELECT a.id, 1764547200 + i * 2629800, CAST (a.followers * (0.6 + i * 0.04) AS INTEGER), 0.03 + (i % 4) * 0.01"
               " FROM m, accounts a;"
               "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 39)"
               " INSERT INTO posts (account_id, kind, text, published_at, likes, comments, shares, saves)"
               " SELECT 1 + i % 4, CASE i % 3 WHEN 0 THEN 'note' WHEN 1 THEN 'video' ELSE 'image' END,"
               "  '秋冬护肤分享 第' || i || '篇 #完美日记# 口红试色，真的很好看！', 1764547200 + i * 700000,"
               "  100 + i * 37, 10 + i, i, 2 * i FROM n;"
               "INSERT INTO post_mentions (post_id, brand_id, published_at)"
               " SELECT id, 1, published_at FROM posts WHERE id % 3 = 0;",
               &error);
  g_assert_no_error (error);
  koc_db_exec (db, "UPDATE accounts SET avatar_sha256 = (SELECT sha256 FROM media) WHERE id = 1", &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = koc_test_make_tmp_dir ();
  f->db_path = g_build_filename (f->dir, "kit.db", NULL);
  f->db = koc_db_open (f->db_path, KOC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fill (f->db);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  koc_db_close (f->db);
  koc_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

/* Runs a program; its stdout, and the exit status in *status. */
static char *
run (const char * const *argv,
     int                *status,
     char              **err)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, err, status, &error);
  g_assert_no_error (error);
  return out;
}

static gboolean
have_poppler (void)
{
  const char *tools[] = { "pdfinfo", "pdftotext", "pdffonts", "pdftoppm" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);
      if (path == NULL)
        {
          g_test_skip ("poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm) are not installed");
          return FALSE;
        }
    }
  return TRUE;
}

static int
cli (Fixture    *f,
     const char *out,
     const char *who_option,
     const char *who,
     char      **err)
{
  const char *argv[] = { g_getenv ("KOCDESK_CLI"), "export", "mediakit", "--db", f->db_path,
                         who_option, who, "--out", out, NULL };
  g_autofree char *stdout_text = NULL;
  int status = -1;

  stdout_text = run (argv, &status, err);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

/* Non-white pixels, and red (the avatar) ones, of a PNG file. */
static void
count_pixels (const char *path,
              guint      *ink,
              guint      *red,
              int        *width)
{
  cairo_surface_t *s = cairo_image_surface_create_from_png (path);
  const guint8 *data;
  int w, h, stride;

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (s);
  h = cairo_image_surface_get_height (s);
  stride = cairo_image_surface_get_stride (s);
  data = cairo_image_surface_get_data (s);
  *ink = *red = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 v = *(const guint32 *) (data + y * stride + x * 4);
        guint r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;

        *ink += r + g + b < 720;
        *red += r > 230 && g < 30 && b < 30;
      }
  *width = w;
  cairo_surface_destroy (s);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "林小雨 kit.pdf", NULL);
  g_autofree char *prefix = g_build_filename (f->dir, "page", NULL);
  g_autofree char *page = g_build_filename (f->dir, "page-1.png", NULL);
  g_autofree char *info = NULL, *text = NULL, *fonts = NULL, *err = NULL, *partial = NULL;
  g_auto (GStrv) lines = NULL;
  guint ink, red, n_fonts = 0;
  int status, width;

  if (!have_poppler ())
    return;

  g_assert_cmpint (cli (f, pdf, "--person", "1", &err), ==, 0);
  g_assert_nonnull (strstr (err, "林小雨"));
  partial = g_strconcat (pdf, ".partial", NULL);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* One A4 page. */
  info = run ((const char *[]) { "pdfinfo", pdf, NULL }, &status, NULL);
  g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", info, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_true (g_regex_match_simple ("^Title:\\s+林小雨$", info, G_REGEX_MULTILINE, 0));

  /* The Chinese name, a stat with its formula, the tags of the header. */
  text = run ((const char *[]) { "pdftotext", "-layout", pdf, "-", NULL }, &status, NULL);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "林小雨"));
  g_assert_nonnull (strstr (text, "上海"));
  g_assert_nonnull (strstr (text, "Engagement rate"));
  g_assert_nonnull (strstr (text, "(likes + comments + shares + saves)"));
  g_assert_nonnull (strstr (text, "72.5"));
  g_assert_nonnull (strstr (text, "秋冬护肤分享"));
  g_assert_nonnull (strstr (text, "Posts per month"));

  /* Every font embedded (pdffonts: the "emb" column is the 4th from the right). */
  fonts = run ((const char *[]) { "pdffonts", pdf, NULL }, &status, NULL);
  g_test_message ("%s", fonts);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cols = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      cols = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      n = g_strv_length (cols);
      g_assert_cmpuint (n, >=, 6);
      g_assert_cmpstr (cols[n - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 1);
  g_assert_nonnull (strstr (fonts, "CJK"));

  /* Rasterized: not blank, and the red avatar is on it. */
  g_free (run ((const char *[]) { "pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", pdf, prefix, NULL }, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  count_pixels (page, &ink, &red, &width);
  g_assert_cmpint (width, >=, 413);   /* 8.27 in at 50 dpi */
  g_assert_cmpint (width, <=, 414);
  g_assert_cmpuint (ink, >, 20000);
  g_assert_cmpuint (red, >, 500);     /* a 66 pt circle is 46 px across at 50 dpi: ~1,650 px */
}

static void
test_png_and_compare (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "kit.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "compare.pdf", NULL);
  g_autofree char *text = NULL, *info = NULL, *err = NULL;
  guint ink, red;
  int width, status;

  g_assert_cmpint (cli (f, png, "--person", "1", &err), ==, 0);
  count_pixels (png, &ink, &red, &width);
  g_assert_cmpint (width, ==, 1191);  /* 2 px per point */
  g_assert_cmpuint (ink, >, 150000);
  /* The avatar: a circle of 88 logical px = 66 pt = 132 px across. */
  g_assert_cmpuint (red, >, 11000);
  g_assert_cmpuint (red, <, 14500);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, pdf, "--compare", "1,2,3", &err), ==, 0);
  if (!have_poppler ())
    return;
  info = run ((const char *[]) { "pdfinfo", pdf, NULL }, &status, NULL);
  g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", info, G_REGEX_MULTILINE, 0));
  text = run ((const char *[]) { "pdftotext", pdf, "-", NULL }, &status, NULL);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "林小雨"));
  g_assert_nonnull (strstr (text, "王小明"));
  g_assert_nonnull (strstr (text, "Lily Chen"));
  g_assert_nonnull (strstr (text, "Comparing 3 people"));
  /* A stored category key is shown by its name (koc_format_category_name), not raw. */
  g_assert_nonnull (strstr (text, "· Tech"));
  g_assert_null (strstr (text, "· tech"));
}

static void
test_cli_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *ok = g_build_filename (f->dir, "x.pdf", NULL);
  g_autofree char *unwritable = g_build_filename (f->dir, "no", "such", "folder", "x.pdf", NULL);
  g_autofree char *bad_ext = g_build_filename (f->dir, "x.docx", NULL);
  char *err = NULL;

  g_assert_cmpint (cli (f, ok, "--person", "99", &err), ==, 1);
  g_assert_nonnull (strstr (err, "no person with id 99"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (f, unwritable, "--person", "1", &err), ==, 1);
  g_assert_nonnull (strstr (err, "Could not write"));
  g_assert_nonnull (strstr (err, "No such file or directory"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (f, bad_ext, "--person", "1", &err), ==, 1);
  g_assert_nonnull (strstr (err, ".pdf or .png"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (f, ok, "--compare", "1", &err), ==, 1);
  g_assert_nonnull (strstr (err, "2 to 4"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (f, ok, "--compare", "1,x", &err), ==, 1);
  g_clear_pointer (&err, g_free);

  /* Neither --person nor --compare: a usage error. */
  g_assert_cmpint (cli (f, ok, "--dark", NULL, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (ok, G_FILE_TEST_EXISTS));
}

/* In-process: light and dark pages, a person with nothing, a thumbnail; the pictures
 * go to $KOCDESK_SCREENSHOT_DIR for people to look at. */
static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KocPersonProfile) lin = koc_person_profile_load_at (f->db, 1, NOW, &error);
  g_autoptr (KocPersonProfile) nobody = koc_person_profile_load_at (f->db, 4, NOW, &error);
  g_autoptr (KocPersonProfile) wang = koc_person_profile_load_at (f->db, 2, NOW, &error);
  g_autoptr (GHashTable) thumbs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) cairo_surface_destroy);
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");
  KocMediakitPerson people[4] = { { lin, NULL, thumbs }, { nobody, NULL, NULL }, { wang, NULL, NULL } };
  KocMediakitOptions light = { NOW, FALSE, 1.5 }, dark = { NOW, TRUE, 1.5 };
  struct { const char *name; guint n; KocMediakitOptions *options; guint first; } pages[] = {
    { "mediakit-light.png", 1, &light, 0 },
    { "mediakit-dark.png", 1, &dark, 0 },
    { "mediakit-empty.png", 1, &light, 1 },
    { "mediakit-compare.png", 3, &light, 0 },
    { "mediakit-compare-dark.png", 2, &dark, 0 },
  };

  g_assert_no_error (error);
  /* A green thumbnail for the top post. */
  {
    KocPersonPost *top = g_ptr_array_index (lin->top_posts, 0);
    cairo_surface_t *green = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 30);
    cairo_t *cr = cairo_create (green);

    cairo_set_source_rgb (cr, 0, 1, 0);
    cairo_paint (cr);
    cairo_destroy (cr);
    g_free (top->image_sha256);
    top->image_sha256 = g_strdup ("thumb");
    g_hash_table_insert (thumbs, (gpointer) "thumb", green);
  }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *path = g_build_filename (dir != NULL && *dir ? dir : f->dir, pages[i].name, NULL);
      guint ink, red;
      int width;

      if (dir != NULL && *dir)
        g_mkdir_with_parents (dir, 0755);
      g_assert_true (koc_mediakit_write (people + pages[i].first, pages[i].n, KOC_MEDIAKIT_FORMAT_PNG,
                                         pages[i].options, path, &error));
      g_assert_no_error (error);
      count_pixels (path, &ink, &red, &width);
      g_assert_cmpint (width, ==, 893);
      g_assert_cmpuint (ink, >, 20000);
      if (pages[i].options->dark)
        g_assert_cmpuint (ink, >, 893 * 1263 * 9 / 10);  /* a dark page */
    }

  /* The thumbnail is on the light page: green pixels. */
  {
    g_autofree char *path = g_build_filename (dir != NULL && *dir ? dir : f->dir, "mediakit-light.png", NULL);
    cairo_surface_t *s = cairo_image_surface_create_from_png (path);
    const guint8 *px = cairo_image_surface_get_data (s);
    int stride = cairo_image_surface_get_stride (s);
    guint green = 0;

    for (int y = 0; y < cairo_image_surface_get_height (s); y++)
      for (int x = 0; x < cairo_image_surface_get_width (s); x++)
        {
          guint32 v = *(const guint32 *) (px + y * stride + x * 4);
          green += ((v >> 16) & 0xff) < 30 && ((v >> 8) & 0xff) > 230 && (v & 0xff) < 30;
        }
    g_assert_cmpuint (green, >, 1000);
    cairo_surface_destroy (s);
  }

  g_assert_true (koc_mediakit_format_for_path ("a/B.PDF", &(KocMediakitFormat) { 0 }));
  g_assert_false (koc_mediakit_format_for_path ("a.pdf.txt", &(KocMediakitFormat) { 0 }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/charts/mediakit/pdf", Fixture, NULL, fixture_setup, test_pdf, fixture_teardown);
  g_test_add ("/charts/mediakit/png-and-compare", Fixture, NULL, fixture_setup, test_png_and_compare, fixture_teardown);
  g_test_add ("/charts/mediakit/cli-errors", Fixture, NULL, fixture_setup, test_cli_errors, fixture_teardown);
  g_test_add ("/charts/mediakit/render", Fixture, NULL, fixture_setup, test_render, fixture_teardown);

  return g_test_run ();
}
