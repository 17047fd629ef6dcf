/* koc-csv-records.c: splitting the file into records and fields, and turning each
 * field's bytes into NFC UTF-8.
 *
 * States of the field scanner: at the start of a field, inside an unquoted field,
 * inside a quoted field, and just after a quote inside a quoted field (which either
 * doubles it, closes the field, or — Excel-style leniency — is followed by stray text
 * that is kept and reported).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-csv"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>

#include "koc-csv.h"
#include "koc-csv-private.h"

#define REPLACEMENT "\xEF\xBF\xBD"

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  AFTER_QUOTE,
} State;

#define UNIT(self, i) koc_csv_unit ((self)->data, (i), (self)->width, (self)->little_endian)

static inline gboolean
is_eol (guint u)
{
  return u == '\n' || u == '\r';
}

/* Consumes one line end at self->pos (CRLF, LF or a lone CR). */
static void
consume_eol (KocCsvReader *self)
{
  guint u = UNIT (self, self->pos);

  self->pos += self->width;
  if (u == '\r' && self->pos < self->len && UNIT (self, self->pos) == '\n')
    self->pos += self->width;
  self->line++;
}

static void
begin_field (KocCsvReader *self)
{
  Field field = { self->raw->len, self->raw->len, self->pos, self->line, FALSE };

  g_array_append_val (self->fields, field);
}

static void
end_field (KocCsvReader *self)
{
  g_array_index (self->fields, Field, self->fields->len - 1).raw_end = self->raw->len;
}

static void
append_span (KocCsvReader *self,
             gsize         from,
             gsize         to)
{
  if (to > from)
    g_byte_array_append (self->raw, self->data + from, (guint) (to - from));
}

/* Reads one record into self->raw and self->fields; FALSE at the end of the file. */
static gboolean
scan_record (KocCsvReader *self)
{
  const guint w = self->width;
  const guint delim = (guchar) self->delimiter;
  State state = FIELD_START;

  g_byte_array_set_size (self->raw, 0);
  g_array_set_size (self->fields, 0);

  /* Blank lines hold no field: skip them. */
  while (self->pos < self->len && is_eol (UNIT (self, self->pos)))
    consume_eol (self);
  if (self->pos >= self->len)
    return FALSE;

  self->record++;
  self->record_problems = 0;
  self->rec_line = self->line;
  self->rec_offset = self->pos;
  begin_field (self);

  while (self->pos < self->len)
    {
      guint u = UNIT (self, self->pos);
      gsize start;

      switch (state)
        {
        case FIELD_START:
          if (u == '"')
            {
              g_array_index (self->fields, Field, self->fields->len - 1).quoted = TRUE;
              self->pos += w;
              state = QUOTED;
              continue;
            }
          if (u != delim && !is_eol (u))
            {
              state = UNQUOTED;
              continue;
            }
          break;

        case UNQUOTED:
          start = self->pos;
          while (self->pos < self->len)
            {
              u = UNIT (self, self->pos);
              if (u == delim || is_eol (u))
                break;
              self->pos += w;
            }
          append_span (self, start, self->pos);
          break;

        case QUOTED:
          start = self->pos;
          while (self->pos < self->len && (u = UNIT (self, self->pos)) != '"')
            {
              if (u == '\n' ||
                  (u == '\r' && !(self->pos + w < self->len && UNIT (self, self->pos + w) == '\n')))
                self->line++;
              self->pos += w;
            }
          append_span (self, start, self->pos);
          if (self->pos < self->len)
            {
              self->pos += w;
              state = AFTER_QUOTE;
            }
          continue;

        case AFTER_QUOTE:
          if (u == '"')
            {
              append_span (self, self->pos, self->pos + w);
              self->pos += w;
              state = QUOTED;
              continue;
            }
          if (u != delim && !is_eol (u))
            {
              KocCsvProblem *problem = koc_csv_add_problem (self, KOC_CSV_PROBLEM_STRAY_QUOTE, self->line,
                                                            self->fields->len, self->pos);
              if (problem)
                problem->message =
                  g_strdup_printf (_("Line %llu, column %u (byte offset %llu): text after the"
                                     " closing quote of a field. It was kept as part of the field;"
                                     " quote the whole field and double each quote inside it."),
                                   (unsigned long long) self->line, self->fields->len,
                                   (unsigned long long) self->pos);
              state = UNQUOTED;
              continue;
            }
          break;

        default:
          g_assert_not_reached ();
        }

      /* Here u is a delimiter or a line end (or the file ended). */
      if (self->pos >= self->len)
        break;
      end_field (self);
      if (u == delim)
        {
          self->pos += w;
          begin_field (self);
          state = FIELD_START;
        }
      else
        {
          consume_eol (self);
          return TRUE;
        }
    }

  if (state == QUOTED)
    {
      Field *field = &g_array_index (self->fields, Field, self->fields->len - 1);
      KocCsvProblem *problem = koc_csv_add_problem (self, KOC_CSV_PROBLEM_UNCLOSED_QUOTE, field->line,
                                                    self->fields->len, field->file_offset);
      if (problem)
        problem->message =
          g_strdup_printf (_("The quoted field that starts on line %llu (column %u, byte offset"
                             " %llu) is never closed, so the rest of the file was read into it."
                             " Add the missing closing quote."),
                           (unsigned long long) field->line, self->fields->len,
                           (unsigned long long) field->file_offset);
    }
  end_field (self);
  return TRUE;
}

