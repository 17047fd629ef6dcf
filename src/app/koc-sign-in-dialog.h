/* koc-sign-in-dialog.h: server address + access token, checked with a real request.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KOC_TYPE_SIGN_IN_DIALOG (koc_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KocSignInDialog, koc_sign_in_dialog, KOC, SIGN_IN_DIALOG, AdwWindow)

/* Emits "signed-in" (server_url, token) once the server accepted the token, then
 * closes. The caller saves them (the token only in the keyring). */
KocSignInDialog *koc_sign_in_dialog_new         (GtkWindow       *parent,
                                                 const char      *server_url,
                                                 const char      *workspace);
/* For tests: fills the fields and presses Sign In. */
void             koc_sign_in_dialog_submit      (KocSignInDialog *self,
                                                 const char      *server_url,
                                                 const char      *token);
gboolean         koc_sign_in_dialog_is_busy     (KocSignInDialog *self);
/* The error shown, or NULL. */
const char      *koc_sign_in_dialog_get_error   (KocSignInDialog *self);

G_END_DECLS
