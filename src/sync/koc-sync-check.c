/* koc-sync-check.c: one request that proves a server address and a token work.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "koc-sync-check.h"
#include "koc-sync-engine.h"

typedef struct
{
  SoupSession *session;
  SoupMessage *msg;
  char        *server;
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_clear_object (&check->msg);
  g_clear_object (&check->session);
  g_free (check->server);
  g_free (check);
}

static gboolean
is_changes_page (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);
  JsonNode *root;

  if (data == NULL || !json_parser_load_from_data (parser, data, size, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_OBJECT (root) &&
         json_object_has_member (json_node_get_object (root), "changes");
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  guint status;

  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNREACHABLE,
                                 _("Could not reach %s (%s). Check the address and that the server is running."),
                                 check->server, error->message);
      return;
    }

  status = soup_message_get_status (check->msg);
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNAUTHORIZED,
                             _("The server refused this access token. Check that you copied all of it and that it was not revoked; ask your server’s administrator for a new one."));
  else if (status >= 500)
    g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_UNREACHABLE,
                             _("The server at %s has a problem (error %u). Try again later."),
                             check->server, status);
  else if (status != SOUP_STATUS_OK || !is_changes_page (body))
    g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_PROTOCOL,
                             _("%s answers, but it is not a KOC Desk server. Check the address."),
                             check->server);
  else
    g_task_return_boolean (task, TRUE);
}

void
koc_sync_check_async (const char          *server_url,
                      const char          *token,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *auth = NULL;
  Check *check = g_new0 (Check, 1);

  g_task_set_source_tag (task, koc_sync_check_async);
  g_task_set_task_data (task, check, check_free);
  check->server = g_strdup (server_url);

  base = g_uri_parse (server_url, SOUP_HTTP_URI_FLAGS, NULL);
  if (base == NULL || token == NULL || *token == '\0')
    {
      g_task_return_new_error (task, KOC_SYNC_ERROR, KOC_SYNC_ERROR_PROTOCOL,
                               token == NULL || *token == '\0'
                               ? _("Enter the access token your server’s administrator gave you.")
                               : _("This is not a web address. Enter one like https://koc.example.com."));
      return;
    }
  uri = g_uri_parse_relative (base, "v1/changes?since=0&limit=1", SOUP_HTTP_URI_FLAGS, NULL);

  check->session = soup_session_new_with_options ("timeout", 20,
                                                  "user-agent", "KOC-Desk/" PACKAGE_VERSION " ",
                                                  NULL);
  check->msg = soup_message_new_from_uri ("GET", uri);
  auth = g_strconcat ("Bearer ", token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (check->msg), "Authorization", auth);
  memset (auth, 0, strlen (auth));

  soup_session_send_and_read_async (check->session, check->msg, G_PRIORITY_DEFAULT, cancellable,
                                    sent_cb, g_steal_pointer (&task));
}

gboolean
koc_sync_check_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
