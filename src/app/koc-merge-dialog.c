/* koc-merge-dialog.c: "Review Duplicates": merge suggestions to accept or reject.
 *
 * The suggestions are computed on the store's worker (koc_identity_suggest()); Merge and
 * Not the Same write on the worker too, then the list is read again. A merge shows a
 * toast with Undo (koc_identity_undo()). Merge and undo go through the sync outbox
 * (koc_sync_identity_merge(): the changed people, accounts, notes… are queued for the
 * server in the same transaction).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-merge-dialog.h"
#include "koc-sync-identity.h"

struct _KocMergeDialog
{
  AdwWindow        parent_instance;

  KocStore        *store;
  GCancellable    *cancellable;
  GPtrArray       *suggestions;
  gint64           last_merge;
  int              last_op;
  guint            pending;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (KocMergeDialog, koc_merge_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  int    op;   /* 0 merge, 1 reject, 2 undo */
  gint64 a;
  gint64 b;
} Change;

static void load (KocMergeDialog *self);

static const char *
reason_text (KocIdentityReason reason)
{
  switch (reason)
    {
    case KOC_IDENTITY_SAME_EMAIL:
      return _("Same email");
    case KOC_IDENTITY_SAME_WECHAT:
      return _("Same WeChat ID");
    case KOC_IDENTITY_SAME_PHONE:
      return _("Same phone number");
    case KOC_IDENTITY_SAME_HANDLE:
      return _("Same handle on another platform");
    case KOC_IDENTITY_SIMILAR_NAME:
    default:
      return _("Similar name on another platform");
    }
}

static gboolean
change_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Change *change = data;
  gint64 id;

  switch (change->op)
    {
    case 0:
      id = koc_sync_identity_merge (db, change->a, change->b, error);
      *result = g_memdup2 (&id, sizeof id);
      return id > 0;
    case 1:
      return koc_identity_reject (db, change->a, change->b, error);
    default:
      return koc_sync_identity_undo (db, change->a, error);
    }
}

static void undo_toast_cb (AdwToast *toast, KocMergeDialog *self);

static void
change_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KocMergeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *merge_id = NULL;
  int op = self->last_op;

  self->pending--;
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &merge_id, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      load (self);
      return;
    }
  if (merge_id != NULL)
    {
      AdwToast *toast = adw_toast_new (_("People merged"));

      self->last_merge = *merge_id;
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else if (op == 2)
    {
      self->last_merge = 0;
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Merge undone")));
    }
  if (op != 1)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  load (self);
}

static void
run_change (KocMergeDialog *self,
            int             op,
            gint64          a,
            gint64          b)
{
  Change *change = g_new0 (Change, 1);

  change->op = op;
  change->a = a;
  change->b = b;
  self->last_op = op;
  self->pending++;
  koc_store_write_async (self->store, change_func, change, g_free, g_free, self->cancellable,
                         change_ready_cb, g_object_ref (self));
}

void
koc_merge_dialog_accept (KocMergeDialog *self,
                         guint           index)
{
  KocIdentitySuggestion *s;

  g_return_if_fail (KOC_IS_MERGE_DIALOG (self));
  g_return_if_fail (self->suggestions != NULL && index < self->suggestions->len);

  s = self->suggestions->pdata[index];
  run_change (self, 0, s->kept_id, s->other_id);
}

void
koc_merge_dialog_reject (KocMergeDialog *self,
                         guint           index)
{
  KocIdentitySuggestion *s;

  g_return_if_fail (KOC_IS_MERGE_DIALOG (self));
  g_return_if_fail (self->suggestions != NULL && index < self->suggestions->len);

  s = self->suggestions->pdata[index];
  run_change (self, 1, s->kept_id, s->other_id);
}

void
koc_merge_dialog_undo_last (KocMergeDialog *self)
{
  g_return_if_fail (KOC_IS_MERGE_DIALOG (self));

  if (self->last_merge > 0)
    run_change (self, 2, self->last_merge, 0);
}

static void
undo_toast_cb (AdwToast       *toast,
               KocMergeDialog *self)
{
  koc_merge_dialog_undo_last (self);
}

gint64
koc_merge_dialog_get_last_merge (KocMergeDialog *self)
{
  g_return_val_if_fail (KOC_IS_MERGE_DIALOG (self), 0);

  return self->last_merge;
}

