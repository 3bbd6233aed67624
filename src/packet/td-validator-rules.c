/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The (catalog) and (history) rules of RULES.md over the history view. */
#define G_LOG_DOMAIN "td-validator"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/td-filing-check.h"
#include "packet/td-digest.h"
#include "packet/td-filing-read.h"
#include "packet/td-validator-private.h"

#define ZEROS "0000000000000000000000000000000000000000000000000000000000000000"

static TdHPacket *
find_in_view (TdCheck *c, const char *id)
{
  for (guint i = 0; id != NULL && i < c->view->len; i++)
    {
      TdHPacket *p = g_ptr_array_index (c->view, i);
      if (strcmp (p->log->id, id) == 0)
        return p;
    }
  return NULL;
}

static TdDay
iso_day (const char *iso)
{
  return td_day_from_iso (iso);
}

/* Every element child of @parent named @name, as id attribute → node. */
static GHashTable *
index_by (xmlNode *parent, const char *name, const char *attr)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *n = td_xml_child (parent, name); n != NULL; n = td_xml_next (n, name))
    {
      char *key = attr != NULL ? td_xml_attr (n, attr) : td_xml_child_text (n, "IdNumber");
      if (key != NULL)
        g_hash_table_insert (map, key, n);
    }
  return map;
}

/* ---- common history rules ---- */

static void
check_id_once (TdCheck *c)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPacketLog) logged = td_store_get_packet (c->store, c->id, &local);
  g_autofree char *digest = NULL;

  if (!td_store_missing_ok (&local, &error))
    {
      g_autofree char *why = td_check_unreadable (error);
      td_check_not_checked (c, "R-PKT-005", why);
      return;
    }
  if (logged == NULL)
    return;
  digest = td_digest_body (c->doc, NULL);
  /* the same packet checked again has the logged Body and created; anything else is a
   * second packet under the id */
  if (g_strcmp0 (digest, logged->digest) != 0 || g_strcmp0 (c->created, logged->created) != 0)
    td_check_error (c, "R-PKT-005", c->id, NULL,
                    _("The packet id %s was already sent with other content; every packet "
                      "needs a new id."), c->id);
}

/* What a packet of @kind says about its class, as keys: trainees, withdrawals, results,
 * follow-up records, and an attendance batch's records (lesson|id).  NULL for the kinds
 * whose restating other rules check (a filing is whole by the schema, a claim and a report
 * are recomputed by R-SUB-* and R-QTR-003). */
static GHashTable *
said (xmlNode *kind)
{
  GHashTable *keys;

  if (td_xml_is (kind, "Roster"))
    return index_by (kind, "Trainee", NULL);
  if (td_xml_is (kind, "ClassNotice"))
    return index_by (kind, "Withdrawal", "id");
  if (td_xml_is (kind, "Assessment"))
    return index_by (kind, "Result", "id");
  if (td_xml_is (kind, "EmploymentFollowUp"))
    return index_by (kind, "Record", "id");
  if (!td_xml_is (kind, "Attendance"))
    return NULL;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (xmlNode *s = td_xml_child (kind, "Session"); s != NULL; s = td_xml_next (s, "Session"))
    {
      g_autofree char *lesson = td_xml_attr (s, "lesson");
      for (xmlNode *r = td_xml_child (s, "Record"); r != NULL; r = td_xml_next (r, "Record"))
        {
          g_autofree char *id = td_xml_attr (r, "id");
          g_hash_table_add (keys, g_strdup_printf ("%s|%s", lesson, id));
        }
    }
  return keys;
}

static gboolean
restates (xmlNode *old_kind, xmlNode *new_kind)
{
  g_autoptr (GHashTable) before = said (old_kind);
  g_autoptr (GHashTable) now = said (new_kind);
  GHashTableIter iter;
  gpointer key;

  if (before == NULL || now == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (now, key))
      return FALSE;
  return TRUE;
}

static void
check_supersedes (TdCheck *c)
{
  TdHPacket *old = find_in_view (c, c->supersedes);
  gboolean same_subject;

  if (old == NULL)
    {
      td_check_error (c, "R-PKT-004", c->supersedes, NULL,
                      _("The packet supersedes %s, which is not an accepted packet of this "
                        "institution."), c->supersedes);
      return;
    }
  if (c->class_code != NULL)
    same_subject = g_strcmp0 (old->class_code, c->class_code) == 0;
  else
    same_subject = td_xml_attr_int (old->kind, "year", -1) == td_xml_attr_int (c->kind, "year", -2)
                   && td_xml_attr_int (old->kind, "quarter", -1) == td_xml_attr_int (c->kind, "quarter",
                                                                             -2);
  if (!td_xml_is (old->kind, c->kind_name) || !same_subject || old->created >= c->created_us)
    td_check_error (c, "R-PKT-004", c->supersedes, NULL,
                    _("The packet supersedes %s, which is not an earlier %s packet about the "
                      "same class or quarter."), c->supersedes, c->kind_name);
  else if (old->superseded)
    td_check_error (c, "R-PKT-004", c->supersedes, NULL,
                    _("The packet supersedes %s, which another accepted packet already "
                      "superseded."), c->supersedes);
  else if (!restates (old->kind, c->kind))
    td_check_error (c, "R-PKT-004", c->supersedes, NULL,
                    _("The packet supersedes %s but leaves out some of what it said: a "
                      "correction restates everything."), c->supersedes);
}

