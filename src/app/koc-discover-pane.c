/* koc-discover-pane.c: the Discover pane: search the workspace's accounts.
 *
 * The pane holds the search entry, the filters (an AdwFlap side panel, F9), the
 * result list and its states: "results", "no-results" and "empty" (a workspace
 * without accounts). The queries themselves are in koc-discover-query.c and the
 * columns' cells in koc-discover-cells.c. Results come in pages of
 * KOC_DISCOVER_PAGE_SIZE rows, the next page when the list is scrolled within a
 * screen of its end.
 *
 * Sorting is the store's: a click on a column header re-queries with that column's
 * KocSearchSort, so 100k accounts are never sorted in the UI. GTK 4.8 has no API to
 * read which column a GtkColumnView is sorted by, so each sortable column has a
 * GtkCustomSorter that only records that it was asked (see read_sort()).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-format.h"
#include "koc-discover-pane-private.h"
#include "koc-score.h"

G_DEFINE_FINAL_TYPE (KocDiscoverPane, koc_discover_pane, GTK_TYPE_WIDGET)

typedef struct
{
  KocDiscoverPane     *self;
  GtkColumnViewColumn *column;   /* unowned: the column owns the sorter owning this */
  KocSearchSort        key;
} SortProbe;


static void
update_count_label (KocDiscoverPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;

  if (self->count >= 0)
    {
      number = koc_format_grouped (self->count);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account", "%s accounts", self->count), number);
    }
  else if (n > 0)
    {
      number = koc_format_grouped (n);
      /* Translators: shown while the total is being counted, e.g. "50+ accounts" */
      text = g_strdup_printf (self->has_more ? _("%s+ accounts") : g_dngettext (GETTEXT_PACKAGE, "%s account", "%s accounts", n),
                              number);
    }
  gtk_label_set_label (self->count_label, text != NULL ? text : "");
}

static void schedule_rest (KocDiscoverPane *self);

void
_koc_discover_update_state (KocDiscoverPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  gboolean filtered = koc_discover_filters_is_active (self->filters);
  gboolean empty;

  schedule_rest (self);

  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy > 0);
  update_count_label (self);
  _koc_discover_remote_update (self);

  /* Nothing to search or filter in an empty workspace: only its empty state shows.
   * Without a workspace (while one opens at start-up) the pane keeps its layout, blank
   * and insensitive: no "no accounts" flash before the first page, and the first frame
   * is not spent laying out a status page that the next one replaces. */
  empty = self->store != NULL && self->n_accounts == 0;
  /* The entry is about to turn insensitive: let it lose the focus properly. */
  if ((empty || self->store == NULL) && gtk_widget_get_focus_child (self->toolbar) != NULL &&
      gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);
  gtk_widget_set_visible (self->filters_scroller, !empty);
  gtk_widget_set_visible (self->legend_label, !empty);
  gtk_widget_set_sensitive (self->toolbar, !empty && self->store != NULL);
  if (empty)
    {
      gtk_label_set_label (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* Until the count says whether the workspace has accounts at all, an empty first
   * page is not "no results" yet. */
  if (n > 0 || self->busy > 0 || self->query == NULL || self->n_accounts < 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "results");
      return;
    }

  if (self->query->text != NULL)
    {
      g_autofree char *description =
        g_strdup_printf (filtered ? _("No account matches “%s” with these filters. Try fewer filters or other words.")
                                  : _("No account, bio or post matches “%s”. Try other words, a product name or a handle."),
                         self->query->text);
      adw_status_page_set_description (self->no_results_page, description);
    }
  else
    {
      adw_status_page_set_description (self->no_results_page,
                                       _("No account matches these filters. Try fewer filters."));
    }
  adw_status_page_set_title (self->no_results_page, _("No Results"));
  gtk_widget_set_visible (self->reset_button, filtered);
  gtk_stack_set_visible_child_name (self->stack, "no-results");
}

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SortProbe *probe = user_data;

  if (probe->self->probe_key < 0)
    {
      probe->self->probe_key = probe->key;
      probe->self->probe_column = probe->column;
    }
  return GTK_ORDERING_SMALLER;
}

