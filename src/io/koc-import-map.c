/* koc-import-map.c: guessing the field of each column from its header.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import-map"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-import-map.h"

G_DEFINE_QUARK (koc-import-map-error-quark, koc_import_map_error)

static const char * const field_names[KOC_N_FIELDS + 1] = {
  "", "name", "handle", "platform", "followers", "engagement_rate", "likes", "collects",
  "comments", "region", "category", "email", "phone", "wechat", "bio", "url", "stage",
  "owner",
};

/* Synonyms, already folded (see fold_header()). Exact matches are tried first, then
 * headers that contain a synonym of at least two characters (粉丝数（万）), longest
 * synonym first. */
static const struct
{
  KocField    field;
  const char *synonyms[24];
} synonyms[] = {
  { KOC_FIELD_NAME, { "name", "displayname", "nickname", "fullname", "person", "koc", "kol",
                      "influencer", "creator", "blogger", "昵称", "姓名", "名字", "名称", "博主",
                      "达人", "达人昵称", "博主昵称", "用户昵称", "红人", NULL } },
  { KOC_FIELD_HANDLE, { "handle", "username", "userid", "user", "account", "accountid",
                        "screenname", "id", "uid", "账号", "帐号", "账号id", "用户名", "用户id",
                        "小红书号", "抖音号", "微博id", "b站id", NULL } },
  { KOC_FIELD_PLATFORM, { "platform", "channel", "site", "network", "平台", "渠道", "媒体", NULL } },
  { KOC_FIELD_FOLLOWERS, { "followers", "followercount", "followerscount", "fans", "fanscount",
                           "subscribers", "粉丝", "粉丝数", "粉丝量", "关注者", NULL } },
  { KOC_FIELD_ENGAGEMENT_RATE, { "engagementrate", "engagement", "er", "engrate", "互动率",
                                 "参与率", NULL } },
  { KOC_FIELD_LIKES, { "likes", "likecount", "likescount", "点赞", "点赞数", "获赞", "赞", NULL } },
  { KOC_FIELD_COLLECTS, { "collects", "collect", "saves", "favorites", "favourites", "收藏",
                          "收藏数", NULL } },
  { KOC_FIELD_COMMENTS, { "comments", "commentcount", "评论", "评论数", NULL } },
  { KOC_FIELD_REGION, { "region", "city", "location", "country", "province", "area", "地区",
                        "城市", "地域", "所在地", "省份", "ip属地", "区域", NULL } },
  { KOC_FIELD_CATEGORY, { "category", "niche", "vertical", "topic", "类别", "领域", "分类",
                          "类目", "垂类", "内容领域", NULL } },
  { KOC_FIELD_EMAIL, { "email", "mail", "emailaddress", "邮箱", "电子邮件", "电子邮箱", NULL } },
  { KOC_FIELD_PHONE, { "phone", "mobile", "tel", "telephone", "cell", "phonenumber", "手机",
                       "电话", "手机号", "联系电话", "手机号码", NULL } },
  { KOC_FIELD_WECHAT, { "wechat", "wechatid", "weixin", "wx", "微信", "微信号", NULL } },
  { KOC_FIELD_BIO, { "bio", "description", "about", "简介", "个人简介", "签名", NULL } },
  { KOC_FIELD_URL, { "url", "link", "profileurl", "homepage", "链接", "主页", "主页链接", NULL } },
  { KOC_FIELD_STAGE, { "stage", "status", "阶段", "状态", NULL } },
  { KOC_FIELD_OWNER, { "owner", "manager", "负责人", "对接人", NULL } },
};

const char *
koc_field_to_string (KocField field)
{
  g_return_val_if_fail (field < KOC_N_FIELDS, "");
  return field_names[field];
}

/* NFKC (full width → ASCII, （） → ()), case folded, without spaces, '_', '-', '.',
 * '#', ':' and brackets with what they hold ("粉丝数（万）" → "粉丝数"). */
