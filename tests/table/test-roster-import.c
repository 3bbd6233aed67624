/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing rosters (CSV and .xlsx) into a class, with every bad row reported; exporting
 * rosters and attendance; the template; the CLI verbs. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/td-idnumber.h"
#include "table/td-csv.h"
#include "table/td-roster-import.h"
#include "table/td-table-export.h"

#include "table-test-util.h"

typedef struct
{
  char *dir;
  char *db_path;
  TdStore *store;
  TdClass *klass;
} Fixture;

/* "371502199001011" + the right check digit: a valid id for any 17 digits. */
static char *
make_id (const char *seventeen)
{
  return g_strdup_printf ("%s%c", seventeen, td_id_number_check_char (seventeen));
}

static void
add_catalog (TdStore *store)
{
  g_autoptr (TdCatalog) catalog = td_catalog_new ();
  g_autoptr (GBytes) source = g_bytes_new_static ("<Catalog/>", 10);
  g_autoptr (GError) error = NULL;

  catalog->version = g_strdup ("2026-1");
  g_strlcpy (catalog->effective, "2026-01-01", sizeof catalog->effective);
  catalog->rules.min_class_size = 1;
  catalog->rules.max_class_size = 60;
  catalog->rules.min_age = 16;
  catalog->rules.max_age = 60;
  td_calendar_add_year (catalog->calendar, 2026);
  g_assert_true (td_store_add_catalog (store, catalog, source, &error));
  g_assert_no_error (error);
}

