/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Receipts: an accepted filing gives the class its filing number (and the next roster
 * carries it); a rejection keeps its issues; an accepted claim stores the approved amount,
 * line by line when approved in part; `issued` is kept; a receipt that names an unknown
 * packet, another digest, or amounts that do not add up changes nothing; the same receipt
 * twice changes nothing the second time; a rejected attendance batch's records are pending
 * again. */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "export-fixture.h"
#include "packet/td-packet-verify.h"
#include "packet/td-receipt.h"
#include "../td-test-db.h"

#define FILED "2026-02-20T09:30:00+08:00"
#define FILING_OK "2026-02-20T10:02:11+08:00"
#define ROSTER_AT "2026-02-27T16:00:00+08:00"
#define ROSTER_OK "2026-02-27T17:00:00+08:00"
#define TRAINEE_0 "371524197608024399"
#define TRAINEE_1 "371503197502193651"
#define UNKNOWN_ID "7d1c2a44-9b8e-4f0a-a3c5-0000000000aa"

/* A Receipt for @packet with @digest, received and issued at @issued, with @inner inside. */
static GBytes *
receipt (const char *packet, const char *digest, const char *status, const char *issued,
         const char *inner)
{
  char *text = g_strdup_printf ("<?xml version='1.0' encoding='UTF-8'?>\n"
                                "<Receipt xmlns=\"urn:lc-hrss:training:1.0\" version=\"1.0\" "
                                "packet=\"%s\" digest=\"%s\" received=\"%s\" issued=\"%s\" "
                                "status=\"%s\">%s</Receipt>\n",
                                packet, digest, issued, issued, status,
                                inner != NULL ? inner : "");

  return g_bytes_new_take (text, strlen (text));
}

static TdReceiptSummary *
apply (Fixture *f, GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  TdReceiptSummary *summary = NULL;

  g_assert_true (td_receipt_apply_bytes (f->store, bytes, &summary, &error));
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static TdReceiptSummary *
accept (Fixture *f, const TdExportResult *r, const char *issued, const char *inner)
{
  g_autoptr (GBytes) bytes = receipt (r->packet_id, r->digest, "ACCEPTED", issued, inner);

  return apply (f, bytes);
}

static gboolean
contains (GBytes *bytes, const char *needle)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return strstr (text, needle) != NULL;
}

/* Everything a receipt may change, as text: the packet log, the claims with their lines,
 * the class's filing number and the pending attendance. */
