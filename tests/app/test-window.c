/* test-window.c: the real KOC Desk window under Xvfb.
 *
 * One application instance is shared by all the test cases (as a user would have it):
 * the window opens, each pane is reachable by the switcher and by its shortcut, the
 * Preferences, About and Shortcuts windows open, the narrow layout moves the switcher to
 * the bottom, a workspace can be created, and every pane is saved as a PNG in the light
 * and the dark style (KOCDESK_SCREENSHOT_DIR) and checked for missing glyphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "koc-application.h"
#include "koc-campaigns-pane.h"
#include "koc-discover-pane.h"
#include "koc-keywords-pane.h"
#include "koc-people-pane.h"
#include "koc-sync-indicator.h"
#include "koc-i18n.h"
#include "koc-preferences-window.h"
#include "koc-sync-indicator.h"
#include "koc-test-gui.h"
#include "koc-test-utils.h"
#include "koc-window.h"

static const char * const panes[] = { "discover", "people", "keywords", "campaigns" };

static KocApplication *app;
static KocWindow *window;
static char *data_home;

static gboolean
workspace_open (gpointer data)
{
  return koc_window_get_workspace_name (window) != NULL;
}

static AdwViewStack *
view_stack (void)
{
  return ADW_VIEW_STACK (koc_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
}

static const char *
visible_pane (void)
{
  return adw_view_stack_get_visible_child_name (view_stack ());
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
test_window_opens (void)
{
  g_autofree char *expected_file = NULL;
  AdwViewStack *stack = view_stack ();
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  g_assert_true (KOC_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("KOC Desk"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (panes));

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, panes[i]);
      g_assert_nonnull (child);
      /* Discover is the real pane; the others still show their honest empty state. */
      if (g_str_equal (panes[i], "discover"))
        {
          g_assert_true (KOC_IS_DISCOVER_PANE (child));
          continue;
        }
      /* The other panes are built into their page when first shown. */
      g_assert_true (ADW_IS_BIN (child));
      g_assert_null (adw_bin_get_child (ADW_BIN (child)));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", panes[i]));
      child = adw_bin_get_child (ADW_BIN (child));
      g_assert_nonnull (child);
      if (g_str_equal (panes[i], "people"))
        {
          /* An empty workspace: the People pane shows its honest empty state. */
          GtkWidget *empty = koc_test_gui_find_widget (child, ADW_TYPE_STATUS_PAGE);

          g_assert_true (KOC_IS_PEOPLE_PANE (child));
          g_assert_nonnull (empty);
          koc_test_gui_wait_until (widget_mapped, empty, "the People pane's empty state");
          g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (empty)));
          continue;
        }
      if (g_str_equal (panes[i], "keywords"))
        {
          /* An empty workspace: the Keywords pane shows its honest empty state. */
          GtkWidget *empty = koc_test_gui_find_widget (child, ADW_TYPE_STATUS_PAGE);

          g_assert_true (KOC_IS_KEYWORDS_PANE (child));
          g_assert_nonnull (empty);
          g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (empty)));
          continue;
        }
      if (g_str_equal (panes[i], "campaigns"))
        {
          /* An empty workspace: the Campaigns pane shows its honest empty state. */
          GtkWidget *empty = koc_test_gui_find_widget (child, ADW_TYPE_STATUS_PAGE);

          g_assert_true (KOC_IS_CAMPAIGNS_PANE (child));
          g_assert_nonnull (empty);
          g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (empty)));
          continue;
        }
      g_assert_true (ADW_IS_STATUS_PAGE (child));
      g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (child)));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "discover"));

  /* First start: an empty workspace was created on disk through the store. */
  g_assert_cmpstr (koc_window_get_workspace_name (window), ==, _("My Workspace"));
  expected_file = g_strdup_printf ("%s/kocdesk/%s.db", data_home, _("My Workspace"));
  g_assert_true (g_file_test (expected_file, G_FILE_TEST_IS_REGULAR));
}

static void
test_window_switcher (void)
{
  GtkWidget *title = koc_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
  GtkWidget *switcher = koc_test_gui_find_widget (title, ADW_TYPE_VIEW_SWITCHER);
  g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (switcher, GTK_TYPE_TOGGLE_BUTTON);

  g_assert_cmpuint (buttons->len, ==, G_N_ELEMENTS (panes));

  /* Backwards, so each click really changes the pane. */
  for (int i = G_N_ELEMENTS (panes) - 1; i >= 0; i--)
    {
      gtk_toggle_button_set_active (buttons->pdata[i], TRUE);
      g_assert_cmpstr (visible_pane (), ==, panes[i]);
    }
}

