/* koc-keywords-cloud.c: the keyword cloud widget (see koc-keywords-cloud.h).
 *
 * The layout is computed on the main thread (Pango is not thread-safe) when the size or
 * the words change, and reused for every frame and every hit test. The widget takes the
 * keyboard focus and moves it between the words (see "Keyboard" below); the focused word
 * has a focus ring and is the widget's accessible name, and the accessible description
 * lists every word with its count.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "koc-chart-view.h"
#include "koc-keywords-cloud.h"

struct _KocKeywordsCloud
{
  GtkWidget      parent_instance;

  KocChartCloud *cloud;
  int            laid_width;
  int            laid_height;
  int            hover;
  int            focus;        /* rank of the word with the keyboard focus, or -1 */
  char          *description;
};

enum {
  SIGNAL_KEYWORD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KocKeywordsCloud, koc_keywords_cloud, GTK_TYPE_WIDGET)

/* "面膜: 120 posts, rising" */
static char *
word_text (const KocCloudItem *item)
{
  g_autofree char *count = g_strdup_printf ("%'lld", (long long) item->count);

  if (item->trend >= 0.5)
    /* Translators: keyword tooltip: the keyword, its number of posts. */
    return g_strdup_printf (_("%s: %s posts, rising"), item->text, count);
  if (item->trend <= -0.5)
    return g_strdup_printf (_("%s: %s posts, falling"), item->text, count);
  return g_strdup_printf (_("%s: %s posts"), item->text, count);
}

/* The cloud's summary (koc_chart_cloud_describe()), then every word with its count, so a
 * screen reader reaches each of them, not only the ten biggest. */
static char *
describe_all (KocChartCloud *cloud)
{
  g_autofree char *summary = koc_chart_cloud_describe (cloud);
  GString *out = g_string_new (summary);

  g_string_append_c (out, ' ');
  g_string_append (out, _("All words:"));
  for (guint i = 0; i < koc_chart_cloud_get_n_words (cloud); i++)
    {
      g_autofree char *text = word_text (koc_chart_cloud_get_word (cloud, i));

      g_string_append (out, i == 0 ? " " : _("; "));
      g_string_append (out, text);
    }
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

/* Moves the keyboard focus to word @index (-1: none) and names it for assistive tools. */
static void
set_focus_word (KocKeywordsCloud *self,
                int               index)
{
  if (index == self->focus)
    return;
  self->focus = index;
  if (index >= 0)
    {
      const KocCloudItem *item = koc_chart_cloud_get_word (self->cloud, (guint) index);
      g_autofree char *text = word_text (item);
      /* Translators: the accessible name of the focused cloud word: "面膜: 120 posts", its place, the total */
      g_autofree char *label = g_strdup_printf (_("%s (%u of %u)"), text, (guint) index + 1,
                                                koc_chart_cloud_get_n_words (self->cloud));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keyword cloud"), -1);
    }
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_layout (KocKeywordsCloud    *self,
               const KocChartStyle *style)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->cloud == NULL || width <= 0 || height <= 0)
    return;
  if (width == self->laid_width && height == self->laid_height)
    return;
  koc_chart_cloud_layout (self->cloud, style, width, height);
  self->laid_width = width;
  self->laid_height = height;

  g_free (self->description);
  self->description = describe_all (self->cloud);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  if (self->focus >= (int) koc_chart_cloud_get_n_words (self->cloud) ||
      (self->focus >= 0 && !koc_chart_cloud_get_word (self->cloud, (guint) self->focus)->placed))
    set_focus_word (self, -1);
}

static void
koc_keywords_cloud_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  KocKeywordsCloud *self = KOC_KEYWORDS_CLOUD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  KocChartStyle style;
  cairo_t *cr;

  if (self->cloud == NULL || width <= 0 || height <= 0)
    return;
  koc_chart_view_fill_style (widget, &style);
  ensure_layout (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  koc_chart_cloud_draw (self->cloud, cr, &style, KOC_CLOUD_COLOR_TREND, self->hover);
  if (self->focus >= 0 && gtk_widget_has_focus (widget))
    {
      const KocCloudItem *item = koc_chart_cloud_get_word (self->cloud, (guint) self->focus);

      /* The focus ring: the accent colour, two pixels, around the word's rectangle. */
      koc_chart_set_color (cr, &style.accent);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, item->x - 2, item->y - 1, item->width + 4, item->height + 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
koc_keywords_cloud_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 320;
}

static int
hit (KocKeywordsCloud *self,
     double            x,
     double            y)
{
  if (self->cloud == NULL || self->laid_width <= 0)
    return -1;
  return koc_chart_cloud_hit_test (self->cloud, x, y);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KocKeywordsCloud         *self)
{
  int index = hit (self, x, y);

  if (index == self->hover)
    return;
  self->hover = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          KocKeywordsCloud         *self)
{
  if (self->hover < 0)
    return;
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            KocKeywordsCloud *self)
{
  int index = hit (self, x, y);

  if (index < 0)
    return;
  set_focus_word (self, index);
  g_signal_emit (self, signals[SIGNAL_KEYWORD_ACTIVATED], 0,
                 koc_chart_cloud_get_word (self->cloud, (guint) index)->text);
}

static gboolean
query_tooltip_cb (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  KocKeywordsCloud *self)
{
  int index = keyboard ? self->focus : hit (self, x, y);
  g_autofree char *text = NULL;

  if (index < 0 || self->cloud == NULL)
    return FALSE;
  text = word_text (koc_chart_cloud_get_word (self->cloud, (guint) index));
  gtk_tooltip_set_text (tooltip, text);
  if (keyboard)
    {
      const KocCloudItem *item = koc_chart_cloud_get_word (self->cloud, (guint) index);

      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) item->x, (int) item->y,
                                                           (int) item->width, (int) item->height });
    }
  return TRUE;
}

