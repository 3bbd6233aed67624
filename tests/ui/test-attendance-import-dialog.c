/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of the attendance import dialog on the demo data: a door terminal's
 * attlog.dat for the electricians' next day is previewed (60 records, one trainee with only a
 * sign-in), the one-punch case decided (absent, or the sign-out typed), the records stored
 * once with one audit entry; a table with unknown headers mapped by hand and the mapping
 * remembered; the attendance page's button opens the dialog; a screenshot of the preview. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ui/td-attendance-import-dialog.h"
#include "ui/td-attendance-page.h"
#include "ui/td-trainee-dialog.h"
#include "ui/td-ui-util.h"
#include "ui-test-util.h"

typedef struct
{
  char *dir;
  TdStore *store;
  TdClass *klass;
  GPtrArray *day;               /* TdLesson*: the first day's two lessons without records */
  TdAttendanceImportDialog *dialog;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lessons = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GHashTable) recorded = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!td_test_have_display ())
    return;
  f->dir = td_test_make_dir ("td-attimport-XXXXXX");
  f->store = td_test_store_new (f->dir, "td.db", TRUE);
  f->klass = td_store_get_class_by_code (f->store, "DG2026-021", &error);
  g_assert_no_error (error);
  lessons = td_store_list_lessons (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  records = td_store_list_attendance (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  for (guint i = 0; i < records->len; i++)
    g_hash_table_add (recorded, &((TdAttendance *) g_ptr_array_index (records, i))->lesson_id);
  f->day = g_ptr_array_new_with_free_func ((GDestroyNotify) td_lesson_free);
  for (guint i = 0; i < lessons->len && f->day->len < 2; i++)
    {
      TdLesson *l = g_ptr_array_index (lessons, i);
      if (!g_hash_table_contains (recorded, &l->id))
        g_ptr_array_add (f->day, td_lesson_copy (l));
    }
  g_assert_cmpuint (f->day->len, ==, 2);
  g_assert_cmpstr (((TdLesson *) f->day->pdata[0])->date, ==,
                   ((TdLesson *) f->day->pdata[1])->date);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  td_test_spin ();
  g_clear_pointer (&f->day, g_ptr_array_unref);
  g_clear_pointer (&f->klass, td_class_free);
  g_clear_object (&f->store);
  if (f->dir != NULL)
    td_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Everyone (person numbers 1–30) 10 minutes before and 5 after both lessons; number 3
 * without the first lesson's sign-out (line 10). */
static char *
write_attlog (Fixture *f)
{
  g_autoptr (GString) text = g_string_new ("No\tDateTime\tStatus\tVerify\tWorkCode\n");
  char *path = g_build_filename (f->dir, "attlog.dat", NULL);

  for (int person = 1; person <= 30; person++)
    for (guint l = 0; l < 2; l++)
      {
        const TdLesson *lesson = g_ptr_array_index (f->day, l);
        char in[9], out[9];

        td_time_to_iso (td_time_from_iso (lesson->start) - 600, in);
        td_time_to_iso (td_time_from_iso (lesson->end) + 300, out);
        g_string_append_printf (text, "%6d\t%s %s\t0\t15\t0\t0\r\n", person, lesson->date, in);
        if (!(person == 3 && l == 0))
          g_string_append_printf (text, "%6d\t%s %s\t0\t15\t0\t0\r\n", person, lesson->date,
                                  out);
      }
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return path;
}

static void
open_dialog (Fixture *f, const char *path)
{
  g_autoptr (GError) error = NULL;

  f->dialog = td_attendance_import_dialog_new (NULL, f->store, f->klass->id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->dialog));
  td_attendance_import_dialog_load_file (f->dialog, path);
  for (int i = 0; i < 2000 && td_attendance_import_dialog_is_busy (f->dialog); i++)
    {
      td_test_spin ();
      g_usleep (2000);
    }
  g_assert_false (td_attendance_import_dialog_is_busy (f->dialog));
  td_test_settle (3, 10000);
}

static const char *
label_text (Fixture *f, GtkWidget *root, const char *name)
{
  GtkWidget *w = td_ui_find_named (root, name);

  g_assert_nonnull (w);
  return gtk_label_get_text (GTK_LABEL (w));
}

static guint
count_records (Fixture *f)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) records = td_store_list_attendance (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);

  return records->len;
}

static void
test_preview_and_store (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *path = NULL;
  GtkWidget *accept, *row;
  TdAttendanceImport *imp;
  guint before;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  path = write_attlog (f);
  before = count_records (f);
  open_dialog (f, path);
  imp = td_attendance_import_dialog_get_import (f->dialog);
  g_assert_nonnull (imp);
  g_assert_cmpuint (td_attendance_import_get_n_rows (imp), ==, 60);
  g_assert_true (g_str_has_prefix (label_text (f, GTK_WIDGET (f->dialog), "summary"),
                                   "attlog.dat: 119 punches, 60 records — 59 new, "));
  accept = td_test_find (f->dialog, "accept");
  g_assert_false (gtk_widget_get_sensitive (accept));
  row = td_test_find (f->dialog, "exception-0");
  g_assert_true (g_str_has_prefix (label_text (f, row, "reason"), "Line 10: "));
  g_assert_nonnull (strstr (label_text (f, row, "reason"), "the sign-out is missing"));

  /* decided as absent: all 60 can be stored, once */
  g_signal_emit_by_name (td_ui_find_named (row, "absent"), "clicked");
  td_test_settle (2, 10000);
  accept = td_test_find (f->dialog, "accept");
  g_assert_true (gtk_widget_get_sensitive (accept));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (accept)), ==, "_Store 60 Records");
  g_assert_cmpuint (count_records (f), ==, before);
  td_test_press (f->dialog, "accept");
  g_assert_cmpuint (count_records (f), ==, before + 60);
  {
    g_autoptr (GPtrArray) audit = td_store_list_audit (f->store, "attendance", 0, 0, &lerr);
    const TdAuditEntry *e;

    g_assert_no_error (lerr);
    e = g_ptr_array_index (audit, 0);
    g_assert_cmpstr (e->op, ==, "bulk");
    g_assert_nonnull (strstr (e->new_values, "\"action\":\"import-attendance\""));
    g_assert_nonnull (strstr (e->new_values, "\"file\":\"attlog.dat\""));
  }
}

