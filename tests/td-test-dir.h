/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Temporary folders for the tests, written once: every test program makes its folders with
 * td_test_make_dir() and removes them, with all they hold, with td_test_remove_tree(). */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A new temporary folder from @tmpl ("td-store-XXXXXX", see g_dir_make_tmp()); the test
 * fails when it cannot be made.  Newly allocated. */
static inline char *
td_test_make_dir (const char *tmpl)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @dir and everything below it; a link to a folder is removed, not followed. */
static inline void
td_test_remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        td_test_remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}
