/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forms from the store: dispatch, common header, 表1 filing and 表2 roster. */
#define G_LOG_DOMAIN "td-render"

#include "config.h"

#include <glib/gi18n.h>

#include "core/td-idnumber.h"
#include "core/td-phone.h"
#include "render/td-forms-private.h"

static const struct
{
  const char *token;
  TdPacketKind packet;
  const char *number;
  const char *title;
} forms[TD_N_FORMS] = {
  [TD_FORM_FILING] = { "filing", TD_KIND_FILING, "表1", "职业技能培训开班备案表" },
  [TD_FORM_ROSTER] = { "roster", TD_KIND_ROSTER, "表2", "职业技能培训学员花名册" },
  [TD_FORM_SIGNIN] = { "signin", TD_KIND_ATTENDANCE, "表3", "职业技能培训签到表" },
  [TD_FORM_ASSESSMENT] = { "assessment", TD_KIND_ASSESSMENT, "表4",
                           "职业技能培训结业考核结果表" },
  [TD_FORM_CLAIM] = { "claim", TD_KIND_CLAIM, "表5", "职业技能培训补贴申请表" },
};

const char *
td_form_kind_token (TdFormKind kind)
{
  g_return_val_if_fail (kind < TD_N_FORMS, NULL);
  return forms[kind].token;
}

gboolean
td_form_kind_from_string (const char *text, TdFormKind *kind)
{
  for (int i = 0; i < TD_N_FORMS; i++)
    if (g_strcmp0 (text, forms[i].token) == 0)
      {
        *kind = (TdFormKind) i;
        return TRUE;
      }
  return FALSE;
}

TdPacketKind
td_form_kind_packet (TdFormKind kind)
{
  g_return_val_if_fail (kind < TD_N_FORMS, TD_KIND_FILING);
  return forms[kind].packet;
}

char *
td_form_qr_payload (const TdPacketLog *packet)
{
  return g_strdup_printf ("TDPKT1;id=%s;digest=%s", packet->id, packet->digest);
}

/* ---- helpers ---------------------------------------------------------- */

TdForm *
td_forms_begin (TdFormContext *ctx, TdFormKind kind, const char *number, const char *title,
                GError **error)
{
  g_autoptr (TdForm) form = td_form_new (number, title);
  g_autoptr (TdPacketLog) packet = NULL;
  g_autoptr (GError) local = NULL;

  td_form_add_header_field (form, "培训机构（盖章）", ctx->inst->name);
  td_form_add_header_field (form, "统一社会信用代码", ctx->inst->credit_code);
  td_form_add_header_field (form, "班级编号", ctx->klass->code);
  td_form_add_header_field (form, "备案号", ctx->klass->filing_no);
  packet = td_store_latest_packet (ctx->store, forms[kind].packet, ctx->klass->id, 0, 0,
                                   &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (packet != NULL)
    {
      g_autofree char *payload = td_form_qr_payload (packet);

      td_form_set_qr (form, payload);
    }
  return g_steal_pointer (&form);
}

char *
td_forms_id (const TdFormContext *ctx, const char *id_number)
{
  if (id_number == NULL || id_number[0] == '\0')
    return g_strdup ("");
  if (ctx->options->full_id)
    return g_strdup (id_number);
  return td_id_number_mask (id_number);
}

char *
td_forms_date (const char *iso)
{
  TdDay day = iso != NULL ? td_day_from_iso (iso) : 0;

  return day != 0 ? td_day_format_chinese (day) : g_strdup ("");
}

char *
td_forms_period (const TdClass *klass)
{
  g_autofree char *start = td_forms_date (klass->start_date);
  g_autofree char *end = td_forms_date (klass->end_date);

  return g_strdup_printf ("%s 至 %s", start, end);
}

const char *
td_forms_code_int (TdCodeList list, int code)
{
  char text[16];

  g_snprintf (text, sizeof text, "%d", code);
  /* the names are static; an unknown code is printed as itself */
  if (td_code_find (list, text) == NULL)
    return g_intern_string (text);
  return td_code_label_zh (list, text);
}

char *
td_forms_categories (const char *codes)
{
  g_auto (GStrv) parts = g_strsplit (codes != NULL ? codes : "", ",", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, "、");
      g_string_append (text, td_code_label_zh (TD_CODES_CATEGORY, parts[i]));
    }
  return g_string_free (text, FALSE);
}

