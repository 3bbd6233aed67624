/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The files an export writes: the absolute path in the packet log, a folder or a full disk
 * refused with nothing written or logged, long names, and an export a kill left half done
 * (logged "writing") reconciled when the database is opened next, with our stale temporary
 * files removed (on both engines). */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "export-fixture.h"
#include "../test-listing.h"
#include "../td-test-db.h"

#define FILED "2026-02-20T09:30:00+08:00"

static guint
n_packets (Fixture *f)
{
  g_autoptr (GError) lerr = NULL;
  g_autoptr (GPtrArray) packets = td_store_list_packets (f->store, 0, &lerr);
  g_assert_no_error (lerr);

  return packets->len;
}

static TdExportResult *
export_to (Fixture *f, const char *out, GError **error)
{
  TdExportOptions options = { .created = FILED, .out_path = out };

  return td_export_packet (f->store, TD_KIND_FILING, FIX_CLASS, 0, 0, &options, NULL, error);
}

/* export … -o small/att.xml, run from the folder: the log keeps where the file really is. */
static void
test_absolute_path (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) lerr = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *small = g_build_filename (f->dir, "small", NULL);
  g_autofree char *expected = g_build_filename (small, "filing.xml", NULL);
  g_autoptr (TdExportResult) r = NULL;
  g_autoptr (GPtrArray) packets = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (small, 0700), ==, 0);
  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  r = export_to (f, "small/filing.xml", &error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (r->path, ==, expected);
  packets = td_store_list_packets (f->store, 0, &lerr);
  g_assert_no_error (lerr);
  g_assert_cmpuint (packets->len, ==, 1);
  g_assert_cmpstr (((TdPacketLog *) packets->pdata[0])->file, ==, expected);
  g_assert_cmpint (((TdPacketLog *) packets->pdata[0])->status, ==, TD_PACKET_SENT);
}

static void
test_directory_target (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "filing.xml", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));
  g_assert_null (export_to (f, folder, &error));
  expected = g_strdup_printf ("The packet was not written and nothing was logged: %s is a "
                              "folder: give the name of a file to write. The folder was left "
                              "as it is.", folder);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (n_packets (f), ==, 0);
}

/* A full disk: the earlier file at the target stays, no temporary file, nothing logged. */
static void
test_disk_full (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_build_filename (f->dir, "filing.xml", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (target, "an earlier file", -1, NULL));
  g_setenv ("TD_TEST_DISK_FULL_AFTER", "1000", TRUE);
  g_assert_null (export_to (f, target, &error));
  g_unsetenv ("TD_TEST_DISK_FULL_AFTER");
  g_assert_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "The disk is full"));
  g_assert_true (g_file_get_contents (target, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "an earlier file");
  names = test_listing (f->dir);
  /* (a database on a server has no files in the folder) */
  g_assert_cmpstr (names, ==,
                   f->schema != NULL ? "filing.xml" : "filing.xml td.db td.db-shm td.db-wal");
  g_assert_cmpuint (n_packets (f), ==, 0);
}

/* A legal 255-byte name is written: the temporary name does not grow with it. */
static void
test_long_name (Fixture *f, gconstpointer data)
{
  g_autofree char *stem = g_strnfill (251, 'f');
  g_autofree char *name = g_strconcat (stem, ".xml", NULL);
  g_autofree char *target = g_build_filename (f->dir, name, NULL);
  g_autoptr (TdExportResult) r = NULL;
  g_autoptr (GError) error = NULL;

  r = export_to (f, target, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
}

static void
make_old (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

/* The state a kill leaves: the packet logged "writing", its file renamed into place or not,
 * and a temporary file with full id numbers in the outbox. */
static char *
kill_during_export (Fixture *f, gboolean renamed, char **path)
{
  g_autoptr (TdExportResult) r = fixture_export (f, TD_KIND_FILING, FILED);
  g_autofree char *db = g_strdup (td_store_get_path (f->store));
  g_autofree char *outbox = g_path_get_dirname (r->path);
  g_autofree char *part = g_build_filename (outbox, ".td-0badcafe.part", NULL);
  g_autofree char *update = g_strdup_printf ("UPDATE packet SET status = 'writing' WHERE id = "
                                             "'%s'", r->packet_id);

  g_assert_true (g_file_set_contents (part, "<IdNumber>110101199003078888</IdNumber>", -1,
                                      NULL));
  make_old (part);
  g_clear_object (&f->store);
  td_test_db_sql (db, update);
  if (!renamed)
    g_assert_cmpint (g_unlink (r->path), ==, 0);
  f->store = td_store_open (db, TD_STORE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (f->store);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  *path = g_strdup (r->path);
  return g_strdup (r->packet_id);
}

static void
test_killed_after_rename (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autofree char *id = kill_during_export (f, TRUE, &path);
  g_autoptr (TdPacketLog) log = td_store_get_packet (f->store, id, NULL);
  GPtrArray *notices = td_store_get_notices (f->store);
  g_autofree char *expected = g_strdup_printf ("The export of packet %s to %s was interrupted "
                                               "after its file was written; it is now logged "
                                               "as sent.", id, path);

  g_assert_cmpint (log->status, ==, TD_PACKET_SENT);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpstr (notices->pdata[0], ==, expected);
}

static void
test_killed_before_rename (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autofree char *id = kill_during_export (f, FALSE, &path);
  GPtrArray *notices = td_store_get_notices (f->store);
  /* on a server the file may have been written on another desk's computer */
  g_autofree char *expected = td_test_on_server ()
    ? g_strdup_printf ("The export of packet %s to %s was interrupted (the desk exporting it "
                       "was closed or lost its connection to the server) before its file "
                       "could be found here; it was undone. Export it again. If that file "
                       "exists on the computer that exported it, delete it: it was not logged "
                       "as sent.", id, path)
    : g_strdup_printf ("The export of packet %s was interrupted before its file was written; "
                       "it was undone. Export it again.", id);
  g_autoptr (TdExportResult) again = NULL;

  g_assert_null (td_store_get_packet (f->store, id, NULL));
  g_assert_cmpuint (n_packets (f), ==, 0);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpstr (notices->pdata[0], ==, expected);
  /* nothing stands in the way of exporting it again */
  again = fixture_export (f, TD_KIND_FILING, FILED);
  g_assert_true (g_file_test (again->path, G_FILE_TEST_IS_REGULAR));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!TD_TEST_DB_RUNS ())
    return g_test_run ();   /* the run on a server, with no server: no tests */
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/packet/export-files/absolute-path", test_absolute_path);
  ADD ("/packet/export-files/directory-target", test_directory_target);
  ADD ("/packet/export-files/disk-full", test_disk_full);
  ADD ("/packet/export-files/long-name", test_long_name);
  /* (on a server the desk that left it is gone: its connection closed; a desk still
   * exporting is left alone, test-desk-processes) */
  ADD ("/packet/export-files/killed-after-rename", test_killed_after_rename);
  ADD ("/packet/export-files/killed-before-rename", test_killed_before_rename);
#undef ADD
  return g_test_run ();
}
