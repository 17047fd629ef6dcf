/* koc-fts.c: the "koc" FTS5 tokenizer over KocTokenizer, and the MATCH query builder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-fts"

#include "config.h"

#include "koc-fts.h"

#include <string.h>

#include "koc-tokenize.h"

#define MAX_TAG_CHARS 50

/* One per FTS5 table per connection. */
typedef struct
{
  KocTokenizer *tokenizer;
} KocFtsTokenizer;

typedef struct
{
  void  *ctx;
  int  (*x_token) (void       *ctx,
                   int         flags,
                   const char *token,
                   int         n_token,
                   int         start,
                   int         end);
  int    rc;
} TokenizeData;

static int
fts_create (void         *user_data,
            const char  **argv,
            int           argc,
            Fts5Tokenizer **out)
{
  KocFtsTokenizer *self;
  KocTokenizer *tokenizer;

  *out = NULL;
  if (argc > 0)
    return SQLITE_ERROR;

  tokenizer = koc_tokenizer_new (NULL);
  if (tokenizer == NULL)
    return SQLITE_ERROR;

  self = g_new0 (KocFtsTokenizer, 1);
  self->tokenizer = tokenizer;
  *out = (Fts5Tokenizer *) (gpointer) self;
  return SQLITE_OK;
}

static void
fts_delete (Fts5Tokenizer *tokenizer)
{
  KocFtsTokenizer *self = (KocFtsTokenizer *) (gpointer) tokenizer;

  if (self == NULL)
    return;
  koc_tokenizer_free (self->tokenizer);
  g_free (self);
}

static gboolean
fts_token_cb (const KocToken *token,
              gpointer        user_data)
{
  TokenizeData *data = user_data;

  data->rc = data->x_token (data->ctx,
                            token->colocated ? FTS5_TOKEN_COLOCATED : 0,
                            token->text, (int) token->len,
                            (int) token->start, (int) token->end);
  return data->rc == SQLITE_OK;
}

static int
fts_tokenize (Fts5Tokenizer *tokenizer,
              void          *ctx,
              int            flags,
              const char    *text,
              int            n_text,
              int          (*x_token) (void       *ctx,
                                       int         flags,
                                       const char *token,
                                       int         n_token,
                                       int         start,
                                       int         end))
{
  KocFtsTokenizer *self = (KocFtsTokenizer *) (gpointer) tokenizer;
  TokenizeData data = { ctx, x_token, SQLITE_OK };
  KocTokenizeFlags koc_flags;

  if (text == NULL || n_text <= 0)
    return SQLITE_OK;

  /* FTS5_TOKENIZE_AUX (highlight, snippet) must see the document's tokens and positions. */
  koc_flags = (flags & FTS5_TOKENIZE_QUERY) ? KOC_TOKENIZE_QUERY : KOC_TOKENIZE_DOCUMENT;
  koc_tokenizer_run (self->tokenizer, text, n_text, koc_flags, fts_token_cb, &data);
  return data.rc;
}

int
koc_fts_register (sqlite3 *db)
{
  fts5_tokenizer tokenizer = { fts_create, fts_delete, fts_tokenize };
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, SQLITE_MISUSE);

  rc = sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rc;
  if (api == NULL)
    return SQLITE_ERROR;

  return api->xCreateTokenizer (api, KOC_FTS_TOKENIZER, NULL, &tokenizer, NULL);
}

typedef struct
{
  guint        n_tokens;
  KocTokenKind last_kind;
} CountData;

static gboolean
count_token_cb (const KocToken *token,
                gpointer        user_data)
{
  CountData *data = user_data;

  data->n_tokens++;
  data->last_kind = token->kind;
  return TRUE;
}

static void
append_term (GString      *out,
             KocTokenizer *tokenizer,
             const char   *term,
             gsize         len,
             gboolean      prefix)
{
  CountData data = { 0, KOC_TOKEN_WORD };
  gsize i;

  koc_tokenizer_run (tokenizer, term, (gssize) len, KOC_TOKENIZE_QUERY, count_token_cb, &data);
  if (data.n_tokens == 0)
    return;

  if (out->len > 0)
    g_string_append (out, " AND ");
  g_string_append_c (out, '"');
  for (i = 0; i < len; i++)
    {
      if (term[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, term[i]);
    }
  g_string_append_c (out, '"');

  if (prefix || data.last_kind == KOC_TOKEN_HAN_SINGLE)
    g_string_append (out, " *");
}

/* The end of a Weibo topic "#...#" starting at p when it holds white space, else NULL. */
static const char *
spaced_tag_end (const char *p,
                const char *end)
{
  gboolean has_space = FALSE;
  guint n;

  p = g_utf8_next_char (p);
  for (n = 0; p < end && n <= MAX_TAG_CHARS; n++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '#' || c == 0xFF03)
        return has_space && n > 0 ? g_utf8_next_char (p) : NULL;
      if (c == '\n' || c == '\r')
        return NULL;
      has_space = has_space || g_unichar_isspace (c);
    }
  return NULL;
}

char *
koc_fts_build_match (const char *user_query)
{
  g_autoptr(KocTokenizer) tokenizer = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *query = NULL;
  const char *p;
  const char *end;

  if (user_query == NULL)
    return NULL;

  tokenizer = koc_tokenizer_new (NULL);
  if (tokenizer == NULL)
    return NULL;

  query = g_utf8_make_valid (user_query, -1);
  out = g_string_new (NULL);
  p = query;
  end = query + strlen (query);

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *term;
      const char *term_end;
      const char *next;
      gboolean prefix = FALSE;

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      if (c == '"')
        {
          term = p + 1;
          term_end = strchr (term, '"');
          if (term_end == NULL)
            term_end = end;
          next = term_end < end ? term_end + 1 : end;
          if (next < end && *next == '*')
            {
              prefix = TRUE;
              next++;
            }
        }
      else
        {
          term = p;
          term_end = (c == '#' || c == 0xFF03) ? spaced_tag_end (p, end) : NULL;
          if (term_end == NULL)
            {
              term_end = p;
              while (term_end < end && *term_end != '"' &&
                     !g_unichar_isspace (g_utf8_get_char (term_end)))
                term_end = g_utf8_next_char (term_end);
            }
          next = term_end;
          while (term_end > term && term_end[-1] == '*')
            {
              term_end--;
              prefix = TRUE;
            }
        }

      append_term (out, tokenizer, term, (gsize) (term_end - term), prefix);
      p = next;
    }

  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
