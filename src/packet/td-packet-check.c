/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-packet-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/td-credit-code.h"
#include "core/td-date.h"
#include "core/td-hours.h"
#include "core/td-idnumber.h"
#include "core/td-money.h"
#include "core/td-chain.h"
#include "core/td-filing-check.h"
#include "core/td-record-rules.h"
#include "packet/td-digest.h"
#include "packet/td-filing-read.h"
#include "packet/td-packet-check.h"
#include "packet/td-schema.h"

/* RULES.md R-PKT-003 */
#define EARLIEST_CREATED "2025-01-01T00:00:00+08:00"
#define CLOCK_SKEW_USEC (10 * G_TIME_SPAN_MINUTE)

typedef struct
{
  xmlDoc *doc;
  xmlNode *root;
  xmlNode *kind;
  TdFindings *findings;
  TdDay created;       /* the date of created as written */
  const char *now;
} Check;

static void report (Check *c, const char *rule, TdSeverity severity, xmlNode *node,
                    const char *ref, const char *format, ...) G_GNUC_PRINTF (6, 7);

static void
report (Check      *c,
        const char *rule,
        TdSeverity  severity,
        xmlNode    *node,
        const char *ref,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  td_findings_add_valist (c->findings, rule, severity, ref, td_xml_line (node), format, args);
  va_end (args);
}

#define ERROR(c, rule, node, ref, ...) report (c, rule, TD_SEVERITY_ERROR, node, ref, __VA_ARGS__)

/* Reading helpers */

xmlNode *
td_packet_body (xmlDoc *doc)
{
  xmlNode *root;

  g_return_val_if_fail (doc != NULL, NULL);
  root = xmlDocGetRootElement (doc);
  if (!td_xml_is (root, "Packet"))
    return NULL;
  return td_xml_child (root, "Body");
}

xmlNode *
td_packet_kind_node (xmlDoc *doc)
{
  xmlNode *kind = td_xml_first_element (td_packet_body (doc));

  return td_xml_is (kind, NULL) ? kind : NULL;
}

const char *
td_packet_kind (xmlDoc *doc)
{
  xmlNode *kind = td_packet_kind_node (doc);

  return kind != NULL ? (const char *) kind->name : NULL;
}

/* A money attribute that is absent or malformed. */
#define NO_MONEY G_MININT64

/* R-PKT-002 */

static void
check_digest (Check *c)
{
  xmlNode *digest = td_xml_child (c->root, "Digest");
  g_autofree char *written = td_xml_text (digest);
  g_autoptr(GError) error = NULL;
  g_autofree char *computed = td_digest_body (c->doc, &error);

  if (computed == NULL)
    ERROR (c, "R-PKT-002", digest, "Digest", _("The digest cannot be computed: %s"),
           error->message);
  else if (g_strcmp0 (written, computed) != 0)
    ERROR (c, "R-PKT-002", digest, "Digest",
           _("Digest %s is not the SHA-256 of the Body as sent, which is %s"), written, computed);
}

/* R-PKT-003 */

static void
check_created (Check *c)
{
  /* Stripped: white space around it is R-PKT-006's finding, not this rule's. */
  g_autofree char *created = g_strstrip (td_xml_attr (c->root, "created"));
  g_autofree char *own_now = NULL;
  gint64 when = td_instant_parse (created);
  gint64 now = c->now != NULL ? td_instant_parse (c->now) : G_MININT64;

  if (now == G_MININT64)
    {
      own_now = td_instant_now ();
      now = td_instant_parse (own_now);
    }
  if (when == G_MININT64)
    ERROR (c, "R-PKT-003", c->root, "created", _("created %s is not an instant"), created);
  else if (when < td_instant_parse (EARLIEST_CREATED))
    ERROR (c, "R-PKT-003", c->root, "created", _("created %s is before %s"), created,
           EARLIEST_CREATED);
  else if (when > now + CLOCK_SKEW_USEC)
    ERROR (c, "R-PKT-003", c->root, "created",
           _("created %s is more than 10 minutes after the receiver's clock (%s)"), created,
           c->now != NULL && own_now == NULL ? c->now : own_now);
}