static void
check_filing_no (TdCheck *c)
{
  g_autoptr (GPtrArray) filings = td_check_packets (c, "ClassFiling", c->class_code);
  const char *assigned = NULL;
  xmlNode *ref;
  g_autofree char *carried = NULL;

  for (guint i = 0; i < filings->len; i++)
    {
      TdHPacket *f = g_ptr_array_index (filings, i);
      if (f->log->filing_no != NULL)
        assigned = f->log->filing_no;
    }
  if (assigned == NULL)
    return;
  ref = td_xml_is (c->kind, "ClassFiling") ? td_xml_child (c->kind, "Class")
                                           : td_xml_child (c->kind, "ClassRef");
  carried = td_xml_attr (ref, "filingNo");
  if (g_strcmp0 (carried, assigned) != 0)
    td_check_error (c, "R-CLS-010", c->class_code, ref,
                    _("The class %s has the filing number %s, which the packet must carry in "
                      "filingNo."), c->class_code, assigned);
}

void
td_check_common (TdCheck *c)
{
  TdClassView *cv = c->klass;

  check_id_once (c);
  if (c->supersedes != NULL)
    check_supersedes (c);
  if (cv == NULL)
    return;  /* a quarterly report */
  if (cv->cancel_date[0] != '\0')
    td_check_error (c, "R-NOT-001", c->class_code, NULL,
                    _("The class %s was cancelled on %s; it accepts no further packet."),
                    c->class_code, cv->cancel_date);
  if (td_xml_is (c->kind, "ClassFiling"))
    {
      if (cv->filing != NULL && c->supersedes == NULL)
        td_check_error (c, "R-PKT-005", c->class_code, NULL,
                        _("The class %s is already filed; a new filing must supersede the "
                          "accepted one."), c->class_code);
    }
  else if (cv->filing == NULL)
    td_check_error (c, "R-PKT-005", c->class_code, NULL,
                    _("The class %s has no accepted filing yet."), c->class_code);
  check_filing_no (c);
}

/* ---- catalogue rules ---- */

static void
check_lead (TdCheck *c, xmlNode *klass, TdCatalog *catalog)
{
  g_autofree char *start = td_xml_child_text (klass, "StartDate");
  g_autoptr (GPtrArray) found = td_filing_findings_new ();

  td_filing_check_lead (found, start, catalog, c->day, TD_FILING_FOR_PACKET);
  for (guint i = 0; i < found->len; i++)
    td_check_error (c, "R-CLS-002", start, klass, "%s",
                    ((TdFilingFinding *) g_ptr_array_index (found, i))->message);
}

/* R-CLS-006 and R-CLS-009 as td-filing-check.c has them, on the filing as read. */
static void
check_filing_catalog (TdCheck *c, TdCatalog *catalog)
{
  xmlNode *klass = td_xml_child (c->kind, "Class");
  g_autoptr (TdClass) filed = td_filing_read_class (c->kind);
  g_autoptr (GPtrArray) found = td_filing_findings_new ();
  g_autofree char *size_text = td_xml_child_text (klass, "PlannedSize");

  if (c->supersedes == NULL)
    check_lead (c, klass, catalog);
  td_filing_check_catalog (found, filed, catalog, TD_FILING_FOR_PACKET);
  for (guint i = 0; i < found->len; i++)
    {
      const TdFilingFinding *f = g_ptr_array_index (found, i);

      if (g_strcmp0 (f->field, "planned_size") == 0)
        td_check_error (c, f->rule, size_text, klass, "%s", f->message);
      else if (g_strcmp0 (f->field, "timetable") == 0)
        td_check_error (c, f->rule, filed->item_code, td_xml_child (klass, "Hours"), "%s",
                        f->message);
      else
        td_check_error (c, f->rule, filed->item_code, td_xml_child (klass, "CatalogItem"),
                        "%s", f->message);
    }
}

static void
check_batch_lateness (TdCheck *c, TdCatalog *catalog)
{
  TdDay latest = 0;

  for (xmlNode *s = td_xml_child (c->kind, "Session"); s != NULL; s = td_xml_next (s, "Session"))
    latest = MAX (latest, td_xml_attr_day (s, "date"));
  if (latest != 0 && td_calendar_working_days_after (catalog->calendar, latest, c->day) > 3)
    {
      g_autofree char *date = td_day_to_iso_dup (latest);
      td_check_warning (c, "R-ATT-007", date, NULL,
                        _("The batch is created more than 3 working days after its latest "
                          "session (%s)."), date);
    }
}

void
td_check_catalog_only (TdCheck *c)
{
  gboolean filing = td_xml_is (c->kind, "ClassFiling");
  gboolean batch = td_xml_is (c->kind, "Attendance");

  if (!filing && !batch)
    return;
  if (c->catalog == NULL)
    {
      const char *const rules[] = { "R-CLS-002", "R-CLS-006", "R-CLS-009" };
      const char *why = c->catalog_unreadable != NULL ? c->catalog_unreadable
                                                      : _("the catalogue is not known");
      for (guint i = 0; i < (filing ? G_N_ELEMENTS (rules) : 0); i++)
        td_check_not_checked (c, rules[i], why);
      if (batch)
        td_check_not_checked (c, "R-ATT-007", why);
      return;
    }
  if (filing)
    check_filing_catalog (c, c->catalog);
  else
    check_batch_lateness (c, c->catalog);
}

