/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-table"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-credit-code.h"
#include "core/td-idnumber.h"
#include "core/td-record-rules.h"
#include "table/td-record-import.h"
#include "table/td-roster-import.h"   /* TD_IMPORT_ERROR, TdImportProblem */
#include "table/td-sheet.h"
#include "table/td-table-writer.h"

#define ID_NAMES "身份证号码|身份证号|身份证|公民身份号码|身份证件号码|证件号码|idnumber|idno" \
  "|idcard|idcardnumber|citizenid|id"
#define NAME_NAMES "姓名|学员姓名|考生姓名|name|traineename|fullname"

enum { R_ID, R_NAME, R_THEORY, R_PRACTICE, R_OUTCOME, R_NUMBER, R_LEVEL, R_ISSUED, R_ISSUER,
       R_N };

static const TdSheetField result_fields[R_N] = {
  [R_ID] = { "身份证号", ID_NAMES, TRUE },
  [R_NAME] = { "姓名", NAME_NAMES, FALSE },
  [R_THEORY] = { "理论成绩", "理论成绩|理论|理论考试成绩|理论知识|theory|theoryscore", FALSE },
  [R_PRACTICE] = { "实操成绩",
    "实操成绩|实操|实际操作成绩|操作技能|技能成绩|实操考试成绩|practice|practicescore", FALSE },
  [R_OUTCOME] = { "考核结果", "考核结果|结果|考试结果|是否合格|成绩评定|评定结果|outcome|result",
    TRUE },
  [R_NUMBER] = { "证书编号", "证书编号|证书号|证书号码|证书编码|certificatenumber|certificateno",
    FALSE },
  [R_LEVEL] = { "等级", "等级|证书等级|职业技能等级|技能等级|level", FALSE },
  [R_ISSUED] = { "发证日期", "发证日期|发证时间|证书日期|颁证日期|issued|issuedate", FALSE },
  [R_ISSUER] = { "发证机构", "发证机构|发证单位|评价机构|颁证机构|issuer", FALSE },
};

enum { F_ID, F_NAME, F_CHECKED, F_STATUS, F_EMPLOYER, F_CREDIT, F_POST, F_WAGE, F_PROOF,
       F_SINCE, F_N };

static const TdSheetField follow_up_fields[F_N] = {
  [F_ID] = { "身份证号", ID_NAMES, TRUE },
  [F_NAME] = { "姓名", NAME_NAMES, FALSE },
  [F_CHECKED] = { "回访日期", "回访日期|回访时间|checked|followupdate|checkdate", TRUE },
  [F_STATUS] = { "就业状态", "就业状态|就业情况|status|employmentstatus", TRUE },
  [F_EMPLOYER] = { "就业单位", "就业单位|单位名称|工作单位|用人单位|employer|employername",
    FALSE },
  [F_CREDIT] = { "统一社会信用代码",
    "统一社会信用代码|信用代码|单位信用代码|社会信用代码|creditcode", FALSE },
  [F_POST] = { "岗位", "岗位|工作岗位|职位|post|position|job", FALSE },
  [F_WAGE] = { "月收入", "月收入|月工资|工资|月薪|monthlywage|wage|income", FALSE },
  [F_PROOF] = { "证明材料", "证明材料|证明|就业证明|proof", FALSE },
  [F_SINCE] = { "就业日期", "就业日期|入职日期|就业时间|到岗日期|since|startdate", FALSE },
};

typedef struct
{
  guint line;
  gpointer record;              /* TdResult* or TdFollowUp* */
  GDestroyNotify free_record;
  GPtrArray *problems;          /* TdImportProblem* */
} Row;

struct _TdRecordImport
{
  TdStore *store;
  TdRecordKind kind;
  TdClass *klass;
  char today[TD_DATE_LEN];
  char exam_date[TD_DATE_LEN];  /* the later of the class's exam dates, "" when unset */
  GHashTable *roster;           /* id number → TdEnrolment* */
  GPtrArray *stored;            /* TdResult*: the results already stored */
  TdSheetMap *map;
  TdTable *table;
  GPtrArray *rows;              /* Row* */
  GPtrArray *notices;           /* char* */
};

