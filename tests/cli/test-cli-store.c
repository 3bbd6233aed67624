/* SPDX-License-Identifier: GPL-3.0-or-later */
/* traindesk-cli init, list, verify, backup and import-attendance, run as a user runs them
 * (TD_CLI), on the demo data as of 2026-11-26 (TD_TODAY). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cli-run.h"
#include "core/td-db.h"
#include "../td-test-private.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs @argv (argv[0] looked up in PATH) in @dir. */
static void
run_argv (Run *r, const char *dir, const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  if (!td_test_spawn_sync (dir, argv, NULL, G_SPAWN_SEARCH_PATH, &r->out, &r->err,
                          &wait_status, &error))
    g_error ("Cannot start %s in %s: %s", argv[0], dir, error->message);
  r->status = 0;
  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      g_assert_true (error->domain == G_SPAWN_EXIT_ERROR);
      r->status = error->code;
    }
}

/* Runs traindesk-cli with @args (NULL-terminated) in the fixture's folder. */
static void
run_in (Run *r, const char *dir, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("TD_CLI"));
  for (int i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (g_ptr_array_index (argv, 0));
  run_argv (r, dir, (const char *const *) argv->pdata);
}

#define RUN(r, f, ...) run_in (r, (f)->dir, (const char *const[]) { __VA_ARGS__, NULL })

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = td_test_make_dir ("td-cli-XXXXXX");
  f->db = g_build_filename (f->dir, "traindesk.db", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  td_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static char *
file_sum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
init_demo (Fixture *f)
{
  g_auto (Run) r = { 0 };
  g_autofree char *expected = g_strdup_printf ("Created %s with the demo data.\n", f->db);

  RUN (&r, f, "--db", f->db, "init", "--demo");
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, expected);
}

#define CLASSES \
  "YL2026-011\t养老护理员（五级）就业技能培训2026年第11期\tfinished\t2026-06-19\t2026-07-09\t40\t25\n" \
  "CY2026-004\t创业培训（SYB）2026年第4期\tfinished\t2026-08-24\t2026-09-01\t30\t19\n" \
  "DG2026-021\t电工（五级）就业技能培训2026年第21期\trunning\t2026-11-17\t2026-12-07\t40\t30\n" \
  "JZ2026-031\t家政服务员（五级）就业技能培训2026年第31期\tfiled\t2026-12-14\t2026-12-25\t40\t0\n"

/* The demo as of 2026-11-26: the care class began 160 days before (19 June, a Friday) and
 * ran 15 working days; SYB 95 days before (23 August, a Sunday, so the 24th) for 7; the
 * electricians started 17 November and are running; the home-service class starts 12
 * working days after today, filed, nobody enrolled yet.  One trainee withdrew from each of
 * the two finished classes (26 → 25, 20 → 19). */
static void
test_list_classes (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };

  init_demo (f);
  RUN (&r, f, "--db", f->db, "list", "classes");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, CLASSES);
  g_assert_cmpstr (r.err, ==, "");
}

static void
test_list_trainees (Fixture *f, gconstpointer data)
{
  g_auto (Run) masked = { 0 };
  g_auto (Run) shown = { 0 };
  g_auto (Run) empty = { 0 };
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) full = NULL;

  init_demo (f);
  RUN (&masked, f, "--db", f->db, "list", "trainees", "--class", "YL2026-011");
  g_assert_cmpint (masked.status, ==, 0);
  lines = g_strsplit (masked.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 27);       /* 26 and the final newline */
  g_assert_cmpstr (lines[0], ==, "371581********9667\t林丽娟\t2\t1975-08-02\t07,04");
  for (int i = 0; i < 26; i++)
    g_assert_true (g_regex_match_simple ("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]\t[^\t]+\t[12]\t"
                                         "[0-9]{4}-[0-9]{2}-[0-9]{2}\t[0-9]{2}(,[0-9]{2})*$",
                                         lines[i], 0, 0));
  /* No id shows in full without --show-id. */
  g_assert_false (g_regex_match_simple ("[0-9]{18}", masked.out, 0, 0));

  RUN (&shown, f, "--db", f->db, "list", "trainees", "--class", "YL2026-011", "--show-id");
  g_assert_cmpint (shown.status, ==, 0);
  full = g_strsplit (shown.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (full), ==, 27);
  g_assert_cmpstr (full[0], ==, "371581197508029667\t林丽娟\t2\t1975-08-02\t07,04");

  RUN (&empty, f, "--db", f->db, "list", "trainees", "--class", "JZ2026-031");
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (empty.out, ==, "");
}

