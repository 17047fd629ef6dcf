/* koc-campaigns-details.c: a card's details — its incentives (with the shipping details
 * that stay in this workspace), its referral code with the QR code and what it brought,
 * and the person's rewards in this campaign with their totals.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-campaigns-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "koc-campaigns-edits.h"
#include "koc-campaigns-pane-private.h"
#include "koc-qr.h"
#include "koc-referral-code.h"
#include "koc-sync-outbox.h"
#include "koc-entities.h"

#define QR_PX 160

typedef struct
{
  KocCampaignsPane *pane;
  gint64            card_id;
  AdwWindow        *window;   /* NULL: make one */
} DetailsRequest;

static void load_details (KocCampaignsPane *self,
                          gint64            card_id,
                          AdwWindow        *window);

static GdkTexture *
qr_texture (const char *url)
{
  g_autoptr(KocQrMatrix) matrix = koc_qr_matrix_new (url, NULL);
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;

  if (matrix == NULL)
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, QR_PX, QR_PX);
  cr = cairo_create (surface);
  koc_qr_draw (cr, matrix, 0, 0, QR_PX);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize)cairo_image_surface_get_stride (surface) * QR_PX);
  texture = gdk_memory_texture_new (QR_PX, QR_PX, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static GtkWidget *
row (const char *title,
     const char *subtitle)
{
  GtkWidget *r = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
  return r;
}

static const char *
status_name (const char *status)
{
  if (g_strcmp0 (status, "sent") == 0)
    return _("Sent");
  if (g_strcmp0 (status, "delivered") == 0)
    return _("Delivered");
  if (g_strcmp0 (status, "returned") == 0)
    return _("Returned");
  if (g_strcmp0 (status, "cancelled") == 0)
    return _("Cancelled");
  return _("Planned");
}

static const char *
reward_name (const char *kind)
{
  static const struct { const char *kind; const char *name; } names[] = {
    { "points", N_("Points") }, { "gift", N_("Gift") }, { "sample", N_("Sample") },
    { "discount", N_("Discount") }, { "invite", N_("Invitation") }, { "feature", N_("Feature") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].kind, kind) == 0)
      return _(names[i].name);
  return kind;
}

/* Referral code ---------------------------------------------------------- */

static gboolean
make_code_func (sqlite3       *db,
                gpointer       data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  gint64 *ids = data;

  *result = koc_campaigns_ensure_code (db, ids[0], ids[1], NULL, koc_campaigns_outbox_code_writer,
                                       NULL, error);
  return *result != NULL;
}

static void
code_made_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DetailsRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  _koc_campaigns_busy_changed (request->pane, -1);
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *)&code, &error))
    adw_toast_overlay_add_toast (request->pane->toast_overlay, adw_toast_new (error->message));
  else
    {
      load_details (request->pane, request->card_id, request->window);
      _koc_campaigns_reload_board (request->pane);
    }
  g_object_unref (request->pane);
  g_clear_object (&request->window);
  g_free (request);
}

static void
make_code_clicked_cb (GtkButton *button,
                      AdwWindow *window)
{
  KocCampaignsPane *self = g_object_get_data (G_OBJECT (window), "koc-pane");
  KocCardDetails *details = g_object_get_data (G_OBJECT (window), "koc-details");
  DetailsRequest *request;
  gint64 *ids;

  if (self->store == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  ids = g_new (gint64, 2);
  ids[0] = details->campaign_id;
  ids[1] = details->person_id;
  request = g_new0 (DetailsRequest, 1);
  request->pane = g_object_ref (self);
  request->card_id = details->card_id;
  request->window = g_object_ref (window);
  _koc_campaigns_busy_changed (self, 1);
  koc_store_write_async (self->store, make_code_func, ids, g_free, g_free, NULL, code_made_cb, request);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    char            *url)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL && !koc_qr_export (url, path, 8, &error))
    g_warning ("%s", error->message);
  g_free (url);
  g_object_unref (chooser);
}

static void
export_clicked_cb (GtkButton *button,
                   AdwWindow *window)
{
  const char *url = g_object_get_data (G_OBJECT (window), "koc-url");
  const char *code = g_object_get_data (G_OBJECT (window), "koc-code");
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf ("%s.png", code);
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Export QR Code"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PNG or SVG image"));
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_strdup (url));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Rewards ---------------------------------------------------------------- */

static const char *const reward_kinds[] = { "points", "gift", "sample", "discount", "invite", "feature" };

static void
reward_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DetailsRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = koc_sync_enqueue_finish (KOC_STORE (source), result, &error);

  _koc_campaigns_busy_changed (request->pane, -1);
  if (client_id == NULL)
    adw_toast_overlay_add_toast (request->pane->toast_overlay, adw_toast_new (error->message));
  else
    load_details (request->pane, request->card_id, request->window);
  g_object_unref (request->pane);
  g_clear_object (&request->window);
  g_free (request);
}

