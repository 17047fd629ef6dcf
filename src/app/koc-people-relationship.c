/* koc-people-relationship.c: the profile's relationship — timestamped notes (add one),
 * the interaction log (channel, date, summary; add one), the stage history, and the
 * person's campaigns and rewards.
 *
 * A new note or interaction goes through the sync outbox (kinds "note" and
 * "interaction": written and queued for the server in one transaction).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-people-relationship"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "koc-db.h"
#include "koc-discover-format.h"
#include "koc-people-profile-private.h"
#include "koc-people-sync.h"
#include "koc-sync-outbox.h"
#include "koc-entities.h"

static const char * const channel_keys[] = { "wechat", "dm", "email", "event", "phone", "other", NULL };

static const char *
channel_name (const char *key)
{
  if (g_strcmp0 (key, "wechat") == 0)
    return _("WeChat");
  if (g_strcmp0 (key, "dm") == 0)
    return _("Direct message");
  if (g_strcmp0 (key, "email") == 0)
    return _("Email");
  if (g_strcmp0 (key, "event") == 0)
    return _("Event");
  if (g_strcmp0 (key, "phone") == 0)
    return _("Phone");
  return _("Other");
}

static const char *
reward_kind_name (const char *key)
{
  if (g_strcmp0 (key, "points") == 0)
    return _("Points");
  if (g_strcmp0 (key, "gift") == 0)
    return _("Gift");
  if (g_strcmp0 (key, "sample") == 0)
    return _("Sample");
  if (g_strcmp0 (key, "discount") == 0)
    return _("Discount");
  if (g_strcmp0 (key, "invite") == 0)
    return _("Invitation");
  if (g_strcmp0 (key, "feature") == 0)
    return _("Content feature");
  return key;
}

static char *
format_date_time (gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);

  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static GtkListBox *
new_list (void)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  return list;
}

/* Notes */

static void
note_added_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KocPeopleProfile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = koc_sync_enqueue_finish (KOC_STORE (source), result, &error);

  if (id != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  _koc_people_profile_edit_done (self, error, _("Could Not Add the Note"));
}

static void
add_note_clicked_cb (KocPeopleProfile *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *uid = koc_entity_uid_new ();

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0' || self->data == NULL || self->store == NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "person_uid");
  json_builder_add_string_value (builder, self->data->uid);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, g_get_real_name ());
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  self->editing++;
  koc_sync_enqueue_async (self->store, "note", uid, "upsert", json, NULL, note_added_cb, g_object_ref (self));
}

static void
note_changed_cb (KocPeopleProfile *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  gtk_widget_set_sensitive (GTK_WIDGET (self->note_button), gtk_text_buffer_get_char_count (buffer) > 0);
}

/* Interactions */

typedef struct
{
  gint64  person_id;
  char   *channel;
  gint64  happened_at;
  char   *summary;
  char   *author;
} NewInteraction;

static void
new_interaction_free (gpointer data)
{
  NewInteraction *interaction = data;

  g_free (interaction->channel);
  g_free (interaction->summary);
  g_free (interaction->author);
  g_free (interaction);
}

static gboolean
insert_interaction_func (sqlite3       *db,
                         gpointer       data,
                         gpointer      *result,
                         GCancellable  *cancellable,
                         GError       **error)
{
  NewInteraction *interaction = data;

  /* Written and queued for the server in this one transaction (kind "interaction"). */
  return koc_people_sync_add_interaction (db, interaction->person_id, 0, interaction->channel,
                                          interaction->happened_at, interaction->summary,
                                          interaction->author, error);
}

static void
interaction_added_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(KocPeopleProfile) self = user_data;
  g_autoptr(GError) error = NULL;

  if (koc_store_run_finish (KOC_STORE (source), result, NULL, &error))
    gtk_editable_set_text (GTK_EDITABLE (self->summary_entry), "");
  _koc_people_profile_edit_done (self, error, _("Could Not Add the Interaction"));
}

