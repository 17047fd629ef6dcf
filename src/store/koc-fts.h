/* koc-fts.h: the "koc" FTS5 tokenizer and safe MATCH expressions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * koc_fts_register() adds the tokenizer "koc" (src/core/koc-tokenize.h: Han bigrams, ICU
 * words, NFKC case folding, #tags#, @mentions, [emoticons] kept whole) to one connection:
 *
 *   CREATE VIRTUAL TABLE post_fts USING fts5(text, tokenize = 'koc');
 *
 * It takes no arguments.  Each FTS5 table on each connection gets its own tokenizer instance
 * (its own ICU break iterator), so nothing mutable is shared between connections.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define KOC_FTS_TOKENIZER "koc"

/* Registers the tokenizer on db; returns an SQLite result code. */
int   koc_fts_register    (sqlite3    *db);

/* Turns any user input into a MATCH expression that cannot be an FTS5 syntax error, or NULL
 * when the input holds nothing searchable (empty, spaces, punctuation only).  Free with g_free.
 *
 * - Terms are separated by white space and ANDed; each is quoted as an FTS5 phrase ("..." with
 *   inner quotes doubled), so AND/OR/NOT/NEAR, parentheses, *, :, ^ and - are plain text.  A
 *   Chinese run becomes a phrase of its bigrams (面膜好用 -> "面膜好用" = 面膜 膜好 好用).
 * - "several words" in double quotes are one phrase; an unbalanced quote runs to the end.
 * - A Weibo topic with spaces (#Sweet Morning#) stays one term.
 * - A trailing * on a term makes it a prefix query: sepho* -> "sepho" *.
 * - A term ending in a lone Han character becomes a prefix query automatically
 *   (膜 -> "膜" *), which finds every occurrence of that character (see koc-tokenize.h).
 * - Terms that give no token (punctuation only) are dropped. */
char *koc_fts_build_match (const char *user_query);

G_END_DECLS
