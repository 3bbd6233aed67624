/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The class-filing rules written once in core (src/core/td-filing-check.c): what the filing
 * form shows and what `traindesk-cli validate` says of a ClassFiling, finding by finding with
 * its rule id; and who is offered a lesson (td_lesson_offered). */
#include "config.h"

#include "core/td-filing-check.h"
#include "core/td-timetable.h"

typedef struct
{
  TdClass *klass;
  GPtrArray *lessons;
  GPtrArray *teachers;
} Filing;

static TdLesson *
lesson (const char *lid, const char *date, const char *start, const char *end, char kind,
        gboolean online, const char *teacher)
{
  TdLesson *l = td_lesson_new ();

  l->lid = g_strdup (lid);
  g_strlcpy (l->date, date, sizeof l->date);
  g_strlcpy (l->start, start, sizeof l->start);
  g_strlcpy (l->end, end, sizeof l->end);
  l->hours = td_hours_of_interval (td_time_from_iso (start), td_time_from_iso (end));
  l->kind = kind;
  l->online = online;
  l->teacher = g_strdup (teacher);
  return l;
}

/* A blended class with nothing wrong: two lessons (one online) by teacher T1, hours set from
 * them, a platform, no partner, training type 01 under action 01. */
static void
filing_set_up (Filing *f, gconstpointer data)
{
  TdTeacher *t = td_teacher_new ();
  TdTimetableTotals totals;

  f->klass = td_class_new ();
  f->klass->code = g_strdup ("YL2026-011");
  g_strlcpy (f->klass->start_date, "2026-03-02", sizeof f->klass->start_date);
  g_strlcpy (f->klass->end_date, "2026-03-20", sizeof f->klass->end_date);
  g_strlcpy (f->klass->training_type, "01", sizeof f->klass->training_type);
  g_strlcpy (f->klass->special_action, "01", sizeof f->klass->special_action);
  f->klass->mode = 3;
  f->klass->online_platform = g_strdup ("山东省职业技能线上培训平台");
  f->lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  g_ptr_array_add (f->lessons, lesson ("L01A", "2026-03-02", "08:00:00", "11:00:00", 'T',
                                       FALSE, "T1"));
  g_ptr_array_add (f->lessons, lesson ("L01B", "2026-03-02", "13:30:00", "16:30:00", 'P',
                                       TRUE, "T1"));
  totals = td_timetable_totals (f->lessons);
  f->klass->planned_theory = totals.theory;
  f->klass->planned_practice = totals.practice;
  f->klass->planned_online = totals.online;
  t->tid = g_strdup ("T1");
  f->teachers = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
  g_ptr_array_add (f->teachers, t);
}

static void
filing_tear_down (Filing *f, gconstpointer data)
{
  td_class_free (f->klass);
  g_ptr_array_unref (f->lessons);
  g_ptr_array_unref (f->teachers);
}

/* "RULE error|warning field: message" per finding, one a line. */
static char *
findings_text (GPtrArray *findings)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      TdFilingFinding *f = g_ptr_array_index (findings, i);

      g_string_append_printf (text, "%s %s %s", f->rule, f->error ? "error" : "warning",
                              f->field != NULL ? f->field : "-");
      if (g_strcmp0 (f->field, "lesson") == 0)
        g_string_append_printf (text, "[%u]", f->lesson);
      g_string_append_printf (text, ": %s\n", f->message);
    }
  return g_string_free (text, FALSE);
}

static char *
check (Filing *f, TdFilingReader reader)
{
  g_autoptr (GPtrArray) findings = td_filing_findings_new ();

  td_filing_check_content (findings, f->klass, f->lessons, f->teachers, reader);
  return findings_text (findings);
}

static void
assert_findings (Filing *f, const char *form, const char *packet)
{
  g_autofree char *for_form = check (f, TD_FILING_FOR_FORM);
  g_autofree char *for_packet = check (f, TD_FILING_FOR_PACKET);

  g_assert_cmpstr (for_form, ==, form);
  g_assert_cmpstr (for_packet, ==, packet);
}

