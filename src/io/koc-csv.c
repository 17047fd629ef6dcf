/* koc-csv.c: the CSV record parser and the conversion of its cells.
 *
 * The parser works on the file's own code units (bytes, or UTF-16 units), so every
 * position it reports is a byte offset in the file. That is safe for every
 * ASCII-compatible encoding we read: the bytes of '"', ',', ';', TAB, CR and LF never
 * occur inside a multi-byte character of UTF-8, GB18030, Big5 or Shift_JIS (trail
 * bytes are 0x30 or above). The unquoted bytes of a record are collected, then each
 * field is converted to UTF-8 with one reused iconv descriptor and normalized to NFC.
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

G_DEFINE_QUARK (koc-csv-error-quark, koc_csv_error)

static void
problem_free (gpointer data)
{
  KocCsvProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

const char *
koc_csv_problem_kind_to_string (KocCsvProblemKind kind)
{
  switch (kind)
    {
    case KOC_CSV_PROBLEM_RAGGED:         return "ragged";
    case KOC_CSV_PROBLEM_ENCODING:       return "encoding";
    case KOC_CSV_PROBLEM_UNCLOSED_QUOTE: return "unclosed-quote";
    case KOC_CSV_PROBLEM_STRAY_QUOTE:    return "stray-quote";
    case KOC_CSV_PROBLEM_NUL:            return "nul";
    default:                             return "unknown";
    }
}

KocCsvProblem *
koc_csv_add_problem (KocCsvReader      *self,
                     KocCsvProblemKind  kind,
                     guint64            line,
                     guint              column,
                     guint64            offset)
{
  KocCsvProblem *problem;

  self->record_problems++;
  self->n_problems++;
  if (self->problems->len >= self->max_problems)
    return NULL;

  problem = g_new0 (KocCsvProblem, 1);
  problem->kind = kind;
  problem->record = self->record;
  problem->line = line;
  problem->column = column;
  problem->offset = offset;
  g_ptr_array_add (self->problems, problem);
  return problem;
}

static void
finish (KocCsvReader  *self,
        gsize          bom_len,
        const char    *encoding,
        char           delimiter)
{
  self->encoding = g_strdup (encoding);
  self->has_bom = bom_len > 0;
  self->pos = bom_len;
  self->is_utf8 = g_str_equal (encoding, "UTF-8");
  self->width = g_str_has_prefix (encoding, "UTF-16") ? 2 : 1;
  self->little_endian = g_str_equal (encoding, "UTF-16LE");
  self->raw = g_byte_array_new ();
  self->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->scratch = g_string_new (NULL);
  self->line = 1;
  if (self->is_utf8)
    self->all_valid_utf8 = g_utf8_validate_len ((const char *) self->data + bom_len,
                                                self->len - bom_len, NULL);
  else
    self->cd = g_iconv_open ("UTF-8", encoding);

  self->delimiter = delimiter != 0 ? delimiter
    : koc_csv_sniff_delimiter (self->data + bom_len, self->len - bom_len,
                               self->width, self->little_endian);
}

static KocCsvReader *
reader_new (const guint8         *data,
            gsize                 len,
            const KocCsvOptions  *options,
            GError              **error)
{
  g_autoptr(KocCsvReader) self = g_new0 (KocCsvReader, 1);
  g_autofree char *encoding = NULL;
  gsize bom_len = 0;
  char delimiter = options ? options->delimiter : 0;

  self->data = data;
  self->len = len;
  self->cd = (GIConv) -1;
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->max_problems = options && options->max_problems ? options->max_problems : 1000;

  if (delimiter != 0 && (delimiter == '"' || delimiter == '\r' || delimiter == '\n' ||
                         (guchar) delimiter >= 0x80))
    {
      g_set_error (error, KOC_CSV_ERROR, KOC_CSV_ERROR_DELIMITER,
                   _("“%c” cannot be a delimiter: use a comma, a semicolon or a tab."),
                   delimiter);
      return NULL;
    }

  if (options != NULL && options->encoding != NULL)
    {
      encoding = koc_csv_canonical_encoding (options->encoding);
      if (encoding == NULL)
        {
          g_set_error (error, KOC_CSV_ERROR, KOC_CSV_ERROR_ENCODING,
                       _("Unknown or unsupported encoding “%s”. Try UTF-8, UTF-16LE,"
                         " UTF-16BE, GB18030 or WINDOWS-1252."), options->encoding);
          return NULL;
        }
      /* A byte order mark that agrees with the encoding given is not data. */
      if (g_str_equal (encoding, "UTF-8") && len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        bom_len = 3;
      else if (g_str_has_prefix (encoding, "UTF-16") && len >= 2 &&
               ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
        {
          if (g_str_equal (encoding, "UTF-16"))
            {
              g_free (encoding);
              encoding = g_strdup (data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
            }
          bom_len = 2;
        }
      else if (g_str_equal (encoding, "UTF-16"))
        {
          g_free (encoding);
          encoding = g_strdup ("UTF-16LE");
        }
    }
  else
    encoding = g_strdup (koc_csv_detect_encoding (data, len, &bom_len));

  finish (self, bom_len, encoding, delimiter);
  if (!self->is_utf8 && self->cd == (GIConv) -1)
    {
      g_set_error (error, KOC_CSV_ERROR, KOC_CSV_ERROR_ENCODING,
                   _("The system cannot convert from “%s”."), encoding);
      return NULL;
    }

  /* Half a UTF-16 unit at the end cannot be read. */
  if (self->width == 2 && (self->len - self->pos) % 2 != 0)
    {
      KocCsvProblem *problem;

      self->len--;
      problem = koc_csv_add_problem (self, KOC_CSV_PROBLEM_ENCODING, 0, 0, self->len);
      if (problem)
        problem->message = g_strdup_printf (_("The file ends with half a UTF-16 character"
                                              " (byte offset %llu), which was ignored."),
                                            (unsigned long long) self->len);
      self->record_problems = 0;
    }

  return g_steal_pointer (&self);
}

KocCsvReader *
koc_csv_reader_new_for_bytes (GBytes               *bytes,
                              const KocCsvOptions  *options,
                              GError              **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  KocCsvReader *self = reader_new (data ? data : (const guint8 *) "", len, options, error);

  if (self != NULL)
    self->bytes = g_bytes_ref (bytes);
  return self;
}

KocCsvReader *
koc_csv_reader_new_for_path (const char           *path,
                             const KocCsvOptions  *options,
                             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  GMappedFile *mapped = g_mapped_file_new (path, FALSE, &local_error);
  KocCsvReader *self;

  if (mapped == NULL)
    {
      g_set_error (error, KOC_CSV_ERROR, KOC_CSV_ERROR_IO, _("Could not read “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }
  self = reader_new ((const guint8 *) (g_mapped_file_get_contents (mapped) ?: ""),
                     g_mapped_file_get_length (mapped), options, error);
  if (self == NULL)
    g_mapped_file_unref (mapped);
  else
    self->mapped = mapped;
  return self;
}

void
koc_csv_reader_free (KocCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->cd != (GIConv) -1)
    g_iconv_close (self->cd);
  g_clear_pointer (&self->raw, g_byte_array_unref);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  if (self->scratch)
    g_string_free (self->scratch, TRUE);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->encoding);
  g_free (self);
}

const char *
koc_csv_reader_get_encoding (KocCsvReader *self)
{
  return self->encoding;
}

gboolean
koc_csv_reader_get_has_bom (KocCsvReader *self)
{
  return self->has_bom;
}

char
koc_csv_reader_get_delimiter (KocCsvReader *self)
{
  return self->delimiter;
}

guint64
koc_csv_reader_get_record (KocCsvReader *self)
{
  return self->record;
}

guint64
koc_csv_reader_get_line (KocCsvReader *self)
{
  return self->rec_line;
}

guint64
koc_csv_reader_get_offset (KocCsvReader *self)
{
  return self->rec_offset;
}

guint
koc_csv_reader_get_record_problems (KocCsvReader *self)
{
  return self->record_problems;
}

guint64
koc_csv_reader_get_position (KocCsvReader *self)
{
  return self->pos;
}

guint64
koc_csv_reader_get_size (KocCsvReader *self)
{
  return self->len;
}

GPtrArray *
koc_csv_reader_get_problems (KocCsvReader *self)
{
  return self->problems;
}

guint64
koc_csv_reader_get_n_problems (KocCsvReader *self)
{
  return self->n_problems;
}
