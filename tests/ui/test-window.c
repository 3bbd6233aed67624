/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of the main window: the forms are driven through their widgets (fields
 * typed, buttons pressed, actions activated) and the results asserted on the store. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "core/td-i18n.h"
#include "core/td-idnumber.h"
#include "packet/td-catalog-import.h"
#include "ui/td-application.h"
#include "ui/td-backup.h"
#include "ui/td-class-page.h"
#include "ui/td-first-run.h"
#include "ui/td-settings-page.h"
#include "ui/td-trainee-page.h"
#include "ui/td-ui-util.h"
#include "../td-test-private.h"
#include "ui-test-util.h"
#include "ui/td-window.h"

typedef struct
{
  char *dir;
  TdStore *store;
  TdWindow *window;
} Fixture;


/* ---- helpers ------------------------------------------------------------------ */

static char *
valid_id (const char *id17)
{
  return g_strdup_printf ("%s%c", id17, td_id_number_check_char (id17));
}

static char *
wrong_id (const char *id17)
{
  char check = td_id_number_check_char (id17);

  return g_strdup_printf ("%s%c", id17, check == '1' ? '2' : '1');
}

static void
print_dialogs (void)
{
  GtkWindow *error = td_test_toplevel ("td-error-dialog");
  GtkWindow *trainee = td_test_toplevel ("td-trainee-dialog");

  if (error != NULL)
    g_test_message ("error dialog: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error)));
  if (trainee != NULL)
    g_test_message ("trainee dialog: %s",
                    gtk_label_get_text (GTK_LABEL (td_ui_find_named (GTK_WIDGET (trainee),
                                                                     "message"))));
}

/* ---- fixture ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  fixture->dir = td_test_make_dir ("td-ui-XXXXXX");
  fixture->store = td_test_store_new (fixture->dir, "test.db", FALSE);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = td_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (fixture->window));
  td_test_spin ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  td_test_spin ();
  g_clear_object (&fixture->store);
  /* the temporary directory is left for inspection only when a test failed */
  if (!g_test_failed ())
    td_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
fill_institution (gpointer root)
{
  td_test_type_text (root, "credit_code", "91371500MA3C5XXK00");
  td_test_type_text (root, "name", "聊城市东昌府区示范职业培训学校");
  td_test_type_text (root, "license_no", "137150270000123");
  td_test_type_text (root, "contact_name", "李明");
  td_test_type_text (root, "contact_phone", "0635 8212345");
  td_test_type_text (root, "legal_rep", "王芳");
  td_test_type_text (root, "account_name", "聊城市东昌府区示范职业培训学校");
  td_test_type_text (root, "bank", "中国工商银行聊城分行");
  td_test_type_text (root, "account", "1610001234567890123");
}

static void
make_institution (Fixture *fixture)
{
  g_autoptr (TdInstitution) inst = td_institution_new ();
  g_autoptr (GError) error = NULL;

  inst->credit_code = g_strdup ("91371500MA3C5XXK0L");
  inst->name = g_strdup ("聊城市东昌府区示范职业培训学校");
  inst->region = g_strdup ("371502");
  inst->contact_name = g_strdup ("李明");
  inst->contact_phone = g_strdup ("0635-8212345");
  inst->legal_rep = g_strdup ("王芳");
  inst->account_name = g_strdup ("聊城市东昌府区示范职业培训学校");
  inst->bank = g_strdup ("中国工商银行聊城分行");
  inst->account = g_strdup ("1610001234567890123");
  g_assert_true (td_store_save_institution (fixture->store, inst, &error));
  g_assert_no_error (error);
}

/* ---- tests -------------------------------------------------------------------- */

/* The dialog the first-run assistant shows, its body, and the dialog closed. */
static char *
take_error_dialog (void)
{
  GtkWindow *dialog = td_test_toplevel ("td-error-dialog");
  char *body;

  g_assert_nonnull (dialog);
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (dialog);
  td_test_spin ();
  return body;
}

/* The widget named @name in the first-run assistant (the Settings page has the same form). */
static GtkWidget *
first_run_find (Fixture *fixture, const char *name)
{
  GtkWidget *start = td_test_find (fixture->window, "start_button");
  GtkWidget *first_run = gtk_widget_get_ancestor (start, TD_TYPE_FIRST_RUN);
  GtkWidget *widget = td_ui_find_named (first_run, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_first_run (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdInstitution) inst = NULL;
  g_autofree char *body = NULL;
  GtkWidget *warning, *keep;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  open_window (fixture);
  g_assert_true (td_store_is_empty (fixture->store, NULL));
  fill_institution (fixture->window);
  warning = first_run_find (fixture, "credit_code_warning");
  g_assert_false (gtk_widget_get_mapped (warning));
  /* a wrong check character (GB 32100): said at once, with the character it should be */
  td_test_type_text (fixture->window, "credit_code", "91371500MA3C5XXK0A");
  g_assert_true (gtk_widget_get_mapped (warning));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "should be 0, not A"));
  /* and refused at Start: nothing is stored */
  td_test_press (fixture->window, "start_button");
  g_assert_true (td_store_is_empty (fixture->store, NULL));
  body = take_error_dialog ();
  g_assert_nonnull (strstr (body, "should be 0, not A"));
  g_assert_nonnull (strstr (body, "GB 32100"));
  /* a code that is exactly as on the licence is kept when the user says so */
  keep = first_run_find (fixture, "credit_code_keep");
  g_assert_true (gtk_widget_get_mapped (keep));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (keep), TRUE);
  td_test_press (fixture->window, "start_button");
  inst = td_store_get_institution (fixture->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_nonnull (inst);
  g_assert_cmpstr (inst->name, ==, "聊城市东昌府区示范职业培训学校");
  g_assert_cmpstr (inst->credit_code, ==, "91371500MA3C5XXK0A");
  g_assert_cmpstr (inst->contact_phone, ==, "0635-8212345");
  g_assert_cmpstr (inst->region, ==, "371502");
  g_assert_cmpstr (td_window_get_visible_page_name (fixture->window), ==, "classes");
}

