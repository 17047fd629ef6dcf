/* koc-schema.c: the workspace schema (one SQLite file per workspace) and migrations.
 *
 * Conventions: every table is STRICT; every synced entity has an integer rowid `id`
 * (fast joins) AND a text `uid` (stable across devices; defaults to 32 random hex
 * digits); times are INTEGER Unix seconds (UTC); money is INTEGER cents in the
 * workspace currency; enums are TEXT with a CHECK; JSON columns are checked by
 * json_valid(). Foreign keys are enforced (PRAGMA foreign_keys=ON on every connection).
 *
 * Tables (version 1):
 *   workspace_meta    key/value: name, created_at, currency, demo_seed, …
 *   media             sha256 (PK) → mime, bytes, data BLOB (avatars, post images)
 *   brands            own brand (is_own=1) and competitors (is_own=0)
 *   brand_aliases     names of a brand in any script (完美日记, Perfect Diary, PD)
 *   people            the human: stage, owner, region, category, contact facts,
 *                     consent, orders/spend, koc_score + score_breakdown (JSON)
 *   accounts          one platform presence (UNIQUE(platform, handle)); tier is a
 *                     generated column from followers (do not insert it);
 *                     mention_count is kept by triggers on post_mentions
 *   metric_snapshots  account metrics over time; history: UPDATE raises an error
 *   posts             account, text, kind, url, published_at, metrics. Bulk loaders
 *                     insert posts in published_at order so that rowid order is
 *                     (roughly) time order: search pages newest-first by rowid DESC
 *   post_mentions     (post_id, brand_id) + published_at copy for brand/time queries
 *   account_brands    per (account, brand) mention count, kept by triggers
 *   post_hashtags     (post_id, tag) with the tag folded and without '#'
 *   tags, person_tags labels on people
 *   notes             free text notes on a person
 *   interactions      contact log: channel wechat/dm/email/event/phone/other
 *   stage_history     every stage change of a person (kept by triggers)
 *   campaigns         brand, goal, dates, budget, status, incentive kinds (JSON array)
 *   campaign_stages   the ordered board columns of a campaign
 *   cards             a person in a campaign: stage column, position, owner, due date
 *   incentives        what a card gets: kind, sku, value, due, status, and private
 *                     shipping details (JSON; never exported or synced to others)
 *   card_deliverables posts linked to a card
 *   referral_codes    UNIQUE code per person per campaign
 *   redemptions       orders that used a code, with revenue
 *   rewards           ledger of what was given (points, gift, sample, …)
 *   sync_state        key/value: changes cursor, last sync time
 *   outbox            local edits waiting to be sent: client_id UNIQUE (idempotent
 *                     replay), entity, op, JSON payload, attempts, state
 *   sync_conflicts    a field both sides changed: both values and the resolution
 *   posts_fts, accounts_fts, people_fts
 *                     external-content FTS5 (tokenize='koc') kept in sync by triggers
 * Version 2 adds:
 *   saved_searches    a named Discover query (JSON)
 *   post_media        images/videos of a post (post_id, position) → media sha256
 * Version 3 adds:
 *   sync_revs         (kind, uid) → the server's rev of each synced entity, as last
 *                     pulled or pushed: the base_rev of the next local edit (src/sync)
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-schema"

#include "config.h"

#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-schema.h"
#include "koc-schema-private.h"
#include "koc-store.h"

#define UID_COLUMN "uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),\n"
#define NOW "(unixepoch())"

static const char schema_v1[] =
  /* 0x4B4F4344 = "KOCD": tells our files from other SQLite files (koc-db.c). */
  "PRAGMA application_id = 1263485764;\n"
  "CREATE TABLE workspace_meta (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ") STRICT;\n"

  "CREATE TABLE media (\n"
  "  sha256 TEXT PRIMARY KEY NOT NULL CHECK (length (sha256) = 64),\n"
  "  mime TEXT NOT NULL,\n"
  "  bytes INTEGER NOT NULL CHECK (bytes >= 0),\n"
  "  data BLOB,\n"
  "  fetched_at INTEGER NOT NULL DEFAULT " NOW "\n"
  ") STRICT;\n"

  "CREATE TABLE brands (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  is_own INTEGER NOT NULL DEFAULT 0 CHECK (is_own IN (0, 1)),\n"
  "  color TEXT,\n"
  "  created_at INTEGER NOT NULL DEFAULT " NOW "\n"
  ") STRICT;\n"

  "CREATE TABLE brand_aliases (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,\n"
  "  alias TEXT NOT NULL CHECK (alias <> ''),\n"
  "  UNIQUE (brand_id, alias)\n"
  ") STRICT;\n"
  "CREATE INDEX brand_aliases_alias ON brand_aliases (alias);\n"

  "CREATE TABLE people (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  display_name TEXT NOT NULL,\n"
  "  stage TEXT NOT NULL DEFAULT 'discovered' CHECK (stage IN ('discovered', 'engaged',"
  " 'advocate', 'ambassador', 'dormant', 'detractor')),\n"
  "  owner TEXT,\n"
  "  region TEXT,\n"
  "  category TEXT,\n"
  "  bio TEXT,\n"
  "  email TEXT,\n"
  "  phone TEXT,\n"
  "  wechat TEXT,\n"
  "  consent TEXT NOT NULL DEFAULT 'unknown' CHECK (consent IN ('unknown', 'granted',"
  " 'denied', 'withdrawn')),\n"
  "  consent_at INTEGER,\n"
  "  orders INTEGER NOT NULL DEFAULT 0 CHECK (orders >= 0),\n"
  "  spend_cents INTEGER NOT NULL DEFAULT 0,\n"
  "  koc_score REAL CHECK (koc_score IS NULL OR koc_score BETWEEN 0 AND 100),\n"
  "  score_breakdown TEXT CHECK (score_breakdown IS NULL OR json_valid (score_breakdown)),\n"
  "  scored_at INTEGER,\n"
  "  created_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  updated_at INTEGER NOT NULL DEFAULT " NOW "\n"
  ") STRICT;\n"
  "CREATE INDEX people_stage ON people (stage);\n"
  "CREATE INDEX people_owner ON people (owner);\n"
  "CREATE INDEX people_score ON people (koc_score);\n"

  "CREATE TABLE accounts (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,\n"
  "  platform TEXT NOT NULL CHECK (platform IN ('xiaohongshu', 'douyin', 'weibo',"
  " 'bilibili', 'wechat', 'tmall', 'instagram', 'tiktok', 'youtube', 'other')),\n"
  "  handle TEXT NOT NULL CHECK (handle <> ''),\n"
  "  display_name TEXT,\n"
  "  avatar_sha256 TEXT REFERENCES media (sha256) ON DELETE SET NULL,\n"
  "  bio TEXT,\n"
  "  region TEXT,\n"
  "  category TEXT,\n"
  "  url TEXT,\n"
  "  followers INTEGER NOT NULL DEFAULT 0 CHECK (followers >= 0),\n"
  "  tier TEXT GENERATED ALWAYS AS (CASE WHEN followers < 10000 THEN 'nano'"
  " WHEN followers < 100000 THEN 'micro' WHEN followers < 500000 THEN 'mid'"
  " WHEN followers < 1000000 THEN 'macro' ELSE 'mega' END) VIRTUAL,\n"
  "  engagement_rate REAL CHECK (engagement_rate IS NULL OR engagement_rate >= 0),\n"
  "  posts_count INTEGER NOT NULL DEFAULT 0,\n"
  "  mention_count INTEGER NOT NULL DEFAULT 0,\n"
  "  last_post_at INTEGER,\n"
  "  created_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  updated_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  UNIQUE (platform, handle)\n"
  ") STRICT;\n"
  "CREATE INDEX accounts_person ON accounts (person_id);\n"
  "CREATE INDEX accounts_followers ON accounts (followers);\n"
  "CREATE INDEX accounts_engagement ON accounts (engagement_rate);\n"
  "CREATE INDEX accounts_tier ON accounts (tier, followers);\n"
  "CREATE INDEX accounts_platform ON accounts (platform, followers);\n"
  "CREATE INDEX accounts_region ON accounts (region);\n"
  "CREATE INDEX accounts_category ON accounts (category);\n"
  "CREATE INDEX accounts_last_post ON accounts (last_post_at);\n"

  "CREATE TABLE metric_snapshots (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  taken_at INTEGER NOT NULL,\n"
  "  followers INTEGER NOT NULL CHECK (followers >= 0),\n"
  "  posts_count INTEGER,\n"
  "  engagement_rate REAL,\n"
  "  avg_likes REAL,\n"
  "  avg_views REAL,\n"
  "  UNIQUE (account_id, taken_at)\n"
  ") STRICT;\n"
  "CREATE TRIGGER metric_snapshots_no_update BEFORE UPDATE ON metric_snapshots\n"
  "BEGIN\n"
  "  SELECT RAISE (ABORT, 'metric snapshots are history and are never changed; insert a"
  " new snapshot instead');\n"
  "END;\n"

  "CREATE TABLE posts (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  platform_post_id TEXT,\n"
  "  url TEXT,\n"
  "  kind TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'video', 'image',"
  " 'article', 'live', 'review', 'story', 'other')),\n"
  "  text TEXT NOT NULL DEFAULT '',\n"
  "  published_at INTEGER NOT NULL,\n"
  "  likes INTEGER NOT NULL DEFAULT 0 CHECK (likes >= 0),\n"
  "  comments INTEGER NOT NULL DEFAULT 0 CHECK (comments >= 0),\n"
  "  shares INTEGER NOT NULL DEFAULT 0 CHECK (shares >= 0),\n"
  "  saves INTEGER NOT NULL DEFAULT 0 CHECK (saves >= 0),\n"
  "  views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),\n"
  "  sentiment REAL CHECK (sentiment IS NULL OR sentiment BETWEEN -1 AND 1),\n"
  "  created_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  UNIQUE (account_id, platform_post_id)\n"
  ") STRICT;\n"
  "CREATE INDEX posts_account_time ON posts (account_id, published_at);\n"
  "CREATE INDEX posts_time ON posts (published_at);\n"

  "CREATE TABLE post_mentions (\n"
  "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,\n"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,\n"
  "  published_at INTEGER NOT NULL,\n"
  "  PRIMARY KEY (post_id, brand_id)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX post_mentions_brand_time ON post_mentions (brand_id, published_at);\n"

  "CREATE TABLE account_brands (\n"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,\n"
  "  mentions INTEGER NOT NULL DEFAULT 0,\n"
  "  last_mention_at INTEGER,\n"
  "  PRIMARY KEY (account_id, brand_id)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX account_brands_brand ON account_brands (brand_id, mentions);\n"
  "CREATE TRIGGER post_mentions_ai AFTER INSERT ON post_mentions\n"
  "BEGIN\n"
  "  INSERT INTO account_brands (account_id, brand_id, mentions, last_mention_at)\n"
  "    SELECT account_id, NEW.brand_id, 1, NEW.published_at FROM posts WHERE id = NEW.post_id\n"
  "    ON CONFLICT (account_id, brand_id) DO UPDATE SET mentions = mentions + 1,\n"
  "      last_mention_at = max (coalesce (last_mention_at, 0), excluded.last_mention_at);\n"
  "  UPDATE accounts SET mention_count = mention_count + 1\n"
  "    WHERE id = (SELECT account_id FROM posts WHERE id = NEW.post_id);\n"
  "END;\n"
  "CREATE TRIGGER post_mentions_ad AFTER DELETE ON post_mentions\n"
  "BEGIN\n"
  "  UPDATE account_brands SET mentions = mentions - 1\n"
  "    WHERE brand_id = OLD.brand_id\n"
  "      AND account_id = (SELECT account_id FROM posts WHERE id = OLD.post_id);\n"
  "  UPDATE accounts SET mention_count = mention_count - 1\n"
  "    WHERE id = (SELECT account_id FROM posts WHERE id = OLD.post_id);\n"
  "END;\n"

  "CREATE TABLE post_hashtags (\n"
  "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,\n"
  "  tag TEXT NOT NULL CHECK (tag <> ''),\n"
  "  PRIMARY KEY (post_id, tag)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX post_hashtags_tag ON post_hashtags (tag);\n"

  "CREATE TABLE tags (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),\n"
  "  color TEXT\n"
  ") STRICT;\n"
  "CREATE TABLE person_tags (\n"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (person_id, tag_id)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX person_tags_tag ON person_tags (tag_id);\n"

  "CREATE TABLE notes (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  body TEXT NOT NULL,\n"
  "  author TEXT,\n"
  "  created_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  updated_at INTEGER NOT NULL DEFAULT " NOW "\n"
  ") STRICT;\n"
  "CREATE INDEX notes_person ON notes (person_id, created_at);\n"

  "CREATE TABLE campaigns (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  brand_id INTEGER REFERENCES brands (id) ON DELETE SET NULL,\n"
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  goal TEXT,\n"
  "  starts_at INTEGER,\n"
  "  ends_at INTEGER,\n"
  "  budget_cents INTEGER,\n"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'done',"
  " 'archived')),\n"
  "  incentive_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (incentive_kinds)),\n"
  "  created_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at)\n"
  ") STRICT;\n"

  "CREATE TABLE interactions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,\n"
  "  channel TEXT NOT NULL CHECK (channel IN ('wechat', 'dm', 'email', 'event', 'phone',"
  " 'other')),\n"
  "  happened_at INTEGER NOT NULL,\n"
  "  summary TEXT NOT NULL,\n"
  "  author TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX interactions_person ON interactions (person_id, happened_at);\n"

  "CREATE TABLE stage_history (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  from_stage TEXT,\n"
  "  to_stage TEXT NOT NULL,\n"
  "  changed_at INTEGER NOT NULL DEFAULT " NOW "\n"
  ") STRICT;\n"
  "CREATE INDEX stage_history_person ON stage_history (person_id, changed_at);\n"
  "CREATE TRIGGER people_stage_ai AFTER INSERT ON people\n"
  "BEGIN\n"
  "  INSERT INTO stage_history (person_id, from_stage, to_stage, changed_at)\n"
  "    VALUES (NEW.id, NULL, NEW.stage, NEW.created_at);\n"
  "END;\n"
  "CREATE TRIGGER people_stage_au AFTER UPDATE OF stage ON people\n"
  "  WHEN OLD.stage IS NOT NEW.stage\n"
  "BEGIN\n"
  "  INSERT INTO stage_history (person_id, from_stage, to_stage)\n"
  "    VALUES (NEW.id, OLD.stage, NEW.stage);\n"
  "END;\n"

  "CREATE TABLE campaign_stages (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,\n"
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  position INTEGER NOT NULL\n"
  ") STRICT;\n"
  "CREATE INDEX campaign_stages_order ON campaign_stages (campaign_id, position);\n"

  "CREATE TABLE cards (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,\n"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  stage_id INTEGER NOT NULL REFERENCES campaign_stages (id) ON DELETE RESTRICT,\n"
  "  position REAL NOT NULL DEFAULT 0,\n"
  "  owner TEXT,\n"
  "  due_at INTEGER,\n"
  "  created_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  updated_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  UNIQUE (campaign_id, person_id)\n"
  ") STRICT;\n"
  "CREATE INDEX cards_board ON cards (campaign_id, stage_id, position);\n"
  "CREATE INDEX cards_person ON cards (person_id);\n"

  "CREATE TABLE incentives (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  card_id INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('seeding', 'early_access', 'referral_code',"
  " 'event_invite', 'content_feature', 'ambassador', 'lucky_draw', 'other')),\n"
  "  sku TEXT,\n"
  "  value_cents INTEGER NOT NULL DEFAULT 0,\n"
  "  due_at INTEGER,\n"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'sent',"
  " 'delivered', 'returned', 'cancelled')),\n"
  "  shipping_private TEXT CHECK (shipping_private IS NULL OR json_valid"
  " (shipping_private))\n"
  ") STRICT;\n"
  "CREATE INDEX incentives_card ON incentives (card_id);\n"

  "CREATE TABLE card_deliverables (\n"
  "  card_id INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,\n"
  "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,\n"
  "  linked_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  PRIMARY KEY (card_id, post_id)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX card_deliverables_post ON card_deliverables (post_id);\n"

  "CREATE TABLE referral_codes (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  code TEXT NOT NULL UNIQUE CHECK (code <> ''),\n"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  campaign_id INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,\n"
  "  created_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  UNIQUE (person_id, campaign_id)\n"
  ") STRICT;\n"
  "CREATE INDEX referral_codes_campaign ON referral_codes (campaign_id);\n"

  "CREATE TABLE redemptions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  code_id INTEGER NOT NULL REFERENCES referral_codes (id) ON DELETE CASCADE,\n"
  "  redeemed_at INTEGER NOT NULL,\n"
  "  order_ref TEXT,\n"
  "  revenue_cents INTEGER NOT NULL DEFAULT 0,\n"
  "  UNIQUE (code_id, order_ref)\n"
  ") STRICT;\n"
  "CREATE INDEX redemptions_code_time ON redemptions (code_id, redeemed_at);\n"

  "CREATE TABLE rewards (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('points', 'gift', 'sample', 'discount', 'invite',"
  " 'feature')),\n"
  "  points INTEGER NOT NULL DEFAULT 0,\n"
  "  value_cents INTEGER NOT NULL DEFAULT 0,\n"
  "  note TEXT,\n"
  "  given_at INTEGER NOT NULL DEFAULT " NOW "\n"
  ") STRICT;\n"
  "CREATE INDEX rewards_person ON rewards (person_id, given_at);\n"

  "CREATE TABLE sync_state (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE outbox (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  client_id TEXT NOT NULL UNIQUE,\n"
  "  entity TEXT NOT NULL,\n"
  "  entity_uid TEXT NOT NULL,\n"
  "  op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),\n"
  "  payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (payload)),\n"
  "  created_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  attempts INTEGER NOT NULL DEFAULT 0,\n"
  "  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'done',"
  " 'failed')),\n"
  "  last_error TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX outbox_state ON outbox (state, id);\n"
  "CREATE TABLE sync_conflicts (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  entity TEXT NOT NULL,\n"
  "  entity_uid TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  local_value TEXT,\n"
  "  remote_value TEXT,\n"
  "  resolution TEXT NOT NULL DEFAULT 'unresolved' CHECK (resolution IN ('unresolved',"
  " 'kept_local', 'took_remote')),\n"
  "  detected_at INTEGER NOT NULL DEFAULT " NOW "\n"
  ") STRICT;\n"

  /* Full text. External content: the text lives once, in the base tables. */
  "CREATE VIRTUAL TABLE posts_fts USING fts5 (text, content='posts',"
  " content_rowid='id', tokenize='koc');\n"
  "CREATE TRIGGER posts_fts_ai AFTER INSERT ON posts\n"
  "BEGIN\n"
  "  INSERT INTO posts_fts (rowid, text) VALUES (NEW.id, NEW.text);\n"
  "END;\n"
  "CREATE TRIGGER posts_fts_ad AFTER DELETE ON posts\n"
  "BEGIN\n"
  "  INSERT INTO posts_fts (posts_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);\n"
  "END;\n"
  "CREATE TRIGGER posts_fts_au AFTER UPDATE OF text ON posts\n"
  "BEGIN\n"
  "  INSERT INTO posts_fts (posts_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);\n"
  "  INSERT INTO posts_fts (rowid, text) VALUES (NEW.id, NEW.text);\n"
  "END;\n"

  "CREATE VIRTUAL TABLE accounts_fts USING fts5 (handle, display_name, bio,"
  " content='accounts', content_rowid='id', tokenize='koc');\n"
  "CREATE TRIGGER accounts_fts_ai AFTER INSERT ON accounts\n"
  "BEGIN\n"
  "  INSERT INTO accounts_fts (rowid, handle, display_name, bio)\n"
  "    VALUES (NEW.id, NEW.handle, NEW.display_name, NEW.bio);\n"
  "END;\n"
  "CREATE TRIGGER accounts_fts_ad AFTER DELETE ON accounts\n"
  "BEGIN\n"
  "  INSERT INTO accounts_fts (accounts_fts, rowid, handle, display_name, bio)\n"
  "    VALUES ('delete', OLD.id, OLD.handle, OLD.display_name, OLD.bio);\n"
  "END;\n"
  "CREATE TRIGGER accounts_fts_au AFTER UPDATE OF handle, display_name, bio ON accounts\n"
  "BEGIN\n"
  "  INSERT INTO accounts_fts (accounts_fts, rowid, handle, display_name, bio)\n"
  "    VALUES ('delete', OLD.id, OLD.handle, OLD.display_name, OLD.bio);\n"
  "  INSERT INTO accounts_fts (rowid, handle, display_name, bio)\n"
  "    VALUES (NEW.id, NEW.handle, NEW.display_name, NEW.bio);\n"
  "END;\n"

  "CREATE VIRTUAL TABLE people_fts USING fts5 (display_name, bio, region, category,"
  " content='people', content_rowid='id', tokenize='koc');\n"
  "CREATE TRIGGER people_fts_ai AFTER INSERT ON people\n"
  "BEGIN\n"
  "  INSERT INTO people_fts (rowid, display_name, bio, region, category)\n"
  "    VALUES (NEW.id, NEW.display_name, NEW.bio, NEW.region, NEW.category);\n"
  "END;\n"
  "CREATE TRIGGER people_fts_ad AFTER DELETE ON people\n"
  "BEGIN\n"
  "  INSERT INTO people_fts (people_fts, rowid, display_name, bio, region, category)\n"
  "    VALUES ('delete', OLD.id, OLD.display_name, OLD.bio, OLD.region, OLD.category);\n"
  "END;\n"
  "CREATE TRIGGER people_fts_au AFTER UPDATE OF display_name, bio, region, category"
  " ON people\n"
  "BEGIN\n"
  "  INSERT INTO people_fts (people_fts, rowid, display_name, bio, region, category)\n"
  "    VALUES ('delete', OLD.id, OLD.display_name, OLD.bio, OLD.region, OLD.category);\n"
  "  INSERT INTO people_fts (rowid, display_name, bio, region, category)\n"
  "    VALUES (NEW.id, NEW.display_name, NEW.bio, NEW.region, NEW.category);\n"
  "END;\n"

  "INSERT INTO workspace_meta (key, value) VALUES ('created_at', CAST (unixepoch () AS TEXT));\n";

