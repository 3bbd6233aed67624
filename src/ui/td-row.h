/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdRow: a line of the findings window's list as display strings (the pages' lists are
 * typed rows: td-list-row.h), and the column-view helpers the Attendance page's keyboard
 * uses (which row has the focus, focus to the selected row). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TD_TYPE_ROW (td_row_get_type ())
G_DECLARE_FINAL_TYPE (TdRow, td_row, TD, ROW, GObject)

TdRow *td_row_new (guint n_cells);
void td_row_set (TdRow *self, guint cell, const char *text);
const char *td_row_get (TdRow *self, guint cell);
/* Cells drawn with the "error" style (an error's severity). */
void td_row_set_flagged (TdRow *self, guint cell, gboolean flagged);

/* Appends the columns, each titled from @titles (translated) and showing cells 0 … n-1,
 * each with a sorter (flagged cells first, then by text); the view sorts when its model
 * is sorted by gtk_column_view_get_sorter(). */
void td_row_view_add_columns (GtkColumnView *view, const char * const *titles,
                              guint n_titles, guint expand_cell);
/* Moves the keyboard focus to the selected row of a view over a GtkSingleSelection, so
 * that keys and arrows act from the row the user sees selected; FALSE when there is none
 * or it is not built (scrolled far away). */
gboolean td_row_view_focus_selected (GtkColumnView *view);
/* The position of the row of @view that has the keyboard focus, else
 * GTK_INVALID_LIST_POSITION. */
guint td_row_view_get_focus_position (GtkColumnView *view);

G_END_DECLS