static void
test_first_run_valid_code (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdInstitution) inst = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  open_window (fixture);
  fill_institution (fixture->window);
  g_assert_false (gtk_widget_get_mapped (first_run_find (fixture, "credit_code_keep")));
  td_test_press (fixture->window, "start_button");
  g_assert_null (td_test_toplevel ("td-error-dialog"));
  inst = td_store_get_institution (fixture->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_nonnull (inst);
  g_assert_cmpstr (inst->credit_code, ==, "91371500MA3C5XXK00");
}

static void
test_first_run_missing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *body = NULL;
  GtkWidget *name;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  open_window (fixture);
  fill_institution (fixture->window);
  td_test_type_text (fixture->window, "legal_rep", "");
  td_test_type_text (fixture->window, "contact_name", "");
  td_test_type_text (fixture->window, "credit_code", "");
  td_test_press (fixture->window, "start_button");
  g_assert_true (td_store_is_empty (fixture->store, NULL));
  print_dialogs ();
  body = take_error_dialog ();
  /* every missing field is named, not only the first */
  g_assert_nonnull (strstr (body, "Unified social credit code"));
  g_assert_nonnull (strstr (body, "Contact name"));
  g_assert_nonnull (strstr (body, "Legal representative"));
  g_assert_null (strstr (body, "Contact phone"));
  /* nothing typed is lost */
  name = td_test_find (fixture->window, "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==,
                   "聊城市东昌府区示范职业培训学校");
}

static void
add_teacher (Fixture *fixture, const char *name, const char *id17)
{
  GtkWindow *dialog;
  g_autofree char *id = valid_id (id17);

  td_test_press (fixture->window, "add_teacher_button");
  dialog = td_test_toplevel ("td-teacher-dialog");
  g_assert_nonnull (dialog);
  td_test_type_text (dialog, "teacher-name", name);
  td_test_type_text (dialog, "teacher-id", id);
  td_test_type_text (dialog, "teacher-qualification", "高级技师 20231234");
  td_test_press (dialog, "dialog-ok");
  g_assert_null (td_test_toplevel ("td-teacher-dialog"));
}