/* Which column the view is sorted by, and in which direction: the view's sorter asks
 * its primary column's sorter first, and inverts its answer when descending. */
static gboolean
read_sort (KocDiscoverPane *self,
           KocSearchSort   *sort,
           gboolean        *ascending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probe_key = -1;
  order = gtk_sorter_compare (sorter, self->probe_items[0], self->probe_items[1]);
  if (self->probe_key < 0)
    return FALSE;
  *sort = self->probe_key;
  *ascending = order == GTK_ORDERING_SMALLER;
  return TRUE;
}


static void
scrolled_cb (KocDiscoverPane *self,
             GtkAdjustment   *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_upper (adjustment) - (value + page) < page)
    _koc_discover_load_more (self);
}

static gboolean
fill_idle_cb (gpointer data)
{
  KocDiscoverPane *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);

  self->fill_idle = 0;
  if (page > 0 && gtk_adjustment_get_upper (adjustment) <= page)
    _koc_discover_load_more (self);
  return G_SOURCE_REMOVE;
}

/* Rows that do not fill the list cannot be scrolled, so the next page comes without
 * scrolling (a window taller than the first page). Checked after the layout that
 * changed the adjustment, not inside it. */
static void
adjustment_changed_cb (KocDiscoverPane *self,
                       GtkAdjustment   *adjustment)
{
  double page = gtk_adjustment_get_page_size (adjustment);

  if (self->has_more && self->fill_idle == 0 && page > 0 && gtk_adjustment_get_upper (adjustment) <= page)
    self->fill_idle = g_idle_add (fill_idle_cb, self);
}

static void
search_changed_cb (KocDiscoverPane *self)
{
  _koc_discover_start_search (self);
}

static void
filters_changed_cb (KocDiscoverPane *self)
{
  _koc_discover_start_search (self);
}

static void
search_activated_cb (KocDiscoverPane *self)
{
  /* Enter in the entry: on to the results, where arrows and Enter work. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

static void
stop_search_cb (KocDiscoverPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Shows @column (or none) as the one sort column. gtk_column_view_sort_by_column()
 * keeps earlier columns as secondary keys, with their arrows, and clearing it with
 * NULL leaves stale arrows in GTK 4.8; taking each sorter away and back resets a
 * column's title. */
void
_koc_discover_show_sort (KocDiscoverPane     *self,
                         GtkColumnViewColumn *column,
                         GtkSortType          direction)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  self->setting_sort = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) each = g_list_model_get_item (columns, i);
      g_autoptr(GtkSorter) sorter = NULL;

      if (gtk_column_view_column_get_sorter (each) == NULL)
        continue;
      sorter = g_object_ref (gtk_column_view_column_get_sorter (each));
      gtk_column_view_column_set_sorter (each, NULL);
      gtk_column_view_column_set_sorter (each, sorter);
    }
  if (column != NULL)
    gtk_column_view_sort_by_column (self->column_view, column, direction);
  self->setting_sort = FALSE;
}

