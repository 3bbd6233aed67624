/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What is due next (td_due_list): filings not sent and their deadline (R-CLS-002, the
 * catalogue's FilingLeadWorkdays 5), attendance pending for more than 3 working days
 * (R-ATT-007), trainees to follow up within EmploymentWindowDays 183 and claims within 14
 * days of the end of ClaimWindowDays 365, against the shipped catalogue 2026-1 (holidays
 * 2026-01-01, 05-01, 10-01, 10-02; 2027 not covered, so Monday–Friday).  Every expected
 * date is worked out by hand in the comments. */
#include "config.h"

#include <glib.h>

#include "core/td-due.h"
#include "packet/td-catalog-import.h"
#include "packet/td-demo.h"
#include "store-fixture.h"

static TdDay
day (const char *iso)
{
  TdDay d = td_day_from_iso (iso);

  g_assert_cmpuint (d, !=, 0);
  return d;
}

static void
import_catalog (StoreFixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (td_catalog_import_default (f->store, &error));
  g_assert_no_error (error);
}

static GPtrArray *
due_on (TdStore *store, const char *today)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *items = td_due_list (store, day (today), &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static void
assert_item (GPtrArray *items, guint i, TdDueKind kind, const char *code, const char *due,
             int left, const char *text)
{
  const TdDueItem *item;
  char iso[TD_DATE_LEN];

  g_assert_cmpuint (i, <, items->len);
  item = g_ptr_array_index (items, i);
  td_day_to_iso (item->due, iso);
  g_assert_cmpint (item->kind, ==, kind);
  g_assert_cmpstr (item->class_code, ==, code);
  g_assert_cmpstr (iso, ==, due);
  g_assert_cmpint (item->working_days_left, ==, left);
  if (text != NULL)
    g_assert_cmpstr (item->text, ==, text);
}

/* ---- the demo ----------------------------------------------------------------------- */

/* The demo at 2026-11-26 (a Thursday), from src/packet/td-demo-classes.c:
 * - YL2026-011 runs 2026-06-19..07-09; followed up (end + 78 = 09-25 < today) and claimed
 *   (end + 85 = 10-02), accepted: nothing.
 * - CY2026-004 runs 2026-08-24..09-01; followed up 11-18, claimed 11-25: nothing.
 * - DG2026-021 started 7 working days before today, 2026-11-17; batches up to 11-23 were
 *   sent, 11-24 and 11-25 are pending: 2 working days (11-25, 11-26), not late yet.
 * - JZ2026-031 starts 12 working days after today (12-14), filed 13 working days before
 *   it (11-25) and accepted: no filing due.
 * So nothing is due today.  On Monday 11-30 the pending 11-24 is 4 working days old
 * (11-25, 26, 27, 30): due by the 3rd working day after it, 11-27, one working day ago. */
static void
test_demo (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) today = NULL;
  g_autoptr (GPtrArray) monday = NULL;

  import_catalog (f);
  g_setenv ("TD_TODAY", "2026-11-26", TRUE);
  g_assert_true (td_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_unsetenv ("TD_TODAY");

  today = due_on (f->store, "2026-11-26");
  g_assert_cmpuint (today->len, ==, 0);

  monday = due_on (f->store, "2026-11-30");
  g_assert_cmpuint (monday->len, ==, 1);
  assert_item (monday, 0, TD_DUE_ATTENDANCE, "DG2026-021", "2026-11-27", -1,
               "DG2026-021: attendance of 2026-11-24 not sent for 4 working days");
}

/* ---- hand-made classes -------------------------------------------------------------- */

typedef struct
{
  StoreFixture sf;
  TdClass *finished;   /* CY2026-901, 2026-08-24..09-01, filed, two trainees not followed */
  TdClass *running;    /* DG2026-902, 2026-11-16..12-04, filed, attendance of 11-20 pending */
  TdClass *draft;      /* JZ2026-903, 2026-12-04..12-18, no filing */
} Fixture;

static void
log_packet (TdStore *store, const char *id, TdPacketKind kind, gint64 class_id,
            TdPacketStatus status)
{
  g_autoptr (TdPacketLog) log = td_packet_log_new ();
  g_autoptr (GBytes) content = g_bytes_new_static ("<Packet/>", 9);

  g_strlcpy (log->id, id, sizeof log->id);
  log->kind = kind;
  log->class_id = class_id;
  g_strlcpy (log->created, "2026-01-01T09:00:00+08:00", sizeof log->created);
  g_strlcpy (log->digest, "00", sizeof log->digest);
  log->status = TD_PACKET_SENT;
  g_assert_true (td_store_log_packet (store, log, content, NULL));
  g_assert_true (td_store_set_packet_receipt (store, id, status, "2026-01-01T09:05:00+08:00",
                                              "2026-01-02T09:00:00+08:00", NULL, -1, NULL,
                                              NULL, NULL));
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 lesson, trainee;

  sf_setup (&f->sf, data);
  import_catalog (&f->sf);
  f->finished = sf_save_class (f->sf.store, "CY2026-901", "2026-08-24", "2026-09-01");
  log_packet (f->sf.store, "filing-901", TD_KIND_FILING, f->finished->id, TD_PACKET_ACCEPTED);
  sf_enrol (f->sf.store, f->finished->id, ID_F1993, "刘芳", "03");
  sf_enrol (f->sf.store, f->finished->id, ID_M1975, "陈建国", "01");

  f->running = sf_save_class (f->sf.store, "DG2026-902", "2026-11-16", "2026-12-04");
  log_packet (f->sf.store, "filing-902", TD_KIND_FILING, f->running->id, TD_PACKET_ACCEPTED);
  lesson = sf_save_lesson (f->sf.store, f->running->id, "L01A", "2026-11-20", "08:00:00",
                           "11:45:00", 10);
  trainee = sf_enrol (f->sf.store, f->running->id, ID_M1988, "王伟", "01");
  g_assert_true (td_store_record_attendance (f->sf.store, f->running->id, lesson, trainee, 'P',
                                             "07:55:00", "11:50:00", "FACE", &error));
  g_assert_no_error (error);

  f->draft = sf_save_class (f->sf.store, "JZ2026-903", "2026-12-04", "2026-12-18");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  td_class_free (f->finished);
  td_class_free (f->running);
  td_class_free (f->draft);
  sf_teardown (&f->sf, data);
}

/* Today 2026-11-26, Thursday.
 * - JZ2026-903 starts Friday 12-04, 6 working days after today (11-27, 30, 12-01, 02, 03,
 *   04).  5 working days must lie strictly between the filing and the start: 11-27, 30,
 *   12-01, 02, 03, so the last day is 11-26, today: today is the last day (not "0 working
 *   days left", which reads as too late).
 * - DG2026-902's record of Friday 11-20 is 4 working days old (11-23, 24, 25, 26), over 3:
 *   due by the 3rd working day after it, 11-25, one working day ago.
 * - CY2026-901 ended 09-01: its two trainees are to be followed up by 09-01 + 183 =
 *   2027-03-03 (Wednesday); 2026-11-27 … 2027-03-03 holds 69 working days (11-27, 30;
 *   December 23; January 21; February 20; March 1–3).
 * Sorted by date: the attendance, the filing, the follow-up (the classes' order, by start
 * date, is the other way round for the follow-up). */
static void
test_today (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) items = due_on (f->sf.store, "2026-11-26");
  g_autoptr (TdCatalog) catalog = td_store_get_catalog (f->sf.store, "2026-1", NULL);

  g_assert_cmpuint (items->len, ==, 3);
  assert_item (items, 0, TD_DUE_ATTENDANCE, "DG2026-902", "2026-11-25", -1,
               "DG2026-902: attendance of 2026-11-20 not sent for 4 working days");
  assert_item (items, 1, TD_DUE_FILING, "JZ2026-903", "2026-11-26", 0,
               "JZ2026-903: send the filing by 2026-11-26: today is the last day");
  assert_item (items, 2, TD_DUE_FOLLOW_UP, "CY2026-901", "2027-03-03", 69,
               "CY2026-901: 2 trainees to follow up by 2027-03-03");
  /* the deadline is the one the rule's own function gives */
  g_assert_nonnull (catalog);
  g_assert_cmpuint (((TdDueItem *) g_ptr_array_index (items, 1))->due, ==,
                    td_calendar_filing_deadline (catalog->calendar, day ("2026-12-04"), 5));
  g_assert_cmpint (((TdDueItem *) g_ptr_array_index (items, 1))->class_id, ==, f->draft->id);
}

/* A day earlier, 11-25: the record is 3 working days old (11-23, 24, 25), not late; the
 * filing has one working day left (11-26). */
static void
test_day_before (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) items = due_on (f->sf.store, "2026-11-25");

  g_assert_cmpuint (items->len, ==, 2);
  assert_item (items, 0, TD_DUE_FILING, "JZ2026-903", "2026-11-26", 1,
               "JZ2026-903: send the filing by 2026-11-26, 1 more working day after today");
  assert_item (items, 1, TD_DUE_FOLLOW_UP, "CY2026-901", "2027-03-03", 70, NULL);
}