/* The file offset of byte @index of @field's unquoted contents. */
static gsize
file_offset_of (KocCsvReader *self,
                const Field  *field,
                gsize         index)
{
  gsize pos = field->file_offset;
  gsize produced = 0;

  if (!field->quoted)
    return pos + index;

  pos += self->width;
  while (produced < index && pos < self->len)
    {
      if (UNIT (self, pos) == '"')
        pos += self->width; /* the first of a doubled quote, or the closing one */
      pos += self->width;
      produced += self->width;
    }
  return pos;
}

static void
report_bad_bytes (KocCsvReader *self,
                  const Field  *field,
                  guint         column,
                  gsize         index)
{
  gsize offset = file_offset_of (self, field, index);
  KocCsvProblem *problem = koc_csv_add_problem (self, KOC_CSV_PROBLEM_ENCODING, field->line,
                                                column, offset);

  if (problem)
    problem->message =
      g_strdup_printf (_("Byte offset %llu (line %llu, column %u) is not valid %s. The file may"
                         " use another encoding: give it with --encoding (for example GB18030,"
                         " WINDOWS-1252 or UTF-16LE). The character was replaced by U+FFFD."),
                       (unsigned long long) offset, (unsigned long long) field->line, column,
                       self->encoding);
}

static void
convert_utf8 (KocCsvReader *self,
              const Field  *field,
              guint         column)
{
  const char *p = (const char *) self->raw->data + field->raw_start;
  gsize n = field->raw_end - field->raw_start;
  gsize i = 0;

  if (self->all_valid_utf8)
    {
      g_string_append_len (self->scratch, p, n);
      return;
    }

  while (i < n)
    {
      const char *end = NULL;

      if (g_utf8_validate_len (p + i, n - i, &end))
        {
          g_string_append_len (self->scratch, p + i, n - i);
          break;
        }
      g_string_append_len (self->scratch, p + i, end - (p + i));
      i = end - p;
      if (p[i] == '\0')
        {
          KocCsvProblem *problem = koc_csv_add_problem (self, KOC_CSV_PROBLEM_NUL, field->line, column,
                                                        file_offset_of (self, field, i));
          if (problem)
            problem->message = g_strdup_printf (_("Line %llu, column %u (byte offset %llu): a NUL"
                                                  " character, which is not text. It was replaced"
                                                  " by U+FFFD; is this really a CSV file?"),
                                                (unsigned long long) field->line, column,
                                                (unsigned long long) problem->offset);
        }
      else
        report_bad_bytes (self, field, column, i);
      g_string_append (self->scratch, REPLACEMENT);
      i++;
    }
}