static TdClass *
add_class (TdStore *store, const char *code, const char *start, const char *end, int size)
{
  g_autoptr (TdClass) klass = td_class_new ();
  g_autoptr (GError) error = NULL;

  klass->code = g_strdup (code);
  klass->title = g_strdup ("中式面点师（五级）");
  klass->catalog_version = g_strdup ("2026-1");
  klass->item_code = g_strdup ("6-02-01-01");
  klass->item_name = g_strdup ("中式面点师");
  klass->level = 5;
  g_strlcpy (klass->training_type, "01", sizeof klass->training_type);
  g_strlcpy (klass->special_action, "01", sizeof klass->special_action);
  klass->mode = 1;
  g_strlcpy (klass->start_date, start, sizeof klass->start_date);
  g_strlcpy (klass->end_date, end, sizeof klass->end_date);
  klass->planned_theory = 40;
  klass->planned_practice = 80;
  klass->planned_size = size;
  g_strlcpy (klass->venue_region, "371502", sizeof klass->venue_region);
  klass->venue_address = g_strdup ("东昌府区柳园路 1 号");
  klass->certificate = 2;
  klass->assessment_method = g_strdup ("理论+实操");
  g_assert_true (td_store_save_class (store, klass, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&klass);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = td_test_make_dir ("td-table-XXXXXX");
  f->db_path = g_build_filename (f->dir, "td.db", NULL);
  f->store = td_store_open (f->db_path, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add_catalog (f->store);
  f->klass = add_class (f->store, "LC2026-001", "2026-12-01", "2026-12-20",
                        GPOINTER_TO_INT (data) > 0 ? GPOINTER_TO_INT (data) : 40);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  td_class_free (f->klass);
  td_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static char *
write_file (Fixture *f, const char *name, const char *data, gssize len)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

static TdRosterImport *
load (Fixture *f, const char *path)
{
  g_autoptr (GError) error = NULL;
  TdRosterImport *imp = td_roster_import_new (f->store, f->klass->code, &error);

  g_assert_no_error (error);
  g_assert_true (td_roster_import_load_file (imp, path, NULL, &error));
  g_assert_no_error (error);
  return imp;
}

static GPtrArray *
roster (Fixture *f)
{
  return td_store_list_enrolments (f->store, f->klass->id, NULL);
}

static void
assert_problems (TdRosterImport *imp, const char *const *expected)
{
  g_autoptr (GPtrArray) problems = td_roster_import_format_problems (imp);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, problems->len); i++)
    g_assert_cmpstr (g_ptr_array_index (problems, i), ==, expected[i]);
  g_assert_cmpuint (problems->len, ==, n);
}

/* ---- CSV, all good -------------------------------------------------------- */

static void
test_csv_good (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autofree char *id2 = make_id ("37152119851215002");
  g_autofree char *id3 = make_id ("11010119980707201");
  g_autofree char *csv = g_strdup_printf (
    "序号,姓名,身份证号,联系电话,学历,人员类别,就业状态,知情同意日期,户籍所在地,备注\n"
    "1,张三,%s,138 0013 8000,大专,农民工、退役军人,,2026/11/2,,\n"
    "2, 李四 ,%s,0635-8212345,高中,\"03,04\",灵活就业,2026年11月20日,阳谷县,x\n"
    "3,王五,%s,13900139000,21,\"06；99／ 01 、06\t\",1,2026.11.3,110101,\n", id1, id2, id3);
  g_autofree char *path = write_file (f, "roster.csv", csv, -1);
  g_autoptr (TdRosterImport) imp = load (f, path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  GPtrArray *notices = td_roster_import_get_notices (imp);
  const TdEnrolment *e;
  guint n = 0;

  g_assert_cmpuint (td_roster_import_get_n_rows (imp), ==, 3);
  g_assert_cmpuint (td_roster_import_get_n_valid (imp), ==, 3);
  g_assert_cmpuint (notices->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (notices, 0), ==,
                   "Column 1 (序号) is not a roster column: ignored.");
  g_assert_cmpstr (g_ptr_array_index (notices, 1), ==,
                   "Column 10 (备注) is not a roster column: ignored.");
  g_assert_true (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  list = roster (f);
  g_assert_cmpuint (list->len, ==, 3);
  e = g_ptr_array_index (list, 0);
  g_assert_cmpstr (e->trainee.name, ==, "张三");
  g_assert_cmpstr (e->trainee.id_number, ==, id1);
  g_assert_cmpstr (e->trainee.phone, ==, "13800138000");
  g_assert_cmpstr (e->trainee.education, ==, "31");
  g_assert_cmpstr (e->trainee.household_region, ==, "371502");
  g_assert_cmpstr (e->categories, ==, "01,06");
  g_assert_cmpint (e->employment_before, ==, 4);
  g_assert_cmpstr (e->consent_date, ==, "2026-11-02");
  g_assert_cmpint (e->position, ==, 1);
  e = g_ptr_array_index (list, 1);
  g_assert_cmpstr (e->trainee.name, ==, "李四");
  g_assert_cmpstr (e->trainee.phone, ==, "0635-8212345");
  g_assert_cmpstr (e->trainee.household_region, ==, "371521");
  g_assert_cmpstr (e->categories, ==, "03,04");
  g_assert_cmpint (e->employment_before, ==, 3);
  g_assert_cmpstr (e->consent_date, ==, "2026-11-20");
  g_assert_cmpint (e->trainee.gender, ==, 2);
  e = g_ptr_array_index (list, 2);
  g_assert_cmpstr (e->trainee.education, ==, "21");
  /* every separator, full-width ones too; a category twice is stored once */
  g_assert_cmpstr (e->categories, ==, "01,06,99");
  g_assert_cmpstr (e->trainee.household_region, ==, "110101");
  g_assert_cmpint (e->employment_before, ==, 1);
  g_assert_cmpint (e->position, ==, 3);
}

/* A 考勤号 column: the terminal person numbers the sign-in terminal has, checked and stored;
 * rows without one keep their roster position. */
static void
test_terminal_numbers (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autofree char *id2 = make_id ("37152119851215002");
  g_autofree char *id3 = make_id ("11010119980707201");
  g_autofree char *bad = g_strdup_printf (
    "姓名,身份证号,联系电话,学历,人员类别,知情同意日期,考勤号\n"
    "张三,%s,13800138000,大专,01,2026/11/2,0012\n"
    "李四,%s,13800138001,高中,01,2026/11/2,12\n"
    "王五,%s,13900139000,高中,01,2026/11/2,A3\n", id1, id2, id3);
  g_autofree char *good = g_strdup_printf (
    "姓名,身份证号,联系电话,学历,人员类别,知情同意日期,考勤号码\n"
    "张三,%s,13800138000,大专,01,2026/11/2,0012\n"
    "李四,%s,13800138001,高中,01,2026/11/2,\n"
    "王五,%s,13900139000,高中,01,2026/11/2,7\n", id1, id2, id3);
  g_autofree char *bad_path = write_file (f, "bad.csv", bad, -1);
  g_autofree char *good_path = write_file (f, "good.csv", good, -1);
  g_autoptr (TdRosterImport) refused = load (f, bad_path);
  g_autoptr (TdRosterImport) imp = load (f, good_path);
  g_autoptr (GHashTable) numbers = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  const char *const problems[] = {
    "Line 3, column 7 (考勤号): The terminal person number 12 is also on line 2.",
    "Line 4, column 7 (考勤号): “A3” is not a terminal person number (a whole number above 0).",
    NULL,
  };

  assert_problems (refused, problems);
  g_assert_cmpint (td_roster_import_get_column (imp, TD_ROSTER_FIELD_TERMINAL_NO), ==, 6);
  g_assert_true (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  list = roster (f);
  numbers = td_store_list_terminal_numbers (f->store, f->klass->id, &error);
  g_assert_cmpstr (g_hash_table_lookup (numbers,
                                        &((TdEnrolment *) list->pdata[0])->trainee.id), ==, "12");
  g_assert_cmpstr (g_hash_table_lookup (numbers,
                                        &((TdEnrolment *) list->pdata[1])->trainee.id), ==, "2");
  g_assert_cmpstr (g_hash_table_lookup (numbers,
                                        &((TdEnrolment *) list->pdata[2])->trainee.id), ==, "7");
}

/* A number of the 考勤号 column that a roster position gives another trainee too: the whole
 * import is refused after the rows were written, whether the position is one of the same
 * file or the number one stored before. */
static void
test_terminal_numbers_shared (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autofree char *id2 = make_id ("37152119851215002");
  g_autofree char *id3 = make_id ("11010119980707201");
  g_autofree char *same_file = g_strdup_printf (
    "姓名,身份证号,联系电话,学历,人员类别,知情同意日期,考勤号\n"
    "张三,%s,13800138000,大专,01,2026/11/2,2\n"
    "李四,%s,13800138001,高中,01,2026/11/2,\n", id1, id2);
  g_autofree char *first = g_strdup_printf (
    "姓名,身份证号,联系电话,学历,人员类别,知情同意日期,考勤号\n"
    "张三,%s,13800138000,大专,01,2026/11/2,3\n", id1);
  g_autofree char *later = g_strdup_printf (
    "姓名,身份证号,联系电话,学历,人员类别,知情同意日期\n"
    "李四,%s,13800138001,高中,01,2026/11/2\n"
    "王五,%s,13900139000,高中,01,2026/11/2\n", id2, id3);
  g_autofree char *same_path = write_file (f, "same.csv", same_file, -1);
  g_autofree char *first_path = write_file (f, "first.csv", first, -1);
  g_autofree char *later_path = write_file (f, "later.csv", later, -1);
  g_autoptr (TdRosterImport) same = load (f, same_path);
  g_autoptr (TdRosterImport) imp = NULL, more = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTrainee) nobody = NULL;
  guint n = 99;

  g_assert_cmpuint (td_roster_import_get_n_valid (same), ==, 2);
  g_assert_false (td_roster_import_commit (same, FALSE, NULL, NULL, NULL, &n, &error));
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpstr (error->message, ==, "Two trainees would have the terminal person number 2 "
                   "(one by the 考勤号 column, one by roster position): give one of them another "
                   "number in the 考勤号 column.  Nothing was imported.");
  g_clear_error (&error);
  g_assert_cmpuint (n, ==, 0);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 0);
  nobody = td_store_find_trainee (f->store, id1, &error);
  g_assert_no_error (error);
  g_assert_null (nobody);
  g_clear_pointer (&list, g_ptr_array_unref);

  imp = load (f, first_path);
  g_assert_true (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  more = load (f, later_path);
  g_assert_cmpuint (td_roster_import_get_n_valid (more), ==, 2);
  g_assert_false (td_roster_import_commit (more, FALSE, NULL, NULL, NULL, &n, &error));
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_INVALID_ROWS);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Two trainees would have the terminal person number 3 "));
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TdEnrolment *) list->pdata[0])->trainee.id_number, ==, id1);
}

