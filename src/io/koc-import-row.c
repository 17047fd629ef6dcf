/* koc-import-row.c: one row of an import: validated, then an account (and its person)
 * created or updated, a metric snapshot added, contacts checked for merge suggestions —
 * or, in the dry run, only classified, with the ids the rows would get.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koc-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "koc-db.h"
#include "koc-fts-bulk.h"
#include "koc-import.h"
#include "koc-import-private.h"
#include "koc-number.h"

static const char * const stages[] = {
  "discovered", "engaged", "advocate", "ambassador", "dormant", "detractor", NULL
};

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           guint64        record,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  koc_db_set_error (db, rc, _("Could not write to the workspace"), error);
  g_prefix_error (error, _("Record %llu: "), (unsigned long long) record);
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  /* Every value outlives the statement's step (the row's cells are freed after it). */
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
koc_import_context_prepare (KocImportContext  *ctx,
                            sqlite3           *db,
                            GError           **error)
{
  return koc_db_prepare (db, "SELECT id, person_id FROM accounts WHERE platform = ?1 AND handle = ?2",
                         &ctx->find_account, error) &&
         koc_db_query_int64 (db, "SELECT coalesce (max (id), 0) + 1 FROM people", 1,
                             &ctx->next_person_id, error) &&
         koc_db_query_int64 (db, "SELECT coalesce (max (id), 0) + 1 FROM accounts", 1,
                             &ctx->next_account_id, error) &&
         koc_db_query_int64 (db, "SELECT coalesce (max (id), 0) + 1 FROM metric_snapshots", 1,
                             &ctx->next_snapshot_id, error) &&
         (ctx->new_people = koc_import_batch_new (db, "INSERT INTO people (id, display_name, stage,"
                                                      " owner, region, category, bio, email, phone,"
                                                      " wechat, uid) VALUES ",
                                                  "(?, ?, coalesce (?, 'discovered'), ?, ?, ?, ?, ?, ?, ?, ?)",
                                                  11, error)) != NULL &&
         (ctx->new_accounts = koc_import_batch_new (db, "INSERT INTO accounts (id, person_id, platform,"
                                                        " handle, display_name, followers, engagement_rate,"
                                                        " region, category, url, bio, uid) VALUES ",
                                                    "(?, ?, ?, ?, ?, coalesce (?, 0), ?, ?, ?, ?, ?, ?)",
                                                    12, error)) != NULL &&
         (ctx->new_snapshots = koc_import_batch_new (db, "INSERT INTO metric_snapshots (id, account_id,"
                                                         " taken_at, followers, engagement_rate, avg_likes)"
                                                         " VALUES ", "(?, ?, ?, ?, ?, ?)", 6,
                                                     error)) != NULL &&
         koc_db_prepare (db, "UPDATE accounts SET display_name = coalesce (?2, display_name),"
                             " followers = coalesce (?3, followers),"
                             " engagement_rate = coalesce (?4, engagement_rate),"
                             " region = coalesce (?5, region), category = coalesce (?6, category),"
                             " url = coalesce (?7, url), bio = coalesce (?8, bio),"
                             " updated_at = unixepoch () WHERE id = ?1",
                         &ctx->update_account, error) &&
         koc_db_prepare (db, "UPDATE people SET display_name = coalesce (?2, display_name),"
                             " stage = coalesce (?3, stage), owner = coalesce (?4, owner),"
                             " region = coalesce (?5, region), category = coalesce (?6, category),"
                             " bio = coalesce (?7, bio), email = coalesce (?8, email),"
                             " phone = coalesce (?9, phone), wechat = coalesce (?10, wechat),"
                             " updated_at = unixepoch () WHERE id = ?1",
                         &ctx->update_person, error) &&
         koc_db_prepare (db, "INSERT INTO metric_snapshots (account_id, taken_at, followers,"
                             " engagement_rate, avg_likes) VALUES (?1, ?2, ?3, ?4, ?5)"
                             " ON CONFLICT (account_id, taken_at) DO NOTHING",
                         &ctx->insert_snapshot, error);
}