static void
test_clean (Filing *f, gconstpointer data)
{
  assert_findings (f, "", "");
}

/* R-CLS-001: 366 days from start to end is allowed (2026-03-02 to 2027-03-03), 367 is
 * not; no end before the start. */
static void
test_dates (Filing *f, gconstpointer data)
{
  g_strlcpy (f->klass->end_date, "2027-03-03", sizeof f->klass->end_date);
  assert_findings (f, "", "");
  g_strlcpy (f->klass->end_date, "2027-03-04", sizeof f->klass->end_date);
  assert_findings (f,
                   "R-CLS-001 error end_date: A class lasts at most 366 days from start to end.\n",
                   "R-CLS-001 error end_date: EndDate is 367 days after StartDate; a class "
                   "lasts at most 366 days\n");
  g_strlcpy (f->klass->end_date, "2026-03-01", sizeof f->klass->end_date);
  assert_findings (f,
                   "R-CLS-001 error end_date: The class ends before it starts.\n"
                   "R-CLS-004 error lesson[0]: Lesson L01A on 2026-03-02 is outside the class "
                   "dates.\n"
                   "R-CLS-004 error lesson[1]: Lesson L01B on 2026-03-02 is outside the class "
                   "dates.\n",
                   "R-CLS-001 error end_date: EndDate is before StartDate\n"
                   "R-CLS-004 error lesson[0]: Lesson L01A: the date 2026-03-02 is outside "
                   "StartDate..EndDate\n"
                   "R-CLS-004 error lesson[1]: Lesson L01B: the date 2026-03-02 is outside "
                   "StartDate..EndDate\n");
}

/* R-CLS-004: end after start, hours within the time; R-CLS-005: the teacher is the class's. */
static void
test_lesson (Filing *f, gconstpointer data)
{
  TdLesson *l = g_ptr_array_index (f->lessons, 0);

  l->hours += 1;
  f->klass->planned_theory += 1;
  g_free (l->teacher);
  l->teacher = g_strdup ("T3");
  assert_findings (f,
                   "R-CLS-004 error lesson[0]: Lesson L01A: hours 4.5 is more than the 4 class "
                   "hours of 08:00:00–11:00:00\n"
                   "R-CLS-005 error lesson[0]: Lesson L01A has no teacher of this class.\n",
                   "R-CLS-004 error lesson[0]: Lesson L01A: hours 4.5 is more than the 4 class "
                   "hours of 08:00:00–11:00:00\n"
                   "R-CLS-005 error lesson[0]: Lesson L01A: the teacher T3 is not a Teacher of "
                   "the filing\n");
  g_strlcpy (l->end, "08:00:00", sizeof l->end);
  l->hours = 0;
  f->klass->planned_theory = 0;
  g_free (l->teacher);
  l->teacher = g_strdup ("T1");
  /* with no theory hours left the blended class is all online: the form says so too */
  assert_findings (f, "R-CLS-004 error lesson[0]: Lesson L01A ends before it starts.\n"
                   "R-CLS-007 error planned_online: A blended class has both online and "
                   "in-person lessons.\n",
                   "R-CLS-004 error lesson[0]: Lesson L01A: the end 08:00:00 is not after the "
                   "start 08:00:00\n");
}

/* R-CLS-005: lessons are half-open intervals; one may start when the other ends. */
static void
test_overlap (Filing *f, gconstpointer data)
{
  TdLesson *l = g_ptr_array_index (f->lessons, 1);

  g_strlcpy (l->start, "11:00:00", sizeof l->start);
  g_strlcpy (l->end, "14:00:00", sizeof l->end);
  assert_findings (f, "", "");
  g_strlcpy (l->start, "10:59:00", sizeof l->start);
  assert_findings (f, "R-CLS-005 error lesson[1]: Lesson L01B overlaps lesson L01A on "
                   "2026-03-02.\n",
                   "R-CLS-005 error lesson[1]: Lesson L01B overlaps lesson L01A\n");
}

