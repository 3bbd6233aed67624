/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display tests of TdPage, the pages' base class: the class shown set as the property
 * "class-id" (the page reloads and says so by notify), another store setting the class back
 * to none, and a change in the store reloading the page once, idle, with "busy" TRUE until
 * it has; the window's actions enabled by a binding to its "ready". */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "ui/td-application.h"
#include "ui/td-follow-up-page.h"
#include "ui/td-settings-page.h"
#include "ui/td-submissions-page.h"
#include "ui/td-ui-util.h"
#include "ui-test-util.h"

#define TODAY "2026-06-15"
#define NOW "2026-06-15T17:00:00+08:00"
#define RUNNING_CLASS "DG2026-021"
#define CLAIMED_CLASS "CY2026-004"

typedef struct
{
  char *dir;
  TdStore *store;
  GtkWindow *window;
  GtkWidget *page;
  guint class_notifies;
  GArray *busy_seen;            /* gboolean, the value at each notify::busy */
} Fixture;

static void
on_class_notify (Fixture *f)
{
  f->class_notifies++;
}

static void
on_busy_notify (TdPage *page, GParamSpec *pspec, Fixture *f)
{
  gboolean busy = td_page_get_busy (page);

  g_array_append_val (f->busy_seen, busy);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  f->window = td_test_page_window_new (&f->dir, &f->store);
  f->page = td_test_page_window_show (f->window, TD_TYPE_FOLLOW_UP_PAGE, NULL, 0);
  f->busy_seen = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_signal_connect_swapped (f->page, "notify::class-id", G_CALLBACK (on_class_notify), f);
  g_signal_connect (f->page, "notify::busy", G_CALLBACK (on_busy_notify), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (!td_test_have_display ())
    return;
  td_test_page_window_free (f->window, f->dir, f->store);
  g_clear_pointer (&f->busy_seen, g_array_unref);
}

/* What the follow-up page says of its class ("Employment window: … of N trainees."), or
 * NULL when it shows no class. */
static const char *
window_text (Fixture *f)
{
  GtkWidget *stack = gtk_widget_get_first_child (f->page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "main") != 0)
    return NULL;
  return gtk_label_get_text (GTK_LABEL (td_test_find (f->page, "follow-up-window")));
}

/* The page shows the class its property names, reloads when it is set (also to the same
 * class) and notifies only when it changed. */
static void
test_class_id_property (Fixture *f, gconstpointer data)
{
  gint64 running, claimed;
  g_autofree char *first = NULL;
  gint64 shown = -1;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  running = td_test_class_id (f->store, RUNNING_CLASS);
  claimed = td_test_class_id (f->store, CLAIMED_CLASS);
  g_object_set (f->page, "store", f->store, NULL);
  g_assert_true (td_page_get_store (TD_PAGE (f->page)) == f->store);
  g_assert_null (window_text (f));

  g_object_set (f->page, "class-id", running, NULL);
  g_assert_cmpuint (f->class_notifies, ==, 1);
  g_object_get (f->page, "class-id", &shown, NULL);
  g_assert_cmpint (shown, ==, running);
  first = g_strdup (window_text (f));
  g_assert_nonnull (first);
  g_assert_nonnull (strstr (first, "2026-"));   /* the class's employment window */

  g_object_set (f->page, "class-id", claimed, NULL);
  g_assert_cmpuint (f->class_notifies, ==, 2);
  g_assert_nonnull (window_text (f));
  g_assert_cmpstr (window_text (f), !=, first);

  /* the same class again: read again, no notify */
  g_object_set (f->page, "class-id", claimed, NULL);
  g_assert_cmpuint (f->class_notifies, ==, 2);

  /* another store (here: the same one set again) starts with no class */
  td_page_set_store (TD_PAGE (f->page), f->store);
  g_assert_cmpint (td_page_get_class_id (TD_PAGE (f->page)), ==, 0);
  g_assert_cmpuint (f->class_notifies, ==, 3);
  g_assert_null (window_text (f));
  g_assert_false (td_page_get_busy (TD_PAGE (f->page)));
}

