/* koc-people-files.c: media-kit files (PDF, images) attached to a person, kept in the
 * workspace so they open offline: the bytes go into the `media` table by sha256 and a
 * row of `person_files` (the "people" schema part) names them for the person, both in
 * one write transaction on the store's worker; the link is queued for the server (sync
 * kind "person_file", koc-people-sync.c). Opening one writes the bytes to a cache
 * file and hands it to the desktop (gtk_show_uri). Removing one can be undone from the
 * toast (the media row stays; only the link goes).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-files"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-media-textures.h"
#include "koc-people-profile-private.h"
#include "koc-people-sync.h"

/* Attached files */

typedef struct
{
  gint64  person_id;
  char   *file_name;
  char   *mime;
  GBytes *bytes;   /* NULL: only the link (undo of a removal) */
  char   *sha256;
  gboolean remove;
} FileEdit;

static void
file_edit_free (gpointer data)
{
  FileEdit *edit = data;

  g_free (edit->file_name);
  g_free (edit->mime);
  g_clear_pointer (&edit->bytes, g_bytes_unref);
  g_free (edit->sha256);
  g_free (edit);
}

static gboolean
file_edit_func (sqlite3       *db,
                gpointer       data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  FileEdit *edit = data;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (edit->remove)
    return koc_people_sync_person_file (db, edit->person_id, edit->sha256, NULL, TRUE, error);
  if (edit->bytes != NULL)
    {
      gsize size;
      const void *bytes = g_bytes_get_data (edit->bytes, &size);

      /* A placeholder row (no data yet) gets the bytes; a complete row stays. */
      if (!koc_db_prepare (db, "INSERT INTO media (sha256, mime, bytes, data) VALUES (?1, ?2, ?3, ?4)"
                               " ON CONFLICT (sha256) DO UPDATE SET data = excluded.data, mime = excluded.mime,"
                               " bytes = excluded.bytes WHERE media.data IS NULL", &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, edit->sha256, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, edit->mime, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, size);
      sqlite3_bind_blob64 (stmt, 4, bytes, size, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return koc_db_set_error (db, rc, _("Could not store the file"), error);
    }
  /* The link is written and queued for the server (kind "person_file"). */
  return koc_people_sync_person_file (db, edit->person_id, edit->sha256, edit->file_name, FALSE, error);
}

static void file_edited_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
run_file_edit (KocPeopleProfile *self,
               FileEdit         *edit)
{
  self->editing++;
  koc_store_write_async (self->store, file_edit_func, edit, file_edit_free, NULL, NULL,
                         file_edited_cb, g_object_ref (self));
}

static void
file_edited_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KocPeopleProfile) self = user_data;
  g_autoptr(GError) error = NULL;

  koc_store_run_finish (KOC_STORE (source), result, NULL, &error);
  if (self->editing > 0)
    self->editing--;
  if (error != NULL)
    _koc_people_show_error (self, _("Could Not Change the Media Kit Files"), error);
  _koc_people_mediakit_load_files (self);
}

typedef struct
{
  KocPeopleProfile *self;   /* owned */
  gint64            person_id;
  char             *name;
} Attach;

static void
attach_free (Attach *attach)
{
  g_object_unref (attach->self);
  g_free (attach->name);
  g_free (attach);
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Attach *attach = user_data;
  KocPeopleProfile *self = attach->self;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;
  FileEdit *edit;
  g_autofree char *type = NULL;

  if (self->editing > 0)
    self->editing--;
  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      _koc_people_show_error (self, _("Could Not Attach the File"), error);
      attach_free (attach);
      return;
    }
  edit = g_new0 (FileEdit, 1);
  edit->person_id = attach->person_id;
  edit->file_name = g_strdup (attach->name);
  edit->bytes = g_bytes_new_take (contents, length);
  edit->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, edit->bytes);
  type = g_content_type_guess (attach->name, (const guchar *) contents, MIN (length, 4096), NULL);
  edit->mime = g_content_type_get_mime_type (type);
  if (edit->mime == NULL)
    edit->mime = g_strdup ("application/octet-stream");
  run_file_edit (self, edit);
  attach_free (attach);
}

