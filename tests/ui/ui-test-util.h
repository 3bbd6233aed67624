/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers every display test shares: the main loop spun, named widgets found and pressed,
 * actions activated, PNGs of widgets written, the demo database built, the tests skipped
 * without a display. */
#pragma once

#include <adwaita.h>

#include "../td-test-dir.h"
#include "core/td-store.h"
#include "ui/td-window.h"

G_BEGIN_DECLS

/* Pins TD_TODAY (and TD_NOW unless NULL), sets the locale and the translations, starts
 * the GLib tests and GTK/libadwaita; returns whether there is a display. */
gboolean td_test_init (int *argc, char ***argv, const char *today, const char *now);
gboolean td_test_have_display (void);

/* Returns from the test (skipped) when td_test_init found no display. */
#define TD_TEST_SKIP_WITHOUT_DISPLAY()                                                      \
  G_STMT_START                                                                              \
  {                                                                                         \
    if (!td_test_have_display ())                                                           \
      {                                                                                     \
        g_test_skip ("no display");                                                         \
        return;                                                                             \
      }                                                                                     \
  }                                                                                         \
  G_STMT_END

/* How td_test_spin waits: @passes passes over the pending events, @usec apart (the
 * default: one pass, no wait). */
void td_test_set_spin (guint passes, gulong usec);
/* Runs the main loop over the pending events (as td_test_set_spin says). */
void td_test_spin (void);
/* @rounds times: td_test_spin, then @usec waited (lets windows lay out and draw). */
void td_test_settle (guint rounds, gulong usec);

/* The widget named @name among those on screen (pages not shown hold forms with the same
 * names), else anywhere under @root; a test error when there is none. */
GtkWidget *td_test_find (gpointer root, const char *name);
/* "clicked" emitted on the widget named @name, then the loop spun. */
void td_test_press (gpointer root, const char *name);
/* The editable named @name given @text, then the loop spun. */
void td_test_type_text (gpointer root, const char *name, const char *text);
/* The action @action of @group (a window) activated with @param, then the loop spun. */
void td_test_activate (gpointer group, const char *action, GVariant *param);
/* The visible toplevel window named @name, or NULL. */
GtkWindow *td_test_toplevel (const char *name);

/* The file chooser a GtkFileChooserNative shows (without a portal), or NULL. */
GtkWindow *td_test_file_chooser (void);
/* Answers the file chooser a GtkFileChooserNative shows (without a portal): @path (NULL:
 * cancel); returns the file name it suggested (NULL for an Open chooser). */
char *td_test_answer_file_chooser (const char *path);
/* Whether the file chooser about to open can be answered by td_test_answer_file_chooser.
 * Not on Windows, where GtkFileChooserNative shows the Windows file dialog (IFileDialog, in
 * a thread of its own; no GTK window): there the test is marked skipped with that reason
 * and leaves out the steps through the chooser (it must not open it). */
gboolean td_test_file_chooser_answerable (void);

/* The id of the class @code of @store (a test error when there is none). */
gint64 td_test_class_id (TdStore *store, const char *code);
/* @page of @window shown (the class @code of @store chosen first unless NULL), laid out. */
GtkWidget *td_test_show_page (TdWindow *window, TdStore *store, const char *page,
                              const char *code);
/* The body of the message dialog on screen ("td-error-dialog"), the dialog closed. */
char *td_test_take_message (void);

/* Writes @widget as drawn to the PNG file @path (after a frame drawn and @widget mapped). */
void td_test_save_png (GtkWidget *widget, const char *path);
/* Writes @widget to ui-shots/NAME-LANGUAGE.png under TD_BUILD_ROOT (LANGUAGE "C" unset). */
void td_test_write_shot (GtkWidget *widget, const char *name);
/* The folder tests/ui/shots/LANGUAGE under TD_BUILD_ROOT ("default" unset), created. */
char *td_test_shots_dir (void);

/* The database @dir/@file created with the default catalogue, and the demo when @demo. */
TdStore *td_test_store_new (const char *dir, const char *file, gboolean demo);

/* The demo database (td_test_store_new) in a new temporary folder, shown in a window of
 * 1366 × 768, laid out; td_test_demo_window_free destroys every window, closes the store
 * (NULL allowed) and removes the folder (kept when the test failed). */
TdWindow *td_test_demo_window_new (char **dir, TdStore **store);
void td_test_demo_window_free (TdWindow *window, char *dir, TdStore *store);

/* The selection model of the column view named @name inside @page (asserted there). */
GtkSingleSelection *td_test_view_selection (GtkWidget *page, const char *name);

/* The fixture of a test of the demo window: g_test_add (path, TdTestDemo, data,
 * td_test_demo_set_up, test, td_test_demo_tear_down).  Without a display the window is
 * NULL (the test skips). */
typedef struct
{
  char *dir;
  TdStore *store;
  TdWindow *window;
} TdTestDemo;

void td_test_demo_set_up (TdTestDemo *f, gconstpointer data);
void td_test_demo_tear_down (TdTestDemo *f, gconstpointer data);

/* A bare window of 1146 × 700 (the main window's page area) to show one page in, and the
 * demo database (td_test_store_new) in a new temporary folder; td_test_page_window_free
 * destroys every window, closes the store and removes the folder (kept when the test
 * failed). */
GtkWindow *td_test_page_window_new (char **dir, TdStore **store);
void td_test_page_window_free (GtkWindow *window, char *dir, TdStore *store);
/* A new page of @type shown in @window (in place of the one shown), following @store and,
 * when it needs a class, showing the class @class_id (NULL, 0: none), the window presented
 * and the loop spun. */
GtkWidget *td_test_page_window_show (GtkWindow *window, GType type, TdStore *store,
                                     gint64 class_id);

G_END_DECLS
