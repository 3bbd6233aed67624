/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-table"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-file.h"
#include "core/td-idnumber.h"
#include "table/td-csv.h"
#include "table/td-table-writer.h"

#define MAX_DECIMALS 4

struct _TdTableWriter
{
  TdTableFormat format;
  char *path;
  TdFile *file;                 /* the temporary file, renamed over @path on success */
  GString *csv;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold;
  lxw_format *date;
  lxw_format *text;
  lxw_format *decimals[MAX_DECIMALS + 1];
  TdTableOptions options;
  guint row;
  guint column;
  gboolean failed;              /* a cell could not be written */
  lxw_worksheet *lists;         /* the hidden sheet of the drop-down lists, once needed */
  guint n_lists;
};

gboolean
td_table_format_from_path (const char *path, TdTableFormat *format, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    *format = TD_TABLE_FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = TD_TABLE_FORMAT_XLSX;
  else
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                   _("%s: the file name must end in .xlsx or .csv."), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_table_template_path_check (const char *path, GError **error)
{
  TdTableFormat format;

  if (!td_table_format_from_path (path, &format, error))
    return FALSE;
  if (format != TD_TABLE_FORMAT_XLSX)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT,
                   _("%s: the template is an Excel workbook; name it .xlsx."), path);
      return FALSE;
    }
  return TRUE;
}

static void
create_formats (TdTableWriter *writer)
{
  static const char *const numbers[] = { "0", "0.0", "0.00", "0.000", "0.0000" };

  writer->bold = workbook_add_format (writer->workbook);
  format_set_bold (writer->bold);
  writer->date = workbook_add_format (writer->workbook);
  format_set_num_format (writer->date, "yyyy-mm-dd");
  writer->text = workbook_add_format (writer->workbook);
  format_set_num_format (writer->text, "@");
  for (guint i = 0; i <= MAX_DECIMALS; i++)
    {
      writer->decimals[i] = workbook_add_format (writer->workbook);
      format_set_num_format (writer->decimals[i], numbers[i]);
    }
}

static gboolean
open_xlsx (TdTableWriter *writer, const char *sheet_name, GError **error)
{
  writer->workbook = workbook_new (td_file_get_temp_path (writer->file));
  if (writer->workbook != NULL)
    writer->sheet = workbook_add_worksheet (writer->workbook, sheet_name);
  if (writer->sheet == NULL)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_IO, _("Cannot write %s."),
                   writer->path);
      return FALSE;
    }
  create_formats (writer);
  return TRUE;
}

TdTableWriter *
td_table_writer_new (const char *path, const char *sheet_name, GError **error)
{
  g_autoptr (TdTableWriter) writer = g_new0 (TdTableWriter, 1);

  g_return_val_if_fail (path != NULL, NULL);
  if (!td_table_format_from_path (path, &writer->format, error))
    return NULL;
  writer->path = g_strdup (path);
  writer->file = td_file_new (path, error);
  if (writer->file == NULL)
    return NULL;
  if (writer->format == TD_TABLE_FORMAT_CSV)
    {
      writer->csv = g_string_new ("\xEF\xBB\xBF");
      return g_steal_pointer (&writer);
    }
  if (!open_xlsx (writer, sheet_name, error))
    return NULL;
  return g_steal_pointer (&writer);
}

void
td_table_writer_free (TdTableWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->workbook != NULL)
    {
      /* Never finished: close to free it; the temporary file goes with writer->file. */
      workbook_close (writer->workbook);
    }
  g_clear_pointer (&writer->file, td_file_free);
  if (writer->csv != NULL)
    g_string_free (writer->csv, TRUE);
  g_free (writer->path);
  g_free (writer);
}

TdTableFormat
td_table_writer_get_format (const TdTableWriter *writer)
{
  return writer->format;
}

gboolean
td_csv_encoding_from_string (const char *text, TdCsvEncoding *encoding)
{
  if (g_ascii_strcasecmp (text, "utf-8") == 0 || g_ascii_strcasecmp (text, "utf8") == 0)
    *encoding = TD_CSV_UTF8;
  else if (g_ascii_strcasecmp (text, "gbk") == 0)
    *encoding = TD_CSV_GBK;
  else
    return FALSE;
  return TRUE;
}

void
td_table_writer_set_options (TdTableWriter *writer, const TdTableOptions *options)
{
  writer->options = *options;
}

void
td_table_writer_add_id_number (TdTableWriter *writer, const char *id_number)
{
  g_autofree char *masked = NULL;

  if (!writer->options.show_id && id_number != NULL && *id_number != '\0')
    masked = td_id_number_mask (id_number);
  td_table_writer_add_text (writer, masked != NULL ? masked : id_number);
}

lxw_workbook *
td_table_writer_get_workbook (TdTableWriter *writer)
{
  return writer->workbook;
}

lxw_worksheet *
td_table_writer_get_worksheet (TdTableWriter *writer)
{
  return writer->sheet;
}

guint
td_table_writer_get_row (const TdTableWriter *writer)
{
  return writer->row;
}

static void
csv_cell (TdTableWriter *writer, const char *text)
{
  if (writer->column > 0)
    g_string_append_c (writer->csv, ',');
  td_csv_append_field (writer->csv, text != NULL ? text : "", ',');
  writer->column++;
}

static void
check (TdTableWriter *writer, lxw_error status)
{
  if (status != LXW_NO_ERROR)
    writer->failed = TRUE;
}

static void
xlsx_string (TdTableWriter *writer, const char *text, lxw_format *format)
{
  if (text != NULL && text[0] != '\0')
    check (writer, worksheet_write_string (writer->sheet, writer->row, writer->column, text,
                                           format));
  writer->column++;
}

