/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tables out: one writer for .xlsx (libxlsxwriter) and .csv (UTF-8 with a BOM or GBK, so that
 * Excel reads the Chinese text; CRLF lines).  Cells are added left to right, row by row.
 * The file appears only when td_table_writer_finish () succeeds. */
#pragma once

#include <xlsxwriter.h>

#include "core/td-codes.h"
#include "table/td-table.h"

G_BEGIN_DECLS

typedef struct _TdTableWriter TdTableWriter;

/* How a CSV file is encoded: UTF-8 with a byte order mark (Excel 2016 and later open it), or
 * GBK (older Excel on a Chinese Windows).  Lines end in CRLF either way. */
typedef enum
{
  TD_CSV_UTF8,
  TD_CSV_GBK,
} TdCsvEncoding;

/* "utf-8" / "gbk" (any case); FALSE when unknown. */
gboolean td_csv_encoding_from_string (const char *text, TdCsvEncoding *encoding);

typedef struct
{
  gboolean show_id;             /* id numbers in full; masked (371502********123X) otherwise */
  TdCsvEncoding encoding;       /* .csv only */
} TdTableOptions;

/* The format from @path's extension: ".csv" or ".xlsx" (any case); anything else is refused
 * with TD_TABLE_ERROR_FORMAT. */
gboolean td_table_format_from_path (const char *path, TdTableFormat *format, GError **error);
/* A template (a sheet to fill in, with drop-down lists) is an Excel workbook: FALSE with
 * TD_TABLE_ERROR_FORMAT when @path is not named .xlsx. */
gboolean td_table_template_path_check (const char *path, GError **error);

TdTableWriter *td_table_writer_new (const char *path, const char *sheet_name, GError **error);
void td_table_writer_free (TdTableWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdTableWriter, td_table_writer_free)

TdTableFormat td_table_writer_get_format (const TdTableWriter *writer);
/* Masking and the CSV encoding; without it ids are masked and CSV is UTF-8. */
void td_table_writer_set_options (TdTableWriter *writer, const TdTableOptions *options);

/* A bold header cell (.xlsx), plain text in CSV. */
void td_table_writer_add_header (TdTableWriter *writer, const char *text);
void td_table_writer_add_text (TdTableWriter *writer, const char *text);
/* An id number, masked unless the options show it. */
void td_table_writer_add_id_number (TdTableWriter *writer, const char *id_number);
/* A decimal written as text ("1200.00", "0.9800", "4.5"): a number cell showing as many
 * decimals in .xlsx, the text itself in CSV. */
void td_table_writer_add_number (TdTableWriter *writer, const char *text);
/* YYYY-MM-DD: a date cell in .xlsx, the text in CSV; "" leaves the cell empty. */
void td_table_writer_add_date (TdTableWriter *writer, const char *iso);
void td_table_writer_end_row (TdTableWriter *writer);
/* Column width in characters, and whether typed values stay text (.xlsx only). */
void td_table_writer_set_column (TdTableWriter *writer, guint column, double width,
                                 gboolean text);
/* Writes the file.  Nothing is left behind on failure. */
gboolean td_table_writer_finish (TdTableWriter *writer, GError **error);

/* .xlsx: a drop-down of the Chinese names of @list in @column, rows 2–1001 (the names on a
 * hidden sheet 代码表).  @strict refuses other text; otherwise Excel only informs.  Nothing
 * for CSV. */
void td_table_writer_add_drop_down (TdTableWriter *writer, guint column, TdCodeList list,
                                    gboolean strict);
/* For what the writer does not cover: NULL for CSV. */
lxw_workbook *td_table_writer_get_workbook (TdTableWriter *writer);
lxw_worksheet *td_table_writer_get_worksheet (TdTableWriter *writer);
guint td_table_writer_get_row (const TdTableWriter *writer);

G_END_DECLS
