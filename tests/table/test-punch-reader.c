/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading terminals' and platforms' exports (src/table/td-punch-reader.c), with files shaped
 * like the real ones and made here: a ZKTeco attlog.dat with padded numbers and a stray
 * header, a GBK CSV with 考勤号码/姓名/日期时间, an .xlsx with separate date and time columns,
 * an online platform's study records, and a table whose headers must be mapped by hand. */
#include "config.h"

#include <xlsxwriter.h>

#include "table/td-csv.h"
#include "table/td-punch-reader.h"
#include "table-test-util.h"

static TdPunchFile *
load_text (const char *text, const char *name)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  TdPunchFile *file = td_punch_file_load_bytes (bytes, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static const TdPunch *
punch_at (const TdPunchFile *file, guint i)
{
  GPtrArray *punches = td_punch_file_get_punches (file);

  g_assert_cmpuint (i, <, punches->len);
  return g_ptr_array_index (punches, i);
}

static void
assert_punch (const TdPunch *p, guint line, const char *person, const char *date,
              const char *time, const char *method)
{
  char t[9];

  td_time_to_iso (p->seconds, t);
  g_assert_cmpuint (p->line, ==, line);
  g_assert_cmpstr (p->person_no, ==, person);
  g_assert_cmpstr (p->date, ==, date);
  g_assert_cmpstr (t, ==, time);
  g_assert_cmpstr (p->method, ==, method);
}

static const char *
problem_text (const TdPunchFile *file, guint i, guint *line)
{
  GPtrArray *problems = td_punch_file_get_problems (file);
  const TdPunchProblem *p;

  g_assert_cmpuint (i, <, problems->len);
  p = g_ptr_array_index (problems, i);
  *line = p->line;
  return p->reason;
}

static void
test_attlog (void)
{
  g_autoptr (TdPunchFile) file = load_text (
    "AC-No.\tDateTime\tState\tVerify\tWorkCode\tReserved\r\n"
    "     1\t2026-03-02 07:55:00\t0\t15\t0\t0\r\n"
    "    12\t2026-03-02 08:01:00\t1\t4\t0\t0\r\n"
    "\r\n"
    "  0003\t2026-03-02 08:02:09\t0\t1\t0\t0\r\n"
    "     4\t2026-02-30 08:00:00\t0\t15\t0\t0\r\n"
    "rubbish\r\n", "/media/usb/attlog.dat");
  guint line;

  g_assert_cmpint (td_punch_file_get_kind (file), ==, TD_PUNCH_FILE_ATTLOG);
  g_assert_cmpstr (td_punch_file_get_name (file), ==, "attlog.dat");
  g_assert_null (td_punch_file_get_table (file));
  g_assert_cmpuint (td_punch_file_get_punches (file)->len, ==, 3);
  /* verify mode 15 face, 4 card, 1 (fingerprint) the device's method */
  assert_punch (punch_at (file, 0), 2, "1", "2026-03-02", "07:55:00", "FACE");
  assert_punch (punch_at (file, 1), 3, "12", "2026-03-02", "08:01:00", "CARD");
  assert_punch (punch_at (file, 2), 5, "3", "2026-03-02", "08:02:09", "");
  g_assert_cmpuint (td_punch_file_get_problems (file)->len, ==, 2);
  g_assert_cmpstr (problem_text (file, 0, &line), ==,
                   "“2026-02-30 08:00:00” is not a real date and time.");
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpstr (problem_text (file, 1, &line), ==,
                   "Not a punch (person number, tab, YYYY-MM-DD hh:mm:ss): “rubbish”.");
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpuint (strlen (td_punch_file_get_sha256 (file)), ==, 64);
}

static void
test_gbk_csv (void)
{
  const char *utf8 = "考勤号码,姓名,日期时间,设备名称,验证方式\r\n"
                     "1,刘芳,2026/3/2 7:55,大门,人脸\r\n"
                     "2,陈建国,2026-03-02 08:20:00,大门,刷卡\r\n"
                     "3,王伟,2026-03-02,大门,人脸\r\n";
  g_autofree char *gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, NULL, NULL);
  g_autoptr (TdPunchFile) file = load_text (gbk, "考勤记录.csv");
  TdPunchMapping mapping;
  guint line;

  g_assert_cmpint (td_punch_file_get_kind (file), ==, TD_PUNCH_FILE_TABLE);
  g_assert_cmpstr (td_table_get_encoding (td_punch_file_get_table (file)), ==,
                   td_csv_gb_charset ());
  g_assert_false (td_punch_file_needs_mapping (file));
  g_assert_true (td_punch_file_get_mapping (file, &mapping));
  g_assert_cmpint (mapping.columns[TD_PUNCH_COLUMN_PERSON_NO], ==, 0);
  g_assert_cmpint (mapping.columns[TD_PUNCH_COLUMN_DATETIME], ==, 2);
  g_assert_cmpuint (td_punch_file_get_punches (file)->len, ==, 2);
  assert_punch (punch_at (file, 0), 2, "1", "2026-03-02", "07:55:00", "FACE");
  g_assert_cmpstr (punch_at (file, 0)->name, ==, "刘芳");
  assert_punch (punch_at (file, 1), 3, "2", "2026-03-02", "08:20:00", "CARD");
  g_assert_cmpstr (problem_text (file, 0, &line), ==, "“2026-03-02” is not a date and time.");
  g_assert_cmpuint (line, ==, 4);
}

