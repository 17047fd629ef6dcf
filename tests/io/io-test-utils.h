/* io-test-utils.h: reading a CSV in memory into rows, for the io tests.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "koc-csv.h"

G_BEGIN_DECLS

/* Every record of @data as a GPtrArray of GStrv; the reader is returned in *@reader
 * (for the problems) when not NULL. */
GPtrArray *io_test_read_all (const char           *data,
                             gssize                len,
                             const KocCsvOptions  *options,
                             KocCsvReader        **reader);

G_END_DECLS
