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
#include "koc-discover-pane-private.h"

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

static const char *
component_formula (const char *key)
{
  static const struct { const char *key; const char *formula; } formulas[] = {
    { "engagement", N_("(accounts of the tier below + ½ equal) ÷ accounts of the tier") },
    { "affinity", N_("min (1, unprompted own-brand posts ÷ posts of the last 90 days ÷ 0.25)") },
    { "authenticity", N_("1 − 0.4 follower spike − 0.3 rate far from tier median − 0.3 odd comments ÷ likes") },
    { "conversion", N_("min (1, redemptions per 1,000 followers ÷ 5)") },
    { "recency", N_("0.5 ^ (days since the last post ÷ 30)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    if (g_str_equal (key, formulas[i].key))
      return _(formulas[i].formula);
  return NULL;
}

/* The inputs of a component (version 2 breakdowns), in words. */
static char *
component_detail (const char *key,
                  JsonObject *inputs)
{
  if (inputs == NULL)
    return NULL;

  if (g_str_equal (key, "engagement"))
    {
      g_autofree char *rate = koc_format_percent (json_object_get_double_member_with_default (inputs, "rate", 0));
      const char *tier = json_object_get_string_member_with_default (inputs, "tier", "");

      if (*tier == '\0')
        return g_strdup (_("No engagement rate yet"));
      /* Translators: "6.1 % by followers, among Nano accounts" */
      return g_strdup_printf (_("%s by followers, among %s accounts"), rate, koc_format_tier_name (tier));
    }
  if (g_str_equal (key, "affinity"))
    {
      gint64 unprompted = json_object_get_int_member_with_default (inputs, "unprompted", 0);
      gint64 posts = json_object_get_int_member_with_default (inputs, "posts", 0);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%lld of %lld post in 90 days mentions the brand unprompted",
                                           "%lld of %lld posts in 90 days mention the brand unprompted",
                                           posts), (long long) unprompted, (long long) posts);
    }
  if (g_str_equal (key, "authenticity"))
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new_null_terminated (3, NULL, TRUE);

      if (json_object_get_boolean_member_with_default (inputs, "follower_spike", FALSE))
        g_ptr_array_add (found, _("follower spike"));
      if (json_object_get_boolean_member_with_default (inputs, "rate_far_from_tier", FALSE))
        g_ptr_array_add (found, _("rate far from its tier"));
      if (json_object_get_boolean_member_with_default (inputs, "odd_comment_ratio", FALSE))
        g_ptr_array_add (found, _("odd comments-to-likes ratio"));
      if (found->len == 0)
        return g_strdup (_("Nothing unusual found"));
      /* Translators: the list separator between anomalies */
      return g_strjoinv (_(", "), (char **) found->pdata);
    }
  if (g_str_equal (key, "conversion"))
    {
      gint64 redemptions = json_object_get_int_member_with_default (inputs, "redemptions", 0);
      g_autofree char *followers = koc_format_grouped (json_object_get_int_member_with_default (inputs, "followers", 0));

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld redemption, %s followers",
                                           "%lld redemptions, %s followers", redemptions),
                              (long long) redemptions, followers);
    }
  if (g_str_equal (key, "recency"))
    {
      gint64 days = json_object_get_int_member_with_default (inputs, "days", -1);

      if (days < 0)
        return g_strdup (_("No posts"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last post %lld day before scoring",
                                           "Last post %lld days before scoring", days), (long long) days);
    }
  return NULL;
}

static void
add_reason (KocAccountPopover *self,
            const char        *key,
            double             value,
            double             weight,
            JsonObject        *inputs)
{
  g_autofree char *points = NULL;
  g_autofree char *detail = component_detail (key, inputs);
  g_autofree char *tooltip = NULL;
  GtkWidget *name;
  GtkWidget *bar;
  guint row = self->n_reasons * 2;

  value = CLAMP (value, 0, 1);
  name = grid_label (component_name (key), 0, NULL);
  tooltip = component_formula (key) != NULL
            ? g_strdup_printf ("%s\n%s", component_help (key), component_formula (key))
            : g_strdup (component_help (key));
  gtk_widget_set_tooltip_text (name, tooltip);
  bar = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), value);
  gtk_widget_set_size_request (bar, 72, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  /* Translators: points a score component adds, of its weight: "28.0 of 35" */
  points = g_strdup_printf (_("%.1f of %.0f"), value * weight, weight);

  gtk_grid_attach (self->reasons_grid, name, 0, row, 1, 1);
  gtk_grid_attach (self->reasons_grid, bar, 1, row, 1, 1);
  gtk_grid_attach (self->reasons_grid, grid_label (points, 1, "numeric"), 2, row, 1, 1);
  if (detail != NULL)
    {
      GtkWidget *caption = grid_label (detail, 0, "caption");

      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 44);
      gtk_widget_set_tooltip_text (caption, tooltip);
      gtk_grid_attach (self->reasons_grid, caption, 0, row + 1, 3, 1);
    }
  self->n_reasons++;
}

static void
show_breakdown (KocAccountPopover *self,
                Breakdown         *breakdown)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *scored = NULL;
  JsonObject *object;
  JsonArray *weights = NULL;

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
  if (json_object_has_member (object, "components") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "components")))
    {
      /* Version 2 (koc-score.c): [{key, value, weight, points, formula, inputs}] */
      JsonArray *components = json_object_get_array_member (object, "components");

      for (guint i = 0; i < json_array_get_length (components); i++)
        {
          JsonNode *node = json_array_get_element (components, i);
          JsonObject *component;
          JsonNode *inputs;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          component = json_node_get_object (node);
          inputs = json_object_get_member (component, "inputs");
          add_reason (self, json_object_get_string_member_with_default (component, "key", ""),
                      json_object_get_double_member_with_default (component, "value", 0),
                      json_object_get_double_member_with_default (component, "weight", 0),
                      inputs != NULL && JSON_NODE_HOLDS_OBJECT (inputs) ? json_node_get_object (inputs) : NULL);
        }
    }
  else
    {
      /* Version 1: component → value, and "weights" in the same order. */
      GList *members = json_object_get_members (object);
      guint row = 0;

      if (json_object_has_member (object, "weights") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "weights")))
        weights = json_object_get_array_member (object, "weights");
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data;
          JsonNode *node = json_object_get_member (object, key);

          if (g_str_equal (key, "weights") || !JSON_NODE_HOLDS_VALUE (node))
            continue;
          add_reason (self, key, json_node_get_double (node),
                      weights != NULL && row < json_array_get_length (weights)
                      ? json_array_get_double_element (weights, row) : 0, NULL);
          row++;
        }
      g_list_free (members);
    }

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
  engagement = _koc_discover_format_engagement (hit->engagement_variant, hit->engagement_rate);
  mentions = koc_format_grouped (hit->mention_count);
  active = koc_format_relative_time (hit->last_post_at, g_get_real_time () / G_USEC_PER_SEC);
  add_fact (self, _("Followers"), followers, NULL);
  add_fact (self, _("Tier"), koc_format_tier_name (hit->tier), NULL);
  add_fact (self, _koc_discover_engagement_title (hit->engagement_variant), engagement,
            _koc_discover_engagement_formula (hit->engagement_variant));
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
