/* koc-discover-filters.c: the Discover side panel of search filters.
 *
 * Platform and tier check buttons are built from tables (their names come from
 * koc-discover-format.c, like the result columns'); region, category and owner offer
 * what the workspace holds, read once per store on its worker. Every change emits
 * ::changed and the pane re-queries the store.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-discover-filters"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "koc-discover-filters.h"
#include "koc-discover-format.h"

#define DAY (24 * 60 * 60)

static const char * const platform_ids[] = {
  "xiaohongshu", "douyin", "weibo", "bilibili", "wechat",
  "tmall", "instagram", "tiktok", "youtube", "other",
};
static const char * const tier_ids[] = { "nano", "micro", "mid", "macro", "mega" };
static const gint64 tier_bounds[] = { 0, 10000, 100000, 500000, 1000000 };
static const char * const stage_ids[] = {
  "discovered", "engaged", "advocate", "ambassador", "dormant", "detractor",
};
static const int active_days[] = { 0, 7, 30, 90 };

struct _KocDiscoverFilters
{
  GtkWidget       parent_instance;

  /* Owned */
  KocStore       *store;
  GCancellable   *cancellable;
  GPtrArray      *platform_checks;
  GPtrArray      *tier_checks;
  GStrv           regions;     /* ids behind the dropdowns, after "Any" */
  GStrv           categories;
  GStrv           owners;
  GStrv           brand_names;
  GArray         *brand_ids;   /* gint64, parallel to brand_names */
  GStrv           tags;
  gboolean        resetting;

  /* Template children */
  GtkButton      *reset_button;
  GtkFlowBox     *platform_box;
  GtkBox         *tier_box;
  GtkSpinButton  *min_followers;
  GtkSpinButton  *max_followers;
  GtkSpinButton  *min_engagement;
  GtkSpinButton  *max_engagement;
  GtkDropDown    *active_dropdown;
  GtkDropDown    *stage_dropdown;
  GtkDropDown    *region_dropdown;
  GtkDropDown    *category_dropdown;
  GtkDropDown    *owner_dropdown;
  GtkDropDown    *brand_dropdown;
  GtkDropDown    *sentiment_dropdown;
  GtkDropDown    *tag_dropdown;
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (KocDiscoverFilters, koc_discover_filters, GTK_TYPE_WIDGET)

static guint signals[N_SIGNALS];

static void
emit_changed (KocDiscoverFilters *self)
{
  if (self->resetting)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), koc_discover_filters_is_active (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* 0 reads "Any": an unset bound, not a bound of zero. */
static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = NULL;
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));

  if (value <= 0)
    text = g_strdup (_("Any"));
  else
    text = g_strdup_printf ("%.*f", (int) gtk_spin_button_get_digits (spin), value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;

  if (*text == '\0' || g_str_equal (text, _("Any")))
    {
      *new_value = 0;
      return TRUE;
    }
  *new_value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' ? TRUE : GTK_INPUT_ERROR;
}

static void
set_dropdown_choices (GtkDropDown  *dropdown,
                      const char   *any,
                      GStrv         ids,
                      const char *(*name_func) (const char *))
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    gtk_string_list_append (list, name_func != NULL ? name_func (ids[i]) : ids[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, 0);
}

static const char *
dropdown_id (GtkDropDown *dropdown,
             GStrv        ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || ids == NULL)
    return NULL;
  if (selected - 1 >= g_strv_length (ids))
    return NULL;
  return ids[selected - 1];
}

typedef struct
{
  GStrv   regions;
  GStrv   categories;
  GStrv   owners;
  GStrv   brand_names;
  GArray *brand_ids;
  GStrv   tags;
} Choices;

static void
choices_free (gpointer data)
{
  Choices *choices = data;

  g_strfreev (choices->regions);
  g_strfreev (choices->categories);
  g_strfreev (choices->owners);
  g_strfreev (choices->brand_names);
  g_clear_pointer (&choices->brand_ids, g_array_unref);
  g_strfreev (choices->tags);
  g_free (choices);
}

