/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Classes, teachers and timetables in the store (src/core/td-store-class.c): every field
 * round trips, the status, what a sent filing locks. */
#include "config.h"

#include "core/td-file.h"
#include "core/td-store.h"
#include "../td-test-private.h"
#include "store-fixture.h"

static void
assert_class_fields (const TdClass *k)
{
  g_assert_cmpstr (k->code, ==, "YL2026-101");
  g_assert_cmpstr (k->title, ==, "养老护理员（五级）培训班 YL2026-101");
  g_assert_cmpstr (k->catalog_version, ==, "2026-1");
  g_assert_cmpstr (k->item_code, ==, "4-10-01-05");
  g_assert_cmpstr (k->item_name, ==, "养老护理员");
  g_assert_cmpint (k->level, ==, 5);
  g_assert_cmpstr (k->training_type, ==, "01");
  g_assert_cmpstr (k->special_action, ==, "02");
  g_assert_cmpint (k->project_mode, ==, 1);
  g_assert_cmpint (k->mode, ==, 3);
  g_assert_cmpstr (k->start_date, ==, "2026-03-02");
  g_assert_cmpstr (k->end_date, ==, "2026-03-20");
  g_assert_cmpint (k->planned_theory, ==, 60);
  g_assert_cmpint (k->planned_practice, ==, 100);
  g_assert_cmpint (k->planned_online, ==, 20);
  g_assert_cmpint (k->planned_size, ==, 30);
  g_assert_cmpstr (k->venue_region, ==, "371502");
  g_assert_cmpstr (k->venue_address, ==, "聊城市东昌府区柳园路88号");
  g_assert_cmpstr (k->online_platform, ==, "聊城职业技能在线");
  g_assert_cmpint (k->funding_source, ==, 2);
  g_assert_cmpint (k->certificate, ==, 2);
  g_assert_cmpstr (k->assessment_method, ==, "理论+实操");
  g_assert_cmpstr (k->partner_credit_code, ==, "91371500MA3C12345X");
  g_assert_cmpstr (k->partner_name, ==, "聊城颐养中心");
  g_assert_cmpint (k->partner_positions, ==, 12);
  g_assert_cmpstr (k->commitment_signed_by, ==, "王立新");
  g_assert_cmpstr (k->commitment_date, ==, "2026-02-10");
  g_assert_cmpstr (k->exam_theory_date, ==, "2026-03-20");
  g_assert_cmpstr (k->exam_practice_date, ==, "2026-03-20");
  g_assert_cmpstr (k->evaluator, ==, "聊城市职业技能鉴定中心");
  g_assert_cmpstr (k->exam_place, ==, "本校实训楼302");
  g_assert_cmpint (k->payee_type, ==, 1);
}