static void
test_csv_english_gbk (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autofree char *utf8 = g_strdup_printf (
    "Consent date;Category;Education;Phone;ID number;Name;Gender;Birth date\n"
    "2026-11-02;登记失业人员;初中;13800138000;%s;赵六;男;1990-01-01\n", id1);
  g_autofree char *gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, NULL, NULL);
  g_autofree char *path = write_file (f, "gbk.csv", gbk, -1);
  g_autoptr (TdRosterImport) imp = load (f, path);
  g_autoptr (GPtrArray) list = NULL;
  guint n = 0;

  g_assert_cmpstr (td_table_get_encoding (td_roster_import_get_table (imp)), ==,
                   td_csv_gb_charset ());
  g_assert_true (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, &n, NULL));
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TdEnrolment *) g_ptr_array_index (list, 0))->trainee.name, ==, "赵六");
  g_assert_cmpstr (((TdEnrolment *) g_ptr_array_index (list, 0))->categories, ==, "03");
}

/* ---- bad rows ------------------------------------------------------------- */

static char *
bad_rows_csv (Fixture *f)
{
  g_autofree char *good = make_id ("37150219900101123");
  g_autofree char *young = make_id ("37150220150101123");
  g_autofree char *woman = make_id ("37150219900101124");
  g_autofree char *csv = g_strdup_printf (
    "姓名,身份证号码,手机号码,文化程度,人员类别,同意日期,性别\n"
    "张三,%s,13800138000,高中,01,2026-11-02,男\n"
    "李四,371502199001011235,1380013800,大学,01,2026-11-02,\n"
    "王五,%s,13800138001,高中,外星人,2026-12-05,\n"
    "赵六,%s,13800138002,初中,01,2026-11-02,\n"
    "钱七,%s,13800138003,初中,01,yesterday,男\n"
    "孙八,%s,13800138004,初中,,2026-11-02,\n",
    good, young, good, woman, woman);

  return write_file (f, "bad.csv", csv, -1);
}

static const char *const bad_rows_problems[] = {
  "Line 3, column 2 (身份证号码): The check digit should be 4, not 5.",
  "Line 3, column 3 (手机号码): A mobile number has 11 digits; this one has 10.",
  "Line 3, column 4 (文化程度): “大学” is not a level of education.",
  "Line 4, column 2 (身份证号码): Aged 11 on the class's start date 2026-12-01; the "
    "catalogue allows 16 to 60 (R-ROS-002).",
  "Line 4, column 5 (人员类别): “外星人” is not a trainee category.",
  "Line 4, column 6 (同意日期): The consent date 2026-12-05 is after the class's start date "
    "2026-12-01 (R-ROS-004).",
  "Line 5, column 2 (身份证号码): The same id number as line 2.",
  "Line 6, column 7 (性别): The gender 男 does not match the id number (女).",
  "Line 6, column 6 (同意日期): “yesterday” is not a date.",
  "Line 7, column 2 (身份证号码): The same id number as line 6.",
  "Line 7, column 5 (人员类别): No category was entered.",
  NULL
};

static void
test_bad_rows_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *path = bad_rows_csv (f);
  g_autoptr (TdRosterImport) imp = load (f, path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  guint n = 99;

  g_assert_cmpuint (td_roster_import_get_n_rows (imp), ==, 6);
  g_assert_cmpuint (td_roster_import_get_n_valid (imp), ==, 1);
  assert_problems (imp, bad_rows_problems);
  g_assert_false (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, &n, &error));
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpstr (error->message, ==, "Rows with problems: 5 of 6. Nothing was imported.");
  g_assert_cmpuint (n, ==, 0);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
