/* koc-import-dialog-private.h: KocImportDialog's state, shared by its files.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koc-import-dialog.h"

G_BEGIN_DECLS

struct _KocImportDialog
{
  AdwWindow            parent_instance;

  KocStore            *store;
  char                *path;
  KocImportPreview    *preview;
  KocImportReport     *outcome;        /* last dry run */
  KocImportReport     *report;         /* the import */
  GPtrArray           *mapping_rows;   /* AdwComboRow per column */
  GPtrArray           *problem_rows;
  GCancellable        *read_cancellable;
  GCancellable        *dry_run_cancellable;
  GCancellable        *import_cancellable;
  guint                dry_run_source;
  guint                progress_source;
  gint                 progress_permille;  /* written by the worker (atomic) */
  gint                 progress_rows;      /* idem */
  gboolean             reading;
  gboolean             dry_running;
  gboolean             importing;
  gboolean             syncing;            /* setting rows from code */
  gboolean             dry_run_ok;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *import_button;
  GtkStack            *stack;
  GtkScrolledWindow   *preview_scroller;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkLabel            *outcome_label;
  GtkLabel            *skips_label;
  AdwComboRow         *encoding_row;
  AdwComboRow         *delimiter_row;
  AdwComboRow         *platform_row;
  AdwPreferencesGroup *table_group;
  GtkColumnView       *table_view;
  AdwPreferencesGroup *mapping_group;
  AdwPreferencesGroup *problems_group;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  AdwStatusPage       *report_page;
  GtkButton           *duplicates_button;
  GtkButton           *undo_button;
};

extern const char * const _koc_import_platforms[];

/* koc-import-dialog-table.c */
const char *_koc_import_platform_label        (const char      *platform);
const char *_koc_import_field_label           (KocField         field);
void        _koc_import_dialog_fill_table     (KocImportDialog *self);
void        _koc_import_dialog_fill_mapping   (KocImportDialog *self);
void        _koc_import_dialog_fill_problems  (KocImportDialog *self);
/* "N=field" for every column (NULL-terminated, g_strfreev). */
GStrv       _koc_import_dialog_build_map      (KocImportDialog *self);
/* The platform chosen for files without a platform column, or NULL. */
const char *_koc_import_dialog_get_platform   (KocImportDialog *self);

/* koc-import-dialog-run.c */
void        _koc_import_dialog_schedule_dry_run (KocImportDialog *self);
void        _koc_import_dialog_start_import   (KocImportDialog *self);
void        _koc_import_dialog_undo           (KocImportDialog *self);

/* koc-import-dialog.c */
void        _koc_import_dialog_emit_imported  (KocImportDialog *self,
                                               gboolean         undone,
                                               gint64           import_id);

G_END_DECLS
