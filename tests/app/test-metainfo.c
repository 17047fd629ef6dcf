/* test-metainfo.c: the metainfo reader behind the About window, on the real merged file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-metainfo.h"

static const char *metainfo_path;

static KocMetainfo *
load (const char * const *languages)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  KocMetainfo *info;

  g_file_get_contents (metainfo_path, &data, &len, &error);
  g_assert_no_error (error);
  info = koc_metainfo_parse (data, len, languages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

static void
test_metainfo_real_file (void)
{
  const char * const english[] = { "en", "C", NULL };
  g_autoptr(KocMetainfo) info = load (english);

  g_assert_cmpstr (info->id, ==, APP_ID);
  g_assert_cmpstr (info->name, ==, "KOC Desk");
  g_assert_nonnull (info->summary);
  g_assert_cmpstr (info->project_license, ==, "GPL-3.0-or-later");
  g_assert_true (g_str_has_prefix (info->homepage, "https://"));
  g_assert_true (g_str_has_prefix (info->bugtracker, "https://"));
  g_assert_cmpstr (info->release_version, ==, PACKAGE_VERSION);
  g_assert_nonnull (info->release_notes);
  g_assert_true (g_str_has_prefix (info->release_notes, "<p>") || g_str_has_prefix (info->release_notes, "<ul>"));
}

static void
test_metainfo_picks_translation (void)
{
  const char * const chinese[] = { "zh_CN", "zh", "C", NULL };
  const char * const english[] = { "C", NULL };
  g_autoptr(KocMetainfo) zh = load (chinese);
  g_autoptr(KocMetainfo) en = load (english);

  /* The merged file carries the zh_CN translation of the summary and release notes. */
  g_assert_cmpstr (zh->summary, !=, en->summary);
  g_assert_true (g_utf8_validate (zh->summary, -1, NULL));
  g_assert_cmpstr (zh->release_notes, !=, en->release_notes);
  g_assert_cmpstr (zh->developer_name, ==, en->developer_name);
}

static void
test_metainfo_inline (void)
{
  static const char doc[] =
    "<component><id>x.y</id><name>N</name><name xml:lang='de'>D</name>"
    "<summary>S</summary><summary xml:lang='de'>Z</summary>"
    "<developer_name>Dev &amp; Co</developer_name>"
    "<url type='homepage'>https://h</url><url type='bugtracker'>https://b</url>"
    "<releases><release version='2.0' date='2026-01-02'><description>"
    "<p>New &lt;stuff&gt;</p><p xml:lang='de'>Neu</p><ul><li>One</li><li>Two</li></ul>"
    "</description></release><release version='1.0'><description><p>Old</p></description></release></releases>"
    "</component>";
  const char * const german[] = { "de", "C", NULL };
  const char * const english[] = { "C", NULL };
  g_autoptr(KocMetainfo) de = koc_metainfo_parse (doc, -1, german, NULL);
  g_autoptr(KocMetainfo) en = koc_metainfo_parse (doc, -1, english, NULL);
  g_autoptr(GError) error = NULL;
  KocMetainfo *bad;

  g_assert_cmpstr (de->name, ==, "D");
  g_assert_cmpstr (de->summary, ==, "Z");
  g_assert_cmpstr (de->release_notes, ==, "<p>Neu</p>");
  g_assert_cmpstr (en->name, ==, "N");
  g_assert_cmpstr (en->developer_name, ==, "Dev & Co");
  g_assert_cmpstr (en->release_version, ==, "2.0");
  g_assert_cmpstr (en->release_date, ==, "2026-01-02");
  g_assert_cmpstr (en->release_notes, ==, "<p>New &lt;stuff&gt;</p><ul><li>One</li><li>Two</li></ul>");

  bad = koc_metainfo_parse ("<component><id>x</id>", -1, english, &error);
  g_assert_null (bad);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  metainfo_path = argv[1];

  g_test_add_func ("/koc/metainfo/real-file", test_metainfo_real_file);
  g_test_add_func ("/koc/metainfo/picks-translation", test_metainfo_picks_translation);
  g_test_add_func ("/koc/metainfo/inline", test_metainfo_inline);

  return g_test_run ();
}
