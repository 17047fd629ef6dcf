/* koc-people-compare.h: 2–4 people side by side (the media kit's comparison), on screen
 * and as an A4 PDF.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_TYPE_PEOPLE_COMPARE (koc_people_compare_get_type ())
G_DECLARE_FINAL_TYPE (KocPeopleCompare, koc_people_compare, KOC, PEOPLE_COMPARE, AdwWindow)

/* A window comparing @person_id with the people the user picks. */
KocPeopleCompare *koc_people_compare_new          (GtkWindow        *parent,
                                                   KocStore         *store,
                                                   gint64            person_id);
/* Adds (or, with @chosen FALSE, removes) a person; at most four. */
void              koc_people_compare_set_chosen   (KocPeopleCompare *self,
                                                   gint64            person_id,
                                                   gboolean          chosen);
/* People whose profiles are loaded and drawn. */
guint             koc_people_compare_get_n_people (KocPeopleCompare *self);
gboolean          koc_people_compare_is_busy      (KocPeopleCompare *self);
/* Writes the comparison as an A4 PDF (or PNG) to @path. */
gboolean          koc_people_compare_export       (KocPeopleCompare *self,
                                                   const char       *path,
                                                   GError          **error);

/* Opens the window over @profile's window. */
void              _koc_people_compare_show        (GtkWidget        *profile,
                                                   KocStore         *store,
                                                   gint64            person_id);

G_END_DECLS