gboolean
koc_merge_dialog_is_busy (KocMergeDialog *self)
{
  g_return_val_if_fail (KOC_IS_MERGE_DIALOG (self), FALSE);

  return self->pending > 0;
}

GPtrArray *
koc_merge_dialog_get_suggestions (KocMergeDialog *self)
{
  g_return_val_if_fail (KOC_IS_MERGE_DIALOG (self), NULL);

  return self->suggestions;
}

/* The list */

static void
row_button_cb (GtkButton      *button,
               KocMergeDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  gboolean merge = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "merge"));

  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (button)), FALSE);
  if (merge)
    koc_merge_dialog_accept (self, index);
  else
    koc_merge_dialog_reject (self, index);
}

static GtkWidget *
make_row (KocMergeDialog        *self,
          KocIdentitySuggestion *s,
          guint                  index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *confidence, *reject, *merge;
  g_autofree char *title = g_strdup_printf ("%s  ⇄  %s", s->kept_name ? s->kept_name : "",
                                            s->other_name ? s->other_name : "");
  g_autofree char *subtitle = NULL;
  g_autofree char *percent = g_strdup_printf (_("%d%%"), (int) (s->confidence * 100 + 0.5));

  subtitle = g_strdup_printf ("%s: %s\n%s: %s\n%s: %s", reason_text (s->reason), s->value ? s->value : "",
                              s->kept_name ? s->kept_name : "",
                              *s->kept_accounts ? s->kept_accounts : _("no accounts"),
                              s->other_name ? s->other_name : "",
                              *s->other_accounts ? s->other_accounts : _("no accounts"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  confidence = gtk_label_new (percent);
  gtk_widget_set_tooltip_text (confidence, _("How likely they are the same person"));
  gtk_widget_add_css_class (confidence, "numeric");
  gtk_widget_add_css_class (confidence, s->confidence >= 0.8 ? "success" : "warning");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  reject = gtk_button_new_with_mnemonic (_("_Not the Same"));
  merge = gtk_button_new_with_mnemonic (_("_Merge"));
  gtk_widget_add_css_class (merge, "suggested-action");
  g_object_set_data (G_OBJECT (reject), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (merge), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (merge), "merge", GINT_TO_POINTER (TRUE));
  g_signal_connect (reject, "clicked", G_CALLBACK (row_button_cb), self);
  g_signal_connect (merge, "clicked", G_CALLBACK (row_button_cb), self);
  gtk_box_append (GTK_BOX (box), confidence);
  gtk_box_append (GTK_BOX (box), reject);
  gtk_box_append (GTK_BOX (box), merge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static gboolean
suggest_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  GPtrArray *suggestions = koc_identity_suggest (db, 200, error);

  *result = suggestions;
  return suggestions != NULL;
}

static void
suggest_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KocMergeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *suggestions = NULL;
  GtkWidget *child;

  self->pending--;
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *) &suggestions, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  gtk_spinner_stop (self->spinner);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = suggestions;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < suggestions->len; i++)
    gtk_list_box_append (self->list_box, make_row (self, suggestions->pdata[i], i));
  gtk_stack_set_visible_child_name (self->stack, suggestions->len > 0 ? "list" : "empty");
}

static void
load (KocMergeDialog *self)
{
  if (self->suggestions == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  self->pending++;
  koc_store_run_async (self->store, suggest_func, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                       self->cancellable, suggest_ready_cb, g_object_ref (self));
}

static void
koc_merge_dialog_dispose (GObject *object)
{
  KocMergeDialog *self = (KocMergeDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_MERGE_DIALOG);
  G_OBJECT_CLASS (koc_merge_dialog_parent_class)->dispose (object);
}

static void
koc_merge_dialog_finalize (GObject *object)
{
  KocMergeDialog *self = (KocMergeDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  G_OBJECT_CLASS (koc_merge_dialog_parent_class)->finalize (object);
}

static void
koc_merge_dialog_class_init (KocMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_merge_dialog_dispose;
  object_class->finalize = koc_merge_dialog_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KocMergeDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KocMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KocMergeDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KocMergeDialog, list_box);
}

static void
koc_merge_dialog_init (KocMergeDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

KocMergeDialog *
koc_merge_dialog_new (GtkWindow *parent,
                      KocStore  *store)
{
  KocMergeDialog *self;

  g_return_val_if_fail (KOC_IS_STORE (store), NULL);

  self = g_object_new (KOC_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load (self);
  return self;
}