/* R-PKT-006 */

typedef struct
{
  const char *element;
  const char *attribute;  /* NULL: the element's text */
} TypedValue;

/* Every place a packet holds a date, time, instant, hours, rate, money or boolean. */
static const TypedValue typed_values[] = {
  { "Packet", "created" },
  { "StartDate", NULL }, { "EndDate", NULL }, { "BirthDate", NULL },
  { "Hours", "theory" }, { "Hours", "practice" }, { "Hours", "online" },
  { "Lesson", "date" }, { "Lesson", "start" }, { "Lesson", "end" }, { "Lesson", "hours" },
  { "Lesson", "online" },
  { "Commitment", "date" }, { "Consent", "date" }, { "Declaration", "date" },
  { "Session", "date" },
  { "Record", "in" }, { "Record", "out" }, { "Record", "hours" }, { "Record", "checked" },
  { "Record", "since" }, { "Record", "monthlyWage" },
  { "Exam", "theoryDate" }, { "Exam", "practiceDate" }, { "Certificate", "issued" },
  { "Result", "retake" },
  { "Line", "attendanceRate" }, { "Line", "standard" }, { "Line", "uplift" },
  { "Line", "amount" }, { "Total", "amount" },
  { "Cancellation", "date" }, { "Withdrawal", "date" },
  { "Row", "subsidy" },
};

static gboolean
has_outer_space (const char *text)
{
  gsize len = text != NULL ? strlen (text) : 0;

  return len > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1]));
}

static void
check_typed_values (Check   *c,
                    xmlNode *node)
{
  for (guint i = 0; i < G_N_ELEMENTS (typed_values); i++)
    {
      const TypedValue *tv = &typed_values[i];
      g_autofree char *value = NULL;

      if (!xmlStrEqual (node->name, BAD_CAST tv->element))
        continue;
      value = tv->attribute != NULL ? td_xml_attr (node, tv->attribute) : td_xml_text (node);
      if (!has_outer_space (value))
        continue;
      if (tv->attribute != NULL)
        ERROR (c, "R-PKT-006", node, tv->attribute,
               _("%s/@%s “%s” has white space around the value"), tv->element, tv->attribute,
               value);
      else
        ERROR (c, "R-PKT-006", node, tv->element,
               _("%s “%s” has white space around the value"), tv->element, value);
    }
}

static void
check_namespaces (Check   *c,
                  xmlNode *node)
{
  for (xmlNode *n = node; n != NULL; n = td_xml_next_element (n))
    {
      if (n->ns == NULL || !xmlStrEqual (n->ns->href, BAD_CAST TD_NS))
        ERROR (c, "R-PKT-006", n, (const char *) n->name,
               _("Element %s is not in the namespace %s"), n->name, TD_NS);
      else if (n->ns->prefix != NULL)
        ERROR (c, "R-PKT-006", n, (const char *) n->name,
               _("Element %s is written with the prefix “%s”; packets use the namespace as "
                 "the default namespace"), n->name, n->ns->prefix);
      check_typed_values (c, n);
      check_namespaces (c, td_xml_first_element (n));
    }
}

/* R-ID-001, R-ID-002 */

static void
check_trainee_id (Check      *c,
                  xmlNode    *id_node,
                  const char *id,
                  const char *birth)
{
  xmlNode *trainee = id_node->parent;
  g_autofree char *birth_written = td_xml_child_text (trainee, "BirthDate");
  g_autofree char *gender = td_xml_child_text (trainee, "Gender");
  int id_gender = td_id_number_gender (id);

  if (g_strcmp0 (birth_written, birth) != 0)
    ERROR (c, "R-ID-002", id_node, id,
           _("Trainee %s: BirthDate %s is not the birth date %s in the id number"), id,
           birth_written, birth);
  if (id_gender != 0 && (gender == NULL || g_ascii_strtoll (gender, NULL, 10) != id_gender))
    ERROR (c, "R-ID-002", id_node, id,
           _("Trainee %s: Gender %s does not agree with the id number, whose 17th digit is %s"),
           id, gender, id_gender == 1 ? _("odd (male, 1)") : _("even (female, 2)"));
}

