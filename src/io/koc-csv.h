/* koc-csv.h: reading CSV files as people and Excel really write them.
 *
 * RFC 4180 plus what spreadsheets produce: the encoding is taken from a byte order mark
 * (UTF-8, UTF-16 LE/BE), else valid UTF-8, else guessed by ICU (GB18030 and cp1252 told
 * apart by the shape of the non-ASCII bytes), or given by the caller; the delimiter
 * (comma, semicolon, tab) is sniffed from the first lines or given; quoted fields hold
 * delimiters, doubled quotes and line breaks; rows end with CRLF, LF or a lone CR.
 * Every cell is converted to UTF-8 and normalized to NFC.
 *
 * The reader never drops data silently: a ragged row (field count unlike the header's),
 * an unconvertible byte, a quote never closed or text after a closing quote is returned
 * as read and recorded as a KocCsvProblem saying where (record, line, column, byte
 * offset in the file) and what to do.
 *
 * The file is memory-mapped and parsed one record at a time (koc_csv_reader_next()),
 * so the heap holds one record, whatever the size of the file.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KOC_CSV_ERROR (koc_csv_error_quark ())

typedef enum
{
  KOC_CSV_ERROR_IO,
  KOC_CSV_ERROR_ENCODING,   /* unknown encoding name, or no encoding fits */
  KOC_CSV_ERROR_DELIMITER,  /* an unusable delimiter was given */
} KocCsvError;

typedef enum
{
  KOC_CSV_PROBLEM_RAGGED,          /* field count differs from the first record's */
  KOC_CSV_PROBLEM_ENCODING,        /* bytes not valid in the encoding (U+FFFD put in) */
  KOC_CSV_PROBLEM_UNCLOSED_QUOTE,  /* end of file inside a quoted field */
  KOC_CSV_PROBLEM_STRAY_QUOTE,     /* text after the closing quote of a field */
  KOC_CSV_PROBLEM_NUL,             /* a NUL character (replaced by U+FFFD) */
} KocCsvProblemKind;

typedef struct
{
  KocCsvProblemKind kind;
  guint64           record;  /* 1-based; the header is record 1 */
  guint64           line;    /* 1-based physical line where the problem is */
  guint             column;  /* 1-based field number, 0 for the whole record */
  guint64           offset;  /* byte offset in the file */
  guint             expected; /* RAGGED: fields expected and found */
  guint             found;
  char             *message; /* translated, says what is wrong and what to do */
} KocCsvProblem;

typedef struct
{
  const char *encoding;  /* NULL: detect */
  char        delimiter; /* 0: sniff among ',', ';' and '\t' */
  guint       max_problems; /* problems kept (0: 1000); more are only counted */
} KocCsvOptions;

typedef struct _KocCsvReader KocCsvReader;

GQuark            koc_csv_error_quark            (void);

/* Memory-maps @path. NULL with @error set when it cannot be read or the encoding
 * given is unknown. */
KocCsvReader     *koc_csv_reader_new_for_path    (const char           *path,
                                                  const KocCsvOptions  *options,
                                                  GError              **error);
KocCsvReader     *koc_csv_reader_new_for_bytes   (GBytes               *bytes,
                                                  const KocCsvOptions  *options,
                                                  GError              **error);
void              koc_csv_reader_free            (KocCsvReader         *self);

/* The encoding in use, as g_convert() names it ("UTF-8", "UTF-16LE", "GB18030",
 * "WINDOWS-1252", …), and whether the file started with a byte order mark. */
const char       *koc_csv_reader_get_encoding    (KocCsvReader         *self);
gboolean          koc_csv_reader_get_has_bom     (KocCsvReader         *self);
char              koc_csv_reader_get_delimiter   (KocCsvReader         *self);

/* The next record as a NULL-terminated array of UTF-8 NFC strings owned by the reader
 * (valid until the next call), or NULL at the end of the file. Blank lines are skipped. */
const char * const *koc_csv_reader_next          (KocCsvReader         *self,
                                                  guint                *n_fields);

/* Where the record last returned starts. */
guint64           koc_csv_reader_get_record      (KocCsvReader         *self);
guint64           koc_csv_reader_get_line        (KocCsvReader         *self);
guint64           koc_csv_reader_get_offset      (KocCsvReader         *self);
/* Problems found in the record last returned (0 when it is clean). */
guint             koc_csv_reader_get_record_problems (KocCsvReader     *self);
/* Bytes of the file consumed so far, and its size (for progress). */
guint64           koc_csv_reader_get_position    (KocCsvReader         *self);
guint64           koc_csv_reader_get_size        (KocCsvReader         *self);

/* (element-type KocCsvProblem) every problem so far, in file order, at most
 * max_problems of them; koc_csv_reader_get_n_problems() counts them all. */
GPtrArray        *koc_csv_reader_get_problems    (KocCsvReader         *self);
guint64           koc_csv_reader_get_n_problems  (KocCsvReader         *self);

/* For tests and the preview: the encoding koc_csv_reader_new_*() would detect. */
const char       *koc_csv_detect_encoding        (const guint8         *data,
                                                  gsize                 len,
                                                  gsize                *bom_len);

const char       *koc_csv_problem_kind_to_string (KocCsvProblemKind     kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocCsvReader, koc_csv_reader_free)

G_END_DECLS
