/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app on a PostgreSQL server (issue 16): an inspector's role that may only read gets a
 * banner that says so, and every action and button that would change a record is
 * insensitive; the Settings page's "Database server" form tests a connection and says in
 * words what is wrong (no server there, a wrong password, no such database, a database of a
 * newer TrainDesk), and Connect opens the server's database and remembers where it is, never
 * the password.  Needs a display and a server (TD_TEST_PG, build-aux/pg-cluster). */
#include "config.h"

#include <string.h>

#include "core/td-db.h"
#include "packet/td-catalog-import.h"
#include "packet/td-demo.h"
#include "ui/td-settings-page.h"
#include "ui/td-window.h"
#include "ui-test-util.h"

typedef struct
{
  char *database;               /* a database of its own on the server */
  char *location;               /* it, as the server's superuser */
  char *clerk;                  /* may write */
  char *inspector;              /* may only read */
} Server;

static const char *
server (void)
{
  return g_getenv ("TD_TEST_PG");
}

/* The value of @key in TD_TEST_PG ("host=… port=… user=…"), or "" when it has none: the
 * server's socket folder, or its address and port (build-aux/pg-cluster --tcp). */
static char *
server_word (const char *key)
{
  g_auto (GStrv) words = g_strsplit (server (), " ", -1);
  g_autofree char *prefix = g_strconcat (key, "=", NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], prefix))
      return g_strdup (words[i] + strlen (prefix));
  return g_strdup ("");
}

static char *
server_host (void)
{
  return server_word ("host");
}

/* Database @name on the server, as its owner "traindesk". */
static char *
server_database (const char *name)
{
  g_autofree char *host = server_host ();
  g_autofree char *port = server_word ("port");

  return g_strdup_printf ("host=%s%s%s user=traindesk dbname=%s", host, *port ? " port=" : "",
                          port, name);
}

static void
server_sql (const char *location, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open_postgresql (location, &error);

  g_assert_no_error (error);
  if (td_db_exec (db, sql) != TD_DB_OK)
    g_error ("%s: %s", sql, td_db_message (db));
}

/* A database with the demo, and a clerk's and an inspector's role given their rights. */
static void
server_set_up (Server *s, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  guint32 n = g_random_int ();
  g_autofree char *sql = NULL;

  s->database = g_strdup_printf ("td_ui_%08x", n);
  s->clerk = g_strdup_printf ("td_ui_clerk_%08x", n);
  s->inspector = g_strdup_printf ("td_ui_inspector_%08x", n);
  sql = g_strdup_printf ("CREATE DATABASE %s", s->database);
  server_sql (server (), sql);
  g_free (sql);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'clerk-pw';"
                         "CREATE ROLE %s LOGIN PASSWORD 'inspector-pw'", s->clerk, s->inspector);
  server_sql (server (), sql);
  s->location = server_database (s->database);
  store = td_store_open (s->location, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (td_catalog_import_default (store, &error));
  g_assert_no_error (error);
  g_assert_true (td_demo_fill (store, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_grant_role (store, s->clerk, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_grant_role (store, s->inspector, FALSE, &error));
  g_assert_no_error (error);
}

static void
server_tear_down (Server *s, gconstpointer data)
{
  GListModel *tops = gtk_window_get_toplevels ();
  g_autofree char *sql = NULL;

  for (guint i = g_list_model_get_n_items (tops); i > 0; i--)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (tops, i - 1);
      gtk_window_destroy (w);
    }
  td_test_spin ();
  sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", s->database);
  server_sql (server (), sql);
  g_free (sql);
  sql = g_strdup_printf ("DROP ROLE %s; DROP ROLE %s", s->clerk, s->inspector);
  server_sql (server (), sql);
  g_free (s->database);
  g_free (s->location);
  g_free (s->clerk);
  g_free (s->inspector);
}

static TdWindow *
window_new (TdStore *store)
{
  TdWindow *window = td_window_new (NULL, store, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  td_test_settle (5, 10000);
  return window;
}

static gboolean
enabled (TdWindow *window, const char *action)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), action);
}

