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
#include "packet/td-digest.h"
#include "packet/td-packet-check.h"
#include "packet/td-schema.h"

/* RULES.md R-PKT-003 */
#define EARLIEST_CREATED "2025-01-01T00:00:00+08:00"
#define CLOCK_SKEW_USEC (10 * G_TIME_SPAN_MINUTE)
#define MAX_FILING_DAYS 366

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

/* The hours (in halves) of an HoursType attribute, -1 when absent or malformed. */
static TdHalves
attr_halves (xmlNode    *node,
             const char *name)
{
  g_autofree char *text = td_xml_attr (node, name);

  return text != NULL ? td_hours_parse (text) : -1;
}

static int
attr_time (xmlNode    *node,
           const char *name)
{
  g_autofree char *text = td_xml_attr (node, name);

  return text != NULL ? td_time_from_iso (text) : -1;
}

static TdDay
attr_day (xmlNode    *node,
          const char *name)
{
  g_autofree char *text = td_xml_attr (node, name);

  return text != NULL ? td_day_from_iso (text) : 0;
}

static TdDay
child_day (xmlNode    *node,
           const char *name)
{
  g_autofree char *text = td_xml_child_text (node, name);

  return text != NULL ? td_day_from_iso (text) : 0;
}

static gboolean
attr_money (xmlNode    *node,
            const char *name,
            TdFen      *out)
{
  g_autofree char *text = td_xml_attr (node, name);

  return text != NULL && td_money_parse (text, out);
}

static gint64
attr_int (xmlNode    *node,
          const char *name)
{
  g_autofree char *text = td_xml_attr (node, name);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static gboolean
attr_is (xmlNode    *node,
         const char *name,
         const char *value)
{
  g_autofree char *text = td_xml_attr (node, name);

  return g_strcmp0 (text, value) == 0;
}

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

/* Class filing: R-CLS-001, -003, -004, -005, -007, -008, -011 */

typedef struct
{
  xmlNode *node;
  char *id;
  TdDay date;
  int start;
  int end;
} Lesson;

static void
lesson_clear (gpointer data)
{
  Lesson *lesson = data;

  g_free (lesson->id);
}

static void
check_filing_dates (Check   *c,
                    xmlNode *klass,
                    TdDay    start,
                    TdDay    end)
{
  xmlNode *end_node = td_xml_child (klass, "EndDate");

  if (start == 0 || end == 0)
    return;
  if (end < start)
    ERROR (c, "R-CLS-001", end_node, "EndDate", _("EndDate is before StartDate"));
  else if (end - start > MAX_FILING_DAYS)
    ERROR (c, "R-CLS-001", end_node, "EndDate",
           _("EndDate is %u days after StartDate; a class lasts at most %d days"),
           (guint) (end - start), MAX_FILING_DAYS);
}

static void
check_hours_sum (Check      *c,
                 xmlNode    *hours,
                 const char *attribute,
                 TdHalves    sum)
{
  TdHalves filed = attr_halves (hours, attribute);
  g_autofree char *sum_text = td_hours_format (sum);
  g_autofree char *filed_text = td_xml_attr (hours, attribute);

  if (filed < 0 || filed == sum)
    return;
  if (g_str_equal (attribute, "theory"))
    ERROR (c, "R-CLS-003", hours, "Hours",
           _("The theory lessons add up to %s hours, but Hours/@theory is %s"), sum_text,
           filed_text);
  else if (g_str_equal (attribute, "practice"))
    ERROR (c, "R-CLS-003", hours, "Hours",
           _("The practice lessons add up to %s hours, but Hours/@practice is %s"), sum_text,
           filed_text);
  else
    ERROR (c, "R-CLS-003", hours, "Hours",
           _("The online lessons add up to %s hours, but Hours/@online is %s"), sum_text,
           filed_text);
}

static void
check_lesson (Check   *c,
              Lesson  *lesson,
              TdDay    start,
              TdDay    end,
              GHashTable *teachers)
{
  g_autofree char *hours_text = td_xml_attr (lesson->node, "hours");
  g_autofree char *start_text = td_xml_attr (lesson->node, "start");
  g_autofree char *end_text = td_xml_attr (lesson->node, "end");
  g_autofree char *date_text = td_xml_attr (lesson->node, "date");
  g_autofree char *teacher = td_xml_attr (lesson->node, "teacher");
  TdHalves hours = td_hours_parse (hours_text);

  if (lesson->date != 0 && start != 0 && end != 0 && (lesson->date < start || lesson->date > end))
    ERROR (c, "R-CLS-004", lesson->node, lesson->id,
           _("Lesson %s: the date %s is outside StartDate..EndDate"), lesson->id, date_text);
  if (lesson->end <= lesson->start)
    ERROR (c, "R-CLS-004", lesson->node, lesson->id,
           _("Lesson %s: the end %s is not after the start %s"), lesson->id, end_text, start_text);
  else if (hours > td_hours_of_interval (lesson->start, lesson->end))
    {
      g_autofree char *max = td_hours_format (td_hours_of_interval (lesson->start, lesson->end));
      ERROR (c, "R-CLS-004", lesson->node, lesson->id,
             _("Lesson %s: hours %s is more than the %s class hours of %s–%s"), lesson->id,
             hours_text, max, start_text, end_text);
    }
  if (teacher != NULL && !g_hash_table_contains (teachers, teacher))
    ERROR (c, "R-CLS-005", lesson->node, lesson->id,
           _("Lesson %s: the teacher %s is not a Teacher of the filing"), lesson->id, teacher);
}

static int
compare_lessons (gconstpointer a,
                 gconstpointer b)
{
  const Lesson *la = a;
  const Lesson *lb = b;

  if (la->date != lb->date)
    return la->date < lb->date ? -1 : 1;
  if (la->start != lb->start)
    return la->start < lb->start ? -1 : 1;
  return (la->end > lb->end) - (la->end < lb->end);
}

/* Half-open intervals: sorted by date and start, a lesson overlaps when it starts before the
 * latest end so far that day. */
static void
check_overlaps (Check  *c,
                GArray *lessons)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (Lesson), lessons->len);
  const Lesson *latest = NULL;

  for (guint i = 0; i < lessons->len; i++)
    if (g_array_index (lessons, Lesson, i).end > g_array_index (lessons, Lesson, i).start)
      g_array_append_val (sorted, g_array_index (lessons, Lesson, i));
  g_array_sort (sorted, compare_lessons);

  for (guint i = 0; i < sorted->len; i++)
    {
      const Lesson *l = &g_array_index (sorted, Lesson, i);

      if (latest != NULL && latest->date == l->date && l->start < latest->end)
        ERROR (c, "R-CLS-005", l->node, l->id, _("Lesson %s overlaps lesson %s"), l->id,
               latest->id);
      if (latest == NULL || latest->date != l->date || l->end > latest->end)
        latest = l;
    }
}

