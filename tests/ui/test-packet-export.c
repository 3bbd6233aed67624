/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of exporting from the main window on the demo institution (TD_TODAY
 * 2026-11-26): Ctrl+E (win.export) exports the current page's packet of the current class;
 * a teacher of the filing form edited and saved; the Trainees, Subsidy and Overview pages'
 * spreadsheet, template and chart buttons.  PNGs of what changed go to ui-shots/. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/td-i18n.h"
#include "core/td-idnumber.h"
#include "packet/td-catalog-import.h"
#include "packet/td-demo.h"
#include "ui/td-packet-export.h"
#include "ui/td-ui-util.h"
#include "ui-test-util.h"
#include "ui/td-window.h"

#define TODAY "2026-11-26"
#define NOW "2026-11-26T17:00:00+08:00"
#define RUNNING_CLASS "DG2026-021"   /* attendance pending */

/* the demo window (ui-test-util) */
typedef TdTestDemo Fixture;

/* ---- win.export ------------------------------------------------------------------- */

static guint
chosen_kind (GtkWindow *dialog)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (td_test_find (dialog, "export-kind")));
}

static void
test_export_default_kinds (Fixture *f, gconstpointer data)
{
  static const struct { const char *page; TdPacketKind kind; guint index; } pages[] = {
    { "classes", TD_KIND_FILING, 0 }, { "trainees", TD_KIND_ROSTER, 1 },
    { "attendance", TD_KIND_ATTENDANCE, 2 }, { "assessment", TD_KIND_ASSESSMENT, 3 },
    { "follow-up", TD_KIND_FOLLOWUP, 4 }, { "subsidy", TD_KIND_CLAIM, 5 },
    { "overview", TD_KIND_FILING, 0 },
  };

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  td_test_show_page (f->window, f->store, "classes", RUNNING_CLASS);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWindow *dialog;
      GListModel *labels;
      g_autoptr (GtkStringObject) label = NULL;

      g_assert_cmpint (td_packet_export_kind_for_page (pages[i].page), ==, pages[i].kind);
      td_test_show_page (f->window, f->store, pages[i].page, NULL);
      td_test_activate (f->window, "export", NULL);
      dialog = td_test_toplevel ("td-export-kind-dialog");
      g_assert_nonnull (dialog);
      g_assert_cmpuint (chosen_kind (dialog), ==, pages[i].index);
      labels = adw_combo_row_get_model (ADW_COMBO_ROW (td_test_find (dialog, "export-kind")));
      g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 7);
      label = g_list_model_get_item (labels, pages[i].index);
      g_assert_cmpstr (gtk_string_object_get_string (label), ==,
                       td_packet_kind_label (pages[i].kind));
      gtk_window_destroy (dialog);
      td_test_spin ();
    }
  /* the Submissions page exports its own kind: no chooser, straight to the file */
  if (!td_test_file_chooser_answerable ())
    return;
  td_test_show_page (f->window, f->store, "submissions", NULL);
  td_test_activate (f->window, "export", NULL);
  g_assert_null (td_test_toplevel ("td-export-kind-dialog"));
  g_free (td_test_answer_file_chooser (NULL));
}

static void
test_export_attendance (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *path = NULL, *suggested = NULL;
  g_autoptr (GPtrArray) before = NULL, after = NULL;
  GtkWindow *dialog;
  const TdPacketLog *log;
  gint64 cid;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  cid = td_test_class_id (f->store, RUNNING_CLASS);
  before = td_store_list_packets (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  td_test_show_page (f->window, f->store, "attendance", RUNNING_CLASS);
  td_test_activate (f->window, "export", NULL);
  dialog = td_test_toplevel ("td-export-kind-dialog");
  g_assert_nonnull (dialog);
  g_assert_cmpuint (chosen_kind (dialog), ==, 2);
  td_test_write_shot (GTK_WIDGET (dialog), "gaps-export-kind");
  if (!td_test_file_chooser_answerable ())
    return;
  td_test_press (dialog, "dialog-ok");
  g_assert_null (td_test_toplevel ("td-export-kind-dialog"));
  path = g_build_filename (f->dir, "attendance.xml", NULL);
  suggested = td_test_answer_file_chooser (path);
  g_test_message ("suggested %s", suggested);
  g_assert_true (g_str_has_suffix (suggested, ".xml"));
  g_assert_nonnull (strstr (suggested, RUNNING_CLASS));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  after = td_store_list_packets (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  log = g_ptr_array_index (after, 0);   /* newest first */
  g_assert_cmpint (log->kind, ==, TD_KIND_ATTENDANCE);
  g_assert_cmpint (log->status, ==, TD_PACKET_SENT);
  g_assert_cmpstr (log->file, ==, path);
}

/* ---- a teacher edited ------------------------------------------------------------ */

/* Scrolls the form so that @widget is near the top (for the screenshot). */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroll = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroll));
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  gtk_adjustment_set_value (adj, y - 200);
  td_test_spin ();
}