/* ---- filing (history) ---- */

/* A node's attributes and text, recursively, ignoring white space between elements. */
static void
signature (xmlNode *node, GString *out)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      g_autofree char *v = td_xml_attr (node, (const char *) a->name);
      g_string_append_printf (out, " %s=%s", (const char *) a->name, v);
    }
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      {
        g_string_append_printf (out, "<%s", (const char *) n->name);
        signature (n, out);
        g_string_append (out, ">");
      }
    else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
      {
        g_autofree char *t = g_strstrip (g_strdup ((const char *) n->content));
        g_string_append (out, t);
      }
}

static char *
node_signature (xmlNode *node)
{
  GString *out = g_string_new (NULL);

  if (node != NULL)
    signature (node, out);
  return g_string_free (out, FALSE);
}

static gboolean
class_changed_beyond (xmlNode *old_class, xmlNode *new_class)
{
  static const char *const free_fields[] = { "Hours", "EndDate", NULL };
  gboolean changed = FALSE;

  for (xmlNode *o = td_xml_first_element (old_class); o != NULL && !changed;
       o = td_xml_next_element (o))
    {
      g_autofree char *a = NULL, *b = NULL;
      if (g_strv_contains (free_fields, (const char *) o->name))
        continue;
      a = node_signature (o);
      b = node_signature (td_xml_child (new_class, (const char *) o->name));
      changed = strcmp (a, b) != 0;
    }
  return changed;
}

static void
check_started_changes (TdCheck *c, xmlNode *old_filing)
{
  xmlNode *klass = td_xml_child (c->kind, "Class");
  g_autoptr (GHashTable) old_lessons = index_by (td_xml_child (old_filing, "Timetable"),
                                                 "Lesson", "id");
  g_autoptr (GHashTable) new_lessons = index_by (td_xml_child (c->kind, "Timetable"),
                                                 "Lesson", "id");
  GHashTableIter iter;
  gpointer key, value;

  if (class_changed_beyond (td_xml_child (old_filing, "Class"), klass))
    td_check_error (c, "R-CLS-002", c->class_code, klass,
                    _("The class has started: a corrected filing may change only teachers, "
                      "future lessons, hours, the end date and the commitment."));
  for (int pass = 0; pass < 2; pass++)
    {
      g_hash_table_iter_init (&iter, pass == 0 ? old_lessons : new_lessons);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          xmlNode *other = g_hash_table_lookup (pass == 0 ? new_lessons : old_lessons, key);
          g_autofree char *a = node_signature (value), *b = node_signature (other);
          TdDay d1 = td_xml_attr_day (value, "date"), d2 = other ? td_xml_attr_day (other, "date") : 0;
          if ((pass == 1 && other != NULL) || strcmp (a, b) == 0
              || (d1 > c->day && (other == NULL || d2 > c->day)))
            continue;
          td_check_error (c, "R-CLS-002", key, value,
                          _("The class has started: lesson %s, on or before the date of the "
                            "correction, cannot change."), (const char *) key);
        }
    }
}

void
td_check_filing (TdCheck *c)
{
  TdHPacket *old = find_in_view (c, c->supersedes);
  xmlNode *klass = td_xml_child (c->kind, "Class");
  g_autofree char *start = td_xml_child_text (klass, "StartDate");
  g_autofree char *old_start = NULL;

  if (old == NULL || !td_xml_is (old->kind, "ClassFiling"))
    return;
  old_start = td_xml_child_text (td_xml_child (old->kind, "Class"), "StartDate");
  if (g_strcmp0 (start, old_start) != 0 && c->catalog != NULL)
    check_lead (c, klass, c->catalog);
  if (c->day >= iso_day (old_start))
    check_started_changes (c, old->kind);
}

/* ---- roster ---- */

/* R-ROS-001 against one other class. */
static void
check_overlap (TdCheck *c, TdClassView *other, const char *id, xmlNode *trainee)
{
  TdDay start = iso_day (c->klass->start), end = iso_day (c->klass->end);
  TdDay o_start = iso_day (other->start), o_end = iso_day (other->end);
  const char *withdrawn = g_hash_table_lookup (other->withdrawn, id);

  if (other->cancel_date[0] != '\0')
    o_end = MIN (o_end, iso_day (other->cancel_date) - 1);
  if (!g_hash_table_contains (other->trainees, id) || o_start == 0 || o_end < o_start
      || o_end < start || o_start > end)
    return;
  if (withdrawn != NULL && iso_day (withdrawn) < start)
    return;
  td_check_error (c, "R-ROS-001", id, trainee,
                  _("Trainee %s is on the roster of class %s, whose dates overlap this "
                    "class's."), id, other->code);
}