static void
generate_weekdays (Fixture *fixture)
{
  GtkWindow *dialog;

  td_test_press (fixture->window, "generate_button");
  dialog = td_test_toplevel ("td-generate-dialog");
  g_assert_nonnull (dialog);
  for (int d = 1; d <= 5; d++)
    {
      g_autofree char *name = g_strdup_printf ("pattern-day-%d", d);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (td_test_find (dialog, name)), TRUE);
    }
  td_test_type_text (dialog, "pattern-start", "8:30");
  td_test_type_text (dialog, "pattern-end", "11:30");
  td_test_type_text (dialog, "pattern-content", "养老护理基础知识");
  td_test_press (dialog, "dialog-ok");
  g_assert_null (td_test_toplevel ("td-generate-dialog"));
}

static char *
findings (Fixture *fixture)
{
  TdClassPage *page = TD_CLASS_PAGE (td_window_get_page (fixture->window, "classes"));

  return td_class_form_dup_findings_text (td_class_page_get_form (page));
}

/* The search leaves one catalogue item in the list: choose it as a click would. */
static void
select_only_visible_row (GtkWidget *list)
{
  GtkListBoxRow *only = NULL;
  guint visible = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row))
      {
        only = GTK_LIST_BOX_ROW (row);
        visible++;
      }
  g_assert_cmpuint (visible, ==, 1);
  gtk_list_box_select_row (GTK_LIST_BOX (list), only);
  td_test_spin ();
}

static void
fill_class (Fixture *fixture)
{

  td_test_activate (fixture->window, "new-class", NULL);
  g_assert_cmpstr (td_window_get_visible_page_name (fixture->window), ==, "classes");
  td_test_type_text (fixture->window, "code", "DC2026-001");
  td_test_type_text (fixture->window, "title_row", "养老护理员（五级）培训班");
  td_test_type_text (fixture->window, "start_date", "2026-03-02");
  td_test_type_text (fixture->window, "end_date", "2026/3/27");
  td_test_type_text (fixture->window, "item_search", "养老");
  select_only_visible_row (td_test_find (fixture->window, "item_list"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (td_test_find (fixture->window, "item"))),
                   ==, "4-10-01-05  养老护理员");
  td_test_type_text (fixture->window, "assessment_method", "理论考试+实操考核");
  td_test_type_text (fixture->window, "venue_address", "东昌府区柳园路 88 号");
  td_test_type_text (fixture->window, "commitment_signed_by", "王芳");
  td_test_type_text (fixture->window, "commitment_date", "2026-02-02");
  add_teacher (fixture, "张老师", "37150219800101123");
  generate_weekdays (fixture);
}

