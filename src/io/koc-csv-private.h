/* koc-csv-private.h: pieces of the CSV reader shared by its files.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "koc-csv.h"

G_BEGIN_DECLS

typedef struct
{
  gsize    raw_start;   /* in self->raw */
  gsize    raw_end;
  gsize    file_offset; /* where the field starts in the file */
  guint64  line;
  gboolean quoted;
} Field;

struct _KocCsvReader
{
  GMappedFile  *mapped;
  GBytes       *bytes;
  const guint8 *data;
  gsize         len;
  gsize         pos;

  char         *encoding;
  gboolean      has_bom;
  gboolean      is_utf8;
  gboolean      all_valid_utf8;
  guint         width;
  gboolean      little_endian;
  char          delimiter;
  GIConv        cd;

  GByteArray   *raw;
  GArray       *fields;    /* of Field */
  GPtrArray    *cells;     /* char *, NULL-terminated */
  GString      *scratch;

  guint64       record;
  guint64       line;      /* the line pos is on */
  guint64       rec_line;
  gsize         rec_offset;
  guint         expected;
  guint         record_problems;

  GPtrArray    *problems;
  guint64       n_problems;
  guint         max_problems;
};

/* Records a problem of the current record; NULL when over max_problems (counted). */
KocCsvProblem *koc_csv_add_problem (KocCsvReader      *self,
                                    KocCsvProblemKind  kind,
                                    guint64            line,
                                    guint              column,
                                    guint64            offset);


/* One code unit of the file: a byte, or a UTF-16 unit (@width 2) in the given order. */
static inline guint
koc_csv_unit (const guint8 *data,
              gsize         pos,
              guint         width,
              gboolean      little_endian)
{
  if (width == 1)
    return data[pos];
  return little_endian ? (guint) data[pos] | ((guint) data[pos + 1] << 8)
                       : ((guint) data[pos] << 8) | (guint) data[pos + 1];
}

/* The most consistent of ',', ';' and '\t' outside quotes in the first lines. */
char      koc_csv_sniff_delimiter    (const guint8 *data,
                                      gsize         len,
                                      guint         width,
                                      gboolean      little_endian);

/* The iconv name for @name ("utf8" → "UTF-8", "cp1252" → "WINDOWS-1252", "gbk" →
 * "GB18030"…), or NULL when iconv cannot convert from it. */
char     *koc_csv_canonical_encoding (const char   *name);

/* In-place NFC of @text (UTF-8), with ICU. */
void      koc_csv_normalize_nfc      (GString      *text);

G_END_DECLS
