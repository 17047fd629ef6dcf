/* koc-people-profile.c: the profile of one person: header, key numbers, and the
 * loading of it all.
 *
 * koc_person_profile_load() (src/store/koc-person.h) runs on the store's worker and
 * returns one snapshot; the header and the key numbers are filled here, the charts in
 * koc-people-history.c, the relationship (stage history, notes, interactions,
 * campaigns, rewards) in koc-people-relationship.c. Loading another person cancels the
 * previous load and its images.
 *
 * Edits of the person itself (stage, owner) go through the sync outbox
 * (koc_sync_enqueue_async: applied to the workspace and queued for the server in one
 * transaction), then the profile is read again.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "koc-discover-format.h"
#include "koc-media-textures.h"
#include "koc-people-profile-private.h"
#include "koc-sync-outbox.h"

G_DEFINE_FINAL_TYPE (KocPeopleProfile, koc_people_profile, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const stage_keys[] = {
  "discovered", "engaged", "advocate", "ambassador", "dormant", "detractor", NULL
};

typedef struct
{
  KocPeopleProfile *self;   /* owned */
  guint             generation;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* Helpers shared by the profile's files */

char *
_koc_people_format_date (gint64 when)
{
  g_autoptr(GDateTime) time = NULL;

  if (when <= 0)
    return g_strdup ("—");
  time = g_date_time_new_from_unix_local (when);
  return g_date_time_format (time, "%Y-%m-%d");
}

GtkWidget *
_koc_people_section (const char *title,
                     GtkWidget  *child,
                     GtkWidget  *suffix)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (head), label);
  if (suffix != NULL)
    gtk_box_append (GTK_BOX (head), suffix);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), child);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  return box;
}

GtkWidget *
_koc_people_dim_row (const char *title,
                     const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  return box;
}

void
_koc_people_clear_list (GtkListBox *list,
                        const char *placeholder)
{
  GtkWidget *child;
  GtkWidget *label = gtk_label_new (placeholder);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_set_placeholder (list, label);
}

/* Header */

static void
set_avatar (GObject    *target,
            GdkTexture *texture)
{
  adw_avatar_set_custom_image (ADW_AVATAR (target), GDK_PAINTABLE (texture));
}

static void
open_url_clicked_cb (GtkButton *button,
                     gpointer   user_data)
{
  const char *url = g_object_get_data (G_OBJECT (button), "koc-url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

void
_koc_people_remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
fill_accounts (KocPeopleProfile *self)
{
  _koc_people_remove_children (GTK_WIDGET (self->accounts_box));
  for (guint i = 0; i < self->data->accounts->len; i++)
    {
      KocPersonAccount *account = self->data->accounts->pdata[i];
      g_autofree char *followers = koc_format_count (account->followers);
      /* Translators: an account in the profile header: platform @handle · followers */
      g_autofree char *text = g_strdup_printf (_("%s @%s · %s"), koc_format_platform_name (account->platform),
                                               account->handle, followers);
      g_autofree char *tip = NULL;
      GtkWidget *chip;

      if (account->url != NULL && *account->url != '\0')
        {
          chip = gtk_button_new_with_label (text);
          g_object_set_data_full (G_OBJECT (chip), "koc-url", g_strdup (account->url), g_free);
          g_signal_connect (chip, "clicked", G_CALLBACK (open_url_clicked_cb), NULL);
          /* Translators: tooltip of an account button; %s is its web address */
          tip = g_strdup_printf (_("Open %s"), account->url);
          gtk_widget_set_tooltip_text (chip, tip);
        }
      else
        {
          chip = gtk_label_new (text);
        }
      gtk_widget_add_css_class (chip, "people-chip");
      gtk_widget_set_halign (chip, GTK_ALIGN_START);
      if (self->data->accounts->len > 1)
        {
          /* Several accounts: each can be split off into a person of its own. */
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

          gtk_box_append (GTK_BOX (box), chip);
          gtk_box_append (GTK_BOX (box), _koc_people_split_button (self, account));
          chip = box;
          gtk_widget_set_halign (chip, GTK_ALIGN_START);
        }
      gtk_flow_box_append (self->accounts_box, chip);
    }
}

static void
fill_header (KocPeopleProfile *self)
{
  const KocPersonProfile *data = self->data;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *facts_text = NULL;
  guint stage = 0;

  adw_avatar_set_text (self->avatar, data->display_name);
  adw_avatar_set_custom_image (self->avatar, NULL);
  gtk_label_set_label (self->name_label, data->display_name);

  if (data->region != NULL && *data->region != '\0')
    g_ptr_array_add (facts, g_strdup (data->region));
  if (data->category != NULL && *data->category != '\0')
    g_ptr_array_add (facts, g_strdup (koc_format_category_name (data->category)));
  if (data->accounts->len > 0)
    {
      KocPersonAccount *biggest = data->accounts->pdata[0];

      g_ptr_array_add (facts, g_strdup (koc_format_tier_name (biggest->tier)));
    }
  g_ptr_array_add (facts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts",
                                                        data->accounts->len), data->accounts->len));
  g_ptr_array_add (facts, NULL);
  facts_text = g_strjoinv (" · ", (char **) facts->pdata);
  gtk_label_set_label (self->facts_label, facts_text);

  fill_accounts (self);

  _koc_people_remove_children (GTK_WIDGET (self->tags_box));
  for (guint i = 0; data->tags[i] != NULL; i++)
    {
      GtkWidget *tag = gtk_label_new (data->tags[i]);

      gtk_widget_add_css_class (tag, "people-tag");
      gtk_box_append (self->tags_box, tag);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), data->tags[0] != NULL);

  for (guint i = 0; stage_keys[i] != NULL; i++)
    if (g_strcmp0 (stage_keys[i], data->stage) == 0)
      stage = i;
  gtk_drop_down_set_selected (self->stage_dropdown, stage);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_entry), data->owner != NULL ? data->owner : "");

  /* The avatar of the biggest account that has one. */
  for (guint i = 0; i < data->accounts->len; i++)
    {
      KocPersonAccount *account = data->accounts->pdata[i];

      if (account->avatar_sha256 != NULL)
        {
          g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
          g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (targets, g_object_ref (self->avatar));
          g_ptr_array_add (hashes, g_strdup (account->avatar_sha256));
          koc_media_textures_load (self->store, targets, hashes, set_avatar, self->cancellable);
          break;
        }
    }
}