static gboolean
shown (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The inspector's desk: the banner names the role; saving, a new class, exporting, importing
 * a roster, adding a trainee and recording attendance are insensitive; searching and
 * printing are not.  The clerk's desk has no banner and may do all of it. */
static void
test_read_only_banner (Server *s, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) inspector = NULL;
  g_autoptr (TdStore) clerk = NULL;
  g_autofree char *as_inspector = g_strdup_printf ("%s user=%s", s->location, s->inspector);
  g_autofree char *as_clerk = g_strdup_printf ("%s user=%s", s->location, s->clerk);
  GtkWidget *banner, *label;
  TdWindow *window;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  inspector = td_store_open_with_password (as_inspector, "inspector-pw", TD_STORE_OPEN_DEFAULT,
                                           &error);
  g_assert_no_error (error);
  window = window_new (inspector);
  g_assert_true (td_window_get_read_only (window));
  banner = td_test_find (window, "read_only_banner");
  label = td_test_find (window, "read_only_label");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), s->inspector));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "change nothing"));
  g_assert_true (td_window_get_ready (window));
  g_assert_false (enabled (window, "save"));
  g_assert_false (enabled (window, "new-class"));
  g_assert_false (enabled (window, "export"));
  g_assert_false (enabled (window, "import-roster"));
  g_assert_true (enabled (window, "search"));
  g_assert_true (enabled (window, "print"));

  td_test_show_page (window, inspector, "trainees", "DG2026-021");
  g_assert_true (shown (td_test_find (window, "add_trainee_button")));
  g_assert_false (gtk_widget_is_sensitive (td_test_find (window, "add_trainee_button")));
  g_assert_false (gtk_widget_is_sensitive (td_test_find (window, "remove_trainee_button")));
  td_test_show_page (window, inspector, "attendance", "DG2026-021");
  g_assert_false (gtk_widget_is_sensitive (td_test_find (window, "attendance_record_button")));
  td_test_show_page (window, inspector, "settings", NULL);
  g_assert_false (gtk_widget_is_sensitive (td_test_find (window, "import_catalog_button")));
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_spin ();

  clerk = td_store_open_with_password (as_clerk, "clerk-pw", TD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = window_new (clerk);
  g_assert_false (td_window_get_read_only (window));
  g_assert_false (gtk_revealer_get_reveal_child (
    GTK_REVEALER (td_test_find (window, "read_only_banner"))));
  g_assert_true (enabled (window, "save"));
  g_assert_true (enabled (window, "new-class"));
  td_test_show_page (window, clerk, "trainees", "DG2026-021");
  g_assert_true (gtk_widget_is_sensitive (td_test_find (window, "add_trainee_button")));
}

/* The settings page's connection runs in a worker: the main loop goes on until it is back. */
static void
wait_for_server (TdWindow *window)
{
  TdPage *page = td_window_get_page (window, "settings");

  while (td_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);
  td_test_spin ();
}

static void
fill_form (TdWindow *window, const char *host, const char *database, const char *user,
           const char *password)
{
  g_autofree char *port = server_word ("port");

  td_test_type_text (window, "server_host", host);
  td_test_type_text (window, "server_port", port);
  td_test_type_text (window, "server_database", database);
  td_test_type_text (window, "server_user", user);
  td_test_type_text (window, "server_password", password);
}

/* The form's Test button with what is typed: the result row's words. */
static const char *
test_form (TdWindow *window, const char *host, const char *database, const char *user,
           const char *password)
{
  fill_form (window, host, database, user, password);
  td_test_press (window, "server_test_button");
  wait_for_server (window);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (td_test_find (window, "server_result")));
}