static void
check_trainee (TdCheck *c, xmlNode *t, const char *id, GPtrArray *others)
{
  TdDay start = iso_day (c->klass->start);
  g_autofree char *birth = td_xml_child_text (t, "BirthDate");
  int age = td_day_age (iso_day (birth), start);
  xmlNode *consent = td_xml_child (t, "Consent");
  TdDay consent_day = td_xml_attr_day (consent, "date");
  const TdCatalog *catalog = c->catalog;
  gboolean graduate = FALSE;

  for (guint i = 0; i < others->len; i++)
    check_overlap (c, g_ptr_array_index (others, i), id, t);
  if (catalog != NULL && (age < catalog->rules.min_age || age > catalog->rules.max_age))
    td_check_error (c, "R-ROS-002", id, t,
                    _("Trainee %s is %d on the start date, outside the ages %d–%d."), id, age,
                    catalog->rules.min_age, catalog->rules.max_age);
  if (consent_day == 0 || consent_day > start || consent_day > c->day)
    td_check_error (c, "R-ROS-004", id, consent,
                    _("Trainee %s's consent is dated after the start date or after the "
                      "packet."), id);
  for (xmlNode *k = td_xml_child (td_xml_child (t, "Categories"), "Category"); k != NULL;
       k = td_xml_next (k, "Category"))
    {
      g_autofree char *code = td_xml_text (k);
      graduate = graduate || g_strcmp0 (code, "02") == 0;
    }
  if (graduate && age > 35)
    td_check_warning (c, "R-ROS-005", id, t,
                      _("Trainee %s is a graduate (category 02) but %d on the start date."),
                      id, age);
}

void
td_check_roster (TdCheck *c)
{
  g_autoptr (GPtrArray) rosters = td_check_packets (c, "Roster", NULL);
  g_autoptr (GPtrArray) others = g_ptr_array_new ();
  int n = 0, planned = td_class_view_int (c->klass, "PlannedSize");

  if (c->klass->filing == NULL)
    return;  /* R-PKT-005 said so */
  for (guint i = 0; i < rosters->len; i++)
    {
      TdHPacket *r = g_ptr_array_index (rosters, i);
      TdClassView *cv = td_check_class (c, r->class_code);
      if (g_strcmp0 (r->class_code, c->class_code) != 0 && !g_ptr_array_find (others, cv, NULL))
        g_ptr_array_add (others, cv);
    }
  if (c->catalog == NULL)
    td_findings_add (c->findings, "R-ROS-002", TD_SEVERITY_INFO, NULL, 0, "%s",
                     _("not checked: the catalogue is not known"));
  for (xmlNode *t = td_xml_child (c->kind, "Trainee"); t != NULL; t = td_xml_next (t, "Trainee"))
    {
      g_autofree char *id = td_xml_child_text (t, "IdNumber");
      check_trainee (c, t, id, others);
      n++;
    }
  if (n > planned)
    td_check_error (c, "R-ROS-003", c->class_code, NULL,
                    _("The roster has %d trainees, more than the planned size %d."), n, planned);
  if (c->klass->roster == NULL && c->day > iso_day (c->klass->start))
    td_check_warning (c, "R-ROS-006", c->class_code, NULL,
                      _("The class's first roster is created after its start date %s."),
                      c->klass->start);
}

/* ---- class notice ---- */

void
td_check_notice (TdCheck *c)
{
  TdClassView *cv = c->klass;
  xmlNode *cancel = td_xml_child (c->kind, "Cancellation");
  TdDay start = iso_day (cv->start), end = iso_day (cv->end);

  if (cv->filing == NULL)
    return;
  if (cancel != NULL)
    {
      TdDay d = td_xml_attr_day (cancel, "date");
      if (d > end || d > c->day)
        td_check_error (c, "R-NOT-001", c->class_code, cancel,
                        _("The cancellation is dated after the end date %s or after the "
                          "packet."), cv->end);
    }
  for (xmlNode *w = td_xml_child (c->kind, "Withdrawal"); w != NULL;
       w = td_xml_next (w, "Withdrawal"))
    {
      g_autofree char *id = td_xml_attr (w, "id");
      TdDay d = td_xml_attr_day (w, "date");
      if (!g_hash_table_contains (cv->trainees, id))
        td_check_error (c, "R-NOT-002", id, w,
                        _("Trainee %s, who withdraws, is not on the class's roster."), id);
      else if (d < start || d > end || d > c->day)
        td_check_error (c, "R-NOT-002", id, w,
                        _("Trainee %s's withdrawal is dated outside the class's dates or after "
                          "the packet."), id);
    }
  if (td_xml_child (c->kind, "Withdrawal") != NULL && cv->withdrawals != NULL
      && g_strcmp0 (c->supersedes, cv->withdrawals->log->id) != 0)
    td_check_error (c, "R-NOT-002", c->class_code, NULL,
                    _("An accepted notice already lists withdrawals; this one must supersede "
                      "it and list them all."));
}

/* ---- attendance ---- */