static char *
snapshot (Fixture *f)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) packets = td_store_list_packets (f->store, 0, &lerr);
  g_assert_no_error (lerr);
  g_autoptr (GPtrArray) claims = td_store_list_claims (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_autoptr (GPtrArray) pending = td_store_list_pending_attendance (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_autoptr (TdClass) klass = td_store_get_class (f->store, f->klass->id, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < packets->len; i++)
    {
      TdPacketLog *p = g_ptr_array_index (packets, i);
      g_autoptr (TdPacketLog) full = td_store_get_packet (f->store, p->id, NULL);
      g_string_append_printf (out, "packet %s %s %s %s %s %" G_GINT64_FORMAT " issues %u\n",
                              p->id, td_packet_status_token (p->status), p->received, p->issued,
                              p->filing_no, (gint64) p->approved, full->issues->len);
    }
  for (guint i = 0; i < claims->len; i++)
    {
      TdClaim *c = g_ptr_array_index (claims, i);
      g_string_append_printf (out, "claim %s %" G_GINT64_FORMAT "\n", c->packet_id,
                              (gint64) c->approved);
      for (guint j = 0; j < c->lines->len; j++)
        {
          TdClaimLine *l = g_ptr_array_index (c->lines, j);
          g_string_append_printf (out, "  line %s %" G_GINT64_FORMAT "\n", l->id_number,
                                  (gint64) l->approved);
        }
    }
  g_string_append_printf (out, "filing_no %s\npending %u\n", klass->filing_no, pending->len);
  return g_string_free (out, FALSE);
}

/* Applying @bytes is refused with @code and leaves the database as it was. */
static void
assert_refused (Fixture *f, GBytes *bytes, int code, const char *needle)
{
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  TdReceiptSummary *summary = NULL;

  g_assert_false (td_receipt_apply_bytes (f->store, bytes, &summary, &error));
  g_assert_null (summary);
  g_assert_error (error, TD_RECEIPT_ERROR, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("'%s' not in '%s'", needle, error->message);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

static TdExportResult *
file_class (Fixture *f)
{
  TdExportResult *filing = fixture_export (f, TD_KIND_FILING, FILED);
  g_autoptr (TdReceiptSummary) s = accept (f, filing, FILING_OK,
                                           "<FilingNo>" FIX_FILING_NO "</FilingNo>");

  g_assert_cmpstr (s->filing_no, ==, FIX_FILING_NO);
  return filing;
}

static void
file_and_roster (Fixture *f)
{
  g_autoptr (TdExportResult) filing = file_class (f);
  g_autoptr (TdExportResult) roster = fixture_export (f, TD_KIND_ROSTER, ROSTER_AT);
  g_autoptr (TdReceiptSummary) s = accept (f, roster, ROSTER_OK, NULL);
}

static void
test_filing_number (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) filing = fixture_export (f, TD_KIND_FILING, FILED);
  g_autoptr (TdReceiptSummary) s = NULL;
  g_autoptr (TdClass) klass = NULL;
  g_autoptr (TdPacketLog) log = NULL;
  g_autoptr (TdExportResult) roster = NULL;
  g_autofree char *attr = NULL;

  s = accept (f, filing, FILING_OK, "<FilingNo>" FIX_FILING_NO "</FilingNo>");
  g_assert_cmpstr (s->packet_id, ==, filing->packet_id);
  g_assert_cmpint (s->kind, ==, TD_KIND_FILING);
  g_assert_cmpstr (s->class_code, ==, FIX_CLASS);
  g_assert_cmpint (s->status, ==, TD_PACKET_ACCEPTED);
  g_assert_cmpstr (s->filing_no, ==, FIX_FILING_NO);
  g_assert_false (s->already_applied);
  klass = td_store_get_class_by_code (f->store, FIX_CLASS, NULL);
  g_assert_cmpstr (klass->filing_no, ==, FIX_FILING_NO);
  log = td_store_get_packet (f->store, filing->packet_id, NULL);
  g_assert_cmpint (log->status, ==, TD_PACKET_ACCEPTED);
  g_assert_cmpstr (log->filing_no, ==, FIX_FILING_NO);
  /* the instant the decision took effect, and when it was received, as written */
  g_assert_cmpstr (log->issued, ==, FILING_OK);
  g_assert_cmpstr (log->received, ==, FILING_OK);
  g_assert_nonnull (log->receipt);

  roster = fixture_export (f, TD_KIND_ROSTER, ROSTER_AT);
  attr = g_strdup_printf ("<ClassRef code=\"%s\" filingNo=\"%s\"/>", FIX_CLASS, FIX_FILING_NO);
  g_assert_true (contains (roster->bytes, attr));
}

static void
test_rejection_keeps_issues (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) filing = fixture_export (f, TD_KIND_FILING, FILED);
  g_autoptr (GBytes) bytes = receipt (filing->packet_id, filing->digest, "REJECTED", FILING_OK,
    "<Issue rule=\"R-CLS-002\" severity=\"error\" ref=\"2026-03-02\">开班备案应在开班前5个工作日"
    "报送</Issue><Issue rule=\"R-ORG-001\" severity=\"warning\">信用代码校验位不符</Issue>");
  g_autoptr (TdReceiptSummary) s = apply (f, bytes);
  g_autoptr (TdPacketLog) log = td_store_get_packet (f->store, filing->packet_id, NULL);
  g_autoptr (TdClass) klass = td_store_get_class_by_code (f->store, FIX_CLASS, NULL);
  TdPacketIssue *first, *second;

  g_assert_cmpint (s->status, ==, TD_PACKET_REJECTED);
  g_assert_null (s->filing_no);
  g_assert_cmpuint (s->issues->len, ==, 2);
  g_assert_cmpint (log->status, ==, TD_PACKET_REJECTED);
  g_assert_cmpstr (log->issued, ==, FILING_OK);
  g_assert_null (klass->filing_no);
  g_assert_cmpuint (log->issues->len, ==, 2);
  first = g_ptr_array_index (log->issues, 0);
  second = g_ptr_array_index (log->issues, 1);
  g_assert_cmpstr (first->rule, ==, "R-CLS-002");
  g_assert_cmpstr (first->severity, ==, "error");
  g_assert_cmpstr (first->ref, ==, "2026-03-02");
  g_assert_cmpstr (first->message, ==, "开班备案应在开班前5个工作日报送");
  g_assert_cmpstr (second->rule, ==, "R-ORG-001");
  g_assert_cmpstr (second->severity, ==, "warning");
  g_assert_null (second->ref);
}

/* The rejected batch's records are pending again, and the next batch carries them. */
static void
test_rejected_batch_reopened (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdExportResult) batch = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TdReceiptSummary) s = NULL;

  file_and_roster (f);
  for (int i = 0; i < 4; i++)
    fixture_attend (f, i);
  batch = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-03T18:00:00+08:00");
  pending = td_store_list_pending_attendance (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (pending->len, ==, 0);
  g_clear_pointer (&pending, g_ptr_array_unref);

  bytes = receipt (batch->packet_id, batch->digest, "REJECTED", "2026-03-03T19:00:00+08:00",
                   "<Issue rule=\"R-ATT-003\" severity=\"error\" ref=\"" TRAINEE_0 "\">签到时间"
                   "不符</Issue>");
  s = apply (f, bytes);
  g_assert_true (s->reopened);
  pending = td_store_list_pending_attendance (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (pending->len, ==, 12);
  for (guint i = 0; i < pending->len; i++)
    g_assert_null (((TdAttendance *) g_ptr_array_index (pending, i))->packet_id);
}

/* Filing, roster, two batches, results, assessment, a follow-up (trainee 0 employed) and
 * the claim (trainee 0 480.00 with uplift, trainee 1 400.00), all accepted but the claim. */
static TdExportResult *
claim_sent (Fixture *f)
{
  g_autoptr (TdExportResult) a1 = NULL, a2 = NULL, assessment = NULL, follow_up = NULL;
  g_autoptr (TdReceiptSummary) s1 = NULL, s2 = NULL, s3 = NULL, s4 = NULL;
  g_autoptr (TdFollowUp) u = td_follow_up_new ();
  g_autoptr (GError) error = NULL;

  file_and_roster (f);
  for (int i = 0; i < 4; i++)
    fixture_attend (f, i);
  a1 = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-03T18:00:00+08:00");
  s1 = accept (f, a1, "2026-03-03T19:00:00+08:00", NULL);
  for (int i = 4; i < 8; i++)
    fixture_attend (f, i);
  a2 = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-05T18:00:00+08:00");
  s2 = accept (f, a2, "2026-03-05T19:00:00+08:00", NULL);
  for (int t = 0; t < 3; t++)
    {
      g_autoptr (TdResult) r = td_result_new ();
      r->class_id = f->klass->id;
      r->trainee_id = f->trainees[t];
      r->theory = 800;
      r->practice = 850;
      r->outcome = t < 2 ? 1 : 2;
      if (t < 2)
        {
          r->cert_type = 4;
          r->cert_number = g_strdup_printf ("GY2026-PX-%04d", t + 1);
          strcpy (r->cert_issued, "2026-03-09");
          r->cert_issuer = g_strdup ("聊城市东昌府区光岳职业培训学校");
        }
      g_assert_true (td_store_save_result (f->store, r, &error));
      g_assert_no_error (error);
    }
  assessment = fixture_export (f, TD_KIND_ASSESSMENT, "2026-03-10T10:00:00+08:00");
  s3 = accept (f, assessment, "2026-03-10T11:00:00+08:00", NULL);
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
  follow_up = fixture_export (f, TD_KIND_FOLLOWUP, "2026-04-10T10:00:00+08:00");
  s4 = accept (f, follow_up, "2026-04-10T11:00:00+08:00", NULL);
  return fixture_export (f, TD_KIND_CLAIM, "2026-04-20T10:00:00+08:00");
}

static TdClaim *
stored_claim (Fixture *f, const char *packet_id)
{
  g_autoptr (GError) lerr = NULL;
  TdClaim *claim = td_store_get_claim_by_packet (f->store, packet_id, &lerr);
  g_assert_no_error (lerr);

  g_assert_nonnull (claim);
  g_assert_cmpuint (claim->lines->len, ==, 2);
  return claim;
}

static TdFen
line_approved (const TdClaim *claim, const char *id)
{
  for (guint i = 0; i < claim->lines->len; i++)
    {
      TdClaimLine *l = g_ptr_array_index (claim->lines, i);
      if (strcmp (l->id_number, id) == 0)
        return l->approved;
    }
  g_error ("no line for %s", id);
}

static void
test_claim_approved (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) claim = claim_sent (f);
  g_autoptr (TdClaim) before = stored_claim (f, claim->packet_id);
  g_autoptr (TdReceiptSummary) s = NULL;
  g_autoptr (TdClaim) after = NULL;
  g_autoptr (TdPacketLog) log = NULL;

  g_assert_cmpint (before->total, ==, 88000);
  g_assert_cmpint (before->approved, ==, -1);
  g_assert_cmpint (line_approved (before, TRAINEE_0), ==, -1);
  s = accept (f, claim, "2026-04-28T15:20:00+08:00", "<ApprovedAmount>880.00</ApprovedAmount>");
  g_assert_cmpint (s->approved, ==, 88000);
  after = stored_claim (f, claim->packet_id);
  g_assert_cmpint (after->approved, ==, 88000);
  g_assert_cmpint (line_approved (after, TRAINEE_0), ==, 48000);
  g_assert_cmpint (line_approved (after, TRAINEE_1), ==, 40000);
  log = td_store_get_packet (f->store, claim->packet_id, NULL);
  g_assert_cmpint (log->approved, ==, 88000);
  g_assert_cmpstr (log->issued, ==, "2026-04-28T15:20:00+08:00");
}

