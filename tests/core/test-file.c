/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a file safely (src/core/td-file.c): owner-only, replaced atomically, a folder
 * refused, a full disk leaving the old file and no temporary file, errors in words, long and
 * Chinese names, stale temporary files of ours cleaned. */
#include "config.h"

#include "../td-test-dir.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "core/td-file.h"
#include "core/td-i18n.h"
#include "../td-test-private.h"
#include "../test-listing.h"

typedef struct
{
  char *dir;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = td_test_make_dir ("td-file-XXXXXX");
  g_assert_nonnull (f->dir);
  g_unsetenv ("TD_TEST_DISK_FULL_AFTER");
}

static void
remove_all (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_all (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_unsetenv ("TD_TEST_DISK_FULL_AFTER");
  remove_all (f->dir);
  g_free (f->dir);
}

static char *
contents (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

static void
test_replace_private (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "培训 数据.csv", NULL);
  g_autofree char *got = NULL;
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  td_test_make_shared (path);
  g_assert_true (td_file_set_contents (path, "new", 3, &error));
  g_assert_no_error (error);
  got = contents (path);
  g_assert_cmpstr (got, ==, "new");
  /* replaced by a file only its owner can read, and no temporary file left */
  td_test_assert_private (path);
  names = test_listing (f->dir);
  g_assert_cmpstr (names, ==, "培训 数据.csv");
}

static void
test_directory_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *sub = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *inside = g_build_filename (sub, "keep.txt", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));
  g_assert_false (td_file_set_contents (sub, "x", 1, &error));
  g_assert_error (error, TD_FILE_ERROR, TD_FILE_ERROR_IS_DIRECTORY);
  g_assert_true (g_str_has_suffix (error->message, "out.pdf is a folder: give the name of a "
                                   "file to write. The folder was left as it is."));
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  names = test_listing (f->dir);
  g_assert_cmpstr (names, ==, "out.pdf");
}

static void
test_disk_full (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "sheet.pdf", NULL);
  g_autofree char *got = NULL;
  g_autofree char *names = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (TdFile) file = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "a good file", -1, NULL));
  g_setenv ("TD_TEST_DISK_FULL_AFTER", "4", TRUE);
  file = td_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (td_file_write (file, "1234", 4, &error));
  g_assert_false (td_file_write (file, "5", 1, &error));
  g_assert_error (error, TD_FILE_ERROR, TD_FILE_ERROR_NO_SPACE);
  expected = g_strdup_printf ("The disk is full: %s could not be written. Free some space or "
                              "choose another folder; nothing was left half-written.", path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_pointer (&file, td_file_free);
  /* the good file is as it was, and no temporary file is left */
  got = contents (path);
  g_assert_cmpstr (got, ==, "a good file");
  names = test_listing (f->dir);
  g_assert_cmpstr (names, ==, "sheet.pdf");
}

/* As libxlsxwriter and SQLite do: open by name, truncate, write. */
static void
write_by_name (const char *path, const char *text)
{
  FILE *out = g_fopen (path, "wb");

  g_assert_nonnull (out);
  g_assert_cmpuint (fwrite (text, 1, strlen (text), out), ==, strlen (text));
  g_assert_cmpint (fclose (out), ==, 0);
}

/* A library that writes by name (libxlsxwriter, SQLite): the same checks at commit. */
static void
test_by_name (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "roster.xlsx", NULL);
  g_autofree char *names = NULL;
  g_autoptr (TdFile) file = td_file_new (path, NULL);
  g_autoptr (TdFile) full = NULL;
  g_autoptr (GError) error = NULL;

  write_by_name (td_file_get_temp_path (file), "PK");
  td_test_assert_private (td_file_get_temp_path (file));
  g_assert_true (td_file_commit (file, &error));
  g_assert_no_error (error);
  g_setenv ("TD_TEST_DISK_FULL_AFTER", "1", TRUE);
  full = td_file_new (path, NULL);
  write_by_name (td_file_get_temp_path (full), "PKPK");
  g_assert_false (td_file_commit (full, &error));
  g_assert_error (error, TD_FILE_ERROR, TD_FILE_ERROR_NO_SPACE);
  g_clear_pointer (&full, td_file_free);
  names = test_listing (f->dir);
  g_assert_cmpstr (names, ==, "roster.xlsx");
}

