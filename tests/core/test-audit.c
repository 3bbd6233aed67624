/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log as evidence and the one write path for bulk work: an update logs what it
 * changed; a bulk action (a lesson marked present, a batch marked sent) is one entry saying
 * what it touched and stores all of its rows or none; the log is chained, so an entry edited,
 * cut or emptied, and a change made with another program, is reported by verify; triggers
 * removed behind the app's back come back when it opens the file, with a notice; a version-2
 * file's bulky entries are compacted on the way to this version. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store-fixture.h"

#define ID_A ID_F1993
#define ID_B ID_M1975
#define ID_C ID_M1988

typedef struct
{
  StoreFixture sf;
  gint64 class_id;
  gint64 lesson1, lesson2;
  gint64 a, b, c;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (TdClass) k = NULL;

  sf_setup (&f->sf, data);
  k = sf_save_class (f->sf.store, "YL2026-101", "2026-03-02", "2026-03-20");
  f->class_id = k->id;
  f->lesson1 = sf_save_lesson (f->sf.store, k->id, "L01A", "2026-03-02", "08:00:00",
                               "11:45:00", 10);
  f->lesson2 = sf_save_lesson (f->sf.store, k->id, "L01B", "2026-03-02", "14:00:00",
                               "17:45:00", 10);
  f->a = sf_enrol (f->sf.store, k->id, ID_A, "甲", "01");
  f->b = sf_enrol (f->sf.store, k->id, ID_B, "乙", "01");
  f->c = sf_enrol (f->sf.store, k->id, ID_C, "丙", "01");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sf_teardown (&f->sf, data);
}

static gint64
audit_count (Fixture *f)
{
  return sf_sql_int (f->sf.path, "SELECT count(*) FROM audit");
}

/* The whole lesson present: one bulk write. */
static gboolean
lesson_present (Fixture *f, gint64 lesson, const char *start, const char *end, GError **error)
{
  TdAttendanceEntry entries[] = {
    { lesson, f->a, 'P', start, end, "FACE" },
    { lesson, f->b, 'P', start, end, "FACE" },
    { lesson, f->c, 'P', start, end, "FACE" },
  };
  guint n = 0;
  gboolean ok = td_store_record_attendance_many (f->sf.store, f->class_id, entries, 3, &n,
                                                 error);

  g_assert_cmpuint (n, ==, ok ? 3 : 0);
  return ok;
}

/* The problems verify finds, one message a line. */
static char *
verify_text (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = td_store_verify (f->sf.store, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s\n",
                            ((TdVerifyProblem *) g_ptr_array_index (problems, i))->message);
  return g_string_free (text, FALSE);
}

static void
test_update_logs_the_change (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdLesson) l = td_store_get_lesson (f->sf.store, f->lesson1, &error);
  g_autoptr (GPtrArray) entries = NULL;
  const TdAuditEntry *e;
  gint64 before;

  g_assert_no_error (error);
  g_free (l->content);
  l->content = g_strdup ("老年人生活照料");
  g_assert_true (td_store_save_lesson (f->sf.store, l, &error));
  g_assert_no_error (error);
  entries = td_store_list_audit (f->sf.store, "lesson", f->lesson1, 1, &error);
  g_assert_no_error (error);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->op, ==, "update");
  g_assert_cmpstr (e->old_values, ==, "{\"content\":\"第L01A课\"}");
  g_assert_cmpstr (e->new_values, ==, "{\"content\":\"老年人生活照料\"}");
  /* saved again unchanged: nothing to log */
  before = audit_count (f);
  g_assert_true (td_store_save_lesson (f->sf.store, l, &error));
  g_assert_cmpint (audit_count (f), ==, before);
}

