/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Several desks on one database at once (issue 16), each desk a connection of its own: on
 * SQLite two connections to one file, on PostgreSQL (the -pg run) two sessions of one
 * server.  Attendance appended from two desks at once forms one valid chain; a batch read by
 * two desks is sent in one packet; an export whose records another desk changed meanwhile is
 * refused whole. */
#include "config.h"

#include "store-fixture.h"

#define N_TRAINEES 8
#define N_LESSONS 4

typedef struct
{
  StoreFixture sf;
  gint64 class_id;
  gint64 lessons[N_LESSONS];
  gint64 trainees[N_TRAINEES];
} Fixture;

/* A valid id number (check digit) for trainee @i. */
static char *
id_number (int i)
{
  static const int w[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  g_autofree char *id17 = g_strdup_printf ("37150219800101%03d", 100 + i);
  int sum = 0;

  for (int j = 0; j < 17; j++)
    sum += (id17[j] - '0') * w[j];
  return g_strdup_printf ("%s%c", id17, "10X98765432"[sum % 11]);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (TdClass) k = NULL;

  sf_setup (&f->sf, data);
  k = sf_save_class (f->sf.store, "YL2026-101", "2026-03-02", "2026-03-20");
  f->class_id = k->id;
  for (int i = 0; i < N_LESSONS; i++)
    {
      g_autofree char *lid = g_strdup_printf ("L%02d", i + 1);
      g_autofree char *date = g_strdup_printf ("2026-03-%02d", i + 2);

      f->lessons[i] = sf_save_lesson (f->sf.store, k->id, lid, date, "08:00:00", "11:45:00",
                                      10);
    }
  for (int i = 0; i < N_TRAINEES; i++)
    {
      g_autofree char *id = id_number (i);

      f->trainees[i] = sf_enrol (f->sf.store, k->id, id, "学员", "01");
    }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  sf_teardown (&f->sf, data);
}

static TdStore *
open_desk (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  TdStore *desk = td_store_open (f->sf.path, TD_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return desk;
}

typedef struct
{
  Fixture *f;
  TdStore *desk;
  int first_lesson;             /* this desk records lessons first_lesson, first_lesson + 1 */
  int failures;
  char *first_error;
} Desk;

/* One desk recording its two lessons, record by record (each its own transaction). */
static gpointer
record_lessons (gpointer data)
{
  Desk *d = data;

  for (int t = 0; t < N_TRAINEES; t++)
    for (int l = d->first_lesson; l < d->first_lesson + 2; l++)
      {
        g_autoptr (GError) error = NULL;

        if (!td_store_record_attendance (d->desk, d->f->class_id, d->f->lessons[l],
                                         d->f->trainees[t], t % 3 == 0 ? 'L' : 'P',
                                         t % 3 == 0 ? "08:20:00" : "08:00:00", "11:45:00",
                                         "FACE", &error))
          {
            if (d->failures++ == 0)
              d->first_error = g_strdup (error->message);
          }
      }
  return NULL;
}

/* Two desks record attendance into one class at the same time: every record is stored, the
 * chain numbers them 1…n without a gap and recomputes, on either desk. */
static void
test_appends_at_once (Fixture *f, gconstpointer data)
{
  Desk a = { f, open_desk (f), 0 }, b = { f, open_desk (f), 2 };
  GThread *ta, *tb;
  g_autoptr (GPtrArray) chain = NULL;
  g_autoptr (GError) error = NULL;

  ta = g_thread_new ("desk-a", record_lessons, &a);
  tb = g_thread_new ("desk-b", record_lessons, &b);
  g_thread_join (ta);
  g_thread_join (tb);
  g_assert_cmpstr (a.first_error, ==, NULL);
  g_assert_cmpstr (b.first_error, ==, NULL);
  chain = td_store_list_chain (f->sf.store, f->class_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, N_TRAINEES * N_LESSONS);
  for (guint i = 0; i < chain->len; i++)
    g_assert_cmpint (((TdAttendance *) g_ptr_array_index (chain, i))->seq, ==, i + 1);
  sf_assert_verifies (f->sf.store);
  sf_assert_verifies (a.desk);
  sf_assert_verifies (b.desk);
  g_object_unref (a.desk);
  g_object_unref (b.desk);
}

static TdPacketLog *
attendance_packet (Fixture *f, const char *id)
{
  TdPacketLog *log = td_packet_log_new ();

  g_strlcpy (log->id, id, sizeof log->id);
  log->kind = TD_KIND_ATTENDANCE;
  log->class_id = f->class_id;
  g_strlcpy (log->created, "2026-03-06T18:00:00+08:00", sizeof log->created);
  g_strlcpy (log->digest, "0000000000000000000000000000000000000000000000000000000000000000",
             sizeof log->digest);
  log->status = TD_PACKET_WRITING;
  return log;
}

/* What an export does once its packet is written: the log entry and the records it carries
 * marked, in one transaction. */
static gboolean
log_batch (Fixture *f, TdStore *desk, const char *id, const TdPendingAttendance *batch,
           const char *head, GError **error)
{
  g_autoptr (TdPacketLog) log = attendance_packet (f, id);
  g_autoptr (GBytes) content = g_bytes_new_static ("<packet/>", 9);

  if (!td_store_begin (desk, error))
    return FALSE;
  if (td_store_log_packet (desk, log, content, error)
      && td_store_mark_attendance_carried (desk, f->class_id, batch->last_seq, batch->n_batch,
                                           head, id, error))
    return td_store_commit (desk, error);
  td_store_rollback (desk);
  return FALSE;
}

/* The chain's value after record @seq (what a packet carrying the records up to it ends on). */
static char *
chain_value (Fixture *f, gint64 seq)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) chain = td_store_list_chain (f->sf.store, f->class_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (seq, >=, 1);
  g_assert_cmpint (seq, <=, chain->len);
  return g_strndup (((TdAttendance *) g_ptr_array_index (chain, seq - 1))->hash, 64);
}

static void
record_all (Fixture *f, TdStore *desk, int first_lesson, int n_lessons)
{
  for (int l = first_lesson; l < first_lesson + n_lessons; l++)
    for (int t = 0; t < N_TRAINEES; t++)
      {
        g_autoptr (GError) error = NULL;

        g_assert_true (td_store_record_attendance (desk, f->class_id, f->lessons[l],
                                                   f->trainees[t], 'P', "08:00:00", "11:45:00",
                                                   "CARD", &error));
        g_assert_no_error (error);
      }
}

/* Two desks export the same pending batch: the first is logged and marks it, the second is
 * refused whole (no second packet, no record marked twice). */
static void
test_batch_exported_twice (Fixture *f, gconstpointer data)
{
  g_autoptr (TdStore) other = open_desk (f);
  g_auto (TdPendingAttendance) mine = { 0 }, theirs = { 0 }, after = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) packets = NULL;

  record_all (f, f->sf.store, 0, 2);
  g_assert_true (td_store_get_pending_attendance (f->sf.store, f->class_id, &mine, &error));
  g_assert_true (td_store_get_pending_attendance (other, f->class_id, &theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mine.n_batch, ==, 2 * N_TRAINEES);
  g_assert_true (log_batch (f, other, "P-THEIRS", &theirs, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (log_batch (f, f->sf.store, "P-MINE", &mine, NULL, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "changed on another desk while the packet was being "
                                            "made"));
  g_clear_error (&error);
  packets = td_store_list_packets (f->sf.store, f->class_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packets->len, ==, 1);
  g_assert_cmpstr (((TdPacketLog *) g_ptr_array_index (packets, 0))->id, ==, "P-THEIRS");
  g_assert_true (td_store_get_pending_attendance (f->sf.store, f->class_id, &after, &error));
  g_assert_cmpuint (after.n_pending, ==, 0);
  sf_assert_verifies (f->sf.store);
}

/* A desk records a lesson while another exports the pending batch it read before: the batch's
 * records moved (the new record goes in among them), so the export is refused; exported
 * again it carries the new record too. */
static void
test_export_races_an_edit (Fixture *f, gconstpointer data)
{
  g_autoptr (TdStore) other = open_desk (f);
  g_auto (TdPendingAttendance) read = { 0 }, now = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *head = NULL, *head_now = NULL;

  record_all (f, f->sf.store, 0, 2);
  g_assert_true (td_store_get_pending_attendance (f->sf.store, f->class_id, &read, &error));
  g_assert_no_error (error);
  head = chain_value (f, read.last_seq);
  /* the other desk corrects lesson 1's first record and adds lesson 3's */
  g_assert_true (td_store_record_attendance (other, f->class_id, f->lessons[0], f->trainees[0],
                                             'A', NULL, NULL, "MANUAL", &error));
  g_assert_no_error (error);
  record_all (f, other, 2, 1);
  g_assert_true (td_store_record_attendance (other, f->class_id, f->lessons[1], f->trainees[7],
                                             'V', NULL, NULL, "MANUAL", &error));
  g_assert_no_error (error);
  g_assert_false (log_batch (f, f->sf.store, "P-STALE", &read, head, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (td_store_get_pending_attendance (f->sf.store, f->class_id, &now, &error));
  g_assert_cmpuint (now.n_batch, ==, 3 * N_TRAINEES);
  head_now = chain_value (f, now.last_seq);
  g_assert_true (log_batch (f, f->sf.store, "P-NEW", &now, head_now, &error));
  g_assert_no_error (error);
  sf_assert_verifies (f->sf.store);
  sf_assert_verifies (other);
}

#define ADD(path, fn) \
  G_STMT_START { if (SF_RUNS ()) g_test_add (path, Fixture, NULL, setup, fn, teardown); } G_STMT_END

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/desks/appends-at-once", test_appends_at_once);
  ADD ("/desks/batch-exported-twice", test_batch_exported_twice);
  ADD ("/desks/export-races-an-edit", test_export_races_an_edit);
  return g_test_run ();
}