static void
test_window_shortcuts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      guint n = (i + 1) % G_N_ELEMENTS (panes); /* start away from the target pane */
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", n + 1);
      g_autofree char *detailed = g_strdup_printf ("win.show-pane::%s", panes[n]);
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);

      g_assert_nonnull (actions);
      g_assert_cmpstr (actions[0], ==, detailed);
      g_assert_null (actions[1]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", panes[n]));
      g_assert_cmpstr (visible_pane (), ==, panes[n]);
    }
}

static gboolean
toplevel_shown (gpointer type)
{
  return koc_test_gui_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static GtkWindow *
activate_and_find (const char *action,
                   GType       type)
{
  g_autofree char *what = g_strdup_printf ("%s to show a %s", action, g_type_name (type));

  if (g_str_has_prefix (action, "app."))
    g_action_group_activate_action (G_ACTION_GROUP (app), action + 4, NULL);
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));

  koc_test_gui_wait_until (toplevel_shown, GSIZE_TO_POINTER (type), what);
  return koc_test_gui_find_toplevel (type);
}

/* Saves a dialog as <dir>/<name>.png (when KOCDESK_SCREENSHOT_DIR is set), after it drew. */
static void
save_dialog_shot (GtkWindow  *dialog,
                  const char *name)
{
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* Long enough for the header's cross-fades (about 250 ms). */
  koc_test_gui_wait_frames (GTK_WIDGET (dialog), 30);
  g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (dialog)), ==, 0);
  texture = koc_test_gui_render (GTK_WIDGET (dialog));
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_preferences (void)
{
  GSettings *settings = koc_application_get_settings (app);
  GtkWindow *prefs = activate_and_find ("app.preferences", KOC_TYPE_PREFERENCES_WINDOW);
  AdwEntryRow *row = ADW_ENTRY_ROW (koc_test_gui_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW));
  KocSyncIndicator *indicator =
    KOC_SYNC_INDICATOR (koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_SYNC_INDICATOR));
  g_autoptr(GPtrArray) checks = koc_test_gui_find_widgets (GTK_WIDGET (prefs), GTK_TYPE_CHECK_BUTTON);
  g_autofree char *url = NULL;

  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  save_dialog_shot (prefs, "preferences");
  g_assert_cmpint (koc_sync_indicator_get_state (indicator), ==, KOC_SYNC_STATE_LOCAL);

  /* A wrong address is refused, said so, and not stored. */
  gtk_editable_set_text (GTK_EDITABLE (row), "ftp://example.com");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  url = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (url, ==, "");
  g_clear_pointer (&url, g_free);

  gtk_editable_set_text (GTK_EDITABLE (row), "https://koc.example.com");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  url = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (url, ==, "https://koc.example.com");
  g_clear_pointer (&url, g_free);
  g_assert_cmpint (koc_sync_indicator_get_state (indicator), !=, KOC_SYNC_STATE_LOCAL);

  g_settings_set_string (settings, "server-url", "");
  g_assert_cmpint (koc_sync_indicator_get_state (indicator), ==, KOC_SYNC_STATE_LOCAL);
  g_assert_cmpstr (koc_sync_indicator_get_label (indicator), ==, _("Local"));

  /* The appearance radio buttons drive the style manager through the settings key. */
  g_assert_cmpuint (checks->len, ==, 3);
  g_signal_emit_by_name (checks->pdata[2], "activate");
  url = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (url, ==, "dark");
  g_clear_pointer (&url, g_free);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_signal_emit_by_name (checks->pdata[1], "activate");
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_settings_reset (settings, "color-scheme");

  gtk_window_destroy (prefs);
}

static void
test_about (void)
{
  GtkWindow *about = activate_and_find ("app.about", ADW_TYPE_ABOUT_WINDOW);
  AdwAboutWindow *aw = ADW_ABOUT_WINDOW (about);

  g_assert_cmpstr (adw_about_window_get_application_name (aw), ==, _("KOC Desk"));
  g_assert_cmpstr (adw_about_window_get_version (aw), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (aw), ==, APP_ID);
  g_assert_nonnull (adw_about_window_get_developer_name (aw));
  g_assert_true (g_str_has_prefix (adw_about_window_get_website (aw), "https://"));
  g_assert_cmpstr (adw_about_window_get_release_notes_version (aw), ==, PACKAGE_VERSION);
  g_assert_nonnull (adw_about_window_get_release_notes (aw));
  g_assert_nonnull (adw_about_window_get_comments (aw));
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()), APP_ID));
  save_dialog_shot (about, "about");

  gtk_window_destroy (about);
}

