/* koc-referral-code.c: referral codes from the kernel's random bytes.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <string.h>
#include <sys/random.h>

#include "koc-referral-code.h"

G_STATIC_ASSERT (sizeof KOC_REFERRAL_ALPHABET - 1 == 32);

static gboolean
system_random (guint8  *buffer,
               gsize    size,
               GError **error)
{
  gsize done = 0;

  while (done < size)
    {
      ssize_t n = getrandom (buffer + done, size - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "getrandom: %s", g_strerror (saved));
          return FALSE;
        }
      done += n;
    }
  return TRUE;
}

static KocRandomFunc random_func = system_random;

void
koc_referral_code_set_random_func (KocRandomFunc func)
{
  random_func = func != NULL ? func : system_random;
}

char *
koc_referral_code_generate (const char  *prefix,
                            GError     **error)
{
  guint8 bytes[KOC_REFERRAL_RANDOM_CHARS];
  GString *code = g_string_new (NULL);
  guint n = 0;

  for (const char *p = prefix; p != NULL && *p != '\0' && n < 6; p++)
    if (g_ascii_isalnum (*p))
      {
        g_string_append_c (code, g_ascii_toupper (*p));
        n++;
      }
  if (code->len > 0)
    g_string_append_c (code, '-');
  if (!random_func (bytes, sizeof bytes, error))
    {
      g_string_free (code, TRUE);
      return NULL;
    }
  /* 256 is a multiple of 32: the low five bits of a byte are uniform. */
  for (guint i = 0; i < KOC_REFERRAL_RANDOM_CHARS; i++)
    {
      if (i == 4)
        g_string_append_c (code, '-');
      g_string_append_c (code, KOC_REFERRAL_ALPHABET[bytes[i] & 31]);
    }
  memset (bytes, 0, sizeof bytes);
  return g_string_free (code, FALSE);
}

gboolean
koc_referral_code_is_valid (const char *code)
{
  const char *tail;
  gsize len;

  if (code == NULL || (len = strlen (code)) < 9)
    return FALSE;
  tail = code + len - 9; /* XXXX-XXXX */
  for (guint i = 0; i < 9; i++)
    if (i == 4 ? tail[i] != '-' : strchr (KOC_REFERRAL_ALPHABET, tail[i]) == NULL || tail[i] == '\0')
      return FALSE;
  if (tail == code)
    return TRUE;
  if (tail[-1] != '-' || tail - 1 == code || tail - code > 7)
    return FALSE;
  for (const char *p = code; p < tail - 1; p++)
    if (!g_ascii_isdigit (*p) && !g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

char *
koc_referral_code_normalize (const char *text)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *code = NULL;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p == '-' || g_ascii_isalnum (*p))
      g_string_append_c (plain, g_ascii_toupper (*p));
  if (koc_referral_code_is_valid (plain->str))
    return g_strdup (plain->str);
  /* Dashes left out: put the last group's dash back. */
  {
    g_autoptr(GString) bare = g_string_new (NULL);

    for (const char *p = plain->str; *p != '\0'; p++)
      if (*p != '-')
        g_string_append_c (bare, *p);
    if (bare->len < 8)
      return NULL;
    g_string_insert_c (bare, bare->len - 4, '-');
    if (bare->len > 9)
      g_string_insert_c (bare, bare->len - 9, '-');
    code = g_strdup (bare->str);
  }
  return koc_referral_code_is_valid (code) ? g_steal_pointer (&code) : NULL;
}

static void
append_param (GString    *url,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value != NULL ? value : "", NULL, FALSE);

  g_string_append_printf (url, "%s%s=%s", strchr (url->str, '?') != NULL ? "&" : "?", name,
                          escaped);
}

char *
koc_referral_landing_url (const char *base_url,
                          const char *campaign,
                          const char *code)
{
  GString *url = g_string_new (base_url);
  const char *hash = strchr (url->str, '#');
  g_autofree char *fragment = NULL;

  /* Query parameters go before a #fragment. */
  if (hash != NULL)
    {
      fragment = g_strdup (hash);
      g_string_truncate (url, hash - url->str);
    }
  append_param (url, "utm_source", "koc");
  append_param (url, "utm_medium", "referral");
  append_param (url, "utm_campaign", campaign);
  append_param (url, "utm_content", code);
  append_param (url, "ref", code);
  if (fragment != NULL)
    g_string_append (url, fragment);
  return g_string_free (url, FALSE);
}
