/* koc-discover-saved.c: saved searches — the current text, filters, engagement variant
 * and sort under a name, stored in the workspace's saved_searches through the outbox
 * (kind "saved_search"), so they sync like any edit.
 *
 * The query is JSON: {"text", "platforms", "tiers", "min_followers", "max_followers",
 * "min_engagement", "max_engagement", "active_days", "stage", "region", "category",
 * "owner", "brand_id", "sentiment", "tags", "engagement", "sort", "ascending"}, stored
 * with "brand_uid" instead of "brand_id" (koc-saved-search.h: ids differ per device); the
 * "last active" filter is kept in days, so it stays relative. A menu button in the
 * toolbar lists them (apply, rename, delete with undo) and saves the current one.
 * Actions (group "discover"): save-search(s), apply-saved(s uid), rename-saved((ss)),
 * delete-saved(s uid), undo-delete-saved.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-pane"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "koc-db.h"
#include "koc-discover-pane-private.h"
#include "koc-saved-search.h"
#include "koc-sync-outbox.h"

#define DAY (24 * 60 * 60)

static void
add_strv (JsonBuilder *builder,
          const char  *name,
          char       **values)
{
  if (values == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Returns: (transfer full) a JSON node of @query. */
static JsonNode *
query_to_node (const KocSearchQuery *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  json_builder_begin_object (builder);
  add_string (builder, "text", query->text);
  add_strv (builder, "platforms", query->platforms);
  add_strv (builder, "tiers", query->tiers);
  json_builder_set_member_name (builder, "min_followers");
  json_builder_add_int_value (builder, query->min_followers);
  json_builder_set_member_name (builder, "max_followers");
  json_builder_add_int_value (builder, query->max_followers);
  json_builder_set_member_name (builder, "min_engagement");
  json_builder_add_double_value (builder, query->min_engagement);
  json_builder_set_member_name (builder, "max_engagement");
  json_builder_add_double_value (builder, query->max_engagement);
  json_builder_set_member_name (builder, "active_days");
  json_builder_add_int_value (builder, query->active_since > 0 ? (now - query->active_since + DAY / 2) / DAY : 0);
  add_string (builder, "stage", query->stage);
  add_string (builder, "region", query->region);
  add_string (builder, "category", query->category);
  add_string (builder, "owner", query->owner);
  json_builder_set_member_name (builder, "brand_id");
  json_builder_add_int_value (builder, query->brand_id);
  json_builder_set_member_name (builder, "sentiment");
  json_builder_add_int_value (builder, query->sentiment);
  add_strv (builder, "tags", query->tags);
  json_builder_set_member_name (builder, "engagement");
  json_builder_add_int_value (builder, query->engagement);
  json_builder_set_member_name (builder, "sort");
  json_builder_add_int_value (builder, query->sort);
  json_builder_set_member_name (builder, "ascending");
  json_builder_add_boolean_value (builder, query->ascending);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char **
get_strv (JsonObject *object,
          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)))
      g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return json_array_get_length (array) > 0 ? g_strv_builder_end (builder) : NULL;
}

static char *
get_string (JsonObject *object,
            const char *name)
{
  return g_strdup (json_object_get_string_member_with_default (object, name, NULL));
}

KocSearchQuery *
_koc_discover_query_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  KocSearchQuery *query;
  JsonObject *object;
  gint64 days;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  query = koc_search_query_new ();
  query->text = get_string (object, "text");
  query->platforms = get_strv (object, "platforms");
  query->tiers = get_strv (object, "tiers");
  query->min_followers = json_object_get_int_member_with_default (object, "min_followers", -1);
  query->max_followers = json_object_get_int_member_with_default (object, "max_followers", -1);
  query->min_engagement = json_object_get_double_member_with_default (object, "min_engagement", -1);
  query->max_engagement = json_object_get_double_member_with_default (object, "max_engagement", -1);
  days = json_object_get_int_member_with_default (object, "active_days", 0);
  query->active_since = days > 0 ? g_get_real_time () / G_USEC_PER_SEC - days * DAY : 0;
  query->stage = get_string (object, "stage");
  query->region = get_string (object, "region");
  query->category = get_string (object, "category");
  query->owner = get_string (object, "owner");
  query->brand_id = json_object_get_int_member_with_default (object, "brand_id", 0);
  query->sentiment = CLAMP (json_object_get_int_member_with_default (object, "sentiment", 0),
                            KOC_SENTIMENT_ANY, KOC_SENTIMENT_NEGATIVE);
  query->tags = get_strv (object, "tags");
  query->engagement = CLAMP (json_object_get_int_member_with_default (object, "engagement", 0),
                             KOC_ENGAGEMENT_BY_FOLLOWERS, KOC_ENGAGEMENT_INTERACTIONS);
  query->sort = CLAMP (json_object_get_int_member_with_default (object, "sort", KOC_SEARCH_SORT_SCORE),
                       KOC_SEARCH_SORT_RELEVANCE, KOC_SEARCH_SORT_NAME);
  query->ascending = json_object_get_boolean_member_with_default (object, "ascending", FALSE);
  return query;
}