static void
test_verify_and_backup (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *backed = g_strdup_printf ("Backed up to %s\n", copy);
  g_autofree char *nowhere = g_build_filename (f->dir, "missing", "copy.db", NULL);
  g_auto (Run) verify = { 0 };
  g_auto (Run) backup = { 0 };
  g_auto (Run) listed = { 0 };
  g_auto (Run) verify_copy = { 0 };
  g_auto (Run) failed = { 0 };

  init_demo (f);
  RUN (&verify, f, "--db", f->db, "verify");
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_cmpstr (verify.out, ==, "The database is sound, every attendance chain recomputes, "
                                   "and every packet sent matches its digest, its receipt and "
                                   "the records it carried.\n");
  RUN (&backup, f, "--db", f->db, "backup", copy);
  g_assert_cmpint (backup.status, ==, 0);
  g_assert_cmpstr (backup.out, ==, backed);
  RUN (&listed, f, "--db", copy, "list", "classes");
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_cmpstr (listed.out, ==, CLASSES);
  RUN (&verify_copy, f, "--db", copy, "verify");
  g_assert_cmpint (verify_copy.status, ==, 0);

  RUN (&failed, f, "--db", f->db, "backup", nowhere);
  g_assert_cmpint (failed.status, ==, 1);
  g_assert_nonnull (strstr (failed.err, "does not exist: create it first or choose another folder."));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

/* copy between two files (the server's side is in tests/core/test-store-copy.c): what it
 * says when it copied, when the target holds a database, when --to and --from are both or
 * neither given, when the server cannot be reached. */
static void
test_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *again = g_build_filename (f->dir, "again.db", NULL);
  g_autofree char *refused = g_strdup_printf ("%s already exists, so nothing was copied into "
                                              "it. Copy into a new file, or replace that one.\n"
                                              "To replace it, and lose what it holds, add "
                                              "--replace.\n", copy);
  g_autofree char *nowhere = g_strdup_printf ("host=%s/no-server dbname=traindesk", f->dir);
  const char *done = "^Copied .+ to .+: [0-9]+ rows, with their ids, the attendance chains, "
                     "the packets and the audit log as they were\\.\n$";
  g_auto (Run) to = { 0 };
  g_auto (Run) from = { 0 };
  g_auto (Run) verify = { 0 };
  g_auto (Run) not_empty = { 0 };
  g_auto (Run) replaced = { 0 };
  g_auto (Run) both = { 0 };
  g_auto (Run) neither = { 0 };
  g_auto (Run) unreachable = { 0 };
  g_autofree char *sum = NULL;

  init_demo (f);
  RUN (&to, f, "--db", f->db, "copy", "--to", copy);
  g_assert_cmpint (to.status, ==, 0);
  g_assert_true (g_regex_match_simple (done, to.out, 0, 0));
  RUN (&from, f, "--db", again, "copy", "--from", copy);
  g_assert_cmpint (from.status, ==, 0);
  g_assert_true (g_regex_match_simple (done, from.out, 0, 0));
  RUN (&verify, f, "--db", again, "verify");
  g_assert_cmpint (verify.status, ==, 0);

  g_assert_true (g_file_get_contents (copy, &sum, NULL, NULL));
  RUN (&not_empty, f, "--db", f->db, "copy", "--to", copy);
  g_assert_cmpint (not_empty.status, ==, 1);
  g_assert_cmpstr (not_empty.err, ==, refused);
  g_assert_cmpstr (not_empty.out, ==, "");
  RUN (&replaced, f, "--db", f->db, "copy", "--replace", "--to", copy);
  g_assert_cmpint (replaced.status, ==, 0);

  RUN (&both, f, "--db", f->db, "copy", "--to", copy, "--from", again);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_cmpstr (both.err, ==, "traindesk-cli copy: give either --to LOCATION or --from "
                                 "LOCATION\n");
  RUN (&neither, f, "--db", f->db, "copy");
  g_assert_cmpint (neither.status, ==, 2);
  g_assert_cmpstr (neither.err, ==, both.err);

  RUN (&unreachable, f, "--db", f->db, "copy", "--to", nowhere);
  g_assert_cmpint (unreachable.status, ==, 1);
  if (td_db_have_postgresql ())
    g_assert_true (g_str_has_prefix (unreachable.err, "Cannot reach the database server of "));
}

static void
assert_usage (Fixture *f, const char *const *args, const char *message)
{
  g_auto (Run) r = { 0 };

  run_in (&r, f->dir, args);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, message));
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  init_demo (f);
  assert_usage (f, (const char *const[]) { "--db", f->db, "list", NULL },
                "traindesk-cli list: usage: list classes | list trainees|results|follow-ups|claim"
                "|attendance --class CODE [--show-id]\n       list packets [--class CODE]\n");
  assert_usage (f, (const char *const[]) { "--db", f->db, "list", "trainees", NULL },
                "traindesk-cli list: list trainees needs --class CODE\n");
  assert_usage (f, (const char *const[]) { "--db", f->db, "list", "classes", "extra", NULL },
                "traindesk-cli list: unknown argument “extra”\n");
  assert_usage (f, (const char *const[]) { "--db", f->db, "verify", "now", NULL },
                "traindesk-cli verify: usage: verify\n");
  assert_usage (f, (const char *const[]) { "--db", f->db, "backup", NULL },
                "traindesk-cli backup: usage: backup FILE\n");
  assert_usage (f, (const char *const[]) { "--db", f->db, "init", "--bogus", NULL },
                "traindesk-cli init: usage: init [--demo]\n");
  assert_usage (f, (const char *const[]) { "--db", f->db, "frobnicate", NULL },
                "traindesk-cli frobnicate: unknown command\n");
  assert_usage (f, (const char *const[]) { "--nope", "list", "classes", NULL },
                "traindesk-cli: Unknown option --nope\n");
}