static const TdTeacher *
teacher (GPtrArray *teachers, const char *tid)
{
  for (guint i = 0; i < teachers->len; i++)
    if (g_strcmp0 (((TdTeacher *) g_ptr_array_index (teachers, i))->tid, tid) == 0)
      return g_ptr_array_index (teachers, i);
  g_error ("no teacher %s", tid);
  return NULL;
}

static void
test_edit_teacher (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) before = NULL, after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bad = NULL, *good = NULL;
  GtkWindow *dialog;
  GtkWidget *message;
  gint64 cid;
  guint n_lessons;
  char check;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  cid = td_test_class_id (f->store, RUNNING_CLASS);
  before = td_store_list_teachers (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  {
    g_autoptr (GPtrArray) lessons = td_store_list_lessons (f->store, cid, &lerr);
    g_assert_no_error (lerr);
    n_lessons = lessons->len;
    g_assert_cmpuint (n_lessons, >, 0);
  }
  td_test_show_page (f->window, f->store, "classes", RUNNING_CLASS);
  td_test_press (f->window, "edit_teacher_T2");
  dialog = td_test_toplevel ("td-teacher-dialog");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Teacher");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (td_test_find (dialog, "teacher-name"))), ==,
                   teacher (before, "T2")->name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (td_test_find (dialog, "teacher-id"))), ==,
                   teacher (before, "T2")->id_number);
  /* a wrong check digit is refused and the dialog stays */
  check = td_id_number_check_char ("37150219850315002");
  bad = g_strdup_printf ("37150219850315002%c", check == '1' ? '2' : '1');
  good = g_strdup_printf ("37150219850315002%c", check);
  td_test_type_text (dialog, "teacher-name", "李新华");
  td_test_type_text (dialog, "teacher-id", bad);
  td_test_press (dialog, "dialog-ok");
  g_assert_true (td_test_toplevel ("td-teacher-dialog") == dialog);
  message = td_test_find (dialog, "teacher-message");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  g_test_message ("refused: %s", gtk_label_get_text (GTK_LABEL (message)));
  {
    g_autofree char *expected = g_strdup_printf ("The check digit should be %c, not %c.", check,
                                                 bad[17]);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==, expected);
  }
  td_test_write_shot (GTK_WIDGET (dialog), "gaps-edit-teacher");
  td_test_type_text (dialog, "teacher-id", good);
  td_test_type_text (dialog, "teacher-qualification", "电工技师 20241234");
  td_test_press (dialog, "dialog-ok");
  g_assert_null (td_test_toplevel ("td-teacher-dialog"));
  scroll_to (td_test_find (f->window, "edit_teacher_T2"));
  td_test_write_shot (GTK_WIDGET (f->window), "gaps-class-teachers");
  td_test_activate (f->window, "save", NULL);
  if (td_test_toplevel ("td-error-dialog") != NULL)
    g_test_message ("save: %s", adw_message_dialog_get_body (
                                  ADW_MESSAGE_DIALOG (td_test_toplevel ("td-error-dialog"))));
  g_assert_null (td_test_toplevel ("td-error-dialog"));
  after = td_store_list_teachers (f->store, cid, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpstr (teacher (after, "T2")->name, ==, "李新华");
  g_assert_cmpstr (teacher (after, "T2")->id_number, ==, good);
  g_assert_cmpstr (teacher (after, "T2")->qualification, ==, "电工技师 20241234");
  /* the other teacher is as before */
  g_assert_cmpstr (teacher (after, "T1")->name, ==, teacher (before, "T1")->name);
  g_assert_cmpstr (teacher (after, "T1")->id_number, ==, teacher (before, "T1")->id_number);
  /* the lessons of a class with attendance were kept */
  {
    g_autoptr (GPtrArray) lessons = td_store_list_lessons (f->store, cid, &lerr);
    g_assert_no_error (lerr);
    g_assert_cmpuint (lessons->len, ==, n_lessons);
  }
}

