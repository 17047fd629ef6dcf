/* koc-account-popover.c: an account's details and "Why this score?" in a popover.
 *
 * The facts come from the search hit, so they show at once; the score breakdown
 * (people.score_breakdown, JSON: component → 0..1 plus "weights") is read on the
 * store's worker when the popover opens. Each component shows its value and the
 * points it adds: weight × value, which sum to the score.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-account-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "koc-account-popover.h"
#include "koc-discover-format.h"

struct _KocAccountPopover
{
  GtkPopover      parent_instance;

  /* Owned */
  GCancellable   *cancellable;
  guint           n_reasons;
  guint           n_facts;

  /* Template children */
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *handle_label;
  GtkGrid        *facts_grid;
  GtkGrid        *reasons_grid;
  GtkLabel       *score_label;
  GtkLabel       *score_note;
};

G_DEFINE_FINAL_TYPE (KocAccountPopover, koc_account_popover, GTK_TYPE_POPOVER)

typedef struct
{
  double  score;
  gint64  scored_at;
  char   *json;
} Breakdown;

static void
breakdown_free (gpointer data)
{
  Breakdown *breakdown = data;

  g_free (breakdown->json);
  g_free (breakdown);
}

static gboolean
load_breakdown_func (sqlite3       *db,
                     gpointer       data,
                     gpointer      *result,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gint64 person_id = *(gint64 *) data;
  Breakdown *breakdown = g_new0 (Breakdown, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  breakdown->score = -1;
  if (sqlite3_prepare_v2 (db, "SELECT coalesce (koc_score, -1), coalesce (scored_at, 0),"
                              " score_breakdown FROM people WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      breakdown_free (breakdown);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *json = (const char *) sqlite3_column_text (stmt, 2);

      breakdown->score = sqlite3_column_double (stmt, 0);
      breakdown->scored_at = sqlite3_column_int64 (stmt, 1);
      breakdown->json = g_strdup (json);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED, "%s", sqlite3_errstr (rc));
      breakdown_free (breakdown);
      return FALSE;
    }
  *result = breakdown;
  return TRUE;
}

static const char *
component_name (const char *key)
{
  static const struct { const char *key; const char *name; } names[] = {
    { "engagement", N_("Engagement within its tier") },
    { "affinity", N_("Brand affinity") },
    { "authenticity", N_("Authenticity") },
    { "conversion", N_("Conversion") },
    { "recency", N_("Recency") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (key, names[i].key))
      return _(names[i].name);
  return key;
}

static const char *
component_help (const char *key)
{
  static const struct { const char *key; const char *help; } helps[] = {
    { "engagement", N_("Engagement rate percentile among accounts with a similar follower count") },
    { "affinity", N_("Share of recent posts that mention the brand unprompted") },
    { "authenticity", N_("Checks for bought followers and engagement anomalies") },
    { "conversion", N_("Referral redemptions per 1,000 followers") },
    { "recency", N_("How recently the account posted") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (helps); i++)
    if (g_str_equal (key, helps[i].key))
      return _(helps[i].help);
  return NULL;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
show_breakdown (KocAccountPopover *self,
                Breakdown         *breakdown)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *scored = NULL;
  JsonObject *object;
  JsonArray *weights = NULL;
  GList *members;
  guint row = 0;

  clear_grid (self->reasons_grid);
  self->n_reasons = 0;

  if (breakdown->json == NULL || !json_parser_load_from_data (parser, breakdown->json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      gtk_label_set_label (self->score_note, breakdown->score >= 0
                           ? _("This score has no stored explanation.")
                           : _("Not scored yet."));
      return;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (object, "weights") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "weights")))
    weights = json_object_get_array_member (object, "weights");

  /* Members keep their order, and "weights" lists one weight per component in it. */
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (object, key);
      g_autofree char *points = NULL;
      GtkWidget *name;
      GtkWidget *bar;
      double value;
      double weight;

      if (g_str_equal (key, "weights") || !JSON_NODE_HOLDS_VALUE (node))
        continue;

      value = CLAMP (json_node_get_double (node), 0, 1);
      weight = weights != NULL && row < json_array_get_length (weights)
               ? json_array_get_double_element (weights, row) : 0;

      name = grid_label (component_name (key), 0, NULL);
      gtk_widget_set_tooltip_text (name, component_help (key));
      bar = gtk_level_bar_new_for_interval (0, 1);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), value);
      gtk_widget_set_size_request (bar, 72, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      /* Translators: points a score component adds, of its weight: "28.0 of 35" */
      points = g_strdup_printf (_("%.1f of %.0f"), value * weight, weight);

      gtk_grid_attach (self->reasons_grid, name, 0, row, 1, 1);
      gtk_grid_attach (self->reasons_grid, bar, 1, row, 1, 1);
      gtk_grid_attach (self->reasons_grid, grid_label (points, 1, "numeric"), 2, row, 1, 1);
      row++;
    }
  g_list_free (members);
  self->n_reasons = row;

  scored = koc_format_relative_time (breakdown->scored_at, g_get_real_time () / G_USEC_PER_SEC);
  {
    g_autofree char *note =
      /* Translators: %s is a relative date such as "3 days ago" */
      g_strdup_printf (_("Points are weight × component (0–1) and add up to the score. Scored %s."), scored);
    gtk_label_set_label (self->score_note, note);
  }
}