static void
sorter_changed_cb (KocDiscoverPane *self)
{
  if (self->setting_sort)
    return;
  self->user_sorted = read_sort (self, &self->sort, &self->ascending);

  /* The store sorts by one column: earlier clicks must not keep their arrows. */
  if (self->user_sorted)
    _koc_discover_show_sort (self, self->probe_column,
                             self->ascending ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
  _koc_discover_start_search (self);
}

static void
row_activated_cb (KocDiscoverPane *self,
                  guint            position)
{
  g_autoptr(KocAccountItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (item == NULL)
    return;
  /* Point at the activated row, which has the focus after Enter or a double click. */
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    focus = NULL;
  _koc_discover_show_details (self, item, focus);
}

static void
accounts_counted_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  if (!koc_store_count_finish (KOC_STORE (source), result, &n, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the accounts: %s", error->message);
      return;
    }
  self->n_accounts = n;
  _koc_discover_update_state (self);
}

static void
focus_search_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);

  /* From another pane, Ctrl+F brings Discover forward first. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-pane", "s", "discover");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
rescored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KocDiscoverPane) self = user_data;
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  if (!koc_score_recompute_finish (KOC_STORE (source), result, &n, &error))
    {
      /* A read-only workspace keeps its scores; anything else is worth a note. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not rescore the changed people: %s", error->message);
      return;
    }
  g_debug ("rescored %" G_GUINT64_FORMAT " changed people", n);
  if (n > 0 && KOC_STORE (source) == self->store)
    _koc_discover_start_search (self);
}

/* People whose posts, snapshots or redemptions changed since (an import, a sync) get
 * their scores recomputed on the worker (koc-score.h, score_dirty); then the list. */
static void
rescore_changed (KocDiscoverPane *self)
{
  if (self->store != NULL && !koc_store_is_read_only (self->store))
    koc_score_recompute_async (self->store, KOC_SCORE_SCOPE_DIRTY, NULL, NULL, NULL,
                               self->store_cancellable, rescored_cb, g_object_ref (self));
}

/* The filter choices, the saved searches and a rescore of what changed: asked for after
 * the frame that shows a new workspace's first results, so that their answers (~6 ms
 * of UI-thread time for the dropdowns' lists) never delay that frame. */
static void
load_rest (KocDiscoverPane *self)
{
  if (!self->rest_pending || self->store == NULL)
    return;
  self->rest_pending = FALSE;
  koc_discover_filters_load_choices (self->filters);
  _koc_discover_load_saved (self);
  rescore_changed (self);
}

static void
load_rest_after_paint_cb (GdkFrameClock   *clock,
                          KocDiscoverPane *self)
{
  g_signal_handlers_disconnect_by_func (clock, load_rest_after_paint_cb, self);
  load_rest (self);
}

static void
schedule_rest (KocDiscoverPane *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!self->rest_pending || self->busy > 0)
    return;
  /* Not shown (another pane is, or no window yet): nothing to wait for. */
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_rest (self);
  else if (g_signal_handler_find (clock, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                  load_rest_after_paint_cb, self) == 0)
    {
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (load_rest_after_paint_cb), self, 0);
      /* A frame comes anyway when the results changed; this makes sure of it. */
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
    }
}

/* After the scores or the data changed elsewhere (Preferences, an import): search again. */
static void
refresh_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);

  if (self->store != NULL)
    {
      rescore_changed (self);
      _koc_discover_start_search (self);
    }
}

static void
toggle_filters_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (user_data);

  gtk_toggle_button_set_active (self->filter_button, !gtk_toggle_button_get_active (self->filter_button));
}

static void
reset_filters_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  koc_discover_filters_reset (KOC_DISCOVER_PANE (user_data)->filters);
}

/* GtkColumnViewColumn has no tooltip: the header buttons get the formulas. They are
 * the header row's children, in column order. */
void
_koc_discover_update_header_tooltips (KocDiscoverPane *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GtkWidget *title = header != NULL ? gtk_widget_get_first_child (header) : NULL;

  for (guint i = 0; title != NULL && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (column == self->engagement_column)
        gtk_widget_set_tooltip_text (title, _koc_discover_engagement_formula (self->engagement));
      else if (column == self->score_column)
        gtk_widget_set_tooltip_text (title, _("KOC score, 0–100: engagement within the follower tier, brand affinity, authenticity, conversion and recency. Use the info button in a row to see why."));
      else if (column == self->mentions_column)
        gtk_widget_set_tooltip_text (title, _("Posts that mention your brands"));
      title = gtk_widget_get_next_sibling (title);
    }
}

static void
add_sorter (KocDiscoverPane     *self,
            GtkColumnViewColumn *column,
            KocSearchSort        key)
{
  SortProbe *probe = g_new0 (SortProbe, 1);
  g_autoptr(GtkSorter) sorter = NULL;

  probe->self = self;
  probe->column = column;
  probe->key = key;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, probe, g_free));
  gtk_column_view_column_set_sorter (column, sorter);
}

