/* koc-keyword-store-phrases.c: the phrase step for the incremental aggregates.
 *
 * The phrase step (koc-keywords-count.c) needs the whole set of posts: a pair of adjacent
 * pieces becomes one keyword when it is frequent and much more frequent than chance. The
 * aggregates are kept one post at a time, so the step cannot run per post. Instead the
 * phrases are learned once, at the start of every full computation (watermark 0: a new
 * workspace, a lexicon edit), from up to LEARN_POSTS posts spread evenly over the
 * workspace, and kept in workspace_meta `keywords:phrases` (one per line).
 * koc_keyword_store_extractor_new() loads them as lexicon words (before the brand names
 * and the user's entries, which win), so every post — the first catch-up, later ones,
 * and the rescan the aggregates are checked against — merges the same pieces.
 *
 * Differences from the counter's own step, on purpose: a learned phrase is matched
 * wherever its characters follow each other (as any lexicon word), not only where ICU
 * happened to split it in two; phrases with a space (Latin pairs like "new york") are
 * not kept, because a Latin lexicon word is matched at word boundaries of one word; and
 * a phrase that becomes frequent only later appears at the next full computation.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-keywords"

#include "config.h"

#include <string.h>

#include "koc-db.h"
#include "koc-keyword-store.h"

#define PHRASES_KEY "keywords:phrases"
#define LEARN_POSTS 20000

GPtrArray *
koc_keyword_store_list_phrases (sqlite3  *db,
                                GError  **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT value FROM workspace_meta WHERE key = '" PHRASES_KEY "'", &stmt, error))
    {
      g_ptr_array_unref (out);
      return NULL;
    }
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    {
      g_auto(GStrv) lines = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          g_ptr_array_add (out, g_strdup (lines[i]));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_ptr_array_unref (out);
      koc_db_set_error (db, rc, "keyword phrases", error);
      return NULL;
    }
  return out;
}

static gboolean
save_phrases (sqlite3    *db,
              GPtrArray  *phrases,
              GError    **error)
{
  g_autoptr(GString) value = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; phrases != NULL && i < phrases->len; i++)
    {
      const char *phrase = g_ptr_array_index (phrases, i);

      if (strchr (phrase, ' ') != NULL || strchr (phrase, '\n') != NULL)
        continue;
      if (value->len > 0)
        g_string_append_c (value, '\n');
      g_string_append (value, phrase);
    }
  if (!koc_db_prepare (db, "INSERT INTO workspace_meta (key, value) VALUES ('" PHRASES_KEY "', ?1)"
                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, value->str, (int) value->len, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || koc_db_set_error (db, rc, "keyword phrases", error);
}

gboolean
koc_keyword_store_learn_phrases (sqlite3       *db,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(KocKeywordExtractor) extractor = NULL;
  g_autoptr(KocKeywordCounter) counter = NULL;
  g_autoptr(GPtrArray) phrases = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n_posts = 0, step;
  int rc;

  /* Learned without the previous phrases: from the lexicon, the brands and the posts. */
  if (!save_phrases (db, NULL, error) ||
      (extractor = koc_keyword_store_extractor_new (db, error)) == NULL ||
      !koc_db_query_int64 (db, "SELECT count(*) FROM posts", 0, &n_posts, error))
    return FALSE;
  step = MAX (1, (n_posts + LEARN_POSTS - 1) / LEARN_POSTS);
  counter = koc_keyword_counter_new (extractor, NULL);
  /* Every step-th post in id order: spread over the workspace's whole history. */
  if (!koc_db_prepare (db, "SELECT text FROM (SELECT text, row_number () OVER (ORDER BY id) AS n FROM posts)"
                       " WHERE n % ?1 = 0", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      koc_keyword_counter_add (counter, (const char *) sqlite3_column_text (stmt, 0), -1, 0);
      if (g_cancellable_is_cancelled (cancellable))
        break;
    }
  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return koc_db_set_error (db, rc, "keyword phrases", error);
  phrases = koc_keyword_counter_find_phrases (counter);
  g_debug ("%u phrases learned from %u posts", phrases->len, koc_keyword_counter_get_n_posts (counter));
  return save_phrases (db, phrases, error);
}

gboolean
_koc_keyword_store_add_phrases (sqlite3              *db,
                                KocKeywordExtractor  *extractor,
                                GError              **error)
{
  g_autoptr(GPtrArray) phrases = koc_keyword_store_list_phrases (db, error);

  if (phrases == NULL)
    return FALSE;
  for (guint i = 0; i < phrases->len; i++)
    koc_keyword_extractor_add_entry (extractor, g_ptr_array_index (phrases, i), KOC_LEXICON_WORD, NULL);
  return TRUE;
}
