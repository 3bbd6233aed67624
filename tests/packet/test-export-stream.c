/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The streamed attendance export (more than TD_EXPORT_STREAM_RECORDS records): the written
 * batch passes xmllint and the packet check, its digest, chain and log are right, the
 * stream check finds each broken rule in a mutated copy, and the next batch continues the
 * chain. */
#include "config.h"

#include "../td-test-db.h"
#include "../td-test-dir.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core/td-chain.h"
#include "export-fixture.h"
#include "packet/td-catalog-import.h"
#include "packet/td-export-private.h"
#include "packet/td-packet-check.h"
#include "packet/td-xml-safe.h"

#define BIG_CLASS "TD2026-900"
#define TRAINEES 60
#define LESSONS 36               /* batch one: 36 × 60 = 2160 records */
#define MORE_LESSONS 2           /* batch two: 120 records */
#define FILED "2025-12-19T09:00:00+08:00"
#define ROSTER_AT "2025-12-22T09:00:00+08:00"
#define BATCH_ONE "2026-01-20T20:00:00+08:00"
#define BATCH_ONE_OK "2026-01-21T09:00:00+08:00"
#define BATCH_TWO "2026-01-22T20:00:00+08:00"

typedef struct
{
  char *dir;
  char *db;                      /* its location */
  char *schema;                  /* on a server: its schema */
  TdStore *store;
  TdClass *klass;
  gint64 trainees[TRAINEES];
  gint64 lessons[LESSONS + MORE_LESSONS];
  TdExportResult *one;           /* batch one, exported */
} Big;

static Big *big;

static void
ok (gboolean done, GError *error)
{
  g_assert_no_error (error);
  g_assert_true (done);
}

static void
save_institution (TdStore *store)
{
  g_autoptr (TdInstitution) inst = td_institution_new ();
  GError *error = NULL;

  inst->credit_code = g_strdup ("52371502MJD1234563");
  inst->name = g_strdup ("聊城市东昌府区光岳职业培训学校");
  inst->region = g_strdup ("371502");
  inst->contact_name = g_strdup ("王立新");
  inst->contact_phone = g_strdup ("0635-8212345");
  inst->legal_rep = g_strdup ("王立新");
  ok (td_store_save_institution (store, inst, &error), error);
}

static TdClass *
save_class (TdStore *store)
{
  TdClass *k = td_class_new ();
  g_autoptr (GPtrArray) teachers = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
  TdTeacher *t = td_teacher_new ();
  GError *error = NULL;

  k->code = g_strdup (BIG_CLASS);
  k->title = g_strdup ("养老护理员大班");
  k->catalog_version = g_strdup ("2026-1");
  k->item_code = g_strdup ("4-10-01-05");
  k->item_name = g_strdup ("养老护理员");
  strcpy (k->training_type, "01");
  strcpy (k->special_action, "05");
  strcpy (k->start_date, "2026-01-05");
  strcpy (k->end_date, "2026-12-31");
  k->planned_theory = 4 * (LESSONS + MORE_LESSONS);   /* halves: 2 hours a lesson */
  k->planned_size = TRAINEES;
  strcpy (k->venue_region, "371502");
  k->venue_address = g_strdup ("聊城市东昌府区柳园南路88号");
  k->certificate = 4;
  k->assessment_method = g_strdup ("理论笔试");
  ok (td_store_save_class (store, k, &error), error);
  t->tid = g_strdup ("T1");
  t->name = g_strdup ("陈红梅");
  t->id_number = g_strdup ("371502198005120222");
  t->qualification = g_strdup ("高级技师(养老护理员)");
  g_ptr_array_add (teachers, t);
  ok (td_store_set_teachers (store, k->id, teachers, &error), error);
  return k;
}

/* An id number with a valid check digit for person @n. */
static void
make_id (int n, char out[19])
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  g_snprintf (out, 19, "37150219800101%03d", n);
  for (int i = 0; i < 17; i++)
    sum += (out[i] - '0') * weights[i];
  out[17] = "10X98765432"[sum % 11];
  out[18] = '\0';
}

static void
enrol (Big *b)
{
  for (int i = 0; i < TRAINEES; i++)
    {
      g_autoptr (TdEnrolment) e = td_enrolment_new ();
      GError *error = NULL;

      e->class_id = b->klass->id;
      make_id (i * 2 + 1, e->trainee.id_number);
      e->trainee.name = g_strdup_printf ("学员%d", i + 1);
      e->trainee.gender = 1;
      strcpy (e->trainee.birth_date, "1980-01-01");
      e->trainee.phone = g_strdup ("13800138000");
      strcpy (e->trainee.education, "41");
      strcpy (e->trainee.household_region, "371502");
      e->categories = g_strdup ("01");
      strcpy (e->consent_date, "2025-12-18");
      ok (td_store_save_enrolment (b->store, e, &error), error);
      b->trainees[i] = e->trainee.id;
    }
}