/* The fields of a saved_search upsert: {"name": …, "query": {…}} (either may be absent). */
static char *
saved_fields (const char           *name,
              const KocSearchQuery *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  if (query != NULL)
    {
      json_builder_set_member_name (builder, "query");
      json_builder_add_value (builder, query_to_node (query));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

typedef struct
{
  GPtrArray *uids;
  GPtrArray *names;
  GPtrArray *queries;
} Saved;

static void
saved_free (gpointer data)
{
  Saved *saved = data;

  g_ptr_array_unref (saved->uids);
  g_ptr_array_unref (saved->names);
  g_ptr_array_unref (saved->queries);
  g_free (saved);
}

static gboolean
load_saved_func (sqlite3       *db,
                 gpointer       data,
                 gpointer      *result,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Saved *saved = g_new0 (Saved, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  saved->uids = g_ptr_array_new_with_free_func (g_free);
  saved->names = g_ptr_array_new_with_free_func (g_free);
  saved->queries = g_ptr_array_new_with_free_func (g_free);
  if (!koc_db_prepare (db, "SELECT uid, name, query FROM saved_searches ORDER BY name COLLATE NOCASE",
                       &stmt, error))
    {
      saved_free (saved);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stored = (const char *) sqlite3_column_text (stmt, 2);
      g_autoptr(GError) local_error = NULL;
      char *query = NULL;

      g_ptr_array_add (saved->uids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (saved->names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      /* The brand filter by this workspace's id (stored by uid: koc-saved-search.h). */
      if (stored != NULL && (query = koc_saved_search_from_stored (db, stored, &local_error)) == NULL)
        g_debug ("Saved search kept as it is: %s", local_error->message);
      g_ptr_array_add (saved->queries, query != NULL ? query : g_strdup (stored));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      saved_free (saved);
      return koc_db_set_error (db, rc, _("Could not read the saved searches"), error);
    }
  *result = saved;
  return TRUE;
}

static void
saved_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer out = NULL;
  Saved *saved;

  if (!koc_store_run_finish (KOC_STORE (source), result, &out, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the saved searches: %s", error->message);
      return;
    }
  saved = out;
  g_clear_pointer (&self->saved_uids, g_ptr_array_unref);
  g_clear_pointer (&self->saved_queries, g_ptr_array_unref);
  self->saved_uids = g_ptr_array_ref (saved->uids);
  self->saved_queries = g_ptr_array_ref (saved->queries);
  g_menu_remove_all (self->saved_menu);
  /* Each saved search: a submenu to apply, rename or delete it. */
  for (guint i = 0; i < saved->uids->len; i++)
    {
      g_autoptr(GMenu) submenu = g_menu_new ();
      g_autoptr(GMenuItem) apply = g_menu_item_new (_("Apply"), NULL);
      g_autoptr(GMenuItem) rename = g_menu_item_new (_("Rename…"), NULL);
      g_autoptr(GMenuItem) delete = g_menu_item_new (_("Delete"), NULL);

      g_menu_item_set_action_and_target (apply, "discover.apply-saved", "s", saved->uids->pdata[i]);
      g_menu_item_set_action_and_target (rename, "discover.rename-saved-dialog", "s", saved->uids->pdata[i]);
      g_menu_item_set_action_and_target (delete, "discover.delete-saved", "s", saved->uids->pdata[i]);
      g_menu_append_item (submenu, apply);
      g_menu_append_item (submenu, rename);
      g_menu_append_item (submenu, delete);
      g_menu_append_submenu (self->saved_menu, saved->names->pdata[i], G_MENU_MODEL (submenu));
    }
  gtk_widget_set_tooltip_text (self->saved_button, saved->uids->len > 0 ? _("Saved searches")
                               : _("Saved searches: none yet"));
  self->n_saved_loads++;
  saved_free (saved);
}

void
_koc_discover_load_saved (KocDiscoverPane *self)
{
  if (self->store == NULL)
    return;
  koc_store_run_async (self->store, load_saved_func, NULL, NULL, saved_free, self->store_cancellable,
                       saved_loaded_cb, g_object_ref (self));
}

static void
toast (KocDiscoverPane *self,
       AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
edited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = koc_sync_enqueue_finish (KOC_STORE (source), result, &error);

  if (client_id == NULL)
    toast (self, adw_toast_new (error->message));
  _koc_discover_load_saved (self);
}

typedef struct
{
  char *uid;
  char *fields;
} SavedEdit;

static void
saved_edit_free (gpointer data)
{
  SavedEdit *edit = data;

  g_free (edit->uid);
  g_free (edit->fields);
  g_free (edit);
}

/* On the worker: the brand filter is stored by the brand's uid (koc-saved-search.h). */
static gboolean
upsert_saved_func (sqlite3       *db,
                   gpointer       data,
                   gpointer      *result,
                   GCancellable  *cancellable,
                   GError       **error)
{
  SavedEdit *edit = data;

  return (*result = koc_saved_search_enqueue (db, edit->uid, edit->fields, error)) != NULL;
}

static void
upserted_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &client_id, &error))
    toast (self, adw_toast_new (error->message));
  _koc_discover_load_saved (self);
}

static void
edit_saved (KocDiscoverPane *self,
            const char      *uid,
            const char      *op,
            const char      *fields)
{
  SavedEdit *edit;

  if (self->store == NULL)
    return;
  if (g_strcmp0 (op, "upsert") != 0)
    {
      koc_sync_enqueue_async (self->store, "saved_search", uid, op, fields, NULL, edited_cb, g_object_ref (self));
      return;
    }
  edit = g_new0 (SavedEdit, 1);
  edit->uid = g_strdup (uid);
  edit->fields = g_strdup (fields);
  koc_store_write_async (self->store, upsert_saved_func, edit, saved_edit_free, g_free, NULL,
                         upserted_cb, g_object_ref (self));
}

static int
saved_index (KocDiscoverPane *self,
             const char      *uid)
{
  for (guint i = 0; self->saved_uids != NULL && i < self->saved_uids->len; i++)
    if (g_str_equal (self->saved_uids->pdata[i], uid))
      return i;
  return -1;
}

static void
save_search_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);
  g_autofree char *name = g_strstrip (g_strdup (g_variant_get_string (param, NULL)));
  g_autofree char *uid = NULL;
  g_autofree char *fields = NULL;
  GMenuModel *menu = G_MENU_MODEL (self->saved_menu);

  if (*name == '\0' || self->query == NULL)
    return;
  /* The same name saves over the old search. */
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_str_equal (label, name))
        uid = g_strdup (self->saved_uids->pdata[i]);
    }
  if (uid == NULL)
    uid = g_strdup_printf ("%08x%08x%08x%08x", g_random_int (), g_random_int (), g_random_int (), g_random_int ());
  fields = saved_fields (name, self->query);
  edit_saved (self, uid, "upsert", fields);
  {
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

    toast (self, adw_toast_new (text));
  }
}

