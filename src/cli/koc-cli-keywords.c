/* koc-cli-keywords.c: `kocdesk-cli keywords`.
 *
 *   keywords --db FILE.db --brand NAME [--from DATE --to DATE] [--top N] [--json]
 *     the brand's keywords in the period from the workspace's aggregates (brought up to
 *     date first: only posts not aggregated yet are read). Without dates: every post.
 *   keywords --text FILE [--top N] [--json]
 *     a plain UTF-8 file with one post per line (paste-in analysis), with the phrase step.
 *
 * --cloud FILE.png|svg|pdf also draws the keywords as a cloud (800 × 500, light style).
 *
 * Text output: an aligned table. JSON: [{"keyword": …, "count": …, "score": …}, …]
 * (--db adds "engagement" and "trend").
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "koc-chart-cloud.h"
#include "koc-cli.h"
#include "koc-keyword-store.h"
#include "koc-store.h"

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  fprintf (stderr, "kocdesk-cli keywords: %s\n\n%s", message, help);
  return 2;
}

/* YYYY-MM-DD as Unix time of its UTC midnight, or -1. */
static gint64
parse_date (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;
  char extra;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
    return -1;
  dt = g_date_time_new (utc, y, m, d, 0, 0, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : -1;
}

typedef struct
{
  KocKeywordQuery  query;
  char            *brand;
  GPtrArray       *keywords;
  gint64           n_posts;
} DbJob;

static gboolean
refresh_func (sqlite3       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  return koc_keyword_store_refresh (db, cancellable, NULL, error);
}

static gboolean
top_func (sqlite3       *db,
          gpointer       data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  DbJob *job = data;

  job->query.brand_id = koc_keyword_store_find_brand (db, job->brand, error);
  if (job->query.brand_id == 0)
    return FALSE;
  job->keywords = koc_keyword_store_top (db, &job->query, &job->n_posts, error);
  return job->keywords != NULL;
}

static GPtrArray *
keywords_of_text_file (const char  *path,
                       gint64      *n_posts,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(KocKeywordExtractor) extractor = NULL;
  g_autoptr(KocKeywordCounter) counter = NULL;
  gsize length;
  char *line, *next;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not UTF-8 text"), path);
      return NULL;
    }
  extractor = koc_keyword_extractor_new (error);
  if (extractor == NULL)
    return NULL;
  counter = koc_keyword_counter_new (extractor, NULL);
  for (line = contents; line != NULL && *line != '\0'; line = next)
    {
      gsize n;

      next = strchr (line, '\n');
      n = next != NULL ? (gsize) (next - line) : strlen (line);
      if (next != NULL)
        next++;
      if (n > 0 && line[n - 1] == '\r')
        n--;
      if (n > 0)
        koc_keyword_counter_add (counter, line, (gssize) n, 0);
    }
  *n_posts = koc_keyword_counter_get_n_posts (counter);
  return koc_keyword_counter_finish (counter);
}

