/* koc-people-profile-private.h: KocPeopleProfile's state, shared by its files
 * (profile: loading, header, key numbers; history: the charts; relationship: stage
 * history, notes, interactions, campaigns, rewards; posts; mediakit).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-chart-view.h"
#include "koc-people-posts.h"
#include "koc-people-profile.h"

G_BEGIN_DECLS

struct _KocPeopleProfile
{
  GtkWidget         parent_instance;

  /* Owned */
  KocStore         *store;
  GCancellable     *cancellable;     /* the current person's loads and images */
  KocPersonProfile *data;
  gint64            person_id;
  guint             loading;
  guint             editing;         /* edits in flight */
  guint             generation;
  double            keep_scroll;     /* -1, or the position to restore after a reload */
  gboolean          filling;         /* widgets are set from data, not by the user */

  /* Template children */
  GtkStack         *stack;
  AdwStatusPage    *error_page;
  GtkScrolledWindow *scroller;
  AdwAvatar        *avatar;
  GtkLabel         *name_label;
  GtkLabel         *facts_label;
  GtkFlowBox       *accounts_box;
  GtkBox           *tags_box;
  GtkDropDown      *stage_dropdown;
  GtkEntry         *owner_entry;
  GtkBox           *kit_box;
  GtkFlowBox       *stats_box;
  GtkGrid          *charts_grid;
  GtkBox           *posts_box;
  GtkBox           *relationship_box;
  GtkBox           *engagements_box;

  /* Built in code */
  KocPeoplePosts   *posts;
  KocChartView     *charts[4];       /* followers, engagement, posts per month, by kind */
  GtkListBox       *stages_list;
  GtkListBox       *notes_list;
  GtkTextView      *note_view;
  GtkButton        *note_button;
  GtkListBox       *interactions_list;
  GtkDropDown      *channel_dropdown;
  GtkEntry         *date_entry;
  GtkEntry         *summary_entry;
  GtkButton        *interaction_button;
  GtkListBox       *campaigns_list;
  GtkListBox       *rewards_list;
  GtkListBox       *files_list;
  guint             n_files;
  guint             files_loading;
  guint             files_generation;
  GHashTable       *kit_thumbnails;  /* sha256 → GdkTexture: the top posts' images (media kit) */
  guint             kit_loading;
};

/* koc-people-profile.c */
void       _koc_people_profile_edit_done     (KocPeopleProfile *self,
                                              const GError     *error,
                                              const char       *what);
GtkWidget *_koc_people_section               (const char       *title,
                                              GtkWidget        *child,
                                              GtkWidget        *suffix);
GtkWidget *_koc_people_dim_row               (const char       *title,
                                              const char       *subtitle);
void       _koc_people_clear_list            (GtkListBox       *list,
                                              const char       *placeholder);
char      *_koc_people_format_date           (gint64            when);
void       _koc_people_remove_children       (GtkWidget        *box);
/* koc-people-stats.c: the key numbers */
void       _koc_people_stats_fill            (KocPeopleProfile *self);
/* koc-people-history.c: the charts */
void       _koc_people_history_init          (KocPeopleProfile *self);
void       _koc_people_history_fill          (KocPeopleProfile *self);
/* koc-people-relationship.c */
void       _koc_people_relationship_init     (KocPeopleProfile *self);
void       _koc_people_relationship_fill     (KocPeopleProfile *self);
void       _koc_people_relationship_reset    (KocPeopleProfile *self);

/* koc-people-mediakit.c */
void       _koc_people_mediakit_init         (KocPeopleProfile *self);
void       _koc_people_show_toast            (KocPeopleProfile *self,
                                              AdwToast         *toast);
void       _koc_people_show_error            (KocPeopleProfile *self,
                                              const char       *heading,
                                              const GError     *error);
/* koc-people-split.c: the "Split Off" button of an account (undo in a toast) */
GtkWidget *_koc_people_split_button          (KocPeopleProfile       *self,
                                              const KocPersonAccount *account);
/* Reads the images of the shown person's top posts from the workspace's media table
 * (on the worker) for the exported media kit; a post without one gets a placeholder. */
void       _koc_people_mediakit_load_thumbnails (KocPeopleProfile *self);
/* koc-people-files.c */
void       _koc_people_mediakit_load_files   (KocPeopleProfile *self);
void       _koc_people_files_attach_cb       (KocPeopleProfile *self);
char      *_koc_people_mediakit_cache_path   (const char       *sha256,
                                              const char       *file_name);

G_END_DECLS