static void
apply_saved_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);
  int index = saved_index (self, g_variant_get_string (param, NULL));
  g_autoptr(KocSearchQuery) query = NULL;

  if (index < 0 || (query = _koc_discover_query_from_json (self->saved_queries->pdata[index])) == NULL)
    return;
  self->user_sorted = TRUE;
  self->sort = query->sort;
  self->ascending = query->ascending;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query->text != NULL ? query->text : "");
  koc_discover_filters_set_query (self->filters, query);
  _koc_discover_set_engagement (self, query->engagement);
  _koc_discover_start_search (self);
}

static void
rename_saved_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);
  const char *uid = NULL, *name = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *clean = NULL;

  g_variant_get (param, "(&s&s)", &uid, &name);
  clean = g_strstrip (g_strdup (name));
  if (saved_index (self, uid) < 0 || *clean == '\0')
    return;
  fields = saved_fields (clean, NULL);
  edit_saved (self, uid, "upsert", fields);
}

static void
delete_saved_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);
  const char *uid = g_variant_get_string (param, NULL);
  int index = saved_index (self, uid);
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  AdwToast *undo_toast;

  if (index < 0)
    return;
  g_menu_model_get_item_attribute (G_MENU_MODEL (self->saved_menu), index, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  /* What the undo re-creates: the same uid, name and query. */
  g_free (self->deleted_saved_uid);
  self->deleted_saved_uid = g_strdup (uid);
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (builder);
    add_string (builder, "name", label != NULL ? label : "");
    json_builder_set_member_name (builder, "query");
    if (json_parser_load_from_data (parser, self->saved_queries->pdata[index], -1, NULL))
      json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
    else
      json_builder_add_null_value (builder);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    json_generator_set_root (generator, root);
    g_free (self->deleted_saved_fields);
    self->deleted_saved_fields = json_generator_to_data (generator, NULL);
  }
  edit_saved (self, uid, "delete", NULL);

  text = g_strdup_printf (_("Deleted “%s”"), label != NULL ? label : "");
  undo_toast = adw_toast_new (text);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_action_name (undo_toast, "discover.undo-delete-saved");
  toast (self, undo_toast);
}

