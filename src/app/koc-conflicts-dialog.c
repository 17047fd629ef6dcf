/* koc-conflicts-dialog.c: the sync conflicts of a workspace, for the user to decide.
 *
 * The engine records a conflict when the server refused an edit because someone else
 * changed the same field meanwhile (docs/sync.md): the server's value is already in
 * the workspace, the user's is in sync_conflicts. Here each unresolved row offers
 * "Keep Server Value" (resolution 'took_remote') or "Use Mine" (a new edit of that
 * field with the user's value, queued in the outbox in the same transaction that marks
 * the row 'kept_local'; the next sync sends it). Rows are never deleted. Loading and
 * choosing run on the store's worker.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-conflicts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-conflicts-dialog.h"
#include "koc-db.h"
#include "koc-discover-format.h"
#include "koc-entities.h"
#include "koc-sync-store.h"

struct _KocConflictsDialog
{
  AdwWindow        parent_instance;

  KocStore        *store;
  GCancellable    *cancellable;
  guint            n_rows;
  guint            busy;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (KocConflictsDialog, koc_conflicts_dialog, ADW_TYPE_WINDOW)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64  id;
  char   *kind;
  char   *field;
  char   *label;   /* the entity's name, or its uid when it is gone */
  char   *mine;    /* display text; NULL = empty */
  char   *theirs;
  gint64  detected_at;
} Conflict;

static void
conflict_free (gpointer data)
{
  Conflict *conflict = data;

  g_free (conflict->kind);
  g_free (conflict->field);
  g_free (conflict->label);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict);
}

static void load (KocConflictsDialog *self);

/* Worker: the unresolved conflicts, oldest first. */
static gboolean
load_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (conflict_free);
  g_autoptr(KocEntityCache) cache = koc_entity_cache_new (db);
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *name = NULL;
#define SHOW(v) "CASE WHEN " v " IS NULL OR json_type (" v ") = 'null' THEN NULL" \
                " WHEN json_type (" v ") = 'text' THEN " v " ->> '$' ELSE " v " END"
  const char *sql = "SELECT id, entity, entity_uid, field, " SHOW ("local_value") ", "
                    SHOW ("remote_value") ", detected_at FROM sync_conflicts"
                    " WHERE resolution = 'unresolved' ORDER BY id LIMIT 1000";
#undef SHOW
  int rc;

  if (!koc_db_prepare (db, sql, &stmt, error) ||
      !koc_db_prepare (db, "SELECT coalesce (?1 ->> 'display_name', ?1 ->> 'name', ?1 ->> 'handle',"
                       " ?1 ->> 'code', substr (?1 ->> 'body', 1, 40))", &name, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Conflict *conflict = g_new0 (Conflict, 1);
      const char *uid = (const char *) sqlite3_column_text (stmt, 2);
      const KocEntityKind *kind;
      g_autofree char *json = NULL;

      conflict->id = sqlite3_column_int64 (stmt, 0);
      conflict->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      conflict->field = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      conflict->mine = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      conflict->theirs = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      conflict->detected_at = sqlite3_column_int64 (stmt, 6);

      kind = koc_entity_kind_lookup (conflict->kind);
      if (kind != NULL && koc_entity_get_json (cache, kind, uid, &json, NULL) && json != NULL)
        {
          sqlite3_reset (name);
          sqlite3_bind_text (name, 1, json, -1, SQLITE_STATIC);
          if (sqlite3_step (name) == SQLITE_ROW && sqlite3_column_type (name, 0) != SQLITE_NULL)
            conflict->label = g_strdup ((const char *) sqlite3_column_text (name, 0));
        }
      if (conflict->label == NULL)
        conflict->label = g_strdup (uid);
      g_ptr_array_add (rows, conflict);
    }
  sqlite3_finalize (name);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not read the sync conflicts"), error);

  *result = g_steal_pointer (&rows);
  return TRUE;
}

typedef struct
{
  gint64   id;
  gboolean keep_mine;
} Choice;

/* Worker, in a write transaction: the choice, and for "Use Mine" the new edit. */
static gboolean
resolve_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  Choice *choice = data;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (choice->keep_mine)
    {
      g_autofree char *kind = NULL, *uid = NULL, *fields = NULL;
      g_autofree char *client_id = NULL;

      if (!koc_db_prepare (db, "SELECT entity, entity_uid, json_object (field, json (coalesce (local_value, 'null')))"
                           " FROM sync_conflicts WHERE id = ?1 AND resolution = 'unresolved'", &stmt, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, choice->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          uid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          fields = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? TRUE : koc_db_set_error (db, rc, _("Could not read the sync conflicts"), error);

      client_id = koc_sync_store_enqueue (db, kind, uid, "upsert", fields, error);
      if (client_id == NULL)
        return FALSE;
    }

  if (!koc_db_prepare (db, "UPDATE sync_conflicts SET resolution = ?2 WHERE id = ?1 AND resolution = 'unresolved'",
                       &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, choice->id);
  sqlite3_bind_text (stmt, 2, choice->keep_mine ? "kept_local" : "took_remote", -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, _("Could not save the choice"), error);
  return TRUE;
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "person") == 0)
    return _("Person");
  if (g_strcmp0 (kind, "card") == 0)
    return _("Campaign card");
  if (g_strcmp0 (kind, "note") == 0)
    return _("Note");
  if (g_strcmp0 (kind, "reward") == 0)
    return _("Reward");
  if (g_strcmp0 (kind, "saved_search") == 0)
    return _("Saved search");
  if (g_strcmp0 (kind, "interaction") == 0)
    return _("Interaction");
  if (g_strcmp0 (kind, "deliverable") == 0)
    return _("Deliverable");
  if (g_strcmp0 (kind, "person_file") == 0)
    return _("Media kit file");
  return kind;
}

