/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of printing: TdPrintOperation exports the forms of the demo class as PDF
 * (GTK_PRINT_OPERATION_ACTION_EXPORT, no print backend), keeps its settings in GSettings,
 * reports failures in a dialog; the print dialog of win.print and "Save chart as…". */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "core/td-i18n.h"
#include "packet/td-catalog-import.h"
#include "packet/td-demo.h"
#include "ui/td-print-dialog.h"
#include "ui/td-print-operation.h"
#include "ui/td-ui-util.h"
#include "../td-test-private.h"
#include "ui-test-util.h"
#include "ui/td-window.h"

#define CLASS_CODE "YL2026-011"

typedef struct
{
  char *dir;
  TdStore *store;
  GSettings *settings;
} Fixture;

static char *demo_path;         /* the demo database every test copies */

/* ---- helpers ------------------------------------------------------------------ */

static char *
run_tool (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *tool = td_test_find_tool (argv[0]);
  g_autofree char **found = g_memdup2 (argv, sizeof (char *)
                                               * (g_strv_length ((char **) argv) + 1));
  char *out = NULL;
  int status = 0;

  found[0] = tool;
  g_spawn_sync (NULL, found, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

  return run_tool (argv);
}

/* pdfinfo's value for @key ("Pages", "Page size"). */
static char *
pdf_info (const char *path, const char *key)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  g_error ("pdfinfo gave no %s for %s", key, path);
  return NULL;
}

static int
pdf_pages (const char *path)
{
  g_autofree char *pages = pdf_info (path, "Pages");

  return atoi (pages);
}

static char *
tmp_path (Fixture *fixture, const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static TdForm *
build_form (Fixture *fixture, TdFormKind kind, const TdFormOptions *options)
{
  g_autoptr (GError) error = NULL;
  TdForm *form = td_form_build (fixture->store, kind, CLASS_CODE, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (form);
  return form;
}

/* The pages the renderer lays @kind out on by itself (A4, as the form needs). */
static int
expected_pages (Fixture *fixture, TdFormKind kind, const TdFormOptions *options)
{
  g_autoptr (TdForm) form = build_form (fixture, kind, options);
  g_autoptr (TdFormLayout) layout = td_form_layout (form, NULL);

  return td_form_layout_get_n_pages (layout);
}

/* The id number of the first trainee on the class's roster. */
static char *
first_id_number (Fixture *fixture)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (TdClass) klass = td_store_get_class_by_code (fixture->store, CLASS_CODE, NULL);
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (fixture->store, klass->id, &lerr);
  g_assert_no_error (lerr);
  const TdEnrolment *first;

  g_assert_cmpuint (enrolments->len, >, 0);
  first = g_ptr_array_index (enrolments, 0);
  return g_strdup (first->trainee.id_number);
}

/* A toplevel window of @type (or named @name), not yet destroyed. */
static GtkWidget *
find_toplevel (GType type, const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && (name == NULL || g_strcmp0 (gtk_widget_get_name (window), name) == 0))
        return window;
    }
  return NULL;
}

/* ---- fixture ------------------------------------------------------------------ */

/* The demo filled once (it takes a second or two) and copied for every test. */
static const char *
demo_database (void)
{
  g_autofree char *dir = NULL, *wal = NULL;

  if (demo_path != NULL)
    return demo_path;
  dir = td_test_make_dir ("td-print-demo-XXXXXX");
  demo_path = g_build_filename (dir, "demo.db", NULL);
  wal = g_strconcat (demo_path, "-wal", NULL);
  g_object_unref (td_test_store_new (dir, "demo.db", TRUE));
  /* closed: everything is in the main file, nothing left in a -wal */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  return demo_path;
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) target = g_file_new_for_path (to);
  g_autoptr (GError) error = NULL;

  g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (!td_test_have_display ())
    return;
  fixture->dir = td_test_make_dir ("td-print-XXXXXX");
  path = g_build_filename (fixture->dir, "test.db", NULL);
  copy_file (demo_database (), path);
  fixture->store = td_store_open (path, TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "print-settings");
  g_settings_reset (fixture->settings, "page-setup");
  g_settings_reset (fixture->settings, "last-folder");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  GtkWidget *window;

  if (!td_test_have_display ())
    return;
  while ((window = find_toplevel (GTK_TYPE_WINDOW, NULL)) != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  td_test_spin ();
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  /* the files are left for a look only when the test failed */
  if (!g_test_failed ())
    td_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* ---- TdPrintOperation ------------------------------------------------------------ */

/* The roster of the demo class as the print operation exports it: every page the layout
 * has, landscape A4, the title and the footer on the page, id numbers masked. */
static void
test_export_roster (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPrintOperation) op = NULL;
  g_autofree char *path = NULL, *text = NULL, *size = NULL, *id = NULL, *footer = NULL;
  g_autofree char *masked = NULL;
  int pages;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  pages = expected_pages (fixture, TD_FORM_ROSTER, NULL);
  g_assert_cmpint (pages, >, 1);
  op = td_print_operation_new (build_form (fixture, TD_FORM_ROSTER, NULL));
  g_assert_cmpint (td_print_operation_get_n_pages_laid_out (op), ==, 0);
  /* Chinese characters and a space in the name, as a user on Windows names files */
  path = tmp_path (fixture, "花名 册.pdf");
  g_assert_true (td_print_operation_export (op, path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (td_print_operation_get_n_pages_laid_out (op), ==, pages);
  if (!td_test_have_tool ("pdftotext"))
    return;
  g_assert_cmpint (pdf_pages (path), ==, pages);
  size = pdf_info (path, "Page size");
  g_assert_cmpstr (size, ==, "841.89 x 595.276 pts (A4)");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "职业技能培训学员花名册"));
  g_assert_nonnull (strstr (text, "第 1 页 共"));
  footer = g_strdup_printf ("第 %d 页 共 %d 页", pages, pages);
  g_assert_nonnull (strstr (text, footer));
  g_assert_nonnull (strstr (text, CLASS_CODE));
  /* masked by default: 371502********123X */
  id = first_id_number (fixture);
  g_assert_null (strstr (text, id));
  masked = g_strdup_printf ("%.6s********%s", id, id + 14);
  g_assert_nonnull (strstr (text, masked));
}