/* R-CLS-003: the lessons add up to the planned hours. */
static void
test_hours (Filing *f, gconstpointer data)
{
  f->klass->planned_theory += 2;
  f->klass->planned_online = 0;
  assert_findings (f,
                   "R-CLS-003 error planned_theory: The theory lessons add up to 4 hours, but "
                   "Hours/@theory is 5\n"
                   "R-CLS-003 error planned_online: The online lessons add up to 4 hours, but "
                   "Hours/@online is 0\n"
                   "R-CLS-007 error planned_online: A blended class has both online and "
                   "in-person lessons.\n",
                   "R-CLS-003 error planned_theory: The theory lessons add up to 4 hours, but "
                   "Hours/@theory is 5\n"
                   "R-CLS-003 error planned_online: The online lessons add up to 4 hours, but "
                   "Hours/@online is 0\n");
}

/* R-CLS-007: the platform exactly for online and blended classes, the online hours by mode. */
static void
test_mode (Filing *f, gconstpointer data)
{
  f->klass->mode = 1;
  assert_findings (f,
                   "R-CLS-007 error online_platform: An in-person class has no online platform; "
                   "clear the field.\n"
                   "R-CLS-007 error planned_online: An in-person class has no online lessons.\n",
                   "R-CLS-007 error online_platform: OnlinePlatform is given, but Mode 1 (in "
                   "person) has no online part\n"
                   "R-CLS-007 error planned_online: Hours/@online is 4, but Mode 1 (in person) "
                   "has no online hours\n");
  f->klass->mode = 2;
  g_clear_pointer (&f->klass->online_platform, g_free);
  assert_findings (f,
                   "R-CLS-007 error online_platform: An online or blended class names its "
                   "online platform.\n"
                   "R-CLS-007 error planned_online: In an online class every lesson is online.\n",
                   "R-CLS-007 error online_platform: Mode 2 needs an OnlinePlatform\n"
                   "R-CLS-007 error planned_online: Hours/@online is 4, but Mode 2 (online) "
                   "gives all 8 hours online\n");
}

/* R-CLS-008: a partner employer exactly for a project-mode class. */
static void
test_partner (Filing *f, gconstpointer data)
{
  f->klass->project_mode = 2;
  assert_findings (f,
                   "R-CLS-008 error partner: A project-mode class names its partner employer: "
                   "credit code, name and positions.\n",
                   "R-CLS-008 error partner: ProjectMode 2 needs a Partner employer\n");
  f->klass->project_mode = 0;
  f->klass->partner_name = g_strdup ("聊城市颐养护理院");
  assert_findings (f,
                   "R-CLS-008 error project_mode: Only a project-mode class has a partner "
                   "employer; clear the partner.\n",
                   "R-CLS-008 error project_mode: A Partner is given, but ProjectMode is 0 (not "
                   "a project-mode class)\n");
}

/* R-CLS-011 is a warning: action 09 is for training type 03, type 03 for 01, 02 or 09. */
static void
test_action (Filing *f, gconstpointer data)
{
  g_strlcpy (f->klass->special_action, "09", sizeof f->klass->special_action);
  assert_findings (f, "R-CLS-011 warning special_action: Special action 09 is for training "
                   "type 03.\n",
                   "R-CLS-011 warning special_action: SpecialAction 09 (entrepreneurship) is "
                   "for TrainingType 03, not 01\n");
  g_strlcpy (f->klass->training_type, "03", sizeof f->klass->training_type);
  g_strlcpy (f->klass->special_action, "05", sizeof f->klass->special_action);
  assert_findings (f, "R-CLS-011 warning special_action: Training type 03 is filed under "
                   "special action 01, 02 or 09.\n",
                   "R-CLS-011 warning special_action: TrainingType 03 (entrepreneurship) is "
                   "filed under SpecialAction 01, 02 or 09, not 05\n");
}

static char *
check_catalog (Filing *f, const TdCatalog *catalog, TdFilingReader reader)
{
  g_autoptr (GPtrArray) findings = td_filing_findings_new ();

  td_filing_check_catalog (findings, f->klass, catalog, reader);
  return findings_text (findings);
}