static void
test_settings_form (Server *s, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) owner = td_store_open (s->location, TD_STORE_OPEN_DEFAULT, &error);
  g_autofree char *host = server_host ();
  g_autofree char *newer = g_strdup_printf ("td_ui_newer_%08x", g_random_int ());
  g_autofree char *newer_location = server_database (newer);
  g_autofree char *sql = NULL;
  g_autoptr (TdStore) made = NULL;
  g_auto (GStrv) recent = NULL;
  GtkWidget *result;
  TdWindow *window;
  const char *words;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  g_assert_no_error (error);
  /* a database of a newer TrainDesk */
  sql = g_strdup_printf ("CREATE DATABASE %s", newer);
  server_sql (server (), sql);
  made = td_store_open (newer_location, TD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&made);
  server_sql (newer_location, "UPDATE traindesk SET version = 99");

  window = window_new (owner);
  td_test_show_page (window, owner, "settings", NULL);
  result = td_test_find (window, "server_result");

  /* a server that cannot be reached: the click returns at once, the window goes on (its
   * main loop runs) with the buttons insensitive and "Connecting…" until the words come */
  fill_form (window, "/nonexistent-td-socket-dir", s->database, s->clerk, "clerk-pw");
  g_signal_emit_by_name (td_test_find (window, "server_test_button"), "clicked");
  g_assert_true (td_page_get_busy (td_window_get_page (window, "settings")));
  g_assert_false (gtk_widget_get_sensitive (td_test_find (window, "server_test_button")));
  g_assert_false (gtk_widget_get_sensitive (td_test_find (window, "server_connect_button")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (result)), ==, "Connecting…");
  wait_for_server (window);
  g_assert_true (gtk_widget_get_sensitive (td_test_find (window, "server_test_button")));
  g_assert_true (gtk_widget_get_sensitive (td_test_find (window, "server_connect_button")));
  words = adw_action_row_get_subtitle (ADW_ACTION_ROW (result));
  g_assert_nonnull (strstr (words, "Cannot reach the database server"));
  g_assert_true (gtk_widget_has_css_class (result, "error"));
  words = test_form (window, host, s->database, s->clerk, "wrong");
  g_assert_nonnull (strstr (words, "refused the sign-in"));
  g_assert_nonnull (strstr (words, "Check the user name and the password"));
  words = test_form (window, host, "td_no_such_database", s->clerk, "clerk-pw");
  g_assert_nonnull (strstr (words, "has no database of that name"));
  words = test_form (window, host, newer, "traindesk", "");
  g_assert_nonnull (strstr (words, "written by a newer version of TrainDesk"));
  words = test_form (window, host, s->database, s->inspector, "inspector-pw");
  g_assert_nonnull (strstr (words, "who may only read this database"));
  g_assert_false (gtk_widget_has_css_class (result, "error"));
  words = test_form (window, "", s->database, s->clerk, "clerk-pw");
  g_assert_nonnull (strstr (words, "Fill in the server address"));
  words = test_form (window, host, s->database, s->clerk, "clerk-pw");
  g_assert_nonnull (strstr (words, "who may read and write this database"));
  g_assert_false (gtk_widget_has_css_class (result, "error"));

  /* Connect: the window shows the server's database, as the clerk; the location is
   * remembered, the password nowhere */
  td_test_press (window, "server_connect_button");
  wait_for_server (window);
  g_assert_true (td_store_is_on_server (td_window_get_store (window)));
  g_assert_cmpstr (td_store_get_role (td_window_get_store (window)), ==, s->clerk);
  g_assert_false (td_window_get_read_only (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (td_test_find (window, "server_password"))),
                   ==, "");
  recent = g_settings_get_strv (td_window_get_settings (window), "recent-databases");
  g_assert_nonnull (recent[0]);
  g_assert_nonnull (strstr (recent[0], s->database));
  g_assert_nonnull (strstr (recent[0], s->clerk));
  g_assert_null (strstr (recent[0], "clerk-pw"));

  g_clear_object (&owner);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_spin ();
  g_free (sql);
  sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", newer);
  server_sql (server (), sql);
}

/* A window closed while its Connect is under way: the connection's end touches nothing of
 * it, and the store opened goes nowhere. */
