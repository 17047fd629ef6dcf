/* koc-metainfo.c: a small GMarkup reader for the AppStream metainfo.
 *
 * libadwaita 1.2 has no adw_about_window_new_from_appdata() (1.4), so the About window is
 * filled from the same metainfo file the software centres read, through this parser.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-metainfo"

#include "config.h"

#include <string.h>

#include "koc-metainfo.h"

typedef struct
{
  KocMetainfo        *info;
  const char * const *languages;
  GString            *text;          /* text of the element being read */
  GString            *notes;         /* markup of the first release's description */
  guint               name_rank;     /* language rank of the value kept so far (lower wins) */
  guint               summary_rank;
  guint               note_rank;     /* rank of the language used for notes, G_MAXUINT = none */
  guint               item_rank;     /* rank of the <p>/<li> being read */
  gboolean            item_has_lang;
  gboolean            in_developer;
  gboolean            in_releases;
  gboolean            in_first_release;
  gboolean            seen_release;
  gboolean            in_release_description;
  gboolean            in_list;
  char               *url_type;
} ParseState;

/* G_MAXUINT for a language the user does not read; 0 for their first choice. */
static guint
language_rank (ParseState *state,
               const char *lang)
{
  if (lang == NULL)
    {
      for (guint i = 0; state->languages[i] != NULL; i++)
        if (strcmp (state->languages[i], "C") == 0)
          return i;
      return G_MAXUINT - 1;
    }

  for (guint i = 0; state->languages[i] != NULL; i++)
    if (strcmp (state->languages[i], lang) == 0)
      return i;

  return G_MAXUINT;
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], wanted) == 0)
      return values[i];
  return NULL;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  const char *lang = find_attribute (names, values, "xml:lang");

  g_string_truncate (state->text, 0);
  state->item_rank = language_rank (state, lang);
  state->item_has_lang = lang != NULL;

  if (strcmp (element, "developer_name") == 0 || strcmp (element, "developer") == 0)
    state->in_developer = TRUE;
  else if (strcmp (element, "releases") == 0)
    state->in_releases = TRUE;
  else if (strcmp (element, "release") == 0 && state->in_releases && !state->seen_release)
    {
      state->in_first_release = TRUE;
      state->seen_release = TRUE;
      state->info->release_version = g_strdup (find_attribute (names, values, "version"));
      state->info->release_date = g_strdup (find_attribute (names, values, "date"));
    }
  else if (strcmp (element, "description") == 0 && state->in_first_release)
    state->in_release_description = TRUE;
  else if (strcmp (element, "url") == 0)
    {
      g_free (state->url_type);
      state->url_type = g_strdup (find_attribute (names, values, "type"));
    }
  else if (state->in_release_description && (strcmp (element, "ul") == 0 || strcmp (element, "ol") == 0))
    state->in_list = TRUE;
}

/* The release notes keep the paragraphs of one language only: the best one seen. */
static void
add_note_item (ParseState *state,
               const char *element)
{
  g_autofree char *escaped = NULL;

  if (state->item_rank == G_MAXUINT)
    return;

  if (state->item_rank < state->note_rank)
    {
      /* A better language: start over. Lists are reopened below. */
      g_string_truncate (state->notes, 0);
      state->note_rank = state->item_rank;
    }
  else if (state->item_rank != state->note_rank)
    return;

  escaped = g_markup_escape_text (state->text->str, -1);
  if (strcmp (element, "li") == 0)
    {
      if (!g_str_has_suffix (state->notes->str, "</li>"))
        g_string_append (state->notes, "<ul>");
      g_string_append_printf (state->notes, "<li>%s</li>", escaped);
    }
  else
    {
      if (g_str_has_suffix (state->notes->str, "</li>"))
        g_string_append (state->notes, "</ul>");
      g_string_append_printf (state->notes, "<p>%s</p>", escaped);
    }
}