static void
assert_catalog_findings (Filing *f, const TdCatalog *catalog, const char *form,
                         const char *packet)
{
  g_autofree char *for_form = check_catalog (f, catalog, TD_FILING_FOR_FORM);
  g_autofree char *for_packet = check_catalog (f, catalog, TD_FILING_FOR_PACKET);

  g_assert_cmpstr (for_form, ==, form);
  g_assert_cmpstr (for_packet, ==, packet);
}

/* R-CLS-009: the item (in a packet under its name too), a standard for the certificate and
 * level, enough hours; R-CLS-006: the planned size within the catalogue's limits. */
static void
test_catalog (Filing *f, gconstpointer data)
{
  g_autoptr (TdCatalog) catalog = td_catalog_new ();
  TdCatalogItem *item = td_catalog_item_new ();
  TdStandard standard = { 2, 5, 150000, -1, 16 };   /* 8 class hours at least */

  catalog->version = g_strdup ("2026-1");
  catalog->rules.min_class_size = 10;
  catalog->rules.max_class_size = 60;
  item->code = g_strdup ("4-10-01-05");
  item->name = g_strdup ("养老护理员");
  g_array_append_val (item->standards, standard);
  g_ptr_array_add (catalog->items, item);
  f->klass->item_code = g_strdup ("4-10-01-05");
  f->klass->item_name = g_strdup ("养老护理员");
  f->klass->certificate = 2;
  f->klass->level = 5;
  f->klass->planned_size = 60;
  assert_catalog_findings (f, catalog, "", "");

  f->klass->planned_size = 61;
  f->klass->planned_practice -= 1;
  assert_catalog_findings (f, catalog,
                           "R-CLS-009 error timetable: The timetable has 7.5 class hours; this "
                           "standard needs at least 8.\n"
                           "R-CLS-006 error planned_size: The planned size must be between 10 "
                           "and 60 trainees.\n",
                           "R-CLS-009 error timetable: Theory and practice add up to fewer than "
                           "the 8 class hours the standard needs.\n"
                           "R-CLS-006 error planned_size: The planned size 61 is outside 10–60 "
                           "of catalogue 2026-1.\n");
  f->klass->planned_size = 30;
  f->klass->planned_practice += 1;
  f->klass->level = 4;
  assert_catalog_findings (f, catalog,
                           "R-CLS-009 error certificate: The item has no subsidy standard for "
                           "this certificate and level.\n",
                           "R-CLS-009 error certificate: The catalogue item 4-10-01-05 has no "
                           "subsidy standard for certificate type 2 at level 4.\n");
  /* a packet names the item by code and name; the form by code only */
  g_free (f->klass->item_name);
  f->klass->item_name = g_strdup ("电工");
  f->klass->level = 5;
  assert_catalog_findings (f, catalog, "",
                           "R-CLS-009 error item_code: The catalogue item 4-10-01-05 “电工” is "
                           "not in catalogue 2026-1 under that name.\n");
}

/* R-CLS-002: 5 working days strictly between the day the filing is created and the start
 * (Monday 2026-03-02): Sunday 2026-02-22 is the last day, Monday the 23rd is late. */
static void
test_lead (Filing *f, gconstpointer data)
{
  g_autoptr (TdCatalog) catalog = td_catalog_new ();
  g_autoptr (GPtrArray) in_time = td_filing_findings_new ();
  g_autoptr (GPtrArray) late = td_filing_findings_new ();
  g_autoptr (GPtrArray) late_packet = td_filing_findings_new ();
  g_autofree char *text = NULL, *packet_text = NULL;

  catalog->rules.filing_lead_workdays = 5;
  td_filing_check_lead (in_time, "2026-03-02", catalog, td_day_from_iso ("2026-02-22"),
                        TD_FILING_FOR_FORM);
  g_assert_cmpuint (in_time->len, ==, 0);
  td_filing_check_lead (late, "2026-03-02", catalog, td_day_from_iso ("2026-02-23"),
                        TD_FILING_FOR_FORM);
  td_filing_check_lead (late_packet, "2026-03-02", catalog, td_day_from_iso ("2026-02-23"),
                        TD_FILING_FOR_PACKET);
  text = findings_text (late);
  packet_text = findings_text (late_packet);
  g_assert_cmpstr (text, ==, "R-CLS-002 error start_date: The filing had to be sent by "
                   "2026-02-22 (5 working days before the start); choose a later start date.\n");
  g_assert_cmpstr (packet_text, ==, "R-CLS-002 error start_date: The filing is created fewer "
                   "than 5 working days before the start date 2026-03-02.\n");
}

