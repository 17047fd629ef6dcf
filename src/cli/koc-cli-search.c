/* koc-cli-search.c: `kocdesk-cli search FILE.db QUERY [--json] [--limit N]`.
 *
 * Searches people, accounts (Discover: name, bio and recent posts) and posts of a
 * workspace opened read-only, with the same code as the app (koc-search.c).
 * Text output: three aligned tables, matches in the snippets marked «like this».
 * JSON output: {"query", "people": […], "accounts": […], "posts": […]}; snippets keep
 * the store's markers U+0002 (start) and U+0003 (end) of a match.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "koc-cli.h"
#include "koc-store.h"

typedef struct
{
  KocSearchQuery *query;
  GPtrArray      *people;
  GPtrArray      *accounts;
  GPtrArray      *posts;
} Results;

static gboolean
search_func (sqlite3       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Results *results = data;

  return (results->people = koc_search_people (db, results->query, error)) != NULL &&
         (results->accounts = koc_search_accounts (db, results->query, error)) != NULL &&
         (results->posts = koc_search_posts (db, results->query, error)) != NULL;
}

/* Display width of @text in a terminal: East Asian wide characters take two columns. */
static int
text_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Appends @text cut or padded to exactly @width columns, then two spaces. */
static void
append_cell (GString    *out,
             const char *text,
             int         width)
{
  gboolean cut;
  int used = 0;

  if (text == NULL)
    text = "–";
  cut = text_width (text) > width;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (cut && used + w > width - 1)
        break;
      g_string_append_unichar (out, g_unichar_isspace (c) ? ' ' : c);
      used += w;
    }
  if (cut)
    {
      g_string_append (out, "…");
      used++;
    }
  for (; used < width; used++)
    g_string_append_c (out, ' ');
  g_string_append (out, "  ");
}

static char *
readable_snippet (const char *snippet)
{
  g_autoptr(GString) text = g_string_new (snippet ? snippet : "");

  for (gsize i = 0; i < text->len; i++)
    {
      if (text->str[i] == '\n' || text->str[i] == '\t' || text->str[i] == '\r')
        text->str[i] = ' ';
    }
  g_string_replace (text, KOC_SNIPPET_START, "«", 0);
  g_string_replace (text, KOC_SNIPPET_END, "»", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time <= 0 || (dt = g_date_time_new_from_unix_utc (unix_time)) == NULL)
    return g_strdup ("–");
  return g_date_time_format (dt, "%Y-%m-%d");
}

static void
print_text (Results *r)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, _("People (%u)\n"), r->people->len);
  for (guint i = 0; i < r->people->len; i++)
    {
      KocPersonHit *hit = r->people->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, hit->person_id);
      g_autofree char *score = hit->koc_score < 0 ? g_strdup ("–") : g_strdup_printf ("%.0f", hit->koc_score);
      g_autofree char *snippet = readable_snippet (hit->snippet);

      g_string_append (out, "  ");
      append_cell (out, id, 7);
      append_cell (out, hit->display_name, 20);
      append_cell (out, hit->stage, 10);
      append_cell (out, hit->region, 8);
      append_cell (out, score, 5);
      g_string_append_printf (out, "%s\n", snippet);
    }

  g_string_append_printf (out, _("\nAccounts (%u)\n"), r->accounts->len);
  for (guint i = 0; i < r->accounts->len; i++)
    {
      KocAccountHit *hit = r->accounts->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, hit->account_id);
      g_autofree char *followers = g_strdup_printf ("%" G_GINT64_FORMAT, hit->followers);
      g_autofree char *er = hit->engagement_rate < 0 ? g_strdup ("–")
                                                     : g_strdup_printf ("%.1f%%", hit->engagement_rate * 100);
      g_autofree char *snippet = readable_snippet (hit->snippet);

      g_string_append (out, "  ");
      append_cell (out, id, 7);
      append_cell (out, hit->platform, 11);
      append_cell (out, hit->handle, 20);
      append_cell (out, hit->display_name, 16);
      g_string_append_printf (out, "%10s  ", followers);
      append_cell (out, hit->tier, 5);
      g_string_append_printf (out, "%6s  ", er);
      g_string_append_printf (out, "%s\n", snippet);
    }

  g_string_append_printf (out, _("\nPosts (%u)\n"), r->posts->len);
  for (guint i = 0; i < r->posts->len; i++)
    {
      KocPostHit *hit = r->posts->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, hit->post_id);
      g_autofree char *date = format_time (hit->published_at);
      g_autofree char *likes = g_strdup_printf ("%" G_GINT64_FORMAT, hit->likes);
      g_autofree char *snippet = readable_snippet (hit->snippet);

      g_string_append (out, "  ");
      append_cell (out, id, 8);
      append_cell (out, date, 10);
      append_cell (out, hit->platform, 11);
      append_cell (out, hit->handle, 20);
      g_string_append_printf (out, "%8s  %s\n", likes, snippet);
    }

  fputs (out->str, stdout);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* Unknown numbers (-1) become null. */
