/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of what a new administrator tripped over (issue 17), on an empty database
 * as a new user starts, at 1366x768: the window is driven as a user would drive it and
 * what the user then sees is asserted.  Under LANGUAGE=zh_CN the same tests run in
 * Chinese (the assertions on English text are then skipped, the layout ones are not). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "ui/td-class-form.h"
#include "ui/td-class-page.h"
#include "ui/td-row-view.h"
#include "ui/td-submissions-page.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"
#include "ui-test-util.h"

#define TODAY "2026-12-04"
#define NOW "2026-12-04T10:00:00+08:00"

typedef struct
{
  char *dir;
  char *path;
  TdStore *store;
  TdWindow *window;
} Fixture;

/* The store's reads in these tests: read_ok (td_store_…(…, &lerr)) fails the test on an
 * error. */
static GError *lerr;

static gpointer
read_ok (gpointer value)
{
  g_assert_no_error (lerr);
  return value;
}

/* ---- fixture and helpers ---------------------------------------------------------- */

static gboolean
english (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language == NULL || g_str_has_prefix (language, "en");
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  g_setenv ("TD_TODAY", TODAY, TRUE);
  f->dir = td_test_make_dir ("td-first-use-XXXXXX");
  f->path = g_build_filename (f->dir, "td.db", NULL);
}

static void open_window (Fixture *f, const GError *error);

/* The demo institution (data: DEMO), its window open on today 2026-12-04. */
#define DEMO GINT_TO_POINTER (1)

static void
demo_set_up (Fixture *f, gconstpointer data)
{
  fixture_set_up (f, data);
  if (!td_test_have_display ())
    return;
  f->store = td_test_store_new (f->dir, "td.db", TRUE);
  open_window (f, NULL);
}

static void
open_window (Fixture *f, const GError *error)
{
  f->window = td_window_new (NULL, f->store, error);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (f->window));
  td_test_settle (5, 10000);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GListModel *tops;

  if (!td_test_have_display ())
    return;
  tops = gtk_window_get_toplevels ();
  for (guint i = g_list_model_get_n_items (tops); i > 0; i--)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (tops, i - 1);
      gtk_window_destroy (w);
    }
  td_test_spin ();
  g_clear_object (&f->store);
  td_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The first-run assistant filled in with what a new administrator types. */
static void
fill_first_run (TdWindow *window)
{
  td_test_type_text (window, "credit_code", "91371500MA3C5XXK00");
  td_test_type_text (window, "name", "聊城市东昌府区示范职业培训学校");
  td_test_type_text (window, "license_no", "137150270000123");
  td_test_type_text (window, "contact_name", "李明");
  td_test_type_text (window, "contact_phone", "0635 8212345");
  td_test_type_text (window, "legal_rep", "王芳");
}