static void
test_file_class (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GPtrArray) lessons = NULL;
  g_autoptr (GPtrArray) teachers = NULL;
  g_autoptr (TdClass) klass = NULL;
  g_autofree char *problems = NULL;
  TdClassSummary *summary;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  make_institution (fixture);
  open_window (fixture);
  fill_class (fixture);
  problems = findings (fixture);
  g_assert_cmpstr (problems, ==, "");
  td_test_activate (fixture->window, "save", NULL);
  print_dialogs ();
  classes = td_store_list_classes (fixture->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (classes->len, ==, 1);
  summary = g_ptr_array_index (classes, 0);
  klass = td_store_get_class (fixture->store, summary->id, NULL);
  g_assert_cmpstr (klass->code, ==, "DC2026-001");
  g_assert_cmpstr (klass->end_date, ==, "2026-03-27");
  g_assert_cmpstr (klass->item_code, ==, "4-10-01-05");
  g_assert_cmpstr (klass->catalog_version, ==, "2026-1");
  g_assert_cmpint (klass->certificate, ==, 2);
  g_assert_cmpint (klass->level, ==, 5);
  /* 20 working days × 8:30–11:30 (180 minutes: 4 class hours) */
  lessons = td_store_list_lessons (fixture->store, klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (lessons->len, ==, 20);
  g_assert_cmpint (((TdLesson *) g_ptr_array_index (lessons, 0))->hours, ==, 8);
  g_assert_cmpstr (((TdLesson *) g_ptr_array_index (lessons, 19))->date, ==, "2026-03-27");
  g_assert_cmpint (klass->planned_theory, ==, 160);
  g_assert_cmpint (klass->planned_online, ==, 0);
  teachers = td_store_list_teachers (fixture->store, klass->id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (teachers->len, ==, 1);
  g_assert_cmpstr (((TdTeacher *) g_ptr_array_index (teachers, 0))->tid, ==, "T1");
  g_assert_cmpint (td_window_get_class_id (fixture->window), ==, klass->id);
}

static void
test_class_rules (Fixture *fixture, gconstpointer data)
{
  g_autofree char *size = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *dates = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  make_institution (fixture);
  open_window (fixture);
  fill_class (fixture);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (td_test_find (fixture->window, "planned_size")), 5);
  td_test_spin ();
  size = findings (fixture);
  g_assert_nonnull (strstr (size, "R-CLS-006: The planned size must be between 10 and 60"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (td_test_find (fixture->window, "mode")), 1);
  td_test_spin ();
  mode = findings (fixture);
  g_assert_nonnull (strstr (mode, "R-CLS-007: An online or blended class names its online"));
  td_test_type_text (fixture->window, "end_date", "2026-03-20");
  dates = findings (fixture);
  g_assert_nonnull (strstr (dates, "R-CLS-004: Lesson L016 on 2026-03-23 is outside"));
}

static gint64
make_class_coded (Fixture *fixture, const char *code)
{
  g_autoptr (TdClass) klass = td_class_new ();
  g_autoptr (GError) error = NULL;

  klass->code = g_strdup (code);
  klass->title = g_strdup ("电工（五级）培训班");
  klass->catalog_version = g_strdup ("2026-1");
  klass->item_code = g_strdup ("6-31-01-03");
  klass->item_name = g_strdup ("电工");
  klass->level = 5;
  g_strlcpy (klass->training_type, "01", sizeof klass->training_type);
  g_strlcpy (klass->special_action, "01", sizeof klass->special_action);
  klass->mode = 1;
  g_strlcpy (klass->start_date, "2026-03-02", sizeof klass->start_date);
  g_strlcpy (klass->end_date, "2026-04-10", sizeof klass->end_date);
  klass->planned_size = 30;
  g_strlcpy (klass->venue_region, "371502", sizeof klass->venue_region);
  klass->venue_address = g_strdup ("东昌府区柳园路 88 号");
  klass->funding_source = 1;
  klass->certificate = 2;
  klass->assessment_method = g_strdup ("理论+实操");
  klass->commitment_signed_by = g_strdup ("王芳");
  g_strlcpy (klass->commitment_date, "2026-02-02", sizeof klass->commitment_date);
  klass->payee_type = 1;
  g_assert_true (td_store_save_class (fixture->store, klass, &error));
  g_assert_no_error (error);
  return klass->id;
}

static gint64
make_class (Fixture *fixture)
{
  return make_class_coded (fixture, "DC2026-002");
}

static void
enrol_through_dialog (Fixture *fixture, const char *name, const char *id)
{
  TdTraineePage *page = TD_TRAINEE_PAGE (td_window_get_page (fixture->window, "trainees"));
  GtkWindow *dialog = td_trainee_page_add_trainee (page);

  g_assert_nonnull (dialog);
  td_test_type_text (dialog, "id_number", id);
  td_test_type_text (dialog, "name", name);
  td_test_type_text (dialog, "phone", "13906355678");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (td_test_find (dialog, "category-03")), TRUE);
  td_test_press (dialog, "dialog-ok");
}

static void
test_enrol (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *wrong = wrong_id ("37150219900307151");
  g_autofree char *right = valid_id ("37150219900307151");
  g_autofree char *second = valid_id ("37152119951120002");
  g_autoptr (GPtrArray) enrolments = NULL;
  TdTraineePage *page;
  GtkWindow *dialog;
  TdEnrolment *e;
  gint64 class_id;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  make_institution (fixture);
  class_id = make_class (fixture);
  open_window (fixture);
  td_window_show_page (fixture->window, "trainees");
  td_window_select_class (fixture->window, class_id);
  td_test_spin ();
  page = TD_TRAINEE_PAGE (td_window_get_page (fixture->window, "trainees"));

  /* a wrong check digit is flagged as it is typed and refused */
  dialog = td_trainee_page_add_trainee (page);
  td_test_type_text (dialog, "id_number", wrong);
  g_assert_true (gtk_widget_has_css_class (td_test_find (dialog, "id_number"), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (td_test_find (dialog, "id_status"))),
                            "check"));
  td_test_type_text (dialog, "name", "刘洋");
  td_test_type_text (dialog, "phone", "13806351234");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (td_test_find (dialog, "category-01")), TRUE);
  td_test_press (dialog, "dialog-ok");
  g_assert_nonnull (td_test_toplevel ("td-trainee-dialog"));
  g_assert_cmpint (td_store_count_enrolled (fixture->store, class_id, &lerr), ==, 0);
  g_assert_no_error (lerr);
  /* corrected, it fills birth date and gender and is saved */
  td_test_type_text (dialog, "id_number", right);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (td_test_find (dialog, "birth_date"))), ==,
                   "1990-03-07");
  td_test_press (dialog, "dialog-ok");
  print_dialogs ();
  g_assert_null (td_test_toplevel ("td-trainee-dialog"));

  enrol_through_dialog (fixture, "陈静", second);
  enrolments = td_store_list_enrolments (fixture->store, class_id, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (enrolments->len, ==, 2);
  e = g_ptr_array_index (enrolments, 0);
  g_assert_cmpstr (e->trainee.id_number, ==, right);
  g_assert_cmpstr (e->trainee.name, ==, "刘洋");
  g_assert_cmpint (e->trainee.gender, ==, 1);
  g_assert_cmpstr (e->trainee.birth_date, ==, "1990-03-07");
  g_assert_cmpstr (e->consent_date, ==, "2026-02-02");
  e = g_ptr_array_index (enrolments, 1);
  g_assert_cmpint (e->trainee.gender, ==, 2);
  g_assert_cmpstr (e->categories, ==, "03");
  g_assert_cmpuint (g_list_model_get_n_items (td_trainee_page_get_roster_model (page)), ==, 2);

  /* search narrows the roster */
  td_test_type_text (fixture->window, "trainee_search", "陈");
  for (int i = 0; i < 50; i++, g_usleep (10000))   /* search-changed comes after a pause */
    td_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (td_trainee_page_get_roster_model (page)), ==, 1);
  td_test_type_text (fixture->window, "trainee_search", "");
  for (int i = 0; i < 50; i++, g_usleep (10000))
    td_test_spin ();

  /* a trainee without attendance can be removed */
  td_trainee_page_remove_at (page, 0);
  td_test_spin ();
  g_assert_cmpint (td_store_count_enrolled (fixture->store, class_id, &lerr), ==, 1);
  g_assert_no_error (lerr);
  g_assert_cmpint (td_store_count_trainees (fixture->store, &lerr), ==, 2);
  g_assert_no_error (lerr);
}

