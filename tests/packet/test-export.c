/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export: what the data allows, filing → receipt → roster with filingNo, supersedes,
 * unchanged re-export of a sent packet, attendance chain across batches and corrections,
 * and a failed write that leaves nothing behind. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "export-fixture.h"
#include "../td-test-db.h"

#define FILED FIX_FILED
#define FILING_OK FIX_FILING_OK
#define ROSTER_AT FIX_ROSTER_AT
#define ROSTER_OK FIX_ROSTER_OK

static TdExportResult *
refused (Fixture *f, TdPacketKind kind, const char *created, int code, const char *needle)
{
  TdExportOptions options = { .created = created };
  g_autoptr (GError) error = NULL;
  TdExportResult *r = td_export_packet (f->store, kind, FIX_CLASS, 0, 0, &options, NULL, &error);

  g_assert_null (r);
  g_assert_error (error, TD_EXPORT_ERROR, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("'%s' not in '%s'", needle, error->message);
  return NULL;
}

static gboolean
contains (GBytes *bytes, const char *needle)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return strstr (text, needle) != NULL;
}

static void
test_filing_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) filing = NULL;
  g_autoptr (TdExportResult) roster = NULL;
  g_autoptr (TdPacketLog) log = NULL;
  g_autoptr (GBytes) written = NULL;
  g_autofree char *outbox = g_build_filename (f->dir, "outbox", NULL);

  refused (f, TD_KIND_ROSTER, ROSTER_AT, TD_EXPORT_ERROR_REFUSED, "R-PKT-005");
  filing = fixture_export (f, TD_KIND_FILING, FILED);
  g_assert_true (g_str_has_prefix (filing->path, outbox));
  g_assert_true (g_str_has_suffix (filing->path,
                                   G_DIR_SEPARATOR_S "filing-" FIX_CLASS "-20260220-093000.xml"));
  fixture_assert_xmllint (filing->path);
  fixture_assert_digest (filing->path, filing->digest);
  log = td_store_get_packet (f->store, filing->packet_id, NULL);
  g_assert_cmpint (log->status, ==, TD_PACKET_SENT);
  g_assert_cmpstr (log->digest, ==, filing->digest);
  g_assert_cmpstr (log->created, ==, FILED);
  written = fixture_read (filing->path);
  g_assert_true (g_bytes_equal (written, log->content));
  g_assert_false (contains (written, "filingNo"));

  fixture_accept (f, filing, FILING_OK);
  g_clear_pointer (&f->klass, td_class_free);
  f->klass = td_store_get_class_by_code (f->store, FIX_CLASS, NULL);
  roster = fixture_export (f, TD_KIND_ROSTER, ROSTER_AT);
  g_assert_null (roster->supersedes);
  fixture_assert_xmllint (roster->path);
  g_clear_pointer (&written, g_bytes_unref);
  written = fixture_read (roster->path);
  g_assert_true (contains (written, "<ClassRef code=\"" FIX_CLASS "\" filingNo=\"" FIX_FILING_NO
                                    "\"/>"));
}

static void
test_roster_supersedes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdPacketLog) first = NULL;
  g_autoptr (TdExportResult) second = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  TdEnrolment *e;
  g_autofree char *path = NULL;

  fixture_file_and_roster (f);
  first = td_store_latest_packet (f->store, TD_KIND_ROSTER, f->klass->id, 0, 0, &lerr);
  g_assert_no_error (lerr);
  refused (f, TD_KIND_ROSTER, "2026-02-28T09:00:00+08:00", TD_EXPORT_ERROR_UNCHANGED,
           first->id);

  roster = td_store_list_enrolments (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  e = g_ptr_array_index (roster, 1);
  g_free (e->trainee.phone);
  e->trainee.phone = g_strdup ("13800138000");
  g_assert_true (td_store_save_enrolment (f->store, e, NULL));
  second = fixture_export (f, TD_KIND_ROSTER, "2026-02-28T09:00:00+08:00");
  g_assert_cmpstr (second->supersedes, ==, first->id);
  fixture_assert_xmllint (second->path);
  path = g_strdup (second->path);
  {
    g_autoptr (GBytes) bytes = fixture_read (path);
    g_autofree char *attr = g_strdup_printf ("supersedes=\"%s\"", first->id);
    g_assert_true (contains (bytes, attr));
    g_assert_true (contains (bytes, "<Phone>13800138000</Phone>"));
    /* the superseding roster restates every trainee */
    g_assert_true (contains (bytes, "371525199310113167"));
  }
}

