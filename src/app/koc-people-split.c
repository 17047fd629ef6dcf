/* koc-people-split.c: "Split Off" in the profile header of a person with several
 * platform accounts: the account moves to a new person of its own
 * (koc_sync_identity_split() on the store's worker: the split and the outbox entries of
 * every entity it changed, in one write transaction), the profile
 * reloads, and a toast offers Undo (koc_sync_identity_undo()). The undo shows no toast of its
 * own: libadwaita 1.2 unrefs a toast twice when one is added while the dismissed one
 * still hides (see koc-campaigns-*.c); the profile and the list show it.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-split"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-names.h"
#include "koc-people-profile-private.h"
#include "koc-sync-identity.h"

typedef struct
{
  KocPeopleProfile *self;
  gint64            account_id;
  gint64            split_id;      /* 0: split; else undo this split */
  gint64            new_person_id; /* out */
  char             *label;         /* "Weibo @handle" */
} Split;

static void
split_free (gpointer data)
{
  Split *split = data;

  g_clear_object (&split->self);
  g_free (split->label);
  g_free (split);
}

static gboolean
split_func (sqlite3       *db,
            gpointer       data,
            gpointer      *result,
            GCancellable  *cancellable,
            GError       **error)
{
  Split *split = data;

  if (split->split_id != 0)
    return koc_sync_identity_undo (db, split->split_id, error);
  /* Through the outbox: the new person and the moved account reach the server. */
  split->split_id = koc_sync_identity_split (db, split->account_id, &split->new_person_id, error);
  return split->split_id != 0;
}

static void run_split (Split *split);

static void
undo_clicked_cb (AdwToast *toast,
                 Split    *split)
{
  Split *undo = g_new0 (Split, 1);

  undo->self = g_object_ref (split->self);
  undo->split_id = split->split_id;
  undo->label = g_strdup (split->label);
  run_split (undo);
}

static void
split_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Split *split = user_data;
  KocPeopleProfile *self = split->self;
  g_autoptr(GError) error = NULL;
  gboolean undo = split->account_id == 0;

  koc_store_run_finish (KOC_STORE (source), result, NULL, &error);
  _koc_people_profile_edit_done (self, error, undo ? _("Could Not Undo the Split")
                                                   : _("Could Not Split the Account Off"));
  /* The list shows one more (or one less) person. */
  gtk_widget_activate_action (GTK_WIDGET (self), "people.refresh", NULL);
  if (error == NULL && !undo)
    {
      /* Translators: a toast; %s is a platform account, e.g. "Weibo @lily" */
      g_autofree char *title = g_strdup_printf (_("Split %s off into a new person"), split->label);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                             g_steal_pointer (&split), (GClosureNotify) (void (*) (void)) split_free, 0);
      _koc_people_show_toast (self, toast);
    }
  g_clear_pointer (&split, split_free);
}

static void
run_split (Split *split)
{
  KocPeopleProfile *self = split->self;

  if (self->store == NULL)
    {
      split_free (split);
      return;
    }
  self->editing++;
  koc_store_write_async (self->store, split_func, split, NULL, NULL, NULL, split_done_cb, split);
}

static void
split_clicked_cb (GtkButton        *button,
                  KocPeopleProfile *self)
{
  Split *split = g_new0 (Split, 1);

  split->self = g_object_ref (self);
  split->account_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "koc-account-id"));
  split->label = g_strdup (g_object_get_data (G_OBJECT (button), "koc-account-label"));
  run_split (split);
}

GtkWidget *
_koc_people_split_button (KocPeopleProfile       *self,
                          const KocPersonAccount *account)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-cut-symbolic");
  /* Translators: an account in chart legends: platform name and @handle. */
  g_autofree char *label = g_strdup_printf (_("%1$s @%2$s"), koc_format_platform_name (account->platform),
                                            account->handle);
  /* Translators: tooltip of the button next to an account; %s is e.g. "Weibo @lily" */
  g_autofree char *tip = g_strdup_printf (_("Split %s off into a new person"), label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  g_object_set_data (G_OBJECT (button), "koc-account-id", GSIZE_TO_POINTER ((gsize) account->id));
  g_object_set_data_full (G_OBJECT (button), "koc-account-label", g_steal_pointer (&label), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (split_clicked_cb), self, 0);
  return button;
}
