/* koc-people-profile.h: the profile of one person in the People pane.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koc-person.h"
#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_TYPE_PEOPLE_PROFILE (koc_people_profile_get_type ())
G_DECLARE_FINAL_TYPE (KocPeopleProfile, koc_people_profile, KOC, PEOPLE_PROFILE, GtkWidget)

void                    koc_people_profile_set_store     (KocPeopleProfile *self,
                                                          KocStore         *store);
/* Loads and shows @person_id (on the store's worker); "changed" is emitted when the
 * load starts and when it ends. */
void                    koc_people_profile_load          (KocPeopleProfile *self,
                                                          gint64            person_id);
/* Loads the shown person again (after an edit), keeping the scroll position. */
void                    koc_people_profile_reload        (KocPeopleProfile *self);
/* The person asked for (0 none), and the profile shown (NULL while loading). */
gint64                  koc_people_profile_get_person_id (KocPeopleProfile *self);
const KocPersonProfile *koc_people_profile_get_data      (KocPeopleProfile *self);
/* TRUE while the profile or an edit is in flight. */
gboolean                koc_people_profile_is_busy       (KocPeopleProfile *self);

/* The one-sheet media kit of the shown person, written to @path (.pdf or .png) on
 * the UI thread (see koc-people-mediakit.c for why). */
gboolean                koc_people_profile_export_mediakit (KocPeopleProfile *self,
                                                            const char       *path,
                                                            GError          **error);
/* Stores @file in the workspace as a media-kit file of the shown person; the list is
 * read again when done ("changed"). */
void                    koc_people_profile_attach_file   (KocPeopleProfile *self,
                                                          GFile            *file);
/* Media-kit files attached to the shown person (as last listed). */
guint                   koc_people_profile_get_n_files   (KocPeopleProfile *self);

G_END_DECLS
