/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/td-trainee-model.h"

/* ---- model -------------------------------------------------------------------- */

struct _TdTraineeModel
{
  GObject parent_instance;
  TdStore *store;
  char *order;
  GArray *ids;                  /* gint64 */
  GPtrArray *rows;              /* TdTraineeRow* or NULL, parallel to ids */
};

static void td_trainee_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdTraineeModel, td_trainee_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      td_trainee_model_list_init))

static GType
td_trainee_model_get_item_type (GListModel *list)
{
  return TD_TYPE_TRAINEE_ROW;
}

static guint
td_trainee_model_get_n_items (GListModel *list)
{
  return TD_TRAINEE_MODEL (list)->ids->len;
}

static gpointer
td_trainee_model_get_item (GListModel *list, guint position)
{
  TdTraineeModel *self = TD_TRAINEE_MODEL (list);
  TdTraineeRow *row;

  if (position >= self->ids->len)
    return NULL;
  row = g_ptr_array_index (self->rows, position);
  if (row == NULL)
    {
      TdTrainee *trainee = td_store_get_trainee (self->store,
                                                 g_array_index (self->ids, gint64, position),
                                                 NULL);
      if (trainee == NULL)
        {
          trainee = td_trainee_new ();
          trainee->name = g_strdup (_("(removed)"));
        }
      row = td_trainee_row_new_take (trainee);
      self->rows->pdata[position] = row;
    }
  return g_object_ref (row);
}

static void
td_trainee_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = td_trainee_model_get_item_type;
  iface->get_n_items = td_trainee_model_get_n_items;
  iface->get_item = td_trainee_model_get_item;
}

static void
td_trainee_model_finalize (GObject *object)
{
  TdTraineeModel *self = TD_TRAINEE_MODEL (object);

  g_clear_object (&self->store);
  g_free (self->order);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (td_trainee_model_parent_class)->finalize (object);
}

static void
td_trainee_model_class_init (TdTraineeModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_trainee_model_finalize;
}

static void
td_trainee_model_init (TdTraineeModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_object_unref);
}

gboolean
td_trainee_model_reload (TdTraineeModel *self, GError **error)
{
  guint removed;
  gboolean ok;

  g_return_val_if_fail (TD_IS_TRAINEE_MODEL (self), FALSE);
  removed = self->ids->len;
  g_array_unref (self->ids);
  self->ids = td_store_list_trainee_ids (self->store, self->order, error);
  ok = self->ids != NULL;
  if (!ok)
    self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->rows, self->ids->len);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
  return ok;
}

TdTraineeModel *
td_trainee_model_new (TdStore *store, const char *order, GError **error)
{
  g_autoptr (TdTraineeModel) self = g_object_new (TD_TYPE_TRAINEE_MODEL, NULL);

  self->store = g_object_ref (store);
  self->order = g_strdup (order);
  if (!td_trainee_model_reload (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ---- filter ------------------------------------------------------------------- */

struct _TdTraineeFilter
{
  GtkFilter parent_instance;
  char *needle;                 /* casefolded */
};

G_DEFINE_FINAL_TYPE (TdTraineeFilter, td_trainee_filter, GTK_TYPE_FILTER)

static gboolean
td_trainee_filter_match (GtkFilter *filter, gpointer item)
{
  return td_trainee_row_matches (TD_TRAINEE_ROW (item), TD_TRAINEE_FILTER (filter)->needle);
}

static GtkFilterMatch
td_trainee_filter_get_strictness (GtkFilter *filter)
{
  const char *needle = TD_TRAINEE_FILTER (filter)->needle;

  return needle == NULL || needle[0] == '\0' ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
td_trainee_filter_finalize (GObject *object)
{
  g_free (TD_TRAINEE_FILTER (object)->needle);
  G_OBJECT_CLASS (td_trainee_filter_parent_class)->finalize (object);
}

static void
td_trainee_filter_class_init (TdTraineeFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_trainee_filter_finalize;
  GTK_FILTER_CLASS (klass)->match = td_trainee_filter_match;
  GTK_FILTER_CLASS (klass)->get_strictness = td_trainee_filter_get_strictness;
}

static void
td_trainee_filter_init (TdTraineeFilter *self)
{
}

TdTraineeFilter *
td_trainee_filter_new (void)
{
  return g_object_new (TD_TYPE_TRAINEE_FILTER, NULL);
}

void
td_trainee_filter_set_text (TdTraineeFilter *self, const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *needle = g_utf8_casefold (stripped, -1);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (TD_IS_TRAINEE_FILTER (self));
  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  if (self->needle != NULL && strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->needle != NULL && strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self), change);
}