/* A day later, Friday 11-27: the filing is late, the record 5 working days old. */
static void
test_day_after (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) items = due_on (f->sf.store, "2026-11-27");

  g_assert_cmpuint (items->len, ==, 3);
  assert_item (items, 0, TD_DUE_ATTENDANCE, "DG2026-902", "2026-11-25", -2,
               "DG2026-902: attendance of 2026-11-20 not sent for 5 working days");
  assert_item (items, 1, TD_DUE_FILING, "JZ2026-903", "2026-11-26", -1,
               "JZ2026-903: the filing is late (it was due by 2026-11-26)");
  assert_item (items, 2, TD_DUE_FOLLOW_UP, "CY2026-901", "2027-03-03", 68, NULL);
}

/* A class starting on Monday 2026-12-14: 5 working days (12-07 … 12-11) lie between it and
 * Sunday 12-06, the rule's last day; the office is closed then, so the filing is to be sent
 * by Friday 12-04, and the text says why. */
static void
test_deadline_on_sunday (Fixture *f, gconstpointer data)
{
  g_autoptr (TdCatalog) catalog = td_store_get_catalog (f->sf.store, "2026-1", NULL);
  TdDay start = day ("2026-12-14"), rule_day = 0;
  static const struct
  {
    const char *today, *text;
  } cases[] = {
    { "2026-12-02", "by 2026-12-04, 2 more working days after today (R-CLS-002 would allow "
                    "2026-12-06, but that is not a working day)" },
    { "2026-12-04", "by 2026-12-04: today is the last day (R-CLS-002 would allow 2026-12-06, "
                    "but that is not a working day)" },
    { "2026-12-05", "by 2026-12-06: today is the last day" },
    { "2026-12-07", "late since 2026-12-06" },
  };

  g_assert_nonnull (catalog);
  g_assert_cmpuint (td_due_filing_send_by (catalog, start, &rule_day), ==, day ("2026-12-04"));
  g_assert_cmpuint (rule_day, ==, day ("2026-12-06"));
  g_assert_cmpuint (rule_day, ==, td_calendar_filing_deadline (catalog->calendar, start, 5));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = td_due_filing_when (catalog, start, day (cases[i].today));
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  /* on a working day the deadline stays where the rule puts it */
  g_assert_cmpuint (td_due_filing_send_by (catalog, day ("2026-12-04"), NULL), ==,
                    day ("2026-11-26"));
}

