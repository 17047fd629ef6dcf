/* fuzz-number.c: libFuzzer target for the number parser (built with -Dfuzzing=true and
 * clang; seeds in tests/fuzz/corpus-number/).
 *
 *   build-fuzz/tests/io/fuzz-number -max_len=64 tests/fuzz/corpus-number
 *
 * The input is the cell text (NUL-terminated copy). A value must be finite and not
 * negative zero's opposite of what was written; an invalid cell must carry an error
 * message; a missing cell must set nothing.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "koc-number.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  double value = 12345.0;

  switch (koc_number_parse (text, &value, &error))
    {
    case KOC_NUMBER_VALUE:
      if (!isfinite (value) || error != NULL)
        abort ();
      break;
    case KOC_NUMBER_MISSING:
      if (error != NULL)
        abort ();
      break;
    case KOC_NUMBER_INVALID:
      if (error == NULL || error->message == NULL || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      break;
    default:
      abort ();
    }
  return 0;
}