static void
print_json (GPtrArray *keywords,
            gboolean   with_store)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < keywords->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (keywords, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "keyword");
      json_builder_add_string_value (b, k->keyword);
      json_builder_set_member_name (b, "count");
      json_builder_add_int_value (b, k->count);
      json_builder_set_member_name (b, "score");
      json_builder_add_double_value (b, k->score);
      if (with_store)
        {
          json_builder_set_member_name (b, "engagement");
          json_builder_add_int_value (b, k->engagement);
          json_builder_set_member_name (b, "trend");
          json_builder_add_double_value (b, k->trend);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

static void
print_table (GPtrArray *keywords,
             gint64     n_posts)
{
  printf (_("%lld posts\n"), (long long) n_posts);
  printf ("%-24s %10s %12s\n", _("Keyword"), _("Posts"), _("Score"));
  for (guint i = 0; i < keywords->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (keywords, i);
      int pad = 24;

      /* Wide characters take two columns. */
      for (const char *p = k->keyword; *p != '\0'; p = g_utf8_next_char (p))
        pad -= g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      printf ("%s%*s %10lld %12.2f\n", k->keyword, MAX (pad, 0), "", (long long) k->count, k->score);
    }
}

static gboolean
write_cloud (GPtrArray   *keywords,
             const char  *path,
             GError     **error)
{
  g_autofree KocCloudWord *words = g_new0 (KocCloudWord, MAX (keywords->len, 1));
  g_autoptr(KocChartCloud) cloud = NULL;
  KocChartExportFormat format = KOC_CHART_EXPORT_PNG;
  KocChartStyle style;

  if (g_str_has_suffix (path, ".svg"))
    format = KOC_CHART_EXPORT_SVG;
  else if (g_str_has_suffix (path, ".pdf"))
    format = KOC_CHART_EXPORT_PDF;
  for (guint i = 0; i < keywords->len; i++)
    {
      KocKeyword *k = g_ptr_array_index (keywords, i);

      words[i].text = k->keyword;
      words[i].weight = (double) k->count;
      words[i].count = k->count;
      words[i].trend = k->trend;
    }
  cloud = koc_chart_cloud_new (words, keywords->len);
  koc_chart_style_init (&style, FALSE);
  return koc_chart_cloud_export (cloud, &style, KOC_CLOUD_COLOR_TREND, format, path, 800, 500, error);
}

int
koc_cli_keywords (int    argc,
                  char **argv)
{
  g_autofree char *db_path = NULL, *text_path = NULL, *brand = NULL;
  g_autofree char *from_text = NULL, *to_text = NULL;
  g_autofree char *cloud_path = NULL;
  gboolean json = FALSE;
  int top = 50;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The workspace"), "FILE.db" },
    { "brand", 0, 0, G_OPTION_ARG_STRING, &brand, N_("The brand (name or alias)"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day (UTC)"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day (UTC)"), "YYYY-MM-DD" },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text_path, N_("A UTF-8 text file, one post per line"), "FILE" },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, N_("How many keywords (0: all)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "cloud", 0, 0, G_OPTION_ARG_FILENAME, &cloud_path, N_("Also draw a keyword cloud (.png, .svg or .pdf)"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keywords = NULL;
  gint64 n_posts = 0;

  g_option_context_set_summary (context, _("The keywords of a brand in a workspace, or of a text file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc > 1)
    return usage_error (context, _("unexpected argument"));
  if ((db_path == NULL) == (text_path == NULL))
    return usage_error (context, _("give either --db FILE.db --brand NAME or --text FILE"));
  if (top < 0)
    return usage_error (context, _("--top takes a number of 0 or more"));

  if (text_path != NULL)
    {
      keywords = keywords_of_text_file (text_path, &n_posts, &error);
      if (keywords == NULL)
        return koc_cli_fail (_("keywords: %s"), error->message);
      if (top > 0 && keywords->len > (guint) top)
        g_ptr_array_set_size (keywords, top);
    }
  else
    {
      g_autoptr(KocStore) store = NULL;
      DbJob job = { { 0 } };

      if (brand == NULL)
        return usage_error (context, _("--db needs --brand NAME"));
      job.brand = brand;
      job.query.from = from_text != NULL ? parse_date (from_text) : 0;
      job.query.to = to_text != NULL ? parse_date (to_text) : G_GINT64_CONSTANT (253402300799);
      job.query.limit = (guint) top;
      if (job.query.from < 0 || job.query.to < 0)
        return usage_error (context, _("dates are written YYYY-MM-DD"));
      if (job.query.to < job.query.from)
        return usage_error (context, _("--to is before --from"));

      store = koc_store_open_sync (db_path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
      if (store == NULL ||
          !koc_store_run_sync (store, refresh_func, &job, NULL, NULL, &error) ||
          !koc_store_run_sync (store, top_func, &job, NULL, NULL, &error))
        {
          g_clear_pointer (&job.keywords, g_ptr_array_unref);
          return koc_cli_fail (_("keywords: %s"), error->message);
        }
      keywords = job.keywords;
      n_posts = job.n_posts;
    }

  if (cloud_path != NULL && !write_cloud (keywords, cloud_path, &error))
    return koc_cli_fail (_("keywords: %s"), error->message);

  if (json)
    print_json (keywords, db_path != NULL);
  else
    print_table (keywords, n_posts);
  return 0;
}
