/* koc-server-entities.h: the entity kinds of the sync API and how they map to the
 * workspace schema.
 *
 * Every synced entity is addressed by its text `uid`; references between entities are
 * uids too (`person_uid`, `campaign_uid`, …), never rowids, which differ per device.
 * The JSON of an entity (the `data` of a change, the `current` value of a conflict) is
 * produced by SQLite's json_object() from the row, so a page of changes never holds
 * more than one entity at a time in memory besides the page's text.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum
{
  KOC_FIELD_TEXT,
  KOC_FIELD_INT,
  KOC_FIELD_REAL,
  KOC_FIELD_JSON,   /* any JSON value, stored as text */
  KOC_FIELD_REF,    /* the uid of a row of ref_table, stored as its id in column */
  KOC_FIELD_TAGS,   /* person tags: an array of names, the whole set is replaced */
} KocFieldType;

typedef enum
{
  KOC_FIELD_REQUIRED = 1 << 0, /* must be given when the entity is created */
  KOC_FIELD_NULLABLE = 1 << 1,
} KocFieldFlags;

typedef struct
{
  const char    *name;
  const char    *column;
  KocFieldType   type;
  const char    *ref_table;
  KocFieldFlags  flags;
} KocEntityField;

typedef struct
{
  const char           *kind;
  const char           *table;
  const char           *json_sql;       /* ?1 = uid → one row, one JSON text column */
  gboolean              has_updated_at;
  const KocEntityField *fields;         /* NULL-terminated; NULL → read-only kind */
} KocEntityKind;

/* Every kind, parents before children (the order of the initial snapshot). */
const KocEntityKind  *koc_entity_kind_at      (guint                 index);
guint                 koc_entity_n_kinds      (void);
const KocEntityKind  *koc_entity_kind_lookup  (const char           *kind);
const KocEntityField *koc_entity_kind_field   (const KocEntityKind  *kind,
                                               const char           *name);
gboolean              koc_entity_uid_is_valid (const char           *uid);

/* Prepared statements kept for the length of one request. */
typedef struct _KocEntityCache KocEntityCache;

KocEntityCache *koc_entity_cache_new          (sqlite3              *db);
void            koc_entity_cache_free         (KocEntityCache       *cache);

/* The JSON of an entity, or NULL (without @error) when no such row exists. */
gboolean        koc_entity_get_json           (KocEntityCache       *cache,
                                               const KocEntityKind  *kind,
                                               const char           *uid,
                                               char                **out_json,
                                               GError              **error);
/* The entity's latest rev and the seq of its latest change (0, 0 when none). */
gboolean        koc_entity_get_rev            (KocEntityCache       *cache,
                                               const char           *kind,
                                               const char           *uid,
                                               gint64               *out_rev,
                                               gint64               *out_seq,
                                               GError              **error);
/* Appends a change; @fields_json is the JSON array of the changed field names (NULL:
 * every field). Returns the new seq, or 0 with @error set. */
gint64          koc_entity_record_change      (KocEntityCache       *cache,
                                               const char           *kind,
                                               const char           *uid,
                                               gint64                rev,
                                               gboolean              deleted,
                                               const char           *fields_json,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocEntityCache, koc_entity_cache_free)

G_END_DECLS
