/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of the Attendance page on the demo institution at 2026-06-15 (class
 * DG2026-021: attendance sent up to 06-11, pending after):
 *   - after each kind of change (a record added, one changed, a sent one corrected, a
 *     trainee withdrawn, a write by another program) the page shown before and reloaded
 *     shows exactly what a page opened afresh shows: the reload reads only what changed,
 *     and nothing it keeps is stale;
 *   - "mark lesson present" and "mark class present" made to fail halfway (a trigger refuses
 *     the third record written): nothing of the action is stored, the page says "Nothing
 *     was stored" and why, and lists no record that is not there. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "ui/td-attendance-page.h"
#include "ui/td-list-row.h"
#include "ui/td-ui-util.h"
#include "ui-test-util.h"

#define RUNNING_CLASS "DG2026-021"

typedef struct
{
  char *dir;
  char *path;
  TdStore *store;
  gint64 class_id;
  GtkWindow *window;
  GtkWidget *page;
  GPtrArray *toasts;            /* char*: what the page said in toasts */
  GArray *touched;              /* gint64: the lessons changed, whose trainees are compared */
} Fixture;

static void
on_toast (TdPage *page, const char *message, Fixture *f)
{
  g_ptr_array_add (f->toasts, g_strdup (message));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) k = NULL;

  if (!td_test_have_display ())
    return;
  f->window = td_test_page_window_new (&f->dir, &f->store);
  f->path = g_build_filename (f->dir, "td.db", NULL);
  k = td_store_get_class_by_code (f->store, RUNNING_CLASS, &error);
  g_assert_no_error (error);
  f->class_id = k->id;
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->page = td_test_page_window_show (f->window, TD_TYPE_ATTENDANCE_PAGE, f->store, f->class_id);
  g_signal_connect (f->page, "toast", G_CALLBACK (on_toast), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  /* error dialogs go with the window */
  td_test_page_window_free (f->window, f->dir, f->store);
  g_ptr_array_unref (f->toasts);
  g_array_unref (f->touched);
  g_free (f->path);
}

/* Every property a row shows, "name=value" a line. */
static void
append_row (GString *out, GObject *row)
{
  guint n = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (row), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto (GValue) value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      if (!(specs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (row, specs[i]->name, &value);
      text = g_strdup_value_contents (&value);
      g_string_append_printf (out, "%s=%s ", specs[i]->name, text);
    }
  g_string_append_c (out, '\n');
}

static void
append_rows (GString *out, GtkSingleSelection *sel)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sel)); i++)
    {
      g_autoptr (GObject) row = g_list_model_get_item (G_LIST_MODEL (sel), i);
      append_row (out, row);
    }
}

/* The lesson @id chosen in @page's list. */
static void
choose_lesson (GtkWidget *page, gint64 id)
{
  GtkSingleSelection *lessons = td_test_view_selection (page, "lesson-grid");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (lessons)); i++)
    {
      g_autoptr (TdListRow) row = g_list_model_get_item (G_LIST_MODEL (lessons), i);
      if (td_list_row_get_id (row) == id)
        {
          gtk_single_selection_set_selected (lessons, i);
          return;
        }
    }
  g_assert_not_reached ();
}

/* What @page shows: its lessons, and the trainees' rows (with their hours and rates over the
 * class) of each lesson of f->touched. */
static char *
page_text (Fixture *f, GtkWidget *page)
{
  GtkSingleSelection *lessons = td_test_view_selection (page, "lesson-grid");
  GtkSingleSelection *trainees = td_test_view_selection (page, "trainee-grid");
  GString *out = g_string_new (NULL);
  g_autoptr (TdListRow) chosen = gtk_single_selection_get_selected_item (lessons) != NULL
    ? g_object_ref (gtk_single_selection_get_selected_item (lessons)) : NULL;

  append_rows (out, lessons);
  for (guint i = 0; i < f->touched->len; i++)
    {
      choose_lesson (page, g_array_index (f->touched, gint64, i));
      g_string_append_printf (out, "-- lesson %u changed\n", i);
      append_rows (out, trainees);
    }
  if (chosen != NULL)
    choose_lesson (page, td_list_row_get_id (chosen));
  return g_string_free (out, FALSE);
}

