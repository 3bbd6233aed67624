/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Binds the text domain: the build's or install's locale dir, or on Windows the one
 * beside the executable (relocatable installs).  Call once after setlocale(). */
void td_i18n_init (const char *argv0);

/* Binds the text domain @domain of a library the app ships with it (libadwaita) to the
 * translations beside the executable, UTF-8, where the install is relocatable (Windows):
 * there the library's own binding names its build machine's folder.  Elsewhere nothing
 * changes.  Call after the library's init (adw_init binds its domain). */
void td_i18n_bind_library (const char *domain);

G_END_DECLS