static void
resolved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KocConflictsDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (!koc_store_run_finish (KOC_STORE (source), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  load (self);
}

static void
choose (KocConflictsDialog *self,
        GtkWidget          *button,
        gboolean            keep_mine)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  Choice *choice = g_new0 (Choice, 1);

  choice->id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "koc-conflict-id"));
  choice->keep_mine = keep_mine;
  gtk_widget_set_sensitive (row, FALSE);
  self->busy++;
  koc_store_write_async (self->store, resolve_func, choice, g_free, NULL, self->cancellable,
                         resolved_cb, g_object_ref (self));
}

static void
keep_server_clicked_cb (GtkButton          *button,
                        KocConflictsDialog *self)
{
  choose (self, GTK_WIDGET (button), FALSE);
}

static void
use_mine_clicked_cb (GtkButton          *button,
                     KocConflictsDialog *self)
{
  choose (self, GTK_WIDGET (button), TRUE);
}

/* The synced field names users meet in conflicts, as the panes call them. */
static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "display_name", N_("Name") },
    { "name", N_("Name") },
    { "stage", N_("Stage") },
    { "stage_uid", N_("Stage") },
    { "owner", N_("Owner") },
    { "region", N_("Region") },
    { "category", N_("Category") },
    { "bio", N_("Bio") },
    { "email", N_("Email") },
    { "phone", N_("Phone") },
    { "wechat", N_("WeChat ID") },
    { "consent", N_("Consent") },
    { "position", N_("Position on the board") },
    { "due_at", N_("Due date") },
    { "body", N_("Text") },
    { "text", N_("Text") },
    { "points", N_("Points") },
    { "value_cents", N_("Value") },
    { "query", N_("Search") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (field, labels[i].field))
      return _(labels[i].label);
  return field;
}

static GtkWidget *
value_label (const char *field,
             const char *text,
             const char *css)
{
  GtkWidget *label;

  /* A person's stage is stored as its id ("dormant"): show the name the panes show. */
  if (text != NULL && g_str_equal (field, "stage"))
    text = koc_format_stage_name (text);

  label = gtk_label_new (text != NULL ? text : _("(empty)"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (text == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
make_row (KocConflictsDialog *self,
          const Conflict     *conflict)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title, *caption, *keep, *mine, *label;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (conflict->detected_at);
  g_autofree char *time = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("");
  /* Translators: "Person · 小美 · stage": the kind of entry, its name and the field. */
  g_autofree char *heading = g_strdup_printf (_("%s · %s · %s"), kind_label (conflict->kind),
                                              conflict->label, field_label (conflict->field));
  /* Translators: %s is a date and time. */
  g_autofree char *detected = g_strdup_printf (_("Found at %s"), time);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  label = gtk_label_new (_("Yours"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value_label (conflict->field, conflict->mine, NULL), 1, 0, 1, 1);
  label = gtk_label_new (_("Server"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value_label (conflict->field, conflict->theirs, NULL), 1, 1, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);

  caption = gtk_label_new (detected);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (caption, TRUE);
  gtk_box_append (GTK_BOX (buttons), caption);

  keep = gtk_button_new_with_mnemonic (_("_Keep Server Value"));
  mine = gtk_button_new_with_mnemonic (_("_Use Mine"));
  gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (mine, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (mine, "suggested-action");
  g_signal_connect_object (keep, "clicked", G_CALLBACK (keep_server_clicked_cb), self, 0);
  g_signal_connect_object (mine, "clicked", G_CALLBACK (use_mine_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (buttons), keep);
  gtk_box_append (GTK_BOX (buttons), mine);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "koc-conflict-id", GSIZE_TO_POINTER ((gsize) conflict->id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  return row;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KocConflictsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *child;

  self->busy--;
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &rows, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (rows, i)));

  self->n_rows = rows->len;
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "list" : "empty");
  g_signal_emit (self, signals[RESOLVED], 0, self->n_rows);
}

static void
load (KocConflictsDialog *self)
{
  self->busy++;
  koc_store_run_async (self->store, load_func, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                       self->cancellable, loaded_cb, g_object_ref (self));
}

static void
koc_conflicts_dialog_dispose (GObject *object)
{
  KocConflictsDialog *self = KOC_CONFLICTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_CONFLICTS_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (koc_conflicts_dialog_parent_class)->dispose (object);
}

static void
koc_conflicts_dialog_finalize (GObject *object)
{
  KocConflictsDialog *self = KOC_CONFLICTS_DIALOG (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (koc_conflicts_dialog_parent_class)->finalize (object);
}

static void
koc_conflicts_dialog_class_init (KocConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_conflicts_dialog_dispose;
  object_class->finalize = koc_conflicts_dialog_finalize;

  signals[RESOLVED] =
    g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-conflicts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KocConflictsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KocConflictsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KocConflictsDialog, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
koc_conflicts_dialog_init (KocConflictsDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

KocConflictsDialog *
koc_conflicts_dialog_new (GtkWindow *parent,
                          KocStore  *store)
{
  KocConflictsDialog *self;

  g_return_val_if_fail (KOC_IS_STORE (store), NULL);

  self = g_object_new (KOC_TYPE_CONFLICTS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load (self);
  return self;
}

guint
koc_conflicts_dialog_get_n_rows (KocConflictsDialog *self)
{
  g_return_val_if_fail (KOC_IS_CONFLICTS_DIALOG (self), 0);
  return self->n_rows;
}

gboolean
koc_conflicts_dialog_is_busy (KocConflictsDialog *self)
{
  g_return_val_if_fail (KOC_IS_CONFLICTS_DIALOG (self), FALSE);
  return self->busy > 0;
}