static void
test_bulk_is_one_entry (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) chain = NULL;
  TdPendingAttendance pending = { 0 };
  const TdAuditEntry *e;
  gint64 before = audit_count (f);
  g_autofree char *verified = NULL;

  g_assert_true (lesson_present (f, f->lesson1, "08:00:00", "11:45:00", &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f), ==, before + 1);
  entries = td_store_list_audit (f->sf.store, "attendance", 0, 1, &error);
  g_assert_no_error (error);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->op, ==, "bulk");
  g_assert_nonnull (strstr (e->new_values, "\"action\":\"record-attendance\""));
  g_assert_nonnull (strstr (e->new_values, "\"records\":3"));
  g_assert_nonnull (strstr (e->new_values, "\"lessons\":\"L01A\""));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* the batch marked sent: one statement, one entry naming the packet */
  g_assert_true (td_store_get_pending_attendance (f->sf.store, f->class_id, &pending, &error));
  g_assert_true (td_store_mark_attendance_sent (f->sf.store, f->class_id, pending.last_seq,
                                                "P-0001", &error));
  g_assert_no_error (error);
  td_pending_attendance_clear (&pending);
  g_assert_cmpint (audit_count (f), ==, before + 2);
  entries = td_store_list_audit (f->sf.store, "attendance", 0, 1, &error);
  e = g_ptr_array_index (entries, 0);
  g_assert_nonnull (strstr (e->new_values, "\"action\":\"mark-sent\""));
  g_assert_nonnull (strstr (e->new_values, "\"packet_id\":\"P-0001\""));
  g_assert_nonnull (strstr (e->new_values, "\"records\":3"));
  chain = td_store_list_pending_attendance (f->sf.store, f->class_id, &error);
  g_assert_cmpuint (chain->len, ==, 0);
  /* and it all verifies */
  verified = verify_text (f);
  g_assert_cmpstr (verified, ==, "");
}

/* A refused record refuses the whole lesson: nothing stored, nothing logged. */
static void
test_bulk_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) chain = NULL;
  gint64 before = audit_count (f);
  TdAttendanceEntry entries[] = {
    { f->lesson1, f->a, 'P', "08:00:00", "11:45:00", "FACE" },
    { f->lesson1, f->b, 'P', "08:00:00", "11:45:00", "FACE" },
    { f->lesson1, f->c, 'P', "08:00:00", "11:45:00", "PHONE" },
  };

  g_assert_false (td_store_record_attendance_many (f->sf.store, f->class_id, entries, 3, NULL,
                                                   &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Lesson L01A, 丙: The sign-in method must be FACE, "
                                       "CARD, QR, ONLINE or MANUAL.");
  g_clear_error (&error);
  chain = td_store_list_chain (f->sf.store, f->class_id, &error);
  g_assert_cmpuint (chain->len, ==, 0);
  g_assert_cmpint (audit_count (f), ==, before);

  /* a failure in the middle of the writes (the third insert fails) rolls back the first two */
  if (sf_on_server ())
    sf_sql (f->sf.path, "CREATE FUNCTION fail_third () RETURNS trigger LANGUAGE plpgsql AS "
                        "$$BEGIN IF NEW.trainee_id = (SELECT max(id) FROM trainee) THEN "
                        "RAISE EXCEPTION 'no room'; END IF; RETURN NEW; END$$; "
                        "CREATE TRIGGER fail_third BEFORE INSERT ON attendance FOR EACH ROW "
                        "EXECUTE FUNCTION fail_third ()");
  else
    sf_sql (f->sf.path, "CREATE TRIGGER fail_third BEFORE INSERT ON attendance WHEN "
                        "NEW.trainee_id = (SELECT max(id) FROM trainee) BEGIN "
                        "SELECT RAISE(ABORT, 'no room'); END");
  entries[2].method = "FACE";
  g_assert_false (td_store_record_attendance_many (f->sf.store, f->class_id, entries, 3, NULL,
                                                   &error));
  g_assert_nonnull (strstr (error->message, "Lesson L01A, 丙: "));
  g_clear_pointer (&chain, g_ptr_array_unref);
  chain = td_store_list_chain (f->sf.store, f->class_id, NULL);
  g_assert_cmpuint (chain->len, ==, 0);
  g_assert_cmpint (audit_count (f), ==, before);
}

/* During a bulk action the connection runs no trigger when the file has only TrainDesk's
 * (they would log nothing then); after it, finished or rolled back, every change is logged
 * row by row again; and a trigger of another program's keeps running during one. */
