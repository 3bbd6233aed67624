/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdRow: one line of a page's GtkColumnView (a trainee, a lesson, a packet …) as display
 * strings plus the id of what it shows, and the column helpers that draw it.  The pages
 * build their GListStore of TdRow from the store's records. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TD_TYPE_ROW (td_row_get_type ())
G_DECLARE_FINAL_TYPE (TdRow, td_row, TD, ROW, GObject)

TdRow *td_row_new (gint64 id, guint n_cells);
gint64 td_row_get_id (TdRow *self);
void td_row_set (TdRow *self, guint cell, const char *text);
void td_row_take (TdRow *self, guint cell, char *text);
const char *td_row_get (TdRow *self, guint cell);
/* Cells drawn with the "error" style (a rate under the threshold, a bad number). */
void td_row_set_flagged (TdRow *self, guint cell, gboolean flagged);
gboolean td_row_get_flagged (TdRow *self, guint cell);
/* The whole row drawn dimmed (withdrawn, not offered). */
void td_row_set_dimmed (TdRow *self, gboolean dimmed);
gboolean td_row_get_dimmed (TdRow *self);
/* Data the page keeps with the row (a record copy). */
void td_row_set_data (TdRow *self, gpointer data, GDestroyNotify destroy);
gpointer td_row_get_data (TdRow *self);

/* A column showing cell @cell of every TdRow; @expand takes the spare width and is the one
 * column whose text may be shortened (the others keep their whole text).  A cell text
 * that is a themed icon name prefixed with "icon:" is drawn as that icon. */
GtkColumnViewColumn *td_row_column_new (const char *title, guint cell, gboolean expand);
/* A column whose text wraps onto more lines instead of being shortened (reasons, messages);
 * it takes the spare width. */
GtkColumnViewColumn *td_row_column_new_wrapping (const char *title, guint cell);
/* Appends the columns, each titled from @titles (translated) and showing cells 0 … n-1. */
void td_row_view_add_columns (GtkColumnView *view, const char * const *titles,
                              guint n_titles, guint expand_cell);
/* The selected row of a view over a GtkSingleSelection, or NULL. */
TdRow *td_row_view_get_selected (GtkColumnView *view);
/* Moves the keyboard focus to the selected row of a view over a GtkSingleSelection, so
 * that keys and arrows act from the row the user sees selected; FALSE when there is none
 * or it is not built (scrolled far away). */
gboolean td_row_view_focus_selected (GtkColumnView *view);
/* The position of the row of @view that has the keyboard focus, else
 * GTK_INVALID_LIST_POSITION. */
guint td_row_view_get_focus_position (GtkColumnView *view);
/* Replaces every item of @store with @rows (TdRow*, the array is emptied). */
void td_row_store_replace (GListStore *store, GPtrArray *rows);

G_END_DECLS
