/* koc-entities.h: the entity kinds of the sync API and how they map to the workspace
 * schema — shared by kocdesk-server (feed JSON out, mutations in) and the client's sync
 * engine (feed JSON in, local edits).
 *
 * Every synced entity is addressed by its text `uid`; references between entities are
 * uids too (`person_uid`, `campaign_uid`, …), never rowids, which differ per device.
 * The JSON of an entity (the `data` of a change, the `current` value of a conflict) is
 * produced by SQLite's json_object() from the row, and applied back with SQLite's JSON
 * operators (->, ->>, json_each), so this layer needs no JSON library.
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
  KOC_FIELD_JSON,       /* any JSON value, stored as text */
  KOC_FIELD_REF,        /* the uid of a row of ref_table, stored as its id in column */
  KOC_FIELD_TAGS,       /* person tags: an array of names, the whole set is replaced */
  KOC_FIELD_ALIASES,    /* brand aliases: an array of names, replaced as a whole */
  KOC_FIELD_MEDIA,      /* a media sha256 (a placeholder media row is made if needed) */
  KOC_FIELD_MEDIA_LIST, /* post media: an array of sha256, in order */
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
  const KocEntityField *fields;         /* writable by mutations; NULL → read-only kind */
  const KocEntityField *sync_fields;    /* every stored field of the feed's data */
} KocEntityKind;

/* Every kind, parents before children (the order of the initial snapshot). */
const KocEntityKind  *koc_entity_kind_at      (guint                 index);
guint                 koc_entity_n_kinds      (void);
const KocEntityKind  *koc_entity_kind_lookup  (const char           *kind);
/* A field writable by mutations (kind->fields), or NULL. */
const KocEntityField *koc_entity_kind_field   (const KocEntityKind  *kind,
                                               const char           *name);
gboolean              koc_entity_uid_is_valid (const char           *uid);
/* A new entity uid: 32 lowercase hex digits, like the schema's default. */
char                 *koc_entity_uid_new      (void);

/* Prepared statements kept for the length of one request or one page. */
typedef struct _KocEntityCache KocEntityCache;

KocEntityCache *koc_entity_cache_new          (sqlite3              *db);
void            koc_entity_cache_free         (KocEntityCache       *cache);
sqlite3        *koc_entity_cache_get_db       (KocEntityCache       *cache);
/* A statement prepared once per cache for @sql (reset, bindings cleared); owned by the
 * cache. NULL with @error set when it does not compile. */
sqlite3_stmt   *koc_entity_cache_statement    (KocEntityCache       *cache,
                                               const char           *sql,
                                               GError              **error);

/* The JSON of an entity, or NULL (without @error) when no such row exists. */
gboolean        koc_entity_get_json           (KocEntityCache       *cache,
                                               const KocEntityKind  *kind,
                                               const char           *uid,
                                               char                **out_json,
                                               GError              **error);

/* Writes @json (an object: an entity's data) into the row of @uid: INSERT when it is
 * new, UPDATE otherwise. @members (NULL-terminated) limits it to those fields of
 * kind->sync_fields (a local edit: a patch; updated_at is set to now on kinds that have
 * it); NULL writes every sync field (a change of the feed, the server's whole value).
 * Unknown members are ignored. A reference to a missing entity or a violated CHECK
 * fails with KOC_STORE_ERROR_CONSTRAINT, leaving the row as it was when the caller uses
 * a savepoint. */
gboolean        koc_entity_apply_json         (KocEntityCache       *cache,
                                               const KocEntityKind  *kind,
                                               const char           *uid,
                                               const char           *json,
                                               const char * const   *members,
                                               GError              **error);
/* Steps @stmt (a statement of @cache) to its end, resets it and clears its bindings;
 * a failure is reported as @what. */
gboolean        koc_entity_cache_step         (KocEntityCache       *cache,
                                               sqlite3_stmt         *stmt,
                                               const char           *what,
                                               GError              **error);
/* Inserts a new row of @kind for each row of @source, a SELECT of two columns (uid, the
 * whole JSON object of the feed) — what koc_entity_apply_json()
 * does for a new uid, in a few set-based statements (the first pull of a device). The
 * lists (tags, aliases, post media) are read from the rows of @lists_source, the same
 * SELECT without the rows whose lists are all empty (or NULL: all rows), since reading
 * them parses each object once more. A uid that already exists or a missing reference
 * fails with KOC_STORE_ERROR_CONSTRAINT and may leave some rows inserted: the caller's
 * savepoint takes them back. */
gboolean        koc_entity_insert_each        (KocEntityCache       *cache,
                                               const KocEntityKind  *kind,
                                               const char           *source,
                                               const char           *lists_source,
                                               GError              **error);
/* Deletes the row of @uid (the schema's cascades delete its children). */
gboolean        koc_entity_delete             (KocEntityCache       *cache,
                                               const KocEntityKind  *kind,
                                               const char           *uid,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocEntityCache, koc_entity_cache_free)

G_END_DECLS