static void
test_triggers_after_bulk (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdEnrolment) again = sf_enrolment (0, ID_A, "甲", "01");
  TdEnrolment *twice[2] = { again, again };
  gint64 before;

  g_assert_true (lesson_present (f, f->lesson1, "08:00:00", "11:45:00", &error));
  g_assert_no_error (error);
  before = audit_count (f);
  g_assert_true (td_store_record_attendance (f->sf.store, f->class_id, f->lesson2, f->a, 'P',
                                             "14:00:00", "17:45:00", "FACE", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_sql_int (f->sf.path, "SELECT count(*) FROM audit WHERE tbl = "
                                           "'attendance' AND op = 'insert'"), ==, 1);
  g_assert_cmpint (audit_count (f), ==, before + 1);

  /* a bulk action that fails half way (the same person twice) stores nothing, and the next
   * change is logged */
  {
    g_autoptr (TdClass) other = sf_save_class (f->sf.store, "YL2026-102", "2026-04-01",
                                               "2026-04-20");
    guint failed = 0;

    before = audit_count (f);
    g_assert_false (td_store_add_enrolments (f->sf.store, other->id, twice, NULL, 2, NULL, NULL,
                                             NULL, &failed, &error));
    g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_CONSTRAINT);
    g_assert_cmpuint (failed, ==, 1);
    g_clear_error (&error);
    g_assert_cmpint (audit_count (f), ==, before);
  }
  g_assert_true (td_store_record_attendance (f->sf.store, f->class_id, f->lesson2, f->b, 'P',
                                             "14:00:00", "17:45:00", "FACE", &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f), ==, before + 1);

  /* another program's trigger runs during a bulk action too */
  sf_sql (f->sf.path, "CREATE TABLE seen (n INTEGER); CREATE TRIGGER count_new AFTER INSERT "
                      "ON attendance BEGIN INSERT INTO seen VALUES (NEW.id); END; "
                      "CREATE TRIGGER count_changed AFTER UPDATE ON attendance BEGIN "
                      "INSERT INTO seen VALUES (NEW.id); END");
  g_assert_true (lesson_present (f, f->lesson1, "07:55:00", "11:50:00", &error));
  g_assert_no_error (error);
  /* (a changed record is replaced: its old row updated, a new one inserted) */
  g_assert_cmpint (sf_sql_int (f->sf.path, "SELECT count(DISTINCT n) FROM seen"), >=, 3);
}

static void
test_outside_change_is_reported (Fixture *f, gconstpointer data)
{
  g_autofree char *clean = verify_text (f);
  g_autofree char *text = NULL;

  g_assert_cmpstr (clean, ==, "");
  sf_sql (f->sf.path, "UPDATE trainee SET phone = '13900000000' WHERE id_number = '" ID_B "'");
  text = verify_text (f);
  g_assert_nonnull (strstr (text, "the audit log has an entry TrainDesk did not write: update "
                                  "of trainee row"));
}

static void
test_chain_edit_cut_empty (Fixture *f, gconstpointer data)
{
  g_autofree char *edited = NULL, *cut = NULL, *emptied = NULL;

  g_assert_true (lesson_present (f, f->lesson1, "08:00:00", "11:45:00", NULL));
  /* an entry rewritten: the chain breaks there */
  sf_sql (f->sf.path, "UPDATE audit SET new = replace(new, '乙', '丁') WHERE tbl = 'trainee'");
  edited = verify_text (f);
  g_assert_nonnull (strstr (edited, "the audit log does not verify at entry"));
  /* the newest entries cut off */
  sf_sql (f->sf.path, "UPDATE audit SET new = replace(new, '丁', '乙') WHERE tbl = 'trainee'");
  sf_sql (f->sf.path, "DELETE FROM audit WHERE id > (SELECT max(id) - 2 FROM audit)");
  cut = verify_text (f);
  g_assert_nonnull (strstr (cut, "it was cut or edited outside TrainDesk"));
  /* emptied */
  sf_sql (f->sf.path, "DELETE FROM audit");
  emptied = verify_text (f);
  g_assert_nonnull (strstr (emptied, "the audit log is empty: it was emptied or dropped"));
}

/* Triggers dropped (and a table of the log) come back when the file is opened, with a notice
 * and an entry that says so; changes made meanwhile are what verify then reports. */
