/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests: a database that cannot be read — locked by another program, or damaged
 * after it was opened — makes every page say so, never show an empty list ("no trainees",
 * "no classes yet").  The demo institution at 2026-06-15. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "packet/td-packet-import.h"
#include "packet/td-receipt.h"
#include "packet/td-validator.h"
#include "ui/td-assessment-page.h"
#include "ui/td-attendance-page.h"
#include "ui/td-class-page.h"
#include "ui/td-follow-up-page.h"
#include "ui/td-overview-page.h"
#include "ui/td-print-dialog.h"
#include "ui/td-settings-page.h"
#include "ui/td-sheet-import-ui.h"
#include "ui/td-submissions-page.h"
#include "ui/td-subsidy-page.h"
#include "ui/td-trainee-page.h"
#include "ui/td-window.h"
#include "ui-test-util.h"

#define LOCKED "The database is in use by another program and cannot be read now."
#define DAMAGED "is damaged"

typedef struct
{
  char *dir;
  char *path;
  gint64 class_id;              /* the running class DG2026-021 */
  TdStore *store;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (TdStore) demo = NULL;
  g_autoptr (TdClass) k = NULL;
  g_autoptr (GError) error = NULL;

  if (!td_test_have_display ())
    return;
  f->dir = td_test_make_dir ("td-store-error-XXXXXX");
  f->path = g_build_filename (f->dir, "td.db", NULL);
  demo = td_test_store_new (f->dir, "td.db", TRUE);
  k = td_store_get_class_by_code (demo, "DG2026-021", &error);
  g_assert_no_error (error);
  f->class_id = k->id;
  g_clear_object (&demo);   /* closed: its log is folded into the file */
  /* A rollback journal, as on a network drive: there a program that writes keeps the others
   * from reading, which is the case to show.  Read-only, so the store leaves it so. */
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (db);
  }
  f->store = td_store_open (f->path, TD_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  td_store_set_busy_timeout (f->store, 50);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1146, 700);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  gtk_window_destroy (f->window);
  td_test_spin ();
  g_clear_object (&f->store);
  td_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Every page but Settings, which stays usable (backup, another file) and says it inline. */
static GType
page_type (guint i)
{
  GType (*const types[]) (void) = {
    td_overview_page_get_type, td_class_page_get_type, td_trainee_page_get_type,
    td_attendance_page_get_type, td_assessment_page_get_type, td_follow_up_page_get_type,
    td_subsidy_page_get_type, td_submissions_page_get_type, NULL,
  };

  return types[i] != NULL ? types[i] () : G_TYPE_INVALID;
}

/* Each page shown on the store of @f with the running class: it reports @message. */
static void
assert_pages_say (Fixture *f, const char *message)
{
  for (guint i = 0; page_type (i) != G_TYPE_INVALID; i++)
    {
      GtkWidget *page = g_object_new (page_type (i), NULL);
      const char *said;

      gtk_window_set_child (f->window, page);
      gtk_window_present (f->window);
      td_page_set_store (TD_PAGE (page), f->store);
      td_page_set_class_id (TD_PAGE (page), f->class_id);
      td_test_spin ();
      said = td_page_get_store_error (TD_PAGE (page));
      g_test_message ("%s: %s", G_OBJECT_TYPE_NAME (page), said);
      g_assert_nonnull (said);
      g_assert_nonnull (strstr (said, message));
      gtk_window_set_child (f->window, NULL);
    }
  {
    GtkWidget *page = g_object_new (TD_TYPE_SETTINGS_PAGE, NULL);
    GtkWidget *outbox;

    gtk_window_set_child (f->window, page);
    td_page_set_store (TD_PAGE (page), f->store);
    td_test_spin ();
    outbox = td_test_find (page, "outbox");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (outbox)), message));
    gtk_window_set_child (f->window, NULL);
  }
}

/* The window's actions on its chosen class (a packet, a form, a spreadsheet) say that the
 * class cannot be read and why, not "Choose a class first". */
static void
assert_actions_say (TdWindow *window, const char *message)
{
  const char *const actions[][2] = {
    { "win.export", NULL }, { "win.print", NULL }, { "win.export-table", "roster" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWindow *dialog;

      if (actions[i][1] != NULL)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i][0], "s",
                                                   actions[i][1]));
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i][0], NULL));
      td_test_spin ();
      dialog = td_test_toplevel ("td-error-dialog");
      g_assert_nonnull (dialog);
      g_test_message ("%s: %s", actions[i][0],
                      adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                       "The class cannot be read");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                message));
      gtk_window_destroy (dialog);
      td_test_spin ();
    }
}

/* The error dialog now open has @heading and a body naming @message; it is closed. */
static void
assert_error_dialog_says (const char *heading, const char *message)
{
  GtkWindow *dialog = td_test_toplevel ("td-error-dialog");
  const char *body;

  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("%s: %s", heading, body);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  g_assert_nonnull (strstr (body, message));
  gtk_window_destroy (dialog);
  td_test_spin ();
}

/* The print dialog and the score sheet's import and template, opened on the class: each
 * says why the class cannot be read (the dialog with its buttons off), never an empty
 * message or nothing at all. */
