/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The eight Body kinds, element by element in the schema's order and the examples' layout. */
#define G_LOG_DOMAIN "td-packet-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-chain.h"
#include "packet/td-packet-writer-private.h"

/* Reasons are free text the bureau requires; the packet is the same in every locale. */
#define TD_DEFAULT_WITHDRAWAL_REASON "退训"
#define TD_DEFAULT_CANCEL_REASON "撤销开班"

static void
write_class_ref (TdXmlOut *o, const TdClass *k)
{
  td_xml_out_start (o, "ClassRef");
  td_xml_out_attr (o, "code", k->code);
  td_xml_out_attr (o, "filingNo", k->filing_no);
  td_xml_out_end (o);
}

static const char *
nonempty (const char *text, const char *fallback)
{
  return text != NULL && *text != '\0' ? text : fallback;
}

/* ---- ClassFiling ---- */

static gboolean
lesson_hours (const TdPacketData *data, TdHalves sums[3], GError **error)
{
  const TdClass *k = data->klass;

  sums[0] = sums[1] = sums[2] = 0;
  for (guint i = 0; i < data->lessons->len; i++)
    {
      const TdLesson *l = g_ptr_array_index (data->lessons, i);
      sums[l->kind == 'P' ? 1 : 0] += l->hours;
      if (l->online)
        sums[2] += l->hours;
    }
  if (sums[0] == k->planned_theory && sums[1] == k->planned_practice
      && sums[2] == k->planned_online)
    return TRUE;
  {
    g_autofree char *t = td_hours_format (sums[0]), *p = td_hours_format (sums[1]);
    g_autofree char *n = td_hours_format (sums[2]);
    g_autofree char *pt = td_hours_format (k->planned_theory);
    g_autofree char *pp = td_hours_format (k->planned_practice);
    g_autofree char *pn = td_hours_format (k->planned_online);

    g_set_error (error, TD_PACKET_WRITER_ERROR, TD_PACKET_WRITER_ERROR_DATA,
                 _("R-CLS-003: the timetable's lessons add up to %s theory, %s practice and %s "
                   "online hours, but the plan says %s, %s and %s; change the timetable or the "
                   "planned hours"), t, p, n, pt, pp, pn);
    return FALSE;
  }
}

static void
write_class_plan (TdXmlOut *o, const TdClass *k, const TdHalves sums[3])
{
  td_xml_out_start (o, "Hours");
  td_xml_out_attr_hours (o, "theory", sums[0]);
  td_xml_out_attr_hours (o, "practice", sums[1]);
  td_xml_out_attr_hours (o, "online", sums[2]);
  td_xml_out_end (o);
  td_xml_out_leaf_int (o, "PlannedSize", k->planned_size);
  td_xml_out_start (o, "Venue");
  td_xml_out_attr (o, "region", k->venue_region);
  td_xml_out_leaf (o, "Address", k->venue_address);
  td_xml_out_end (o);
  if (k->mode != 1 && k->online_platform != NULL)
    td_xml_out_leaf (o, "OnlinePlatform", k->online_platform);
  td_xml_out_leaf_int (o, "FundingSource", k->funding_source);
  td_xml_out_start (o, "AssessmentPlan");
  td_xml_out_attr_int (o, "certificate", k->certificate);
  td_xml_out_leaf (o, "Method", k->assessment_method);
  td_xml_out_end (o);
  if (k->project_mode != 0)
    {
      td_xml_out_start (o, "Partner");
      td_xml_out_leaf (o, "CreditCode", k->partner_credit_code);
      td_xml_out_leaf (o, "Name", k->partner_name);
      td_xml_out_leaf_int (o, "Positions", k->partner_positions);
      td_xml_out_end (o);
    }
}

