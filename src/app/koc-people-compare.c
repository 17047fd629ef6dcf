/* koc-people-compare.c: 2–4 people side by side.
 *
 * The left column searches people (koc_people_list() on the store's worker, 30 at a
 * time) with a check box each; checking one loads its profile on the worker; the right
 * side draws koc_mediakit_render_compare() for the checked people, scaled to fit, in
 * the current light or dark style, and "Export PDF…" writes the same page. Rendering
 * is on the UI thread, like the one-sheet (see koc-people-mediakit.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-format.h"
#include "koc-mediakit.h"
#include "koc-people-compare.h"
#include "koc-people-list.h"
#include "koc-person.h"

struct _KocPeopleCompare
{
  AdwWindow       parent_instance;

  KocStore       *store;
  GCancellable   *cancellable;
  GArray         *chosen;     /* gint64 person ids, in the order picked */
  GHashTable     *profiles;   /* person id → KocPersonProfile, loaded */
  guint           busy;
  guint           search_generation;

  GtkSearchEntry *search_entry;
  GtkListBox     *people_list;
  GtkLabel       *hint_label;
  GtkDrawingArea *page;
  GtkWidget      *export_button;
};

G_DEFINE_FINAL_TYPE (KocPeopleCompare, koc_people_compare, ADW_TYPE_WINDOW)

static void
update (KocPeopleCompare *self)
{
  guint n = koc_people_compare_get_n_people (self);

  gtk_widget_set_sensitive (self->export_button, n >= 2);
  gtk_label_set_label (self->hint_label, n >= 2 ? "" : _("Pick two to four people to compare them side by side."));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), n < 2);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->people_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = GTK_IS_LIST_BOX_ROW (row) ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)) : NULL;

      if (GTK_IS_CHECK_BUTTON (check))
        gtk_widget_set_sensitive (check, gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) ||
                                         self->chosen->len < KOC_MEDIAKIT_MAX_COMPARE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->page));
}

/* The people to draw, in the order picked (only loaded ones). */
static GArray *
people (KocPeopleCompare *self)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (KocMediakitPerson));

  for (guint i = 0; i < self->chosen->len; i++)
    {
      KocPersonProfile *profile = g_hash_table_lookup (self->profiles, &g_array_index (self->chosen, gint64, i));
      KocMediakitPerson person = { profile, NULL, NULL };

      if (profile != NULL)
        g_array_append_val (list, person);
    }
  return list;
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  KocPeopleCompare *self = data;
  g_autoptr(GArray) list = people (self);
  KocMediakitOptions options = { 0 };
  double scale;

  if (list->len < 2)
    return;
  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  scale = MIN (width / KOC_MEDIAKIT_PAGE_WIDTH, height / KOC_MEDIAKIT_PAGE_HEIGHT);
  cairo_translate (cr, (width - KOC_MEDIAKIT_PAGE_WIDTH * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  koc_mediakit_render_compare (cr, (KocMediakitPerson *) list->data, list->len, &options,
                               KOC_MEDIAKIT_PAGE_WIDTH, KOC_MEDIAKIT_PAGE_HEIGHT);
}

/* Loading profiles */

typedef struct
{
  KocPeopleCompare *self;  /* owned */
  gint64            person_id;
} Load;

static gboolean
load_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  KocPersonProfile *profile = koc_person_profile_load (db, *(gint64 *) data, error);

  *result = profile;
  return profile != NULL;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  KocPeopleCompare *self = load->self;
  g_autoptr(GError) error = NULL;
  KocPersonProfile *profile = NULL;
  gboolean wanted = FALSE;

  self->busy--;
  if (koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &profile, &error))
    {
      for (guint i = 0; i < self->chosen->len; i++)
        wanted |= g_array_index (self->chosen, gint64, i) == load->person_id;
      if (wanted)
        g_hash_table_replace (self->profiles, g_memdup2 (&load->person_id, sizeof (gint64)), profile);
      else
        koc_person_profile_free (profile);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_warning ("Could not load a person to compare: %s", error->message);
    }
  update (self);
  g_object_unref (load->self);
  g_free (load);
}

void
koc_people_compare_set_chosen (KocPeopleCompare *self,
                               gint64            person_id,
                               gboolean          chosen)
{
  Load *load;

  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, gint64, i) == person_id)
      {
        if (!chosen)
          {
            g_array_remove_index (self->chosen, i);
            g_hash_table_remove (self->profiles, &person_id);
            update (self);
          }
        return;
      }
  if (!chosen || self->chosen->len >= KOC_MEDIAKIT_MAX_COMPARE)
    return;

  g_array_append_val (self->chosen, person_id);
  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->person_id = person_id;
  self->busy++;
  koc_store_run_async (self->store, load_func, g_memdup2 (&person_id, sizeof person_id), g_free,
                       (GDestroyNotify) koc_person_profile_free, self->cancellable, loaded_cb, load);
  update (self);
}

/* The search column */

static void
check_toggled_cb (GtkCheckButton   *check,
                  KocPeopleCompare *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "koc-person");

  koc_people_compare_set_chosen (self, id, gtk_check_button_get_active (check));
}

static gboolean
list_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  GPtrArray *rows = koc_people_list (db, data, error);

  *result = rows;
  return rows != NULL;
}