static const char *
main_stack_page (TdWindow *window)
{
  GtkWidget *error_page = td_ui_find_named (GTK_WIDGET (window), "error_page");
  GtkWidget *stack = gtk_widget_get_ancestor (error_page, GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* ---- 1: reopening after the app was killed ------------------------------------------ */

static void
test_reopen_after_kill (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdInstitution) inst = NULL;
  g_autofree char *wal = NULL;
  GStatBuf st;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  if (g_test_subprocess ())
    {
      /* the administrator sets up a new database in the window, then the app is killed */
      f->store = td_store_open (g_getenv ("TD_TEST_KILL_DB"), TD_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
      open_window (f, NULL);
      g_assert_cmpstr (main_stack_page (f->window), ==, "first-run");
      fill_first_run (f->window);
      td_test_press (f->window, "start_button");
      td_test_settle (3, 10000);
      g_assert_cmpstr (main_stack_page (f->window), ==, "app");
#ifdef SIGKILL
      raise (SIGKILL);
#endif
      abort ();
    }
  g_setenv ("TD_TEST_KILL_DB", f->path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_assert_false (g_test_trap_has_passed ());
  /* what was set up is still only in the write-ahead log */
  wal = g_strconcat (f->path, "-wal", NULL);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  /* opened again as the application opens it: the window shows the institution's classes */
  f->store = td_store_open (f->path, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  open_window (f, error);
  g_assert_cmpstr (main_stack_page (f->window), ==, "app");
  inst = read_ok (td_store_get_institution (f->store, &lerr));
  g_assert_nonnull (inst);
  g_assert_cmpstr (inst->name, ==, "聊城市东昌府区示范职业培训学校");
  td_test_write_shot (GTK_WIDGET (f->window), "admin-reopened");
}

/* ---- 4: the credit code in Settings, as at first run ---------------------------------- */

static void
test_settings_credit_code (Fixture *f, gconstpointer data)
{
  g_autoptr (TdInstitution) before = read_ok (td_store_get_institution (f->store, &lerr));
  g_autoptr (TdInstitution) after = NULL;
  g_autoptr (TdInstitution) kept = NULL;
  GtkWidget *page, *warning, *keep;
  GtkWindow *dialog;
  g_autofree char *code = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  page = td_test_show_page (f->window, f->store, "settings", NULL);
  warning = td_test_find (page, "credit_code_warning");
  g_assert_false (gtk_widget_get_mapped (warning));
  /* one character changed: the check character no longer fits (GB 32100) */
  code = g_strdup (before->credit_code);
  code[10] = code[10] == '1' ? '2' : '1';
  td_test_type_text (page, "credit_code", code);
  td_test_spin ();
  g_assert_true (gtk_widget_get_mapped (warning));
  if (english ())
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "GB 32100"));
  td_test_activate (f->window, "save", NULL);
  dialog = td_test_toplevel ("td-error-dialog");
  g_assert_nonnull (dialog);
  if (english ())
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                              "GB 32100 check character"));
  gtk_window_destroy (dialog);
  td_test_spin ();
  after = read_ok (td_store_get_institution (f->store, &lerr));
  g_assert_cmpstr (after->credit_code, ==, before->credit_code);
  /* kept when the licence shows exactly that code */
  keep = td_test_find (page, "credit_code_keep");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (keep), TRUE);
  td_test_activate (f->window, "save", NULL);
  g_assert_null (td_test_toplevel ("td-error-dialog"));
  kept = read_ok (td_store_get_institution (f->store, &lerr));
  g_assert_cmpstr (kept->credit_code, ==, code);
}

/* ---- 2 and 3: attendance ------------------------------------------------------------ */

/* The index of the lesson of @cid dated @date (the first of the day). */
static guint
lesson_index (Fixture *f, gint64 cid, const char *date, gint64 *lesson_id)
{
  g_autoptr (GPtrArray) lessons = read_ok (td_store_list_lessons (f->store, cid, &lerr));

  for (guint i = 0; i < lessons->len; i++)
    {
      const TdLesson *l = g_ptr_array_index (lessons, i);

      if (strcmp (l->date, date) == 0)
        {
          *lesson_id = l->id;
          return i;
        }
    }
  g_assert_not_reached ();
}

/* The status recorded for @trainee_id in @lesson_id, 0 when none. */
static char
status_of (Fixture *f, gint64 cid, gint64 lesson_id, gint64 trainee_id)
{
  g_autoptr (GPtrArray) records = read_ok (td_store_list_attendance (f->store, cid, &lerr));

  for (guint i = 0; i < records->len; i++)
    {
      const TdAttendance *r = g_ptr_array_index (records, i);

      if (r->lesson_id == lesson_id && r->trainee_id == trainee_id && !r->replaced)
        return r->status;
    }
  return 0;
}

/* A click on row @i of the trainees: the row is selected and gets the focus (as GTK's
 * click on a list row does). */
static void
click_trainee (GtkWidget *page, guint i)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (td_ui_find_named (page, "trainee-grid"));

  gtk_single_selection_set_selected (td_test_view_selection (page, "trainee-grid"), i);
  td_test_spin ();
  g_assert_true (td_row_view_focus_selected (view));
  td_test_spin ();
}

/* Keys act on the trainee the user sees selected, and after a key moves the selection on,
 * the focus (where the arrow keys move from) is on the same row. */
