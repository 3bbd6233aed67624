/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the store writes (src/core/td-store.c, td-store-audit.c): every change in the audit
 * log, a refused write leaves the data as it was, nested transactions. */
#include "config.h"

#include "core/td-file.h"
#include "core/td-store.h"
#include "../td-test-private.h"
#include "store-fixture.h"

/* ---- audit log ----------------------------------------------------------------------------- */

static const TdAuditEntry *
audit_entry (GPtrArray *entries, const char *op)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const TdAuditEntry *e = g_ptr_array_index (entries, i);
      if (g_str_equal (e->op, op))
        return e;
    }
  return NULL;
}

static void
test_audit (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 lesson = sf_save_lesson (f->store, k->id, "L01A", "2026-03-02", "08:00:00",
                                  "11:45:00", 10);
  g_autoptr (TdLesson) l = td_store_get_lesson (f->store, lesson, NULL);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) blobs = NULL;
  g_autoptr (GBytes) src = g_bytes_new_static ("<Catalog/>", 10);
  g_autoptr (TdCatalog) cat = sf_catalog ("2026-1", "2026-01-01");
  const TdAuditEntry *e;

  g_free (l->content);
  l->content = g_strdup ("老年人生活照料");
  g_assert_true (td_store_save_lesson (f->store, l, NULL));
  g_assert_true (td_store_delete_lesson (f->store, lesson, NULL));
  entries = td_store_list_audit (f->store, "lesson", lesson, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (entries->len, ==, 3);
  /* Newest first. */
  g_assert_cmpstr (((TdAuditEntry *) g_ptr_array_index (entries, 0))->op, ==, "delete");
  g_assert_cmpstr (((TdAuditEntry *) g_ptr_array_index (entries, 2))->op, ==, "insert");

  e = audit_entry (entries, "insert");
  g_assert_cmpstr (e->table_name, ==, "lesson");
  g_assert_cmpint (e->row, ==, lesson);
  g_assert_null (e->old_values);
  g_assert_nonnull (strstr (e->new_values, "\"lid\":\"L01A\""));
  g_assert_nonnull (strstr (e->new_values, "\"content\":\"第L01A课\""));
  g_assert_nonnull (strstr (e->new_values, "\"hours\":10"));
  g_assert_true (g_regex_match_simple ("^20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:"
                                       "[0-5][0-9]$", e->at, 0, 0));

  e = audit_entry (entries, "update");
  g_assert_nonnull (strstr (e->old_values, "\"content\":\"第L01A课\""));
  g_assert_nonnull (strstr (e->new_values, "\"content\":\"老年人生活照料\""));

  e = audit_entry (entries, "delete");
  g_assert_nonnull (strstr (e->old_values, "\"content\":\"老年人生活照料\""));
  g_assert_null (e->new_values);

  /* Blobs (a catalogue's source, a packet's bytes) stay out of the log. */
  g_assert_true (td_store_add_catalog (f->store, cat, src, NULL));
  blobs = td_store_list_audit (f->store, "catalog", 0, 1, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (blobs->len, ==, 1);
  e = g_ptr_array_index (blobs, 0);
  g_assert_nonnull (strstr (e->new_values, "\"version\":\"2026-1\""));
  g_assert_null (strstr (e->new_values, "source"));
}

/* ---- refused writes leave the data unchanged ------------------------------------------------ */

static gint64
audit_count (StoreFixture *f)
{
  return sf_sql_int (f->path, "SELECT count(*) FROM audit");
}

static void
test_refused_duplicate_code (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) a = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) b = sf_save_class (f->store, "YL2026-102", "2026-04-01", "2026-04-20");
  g_autoptr (TdClass) dup = sf_class ("YL2026-101", "2026-05-01", "2026-05-20");
  g_autoptr (TdClass) got = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 audits = audit_count (f);

  g_assert_false (td_store_save_class (f->store, dup, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Another class already has the code YL2026-101. Class "
                                       "codes are unique within the institution.");
  g_assert_cmpint (dup->id, ==, 0);
  g_clear_error (&error);
  /* Renaming the second class to the first one's code: refused too. */
  g_free (b->code);
  b->code = g_strdup ("YL2026-101");
  g_assert_false (td_store_save_class (f->store, b, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  list = td_store_list_classes (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  got = td_store_get_class (f->store, b->id, NULL);
  g_assert_cmpstr (got->code, ==, "YL2026-102");
  g_assert_cmpint (audit_count (f), ==, audits);
}

static void
test_refused_remove_with_attendance (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 lesson = sf_save_lesson (f->store, k->id, "L01A", "2026-03-02", "08:00:00",
                                  "11:45:00", 10);
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audits;

  g_assert_true (td_store_record_attendance (f->store, k->id, lesson, a, 'P', "07:55:00",
                                             "11:50:00", "FACE", &error));
  g_assert_no_error (error);
  audits = audit_count (f);
  g_assert_false (td_store_remove_enrolment (f->store, k->id, a, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  g_assert_nonnull (strstr (error->message, "Record a withdrawal (退训) instead."));
  g_clear_error (&error);
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 1);
  g_assert_cmpint (td_store_credited_hours (f->store, k->id, a, &lerr), ==, 10);
  g_assert_no_error (lerr);
  /* Nor can the class's timetable be replaced or the lesson deleted. */
  g_assert_false (td_store_delete_lesson (f->store, lesson, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  g_clear_error (&error);
  {
    g_autoptr (GPtrArray) none = g_ptr_array_new ();
    g_assert_false (td_store_replace_lessons (f->store, k->id, none, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  }
  g_assert_cmpint (audit_count (f), ==, audits);
}

static void
test_refused_lesson_times (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 lesson = sf_save_lesson (f->store, k->id, "L01A", "2026-03-02", "08:00:00",
                                  "11:45:00", 10);
  gint64 a = sf_enrol (f->store, k->id, ID_F1993, "刘芳", "03");
  g_autoptr (TdLesson) l = NULL;
  g_autoptr (TdLesson) got = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (td_store_record_attendance (f->store, k->id, lesson, a, 'L', "08:20:00",
                                             "11:50:00", "CARD", NULL));
  l = td_store_get_lesson (f->store, lesson, NULL);
  g_strlcpy (l->end, "12:00:00", sizeof l->end);     /* valid on its own, still 5 hours */
  g_assert_false (td_store_save_lesson (f->store, l, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  g_assert_cmpstr (error->message, ==, "Lesson L01A already has attendance, so its id, date, "
                                       "times and hours cannot change.");
  g_clear_error (&error);
  g_strlcpy (l->end, "11:45:00", sizeof l->end);
  g_strlcpy (l->date, "2026-03-03", sizeof l->date);
  g_assert_false (td_store_save_lesson (f->store, l, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_LOCKED_RECORD);
  g_clear_error (&error);
  got = td_store_get_lesson (f->store, lesson, NULL);
  g_assert_cmpstr (got->date, ==, "2026-03-02");
  g_assert_cmpstr (got->end, ==, "11:45:00");
  g_assert_cmpint (td_store_credited_hours (f->store, k->id, a, &lerr), ==, 9);
  g_assert_no_error (lerr);
  /* What does not touch the times may change: the teacher, the content. */
  g_strlcpy (l->date, "2026-03-02", sizeof l->date);
  g_free (l->content);
  l->content = g_strdup ("失能老人照护");
  g_assert_true (td_store_save_lesson (f->store, l, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, td_lesson_free);
  got = td_store_get_lesson (f->store, lesson, NULL);
  g_assert_cmpstr (got->content, ==, "失能老人照护");
}

/* ---- transactions ------------------------------------------------------------------------- */

static void
on_changed (TdStore *store, const char *table, gint64 row, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strdup (table));
}

static void
test_nested_transactions (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) a = sf_class ("YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) b = sf_class ("YL2026-102", "2026-04-01", "2026-04-20");
  g_autoptr (TdClass) c = sf_class ("YL2026-103", "2026-05-01", "2026-05-20");
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), seen);
  g_assert_true (td_store_begin (f->store, &error));
  g_assert_true (td_store_save_class (f->store, a, &error));
  g_assert_true (td_store_begin (f->store, &error));
  g_assert_true (td_store_save_class (f->store, b, &error));
  td_store_rollback (f->store);              /* the inner one: b goes */
  g_assert_cmpuint (seen->len, ==, 0);       /* nothing announced before the outer commit */
  g_assert_true (td_store_begin (f->store, &error));
  g_assert_true (td_store_save_class (f->store, c, &error));
  g_assert_true (td_store_commit (f->store, &error));   /* the inner one: c stays */
  g_assert_true (td_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "class");
  sf_reopen (f);
  list = td_store_list_classes (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((TdClassSummary *) g_ptr_array_index (list, 0))->code, ==, "YL2026-101");
  g_assert_cmpstr (((TdClassSummary *) g_ptr_array_index (list, 1))->code, ==, "YL2026-103");

  /* An outer rollback takes a committed inner one with it. */
  g_ptr_array_set_size (seen, 0);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), seen);
  b->id = 0;
  g_assert_true (td_store_begin (f->store, NULL));
  g_assert_true (td_store_begin (f->store, NULL));
  g_assert_true (td_store_save_class (f->store, b, NULL));
  g_assert_true (td_store_commit (f->store, NULL));
  td_store_rollback (f->store);
  g_assert_cmpuint (seen->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_classes (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  /* And the store is usable afterwards (no transaction left open). */
  b->id = 0;
  g_assert_true (td_store_save_class (f->store, b, NULL));
  sf_reopen (f);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_classes (f->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 3);
}

static void
test_replace_lessons_failure (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audits;

  sf_save_lesson (f->store, k->id, "L01A", "2026-03-02", "08:00:00", "11:45:00", 10);
  sf_save_lesson (f->store, k->id, "L01B", "2026-03-02", "14:00:00", "17:00:00", 8);
  audits = audit_count (f);
  g_ptr_array_add (fresh, sf_lesson (0, "N01A", "2026-03-03", "08:00:00", "11:45:00", 10, 'T'));
  g_ptr_array_add (fresh, sf_lesson (0, "N01B", "2026-03-03", "14:00:00", "17:00:00", 8, 'P'));
  /* The third one repeats an id: the database refuses it half way. */
  g_ptr_array_add (fresh, sf_lesson (0, "N01A", "2026-03-04", "08:00:00", "11:45:00", 10, 'T'));
  g_assert_false (td_store_replace_lessons (f->store, k->id, fresh, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "Lesson N01A: "));
  g_clear_error (&error);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 0))->lid, ==, "L01A");
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 1))->lid, ==, "L01B");
  g_assert_cmpint (audit_count (f), ==, audits);

  /* A lesson that breaks a rule half way. */
  g_strlcpy (((TdLesson *) g_ptr_array_index (fresh, 2))->end, "08:30:00", 9);
  g_free (((TdLesson *) g_ptr_array_index (fresh, 2))->lid);
  ((TdLesson *) g_ptr_array_index (fresh, 2))->lid = g_strdup ("N02A");
  g_assert_false (td_store_replace_lessons (f->store, k->id, fresh, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "R-CLS-004"));
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 0))->lid, ==, "L01A");

  /* Fixed, the whole new timetable replaces the old one. */
  ((TdLesson *) g_ptr_array_index (fresh, 2))->hours = 1;
  g_assert_true (td_store_replace_lessons (f->store, k->id, fresh, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_store_list_lessons (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 0))->lid, ==, "N01A");
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (list, 2))->lid, ==, "N02A");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  SF_ADD ("/store/audit", test_audit);
  SF_ADD ("/store/refused/duplicate-code", test_refused_duplicate_code);
  SF_ADD ("/store/refused/remove-with-attendance", test_refused_remove_with_attendance);
  SF_ADD ("/store/refused/lesson-times", test_refused_lesson_times);
  SF_ADD ("/store/transactions/nested", test_nested_transactions);
  SF_ADD ("/store/transactions/replace-lessons", test_replace_lessons_failure);
  return g_test_run ();
}
