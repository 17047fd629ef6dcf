/* main.c: KOC Desk.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "koc-application.h"
#include "koc-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KocApplication) app = NULL;

  koc_i18n_init ();
  g_set_application_name (_("KOC Desk"));

  app = koc_application_new (G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
