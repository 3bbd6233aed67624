/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The keyboard focus in a page's column view whose cells are TdCells (the Attendance
 * page's keys use them): which row has the focus, focus to the selected row. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Moves the keyboard focus to the selected row of a view over a GtkSingleSelection, so
 * that keys and arrows act from the row the user sees selected; FALSE when there is none
 * or it is not built (scrolled far away). */
gboolean td_row_view_focus_selected (GtkColumnView *view);
/* The position of the row of @view that has the keyboard focus, else
 * GTK_INVALID_LIST_POSITION. */
guint td_row_view_get_focus_position (GtkColumnView *view);

G_END_DECLS