static gboolean
read_column (sqlite3     *db,
             const char  *sql,
             GStrv       *out,
             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED, "%s", sqlite3_errstr (rc));
      return FALSE;
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Brands, the own first: "完美日记 (yours)", then competitors by name. */
static gboolean
read_brands (sqlite3  *db,
             Choices  *choices,
             GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  choices->brand_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (sqlite3_prepare_v2 (db, "SELECT id, name, is_own FROM brands ORDER BY is_own DESC, name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      g_array_append_val (choices->brand_ids, id);
      if (sqlite3_column_int (stmt, 2))
        {
          /* Translators: the workspace's own brand in the brand filter, "完美日记 (yours)" */
          g_autofree char *own = g_strdup_printf (_("%s (yours)"), name);

          g_strv_builder_add (builder, own);
        }
      else
        g_strv_builder_add (builder, name);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FAILED, "%s", sqlite3_errstr (rc));
      return FALSE;
    }
  choices->brand_names = g_strv_builder_end (builder);
  return TRUE;
}

/* On the store's worker. The searches match coalesce (account, person): a person's
 * region or category counts for their accounts that have none. Both halves run on the
 * accounts_region / accounts_category indexes; the union with every person's value
 * scanned the whole people table (27,000 pages, the whole 64 MB page cache at
 * scale 10) and offered values no account could match. */
static gboolean
load_choices_func (sqlite3       *db,
                   gpointer       data,
                   gpointer      *result,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Choices *choices = g_new0 (Choices, 1);

  if (!read_column (db, "SELECT region FROM accounts WHERE region <> ''"
                        " UNION SELECT pe.region FROM accounts a JOIN people pe ON pe.id = a.person_id"
                        " WHERE a.region IS NULL AND pe.region <> '' ORDER BY 1",
                    &choices->regions, error) ||
      !read_column (db, "SELECT category FROM accounts WHERE category <> ''"
                        " UNION SELECT pe.category FROM accounts a JOIN people pe ON pe.id = a.person_id"
                        " WHERE a.category IS NULL AND pe.category <> '' ORDER BY 1",
                    &choices->categories, error) ||
      !read_column (db, "SELECT DISTINCT owner FROM people WHERE owner <> '' ORDER BY 1",
                    &choices->owners, error) ||
      !read_column (db, "SELECT name FROM tags ORDER BY name", &choices->tags, error) ||
      !read_brands (db, choices, error))
    {
      choices_free (choices);
      return FALSE;
    }
  *result = choices;
  return TRUE;
}

static void
choices_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KocDiscoverFilters) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer out = NULL;
  Choices *choices;

  if (!koc_store_run_finish (KOC_STORE (source), result, &out, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the filter choices: %s", error->message);
      return;
    }

  choices = out;
  self->resetting = TRUE;
  g_strfreev (self->regions);
  g_strfreev (self->categories);
  g_strfreev (self->owners);
  self->regions = g_steal_pointer (&choices->regions);
  self->categories = g_steal_pointer (&choices->categories);
  self->owners = g_steal_pointer (&choices->owners);
  g_strfreev (self->brand_names);
  g_clear_pointer (&self->brand_ids, g_array_unref);
  g_strfreev (self->tags);
  self->brand_names = g_steal_pointer (&choices->brand_names);
  self->brand_ids = g_steal_pointer (&choices->brand_ids);
  self->tags = g_steal_pointer (&choices->tags);
  set_dropdown_choices (self->region_dropdown, _("Any region"), self->regions, NULL);
  set_dropdown_choices (self->category_dropdown, _("Any category"), self->categories,
                        koc_format_category_name);
  set_dropdown_choices (self->owner_dropdown, _("Anyone"), self->owners, NULL);
  set_dropdown_choices (self->brand_dropdown, _("Any brand"), self->brand_names, NULL);
  set_dropdown_choices (self->tag_dropdown, _("Any tag"), self->tags, NULL);
  self->resetting = FALSE;
  choices_free (choices);
}

static GtkWidget *
add_check (KocDiscoverFilters *self,
           const char         *label,
           GPtrArray          *checks)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  g_signal_connect_object (check, "toggled", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (checks, check);
  return check;
}