static void
write_class (TdXmlOut *o, const TdClass *k, const TdHalves sums[3])
{
  td_xml_out_start (o, "Class");
  td_xml_out_attr (o, "code", k->code);
  td_xml_out_attr (o, "filingNo", k->filing_no);
  td_xml_out_leaf (o, "Title", k->title);
  td_xml_out_start (o, "CatalogItem");
  td_xml_out_attr (o, "code", k->item_code);
  td_xml_out_attr (o, "name", k->item_name);
  td_xml_out_attr (o, "catalogVersion", k->catalog_version);
  td_xml_out_end (o);
  td_xml_out_leaf_int (o, "Level", k->level);
  td_xml_out_leaf (o, "TrainingType", k->training_type);
  td_xml_out_leaf (o, "SpecialAction", k->special_action);
  td_xml_out_leaf_int (o, "ProjectMode", k->project_mode);
  td_xml_out_leaf_int (o, "Mode", k->mode);
  td_xml_out_leaf (o, "StartDate", k->start_date);
  td_xml_out_leaf (o, "EndDate", k->end_date);
  write_class_plan (o, k, sums);
  td_xml_out_end (o);
}

static void
write_timetable (TdXmlOut *o, GPtrArray *lessons)
{
  td_xml_out_start (o, "Timetable");
  for (guint i = 0; i < lessons->len; i++)
    {
      const TdLesson *l = g_ptr_array_index (lessons, i);
      char kind[2] = { l->kind, '\0' };

      td_xml_out_start (o, "Lesson");
      td_xml_out_attr (o, "id", l->lid);
      td_xml_out_attr (o, "date", l->date);
      td_xml_out_attr (o, "start", l->start);
      td_xml_out_attr (o, "end", l->end);
      td_xml_out_attr_hours (o, "hours", l->hours);
      td_xml_out_attr (o, "kind", kind);
      td_xml_out_attr (o, "online", l->online ? "true" : "false");
      td_xml_out_attr (o, "teacher", l->teacher);
      td_xml_out_text (o, l->content);
      td_xml_out_end (o);
    }
  td_xml_out_end (o);
}

gboolean
td_write_class_filing (TdXmlOut *o, const TdPacketData *data, const char *created,
                       GError **error)
{
  const TdClass *k = data->klass;
  TdHalves sums[3];
  char today[TD_DATE_LEN];

  if (!lesson_hours (data, sums, error))
    return FALSE;
  g_strlcpy (today, created, sizeof today);
  td_xml_out_start (o, "ClassFiling");
  write_class (o, k, sums);
  td_xml_out_start (o, "Teachers");
  for (guint i = 0; i < data->teachers->len; i++)
    {
      const TdTeacher *t = g_ptr_array_index (data->teachers, i);

      td_xml_out_start (o, "Teacher");
      td_xml_out_attr (o, "id", t->tid);
      td_xml_out_leaf (o, "Name", t->name);
      td_xml_out_leaf (o, "IdNumber", t->id_number);
      td_xml_out_leaf (o, "Qualification", t->qualification);
      td_xml_out_end (o);
    }
  td_xml_out_end (o);
  write_timetable (o, data->lessons);
  td_xml_out_start (o, "Commitment");
  td_xml_out_attr (o, "signedBy", nonempty (k->commitment_signed_by, data->inst->legal_rep));
  td_xml_out_attr (o, "date", nonempty (k->commitment_date, today));
  td_xml_out_end (o);
  td_xml_out_end (o);
  return TRUE;
}

/* ---- Roster ---- */

static void
write_trainee (TdXmlOut *o, const TdEnrolment *e)
{
  g_auto (GStrv) categories = g_strsplit (e->categories != NULL ? e->categories : "", ",", -1);

  td_xml_out_start (o, "Trainee");
  td_xml_out_leaf (o, "IdNumber", e->trainee.id_number);
  td_xml_out_leaf (o, "Name", e->trainee.name);
  td_xml_out_leaf_int (o, "Gender", e->trainee.gender);
  td_xml_out_leaf (o, "BirthDate", e->trainee.birth_date);
  td_xml_out_leaf (o, "Phone", e->trainee.phone);
  td_xml_out_leaf (o, "Education", e->trainee.education);
  td_xml_out_leaf (o, "HouseholdRegion", e->trainee.household_region);
  td_xml_out_start (o, "Categories");
  for (guint i = 0; categories[i] != NULL; i++)
    if (*categories[i] != '\0')
      td_xml_out_leaf (o, "Category", categories[i]);
  td_xml_out_end (o);
  td_xml_out_leaf_int (o, "EmploymentBefore", e->employment_before);
  td_xml_out_start (o, "Consent");
  td_xml_out_attr (o, "date", e->consent_date);
  td_xml_out_end (o);
  td_xml_out_end (o);
}

