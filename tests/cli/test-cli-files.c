/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The files traindesk-cli writes, as a user meets them: an -o that is a folder refused for
 * every verb and the folder left alone; a full disk (TD_TEST_DISK_FULL_AFTER) leaving the
 * earlier file and no temporary file, and init --demo leaving no database and no packets;
 * every file owner-only; an existing database others can read tightened with a notice;
 * folders and names with Chinese characters and spaces. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

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

/* traindesk-cli @args in @dir, with @env_extra ("NAME=value" or NULL) added. */
static void
run_env (Run *r, const char *dir, const char *env_extra, const char *const *args)
{
  g_autoptr (GStrvBuilder) argv = g_strv_builder_new ();
  g_auto (GStrv) argvv = NULL;
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_strv_builder_add (argv, g_getenv ("TD_CLI"));
  g_strv_builder_addv (argv, (const char **) args);
  argvv = g_strv_builder_end (argv);
  if (env_extra != NULL)
    {
      g_auto (GStrv) pair = g_strsplit (env_extra, "=", 2);
      env = g_environ_setenv (env, pair[0], pair[1], TRUE);
    }
  g_spawn_sync (dir, argvv, env, G_SPAWN_DEFAULT, NULL, NULL, &r->out, &r->err, &wait_status,
                &error);
  g_assert_no_error (error);
  r->status = 0;
  if (!g_spawn_check_wait_status (wait_status, &error))
    r->status = error->code;
}

#define RUN(r, f, ...) run_env (r, (f)->dir, NULL, (const char *const[]) { __VA_ARGS__, NULL })
#define RUN_FULL(r, f, ...) \
  run_env (r, (f)->dir, "TD_TEST_DISK_FULL_AFTER=2000", (const char *const[]) { __VA_ARGS__, NULL })

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

static int
by_name (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
listing (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, by_name);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("td-cli-files-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "traindesk.db", NULL);
  if (data != NULL)
    {
      g_auto (Run) r = { 0 };

      RUN (&r, f, "--db", f->db, "init", "--demo");
      g_assert_cmpint (r.status, ==, 0);
    }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* The writing verbs, with OUT where the output goes. */
static const char *const writers[][8] = {
  { "export-table", "roster", "--class", "YL2026-011", "-o", "OUT", NULL },
  { "roster-template", "-o", "OUT", NULL },
  { "print", "signin", "--class", "YL2026-011", "-o", "OUT", NULL },
  { "chart", "outcomes", "-o", "OUT", NULL },
  { "export", "attendance", "--class", "DG2026-021", "-o", "OUT", NULL },
  { "backup", "OUT", NULL },
};
static const char *const extensions[] = { "xlsx", "xlsx", "pdf", "png", "xml", "db" };

static void
run_writer (Run *r, Fixture *f, guint i, const char *out, gboolean full)
{
  const char *args[12] = { "--db", f->db };

  for (guint a = 0; writers[i][a] != NULL; a++)
    args[a + 2] = strcmp (writers[i][a], "OUT") == 0 ? out : writers[i][a];
  run_env (r, f->dir, full ? "TD_TEST_DISK_FULL_AFTER=2000" : NULL, args);
}

/* An -o that is a folder: refused with the reason (exit 1) by every verb, never deleted. */
static void
test_directory_target (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *name = g_strdup_printf ("out-%u.%s", i, extensions[i]);
      g_autofree char *folder = g_build_filename (f->dir, name, NULL);
      g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
      g_autofree char *reason = g_strdup_printf ("%s is a folder: give the name of a file to "
                                                 "write. The folder was left as it is.",
                                                 folder);
      g_auto (Run) r = { 0 };

      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));
      run_writer (&r, f, i, folder, FALSE);
      if (strstr (r.err, reason) == NULL)
        g_error ("%s: '%s' not in '%s'", writers[i][0], reason, r.err);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
    }
}

