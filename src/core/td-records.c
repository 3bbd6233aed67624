/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/td-records.h"

/* ---- institution ---- */

TdInstitution *
td_institution_new (void)
{
  return g_new0 (TdInstitution, 1);
}

TdInstitution *
td_institution_copy (const TdInstitution *s)
{
  TdInstitution *d = td_institution_new ();

  d->credit_code = g_strdup (s->credit_code);
  d->name = g_strdup (s->name);
  d->license_no = g_strdup (s->license_no);
  d->region = g_strdup (s->region);
  d->contact_name = g_strdup (s->contact_name);
  d->contact_phone = g_strdup (s->contact_phone);
  d->legal_rep = g_strdup (s->legal_rep);
  d->account_name = g_strdup (s->account_name);
  d->bank = g_strdup (s->bank);
  d->account = g_strdup (s->account);
  return d;
}

void
td_institution_free (TdInstitution *inst)
{
  if (inst == NULL)
    return;
  g_free (inst->credit_code);
  g_free (inst->name);
  g_free (inst->license_no);
  g_free (inst->region);
  g_free (inst->contact_name);
  g_free (inst->contact_phone);
  g_free (inst->legal_rep);
  g_free (inst->account_name);
  g_free (inst->bank);
  g_free (inst->account);
  g_free (inst);
}

/* ---- catalogue ---- */

TdCatalogItem *
td_catalog_item_new (void)
{
  TdCatalogItem *item = g_new0 (TdCatalogItem, 1);

  item->standards = g_array_new (FALSE, TRUE, sizeof (TdStandard));
  return item;
}

void
td_catalog_item_free (TdCatalogItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->name);
  g_free (item->kind);
  g_array_unref (item->standards);
  g_free (item);
}

TdCatalog *
td_catalog_new (void)
{
  TdCatalog *catalog = g_new0 (TdCatalog, 1);

  catalog->calendar = td_calendar_new ();
  catalog->items = g_ptr_array_new_with_free_func ((GDestroyNotify) td_catalog_item_free);
  return catalog;
}

void
td_catalog_free (TdCatalog *catalog)
{
  if (catalog == NULL)
    return;
  g_free (catalog->version);
  g_clear_pointer (&catalog->calendar, td_calendar_free);
  g_ptr_array_unref (catalog->items);
  g_free (catalog);
}

const TdCatalogItem *
td_catalog_find_item (const TdCatalog *catalog, const char *code)
{
  g_return_val_if_fail (catalog != NULL, NULL);

  for (guint i = 0; code != NULL && i < catalog->items->len; i++)
    {
      const TdCatalogItem *item = g_ptr_array_index (catalog->items, i);
      if (g_strcmp0 (item->code, code) == 0)
        return item;
    }
  return NULL;
}

const TdStandard *
td_catalog_item_find_standard (const TdCatalogItem *item, int certificate, int level)
{
  g_return_val_if_fail (item != NULL, NULL);

  for (guint i = 0; i < item->standards->len; i++)
    {
      const TdStandard *s = &g_array_index (item->standards, TdStandard, i);
      if (s->certificate == certificate && s->level == level)
        return s;
    }
  return NULL;
}

/* ---- class ---- */

static const char *const class_status_tokens[] = {
  "draft", "awaiting", "filed", "running", "finished", "cancelled",
};

const char *
td_class_status_token (TdClassStatus status)
{
  g_return_val_if_fail (status <= TD_CLASS_CANCELLED, "draft");
  return class_status_tokens[status];
}

const char *
td_class_status_label (TdClassStatus status)
{
  switch (status)
    {
    case TD_CLASS_DRAFT: return _("Draft");
    /* TRANSLATORS: class status: the filing was exported, the bureau's receipt not imported */
    case TD_CLASS_AWAITING_RECEIPT: return _("Awaiting receipt");
    case TD_CLASS_FILED: return _("Filed");
    case TD_CLASS_RUNNING: return _("In progress");
    case TD_CLASS_FINISHED: return _("Finished");
    case TD_CLASS_CANCELLED: return _("Cancelled");
    default: return "";
    }
}

