/* koc-people-list.h: the People pane's list of people — one page at a time, searched by
 * name or handle, sorted by KOC score or by name. Runs on the store's worker.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum
{
  KOC_PEOPLE_SORT_SCORE, /* highest KOC score first, unscored last */
  KOC_PEOPLE_SORT_NAME,  /* display name, A to Z (SQLite's NOCASE order) */
} KocPeopleSort;

typedef struct
{
  char          *text;    /* part of the name or of a handle, or NULL for everyone */
  KocPeopleSort  sort;
  guint          offset;
  guint          limit;   /* 0 = no limit */
} KocPeopleQuery;

typedef struct
{
  gint64  person_id;
  char   *display_name;
  char   *stage;
  char   *owner;          /* may be NULL */
  double  koc_score;      /* -1 when not scored */
  gint64  followers;      /* sum over the person's accounts */
  guint   n_accounts;
  char   *handle;         /* of the biggest account, or NULL */
  char   *platform;       /* of the biggest account, or NULL */
  char   *avatar_sha256;  /* of the biggest account with an avatar, or NULL */
} KocPersonRow;

KocPeopleQuery *koc_people_query_new  (void);
KocPeopleQuery *koc_people_query_copy (const KocPeopleQuery *query);
void            koc_people_query_free (KocPeopleQuery       *query);
void            koc_person_row_free   (KocPersonRow         *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocPeopleQuery, koc_people_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocPersonRow, koc_person_row_free)

/* Returns: (transfer full) (element-type KocPersonRow): one page, or NULL with @error. */
GPtrArray      *koc_people_list       (sqlite3              *db,
                                       const KocPeopleQuery *query,
                                       GError              **error);
/* How many people match @query (its page ignored); -1 with @error on failure. */
gint64          koc_people_count      (sqlite3              *db,
                                       const KocPeopleQuery *query,
                                       GError              **error);

G_END_DECLS