static void
koc_discover_pane_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (widget);

  gtk_widget_measure (GTK_WIDGET (self->flap), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
koc_discover_pane_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (widget);

  gtk_widget_allocate (GTK_WIDGET (self->flap), width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

/* The application's accelerators (Ctrl+F, F9) resolve actions from the focus widget
 * up. Class actions of the pane would only be found while the focus is inside it, so
 * the "discover" group is also put on the window: Ctrl+F works from any pane. */
static void
koc_discover_pane_root (GtkWidget *widget)
{
  KocDiscoverPane *self = KOC_DISCOVER_PANE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (koc_discover_pane_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WIDGET (root) && GTK_WIDGET (root) != widget)
    gtk_widget_insert_action_group (GTK_WIDGET (root), "discover", G_ACTION_GROUP (self->actions));
}

static void
koc_discover_pane_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WIDGET (root) && GTK_WIDGET (root) != widget)
    gtk_widget_insert_action_group (GTK_WIDGET (root), "discover", NULL);

  GTK_WIDGET_CLASS (koc_discover_pane_parent_class)->unroot (widget);
}

static void
koc_discover_pane_dispose (GObject *object)
{
  KocDiscoverPane *self = (KocDiscoverPane *)object;

  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->store_cancellable);
  g_clear_handle_id (&self->fill_idle, g_source_remove);
  /* Taking the columns away changes the view's sorter: that is no new query. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_DISCOVER_PANE);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->store_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->results);
  g_clear_object (&self->campaign_menu);
  g_clear_pointer (&self->last_undo, g_ptr_array_unref);
  g_clear_object (&self->saved_menu);
  g_clear_pointer (&self->saved_uids, g_ptr_array_unref);
  g_clear_pointer (&self->saved_queries, g_ptr_array_unref);
  g_clear_pointer (&self->deleted_saved_uid, g_free);
  g_clear_pointer (&self->deleted_saved_fields, g_free);
  g_clear_object (&self->probe_items[0]);
  g_clear_object (&self->probe_items[1]);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (koc_discover_pane_parent_class)->dispose (object);
}

static void
koc_discover_pane_finalize (GObject *object)
{
  KocDiscoverPane *self = (KocDiscoverPane *)object;

  g_clear_pointer (&self->query, koc_search_query_free);

  G_OBJECT_CLASS (koc_discover_pane_parent_class)->finalize (object);
}

static void
koc_discover_pane_class_init (KocDiscoverPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_discover_pane_dispose;
  object_class->finalize = koc_discover_pane_finalize;
  widget_class->measure = koc_discover_pane_measure;
  widget_class->size_allocate = koc_discover_pane_size_allocate;
  widget_class->root = koc_discover_pane_root;
  widget_class->unroot = koc_discover_pane_unroot;

  g_type_ensure (KOC_TYPE_DISCOVER_FILTERS);
  g_type_ensure (KOC_TYPE_ACCOUNT_ITEM);

  gtk_widget_class_set_css_name (widget_class, "discoverpane");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-discover-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, flap);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, filters);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, filters_scroller);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, toolbar);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, legend_label);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, filter_button);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, stack);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, column_view);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, selection);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, reset_button);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, account_column);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, followers_column);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, engagement_column);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, mentions_column);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, score_column);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverPane, active_column);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  _koc_discover_cells_class_init (widget_class);

}

static void
koc_discover_pane_init (KocDiscoverPane *self)
{
  static const GActionEntry entries[] = {
    { "focus-search", focus_search_activated },
    { "toggle-filters", toggle_filters_activated },
    { "reset-filters", reset_filters_activated },
    { "refresh", refresh_activated },
  };

  self->n_accounts = -1;
  self->count = -1;
  self->probe_key = -1;
  self->results = g_list_store_new (KOC_TYPE_ACCOUNT_ITEM);
  self->search_cancellable = g_cancellable_new ();
  self->store_cancellable = g_cancellable_new ();
  self->probe_items[0] = koc_account_item_new_take (g_new0 (KocAccountHit, 1));
  self->probe_items[1] = koc_account_item_new_take (g_new0 (KocAccountHit, 1));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "discover", G_ACTION_GROUP (self->actions));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->account_width = gtk_column_view_column_get_fixed_width (self->account_column);
  _koc_discover_engagement_init (self);
  _koc_discover_actions_init (self);
  _koc_discover_saved_init (self);
  _koc_discover_recommend_init (self);
  _koc_discover_remote_init (self);

  self->popover = KOC_ACCOUNT_POPOVER (koc_account_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->results));
  /* Typing anywhere in the pane (in the list, say) goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  add_sorter (self, self->account_column, KOC_SEARCH_SORT_NAME);
  add_sorter (self, self->followers_column, KOC_SEARCH_SORT_FOLLOWERS);
  add_sorter (self, self->engagement_column, KOC_SEARCH_SORT_ENGAGEMENT);
  add_sorter (self, self->mentions_column, KOC_SEARCH_SORT_MENTIONS);
  add_sorter (self, self->score_column, KOC_SEARCH_SORT_SCORE);
  add_sorter (self, self->active_column, KOC_SEARCH_SORT_LAST_POST);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  _koc_discover_update_header_tooltips (self);
  _koc_discover_update_state (self);
}

void
koc_discover_pane_set_store (KocDiscoverPane *self,
                             KocStore        *store)
{
  g_return_if_fail (KOC_IS_DISCOVER_PANE (self));
  g_return_if_fail (!store || KOC_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_cancellable_cancel (self->store_cancellable);
  g_clear_object (&self->store_cancellable);
  self->store_cancellable = g_cancellable_new ();
  self->n_accounts = -1;
  g_list_store_remove_all (self->results);
  gtk_popover_popdown (GTK_POPOVER (self->popover));

  /* Resetting the filters of the old workspace re-queries once; so does the text. */
  koc_discover_filters_set_store (self->filters, store);
  if (store != NULL)
    {
      /* The store's one worker runs jobs in order: the first page and its count come
       * first; what the list does not wait for (the filter choices scan accounts and
       * people: 0.5 s at scale 10) starts once they are shown (load_rest()). */
      _koc_discover_start_search (self);
      koc_store_count_async (store, "accounts", self->store_cancellable, accounts_counted_cb, g_object_ref (self));
      self->rest_pending = TRUE;
    }
  else
    {
      self->rest_pending = FALSE;
      g_cancellable_cancel (self->search_cancellable);
      g_clear_pointer (&self->query, koc_search_query_free);
      self->busy = 0;
      _koc_discover_update_state (self);
    }
}

