/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What happens in a class, in the store (src/core/td-store-records.c): results, follow-ups,
 * claims and the packet log, money kept in fen. */
#include "config.h"

#include "core/td-file.h"
#include "core/td-store.h"
#include "../td-test-private.h"
#include "store-fixture.h"

static TdResult *
result (gint64 class_id, gint64 trainee_id, int outcome)
{
  TdResult *r = td_result_new ();

  r->class_id = class_id;
  r->trainee_id = trainee_id;
  r->outcome = outcome;
  r->theory = 855;
  r->practice = 900;
  if (outcome == 1)
    {
      r->cert_type = 2;
      r->cert_level = 5;
      r->cert_number = g_strdup ("S000037150000265001234");
      g_strlcpy (r->cert_issued, "2026-03-25", sizeof r->cert_issued);
      r->cert_issuer = g_strdup ("聊城市职业技能鉴定中心");
    }
  return r;
}

static void
test_results (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  gint64 b = sf_enrol (f->store, k->id, ID_M1975, "陈建国", "01");
  g_autoptr (TdResult) ra = result (k->id, a, 1);
  g_autoptr (TdResult) rb = result (k->id, b, 2);
  g_autoptr (TdResult) wrong = result (k->id, b, 2);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  TdResult *r;

  rb->theory = -1;
  rb->retake = TRUE;
  g_assert_true (td_store_save_result (f->store, rb, &error));
  g_assert_true (td_store_save_result (f->store, ra, &error));
  g_assert_no_error (error);
  list = td_store_list_results (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  r = g_ptr_array_index (list, 0);      /* roster order */
  g_assert_cmpint (r->trainee_id, ==, a);
  g_assert_cmpstr (r->id_number, ==, ID_F1993);
  g_assert_cmpint (r->theory, ==, 855);
  g_assert_cmpint (r->practice, ==, 900);
  g_assert_cmpint (r->outcome, ==, 1);
  g_assert_false (r->retake);
  g_assert_cmpint (r->cert_type, ==, 2);
  g_assert_cmpint (r->cert_level, ==, 5);
  g_assert_cmpstr (r->cert_number, ==, "S000037150000265001234");
  g_assert_cmpstr (r->cert_issued, ==, "2026-03-25");
  g_assert_cmpstr (r->cert_issuer, ==, "聊城市职业技能鉴定中心");
  r = g_ptr_array_index (list, 1);
  g_assert_cmpint (r->theory, ==, -1);
  g_assert_cmpint (r->outcome, ==, 2);
  g_assert_true (r->retake);
  g_assert_cmpint (r->cert_type, ==, 0);
  g_assert_null (r->cert_number);

  /* A failed result with a certificate (R-ASM-002). */
  wrong->cert_type = 2;
  g_assert_false (td_store_save_result (f->store, wrong, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "(R-ASM-002)"));
  g_clear_error (&error);
  /* Saving again replaces (one result per trainee). */
  rb->outcome = 3;
  rb->id = 0;
  g_assert_true (td_store_save_result (f->store, rb, NULL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_results (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((TdResult *) g_ptr_array_index (list, 1))->outcome, ==, 3);
  g_assert_true (td_store_delete_result (f->store, rb->id, NULL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_results (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_follow_ups (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  g_autoptr (TdFollowUp) first = td_follow_up_new ();
  g_autoptr (TdFollowUp) second = td_follow_up_new ();
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  TdFollowUp *got;

  first->class_id = k->id;
  first->trainee_id = a;
  g_strlcpy (first->checked, "2026-04-20", sizeof first->checked);
  first->status = 4;
  first->monthly_wage = -1;
  g_assert_true (td_store_save_follow_up (f->store, first, &error));
  g_assert_no_error (error);
  second->class_id = k->id;
  second->trainee_id = a;
  g_strlcpy (second->checked, "2026-06-20", sizeof second->checked);
  second->status = 1;
  second->employer_credit_code = g_strdup ("91371500MA3C12345X");
  second->employer_name = g_strdup ("聊城颐养中心");
  g_strlcpy (second->since, "2026-05-06", sizeof second->since);
  second->proof = 1;
  second->monthly_wage = 385050;    /* 3850.50 yuan */
  g_assert_true (td_store_save_follow_up (f->store, second, NULL));
  list = td_store_list_follow_ups (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  got = g_ptr_array_index (list, 0);
  g_assert_cmpstr (got->checked, ==, "2026-04-20");
  g_assert_cmpint (got->status, ==, 4);
  g_assert_cmpint (got->proof, ==, 0);
  g_assert_cmpint (got->monthly_wage, ==, -1);
  g_assert_cmpstr (got->since, ==, "");
  got = g_ptr_array_index (list, 1);
  g_assert_cmpstr (got->id_number, ==, ID_F1993);
  g_assert_cmpint (got->status, ==, 1);
  g_assert_cmpstr (got->employer_credit_code, ==, "91371500MA3C12345X");
  g_assert_cmpstr (got->employer_name, ==, "聊城颐养中心");
  g_assert_cmpstr (got->since, ==, "2026-05-06");
  g_assert_cmpint (got->proof, ==, 1);
  g_assert_cmpint (got->monthly_wage, ==, 385050);

  /* Updating by id. */
  second->monthly_wage = 400000;
  g_assert_true (td_store_save_follow_up (f->store, second, NULL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_follow_ups (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((TdFollowUp *) g_ptr_array_index (list, 1))->monthly_wage, ==, 400000);
  g_assert_true (td_store_delete_follow_up (f->store, first->id, NULL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_follow_ups (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 1);
}

static TdPacketLog *
packet (const char *id, TdPacketKind kind, gint64 class_id, const char *created)
{
  TdPacketLog *log = td_packet_log_new ();

  g_strlcpy (log->id, id, sizeof log->id);
  log->kind = kind;
  log->class_id = class_id;
  g_strlcpy (log->created, created, sizeof log->created);
  g_strlcpy (log->digest, "83eca4a60bfa607f5883e40ac8a6df177f87fb6258f9324b4e5da6431c8b996e",
             sizeof log->digest);
  log->status = TD_PACKET_SENT;
  return log;
}

static TdClaimLine *
claim_line (gint64 trainee_id, TdFen standard, TdFen uplift, TdRate rate)
{
  TdClaimLine *l = td_claim_line_new ();

  l->trainee_id = trainee_id;
  l->certificate = 2;
  l->level = 5;
  l->attendance_rate = rate;
  l->standard = standard;
  l->uplift = uplift;
  l->amount = standard + uplift;
  l->approved = -1;
  return l;
}

#define CLAIM_ID "a170b338-3926-4059-b28c-105d1fb17c23"

static void
test_claims_and_packets (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  gint64 b = sf_enrol (f->store, k->id, ID_M1975, "陈建国", "01");
  g_autoptr (TdPacketLog) log = packet (CLAIM_ID, TD_KIND_CLAIM, k->id,
                                        "2026-06-20T10:00:00+08:00");
  g_autoptr (GBytes) content = g_bytes_new_static ("<Packet>claim</Packet>", 22);
  g_autoptr (GBytes) receipt = g_bytes_new_static ("<Receipt/>", 10);
  g_autoptr (TdClaim) c = td_claim_new ();
  g_autoptr (TdClaim) got = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) td_packet_issue_free);
  g_autoptr (GHashTable) approved = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (TdPacketLog) stored = NULL;
  g_autoptr (TdPacketLog) latest = NULL;
  g_autoptr (GPtrArray) packets = NULL;
  g_autoptr (GError) error = NULL;
  TdFen cut = 150000;
  TdPacketIssue *issue = g_new0 (TdPacketIssue, 1);
  TdClaimLine *l;

  log->file = g_strdup ("/home/w/outbox/claim.xml");
  g_assert_true (td_store_log_packet (f->store, log, content, &error));
  g_assert_no_error (error);
  c->class_id = k->id;
  c->packet_id = g_strdup (CLAIM_ID);
  c->catalog_version = g_strdup ("2026-1");
  c->payee_type = 1;
  c->account_name = g_strdup ("聊城市东昌府区光岳职业培训学校");
  c->bank = g_strdup ("中国工商银行聊城分行营业部");
  c->account = g_strdup ("1610001234567890123");
  c->signed_by = g_strdup ("王立新");
  g_strlcpy (c->date, "2026-06-20", sizeof c->date);
  c->count = 2;
  c->total = 330000;
  c->approved = -1;
  g_ptr_array_add (c->lines, claim_line (a, 150000, 30000, 9800));
  g_ptr_array_add (c->lines, claim_line (b, 150000, 0, 10000));
  g_assert_true (td_store_save_claim (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, 0);

  got = td_store_get_claim_by_packet (f->store, CLAIM_ID, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpint (got->class_id, ==, k->id);
  g_assert_cmpstr (got->catalog_version, ==, "2026-1");
  g_assert_cmpint (got->payee_type, ==, 1);
  g_assert_cmpstr (got->account_name, ==, "聊城市东昌府区光岳职业培训学校");
  g_assert_cmpstr (got->bank, ==, "中国工商银行聊城分行营业部");
  g_assert_cmpstr (got->account, ==, "1610001234567890123");
  g_assert_cmpstr (got->signed_by, ==, "王立新");
  g_assert_cmpstr (got->date, ==, "2026-06-20");
  g_assert_cmpint (got->count, ==, 2);
  g_assert_cmpint (got->total, ==, 330000);     /* 3300.00 yuan, in fen */
  g_assert_cmpint (got->approved, ==, -1);
  g_assert_cmpuint (got->lines->len, ==, 2);
  l = g_ptr_array_index (got->lines, 0);
  g_assert_cmpstr (l->id_number, ==, ID_F1993);
  g_assert_cmpint (l->certificate, ==, 2);
  g_assert_cmpint (l->level, ==, 5);
  g_assert_cmpint (l->attendance_rate, ==, 9800);
  g_assert_cmpint (l->standard, ==, 150000);
  g_assert_cmpint (l->uplift, ==, 30000);
  g_assert_cmpint (l->amount, ==, 180000);
  g_assert_cmpint (l->approved, ==, -1);

  /* The receipt: accepted with a warning and a cut on one line. */
  issue->rule = g_strdup ("R-EMP-003");
  issue->severity = g_strdup ("warning");
  issue->ref = g_strdup (ID_M1975);
  issue->message = g_strdup ("since 在窗口之外");
  g_ptr_array_add (issues, issue);
  g_assert_true (td_store_set_packet_receipt (f->store, CLAIM_ID,
                                              TD_PACKET_ACCEPTED_WITH_WARNINGS,
                                              "2026-06-20T10:05:00+08:00",
                                              "2026-06-22T16:00:00+08:00", NULL, 300000, issues,
                                              receipt, &error));
  g_assert_no_error (error);
  g_hash_table_insert (approved, (gpointer) ID_F1993, &cut);
  g_assert_true (td_store_set_claim_approved (f->store, CLAIM_ID, 300000, approved, &error));
  g_assert_no_error (error);
  sf_reopen (f);
  claims = td_store_list_claims (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (claims->len, ==, 1);
  g_clear_pointer (&got, td_claim_free);
  got = g_ptr_array_steal_index (claims, 0);
  g_assert_cmpint (got->approved, ==, 300000);
  g_assert_cmpint (((TdClaimLine *) g_ptr_array_index (got->lines, 0))->approved, ==, 150000);
  /* A line the receipt does not name was approved at 0. */
  g_assert_cmpint (((TdClaimLine *) g_ptr_array_index (got->lines, 1))->approved, ==, 0);

  stored = td_store_get_packet (f->store, CLAIM_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->id, ==, CLAIM_ID);
  g_assert_cmpint (stored->kind, ==, TD_KIND_CLAIM);
  g_assert_cmpint (stored->class_id, ==, k->id);
  g_assert_cmpstr (stored->class_code, ==, "YL2026-101");
  g_assert_cmpstr (stored->created, ==, "2026-06-20T10:00:00+08:00");
  g_assert_cmpstr (stored->digest, ==,
                   "83eca4a60bfa607f5883e40ac8a6df177f87fb6258f9324b4e5da6431c8b996e");
  g_assert_cmpstr (stored->file, ==, "/home/w/outbox/claim.xml");
  g_assert_cmpint (stored->status, ==, TD_PACKET_ACCEPTED_WITH_WARNINGS);
  g_assert_cmpstr (stored->received, ==, "2026-06-20T10:05:00+08:00");
  g_assert_cmpstr (stored->issued, ==, "2026-06-22T16:00:00+08:00");
  g_assert_cmpint (stored->approved, ==, 300000);
  g_assert_true (g_bytes_equal (stored->content, content));
  g_assert_true (g_bytes_equal (stored->receipt, receipt));
  g_assert_cmpuint (stored->issues->len, ==, 1);
  issue = g_ptr_array_index (stored->issues, 0);
  g_assert_cmpstr (issue->rule, ==, "R-EMP-003");
  g_assert_cmpstr (issue->severity, ==, "warning");
  g_assert_cmpstr (issue->ref, ==, ID_M1975);
  g_assert_cmpstr (issue->message, ==, "since 在窗口之外");

  g_assert_true (td_store_set_packet_file (f->store, CLAIM_ID, "/media/usb/claim.xml", NULL));
  latest = td_store_latest_packet (f->store, TD_KIND_CLAIM, k->id, 0, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (latest->file, ==, "/media/usb/claim.xml");
  g_assert_null (latest->content);
  g_assert_null (td_store_latest_packet (f->store, TD_KIND_ROSTER, k->id, 0, 0, &lerr));
  g_assert_no_error (lerr);
  packets = td_store_list_packets (f->store, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (packets->len, ==, 1);

  /* A receipt for a packet this database never wrote. */
  g_assert_false (td_store_set_packet_receipt (f->store, "00000000-0000-4000-8000-000000000000",
                                               TD_PACKET_ACCEPTED, "", "", NULL, -1, NULL, NULL,
                                               &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (td_store_get_packet (f->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND);
}

/* Money is kept in fen exactly, even beyond what a double holds to the fen. */
static void
test_money_in_fen (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  g_autoptr (TdPacketLog) log = packet (CLAIM_ID, TD_KIND_CLAIM, k->id,
                                        "2026-06-20T10:00:00+08:00");
  g_autoptr (GBytes) content = g_bytes_new_static ("x", 1);
  g_autoptr (TdClaim) c = td_claim_new ();
  g_autoptr (TdClaim) got = NULL;

  g_assert_true (td_store_log_packet (f->store, log, content, NULL));
  c->class_id = k->id;
  c->packet_id = g_strdup (CLAIM_ID);
  c->catalog_version = g_strdup ("2026-1");
  c->payee_type = 1;
  c->account_name = g_strdup ("x");
  c->bank = g_strdup ("x");
  c->account = g_strdup ("1");
  c->signed_by = g_strdup ("x");
  g_strlcpy (c->date, "2026-06-20", sizeof c->date);
  c->count = 1;
  c->total = G_GINT64_CONSTANT (900719925474099301);
  c->approved = -1;
  g_ptr_array_add (c->lines, claim_line (a, 1, 0, 8000));
  g_assert_true (td_store_save_claim (f->store, c, NULL));
  got = td_store_get_claim_by_packet (f->store, CLAIM_ID, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpint (got->total, ==, G_GINT64_CONSTANT (900719925474099301));
  g_assert_cmpint (((TdClaimLine *) g_ptr_array_index (got->lines, 0))->amount, ==, 1);
  /* stored as an integer (a server's column is one by its type) */
  if (!sf_on_server ())
    g_assert_cmpint (sf_sql_int (f->path, "SELECT typeof(total) = 'integer' FROM claim"), ==, 1);
}

/* A database of version 6 kept a packet's bytes in its row: opened at version 7 (and on), they are in
 * packet_content, byte for byte, and the packet reads as before. */
static void
test_upgrade_packet_content (StoreFixture *f, gconstpointer data)
{
  static const char body[] = "<Packet>季度报告</Packet>";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) old = td_store_create_at_version (f->path, 6, &error);
  g_autoptr (TdPacketLog) got = NULL;
  g_autoptr (TdPacketLog) log = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static (body, strlen (body));
  g_autofree char *insert = g_strdup_printf (
    "INSERT INTO packet (id, kind, year, quarter, created, digest, status, content) VALUES "
    "('p-1', 'quarterly', 2026, 1, '2026-04-02T09:00:00+08:00', 'abc', 'sent', %s('%s'%s))",
    sf_on_server () ? "convert_to" : "CAST", body, sf_on_server () ? ", 'UTF8'" : " AS BLOB");

  g_assert_no_error (error);
  g_clear_object (&old);
  sf_sql (f->path, insert);
  f->store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_store_get_schema_version (f->store), ==, TD_STORE_SCHEMA_VERSION);
  got = td_store_get_packet (f->store, "p-1", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (got->content, NULL), g_bytes_get_size (got->content),
                   body, strlen (body));
  g_assert_cmpint (got->status, ==, TD_PACKET_SENT);
  g_assert_cmpstr (got->digest, ==, "abc");
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count(*) FROM packet_content"), ==, 1);
  /* one logged now keeps its bytes there too; one taken back takes them along */
  log = td_packet_log_new ();
  g_strlcpy (log->id, "p-2", sizeof log->id);
  log->kind = TD_KIND_QUARTERLY;
  log->year = 2026;
  log->quarter = 2;
  g_strlcpy (log->created, "2026-07-02T09:00:00+08:00", sizeof log->created);
  g_strlcpy (log->digest, "def", sizeof log->digest);
  log->status = TD_PACKET_WRITING;
  g_assert_true (td_store_log_packet (f->store, log, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count(*) FROM packet_content"), ==, 2);
  g_assert_true (td_store_forget_packet (f->store, "p-2", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_sql_int (f->path, "SELECT count(*) FROM packet_content"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  SF_ADD ("/store/results", test_results);
  SF_ADD ("/store/follow-ups", test_follow_ups);
  SF_ADD ("/store/claims-and-packets", test_claims_and_packets);
  SF_ADD ("/store/money-in-fen", test_money_in_fen);
  SF_ADD_EMPTY ("/store/packet-content-upgrade", test_upgrade_packet_content);
  return g_test_run ();
}