/* A legal 255-byte name: the temporary name does not grow with it. */
static void
test_long_name (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  while (name->len < 251)
    g_string_append_c (name, 'a');
  g_string_append (name, ".xml");
  g_assert_cmpuint (name->len, ==, 255);
  path = g_build_filename (f->dir, name->str, NULL);
  g_assert_true (td_file_set_contents (path, "<x/>", 4, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_errors_in_words (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "无此 文件夹", "a.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) denied = NULL;

  g_assert_false (td_file_set_contents (missing, "x", 1, &error));
  g_assert_error (error, TD_FILE_ERROR, TD_FILE_ERROR_NOT_WRITABLE);
  g_assert_true (g_str_has_suffix (error->message, "无此 文件夹 does not exist: create it "
                                   "first or choose another folder."));
  /* root writes anywhere, so a read-only folder is shown by its errno */
  td_file_set_error_from_errno (&denied, "/srv/out/a.csv", EACCES);
  g_assert_error (denied, TD_FILE_ERROR, TD_FILE_ERROR_NOT_WRITABLE);
  g_assert_cmpstr (denied->message, ==, "The folder /srv/out is not writable, so "
                   "/srv/out/a.csv could not be written. Choose another folder, or ask for "
                   "permission to write there.");
}

static void
touch_old (const char *path, const char *text)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

static void
test_clean_stale (Fixture *f, gconstpointer data)
{
  const char *old[] = { ".td-0badcafe.part", ".td-0badcafe.part-journal",
                        ".filing-YL2026-011-20260220-093000.xml.1a2b3c4d.part" };
  const char *kept[] = { "notes.part", ".td-notours.part", "roster.xlsx" };
  g_autofree char *fresh = g_build_filename (f->dir, ".td-12345678.part", NULL);
  g_autofree char *names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, old[i], NULL);
      touch_old (path, "110101199003078888");
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, kept[i], NULL);
      touch_old (path, "user");
    }
  /* one being written right now by another TrainDesk */
  g_assert_true (g_file_set_contents (fresh, "", -1, NULL));
  g_assert_cmpuint (td_file_clean_stale (f->dir, 3600), ==, 3);
  names = test_listing (f->dir);
  g_assert_cmpstr (names, ==, ".td-12345678.part .td-notours.part notes.part roster.xlsx");
}

static void
test_make_private (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "traindesk.db", NULL);
  gboolean was_open = TRUE;

  g_assert_true (g_file_set_contents (path, "", -1, NULL));
  td_test_make_shared (path);
  g_assert_true (td_file_make_private (path, &was_open, NULL));
  if (!td_test_assert_private (path))
    {
      /* what could not be made private is not reported as made private */
      g_assert_false (was_open);
      return;
    }
  g_assert_true (was_open);
  g_assert_true (td_file_make_private (path, &was_open, NULL));
  g_assert_false (was_open);
}

static void
test_absolute (Fixture *f, gconstpointer data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *abs = td_file_absolute ("small/./att.xml");
  g_autofree char *expected = g_build_filename (cwd, "small", "att.xml", NULL);

  g_assert_cmpstr (abs, ==, expected);
}

/* A library's catalogue (libadwaita's, whose init binds it to its build machine's folder)
 * is bound to the translations beside the executable on Windows, where the zip and the
 * installer carry libadwaita.mo, in UTF-8; elsewhere it stays where the library bound it. */
static void
test_library_catalogue (Fixture *f, gconstpointer data)
{
  const char *domain = "td-test-library";
  g_autofree char *bound = NULL;

  bindtextdomain (domain, "/build/machine/share/locale");
  td_i18n_bind_library (domain);
  bound = g_strdup (bindtextdomain (domain, NULL));
  if (!td_test_on_windows ())
    {
      g_assert_cmpstr (bound, ==, "/build/machine/share/locale");
      return;
    }
  g_strdelimit (bound, "\\", '/');
  /* this test program is build/tests/core/test-file.exe */
  g_assert_true (g_str_has_suffix (bound, "/tests/core/share/locale"));
  g_assert_cmpstr (bind_textdomain_codeset (domain, NULL), ==, "UTF-8");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add (name, Fixture, NULL, setup, func, teardown)
  ADD ("/file/replace-private", test_replace_private);
  ADD ("/file/directory-refused", test_directory_refused);
  ADD ("/file/disk-full", test_disk_full);
  ADD ("/file/by-name", test_by_name);
  ADD ("/file/long-name", test_long_name);
  ADD ("/file/errors-in-words", test_errors_in_words);
  ADD ("/file/clean-stale", test_clean_stale);
  ADD ("/file/make-private", test_make_private);
  ADD ("/file/absolute", test_absolute);
  ADD ("/file/library-catalogue", test_library_catalogue);
  return g_test_run ();
}