static void
check_record_times (TdCheck *c, xmlNode *r, xmlNode *lesson, const char *id, const char *lid)
{
  g_autofree char *status = td_xml_attr (r, "status");
  g_autofree char *in_text = td_xml_attr (r, "in");
  g_autofree char *out_text = td_xml_attr (r, "out");
  int start;
  int in = td_time_from_iso (in_text), out = td_time_from_iso (out_text);
  g_autofree char *st = td_xml_attr (lesson, "start"), *en = td_xml_attr (lesson, "end");
  int end = td_time_from_iso (en);
  TdHalves lesson_hours = td_xml_attr_hours (lesson, "hours", -1), hours = td_xml_attr_hours (r, "hours", -1);
  TdHalves expected;
  char s = status != NULL ? status[0] : '?';
  gboolean bad = FALSE;

  start = td_time_from_iso (st);
  if (s == 'A' || s == 'V' || in < 0 || out < 0)
    return;  /* (packet) */
  if (in < start - 3600 || out > end + 3600)
    bad = TRUE;
  else if (s == 'P')
    bad = in > start || out < end;
  else if (s == 'L')
    bad = in <= start;
  else if (s == 'E')
    bad = in > start || out >= end;
  if (bad)
    td_check_error (c, "R-ATT-003", id, r,
                    _("Trainee %s's record for lesson %s: the times %s–%s do not fit status %c "
                      "for the lesson's %s–%s."), id, lid, in_text, out_text, s, st, en);
  expected = s == 'P' ? lesson_hours : td_hours_credited (start, end, lesson_hours, in, out);
  if (hours != expected)
    {
      g_autofree char *want = td_hours_format (expected);
      td_check_error (c, "R-ATT-004", id, r,
                      _("Trainee %s's record for lesson %s credits the wrong hours; it should "
                        "be %s."), id, lid, want);
    }
}

static void
check_session (TdCheck *c, xmlNode *s, GHashTable *earlier)
{
  g_autofree char *lid = td_xml_attr (s, "lesson");
  g_autofree char *date = td_xml_attr (s, "date");
  xmlNode *lesson = td_class_view_lesson (c->klass, lid);
  g_autofree char *lesson_date = lesson != NULL ? td_xml_attr (lesson, "date") : NULL;

  if (lesson == NULL || g_strcmp0 (date, lesson_date) != 0)
    {
      td_check_error (c, "R-ATT-001", lid, s,
                      _("Session %s on %s is not a lesson of the class's filing on that date."),
                      lid, date);
      return;
    }
  if (g_hash_table_contains (earlier, lid))
    td_check_error (c, "R-ATT-006", lid, s,
                    _("Lesson %s is already in an accepted batch that this one does not "
                      "supersede."), lid);
  for (xmlNode *r = td_xml_child (s, "Record"); r != NULL; r = td_xml_next (r, "Record"))
    {
      g_autofree char *id = td_xml_attr (r, "id");
      const char *withdrawn = g_hash_table_lookup (c->klass->withdrawn, id);
      if (!g_hash_table_contains (c->klass->trainees, id)
          || (withdrawn != NULL && g_strcmp0 (withdrawn, date) < 0))
        td_check_error (c, "R-ATT-002", id, r,
                        _("Trainee %s, recorded for lesson %s, is not on the roster or has "
                          "withdrawn before %s."), id, lid, date);
      check_record_times (c, r, lesson, id, lid);
    }
}

void
td_check_attendance (TdCheck *c)
{
  TdClassView *cv = c->klass;
  g_autoptr (GHashTable) earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *chain = td_xml_child (c->kind, "Chain");
  g_autofree char *prev = td_xml_attr (chain, "prev");
  const char *want = ZEROS;
  g_autofree char *head = NULL;

  if (cv->filing == NULL)
    return;
  for (guint i = 0; i < cv->all_batches->len; i++)
    {
      TdHPacket *b = g_ptr_array_index (cv->all_batches, i);
      g_free (head);
      head = td_xml_attr (td_xml_child (b->kind, "Chain"), "head");
      if (b->superseded || g_strcmp0 (b->log->id, c->supersedes) == 0)
        continue;
      for (xmlNode *s = td_xml_child (b->kind, "Session"); s; s = td_xml_next (s, "Session"))
        g_hash_table_add (earlier, td_xml_attr (s, "lesson"));
    }
  if (head != NULL)
    want = head;
  if (g_strcmp0 (prev, want) != 0)
    td_check_error (c, "R-ATT-005", c->class_code, chain,
                    _("The chain's prev must be %s, the head of the class's latest accepted "
                      "batch."), want);
  for (xmlNode *s = td_xml_child (c->kind, "Session"); s != NULL; s = td_xml_next (s, "Session"))
    check_session (c, s, earlier);
}

/* ---- assessment ---- */