/* A changed form is not dropped silently: choosing another class asks first, and Cancel
 * keeps what was typed. */
static void
test_unsaved_changes (Fixture *fixture, gconstpointer data)
{
  g_autoptr (TdClass) saved = NULL;
  g_autoptr (TdClass) third = NULL;
  AdwMessageDialog *dialog;
  gint64 other;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  make_institution (fixture);
  other = make_class (fixture);
  make_class_coded (fixture, "DC2026-003");
  open_window (fixture);
  third = td_store_get_class_by_code (fixture->store, "DC2026-003", NULL);
  if (td_window_get_class_id (fixture->window) == other)
    other = third->id;
  fill_class (fixture);
  td_window_select_class (fixture->window, other);
  td_test_spin ();
  dialog = ADW_MESSAGE_DIALOG (td_test_toplevel ("td-unsaved-dialog"));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  td_test_spin ();
  g_assert_cmpint (td_window_get_class_id (fixture->window), !=, other);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (td_test_find (fixture->window, "code"))), ==,
                   "DC2026-001");
  /* Save from the dialog: the class is stored, then the other one is shown */
  td_window_select_class (fixture->window, other);
  td_test_spin ();
  dialog = ADW_MESSAGE_DIALOG (td_test_toplevel ("td-unsaved-dialog"));
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  td_test_spin ();
  saved = td_store_get_class_by_code (fixture->store, "DC2026-001", NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (td_window_get_class_id (fixture->window), ==, other);
}

