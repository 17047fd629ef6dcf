/* koc-identity-suggest.c: who in the workspace may be the same person.
 *
 * Same email (confidence 0.9), WeChat ID (0.85), phone number (0.8, its last 11
 * digits), the same handle on two platforms (0.6), the same name once normalized on
 * different platforms (0.5: common names repeat). Pairs the user rejected are left out.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-identity"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-identity-private.h"

void
koc_identity_suggestion_free (KocIdentitySuggestion *s)
{
  if (s == NULL)
    return;
  g_free (s->kept_name);
  g_free (s->other_name);
  g_free (s->kept_accounts);
  g_free (s->other_accounts);
  g_free (s->value);
  g_free (s);
}

char *
koc_identity_normalize_name (const char *name)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (name == NULL)
    return g_strdup ("");
  nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (nfkc, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_type (c) == G_UNICODE_OTHER_LETTER)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
phone_key (const char *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->len < 5)
    return NULL;
  return g_strdup (digits->str + (digits->len > 11 ? digits->len - 11 : 0));
}

typedef struct
{
  sqlite3    *db;
  GHashTable *pairs;     /* "a:b" → suggestion (the strongest reason) */
  GHashTable *rejected;  /* "uid_a\x1fuid_b" */
  GHashTable *uids;      /* id → uid */
} Scan;

static void
add_pair (Scan              *scan,
          gint64             a,
          gint64             b,
          KocIdentityReason  reason,
          const char        *value,
          double             confidence)
{
  g_autofree char *key = NULL;
  g_autofree char *rejected = NULL;
  const char *uid_a, *uid_b;
  KocIdentitySuggestion *s;

  if (a == b)
    return;
  if (a > b)
    {
      gint64 t = a;
      a = b;
      b = t;
    }
  uid_a = g_hash_table_lookup (scan->uids, &a);
  uid_b = g_hash_table_lookup (scan->uids, &b);
  if (uid_a != NULL && uid_b != NULL)
    {
      rejected = strcmp (uid_a, uid_b) < 0 ? g_strconcat (uid_a, "\x1f", uid_b, NULL)
                                           : g_strconcat (uid_b, "\x1f", uid_a, NULL);
      if (g_hash_table_contains (scan->rejected, rejected))
        return;
    }
  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, a, b);
  s = g_hash_table_lookup (scan->pairs, key);
  if (s != NULL && s->confidence >= confidence)
    return;
  if (s == NULL)
    {
      s = g_new0 (KocIdentitySuggestion, 1);
      g_hash_table_insert (scan->pairs, g_steal_pointer (&key), s);
    }
  s->kept_id = a;
  s->other_id = b;
  s->reason = reason;
  g_free (s->value);
  s->value = g_strdup (value);
  s->confidence = confidence;
}

/* Groups the (id, key) rows of @sql by key and pairs everyone in a group. */
static gboolean
scan_keys (Scan              *scan,
           const char        *sql,
           KocIdentityReason  reason,
           double             confidence,
           GError           **error)
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (scan->db, sql, &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *raw = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *key = NULL;
      gint64 *seen;

      if (raw == NULL || *raw == '\0')
        continue;
      switch (reason)
        {
        case KOC_IDENTITY_SAME_PHONE:
          key = phone_key (raw);
          break;
        case KOC_IDENTITY_SIMILAR_NAME:
        case KOC_IDENTITY_SAME_HANDLE:
          key = koc_identity_normalize_name (raw);
          if (g_utf8_strlen (key, -1) < 2)
            g_clear_pointer (&key, g_free);
          break;
        case KOC_IDENTITY_SAME_EMAIL:
        case KOC_IDENTITY_SAME_WECHAT:
        default:
          key = g_utf8_casefold (raw, -1);
          g_strstrip (key);
        }
      if (key == NULL || *key == '\0')
        continue;
      if ((seen = g_hash_table_lookup (first, key)) != NULL)
        add_pair (scan, *seen, id, reason, raw, confidence);
      else
        g_hash_table_insert (first, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || koc_db_set_error (scan->db, rc, _("Could not read people"), error);
}

static char *
describe_person (sqlite3 *db,
                 gint64   id,
                 char   **name)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) accounts = g_string_new (NULL);

  if (sqlite3_prepare_v2 (db, "SELECT p.display_name, a.platform, a.handle FROM people p"
                              " LEFT JOIN accounts a ON a.person_id = p.id WHERE p.id = ?1"
                              " ORDER BY a.followers DESC LIMIT 4", -1, &stmt, NULL) != SQLITE_OK)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (*name == NULL)
        *name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        g_string_append_printf (accounts, "%s%s @%s", accounts->len ? ", " : "",
                                sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&accounts), FALSE);
}