static const char schema_v2[] =
  "CREATE TABLE saved_searches (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  " UID_COLUMN
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),\n"
  "  query TEXT NOT NULL CHECK (json_valid (query)),\n"
  "  created_at INTEGER NOT NULL DEFAULT " NOW ",\n"
  "  last_used_at INTEGER\n"
  ") STRICT;\n"
  "CREATE TABLE post_media (\n"
  "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  sha256 TEXT NOT NULL REFERENCES media (sha256) ON DELETE RESTRICT,\n"
  "  PRIMARY KEY (post_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX post_media_sha256 ON post_media (sha256);\n";

static const char schema_v3[] =
  "CREATE TABLE sync_revs (\n"
  "  kind TEXT NOT NULL,\n"
  "  uid TEXT NOT NULL,\n"
  "  rev INTEGER NOT NULL CHECK (rev >= 0),\n"
  "  PRIMARY KEY (kind, uid)\n"
  ") STRICT, WITHOUT ROWID;\n";

/* steps[i] takes a database from version i to version i + 1. */
static const char * const steps[] = {
  schema_v1,
  schema_v2,
  schema_v3,
};

/* Version 4 is made of one part per pane, each in its own file (koc-schema-*.c), run in
 * this order in the one transaction of the step. */
static const KocSchemaPart * const v4_parts[] = {
  &koc_schema_part_discover,
  &koc_schema_part_people,
  &koc_schema_part_keywords,
  &koc_schema_part_campaigns,
  &koc_schema_part_identity,
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) + 1 == KOC_SCHEMA_VERSION);