void
koc_people_profile_attach_file (KocPeopleProfile *self,
                                GFile            *file)
{
  Attach *attach;

  g_return_if_fail (KOC_IS_PEOPLE_PROFILE (self));

  if (self->data == NULL || self->store == NULL)
    return;
  attach = g_new0 (Attach, 1);
  attach->self = g_object_ref (self);
  attach->person_id = self->data->id;
  attach->name = g_file_get_basename (file);
  self->editing++;
  g_file_load_contents_async (file, NULL, file_loaded_cb, attach);
}

static void
attach_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    KocPeopleProfile *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      koc_people_profile_attach_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

void
_koc_people_files_attach_cb (KocPeopleProfile *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Attach a Media Kit File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents and images"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (attach_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct
{
  char   *sha256;
  char   *file_name;
  char   *mime;
  gint64  bytes;
  gint64  attached_at;
} FileRow;

static void
file_row_free (gpointer data)
{
  FileRow *row = data;

  g_free (row->sha256);
  g_free (row->file_name);
  g_free (row->mime);
  g_free (row);
}

static gboolean
list_files_func (sqlite3       *db,
                 gpointer       data,
                 gpointer      *result,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (file_row_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT f.sha256, f.file_name, m.mime, m.bytes, f.attached_at FROM person_files f"
                           " JOIN media m ON m.sha256 = f.sha256 WHERE f.person_id = ?1"
                           " ORDER BY f.attached_at DESC, f.id DESC", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *(gint64 *) data);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FileRow *row = g_new0 (FileRow, 1);

      row->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->mime = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->bytes = sqlite3_column_int64 (stmt, 3);
      row->attached_at = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not list the media kit files"), error);
  *result = g_steal_pointer (&rows);
  return TRUE;
}

/* Open: the bytes to a cache file, then the desktop's viewer. */

static gboolean
read_file_func (sqlite3       *db,
                gpointer       data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT data FROM media WHERE sha256 = ?1 AND data IS NOT NULL", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This workspace has no copy of the file."));
      return FALSE;
    }
  return rc == SQLITE_ROW || koc_db_set_error (db, rc, _("Could not read the file"), error);
}

typedef struct
{
  KocPeopleProfile *self;  /* owned */
  char             *path;  /* where the copy goes */
} Open;

static void
open_free (Open *open)
{
  g_object_unref (open->self);
  g_free (open->path);
  g_free (open);
}

char *
_koc_people_mediakit_cache_path (const char *sha256,
                                 const char *file_name)
{
  g_autofree char *base = g_path_get_basename (file_name);

  return g_build_filename (g_get_user_cache_dir (), "kocdesk", "attachments", sha256, base, NULL);
}

/* Writes the copy and hands it to the desktop's viewer; takes @open. @bytes NULL:
 * @error says why there are none. */
static void
show_copy (Open   *open,
           GBytes *bytes,
           GError *error)
{
  g_autofree char *dir = g_path_get_dirname (open->path);

  if (bytes == NULL || g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (open->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      _koc_people_show_error (open->self, _("Could Not Open the File"), error);
      g_clear_error (&error);
    }
  else
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (open->self));
      g_autofree char *uri = g_filename_to_uri (open->path, NULL, NULL);

      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
    }
  open_free (open);
}

static void
file_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &bytes, &error);
  show_copy (user_data, bytes, error);
}

/* Through the media cache: the workspace's copy, else the disk cache, else the server
 * (the bytes another device attached and uploaded). */
static void
file_fetched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(GBytes) bytes = koc_media_cache_lookup_finish (KOC_MEDIA_CACHE (source), result,
                                                           NULL, NULL, &error);

  show_copy (user_data, bytes, error);
}