void
koc_import_context_clear (KocImportContext *ctx)
{
  sqlite3_finalize (ctx->find_account);
  g_clear_pointer (&ctx->new_people, koc_import_batch_free);
  g_clear_pointer (&ctx->new_accounts, koc_import_batch_free);
  g_clear_pointer (&ctx->new_snapshots, koc_import_batch_free);
  g_clear_error (&ctx->flush_error);
  sqlite3_finalize (ctx->update_account);
  sqlite3_finalize (ctx->update_person);
  sqlite3_finalize (ctx->insert_snapshot);
  sqlite3_finalize (ctx->person_name);
  g_clear_pointer (&ctx->contacts, g_hash_table_unref);
  g_clear_pointer (&ctx->accounts, g_hash_table_unref);
  g_clear_pointer (&ctx->names, g_hash_table_unref);
  g_clear_pointer (&ctx->platforms, g_hash_table_unref);
  g_clear_pointer (&ctx->journal, koc_import_journal_free);
  g_clear_pointer (&ctx->import_bulk, koc_import_bulk_free);
}

gboolean
koc_import_flush (KocImportContext  *ctx,
                  sqlite3           *db,
                  GError           **error)
{
  /* Parents first, for the foreign keys. */
  return ctx->new_people == NULL ||
         (koc_import_batch_flush (ctx->new_people, db, error) &&
          koc_import_batch_flush (ctx->new_accounts, db, error) &&
          koc_import_batch_flush (ctx->new_snapshots, db, error));
}

/* A new row's uid, 32 lowercase hex digits like the schema's default, but ascending:
 * the import's start in milliseconds (12 digits), 48 random bits fixed for the import
 * (12), a counter (8). Random uids put every insert at a random place of the uid
 * indexes of people and accounts; these append. */
static void
next_uid (KocImportContext *ctx,
          char              out[33])
{
  if (ctx->uid_prefix[0] == '\0')
    g_snprintf (ctx->uid_prefix, sizeof ctx->uid_prefix, "%012llx%04x%08x",
                (unsigned long long) (g_get_real_time () / 1000) & 0xffffffffffffULL,
                (unsigned) g_random_int_range (0, 0x10000), g_random_int ());
  g_snprintf (out, 33, "%s%08x", ctx->uid_prefix, ctx->uid_counter++);
}

/* The account of @key: known to this import, or read from the workspace (unless every
 * account was loaded at once). NULL when there is none. */
static KocImportAccount *
find_account (KocImportContext  *ctx,
              const char        *platform,
              const char        *handle,
              const char        *key)
{
  KocImportAccount *account = g_hash_table_lookup (ctx->accounts, key);

  if (account != NULL || ctx->accounts_complete)
    return account;
  sqlite3_bind_text (ctx->find_account, 1, platform, -1, SQLITE_STATIC);
  sqlite3_bind_text (ctx->find_account, 2, handle, -1, SQLITE_STATIC);
  if (sqlite3_step (ctx->find_account) == SQLITE_ROW)
    account = koc_import_account_add (ctx, g_strdup (key), sqlite3_column_int64 (ctx->find_account, 0),
                                      sqlite3_column_int64 (ctx->find_account, 1));
  sqlite3_reset (ctx->find_account);
  sqlite3_clear_bindings (ctx->find_account);
  return account;
}


/* koc_import_normalize_platform(), remembered: a file has a handful of distinct
 * platform cells, and normalizing (NFKC, case folding) each row's costs. */
static const char *
normalize_platform (KocImportContext *ctx,
                    const char       *text)
{
  static const char unknown[] = "";
  const char *platform;

  if (text == NULL)
    return NULL;
  platform = g_hash_table_lookup (ctx->platforms, text);
  if (platform == NULL)
    {
      platform = koc_import_normalize_platform (text);
      g_hash_table_insert (ctx->platforms, g_strdup (text), (gpointer) (platform ? platform : unknown));
    }
  return platform == unknown ? NULL : platform;
}

