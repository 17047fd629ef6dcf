/* test-sync-apply.c: koc_sync_store_apply_page() on a real workspace file, without a
 * server — in a page holding a change that cannot be stored (its card's campaign does not
 * exist here) that change is skipped and counted and every other one is stored; the
 * full-text index (suspended during a page, koc-fts-bulk) follows new and updated rows.
 * koc_sync_store_apply_pages(): a group of pages, applied set-based as far as it can be
 * (koc-sync-bulk.c), gives the same rows as page by page when one page has an orphan and
 * a later one an entity this device already has.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "koc-db.h"
#include "koc-sync-store.h"
#include "koc-test-utils.h"

#define PERSON(uid, rev, name) \
  "{\"seq\":" #rev ",\"kind\":\"person\",\"id\":\"" uid "\",\"rev\":" #rev ",\"deleted\":false," \
  "\"data\":{\"uid\":\"" uid "\",\"display_name\":\"" name "\",\"stage\":\"engaged\"," \
  "\"consent\":\"granted\",\"orders\":0,\"spend_cents\":0,\"created_at\":1,\"updated_at\":1," \
  "\"tags\":[\"vip\"]}}"

/* A card of a campaign and a stage this device does not have: cards.campaign_id is NOT
 * NULL, so the insert fails with a constraint error. */
#define ORPHAN_CARD \
  "{\"seq\":2,\"kind\":\"card\",\"id\":\"c1\",\"rev\":1,\"deleted\":false," \
  "\"data\":{\"uid\":\"c1\",\"campaign_uid\":\"nope\",\"person_uid\":\"p1\"," \
  "\"stage_uid\":\"nope\",\"position\":1,\"created_at\":1,\"updated_at\":1}}"

#define NOTE \
  "{\"seq\":3,\"kind\":\"note\",\"id\":\"n1\",\"rev\":2,\"deleted\":false," \
  "\"data\":{\"uid\":\"n1\",\"person_uid\":\"p1\",\"body\":\"met at the fair\"," \
  "\"created_at\":1,\"updated_at\":1}}"

static sqlite3 *
open_workspace (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "client.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return db;
}

static void
apply (sqlite3     *db,
       const char  *body,
       KocSyncPage *page)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (koc_db_begin_write (db, &error));
  g_assert_true (koc_sync_store_apply_page (db, body, page, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (koc_db_commit (db, &error));
}

static gint64
count (sqlite3    *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (koc_db_query_int64 (db, sql, -1, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_skip_and_fts (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  sqlite3 *db = open_workspace (dir);
  KocSyncPage page;
  gint64 cursor = 0;

  /* One change does not fit: it is skipped, the others are stored. */
  apply (db, "{\"changes\":[" PERSON ("p1", 1, "Alice Zhang") "," ORPHAN_CARD "," NOTE "],"
         "\"next\":3,\"more\":false}", &page);
  g_assert_cmpint (page.n_changes, ==, 3);
  g_assert_cmpint (page.n_skipped, ==, 1);
  g_assert_cmpint (page.next, ==, 3);
  g_assert_false (page.more);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people WHERE uid = 'p1'"
                          " AND display_name = 'Alice Zhang'"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_tags"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM notes WHERE uid = 'n1'"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM cards"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM sync_revs"), ==, 2);
  g_assert_cmpint (count (db, "SELECT rev FROM sync_revs WHERE uid = 'n1'"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'alice'"),
                   ==, 1);
  g_assert_true (koc_sync_store_get_cursor (db, &cursor, NULL));
  g_assert_cmpint (cursor, ==, 3);

  /* The updated row leaves the index under its old name. */
  apply (db, "{\"changes\":[" PERSON ("p1", 4, "Bob Li") "," PERSON ("p2", 5, "Carol Wu") "],"
         "\"next\":5,\"more\":false}", &page);
  g_assert_cmpint (page.n_changes, ==, 2);
  g_assert_cmpint (page.n_skipped, ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'alice'"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'bob'"),
                   ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'carol'"),
                   ==, 1);
  g_assert_cmpint (count (db, "SELECT rev FROM sync_revs WHERE uid = 'p1'"), ==, 4);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_tags"), ==, 2);
  /* The FTS triggers are back after both pages. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                          " AND name IN ('people_fts_ai', 'people_fts_au')"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM pragma_integrity_check"
                          " WHERE integrity_check <> 'ok'"), ==, 0);

  koc_db_close (db);
  koc_test_rm_rf (dir);
}

#define PAGE(changes, next, more) "{\"changes\":[" changes "],\"next\":" #next ",\"more\":" more "}"

static void
test_group (void)
{
  g_autofree char *dir = koc_test_make_tmp_dir ();
  sqlite3 *db = open_workspace (dir);
  const char *pages[] = {
    PAGE (PERSON ("p1", 1, "Alice Zhang") "," PERSON ("p2", 2, "Bob Li"), 2, "true"),
    PAGE (PERSON ("p3", 3, "Carol Wu") "," ORPHAN_CARD, 4, "true"),
    PAGE (PERSON ("p4", 5, "Dan Xu") "," PERSON ("p1", 6, "Alice Zhou"), 6, "true"),
    PAGE (PERSON ("p5", 7, "Eve Ma") "," NOTE, 8, "false"),
  };
  g_autoptr(GError) error = NULL;
  KocSyncPage page;

  g_assert_true (koc_db_begin_write (db, &error));
  g_assert_true (koc_sync_store_apply_pages (db, pages, NULL, G_N_ELEMENTS (pages), &page, NULL,
                                             &error));
  g_assert_no_error (error);
  g_assert_true (koc_db_commit (db, &error));

  g_assert_cmpint (page.n_changes, ==, 8);
  g_assert_cmpint (page.n_skipped, ==, 1);
  g_assert_cmpint (page.next, ==, 8);
  g_assert_false (page.more);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people"), ==, 5);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people WHERE uid = 'p1'"
                          " AND display_name = 'Alice Zhou'"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM cards"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM notes WHERE uid = 'n1'"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM sync_revs"), ==, 6);
  g_assert_cmpint (count (db, "SELECT rev FROM sync_revs WHERE uid = 'p1'"), ==, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_tags"), ==, 5);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH"
                          " 'alice OR bob OR carol OR dan OR eve'"), ==, 5);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'zhang'"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM pragma_integrity_check"
                          " WHERE integrity_check <> 'ok'"), ==, 0);

  koc_db_close (db);
  koc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/sync/apply/skip-and-fts", test_skip_and_fts);
  g_test_add_func ("/koc/sync/apply/group", test_group);
  return g_test_run ();
}