static void
row_free (gpointer data)
{
  Row *row = data;

  if (row->record != NULL)
    row->free_record (row->record);
  g_ptr_array_unref (row->problems);
  g_free (row);
}

static const TdSheetField *
kind_fields (TdRecordKind kind, guint *n)
{
  *n = kind == TD_RECORD_RESULTS ? R_N : F_N;
  return kind == TD_RECORD_RESULTS ? result_fields : follow_up_fields;
}

/* ---- the class --------------------------------------------------------------------- */

static gboolean
load_roster (TdRecordImport *self, GError **error)
{
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (self->store, self->klass->id,
                                                               error);

  if (enrolments == NULL)
    return FALSE;
  for (guint i = 0; i < enrolments->len; i++)
    {
      TdEnrolment *e = td_enrolment_copy (g_ptr_array_index (enrolments, i));
      g_hash_table_insert (self->roster, e->trainee.id_number, e);
    }
  return TRUE;
}

TdRecordImport *
td_record_import_new (TdStore *store, TdRecordKind kind, const char *class_code,
                      GError **error)
{
  g_autoptr (TdRecordImport) self = g_new0 (TdRecordImport, 1);
  const TdSheetField *fields;
  guint n;

  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->roster = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) td_enrolment_free);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->notices = g_ptr_array_new_with_free_func (g_free);
  fields = kind_fields (kind, &n);
  self->map = td_sheet_map_new (fields, n);
  self->klass = td_store_get_class_by_code (store, class_code, error);
  if (self->klass == NULL)
    return NULL;
  if (self->klass->cancel_date[0] != '\0')
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CLASS,
                   _("Class %s was cancelled on %s: it has no assessment or follow-up."),
                   self->klass->code, self->klass->cancel_date);
      return NULL;
    }
  g_strlcpy (self->exam_date,
             strcmp (self->klass->exam_theory_date, self->klass->exam_practice_date) > 0
               ? self->klass->exam_theory_date : self->klass->exam_practice_date,
             sizeof self->exam_date);
  td_day_to_iso (td_day_today (), self->today);
  if (!load_roster (self, error)
      || (self->stored = td_store_list_results (store, self->klass->id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

void
td_record_import_free (TdRecordImport *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->store);
  g_clear_pointer (&self->klass, td_class_free);
  g_clear_pointer (&self->roster, g_hash_table_unref);
  g_clear_pointer (&self->stored, g_ptr_array_unref);
  g_clear_pointer (&self->map, td_sheet_map_free);
  g_clear_pointer (&self->table, td_table_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_free (self);
}

gboolean
td_record_import_map_column (TdRecordImport *self, const char *spec, GError **error)
{
  return td_sheet_map_set_by_hand (self->map, spec, error);
}

/* ---- one row: what both kinds check ---------------------------------------------- */

static void
add_problem (TdRecordImport *self, Row *row, int field, char *reason)
{
  TdImportProblem *problem = g_new0 (TdImportProblem, 1);
  int column = field >= 0 ? td_sheet_map_get_column (self->map, (guint) field) : -1;

  problem->line = row->line;
  problem->field = TD_ROSTER_FIELD_NONE;
  problem->reason = reason;
  if (column >= 0)
    {
      problem->column = td_table_column_name (self->table, (guint) column);
      problem->header = g_strdup (td_sheet_map_get_header (self->map, (guint) field));
    }
  g_ptr_array_add (row->problems, problem);
}

/* "Row 5: " (.xlsx) or "Line 5: " (CSV). */
static char *
row_where (TdRecordImport *self, const Row *row)
{
  return td_table_get_format (self->table) == TD_TABLE_FORMAT_XLSX
           ? g_strdup_printf (_("Row %u: "), row->line)
           : g_strdup_printf (_("Line %u: "), row->line);
}

static char *
cell (TdRecordImport *self, guint r, guint field)
{
  return td_sheet_map_cell_text (self->map, self->table, r, field);
}

static gboolean
stored_as_long_number (TdRecordImport *self, guint r, guint field, const char *text)
{
  return td_sheet_map_cell_kind (self->map, self->table, r, field) == TD_CELL_NUMBER
         && (strchr (text, 'e') != NULL || strchr (text, 'E') != NULL || strlen (text) > 15);
}

/* The trainee of the row (id number, and the name when the sheet has one), or NULL with a
 * problem.  @seen: id numbers (and check dates) of earlier rows → their line. */
static const TdEnrolment *
check_trainee (TdRecordImport *self, guint r, Row *row)
{
  g_autofree char *text = cell (self, r, 0);
  g_autofree char *name = cell (self, r, 1);
  g_autofree char *id = NULL;
  g_autoptr (GError) error = NULL;
  const TdEnrolment *e;

  if (stored_as_long_number (self, r, 0, text))
    {
      add_problem (self, row, 0, g_strdup (_("The id number was stored as a number and lost "
                                             "its last digits: format the column as text and "
                                             "type it again.")));
      return NULL;
    }
  id = td_id_number_normalize (text, self->today, &error);
  if (id == NULL)
    {
      add_problem (self, row, 0, g_strdup (error->message));
      return NULL;
    }
  e = g_hash_table_lookup (self->roster, id);
  if (e == NULL)
    {
      add_problem (self, row, 0, g_strdup_printf (_("%s is not on the roster of class %s."),
                                                  id, self->klass->code));
      return NULL;
    }
  if (name[0] != '\0' && !g_str_equal (name, e->trainee.name))
    add_problem (self, row, 1, g_strdup_printf (_("The roster names this id number %s, not "
                                                  "%s."), e->trainee.name, name));
  return e;
}

/* A code of @list from the cell ("" → NULL without a problem). */
static const char *
check_code (TdRecordImport *self, guint r, Row *row, guint field, TdCodeList list)
{
  g_autofree char *text = cell (self, r, field);
  const char *code;

  if (text[0] == '\0')
    return NULL;
  code = td_code_lookup (list, text);
  if (code == NULL)
    add_problem (self, row, (int) field, td_code_unknown_reason (list, text));
  return code;
}

/* A date cell into @out ("" when empty); FALSE with a problem when it is not a date. */
static gboolean
check_date (TdRecordImport *self, guint r, Row *row, guint field, char out[TD_DATE_LEN])
{
  g_autofree char *text = cell (self, r, field);
  TdDay day;

  out[0] = '\0';
  if (text[0] == '\0')
    return TRUE;
  day = td_sheet_map_cell_date (self->map, self->table, r, field);
  if (day == 0)
    {
      add_problem (self, row, (int) field, g_strdup_printf (_("“%s” is not a date."), text));
      return FALSE;
    }
  td_day_to_iso (day, out);
  return TRUE;
}

static void
check_repeat (TdRecordImport *self, Row *row, GHashTable *seen, const char *key)
{
  gpointer first;

  if (g_hash_table_lookup_extended (seen, key, NULL, &first))
    add_problem (self, row, 0,
                 td_table_get_format (self->table) == TD_TABLE_FORMAT_XLSX
                   ? g_strdup_printf (_("The same trainee as row %u."), GPOINTER_TO_UINT (first))
                   : g_strdup_printf (_("The same trainee as line %u."),
                                      GPOINTER_TO_UINT (first)));
  else
    g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (row->line));
}

/* ---- score sheets ------------------------------------------------------------------ */

static void
check_scores (TdRecordImport *self, guint r, Row *row, TdResult *result)
{
  static const guint score_fields[] = { R_THEORY, R_PRACTICE };
  int *scores[] = { &result->theory, &result->practice };

  for (guint i = 0; i < G_N_ELEMENTS (score_fields); i++)
    {
      g_autofree char *text = cell (self, r, score_fields[i]);

      *scores[i] = td_score_parse (text);
      if (*scores[i] == -2)
        add_problem (self, row, (int) score_fields[i],
                     g_strdup_printf (_("“%s” is not a score: a number from 0 to 100, with at "
                                        "most one decimal."), text));
    }
}

static void
check_certificate_number (TdRecordImport *self, guint r, Row *row, TdResult *result)
{
  g_autofree char *text = cell (self, r, R_NUMBER);
  g_autofree char *problem = NULL;

  if (stored_as_long_number (self, r, R_NUMBER, text))
    {
      add_problem (self, row, R_NUMBER,
                   g_strdup (_("The certificate number was stored as a number and lost its "
                               "last digits: format the column as text and type it again.")));
      return;
    }
  result->cert_number = td_cert_number_normalize (text);
  problem = td_cert_number_problem (result->cert_type, result->cert_level, result->cert_number);
  if (problem != NULL)
    add_problem (self, row, R_NUMBER, g_steal_pointer (&problem));
}

static const TdResult *
stored_result (TdRecordImport *self, gint64 trainee_id)
{
  for (guint i = 0; i < self->stored->len; i++)
    {
      const TdResult *r = g_ptr_array_index (self->stored, i);
      if (r->trainee_id == trainee_id && r->cert_type != 0)
        return r;
    }
  return NULL;
}

/* A passed trainee's certificate: the class's planned type, its level (R-ASM-004), number
 * (R-ASM-003), issue date and issuer; where the sheet has none, those of the certificate
 * already stored, else of the class (the exam date, the evaluator). */
static void
check_certificate (TdRecordImport *self, guint r, Row *row, TdResult *result)
{
  const char *level = check_code (self, r, row, R_LEVEL, TD_CODES_LEVEL);
  g_autofree char *issuer = cell (self, r, R_ISSUER);
  const TdResult *old = stored_result (self, result->trainee_id);

  result->cert_type = self->klass->certificate;
  result->cert_level = level != NULL ? atoi (level) : self->klass->level;
  if (level != NULL && result->cert_level != self->klass->level)
    add_problem (self, row, R_LEVEL,
                 g_strdup_printf (_("The certificate's level %d is not the class's level %d "
                                    "(R-ASM-004)."), result->cert_level, self->klass->level));
  check_certificate_number (self, r, row, result);
  if (check_date (self, r, row, R_ISSUED, result->cert_issued) && result->cert_issued[0] == '\0')
    g_strlcpy (result->cert_issued, old != NULL ? old->cert_issued : self->exam_date,
               sizeof result->cert_issued);
  if (result->cert_issued[0] == '\0')
    add_problem (self, row, R_ISSUED, g_strdup (_("A passed trainee's certificate needs its "
                                                  "issue date.")));
  else if (strcmp (result->cert_issued, self->exam_date) < 0)
    add_problem (self, row, R_ISSUED,
                 g_strdup_printf (_("The certificate is dated %s, before the exam on %s "
                                    "(R-ASM-004)."), result->cert_issued, self->exam_date));
  result->cert_issuer = g_strdup (issuer[0] != '\0' ? issuer
                                  : old != NULL ? old->cert_issuer : self->klass->evaluator);
  if (result->cert_issuer == NULL || result->cert_issuer[0] == '\0')
    add_problem (self, row, R_ISSUER,
                 g_strdup (_("A passed trainee's certificate needs its issuer: add a 发证机构 "
                             "column or enter the evaluator on the Assessment page.")));
}

static void
check_result_row (TdRecordImport *self, guint r, Row *row, GHashTable *seen)
{
  TdResult *result = td_result_new ();
  const TdEnrolment *e;
  const char *outcome;
  g_autofree char *number = NULL;

  row->record = result;
  row->free_record = (GDestroyNotify) td_result_free;
  result->class_id = self->klass->id;
  e = check_trainee (self, r, row);
  if (e != NULL)
    {
      result->trainee_id = e->trainee.id;
      g_strlcpy (result->id_number, e->trainee.id_number, sizeof result->id_number);
      check_repeat (self, row, seen, e->trainee.id_number);
      if (e->withdrawn_date[0] != '\0'
          && (self->exam_date[0] == '\0' || strcmp (e->withdrawn_date, self->exam_date) < 0))
        add_problem (self, row, 0, g_strdup_printf (_("%s withdrew on %s, before the exam: no "
                                                      "result."), e->trainee.name,
                                                    e->withdrawn_date));
    }
  check_scores (self, r, row, result);
  outcome = check_code (self, r, row, R_OUTCOME, TD_CODES_OUTCOME);
  result->outcome = outcome != NULL ? atoi (outcome) : 0;
  if (outcome == NULL && row->problems->len == 0)
    add_problem (self, row, R_OUTCOME, g_strdup (_("No outcome was entered.")));
  number = cell (self, r, R_NUMBER);
  if (result->outcome == 1)
    check_certificate (self, r, row, result);
  else if (result->outcome != 0 && number[0] != '\0')
    add_problem (self, row, R_NUMBER, g_strdup (_("A failed or absent trainee has no "
                                                  "certificate (R-ASM-002).")));
}

/* ---- follow-up sheets ------------------------------------------------------------- */

static void
check_employer (TdRecordImport *self, guint r, Row *row, TdFollowUp *f)
{
  g_autofree char *name = cell (self, r, F_EMPLOYER);
  g_autofree char *code = cell (self, r, F_CREDIT);

  f->employer_name = name[0] != '\0' ? g_steal_pointer (&name) : NULL;
  if (code[0] == '\0')
    return;
  f->employer_credit_code = td_credit_code_normalize (code);
  if (!td_credit_code_well_formed (f->employer_credit_code))
    add_problem (self, row, F_CREDIT,
                 g_strdup_printf (_("“%s” is not a unified social credit code: 18 digits and "
                                    "capital letters."), code));
  else if (!td_credit_code_check_ok (f->employer_credit_code))
    {
      g_autofree char *where = row_where (self, row);
      g_ptr_array_add (self->notices,
                       g_strdup_printf (_("%sthe credit code %s has a wrong check character "
                                          "(R-ORG-001); it is imported, check it against the "
                                          "business licence."), where,
                                        f->employer_credit_code));
    }
}

static void
check_wage (TdRecordImport *self, guint r, Row *row, TdFollowUp *f)
{
  g_autofree char *text = cell (self, r, F_WAGE);

  f->monthly_wage = -1;
  if (text[0] != '\0' && !td_money_parse_lenient (text, &f->monthly_wage))
    add_problem (self, row, F_WAGE, g_strdup_printf (_("“%s” is not an amount in yuan."),
                                                     text));
}

static void
check_follow_up_row (TdRecordImport *self, guint r, Row *row, GHashTable *seen)
{
  TdFollowUp *f = td_follow_up_new ();
  const TdEnrolment *e;
  const char *status, *proof;
  g_autofree char *problem = NULL;
  guint before;

  row->record = f;
  row->free_record = (GDestroyNotify) td_follow_up_free;
  f->class_id = self->klass->id;
  e = check_trainee (self, r, row);
  check_date (self, r, row, F_CHECKED, f->checked);
  if (e != NULL)
    {
      g_autofree char *key = g_strconcat (e->trainee.id_number, "|", f->checked, NULL);

      f->trainee_id = e->trainee.id;
      g_strlcpy (f->id_number, e->trainee.id_number, sizeof f->id_number);
      check_repeat (self, row, seen, key);
      if (e->withdrawn_date[0] != '\0')
        add_problem (self, row, 0, g_strdup_printf (_("%s withdrew on %s: no follow-up."),
                                                    e->trainee.name, e->withdrawn_date));
    }
  status = check_code (self, r, row, F_STATUS, TD_CODES_EMPLOYMENT_STATUS);
  f->status = status != NULL ? atoi (status) : 0;
  check_employer (self, r, row, f);
  check_date (self, r, row, F_SINCE, f->since);
  check_wage (self, r, row, f);
  proof = check_code (self, r, row, F_PROOF, TD_CODES_PROOF);
  f->proof = proof != NULL ? atoi (proof) : 0;
  before = row->problems->len;
  if (status == NULL && before == 0)
    add_problem (self, row, F_STATUS, g_strdup (_("No employment status was entered.")));
  if (row->problems->len > 0)
    return;
  td_follow_up_apply_status (f);
  problem = td_follow_up_problem (f, self->klass);
  if (problem != NULL)
    add_problem (self, row, -1, g_steal_pointer (&problem));
}

/* ---- loading ------------------------------------------------------------------------ */

gboolean
td_record_import_load_table (TdRecordImport *self, TdTable *table, GError **error)
{
  gboolean results = self->kind == TD_RECORD_RESULTS;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);
  guint n, first;

  g_clear_pointer (&self->table, td_table_free);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->notices, 0);
  self->table = table;
  if (!td_sheet_map_find_header (self->map, table, 3,
                                 results ? _("No header row: none of the first rows names the "
                                             "score sheet's columns (身份证号, 姓名, 理论成绩, "
                                             "实操成绩, 考核结果, 证书编号, 等级).")
                                         : _("No header row: none of the first rows names the "
                                             "follow-up sheet's columns (身份证号, 姓名, "
                                             "回访日期, 就业状态, 就业单位 …)."),
                                 ignored, error))
    return FALSE;
  for (guint i = 0; i < ignored->len; i++)
    g_ptr_array_add (self->notices,
                     results ? g_strdup_printf (_("Column %s is not a score sheet column: "
                                                  "ignored."), (char *) ignored->pdata[i])
                             : g_strdup_printf (_("Column %s is not a follow-up column: "
                                                  "ignored."), (char *) ignored->pdata[i]));
  n = td_table_get_n_rows (table);
  first = td_sheet_map_get_first_data_row (self->map);
  if (n <= first)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_EMPTY,
                   _("The file has a header row but no trainees."));
      return FALSE;
    }
  if (results && td_sheet_map_get_column (self->map, R_ISSUED) < 0 && self->exam_date[0] != '\0')
    g_ptr_array_add (self->notices,
                     g_strdup_printf (_("No 发证日期 column: certificates keep the issue date "
                                        "stored; new ones are dated %s, the day of the exam."),
                                      self->exam_date));
  for (guint r = first; r < n; r++)
    {
      Row *row = g_new0 (Row, 1);

      row->line = td_table_get_line (table, r);
      row->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) td_import_problem_free);
      g_ptr_array_add (self->rows, row);
      if (results)
        check_result_row (self, r, row, seen);
      else
        check_follow_up_row (self, r, row, seen);
    }
  return TRUE;
}

