/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-table"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/td-codes.h"
#include "table/td-roster-import.h"   /* TD_IMPORT_ERROR */
#include "table/td-sheet.h"

struct _TdSheetMap
{
  const TdSheetField *fields;
  guint n_fields;
  int *columns;                 /* per field, -1 when absent */
  char **headers;               /* per field, the header text as written */
  gboolean *by_hand;
  guint first_data_row;
};

int
td_sheet_field_from_header (const TdSheetField *fields, guint n_fields, const char *header)
{
  g_autofree char *folded = NULL;

  if (header == NULL || header[0] == '\0')
    return -1;
  folded = td_table_fold_header (header);
  if (folded[0] == '\0')
    return -1;
  for (guint f = 0; f < n_fields; f++)
    {
      g_auto (GStrv) names = g_strsplit (fields[f].names, "|", -1);

      if (g_strv_contains ((const char *const *) names, folded))
        return (int) f;
    }
  return -1;
}

TdSheetMap *
td_sheet_map_new (const TdSheetField *fields, guint n_fields)
{
  TdSheetMap *map = g_new0 (TdSheetMap, 1);

  map->fields = fields;
  map->n_fields = n_fields;
  map->columns = g_new (int, n_fields);
  map->headers = g_new0 (char *, n_fields);
  map->by_hand = g_new0 (gboolean, n_fields);
  for (guint f = 0; f < n_fields; f++)
    map->columns[f] = -1;
  return map;
}

void
td_sheet_map_free (TdSheetMap *map)
{
  if (map == NULL)
    return;
  for (guint f = 0; f < map->n_fields; f++)
    g_free (map->headers[f]);
  g_free (map->headers);
  g_free (map->columns);
  g_free (map->by_hand);
  g_free (map);
}

/* "B" → 1, "AA" → 26, "3" → 2; -1 when neither. */
static int
parse_column (const char *text)
{
  int column = 0;

  if (text[0] == '\0' || strlen (text) > 3)
    return -1;
  if (strspn (text, "0123456789") == strlen (text))
    return atoi (text) >= 1 ? atoi (text) - 1 : -1;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalpha (*p))
        return -1;
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
    }
  return column - 1;
}

gboolean
td_sheet_map_set_by_hand (TdSheetMap *map, const char *spec, GError **error)
{
  g_autofree char *half = td_codes_halfwidth (spec);
  char *eq = strrchr (half, '=');
  int field, column;

  if (eq != NULL)
    *eq = '\0';
  field = eq != NULL ? td_sheet_field_from_header (map->fields, map->n_fields, half) : -1;
  column = eq != NULL ? parse_column (g_strstrip (eq + 1)) : -1;
  if (field < 0 || column < 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_MISSING_COLUMN,
                   _("“%s” does not map a column: write FIELD=COLUMN, as 身份证号=B."), spec);
      return FALSE;
    }
  map->columns[field] = column;
  map->by_hand[field] = TRUE;
  g_free (map->headers[field]);
  map->headers[field] = g_strdup (map->fields[field].header);
  return TRUE;
}

static guint
count_fields (const TdSheetMap *map, const TdTable *table, guint row)
{
  guint n = 0;

  for (guint c = 0; c < td_table_get_n_columns (table, row); c++)
    n += td_sheet_field_from_header (map->fields, map->n_fields,
                                     td_table_get_text (table, row, c)) >= 0;
  return n;
}

/* Maps the fields named in @row to their columns; the first column of a field wins and a
 * mapping by hand stands. */
static void
map_row (TdSheetMap *map, const TdTable *table, guint row)
{
  for (guint c = 0; c < td_table_get_n_columns (table, row); c++)
    {
      const char *text = td_table_get_text (table, row, c);
      int field = td_sheet_field_from_header (map->fields, map->n_fields, text);

      if (field < 0 || map->columns[field] >= 0)
        continue;
      map->columns[field] = (int) c;
      map->headers[field] = g_strstrip (g_strdup (text));
    }
}

static gboolean
column_mapped (const TdSheetMap *map, guint column)
{
  for (guint f = 0; f < map->n_fields; f++)
    if (map->columns[f] == (int) column)
      return TRUE;
  return FALSE;
}