/* A change in the store: "busy" goes TRUE (notified) at once, the page reloads once when
 * the loop is idle and "busy" goes FALSE (notified); the page then shows the change. */
static void
test_busy_until_reloaded (Fixture *f, gconstpointer data)
{
  gint64 running;
  g_autoptr (GPtrArray) enrolments = NULL;
  const TdEnrolment *e;
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  running = td_test_class_id (f->store, RUNNING_CLASS);
  td_page_set_store (TD_PAGE (f->page), f->store);
  td_page_set_class_id (TD_PAGE (f->page), running);
  td_test_spin ();
  before = g_strdup (window_text (f));
  g_array_set_size (f->busy_seen, 0);   /* the reloads of setting store and class */

  enrolments = td_store_list_enrolments (f->store, running, &error);
  g_assert_no_error (error);
  e = g_ptr_array_index (enrolments, 0);
  g_assert_cmpstr (e->withdrawn_date, ==, "");
  g_assert_true (td_store_withdraw (f->store, running, e->trainee.id, TODAY, "moved away",
                                    &error));
  g_assert_no_error (error);
  g_assert_true (td_page_get_busy (TD_PAGE (f->page)));
  g_assert_cmpuint (f->busy_seen->len, ==, 1);
  g_assert_true (g_array_index (f->busy_seen, gboolean, 0));
  g_assert_cmpstr (window_text (f), ==, before);   /* not yet read again */

  while (td_page_get_busy (TD_PAGE (f->page)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->busy_seen->len, ==, 2);
  g_assert_false (g_array_index (f->busy_seen, gboolean, 1));
  /* one trainee fewer to follow up: "… of N trainees." counts one fewer */
  g_assert_cmpstr (window_text (f), !=, before);

  /* a page that says it works is busy until it says it is done */
  td_page_set_busy (TD_PAGE (f->page), TRUE);
  g_assert_true (td_page_get_busy (TD_PAGE (f->page)));
  g_object_set (f->page, "busy", FALSE, NULL);
  g_assert_false (td_page_get_busy (TD_PAGE (f->page)));
  g_assert_cmpuint (f->busy_seen->len, ==, 4);
}

/* ---- sorting by a column's header ------------------------------------------------- */

static GtkColumnViewColumn *
column_titled (GtkColumnView *view, const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;   /* the view keeps it */
    }
  g_error ("no column %s", title);
}

/* The property @key of every row of @view, in the order shown, one a line. */
static char *
column_text (GtkColumnView *view, const char *key)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GObject) row = g_list_model_get_item (rows, i);
      g_auto (GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRING);
      g_object_get_property (row, key, &value);
      g_string_append_printf (text, "%s\n", g_value_get_string (&value));
    }
  return g_string_free (text, FALSE);
}

static int
compare_casefolded (gconstpointer a, gconstpointer b)
{
  g_autofree char *fa = g_utf8_casefold (*(const char **) a, -1);
  g_autofree char *fb = g_utf8_casefold (*(const char **) b, -1);

  return g_utf8_collate (fa, fb);
}

/* @text's lines sorted by the locale's collation, or numerically. */
static char *
sorted_lines (const char *text, gboolean numeric, gboolean descending)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines) - 1;   /* the last is empty */
  g_autofree char *joined = NULL;

  g_free (lines[n]);
  lines[n] = NULL;
  if (numeric)
    {
      /* numbers as such: 10 after 9 */
      for (guint i = 1; i < n; i++)
        for (guint j = i; j > 0 && atoi (lines[j - 1]) > atoi (lines[j]); j--)
          {
            char *t = lines[j];
            lines[j] = lines[j - 1];
            lines[j - 1] = t;
          }
    }
  else
    qsort (lines, n, sizeof (char *), compare_casefolded);
  for (guint i = 0; descending && i < n / 2; i++)
    {
      char *t = lines[i];
      lines[i] = lines[n - 1 - i];
      lines[n - 1 - i] = t;
    }
  joined = g_strjoinv ("\n", lines);
  return g_strconcat (joined, "\n", NULL);
}