static void
test_sent_reexport (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdExportResult) filing = fixture_export (f, TD_KIND_FILING, FILED);
  g_autoptr (TdExportResult) again = NULL;
  g_autoptr (GBytes) first_bytes = fixture_read (filing->path);
  g_autoptr (GBytes) again_bytes = NULL;
  g_autofree char *first_path = g_strdup (filing->path);

  g_assert_true (g_unlink (filing->path) == 0);
  again = fixture_export (f, TD_KIND_FILING, "2026-02-20T11:00:00+08:00");
  g_assert_true (again->reused);
  g_assert_cmpstr (again->packet_id, ==, filing->packet_id);
  g_assert_cmpstr (again->path, ==, first_path);
  again_bytes = fixture_read (again->path);
  g_assert_true (g_bytes_equal (first_bytes, again_bytes));
  g_assert_cmpuint (td_store_list_packets (f->store, f->klass->id, &lerr)->len, ==, 1);
  g_assert_no_error (lerr);

  /* the class has not started on the day of the change: its title may change, re-sent in a
   * correction (issue 18.1) */
  g_setenv ("TD_TODAY", "2026-02-20", TRUE);
  g_free (f->klass->title);
  f->klass->title = g_strdup ("养老护理员培训合格班2026年第1期（调整）");
  g_assert_true (td_store_save_class (f->store, f->klass, NULL));
  g_unsetenv ("TD_TODAY");
  refused (f, TD_KIND_FILING, "2026-02-20T11:00:00+08:00", TD_EXPORT_ERROR_WAITING,
           filing->packet_id);
}

static void
test_attendance_chain (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdExportResult) one = NULL;
  g_autoptr (TdExportResult) two = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *head = NULL;

  fixture_file_and_roster (f);
  refused (f, TD_KIND_ATTENDANCE, "2026-03-02T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED,
           "no attendance records");
  fixture_attend (f, 0);
  fixture_attend (f, 1);
  one = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-02T18:00:00+08:00");
  fixture_assert_xmllint (one->path);
  fixture_assert_digest (one->path, one->digest);
  g_assert_cmpuint (td_store_list_pending_attendance (f->store, f->klass->id, &lerr)->len, ==, 0);
  g_assert_no_error (lerr);
  head = td_store_chain_sent_head (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);

  fixture_attend (f, 2);
  fixture_attend (f, 3);
  waiting = g_strdup_printf ("%s (created 2026-03-02T18:00:00+08:00)", one->packet_id);
  refused (f, TD_KIND_ATTENDANCE, "2026-03-03T18:00:00+08:00", TD_EXPORT_ERROR_WAITING, waiting);

  fixture_accept (f, one, "2026-03-02T19:00:00+08:00");
  two = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-03T18:00:00+08:00");
  fixture_assert_xmllint (two->path);
  bytes = fixture_read (two->path);
  prev = g_strdup_printf ("<Chain prev=\"%s\"", head);
  g_assert_true (contains (bytes, prev));
  g_assert_true (contains (bytes, "count=\"6\""));
  g_assert_false (contains (bytes, "lesson=\"L01A\""));
  g_assert_true (contains (bytes, "lesson=\"L02B\""));
  g_assert_null (two->supersedes);
}

/* The next attendance export after a record of lesson L01A was changed to, or added as,
 * late (08:20): it supersedes @one and carries the lesson whole, 3 records. */
static void
assert_l01a_restated (Fixture *f, const TdExportResult *one)
{
  g_autoptr (TdExportResult) fix = fixture_export (f, TD_KIND_ATTENDANCE,
                                                   "2026-03-03T09:00:00+08:00");
  g_autoptr (GBytes) bytes = NULL;

  g_assert_cmpstr (fix->supersedes, ==, one->packet_id);
  fixture_assert_xmllint (fix->path);
  bytes = fixture_read (fix->path);
  g_assert_true (contains (bytes, "lesson=\"L01A\""));
  g_assert_true (contains (bytes, "status=\"L\" in=\"08:20:00\""));
  g_assert_true (contains (bytes, "count=\"3\""));
}

