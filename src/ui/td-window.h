/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"

G_BEGIN_DECLS

typedef struct _TdApplication TdApplication;

#define TD_TYPE_WINDOW (td_window_get_type ())
G_DECLARE_FINAL_TYPE (TdWindow, td_window, TD, WINDOW, AdwApplicationWindow)

/* @store may be NULL, with @open_error saying why it could not be opened. */
TdWindow *td_window_new (TdApplication *app, TdStore *store, const GError *open_error);

G_END_DECLS