/* A click on a column's header (gtk_column_view_sort_by_column, what the header does)
 * sorts the rows by it: names by the locale's collation (under zh_CN.UTF-8 glibc orders Han
 * names by pinyin; the tests run under C.UTF-8, by code point), numbers as numbers; a
 * second click reverses; a reload of the page keeps the order, and the chosen trainee. */
static void
test_sort_by_header (Fixture *f, gconstpointer data)
{
  GtkColumnView *view;
  g_autofree char *unsorted = NULL, *names = NULL, *expected = NULL, *numbers = NULL;
  g_autofree char *chosen = NULL, *still = NULL;
  GtkSingleSelection *selection;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  td_page_set_store (TD_PAGE (f->page), f->store);
  td_page_set_class_id (TD_PAGE (f->page), td_test_class_id (f->store, RUNNING_CLASS));
  td_test_spin ();
  view = GTK_COLUMN_VIEW (td_test_find (f->page, "follow-up-grid"));
  unsorted = column_text (view, "name");
  g_assert_cmpuint (strlen (unsorted), >, 20);

  gtk_column_view_sort_by_column (view, column_titled (view, "Full name"), GTK_SORT_ASCENDING);
  td_test_spin ();
  names = column_text (view, "name");
  expected = sorted_lines (unsorted, FALSE, FALSE);
  g_assert_cmpstr (names, ==, expected);
  g_assert_cmpstr (names, !=, unsorted);   /* the roster's order is not the names' */
  td_test_write_shot (GTK_WIDGET (f->window), "page-sorted-by-name");

  gtk_column_view_sort_by_column (view, column_titled (view, "Full name"), GTK_SORT_DESCENDING);
  td_test_spin ();
  g_free (names);
  g_free (expected);
  names = column_text (view, "name");
  expected = sorted_lines (unsorted, FALSE, TRUE);
  g_assert_cmpstr (names, ==, expected);

  /* numbers as such */
  gtk_column_view_sort_by_column (view, column_titled (view, "No."), GTK_SORT_DESCENDING);
  td_test_spin ();
  numbers = column_text (view, "position");
  g_free (expected);
  expected = sorted_lines (numbers, TRUE, TRUE);
  g_assert_cmpstr (numbers, ==, expected);
  /* the roster's numbers 1 … n, the highest first (as text, "9" would come before "10") */
  g_assert_cmpint (atoi (numbers), ==,
                   g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))));
  g_assert_cmpint (atoi (numbers), >=, 10);

  /* back to the names; a trainee chosen; the page reloaded after a change in the store */
  gtk_column_view_sort_by_column (view, column_titled (view, "Full name"), GTK_SORT_ASCENDING);
  td_test_spin ();
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  gtk_single_selection_set_selected (selection, 2);
  g_object_get (gtk_single_selection_get_selected_item (selection), "name", &chosen, NULL);
  g_assert_true (td_store_set_setting (f->store, "test", "changed", NULL));
  g_assert_true (td_page_get_busy (TD_PAGE (f->page)));
  while (td_page_get_busy (TD_PAGE (f->page)))
    g_main_context_iteration (NULL, TRUE);
  g_free (names);
  g_free (expected);
  names = column_text (view, "name");
  expected = sorted_lines (unsorted, FALSE, FALSE);
  g_assert_cmpstr (names, ==, expected);
  g_object_get (gtk_single_selection_get_selected_item (selection), "name", &still, NULL);
  g_assert_cmpstr (still, ==, chosen);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
}

/* Every column of the lists made of typed rows has a sorter (a click on its header sorts):
 * every list of every page. */
