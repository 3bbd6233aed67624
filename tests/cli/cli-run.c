/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cli-run.h"
#include "../td-test-platform.h"

void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
cli_fixture_set_up (CliFixture *f, gconstpointer data)
{
  f->dir = td_test_make_dir ("td-cli-XXXXXX");
  f->db = g_build_filename (f->dir, "traindesk.db", NULL);
}

void
cli_fixture_tear_down (CliFixture *f, gconstpointer data)
{
  td_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* @envp: the environment, or NULL for this process's. */
static void
spawn_env (CliRun *run, const char *dir, char **envp, const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  cli_run_clear (run);
  if (!td_test_spawn_sync (dir, argv, envp, G_SPAWN_SEARCH_PATH, &run->out, &run->err,
                          &wait_status, &error))
    g_error ("Cannot start %s in %s: %s", argv[0], dir, error->message);
  run->status = 0;
  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      g_assert_true (error->domain == G_SPAWN_EXIT_ERROR);
      run->status = error->code;
    }
}

void
cli_spawn (CliRun *run, const char *dir, const char *const *argv)
{
  spawn_env (run, dir, NULL, argv);
}

void
cli_run_full (CliRun *run, CliFixture *f, const char *db, const char *env,
              const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TD_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (int i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (g_ptr_array_index (argv, 0));
  if (env != NULL)
    {
      g_auto (GStrv) pair = g_strsplit (env, "=", 2);
      envp = g_environ_setenv (g_get_environ (), pair[0], pair[1], TRUE);
    }
  spawn_env (run, f->dir, envp, (const char *const *) argv->pdata);
}

void
cli_run (CliRun *run, CliFixture *f, const char *const *args)
{
  cli_run_full (run, f, f->db, NULL, args);
}

void
cli_init_demo (CliFixture *f)
{
  g_auto (CliRun) r = { 0 };

  CLI (&r, f, "init", "--demo");
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
}

char *
cli_path (CliFixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

GStrv
cli_lines (const char *text)
{
  GStrv lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  if (n > 0 && lines[n - 1][0] == '\0')
    {
      g_free (lines[n - 1]);
      lines[n - 1] = NULL;
    }
  return lines;
}