/* The missing sign-out typed in: the trainee's record is computed with it. */
static void
test_one_punch_time (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  const TdLesson *lesson;
  GtkWidget *row;
  TdAttendanceImport *imp;
  char end[6];

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  path = write_attlog (f);
  open_dialog (f, path);
  lesson = g_ptr_array_index (f->day, 0);
  g_strlcpy (end, lesson->end, sizeof end);
  row = td_test_find (f->dialog, "exception-0");
  gtk_editable_set_text (GTK_EDITABLE (td_ui_find_named (row, "time")), end);
  g_signal_emit_by_name (td_ui_find_named (row, "use-time"), "clicked");
  td_test_settle (2, 10000);
  imp = td_attendance_import_dialog_get_import (f->dialog);
  g_assert_cmpuint (td_attendance_import_count_undecided (imp), ==, 0);
  for (guint i = 0; i < td_attendance_import_get_n_rows (imp); i++)
    {
      const TdAttRow *r = td_attendance_import_get_row (imp, i);
      if (r->lesson->id == lesson->id && r->enrolment->position == 3)
        {
          g_assert_cmpint (r->status, ==, 'P');
          g_assert_cmpstr (r->time_out, ==, lesson->end);
        }
    }
  g_assert_true (gtk_widget_get_sensitive (td_test_find (f->dialog, "accept")));
  td_test_write_shot (GTK_WIDGET (f->dialog), "attendance-import");
}

/* Headers nobody knows: the columns chosen by hand, and remembered for the next file of
 * that layout. */
static void
test_manual_mapping (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);
  const TdLesson *lesson = g_ptr_array_index (f->day, 0);
  g_autofree char *text = g_strdup_printf ("No,Who,When\n1,x,%s %s\n1,x,%s %s\n", lesson->date,
                                           lesson->start, lesson->date, lesson->end);
  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  open_dialog (f, path);
  g_assert_null (td_attendance_import_dialog_get_import (f->dialog));
  adw_combo_row_set_selected (ADW_COMBO_ROW (td_test_find (f->dialog, "person")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (td_test_find (f->dialog, "datetime")), 3);
  td_test_press (f->dialog, "use-columns");
  g_assert_nonnull (td_attendance_import_dialog_get_import (f->dialog));
  g_assert_cmpuint (td_attendance_import_get_n_punches (
                      td_attendance_import_dialog_get_import (f->dialog)), ==, 2);
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  f->dialog = NULL;

  open_dialog (f, path);
  g_assert_nonnull (td_attendance_import_dialog_get_import (f->dialog));
  g_assert_cmpuint (td_attendance_import_get_n_punches (
                      td_attendance_import_dialog_get_import (f->dialog)), ==, 2);
}

/* The trainee page's form edits the terminal person number; another trainee's number is
 * refused and nothing is saved. */
static void
test_terminal_number (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GHashTable) numbers = NULL;
  const TdEnrolment *third;
  GtkWindow *window;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  roster = td_store_list_enrolments (f->store, f->klass->id, &lerr);
  g_assert_no_error (lerr);
  third = g_ptr_array_index (roster, 2);
  window = td_trainee_dialog_open (NULL, f->store, f->klass->id, third, NULL, NULL);
  td_test_settle (2, 10000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (td_test_find (window, "terminal_no"))),
                   ==, "3");
  td_test_type_text (window, "terminal_no", "1");
  td_test_press (window, "dialog-ok");
  g_assert_true (gtk_widget_get_visible (td_test_find (window, "message")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (td_test_find (window, "message"))),
                            "already has the terminal person number 1 in this class"));
  td_test_type_text (window, "terminal_no", "0103");
  td_test_press (window, "dialog-ok");
  td_test_spin ();
  numbers = td_store_list_terminal_numbers (f->store, f->klass->id, NULL);
  g_assert_cmpstr (g_hash_table_lookup (numbers, &third->trainee.id), ==, "103");
}

/* Choose a File… offers any file (a terminal's attlog.dat has no fixed name); cancelled,
 * nothing is read. */
static void
test_choose (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *chooser;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  f->dialog = td_attendance_import_dialog_new (NULL, f->store, f->klass->id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->dialog));
  td_test_settle (3, 10000);
  if (!td_test_file_chooser_answerable ())
    return;
  td_test_press (f->dialog, "choose_button");
  chooser = td_test_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Choose a Terminal's or Platform's File");
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (f->dialog));
  g_free (td_test_answer_file_chooser (NULL));
  g_assert_false (td_attendance_import_dialog_is_busy (f->dialog));
  g_assert_null (td_attendance_import_dialog_get_import (f->dialog));
  g_assert_true (gtk_widget_get_mapped (td_test_find (f->dialog, "choose_button")));
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, "2026-11-26", NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/attendance-import/preview-and-store", test_preview_and_store);
  ADD ("/ui/attendance-import/one-punch-time", test_one_punch_time);
  ADD ("/ui/attendance-import/manual-mapping", test_manual_mapping);
  ADD ("/ui/attendance-import/terminal-number", test_terminal_number);
  ADD ("/ui/attendance-import/choose", test_choose);
#undef ADD
  return g_test_run ();
}
