/* test-import-map.c: guessing fields from English and Chinese headers, and --map.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koc-import-map.h"

static const struct
{
  const char *header;
  KocField    field;
} cases[] = {
  { "name", KOC_FIELD_NAME }, { "Display Name", KOC_FIELD_NAME }, { "昵称", KOC_FIELD_NAME },
  { "姓名", KOC_FIELD_NAME }, { "达人昵称", KOC_FIELD_NAME },
  { "handle", KOC_FIELD_HANDLE }, { "账号", KOC_FIELD_HANDLE }, { "ID", KOC_FIELD_HANDLE },
  { "用户名", KOC_FIELD_HANDLE }, { "User_ID", KOC_FIELD_HANDLE }, { "小红书号", KOC_FIELD_HANDLE },
  { "Platform", KOC_FIELD_PLATFORM }, { "平台", KOC_FIELD_PLATFORM },
  { "followers", KOC_FIELD_FOLLOWERS }, { "FOLLOWERS", KOC_FIELD_FOLLOWERS },
  { "ｆｏｌｌｏｗｅｒｓ", KOC_FIELD_FOLLOWERS }, { "粉丝", KOC_FIELD_FOLLOWERS },
  { "粉丝数", KOC_FIELD_FOLLOWERS }, { "粉丝数（万）", KOC_FIELD_FOLLOWERS },
  { "Followers (k)", KOC_FIELD_FOLLOWERS },
  { "Engagement Rate", KOC_FIELD_ENGAGEMENT_RATE }, { "engagement_rate", KOC_FIELD_ENGAGEMENT_RATE },
  { "互动率", KOC_FIELD_ENGAGEMENT_RATE }, { "平均互动率", KOC_FIELD_ENGAGEMENT_RATE },
  { "likes", KOC_FIELD_LIKES }, { "点赞", KOC_FIELD_LIKES }, { "点赞数", KOC_FIELD_LIKES },
  { "collects", KOC_FIELD_COLLECTS }, { "收藏", KOC_FIELD_COLLECTS },
  { "comments", KOC_FIELD_COMMENTS }, { "评论", KOC_FIELD_COMMENTS },
  { "region", KOC_FIELD_REGION }, { "地区", KOC_FIELD_REGION }, { "城市", KOC_FIELD_REGION },
  { "IP属地", KOC_FIELD_REGION },
  { "category", KOC_FIELD_CATEGORY }, { "类别", KOC_FIELD_CATEGORY }, { "领域", KOC_FIELD_CATEGORY },
  { "Email", KOC_FIELD_EMAIL }, { "E-mail", KOC_FIELD_EMAIL }, { "邮箱", KOC_FIELD_EMAIL },
  { "phone", KOC_FIELD_PHONE }, { "手机", KOC_FIELD_PHONE }, { "电话", KOC_FIELD_PHONE },
  { "手机号码", KOC_FIELD_PHONE },
  { "WeChat ID", KOC_FIELD_WECHAT }, { "微信", KOC_FIELD_WECHAT }, { "微信号", KOC_FIELD_WECHAT },
  { "review", KOC_FIELD_NONE }, { "label", KOC_FIELD_NONE }, { "", KOC_FIELD_NONE },
  { "_unit_id", KOC_FIELD_NONE },
};

static void
test_guess (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("header “%s”", cases[i].header);
      g_assert_cmpstr (koc_field_to_string (koc_import_map_guess (cases[i].header)), ==,
                       koc_field_to_string (cases[i].field));
    }
}

static void
test_build_and_override (void)
{
  const char *header[] = { "昵称", "账号", "粉丝", "备注", "ID", NULL };
  const char *overrides[] = { "备注=category", "5=ignore", NULL };
  const char *move[] = { "ID=handle", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree KocField *map = koc_import_map_build (header, 5, NULL, &error);
  g_autofree KocField *map2 = NULL;
  g_autofree KocField *map3 = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (map[0], ==, KOC_FIELD_NAME);
  g_assert_cmpint (map[1], ==, KOC_FIELD_HANDLE);
  g_assert_cmpint (map[2], ==, KOC_FIELD_FOLLOWERS);
  g_assert_cmpint (map[3], ==, KOC_FIELD_NONE);
  /* A field is guessed for the first column only. */
  g_assert_cmpint (map[4], ==, KOC_FIELD_NONE);

  map2 = koc_import_map_build (header, 5, overrides, &error);
  g_assert_no_error (error);
  g_assert_cmpint (map2[3], ==, KOC_FIELD_CATEGORY);
  g_assert_cmpint (map2[4], ==, KOC_FIELD_NONE);

  /* Mapping a field to another column takes it from the first. */
  map3 = koc_import_map_build (header, 5, move, &error);
  g_assert_no_error (error);
  g_assert_cmpint (map3[1], ==, KOC_FIELD_NONE);
  g_assert_cmpint (map3[4], ==, KOC_FIELD_HANDLE);
}

static void
test_override_errors (void)
{
  const char *header[] = { "a", "b", NULL };
  const char *no_column[] = { "c=name", NULL };
  const char *no_field[] = { "a=shoe_size", NULL };
  const char *no_equals[] = { "a", NULL };
  const char *out_of_range[] = { "3=name", NULL };
  const char * const *bad[] = { no_column, no_field, no_equals, out_of_range };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree KocField *map = koc_import_map_build (header, 2, bad[i], &error);

      g_assert_null (map);
      g_assert_error (error, KOC_IMPORT_MAP_ERROR, KOC_IMPORT_MAP_ERROR_INVALID);
      g_test_message ("%s", error->message);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/koc/import-map/guess", test_guess);
  g_test_add_func ("/koc/import-map/build-and-override", test_build_and_override);
  g_test_add_func ("/koc/import-map/override-errors", test_override_errors);
  return g_test_run ();
}
