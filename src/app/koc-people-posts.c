/* koc-people-posts.c: the profile's post previews: filters, the query and the grid.
 *
 * The posts of the person's accounts, newest first, KOC_PEOPLE_POSTS_PAGE at a time
 * (the next page when the grid is scrolled near its end), filtered by a brand it
 * mentions (post_mentions), a keyword (a substring of the text, case-insensitive for
 * Latin letters) and a period. Each query runs on the store's worker and a new one
 * cancels the previous one; thumbnails (the first post_media image) are looked up
 * after each page through the window's media cache (the workspace, the disk cache, then
 * the server: fetched on demand, kept for offline) and decoded a few per idle
 * (koc-people-media.c), so scrolling never waits for them; a post whose image is
 * nowhere (or offline and not cached) keeps its placeholder.
 *
 * "Mark as Deliverable" links a post to one of the person's campaign cards
 * (card_deliverables), written and queued for the server in one transaction (sync kind
 * "deliverable", koc-people-sync.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-posts"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-media-textures.h"
#include "koc-people-posts.h"
#include "koc-people-sync.h"
#include "koc-sync-controller.h"
#include "koc-window.h"

/* The section */

struct _KocPeoplePosts
{
  GtkWidget               parent_instance;

  KocStore               *store;
  const KocPersonProfile *profile;
  GListStore             *posts;        /* KocPeoplePostItem */
  GPtrArray              *brand_words;  /* char *, lower-cased */
  GArray                 *brand_ids;    /* gint64, parallel to the brand dropdown */
  GCancellable           *cancellable;
  gint64                  brand_id;
  char                   *keyword;
  guint                   days;
  guint                   busy;
  guint                   generation;
  gboolean                has_more;
  gboolean                filling;

  GtkWidget              *box;
  GtkDropDown            *brand_dropdown;
  GtkSearchEntry         *keyword_entry;
  GtkDropDown            *period_dropdown;
  GtkLabel               *count_label;
  GtkStack               *stack;
  GtkScrolledWindow      *scroller;
  GtkGridView            *grid;
};

G_DEFINE_FINAL_TYPE (KocPeoplePosts, koc_people_posts, GTK_TYPE_WIDGET)

static const guint period_days[] = { 0, 30, 90, 365 };

typedef struct
{
  gint64  person_id;
  gint64  brand_id;
  char   *keyword;
  gint64  since;
  guint   offset;
} Query;

static void
query_free (Query *query)
{
  g_free (query->keyword);
  g_free (query);
}

typedef struct
{
  GPtrArray *posts;        /* KocPeoplePost */
  GPtrArray *brand_words;  /* only on the first page */
} Page;

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->posts);
  g_clear_pointer (&page->brand_words, g_ptr_array_unref);
  g_free (page);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

