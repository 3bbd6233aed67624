/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The database on a full disk and in a folder that cannot be written: traindesk-cli says so
 * (and how to fix it) instead of calling a sound database damaged.  Run for real: a small
 * tmpfs filled to the last byte in a private mount namespace, and a folder the CLI's user
 * cannot write to (as root, the CLI runs as nobody: root writes anywhere). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli-run.h"

/* Both need POSIX: a Linux tmpfs in a mount namespace, and folder permissions by user id. */
#ifdef G_OS_UNIX
#include <unistd.h>

#define NOBODY 65534

static void
init_plain (CliFixture *f)
{
  g_auto (CliRun) run = { 0 };

  CLI (&run, f, "init");
  g_assert_cmpint (run.status, ==, 0);
}

/* `list classes` on a copy of the database on a 1 MiB tmpfs with no byte left.  The script
 * exits 77 when this machine lets nobody here mount one. */
static const char full_script[] =
  "mount -t tmpfs -o size=1m tmpfs \"$3\" 2>/dev/null || exit 77\n"
  "cp \"$2\" \"$3/td.db\" || exit 77\n"
  "dd if=/dev/zero of=\"$3/filler\" bs=4096 2>/dev/null\n"
  "exec \"$1\" --db \"$3/td.db\" list classes\n";

static void
test_full_disk (CliFixture *f, gconstpointer data)
{
  g_autofree char *mnt = cli_path (f, "full");
  const char *unshare_flags = getuid () == 0 ? "-m" : "-rm";
  const char *const argv[] = { "unshare", unshare_flags, "sh", "-c", full_script, "sh",
                               g_getenv ("TD_CLI"), f->db, mnt, NULL };
  g_auto (CliRun) run = { 0 };
  g_autofree char *unshare = g_find_program_in_path ("unshare");

  if (unshare == NULL)
    {
      g_test_skip ("unshare (util-linux) is not installed: no private mount namespace");
      return;
    }
  init_plain (f);
  g_assert_cmpint (g_mkdir (mnt, 0700), ==, 0);
  cli_spawn (&run, f->dir, argv);
  if (run.status == 77 || strstr (run.err, "unshare:") != NULL)
    {
      g_test_skip ("this user cannot mount a small tmpfs (needs root or user namespaces)");
      return;
    }
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  if (strstr (run.err, "is full, so the database cannot be opened (it is not damaged). Free "
                       "some space on that disk and try again.") == NULL)
    g_error ("on a full disk: %s", run.err);
  g_assert_null (strstr (run.err, "damaged ("));
  g_assert_null (strstr (run.err, "backup"));
}

/* The folder of a writable database is made read-only for the user the CLI runs as. */
static void
test_read_only_folder (CliFixture *f, gconstpointer data)
{
  g_autofree char *folder = cli_path (f, "locked");
  g_autofree char *db = g_build_filename (folder, "td.db", NULL);
  g_autofree char *bytes = NULL;
  gboolean as_nobody = getuid () == 0;
  const char *const plain[] = { g_getenv ("TD_CLI"), "--db", db, "list", "classes", NULL };
  const char *const dropped[] = { "setpriv", "--reuid=65534", "--regid=65534",
                                  "--clear-groups", g_getenv ("TD_CLI"), "--db", db, "list",
                                  "classes", NULL };
  g_autofree char *expected = g_strdup_printf (
    "The folder %s is not writable, so the database %s cannot be opened: SQLite keeps its "
    "journal files beside the database (it is not damaged). Make the folder writable, or move "
    "the database to a folder you can write to, and try again.\n", folder, db);
  g_auto (CliRun) run = { 0 };
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  gsize len = 0;

  if (as_nobody && setpriv == NULL)
    {
      g_test_skip ("running as root without setpriv (util-linux) to drop to another user");
      return;
    }
  init_plain (f);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_get_contents (f->db, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (db, bytes, (gssize) len, NULL));
  g_assert_cmpint (g_chmod (db, 0600), ==, 0);
  if (as_nobody)
    {
      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
      g_assert_cmpint (chown (folder, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (db, NOBODY, NOBODY), ==, 0);
    }
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  cli_spawn (&run, f->dir, as_nobody ? dropped : plain);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
}

#else

static void
test_full_disk (CliFixture *f, gconstpointer data)
{
  g_test_skip ("a full disk is made with a Linux tmpfs");
}

static void
test_read_only_folder (CliFixture *f, gconstpointer data)
{
  g_test_skip ("the read-only folder is made with POSIX permissions");
}

#endif

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) \
  g_test_add (path, CliFixture, NULL, cli_fixture_set_up, fn, cli_fixture_tear_down)
  ADD ("/cli/disk/full", test_full_disk);
  ADD ("/cli/disk/read-only-folder", test_read_only_folder);
#undef ADD
  return g_test_run ();
}
