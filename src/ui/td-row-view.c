/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "ui/td-cell.h"
#include "ui/td-row-view.h"

/* The position @row (a row widget of a column view's list) shows, from the list item its
 * cells (TdCell) are drawn for; GTK_INVALID_LIST_POSITION when it shows none. */
static guint
row_widget_position (GtkWidget *row)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *child = gtk_widget_get_first_child (cell);
      GtkListItem *item = TD_IS_CELL (child) ? td_cell_get_list_item (TD_CELL (child)) : NULL;

      if (item != NULL && gtk_list_item_get_item (item) != NULL)
        return gtk_list_item_get_position (item);
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The list of @view whose children are the row widgets. */
static GtkWidget *
view_list (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

gboolean
td_row_view_focus_selected (GtkColumnView *view)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  GtkWidget *list = view_list (view);
  guint selected;

  if (!GTK_IS_SINGLE_SELECTION (model) || list == NULL)
    return FALSE;
  selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row) && row_widget_position (row) == selected)
      return gtk_widget_grab_focus (row);
  return FALSE;
}

guint
td_row_view_get_focus_position (GtkColumnView *view)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *list = view_list (view);

  for (; focus != NULL && list != NULL; focus = gtk_widget_get_parent (focus))
    if (gtk_widget_get_parent (focus) == list)
      return row_widget_position (focus);
  return GTK_INVALID_LIST_POSITION;
}
