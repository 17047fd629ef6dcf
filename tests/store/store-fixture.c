/* store-fixture.c: a small, fully known workspace for the store tests.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "koc-db.h"
#include "store-fixture.h"

static const char fixture_sql[] =
  "INSERT INTO brands (id, name, is_own) VALUES (1, '完美日记', 1), (2, '花西子', 0);"
  "INSERT INTO brand_aliases (brand_id, alias) VALUES (1, 'Perfect Diary'), (1, 'PD'),"
  " (2, 'Florasis');"
  "INSERT INTO people (id, display_name, stage, owner, region, category, koc_score, bio)"
  " VALUES (1, '小红', 'advocate', 'amy', '上海', '美妆', 80, '爱分享的美妆达人'),"
  " (2, 'Lily Chen', 'engaged', 'bob', '北京', '护肤', 55, 'skincare nerd'),"
  " (3, '王小明', 'discovered', NULL, '广州', '数码', 30, NULL);"
  "INSERT INTO accounts (id, person_id, platform, handle, display_name, bio, followers,"
  " engagement_rate, last_post_at) VALUES"
  " (1, 1, 'xiaohongshu', 'xiaohong_beauty', '小红的美妆日记', '美妆博主 面膜测评', 52000, 0.08, 5000),"
  " (2, 1, 'douyin', 'xiaohong_dy', '小红', '日常vlog', 1200000, 0.03, 5000),"
  " (3, 2, 'instagram', 'lilyskincare', 'Lily', 'skincare lover', 8000, 0.12, 2000),"
  " (4, 3, 'weibo', 'techwang', '王小明', '数码 iPhone 评测', 300000, 0.01, 3000),"
  " (5, NULL, 'bilibili', 'anon_acc', 'Anon', '探店', 700000, 0.05, 6000);"
  "INSERT INTO posts (id, account_id, text, published_at, likes, comments, shares, saves,"
  " views, kind) VALUES"
  " (1, 1, '这款面膜真的很好用，推荐给姐妹们 #护肤#', 1000, 100, 10, 5, 20, 0, 'note'),"
  " (2, 3, 'My skincare routine with Perfect Diary lipstick', 2000, 50, 5, 1, 2, 0, 'image'),"
  " (3, 4, 'iPhone 15 Pro 拍照效果 amazing', 3000, 900, 80, 30, 10, 0, 'note'),"
  " (4, 1, '完美日记口红试色，好用', 4000, 300, 20, 8, 40, 0, 'note'),"
  " (5, 2, '面膜开箱 视频', 5000, 5000, 300, 100, 200, 90000, 'video'),"
  " (6, 5, '咖啡 探店 上海', 6000, 70, 3, 0, 1, 2000, 'video');"
  "INSERT INTO post_mentions (post_id, brand_id, published_at) VALUES"
  " (2, 1, 2000), (4, 1, 4000), (5, 2, 5000);";

gint64
store_fixture_int (sqlite3    *db,
                   const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  koc_db_query_int64 (db, sql, -1, &value, &error);
  g_assert_no_error (error);
  return value;
}

void
store_fixture_fill (sqlite3 *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (koc_db_begin_write (db, &error));
  g_assert_no_error (error);
  koc_db_exec (db, fixture_sql, &error);
  g_assert_no_error (error);
  g_assert_true (koc_db_commit (db, &error));
  g_assert_no_error (error);
}

void
store_fixture_add_posts (sqlite3    *db,
                         gint64      account_id,
                         const char *text,
                         guint       n)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (koc_db_begin_write (db, &error));
  g_assert_true (koc_db_prepare (db, "INSERT INTO posts (account_id, text, published_at)"
                                     " VALUES (?1, ?2, 10000 + coalesce ((SELECT max(id)"
                                     " FROM posts), 0))", &stmt, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_true (koc_db_commit (db, &error));
  g_assert_no_error (error);
}

void
store_fixture_create_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = koc_db_open (path, KOC_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  store_fixture_fill (db);
  koc_db_close (db);
}

GBytes *
store_fixture_snapshot (const char *path,
                        gint64     *mtime_us)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  *mtime_us = (gint64)st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}
