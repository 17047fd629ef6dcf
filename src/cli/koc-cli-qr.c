/* koc-cli-qr.c: `kocdesk-cli export qr` — referral QR sticker sheets of a campaign.
 *
 *   export qr --db DB --campaign ID --out FILE.pdf|FILE.png [--url BASE] [--new-codes]
 *
 * One sticker per card with a referral code (in board order): the QR code of the
 * landing URL with its UTM parameters, the person's name and the code. --new-codes
 * first makes codes for the cards that have none, through the sync outbox (so the
 * server knows them when a shop reports a redemption).
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kocdesk-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "koc-campaigns.h"
#include "koc-cli.h"
#include "koc-db.h"
#include "koc-qr.h"
#include "koc-referral-code.h"
#include "koc-sync-store.h"

static gboolean
outbox_writer (sqlite3     *db,
               const char  *uid,
               const char  *code,
               const char  *person_uid,
               const char  *campaign_uid,
               gpointer     data,
               GError     **error)
{
  g_autofree char *fields = g_strdup_printf ("{\"code\":\"%s\",\"person_uid\":\"%s\","
                                             "\"campaign_uid\":\"%s\"}", code, person_uid,
                                             campaign_uid);
  g_autofree char *client_id = koc_sync_store_enqueue (db, "referral_code", uid, "upsert", fields,
                                                       error);

  return client_id != NULL;
}

static gboolean
new_codes (const char  *db_path,
           gint64       campaign_id,
           gint64      *out_n,
           GError     **error)
{
  sqlite3 *db = koc_db_open (db_path, KOC_STORE_OPEN_DEFAULT, error);
  gboolean ok;

  if (db == NULL || !koc_db_begin_write (db, error))
    {
      koc_db_close (db);
      return FALSE;
    }
  *out_n = koc_campaigns_ensure_codes (db, campaign_id, NULL, outbox_writer, NULL, error);
  ok = *out_n >= 0 && koc_db_commit (db, error);
  if (!ok)
    koc_db_rollback (db);
  koc_db_close (db);
  return ok;
}

int
koc_cli_qr (int    argc,
            char **argv)
{
  g_autofree char *db_path = NULL, *out = NULL, *base_url = NULL, *campaign_name = NULL;
  gint64 campaign_id = 0;
  gboolean make_codes = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Workspace file"), "FILE.db" },
    { "campaign", 0, 0, G_OPTION_ARG_INT64, &campaign_id, N_("The campaign’s id"), "ID" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("File to write: .pdf (A4 sticker sheets) or .png"), "FILE" },
    { "url", 0, 0, G_OPTION_ARG_STRING, &base_url, N_("Landing page the codes lead to"), "URL" },
    { "new-codes", 0, 0, G_OPTION_ARG_NONE, &make_codes, N_("First make codes for cards without one"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— referral QR sticker sheets of a campaign"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) stickers = g_array_new (FALSE, TRUE, sizeof (KocQrSticker));
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "kocdesk-cli export qr: %s\n", error->message);
      return 2;
    }
  if (argc != 1 || db_path == NULL || out == NULL || campaign_id <= 0)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fprintf (stderr, "%s", help);
      return 2;
    }
  if (!g_str_has_suffix (out, ".pdf") && !g_str_has_suffix (out, ".png"))
    return koc_cli_fail (_("“%s”: the file name must end in .pdf or .png"), out);
  if (base_url == NULL)
    base_url = g_strdup (KOC_REFERRAL_DEFAULT_LANDING);
  if (!g_str_has_prefix (base_url, "https://") && !g_str_has_prefix (base_url, "http://"))
    return koc_cli_fail (_("“%s” is not a web address"), base_url);

  if (make_codes)
    {
      gint64 n = 0;

      if (!new_codes (db_path, campaign_id, &n, &error))
        return koc_cli_fail ("%s", error->message);
      printf (g_dngettext (GETTEXT_PACKAGE, "Made %lld new referral code\n",
                           "Made %lld new referral codes\n", n), (long long)n);
    }

  db = koc_db_open (db_path, KOC_STORE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return koc_cli_fail ("%s", error->message);
  if (!koc_db_prepare (db, "SELECT name FROM campaigns WHERE id = ?1", &stmt, &error))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    campaign_name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (campaign_name == NULL)
    {
      koc_db_close (db);
      return koc_cli_fail (_("There is no campaign %lld"), (long long)campaign_id);
    }
  if (!koc_db_prepare (db, "SELECT p.display_name, r.code FROM cards k JOIN people p"
                       " ON p.id = k.person_id JOIN campaign_stages s ON s.id = k.stage_id"
                       " JOIN referral_codes r ON r.person_id = k.person_id AND r.campaign_id ="
                       " k.campaign_id WHERE k.campaign_id = ?1 ORDER BY s.position, k.position,"
                       " k.id", &stmt, &error))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      char *code = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      char *url = koc_referral_landing_url (base_url, campaign_name, code);
      KocQrSticker sticker = { name, code, url };

      g_ptr_array_add (strings, name);
      g_ptr_array_add (strings, code);
      g_ptr_array_add (strings, url);
      g_array_append_val (stickers, sticker);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      koc_db_set_error (db, rc, _("Could not read the referral codes"), &error);
      goto failed;
    }
  koc_db_close (db);
  if (stickers->len == 0)
    return koc_cli_fail (_("No card of this campaign has a referral code (try --new-codes)"));
  if (!koc_qr_export_sheet ((KocQrSticker *)(void *)stickers->data, stickers->len, out, &error))
    return koc_cli_fail ("%s", error->message);
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u sticker to %s\n", "Wrote %u stickers to %s\n",
                       stickers->len), stickers->len, out);
  return 0;

failed:
  koc_db_close (db);
  return koc_cli_fail ("%s", error->message);
}