/* Loading */

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

static gboolean
restore_scroll_cb (gpointer data)
{
  KocPeopleProfile *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (self->keep_scroll >= 0)
    gtk_adjustment_set_value (adjustment, self->keep_scroll);
  self->keep_scroll = -1;
  return G_SOURCE_REMOVE;
}

static void
load_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  KocPeopleProfile *self = request->self;
  g_autoptr(GError) error = NULL;
  KocPersonProfile *data = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &data, &error))
    {
      if (request->generation != self->generation)
        return;
      self->loading--;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  if (request->generation != self->generation)
    {
      koc_person_profile_free (data);
      return;
    }
  self->loading--;
  koc_people_posts_set_person (self->posts, self->store, NULL);
  g_clear_pointer (&self->data, koc_person_profile_free);
  self->data = data;

  self->filling = TRUE;
  fill_header (self);
  _koc_people_stats_fill (self);
  _koc_people_history_fill (self);
  _koc_people_relationship_fill (self);
  koc_people_posts_set_person (self->posts, self->store, self->data);
  _koc_people_mediakit_load_files (self);
  _koc_people_mediakit_load_thumbnails (self);
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "profile");
  if (self->keep_scroll >= 0)
    g_idle_add_full (G_PRIORITY_LOW, restore_scroll_cb, g_object_ref (self), g_object_unref);
  else
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
start_load (KocPeopleProfile *self)
{
  Request *request;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->loading = 1;

  request = g_new0 (Request, 1);
  request->self = g_object_ref (self);
  request->generation = self->generation;
  koc_store_run_async (self->store, load_func, g_memdup2 (&self->person_id, sizeof self->person_id), g_free,
                       (GDestroyNotify) koc_person_profile_free, self->cancellable, load_ready_cb, request);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Edits */

typedef struct
{
  KocPeopleProfile *self;   /* owned */
  char             *what;   /* for the error message */
} Edit;

static void
edit_free (Edit *edit)
{
  g_object_unref (edit->self);
  g_free (edit->what);
  g_free (edit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Edit, edit_free)

void
_koc_people_profile_edit_done (KocPeopleProfile *self,
                               const GError     *error,
                               const char       *what)
{
  if (self->editing > 0)
    self->editing--;
  if (error != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, what, error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  koc_people_profile_reload (self);
}

static void
person_edited_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Edit) edit = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = koc_sync_enqueue_finish (KOC_STORE (source), result, &error);

  _koc_people_profile_edit_done (edit->self, error, edit->what);
}

/* @value NULL sets the field to null. */
static void
edit_person (KocPeopleProfile *self,
             const char       *field,
             const char       *value,
             const char       *what)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  Edit *edit;

  if (self->data == NULL || self->store == NULL)
    return;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, field);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  edit = g_new0 (Edit, 1);
  edit->self = g_object_ref (self);
  edit->what = g_strdup (what);
  self->editing++;
  koc_sync_enqueue_async (self->store, "person", self->data->uid, "upsert", json, NULL,
                          person_edited_cb, edit);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