static void
test_shortcuts_window (void)
{
  GtkWindow *shortcuts = activate_and_find ("win.show-help-overlay", GTK_TYPE_SHORTCUTS_WINDOW);
  g_autoptr(GPtrArray) items = koc_test_gui_find_widgets (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");

  /* Built on demand (not by GtkApplication), with its usual shortcut; as the window's
   * help overlay it shows the accelerators of the actions it names. */
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                 GTK_SHORTCUTS_WINDOW (shortcuts));
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_assert_cmpuint (items->len, >=, 9);
  save_dialog_shot (shortcuts, "shortcuts");
  gtk_window_destroy (shortcuts);
}

typedef struct
{
  int      width;
  gboolean reveal;
} NarrowWait;

static gboolean
layout_is (gpointer data)
{
  NarrowWait *wait = data;
  GtkWidget *bar = koc_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);

  /* The requested size includes the client-side shadow, so allow a few pixels. */
  return ABS (gtk_widget_get_width (GTK_WIDGET (window)) - wait->width) <= 24 &&
         adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)) == wait->reveal;
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The header's menus: no popover until first opened, then the menu. */
static void
test_menus (void)
{
  g_autoptr(GPtrArray) buttons = koc_test_gui_find_widgets (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  guint n_menus = 0;

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = buttons->pdata[i];
      GtkPopover *popover;
      g_autoptr(GPtrArray) items = NULL;

      /* The sync indicator's button has its own popover. */
      if (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_HEADER_BAR) == NULL ||
          gtk_widget_get_ancestor (GTK_WIDGET (button), KOC_TYPE_SYNC_INDICATOR) != NULL)
        continue;
      n_menus++;
      g_assert_null (gtk_menu_button_get_popover (button));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
      gtk_menu_button_popup (button);
      koc_test_gui_wait_until (popover_shown, button, "a header menu to open");
      popover = gtk_menu_button_get_popover (button);
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      /* "New Workspace…" or the main menu's six items. */
      items = koc_test_gui_find_widgets (GTK_WIDGET (popover), GTK_TYPE_LABEL);
      g_assert_cmpuint (items->len, >=, 1);
      gtk_menu_button_popdown (button);
    }
  g_assert_cmpuint (n_menus, ==, 2);
}

static void
test_narrow (void)
{
  NarrowWait narrow = { 360, TRUE };
  NarrowWait wide = { 1200, FALSE };
  GtkWidget *title = koc_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);

  GtkWidget *bar = koc_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_autoptr(GPtrArray) buttons = NULL;

  /* Built for the window's stack when first revealed, not at start-up. */
  g_assert_null (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  koc_test_gui_wait_until (layout_is, &narrow, "the switcher bar to appear at 360 px");
  g_assert_true (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title)));
  g_assert_true (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)) == view_stack ());
  buttons = koc_test_gui_find_widgets (bar, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_cmpuint (buttons->len, ==, 4);
  /* The Discover toolbar is compact: the pane fits the window instead of scrolling
   * sideways (its empty state's text was cut at both sides). */
  {
    GtkWidget *pane = koc_test_gui_find_widget (GTK_WIDGET (window), KOC_TYPE_DISCOVER_PANE);
    GtkWidget *scroller = gtk_widget_get_ancestor (pane, GTK_TYPE_SCROLLED_WINDOW);
    int min_width;

    gtk_widget_measure (pane, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, gtk_widget_get_width (scroller));
  }
  save_dialog_shot (GTK_WINDOW (window), "window-narrow");

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);
  koc_test_gui_wait_until (layout_is, &wide, "the switcher bar to hide at 1200 px");
}

static gboolean
workspace_is (gpointer name)
{
  return g_strcmp0 (koc_window_get_workspace_name (window), name) == 0;
}