static void
test_claim_in_part (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) claim = claim_sent (f);
  g_autoptr (TdReceiptSummary) s = NULL;
  g_autoptr (TdClaim) after = NULL;

  s = accept (f, claim, "2026-04-28T15:20:00+08:00",
              "<ApprovedAmount>450.00</ApprovedAmount>"
              "<ApprovedLine id=\"" TRAINEE_0 "\" amount=\"450.00\"/>");
  g_assert_cmpint (s->approved, ==, 45000);
  after = stored_claim (f, claim->packet_id);
  g_assert_cmpint (after->approved, ==, 45000);
  g_assert_cmpint (line_approved (after, TRAINEE_0), ==, 45000);
  /* a line not listed is refused */
  g_assert_cmpint (line_approved (after, TRAINEE_1), ==, 0);
}

static void
test_claim_amounts_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) claim = claim_sent (f);
  g_autoptr (GBytes) sum = NULL, more = NULL, stranger = NULL, whole = NULL;

  sum = receipt (claim->packet_id, claim->digest, "ACCEPTED", "2026-04-28T15:20:00+08:00",
                 "<ApprovedAmount>880.00</ApprovedAmount>"
                 "<ApprovedLine id=\"" TRAINEE_0 "\" amount=\"480.00\"/>"
                 "<ApprovedLine id=\"" TRAINEE_1 "\" amount=\"300.00\"/>");
  assert_refused (f, sum, TD_RECEIPT_ERROR_AMOUNTS, "780.00");
  more = receipt (claim->packet_id, claim->digest, "ACCEPTED", "2026-04-28T15:20:00+08:00",
                  "<ApprovedAmount>500.00</ApprovedAmount>"
                  "<ApprovedLine id=\"" TRAINEE_1 "\" amount=\"500.00\"/>");
  assert_refused (f, more, TD_RECEIPT_ERROR_AMOUNTS, TRAINEE_1);
  stranger = receipt (claim->packet_id, claim->digest, "ACCEPTED", "2026-04-28T15:20:00+08:00",
                      "<ApprovedAmount>100.00</ApprovedAmount>"
                      "<ApprovedLine id=\"371525199310113167\" amount=\"100.00\"/>");
  assert_refused (f, stranger, TD_RECEIPT_ERROR_AMOUNTS, "371525199310113167");
  /* without ApprovedLine every line is approved as claimed: the amount is the claim's */
  whole = receipt (claim->packet_id, claim->digest, "ACCEPTED", "2026-04-28T15:20:00+08:00",
                   "<ApprovedAmount>800.00</ApprovedAmount>");
  assert_refused (f, whole, TD_RECEIPT_ERROR_AMOUNTS, "880.00");
}