/* Every verb the help lists has its own --help: exit 0, its usage line, its options. */
static void
test_help (Fixture *f, gconstpointer data)
{
  g_auto (Run) top = { 0 };
  g_auto (GStrv) lines = NULL;
  guint n_verbs = 0;
  gboolean in_commands = FALSE;

  RUN (&top, f, "--help");
  g_assert_cmpint (top.status, ==, 0);
  g_assert_true (g_str_has_prefix (top.out, "Usage: traindesk-cli [--db FILE] COMMAND"));
  lines = g_strsplit (top.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *verb = NULL;
      g_autofree char *usage = NULL;
      g_autofree char *synopsis = NULL;
      g_auto (Run) help = { 0 };

      in_commands = in_commands || g_str_equal (lines[i], "Commands:");
      if (!in_commands || !g_regex_match_simple ("^  [a-z]", lines[i], 0, 0))
        continue;
      verb = g_strndup (lines[i] + 2, strcspn (lines[i] + 2, " "));
      RUN (&help, f, verb, "--help");
      g_assert_cmpint (help.status, ==, 0);
      g_assert_cmpstr (help.err, ==, "");
      usage = g_strdup_printf ("Usage:\n  traindesk-cli %s [OPTION…]\n", verb);
      g_assert_true (g_str_has_prefix (help.out, usage));
      synopsis = g_strdup_printf ("traindesk-cli [--db FILE] %s", lines[i] + 2);
      g_assert_nonnull (strstr (help.out, synopsis));
      g_assert_nonnull (strstr (help.out, "-h, --help"));
      n_verbs++;
    }
  g_assert_cmpuint (n_verbs, >=, 13);
}

/* Options in either spelling, anywhere after the verb; a path with Chinese and spaces. */
static void
test_option_forms (Fixture *f, gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "培训 数据", "演示.db", NULL);
  g_autofree char *db_option = g_strconcat ("--db=", db, NULL);
  g_autofree char *created = g_strdup_printf ("Created %s with the demo data.\n", db);
  g_auto (Run) init = { 0 };
  g_auto (Run) listed = { 0 };
  g_auto (Run) missing = { 0 };
  g_auto (GStrv) lines = NULL;

  RUN (&init, f, "--db", db, "init", "--demo");
  g_assert_cmpint (init.status, ==, 0);
  g_assert_cmpstr (init.out, ==, created);
  RUN (&listed, f, db_option, "list", "--show-id", "trainees", "--class=YL2026-011");
  g_assert_cmpint (listed.status, ==, 0);
  lines = g_strsplit (listed.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "371581197508029667\t林丽娟\t2\t1975-08-02\t07,04");
  RUN (&missing, f, "--db", db, "list", "trainees", "--class");
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "traindesk-cli list: Missing argument for --class\n"
                                         "traindesk-cli list: usage: list classes"));
}

static void
test_unknown_class (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_auto (Run) again = { 0 };
  g_auto (Run) missing = { 0 };
  g_autofree char *nowhere = g_build_filename (f->dir, "none.db", NULL);

  init_demo (f);
  RUN (&r, f, "--db", f->db, "list", "trainees", "--class", "XX2000-000");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "There is no class with the code XX2000-000.\n");
  /* The demo goes into a new database only. */
  RUN (&again, f, "--db", f->db, "init", "--demo");
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already holds classes"));
  /* A database that does not exist is not created by list. */
  RUN (&missing, f, "--db", nowhere, "list", "classes");
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "No such database: "));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

/* The files the verbs that import read, in @dir (valid ones: a verb must be refused for the
 * database, not for its input). */
static void
write_inputs (const char *dir)
{
  static const char *const files[][2] = {
    { "in-roster.csv", "姓名,身份证号,性别,出生日期,手机号,文化程度,户籍地,人员类别\n"
                       "刘芳,371502199310111124,女,1993-10-11,13800138000,高中,371502,01\n" },
    { "in-results.csv", "身份证号,姓名,理论成绩,实操成绩,考核结果\n"
                        "371581197508029667,林丽娟,85,90,合格\n" },
    { "in-follow-ups.csv", "身份证号,姓名,回访日期,就业状态\n"
                           "371581197508029667,林丽娟,2026-08-01,已就业\n" },
    { "in-attlog.dat", "     1\t2026-11-17 08:20:00\t1\t0\t1\t0\n" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i][0], NULL);
      g_assert_true (g_file_set_contents (path, files[i][1], -1, NULL));
    }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted, one a line (SQLite's -wal and -shm files beside a database
 * apart: a reader makes them). */