static void
check_citizen_id (Check      *c,
                  xmlNode    *node,
                  const char *id,
                  GHashTable *seen)
{
  char birth[11];

  if (g_hash_table_contains (seen, id))
    return;
  g_hash_table_add (seen, g_strdup (id));

  if (!td_id_number_check_digit_ok (id))
    ERROR (c, "R-ID-001", node, id, _("Id number %s: the check digit is wrong"), id);
  if (!td_id_number_birth_date (id, birth))
    ERROR (c, "R-ID-002", node, id, _("Id number %s: positions 7–14 are not a real date"), id);
  else if (c->created != 0 && td_day_from_iso (birth) > c->created)
    ERROR (c, "R-ID-002", node, id,
           _("Id number %s: the birth date %s is after the date the packet was created"), id,
           birth);
}

static void
check_ids_in (Check      *c,
              xmlNode    *node,
              GHashTable *seen)
{
  static const char *const id_attributes[] = { "Record", "Result", "Line", "Withdrawal" };

  for (xmlNode *n = node; n != NULL; n = td_xml_next_element (n))
    {
      if (td_xml_is (n, "IdNumber"))
        {
          g_autofree char *id = td_xml_text (n);
          char birth[11];

          check_citizen_id (c, n, id, seen);
          if (td_xml_is (n->parent, "Trainee") && td_id_number_birth_date (id, birth))
            check_trainee_id (c, n, id, birth);
        }
      for (guint i = 0; i < G_N_ELEMENTS (id_attributes); i++)
        if (td_xml_is (n, id_attributes[i]))
          {
            g_autofree char *id = td_xml_attr (n, "id");
            if (id != NULL)
              check_citizen_id (c, n, id, seen);
          }
      check_ids_in (c, td_xml_first_element (n), seen);
    }
}

/* R-ORG-001 */

static void
check_credit_code (Check      *c,
                   xmlNode    *node,
                   const char *code,
                   GHashTable *seen)
{
  if (code == NULL || g_hash_table_contains (seen, code))
    return;
  g_hash_table_add (seen, g_strdup (code));
  if (!td_credit_code_check_ok (code))
    report (c, "R-ORG-001", TD_SEVERITY_WARNING, node, code,
            _("Credit code %s: the check character is wrong (some early codes fail this)"),
            code);
}

static void
check_credit_codes_in (Check      *c,
                       xmlNode    *node,
                       GHashTable *seen)
{
  for (xmlNode *n = node; n != NULL; n = td_xml_next_element (n))
    {
      if (td_xml_is (n, "CreditCode"))
        {
          g_autofree char *code = td_xml_text (n);
          check_credit_code (c, n, code, seen);
        }
      else if (td_xml_is (n, "Employer"))
        {
          g_autofree char *code = td_xml_attr (n, "creditCode");
          check_credit_code (c, n, code, seen);
        }
      check_credit_codes_in (c, td_xml_first_element (n), seen);
    }
}

static void
check_identities (Check *c)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  check_ids_in (c, c->root, ids);
  check_credit_codes_in (c, c->root, codes);
}

/* Class filing: R-CLS-001, -003, -004, -005, -007, -008, -011, the rules of
 * td-filing-check.c on the filing as read, each reported at its element. */

static xmlNode *
filing_node (xmlNode *klass, GPtrArray *lesson_nodes, GPtrArray *lessons,
             const TdFilingFinding *f, const char **ref)
{
  static const char *const places[][3] = {
    /* field, element, reference */
    { "end_date", "EndDate", "EndDate" },
    { "planned_theory", "Hours", "Hours" },
    { "planned_practice", "Hours", "Hours" },
    { "planned_online", "Hours", "Hours" },
    { "online_platform", "OnlinePlatform", "OnlinePlatform" },
    { "partner", "ProjectMode", "Partner" },
    { "project_mode", "Partner", "Partner" },
    { "special_action", "SpecialAction", "SpecialAction" },
  };

  if (g_strcmp0 (f->field, "lesson") == 0)
    {
      *ref = ((TdLesson *) g_ptr_array_index (lessons, f->lesson))->lid;
      return g_ptr_array_index (lesson_nodes, f->lesson);
    }
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_strcmp0 (f->field, places[i][0]) == 0)
      {
        xmlNode *node = td_xml_child (klass, places[i][1]);

        *ref = places[i][2];
        /* "Mode 2 needs an OnlinePlatform": there is none to point at */
        return node != NULL ? node : td_xml_child (klass, "Mode");
      }
  *ref = "Class";
  return klass;
}

