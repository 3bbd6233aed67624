/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo's four classes, each played forward in time up to today. */
#define G_LOG_DOMAIN "td-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-date.h"
#include "core/td-hours.h"
#include "packet/td-demo-private.h"

typedef struct
{
  const char *code;
  const char *title;
  const char *item_code;
  const char *item_name;
  int level;
  int certificate;
  const char *training_type;
  const char *action;
  int mode;                     /* 1 in person, 3 blended (the first mornings online) */
  int days;                     /* working days of lessons */
  int planned_size;
  int trainees;
  const char *categories[4];    /* drawn per trainee */
  const char *method;
} Spec;

static const Spec spec_care = {
  "YL2026-011", "养老护理员（五级）就业技能培训2026年第11期", "4-10-01-05", "养老护理员", 5, 2,
  "01", "05", 3, 15, 40, 26, { "03", "01,05", "07,04", "13" }, "FACE",
};
static const Spec spec_syb = {
  "CY2026-004", "创业培训（SYB）2026年第4期", "CY-SYB", "创业培训(SYB)", 0, 5,
  "03", "09", 1, 7, 30, 20, { "02", "03", "01", "13" }, "CARD",
};
static const Spec spec_electric = {
  "DG2026-021", "电工（五级）就业技能培训2026年第21期", "6-31-01-03", "电工", 5, 2,
  "01", "01", 1, 15, 40, 30, { "01", "01,05", "03", "06" }, "FACE",
};
static const Spec spec_home = {
  "JZ2026-031", "家政服务员（五级）就业技能培训2026年第31期", "4-10-01-06", "家政服务员", 5, 2,
  "01", "04", 1, 10, 40, 0, { "03", "01", "04", "05" }, "FACE",
};

typedef struct
{
  TdStore *store;
  GRand *rand;
  TdCatalog *catalog;
  TdDay today;
  int filing_serial;
} Demo;

/* ---- dates ---- */

static TdDay
next_working_day (const Demo *d, TdDay day)
{
  while (!td_calendar_is_working_day (d->catalog->calendar, day))
    day++;
  return day;
}

/* The day @n lesson days after @day: working days that are no public holiday. */
static TdDay
add_lesson_days (const Demo *d, TdDay day, int n)
{
  while (n > 0)
    {
      day++;
      if (td_calendar_is_lesson_day (d->catalog->calendar, day))
        n--;
    }
  return day;
}

static TdDay
add_working_days (const Demo *d, TdDay day, int n)
{
  while (n > 0)
    {
      day++;
      if (td_calendar_is_working_day (d->catalog->calendar, day))
        n--;
    }
  while (n < 0)
    {
      day--;
      if (td_calendar_is_working_day (d->catalog->calendar, day))
        n++;
    }
  return day;
}

static char *
iso (TdDay day)
{
  return td_day_to_iso_dup (day);
}

static char *
instant (TdDay day, const char *time)
{
  char date[11];

  td_day_to_iso (day, date);
  return g_strdup_printf ("%sT%s+08:00", date, time);
}

/* ---- the class and its timetable ---- */

static TdClass *
make_class (const Demo *d, const Spec *s, TdDay start, TdDay end)
{
  TdClass *k = td_class_new ();

  k->code = g_strdup (s->code);
  k->title = g_strdup (s->title);
  k->catalog_version = g_strdup (d->catalog->version);
  k->item_code = g_strdup (s->item_code);
  k->item_name = g_strdup (s->item_name);
  k->level = s->level;
  g_strlcpy (k->training_type, s->training_type, sizeof k->training_type);
  g_strlcpy (k->special_action, s->action, sizeof k->special_action);
  k->mode = s->mode;
  td_day_to_iso (start, k->start_date);
  td_day_to_iso (end, k->end_date);
  k->planned_size = s->planned_size;
  g_strlcpy (k->venue_region, "371502", sizeof k->venue_region);
  k->venue_address = g_strdup ("聊城市东昌府区柳园南路88号实训楼3层");
  if (s->mode != 1)
    k->online_platform = g_strdup ("山东省职业技能线上培训平台");
  k->funding_source = 1;
  k->certificate = s->certificate;
  k->assessment_method = g_strdup (s->certificate == 2
                                   ? "理论机考与实操考核，由第三方评价机构组织职业技能等级认定"
                                   : "结业考核：创业计划书评审与答辩");
  k->commitment_signed_by = g_strdup ("王立新");
  k->payee_type = 1;
  return k;
}

