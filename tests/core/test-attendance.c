/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Attendance in the store: credited hours (R-ATT-004), status and times (R-ATT-003), the
 * class's chain (R-ATT-005) with pending changes, corrections of carried records,
 * rejections, and records changed behind the program's back (verify, traindesk-cli). */
#include "config.h"

#include "core/td-chain.h"
#include "core/td-store.h"
#include "store-fixture.h"

/* Trainees of the fixture's class, in roster order. */
#define ID_A ID_F1993   /* 刘芳 */
#define ID_B ID_M1975   /* 陈建国 */
#define ID_C ID_M1988   /* 王伟 */
#define ID_D ID_F1990   /* 赵敏 */
#define MASK_B "371502********1019"

typedef struct
{
  StoreFixture sf;
  TdClass *klass;
  gint64 l01a, l01b, l02a;
  gint64 a, b, c, d;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  sf_setup (&f->sf, data);
  f->klass = sf_save_class (f->sf.store, "YL2026-101", "2026-03-02", "2026-03-20");
  /* 08:00–11:45 holds 5 class hours; 14:00–17:00 holds 4. L02A was filed with 4 of its 5. */
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
}

static void
teardown (Fixture *f, gconstpointer data)
{
  td_class_free (f->klass);
  sf_teardown (&f->sf, data);
}

static gboolean
record (Fixture *f, gint64 lesson, gint64 trainee, char status, const char *in, const char *out,
        const char *method, GError **error)
{
  return td_store_record_attendance (f->sf.store, f->klass->id, lesson, trainee, status, in,
                                     out, method, error);
}

static void
record_ok (Fixture *f, gint64 lesson, gint64 trainee, char status, const char *in,
           const char *out, const char *method)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (record (f, lesson, trainee, status, in, out, method, &error));
  g_assert_no_error (error);
}

/* Eight records; the hashes below were computed for them with Python's hashlib. */
static void
record_base (Fixture *f)
{
  record_ok (f, f->l01a, f->a, 'P', "07:55:00", "11:50:00", "FACE");
  record_ok (f, f->l01a, f->b, 'L', "08:20:00", "11:50:00", "FACE");
  record_ok (f, f->l01a, f->c, 'E', "07:50:00", "11:05:00", "CARD");
  record_ok (f, f->l01b, f->a, 'L', "14:30:00", "16:00:00", "FACE");
  record_ok (f, f->l01b, f->b, 'V', "14:00:00", "17:00:00", "MANUAL");   /* times dropped */
  record_ok (f, f->l01b, f->c, 'A', NULL, NULL, "MANUAL");
  record_ok (f, f->l02a, f->a, 'L', "08:05:00", "11:45:00", "QR");
  record_ok (f, f->l02a, f->b, 'E', "07:59:00", "10:00:00", "QR");
}

#define HEAD_BASE "f7a143da4fbe539a12bca57014f590aeefc23d40fdeb167d338cf96834f8b183"
#define HASH_FIRST "7c2bba15fb6b41a5bee561428ece17a86312e561119d4dfe58cb1cb3e5d2520c"

/* R-ATT-005 written out again here, independently of td-chain.c. */
static void
rule_step (char hex[65], const char *line)
{
  guint8 raw[32];
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (int i = 0; i < 32; i++)
    raw[i] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) * 16
                       + g_ascii_xdigit_value (hex[2 * i + 1]));
  g_checksum_update (sum, raw, 32);
  g_checksum_update (sum, (const guchar *) line, -1);
  g_strlcpy (hex, g_checksum_get_string (sum), 65);
}

static char *
line_of (const TdAttendance *r)
{
  g_autofree char *hours = td_hours_format (r->hours);

  return g_strdup_printf ("%s|%s|%s|%c|%s|%s|%s|%s\n", r->date, r->lid, r->id_number,
                          r->status, r->time_in, r->time_out, hours, r->method);
}

/* The stored chain recomputes from 64 zeros, both with td_chain_step and with the rule as
 * written above; returns the head. */
static char *
assert_chain_recomputes (Fixture *f)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  char mine[65] = TD_CHAIN_ZERO;
  char theirs[65] = TD_CHAIN_ZERO;

  for (guint i = 0; i < chain->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (chain, i);
      g_autofree char *line = line_of (r);
      g_autofree char *lib_line = NULL;
      g_autofree char *hours = td_hours_format (r->hours);
      char next[65];

      g_assert_cmpint (r->seq, ==, (gint64) i + 1);
      lib_line = td_chain_line (r->date, r->lid, r->id_number, r->status, r->time_in,
                                r->time_out, hours, r->method);
      g_assert_cmpstr (lib_line, ==, line);
      g_assert_true (td_chain_step (theirs, lib_line, next));
      memcpy (theirs, next, sizeof theirs);
      rule_step (mine, line);
      g_assert_cmpstr (mine, ==, theirs);
      g_assert_cmpstr (r->hash, ==, mine);
    }
  return g_strdup (mine);
}

