/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "table/td-table.h"
#include "table/td-csv.h"
#include "table/td-xlsx-reader.h"

G_DEFINE_QUARK (td-table-error-quark, td_table_error)

typedef struct
{
  char *text;
  TdCellKind kind;
} TdCell;

typedef struct
{
  guint line;
  GArray *cells;                /* TdCell */
} TdRow;

struct _TdTable
{
  TdTableFormat format;
  TdTableLimits limits;
  char *encoding;
  char separator;
  char *sheet_name;
  GArray *rows;                 /* TdRow */
  TdRow current;
  gboolean in_row;
  guint width;                  /* the most cells a row has had so far */
};

void
td_table_limits_init (TdTableLimits *limits)
{
  limits->max_rows = TD_TABLE_MAX_DATA_ROWS + TD_TABLE_MAX_HEADER_ROWS;
  limits->max_columns = 256;
  limits->max_file_size = 32 * 1024 * 1024;
  limits->max_uncompressed = 64 * 1024 * 1024;
}

static void
cell_clear (gpointer data)
{
  TdCell *cell = data;

  g_clear_pointer (&cell->text, g_free);
}

static void
row_clear (gpointer data)
{
  TdRow *row = data;

  g_clear_pointer (&row->cells, g_array_unref);
}

/* Room for @width cells: a row is as wide as the rows before it, mostly, and its cells come
 * one by one (not reallocated at each). */
static GArray *
cells_new (guint width)
{
  GArray *cells = g_array_sized_new (FALSE, TRUE, sizeof (TdCell), width);

  g_array_set_clear_func (cells, cell_clear);
  return cells;
}

TdTable *
td_table_new (TdTableFormat format, const TdTableLimits *limits)
{
  TdTable *table = g_new0 (TdTable, 1);

  table->format = format;
  if (limits != NULL)
    table->limits = *limits;
  else
    td_table_limits_init (&table->limits);
  table->rows = g_array_new (FALSE, TRUE, sizeof (TdRow));
  g_array_set_clear_func (table->rows, row_clear);
  return table;
}

void
td_table_free (TdTable *table)
{
  if (table == NULL)
    return;
  g_free (table->encoding);
  g_free (table->sheet_name);
  g_array_unref (table->rows);
  row_clear (&table->current);
  g_free (table);
}

TdTableFormat
td_table_get_format (const TdTable *table)
{
  return table->format;
}

const char *
td_table_get_encoding (const TdTable *table)
{
  return table->encoding;
}

char
td_table_get_separator (const TdTable *table)
{
  return table->separator;
}

const char *
td_table_get_sheet_name (const TdTable *table)
{
  return table->sheet_name;
}

void
td_table_set_encoding (TdTable *table, const char *encoding, char separator)
{
  g_free (table->encoding);
  table->encoding = g_strdup (encoding);
  table->separator = separator;
}

void
td_table_set_sheet_name (TdTable *table, const char *name)
{
  g_free (table->sheet_name);
  table->sheet_name = g_strdup (name);
}

guint
td_table_get_n_rows (const TdTable *table)
{
  return table->rows->len;
}

static const TdCell *
get_cell (const TdTable *table, guint row, guint column)
{
  const TdRow *r;

  if (row >= table->rows->len)
    return NULL;
  r = &g_array_index (table->rows, TdRow, row);
  if (column >= r->cells->len)
    return NULL;
  return &g_array_index (r->cells, TdCell, column);
}

guint
td_table_get_n_columns (const TdTable *table, guint row)
{
  g_return_val_if_fail (row < table->rows->len, 0);
  return g_array_index (table->rows, TdRow, row).cells->len;
}

guint
td_table_get_line (const TdTable *table, guint row)
{
  g_return_val_if_fail (row < table->rows->len, 0);
  return g_array_index (table->rows, TdRow, row).line;
}

const char *
td_table_get_text (const TdTable *table, guint row, guint column)
{
  const TdCell *cell = get_cell (table, row, column);

  return cell != NULL && cell->text != NULL ? cell->text : "";
}

TdCellKind
td_table_get_kind (const TdTable *table, guint row, guint column)
{
  const TdCell *cell = get_cell (table, row, column);

  return cell != NULL ? cell->kind : TD_CELL_TEXT;
}

char *
td_table_column_letters (guint column)
{
  char buf[8];
  int i = G_N_ELEMENTS (buf) - 1;

  buf[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      buf[--i] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  return g_strdup (buf + i);
}

char *
td_table_column_name (const TdTable *table, guint column)
{
  if (table->format == TD_TABLE_FORMAT_XLSX)
    return td_table_column_letters (column);
  return g_strdup_printf ("%u", column + 1);
}

void
td_table_begin_row (TdTable *table, guint line)
{
  row_clear (&table->current);
  table->current.line = line;
  table->current.cells = cells_new (table->width);
  table->in_row = TRUE;
}

gboolean
td_table_set_cell (TdTable *table, guint column, char *text, TdCellKind kind, GError **error)
{
  TdCell *cell;

  g_return_val_if_fail (table->in_row, FALSE);
  if (column >= table->limits.max_columns)
    {
      g_autofree char *letters = td_table_column_name (table, column);

      g_free (text);
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_TOO_LARGE,
                   _("The table has a cell in column %s, past the limit of %u columns."),
                   letters, table->limits.max_columns);
      return FALSE;
    }
  if (column >= table->current.cells->len)
    g_array_set_size (table->current.cells, column + 1);
  cell = &g_array_index (table->current.cells, TdCell, column);
  g_free (cell->text);
  cell->text = text;
  cell->kind = kind;
  return TRUE;
}

static gboolean
row_is_blank (const TdRow *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    {
      const char *text = g_array_index (row->cells, TdCell, i).text;

      for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          return FALSE;
    }
  return TRUE;
}