/* The form's whole check: required fields and the timetable before the rules. */
static void
test_form (Filing *f, gconstpointer data)
{
  g_autoptr (GPtrArray) empty = g_ptr_array_new ();
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&f->klass->code, g_free);
  findings = td_filing_check (NULL, f->klass, NULL, empty, empty, td_day_from_iso ("2026-02-01"));
  text = findings_text (findings);
  g_assert_cmpstr (text, ==,
                   " error code: Fill in the class code.\n"
                   " error title: Fill in the class title.\n"
                   " error venue_address: Fill in the venue address.\n"
                   " error commitment_signed_by: Fill in who signs the commitment.\n"
                   "R-CLS-009 error start_date: No subsidy catalogue is in force on 2026-03-02, "
                   "the start date (the database has no catalogue yet). Import the bureau’s "
                   "catalogue for that date: Settings → Subsidy catalogues → Import "
                   "Catalogue…\n"
                   " error teachers: Add at least one teacher.\n"
                   " error timetable: Add the lessons of the timetable.\n");
  g_assert_true (td_filing_findings_have_error (findings));
}

/* A lesson is offered to a trainee on the roster that day, in a class not cancelled before. */
static void
test_offered (Filing *f, gconstpointer data)
{
  g_autoptr (TdEnrolment) e = td_enrolment_new ();
  const TdLesson *l = g_ptr_array_index (f->lessons, 0);      /* 2026-03-02 */

  g_assert_true (td_lesson_offered (f->klass, l, e));
  g_strlcpy (e->withdrawn_date, "2026-03-02", sizeof e->withdrawn_date);
  g_assert_true (td_enrolment_on_roster (e, "2026-03-02"));
  g_assert_true (td_lesson_offered (f->klass, l, e));
  g_strlcpy (e->withdrawn_date, "2026-03-01", sizeof e->withdrawn_date);
  g_assert_false (td_enrolment_on_roster (e, "2026-03-02"));
  g_assert_false (td_lesson_offered (f->klass, l, e));
  e->withdrawn_date[0] = '\0';
  g_strlcpy (f->klass->cancel_date, "2026-03-02", sizeof f->klass->cancel_date);
  g_assert_true (td_lesson_offered (f->klass, l, e));
  g_strlcpy (f->klass->cancel_date, "2026-03-01", sizeof f->klass->cancel_date);
  g_assert_false (td_lesson_offered (f->klass, l, e));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Filing, NULL, filing_set_up, fn, filing_tear_down)
  ADD ("/core/filing/clean", test_clean);
  ADD ("/core/filing/R-CLS-001-dates", test_dates);
  ADD ("/core/filing/R-CLS-004-005-lesson", test_lesson);
  ADD ("/core/filing/R-CLS-005-overlap", test_overlap);
  ADD ("/core/filing/R-CLS-003-hours", test_hours);
  ADD ("/core/filing/R-CLS-007-mode", test_mode);
  ADD ("/core/filing/R-CLS-008-partner", test_partner);
  ADD ("/core/filing/R-CLS-011-action", test_action);
  ADD ("/core/filing/R-CLS-006-009-catalog", test_catalog);
  ADD ("/core/filing/R-CLS-002-lead", test_lead);
  ADD ("/core/filing/form", test_form);
  ADD ("/core/filing/offered", test_offered);
  return g_test_run ();
}