static void
test_class (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) got = NULL;
  g_autoptr (TdClass) by_code = NULL;
  g_autoptr (TdClass) cancelled = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  const TdClassSummary *s;

  g_assert_cmpint (k->id, >, 0);
  sf_reopen (f);
  got = td_store_get_class (f->store, k->id, &error);
  g_assert_no_error (error);
  assert_class_fields (got);
  g_assert_null (got->filing_no);
  g_assert_cmpstr (got->cancel_date, ==, "");
  g_assert_null (got->cancel_reason);
  by_code = td_store_get_class_by_code (f->store, "YL2026-101", NULL);
  g_assert_cmpint (by_code->id, ==, k->id);
  g_assert_null (td_store_get_class_by_code (f->store, "XX2026-000", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no class with the code XX2026-000.");
  g_clear_error (&error);

  g_assert_true (td_store_set_filing_no (f->store, k->id, "LC2026-000123", NULL));
  /* Cancelled after its end date: refused (R-NOT-001); on a date within: kept. */
  g_assert_false (td_store_cancel_class (f->store, k->id, "2026-03-21", "场地", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "R-NOT-001"));
  g_clear_error (&error);
  g_assert_false (td_store_cancel_class (f->store, k->id, "2026-03-10", "", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (td_store_cancel_class (f->store, k->id, "2026-03-10", "报名人数不足", &error));
  g_assert_no_error (error);
  cancelled = td_store_get_class (f->store, k->id, NULL);
  assert_class_fields (cancelled);
  g_assert_cmpstr (cancelled->filing_no, ==, "LC2026-000123");
  g_assert_cmpstr (cancelled->cancel_date, ==, "2026-03-10");
  g_assert_cmpstr (cancelled->cancel_reason, ==, "报名人数不足");
  g_assert_cmpint (td_store_class_status (f->store, cancelled, td_day_make (2026, 3, 5), &lerr), ==,
                   TD_CLASS_CANCELLED);
  g_assert_no_error (lerr);

  list = td_store_list_classes (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 1);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpstr (s->code, ==, "YL2026-101");
  g_assert_cmpint (s->status, ==, TD_CLASS_CANCELLED);
  g_assert_cmpstr (s->filing_no, ==, "LC2026-000123");
  g_assert_cmpint (s->planned_size, ==, 30);
  g_assert_cmpint (s->enrolled, ==, 0);

  /* A class that ends before it starts. */
  {
    g_autoptr (TdClass) bad = sf_class ("YL2026-102", "2026-03-02", "2026-03-01");
    g_assert_false (td_store_save_class (f->store, bad, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
    g_assert_cmpstr (error->message, ==, "The class ends (2026-03-01) before it starts "
                                         "(2026-03-02).");
  }
}

/* Status follows the filing packet, its receipt and today's date: exported is not filed. */
static void
test_class_status (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdPacketLog) log = td_packet_log_new ();
  g_autoptr (GBytes) content = g_bytes_new_static ("<Packet/>", 9);

  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 5), &lerr), ==,
                   TD_CLASS_DRAFT);
  g_assert_no_error (lerr);
  g_strlcpy (log->id, "11111111-1111-4111-8111-111111111111", sizeof log->id);
  log->kind = TD_KIND_FILING;
  log->class_id = k->id;
  g_strlcpy (log->created, "2026-02-20T09:30:00+08:00", sizeof log->created);
  g_strlcpy (log->digest, "ab", sizeof log->digest);
  log->status = TD_PACKET_SENT;
  g_assert_true (td_store_log_packet (f->store, log, content, NULL));
  /* sent, no receipt yet: awaiting it, whatever the date */
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 1), &lerr), ==,
                   TD_CLASS_AWAITING_RECEIPT);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 5), &lerr), ==,
                   TD_CLASS_AWAITING_RECEIPT);
  g_assert_no_error (lerr);
  g_assert_true (td_store_set_packet_receipt (f->store, log->id, TD_PACKET_ACCEPTED,
                                              "2026-02-20T10:00:00+08:00",
                                              "2026-02-20T10:00:00+08:00", "BA-1", -1, NULL,
                                              NULL, NULL));
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 1), &lerr), ==,
                   TD_CLASS_FILED);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 2), &lerr), ==,
                   TD_CLASS_RUNNING);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 20), &lerr), ==,
                   TD_CLASS_RUNNING);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 21), &lerr), ==,
                   TD_CLASS_FINISHED);
  g_assert_no_error (lerr);
  /* A rejected filing files nothing. */
  g_assert_true (td_store_set_packet_receipt (f->store, log->id, TD_PACKET_REJECTED,
                                              "2026-02-20T10:00:00+08:00",
                                              "2026-02-20T10:00:00+08:00", NULL, -1, NULL,
                                              NULL, NULL));
  g_assert_cmpint (td_store_class_status (f->store, k, td_day_make (2026, 3, 5), &lerr), ==,
                   TD_CLASS_DRAFT);
  g_assert_no_error (lerr);
}

/* A packet of @kind about @class_id logged as sent. */
static void
log_sent (TdStore *store, const char *id, TdPacketKind kind, gint64 class_id)
{
  g_autoptr (TdPacketLog) log = td_packet_log_new ();
  g_autoptr (GBytes) content = g_bytes_new_static ("<Packet/>", 9);

  g_strlcpy (log->id, id, sizeof log->id);
  log->kind = kind;
  log->class_id = class_id;
  g_strlcpy (log->created, "2026-02-20T09:30:00+08:00", sizeof log->created);
  g_strlcpy (log->digest, "ab", sizeof log->digest);
  log->status = TD_PACKET_SENT;
  g_assert_true (td_store_log_packet (store, log, content, NULL));
}

/* Saves @k as changed by @change; the error's message, or NULL when saved. */
static char *
save_changed (TdStore *store, const TdClass *k, void (*change) (TdClass *))
{
  g_autoptr (TdClass) copy = td_class_copy (k);
  g_autoptr (GError) error = NULL;

  change (copy);
  if (td_store_save_class (store, copy, &error))
    return NULL;
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  return g_strdup (error->message);
}