static gboolean
page_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  Query *query = data;
  Page *page = g_new0 (Page, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  page->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) _koc_people_post_free);
  if (!koc_db_prepare (db, "SELECT p.id, a.platform, a.handle, p.kind, p.text, p.url, p.published_at,"
                           " p.likes, p.comments, p.shares, p.saves, p.views,"
                           " (SELECT m.sha256 FROM post_media m WHERE m.post_id = p.id ORDER BY m.position LIMIT 1),"
                           " (SELECT group_concat (b.name, ', ') FROM post_mentions pm JOIN brands b ON b.id = pm.brand_id"
                           "  WHERE pm.post_id = p.id),"
                           " coalesce ((SELECT c.id FROM card_deliverables d JOIN cards c ON c.id = d.card_id"
                           "  WHERE d.post_id = p.id AND c.person_id = ?1 LIMIT 1), 0)"
                           " FROM accounts a JOIN posts p ON p.account_id = a.id"
                           " WHERE a.person_id = ?1"
                           " AND (?2 = 0 OR EXISTS (SELECT 1 FROM post_mentions pm WHERE pm.post_id = p.id AND pm.brand_id = ?2))"
                           " AND (?3 IS NULL OR instr (lower (p.text), ?3) > 0)"
                           " AND p.published_at >= ?4"
                           " ORDER BY p.published_at DESC, p.id DESC LIMIT ?5 OFFSET ?6", &stmt, error))
    {
      page_free (page);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, query->person_id);
  sqlite3_bind_int64 (stmt, 2, query->brand_id);
  if (query->keyword != NULL)
    sqlite3_bind_text (stmt, 3, query->keyword, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, query->since);
  sqlite3_bind_int64 (stmt, 5, KOC_PEOPLE_POSTS_PAGE);
  sqlite3_bind_int64 (stmt, 6, query->offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KocPeoplePost *post = g_new0 (KocPeoplePost, 1);

      post->id = sqlite3_column_int64 (stmt, 0);
      post->platform = dup_column (stmt, 1);
      post->handle = dup_column (stmt, 2);
      post->kind = dup_column (stmt, 3);
      post->text = dup_column (stmt, 4);
      post->url = dup_column (stmt, 5);
      post->published_at = sqlite3_column_int64 (stmt, 6);
      post->likes = sqlite3_column_int64 (stmt, 7);
      post->comments = sqlite3_column_int64 (stmt, 8);
      post->shares = sqlite3_column_int64 (stmt, 9);
      post->saves = sqlite3_column_int64 (stmt, 10);
      post->views = sqlite3_column_int64 (stmt, 11);
      post->image_sha256 = dup_column (stmt, 12);
      post->brands = dup_column (stmt, 13);
      post->deliverable_card = sqlite3_column_int64 (stmt, 14);
      g_ptr_array_add (page->posts, post);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      page_free (page);
      return koc_db_set_error (db, rc, _("Could not read the posts"), error);
    }

  if (query->offset == 0)
    {
      page->brand_words = g_ptr_array_new_with_free_func (g_free);
      if (!koc_db_prepare (db, "SELECT lower (name) FROM brands UNION SELECT lower (alias) FROM brand_aliases",
                           &stmt, error))
        {
          page_free (page);
          return FALSE;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (page->brand_words, dup_column (stmt, 0));
      sqlite3_finalize (stmt);
    }
  *result = page;
  return TRUE;
}

typedef struct
{
  KocPeoplePosts *self;  /* owned */
  guint           generation;
  guint           offset;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
update_count (KocPeoplePosts *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->posts));
  g_autofree char *text = NULL;

  if (self->has_more)
    text = g_strdup_printf (_("%u+ posts"), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post", "%u posts", n), n);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 || self->busy > 0 ? "grid" : "empty");
}

/* The window's media cache (workspace, disk cache, server), or NULL: then the
 * thumbnails come from the workspace's media table only. */
static KocMediaCache *
media_cache (KocPeoplePosts *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  KocSyncController *sync;

  if (!KOC_IS_WINDOW (root) || (sync = koc_window_get_sync_controller (KOC_WINDOW (root))) == NULL)
    return NULL;
  return koc_sync_controller_get_media_cache (sync);
}

static void
page_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  KocPeoplePosts *self = request->self;
  g_autoptr(GError) error = NULL;
  Page *page = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) hashes = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &page, &error))
    {
      if (request->generation == self->generation)
        {
          self->busy--;
          update_count (self);
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the posts: %s", error->message);
      return;
    }
  if (request->generation != self->generation)
    {
      page_free (page);
      return;
    }
  self->busy--;
  if (page->brand_words != NULL)
    {
      g_clear_pointer (&self->brand_words, g_ptr_array_unref);
      self->brand_words = g_steal_pointer (&page->brand_words);
    }
  self->has_more = page->posts->len >= KOC_PEOPLE_POSTS_PAGE;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  targets = g_ptr_array_new_with_free_func (g_object_unref);
  hashes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < page->posts->len; i++)
    {
      KocPeoplePostItem *item = g_object_new (KOC_TYPE_PEOPLE_POST_ITEM, NULL);

      item->post = g_steal_pointer (&page->posts->pdata[i]);
      g_ptr_array_add (items, item);
      if (item->post->image_sha256 != NULL)
        {
          g_ptr_array_add (targets, g_object_ref (item));
          g_ptr_array_add (hashes, g_strdup (item->post->image_sha256));
        }
    }
  page_free (page);
  if (request->offset == 0)
    g_list_store_splice (self->posts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->posts)),
                         items->pdata, items->len);
  else
    g_list_store_splice (self->posts, g_list_model_get_n_items (G_LIST_MODEL (self->posts)), 0,
                         items->pdata, items->len);
  if (targets->len > 0)
    koc_media_textures_load_cached (media_cache (self), self->store, targets, hashes,
                                    _koc_people_post_item_set_thumbnail, self->cancellable);
  update_count (self);
}