/* Three 2-hour lessons a day from 2026-01-05, L0001 … */
static void
save_lessons (Big *b)
{
  TdDay day = td_day_from_iso ("2026-01-05");

  for (int i = 0; i < LESSONS + MORE_LESSONS; i++)
    {
      g_autoptr (TdLesson) l = td_lesson_new ();
      GError *error = NULL;

      l->class_id = b->klass->id;
      l->lid = g_strdup_printf ("L%04d", i + 1);
      td_day_to_iso (day + i / 3, l->date);
      g_snprintf (l->start, sizeof l->start, "%02d:00:00", 8 + 4 * (i % 3));
      g_snprintf (l->end, sizeof l->end, "%02d:45:00", 9 + 4 * (i % 3));
      l->hours = 4;
      l->teacher = g_strdup ("T1");
      l->content = g_strdup ("课程");
      ok (td_store_save_lesson (b->store, l, &error), error);
      b->lessons[i] = l->id;
    }
}

/* Everyone present at lessons [@from, @to), in one transaction. */
static void
attend (Big *b, int from, int to)
{
  GError *error = NULL;

  ok (td_store_begin (b->store, &error), error);
  for (int i = from; i < to; i++)
    {
      int h = 8 + 4 * (i % 3);
      g_autofree char *in = g_strdup_printf ("%02d:00:00", h);
      g_autofree char *out = g_strdup_printf ("%02d:45:00", h + 1);

      for (int t = 0; t < TRAINEES; t++)
        ok (td_store_record_attendance (b->store, b->klass->id, b->lessons[i], b->trainees[t],
                                        'P', in, out, "FACE", &error), error);
    }
  ok (td_store_commit (b->store, &error), error);
}