static GHashTable *
teacher_ids (xmlNode *filing)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *teachers = td_xml_child (filing, "Teachers");

  for (xmlNode *t = td_xml_child (teachers, "Teacher"); t != NULL; t = td_xml_next (t, "Teacher"))
    {
      char *id = td_xml_attr (t, "id");
      if (id != NULL)
        g_hash_table_add (ids, id);
    }
  return ids;
}

static GArray *
read_lessons (xmlNode *filing)
{
  GArray *lessons = g_array_new (FALSE, TRUE, sizeof (Lesson));
  xmlNode *timetable = td_xml_child (filing, "Timetable");

  g_array_set_clear_func (lessons, lesson_clear);
  for (xmlNode *n = td_xml_child (timetable, "Lesson"); n != NULL; n = td_xml_next (n, "Lesson"))
    {
      Lesson lesson = { n, td_xml_attr (n, "id"), attr_day (n, "date"), attr_time (n, "start"),
                        attr_time (n, "end") };
      g_array_append_val (lessons, lesson);
    }
  return lessons;
}

static void
check_timetable (Check   *c,
                 xmlNode *filing,
                 xmlNode *klass)
{
  g_autoptr(GArray) lessons = read_lessons (filing);
  g_autoptr(GHashTable) teachers = teacher_ids (filing);
  xmlNode *hours = td_xml_child (klass, "Hours");
  TdDay start = child_day (klass, "StartDate");
  TdDay end = child_day (klass, "EndDate");
  TdHalves theory = 0, practice = 0, online = 0;

  for (guint i = 0; i < lessons->len; i++)
    {
      Lesson *lesson = &g_array_index (lessons, Lesson, i);
      TdHalves h = MAX (attr_halves (lesson->node, "hours"), 0);

      check_lesson (c, lesson, start, end, teachers);
      if (attr_is (lesson->node, "kind", "T"))
        theory += h;
      else if (attr_is (lesson->node, "kind", "P"))
        practice += h;
      if (attr_is (lesson->node, "online", "true"))
        online += h;
    }
  check_overlaps (c, lessons);
  check_hours_sum (c, hours, "theory", theory);
  check_hours_sum (c, hours, "practice", practice);
  check_hours_sum (c, hours, "online", online);
}

