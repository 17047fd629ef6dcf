/* test-csv.c: the CSV reader on hand-written edge cases.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "io-test-utils.h"
#include "koc-csv.h"
#include "koc-export.h"

#define ROW(rows, i) ((char **) g_ptr_array_index ((rows), (i)))

static void
assert_row (GPtrArray          *rows,
            guint               i,
            const char * const *expected)
{
  char **row;

  g_assert_cmpuint (i, <, rows->len);
  row = ROW (rows, i);
  g_assert_cmpuint (g_strv_length (row), ==, g_strv_length ((char **) expected));
  for (guint c = 0; expected[c] != NULL; c++)
    g_assert_cmpstr (row[c], ==, expected[c]);
}

static void
test_quotes (void)
{
  g_autoptr(KocCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows =
    io_test_read_all ("name,quote\n"
                      "\"Li, Na\",\"She said \"\"hi\"\"\"\n"
                      "\"two\nlines\",\"\"\n"
                      "plain,\"a\"\"\"\n", -1, NULL, &reader);

  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 1, (const char *[]) { "Li, Na", "She said \"hi\"", NULL });
  assert_row (rows, 2, (const char *[]) { "two\nlines", "", NULL });
  assert_row (rows, 3, (const char *[]) { "plain", "a\"", NULL });
  g_assert_cmpuint (koc_csv_reader_get_n_problems (reader), ==, 0);
  /* The last record starts on line 5: the embedded newline counts. */
  g_assert_cmpuint (koc_csv_reader_get_line (reader), ==, 5);
}

static void
test_empty_and_trailing (void)
{
  g_autoptr(KocCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = io_test_read_all ("a,b,c,\n,,,\n1,,3,\n", -1, NULL, &reader);

  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, (const char *[]) { "a", "b", "c", "", NULL });
  assert_row (rows, 1, (const char *[]) { "", "", "", "", NULL });
  assert_row (rows, 2, (const char *[]) { "1", "", "3", "", NULL });
  g_assert_cmpuint (koc_csv_reader_get_n_problems (reader), ==, 0);
}

static void
test_line_ends (void)
{
  /* CRLF, LF, a lone CR, no final newline, and a blank line in between. */
  g_autoptr(GPtrArray) rows = io_test_read_all ("h1,h2\r\n1,2\n3,4\r5,6\r\n\r\n7,\"8\r9\"", -1, NULL, NULL);

  g_assert_cmpuint (rows->len, ==, 5);
  assert_row (rows, 1, (const char *[]) { "1", "2", NULL });
  assert_row (rows, 2, (const char *[]) { "3", "4", NULL });
  assert_row (rows, 3, (const char *[]) { "5", "6", NULL });
  assert_row (rows, 4, (const char *[]) { "7", "8\r9", NULL });
}