static void
set_ranked (char       **field,
            guint       *rank,
            guint        new_rank,
            const char  *value)
{
  if (new_rank == G_MAXUINT || (*field != NULL && new_rank >= *rank))
    return;
  g_free (*field);
  *field = g_strdup (value);
  *rank = new_rank;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;
  KocMetainfo *info = state->info;
  const char *parent = NULL;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  g_autofree char *text = g_strstrip (g_strdup (state->text->str));

  if (stack != NULL && stack->next != NULL)
    parent = stack->next->data;

  if (strcmp (element, "id") == 0 && g_strcmp0 (parent, "component") == 0)
    {
      g_free (info->id);
      info->id = g_strdup (text);
    }
  else if (strcmp (element, "name") == 0 && g_strcmp0 (parent, "component") == 0)
    set_ranked (&info->name, &state->name_rank, state->item_rank, text);
  else if (strcmp (element, "summary") == 0 && g_strcmp0 (parent, "component") == 0)
    set_ranked (&info->summary, &state->summary_rank, state->item_rank, text);
  else if (strcmp (element, "project_license") == 0)
    {
      g_free (info->project_license);
      info->project_license = g_strdup (text);
    }
  else if ((strcmp (element, "developer_name") == 0 || strcmp (element, "name") == 0) && state->in_developer)
    {
      /* Developer names are proper nouns: the untranslated one is kept. */
      if (!state->item_has_lang)
        {
          g_free (info->developer_name);
          info->developer_name = g_strdup (text);
        }
      if (strcmp (element, "developer_name") == 0)
        state->in_developer = FALSE;
    }
  else if (strcmp (element, "developer") == 0)
    state->in_developer = FALSE;
  else if (strcmp (element, "url") == 0)
    {
      if (g_strcmp0 (state->url_type, "homepage") == 0)
        {
          g_free (info->homepage);
          info->homepage = g_strdup (text);
        }
      else if (g_strcmp0 (state->url_type, "bugtracker") == 0)
        {
          g_free (info->bugtracker);
          info->bugtracker = g_strdup (text);
        }
    }
  else if (state->in_release_description && (strcmp (element, "p") == 0 || strcmp (element, "li") == 0))
    add_note_item (state, element);
  else if (strcmp (element, "description") == 0 && state->in_release_description)
    state->in_release_description = FALSE;
  else if (strcmp (element, "release") == 0)
    state->in_first_release = FALSE;
  else if (strcmp (element, "releases") == 0)
    state->in_releases = FALSE;

  g_string_truncate (state->text, 0);
}

static void
text (GMarkupParseContext  *context,
      const char           *str,
      gsize                 len,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  g_string_append_len (state->text, str, len);
}

KocMetainfo *
koc_metainfo_parse (const char          *data,
                    gssize               length,
                    const char * const  *languages,
                    GError             **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(KocMetainfo) info = g_new0 (KocMetainfo, 1);
  g_autoptr(GMarkupParseContext) context = NULL;
  ParseState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);

  state.info = info;
  state.languages = languages != NULL ? languages : g_get_language_names ();
  state.text = g_string_new (NULL);
  state.notes = g_string_new (NULL);
  state.note_rank = G_MAXUINT;

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &state, NULL);
  ok = g_markup_parse_context_parse (context, data, length, error) &&
       g_markup_parse_context_end_parse (context, error);

  if (ok && info->name == NULL)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "metainfo has no <name>");
      ok = FALSE;
    }

  if (g_str_has_suffix (state.notes->str, "</li>"))
    g_string_append (state.notes, "</ul>");
  if (state.notes->len > 0)
    info->release_notes = g_string_free (g_steal_pointer (&state.notes), FALSE);

  g_string_free (state.text, TRUE);
  if (state.notes != NULL)
    g_string_free (state.notes, TRUE);
  g_free (state.url_type);

  return ok ? g_steal_pointer (&info) : NULL;
}

void
koc_metainfo_free (KocMetainfo *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_free (self->developer_name);
  g_free (self->project_license);
  g_free (self->homepage);
  g_free (self->bugtracker);
  g_free (self->release_version);
  g_free (self->release_date);
  g_free (self->release_notes);
  g_free (self);
}
