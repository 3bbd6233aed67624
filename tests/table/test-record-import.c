/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Score sheets and follow-up sheets into a class: GBK CSV, .xlsx with merged header cells,
 * scores and certificate numbers stored as numbers, columns mapped by hand, every refusal
 * reason with the row and column named, all-or-nothing, and the templates. */
#include "config.h"

#include <locale.h>
#include <xlsxwriter.h>

#include "core/td-idnumber.h"
#include "table/td-record-import.h"
#include "table/td-roster-import.h"

#include "table-test-util.h"

typedef struct
{
  char *dir;
  TdStore *store;
  TdClass *klass;
  char *ids[4];                 /* 张三 李四 王五 赵六 (赵六 withdrew during the class) */
} Fixture;

static const char *const names[] = { "张三", "李四", "王五", "赵六" };
static const char *const id17s[] = { "37150219900101123", "37152119851215002",
                                     "37150319921111301", "37152419880505401" };

static void
enrol (Fixture *f, guint i)
{
  g_autoptr (TdEnrolment) e = td_enrolment_new ();
  g_autoptr (GError) error = NULL;

  e->class_id = f->klass->id;
  g_strlcpy (e->trainee.id_number, f->ids[i], sizeof e->trainee.id_number);
  e->trainee.name = g_strdup (names[i]);
  e->trainee.gender = td_id_number_gender (f->ids[i]);
  td_id_number_birth_date (f->ids[i], e->trainee.birth_date);
  e->trainee.phone = g_strdup ("13800138000");
  g_strlcpy (e->trainee.education, "31", sizeof e->trainee.education);
  g_strlcpy (e->trainee.household_region, "371502", sizeof e->trainee.household_region);
  e->position = (int) i + 1;
  e->categories = g_strdup ("01");
  e->employment_before = 4;
  g_strlcpy (e->consent_date, "2026-09-20", sizeof e->consent_date);
  g_assert_true (td_store_save_enrolment (f->store, e, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) klass = td_class_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = td_test_make_dir ("td-table-XXXXXX");
  db = g_build_filename (f->dir, "td.db", NULL);
  f->store = td_store_open (db, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  klass->code = g_strdup ("LC2026-009");
  klass->title = g_strdup ("中式面点师（五级）");
  klass->catalog_version = g_strdup ("2026-1");
  klass->item_code = g_strdup ("6-02-01-01");
  klass->item_name = g_strdup ("中式面点师");
  klass->level = 5;
  g_strlcpy (klass->training_type, "01", sizeof klass->training_type);
  g_strlcpy (klass->special_action, "01", sizeof klass->special_action);
  klass->mode = 1;
  g_strlcpy (klass->start_date, "2026-10-01", sizeof klass->start_date);
  g_strlcpy (klass->end_date, "2026-10-20", sizeof klass->end_date);
  klass->planned_size = 40;
  g_strlcpy (klass->venue_region, "371502", sizeof klass->venue_region);
  klass->venue_address = g_strdup ("东昌府区柳园路 1 号");
  klass->certificate = GPOINTER_TO_INT (data) != 0 ? GPOINTER_TO_INT (data) : 2;
  klass->assessment_method = g_strdup ("理论+实操");
  g_strlcpy (klass->exam_theory_date, "2026-10-21", sizeof klass->exam_theory_date);
  g_strlcpy (klass->exam_practice_date, "2026-10-22", sizeof klass->exam_practice_date);
  klass->evaluator = g_strdup ("聊城市职业技能等级认定中心");
  g_assert_true (td_store_save_class (f->store, klass, &error));
  g_assert_no_error (error);
  f->klass = g_steal_pointer (&klass);
  for (guint i = 0; i < 4; i++)
    {
      f->ids[i] = g_strdup_printf ("%s%c", id17s[i], td_id_number_check_char (id17s[i]));
      enrol (f, i);
    }
  {
    g_autoptr (TdTrainee) t = td_store_find_trainee (f->store, f->ids[3], &lerr);
    g_assert_no_error (lerr);
    g_assert_true (td_store_withdraw (f->store, f->klass->id, t->id, "2026-10-10", "搬家",
                                      &error));
    g_assert_no_error (error);
  }
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  td_class_free (f->klass);
  for (guint i = 0; i < 4; i++)
    g_free (f->ids[i]);
  td_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
write_gbk (Fixture *f, const char *name, const char *utf8)
{
  g_autofree char *gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, NULL, NULL);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_nonnull (gbk);
  g_assert_true (g_file_set_contents (path, gbk, -1, NULL));
  return path;
}

static TdRecordImport *
load (Fixture *f, TdRecordKind kind, const char *path)
{
  g_autoptr (GError) error = NULL;
  TdRecordImport *imp = td_record_import_new (f->store, kind, f->klass->code, &error);

  g_assert_no_error (error);
  g_assert_true (td_record_import_load_file (imp, path, NULL, NULL, &error));
  g_assert_no_error (error);
  return imp;
}

static void
assert_lines (GPtrArray *lines, const char *const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; n != lines->len && i < lines->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (lines, i));
  for (guint i = 0; i < MIN (n, lines->len); i++)
    g_assert_cmpstr (g_ptr_array_index (lines, i), ==, expected[i]);
  g_assert_cmpuint (lines->len, ==, n);
}

static void
assert_refused (TdRecordImport *imp, const char *const *expected)
{
  g_autoptr (GPtrArray) problems = td_record_import_format_problems (imp);
  g_autoptr (GError) error = NULL;
  guint n = 99;

  assert_lines (problems, expected);
  g_assert_false (td_record_import_commit (imp, &n, &error));
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpuint (n, ==, 0);
}

static const TdResult *
result_of (GPtrArray *results, const char *id)
{
  for (guint i = 0; i < results->len; i++)
    if (g_str_equal (((TdResult *) g_ptr_array_index (results, i))->id_number, id))
      return g_ptr_array_index (results, i);
  return NULL;
}

/* ---- score sheets ---------------------------------------------------------------- */

static void
test_results_gbk (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *csv = g_strdup_printf (
    "序号,身份证号,姓名,理论成绩,实操成绩,考核结果,证书编号,等级\n"
    "1,%s,张三,85.5,90,合格,s000137150301265000101,五级\n"
    "2,%s,李四,55,60,不合格,,\n"
    "3,%s,王五,,,缺考,,\n", f->ids[0], f->ids[1], f->ids[2]);
  g_autofree char *path = write_gbk (f, "scores.csv", csv);
  g_autoptr (TdRecordImport) imp = load (f, TD_RECORD_RESULTS, path);
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  const char *const notices[] = {
    "Column 1 (序号) is not a score sheet column: ignored.",
    "No 发证日期 column: certificates keep the issue date stored; new ones are dated "
      "2026-10-22, the day of the exam.",
    NULL
  };
  const TdResult *r;
  guint n = 0;

  assert_lines (td_record_import_get_notices (imp), notices);
  {
    g_autoptr (GPtrArray) problems = td_record_import_format_problems (imp);
    assert_lines (problems, (const char *const[]) { NULL });
  }
  g_assert_cmpuint (td_record_import_get_n_valid (imp), ==, 3);
  g_assert_true (td_record_import_commit (imp, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  results = td_store_list_results (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (results->len, ==, 3);
  r = result_of (results, f->ids[0]);
  g_assert_cmpint (r->theory, ==, 855);
  g_assert_cmpint (r->practice, ==, 900);
  g_assert_cmpint (r->outcome, ==, 1);
  g_assert_cmpint (r->cert_type, ==, 2);
  g_assert_cmpint (r->cert_level, ==, 5);
  g_assert_cmpstr (r->cert_number, ==, "S000137150301265000101");
  g_assert_cmpstr (r->cert_issued, ==, "2026-10-22");
  g_assert_cmpstr (r->cert_issuer, ==, "聊城市职业技能等级认定中心");
  r = result_of (results, f->ids[1]);
  g_assert_cmpint (r->outcome, ==, 2);
  g_assert_cmpint (r->cert_type, ==, 0);
  r = result_of (results, f->ids[2]);
  g_assert_cmpint (r->outcome, ==, 3);
  g_assert_cmpint (r->theory, ==, -1);
}

/* Every reason a score sheet row is refused, each named with its line and column; nothing
 * is stored, not even the good row. */
static void
test_results_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *csv = g_strdup_printf (
    "身份证号,姓名,理论成绩,实操成绩,考核结果,证书编号,等级,发证日期\n"
    "%s,张三,80,80,合格,S000137150301265000101,5,2026-10-25\n"       /* good */
    "371502199001011235,陈七,80,80,合格,S000137150301265000102,5,2026-10-25\n"
    "37150219900101999X,陈八,80,80,合格,S000137150301265000103,5,2026-10-25\n"
    "%s,李斯,101,8x,合格,S000137150301265000104,5,2026-10-25\n"
    "%s,王五,80,80,优秀,,,\n"
    "%s,王五,80,80,,,,\n"
    "%s,赵六,80,80,不合格,,,\n"
    "%s,张三,80,80,合格,S000137150301264000101,四级,2026-10-20\n"
    "%s,李四,70,70,合格,X0001,五级,2026-10-25\n"
    "%s,李四,70,70,合格,S000137150301264000101,五级,明天\n"
    "%s,李四,50,50,不合格,S000137150301265000109,,\n",
    f->ids[0], f->ids[1], f->ids[2], f->ids[2], f->ids[3], f->ids[0], f->ids[1], f->ids[1],
    f->ids[1]);
  g_autofree char *path = write_gbk (f, "scores.csv", csv);
  g_autoptr (TdRecordImport) imp = load (f, TD_RECORD_RESULTS, path);
  g_autoptr (GPtrArray) results = NULL;
  const char *const expected[] = {
    "Line 3, column 1 (身份证号): The check digit should be 4, not 5.",
    "Line 4, column 1 (身份证号): 37150219900101999X is not on the roster of class "
      "LC2026-009.",
    "Line 5, column 2 (姓名): The roster names this id number 李四, not 李斯.",
    "Line 5, column 3 (理论成绩): “101” is not a score: a number from 0 to 100, with at most "
      "one decimal.",
    "Line 5, column 4 (实操成绩): “8x” is not a score: a number from 0 to 100, with at most "
      "one decimal.",
    "Line 6, column 5 (考核结果): “优秀” is not an outcome: 合格, 不合格 or 缺考.",
    "Line 7, column 1 (身份证号): The same trainee as line 6.",
    "Line 8, column 1 (身份证号): 赵六 withdrew on 2026-10-10, before the exam: no result.",
    "Line 9, column 1 (身份证号): The same trainee as line 2.",
    "Line 9, column 7 (等级): The certificate's level 4 is not the class's level 5 "
      "(R-ASM-004).",
    "Line 9, column 8 (发证日期): The certificate is dated 2026-10-20, before the exam on "
      "2026-10-22 (R-ASM-004).",
    "Line 10, column 1 (身份证号): The same trainee as line 5.",
    "Line 10, column 6 (证书编号): “X0001” is not a certificate number: 6 to 32 digits, "
      "capital letters or '-'.",
    "Line 11, column 1 (身份证号): The same trainee as line 5.",
    "Line 11, column 6 (证书编号): The 16th character of the certificate number is the "
      "level: 4, but the level is 5 (R-ASM-003).",
    "Line 11, column 8 (发证日期): “明天” is not a date.",
    "Line 11, column 8 (发证日期): A passed trainee's certificate needs its issue date.",
    "Line 12, column 1 (身份证号): The same trainee as line 5.",
    "Line 12, column 6 (证书编号): A failed or absent trainee has no certificate "
      "(R-ASM-002).",
    NULL
  };

  assert_refused (imp, expected);
  results = td_store_list_results (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (results->len, ==, 0);
}

/* A title over the sheet, 成绩 merged over 理论/实操 with a second header row, the other
 * headers merged down over both rows; scores stored as numbers, a date cell. */
static char *
write_scores_xlsx (Fixture *f, gboolean long_number)
{
  g_autofree char *path = g_build_filename (f->dir, "scores.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "成绩单");
  lxw_format *date = workbook_add_format (wb);
  lxw_datetime issued = { 2026, 10, 28, 0, 0, 0 };

  format_set_num_format (date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_merge_range (ws, 0, 0, 0, 7, "职业技能等级认定成绩单", NULL);
  worksheet_merge_range (ws, 1, 0, 2, 0, "身份证号码", NULL);
  worksheet_merge_range (ws, 1, 1, 2, 1, "姓名", NULL);
  worksheet_merge_range (ws, 1, 2, 1, 3, "成绩", NULL);
  worksheet_write_string (ws, 2, 2, "理论", NULL);
  worksheet_write_string (ws, 2, 3, "实操", NULL);
  worksheet_merge_range (ws, 1, 4, 2, 4, "考核结果", NULL);
  worksheet_merge_range (ws, 1, 5, 2, 5, "证书编号", NULL);
  worksheet_merge_range (ws, 1, 6, 2, 6, "等级", NULL);
  worksheet_merge_range (ws, 1, 7, 2, 7, "发证日期", NULL);
  worksheet_write_string (ws, 3, 0, f->ids[0], NULL);
  worksheet_write_string (ws, 3, 1, "张三", NULL);
  worksheet_write_number (ws, 3, 2, 85.5, NULL);
  worksheet_write_number (ws, 3, 3, 77, NULL);
  worksheet_write_string (ws, 3, 4, "合格", NULL);
  if (long_number)
    worksheet_write_number (ws, 3, 5, 137150301265000101.0, NULL);
  else
    worksheet_write_number (ws, 3, 5, 20260001, NULL);
  worksheet_write_number (ws, 3, 6, 5, NULL);
  worksheet_write_datetime (ws, 3, 7, &issued, date);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return g_steal_pointer (&path);
}

/* A training completion certificate (type 4) whose number the sheet stored as a number. */
static void
test_results_xlsx_merged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *path = write_scores_xlsx (f, FALSE);
  g_autoptr (TdRecordImport) imp = load (f, TD_RECORD_RESULTS, path);
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  const TdResult *r;

  g_assert_cmpuint (td_record_import_get_notices (imp)->len, ==, 0);
  g_assert_cmpuint (td_record_import_get_n_valid (imp), ==, 1);
  g_assert_true (td_record_import_commit (imp, NULL, &error));
  g_assert_no_error (error);
  results = td_store_list_results (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  r = g_ptr_array_index (results, 0);
  g_assert_cmpint (r->theory, ==, 855);
  g_assert_cmpint (r->practice, ==, 770);
  g_assert_cmpint (r->cert_type, ==, 4);
  g_assert_cmpstr (r->cert_number, ==, "20260001");
  g_assert_cmpstr (r->cert_issued, ==, "2026-10-28");
}

/* A skill level certificate number stored as a number has lost its letter and digits. */
static void
test_results_number_lost (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_scores_xlsx (f, TRUE);
  g_autoptr (TdRecordImport) imp = load (f, TD_RECORD_RESULTS, path);
  const char *const expected[] = {
    "Row 4, column F (证书编号): The certificate number was stored as a number and lost its "
      "last digits: format the column as text and type it again.",
    NULL
  };

  assert_refused (imp, expected);
}

/* Headers nobody recognises: mapped by hand. */
static void
test_results_by_hand (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_strdup_printf ("编号,甲,乙\n%s,缺考,张三\n", f->ids[0]);
  g_autofree char *path = write_gbk (f, "odd.csv", csv);
  g_autoptr (TdRecordImport) imp = td_record_import_new (f->store, TD_RECORD_RESULTS,
                                                         f->klass->code, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (td_record_import_load_file (imp, path, NULL, NULL, &error));
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_NO_HEADER);
  g_clear_error (&error);
  g_assert_false (td_record_import_map_column (imp, "颜色=B", &error));
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_cmpstr (error->message, ==, "“颜色=B” does not map a column: write FIELD=COLUMN, "
                                       "as 身份证号=B.");
  g_clear_error (&error);
  g_assert_true (td_record_import_map_column (imp, "身份证号=1", NULL));
  g_assert_true (td_record_import_map_column (imp, "考核结果=B", NULL));
  g_assert_true (td_record_import_map_column (imp, "name=c", NULL));
  g_assert_true (td_record_import_load_file (imp, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (td_record_import_get_n_rows (imp), ==, 1);
  g_assert_true (td_record_import_commit (imp, NULL, &error));
  g_assert_no_error (error);
}

/* ---- follow-up sheets -------------------------------------------------------------- */

static void
test_follow_ups_gbk (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *csv = g_strdup_printf (
    "身份证号,姓名,回访日期,就业状态,就业单位,统一社会信用代码,岗位,月收入,证明材料,就业日期\n"
    "%s,张三,2026/11/15,单位就业,聊城市颐养园养老服务有限公司,91371502MA3C00104E,面点师,"
    "\"4,200\",劳动合同,2026-10-28\n"
    "%s,李四,2026-11-15,灵活就业,,,,,工资流水,2026-11-02\n"
    "%s,王五,2026-11-15,未就业,某单位,,,,,\n", f->ids[0], f->ids[1], f->ids[2]);
  g_autofree char *path = write_gbk (f, "calls.csv", csv);
  g_autoptr (TdRecordImport) imp = load (f, TD_RECORD_FOLLOW_UPS, path);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  const TdFollowUp *fu;
  guint n = 0;

  g_assert_cmpuint (td_record_import_get_notices (imp)->len, ==, 0);
  g_assert_true (td_record_import_commit (imp, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  list = td_store_list_follow_ups (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 3);
  fu = g_ptr_array_index (list, 0);
  g_assert_cmpstr (fu->id_number, ==, f->ids[0]);
  g_assert_cmpstr (fu->checked, ==, "2026-11-15");
  g_assert_cmpint (fu->status, ==, 1);
  g_assert_cmpstr (fu->employer_name, ==, "聊城市颐养园养老服务有限公司");
  g_assert_cmpstr (fu->employer_credit_code, ==, "91371502MA3C00104E");
  g_assert_cmpint (fu->monthly_wage, ==, 420000);
  g_assert_cmpint (fu->proof, ==, 1);
  g_assert_cmpstr (fu->since, ==, "2026-10-28");
  fu = g_ptr_array_index (list, 1);
  g_assert_cmpint (fu->status, ==, 3);
  g_assert_null (fu->employer_name);
  g_assert_cmpint (fu->proof, ==, 2);
  fu = g_ptr_array_index (list, 2);
  g_assert_cmpint (fu->status, ==, 4);
  g_assert_null (fu->employer_name);     /* status 4 carries no employer (R-EMP-002) */
  g_assert_cmpstr (fu->since, ==, "");
}

static void
test_follow_ups_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *csv = g_strdup_printf (
    "身份证号,姓名,回访日期,就业状态,就业单位,统一社会信用代码,月收入,证明材料,就业日期\n"
    "%s,张三,2026-11-15,单位就业,聊城市颐养园,91371502MA3C00104E,4200,劳动合同,2026-10-28\n"
    "%s,张三,2026-10-15,单位就业,聊城市颐养园,91371502MA3C00104E,4200,劳动合同,2026-10-28\n"
    "%s,李四,2026-11-15,单位就业,,,4200,劳动合同,2026-10-28\n"
    "%s,王五,2026-11-15,灵活就业,,,,工资流水,\n"
    "%s,王五,2026-11-16,退休,,,,,\n"
    "%s,王五,2026-11-17,自主创业,面馆,ABC,很多,口头,2026-10-28\n"
    "%s,赵六,2026-11-15,未就业,,,,,\n"
    "%s,张三,2026-11-15,未就业,,,,,\n"
    "%s,王五,2026-11-18,单位就业,面馆,91371502MA3C001040,4200,劳动合同,2026-11-20\n",
    f->ids[0], f->ids[0], f->ids[1], f->ids[2], f->ids[2], f->ids[2], f->ids[3], f->ids[0],
    f->ids[2]);
  g_autofree char *path = write_gbk (f, "calls.csv", csv);
  g_autoptr (TdRecordImport) imp = load (f, TD_RECORD_FOLLOW_UPS, path);
  g_autoptr (GPtrArray) list = NULL;
  const char *const expected[] = {
    "Line 3: The follow-up date 2026-10-15 is not after the class's end 2026-10-20 "
      "(R-EMP-001).",
    "Line 4: Employed or self-employed: the follow-up names the employer and its unified "
      "social credit code (R-EMP-002).",
    "Line 5: Employed, self-employed or in flexible employment: the follow-up gives the date "
      "the work began (R-EMP-002).",
    "Line 6, column 4 (就业状态): “退休” is not an employment status.",
    "Line 7, column 6 (统一社会信用代码): “ABC” is not a unified social credit code: 18 digits "
      "and capital letters.",
    "Line 7, column 7 (月收入): “很多” is not an amount in yuan.",
    "Line 7, column 8 (证明材料): “口头” is not a kind of proof.",
    "Line 8, column 1 (身份证号): 赵六 withdrew on 2026-10-10: no follow-up.",
    "Line 9, column 1 (身份证号): The same trainee as line 2.",
    "Line 10: The work began on 2026-11-20, after the follow-up date 2026-11-18.",
    NULL
  };
  const char *const notices[] = {
    "Line 10: the credit code 91371502MA3C001040 has a wrong check character (R-ORG-001); it "
      "is imported, check it against the business licence.",
    NULL
  };

  assert_lines (td_record_import_get_notices (imp), notices);
  assert_refused (imp, expected);
  list = td_store_list_follow_ups (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 0);
}

/* ---- templates ------------------------------------------------------------------- */

static char *
zip_entry (const char *path, const char *name)
{
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &zerr);
  zip_stat_t st;
  zip_file_t *file;
  char *text;

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, name, 0, &st), ==, 0);
  text = g_malloc0 (st.size + 1);
  file = zip_fopen (zip, name, 0);
  g_assert_cmpint (zip_fread (file, text, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (file);
  zip_close (zip);
  return text;
}

static void
test_templates (Fixture *f, gconstpointer data)
{
  g_autofree char *results = g_build_filename (f->dir, "scores.xlsx", NULL);
  g_autofree char *calls = g_build_filename (f->dir, "calls.xlsx", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "scores.csv", NULL);
  g_autofree char *sheet = NULL, *sheet2 = NULL;
  g_autoptr (TdTable) table = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const headers[] = { "身份证号", "姓名", "理论成绩", "实操成绩", "考核结果",
                                         "证书编号", "等级", "发证日期", "发证机构" };

  g_assert_false (td_record_write_template (f->store, TD_RECORD_RESULTS, f->klass->code, csv,
                                            &error));
  g_assert_error (error, TD_TABLE_ERROR, TD_TABLE_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (td_record_write_template (f->store, TD_RECORD_RESULTS, f->klass->code,
                                           results, &error));
  g_assert_no_error (error);
  table = td_table_read_file (results, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (td_table_get_n_rows (table), ==, 4);   /* 赵六 withdrew */
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    g_assert_cmpstr (td_table_get_text (table, 0, c), ==, headers[c]);
  g_assert_cmpstr (td_table_get_text (table, 1, 0), ==, f->ids[0]);
  g_assert_cmpint (td_table_get_kind (table, 1, 0), ==, TD_CELL_TEXT);
  g_assert_cmpstr (td_table_get_text (table, 3, 1), ==, "王五");
  sheet = zip_entry (results, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "<dataValidation type=\"list\""));
  g_assert_nonnull (strstr (sheet, "sqref=\"E2:E1001\""));   /* 考核结果 */
  g_assert_nonnull (strstr (sheet, "sqref=\"G2:G1001\""));   /* 等级 */

  g_assert_true (td_record_write_template (f->store, TD_RECORD_FOLLOW_UPS, f->klass->code,
                                           calls, &error));
  g_assert_no_error (error);
  sheet2 = zip_entry (calls, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet2, "sqref=\"D2:D1001\""));  /* 就业状态 */
  g_assert_nonnull (strstr (sheet2, "sqref=\"I2:I1001\""));  /* 证明材料 */
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_setenv ("TD_TODAY", "2026-11-26", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func, cert) \
  g_test_add (path, Fixture, GINT_TO_POINTER (cert), fixture_setup, func, fixture_teardown)
  ADD ("/record-import/results/gbk", test_results_gbk, 2);
  ADD ("/record-import/results/refused", test_results_refused, 2);
  ADD ("/record-import/results/xlsx-merged", test_results_xlsx_merged, 4);
  ADD ("/record-import/results/number-lost", test_results_number_lost, 2);
  ADD ("/record-import/results/by-hand", test_results_by_hand, 2);
  ADD ("/record-import/follow-ups/gbk", test_follow_ups_gbk, 2);
  ADD ("/record-import/follow-ups/refused", test_follow_ups_refused, 2);
  ADD ("/record-import/templates", test_templates, 2);
  return g_test_run ();
}
