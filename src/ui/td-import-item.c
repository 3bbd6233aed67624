/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include "ui/td-import-item.h"

struct _TdImportItem
{
  GObject parent_instance;
  guint line;
  char *cells[TD_ROSTER_N_FIELDS];  /* the file's text of each recognised column */
  guint bad_fields;                 /* a bit per TdRosterField with a problem */
  char *problems;                   /* the library's messages, one a line; NULL: good */
};

G_DEFINE_FINAL_TYPE (TdImportItem, td_import_item, G_TYPE_OBJECT)

static void
td_import_item_finalize (GObject *object)
{
  TdImportItem *self = TD_IMPORT_ITEM (object);

  for (int f = 0; f < TD_ROSTER_N_FIELDS; f++)
    g_free (self->cells[f]);
  g_free (self->problems);
  G_OBJECT_CLASS (td_import_item_parent_class)->finalize (object);
}

static void
td_import_item_class_init (TdImportItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_import_item_finalize;
}

static void
td_import_item_init (TdImportItem *self)
{
}

TdImportItem *
td_import_item_new (TdRosterImport *import, guint index, guint table_row)
{
  const TdImportRow *row = td_roster_import_get_row (import, index);
  const TdTable *table = td_roster_import_get_table (import);
  TdTableFormat format = td_table_get_format (table);
  TdImportItem *item = g_object_new (TD_TYPE_IMPORT_ITEM, NULL);
  GString *problems = g_string_new (NULL);

  item->line = row->line;
  for (int f = 0; f < TD_ROSTER_N_FIELDS; f++)
    {
      int column = td_roster_import_get_column (import, f);

      item->cells[f] = g_strdup (column >= 0 ? td_table_get_text (table, table_row, column) : "");
    }
  for (guint k = 0; k < row->problems->len; k++)
    {
      const TdImportProblem *problem = g_ptr_array_index (row->problems, k);
      g_autofree char *text = td_import_problem_format (problem, format);

      g_string_append_printf (problems, "%s%s", k > 0 ? "\n" : "", text);
      if (problem->field != TD_ROSTER_FIELD_NONE)
        item->bad_fields |= 1u << problem->field;
    }
  item->problems = row->problems->len > 0 ? g_string_free (problems, FALSE) : NULL;
  if (item->problems == NULL)
    g_string_free (problems, TRUE);
  return item;
}

guint
td_import_item_get_line (TdImportItem *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_ITEM (self), 0);
  return self->line;
}

const char *
td_import_item_get_cell (TdImportItem *self, TdRosterField field)
{
  g_return_val_if_fail (TD_IS_IMPORT_ITEM (self), "");
  g_return_val_if_fail ((int) field >= 0 && field < TD_ROSTER_N_FIELDS, "");
  return self->cells[field];
}

gboolean
td_import_item_is_bad (TdImportItem *self, TdRosterField field)
{
  g_return_val_if_fail (TD_IS_IMPORT_ITEM (self), FALSE);
  return (int) field >= 0 && field < TD_ROSTER_N_FIELDS && (self->bad_fields & (1u << field)) != 0;
}

const char *
td_import_item_get_problems (TdImportItem *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_ITEM (self), NULL);
  return self->problems;
}
