/* koc-date-row.h: a calendar popover for an entry row that holds a YYYY-MM-DD date.
 *
 * A GtkMenuButton (calendar icon) at the row's end opens a GtkCalendar showing the
 * row's date (today when the text is empty or not a date). Picking a day — a click, or
 * the arrow keys (a day, a week; Page Up/Down a month) and Space/Enter — writes it into
 * the row as YYYY-MM-DD and closes the popover; browsing months leaves it open; Escape closes it and the focus goes back to
 * the button. Typing into the row keeps working: the row stays the one source of truth.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Adds the button to @row (an AdwEntryRow); @label names it for screen readers and the
 * tooltip (e.g. "Choose the start date"). Returns: (transfer none): the button. */
GtkWidget *koc_date_row_add_calendar (AdwEntryRow *row,
                                      const char  *label);

/* (transfer none): the calendar of a button made by koc_date_row_add_calendar(). */
GtkCalendar *koc_date_row_get_calendar (GtkWidget *button);

G_END_DECLS