void
td_check_assessment (TdCheck *c)
{
  TdClassView *cv = c->klass;
  xmlNode *exam = td_xml_child (c->kind, "Exam");
  TdDay earliest = iso_day (cv->end) - 3;
  int level = td_class_view_int (cv, "Level");
  int certificate = td_xml_attr_int (td_xml_child (td_class_view_class (cv), "AssessmentPlan"),
                                 "certificate", 0);

  if (cv->filing == NULL)
    return;
  if (td_xml_attr_day (exam, "theoryDate") < earliest || td_xml_attr_day (exam, "practiceDate") < earliest)
    td_check_error (c, "R-ASM-001", c->class_code, exam,
                    _("The exam dates are more than 3 days before the class's end date %s."),
                    cv->end);
  for (xmlNode *r = td_xml_child (c->kind, "Result"); r != NULL; r = td_xml_next (r, "Result"))
    {
      g_autofree char *id = td_xml_attr (r, "id");
      int outcome = td_xml_attr_int (r, "outcome", 0);
      xmlNode *cert = td_xml_child (r, "Certificate");
      guint n = 0;

      for (xmlNode *x = cert; x != NULL; x = td_xml_next (x, "Certificate"))
        n++;
      if (!g_hash_table_contains (cv->trainees, id))
        td_check_error (c, "R-ASM-001", id, r, _("Trainee %s has a result but is not on the "
                                                 "class's roster."), id);
      if ((outcome == 1 && (n != 1 || td_xml_attr_int (cert, "type", 0) != certificate))
          || (outcome != 1 && n != 0))
        td_check_error (c, "R-ASM-002", id, r,
                        _("Trainee %s's result must carry exactly one certificate of type %d "
                          "when passed, and none otherwise."), id, certificate);
      if (cert != NULL && td_xml_attr_int (cert, "level", -1) != level)
        td_check_error (c, "R-ASM-004", id, cert,
                        _("Trainee %s's certificate level differs from the class's level %d."),
                        id, level);
    }
}

/* ---- follow-up ---- */

void
td_check_follow_up (TdCheck *c)
{
  TdClassView *cv = c->klass;
  TdDay end = iso_day (cv->end);
  int window = cv->catalog != NULL ? cv->catalog->rules.employment_window_days
               : c->catalog != NULL ? c->catalog->rules.employment_window_days : -1;

  if (cv->filing == NULL)
    return;
  for (xmlNode *r = td_xml_child (c->kind, "Record"); r != NULL; r = td_xml_next (r, "Record"))
    {
      g_autofree char *id = td_xml_attr (r, "id");
      TdDay since = td_xml_attr_day (r, "since");
      if (!g_hash_table_contains (cv->trainees, id) || td_xml_attr_day (r, "checked") <= end)
        td_check_error (c, "R-EMP-001", id, r,
                        _("Trainee %s's follow-up is not on the roster or is checked on or "
                          "before the end date %s."), id, cv->end);
      if (since != 0 && window >= 0 && (since <= end || since > end + (TdDay) window))
        td_check_warning (c, "R-EMP-003", id, r,
                          _("Trainee %s started work outside the %d days after the end date; "
                            "the record earns no uplift."), id, window);
    }
}

/* ---- subsidy claim ---- */

/* The standard of R-SUB-002 for the class's item at @certificate/@level, -1 when none. */
static TdFen
expected_standard (TdClassView *cv, TdCatalog *catalog, int certificate, int level)
{
  g_autofree char *code = td_xml_attr (td_xml_child (td_class_view_class (cv), "CatalogItem"),
                                       "code");
  const TdCatalogItem *item = td_catalog_find_item (catalog, code);
  const TdStandard *s = item ? td_catalog_item_find_standard (item, certificate, level) : NULL;

  if (s == NULL)
    return -1;
  if (s->per_hour >= 0)
    return MIN (td_money_times_halves (s->per_hour, td_class_view_planned (cv)), s->amount);
  return s->amount;
}

static TdFen
expected_uplift (TdClassView *cv, TdCatalog *catalog, const char *id, TdFen standard)
{
  xmlNode *f = td_class_view_follow_up (cv, id);
  int status = td_xml_attr_int (f, "status", 0);
  TdDay since = td_xml_attr_day (f, "since"), end = iso_day (cv->end);

  if (f == NULL || status < 1 || status > 3 || td_xml_attr_int (f, "proof", 0) == 0
      || since <= end || since > end + (TdDay) catalog->rules.employment_window_days)
    return 0;
  return td_money_times_rate (standard, catalog->rules.employment_uplift_rate);
}

/* One entry of what a trainee was already subsidised for. */
typedef struct
{
  char *item;
  int certificate;
  int level;
  int year;
} Subsidised;

static void
collect_subsidised (TdCheck *c, const char *id, GArray *out)
{
  g_autoptr (GPtrArray) claims = td_check_packets (c, "SubsidyClaim", NULL);

  for (guint i = 0; i < claims->len; i++)
    {
      TdHPacket *p = g_ptr_array_index (claims, i);
      TdClassView *cv;
      if (p->superseded || g_strcmp0 (p->log->id, c->supersedes) == 0
          || (p->approved != NULL && !g_hash_table_contains (p->approved, id)))
        continue;
      cv = td_check_class (c, p->class_code);
      for (xmlNode *l = td_xml_child (p->kind, "Line"); l != NULL; l = td_xml_next (l, "Line"))
        {
          g_autofree char *lid = td_xml_attr (l, "id");
          Subsidised s = { 0 };
          if (g_strcmp0 (lid, id) != 0)
            continue;
          s.item = td_xml_attr (td_xml_child (td_class_view_class (cv), "CatalogItem"), "code");
          s.certificate = td_xml_attr_int (l, "certificate", 0);
          s.level = td_xml_attr_int (l, "level", 0);
          s.year = td_day_year (iso_day (cv->end));
          g_array_append_val (out, s);
        }
    }
}