gboolean
td_table_end_row (TdTable *table, GError **error)
{
  g_return_val_if_fail (table->in_row, FALSE);
  table->in_row = FALSE;
  if (row_is_blank (&table->current))
    {
      row_clear (&table->current);
      return TRUE;
    }
  if (table->rows->len >= table->limits.max_rows)
    {
      if (table->format == TD_TABLE_FORMAT_XLSX)
        g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_TOO_MANY_ROWS,
                     _("The sheet has more than %u rows (refused at row %u): split it into "
                       "smaller files."),
                     table->limits.max_rows, table->current.line);
      else
        g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_TOO_MANY_ROWS,
                     _("The file has more than %u rows (refused at line %u): split it into "
                       "smaller files."),
                     table->limits.max_rows, table->current.line);
      row_clear (&table->current);
      return FALSE;
    }
  table->width = MAX (table->width, table->current.cells->len);
  g_array_append_val (table->rows, table->current);
  memset (&table->current, 0, sizeof table->current);
  return TRUE;
}

static gint
find_line (const TdTable *table, guint line)
{
  guint lo = 0, hi = table->rows->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint at = g_array_index (table->rows, TdRow, mid).line;

      if (at == line)
        return mid;
      if (at < line)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

static void
fill_row (TdTable *table, TdRow *row, guint first_column, guint last_column,
          const char *text, TdCellKind kind, gboolean skip_first)
{
  for (guint c = first_column; c <= last_column && c < table->limits.max_columns; c++)
    {
      TdCell *cell;

      if (skip_first && c == first_column)
        continue;
      if (c >= row->cells->len)
        g_array_set_size (row->cells, c + 1);
      cell = &g_array_index (row->cells, TdCell, c);
      if (cell->text == NULL || cell->text[0] == '\0')
        {
          g_free (cell->text);
          cell->text = g_strdup (text);
          cell->kind = kind;
        }
    }
}

void
td_table_fill_merged (TdTable *table, guint first_line, guint first_column,
                      guint last_line, guint last_column)
{
  gint top = find_line (table, first_line);
  const TdCell *origin;
  g_autofree char *text = NULL;
  TdCellKind kind;

  if (top < 0 || last_line < first_line || last_column < first_column)
    return;
  origin = get_cell (table, top, first_column);
  if (origin == NULL || origin->text == NULL || origin->text[0] == '\0')
    return;
  text = g_strdup (origin->text);
  kind = origin->kind;
  for (guint i = top; i < table->rows->len; i++)
    {
      TdRow *row = &g_array_index (table->rows, TdRow, i);

      if (row->line > last_line)
        break;
      fill_row (table, row, first_column, last_column, text, kind, (gint) i == top);
    }
}

gboolean
td_table_serial_to_iso (double serial, gboolean date1904, char out[11])
{
  g_autoptr (GDate) date = NULL;
  double days = floor (serial);

  out[0] = '\0';
  if (!isfinite (serial) || days < (date1904 ? 0 : 1) || days > 2958465)
    return FALSE;
  if (!date1904 && days == 60)
    return FALSE;               /* 1900-02-29, which Excel believes in */
  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else
    date = g_date_new_dmy (days < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, (guint) days);
  if (g_date_get_year (date) > 9999)
    return FALSE;
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return TRUE;
}

static gboolean
looks_like_zip (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  return len >= 4 && data[0] == 'P' && data[1] == 'K'
         && ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6));
}

char *
td_table_fold_header (const char *header)
{
  g_autofree char *nfkc = g_utf8_normalize (header, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;
  GString *out = g_string_new (NULL);
  char *paren;

  if (nfkc == NULL)
    return g_string_free (out, FALSE);
  folded = g_utf8_casefold (nfkc, -1);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '*' && c != ':' && c != '_' && c != '-')
        g_string_append_unichar (out, c);
    }
  paren = strchr (out->str, '(');
  if (paren != NULL && paren != out->str && g_str_has_suffix (out->str, ")"))
    g_string_truncate (out, paren - out->str);
  return g_string_free (out, FALSE);
}

TdTable *
td_table_read_bytes (GBytes *bytes, const char *sheet, const TdTableLimits *limits,
                     GCancellable *cancellable, GError **error)
{
  TdTableLimits defaults;

  if (limits == NULL)
    {
      td_table_limits_init (&defaults);
      limits = &defaults;
    }
  if (g_bytes_get_size (bytes) > limits->max_file_size)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_TOO_LARGE,
                   _("The file is larger than %u MiB."),
                   (guint) (limits->max_file_size / (1024 * 1024)));
      return NULL;
    }
  if (looks_like_zip (bytes))
    return td_xlsx_read (bytes, sheet, limits, cancellable, error);
  return td_csv_read (bytes, limits, cancellable, error);
}

TdTable *
td_table_read_file (const char *path, const char *sheet, const TdTableLimits *limits,
                    GCancellable *cancellable, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) bytes = NULL;
  TdTableLimits defaults;

  if (limits == NULL)
    {
      td_table_limits_init (&defaults);
      limits = &defaults;
    }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local);
  if (info != NULL && (guint64) g_file_info_get_size (info) > limits->max_file_size)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_TOO_LARGE,
                   _("The file is larger than %u MiB."),
                   (guint) (limits->max_file_size / (1024 * 1024)));
      return NULL;
    }
  if (info != NULL)
    bytes = g_file_load_bytes (file, cancellable, NULL, &local);
  if (bytes == NULL)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_IO, _("Cannot read %s: %s"),
                   path, local->message);
      return NULL;
    }
  return td_table_read_bytes (bytes, sheet, limits, cancellable, error);
}