static void
add_double (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  if (value < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

static void
print_json (Results    *r,
            const char *text)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (b);
  add_string (b, "query", text);

  json_builder_set_member_name (b, "people");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->people->len; i++)
    {
      KocPersonHit *hit = r->people->pdata[i];

      json_builder_begin_object (b);
      add_int (b, "id", hit->person_id);
      add_string (b, "display_name", hit->display_name);
      add_string (b, "stage", hit->stage);
      add_string (b, "owner", hit->owner);
      add_string (b, "region", hit->region);
      add_string (b, "category", hit->category);
      add_double (b, "koc_score", hit->koc_score);
      add_int (b, "accounts", hit->n_accounts);
      add_string (b, "snippet", hit->snippet);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "accounts");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->accounts->len; i++)
    {
      KocAccountHit *hit = r->accounts->pdata[i];

      json_builder_begin_object (b);
      add_int (b, "id", hit->account_id);
      json_builder_set_member_name (b, "person_id");
      if (hit->person_id > 0)
        json_builder_add_int_value (b, hit->person_id);
      else
        json_builder_add_null_value (b);
      add_string (b, "platform", hit->platform);
      add_string (b, "handle", hit->handle);
      add_string (b, "display_name", hit->display_name);
      add_int (b, "followers", hit->followers);
      add_string (b, "tier", hit->tier);
      add_double (b, "engagement_rate", hit->engagement_rate);
      add_double (b, "koc_score", hit->koc_score);
      add_string (b, "stage", hit->stage);
      add_string (b, "owner", hit->owner);
      add_string (b, "region", hit->region);
      add_string (b, "category", hit->category);
      add_int (b, "last_post_at", hit->last_post_at);
      add_int (b, "mention_count", hit->mention_count);
      add_double (b, "relevance", hit->relevance);
      add_string (b, "snippet", hit->snippet);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "posts");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->posts->len; i++)
    {
      KocPostHit *hit = r->posts->pdata[i];

      json_builder_begin_object (b);
      add_int (b, "id", hit->post_id);
      add_int (b, "account_id", hit->account_id);
      add_string (b, "platform", hit->platform);
      add_string (b, "handle", hit->handle);
      add_int (b, "published_at", hit->published_at);
      add_string (b, "kind", hit->kind);
      add_string (b, "url", hit->url);
      add_int (b, "likes", hit->likes);
      add_int (b, "comments", hit->comments);
      add_int (b, "shares", hit->shares);
      add_int (b, "saves", hit->saves);
      add_int (b, "views", hit->views);
      add_string (b, "snippet", hit->snippet);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json = json_generator_to_data (gen, NULL);
  printf ("%s\n", json);
}

int
koc_cli_search (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KocSearchQuery) query = koc_search_query_new ();
  g_autoptr(KocStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int limit = 20;
  Results results = { NULL, NULL, NULL, NULL };
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of tables"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N rows of each kind (default 20)"), "N" },
    { NULL }
  };

  context = g_option_context_new (_("FILE.db QUERY — search people, accounts and posts"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "kocdesk-cli search: %s\n", error->message);
      return 2;
    }
  if (argc != 3)
    {
      fprintf (stderr, "%s\n", _("Usage: kocdesk-cli search FILE.db QUERY [--json] [--limit N]"));
      return 2;
    }
  if (limit < 1 || limit > 1000)
    {
      fprintf (stderr, _("kocdesk-cli search: --limit must be between 1 and 1000, not %d\n"), limit);
      return 2;
    }

  query->text = g_strdup (argv[2]);
  query->limit = limit;
  results.query = query;

  store = koc_store_open_sync (argv[1], KOC_STORE_OPEN_READ_ONLY, NULL, &error);
  if (store == NULL)
    return koc_cli_fail (_("search failed: %s"), error->message);

  if (!koc_store_run_sync (store, search_func, &results, NULL, NULL, &error))
    {
      g_clear_pointer (&results.people, g_ptr_array_unref);
      g_clear_pointer (&results.accounts, g_ptr_array_unref);
      return koc_cli_fail (_("search failed: %s"), error->message);
    }

  if (json)
    print_json (&results, argv[2]);
  else
    print_text (&results);

  g_ptr_array_unref (results.people);
  g_ptr_array_unref (results.accounts);
  g_ptr_array_unref (results.posts);
  return 0;
}