static TdExportResult *
export (Big *b, TdPacketKind kind, const char *created)
{
  TdExportOptions options = { .created = created };
  g_autoptr (TdFindings) failed = NULL;
  GError *error = NULL;
  TdExportResult *r = td_export_packet (b->store, kind, BIG_CLASS, 0, 0, &options, &failed,
                                        &error);

  if (failed != NULL)
    g_printerr ("%s", td_findings_format (failed));
  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static void
accept (Big *b, const TdExportResult *r, const char *issued, const char *filing_no)
{
  GError *error = NULL;

  ok (td_store_set_packet_receipt (b->store, r->packet_id, TD_PACKET_ACCEPTED, issued, issued,
                                   filing_no, -1, NULL, NULL, &error), error);
  if (filing_no != NULL)
    ok (td_store_set_filing_no (b->store, b->klass->id, filing_no, &error), error);
}

static void
file_class (Big *b)
{
  g_autoptr (TdExportResult) filing = export (b, TD_KIND_FILING, FILED);
  g_autoptr (TdExportResult) roster = NULL;

  accept (b, filing, FILED, "LC2026-000901");
  roster = export (b, TD_KIND_ROSTER, ROSTER_AT);
  accept (b, roster, ROSTER_AT, NULL);
}

/* The big class in a new folder, filed, batch one recorded but not exported. */
static Big *
big_new (void)
{
  g_autofree char *outbox = NULL;
  GError *error = NULL;
  Big *b = g_new0 (Big, 1);

  b->dir = td_test_make_dir ("td-export-stream-XXXXXX");
  b->db = td_test_db_new (b->dir, "td.db", &b->schema);
  outbox = g_build_filename (b->dir, "outbox", NULL);
  b->store = td_store_open (b->db, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ok (td_catalog_import_default (b->store, &error), error);
  ok (td_store_set_setting (b->store, "outbox", outbox, &error), error);
  save_institution (b->store);
  b->klass = save_class (b->store);
  enrol (b);
  save_lessons (b);
  file_class (b);
  attend (b, 0, LESSONS);
  return b;
}

static void
big_free_one (Big *b)
{
  g_clear_pointer (&b->one, td_export_result_free);
  g_clear_object (&b->store);
  g_clear_pointer (&b->klass, td_class_free);
  td_test_db_drop (b->schema);
  td_test_remove_tree (b->dir);
  g_free (b->dir);
  g_free (b->db);
  g_free (b);
}

/* The big class with batch one exported (once for the whole program). */
static Big *
big_get (void)
{
  if (big != NULL)
    return big;
  big = big_new ();
  big->one = export (big, TD_KIND_ATTENDANCE, BATCH_ONE);
  return big;
}

static char *
read_text (const char *path)
{
  g_autoptr (GBytes) bytes = fixture_read (path);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* ---- 1. the streamed batch ---- */

static void
test_streamed_batch (void)
{
  g_autoptr (GError) lerr = NULL;
  Big *b = big_get ();
  g_autoptr (GPtrArray) chain = td_store_list_chain (b->store, b->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_autoptr (GPtrArray) pending = td_store_list_pending_attendance (b->store, b->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_autoptr (TdPacketLog) log = NULL;
  g_autoptr (GBytes) written = fixture_read (b->one->path);
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autofree char *text = read_text (b->one->path);
  g_autofree char *chain_el = NULL;
  const TdAttendance *last;
  GError *error = NULL;
  xmlDoc *doc;

  g_assert_null (b->one->bytes);        /* streamed: never whole in memory */
  g_assert_cmpuint (b->one->size, ==, g_bytes_get_size (written));
  g_assert_true (g_str_has_suffix (b->one->path, G_DIR_SEPARATOR_S "attendance-" BIG_CLASS
                                   "-20260120-200000.xml"));
  fixture_assert_xmllint (b->one->path);
  fixture_assert_digest (b->one->path, b->one->digest);

  /* the chain as the store has it */
  g_assert_cmpuint (chain->len, ==, LESSONS * TRAINEES);
  last = g_ptr_array_index (chain, chain->len - 1);
  chain_el = g_strdup_printf ("<Chain prev=\"%s\" head=\"%s\" count=\"%d\"/>", TD_CHAIN_ZERO,
                              last->hash, LESSONS * TRAINEES);
  g_assert_nonnull (strstr (text, chain_el));
  g_assert_cmpstr (last->packet_id, ==, b->one->packet_id);

  /* the log holds the same bytes, marked sent; nothing is pending */
  log = td_store_get_packet (b->store, b->one->packet_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (log->status, ==, TD_PACKET_SENT);
  g_assert_cmpstr (log->digest, ==, b->one->digest);
  g_assert_cmpstr (log->file, ==, b->one->path);
  g_assert_true (g_bytes_equal (log->content, written));
  g_assert_cmpuint (pending->len, ==, 0);

  /* and the tree check of the receiver finds nothing wrong */
  doc = td_xml_read_file (b->one->path, findings);
  g_assert_nonnull (doc);
  td_packet_check (doc, BATCH_ONE, findings);
  if (td_findings_has_errors (findings))
    g_error ("%s", td_findings_format (findings));
  xmlFreeDoc (doc);
}

/* ---- 2. the stream check on mutated copies ---- */

typedef struct
{
  const char *rule;
  TdSeverity severity;
  const char *ref;               /* NULL: any */
  const char *needle;            /* in the message; NULL: any */
} Want;

/* @text with the first @from replaced by @to (asserts @from is there). */
static char *
replace_first (const char *text, const char *from, const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static TdFindings *
stream_check (const char *text)
{
  Big *b = big_get ();
  g_autofree char *path = g_build_filename (b->dir, "mutated.xml", NULL);
  g_autoptr (TdPacketData) data = g_new0 (TdPacketData, 1);
  TdFindings *findings = td_findings_new ();
  GError *error = NULL;

  ok (g_file_set_contents (path, text, -1, &error), error);
  data->kind = TD_KIND_ATTENDANCE;
  data->chain_prev = g_strdup (TD_CHAIN_ZERO);
  td_export_stream_check (path, data, BATCH_ONE, findings);
  g_unlink (path);
  return findings;
}

static void
assert_findings (const TdFindings *findings, const Want *want, guint n_want)
{
  g_autofree char *all = td_findings_format (findings);

  if (td_findings_get_n (findings) != n_want)
    g_error ("want %u findings, got:\n%s", n_want, all);
  for (guint i = 0; i < n_want; i++)
    {
      const TdFinding *f = td_findings_get (findings, i);

      g_assert_cmpstr (f->rule, ==, want[i].rule);
      g_assert_cmpint (f->severity, ==, want[i].severity);
      if (want[i].ref != NULL)
        g_assert_cmpstr (f->ref, ==, want[i].ref);
      g_assert_nonnull (f->message);
      g_assert_cmpstr (f->message, !=, "");
      if (want[i].needle != NULL && strstr (f->message, want[i].needle) == NULL)
        g_error ("'%s' not in '%s'", want[i].needle, f->message);
    }
}

static void
check_mutation (const char *text, const char *from, const char *to, const Want *want,
                guint n_want)
{
  g_autofree char *mutated = replace_first (text, from, to);
  g_autoptr (TdFindings) findings = stream_check (mutated);

  assert_findings (findings, want, n_want);
}

static void
test_stream_check (void)
{
  g_autoptr (GError) lerr = NULL;
  Big *b = big_get ();
  g_autofree char *text = read_text (b->one->path);
  g_autoptr (TdFindings) clean = stream_check (text);
  char first[19], second[19], wrong[19];
  g_autofree char *first_attr = NULL, *second_rec = NULL, *dup_rec = NULL;
  g_autofree char *p_rec = NULL, *a_rec = NULL, *no_out = NULL, *head = NULL;
  g_autofree char *bad_head = NULL, *wrong_attr = NULL;
  const Want head_wrong = { "R-ATT-005", TD_SEVERITY_ERROR, "Chain", "Chain/@head" };
  const Want prev_wrong = { "R-ATT-005", TD_SEVERITY_ERROR, "Chain", "Chain/@prev" };
  const Want count_wrong = { "R-ATT-005", TD_SEVERITY_ERROR, "Chain", "Chain/@count" };
  g_autoptr (GPtrArray) chain = NULL;

  make_id (1, first);
  make_id (3, second);
  g_strlcpy (wrong, first, sizeof wrong);
  wrong[17] = wrong[17] == '0' ? '1' : '0';
  assert_findings (clean, NULL, 0);

  /* trainee 2 recorded as trainee 1 again in lesson L0001 (the chain breaks with it) */
  second_rec = g_strdup_printf ("<Record id=\"%s\"", second);
  dup_rec = g_strdup_printf ("<Record id=\"%s\"", first);
  {
    const Want want[] = { { "R-PKT-001", TD_SEVERITY_ERROR, first, "twice" }, head_wrong };
    check_mutation (text, second_rec, dup_rec, want, G_N_ELEMENTS (want));
  }
  /* absent, yet credited 5 hours */
  p_rec = g_strdup_printf ("<Record id=\"%s\" status=\"P\" in=\"08:00:00\" out=\"09:45:00\" "
                           "hours=\"2\"", first);
  a_rec = g_strdup_printf ("<Record id=\"%s\" status=\"A\" hours=\"5\"", first);
  {
    const Want want[] = { { "R-ATT-004", TD_SEVERITY_ERROR, first }, head_wrong };
    check_mutation (text, p_rec, a_rec, want, G_N_ELEMENTS (want));
  }
  /* present without an out time */
  no_out = g_strdup_printf ("<Record id=\"%s\" status=\"P\" in=\"08:00:00\" hours=\"2\"", first);
  {
    const Want want[] = { { "R-ATT-003", TD_SEVERITY_ERROR, first }, head_wrong };
    check_mutation (text, p_rec, no_out, want, G_N_ELEMENTS (want));
  }
  /* a head that does not recompute */
  chain = td_store_list_chain (b->store, b->klass->id, &lerr);
  g_assert_no_error (lerr);
  head = g_strdup_printf ("head=\"%s\"",
                          ((TdAttendance *) g_ptr_array_index (chain, chain->len - 1))->hash);
  bad_head = g_strdup_printf ("head=\"%s\"", TD_CHAIN_ZERO);
  check_mutation (text, head, bad_head, &head_wrong, 1);
  /* a prev that is not the sent head, a count that is not the number of records */
  check_mutation (text, "prev=\"0000", "prev=\"1111", &prev_wrong, 1);
  check_mutation (text, "count=\"2160\"", "count=\"2159\"", &count_wrong, 1);
  /* a wrong check digit */
  first_attr = g_strdup_printf ("id=\"%s\"", first);
  wrong_attr = g_strdup_printf ("id=\"%s\"", wrong);
  {
    const Want want[] = { { "R-ID-001", TD_SEVERITY_ERROR, wrong }, head_wrong };
    check_mutation (text, first_attr, wrong_attr, want, G_N_ELEMENTS (want));
  }
  /* a DOCTYPE */
  {
    const Want want[] = { { "R-PKT-001", TD_SEVERITY_ERROR, NULL, "DOCTYPE" } };
    check_mutation (text, "?>\n", "?>\n<!DOCTYPE Packet>\n", want, G_N_ELEMENTS (want));
  }
}

/* ---- 3. a batch that breaks the schema as it is written ---- */

/* A record changed behind the app's back to a sign-in method the bureau does not know: the
 * packet is checked while it is written, so the export fails with the rule and the element
 * named, and leaves no file, no log entry and every record still pending. */
static void
test_refused_while_written (void)
{
  Big *b = big_new ();
  g_autofree char *outbox = g_build_filename (b->dir, "outbox", NULL);
  TdExportOptions options = { .created = BATCH_ONE };
  g_autoptr (TdFindings) failed = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdExportResult) r = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GPtrArray) packets = NULL;
  g_autoptr (GDir) dir = NULL;
  const TdFinding *f;
  guint n_packets;

  packets = td_store_list_packets (b->store, b->klass->id, &error);
  g_assert_no_error (error);
  n_packets = packets->len;
  g_clear_pointer (&packets, g_ptr_array_unref);
  /* far into the batch: most of it is written before the check reaches it */
  td_test_db_sql (b->db, "UPDATE attendance SET method = 'PIGEON' WHERE seq = 2000");

  r = td_export_packet (b->store, TD_KIND_ATTENDANCE, BIG_CLASS, 0, 0, &options, &failed,
                        &error);
  g_assert_null (r);
  g_assert_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_CHECK);
  g_assert_nonnull (failed);
  g_assert_cmpuint (td_findings_count (failed, TD_SEVERITY_ERROR), ==, 1);
  f = td_findings_get (failed, 0);
  g_assert_cmpstr (f->rule, ==, "R-PKT-001");
  /* libxml2's words: the element, the attribute and the value */
  if (strstr (f->message, "Record") == NULL || strstr (f->message, "method") == NULL
      || strstr (f->message, "PIGEON") == NULL)
    g_error ("the finding does not name the element: %s", f->message);
  g_assert_cmpint (f->line, >, 2000);
  g_clear_error (&error);

  /* nothing written, nothing logged, nothing marked sent */
  dir = g_dir_open (outbox, 0, &error);
  g_assert_no_error (error);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; )
    if (!g_str_has_prefix (name, "filing-") && !g_str_has_prefix (name, "roster-"))
      g_error ("%s was left in the outbox", name);
  packets = td_store_list_packets (b->store, b->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packets->len, ==, n_packets);
  pending = td_store_list_pending_attendance (b->store, b->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, LESSONS * TRAINEES);
  big_free_one (b);
}

/* ---- 4. the next batch continues the chain ---- */

static void
test_next_batch (void)
{
  g_autoptr (GError) lerr = NULL;
  Big *b = big_get ();
  g_autoptr (TdExportResult) two = NULL;
  g_autoptr (GPtrArray) chain = NULL;
  g_autofree char *text = NULL, *chain_el = NULL;
  const TdAttendance *one_last, *two_last;

  accept (b, b->one, BATCH_ONE_OK, NULL);
  attend (b, LESSONS, LESSONS + MORE_LESSONS);
  two = export (b, TD_KIND_ATTENDANCE, BATCH_TWO);
  fixture_assert_xmllint (two->path);
  fixture_assert_digest (two->path, two->digest);
  chain = td_store_list_chain (b->store, b->klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (chain->len, ==, (LESSONS + MORE_LESSONS) * TRAINEES);
  one_last = g_ptr_array_index (chain, LESSONS * TRAINEES - 1);
  two_last = g_ptr_array_index (chain, chain->len - 1);
  g_assert_cmpstr (one_last->packet_id, ==, b->one->packet_id);
  g_assert_cmpstr (two_last->packet_id, ==, two->packet_id);
  text = read_text (two->path);
  chain_el = g_strdup_printf ("<Chain prev=\"%s\" head=\"%s\" count=\"%d\"/>", one_last->hash,
                              two_last->hash, MORE_LESSONS * TRAINEES);
  g_assert_nonnull (strstr (text, chain_el));
  g_assert_null (strstr (text, "lesson=\"L0036\""));
  g_assert_nonnull (strstr (text, "lesson=\"L0037\""));
}

static void
big_free (void)
{
  if (big == NULL)
    return;
  big_free_one (g_steal_pointer (&big));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!TD_TEST_DB_RUNS ())
    return g_test_run ();   /* the run on a server, with no server: no tests */
  g_test_add_func ("/packet/export-stream/batch", test_streamed_batch);
  g_test_add_func ("/packet/export-stream/check", test_stream_check);
  g_test_add_func ("/packet/export-stream/refused-while-written", test_refused_while_written);
  g_test_add_func ("/packet/export-stream/next-batch", test_next_batch);
  status = g_test_run ();
  big_free ();
  return status;
}