static void
test_unknown_and_other_digest (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) filing = fixture_export (f, TD_KIND_FILING, FILED);
  g_autoptr (GBytes) unknown = NULL, other = NULL, invalid = NULL;
  g_autofree char *digest = g_strdup (filing->digest);

  unknown = receipt (UNKNOWN_ID, filing->digest, "ACCEPTED", FILING_OK,
                     "<FilingNo>" FIX_FILING_NO "</FilingNo>");
  assert_refused (f, unknown, TD_RECEIPT_ERROR_UNKNOWN, UNKNOWN_ID);
  digest[0] = digest[0] == '0' ? '1' : '0';
  other = receipt (filing->packet_id, digest, "ACCEPTED", FILING_OK,
                   "<FilingNo>" FIX_FILING_NO "</FilingNo>");
  assert_refused (f, other, TD_RECEIPT_ERROR_DIGEST, digest);
  invalid = receipt (filing->packet_id, filing->digest, "MAYBE", FILING_OK, NULL);
  assert_refused (f, invalid, TD_RECEIPT_ERROR_INVALID, "R-PKT-001");
}

static void
test_twice (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdExportResult) claim = claim_sent (f);
  g_autoptr (GBytes) bytes = receipt (claim->packet_id, claim->digest, "ACCEPTED",
                                      "2026-04-28T15:20:00+08:00",
                                      "<ApprovedAmount>450.00</ApprovedAmount>"
                                      "<ApprovedLine id=\"" TRAINEE_0 "\" amount=\"450.00\"/>"
                                      "<Issue rule=\"R-SUB-001\" severity=\"error\" ref=\""
                                      TRAINEE_1 "\">出勤率不足</Issue>");
  g_autoptr (TdReceiptSummary) first = apply (f, bytes);
  g_autoptr (TdReceiptSummary) second = NULL;
  g_autofree char *once = snapshot (f);
  g_autofree char *twice = NULL;
  g_autoptr (GPtrArray) audit = td_store_list_audit (f->store, NULL, 0, 0, &lerr);
  g_assert_no_error (lerr);
  g_autoptr (GPtrArray) audit_after = NULL;

  g_assert_false (first->already_applied);
  second = apply (f, bytes);
  g_assert_true (second->already_applied);
  g_assert_cmpint (second->approved, ==, 45000);
  twice = snapshot (f);
  g_assert_cmpstr (twice, ==, once);
  g_assert_nonnull (strstr (twice, "issues 1\n"));
  audit_after = td_store_list_audit (f->store, NULL, 0, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (audit_after->len, ==, audit->len);
}

