/* koc-demo.h: the deterministic demo workspace generator (`kocdesk-cli demo`).
 *
 * Scale 1 is 10,000 accounts (about 8,000 people; a fifth of them hold a second
 * platform account), about 200,000 posts, a year of metric snapshots, 3 own brands with
 * 3 competitors each, 30 campaigns with boards, cards, incentives, referral codes,
 * redemptions and rewards, notes, interactions and tags. Scale 10 is 100,000 accounts
 * and about 2 million posts; fractional scales work for tests.
 *
 * The same seed and scale give identical content: every random choice comes from a
 * seeded xoshiro256** stream, times are relative to a fixed reference date
 * (KOC_DEMO_REFERENCE_TIME) and every uid and created_at is written explicitly.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 2026-11-01T00:00:00Z: the demo's "now"; its year of posts ends there. */
#define KOC_DEMO_REFERENCE_TIME G_GINT64_CONSTANT (1793491200)

#define KOC_DEMO_DEFAULT_SEED 20261101

/* Called at the start and end of every phase, and every few thousand rows. */
typedef void (*KocDemoProgressFunc) (const char *phase,
                                     guint64     done,
                                     guint64     total,
                                     gpointer    user_data);

typedef struct
{
  double               scale;      /* > 0; 1 = 10k accounts */
  guint64              seed;
  gboolean             force;      /* replace an existing file */
  const char          *dump_sql;   /* optional: also write every statement here, and an
                                    * empty workspace to load it into at dump_sql.empty.db
                                    * (the bulk-load benchmark) */
  KocDemoProgressFunc  progress;
  gpointer             user_data;
  gboolean             no_keywords; /* leave the keyword aggregates to the first catch-up
                                     * (koc_keyword_store_refresh()); they are built by
                                     * default, so the first Keywords view is instant */
} KocDemoOptions;

typedef struct
{
  guint64 people;
  guint64 accounts;
  guint64 posts;
  guint64 mentions;
  guint64 hashtags;
  guint64 snapshots;
  guint64 media;
  guint64 campaigns;
  guint64 cards;
  guint64 incentives;
  guint64 referral_codes;
  guint64 redemptions;
  guint64 rewards;
  guint64 deliverables;
  guint64 notes;
  guint64 interactions;
  guint64 rows;        /* every row the generator inserted (not counting triggers) */
  gint64  load_usec;   /* time spent inside SQLite: bind, step, BEGIN/COMMIT, pragmas */
  gint64  total_usec;  /* wall time of the whole generation */
} KocDemoStats;

/* Writes a demo workspace at @path: into "@path.partial" first, renamed over @path only
 * when complete, so an interrupted run never leaves a half-written workspace under the
 * real name. Fails with G_IO_ERROR_EXISTS when @path exists and @options->force is not
 * set. The schema is the store's (koc_db_open). While rows are loaded the FTS "*_ai"
 * triggers are dropped; the indexes are then built in one pass ('rebuild') and the
 * triggers recreated from their own SQL, so the result is the same as row-by-row
 * indexing, several times faster (FTS5 writes a segment at every statement). */
gboolean koc_demo_generate (const char            *path,
                            const KocDemoOptions  *options,
                            KocDemoStats          *stats,
                            GError               **error);

G_END_DECLS