static void
test_attendance_correction (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) one = NULL;

  fixture_file_and_roster (f);
  fixture_attend (f, 0);
  one = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-02T18:00:00+08:00");
  fixture_accept (f, one, "2026-03-02T19:00:00+08:00");
  /* a carried record changes: the correction restates batch one */
  g_assert_true (td_store_record_attendance (f->store, f->klass->id, f->lessons[0],
                                             f->trainees[0], 'L', "08:20:00", "11:50:00", "FACE",
                                             NULL));
  assert_l01a_restated (f, one);
}

/* A record typed late for a lesson a sent batch already carried (trainee 3's sign-in found
 * the next day): it cannot go out alone — the lesson would be in two accepted batches
 * (R-ATT-006) — so it restates that batch, and the next export supersedes it with the
 * lesson whole. */
static void
test_attendance_late_record (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) one = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  fixture_file_and_roster (f);
  for (int t = 0; t < 2; t++)
    {
      g_assert_true (td_store_record_attendance (f->store, f->klass->id, f->lessons[0],
                                                 f->trainees[t], 'P', "07:50:00", "11:50:00",
                                                 "FACE", &error));
      g_assert_no_error (error);
    }
  one = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-02T18:00:00+08:00");
  bytes = fixture_read (one->path);
  g_assert_true (contains (bytes, "count=\"2\""));
  g_clear_pointer (&bytes, g_bytes_unref);
  fixture_accept (f, one, "2026-03-02T19:00:00+08:00");
  g_assert_true (td_store_record_attendance (f->store, f->klass->id, f->lessons[0],
                                             f->trainees[2], 'L', "08:20:00", "11:50:00", "FACE",
                                             &error));
  g_assert_no_error (error);
  assert_l01a_restated (f, one);
}

static void
test_unfinished_and_claim_order (Fixture *f, gconstpointer data)
{
  fixture_file_and_roster (f);
  refused (f, TD_KIND_ASSESSMENT, "2026-03-05T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED,
           "ends on 2026-03-05");
  refused (f, TD_KIND_CLAIM, "2026-03-05T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED,
           "ends on 2026-03-05");
  refused (f, TD_KIND_NOTICE, "2026-03-05T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED,
           "nothing to notify");
  refused (f, TD_KIND_CLAIM, "2026-03-10T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED,
           "R-SUB-006");
}

static void
save_results (Fixture *f)
{
  for (int t = 0; t < 3; t++)
    {
      g_autoptr (TdResult) r = td_result_new ();
      g_autoptr (GError) error = NULL;

      r->class_id = f->klass->id;
      r->trainee_id = f->trainees[t];
      r->theory = 800 + 10 * t;
      r->practice = 850;
      r->outcome = t < 2 ? 1 : 2;
      if (t < 2)
        {
          r->cert_type = 4;
          r->cert_level = 0;
          r->cert_number = g_strdup_printf ("GY2026-PX-%04d", t + 1);
          strcpy (r->cert_issued, "2026-03-09");
          r->cert_issuer = g_strdup ("聊城市东昌府区光岳职业培训学校");
        }
      g_assert_true (td_store_save_result (f->store, r, &error));
      g_assert_no_error (error);
    }
}

static void
save_follow_up (Fixture *f)
{
  g_autoptr (TdFollowUp) u = td_follow_up_new ();
  g_autoptr (GError) error = NULL;

  u->class_id = f->klass->id;
  u->trainee_id = f->trainees[0];
  strcpy (u->checked, "2026-04-10");
  u->status = 1;
  u->employer_credit_code = g_strdup ("91371502MA3C001015");
  u->employer_name = g_strdup ("东昌府区康乐居家养老服务中心");
  strcpy (u->since, "2026-03-20");
  u->proof = 1;
  u->monthly_wage = 420000;
  g_assert_true (td_store_save_follow_up (f->store, u, &error));
  g_assert_no_error (error);
}

static TdExportResult *
export_checked (Fixture *f, TdPacketKind kind, const char *created, const char *issued)
{
  TdExportResult *r = fixture_export (f, kind, created);

  fixture_assert_xmllint (r->path);
  fixture_assert_digest (r->path, r->digest);
  if (issued != NULL)
    fixture_accept (f, r, issued);
  return r;
}

/* Every kind through to the claim and the quarterly report: each packet passes xmllint and
 * its digest is libxml2's. */
