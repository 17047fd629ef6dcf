/* koc-campaigns-edit-dialog.c: the Edit Campaign window — name, brand, goal, dates,
 * budget, incentive kinds, the board's stages (rename, add, remove an empty one, move
 * up and down with buttons that the keyboard reaches) and the workspace's EMV values
 * (labelled an estimate). Save goes through the sync outbox (koc-campaigns-settings.c)
 * and offers Undo in a toast.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "koc-campaigns-pane-private.h"
#include "koc-campaigns-settings.h"
#include "koc-date-row.h"
#include "koc-db.h"
#include "koc-names.h"

static const char * const incentive_kinds[] = {
  "seeding", "early_access", "referral_code", "event_invite", "content_feature", "ambassador",
  "lucky_draw", "other", NULL
};

typedef struct
{
  KocCampaignDraft *draft;
  GArray           *brand_ids;    /* gint64; index 0 = none */
  GPtrArray        *brand_names;
} EditData;

static void
edit_data_free (gpointer data)
{
  EditData *d = data;

  koc_campaign_draft_free (d->draft);
  g_clear_pointer (&d->brand_ids, g_array_unref);
  g_clear_pointer (&d->brand_names, g_ptr_array_unref);
  g_free (d);
}

typedef struct
{
  KocCampaignsPane *pane;           /* weak: the window dies with the pane's root */
  EditData         *data;
  GtkWidget        *window;
  GtkWidget        *save_button;
  GtkWidget        *name_row;
  GtkWidget        *brand_row;
  GtkWidget        *goal_row;
  GtkWidget        *starts_row;
  GtkWidget        *ends_row;
  GtkWidget        *budget_row;
  GtkWidget        *hashtag_row;
  GtkWidget        *kind_checks[G_N_ELEMENTS (incentive_kinds) - 1];
  GtkWidget        *stage_list;
  GPtrArray        *view_rows;      /* GtkSpinButton pairs: per 1,000 views, per engagement */
  gboolean          rates_changed;
} EditWindow;

static void
edit_window_free (gpointer data)
{
  EditWindow *w = data;

  if (w->pane != NULL)
    g_object_remove_weak_pointer (G_OBJECT (w->pane), (gpointer *)&w->pane);
  if (w->data != NULL)
    edit_data_free (w->data);
  g_clear_pointer (&w->view_rows, g_ptr_array_unref);
  g_free (w);
}

/* "YYYY-MM-DD" (local midnight) → unix time; "" → 0; invalid → -1. */
static gint64
parse_date (const char *text)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;
  char end;

  if (*t == '\0')
    return 0;
  if (sscanf (t, "%d-%d-%d%c", &y, &m, &d, &end) != 3 ||
      (date = g_date_time_new_local (y, m, d, 0, 0, 0)) == NULL)
    return -1;
  return g_date_time_to_unix (date);
}

static char *
format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) date = unix_time != 0 ? g_date_time_new_from_unix_local (unix_time) : NULL;

  return date != NULL ? g_date_time_format (date, "%Y-%m-%d") : g_strdup ("");
}

/* "1234.5" or "1,234.50" → cents; "" → 0; invalid → -1. */
static gint64
parse_money (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *t = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  for (const char *p = t; *p != '\0'; p++)
    if (*p != ',' && *p != ' ' && g_utf8_get_char (p) != 0xA5 /* ¥ */ && (guchar)*p < 0x80)
      g_string_append_c (digits, *p);
  if (digits->len == 0)
    return *t == '\0' ? 0 : -1;
  value = g_ascii_strtod (digits->str, &end);
  if (*end != '\0' || value < 0 || value > 1e13)
    return -1;
  return (gint64)(value * 100 + 0.5);
}

