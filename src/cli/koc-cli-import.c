/* koc-cli-import.c: `kocdesk-cli import`.
 *
 *   import FILE --preview [--json] [--limit N] [--encoding E] [--delimiter D] [--map C=F …]
 *       what the reader sees: encoding, delimiter, header, the first N rows (every cell
 *       exactly as decoded and NFC-normalized), problems, and the guessed mapping
 *   import FILE --db DB [--platform P] [--encoding E] [--delimiter D] [--map C=F …] [--json]
 *       imports in one transaction and prints the report
 *   import --undo ID --db DB
 *       takes import ID back
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "koc-cli.h"
#include "koc-csv.h"
#include "koc-import.h"

typedef struct
{
  gboolean  preview;
  gboolean  json;
  int       limit;
  char     *db;
  char     *platform;
  char     *encoding;
  char     *delimiter;
  char    **map;
  gint64    undo;
} Options;

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, TRUE);

  printf ("%s\n", text);
}

static void
add_problems (JsonBuilder *builder,
              GPtrArray   *problems)
{
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      KocCsvProblem *p = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, koc_csv_problem_kind_to_string (p->kind));
      json_builder_set_member_name (builder, "record");
      json_builder_add_int_value (builder, p->record);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, p->line);
      json_builder_set_member_name (builder, "column");
      json_builder_add_int_value (builder, p->column);
      json_builder_set_member_name (builder, "offset");
      json_builder_add_int_value (builder, p->offset);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, p->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_mapping (JsonBuilder        *builder,
             const char * const *header,
             const KocField     *mapping)
{
  json_builder_set_member_name (builder, "mapping");
  json_builder_begin_object (builder);
  for (guint c = 0; mapping != NULL && header[c] != NULL; c++)
    if (mapping[c] != KOC_FIELD_NONE)
      {
        json_builder_set_member_name (builder, header[c]);
        json_builder_add_string_value (builder, koc_field_to_string (mapping[c]));
      }
  json_builder_end_object (builder);
}

static const char *
delimiter_name (char delimiter)
{
  return delimiter == '\t' ? "\t" : delimiter == ';' ? ";" : delimiter == ',' ? "," : "?";
}

static int
run_preview (const char *path,
             Options    *options,
             char        delimiter)
{
  KocCsvOptions csv_options = { options->encoding, delimiter, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCsvReader) reader = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) header = NULL;
  g_autofree KocField *mapping = NULL;
  const char * const *cells;
  guint64 rows = 0;
  guint n = 0;

  if ((reader = koc_csv_reader_new_for_path (path, &csv_options, &error)) == NULL)
    return koc_cli_fail ("%s", error->message);
  if ((cells = koc_csv_reader_next (reader, &n)) != NULL)
    {
      header = g_strdupv ((char **) cells);
      mapping = koc_import_map_build (cells, n, (const char * const *) options->map, &error);
      if (mapping == NULL)
        return koc_cli_fail ("%s", error->message);
    }
  else
    header = g_new0 (char *, 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, koc_csv_reader_get_encoding (reader));
  json_builder_set_member_name (builder, "bom");
  json_builder_add_boolean_value (builder, koc_csv_reader_get_has_bom (reader));
  json_builder_set_member_name (builder, "delimiter");
  json_builder_add_string_value (builder, delimiter_name (koc_csv_reader_get_delimiter (reader)));
  json_builder_set_member_name (builder, "header");
  json_builder_begin_array (builder);
  for (guint c = 0; header[c] != NULL; c++)
    json_builder_add_string_value (builder, header[c]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  /* All rows are read (for the count and the problems); the first N are shown. */
  while ((cells = koc_csv_reader_next (reader, &n)) != NULL)
    {
      if (options->limit <= 0 || rows < (guint64) options->limit)
        {
          json_builder_begin_array (builder);
          for (guint c = 0; c < n; c++)
            json_builder_add_string_value (builder, cells[c]);
          json_builder_end_array (builder);
        }
      rows++;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows_total");
  json_builder_add_int_value (builder, rows);
  add_problems (builder, koc_csv_reader_get_problems (reader));
  json_builder_set_member_name (builder, "problems_total");
  json_builder_add_int_value (builder, koc_csv_reader_get_n_problems (reader));
  add_mapping (builder, (const char * const *) header, mapping);
  json_builder_end_object (builder);

  if (options->json)
    print_json (builder);
  else
    {
      GPtrArray *problems = koc_csv_reader_get_problems (reader);

      printf (_("Encoding: %s%s\n"), koc_csv_reader_get_encoding (reader),
              koc_csv_reader_get_has_bom (reader) ? _(" (with byte order mark)") : "");
      printf (_("Delimiter: %s\n"), koc_csv_reader_get_delimiter (reader) == '\t' ? _("tab")
                                    : delimiter_name (koc_csv_reader_get_delimiter (reader)));
      printf (_("Data rows: %llu\n"), (unsigned long long) rows);
      printf ("%s\n", _("Columns:"));
      for (guint c = 0; header[c] != NULL; c++)
        printf ("  %u. %s → %s\n", c + 1, header[c],
                mapping && mapping[c] != KOC_FIELD_NONE ? koc_field_to_string (mapping[c]) : _("(ignored)"));
      for (guint i = 0; i < problems->len; i++)
        printf ("%s\n", ((KocCsvProblem *) g_ptr_array_index (problems, i))->message);
    }
  return 0;
}