TdClass *
td_class_new (void)
{
  TdClass *klass = g_new0 (TdClass, 1);

  klass->mode = 1;
  klass->funding_source = 1;
  klass->payee_type = 1;
  return klass;
}

TdClass *
td_class_copy (const TdClass *s)
{
  TdClass *d = g_memdup2 (s, sizeof *s);

  d->code = g_strdup (s->code);
  d->title = g_strdup (s->title);
  d->catalog_version = g_strdup (s->catalog_version);
  d->item_code = g_strdup (s->item_code);
  d->item_name = g_strdup (s->item_name);
  d->venue_address = g_strdup (s->venue_address);
  d->online_platform = g_strdup (s->online_platform);
  d->assessment_method = g_strdup (s->assessment_method);
  d->partner_credit_code = g_strdup (s->partner_credit_code);
  d->partner_name = g_strdup (s->partner_name);
  d->commitment_signed_by = g_strdup (s->commitment_signed_by);
  d->filing_no = g_strdup (s->filing_no);
  d->cancel_reason = g_strdup (s->cancel_reason);
  d->evaluator = g_strdup (s->evaluator);
  d->exam_place = g_strdup (s->exam_place);
  return d;
}

void
td_class_free (TdClass *k)
{
  if (k == NULL)
    return;
  g_free (k->code);
  g_free (k->title);
  g_free (k->catalog_version);
  g_free (k->item_code);
  g_free (k->item_name);
  g_free (k->venue_address);
  g_free (k->online_platform);
  g_free (k->assessment_method);
  g_free (k->partner_credit_code);
  g_free (k->partner_name);
  g_free (k->commitment_signed_by);
  g_free (k->filing_no);
  g_free (k->cancel_reason);
  g_free (k->evaluator);
  g_free (k->exam_place);
  g_free (k);
}

void
td_class_summary_free (TdClassSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->code);
  g_free (s->title);
  g_free (s->filing_no);
  g_free (s->item_name);
  g_free (s);
}

TdTeacher *
td_teacher_new (void)
{
  return g_new0 (TdTeacher, 1);
}

void
td_teacher_free (TdTeacher *t)
{
  if (t == NULL)
    return;
  g_free (t->tid);
  g_free (t->name);
  g_free (t->id_number);
  g_free (t->qualification);
  g_free (t);
}

TdLesson *
td_lesson_new (void)
{
  TdLesson *lesson = g_new0 (TdLesson, 1);

  lesson->kind = 'T';
  return lesson;
}

TdLesson *
td_lesson_copy (const TdLesson *s)
{
  TdLesson *d = g_memdup2 (s, sizeof *s);

  d->lid = g_strdup (s->lid);
  d->teacher = g_strdup (s->teacher);
  d->content = g_strdup (s->content);
  return d;
}

void
td_lesson_free (TdLesson *l)
{
  if (l == NULL)
    return;
  g_free (l->lid);
  g_free (l->teacher);
  g_free (l->content);
  g_free (l);
}

/* ---- trainees ---- */

TdTrainee *
td_trainee_new (void)
{
  return g_new0 (TdTrainee, 1);
}

static void
trainee_copy_into (TdTrainee *d, const TdTrainee *s)
{
  *d = *s;
  d->name = g_strdup (s->name);
  d->phone = g_strdup (s->phone);
}

static void
trainee_clear (TdTrainee *t)
{
  g_clear_pointer (&t->name, g_free);
  g_clear_pointer (&t->phone, g_free);
}

TdTrainee *
td_trainee_copy (const TdTrainee *s)
{
  TdTrainee *d = td_trainee_new ();

  trainee_copy_into (d, s);
  return d;
}

void
td_trainee_free (TdTrainee *t)
{
  if (t == NULL)
    return;
  trainee_clear (t);
  g_free (t);
}

TdEnrolment *
td_enrolment_new (void)
{
  TdEnrolment *e = g_new0 (TdEnrolment, 1);

  e->employment_before = 4;
  return e;
}