static void
set_row_error (GtkWidget *row,
               gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* Reads the form into the draft; FALSE (and the Save button off) when it cannot be saved. */
static gboolean
read_form (EditWindow *w)
{
  KocCampaignDraft *draft = w->data->draft;
  g_autoptr(GStrvBuilder) kinds = g_strv_builder_new ();
  gint64 starts = parse_date (gtk_editable_get_text (GTK_EDITABLE (w->starts_row)));
  gint64 ends = parse_date (gtk_editable_get_text (GTK_EDITABLE (w->ends_row)));
  gint64 budget = parse_money (gtk_editable_get_text (GTK_EDITABLE (w->budget_row)));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (w->name_row))));
  guint brand = adw_combo_row_get_selected (ADW_COMBO_ROW (w->brand_row));
  gboolean ok = TRUE, stages_ok = TRUE;

  set_row_error (w->name_row, *name == '\0');
  set_row_error (w->starts_row, starts < 0);
  set_row_error (w->ends_row, ends < 0 || (ends > 0 && starts > 0 && ends < starts));
  set_row_error (w->budget_row, budget < 0);
  ok = *name != '\0' && starts >= 0 && ends >= 0 && budget >= 0 && !(ends > 0 && starts > 0 && ends < starts);
  if (ok)
    {
      g_free (draft->name);
      draft->name = g_steal_pointer (&name);
      g_free (draft->goal);
      draft->goal = g_strdup (gtk_editable_get_text (GTK_EDITABLE (w->goal_row)));
      draft->starts_at = starts;
      draft->ends_at = ends;
      draft->budget_cents = budget;
      g_free (draft->hashtag);
      draft->hashtag = g_strdup (gtk_editable_get_text (GTK_EDITABLE (w->hashtag_row)));
      draft->brand_id = brand < w->data->brand_ids->len
                        ? g_array_index (w->data->brand_ids, gint64, brand) : 0;
    }
  for (guint i = 0; incentive_kinds[i] != NULL; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (w->kind_checks[i])))
      g_strv_builder_add (kinds, incentive_kinds[i]);
  g_strfreev (draft->incentive_kinds);
  draft->incentive_kinds = g_strv_builder_end (kinds);
  for (guint i = 0; i < draft->stages->len; i++)
    {
      g_autofree char *stage = g_strstrip (g_strdup (((KocStageDraft *)draft->stages->pdata[i])->name));

      stages_ok = stages_ok && *stage != '\0';
    }
  ok = ok && stages_ok && draft->stages->len > 0;
  gtk_widget_set_sensitive (w->save_button, ok);
  return ok;
}

static void
form_changed_cb (EditWindow *w)
{
  read_form (w);
}

static void fill_stages (EditWindow *w,
                         int         focus_index,
                         const char *focus_what);

static void
stage_name_changed_cb (GtkEditable *editable,
                       EditWindow  *w)
{
  KocStageDraft *stage = g_object_get_data (G_OBJECT (editable), "koc-stage");

  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  g_free (stage->name);
  stage->name = g_strdup (gtk_editable_get_text (editable));
  set_row_error (GTK_WIDGET (editable), *name == '\0');
  read_form (w);
}

static void
stage_button_cb (GtkButton  *button,
                 EditWindow *w)
{
  GPtrArray *stages = w->data->draft->stages;
  const char *what = g_object_get_data (G_OBJECT (button), "koc-what");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "koc-index"));
  int focus = index;

  if (index >= stages->len)
    return;
  if (g_str_equal (what, "up") && index > 0)
    {
      gpointer swap = stages->pdata[index - 1];

      stages->pdata[index - 1] = stages->pdata[index];
      stages->pdata[index] = swap;
      focus = index - 1;
    }
  else if (g_str_equal (what, "down") && index + 1 < stages->len)
    {
      gpointer swap = stages->pdata[index + 1];

      stages->pdata[index + 1] = stages->pdata[index];
      stages->pdata[index] = swap;
      focus = index + 1;
    }
  else if (g_str_equal (what, "remove") && ((KocStageDraft *)stages->pdata[index])->n_cards == 0 &&
           stages->len > 1)
    {
      g_ptr_array_remove_index (stages, index);
      focus = MIN (index, stages->len - 1);
      what = "name";
    }
  else
    return;
  fill_stages (w, focus, what);
  read_form (w);
}

static GtkWidget *
stage_button (EditWindow  *w,
              const char  *icon,
              const char  *what,
              const char  *tooltip,
              guint        index,
              gboolean     sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "koc-what", (gpointer)what);
  g_object_set_data (G_OBJECT (button), "koc-index", GUINT_TO_POINTER (index));
  gtk_widget_set_name (button, what);
  g_signal_connect (button, "clicked", G_CALLBACK (stage_button_cb), w);
  return button;
}

/* Rebuilds the stage rows from the draft; focuses @focus_what ("name", "up", "down") of
 * row @focus_index (-1: none), so moving with the keyboard keeps its place. */