static GBytes *
write_xlsx (const char *dir, void (*fill) (lxw_workbook *wb, lxw_worksheet *ws))
{
  g_autofree char *path = g_build_filename (dir, "punches.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "打卡记录");
  char *data = NULL;
  gsize len;

  fill (wb, ws);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

/* A title row, then 工号 | 姓名 | 日期 | 时间: date cells, time cells (fractions of a day with
 * a time format) and a time typed as text. */
static void
fill_date_time (lxw_workbook *wb, lxw_worksheet *ws)
{
  lxw_format *date = workbook_add_format (wb);
  lxw_format *time = workbook_add_format (wb);
  lxw_datetime day = { 2026, 3, 2, 0, 0, 0 };
  lxw_datetime t1 = { 0, 0, 0, 7, 55, 0 };
  lxw_datetime t2 = { 0, 0, 0, 11, 50, 30 };

  format_set_num_format (date, "yyyy/m/d");
  format_set_num_format (time, "hh:mm:ss");
  worksheet_merge_range (ws, 0, 0, 0, 3, "门禁考勤记录 2026年3月", NULL);
  worksheet_write_string (ws, 1, 0, "工号", NULL);
  worksheet_write_string (ws, 1, 1, "姓名", NULL);
  worksheet_write_string (ws, 1, 2, "日期", NULL);
  worksheet_write_string (ws, 1, 3, "时间", NULL);
  worksheet_write_number (ws, 2, 0, 1, NULL);
  worksheet_write_string (ws, 2, 1, "刘芳", NULL);
  worksheet_write_datetime (ws, 2, 2, &day, date);
  worksheet_write_datetime (ws, 2, 3, &t1, time);
  worksheet_write_string (ws, 3, 0, "0001", NULL);
  worksheet_write_string (ws, 3, 1, "刘芳", NULL);
  worksheet_write_datetime (ws, 3, 2, &day, date);
  worksheet_write_datetime (ws, 3, 3, &t2, time);
  worksheet_write_number (ws, 4, 0, 2, NULL);
  worksheet_write_string (ws, 4, 1, "陈建国", NULL);
  worksheet_write_datetime (ws, 4, 2, &day, date);
  worksheet_write_string (ws, 4, 3, "8:20", NULL);
}

static void
test_xlsx_date_and_time (void)
{
  g_autofree char *dir = td_test_make_dir ("td-table-XXXXXX");
  g_autoptr (GBytes) bytes = write_xlsx (dir, fill_date_time);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPunchFile) file = td_punch_file_load_bytes (bytes, "punches.xlsx", NULL, &error);

  g_assert_no_error (error);
  g_assert_false (td_punch_file_needs_mapping (file));
  g_assert_cmpuint (td_punch_file_get_problems (file)->len, ==, 0);
  g_assert_cmpuint (td_punch_file_get_punches (file)->len, ==, 3);
  assert_punch (punch_at (file, 0), 3, "1", "2026-03-02", "07:55:00", "");
  assert_punch (punch_at (file, 1), 4, "1", "2026-03-02", "11:50:30", "");
  assert_punch (punch_at (file, 2), 5, "2", "2026-03-02", "08:20:00", "");
  td_test_remove_tree (dir);
}

/* 考勤时间 as one date-and-time cell: the reader keeps the time of day. */
static void
fill_datetime (lxw_workbook *wb, lxw_worksheet *ws)
{
  lxw_format *format = workbook_add_format (wb);
  lxw_datetime at = { 2026, 3, 2, 14, 1, 59 };

  format_set_num_format (format, "yyyy-mm-dd hh:mm:ss");
  worksheet_write_string (ws, 0, 0, "人员编号", NULL);
  worksheet_write_string (ws, 0, 1, "考勤时间", NULL);
  worksheet_write_string (ws, 0, 2, "比对方式", NULL);
  worksheet_write_string (ws, 1, 0, "7", NULL);
  worksheet_write_datetime (ws, 1, 1, &at, format);
  worksheet_write_string (ws, 1, 2, "刷脸", NULL);
}

static void
test_xlsx_datetime (void)
{
  g_autofree char *dir = td_test_make_dir ("td-table-XXXXXX");
  g_autoptr (GBytes) bytes = write_xlsx (dir, fill_datetime);
  g_autoptr (TdPunchFile) file = td_punch_file_load_bytes (bytes, "p.xlsx", NULL, NULL);

  g_assert_cmpuint (td_punch_file_get_punches (file)->len, ==, 1);
  assert_punch (punch_at (file, 0), 2, "7", "2026-03-02", "14:01:59", "FACE");
  td_test_remove_tree (dir);
}

static void
test_study_records (void)
{
  g_autoptr (TdPunchFile) file = load_text (
    "姓名,身份证号,课次,学习开始时间,学习结束时间\n"
    "刘芳,371502199310111124,L01A,2026-03-02 07:58:00,2026-03-02 11:45:00\n"
    "陈建国,371502197502191018,L01A,2026-03-02 08:00:00,2026-03-02 11:45:00\n"
    "王伟,371502198805061216,,2026-03-02 09:00:00,2026-03-02 11:00:00\n"
    "赵敏,371502199003121322,L01B,2026-03-02 15:00:00,2026-03-02 14:00:00\n", "study.csv");
  const TdPunch *p;
  guint line;

  g_assert_cmpint (td_punch_file_get_kind (file), ==, TD_PUNCH_FILE_STUDY);
  g_assert_cmpuint (td_punch_file_get_punches (file)->len, ==, 2);
  p = punch_at (file, 0);
  assert_punch (p, 2, NULL, "2026-03-02", "07:58:00", "ONLINE");
  g_assert_cmpstr (p->id_number, ==, "371502199310111124");
  g_assert_cmpstr (p->lesson, ==, "L01A");
  assert_punch (punch_at (file, 1), 2, NULL, "2026-03-02", "11:45:00", "ONLINE");
  g_assert_cmpuint (td_punch_file_get_problems (file)->len, ==, 3);
  g_assert_true (g_str_has_prefix (problem_text (file, 0, &line),
                                   "The id number 371502197502191018 is not valid: "));
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (problem_text (file, 1, &line), ==,
                   "The study record names no lesson (课次, or its date and start).");
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpstr (problem_text (file, 2, &line), ==,
                   "The study ends before it starts, or on another day.");
  g_assert_cmpuint (line, ==, 5);
}

/* Headers no one has seen: mapped by hand, the mapping written as a string and the file's
 * shape the same for every export of that layout. */
static void
test_manual_mapping (void)
{
  const char *text = "No,Who,When\n1,刘芳,2026-03-02 07:55:00\n2,陈建国,2026-03-02 08:00:00\n";
  g_autoptr (TdPunchFile) file = load_text (text, "a.csv");
  g_autoptr (TdPunchFile) other = load_text ("No,Who,When\n5,x,2026-04-01 09:00:00\n", "b.csv");
  g_autoptr (GError) error = NULL;
  g_autofree char *shape = td_punch_file_get_shape (file);
  g_autofree char *shape2 = td_punch_file_get_shape (other);
  g_autofree char *string = NULL;
  TdPunchMapping mapping, back, bad;

  g_assert_true (td_punch_file_needs_mapping (file));
  g_assert_cmpuint (td_punch_file_get_punches (file)->len, ==, 0);
  g_assert_cmpstr (shape, ==, shape2);
  td_punch_mapping_init (&mapping);
  mapping.columns[TD_PUNCH_COLUMN_NAME] = 1;
  g_assert_false (td_punch_file_set_mapping (file, &mapping, &error));
  g_assert_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT);
  g_clear_error (&error);
  mapping.columns[TD_PUNCH_COLUMN_PERSON_NO] = 0;
  mapping.columns[TD_PUNCH_COLUMN_DATETIME] = 2;
  mapping.first_row = 1;
  string = td_punch_mapping_to_string (&mapping);
  g_assert_cmpstr (string, ==, "first=1;person=0;name=1;datetime=2");
  g_assert_true (td_punch_mapping_from_string (string, &back));
  g_assert_cmpmem (&back, sizeof back, &mapping, sizeof mapping);
  g_assert_false (td_punch_mapping_from_string ("first=1;colour=2", &bad));
  g_assert_true (td_punch_file_set_mapping (file, &back, &error));
  g_assert_no_error (error);
  g_assert_false (td_punch_file_needs_mapping (file));
  g_assert_cmpuint (td_punch_file_get_punches (file)->len, ==, 2);
  assert_punch (punch_at (file, 1), 3, "2", "2026-03-02", "08:00:00", "");
  g_assert_cmpstr (punch_at (file, 1)->name, ==, "陈建国");
}