static void
style_changed_cb (AdwStyleManager  *manager,
                  GParamSpec       *pspec,
                  KocKeywordsCloud *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
koc_keywords_cloud_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  gtk_widget_queue_draw (widget);
}

static void
koc_keywords_cloud_dispose (GObject *object)
{
  KocKeywordsCloud *self = KOC_KEYWORDS_CLOUD (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->cloud, koc_chart_cloud_free);
  g_clear_pointer (&self->description, g_free);
  G_OBJECT_CLASS (koc_keywords_cloud_parent_class)->dispose (object);
}

/* Keyboard: Tab and Shift+Tab go through the placed words in rank order (biggest first)
 * and then leave the cloud; the arrow keys go to the nearest word in their direction;
 * Home/End to the first/last word; Enter or Space acts like a click. */

/* The placed word after (@step 1) or before (@step -1) rank @from; -1 when none. */
static int
next_placed (KocKeywordsCloud *self,
             int               from,
             int               step)
{
  int n = self->cloud != NULL ? (int) koc_chart_cloud_get_n_words (self->cloud) : 0;

  for (int i = from + step; i >= 0 && i < n; i += step)
    if (koc_chart_cloud_get_word (self->cloud, (guint) i)->placed)
      return i;
  return -1;
}

/* The placed word nearest to the focused one in @direction: its centre must lie in the
 * 90° cone of that direction; the distance along the direction counts once, across it
 * twice. -1 when none. */
static int
nearest_in_direction (KocKeywordsCloud *self,
                      GtkDirectionType  direction)
{
  const KocCloudItem *from = koc_chart_cloud_get_word (self->cloud, (guint) self->focus);
  double fx = from->x + from->width / 2, fy = from->y + from->height / 2;
  double best_cost = G_MAXDOUBLE;
  int best = -1;

  for (guint i = 0; i < koc_chart_cloud_get_n_words (self->cloud); i++)
    {
      const KocCloudItem *item = koc_chart_cloud_get_word (self->cloud, i);
      double dx = item->x + item->width / 2 - fx, dy = item->y + item->height / 2 - fy;
      double along, across, cost;

      if (!item->placed || (int) i == self->focus)
        continue;
      switch (direction)
        {
        case GTK_DIR_RIGHT: along = dx; across = dy; break;
        case GTK_DIR_LEFT: along = -dx; across = dy; break;
        case GTK_DIR_DOWN: along = dy; across = dx; break;
        case GTK_DIR_UP: along = -dy; across = dx; break;
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
        default: return -1;
        }
      if (along <= 0 || fabs (across) > along)
        continue;
      cost = along + 2 * fabs (across);
      if (cost < best_cost)
        {
          best_cost = cost;
          best = (int) i;
        }
    }
  return best;
}

static void
move_focus (KocKeywordsCloud *self,
            GtkDirectionType  direction)
{
  int target;

  if (self->cloud == NULL || self->laid_width <= 0)
    return;
  if (self->focus < 0)
    target = next_placed (self, -1, 1);
  else if (direction == GTK_DIR_TAB_FORWARD)
    target = next_placed (self, self->focus, 1);
  else if (direction == GTK_DIR_TAB_BACKWARD)
    target = next_placed (self, self->focus, -1);
  else
    target = nearest_in_direction (self, direction);
  if (target >= 0)
    set_focus_word (self, target);
}