static void
test_every_column_sorts (Fixture *f, gconstpointer data)
{
  static const struct { const char *page, *view; guint columns; } lists[] = {
    { "trainees", "roster_view", 8 }, { "trainees", "all_view", 4 },
    { "assessment", "result-grid", 9 }, { "follow-up", "follow-up-grid", 10 },
    { "submissions", "packet-log", 8 }, { "attendance", "lesson-grid", 5 },
    { "attendance", "trainee-grid", 11 }, { "overview", "overview-classes", 7 },
    { "subsidy", "subsidy-grid", 10 },
  };
  TdWindow *window;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  window = td_window_new (NULL, f->store, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkWidget *page = GTK_WIDGET (td_window_get_page (window, lists[i].page));
      GtkColumnView *view = GTK_COLUMN_VIEW (td_ui_find_named (page, lists[i].view));
      GListModel *columns = gtk_column_view_get_columns (view);

      g_assert_cmpuint (g_list_model_get_n_items (columns), ==, lists[i].columns);
      for (guint c = 0; c < lists[i].columns; c++)
        {
          g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

          g_test_message ("%s/%s: %s", lists[i].page, lists[i].view,
                          gtk_column_view_column_get_title (column));
          g_assert_nonnull (gtk_column_view_column_get_sorter (column));
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_actions_enabled (TdWindow *window, gboolean enabled)
{
  const char *on_a_database[] = { "new-class", "save", "search", "print", "export",
                                  "import-roster" };

  for (guint i = 0; i < G_N_ELEMENTS (on_a_database); i++)
    {
      g_test_message ("win.%s", on_a_database[i]);
      g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window),
                                                        on_a_database[i]) == enabled);
    }
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-page"));
}

/* The window's actions on a database follow its "ready" property: off while it says why a
 * database could not be opened, on once one is shown. */
