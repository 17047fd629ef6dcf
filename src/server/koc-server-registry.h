/* koc-server-registry.h: the server's registry: workspaces and their bearer tokens.
 *
 * The registry is a small SQLite file (`kocdesk-server --db FILE`), separate from the
 * workspaces: each workspace is a normal KOC Desk workspace file NAME.db in the data
 * directory, so a token can only ever reach the one file its row names. Tokens are
 * stored as SHA-256 hex digests, never in clear; listing shows a short prefix.
 *
 * The registry is only touched from the main thread: a token lookup is one indexed
 * read of a tiny table (documented exception to "no SQLite on the main loop").
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KocRegistry KocRegistry;

typedef struct
{
  gint64  id;
  char   *workspace;
  char   *prefix;      /* the first characters of the token, for people */
  gint64  created_at;
  gint64  revoked_at;  /* 0 → active */
} KocTokenInfo;

KocRegistry *koc_registry_open            (const char    *path,
                                           const char    *data_dir,
                                           GError       **error);
void         koc_registry_free            (KocRegistry   *self);

gboolean     koc_registry_name_is_valid   (const char    *name);
/* Path of the workspace file of @name, in the data directory. */
char        *koc_registry_workspace_path  (KocRegistry   *self,
                                           const char    *name);
gboolean     koc_registry_has_workspace   (KocRegistry   *self,
                                           const char    *name);
/* Registers @name; creates an empty workspace file unless one exists. */
gboolean     koc_registry_add_workspace   (KocRegistry   *self,
                                           const char    *name,
                                           GError       **error);

/* A new token for @name (registered on the fly); returned in clear, once. */
char        *koc_registry_create_token    (KocRegistry   *self,
                                           const char    *name,
                                           gint64        *out_id,
                                           GError       **error);
/* (element-type KocTokenInfo): tokens of @name, or of every workspace when NULL. */
GPtrArray   *koc_registry_list_tokens     (KocRegistry   *self,
                                           const char    *name,
                                           GError       **error);
/* Revokes token @id of @name, or every active token of @name when @id is 0.
 * Returns the number revoked (-1 on error). */
int          koc_registry_revoke          (KocRegistry   *self,
                                           const char    *name,
                                           gint64         id,
                                           GError       **error);
/* TRUE and the token's id and workspace when @token is known and not revoked. */
gboolean     koc_registry_lookup          (KocRegistry   *self,
                                           const char    *token,
                                           gint64        *out_id,
                                           char         **out_workspace);

void         koc_token_info_free          (KocTokenInfo  *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KocRegistry, koc_registry_free)

G_END_DECLS