static void
test_bom (void)
{
  g_autoptr(KocCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = io_test_read_all ("\xEF\xBB\xBFlabel,review\r\n1,\xEF\xBB\xBF好评\r\n", -1,
                                                NULL, &reader);

  g_assert_cmpstr (koc_csv_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_true (koc_csv_reader_get_has_bom (reader));
  /* The BOM at the start is not data; the one inside a field is. */
  assert_row (rows, 0, (const char *[]) { "label", "review", NULL });
  assert_row (rows, 1, (const char *[]) { "1", "\xEF\xBB\xBF好评", NULL });
}

static void
test_utf16 (gconstpointer data)
{
  const char *encoding = data;
  const char *text = "昵称\t粉丝\r\n小美\t\"3.3万\"\r\n\"Ann\nB\"\t12\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCsvReader) reader = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize len = 0;

  converted = g_convert (text, -1, encoding, "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  file = g_malloc (len + 2);
  if (g_str_equal (encoding, "UTF-16LE"))
    memcpy (file, "\xFF\xFE", 2);
  else
    memcpy (file, "\xFE\xFF", 2);
  memcpy (file + 2, converted, len);

  rows = io_test_read_all (file, len + 2, NULL, &reader);
  g_assert_cmpstr (koc_csv_reader_get_encoding (reader), ==, encoding);
  g_assert_cmpint (koc_csv_reader_get_delimiter (reader), ==, '\t');
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, (const char *[]) { "昵称", "粉丝", NULL });
  assert_row (rows, 1, (const char *[]) { "小美", "3.3万", NULL });
  assert_row (rows, 2, (const char *[]) { "Ann\nB", "12", NULL });
  g_assert_cmpuint (koc_csv_reader_get_n_problems (reader), ==, 0);
}

static void
test_sniff_delimiter (void)
{
  g_autoptr(KocCsvReader) semi = NULL;
  g_autoptr(KocCsvReader) tab = NULL;
  g_autoptr(GPtrArray) rows1 = io_test_read_all ("name;followers;note\nA;1,5;\"x; y, z\"\nB;2;c,d\n", -1,
                                                 NULL, &semi);
  g_autoptr(GPtrArray) rows2 = io_test_read_all ("name\tbio\tfollowers\nA\tx, y\t3\nB\tz\t4\n", -1, NULL, &tab);

  g_assert_cmpint (koc_csv_reader_get_delimiter (semi), ==, ';');
  assert_row (rows1, 1, (const char *[]) { "A", "1,5", "x; y, z", NULL });
  g_assert_cmpint (koc_csv_reader_get_delimiter (tab), ==, '\t');
  assert_row (rows2, 1, (const char *[]) { "A", "x, y", "3", NULL });
}

static void
test_ragged (void)
{
  g_autoptr(KocCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = io_test_read_all ("a,b,c\n1,2,3\n4,5\n6,7,8,9\n", -1, NULL, &reader);
  GPtrArray *problems = koc_csv_reader_get_problems (reader);
  KocCsvProblem *p;

  /* Kept, not dropped. */
  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 2, (const char *[]) { "4", "5", NULL });
  g_assert_cmpuint (problems->len, ==, 2);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpint (p->kind, ==, KOC_CSV_PROBLEM_RAGGED);
  g_assert_cmpuint (p->record, ==, 3);
  g_assert_cmpuint (p->line, ==, 3);
  g_assert_cmpuint (p->offset, ==, 12);
  g_assert_cmpuint (p->expected, ==, 3);
  g_assert_cmpuint (p->found, ==, 2);
  g_assert_nonnull (strstr (p->message, "2 fields where the header has 3"));
  p = g_ptr_array_index (problems, 1);
  g_assert_cmpuint (p->record, ==, 4);
  g_assert_cmpuint (p->found, ==, 4);
}

static void
test_quote_problems (void)
{
  g_autoptr(KocCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = io_test_read_all ("a,b\n\"x\"y,2\n3,\"never closed\n4,5\n", -1, NULL, &reader);
  GPtrArray *problems = koc_csv_reader_get_problems (reader);
  KocCsvProblem *p;

  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 1, (const char *[]) { "xy", "2", NULL });
  assert_row (rows, 2, (const char *[]) { "3", "never closed\n4,5\n", NULL });
  g_assert_cmpuint (problems->len, ==, 2);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpint (p->kind, ==, KOC_CSV_PROBLEM_STRAY_QUOTE);
  g_assert_cmpuint (p->line, ==, 2);
  g_assert_cmpuint (p->column, ==, 1);
  g_assert_cmpuint (p->offset, ==, 7);
  p = g_ptr_array_index (problems, 1);
  g_assert_cmpint (p->kind, ==, KOC_CSV_PROBLEM_UNCLOSED_QUOTE);
  g_assert_cmpuint (p->line, ==, 3);
  g_assert_cmpuint (p->column, ==, 2);
  g_assert_cmpuint (p->offset, ==, 13);
}

static void
test_encoding_errors (void)
{
  KocCsvOptions utf8 = { "utf-8", 0, 0 };
  KocCsvOptions cp1252 = { "cp1252", 0, 0 };
  g_autoptr(KocCsvReader) r1 = NULL;
  g_autoptr(KocCsvReader) r2 = NULL;
  g_autoptr(GPtrArray) rows1 = io_test_read_all ("a,b\nok,\"x\"\"\xFFy\"\n", -1, &utf8, &r1);
  g_autoptr(GPtrArray) rows2 = io_test_read_all ("a,b\ncaf\xE9,x\x81y\n", -1, &cp1252, &r2);
  KocCsvProblem *p;

  /* Offset of the 0xFF byte in the file, past the opening and the doubled quote. */
  assert_row (rows1, 1, (const char *[]) { "ok", "x\"\xEF\xBF\xBDy", NULL });
  g_assert_cmpuint (koc_csv_reader_get_problems (r1)->len, ==, 1);
  p = g_ptr_array_index (koc_csv_reader_get_problems (r1), 0);
  g_assert_cmpint (p->kind, ==, KOC_CSV_PROBLEM_ENCODING);
  g_assert_cmpuint (p->offset, ==, 11);
  g_assert_cmpuint (p->column, ==, 2);
  g_assert_nonnull (strstr (p->message, "--encoding"));

  /* 0x81 is undefined in cp1252. */
  assert_row (rows2, 1, (const char *[]) { "café", "x\xEF\xBF\xBDy", NULL });
  p = g_ptr_array_index (koc_csv_reader_get_problems (r2), 0);
  g_assert_cmpuint (p->offset, ==, 10);
  g_assert_cmpuint (p->line, ==, 2);
}

static void
test_encoding_options (void)
{
  KocCsvOptions bad = { "klingon-8", 0, 0 };
  KocCsvOptions gb = { "GBK", 0, 0 };
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a\n", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(KocCsvReader) reader = koc_csv_reader_new_for_bytes (bytes, &bad, &error);
  g_autoptr(KocCsvReader) gb_reader = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_null (reader);
  g_assert_error (error, KOC_CSV_ERROR, KOC_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "klingon-8"));

  /* "昵称,粉丝" in GBK, read as GB18030. */
  rows = io_test_read_all ("\xEA\xC7\xB3\xC6,\xB7\xDB\xCB\xBF\n", -1, &gb, &gb_reader);
  g_assert_cmpstr (koc_csv_reader_get_encoding (gb_reader), ==, "GB18030");
  assert_row (rows, 0, (const char *[]) { "昵称", "粉丝", NULL });
}

static void
test_detect (void)
{
  gsize bom = 0;

  g_assert_cmpstr (koc_csv_detect_encoding ((const guint8 *) "plain,ascii\n", 12, &bom), ==, "UTF-8");
  g_assert_cmpuint (bom, ==, 0);
  /* "小红书,博主\n" in GB18030: two-byte runs. */
  g_assert_cmpstr (koc_csv_detect_encoding ((const guint8 *) "\xD0\xA1\xBA\xEC\xCA\xE9,\xB2\xA9\xD6\xF7\n",
                                            12, &bom), ==, "GB18030");
  /* "café, naïve" in cp1252: isolated high bytes. */
  g_assert_cmpstr (koc_csv_detect_encoding ((const guint8 *) "caf\xE9, na\xEFve\n", 12, &bom), ==,
                   "WINDOWS-1252");
  /* UTF-16 without a byte order mark: a zero beside every ASCII byte. */
  g_assert_cmpstr (koc_csv_detect_encoding ((const guint8 *) "a\0,\0b\0\n\0", 8, &bom), ==, "UTF-16LE");
  g_assert_cmpstr (koc_csv_detect_encoding ((const guint8 *) "\0a\0,\0b\0\n", 8, &bom), ==, "UTF-16BE");
  g_assert_cmpuint (bom, ==, 0);
}

static void
test_nfc (void)
{
  /* e + COMBINING ACUTE → é; Hangul jamo → syllable. */
  g_autoptr(GPtrArray) rows = io_test_read_all ("name\nJose\xCC\x81\n\xE1\x84\x92\xE1\x85\xA1\n", -1, NULL, NULL);

  g_assert_cmpstr (ROW (rows, 1)[0], ==, "Jos\xC3\xA9");
  g_assert_cmpstr (ROW (rows, 2)[0], ==, "\xED\x95\x98");
}

static void
test_writer_round_trip (void)
{
  const char *fields[] = { "plain", "", "comma, inside", "quote \"q\"", "line\nbreak", "cr\rlf\r\n",
                           " padded ", "\xEF\xBB\xBF" "bom", "末尾,中文", NULL };
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;

  for (guint r = 0; r < 2; r++)
    {
      for (guint i = 0; fields[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (csv, ',');
          koc_csv_append_field (csv, fields[i], ',');
        }
      g_string_append (csv, "\r\n");
    }
  rows = io_test_read_all (csv->str, csv->len, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, fields);
  assert_row (rows, 1, fields);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/koc/csv/quotes", test_quotes);
  g_test_add_func ("/koc/csv/empty-and-trailing", test_empty_and_trailing);
  g_test_add_func ("/koc/csv/line-ends", test_line_ends);
  g_test_add_func ("/koc/csv/bom", test_bom);
  g_test_add_data_func ("/koc/csv/utf16le", "UTF-16LE", test_utf16);
  g_test_add_data_func ("/koc/csv/utf16be", "UTF-16BE", test_utf16);
  g_test_add_func ("/koc/csv/sniff-delimiter", test_sniff_delimiter);
  g_test_add_func ("/koc/csv/ragged", test_ragged);
  g_test_add_func ("/koc/csv/quote-problems", test_quote_problems);
  g_test_add_func ("/koc/csv/encoding-errors", test_encoding_errors);
  g_test_add_func ("/koc/csv/encoding-options", test_encoding_options);
  g_test_add_func ("/koc/csv/detect", test_detect);
  g_test_add_func ("/koc/csv/nfc", test_nfc);
  g_test_add_func ("/koc/csv/writer-round-trip", test_writer_round_trip);

  return g_test_run ();
}
