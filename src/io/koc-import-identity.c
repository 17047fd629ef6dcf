/* koc-import-identity.c: who might be the same person.
 *
 * Accounts are the same when platform + handle are (koc-import.c updates them). People
 * are only *suggested* as the same when they share an email (confidence 0.9), a WeChat
 * ID (0.85) or a phone number (0.8, compared on its last 11 digits): a family shares a
 * phone and an agency an email, so nothing is merged automatically.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-import-private.h"

static const struct
{
  const char *word;
  const char *platform;
} platforms[] = {
  { "xiaohongshu", "xiaohongshu" }, { "小红书", "xiaohongshu" }, { "xhs", "xiaohongshu" },
  { "red", "xiaohongshu" }, { "rednote", "xiaohongshu" },
  { "douyin", "douyin" }, { "抖音", "douyin" },
  { "weibo", "weibo" }, { "微博", "weibo" }, { "新浪微博", "weibo" },
  { "bilibili", "bilibili" }, { "b站", "bilibili" }, { "哔哩哔哩", "bilibili" },
  { "wechat", "wechat" }, { "微信", "wechat" }, { "公众号", "wechat" }, { "视频号", "wechat" },
  { "tmall", "tmall" }, { "天猫", "tmall" }, { "taobao", "tmall" }, { "淘宝", "tmall" },
  { "instagram", "instagram" }, { "ins", "instagram" }, { "ig", "instagram" },
  { "tiktok", "tiktok" }, { "youtube", "youtube" }, { "油管", "youtube" }, { "other", "other" },
};

const char *
koc_import_normalize_platform (const char *text)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *key = NULL;

  if (text == NULL)
    return NULL;
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  key = nfkc ? g_utf8_casefold (g_strstrip (nfkc), -1) : NULL;
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (platforms); i++)
    if (strcmp (key, platforms[i].word) == 0)
      return platforms[i].platform;
  return NULL;
}

/* Contact keys: emails lower-cased, phone numbers as their digits (last 11). */
static char *
contact_key (char        kind,
             const char *value)
{
  g_autoptr(GString) key = g_string_new (NULL);

  if (value == NULL)
    return NULL;
  g_string_append_c (key, kind);
  g_string_append_c (key, ':');
  if (kind == 'p')
    {
      g_autoptr(GString) digits = g_string_new (NULL);

      for (const char *p = value; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      if (digits->len < 5)
        return NULL;
      g_string_append (key, digits->str + (digits->len > 11 ? digits->len - 11 : 0));
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (value, -1);

      g_string_append (key, folded);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* The person's name as it is at this point of the import (the dry run keeps the names it
 * would have written). */
static char *
person_name (KocImportContext *ctx,
             sqlite3          *db,
             gint64            id)
{
  const char *known = ctx->names ? g_hash_table_lookup (ctx->names, GSIZE_TO_POINTER ((gsize) id)) : NULL;
  char *name = NULL;

  if (known != NULL)
    return g_strdup (known);
  /* The other person may be a new one not written yet; an error ends the row. */
  if (ctx->flush_error == NULL && !koc_import_flush (ctx, db, &ctx->flush_error))
    return NULL;
  if (ctx->person_name == NULL &&
      sqlite3_prepare_v2 (db, "SELECT display_name FROM people WHERE id = ?1", -1, &ctx->person_name,
                          NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_int64 (ctx->person_name, 1, id);
  if (sqlite3_step (ctx->person_name) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (ctx->person_name, 0));
  sqlite3_reset (ctx->person_name);
  return name;
}

/* Suggests merging @person_id with whoever else has the same email, phone or WeChat,
 * then records @person_id's contacts. */
void
koc_import_check_contacts (KocImportContext *ctx,
                           sqlite3          *db,
                           KocImportReport  *report,
                           guint64           record,
                           gint64            person_id,
                           const char      **values)
{
  static const struct
  {
    KocField    field;
    char        kind;
    double      confidence;
  } kinds[] = {
    { KOC_FIELD_EMAIL, 'e', 0.9 },
    { KOC_FIELD_WECHAT, 'w', 0.85 },
    { KOC_FIELD_PHONE, 'p', 0.8 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char *value = values[kinds[k].field];
      g_autofree char *key = contact_key (kinds[k].kind, value);
      gpointer other;

      if (key == NULL)
        continue;
      other = g_hash_table_lookup (ctx->contacts, key);
      if (other != NULL && GPOINTER_TO_SIZE (other) != (gsize) person_id)
        {
          KocMergeSuggestion *s = g_new0 (KocMergeSuggestion, 1);

          s->record = record;
          s->person_id = person_id;
          s->other_person_id = (gint64) GPOINTER_TO_SIZE (other);
          s->other_name = person_name (ctx, db, s->other_person_id);
          s->confidence = kinds[k].confidence;
          s->reason = kinds[k].kind == 'e' ? g_strdup_printf (_("same email %s"), value)
                    : kinds[k].kind == 'w' ? g_strdup_printf (_("same WeChat ID %s"), value)
                    : g_strdup_printf (_("same phone number %s"), value);
          g_ptr_array_add (report->suggestions, s);
        }
      else if (other == NULL)
        g_hash_table_insert (ctx->contacts, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) person_id));
    }
}

gboolean
koc_import_load_contacts (KocImportContext  *ctx,
                          sqlite3           *db,
                          GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "SELECT id, email, phone, wechat FROM people", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      static const char kinds[] = { 'e', 'p', 'w' };

      for (int i = 0; i < 3; i++)
        {
          char *key = contact_key (kinds[i], (const char *) sqlite3_column_text (stmt, i + 1));

          if (key != NULL && !g_hash_table_contains (ctx->contacts, key))
            g_hash_table_insert (ctx->contacts, key,
                                 GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)));
          else
            g_free (key);
        }
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || koc_db_set_error (db, rc, _("Could not read people"), error);
}