static const TdAttendance *
current_of (GPtrArray *records, gint64 lesson, gint64 trainee)
{
  for (guint i = 0; i < records->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (records, i);
      if (r->lesson_id == lesson && r->trainee_id == trainee)
        return r;
    }
  g_assert_not_reached ();
  return NULL;
}

/* ---- credited hours and status rules ------------------------------------------------------- */

static void
test_credited_hours (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) list = NULL;
  const TdAttendance *r;

  record_base (f);
  list = td_store_list_attendance (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 8);
  /* P: the lesson's hours. */
  r = current_of (list, f->l01a, f->a);
  g_assert_cmpint (r->hours, ==, 10);
  g_assert_cmpstr (r->lid, ==, "L01A");
  g_assert_cmpstr (r->date, ==, "2026-03-02");
  g_assert_cmpstr (r->id_number, ==, ID_A);
  g_assert_cmpstr (r->time_in, ==, "07:55:00");
  g_assert_cmpstr (r->method, ==, "FACE");
  g_assert_null (r->packet_id);
  g_assert_null (r->restates);
  g_assert_false (r->replaced);
  /* L at 08:20: 08:20–11:45 is 205 minutes, floor (410 / 45) = 9 halves, 4.5 hours. */
  g_assert_cmpint (current_of (list, f->l01a, f->b)->hours, ==, 9);
  /* E at 11:05: 08:00–11:05 is 185 minutes, floor (370 / 45) = 8 halves. */
  g_assert_cmpint (current_of (list, f->l01a, f->c)->hours, ==, 8);
  /* Late and early (L): 14:30–16:00, 90 minutes, 4 halves. */
  g_assert_cmpint (current_of (list, f->l01b, f->a)->hours, ==, 4);
  /* V and A: 0, and no times kept. */
  r = current_of (list, f->l01b, f->b);
  g_assert_cmpint (r->status, ==, 'V');
  g_assert_cmpint (r->hours, ==, 0);
  g_assert_cmpstr (r->time_in, ==, "");
  g_assert_cmpstr (r->time_out, ==, "");
  g_assert_cmpint (current_of (list, f->l01b, f->c)->hours, ==, 0);
  /* L at 08:05 on a lesson filed with 4 of its 5 hours: 220 minutes give 9 halves, at most
   * the lesson's 8. */
  g_assert_cmpint (current_of (list, f->l02a, f->a)->hours, ==, 8);
  /* E 07:59–10:00: 08:00–10:00, 120 minutes, 5 halves. */
  g_assert_cmpint (current_of (list, f->l02a, f->b)->hours, ==, 5);

  g_assert_cmpint (td_store_credited_hours (f->sf.store, f->klass->id, f->a, &lerr), ==, 22);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_credited_hours (f->sf.store, f->klass->id, f->b, &lerr), ==, 14);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_credited_hours (f->sf.store, f->klass->id, f->c, &lerr), ==, 8);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_credited_hours (f->sf.store, f->klass->id, f->d, &lerr), ==, 0);
  g_assert_no_error (lerr);
}

static void
assert_refused (Fixture *f, gint64 lesson, char status, const char *in, const char *out,
                const char *method, const char *message_part)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (record (f, lesson, f->d, status, in, out, method, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_status_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) chain = NULL;

  /* P needs in ≤ start and out ≥ end. */
  assert_refused (f, f->l01a, 'P', "08:01:00", "11:50:00", "FACE", "(R-ATT-003)");
  assert_refused (f, f->l01a, 'P', "07:50:00", "11:44:00", "FACE", "(R-ATT-003)");
  /* L needs in after start; E out before end and in by the start (late and early is L). */
  assert_refused (f, f->l01a, 'L', "08:00:00", "11:50:00", "FACE", "(R-ATT-003)");
  assert_refused (f, f->l01a, 'E', "07:50:00", "11:45:00", "FACE", "(R-ATT-003)");
  assert_refused (f, f->l01a, 'E', "08:10:00", "11:00:00", "FACE", "(R-ATT-003)");
  /* Times present and in order. */
  assert_refused (f, f->l01a, 'P', NULL, NULL, "FACE", "need sign-in and sign-out times");
  assert_refused (f, f->l01a, 'L', "09:00:00", "09:00:00", "FACE", "(R-ATT-003)");
  assert_refused (f, f->l01a, 'L', "9:00", "11:50:00", "FACE", "(R-ATT-003)");
  /* At most 60 minutes before the start and after the end. */
  assert_refused (f, f->l01a, 'P', "06:59:00", "11:50:00", "FACE",
                  "Sign-in is at most 60 minutes before the lesson (08:00:00) and sign-out at "
                  "most 60 minutes after it (11:45:00) (R-ATT-003).");
  assert_refused (f, f->l01a, 'P', "07:30:00", "12:46:00", "FACE", "(R-ATT-003)");
  /* Status and method are codes. */
  assert_refused (f, f->l01a, 'X', "07:30:00", "11:50:00", "FACE",
                  "The status must be P (present), L (late), E (left early), V (on leave) or "
                  "A (absent).");
  assert_refused (f, f->l01a, 'P', "07:30:00", "11:50:00", "PHONE",
                  "The sign-in method must be FACE, CARD, QR, ONLINE or MANUAL.");
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, 0);

  /* The edges themselves are fine: in 60 minutes early, out 60 minutes late. */
  record_ok (f, f->l01a, f->d, 'P', "07:00:00", "12:45:00", "FACE");
}

