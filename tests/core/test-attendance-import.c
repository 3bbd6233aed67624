/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Attendance from terminal punches (src/core/td-attendance-import.c): status and hours
 * exactly by R-ATT-003/004, the window's edges, the 2-minute merge, every exception kind and
 * its decisions, one transaction with one audit entry, a re-import that changes nothing,
 * corrections of sent records, terminal person numbers and study records. */
#include "config.h"

#include "core/td-attendance-import.h"
#include "core/td-store.h"
#include "store-fixture.h"

#define ID_A ID_F1993   /* 刘芳, person number 1 */
#define ID_B ID_M1975   /* 陈建国, 2 */
#define ID_C ID_M1988   /* 王伟, 3 */
#define ID_D ID_F1990   /* 赵敏, 4 */
#define SHA "5d41402abc4b2a76b9719d911017c592aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

typedef struct
{
  StoreFixture sf;
  TdClass *klass;
  gint64 l01a, l01b, l02a;
  gint64 a, b, c, d;
  GPtrArray *punches;
  guint line;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  sf_setup (&f->sf, data);
  f->klass = sf_save_class (f->sf.store, "YL2026-101", "2026-03-02", "2026-03-20");
  /* 08:00–11:45 holds 5 class hours; 14:00–17:00 holds 4. */
  f->l01a = sf_save_lesson (f->sf.store, f->klass->id, "L01A", "2026-03-02", "08:00:00",
                            "11:45:00", 10);
  f->l01b = sf_save_lesson (f->sf.store, f->klass->id, "L01B", "2026-03-02", "14:00:00",
                            "17:00:00", 8);
  f->l02a = sf_save_lesson (f->sf.store, f->klass->id, "L02A", "2026-03-03", "08:00:00",
                            "11:45:00", 8);
  f->a = sf_enrol (f->sf.store, f->klass->id, ID_A, "刘芳", "03");
  f->b = sf_enrol (f->sf.store, f->klass->id, ID_B, "陈建国", "01");
  f->c = sf_enrol (f->sf.store, f->klass->id, ID_C, "王伟", "01");
  f->d = sf_enrol (f->sf.store, f->klass->id, ID_D, "赵敏", "07");
  f->punches = g_ptr_array_new_with_free_func ((GDestroyNotify) td_punch_free);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_ptr_array_unref (f->punches);
  td_class_free (f->klass);
  sf_teardown (&f->sf, data);
}

/* A punch on the next line of the "file": person number (or NULL), date, time. */
static TdPunch *
punch (Fixture *f, const char *person, const char *date, const char *time)
{
  TdPunch *p = td_punch_new ();

  p->line = ++f->line;
  p->person_no = g_strdup (person);
  g_strlcpy (p->date, date, sizeof p->date);
  p->seconds = td_time_from_iso (time);
  g_assert_cmpint (p->seconds, >=, 0);
  g_ptr_array_add (f->punches, p);
  return p;
}

static TdAttendanceImport *
run (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  TdAttendanceImport *imp = td_attendance_import_new (f->sf.store, "YL2026-101", &error);

  g_assert_no_error (error);
  g_assert_true (td_attendance_import_run (imp, f->punches, NULL, &error));
  g_assert_no_error (error);
  return imp;
}

static const TdAttRow *
row_of (TdAttendanceImport *imp, const char *lid, gint64 trainee)
{
  for (guint i = 0; i < td_attendance_import_get_n_rows (imp); i++)
    {
      const TdAttRow *row = td_attendance_import_get_row (imp, i);
      if (g_str_equal (row->lesson->lid, lid) && row->enrolment->trainee.id == trainee)
        return row;
    }
  return NULL;
}

static void
assert_row (TdAttendanceImport *imp, const char *lid, gint64 trainee, char status,
            const char *in, const char *out, const char *hours, TdAttChange change)
{
  const TdAttRow *row = row_of (imp, lid, trainee);
  g_autofree char *h = NULL;

  g_assert_nonnull (row);
  h = td_hours_format (row->hours);
  g_assert_cmpint (row->status, ==, status);
  g_assert_cmpstr (row->time_in, ==, in);
  g_assert_cmpstr (row->time_out, ==, out);
  g_assert_cmpstr (h, ==, hours);
  g_assert_cmpint (row->change, ==, change);
}