static void
query_page (KocPeoplePosts *self,
            guint           offset)
{
  Query *query = g_new0 (Query, 1);
  Request *request = g_new0 (Request, 1);

  query->person_id = self->profile->id;
  query->brand_id = self->brand_id;
  query->keyword = self->keyword != NULL ? g_ascii_strdown (self->keyword, -1) : NULL;
  query->since = self->days > 0 ? g_get_real_time () / G_USEC_PER_SEC - (gint64) self->days * 86400 : 0;
  query->offset = offset;
  request->self = g_object_ref (self);
  request->generation = self->generation;
  request->offset = offset;
  self->busy++;
  koc_store_run_async (self->store, page_func, query, (GDestroyNotify) query_free,
                       (GDestroyNotify) page_free, self->cancellable, page_ready_cb, request);
}

static void
start (KocPeoplePosts *self)
{
  if (self->store == NULL || self->profile == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->busy = 0;
  self->has_more = FALSE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  query_page (self, 0);
  update_count (self);
}

static void
scrolled_cb (KocPeoplePosts *self,
             GtkAdjustment  *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (self->has_more && self->busy == 0 && gtk_adjustment_get_upper (adjustment) - (value + page) < page)
    {
      self->has_more = FALSE;
      query_page (self, g_list_model_get_n_items (G_LIST_MODEL (self->posts)));
    }
}

static void
filters_changed_cb (KocPeoplePosts *self)
{
  guint brand = gtk_drop_down_get_selected (self->brand_dropdown);
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  g_autofree char *keyword = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->keyword_entry))));

  if (self->filling)
    return;
  self->brand_id = brand < self->brand_ids->len ? g_array_index (self->brand_ids, gint64, brand) : 0;
  self->days = period < G_N_ELEMENTS (period_days) ? period_days[period] : 0;
  g_free (self->keyword);
  self->keyword = *keyword != '\0' ? g_steal_pointer (&keyword) : NULL;
  start (self);
}

/* Deliverables */

typedef struct
{
  gint64 card_id;
  gint64 post_id;
} Link;

static gboolean
link_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  Link *link = data;

  /* Written and queued for the server in this one transaction (kind "deliverable"). */
  return koc_people_sync_link_deliverable (db, link->card_id, link->post_id, error);
}

static void
linked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KocPeoplePosts) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (!koc_store_run_finish (KOC_STORE (source), result, NULL, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Mark the Deliverable"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  /* Read the page again: the card shows it is a deliverable now. */
  start (self);
}

void
_koc_people_posts_mark_deliverable (KocPeoplePosts    *self,
                                    KocPeoplePostItem *item,
                                    gint64             card_id)
{
  Link *link = g_new0 (Link, 1);

  link->card_id = card_id;
  link->post_id = item->post->id;
  self->busy++;
  koc_store_write_async (self->store, link_func, link, g_free, NULL, NULL, linked_cb, g_object_ref (self));
}

GPtrArray *
_koc_people_posts_brand_words (KocPeoplePosts *self)
{
  return self->brand_words;
}

const char *
_koc_people_posts_keyword (KocPeoplePosts *self)
{
  return self->keyword;
}

const KocPersonProfile *
_koc_people_posts_profile (KocPeoplePosts *self)
{
  return self->profile;
}

/* GObject */

static void
koc_people_posts_dispose (GObject *object)
{
  KocPeoplePosts *self = KOC_PEOPLE_POSTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->posts);
  g_clear_pointer (&self->brand_words, g_ptr_array_unref);
  g_clear_pointer (&self->brand_ids, g_array_unref);
  g_clear_pointer (&self->keyword, g_free);
  G_OBJECT_CLASS (koc_people_posts_parent_class)->dispose (object);
}

static void
koc_people_posts_class_init (KocPeoplePostsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_people_posts_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "peopleposts");
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_tooltip_text (widget, text);
  return widget;
}

