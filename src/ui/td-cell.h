/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdCell: one cell of a page's column view, made by the column's GtkBuilderListItemFactory
 * in the page's .ui template:
 *
 *   <object class="TdCell">
 *     <property name="key">name</property>
 *     <property name="list-item">GtkListItem</property>
 *     <binding name="item"><lookup name="item">GtkListItem</lookup></binding>
 *   </object>
 *
 * It shows the property "key" of the row ("item"; numbers as text), drawn with the "error"
 * style when the row's boolean property "KEY-flagged" is TRUE and dimmed when the row
 * (a TdListRow) is.  A text "icon:NAME" is drawn as that themed icon.  "ellipsize" lets
 * the text be shortened (never below a name's length), "wrap" wraps it onto more lines. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TD_TYPE_CELL (td_cell_get_type ())
G_DECLARE_FINAL_TYPE (TdCell, td_cell, TD, CELL, GtkWidget)

/* The text shown ("" for an icon). */
const char *td_cell_get_text (TdCell *self);
/* The list item the cell is drawn for (NULL before it is set). */
GtkListItem *td_cell_get_list_item (TdCell *self);

G_END_DECLS
