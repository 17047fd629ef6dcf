/* test-people-extra.c: more of the People pane on a demo workspace, under Xvfb.
 *
 * - Post thumbnails come through the window's media cache: an image whose bytes are
 *   only in the disk cache (the workspace holds a placeholder row) shows on its card
 *   (its pixels, rendered), one that is nowhere keeps the placeholder.
 * - The interaction, deliverable and attached-file edits of the pane are queued in the
 *   sync outbox (kinds interaction, deliverable, person_file).
 * - "Split Off" on a person with several accounts makes a new person; the toast's Undo
 *   takes it back (rows, the profile and the list).
 * - The exported media kit draws a top post's image from the workspace's media table.
 * Screenshots of the profile (accounts with their split buttons, the post grid with a
 * thumbnail) in the light and dark style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "koc-application.h"
#include "koc-demo.h"
#include "koc-i18n.h"
#include "koc-media-cache.h"
#include "koc-people-pane.h"
#include "koc-people-posts.h"
#include "koc-people-profile.h"
#include "koc-test-gui.h"
#include "koc-test-utils.h"
#include "koc-window.h"

static KocApplication *app;
static KocWindow *window;
static KocPeoplePane *pane;
static KocStore *store;      /* a second, writable connection */
static char *data_home;
static gint64 person_id;     /* several accounts and posts */
static gint64 cached_post;   /* its image only in the disk cache */
static gint64 missing_post;  /* its image nowhere */
static char *cached_sha;

/* SQL on the second connection */

typedef struct
{
  const char *sql;
  gint64      arg;
} Sql;

static gboolean
sql_int_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  Sql *sql = data;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, sql->arg);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  *result = g_memdup2 (&value, sizeof value);
  return TRUE;
}

static gint64
sql_int (const char *query,
         gint64      arg)
{
  Sql sql = { query, arg };
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *value = NULL;

  g_assert_true (koc_store_run_sync (store, sql_int_func, &sql, (gpointer *) &value, NULL, &error));
  g_assert_no_error (error);
  return *value;
}

typedef struct
{
  const char *sql;
  gint64      id;
  const char *text;
  GBytes     *blob;
} Exec;

static gboolean
exec_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  Exec *exec = data;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, exec->sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, exec->id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, exec->text, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    {
      gsize size = 0;
      const void *bytes = exec->blob != NULL ? g_bytes_get_data (exec->blob, &size) : NULL;

      sqlite3_bind_blob (stmt, 3, bytes, (int) size, SQLITE_STATIC);
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return TRUE;
}

static void
sql_exec (const char *sql,
          gint64      id,
          const char *text,
          GBytes     *blob)
{
  Exec exec = { sql, id, text, blob };
  g_autoptr(GError) error = NULL;

  g_assert_true (koc_store_write_sync (store, exec_func, &exec, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A PNG of one colour. */
static GBytes *
solid_png (guint8 r,
           guint8 g,
           guint8 b)
{
  const int size = 64;
  g_autofree guint8 *pixels = g_malloc (size * size * 3);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  for (int i = 0; i < size * size; i++)
    {
      pixels[3 * i] = r;
      pixels[3 * i + 1] = g;
      pixels[3 * i + 2] = b;
    }
  bytes = g_bytes_new (pixels, size * size * 3);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_R8G8B8, bytes, size * 3);
  return gdk_texture_save_to_png_bytes (texture);
}

/* Pixels of @texture within @tolerance of the colour. */
static guint
count_color (GdkTexture *texture,
             int         r,
             int         g,
             int         b,
             int         tolerance)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc ((gsize) w * h * 4);
  guint n = 0;

  gdk_texture_download (texture, data, w * 4);
  for (int i = 0; i < w * h; i++)
    {
      /* CAIRO_FORMAT_ARGB32 in memory on little endian: B G R A */
      const guint8 *p = data + 4 * i;

      if (ABS (p[2] - r) <= tolerance && ABS (p[1] - g) <= tolerance && ABS (p[0] - b) <= tolerance)
        n++;
    }
  return n;
}

/* Waiting */

static gboolean
workspace_is (gpointer name)
{
  return g_strcmp0 (koc_window_get_workspace_name (window), name) == 0;
}

static KocPeopleProfile *
profile (void)
{
  return KOC_PEOPLE_PROFILE (koc_people_pane_get_profile (pane));
}

static KocPeoplePosts *
posts_section (void)
{
  return KOC_PEOPLE_POSTS (koc_test_gui_find_widget (GTK_WIDGET (profile ()), KOC_TYPE_PEOPLE_POSTS));
}

static gboolean
profile_shows (gpointer id)
{
  const KocPersonProfile *data = koc_people_profile_get_data (profile ());

  return data != NULL && data->id == *(gint64 *) id && !koc_people_profile_is_busy (profile ())
         && !koc_people_posts_is_busy (posts_section ());
}

static void
show_person (gint64 id)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "people");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "x", id);
  koc_test_gui_wait_until (profile_shows, &id, "the profile");
}

