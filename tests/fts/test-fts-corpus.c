/* test-fts-corpus.c: the "koc" tokenizer over the real Weibo/Twitter posts of ../shared/corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is indexed into an FTS5 table in a temporary database file.  For ordinary Chinese
 * words the number of matching rows must equal an independent count: rows whose text, after
 * removing Weibo emoticon codes (deliberately not searchable by their inside) and invisible
 * default-ignorable characters, then NFKC normalization and case folding, contains the word.
 */
#include "config.h"

#include <string.h>

#include "koc-csv.h"
#include "koc-fts.h"
#include "koc-test-utils.h"
#include "koc-tokenize.h"

typedef struct
{
  char      *dir;
  sqlite3   *db;
  GPtrArray *texts;
} Corpus;

/* One column of a corpus file, every data row, read with the project's CSV reader
 * (src/io; its encoding detection is tested in tests/io, here the charset is given). */
static GPtrArray *
read_csv_column (const char *path,
                 const char *charset,
                 guint       column)
{
  KocCsvOptions options = { charset, ',', 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCsvReader) reader = koc_csv_reader_new_for_path (path, &options, &error);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  const char * const *cells;
  guint n;

  g_assert_no_error (error);
  g_assert_nonnull (koc_csv_reader_next (reader, &n)); /* the header */
  while ((cells = koc_csv_reader_next (reader, &n)) != NULL)
    g_ptr_array_add (texts, g_strdup (column < n ? cells[column] : ""));
  g_assert_cmpuint (koc_csv_reader_get_n_problems (reader), ==, 0);
  return texts;
}