static GPtrArray *
make_teachers (const Spec *s)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
  TdTeacher *t1 = td_teacher_new (), *t2 = td_teacher_new ();

  t1->tid = g_strdup ("T1");
  t1->name = g_strdup ("陈红梅");
  t1->id_number = g_strdup ("371502198005120222");
  t1->qualification = g_strdup (s->certificate == 5 ? "SYB创业培训讲师 证书号SYB2019370012"
                                                     : "高级技师 证书号S000137150325100012");
  t2->tid = g_strdup ("T2");
  t2->name = g_strdup ("刘建华");
  t2->id_number = g_strdup ("371521197609030310");
  t2->qualification = g_strdup (s->certificate == 5 ? "SYB创业培训讲师 证书号SYB2020370031"
                                                     : "技师 证书号S000137150321200034");
  g_ptr_array_add (list, t1);
  g_ptr_array_add (list, t2);
  return list;
}

static TdLesson *
make_lesson (int day_no, gboolean morning, TdDay date, gboolean online, const char *item)
{
  TdLesson *l = td_lesson_new ();

  l->lid = g_strdup_printf ("L%02d%c", day_no, morning ? 'A' : 'B');
  td_day_to_iso (date, l->date);
  g_strlcpy (l->start, morning ? "08:30:00" : "14:00:00", sizeof l->start);
  g_strlcpy (l->end, morning ? "11:30:00" : "17:00:00", sizeof l->end);
  l->hours = td_hours_of_interval (morning ? 30600 : 50400, morning ? 41400 : 61200);
  l->kind = morning ? 'T' : 'P';
  l->online = online;
  l->teacher = g_strdup (morning ? "T1" : "T2");
  l->content = g_strdup_printf (morning ? "%s 理论 第%d讲" : "%s 实操 第%d次", item, day_no);
  return l;
}

/* Lessons on @days working days from @start; the class's end date and plan follow. */
static gboolean
file_timetable (Demo *d, const Spec *s, TdClass *k, TdDay start, GError **error)
{
  g_autoptr (GPtrArray) lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  g_autoptr (GPtrArray) teachers = make_teachers (s);
  TdDay day = start;

  k->planned_theory = k->planned_practice = k->planned_online = 0;
  for (int n = 1; n <= s->days; n++, day = add_lesson_days (d, day, 1))
    for (int half = 0; half < 2; half++)
      {
        gboolean online = s->mode == 3 && half == 0 && n <= 4;
        TdLesson *l = make_lesson (n, half == 0, day, online, s->item_name);
        if (half == 0)
          k->planned_theory += l->hours;
        else
          k->planned_practice += l->hours;
        if (online)
          k->planned_online += l->hours;
        g_ptr_array_add (lessons, l);
      }
  return td_store_save_class (d->store, k, error)
         && td_store_set_teachers (d->store, k->id, teachers, error)
         && td_store_replace_lessons (d->store, k->id, lessons, error);
}

static gboolean
send (Demo *d, TdPacketKind kind, const TdClass *k, TdDay created_day, const char *created_time,
      TdDay issued_day, const char *issued_time, GError **error)
{
  g_autofree char *created = NULL;
  g_autofree char *issued = NULL;

  /* the bureau has answered everything sent before today */
  issued_day = MIN (issued_day, MAX (created_day, d->today - 1));
  created = instant (created_day, created_time);
  issued = instant (issued_day, issued_time);
  g_autofree char *filing_no = NULL;

  if (kind == TD_KIND_FILING)
    filing_no = g_strdup_printf ("LC%04d-%06d", td_day_year (created_day), ++d->filing_serial);
  return td_demo_send (d->store, kind, k->code, created, issued, filing_no, error);
}

/* Files the class: created @lead working days before the start, accepted within the hour. */
static TdClass *
file_class (Demo *d, const Spec *s, TdDay start, int lead, GError **error)
{
  TdDay filed = add_working_days (d, start, -lead);
  g_autoptr (TdClass) k = make_class (d, s, start, add_lesson_days (d, start, s->days - 1));

  td_day_to_iso (filed, k->commitment_date);
  if (!file_timetable (d, s, k, start, error)
      || !send (d, TD_KIND_FILING, k, filed, "09:30:00", filed, "10:02:11", error))
    return NULL;
  return td_store_get_class (d->store, k->id, error);
}