const TdEnrolment *
td_forms_find_enrolment (GPtrArray *enrolments, gint64 trainee_id)
{
  for (guint i = 0; i < enrolments->len; i++)
    {
      const TdEnrolment *enrolment = g_ptr_array_index (enrolments, i);

      if (enrolment->trainee.id == trainee_id)
        return enrolment;
    }
  return NULL;
}

char *
td_forms_score (int tenths)
{
  if (tenths < 0)
    return g_strdup ("");
  if (tenths % 10 == 0)
    return g_strdup_printf ("%d", tenths / 10);
  return g_strdup_printf ("%d.%d", tenths / 10, tenths % 10);
}

/* ---- dispatch --------------------------------------------------------- */

TdForm *
td_form_build (TdStore *store, TdFormKind kind, const char *class_code,
               const TdFormOptions *options, GError **error)
{
  TdFormOptions defaults = { 0 };
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (TdInstitution) inst = NULL;
  g_autoptr (TdForm) form = NULL;
  TdFormContext ctx;
  g_autoptr (GError) local = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (TD_IS_STORE (store) && kind < TD_N_FORMS, NULL);
  klass = td_store_get_class_by_code (store, class_code, error);
  if (klass == NULL)
    return NULL;
  inst = td_store_get_institution (store, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (inst == NULL)
    inst = td_institution_new ();
  ctx = (TdFormContext){ store, klass, inst, options != NULL ? options : &defaults };
  form = td_forms_begin (&ctx, kind, forms[kind].number, forms[kind].title, error);
  if (form == NULL)
    return NULL;
  switch (kind)
    {
    case TD_FORM_FILING:
      ok = td_forms_build_filing (&ctx, form, error);
      break;
    case TD_FORM_ROSTER:
      ok = td_forms_build_roster (&ctx, form, error);
      break;
    case TD_FORM_SIGNIN:
      ok = td_forms_build_signin (&ctx, form, error);
      break;
    case TD_FORM_ASSESSMENT:
      ok = td_forms_build_assessment (&ctx, form, error);
      break;
    case TD_FORM_CLAIM:
    default:
      ok = td_forms_build_claim (&ctx, form, error);
      break;
    }
  return ok ? g_steal_pointer (&form) : NULL;
}

/* ---- 表1 开班备案表 ----------------------------------------------------- */

static void
filing_fields (TdFormContext *ctx, TdForm *form)
{
  const TdClass *k = ctx->klass;
  g_autofree char *item = g_strdup_printf ("%s（%s）", k->item_name ? k->item_name : "",
                                           k->item_code ? k->item_code : "");
  g_autofree char *project = NULL, *period = td_forms_period (k), *hours = NULL;
  g_autofree char *theory = td_hours_format (k->planned_theory);
  g_autofree char *practice = td_hours_format (k->planned_practice);
  g_autofree char *online = td_hours_format (k->planned_online);
  g_autofree char *size = g_strdup_printf ("%d 人", k->planned_size);
  g_autofree char *venue = g_strdup_printf ("%s %s", td_code_label_zh (TD_CODES_REGION,
                                                                       k->venue_region),
                                            k->venue_address ? k->venue_address : "");
  g_autofree char *exam = g_strdup_printf ("%s；%s",
                                           td_forms_code_int (TD_CODES_CERTIFICATE,
                                                              k->certificate),
                                           k->assessment_method ? k->assessment_method : "");
  g_autofree char *contact = g_strdup_printf ("%s %s",
                                              ctx->inst->contact_name ? ctx->inst->contact_name : "",
                                              ctx->inst->contact_phone ? ctx->inst->contact_phone : "");

  project = k->project_mode == 0
    ? g_strdup (td_forms_code_int (TD_CODES_PROJECT_MODE, 0))
    : g_strdup_printf ("%s；合作企业：%s（%s）；拟吸纳岗位数：%d",
                       td_forms_code_int (TD_CODES_PROJECT_MODE, k->project_mode),
                       k->partner_name ? k->partner_name : "",
                       k->partner_credit_code ? k->partner_credit_code : "",
                       k->partner_positions);
  hours = g_strdup_printf ("理论 %s 学时，实操 %s 学时，其中线上 %s 学时", theory, practice,
                           online);
  td_form_add_field (form, "班级名称", k->title);
  td_form_add_field (form, "培训项目（职业/工种、代码）", item);
  td_form_add_field (form, "培训等级", td_forms_code_int (TD_CODES_LEVEL, k->level));
  td_form_add_field (form, "培训类型", td_code_label_zh (TD_CODES_TRAINING_TYPE, k->training_type));
  td_form_add_field (form, "专项培训行动",
                     td_code_label_zh (TD_CODES_SPECIAL_ACTION, k->special_action));
  td_form_add_field (form, "培训形式", td_forms_code_int (TD_CODES_MODE, k->mode));
  td_form_add_field (form, "项目制类型", project);
  td_form_add_field (form, "培训起止日期", period);
  td_form_add_field (form, "计划课时", hours);
  td_form_add_field (form, "计划人数", size);
  td_form_add_field (form, "培训地点", venue);
  td_form_add_field (form, "线上平台", k->online_platform);
  td_form_add_field (form, "资金来源", td_forms_code_int (TD_CODES_FUNDING_SOURCE,
                                                        k->funding_source));
  td_form_add_field (form, "考核方式（证书类型、方法）", exam);
  td_form_add_field (form, "联系人及电话", contact);
}

static void
filing_teachers (TdFormContext *ctx, TdForm *form, GPtrArray *teachers)
{
  TdFormTable *table = td_form_add_table (form, "授课教师");

  td_form_table_add_column (table, "序号", 12, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "姓名", 28, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "身份证号码", 50, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "资质证书", 85, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < teachers->len; i++)
    {
      TdTeacher *teacher = g_ptr_array_index (teachers, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *id = td_forms_id (ctx, teacher->id_number);
      const char *cells[] = { number, teacher->name, id, teacher->qualification };

      td_form_table_add_row (table, cells);
    }
}

static const char *
teacher_name (GPtrArray *teachers, const char *tid)
{
  for (guint i = 0; i < teachers->len; i++)
    {
      TdTeacher *teacher = g_ptr_array_index (teachers, i);

      if (g_strcmp0 (teacher->tid, tid) == 0)
        return teacher->name;
    }
  return tid;
}

static gboolean
filing_timetable (TdFormContext *ctx, TdForm *form, GPtrArray *teachers, GError **error)
{
  g_autoptr (GPtrArray) lessons = td_store_list_lessons (ctx->store, ctx->klass->id, error);
  TdFormTable *table;

  if (lessons == NULL)
    return FALSE;
  table = td_form_add_table (form, "课程表");

  td_form_table_add_column (table, "序号", 11, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "日期", 27, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "时间", 24, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "课时", 11, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "类别", 12, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "线上", 11, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "授课内容", 57, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "教师", 22, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < lessons->len; i++)
    {
      TdLesson *lesson = g_ptr_array_index (lessons, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *date = td_forms_date (lesson->date);
      g_autofree char *time = g_strdup_printf ("%.5s–%.5s", lesson->start, lesson->end);
      g_autofree char *hours = td_hours_format (lesson->hours);
      char kind[2] = { lesson->kind, 0 };
      const char *cells[] = { number, date, time, hours,
                              td_code_label_zh (TD_CODES_LESSON_KIND, kind),
                              lesson->online ? "是" : "否", lesson->content,
                              teacher_name (teachers, lesson->teacher) };

      td_form_table_add_row (table, cells);
    }
  return TRUE;
}

gboolean
td_forms_build_filing (TdFormContext *ctx, TdForm *form, GError **error)
{
  g_autoptr (GPtrArray) teachers = td_store_list_teachers (ctx->store, ctx->klass->id, error);

  if (teachers == NULL)
    return FALSE;
  filing_fields (ctx, form);
  filing_teachers (ctx, form, teachers);
  if (!filing_timetable (ctx, form, teachers, error))
    return FALSE;
  td_form_add_heading (form, "承诺");
  td_form_add_paragraph (form, "本机构承诺：所报开班信息、授课教师、课程安排及学员信息真实准确，"
                         "按备案内容组织培训，如实记录培训过程，对培训及其记录的真实性负责；"
                         "如有虚假，自愿承担相应责任。");
  td_form_add_signatures (form, (const char *const[]){ "法定代表人（签字）", "机构（盖章）",
                                                       "日期", NULL });
  td_form_add_box (form, (const char *const[]){ "人社部门备案意见", "经办人", "日期", NULL },
                   32);
  return TRUE;
}

/* ---- 表2 花名册 --------------------------------------------------------- */

static void
roster_row (TdFormContext *ctx, TdFormTable *table, const TdEnrolment *e)
{
  const TdTrainee *t = &e->trainee;
  g_autofree char *number = g_strdup_printf ("%d", e->position);
  g_autofree char *id = td_forms_id (ctx, t->id_number);
  g_autofree char *phone = t->phone != NULL && t->phone[0] != '\0'
                           ? (ctx->options->full_id ? g_strdup (t->phone)
                                                    : td_phone_mask (t->phone))
                           : g_strdup ("");
  g_autofree char *categories = td_forms_categories (e->categories);
  g_autofree char *name = NULL;

  if (e->withdrawn_date[0] != '\0')
    {
      g_autofree char *date = td_forms_date (e->withdrawn_date);

      name = g_strdup_printf ("%s（%s退训）", t->name, date);
    }
  else
    name = g_strdup (t->name);
  {
    const char *cells[] = {
      number, name, td_forms_code_int (TD_CODES_GENDER, t->gender), id,
      phone != NULL ? phone : t->phone, td_code_label_zh (TD_CODES_EDUCATION, t->education),
      td_code_label_zh (TD_CODES_REGION, t->household_region), categories,
      td_forms_code_int (TD_CODES_EMPLOYMENT_STATUS, e->employment_before), "",
    };

    td_form_table_add_row (table, cells);
  }
}

gboolean
td_forms_build_roster (TdFormContext *ctx, TdForm *form, GError **error)
{
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (ctx->store, ctx->klass->id,
                                                               error);
  g_autofree char *item = g_strdup_printf ("%s（%s）", ctx->klass->item_name,
                                           td_forms_code_int (TD_CODES_LEVEL, ctx->klass->level));
  g_autofree char *period = td_forms_period (ctx->klass);
  TdFormTable *table;

  if (enrolments == NULL)
    return FALSE;

  td_form_add_header_field (form, "培训项目", item);
  td_form_add_header_field (form, "培训起止日期", period);
  table = td_form_add_table (form, NULL);
  td_form_table_add_column (table, "序号", 11, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "姓名", 20, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "性别", 10, PANGO_ALIGN_CENTER);
  td_form_table_add_column (table, "身份证号码", 40, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "联系电话", 26, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "文化程度", 18, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "户籍地", 22, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "人员类别", 40, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "培训前就业状态", 20, PANGO_ALIGN_LEFT);
  td_form_table_add_column (table, "学员签字", 22, PANGO_ALIGN_LEFT);
  td_form_table_set_min_row_height (table, 8);
  for (guint i = 0; i < enrolments->len; i++)
    roster_row (ctx, table, g_ptr_array_index (enrolments, i));
  td_form_add_signatures (form, (const char *const[]){ "制表人", "审核人", "日期", NULL });
  return TRUE;
}