static void
build_checks (KocDiscoverFilters *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (platform_ids); i++)
    gtk_flow_box_append (self->platform_box,
                         add_check (self, koc_format_platform_name (platform_ids[i]),
                                    self->platform_checks));

  for (guint i = 0; i < G_N_ELEMENTS (tier_ids); i++)
    {
      g_autofree char *low = koc_format_count (tier_bounds[i]);
      g_autofree char *high = i + 1 < G_N_ELEMENTS (tier_bounds) ? koc_format_count (tier_bounds[i + 1]) : NULL;
      g_autofree char *range = NULL;
      g_autofree char *label = NULL;

      if (i == 0)
        /* Translators: a follower range of a tier, e.g. "under 10k" */
        range = g_strdup_printf (_("under %s"), high);
      else if (high == NULL)
        /* Translators: a follower range of a tier, e.g. "1M and more" */
        range = g_strdup_printf (_("%s and more"), low);
      else
        /* Translators: a follower range of a tier, e.g. "10k–100k" */
        range = g_strdup_printf (_("%s–%s"), low, high);
      /* Translators: a tier and its follower range, e.g. "Micro · 10k–100k" */
      label = g_strdup_printf (_("%s · %s"), koc_format_tier_name (tier_ids[i]), range);
      gtk_box_append (self->tier_box, add_check (self, label, self->tier_checks));
    }
}

static void
koc_discover_filters_dispose (GObject *object)
{
  KocDiscoverFilters *self = (KocDiscoverFilters *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOC_TYPE_DISCOVER_FILTERS);
  /* GTK 4.8 leaves template children without an id in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->platform_checks, g_ptr_array_unref);
  g_clear_pointer (&self->tier_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (koc_discover_filters_parent_class)->dispose (object);
}

static void
koc_discover_filters_finalize (GObject *object)
{
  KocDiscoverFilters *self = (KocDiscoverFilters *)object;

  g_strfreev (self->regions);
  g_strfreev (self->categories);
  g_strfreev (self->owners);
  g_strfreev (self->brand_names);
  g_clear_pointer (&self->brand_ids, g_array_unref);
  g_strfreev (self->tags);

  G_OBJECT_CLASS (koc_discover_filters_parent_class)->finalize (object);
}

static void
koc_discover_filters_class_init (KocDiscoverFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koc_discover_filters_dispose;
  object_class->finalize = koc_discover_filters_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "discoverfilters");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koc-discover-filters.ui");
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, reset_button);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, platform_box);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, tier_box);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, min_followers);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, max_followers);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, min_engagement);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, max_engagement);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, active_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, brand_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, sentiment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KocDiscoverFilters, tag_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, koc_discover_filters_reset);
}

static void
koc_discover_filters_init (KocDiscoverFilters *self)
{
  GtkSpinButton *spins[4];
  GtkDropDown *dropdowns[8];
  g_auto(GStrv) stages = NULL;

  self->cancellable = g_cancellable_new ();
  self->platform_checks = g_ptr_array_new ();
  self->tier_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  build_checks (self);

  spins[0] = self->min_followers;
  spins[1] = self->max_followers;
  spins[2] = self->min_engagement;
  spins[3] = self->max_engagement;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      g_signal_connect (spins[i], "output", G_CALLBACK (spin_output_cb), NULL);
      g_signal_connect (spins[i], "input", G_CALLBACK (spin_input_cb), NULL);
      g_signal_connect_object (spins[i], "value-changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
      spin_output_cb (spins[i], NULL);
    }

  stages = g_new0 (char *, G_N_ELEMENTS (stage_ids) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (stage_ids); i++)
    stages[i] = g_strdup (stage_ids[i]);
  set_dropdown_choices (self->stage_dropdown, _("Any stage"), stages, koc_format_stage_name);
  set_dropdown_choices (self->region_dropdown, _("Any region"), NULL, NULL);
  set_dropdown_choices (self->category_dropdown, _("Any category"), NULL, NULL);
  set_dropdown_choices (self->owner_dropdown, _("Anyone"), NULL, NULL);
  set_dropdown_choices (self->brand_dropdown, _("Any brand"), NULL, NULL);
  set_dropdown_choices (self->tag_dropdown, _("Any tag"), NULL, NULL);

  dropdowns[0] = self->active_dropdown;
  dropdowns[1] = self->stage_dropdown;
  dropdowns[2] = self->region_dropdown;
  dropdowns[3] = self->category_dropdown;
  dropdowns[4] = self->owner_dropdown;
  dropdowns[5] = self->brand_dropdown;
  dropdowns[6] = self->sentiment_dropdown;
  dropdowns[7] = self->tag_dropdown;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_object (dropdowns[i], "notify::selected", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
}

void
koc_discover_filters_set_store (KocDiscoverFilters *self,
                                KocStore           *store)
{
  g_return_if_fail (KOC_IS_DISCOVER_FILTERS (self));
  g_return_if_fail (!store || KOC_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->store, store);
  /* Another workspace: its choices differ, so the old filters make no sense. */
  koc_discover_filters_reset (self);
}