void
td_write_roster (TdXmlOut *o, const TdPacketData *data)
{
  td_xml_out_start (o, "Roster");
  write_class_ref (o, data->klass);
  for (guint i = 0; i < data->enrolments->len; i++)
    write_trainee (o, g_ptr_array_index (data->enrolments, i));
  td_xml_out_end (o);
}

/* ---- Attendance ---- */

static void
write_record (TdXmlOut *o, const TdAttendance *r, guint8 h[32])
{
  g_autofree char *hours = td_hours_format (r->hours);
  char status[2] = { r->status, '\0' };
  gboolean timed = r->time_in[0] != '\0';

  static const char *const names[] = { "id", "status", "in", "out", "hours", "method" };
  const char *values[] = { r->id_number, status, timed ? r->time_in : NULL,
                           r->time_out[0] != '\0' ? r->time_out : NULL, hours, r->method };

  td_xml_out_empty (o, "Record", names, values, G_N_ELEMENTS (names));
  td_chain_step_raw (h, r->date, r->lid, r->id_number, r->status, r->time_in, r->time_out,
                     hours, r->method);
}

typedef struct
{
  TdXmlOut *out;
  guint8 *hash;                  /* the running chain value, 32 raw bytes */
  gint64 session;                /* lesson of the open Session, -1 before the first */
} AttendanceWriter;

static gboolean
write_streamed_record (const TdAttendance *r, gpointer user_data)
{
  AttendanceWriter *w = user_data;

  if (r->lesson_id != w->session)
    {
      if (w->session != -1)
        td_xml_out_end (w->out);
      w->session = r->lesson_id;
      td_xml_out_start (w->out, "Session");
      td_xml_out_attr (w->out, "lesson", r->lid);
      td_xml_out_attr (w->out, "date", r->date);
    }
  write_record (w->out, r, w->hash);
  return TRUE;
}

/* The records stream from the store one at a time, so the batch's size costs no memory. */
void
td_write_attendance (TdXmlOut *o, const TdPacketData *data, char head[65])
{
  guint8 raw[32];
  char h[65];
  AttendanceWriter w = { o, raw, -1 };

  /* the store's sent head is 64 hex digits (were it not, the check would refuse the batch:
   * its head would not recompute from Chain/@prev) */
  if (!td_chain_decode (data->chain_prev != NULL ? data->chain_prev : TD_CHAIN_ZERO, raw))
    memset (raw, 0, sizeof raw);
  td_xml_out_start (o, "Attendance");
  write_class_ref (o, data->klass);
  if (data->store != NULL && data->n_records > 0
      && !td_store_foreach_pending_attendance (data->store, data->klass->id, data->last_seq,
                                               write_streamed_record, &w, NULL))
    g_warning ("the pending attendance could not be read while writing the batch");
  if (w.session != -1)
    td_xml_out_end (o);
  td_chain_encode (raw, h);
  td_xml_out_start (o, "Chain");
  td_xml_out_attr (o, "prev", data->chain_prev != NULL ? data->chain_prev : TD_CHAIN_ZERO);
  td_xml_out_attr (o, "head", h);
  td_xml_out_attr_int (o, "count", data->n_records);
  td_xml_out_end (o);
  td_xml_out_end (o);
  if (head != NULL)
    g_strlcpy (head, h, 65);
}

/* ---- Assessment ---- */

static void
attr_score (TdXmlOut *o, const char *name, int tenths)
{
  char text[16];

  if (tenths < 0)
    return;
  if (tenths % 10 == 0)
    g_snprintf (text, sizeof text, "%d", tenths / 10);
  else
    g_snprintf (text, sizeof text, "%d.%d", tenths / 10, tenths % 10);
  td_xml_out_attr (o, name, text);
}