/* A second receipt that decides otherwise is refused with the reason: it does not reopen an
 * accepted batch, and an accepted claim keeps its approved amount. */
static void
test_contradiction_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdExportResult) batch = NULL;
  g_autoptr (TdReceiptSummary) s = NULL, again = NULL;
  g_autoptr (GBytes) rejected = NULL, accepted_later = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (TdPacketLog) log = NULL;

  file_and_roster (f);
  for (int i = 0; i < 4; i++)
    fixture_attend (f, i);
  batch = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-03T18:00:00+08:00");
  s = accept (f, batch, "2026-03-03T19:00:00+08:00", NULL);
  rejected = receipt (batch->packet_id, batch->digest, "REJECTED", "2026-03-04T09:00:00+08:00",
                      "<Issue rule=\"R-ATT-003\" severity=\"error\">签到时间不符</Issue>");
  assert_refused (f, rejected, TD_RECEIPT_ERROR_CONTRADICTS, "“Accepted”");
  assert_refused (f, rejected, TD_RECEIPT_ERROR_CONTRADICTS, "“Rejected”");
  assert_refused (f, rejected, TD_RECEIPT_ERROR_CONTRADICTS, "2026-03-03T19:00:00+08:00");
  pending = td_store_list_pending_attendance (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (pending->len, ==, 0);
  log = td_store_get_packet (f->store, batch->packet_id, NULL);
  g_assert_cmpint (log->status, ==, TD_PACKET_ACCEPTED);
  /* the same decision issued again is no contradiction */
  accepted_later = receipt (batch->packet_id, batch->digest, "ACCEPTED",
                            "2026-03-04T10:00:00+08:00", NULL);
  again = apply (f, accepted_later);
  g_assert_cmpint (again->status, ==, TD_PACKET_ACCEPTED);
}

