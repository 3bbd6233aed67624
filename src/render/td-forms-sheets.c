/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 表3 签到表 and 表4 结业考核结果表. */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <glib/gi18n.h>

#include "render/td-forms-private.h"

/* ---- 表3 签到表 --------------------------------------------------------- */

static gboolean
on_roster_that_day (const TdEnrolment *e, const char *date)
{
  return e->withdrawn_date[0] == '\0' || strcmp (e->withdrawn_date, date) > 0;
}

/* Lessons and trainees are numbered by SQLite rowids far below 2^31. */
static gint64
record_key (gint64 lesson_id, gint64 trainee_id)
{
  return (lesson_id << 32) | (trainee_id & 0xffffffff);
}

static guint
record_hash (gconstpointer key)
{
  guint64 k = *(const guint64 *) key;

  return (guint) ((k ^ (k >> 29)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) >> 32);
}

/* The records by lesson and trainee (the first of each pair, as listed): a lookup per cell
 * instead of a scan of every record of the class. */
static GHashTable *
index_records (GPtrArray *records)
{
  GHashTable *index = g_hash_table_new_full (record_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      const TdAttendance *record = g_ptr_array_index (records, i);
      gint64 key = record_key (record->lesson_id, record->trainee_id);

      if (!g_hash_table_contains (index, &key))
        g_hash_table_insert (index, g_memdup2 (&key, sizeof key), (gpointer) record);
    }
  return index;
}

static const TdAttendance *
find_record (GHashTable *index, gint64 lesson_id, gint64 trainee_id)
{
  gint64 key = record_key (lesson_id, trainee_id);

  return g_hash_table_lookup (index, &key);
}

static const char *
teacher_name (GPtrArray *teachers, const char *tid)
{
  for (guint i = 0; i < teachers->len; i++)
    if (g_strcmp0 (((TdTeacher *) g_ptr_array_index (teachers, i))->tid, tid) == 0)
      return ((TdTeacher *) g_ptr_array_index (teachers, i))->name;
  return tid != NULL ? tid : "";
}

static char *
lesson_caption (const TdLesson *lesson, GPtrArray *teachers)
{
  g_autofree char *date = td_forms_date (lesson->date);

  return g_strdup_printf ("日期：%s　课次：%.5s–%.5s（%s）　课程内容：%s　授课教师：%s", date,
                          lesson->start, lesson->end, lesson->lid,
                          lesson->content ? lesson->content : "",
                          teacher_name (teachers, lesson->teacher));
}

static void
signin_row (TdFormTable *table, guint number, const TdEnrolment *e, const TdAttendance *record)
{
  g_autofree char *n = g_strdup_printf ("%u", number);
  const char *id = e->trainee.id_number;
  const char *last4 = strlen (id) >= 4 ? id + strlen (id) - 4 : id;
  char status[2] = { record != NULL ? record->status : 0, 0 };
  g_autofree char *in = record != NULL ? g_strndup (record->time_in, 5) : g_strdup ("");
  g_autofree char *out = record != NULL ? g_strndup (record->time_out, 5) : g_strdup ("");
  const char *note = record != NULL ? td_code_label_zh (TD_CODES_ATTENDANCE_STATUS, status) : "";
  const char *cells[] = { n, e->trainee.name, last4, in, "", out, "", note };

  td_form_table_add_row (table, cells);
}

static void
signin_lesson (TdFormContext *ctx, TdForm *form, const TdLesson *lesson, GPtrArray *enrolments,
               GHashTable *records, const char *caption)
{
  TdFormTable *table = td_form_add_table (form, caption);
  guint number = 0;

  td_form_table_add_column (table, "序号", 11, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "姓名", 22, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "身份证号码后四位", 20, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "签到时间", 18, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "签到签字", 30, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "签退时间", 18, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "签退签字", 30, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "备注", 26, PANGO_ALIGN_LEFT);
  td_form_table_set_min_row_height (table, 9);
  for (guint i = 0; i < enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (enrolments, i);

      if (on_roster_that_day (e, lesson->date))
        signin_row (table, ++number, e, find_record (records, lesson->id, e->trainee.id));
    }
  td_form_add_signatures (form, (const char *const[]){ "授课教师（签字）", "班主任（签字）",
                                                       NULL });
}