static void change_code (TdClass *k) { g_free (k->code); k->code = g_strdup ("YL2026-199"); }
static void change_start (TdClass *k) { g_strlcpy (k->start_date, "2026-03-03", TD_DATE_LEN); }
static void change_end (TdClass *k) { g_strlcpy (k->end_date, "2026-03-27", TD_DATE_LEN); }
static void change_venue (TdClass *k) { g_free (k->venue_address); k->venue_address = g_strdup ("新址"); }
static void change_end_again (TdClass *k) { g_strlcpy (k->end_date, "2026-03-31", TD_DATE_LEN); }
static void change_size (TdClass *k) { k->planned_size += 5; }
static void change_payee (TdClass *k) { k->payee_type = 3; }
static void change_exam (TdClass *k) { g_strlcpy (k->exam_theory_date, "2026-03-21", TD_DATE_LEN); }

/* Issue 18.1: what the bureau already has changes only as it allows, whatever calls the
 * store — not at all once the claim is sent; and a refused change leaves the class as it
 * was. */
static void
test_class_lock (StoreFixture *f, gconstpointer data)
{
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-102", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) stored = NULL;
  char *message;

  g_setenv ("TD_TODAY", "2026-02-20", TRUE);
  /* a draft: anything changes */
  g_assert_cmpint (td_store_class_lock (f->store, k, td_day_today (), NULL), ==, TD_CLASS_LOCK_NONE);
  g_assert_null (save_changed (f->store, k, change_venue));
  g_clear_pointer (&k, td_class_free);
  k = td_store_get_class_by_code (f->store, "YL2026-102", NULL);

  /* filed, not started: every change but the code (re-sent in a correction) */
  log_sent (f->store, "22222222-2222-4222-8222-222222222222", TD_KIND_FILING, k->id);
  g_assert_cmpint (td_store_class_lock (f->store, k, td_day_today (), NULL), ==, TD_CLASS_LOCK_FILED);
  message = save_changed (f->store, k, change_code);
  g_assert_cmpstr (message, ==, "Class YL2026-102 was filed with the bureau under this code: "
                                "the code cannot change. Create a new class for another code.");
  g_free (message);
  g_assert_cmpuint (td_class_filed_fields (td_class_changed_fields (k, k)), ==, 0);

  /* started: only the end date, hours and commitment (R-CLS-002) */
  g_setenv ("TD_TODAY", "2026-03-05", TRUE);
  g_assert_cmpint (td_store_class_lock (f->store, k, td_day_today (), NULL), ==,
                   TD_CLASS_LOCK_STARTED);
  message = save_changed (f->store, k, change_start);
  g_assert_cmpstr (message, ==, "Class YL2026-102 was filed and started on 2026-03-02: the "
                                "bureau accepts no change to its start date any more "
                                "(R-CLS-002). Only the end date, the class hours, the "
                                "commitment, the teachers and the lessons still to come can "
                                "change, and they are re-sent in a correction of the filing.");
  g_free (message);
  stored = td_store_get_class (f->store, k->id, NULL);
  g_assert_cmpstr (stored->start_date, ==, "2026-03-02");
  g_assert_nonnull ((message = save_changed (f->store, k, change_size)));
  g_assert_nonnull (strstr (message, "its planned size any more"));
  g_free (message);
  g_assert_null (save_changed (f->store, k, change_end));
  g_clear_pointer (&k, td_class_free);
  k = td_store_get_class_by_code (f->store, "YL2026-102", NULL);
  g_assert_null (save_changed (f->store, k, change_exam));
  g_clear_pointer (&k, td_class_free);
  k = td_store_get_class_by_code (f->store, "YL2026-102", NULL);

  /* the claim sent: closed */
  log_sent (f->store, "33333333-3333-4333-8333-333333333333", TD_KIND_CLAIM, k->id);
  g_setenv ("TD_TODAY", "2026-04-01", TRUE);
  g_assert_cmpint (td_store_class_lock (f->store, k, td_day_today (), NULL), ==,
                   TD_CLASS_LOCK_CLOSED);
  message = save_changed (f->store, k, change_end_again);
  g_assert_cmpstr (message, ==, "The subsidy claim of class YL2026-102 was sent: the class "
                                "is closed, and its end date cannot change any more.");
  g_free (message);
  g_assert_nonnull ((message = save_changed (f->store, k, change_payee)));
  g_free (message);
  {
    g_autoptr (TdLesson) lesson = sf_lesson (k->id, "L09", "2026-03-23", "08:00:00",
                                             "12:00:00", 8, 'T');
    g_autoptr (GError) error = NULL;

    g_assert_false (td_store_save_lesson (f->store, lesson, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
    g_assert_cmpstr (error->message, ==, "The subsidy claim of class YL2026-102 was sent: the "
                                         "class is closed, and its timetable cannot change "
                                         "any more.");
  }
  g_clear_pointer (&stored, td_class_free);
  stored = td_store_get_class (f->store, k->id, NULL);
  g_assert_cmpstr (stored->end_date, ==, "2026-03-27");
  g_assert_cmpint (stored->payee_type, ==, k->payee_type);
  g_unsetenv ("TD_TODAY");
}

static TdTeacher *
teacher (const char *tid, const char *name, const char *id_number)
{
  TdTeacher *t = td_teacher_new ();

  t->tid = g_strdup (tid);
  t->name = g_strdup (name);
  t->id_number = g_strdup (id_number);
  t->qualification = g_strdup ("高级技师");
  return t;
}

static void
test_teachers (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (GPtrArray) teachers = g_ptr_array_new_with_free_func ((GDestroyNotify) td_teacher_free);
  g_autoptr (GPtrArray) got = NULL;
  g_autoptr (GPtrArray) replaced = NULL;
  g_autoptr (GError) error = NULL;
  TdTeacher *t;

  g_ptr_array_add (teachers, teacher ("T1", "李红", ID_F1983));
  g_ptr_array_add (teachers, teacher ("T2", "张强", ID_M1971));
  g_assert_true (td_store_set_teachers (f->store, k->id, teachers, &error));
  g_assert_no_error (error);
  got = td_store_list_teachers (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (got->len, ==, 2);
  t = g_ptr_array_index (got, 0);
  g_assert_cmpstr (t->tid, ==, "T1");
  g_assert_cmpstr (t->name, ==, "李红");
  g_assert_cmpstr (t->id_number, ==, ID_F1983);
  g_assert_cmpstr (t->qualification, ==, "高级技师");
  g_assert_cmpint (t->class_id, ==, k->id);
  t = g_ptr_array_index (got, 1);
  g_assert_cmpstr (t->tid, ==, "T2");

  /* Set again: replaced, not added; a duplicate tid refused with the old set kept. */
  g_ptr_array_remove_index (teachers, 0);
  g_assert_true (td_store_set_teachers (f->store, k->id, teachers, NULL));
  replaced = td_store_list_teachers (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (replaced->len, ==, 1);
  g_ptr_array_add (teachers, teacher ("T2", "王五", ID_M1987));
  g_assert_false (td_store_set_teachers (f->store, k->id, teachers, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_clear_pointer (&replaced, g_ptr_array_unref);
  replaced = td_store_list_teachers (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (replaced->len, ==, 1);
  g_assert_cmpstr (((TdTeacher *) g_ptr_array_index (replaced, 0))->name, ==, "张强");
}

static void
test_lessons (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdLesson) online = sf_lesson (k->id, "L02A", "2026-03-03", "08:00:00",
                                           "11:45:00", 10, 'P');
  g_autoptr (TdLesson) too_long = sf_lesson (k->id, "L09A", "2026-03-09", "08:00:00",
                                             "08:44:00", 2, 'T');
  g_autoptr (TdLesson) dup = sf_lesson (k->id, "L02A", "2026-03-10", "08:00:00", "09:30:00",
                                        2, 'T');
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (TdLesson) got = NULL;
  g_autoptr (GError) error = NULL;
  TdLesson *l;

  online->online = TRUE;
  g_assert_true (td_store_save_lesson (f->store, online, &error));
  g_assert_no_error (error);
  sf_save_lesson (f->store, k->id, "L01B", "2026-03-02", "14:00:00", "17:00:00", 8);
  sf_save_lesson (f->store, k->id, "L01A", "2026-03-02", "08:00:00", "11:45:00", 9);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 3);
  /* By date, then start. */
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 0))->lid, ==, "L01A");
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 1))->lid, ==, "L01B");
  l = g_ptr_array_index (list, 2);
  g_assert_cmpstr (l->lid, ==, "L02A");
  g_assert_cmpstr (l->date, ==, "2026-03-03");
  g_assert_cmpstr (l->start, ==, "08:00:00");
  g_assert_cmpstr (l->end, ==, "11:45:00");
  g_assert_cmpint (l->hours, ==, 10);
  g_assert_cmpint (l->kind, ==, 'P');
  g_assert_true (l->online);
  g_assert_cmpstr (l->teacher, ==, "T1");
  g_assert_cmpstr (l->content, ==, "第L02A课");
  got = td_store_get_lesson (f->store, online->id, NULL);
  g_assert_cmpstr (got->lid, ==, "L02A");
  g_assert_cmpint (((TdLesson *) g_ptr_array_index (list, 0))->hours, ==, 9);

  /* 44 minutes hold no whole class hour (R-CLS-004). */
  g_assert_false (td_store_save_lesson (f->store, too_long, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Lesson L09A: 08:00:00–08:44:00 gives at most 0.5 class "
                                       "hours of 45 minutes (R-CLS-004).");
  g_clear_error (&error);
  /* A lesson id used twice in one class. */
  g_assert_false (td_store_save_lesson (f->store, dup, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "Lesson L02A: "));
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 3);

  g_assert_true (td_store_delete_lesson (f->store, online->id, NULL));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
}