/* ---- the pages' export buttons ----------------------------------------------------- */

/* Presses @button on the page shown, saves to @file in the test folder; returns the name the
 * chooser suggested. */
static char *
save_through (Fixture *f, const char *button, const char *file)
{
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  char *suggested;
  goffset size;

  td_test_press (f->window, button);
  suggested = td_test_answer_file_chooser (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr (GFile) gf = g_file_new_for_path (path);
    g_autoptr (GFileInfo) info = g_file_query_info (gf, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL,
                                                    NULL);
    size = g_file_info_get_size (info);
  }
  g_test_message ("%s: suggested %s, wrote %s (%" G_GOFFSET_FORMAT " bytes)", button, suggested,
                  file, size);
  g_assert_cmpint (size, >, 0);
  return suggested;
}

static void
assert_action (Fixture *f, const char *button, const char *action, const char *target)
{
  GtkActionable *actionable = GTK_ACTIONABLE (td_test_find (f->window, button));
  GVariant *value = gtk_actionable_get_action_target_value (actionable);

  g_assert_cmpstr (gtk_actionable_get_action_name (actionable), ==, action);
  if (target == NULL)
    g_assert_null (value);
  else
    g_assert_cmpstr (g_variant_get_string (value, NULL), ==, target);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (actionable)));
}

static void
test_page_buttons (Fixture *f, gconstpointer data)
{
  g_autofree char *roster = NULL, *template = NULL, *claim = NULL, *chart = NULL;
  g_autofree char *csv = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  td_test_show_page (f->window, f->store, "trainees", RUNNING_CLASS);
  assert_action (f, "roster_template_button", "win.roster-template", NULL);
  assert_action (f, "export_roster_button", "win.export-table", "roster");
  td_test_write_shot (GTK_WIDGET (f->window), "gaps-trainee-buttons");
  if (!td_test_file_chooser_answerable ())
    return;
  template = save_through (f, "roster_template_button", "template.xlsx");
  roster = save_through (f, "export_roster_button", "roster.csv");
  {
    g_autofree char *csv_path = g_build_filename (f->dir, "roster.csv", NULL);
    g_auto (GStrv) lines = NULL;

    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    lines = g_strsplit (g_strchomp (csv), "\n", -1);
    g_test_message ("roster.csv: %u lines, first %s", g_strv_length (lines), lines[0]);
    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 30);   /* header, 30 enrolled */
  }
  td_test_show_page (f->window, f->store, "subsidy", "CY2026-004");
  assert_action (f, "export_claim_button", "win.export-table", "claim");
  td_test_write_shot (GTK_WIDGET (f->window), "gaps-subsidy-button");
  claim = save_through (f, "export_claim_button", "claim.xlsx");
  td_test_show_page (f->window, f->store, "overview", NULL);
  td_test_write_shot (GTK_WIDGET (f->window), "gaps-overview-charts");
  chart = save_through (f, "outcome_chart_save", "outcomes.png");
  g_assert_cmpstr (chart, ==, "outcomes.png");
  g_free (chart);
  chart = save_through (f, "status_chart_save", "status.svg");
  g_assert_cmpstr (chart, ==, "classes-by-status.png");
}

/* ---- main ------------------------------------------------------------------------- */

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, TODAY, NOW);
  td_test_set_spin (10, 5000);   /* file choosers and dialogs come and go */
  g_test_add ("/ui/packet-export/export-default-kinds", Fixture, NULL, td_test_demo_set_up,
              test_export_default_kinds, td_test_demo_tear_down);
  g_test_add ("/ui/packet-export/export-attendance", Fixture, NULL, td_test_demo_set_up,
              test_export_attendance, td_test_demo_tear_down);
  g_test_add ("/ui/packet-export/edit-teacher", Fixture, NULL, td_test_demo_set_up, test_edit_teacher,
              td_test_demo_tear_down);
  g_test_add ("/ui/packet-export/page-buttons", Fixture, NULL, td_test_demo_set_up, test_page_buttons,
              td_test_demo_tear_down);
  return g_test_run ();
}