/* One sheet, a column to sign in per lesson (six lessons a table). */
static void
signin_multi_day (TdForm *form, GPtrArray *lessons, GPtrArray *enrolments)
{
  for (guint first = 0; first < lessons->len; first += 6)
    {
      guint n = MIN (6, lessons->len - first), number = 0;
      TdFormTable *table = td_form_add_table (form, NULL);
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      td_form_table_add_column (table, "序号", 11, PANGO_ALIGN_CENTER);
      td_form_table_add_column (table, "姓名", 22, PANGO_ALIGN_LEFT);
      td_form_table_add_column (table, "身份证号码后四位", 20, PANGO_ALIGN_CENTER);
      for (guint l = first; l < first + n; l++)
        {
          TdLesson *lesson = g_ptr_array_index (lessons, l);
          TdDay day = td_day_from_iso (lesson->date);
          g_autofree char *title = g_strdup_printf ("%d月%d日 %.5s", td_day_month (day),
                                                    td_day_of_month (day), lesson->start);

          td_form_table_add_column (table, title, 30, PANGO_ALIGN_LEFT);
        }
      td_form_table_set_min_row_height (table, 9);
      for (guint i = 0; i < enrolments->len; i++)
        {
          const TdEnrolment *e = g_ptr_array_index (enrolments, i);
          const char *id = e->trainee.id_number;
          const char *row[10] = { 0 };

          if (e->withdrawn_date[0] != '\0')
            continue;
          g_ptr_array_add (cells, g_strdup_printf ("%u", ++number));
          row[0] = g_ptr_array_index (cells, cells->len - 1);
          row[1] = e->trainee.name;
          row[2] = strlen (id) >= 4 ? id + strlen (id) - 4 : id;
          td_form_table_add_row (table, row);
        }
      if (first + 6 < lessons->len)
        td_form_add_page_break (form);
    }
  td_form_add_signatures (form, (const char *const[]){ "授课教师（签字）", "班主任（签字）",
                                                       NULL });
}

gboolean
td_forms_build_signin (TdFormContext *ctx, TdForm *form, GError **error)
{
  gint64 id = ctx->klass->id;
  g_autoptr (GPtrArray) lessons = td_store_list_lessons (ctx->store, id, error);
  g_autoptr (GPtrArray) teachers = NULL;
  g_autoptr (GPtrArray) enrolments = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GHashTable) by_lesson = NULL;
  const char *only = ctx->options->lesson;
  gboolean found = FALSE;

  if (lessons == NULL || (teachers = td_store_list_teachers (ctx->store, id, error)) == NULL
      || (enrolments = td_store_list_enrolments (ctx->store, id, error)) == NULL
      || (records = td_store_list_attendance (ctx->store, id, error)) == NULL)
    return FALSE;
  by_lesson = index_records (records);

  if (ctx->options->multi_day && only == NULL)
    {
      signin_multi_day (form, lessons, enrolments);
      return TRUE;
    }
  for (guint i = 0; i < lessons->len; i++)
    {
      TdLesson *lesson = g_ptr_array_index (lessons, i);
      g_autofree char *caption = NULL;

      if (only != NULL && g_strcmp0 (lesson->lid, only) != 0)
        continue;
      if (found)
        td_form_add_page_break (form);
      found = TRUE;
      caption = lesson_caption (lesson, teachers);
      signin_lesson (ctx, form, lesson, enrolments, by_lesson, caption);
    }
  if (!found && only != NULL)
    {
      g_set_error (error, TD_RENDER_ERROR, TD_RENDER_ERROR_NOT_FOUND,
                   _("Class %s has no lesson %s"), ctx->klass->code, only);
      return FALSE;
    }
  return TRUE;
}