static void
test_whole_class (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdExportResult) a1 = NULL, a2 = NULL, asm_ = NULL, fu = NULL, claim = NULL;
  g_autoptr (TdExportResult) notice = NULL, quarterly = NULL;
  g_autoptr (TdClaim) stored = NULL;
  g_autoptr (TdFindings) failed = NULL;
  TdExportOptions options = { .created = "2026-04-25T09:00:00+08:00" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  fixture_file_and_roster (f);
  for (int i = 0; i < 4; i++)
    fixture_attend (f, i);
  a1 = export_checked (f, TD_KIND_ATTENDANCE, "2026-03-03T18:00:00+08:00",
                       "2026-03-03T19:00:00+08:00");
  for (int i = 4; i < 8; i++)
    fixture_attend (f, i);
  a2 = export_checked (f, TD_KIND_ATTENDANCE, "2026-03-05T18:00:00+08:00",
                       "2026-03-05T19:00:00+08:00");
  save_results (f);
  refused (f, TD_KIND_CLAIM, "2026-03-10T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED, "R-SUB-006");
  asm_ = export_checked (f, TD_KIND_ASSESSMENT, "2026-03-10T10:00:00+08:00",
                         "2026-03-10T11:00:00+08:00");
  save_follow_up (f);
  fu = export_checked (f, TD_KIND_FOLLOWUP, "2026-04-10T10:00:00+08:00",
                       "2026-04-10T11:00:00+08:00");
  claim = export_checked (f, TD_KIND_CLAIM, "2026-04-20T10:00:00+08:00", NULL);
  bytes = fixture_read (claim->path);
  /* 500.00 is the per-hour cap (10.00 × 40 h = 400.00 < 500.00); uplift 20 % with the job */
  g_assert_true (contains (bytes, "<Line id=\"371524197608024399\" certificate=\"4\" level=\"0\" "
                                  "attendanceRate=\"1.0000\" standard=\"400.00\" "
                                  "uplift=\"80.00\" amount=\"480.00\"/>"));
  g_assert_true (contains (bytes, "<Total count=\"2\" amount=\"880.00\"/>"));
  g_assert_true (contains (bytes, "<Declaration signedBy=\"王立新\" date=\"2026-04-20\"/>"));
  stored = td_store_get_claim_by_packet (f->store, claim->packet_id, &lerr);
  g_assert_no_error (lerr);
  g_assert_nonnull (stored);
  g_assert_cmpint (stored->total, ==, 88000);
  g_assert_cmpuint (stored->lines->len, ==, 2);
  fixture_accept (f, claim, "2026-04-21T10:00:00+08:00");
  /* what td-receipt does with the claim's receipt: every line approved as claimed */
  g_assert_true (td_store_set_claim_approved (f->store, claim->packet_id, 88000, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (td_store_withdraw (f->store, f->klass->id, f->trainees[2], "2026-03-05",
                                    "退训", &error));
  g_assert_no_error (error);
  notice = export_checked (f, TD_KIND_NOTICE, "2026-04-22T10:00:00+08:00",
                          "2026-04-22T11:00:00+08:00");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = fixture_read (notice->path);
  g_assert_true (contains (bytes, "<Withdrawal id=\"371525199310113167\" date=\"2026-03-05\">"
                                  "退训</Withdrawal>"));

  quarterly = td_export_packet (f->store, TD_KIND_QUARTERLY, NULL, 2026, 1, &options, &failed,
                                &error);
  if (failed != NULL)
    g_printerr ("%s", td_findings_format (failed));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (quarterly->path,
                                   G_DIR_SEPARATOR_S "quarterly-2026Q1-20260425-090000.xml"));
  fixture_assert_xmllint (quarterly->path);
  fixture_assert_digest (quarterly->path, quarterly->digest);
}

/* The assessment's receipt is issued after the claim's time (a PC clock behind the bureau's):
 * the rules do not count the acceptance yet, and the refusal says why. */
static void
test_receipt_after_created (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) a1 = NULL, asm_ = NULL, fu = NULL;
  g_autoptr (TdFindings) findings = NULL;
  g_autoptr (GError) error = NULL;
  TdExportOptions options = { .created = "2026-04-20T10:00:00+08:00" };
  const TdFinding *hint = NULL;

  fixture_file_and_roster (f);
  for (int i = 0; i < 8; i++)
    fixture_attend (f, i);
  a1 = export_checked (f, TD_KIND_ATTENDANCE, "2026-03-05T18:00:00+08:00",
                       "2026-03-05T19:00:00+08:00");
  save_results (f);
  save_follow_up (f);
  fu = export_checked (f, TD_KIND_FOLLOWUP, "2026-04-10T10:00:00+08:00",
                       "2026-04-10T11:00:00+08:00");
  asm_ = export_checked (f, TD_KIND_ASSESSMENT, "2026-04-19T10:00:00+08:00",
                         "2026-04-20T15:00:00+08:00");
  g_assert_null (td_export_packet (f->store, TD_KIND_CLAIM, FIX_CLASS, 0, 0, &options,
                                   &findings, &error));
  g_assert_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_CHECK);
  for (guint i = 0; i < td_findings_get_n (findings); i++)
    if (g_strcmp0 (td_findings_get (findings, i)->rule, "R-PKT-003") == 0)
      hint = td_findings_get (findings, i);
  g_assert_nonnull (hint);
  g_assert_cmpint (hint->severity, ==, TD_SEVERITY_INFO);
  g_assert_cmpstr (hint->ref, ==, asm_->packet_id);
  g_assert_cmpstr (hint->message, ==,
                   "The receipt of the Assessment packet was issued at "
                   "2026-04-20T15:00:00+08:00, after this packet's time "
                   "2026-04-20T10:00:00+08:00, so the rules do not count it yet. Check the "
                   "computer's date and time, or export again later.");
}