static void
test_claim_contradiction_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) claim = claim_sent (f);
  g_autoptr (TdReceiptSummary) s = NULL;
  g_autoptr (GBytes) less = NULL;
  g_autoptr (TdClaim) after = NULL;

  s = accept (f, claim, "2026-04-28T15:20:00+08:00", "<ApprovedAmount>880.00</ApprovedAmount>");
  less = receipt (claim->packet_id, claim->digest, "ACCEPTED", "2026-04-29T15:20:00+08:00",
                  "<ApprovedAmount>400.00</ApprovedAmount>"
                  "<ApprovedLine id=\"" TRAINEE_1 "\" amount=\"400.00\"/>");
  assert_refused (f, less, TD_RECEIPT_ERROR_CONTRADICTS, "approving 880.00");
  after = stored_claim (f, claim->packet_id);
  g_assert_cmpint (after->approved, ==, 88000);
}

/* Corrections made in TrainDesk and sent (a carried attendance record changed, a trainee's
 * phone changed and the roster sent again), every packet with its receipt: verify finds
 * nothing.  Edits behind the program's back are tests/cli's cli-store verify-tampering. */
static void
test_verify_after_corrections (Fixture *f, gconstpointer data)
{
  g_autoptr (TdExportResult) one = NULL, fix = NULL, roster = NULL;
  g_autoptr (TdReceiptSummary) s1 = NULL, s2 = NULL, s3 = NULL;
  g_autoptr (GPtrArray) enrolled = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  TdEnrolment *e;

  file_and_roster (f);
  for (int i = 0; i < 4; i++)
    fixture_attend (f, i);
  one = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-03T18:00:00+08:00");
  s1 = accept (f, one, "2026-03-03T19:00:00+08:00", NULL);
  g_assert_true (td_store_record_attendance (f->store, f->klass->id, f->lessons[0],
                                             f->trainees[0], 'L', "08:20:00", "11:50:00", "FACE",
                                             &error));
  g_assert_no_error (error);
  fix = fixture_export (f, TD_KIND_ATTENDANCE, "2026-03-04T09:00:00+08:00");
  g_assert_cmpstr (fix->supersedes, ==, one->packet_id);
  s2 = accept (f, fix, "2026-03-04T10:00:00+08:00", NULL);
  enrolled = td_store_list_enrolments (f->store, f->klass->id, &error);
  g_assert_no_error (error);
  e = g_ptr_array_index (enrolled, 1);
  g_free (e->trainee.phone);
  e->trainee.phone = g_strdup ("13800138000");
  g_assert_true (td_store_save_enrolment (f->store, e, &error));
  g_assert_no_error (error);
  roster = fixture_export (f, TD_KIND_ROSTER, "2026-03-04T11:00:00+08:00");
  s3 = accept (f, roster, "2026-03-04T12:00:00+08:00", NULL);

  problems = td_verify_all (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", ((TdVerifyProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!TD_TEST_DB_RUNS ())
    return g_test_run ();   /* the run on a server, with no server: no tests */
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/packet/receipt/filing-number", test_filing_number);
  ADD ("/packet/receipt/rejection-keeps-issues", test_rejection_keeps_issues);
  ADD ("/packet/receipt/rejected-batch-reopened", test_rejected_batch_reopened);
  ADD ("/packet/receipt/claim-approved", test_claim_approved);
  ADD ("/packet/receipt/claim-in-part", test_claim_in_part);
  ADD ("/packet/receipt/claim-amounts-refused", test_claim_amounts_refused);
  ADD ("/packet/receipt/unknown-and-other-digest", test_unknown_and_other_digest);
  ADD ("/packet/receipt/twice", test_twice);
  ADD ("/packet/receipt/contradiction-refused", test_contradiction_refused);
  ADD ("/packet/receipt/verify-after-corrections", test_verify_after_corrections);
  ADD ("/packet/receipt/claim-contradiction-refused", test_claim_contradiction_refused);
#undef ADD
  return g_test_run ();
}
