/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export: what the data allows, filing → receipt → roster with filingNo, supersedes,
 * unchanged re-export of a sent packet, attendance chain across batches and corrections,
 * and a failed write that leaves nothing behind. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "export-fixture.h"

#define FILED "2026-02-20T09:30:00+08:00"
#define FILING_OK "2026-02-20T10:02:11+08:00"
#define ROSTER_AT "2026-02-27T16:00:00+08:00"
#define ROSTER_OK "2026-02-27T17:00:00+08:00"

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
file_and_roster (Fixture *f)
{
  g_autoptr (TdExportResult) filing = fixture_export (f, TD_KIND_FILING, FILED);
  g_autoptr (TdExportResult) roster = NULL;

  fixture_accept (f, filing, FILING_OK);
  roster = fixture_export (f, TD_KIND_ROSTER, ROSTER_AT);
  fixture_accept (f, roster, ROSTER_OK);
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
  g_assert_true (g_str_has_suffix (filing->path, "/filing-" FIX_CLASS "-20260220-093000.xml"));
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
  g_autoptr (TdPacketLog) first = NULL;
  g_autoptr (TdExportResult) second = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  TdEnrolment *e;
  g_autofree char *path = NULL;

  file_and_roster (f);
  first = td_store_latest_packet (f->store, TD_KIND_ROSTER, f->klass->id, 0, 0);
  refused (f, TD_KIND_ROSTER, "2026-02-28T09:00:00+08:00", TD_EXPORT_ERROR_UNCHANGED,
           first->id);

  roster = td_store_list_enrolments (f->store, f->klass->id);
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
  g_assert_cmpuint (td_store_list_packets (f->store, f->klass->id)->len, ==, 1);

  g_free (f->klass->title);
  f->klass->title = g_strdup ("养老护理员培训合格班2026年第1期（调整）");
  g_assert_true (td_store_save_class (f->store, f->klass, NULL));
  refused (f, TD_KIND_FILING, "2026-02-20T11:00:00+08:00", TD_EXPORT_ERROR_WAITING,
           filing->packet_id);
}

static void
test_attendance_chain (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) one = NULL;
  g_autoptr (TdExportResult) two = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *head = NULL;

  file_and_roster (f);
  refused (f, TD_KIND_ATTENDANCE, "2026-03-02T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED,
           "no attendance records");
  fixture_attend (f, 0);
  fixture_attend (f, 1);
  one = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-02T18:00:00+08:00");
  fixture_assert_xmllint (one->path);
  fixture_assert_digest (one->path, one->digest);
  g_assert_cmpuint (td_store_list_pending_attendance (f->store, f->klass->id)->len, ==, 0);
  head = td_store_chain_sent_head (f->store, f->klass->id);

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

static void
test_attendance_correction (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) one = NULL;
  g_autoptr (TdExportResult) fix = NULL;
  g_autoptr (GBytes) bytes = NULL;

  file_and_roster (f);
  fixture_attend (f, 0);
  one = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-02T18:00:00+08:00");
  fixture_accept (f, one, "2026-03-02T19:00:00+08:00");
  /* a carried record changes: the correction restates batch one */
  g_assert_true (td_store_record_attendance (f->store, f->klass->id, f->lessons[0],
                                             f->trainees[0], 'L', "08:20:00", "11:50:00", "FACE",
                                             NULL));
  fix = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-03T09:00:00+08:00");
  g_assert_cmpstr (fix->supersedes, ==, one->packet_id);
  fixture_assert_xmllint (fix->path);
  bytes = fixture_read (fix->path);
  g_assert_true (contains (bytes, "lesson=\"L01A\""));
  g_assert_true (contains (bytes, "status=\"L\" in=\"08:20:00\""));
  g_assert_true (contains (bytes, "count=\"3\""));
}

static void
test_unfinished_and_claim_order (Fixture *f, gconstpointer data)
{
  file_and_roster (f);
  refused (f, TD_KIND_ASSESSMENT, "2026-03-05T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED,
           "ends on 2026-03-05");
  refused (f, TD_KIND_CLAIM, "2026-03-05T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED,
           "ends on 2026-03-05");
  refused (f, TD_KIND_NOTICE, "2026-03-05T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED,
           "nothing to notify");
  refused (f, TD_KIND_CLAIM, "2026-03-10T18:00:00+08:00", TD_EXPORT_ERROR_REFUSED,
           "R-SUB-006");
}

/* The target's parent is a regular file, so the folder can never be created (this also
 * fails as root, which ignores permissions): nothing written, nothing logged. */
static void
test_write_fails (Fixture *f, gconstpointer data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *target = g_build_filename (blocker, "filing.xml", NULL);
  TdExportOptions options = { .created = FILED, .out_path = target };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdExportResult) r = NULL;
  g_autoptr (GPtrArray) packets = NULL;

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  r = td_export_packet (f->store, TD_KIND_FILING, FIX_CLASS, 0, 0, &options, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, blocker));
  g_assert_nonnull (strstr (error->message, "Nothing was written or logged"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  packets = td_store_list_packets (f->store, 0);
  g_assert_cmpuint (packets->len, ==, 0);
}

static void
test_check_refuses (Fixture *f, gconstpointer data)
{
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
  packets = td_store_list_packets (f->store, 0);
  g_assert_cmpuint (packets->len, ==, 0);
  dir = g_dir_open (outbox, 0, NULL);
  g_assert_null (dir != NULL ? g_dir_read_name (dir) : NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/packet/export/filing-round-trip", test_filing_round_trip);
  ADD ("/packet/export/roster-supersedes", test_roster_supersedes);
  ADD ("/packet/export/sent-reexport", test_sent_reexport);
  ADD ("/packet/export/attendance-chain", test_attendance_chain);
  ADD ("/packet/export/attendance-correction", test_attendance_correction);
  ADD ("/packet/export/not-yet", test_unfinished_and_claim_order);
  ADD ("/packet/export/write-fails", test_write_fails);
  ADD ("/packet/export/check-refuses", test_check_refuses);
#undef ADD
  return g_test_run ();
}
