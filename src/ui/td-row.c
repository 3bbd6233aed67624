/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "ui/td-cell.h"
#include "ui/td-row.h"
#include "ui/td-ui-util.h"

struct _TdRow
{
  GObject parent_instance;
  gint64 id;
  GPtrArray *cells;             /* char*, owned */
  guint64 flagged;              /* bit per cell */
  gboolean dimmed;
  gpointer data;
  GDestroyNotify destroy;
};

G_DEFINE_FINAL_TYPE (TdRow, td_row, G_TYPE_OBJECT)

static void
td_row_finalize (GObject *object)
{
  TdRow *self = TD_ROW (object);

  g_ptr_array_unref (self->cells);
  if (self->destroy != NULL && self->data != NULL)
    self->destroy (self->data);
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
td_row_new (gint64 id, guint n_cells)
{
  TdRow *self = g_object_new (TD_TYPE_ROW, NULL);

  self->id = id;
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (self->cells, g_strdup (""));
  return self;
}

gint64
td_row_get_id (TdRow *self)
{
  g_return_val_if_fail (TD_IS_ROW (self), 0);
  return self->id;
}

void
td_row_take (TdRow *self, guint cell, char *text)
{
  g_return_if_fail (TD_IS_ROW (self));
  while (self->cells->len <= cell)
    g_ptr_array_add (self->cells, g_strdup (""));
  g_free (g_ptr_array_index (self->cells, cell));
  g_ptr_array_index (self->cells, cell) = text != NULL ? text : g_strdup ("");
}

void
td_row_set (TdRow *self, guint cell, const char *text)
{
  td_row_take (self, cell, g_strdup (text != NULL ? text : ""));
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

gboolean
td_row_get_flagged (TdRow *self, guint cell)
{
  g_return_val_if_fail (TD_IS_ROW (self), FALSE);
  return cell < 64 && (self->flagged & (G_GUINT64_CONSTANT (1) << cell)) != 0;
}

void
td_row_set_dimmed (TdRow *self, gboolean dimmed)
{
  g_return_if_fail (TD_IS_ROW (self));
  self->dimmed = dimmed;
}

gboolean
td_row_get_dimmed (TdRow *self)
{
  g_return_val_if_fail (TD_IS_ROW (self), FALSE);
  return self->dimmed;
}

void
td_row_set_data (TdRow *self, gpointer data, GDestroyNotify destroy)
{
  g_return_if_fail (TD_IS_ROW (self));
  if (self->destroy != NULL && self->data != NULL)
    self->destroy (self->data);
  self->data = data;
  self->destroy = destroy;
}

gpointer
td_row_get_data (TdRow *self)
{
  g_return_val_if_fail (TD_IS_ROW (self), NULL);
  return self->data;
}

/* ---- columns ---------------------------------------------------------------------- */

#define CELL_ELLIPSIZE 0x10000   /* in the factory's data: the label may shorten */
#define CELL_WRAP 0x20000       /* in the factory's data: the label wraps, never shortened */
#define CELL_FLAGS (CELL_ELLIPSIZE | CELL_WRAP)

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *image = gtk_image_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_UINT (data) & CELL_ELLIPSIZE)
    {
      /* shortened, but never below a name's length */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
    }
  if (GPOINTER_TO_UINT (data) & CELL_WRAP)
    {
      /* every word shown: long text takes more lines, never "…" */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  gtk_widget_set_hexpand (label, TRUE);
  td_ui_tooltip_attach (box);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  guint cell = GPOINTER_TO_UINT (data) & ~CELL_FLAGS;
  TdRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (image);
  const char *text = td_row_get (row, cell);
  gboolean icon = g_str_has_prefix (text, "icon:");

  gtk_widget_set_visible (image, icon);
  gtk_widget_set_visible (label, !icon);
  if (icon)
    gtk_image_set_from_icon_name (GTK_IMAGE (image), text + 5);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (box, icon ? NULL : text);
  g_object_set_data (G_OBJECT (box), "td-list-item", item);
  if (td_row_get_flagged (row, cell))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  if (td_row_get_dimmed (row))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static GtkColumnViewColumn *
column_new (const char *title, guint data, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (data));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (data));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

GtkColumnViewColumn *
td_row_column_new (const char *title, guint cell, gboolean expand)
{
  return column_new (title, cell | (expand ? CELL_ELLIPSIZE : 0), expand);
}

GtkColumnViewColumn *
td_row_column_new_wrapping (const char *title, guint cell)
{
  return column_new (title, cell | CELL_WRAP, TRUE);
}

void
td_row_view_add_columns (GtkColumnView *view, const char * const *titles, guint n_titles,
                         guint expand_cell)
{
  for (guint i = 0; i < n_titles; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = td_row_column_new (titles[i], i,
                                                                  i == expand_cell);
      gtk_column_view_append_column (view, column);
    }
}

TdRow *
td_row_view_get_selected (GtkColumnView *view)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  if (!GTK_IS_SINGLE_SELECTION (model))
    return NULL;
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

/* The position @row (a row widget of a column view's list) shows, from the list item
 * bind_cell () noted on its cells; GTK_INVALID_LIST_POSITION when it shows none. */
static guint
row_widget_position (GtkWidget *row)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *box = gtk_widget_get_first_child (cell);
      GtkListItem *item = box == NULL ? NULL
                          : TD_IS_CELL (box) ? td_cell_get_list_item (TD_CELL (box))
                                             : g_object_get_data (G_OBJECT (box), "td-list-item");

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

void
td_row_store_replace (GListStore *store, GPtrArray *rows)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_list_store_splice (store, 0, n, rows->pdata, rows->len);
  g_ptr_array_set_size (rows, 0);
}