/* The same text, or the first line that differs named. */
static void
assert_same_text (const char *shown, const char *expected)
{
  g_auto (GStrv) a = g_strsplit (shown, "\n", -1);
  g_auto (GStrv) b = g_strsplit (expected, "\n", -1);

  for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
    if (a[i] == NULL || b[i] == NULL || strcmp (a[i], b[i]) != 0)
      {
        g_test_message ("line %u shown:    %s", i + 1, a[i] != NULL ? a[i] : "(none)");
        g_test_message ("line %u expected: %s", i + 1, b[i] != NULL ? b[i] : "(none)");
        g_test_fail ();
        return;
      }
}

/* The page of @f reloaded shows what a new page shows. */
static void
assert_reload_fresh (Fixture *f, const char *after)
{
  GtkWidget *fresh = g_object_ref_sink (g_object_new (TD_TYPE_ATTENDANCE_PAGE, NULL));
  g_autofree char *reloaded = NULL, *expected = NULL;

  td_page_reload (TD_PAGE (f->page));
  td_test_spin ();
  td_page_set_store (TD_PAGE (fresh), f->store);
  td_page_set_class_id (TD_PAGE (fresh), f->class_id);
  reloaded = page_text (f, f->page);
  expected = page_text (f, fresh);
  g_test_message ("after %s", after);
  assert_same_text (reloaded, expected);
  g_assert_null (td_page_get_store_error (TD_PAGE (f->page)));
  td_page_set_store (TD_PAGE (fresh), NULL);
  g_object_unref (fresh);
}

static GPtrArray *
lessons_of (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *lessons = td_store_list_lessons (f->store, f->class_id, &error);

  g_assert_no_error (error);
  return lessons;
}

static GPtrArray *
records_of (Fixture *f, gboolean chain)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *records = chain ? td_store_list_chain (f->store, f->class_id, &error)
                             : td_store_list_attendance (f->store, f->class_id, &error);

  g_assert_no_error (error);
  return records;
}

/* The first lesson up to today with no record, or NULL. */
static TdLesson *
empty_lesson (Fixture *f)
{
  g_autoptr (GPtrArray) lessons = lessons_of (f);
  g_autoptr (GPtrArray) records = records_of (f, TRUE);

  for (guint i = 0; i < lessons->len; i++)
    {
      TdLesson *l = g_ptr_array_index (lessons, i);
      gboolean any = strcmp (l->date, "2026-06-15") > 0;

      for (guint j = 0; j < records->len && !any; j++)
        any = ((TdAttendance *) g_ptr_array_index (records, j))->lesson_id == l->id;
      if (!any)
        return td_lesson_copy (l);
    }
  return NULL;
}

static const TdAttendance *
record_where (GPtrArray *records, gboolean sent)
{
  for (guint i = 0; i < records->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (records, i);
      if ((r->packet_id != NULL) == sent && r->status != 'A')
        return r;
    }
  return NULL;
}