static void
note_ignored_columns (const TdSheetMap *map, const TdTable *table, guint header_row,
                      GPtrArray *ignored)
{
  for (guint r = header_row; r < map->first_data_row; r++)
    for (guint c = 0; c < td_table_get_n_columns (table, r); c++)
      {
        const char *text = td_table_get_text (table, r, c);
        g_autofree char *column = NULL;

        if (column_mapped (map, c) || text[0] == '\0'
            || (r + 1 < map->first_data_row && td_table_get_text (table, r + 1, c)[0] != '\0'))
          continue;
        column = td_table_column_name (table, c);
        g_ptr_array_add (ignored, g_strdup_printf ("%s (%s)", column, text));
      }
}

static gboolean
check_missing (const TdSheetMap *map, GError **error)
{
  g_autoptr (GString) missing = g_string_new (NULL);

  for (guint f = 0; f < map->n_fields; f++)
    if (map->fields[f].required && map->columns[f] < 0)
      g_string_append_printf (missing, "%s%s", missing->len > 0 ? _(", ") : "",
                              map->fields[f].header);
  if (missing->len == 0)
    return TRUE;
  g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_MISSING_COLUMN,
               _("The header row has no column for: %s."), missing->str);
  return FALSE;
}

static gboolean
required_by_hand (const TdSheetMap *map)
{
  for (guint f = 0; f < map->n_fields; f++)
    if (map->fields[f].required && !map->by_hand[f])
      return FALSE;
  return TRUE;
}

gboolean
td_sheet_map_find_header (TdSheetMap *map, const TdTable *table, guint min_fields,
                          const char *no_header, GPtrArray *ignored, GError **error)
{
  guint n = td_table_get_n_rows (table);
  guint limit = MIN (n, TD_TABLE_MAX_HEADER_ROWS);
  guint header = G_MAXUINT;

  for (guint r = 0; r < limit && header == G_MAXUINT; r++)
    if (count_fields (map, table, r) >= min_fields)
      header = r;
  if (header == G_MAXUINT && n > 0 && required_by_hand (map))
    header = 0;
  if (header == G_MAXUINT)
    {
      g_set_error_literal (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_NO_HEADER, no_header);
      return FALSE;
    }
  map_row (map, table, header);
  map->first_data_row = header + 1;
  if (header + 1 < n && count_fields (map, table, header + 1) > 0)
    {
      map_row (map, table, header + 1);
      map->first_data_row = header + 2;
    }
  note_ignored_columns (map, table, header, ignored);
  return check_missing (map, error);
}

int
td_sheet_map_get_column (const TdSheetMap *map, guint field)
{
  g_return_val_if_fail (field < map->n_fields, -1);
  return map->columns[field];
}

const char *
td_sheet_map_get_header (const TdSheetMap *map, guint field)
{
  g_return_val_if_fail (field < map->n_fields, NULL);
  return map->headers[field];
}

guint
td_sheet_map_get_first_data_row (const TdSheetMap *map)
{
  return map->first_data_row;
}

char *
td_sheet_map_cell_text (const TdSheetMap *map, const TdTable *table, guint row, guint field)
{
  if (field >= map->n_fields || map->columns[field] < 0)
    return g_strdup ("");
  return td_codes_halfwidth_stripped (td_table_get_text (table, row,
                                                         (guint) map->columns[field]));
}

TdCellKind
td_sheet_map_cell_kind (const TdSheetMap *map, const TdTable *table, guint row, guint field)
{
  if (field >= map->n_fields || map->columns[field] < 0)
    return TD_CELL_TEXT;
  return td_table_get_kind (table, row, (guint) map->columns[field]);
}

TdDay
td_sheet_map_cell_date (const TdSheetMap *map, const TdTable *table, guint row, guint field)
{
  g_autofree char *text = td_sheet_map_cell_text (map, table, row, field);
  char iso[11];

  if (td_sheet_map_cell_kind (map, table, row, field) == TD_CELL_NUMBER
      && g_ascii_strtod (text, NULL) < 100000
      && td_table_serial_to_iso (g_ascii_strtod (text, NULL), FALSE, iso))
    return td_day_from_iso (iso);
  return td_day_parse_lenient (text);
}