static void
write_result (TdXmlOut *o, const TdResult *r)
{
  td_xml_out_start (o, "Result");
  td_xml_out_attr (o, "id", r->id_number);
  attr_score (o, "theory", r->theory);
  attr_score (o, "practice", r->practice);
  td_xml_out_attr_int (o, "outcome", r->outcome);
  td_xml_out_attr (o, "retake", r->retake ? "true" : NULL);
  if (r->cert_type != 0)
    {
      td_xml_out_start (o, "Certificate");
      td_xml_out_attr_int (o, "type", r->cert_type);
      td_xml_out_attr_int (o, "level", r->cert_level);
      td_xml_out_attr (o, "number", r->cert_number);
      td_xml_out_attr (o, "issued", r->cert_issued);
      td_xml_out_attr (o, "issuer", r->cert_issuer);
      td_xml_out_end (o);
    }
  td_xml_out_end (o);
}

void
td_write_assessment (TdXmlOut *o, const TdPacketData *data)
{
  const TdClass *k = data->klass;

  td_xml_out_start (o, "Assessment");
  write_class_ref (o, k);
  td_xml_out_start (o, "Exam");
  td_xml_out_attr (o, "theoryDate", k->exam_theory_date);
  td_xml_out_attr (o, "practiceDate", k->exam_practice_date);
  td_xml_out_leaf (o, "Evaluator", k->evaluator);
  td_xml_out_leaf (o, "Place", k->exam_place);
  td_xml_out_end (o);
  for (guint i = 0; i < data->results->len; i++)
    write_result (o, g_ptr_array_index (data->results, i));
  td_xml_out_end (o);
}

/* ---- EmploymentFollowUp ---- */

void
td_write_follow_up (TdXmlOut *o, const TdPacketData *data)
{
  td_xml_out_start (o, "EmploymentFollowUp");
  write_class_ref (o, data->klass);
  for (guint i = 0; i < data->follow_ups->len; i++)
    {
      const TdFollowUp *f = g_ptr_array_index (data->follow_ups, i);

      td_xml_out_start (o, "Record");
      td_xml_out_attr (o, "id", f->id_number);
      td_xml_out_attr (o, "checked", f->checked);
      td_xml_out_attr_int (o, "status", f->status);
      td_xml_out_attr (o, "since", f->since[0] != '\0' ? f->since : NULL);
      if (f->proof != 0)
        td_xml_out_attr_int (o, "proof", f->proof);
      if (f->monthly_wage >= 0)
        td_xml_out_attr_money (o, "monthlyWage", f->monthly_wage);
      if (f->employer_credit_code != NULL && *f->employer_credit_code != '\0')
        {
          td_xml_out_start (o, "Employer");
          td_xml_out_attr (o, "creditCode", f->employer_credit_code);
          td_xml_out_attr (o, "name", f->employer_name);
          td_xml_out_end (o);
        }
      td_xml_out_end (o);
    }
  td_xml_out_end (o);
}

/* ---- SubsidyClaim ---- */

static void
write_claim_line (TdXmlOut *o, const TdSubsidyLine *l, gboolean own_account)
{
  g_autofree char *rate = td_rate_format (l->attendance_rate);

  td_xml_out_start (o, "Line");
  td_xml_out_attr (o, "id", l->enrolment->trainee.id_number);
  td_xml_out_attr_int (o, "certificate", l->certificate);
  td_xml_out_attr_int (o, "level", l->level);
  td_xml_out_attr (o, "attendanceRate", rate);
  td_xml_out_attr_money (o, "standard", l->standard);
  td_xml_out_attr_money (o, "uplift", l->uplift);
  td_xml_out_attr_money (o, "amount", l->amount);
  if (own_account)
    {
      td_xml_out_attr (o, "bank", l->enrolment->bank);
      td_xml_out_attr (o, "account", l->enrolment->account);
    }
  td_xml_out_end (o);
}

