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
/* setlocale, gettext, run. */
int td_application_main (int argc, char **argv);

G_END_DECLS