count_progress (guint done, guint total, gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static void
test_bad_rows_skipped (Fixture *f, gconstpointer data)
{
  g_autofree char *path = bad_rows_csv (f);
  g_autoptr (TdRosterImport) imp = load (f, path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  guint n = 0, calls = 0;

  g_assert_true (td_roster_import_commit (imp, TRUE, count_progress, &calls, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (calls, ==, 1);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TdEnrolment *) g_ptr_array_index (list, 0))->trainee.name, ==, "张三");
}

/* A trainee already enrolled, and more good rows than the class has room for. */
static void
test_roster_and_size (Fixture *f, gconstpointer data)
{
  g_autofree char *id0 = make_id ("37150219900101123");
  g_autofree char *id1 = make_id ("37150219910202123");
  g_autofree char *id2 = make_id ("37150219920303123");
  g_autofree char *id3 = make_id ("37150219930404123");
  g_autofree char *id4 = make_id ("37150219610101123");
  const char *ids[5] = { id0, id1, id2, id3, id4 };
  g_autoptr (TdEnrolment) first = td_enrolment_new ();
  g_autoptr (GString) csv = g_string_new ("姓名,身份证号码,手机号码,文化程度,人员类别,同意日期\n");
  g_autofree char *path = NULL;
  g_autoptr (TdRosterImport) imp = NULL;
  g_autoptr (GError) error = NULL;
  const char *const expected[] = {
    "Line 2, column 2 (身份证号码): Already on this class's roster.",
    "Line 5, column 2 (身份证号码): Aged 65 on the class's start date 2026-12-01; the "
      "catalogue allows 16 to 60 (R-ROS-002).",
    "Line 6: The class is full: it plans 3 trainees (R-ROS-003).",
    NULL
  };

  first->class_id = f->klass->id;
  g_strlcpy (first->trainee.id_number, ids[0], TD_ID_LEN);
  first->trainee.name = g_strdup ("张三");
  first->trainee.gender = 1;
  g_strlcpy (first->trainee.birth_date, "1990-01-01", TD_DATE_LEN);
  first->trainee.phone = g_strdup ("13800138000");
  g_strlcpy (first->trainee.education, "61", 3);
  g_strlcpy (first->trainee.household_region, "371502", 7);
  first->position = 1;
  first->categories = g_strdup ("01");
  g_strlcpy (first->consent_date, "2026-11-02", TD_DATE_LEN);
  g_assert_true (td_store_save_enrolment (f->store, first, &error));
  g_assert_no_error (error);

  g_string_append_printf (csv, "张三,%s,13800138000,高中,01,2026-11-02\n", ids[0]);
  g_string_append_printf (csv, "李四,%s,13800138001,高中,01,2026-11-02\n", ids[1]);
  g_string_append_printf (csv, "王五,%s,13800138002,高中,01,2026-11-02\n", ids[2]);
  g_string_append_printf (csv, "老人,%s,13800138003,高中,01,2026-11-02\n", ids[4]);
  g_string_append_printf (csv, "赵六,%s,13800138004,高中,01,2026-11-02\n", ids[3]);
  path = write_file (f, "more.csv", csv->str, csv->len);
  imp = load (f, path);
  assert_problems (imp, expected);
  g_assert_cmpuint (td_roster_import_get_n_valid (imp), ==, 2);
}

/* ---- where the columns are ----------------------------------------------- */

/* A title line, then a header over two rows: 基本信息 is merged over columns 4–6 and the
 * row under it names them; the fields are in no usual order and some are absent. */
static void
test_columns (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autofree char *id2 = make_id ("37152119851215002");
  g_autofree char *csv = g_strdup_printf (
    "2026年中式面点师班花名册,,,,,,,,\n"
    "序号,人员类别,手机号码,基本信息,,,同意日期,文化程度,备注\n"
    ",,,身份证号码,姓名,性别,,,\n"
    "1,农民工,13800138000,%s,张三,,2026/11/2,大专,\n"
    "2,03,13900139000,%s,李四,,2026/11/3,高中,\n", id1, id2);
  g_autofree char *path = write_file (f, "merged.csv", csv, -1);
  g_autoptr (TdRosterImport) imp = load (f, path);
  GPtrArray *notices = td_roster_import_get_notices (imp);

  g_assert_cmpint (td_roster_import_get_column (imp, TD_ROSTER_FIELD_NAME), ==, 4);
  g_assert_cmpint (td_roster_import_get_column (imp, TD_ROSTER_FIELD_ID_NUMBER), ==, 3);
  g_assert_cmpint (td_roster_import_get_column (imp, TD_ROSTER_FIELD_CATEGORIES), ==, 1);
  g_assert_cmpint (td_roster_import_get_column (imp, TD_ROSTER_FIELD_PHONE), ==, 2);
  g_assert_cmpint (td_roster_import_get_column (imp, TD_ROSTER_FIELD_GENDER), ==, 5);
  g_assert_cmpint (td_roster_import_get_column (imp, TD_ROSTER_FIELD_CONSENT), ==, 6);
  g_assert_cmpint (td_roster_import_get_column (imp, TD_ROSTER_FIELD_EDUCATION), ==, 7);
  g_assert_cmpint (td_roster_import_get_column (imp, TD_ROSTER_FIELD_HOUSEHOLD), ==, -1);
  g_assert_cmpint (td_roster_import_get_column (imp, TD_ROSTER_FIELD_BIRTH_DATE), ==, -1);
  g_assert_cmpuint (td_roster_import_get_first_data_row (imp), ==, 3);

  g_assert_cmpuint (td_roster_import_get_n_rows (imp), ==, 2);
  g_assert_cmpuint (td_roster_import_get_n_valid (imp), ==, 2);
  g_assert_cmpuint (td_roster_import_get_row (imp, 0)->line, ==, 4);
  g_assert_cmpstr (td_roster_import_get_row (imp, 0)->enrolment->trainee.name, ==, "张三");
  g_assert_cmpstr (td_roster_import_get_row (imp, 1)->enrolment->trainee.id_number, ==, id2);
  g_assert_cmpuint (notices->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (notices, 0), ==,
                   "Column 1 (序号) is not a roster column: ignored.");
  g_assert_cmpstr (g_ptr_array_index (notices, 1), ==,
                   "Column 9 (备注) is not a roster column: ignored.");
}

static void
test_missing_columns (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "cols.csv", "姓名,身份证号码,手机号码,学历\n张三,1,2,3\n",
                                      -1);
  g_autofree char *none = write_file (f, "none.csv", "a,b\n1,2\n", -1);
  g_autoptr (TdRosterImport) imp = td_roster_import_new (f->store, "LC2026-001", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (td_roster_import_load_file (imp, path, NULL, &error));
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_cmpstr (error->message, ==, "The header row has no column for: 人员类别, 同意日期.");
  g_clear_error (&error);
  g_assert_false (td_roster_import_load_file (imp, none, NULL, &error));
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_NO_HEADER);
  g_clear_error (&error);
  g_assert_null (td_roster_import_new (f->store, "NO-SUCH-CLASS", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号码,手机号码,文化程度,人员类别,同意日期\n"
                                          "张三,%s,13800138000,高中,01,2026-11-02\n", id1);
  g_autofree char *path = write_file (f, "c.csv", csv, -1);
  g_autoptr (TdRosterImport) imp = load (f, path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (td_roster_import_commit (imp, FALSE, NULL, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (td_store_find_trainee (f->store, id1, &lerr));
  g_assert_no_error (lerr);
}

/* A row the store refuses when the roster is written (the person was put on the roster
 * by someone else after the file was checked): the row named, nothing of the file stored,
 * and the positions and numbers as they were. */
static void
test_commit_refused_whole (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autofree char *id2 = make_id ("37152119851215002");
  g_autofree char *id3 = make_id ("11010119980707201");
  g_autofree char *csv = g_strdup_printf (
    "姓名,身份证号,联系电话,学历,人员类别,知情同意日期,考勤号\n"
    "张三,%s,13800138000,大专,01,2026/11/2,9\n"
    "李四,%s,13800138001,高中,01,2026/11/2,\n"
    "王五,%s,13900139000,高中,01,2026/11/2,7\n", id1, id2, id3);
  g_autofree char *path = write_file (f, "late.csv", csv, -1);
  g_autoptr (TdRosterImport) imp = load (f, path);
  g_autoptr (TdEnrolment) meanwhile = td_enrolment_new ();
  g_autofree char *expected = NULL;
  g_autoptr (GHashTable) numbers = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 99;

  g_assert_cmpuint (td_roster_import_get_n_valid (imp), ==, 3);
  meanwhile->class_id = f->klass->id;
  g_strlcpy (meanwhile->trainee.id_number, id2, sizeof meanwhile->trainee.id_number);
  meanwhile->trainee.name = g_strdup ("李四");
  meanwhile->trainee.gender = 1;
  g_strlcpy (meanwhile->trainee.birth_date, "1985-12-15", sizeof meanwhile->trainee.birth_date);
  meanwhile->trainee.phone = g_strdup ("13800138009");
  g_strlcpy (meanwhile->trainee.education, "41", sizeof meanwhile->trainee.education);
  g_strlcpy (meanwhile->trainee.household_region, "371521",
             sizeof meanwhile->trainee.household_region);
  meanwhile->categories = g_strdup ("01");
  g_strlcpy (meanwhile->consent_date, "2026-11-01", sizeof meanwhile->consent_date);
  g_assert_true (td_store_save_enrolment (f->store, meanwhile, &error));
  g_assert_no_error (error);

  g_assert_false (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, &n, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  expected = g_strdup_printf ("Line 3: 李四 (%s) is already on this class's roster.", id2);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_cmpuint (n, ==, 0);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TdEnrolment *) list->pdata[0])->trainee.phone, ==, "13800138009");
  g_assert_null (td_store_find_trainee (f->store, id1, NULL));
  g_assert_null (td_store_find_trainee (f->store, id3, NULL));
  numbers = td_store_list_terminal_numbers (f->store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (numbers), ==, 1);
}

/* ---- .xlsx ---------------------------------------------------------------- */

static char *
write_xlsx (Fixture *f, const char *id_text, double id_number)
{
  g_autofree char *path = g_build_filename (f->dir, "roster.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Sheet1");
  lxw_format *date = workbook_add_format (wb);
  lxw_datetime consent = { 2026, 11, 2, 0, 0, 0 };
  const char *headers[] = { "姓名", "身份证号码", "手机号码", "文化程度", "人员类别",
                            "培训前就业状态", "同意日期", "户籍地" };

  format_set_num_format (date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_merge_range (ws, 0, 0, 0, 7, "职业技能培训学员花名册", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (ws, 1, c, headers[c], NULL);
  worksheet_write_string (ws, 1, 8, "学员签字", NULL);
  worksheet_write_string (ws, 2, 0, "张三", NULL);
  if (id_text != NULL)
    worksheet_write_string (ws, 2, 1, id_text, NULL);
  else
    worksheet_write_number (ws, 2, 1, id_number, NULL);
  worksheet_write_number (ws, 2, 2, 13800138000.0, NULL);
  worksheet_write_string (ws, 2, 3, "技校", NULL);
  worksheet_write_string (ws, 2, 4, "退役军人 残疾人", NULL);
  worksheet_write_string (ws, 2, 5, "未就业", NULL);
  worksheet_write_datetime (ws, 2, 6, &consent, date);
  worksheet_write_string (ws, 2, 7, "临清市", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return g_steal_pointer (&path);
}

static void
test_xlsx (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autofree char *path = write_xlsx (f, id1, 0);
  g_autoptr (TdRosterImport) imp = load (f, path);
  GPtrArray *notices = td_roster_import_get_notices (imp);
  g_autoptr (GPtrArray) list = NULL;
  const TdEnrolment *e;
  guint n = 0;

  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (notices, 0), ==,
                   "Column I (学员签字) is not a roster column: ignored.");
  g_assert_true (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, &n, NULL));
  g_assert_cmpuint (n, ==, 1);
  list = roster (f);
  e = g_ptr_array_index (list, 0);
  g_assert_cmpstr (e->trainee.phone, ==, "13800138000");
  g_assert_cmpstr (e->trainee.education, ==, "47");
  g_assert_cmpstr (e->categories, ==, "06,07");
  g_assert_cmpstr (e->consent_date, ==, "2026-11-02");
  g_assert_cmpstr (e->trainee.household_region, ==, "371581");
}

static void
test_xlsx_id_as_number (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_xlsx (f, NULL, 371502199001011234.0);
  g_autoptr (TdRosterImport) imp = load (f, path);
  const char *const expected[] = {
    "Row 3, column B (身份证号码): The id number was stored as a number and lost its last "
      "digits: format the column as text and type it again.",
    NULL
  };

  assert_problems (imp, expected);
}

/* ---- the template and the exports ----------------------------------------- */

static char *
zip_entry (const char *path, const char *name)
{
  zip_t *zip = zip_open (path, ZIP_RDONLY, NULL);
  zip_stat_t st;
  zip_file_t *file;
  char *text;

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, name, 0, &st), ==, 0);
  file = zip_fopen (zip, name, 0);
  text = g_malloc0 (st.size + 1);
  g_assert_cmpint (zip_fread (file, text, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (file);
  zip_discard (zip);
  return text;
}

static void
test_template (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "template.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTable) table = NULL;
  g_autoptr (TdRosterImport) imp = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *lists = NULL;
  const char *const headers[] = { "姓名", "身份证号码", "手机号码", "文化程度", "户籍地",
                                  "人员类别", "培训前就业状态", "同意日期" };
  const char *const expected[] = {
    "Row 2: This is the template's example row: delete it.",
    NULL
  };

  /* a template is a workbook, with drop-down lists: not a CSV file */
  {
    g_autofree char *csv = g_strconcat (path, ".csv", NULL);
    g_autofree char *said = NULL;

    g_assert_false (td_roster_write_template (csv, &error));
    g_assert_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT);
    said = g_strdup_printf ("%s: the template is an Excel workbook; name it .xlsx.", csv);
    g_assert_cmpstr (error->message, ==, said);
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }
  g_assert_true (td_roster_write_template (path, &error));
  g_assert_no_error (error);
  table = td_table_read_file (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (td_table_get_sheet_name (table), ==, "花名册");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    g_assert_cmpstr (td_table_get_text (table, 0, c), ==, headers[c]);
  g_assert_cmpstr (td_table_get_text (table, 1, 1), ==, TD_ROSTER_EXAMPLE_ID);
  g_assert_cmpstr (td_table_get_text (table, 1, 3), ==, "高中");

  sheet = zip_entry (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "<dataValidations count=\"3\">"));
  g_assert_nonnull (strstr (sheet, "sqref=\"D2:D1001\""));
  g_assert_nonnull (strstr (sheet, "<formula1>'代码表'!$A$1:$A$11</formula1>"));
  g_assert_nonnull (strstr (sheet, "<formula1>'代码表'!$B$1:$B$16</formula1>"));
  g_assert_nonnull (strstr (sheet, "<formula1>'代码表'!$C$1:$C$6</formula1>"));
  lists = zip_entry (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (lists, "技校"));
  g_assert_nonnull (strstr (lists, "城镇登记失业人员"));

  imp = load (f, path);
  assert_problems (imp, expected);
}

static void
import_good (Fixture *f)
{
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autofree char *id2 = make_id ("37152119851215002");
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号码,手机号码,文化程度,人员类别,同意日期\n"
                                          "张三,%s,13800138000,高中,01 06,2026-11-02\n"
                                          "李四,%s,13800138001,本科,04,2026-11-03\n", id1, id2);
  g_autofree char *path = write_file (f, "good.csv", csv, -1);
  g_autoptr (TdRosterImport) imp = load (f, path);

  g_assert_true (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, NULL, NULL));
}