/* Found by fuzz-punch: empty bytes (no data pointer at all) crashed the attlog sniffing.  They
 * are a table with nothing in it, whose columns need mapping. */
static void
test_empty_bytes (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPunchFile) file = td_punch_file_load_bytes (bytes, "empty.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_assert_cmpint (td_punch_file_get_kind (file), ==, TD_PUNCH_FILE_TABLE);
  g_assert_true (td_punch_file_needs_mapping (file));
  g_assert_cmpuint (td_punch_file_get_punches (file)->len, ==, 0);
}

/* Found by fuzz-punch: a study record without its start read the cell past the end of the
 * column mapping (here the id number) as the date and time. */
static void
test_study_without_start (void)
{
  g_autoptr (TdPunchFile) file = load_text (
    "姓名,身份证号,课次,学习开始时间,学习结束时间\n"
    "刘芳,371502199310111124,L01A,,2026-03-02 11:45:00\n", "study.csv");
  guint line;

  g_assert_cmpint (td_punch_file_get_kind (file), ==, TD_PUNCH_FILE_STUDY);
  g_assert_cmpuint (td_punch_file_get_punches (file)->len, ==, 0);
  g_assert_cmpstr (problem_text (file, 0, &line), ==, "“” is not a date and time.");
  g_assert_cmpuint (line, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TD_TODAY", "2026-03-10", TRUE);
  g_test_add_func ("/punch-reader/attlog", test_attlog);
  g_test_add_func ("/punch-reader/empty-bytes", test_empty_bytes);
  g_test_add_func ("/punch-reader/study-without-start", test_study_without_start);
  g_test_add_func ("/punch-reader/gbk-csv", test_gbk_csv);
  g_test_add_func ("/punch-reader/xlsx-date-and-time", test_xlsx_date_and_time);
  g_test_add_func ("/punch-reader/xlsx-datetime", test_xlsx_datetime);
  g_test_add_func ("/punch-reader/study-records", test_study_records);
  g_test_add_func ("/punch-reader/manual-mapping", test_manual_mapping);
  return g_test_run ();
}