static gboolean
corpus_load (Corpus     *corpus,
             const char *name,
             const char *charset,
             guint       column)
{
  g_autofree char *path = koc_test_corpus_file (name);
  g_autofree char *db_path = NULL;
  sqlite3_stmt *stmt = NULL;
  guint i;

  if (path == NULL)
    return FALSE;
  corpus->texts = read_csv_column (path, charset != NULL ? charset : "UTF-8", column);

  corpus->dir = koc_test_make_tmp_dir ();
  db_path = g_build_filename (corpus->dir, "fts.sqlite", NULL);
  g_assert_cmpint (sqlite3_open (db_path, &corpus->db), ==, SQLITE_OK);
  g_assert_cmpint (koc_fts_register (corpus->db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (corpus->db,
                                 "PRAGMA journal_mode = WAL;"
                                 "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'koc');"
                                 "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (corpus->db, "INSERT INTO t(body) VALUES (?1)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (i = 0; i < corpus->texts->len; i++)
    {
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (corpus->texts, i), -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (corpus->db, "COMMIT; INSERT INTO t(t) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return TRUE;
}

static void
corpus_clear (Corpus *corpus)
{
  g_clear_pointer (&corpus->db, sqlite3_close);
  g_clear_pointer (&corpus->texts, g_ptr_array_unref);
  if (corpus->dir != NULL)
    koc_test_rm_rf (corpus->dir);
  g_clear_pointer (&corpus->dir, g_free);
}

static int
fts_count (Corpus     *corpus,
           const char *query)
{
  g_autofree char *match = koc_fts_build_match (query);
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_nonnull (match);
  g_assert_cmpint (sqlite3_prepare_v2 (corpus->db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static gboolean
is_invisible (gunichar c)
{
  return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x180B && c <= 0x180F) ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) ||
         c == 0xFEFF || c == 0xFFA0 || (c >= 0xE0000 && c <= 0xE0FFF);
}

/* The searchable form of a row, computed without the tokenizer. */
static char *
plain_form (GRegex     *emoticon,
            const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *no_emoticons = g_regex_replace_literal (emoticon, valid, -1, 0, " ", 0, NULL);
  g_autoptr(GString) visible = g_string_new (NULL);
  g_autofree char *normalized = NULL;
  const char *p;

  for (p = no_emoticons; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_invisible (g_utf8_get_char (p)))
      g_string_append_unichar (visible, g_utf8_get_char (p));
  normalized = g_utf8_normalize (visible->str, -1, G_NORMALIZE_NFKC);
  return g_utf8_casefold (normalized, -1);
}

static void
assert_counts_equal (Corpus      *corpus,
                     const char **words)
{
  g_autoptr(GRegex) emoticon = g_regex_new ("\\[(?=[\\p{L}\\p{Nd}]*\\p{L})[\\p{L}\\p{Nd}]{1,8}\\]",
                                            0, 0, NULL);
  g_autoptr(GPtrArray) plain = g_ptr_array_new_with_free_func (g_free);
  guint i;
  guint j;

  g_assert_nonnull (emoticon);
  for (i = 0; i < corpus->texts->len; i++)
    g_ptr_array_add (plain, plain_form (emoticon, g_ptr_array_index (corpus->texts, i)));

  for (j = 0; words[j] != NULL; j++)
    {
      int expected = 0;

      for (i = 0; i < plain->len; i++)
        expected += strstr (g_ptr_array_index (plain, i), words[j]) != NULL;
      g_test_message ("%s: %d rows", words[j], expected);
      g_assert_cmpint (expected, >, 0);
      g_assert_cmpint (fts_count (corpus, words[j]), ==, expected);
    }
}

static int
raw_count (Corpus     *corpus,
           const char *needle)
{
  int n = 0;
  guint i;

  for (i = 0; i < corpus->texts->len; i++)
    n += strstr (g_ptr_array_index (corpus->texts, i), needle) != NULL;
  return n;
}

static gboolean
count_cb (const KocToken *token,
          gpointer        user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* Tokenizer throughput over the corpus texts, reported only with -m perf. */
static void
report_throughput (Corpus     *corpus,
                   const char *name)
{
  g_autoptr(KocTokenizer) tokenizer = koc_tokenizer_new (NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  gsize bytes = 0;
  guint n_tokens = 0;
  guint round;
  guint i;

  if (!g_test_perf ())
    return;

  for (round = 0; round < 5; round++)
    for (i = 0; i < corpus->texts->len; i++)
      {
        const char *text = g_ptr_array_index (corpus->texts, i);

        bytes += strlen (text);
        koc_tokenizer_run (tokenizer, text, -1, KOC_TOKENIZE_DOCUMENT, count_cb, &n_tokens);
      }
  g_test_minimized_result (g_timer_elapsed (timer, NULL), "%s: %.1f MB/s, %u tokens",
                           name, bytes / 1e6 / g_timer_elapsed (timer, NULL), n_tokens / 5);
}

static void
test_weibo_senti (void)
{
  const char *words[] = { "哈哈", "喜欢", "生日", "开心", "今天", "朋友", "加油", "北京", "爱", "好",
                          "谢谢", "一起", NULL };
  Corpus corpus = { 0 };

  if (!corpus_load (&corpus, "weibo_senti_100k_subset2400.csv", NULL, 1))
    return;
  g_assert_cmpuint (corpus.texts->len, ==, 2400);
  assert_counts_equal (&corpus, words);
  /* Emoticon codes are searchable as such. */
  g_assert_cmpint (fts_count (&corpus, "[哈哈]"), ==, raw_count (&corpus, "[哈哈]"));
  g_assert_cmpint (fts_count (&corpus, "[爱你]"), ==, raw_count (&corpus, "[爱你]"));
  report_throughput (&corpus, "weibo_senti");
  corpus_clear (&corpus);
}

static void
test_covid_labeled (void)
{
  const char *words[] = { "武汉", "肺炎", "疫情", "口罩", "加油", "医生", "新冠", "病毒", "希望",
                          "中国", "钟南山", "武汉加油", "新冠肺炎", "致敬", NULL };
  Corpus corpus = { 0 };

  if (!corpus_load (&corpus, "covid19_weibo_labeled_21173.csv", NULL, 0))
    return;
  g_assert_cmpuint (corpus.texts->len, ==, 21173);
  assert_counts_equal (&corpus, words);
  report_throughput (&corpus, "covid19_labeled");
  corpus_clear (&corpus);
}

static void
test_covid_gb18030 (void)
{
  const char *words[] = { "武汉", "疫情", "口罩", "钟南山", "医护人员", NULL };
  Corpus corpus = { 0 };

  if (!corpus_load (&corpus, "covid19_weibo_unlabeled_0301_gb18030.csv", "GB18030", 1))
    return;
  g_assert_cmpuint (corpus.texts->len, ==, 11254);
  assert_counts_equal (&corpus, words);
  /* Weibo topics: the whole-tag query finds a subset of the rows holding that text. */
  g_assert_cmpint (fts_count (&corpus, "#新冠肺炎#"), >, 0);
  g_assert_cmpint (fts_count (&corpus, "#新冠肺炎#"), <=, raw_count (&corpus, "#新冠肺炎#"));
  report_throughput (&corpus, "covid19_gb18030");
  corpus_clear (&corpus);
}

static void
test_apple_cp1252 (void)
{
  Corpus corpus = { 0 };
  int apple;

  if (!corpus_load (&corpus, "apple_twitter_sentiment_dfe_cp1252.csv", "CP1252", 11))
    return;
  g_assert_cmpuint (corpus.texts->len, ==, 3886);
  apple = fts_count (&corpus, "apple");
  g_test_message ("apple: %d rows, #apple: %d, @apple: %d", apple,
                  fts_count (&corpus, "#apple"), fts_count (&corpus, "@apple"));
  g_assert_cmpint (apple, >, 1000);
  g_assert_cmpint (fts_count (&corpus, "APPLE"), ==, apple);
  g_assert_cmpint (fts_count (&corpus, "@apple"), >, 0);
  g_assert_cmpint (fts_count (&corpus, "@apple"), <=, apple);
  g_assert_cmpint (fts_count (&corpus, "iphone"), >, 0);
  report_throughput (&corpus, "apple_cp1252");
  corpus_clear (&corpus);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fts-corpus/weibo-senti", test_weibo_senti);
  g_test_add_func ("/fts-corpus/covid-labeled", test_covid_labeled);
  g_test_add_func ("/fts-corpus/covid-gb18030", test_covid_gb18030);
  g_test_add_func ("/fts-corpus/apple-cp1252", test_apple_cp1252);

  return g_test_run ();
}
