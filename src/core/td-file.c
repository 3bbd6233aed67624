/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a file safely: a temporary file beside the target, owner-only, flushed to the
 * disk, renamed over the target.  See td-file.h. */
#define G_LOG_DOMAIN "td-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/td-file-private.h"
#include "core/td-file.h"

#ifndef O_BINARY
#define O_BINARY 0
#endif

G_DEFINE_QUARK (td-file-error-quark, td_file_error)

struct _TdFile
{
  char *path;
  char *temp;
  int fd;                       /* -1 once closed */
  gboolean by_name;             /* a library wrote the temporary file by its name */
  gboolean committed;
  guint64 written;
  gint64 disk_full_after;       /* the test hook; -1: none */
};

void
td_file_set_error_from_errno (GError **error, const char *path, int saved_errno)
{
  g_autofree char *dir = g_path_get_dirname (path);

  switch (saved_errno)
    {
    case ENOSPC:
    case EFBIG:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_NO_SPACE,
                   _("The disk is full: %s could not be written. Free some space or choose "
                     "another folder; nothing was left half-written."), path);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_NOT_WRITABLE,
                   _("The folder %s is not writable, so %s could not be written. Choose "
                     "another folder, or ask for permission to write there."), dir, path);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_NOT_WRITABLE,
                   _("The folder %s does not exist: create it first or choose another "
                     "folder."), dir);
      break;
    case ENAMETOOLONG:
      g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_NAME_TOO_LONG,
                   _("The file name %s is too long: choose a shorter one."), path);
      break;
    case EISDIR:
      g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_IS_DIRECTORY,
                   _("%s is a folder: give the name of a file to write. The folder was left "
                     "as it is."), path);
      break;
    case EBUSY:
#ifdef ETXTBSY
    case ETXTBSY:
#endif
      g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_IN_USE,
                   _("%s is open in another program (for example Excel or a PDF viewer), "
                     "or may not be changed: close it there and try again, or choose another "
                     "file name. The file was left as it was."), path);
      break;
    default:
      g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_FAILED, _("Cannot write %s: %s"), path,
                   g_strerror (saved_errno));
      break;
    }
}

/* Tests simulate a full disk: TD_TEST_DISK_FULL_AFTER=N makes a file fail as the disk does
 * once it would grow past N bytes. */
static gint64
disk_full_after (void)
{
  const char *limit = g_getenv ("TD_TEST_DISK_FULL_AFTER");

  return limit != NULL && *limit != '\0' ? g_ascii_strtoll (limit, NULL, 10) : -1;
}

/* ".td-1a2b3c4d.part": short, so that a legal long name of the target never matters. */
static gboolean
create_temp (TdFile *file, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (file->path);

  for (int attempt = 0; attempt < 16; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".td-%08x.part", g_random_int ());
      g_autofree char *temp = g_build_filename (dir, name, NULL);
      int fd = g_open (temp, O_CREAT | O_EXCL | O_WRONLY | O_BINARY, 0600);

      if (fd >= 0)
        {
          file->fd = fd;
          file->temp = g_steal_pointer (&temp);
          return td_file_platform_restrict (file->temp, NULL, error);
        }
      if (errno != EEXIST)
        {
          td_file_set_error_from_errno (error, file->path, errno);
          return FALSE;
        }
    }
  td_file_set_error_from_errno (error, file->path, EEXIST);
  return FALSE;
}

TdFile *
td_file_new (const char *path, GError **error)
{
  g_autoptr (TdFile) file = NULL;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  if (g_file_test (path, G_FILE_TEST_IS_DIR) || g_str_has_suffix (path, G_DIR_SEPARATOR_S)
      || g_str_has_suffix (path, "/"))
    {
      td_file_set_error_from_errno (error, path, EISDIR);
      return NULL;
    }
  file = g_new0 (TdFile, 1);
  file->fd = -1;
  file->path = g_strdup (path);
  file->disk_full_after = disk_full_after ();
  if (!create_temp (file, error))
    return NULL;
  return g_steal_pointer (&file);
}

void
td_file_free (TdFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    g_close (file->fd, NULL);
  if (file->temp != NULL && !file->committed)
    {
      g_autofree char *journal = g_strconcat (file->temp, "-journal", NULL);

      g_remove (file->temp);
      g_remove (journal);
    }
  g_free (file->path);
  g_free (file->temp);
  g_free (file);
}