static KocPeoplePostItem *
item_of_post (gint64 post_id)
{
  GListModel *model = koc_people_posts_get_model (posts_section ());

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KocPeoplePostItem) item = g_list_model_get_item (model, i);

      if (koc_people_post_item_get_post (item)->id == post_id)
        return item;
    }
  return NULL;
}

static gboolean
thumbnail_shown (gpointer post)
{
  KocPeoplePostItem *item = item_of_post (*(gint64 *) post);

  return item != NULL && koc_people_post_item_get_thumbnail (item) != NULL;
}

/* The GtkPicture showing @paintable in the post grid, or NULL. */
static GtkWidget *
picture_showing (GdkPaintable *paintable)
{
  g_autoptr(GPtrArray) pictures = koc_test_gui_find_widgets (GTK_WIDGET (posts_section ()), GTK_TYPE_PICTURE);

  for (guint i = 0; i < pictures->len; i++)
    if (gtk_picture_get_paintable (pictures->pdata[i]) == paintable && gtk_widget_get_mapped (pictures->pdata[i]))
      return pictures->pdata[i];
  return NULL;
}

static guint
visible_pictures (void)
{
  g_autoptr(GPtrArray) stacks = koc_test_gui_find_widgets (GTK_WIDGET (posts_section ()), GTK_TYPE_STACK);
  guint n = 0;

  for (guint i = 0; i < stacks->len; i++)
    if (g_strcmp0 (gtk_stack_get_visible_child_name (stacks->pdata[i]), "picture") == 0)
      n++;
  return n;
}

static void
test_thumbnails (void)
{
  KocPeoplePostItem *item;
  GdkPaintable *thumbnail;
  GtkWidget *picture;
  g_autoptr(GdkTexture) rendered = NULL;
  int w, h;

  show_person (person_id);
  koc_test_gui_wait_until (thumbnail_shown, &cached_post, "the thumbnail from the disk cache");
  item = item_of_post (cached_post);
  thumbnail = koc_people_post_item_get_thumbnail (item);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (thumbnail), ==, 64);
  koc_test_gui_wait_frames (GTK_WIDGET (window), 3);

  /* Its card shows the red image. */
  picture = picture_showing (thumbnail);
  g_assert_nonnull (picture);
  rendered = koc_test_gui_render (picture);
  w = gdk_texture_get_width (rendered);
  h = gdk_texture_get_height (rendered);
  g_assert_cmpuint (count_color (rendered, 220, 20, 30, 12), >=, (guint) (w * h * 9 / 10));

  /* The other image is nowhere: no thumbnail, and exactly one card shows a picture. */
  koc_test_gui_wait_frames (GTK_WIDGET (window), 10);
  while (g_main_context_iteration (NULL, FALSE));
  item = item_of_post (missing_post);
  g_assert_nonnull (item);
  g_assert_null (koc_people_post_item_get_thumbnail (item));
  g_assert_cmpuint (visible_pictures (), ==, 1);
  /* The workspace still holds only the placeholder row: the bytes stayed in the cache. */
  g_assert_cmpint (sql_int ("SELECT count (*) FROM media WHERE data IS NULL AND sha256 IN"
                            " (SELECT sha256 FROM post_media WHERE post_id = ?1)", cached_post), ==, 1);
}