/* The filing form needs no landscape: portrait A4. */
static void
test_export_filing_portrait (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPrintOperation) op = NULL;
  g_autofree char *path = tmp_path (fixture, "filing.pdf");
  g_autofree char *size = NULL, *text = NULL;
  int pages;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  pages = expected_pages (fixture, TD_FORM_FILING, NULL);
  op = td_print_operation_new (build_form (fixture, TD_FORM_FILING, NULL));
  g_assert_cmpint (gtk_page_setup_get_orientation (
                     gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (op))),
                   ==, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_assert_true (td_print_operation_export (op, path, &error));
  g_assert_no_error (error);
  if (!td_test_have_tool ("pdftotext"))
    return;
  g_assert_cmpint (pdf_pages (path), ==, pages);
  size = pdf_info (path, "Page size");
  g_assert_cmpstr (size, ==, "595.276 x 841.89 pts (A4)");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "职业技能培训开班备案表"));
}

/* Settings of a successful run come back in the next operation; the orientation follows
 * the form, not the last run. */
static void
test_settings_restored (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPrintOperation) first = NULL;
  g_autoptr (TdPrintOperation) second = NULL;
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr (GVariant) saved = NULL;
  g_autofree char *path = tmp_path (fixture, "filing.pdf");
  GtkPrintSettings *restored;
  GtkPageSetup *page_setup;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  first = td_print_operation_new (build_form (fixture, TD_FORM_FILING, NULL));
  page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (first));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (page_setup)), ==,
                   GTK_PAPER_NAME_A4);
  gtk_print_settings_set_printer (settings, "Office Laser");
  gtk_print_settings_set_n_copies (settings, 2);
  gtk_print_settings_set_duplex (settings, GTK_PRINT_DUPLEX_VERTICAL);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (first), settings);
  gtk_page_setup_set_top_margin (page_setup, 7, GTK_UNIT_MM);
  g_assert_true (td_print_operation_export (first, path, &error));
  g_assert_no_error (error);
  saved = g_settings_get_value (fixture->settings, "print-settings");
  g_assert_cmpuint (g_variant_n_children (saved), >, 0);

  /* the roster is landscape while the filing form was portrait */
  second = td_print_operation_new (build_form (fixture, TD_FORM_ROSTER, NULL));
  restored = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (second));
  g_assert_nonnull (restored);
  g_assert_cmpstr (gtk_print_settings_get_printer (restored), ==, "Office Laser");
  g_assert_cmpint (gtk_print_settings_get_n_copies (restored), ==, 2);
  g_assert_cmpint (gtk_print_settings_get_duplex (restored), ==, GTK_PRINT_DUPLEX_VERTICAL);
  g_assert_cmpint (gtk_print_settings_get_orientation (restored), ==,
                   GTK_PAGE_ORIENTATION_LANDSCAPE);
  page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (second));
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_MM), 7,
                                  0.01);
  g_assert_cmpint (gtk_page_setup_get_orientation (page_setup), ==,
                   GTK_PAGE_ORIENTATION_LANDSCAPE);
}