/* Below its toolbar's width the pane would scroll sideways in a narrow window (the
 * window's panes do, under their minimum width), cutting the status pages' text: 537 px
 * at 360 px. Without the count (96 px) and with the lookalikes toggle as an icon it fits. */
void
koc_discover_pane_set_compact (KocDiscoverPane *self,
                               gboolean         compact)
{
  g_return_if_fail (KOC_IS_DISCOVER_PANE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !compact);
  _koc_discover_recommend_set_compact (self, compact);
}

GListModel *
koc_discover_pane_get_results (KocDiscoverPane *self)
{
  g_return_val_if_fail (KOC_IS_DISCOVER_PANE (self), NULL);

  return G_LIST_MODEL (self->results);
}

const KocSearchQuery *
koc_discover_pane_get_query (KocDiscoverPane *self)
{
  g_return_val_if_fail (KOC_IS_DISCOVER_PANE (self), NULL);

  return self->query;
}

gboolean
koc_discover_pane_is_busy (KocDiscoverPane *self)
{
  g_return_val_if_fail (KOC_IS_DISCOVER_PANE (self), FALSE);

  return self->busy > 0;
}

gint64
koc_discover_pane_get_count (KocDiscoverPane *self)
{
  g_return_val_if_fail (KOC_IS_DISCOVER_PANE (self), -1);

  return self->count;
}