static char *
dir_listing (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  /* g_dir_read_name's name lives only until the next call (GLib on Windows reuses one
   * buffer), so each is copied. */
  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

#define BUREAU(name) g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau", name, NULL)

/* A file the CLI must refuse for every verb that reads or writes the database — each verb of
 * `traindesk-cli --help` but roster-template, which writes an empty roster without it — never
 * an empty list, an empty or half-written file, a crash: exit status 1, nothing on standard
 * output, @message said, no file written, and the database left byte for byte as it was. */
static void
assert_refused_as (Fixture *f, const char *path, const char *message, gboolean read_file)
{
  g_autofree char *before = read_file ? file_sum (path) : NULL;
  g_autofree char *filing = BUREAU ("filing.xml");
  g_autofree char *catalog = BUREAU ("catalog-2026-1.xml");
  g_autofree char *packet = BUREAU ("roster.xml");
  g_autofree char *receipt = BUREAU ("receipt-roster.xml");
  g_autofree char *files_before = NULL;
  const char *const verbs[][12] = {
    { "init" },
    { "init", "--demo" },
    { "institution", "show" },
    { "institution", "set", "contact_name=王立新" },
    { "class", "show", "YL2026-011" },
    { "class", "new", "--from", filing },
    { "list", "classes" },
    { "list", "trainees", "--class", "YL2026-011" },
    { "list", "results", "--class", "YL2026-011" },
    { "list", "follow-ups", "--class", "YL2026-011" },
    { "list", "claim", "--class", "YL2026-011" },
    { "list", "attendance", "--class", "YL2026-011" },
    { "list", "packets" },
    { "list", "packets", "--class", "YL2026-011" },
    { "withdraw", "--class", "DG2026-021", "--id", "371581197508029667", "--date",
      "2026-11-20", "--reason", "找到工作" },
    { "cancel", "--class", "JZ2026-031", "--date", "2026-11-20", "--reason", "生源不足" },
    { "import-catalog", catalog },
    { "import-roster", "--class", "JZ2026-031", "in-roster.csv" },
    { "import-results", "--class", "YL2026-011", "in-results.csv" },
    { "results-template", "--class", "YL2026-011", "-o", "results.xlsx" },
    { "import-follow-ups", "--class", "YL2026-011", "in-follow-ups.csv" },
    { "follow-up-template", "--class", "YL2026-011", "-o", "follow-ups.xlsx" },
    { "import-attendance", "--class", "DG2026-021", "in-attlog.dat" },
    { "import-attendance", "--class", "DG2026-021", "--apply", "in-attlog.dat" },
    { "export", "roster", "--class", "YL2026-011", "-o", "roster.xml" },
    { "export", "quarterly", "--year", "2026", "--quarter", "3", "-o", "quarterly.xml" },
    { "export-table", "roster", "--class", "YL2026-011", "-o", "roster.csv" },
    { "export-table", "attendance", "--class", "YL2026-011", "-o", "attendance.xlsx" },
    { "export-table", "claim", "--class", "YL2026-011", "-o", "claim.csv" },
    { "import-packet", packet },
    { "packet-file", "04790278-fbaa-4618-afa7-0aa5ddff5953", "-o", "packet.xml" },
    { "validate", packet },
    { "import-receipt", receipt },
    { "print", "roster", "--class", "YL2026-011", "-o", "roster.pdf" },
    { "chart", "outcomes", "-o", "outcomes.png" },
    { "verify" },
    { "backup", "copy.db" },
  };

  write_inputs (f->dir);
  files_before = dir_listing (f->dir);
  for (gsize i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_auto (Run) r = { 0 };
      g_autofree char *after = NULL, *files_after = NULL;
      const char *argv[16] = { "--db", path };

      for (guint a = 0; a < G_N_ELEMENTS (verbs[i]) && verbs[i][a] != NULL; a++)
        argv[2 + a] = verbs[i][a];
      run_in (&r, f->dir, argv);
      g_test_message ("%s %s: %d %s", verbs[i][0], verbs[i][1] != NULL ? verbs[i][1] : "",
                      r.status, r.err);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_nonnull (strstr (r.err, message));
      files_after = dir_listing (f->dir);
      g_assert_cmpstr (files_after, ==, files_before);
      after = read_file ? file_sum (path) : NULL;
      g_assert_cmpstr (after, ==, before);
    }
}

static void
assert_refused (Fixture *f, const char *path, const char *message)
{
  assert_refused_as (f, path, message, TRUE);
}

static void
test_refuse_corrupt (Fixture *f, gconstpointer data)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);

  init_demo (f);
  g_assert_true (g_file_get_contents (f->db, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 64 * 4096);
  for (gsize i = len / 2 - 16 * 4096; i < len / 2 + 16 * 4096; i++)
    bytes[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->db, bytes, (gssize) len, NULL));
  assert_refused (f, f->db, "is damaged");
}

/* Another program holds the database's lock (a rollback journal, as on a network drive, where
 * a writer keeps the readers out): every verb says the database is in use and exits 1; none
 * prints an empty list. */
static void
test_refuse_locked (Fixture *f, gconstpointer data)
{
  sqlite3 *db = NULL;

  init_demo (f);
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE; "
                                     "INSERT INTO setting (key, value) VALUES ('lock-probe', 'x')",
                                     NULL, NULL, NULL), ==,
                   SQLITE_OK);
  /* not read here: closing any descriptor of the file would drop this process's lock */
  assert_refused_as (f, f->db, "is locked by another program", FALSE);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
}

static void
test_refuse_foreign (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "roster.csv", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT); INSERT INTO notes "
                                     "VALUES ('shopping list')", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f, f->db, "is a database of another program, not of TrainDesk");

  g_assert_true (g_file_set_contents (text, "姓名,身份证号\n刘芳,371502199310111124\n"
                                      "陈建国,371502197502191019\n赵敏,371502199003121322\n"
                                      "王伟,371502198805061216\n", -1, NULL));
  assert_refused (f, text, "is not a TrainDesk database (it is not an SQLite file)");
}

