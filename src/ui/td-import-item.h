/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdImportItem: a line of the roster import dialog's preview: the file's text of each
 * recognised column, which of them have a problem, and the problems (none: a good row). */
#pragma once

#include <glib-object.h>

#include "table/td-roster-import.h"

G_BEGIN_DECLS

#define TD_TYPE_IMPORT_ITEM (td_import_item_get_type ())
G_DECLARE_FINAL_TYPE (TdImportItem, td_import_item, TD, IMPORT_ITEM, GObject)

/* The row @index of @import, which is the table's row @table_row. */
TdImportItem *td_import_item_new (TdRosterImport *import, guint index, guint table_row);
/* The line (CSV) or row (.xlsx) of the file. */
guint td_import_item_get_line (TdImportItem *self);
/* The file's text of @field ("" when the file has no such column). */
const char *td_import_item_get_cell (TdImportItem *self, TdRosterField field);
/* Whether a problem is about @field. */
gboolean td_import_item_is_bad (TdImportItem *self, TdRosterField field);
/* The problems, one a line, as the file's format names places; NULL for a good row. */
const char *td_import_item_get_problems (TdImportItem *self);

G_END_DECLS
