/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of the roster import dialog, driven without the file chooser: a CSV file
 * of 3 good and 2 bad rows is previewed (the bad rows marked, with the library's reasons),
 * the good rows imported, an import cancelled halfway (the roster unchanged), a file
 * refused; the roster exported again; a screenshot of the preview. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "core/td-i18n.h"
#include "core/td-idnumber.h"
#include "ui/td-import-dialog.h"
#include "ui/td-table-export-dialog.h"
#include "ui/td-trainee-page.h"
#include "ui/td-ui-util.h"
#include "../test-listing.h"
#include "ui-test-util.h"
#include "ui/td-window.h"
#include "table/td-table-export.h"

typedef struct
{
  char *dir;
  TdStore *store;
  TdClass *klass;
  char *ids[4];                 /* the good rows' id numbers, and the fourth (bad) row's */
  char *csv;                    /* the path of the file with 3 good and 2 bad rows */
  TdImportDialog *dialog;
} Fixture;


/* ---- helpers -------------------------------------------------------------------- */

static char *
make_id (const char *seventeen)
{
  return g_strdup_printf ("%s%c", seventeen, td_id_number_check_char (seventeen));
}

static void
add_catalog (TdStore *store)
{
  g_autoptr (TdCatalog) catalog = td_catalog_new ();
  g_autoptr (GBytes) source = g_bytes_new_static ("<Catalog/>", 10);
  g_autoptr (GError) error = NULL;

  catalog->version = g_strdup ("2026-1");
  g_strlcpy (catalog->effective, "2026-01-01", sizeof catalog->effective);
  catalog->rules.min_class_size = 1;
  catalog->rules.max_class_size = 60;
  catalog->rules.min_age = 16;
  catalog->rules.max_age = 60;
  td_calendar_add_year (catalog->calendar, 2026);
  g_assert_true (td_store_add_catalog (store, catalog, source, &error));
  g_assert_no_error (error);
}

static TdClass *
add_class (TdStore *store)
{
  g_autoptr (TdClass) klass = td_class_new ();
  g_autoptr (GError) error = NULL;

  klass->code = g_strdup ("LC2026-001");
  klass->title = g_strdup ("中式面点师（五级）");
  klass->catalog_version = g_strdup ("2026-1");
  klass->item_code = g_strdup ("6-02-01-01");
  klass->item_name = g_strdup ("中式面点师");
  klass->level = 5;
  g_strlcpy (klass->training_type, "01", sizeof klass->training_type);
  g_strlcpy (klass->special_action, "01", sizeof klass->special_action);
  klass->mode = 1;
  g_strlcpy (klass->start_date, "2026-12-01", sizeof klass->start_date);
  g_strlcpy (klass->end_date, "2026-12-20", sizeof klass->end_date);
  klass->planned_theory = 40;
  klass->planned_practice = 80;
  klass->planned_size = 40;
  g_strlcpy (klass->venue_region, "371502", sizeof klass->venue_region);
  klass->venue_address = g_strdup ("东昌府区柳园路 1 号");
  klass->certificate = 2;
  klass->assessment_method = g_strdup ("理论+实操");
  g_assert_true (td_store_save_class (store, klass, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&klass);
}

/* Lines 2, 4 and 5 are good; line 3 has a wrong check digit, line 6 a short mobile number
 * and an unknown level of education.  Column 7 is not a roster column. */
static char *
write_csv (Fixture *f)
{
  g_autofree char *text = g_strdup_printf (
    "姓名,身份证号码,手机号码,文化程度,人员类别,同意日期,备注\n"
    "张三,%s,13800138000,高中,01,2026-11-02,\n"
    "李四,371502199001011235,13800138001,高中,01,2026-11-02,\n"
    "王五,%s,13800138002,初中,农民工,2026-11-03,\n"
    "赵六,%s,13800138003,大专,03,2026-11-04,老学员\n"
    "钱七,%s,1380013800,大学,01,2026-11-02,\n",
    f->ids[0], f->ids[1], f->ids[2], f->ids[3]);
  char *path = g_build_filename (f->dir, "roster.csv", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;

  if (!td_test_have_display ())
    return;
  f->dir = td_test_make_dir ("td-import-XXXXXX");
  db = g_build_filename (f->dir, "td.db", NULL);
  f->store = td_store_open (db, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add_catalog (f->store);
  f->klass = add_class (f->store);
  f->ids[0] = make_id ("37150219900101123");
  f->ids[1] = make_id ("37152119851215002");
  f->ids[2] = make_id ("11010119980707201");
  f->ids[3] = make_id ("37150219920505331");
  f->csv = write_csv (f);
  f->dialog = td_import_dialog_new (NULL, f->store, f->klass->id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->dialog));
  td_test_settle (20, 5000);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  td_test_spin ();
  g_clear_object (&f->store);
  td_class_free (f->klass);
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    g_free (f->ids[i]);
  g_free (f->csv);
  td_test_remove_tree (f->dir);
  g_free (f->dir);
}

static const char *
label_text (Fixture *f, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (td_test_find (f->dialog, name)));
}

static void
load (Fixture *f, const char *path)
{
  td_import_dialog_load_file (f->dialog, path);
  for (int i = 0; i < 1000 && td_import_dialog_is_busy (f->dialog); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_false (td_import_dialog_is_busy (f->dialog));
  td_test_settle (20, 5000);
}

/* The labels named @name drawn in the preview, top to bottom. */
static void
collect_cells (GtkWidget *root, const char *name, GPtrArray *out)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, name, out);
}

static GPtrArray *
cells (Fixture *f, const char *name)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_cells (td_test_find (f->dialog, "preview_view"), name, out);
  return out;
}