static void
open_file_clicked_cb (GtkButton        *button,
                      KocPeopleProfile *self)
{
  const char *sha256 = g_object_get_data (G_OBJECT (button), "koc-sha256");
  const char *name = g_object_get_data (G_OBJECT (button), "koc-name");
  Open *open = g_new0 (Open, 1);
  KocMediaCache *cache;

  open->self = g_object_ref (self);
  open->path = _koc_people_mediakit_cache_path (sha256, name);
  cache = koc_media_textures_cache_for (GTK_WIDGET (self));
  if (cache != NULL)
    koc_media_cache_lookup_async (cache, sha256, KOC_MEDIA_CACHE_LOOKUP_DEFAULT, NULL,
                                  file_fetched_cb, open);
  else
    koc_store_run_async (self->store, read_file_func, g_strdup (sha256), g_free,
                         (GDestroyNotify) g_bytes_unref, NULL, file_read_cb, open);
}

static void
undo_remove_cb (AdwToast *toast,
                FileEdit *edit)
{
  KocPeopleProfile *self = g_object_get_data (G_OBJECT (toast), "koc-profile");
  FileEdit *copy = g_new0 (FileEdit, 1);

  copy->person_id = edit->person_id;
  copy->sha256 = g_strdup (edit->sha256);
  copy->file_name = g_strdup (edit->file_name);
  run_file_edit (self, copy);
}

static void
remove_file_clicked_cb (GtkButton        *button,
                        KocPeopleProfile *self)
{
  FileEdit *edit = g_new0 (FileEdit, 1);
  FileEdit *undo = g_new0 (FileEdit, 1);
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (self->data == NULL)
    return;
  edit->person_id = undo->person_id = self->data->id;
  edit->sha256 = g_strdup (g_object_get_data (G_OBJECT (button), "koc-sha256"));
  undo->sha256 = g_strdup (edit->sha256);
  undo->file_name = g_strdup (g_object_get_data (G_OBJECT (button), "koc-name"));
  edit->remove = TRUE;
  run_file_edit (self, edit);

  /* Translators: a toast; %s is a file name */
  title = g_strdup_printf (_("Removed “%s”"), undo->file_name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "koc-profile", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_cb), undo,
                         (GClosureNotify) (void (*) (void)) file_edit_free, 0);
  _koc_people_show_toast (self, toast);
}

static void
files_listed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KocPeopleProfile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (self->files_loading > 0)
    self->files_loading--;
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &rows, &error) ||
      self->files_generation != self->generation)
    {
      if (error == NULL)
        return;  /* another person is shown meanwhile */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("%s", error->message);
      g_signal_emit_by_name (self, "changed");
      return;
    }
  _koc_people_clear_list (self->files_list, _("No media kit files attached. Attach the PDFs and images this person sent you to have them at hand offline."));
  self->n_files = rows->len;
  for (guint i = 0; i < rows->len; i++)
    {
      FileRow *row = rows->pdata[i];
      g_autofree char *size = g_format_size (row->bytes);
      g_autofree char *when = _koc_people_format_date (row->attached_at);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", row->mime, size, when);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *text = _koc_people_dim_row (row->file_name, subtitle);
      GtkWidget *open = gtk_button_new_with_label (_("Open"));
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), row->file_name);

      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_end (remove, 8);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      for (GtkWidget *button = open; button != NULL; button = button == open ? remove : NULL)
        {
          g_object_set_data_full (G_OBJECT (button), "koc-sha256", g_strdup (row->sha256), g_free);
          g_object_set_data_full (G_OBJECT (button), "koc-name", g_strdup (row->file_name), g_free);
        }
      g_signal_connect_object (open, "clicked", G_CALLBACK (open_file_clicked_cb), self, 0);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_file_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (GTK_BOX (box), open);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_list_box_append (self->files_list, box);
    }
  g_signal_emit_by_name (self, "changed");
}

void
_koc_people_mediakit_load_files (KocPeopleProfile *self)
{
  if (self->store == NULL || self->person_id <= 0)
    return;
  self->files_loading++;
  self->files_generation = self->generation;
  koc_store_run_async (self->store, list_files_func, g_memdup2 (&self->person_id, sizeof self->person_id), g_free,
                       (GDestroyNotify) g_ptr_array_unref, self->cancellable, files_listed_cb, g_object_ref (self));
}

guint
koc_people_profile_get_n_files (KocPeopleProfile *self)
{
  g_return_val_if_fail (KOC_IS_PEOPLE_PROFILE (self), 0);

  return self->n_files;
}

