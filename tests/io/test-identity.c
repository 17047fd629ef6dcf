/* test-identity.c: merging people and splitting accounts off, and undoing both exactly.
 *
 * On a small demo workspace (people with accounts, notes, interactions, tags, cards,
 * incentives, rewards, referral codes and stage history), every table is dumped with
 * quote() before a merge and after its undo: the dumps must be identical, and the FTS
 * indexes must pass integrity-check. Conflicting rows (the same tag, a card in the same
 * campaign) go with the removed person and come back. Splits, rejections, suggestions
 * and name normalization are checked too.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-demo.h"
#include "koc-identity.h"
#include "koc-store.h"
#include "koc-test-utils.h"

static char *tmp_dir;
static KocStore *store;

/* SQL helpers on the store's worker */

typedef struct
{
  const char *sql;
  gint64      value;
} Query;

static gboolean
query_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  Query *q = data;

  return koc_db_query_int64 (db, q->sql, -1, &q->value, error);
}

static gint64
query (const char *format, ...) G_GNUC_PRINTF (1, 2);

static gint64
query (const char *format, ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  Query q = { 0 };
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  q.sql = sql;
  g_assert_true (koc_store_run_sync (store, query_func, &q, NULL, NULL, &error));
  g_assert_no_error (error);
  return q.value;
}

static gboolean
exec_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  return koc_db_exec (db, data, error);
}

static void
exec (const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (koc_store_write_sync (store, exec_func, (gpointer) sql, NULL, NULL, &error));
  g_assert_no_error (error);
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every stored row of every table but the merge log, the FTS shadow tables and
 * score_dirty (the queue of people to rescore: a merge and its undo rightly put both
 * people in it). */
static gboolean
dump_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_true (koc_db_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE"
                                     " 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT IN ('person_merges',"
                                     " 'merge_rejections', 'score_dirty') ORDER BY name", &stmt, error));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autoptr(GString) expr = g_string_new (NULL);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid",
                                              (char *) tables->pdata[t]);

      g_assert_true (koc_db_prepare (db, sql, &stmt, error));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (expr, "%squote (\"%s\")", expr->len ? " || '|' || " : "",
                                sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      g_free (sql);
      sql = g_strdup_printf ("SELECT %s FROM \"%s\"", expr->str, (char *) tables->pdata[t]);
      g_assert_true (koc_db_prepare (db, sql, &stmt, error));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_rows);
      g_string_append_printf (out, "## %s %u\n", (char *) tables->pdata[t], rows->len);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (out, "%s\n", (char *) rows->pdata[r]);
    }
  *result = g_string_free (out, FALSE);
  return TRUE;
}

