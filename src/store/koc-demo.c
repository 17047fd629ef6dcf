/* koc-demo.c: the phases of the demo workspace generator.
 *
 * Plan first, in memory: people, their accounts (followers from a Pareto tail, so most
 * accounts are nano or micro and a few are mega; engagement rate by tier, smaller
 * accounts engaging more) and the publication time of every post (a year ending at the
 * reference date, with 11.11, 618 and Spring Festival peaks). Then write, one
 * transaction per phase or per 50,000 rows, with prepared statements reused:
 * meta and brands → avatars, people and accounts → metric snapshots → posts with their
 * brand mentions and hashtags, in published_at order → full-text indexes built in one
 * pass → the CRM side (koc-demo-crm.c).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-demo"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "koc-db.h"
#include "koc-schema.h"
#include "koc-demo.h"
#include "koc-demo-private.h"
#include "koc-keyword-store.h"
#include "koc-score.h"

#define DAY (G_GINT64_CONSTANT (86400))
#define ROWS_PER_TRANSACTION 50000
/* Accounts beyond this many get monthly instead of weekly snapshots (scale > 2). */
#define MAX_WEEKLY_ACCOUNTS 20000

enum { STREAM_PEOPLE = 1, STREAM_TIMES };

const char *const koc_demo_stage_ids[6] = {
  "discovered", "engaged", "advocate", "ambassador", "dormant", "detractor",
};

void
koc_demo_make_uid (KocDemoRng *rng,
                   char        out[33])
{
  guint64 a = koc_demo_rng_next (rng), b = koc_demo_rng_next (rng);

  g_snprintf (out, 33, "%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x", a, b);
}

void
koc_demo_progress (KocDemoContext *ctx,
                   const char     *phase,
                   guint64         done,
                   guint64         total)
{
  const KocDemoOptions *options = ctx->options;

  if (options->progress != NULL)
    options->progress (phase, done, total, options->user_data);
}

static guint
pick_weighted (KocDemoRng   *rng,
               const double *weights,
               guint         n)
{
  double total = 0, x;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  x = koc_demo_rng_double (rng) * total;
  for (guint i = 0; i < n; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }
  return n - 1;
}

/* Median engagement rate by follower tier: smaller accounts engage more. */
static double
tier_engagement (double followers)
{
  if (followers < 10000)
    return 0.065;
  if (followers < 100000)
    return 0.035;
  if (followers < 500000)
    return 0.022;
  if (followers < 1000000)
    return 0.015;
  return 0.009;
}

static int
pick_brand_for_topic (KocDemoRng *rng,
                      guint       topic)
{
  int candidates[16];
  guint n = 0;

  for (guint b = 0; b < koc_demo_n_brands && n < G_N_ELEMENTS (candidates); b++)
    if (topic >= KOC_DEMO_LIFESTYLE || koc_demo_brands[b].topic == topic)
      candidates[n++] = b;
  return candidates[koc_demo_rng_range (rng, n)];
}