/* "2026-11-01" → noon local time that day; -1 when it is not a date. */
static gint64
parse_date (const char *text)
{
  int year, month, day;
  char rest;
  g_autoptr(GDateTime) time = NULL;

  if (sscanf (text, "%d-%d-%d%c", &year, &month, &day, &rest) != 3 || !g_date_valid_dmy (day, month, year))
    return -1;
  time = g_date_time_new_local (year, month, day, 12, 0, 0);
  return time != NULL ? g_date_time_to_unix (time) : -1;
}

static void
add_interaction_clicked_cb (KocPeopleProfile *self)
{
  g_autofree char *summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_entry))));
  gint64 when = parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);
  NewInteraction *interaction;

  if (when < 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  if (*summary == '\0' || self->data == NULL || self->store == NULL)
    return;

  interaction = g_new0 (NewInteraction, 1);
  interaction->person_id = self->data->id;
  interaction->channel = g_strdup (channel_keys[MIN (channel, G_N_ELEMENTS (channel_keys) - 2)]);
  interaction->happened_at = when;
  interaction->summary = g_steal_pointer (&summary);
  interaction->author = g_strdup (g_get_real_name ());
  self->editing++;
  koc_store_write_async (self->store, insert_interaction_func, interaction, new_interaction_free, NULL,
                         NULL, interaction_added_cb, g_object_ref (self));
}

static void
summary_changed_cb (KocPeopleProfile *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->summary_entry));

  gtk_widget_set_sensitive (GTK_WIDGET (self->interaction_button), *text != '\0');
}

/* Building */

static GtkWidget *
notes_section (KocPeopleProfile *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->note_view, FALSE);
  gtk_text_view_set_top_margin (self->note_view, 6);
  gtk_text_view_set_bottom_margin (self->note_view, 6);
  gtk_text_view_set_left_margin (self->note_view, 6);
  gtk_text_view_set_right_margin (self->note_view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (self->note_view), -1, 56);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New note"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->note_view));
  self->note_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add Note")));
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_button), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->note_button), GTK_ALIGN_END);
  g_signal_connect_object (self->note_button, "clicked", G_CALLBACK (add_note_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), frame);
  gtk_widget_set_hexpand (frame, TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->note_button));
  gtk_widget_set_valign (GTK_WIDGET (self->note_button), GTK_ALIGN_END);

  self->notes_list = new_list ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes"), -1);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->notes_list));
  return _koc_people_section (_("Notes"), box, NULL);
}

static GtkWidget *
interactions_section (KocPeopleProfile *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autofree char *date = today ();

  for (guint i = 0; channel_keys[i] != NULL; i++)
    gtk_string_list_append (channels, channel_name (channel_keys[i]));
  self->channel_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (channels)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->channel_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Channel"), -1);
  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->date_entry), 10);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_entry), _("Date, as YYYY-MM-DD"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date of the interaction"), -1);
  self->summary_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->summary_entry, _("What happened"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Summary of the interaction"), -1);
  self->interaction_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Log _Interaction")));
  gtk_widget_set_sensitive (GTK_WIDGET (self->interaction_button), FALSE);
  g_signal_connect_object (self->interaction_button, "clicked", G_CALLBACK (add_interaction_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->summary_entry, "activate", G_CALLBACK (add_interaction_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->summary_entry, "changed", G_CALLBACK (summary_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->channel_dropdown));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->date_entry));
  gtk_box_append (GTK_BOX (box), row);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->summary_entry));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->interaction_button));
  gtk_box_append (GTK_BOX (box), row);

  self->interactions_list = new_list ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->interactions_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Interactions"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->interactions_list));
  return _koc_people_section (_("Interactions"), box, NULL);
}

void
_koc_people_relationship_init (KocPeopleProfile *self)
{
  gtk_box_append (self->relationship_box, notes_section (self));
  gtk_box_append (self->relationship_box, interactions_section (self));

  self->stages_list = new_list ();
  self->campaigns_list = new_list ();
  self->rewards_list = new_list ();
  gtk_box_append (self->engagements_box, _koc_people_section (_("Stage History"), GTK_WIDGET (self->stages_list), NULL));
  gtk_box_append (self->engagements_box, _koc_people_section (_("Campaigns"), GTK_WIDGET (self->campaigns_list), NULL));
  gtk_box_append (self->engagements_box, _koc_people_section (_("Rewards"), GTK_WIDGET (self->rewards_list), NULL));
}

