/* koc-people-pane.c: the People pane: the list of people (searchable, by score or by
 * name, paged like Discover) beside the profile of the selected person.
 *
 * States: "empty" (a workspace without people: the honest empty state), else the list
 * ("list" or "no-results") and the profile ("none" before a selection, "profile").
 * The list's pages are in koc-people-query.c, its rows in koc-people-rows.c, the
 * profile in koc-people-profile*.c.
 *
 * Keyboard: arrows move in the list and open the person under the focus, Enter moves
 * the focus into the profile, typing goes to the search. Ctrl+F is an application
 * accelerator owned by Discover ("discover.focus-search", which brings Discover
 * forward): while this pane is mapped (People is the visible pane) the accelerator is
 * lent to "people.focus-search" and given back when it is unmapped.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-format.h"
#include "koc-people-pane-private.h"

G_DEFINE_FINAL_TYPE (KocPeoplePane, koc_people_pane, GTK_TYPE_WIDGET)

#define DISCOVER_FIND "discover.focus-search"
#define PEOPLE_FIND "people.focus-search"

static void
update_count_label (KocPeoplePane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  if (self->count >= 0)
    {
      number = koc_format_grouped (self->count);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", self->count), number);
    }
  else if (n > 0)
    {
      number = koc_format_grouped (n);
      /* Translators: shown while the total is being counted, e.g. "50+ people" */
      text = g_strdup_printf (self->has_more ? _("%s+ people") : g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", n),
                              number);
    }
  gtk_label_set_label (self->count_label, text != NULL ? text : "");
}

static guint
find_person (KocPeoplePane *self,
             gint64         person_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KocPeopleItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      if (koc_people_item_get_person_id (item) == person_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
_koc_people_update_state (KocPeoplePane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  gboolean busy = self->busy > 0 || koc_people_profile_is_busy (self->profile);

  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy > 0);
  update_count_label (self);
  (void) busy;

  if (self->store == NULL || self->n_people == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, "people");

  /* The row of a person opened by id, once its page is there. */
  if (self->pending_person > 0)
    {
      guint position = find_person (self, self->pending_person);

      if (position != GTK_INVALID_LIST_POSITION)
        {
          self->selecting = TRUE;
          gtk_single_selection_set_selected (self->selection, position);
          self->selecting = FALSE;
          self->pending_person = 0;
        }
    }

  if (n > 0 || self->busy > 0 || self->query == NULL)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (self->query->text != NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("No name or handle contains “%s”."), self->query->text);

      adw_status_page_set_title (self->no_results_page, _("No Match"));
      adw_status_page_set_description (self->no_results_page, description);
    }
  gtk_stack_set_visible_child_name (self->list_stack, "no-results");
}

static void
open_person (KocPeoplePane *self,
             gint64         person_id)
{
  gtk_stack_set_visible_child_name (self->profile_stack, "profile");
  if (koc_people_profile_get_person_id (self->profile) != person_id)
    koc_people_profile_load (self->profile, person_id);
}

static void
selection_changed_cb (KocPeoplePane *self)
{
  KocPeopleItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->selecting || item == NULL)
    return;
  open_person (self, koc_people_item_get_person_id (item));
}

static void
row_activated_cb (KocPeoplePane *self,
                  guint          position)
{
  g_autoptr(KocPeopleItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (item == NULL)
    return;
  open_person (self, koc_people_item_get_person_id (item));
  /* Enter opens: on to the profile, where Tab goes through its controls. */
  gtk_widget_child_focus (GTK_WIDGET (self->profile), GTK_DIR_TAB_FORWARD);
}

static void
scrolled_cb (KocPeoplePane *self,
             GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_upper (adjustment) - (value + page) < page)
    _koc_people_load_more (self);
}

static void
search_changed_cb (KocPeoplePane *self)
{
  _koc_people_start_search (self);
}

static void
sort_changed_cb (KocPeoplePane *self)
{
  _koc_people_start_search (self);
}

static void
search_activated_cb (KocPeoplePane *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
stop_search_cb (KocPeoplePane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* people.refresh: the list again (after a split or its undo in the profile). */
static void
refresh_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  _koc_people_start_search (user_data);
}

static void
profile_changed_cb (KocPeoplePane *self)
{
  _koc_people_update_state (self);
}

static void
people_counted_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KocPeoplePane) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  if (!koc_store_count_finish (KOC_STORE (source), result, &n, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the people: %s", error->message);
      return;
    }
  if (KOC_STORE (source) != self->store)
    return;
  self->n_people = n;
  _koc_people_update_state (self);
}

static void
focus_search_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  KocPeoplePane *self = KOC_PEOPLE_PANE (user_data);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-pane", "s", "people");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static GtkApplication *
get_application (KocPeoplePane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
}

/* People is showing: Ctrl+F searches people. */
static void
koc_people_pane_map (GtkWidget *widget)
{
  KocPeoplePane *self = KOC_PEOPLE_PANE (widget);
  GtkApplication *app = get_application (self);

  GTK_WIDGET_CLASS (koc_people_pane_parent_class)->map (widget);

  if (app != NULL && self->saved_find_accels == NULL)
    {
      static const char * const none[] = { NULL };

      self->saved_find_accels = gtk_application_get_accels_for_action (app, DISCOVER_FIND);
      if (self->saved_find_accels != NULL && self->saved_find_accels[0] != NULL)
        {
          gtk_application_set_accels_for_action (app, DISCOVER_FIND, none);
          gtk_application_set_accels_for_action (app, PEOPLE_FIND, (const char * const *) self->saved_find_accels);
        }
    }
}