/* ---- import-attendance ---- */

/* One integer or text answer of @sql on the fixture's database. */
static char *
sql_text (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

#define DG_LESSONS \
  "FROM lesson WHERE class_id = (SELECT id FROM class WHERE code = 'DG2026-021') AND id NOT " \
  "IN (SELECT lesson_id FROM attendance) AND date = (SELECT min(date) FROM lesson WHERE " \
  "class_id = (SELECT id FROM class WHERE code = 'DG2026-021') AND id NOT IN " \
  "(SELECT lesson_id FROM attendance))"

/* A door terminal's attlog.dat for the electricians' first day without attendance: everyone
 * (person numbers 1–30, the roster positions) 10 minutes before and 5 after both lessons,
 * number 3 without the morning sign-out, and number 99, who is not on the roster. */
static char *
write_attlog (Fixture *f, char **date, char **first_lid)
{
  g_autofree char *path = g_build_filename (f->dir, "attlog.dat", NULL);
  g_autoptr (GString) text = g_string_new ("No\tDateTime\tStatus\tVerify\tWorkCode\n");
  const char *times[] = { "start", "end" };

  *date = sql_text (f, "SELECT date " DG_LESSONS);
  *first_lid = sql_text (f, "SELECT lid " DG_LESSONS " ORDER BY start LIMIT 1");
  g_assert_nonnull (*date);
  for (int person = 1; person <= 30; person++)
    for (int lesson = 0; lesson < 2; lesson++)
      for (int t = 0; t < 2; t++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT time (%s, '%s') " DG_LESSONS
                                                  " ORDER BY start LIMIT 1 OFFSET %d", times[t],
                                                  t == 0 ? "-10 minutes" : "+5 minutes", lesson);
          g_autofree char *at = sql_text (f, sql);
          if (person == 3 && lesson == 0 && t == 1)
            continue;
          g_string_append_printf (text, "%6d\t%s %s\t0\t15\t0\t0\r\n", person, *date, at);
        }
  g_string_append_printf (text, "    99\t%s 08:00:00\t0\t15\t0\t0\r\n", *date);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return g_steal_pointer (&path);
}

static guint
count_lines (const char *text, const char *prefix)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);
  return n;
}

static void
test_import_attendance (Fixture *f, gconstpointer data)
{
  g_auto (Run) list = { 0 };
  g_auto (Run) r = { 0 };
  g_autofree char *date = NULL;
  g_autofree char *lid = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *name3 = NULL;

  init_demo (f);
  path = write_attlog (f, &date, &lid);
  name3 = sql_text (f, "SELECT t.name FROM enrolment e JOIN trainee t ON t.id = e.trainee_id "
                       "WHERE e.position = 3 AND e.class_id = (SELECT id FROM class WHERE "
                       "code = 'DG2026-021')");
  RUN (&list, f, "--db", f->db, "list", "attendance", "--class", "DG2026-021");
  g_assert_cmpint (list.status, ==, 0);
  before = g_strdup (list.out);

  /* the preview: rows, one line per exception, nothing stored */
  RUN (&r, f, "--db", f->db, "import-attendance", "--class", "DG2026-021", path);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (count_lines (r.out, lid), ==, 30);
  g_assert_cmpuint (count_lines (r.out, "EXCEPTION "), ==, 2);
  expected = g_strdup_printf ("EXCEPTION line 10: %s punched only once for lesson %s", name3,
                              lid);
  g_assert_nonnull (strstr (r.out, expected));
  g_assert_nonnull (strstr (r.out, "\nEXCEPTION line 121: person number 99 is not on the "
                                   "class's roster: 1 punch ignored.\n"));
  run_clear (&list);
  RUN (&list, f, "--db", f->db, "list", "attendance", "--class", "DG2026-021");
  g_assert_cmpstr (list.out, ==, before);

  /* --apply with an undecided exception: refused, nothing stored */
  run_clear (&r);
  RUN (&r, f, "--db", f->db, "import-attendance", "--class", "DG2026-021", "--apply", path);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "1 exception still needs a decision; nothing was stored.\n");
  run_clear (&list);
  RUN (&list, f, "--db", f->db, "list", "attendance", "--class", "DG2026-021");
  g_assert_cmpstr (list.out, ==, before);

  /* settled by --one-punch absent: stored, once */
  run_clear (&r);
  RUN (&r, f, "--db", f->db, "import-attendance", "--class", "DG2026-021", "--one-punch",
       "absent", "--apply", path);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_suffix (r.out, "Stored 60 new records, 0 changed, 0 corrections of "
                                          "sent batches.\n"));
  run_clear (&list);
  RUN (&list, f, "--db", f->db, "list", "attendance", "--class", "DG2026-021");
  g_assert_cmpuint (count_lines (list.out, lid), ==, 30);
  g_assert_cmpuint (count_lines (list.out, ""), ==, count_lines (before, "") + 60);
  run_clear (&r);
  RUN (&r, f, "--db", f->db, "import-attendance", "--class", "DG2026-021", "--one-punch",
       "absent", "--apply", path);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_suffix (r.out, "Nothing to store: every record is stored so "
                                          "already.\n"));
  g_free (before);
  before = sql_text (f, "SELECT count(*) FROM audit WHERE op = 'bulk' AND new LIKE "
                        "'%\"action\":\"import-attendance\"%' AND new LIKE "
                        "'%\"file\":\"attlog.dat\"%\"records\":60%'");
  g_assert_cmpstr (before, ==, "1");
}