static void
test_attendance_keys_follow_selection (Fixture *f, gconstpointer data)
{
  gint64 cid, lesson_id;
  g_autoptr (GPtrArray) enrolments = NULL;
  GtkWidget *page;
  GtkColumnView *view;
  GtkSingleSelection *trainees;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  cid = td_test_class_id (f->store, "DG2026-021");
  enrolments = read_ok (td_store_list_enrolments (f->store, cid, &lerr));
  page = td_test_show_page (f->window, f->store, "attendance", "DG2026-021");
  view = GTK_COLUMN_VIEW (td_ui_find_named (page, "trainee-grid"));
  trainees = td_test_view_selection (page, "trainee-grid");
  gtk_single_selection_set_selected (td_test_view_selection (page, "lesson-grid"),
                                     lesson_index (f, cid, TODAY, &lesson_id));
  td_test_spin ();

  /* the 5th trainee clicked, P pressed: the 5th is present, the 6th selected and focused */
  click_trainee (page, 4);
  g_assert_cmpuint (td_row_view_get_focus_position (view), ==, 4);
  g_assert_true (gtk_widget_activate_action (page, "attendance.status", "s", "P"));
  td_test_spin ();
  g_assert_cmpint (status_of (f, cid, lesson_id,
                              ((TdEnrolment *) g_ptr_array_index (enrolments, 4))->trainee.id),
                   ==, 'P');
  g_assert_cmpint (status_of (f, cid, lesson_id,
                              ((TdEnrolment *) g_ptr_array_index (enrolments, 0))->trainee.id),
                   ==, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (trainees), ==, 5);
  g_assert_cmpuint (td_row_view_get_focus_position (view), ==, 5);
  /* A on it: the 6th is absent, selection and focus on the 7th */
  g_assert_true (gtk_widget_activate_action (page, "attendance.status", "s", "A"));
  td_test_spin ();
  g_assert_cmpint (status_of (f, cid, lesson_id,
                              ((TdEnrolment *) g_ptr_array_index (enrolments, 5))->trainee.id),
                   ==, 'A');
  g_assert_cmpuint (gtk_single_selection_get_selected (trainees), ==, 6);
  g_assert_cmpuint (td_row_view_get_focus_position (view), ==, 6);
  /* the 10th clicked: keys act on it */
  click_trainee (page, 9);
  g_assert_true (gtk_widget_activate_action (page, "attendance.status", "s", "V"));
  td_test_spin ();
  g_assert_cmpint (status_of (f, cid, lesson_id,
                              ((TdEnrolment *) g_ptr_array_index (enrolments, 9))->trainee.id),
                   ==, 'V');
  g_assert_cmpint (status_of (f, cid, lesson_id,
                              ((TdEnrolment *) g_ptr_array_index (enrolments, 6))->trainee.id),
                   ==, 0);
  g_assert_cmpuint (td_row_view_get_focus_position (view), ==, 10);
}

/* A lesson after today: neither a key nor "all present" records anything, and the user is
 * told why. */
static void
test_attendance_future_lesson (Fixture *f, gconstpointer data)
{
  gint64 cid, lesson_id;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  GtkWidget *page, *label;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  cid = td_test_class_id (f->store, "DG2026-021");
  before = read_ok (td_store_list_attendance (f->store, cid, &lerr));
  page = td_test_show_page (f->window, f->store, "attendance", "DG2026-021");
  /* Monday 12-07, the next lesson day after today (Friday 12-04) */
  gtk_single_selection_set_selected (td_test_view_selection (page, "lesson-grid"),
                                     lesson_index (f, cid, "2026-12-07", &lesson_id));
  td_test_spin ();
  label = td_ui_find_named (page, "lesson-label");
  if (english ())
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                              "after today: nothing can be recorded yet"));
  click_trainee (page, 0);
  g_assert_true (gtk_widget_activate_action (page, "attendance.status", "s", "P"));
  td_test_spin ();
  {
    g_autofree char *body = td_test_take_message ();
    if (english ())
      g_assert_cmpstr (body, ==, "Lesson L09A is on 2026-12-07, after today (2026-12-04): "
                                 "attendance is recorded on the day of the lesson or later, as "
                                 "it happened.");
  }
  g_assert_true (gtk_widget_activate_action (page, "attendance.lesson-present", NULL));
  td_test_spin ();
  g_free (td_test_take_message ());
  after = read_ok (td_store_list_attendance (f->store, cid, &lerr));
  g_assert_cmpuint (after->len, ==, before->len);
}