static const char * const fts_tables[] = {
  "posts_fts", "accounts_fts", "people_fts", NULL
};

static const char * const base_tables[] = {
  "workspace_meta", "media", "brands", "brand_aliases", "people", "accounts",
  "metric_snapshots", "posts", "post_mentions", "account_brands", "post_hashtags",
  "tags", "person_tags", "notes", "campaigns", "interactions", "stage_history",
  "campaign_stages", "cards", "incentives", "card_deliverables", "referral_codes",
  "redemptions", "rewards", "sync_state", "outbox", "sync_conflicts",
  "posts_fts", "accounts_fts", "people_fts", "saved_searches", "post_media",
  "sync_revs", NULL
};

const char * const *
koc_schema_fts_tables (void)
{
  return fts_tables;
}

const char * const *
koc_schema_tables (void)
{
  static const char **tables;

  if (g_once_init_enter (&tables))
    {
      GPtrArray *all = g_ptr_array_new ();

      for (guint i = 0; base_tables[i] != NULL; i++)
        g_ptr_array_add (all, (gpointer) base_tables[i]);
      for (guint i = 0; v4_parts[i] != NULL; i++)
        for (guint j = 0; v4_parts[i]->tables != NULL && v4_parts[i]->tables[j] != NULL; j++)
          g_ptr_array_add (all, (gpointer) v4_parts[i]->tables[j]);
      g_ptr_array_add (all, NULL);

      g_once_init_leave (&tables, (const char **) g_ptr_array_free (all, FALSE));
    }

  return (const char * const *) tables;
}