static char *
fold_header (const char *header)
{
  g_autofree char *nfkc = g_utf8_normalize (header, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = nfkc ? g_utf8_casefold (nfkc, -1) : g_strdup ("");
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == '[' || c == 0x3010)
        depth++;
      else if ((c == ')' || c == ']' || c == 0x3011) && depth > 0)
        depth--;
      else if (depth == 0 && !g_unichar_isspace (c) && c != '_' && c != '-' && c != '.' &&
               c != '#' && c != ':' && c != 0xFEFF && c != 0x200B && c != '/')
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static KocField
lookup (const char *key,
        gboolean    contains)
{
  KocField best = KOC_FIELD_NONE;
  gsize best_len = 0;

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    for (guint j = 0; synonyms[i].synonyms[j] != NULL; j++)
      {
        const char *s = synonyms[i].synonyms[j];
        gsize len = strlen (s);

        if (!contains && strcmp (key, s) == 0)
          return synonyms[i].field;
        /* Short ASCII synonyms ("id", "er", "wx") only match whole headers. */
        if (contains && len > best_len && (len >= 4 || (guchar) s[0] >= 0x80) && strstr (key, s))
          {
            best = synonyms[i].field;
            best_len = len;
          }
      }
  return best;
}

KocField
koc_import_map_guess (const char *header)
{
  g_autofree char *key = NULL;
  KocField field;

  if (header == NULL)
    return KOC_FIELD_NONE;
  key = fold_header (header);
  if (*key == '\0')
    return KOC_FIELD_NONE;
  field = lookup (key, FALSE);
  return field != KOC_FIELD_NONE ? field : lookup (key, TRUE);
}

gboolean
koc_field_from_string (const char *text,
                       KocField   *field)
{
  g_autofree char *key = fold_header (text);

  if (strcmp (key, "none") == 0 || strcmp (key, "ignore") == 0 || strcmp (key, "skip") == 0)
    {
      *field = KOC_FIELD_NONE;
      return TRUE;
    }
  for (guint f = 1; f < KOC_N_FIELDS; f++)
    {
      g_autofree char *name = fold_header (field_names[f]);

      if (strcmp (key, name) == 0)
        {
          *field = f;
          return TRUE;
        }
    }
  *field = lookup (key, FALSE);
  return *field != KOC_FIELD_NONE;
}

KocField *
koc_import_map_build (const char * const *header,
                      guint               n_columns,
                      const char * const *overrides,
                      GError            **error)
{
  g_autofree KocField *map = g_new0 (KocField, MAX (n_columns, 1));
  gboolean used[KOC_N_FIELDS] = { FALSE };

  for (guint c = 0; c < n_columns; c++)
    {
      KocField field = koc_import_map_guess (header[c]);

      if (field != KOC_FIELD_NONE && !used[field])
        {
          map[c] = field;
          used[field] = TRUE;
        }
    }

  for (guint i = 0; overrides != NULL && overrides[i] != NULL; i++)
    {
      const char *eq = strrchr (overrides[i], '=');
      g_autofree char *column = NULL;
      KocField field;
      guint64 number = 0;
      int found = -1;

      if (eq == NULL)
        {
          g_set_error (error, KOC_IMPORT_MAP_ERROR, KOC_IMPORT_MAP_ERROR_INVALID,
                       _("“%s” is not COLUMN=FIELD (for example --map 昵称=name)."), overrides[i]);
          return NULL;
        }
      column = g_strndup (overrides[i], eq - overrides[i]);
      if (!koc_field_from_string (eq + 1, &field))
        {
          g_autofree char *names = g_strjoinv (", ", (char **) field_names + 1);

          g_set_error (error, KOC_IMPORT_MAP_ERROR, KOC_IMPORT_MAP_ERROR_INVALID,
                       _("Unknown field “%s” in --map %s. Fields: %s, or ignore."), eq + 1,
                       overrides[i], names);
          return NULL;
        }
      for (guint c = 0; c < n_columns && found < 0; c++)
        if (g_strcmp0 (header[c], column) == 0)
          found = c;
      if (found < 0 && g_ascii_string_to_unsigned (column, 10, 1, n_columns, &number, NULL))
        found = (int) number - 1;
      if (found < 0)
        {
          g_set_error (error, KOC_IMPORT_MAP_ERROR, KOC_IMPORT_MAP_ERROR_INVALID,
                       _("--map %s: the file has no column “%s”. Use a header exactly as it"
                         " is written, or a column number from 1 to %u."), overrides[i], column,
                       n_columns);
          return NULL;
        }
      /* The field moves to this column. */
      for (guint c = 0; c < n_columns && field != KOC_FIELD_NONE; c++)
        if (map[c] == field)
          map[c] = KOC_FIELD_NONE;
      map[found] = field;
    }

  return g_steal_pointer (&map);
}