/* The pane's relationship edits land in the sync outbox. */

static gboolean
outbox_has (gpointer kind)
{
  Sql sql = { "SELECT count (*) FROM outbox", 0 };
  g_autofree char *query = g_strdup_printf ("SELECT count (*) FROM outbox WHERE entity = '%s'", (const char *) kind);
  g_autofree gint64 *value = NULL;

  sql.sql = query;
  g_assert_true (koc_store_run_sync (store, sql_int_func, &sql, (gpointer *) &value, NULL, NULL));
  return *value > 0 && !koc_people_profile_is_busy (profile ());
}

static void
test_outbox (void)
{
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *summary = NULL;
  gint64 card;

  show_person (person_id);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM outbox WHERE entity IN ('interaction', 'deliverable')", 0), ==, 0);

  /* Log an interaction with the entry's Enter, as a person would. */
  entries = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), GTK_TYPE_ENTRY);
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (gtk_entry_get_placeholder_text (entries->pdata[i]), _("What happened")) == 0)
      summary = entries->pdata[i];
  g_assert_nonnull (summary);
  gtk_editable_set_text (GTK_EDITABLE (summary), "寄样品 sample sent");
  g_signal_emit_by_name (summary, "activate");
  koc_test_gui_wait_until (outbox_has, (gpointer) "interaction", "the interaction in the outbox");
  g_assert_cmpint (sql_int ("SELECT count (*) FROM outbox o JOIN interactions i ON i.uid = o.entity_uid"
                            " WHERE o.entity = 'interaction' AND i.person_id = ?1 AND i.summary = '寄样品 sample sent'"
                            " AND o.payload ->> '$.fields.channel' = i.channel", person_id), ==, 1);

  /* Mark a post as a deliverable of the person's card (a new card when none). */
  card = sql_int ("SELECT id FROM cards WHERE person_id = ?1 ORDER BY id LIMIT 1", person_id);
  if (card <= 0)
    {
      sql_exec ("INSERT INTO cards (campaign_id, person_id, stage_id) SELECT s.campaign_id, ?1, s.id"
                " FROM campaign_stages s ORDER BY s.id LIMIT 1", person_id, NULL, NULL);
      card = sql_int ("SELECT id FROM cards WHERE person_id = ?1 ORDER BY id LIMIT 1", person_id);
      koc_people_profile_reload (profile ());
      koc_test_gui_wait_until (profile_shows, &person_id, "the profile again");
    }
  g_assert_cmpint (card, >, 0);
  _koc_people_posts_mark_deliverable (posts_section (), item_of_post (missing_post), card);
  koc_test_gui_wait_until (outbox_has, (gpointer) "deliverable", "the deliverable in the outbox");
  g_assert_cmpint (sql_int ("SELECT count (*) FROM outbox o JOIN card_deliverables d ON d.uid = o.entity_uid"
                            " WHERE o.entity = 'deliverable' AND d.post_id = ?1", missing_post), ==, 1);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM card_deliverables d JOIN cards c ON c.id = d.card_id"
                            " JOIN posts p ON p.id = d.post_id WHERE d.post_id = ?1 AND d.uid = c.uid || p.uid"
                            " AND d.id IS NOT NULL", missing_post), ==, 1);
}

/* Split Off, and Undo */

static gboolean
accounts_are (gpointer n)
{
  const KocPersonProfile *data = koc_people_profile_get_data (profile ());

  return data != NULL && data->id == person_id && data->accounts->len == GPOINTER_TO_UINT (n)
         && !koc_people_profile_is_busy (profile ()) && !koc_people_pane_is_busy (pane);
}