TdEnrolment *
td_enrolment_copy (const TdEnrolment *s)
{
  TdEnrolment *d = g_memdup2 (s, sizeof *s);

  trainee_copy_into (&d->trainee, &s->trainee);
  d->categories = g_strdup (s->categories);
  d->withdrawn_reason = g_strdup (s->withdrawn_reason);
  d->bank = g_strdup (s->bank);
  d->account = g_strdup (s->account);
  return d;
}

void
td_enrolment_free (TdEnrolment *e)
{
  if (e == NULL)
    return;
  trainee_clear (&e->trainee);
  g_free (e->categories);
  g_free (e->withdrawn_reason);
  g_free (e->bank);
  g_free (e->account);
  g_free (e);
}

gboolean
td_enrolment_on_roster (const TdEnrolment *enrolment, const char *date)
{
  return enrolment->withdrawn_date[0] == '\0' || strcmp (enrolment->withdrawn_date, date) >= 0;
}

gboolean
td_lesson_offered (const TdClass *klass, const TdLesson *lesson, const TdEnrolment *enrolment)
{
  return td_enrolment_on_roster (enrolment, lesson->date)
         && (klass->cancel_date[0] == '\0' || strcmp (klass->cancel_date, lesson->date) >= 0);
}

gboolean
td_enrolment_has_category (const TdEnrolment *e, const char *code)
{
  g_auto (GStrv) parts = NULL;

  if (e->categories == NULL || code == NULL)
    return FALSE;
  parts = g_strsplit (e->categories, ",", -1);
  return g_strv_contains ((const char *const *) parts, code);
}

/* ---- attendance ---- */

TdAttendance *
td_attendance_new (void)
{
  return g_new0 (TdAttendance, 1);
}

TdAttendance *
td_attendance_copy (const TdAttendance *s)
{
  TdAttendance *d = g_memdup2 (s, sizeof *s);

  d->packet_id = g_strdup (s->packet_id);
  d->restates = g_strdup (s->restates);
  return d;
}

void
td_attendance_free (TdAttendance *r)
{
  if (r == NULL)
    return;
  g_free (r->packet_id);
  g_free (r->restates);
  g_free (r);
}

/* ---- results ---- */

TdResult *
td_result_new (void)
{
  TdResult *r = g_new0 (TdResult, 1);

  r->theory = -1;
  r->practice = -1;
  r->outcome = 1;
  return r;
}

TdResult *
td_result_copy (const TdResult *s)
{
  TdResult *d = g_memdup2 (s, sizeof *s);

  d->cert_number = g_strdup (s->cert_number);
  d->cert_issuer = g_strdup (s->cert_issuer);
  return d;
}

void
td_result_free (TdResult *r)
{
  if (r == NULL)
    return;
  g_free (r->cert_number);
  g_free (r->cert_issuer);
  g_free (r);
}

TdFollowUp *
td_follow_up_new (void)
{
  TdFollowUp *f = g_new0 (TdFollowUp, 1);

  f->monthly_wage = -1;
  return f;
}

TdFollowUp *
td_follow_up_copy (const TdFollowUp *s)
{
  TdFollowUp *d = g_memdup2 (s, sizeof *s);

  d->employer_credit_code = g_strdup (s->employer_credit_code);
  d->employer_name = g_strdup (s->employer_name);
  return d;
}

void
td_follow_up_free (TdFollowUp *f)
{
  if (f == NULL)
    return;
  g_free (f->employer_credit_code);
  g_free (f->employer_name);
  g_free (f);
}

TdClaimLine *
td_claim_line_new (void)
{
  TdClaimLine *line = g_new0 (TdClaimLine, 1);

  line->approved = -1;
  return line;
}

void
td_claim_line_free (TdClaimLine *line)
{
  if (line == NULL)
    return;
  g_free (line->bank);
  g_free (line->account);
  g_free (line);
}

TdClaim *
td_claim_new (void)
{
  TdClaim *claim = g_new0 (TdClaim, 1);

  claim->payee_type = 1;
  claim->approved = -1;
  claim->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) td_claim_line_free);
  return claim;
}