static void
plan_people_and_accounts (KocDemoContext *ctx)
{
  static const double topic_weights[KOC_DEMO_N_TOPICS] = { 35, 25, 20, 10, 5, 5 };
  static const double stage_weights[6] = { 70, 15, 8, 2, 4, 1 };
  static const double platform_weights[KOC_DEMO_N_PLATFORMS] = { 42, 25, 25, 8 };
  KocDemoRng rng;
  guint n_extra = ctx->n_accounts - ctx->n_people;

  koc_demo_rng_init (&rng, ctx->seed, STREAM_PEOPLE);
  ctx->people = g_new0 (KocDemoPersonPlan, ctx->n_people);
  ctx->accounts = g_new0 (KocDemoAccountPlan, ctx->n_accounts);

  for (guint p = 0; p < ctx->n_people; p++)
    {
      KocDemoPersonPlan *person = &ctx->people[p];
      gboolean overseas = koc_demo_rng_chance (&rng, 0.06);

      person->topic = pick_weighted (&rng, topic_weights, KOC_DEMO_N_TOPICS);
      person->stage = pick_weighted (&rng, stage_weights, 6);
      person->english = overseas || koc_demo_rng_chance (&rng, 0.04);
      person->city = overseas ? KOC_DEMO_LIST_PICK (&rng, &koc_demo_cities_en)
                              : KOC_DEMO_LIST_PICK (&rng, &koc_demo_cities_zh);
      person->owner = person->stage > 0 || koc_demo_rng_chance (&rng, 0.1)
                      ? KOC_DEMO_LIST_PICK (&rng, &koc_demo_owners) : NULL;
      person->created_at = ctx->reference - (30 + koc_demo_rng_range (&rng, 690)) * DAY
                           - koc_demo_rng_range (&rng, (guint32) DAY);
      person->accounts[0] = p;
      person->accounts[1] = G_MAXUINT32;
    }

  /* Every (n_people / n_extra)-th person holds a second platform account. */
  for (guint j = 0; j < n_extra; j++)
    {
      guint p = (guint) ((guint64) j * ctx->n_people / n_extra);

      ctx->people[p].accounts[1] = ctx->n_people + j;
    }

  for (guint p = 0; p < ctx->n_people; p++)
    {
      KocDemoPersonPlan *person = &ctx->people[p];

      for (guint k = 0; k < 2 && person->accounts[k] != G_MAXUINT32; k++)
        {
          KocDemoAccountPlan *account = &ctx->accounts[person->accounts[k]];
          double affinity = koc_demo_rng_double (&rng);
          guint platform;

          do
            {
              if (person->english && koc_demo_rng_chance (&rng, 0.75))
                platform = KOC_DEMO_INSTAGRAM;
              else
                platform = pick_weighted (&rng, platform_weights, KOC_DEMO_N_PLATFORMS);
            }
          while (k == 1 && platform == ctx->accounts[person->accounts[0]].platform);

          account->person = p;
          account->platform = platform;
          account->topic = person->topic;
          account->english = person->english || platform == KOC_DEMO_INSTAGRAM;
          account->followers = MIN (koc_demo_rng_pareto (&rng, 200, 0.85), 3.0e7);
          account->engagement_rate = koc_demo_rng_lognormal (&rng, tier_engagement (account->followers), 0.45);
          account->brand = pick_brand_for_topic (&rng, person->topic);
          /* Most accounts rarely mention a brand; a few fans do it a lot: mean ≈ 10 %. */
          account->mention_p = affinity < 0.7 ? 0.05 : affinity < 0.9 ? 0.15 : 0.35;
          account->n_posts = (guint32) CLAMP (lround (koc_demo_rng_lognormal (&rng, 14.8, 0.8)), 1, 400);
        }
    }
}

/* ---- publication times ---- */

static double *
seasonal_cdf (void)
{
  double *cdf = g_new (double, 365);
  double total = 0;

  /* Day 0 is 2025-11-01 (a Saturday); the year ends at the reference date. */
  for (guint d = 0; d < 365; d++)
    {
      double w = 1.0;

      if (d <= 10)
        w = d >= 9 ? 3.0 : 1.8;            /* 11.11 */
      else if (d >= 39 && d <= 41)
        w = 1.5;                            /* 12.12 */
      else if (d >= 100 && d <= 115)
        w = 1.6;                            /* Spring Festival 2026-02-17 */
      else if (d >= 198 && d <= 200)
        w = 1.3;                            /* 520 */
      else if (d >= 212 && d <= 229)
        w = d >= 228 ? 2.5 : 1.7;           /* 618 */
      else if (d >= 290 && d <= 291)
        w = 1.3;                            /* 七夕 */
      else if (d >= 353)
        w = 1.6;                            /* 11.11 presale */
      if (d % 7 == 0 || d % 7 == 1)
        w *= 1.15;                          /* weekends */
      total += w;
      cdf[d] = total;
    }
  for (guint d = 0; d < 365; d++)
    cdf[d] /= total;
  return cdf;
}

