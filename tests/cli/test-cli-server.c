/* SPDX-License-Identifier: GPL-3.0-or-later */
/* traindesk-cli on a PostgreSQL server as administrators use it there: "grant" gives a
 * clerk's and an inspector's role their rights; the inspector reads everything and every
 * writing verb refuses with a sentence (exit 1), not the server's SQL error; the password is
 * asked on the terminal, or found by libpq (PGPASSWORD, .pgpass).  Needs TD_TEST_PG
 * (build-aux/pg-cluster); without it there are no tests. */
#include "config.h"

#include <string.h>

#include "cli-run.h"
#include "core/td-db.h"

typedef struct
{
  CliFixture cli;
  char *schema;
  char *location;               /* the database, as its owner (the cluster's superuser) */
  char *clerk;
  char *inspector;
} ServerFixture;

static void
server_sql (const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open_postgresql (g_getenv ("TD_TEST_PG"), &error);

  g_assert_no_error (error);
  if (td_db_exec (db, sql) != TD_DB_OK)
    g_error ("%s: %s", sql, td_db_message (db));
}

/* A demo database in a schema of its own, and two roles given their rights by "grant". */
static void
server_set_up (ServerFixture *f, gconstpointer data)
{
  guint32 n = g_random_int ();
  g_autofree char *sql = NULL;
  g_auto (CliRun) run = { 0 };

  cli_fixture_set_up (&f->cli, data);
  f->schema = g_strdup_printf ("td_cli_%08x", n);
  f->clerk = g_strdup_printf ("td_cli_clerk_%08x", n);
  f->inspector = g_strdup_printf ("td_cli_inspector_%08x", n);
  sql = g_strdup_printf ("CREATE SCHEMA %s; CREATE ROLE %s LOGIN PASSWORD 'clerk-pw';"
                         "CREATE ROLE %s LOGIN PASSWORD 'inspector-pw'",
                         f->schema, f->clerk, f->inspector);
  server_sql (sql);
  f->location = g_strdup_printf ("%s options='-csearch_path=%s'", g_getenv ("TD_TEST_PG"),
                                 f->schema);
  cli_run_full (&run, &f->cli, f->location, NULL,
                (const char *const[]) { "init", "--demo", NULL });
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  cli_run_full (&run, &f->cli, f->location, NULL,
                (const char *const[]) { "grant", f->inspector, "read", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "may now read this database, and write nothing"));
  cli_run_clear (&run);
  cli_run_full (&run, &f->cli, f->location, NULL,
                (const char *const[]) { "grant", f->clerk, "write", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "may now read and write this database"));
}

static void
server_tear_down (ServerFixture *f, gconstpointer data)
{
  g_autofree char *sql = g_strdup_printf ("DROP SCHEMA %s CASCADE; DROP OWNED BY %s, %s;"
                                          "DROP ROLE %s; DROP ROLE %s", f->schema, f->clerk,
                                          f->inspector, f->clerk, f->inspector);

  server_sql (sql);
  g_free (f->schema);
  g_free (f->location);
  g_free (f->clerk);
  g_free (f->inspector);
  cli_fixture_tear_down (&f->cli, data);
}

static char *
as_role (ServerFixture *f, const char *role)
{
  return g_strdup_printf ("%s user=%s", f->location, role);
}

/* The inspector lists and verifies; each writing verb is refused in words; the clerk's role
 * does the same. */