static void
test_close_mid_connect (Server *s, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) owner = td_store_open (s->location, TD_STORE_OPEN_DEFAULT, &error);
  g_autofree char *host = server_host ();
  TdWindow *window;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  g_assert_no_error (error);
  window = window_new (owner);
  td_test_show_page (window, owner, "settings", NULL);
  fill_form (window, host, s->database, s->clerk, "clerk-pw");
  g_signal_emit_by_name (td_test_find (window, "server_connect_button"), "clicked");
  g_assert_true (td_page_get_busy (td_window_get_page (window, "settings")));
  gtk_window_destroy (GTK_WINDOW (window));
  /* the connection's end arrives after the page is gone (under ASan: no use of it) */
  td_test_settle (20, 20000);
  g_assert_cmpstr (td_store_get_role (owner), !=, s->clerk);
}

/* A remembered server that wants a password: the window asks for it in a dialog and opens
 * the database with what was typed. */
static void
test_password_dialog (Server *s, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) owner = td_store_open (s->location, TD_STORE_OPEN_DEFAULT, &error);
  g_autofree char *as_clerk = g_strdup_printf ("%s user=%s", s->location, s->clerk);
  GtkWidget *entry;
  TdWindow *window;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  g_assert_no_error (error);
  window = window_new (owner);
  g_assert_false (td_window_open_database (window, as_clerk, FALSE, &error));
  g_assert_error (error, TD_STORE_ERROR, TD_STORE_ERROR_NEEDS_PASSWORD);
  td_window_ask_password (window, as_clerk, NULL);
  td_test_settle (3, 10000);
  entry = td_test_find (td_test_toplevel ("td-password-dialog"), "server_password_prompt");
  td_test_write_shot (GTK_WIDGET (gtk_widget_get_root (entry)), "server-password");
  gtk_editable_set_text (GTK_EDITABLE (entry), "clerk-pw");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (gtk_widget_get_root (entry)), "sign-in");
  td_test_spin ();
  g_assert_cmpstr (td_store_get_role (td_window_get_store (window)), ==, s->clerk);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_spin ();
  g_clear_object (&owner);
}

/* The banner and the form as they look (run in Chinese too: ui-shots/server-*-zh_CN.png):
 * both say something, in the language of the desk. */
static void
test_shots (Server *s, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) inspector = NULL;
  g_autofree char *as_inspector = g_strdup_printf ("%s user=%s", s->location, s->inspector);
  g_autofree char *host = server_host ();
  TdWindow *window;
  const char *words;

  TD_TEST_SKIP_WITHOUT_DISPLAY ();
  inspector = td_store_open_with_password (as_inspector, "inspector-pw", TD_STORE_OPEN_DEFAULT,
                                           &error);
  g_assert_no_error (error);
  window = window_new (inspector);
  td_test_show_page (window, inspector, "classes", "DG2026-021");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (td_test_find (window, "read_only_label"))),
                   !=, "");
  td_test_write_shot (GTK_WIDGET (window), "server-read-only");
  td_test_show_page (window, inspector, "settings", NULL);
  words = test_form (window, host, s->database, s->clerk, "wrong");
  g_assert_cmpstr (words, !=, "");
  g_assert_null (strstr (words, "wrong"));
  {
    GtkWidget *result = td_test_find (window, "server_result");
    GtkWidget *group = gtk_widget_get_ancestor (result, ADW_TYPE_PREFERENCES_GROUP);

    td_test_write_shot (group, "server-form");
  }
}

int
main (int argc, char **argv)
{
  const char *pg = g_getenv ("TD_TEST_PG");

  td_test_init (&argc, &argv, "2026-12-07", "2026-12-07T17:00:00+08:00");
  if (pg != NULL && *pg != '\0' && td_db_have_postgresql ())
    {
      g_test_add ("/ui/server/read-only-banner", Server, NULL, server_set_up,
                  test_read_only_banner, server_tear_down);
      g_test_add ("/ui/server/settings-form", Server, NULL, server_set_up, test_settings_form,
                  server_tear_down);
      g_test_add ("/ui/server/close-mid-connect", Server, NULL, server_set_up,
                  test_close_mid_connect, server_tear_down);
      g_test_add ("/ui/server/password-dialog", Server, NULL, server_set_up,
                  test_password_dialog, server_tear_down);
      g_test_add ("/ui/server/shots", Server, NULL, server_set_up, test_shots,
                  server_tear_down);
    }
  return g_test_run ();
}