static void
test_triggers_recreated (Fixture *f, gconstpointer data)
{
  GPtrArray *notices;
  g_autofree char *text = NULL;

  g_clear_object (&f->sf.store);
  sf_sql (f->sf.path, sf_on_server ()
                      ? "DROP TRIGGER audit_trainee_u ON trainee; "
                        "DROP TRIGGER audit_attendance_i ON attendance; "
                        "UPDATE trainee SET name = '丁' WHERE id_number = '" ID_B "'"
                      : "DROP TRIGGER audit_trainee_u; DROP TRIGGER audit_attendance_i; "
                        "UPDATE trainee SET name = '丁' WHERE id_number = '" ID_B "'");
  sf_reopen (&f->sf);
  notices = td_store_get_notices (f->sf.store);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (notices, 0), "the trigger audit_trainee_u was "
                                                            "missing"));
  g_assert_nonnull (strstr (g_ptr_array_index (notices, 0), "the trigger audit_attendance_i "
                                                            "was missing"));
  g_assert_cmpint (sf_sql_int (f->sf.path, sf_on_server ()
                               ? "SELECT count(*) FROM pg_trigger WHERE tgname = "
                                 "'audit_trainee_u' AND tgrelid = 'trainee'::regclass"
                               : "SELECT count(*) FROM sqlite_master WHERE name = "
                                 "'audit_trainee_u'"), ==, 1);
  g_assert_cmpint (sf_sql_int (f->sf.path, "SELECT count(*) FROM audit WHERE op = 'repair'"),
                   ==, 1);
  /* the next change behind its back is logged again */
  sf_sql (f->sf.path, "UPDATE trainee SET name = '戊' WHERE id_number = '" ID_B "'");
  text = verify_text (f);
  g_assert_nonnull (strstr (text, "did not write: update of trainee"));
  /* opened again: nothing left to repair, no notice */
  sf_reopen (&f->sf);
  g_assert_cmpuint (td_store_get_notices (f->sf.store)->len, ==, 0);
}

static void
test_audit_table_dropped (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;

  g_clear_object (&f->sf.store);
  sf_sql (f->sf.path, "DROP TABLE audit");
  sf_reopen (&f->sf);
  g_assert_nonnull (strstr (g_ptr_array_index (td_store_get_notices (f->sf.store), 0),
                            "the table audit was missing"));
  /* the repair entry chains on from what was lost, so the log still shows the break */
  text = verify_text (f);
  g_assert_nonnull (strstr (text, "the audit log does not verify at entry 1"));
  /* the store works again */
  g_assert_true (lesson_present (f, f->lesson1, "08:00:00", "11:45:00", NULL));
}

/* A version-2 file: an export marked 5 records sent (5 entries with every column, old and
 * new), a lesson's content changed; on opening, the marking is one entry and the update
 * keeps only the content. */