/* Nothing is recorded for a lesson after today (TD_TODAY): not one trainee, with the reason;
 * on the day of the lesson it is. */
static void
test_future_lesson (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) chain = NULL;

  g_setenv ("TD_TODAY", "2026-03-02", TRUE);
  g_assert_false (record (f, f->l02a, f->a, 'P', "08:00:00", "11:45:00", "FACE", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Lesson L02A is on 2026-03-03, after today (2026-03-02): "
                                       "attendance is recorded on the day of the lesson or "
                                       "later, as it happened.");
  g_clear_error (&error);
  g_assert_false (record (f, f->l02a, f->b, 'A', NULL, NULL, "MANUAL", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  chain = td_store_list_chain (f->sf.store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 0);
  record_ok (f, f->l01a, f->a, 'P', "08:00:00", "11:45:00", "FACE");
  g_setenv ("TD_TODAY", "2026-03-03", TRUE);
  record_ok (f, f->l02a, f->a, 'P', "08:00:00", "11:45:00", "FACE");
  g_unsetenv ("TD_TODAY");
}

static void
test_roster_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (TdClass) other = sf_save_class (f->sf.store, "YL2026-102", "2026-04-01",
                                             "2026-04-20");
  gint64 foreign = sf_save_lesson (f->sf.store, other->id, "L01A", "2026-04-01", "08:00:00",
                                   "11:45:00", 10);
  g_autoptr (GError) error = NULL;

  /* A lesson of another class (R-ATT-001). */
  g_assert_false (record (f, foreign, f->a, 'P', "07:55:00", "11:50:00", "FACE", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Lesson L01A is not in this class's timetable "
                                       "(R-ATT-001).");
  g_clear_error (&error);
  /* Withdrawn on 2026-03-02: that day's lessons still count, the next day's do not. */
  g_assert_true (td_store_withdraw (f->sf.store, f->klass->id, f->d, "2026-03-02", "生病", NULL));
  record_ok (f, f->l01b, f->d, 'A', NULL, NULL, "MANUAL");
  g_assert_false (record (f, f->l02a, f->d, 'A', NULL, NULL, "MANUAL", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "赵敏 withdrew on 2026-03-02 and has no attendance after "
                                       "that (R-ATT-002).");
}

/* ---- the chain ------------------------------------------------------------------------------ */

static void
test_chain (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *head = NULL;
  g_autofree char *sent = NULL;
  g_autoptr (GPtrArray) chain = NULL;

  record_base (f);
  head = assert_chain_recomputes (f);
  /* The chain the rule gives (computed with Python's hashlib for this test). */
  g_assert_cmpstr (head, ==, HEAD_BASE);
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (((TdAttendance *) g_ptr_array_index (chain, 0))->hash, ==, HASH_FIRST);
  sent = td_store_chain_sent_head (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (sent, ==, TD_CHAIN_ZERO);
  /* Typing the same values again changes nothing. */
  record_ok (f, f->l01a, f->b, 'L', "08:20:00", "11:50:00", "FACE");
  g_clear_pointer (&chain, g_ptr_array_unref);
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, 8);
}

/* A new record of a lesson joins the pending records of that lesson; a pending record
 * changed in place; the chain follows both. */
static void
test_chain_pending_changes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) chain = NULL;
  g_autofree char *head = NULL;
  g_autofree char *changed = NULL;
  const TdAttendance *r;

  record_base (f);
  record_ok (f, f->l01a, f->d, 'P', "08:00:00", "11:45:00", "FACE");
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, 9);
  r = g_ptr_array_index (chain, 3);
  g_assert_cmpstr (r->id_number, ==, ID_D);
  g_assert_cmpstr (r->lid, ==, "L01A");
  g_assert_cmpstr (((TdAttendance *) g_ptr_array_index (chain, 4))->lid, ==, "L01B");
  head = assert_chain_recomputes (f);
  g_assert_cmpstr (head, ==, "16c4a28cc16b1482c1ab96ff6e181614068662a3be8fab35d699f278c2d2db1b");

  /* B was present after all: the pending record changes in place, no record is added. */
  record_ok (f, f->l01a, f->b, 'P', "07:58:00", "11:46:00", "FACE");
  g_clear_pointer (&chain, g_ptr_array_unref);
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, 9);
  r = g_ptr_array_index (chain, 1);
  g_assert_cmpstr (r->id_number, ==, ID_B);
  g_assert_cmpint (r->status, ==, 'P');
  g_assert_cmpint (r->hours, ==, 10);
  g_assert_false (r->replaced);
  changed = assert_chain_recomputes (f);
  g_assert_cmpstr (changed, ==,
                   "77d5b00d233a16b0f13d2abdb82a8bfa85cc34fcfb267963c76ee1c4ab0386c2");
  g_assert_cmpint (td_store_credited_hours (f->sf.store, f->klass->id, f->b, &lerr), ==, 15);
  g_assert_no_error (lerr);
}

