/* koc-remote-search-dialog.c: see koc-remote-search-dialog.h.
 *
 * The request and the save are async (libsoup on the main context, SQLite on the store's
 * worker); a new search cancels the previous one, closing the dialog cancels all.
 * Results come N_HITS a page (GET /v1/search's offset): "Show More" appends the next
 * page. A page whose hits are all in the workspace already is skipped over, a few
 * pages at most, so the dialog does not say "Nothing New" while newer hits follow.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-discover-format.h"
#include "koc-names.h"
#include "koc-remote-search-dialog.h"
#include "koc-sync-search.h"

#define N_HITS 50
/* Pages of only local hits read in a row before the dialog shows what it has. */
#define MAX_SKIPPED_PAGES 5

struct _KocRemoteSearchDialog
{
  AdwWindow       parent_instance;

  KocSyncEngine  *engine;
  KocStore       *store;
  GCancellable   *cancellable;
  GPtrArray      *hits;        /* KocRemoteHit */
  GPtrArray      *checks;      /* GtkCheckButton, one per hit */
  guint           busy;
  char           *text;        /* of the search shown */
  gint64          next_offset; /* of the next page; -1: none */
  guint           n_local;     /* hits left out so far: already in the workspace */
  guint           n_skipped;   /* pages in a row without a new hit */
  gboolean        appending;   /* the request running is "Show More" */

  AdwWindowTitle *title;
  GtkSearchEntry *entry;
  GtkStack       *stack;
  AdwStatusPage  *status_page;
  GtkListBox     *list;
  GtkLabel       *info_label;
  GtkWidget      *save_button;
  GtkWidget      *more_button;
};

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KocRemoteSearchDialog, koc_remote_search_dialog, ADW_TYPE_WINDOW)

static guint
n_checked (KocRemoteSearchDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

static void
update_save_button (KocRemoteSearchDialog *self)
{
  guint n = n_checked (self);
  g_autofree char *label = NULL;

  if (n > 1)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Save %u to Workspace",
                                          "Save %u to Workspace", n), n);
  gtk_button_set_label (GTK_BUTTON (self->save_button),
                        label != NULL ? label : _("Save to Workspace"));
  gtk_widget_set_sensitive (self->save_button, n > 0 && self->busy == 0);
}

static void
show_status (KocRemoteSearchDialog *self,
             const char            *icon,
             const char            *title,
             const char            *description)
{
  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static GtkWidget *
hit_row (KocRemoteSearchDialog *self,
         KocRemoteHit          *hit)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *followers;
  g_autofree char *count = koc_format_count (hit->followers);
  g_autofree char *followers_text = NULL;
  g_autofree char *subtitle = NULL;
  const char *tier = hit->tier != NULL ? koc_format_tier_name (hit->tier) : NULL;

  /* Translators: a remote search hit: handle · platform · tier */
  subtitle = tier != NULL ? g_strdup_printf (_("@%s · %s · %s"), hit->handle,
                                             koc_format_platform_name (hit->platform), tier)
                          : g_strdup_printf (_("@%s · %s"), hit->handle,
                                             koc_format_platform_name (hit->platform));
  /* Translators: %s is a formatted number, e.g. 12.3k */
  followers_text = g_strdup_printf (_("%s followers"), count);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hit->display_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hit->display_name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  followers = gtk_label_new (followers_text);
  gtk_widget_add_css_class (followers, "numeric");
  gtk_widget_add_css_class (followers, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), followers);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_save_button), self);
  g_ptr_array_add (self->checks, check);
  return row;
}

static void
clear_list (KocRemoteSearchDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->checks, 0);
  g_ptr_array_set_size (self->hits, 0);
}

static void searched_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data);

static void
request_page (KocRemoteSearchDialog *self,
              guint                  offset)
{
  self->busy++;
  gtk_widget_set_sensitive (self->more_button, FALSE);
  update_save_button (self);
  koc_sync_engine_search_page_async (self->engine, self->text, NULL, offset, N_HITS,
                                     self->cancellable, searched_cb, g_object_ref (self));
}

static void
update_more_button (KocRemoteSearchDialog *self)
{
  gtk_widget_set_visible (self->more_button, self->next_offset >= 0);
  gtk_widget_set_sensitive (self->more_button, self->busy == 0);
}

