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

#include "cli-run.h"
#include "../td-test-private.h"
#include "../test-listing.h"

#define DISK_FULL "TD_TEST_DISK_FULL_AFTER=2000"
#define CLI_AT(r, f, db, ...) \
  cli_run_full (r, f, db, NULL, (const char *const[]) { __VA_ARGS__, NULL })

static void
setup (CliFixture *f, gconstpointer data)
{
  cli_fixture_set_up (f, data);
  if (data != NULL)
    cli_init_demo (f);
}

/* The writing verbs, with OUT where the output goes. */
static const char *const writers[][8] = {
  { "export-table", "roster", "--class", "YL2026-011", "-o", "OUT", NULL },
  { "roster-template", "-o", "OUT", NULL },
  { "print", "signin", "--class", "YL2026-011", "-o", "OUT", NULL },
  { "chart", "outcomes", "-o", "OUT", NULL },
  { "export", "attendance", "--class", "DG2026-021", "-o", "OUT", NULL },
  { "backup", "OUT", NULL },
  { "copy", "--replace", "--to", "OUT", NULL },
};
static const char *const extensions[] = { "xlsx", "xlsx", "pdf", "png", "xml", "db", "db" };

static void
run_writer (CliRun *r, CliFixture *f, guint i, const char *out, gboolean full)
{
  const char *args[12] = { NULL };

  for (guint a = 0; writers[i][a] != NULL; a++)
    args[a] = strcmp (writers[i][a], "OUT") == 0 ? out : writers[i][a];
  cli_run_full (r, f, f->db, full ? DISK_FULL : NULL, args);
}

/* An -o that is a folder: refused with the reason (exit 1) by every verb, never deleted. */
static void
test_directory_target (CliFixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *name = g_strdup_printf ("out-%u.%s", i, extensions[i]);
      g_autofree char *folder = g_build_filename (f->dir, name, NULL);
      g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
      g_autofree char *reason = g_strdup_printf ("%s is a folder: give the name of a file to "
                                                 "write. The folder was left as it is.",
                                                 folder);
      g_auto (CliRun) r = { 0 };

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
test_disk_full (CliFixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *name = g_strdup_printf ("earlier.%s", extensions[i]);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *kept = NULL;
      g_autofree char *names = NULL;
      g_auto (CliRun) r = { 0 };

      g_assert_true (g_file_set_contents (path, "a good file", -1, NULL));
      run_writer (&r, f, i, path, TRUE);
      if (strstr (r.err, "The disk is full") == NULL)
        g_error ("%s: no 'disk is full' in '%s'", writers[i][0], r.err);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
      g_assert_cmpstr (kept, ==, "a good file");
      names = test_listing (out);
      g_assert_cmpstr (names, ==, name);
      g_remove (path);
    }
}

/* init --demo on a full disk: no empty database, no packets without a database. */
static void
test_init_demo_full (CliFixture *f, gconstpointer data)
{
  g_autofree char *names = NULL;
  g_auto (CliRun) r = { 0 };

  cli_run_full (&r, f, f->db, DISK_FULL, (const char *const[]) { "init", "--demo", NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "The disk is full"));
  names = test_listing (f->dir);
  g_assert_cmpstr (names, ==, "");
}