static GPtrArray *
roster (Fixture *f)
{
  return td_store_list_enrolments (f->store, f->klass->id, NULL);
}

static const char problems_line3[] =
  "Line 3, column 2 (身份证号码): The check digit should be 4, not 5.";
static const char problems_line6[] =
  "Line 6, column 3 (手机号码): A mobile number has 11 digits; this one has 10.\n"
  "Line 6, column 4 (文化程度): “大学” is not a level of education.";

/* ---- tests --------------------------------------------------------------------- */

static void
test_preview (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  GString *bad = g_string_new (NULL);

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  load (f, f->csv);
  g_assert_cmpstr (label_text (f, "summary_label"), ==, "5 rows: 3 good, 2 with problems");
  g_assert_cmpstr (label_text (f, "notices_label"), ==,
                   "Column 7 (备注) is not a roster column: ignored.");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (td_test_find (f->dialog, "import_button"))), ==,
                   "_Import the 3 Good Rows");
  g_assert_true (gtk_widget_get_sensitive (td_test_find (f->dialog, "import_button")));

  lines = cells (f, "cell-line");
  problems = cells (f, "cell-problems");
  g_assert_cmpuint (lines->len, ==, 5);
  g_assert_cmpuint (problems->len, ==, 5);
  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *line = g_ptr_array_index (lines, i);
      GtkWidget *problem = g_ptr_array_index (problems, i);
      gboolean marked = gtk_widget_has_css_class (line, "td-import-bad");

      g_assert_cmpint (marked, ==, gtk_widget_has_css_class (problem, "td-import-bad"));
      if (marked)
        g_string_append_printf (bad, "%s|", gtk_label_get_text (GTK_LABEL (line)));
      if (g_str_equal (gtk_label_get_text (GTK_LABEL (line)), "3"))
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==, problems_line3);
      else if (g_str_equal (gtk_label_get_text (GTK_LABEL (line)), "6"))
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==, problems_line6);
      else
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==, "");
    }
  g_assert_cmpstr (bad->str, ==, "3|6|");
  g_string_free (bad, TRUE);

  /* only the rows with problems */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (td_test_find (f->dialog, "problems_only")), TRUE);
  td_test_settle (20, 5000);
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = cells (f, "cell-line");
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (g_ptr_array_index (lines, 1))), ==, "6");
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  const TdTableOptions show_id = { .show_id = TRUE };
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *export = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  const char *names[] = { "张三", "王五", "赵六" };

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  load (f, f->csv);
  td_test_press (f->dialog, "import_button");
  g_assert_cmpuint (td_import_dialog_get_n_imported (f->dialog), ==, 3);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (list, i);

      g_assert_cmpstr (e->trainee.name, ==, names[i]);
      g_assert_cmpint (e->position, ==, (int) i + 1);
    }
  g_assert_cmpstr (((TdEnrolment *) g_ptr_array_index (list, 1))->categories, ==, "01");
  g_assert_null (td_store_find_trainee (f->store, f->ids[3], &lerr));
  g_assert_no_error (lerr);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (td_test_find (f->dialog, "done_page"))), ==,
                   "3 trainees imported");
  g_assert_false (gtk_widget_get_visible (td_test_find (f->dialog, "import_button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (td_test_find (f->dialog, "cancel_button"))), ==,
                   "_Close");

  /* the roster as a spreadsheet again, ids in full as chosen */
  export = g_build_filename (f->dir, "out.csv", NULL);
  g_assert_true (td_table_export_dialog_write (GTK_WINDOW (f->dialog), f->store,
                                               f->klass->code, TD_EXPORT_ROSTER, export,
                                               &show_id, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (export, &text, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (strstr (text, names[i]));
  g_assert_nonnull (strstr (text, f->ids[0]));
  g_assert_null (strstr (text, "李四"));
}

/* The export chooser as a user on Windows fills it in: a name with Chinese characters and a
 * space and no suffix, the CSV filter, and each encoding Excel opens (the GBK one with id
 * numbers in full).  UTF-8 starts with a byte order mark, GBK has none; CRLF either way. */
static void
test_export_chosen_csv (Fixture *f, gconstpointer data)
{
  const char *encodings[] = { "utf-8", "gbk" };
  const char *ticked[] = { "false", "true" };

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  load (f, f->csv);
  td_test_press (f->dialog, "import_button");
  g_assert_cmpuint (td_import_dialog_get_n_imported (f->dialog), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr (GtkFileChooserNative) chooser = td_table_export_chooser_new (
        GTK_WINDOW (f->dialog), f->klass->code, TD_EXPORT_ROSTER);
      GtkFileChooser *fc = GTK_FILE_CHOOSER (chooser);
      g_autoptr (GListModel) filters = gtk_file_chooser_get_filters (fc);
      g_autoptr (GtkFileFilter) csv = g_list_model_get_item (filters, 1);
      g_autofree char *name = g_strdup_printf ("花名册 %s", encodings[i]);
      g_autofree char *chosen = g_build_filename (f->dir, name, NULL);
      g_autofree char *written = g_strconcat (chosen, ".csv", NULL);
      g_autoptr (GFile) file = g_file_new_for_path (chosen);
      g_autoptr (GError) error = NULL;
      g_autofree char *bytes = NULL;
      g_autofree char *text = NULL;
      gsize len = 0;

      g_assert_cmpstr (gtk_file_filter_get_name (csv), ==, "CSV file (.csv)");
      gtk_file_chooser_set_filter (fc, csv);
      g_assert_cmpstr (gtk_file_chooser_get_choice (fc, "gbk"), ==, "false");
      g_assert_cmpstr (gtk_file_chooser_get_choice (fc, "full-id"), ==, "false");
      gtk_file_chooser_set_choice (fc, "gbk", ticked[i]);
      gtk_file_chooser_set_choice (fc, "full-id", ticked[i]);
      g_assert_cmpstr (gtk_file_chooser_get_choice (fc, "gbk"), ==, ticked[i]);
      g_assert_true (td_table_export_dialog_save_chosen (GTK_WINDOW (f->dialog), f->store,
                                                         f->klass->code, TD_EXPORT_ROSTER, fc,
                                                         file, &error));
      g_assert_no_error (error);
      if (!g_file_get_contents (written, &bytes, &len, NULL))
        g_error ("not written: %s (the folder holds: %s)", written, test_listing (f->dir));
      if (i == 0)
        {
          g_assert_true (g_str_has_prefix (bytes, "\xEF\xBB\xBF"));
          text = g_strndup (bytes + 3, len - 3);
        }
      else
        {
          g_assert_false (g_str_has_prefix (bytes, "\xEF\xBB\xBF"));
          g_assert_false (g_utf8_validate (bytes, (gssize) len, NULL));
          text = g_convert (bytes, (gssize) len, "UTF-8", "GBK", NULL, NULL, &error);
          g_assert_no_error (error);
        }
      /* 张三 is the first row; id numbers masked unless ticked */
      g_assert_true (g_str_has_prefix (text, "序号,姓名,身份证号码,"));
      g_assert_nonnull (strstr (text, "\r\n1,张三,"));
      if (i == 0)
        g_assert_null (strstr (text, f->ids[0]));
      else
        g_assert_nonnull (strstr (text, f->ids[0]));
      for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
        g_assert_cmpint (p[-1], ==, '\r');
    }
}

/* Cancel is pressed after the second of the three rows is stored. */
static void
on_progress (TdImportDialog *dialog, guint done, guint total, Fixture *f)
{
  g_assert_cmpuint (total, ==, 3);
  if (done == 2)
    td_test_press (f->dialog, "cancel_button");
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gulong handler;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  load (f, f->csv);
  handler = g_signal_connect (f->dialog, "progress", G_CALLBACK (on_progress), f);
  td_test_press (f->dialog, "import_button");
  g_signal_handler_disconnect (f->dialog, handler);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (td_store_find_trainee (f->store, f->ids[0], &lerr));
  g_assert_no_error (lerr);
  g_assert_null (td_store_find_trainee (f->store, f->ids[1], &lerr));
  g_assert_no_error (lerr);
  g_assert_cmpuint (td_import_dialog_get_n_imported (f->dialog), ==, 0);
  /* the dialog is still open on the preview, and the import can be done after all */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->dialog)));
  g_assert_true (gtk_widget_get_sensitive (td_test_find (f->dialog, "import_button")));
  g_assert_false (gtk_widget_get_visible (td_test_find (f->dialog, "progress_bar")));
  td_test_press (f->dialog, "import_button");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 3);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f != NULL && f->dir != NULL ? f->dir : ".",
                                            "notes.csv", NULL);

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  g_assert_true (g_file_set_contents (path, "备注,日期\n带身份证,2026-11-02\n", -1, NULL));
  load (f, path);
  g_assert_true (gtk_widget_get_visible (td_test_find (f->dialog, "error_label")));
  g_assert_cmpstr (label_text (f, "error_label"), ==,
                   "notes.csv cannot be imported: No header row: none of the first rows names "
                   "the roster's columns (姓名, 身份证号码, 手机号码, 文化程度, 人员类别, "
                   "同意日期 …).");
  g_assert_false (gtk_widget_get_sensitive (td_test_find (f->dialog, "import_button")));
  g_remove (path);
}