/* Parses the number of @field into *@out; FALSE with *@reason when invalid. */
static gboolean
number_field (char     **values,
              KocField   field,
              gboolean  *present,
              double    *out,
              char     **reason)
{
  g_autoptr(GError) error = NULL;

  *present = FALSE;
  switch (koc_number_parse (values[field], out, &error))
    {
    case KOC_NUMBER_VALUE:
      if (*out < 0)
        {
          *reason = g_strdup_printf (_("%s is negative (“%s”)"), koc_field_to_string (field),
                                     values[field]);
          return FALSE;
        }
      *present = TRUE;
      return TRUE;
    case KOC_NUMBER_MISSING:
      return TRUE;
    case KOC_NUMBER_INVALID:
    default:
      *reason = g_strdup_printf ("%s: %s", koc_field_to_string (field), error->message);
      return FALSE;
    }
}

gboolean
koc_import_apply_row (KocImportContext  *ctx,
                      sqlite3           *db,
                      KocImportReport   *report,
                      const char        *default_platform,
                      KocCsvReader      *reader,
                      char             **values,
                      GError           **error)
{
  guint64 record = koc_csv_reader_get_record (reader);
  const char *platform;
  const char *stage = NULL;
  gboolean has_followers, has_er, has_likes;
  double followers = 0, er = 0, likes = 0;
  g_autofree char *key = NULL;
  char *reason = NULL;
  gint64 account_id = 0, person_id = 0;
  KocImportAccount *account;
  gboolean created = FALSE;

  if (values[KOC_FIELD_HANDLE] == NULL)
    {
      koc_import_report_add_skip (report, reader, g_strdup (_("no handle: the column mapped to handle is empty")));
      return TRUE;
    }
  platform = normalize_platform (ctx, values[KOC_FIELD_PLATFORM] ? values[KOC_FIELD_PLATFORM]
                                                                 : default_platform);
  if (platform == NULL && values[KOC_FIELD_PLATFORM] == NULL)
    {
      koc_import_report_add_skip (report, reader,
                                  g_strdup (_("no platform: the platform cell is empty; give the"
                                              " platform of such rows with --platform")));
      return TRUE;
    }
  if (platform == NULL)
    {
      koc_import_report_add_skip (report, reader,
                g_strdup_printf (_("unknown platform “%s”: use xiaohongshu, douyin, weibo, bilibili,"
                                   " wechat, tmall, instagram, tiktok, youtube or other"),
                                 values[KOC_FIELD_PLATFORM] ? values[KOC_FIELD_PLATFORM] : ""));
      return TRUE;
    }
  if (values[KOC_FIELD_STAGE] != NULL)
    {
      g_autofree char *folded = g_ascii_strdown (values[KOC_FIELD_STAGE], -1);

      for (guint i = 0; stages[i] != NULL && stage == NULL; i++)
        if (strcmp (folded, stages[i]) == 0)
          stage = stages[i];
      if (stage == NULL)
        {
          koc_import_report_add_skip (report, reader,
                    g_strdup_printf (_("unknown stage “%s”: use discovered, engaged, advocate,"
                                       " ambassador, dormant or detractor"), values[KOC_FIELD_STAGE]));
          return TRUE;
        }
    }
  if (!number_field (values, KOC_FIELD_FOLLOWERS, &has_followers, &followers, &reason) ||
      !number_field (values, KOC_FIELD_ENGAGEMENT_RATE, &has_er, &er, &reason) ||
      !number_field (values, KOC_FIELD_LIKES, &has_likes, &likes, &reason))
    {
      koc_import_report_add_skip (report, reader, reason);
      return TRUE;
    }
  /* "3.5" in an engagement column is 3.5 %, as media kits write it. */
  if (has_er && er > 1.0 && strchr (values[KOC_FIELD_ENGAGEMENT_RATE], '%') == NULL)
    er /= 100.0;

  /* Same platform + handle: an earlier row of this file, or a known account. */
  key = koc_import_account_key (platform, values[KOC_FIELD_HANDLE]);
  account = find_account (ctx, platform, values[KOC_FIELD_HANDLE], key);
  if (account != NULL && account->in_file)
    report->duplicates_in_file++;

  if (account != NULL && ctx->dry)
    {
      person_id = account->person_id;
      if (person_id != 0 && values[KOC_FIELD_NAME] != NULL)
        g_hash_table_replace (ctx->names, GSIZE_TO_POINTER ((gsize) person_id),
                              g_strdup (values[KOC_FIELD_NAME]));
      if (!account->in_file)
        report->updated++;
      account->in_file = TRUE;
    }
  else if (account != NULL)
    {
      account_id = account->account_id;
      person_id = account->person_id;
      /* The row may be one this import has not written yet. */
      if (!koc_import_flush (ctx, db, error) ||
          !koc_import_journal_save_row (ctx->journal, db, FALSE, account_id, error) ||
          (person_id != 0 && !koc_import_journal_save_row (ctx->journal, db, TRUE, person_id, error)) ||
          !koc_fts_bulk_touch (ctx->bulk, db, "accounts", account_id, error) ||
          (person_id != 0 && !koc_fts_bulk_touch (ctx->bulk, db, "people", person_id, error)))
        return FALSE;
      sqlite3_bind_int64 (ctx->update_account, 1, account_id);
      bind_text_or_null (ctx->update_account, 2, values[KOC_FIELD_NAME]);
      if (has_followers)
        sqlite3_bind_int64 (ctx->update_account, 3, (gint64) (followers + 0.5));
      if (has_er)
        sqlite3_bind_double (ctx->update_account, 4, er);
      bind_text_or_null (ctx->update_account, 5, values[KOC_FIELD_REGION]);
      bind_text_or_null (ctx->update_account, 6, values[KOC_FIELD_CATEGORY]);
      bind_text_or_null (ctx->update_account, 7, values[KOC_FIELD_URL]);
      bind_text_or_null (ctx->update_account, 8, values[KOC_FIELD_BIO]);
      if (!step_done (db, ctx->update_account, record, error))
        return FALSE;
      if (person_id != 0)
        {
          static const KocField person_fields[] = {
            KOC_FIELD_NAME, KOC_FIELD_STAGE, KOC_FIELD_OWNER, KOC_FIELD_REGION, KOC_FIELD_CATEGORY,
            KOC_FIELD_BIO, KOC_FIELD_EMAIL, KOC_FIELD_PHONE, KOC_FIELD_WECHAT,
          };

          sqlite3_bind_int64 (ctx->update_person, 1, person_id);
          for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
            bind_text_or_null (ctx->update_person, i + 2,
                               person_fields[i] == KOC_FIELD_STAGE ? stage : values[person_fields[i]]);
          if (!step_done (db, ctx->update_person, record, error))
            return FALSE;
        }
      /* Repeats (of a row this import created, or updated) are counted as duplicates. */
      if (!account->in_file)
        report->updated++;
      account->in_file = TRUE;
    }
  else if (ctx->dry)
    {
      const char *name = values[KOC_FIELD_NAME] ? values[KOC_FIELD_NAME] : values[KOC_FIELD_HANDLE];

      /* The ids SQLite would give the new rows: one more than the largest. */
      person_id = ctx->next_person_id++;
      g_hash_table_replace (ctx->names, GSIZE_TO_POINTER ((gsize) person_id), g_strdup (name));
      account = koc_import_account_add (ctx, g_steal_pointer (&key), ctx->next_account_id++, person_id);
      account->in_file = TRUE;
      report->created++;
    }
  else
    {
      const char *name = values[KOC_FIELD_NAME] ? values[KOC_FIELD_NAME] : values[KOC_FIELD_HANDLE];
      char person_uid[33], account_uid[33];

      next_uid (ctx, person_uid);
      next_uid (ctx, account_uid);
      person_id = ctx->next_person_id++;
      koc_import_batch_int (ctx->new_people, person_id);
      koc_import_batch_text (ctx->new_people, name);
      koc_import_batch_text (ctx->new_people, stage);
      koc_import_batch_text (ctx->new_people, values[KOC_FIELD_OWNER]);
      koc_import_batch_text (ctx->new_people, values[KOC_FIELD_REGION]);
      koc_import_batch_text (ctx->new_people, values[KOC_FIELD_CATEGORY]);
      koc_import_batch_text (ctx->new_people, values[KOC_FIELD_BIO]);
      koc_import_batch_text (ctx->new_people, values[KOC_FIELD_EMAIL]);
      koc_import_batch_text (ctx->new_people, values[KOC_FIELD_PHONE]);
      koc_import_batch_text (ctx->new_people, values[KOC_FIELD_WECHAT]);
      koc_import_batch_text (ctx->new_people, person_uid);
      koc_import_batch_row_done (ctx->new_people, record);
      g_array_append_val (ctx->journal->created_people, person_id);

      account_id = ctx->next_account_id++;
      koc_import_batch_int (ctx->new_accounts, account_id);
      koc_import_batch_int (ctx->new_accounts, person_id);
      koc_import_batch_text (ctx->new_accounts, platform);
      koc_import_batch_text (ctx->new_accounts, values[KOC_FIELD_HANDLE]);
      koc_import_batch_text (ctx->new_accounts, values[KOC_FIELD_NAME]);
      if (has_followers)
        koc_import_batch_int (ctx->new_accounts, (gint64) (followers + 0.5));
      else
        koc_import_batch_null (ctx->new_accounts);
      if (has_er)
        koc_import_batch_double (ctx->new_accounts, er);
      else
        koc_import_batch_null (ctx->new_accounts);
      koc_import_batch_text (ctx->new_accounts, values[KOC_FIELD_REGION]);
      koc_import_batch_text (ctx->new_accounts, values[KOC_FIELD_CATEGORY]);
      koc_import_batch_text (ctx->new_accounts, values[KOC_FIELD_URL]);
      koc_import_batch_text (ctx->new_accounts, values[KOC_FIELD_BIO]);
      koc_import_batch_text (ctx->new_accounts, account_uid);
      koc_import_batch_row_done (ctx->new_accounts, record);
      g_array_append_val (ctx->journal->created_accounts, account_id);
      created = TRUE;
      report->created++;
      account = koc_import_account_add (ctx, g_steal_pointer (&key), account_id, person_id);
      account->in_file = TRUE;
    }

  if (person_id != 0)
    koc_import_check_contacts (ctx, db, report, record, person_id, (const char **) values);
  if (ctx->flush_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&ctx->flush_error));
      return FALSE;
    }

  if (has_followers && created)
    {
      /* A new account: its first snapshot, with the account's batch. */
      gint64 id = ctx->next_snapshot_id++;

      koc_import_batch_int (ctx->new_snapshots, id);
      koc_import_batch_int (ctx->new_snapshots, account_id);
      koc_import_batch_int (ctx->new_snapshots, ctx->now);
      koc_import_batch_int (ctx->new_snapshots, (gint64) (followers + 0.5));
      if (has_er)
        koc_import_batch_double (ctx->new_snapshots, er);
      else
        koc_import_batch_null (ctx->new_snapshots);
      if (has_likes)
        koc_import_batch_double (ctx->new_snapshots, likes);
      else
        koc_import_batch_null (ctx->new_snapshots);
      koc_import_batch_row_done (ctx->new_snapshots, record);
      g_array_append_val (ctx->journal->created_snapshots, id);
    }
  else if (has_followers && !ctx->dry)
    {
      sqlite3_bind_int64 (ctx->insert_snapshot, 1, account_id);
      sqlite3_bind_int64 (ctx->insert_snapshot, 2, ctx->now);
      sqlite3_bind_int64 (ctx->insert_snapshot, 3, (gint64) (followers + 0.5));
      if (has_er)
        sqlite3_bind_double (ctx->insert_snapshot, 4, er);
      if (has_likes)
        sqlite3_bind_double (ctx->insert_snapshot, 5, likes);
      if (!step_done (db, ctx->insert_snapshot, record, error))
        return FALSE;
      if (sqlite3_changes (db) > 0)
        {
          gint64 id = sqlite3_last_insert_rowid (db);

          g_array_append_val (ctx->journal->created_snapshots, id);
          ctx->next_snapshot_id = MAX (ctx->next_snapshot_id, id + 1);
        }
    }
  if (created && (koc_import_batch_full (ctx->new_people) || koc_import_batch_full (ctx->new_accounts) ||
                  koc_import_batch_full (ctx->new_snapshots)))
    return koc_import_flush (ctx, db, error);
  return TRUE;
}