typedef struct
{
  KocPeopleCompare *self;  /* owned */
  guint             generation;
} Search;

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Search *search = user_data;
  KocPeopleCompare *self = search->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *child;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &rows, &error) ||
      search->generation != self->search_generation)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list people: %s", error->message);
      g_object_unref (search->self);
      g_free (search);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  for (guint i = 0; i < rows->len; i++)
    {
      KocPersonRow *row = rows->pdata[i];
      g_autofree char *followers = koc_format_count (row->followers);
      g_autofree char *label = g_strdup_printf ("%s · %s", row->display_name, followers);
      GtkWidget *check = gtk_check_button_new_with_label (label);
      gboolean chosen = FALSE;

      for (guint j = 0; j < self->chosen->len; j++)
        chosen |= g_array_index (self->chosen, gint64, j) == row->person_id;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
      g_object_set_data_full (G_OBJECT (check), "koc-person", g_memdup2 (&row->person_id, sizeof (gint64)), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
      gtk_list_box_append (self->people_list, check);
    }
  update (self);
  g_object_unref (search->self);
  g_free (search);
}

static void
search_changed_cb (KocPeopleCompare *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  KocPeopleQuery *query = koc_people_query_new ();
  Search *search = g_new0 (Search, 1);

  query->text = *text != '\0' ? g_steal_pointer (&text) : NULL;
  query->limit = 30;
  search->self = g_object_ref (self);
  search->generation = ++self->search_generation;
  koc_store_run_async (self->store, list_func, query, (GDestroyNotify) koc_people_query_free,
                       (GDestroyNotify) g_ptr_array_unref, self->cancellable, listed_cb, search);
}

/* Export */

gboolean
koc_people_compare_export (KocPeopleCompare  *self,
                           const char        *path,
                           GError           **error)
{
  g_autoptr(GArray) list = people (self);
  KocMediakitFormat format;

  if (list->len < 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Pick at least two people."));
      return FALSE;
    }
  if (!koc_mediakit_format_for_path (path, &format))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("Choose a file name ending in .pdf or .png."));
      return FALSE;
    }
  return koc_mediakit_write ((KocMediakitPerson *) list->data, list->len, format, NULL, path, error);
}

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    KocPeopleCompare *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !koc_people_compare_export (self, path, &error))
        {
          GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Comparison"),
                                                     error != NULL ? error->message : NULL);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_clicked_cb (KocPeopleCompare *self)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Export Comparison as PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Comparison.pdf"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* GObject */

static void
koc_people_compare_dispose (GObject *object)
{
  KocPeopleCompare *self = KOC_PEOPLE_COMPARE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->profiles, g_hash_table_unref);
  g_clear_pointer (&self->chosen, g_array_unref);
  G_OBJECT_CLASS (koc_people_compare_parent_class)->dispose (object);
}

static void
koc_people_compare_class_init (KocPeopleCompareClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = koc_people_compare_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
koc_people_compare_init (KocPeopleCompare *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *right = gtk_overlay_new ();

  self->cancellable = g_cancellable_new ();
  self->chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->profiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) koc_person_profile_free);

  gtk_window_set_title (GTK_WINDOW (self), _("Compare People"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 800);
  self->export_button = gtk_button_new_with_mnemonic (_("Export _PDF…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  g_signal_connect_object (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search people"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search people to compare"), -1);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  self->people_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->people_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->people_list), "navigation-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->people_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_size_request (side, 280, -1);
  gtk_widget_set_margin_start (side, 8);
  gtk_widget_set_margin_top (side, 8);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (side), scroller);

  self->page = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->page, draw_cb, self, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->page), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People side by side"), -1);
  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "title-4");
  gtk_widget_set_halign (GTK_WIDGET (self->hint_label), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->hint_label), GTK_ALIGN_CENTER);
  gtk_overlay_set_child (GTK_OVERLAY (right), GTK_WIDGET (self->page));
  gtk_overlay_add_overlay (GTK_OVERLAY (right), GTK_WIDGET (self->hint_label));
  gtk_widget_set_margin_top (right, 8);
  gtk_widget_set_margin_bottom (right, 8);
  gtk_widget_set_margin_end (right, 8);

  gtk_box_append (GTK_BOX (body), side);
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (body), right);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), body);
  gtk_widget_set_vexpand (body, TRUE);
  adw_window_set_content (ADW_WINDOW (self), content);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->page, G_CONNECT_SWAPPED);
}

KocPeopleCompare *
koc_people_compare_new (GtkWindow *parent,
                        KocStore  *store,
                        gint64     person_id)
{
  KocPeopleCompare *self = g_object_new (KOC_TYPE_PEOPLE_COMPARE, "transient-for", parent, "modal", TRUE, NULL);

  self->store = g_object_ref (store);
  koc_people_compare_set_chosen (self, person_id, TRUE);
  search_changed_cb (self);
  return self;
}

guint
koc_people_compare_get_n_people (KocPeopleCompare *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_COMPARE (self), 0);

  return g_hash_table_size (self->profiles);
}

gboolean
koc_people_compare_is_busy (KocPeopleCompare *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_COMPARE (self), FALSE);

  return self->busy > 0;
}

void
_koc_people_compare_show (GtkWidget *profile,
                          KocStore  *store,
                          gint64     person_id)
{
  GtkRoot *root = gtk_widget_get_root (profile);
  KocPeopleCompare *self = koc_people_compare_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, person_id);

  gtk_window_present (GTK_WINDOW (self));
}