static void
check_filing (Check *c)
{
  xmlNode *klass = td_xml_child (c->kind, "Class");
  xmlNode *timetable = td_xml_child (c->kind, "Timetable");
  g_autoptr (TdClass) filed = td_filing_read_class (c->kind);
  g_autoptr (GPtrArray) teachers = td_filing_read_teachers (c->kind, 0);
  g_autoptr (GPtrArray) lessons = td_filing_read_lessons (c->kind, 0);
  g_autoptr (GPtrArray) lesson_nodes = g_ptr_array_new ();
  g_autoptr (GPtrArray) found = td_filing_findings_new ();

  for (xmlNode *n = td_xml_child (timetable, "Lesson"); n != NULL; n = td_xml_next (n, "Lesson"))
    g_ptr_array_add (lesson_nodes, n);
  td_filing_check_content (found, filed, lessons, teachers, TD_FILING_FOR_PACKET);
  for (guint i = 0; i < found->len; i++)
    {
      const TdFilingFinding *f = g_ptr_array_index (found, i);
      const char *ref = NULL;
      xmlNode *node = filing_node (klass, lesson_nodes, lessons, f, &ref);

      report (c, f->rule, f->error ? TD_SEVERITY_ERROR : TD_SEVERITY_WARNING, node, ref, "%s",
              f->message);
    }
}

/* Attendance: R-ATT-003 and R-ATT-004 (the parts without the timetable), R-ATT-005 */

/* The record's line of the chain (td-chain.h), its fields as written. */
static char *
chain_line (const char *date, const char *lesson, xmlNode *record)
{
  g_autofree char *id = td_xml_attr (record, "id");
  g_autofree char *status = td_xml_attr (record, "status");
  g_autofree char *in = td_xml_attr (record, "in");
  g_autofree char *out = td_xml_attr (record, "out");
  g_autofree char *hours = td_xml_attr (record, "hours");
  g_autofree char *method = td_xml_attr (record, "method");

  return td_chain_line (date != NULL ? date : "", lesson != NULL ? lesson : "",
                        id != NULL ? id : "", status != NULL ? status[0] : '\0', in, out,
                        hours != NULL ? hours : "", method != NULL ? method : "");
}

char *
td_packet_chain_head (xmlNode    *attendance,
                      const char *prev,
                      guint      *count)
{
  char h[65];
  guint n = 0;

  g_return_val_if_fail (attendance != NULL, NULL);

  if (prev == NULL || strlen (prev) != 64)
    return NULL;
  for (int i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (prev[i]))
      return NULL;
  g_strlcpy (h, prev, sizeof h);
  for (xmlNode *s = td_xml_child (attendance, "Session"); s != NULL; s = td_xml_next (s, "Session"))
    {
      g_autofree char *date = td_xml_attr (s, "date");
      g_autofree char *lesson = td_xml_attr (s, "lesson");

      for (xmlNode *r = td_xml_child (s, "Record"); r != NULL; r = td_xml_next (r, "Record"))
        {
          g_autofree char *line = chain_line (date, lesson, r);

          if (!td_chain_step (h, line, h))
            return NULL;
          n++;
        }
    }
  if (count != NULL)
    *count = n;
  /* lower case, as td_chain_step writes it, also when @prev was written in capitals */
  return g_ascii_strdown (h, -1);
}