static void
reward_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AdwWindow        *window)
{
  KocCampaignsPane *self = g_object_get_data (G_OBJECT (window), "koc-pane");
  KocCardDetails *d = g_object_get_data (G_OBJECT (window), "koc-details");
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkDropDown *kind = GTK_DROP_DOWN (gtk_widget_get_first_child (box));
  GtkEditable *amount = GTK_EDITABLE (gtk_widget_get_next_sibling (GTK_WIDGET (kind)));
  GtkEditable *note = GTK_EDITABLE (gtk_widget_get_next_sibling (GTK_WIDGET (amount)));
  const char *kind_name = reward_kinds[MIN (gtk_drop_down_get_selected (kind), G_N_ELEMENTS (reward_kinds) - 1)];
  gint64 value = g_ascii_strtoll (gtk_editable_get_text (amount), NULL, 10);
  g_autofree char *uid = NULL, *fields = NULL, *note_json = NULL;
  DetailsRequest *request;

  if (g_strcmp0 (response, "add") != 0 || self->store == NULL || value < 0)
    return;
  uid = koc_entity_uid_new ();
  {
    g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), gtk_editable_get_text (note));

    note_json = json_to_string (node, FALSE);
  }
  /* Points count as points; every other kind is a value in yuan. */
  fields = g_strdup_printf ("{\"person_uid\":\"%s\",\"campaign_uid\":\"%s\",\"kind\":\"%s\","
                            "\"points\":%lld,\"value_cents\":%lld,\"note\":%s,\"given_at\":%lld}",
                            d->person_uid, d->campaign_uid, kind_name,
                            (long long)(g_str_equal (kind_name, "points") ? value : 0),
                            (long long)(g_str_equal (kind_name, "points") ? 0 : value * 100),
                            note_json, (long long)(g_get_real_time () / G_USEC_PER_SEC));
  request = g_new0 (DetailsRequest, 1);
  request->pane = g_object_ref (self);
  request->card_id = d->card_id;
  request->window = g_object_ref (window);
  _koc_campaigns_busy_changed (self, 1);
  koc_sync_enqueue_async (self->store, "reward", uid, "upsert", fields, NULL, reward_saved_cb, request);
}

static void
add_reward_clicked_cb (GtkButton *button,
                       AdwWindow *window)
{
  const char *names[G_N_ELEMENTS (reward_kinds) + 1] = { NULL };
  GtkWidget *dialog, *box, *kind, *amount, *note;

  for (guint i = 0; i < G_N_ELEMENTS (reward_kinds); i++)
    names[i] = reward_name (reward_kinds[i]);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Add Reward"),
                                   _("Points count as points; for the other kinds give the value in yuan."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  kind = gtk_drop_down_new_from_strings (names);
  amount = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (amount), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_placeholder_text (GTK_ENTRY (amount), _("Points or value"));
  note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of reward"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (amount), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Points or value"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reward_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dialog ------------------------------------------------------------- */

static GtkWidget *
referral_group (AdwWindow      *window,
                KocCardDetails *d)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *r;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Referral Code"));
  if (d->code == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Make Code"));

      r = row (_("No referral code yet"), _("A code is unique to this person in this campaign, and syncs to the server that counts its orders."));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (make_code_clicked_cb), window);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), r);
      return group;
    }
  {
    g_autofree char *url = koc_referral_landing_url (KOC_REFERRAL_DEFAULT_LANDING, d->campaign_name, d->code);
    g_autofree char *revenue = _koc_campaigns_format_money (d->revenue_cents);
    g_autofree char *orders = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld order, %s",
                                                            "%lld orders, %s", d->n_redemptions),
                                               (long long)d->n_redemptions, revenue);
    g_autoptr(GdkTexture) texture = qr_texture (url);
    GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Export QR Code…"));

    g_object_set_data_full (G_OBJECT (window), "koc-url", g_strdup (url), g_free);
    g_object_set_data_full (G_OBJECT (window), "koc-code", g_strdup (d->code), g_free);
    r = row (d->code, orders);
    gtk_widget_add_css_class (r, "property");
    gtk_widget_set_size_request (picture, QR_PX / 2, QR_PX / 2);
    gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
    gtk_widget_set_margin_top (picture, 6);
    gtk_widget_set_margin_bottom (picture, 6);
    gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("QR code of the landing page"), -1);
    adw_action_row_add_suffix (ADW_ACTION_ROW (r), picture);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), r);
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    g_signal_connect (button, "clicked", G_CALLBACK (export_clicked_cb), window);
    r = row (_("Landing page"), url);
    adw_action_row_add_suffix (ADW_ACTION_ROW (r), button);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), r);
  }
  return group;
}

/* {"name":"…","city":"…"} as "… · …" (the values, in order); the text as is otherwise. */
static char *
shipping_text (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *object;
  GList *members;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup (json);
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", json_node_get_string (node));
    }
  g_list_free (members);
  return g_strdup (text->len > 0 ? text->str : json);
}