/* Another person: a fresh form (no half-typed text or error of the previous one). */
void
_koc_people_relationship_reset (KocPeopleProfile *self)
{
  g_autofree char *date = today ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->summary_entry), "");
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
}

/* Filling */

static void
append (GtkListBox *list,
        const char *title,
        const char *subtitle)
{
  gtk_list_box_append (list, _koc_people_dim_row (title, subtitle));
}

void
_koc_people_relationship_fill (KocPeopleProfile *self)
{
  const KocPersonProfile *data = self->data;

  _koc_people_clear_list (self->notes_list, _("No notes yet."));
  for (guint i = 0; i < data->notes->len; i++)
    {
      const KocPersonNote *note = data->notes->pdata[i];
      g_autofree char *when = format_date_time (note->created_at);
      g_autofree char *subtitle = note->author != NULL ? g_strdup_printf ("%s · %s", when, note->author)
                                                       : g_strdup (when);

      append (self->notes_list, note->body, subtitle);
    }

  _koc_people_clear_list (self->interactions_list, _("No interactions logged yet."));
  for (guint i = 0; i < data->interactions->len; i++)
    {
      const KocPersonInteraction *interaction = data->interactions->pdata[i];
      g_autofree char *when = _koc_people_format_date (interaction->happened_at);
      g_autofree char *subtitle = NULL;

      if (interaction->campaign_name != NULL)
        subtitle = g_strdup_printf ("%s · %s · %s", channel_name (interaction->channel), when, interaction->campaign_name);
      else
        subtitle = g_strdup_printf ("%s · %s", channel_name (interaction->channel), when);
      append (self->interactions_list, interaction->summary, subtitle);
    }

  _koc_people_clear_list (self->stages_list, _("No stage changes."));
  for (guint i = data->stage_history->len; i > 0; i--)
    {
      const KocPersonStageChange *change = data->stage_history->pdata[i - 1];
      g_autofree char *when = _koc_people_format_date (change->changed_at);
      g_autofree char *title = NULL;

      if (change->from_stage != NULL)
        /* Translators: a stage change, e.g. "Engaged → Advocate" */
        title = g_strdup_printf (_("%s → %s"), koc_format_stage_name (change->from_stage),
                                 koc_format_stage_name (change->to_stage));
      else
        title = g_strdup (koc_format_stage_name (change->to_stage));
      append (self->stages_list, title, when);
    }

  _koc_people_clear_list (self->campaigns_list, _("Not in any campaign."));
  for (guint i = 0; i < data->campaigns->len; i++)
    {
      const KocPersonCampaign *campaign = data->campaigns->pdata[i];
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u deliverable", "%s · %u deliverables", campaign->deliverables),
                         campaign->stage_name, campaign->deliverables);

      append (self->campaigns_list, campaign->campaign_name, subtitle);
    }

  _koc_people_clear_list (self->rewards_list, _("No rewards given yet."));
  for (guint i = 0; i < data->rewards->len; i++)
    {
      const KocPersonReward *reward = data->rewards->pdata[i];
      g_autofree char *when = _koc_people_format_date (reward->given_at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (reward->points > 0)
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %lld point", "%s · %lld points", reward->points),
                                 reward_kind_name (reward->kind), (long long) reward->points);
      else if (reward->value_cents > 0)
        title = g_strdup_printf (_("%s · ¥%.2f"), reward_kind_name (reward->kind), reward->value_cents / 100.0);
      else
        title = g_strdup (reward_kind_name (reward->kind));
      subtitle = reward->campaign_name != NULL ? g_strdup_printf ("%s · %s", when, reward->campaign_name)
                                               : g_strdup (when);
      append (self->rewards_list, title, subtitle);
    }
}