static void
check_chain (Check *c)
{
  xmlNode *chain = td_xml_child (c->kind, "Chain");
  g_autofree char *prev = td_xml_attr (chain, "prev");
  g_autofree char *head = td_xml_attr (chain, "head");
  g_autofree char *computed = NULL;
  gint64 count = td_xml_attr_int (chain, "count", -1);
  guint n = 0;

  computed = td_packet_chain_head (c->kind, prev, &n);
  if (computed == NULL)
    {
      ERROR (c, "R-ATT-005", chain, "Chain", _("Chain/@prev %s is not a SHA-256 value"), prev);
      return;
    }
  if (g_strcmp0 (computed, head) != 0)
    ERROR (c, "R-ATT-005", chain, "Chain",
           _("Chain/@head %s does not recompute from the records; the chain gives %s"), head,
           computed);
  if (count != (gint64) n)
    {
      g_autofree char *count_text = td_xml_attr (chain, "count");
      ERROR (c, "R-ATT-005", chain, "Chain", _("Chain/@count is %s, but the batch has %u records"),
             count_text, n);
    }
}

static void
check_record_times (Check      *c,
                    xmlNode    *record,
                    const char *lesson)
{
  g_autofree char *id = td_xml_attr (record, "id");
  g_autofree char *status = td_xml_attr (record, "status");
  g_autofree char *in = td_xml_attr (record, "in");
  g_autofree char *out = td_xml_attr (record, "out");
  gboolean present = g_strcmp0 (status, "P") == 0 || g_strcmp0 (status, "L") == 0
                     || g_strcmp0 (status, "E") == 0;

  if (present && (in == NULL || out == NULL))
    ERROR (c, "R-ATT-003", record, id,
           _("Lesson %s, trainee %s: status %s needs both in and out times"), lesson, id, status);
  else if (present && td_time_from_iso (out) <= td_time_from_iso (in))
    ERROR (c, "R-ATT-003", record, id,
           _("Lesson %s, trainee %s: out %s is not after in %s"), lesson, id, out, in);
  else if (!present && (in != NULL || out != NULL))
    ERROR (c, "R-ATT-003", record, id,
           _("Lesson %s, trainee %s: status %s has no sign-in, so it carries no in or out time"),
           lesson, id, status);

  if (!present && td_xml_attr_hours (record, "hours", -1) != 0)
    {
      g_autofree char *hours = td_xml_attr (record, "hours");
      ERROR (c, "R-ATT-004", record, id,
             _("Lesson %s, trainee %s: status %s credits 0 hours, not %s"), lesson, id, status,
             hours);
    }
}

static void
check_attendance (Check *c)
{
  for (xmlNode *s = td_xml_child (c->kind, "Session"); s != NULL; s = td_xml_next (s, "Session"))
    {
      g_autofree char *lesson = td_xml_attr (s, "lesson");

      for (xmlNode *r = td_xml_child (s, "Record"); r != NULL; r = td_xml_next (r, "Record"))
        check_record_times (c, r, lesson);
    }
  check_chain (c);
}

/* Assessment: R-ASM-003, R-ASM-004 (dates) */

static void
check_certificate_number (Check      *c,
                          xmlNode    *cert,
                          const char *id)
{
  g_autofree char *number = td_xml_attr (cert, "number");
  g_autofree char *level = td_xml_attr (cert, "level");
  int level_digit = level != NULL && strlen (level) == 1 && g_ascii_isdigit (level[0])
                    ? level[0] - '0' : -1;

  switch (td_cert_number_check_skill (number, level_digit))
    {
    case TD_CERT_SKILL_NUMBER_FORM:
      ERROR (c, "R-ASM-003", cert, id,
             _("Trainee %s: certificate number %s is not Y or S followed by 21 digits"), id,
             number);
      break;
    case TD_CERT_SKILL_NUMBER_LEVEL:
      ERROR (c, "R-ASM-003", cert, id,
             _("Trainee %s: certificate number %s has level digit %c, but the level is %s"), id,
             number, number[15], level);
      break;
    case TD_CERT_SKILL_NUMBER_OK:
    default:
      break;
    }
}