static int
by_confidence (gconstpointer a,
               gconstpointer b)
{
  const KocIdentitySuggestion *x = *(KocIdentitySuggestion **) a;
  const KocIdentitySuggestion *y = *(KocIdentitySuggestion **) b;

  if (x->confidence != y->confidence)
    return x->confidence > y->confidence ? -1 : 1;
  return x->kept_id < y->kept_id ? -1 : x->kept_id > y->kept_id;
}

GPtrArray *
koc_identity_suggest (sqlite3  *db,
                      guint     limit,
                      GError  **error)
{
  Scan scan = { db };
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) koc_identity_suggestion_free);
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer value;
  gboolean ok;

  scan.pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan.rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan.uids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (koc_db_prepare (db, "SELECT uid_a, uid_b FROM merge_rejections", &stmt, NULL))
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (scan.rejected, g_strconcat ((const char *) sqlite3_column_text (stmt, 0), "\x1f",
                                                      sqlite3_column_text (stmt, 1), NULL));
      sqlite3_finalize (stmt);
    }
  if (koc_db_prepare (db, "SELECT id, uid FROM people", &stmt, NULL))
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_hash_table_insert (scan.uids, g_memdup2 (&id, sizeof id),
                               g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
      sqlite3_finalize (stmt);
    }

  /* Weakest first: a stronger reason for the same pair replaces a weaker one. */
  ok = scan_keys (&scan, "SELECT p.id, p.display_name FROM people p WHERE EXISTS (SELECT 1 FROM accounts a"
                         " WHERE a.person_id = p.id) ORDER BY p.id", KOC_IDENTITY_SIMILAR_NAME, 0.5, error) &&
       scan_keys (&scan, "SELECT person_id, handle FROM accounts WHERE person_id IS NOT NULL"
                         " ORDER BY person_id", KOC_IDENTITY_SAME_HANDLE, 0.6, error) &&
       scan_keys (&scan, "SELECT id, phone FROM people ORDER BY id", KOC_IDENTITY_SAME_PHONE, 0.8, error) &&
       scan_keys (&scan, "SELECT id, wechat FROM people ORDER BY id", KOC_IDENTITY_SAME_WECHAT, 0.85, error) &&
       scan_keys (&scan, "SELECT id, email FROM people ORDER BY id", KOC_IDENTITY_SAME_EMAIL, 0.9, error);

  if (ok)
    {
      g_hash_table_iter_init (&iter, scan.pairs);
      /* The table frees its keys only: the suggestions are out's now. */
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (out, value);
    }
  else
    {
      g_hash_table_iter_init (&iter, scan.pairs);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        koc_identity_suggestion_free (value);
    }
  g_hash_table_unref (scan.pairs);
  g_hash_table_unref (scan.rejected);
  g_hash_table_unref (scan.uids);
  if (!ok)
    return NULL;

  g_ptr_array_sort (out, by_confidence);
  if (limit == 0)
    limit = 500;
  if (out->len > limit)
    g_ptr_array_set_size (out, limit);
  for (guint i = 0; i < out->len; i++)
    {
      KocIdentitySuggestion *s = out->pdata[i];

      s->kept_accounts = describe_person (db, s->kept_id, &s->kept_name);
      s->other_accounts = describe_person (db, s->other_id, &s->other_name);
    }
  return g_steal_pointer (&out);
}

gboolean
koc_identity_reject (sqlite3  *db,
                     gint64    a,
                     gint64    b,
                     GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!koc_db_prepare (db, "INSERT OR IGNORE INTO merge_rejections (uid_a, uid_b)"
                           " SELECT min (x.uid, y.uid), max (x.uid, y.uid) FROM people x, people y"
                           " WHERE x.id = ?1 AND y.id = ?2", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || koc_db_set_error (db, rc, _("Could not remember the answer"), error);
}