/* Sending the filing (accepted) ends its item; a cancelled class shows nothing. */
static void
test_filed_and_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  log_packet (f->sf.store, "filing-903", TD_KIND_FILING, f->draft->id, TD_PACKET_ACCEPTED);
  g_assert_true (td_store_cancel_class (f->sf.store, f->running->id, "2026-11-24", "停办",
                                        &error));
  g_assert_no_error (error);
  items = due_on (f->sf.store, "2026-11-26");
  g_assert_cmpuint (items->len, ==, 1);
  assert_item (items, 0, TD_DUE_FOLLOW_UP, "CY2026-901", "2027-03-03", 69, NULL);
}

/* 2027-08-22 (a Sunday): CY2026-901's claim window ends 09-01 + 365 = 2027-09-01, 10 days
 * away (within 14); its follow-up window closed 2027-03-03.  Working days 2027-08-23 …
 * 09-01 (Monday–Friday, 2027 not in the calendar): 23–27, 30, 31, 09-01 = 8.  The
 * attendance (195 working days 2026-11-21 … 2027-08-22: 2026 has 6 + 23, 2027 January–July
 * 21 + 20 + 23 + 22 + 21 + 22 + 22 and August 1–22 15; 192 of them after its due day 11-25)
 * and the late filing (191 after 11-26) still show, earlier by date.  An accepted claim
 * ends the claim item; a refused one does not. */
