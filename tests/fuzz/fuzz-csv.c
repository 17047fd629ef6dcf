/* fuzz-csv.c: libFuzzer target for the CSV reader (built with -Dfuzzing=true and clang).
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true && ninja -C build-fuzz tests/io/fuzz-csv
 *   build-fuzz/tests/io/fuzz-csv -max_len=4096 corpus-dir/
 *
 * The first byte picks the encoding and delimiter options, the rest is the file. Every
 * cell must be valid UTF-8 and every problem must carry a message.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "koc-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *encodings[] = { NULL, "UTF-8", "GB18030", "WINDOWS-1252", "UTF-16LE", "UTF-16BE" };
  static const char delimiters[] = { 0, ',', ';', '\t' };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KocCsvReader) reader = NULL;
  KocCsvOptions options = { NULL, 0, 0 };
  const char * const *cells;
  GPtrArray *problems;
  guint n;

  if (size == 0)
    return 0;
  options.encoding = encodings[data[0] % G_N_ELEMENTS (encodings)];
  options.delimiter = delimiters[(data[0] / 8) % G_N_ELEMENTS (delimiters)];
  bytes = g_bytes_new (data + 1, size - 1);
  reader = koc_csv_reader_new_for_bytes (bytes, &options, NULL);
  if (reader == NULL)
    abort ();
  while ((cells = koc_csv_reader_next (reader, &n)) != NULL)
    for (guint i = 0; i < n; i++)
      if (!g_utf8_validate (cells[i], -1, NULL))
        abort ();
  problems = koc_csv_reader_get_problems (reader);
  for (guint i = 0; i < problems->len; i++)
    if (((KocCsvProblem *) g_ptr_array_index (problems, i))->message == NULL)
      abort ();
  return 0;
}