/* Everything written holds personal data: readable by its owner only. */
static void
test_private (CliFixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *name = g_strdup_printf ("written-%u.%s", i, extensions[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_auto (CliRun) r = { 0 };

      run_writer (&r, f, i, path, FALSE);
      if (r.status != 0)
        g_error ("%s: %s", writers[i][0], r.err);
      if (!td_test_assert_private (path))
        return;
    }
}

/* A database others can read is made private, and the user is told once. */
static void
test_database_tightened (CliFixture *f, gconstpointer data)
{
  g_autofree char *notice = g_strdup_printf ("Other users of this computer could read %s. It "
                                             "holds personal data, so it is now readable by "
                                             "you only.\n", f->db);
  g_auto (CliRun) first = { 0 };
  g_auto (CliRun) second = { 0 };

  td_test_make_shared (f->db);
  CLI (&first, f, "list", "classes");
  g_assert_cmpint (first.status, ==, 0);
  if (!td_test_assert_private (f->db))
    {
      /* not told it was made private when it could not be */
      g_assert_cmpstr (first.err, ==, "");
      return;
    }
  g_assert_cmpstr (first.err, ==, notice);
  CLI (&second, f, "list", "classes");
  g_assert_cmpstr (second.err, ==, "");
}

/* Chinese characters and spaces in every path: database, packet, PDF, table, backup, and a
 * roster imported from such a path. */
static void
test_chinese_paths (CliFixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "培训 数据", NULL);
  g_autofree char *db = g_build_filename (folder, "演示 库.db", NULL);
  g_autofree char *xml = g_build_filename (folder, "考勤 报送.xml", NULL);
  g_autofree char *pdf = g_build_filename (folder, "签到 表.pdf", NULL);
  g_autofree char *csv = g_build_filename (folder, "花名 册.csv", NULL);
  g_autofree char *copy = g_build_filename (folder, "备份 一.db", NULL);
  g_autofree char *xlsx = g_build_filename (folder, "花名册 全.xlsx", NULL);
  g_auto (CliRun) full = { 0 };
  g_auto (CliRun) imported = { 0 };
  g_auto (CliRun) init = { 0 };
  g_auto (CliRun) export = { 0 };
  g_auto (CliRun) print = { 0 };
  g_auto (CliRun) table = { 0 };
  g_auto (CliRun) backup = { 0 };
  g_auto (CliRun) listed = { 0 };
  g_auto (CliRun) validate = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  CLI_AT (&init, f, db, "init", "--demo");
  g_assert_cmpint (init.status, ==, 0);
  CLI_AT (&export, f, db, "export", "attendance", "--class", "DG2026-021", "-o", xml);
  g_assert_cmpint (export.status, ==, 0);
  CLI_AT (&validate, f, db, "validate", xml);
  g_assert_cmpint (validate.status, ==, 0);
  CLI_AT (&print, f, db, "print", "signin", "--class", "YL2026-011", "-o", pdf);
  g_assert_cmpint (print.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  CLI_AT (&table, f, db, "export-table", "roster", "--class", "YL2026-011", "-o", csv);
  g_assert_cmpint (table.status, ==, 0);
  /* a roster read back from such a path, into the class that has nobody yet */
  CLI_AT (&full, f, db, "export-table", "roster", "--class", "YL2026-011", "-o", xlsx,
       "--show-id");
  g_assert_cmpint (full.status, ==, 0);
  CLI_AT (&imported, f, db, "import-roster", "--class", "JZ2026-031", xlsx);
  if (imported.status != 0)
    g_error ("import-roster: %s%s", imported.out, imported.err);
  CLI_AT (&backup, f, db, "backup", copy);
  g_assert_cmpint (backup.status, ==, 0);
  CLI_AT (&listed, f, copy, "list", "classes");
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
test_table_masking_encoding (CliFixture *f, gconstpointer data)
{
  g_autofree char *masked_csv = g_build_filename (f->dir, "masked.csv", NULL);
  g_autofree char *full_csv = g_build_filename (f->dir, "full.csv", NULL);
  g_autofree char *gbk_csv = g_build_filename (f->dir, "gbk.csv", NULL);
  g_autofree char *masked = NULL, *full = NULL, *gbk = NULL, *decoded = NULL;
  g_auto (GStrv) ids = NULL, shown = NULL;
  g_auto (CliRun) list = { 0 };
  g_auto (CliRun) list_full = { 0 };
  g_auto (CliRun) a = { 0 };
  g_auto (CliRun) b = { 0 };
  g_auto (CliRun) c = { 0 };
  g_auto (CliRun) bad = { 0 };
  gsize gbk_len = 0;

  CLI (&list, f, "list", "trainees", "--class", "YL2026-011");
  CLI (&list_full, f, "list", "trainees", "--class", "YL2026-011", "--show-id");
  ids = g_strsplit (list.out, "\t", 2);         /* the first trainee's masked id */
  shown = g_strsplit (list_full.out, "\t", 2);  /* … and in full */
  CLI (&a, f, "export-table", "roster", "--class", "YL2026-011", "-o",
       masked_csv);
  g_assert_cmpint (a.status, ==, 0);
  masked = contents (masked_csv, NULL);
  g_assert_true (g_str_has_prefix (masked, "\xEF\xBB\xBF序号,姓名,身份证号码,"));
  g_assert_nonnull (strstr (masked, ids[0]));
  g_assert_null (strstr (masked, shown[0]));
  CLI (&b, f, "export-table", "roster", "--class", "YL2026-011", "-o",
       full_csv, "--show-id");
  g_assert_cmpint (b.status, ==, 0);
  full = contents (full_csv, NULL);
  g_assert_nonnull (strstr (full, shown[0]));
  CLI (&c, f, "export-table", "roster", "--class", "YL2026-011", "-o", gbk_csv,
       "--encoding", "gbk");
  g_assert_cmpint (c.status, ==, 0);
  gbk = contents (gbk_csv, &gbk_len);
  /* 序号 in GBK, no byte order mark; the same text as the UTF-8 file */
  g_assert_true (g_str_has_prefix (gbk, "\xD0\xF2\xBA\xC5,"));
  decoded = g_convert (gbk, gbk_len, "UTF-8", "GBK", NULL, NULL, NULL);
  g_assert_cmpstr (decoded, ==, masked + 3);
  g_assert_nonnull (strstr (decoded, "\r\n"));
  CLI (&bad, f, "export-table", "roster", "--class", "YL2026-011", "-o",
       gbk_csv, "--encoding", "latin1");
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--encoding is utf-8 or gbk."));
}

/* A computer without a Chinese font: the form is still printed, and the user is told why its
 * characters come out as boxes and what to install (Microsoft YaHei, SimSun and SimHei are
 * named: what a Chinese Windows has). */
static void
test_no_chinese_font (CliFixture *f, gconstpointer data)
{
  g_autofree char *fonts = cli_path (f, "no fonts");
  g_autofree char *conf = cli_path (f, "fonts.conf");
  g_autofree char *pdf = cli_path (f, "签到 表.pdf");
  g_autofree char *text = g_markup_printf_escaped (
    "<?xml version=\"1.0\"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n",
    fonts, fonts);
  g_autofree char *env = g_strconcat ("FONTCONFIG_FILE=", conf, NULL);
  g_auto (CliRun) r = { 0 };

  if (td_test_on_windows ())
    {
      /* FONTCONFIG_FILE hides no font from Windows' own font map; the message is the same
       * code (td_font_check), run here on Linux */
      g_test_skip ("Windows fonts come from the system's Fonts folder, not from fontconfig");
      return;
    }
  g_assert_cmpint (g_mkdir (fonts, 0700), ==, 0);
  g_assert_true (g_file_set_contents (conf, text, -1, NULL));
  cli_run_full (&r, f, f->db, env, (const char *const[]) { "print", "signin", "--class",
                                                           "YL2026-011", "-o", pdf, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (r.err, "None of the Chinese fonts for forms and charts is installed ("));
  g_assert_nonnull (strstr (r.err, "Microsoft YaHei, SimSun, SimHei"));
  g_assert_nonnull (strstr (r.err, "Chinese text may be drawn as empty boxes. Install one of them "
                                   "and try again."));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TD_TODAY", "2026-11-26", TRUE);
#define ADD(name, demo, func) g_test_add (name, CliFixture, demo, setup, func, cli_fixture_tear_down)
  ADD ("/cli/files/directory-target", "demo", test_directory_target);
  ADD ("/cli/files/disk-full", "demo", test_disk_full);
  ADD ("/cli/files/init-demo-disk-full", NULL, test_init_demo_full);
  ADD ("/cli/files/private", "demo", test_private);
  ADD ("/cli/files/database-tightened", "demo", test_database_tightened);
  ADD ("/cli/files/chinese-paths", NULL, test_chinese_paths);
  ADD ("/cli/files/table-masking-encoding", "demo", test_table_masking_encoding);
  ADD ("/cli/files/no-chinese-font", "demo", test_no_chinese_font);
#undef ADD
  return g_test_run ();
}