#define P1 "36f675cc-81e7-4ef5-a8e2-5d940ed90475"
#define P2 "5e0b1f43-2c1d-4e8e-9a53-0a8d6f1b2c3d"
#define SENT_HEAD "2bb60be6ae12788f1be45ce3266cea8d8863ee7bd98799095b3a1781e6c25269"

/* A change to a record a packet carried restates that whole packet. */
static void
test_chain_correction (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) chain = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GPtrArray) current = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *head = NULL;
  g_autoptr (GError) error = NULL;

  record_base (f);
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->klass->id, 6, P1, &error));
  g_assert_no_error (error);
  sent = td_store_chain_sent_head (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (sent, ==, SENT_HEAD);
  pending = td_store_list_pending_attendance (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (pending->len, ==, 2);

  /* C was on leave, not absent, on the afternoon of 2 March (carried by P1). */
  record_ok (f, f->l01b, f->c, 'V', NULL, NULL, "MANUAL");
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, 14);
  for (guint i = 0; i < 6; i++)
    {
      const TdAttendance *r = g_ptr_array_index (chain, i);
      g_assert_cmpstr (r->packet_id, ==, P1);
      g_assert_true (r->replaced);
    }
  for (guint i = 8; i < 14; i++)
    {
      const TdAttendance *r = g_ptr_array_index (chain, i);
      g_assert_null (r->packet_id);
      g_assert_cmpstr (r->restates, ==, P1);
      g_assert_false (r->replaced);
    }
  g_assert_cmpstr (((TdAttendance *) g_ptr_array_index (chain, 8))->lid, ==, "L01A");
  g_assert_cmpint (((TdAttendance *) g_ptr_array_index (chain, 13))->status, ==, 'V');
  g_assert_null (((TdAttendance *) g_ptr_array_index (chain, 6))->restates);
  head = assert_chain_recomputes (f);
  g_assert_cmpstr (head, ==, "8e66ad051b781cbe4714db61caabdb20ed705bba6e667dbfcb44d254152d7cc1");
  /* The sent part is untouched: the next batch continues from P1's head. */
  g_free (sent);
  sent = td_store_chain_sent_head (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (sent, ==, SENT_HEAD);
  current = td_store_list_attendance (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (current->len, ==, 8);
  g_assert_cmpint (current_of (current, f->l01b, f->c)->status, ==, 'V');
  g_assert_cmpint (td_store_credited_hours (f->sf.store, f->klass->id, f->a, &lerr), ==, 22);
  g_assert_no_error (lerr);

  /* Changed again before it is sent: in place, no third copy. */
  record_ok (f, f->l01b, f->c, 'A', NULL, NULL, "MANUAL");
  g_clear_pointer (&chain, g_ptr_array_unref);
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, 14);
  g_free (head);
  head = assert_chain_recomputes (f);
}

/* What the next batch carries: the pending records up to the first correction of a second
 * packet (a batch supersedes one packet at most). */
static void
test_pending_batch (Fixture *f, gconstpointer data)
{
  g_auto (TdPendingAttendance) pending = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (td_store_get_pending_attendance (f->sf.store, f->klass->id, &pending, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pending.n_pending, ==, 0);
  g_assert_cmpuint (pending.n_batch, ==, 0);
  g_assert_cmpint (pending.last_seq, ==, 0);
  g_assert_null (pending.restates);

  record_base (f);
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->klass->id, 3, P1, &error));
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->klass->id, 6, P2, &error));
  g_assert_no_error (error);
  td_pending_attendance_clear (&pending);
  g_assert_true (td_store_get_pending_attendance (f->sf.store, f->klass->id, &pending, &error));
  g_assert_cmpuint (pending.n_pending, ==, 2);
  g_assert_cmpuint (pending.n_batch, ==, 2);
  g_assert_cmpint (pending.last_seq, ==, 8);
  g_assert_null (pending.restates);

  /* a correction of a P2 record, then one of a P1 record: P2's comes first, so the batch
   * restates P2 and stops before P1's */
  record_ok (f, f->l01b, f->c, 'V', NULL, NULL, "MANUAL");
  record_ok (f, f->l01a, f->c, 'P', "07:50:00", "11:50:00", "CARD");
  g_autoptr (GPtrArray) chain = td_store_list_chain (f->sf.store, f->klass->id, &error);
  g_assert_no_error (error);
  guint first_p1 = 0, n_p2 = 0;
  for (guint i = 0; i < chain->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (chain, i);
      if (g_strcmp0 (r->restates, P1) == 0 && first_p1 == 0)
        first_p1 = i;
      n_p2 += g_strcmp0 (r->restates, P2) == 0;
    }
  g_assert_cmpuint (n_p2, >, 0);
  g_assert_cmpuint (first_p1, >, 8);
  td_pending_attendance_clear (&pending);
  g_assert_true (td_store_get_pending_attendance (f->sf.store, f->klass->id, &pending, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pending.n_pending, ==, chain->len - 6);
  g_assert_cmpuint (pending.n_batch, ==, 2 + n_p2);
  g_assert_cmpint (pending.last_seq, ==,
                   ((TdAttendance *) g_ptr_array_index (chain, first_p1 - 1))->seq);
  g_assert_cmpstr (pending.restates, ==, P2);
}