/* The target's parent is a regular file, so the folder can never be created (this also
 * fails as root, which ignores permissions): nothing written, nothing logged. */
static void
test_write_fails (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *target = g_build_filename (blocker, "filing.xml", NULL);
  g_autofree char *expected = NULL;
  TdExportOptions options = { .created = FILED, .out_path = target };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdExportResult) r = NULL;
  g_autoptr (GPtrArray) packets = NULL;

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  r = td_export_packet (f->store, TD_KIND_FILING, FIX_CLASS, 0, 0, &options, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE);
  expected = g_strdup_printf ("The packet was not written and nothing was logged: The folder "
                              "%s does not exist: create it first or choose another folder.",
                              blocker);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  packets = td_store_list_packets (f->store, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (packets->len, ==, 0);
}

static void
test_check_refuses (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  TdExportOptions options = { .created = FILED };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdFindings) findings = NULL;
  g_autoptr (GPtrArray) packets = NULL;
  g_autofree char *outbox = g_build_filename (f->dir, "outbox", NULL);
  g_autoptr (GDir) dir = NULL;

  /* a planned size the schema refuses (PlannedSize ≤ 500) */
  f->klass->planned_size = 900;
  g_assert_true (td_store_save_class (f->store, f->klass, NULL));
  g_assert_null (td_export_packet (f->store, TD_KIND_FILING, FIX_CLASS, 0, 0, &options,
                                   &findings, &error));
  g_assert_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_CHECK);
  g_assert_nonnull (findings);
  g_assert_cmpuint (td_findings_count_rule (findings, "R-PKT-001"), >=, 1);
  packets = td_store_list_packets (f->store, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (packets->len, ==, 0);
  dir = g_dir_open (outbox, 0, NULL);
  g_assert_null (dir != NULL ? g_dir_read_name (dir) : NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!TD_TEST_DB_RUNS ())
    return g_test_run ();   /* the run on a server, with no server: no tests */
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/packet/export/filing-round-trip", test_filing_round_trip);
  ADD ("/packet/export/receipt-after-created", test_receipt_after_created);
  ADD ("/packet/export/roster-supersedes", test_roster_supersedes);
  ADD ("/packet/export/sent-reexport", test_sent_reexport);
  ADD ("/packet/export/attendance-chain", test_attendance_chain);
  ADD ("/packet/export/attendance-correction", test_attendance_correction);
  ADD ("/packet/export/attendance-late-record", test_attendance_late_record);
  ADD ("/packet/export/not-yet", test_unfinished_and_claim_order);
  ADD ("/packet/export/whole-class", test_whole_class);
  ADD ("/packet/export/write-fails", test_write_fails);
  ADD ("/packet/export/check-refuses", test_check_refuses);
#undef ADD
  return g_test_run ();
}
