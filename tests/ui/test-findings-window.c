/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of what a new administrator tripped over (issues 17 and 18), on the demo
 * institution with "today" pinned to Friday 2026-12-04: each test drives the window as a
 * user would and asserts what the user then sees. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "packet/td-finding.h"
#include "ui/td-findings-window.h"
#include "ui/td-finding-row.h"
#include "ui/td-submissions-page.h"
#include "ui/td-ui-util.h"
#include "ui/td-window.h"
#include "ui-test-util.h"

#define TODAY "2026-12-04"
#define NOW "2026-12-04T10:00:00+08:00"

/* the demo window (ui-test-util) */
typedef TdTestDemo Fixture;

/* ---- fixture and helpers ---------------------------------------------------------- */

static gint64
class_id (Fixture *f, const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdClass) k = td_store_get_class_by_code (f->store, code, &error);

  g_assert_no_error (error);
  return k->id;
}

static GtkWidget *
show (Fixture *f, const char *page, const char *code)
{
  if (code != NULL)
    td_window_select_class (f->window, class_id (f, code));
  td_window_show_page (f->window, page);
  td_test_settle (3, 10000);
  g_assert_cmpstr (td_window_get_visible_page_name (f->window), ==, page);
  return GTK_WIDGET (td_window_get_page (f->window, page));
}

/* The column titles of a column view, tab-separated. */
static char *
column_titles (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) c = g_list_model_get_item (columns, i);
      g_string_append_printf (text, "%s%s", i > 0 ? "\t" : "", gtk_column_view_column_get_title (c));
    }
  return g_string_free (text, FALSE);
}

static GtkColumnViewColumn *
column_at (GtkColumnView *view, guint i)
{
  g_autoptr (GtkColumnViewColumn) c = g_list_model_get_item (gtk_column_view_get_columns (view), i);

  return c; /* the view keeps it */
}

/* The rule ids of the rows as the view orders them, space-separated. */
static char *
rules_in_view (GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (TdFindingRow) row = g_list_model_get_item (model, i);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", td_finding_row_get_rule (row));
    }
  return g_string_free (text, FALSE);
}

/* Presses @keyval on @widget as its shortcut controllers see it: the action of the first
 * shortcut whose trigger is that key without modifiers is activated.  FALSE when none. */
static gboolean
press_shortcut (GtkWidget *widget, guint keyval)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
        {
          g_autoptr (GtkShortcut) s = g_list_model_get_item (G_LIST_MODEL (c), j);
          GtkShortcutTrigger *t = gtk_shortcut_get_trigger (s);

          if (GTK_IS_KEYVAL_TRIGGER (t)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (t)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (t)) == 0)
            {
              gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (s), 0,
                                                            widget, NULL);
              td_test_spin ();
              return done;
            }
        }
    }
  return FALSE;
}

static const char *
window_summary (GtkWindow *window)
{
  GtkWidget *box = gtk_window_get_child (window);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

/* ---- issue 17.14: the validation dialog --------------------------------------------- */

static void
test_findings_window (Fixture *f, gconstpointer data)
{
  g_autoptr (TdFindings) warnings = td_findings_new ();
  g_autoptr (TdFindings) errors = td_findings_new ();
  g_autofree char *titles = NULL;
  g_autofree char *path = NULL;
  GtkWidget *page;
  GtkWindow *window;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  /* a valid packet validated from the Submissions page */
  page = show (f, "submissions", NULL);
  path = g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau", "filing.xml", NULL);
  g_assert_true (td_submissions_page_validate_file (TD_SUBMISSIONS_PAGE (page), path));
  window = td_test_toplevel ("td-findings-window");
  g_assert_nonnull (window);
  g_assert_cmpstr (window_summary (window), ==,
                   "The packet passes every rule that could be checked.");
  /* the columns an administrator reads: no line numbers of the XML */
  titles = column_titles (GTK_COLUMN_VIEW (td_ui_find_named (GTK_WIDGET (window),
                                                             "findings-list")));
  g_assert_cmpstr (titles, ==, "Rule\tSeverity\tAbout\tMessage");
  /* Esc closes it */
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_Escape));
  g_assert_null (td_test_toplevel ("td-findings-window"));

  /* warnings and no error: accepted, nothing to correct */
  td_findings_add (warnings, "R-ORG-001", TD_SEVERITY_WARNING, "91371500MA3C5XXK0A", 12,
                   "%s", "The check character of the credit code is wrong.");
  td_findings_add (warnings, "R-ATT-007", TD_SEVERITY_WARNING, NULL, 40, "%s", "Late batch.");
  window = td_findings_window_new (page, "Validation", NULL, warnings, NULL, NULL);
  gtk_window_present (window);
  td_test_spin ();
  g_assert_cmpstr (window_summary (window), ==,
                   "No errors: the bureau accepts the packet. 2 warnings are reported with it; "
                   "read them before you send.");
  g_assert_null (strstr (window_summary (window), "orrect"));
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_Escape));
  g_assert_null (td_test_toplevel ("td-findings-window"));

  /* an error: refused, and what to do */
  td_findings_add (errors, "R-PKT-001", TD_SEVERITY_ERROR, NULL, 3, "%s", "Not valid.");
  window = td_findings_window_new (page, "Validation", NULL, errors, NULL, NULL);
  gtk_window_present (window);
  td_test_spin ();
  g_assert_cmpstr (window_summary (window), ==,
                   "1 error: the bureau refuses the packet. Correct the records named and "
                   "export again.");
  td_test_write_shot (GTK_WIDGET (window), "findings-window");
  gtk_window_destroy (window);
}