/* The bureau rejects the correction: its records are pending again and still restate P1,
 * so the next batch supersedes P1 (R-ATT-006). */
static void
test_unmark (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GPtrArray) chain = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *head = NULL;
  g_autoptr (GError) error = NULL;

  record_base (f);
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->klass->id, 8, P1, NULL));
  /* Rejected: all eight are pending again and can change in place. */
  g_assert_true (td_store_unmark_attendance (f->sf.store, P1, &error));
  g_assert_no_error (error);
  pending = td_store_list_pending_attendance (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (pending->len, ==, 8);
  sent = td_store_chain_sent_head (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (sent, ==, TD_CHAIN_ZERO);
  record_ok (f, f->l01b, f->c, 'V', NULL, NULL, "MANUAL");
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, 8);
  head = assert_chain_recomputes (f);

  /* Sent as P1 and accepted; a correction (P2) sent; P2 rejected. */
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->klass->id, 8, P1, NULL));
  record_ok (f, f->l01a, f->b, 'P', "07:58:00", "11:46:00", "FACE");
  g_clear_pointer (&chain, g_ptr_array_unref);
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, 16);         /* all eight of P1 restated */
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->klass->id, 16, P2, NULL));
  g_assert_true (td_store_unmark_attendance (f->sf.store, P2, NULL));
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = td_store_list_pending_attendance (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (pending->len, ==, 8);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpstr (((TdAttendance *) g_ptr_array_index (pending, i))->restates, ==, P1);
  g_free (head);
  head = assert_chain_recomputes (f);
}

/* A correction made while its packet waits for the receipt, then that packet rejected: the
 * rejected records drop out of the chain and the corrected ones are plain pending records;
 * the next batch carries each lesson and trainee once. */
