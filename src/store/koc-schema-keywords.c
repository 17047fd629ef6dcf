/* koc-schema-keywords.c: schema version 4, part "keywords" — Keywords: lexicon, stopwords
 * and incremental keyword aggregates (src/store/koc-keyword-store.c keeps them).
 *
 *   keyword_lexicon    the user's words, stopwords and aliases (on top of the built-in lists
 *                      of src/core/koc-keywords-lexicon.c)
 *   keyword_days       per brand (0 = every post), per UTC day (published_at / 86400), per
 *                      keyword: the posts that contain it and their engagement
 *                      (likes + comments + shares + saves)
 *   keyword_months     the same per calendar month (UTC; month = year × 12 + month - 1), so
 *                      a year of a brand reads ~12 × its monthly vocabulary instead of
 *                      365 × its daily one
 *   keyword_day_posts  the same without the keyword: every aggregated post per brand and day
 *                      (the denominator of shares and trends)
 *   keyword_totals     per keyword over every post and every day: its document frequency
 *                      for TF-IDF
 *   keyword_pending    posts whose aggregated contribution changed (edited, deleted, their
 *                      brands changed, or inserted below the watermark), with what was
 *                      aggregated for them (old_text NULL: nothing)
 *
 * Posts with an id above the watermark `keywords:watermark` (workspace_meta) are not
 * aggregated yet; the catch-up (koc_keyword_store_refresh()) reads only those and the
 * pending ones. Triggers cannot segment text (ICU runs in C on the store's worker), so
 * they only queue the post with its old state, once: the first capture is what the
 * aggregates hold.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-schema-private.h"

#define WATERMARK "coalesce ((SELECT CAST (value AS INTEGER) FROM workspace_meta" \
                  " WHERE key = 'keywords:watermark'), 0)"
#define QUEUE_OLD(p) \
  "  INSERT OR IGNORE INTO keyword_pending (post_id, old_text, old_day, old_engagement, old_brands)\n" \
  "    SELECT id, text, published_at / 86400, likes + comments + shares + saves,\n" \
  "      (SELECT group_concat (brand_id) FROM post_mentions WHERE post_id = posts.id)\n" \
  "    FROM posts WHERE id = " p ";\n"

static const char sql[] =
  "CREATE TABLE keyword_lexicon (\n"
  "  word TEXT PRIMARY KEY NOT NULL CHECK (word <> ''),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('word', 'stop', 'alias')),\n"
  "  canonical TEXT,\n"
  "  created_at INTEGER NOT NULL DEFAULT (unixepoch ())\n"
  ") STRICT;\n"

  "CREATE TABLE keyword_days (\n"
  "  brand_id INTEGER NOT NULL,\n"
  "  day INTEGER NOT NULL,\n"
  "  keyword TEXT NOT NULL,\n"
  "  posts INTEGER NOT NULL,\n"
  "  engagement INTEGER NOT NULL,\n"
  "  PRIMARY KEY (brand_id, day, keyword)\n"
  ") STRICT, WITHOUT ROWID;\n"

  "CREATE TABLE keyword_months (\n"
  "  brand_id INTEGER NOT NULL,\n"
  "  month INTEGER NOT NULL,\n"
  "  keyword TEXT NOT NULL,\n"
  "  posts INTEGER NOT NULL,\n"
  "  engagement INTEGER NOT NULL,\n"
  "  PRIMARY KEY (brand_id, month, keyword)\n"
  ") STRICT, WITHOUT ROWID;\n"

  "CREATE TABLE keyword_day_posts (\n"
  "  brand_id INTEGER NOT NULL,\n"
  "  day INTEGER NOT NULL,\n"
  "  posts INTEGER NOT NULL,\n"
  "  engagement INTEGER NOT NULL,\n"
  "  PRIMARY KEY (brand_id, day)\n"
  ") STRICT, WITHOUT ROWID;\n"

  "CREATE TABLE keyword_totals (\n"
  "  keyword TEXT PRIMARY KEY NOT NULL,\n"
  "  posts INTEGER NOT NULL\n"
  ") STRICT, WITHOUT ROWID;\n"

  "CREATE TABLE keyword_pending (\n"
  "  post_id INTEGER PRIMARY KEY,\n"
  "  old_text TEXT,\n"
  "  old_day INTEGER,\n"
  "  old_engagement INTEGER,\n"
  "  old_brands TEXT\n"
  ") STRICT;\n"

  "CREATE TRIGGER keyword_posts_ai AFTER INSERT ON posts\n"
  "  WHEN NEW.id <= " WATERMARK "\n"
  "BEGIN\n"
  "  INSERT OR IGNORE INTO keyword_pending (post_id) VALUES (NEW.id);\n"
  "END;\n"
  "CREATE TRIGGER keyword_posts_bu BEFORE UPDATE OF text, published_at, likes, comments, shares,"
  " saves ON posts\n"
  "  WHEN OLD.id <= " WATERMARK " AND (NEW.text IS NOT OLD.text OR"
  " NEW.published_at / 86400 IS NOT OLD.published_at / 86400 OR NEW.likes IS NOT OLD.likes OR"
  " NEW.comments IS NOT OLD.comments OR NEW.shares IS NOT OLD.shares OR NEW.saves IS NOT OLD.saves)\n"
  "BEGIN\n"
  QUEUE_OLD ("OLD.id")
  "END;\n"
  "CREATE TRIGGER keyword_posts_bd BEFORE DELETE ON posts\n"
  "  WHEN OLD.id <= " WATERMARK "\n"
  "BEGIN\n"
  QUEUE_OLD ("OLD.id")
  "END;\n"
  "CREATE TRIGGER keyword_mentions_bi BEFORE INSERT ON post_mentions\n"
  "  WHEN NEW.post_id <= " WATERMARK "\n"
  "BEGIN\n"
  QUEUE_OLD ("NEW.post_id")
  "END;\n"
  "CREATE TRIGGER keyword_mentions_bd BEFORE DELETE ON post_mentions\n"
  "  WHEN OLD.post_id <= " WATERMARK "\n"
  "BEGIN\n"
  QUEUE_OLD ("OLD.post_id")
  "END;\n"
  "CREATE TRIGGER keyword_brands_ad AFTER DELETE ON brands\n"
  "BEGIN\n"
  "  DELETE FROM keyword_days WHERE brand_id = OLD.id;\n"
  "  DELETE FROM keyword_months WHERE brand_id = OLD.id;\n"
  "  DELETE FROM keyword_day_posts WHERE brand_id = OLD.id;\n"
  "END;\n";

static const char * const tables[] = {
  "keyword_lexicon",
  "keyword_days",
  "keyword_months",
  "keyword_day_posts",
  "keyword_totals",
  "keyword_pending",
  NULL
};

const KocSchemaPart koc_schema_part_keywords = {
  .name = "keywords",
  .sql = sql,
  .tables = tables,
};