static void
searched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KocRemoteSearchDialog) self = user_data;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint n_local = 0;
  gint64 next_offset = -1;

  hits = koc_sync_engine_search_page_finish (KOC_SYNC_ENGINE (source), result, &n_local,
                                             &next_offset, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  if (hits == NULL && self->appending)
    {
      /* The hits shown stay; the next page can be asked for again. */
      gtk_label_set_label (self->info_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->info_label), "error");
      update_more_button (self);
      update_save_button (self);
      return;
    }
  if (!self->appending)
    clear_list (self);
  if (hits == NULL)
    {
      gboolean offline = g_error_matches (error, KOC_SYNC_ERROR, KOC_SYNC_ERROR_OFFLINE);

      self->next_offset = -1;
      update_more_button (self);

      show_status (self, offline ? "network-offline-symbolic" : "dialog-warning-symbolic",
                   offline ? _("Offline") : _("Server Search Failed"), error->message);
      gtk_label_set_label (self->info_label, "");
      update_save_button (self);
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      KocRemoteHit *hit = g_ptr_array_index (hits, i);

      gtk_list_box_append (self->list, hit_row (self, hit));
      g_ptr_array_add (self->hits, g_steal_pointer (&hits->pdata[i]));
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->info_label), "error");
  self->next_offset = next_offset;
  self->n_local += n_local;
  n_local = self->n_local;
  self->n_skipped = hits->len == 0 ? self->n_skipped + 1 : 0;
  if (hits->len == 0 && next_offset >= 0 && self->n_skipped < MAX_SKIPPED_PAGES)
    {
      /* Every hit of this page is local: the next page may have new ones. */
      self->appending = self->hits->len > 0;
      request_page (self, next_offset);
      return;
    }
  update_more_button (self);
  if (n_local > 0)
    {
      g_autofree char *info =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u match already in this workspace is not listed.",
                                      "%u matches already in this workspace are not listed.",
                                      n_local), n_local);
      gtk_label_set_label (self->info_label, info);
    }
  else
    gtk_label_set_label (self->info_label, "");

  if (self->hits->len == 0)
    show_status (self, "edit-find-symbolic", _("Nothing New on the Server"),
                 n_local > 0 ? _("Every account the server found is already in this workspace.")
                             : _("The server has no account matching these words."));
  else
    gtk_stack_set_visible_child_name (self->stack, "results");
  update_save_button (self);
}

void
koc_remote_search_dialog_search (KocRemoteSearchDialog *self,
                                 const char            *text)
{
  g_return_if_fail (KOC_IS_REMOTE_SEARCH_DIALOG (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->text);
  self->text = g_strdup (text);
  self->busy = 0;
  self->next_offset = -1;
  self->n_local = 0;
  self->n_skipped = 0;
  self->appending = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  request_page (self, 0);
}

void
koc_remote_search_dialog_show_more (KocRemoteSearchDialog *self)
{
  g_return_if_fail (KOC_IS_REMOTE_SEARCH_DIALOG (self));

  if (self->next_offset < 0 || self->busy > 0)
    return;
  self->appending = TRUE;
  self->n_skipped = 0;
  request_page (self, self->next_offset);
}

gboolean
koc_remote_search_dialog_has_more (KocRemoteSearchDialog *self)
{
  g_return_val_if_fail (KOC_IS_REMOTE_SEARCH_DIALOG (self), FALSE);

  return self->next_offset >= 0;
}

static void
entry_activate_cb (KocRemoteSearchDialog *self)
{
  koc_remote_search_dialog_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KocRemoteSearchDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint saved = 0, skipped = 0;

  if (!koc_sync_save_hits_finish (KOC_STORE (source), result, &saved, &skipped, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy--;
      gtk_label_set_label (self->info_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->info_label), "error");
      update_save_button (self);
      return;
    }
  self->busy--;
  if (skipped > 0)
    g_warning ("%u server entities could not be saved", skipped);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, saved);
  gtk_window_close (GTK_WINDOW (self));
}

void
koc_remote_search_dialog_save (KocRemoteSearchDialog *self)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  g_return_if_fail (KOC_IS_REMOTE_SEARCH_DIALOG (self));

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (self->hits, i));
  if (chosen->len == 0 || self->busy > 0)
    return;
  self->busy++;
  gtk_widget_remove_css_class (GTK_WIDGET (self->info_label), "error");
  update_save_button (self);
  koc_sync_save_hits_async (self->store, chosen, self->cancellable, saved_cb, g_object_ref (self));
}

gboolean
koc_remote_search_dialog_is_busy (KocRemoteSearchDialog *self)
{
  return self->busy > 0;
}

guint
koc_remote_search_dialog_get_n_hits (KocRemoteSearchDialog *self)
{
  return self->hits->len;
}