/* ---- roster ---- */

static gboolean
enrol (Demo *d, const Spec *s, TdClass *k, GPtrArray *reuse, GError **error)
{
  TdDay start = td_day_from_iso (k->start_date);
  g_autofree char *consent = iso (add_working_days (d, start, -3));

  for (guint i = 0; reuse != NULL && i < reuse->len; i++)
    {
      g_autoptr (TdEnrolment) e = td_enrolment_copy (g_ptr_array_index (reuse, i));
      e->id = 0;
      e->class_id = k->id;
      g_clear_pointer (&e->withdrawn_reason, g_free);
      e->withdrawn_date[0] = '\0';
      g_strlcpy (e->consent_date, consent, sizeof e->consent_date);
      if (!td_store_save_enrolment (d->store, e, error))
        return FALSE;
    }
  for (int i = reuse != NULL ? (int) reuse->len : 0; i < s->trainees; i++)
    {
      const char *cats = s->categories[g_rand_int_range (d->rand, 0, 4)];
      g_autoptr (TdEnrolment) e = td_demo_make_trainee (d->rand, k->start_date, cats, consent);
      e->class_id = k->id;
      if (!td_store_save_enrolment (d->store, e, error))
        return FALSE;
    }
  return send (d, TD_KIND_ROSTER, k, add_working_days (d, start, -2), "16:00:00",
               add_working_days (d, start, -1), "09:10:00", error);
}

/* ---- attendance ---- */

static void
hms (int seconds, char out[9])
{
  td_time_to_iso (seconds, out);
}

/* One trainee at one lesson: mostly on time, now and then late, early, on leave or absent.
 * @weak trainees miss more (their rate falls under the threshold). */
static gboolean
attend (Demo *d, const TdClass *k, const TdLesson *l, const TdEnrolment *e, gboolean weak,
        const char *method, GError **error)
{
  int start = td_time_from_iso (l->start), end = td_time_from_iso (l->end);
  int roll = g_rand_int_range (d->rand, 0, 1000);
  int miss = weak ? 260 : 25;
  char status = 'P', in[9] = "", out[9] = "";

  if (roll < miss)
    status = roll % 3 == 0 ? 'V' : 'A';
  else if (roll < miss + 40)
    {
      status = 'L';
      hms (start + 60 * g_rand_int_range (d->rand, 6, 50), in);
      hms (end + 60 * g_rand_int_range (d->rand, 0, 6), out);
    }
  else if (roll < miss + 60)
    {
      status = 'E';
      hms (start - 60 * g_rand_int_range (d->rand, 1, 15), in);
      hms (end - 60 * g_rand_int_range (d->rand, 20, 70), out);
    }
  else
    {
      hms (start - 60 * g_rand_int_range (d->rand, 1, 16), in);
      hms (end + 60 * g_rand_int_range (d->rand, 0, 9), out);
    }
  return td_store_record_attendance (d->store, k->id, l->id, e->trainee.id, status, in, out,
                                     l->online ? "ONLINE" : method, error);
}