static gint64
draw_time (KocDemoRng   *rng,
           const double *cdf,
           gint64        start)
{
  static const double hour_weights[24] = {
    3, 2, 1, 0.5, 0.3, 0.3, 0.8, 2, 4, 4, 4, 5, 7, 6, 4, 4, 4, 5, 6, 7, 9, 10, 9, 6,
  };
  double x = koc_demo_rng_double (rng);
  guint lo = 0, hi = 364;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cdf[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }

  return start + lo * DAY + pick_weighted (rng, hour_weights, 24) * 3600
         + koc_demo_rng_range (rng, 3600);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Times of every post, grouped by account (sorted within), and offsets into them. */
static void
plan_post_times (KocDemoContext *ctx)
{
  g_autofree double *cdf = seasonal_cdf ();
  guint64 *offsets = g_new (guint64, ctx->n_accounts + 1);
  guint64 n = 0;
  gint64 *times;
  KocDemoRng rng;

  koc_demo_rng_init (&rng, ctx->seed, STREAM_TIMES);
  for (guint a = 0; a < ctx->n_accounts; a++)
    {
      offsets[a] = n;
      n += ctx->accounts[a].n_posts;
    }
  offsets[ctx->n_accounts] = n;

  times = g_new (gint64, MAX (n, 1));
  for (guint a = 0; a < ctx->n_accounts; a++)
    {
      guint64 count = offsets[a + 1] - offsets[a];

      for (guint64 i = 0; i < count; i++)
        times[offsets[a] + i] = draw_time (&rng, cdf, ctx->start);
      qsort (times + offsets[a], count, sizeof (gint64), compare_times);
      ctx->accounts[a].last_post_at = times[offsets[a] + count - 1];
    }

  ctx->offsets = offsets;
  ctx->n_posts = n;
  ctx->times = times;
}

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static void
context_clear (KocDemoContext *ctx)
{
  for (guint a = 0; ctx->accounts != NULL && a < ctx->n_accounts; a++)
    {
      g_free (ctx->accounts[a].handle);
      if (ctx->own_mentions != NULL && ctx->own_mentions[a] != NULL)
        g_array_unref (ctx->own_mentions[a]);
    }
  g_clear_pointer (&ctx->own_mentions, g_free);
  g_clear_pointer (&ctx->accounts, g_free);
  g_clear_pointer (&ctx->people, g_free);
  g_clear_pointer (&ctx->times, g_free);
  g_clear_pointer (&ctx->offsets, g_free);
  g_clear_pointer (&ctx->writer, koc_demo_writer_free);
}

/* For each FTS table of the schema: the SQL of its "<table>_ai" trigger, or NULL. */
static gboolean
suspend_fts_triggers (KocDemoContext  *ctx,
                      GPtrArray       *saved,
                      GError         **error)
{
  const char *const *tables = koc_schema_fts_tables ();
  sqlite3 *db = koc_demo_writer_get_db (ctx->writer);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *trigger = g_strconcat (tables[i], "_ai", NULL);
      g_autofree char *drop = NULL;
      sqlite3_stmt *stmt = NULL;
      char *sql = NULL;

      if (!koc_db_prepare (db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                           &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, trigger, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      g_ptr_array_add (saved, sql);
      if (sql == NULL)
        continue;

      /* Names come from the schema's own list, not from input. */
      drop = g_strdup_printf ("DROP TRIGGER %s", trigger);
      if (!koc_demo_writer_exec (ctx->writer, drop, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
resume_fts_triggers (KocDemoContext  *ctx,
                     GPtrArray       *saved,
                     GError         **error)
{
  const char *const *tables = koc_schema_fts_tables ();

  if (!koc_demo_writer_begin (ctx->writer, error))
    return FALSE;

  for (guint i = 0; tables[i] != NULL && i < saved->len; i++)
    {
      g_autofree char *rebuild = NULL;
      const char *sql = g_ptr_array_index (saved, i);

      if (sql == NULL)
        continue;
      rebuild = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')", tables[i], tables[i]);
      if (!koc_demo_writer_exec (ctx->writer, rebuild, error) ||
          !koc_demo_writer_exec (ctx->writer, sql, error))
        return FALSE;
    }

  return koc_demo_writer_commit (ctx->writer, error);
}

static gboolean
fill (KocDemoContext  *ctx,
      GError         **error)
{
  KocDemoWriter *writer = ctx->writer;
  g_autoptr(GPtrArray) fts_triggers = g_ptr_array_new_with_free_func (g_free);

  /* Bulk-load settings. The file is "….partial" until it is complete, so losing it
   * in a crash costs nothing: no journal, no syncs, a big cache. */
  if (!koc_demo_writer_exec (writer, "PRAGMA foreign_keys = ON", error) ||
      !koc_demo_writer_exec (writer, "PRAGMA journal_mode = OFF", error) ||
      !koc_demo_writer_exec (writer, "PRAGMA synchronous = OFF", error) ||
      !koc_demo_writer_exec (writer, "PRAGMA cache_size = -262144", error) ||
      !koc_demo_writer_exec (writer, "PRAGMA temp_store = MEMORY", error))
    return FALSE;

  /* Full-text indexes are built once at the end ('rebuild') instead of row by row by
   * their AFTER INSERT triggers, which are dropped meanwhile and then recreated from
   * their own SQL: FTS5 writes a new segment at every statement savepoint, so per-row
   * trigger inserts would cost a segment (and merges) per row. */
  if (!suspend_fts_triggers (ctx, fts_triggers, error))
    return FALSE;

  if (!koc_demo_write_accounts (ctx, error) ||
      !koc_demo_write_snapshots (ctx, error) ||
      !koc_demo_write_posts (ctx, error))
    return FALSE;

  koc_demo_progress (ctx, "fts", 0, 1);
  if (!resume_fts_triggers (ctx, fts_triggers, error))
    return FALSE;
  koc_demo_progress (ctx, "fts", 1, 1);

  if (!koc_demo_generate_crm (ctx, error))
    return FALSE;

  /* Scores from the real engine (koc-score.c), as of the reference date. It is C, not
   * SQL statements, so a run with --dump-sql keeps the planned scores instead. */
  koc_demo_progress (ctx, "score", 0, 1);
  if (ctx->options->dump_sql == NULL &&
      (!koc_demo_writer_begin (writer, error) ||
       !koc_score_recompute (koc_demo_writer_get_db (writer), KOC_SCORE_SCOPE_ALL, NULL, 0,
                             ctx->reference, NULL, NULL, NULL, NULL, error) ||
       !koc_demo_writer_commit (writer, error)))
    return FALSE;
  koc_demo_progress (ctx, "score", 1, 1);

  /* The keyword aggregates (koc-keyword-store.h), so a newcomer's first Keywords view
   * needs no catch-up. Like the scores, C rather than SQL statements: not with
   * --dump-sql, whose file must hold exactly what the shell loads (and whose wall time
   * is the bulk-load-total benchmark). */
  koc_demo_progress (ctx, "keywords", 0, 1);
  if (ctx->options->dump_sql == NULL && !ctx->options->no_keywords &&
      !koc_keyword_store_refresh (koc_demo_writer_get_db (writer), NULL, NULL, error))
    return FALSE;
  koc_demo_progress (ctx, "keywords", 1, 1);

  koc_demo_progress (ctx, "analyze", 0, 1);
  if (!koc_demo_writer_exec (writer, "ANALYZE", error) ||
      !koc_demo_writer_exec (writer, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  koc_demo_progress (ctx, "analyze", 1, 1);

  return TRUE;
}

gboolean
koc_demo_generate (const char            *path,
                   const KocDemoOptions  *options,
                   KocDemoStats          *stats,
                   GError               **error)
{
  KocDemoContext ctx = { 0 };
  KocDemoStats local_stats = { 0 };
  g_autofree char *partial = NULL;
  FILE *dump = NULL;
  sqlite3 *db;
  gint64 started = g_get_monotonic_time ();
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(options->scale > 0 && options->scale <= 100))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale must be more than 0 and at most 100"));
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !options->force)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists; use --force to replace it"), path);
      return FALSE;
    }

  if (stats == NULL)
    stats = &local_stats;
  memset (stats, 0, sizeof *stats);

  partial = g_strconcat (path, ".partial", NULL);
  remove_database (partial);

  if (options->dump_sql != NULL && (dump = fopen (options->dump_sql, "w")) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), options->dump_sql, g_strerror (saved_errno));
      return FALSE;
    }

  /* The dump loads into an empty workspace made by the same code as ours. */
  if (dump != NULL)
    {
      g_autofree char *empty = g_strconcat (options->dump_sql, ".empty.db", NULL);

      remove_database (empty);
      db = koc_db_open (empty, KOC_STORE_OPEN_CREATE, error);
      if (db == NULL)
        {
          fclose (dump);
          return FALSE;
        }
      koc_db_close (db);
    }

  db = koc_db_open (partial, KOC_STORE_OPEN_CREATE, error);
  if (db == NULL)
    {
      g_clear_pointer (&dump, fclose);
      remove_database (partial);
      return FALSE;
    }

  ctx.seed = options->seed;
  ctx.scale = options->scale;
  ctx.reference = KOC_DEMO_REFERENCE_TIME;
  ctx.start = KOC_DEMO_REFERENCE_TIME - 365 * DAY;
  ctx.n_accounts = MAX (2, (guint) lround (10000 * options->scale));
  ctx.n_people = MAX (1, (guint) lround (ctx.n_accounts * 0.8));
  ctx.stats = stats;
  ctx.options = options;
  ctx.writer = koc_demo_writer_new (db, dump);

  koc_demo_progress (&ctx, "plan", 0, 1);
  plan_people_and_accounts (&ctx);
  plan_post_times (&ctx);
  koc_demo_progress (&ctx, "plan", 1, 1);

  ok = fill (&ctx, error);

  stats->rows = koc_demo_writer_get_rows (ctx.writer);
  stats->load_usec = koc_demo_writer_get_usec (ctx.writer);
  context_clear (&ctx);
  koc_db_close (db);

  if (dump != NULL && fclose (dump) != 0 && ok)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), options->dump_sql, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (ok)
    {
      /* A stale WAL of the file being replaced must not be applied to the new one. */
      g_autofree char *old_wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *old_shm = g_strconcat (path, "-shm", NULL);

      g_remove (old_wal);
      g_remove (old_shm);
      if (g_rename (partial, path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not rename “%s” to “%s”: %s"), partial, path,
                       g_strerror (saved_errno));
          ok = FALSE;
        }
    }

  if (!ok)
    remove_database (partial);

  stats->total_usec = g_get_monotonic_time () - started;
  return ok;
}
