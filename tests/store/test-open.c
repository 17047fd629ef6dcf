/* test-open.c: opening rules — bad files get a clear error and are never modified.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-schema.h"
#include "koc-store.h"
#include "koc-test-utils.h"
#include "store-fixture.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = koc_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "ws.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  koc_test_rm_rf (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Opens @path both with koc_db_open() and through KocStore (CREATE, so nothing is
 * excused by a missing flag): both fail with @code and the file stays byte-identical. */
static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = NULL;
  gint64 mtime_before;
  gint64 mtime_after;
  sqlite3 *db;

  /* Make a change of mtime detectable even on coarse file systems. */
  g_usleep (20000);
  before = store_fixture_snapshot (path, &mtime_before);

  db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, KOC_STORE_ERROR, code);
  g_test_message ("koc_db_open: %s", error->message);
  g_assert_nonnull (strstr (error->message, "ws.db"));
  g_clear_error (&error);

  store = koc_store_open_sync (path, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, KOC_STORE_ERROR, code);

  after = store_fixture_snapshot (path, &mtime_after);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (mtime_before, ==, mtime_after);
}

static void
test_text_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_file_set_contents (fixture->path, "name,handle\n小红,xiaohong\n", -1, NULL);
  assert_refused_unchanged (fixture->path, KOC_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_png_file (Fixture       *fixture,
               gconstpointer  data)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0,
    'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  /* Padded past 100 bytes so that only the magic can tell. */
  g_byte_array_append (bytes, png, sizeof png);
  for (guint i = 0; i < 200; i++)
    g_byte_array_append (bytes, (const guint8 *)"\0", 1);
  g_file_set_contents (fixture->path, (const char *)bytes->data, bytes->len, NULL);
  assert_refused_unchanged (fixture->path, KOC_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_foreign_sqlite (Fixture       *fixture,
                     gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                                     "INSERT INTO moz_places (url) VALUES ('https://example.org')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (fixture->path, KOC_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  GStatBuf st;

  store_fixture_create_file (fixture->path);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 8 * 4096);
  g_assert_cmpint (truncate (fixture->path, st.st_size / 2), ==, 0);
  assert_refused_unchanged (fixture->path, KOC_STORE_ERROR_CORRUPT);
}

static void
test_overwritten_pages (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  store_fixture_create_file (fixture->path);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  /* Pages 2 to 6 (b-tree pages of the first tables) become garbage. */
  g_assert_cmpuint (length, >, 6 * 4096);
  for (gsize i = 4096; i < 6 * 4096; i++)
    contents[i] = (char)(0xA5 ^ (i & 0xff));
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  assert_refused_unchanged (fixture->path, KOC_STORE_ERROR_CORRUPT);
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", KOC_SCHEMA_VERSION + 1);
  sqlite3 *db = NULL;

  store_fixture_create_file (fixture->path);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (fixture->path, KOC_STORE_ERROR_TOO_NEW);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KocStore) store = NULL;

  store = koc_store_open_sync (fixture->path, KOC_STORE_OPEN_DEFAULT, NULL, &error);
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = koc_store_open_sync (fixture->path, KOC_STORE_OPEN_READ_ONLY | KOC_STORE_OPEN_CREATE,
                               NULL, &error);
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = koc_store_open_sync (fixture->path, KOC_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (koc_store_get_path (store), ==, fixture->path);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Read-only opens never upgrade: an old file is refused, unchanged. */
static void
test_read_only_old_version (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 mtime_before, mtime_after;
  sqlite3 *db;

  db = koc_db_open_at_version (fixture->path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  koc_db_close (db);

  before = store_fixture_snapshot (fixture->path, &mtime_before);
  db = koc_db_open (fixture->path, KOC_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, KOC_STORE_ERROR, KOC_STORE_ERROR_READ_ONLY);
  after = store_fixture_snapshot (fixture->path, &mtime_after);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (mtime_before, ==, mtime_after);
}

/* A healthy workspace opened read-only: readable, not writable, not modified. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 mtime_before, mtime_after;
  sqlite3 *db;

  store_fixture_create_file (fixture->path);
  before = store_fixture_snapshot (fixture->path, &mtime_before);
  db = koc_db_open (fixture->path, KOC_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_int (db, "SELECT count(*) FROM posts"), ==, 6);
  g_assert_false (koc_db_exec (db, "DELETE FROM posts", &error));
  g_assert_nonnull (error);
  koc_db_close (db);
  after = store_fixture_snapshot (fixture->path, &mtime_after);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (mtime_before, ==, mtime_after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/koc/open/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("text-file", test_text_file);
  ADD ("png-file", test_png_file);
  ADD ("foreign-sqlite", test_foreign_sqlite);
  ADD ("truncated", test_truncated);
  ADD ("overwritten-pages", test_overwritten_pages);
  ADD ("too-new", test_too_new);
  ADD ("missing", test_missing);
  ADD ("read-only-old-version", test_read_only_old_version);
  ADD ("read-only", test_read_only);
#undef ADD

  return g_test_run ();
}
