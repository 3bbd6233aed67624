/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-table"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-codes.h"
#include "core/td-date.h"
#include "core/td-subsidy.h"
#include "table/td-roster-import.h"
#include "table/td-table-export.h"
#include "table/td-table-writer.h"

gboolean
td_export_kind_from_string (const char *text, TdExportKind *kind)
{
  static const char *const names[] = { "roster", "attendance", "claim" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
add_headers (TdTableWriter *writer, const char *const *headers)
{
  for (guint i = 0; headers[i] != NULL; i++)
    td_table_writer_add_header (writer, headers[i]);
  td_table_writer_end_row (writer);
}

static void
add_int (TdTableWriter *writer, gint64 value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  td_table_writer_add_number (writer, text);
}

static void
add_owned (TdTableWriter *writer, char *text, gboolean number)
{
  if (number)
    td_table_writer_add_number (writer, text);
  else
    td_table_writer_add_text (writer, text);
  g_free (text);
}

/* "高中", "农村转移就业劳动者、退役军人" … */
static char *
categories_zh (const char *codes)
{
  g_auto (GStrv) parts = g_strsplit (codes != NULL ? codes : "", ",", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? "、" : "",
                              td_code_label_zh (TD_CODES_CATEGORY, parts[i]));
  return g_string_free (out, FALSE);
}

static void
set_id_columns (TdTableWriter *writer, guint id_column)
{
  td_table_writer_set_column (writer, 0, 6, FALSE);
  td_table_writer_set_column (writer, id_column - 1, 10, FALSE);
  td_table_writer_set_column (writer, id_column, 21, TRUE);
}

static void
roster_row (TdTableWriter *writer, const TdEnrolment *e)
{
  const TdTrainee *t = &e->trainee;
  char code[4];

  add_int (writer, e->position);
  td_table_writer_add_text (writer, t->name);
  td_table_writer_add_id_number (writer, t->id_number);
  td_table_writer_add_text (writer,
                            td_code_label_zh (TD_CODES_GENDER, t->gender == 2 ? "2" : "1"));
  td_table_writer_add_date (writer, t->birth_date);
  td_table_writer_add_text (writer, t->phone);
  td_table_writer_add_text (writer, td_code_label_zh (TD_CODES_EDUCATION, t->education));
  td_table_writer_add_text (writer, td_code_label_zh (TD_CODES_REGION, t->household_region));
  add_owned (writer, categories_zh (e->categories), FALSE);
  g_snprintf (code, sizeof code, "%d", e->employment_before);
  td_table_writer_add_text (writer, td_code_label_zh (TD_CODES_EMPLOYMENT_STATUS, code));
  td_table_writer_add_date (writer, e->consent_date);
  td_table_writer_add_date (writer, e->withdrawn_date);
  td_table_writer_end_row (writer);
}

static gboolean
write_roster (TdStore *store, const TdClass *klass, TdTableWriter *writer, GError **error)
{
  static const char *const headers[] = {
    "序号", "姓名", "身份证号码", "性别", "出生日期", "手机号码", "文化程度", "户籍地",
    "人员类别", "培训前就业状态", "同意日期", "退训日期", NULL
  };
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (store, klass->id, error);

  if (enrolments == NULL)
    return FALSE;
  add_headers (writer, headers);
  set_id_columns (writer, 2);
  for (guint i = 0; i < enrolments->len; i++)
    roster_row (writer, g_ptr_array_index (enrolments, i));
  return TRUE;
}

typedef struct
{
  int counts[5];                /* P L E V A */
  TdHalves credited;            /* the hours of the current records */
} StatusCounts;

/* Trainee id → StatusCounts; NULL with @error when the records cannot be read. */
static GHashTable *
count_statuses (TdStore *store, gint64 class_id, GError **error)
{
  g_autoptr (GPtrArray) records = td_store_list_attendance (store, class_id, error);
  GHashTable *by_trainee;
  const char *statuses = "PLEVA";

  if (records == NULL)
    return NULL;
  by_trainee = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < records->len; i++)
    {
      const TdAttendance *a = g_ptr_array_index (records, i);
      StatusCounts *c = g_hash_table_lookup (by_trainee, &a->trainee_id);
      const char *at = strchr (statuses, a->status);

      if (c == NULL)
        {
          c = g_new0 (StatusCounts, 1);
          g_hash_table_insert (by_trainee, g_memdup2 (&a->trainee_id, sizeof (gint64)), c);
        }
      if (at != NULL && a->status != '\0')
        c->counts[at - statuses]++;
      c->credited += a->hours;
    }
  return by_trainee;
}

static void
attendance_row (TdHalves planned, TdTableWriter *writer, const TdEnrolment *e,
                const StatusCounts *counts)
{
  TdHalves credited = counts != NULL ? counts->credited : 0;

  add_int (writer, e->position);
  td_table_writer_add_text (writer, e->trainee.name);
  td_table_writer_add_id_number (writer, e->trainee.id_number);
  for (guint k = 0; k < 5; k++)
    add_int (writer, counts != NULL ? counts->counts[k] : 0);
  add_owned (writer, td_hours_format (credited), TRUE);
  add_owned (writer, td_hours_format (planned), TRUE);
  add_owned (writer, td_rate_format (td_rate_of (credited, planned)), TRUE);
  td_table_writer_add_date (writer, e->withdrawn_date);
  td_table_writer_end_row (writer);
}

static gboolean
write_attendance (TdStore *store, const TdClass *klass, TdTableWriter *writer,
                  GError **error)
{
  static const char *const headers[] = {
    "序号", "姓名", "身份证号码", "出勤", "迟到", "早退", "请假", "缺勤", "实得学时",
    "计划学时", "出勤率", "退训日期", NULL
  };
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (store, klass->id, error);
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (GPtrArray) lessons = NULL;
  TdHalves planned;

  if (enrolments == NULL || (counts = count_statuses (store, klass->id, error)) == NULL
      || (lessons = td_store_list_lessons (store, klass->id, error)) == NULL)
    return FALSE;
  planned = td_subsidy_planned_hours (klass, lessons);
  add_headers (writer, headers);
  set_id_columns (writer, 2);
  for (guint i = 0; i < enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (enrolments, i);

      attendance_row (planned, writer, e, g_hash_table_lookup (counts, &e->trainee.id));
    }
  return TRUE;
}

static void
claim_row (TdTableWriter *writer, const TdSubsidyLine *line)
{
  const TdEnrolment *e = line->enrolment;
  char code[4];

  add_int (writer, e->position);
  td_table_writer_add_text (writer, e->trainee.name);
  td_table_writer_add_id_number (writer, e->trainee.id_number);
  add_owned (writer, td_hours_format (line->credited), TRUE);
  add_owned (writer, td_rate_format (line->attendance_rate), TRUE);
  g_snprintf (code, sizeof code, "%d", line->certificate);
  td_table_writer_add_text (writer, line->certificate > 0
                                      ? td_code_label_zh (TD_CODES_CERTIFICATE, code) : "");
  g_snprintf (code, sizeof code, "%d", line->level);
  td_table_writer_add_text (writer, line->certificate > 0
                                      ? td_code_label_zh (TD_CODES_LEVEL, code) : "");
  add_owned (writer, td_money_format (MAX (line->standard, 0)), TRUE);
  add_owned (writer, td_money_format (MAX (line->uplift, 0)), TRUE);
  add_owned (writer, td_money_format (MAX (line->amount, 0)), TRUE);
  td_table_writer_add_text (writer, line->explanation != NULL ? line->explanation : "");
  td_table_writer_end_row (writer);
}

static gboolean
write_claim (TdStore *store, const TdClass *klass, TdTableWriter *writer, GError **error)
{
  static const char *const headers[] = {
    "序号", "姓名", "身份证号码", "实得学时", "出勤率", "证书类型", "等级", "补贴标准",
    "上浮金额", "补贴金额", "未纳入原因", NULL
  };
  g_autoptr (TdSubsidyPreview) preview = td_subsidy_preview (store, klass->id, error);

  if (preview == NULL)
    return FALSE;
  add_headers (writer, headers);
  set_id_columns (writer, 2);
  for (guint i = 0; i < preview->lines->len; i++)
    claim_row (writer, g_ptr_array_index (preview->lines, i));
  /* 合计: the number of trainees included under 姓名, the total under 补贴金额. */
  td_table_writer_add_text (writer, "合计");
  add_owned (writer, g_strdup_printf ("%d人", preview->count), FALSE);
  for (guint k = 2; k < 9; k++)
    td_table_writer_add_text (writer, "");
  add_owned (writer, td_money_format (preview->total), TRUE);
  td_table_writer_add_text (writer, "");
  td_table_writer_end_row (writer);
  return TRUE;
}

gboolean
td_table_export (TdStore *store, TdExportKind kind, const char *class_code, const char *path,
                 GError **error)
{
  return td_table_export_with_options (store, kind, class_code, path, NULL, error);
}

gboolean
td_table_export_with_options (TdStore *store, TdExportKind kind, const char *class_code,
                              const char *path, const TdTableOptions *options, GError **error)
{
  static const char *const sheets[] = { "花名册", "考勤汇总", "补贴明细" };
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (TdTableWriter) writer = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (TD_IS_STORE (store), FALSE);
  klass = td_store_get_class_by_code (store, class_code, error);
  if (klass == NULL)
    return FALSE;
  writer = td_table_writer_new (path, sheets[kind], error);
  if (writer == NULL)
    return FALSE;
  if (options != NULL)
    td_table_writer_set_options (writer, options);
  switch (kind)
    {
    case TD_EXPORT_ROSTER:
      ok = write_roster (store, klass, writer, error);
      break;
    case TD_EXPORT_ATTENDANCE:
      ok = write_attendance (store, klass, writer, error);
      break;
    case TD_EXPORT_CLAIM:
      ok = write_claim (store, klass, writer, error);
      break;
    }
  return ok && td_table_writer_finish (writer, error);
}

/* ---- the template ------------------------------------------------------------ */

static void
template_example (TdTableWriter *writer)
{
  char today[TD_DATE_LEN];

  td_day_to_iso (td_day_today (), today);
  td_table_writer_add_text (writer, "张三");
  td_table_writer_add_text (writer, TD_ROSTER_EXAMPLE_ID);
  td_table_writer_add_text (writer, "13800138000");
  td_table_writer_add_text (writer, td_code_label_zh (TD_CODES_EDUCATION, "61"));
  td_table_writer_add_text (writer, td_code_label_zh (TD_CODES_REGION, "371502"));
  td_table_writer_add_text (writer, td_code_label_zh (TD_CODES_CATEGORY, "01"));
  td_table_writer_add_text (writer, td_code_label_zh (TD_CODES_EMPLOYMENT_STATUS, "4"));
  td_table_writer_add_date (writer, today);
  td_table_writer_end_row (writer);
}

gboolean
td_roster_write_template (const char *path, GError **error)
{
  g_autoptr (TdTableWriter) writer = NULL;

  if (!td_table_template_path_check (path, error))
    return FALSE;
  writer = td_table_writer_new (path, "花名册", error);
  if (writer == NULL)
    return FALSE;
  for (int f = 0; f <= TD_ROSTER_FIELD_CONSENT; f++)
    td_table_writer_add_header (writer, td_roster_field_header (f));
  td_table_writer_end_row (writer);
  template_example (writer);
  td_table_writer_set_column (writer, TD_ROSTER_FIELD_ID_NUMBER, 21, TRUE);
  td_table_writer_set_column (writer, TD_ROSTER_FIELD_PHONE, 14, TRUE);
  td_table_writer_set_column (writer, TD_ROSTER_FIELD_CATEGORIES, 24, FALSE);
  td_table_writer_set_column (writer, TD_ROSTER_FIELD_EMPLOYMENT, 14, FALSE);
  td_table_writer_set_column (writer, TD_ROSTER_FIELD_CONSENT, 12, FALSE);
  td_table_writer_add_drop_down (writer, TD_ROSTER_FIELD_EDUCATION, TD_CODES_EDUCATION, TRUE);
  /* Several categories may be typed into one cell: inform softly instead of refusing. */
  td_table_writer_add_drop_down (writer, TD_ROSTER_FIELD_CATEGORIES, TD_CODES_CATEGORY, FALSE);
  td_table_writer_add_drop_down (writer, TD_ROSTER_FIELD_EMPLOYMENT,
                                 TD_CODES_EMPLOYMENT_STATUS, TRUE);
  return td_table_writer_finish (writer, error);
}