static void
check_assessment (Check *c)
{
  xmlNode *exam = td_xml_child (c->kind, "Exam");
  TdDay latest = MAX (td_xml_attr_day (exam, "theoryDate"), td_xml_attr_day (exam, "practiceDate"));
  char latest_iso[11];

  td_day_to_iso (latest, latest_iso);
  for (xmlNode *r = td_xml_child (c->kind, "Result"); r != NULL; r = td_xml_next (r, "Result"))
    {
      xmlNode *cert = td_xml_child (r, "Certificate");
      g_autofree char *id = td_xml_attr (r, "id");
      g_autofree char *issued = td_xml_attr (cert, "issued");

      if (cert == NULL)
        continue;
      if (td_xml_attr_is (cert, "type", "2"))
        check_certificate_number (c, cert, id);
      if (latest != 0 && td_xml_attr_day (cert, "issued") != 0 && td_xml_attr_day (cert, "issued") < latest)
        ERROR (c, "R-ASM-004", cert, id,
               _("Trainee %s: the certificate is issued on %s, before the exam ended on %s"), id,
               issued, latest_iso);
    }
}

/* Employment follow-up: R-EMP-002 */

static void
check_follow_up_record (Check   *c,
                        xmlNode *record)
{
  g_autofree char *id = td_xml_attr (record, "id");
  g_autofree char *status = td_xml_attr (record, "status");
  gboolean employer = td_xml_child (record, "Employer") != NULL;
  g_autofree char *since = td_xml_attr (record, "since");
  g_autofree char *proof = td_xml_attr (record, "proof");
  gboolean employed = g_strcmp0 (status, "1") == 0 || g_strcmp0 (status, "2") == 0;

  if (employed && !employer)
    ERROR (c, "R-EMP-002", record, id, _("Trainee %s: status %s needs an Employer"), id, status);
  if ((employed || g_strcmp0 (status, "3") == 0) && (since == NULL || proof == NULL))
    ERROR (c, "R-EMP-002", record, id, _("Trainee %s: status %s needs since and proof"), id,
           status);
  if (g_strcmp0 (status, "4") == 0 && (employer || since != NULL || proof != NULL))
    ERROR (c, "R-EMP-002", record, id,
           _("Trainee %s: status 4 (not employed) carries no Employer, since or proof"), id);
}

static void
check_follow_up (Check *c)
{
  for (xmlNode *r = td_xml_child (c->kind, "Record"); r != NULL; r = td_xml_next (r, "Record"))
    check_follow_up_record (c, r);
}

/* Subsidy claim: R-SUB-003 (the sum), R-SUB-004, R-SUB-007 */

static void
check_claim_line (Check   *c,
                  xmlNode *line,
                  gboolean to_trainees)
{
  g_autofree char *id = td_xml_attr (line, "id");
  g_autofree char *bank = td_xml_attr (line, "bank");
  g_autofree char *account = td_xml_attr (line, "account");
  TdFen standard = td_xml_attr_money (line, "standard", NO_MONEY);
  TdFen uplift = td_xml_attr_money (line, "uplift", NO_MONEY);
  TdFen amount = td_xml_attr_money (line, "amount", NO_MONEY);

  if (standard != NO_MONEY && uplift != NO_MONEY && amount != NO_MONEY
      && amount != standard + uplift)
    {
      g_autofree char *a = td_money_format (amount);
      g_autofree char *s = td_money_format (standard);
      g_autofree char *u = td_money_format (uplift);
      ERROR (c, "R-SUB-003", line, id,
             _("Line %s: amount %s is not standard %s + uplift %s"), id, a, s, u);
    }
  if (to_trainees && (bank == NULL || account == NULL))
    ERROR (c, "R-SUB-007", line, id,
           _("Line %s: with Payee type 2 every line carries the trainee's bank and account"), id);
  else if (!to_trainees && (bank != NULL || account != NULL))
    ERROR (c, "R-SUB-007", line, id,
           _("Line %s: a bank or account on a line is only for Payee type 2"), id);
}

