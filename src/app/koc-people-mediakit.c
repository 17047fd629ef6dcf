/* koc-people-mediakit.c: the profile's media-kit buttons — export the one-sheet as an
 * A4 PDF or a PNG (src/charts/koc-mediakit.h), compare with others
 * (koc-people-compare.c), attach files (koc-people-files.c) — and the toasts and error
 * dialogs the profile shows.
 *
 * Rendering runs on the UI thread, in one go: koc_mediakit_write() lays its text out
 * with Pango on the default font map, which GTK uses on this thread and which is not
 * thread-safe; one page takes a few tens of milliseconds, so a worker with its own
 * pango_cairo_font_map_new() was not worth a second font cache.
 *
 * The top posts' images come from the workspace's media table: read on the worker
 * when a profile loads (_koc_people_mediakit_load_thumbnails), decoded here, drawn in
 * the kit; a post whose image is not in the workspace gets the placeholder.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-mediakit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koc-db.h"
#include "koc-mediakit.h"
#include "koc-people-compare.h"
#include "koc-people-profile-private.h"

/* Export */

static cairo_surface_t *
surface_from_paintable (GdkPaintable *paintable)
{
  GdkTexture *texture;
  cairo_surface_t *surface;

  if (!GDK_IS_TEXTURE (paintable))
    return NULL;
  texture = GDK_TEXTURE (paintable);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (texture),
                                        gdk_texture_get_height (texture));
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

gboolean
koc_people_profile_export_mediakit (KocPeopleProfile  *self,
                                    const char        *path,
                                    GError           **error)
{
  KocMediakitPerson person = { 0 };
  KocMediakitFormat format;
  gboolean ok;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (KOC_IS_PEOPLE_PROFILE (self), FALSE);

  if (self->data == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The profile is still loading."));
      return FALSE;
    }
  if (!koc_mediakit_format_for_path (path, &format))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("Choose a file name ending in .pdf or .png."));
      return FALSE;
    }
  person.profile = self->data;
  person.avatar = surface_from_paintable (adw_avatar_get_custom_image (self->avatar));
  if (self->kit_thumbnails != NULL && g_hash_table_size (self->kit_thumbnails) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      person.thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) cairo_surface_destroy);
      g_hash_table_iter_init (&iter, self->kit_thumbnails);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (person.thumbnails, key, surface_from_paintable (value));
    }
  ok = koc_mediakit_write (&person, 1, format, NULL, path, error);
  g_clear_pointer (&person.avatar, cairo_surface_destroy);
  g_clear_pointer (&person.thumbnails, g_hash_table_unref);
  g_debug ("media kit %s in %.1f ms", path, (g_get_monotonic_time () - started) / 1000.0);
  return ok;
}

/* Top posts' thumbnails */

typedef struct
{
  KocPeopleProfile *self;
  guint             generation;
  char             *hashes;  /* a JSON array */
} Thumbnails;

static void
thumbnails_free (gpointer data)
{
  Thumbnails *thumbnails = data;

  g_object_unref (thumbnails->self);
  g_free (thumbnails->hashes);
  g_free (thumbnails);
}

/* → a GHashTable: sha256 → GBytes */
static gboolean
read_thumbnails_func (sqlite3       *db,
                      gpointer       data,
                      gpointer      *result,
                      GCancellable  *cancellable,
                      GError       **error)
{
  Thumbnails *thumbnails = data;
  g_autoptr(GHashTable) images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_bytes_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT sha256, data FROM media WHERE data IS NOT NULL AND sha256 IN"
                           " (SELECT value FROM json_each (?1))", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, thumbnails->hashes, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (images, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the workspace"), error);
  *result = g_steal_pointer (&images);
  return TRUE;
}

static void
thumbnails_read_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Thumbnails *thumbnails = user_data;
  KocPeopleProfile *self = thumbnails->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) images = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (self->kit_loading > 0)
    self->kit_loading--;
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &images, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("%s", error->message);
  /* Decoded here (a few images): SVG goes through librsvg and Pango, UI thread only. */
  if (images != NULL && thumbnails->generation == self->generation && self->kit_thumbnails != NULL)
    {
      g_hash_table_iter_init (&iter, images);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GdkTexture *texture = gdk_texture_new_from_bytes (value, NULL);

          if (texture != NULL)
            g_hash_table_insert (self->kit_thumbnails, g_strdup (key), texture);
        }
    }
  g_signal_emit_by_name (self, "changed");
  thumbnails_free (thumbnails);
}

