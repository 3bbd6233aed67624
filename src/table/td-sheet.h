/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every spreadsheet import shares: finding the header row(s) among the first rows of a
 * table, mapping each field to the column whose header names it (Chinese or English, any
 * case, full-width, spaces, a trailing "*" or "(…)" tolerated; a second header row under
 * merged cells), columns mapped by hand, notices for the columns ignored, and reading a
 * cell as text or as a date (an .xlsx date or serial number too). */
#pragma once

#include "core/td-date.h"
#include "table/td-table.h"

G_BEGIN_DECLS

typedef struct
{
  const char *header;           /* what the templates write */
  const char *names;            /* folded names, '|'-separated (td_table_fold_header) */
  gboolean required;
} TdSheetField;

/* The field of @fields that @header names, or -1. */
int td_sheet_field_from_header (const TdSheetField *fields, guint n_fields, const char *header);

typedef struct _TdSheetMap TdSheetMap;

TdSheetMap *td_sheet_map_new (const TdSheetField *fields, guint n_fields);
void td_sheet_map_free (TdSheetMap *map);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdSheetMap, td_sheet_map_free)

/* Maps @field to @column by hand, whatever the header says ("身份证号=B").  @spec is
 * FIELD=COLUMN with FIELD any name of a field and COLUMN a letter (B) or a number from 1.
 * FALSE with a message naming what is wrong. */
gboolean td_sheet_map_set_by_hand (TdSheetMap *map, const char *spec, GError **error);

/* Finds the header: the first of the first rows naming at least @min_fields fields (with
 * the row under it when that names more), else, when every required field is mapped by
 * hand, the first row.  Fails (TD_IMPORT_ERROR_NO_HEADER with @no_header as the message, or
 * TD_IMPORT_ERROR_MISSING_COLUMN naming the fields) when no header is found or a required
 * field has no column.  Adds to @ignored "H (备注)" for each header cell that names no
 * field (char*). */
gboolean td_sheet_map_find_header (TdSheetMap *map, const TdTable *table, guint min_fields,
                                   const char *no_header, GPtrArray *ignored, GError **error);

/* The 0-based column of @field, or -1. */
int td_sheet_map_get_column (const TdSheetMap *map, guint field);
/* The header of @field's column as the file writes it, or NULL. */
const char *td_sheet_map_get_header (const TdSheetMap *map, guint field);
/* The table row of the first data row. */
guint td_sheet_map_get_first_data_row (const TdSheetMap *map);

/* The cell of @field in @row, full-width mapped and trimmed ("" without a column).  Newly
 * allocated. */
char *td_sheet_map_cell_text (const TdSheetMap *map, const TdTable *table, guint row,
                              guint field);
TdCellKind td_sheet_map_cell_kind (const TdSheetMap *map, const TdTable *table, guint row,
                                   guint field);
/* A date cell: YYYY-MM-DD, an Excel serial number, or what td_day_parse_lenient reads;
 * 0 when it is none of these. */
TdDay td_sheet_map_cell_date (const TdSheetMap *map, const TdTable *table, guint row,
                              guint field);

G_END_DECLS