/* Two desks with the same class (and lesson) open: the second save is refused and says so,
 * the first desk's change stays; reloaded, the second desk saves. */
static void
test_edited_on_two_desks (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) made = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 lesson_id = sf_save_lesson (f->store, made->id, "L01A", "2026-03-02", "08:00:00",
                                     "11:45:00", 10);
  g_autoptr (TdStore) other = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_autoptr (TdClass) mine = NULL, theirs = NULL, now = NULL;
  g_autoptr (TdLesson) my_lesson = NULL, their_lesson = NULL;

  g_assert_no_error (error);
  mine = td_store_get_class (f->store, made->id, &error);
  g_assert_no_error (error);
  theirs = td_store_get_class (other, made->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->row_version, ==, theirs->row_version);
  g_assert_cmpint (mine->row_version, >, 0);

  g_free (theirs->title);
  theirs->title = g_strdup ("另一台工作站改的名称");
  g_assert_true (td_store_save_class (other, theirs, &error));
  g_assert_no_error (error);
  g_free (mine->venue_address);
  mine->venue_address = g_strdup ("聊城市东昌府区柳园路99号");
  g_assert_false (td_store_save_class (f->store, mine, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, "YL2026-101 was changed on another desk ("));
  g_assert_nonnull (strstr (error->message, "Reload it and make them again."));
  g_clear_error (&error);
  now = td_store_get_class (f->store, made->id, &error);
  g_assert_cmpstr (now->title, ==, "另一台工作站改的名称");
  g_assert_cmpstr (now->venue_address, ==, made->venue_address);
  /* the other desk may save again what it saved: its copy is up to date */
  g_assert_true (td_store_save_class (other, theirs, &error));
  g_assert_no_error (error);
  /* reloaded, this desk's change goes in */
  g_free (now->venue_address);
  now->venue_address = g_strdup ("聊城市东昌府区柳园路99号");
  g_assert_true (td_store_save_class (f->store, now, &error));
  g_assert_no_error (error);

  my_lesson = td_store_get_lesson (f->store, lesson_id, &error);
  their_lesson = td_store_get_lesson (other, lesson_id, &error);
  g_assert_no_error (error);
  g_free (their_lesson->content);
  their_lesson->content = g_strdup ("实操：翻身");
  g_assert_true (td_store_save_lesson (other, their_lesson, &error));
  g_assert_no_error (error);
  g_free (my_lesson->content);
  my_lesson->content = g_strdup ("理论：照护");
  g_assert_false (td_store_save_lesson (f->store, my_lesson, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, "L01A was changed on another desk"));
}

