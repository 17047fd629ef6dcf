/* koc-schema-discover.c: schema version 4, part "discover" — Discover: KOC score state and saved-search details.
 *
 * score_dirty holds the people whose KOC score inputs changed since it was last
 * computed (koc-score.c empties it); triggers fill it when a post, metric snapshot,
 * brand mention, deliverable link or referral redemption arrives, or an account's
 * followers, rate, last post or person change. One INSERT OR IGNORE per row: cheap for
 * bulk loaders, and after an import or a sync only those people are rescored.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-schema-private.h"

static const char * const discover_tables[] = { "score_dirty", NULL };

#define DIRTY_OF_ACCOUNT(expr) \
  "  INSERT OR IGNORE INTO score_dirty (person_id)\n" \
  "    SELECT person_id FROM accounts WHERE id = " expr " AND person_id IS NOT NULL;\n"
/* "OR IGNORE" is not enough where the trigger can fire from a foreign-key action (a
 * person deleted: accounts.person_id set to NULL, deliverables deleted): SQLite then
 * applies the outer statement's ABORT, so those inserts skip people already listed. */
#define DIRTY_OF_POST(expr) \
  "  INSERT OR IGNORE INTO score_dirty (person_id)\n" \
  "    SELECT a.person_id FROM posts p JOIN accounts a ON a.id = p.account_id\n" \
  "    WHERE p.id = " expr " AND a.person_id IS NOT NULL\n" \
  "      AND a.person_id NOT IN (SELECT person_id FROM score_dirty);\n"

