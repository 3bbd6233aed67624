/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a class's tables as spreadsheets: the roster, the attendance summary and the
 * claim lines (.xlsx or .csv, by the name chosen), and the empty roster template (.xlsx).
 * A file chooser asks where; a toast says where the file went; a failure is shown in a
 * dialog. */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"
#include "table/td-table-export.h"

G_BEGIN_DECLS

/* Asks for a file name, then writes the table of @kind for the class @class_code; the
 * chooser also asks whether id numbers are written in full and how a CSV file is encoded. */
void td_table_export_dialog (GtkWindow *parent, TdStore *store, const char *class_code,
                             TdExportKind kind);
/* The same without asking (tests, scripts): writes @path as @options say (NULL: ids masked,
 * CSV in UTF-8) and shows the toast, or returns the error (nothing shown). */
gboolean td_table_export_dialog_write (GtkWindow *parent, TdStore *store,
                                       const char *class_code, TdExportKind kind,
                                       const char *path, const TdTableOptions *options,
                                       GError **error);

/* The save chooser td_table_export_dialog shows: .xlsx and .csv filters, and two tick boxes
 * ("true" or "false"): "full-id" (id numbers not masked) and "gbk" (CSV in GBK, not UTF-8). */
GtkFileChooserNative *td_table_export_chooser_new (GtkWindow *parent, const char *class_code,
                                                   TdExportKind kind);
/* Writes the table to @file, chosen in @chooser (one from td_table_export_chooser_new), as
 * its filter and choices say: the suffix of the filter added when the name has none
 * (nothing is written, and TRUE returned, when @file is NULL). */
gboolean td_table_export_dialog_save_chosen (GtkWindow *parent, TdStore *store,
                                             const char *class_code, TdExportKind kind,
                                             GtkFileChooser *chooser, GFile *file,
                                             GError **error);

/* Asks for a file name, then writes the roster template (.xlsx; the suffix is added when
 * missing). */
void td_roster_template_dialog (GtkWindow *parent);

/* A toast in @parent's overlay: the main window's, the import dialog's, or that of the
 * window @parent is transient for. */
void td_table_export_toast (GtkWindow *parent, const char *message);

/* Handlers of window actions (data: the TdWindow), for the class its chooser shows:
 * win.export-table ("roster", "attendance" or "claim") and win.roster-template. */
void td_table_export_activate (GSimpleAction *action, GVariant *param, gpointer window);
void td_roster_template_activate (GSimpleAction *action, GVariant *param, gpointer window);

G_END_DECLS