static void
check_mode (Check   *c,
            xmlNode *klass)
{
  g_autofree char *mode = td_xml_child_text (klass, "Mode");
  xmlNode *hours = td_xml_child (klass, "Hours");
  xmlNode *platform = td_xml_child (klass, "OnlinePlatform");
  TdHalves total = attr_halves (hours, "theory") + attr_halves (hours, "practice");
  TdHalves online = attr_halves (hours, "online");
  gboolean offline = g_strcmp0 (mode, "1") == 0;
  g_autofree char *online_text = td_xml_attr (hours, "online");
  g_autofree char *total_text = td_hours_format (total);

  if (offline && platform != NULL)
    ERROR (c, "R-CLS-007", platform, "OnlinePlatform",
           _("OnlinePlatform is given, but Mode 1 (in person) has no online part"));
  if (!offline && platform == NULL)
    ERROR (c, "R-CLS-007", td_xml_child (klass, "Mode"), "OnlinePlatform",
           _("Mode %s needs an OnlinePlatform"), mode);
  if (offline && online != 0)
    ERROR (c, "R-CLS-007", hours, "Hours",
           _("Hours/@online is %s, but Mode 1 (in person) has no online hours"), online_text);
  else if (g_strcmp0 (mode, "2") == 0 && online != total)
    ERROR (c, "R-CLS-007", hours, "Hours",
           _("Hours/@online is %s, but Mode 2 (online) gives all %s hours online"), online_text,
           total_text);
  else if (g_strcmp0 (mode, "3") == 0 && (online < 0 || online > total))
    ERROR (c, "R-CLS-007", hours, "Hours",
           _("Hours/@online is %s, more than the %s hours of theory and practice"), online_text,
           total_text);
}

static void
check_project (Check   *c,
               xmlNode *klass)
{
  xmlNode *project = td_xml_child (klass, "ProjectMode");
  xmlNode *partner = td_xml_child (klass, "Partner");
  g_autofree char *mode = td_xml_text (project);
  gboolean needs_partner = g_strcmp0 (mode, "0") != 0;

  if (needs_partner && partner == NULL)
    ERROR (c, "R-CLS-008", project, "Partner",
           _("ProjectMode %s needs a Partner employer"), mode);
  else if (!needs_partner && partner != NULL)
    ERROR (c, "R-CLS-008", partner, "Partner",
           _("A Partner is given, but ProjectMode is 0 (not a project-mode class)"));
}

static void
check_action (Check   *c,
              xmlNode *klass)
{
  xmlNode *action_node = td_xml_child (klass, "SpecialAction");
  g_autofree char *action = td_xml_text (action_node);
  g_autofree char *type = td_xml_child_text (klass, "TrainingType");

  if (g_strcmp0 (action, "09") == 0 && g_strcmp0 (type, "03") != 0)
    report (c, "R-CLS-011", TD_SEVERITY_WARNING, action_node, "SpecialAction",
            _("SpecialAction 09 (entrepreneurship) is for TrainingType 03, not %s"), type);
  else if (g_strcmp0 (type, "03") == 0 && g_strcmp0 (action, "01") != 0
           && g_strcmp0 (action, "02") != 0 && g_strcmp0 (action, "09") != 0)
    report (c, "R-CLS-011", TD_SEVERITY_WARNING, action_node, "SpecialAction",
            _("TrainingType 03 (entrepreneurship) is filed under SpecialAction 01, 02 or 09, "
              "not %s"), action);
}

static void
check_filing (Check *c)
{
  xmlNode *klass = td_xml_child (c->kind, "Class");

  check_filing_dates (c, klass, child_day (klass, "StartDate"), child_day (klass, "EndDate"));
  check_timetable (c, c->kind, klass);
  check_mode (c, klass);
  check_project (c, klass);
  check_action (c, klass);
}

/* Attendance: R-ATT-003 and R-ATT-004 (the parts without the timetable), R-ATT-005 */

static gboolean
hex_to_bytes (const char *hex,
              guint8      out[32])
{
  if (hex == NULL || strlen (hex) != 64)
    return FALSE;
  for (int i = 0; i < 32; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]);
      int lo = g_ascii_xdigit_value (hex[2 * i + 1]);
      if (hi < 0 || lo < 0)
        return FALSE;
      out[i] = (guint8) (hi * 16 + lo);
    }
  return TRUE;
}

/* h = SHA-256(h ‖ "date|lesson|id|status|in|out|hours|method\n"), fields as written. */
static void
chain_step (guint8      h[32],
            const char *date,
            const char *lesson,
            xmlNode    *record)
{
  static const char *const fields[] = { "id", "status", "in", "out", "hours", "method" };
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) line = g_string_new (NULL);
  gsize len = 32;

  g_string_append_printf (line, "%s|%s", date != NULL ? date : "", lesson != NULL ? lesson : "");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = td_xml_attr (record, fields[i]);
      g_string_append_printf (line, "|%s", value != NULL ? value : "");
    }
  g_string_append_c (line, '\n');
  g_checksum_update (sha, h, 32);
  g_checksum_update (sha, (const guchar *) line->str, line->len);
  g_checksum_get_digest (sha, h, &len);
}