static void
test_unmark_after_correction (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GPtrArray) chain = NULL;
  g_autoptr (GPtrArray) current = NULL;
  g_autofree char *head = NULL;

  record_base (f);
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->klass->id, 6, P1, NULL));
  record_ok (f, f->l01b, f->c, 'V', NULL, NULL, "MANUAL");
  g_assert_true (td_store_unmark_attendance (f->sf.store, P1, NULL));
  pending = td_store_list_pending_attendance (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (pending->len, ==, 8);
  for (guint i = 0; i < pending->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (pending, i);
      g_assert_false (r->replaced);
      g_assert_null (r->restates);     /* P1 was never accepted: nothing to supersede */
      for (guint j = 0; j < i; j++)
        {
          const TdAttendance *q = g_ptr_array_index (pending, j);
          g_assert_false (q->lesson_id == r->lesson_id && q->trainee_id == r->trainee_id);
        }
    }
  chain = td_store_list_chain (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, 8);
  current = td_store_list_attendance (f->sf.store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpint (current_of (current, f->l01b, f->c)->status, ==, 'V');
  head = assert_chain_recomputes (f);
}

/* ---- changed behind the program's back ------------------------------------------------------ */

static void
test_verify_catches_tampering (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  const TdVerifyProblem *p;

  record_base (f);
  problems = td_store_verify (f->sf.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Someone with a database tool turns B's leave on the afternoon of 2 March into absent. */
  sf_sql (f->sf.path, "UPDATE attendance SET status = 'A' WHERE seq = 5");
  problems = td_store_verify (f->sf.store, &error);
  g_assert_no_error (error);
  /* the chain names the record; the audit log has the change no TrainDesk write made */
  g_assert_cmpuint (problems->len, ==, 2);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (p->class_code, ==, "YL2026-101");
  g_assert_cmpstr (p->lid, ==, "L01B");
  g_assert_cmpstr (p->id_number, ==, ID_B);
  g_assert_cmpint (p->seq, ==, 5);
  g_assert_nonnull (strstr (p->message, "changed outside TrainDesk"));
  p = g_ptr_array_index (problems, 1);
  g_assert_nonnull (strstr (p->message, "TrainDesk did not write: update of attendance row"));
}

/* The attendance page's check (td_store_verify_class): after a clean check it goes on from
 * where it stopped, over what this connection added or changed since; whatever another
 * program writes makes it check the whole chain again, and a problem found is reported on
 * every check, not taken as checked. */
static void
test_verify_class_resumes (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  const TdVerifyProblem *p;

  record_base (f);
  problems = td_store_verify_class (f->sf.store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* a pending record typed again (the tail after it rehashed), one added to a lesson in the
   * middle (the later records moved up) and one at the end */
  record_ok (f, f->l01a, f->b, 'P', "07:55:00", "11:50:00", "FACE");
  record_ok (f, f->l01b, f->d, 'P', "13:55:00", "17:00:00", "CARD");
  record_ok (f, f->l02a, f->c, 'P', "07:58:00", "11:45:00", "QR");
  problems = td_store_verify_class (f->sf.store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_free (assert_chain_recomputes (f));

  /* sent, then rejected: the chain numbered again from 1 */
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->klass->id, 6, P1, NULL));
  problems = td_store_verify_class (f->sf.store, f->klass->id, &error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (td_store_unmark_attendance (f->sf.store, P1, NULL));
  problems = td_store_verify_class (f->sf.store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* a record long checked, changed with a database tool */
  sf_sql (f->sf.path, "UPDATE attendance SET status = 'A' WHERE seq = 1");
  for (int twice = 0; twice < 2; twice++)
    {
      problems = td_store_verify_class (f->sf.store, f->klass->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 1);
      p = g_ptr_array_index (problems, 0);
      g_assert_cmpint (p->seq, ==, 1);
      g_assert_cmpstr (p->lid, ==, "L01A");
      g_assert_nonnull (strstr (p->message, "changed outside TrainDesk"));
      g_clear_pointer (&problems, g_ptr_array_unref);
    }
}

static char *
run_cli (const char *db, const char *verb, int *status, char **err)
{
  const char *cli = g_getenv ("TD_CLI");
  const char *argv[] = { cli, "--db", db, verb, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  *status = 0;
  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
      *status = error->code;
    }
  return out;
}

static void
test_cli_verify (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  record_base (f);
  g_clear_object (&f->sf.store);
  out = run_cli (f->sf.path, "verify", &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "The database is sound, every attendance chain recomputes, and every "
                            "packet sent matches its digest, its receipt and the records it "
                            "carried.\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  sf_sql (f->sf.path, "UPDATE attendance SET status = 'A' WHERE seq = 5");
  out = run_cli (f->sf.path, "verify", &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (out, "class YL2026-101, lesson L01B, trainee " MASK_B ": "));
  g_assert_nonnull (strstr (out, "changed outside TrainDesk"));
  g_assert_null (strstr (out, ID_B));     /* the id only masked, as everywhere in the CLI */
  /* and the audit log's entry for the change, which TrainDesk did not write */
  g_assert_nonnull (strstr (out, "\nthe audit log has an entry TrainDesk did not write: update "
                                 "of attendance row"));
  g_assert_cmpstr (err, ==, "2 problems found.\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a deleted record is one finding, not one for every record after it */
  sf_sql (f->sf.path, "DELETE FROM attendance WHERE seq = 2");
  out = run_cli (f->sf.path, "verify", &status, &err);
  g_assert_cmpint (status, ==, 1);
  /* named from the audit log's entry for the deletion */
  g_assert_nonnull (strstr (out, ": record 2 is missing from the attendance chain: it was "
                                 "deleted outside TrainDesk\n"));
  g_assert_true (g_str_has_prefix (out, "class YL2026-101, lesson L01A, trainee "));
  g_assert_nonnull (strstr (out, "did not write: delete of attendance row"));
  g_assert_cmpstr (err, ==, "4 problems found.\n");
}

/* ---- the examples' format -------------------------------------------------------------------- */

static char *
attr (GMatchInfo *match, const char *tag, const char *name)
{
  g_autofree char *text = g_match_info_fetch (match, 0);
  g_autofree char *pattern = g_strdup_printf ("\\s%s=\"([^\"]*)\"", name);
  g_autoptr (GRegex) re = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr (GMatchInfo) m = NULL;

  if (!g_regex_match (re, text, 0, &m))
    return g_strdup ("");
  return g_match_info_fetch (m, 1);
}

/* The bureau's example batches: their Chain recomputes with td_chain_line/td_chain_step, and
 * the second continues from the first's head. */
static void
test_example_chains (void)
{
  static const char *const names[] = { "attendance.xml", "attendance-2.xml" };
  static const char *const heads[] = {
    "9f32bfbb92c5c7ea65b4c4aa5bbc7f17347010dba6d3787721e2a4552faa8803",
    "f04db45dc19b21651fdd224b4727053750546908a8077901bff88f960c87b917",
  };
  static const int counts[] = { 380, 740 };
  char h[65] = TD_CHAIN_ZERO;
  char fields_h[65] = TD_CHAIN_ZERO;   /* the same chain by td_chain_step_record */
  g_autoptr (GRegex) re = g_regex_new ("<(Session|Record|Chain)\\s[^>]*>", 0, 0, NULL);

  for (gsize n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau", names[n],
                                                NULL);
      g_autofree char *xml = NULL;
      g_autofree char *date = NULL;
      g_autofree char *lesson = NULL;
      g_autoptr (GMatchInfo) m = NULL;
      int count = 0;

      g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
      g_regex_match (re, xml, 0, &m);
      for (; g_match_info_matches (m); g_match_info_next (m, NULL))
        {
          g_autofree char *tag = g_match_info_fetch (m, 1);

          if (g_str_equal (tag, "Session"))
            {
              g_free (date);
              g_free (lesson);
              date = attr (m, tag, "date");
              lesson = attr (m, tag, "lesson");
            }
          else if (g_str_equal (tag, "Record"))
            {
              g_autofree char *id = attr (m, tag, "id");
              g_autofree char *status = attr (m, tag, "status");
              g_autofree char *in = attr (m, tag, "in");
              g_autofree char *out = attr (m, tag, "out");
              g_autofree char *hours = attr (m, tag, "hours");
              g_autofree char *method = attr (m, tag, "method");
              g_autofree char *line = td_chain_line (date, lesson, id, status[0], in, out, hours,
                                                     method);
              char next[65];

              g_assert_true (td_chain_step (h, line, next));
              memcpy (h, next, sizeof h);
              g_assert_true (td_chain_step_record (fields_h, date, lesson, id, status[0], in,
                                                   out, hours, method, fields_h));
              g_assert_cmpstr (fields_h, ==, h);
              count++;
            }
          else
            {
              g_autofree char *prev = attr (m, tag, "prev");
              /* The second batch starts from the first one's head. */
              g_assert_cmpstr (prev, ==, n == 0 ? TD_CHAIN_ZERO : heads[0]);
            }
        }
      g_assert_cmpint (count, ==, counts[n]);
      g_assert_cmpstr (h, ==, heads[n]);
    }
  /* a previous value that is not 64 hex digits is refused, whichever way the step is made */
  for (gsize i = 0; i < 3; i++)
    {
      static const char *const bad[] = {
        "9f32bfbb92c5c7ea65b4c4aa5bbc7f17347010dba6d3787721e2a4552faa880",
        "9f32bfbb92c5c7ea65b4c4aa5bbc7f17347010dba6d3787721e2a4552faa8803a",
        "9f32bfbb92c5c7ea65b4c4aa5bbc7f17347010dba6d3787721e2a4552faa880g",
      };
      char next[65];

      g_assert_false (td_chain_step (bad[i], "line\n", next));
      g_assert_false (td_chain_step_record (bad[i], "2026-01-05", "L1", "x", 'P', NULL, NULL,
                                            "4", "FACE", next));
    }
  /* capitals read as the same value; the result is lower case */
  {
    char lower[65], upper[65];
    g_autofree char *caps = g_ascii_strup (heads[0], -1);

    g_assert_true (td_chain_step (heads[0], "x\n", lower));
    g_assert_true (td_chain_step (caps, "x\n", upper));
    g_assert_cmpstr (lower, ==, upper);
  }
}

/* ---- what a page reads again ------------------------------------------------------------ */

static GPtrArray *
since (Fixture *f, const TdAttendanceMark *mark, gboolean *whole)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = td_store_list_attendance_since (f->sf.store, f->klass->id, mark, whole,
                                                    &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* @r is what td_store_list_attendance has for its lesson and trainee, field for field. */
static void
assert_current (Fixture *f, const TdAttendance *r)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = td_store_list_attendance (f->sf.store, f->klass->id, &error);
  const TdAttendance *c;

  g_assert_no_error (error);
  c = current_of (all, r->lesson_id, r->trainee_id);
  g_assert_cmpint (r->id, ==, c->id);
  g_assert_false (r->replaced);
  g_assert_cmpint (r->status, ==, c->status);
  g_assert_cmpstr (r->time_in, ==, c->time_in);
  g_assert_cmpstr (r->time_out, ==, c->time_out);
  g_assert_cmpint (r->hours, ==, c->hours);
  g_assert_cmpstr (r->method, ==, c->method);
  g_assert_cmpstr (r->packet_id, ==, c->packet_id);
  g_assert_cmpstr (r->restates, ==, c->restates);
  g_assert_cmpint (r->seq, ==, c->seq);
  g_assert_cmpstr (r->hash, ==, c->hash);
}

/* The attendance page reads only the records written since it last read (a mark): those
 * come back as they are now, replaced ones flagged; when the store cannot tell (a batch sent,
 * another program's commit) it gives the whole class. */
static void
test_attendance_since (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL, all = NULL;
  TdAttendanceMark mark;
  gboolean whole = TRUE;
  guint replaced = 0;

  record_base (f);
  mark = td_store_attendance_mark (f->sf.store);
  list = since (f, &mark, &whole);
  g_assert_false (whole);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* one record added (in the middle of the chain), one typed again */
  record_ok (f, f->l01a, f->d, 'P', "07:55:00", "11:50:00", "CARD");
  record_ok (f, f->l01b, f->c, 'P', "13:55:00", "17:00:00", "FACE");
  list = since (f, &mark, &whole);
  g_assert_false (whole);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    assert_current (f, g_ptr_array_index (list, i));
  g_assert_cmpint (current_of (list, f->l01a, f->d)->status, ==, 'P');
  g_assert_cmpint (current_of (list, f->l01b, f->c)->hours, ==, 8);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* a batch marked sent: every record of the class may have changed */
  mark = td_store_attendance_mark (f->sf.store);
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->klass->id, 5, P1, NULL));
  list = since (f, &mark, &whole);
  g_assert_true (whole);
  all = td_store_list_attendance (f->sf.store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, all->len);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* a sent record corrected: the packet's records replaced, restated in the tail */
  mark = td_store_attendance_mark (f->sf.store);
  record_ok (f, f->l01a, f->a, 'A', NULL, NULL, "FACE");
  list = since (f, &mark, &whole);
  g_assert_false (whole);
  for (guint i = 0; i < list->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (list, i);
      if (r->replaced)
        {
          g_assert_cmpstr (r->packet_id, ==, P1);
          replaced++;
        }
      else
        assert_current (f, r);
    }
  g_assert_cmpuint (replaced, ==, 5);
  g_assert_cmpuint (list->len, ==, 10);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* a record a transaction added and then rolled back: gone */
  mark = td_store_attendance_mark (f->sf.store);
  g_assert_true (td_store_begin (f->sf.store, &error));
  record_ok (f, f->l02a, f->d, 'P', "07:55:00", "11:50:00", "QR");
  td_store_rollback (f->sf.store);
  list = since (f, &mark, &whole);
  g_assert_false (whole);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (((TdAttendance *) g_ptr_array_index (list, 0))->replaced);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* another program's commit: the store cannot tell what it wrote */
  if (!sf_on_server ())   /* (a server's word of it arrives when it arrives) */
    {
      mark = td_store_attendance_mark (f->sf.store);
      sf_sql (f->sf.path, "INSERT INTO setting (key, value) VALUES ('other-program', 'x')");
      list = since (f, &mark, &whole);
      g_assert_true (whole);
      g_assert_cmpuint (list->len, ==, all->len);
    }
}

#define ADD(name, func) \
  G_STMT_START { if (SF_RUNS ()) g_test_add (name, Fixture, NULL, setup, func, teardown); } G_STMT_END

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/attendance/credited-hours", test_credited_hours);
  ADD ("/attendance/status-rules", test_status_rules);
  ADD ("/attendance/roster-rules", test_roster_rules);
  ADD ("/attendance/future-lesson", test_future_lesson);
  ADD ("/attendance/chain", test_chain);
  ADD ("/attendance/chain/pending-changes", test_chain_pending_changes);
  ADD ("/attendance/chain/correction", test_chain_correction);
  ADD ("/attendance/chain/pending-batch", test_pending_batch);
  ADD ("/attendance/chain/unmark", test_unmark);
  ADD ("/attendance/chain/unmark-after-correction", test_unmark_after_correction);
  ADD ("/attendance/verify/tampering", test_verify_catches_tampering);
  ADD ("/attendance/verify/class-resumes", test_verify_class_resumes);
  ADD ("/attendance/verify/cli", test_cli_verify);
  ADD ("/attendance/since", test_attendance_since);
  if (!sf_on_server ())   /* no database: the same on either engine */
    g_test_add_func ("/attendance/chain/examples", test_example_chains);
  return g_test_run ();
}