static void
test_migrate_compacts_v2 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) old = NULL;
  g_autoptr (TdClass) k = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *v2 = g_build_filename (f->sf.dir, "v2.db", NULL);
  gint64 lesson, trainees[5];
  const TdAuditEntry *e;

  old = td_store_create_at_version (v2, 2, &error);
  g_assert_no_error (error);
  k = sf_save_class (old, "YL2026-102", "2026-03-02", "2026-03-20");
  lesson = sf_save_lesson (old, k->id, "L01", "2026-03-02", "08:00:00", "11:45:00", 10);
  for (int i = 0; i < 5; i++)
    {
      static const int w[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
      g_autofree char *id17 = g_strdup_printf ("3715021980010100%d", i);
      g_autofree char *id = NULL;
      int sum = 0;

      for (int j = 0; j < 17; j++)
        sum += (id17[j] - '0') * w[j];
      id = g_strdup_printf ("%s%c", id17, "10X98765432"[sum % 11]);
      trainees[i] = sf_enrol (old, k->id, id, "某", "01");
      g_assert_true (td_store_record_attendance (old, k->id, lesson, trainees[i], 'P',
                                                 "08:00:00", "11:45:00", "FACE", &error));
      g_assert_no_error (error);
    }
  g_assert_true (td_store_mark_attendance_sent (old, k->id, 5, "P-OLD", &error));
  g_assert_no_error (error);
  g_clear_object (&old);
  g_assert_cmpint (sf_sql_int (v2, "SELECT count(*) FROM audit WHERE tbl = 'attendance' AND "
                                   "op = 'update' AND new LIKE '%P-OLD%'"), ==, 5);

  old = td_store_open (v2, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_store_get_schema_version (old), ==, TD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sf_sql_int (v2, "SELECT count(*) FROM audit WHERE tbl = 'attendance' AND "
                                   "op = 'update'"), ==, 0);
  entries = td_store_list_audit (old, "attendance", 0, 0, &error);
  g_assert_no_error (error);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->op, ==, "bulk");
  g_assert_nonnull (strstr (e->new_values, "\"action\":\"mark-sent\""));
  g_assert_nonnull (strstr (e->new_values, "\"packet_id\":\"P-OLD\""));
  g_assert_nonnull (strstr (e->new_values, "\"records\":5"));
  /* the inserts kept what they say, without the chain's derived hash */
  for (guint i = 1; i < entries->len; i++)
    {
      e = g_ptr_array_index (entries, i);
      g_assert_cmpstr (e->op, ==, "insert");
      g_assert_null (strstr (e->new_values, "\"hash\""));
      g_assert_nonnull (strstr (e->new_values, "\"status\":\"P\""));
    }
  g_assert_cmpuint (entries->len, ==, 6);
  /* the migrated log is the start of the chain */
  {
    g_autoptr (GPtrArray) problems = td_store_verify (old, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* A version-2 file made before TrainDesk set auto_vacuum, with the pages of what was
 * removed still in it: opened (migrated), it is rewritten with incremental auto_vacuum, the
 * free pages go back to the disk, and the user is told; its data stay as they were. */
static void
test_migrate_gives_space_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) old = NULL;
  g_autoptr (TdClass) k = NULL;
  g_autofree char *v2 = g_build_filename (f->sf.dir, "v2-nv.db", NULL);
  GStatBuf before, after;
  GPtrArray *notices;

  old = td_store_create_at_version (v2, 2, &error);
  g_assert_no_error (error);
  k = sf_save_class (old, "YL2026-103", "2026-03-02", "2026-03-20");
  g_clear_object (&old);
  /* as an early TrainDesk left it: no auto_vacuum, and 2 MB removed but still in the file */
  sf_sql (v2, "PRAGMA journal_mode = DELETE; PRAGMA auto_vacuum = NONE; VACUUM; "
              "CREATE TABLE filler (b); INSERT INTO filler VALUES (zeroblob (2000000)); "
              "DROP TABLE filler");
  g_assert_cmpint (sf_sql_int (v2, "PRAGMA auto_vacuum"), ==, 0);
  g_assert_cmpint (sf_sql_int (v2, "PRAGMA freelist_count"), >, 400);
  g_assert_cmpint (g_stat (v2, &before), ==, 0);

  old = td_store_open (v2, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_store_get_schema_version (old), ==, TD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sf_sql_int (v2, "PRAGMA auto_vacuum"), ==, 2);    /* incremental */
  g_assert_cmpint (sf_sql_int (v2, "PRAGMA freelist_count"), ==, 0);
  g_assert_cmpint (g_stat (v2, &after), ==, 0);
  g_assert_cmpint (after.st_size, <, before.st_size - 1500000);
  notices = td_store_get_notices (old);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (notices, 0),
                                   "The database was made smaller ("));
  g_clear_pointer (&k, td_class_free);
  k = td_store_get_class_by_code (old, "YL2026-103", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (k->start_date, ==, "2026-03-02");
  /* once: opened again, nothing is rewritten or told */
  g_clear_object (&old);
  old = td_store_open (v2, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (td_store_get_notices (old)->len, ==, 0);
}

#define ADD(path, fn) \
  G_STMT_START { if (SF_RUNS ()) \
    g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down); } G_STMT_END

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/audit/update-logs-the-change", test_update_logs_the_change);
  ADD ("/audit/bulk-is-one-entry", test_bulk_is_one_entry);
  ADD ("/audit/bulk-all-or-nothing", test_bulk_all_or_nothing);
  if (!sf_on_server ())   /* SQLite's triggers switched off during a bulk action */
    ADD ("/audit/triggers-after-bulk", test_triggers_after_bulk);
  ADD ("/audit/outside-change", test_outside_change_is_reported);
  ADD ("/audit/chain-edit-cut-empty", test_chain_edit_cut_empty);
  ADD ("/audit/triggers-recreated", test_triggers_recreated);
  ADD ("/audit/table-dropped", test_audit_table_dropped);
  /* files of version 2: SQLite's */
  if (!sf_on_server ())
    {
      ADD ("/audit/migrate-compacts-v2", test_migrate_compacts_v2);
      ADD ("/audit/migrate-gives-space-back", test_migrate_gives_space_back);
    }
  return g_test_run ();
}