static void
test_claim (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) before = due_on (f->sf.store, "2027-08-22");
  g_autoptr (GPtrArray) refused = NULL;
  g_autoptr (GPtrArray) accepted = NULL;
  g_autoptr (GPtrArray) early = due_on (f->sf.store, "2027-08-17");
  const char *claim_text = "CY2026-901: send the subsidy claim by 2027-09-01 (10 days left)";

  g_assert_cmpuint (before->len, ==, 3);
  assert_item (before, 0, TD_DUE_ATTENDANCE, "DG2026-902", "2026-11-25", -(195 - 3),
               "DG2026-902: attendance of 2026-11-20 not sent for 195 working days");
  assert_item (before, 1, TD_DUE_FILING, "JZ2026-903", "2026-11-26", -191,
               "JZ2026-903: the filing is late (it was due by 2026-11-26)");
  assert_item (before, 2, TD_DUE_CLAIM, "CY2026-901", "2027-09-01", 8, claim_text);
  /* 15 days before the end: not shown yet */
  g_assert_cmpuint (early->len, ==, 2);

  log_packet (f->sf.store, "claim-901a", TD_KIND_CLAIM, f->finished->id, TD_PACKET_REJECTED);
  refused = due_on (f->sf.store, "2027-08-22");
  g_assert_cmpuint (refused->len, ==, 3);
  assert_item (refused, 2, TD_DUE_CLAIM, "CY2026-901", "2027-09-01", 8, claim_text);

  log_packet (f->sf.store, "claim-901b", TD_KIND_CLAIM, f->finished->id, TD_PACKET_ACCEPTED);
  accepted = due_on (f->sf.store, "2027-08-22");
  g_assert_cmpuint (accepted->len, ==, 2);
  g_assert_cmpint (((TdDueItem *) g_ptr_array_index (accepted, 1))->kind, ==, TD_DUE_FILING);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/due/demo", StoreFixture, NULL, sf_setup, test_demo, sf_teardown);
  g_test_add ("/due/today", Fixture, NULL, setup, test_today, teardown);
  g_test_add ("/due/day-before", Fixture, NULL, setup, test_day_before, teardown);
  g_test_add ("/due/day-after", Fixture, NULL, setup, test_day_after, teardown);
  g_test_add ("/due/deadline-on-sunday", Fixture, NULL, setup, test_deadline_on_sunday, teardown);
  g_test_add ("/due/filed-and-cancelled", Fixture, NULL, setup, test_filed_and_cancelled,
              teardown);
  g_test_add ("/due/claim", Fixture, NULL, setup, test_claim, teardown);
  return g_test_run ();
}
