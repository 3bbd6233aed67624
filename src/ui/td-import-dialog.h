/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdImportDialog: a modal window that imports a roster from an .xlsx or CSV file into one
 * class.  The file is read in a worker thread; its rows are checked (store reads) and
 * shown in a preview with the bad rows marked and their reasons; "Import the n good rows"
 * stores the good ones in one transaction on the main thread, with a progress bar and a
 * Cancel button that rolls the whole import back.  Afterwards the main window's roster
 * page is re-read and a toast says how many trainees were imported. */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_IMPORT_DIALOG (td_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdImportDialog, td_import_dialog, TD, IMPORT_DIALOG, AdwWindow)

/* NULL with an error when the class is unknown or cannot take a roster (cancelled). */
TdImportDialog *td_import_dialog_new (GtkWindow *parent, TdStore *store, gint64 class_id,
                                      GError **error);
/* Shows the dialog over @parent, or an error dialog saying why the class cannot import. */
void td_import_dialog_present (GtkWindow *parent, TdStore *store, gint64 class_id);

/* Reads @path (what the file chooser does after a choice); the preview or the reason the
 * file was refused follows when td_import_dialog_is_busy () turns FALSE. */
void td_import_dialog_load_file (TdImportDialog *self, const char *path);
/* TRUE while a file is being read or rows are being stored. */
gboolean td_import_dialog_is_busy (TdImportDialog *self);
/* Rows stored by the last import (0 before one, or when it was cancelled). */
guint td_import_dialog_get_n_imported (TdImportDialog *self);
/* A short message in the dialog's toast overlay. */
void td_import_dialog_toast (TdImportDialog *self, const char *message);

/* Signal ::progress (guint done, guint total): a row was stored (the dialog cancels when
 * its Cancel button is pressed meanwhile). */

/* The handler of the window action win.import-roster (data: the TdWindow): the dialog for
 * the class the window's chooser shows. */
void td_import_dialog_activate (GSimpleAction *action, GVariant *param, gpointer window);

G_END_DECLS