void
td_table_writer_add_header (TdTableWriter *writer, const char *text)
{
  if (writer->format == TD_TABLE_FORMAT_CSV)
    csv_cell (writer, text);
  else
    xlsx_string (writer, text, writer->bold);
}

void
td_table_writer_add_text (TdTableWriter *writer, const char *text)
{
  if (writer->format == TD_TABLE_FORMAT_CSV)
    csv_cell (writer, text);
  else
    xlsx_string (writer, text, NULL);
}

void
td_table_writer_add_number (TdTableWriter *writer, const char *text)
{
  const char *dot;
  char *end = NULL;
  double value;
  guint decimals;

  if (writer->format == TD_TABLE_FORMAT_CSV)
    {
      csv_cell (writer, text);
      return;
    }
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      xlsx_string (writer, text, NULL);
      return;
    }
  dot = strchr (text, '.');
  decimals = dot != NULL ? MIN (strlen (dot + 1), MAX_DECIMALS) : 0;
  check (writer, worksheet_write_number (writer->sheet, writer->row, writer->column, value,
                                         writer->decimals[decimals]));
  writer->column++;
}

void
td_table_writer_add_date (TdTableWriter *writer, const char *iso)
{
  lxw_datetime when = { 0 };

  if (writer->format == TD_TABLE_FORMAT_CSV)
    {
      csv_cell (writer, iso);
      return;
    }
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &when.year, &when.month, &when.day) != 3)
    {
      xlsx_string (writer, iso, NULL);
      return;
    }
  check (writer, worksheet_write_datetime (writer->sheet, writer->row, writer->column, &when,
                                           writer->date));
  writer->column++;
}

void
td_table_writer_end_row (TdTableWriter *writer)
{
  if (writer->format == TD_TABLE_FORMAT_CSV)
    g_string_append (writer->csv, "\r\n");
  writer->row++;
  writer->column = 0;
}

void
td_table_writer_set_column (TdTableWriter *writer, guint column, double width,
                            gboolean text)
{
  if (writer->format == TD_TABLE_FORMAT_XLSX)
    worksheet_set_column (writer->sheet, column, column, width, text ? writer->text : NULL);
}

static gboolean
finish_xlsx (TdTableWriter *writer, GError **error)
{
  lxw_error status = workbook_close (writer->workbook);

  writer->workbook = NULL;
  if (status != LXW_NO_ERROR || writer->failed)
    {
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_IO, _("Cannot write %s: %s"),
                   writer->path, status != LXW_NO_ERROR ? lxw_strerror (status)
                                                        : _("a cell could not be written"));
      return FALSE;
    }
  return td_file_commit (writer->file, error);
}

/* The CSV text (after its UTF-8 byte order mark) in GBK; a character GBK does not have is
 * refused by name rather than written as "?". */
static GBytes *
csv_gbk (TdTableWriter *writer, GError **error)
{
  const char *text = writer->csv->str + 3;
  gsize read = 0, written = 0;
  g_autoptr (GError) local = NULL;
  char *gbk = g_convert (text, -1, "GBK", "UTF-8", &read, &written, &local);

  if (gbk != NULL)
    return g_bytes_new_take (gbk, written);
  if (g_error_matches (local, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE))
    {
      char bad[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (text + read), bad);
      g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_IO,
                   _("%s: the character “%s” cannot be written in GBK. Choose UTF-8 for this "
                     "file."), writer->path, bad);
    }
  else
    g_set_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_IO, _("Cannot write %s: %s"),
                 writer->path, local->message);
  return NULL;
}

gboolean
td_table_writer_finish (TdTableWriter *writer, GError **error)
{
  g_autoptr (GBytes) gbk = NULL;

  if (writer->format == TD_TABLE_FORMAT_XLSX)
    return finish_xlsx (writer, error);
  if (writer->options.encoding == TD_CSV_GBK)
    {
      gsize len;
      const void *data;

      gbk = csv_gbk (writer, error);
      if (gbk == NULL)
        return FALSE;
      data = g_bytes_get_data (gbk, &len);
      return td_file_write (writer->file, data, len, error)
             && td_file_commit (writer->file, error);
    }
  return td_file_write (writer->file, writer->csv->str, writer->csv->len, error)
         && td_file_commit (writer->file, error);
}

/* Column n of the hidden sheet 代码表 lists the Chinese names of @list; returns the formula
 * of that range. */
static char *
write_list (TdTableWriter *writer, TdCodeList list)
{
  gsize n = 0;
  const TdCode *codes = td_codes_get (list, &n);
  guint column = writer->n_lists++;
  g_autofree char *letters = td_table_column_letters (column);

  if (writer->lists == NULL)
    {
      writer->lists = workbook_add_worksheet (writer->workbook, "代码表");
      worksheet_hide (writer->lists);
    }
  for (gsize i = 0; i < n; i++)
    worksheet_write_string (writer->lists, i, column, codes[i].zh, NULL);
  return g_strdup_printf ("='代码表'!$%s$1:$%s$%" G_GSIZE_FORMAT, letters, letters, n);
}

void
td_table_writer_add_drop_down (TdTableWriter *writer, guint column, TdCodeList list,
                               gboolean strict)
{
  lxw_data_validation validation = { 0 };
  g_autofree char *formula = NULL;

  if (writer->format != TD_TABLE_FORMAT_XLSX)
    return;
  formula = write_list (writer, list);
  validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  validation.value_formula = formula;
  validation.ignore_blank = LXW_VALIDATION_ON;
  validation.dropdown = LXW_VALIDATION_ON;
  validation.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP
                                 : LXW_VALIDATION_ERROR_TYPE_INFORMATION;
  if (worksheet_data_validation_range (writer->sheet, 1, column, 1000, column, &validation)
      != LXW_NO_ERROR)
    writer->failed = TRUE;
}