static void
make_institution (TdStore *store)
{
  g_autoptr (TdInstitution) inst = td_institution_new ();
  g_autoptr (GError) error = NULL;

  inst->credit_code = g_strdup ("91371500MA3C5XXK0L");
  inst->name = g_strdup ("聊城市东昌府区示范职业培训学校");
  inst->region = g_strdup ("371502");
  inst->contact_name = g_strdup ("李明");
  inst->contact_phone = g_strdup ("0635-8212345");
  inst->legal_rep = g_strdup ("王芳");
  g_assert_true (td_store_save_institution (store, inst, &error));
  g_assert_no_error (error);
}

static TdImportDialog *
other_dialog (Fixture *f)
{
  GListModel *list = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (list, i);

      if (TD_IS_IMPORT_DIALOG (window) && (gpointer) window != (gpointer) f->dialog
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TD_IMPORT_DIALOG (window);
    }
  return NULL;
}

/* Ctrl+I in the main window: the dialog for the class its chooser shows; after the import
 * the roster page lists the new trainees. */
static void
test_window_action (Fixture *f, gconstpointer data)
{
  TdWindow *window;
  TdPage *page;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  make_institution (f->store);
  window = td_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  td_window_show_page (window, "trainees");
  td_test_settle (20, 5000);
  g_assert_cmpint (td_window_get_class_id (window), ==, f->klass->id);
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  f->dialog = NULL;
  td_test_spin ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "import-roster", NULL);
  td_test_settle (20, 5000);
  f->dialog = other_dialog (f);
  g_assert_nonnull (f->dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->dialog)));
  load (f, f->csv);
  td_test_press (f->dialog, "import_button");
  page = td_window_get_page (window, "trainees");
  g_assert_cmpuint (g_list_model_get_n_items (
                      td_trainee_page_get_roster_model (TD_TRAINEE_PAGE (page))), ==, 3);
  td_test_press (f->dialog, "cancel_button");       /* "Close" */
  td_test_settle (20, 5000);
  g_assert_null (other_dialog (f));
  f->dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_spin ();
}