static void
print_report_text (KocImportReport *report,
                   const char      *db)
{
  printf (_("Import %lld of “%s” (%s): %llu rows, %llu created, %llu updated, %u skipped,"
            " %llu repeated in the file.\n"),
          (long long) report->import_id, report->path, report->encoding,
          (unsigned long long) report->rows, (unsigned long long) report->created,
          (unsigned long long) report->updated, report->skipped->len,
          (unsigned long long) report->duplicates_in_file);
  if (report->skipped->len > 0)
    printf ("%s\n", _("Skipped:"));
  for (guint i = 0; i < report->skipped->len; i++)
    {
      KocImportSkip *skip = g_ptr_array_index (report->skipped, i);

      printf (_("  record %llu (line %llu): %s\n"), (unsigned long long) skip->record,
              (unsigned long long) skip->line, skip->reason);
    }
  for (guint i = 0; i < report->problems->len; i++)
    printf ("  %s\n", ((KocCsvProblem *) g_ptr_array_index (report->problems, i))->message);
  if (report->suggestions->len > 0)
    printf ("%s\n", _("Possibly the same person (not merged):"));
  for (guint i = 0; i < report->suggestions->len; i++)
    {
      KocMergeSuggestion *s = g_ptr_array_index (report->suggestions, i);

      printf (_("  record %llu: person %lld and person %lld “%s”: %s (confidence %.2f)\n"),
              (unsigned long long) s->record, (long long) s->person_id,
              (long long) s->other_person_id, s->other_name ? s->other_name : "", s->reason,
              s->confidence);
    }
  printf (_("Undo with: kocdesk-cli import --undo %lld --db %s\n"), (long long) report->import_id, db);
}

static int
run_import (const char *path,
            Options    *options,
            char        delimiter)
{
  KocImportOptions import_options = { options->encoding, delimiter, options->platform,
                                      (const char * const *) options->map, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = NULL;
  g_autoptr(KocImportReport) report = NULL;

  store = koc_store_open_sync (options->db, KOC_STORE_OPEN_CREATE, NULL, &error);
  if (store == NULL)
    return koc_cli_fail ("%s", error->message);
  report = koc_import_run_sync (store, path, &import_options, NULL, &error);
  if (report == NULL)
    return koc_cli_fail (_("Nothing was imported: %s"), error->message);
  if (options->json)
    {
      g_autoptr(JsonNode) node = koc_import_report_to_json (report);
      g_autofree char *text = json_to_string (node, TRUE);

      printf ("%s\n", text);
    }
  else
    print_report_text (report, options->db);
  return 0;
}

static int
run_undo (Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = NULL;
  KocImportUndoReport report;

  store = koc_store_open_sync (options->db, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  if (store == NULL)
    return koc_cli_fail ("%s", error->message);
  if (!koc_import_undo_sync (store, options->undo, &report, NULL, &error))
    return koc_cli_fail ("%s", error->message);
  printf (_("Import %lld undone: %llu people and %llu accounts removed, %llu people and %llu"
            " accounts restored.\n"), (long long) options->undo,
          (unsigned long long) report.deleted_people, (unsigned long long) report.deleted_accounts,
          (unsigned long long) report.restored_people, (unsigned long long) report.restored_accounts);
  return 0;
}

int
koc_cli_import (int    argc,
                char **argv)
{
  Options options = { FALSE, FALSE, 20, NULL, NULL, NULL, NULL, NULL, 0 };
  const GOptionEntry entries[] = {
    { "preview", 0, 0, G_OPTION_ARG_NONE, &options.preview, N_("Show what would be read; change nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &options.limit, N_("Rows to show in the preview (0: all)"), "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &options.db, N_("Workspace file"), "FILE.db" },
    { "platform", 0, 0, G_OPTION_ARG_STRING, &options.platform, N_("Platform of rows without one"), "P" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &options.encoding, N_("Encoding of the file (default: detect)"), "E" },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &options.delimiter, N_("Delimiter: , ; or tab (default: detect)"), "D" },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.map, N_("Column to field, e.g. 昵称=name"), "COLUMN=FIELD" },
    { "undo", 0, 0, G_OPTION_ARG_INT64, &options.undo, N_("Undo the import with this number"), "ID" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — import people and accounts from CSV"));
  g_autoptr(GError) error = NULL;
  char delimiter = 0;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "kocdesk-cli import: %s\n", error->message);
      return 2;
    }
  if (options.delimiter != NULL)
    {
      if (g_ascii_strcasecmp (options.delimiter, "tab") == 0 || strcmp (options.delimiter, "\\t") == 0)
        delimiter = '\t';
      else if (strlen (options.delimiter) == 1)
        delimiter = options.delimiter[0];
      else
        {
          fprintf (stderr, "kocdesk-cli import: %s\n", _("--delimiter takes one character or “tab”"));
          return 2;
        }
    }

  if (options.undo != 0 && options.db != NULL && argc == 1)
    status = run_undo (&options);
  else if (argc == 2 && options.preview)
    status = run_preview (argv[1], &options, delimiter);
  else if (argc == 2 && options.db != NULL)
    status = run_import (argv[1], &options, delimiter);
  else
    {
      fprintf (stderr, "%s\n", _("Usage: kocdesk-cli import FILE --preview [--json] | FILE --db FILE.db"
                                 " [--platform P] [--map COLUMN=FIELD …] | --undo ID --db FILE.db"));
      status = 2;
    }

  g_free (options.db);
  g_free (options.platform);
  g_free (options.encoding);
  g_free (options.delimiter);
  g_strfreev (options.map);
  return status;
}
