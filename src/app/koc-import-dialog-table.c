/* koc-import-dialog-table.c: the parsed rows, the column mapping and the problems.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-import-dialog-private.h"

const char *
_koc_import_platform_label (const char *platform)
{
  static const struct { const char *platform; const char *label; } labels[] = {
    { "xiaohongshu", N_("Xiaohongshu") }, { "douyin", N_("Douyin") }, { "weibo", N_("Weibo") },
    { "bilibili", N_("Bilibili") }, { "wechat", N_("WeChat") }, { "tmall", N_("Tmall") },
    { "instagram", N_("Instagram") }, { "tiktok", N_("TikTok") }, { "youtube", N_("YouTube") },
    { "other", N_("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].platform, platform) == 0)
      return _(labels[i].label);
  return platform;
}

const char *
_koc_import_field_label (KocField field)
{
  /* In the order of KocField. */
  static const char * const labels[KOC_N_FIELDS] = {
    N_("Ignore"), N_("Name"), N_("Handle"), N_("Platform"), N_("Followers"),
    N_("Engagement Rate"), N_("Likes"), N_("Collects"), N_("Comments"), N_("Region"),
    N_("Category"), N_("Email"), N_("Phone"), N_("WeChat ID"), N_("Bio"), N_("Link"),
    N_("Stage"), N_("Owner"),
  };

  return field < KOC_N_FIELDS ? _(labels[field]) : "";
}

/* The table: row numbers as strings; cells looked up in the preview. */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              KocImportDialog          *self)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  guint row = (guint) g_ascii_strtoull (gtk_string_object_get_string (string), NULL, 10);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *text = "";
  g_autofree char *number = NULL;

  if (self->preview == NULL || row >= self->preview->rows->len)
    return;
  if (column < 0)
    {
      /* The header is line 1 in spreadsheet terms; data rows follow. */
      number = g_strdup_printf ("%u", row + 2);
      text = number;
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      char **cells = g_ptr_array_index (self->preview->rows, row);

      if ((guint) column < g_strv_length (cells))
        text = cells[column];
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), *text != '\0' ? text : NULL);
}

static void
add_column (KocImportDialog *self,
            const char      *title,
            int              column,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->table_view, view_column);
}

void
_koc_import_dialog_fill_table (KocImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table_view);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *description = NULL;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->table_view, column);
    }

  add_column (self, _("Line"), -1, FALSE);
  for (guint c = 0; c < self->preview->n_columns; c++)
    {
      g_autofree char *fallback = g_strdup_printf (_("Column %u"), c + 1);
      const char *header = self->preview->header[c];

      add_column (self, *header != '\0' ? header : fallback, (int) c, c + 1 == self->preview->n_columns);
    }
  for (guint r = 0; r < self->preview->rows->len; r++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", r);
      gtk_string_list_append (rows, number);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (selection));

  if (self->preview->n_rows > self->preview->rows->len)
    description = g_strdup_printf (_("The first %u of %llu rows"), self->preview->rows->len,
                                   (unsigned long long) self->preview->n_rows);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu row", "%llu rows", self->preview->n_rows),
                                   (unsigned long long) self->preview->n_rows);
  adw_preferences_group_set_description (self->table_group, description);
}

/* The mapping: one combo row per column of the file. */

static void
mapping_changed_cb (KocImportDialog *self)
{
  gboolean has_platform = FALSE;

  if (self->syncing)
    return;
  for (guint c = 0; c < self->mapping_rows->len; c++)
    if (adw_combo_row_get_selected (self->mapping_rows->pdata[c]) == KOC_FIELD_PLATFORM)
      has_platform = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->platform_row), !has_platform);
  _koc_import_dialog_schedule_dry_run (self);
}

void
_koc_import_dialog_fill_mapping (KocImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  if (self->mapping_rows != NULL)
    for (guint c = 0; c < self->mapping_rows->len; c++)
      adw_preferences_group_remove (self->mapping_group, self->mapping_rows->pdata[c]);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  self->mapping_rows = g_ptr_array_new ();

  for (guint f = 0; f < KOC_N_FIELDS; f++)
    gtk_string_list_append (fields, _koc_import_field_label (f));

  self->syncing = TRUE;
  for (guint c = 0; c < self->preview->n_columns; c++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *fallback = g_strdup_printf (_("Column %u"), c + 1);
      const char *header = self->preview->header[c];
      const char *sample = NULL;

      for (guint r = 0; r < self->preview->rows->len && sample == NULL; r++)
        {
          char **cells = g_ptr_array_index (self->preview->rows, r);

          if (c < g_strv_length (cells) && *cells[c] != '\0')
            sample = cells[c];
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header != '\0' ? header : fallback);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (sample != NULL)
        {
          g_autofree char *subtitle = g_strdup_printf (_("e.g. %s"), sample);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
        }
      adw_combo_row_set_model (row, G_LIST_MODEL (fields));
      adw_combo_row_set_selected (row, self->preview->guess ? self->preview->guess[c] : KOC_FIELD_NONE);
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (mapping_changed_cb), self);
      adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));
      g_ptr_array_add (self->mapping_rows, row);
    }
  self->syncing = FALSE;

  {
    gboolean has_platform = FALSE;

    for (guint c = 0; c < self->preview->n_columns; c++)
      if (self->preview->guess && self->preview->guess[c] == KOC_FIELD_PLATFORM)
        has_platform = TRUE;
    gtk_widget_set_visible (GTK_WIDGET (self->platform_row), !has_platform);
  }
}

GStrv
_koc_import_dialog_build_map (KocImportDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint c = 0; self->mapping_rows != NULL && c < self->mapping_rows->len; c++)
    {
      KocField field = adw_combo_row_get_selected (self->mapping_rows->pdata[c]);
      g_autofree char *entry = g_strdup_printf ("%u=%s", c + 1,
                                                field == KOC_FIELD_NONE || field >= KOC_N_FIELDS
                                                ? "ignore" : koc_field_to_string (field));

      g_strv_builder_add (builder, entry);
    }
  return g_strv_builder_end (builder);
}

const char *
_koc_import_dialog_get_platform (KocImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->platform_row);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->platform_row)) || selected == 0 ||
      selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return _koc_import_platforms[selected - 1];
}

/* Problems, as the reader reported them. */

void
_koc_import_dialog_fill_problems (KocImportDialog *self)
{
  guint shown;

  if (self->problem_rows != NULL)
    for (guint i = 0; i < self->problem_rows->len; i++)
      adw_preferences_group_remove (self->problems_group, self->problem_rows->pdata[i]);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  self->problem_rows = g_ptr_array_new ();

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), self->preview->n_problems > 0);
  shown = MIN (self->preview->problems->len, 100);
  for (guint i = 0; i < shown; i++)
    {
      const KocCsvProblem *problem = g_ptr_array_index (self->preview->problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *where = NULL;

      if (problem->column > 0)
        where = g_strdup_printf (_("Line %llu, column %u"), (unsigned long long) problem->line,
                                 problem->column);
      else
        where = g_strdup_printf (_("Line %llu"), (unsigned long long) problem->line);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
  if (self->preview->n_problems > shown)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu more problem",
                                                             "%llu more problems",
                                                             self->preview->n_problems - shown),
                                                (unsigned long long) (self->preview->n_problems - shown));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
}