static void
check_claim (Check *c)
{
  gboolean to_trainees = td_xml_attr_is (td_xml_child (c->kind, "Payee"), "type", "2");
  xmlNode *total = td_xml_child (c->kind, "Total");
  TdFen sum = 0, written = td_xml_attr_money (total, "amount", NO_MONEY);
  gint64 n = 0;

  for (xmlNode *l = td_xml_child (c->kind, "Line"); l != NULL; l = td_xml_next (l, "Line"))
    {
      TdFen amount = td_xml_attr_money (l, "amount", NO_MONEY);

      check_claim_line (c, l, to_trainees);
      if (amount != NO_MONEY)
        sum += amount;
      n++;
    }
  if (td_xml_attr_int (total, "count", -1) != n)
    {
      g_autofree char *count = td_xml_attr (total, "count");
      ERROR (c, "R-SUB-004", total, "Total",
             _("Total/@count is %s, but the claim has %d lines"), count, (int) n);
    }
  if (written != NO_MONEY && written != sum)
    {
      g_autofree char *w = td_money_format (written);
      g_autofree char *s = td_money_format (sum);
      ERROR (c, "R-SUB-004", total, "Total",
             _("Total/@amount is %s, but the lines add up to %s"), w, s);
    }
}

/* Quarterly report: R-QTR-001, R-QTR-002 */

static void
check_quarterly_row (Check   *c,
                     xmlNode *row,
                     const char *key)
{
  gint64 enrolled = td_xml_attr_int (row, "enrolled", -1);
  gint64 completed = td_xml_attr_int (row, "completed", -1);
  gint64 certified = td_xml_attr_int (row, "certified", -1);
  gint64 employed = td_xml_attr_int (row, "employed", -1);

  if (completed > enrolled)
    ERROR (c, "R-QTR-002", row, key, _("Row %s: more completed than enrolled"), key);
  if (certified > completed)
    ERROR (c, "R-QTR-002", row, key, _("Row %s: more certified than completed"), key);
  if (employed > completed)
    ERROR (c, "R-QTR-002", row, key, _("Row %s: more employed than completed"), key);
}

static void
check_quarterly (Check *c)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *r = td_xml_child (c->kind, "Row"); r != NULL; r = td_xml_next (r, "Row"))
    {
      g_autofree char *action = td_xml_attr (r, "action");
      g_autofree char *type = td_xml_attr (r, "trainingType");
      g_autofree char *category = td_xml_attr (r, "category");
      char *key = g_strdup_printf ("%s/%s/%s", action, type, category);

      check_quarterly_row (c, r, key);
      if (g_hash_table_contains (keys, key))
        ERROR (c, "R-QTR-001", r, key,
               _("Row %s: action, training type and category repeat an earlier row"), key);
      g_hash_table_add (keys, key);
    }
}

/* The whole packet */

static void
check_kind (Check *c)
{
  if (td_xml_is (c->kind, "ClassFiling"))
    check_filing (c);
  else if (td_xml_is (c->kind, "Attendance"))
    check_attendance (c);
  else if (td_xml_is (c->kind, "Assessment"))
    check_assessment (c);
  else if (td_xml_is (c->kind, "EmploymentFollowUp"))
    check_follow_up (c);
  else if (td_xml_is (c->kind, "SubsidyClaim"))
    check_claim (c);
  else if (td_xml_is (c->kind, "QuarterlyReport"))
    check_quarterly (c);
}

void
td_packet_check (xmlDoc     *doc,
                 const char *receiver_now,
                 TdFindings *findings)
{
  Check c = { doc, NULL, NULL, findings, 0, receiver_now };
  g_autofree char *created = NULL;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (findings != NULL);

  /* A schema failure is the finding; rules on a malformed packet would be noise. */
  if (!td_schema_validate (doc, findings))
    return;
  c.root = xmlDocGetRootElement (doc);
  if (!td_xml_is (c.root, "Packet"))
    {
      td_findings_add (findings, "R-PKT-001", TD_SEVERITY_ERROR, (const char *) c.root->name,
                       td_xml_line (c.root), _("The document is a %s, not a Packet"),
                       c.root->name);
      return;
    }
  c.kind = td_packet_kind_node (doc);
  created = g_strstrip (td_xml_attr (c.root, "created"));
  c.created = td_instant_day (created);

  check_digest (&c);
  check_created (&c);
  check_namespaces (&c, c.root);
  check_identities (&c);
  check_kind (&c);
}
