/* koc-import-map.h: which workspace field each CSV column fills.
 *
 * Headers are matched in English and Chinese (昵称, 账号, 粉丝数, 互动率, 微信 …) after
 * NFKC, case folding and dropping spaces and punctuation, so "Followers", "FOLLOWERS",
 * "ｆｏｌｌｏｗｅｒｓ" and "粉丝数（万）" are recognised. The guess is overridden column by
 * column with "COLUMN=FIELD" (`--map`), where COLUMN is a header or a 1-based number.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KOC_IMPORT_MAP_ERROR (koc_import_map_error_quark ())

typedef enum
{
  KOC_IMPORT_MAP_ERROR_INVALID,
} KocImportMapError;

typedef enum
{
  KOC_FIELD_NONE,          /* ignored column */
  KOC_FIELD_NAME,          /* person (and account) display name */
  KOC_FIELD_HANDLE,
  KOC_FIELD_PLATFORM,
  KOC_FIELD_FOLLOWERS,
  KOC_FIELD_ENGAGEMENT_RATE,
  KOC_FIELD_LIKES,
  KOC_FIELD_COLLECTS,
  KOC_FIELD_COMMENTS,
  KOC_FIELD_REGION,
  KOC_FIELD_CATEGORY,
  KOC_FIELD_EMAIL,
  KOC_FIELD_PHONE,
  KOC_FIELD_WECHAT,
  KOC_FIELD_BIO,
  KOC_FIELD_URL,
  KOC_FIELD_STAGE,
  KOC_FIELD_OWNER,
  KOC_N_FIELDS
} KocField;

GQuark       koc_import_map_error_quark (void);

/* The field's stable name ("name", "handle", "engagement_rate", …; "" for NONE). */
const char  *koc_field_to_string        (KocField      field);
/* From a stable name or any header synonym; FALSE when unknown. "ignore"/"none" give
 * KOC_FIELD_NONE. */
gboolean     koc_field_from_string      (const char   *text,
                                         KocField     *field);

/* The field a header means, or KOC_FIELD_NONE. */
KocField     koc_import_map_guess       (const char   *header);

/* One field per column: guessed from @header, then @overrides ("COLUMN=FIELD",
 * NULL-terminated, may be NULL) applied. A field guessed for two columns is kept
 * for the first only. Returns a g_free()d array of @n_columns, or NULL with @error
 * when an override names no column or no field. */
KocField    *koc_import_map_build       (const char * const *header,
                                         guint               n_columns,
                                         const char * const *overrides,
                                         GError            **error);

G_END_DECLS