/* A save the store refuses says what happened and what to do, and loses nothing. */
static void
test_refused_save (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) classes = NULL;
  g_autoptr (GListModel) lessons = NULL;
  GtkWindow *dialog;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  make_institution (fixture);
  make_class (fixture);
  open_window (fixture);
  fill_class (fixture);
  td_test_type_text (fixture->window, "code", "DC2026-002");     /* the code of the other class */
  td_test_activate (fixture->window, "save", NULL);
  dialog = td_test_toplevel ("td-error-dialog");
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Correct the entry named in the message"));
  gtk_window_destroy (dialog);
  classes = td_store_list_classes (fixture->store, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (classes->len, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (td_test_find (fixture->window, "title_row"))),
                   ==, "养老护理员（五级）培训班");
  lessons = gtk_widget_observe_children (td_test_find (fixture->window, "lesson_list"));
  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 20);
}

/* A database that cannot be opened: a page that says what happened and what to do. */
static void
test_open_error (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = g_error_new_literal (TD_STORE_ERROR, TD_STORE_ERROR_TOO_NEW,
                                                  "Written by schema version 9.");
  TdWindow *window;
  AdwStatusPage *page;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  window = td_window_new (NULL, NULL, error);
  gtk_window_present (GTK_WINDOW (window));
  td_test_spin ();
  page = ADW_STATUS_PAGE (td_ui_find_named (GTK_WIDGET (window), "error_page"));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "The database is from a newer TrainDesk");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "Written by schema version 9."));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "Install that version"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_is_visible (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

/* A database other users could read: tightened on open, and the window says so. */
static void
test_store_notice (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_strdup (td_store_get_path (fixture->store));
  g_autofree char *notice = g_strdup_printf ("Other users of this computer could read %s. It "
                                             "holds personal data, so it is now readable by "
                                             "you only.", path);
  g_autoptr (GError) error = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  g_clear_object (&fixture->store);
  td_test_make_shared (path);
  fixture->store = td_store_open (path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (!td_test_acls_kept ())
    return;
  open_window (fixture);
  td_test_settle (3, 20000);
  g_assert_true (shows_label (GTK_WIDGET (fixture->window), notice));
}

/* Settings: backup to a chosen file, the outbox folder, automatic backups keep 10. */
static void
test_settings (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  TdSettingsPage *page;
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backups = NULL;
  g_autofree char *outbox = NULL;
  g_autofree char *outbox_dir = NULL;
  g_autoptr (GDir) dir = NULL;
  guint n = 0;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  make_institution (fixture);
  open_window (fixture);
  page = TD_SETTINGS_PAGE (td_window_get_page (fixture->window, "settings"));
  /* Chinese characters and spaces in the backup's name and in the folders */
  backup = g_build_filename (fixture->dir, "备份 副本.db", NULL);
  g_assert_true (td_settings_page_backup_to (page, backup, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  outbox_dir = g_build_filename (fixture->dir, "报送 文件", NULL);
  g_assert_cmpint (g_mkdir (outbox_dir, 0700), ==, 0);
  g_assert_true (td_settings_page_set_outbox (page, outbox_dir, &error));
  outbox = td_store_get_setting (fixture->store, "outbox", &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpstr (outbox, ==, outbox_dir);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (td_test_find (fixture->window, "outbox"))),
                   ==, outbox_dir);
  backups = g_build_filename (fixture->dir, "自动 备份", NULL);
  for (int i = 0; i < 12; i++)
    {
      g_assert_true (td_backup_rotate (fixture->store, backups, 10, NULL, &error));
      g_assert_no_error (error);
    }
  dir = g_dir_open (backups, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 10);
}

/* The keyboard: every window action has its shortcut. */
static void
test_shortcuts (Fixture *fixture, gconstpointer data)
{
  const char *expected[][2] = { { "win.new-class", "<Control>n" }, { "win.save", "<Control>s" },
                                { "win.search", "<Control>f" }, { "win.print", "<Control>p" },
                                { "win.export", "<Control>e" } };
  g_autoptr (TdApplication) app = NULL;
  g_autoptr (GError) error = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  app = td_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     expected[i][0]);
      g_assert_nonnull (accels[0]);
      g_assert_cmpstr (accels[0], ==, expected[i][1]);
    }
  g_assert_true (g_resources_get_info ("/io/github/traindesk/TrainDesk/gtk/help-overlay.ui",
                                       0, NULL, NULL, NULL));
}

/* ---- screenshots ------------------------------------------------------------- */

/* The class form further down: @fraction of the way to the end. */
static void
save_scrolled (Fixture *fixture, const char *dir, const char *name, double fraction)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (td_test_find (fixture->window, "class_scroller"));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  gtk_adjustment_set_value (adj, (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj))
                                 * fraction);
  td_test_save_png (gtk_widget_get_first_child (GTK_WIDGET (fixture->window)), path);
  gtk_adjustment_set_value (adj, 0);
}