static void
test_inspector_reads_only (ServerFixture *f, gconstpointer data)
{
  g_autofree char *db = as_role (f, f->inspector);
  const char *const *writes[] = {
    (const char *const[]) { "institution", "set", "contact_phone=13800000000", NULL },
    (const char *const[]) { "cancel", "--class", "DG2026-021", "--date", "2026-12-01",
                            "--reason", "test", NULL },
    (const char *const[]) { "withdraw", "--class", "DG2026-021", "--id",
                            "371502199611028383", "--date", "2026-12-01", "--reason", "test",
                            NULL },
  };
  g_auto (CliRun) run = { 0 };
  g_auto (GStrv) lines = NULL;

  cli_run_full (&run, &f->cli, db, "PGPASSWORD=inspector-pw",
                (const char *const[]) { "list", "classes", NULL });
  g_assert_cmpint (run.status, ==, 0);
  lines = cli_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "YL2026-011\t"));
  cli_run_clear (&run);
  cli_run_full (&run, &f->cli, db, "PGPASSWORD=inspector-pw",
                (const char *const[]) { "verify", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "The database is sound"));
  cli_run_clear (&run);

  for (gsize i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      cli_run_full (&run, &f->cli, db, "PGPASSWORD=inspector-pw", writes[i]);
      g_test_message ("%s: %s", writes[i][0], run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "who may only read this database, so nothing was "
                                         "saved"));
      g_assert_nonnull (strstr (run.err, f->inspector));
      g_assert_null (strstr (run.err, "permission denied"));
      cli_run_clear (&run);
    }
  /* the clerk may: the same verb done */
  g_free (db);
  db = as_role (f, f->clerk);
  cli_run_full (&run, &f->cli, db, "PGPASSWORD=clerk-pw", writes[0]);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  cli_run_full (&run, &f->cli, f->location, NULL,
                (const char *const[]) { "institution", "show", NULL });
  g_assert_nonnull (strstr (run.out, "contact_phone=13800000000"));
}

/* No password anywhere and no terminal: the sentence says how to give one; libpq's .pgpass
 * (PGPASSFILE) signs in without asking. */
static void
test_password_sources (ServerFixture *f, gconstpointer data)
{
  g_autofree char *db = as_role (f, f->clerk);
  g_autofree char *pgpass = cli_path (&f->cli, "pgpass");
  g_autofree char *line = g_strdup_printf ("*:*:*:%s:clerk-pw\n", f->clerk);
  g_autofree char *env = g_strdup_printf ("PGPASSFILE=%s", pgpass);
  g_autoptr (GError) error = NULL;
  g_auto (CliRun) run = { 0 };

  cli_run_full (&run, &f->cli, db, "PGPASSFILE=/nonexistent-td-pgpass",
                (const char *const[]) { "list", "classes", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "wants a password"));
  g_assert_nonnull (strstr (run.err, "set PGPASSWORD for this command only"));
  g_assert_cmpstr (run.out, ==, "");
  cli_run_clear (&run);

  g_assert_true (g_file_set_contents_full (pgpass, line, -1, G_FILE_SET_CONTENTS_NONE, 0600,
                                           &error));
  g_assert_no_error (error);
  cli_run_full (&run, &f->cli, db, env, (const char *const[]) { "list", "classes", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "YL2026-011\t"));
}

#ifdef G_OS_UNIX
/* On a terminal (script(1) gives the command one) the CLI asks for the password and signs in
 * with what was typed.  (Unix only: script(1) and sh give the terminal.) */
static void
test_password_prompt (ServerFixture *f, gconstpointer data)
{
  g_autofree char *db = as_role (f, f->clerk);
  g_autofree char *script = g_find_program_in_path ("script");
  g_auto (CliRun) run = { 0 };

  if (script == NULL)
    {
      g_test_skip ("script(1) is not installed: no terminal to ask on");
      return;
    }
  g_setenv ("TD_TEST_DB", db, TRUE);
  g_setenv ("PGPASSFILE", "/nonexistent-td-pgpass", TRUE);
  cli_spawn (&run, f->cli.dir, (const char *const[]) {
    "sh", "-c", "printf 'clerk-pw\\n' | script -qec '\"$TD_CLI\" --db \"$TD_TEST_DB\" list "
    "classes' /dev/null", NULL });
  g_unsetenv ("TD_TEST_DB");
  g_unsetenv ("PGPASSFILE");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Password for "));
  g_assert_nonnull (strstr (run.out, "YL2026-011\t"));
  g_assert_null (strstr (run.out, "wants a password"));
}
#endif

int
main (int argc, char **argv)
{
  const char *pg = g_getenv ("TD_TEST_PG");

  g_test_init (&argc, &argv, NULL);
  if (pg != NULL && *pg != '\0' && td_db_have_postgresql ())
    {
      g_test_add ("/cli-server/inspector-reads-only", ServerFixture, NULL, server_set_up,
                  test_inspector_reads_only, server_tear_down);
      g_test_add ("/cli-server/password-sources", ServerFixture, NULL, server_set_up,
                  test_password_sources, server_tear_down);
#ifdef G_OS_UNIX
      g_test_add ("/cli-server/password-prompt", ServerFixture, NULL, server_set_up,
                  test_password_prompt, server_tear_down);
#endif
    }
  return g_test_run ();
}