/* A database of version 4 (before row versions) opens at the newest version: its classes
 * have a version and can be edited; nothing in the audit log changed meaning. */
static void
test_upgrade_from_v4 (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) old = td_store_create_at_version (f->path, 4, &error);
  g_autoptr (TdClass) k = NULL, got = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  g_assert_no_error (error);
  k = sf_save_class (old, "YL2026-101", "2026-03-02", "2026-03-20");
  g_assert_cmpint (k->row_version, ==, 0);
  g_clear_object (&old);
  f->store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_store_get_schema_version (f->store), ==, TD_STORE_SCHEMA_VERSION);
  got = td_store_get_class (f->store, k->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->row_version, ==, 1);
  g_free (got->title);
  got->title = g_strdup ("新名称");
  g_assert_true (td_store_save_class (f->store, got, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got->row_version, ==, 2);
  problems = td_store_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (td_store_get_notices (f->store)->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  SF_ADD ("/store/class", test_class);
  SF_ADD ("/store/class-status", test_class_status);
  SF_ADD ("/store/class-lock", test_class_lock);
  SF_ADD ("/store/teachers", test_teachers);
  SF_ADD ("/store/lessons", test_lessons);
  SF_ADD ("/store/edited-on-two-desks", test_edited_on_two_desks);
  SF_ADD_EMPTY ("/store/upgrade-from-v4", test_upgrade_from_v4);
  return g_test_run ();
}
