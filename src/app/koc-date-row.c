/* koc-date-row.c: a calendar popover for a YYYY-MM-DD entry row (see the header).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-date-row"

#include "config.h"

#include <stdio.h>

#include "koc-date-row.h"

typedef struct
{
  AdwEntryRow *row;       /* weak: owns the button, which owns this */
  GtkWidget   *button;
  GtkWidget   *popover;
  GtkCalendar *calendar;
  gboolean     syncing;   /* the calendar is being set from the row */
  int          year;      /* the month shown, to tell browsing from picking */
  int          month;
} DateRow;

/* The row's date, or NULL when its text is not a YYYY-MM-DD day. */
static GDateTime *
row_date (DateRow *d)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (d->row));
  int y, m, day;
  char end;

  if (sscanf (text, " %d-%d-%d %c", &y, &m, &day, &end) != 3)
    return NULL;
  return g_date_time_new_local (y, m, day, 0, 0, 0);
}

static void
remember_month (DateRow   *d,
                GDateTime *date)
{
  d->year = g_date_time_get_year (date);
  d->month = g_date_time_get_month (date);
}

/* Opening: the calendar shows the row's date (or today). */
static void
popover_show_cb (GtkPopover *popover,
                 DateRow    *d)
{
  g_autoptr(GDateTime) date = row_date (d);

  if (date == NULL)
    date = g_date_time_new_now_local ();
  d->syncing = TRUE;
  gtk_calendar_select_day (d->calendar, date);
  d->syncing = FALSE;
  remember_month (d, date);
  gtk_widget_grab_focus (GTK_WIDGET (d->calendar));
}

/* Writes @date into the row as YYYY-MM-DD. */
static void
pick (DateRow   *d,
      GDateTime *date)
{
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (d->row), text);
}

static void
day_selected_cb (GtkCalendar *calendar,
                 DateRow     *d)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  gboolean browsing;

  if (d->syncing)
    return;
  /* The header's month and year arrows select a day of the other month too: that is
   * browsing, not picking, and the popover stays. */
  browsing = g_date_time_get_year (date) != d->year || g_date_time_get_month (date) != d->month;
  remember_month (d, date);
  if (browsing)
    return;
  pick (d, date);
  gtk_popover_popdown (GTK_POPOVER (d->popover));
}

/* The keyboard, in the capture phase so that it is the same in every GTK version: the
 * arrows move the selected day by a day or a week, Page Up/Down by a month (the
 * calendar follows), Space and Enter pick it and close. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DateRow               *d)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (d->calendar);
  g_autoptr(GDateTime) moved = NULL;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      moved = g_date_time_add_days (date, gtk_widget_get_direction (GTK_WIDGET (d->calendar)) == GTK_TEXT_DIR_RTL ? 1 : -1);
      break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      moved = g_date_time_add_days (date, gtk_widget_get_direction (GTK_WIDGET (d->calendar)) == GTK_TEXT_DIR_RTL ? -1 : 1);
      break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      moved = g_date_time_add_weeks (date, -1);
      break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      moved = g_date_time_add_weeks (date, 1);
      break;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      moved = g_date_time_add_months (date, -1);
      break;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
      moved = g_date_time_add_months (date, 1);
      break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      pick (d, date);
      gtk_popover_popdown (GTK_POPOVER (d->popover));
      return TRUE;
    default:
      return FALSE;
    }

  d->syncing = TRUE;
  gtk_calendar_select_day (d->calendar, moved);
  d->syncing = FALSE;
  remember_month (d, moved);
  return TRUE;
}

GtkWidget *
koc_date_row_add_calendar (AdwEntryRow *row,
                           const char  *label)
{
  DateRow *d = g_new0 (DateRow, 1);
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  d->row = row;
  d->button = gtk_menu_button_new ();
  d->popover = gtk_popover_new ();
  d->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_object_set_data_full (G_OBJECT (d->button), "koc-date-row", d, g_free);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (d->button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (d->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (d->button, "flat");
  gtk_widget_set_tooltip_text (d->button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_popover_set_child (GTK_POPOVER (d->popover), GTK_WIDGET (d->calendar));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (d->button), d->popover);

  g_signal_connect (d->popover, "show", G_CALLBACK (popover_show_cb), d);
  g_signal_connect (d->calendar, "day-selected", G_CALLBACK (day_selected_cb), d);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), d);
  gtk_widget_add_controller (GTK_WIDGET (d->calendar), keys);

  adw_entry_row_add_suffix (row, d->button);
  return d->button;
}

GtkCalendar *
koc_date_row_get_calendar (GtkWidget *button)
{
  DateRow *d = g_object_get_data (G_OBJECT (button), "koc-date-row");

  g_return_val_if_fail (d != NULL, NULL);
  return d->calendar;
}
