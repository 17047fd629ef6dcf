/* test-store.c: KocStore — worker thread, order, cancellation, transactions, disk full.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-db.h"
#include "koc-store.h"
#include "koc-test-utils.h"
#include "store-fixture.h"

typedef struct
{
  char     *dir;
  char     *path;
  KocStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = koc_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "ws.db", NULL);
  store_fixture_create_file (fixture->path);

  koc_store_open_async (fixture->path, KOC_STORE_OPEN_DEFAULT, NULL, koc_test_result_cb, &result);
  koc_test_wait_for_result (&result);
  fixture->store = koc_store_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (KOC_IS_STORE (fixture->store));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* One table's count, as the panes ask it; a missing table is an error, not a count. */
static void
test_count (Fixture       *fixture,
            gconstpointer  data)
{
  const char *tables[] = { "people", "accounts", "posts", "campaigns" };
  const gint64 expected[] = { 3, 5, 6, 0 };
  g_autoptr(GAsyncResult) missing = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      koc_store_count_async (fixture->store, tables[i], NULL, koc_test_result_cb, &result);
      koc_test_wait_for_result (&result);
      g_assert_true (koc_store_count_finish (fixture->store, result, &n, &error));
      g_assert_no_error (error);
      g_assert_cmpint (n, ==, expected[i]);
    }

  koc_store_count_async (fixture->store, "no \"such\" table", NULL, koc_test_result_cb, &missing);
  koc_test_wait_for_result (&missing);
  g_assert_false (koc_store_count_finish (fixture->store, missing, &n, &error));
  g_assert_nonnull (error);
}

typedef struct
{
  GThread *main_thread;
  GArray  *order;
  GMutex   mutex;
  guint    index;
} OrderData;

static gboolean
record_order_func (sqlite3       *db,
                   gpointer       data,
                   gpointer      *result,
                   GCancellable  *cancellable,
                   GError       **error)
{
  OrderData *od = g_object_get_data (G_OBJECT (cancellable), "order");
  guint index = GPOINTER_TO_UINT (data);

  /* Never the main thread: the UI must not touch SQLite. */
  g_assert_true (g_thread_self () != od->main_thread);
  g_mutex_lock (&od->mutex);
  g_array_append_val (od->order, index);
  g_mutex_unlock (&od->mutex);
  *result = g_strdup_printf ("job %u", index);
  return TRUE;
}