static void
convert_iconv (KocCsvReader *self,
               const Field  *field,
               guint         column)
{
  char *in = (char *) self->raw->data + field->raw_start;
  gsize in_left = field->raw_end - field->raw_start;
  gsize total = in_left;
  char buf[4096];

  g_iconv (self->cd, NULL, NULL, NULL, NULL);
  while (in_left > 0)
    {
      char *out = buf;
      gsize out_left = sizeof buf;
      gsize rc = g_iconv (self->cd, &in, &in_left, &out, &out_left);

      g_string_append_len (self->scratch, buf, out - buf);
      if (rc != (gsize) -1 || errno == E2BIG)
        continue;

      report_bad_bytes (self, field, column, total - in_left);
      g_string_append (self->scratch, REPLACEMENT);
      if (errno == EINVAL)
        break; /* cut at the end of the field */
      /* Skip one unit and go on. */
      in += MIN (self->width, in_left);
      in_left -= MIN (self->width, in_left);
    }

  /* NUL characters would cut the C string. */
  if (memchr (self->scratch->str, '\0', self->scratch->len) != NULL)
    {
      KocCsvProblem *problem = koc_csv_add_problem (self, KOC_CSV_PROBLEM_NUL, field->line, column,
                                                    field->file_offset);
      if (problem)
        problem->message = g_strdup_printf (_("Line %llu, column %u (byte offset %llu): a NUL"
                                              " character, which is not text. It was replaced by"
                                              " U+FFFD; is this really a CSV file?"),
                                            (unsigned long long) field->line, column,
                                            (unsigned long long) field->file_offset);
      for (gsize i = 0; i < self->scratch->len; i++)
        if (self->scratch->str[i] == '\0')
          {
            g_string_erase (self->scratch, i, 1);
            g_string_insert (self->scratch, i, REPLACEMENT);
            i += 2;
          }
    }
}

static gboolean
is_ascii (const GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    if ((guchar) text->str[i] >= 0x80)
      return FALSE;
  return TRUE;
}

const char * const *
koc_csv_reader_next (KocCsvReader *self,
                     guint        *n_fields)
{
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  g_ptr_array_set_size (self->cells, 0);
  if (!scan_record (self))
    {
      if (n_fields)
        *n_fields = 0;
      return NULL;
    }

  n = self->fields->len;
  for (guint i = 0; i < n; i++)
    {
      const Field *field = &g_array_index (self->fields, Field, i);

      g_string_truncate (self->scratch, 0);
      if (self->is_utf8)
        convert_utf8 (self, field, i + 1);
      else
        convert_iconv (self, field, i + 1);
      if (!is_ascii (self->scratch))
        koc_csv_normalize_nfc (self->scratch);
      g_ptr_array_add (self->cells, g_strndup (self->scratch->str, self->scratch->len));
    }
  g_ptr_array_add (self->cells, NULL);

  if (self->record == 1)
    self->expected = n;
  else if (n != self->expected)
    {
      KocCsvProblem *problem = koc_csv_add_problem (self, KOC_CSV_PROBLEM_RAGGED, self->rec_line, 0,
                                                    self->rec_offset);
      if (problem)
        {
          problem->expected = self->expected;
          problem->found = n;
          problem->message =
            g_strdup_printf (_("Record %llu (line %llu, byte offset %llu) has %u fields where the"
                               " header has %u. Look for a delimiter or line break that should be"
                               " inside quotes, or a missing delimiter; the row is kept as read."),
                             (unsigned long long) self->record, (unsigned long long) self->rec_line,
                             (unsigned long long) self->rec_offset, n, self->expected);
        }
    }

  if (n_fields)
    *n_fields = n;
  return (const char * const *) self->cells->pdata;
}