/* The template (.xlsx) as a file to import: its example row is refused with its reason. */
static void
test_template (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  path = g_build_filename (f->dir, "template.xlsx", NULL);
  g_assert_true (td_roster_write_template (path, &error));
  g_assert_no_error (error);
  load (f, path);
  g_assert_cmpstr (label_text (f, "summary_label"), ==, "1 row: 0 good, 1 with problems");
  g_assert_false (gtk_widget_get_sensitive (td_test_find (f->dialog, "import_button")));
  lines = cells (f, "cell-line");
  problems = cells (f, "cell-problems");
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (g_ptr_array_index (lines, 0))), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (g_ptr_array_index (problems, 0))), ==,
                   "Row 2: This is the template's example row: delete it.");
}

/* A long file: the progress bar moves while rows are stored; Cancel halfway stores none. */
static void
on_long_progress (TdImportDialog *dialog, guint done, guint total, Fixture *f)
{
  GtkProgressBar *bar = GTK_PROGRESS_BAR (td_test_find (f->dialog, "progress_bar"));

  g_assert_cmpuint (total, ==, 1500);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  if (done == 1000)
    {
      g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), >, 0.0);
      g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), <=, 1000.0 / 1500);
      td_test_press (f->dialog, "cancel_button");
    }
}

static void
test_long (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  GString *csv = g_string_new ("姓名,身份证号码,手机号码,文化程度,人员类别,同意日期\n");
  g_autofree char *path = g_build_filename (f->dir, "long.csv", NULL);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  f->klass->planned_size = 0;    /* no room limit */
  g_assert_true (td_store_save_class (f->store, f->klass, &error));
  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *seventeen = g_strdup_printf ("3715021990%02u%02u%03u", 1 + i / 28 % 12,
                                                    1 + i % 28, i % 1000);
      g_autofree char *id = make_id (seventeen);

      g_string_append_printf (csv, "学员,%s,138%08u,高中,01,2026-11-02\n", id, i);
    }
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  g_string_free (csv, TRUE);
  start = g_get_monotonic_time ();
  load (f, path);
  g_test_message ("1500 rows read and checked in %.2f s",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpstr (label_text (f, "summary_label"), ==, "1500 rows, all good.");
  g_signal_connect (f->dialog, "progress", G_CALLBACK (on_long_progress), f);
  start = g_get_monotonic_time ();
  td_test_press (f->dialog, "import_button");
  g_test_message ("1000 rows stored, then rolled back, in %.2f s",
                  (g_get_monotonic_time () - start) / 1e6);
  list = roster (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpint (td_store_count_trainees (f->store, &lerr), ==, 0);
  g_assert_no_error (lerr);
}

/* ---- screenshot ---------------------------------------------------------------- */

static void
test_screenshot (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  dir = td_test_shots_dir ();
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "import-choose.png", "import-dialog.png", "import-done.png" };
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (i == 1)
        load (f, f->csv);
      else if (i == 2)
        td_test_press (f->dialog, "import_button");
      td_test_save_png (gtk_widget_get_first_child (GTK_WIDGET (f->dialog)), path);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_test_message ("%s", path);
    }
}