static gboolean
koc_keywords_cloud_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  KocKeywordsCloud *self = KOC_KEYWORDS_CLOUD (widget);
  int target;

  if (self->cloud == NULL || self->laid_width <= 0 || next_placed (self, -1, 1) < 0)
    return FALSE;
  if (!gtk_widget_has_focus (widget))
    {
      /* Entering: the first word going forward, the last going backward. */
      if (direction == GTK_DIR_TAB_BACKWARD)
        target = next_placed (self, (int) koc_chart_cloud_get_n_words (self->cloud), -1);
      else
        target = self->focus >= 0 ? self->focus : next_placed (self, -1, 1);
      gtk_widget_grab_focus (widget);
      set_focus_word (self, target);
      return TRUE;
    }
  if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
    {
      target = next_placed (self, self->focus, direction == GTK_DIR_TAB_FORWARD ? 1 : -1);
      if (target < 0)
        return FALSE;   /* past the last word: the focus leaves the cloud */
      set_focus_word (self, target);
      return TRUE;
    }
  move_focus (self, direction);
  return TRUE;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KocKeywordsCloud *self = KOC_KEYWORDS_CLOUD (widget);
  int direction = g_variant_get_int32 (param);

  if (direction == -1 || direction == -2)
    {
      /* Home, End */
      int n = self->cloud != NULL ? (int) koc_chart_cloud_get_n_words (self->cloud) : 0;
      int target = direction == -1 ? next_placed (self, -1, 1) : next_placed (self, n, -1);

      if (target >= 0)
        set_focus_word (self, target);
      return;
    }
  move_focus (self, (GtkDirectionType) direction);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KocKeywordsCloud *self = KOC_KEYWORDS_CLOUD (widget);

  if (self->cloud == NULL || self->focus < 0)
    return;
  g_signal_emit (self, signals[SIGNAL_KEYWORD_ACTIVATED], 0,
                 koc_chart_cloud_get_word (self->cloud, (guint) self->focus)->text);
}

static void
focus_changed_cb (GtkWidget        *widget,
                  GParamSpec       *pspec,
                  KocKeywordsCloud *self)
{
  gtk_widget_queue_draw (widget);
}

static void
koc_keywords_cloud_class_init (KocKeywordsCloudClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_keywords_cloud_dispose;
  widget_class->snapshot = koc_keywords_cloud_snapshot;
  widget_class->measure = koc_keywords_cloud_measure;
  widget_class->size_allocate = koc_keywords_cloud_size_allocate;

  /* The keyword (a string) the user clicked. */
  signals[SIGNAL_KEYWORD_ACTIVATED] =
    g_signal_new ("keyword-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  widget_class->focus = koc_keywords_cloud_focus;

  /* The keys' actions (also what the tests drive): cloud.move-word takes a
   * GtkDirectionType, or -1 for the first word and -2 for the last. */
  gtk_widget_class_install_action (widget_class, "cloud.move-word", "i", move_action);
  gtk_widget_class_install_action (widget_class, "cloud.activate-word", NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "cloud.move-word", "i", GTK_DIR_LEFT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "cloud.move-word", "i", GTK_DIR_LEFT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "cloud.move-word", "i", GTK_DIR_RIGHT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "cloud.move-word", "i", GTK_DIR_RIGHT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "cloud.move-word", "i", GTK_DIR_UP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "cloud.move-word", "i", GTK_DIR_UP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "cloud.move-word", "i", GTK_DIR_DOWN);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "cloud.move-word", "i", GTK_DIR_DOWN);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "cloud.move-word", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "cloud.move-word", "i", -2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "cloud.activate-word", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "cloud.activate-word", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "cloud.activate-word", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "cloud.activate-word", NULL);

  gtk_widget_class_set_css_name (widget_class, "keywordcloud");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
koc_keywords_cloud_init (KocKeywordsCloud *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover = -1;
  self->focus = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keyword cloud"), -1);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (style_changed_cb), self);
}

void
koc_keywords_cloud_set_words (KocKeywordsCloud   *self,
                              const KocCloudWord *words,
                              guint               n_words)
{
  g_return_if_fail (KOC_IS_KEYWORDS_CLOUD (self));

  g_clear_pointer (&self->cloud, koc_chart_cloud_free);
  if (n_words > 0)
    self->cloud = koc_chart_cloud_new (words, n_words);
  self->laid_width = self->laid_height = 0;
  self->hover = -1;
  self->focus = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keyword cloud"), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

KocChartCloud *
koc_keywords_cloud_get_cloud (KocKeywordsCloud *self)
{
  g_return_val_if_fail (KOC_IS_KEYWORDS_CLOUD (self), NULL);
  return self->laid_width > 0 ? self->cloud : NULL;
}

int
koc_keywords_cloud_get_focus_word (KocKeywordsCloud *self)
{
  g_return_val_if_fail (KOC_IS_KEYWORDS_CLOUD (self), -1);
  return self->focus;
}

const char *
koc_keywords_cloud_get_description (KocKeywordsCloud *self)
{
  g_return_val_if_fail (KOC_IS_KEYWORDS_CLOUD (self), NULL);
  return self->description;
}