const KocSchemaPart koc_schema_part_discover = {
  .name = "discover",
  .sql =
    "CREATE TABLE score_dirty (\n"
    "  person_id INTEGER PRIMARY KEY\n"
    ") STRICT;\n"
    "CREATE TRIGGER score_dirty_posts_ai AFTER INSERT ON posts\n"
    "BEGIN\n" DIRTY_OF_ACCOUNT ("NEW.account_id") "END;\n"
    "CREATE TRIGGER score_dirty_snapshots_ai AFTER INSERT ON metric_snapshots\n"
    "BEGIN\n" DIRTY_OF_ACCOUNT ("NEW.account_id") "END;\n"
    "CREATE TRIGGER score_dirty_mentions_ai AFTER INSERT ON post_mentions\n"
    "BEGIN\n" DIRTY_OF_POST ("NEW.post_id") "END;\n"
    "CREATE TRIGGER score_dirty_deliverables_ai AFTER INSERT ON card_deliverables\n"
    "BEGIN\n" DIRTY_OF_POST ("NEW.post_id") "END;\n"
    "CREATE TRIGGER score_dirty_deliverables_ad AFTER DELETE ON card_deliverables\n"
    "BEGIN\n" DIRTY_OF_POST ("OLD.post_id") "END;\n"
    "CREATE TRIGGER score_dirty_redemptions_ai AFTER INSERT ON redemptions\n"
    "BEGIN\n"
    "  INSERT OR IGNORE INTO score_dirty (person_id)\n"
    "    SELECT person_id FROM referral_codes WHERE id = NEW.code_id;\n"
    "END;\n"
    "CREATE TRIGGER score_dirty_accounts_ai AFTER INSERT ON accounts\n"
    "  WHEN NEW.person_id IS NOT NULL\n"
    "BEGIN\n"
    "  INSERT OR IGNORE INTO score_dirty (person_id) VALUES (NEW.person_id);\n"
    "END;\n"
    /* Sentiment toward each brand per account, for the Discover filter: the sum and
     * count of posts.sentiment over the account's posts that mention the brand. The
     * upsert inserts with mentions = 0 so that it is right whichever of this trigger and
     * post_mentions_ai runs first. */
    "ALTER TABLE account_brands ADD COLUMN sentiment_sum REAL NOT NULL DEFAULT 0;\n"
    "ALTER TABLE account_brands ADD COLUMN sentiment_n INTEGER NOT NULL DEFAULT 0;\n"
    "UPDATE account_brands SET\n"
    "  sentiment_sum = coalesce ((SELECT sum (p.sentiment) FROM post_mentions m JOIN posts p"
    " ON p.id = m.post_id WHERE m.brand_id = account_brands.brand_id"
    " AND p.account_id = account_brands.account_id), 0),\n"
    "  sentiment_n = (SELECT count (p.sentiment) FROM post_mentions m JOIN posts p"
    " ON p.id = m.post_id WHERE m.brand_id = account_brands.brand_id"
    " AND p.account_id = account_brands.account_id);\n"
    "CREATE TRIGGER account_brands_sentiment_ai AFTER INSERT ON post_mentions\n"
    "BEGIN\n"
    "  INSERT INTO account_brands (account_id, brand_id, mentions, sentiment_sum, sentiment_n)\n"
    "    SELECT account_id, NEW.brand_id, 0, coalesce (sentiment, 0), sentiment IS NOT NULL\n"
    "    FROM posts WHERE id = NEW.post_id\n"
    "    ON CONFLICT (account_id, brand_id) DO UPDATE SET\n"
    "      sentiment_sum = sentiment_sum + excluded.sentiment_sum,\n"
    "      sentiment_n = sentiment_n + excluded.sentiment_n;\n"
    "END;\n"
    "CREATE TRIGGER account_brands_sentiment_ad AFTER DELETE ON post_mentions\n"
    "BEGIN\n"
    "  UPDATE account_brands SET\n"
    "    sentiment_sum = sentiment_sum - coalesce ((SELECT sentiment FROM posts WHERE id = OLD.post_id), 0),\n"
    "    sentiment_n = sentiment_n - coalesce ((SELECT sentiment IS NOT NULL FROM posts WHERE id = OLD.post_id), 0)\n"
    "    WHERE brand_id = OLD.brand_id\n"
    "      AND account_id = (SELECT account_id FROM posts WHERE id = OLD.post_id);\n"
    "END;\n"
    "CREATE TRIGGER account_brands_sentiment_au AFTER UPDATE OF sentiment ON posts\n"
    "  WHEN OLD.sentiment IS NOT NEW.sentiment\n"
    "BEGIN\n"
    "  UPDATE account_brands SET\n"
    "    sentiment_sum = sentiment_sum - coalesce (OLD.sentiment, 0) + coalesce (NEW.sentiment, 0),\n"
    "    sentiment_n = sentiment_n - (OLD.sentiment IS NOT NULL) + (NEW.sentiment IS NOT NULL)\n"
    "    WHERE account_id = NEW.account_id\n"
    "      AND brand_id IN (SELECT brand_id FROM post_mentions WHERE post_id = NEW.id);\n"
    "END;\n"
    /* Engagement variants, derived from the last 90 days of posts by koc-score.c:
     * by views (video platforms) and Xiaohongshu's 赞藏评 per note. */
    "ALTER TABLE accounts ADD COLUMN engagement_by_views REAL;\n"
    "ALTER TABLE accounts ADD COLUMN interactions_per_post REAL;\n"
    "CREATE INDEX accounts_engagement_views ON accounts (engagement_by_views);\n"
    "CREATE INDEX accounts_interactions ON accounts (interactions_per_post);\n"
    /* A post deleted with its mentions (ON DELETE CASCADE) is gone before the mentions'
     * AFTER DELETE triggers look up its account, so the per-account counts and sums were
     * never taken back: delete the mentions first, while the post is still there. */
    "CREATE TRIGGER posts_mentions_bd BEFORE DELETE ON posts\n"
    "BEGIN\n"
    "  DELETE FROM post_mentions WHERE post_id = OLD.id;\n"
    "END;\n"
    "CREATE TRIGGER score_dirty_accounts_au AFTER UPDATE OF followers, engagement_rate,"
    " last_post_at, person_id ON accounts\n"
    "BEGIN\n"
    "  INSERT OR IGNORE INTO score_dirty (person_id)\n"
    "    SELECT id FROM (SELECT NEW.person_id AS id UNION SELECT OLD.person_id)\n"
    "    WHERE id IS NOT NULL AND id NOT IN (SELECT person_id FROM score_dirty);\n"
    "END;\n",
  .tables = discover_tables,
};
