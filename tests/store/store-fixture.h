/* store-fixture.h: a small, fully known workspace for the store tests.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Brands: 1 完美日记 (own; aliases Perfect Diary, PD), 2 花西子 (competitor).
 * People: 1 小红 (advocate, amy, 上海, 美妆, 80), 2 Lily Chen (engaged, bob, 北京, 护肤, 55),
 *         3 王小明 (discovered, no owner, 广州, 数码, 30).
 * Accounts: 1 xiaohongshu/xiaohong_beauty (p1, 52000 micro, 0.08),
 *           2 douyin/xiaohong_dy (p1, 1200000 mega, 0.03),
 *           3 instagram/lilyskincare (p2, 8000 nano, 0.12),
 *           4 weibo/techwang (p3, 300000 mid, 0.01),
 *           5 bilibili/anon_acc (no person, 700000 macro, 0.05).
 * Posts 1–6 (published 1000…6000, in rowid order); mentions: post 2 and 4 → brand 1,
 * post 5 → brand 2. */
void     store_fixture_fill        (sqlite3    *db);

/* Appends @n posts to @account_id with @text, in one transaction. */
void     store_fixture_add_posts   (sqlite3    *db,
                                    gint64      account_id,
                                    const char *text,
                                    guint       n);

/* Runs @sql and returns the first column of the first row. */
gint64   store_fixture_int         (sqlite3    *db,
                                    const char *sql);

/* Opens @path with koc_db_open(KOC_STORE_OPEN_CREATE) and fills it; closes it. */
void     store_fixture_create_file (const char *path);

/* The bytes of @path (to compare before/after), and its mtime in *mtime_us. */
GBytes  *store_fixture_snapshot    (const char *path,
                                    gint64     *mtime_us);

G_END_DECLS
