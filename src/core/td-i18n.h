/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Binds the text domain: the build's or install's locale dir, or on Windows the one
 * beside the executable (relocatable installs).  Call once after setlocale(). */
void td_i18n_init (const char *argv0);

G_END_DECLS