static void
test_new_workspace (void)
{
  static const char name[] = "露可 Luko China";
  GtkWindow *dialog = activate_and_find ("win.new-workspace", ADW_TYPE_MESSAGE_DIALOG);
  GtkEditable *entry = GTK_EDITABLE (koc_test_gui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT));
  g_autofree char *path = g_strdup_printf ("%s/kocdesk/%s.db", data_home, name);

  /* Empty, invalid and duplicate names cannot be created. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  gtk_editable_set_text (entry, "a/b");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  gtk_editable_set_text (entry, _("My Workspace"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));

  gtk_editable_set_text (entry, name);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  gtk_window_destroy (dialog);

  koc_test_gui_wait_until (workspace_is, (gpointer) name, "the new workspace to open");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Switching back through the switcher's radio action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-workspace", "s", _("My Workspace"));
  koc_test_gui_wait_until (workspace_is, (gpointer) _("My Workspace"), "switching back");
}

static void
save_screenshot (const char *dir,
                 const char *style,
                 const char *pane)
{
  g_autoptr(GdkTexture) texture = koc_test_gui_render (GTK_WIDGET (window));
  g_autofree char *file = g_strdup_printf ("%s-%s.png", pane, style);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  double background = koc_test_gui_mean_luminance (texture, 0, height - 60, 60, 40);

  if (g_str_equal (style, "dark"))
    g_assert_cmpfloat (background, <, 0.3);
  else
    g_assert_cmpfloat (background, >, 0.8);

  /* The status page's text and icon leave ink in the middle of the window. */
  g_assert_cmpfloat (fabs (koc_test_gui_mean_luminance (texture, width / 4, height / 4, width / 2, height / 2) - background),
                     >, 0.005);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("KOCDESK_SCREENSHOT_DIR");
  NarrowWait wide = { 1100, FALSE };
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  static const struct { const char *name; AdwColorScheme scheme; } styles[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT },
    { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
  };

  if (dir == NULL)
    {
      g_test_skip ("KOCDESK_SCREENSHOT_DIR not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), wide.width, 720);
  koc_test_gui_wait_until (layout_is, &wide, "the wide layout");
  /* Let the switcher title's cross-fade finish (about 250 ms) before the first shot. */
  koc_test_gui_wait_frames (GTK_WIDGET (window), 30);

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      adw_style_manager_set_color_scheme (style_manager, styles[s].scheme);
      for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
        {
          adw_view_stack_set_visible_child_name (view_stack (), panes[i]);
          koc_test_gui_wait_frames (GTK_WIDGET (window), 3);
          g_assert_cmpuint (koc_test_gui_count_missing_glyphs (GTK_WIDGET (window)), ==, 0);
          save_screenshot (dir, styles[s].name, panes[i]);
        }
    }
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_translated (void)
{
  const char *language = g_getenv ("LANGUAGE");

  if (language == NULL || !g_str_has_prefix (language, "zh"))
    {
      g_assert_cmpstr (_("Discover"), ==, "Discover");
      return;
    }

  /* The zh_CN catalogue is loaded: pane titles are Chinese, not English. */
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (view_stack (),
                                                        adw_view_stack_get_child_by_name (view_stack (), panes[i]));
      const char *title = adw_view_stack_page_get_title (page);
      gboolean has_han = FALSE;

      for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
        has_han |= g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN;
      g_assert_true (has_han);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  data_home = koc_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  koc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      /* TAP: exit 77 would be an ERROR under meson; a skipped plan is what we mean. */
      g_print ("1..0 # SKIP no display (run the gui suite through tests/gui-wrapper.sh)\n");
      return 0;
    }

  app = koc_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = KOC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  koc_test_gui_wait_until (workspace_open, NULL, "the first workspace to open");
  koc_test_gui_wait_frames (GTK_WIDGET (window), 2);

  g_test_add_func ("/koc/app/window/opens", test_window_opens);
  g_test_add_func ("/koc/app/window/translated", test_translated);
  g_test_add_func ("/koc/app/window/switcher", test_window_switcher);
  g_test_add_func ("/koc/app/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/koc/app/preferences", test_preferences);
  g_test_add_func ("/koc/app/about", test_about);
  g_test_add_func ("/koc/app/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/koc/app/window/menus", test_menus);
  g_test_add_func ("/koc/app/window/narrow", test_narrow);
  g_test_add_func ("/koc/app/window/new-workspace", test_new_workspace);
  g_test_add_func ("/koc/app/window/screenshots", test_screenshots);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  koc_test_rm_rf (data_home);
  g_free (data_home);

  return status;
}