/* R-ROS-001: the same people in a class whose dates overlap. */
static void
test_overlap (Fixture *f, gconstpointer data)
{
  g_autoptr (TdClass) other = add_class (f->store, "LC2026-003", "2026-12-15", "2026-12-30", 40);
  g_autofree char *path = g_build_filename (f->dir, "good.csv", NULL);
  g_autoptr (TdRosterImport) imp = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  import_good (f);
  imp = td_roster_import_new (f->store, "LC2026-003", &error);
  g_assert_true (td_roster_import_load_file (imp, path, NULL, &error));
  problems = td_roster_import_format_problems (imp);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "Line 2, column 2 (身份证号码): Already on the roster of class LC2026-001 "
                   "(2026-12-01 to 2026-12-20), whose dates overlap this class's (R-ROS-001).");
}

/* ---- a database that cannot be read --------------------------------------- */

/* The store closed (its log folded into the file) and opened again with nothing read yet;
 * @journal: the mode to leave the file in first, NULL for the store's own. */
static void
reopen (Fixture *f, const char *journal, TdStoreOpenFlags flags)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->store);
  if (journal != NULL)
    {
      sqlite3 *db = NULL;
      g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", journal);

      g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
  f->store = td_store_open (f->db_path, flags, &error);
  g_assert_no_error (error);
  td_store_set_busy_timeout (f->store, 50);
}