static void
check_limits (TdCheck *c, xmlNode *line, const char *id, TdCatalog *catalog)
{
  g_autoptr (GArray) done = g_array_new (FALSE, TRUE, sizeof (Subsidised));
  g_autofree char *item = td_xml_attr (td_xml_child (td_class_view_class (c->klass),
                                                     "CatalogItem"), "code");
  int certificate = td_xml_attr_int (line, "certificate", 0), level = td_xml_attr_int (line, "level", 0);
  int year = td_day_year (iso_day (c->klass->end)), in_year = 1;
  gboolean twice = FALSE, lower = FALSE;

  collect_subsidised (c, id, done);
  for (guint i = 0; i < done->len; i++)
    {
      Subsidised *s = &g_array_index (done, Subsidised, i);
      in_year += s->year == year;
      if (g_strcmp0 (s->item, item) == 0)
        {
          twice = twice || (s->certificate == certificate && s->level == level);
          lower = lower || (s->level > 0 && level > s->level);
        }
      g_free (s->item);
    }
  if (in_year > catalog->rules.max_subsidies_per_year || twice || lower)
    td_check_error (c, "R-SUB-005", id, line,
                    _("Trainee %s was already subsidised: at most %d subsidies a year, never "
                      "twice for the same item, certificate and level, never a lower level."),
                    id, catalog->rules.max_subsidies_per_year);
}

static void
check_line (TdCheck *c, xmlNode *line, TdCatalog *catalog)
{
  TdClassView *cv = c->klass;
  g_autofree char *id = td_xml_attr (line, "id");
  g_autofree char *rate_text = td_xml_attr (line, "attendanceRate");
  xmlNode *result = td_class_view_result (cv, id);
  xmlNode *cert = td_xml_child (result, "Certificate");
  TdRate rate = td_class_view_rate (cv, id);
  TdFen standard;

  if (!td_class_view_enrolled (cv, id) || td_xml_attr_int (result, "outcome", 0) != 1
      || rate < catalog->rules.min_attendance_rate || td_rate_parse (rate_text) != rate)
    {
      g_autofree char *want = td_rate_format (rate);
      td_check_error (c, "R-SUB-001", id, line,
                      _("Trainee %s cannot be claimed so: not enrolled, not passed, or "
                        "attendance rate not %s (at least the catalogue's minimum)."), id, want);
    }
  standard = expected_standard (cv, catalog, td_xml_attr_int (cert, "type", 0),
                                td_xml_attr_int (cert, "level", -1));
  if (cert == NULL || td_xml_attr_int (cert, "type", 0) != td_xml_attr_int (line, "certificate", -1)
      || td_xml_attr_int (cert, "level", -1) != td_xml_attr_int (line, "level", -2)
      || standard != td_xml_attr_money (line, "standard", -1))
    td_check_error (c, "R-SUB-002", id, line,
                    _("Trainee %s's line does not match the certificate or the catalogue's "
                      "standard for it."), id);
  else if (td_xml_attr_money (line, "uplift", -1) != expected_uplift (cv, catalog, id, standard))
    {
      g_autofree char *want = td_money_format (expected_uplift (cv, catalog, id, standard));
      td_check_error (c, "R-SUB-003", id, line,
                      _("Trainee %s's uplift should be %s."), id, want);
    }
  check_limits (c, line, id, catalog);
}

void
td_check_claim (TdCheck *c)
{
  TdClassView *cv = c->klass;
  TdCatalog *catalog = cv->catalog != NULL ? cv->catalog : c->catalog;
  TdDay end = iso_day (cv->end);

  if (cv->filing == NULL)
    return;
  if (catalog == NULL)
    {
      const char *const rules[] = { "R-SUB-001", "R-SUB-002", "R-SUB-003", "R-SUB-005",
                                    "R-SUB-006" };
      for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
        td_findings_add (c->findings, rules[i], TD_SEVERITY_INFO, NULL, 0, "%s",
                         _("not checked: the catalogue is not known"));
      return;
    }
  for (xmlNode *l = td_xml_child (c->kind, "Line"); l != NULL; l = td_xml_next (l, "Line"))
    check_line (c, l, catalog);
  if (c->day <= end || c->day > end + (TdDay) catalog->rules.claim_window_days
      || cv->assessments->len == 0)
    td_check_error (c, "R-SUB-006", c->class_code, NULL,
                    _("The claim must be created after the end date %s, within %d days, and "
                      "after the class's assessment was accepted."), cv->end,
                    catalog->rules.claim_window_days);
}

/* ---- quarterly report ---- */

typedef struct
{
  int enrolled, completed, certified, employed;
  TdFen subsidy;
  GHashTable *seen;             /* ids counted in this row */
} QRow;

static void
qrow_free (QRow *row)
{
  g_hash_table_unref (row->seen);
  g_free (row);
}

static TdFen
approved_for (TdClassView *cv, const char *id)
{
  TdFen sum = 0;

  for (guint i = 0; i < cv->claims->len; i++)
    {
      TdHPacket *p = g_ptr_array_index (cv->claims, i);
      for (xmlNode *l = td_xml_child (p->kind, "Line"); l != NULL; l = td_xml_next (l, "Line"))
        {
          g_autofree char *lid = td_xml_attr (l, "id");
          TdFen *approved;
          if (g_strcmp0 (lid, id) != 0)
            continue;
          if (p->approved == NULL)
            sum += MAX (td_xml_attr_money (l, "amount", -1), 0);
          else if ((approved = g_hash_table_lookup (p->approved, id)) != NULL)
            sum += MAX (*approved, 0);
        }
    }
  return sum;
}

