/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdTable: a grid of text cells read from a CSV file or one sheet of an .xlsx workbook,
 * each row remembering where it came from (the CSV line or the sheet row), so that a
 * problem can be reported where the user will look for it.  Rows with no text are dropped. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TD_TABLE_ERROR (td_table_error_quark ())
GQuark td_table_error_quark (void);

typedef enum
{
  TD_TABLE_ERROR_IO,            /* cannot read or write the file */
  TD_TABLE_ERROR_FORMAT,        /* not a CSV or .xlsx file we can read, or damaged */
  TD_TABLE_ERROR_ENCODING,      /* text neither UTF-8 nor GB18030, mixed, or with NUL bytes */
  TD_TABLE_ERROR_TOO_LARGE,     /* past a size limit (file, uncompressed parts, columns) */
  TD_TABLE_ERROR_TOO_MANY_ROWS, /* past the row limit */
  TD_TABLE_ERROR_NO_SHEET,      /* the named sheet is not in the workbook */
} TdTableError;

typedef enum
{
  TD_TABLE_FORMAT_CSV,
  TD_TABLE_FORMAT_XLSX,
} TdTableFormat;

typedef enum
{
  TD_CELL_TEXT,                 /* text as written */
  TD_CELL_NUMBER,               /* an .xlsx number, written as its shortest decimal */
  TD_CELL_DATE,                 /* an .xlsx date cell: YYYY-MM-DD, or "… hh:mm:ss" with a time */
} TdCellKind;

/* Data rows an import accepts, and the rows allowed above them (titles, headers). */
#define TD_TABLE_MAX_DATA_ROWS 10000
#define TD_TABLE_MAX_HEADER_ROWS 10

typedef struct
{
  guint max_rows;               /* non-empty rows; one more is refused */
  guint max_columns;            /* a cell further right is refused */
  guint64 max_file_size;        /* bytes of the file itself */
  guint64 max_uncompressed;     /* .xlsx: bytes of all parts read, once inflated */
} TdTableLimits;

/* TD_TABLE_MAX_DATA_ROWS + TD_TABLE_MAX_HEADER_ROWS rows, 256 columns, a 32 MiB file,
 * 64 MiB inflated. */
void td_table_limits_init (TdTableLimits *limits);

typedef struct _TdTable TdTable;

TdTable *td_table_new (TdTableFormat format, const TdTableLimits *limits);
void td_table_free (TdTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdTable, td_table_free)

TdTableFormat td_table_get_format (const TdTable *table);
/* "UTF-8", "UTF-8 (BOM)", "GB18030" (td_csv_gb_charset), "UTF-16LE" for CSV; NULL for .xlsx. */
const char *td_table_get_encoding (const TdTable *table);
/* The field separator of a CSV file (',' '\t' ';'), 0 for .xlsx. */
char td_table_get_separator (const TdTable *table);
/* The sheet read from an .xlsx file; NULL for CSV. */
const char *td_table_get_sheet_name (const TdTable *table);

guint td_table_get_n_rows (const TdTable *table);
/* Cells in row @row (the widest column used + 1). */
guint td_table_get_n_columns (const TdTable *table, guint row);
/* The CSV line where the row starts, or the sheet's row number (from 1). */
guint td_table_get_line (const TdTable *table, guint row);
/* The cell's text, "" when empty or past the row's end; never NULL. */
const char *td_table_get_text (const TdTable *table, guint row, guint column);
TdCellKind td_table_get_kind (const TdTable *table, guint row, guint column);

/* Where a cell is, as the user sees it: "C" for .xlsx column 2, "3" for CSV field 2. */
char *td_table_column_name (const TdTable *table, guint column);
/* "A", "B" … "Z", "AA" … for column 0, 1 … */
char *td_table_column_letters (guint column);

/* A header as imports compare it: NFKC, case-folded, without spaces, '*', ':', '_', '-'
 * and a trailing "(…)".  Newly allocated. */
char *td_table_fold_header (const char *header);

/* ---- building (the readers) ---------------------------------------------- */
void td_table_set_encoding (TdTable *table, const char *encoding, char separator);
void td_table_set_sheet_name (TdTable *table, const char *name);
/* Starts a row at @line; cells are then set in any order. */
void td_table_begin_row (TdTable *table, guint line);
/* Takes @text.  FALSE (TD_TABLE_ERROR_TOO_LARGE) past max_columns. */
gboolean td_table_set_cell (TdTable *table, guint column, char *text, TdCellKind kind,
                            GError **error);
/* Keeps the row unless all its cells are empty.  FALSE (TD_TABLE_ERROR_TOO_MANY_ROWS) when
 * the row is one more than max_rows. */
gboolean td_table_end_row (TdTable *table, GError **error);
/* Copies the top-left cell of a merged range into its empty cells (rows present only). */
void td_table_fill_merged (TdTable *table, guint first_line, guint first_column,
                           guint last_line, guint last_column);

/* ---- reading files -------------------------------------------------------- */
/* Reads @path as .xlsx (by its zip signature) or as CSV (otherwise).  @sheet names the
 * .xlsx sheet to read (NULL: the first).  @limits NULL for the defaults. */
TdTable *td_table_read_file (const char *path, const char *sheet, const TdTableLimits *limits,
                             GCancellable *cancellable, GError **error);
/* The same on bytes already in memory. */
TdTable *td_table_read_bytes (GBytes *bytes, const char *sheet, const TdTableLimits *limits,
                              GCancellable *cancellable, GError **error);

/* An Excel date serial (1900 or 1904 system) as YYYY-MM-DD; FALSE outside
 * 1900-01-01 … 9999-12-31 and for the 1900 system's fictitious 29 February. */
gboolean td_table_serial_to_iso (double serial, gboolean date1904, char out[11]);

G_END_DECLS