void
koc_discover_filters_load_choices (KocDiscoverFilters *self)
{
  g_return_if_fail (KOC_IS_DISCOVER_FILTERS (self));

  if (self->store != NULL)
    koc_store_run_async (self->store, load_choices_func, NULL, NULL, choices_free, self->cancellable,
                         choices_ready_cb, g_object_ref (self));
}

static char **
checked_ids (GPtrArray          *checks,
             const char * const *ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      {
        g_strv_builder_add (builder, ids[i]);
        any = TRUE;
      }
  return any ? g_strv_builder_end (builder) : NULL;
}

void
koc_discover_filters_apply (KocDiscoverFilters *self,
                            KocSearchQuery     *query)
{
  double value;
  guint active;
  const char *id;

  g_return_if_fail (KOC_IS_DISCOVER_FILTERS (self));
  g_return_if_fail (query != NULL);

  g_strfreev (query->platforms);
  query->platforms = checked_ids (self->platform_checks, platform_ids);
  g_strfreev (query->tiers);
  query->tiers = checked_ids (self->tier_checks, tier_ids);

  value = gtk_spin_button_get_value (self->min_followers);
  query->min_followers = value > 0 ? (gint64) value : -1;
  value = gtk_spin_button_get_value (self->max_followers);
  query->max_followers = value > 0 ? (gint64) value : -1;
  value = gtk_spin_button_get_value (self->min_engagement);
  query->min_engagement = value > 0 ? value / 100 : -1;
  value = gtk_spin_button_get_value (self->max_engagement);
  query->max_engagement = value > 0 ? value / 100 : -1;

  active = gtk_drop_down_get_selected (self->active_dropdown);
  query->active_since = active > 0 && active < G_N_ELEMENTS (active_days)
                        ? g_get_real_time () / G_USEC_PER_SEC - (gint64) active_days[active] * DAY
                        : 0;

  g_free (query->stage);
  id = gtk_drop_down_get_selected (self->stage_dropdown) > 0
       ? stage_ids[gtk_drop_down_get_selected (self->stage_dropdown) - 1] : NULL;
  query->stage = g_strdup (id);
  g_free (query->region);
  query->region = g_strdup (dropdown_id (self->region_dropdown, self->regions));
  g_free (query->category);
  query->category = g_strdup (dropdown_id (self->category_dropdown, self->categories));
  g_free (query->owner);
  query->owner = g_strdup (dropdown_id (self->owner_dropdown, self->owners));

  active = gtk_drop_down_get_selected (self->brand_dropdown);
  query->brand_id = active > 0 && self->brand_ids != NULL && active <= self->brand_ids->len
                    ? g_array_index (self->brand_ids, gint64, active - 1) : 0;
  active = gtk_drop_down_get_selected (self->sentiment_dropdown);
  query->sentiment = active <= KOC_SENTIMENT_NEGATIVE ? (KocSentiment) active : KOC_SENTIMENT_ANY;
  g_strfreev (query->tags);
  query->tags = NULL;
  id = dropdown_id (self->tag_dropdown, self->tags);
  if (id != NULL)
    {
      query->tags = g_new0 (char *, 2);
      query->tags[0] = g_strdup (id);
    }
}

gboolean
koc_discover_filters_is_active (KocDiscoverFilters *self)
{
  g_autoptr(KocSearchQuery) query = koc_search_query_new ();

  g_return_val_if_fail (KOC_IS_DISCOVER_FILTERS (self), FALSE);

  koc_discover_filters_apply (self, query);
  return query->platforms != NULL || query->tiers != NULL ||
         query->min_followers >= 0 || query->max_followers >= 0 ||
         query->min_engagement >= 0 || query->max_engagement >= 0 ||
         query->active_since > 0 || query->stage != NULL || query->region != NULL ||
         query->category != NULL || query->owner != NULL || query->brand_id > 0 ||
         query->sentiment != KOC_SENTIMENT_ANY || query->tags != NULL;
}