/* A file that cannot be written: an error that names it, nothing stored. */
static void
test_export_error (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPrintOperation) op = NULL;
  g_autoptr (GVariant) saved = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "r.pdf", NULL);

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  op = td_print_operation_new (build_form (fixture, TD_FORM_ROSTER, NULL));
  g_assert_false (td_print_operation_export (op, path, &error));
  g_assert_error (error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  saved = g_settings_get_value (fixture->settings, "print-settings");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 0);
}

/* A run for the user that fails shows a dialog over the window that says so. */
static void
test_error_dialog (Fixture *fixture, gconstpointer data)
{
  g_autoptr (TdPrintOperation) op = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "r.pdf", NULL);
  GtkWidget *parent, *dialog;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (parent));
  op = td_print_operation_new (build_form (fixture, TD_FORM_ROSTER, NULL));
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), path);
  td_print_operation_run_for_user (op, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (parent));
  td_test_spin ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "td-error-dialog");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (parent));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The form could not be printed");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   path));
}

/* ---- the print dialog ------------------------------------------------------------ */

static gboolean
named_visible (gpointer root, const char *name)
{
  GtkWidget *widget = td_ui_find_named (GTK_WIDGET (root), name);

  g_assert_nonnull (widget);
  /* the switch sits in its row: the row decides */
  if (GTK_IS_SWITCH (widget))
    widget = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  return gtk_widget_get_visible (widget);
}

static void
select_row (gpointer root, const char *name, guint index)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (td_ui_find_named (GTK_WIDGET (root), name)),
                              index);
  td_test_spin ();
}