static void
test_reload_incremental (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) enrolments = NULL, records = NULL;
  g_autoptr (TdLesson) empty = NULL;
  g_autoptr (TdStore) other = NULL;
  const TdEnrolment *e;
  const TdAttendance *r;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  enrolments = td_store_list_enrolments (f->store, f->class_id, &error);
  g_assert_no_error (error);
  e = g_ptr_array_index (enrolments, 0);
  empty = empty_lesson (f);
  g_assert_nonnull (empty);
  assert_reload_fresh (f, "nothing");

  /* a record added */
  g_array_append_val (f->touched, empty->id);
  g_assert_true (td_store_record_attendance (f->store, f->class_id, empty->id, e->trainee.id,
                                             'P', empty->start, empty->end, "FACE", &error));
  g_assert_no_error (error);
  assert_reload_fresh (f, "a record added");

  /* a pending record changed in place */
  records = records_of (f, FALSE);
  r = record_where (records, FALSE);
  g_assert_nonnull (r);
  g_array_append_val (f->touched, r->lesson_id);
  g_assert_true (td_store_record_attendance (f->store, f->class_id, r->lesson_id, r->trainee_id,
                                             'A', NULL, NULL, r->method, &error));
  g_assert_no_error (error);
  assert_reload_fresh (f, "a pending record changed");

  /* a sent record corrected: its packet's records replaced by restated ones */
  r = record_where (records, TRUE);
  g_assert_nonnull (r);
  g_array_append_val (f->touched, r->lesson_id);
  g_assert_true (td_store_record_attendance (f->store, f->class_id, r->lesson_id, r->trainee_id,
                                             'A', NULL, NULL, r->method, &error));
  g_assert_no_error (error);
  assert_reload_fresh (f, "a sent record corrected");

  /* a trainee withdrawn (the roster read again, the records kept) */
  g_assert_true (td_store_withdraw (f->store, f->class_id,
                                    ((TdEnrolment *) g_ptr_array_index (enrolments, 1))->trainee.id,
                                    "2026-06-12", "找到工作", &error));
  g_assert_no_error (error);
  assert_reload_fresh (f, "a trainee withdrawn");

  /* a lesson marked present in one bulk write */
  g_clear_pointer (&empty, td_lesson_free);
  empty = empty_lesson (f);
  g_assert_nonnull (empty);
  g_array_append_val (f->touched, empty->id);
  {
    TdAttendanceEntry entries[2] = {
      { empty->id, e->trainee.id, 'P', empty->start, empty->end, "CARD" },
      { empty->id, ((TdEnrolment *) g_ptr_array_index (enrolments, 2))->trainee.id, 'V', NULL,
        NULL, "CARD" },
    };
    g_assert_true (td_store_record_attendance_many (f->store, f->class_id, entries, 2, NULL,
                                                    &error));
    g_assert_no_error (error);
  }
  assert_reload_fresh (f, "a bulk write");

  /* a lesson added to the timetable (its row added to the list), then removed again */
  {
    g_autoptr (TdLesson) l = td_lesson_new ();

    l->class_id = f->class_id;
    l->lid = g_strdup ("L99A");
    strcpy (l->date, "2026-06-30");
    strcpy (l->start, "08:30:00");
    strcpy (l->end, "11:30:00");
    l->hours = 6;
    l->kind = 'T';
    l->teacher = g_strdup (empty->teacher);
    l->content = g_strdup ("复习");
    g_assert_true (td_store_save_lesson (f->store, l, &error));
    g_assert_no_error (error);
    assert_reload_fresh (f, "a lesson added");
    g_assert_true (td_store_delete_lesson (f->store, l->id, &error));
    g_assert_no_error (error);
    assert_reload_fresh (f, "a lesson removed");
  }

  /* another program writes: the page cannot tell what, and reads the class again */
  other = td_store_open (f->path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  records = (g_ptr_array_unref (records), records_of (f, FALSE));
  r = record_where (records, FALSE);
  g_assert_nonnull (r);
  g_array_append_val (f->touched, r->lesson_id);
  g_assert_true (td_store_record_attendance (other, f->class_id, r->lesson_id, r->trainee_id,
                                             'V', NULL, NULL, r->method, &error));
  g_assert_no_error (error);
  assert_reload_fresh (f, "another program's write");
}

/* Every record of the class's chain, replaced ones included, as text. */
static char *
chain_text (Fixture *f)
{
  g_autoptr (GPtrArray) chain = records_of (f, TRUE);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chain->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (chain, i);
      g_string_append_printf (out, "%" G_GINT64_FORMAT " %s %s %c %s %s %s %d\n", r->seq, r->lid,
                              r->id_number, r->status, r->time_in, r->time_out, r->hash,
                              r->replaced);
    }
  return g_string_free (out, FALSE);
}