void
_koc_people_mediakit_load_thumbnails (KocPeopleProfile *self)
{
  g_autoptr(GString) hashes = g_string_new ("[");
  Thumbnails *thumbnails;

  if (self->kit_thumbnails == NULL)
    self->kit_thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_hash_table_remove_all (self->kit_thumbnails);
  if (self->data == NULL || self->store == NULL)
    return;
  for (guint i = 0; i < self->data->top_posts->len; i++)
    {
      const KocPersonPost *post = self->data->top_posts->pdata[i];

      /* sha256s are hex digits: no JSON escaping needed */
      if (post->image_sha256 != NULL && strspn (post->image_sha256, "0123456789abcdef") == 64)
        g_string_append_printf (hashes, "%s\"%s\"", hashes->len > 1 ? "," : "", post->image_sha256);
    }
  if (hashes->len == 1)
    return;
  g_string_append_c (hashes, ']');

  thumbnails = g_new0 (Thumbnails, 1);
  thumbnails->self = g_object_ref (self);
  thumbnails->generation = self->generation;
  thumbnails->hashes = g_string_free (g_steal_pointer (&hashes), FALSE);
  self->kit_loading++;
  koc_store_run_async (self->store, read_thumbnails_func, thumbnails, NULL,
                       (GDestroyNotify) g_hash_table_unref, self->cancellable,
                       thumbnails_read_cb, thumbnails);
}

void
_koc_people_show_toast (KocPeopleProfile *self,
            AdwToast         *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
_koc_people_show_error (KocPeopleProfile *self,
            const char       *heading,
            const GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    KocPeopleProfile *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (path != NULL && koc_people_profile_export_mediakit (self, path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: a toast; %s is a file name */
          g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

          _koc_people_show_toast (self, adw_toast_new (title));
        }
      else if (error != NULL)
        {
          _koc_people_show_error (self, _("Could Not Export the Media Kit"), error);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export (KocPeopleProfile *self,
        const char       *extension)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->data == NULL)
    return;
  /* Translators: the suggested file name of a media kit; %s is the person's name */
  name = g_strdup_printf (_("%s media kit.%s"), self->data->display_name, extension);
  dialog = gtk_file_chooser_native_new (g_str_equal (extension, "pdf") ? _("Export Media Kit as PDF")
                                                                       : _("Export Media Kit as PNG"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_add_suffix (filter, extension);
  gtk_file_filter_set_name (filter, g_str_equal (extension, "pdf") ? _("PDF documents") : _("PNG images"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_pdf_cb (KocPeopleProfile *self)
{
  export (self, "pdf");
}

static void
export_png_cb (KocPeopleProfile *self)
{
  export (self, "png");
}

static void
compare_cb (KocPeopleProfile *self)
{
  if (self->data != NULL)
    _koc_people_compare_show (GTK_WIDGET (self), self->store, self->data->id);
}

static GtkWidget *
kit_button (KocPeopleProfile *self,
            const char       *label,
            const char       *tooltip,
            GCallback         callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

void
_koc_people_mediakit_init (KocPeopleProfile *self)
{
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->engagements_box));
  GtkWidget *attach = kit_button (self, _("_Attach File…"), _("Keep a PDF or image from this person in the workspace"),
                                  G_CALLBACK (_koc_people_files_attach_cb));

  gtk_box_append (self->kit_box, kit_button (self, _("Export _PDF…"), _("Save the one-sheet media kit as an A4 PDF"),
                                             G_CALLBACK (export_pdf_cb)));
  gtk_box_append (self->kit_box, kit_button (self, _("Export P_NG…"), _("Save the one-sheet media kit as an image"),
                                             G_CALLBACK (export_png_cb)));
  gtk_box_append (self->kit_box, kit_button (self, _("Co_mpare…"), _("Compare this person with up to three others"),
                                             G_CALLBACK (compare_cb)));

  self->files_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->files_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->files_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->files_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Media kit files"), -1);
  gtk_box_append (GTK_BOX (content), _koc_people_section (_("Media Kit Files"), GTK_WIDGET (self->files_list), attach));
}