/* ---- 5, 7 and 8: the class form ---------------------------------------------------- */

/* A new database set up in the first-run assistant, then Ctrl+N: the new class's form. */
static GtkWidget *
new_class_form (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *page;

  f->store = td_store_open (f->path, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  open_window (f, NULL);
  fill_first_run (f->window);
  td_test_press (f->window, "start_button");
  td_test_settle (3, 10000);
  g_assert_cmpstr (main_stack_page (f->window), ==, "app");
  td_test_activate (f->window, "new-class", NULL);
  td_test_settle (3, 10000);
  page = GTK_WIDGET (td_window_get_page (f->window, "classes"));
  return GTK_WIDGET (td_class_page_get_form (TD_CLASS_PAGE (page)));
}

/* Where @name is drawn in @form (its top, in the form's coordinates). */
static float
top_of (GtkWidget *form, const char *name)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (td_test_find (form, name), form,
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static guint
n_findings (GtkWidget *form)
{
  GtkWidget *list = td_test_find (form, "findings");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

/* The subtitle of finding @i (its message). */
static const char *
finding_text (GtkWidget *form, guint i)
{
  GtkWidget *list = td_test_find (form, "findings");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The fields stay where they are while the problems above them are corrected, and a problem
 * clicked takes the user to its field. */
static void
test_class_form_still (Fixture *f, gconstpointer data)
{
  GtkWidget *form, *list, *focus;
  float code_y, venue_y, start_y;
  guint before;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  form = new_class_form (f);
  td_test_settle (3, 10000);
  code_y = top_of (form, "code");
  venue_y = top_of (form, "venue_address");
  start_y = top_of (form, "start_date");
  before = n_findings (form);
  td_test_type_text (form, "code", "JZ2027-001");
  td_test_type_text (form, "title_row", "家政服务员（五级）就业技能培训2027年第1期");
  td_test_type_text (form, "venue_address", "聊城市东昌府区柳园街道88号");
  td_test_settle (3, 10000);
  g_assert_cmpuint (n_findings (form), ==, before - 3);
  g_assert_cmpfloat (top_of (form, "code"), ==, code_y);
  g_assert_cmpfloat (top_of (form, "venue_address"), ==, venue_y);
  g_assert_cmpfloat (top_of (form, "start_date"), ==, start_y);
  td_test_write_shot (GTK_WIDGET (f->window), "admin-class-form");

  /* the first problem left is the commitment's signer: a click goes to that field */
  if (english ())
    g_assert_cmpstr (finding_text (form, 0), ==, "Fill in who signs the commitment.");
  list = td_test_find (form, "findings");
  g_signal_emit_by_name (list, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  td_test_spin ();
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == td_test_find (form, "commitment_signed_by")
                 || gtk_widget_is_ancestor (focus, td_test_find (form, "commitment_signed_by")));

  /* every problem that points at a field points at one the form has (the core names the
   * field, the form maps it to its widget: "title" is the row title_row, "teachers" the
   * Add Teacher button, "timetable" the Generate button …) */
  for (guint i = 0; i < n_findings (form); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      const char *field = g_object_get_data (G_OBJECT (row), "field");

      if (field != NULL && td_ui_find_named (form, field) == NULL)
        g_error ("finding %u (%s) points at %s, which the form does not have", i,
                 adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), field);
    }
}

static const char *
subtitle_of (GtkWidget *form, const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (td_test_find (form, name)));
}

/* A class starting on Monday 2026-12-14: R-CLS-002 would allow Sunday 12-06; the form says to
 * send by Friday 12-04, today, as the last day (not "0 working days left"), and why. */
static void
test_filing_deadline (Fixture *f, gconstpointer data)
{
  GtkWidget *form;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  form = new_class_form (f);
  td_test_type_text (form, "start_date", "2026-12-14");
  td_test_type_text (form, "end_date", "2026-12-31");
  td_test_spin ();
  if (english ())
    g_assert_cmpstr (subtitle_of (form, "deadline_row"), ==,
                     "by 2026-12-04: today is the last day (R-CLS-002 would allow 2026-12-06, "
                     "but that is not a working day) · at least 5 working days before the start "
                     "(R-CLS-002)");
  else
    g_assert_nonnull (strstr (subtitle_of (form, "deadline_row"), "2026-12-04"));
  /* a week earlier the days left are counted to that Friday */
  g_setenv ("TD_TODAY", "2026-11-27", TRUE);
  td_test_type_text (form, "end_date", "2026-12-30");
  td_test_spin ();
  if (english ())
    g_assert_true (g_str_has_prefix (subtitle_of (form, "deadline_row"),
                                     "by 2026-12-04, 5 more working days after today"));
}

/* Only the 2026 catalogue: a class in January 2027 is told which catalogue is missing and
 * where to import it; a class before 2026 too. */
static void
test_catalogue_missing (Fixture *f, gconstpointer data)
{
  GtkWidget *form;
  gboolean named = FALSE;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  form = new_class_form (f);
  td_test_type_text (form, "start_date", "2027-01-11");
  td_test_type_text (form, "end_date", "2027-01-29");
  td_test_spin ();
  for (guint i = 0; i < n_findings (form); i++)
    named |= strstr (finding_text (form, i), "2027") != NULL
             && strstr (finding_text (form, i), "2026-1") != NULL;
  g_assert_true (named);
  if (english ())
    {
      named = FALSE;
      for (guint i = 0; i < n_findings (form); i++)
        named |= g_strcmp0 (finding_text (form, i),
                            "The subsidy catalogue for 2027 is missing: the one in force, 2026-1 "
                            "(effective 2026-01-01), has no calendar for 2027, so the holidays "
                            "and working days of 2027 are not known (Monday to Friday are "
                            "counted). Import the bureau’s 2027 catalogue: Settings → Subsidy "
                            "catalogues → Import Catalogue…") == 0;
      g_assert_true (named);
    }
  td_test_type_text (form, "start_date", "2025-12-01");
  td_test_type_text (form, "end_date", "2025-12-19");
  td_test_spin ();
  g_assert_nonnull (strstr (subtitle_of (form, "catalog_row"), "2025-12-01"));
  g_assert_nonnull (strstr (subtitle_of (form, "catalog_row"), "2026-01-01"));
  if (english ())
    g_assert_cmpstr (subtitle_of (form, "catalog_row"), ==,
                     "No subsidy catalogue is in force on 2025-12-01, the start date (the "
                     "earliest in the database, 2026-1, takes effect on 2026-01-01). Import the "
                     "bureau’s catalogue for that date: Settings → Subsidy catalogues → Import "
                     "Catalogue…");
}

/* ---- 6 and 7: sending the filing from the class page, its status ------------------------ */

/* A draft class like the demo's JZ2026-031, three weeks later (its lessons too). */
static gint64
add_draft_class (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) k = NULL;
  g_autoptr (GPtrArray) lessons = NULL;
  g_autoptr (GPtrArray) teachers = NULL;
  gint64 old_id;

  k = td_store_get_class_by_code (f->store, "JZ2026-031", &error);
  g_assert_no_error (error);
  old_id = k->id;
  lessons = read_ok (td_store_list_lessons (f->store, old_id, &lerr));
  teachers = read_ok (td_store_list_teachers (f->store, old_id, &lerr));
  k->id = 0;
  g_free (k->code);
  k->code = g_strdup ("JZ2027-001");
  g_clear_pointer (&k->filing_no, g_free);
  td_day_to_iso (td_day_from_iso (k->start_date) + 21, k->start_date);
  td_day_to_iso (td_day_from_iso (k->end_date) + 21, k->end_date);
  g_assert_true (td_store_save_class (f->store, k, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < lessons->len; i++)
    {
      TdLesson *l = g_ptr_array_index (lessons, i);
      l->id = 0;
      l->class_id = k->id;
      td_day_to_iso (td_day_from_iso (l->date) + 21, l->date);
    }
  for (guint i = 0; i < teachers->len; i++)
    {
      TdTeacher *t = g_ptr_array_index (teachers, i);
      t->id = 0;
      t->class_id = k->id;
    }
  g_assert_true (td_store_set_teachers (f->store, k->id, teachers, &error));
  g_assert_true (td_store_replace_lessons (f->store, k->id, lessons, &error));
  g_assert_no_error (error);
  return k->id;
}

static const char *
class_list_subtitle (GtkWidget *page, const char *code)
{
  GtkListBox *list = GTK_LIST_BOX (td_test_find (page, "class_list"));

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      if (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), code))
        return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
    }
  g_assert_not_reached ();
}