/* A full disk: the earlier file stays as it was, no temporary file or journal is left. */
static void
test_disk_full (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *name = g_strdup_printf ("earlier.%s", extensions[i]);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *kept = NULL;
      g_autofree char *names = NULL;
      g_auto (Run) r = { 0 };

      g_assert_true (g_file_set_contents (path, "a good file", -1, NULL));
      run_writer (&r, f, i, path, TRUE);
      if (strstr (r.err, "The disk is full") == NULL)
        g_error ("%s: no 'disk is full' in '%s'", writers[i][0], r.err);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
      g_assert_cmpstr (kept, ==, "a good file");
      names = listing (out);
      g_assert_cmpstr (names, ==, name);
      g_remove (path);
    }
}

/* init --demo on a full disk: no empty database, no packets without a database. */
static void
test_init_demo_full (Fixture *f, gconstpointer data)
{
  g_autofree char *names = NULL;
  g_auto (Run) r = { 0 };

  RUN_FULL (&r, f, "--db", f->db, "init", "--demo");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "The disk is full"));
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "");
}

/* Everything written holds personal data: readable by its owner only. */
static void
test_private (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *name = g_strdup_printf ("written-%u.%s", i, extensions[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_auto (Run) r = { 0 };

      run_writer (&r, f, i, path, FALSE);
      if (r.status != 0)
        g_error ("%s: %s", writers[i][0], r.err);
      g_assert_cmpint (mode_of (path), ==, 0600);
    }
}

/* A database others can read is made private, and the user is told once. */
static void
test_database_tightened (Fixture *f, gconstpointer data)
{
  g_autofree char *notice = g_strdup_printf ("Other users of this computer could read %s. It "
                                             "holds personal data, so it is now readable by "
                                             "you only.\n", f->db);
  g_auto (Run) first = { 0 };
  g_auto (Run) second = { 0 };

  g_assert_cmpint (g_chmod (f->db, 0644), ==, 0);
  RUN (&first, f, "--db", f->db, "list", "classes");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.err, ==, notice);
  g_assert_cmpint (mode_of (f->db), ==, 0600);
  RUN (&second, f, "--db", f->db, "list", "classes");
  g_assert_cmpstr (second.err, ==, "");
}

/* Chinese characters and spaces in every path: database, packet, PDF, table, backup, and a
 * roster imported from such a path. */
static void
test_chinese_paths (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "培训 数据", NULL);
  g_autofree char *db = g_build_filename (folder, "演示 库.db", NULL);
  g_autofree char *xml = g_build_filename (folder, "考勤 报送.xml", NULL);
  g_autofree char *pdf = g_build_filename (folder, "签到 表.pdf", NULL);
  g_autofree char *csv = g_build_filename (folder, "花名 册.csv", NULL);
  g_autofree char *copy = g_build_filename (folder, "备份 一.db", NULL);
  g_auto (Run) init = { 0 };
  g_auto (Run) export = { 0 };
  g_auto (Run) print = { 0 };
  g_auto (Run) table = { 0 };
  g_auto (Run) backup = { 0 };
  g_auto (Run) listed = { 0 };
  g_auto (Run) validate = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  RUN (&init, f, "--db", db, "init", "--demo");
  g_assert_cmpint (init.status, ==, 0);
  RUN (&export, f, "--db", db, "export", "attendance", "--class", "DG2026-021", "-o", xml);
  g_assert_cmpint (export.status, ==, 0);
  RUN (&validate, f, "--db", db, "validate", xml);
  g_assert_cmpint (validate.status, ==, 0);
  RUN (&print, f, "--db", db, "print", "signin", "--class", "YL2026-011", "-o", pdf);
  g_assert_cmpint (print.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  RUN (&table, f, "--db", db, "export-table", "roster", "--class", "YL2026-011", "-o", csv);
  g_assert_cmpint (table.status, ==, 0);
  RUN (&backup, f, "--db", db, "backup", copy);
  g_assert_cmpint (backup.status, ==, 0);
  RUN (&listed, f, "--db", copy, "list", "classes");
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_nonnull (strstr (listed.out, "YL2026-011\t"));
}