void
koc_discover_filters_reset (KocDiscoverFilters *self)
{
  gboolean was_active;

  g_return_if_fail (KOC_IS_DISCOVER_FILTERS (self));

  was_active = koc_discover_filters_is_active (self);
  self->resetting = TRUE;
  for (guint i = 0; i < self->platform_checks->len; i++)
    gtk_check_button_set_active (self->platform_checks->pdata[i], FALSE);
  for (guint i = 0; i < self->tier_checks->len; i++)
    gtk_check_button_set_active (self->tier_checks->pdata[i], FALSE);
  gtk_spin_button_set_value (self->min_followers, 0);
  gtk_spin_button_set_value (self->max_followers, 0);
  gtk_spin_button_set_value (self->min_engagement, 0);
  gtk_spin_button_set_value (self->max_engagement, 0);
  gtk_drop_down_set_selected (self->active_dropdown, 0);
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->brand_dropdown, 0);
  gtk_drop_down_set_selected (self->sentiment_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  self->resetting = FALSE;

  if (was_active)
    emit_changed (self);
}

static void
select_id (GtkDropDown *dropdown,
           GStrv        ids,
           const char  *id)
{
  guint selected = 0;

  for (guint i = 0; id != NULL && ids != NULL && ids[i] != NULL; i++)
    if (g_str_equal (ids[i], id))
      selected = i + 1;
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
check_ids (GPtrArray          *checks,
           const char * const *ids,
           char              **wanted)
{
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (checks->pdata[i], wanted != NULL &&
                                 g_strv_contains ((const char * const *) wanted, ids[i]));
}

void
koc_discover_filters_set_query (KocDiscoverFilters   *self,
                                const KocSearchQuery *query)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint active = 0;

  g_return_if_fail (KOC_IS_DISCOVER_FILTERS (self));
  g_return_if_fail (query != NULL);

  self->resetting = TRUE;
  check_ids (self->platform_checks, platform_ids, query->platforms);
  check_ids (self->tier_checks, tier_ids, query->tiers);
  gtk_spin_button_set_value (self->min_followers, MAX (0, query->min_followers));
  gtk_spin_button_set_value (self->max_followers, MAX (0, query->max_followers));
  gtk_spin_button_set_value (self->min_engagement, MAX (0, query->min_engagement * 100));
  gtk_spin_button_set_value (self->max_engagement, MAX (0, query->max_engagement * 100));
  /* The nearest "past N days" choice. */
  for (guint i = 1; query->active_since > 0 && i < G_N_ELEMENTS (active_days); i++)
    if (active == 0 || ABS (now - query->active_since - (gint64) active_days[i] * DAY)
                       < ABS (now - query->active_since - (gint64) active_days[active] * DAY))
      active = i;
  gtk_drop_down_set_selected (self->active_dropdown, active);
  {
    guint stage = 0;

    for (guint i = 0; query->stage != NULL && i < G_N_ELEMENTS (stage_ids); i++)
      if (g_str_equal (stage_ids[i], query->stage))
        stage = i + 1;
    gtk_drop_down_set_selected (self->stage_dropdown, stage);
  }
  select_id (self->region_dropdown, self->regions, query->region);
  select_id (self->category_dropdown, self->categories, query->category);
  select_id (self->owner_dropdown, self->owners, query->owner);
  {
    guint brand = 0;

    for (guint i = 0; query->brand_id > 0 && self->brand_ids != NULL && i < self->brand_ids->len; i++)
      if (g_array_index (self->brand_ids, gint64, i) == query->brand_id)
        brand = i + 1;
    gtk_drop_down_set_selected (self->brand_dropdown, brand);
  }
  gtk_drop_down_set_selected (self->sentiment_dropdown, query->sentiment);
  select_id (self->tag_dropdown, self->tags, query->tags != NULL ? query->tags[0] : NULL);
  self->resetting = FALSE;
  emit_changed (self);
}
