/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "ui/td-list-row.h"

typedef struct
{
  gint64 id;
  gboolean dimmed;
  GValue *values;               /* the subclass's, by property id */
  guint n_values;
} TdListRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TdListRow, td_list_row, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_DIMMED, N_PROPS };

static GParamSpec *props[N_PROPS];

#define PRIV(self) ((TdListRowPrivate *) td_list_row_get_instance_private (self))

gint64
td_list_row_get_id (TdListRow *self)
{
  g_return_val_if_fail (TD_IS_LIST_ROW (self), 0);
  return PRIV (self)->id;
}

gboolean
td_list_row_get_dimmed (TdListRow *self)
{
  g_return_val_if_fail (TD_IS_LIST_ROW (self), FALSE);
  return PRIV (self)->dimmed;
}

void
td_list_row_set_id (TdListRow *self, gint64 id)
{
  g_return_if_fail (TD_IS_LIST_ROW (self));
  if (PRIV (self)->id == id)
    return;
  PRIV (self)->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ID]);
}

void
td_list_row_set_dimmed (TdListRow *self, gboolean dimmed)
{
  g_return_if_fail (TD_IS_LIST_ROW (self));
  if (PRIV (self)->dimmed == dimmed)
    return;
  PRIV (self)->dimmed = dimmed;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DIMMED]);
}

void
td_list_row_init_values (TdListRow *self, guint n_props)
{
  TdListRowPrivate *priv = PRIV (self);

  g_return_if_fail (priv->values == NULL);
  priv->values = g_new0 (GValue, n_props);
  priv->n_values = n_props;
}

static GValue *
value_slot (TdListRow *self, guint prop_id, GType type)
{
  TdListRowPrivate *priv = PRIV (self);
  GValue *value;

  g_assert (prop_id < priv->n_values);
  value = &priv->values[prop_id];
  if (G_IS_VALUE (value))
    g_value_unset (value);
  return g_value_init (value, type);
}

void
td_list_row_take_string (TdListRow *self, guint prop_id, char *text)
{
  g_value_take_string (value_slot (self, prop_id, G_TYPE_STRING),
                       text != NULL ? text : g_strdup (""));
}

void
td_list_row_set_string (TdListRow *self, guint prop_id, const char *text)
{
  td_list_row_take_string (self, prop_id, g_strdup (text));
}

void
td_list_row_set_int64 (TdListRow *self, guint prop_id, gint64 number)
{
  g_value_set_int64 (value_slot (self, prop_id, G_TYPE_INT64), number);
}

void
td_list_row_set_boolean (TdListRow *self, guint prop_id, gboolean on)
{
  g_value_set_boolean (value_slot (self, prop_id, G_TYPE_BOOLEAN), on);
}

const char *
td_list_row_get_string (TdListRow *self, guint prop_id)
{
  TdListRowPrivate *priv = PRIV (self);

  if (prop_id >= priv->n_values || !G_VALUE_HOLDS_STRING (&priv->values[prop_id]))
    return "";
  return g_value_get_string (&priv->values[prop_id]);
}

void
td_list_row_get_value_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  TdListRowPrivate *priv = PRIV (TD_LIST_ROW (object));

  if (prop_id < priv->n_values && G_IS_VALUE (&priv->values[prop_id]))
    g_value_transform (&priv->values[prop_id], value);
  else if (G_VALUE_HOLDS_STRING (value))
    g_value_set_static_string (value, "");   /* never set: an empty cell */
}

guint
td_list_row_find (GListModel *model, gint64 id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdListRow) row = g_list_model_get_item (model, i);

      if (td_list_row_get_id (row) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
td_list_row_store_replace (GListStore *store, GPtrArray *rows, GtkSingleSelection *selection)
{
  gpointer chosen = gtk_single_selection_get_selected_item (selection);
  gint64 chosen_id = chosen != NULL ? td_list_row_get_id (chosen) : 0;
  guint position;

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), rows->pdata,
                       rows->len);
  g_ptr_array_set_size (rows, 0);
  /* wherever the sort puts it */
  position = chosen != NULL ? td_list_row_find (G_LIST_MODEL (selection), chosen_id)
                            : GTK_INVALID_LIST_POSITION;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (selection, position);
}

static void
td_list_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdListRow *self = TD_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, PRIV (self)->id);
      break;
    case PROP_DIMMED:
      g_value_set_boolean (value, PRIV (self)->dimmed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_list_row_set_property (GObject *object, guint prop_id, const GValue *value,
                          GParamSpec *pspec)
{
  TdListRow *self = TD_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      td_list_row_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_DIMMED:
      td_list_row_set_dimmed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_list_row_finalize (GObject *object)
{
  TdListRowPrivate *priv = PRIV (TD_LIST_ROW (object));

  for (guint i = 0; i < priv->n_values; i++)
    if (G_IS_VALUE (&priv->values[i]))
      g_value_unset (&priv->values[i]);
  g_free (priv->values);
  G_OBJECT_CLASS (td_list_row_parent_class)->finalize (object);
}

static void
td_list_row_class_init (TdListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = td_list_row_get_property;
  object_class->set_property = td_list_row_set_property;
  object_class->finalize = td_list_row_finalize;
  props[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  props[PROP_DIMMED] = g_param_spec_boolean ("dimmed", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
td_list_row_init (TdListRow *self)
{
}
