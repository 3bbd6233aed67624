/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "ui/td-cell.h"
#include "ui/td-row.h"
#include "ui/td-ui-util.h"

struct _TdRow
{
  GObject parent_instance;
  GPtrArray *cells;             /* char*, owned */
  guint64 flagged;              /* bit per cell */
};

G_DEFINE_FINAL_TYPE (TdRow, td_row, G_TYPE_OBJECT)

static void
td_row_finalize (GObject *object)
{
  g_ptr_array_unref (TD_ROW (object)->cells);
  G_OBJECT_CLASS (td_row_parent_class)->finalize (object);
}

static void
td_row_class_init (TdRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_row_finalize;
}

static void
td_row_init (TdRow *self)
{
  self->cells = g_ptr_array_new_with_free_func (g_free);
}

TdRow *
td_row_new (guint n_cells)
{
  TdRow *self = g_object_new (TD_TYPE_ROW, NULL);

  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (self->cells, g_strdup (""));
  return self;
}

void
td_row_set (TdRow *self, guint cell, const char *text)
{
  g_return_if_fail (TD_IS_ROW (self));
  while (self->cells->len <= cell)
    g_ptr_array_add (self->cells, g_strdup (""));
  g_free (g_ptr_array_index (self->cells, cell));
  g_ptr_array_index (self->cells, cell) = g_strdup (text != NULL ? text : "");
}

const char *
td_row_get (TdRow *self, guint cell)
{
  g_return_val_if_fail (TD_IS_ROW (self), "");
  return cell < self->cells->len ? g_ptr_array_index (self->cells, cell) : "";
}

void
td_row_set_flagged (TdRow *self, guint cell, gboolean flagged)
{
  g_return_if_fail (TD_IS_ROW (self) && cell < 64);
  if (flagged)
    self->flagged |= G_GUINT64_CONSTANT (1) << cell;
  else
    self->flagged &= ~(G_GUINT64_CONSTANT (1) << cell);
}

/* ---- columns ---------------------------------------------------------------------- */

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (expand))
    {
      /* shortened, but never below a name's length */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
    }
  td_ui_tooltip_attach (label);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  guint cell = GPOINTER_TO_UINT (data);
  TdRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = td_row_get (row, cell);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  if (cell < 64 && (row->flagged & (G_GUINT64_CONSTANT (1) << cell)) != 0)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

/* A column's order: its flagged cells (errors) first, then the text by the locale's
 * collation. */
static int
compare_cell (gconstpointer a, gconstpointer b, gpointer data)
{
  guint cell = GPOINTER_TO_UINT (data);
  guint64 bit = cell < 64 ? G_GUINT64_CONSTANT (1) << cell : 0;
  gboolean fa = (TD_ROW ((gpointer) a)->flagged & bit) != 0;
  gboolean fb = (TD_ROW ((gpointer) b)->flagged & bit) != 0;
  int order;

  if (fa != fb)
    return fa ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  order = g_utf8_collate (td_row_get (TD_ROW ((gpointer) a), cell),
                          td_row_get (TD_ROW ((gpointer) b), cell));
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

void
td_row_view_add_columns (GtkColumnView *view, const char * const *titles, guint n_titles,
                         guint expand_cell)
{
  for (guint i = 0; i < n_titles; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;
      g_autoptr (GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_cell,
                                                                  GUINT_TO_POINTER (i), NULL);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell),
                        GINT_TO_POINTER (i == expand_cell));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_expand (column, i == expand_cell);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (view, column);
    }
}

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
