/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading CSV and .xlsx into a TdTable, hostile files refused, and writing tables. */
#include "config.h"

#include <locale.h>
#include <xlsxwriter.h>

#include "table/td-csv.h"
#include "../td-test-private.h"
#include "table/td-table-writer.h"
#include "table/td-table.h"
#include "table/td-xlsx-reader.h"

#include "table-test-util.h"

static TdTable *
read_text (const char *data, gsize len, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);

  return td_table_read_bytes (bytes, NULL, NULL, NULL, error);
}

static TdTable *
read_ok (const char *data, gsize len)
{
  g_autoptr (GError) error = NULL;
  TdTable *table = read_text (data, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* ---- CSV ------------------------------------------------------------------ */

static void
test_csv_utf8_bom (void)
{
  const char data[] = "\xEF\xBB\xBF姓名,身份证号码\r\n张三,371502199001011234\r\n\r\n";
  g_autoptr (TdTable) table = read_ok (data, strlen (data));

  g_assert_cmpstr (td_table_get_encoding (table), ==, "UTF-8 (BOM)");
  g_assert_cmpint (td_table_get_separator (table), ==, ',');
  g_assert_cmpuint (td_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (td_table_get_text (table, 0, 0), ==, "姓名");
  g_assert_cmpstr (td_table_get_text (table, 1, 1), ==, "371502199001011234");
  g_assert_cmpuint (td_table_get_line (table, 1), ==, 2);
  g_assert_cmpstr (td_table_get_text (table, 1, 7), ==, "");
}

static void
test_csv_gbk (void)
{
  const char utf8[] = "姓名\t文化程度\n李四\t大专\n";
  g_autofree char *gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, NULL, NULL);
  g_autoptr (TdTable) table = NULL;

  g_assert_nonnull (gbk);
  g_assert_false (g_utf8_validate (gbk, -1, NULL));
  table = read_ok (gbk, strlen (gbk));
  g_assert_cmpstr (td_table_get_encoding (table), ==, td_csv_gb_charset ());
  /* GBK only where there is no GB18030 converter: not on Linux, nor on Windows (code page
   * 54936); under Wine 8.0, which lacks that code page */
  if (!td_test_under_wine ())
    g_assert_cmpstr (td_csv_gb_charset (), ==, "GB18030");
  g_assert_cmpint (td_table_get_separator (table), ==, '\t');
  g_assert_cmpstr (td_table_get_text (table, 1, 0), ==, "李四");
  g_assert_cmpstr (td_table_get_text (table, 1, 1), ==, "大专");
}

static void
test_csv_semicolon_quotes (void)
{
  const char data[] = "name;note\n\"Wang; Wu\";\"two\nlines, \"\"quoted\"\"\"\nZhao;x\n";
  g_autoptr (TdTable) table = read_ok (data, strlen (data));

  g_assert_cmpstr (td_table_get_encoding (table), ==, "UTF-8");
  g_assert_cmpint (td_table_get_separator (table), ==, ';');
  g_assert_cmpuint (td_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (td_table_get_text (table, 1, 0), ==, "Wang; Wu");
  g_assert_cmpstr (td_table_get_text (table, 1, 1), ==, "two\nlines, \"quoted\"");
  /* The record after a two-line field starts on line 4. */
  g_assert_cmpuint (td_table_get_line (table, 2), ==, 4);
  g_assert_cmpstr (td_table_get_text (table, 2, 0), ==, "Zhao");
}

static void
assert_refused (const char *data, gsize len, int code, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTable) table = read_text (data, len, &error);

  g_assert_null (table);
  g_assert_error (error, TD_TABLE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_csv_nul (void)
{
  const char data[] = "name,id\nzhang\0san,1\n";

  assert_refused (data, sizeof data - 1, TD_TABLE_ERROR_ENCODING,
                  "Line 2 holds a NUL byte: this is not a text (CSV) file.");
}

static void
test_csv_mixed (void)
{
  g_autofree char *gbk = g_convert ("王五,初中\n", -1, "GBK", "UTF-8", NULL, NULL, NULL);
  g_autofree char *data = g_strconcat ("姓名,学历\n张三,高中\n", gbk, NULL);

  assert_refused (data, strlen (data), TD_TABLE_ERROR_ENCODING,
                  "The file mixes text encodings: line 1 is UTF-8 but line 3 is not. "
                  "Save it again as UTF-8 CSV.");
}

static void
test_csv_invalid (void)
{
  const char data[] = "a,b\nc,\xFF\xFF\n";

  assert_refused (data, strlen (data), TD_TABLE_ERROR_ENCODING,
                  "Line 2 is neither UTF-8 nor GB18030 (GBK) text. Save the file as UTF-8 CSV.");
}

static void
test_csv_unclosed_quote (void)
{
  const char data[] = "a,b\n1,\"open\n2,3\n";

  assert_refused (data, strlen (data), TD_TABLE_ERROR_FORMAT,
                  "Line 2: a quoted field is never closed.");
}

static void
test_csv_row_limit (void)
{
  g_autoptr (GString) data = g_string_new ("name\n");
  g_autoptr (TdTable) table = NULL;

  for (guint i = 1; i < TD_TABLE_MAX_DATA_ROWS + TD_TABLE_MAX_HEADER_ROWS; i++)
    g_string_append_printf (data, "n%u\n", i);
  table = read_ok (data->str, data->len);
  g_assert_cmpuint (td_table_get_n_rows (table), ==, 10010);
  g_string_append (data, "one too many\n");
  assert_refused (data->str, data->len, TD_TABLE_ERROR_TOO_MANY_ROWS,
                  "The file has more than 10010 rows (refused at line 10011): split it into "
                  "smaller files.");
}

/* ---- .xlsx ---------------------------------------------------------------- */

/* A workbook as Excel users make them, written by libxlsxwriter: shared strings, a date cell
 * (a serial with a date format), numbers, a merged title and a merged header cell. */
static GBytes *
make_real_xlsx (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "real.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "花名册");
  lxw_worksheet *other = workbook_add_worksheet (wb, "Other");
  lxw_format *date = workbook_add_format (wb);
  lxw_datetime when = { 2026, 11, 2, 0, 0, 0 };
  char *data = NULL;
  gsize len;

  format_set_num_format (date, "yyyy/m/d");
  worksheet_merge_range (ws, 0, 0, 0, 3, "职业技能培训学员花名册", NULL);
  worksheet_merge_range (ws, 1, 0, 2, 0, "姓名", NULL);
  worksheet_merge_range (ws, 1, 1, 1, 2, "联系方式", NULL);
  worksheet_write_string (ws, 2, 1, "手机号码", NULL);
  worksheet_write_string (ws, 2, 2, "身份证号码", NULL);
  worksheet_write_string (ws, 1, 3, "同意日期", NULL);
  worksheet_write_string (ws, 3, 0, "张三", NULL);
  worksheet_write_number (ws, 3, 1, 13800138000.0, NULL);
  worksheet_write_string (ws, 3, 2, "371502199001011234", NULL);
  worksheet_write_datetime (ws, 3, 3, &when, date);
  worksheet_write_string (ws, 5, 0, "李四", NULL);
  worksheet_write_number (ws, 5, 3, 0.5, NULL);
  worksheet_write_string (other, 0, 0, "elsewhere", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static void
test_xlsx_real (void)
{
  g_autofree char *dir = td_test_make_dir ("td-table-XXXXXX");
  g_autoptr (GBytes) bytes = make_real_xlsx (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTable) table = td_table_read_bytes (bytes, NULL, NULL, NULL, &error);
  g_autoptr (TdTable) other = NULL;
  g_autoptr (GPtrArray) sheets = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (td_table_get_sheet_name (table), ==, "花名册");
  g_assert_null (td_table_get_encoding (table));
  g_assert_cmpuint (td_table_get_n_rows (table), ==, 5);
  /* The merged title fills its range; the vertical merge repeats 姓名 on the second row. */
  g_assert_cmpstr (td_table_get_text (table, 0, 3), ==, "职业技能培训学员花名册");
  g_assert_cmpstr (td_table_get_text (table, 1, 0), ==, "姓名");
  g_assert_cmpstr (td_table_get_text (table, 2, 0), ==, "姓名");
  g_assert_cmpstr (td_table_get_text (table, 1, 2), ==, "联系方式");
  g_assert_cmpstr (td_table_get_text (table, 2, 2), ==, "身份证号码");
  g_assert_cmpuint (td_table_get_line (table, 3), ==, 4);
  g_assert_cmpstr (td_table_get_text (table, 3, 0), ==, "张三");
  g_assert_cmpstr (td_table_get_text (table, 3, 1), ==, "13800138000");
  g_assert_cmpint (td_table_get_kind (table, 3, 1), ==, TD_CELL_NUMBER);
  g_assert_cmpstr (td_table_get_text (table, 3, 3), ==, "2026-11-02");
  g_assert_cmpint (td_table_get_kind (table, 3, 3), ==, TD_CELL_DATE);
  /* The empty row 5 is dropped; row 6 keeps its sheet row number. */
  g_assert_cmpuint (td_table_get_line (table, 4), ==, 6);
  g_assert_cmpstr (td_table_get_text (table, 4, 3), ==, "0.5");

  other = td_table_read_bytes (bytes, "other", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (td_table_get_sheet_name (other), ==, "Other");
  g_assert_cmpstr (td_table_get_text (other, 0, 0), ==, "elsewhere");

  g_clear_pointer (&other, td_table_free);
  other = td_table_read_bytes (bytes, "Roster", NULL, NULL, &error);
  g_assert_null (other);
  g_assert_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_NO_SHEET);
  g_assert_cmpstr (error->message, ==,
                   "The workbook has no sheet named “Roster”; its sheets are: 花名册, Other.");

  sheets = td_xlsx_list_sheets (bytes, NULL);
  g_assert_cmpuint (sheets->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sheets, 1), ==, "Other");
  td_test_remove_tree (dir);
}

static void
test_xlsx_inline_rich_1904 (void)
{
  const char sheet[] = TT_SHEET_HEAD
    "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 王 </t></is></c>"
    "<c r=\"C2\" t=\"s\"><v>0</v></c><c r=\"D2\" s=\"0\"><v>1</v></c>"
    "<c r=\"E2\" t=\"b\"><v>1</v></c><c r=\"F2\" t=\"str\"><f>A1</f><v>calc</v></c></row>"
    TT_SHEET_TAIL;
  const char strings[] =
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si>"
    "<r><t>本</t></r><r><rPr><b/></rPr><t>科</t></r><rPh><t>ベン</t></rPh></si></sst>";
  g_autoptr (GBytes) bytes = tt_make_xlsx_full (sheet, strlen (sheet), strings, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTable) table = td_table_read_bytes (bytes, NULL, NULL, NULL, &error);
  char iso[11];

  g_assert_no_error (error);
  g_assert_cmpuint (td_table_get_line (table, 0), ==, 2);
  g_assert_cmpstr (td_table_get_text (table, 0, 0), ==, "");
  g_assert_cmpstr (td_table_get_text (table, 0, 1), ==, " 王 ");
  g_assert_cmpstr (td_table_get_text (table, 0, 2), ==, "本科");
  g_assert_cmpstr (td_table_get_text (table, 0, 3), ==, "1");
  g_assert_cmpstr (td_table_get_text (table, 0, 4), ==, "TRUE");
  g_assert_cmpstr (td_table_get_text (table, 0, 5), ==, "calc");

  g_assert_true (td_table_serial_to_iso (1, TRUE, iso));
  g_assert_cmpstr (iso, ==, "1904-01-02");
  g_assert_true (td_table_serial_to_iso (46328, FALSE, iso));
  g_assert_cmpstr (iso, ==, "2026-11-02");
  g_assert_true (td_table_serial_to_iso (59, FALSE, iso));
  g_assert_cmpstr (iso, ==, "1900-02-28");
  g_assert_false (td_table_serial_to_iso (60, FALSE, iso));
  g_assert_true (td_table_serial_to_iso (61.75, FALSE, iso));
  g_assert_cmpstr (iso, ==, "1900-03-01");
  g_assert_false (td_table_serial_to_iso (-3, FALSE, iso));
}

static void
assert_xlsx_refused (GBytes *bytes, const TdTableLimits *limits, int code,
                     const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTable) table = td_table_read_bytes (bytes, NULL, limits, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, TD_TABLE_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_xlsx_truncated (void)
{
  g_autofree char *dir = td_test_make_dir ("td-table-XXXXXX");
  g_autoptr (GBytes) bytes = make_real_xlsx (dir);
  g_autoptr (GBytes) half = g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) / 2);
  static const char junk_zip[] = "PK\003\004 not really a zip";
  g_autoptr (GBytes) junk = g_bytes_new_static (junk_zip, sizeof junk_zip - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTable) table = td_table_read_bytes (half, NULL, NULL, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The file is not a readable Excel workbook (.xlsx): "));
  assert_xlsx_refused (junk, NULL, TD_TABLE_ERROR_FORMAT, NULL);
  td_test_remove_tree (dir);
}

static void
test_xlsx_not_a_workbook (void)
{
  g_autofree char *dir = td_test_make_dir ("td-table-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "plain.zip", NULL);
  g_autofree char *data = NULL;
  g_autoptr (GBytes) bytes = NULL;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, NULL);
  gsize len;

  zip_file_add (zip, "readme.txt", zip_source_buffer (zip, "hello", 5, 0), 0);
  g_assert_cmpint (zip_close (zip), ==, 0);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new (data, len);
  assert_xlsx_refused (bytes, NULL, TD_TABLE_ERROR_FORMAT,
                       "The file has no xl/workbook.xml: it is not an Excel workbook (.xlsx), "
                       "or it is damaged.");
  td_test_remove_tree (dir);
}

static GString *
blank_sheet (gsize padding)
{
  GString *xml = g_string_new (TT_SHEET_HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x"
                               "</t></is></c></row>");

  for (gsize i = 0; i < padding; i++)
    g_string_append_c (xml, ' ');
  g_string_append (xml, TT_SHEET_TAIL);
  return xml;
}

/* A zip bomb declared honestly: the directory says the sheet inflates past the limit. */
static void
test_xlsx_bomb_directory (void)
{
  g_autoptr (GString) xml = blank_sheet (3 * 1024 * 1024);
  g_autoptr (GBytes) bytes = tt_make_xlsx_full (xml->str, xml->len, NULL, FALSE);
  TdTableLimits limits;

  td_table_limits_init (&limits);
  limits.max_uncompressed = 2 * 1024 * 1024;
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 64 * 1024);
  assert_xlsx_refused (bytes, &limits, TD_TABLE_ERROR_TOO_LARGE,
                       "The workbook is larger than 2 MiB once uncompressed: refused.");
}

static void
put_le32 (guint8 *at, guint32 value)
{
  at[0] = value & 0xFF;
  at[1] = (value >> 8) & 0xFF;
  at[2] = (value >> 16) & 0xFF;
  at[3] = (value >> 24) & 0xFF;
}

/* Sets the uncompressed size of every entry to @size, in the local headers and in the
 * central directory: a directory that lies. */
static GBytes *
lie_about_sizes (GBytes *bytes, guint32 size)
{
  gsize len;
  guint8 *data = g_bytes_unref_to_data (g_bytes_ref (bytes), &len);

  for (gsize i = 0; i + 46 <= len; i++)
    {
      if (memcmp (data + i, "PK\003\004", 4) == 0
          && memcmp (data + i + 30, "xl/worksheets/sheet1.xml", 24) == 0)
        put_le32 (data + i + 22, size);
      else if (memcmp (data + i, "PK\001\002", 4) == 0
               && memcmp (data + i + 46, "xl/worksheets/sheet1.xml", 24) == 0)
        put_le32 (data + i + 24, size);
    }
  return g_bytes_new_take (data, len);
}

/* The directory claims a small sheet, but it inflates to far more: stopped while inflating. */
static void
test_xlsx_bomb_inflate (void)
{
  g_autoptr (GString) xml = blank_sheet (8 * 1024 * 1024);
  g_autoptr (GBytes) honest = tt_make_xlsx_full (xml->str, xml->len, NULL, FALSE);
  g_autoptr (GBytes) liar = lie_about_sizes (honest, 4096);

  assert_xlsx_refused (liar, NULL, TD_TABLE_ERROR_TOO_LARGE,
                       "The workbook is larger than 64 MiB once uncompressed: refused.");
}

/* A million rows: refused at the row limit, without reading the rest. */
static void
test_xlsx_million_rows (void)
{
  g_autoptr (GString) xml = g_string_new (TT_SHEET_HEAD);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTable) table = NULL;
  gint64 start;

  for (guint r = 1; r <= 1000000; r++)
    g_string_append_printf (xml, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c></row>", r, r, r);
  g_string_append (xml, TT_SHEET_TAIL);
  bytes = tt_make_xlsx_full (xml->str, xml->len, NULL, FALSE);
  start = g_get_monotonic_time ();
  table = td_table_read_bytes (bytes, NULL, NULL, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_TOO_MANY_ROWS);
  g_assert_cmpstr (error->message, ==,
                   "The sheet has more than 10010 rows (refused at row 10011): split it into "
                   "smaller files.");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_xlsx_doctype (void)
{
  const char sheet[] =
    "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY lol \"lol\">]>"
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol;</t></is></c></row>"
    "</sheetData></worksheet>";
  g_autoptr (GBytes) bytes = tt_make_xlsx (sheet, NULL);

  assert_xlsx_refused (bytes, NULL, TD_TABLE_ERROR_FORMAT,
                       "xl/worksheets/sheet1.xml declares a DTD or entities, which an Excel "
                       "workbook never does: refused.");
}

static void
test_xlsx_damaged_cells (void)
{
  g_autoptr (GBytes) missing = tt_make_xlsx (TT_SHEET_HEAD "<row r=\"3\"><c r=\"B3\" t=\"s\">"
                                             "<v>7</v></c></row>" TT_SHEET_TAIL, NULL);
  g_autoptr (GBytes) unclosed = tt_make_xlsx (TT_SHEET_HEAD "<row r=\"1\"><c r=\"A1\">",
                                              NULL);
  g_autoptr (GBytes) wide = tt_make_xlsx (TT_SHEET_HEAD "<row r=\"1\"><c r=\"XFD1\" "
                                          "t=\"inlineStr\"><is><t>far</t></is></c></row>"
                                          TT_SHEET_TAIL, NULL);

  assert_xlsx_refused (missing, NULL, TD_TABLE_ERROR_FORMAT,
                       "The sheet is damaged: cell B3 refers to a missing shared string.");
  assert_xlsx_refused (unclosed, NULL, TD_TABLE_ERROR_FORMAT, NULL);
  assert_xlsx_refused (wide, NULL, TD_TABLE_ERROR_TOO_LARGE,
                       "The table has a cell in column XFD, past the limit of 256 columns.");
}

/* ---- writing -------------------------------------------------------------- */

static void
write_sample (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTableWriter) writer = td_table_writer_new (path, "花名册", &error);

  g_assert_no_error (error);
  td_table_writer_add_header (writer, "姓名");
  td_table_writer_add_header (writer, "出勤率");
  td_table_writer_add_header (writer, "同意日期");
  td_table_writer_end_row (writer);
  td_table_writer_add_text (writer, "Wang, \"Wu\"");
  td_table_writer_add_number (writer, "0.9800");
  td_table_writer_add_date (writer, "2026-11-02");
  td_table_writer_end_row (writer);
  g_assert_true (td_table_writer_finish (writer, &error));
  g_assert_no_error (error);
}

static void
test_write_csv (void)
{
  g_autofree char *dir = td_test_make_dir ("td-table-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr (TdTable) table = NULL;

  write_sample (path);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (data, ==,
                   "\xEF\xBB\xBF姓名,出勤率,同意日期\r\n\"Wang, \"\"Wu\"\"\",0.9800,2026-11-02\r\n");
  table = td_table_read_file (path, NULL, NULL, NULL, NULL);
  g_assert_cmpstr (td_table_get_text (table, 1, 0), ==, "Wang, \"Wu\"");
  td_test_remove_tree (dir);
}

static void
test_write_xlsx (void)
{
  g_autofree char *dir = td_test_make_dir ("td-table-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *part = g_build_filename (dir, "out.xlsx.part", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTable) table = NULL;
  TdTableFormat format;

  write_sample (path);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  table = td_table_read_file (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (td_table_get_sheet_name (table), ==, "花名册");
  g_assert_cmpstr (td_table_get_text (table, 1, 0), ==, "Wang, \"Wu\"");
  g_assert_cmpstr (td_table_get_text (table, 1, 1), ==, "0.98");
  g_assert_cmpint (td_table_get_kind (table, 1, 1), ==, TD_CELL_NUMBER);
  g_assert_cmpstr (td_table_get_text (table, 1, 2), ==, "2026-11-02");
  g_assert_cmpint (td_table_get_kind (table, 1, 2), ==, TD_CELL_DATE);

  g_assert_false (td_table_format_from_path ("roster.ods", &format, &error));
  g_assert_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "roster.ods: the file name must end in .xlsx or .csv.");
  td_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/csv/utf8-bom", test_csv_utf8_bom);
  g_test_add_func ("/table/csv/gbk", test_csv_gbk);
  g_test_add_func ("/table/csv/semicolon-quotes", test_csv_semicolon_quotes);
  g_test_add_func ("/table/csv/nul", test_csv_nul);
  g_test_add_func ("/table/csv/mixed", test_csv_mixed);
  g_test_add_func ("/table/csv/invalid", test_csv_invalid);
  g_test_add_func ("/table/csv/unclosed-quote", test_csv_unclosed_quote);
  g_test_add_func ("/table/csv/row-limit", test_csv_row_limit);
  g_test_add_func ("/table/xlsx/real", test_xlsx_real);
  g_test_add_func ("/table/xlsx/inline-rich-1904", test_xlsx_inline_rich_1904);
  g_test_add_func ("/table/xlsx/truncated", test_xlsx_truncated);
  g_test_add_func ("/table/xlsx/not-a-workbook", test_xlsx_not_a_workbook);
  g_test_add_func ("/table/xlsx/bomb-directory", test_xlsx_bomb_directory);
  g_test_add_func ("/table/xlsx/bomb-inflate", test_xlsx_bomb_inflate);
  g_test_add_func ("/table/xlsx/million-rows", test_xlsx_million_rows);
  g_test_add_func ("/table/xlsx/doctype", test_xlsx_doctype);
  g_test_add_func ("/table/xlsx/damaged-cells", test_xlsx_damaged_cells);
  g_test_add_func ("/table/write/csv", test_write_csv);
  g_test_add_func ("/table/write/xlsx", test_write_xlsx);
  return g_test_run ();
}
