/* koc-keywords-cloud.c: the keyword cloud widget (see koc-keywords-cloud.h).
 *
 * The layout is computed on the main thread (Pango is not thread-safe) when the size or
 * the words change, and reused for every frame and every hit test.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

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
  char          *description;
};

enum {
  SIGNAL_KEYWORD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KocKeywordsCloud, koc_keywords_cloud, GTK_TYPE_WIDGET)

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
  self->description = koc_chart_cloud_describe (self->cloud);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
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
  int index = hit (self, x, y);
  const KocCloudItem *item;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  item = koc_chart_cloud_get_word (self->cloud, (guint) index);
  count = g_strdup_printf ("%'lld", (long long) item->count);
  if (item->trend >= 0.5)
    /* Translators: keyword tooltip: the keyword, its number of posts. */
    text = g_strdup_printf (_("%s: %s posts, rising"), item->text, count);
  else if (item->trend <= -0.5)
    text = g_strdup_printf (_("%s: %s posts, falling"), item->text, count);
  else
    text = g_strdup_printf (_("%s: %s posts"), item->text, count);
  gtk_tooltip_set_text (tooltip, text);
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

  gtk_widget_class_set_css_name (widget_class, "keywordcloud");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
koc_keywords_cloud_init (KocKeywordsCloud *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover = -1;
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
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

KocChartCloud *
koc_keywords_cloud_get_cloud (KocKeywordsCloud *self)
{
  g_return_val_if_fail (KOC_IS_KEYWORDS_CLOUD (self), NULL);
  return self->laid_width > 0 ? self->cloud : NULL;
}

const char *
koc_keywords_cloud_get_description (KocKeywordsCloud *self)
{
  g_return_val_if_fail (KOC_IS_KEYWORDS_CLOUD (self), NULL);
  return self->description;
}
