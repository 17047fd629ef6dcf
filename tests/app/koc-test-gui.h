/* koc-test-gui.h: helpers for the GUI tests (run under Xvfb by tests/gui-wrapper.sh). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Spins the main context until @condition returns TRUE; fails the test after 15 s
 * (90 s in sanitizer builds). */
void        koc_test_gui_wait_until      (gboolean   (*condition) (gpointer data),
                                          gpointer     data,
                                          const char  *what);
/* Waits until @widget's frame clock has painted @n more frames. */
void        koc_test_gui_wait_frames     (GtkWidget   *widget,
                                          guint        n);
/* First descendant (depth first, including @root) of @type, or NULL. */
GtkWidget  *koc_test_gui_find_widget     (GtkWidget   *root,
                                          GType        type);
/* All descendants of @type, in tree order. */
GPtrArray  *koc_test_gui_find_widgets    (GtkWidget   *root,
                                          GType        type);
/* A toplevel window of @type other than @except, or NULL. */
GtkWindow  *koc_test_gui_find_toplevel   (GType        type);
/* Renders @widget with its window's renderer into a texture. */
GdkTexture *koc_test_gui_render          (GtkWidget   *widget);
/* Mean luminance 0..1 of the texture's pixels in a rectangle. */
double      koc_test_gui_mean_luminance  (GdkTexture  *texture,
                                          int          x,
                                          int          y,
                                          int          width,
                                          int          height);
/* Number of glyphs the font machinery could not find for visible labels under @root
 * (the boxes with hex codes), emoji aside; reports each offending label with
 * g_test_message. */
guint       koc_test_gui_count_missing_glyphs (GtkWidget *root);
/* Renders @widget and saves it as @dir/@name (a PNG), creating @dir. */
void        koc_test_gui_save_png        (GtkWidget   *widget,
                                          const char  *dir,
                                          const char  *name);

G_END_DECLS