static GtkWidget *
incentives_group (KocCardDetails *d)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Incentives"));
  if (d->incentives->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               row (_("Nothing given yet"), NULL));
  for (guint i = 0; i < d->incentives->len; i++)
    {
      KocIncentive *incentive = d->incentives->pdata[i];
      g_autoptr(GString) title = g_string_new (_koc_campaigns_incentive_name (incentive->kind));
      g_autoptr(GString) subtitle = g_string_new (status_name (incentive->status));

      if (incentive->sku != NULL)
        g_string_append_printf (title, " · %s", incentive->sku);
      if (incentive->value_cents > 0)
        {
          g_autofree char *money = _koc_campaigns_format_money (incentive->value_cents);
          g_string_append_printf (subtitle, " · %s", money);
        }
      if (incentive->due_at > 0)
        {
          g_autofree char *date = _koc_campaigns_format_date (incentive->due_at);
          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, _("Due %s"), date);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row (title->str, subtitle->str));
      if (incentive->shipping_private != NULL)
        {
          g_autofree char *shipping = shipping_text (incentive->shipping_private);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     row (_("Shipping (private to this workspace)"), shipping));
        }
    }
  return group;
}

static GtkWidget *
rewards_group (AdwWindow      *window,
               KocCardDetails *d)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *total_money = _koc_campaigns_format_money (d->reward_cents);
  g_autofree char *totals = g_strdup_printf (_("Total: %lld points, %s"), (long long)d->reward_points,
                                             total_money);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Rewards"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), totals);
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Reward…"));

    gtk_widget_add_css_class (button, "flat");
    g_signal_connect (button, "clicked", G_CALLBACK (add_reward_clicked_cb), window);
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  }
  if (d->rewards->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row (_("No rewards yet"), NULL));
  for (guint i = 0; i < d->rewards->len; i++)
    {
      KocReward *reward = d->rewards->pdata[i];
      g_autofree char *date = _koc_campaigns_format_date (reward->given_at);
      g_autofree char *money = _koc_campaigns_format_money (reward->value_cents);
      g_autofree char *amount = reward->points > 0
                                ? g_strdup_printf (_("%lld points"), (long long)reward->points)
                                : g_strdup (money);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s", date, amount,
                                                   reward->note != NULL ? " · " : "",
                                                   reward->note != NULL ? reward->note : "");

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row (reward_name (reward->kind), subtitle));
    }
  return group;
}

static void
fill_window (KocCampaignsPane *self,
             AdwWindow        *window,
             KocCardDetails   *details)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();

  gtk_window_set_title (GTK_WINDOW (window), details->person_name);
  g_object_set_data (G_OBJECT (window), "koc-pane", self);
  g_object_set_data_full (G_OBJECT (window), "koc-details", details,
                          (GDestroyNotify)koc_card_details_free);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (incentives_group (details)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (referral_group (window, details)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (rewards_group (window, details)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (_koc_campaigns_suggestions_group (self, window, details)));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (window, box);
}

static gboolean
details_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  *result = koc_campaigns_card_details (db, *(gint64 *)data, error);
  return *result != NULL;
}

static void
details_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DetailsRequest *request = user_data;
  KocCampaignsPane *self = request->pane;
  g_autoptr(GError) error = NULL;
  KocCardDetails *details = NULL;

  _koc_campaigns_busy_changed (self, -1);
  if (!koc_store_run_finish (KOC_STORE (source), result, (gpointer *)&details, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  else
    {
      AdwWindow *window = request->window;
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      /* Closed meanwhile: nothing to refresh. */
      if (window != NULL && !gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          koc_card_details_free (details);
          goto out;
        }
      if (window == NULL)
        {
          window = ADW_WINDOW (adw_window_new ());
          gtk_window_set_modal (GTK_WINDOW (window), TRUE);
          gtk_window_set_default_size (GTK_WINDOW (window), 480, 640);
          if (GTK_IS_WINDOW (root))
            gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
          gtk_window_set_hide_on_close (GTK_WINDOW (window), FALSE);
          gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
        }
      fill_window (self, window, details);
      gtk_window_present (GTK_WINDOW (window));
    }
out:
  g_object_unref (request->pane);
  g_clear_object (&request->window);
  g_free (request);
}

static void
load_details (KocCampaignsPane *self,
              gint64            card_id,
              AdwWindow        *window)
{
  DetailsRequest *request = g_new0 (DetailsRequest, 1);

  request->pane = g_object_ref (self);
  request->card_id = card_id;
  request->window = window != NULL ? g_object_ref (window) : NULL;
  _koc_campaigns_busy_changed (self, 1);
  koc_store_run_async (self->store, details_func, g_memdup2 (&card_id, sizeof card_id), g_free,
                       (GDestroyNotify)koc_card_details_free, self->cancellable, details_ready_cb,
                       request);
}

void
_koc_campaigns_reload_details (KocCampaignsPane *self,
                               gint64            card_id,
                               AdwWindow        *window)
{
  if (self->store != NULL)
    load_details (self, card_id, window);
}

void
_koc_campaigns_show_details (KocCampaignsPane *self,
                             gint64            card_id)
{
  if (self->store == NULL || card_id <= 0)
    return;
  load_details (self, card_id, NULL);
}