/* The options follow the form: id numbers for the lists, sheets and lesson for sign-in. */
static void
test_dialog_options (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TdPrintDialog *dialog;
  g_autoptr (TdForm) one = NULL, each = NULL, multi = NULL;
  g_autoptr (TdFormLayout) one_layout = NULL, each_layout = NULL;
  g_autofree char *text = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  dialog = td_print_dialog_new (NULL, fixture->store, CLASS_CODE);
  gtk_window_present (GTK_WINDOW (dialog));
  td_print_dialog_set_form (dialog, TD_FORM_ROSTER);
  td_test_spin ();
  g_assert_true (named_visible (dialog, "print-full-id"));
  g_assert_false (named_visible (dialog, "print-signin"));
  g_assert_false (named_visible (dialog, "print-lesson"));

  td_print_dialog_set_form (dialog, TD_FORM_SIGNIN);
  td_test_spin ();
  g_assert_false (named_visible (dialog, "print-full-id"));
  g_assert_true (named_visible (dialog, "print-signin"));
  g_assert_false (named_visible (dialog, "print-lesson"));
  each = td_print_dialog_build_form (dialog, &error);
  g_assert_no_error (error);

  select_row (dialog, "print-signin", 0);
  g_assert_true (named_visible (dialog, "print-lesson"));
  select_row (dialog, "print-lesson", 0);
  one = td_print_dialog_build_form (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (td_form_get_title (one), ==, "职业技能培训签到表");
  one_layout = td_form_layout (one, NULL);
  each_layout = td_form_layout (each, NULL);
  /* one sheet per lesson: the class's lessons take more pages than the first alone */
  g_assert_cmpint (td_form_layout_get_n_pages (each_layout), >,
                   td_form_layout_get_n_pages (one_layout));
  text = td_form_layout_get_page_text (one_layout, 0);
  g_assert_nonnull (strstr (text, "2026年6月19日"));

  select_row (dialog, "print-signin", 2);
  g_assert_false (named_visible (dialog, "print-lesson"));
  multi = td_print_dialog_build_form (dialog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (multi);
}

/* Export PDF… with full id numbers: the file holds them, the dialog closes. */
static void
test_dialog_export (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tmp_path (fixture, "roster-full.pdf");
  g_autofree char *text = NULL, *id = NULL, *folder = NULL;
  TdPrintDialog *dialog;
  GtkWidget *full_id;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  dialog = td_print_dialog_new (NULL, fixture->store, CLASS_CODE);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  td_print_dialog_set_form (dialog, TD_FORM_ROSTER);
  full_id = td_ui_find_named (GTK_WIDGET (dialog), "print-full-id");
  gtk_switch_set_active (GTK_SWITCH (full_id), TRUE);
  g_assert_true (td_print_dialog_export_pdf (dialog, path, &error));
  g_assert_no_error (error);
  td_test_spin ();
  g_assert_null (dialog);
  folder = g_settings_get_string (fixture->settings, "last-folder");
  g_assert_cmpstr (folder, ==, fixture->dir);
  if (!td_test_have_tool ("pdftotext"))
    return;
  text = pdf_text (path);
  id = first_id_number (fixture);
  g_assert_nonnull (strstr (text, "职业技能培训学员花名册"));
  g_assert_nonnull (strstr (text, id));
}

/* A folder that is not there: an error, and the dialog stays open. */
static void
test_dialog_export_error (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "none", "x.pdf", NULL);
  TdPrintDialog *dialog;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  dialog = td_print_dialog_new (NULL, fixture->store, CLASS_CODE);
  gtk_window_present (GTK_WINDOW (dialog));
  td_print_dialog_set_form (dialog, TD_FORM_ASSESSMENT);
  g_assert_false (td_print_dialog_export_pdf (dialog, path, &error));
  g_assert_error (error, TD_FILE_ERROR, TD_FILE_ERROR_NOT_WRITABLE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

/* win.print opens the dialog on the form of the page shown. */
static void
test_window_action (Fixture *fixture, gconstpointer data)
{
  g_autoptr (TdClass) klass = NULL;
  TdWindow *window;
  GtkWidget *dialog;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  klass = td_store_get_class_by_code (fixture->store, CLASS_CODE, NULL);
  window = td_window_new (NULL, fixture->store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  td_test_spin ();
  td_window_select_class (window, klass->id);
  td_window_show_page (window, "trainees");
  td_test_spin ();
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "print", NULL);
  td_test_spin ();
  dialog = find_toplevel (TD_TYPE_PRINT_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpint (td_print_dialog_get_form (TD_PRINT_DIALOG (dialog)), ==, TD_FORM_ROSTER);
  gtk_window_destroy (GTK_WINDOW (dialog));

  td_window_show_page (window, "attendance");
  td_test_spin ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "print", NULL);
  td_test_spin ();
  dialog = find_toplevel (TD_TYPE_PRINT_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpint (td_print_dialog_get_form (TD_PRINT_DIALOG (dialog)), ==, TD_FORM_SIGNIN);
}

/* ---- charts --------------------------------------------------------------------- */

static void
assert_file_starts (const char *path, const char *magic, gsize length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_chart_save (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdChart) chart = NULL;
  g_autofree char *png = tmp_path (fixture, "attendance.png");
  g_autofree char *svg = tmp_path (fixture, "attendance.svg");
  g_autofree char *pdf = tmp_path (fixture, "attendance.pdf");
  g_autofree char *bmp = tmp_path (fixture, "attendance.bmp");
  g_autofree char *svg_text = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  chart = td_chart_build (fixture->store, TD_CHART_ATTENDANCE, CLASS_CODE, &error);
  g_assert_no_error (error);
  g_assert_true (td_chart_save (NULL, chart, png, &error));
  g_assert_true (td_chart_save (NULL, chart, svg, &error));
  g_assert_true (td_chart_save (NULL, chart, pdf, &error));
  g_assert_no_error (error);
  assert_file_starts (png, "\x89PNG\r\n\x1a\n", 8);
  assert_file_starts (pdf, "%PDF-", 5);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_false (td_chart_save (NULL, chart, bmp, &error));
  g_assert_error (error, TD_RENDER_ERROR, TD_RENDER_ERROR_FORMAT);
  g_assert_false (g_file_test (bmp, G_FILE_TEST_EXISTS));
}

/* ---- screenshots ------------------------------------------------------------------ */

/* The dialog with the sign-in options shown, for a look in English and Chinese. */
static void
test_screenshot (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = NULL, *path = NULL;
  TdPrintDialog *dialog;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  dir = td_test_shots_dir ();
  dialog = td_print_dialog_new (NULL, fixture->store, CLASS_CODE);
  gtk_window_present (GTK_WINDOW (dialog));
  td_print_dialog_set_form (dialog, TD_FORM_SIGNIN);
  select_row (dialog, "print-signin", 0);
  path = g_build_filename (dir, "print-dialog.png", NULL);
  td_test_save_png (GTK_WIDGET (dialog), path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int argc, char **argv)
{
  int status;

  td_test_init (&argc, &argv, "2026-11-26", NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/print/export/roster", test_export_roster);
  ADD ("/print/export/filing-portrait", test_export_filing_portrait);
  ADD ("/print/export/error", test_export_error);
  ADD ("/print/settings/restored", test_settings_restored);
  ADD ("/print/error-dialog", test_error_dialog);
  ADD ("/print/dialog/options", test_dialog_options);
  ADD ("/print/dialog/export", test_dialog_export);
  ADD ("/print/dialog/export-error", test_dialog_export_error);
  ADD ("/print/window/action", test_window_action);
  ADD ("/print/chart/save", test_chart_save);
  ADD ("/print/screenshot", test_screenshot);
#undef ADD
  status = g_test_run ();
  if (demo_path != NULL && status == 0)
    {
      g_autofree char *dir = g_path_get_dirname (demo_path);

      td_test_remove_tree (dir);
    }
  g_free (demo_path);
  return status;
}
