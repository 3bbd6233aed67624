/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdPrintOperation: a printed form (TdForm) through GtkPrintOperation.  begin-print lays the
 * form out on the print context's sheet (use-full-page, points) and sets the page count;
 * draw-page draws one page with td_form_render_page () in the print style.  A4, portrait
 * or landscape as the form needs.  The print settings and the page setup are kept in the
 * app's GSettings (print-settings, page-setup) after every successful run and restored by
 * the next operation.  Failures are shown in a dialog. */
#pragma once

#include <gtk/gtk.h>

#include "render/td-form.h"

G_BEGIN_DECLS

#define TD_TYPE_PRINT_OPERATION (td_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (TdPrintOperation, td_print_operation, TD, PRINT_OPERATION,
                      GtkPrintOperation)

/* Takes @form.  The print settings and page setup of the last run are restored. */
TdPrintOperation *td_print_operation_new (TdForm *form);
TdForm *td_print_operation_get_form (TdPrintOperation *self);
/* Pages of the last layout (set by begin-print); 0 before the operation ran. */
int td_print_operation_get_n_pages_laid_out (TdPrintOperation *self);

/* Runs @action (print dialog with preview, preview, export…).  Failures are shown in a
 * message dialog over @parent; a successful run stores the settings.  The operation keeps
 * itself alive until it is done. */
void td_print_operation_run_for_user (TdPrintOperation *self, GtkPrintOperationAction action,
                                      GtkWindow *parent);
/* Writes every page to @path as PDF (GTK_PRINT_OPERATION_ACTION_EXPORT: no print backend
 * and no dialog).  FALSE with @error set when it failed; nothing is shown. */
gboolean td_print_operation_export (TdPrintOperation *self, const char *path, GError **error);

G_END_DECLS