static void
undo_delete_saved_activated (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);

  if (self->deleted_saved_uid == NULL)
    return;
  edit_saved (self, self->deleted_saved_uid, "upsert", self->deleted_saved_fields);
  g_clear_pointer (&self->deleted_saved_uid, g_free);
  g_clear_pointer (&self->deleted_saved_fields, g_free);
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *uid = g_object_get_data (G_OBJECT (dialog), "uid");

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (uid != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "discover.rename-saved", "(ss)", uid,
                                gtk_editable_get_text (entry));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "discover.save-search", "s", gtk_editable_get_text (entry));
}

/* A name for the current search (@uid NULL) or a new name for a saved one. */
static void
ask_name (KocDiscoverPane *self,
          const char      *uid,
          const char      *current)
{
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   uid != NULL ? _("Rename Saved Search") : _("Save Search"),
                                   uid != NULL ? NULL : _("Saves the search text, the filters, the engagement"
                                                          " figure and the order, and syncs them with the workspace."));
  gtk_editable_set_text (GTK_EDITABLE (entry), current != NULL ? current : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name, e.g. Shanghai skincare advocates"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", uid != NULL ? _("_Rename") : _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "uid", g_strdup (uid), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_search_dialog_activated (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  ask_name (KOC_DISCOVER_PANE (user_data), NULL, NULL);
}

static void
rename_saved_dialog_activated (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);
  const char *uid = g_variant_get_string (param, NULL);
  int index = saved_index (self, uid);
  g_autofree char *label = NULL;

  if (index < 0)
    return;
  g_menu_model_get_item_attribute (G_MENU_MODEL (self->saved_menu), index, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  ask_name (self, uid, label);
}

void
_koc_discover_saved_init (KocDiscoverPane *self)
{
  static const GActionEntry entries[] = {
    { "save-search", save_search_activated, "s" },
    { "apply-saved", apply_saved_activated, "s" },
    { "rename-saved", rename_saved_activated, "(ss)" },
    { "delete-saved", delete_saved_activated, "s" },
    { "undo-delete-saved", undo_delete_saved_activated },
    { "save-search-dialog", save_search_dialog_activated },
    { "rename-saved-dialog", rename_saved_dialog_activated, "s" },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  self->saved_menu = g_menu_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  {
  g_autoptr(GMenu) actions = g_menu_new ();

  g_menu_append_section (menu, _("Saved Searches"), G_MENU_MODEL (self->saved_menu));
  g_menu_append (actions, _("Save Current Search…"), "discover.save-search-dialog");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "starred-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Saved searches"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Saved searches"), -1);
  gtk_box_insert_child_after (GTK_BOX (self->toolbar), button, GTK_WIDGET (self->filter_button));
  self->saved_button = button;
}
