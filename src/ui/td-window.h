/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"
#include "ui/td-page.h"

G_BEGIN_DECLS

typedef struct _TdApplication TdApplication;

#define TD_TYPE_WINDOW (td_window_get_type ())
G_DECLARE_FINAL_TYPE (TdWindow, td_window, TD, WINDOW, AdwApplicationWindow)

/* @store may be NULL, with @open_error saying why it could not be opened.  A store without
 * an institution shows the first-run assistant. */
TdWindow *td_window_new (TdApplication *app, TdStore *store, const GError *open_error);
TdStore *td_window_get_store (TdWindow *self);
/* Replaces the store (e.g. after "Open another database"). */
void td_window_set_store (TdWindow *self, TdStore *store);

/* Pages by name: overview classes trainees attendance assessment follow-up subsidy
 * submissions settings. */
TdPage *td_window_get_page (TdWindow *self, const char *name);
void td_window_show_page (TdWindow *self, const char *name);
const char *td_window_get_visible_page_name (TdWindow *self);

/* The class the chooser shows (0 none); selecting one asks first when a page has unsaved
 * changes. */
gint64 td_window_get_class_id (TdWindow *self);
void td_window_select_class (TdWindow *self, gint64 class_id);
/* Re-reads the class list (after a class was added or renamed). */
void td_window_reload_classes (TdWindow *self);

void td_window_toast (TdWindow *self, const char *message);

G_END_DECLS
