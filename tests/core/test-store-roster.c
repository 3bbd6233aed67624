/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Trainees and rosters in the store (src/core/td-store-roster.c). */
#include "config.h"

#include <string.h>

#include "core/td-file.h"
#include "core/td-idnumber.h"
#include "core/td-store.h"
#include "../td-test-private.h"
#include "store-fixture.h"

static void
test_trainees (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) a = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) b = sf_save_class (f->store, "YL2026-201", "2026-05-11", "2026-05-29");
  g_autoptr (TdEnrolment) again = sf_enrolment (b->id, ID_F1993, "刘芳芳", "03");
  g_autoptr (TdTrainee) t = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GArray) by_name = NULL;
  gint64 first, other;

  first = sf_enrol (f->store, a->id, ID_F1993, "刘芳", "03,07");
  other = sf_enrol (f->store, a->id, ID_M1975, "陈建国", "01");
  g_free (again->trainee.phone);
  again->trainee.phone = g_strdup ("15006359876");
  g_assert_true (td_store_save_enrolment (f->store, again, NULL));
  g_assert_cmpint (again->trainee.id, ==, first);
  g_assert_cmpint (td_store_count_trainees (f->store, &lerr), ==, 2);
  g_assert_no_error (lerr);
  t = td_store_get_trainee (f->store, first, NULL);
  g_assert_cmpstr (t->id_number, ==, ID_F1993);
  g_assert_cmpstr (t->name, ==, "刘芳芳");         /* the latest roster's spelling */
  g_assert_cmpstr (t->phone, ==, "15006359876");
  g_assert_cmpint (t->gender, ==, 2);
  g_assert_cmpstr (t->birth_date, ==, "1993-10-11");
  g_assert_cmpstr (t->education, ==, "70");
  g_assert_cmpstr (t->household_region, ==, "371502");
  classes = td_store_list_trainee_classes (f->store, first, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (classes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (classes, 0), ==, "YL2026-101");
  g_assert_cmpstr (g_ptr_array_index (classes, 1), ==, "YL2026-201");
  g_clear_pointer (&t, td_trainee_free);
  t = td_store_find_trainee (f->store, ID_M1975, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpint (t->id, ==, other);
  g_assert_null (td_store_find_trainee (f->store, ID_M1988, &lerr));
  g_assert_no_error (lerr);
  by_name = td_store_list_trainee_ids (f->store, "birth_date", &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (by_name->len, ==, 2);
  g_assert_cmpint (g_array_index (by_name, gint64, 0), ==, other);   /* 1975 before 1993 */

  /* A wrong check digit is refused. */
  {
    g_autoptr (TdTrainee) bad = td_trainee_new ();
    g_autoptr (GError) error = NULL;
    g_strlcpy (bad->id_number, "371502197502191018", sizeof bad->id_number);
    bad->name = g_strdup ("某");
    g_assert_false (td_store_save_trainee (f->store, bad, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
    g_assert_cmpstr (error->message, ==, "371502197502191018 is not a valid id number "
                                         "(R-ID-001).");
  }
}

static void
test_enrolments (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdEnrolment) e = sf_enrolment (k->id, ID_F1993, "刘芳", "03,07");
  g_autoptr (TdEnrolment) dup = sf_enrolment (k->id, ID_F1993, "刘芳", "03");
  g_autoptr (TdEnrolment) got = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GError) error = NULL;
  gint64 second;

  e->employment_before = 1;
  e->bank = g_strdup ("中国农业银行聊城分行");
  e->account = g_strdup ("6228480123456789012");
  g_strlcpy (e->consent_date, "2026-02-25", sizeof e->consent_date);
  g_assert_true (td_store_save_enrolment (f->store, e, &error));
  g_assert_no_error (error);
  second = sf_enrol (f->store, k->id, ID_M1975, "陈建国", "01");
  sf_reopen (f);
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 2);
  got = td_enrolment_copy (g_ptr_array_index (roster, 0));
  g_assert_cmpint (got->position, ==, 1);
  g_assert_cmpstr (got->trainee.name, ==, "刘芳");
  g_assert_cmpstr (got->categories, ==, "03,07");
  g_assert_true (td_enrolment_has_category (got, "07"));
  g_assert_false (td_enrolment_has_category (got, "01"));
  g_assert_cmpint (got->employment_before, ==, 1);
  g_assert_cmpstr (got->consent_date, ==, "2026-02-25");
  g_assert_cmpstr (got->withdrawn_date, ==, "");
  g_assert_cmpstr (got->bank, ==, "中国农业银行聊城分行");
  g_assert_cmpstr (got->account, ==, "6228480123456789012");
  g_assert_cmpint (((TdEnrolment *) g_ptr_array_index (roster, 1))->position, ==, 2);
  g_assert_cmpint (td_store_count_enrolled (f->store, k->id, &lerr), ==, 2);
  g_assert_no_error (lerr);

  /* The same person twice on one roster. */
  g_assert_false (td_store_save_enrolment (f->store, dup, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "刘芳 (" ID_F1993 ") is already on this class's roster.");
  g_clear_error (&error);

  /* Withdrawal: only within the class's dates (R-NOT-002), with a reason. */
  g_assert_false (td_store_withdraw (f->store, k->id, second, "2026-03-21", "工作", &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "A withdrawal is dated within the class, 2026-03-02 to "
                                       "2026-03-20 (R-NOT-002).");
  g_clear_error (&error);
  g_assert_true (td_store_withdraw (f->store, k->id, second, "2026-03-05", "找到工作", &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, td_enrolment_free);
  got = td_store_get_enrolment (f->store, k->id, second, NULL);
  g_assert_cmpstr (got->withdrawn_date, ==, "2026-03-05");
  g_assert_cmpstr (got->withdrawn_reason, ==, "找到工作");
  g_assert_cmpint (td_store_count_enrolled (f->store, k->id, &lerr), ==, 1);
  g_assert_no_error (lerr);

  /* Removing someone with no records in the class is allowed. */
  g_assert_true (td_store_remove_enrolment (f->store, k->id, second, &error));
  g_assert_no_error (error);
  g_clear_pointer (&roster, g_ptr_array_unref);
  roster = td_store_list_enrolments (f->store, k->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (roster->len, ==, 1);
  g_assert_cmpint (td_store_count_trainees (f->store, &lerr), ==, 2);   /* the person stays */
  g_assert_no_error (lerr);
  classes = td_store_list_trainee_classes (f->store, second, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (classes->len, ==, 0);
}

/* Two desks with the same person and enrolment open: the second save of either is refused
 * and names them; the first desk's change stays; reloaded, the second desk saves. */
static void
test_edited_on_two_desks (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) k = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  gint64 trainee_id = sf_enrol (f->store, k->id, ID_M1975, "张伟", "03");
  g_autoptr (TdStore) other = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_autoptr (TdTrainee) mine = NULL, theirs = NULL, now = NULL;
  g_autoptr (TdEnrolment) my_e = NULL, their_e = NULL, now_e = NULL;

  g_assert_no_error (error);
  mine = td_store_get_trainee (f->store, trainee_id, &error);
  theirs = td_store_get_trainee (other, trainee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->row_version, ==, 1);
  g_assert_cmpint (theirs->row_version, ==, 1);
  g_free (theirs->phone);
  theirs->phone = g_strdup ("13906351111");
  g_assert_true (td_store_save_trainee (other, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (theirs->row_version, ==, 2);
  g_free (mine->name);
  mine->name = g_strdup ("张 伟");
  g_assert_false (td_store_save_trainee (f->store, mine, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, "张 伟 was changed on another desk ("));
  g_assert_nonnull (strstr (error->message, "Reload it and make them again."));
  g_clear_error (&error);
  now = td_store_get_trainee (f->store, trainee_id, &error);
  g_assert_cmpstr (now->name, ==, "张伟");
  g_assert_cmpstr (now->phone, ==, "13906351111");
  g_free (now->name);
  now->name = g_strdup ("张 伟");
  g_assert_true (td_store_save_trainee (f->store, now, &error));
  g_assert_no_error (error);

  /* the enrolment: one desk withdraws the trainee, the other changes the categories */
  my_e = td_store_get_enrolment (f->store, k->id, trainee_id, &error);
  their_e = td_store_get_enrolment (other, k->id, trainee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (my_e->row_version, ==, 1);
  g_assert_cmpint (my_e->trainee.row_version, ==, 3);
  g_strlcpy (their_e->withdrawn_date, "2026-03-05", sizeof their_e->withdrawn_date);
  their_e->withdrawn_reason = g_strdup ("个人原因");
  g_assert_true (td_store_save_enrolment (other, their_e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (their_e->row_version, ==, 2);
  g_free (my_e->categories);
  my_e->categories = g_strdup ("03,07");
  g_assert_false (td_store_save_enrolment (f->store, my_e, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The enrolment of 张 伟 was changed on another desk ("));
  g_clear_error (&error);
  now_e = td_store_get_enrolment (f->store, k->id, trainee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (now_e->categories, ==, "03");
  g_assert_cmpstr (now_e->withdrawn_date, ==, "2026-03-05");
  /* a save that changes nothing does not move the version: the other desk is not stale */
  g_assert_true (td_store_save_enrolment (other, their_e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (their_e->row_version, ==, 2);
  sf_assert_verifies (f->store);
}

/* The roster import writes with no triggers on SQLite: a person it changes moves on in
 * version all the same (a desk holding the old one is refused), a person it leaves as they
 * were does not (a desk holding them saves). */
static void
test_import_moves_versions (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) a = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) b = sf_save_class (f->store, "YL2026-102", "2026-04-01", "2026-04-20");
  gint64 changed_id = sf_enrol (f->store, a->id, ID_M1975, "张伟", "03");
  gint64 same_id = sf_enrol (f->store, a->id, ID_F1993, "李娜", "03");
  g_autoptr (TdStore) other = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_autoptr (TdTrainee) held_changed = NULL, held_same = NULL, got = NULL;
  g_autoptr (TdEnrolment) e1 = sf_enrolment (0, ID_M1975, "张伟", "03");
  g_autoptr (TdEnrolment) e2 = sf_enrolment (0, ID_F1993, "李娜", "03");
  TdEnrolment *rows[] = { e1, e2 };
  guint failed = 0;

  g_assert_no_error (error);
  held_changed = td_store_get_trainee (other, changed_id, &error);
  held_same = td_store_get_trainee (other, same_id, &error);
  g_assert_no_error (error);
  g_free (e1->trainee.phone);
  e1->trainee.phone = g_strdup ("13906352222");
  g_assert_true (td_store_begin_bulk (f->store, "import-roster", "enrolment", b->id, &error));
  g_assert_true (td_store_add_enrolments (f->store, b->id, rows, NULL, 2, NULL, NULL, NULL,
                                          &failed, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_commit_bulk (f->store, "{\"trainees\":2}", &error));
  g_assert_no_error (error);

  got = td_store_get_trainee (f->store, changed_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->row_version, ==, 2);
  g_assert_cmpstr (got->phone, ==, "13906352222");
  g_free (held_changed->name);
  held_changed->name = g_strdup ("张 伟");
  g_assert_false (td_store_save_trainee (other, held_changed, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_free (held_same->name);
  held_same->name = g_strdup ("李 娜");
  g_assert_true (td_store_save_trainee (other, held_same, &error));
  g_assert_no_error (error);
  g_assert_cmpint (held_same->row_version, ==, 2);
  sf_assert_verifies (f->store);
}

/* A database of version 5 (row versions on classes and lessons only) opens at the newest
 * version: its people and enrolments have version 1 and can be edited; verify finds nothing. */
static void
test_upgrade_from_v5 (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) old = td_store_create_at_version (f->path, 5, &error);
  g_autoptr (TdClass) k = NULL;
  g_autoptr (TdEnrolment) got = NULL;
  gint64 trainee_id;

  g_assert_no_error (error);
  k = sf_save_class (old, "YL2026-101", "2026-03-02", "2026-03-20");
  trainee_id = sf_enrol (old, k->id, ID_M1975, "张伟", "03");
  got = td_store_get_enrolment (old, k->id, trainee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->row_version, ==, 0);
  g_assert_cmpint (got->trainee.row_version, ==, 0);
  g_clear_pointer (&got, td_enrolment_free);
  g_clear_object (&old);
  f->store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_store_get_schema_version (f->store), ==, TD_STORE_SCHEMA_VERSION);
  got = td_store_get_enrolment (f->store, k->id, trainee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->row_version, ==, 1);
  g_assert_cmpint (got->trainee.row_version, ==, 1);
  g_free (got->categories);
  got->categories = g_strdup ("03,07");
  g_free (got->trainee.phone);
  got->trainee.phone = g_strdup ("13906353333");
  g_assert_true (td_store_save_enrolment (f->store, got, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got->row_version, ==, 2);
  g_assert_cmpint (got->trainee.row_version, ==, 2);
  sf_assert_verifies (f->store);
  g_assert_cmpuint (td_store_get_notices (f->store)->len, ==, 0);
}

/* An import's bulk add: a person stored before (here on another roster) keeps the row
 * and takes the new details; a new one gets a row of its own; positions follow on; a
 * person twice refuses the whole add and names which one. */
static void
test_add_enrolments (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) a = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) b = sf_save_class (f->store, "YL2026-201", "2026-05-11", "2026-05-29");
  g_autoptr (TdEnrolment) known = sf_enrolment (b->id, ID_F1993, "刘芳芳", "03");
  g_autoptr (TdEnrolment) fresh = sf_enrolment (b->id, ID_M1988, "王强", "01");
  g_autoptr (TdEnrolment) again = sf_enrolment (b->id, ID_M1988, "王强", "01");
  g_autoptr (TdEnrolment) other = sf_enrolment (b->id, ID_F1990, "赵静", "01");
  g_autoptr (TdTrainee) t = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  TdEnrolment *add[] = { known, fresh };
  TdEnrolment *twice[] = { other, again };
  g_autoptr (TdEnrolment) last = sf_enrolment (b->id, ID_M1985, "孙磊", "01");
  TdEnrolment *numbered[] = { other, last };
  const char *five[] = { "5", NULL };
  g_autofree char *number = NULL;
  gint64 first = sf_enrol (f->store, a->id, ID_F1993, "刘芳", "03,07");
  gint64 seen_before = sf_enrol (f->store, b->id, ID_M1975, "陈建国", "01");
  guint failed = 99;

  g_free (known->trainee.phone);
  known->trainee.phone = g_strdup ("15006359876");
  g_assert_true (td_store_add_enrolments (f->store, b->id, add, NULL, 2, NULL, NULL, NULL,
                                          &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (known->trainee.id, ==, first);
  g_assert_cmpint (fresh->trainee.id, !=, first);
  g_assert_cmpint (fresh->trainee.id, !=, seen_before);
  g_assert_cmpint (known->position, ==, 2);
  g_assert_cmpint (fresh->position, ==, 3);
  t = td_store_get_trainee (f->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (t->name, ==, "刘芳芳");
  g_assert_cmpstr (t->phone, ==, "15006359876");
  g_clear_pointer (&t, td_trainee_free);
  t = td_store_find_trainee (f->store, ID_M1988, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->id, ==, fresh->trainee.id);
  g_assert_cmpstr (t->name, ==, "王强");
  g_assert_cmpint (td_store_count_trainees (f->store, &error), ==, 3);

  /* 王强 is on the roster already: nothing of this add is stored, not even 赵静 */
  g_assert_false (td_store_add_enrolments (f->store, b->id, twice, NULL, 2, NULL, NULL, NULL,
                                           &failed, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "王强 (" ID_M1988 ") is already on this class's roster.");
  g_clear_error (&error);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_cmpint (td_store_count_trainees (f->store, &error), ==, 3);
  g_assert_no_error (error);
  roster = td_store_list_enrolments (f->store, b->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roster->len, ==, 3);

  /* terminal numbers: every one distinct so far; then 赵静 takes number 5 at position 4 and
   * the next one, without a number, has position 5 (the import checks this after adding) */
  g_assert_true (td_store_find_shared_terminal_number (f->store, b->id, &number, &error));
  g_assert_no_error (error);
  g_assert_null (number);
  g_assert_true (td_store_add_enrolments (f->store, b->id, numbered, five, 2, NULL, NULL, NULL,
                                          &failed, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_find_shared_terminal_number (f->store, b->id, &number, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (number, ==, "5");
}

/* Row @index of @rows becomes the person with @id_number. */
static void
replace_row (GPtrArray *rows, guint index, const char *id_number, const char *name)
{
  td_enrolment_free (g_ptr_array_index (rows, index));
  g_ptr_array_index (rows, index) = sf_enrolment (0, id_number, name, "01");
}

/* @n new people (id numbers 37150219800101000X on, with their check digit) for a class. */
static GPtrArray *
many_enrolments (guint n, guint first)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) td_enrolment_free);

  for (guint i = 0; i < n; i++)
    {
      char id17[18], id[TD_ID_LEN];
      g_autofree char *name = g_strdup_printf ("学员%u", first + i);

      g_snprintf (id17, sizeof id17, "37150219800101%03u", first + i);
      g_snprintf (id, sizeof id, "%s%c", id17, td_id_number_check_char (id17));
      g_ptr_array_add (rows, sf_enrolment (0, id, name, "01"));
    }
  return rows;
}

/* The add of many rows (SQLite writes them 50 a statement): every person and enrolment
 * stored with the ids the rows are given, in file order; a person stored before, in the
 * middle of a batch, keeps the row and takes the new details; a terminal number in a batch
 * is kept; a person already on the roster, or twice in one batch, refuses the whole add
 * and names the row. */
static void
test_add_enrolments_in_batches (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) a = sf_save_class (f->store, "YL2026-101", "2026-03-02", "2026-03-20");
  g_autoptr (TdClass) b = sf_save_class (f->store, "YL2026-201", "2026-05-11", "2026-05-29");
  g_autoptr (GPtrArray) rows = many_enrolments (123, 0);
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GHashTable) numbers = NULL;
  g_autoptr (TdTrainee) t = NULL;
  const char *terminal[123] = { NULL };
  TdEnrolment *known = g_ptr_array_index (rows, 60);
  gint64 known_id = sf_enrol (f->store, a->id, known->trainee.id_number, "旧名", "01");
  g_autofree char *version_sql = g_strdup_printf ("SELECT row_version FROM trainee WHERE id = %"
                                                  G_GINT64_FORMAT, known_id);
  gint64 known_row = sf_sql_int (f->path, version_sql);
  guint failed = 99;

  terminal[55] = "500";
  g_assert_true (td_store_add_enrolments (f->store, b->id, (TdEnrolment *const *) rows->pdata,
                                          terminal, rows->len, NULL, NULL, NULL, &failed,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_store_count_trainees (f->store, &error), ==, 123);
  roster = td_store_list_enrolments (f->store, b->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roster->len, ==, 123);
  for (guint i = 0; i < roster->len; i++)
    {
      const TdEnrolment *stored = g_ptr_array_index (roster, i);
      const TdEnrolment *row = g_ptr_array_index (rows, i);

      g_assert_cmpint (stored->position, ==, i + 1);
      g_assert_cmpint (row->position, ==, i + 1);
      g_assert_cmpint (stored->id, ==, row->id);
      g_assert_cmpint (stored->trainee.id, ==, row->trainee.id);
      g_assert_cmpstr (stored->trainee.id_number, ==, row->trainee.id_number);
      g_assert_cmpstr (stored->trainee.name, ==, row->trainee.name);
    }
  g_assert_cmpint (known->trainee.id, ==, known_id);
  t = td_store_get_trainee (f->store, known_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (t->name, ==, "学员60");
  g_assert_cmpint (t->row_version, ==, known_row + 1);
  numbers = td_store_list_terminal_numbers (f->store, b->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (numbers, &((TdEnrolment *) rows->pdata[55])->trainee.id),
                   ==, "500");
  g_assert_cmpstr (g_hash_table_lookup (numbers, &((TdEnrolment *) rows->pdata[56])->trainee.id),
                   ==, "57");

  /* row 77 of the next add is on the roster already: nothing of it is stored */
  {
    g_autoptr (GPtrArray) more = many_enrolments (100, 200);

    replace_row (more, 77, ((TdEnrolment *) rows->pdata[3])->trainee.id_number, "学员3");
    g_assert_false (td_store_add_enrolments (f->store, b->id, (TdEnrolment *const *) more->pdata,
                                             NULL, more->len, NULL, NULL, NULL, &failed,
                                             &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
    g_assert_cmpstr (strstr (error->message, "学员3 ("), !=, NULL);
    g_assert_cmpuint (failed, ==, 77);
    g_clear_error (&error);
  }
  /* the same person twice in one batch: the second is refused */
  {
    g_autoptr (GPtrArray) twice = many_enrolments (60, 300);

    replace_row (twice, 30, ((TdEnrolment *) twice->pdata[10])->trainee.id_number, "学员310");
    g_assert_false (td_store_add_enrolments (f->store, a->id, (TdEnrolment *const *) twice->pdata,
                                             NULL, twice->len, NULL, NULL, NULL, &failed,
                                             &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
    g_assert_cmpuint (failed, ==, 30);
    g_clear_error (&error);
  }
  g_assert_cmpint (td_store_count_trainees (f->store, &error), ==, 123);
  g_clear_pointer (&roster, g_ptr_array_unref);
  roster = td_store_list_enrolments (f->store, b->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roster->len, ==, 123);
  sf_assert_verifies (f->store);
}

/* A database of version 7 (an index of the roster by position) opens at the newest version
 * without it: the roster still reads in position order, takes new people after the last and
 * verifies. */
static void
test_upgrade_from_v7 (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) old = td_store_create_at_version (f->path, 7, &error);
  g_autoptr (TdClass) k = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GPtrArray) more = many_enrolments (2, 10);
  const char *has_index = sf_on_server ()
    ? "SELECT count(*) FROM pg_indexes WHERE indexname = 'enrolment_position' "
      "AND schemaname = current_schema ()"
    : "SELECT count(*) FROM sqlite_master WHERE name = 'enrolment_position'";
  guint failed = 0;

  g_assert_no_error (error);
  k = sf_save_class (old, "YL2026-101", "2026-03-02", "2026-03-20");
  sf_enrol (old, k->id, ID_M1975, "张伟", "03");
  sf_enrol (old, k->id, ID_F1993, "李娜", "03");
  sf_enrol (old, k->id, ID_M1988, "王强", "01");
  g_clear_object (&old);
  g_assert_cmpint (sf_sql_int (f->path, has_index), ==, 1);
  f->store = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_store_get_schema_version (f->store), ==, TD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sf_sql_int (f->path, has_index), ==, 0);
  g_assert_true (td_store_add_enrolments (f->store, k->id, (TdEnrolment *const *) more->pdata,
                                          NULL, more->len, NULL, NULL, NULL, &failed, &error));
  g_assert_no_error (error);
  roster = td_store_list_enrolments (f->store, k->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roster->len, ==, 5);
  for (guint i = 0; i < roster->len; i++)
    g_assert_cmpint (((TdEnrolment *) g_ptr_array_index (roster, i))->position, ==, i + 1);
  g_assert_cmpstr (((TdEnrolment *) g_ptr_array_index (roster, 0))->trainee.name, ==, "张伟");
  g_assert_cmpstr (((TdEnrolment *) g_ptr_array_index (roster, 2))->trainee.name, ==, "王强");
  g_assert_cmpstr (((TdEnrolment *) g_ptr_array_index (roster, 4))->trainee.name, ==, "学员11");
  g_assert_cmpint (td_store_count_enrolled (f->store, k->id, &error), ==, 5);
  g_assert_no_error (error);
  sf_assert_verifies (f->store);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  SF_ADD ("/store/trainees", test_trainees);
  SF_ADD ("/store/enrolments", test_enrolments);
  SF_ADD ("/store/roster-edited-on-two-desks", test_edited_on_two_desks);
  SF_ADD ("/store/roster-import-moves-versions", test_import_moves_versions);
  SF_ADD_EMPTY ("/store/roster-upgrade-from-v5", test_upgrade_from_v5);
  SF_ADD ("/store/add-enrolments", test_add_enrolments);
  SF_ADD ("/store/add-enrolments-in-batches", test_add_enrolments_in_batches);
  SF_ADD_EMPTY ("/store/roster-upgrade-from-v7", test_upgrade_from_v7);
  return g_test_run ();
}