/* Records every lesson dated @from..@to (both included, and before today). */
static gboolean
attend_days (Demo *d, const Spec *s, const TdClass *k, TdDay from, TdDay to, GError **error)
{
  g_autoptr (GPtrArray) lessons = td_store_list_lessons (d->store, k->id, error);
  g_autoptr (GPtrArray) roster = NULL;

  if (lessons == NULL || (roster = td_store_list_enrolments (d->store, k->id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < lessons->len; i++)
    {
      const TdLesson *l = g_ptr_array_index (lessons, i);
      TdDay day = td_day_from_iso (l->date);

      if (day < from || day > to || day >= d->today)
        continue;
      for (guint j = 0; j < roster->len; j++)
        {
          const TdEnrolment *e = g_ptr_array_index (roster, j);
          if (!td_enrolment_on_roster (e, l->date))
            continue;
          if (!attend (d, k, l, e, j % 11 == 7, s->method, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Attendance week by week, each batch sent on its last day and accepted the next morning;
 * the last @unsent days stay pending (typed in, not yet sent). */
static gboolean
attend_weeks (Demo *d, const Spec *s, const TdClass *k, TdDay last, int unsent, GError **error)
{
  TdDay day = td_day_from_iso (k->start_date);
  TdDay stop;

  if (last >= d->today)
    last = d->today - 1;  /* what has happened so far */
  stop = add_working_days (d, last, -unsent);
  while (day <= stop)
    {
      TdDay batch_end = MIN (add_working_days (d, day, 4), stop);

      if (!attend_days (d, s, k, day, batch_end, error)
          || !send (d, TD_KIND_ATTENDANCE, k, batch_end, "18:00:00",
                    add_working_days (d, batch_end, 1), "09:00:00", error))
        return FALSE;
      day = add_working_days (d, batch_end, 1);
    }
  return attend_days (d, s, k, day, last, error);
}

static gboolean
withdraw_one (Demo *d, const TdClass *k, int position, TdDay on, GError **error)
{
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (d->store, k->id, error);
  const TdEnrolment *e;
  g_autofree char *date = iso (on);

  if (roster == NULL)
    return FALSE;
  e = g_ptr_array_index (roster, position);
  return td_store_withdraw (d->store, k->id, e->trainee.id, date, "家庭原因退训", error)
         && send (d, TD_KIND_NOTICE, k, on, "17:00:00", add_working_days (d, on, 1), "09:05:00",
                  error);
}

/* ---- assessment, follow-up, claim ---- */

static char *
certificate_number (const TdClass *k, int serial)
{
  if (k->certificate == 2)
    return g_strdup_printf ("S00013715030126%d%06d", k->level, serial);
  return g_strdup_printf ("SYB%sLC%05d", k->code + 2, serial);
}

static gboolean
assess (Demo *d, TdClass *k, GError **error)
{
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (d->store, k->id, error);
  TdDay end = td_day_from_iso (k->end_date);
  TdDay issued = end + 17;
  char issued_iso[11];

  if (roster == NULL)
    return FALSE;
  td_day_to_iso (end + 3, k->exam_theory_date);
  td_day_to_iso (end + 4, k->exam_practice_date);
  td_day_to_iso (issued, issued_iso);
  g_free (k->evaluator);
  k->evaluator = g_strdup (k->certificate == 2 ? "聊城市康养职业技能等级认定中心"
                                               : "聊城市东昌府区光岳职业培训学校");
  g_free (k->exam_place);
  k->exam_place = g_strdup ("聊城市东昌府区柳园南路88号");
  if (!td_store_save_class (d->store, k, error))
    return FALSE;
  for (guint i = 0; i < roster->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (roster, i);
      g_autoptr (TdResult) r = td_result_new ();
      int roll = g_rand_int_range (d->rand, 0, 100);

      if (e->withdrawn_date[0] != '\0')
        continue;
      r->class_id = k->id;
      r->trainee_id = e->trainee.id;
      r->theory = 10 * g_rand_int_range (d->rand, 60, 96) + 5 * g_rand_int_range (d->rand, 0, 2);
      r->practice = 10 * g_rand_int_range (d->rand, 62, 95);
      r->outcome = roll < 4 ? 3 : roll < 18 ? 2 : 1;
      if (r->outcome == 3)
        r->theory = r->practice = -1;
      else if (r->outcome == 2)
        r->practice = 10 * g_rand_int_range (d->rand, 40, 59);
      else
        {
          r->cert_type = k->certificate;
          r->cert_level = k->level;
          r->cert_number = certificate_number (k, (int) i + 101);
          g_strlcpy (r->cert_issued, issued_iso, sizeof r->cert_issued);
          r->cert_issuer = g_strdup (k->evaluator);
        }
      if (!td_store_save_result (d->store, r, error))
        return FALSE;
    }
  return send (d, TD_KIND_ASSESSMENT, k, issued + 2, "10:00:00", issued + 5, "15:00:00", error);
}

static void
employ (Demo *d, TdFollowUp *f, TdDay end)
{
  static const char *const employers[] = {
    "东昌府区康乐居家养老服务中心", "聊城市颐养园养老服务有限公司", "聊城市鲁西电力安装有限公司",
    "山东聊城金泰物业服务有限公司", "聊城经济技术开发区恒信机电有限公司",
  };
  int roll = g_rand_int_range (d->rand, 0, 100);

  f->status = roll < 55 ? 1 : roll < 65 ? 2 : roll < 75 ? 3 : 4;
  if (f->status == 4)
    return;
  td_day_to_iso (end + g_rand_int_range (d->rand, 8, 70), f->since);
  f->proof = f->status == 1 ? 1 : f->status == 2 ? 4 : 2;
  if (f->status != 3)
    {
      f->employer_credit_code = td_demo_make_credit_code (d->rand, f->status == 1 ? "91371502"
                                                                                 : "92371502");
      f->employer_name = g_strdup (f->status == 1
                                   ? employers[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (employers))]
                                   : "个体工商户（家政服务）");
    }
  f->monthly_wage = 100 * (TdFen) g_rand_int_range (d->rand, 3200, 5600);
}

static gboolean
follow_up (Demo *d, const TdClass *k, GError **error)
{
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (d->store, k->id, error);
  TdDay end = td_day_from_iso (k->end_date), checked = end + 75;

  if (roster == NULL)
    return FALSE;
  for (guint i = 0; i < roster->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (roster, i);
      g_autoptr (TdFollowUp) f = td_follow_up_new ();

      if (e->withdrawn_date[0] != '\0')
        continue;
      f->class_id = k->id;
      f->trainee_id = e->trainee.id;
      td_day_to_iso (checked, f->checked);
      employ (d, f, end);
      if (!td_store_save_follow_up (d->store, f, error))
        return FALSE;
    }
  return send (d, TD_KIND_FOLLOWUP, k, checked + 3, "10:00:00", checked + 3, "16:00:00", error);
}

/* ---- the four classes ---- */

/* Finished: filed, enrolled (one withdraws), attended, assessed, followed up, claimed. */
static gboolean
finished_class (Demo *d, const Spec *s, TdDay start, GPtrArray *reuse, GPtrArray **roster_out,
                GError **error)
{
  g_autoptr (TdClass) k = file_class (d, s, start, 8, error);
  TdDay end;

  if (k == NULL || !enrol (d, s, k, reuse, error)
      || !withdraw_one (d, k, 3, add_working_days (d, start, 3), error))
    return FALSE;
  end = td_day_from_iso (k->end_date);
  if (!attend_weeks (d, s, k, end, 0, error) || !assess (d, k, error))
    return FALSE;
  /* the follow-up and the claim only when their day has come */
  if (end + 78 < d->today && !follow_up (d, k, error))
    return FALSE;
  if (end + 85 < d->today
      && !send (d, TD_KIND_CLAIM, k, end + 85, "10:00:00", end + 93, "15:20:00", error))
    return FALSE;
  if (roster_out != NULL)
    *roster_out = td_store_list_enrolments (d->store, k->id, error);
  return roster_out == NULL || *roster_out != NULL;
}

gboolean
td_demo_classes (TdStore *store, GRand *rand, TdDay today, GError **error)
{
  g_autofree char *today_iso = td_day_to_iso_dup (today);
  g_autoptr (GPtrArray) care_roster = NULL;
  g_autoptr (GPtrArray) reuse = g_ptr_array_new ();
  Demo d = { store, rand, NULL, today, 120 };
  g_autoptr (TdClass) running = NULL, filed = NULL;
  gboolean ok;

  d.catalog = td_store_get_catalog_in_force (store, today_iso, error);
  if (d.catalog == NULL)
    return FALSE;
  ok = finished_class (&d, &spec_care, next_working_day (&d, today - 160), NULL, &care_roster,
                       error);
  if (ok)
    {
      /* two of the care class's trainees come back for the entrepreneurship course */
      g_ptr_array_add (reuse, g_ptr_array_index (care_roster, 0));
      g_ptr_array_add (reuse, g_ptr_array_index (care_roster, 5));
      ok = finished_class (&d, &spec_syb, next_working_day (&d, today - 95), reuse, NULL, error);
    }
  if (ok)
    {
      TdDay start = add_working_days (&d, next_working_day (&d, today), -7);
      running = file_class (&d, &spec_electric, start, 6, error);
      ok = running != NULL && enrol (&d, &spec_electric, running, NULL, error)
           && attend_weeks (&d, &spec_electric, running, td_day_from_iso (running->end_date), 2,
                            error);
    }
  if (ok)
    {
      filed = file_class (&d, &spec_home, add_working_days (&d, today, 12), 13, error);
      ok = filed != NULL;
    }
  td_catalog_free (d.catalog);
  return ok;
}