gboolean
td_record_import_load_file (TdRecordImport *self, const char *path, const char *sheet,
                            GCancellable *cancellable, GError **error)
{
  TdTable *table = td_table_read_file (path, sheet, NULL, cancellable, error);

  return table != NULL && td_record_import_load_table (self, table, error);
}

guint
td_record_import_get_n_rows (TdRecordImport *self)
{
  return self->rows->len;
}

guint
td_record_import_get_n_valid (TdRecordImport *self)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    n += ((Row *) g_ptr_array_index (self->rows, i))->problems->len == 0;
  return n;
}

GPtrArray *
td_record_import_format_problems (TdRecordImport *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; self->table != NULL && i < self->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (self->rows, i);

      for (guint k = 0; k < row->problems->len; k++)
        g_ptr_array_add (lines, td_import_problem_format (g_ptr_array_index (row->problems, k),
                                                          td_table_get_format (self->table)));
    }
  return lines;
}

GPtrArray *
td_record_import_get_notices (TdRecordImport *self)
{
  return self->notices;
}

/* ---- storing ----------------------------------------------------------------------- */

static gboolean
store_row (TdRecordImport *self, const Row *row, GError **error)
{
  if (self->kind == TD_RECORD_RESULTS)
    {
      g_autoptr (TdResult) copy = td_result_copy (row->record);
      return td_store_save_result (self->store, copy, error);
    }
  else
    {
      g_autoptr (TdFollowUp) copy = td_follow_up_copy (row->record);
      return td_store_save_follow_up (self->store, copy, error);
    }
}