static void
test_send_filing (Fixture *f, gconstpointer data)
{
  g_autoptr (TdPacketLog) log = NULL;
  g_autofree char *out = NULL, *receipt = NULL, *xml = NULL, *suggested = NULL;
  GtkWidget *page, *form, *button;
  gint64 id;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  id = add_draft_class (f);
  page = td_test_show_page (f->window, f->store, "classes", "JZ2027-001");
  form = GTK_WIDGET (td_class_page_get_form (TD_CLASS_PAGE (page)));
  g_assert_cmpint (td_class_form_get_class_id (TD_CLASS_FORM (form)), ==, id);
  /* the page that says the filing can be sent has the button that sends it */
  button = td_test_find (form, "send_filing");
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  if (english ())
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Send Class _Filing…");
  else
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "报送开班备案(_F)…");
  td_test_write_shot (GTK_WIDGET (f->window), "admin-send-filing");
  if (!td_test_file_chooser_answerable ())
    return;
  td_test_set_spin (10, 5000);   /* the file chooser comes and goes */
  td_test_press (form, "send_filing");
  out = g_build_filename (f->dir, "filing.xml", NULL);
  suggested = td_test_answer_file_chooser (out);
  td_test_set_spin (1, 0);
  td_test_settle (3, 10000);
  g_assert_true (g_str_has_suffix (suggested, ".xml"));
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  /* exported, no receipt: awaiting it, not filed */
  log = read_ok (td_store_latest_packet (f->store, TD_KIND_FILING, id, 0, 0, &lerr));
  g_assert_nonnull (log);
  g_assert_cmpint (log->status, ==, TD_PACKET_SENT);
  if (english ())
    {
      g_assert_true (g_str_has_prefix (class_list_subtitle (page, "JZ2027-001"),
                                       "Awaiting receipt · "));
      g_assert_cmpstr (subtitle_of (form, "status_row"), ==, "Awaiting receipt");
    }
  else
    g_assert_true (g_str_has_prefix (class_list_subtitle (page, "JZ2027-001"), "待回执"));
  g_assert_false (gtk_widget_get_mapped (button));
  /* the receipt accepts it: filed, with its number */
  receipt = g_build_filename (f->dir, "receipt.xml", NULL);
  xml = g_strdup_printf ("<?xml version='1.0' encoding='UTF-8'?>\n"
                         "<Receipt xmlns=\"urn:lc-hrss:training:1.0\" version=\"1.0\" "
                         "packet=\"%s\" digest=\"%s\" received=\"2026-12-04T11:00:00+08:00\" "
                         "issued=\"2026-12-04T11:30:00+08:00\" status=\"ACCEPTED\">"
                         "<FilingNo>LC2026-000999</FilingNo></Receipt>", log->id, log->digest);
  g_assert_true (g_file_set_contents (receipt, xml, -1, NULL));
  g_assert_true (td_submissions_page_import_receipt (
    TD_SUBMISSIONS_PAGE (td_window_get_page (f->window, "submissions")), receipt));
  td_test_settle (3, 10000);
  if (english ())
    {
      g_assert_true (g_str_has_prefix (class_list_subtitle (page, "JZ2027-001"), "Filed · "));
      g_assert_cmpstr (subtitle_of (form, "status_row"), ==, "Filed, filing number LC2026-000999");
    }
  else
    g_assert_true (g_str_has_prefix (class_list_subtitle (page, "JZ2027-001"), "已备案"));
}

