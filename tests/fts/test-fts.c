/* test-fts.c: the "koc" FTS5 tokenizer inside SQLite and koc_fts_build_match().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koc-fts.h"

static sqlite3 *
open_db (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (koc_fts_register (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'koc')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
insert_rows (sqlite3     *db,
             const char **rows)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t(body) VALUES (?1)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (; *rows != NULL; rows++)
    {
      sqlite3_bind_text (stmt, 1, *rows, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
}

/* Rows matching the raw MATCH expression; -1 on an SQLite error. */
static int
count_match (sqlite3    *db,
             const char *match)
{
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  else
    g_test_message ("MATCH %s: %s", match, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return count;
}

/* Rows matching what a user typed. */
static int
count_query (sqlite3    *db,
             const char *query)
{
  g_autofree char *match = koc_fts_build_match (query);

  g_assert_nonnull (match);
  return count_match (db, match);
}

/* The one value of a single-row query taking the user query as ?1. */
static char *
query_text (sqlite3    *db,
            const char *sql,
            const char *query)
{
  g_autofree char *match = koc_fts_build_match (query);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

static void
test_register (void)
{
  sqlite3 *db = open_db ();

  /* The tokenizer takes no arguments. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE bad USING fts5(x, tokenize = 'koc zh')",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  /* Registering twice replaces the tokenizer harmlessly. */
  g_assert_cmpint (koc_fts_register (db), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_chinese (void)
{
  const char *rows[] = { "这款面膜真的很好用", "面包很好吃", "姐妹们都说好用", "推荐给姐妹们", NULL };
  sqlite3 *db = open_db ();

  insert_rows (db, rows);
  g_assert_cmpint (count_query (db, "面膜"), ==, 1);
  g_assert_cmpint (count_query (db, "好用"), ==, 2);   /* ICU words miss 很好用 */
  g_assert_cmpint (count_query (db, "很好"), ==, 2);
  g_assert_cmpint (count_query (db, "很好用"), ==, 1);
  g_assert_cmpint (count_query (db, "姐妹"), ==, 2);
  g_assert_cmpint (count_query (db, "面膜 好用"), ==, 1);
  g_assert_cmpint (count_query (db, "面膜好用"), ==, 0);
  g_assert_cmpint (count_query (db, "面包"), ==, 1);
  /* One character: start, middle and end of a run. */
  g_assert_cmpint (count_query (db, "膜"), ==, 1);
  g_assert_cmpint (count_query (db, "面"), ==, 2);
  g_assert_cmpint (count_query (db, "用"), ==, 2);
  g_assert_cmpint (count_query (db, "们"), ==, 2);
  g_assert_cmpint (count_query (db, "吃"), ==, 1);
  g_assert_cmpint (count_query (db, "书"), ==, 0);
  sqlite3_close (db);
}

static void
test_highlight (void)
{
  const char *rows[] = { "这款面膜真的很好用", "小红书种草：SK-II神仙水 230ml 到手价¥1,099 cheaper than SEPHORA", NULL };
  const char *hl = "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1";
  const char *sn = "SELECT snippet(t, 0, '[', ']', '…', 8) FROM t WHERE t MATCH ?1 AND rowid = 3";
  sqlite3 *db = open_db ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  const char *long_rows[] = { NULL, NULL };
  guint i;
  char *s;

  insert_rows (db, rows);
#define ASSERT_TEXT(sql, q, expected) \
  s = query_text (db, sql, q); g_assert_cmpstr (s, ==, expected); g_free (s)
  ASSERT_TEXT (hl, "面膜", "这款[面膜]真的很好用");
  ASSERT_TEXT (hl, "好用", "这款面膜真的很[好用]");
  ASSERT_TEXT (hl, "很好用", "这款面膜真的[很好用]");
  ASSERT_TEXT (hl, "sephora", "小红书种草：SK-II神仙水 230ml 到手价¥1,099 cheaper than [SEPHORA]");
  ASSERT_TEXT (hl, "神仙水 1,099", "小红书种草：SK-II[神仙水] 230ml 到手价¥[1,099] cheaper than SEPHORA");

  for (i = 0; i < 300; i++)
    g_string_append (long_text, "今天天气不错，出去走走。");
  g_string_append (long_text, "这款面膜真的很好用");
  for (i = 0; i < 300; i++)
    g_string_append (long_text, "Nothing else to say here. ");
  long_rows[0] = long_text->str;
  insert_rows (db, long_rows);
  ASSERT_TEXT (sn, "面膜 很好用", "…款[面膜]真的[很好用]Nothing…");
#undef ASSERT_TEXT
  sqlite3_close (db);
}

static void
test_mixed_and_folding (void)
{
  const char *rows[] = { "我买了iPhone 15 Pro拍照效果amazing", "ＡＢＣ１２３ SEPHORA", "abc123 sephora",
                         "Straße", NULL };
  sqlite3 *db = open_db ();

  insert_rows (db, rows);
  g_assert_cmpint (count_query (db, "iphone"), ==, 1);
  g_assert_cmpint (count_query (db, "IPHONE 15"), ==, 1);
  g_assert_cmpint (count_query (db, "\"iPhone 15 Pro\""), ==, 1);
  g_assert_cmpint (count_query (db, "Pro拍照"), ==, 1);
  g_assert_cmpint (count_query (db, "效果amazing"), ==, 1);
  g_assert_cmpint (count_query (db, "abc123"), ==, 2);
  g_assert_cmpint (count_query (db, "ＡＢＣ１２３"), ==, 2);
  g_assert_cmpint (count_query (db, "Sephora"), ==, 2);
  g_assert_cmpint (count_query (db, "sepho*"), ==, 2);
  g_assert_cmpint (count_query (db, "sepho"), ==, 0);
  g_assert_cmpint (count_query (db, "STRASSE"), ==, 1);
  sqlite3_close (db);
}

static void
test_tags (void)
{
  const char *rows[] = { "今天#话题#好", "话题很多", "#话题 without close", "@someone 你好",
                         "@someone_else hi", "someone here", "mail someone@example.com",
                         "开心[哈哈]", "哈哈哈笑死", "[哈哈]", "#Apple is great", NULL };
  sqlite3 *db = open_db ();

  insert_rows (db, rows);
  g_assert_cmpint (count_query (db, "#话题#"), ==, 1);
  g_assert_cmpint (count_query (db, "#话题"), ==, 1);
  g_assert_cmpint (count_query (db, "话题"), ==, 3);
  g_assert_cmpint (count_query (db, "@someone"), ==, 1);
  g_assert_cmpint (count_query (db, "@SomeOne"), ==, 1);
  g_assert_cmpint (count_query (db, "someone"), ==, 2);
  g_assert_cmpint (count_query (db, "#apple"), ==, 1);
  g_assert_cmpint (count_query (db, "apple"), ==, 1);
  /* Emoticons: the code matches, its inside does not. */
  g_assert_cmpint (count_query (db, "[哈哈]"), ==, 2);
  g_assert_cmpint (count_query (db, "哈哈"), ==, 1);
  g_assert_cmpint (count_query (db, "开心"), ==, 1);
  sqlite3_close (db);
}

static void
test_scripts_and_emoji (void)
{
  const char *rows[] = { "このコスメは最高です", "화장품 추천해요", "ครีมนี้ดีมาก", "好用😍👍🏻 love ❤️",
                         "𠮷野家の牛丼", NULL };
  sqlite3 *db = open_db ();

  insert_rows (db, rows);
  g_assert_cmpint (count_query (db, "コスメ"), ==, 1);
  g_assert_cmpint (count_query (db, "最高"), ==, 1);
  g_assert_cmpint (count_query (db, "화장품"), ==, 1);
  g_assert_cmpint (count_query (db, "ครีม"), ==, 1);
  g_assert_cmpint (count_query (db, "😍"), ==, 1);
  g_assert_cmpint (count_query (db, "❤"), ==, 1);
  g_assert_cmpint (count_query (db, "❤️"), ==, 1);
  g_assert_cmpint (count_query (db, "𠮷野家"), ==, 1);
  g_assert_cmpint (count_query (db, "牛丼"), ==, 1);
  sqlite3_close (db);
}

static void
test_robust_documents (void)
{
  static const char invalid[] = "abc\xff\xfe面膜\xc3 x\xe9\x9d好";
  const char *rows[] = { "", " ", invalid, "\xef\xbb\xbf更博了", "新冠\xe2\x80\x8b肺炎", "@ # [ ] ##",
                         "\xf0\x9f\x98", NULL };
  g_autoptr(GString) huge = g_string_new (NULL);
  const char *huge_rows[] = { NULL, NULL };
  sqlite3 *db = open_db ();
  sqlite3_stmt *stmt = NULL;
  guint i;

  for (i = 0; i < 2000; i++)
    g_string_append (huge, i % 7 == 0 ? "Word " : "面膜好用😀");
  huge_rows[0] = huge->str;
  insert_rows (db, rows);
  insert_rows (db, huge_rows);

  g_assert_cmpint (count_query (db, "面膜"), ==, 2);
  g_assert_cmpint (count_query (db, "更博"), ==, 1);
  g_assert_cmpint (count_query (db, "肺炎"), ==, 1);
  g_assert_cmpint (count_query (db, "新冠肺炎"), ==, 1);
  g_assert_cmpint (count_query (db, "word"), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO t(t) VALUES ('integrity-check')", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  /* highlight() re-tokenizes every document; offsets must stay valid for all of them. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT length(highlight(t, 0, '<', '>')) FROM t "
                                       "WHERE t MATCH '\"面\" *'", -1, &stmt, NULL), ==, SQLITE_OK);
  for (i = 0; sqlite3_step (stmt) == SQLITE_ROW; i++)
    g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  g_assert_cmpuint (i, ==, 2);
  sqlite3_finalize (stmt);

  /* Deleting rows re-tokenizes them too (the index stays consistent). */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM t WHERE rowid % 2 = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO t(t) VALUES ('integrity-check')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_build_match (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "", NULL },
    { "  \t\n　", NULL },
    { "!!! ... -", NULL },
    { "面膜", "\"面膜\"" },
    { "面膜 好用", "\"面膜\" AND \"好用\"" },
    { "膜", "\"膜\" *" },
    { "a膜", "\"a膜\" *" },
    { "sepho*", "\"sepho\" *" },
    { "NOT AND OR", "\"NOT\" AND \"AND\" AND \"OR\"" },
    { "say\"hi", "\"say\" AND \"hi\"" },
    { "\"iPhone 15\" pro", "\"iPhone 15\" AND \"pro\"" },
    { "\"unbalanced phrase", "\"unbalanced phrase\"" },
    { "#Sweet 晨安# x", "\"#Sweet 晨安#\" AND \"x\"" },
    { "col:a^b (c) NEAR(d e)", "\"col:a^b\" AND \"(c)\" AND \"NEAR(d\" AND \"e)\"" },
    { "*", NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = koc_fts_build_match (cases[i].in);

      g_test_message ("%s -> %s", cases[i].in, match);
      g_assert_cmpstr (match, ==, cases[i].out);
    }
  g_assert_null (koc_fts_build_match (NULL));
}

/* A few thousand random inputs: the built expression never makes SQLite fail. */
static void
test_query_fuzz (void)
{
  static const char *pieces[] = {
    "\"", "'", "*", ":", "^", "-", "+", "(", ")", "{", "}", "[", "]", ",", ".", "#", "@",
    "AND", "OR", "NOT", "NEAR", "NEAR(", "and", " ", "  ", "\t", "\n", "面", "膜", "好用",
    "哈哈", "[哈哈]", "#话题#", "@someone", "abc", "ＡＢＣ", "😀", "\xe2\x80\x8b", "\xef\xbb\xbf",
    "\xff", "\xc3", "\x80", "\xf0\x9f", "body:", "t:", "\\", "%", "_", "0", "1,099", "コスメ",
  };
  const char *rows[] = { "这款面膜真的很好用 #话题# @someone [哈哈] abc", "NOT AND OR near body", NULL };
  sqlite3 *db = open_db ();
  guint i;
  guint n_null = 0;

  insert_rows (db, rows);
  for (i = 0; i < 4000; i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      guint n = g_test_rand_int_range (0, 12);
      g_autofree char *match = NULL;

      while (n-- > 0)
        {
          if (g_test_rand_int_range (0, 4) == 0)
            g_string_append_c (s, (char) g_test_rand_int_range (1, 256));
          else
            g_string_append (s, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
        }
      match = koc_fts_build_match (s->str);
      if (match == NULL)
        {
          n_null++;
          continue;
        }
      if (count_match (db, match) < 0)
        g_error ("query %s gave MATCH %s: %s", s->str, match, sqlite3_errmsg (db));
    }
  g_test_message ("%u of 4000 random queries were empty", n_null);
  g_assert_cmpuint (n_null, <, 4000);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fts/register", test_register);
  g_test_add_func ("/fts/chinese", test_chinese);
  g_test_add_func ("/fts/highlight", test_highlight);
  g_test_add_func ("/fts/mixed-and-folding", test_mixed_and_folding);
  g_test_add_func ("/fts/tags", test_tags);
  g_test_add_func ("/fts/scripts-and-emoji", test_scripts_and_emoji);
  g_test_add_func ("/fts/robust-documents", test_robust_documents);
  g_test_add_func ("/fts/build-match", test_build_match);
  g_test_add_func ("/fts/query-fuzz", test_query_fuzz);

  return g_test_run ();
}