static void
test_order_and_thread (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *results[20] = { NULL };
  OrderData od = { g_thread_self (), g_array_new (FALSE, FALSE, sizeof (guint)), { 0 }, 0 };

  g_mutex_init (&od.mutex);
  g_object_set_data (G_OBJECT (cancellable), "order", &od);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    koc_store_run_async (fixture->store, record_order_func, GUINT_TO_POINTER (i), NULL, g_free,
                         cancellable, koc_test_result_cb, &results[i]);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;
      g_autofree char *expected = g_strdup_printf ("job %u", i);

      koc_test_wait_for_result (&results[i]);
      g_assert_true (koc_store_run_finish (fixture->store, results[i], (gpointer *)&value, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (value, ==, expected);
      g_clear_object (&results[i]);
    }
  g_assert_cmpuint (od.order->len, ==, G_N_ELEMENTS (results));
  for (guint i = 0; i < od.order->len; i++)
    g_assert_cmpuint (g_array_index (od.order, guint, i), ==, i);
  g_array_unref (od.order);
  g_mutex_clear (&od.mutex);
}

static gint started;

/* Counts to a billion in SQL: minutes unless interrupted. */
static gboolean
long_query_func (sqlite3       *db,
                 gpointer       data,
                 gpointer      *result,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_atomic_int_set (&started, 1);
  return koc_db_query_int64 (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL"
                                 " SELECT i + 1 FROM n WHERE i < 1000000000)"
                                 " SELECT count(*) FROM n", 0, data, error);
}

static gboolean
cancel_when_started_cb (gpointer user_data)
{
  if (!g_atomic_int_get (&started))
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_long_query (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = -1, posts = -1;

  g_atomic_int_set (&started, 0);
  koc_store_run_async (fixture->store, long_query_func, &count, NULL, NULL, cancellable,
                       koc_test_result_cb, &result);
  g_timeout_add (10, cancel_when_started_cb, cancellable);
  koc_test_wait_for_result (&result);
  g_assert_false (koc_store_run_finish (fixture->store, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count, ==, -1);

  /* The store still works afterwards. */
  koc_store_count_async (fixture->store, "posts", NULL, koc_test_result_cb, &after);
  koc_test_wait_for_result (&after);
  g_clear_error (&error);
  g_assert_true (koc_store_count_finish (fixture->store, after, &posts, &error));
  g_assert_cmpint (posts, ==, 6);
}

static gboolean
insert_then_fail_func (sqlite3       *db,
                       gpointer       data,
                       gpointer      *result,
                       GCancellable  *cancellable,
                       GError       **error)
{
  if (!koc_db_exec (db, "INSERT INTO brands (name) VALUES ('雅诗兰黛')", error))
    return FALSE;
  /* Duplicate handle: UNIQUE (platform, handle). */
  return koc_db_exec (db, "INSERT INTO accounts (platform, handle) VALUES ('douyin', 'xiaohong_dy')",
                      error);
}

static gboolean
count_brands_func (sqlite3       *db,
                   gpointer       data,
                   gpointer      *result,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return koc_db_query_int64 (db, "SELECT count(*) FROM brands", 0, data, error);
}

static void
test_write_rolls_back (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 n_brands = 0;

  g_assert_false (koc_store_write_sync (fixture->store, insert_then_fail_func, NULL, NULL, NULL, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (koc_store_run_sync (fixture->store, count_brands_func, &n_brands, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_brands, ==, 2);
}

static gboolean
limit_pages_func (sqlite3       *db,
                  gpointer       data,
                  gpointer      *result,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gint64 pages = 0;
  g_autofree char *sql = NULL;

  if (!koc_db_query_int64 (db, "PRAGMA page_count", 0, &pages, error))
    return FALSE;
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 4);
  return koc_db_exec (db, sql, error);
}

static gboolean
fill_disk_func (sqlite3       *db,
                gpointer       data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  /* ~2 MB of posts cannot fit in 4 more pages. */
  return koc_db_exec (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                          " WHERE i < 2000) INSERT INTO posts (account_id, text, published_at)"
                          " SELECT 1, printf ('%.1000c', 'x') || i, 9000 + i FROM n", error);
}

static gboolean
count_posts_func (sqlite3       *db,
                  gpointer       data,
                  gpointer      *result,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return koc_db_query_int64 (db, "SELECT count(*) FROM posts", 0, data, error);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 n_posts = 0;

  g_assert_true (koc_store_run_sync (fixture->store, limit_pages_func, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (koc_store_write_sync (fixture->store, fill_disk_func, NULL, NULL, NULL, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_true (koc_store_run_sync (fixture->store, count_posts_func, &n_posts, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_posts, ==, 6);
  g_clear_object (&fixture->store);

  /* And on disk, after reopening. */
  fixture->store = koc_store_open_sync (fixture->path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koc_store_run_sync (fixture->store, count_posts_func, &n_posts, NULL, NULL, &error));
  g_assert_cmpint (n_posts, ==, 6);
}

static void
test_read_only_store (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KocStore) ro = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_brands = 0;

  ro = koc_store_open_sync (fixture->path, KOC_STORE_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koc_store_is_read_only (ro));
  g_assert_false (koc_store_write_sync (ro, insert_then_fail_func, NULL, NULL, NULL, &error));
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (koc_store_run_sync (ro, count_brands_func, &n_brands, NULL, NULL, &error));
  g_assert_cmpint (n_brands, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&ro));
}

static gboolean
add_brand_func (sqlite3       *db,
                gpointer       data,
                gpointer      *result,
                GCancellable  *cancellable,
                GError       **error)
{
  return koc_db_exec (db, "INSERT INTO brands (name) VALUES ('Lancôme')", error);
}

static gboolean
release_lock_cb (gpointer user_data)
{
  g_assert_cmpint (sqlite3_exec (user_data, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return G_SOURCE_REMOVE;
}

/* Another process holds the write lock: the write waits (BEGIN IMMEDIATE is retried)
 * and succeeds once the lock is released. */
static void
test_write_waits_for_lock (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 n_brands = 0;

  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE;"
                                        "INSERT INTO workspace_meta VALUES ('lock', 'held')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  koc_store_write_async (fixture->store, add_brand_func, NULL, NULL, NULL, NULL,
                         koc_test_result_cb, &result);
  g_timeout_add (300, release_lock_cb, other);
  koc_test_wait_for_result (&result);
  g_assert_true (koc_store_run_finish (fixture->store, result, NULL, &error));
  g_assert_no_error (error);
  sqlite3_close (other);

  g_assert_true (koc_store_run_sync (fixture->store, count_brands_func, &n_brands, NULL, NULL, &error));
  g_assert_cmpint (n_brands, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/koc/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("count", test_count);
  ADD ("order-and-thread", test_order_and_thread);
  ADD ("cancel-long-query", test_cancel_long_query);
  ADD ("write-rolls-back", test_write_rolls_back);
  ADD ("disk-full", test_disk_full);
  ADD ("read-only", test_read_only_store);
  ADD ("write-waits-for-lock", test_write_waits_for_lock);
#undef ADD

  return g_test_run ();
}