static GPtrArray *
split_buttons (void)
{
  g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (GTK_WIDGET (profile ()), GTK_TYPE_BUTTON);
  GPtrArray *split = g_ptr_array_new ();

  for (guint i = 0; i < buttons->len; i++)
    if (g_object_get_data (buttons->pdata[i], "koc-account-id") != NULL)
      g_ptr_array_add (split, buttons->pdata[i]);
  return split;
}

static GtkWidget *
find_undo (void)
{
  g_autoptr(GPtrArray) all = koc_test_gui_find_widgets (GTK_WIDGET (window), GTK_TYPE_BUTTON);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_button_get_label (all->pdata[i]), _("_Undo")) == 0 && gtk_widget_get_mapped (all->pdata[i]))
      return all->pdata[i];
  return NULL;
}

/* Records that the profile showed the person with @n accounts (a "changed" handler). */
typedef struct
{
  guint    n;
  gboolean seen;
} Shown;

static void
profile_changed_cb (KocPeopleProfile *self,
                    Shown            *shown)
{
  const KocPersonProfile *data = koc_people_profile_get_data (self);

  if (data != NULL && data->id == person_id && data->accounts->len == shown->n)
    shown->seen = TRUE;
}

static gboolean
set_flag_cb (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set (gpointer flag)
{
  return *(gboolean *) flag;
}

static gboolean
undo_shown (gpointer data)
{
  return find_undo () != NULL;
}

static gboolean
split_shown (gpointer shown)
{
  return ((Shown *) shown)->seen;
}

static void
test_split (void)
{
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *undo = NULL;
  guint n_accounts;
  gint64 people, listed, account, queued;
  gboolean slid_in = FALSE;
  Shown shown = { 0 };
  gulong handler;

  show_person (person_id);
  n_accounts = koc_people_profile_get_data (profile ())->accounts->len;
  g_assert_cmpuint (n_accounts, >=, 2);
  people = sql_int ("SELECT count (*) FROM people", 0);
  listed = koc_people_pane_get_count (pane);
  queued = sql_int ("SELECT count (*) FROM outbox", 0);

  /* One button per account, named for it. */
  buttons = split_buttons ();
  g_assert_cmpuint (buttons->len, ==, n_accounts);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (buttons->pdata[1]), "@"));
  account = GPOINTER_TO_SIZE (g_object_get_data (buttons->pdata[1], "koc-account-id"));
  shown.n = n_accounts - 1;
  handler = g_signal_connect (profile (), "changed", G_CALLBACK (profile_changed_cb), &shown);
  g_signal_emit_by_name (buttons->pdata[1], "clicked");

  /* The toast comes when the split is written; its Undo is clicked within its timeout
   * even in a slow (sanitizer) run: the rows are checked meanwhile, the profile's
   * reload is recorded by the "changed" handler. */
  koc_test_gui_wait_until (undo_shown, NULL, "the toast of the split");
  g_timeout_add (600, set_flag_cb, &slid_in);  /* libadwaita 1.2: not during its show animation */
  g_assert_cmpint (sql_int ("SELECT count (*) FROM people", 0), ==, people + 1);
  g_assert_cmpint (sql_int ("SELECT person_id FROM accounts WHERE id = ?1", account), !=, person_id);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM accounts WHERE person_id = ?1", person_id), ==, n_accounts - 1);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM person_merges WHERE kind = 'split' AND undone_at IS NULL", 0), ==, 1);
  /* Queued for the server: the new person and the account that moved to it. */
  g_assert_cmpint (sql_int ("SELECT count (*) FROM outbox o JOIN accounts a ON a.person_id ="
                            " (SELECT id FROM people WHERE uid = o.entity_uid)"
                            " WHERE o.entity = 'person' AND a.id = ?1", account), ==, 1);
  koc_test_gui_wait_until (flag_is_set, &slid_in, "the toast to slide in");
  undo = find_undo ();
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");

  /* The profile showed the split (its reload was queued before the undo), then not. */
  koc_test_gui_wait_until (split_shown, &shown, "the profile after the split");
  koc_test_gui_wait_until (accounts_are, GUINT_TO_POINTER (n_accounts), "the split to be undone");
  g_signal_handler_disconnect (profile (), handler);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM people", 0), ==, people);
  g_assert_cmpint (sql_int ("SELECT person_id FROM accounts WHERE id = ?1", account), ==, person_id);
  g_assert_cmpint (sql_int ("SELECT count (*) FROM person_merges WHERE kind = 'split' AND undone_at IS NOT NULL", 0), ==, 1);
  /* The undo is queued too (the new person deleted, the account back). */
  g_assert_cmpint (sql_int ("SELECT count (*) FROM outbox", 0), >, queued + 1);
  if (listed >= 0)
    g_assert_cmpint (koc_people_pane_get_count (pane), ==, listed);
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = split_buttons ();
  g_assert_cmpuint (buttons->len, ==, n_accounts);
  koc_test_gui_wait_frames (GTK_WIDGET (window), 12);
}