/* A table whose headers are not known: refused with what to do, read with --columns, and
 * the next file of that layout read with the remembered columns; --method for lines that
 * do not say. */
static void
test_import_attendance_columns (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_autofree char *date = NULL;
  g_autofree char *lid = NULL;
  g_autofree char *attlog = NULL;
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *start = NULL;
  g_autofree char *text = NULL;

  init_demo (f);
  attlog = write_attlog (f, &date, &lid);
  start = sql_text (f, "SELECT time (start, '-5 minutes') " DG_LESSONS " ORDER BY start LIMIT 1");
  text = g_strdup_printf ("No,Who,When\n1,x,%s %s\n", date, start);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  RUN (&r, f, "--db", f->db, "import-attendance", "--class", "DG2026-021", path);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "No header row of export.csv names a person number or id number "
                              "and a time: map its columns in the app (they are remembered for "
                              "files of this layout) or with --columns "
                              "\"first=1;person=0;datetime=2\".\n");
  run_clear (&r);
  RUN (&r, f, "--db", f->db, "import-attendance", "--class", "DG2026-021", "--method", "CARD",
       "--columns", "first=1;person=0;datetime=2", path);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\tCARD\twaits for a decision\n"));
  run_clear (&r);
  RUN (&r, f, "--db", f->db, "import-attendance", "--class", "DG2026-021", path);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, lid));
  run_clear (&r);
  RUN (&r, f, "--db", f->db, "import-attendance", "--class", "DG2026-021", "--method", "PALM",
       path);
  g_assert_cmpint (r.status, ==, 2);
}

/* The Attendance packet of an imported class passes the schema and every rule. */
static void
test_import_attendance_export (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_auto (Run) v = { 0 };
  g_autofree char *date = NULL;
  g_autofree char *lid = NULL;
  g_autofree char *path = NULL;
  g_autofree char *now = NULL;
  g_autofree char *packet = g_build_filename (f->dir, "attendance.xml", NULL);
  g_autofree char *lesson_attr = NULL;
  g_autofree char *xml = NULL;

  init_demo (f);
  path = write_attlog (f, &date, &lid);
  RUN (&r, f, "--db", f->db, "import-attendance", "--class", "DG2026-021", "--one-punch",
       "absent", "--apply", path);
  g_assert_cmpint (r.status, ==, 0);
  now = g_strdup_printf ("%sT19:00:00+08:00", date);
  g_setenv ("TD_NOW", now, TRUE);
  run_clear (&r);
  RUN (&r, f, "--db", f->db, "export", "attendance", "--class", "DG2026-021", "-o", packet);
  RUN (&v, f, "--db", f->db, "validate", packet);
  g_unsetenv ("TD_NOW");
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (v.out, ==, "");
  g_assert_cmpint (v.status, ==, 0);
  g_assert_true (g_file_get_contents (packet, &xml, NULL, NULL));
  lesson_attr = g_strdup_printf ("lesson=\"%s\" date=\"%s\"", lid, date);
  g_assert_nonnull (strstr (xml, lesson_attr));
}

/* A wrong output extension is a usage error (2) for every verb that writes a file, said
 * before the database is even opened, and nothing is written. */
static void
test_output_extension (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.txt", NULL);
  const char *const cases[][8] = {
    { "print", "roster", "--class", "YL2026-011", "-o", out, NULL },
    { "chart", "outcomes", "-o", out, NULL },
    { "export-table", "roster", "--class", "YL2026-011", "-o", out, NULL },
    { "roster-template", "-o", out, NULL },
    { "export", "roster", "--class", "YL2026-011", "-o", out, NULL },
  };

  init_demo (f);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autofree char *prefix = g_strdup_printf ("traindesk-cli %s: the output file name must "
                                                 "end in .", cases[i][0]);
      g_auto (Run) r = { 0 };

      g_ptr_array_add (args, "--db");
      g_ptr_array_add (args, f->db);
      for (gsize j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i][j]);
      g_ptr_array_add (args, NULL);
      run_in (&r, f->dir, (const char *const *) args->pdata);
      g_assert_cmpint (r.status, ==, 2);
      if (strstr (r.err, prefix) == NULL)
        g_error ("%s: '%s' does not say '%s'", cases[i][0], r.err, prefix);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* Only init creates a database; a read-only verb leaves an empty file empty; validate refuses
 * a --db it cannot read instead of checking without the history. */
