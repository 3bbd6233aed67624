/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing and export from the window: TdPrintDialog chooses a form of the current class and
 * its options, then prints it (the print dialog, with preview) or saves it as PDF; charts
 * are saved as PNG, SVG or PDF. */
#pragma once

#include <adwaita.h>

#include "core/td-store.h"
#include "render/td-charts.h"
#include "render/td-forms.h"
#include "ui/td-chart-widget.h"
#include "ui/td-window.h"

G_BEGIN_DECLS

#define TD_TYPE_PRINT_DIALOG (td_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdPrintDialog, td_print_dialog, TD, PRINT_DIALOG, GtkWindow)

/* A modal dialog over @parent for the class @class_code (which must exist). */
TdPrintDialog *td_print_dialog_new (GtkWindow *parent, TdStore *store, const char *class_code);
void td_print_dialog_set_form (TdPrintDialog *self, TdFormKind kind);
TdFormKind td_print_dialog_get_form (TdPrintDialog *self);
/* The form as chosen in the dialog (kind and options); NULL with @error when it cannot be
 * built (no lesson to print …). */
TdForm *td_print_dialog_build_form (TdPrintDialog *self, GError **error);
/* What "Export PDF…" does once the file is chosen: writes the chosen form to @path, shows
 * a toast "Saved …" in the parent window and closes the dialog; FALSE with @error (the
 * dialog stays open). */
gboolean td_print_dialog_export_pdf (TdPrintDialog *self, const char *path, GError **error);

/* win.print: the dialog for the window's current class, the form chosen after the page
 * shown (Classes: filing, Trainees: roster, Attendance: sign-in, Assessment, Subsidy). */
void td_window_print_current (TdWindow *window);
/* A GActionEntry activate callback for win.print (@window is the TdWindow). */
void td_print_action_activate (GSimpleAction *action, GVariant *param, gpointer window);

/* "Save chart as…": a file chooser offering PNG, SVG and PDF (by the chosen extension, PNG
 * when there is none); the chart is built from the store when the file is chosen and
 * written with td_chart_write ().  @class_code may be NULL for charts of every class. */
void td_chart_save_dialog (GtkWindow *parent, TdStore *store, TdChartKind kind,
                           const char *class_code);
/* The same for the chart a TdChartWidget shows (the chart shown when the file is chosen);
 * @basename is the suggested file name without extension. */
void td_chart_widget_save_dialog (GtkWindow *parent, TdChartWidget *widget,
                                  const char *basename);
/* Writes @chart to @path (PNG, SVG or PDF by the extension) at the size the dialogs use;
 * a toast "Saved …" in @parent when it is a TdWindow. */
gboolean td_chart_save (GtkWindow *parent, TdChart *chart, const char *path, GError **error);

G_END_DECLS