/* The index of the only exception of @kind (asserting there is exactly one). */
static guint
only_exception (TdAttendanceImport *imp, TdAttExceptionKind kind)
{
  guint found = G_MAXUINT, n = 0;

  for (guint i = 0; i < td_attendance_import_get_n_exceptions (imp); i++)
    if (td_attendance_import_get_exception (imp, i)->kind == kind)
      {
        found = i;
        n++;
      }
  g_assert_cmpuint (n, ==, 1);
  return found;
}

static guint
count_kind (TdAttendanceImport *imp, TdAttExceptionKind kind)
{
  guint n = 0;

  for (guint i = 0; i < td_attendance_import_get_n_exceptions (imp); i++)
    n += td_attendance_import_get_exception (imp, i)->kind == kind;
  return n;
}

static guint
count_import_audit (Fixture *f)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) audit = td_store_list_audit (f->sf.store, "attendance", 0, 0, &lerr);
  guint n = 0;

  g_assert_no_error (lerr);
  for (guint i = 0; i < audit->len; i++)
    {
      const TdAuditEntry *e = g_ptr_array_index (audit, i);
      n += g_str_equal (e->op, "bulk")
           && strstr (e->new_values, "\"action\":\"import-attendance\"") != NULL;
    }
  return n;
}

/* One day of a terminal: every status, the window's edges and the 2-minute merge. */
static void
day_one (Fixture *f)
{
  punch (f, "1", "2026-03-02", "07:55:00");     /* P … */
  punch (f, "1", "2026-03-02", "07:56:30");     /* … a second punch at the door: one */
  punch (f, "1", "2026-03-02", "11:50:00");
  punch (f, "2", "2026-03-02", "08:20:00");     /* L */
  punch (f, "2", "2026-03-02", "11:50:00");
  punch (f, "3", "2026-03-02", "07:50:00");     /* E */
  punch (f, "3", "2026-03-02", "11:05:00");
  punch (f, "4", "2026-03-02", "08:20:00");     /* late and early: L */
  punch (f, "4", "2026-03-02", "11:00:00");
  punch (f, "1", "2026-03-02", "13:00:00");     /* exactly 60 minutes before the start */
  punch (f, "1", "2026-03-02", "17:00:00");
  punch (f, "2", "2026-03-02", "14:00:00");     /* exactly at the start: P */
  punch (f, "2", "2026-03-02", "18:00:00");     /* exactly 60 minutes after the end */
  punch (f, "3", "2026-03-02", "14:00:00");     /* 2 minutes apart: one punch */
  punch (f, "3", "2026-03-02", "14:02:00");
  punch (f, "4", "2026-03-02", "14:00:00");     /* 2 minutes and a second: two */
  punch (f, "4", "2026-03-02", "14:02:01");
}

