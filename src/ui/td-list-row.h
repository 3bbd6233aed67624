/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdListRow: the base of the row types of the pages' lists (TdFollowUpRow, TdResultRow,
 * TdPacketRow …): the id of what the row shows (property "id") and whether it is drawn
 * dimmed ("dimmed": withdrawn, not offered).  A subclass adds what its columns show as
 * properties, each column of a .ui template a TdCell showing one of them ("key") and a
 * GtkSorter over it (GtkStringSorter for names, GtkNumericSorter for numbers and days);
 * a string property "KEY-flagged" (boolean) draws that cell with the "error" style. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TD_TYPE_LIST_ROW (td_list_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (TdListRow, td_list_row, TD, LIST_ROW, GObject)

struct _TdListRowClass
{
  GObjectClass parent_class;
  gpointer padding[4];
};

gint64 td_list_row_get_id (TdListRow *self);
gboolean td_list_row_get_dimmed (TdListRow *self);

/* For subclasses: properties id and dimmed, set when the row is built. */
void td_list_row_set_id (TdListRow *self, gint64 id);
void td_list_row_set_dimmed (TdListRow *self, gboolean dimmed);

/* For subclasses whose column properties are values set once, when the row is built:
 * td_list_row_init_values () in init with the subclass's number of property ids, the
 * values set by id, and td_list_row_get_value_property as the class's get_property. */
void td_list_row_init_values (TdListRow *self, guint n_props);
void td_list_row_set_string (TdListRow *self, guint prop_id, const char *text);
void td_list_row_take_string (TdListRow *self, guint prop_id, char *text);
void td_list_row_set_int64 (TdListRow *self, guint prop_id, gint64 number);
void td_list_row_set_boolean (TdListRow *self, guint prop_id, gboolean on);
void td_list_row_get_value_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec);
const char *td_list_row_get_string (TdListRow *self, guint prop_id);

/* The position in @model of the row whose id is @id, else GTK_INVALID_LIST_POSITION. */
guint td_list_row_find (GListModel *model, gint64 id);

/* Replaces every row of @store with @rows (TdListRow*, the array is emptied); the row
 * @selection (over @store, sorted or not) had chosen stays chosen, by its id. */
void td_list_row_store_replace (GListStore *store, GPtrArray *rows,
                                GtkSingleSelection *selection);

G_END_DECLS
