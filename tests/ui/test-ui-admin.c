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

/* ---- fixture and helpers ---------------------------------------------------------- */

static G_GNUC_UNUSED gboolean
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
  f->dir = td_test_make_dir ("td-ui-admin-XXXXXX");
  f->path = g_build_filename (f->dir, "td.db", NULL);
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
  inst = td_store_get_institution (f->store);
  g_assert_nonnull (inst);
  g_assert_cmpstr (inst->name, ==, "聊城市东昌府区示范职业培训学校");
  td_test_write_shot (GTK_WIDGET (f->window), "admin-reopened");
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv, TODAY, NOW);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/admin/reopen-after-kill", test_reopen_after_kill);
#undef ADD
  return g_test_run ();
}