static void
test_statuses (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdAttendanceImport) imp = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  const TdAttException *x;
  TdAttCounts c;
  guint one;

  day_one (f);
  imp = run (f);
  /* P: the lesson's hours; L and E: the class hours of the overlap (R-ATT-004) */
  assert_row (imp, "L01A", f->a, 'P', "07:55:00", "11:50:00", "5", TD_ATT_CHANGE_NEW);
  assert_row (imp, "L01A", f->b, 'L', "08:20:00", "11:50:00", "4.5", TD_ATT_CHANGE_NEW);
  assert_row (imp, "L01A", f->c, 'E', "07:50:00", "11:05:00", "4", TD_ATT_CHANGE_NEW);
  assert_row (imp, "L01A", f->d, 'L', "08:20:00", "11:00:00", "3.5", TD_ATT_CHANGE_NEW);
  assert_row (imp, "L01B", f->a, 'P', "13:00:00", "17:00:00", "4", TD_ATT_CHANGE_NEW);
  assert_row (imp, "L01B", f->b, 'P', "14:00:00", "18:00:00", "4", TD_ATT_CHANGE_NEW);
  assert_row (imp, "L01B", f->c, '?', "", "", "0", TD_ATT_CHANGE_UNDECIDED);
  assert_row (imp, "L01B", f->d, 'E', "14:00:00", "14:02:01", "0", TD_ATT_CHANGE_NEW);
  /* the file covers 2 March only: L02A is left alone */
  g_assert_null (row_of (imp, "L02A", f->a));
  g_assert_cmpuint (td_attendance_import_get_n_rows (imp), ==, 8);
  g_assert_cmpuint (td_attendance_import_get_n_exceptions (imp), ==, 1);
  one = only_exception (imp, TD_ATT_EXCEPTION_ONE_PUNCH);
  x = td_attendance_import_get_exception (imp, one);
  g_assert_cmpuint (x->line, ==, 14);
  g_assert_true (x->needs_decision);
  g_assert_cmpstr (x->reason, ==, "王伟 punched only once for lesson L01B (2026-03-02 "
                   "14:00–17:00), at 14:00:00: the sign-out is missing. Record absent, or enter "
                   "the sign-out time.");

  /* undecided: nothing is stored */
  g_assert_false (td_attendance_import_apply (imp, "attlog.dat", SHA, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "1 exception still needs a decision; nothing was stored.");
  g_clear_error (&error);
  stored = td_store_list_attendance (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_cmpuint (count_import_audit (f), ==, 0);

  g_assert_true (td_attendance_import_decide (imp, one, TD_ATT_DECISION_ABSENT, 0, &error));
  g_assert_no_error (error);
  assert_row (imp, "L01B", f->c, 'A', "", "", "0", TD_ATT_CHANGE_NEW);
  g_assert_true (td_attendance_import_apply (imp, "attlog.dat", SHA, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.n_new, ==, 8);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = td_store_list_attendance (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (stored->len, ==, 8);
  g_assert_cmpuint (count_import_audit (f), ==, 1);
}

/* The audit log has the import once: file, SHA-256 and counts; a second import of the same
 * punches changes nothing and logs nothing. */
static void
test_audit_and_reimport (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdAttendanceImport) imp = NULL;
  g_autoptr (TdAttendanceImport) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (GPtrArray) chain = NULL;
  g_autoptr (GPtrArray) chain2 = NULL;
  const TdAuditEntry *e = NULL;
  TdAttCounts c;

  day_one (f);
  imp = run (f);
  td_attendance_import_set_one_punch_absent (imp, TRUE);
  g_assert_true (td_attendance_import_run (imp, f->punches, NULL, &error));
  g_assert_cmpuint (td_attendance_import_count_undecided (imp), ==, 0);
  g_assert_true (td_attendance_import_apply (imp, "attlog.dat", SHA, NULL, &error));
  g_assert_no_error (error);
  /* the import is one entry of the audit log, not one per record or punch */
  audit = td_store_list_audit (f->sf.store, "attendance", 0, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (audit->len, ==, 1);
  e = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (e->op, ==, "bulk");
  g_assert_cmpstr (e->new_values, ==, "{\"action\":\"import-attendance\",\"table\":"
                   "\"attendance\",\"class_id\":1,\"parts\":[{\"records\":8,\"changed\":8,"
                   "\"lessons\":\"L01A\",\"to_lesson\":\"L01B\"}],\"file\":\"attlog.dat\","
                   "\"sha256\":\"" SHA "\",\"punches\":17,\"records\":8,\"new\":8,"
                   "\"changed\":0,\"corrections\":0,\"exceptions\":1}");
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);

  again = run (f);
  td_attendance_import_set_one_punch_absent (again, TRUE);
  g_assert_true (td_attendance_import_run (again, f->punches, NULL, &error));
  td_attendance_import_get_counts (again, &c);
  g_assert_cmpuint (c.n_same, ==, 8);
  g_assert_cmpuint (c.n_new + c.n_update + c.n_correction, ==, 0);
  g_assert_true (td_attendance_import_apply (again, "attlog.dat", SHA, &c, &error));
  g_assert_no_error (error);
  chain2 = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain2->len, ==, chain->len);
  g_assert_cmpstr (((TdAttendance *) g_ptr_array_index (chain2, chain2->len - 1))->hash, ==,
                   ((TdAttendance *) g_ptr_array_index (chain, chain->len - 1))->hash);
  g_assert_cmpuint (count_import_audit (f), ==, 1);
}

/* A second terminal's file (the back door) has punches of some trainees only: the others
 * keep what the first file stored, they do not become absent. */
static void
test_second_terminal (Fixture *f, gconstpointer data)
{
  g_autoptr (TdAttendanceImport) imp = NULL;
  g_autoptr (TdAttendanceImport) back = NULL;
  g_autoptr (GError) error = NULL;
  TdAttCounts c;

  day_one (f);
  imp = run (f);
  td_attendance_import_set_one_punch_absent (imp, TRUE);
  g_assert_true (td_attendance_import_run (imp, f->punches, NULL, &error));
  g_assert_true (td_attendance_import_apply (imp, "front.dat", SHA, NULL, &error));
  g_ptr_array_set_size (f->punches, 0);
  punch (f, "3", "2026-03-02", "07:59:00");
  punch (f, "3", "2026-03-02", "11:46:00");
  back = run (f);
  assert_row (back, "L01A", f->c, 'P', "07:59:00", "11:46:00", "5", TD_ATT_CHANGE_UPDATE);
  assert_row (back, "L01A", f->b, 'L', "08:20:00", "11:50:00", "4.5", TD_ATT_CHANGE_NONE);
  assert_row (back, "L01A", f->d, 'L', "08:20:00", "11:00:00", "3.5", TD_ATT_CHANGE_NONE);
  td_attendance_import_get_counts (back, &c);
  g_assert_cmpuint (c.n_update, ==, 1);
  g_assert_cmpuint (c.n_same, ==, 3);
}

/* One punch: the missing time entered (sign-in or sign-out by which half it falls in), and
 * refused outside the window. */
static void
test_one_punch_time (Fixture *f, gconstpointer data)
{
  g_autoptr (TdAttendanceImport) imp = NULL;
  g_autoptr (GError) error = NULL;
  guint x;

  punch (f, "1", "2026-03-02", "07:58:00");
  punch (f, "2", "2026-03-02", "11:50:00");
  imp = run (f);
  g_assert_cmpuint (td_attendance_import_count_undecided (imp), ==, 2);
  g_assert_cmpstr (td_attendance_import_get_exception (imp, 1)->reason, ==,
                   "陈建国 punched only once for lesson L01A (2026-03-02 08:00–11:45), at "
                   "11:50:00: the sign-in is missing. Record absent, or enter the sign-in time.");
  g_assert_false (td_attendance_import_decide (imp, 0, TD_ATT_DECISION_TIME,
                                               td_time_from_iso ("12:45:01"), &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (td_attendance_import_decide (imp, 0, TD_ATT_DECISION_TIME,
                                              td_time_from_iso ("11:45:00"), &error));
  x = 1;
  g_assert_true (td_attendance_import_decide (imp, x, TD_ATT_DECISION_TIME,
                                              td_time_from_iso ("08:10:00"), &error));
  g_assert_no_error (error);
  assert_row (imp, "L01A", f->a, 'P', "07:58:00", "11:45:00", "5", TD_ATT_CHANGE_NEW);
  assert_row (imp, "L01A", f->b, 'L', "08:10:00", "11:50:00", "4.5", TD_ATT_CHANGE_NEW);
  assert_row (imp, "L01A", f->c, 'A', "", "", "0", TD_ATT_CHANGE_NEW);
  g_assert_cmpuint (td_attendance_import_count_undecided (imp), ==, 0);
}

static const char *
reason_of (TdAttendanceImport *imp, TdAttExceptionKind kind)
{
  return td_attendance_import_get_exception (imp, only_exception (imp, kind))->reason;
}

/* Not on the roster, withdrawn, outside every lesson, a lesson nobody punched for, a hand
 * record with another status, a name that disagrees. */
static void
test_exceptions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdAttendanceImport) imp = NULL;
  g_autoptr (GError) error = NULL;
  TdPunch *p;
  guint name, manual;

  g_assert_true (td_store_withdraw (f->sf.store, f->klass->id, f->d, "2026-03-02", "moved",
                                    &error));
  g_assert_true (td_store_record_attendance (f->sf.store, f->klass->id, f->l01a, f->b, 'V',
                                             NULL, NULL, "MANUAL", &error));
  g_assert_true (td_store_record_attendance (f->sf.store, f->klass->id, f->l01a, f->c, 'P',
                                             "08:00:00", "11:45:00", "MANUAL", &error));
  g_assert_no_error (error);
  punch (f, "1", "2026-03-02", "06:59:59");     /* 1 s before the window */
  punch (f, "1", "2026-03-02", "07:00:00");
  p = punch (f, "1", "2026-03-02", "11:50:00");
  p->name = g_strdup ("刘 芳");                /* spaces do not make another name */
  punch (f, "1", "2026-03-02", "12:46:00");     /* between the two lessons' windows */
  punch (f, "2", "2026-03-02", "08:20:00");     /* on leave by hand; the terminal says L */
  punch (f, "2", "2026-03-02", "11:50:00");
  punch (f, "3", "2026-03-02", "07:50:00");     /* present by hand; the terminal says E */
  punch (f, "3", "2026-03-02", "11:05:00");
  punch (f, "9", "2026-03-02", "07:40:00");     /* nobody on the roster */
  punch (f, "4", "2026-03-03", "07:55:00");     /* withdrew on 2 March */
  punch (f, "4", "2026-03-03", "11:50:00");
  p = punch (f, "1", "2026-03-03", "07:55:00");
  p->name = g_strdup ("刘芳芳");
  punch (f, "1", "2026-03-03", "11:50:00");
  imp = run (f);

  g_assert_cmpstr (reason_of (imp, TD_ATT_EXCEPTION_NOT_ON_ROSTER), ==,
                   "person number 9 is not on the class's roster: 1 punch ignored.");
  g_assert_cmpstr (reason_of (imp, TD_ATT_EXCEPTION_WITHDRAWN), ==,
                   "赵敏 withdrew on 2026-03-02: 2 later punches ignored.");
  g_assert_cmpstr (reason_of (imp, TD_ATT_EXCEPTION_OUTSIDE), ==,
                   "2 punches of 刘芳 on 2026-03-02 fall in no lesson's time (60 minutes before "
                   "its start to 60 after its end): ignored.");
  g_assert_cmpstr (reason_of (imp, TD_ATT_EXCEPTION_NO_PUNCHES), ==,
                   "Nobody punched for lesson L01B (2026-03-02 14:00–17:00): was the terminal "
                   "off? No record is made for it; enter them by hand.");
  g_assert_null (row_of (imp, "L01B", f->a));
  g_assert_cmpuint (td_attendance_import_get_exception (
                      imp, only_exception (imp, TD_ATT_EXCEPTION_WITHDRAWN))->line, ==, 10);
  /* the withdrawn trainee has no record after the withdrawal; before it, absent */
  g_assert_null (row_of (imp, "L02A", f->d));
  assert_row (imp, "L01A", f->d, 'A', "", "", "0", TD_ATT_CHANGE_NEW);

  /* hand records with another status: kept unless the terminal's is taken */
  g_assert_cmpuint (count_kind (imp, TD_ATT_EXCEPTION_MANUAL), ==, 2);
  assert_row (imp, "L01A", f->b, 'L', "08:20:00", "11:50:00", "4.5", TD_ATT_CHANGE_KEPT);
  assert_row (imp, "L01A", f->c, 'E', "07:50:00", "11:05:00", "4", TD_ATT_CHANGE_KEPT);
  manual = (guint) row_of (imp, "L01A", f->c)->exception;
  g_assert_cmpstr (td_attendance_import_get_exception (imp, manual)->reason, ==,
                   "王伟 is recorded by hand as present for lesson L01A (2026-03-02 "
                   "08:00–11:45); the terminal says left early. The hand record is kept unless "
                   "you take the terminal's.");
  g_assert_true (td_attendance_import_decide (imp, manual, TD_ATT_DECISION_TAKE, 0, &error));
  assert_row (imp, "L01A", f->c, 'E', "07:50:00", "11:05:00", "4", TD_ATT_CHANGE_UPDATE);

  /* a name that disagrees holds the trainee's records until decided */
  name = only_exception (imp, TD_ATT_EXCEPTION_NAME);
  g_assert_cmpstr (td_attendance_import_get_exception (imp, name)->reason, ==,
                   "The file names 刘芳芳, but this person number on the roster is 刘芳: take "
                   "the punches as 刘芳's, or ignore them.");
  assert_row (imp, "L02A", f->a, '?', "", "", "0", TD_ATT_CHANGE_UNDECIDED);
  g_assert_cmpuint (td_attendance_import_count_undecided (imp), ==, 1);
  g_assert_true (td_attendance_import_decide (imp, name, TD_ATT_DECISION_TAKE, 0, &error));
  assert_row (imp, "L02A", f->a, 'P', "07:55:00", "11:50:00", "4", TD_ATT_CHANGE_NEW);
  /* the window's first second counts, the second before it does not */
  assert_row (imp, "L01A", f->a, 'P', "07:00:00", "11:50:00", "5", TD_ATT_CHANGE_NEW);

  g_assert_true (td_attendance_import_apply (imp, "x.csv", SHA, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) stored = td_store_list_attendance (f->sf.store, f->klass->id, &lerr);
    g_assert_no_error (lerr);
    for (guint i = 0; i < stored->len; i++)
      {
        const TdAttendance *r = g_ptr_array_index (stored, i);
        if (r->lesson_id == f->l01a && r->trainee_id == f->b)
          g_assert_cmpint (r->status, ==, 'V');   /* kept */
        if (r->lesson_id == f->l01a && r->trainee_id == f->c)
          g_assert_cmpint (r->status, ==, 'E');   /* taken */
      }
  }
}

/* Records of a sent batch are corrected through the supersedes path, never changed in
 * place. */
static void
test_correction (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdAttendanceImport) imp = NULL;
  g_autoptr (TdAttendanceImport) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  TdPendingAttendance batch = { 0 };
  TdAttCounts c;

  punch (f, "1", "2026-03-02", "07:55:00");
  punch (f, "1", "2026-03-02", "11:50:00");
  imp = run (f);
  g_assert_true (td_attendance_import_apply (imp, "a.dat", SHA, NULL, &error));
  g_assert_true (td_store_get_pending_attendance (f->sf.store, f->klass->id, &batch, &error));
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->klass->id, batch.last_seq,
                                                "pkt-1", &error));
  g_assert_no_error (error);
  td_pending_attendance_clear (&batch);

  /* the terminal's second export: 陈建国's punches were missing from the first */
  punch (f, "2", "2026-03-02", "08:05:00");
  punch (f, "2", "2026-03-02", "11:46:00");
  again = run (f);
  assert_row (again, "L01A", f->a, 'P', "07:55:00", "11:50:00", "5", TD_ATT_CHANGE_NONE);
  assert_row (again, "L01A", f->b, 'L', "08:05:00", "11:46:00", "4.5",
              TD_ATT_CHANGE_CORRECTION);
  g_assert_cmpint (row_of (again, "L01A", f->b)->stored->status, ==, 'A');
  g_assert_true (td_attendance_import_apply (again, "b.dat", SHA, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.n_correction, ==, 1);
  pending = td_store_list_pending_attendance (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  /* the correction restates every record of the packet it corrects */
  g_assert_cmpuint (pending->len, ==, 4);
  for (guint i = 0; i < pending->len; i++)
    g_assert_cmpstr (((TdAttendance *) g_ptr_array_index (pending, i))->restates, ==, "pkt-1");
}

/* Punches are matched by id number when the file has one, else by the terminal person
 * number: the roster position unless the trainee page set another. */
static void
test_terminal_numbers (Fixture *f, gconstpointer data)
{
  g_autoptr (TdAttendanceImport) imp = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) numbers = NULL;
  TdPunch *p;

  g_assert_true (td_store_set_terminal_number (f->sf.store, f->klass->id, f->a, "0101", &error));
  g_assert_no_error (error);
  numbers = td_store_list_terminal_numbers (f->sf.store, f->klass->id, &error);
  g_assert_cmpstr (g_hash_table_lookup (numbers, &f->a), ==, "101");
  g_assert_cmpstr (g_hash_table_lookup (numbers, &f->d), ==, "4");
  g_assert_false (td_store_set_terminal_number (f->sf.store, f->klass->id, f->b, "101", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "刘芳 already has the terminal person number 101 in "
                   "this class: give one of them another number.");
  g_clear_error (&error);
  g_assert_false (td_store_set_terminal_number (f->sf.store, f->klass->id, f->c, "4", &error));
  g_assert_cmpstr (error->message, ==, "赵敏 already has the terminal person number 4 in this "
                   "class: give one of them another number.");
  g_clear_error (&error);
  g_assert_false (td_store_set_terminal_number (f->sf.store, f->klass->id, f->c, "A7", &error));
  g_clear_error (&error);

  punch (f, "101", "2026-03-02", "07:55:00");
  punch (f, "101", "2026-03-02", "11:50:00");
  punch (f, "1", "2026-03-02", "07:55:00");
  p = punch (f, "1", "2026-03-02", "08:10:00");     /* the id number decides, not "1" */
  p->id_number = g_strdup (ID_B);
  p = punch (f, NULL, "2026-03-02", "11:50:00");
  p->id_number = g_strdup (ID_B);
  imp = run (f);
  assert_row (imp, "L01A", f->a, 'P', "07:55:00", "11:50:00", "5", TD_ATT_CHANGE_NEW);
  assert_row (imp, "L01A", f->b, 'L', "08:10:00", "11:50:00", "4.5", TD_ATT_CHANGE_NEW);
  g_assert_cmpstr (reason_of (imp, TD_ATT_EXCEPTION_NOT_ON_ROSTER), ==,
                   "person number 1 is not on the class's roster: 1 punch ignored.");

  /* back to the roster position */
  g_assert_true (td_store_set_terminal_number (f->sf.store, f->klass->id, f->a, "", &error));
  g_clear_pointer (&numbers, g_hash_table_unref);
  numbers = td_store_list_terminal_numbers (f->sf.store, f->klass->id, &error);
  g_assert_cmpstr (g_hash_table_lookup (numbers, &f->a), ==, "1");
}

static TdPunch *
study (Fixture *f, const char *id, const char *lesson, const char *time)
{
  TdPunch *p = punch (f, NULL, "2026-03-02", time);

  p->line = (f->line + 1) / 2;
  p->id_number = g_strdup (id);
  p->lesson = g_strdup (lesson);
  g_strlcpy (p->method, "ONLINE", sizeof p->method);
  return p;
}

/* An online platform's study records name their lesson: only those lessons are matched. */
static void
test_study_records (Fixture *f, gconstpointer data)
{
  g_autoptr (TdAttendanceImport) imp = NULL;
  TdPunch *p;

  study (f, ID_A, "L01A", "07:58:00");
  study (f, ID_A, "L01A", "11:45:00");
  study (f, ID_B, "L01A", "09:00:00");
  study (f, ID_B, "L01A", "11:45:00");
  study (f, ID_C, "L09Z", "09:00:00");
  study (f, ID_C, "L09Z", "11:45:00");
  p = study (f, ID_D, NULL, "09:00:00");
  g_strlcpy (p->lesson_date, "2026-03-02", sizeof p->lesson_date);
  p->lesson_start = td_time_from_iso ("08:00:00");
  imp = run (f);
  assert_row (imp, "L01A", f->a, 'P', "07:58:00", "11:45:00", "5", TD_ATT_CHANGE_NEW);
  g_assert_cmpstr (row_of (imp, "L01A", f->a)->method, ==, "ONLINE");
  assert_row (imp, "L01A", f->b, 'L', "09:00:00", "11:45:00", "3.5", TD_ATT_CHANGE_NEW);
  assert_row (imp, "L01A", f->c, 'A', "", "", "0", TD_ATT_CHANGE_NEW);
  g_assert_cmpstr (reason_of (imp, TD_ATT_EXCEPTION_NO_LESSON), ==,
                   "The study record names lesson L09Z, which is not in the class's "
                   "timetable.");
  g_assert_cmpuint (count_kind (imp, TD_ATT_EXCEPTION_NO_LESSON), ==, 1);
  /* named by date and start, one record of one time only */
  g_assert_cmpint (row_of (imp, "L01A", f->d)->change, ==, TD_ATT_CHANGE_UNDECIDED);
  /* lessons no record names stay as they are */
  g_assert_null (row_of (imp, "L01B", f->a));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TD_TODAY", "2026-03-10", TRUE);
#define ADD(path, fn) \
  G_STMT_START { if (SF_RUNS ()) g_test_add (path, Fixture, NULL, setup, fn, teardown); } G_STMT_END
  ADD ("/attendance-import/statuses", test_statuses);
  ADD ("/attendance-import/audit-and-reimport", test_audit_and_reimport);
  ADD ("/attendance-import/second-terminal", test_second_terminal);
  ADD ("/attendance-import/one-punch-time", test_one_punch_time);
  ADD ("/attendance-import/exceptions", test_exceptions);
  ADD ("/attendance-import/correction", test_correction);
  ADD ("/attendance-import/terminal-numbers", test_terminal_numbers);
  ADD ("/attendance-import/study-records", test_study_records);
  return g_test_run ();
}
