/* koc-sync-token.c: the access token in the keyring (libsecret, async).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "koc-sync-token.h"

G_DEFINE_QUARK (koc-sync-token-error-quark, koc_sync_token_error)

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "io.github.kocdesk.KocDesk.Token", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "workspace", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

/* Every libsecret failure is reported as ours; a missing Secret Service (no D-Bus
 * session, or no one owning org.freedesktop.secrets) gets its own code and sentence. */
static GError *
translate_error (GError *error)
{
  GError *out;
  gboolean no_service = error->domain == G_DBUS_ERROR ||
                        error->domain == G_IO_ERROR ||
                        g_error_matches (error, SECRET_ERROR, SECRET_ERROR_PROTOCOL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;
  out = g_error_new (KOC_SYNC_TOKEN_ERROR,
                     no_service ? KOC_SYNC_TOKEN_ERROR_NO_KEYRING : KOC_SYNC_TOKEN_ERROR_FAILED,
                     no_service ? _("No keyring is available: %s")
                                : _("The keyring could not be used: %s"),
                     error->message);
  g_error_free (error);
  return out;
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, translate_error (error));
}

void
koc_sync_token_store_async (const char          *server,
                            const char          *workspace,
                            const char          *token,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  /* Translators: the label of the token in the keyring (Seahorse shows it). */
  g_autofree char *label = g_strdup_printf (_("KOC Desk access token for %s on %s"),
                                            workspace, server);

  g_task_set_source_tag (task, koc_sync_token_store_async);
  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, stored_cb, task,
                         "server", server, "workspace", workspace, NULL);
}

gboolean
koc_sync_token_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, translate_error (error));
  else
    {
      char *token = g_strdup (secret);

      secret_password_free (secret);
      g_task_return_pointer (task, token, (GDestroyNotify)koc_sync_token_free);
    }
}

void
koc_sync_token_lookup_async (const char          *server,
                             const char          *workspace,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, koc_sync_token_lookup_async);
  secret_password_lookup (token_schema (), cancellable, looked_up_cb, task,
                          "server", server, "workspace", workspace, NULL);
}

char *
koc_sync_token_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
koc_sync_token_clear_async (const char          *server,
                            const char          *workspace,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, koc_sync_token_clear_async);
  secret_password_clear (token_schema (), cancellable, cleared_cb, task,
                         "server", server, "workspace", workspace, NULL);
}

gboolean
koc_sync_token_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
koc_sync_token_free (char *token)
{
  if (token == NULL)
    return;
  memset (token, 0, strlen (token));
  g_free (token);
}