const char *
td_file_get_path (const TdFile *file)
{
  return file->path;
}

const char *
td_file_get_temp_path (TdFile *file)
{
  /* what was written through the descriptor is complete; the rest goes by name */
  if (file->fd >= 0 && td_file_platform_sync (file->fd) == 0)
    {
      g_close (file->fd, NULL);
      file->fd = -1;
    }
  file->by_name = TRUE;
  return file->temp;
}

gboolean
td_file_write (TdFile *file, const void *data, gsize len, GError **error)
{
  const char *p = data;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);
  if (file->disk_full_after >= 0 && file->written + len > (guint64) file->disk_full_after)
    {
      td_file_set_error_from_errno (error, file->path, ENOSPC);
      return FALSE;
    }
  while (len > 0)
    {
      gssize n = td_file_platform_write (file->fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          td_file_set_error_from_errno (error, file->path, n < 0 ? errno : ENOSPC);
          return FALSE;
        }
      p += n;
      len -= n;
      file->written += n;
    }
  return TRUE;
}

/* A library wrote the file by name: flush what it wrote, and apply the test hook. */
static gboolean
sync_by_name (TdFile *file, GError **error)
{
  GStatBuf st;
  int fd;

  if (g_stat (file->temp, &st) != 0)
    {
      td_file_set_error_from_errno (error, file->path, errno);
      return FALSE;
    }
  if (file->disk_full_after >= 0 && st.st_size > file->disk_full_after)
    {
      td_file_set_error_from_errno (error, file->path, ENOSPC);
      return FALSE;
    }
  fd = g_open (file->temp, O_WRONLY | O_BINARY, 0);
  if (fd < 0 || td_file_platform_sync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      td_file_set_error_from_errno (error, file->path, saved);
      return FALSE;
    }
  return g_close (fd, NULL);
}

gboolean
td_file_commit (TdFile *file, GError **error)
{
  g_return_val_if_fail (file != NULL && !file->committed, FALSE);
  if (file->fd >= 0)
    {
      int fd = file->fd;

      file->fd = -1;
      if (td_file_platform_sync (fd) != 0)
        {
          int saved = errno;

          g_close (fd, NULL);
          td_file_set_error_from_errno (error, file->path, saved);
          return FALSE;
        }
      if (!g_close (fd, NULL))
        {
          td_file_set_error_from_errno (error, file->path, ENOSPC);
          return FALSE;
        }
    }
  if (file->by_name && !sync_by_name (file, error))
    return FALSE;
  if (g_file_test (file->path, G_FILE_TEST_IS_DIR))
    {
      td_file_set_error_from_errno (error, file->path, EISDIR);
      return FALSE;
    }
  if (!td_file_platform_replace (file->temp, file->path, error))
    return FALSE;
  file->committed = TRUE;
  return TRUE;
}

gboolean
td_file_set_contents (const char *path, const void *data, gsize len, GError **error)
{
  g_autoptr (TdFile) file = td_file_new (path, error);

  return file != NULL && td_file_write (file, data, len, error) && td_file_commit (file, error);
}

static gboolean
all_hex (const char *p, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return TRUE;
}

gboolean
td_file_is_temp_name (const char *name)
{
  gsize len = strlen (name);

  if (g_str_has_suffix (name, "-journal"))
    len -= strlen ("-journal");
  /* ".td-1a2b3c4d.part", and an earlier version's ".NAME.1a2b3c4d.part" */
  if (name[0] != '.' || len < 15 || strncmp (name + len - 5, ".part", 5) != 0)
    return FALSE;
  if (!all_hex (name + len - 13, 8))
    return FALSE;
  return (len == 17 && g_str_has_prefix (name, ".td-")) || name[len - 14] == '.';
}

guint
td_file_clean_stale (const char *dir, gint64 age_seconds)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!td_file_is_temp_name (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_stat (path, &st) == 0
          && now - st.st_mtime > age_seconds
          && g_remove (path) == 0)
        removed++;
    }
  return removed;
}

gboolean
td_file_make_private (const char *path, gboolean *was_open, GError **error)
{
  return td_file_platform_restrict (path, was_open, error);
}

char *
td_file_absolute (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}
