/* koc-import-report.c: what an import did, row by row, and its JSON form.
 *
 * JSON: {"import_id", "file", "encoding", "rows", "created", "updated",
 *        "duplicates_in_file", "skipped": [{"record", "line", "reason"}],
 *        "merge_suggestions": [{"record", "person_id", "other_person_id", "reason",
 *        "confidence"}], "problems": [{"kind", "record", "line", "column", "offset",
 *        "message"}], "mapping": {column: field}}
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import"

#include "config.h"

#include "koc-import-private.h"

static void
skip_free (gpointer data)
{
  KocImportSkip *skip = data;

  g_free (skip->reason);
  g_free (skip);
}

static void
suggestion_free (gpointer data)
{
  KocMergeSuggestion *suggestion = data;

  g_free (suggestion->other_name);
  g_free (suggestion->reason);
  g_free (suggestion);
}

static void
problem_copy_free (gpointer data)
{
  KocCsvProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

void
koc_import_report_free (KocImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->path);
  g_free (report->encoding);
  g_strfreev (report->header);
  g_free (report->mapping);
  g_ptr_array_unref (report->skipped);
  g_ptr_array_unref (report->suggestions);
  g_ptr_array_unref (report->problems);
  g_free (report);
}

void
koc_import_report_add_skip (KocImportReport *report,
                            KocCsvReader    *reader,
                            char            *reason)
{
  KocImportSkip *skip = g_new0 (KocImportSkip, 1);

  skip->record = koc_csv_reader_get_record (reader);
  skip->line = koc_csv_reader_get_line (reader);
  skip->reason = reason;
  g_ptr_array_add (report->skipped, skip);
}

KocImportReport *
koc_import_report_new (const char *path)
{
  KocImportReport *report = g_new0 (KocImportReport, 1);

  report->path = g_strdup (path);
  report->skipped = g_ptr_array_new_with_free_func (skip_free);
  report->suggestions = g_ptr_array_new_with_free_func (suggestion_free);
  report->problems = g_ptr_array_new_with_free_func (problem_copy_free);
  return report;
}

void
koc_import_report_copy_problems (KocImportReport *report,
                                 KocCsvReader    *reader)
{
  GPtrArray *problems = koc_csv_reader_get_problems (reader);

  for (guint i = 0; i < problems->len; i++)
    {
      KocCsvProblem *copy = g_memdup2 (g_ptr_array_index (problems, i), sizeof (KocCsvProblem));

      copy->message = g_strdup (copy->message);
      g_ptr_array_add (report->problems, copy);
    }
  report->n_problems = koc_csv_reader_get_n_problems (reader);
}

JsonNode *
koc_import_report_to_json (KocImportReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "import_id");
  json_builder_add_int_value (b, report->import_id);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, report->path);
  json_builder_set_member_name (b, "encoding");
  json_builder_add_string_value (b, report->encoding);
  json_builder_set_member_name (b, "rows");
  json_builder_add_int_value (b, report->rows);
  json_builder_set_member_name (b, "created");
  json_builder_add_int_value (b, report->created);
  json_builder_set_member_name (b, "updated");
  json_builder_add_int_value (b, report->updated);
  json_builder_set_member_name (b, "duplicates_in_file");
  json_builder_add_int_value (b, report->duplicates_in_file);
  json_builder_set_member_name (b, "skipped");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->skipped->len; i++)
    {
      KocImportSkip *skip = g_ptr_array_index (report->skipped, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "record");
      json_builder_add_int_value (b, skip->record);
      json_builder_set_member_name (b, "line");
      json_builder_add_int_value (b, skip->line);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, skip->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "merge_suggestions");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->suggestions->len; i++)
    {
      KocMergeSuggestion *s = g_ptr_array_index (report->suggestions, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "record");
      json_builder_add_int_value (b, s->record);
      json_builder_set_member_name (b, "person_id");
      json_builder_add_int_value (b, s->person_id);
      json_builder_set_member_name (b, "other_person_id");
      json_builder_add_int_value (b, s->other_person_id);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, s->reason);
      json_builder_set_member_name (b, "confidence");
      json_builder_add_double_value (b, s->confidence);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->problems->len; i++)
    {
      KocCsvProblem *p = g_ptr_array_index (report->problems, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, koc_csv_problem_kind_to_string (p->kind));
      json_builder_set_member_name (b, "record");
      json_builder_add_int_value (b, p->record);
      json_builder_set_member_name (b, "line");
      json_builder_add_int_value (b, p->line);
      json_builder_set_member_name (b, "column");
      json_builder_add_int_value (b, p->column);
      json_builder_set_member_name (b, "offset");
      json_builder_add_int_value (b, p->offset);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "mapping");
  json_builder_begin_object (b);
  for (guint c = 0; report->mapping != NULL && report->header[c] != NULL; c++)
    if (report->mapping[c] != KOC_FIELD_NONE)
      {
        json_builder_set_member_name (b, report->header[c]);
        json_builder_add_string_value (b, koc_field_to_string (report->mapping[c]));
      }
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