static int
payee_type (const TdClass *k)
{
  return k->payee_type >= 1 && k->payee_type <= 3 ? k->payee_type : 1;
}

void
td_write_claim (TdXmlOut *o, const TdPacketData *data, const char *created)
{
  const TdSubsidyPreview *p = data->preview;
  const TdInstitution *inst = data->inst;
  int type = payee_type (data->klass);
  char date[TD_DATE_LEN];
  int count = 0;
  TdFen total = 0;

  g_strlcpy (date, created, sizeof date);
  td_xml_out_start (o, "SubsidyClaim");
  td_xml_out_attr (o, "catalogVersion", data->klass->catalog_version);
  write_class_ref (o, data->klass);
  td_xml_out_start (o, "Payee");
  td_xml_out_attr_int (o, "type", type);
  td_xml_out_leaf (o, "AccountName", nonempty (inst->account_name, inst->name));
  td_xml_out_leaf (o, "Bank", inst->bank);
  td_xml_out_leaf (o, "Account", inst->account);
  td_xml_out_end (o);
  for (guint i = 0; i < p->lines->len; i++)
    {
      const TdSubsidyLine *l = g_ptr_array_index (p->lines, i);

      if (l->reason != TD_SUBSIDY_INCLUDED)
        continue;
      write_claim_line (o, l, type == 2);
      count++;
      total += l->amount;
    }
  td_xml_out_start (o, "Total");
  td_xml_out_attr_int (o, "count", count);
  td_xml_out_attr_money (o, "amount", total);
  td_xml_out_end (o);
  td_xml_out_start (o, "Declaration");
  td_xml_out_attr (o, "signedBy", inst->legal_rep);
  td_xml_out_attr (o, "date", date);
  td_xml_out_end (o);
  td_xml_out_end (o);
}

/* ---- ClassNotice ---- */

void
td_write_notice (TdXmlOut *o, const TdPacketData *data)
{
  const TdClass *k = data->klass;

  td_xml_out_start (o, "ClassNotice");
  write_class_ref (o, k);
  if (k->cancel_date[0] != '\0')
    {
      td_xml_out_start (o, "Cancellation");
      td_xml_out_attr (o, "date", k->cancel_date);
      td_xml_out_text (o, nonempty (k->cancel_reason, TD_DEFAULT_CANCEL_REASON));
      td_xml_out_end (o);
    }
  else
    for (guint i = 0; i < data->enrolments->len; i++)
      {
        const TdEnrolment *e = g_ptr_array_index (data->enrolments, i);

        if (e->withdrawn_date[0] == '\0')
          continue;
        td_xml_out_start (o, "Withdrawal");
        td_xml_out_attr (o, "id", e->trainee.id_number);
        td_xml_out_attr (o, "date", e->withdrawn_date);
        td_xml_out_text (o, nonempty (e->withdrawn_reason, TD_DEFAULT_WITHDRAWAL_REASON));
        td_xml_out_end (o);
      }
  td_xml_out_end (o);
}

/* ---- QuarterlyReport ---- */

void
td_write_quarterly (TdXmlOut *o, const TdPacketData *data)
{
  td_xml_out_start (o, "QuarterlyReport");
  td_xml_out_attr_int (o, "year", data->year);
  td_xml_out_attr_int (o, "quarter", data->quarter);
  for (guint i = 0; data->rows != NULL && i < data->rows->len; i++)
    {
      const TdQuarterRow *r = g_ptr_array_index (data->rows, i);

      td_xml_out_start (o, "Row");
      td_xml_out_attr (o, "action", r->action);
      td_xml_out_attr (o, "trainingType", r->training_type);
      td_xml_out_attr (o, "category", r->category);
      td_xml_out_attr_int (o, "enrolled", r->enrolled);
      td_xml_out_attr_int (o, "completed", r->completed);
      td_xml_out_attr_int (o, "certified", r->certified);
      td_xml_out_attr_int (o, "employed", r->employed);
      td_xml_out_attr_money (o, "subsidy", r->subsidy);
      td_xml_out_end (o);
    }
  td_xml_out_end (o);
}