static void
test_screenshots (Fixture *fixture, gconstpointer data)
{
  const char *pages[] = { "overview", "classes", "trainees", "attendance", "assessment",
                          "follow-up", "subsidy", "submissions", "settings" };
  g_autofree char *dir = NULL;
  g_autofree char *id = valid_id ("37150219900307151");

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  dir = td_test_shots_dir ();
  make_institution (fixture);
  open_window (fixture);
  fill_class (fixture);
  td_test_activate (fixture->window, "save", NULL);
  td_window_show_page (fixture->window, "trainees");
  td_test_spin ();
  enrol_through_dialog (fixture, "刘洋", id);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u-%s.png", i + 1, pages[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      td_window_show_page (fixture->window, pages[i]);
      for (int n = 0; n < 20; n++)
        td_test_spin ();
      td_test_save_png (gtk_widget_get_first_child (GTK_WIDGET (fixture->window)), path);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      if (g_str_equal (pages[i], "classes"))
        save_scrolled (fixture, dir, "02b-classes-standard.png", 0.45);
      if (g_str_equal (pages[i], "classes"))
        save_scrolled (fixture, dir, "02c-classes-timetable.png", 1.0);
    }
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, "2026-02-02", NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/first-run/institution", test_first_run);
  ADD ("/ui/first-run/valid-code", test_first_run_valid_code);
  ADD ("/ui/first-run/missing-field", test_first_run_missing);
  ADD ("/ui/classes/file-with-timetable", test_file_class);
  ADD ("/ui/classes/rules-as-you-type", test_class_rules);
  ADD ("/ui/trainees/enrol", test_enrol);
  ADD ("/ui/classes/unsaved-changes", test_unsaved_changes);
  ADD ("/ui/classes/refused-save", test_refused_save);
  ADD ("/ui/window/open-error", test_open_error);
  ADD ("/ui/window/store-notice", test_store_notice);
  ADD ("/ui/settings/backup-outbox", test_settings);
  ADD ("/ui/window/shortcuts", test_shortcuts);
  ADD ("/ui/screenshots", test_screenshots);
#undef ADD
  return g_test_run ();
}
