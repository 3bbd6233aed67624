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
/* Property "visible-page": the page shown (NULL before the first is chosen). */
TdPage *td_window_get_visible_page (TdWindow *self);
/* Property "ready": a usable database shown, with a page (not the first-run assistant, not
 * the page saying why a database could not be opened).  The actions on a database follow
 * it. */
gboolean td_window_get_ready (TdWindow *self);
/* Whether the store shown may only be read (an inspector's role on a server): a banner says
 * so and the actions and buttons that change records are insensitive. */
gboolean td_window_get_read_only (TdWindow *self);
/* The window's actions that change records: enabled while ready and not read-only. */
void td_window_update_write_actions (TdWindow *self);

/* The class the chooser shows (0 none); selecting one asks first when a page has unsaved
 * changes. */
gint64 td_window_get_class_id (TdWindow *self);
void td_window_select_class (TdWindow *self, gint64 class_id);
/* Re-reads the class list (after a class was added or renamed). */
void td_window_reload_classes (TdWindow *self);

void td_window_toast (TdWindow *self, const char *message);
/* The application's settings, or NULL without the schema. */
GSettings *td_window_get_settings (TdWindow *self);
/* Runs @then (@self, @arg) now, or once the user saved or discarded unsaved changes. */
void td_window_when_saved (TdWindow *self, void (*then) (TdWindow *self, gint64 arg),
                           gint64 arg);

/* td-window-actions.c: the window's actions, those on a database bound to "ready". */
void td_window_add_actions (TdWindow *self);

/* td-window-database.c: the main menu's database entries (win.open-database,
 * win.new-database, win.open-recent, win.backup). */
void td_window_add_database_actions (TdWindow *self);
void td_window_update_recent_menu (TdWindow *self);
/* Opens (or, with @create, creates: refused when the file exists) the database at @path in
 * this window, and puts it first in the recent databases. */
gboolean td_window_open_database (TdWindow *self, const char *path, gboolean create,
                                  GError **error);
/* Opens the database at the server @location, signing in with @password (NULL: libpq's
 * .pgpass, service file or PGPASSWORD), shows it and remembers @location (never the
 * password).  FALSE and @error (TD_STORE_ERROR_NEEDS_PASSWORD …) when it cannot. */
gboolean td_window_open_server (TdWindow *self, const char *location, const char *password,
                                GError **error);
/* Shows @store in the window and the application and remembers @location (never a
 * password); on the window's thread (the settings page opens the store in a worker). */
void td_window_show_store (TdWindow *self, TdStore *store, const char *location);
/* Asks for the password of @location in a dialog and opens it (@why: the refusal of the
 * last try, shown; NULL for a first ask). */
void td_window_ask_password (TdWindow *self, const char *location, const GError *why);

G_END_DECLS