static gboolean
exec_step (sqlite3  *db,
           int       from,
           GError  **error)
{
  if (from < (int) G_N_ELEMENTS (steps))
    return koc_db_exec (db, steps[from], error);

  for (guint i = 0; v4_parts[i] != NULL; i++)
    {
      if (!koc_db_exec (db, v4_parts[i]->sql, error))
        {
          g_prefix_error (error, "%s: ", v4_parts[i]->name);
          return FALSE;
        }
    }

  return TRUE;
}

int
koc_schema_get_version (sqlite3  *db,
                        GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int rc;

  if (!koc_db_prepare (db, "PRAGMA user_version", &stmt, error))
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    koc_db_set_error (db, rc, _("Could not read the schema version"), error);

  sqlite3_finalize (stmt);
  return version;
}

static gboolean
migrate_step (sqlite3  *db,
              int       from,
              GError  **error)
{
  g_autofree char *set_version = NULL;

  g_debug ("Migrating workspace schema from version %d to %d", from, from + 1);

  if (!koc_db_begin_write (db, error))
    return FALSE;

  /* user_version is an integer we produce, not user input: safe to format. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", from + 1);

  if (!exec_step (db, from, error) ||
      !koc_db_exec (db, set_version, error))
    {
      koc_db_rollback (db);
      g_prefix_error (error, _("Could not upgrade the workspace from version %d to %d: "),
                      from, from + 1);
      return FALSE;
    }

  return koc_db_commit (db, error);
}

gboolean
koc_schema_migrate (sqlite3  *db,
                    int       target_version,
                    GError  **error)
{
  int version;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target_version >= 0 && target_version <= KOC_SCHEMA_VERSION, FALSE);

  if ((version = koc_schema_get_version (db, error)) < 0)
    return FALSE;

  if (version > target_version)
    {
      g_set_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_TOO_NEW,
                   _("The workspace has schema version %d, but this version of KOC Desk"
                     " only knows up to %d. Open it with a newer KOC Desk."),
                   version, target_version);
      return FALSE;
    }

  for (; version < target_version; version++)
    {
      if (!migrate_step (db, version, error))
        return FALSE;
    }

  return TRUE;
}