static void
test_db_contract (Fixture *f, gconstpointer data)
{
  g_autofree char *typo = g_build_filename (f->dir, "tpyo.db", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *catalog = g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau",
                                               "catalog-2026-1.xml", NULL);
  g_autofree char *packet = g_build_filename (g_getenv ("TD_TEST_DATA"), "bureau",
                                              "filing.xml", NULL);
  g_auto (Run) imported = { 0 };
  g_auto (Run) receipt = { 0 };
  g_auto (Run) listed = { 0 };
  g_auto (Run) verified = { 0 };
  g_auto (Run) on_newer = { 0 };
  g_auto (Run) on_text = { 0 };
  g_autofree char *contents = NULL;
  gsize len = 1;
  sqlite3 *db = NULL;

  RUN (&imported, f, "--db", typo, "import-catalog", catalog);
  g_assert_cmpint (imported.status, ==, 1);
  g_assert_nonnull (strstr (imported.err, "No such database: "));
  RUN (&receipt, f, "--db", typo, "import-receipt", packet);
  g_assert_cmpint (receipt.status, ==, 1);
  g_assert_nonnull (strstr (receipt.err, "No such database: "));
  g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  RUN (&listed, f, "--db", empty, "list", "classes");
  g_assert_cmpint (listed.status, ==, 1);
  g_assert_nonnull (strstr (listed.err, "is an empty file, not a TrainDesk database"));
  RUN (&verified, f, "--db", empty, "verify");
  g_assert_cmpint (verified.status, ==, 1);
  g_assert_true (g_file_get_contents (empty, &contents, &len, NULL));
  g_assert_cmpuint (len, ==, 0);

  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1413770033; "
                                     "PRAGMA user_version = 99; CREATE TABLE t (x)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  RUN (&on_newer, f, "--db", newer, "validate", packet);
  g_assert_cmpint (on_newer.status, ==, 1);
  g_assert_nonnull (strstr (on_newer.err, "was written by a newer version of TrainDesk"));
  g_assert_true (g_file_set_contents (text, "shopping list\n", -1, NULL));
  RUN (&on_text, f, "--db", text, "validate", packet);
  g_assert_cmpint (on_text.status, ==, 1);
  g_assert_nonnull (strstr (on_text.err, "is not a TrainDesk database"));
}

/* A receipt or catalogue that never ends (/dev/zero) is refused after 64 MB, not 4 GB. */
static void
test_read_cap (Fixture *f, gconstpointer data)
{
  g_auto (Run) receipt = { 0 };
  g_auto (Run) catalog = { 0 };

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero on this system");
      return;
    }
  init_demo (f);
  RUN (&receipt, f, "--db", f->db, "import-receipt", "/dev/zero");
  g_assert_cmpint (receipt.status, ==, 1);
  g_assert_nonnull (strstr (receipt.err, "The receipt /dev/zero is larger than 64 MB"));
  RUN (&catalog, f, "--db", f->db, "import-catalog", "/dev/zero");
  g_assert_cmpint (catalog.status, ==, 1);
  g_assert_nonnull (strstr (catalog.err, "The catalogue /dev/zero is larger than 64 MB"));
}

/* A pipe that never ends (a FIFO fed from /dev/zero) is refused the same way: the size a pipe
 * reports is 0, so only the cap stops the read. */
static void
test_read_cap_pipe (Fixture *f, gconstpointer data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "receipt.xml", NULL);
  g_autofree char *feed = g_strdup_printf ("exec cat /dev/zero > '%s'", fifo);
  const char *const mkfifo[] = { "mkfifo", fifo, NULL };
  const char *const writer[] = { "sh", "-c", feed, NULL };
  g_autoptr (GError) error = NULL;
  g_auto (Run) made = { 0 };
  g_auto (Run) receipt = { 0 };
  GPid pid = 0;

  if (td_test_on_windows ())
    {
      g_test_skip ("a FIFO (mkfifo) is POSIX: Windows has no named pipe in the file system");
      return;
    }
  run_argv (&made, f->dir, mkfifo);
  if (made.status != 0 || !g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no mkfifo or /dev/zero on this system");
      return;
    }
  init_demo (f);
  g_assert_true (g_spawn_async (f->dir, (char **) writer, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                &error));
  g_assert_no_error (error);
  RUN (&receipt, f, "--db", f->db, "import-receipt", fifo);
  /* a writer still waiting for a reader (the CLI never opened the pipe) is let go */
  td_test_release_fifo_writer (fifo);
  g_spawn_close_pid (pid);
  g_assert_cmpint (receipt.status, ==, 1);
  g_assert_nonnull (strstr (receipt.err, "is larger than 64 MB and was not read"));
}

#define YL "(SELECT id FROM class WHERE code = 'YL2026-011')"

/* Edits made behind the program's back, each on a fresh copy of the demo, and what verify
 * must say about it (one line each: one deleted record is one finding, not a cascade; the
 * audit log's entry for the edit, which TrainDesk did not write, is the only other line). */
