/* koc-import.h: importing people and their accounts from a CSV file.
 *
 * One import is one write transaction on the store's worker (BEGIN IMMEDIATE … COMMIT):
 * it is applied completely or not at all, even when the process is killed. Rows are
 * identified by platform + handle: a known account is updated (empty cells never
 * overwrite a value), a new one is created with its person. Rows that share an email,
 * a phone number or a WeChat ID with another person are *not* merged: the report lists
 * them as merge suggestions with the reason and a confidence.
 *
 * Each import is recorded in workspace_meta ("import:N", JSON: the ids it created and
 * the previous values of what it updated), so koc_import_undo_sync() can take it back.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "koc-csv.h"
#include "koc-import-map.h"
#include "koc-store.h"

G_BEGIN_DECLS

#define KOC_IMPORT_ERROR (koc_import_error_quark ())

typedef enum
{
  KOC_IMPORT_ERROR_NO_HANDLE,     /* no column maps to the handle */
  KOC_IMPORT_ERROR_NO_PLATFORM,   /* no platform column and no default platform */
  KOC_IMPORT_ERROR_EMPTY,         /* no header */
  KOC_IMPORT_ERROR_NOT_FOUND,     /* undo: no such import */
  KOC_IMPORT_ERROR_ALREADY_UNDONE,
} KocImportError;

/* Called on the store's worker thread every 1,000 rows. */
typedef void (*KocImportProgress) (guint64  rows,
                                   guint64  bytes,
                                   guint64  total_bytes,
                                   gpointer user_data);

typedef struct
{
  const char         *encoding;          /* NULL: detect */
  char                delimiter;         /* 0: sniff */
  const char         *default_platform;  /* for files without a platform column */
  const char * const *map;               /* "COLUMN=FIELD" overrides, NULL-terminated */
  KocImportProgress   progress;
  gpointer            progress_data;
  /* Run the whole import in a transaction that is rolled back: the report says what
   * would happen (import_id is 0) and the workspace is left untouched. */
  gboolean            dry_run;
} KocImportOptions;

typedef struct
{
  guint64  record;   /* CSV record (the header is 1) */
  guint64  line;
  char    *reason;   /* translated */
} KocImportSkip;

typedef struct
{
  guint64  record;
  gint64   person_id;        /* the person this row created or updated */
  gint64   other_person_id;  /* an existing person with the same contact */
  char    *other_name;
  char    *reason;           /* translated: "same email a@b.c" */
  double   confidence;       /* 0–1 */
} KocMergeSuggestion;

typedef struct
{
  gint64     import_id;
  char      *path;
  char      *encoding;
  char       delimiter;
  GStrv      header;
  KocField  *mapping;          /* per header column */
  guint64    rows;             /* data rows read */
  guint64    created;
  guint64    updated;
  guint64    duplicates_in_file; /* rows that repeated an earlier row's platform+handle */
  GPtrArray *skipped;          /* KocImportSkip */
  GPtrArray *suggestions;      /* KocMergeSuggestion */
  GPtrArray *problems;         /* KocCsvProblem, copied from the reader */
  guint64    n_problems;
} KocImportReport;

typedef struct
{
  gint64  import_id;
  guint64 deleted_people;
  guint64 deleted_accounts;
  guint64 restored_people;
  guint64 restored_accounts;
} KocImportUndoReport;

GQuark           koc_import_error_quark   (void);

/* Blocking (command line, tests); runs on @store's worker inside one transaction. */
KocImportReport *koc_import_run_sync      (KocStore                *store,
                                           const char              *path,
                                           const KocImportOptions  *options,
                                           GCancellable            *cancellable,
                                           GError                 **error);
/* The same for the app; @options is copied. */
void             koc_import_run_async     (KocStore                *store,
                                           const char              *path,
                                           const KocImportOptions  *options,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
KocImportReport *koc_import_run_finish    (KocStore                *store,
                                           GAsyncResult            *result,
                                           GError                 **error);

void             koc_import_report_free   (KocImportReport         *report);
/* The report as JSON (see koc-import-report.c for the members), (transfer full). */
JsonNode        *koc_import_report_to_json (KocImportReport        *report);

/* Removes what import @import_id created and restores what it updated, in one
 * transaction. Accounts it created are deleted with everything attached to them since. */
gboolean         koc_import_undo_sync     (KocStore                *store,
                                           gint64                   import_id,
                                           KocImportUndoReport     *report,
                                           GCancellable            *cancellable,
                                           GError                 **error);

/* The same for the app: the report is copied into *@report by the finish function. */
void             koc_import_undo_async    (KocStore                *store,
                                           gint64                   import_id,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
gboolean         koc_import_undo_finish   (KocStore                *store,
                                           GAsyncResult            *result,
                                           KocImportUndoReport     *report,
                                           GError                 **error);

/* The platform name of the schema for what people write (小红书, XHS, RED → xiaohongshu),
 * or NULL when unknown. */
const char      *koc_import_normalize_platform (const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocImportReport, koc_import_report_free)

G_END_DECLS