static void
test_window_actions_follow_ready (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = g_error_new_literal (TD_STORE_ERROR, TD_STORE_ERROR_LOCKED,
                                                  "In use by another program.");
  TdWindow *window;
  guint ready_notifies = 0;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  window = td_window_new (NULL, NULL, error);
  g_signal_connect_swapped (window, "notify::ready", G_CALLBACK (on_class_notify), f);
  gtk_window_present (GTK_WINDOW (window));
  td_test_spin ();
  g_assert_false (td_window_get_ready (window));
  assert_actions_enabled (window, FALSE);

  f->class_notifies = 0;   /* counts notify::ready here */
  td_window_set_store (window, f->store);
  td_test_spin ();
  g_assert_true (td_window_get_ready (window));
  ready_notifies = f->class_notifies;
  g_assert_cmpuint (ready_notifies, ==, 1);
  assert_actions_enabled (window, TRUE);
  g_assert_true (td_window_get_visible_page (window)
                 == td_window_get_page (window, td_window_get_visible_page_name (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* One GSettings, the application's: the window keeps its size and last class in it, the
 * Settings page's switch writes to it and follows it (the print operation's settings:
 * tests/ui/test-print.c). */
static void
test_one_settings (Fixture *f, gconstpointer data)
{
  GSettings *settings = td_application_get_default_settings ();
  TdWindow *window;
  GtkWidget *page, *backup;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  g_assert_nonnull (settings);
  window = td_window_new (NULL, f->store, NULL);
  g_assert_true (td_window_get_settings (window) == settings);
  gtk_window_destroy (GTK_WINDOW (window));

  page = g_object_new (TD_TYPE_SETTINGS_PAGE, NULL);
  gtk_window_set_child (f->window, page);
  td_page_set_store (TD_PAGE (page), f->store);
  td_test_spin ();
  backup = td_test_find (page, "auto_backup");
  g_settings_set_boolean (settings, "backup-on-quit", FALSE);
  gtk_switch_set_active (GTK_SWITCH (backup), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "backup-on-quit"));
  g_settings_set_boolean (settings, "backup-on-quit", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (backup)));
}

/* What the window shows of its visible page's "busy", seen at each notify::busy of @page:
 * "B" busy (the header's spinner turning, the page's header buttons insensitive), "-" not
 * busy (no spinner, the buttons sensitive), "?" anything else. */
typedef struct
{
  TdWindow *window;
  GString *seen;
} BusyWatch;

static void
on_window_busy (TdPage *page, GParamSpec *pspec, BusyWatch *w)
{
  GtkWidget *spinner = td_test_find (w->window, "page-busy");
  gboolean spinning = gtk_widget_get_visible (spinner)
                      && gtk_spinner_get_spinning (GTK_SPINNER (spinner));
  gboolean buttons = gtk_widget_get_sensitive (td_test_find (w->window, "page-header-actions"));

  g_string_append_c (w->seen, td_page_get_busy (page) && spinning && !buttons ? 'B'
                              : !td_page_get_busy (page) && !spinning && buttons ? '-'
                              : '?');
}

/* The Submissions page is busy while it validates a file and while it exports a packet,
 * and the window shows it while it is. */
static void
test_busy_while_working (Fixture *f, gconstpointer data)
{
  g_autofree char *filing = NULL;
  g_autofree char *out = NULL;
  BusyWatch w = { NULL, g_string_new (NULL) };
  GtkWidget *page;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  w.window = td_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (w.window));
  page = td_test_show_page (w.window, f->store, "submissions", RUNNING_CLASS);
  g_assert_false (td_page_get_busy (TD_PAGE (page)));
  g_assert_false (gtk_widget_get_visible (td_test_find (w.window, "page-busy")));
  g_signal_connect (page, "notify::busy", G_CALLBACK (on_window_busy), &w);

  filing = g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau", "filing.xml", NULL);
  g_assert_true (td_submissions_page_validate_file (TD_SUBMISSIONS_PAGE (page), filing));
  g_assert_cmpstr (w.seen->str, ==, "B-");
  gtk_window_destroy (td_test_toplevel ("td-findings-window"));

  g_string_truncate (w.seen, 0);
  out = g_build_filename (f->dir, "attendance.xml", NULL);
  g_assert_true (td_submissions_page_export (TD_SUBMISSIONS_PAGE (page), TD_KIND_ATTENDANCE, 0,
                                             0, out));
  g_assert_cmpstr (w.seen->str, ==, "B-");
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_signal_handlers_disconnect_by_data (page, &w);

  /* how it looks: the spinner in the header bar */
  td_window_show_page (w.window, "assessment");
  td_page_set_busy (td_window_get_visible_page (w.window), TRUE);
  td_test_write_shot (GTK_WIDGET (w.window), "window-busy");
  td_page_set_busy (td_window_get_visible_page (w.window), FALSE);
  g_string_free (w.seen, TRUE);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, TODAY, NOW);
  g_test_add ("/ui/page/class-id-property", Fixture, NULL, fixture_set_up,
              test_class_id_property, fixture_tear_down);
  g_test_add ("/ui/page/busy-until-reloaded", Fixture, NULL, fixture_set_up,
              test_busy_until_reloaded, fixture_tear_down);
  g_test_add ("/ui/page/busy-while-working", Fixture, NULL, fixture_set_up,
              test_busy_while_working, fixture_tear_down);
  g_test_add ("/ui/page/window-actions-follow-ready", Fixture, NULL, fixture_set_up,
              test_window_actions_follow_ready, fixture_tear_down);
  g_test_add ("/ui/page/one-settings", Fixture, NULL, fixture_set_up, test_one_settings,
              fixture_tear_down);
  g_test_add ("/ui/page/sort-by-header", Fixture, NULL, fixture_set_up, test_sort_by_header,
              fixture_tear_down);
  g_test_add ("/ui/page/every-column-sorts", Fixture, NULL, fixture_set_up,
              test_every_column_sorts, fixture_tear_down);
  return g_test_run ();
}