char *
td_packet_chain_head (xmlNode    *attendance,
                      const char *prev,
                      guint      *count)
{
  guint8 h[32];
  guint n = 0;
  GString *hex;

  g_return_val_if_fail (attendance != NULL, NULL);

  if (!hex_to_bytes (prev, h))
    return NULL;
  for (xmlNode *s = td_xml_child (attendance, "Session"); s != NULL; s = td_xml_next (s, "Session"))
    {
      g_autofree char *date = td_xml_attr (s, "date");
      g_autofree char *lesson = td_xml_attr (s, "lesson");

      for (xmlNode *r = td_xml_child (s, "Record"); r != NULL; r = td_xml_next (r, "Record"))
        {
          chain_step (h, date, lesson, r);
          n++;
        }
    }
  if (count != NULL)
    *count = n;
  hex = g_string_sized_new (64);
  for (int i = 0; i < 32; i++)
    g_string_append_printf (hex, "%02x", h[i]);
  return g_string_free (hex, FALSE);
}

static void
check_chain (Check *c)
{
  xmlNode *chain = td_xml_child (c->kind, "Chain");
  g_autofree char *prev = td_xml_attr (chain, "prev");
  g_autofree char *head = td_xml_attr (chain, "head");
  g_autofree char *computed = NULL;
  gint64 count = attr_int (chain, "count");
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

  if (!present && attr_halves (record, "hours") != 0)
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
  gboolean ok = number != NULL && strlen (number) == 22 && (number[0] == 'Y' || number[0] == 'S');

  for (int i = 1; ok && i < 22; i++)
    ok = g_ascii_isdigit (number[i]);
  if (!ok)
    ERROR (c, "R-ASM-003", cert, id,
           _("Trainee %s: certificate number %s is not Y or S followed by 21 digits"), id,
           number);
  else if (level == NULL || strlen (level) != 1 || number[15] != level[0])
    ERROR (c, "R-ASM-003", cert, id,
           _("Trainee %s: certificate number %s has level digit %c, but the level is %s"), id,
           number, number[15], level);
}

static void
check_assessment (Check *c)
{
  xmlNode *exam = td_xml_child (c->kind, "Exam");
  TdDay latest = MAX (attr_day (exam, "theoryDate"), attr_day (exam, "practiceDate"));
  char latest_iso[11];

  td_day_to_iso (latest, latest_iso);
  for (xmlNode *r = td_xml_child (c->kind, "Result"); r != NULL; r = td_xml_next (r, "Result"))
    {
      xmlNode *cert = td_xml_child (r, "Certificate");
      g_autofree char *id = td_xml_attr (r, "id");
      g_autofree char *issued = td_xml_attr (cert, "issued");

      if (cert == NULL)
        continue;
      if (attr_is (cert, "type", "2"))
        check_certificate_number (c, cert, id);
      if (latest != 0 && attr_day (cert, "issued") != 0 && attr_day (cert, "issued") < latest)
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
  TdFen standard = 0, uplift = 0, amount = 0;

  if (attr_money (line, "standard", &standard) && attr_money (line, "uplift", &uplift)
      && attr_money (line, "amount", &amount) && amount != standard + uplift)
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
  gboolean to_trainees = attr_is (td_xml_child (c->kind, "Payee"), "type", "2");
  xmlNode *total = td_xml_child (c->kind, "Total");
  TdFen sum = 0, written = 0;
  gint64 n = 0;

  for (xmlNode *l = td_xml_child (c->kind, "Line"); l != NULL; l = td_xml_next (l, "Line"))
    {
      TdFen amount = 0;

      check_claim_line (c, l, to_trainees);
      if (attr_money (l, "amount", &amount))
        sum += amount;
      n++;
    }
  if (attr_int (total, "count") != n)
    {
      g_autofree char *count = td_xml_attr (total, "count");
      ERROR (c, "R-SUB-004", total, "Total",
             _("Total/@count is %s, but the claim has %d lines"), count, (int) n);
    }
  if (attr_money (total, "amount", &written) && written != sum)
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
  gint64 enrolled = attr_int (row, "enrolled");
  gint64 completed = attr_int (row, "completed");
  gint64 certified = attr_int (row, "certified");
  gint64 employed = attr_int (row, "employed");

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
