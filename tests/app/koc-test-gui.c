/* koc-test-gui.c: helpers for the GUI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-test-gui.h"

static gboolean
timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Sanitizer builds run several times slower: give them more time, not other checks. */
#if defined(__SANITIZE_ADDRESS__)
# define WAIT_SECONDS 90
#else
# define WAIT_SECONDS 15
#endif

void
koc_test_gui_wait_until (gboolean   (*condition) (gpointer data),
                         gpointer     data,
                         const char  *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_SECONDS, timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

typedef struct
{
  GtkWidget *widget;
  guint      painted;
  guint      wanted;
} FrameWait;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  /* Keep the clock ticking: an idle window paints nothing. */
  if (++wait->painted < wait->wanted)
    {
      gtk_widget_queue_draw (wait->widget);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    }
}

static gboolean
frames_done (gpointer data)
{
  FrameWait *wait = data;

  return wait->painted >= wait->wanted;
}

void
koc_test_gui_wait_frames (GtkWidget *widget,
                          guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  FrameWait wait = { widget, 0, n };
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &wait);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  koc_test_gui_wait_until (frames_done, &wait, "frames");
  g_signal_handler_disconnect (clock, id);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out,
         gboolean   first_only)
{
  if (first_only && out->len > 0)
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out, first_only);
}

GtkWidget *
koc_test_gui_find_widget (GtkWidget *root,
                          GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found, TRUE);
  return found->len > 0 ? found->pdata[0] : NULL;
}

GPtrArray *
koc_test_gui_find_widgets (GtkWidget *root,
                           GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found, FALSE);
  return found;
}

GtkWindow *
koc_test_gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

GdkTexture *
koc_test_gui_render (GtkWidget *widget)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  g_assert_nonnull (renderer);
  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

double
koc_test_gui_mean_luminance (GdkTexture *texture,
                             int         x,
                             int         y,
                             int         width,
                             int         height)
{
  int tw = gdk_texture_get_width (texture);
  int th = gdk_texture_get_height (texture);
  gsize stride = tw * 4;
  g_autofree guchar *pixels = g_malloc (stride * th);
  double sum = 0;
  guint n = 0;

  gdk_texture_download (texture, pixels, stride);
  for (int j = MAX (y, 0); j < MIN (y + height, th); j++)
    for (int i = MAX (x, 0); i < MIN (x + width, tw); i++)
      {
        const guchar *p = pixels + j * stride + i * 4; /* B G R A, premultiplied */
        sum += (0.0722 * p[0] + 0.7152 * p[1] + 0.2126 * p[2]) / 255.0;
        n++;
      }

  g_assert_cmpuint (n, >, 0);
  return sum / n;
}

static gboolean
is_emoji (gunichar c)
{
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
         c == 0xFE0F || c == 0x200D || (c >= 0x1F1E6 && c <= 0x1F1FF);
}

/* Emoji are left out: posts are user text full of them, and they need a colour emoji
 * font that a minimal test machine may lack. Our own text, Chinese included, must never
 * miss a glyph. */
guint
koc_test_gui_count_missing_glyphs (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = koc_test_gui_find_widgets (root, GTK_TYPE_LABEL);
  guint missing = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];
      const char *text = gtk_label_get_text (label);
      g_autoptr(GString) plain = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int unknown;

      if (!gtk_widget_is_drawable (GTK_WIDGET (label)) || text == NULL || *text == '\0')
        continue;

      plain = g_string_new (NULL);
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (!is_emoji (g_utf8_get_char (p)))
          g_string_append_unichar (plain, g_utf8_get_char (p));

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), plain->str);
      unknown = pango_layout_get_unknown_glyphs_count (layout);
      if (unknown > 0)
        g_test_message ("label “%s” has %d missing glyphs", text, unknown);
      missing += unknown;
    }

  return missing;
}

void
koc_test_gui_save_png (GtkWidget  *widget,
                       const char *dir,
                       const char *name)
{
  g_autoptr(GdkTexture) texture = koc_test_gui_render (widget);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}