static char *
dump (void)
{
  g_autoptr(GError) error = NULL;
  gpointer text = NULL;

  g_assert_true (koc_store_run_sync (store, dump_func, NULL, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Fails with the lines that differ, not the whole dumps. */
static void
assert_same_dump (const char *before,
                  const char *after)
{
  g_auto(GStrv) a = g_strsplit (before, "\n", -1);
  g_auto(GStrv) b = g_strsplit (after, "\n", -1);
  g_autoptr(GHashTable) in_a = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) in_b = g_hash_table_new (g_str_hash, g_str_equal);
  guint differences = 0;

  for (guint i = 0; a[i]; i++)
    g_hash_table_add (in_a, a[i]);
  for (guint i = 0; b[i]; i++)
    g_hash_table_add (in_b, b[i]);
  for (guint i = 0; a[i]; i++)
    if (!g_hash_table_contains (in_b, a[i]) && differences++ < 10)
      g_test_message ("only before: %s", a[i]);
  for (guint i = 0; b[i]; i++)
    if (!g_hash_table_contains (in_a, b[i]) && differences++ < 20)
      g_test_message ("only after: %s", b[i]);
  g_assert_cmpuint (differences, ==, 0);
  g_assert_true (g_str_equal (before, after));
}

static void
assert_fts_intact (void)
{
  exec ("INSERT INTO people_fts (people_fts) VALUES ('integrity-check');"
        "INSERT INTO accounts_fts (accounts_fts) VALUES ('integrity-check');");
}

/* The identity calls, each in one write transaction */

typedef struct
{
  int     op;
  gint64  a, b;
  gint64  out;
} Call;

static gboolean
call_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  Call *call = data;

  switch (call->op)
    {
    case 0:
      return (call->out = koc_identity_merge (db, call->a, call->b, error)) > 0;
    case 1:
      return (call->out = koc_identity_split (db, call->a, NULL, error)) > 0;
    case 2:
      return koc_identity_undo (db, call->a, error);
    default:
      return koc_identity_reject (db, call->a, call->b, error);
    }
}

static gint64
call (int op, gint64 a, gint64 b, GError **error)
{
  Call c = { op, a, b, 0 };

  if (!koc_store_write_sync (store, call_func, &c, NULL, NULL, error))
    return 0;
  return op == 2 || op == 3 ? 1 : c.out;
}

static gboolean
suggest_func (sqlite3 *db, gpointer data, gpointer *result, GCancellable *c, GError **error)
{
  return (*result = koc_identity_suggest (db, 0, error)) != NULL;
}

static GPtrArray *
suggest (void)
{
  g_autoptr(GError) error = NULL;
  gpointer out = NULL;

  g_assert_true (koc_store_run_sync (store, suggest_func, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  return out;
}

static KocIdentitySuggestion *
find_pair (GPtrArray *suggestions, gint64 a, gint64 b)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      KocIdentitySuggestion *s = suggestions->pdata[i];

      if ((s->kept_id == a && s->other_id == b) || (s->kept_id == b && s->other_id == a))
        return s;
    }
  return NULL;
}

/* Two people with much attached: the ones with the most notes and interactions. */
static void
pick_pair (gint64 *a, gint64 *b)
{
  *a = query ("SELECT person_id FROM notes GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 1");
  *b = query ("SELECT person_id FROM interactions WHERE person_id <> %lld GROUP BY person_id"
              " ORDER BY count(*) DESC, person_id LIMIT 1", (long long) *a);
  g_assert_cmpint (*a, >, 0);
  g_assert_cmpint (*b, >, 0);
}

static void
test_merge_undo_exact (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *after = NULL;
  gint64 a, b, merge, accounts_a, accounts_b, notes_b, stages_b, people;

  pick_pair (&a, &b);
  /* Make sure the two conflict somewhere: the same tag, a card in the same campaign. */
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT OR IGNORE INTO tags (name) VALUES ('vip');"
      "INSERT OR IGNORE INTO person_tags (person_id, tag_id) SELECT %lld, id FROM tags WHERE name = 'vip';"
      "INSERT OR IGNORE INTO person_tags (person_id, tag_id) SELECT %lld, id FROM tags WHERE name = 'vip';"
      "INSERT OR IGNORE INTO cards (campaign_id, person_id, stage_id) SELECT campaign_id, %lld, id"
      "  FROM campaign_stages ORDER BY id LIMIT 1;"
      "INSERT OR IGNORE INTO cards (campaign_id, person_id, stage_id) SELECT campaign_id, %lld, id"
      "  FROM campaign_stages ORDER BY id LIMIT 1;"
      "INSERT INTO incentives (card_id, kind, value_cents) SELECT id, 'seeding', 12345 FROM cards"
      "  WHERE person_id = %lld AND campaign_id = (SELECT campaign_id FROM campaign_stages ORDER BY id"
      "  LIMIT 1);"
      "UPDATE people SET email = NULL, koc_score = 71.123456789012345 WHERE id = %lld;"
      "UPDATE people SET email = 'merge-test@example.com' WHERE id = %lld;",
      (long long) a, (long long) b, (long long) a, (long long) b, (long long) b, (long long) a,
      (long long) b);
    exec (sql);
  }

  accounts_a = query ("SELECT count(*) FROM accounts WHERE person_id = %lld", (long long) a);
  accounts_b = query ("SELECT count(*) FROM accounts WHERE person_id = %lld", (long long) b);
  notes_b = query ("SELECT count(*) FROM notes WHERE person_id = %lld", (long long) b);
  stages_b = query ("SELECT count(*) FROM stage_history WHERE person_id = %lld", (long long) b);
  people = query ("SELECT count(*) FROM people");
  g_assert_cmpint (notes_b + query ("SELECT count(*) FROM interactions WHERE person_id = %lld", (long long) b), >, 0);
  before = dump ();

  merge = call (0, a, b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (merge, >, 0);

  /* b is gone; what it had is a's; a took the email only b had. */
  g_assert_cmpint (query ("SELECT count(*) FROM people"), ==, people - 1);
  g_assert_cmpint (query ("SELECT count(*) FROM people WHERE id = %lld", (long long) b), ==, 0);
  g_assert_cmpint (query ("SELECT count(*) FROM accounts WHERE person_id = %lld", (long long) a), ==,
                   accounts_a + accounts_b);
  g_assert_cmpint (query ("SELECT count(*) FROM stage_history WHERE person_id = %lld", (long long) a), >=,
                   stages_b + 1);
  g_assert_cmpint (query ("SELECT count(*) FROM people WHERE id = %lld AND email = 'merge-test@example.com'",
                          (long long) a), ==, 1);
  /* The conflicting card (with its incentive) and tag went with b. */
  g_assert_cmpint (query ("SELECT count(*) FROM incentives WHERE value_cents = 12345"), ==, 0);
  merged = dump ();
  g_assert_cmpstr (merged, !=, before);
  assert_fts_intact ();

  g_assert_true (call (2, merge, 0, &error));
  g_assert_no_error (error);
  after = dump ();
  assert_same_dump (before, after);
  assert_fts_intact ();
  g_assert_cmpint (query ("SELECT count(*) FROM incentives WHERE value_cents = 12345"), ==, 1);
  g_assert_cmpint (query ("SELECT count(*) FROM person_merges WHERE id = %lld AND undone_at IS NOT NULL",
                          (long long) merge), ==, 1);

  /* Twice is refused. */
  g_assert_false (call (2, merge, 0, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
}

static void
test_undo_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump ();
  g_autofree char *after = NULL;
  gint64 a, b, c, first, second;

  a = query ("SELECT min (id) FROM people");
  b = query ("SELECT min (id) FROM people WHERE id > %lld", (long long) a);
  c = query ("SELECT min (id) FROM people WHERE id > %lld", (long long) b);

  first = call (0, b, c, &error);     /* c into b */
  g_assert_no_error (error);
  second = call (0, a, b, &error);    /* then b into a */
  g_assert_no_error (error);

  /* The first cannot be undone while b is merged away. */
  g_assert_false (call (2, first, 0, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (call (2, second, 0, &error));
  g_assert_true (call (2, first, 0, &error));
  g_assert_no_error (error);
  after = dump ();
  assert_same_dump (before, after);
}

static void
test_split_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 person, account, split, people;

  person = query ("SELECT person_id FROM accounts WHERE person_id IS NOT NULL GROUP BY person_id"
                  " HAVING count(*) >= 2 ORDER BY person_id LIMIT 1");
  if (person <= 0)
    {
      exec ("INSERT INTO accounts (person_id, platform, handle) SELECT min (id), 'youtube', 'split-test'"
            " FROM people");
      person = query ("SELECT min (id) FROM people");
    }
  account = query ("SELECT max (id) FROM accounts WHERE person_id = %lld", (long long) person);
  people = query ("SELECT count(*) FROM people");
  before = dump ();

  split = call (1, account, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query ("SELECT count(*) FROM people"), ==, people + 1);
  g_assert_cmpint (query ("SELECT person_id FROM accounts WHERE id = %lld", (long long) account), !=, person);
  g_assert_cmpint (query ("SELECT count(*) FROM people p JOIN accounts a ON a.person_id = p.id"
                          " WHERE a.id = %lld AND p.display_name = coalesce (a.display_name, a.handle)",
                          (long long) account), ==, 1);

  g_assert_true (call (2, split, 0, &error));
  g_assert_no_error (error);
  after = dump ();
  assert_same_dump (before, after);
  assert_fts_intact ();

  /* An account of nobody cannot be split. */
  exec ("INSERT INTO accounts (platform, handle) VALUES ('other', 'orphan-account')");
  g_assert_cmpint (call (1, query ("SELECT id FROM accounts WHERE handle = 'orphan-account'"), 0, &error), ==, 0);
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_INVALID);
}

static void
test_suggest_and_reject (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  KocIdentitySuggestion *s;
  gint64 a, b, c, d;

  exec ("INSERT INTO people (display_name, email) VALUES ('Same Mail One', 'Twin@Example.com');"
        "INSERT INTO people (display_name, email) VALUES ('Same Mail Two', 'twin@example.com');"
        "INSERT INTO people (display_name) VALUES ('Lily 🌸 Wang');"
        "INSERT INTO people (display_name) VALUES ('LILY WANG!');"
        "INSERT INTO accounts (person_id, platform, handle) SELECT id, 'weibo', 'lily-w1' FROM people"
        "  WHERE display_name = 'Lily 🌸 Wang';"
        "INSERT INTO accounts (person_id, platform, handle) SELECT id, 'douyin', 'lily-w2' FROM people"
        "  WHERE display_name = 'LILY WANG!';");
  a = query ("SELECT id FROM people WHERE display_name = 'Same Mail One'");
  b = query ("SELECT id FROM people WHERE display_name = 'Same Mail Two'");
  c = query ("SELECT id FROM people WHERE display_name = 'Lily 🌸 Wang'");
  d = query ("SELECT id FROM people WHERE display_name = 'LILY WANG!'");

  first = suggest ();
  s = find_pair (first, a, b);
  g_assert_nonnull (s);
  g_assert_cmpint (s->reason, ==, KOC_IDENTITY_SAME_EMAIL);
  g_assert_cmpfloat (s->confidence, ==, 0.9);
  g_assert_cmpint (s->kept_id, ==, a); /* the older one is kept */
  g_assert_cmpstr (s->kept_name, ==, "Same Mail One");
  s = find_pair (first, c, d);
  g_assert_nonnull (s);
  g_assert_cmpint (s->reason, ==, KOC_IDENTITY_SIMILAR_NAME);
  g_assert_cmpfloat (s->confidence, <, 0.8);
  g_assert_nonnull (strstr (s->kept_accounts, "weibo @lily-w1"));
  /* Most confident first. */
  for (guint i = 1; i < first->len; i++)
    g_assert_cmpfloat (((KocIdentitySuggestion *) first->pdata[i - 1])->confidence, >=,
                       ((KocIdentitySuggestion *) first->pdata[i])->confidence);

  g_assert_true (call (3, b, a, &error));
  g_assert_no_error (error);
  g_assert_true (call (3, a, b, &error)); /* twice is harmless */
  second = suggest ();
  g_assert_null (find_pair (second, a, b));
  g_assert_nonnull (find_pair (second, c, d));
  g_assert_cmpint (query ("SELECT count(*) FROM merge_rejections"), ==, 1);
}

static void
test_normalize (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Lily 🌸 Wang", "lilywang" },
    { "ＬＩＬＹ　ＷＡＮＧ", "lilywang" },
    { "小红 · 薯", "小红薯" },
    { "@Coco_Li.", "cocoli" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = koc_identity_normalize_name (cases[i].in);

      g_assert_cmpstr (key, ==, cases[i].out);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  /* Without keyword aggregates: the dumps compare every table, and merges do not touch
   * them (tens of thousands of rows that only slow the comparison, minutes under ASan). */
  KocDemoOptions options = { .scale = 0.02, .seed = KOC_DEMO_DEFAULT_SEED, .no_keywords = TRUE };
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = koc_test_make_tmp_dir ();
  path = g_build_filename (tmp_dir, "identity.db", NULL);
  g_assert_true (koc_demo_generate (path, &options, NULL, &error));
  g_assert_no_error (error);
  store = koc_store_open_sync (path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/koc/identity/normalize", test_normalize);
  g_test_add_func ("/koc/identity/merge-undo-exact", test_merge_undo_exact);
  g_test_add_func ("/koc/identity/undo-order", test_undo_order);
  g_test_add_func ("/koc/identity/split-undo", test_split_undo);
  g_test_add_func ("/koc/identity/suggest-and-reject", test_suggest_and_reject);
  status = g_test_run ();

  g_clear_object (&store);
  koc_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}
