/* koc-identity.h: merging two people into one, splitting an account off, and undoing it.
 *
 * Everything here runs on the store's worker with its connection (call it from a
 * KocStoreFunc); merge, split, undo and reject need a write transaction
 * (koc_store_write_async()).
 *
 * A merge moves every row that references the removed person (found from the schema's
 * foreign keys, so tables added later are included: accounts, notes, interactions, tags,
 * cards, rewards, stage history, …) to the kept person, fills the kept person's empty
 * contact fields from the other, and deletes the other. A row that cannot move (the kept
 * person already has the same tag, or a card in the same campaign) goes with the removed
 * person. The merge log (person_merges) keeps an undo script that restores every row as
 * it was, byte for byte.
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
  KOC_IDENTITY_SAME_EMAIL,
  KOC_IDENTITY_SAME_WECHAT,
  KOC_IDENTITY_SAME_PHONE,
  KOC_IDENTITY_SAME_HANDLE,   /* the same handle on two platforms */
  KOC_IDENTITY_SIMILAR_NAME,  /* the same name once normalized, on different platforms */
} KocIdentityReason;

typedef struct
{
  gint64             kept_id;      /* the older person */
  gint64             other_id;
  char              *kept_name;
  char              *other_name;
  char              *kept_accounts;  /* "xiaohongshu @a, weibo @b" */
  char              *other_accounts;
  KocIdentityReason  reason;
  char              *value;        /* what they share */
  double             confidence;   /* 0–1 */
} KocIdentitySuggestion;

void       koc_identity_suggestion_free (KocIdentitySuggestion *suggestion);

/* People who may be the same, most confident first, at most @limit (0: 500); pairs
 * rejected before are left out. (element-type KocIdentitySuggestion) */
GPtrArray *koc_identity_suggest         (sqlite3     *db,
                                         guint        limit,
                                         GError     **error);

/* Remembers that @a and @b are different people. */
gboolean   koc_identity_reject          (sqlite3     *db,
                                         gint64       a,
                                         gint64       b,
                                         GError     **error);

/* Merges @other_id into @kept_id; returns the merge's id (for undo), or 0 with @error. */
gint64     koc_identity_merge           (sqlite3     *db,
                                         gint64       kept_id,
                                         gint64       other_id,
                                         GError     **error);

/* Moves @account_id off its person into a new person (named after the account);
 * returns the split's id (for undo), or 0 with @error. *@new_person_id may be NULL. */
gint64     koc_identity_split           (sqlite3     *db,
                                         gint64       account_id,
                                         gint64      *new_person_id,
                                         GError     **error);

/* Undoes merge or split @id. Fails when it was undone already, or when a later change
 * took the rows it needs (undo the later merge first). */
gboolean   koc_identity_undo            (sqlite3     *db,
                                         gint64       id,
                                         GError     **error);

/* NFKC, case folded, without spaces, punctuation, symbols and emoji: "Lily 🌸 Wang" and
 * "lilywang" give the same key. */
char      *koc_identity_normalize_name  (const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocIdentitySuggestion, koc_identity_suggestion_free)

G_END_DECLS
