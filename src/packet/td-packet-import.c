/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-packet-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/td-date.h"
#include "packet/td-catalog-import.h"
#include "packet/td-filing-read.h"
#include "packet/td-finding.h"
#include "packet/td-packet-check.h"
#include "packet/td-packet-import.h"
#include "packet/td-receipt.h"
#include "packet/td-validator.h"
#include "packet/td-xml-safe.h"

G_DEFINE_QUARK (td-packet-import-error-quark, td_packet_import_error)

typedef struct
{
  char *path;
  GBytes *bytes;
  xmlDoc *doc;
  xmlNode *body;                /* the element inside Body */
  TdPacketKind kind;
  char *id;
  char *created;
  gint64 created_us;
  char *digest;
  char *supersedes;
  char *class_code;
  guint order;                  /* on the command line */
} Packet;

typedef struct
{
  TdStore *store;
  GPtrArray *packets;           /* Packet*, by created */
  GHashTable *receipts;         /* packet id → GBytes* (the latest file given wins) */
  GPtrArray *lines;
  guint n_new;
} Import;

static void
packet_free (Packet *p)
{
  g_free (p->path);
  g_clear_pointer (&p->bytes, g_bytes_unref);
  g_clear_pointer (&p->doc, xmlFreeDoc);
  g_free (p->id);
  g_free (p->created);
  g_free (p->digest);
  g_free (p->supersedes);
  g_free (p->class_code);
  g_free (p);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Packet, packet_free)

/* ---- small readers ---------------------------------------------------------------------- */

static char *
class_ref_code (xmlNode *body)
{
  xmlNode *ref = td_xml_child (body, "ClassRef");

  if (ref == NULL)
    ref = td_xml_child (body, "Class");
  return ref != NULL ? td_xml_attr (ref, "code") : NULL;
}

/* ---- reading the files ------------------------------------------------------------------ */

