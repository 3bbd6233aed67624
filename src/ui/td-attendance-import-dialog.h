/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdAttendanceImportDialog: attendance from a sign-in terminal's or learning platform's file
 * (a file dropped on the attendance page, or chosen).  The file is read in a worker thread;
 * a table whose headers are not recognised gets its columns mapped by hand (remembered for
 * files of that layout); then every lesson's records are previewed with the changes against
 * what is stored, the exceptions are listed with their decisions, and "Store" writes
 * everything in one transaction. */
#pragma once

#include <adwaita.h>

#include "core/td-attendance-import.h"

G_BEGIN_DECLS

#define TD_TYPE_ATTENDANCE_IMPORT_DIALOG (td_attendance_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdAttendanceImportDialog, td_attendance_import_dialog, TD,
                      ATTENDANCE_IMPORT_DIALOG, AdwWindow)

/* NULL with an error when the class is unknown. */
TdAttendanceImportDialog *td_attendance_import_dialog_new (GtkWindow *parent, TdStore *store,
                                                           gint64 class_id, GError **error);
/* Shows the dialog over @parent and reads @path (NULL: the user chooses a file). */
void td_attendance_import_dialog_present (GtkWindow *parent, TdStore *store, gint64 class_id,
                                          const char *path);
/* Reads @path; the preview, the column mapping or the refusal follows when
 * td_attendance_import_dialog_is_busy () turns FALSE. */
void td_attendance_import_dialog_load_file (TdAttendanceImportDialog *self, const char *path);
gboolean td_attendance_import_dialog_is_busy (TdAttendanceImportDialog *self);
/* The import being previewed (NULL before a file is matched). */
TdAttendanceImport *td_attendance_import_dialog_get_import (TdAttendanceImportDialog *self);

G_END_DECLS