static void
fill_stages (EditWindow *w,
             int         focus_index,
             const char *focus_what)
{
  GPtrArray *stages = w->data->draft->stages;
  GtkWidget *child, *focus = NULL;

  while ((child = gtk_widget_get_first_child (w->stage_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (w->stage_list), child);
  for (guint i = 0; i < stages->len; i++)
    {
      KocStageDraft *stage = stages->pdata[i];
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *up, *down, *remove;
      g_autofree char *title = g_strdup_printf (_("Stage %u"), i + 1);
      g_autofree char *cards = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), stage->name);
      g_object_set_data (G_OBJECT (row), "koc-stage", stage);
      g_signal_connect (row, "changed", G_CALLBACK (stage_name_changed_cb), w);
      up = stage_button (w, "go-up-symbolic", "up", _("Move Up"), i, i > 0);
      down = stage_button (w, "go-down-symbolic", "down", _("Move Down"), i, i + 1 < stages->len);
      remove = stage_button (w, "user-trash-symbolic", "remove", _("Remove Stage"), i,
                             stage->n_cards == 0 && stages->len > 1);
      if (stage->n_cards > 0)
        {
          cards = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld card: move it to another stage to remove this one",
                                                "%lld cards: move them to another stage to remove this one",
                                                stage->n_cards), (long long)stage->n_cards);
          gtk_widget_set_tooltip_text (remove, cards);
        }
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      gtk_list_box_append (GTK_LIST_BOX (w->stage_list), row);
      if ((int)i == focus_index)
        focus = g_str_equal (focus_what, "up") ? (gtk_widget_get_sensitive (up) ? up : down)
              : g_str_equal (focus_what, "down") ? (gtk_widget_get_sensitive (down) ? down : up)
              : row;
    }
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
add_stage_cb (GtkButton  *button,
              EditWindow *w)
{
  GPtrArray *stages = w->data->draft->stages;

  g_ptr_array_add (stages, koc_stage_draft_new (0, _("New Stage"), 0));
  fill_stages (w, stages->len - 1, "name");
  read_form (w);
}

static void
rate_changed_cb (EditWindow *w)
{
  w->rates_changed = TRUE;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KocCampaignsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) undo = koc_campaigns_save_settings_finish (KOC_STORE (source), result, &error);

  _koc_campaigns_busy_changed (self, -1);
  if (undo == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (KOC_STORE (source) != self->store)
    return;
  _koc_campaigns_push_settings_undo (self, undo, _("Campaign saved"));
  _koc_campaigns_created (self, self->campaign_id);
}

static void
save_cb (GtkButton  *button,
         EditWindow *w)
{
  KocCampaignsPane *self = w->pane;
  KocCampaignDraft *draft;

  if (!read_form (w) || self == NULL || self->store == NULL)
    return;
  draft = g_steal_pointer (&w->data->draft);
  if (w->rates_changed)
    draft->emv_rates = _koc_campaigns_emv_read (w->view_rows);
  _koc_campaigns_busy_changed (self, 1);
  koc_campaigns_save_settings_async (self->store, draft, NULL, saved_cb, g_object_ref (self));
  gtk_window_destroy (GTK_WINDOW (w->window));
}

static GtkWidget *
entry_row (const char  *title,
           const char  *text,
           EditWindow  *w)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_swapped (row, "changed", G_CALLBACK (form_changed_cb), w);
  return row;
}