static void
koc_people_posts_init (KocPeoplePosts *self)
{
  static const char *periods[] = { N_("Any time"), N_("Last 30 days"), N_("Last 90 days"), N_("Last 12 months"), NULL };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Posts"));
  GtkWidget *empty;
  g_autoptr(GtkStringList) period_names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkNoSelection *selection;

  self->posts = g_list_store_new (KOC_TYPE_PEOPLE_POST_ITEM);
  self->brand_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_widget_set_hexpand (title, TRUE);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  self->brand_dropdown = GTK_DROP_DOWN (labelled (_("Brand mentioned"), gtk_drop_down_new (NULL, NULL)));
  self->keyword_entry = GTK_SEARCH_ENTRY (labelled (_("Keyword in the post"), gtk_search_entry_new ()));
  g_object_set (self->keyword_entry, "placeholder-text", _("Keyword"), NULL);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->keyword_entry), 12);
  for (guint i = 0; periods[i] != NULL; i++)
    gtk_string_list_append (period_names, _(periods[i]));
  self->period_dropdown = GTK_DROP_DOWN (labelled (_("Published"), gtk_drop_down_new (G_LIST_MODEL (g_object_ref (period_names)), NULL)));
  gtk_box_append (GTK_BOX (bar), title);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->brand_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->keyword_entry));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->period_dropdown));
  gtk_box_append (GTK_BOX (self->box), bar);
  g_signal_connect_object (self->brand_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keyword_entry, "search-changed", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->posts)));
  factory = _koc_people_post_factory_new (self);
  self->grid = GTK_GRID_VIEW (gtk_grid_view_new (GTK_SELECTION_MODEL (selection), g_object_ref (factory)));
  gtk_grid_view_set_max_columns (self->grid, 4);
  gtk_grid_view_set_min_columns (self->grid, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "people-posts");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Posts"), -1);
  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (self->scroller, 440);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->grid));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);

  empty = gtk_label_new (_("No posts match these filters."));
  gtk_widget_add_css_class (empty, "dim-label");
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->scroller), "grid");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
}

GtkWidget *
koc_people_posts_new (void)
{
  return g_object_new (KOC_TYPE_PEOPLE_POSTS, NULL);
}

void
koc_people_posts_set_person (KocPeoplePosts         *self,
                             KocStore               *store,
                             const KocPersonProfile *profile)
{
  g_autoptr(GtkStringList) brands = gtk_string_list_new (NULL);
  gboolean same = self->profile != NULL && profile != NULL && self->profile->id == profile->id;
  gint64 zero = 0;

  g_set_object (&self->store, store);
  self->profile = profile;
  if (profile == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      self->generation++;
      self->busy = 0;
      g_list_store_remove_all (self->posts);
      return;
    }

  /* The brands this person mentions, for the filter. */
  self->filling = TRUE;
  g_array_set_size (self->brand_ids, 0);
  gtk_string_list_append (brands, _("All brands"));
  g_array_append_val (self->brand_ids, zero);
  for (guint i = 0; i < profile->brands->len; i++)
    {
      const KocPersonBrand *brand = profile->brands->pdata[i];

      gtk_string_list_append (brands, brand->name);
      g_array_append_val (self->brand_ids, brand->brand_id);
    }
  gtk_drop_down_set_model (self->brand_dropdown, G_LIST_MODEL (brands));
  if (!same)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->keyword_entry), "");
      gtk_drop_down_set_selected (self->period_dropdown, 0);
      self->brand_id = 0;
      self->days = 0;
      g_clear_pointer (&self->keyword, g_free);
    }
  for (guint i = 0; i < self->brand_ids->len; i++)
    if (g_array_index (self->brand_ids, gint64, i) == self->brand_id)
      gtk_drop_down_set_selected (self->brand_dropdown, i);
  self->filling = FALSE;
  start (self);
}

GListModel *
koc_people_posts_get_model (KocPeoplePosts *self)
{
  return G_LIST_MODEL (self->posts);
}

gboolean
koc_people_posts_is_busy (KocPeoplePosts *self)
{
  return self->busy > 0;
}

void
koc_people_posts_set_filter (KocPeoplePosts *self,
                             gint64          brand_id,
                             const char     *keyword,
                             guint           days)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->brand_ids->len; i++)
    if (g_array_index (self->brand_ids, gint64, i) == brand_id)
      gtk_drop_down_set_selected (self->brand_dropdown, i);
  gtk_editable_set_text (GTK_EDITABLE (self->keyword_entry), keyword != NULL ? keyword : "");
  for (guint i = 0; i < G_N_ELEMENTS (period_days); i++)
    if (period_days[i] == days)
      gtk_drop_down_set_selected (self->period_dropdown, i);
  self->filling = FALSE;
  self->brand_id = brand_id;
  self->days = days;
  g_free (self->keyword);
  self->keyword = keyword != NULL && *keyword != '\0' ? g_strdup (keyword) : NULL;
  start (self);
}
