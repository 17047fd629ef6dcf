/* io-test-utils.c: see io-test-utils.h.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "io-test-utils.h"

GPtrArray *
io_test_read_all (const char           *data,
                  gssize                len,
                  const KocCsvOptions  *options,
                  KocCsvReader        **out_reader)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCsvReader) reader = koc_csv_reader_new_for_bytes (bytes, options, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char * const *cells;

  g_assert_no_error (error);
  while ((cells = koc_csv_reader_next (reader, NULL)) != NULL)
    g_ptr_array_add (rows, g_strdupv ((char **) cells));
  if (out_reader)
    *out_reader = g_steal_pointer (&reader);
  return rows;
}