static guint
audit_entries (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audit = td_store_list_audit (f->store, NULL, 0, 100000, &error);

  g_assert_no_error (error);
  return audit->len;
}

/* A trigger refuses the attendance record written when @allowed more were: the database
 * (another connection, as a failing disk or a damaged index would) refuses one halfway. */
static void
refuse_after (Fixture *f, guint allowed)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  int count = 0;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM attendance", -1, &stmt,
                                         NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    count = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sql = g_strdup_printf ("DROP TRIGGER IF EXISTS test_refuse; "
                         "CREATE TRIGGER test_refuse BEFORE INSERT ON attendance "
                         "WHEN (SELECT count(*) FROM attendance) >= %u "
                         "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                         count + allowed);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
allow_all (Fixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER test_refuse", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
}

/* What the page shows is what a new page on the store shows. */
static void
assert_page_fresh (Fixture *f)
{
  GtkWidget *fresh = g_object_ref_sink (g_object_new (TD_TYPE_ATTENDANCE_PAGE, NULL));
  g_autofree char *shown = NULL, *expected = NULL;

  td_page_set_store (TD_PAGE (fresh), f->store);
  td_page_set_class_id (TD_PAGE (fresh), f->class_id);
  shown = page_text (f, f->page);
  expected = page_text (f, fresh);
  assert_same_text (shown, expected);
  td_page_set_store (TD_PAGE (fresh), NULL);
  g_object_unref (fresh);
}

/* @data: the action ("attendance.lesson-present" or "attendance.class-present"). */
static void
test_mark_fails_halfway (Fixture *f, gconstpointer data)
{
  const char *action = data;
  g_autoptr (TdLesson) empty = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GPtrArray) before_records = NULL, after_records = NULL;
  guint audit_before;
  GtkWindow *dialog;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  empty = empty_lesson (f);
  g_assert_nonnull (empty);
  g_array_append_val (f->touched, empty->id);
  choose_lesson (f->page, empty->id);
  td_test_spin ();
  before = chain_text (f);
  audit_before = audit_entries (f);
  refuse_after (f, 2);

  g_assert_true (gtk_widget_activate_action (f->page, action, NULL));
  td_test_spin ();
  /* the page says in words that nothing was stored, and why */
  dialog = td_test_toplevel ("td-error-dialog");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Nothing was stored");
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "refused by the test"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");
  gtk_window_destroy (dialog);
  g_assert_cmpuint (f->toasts->len, ==, 0);
  /* and nothing was: the chain and the audit log as they were */
  after = chain_text (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (audit_entries (f), ==, audit_before);
  /* the page lists what is stored, not the records it meant to write */
  assert_page_fresh (f);

  /* the refusal gone, the same action stores every record */
  allow_all (f);
  before_records = records_of (f, FALSE);
  g_assert_true (gtk_widget_activate_action (f->page, action, NULL));
  td_test_spin ();
  g_assert_null (td_test_toplevel ("td-error-dialog"));
  after_records = records_of (f, FALSE);
  g_assert_cmpuint (after_records->len, >, before_records->len + 2);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  {
    g_autofree char *said = g_strdup_printf ("%u trainees marked present",
                                             after_records->len - before_records->len);
    g_assert_cmpstr (g_ptr_array_index (f->toasts, 0), ==, said);
  }
  assert_page_fresh (f);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, "2026-06-15", "2026-06-15T17:00:00+08:00");
  g_test_add ("/ui/attendance-page/reload-incremental", Fixture, NULL, fixture_set_up,
              test_reload_incremental, fixture_tear_down);
  g_test_add ("/ui/attendance-page/lesson-present-fails-halfway", Fixture,
              "attendance.lesson-present", fixture_set_up, test_mark_fails_halfway,
              fixture_tear_down);
  g_test_add ("/ui/attendance-page/class-present-fails-halfway", Fixture,
              "attendance.class-present", fixture_set_up, test_mark_fails_halfway,
              fixture_tear_down);
  return g_test_run ();
}