/* The media kit's top posts with their images */

static gboolean
kit_ready (gpointer data)
{
  return profile_shows (&person_id);
}

static void
test_mediakit_thumbnail (void)
{
  g_autofree char *png = g_build_filename (data_home, "kit-thumbs.png", NULL);
  g_autoptr(GBytes) magenta = solid_png (230, 0, 230);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, magenta);
  g_autoptr(GdkTexture) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  const KocPersonProfile *data;
  gint64 top;

  show_person (person_id);
  data = koc_people_profile_get_data (profile ());
  g_assert_cmpuint (data->top_posts->len, >, 0);
  top = ((const KocPersonPost *) data->top_posts->pdata[0])->id;

  g_assert_true (koc_people_profile_export_mediakit (profile (), png, &error));
  g_assert_no_error (error);
  before = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_color (before, 230, 0, 230, 10), ==, 0);

  /* The image of the top post, in the workspace's media table. */
  sql_exec ("INSERT OR IGNORE INTO media (sha256, mime, bytes, data) VALUES (?2, 'image/png', length (?3), ?3)",
            0, sha, magenta);
  sql_exec ("DELETE FROM post_media WHERE post_id = ?1", top, NULL, NULL);
  sql_exec ("INSERT INTO post_media (post_id, position, sha256) VALUES (?1, 0, ?2)", top, sha, NULL);
  koc_people_profile_reload (profile ());
  koc_test_gui_wait_until (kit_ready, NULL, "the profile with the image");

  g_assert_true (koc_people_profile_export_mediakit (profile (), png, &error));
  g_assert_no_error (error);
  after = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  /* A 56 px thumbnail at the PNG's scale: most of its square is the image. */
  g_assert_cmpuint (count_color (after, 230, 0, 230, 10), >=, 56 * 56 / 2);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");

  show_person (person_id);
  koc_test_gui_wait_until (thumbnail_shown, &cached_post, "the thumbnail");
  g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (window)), ==, 0);
  if (dir == NULL)
    return;
  for (guint i = 0; i < 2; i++)
    {
      gboolean dark = i == 1;
      GtkAdjustment *adjustment;
      GtkWidget *scroller;
      graphene_point_t top;

      adw_style_manager_set_color_scheme (style_manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                              : ADW_COLOR_SCHEME_FORCE_LIGHT);
      scroller = gtk_widget_get_ancestor (GTK_WIDGET (posts_section ()), GTK_TYPE_SCROLLED_WINDOW);
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      gtk_adjustment_set_value (adjustment, 0);
      koc_test_gui_wait_frames (GTK_WIDGET (window), 6);
      koc_test_gui_save_png (GTK_WIDGET (window), dir, dark ? "people-split-dark.png" : "people-split-light.png");
      /* Then scrolled to the post grid. */
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (posts_section ()),
                                               gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                               &GRAPHENE_POINT_INIT (0, 0), &top));
      gtk_adjustment_set_value (adjustment, MAX (0, top.y - 40));
      koc_test_gui_wait_frames (GTK_WIDGET (window), 6);
      koc_test_gui_save_png (GTK_WIDGET (window), dir, dark ? "people-thumbnails-dark.png" : "people-thumbnails-light.png");
    }
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* The workspace: the demo, with two post images for the person (before the app opens it). */
static void
prepare_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) red = solid_png (220, 20, 30);
  g_autofree char *missing_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "not anywhere", -1);
  g_autofree char *cache_dir = koc_media_cache_default_dir (NULL, "Demo");
  g_autofree char *sub = NULL, *file = NULL;
  char prefix[3];

  store = koc_store_open_sync (path, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  person_id = sql_int ("SELECT a.person_id FROM accounts a WHERE a.person_id IS NOT NULL"
                       " AND (SELECT count (*) FROM posts p JOIN accounts b ON b.id = p.account_id"
                       "      WHERE b.person_id = a.person_id) >= 4"
                       " GROUP BY a.person_id HAVING count (*) >= 2 ORDER BY count (*) DESC, a.person_id LIMIT 1", 0);
  g_assert_cmpint (person_id, >, 0);
  cached_post = sql_int ("SELECT p.id FROM posts p JOIN accounts a ON a.id = p.account_id WHERE a.person_id = ?1"
                         " ORDER BY p.published_at DESC, p.id DESC LIMIT 1", person_id);
  missing_post = sql_int ("SELECT p.id FROM posts p JOIN accounts a ON a.id = p.account_id WHERE a.person_id = ?1"
                          " ORDER BY p.published_at DESC, p.id DESC LIMIT 1 OFFSET 1", person_id);

  /* The red image: a placeholder row in the workspace (as after a sync), bytes on disk. */
  cached_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, red);
  sql_exec ("INSERT INTO media (sha256, mime, bytes) VALUES (?2, 'application/octet-stream', 0)", 0, cached_sha, NULL);
  sql_exec ("INSERT INTO post_media (post_id, position, sha256) VALUES (?1, 0, ?2)", cached_post, cached_sha, NULL);
  sql_exec ("INSERT INTO media (sha256, mime, bytes) VALUES (?2, 'application/octet-stream', 0)", 0, missing_sha, NULL);
  sql_exec ("INSERT INTO post_media (post_id, position, sha256) VALUES (?1, 0, ?2)", missing_post, missing_sha, NULL);
  prefix[0] = cached_sha[0];
  prefix[1] = cached_sha[1];
  prefix[2] = '\0';
  sub = g_build_filename (cache_dir, prefix, NULL);
  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  file = g_build_filename (sub, cached_sha, NULL);
  g_assert_true (g_file_set_contents (file, g_bytes_get_data (red, NULL), g_bytes_get_size (red), NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cache_home = NULL;
  KocDemoOptions options = { .scale = 0.02, .seed = KOC_DEMO_DEFAULT_SEED };
  int status;

  data_home = koc_test_make_tmp_dir ();
  cache_home = g_build_filename (data_home, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  koc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display (run the gui suite through tests/gui-wrapper.sh)\n");
      return 0;
    }

  dir = g_build_filename (data_home, "kocdesk", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = g_build_filename (dir, "Demo.db", NULL);
  g_assert_true (koc_demo_generate (path, &options, NULL, &error));
  g_assert_no_error (error);
  prepare_workspace (path);

  app = koc_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = KOC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  koc_test_gui_wait_until (workspace_is, (gpointer) "Demo", "the demo workspace to open");
  /* The pane is built when first shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "people");
  pane = KOC_PEOPLE_PANE (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_PEOPLE_PANE));
  g_assert_nonnull (pane);

  g_test_add_func ("/koc/app/people-extra/thumbnails", test_thumbnails);
  g_test_add_func ("/koc/app/people-extra/screenshots", test_screenshots);
  g_test_add_func ("/koc/app/people-extra/outbox", test_outbox);
  g_test_add_func ("/koc/app/people-extra/split", test_split);
  g_test_add_func ("/koc/app/people-extra/mediakit-thumbnail", test_mediakit_thumbnail);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  g_clear_object (&store);
  koc_test_rm_rf (data_home);
  g_free (data_home);
  g_free (cached_sha);

  return status;
}