/* The names of the file types @chooser offers, "; "-separated. */
static char *
chooser_filters (GtkWindow *chooser)
{
  g_autoptr (GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr (GtkFileFilter) filter = g_list_model_get_item (filters, i);
      g_string_append_printf (names, "%s%s", i > 0 ? "; " : "", gtk_file_filter_get_name (filter));
    }
  return g_string_free (names, FALSE);
}

/* Choose a File… opens a chooser for rosters (cancelled: nothing read); the dialog closed
 * while it reads a file goes as soon as the reading stops, the roster untouched. */
static void
test_choose_and_close (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  g_autofree char *filters = NULL;
  GtkWindow *chooser;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  if (td_test_file_chooser_answerable ())
    {
      td_test_press (f->dialog, "choose_button");
      chooser = td_test_file_chooser ();
      g_assert_nonnull (chooser);
      g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Choose a Roster File");
      g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (f->dialog));
      filters = chooser_filters (chooser);
      g_assert_cmpstr (filters, ==,
                       "Rosters (.xlsx, .csv); Excel workbook (.xlsx); CSV file (.csv)");
      g_free (td_test_answer_file_chooser (NULL));
      g_assert_false (td_import_dialog_is_busy (f->dialog));
      g_assert_true (gtk_widget_get_mapped (td_test_find (f->dialog, "choose_button")));
    }

  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  td_import_dialog_load_file (f->dialog, f->csv);
  g_assert_true (td_import_dialog_is_busy (f->dialog));
  gtk_window_close (GTK_WINDOW (f->dialog));
  g_assert_nonnull (f->dialog);     /* it waits for the reading */
  for (int i = 0; i < 2000 && f->dialog != NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (f->dialog);
  roster = td_store_list_enrolments (f->store, f->klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roster->len, ==, 0);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, "2026-11-26", NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/import/preview", test_preview);
  ADD ("/ui/import/import", test_import);
  ADD ("/ui/import/cancel", test_cancel);
  ADD ("/ui/import/refused", test_refused);
  ADD ("/ui/import/template", test_template);
  ADD ("/ui/import/export-chosen-csv", test_export_chosen_csv);
  ADD ("/ui/import/long", test_long);
  ADD ("/ui/import/window-action", test_window_action);
  ADD ("/ui/import/screenshot", test_screenshot);
  ADD ("/ui/import/choose-and-close", test_choose_and_close);
#undef ADD
  return g_test_run ();
}
