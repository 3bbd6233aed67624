/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What td-file.c asks of the platform (td-file-platform.c, the one file of the core that
 * knows whether it runs on Windows). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* write (2) / _write: the bytes written, or -1 with errno set. */
gssize td_file_platform_write (int fd, const void *data, gsize len);
/* fsync (2) / _commit: 0, or -1 with errno set. */
int td_file_platform_sync (int fd);
/* Renames @temp over @path, replacing it atomically (MoveFileExW with
 * MOVEFILE_REPLACE_EXISTING on Windows).  On failure sets @error in words. */
gboolean td_file_platform_replace (const char *temp, const char *path, GError **error);
/* Owner-only access to @path: mode 0600, or an owner-only ACL on Windows.  *@was_open: others
 * could read it before, and now cannot. */
gboolean td_file_platform_restrict (const char *path, gboolean *was_open, GError **error);

/* The translations beside the executable (relocatable installs on Windows), or NULL where
 * the build's LOCALEDIR holds. */
char *td_platform_locale_dir (void);

G_END_DECLS