/* The pages of table or index @name overwritten in place (the store's open file sees it),
 * as tests/ui/test-store-error.c damages a database after it was opened. */
static void
damage (Fixture *f, const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *junk = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT pageno FROM dbstat WHERE name = '%s'", name);
  int page_size = 0;
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (int));
  FILE *file;

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int page = sqlite3_column_int (stmt, 0);
      g_array_append_val (pages, page);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (pages->len, >, 0);
  junk = g_malloc (page_size);
  memset (junk, 0xa5, page_size);
  file = g_fopen (f->db_path, "r+b");
  g_assert_nonnull (file);
  for (guint i = 0; i < pages->len; i++)
    {
      g_assert_cmpint (fseek (file, (long) (g_array_index (pages, int, i) - 1) * page_size,
                              SEEK_SET), ==, 0);
      g_assert_cmpuint (fwrite (junk, 1, page_size, file), ==, (gsize) page_size);
    }
  fclose (file);
  g_array_unref (pages);
}

/* Damaged after the import was opened: the enrolments' rows, which the overlap check
 * (R-ROS-001) reads for a person on another class's roster (the rosters themselves are
 * read from an index).  The import says the database is damaged; it does not take
 * the unreadable enrolment for none and report the people as on an overlapping roster. */
static void
test_store_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (TdClass) other = add_class (f->store, "LC2026-003", "2026-12-15", "2026-12-30", 40);
  g_autofree char *path = g_build_filename (f->dir, "good.csv", NULL);
  g_autoptr (TdRosterImport) imp = NULL;
  g_autoptr (GError) error = NULL;

  import_good (f);
  reopen (f, NULL, TD_STORE_OPEN_DEFAULT);
  imp = td_roster_import_new (f->store, "LC2026-003", &error);
  g_assert_no_error (error);
  damage (f, "enrolment");
  g_assert_false (td_roster_import_load_file (imp, path, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "is damaged"));
  g_assert_cmpuint (td_roster_import_get_n_rows (imp), ==, 0);
}