/* The list of findings in the order the validator found them, sorted by a click on a
 * header: by rule id, both ways, and by severity with the errors first; the order stays
 * when the window shows other findings. */
static void
test_findings_sort (Fixture *f, gconstpointer data)
{
  g_autoptr (TdFindings) findings = td_findings_new ();
  g_autofree char *found = NULL, *by_rule = NULL, *by_rule_down = NULL, *by_severity = NULL;
  g_autofree char *refilled = NULL;
  GtkColumnView *view;
  GtkWindow *window;
  GtkWidget *page;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  page = show (f, "submissions", NULL);
  td_findings_add (findings, "R-ORG-001", TD_SEVERITY_WARNING, NULL, 12, "%s", "Check character.");
  td_findings_add (findings, "R-ATT-007", TD_SEVERITY_WARNING, NULL, 40, "%s", "Late batch.");
  td_findings_add (findings, "R-PKT-001", TD_SEVERITY_ERROR, NULL, 3, "%s", "Not valid.");
  window = td_findings_window_new (page, "Validation", NULL, findings, NULL, NULL);
  gtk_window_present (window);
  td_test_spin ();
  view = GTK_COLUMN_VIEW (td_ui_find_named (GTK_WIDGET (window), "findings-list"));

  found = rules_in_view (view);
  g_assert_cmpstr (found, ==, "R-ORG-001 R-ATT-007 R-PKT-001");
  gtk_column_view_sort_by_column (view, column_at (view, 0), GTK_SORT_ASCENDING);
  td_test_spin ();
  by_rule = rules_in_view (view);
  g_assert_cmpstr (by_rule, ==, "R-ATT-007 R-ORG-001 R-PKT-001");
  gtk_column_view_sort_by_column (view, column_at (view, 0), GTK_SORT_DESCENDING);
  td_test_spin ();
  by_rule_down = rules_in_view (view);
  g_assert_cmpstr (by_rule_down, ==, "R-PKT-001 R-ORG-001 R-ATT-007");
  gtk_column_view_sort_by_column (view, column_at (view, 1), GTK_SORT_ASCENDING);
  td_test_spin ();
  by_severity = rules_in_view (view);
  /* the error first; the two warnings keep the order of the click before (rule, down) */
  g_assert_cmpstr (by_severity, ==, "R-PKT-001 R-ORG-001 R-ATT-007");

  /* other findings in the same window keep that order */
  td_findings_add (findings, "R-ATT-001", TD_SEVERITY_ERROR, NULL, 50, "%s", "No lesson.");
  td_findings_add (findings, "R-CLS-004", TD_SEVERITY_INFO, NULL, 60, "%s", "A note.");
  td_findings_window_set_findings (TD_FINDINGS_WINDOW (window), NULL, findings);
  td_test_spin ();
  refilled = rules_in_view (view);
  g_assert_cmpstr (refilled, ==, "R-PKT-001 R-ATT-001 R-ORG-001 R-ATT-007 R-CLS-004");
  g_assert_cmpstr (window_summary (window), ==,
                   "2 errors: the bureau refuses the packet. Correct the records named and "
                   "export again.");
  td_test_write_shot (GTK_WIDGET (window), "findings-window");
  gtk_window_destroy (window);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, TODAY, NOW);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, td_test_demo_set_up, fn, td_test_demo_tear_down)
  ADD ("/ui/findings-window/findings-window", test_findings_window);
  ADD ("/ui/findings-window/sort", test_findings_sort);
#undef ADD
  return g_test_run ();
}