static char *
contents (const char *path, gsize *len)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

/* Table exports mask id numbers unless --show-id; CSV in UTF-8 with a byte order mark, or in
 * GBK for older Excel, CRLF either way. */
static void
test_table_masking_encoding (Fixture *f, gconstpointer data)
{
  g_autofree char *masked_csv = g_build_filename (f->dir, "masked.csv", NULL);
  g_autofree char *full_csv = g_build_filename (f->dir, "full.csv", NULL);
  g_autofree char *gbk_csv = g_build_filename (f->dir, "gbk.csv", NULL);
  g_autofree char *masked = NULL, *full = NULL, *gbk = NULL, *decoded = NULL;
  g_auto (GStrv) ids = NULL, shown = NULL;
  g_auto (Run) list = { 0 };
  g_auto (Run) list_full = { 0 };
  g_auto (Run) a = { 0 };
  g_auto (Run) b = { 0 };
  g_auto (Run) c = { 0 };
  g_auto (Run) bad = { 0 };
  gsize gbk_len = 0;

  RUN (&list, f, "--db", f->db, "list", "trainees", "--class", "YL2026-011");
  RUN (&list_full, f, "--db", f->db, "list", "trainees", "--class", "YL2026-011", "--show-id");
  ids = g_strsplit (list.out, "\t", 2);         /* the first trainee's masked id */
  shown = g_strsplit (list_full.out, "\t", 2);  /* … and in full */
  RUN (&a, f, "--db", f->db, "export-table", "roster", "--class", "YL2026-011", "-o",
       masked_csv);
  g_assert_cmpint (a.status, ==, 0);
  masked = contents (masked_csv, NULL);
  g_assert_true (g_str_has_prefix (masked, "\xEF\xBB\xBF序号,姓名,身份证号码,"));
  g_assert_nonnull (strstr (masked, ids[0]));
  g_assert_null (strstr (masked, shown[0]));
  RUN (&b, f, "--db", f->db, "export-table", "roster", "--class", "YL2026-011", "-o",
       full_csv, "--show-id");
  g_assert_cmpint (b.status, ==, 0);
  full = contents (full_csv, NULL);
  g_assert_nonnull (strstr (full, shown[0]));
  RUN (&c, f, "--db", f->db, "export-table", "roster", "--class", "YL2026-011", "-o", gbk_csv,
       "--encoding", "gbk");
  g_assert_cmpint (c.status, ==, 0);
  gbk = contents (gbk_csv, &gbk_len);
  /* 序号 in GBK, no byte order mark; the same text as the UTF-8 file */
  g_assert_true (g_str_has_prefix (gbk, "\xD0\xF2\xBA\xC5,"));
  decoded = g_convert (gbk, gbk_len, "UTF-8", "GBK", NULL, NULL, NULL);
  g_assert_cmpstr (decoded, ==, masked + 3);
  g_assert_nonnull (strstr (decoded, "\r\n"));
  RUN (&bad, f, "--db", f->db, "export-table", "roster", "--class", "YL2026-011", "-o",
       gbk_csv, "--encoding", "latin1");
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--encoding is utf-8 or gbk."));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TD_TODAY", "2026-11-26", TRUE);
#define ADD(name, demo, func) g_test_add (name, Fixture, demo, setup, func, teardown)
  ADD ("/cli/files/directory-target", "demo", test_directory_target);
  ADD ("/cli/files/disk-full", "demo", test_disk_full);
  ADD ("/cli/files/init-demo-disk-full", NULL, test_init_demo_full);
  ADD ("/cli/files/private", "demo", test_private);
  ADD ("/cli/files/database-tightened", "demo", test_database_tightened);
  ADD ("/cli/files/chinese-paths", NULL, test_chinese_paths);
  ADD ("/cli/files/table-masking-encoding", "demo", test_table_masking_encoding);
#undef ADD
  return g_test_run ();
}