void
td_claim_free (TdClaim *c)
{
  if (c == NULL)
    return;
  g_free (c->packet_id);
  g_free (c->catalog_version);
  g_free (c->account_name);
  g_free (c->bank);
  g_free (c->account);
  g_free (c->signed_by);
  g_ptr_array_unref (c->lines);
  g_free (c);
}

/* ---- packets ---- */

static const char *const packet_status_tokens[] = {
  "draft", "sent", "accepted", "accepted_with_warnings", "rejected", "writing",
};

const char *
td_packet_status_token (TdPacketStatus status)
{
  g_return_val_if_fail (status <= TD_PACKET_WRITING, "draft");
  return packet_status_tokens[status];
}

const char *
td_packet_status_label (TdPacketStatus status)
{
  switch (status)
    {
    case TD_PACKET_DRAFT: return _("Draft");
    case TD_PACKET_SENT: return _("Sent");
    case TD_PACKET_ACCEPTED: return _("Accepted");
    case TD_PACKET_ACCEPTED_WITH_WARNINGS: return _("Accepted with warnings");
    case TD_PACKET_REJECTED: return _("Rejected");
    case TD_PACKET_WRITING: return _("Being written");
    default: return "";
    }
}

gboolean
td_packet_status_accepted (TdPacketStatus status)
{
  return status == TD_PACKET_ACCEPTED || status == TD_PACKET_ACCEPTED_WITH_WARNINGS;
}

static const struct
{
  const char *token;
  const char *element;
  const char *label;
} packet_kinds[TD_N_KINDS] = {
  { "filing", "ClassFiling", N_("Class filing") },
  { "roster", "Roster", N_("Roster") },
  { "attendance", "Attendance", N_("Attendance") },
  { "assessment", "Assessment", N_("Assessment") },
  { "followup", "EmploymentFollowUp", N_("Follow-up") },
  { "claim", "SubsidyClaim", N_("Subsidy claim") },
  { "notice", "ClassNotice", N_("Class notice") },
  { "quarterly", "QuarterlyReport", N_("Quarterly report") },
};

const char *
td_packet_kind_token (TdPacketKind kind)
{
  g_return_val_if_fail (kind < TD_N_KINDS, "");
  return packet_kinds[kind].token;
}

const char *
td_packet_kind_element (TdPacketKind kind)
{
  g_return_val_if_fail (kind < TD_N_KINDS, "");
  return packet_kinds[kind].element;
}

const char *
td_packet_kind_label (TdPacketKind kind)
{
  g_return_val_if_fail (kind < TD_N_KINDS, "");
  return _(packet_kinds[kind].label);
}

gboolean
td_packet_kind_from_string (const char *text, TdPacketKind *kind)
{
  for (int i = 0; text != NULL && i < TD_N_KINDS; i++)
    if (g_str_equal (text, packet_kinds[i].token) || g_str_equal (text, packet_kinds[i].element))
      {
        *kind = (TdPacketKind) i;
        return TRUE;
      }
  return FALSE;
}

void
td_packet_issue_free (TdPacketIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->rule);
  g_free (issue->severity);
  g_free (issue->ref);
  g_free (issue->message);
  g_free (issue);
}

TdPacketLog *
td_packet_log_new (void)
{
  TdPacketLog *log = g_new0 (TdPacketLog, 1);

  log->approved = -1;
  log->status = TD_PACKET_SENT;
  return log;
}

void
td_packet_log_free (TdPacketLog *log)
{
  if (log == NULL)
    return;
  g_free (log->class_code);
  g_free (log->file);
  g_free (log->supersedes);
  g_free (log->filing_no);
  g_clear_pointer (&log->content, g_bytes_unref);
  g_clear_pointer (&log->receipt, g_bytes_unref);
  g_clear_pointer (&log->issues, g_ptr_array_unref);
  g_free (log);
}

void
td_audit_entry_free (TdAuditEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->at);
  g_free (e->table_name);
  g_free (e->op);
  g_free (e->old_values);
  g_free (e->new_values);
  g_free (e->who);
  g_free (e);
}