/* Damaged before the import is opened: the class's catalogue.  Opening the import says so;
 * it does not go on as if no catalogue were stored (and leave the ages unchecked). */
static void
test_store_damaged_catalog (Fixture *f, gconstpointer data)
{
  g_autoptr (TdRosterImport) imp = NULL;
  g_autoptr (GError) error = NULL;

  reopen (f, NULL, TD_STORE_OPEN_DEFAULT);
  damage (f, "sqlite_autoindex_catalog_1");
  imp = td_roster_import_new (f->store, f->klass->code, &error);
  g_assert_null (imp);
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "is damaged"));
}

/* Another program holds the lock: of a rollback journal (as on a network drive, where a
 * writer keeps the readers out) while the file is read, then of the log while the import
 * is stored.  Each says the database is in use; nothing is stored; once the lock goes the
 * same import goes through. */
static void
test_store_locked (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号码,手机号码,文化程度,人员类别,同意日期\n"
                                          "张三,%s,13800138000,高中,01,2026-11-02\n", id1);
  g_autofree char *path = write_file (f, "one.csv", csv, -1);
  g_autoptr (TdRosterImport) imp = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  guint n = 99;

  reopen (f, "DELETE", TD_STORE_OPEN_READ_ONLY);
  imp = td_roster_import_new (f->store, f->klass->code, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE; INSERT INTO setting (key, value) "
                                     "VALUES ('lock-probe', 'x')", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_false (td_roster_import_load_file (imp, path, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==, "The database is in use by another program and cannot "
                   "be read now. Close the other program (or wait for it to finish) and try "
                   "again.");
  g_clear_error (&error);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  g_clear_pointer (&imp, td_roster_import_free);

  reopen (f, NULL, TD_STORE_OPEN_DEFAULT);
  imp = load (f, path);
  g_assert_cmpuint (td_roster_import_get_n_valid (imp), ==, 1);
  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO setting (key, value) "
                                     "VALUES ('lock-probe', 'x')", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_false (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, &n, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED);
  g_assert_true (g_str_has_prefix (error->message, "The database is in use by another program, "
                                                   "so nothing was saved."));
  g_clear_error (&error);
  g_assert_cmpuint (n, ==, 0);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_true (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
}

static void
test_export_roster (Fixture *f, gconstpointer data)
{
  const TdTableOptions show_id = { .show_id = TRUE };
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *id1 = make_id ("37150219900101123");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) second = add_class (f->store, "LC2026-002", "2027-01-04", "2027-01-20", 40);
  g_autoptr (TdRosterImport) imp = NULL;
  g_autoptr (TdTable) table = NULL;

  import_good (f);
  /* in full when asked (masked by default: see /cli/files/table-masking) */
  g_assert_true (td_table_export_with_options (f->store, TD_EXPORT_ROSTER, "LC2026-001", csv,
                                               &show_id, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  expected = g_strdup_printf ("\xEF\xBB\xBF序号,姓名,身份证号码,性别,出生日期,手机号码,文化程度,"
                              "户籍地,人员类别,培训前就业状态,同意日期,退训日期\r\n"
                              "1,张三,%s,男,1990-01-01,13800138000,高中,东昌府区,"
                              "农村转移就业劳动者、退役军人,未就业,2026-11-02,\r\n", id1);
  g_assert_true (g_str_has_prefix (text, expected));

  /* The exported workbook imports again, into another class. */
  g_assert_true (td_table_export_with_options (f->store, TD_EXPORT_ROSTER, "LC2026-001", xlsx,
                                               &show_id, &error));
  table = td_table_read_file (xlsx, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (td_table_get_text (table, 1, 4), ==, "1990-01-01");
  g_assert_cmpint (td_table_get_kind (table, 1, 4), ==, TD_CELL_DATE);
  imp = td_roster_import_new (f->store, "LC2026-002", &error);
  g_assert_true (td_roster_import_load_file (imp, xlsx, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (td_roster_import_get_n_valid (imp), ==, 2);
  g_assert_true (td_roster_import_commit (imp, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_export_attendance (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "att.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  import_good (f);
  g_assert_true (td_table_export (f->store, TD_EXPORT_ATTENDANCE, "LC2026-001", csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF序号,姓名,身份证号码,出勤,迟到,早退,请假,"
                                         "缺勤,实得学时,计划学时,出勤率,退训日期\r\n1,张三,"));
  g_assert_nonnull (strstr (text, ",0,0,0,0,0,0,60,0.0000,\r\n2,李四,"));
  g_assert_false (td_table_export (f->store, TD_EXPORT_ATTENDANCE, "LC2026-001",
                                   "att.ods", &error));
  g_assert_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT);
}

static void
test_export_claim (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "claim.csv", NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;

  import_good (f);
  g_assert_true (td_table_export (f->store, TD_EXPORT_CLAIM, "LC2026-001", csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "\xEF\xBB\xBF序号,姓名,身份证号码,实得学时,出勤率,证书类型,等级,"
                   "补贴标准,上浮金额,补贴金额,未纳入原因");
  g_assert_true (g_str_has_prefix (lines[1], "1,张三,"));
  /* Nobody has a result yet: no amount, and the reason says why. */
  g_assert_nonnull (strstr (lines[1], ",0,0.0000,,,0.00,0.00,0.00,"));
  g_assert_cmpstr (lines[3], ==, "合计,0人,,,,,,,,0.00,");
  g_assert_cmpstr (lines[4], ==, "");
}

/* ---- the CLI -------------------------------------------------------------- */

static int
run_cli (Fixture *f, char **out, char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) exit_error = NULL;
  const char *cli = g_getenv ("TD_CLI");
  va_list ap;
  int status = -1;

  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, f->db_path);
  va_start (ap, err);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_clear_object (&f->store);   /* let the CLI have the database */
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  f->store = td_store_open (f->db_path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &exit_error))
    return 0;
  return exit_error->domain == G_SPAWN_EXIT_ERROR ? exit_error->code : -1;
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *template = g_build_filename (f->dir, "t.xlsx", NULL);
  g_autofree char *export = g_build_filename (f->dir, "e.csv", NULL);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GString) all = g_string_new (NULL);

  if (g_getenv ("TD_CLI") == NULL || !g_file_test (g_getenv ("TD_CLI"), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("traindesk-cli is not built");
      return;
    }
  path = bad_rows_csv (f);
  g_assert_cmpint (run_cli (f, &out, &err, "import-roster", "--class", "LC2026-001", path,
                            NULL), ==, 1);
  for (guint i = 0; bad_rows_problems[i] != NULL; i++)
    g_string_append_printf (all, "%s\n", bad_rows_problems[i]);
  g_string_append (all, "Rows with problems: 5 of 6. Nothing was imported.\n");
  g_assert_cmpstr (err, ==, all->str);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "import-roster", "--class", "LC2026-001",
                            "--skip-invalid", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 1 of 6 trainees into class LC2026-001; skipped 5 rows.\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "import-roster", "--class", "LC2026-001", NULL), ==,
                   2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &out, &err, "roster-template", "-o", template, NULL), ==, 0);
  g_assert_true (g_file_test (template, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &out, &err, "export-table", "roster", "--class", "LC2026-001",
                            "-o", export, NULL), ==, 0);
  g_assert_true (g_file_test (export, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_setenv ("TD_TODAY", "2026-11-26", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, size) \
  g_test_add (path, Fixture, GINT_TO_POINTER (size), fixture_setup, func, fixture_teardown)
  ADD ("/import/csv/good", test_csv_good, 0);
  ADD ("/import/csv/english-gbk", test_csv_english_gbk, 0);
  ADD ("/import/csv/terminal-numbers", test_terminal_numbers, 0);
  ADD ("/import/csv/terminal-numbers-shared", test_terminal_numbers_shared, 0);
  ADD ("/import/bad-rows/refused", test_bad_rows_refused, 0);
  ADD ("/import/bad-rows/skipped", test_bad_rows_skipped, 0);
  ADD ("/import/roster-and-size", test_roster_and_size, 3);
  ADD ("/import/columns", test_columns, 0);
  ADD ("/import/missing-columns", test_missing_columns, 0);
  ADD ("/import/cancel", test_cancel, 0);
  ADD ("/import/commit-refused-whole", test_commit_refused_whole, 0);
  ADD ("/import/xlsx/good", test_xlsx, 0);
  ADD ("/import/xlsx/id-as-number", test_xlsx_id_as_number, 0);
  ADD ("/import/template", test_template, 0);
  ADD ("/import/overlap", test_overlap, 0);
  ADD ("/import/store/damaged", test_store_damaged, 0);
  ADD ("/import/store/damaged-catalog", test_store_damaged_catalog, 0);
  ADD ("/import/store/locked", test_store_locked, 0);
  ADD ("/export/roster", test_export_roster, 0);
  ADD ("/export/attendance", test_export_attendance, 0);
  ADD ("/export/claim", test_export_claim, 0);
  ADD ("/cli/table", test_cli, 0);
  return g_test_run ();
}