gboolean
td_record_import_commit (TdRecordImport *self, guint *n_imported, GError **error)
{
  guint n_valid;

  g_return_val_if_fail (self->table != NULL, FALSE);
  n_valid = td_record_import_get_n_valid (self);
  if (n_imported != NULL)
    *n_imported = 0;
  if (n_valid < self->rows->len)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_INVALID_ROWS,
                   _("Rows with problems: %u of %u. Nothing was imported."),
                   self->rows->len - n_valid, self->rows->len);
      return FALSE;
    }
  if (!td_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (self->rows, i);

      if (!store_row (self, row, error))
        {
          g_autofree char *where = row_where (self, row);

          td_store_rollback (self->store);
          g_prefix_error (error, "%s", where);
          return FALSE;
        }
    }
  if (!td_store_commit (self->store, error))
    return FALSE;
  if (n_imported != NULL)
    *n_imported = self->rows->len;
  return TRUE;
}

/* ---- templates ---------------------------------------------------------------------- */

static void
template_columns (TdTableWriter *writer, TdRecordKind kind)
{
  guint n;
  const TdSheetField *fields = kind_fields (kind, &n);

  for (guint f = 0; f < n; f++)
    td_table_writer_add_header (writer, fields[f].header);
  td_table_writer_end_row (writer);
  td_table_writer_set_column (writer, 0, 21, TRUE);
  if (kind == TD_RECORD_RESULTS)
    {
      td_table_writer_set_column (writer, R_NUMBER, 26, TRUE);
      td_table_writer_add_drop_down (writer, R_OUTCOME, TD_CODES_OUTCOME, TRUE);
      td_table_writer_add_drop_down (writer, R_LEVEL, TD_CODES_LEVEL, TRUE);
    }
  else
    {
      td_table_writer_set_column (writer, F_EMPLOYER, 30, FALSE);
      td_table_writer_set_column (writer, F_CREDIT, 21, TRUE);
      td_table_writer_add_drop_down (writer, F_STATUS, TD_CODES_EMPLOYMENT_STATUS, TRUE);
      td_table_writer_add_drop_down (writer, F_PROOF, TD_CODES_PROOF, TRUE);
    }
}

gboolean
td_record_write_template (TdStore *store, TdRecordKind kind, const char *class_code,
                          const char *path, GError **error)
{
  g_autoptr (TdTableWriter) writer = NULL;
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (GPtrArray) roster = NULL;

  if (!td_table_template_path_check (path, error))
    return FALSE;
  if ((klass = td_store_get_class_by_code (store, class_code, error)) == NULL)
    return FALSE;
  roster = td_store_list_enrolments (store, klass->id, error);
  if (roster == NULL)
    return FALSE;
  writer = td_table_writer_new (path, kind == TD_RECORD_RESULTS ? "成绩单" : "就业回访", error);
  if (writer == NULL)
    return FALSE;
  template_columns (writer, kind);
  for (guint i = 0; i < roster->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (roster, i);

      if (e->withdrawn_date[0] != '\0')
        continue;
      td_table_writer_add_text (writer, e->trainee.id_number);
      td_table_writer_add_text (writer, e->trainee.name);
      td_table_writer_end_row (writer);
    }
  return td_table_writer_finish (writer, error);
}