static void
breakdown_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KocAccountPopover) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer out = NULL;

  if (!koc_store_run_finish (KOC_STORE (source), result, &out, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->score_note, error->message);
      return;
    }
  show_breakdown (self, out);
  breakdown_free (out);
}

static void
add_fact (KocAccountPopover *self,
          const char        *name,
          const char        *value,
          const char        *tooltip)
{
  GtkWidget *value_label;

  if (value == NULL || *value == '\0')
    return;
  value_label = grid_label (value, 0, NULL);
  gtk_widget_set_tooltip_text (value_label, tooltip);
  gtk_grid_attach (self->facts_grid, grid_label (name, 0, "dim-label"), 0, self->n_facts, 1, 1);
  gtk_grid_attach (self->facts_grid, value_label, 1, self->n_facts, 1, 1);
  self->n_facts++;
}

static void
koc_account_popover_dispose (GObject *object)
{
  KocAccountPopover *self = (KocAccountPopover *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_ACCOUNT_POPOVER);

  G_OBJECT_CLASS (koc_account_popover_parent_class)->dispose (object);
}

static void
koc_account_popover_class_init (KocAccountPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_account_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-account-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, KocAccountPopover, avatar);
  gtk_widget_class_bind_template_child (widget_class, KocAccountPopover, name_label);
  gtk_widget_class_bind_template_child (widget_class, KocAccountPopover, handle_label);
  gtk_widget_class_bind_template_child (widget_class, KocAccountPopover, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, KocAccountPopover, reasons_grid);
  gtk_widget_class_bind_template_child (widget_class, KocAccountPopover, score_label);
  gtk_widget_class_bind_template_child (widget_class, KocAccountPopover, score_note);
}

static void
koc_account_popover_init (KocAccountPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
koc_account_popover_new (void)
{
  return g_object_new (KOC_TYPE_ACCOUNT_POPOVER, NULL);
}

void
koc_account_popover_set_item (KocAccountPopover *self,
                              KocStore          *store,
                              KocAccountItem    *item)
{
  const KocAccountHit *hit;
  g_autofree char *handle = NULL;
  g_autofree char *followers = NULL;
  g_autofree char *engagement = NULL;
  g_autofree char *mentions = NULL;
  g_autofree char *active = NULL;
  g_autofree char *score = NULL;

  g_return_if_fail (KOC_IS_ACCOUNT_POPOVER (self));
  g_return_if_fail (KOC_IS_ACCOUNT_ITEM (item));

  hit = koc_account_item_get_hit (item);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  adw_avatar_set_text (self->avatar, hit->display_name);
  adw_avatar_set_custom_image (self->avatar, GDK_IS_PAINTABLE (koc_account_item_get_avatar (item))
                                             ? GDK_PAINTABLE (koc_account_item_get_avatar (item)) : NULL);
  gtk_label_set_label (self->name_label, hit->display_name);
  /* Translators: an account's handle and platform, e.g. "@lulu · Xiaohongshu" */
  handle = g_strdup_printf (_("@%s · %s"), hit->handle, koc_format_platform_name (hit->platform));
  gtk_label_set_label (self->handle_label, handle);

  clear_grid (self->facts_grid);
  self->n_facts = 0;
  followers = koc_format_grouped (hit->followers);
  engagement = koc_format_percent (hit->engagement_rate);
  mentions = koc_format_grouped (hit->mention_count);
  active = koc_format_relative_time (hit->last_post_at, g_get_real_time () / G_USEC_PER_SEC);
  add_fact (self, _("Followers"), followers, NULL);
  add_fact (self, _("Tier"), koc_format_tier_name (hit->tier), NULL);
  add_fact (self, _("Eng. rate by followers"), engagement,
            _("(likes + comments + shares + saves) ÷ followers, mean of recent posts"));
  add_fact (self, _("Brand mentions"), mentions, NULL);
  add_fact (self, _("Region"), hit->region, NULL);
  add_fact (self, _("Category"), koc_format_category_name (hit->category), NULL);
  add_fact (self, _("Stage"), koc_format_stage_name (hit->stage), NULL);
  add_fact (self, _("Owner"), hit->owner, NULL);
  add_fact (self, _("Last post"), active, NULL);

  score = koc_format_score (hit->koc_score);
  gtk_label_set_label (self->score_label, score);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->score_label), _("KOC score, 0–100"));
  clear_grid (self->reasons_grid);
  self->n_reasons = 0;

  if (hit->person_id <= 0 || store == NULL)
    {
      gtk_label_set_label (self->score_note,
                           _("Only accounts linked to a person are scored."));
      return;
    }

  gtk_label_set_label (self->score_note, "");
  koc_store_run_async (store, load_breakdown_func, g_memdup2 (&hit->person_id, sizeof hit->person_id),
                       g_free, breakdown_free, self->cancellable, breakdown_ready_cb, g_object_ref (self));
}

guint
koc_account_popover_get_n_reasons (KocAccountPopover *self)
{
  g_return_val_if_fail (KOC_IS_ACCOUNT_POPOVER (self), 0);

  return self->n_reasons;
}