static gboolean
refuse (GError **error, int code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError **error, int code, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL && *error == NULL)
    *error = g_error_new_valist (TD_PACKET_IMPORT_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

static Packet *
read_packet (const char *path, GBytes *bytes, xmlDoc *doc, guint order, GError **error)
{
  g_autoptr (Packet) p = g_new0 (Packet, 1);
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *digest = td_xml_child (root, "Digest");

  p->path = g_strdup (path);
  p->bytes = g_bytes_ref (bytes);
  p->doc = doc;
  p->order = order;
  p->body = td_packet_kind_node (doc);
  if (p->body == NULL || !td_packet_kind_from_string ((const char *) p->body->name, &p->kind))
    {
      refuse (error, TD_PACKET_IMPORT_ERROR_INVALID, _("%s is not a bureau packet."), path);
      return NULL;
    }
  if (p->kind == TD_KIND_QUARTERLY)
    {
      refuse (error, TD_PACKET_IMPORT_ERROR_UNSUPPORTED,
              _("%s is a quarterly report: it carries no class and is not imported."), path);
      return NULL;
    }
  p->id = td_xml_attr (root, "id");
  p->created = td_xml_attr (root, "created");
  p->created_us = p->created != NULL ? td_instant_parse (p->created) : G_MININT64;
  p->supersedes = td_xml_attr (root, "supersedes");
  p->digest = digest != NULL ? td_xml_text (digest) : g_strdup ("");
  p->class_code = class_ref_code (p->body);
  if (p->id == NULL || p->class_code == NULL)
    {
      refuse (error, TD_PACKET_IMPORT_ERROR_INVALID, _("%s is not a bureau packet."), path);
      return NULL;
    }
  return g_steal_pointer (&p);
}

static gboolean
read_file (Import *imp, const char *path, guint order, GError **error)
{
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autoptr (GBytes) bytes = td_xml_load_capped (path, error);
  g_autofree char *base = g_path_get_basename (path);
  xmlDoc *doc;
  xmlNode *root;
  gsize len = 0;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  doc = td_xml_read_memory (data != NULL ? data : "", len, base, findings);
  if (doc == NULL)
    {
      g_autofree char *text = td_findings_format (findings);
      return refuse (error, TD_PACKET_IMPORT_ERROR_INVALID, _("%s was refused:\n%s"), path,
                     g_strchomp (text));
    }
  root = xmlDocGetRootElement (doc);
  if (td_xml_is (root, "Receipt"))
    {
      g_hash_table_insert (imp->receipts, td_xml_attr (root, "packet"), g_bytes_ref (bytes));
      xmlFreeDoc (doc);
      return TRUE;
    }
  {
    Packet *p = read_packet (path, bytes, doc, order, error);
    if (p == NULL)
      return FALSE;
    g_ptr_array_add (imp->packets, p);
  }
  return TRUE;
}

static gint
compare_created (gconstpointer a, gconstpointer b)
{
  const Packet *p = *(Packet *const *) a, *q = *(Packet *const *) b;

  if (p->created_us != q->created_us)
    return p->created_us < q->created_us ? -1 : 1;
  return (int) p->order - (int) q->order;
}

/* The stored person with id number @id in *@out (NULL when none); FALSE with @error only
 * when the store cannot be read. */
static gboolean
known_trainee (TdStore *store, const char *id, TdTrainee **out, GError **error)
{
  g_autoptr (GError) local = NULL;

  *out = td_store_find_trainee (store, id, &local);
  if (local == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* The institution as stored in *@out (NULL when none); FALSE with @error only when the
 * store cannot be read. */
static gboolean
stored_institution (TdStore *store, TdInstitution **out, GError **error)
{
  g_autoptr (GError) local = NULL;

  *out = td_store_get_institution (store, &local);
  if (local == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* ---- the institution ------------------------------------------------------------------ */

static gboolean
ensure_institution (Import *imp, const Packet *p, GError **error)
{
  xmlNode *sender = td_xml_child (xmlDocGetRootElement (p->doc), "Sender");
  xmlNode *contact = td_xml_child (sender, "Contact");
  g_autofree char *code = td_xml_child_text (sender, "CreditCode");
  g_autoptr (TdInstitution) inst = NULL;

  if (!stored_institution (imp->store, &inst, error))
    return FALSE;
  if (inst != NULL)
    {
      if (g_strcmp0 (inst->credit_code, code) == 0)
        return TRUE;
      return refuse (error, TD_PACKET_IMPORT_ERROR_CONTRADICTS,
                     _("%s was sent by the institution with the credit code %s; this database "
                       "is %s's (%s)."), p->path, code, inst->name, inst->credit_code);
    }
  inst = td_institution_new ();
  inst->credit_code = g_steal_pointer (&code);
  inst->name = td_xml_child_text (sender, "Name");
  inst->license_no = td_xml_child_text (sender, "LicenseNo");
  inst->region = td_xml_child_text (sender, "Region");
  inst->contact_name = td_xml_child_text (contact, "Name");
  inst->contact_phone = td_xml_child_text (contact, "Phone");
  return td_store_save_institution (imp->store, inst, error);
}

/* What a filing or a claim says about the institution that the Sender does not: the legal
 * representative who signs, the account a claim is paid to.  Filled in when empty. */
static gboolean
complete_institution (Import *imp, const char *legal_rep, xmlNode *payee, GError **error)
{
  g_autoptr (TdInstitution) inst = NULL;
  gboolean changed = FALSE;

  if (!stored_institution (imp->store, &inst, error))
    return FALSE;
  if (inst == NULL)
    return TRUE;
  if ((inst->legal_rep == NULL || inst->legal_rep[0] == '\0') && legal_rep != NULL)
    {
      g_free (inst->legal_rep);
      inst->legal_rep = g_strdup (legal_rep);
      changed = TRUE;
    }
  if (payee != NULL && (inst->account == NULL || inst->account[0] == '\0'))
    {
      g_free (inst->account_name);
      g_free (inst->bank);
      g_free (inst->account);
      inst->account_name = td_xml_child_text (payee, "AccountName");
      inst->bank = td_xml_child_text (payee, "Bank");
      inst->account = td_xml_child_text (payee, "Account");
      changed = TRUE;
    }
  return !changed || td_store_save_institution (imp->store, inst, error);
}

/* ---- contradictions -------------------------------------------------------------------- */

static void
differ (GString *out, const char *what, const char *stored, const char *packet)
{
  if (g_strcmp0 (stored != NULL ? stored : "", packet != NULL ? packet : "") == 0)
    return;
  g_string_append_printf (out, _("\n  %s: stored “%s”, the packet “%s”"), what,
                          stored != NULL ? stored : "", packet != NULL ? packet : "");
}

static void
differ_int (GString *out, const char *what, gint64 stored, gint64 packet)
{
  g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT, stored);
  g_autofree char *b = g_strdup_printf ("%" G_GINT64_FORMAT, packet);
  differ (out, what, a, b);
}

static void
differ_class (GString *out, const TdClass *a, const TdClass *b)
{
  differ (out, "Title", a->title, b->title);
  differ (out, "CatalogItem", a->item_code, b->item_code);
  differ (out, "catalogVersion", a->catalog_version, b->catalog_version);
  differ_int (out, "Level", a->level, b->level);
  differ (out, "TrainingType", a->training_type, b->training_type);
  differ (out, "SpecialAction", a->special_action, b->special_action);
  differ_int (out, "ProjectMode", a->project_mode, b->project_mode);
  differ_int (out, "Mode", a->mode, b->mode);
  differ (out, "StartDate", a->start_date, b->start_date);
  differ (out, "EndDate", a->end_date, b->end_date);
  differ_int (out, "Hours/@theory", a->planned_theory, b->planned_theory);
  differ_int (out, "Hours/@practice", a->planned_practice, b->planned_practice);
  differ_int (out, "Hours/@online", a->planned_online, b->planned_online);
  differ_int (out, "PlannedSize", a->planned_size, b->planned_size);
  differ (out, "Venue/@region", a->venue_region, b->venue_region);
  differ (out, "Venue/Address", a->venue_address, b->venue_address);
  differ (out, "OnlinePlatform", a->online_platform, b->online_platform);
  differ_int (out, "FundingSource", a->funding_source, b->funding_source);
  differ_int (out, "AssessmentPlan/@certificate", a->certificate, b->certificate);
  differ (out, "AssessmentPlan/Method", a->assessment_method, b->assessment_method);
  differ (out, "Partner/CreditCode", a->partner_credit_code, b->partner_credit_code);
}

static void
differ_trainee (GString *out, const TdEnrolment *a, const TdEnrolment *b)
{
  differ (out, "Name", a->trainee.name, b->trainee.name);
  differ (out, "Phone", a->trainee.phone, b->trainee.phone);
  differ (out, "Education", a->trainee.education, b->trainee.education);
  differ (out, "HouseholdRegion", a->trainee.household_region, b->trainee.household_region);
  differ (out, "Categories", a->categories, b->categories);
  differ_int (out, "EmploymentBefore", a->employment_before, b->employment_before);
  differ (out, "Consent/@date", a->consent_date, b->consent_date);
}

static gboolean
contradicts (const Packet *p, const char *what, GString *diff, GError **error)
{
  if (diff->len == 0)
    return FALSE;
  refuse (error, TD_PACKET_IMPORT_ERROR_CONTRADICTS,
          _("%s (packet %s) contradicts what is stored about %s:%s"), p->path, p->id, what,
          diff->str);
  return TRUE;
}

/* ---- ClassFiling ------------------------------------------------------------------------ */

static const TdLesson *
find_lesson (GPtrArray *lessons, const char *lid)
{
  for (guint i = 0; i < lessons->len; i++)
    if (g_str_equal (((TdLesson *) g_ptr_array_index (lessons, i))->lid, lid))
      return g_ptr_array_index (lessons, i);
  return NULL;
}

static gboolean
lessons_equal (const TdLesson *a, const TdLesson *b)
{
  return g_str_equal (a->date, b->date) && g_str_equal (a->start, b->start)
         && g_str_equal (a->end, b->end) && a->hours == b->hours && a->kind == b->kind
         && a->online == b->online && g_strcmp0 (a->teacher, b->teacher) == 0
         && g_strcmp0 (a->content, b->content) == 0;
}

/* The timetable as the filing has it: changed lessons saved, new ones added, those the
 * filing no longer has removed. */
static gboolean
store_lessons (TdStore *store, gint64 class_id, GPtrArray *lessons, GError **error)
{
  g_autoptr (GPtrArray) stored = td_store_list_lessons (store, class_id, error);

  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < lessons->len; i++)
    {
      TdLesson *l = g_ptr_array_index (lessons, i);
      const TdLesson *old = find_lesson (stored, l->lid);

      if (old != NULL && lessons_equal (old, l))
        continue;
      l->id = old != NULL ? old->id : 0;
      if (!td_store_save_lesson (store, l, error))
        return FALSE;
    }
  for (guint i = 0; i < stored->len; i++)
    {
      const TdLesson *old = g_ptr_array_index (stored, i);
      if (find_lesson (lessons, old->lid) == NULL
          && !td_store_delete_lesson (store, old->id, error))
        return FALSE;
    }
  return TRUE;
}

/* A filing: a new class, the same class again, or (superseding) the class changed. */
static gboolean
apply_filing (Import *imp, const Packet *p, gboolean draft, GError **error)
{
  g_autoptr (TdClass) k = td_filing_read_class (p->body);
  g_autoptr (GError) local = NULL;
  g_autoptr (TdClass) old = td_store_get_class_by_code (imp->store, k->code, &local);
  g_autoptr (GPtrArray) teachers = NULL, lessons = NULL;
  g_autoptr (GString) diff = g_string_new (NULL);

  if (!td_store_missing_ok (&local, error))
    return FALSE;
  if (old != NULL && (draft || p->supersedes == NULL))
    {
      differ_class (diff, old, k);
      if (contradicts (p, k->code, diff, error))
        return FALSE;
      if (draft)
        return refuse (error, TD_PACKET_IMPORT_ERROR_CONTRADICTS,
                       _("Class %s is already stored."), k->code);
    }
  if (old != NULL)
    {
      /* what the filing does not carry stays as stored */
      k->id = old->id;
      g_free (k->filing_no);
      k->filing_no = g_strdup (old->filing_no);
      memcpy (k->cancel_date, old->cancel_date, sizeof k->cancel_date);
      k->cancel_reason = g_strdup (old->cancel_reason);
      memcpy (k->exam_theory_date, old->exam_theory_date, sizeof k->exam_theory_date);
      memcpy (k->exam_practice_date, old->exam_practice_date, sizeof k->exam_practice_date);
      k->evaluator = g_strdup (old->evaluator);
      k->exam_place = g_strdup (old->exam_place);
      k->payee_type = old->payee_type;
    }
  else
    g_clear_pointer (&k->filing_no, g_free);
  if (!td_store_save_class (imp->store, k, error))
    return FALSE;
  teachers = td_filing_read_teachers (p->body, k->id);
  lessons = td_filing_read_lessons (p->body, k->id);
  return td_store_set_teachers (imp->store, k->id, teachers, error)
         && store_lessons (imp->store, k->id, lessons, error)
         && complete_institution (imp, k->commitment_signed_by, NULL, error);
}

/* ---- the class of a packet ------------------------------------------------------------- */

static TdClass *
packet_class (Import *imp, const Packet *p, GError **error)
{
  g_autoptr (GError) local = NULL;
  TdClass *k = td_store_get_class_by_code (imp->store, p->class_code, &local);

  if (!td_store_missing_ok (&local, error))
    return NULL;
  if (k == NULL)
    refuse (error, TD_PACKET_IMPORT_ERROR_INVALID,
            _("%s is about class %s, whose filing is neither stored nor among the files."),
            p->path, p->class_code);
  return k;
}

/* The enrolment of @id in @k: NULL when there is none, NULL with @error when the database
 * cannot be read. */
static TdEnrolment *
enrolment_of (Import *imp, const TdClass *k, const char *id, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (TdTrainee) t = td_store_find_trainee (imp->store, id, &local);
  TdEnrolment *e = NULL;

  if (t != NULL)
    e = td_store_get_enrolment (imp->store, k->id, t->id, &local);
  td_store_missing_ok (&local, error);
  return e;
}

/* ---- Roster --------------------------------------------------------------------------- */

static TdEnrolment *
read_trainee (xmlNode *n, gint64 class_id, int position)
{
  TdEnrolment *e = td_enrolment_new ();
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  xmlNode *cats = td_xml_child (n, "Categories");

  e->class_id = class_id;
  e->position = position;
  td_xml_child_copy (n, "IdNumber", e->trainee.id_number, sizeof e->trainee.id_number);
  e->trainee.name = td_xml_child_text (n, "Name");
  e->trainee.gender = td_xml_child_int (n, "Gender", 0);
  td_xml_child_copy (n, "BirthDate", e->trainee.birth_date, sizeof e->trainee.birth_date);
  e->trainee.phone = td_xml_child_text (n, "Phone");
  td_xml_child_copy (n, "Education", e->trainee.education, sizeof e->trainee.education);
  td_xml_child_copy (n, "HouseholdRegion", e->trainee.household_region,
              sizeof e->trainee.household_region);
  for (xmlNode *c = td_xml_child (cats, "Category"); c != NULL; c = td_xml_next (c, "Category"))
    g_ptr_array_add (codes, td_xml_text (c));
  g_ptr_array_add (codes, NULL);
  e->categories = g_strjoinv (",", (char **) codes->pdata);
  e->employment_before = td_xml_child_int (n, "EmploymentBefore", 0);
  td_xml_attr_copy (td_xml_child (n, "Consent"), "date", e->consent_date, sizeof e->consent_date);
  return e;
}

static gboolean
apply_roster (Import *imp, const Packet *p, const TdClass *k, GError **error)
{
  int position = 0;

  for (xmlNode *n = td_xml_child (p->body, "Trainee"); n != NULL; n = td_xml_next (n, "Trainee"))
    {
      g_autoptr (TdEnrolment) e = read_trainee (n, k->id, ++position);
      g_autoptr (GError) local = NULL;
      g_autoptr (TdEnrolment) old = enrolment_of (imp, k, e->trainee.id_number, &local);
      g_autoptr (GString) diff = g_string_new (NULL);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (old != NULL)
        {
          differ_trainee (diff, old, e);
          if (p->supersedes == NULL && contradicts (p, e->trainee.id_number, diff, error))
            return FALSE;
          if (diff->len == 0)
            continue;
          e->id = old->id;
          e->position = old->position;
          e->trainee.id = old->trainee.id;
          memcpy (e->withdrawn_date, old->withdrawn_date, sizeof e->withdrawn_date);
          e->withdrawn_reason = g_strdup (old->withdrawn_reason);
          e->bank = g_strdup (old->bank);
          e->account = g_strdup (old->account);
        }
      if (!td_store_save_enrolment (imp->store, e, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- Attendance ------------------------------------------------------------------------ */

static gboolean
apply_attendance (Import *imp, const Packet *p, const TdClass *k, GError **error)
{
  g_autoptr (GPtrArray) lessons = td_store_list_lessons (imp->store, k->id, error);
  xmlNode *chain = td_xml_child (p->body, "Chain");
  g_autofree char *head = td_xml_attr (chain, "head"), *sent = NULL;
  TdPendingAttendance now = { 0 };

  if (lessons == NULL)
    return FALSE;
  for (xmlNode *s = td_xml_child (p->body, "Session"); s != NULL; s = td_xml_next (s, "Session"))
    {
      g_autofree char *lid = td_xml_attr (s, "lesson");
      const TdLesson *lesson = find_lesson (lessons, lid);

      if (lesson == NULL)
        return refuse (error, TD_PACKET_IMPORT_ERROR_INVALID,
                       _("%s: lesson %s is not in the filing of class %s."), p->path, lid,
                       k->code);
      for (xmlNode *r = td_xml_child (s, "Record"); r != NULL; r = td_xml_next (r, "Record"))
        {
          g_autofree char *id = td_xml_attr (r, "id"), *status = td_xml_attr (r, "status");
          g_autofree char *in = td_xml_attr (r, "in"), *out = td_xml_attr (r, "out");
          g_autofree char *method = td_xml_attr (r, "method");
          g_autoptr (TdTrainee) t = NULL;

          if (!known_trainee (imp->store, id, &t, error))
            return FALSE;
          if (t == NULL || !td_store_record_attendance (imp->store, k->id, lesson->id, t->id,
                                                        status[0], in != NULL ? in : "",
                                                        out != NULL ? out : "", method, error))
            return t == NULL ? refuse (error, TD_PACKET_IMPORT_ERROR_INVALID,
                                       _("%s: %s is not on the roster of class %s."), p->path,
                                       id, k->code)
                             : FALSE;
        }
    }
  if (!td_store_get_pending_attendance (imp->store, k->id, &now, error))
    return FALSE;
  if (!td_store_mark_attendance_sent (imp->store, k->id, now.last_seq, p->id, error))
    {
      td_pending_attendance_clear (&now);
      return FALSE;
    }
  td_pending_attendance_clear (&now);
  sent = td_store_chain_sent_head (imp->store, k->id, error);
  if (sent == NULL)
    return FALSE;
  if (g_strcmp0 (sent, head) != 0)
    return refuse (error, TD_PACKET_IMPORT_ERROR_CONTRADICTS,
                   _("%s: the attendance chain of class %s ends at %s when this batch is "
                     "added, but the batch says %s (R-ATT-005)."), p->path, k->code, sent,
                   head);
  return TRUE;
}

/* ---- Assessment ------------------------------------------------------------------------ */

/* The stored person a result, follow-up or claim line names by @id; NULL with @error when
 * the store cannot be read or the person is not on record. */
static TdTrainee *
record_trainee (Import *imp, const Packet *p, const TdClass *k, const char *id,
                GError **error)
{
  g_autoptr (TdTrainee) t = NULL;

  if (!known_trainee (imp->store, id, &t, error))
    return NULL;
  if (t == NULL)
    refuse (error, TD_PACKET_IMPORT_ERROR_INVALID, _("%s: %s is not on the roster of class %s."),
            p->path, id, k->code);
  return g_steal_pointer (&t);
}

static gboolean
apply_assessment (Import *imp, const Packet *p, TdClass *k, GError **error)
{
  xmlNode *exam = td_xml_child (p->body, "Exam");

  td_xml_attr_copy (exam, "theoryDate", k->exam_theory_date, sizeof k->exam_theory_date);
  td_xml_attr_copy (exam, "practiceDate", k->exam_practice_date, sizeof k->exam_practice_date);
  g_free (k->evaluator);
  k->evaluator = td_xml_child_text (exam, "Evaluator");
  g_free (k->exam_place);
  k->exam_place = td_xml_child_text (exam, "Place");
  if (!td_store_save_class (imp->store, k, error))
    return FALSE;
  for (xmlNode *n = td_xml_child (p->body, "Result"); n != NULL; n = td_xml_next (n, "Result"))
    {
      g_autoptr (TdResult) r = td_result_new ();
      g_autofree char *id = td_xml_attr (n, "id"), *retake = td_xml_attr (n, "retake");
      g_autofree char *theory = td_xml_attr (n, "theory"), *practice = td_xml_attr (n, "practice");
      xmlNode *cert = td_xml_child (n, "Certificate");
      g_autoptr (TdTrainee) t = NULL;

      if ((t = record_trainee (imp, p, k, id, error)) == NULL)
        return FALSE;
      r->class_id = k->id;
      r->trainee_id = t->id;
      g_strlcpy (r->id_number, id, sizeof r->id_number);
      r->theory = theory != NULL ? (int) (g_ascii_strtod (theory, NULL) * 10 + 0.5) : -1;
      r->practice = practice != NULL ? (int) (g_ascii_strtod (practice, NULL) * 10 + 0.5) : -1;
      r->outcome = td_xml_attr_int (n, "outcome", 0);
      r->retake = g_strcmp0 (retake, "true") == 0;
      if (cert != NULL)
        {
          r->cert_type = td_xml_attr_int (cert, "type", 0);
          r->cert_level = td_xml_attr_int (cert, "level", 0);
          r->cert_number = td_xml_attr (cert, "number");
          td_xml_attr_copy (cert, "issued", r->cert_issued, sizeof r->cert_issued);
          r->cert_issuer = td_xml_attr (cert, "issuer");
        }
      if (!td_store_save_result (imp->store, r, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- EmploymentFollowUp ---------------------------------------------------------------- */

static gboolean
apply_follow_up (Import *imp, const Packet *p, const TdClass *k, GError **error)
{
  for (xmlNode *n = td_xml_child (p->body, "Record"); n != NULL; n = td_xml_next (n, "Record"))
    {
      g_autoptr (TdFollowUp) f = td_follow_up_new ();
      g_autofree char *id = td_xml_attr (n, "id");
      xmlNode *employer = td_xml_child (n, "Employer");
      g_autoptr (TdTrainee) t = NULL;

      if ((t = record_trainee (imp, p, k, id, error)) == NULL)
        return FALSE;
      f->class_id = k->id;
      f->trainee_id = t->id;
      g_strlcpy (f->id_number, id, sizeof f->id_number);
      td_xml_attr_copy (n, "checked", f->checked, sizeof f->checked);
      f->status = td_xml_attr_int (n, "status", 0);
      td_xml_attr_copy (n, "since", f->since, sizeof f->since);
      f->proof = td_xml_attr_int (n, "proof", 0);
      f->monthly_wage = td_xml_attr_money (n, "monthlyWage", -1);
      if (employer != NULL)
        {
          f->employer_credit_code = td_xml_attr (employer, "creditCode");
          f->employer_name = td_xml_attr (employer, "name");
        }
      if (!td_store_save_follow_up (imp->store, f, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- ClassNotice ----------------------------------------------------------------------- */

static gboolean
apply_notice (Import *imp, const Packet *p, const TdClass *k, GError **error)
{
  xmlNode *cancel = td_xml_child (p->body, "Cancellation");

  if (cancel != NULL)
    {
      g_autofree char *date = td_xml_attr (cancel, "date"), *reason = td_xml_text (cancel);

      if (k->cancel_date[0] != '\0')
        return g_str_equal (k->cancel_date, date)
               || refuse (error, TD_PACKET_IMPORT_ERROR_CONTRADICTS,
                          _("%s: class %s is stored as cancelled on %s, the packet says %s."),
                          p->path, k->code, k->cancel_date, date);
      return td_store_cancel_class (imp->store, k->id, date, reason, error);
    }
  for (xmlNode *n = td_xml_child (p->body, "Withdrawal"); n != NULL;
       n = td_xml_next (n, "Withdrawal"))
    {
      g_autofree char *id = td_xml_attr (n, "id"), *date = td_xml_attr (n, "date");
      g_autofree char *reason = td_xml_text (n);
      g_autoptr (GError) local = NULL;
      g_autoptr (TdEnrolment) e = enrolment_of (imp, k, id, &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (e == NULL)
        return refuse (error, TD_PACKET_IMPORT_ERROR_INVALID,
                       _("%s: %s is not on the roster of class %s."), p->path, id, k->code);
      if (g_str_equal (e->withdrawn_date, date))
        continue;
      if (e->withdrawn_date[0] != '\0' && p->supersedes == NULL)
        return refuse (error, TD_PACKET_IMPORT_ERROR_CONTRADICTS,
                       _("%s: %s is stored as withdrawn on %s, the packet says %s."), p->path,
                       id, e->withdrawn_date, date);
      if (!td_store_withdraw (imp->store, k->id, e->trainee.id, date, reason, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- SubsidyClaim ---------------------------------------------------------------------- */

static gboolean
apply_claim (Import *imp, const Packet *p, TdClass *k, GError **error)
{
  g_autoptr (TdClaim) claim = td_claim_new ();
  xmlNode *payee = td_xml_child (p->body, "Payee"), *total = td_xml_child (p->body, "Total");
  xmlNode *declaration = td_xml_child (p->body, "Declaration");

  claim->class_id = k->id;
  claim->packet_id = g_strdup (p->id);
  claim->catalog_version = td_xml_attr (p->body, "catalogVersion");
  claim->payee_type = td_xml_attr_int (payee, "type", 1);
  claim->account_name = td_xml_child_text (payee, "AccountName");
  claim->bank = td_xml_child_text (payee, "Bank");
  claim->account = td_xml_child_text (payee, "Account");
  claim->signed_by = td_xml_attr (declaration, "signedBy");
  td_xml_attr_copy (declaration, "date", claim->date, sizeof claim->date);
  claim->count = td_xml_attr_int (total, "count", 0);
  claim->total = td_xml_attr_money (total, "amount", 0);
  for (xmlNode *n = td_xml_child (p->body, "Line"); n != NULL; n = td_xml_next (n, "Line"))
    {
      TdClaimLine *l = td_claim_line_new ();
      g_autofree char *id = td_xml_attr (n, "id"), *rate = td_xml_attr (n, "attendanceRate");
      g_autoptr (TdTrainee) t = NULL;

      g_ptr_array_add (claim->lines, l);
      if ((t = record_trainee (imp, p, k, id, error)) == NULL)
        return FALSE;
      l->trainee_id = t->id;
      g_strlcpy (l->id_number, id, sizeof l->id_number);
      l->certificate = td_xml_attr_int (n, "certificate", 0);
      l->level = td_xml_attr_int (n, "level", 0);
      l->attendance_rate = td_rate_parse (rate);
      l->standard = td_xml_attr_money (n, "standard", 0);
      l->uplift = td_xml_attr_money (n, "uplift", 0);
      l->amount = td_xml_attr_money (n, "amount", 0);
      l->bank = td_xml_attr (n, "bank");
      l->account = td_xml_attr (n, "account");
    }
  k->payee_type = claim->payee_type;
  return td_store_save_class (imp->store, k, error)
         && complete_institution (imp, claim->signed_by,
                                  claim->payee_type == 1 ? payee : NULL, error)
         && td_store_save_claim (imp->store, claim, error);
}

/* ---- one packet ------------------------------------------------------------------------ */

static gboolean
validate (Import *imp, const Packet *p, GError **error)
{
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autofree char *text = NULL;

  td_validator_check (imp->store, p->doc, NULL, findings);
  if (!td_findings_has_errors (findings))
    return TRUE;
  text = td_findings_format (findings);
  return refuse (error, TD_PACKET_IMPORT_ERROR_INVALID, _("%s (packet %s) was refused:\n%s"),
                 p->path, p->id, g_strchomp (text));
}

static gboolean
log_packet (Import *imp, const Packet *p, gint64 class_id, GError **error)
{
  g_autoptr (TdPacketLog) log = td_packet_log_new ();

  g_strlcpy (log->id, p->id, sizeof log->id);
  log->kind = p->kind;
  log->class_id = class_id;
  log->class_code = g_strdup (p->class_code);
  g_strlcpy (log->created, p->created, sizeof log->created);
  g_strlcpy (log->digest, p->digest, sizeof log->digest);
  log->file = g_strdup (p->path);
  log->status = TD_PACKET_SENT;
  log->supersedes = g_strdup (p->supersedes);
  log->approved = -1;
  return td_store_log_packet (imp->store, log, p->bytes, error);
}

static gboolean
apply_content (Import *imp, const Packet *p, GError **error)
{
  g_autoptr (TdClass) k = NULL;

  if (p->kind == TD_KIND_FILING && !apply_filing (imp, p, FALSE, error))
    return FALSE;
  if ((k = packet_class (imp, p, error)) == NULL)
    return FALSE;
  switch (p->kind)
    {
    case TD_KIND_ROSTER:
      return apply_roster (imp, p, k, error) && log_packet (imp, p, k->id, error);
    case TD_KIND_ATTENDANCE:
      /* the records are marked as carried by the packet: log it first */
      return log_packet (imp, p, k->id, error) && apply_attendance (imp, p, k, error);
    case TD_KIND_ASSESSMENT:
      return apply_assessment (imp, p, k, error) && log_packet (imp, p, k->id, error);
    case TD_KIND_FOLLOWUP:
      return apply_follow_up (imp, p, k, error) && log_packet (imp, p, k->id, error);
    case TD_KIND_NOTICE:
      return apply_notice (imp, p, k, error) && log_packet (imp, p, k->id, error);
    case TD_KIND_CLAIM:
      return log_packet (imp, p, k->id, error) && apply_claim (imp, p, k, error);
    default:
      return log_packet (imp, p, k->id, error);
    }
}

static gboolean
apply_receipt (Import *imp, const Packet *p, GError **error)
{
  GBytes *bytes = g_hash_table_lookup (imp->receipts, p->id);
  g_autoptr (TdReceiptSummary) summary = NULL;

  if (bytes == NULL)
    return TRUE;
  if (!td_receipt_apply_bytes (imp->store, bytes, &summary, error))
    return FALSE;
  if (!summary->already_applied && imp->lines != NULL)
    g_ptr_array_add (imp->lines, g_strdup_printf (_("%s %s %.8s: receipt applied, %s"),
                                                  td_packet_kind_token (p->kind),
                                                  p->class_code, p->id,
                                                  td_packet_status_label (summary->status)));
  return TRUE;
}

static gboolean
import_packet (Import *imp, const Packet *p, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (TdPacketLog) known = td_store_get_packet (imp->store, p->id, &local);
  const char *what;

  if (!td_store_missing_ok (&local, error))
    return FALSE;
  if (known != NULL && !g_str_equal (known->digest, p->digest))
    return refuse (error, TD_PACKET_IMPORT_ERROR_CONTRADICTS,
                   _("%s: packet %s is stored with the digest %s; this file's is %s."),
                   p->path, p->id, known->digest, p->digest);
  if (known == NULL
      && (!ensure_institution (imp, p, error) || !validate (imp, p, error)
          || !apply_content (imp, p, error)))
    return FALSE;
  what = known != NULL ? _("already stored") : _("stored");
  imp->n_new += known == NULL;
  if (imp->lines != NULL)
    g_ptr_array_add (imp->lines, g_strdup_printf ("%s %s %.8s: %s",
                                                  td_packet_kind_token (p->kind),
                                                  p->class_code, p->id, what));
  return apply_receipt (imp, p, error);
}

static gboolean
ensure_catalog (TdStore *store, GError **error)
{
  g_autoptr (GPtrArray) versions = td_store_list_catalog_versions (store, error);

  if (versions == NULL)
    return FALSE;
  return versions->len > 0 || td_catalog_import_default (store, error);
}

gboolean
td_packet_import_files (TdStore *store, const char *const *paths, GPtrArray *lines,
                        guint *n_new, GError **error)
{
  Import imp = { store, NULL, NULL, lines, 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (TD_IS_STORE (store), FALSE);
  td_xml_init ();
  imp.packets = g_ptr_array_new_with_free_func ((GDestroyNotify) packet_free);
  imp.receipts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_bytes_unref);
  for (guint i = 0; ok && paths[i] != NULL; i++)
    ok = read_file (&imp, paths[i], i, error);
  g_ptr_array_sort (imp.packets, compare_created);
  ok = ok && ensure_catalog (store, error) && td_store_begin (store, error);
  if (ok)
    {
      for (guint i = 0; ok && i < imp.packets->len; i++)
        ok = import_packet (&imp, g_ptr_array_index (imp.packets, i), error);
      if (ok)
        ok = td_store_commit (store, error);
      else
        td_store_rollback (store);
    }
  if (n_new != NULL)
    *n_new = ok ? imp.n_new : 0;
  g_ptr_array_unref (imp.packets);
  g_hash_table_unref (imp.receipts);
  return ok;
}

char *
td_packet_import_draft_filing (TdStore *store, const char *path, GError **error)
{
  Import imp = { store, NULL, NULL, NULL, 0 };
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autofree char *text = NULL;
  Packet *p;
  char *code = NULL;
  gboolean ok;

  td_xml_init ();
  imp.packets = g_ptr_array_new_with_free_func ((GDestroyNotify) packet_free);
  imp.receipts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_bytes_unref);
  ok = read_file (&imp, path, 0, error);
  p = ok && imp.packets->len == 1 ? g_ptr_array_index (imp.packets, 0) : NULL;
  if (ok && (p == NULL || p->kind != TD_KIND_FILING))
    ok = refuse (error, TD_PACKET_IMPORT_ERROR_INVALID, _("%s is not a class filing."), path);
  if (ok)
    {
      td_packet_check (p->doc, NULL, findings);
      text = td_findings_format (findings);
      if (td_findings_has_errors (findings))
        ok = refuse (error, TD_PACKET_IMPORT_ERROR_INVALID, _("%s was refused:\n%s"), path,
                     g_strchomp (text));
    }
  ok = ok && ensure_catalog (store, error) && td_store_begin (store, error);
  if (ok && ensure_institution (&imp, p, error) && apply_filing (&imp, p, TRUE, error))
    {
      ok = td_store_commit (store, error);
      code = ok ? g_strdup (p->class_code) : NULL;
    }
  else if (ok)
    td_store_rollback (store);
  g_ptr_array_unref (imp.packets);
  g_hash_table_unref (imp.receipts);
  return code;
}
