/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "td-ui"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "ui/td-backup.h"

char *
td_backup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "traindesk", "backups", NULL);
}

static char *
new_backup_path (const char *dir)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");

  for (int n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("traindesk-%s.db", stamp)
                                     : g_strdup_printf ("traindesk-%s-%d.db", stamp, n);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
prune (const char *dir, guint keep)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, "traindesk-") && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_remove (path) != 0)
        g_warning ("Could not remove the old backup %s", path);
    }
}

gboolean
td_backup_rotate (TdStore *store, const char *dir, guint keep, char **out_path, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (TD_IS_STORE (store) && dir != NULL, FALSE);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  path = new_backup_path (dir);
  if (!td_store_backup (store, path, NULL, error))
    return FALSE;
  prune (dir, MAX (keep, 1));
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}