static void
give_back_find (KocPeoplePane *self)
{
  GtkApplication *app = get_application (self);
  static const char * const none[] = { NULL };

  if (self->saved_find_accels == NULL)
    return;
  if (app != NULL && self->saved_find_accels[0] != NULL)
    {
      gtk_application_set_accels_for_action (app, PEOPLE_FIND, none);
      gtk_application_set_accels_for_action (app, DISCOVER_FIND, (const char * const *) self->saved_find_accels);
    }
  g_clear_pointer (&self->saved_find_accels, g_strfreev);
}

static void
koc_people_pane_unmap (GtkWidget *widget)
{
  give_back_find (KOC_PEOPLE_PANE (widget));

  GTK_WIDGET_CLASS (koc_people_pane_parent_class)->unmap (widget);
}

static void
koc_people_pane_root (GtkWidget *widget)
{
  KocPeoplePane *self = KOC_PEOPLE_PANE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (koc_people_pane_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WIDGET (root) && GTK_WIDGET (root) != widget)
    gtk_widget_insert_action_group (GTK_WIDGET (root), "people", G_ACTION_GROUP (self->actions));
}

static void
koc_people_pane_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  give_back_find (KOC_PEOPLE_PANE (widget));
  if (GTK_IS_WIDGET (root) && GTK_WIDGET (root) != widget)
    gtk_widget_insert_action_group (GTK_WIDGET (root), "people", NULL);

  GTK_WIDGET_CLASS (koc_people_pane_parent_class)->unroot (widget);
}

static void
koc_people_pane_dispose (GObject *object)
{
  KocPeoplePane *self = (KocPeoplePane *)object;

  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->store_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_PEOPLE_PANE);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->store_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->results);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (koc_people_pane_parent_class)->dispose (object);
}

static void
koc_people_pane_finalize (GObject *object)
{
  KocPeoplePane *self = (KocPeoplePane *)object;

  g_clear_pointer (&self->query, koc_people_query_free);
  g_clear_pointer (&self->saved_find_accels, g_strfreev);

  G_OBJECT_CLASS (koc_people_pane_parent_class)->finalize (object);
}

static void
koc_people_pane_class_init (KocPeoplePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_people_pane_dispose;
  object_class->finalize = koc_people_pane_finalize;
  widget_class->map = koc_people_pane_map;
  widget_class->unmap = koc_people_pane_unmap;
  widget_class->root = koc_people_pane_root;
  widget_class->unroot = koc_people_pane_unroot;

  g_type_ensure (KOC_TYPE_PEOPLE_PROFILE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "peoplepane");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-people-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, count_label);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, spinner);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, list_view);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, profile_stack);
  gtk_widget_class_bind_template_child (widget_class, KocPeoplePane, profile);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
koc_people_pane_init (KocPeoplePane *self)
{
  static const GActionEntry entries[] = {
    { "focus-search", focus_search_activated },
    { "refresh", refresh_activated },
  };
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->n_people = -1;
  self->count = -1;
  self->results = g_list_store_new (KOC_TYPE_PEOPLE_ITEM);
  self->search_cancellable = g_cancellable_new ();
  self->store_cancellable = g_cancellable_new ();

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "people", G_ACTION_GROUP (self->actions));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection); /* the view holds it */
  factory = _koc_people_row_factory_new ();
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profile, "changed",
                           G_CALLBACK (profile_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->list_scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->sidebar);
  _koc_people_update_state (self);
}

void
koc_people_pane_set_store (KocPeoplePane *self,
                           KocStore      *store)
{
  g_return_if_fail (KOC_IS_PEOPLE_PANE (self));
  g_return_if_fail (!store || KOC_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_cancellable_cancel (self->store_cancellable);
  g_clear_object (&self->store_cancellable);
  self->store_cancellable = g_cancellable_new ();
  self->n_people = -1;
  self->pending_person = 0;
  g_list_store_remove_all (self->results);
  gtk_stack_set_visible_child_name (self->profile_stack, "none");
  koc_people_profile_set_store (self->profile, store);

  if (store != NULL)
    {
      /* Only the people: the summary would count the posts too. */
      koc_store_count_async (store, "people", self->store_cancellable, people_counted_cb, g_object_ref (self));
      /* Setting the text re-queries only when it changes. */
      if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      else
        _koc_people_start_search (self);
    }
  else
    {
      g_cancellable_cancel (self->search_cancellable);
      g_clear_pointer (&self->query, koc_people_query_free);
      self->busy = 0;
    }
  _koc_people_update_state (self);
}

void
koc_people_pane_show_person (KocPeoplePane *self,
                             gint64         person_id)
{
  guint position;

  g_return_if_fail (KOC_IS_PEOPLE_PANE (self));

  if (self->store == NULL || person_id <= 0)
    return;
  position = find_person (self, person_id);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
  self->pending_person = position == GTK_INVALID_LIST_POSITION ? person_id : 0;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  open_person (self, person_id);
}

GListModel *
koc_people_pane_get_results (KocPeoplePane *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_PANE (self), NULL);

  return G_LIST_MODEL (self->results);
}

const KocPeopleQuery *
koc_people_pane_get_query (KocPeoplePane *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_PANE (self), NULL);

  return self->query;
}

gboolean
koc_people_pane_is_busy (KocPeoplePane *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_PANE (self), FALSE);

  return self->busy > 0 || koc_people_profile_is_busy (self->profile);
}

gint64
koc_people_pane_get_count (KocPeoplePane *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_PANE (self), -1);

  return self->count;
}

GtkWidget *
koc_people_pane_get_profile (KocPeoplePane *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_PANE (self), NULL);

  return GTK_WIDGET (self->profile);
}
