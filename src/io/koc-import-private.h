/* koc-import-private.h: the undo journal of an import, shared by koc-import.c (which
 * writes it) and koc-import-undo.c (which reads it back).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "koc-fts-bulk.h"
#include "koc-import.h"
#include "koc-import-batch.h"

G_BEGIN_DECLS

/* Columns an import may change, saved before it changes them. */
extern const char * const koc_import_account_columns[];
extern const char * const koc_import_person_columns[];

typedef struct
{
  GArray     *created_people;    /* gint64 */
  GArray     *created_accounts;
  GArray     *created_snapshots;
  JsonArray  *updated_people;    /* objects: id + previous values */
  JsonArray  *updated_accounts;
  GHashTable *saved;             /* "p:ID" / "a:ID" already saved */
  sqlite3_stmt *select_person;   /* prepared once, by koc_import_journal_save_row() */
  sqlite3_stmt *select_account;
} KocImportJournal;

KocImportJournal *koc_import_journal_new        (void);
void              koc_import_journal_free       (KocImportJournal *journal);

/* Saves the current values of @table row @id (once per row). */
gboolean          koc_import_journal_save_row   (KocImportJournal *journal,
                                                 sqlite3          *db,
                                                 gboolean          person,
                                                 gint64            id,
                                                 GError          **error);

/* Stores the journal as workspace_meta "import:N" with the next free N. */
gboolean          koc_import_journal_commit     (KocImportJournal *journal,
                                                 sqlite3          *db,
                                                 const char       *path,
                                                 const char       *encoding,
                                                 gint64           *import_id,
                                                 GError          **error);

typedef struct _KocImportBulk KocImportBulk;

/* What the import knows of an account, by koc_import_account_key(). */
typedef struct
{
  gint64   account_id;
  gint64   person_id;   /* 0: none */
  gboolean in_file;     /* created or updated by an earlier row of this file */
} KocImportAccount;

typedef struct
{
  sqlite3_stmt *find_account;
  sqlite3_stmt *update_account;
  sqlite3_stmt *update_person;
  sqlite3_stmt *insert_snapshot;
  sqlite3_stmt *person_name;
  /* New rows, written many per statement (koc-import-batch.c), with the ids they get. */
  KocImportBatch *new_people;
  KocImportBatch *new_accounts;
  KocImportBatch *new_snapshots;
  gint64        next_snapshot_id;
  GError       *flush_error;  /* of a flush that could not report it */
  GHashTable   *contacts;   /* "e:", "p:", "w:" + value → person id */
  GHashTable   *accounts;   /* koc_import_account_key() → KocImportAccount */
  gboolean      accounts_complete; /* every account of the workspace is in accounts */
  GHashTable   *platforms;  /* platform cell → schema platform ("" when unknown) */
  KocImportJournal *journal;
  KocFtsBulk   *bulk;        /* borrowed */
  KocImportBulk *import_bulk;
  gint64        now;
  char          uid_prefix[25]; /* of new rows' uids (koc-import-row.c), "" until the first */
  guint32       uid_counter;
  /* The ids new rows get (written or, in the dry run, that they would get); the dry run
   * also keeps the names of the people it would create or rename (person id → name). */
  gboolean      dry;
  gint64        next_person_id;
  gint64        next_account_id;
  GHashTable   *names;
} KocImportContext;

/* One row (koc-import-row.c): statements prepared once, freed with the context. */
gboolean          koc_import_context_prepare    (KocImportContext  *ctx,
                                                 sqlite3           *db,
                                                 GError           **error);
void              koc_import_context_clear      (KocImportContext  *ctx);
/* Writes the new rows still pending; before anything reads or updates the tables. */
gboolean          koc_import_flush              (KocImportContext  *ctx,
                                                 sqlite3           *db,
                                                 GError           **error);
/* Applies (or in a dry run, classifies) one row's trimmed @values, by KocField. */
gboolean          koc_import_apply_row          (KocImportContext  *ctx,
                                                 sqlite3           *db,
                                                 KocImportReport   *report,
                                                 const char        *default_platform,
                                                 KocCsvReader      *reader,
                                                 char             **values,
                                                 GError           **error);

/* The report's lifecycle (koc-import-report.c). */
KocImportReport  *koc_import_report_new         (const char        *path);
/* Takes @reason. */
void              koc_import_report_add_skip    (KocImportReport   *report,
                                                 KocCsvReader      *reader,
                                                 char              *reason);
void              koc_import_report_copy_problems (KocImportReport *report,
                                                 KocCsvReader      *reader);

/* Reads the email/phone/WeChat of every person (koc-import-identity.c). */
gboolean          koc_import_load_contacts      (KocImportContext  *ctx,
                                                 sqlite3           *db,
                                                 GError           **error);
/* Suggests merging @person_id with another person that has the same contact. */
void              koc_import_check_contacts     (KocImportContext  *ctx,
                                                 sqlite3           *db,
                                                 KocImportReport   *report,
                                                 guint64            record,
                                                 gint64             person_id,
                                                 const char       **values);

/* Big imports (koc-import-bulk.c): suspends the insert triggers the import can replay
 * and, with @indexes, drops the non-unique indexes of people and accounts. Inside the
 * import's transaction. */
KocImportBulk    *koc_import_bulk_begin         (sqlite3           *db,
                                                 gboolean           indexes,
                                                 GError           **error);
/* Replays the triggers over the rows inserted since, restores triggers and indexes, and
 * frees @bulk. */
gboolean          koc_import_bulk_end           (sqlite3           *db,
                                                 KocImportBulk     *bulk,
                                                 GError           **error);
void              koc_import_bulk_free          (KocImportBulk     *bulk);

/* "platform\x1fhandle" */
char             *koc_import_account_key        (const char        *platform,
                                                 const char        *handle);
/* Takes @key. */
KocImportAccount *koc_import_account_add        (KocImportContext  *ctx,
                                                 char              *key,
                                                 gint64             account_id,
                                                 gint64             person_id);
/* Reads every account's platform + handle into ctx->accounts. */
gboolean          koc_import_load_accounts      (KocImportContext  *ctx,
                                                 sqlite3           *db,
                                                 GError           **error);

/* The outbox (koc-import-outbox.c): an import's created and updated people and
 * accounts, queued for the server after its journal is committed; for its undo, the
 * deletions of what it created (before they are deleted) and the restored values (after
 * they are restored). */
gboolean          koc_import_queue_import       (sqlite3           *db,
                                                 KocImportJournal  *journal,
                                                 gint64             import_id,
                                                 GError           **error);
gboolean          koc_import_queue_undo_deletes (sqlite3           *db,
                                                 gint64             import_id,
                                                 GError           **error);
gboolean          koc_import_queue_undo_restores (sqlite3          *db,
                                                 gint64             import_id,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocImportJournal, koc_import_journal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocImportBulk, koc_import_bulk_free)

G_END_DECLS