static const struct
{
  const char *sql;
  const char *says;
} tampering[] = {
  { "UPDATE trainee SET name = '张三' WHERE id_number = '371526197608136270'",
    "class YL2026-011, trainee 371526********6270: The name is “张三” in the database but "
    "“周新民” in " },
  { "UPDATE trainee SET phone = '13800000000' WHERE id_number = '371526197608136270'",
    "The phone is “13800000000” in the database but “19967242220” in " },
  { "UPDATE packet SET status = 'accepted', receipt = NULL WHERE kind = 'roster' AND class_id = "
    YL, "is marked “Accepted” but holds no receipt from the bureau" },
  { "UPDATE packet SET status = 'sent' WHERE kind = 'filing' AND class_id = " YL,
    "is marked “Sent” but its receipt says ACCEPTED" },
  { "UPDATE packet_content SET content = CAST(replace(CAST(content AS TEXT), '林丽娟', '林丽华') "
    "AS BLOB) WHERE packet_id IN (SELECT id FROM packet WHERE kind = 'roster' AND class_id = " YL
    ")", "its stored bytes give the digest " },
  { "DELETE FROM enrolment WHERE class_id = " YL " AND position = 3",
    "class YL2026-011, trainee 371502********6879: enrolled by " },
  { "DELETE FROM result WHERE id = (SELECT min(id) FROM result WHERE class_id = " YL ")",
    "class YL2026-011, trainee 371581********9667: the result carried by " },
  { "DELETE FROM claim WHERE class_id = " YL, "class YL2026-011: the claim sent as " },
  { "PRAGMA foreign_keys = OFF; DELETE FROM packet WHERE kind = 'claim' AND class_id = " YL,
    "class YL2026-011: the claim names the packet " },
  { "UPDATE result SET outcome = 2 WHERE id = (SELECT min(id) FROM result WHERE class_id = " YL
    " AND outcome = 1)", "the outcome is 2 in the database but 1 in " },
  { "UPDATE claim_line SET amount = amount + 100 WHERE id = (SELECT min(id) FROM claim_line)",
    "the claim line's amount is 1501.00 in the database but 1500.00 in " },
  { "DELETE FROM attendance WHERE class_id = " YL " AND seq = 758",
    "class YL2026-011, lesson L15B, trainee 371521********4555: record 758 (lesson L15B on "
    "2026-07-" },
  { "DELETE FROM attendance WHERE class_id = " YL " AND seq = 300",
    "class YL2026-011, lesson L06B, trainee 371526********1926: record 300 (lesson L06B on "
    "2026-0" },
};

static void
test_verify_tampering (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (f->dir, "tampered.db", NULL);

  init_demo (f);
  for (gsize i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_autofree char *bytes = NULL;
      gsize len = 0;
      sqlite3 *db = NULL;
      g_auto (Run) r = { 0 };
      g_auto (GStrv) lines = NULL;
      g_autofree char *expected = NULL;
      guint n, said = 0, logged = 0;

      g_assert_true (g_file_get_contents (f->db, &bytes, &len, NULL));
      /* owner-only, as the database is (a readable copy would be tightened with a notice) */
      g_assert_true (g_file_set_contents_full (copy, bytes, (gssize) len,
                                               G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL));
      g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
      if (sqlite3_exec (db, tampering[i].sql, NULL, NULL, NULL) != SQLITE_OK
          || sqlite3_changes (db) == 0)
        g_error ("%s: %s (%d rows)", tampering[i].sql, sqlite3_errmsg (db),
                 sqlite3_changes (db));
      sqlite3_close (db);
      RUN (&r, f, "--db", copy, "verify");
      lines = g_strsplit (r.out, "\n", -1);
      n = g_strv_length (lines) - 1;
      for (guint l = 0; l < n; l++)
        {
          if (strstr (lines[l], tampering[i].says) != NULL)
            said++;
          else if (strstr (lines[l], "the audit log has an entry TrainDesk did not write") != NULL)
            logged++;
        }
      if (r.status != 1 || said != 1 || logged > 1 || said + logged != n)
        g_error ("%s\nexit %d, said:\n%s%s", tampering[i].sql, r.status, r.out, r.err);
      expected = g_strdup_printf (n == 1 ? "%u problem found.\n" : "%u problems found.\n", n);
      g_assert_cmpstr (r.err, ==, expected);
    }
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, setup, func, teardown)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TD_TODAY", "2026-11-26", TRUE);

  ADD ("/cli/store/list-classes", test_list_classes);
  ADD ("/cli/store/list-trainees", test_list_trainees);
  ADD ("/cli/store/verify-and-backup", test_verify_and_backup);
  ADD ("/cli/store/copy", test_copy);
  ADD ("/cli/store/usage-errors", test_usage_errors);
  ADD ("/cli/store/unknown-class", test_unknown_class);
  ADD ("/cli/store/help", test_help);
  ADD ("/cli/store/option-forms", test_option_forms);
  ADD ("/cli/store/refuse-corrupt", test_refuse_corrupt);
  ADD ("/cli/store/refuse-foreign", test_refuse_foreign);
  ADD ("/cli/store/refuse-locked", test_refuse_locked);
  ADD ("/cli/store/output-extension", test_output_extension);
  ADD ("/cli/store/db-contract", test_db_contract);
  ADD ("/cli/store/read-cap", test_read_cap);
  ADD ("/cli/store/read-cap-pipe", test_read_cap_pipe);
  ADD ("/cli/store/verify-tampering", test_verify_tampering);
  ADD ("/cli/store/import-attendance", test_import_attendance);
  ADD ("/cli/store/import-attendance-export", test_import_attendance_export);
  ADD ("/cli/store/import-attendance-columns", test_import_attendance_columns);
  return g_test_run ();
}