stage_changed_cb (KocPeopleProfile *self)
{
  guint selected = gtk_drop_down_get_selected (self->stage_dropdown);

  if (self->filling || self->data == NULL || selected >= G_N_ELEMENTS (stage_keys) - 1)
    return;
  if (g_strcmp0 (self->data->stage, stage_keys[selected]) == 0)
    return;
  edit_person (self, "stage", stage_keys[selected], _("Could Not Change the Stage"));
}

static void
owner_activated_cb (KocPeopleProfile *self)
{
  g_autofree char *owner = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_entry))));

  if (self->data == NULL || g_strcmp0 (owner, self->data->owner != NULL ? self->data->owner : "") == 0)
    return;
  edit_person (self, "owner", *owner != '\0' ? owner : NULL, _("Could Not Change the Owner"));
}

/* GObject */

static void
koc_people_profile_dispose (GObject *object)
{
  KocPeopleProfile *self = (KocPeopleProfile *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->posts != NULL)
    koc_people_posts_set_person (self->posts, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_PEOPLE_PROFILE);
  self->posts = NULL;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->data, koc_person_profile_free);
  g_clear_pointer (&self->kit_thumbnails, g_hash_table_unref);

  G_OBJECT_CLASS (koc_people_profile_parent_class)->dispose (object);
}

static void
koc_people_profile_class_init (KocPeopleProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_people_profile_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "peopleprofile");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-people-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, stack);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, error_page);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, scroller);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, avatar);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, name_label);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, facts_label);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, accounts_box);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, tags_box);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, owner_entry);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, kit_box);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, stats_box);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, charts_grid);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, posts_box);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, relationship_box);
  gtk_widget_class_bind_template_child (widget_class, KocPeopleProfile, engagements_box);
  gtk_widget_class_bind_template_callback (widget_class, owner_activated_cb);
}

static void
koc_people_profile_init (KocPeopleProfile *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  self->keep_scroll = -1;
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; stage_keys[i] != NULL; i++)
    gtk_string_list_append (stages, koc_format_stage_name (stage_keys[i]));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  g_signal_connect_object (self->stage_dropdown, "notify::selected",
                           G_CALLBACK (stage_changed_cb), self, G_CONNECT_SWAPPED);

  _koc_people_history_init (self);
  self->posts = KOC_PEOPLE_POSTS (koc_people_posts_new ());
  gtk_box_append (self->posts_box, GTK_WIDGET (self->posts));
  _koc_people_relationship_init (self);
  _koc_people_mediakit_init (self);
}

void
koc_people_profile_set_store (KocPeopleProfile *self,
                              KocStore         *store)
{
  g_return_if_fail (KOC_IS_PEOPLE_PROFILE (self));

  if (!g_set_object (&self->store, store))
    return;
  g_cancellable_cancel (self->cancellable);
  self->person_id = 0;
  self->loading = 0;
  self->editing = 0;
  self->files_loading = 0;
  self->generation++;
  koc_people_posts_set_person (self->posts, store, NULL);
  g_clear_pointer (&self->data, koc_person_profile_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
koc_people_profile_load (KocPeopleProfile *self,
                         gint64            person_id)
{
  g_return_if_fail (KOC_IS_PEOPLE_PROFILE (self));

  if (self->store == NULL)
    return;
  if (self->person_id != person_id)
    _koc_people_relationship_reset (self);
  self->person_id = person_id;
  self->keep_scroll = -1;
  koc_people_posts_set_person (self->posts, self->store, NULL);
  g_clear_pointer (&self->data, koc_person_profile_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  start_load (self);
}

void
koc_people_profile_reload (KocPeopleProfile *self)
{
  g_return_if_fail (KOC_IS_PEOPLE_PROFILE (self));

  if (self->store == NULL || self->person_id <= 0)
    return;
  self->keep_scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  start_load (self);
}

gint64
koc_people_profile_get_person_id (KocPeopleProfile *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_PROFILE (self), 0);

  return self->person_id;
}

const KocPersonProfile *
koc_people_profile_get_data (KocPeopleProfile *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_PROFILE (self), NULL);

  return self->loading > 0 ? NULL : self->data;
}

gboolean
koc_people_profile_is_busy (KocPeopleProfile *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_PROFILE (self), FALSE);

  return self->loading > 0 || self->editing > 0 || self->files_loading > 0 || self->kit_loading > 0;
}
