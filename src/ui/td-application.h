/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_APPLICATION (td_application_get_type ())
G_DECLARE_FINAL_TYPE (TdApplication, td_application, TD, APPLICATION, AdwApplication)

TdApplication *td_application_new (void);
TdStore *td_application_get_store (TdApplication *self);
/* The database the application now works on (the one backed up on quit). */
void td_application_set_store (TdApplication *self, TdStore *store, const char *path);
/* The application's settings (schema APP_ID), or NULL when the schema is not installed:
 * the one GSettings the window, the pages and the print dialogs share. */
GSettings *td_application_get_settings (TdApplication *self);
/* The settings of the process's TdApplication (g_application_get_default ()), or NULL
 * without one: for dialogs and print operations, which do not know the application. */
GSettings *td_application_get_default_settings (void);
/* setlocale, gettext, run. */
int td_application_main (int argc, char **argv);

G_END_DECLS
