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

typedef struct
{
  sqlite3_stmt *find_account;
  sqlite3_stmt *insert_person;
  sqlite3_stmt *insert_account;
  sqlite3_stmt *update_account;
  sqlite3_stmt *update_person;
  sqlite3_stmt *insert_snapshot;
  GHashTable   *contacts;   /* "e:", "p:", "w:" + value → person id */
  GHashTable   *in_file;    /* platform \x1f handle seen in this file */
  KocImportJournal *journal;
  KocFtsBulk   *bulk;        /* borrowed */
  gint64        now;
} KocImportContext;

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocImportJournal, koc_import_journal_free)

G_END_DECLS