static void
assert_dialogs_say (Fixture *f, TdWindow *window, const char *message)
{
  GtkWidget *page = GTK_WIDGET (td_window_get_page (window, "assessment"));
  g_autofree char *sheet = g_build_filename (f->dir, "scores.xlsx", NULL);
  TdPrintDialog *print;
  GtkWidget *label;

  print = td_print_dialog_new (GTK_WINDOW (window), f->store, "DG2026-021");
  gtk_window_present (GTK_WINDOW (print));
  td_test_spin ();
  label = td_test_find (print, "print-message");
  g_test_message ("print dialog: %s", gtk_label_get_text (GTK_LABEL (label)));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), message));
  g_assert_false (gtk_widget_get_sensitive (td_test_find (print, "print-print")));
  gtk_window_destroy (GTK_WINDOW (print));
  td_test_spin ();

  g_assert_false (td_sheet_import_path (page, f->store, f->class_id, TD_RECORD_RESULTS, sheet));
  td_test_spin ();
  assert_error_dialog_says ("The score sheet was not imported", message);
  td_sheet_template_choose (page, f->store, f->class_id, TD_RECORD_RESULTS);
  td_test_spin ();
  assert_error_dialog_says ("The class cannot be read", message);
}

static void
assert_error_says (GError *error, const char *message)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message));
}

/* What the pages run on the store besides their lists (the first-start check, a receipt or
 * a packet from the bureau imported, a packet checked against the catalogue) says that the
 * database cannot be read and why, never that the packet or class is unknown. */
static void
assert_packet_paths_say (Fixture *f, const char *message)
{
  const char *data = g_getenv ("TD_TEST_DATA");
  g_autofree char *receipt = g_build_filename (data, "bureau", "receipt-filing.xml", NULL);
  g_autofree char *filing = g_build_filename (data, "bureau", "filing.xml", NULL);
  const char *const paths[] = { filing, NULL };
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autoptr (GError) error = NULL;
  guint said = 0;

  g_assert_false (td_store_is_empty (f->store, &error));
  assert_error_says (error, message);
  g_clear_error (&error);
  g_assert_false (td_receipt_apply_file (f->store, receipt, NULL, &error));
  assert_error_says (error, message);
  g_clear_error (&error);
  g_assert_false (td_packet_import_files (f->store, paths, NULL, NULL, &error));
  assert_error_says (error, message);
  g_clear_error (&error);
  /* the catalogue rules (R-CLS-006: the item is in the catalogue) are not checked against
   * the shipped catalogue instead */
  g_assert_true (td_validator_check_file (f->store, filing, "2026-06-15T17:00:00+08:00",
                                          findings));
  for (guint i = 0; i < td_findings_get_n (findings); i++)
    {
      const TdFinding *x = td_findings_get (findings, i);

      if (g_str_equal (x->rule, "R-CLS-006"))
        {
          g_test_message ("%s: %s", x->rule, x->message);
          g_assert_cmpint (x->severity, ==, TD_SEVERITY_INFO);
          g_assert_nonnull (strstr (x->message, "not checked: the database cannot be read"));
          g_assert_nonnull (strstr (x->message, message));
          said++;
        }
    }
  g_assert_cmpuint (said, ==, 1);
}

static sqlite3 *
hold_lock (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE; INSERT INTO setting (key, value) "
                                     "VALUES ('lock-probe', 'x')", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  return db;
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  sqlite3 *db;
  TdWindow *window;
  GtkWidget *status;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  /* the window is open on a sound database; then another program takes the lock */
  window = td_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  td_window_select_class (window, f->class_id);
  td_test_spin ();
  db = hold_lock (f->path);
  assert_pages_say (f, LOCKED);
  assert_actions_say (window, LOCKED);
  assert_dialogs_say (f, window, LOCKED);
  assert_packet_paths_say (f, LOCKED);
  /* in the window the message stands in place of the page */
  td_page_set_store (TD_PAGE (td_window_get_page (window, "overview")), f->store);
  td_window_show_page (window, "overview");
  td_test_spin ();
  status = td_test_find (window, "store-error");
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            LOCKED));
  td_test_write_shot (GTK_WIDGET (window), "store-error-locked");
  /* the lock goes: the page shows its classes again */
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  td_page_set_store (TD_PAGE (td_window_get_page (window, "overview")), f->store);
  td_test_spin ();
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_null (td_page_get_store_error (TD_PAGE (td_window_get_page (window, "overview"))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every page after the first (the file's header and schema) overwritten: what SQLite has
 * not read yet is damage. */
static void
damage (const char *path)
{
  GStatBuf st;
  g_autofree char *junk = NULL;
  FILE *file;

  /* in place: the store's open file must see it (a rename would leave it the old one) */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 16 * 4096);
  junk = g_malloc (st.st_size - 4096);
  memset (junk, 0xa5, st.st_size - 4096);
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 4096, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, st.st_size - 4096, file), ==, st.st_size - 4096);
  fclose (file);
}

static void
test_damaged (Fixture *f, gconstpointer data)
{
  TdWindow *window;
  GtkWidget *error_page;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  damage (f->path);
  assert_pages_say (f, DAMAGED);
  assert_packet_paths_say (f, DAMAGED);
  /* the window opened on it says so too, not the first-run assistant */
  window = td_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  td_test_spin ();
  error_page = td_test_find (window, "error_page");
  g_assert_true (gtk_widget_get_mapped (error_page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)),
                            DAMAGED));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, "2026-06-15", "2026-06-15T17:00:00+08:00");
  g_test_add ("/ui/store-error/locked", Fixture, NULL, fixture_set_up, test_locked,
              fixture_tear_down);
  g_test_add ("/ui/store-error/damaged", Fixture, NULL, fixture_set_up, test_damaged,
              fixture_tear_down);
  return g_test_run ();
}