static void
build_window (KocCampaignsPane *self,
              EditData         *data,
              GArray           *rates)
{
  EditWindow *w = g_new0 (EditWindow, 1);
  KocCampaignDraft *draft = data->draft;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *cancel, *add, *row;
  g_autofree char *budget = NULL, *starts = NULL, *ends = NULL;
  g_autoptr(GtkStringList) brands = gtk_string_list_new (NULL);
  guint selected = 0;

  w->pane = self;
  w->data = data;
  w->view_rows = g_ptr_array_new ();
  w->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (w->window), _("Edit Campaign"));
  gtk_window_set_modal (GTK_WINDOW (w->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (w->window), 560, 720);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (w->window), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (w->window), TRUE);
  g_object_set_data_full (G_OBJECT (w->window), "koc-edit", w, edit_window_free);
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *)&w->pane);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), w->window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  w->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (w->save_button, "suggested-action");
  g_signal_connect (w->save_button, "clicked", G_CALLBACK (save_cb), w);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), w->save_button);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);

  /* The campaign. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Campaign"));
  w->name_row = entry_row (_("Name"), draft->name, w);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), w->name_row);
  for (guint i = 0; i < data->brand_names->len; i++)
    {
      gtk_string_list_append (brands, data->brand_names->pdata[i]);
      if (g_array_index (data->brand_ids, gint64, i) == draft->brand_id)
        selected = i;
    }
  w->brand_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->brand_row), _("Brand"));
  adw_combo_row_set_model (ADW_COMBO_ROW (w->brand_row), G_LIST_MODEL (brands));
  adw_combo_row_set_selected (ADW_COMBO_ROW (w->brand_row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), w->brand_row);
  w->goal_row = entry_row (_("Goal"), draft->goal, w);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), w->goal_row);
  starts = format_date (draft->starts_at);
  ends = format_date (draft->ends_at);
  w->starts_row = entry_row (_("Starts (YYYY-MM-DD)"), starts, w);
  koc_date_row_add_calendar (ADW_ENTRY_ROW (w->starts_row), _("Choose the start date"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), w->starts_row);
  w->ends_row = entry_row (_("Ends (YYYY-MM-DD)"), ends, w);
  koc_date_row_add_calendar (ADW_ENTRY_ROW (w->ends_row), _("Choose the end date"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), w->ends_row);
  budget = draft->budget_cents > 0 ? g_strdup_printf ("%lld.%02lld", (long long)(draft->budget_cents / 100),
                                                      (long long)(draft->budget_cents % 100))
                                   : g_strdup ("");
  w->budget_row = entry_row (_("Budget (¥)"), budget, w);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), w->budget_row);
  w->hashtag_row = entry_row (_("Hashtag"), draft->hashtag, w);
  gtk_widget_set_tooltip_text (w->hashtag_row, _("Posts of the campaign's people with this hashtag, or mentioning its brand, within its dates are suggested as deliverables"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), w->hashtag_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Incentive kinds. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Incentives"));
  for (guint i = 0; incentive_kinds[i] != NULL; i++)
    {
      row = adw_action_row_new ();
      w->kind_checks[i] = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (w->kind_checks[i]),
                                   draft->incentive_kinds != NULL &&
                                   g_strv_contains ((const char * const *)draft->incentive_kinds, incentive_kinds[i]));
      gtk_widget_set_valign (w->kind_checks[i], GTK_ALIGN_CENTER);
      gtk_widget_set_name (w->kind_checks[i], incentive_kinds[i]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _koc_campaigns_incentive_name (incentive_kinds[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), w->kind_checks[i]);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), w->kind_checks[i]);
      g_signal_connect_swapped (w->kind_checks[i], "toggled", G_CALLBACK (form_changed_cb), w);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Stages. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Stages"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The board's columns, left to right. A stage can be removed when it has no cards."));
  add = gtk_button_new_with_mnemonic (_("_Add Stage"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect (add, "clicked", G_CALLBACK (add_stage_cb), w);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  w->stage_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (w->stage_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (w->stage_list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), w->stage_list);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  fill_stages (w, -1, NULL);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (_koc_campaigns_emv_group (rates, w->view_rows,
                                                                             G_CALLBACK (rate_changed_cb), w)));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (w->window), box);
  read_form (w);
  gtk_window_present (GTK_WINDOW (w->window));
  gtk_widget_grab_focus (w->name_row);
}

typedef struct
{
  EditData *data;
  GArray   *rates;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *r = data;

  if (r->data != NULL)
    edit_data_free (r->data);
  g_clear_pointer (&r->rates, g_array_unref);
  g_free (r);
}

static gboolean
load_func (sqlite3       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GArray) rates = koc_campaigns_load_emv_rates (db, error);
  KocCampaignDraft *draft = rates != NULL ? koc_campaigns_load_draft (db, *(gint64 *)data, error) : NULL;
  EditData *d;
  LoadResult *r;
  sqlite3_stmt *stmt = NULL;
  gint64 none = 0;
  int rc;

  if (draft == NULL)
    return FALSE;
  d = g_new0 (EditData, 1);
  d->draft = draft;
  d->brand_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->brand_names = g_ptr_array_new_with_free_func (g_free);
  g_array_append_val (d->brand_ids, none);
  g_ptr_array_add (d->brand_names, g_strdup (_("No brand")));
  if (!koc_db_prepare (db, "SELECT id, name FROM brands ORDER BY is_own DESC, name", &stmt, error))
    {
      edit_data_free (d);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (d->brand_ids, id);
      g_ptr_array_add (d->brand_names, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      edit_data_free (d);
      return koc_db_set_error (db, rc, _("Could not read the brands"), error);
    }
  r = g_new0 (LoadResult, 1);
  r->data = d;
  r->rates = g_steal_pointer (&rates);
  *result = r;
  return TRUE;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KocCampaignsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  LoadResult *r = NULL;

  _koc_campaigns_busy_changed (self, -1);
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *)&r, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (KOC_STORE (source) == self->store && r->data->draft->campaign_id == self->campaign_id)
    build_window (self, g_steal_pointer (&r->data), r->rates);
  load_result_free (r);
}

void
_koc_campaigns_edit_campaign (KocCampaignsPane *self)
{
  if (self->store == NULL || self->campaign_id <= 0 || koc_store_is_read_only (self->store))
    return;
  _koc_campaigns_busy_changed (self, 1);
  koc_store_run_async (self->store, load_func, g_memdup2 (&self->campaign_id, sizeof (gint64)),
                       g_free, load_result_free, self->cancellable, loaded_cb, g_object_ref (self));
}
