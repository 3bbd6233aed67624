/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a folder holds, for the tests that a write leaves nothing behind (td-file.c and every
 * writer that uses it). */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

static inline int
test_listing_by_name (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static inline char *
test_listing (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, test_listing_by_name);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}