/* ---- 表4 结业考核结果表 ------------------------------------------------- */

static const TdResult *
find_result (GPtrArray *results, gint64 trainee_id)
{
  for (guint i = 0; i < results->len; i++)
    if (((TdResult *) g_ptr_array_index (results, i))->trainee_id == trainee_id)
      return g_ptr_array_index (results, i);
  return NULL;
}

static void
assessment_row (TdFormContext *ctx, TdFormTable *table, guint number, const TdEnrolment *e,
                const TdResult *r)
{
  g_autofree char *n = g_strdup_printf ("%u", number);
  g_autofree char *id = td_forms_id (ctx, e->trainee.id_number);
  g_autofree char *theory = td_forms_score (r != NULL ? r->theory : -1);
  g_autofree char *practice = td_forms_score (r != NULL ? r->practice : -1);
  g_autofree char *issued = td_forms_date (r != NULL ? r->cert_issued : NULL);
  gboolean cert = r != NULL && r->cert_type > 0;
  const char *cells[] = {
    n, e->trainee.name, id, theory, practice,
    r != NULL ? td_forms_code_int (TD_CODES_OUTCOME, r->outcome) : "",
    cert ? td_forms_code_int (TD_CODES_CERTIFICATE, r->cert_type) : "",
    cert ? td_forms_code_int (TD_CODES_LEVEL, r->cert_level) : "",
    cert && r->cert_number ? r->cert_number : "", issued,
  };

  td_form_table_add_row (table, cells);
}

static void
assessment_header (TdFormContext *ctx, TdForm *form)
{
  g_autofree char *theory = td_forms_date (ctx->klass->exam_theory_date);
  g_autofree char *practice = td_forms_date (ctx->klass->exam_practice_date);
  g_autofree char *dates = g_strdup_printf ("理论 %s；实操 %s", theory, practice);

  td_form_add_header_field (form, "考核日期（理论/实操）", dates);
  td_form_add_header_field (form, "评价机构", ctx->klass->evaluator);
  td_form_add_header_field (form, "考核地点", ctx->klass->exam_place);
}

gboolean
td_forms_build_assessment (TdFormContext *ctx, TdForm *form, GError **error)
{
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (ctx->store, ctx->klass->id,
                                                               error);
  g_autoptr (GPtrArray) results = NULL;
  TdFormTable *table;
  guint number = 0, took = 0, passed = 0;
  g_autofree char *summary = NULL;

  if (enrolments == NULL
      || (results = td_store_list_results (ctx->store, ctx->klass->id, error)) == NULL)
    return FALSE;

  assessment_header (ctx, form);
  table = td_form_add_table (form, NULL);
  td_form_table_add_column (table, "序号", 11, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "姓名", 20, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "身份证号码", 40, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "理论成绩", 15, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "实操成绩", 15, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "考核结果", 15, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "证书类型", 30, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "证书等级", 22, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "证书编号", 40, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "发证日期", 25, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (enrolments, i);
      const TdResult *r = find_result (results, e->trainee.id);

      if (e->withdrawn_date[0] != '\0' && r == NULL)
        continue;
      assessment_row (ctx, table, ++number, e, r);
      took += r != NULL && (r->outcome == 1 || r->outcome == 2);
      passed += r != NULL && r->outcome == 1;
    }
  summary = g_strdup_printf ("参考人数：%u 人　合格人数：%u 人　合格率：%.1f%%", took, passed,
                             took > 0 ? 100.0 * passed / took : 0.0);
  td_form_add_paragraph (form, summary);
  td_form_add_signatures (form, (const char *const[]){ "考评人员（签字）", "机构（盖章）",
                                                       "日期", NULL });
  return TRUE;
}