static void
count_trainee (TdClassView *cv, xmlNode *t, const char *id, GHashTable *rows)
{
  g_autofree char *action = td_class_view_text (cv, "SpecialAction");
  g_autofree char *type = td_class_view_text (cv, "TrainingType");
  TdRate min = cv->catalog != NULL ? cv->catalog->rules.min_attendance_rate : 0;
  gboolean completed = td_class_view_rate (cv, id) >= min;
  gboolean certified = completed && td_xml_attr_int (td_class_view_result (cv, id), "outcome", 0) == 1;
  int status = td_xml_attr_int (td_class_view_follow_up (cv, id), "status", 0);
  gboolean employed = completed && status >= 1 && status <= 3;
  TdFen subsidy = approved_for (cv, id);

  for (xmlNode *k = td_xml_child (td_xml_child (t, "Categories"), "Category"); k != NULL;
       k = td_xml_next (k, "Category"))
    {
      g_autofree char *code = td_xml_text (k);
      char *key = g_strdup_printf ("%s|%s|%s", action, type, code);
      QRow *row = g_hash_table_lookup (rows, key);
      if (row == NULL)
        {
          row = g_new0 (QRow, 1);
          row->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (rows, g_strdup (key), row);
        }
      g_free (key);
      if (!g_hash_table_add (row->seen, g_strdup (id)))
        continue;
      row->enrolled++;
      row->completed += completed;
      row->certified += certified;
      row->employed += employed;
      row->subsidy += subsidy;
    }
}

static GHashTable *
quarter_rows (TdCheck *c, int year, int quarter)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) qrow_free);
  g_autoptr (GPtrArray) filings = td_check_packets (c, "ClassFiling", NULL);

  for (guint i = 0; i < filings->len; i++)
    {
      TdHPacket *f = g_ptr_array_index (filings, i);
      TdClassView *cv = td_check_class (c, f->class_code);
      TdDay end = iso_day (cv->end);
      GHashTableIter iter;
      gpointer id, t;

      if (cv->filing != f || cv->cancel_date[0] != '\0' || td_day_year (end) != year
          || (td_day_month (end) - 1) / 3 + 1 != quarter)
        continue;
      g_hash_table_iter_init (&iter, cv->trainees);
      while (g_hash_table_iter_next (&iter, &id, &t))
        if (!g_hash_table_contains (cv->withdrawn, id))
          count_trainee (cv, t, id, rows);
    }
  return rows;
}

static void
compare_row (TdCheck *c, xmlNode *r, QRow *want, const char *key)
{
  TdFen subsidy = td_xml_attr_money (r, "subsidy", -1);
  g_autofree char *money = td_money_format (want != NULL ? want->subsidy : 0);

  if (want == NULL
      ? td_xml_attr_int (r, "enrolled", 0) != 0 || subsidy > 0
      : td_xml_attr_int (r, "enrolled", -1) != want->enrolled
        || td_xml_attr_int (r, "completed", -1) != want->completed
        || td_xml_attr_int (r, "certified", -1) != want->certified
        || td_xml_attr_int (r, "employed", -1) != want->employed || subsidy != want->subsidy)
    td_check_error (c, "R-QTR-003", key, r,
                    _("Row %s does not match the accepted packets: enrolled %d, completed %d, "
                      "certified %d, employed %d, subsidy %s."), key,
                    want ? want->enrolled : 0, want ? want->completed : 0,
                    want ? want->certified : 0, want ? want->employed : 0, money);
}

void
td_check_quarterly (TdCheck *c)
{
  int year = td_xml_attr_int (c->kind, "year", 0), quarter = td_xml_attr_int (c->kind, "quarter", 0);
  g_autoptr (GHashTable) rows = quarter_rows (c, year, quarter);
  g_autoptr (GPtrArray) reports = td_check_packets (c, "QuarterlyReport", NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (xmlNode *r = td_xml_child (c->kind, "Row"); r != NULL; r = td_xml_next (r, "Row"))
    {
      g_autofree char *a = td_xml_attr (r, "action"), *t = td_xml_attr (r, "trainingType");
      g_autofree char *k = td_xml_attr (r, "category");
      g_autofree char *id = g_strdup_printf ("%s|%s|%s", a, t, k);
      compare_row (c, r, g_hash_table_lookup (rows, id), id);
      g_hash_table_remove (rows, id);
    }
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    td_check_error (c, "R-QTR-003", key, NULL,
                    _("Row %s is missing: the accepted packets count %d trainees in it."),
                    (const char *) key, ((QRow *) value)->enrolled);
  for (guint i = 0; i < reports->len; i++)
    {
      TdHPacket *p = g_ptr_array_index (reports, i);
      if (td_xml_attr_int (p->kind, "year", 0) == year && td_xml_attr_int (p->kind, "quarter", 0) == quarter
          && !p->superseded && g_strcmp0 (p->log->id, c->supersedes) != 0)
        td_check_error (c, "R-QTR-003", p->log->id, NULL,
                        _("Quarter %d/%d was already reported in %s; this report must supersede "
                          "it."), quarter, year, p->log->id);
    }
}