const char *
koc_remote_search_dialog_get_hit_uid (KocRemoteSearchDialog *self,
                                      guint                  index)
{
  g_return_val_if_fail (index < self->hits->len, NULL);
  return ((KocRemoteHit *)g_ptr_array_index (self->hits, index))->uid;
}

void
koc_remote_search_dialog_check (KocRemoteSearchDialog *self,
                                guint                  index,
                                gboolean               checked)
{
  g_return_if_fail (index < self->checks->len);
  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), checked);
}

const char *
koc_remote_search_dialog_get_status (KocRemoteSearchDialog *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "status") != 0)
    return NULL;
  return adw_status_page_get_title (self->status_page);
}

const char *
koc_remote_search_dialog_get_status_description (KocRemoteSearchDialog *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "status") != 0)
    return NULL;
  return adw_status_page_get_description (self->status_page);
}

static void
koc_remote_search_dialog_dispose (GObject *object)
{
  KocRemoteSearchDialog *self = KOC_REMOTE_SEARCH_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->engine);
  g_clear_object (&self->store);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (koc_remote_search_dialog_parent_class)->dispose (object);
}

static void
koc_remote_search_dialog_class_init (KocRemoteSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_remote_search_dialog_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
koc_remote_search_dialog_init (KocRemoteSearchDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *search_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *note = gtk_label_new (_("Accounts on the server that are not in this workspace yet. Check the ones to keep and save them."));
  GtkWidget *loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *results_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_action_bar_new ();

  self->hits = g_ptr_array_new_with_free_func ((GDestroyNotify)koc_remote_hit_free);
  self->checks = g_ptr_array_new ();
  self->next_offset = -1;

  gtk_window_set_title (GTK_WINDOW (self), _("Search on Server"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Search on Server"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), header);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Search the server’s accounts and posts"), NULL);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_set_margin_start (search_box, 12);
  gtk_widget_set_margin_end (search_box, 12);
  gtk_widget_set_margin_top (search_box, 6);
  gtk_widget_set_margin_bottom (search_box, 6);
  gtk_box_append (GTK_BOX (search_box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (search_box), note);
  gtk_box_append (GTK_BOX (box), search_box);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (loading), spinner);
  gtk_box_append (GTK_BOX (loading), gtk_label_new (_("Searching the server…")));
  gtk_stack_add_named (self->stack, loading, "loading");

  self->status_page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status_page), "status");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  self->more_button = gtk_button_new_with_mnemonic (_("Show _More"));
  gtk_widget_set_tooltip_text (self->more_button, _("List the server’s next matches"));
  gtk_widget_set_halign (self->more_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_bottom (self->more_button, 12);
  gtk_widget_add_css_class (self->more_button, "pill");
  gtk_widget_set_visible (self->more_button, FALSE);
  g_signal_connect_swapped (self->more_button, "clicked",
                            G_CALLBACK (koc_remote_search_dialog_show_more), self);
  gtk_box_append (GTK_BOX (results_box), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (results_box), self->more_button);
  adw_clamp_set_child (ADW_CLAMP (clamp), results_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (self->stack, scroller, "results");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  self->info_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->info_label, TRUE);
  gtk_label_set_width_chars (self->info_label, 36);
  gtk_label_set_xalign (self->info_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->info_label), "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->info_label), TRUE);
  self->save_button = gtk_button_new_with_label (_("Save to Workspace"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->save_button,
                               _("Add the checked accounts and their people to this workspace"));
  g_signal_connect_swapped (self->save_button, "clicked",
                            G_CALLBACK (koc_remote_search_dialog_save), self);
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), GTK_WIDGET (self->info_label));
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), self->save_button);
  gtk_box_append (GTK_BOX (box), bar);

  adw_window_set_content (ADW_WINDOW (self), box);
  update_save_button (self);
}

KocRemoteSearchDialog *
koc_remote_search_dialog_new (GtkWindow     *parent,
                              KocSyncEngine *engine,
                              KocStore      *store,
                              const char    *text)
{
  KocRemoteSearchDialog *self = g_object_new (KOC_TYPE_REMOTE_SEARCH_DIALOG,
                                              "transient-for", parent, NULL);
  g_autofree char *server = NULL;

  self->engine = g_object_ref (engine);
  self->store = g_object_ref (store);
  g_object_get (engine, "server-url", &server, NULL);
  adw_window_title_set_subtitle (self->title, server);
  koc_remote_search_dialog_search (self, text);
  return self;
}