/* ---- 10: every page fits 1366x768 ------------------------------------------------------ */

/* Each table (column view) shown under @widget whose columns are wider than the space it is
 * shown in (some column cut off, reached only by scrolling sideways), added to @clipped as
 * "page/name: width > visible; ". */
static void
find_clipped (GtkWidget *widget, const char *page, GString *clipped)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      /* a column view scrolls itself: its columns are wider than what is shown when its
       * horizontal adjustment reaches beyond one page */
      GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (widget));
      double width = h != NULL ? gtk_adjustment_get_upper (h) : 0;
      double visible = h != NULL ? gtk_adjustment_get_page_size (h) : 0;

      if (width > visible + 0.5)
        g_string_append_printf (clipped, "%s/%s: %.0f > %.0f; ", page,
                                gtk_widget_get_name (widget), width, visible);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_clipped (child, page, clipped);
}

/* On a 1366x768 screen (the suite's Xvfb) a new window opens at that size and needs no more,
 * and no page's table is wider than the space it is shown in: at the old default size
 * (1200x760) the attendance's 计入课时 and 出勤率 were cut off. */
static void
test_pages_fit (Fixture *f, gconstpointer data)
{
  static const char *const pages[] = { "overview", "classes", "trainees", "attendance",
                                       "assessment", "follow-up", "subsidy", "submissions",
                                       "settings" };
  g_autoptr (GString) clipped = g_string_new (NULL);
  int min_width, min_height;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  /* a window as the application opens it: the size from the settings' defaults */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = td_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  /* until the X server has given the window its size (no longer than the screen allows) */
  for (int i = 0; i < 100 && gtk_widget_get_width (GTK_WIDGET (f->window)) <= 1340; i++)
    td_test_settle (1, 10000);
  td_test_settle (5, 10000);
  td_window_select_class (f->window, td_test_class_id (f->store, "DG2026-021"));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = td_test_show_page (f->window, f->store, pages[i], NULL);

      td_test_settle (3, 10000);
      find_clipped (page, pages[i], clipped);
      {
        g_autofree char *shot = g_strconcat ("admin-fit-", pages[i], NULL);
        td_test_write_shot (GTK_WIDGET (f->window), shot);
      }
    }
  /* 1366x768 with the window's shadow: a few pixels less for its content (checked first: in
   * a smaller window the tables are cut off for that reason alone) */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >, 1340);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), >, 740);
  g_assert_cmpstr (clipped->str, ==, "");
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                      NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_VERTICAL, min_width, &min_height,
                      NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 1366);
  g_assert_cmpint (min_height, <=, 768);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, TODAY, NOW);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/first-use/reopen-after-kill", test_reopen_after_kill);
  ADD ("/ui/first-use/class-form-still", test_class_form_still);
  ADD ("/ui/first-use/filing-deadline", test_filing_deadline);
  ADD ("/ui/first-use/catalogue-missing", test_catalogue_missing);
#define ADD_DEMO(path, fn) g_test_add (path, Fixture, DEMO, demo_set_up, fn, fixture_tear_down)
  ADD_DEMO ("/ui/first-use/settings-credit-code", test_settings_credit_code);
  ADD_DEMO ("/ui/first-use/attendance-keys-follow-selection", test_attendance_keys_follow_selection);
  ADD_DEMO ("/ui/first-use/attendance-future-lesson", test_attendance_future_lesson);
  ADD_DEMO ("/ui/first-use/send-filing", test_send_filing);
  ADD_DEMO ("/ui/first-use/pages-fit-1366x768", test_pages_fit);
#undef ADD_DEMO
#undef ADD
  return g_test_run ();
}
