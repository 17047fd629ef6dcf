/* koc-initials-avatar.h: a light avatar for list rows: initials on a color, or an image.
 *
 * Copyright 2026 The KOC Desk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KOC_TYPE_INITIALS_AVATAR (koc_initials_avatar_get_type ())
G_DECLARE_FINAL_TYPE (KocInitialsAvatar, koc_initials_avatar, KOC, INITIALS_AVATAR, GtkWidget)

GtkWidget    *koc_initials_avatar_new       (int                size);
void          koc_initials_avatar_set_text  (KocInitialsAvatar *self,
                                             const char        *text);
const char   *koc_initials_avatar_get_text  (KocInitialsAvatar *self);
void          koc_initials_avatar_set_image (KocInitialsAvatar *self,
                                             GdkPaintable      *image);
GdkPaintable *koc_initials_avatar_get_image (KocInitialsAvatar *self);

G_END_DECLS
