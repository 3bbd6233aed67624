/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a file safely: every file TrainDesk writes (packets, PDFs, charts, tables, templates,
 * backups) goes through a TdFile.  It is written under a short temporary name in the target's
 * folder, created readable by its owner only (0600; an owner-only ACL on Windows), flushed to
 * the disk, and renamed over the target only when complete.  A failure leaves the target as
 * it was and no temporary file behind, and says what is wrong in words: the disk is full, the
 * folder is not writable, the file is open in another program, the target is a folder. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TD_FILE_ERROR (td_file_error_quark ())
GQuark td_file_error_quark (void);

typedef enum
{
  TD_FILE_ERROR_IS_DIRECTORY,   /* the target is a folder (left alone) */
  TD_FILE_ERROR_NO_SPACE,       /* the disk is full */
  TD_FILE_ERROR_NOT_WRITABLE,   /* the folder does not exist or cannot be written */
  TD_FILE_ERROR_IN_USE,         /* another program has the target open (Windows) */
  TD_FILE_ERROR_NAME_TOO_LONG,
  TD_FILE_ERROR_FAILED,
} TdFileError;

typedef struct _TdFile TdFile;

/* Starts writing @path: refuses a folder, creates the temporary file.  Nothing is visible at
 * @path until td_file_commit (). */
TdFile *td_file_new (const char *path, GError **error);
/* Removes the temporary file unless committed. */
void td_file_free (TdFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFile, td_file_free)

const char *td_file_get_path (const TdFile *file);
/* For a library that writes by file name (libxlsxwriter, SQLite), or to read back what was
 * written: the temporary file keeps its owner-only permissions.  Ends td_file_write (). */
const char *td_file_get_temp_path (TdFile *file);
gboolean td_file_write (TdFile *file, const void *data, gsize len, GError **error);
/* Flushes to the disk and renames over the target (replacing an existing file atomically). */
gboolean td_file_commit (TdFile *file, GError **error);

/* td_file_new, write, commit in one call. */
gboolean td_file_set_contents (const char *path, const void *data, gsize len, GError **error);

/* An error about @path from errno @saved_errno, in words ("the disk is full" …). */
void td_file_set_error_from_errno (GError **error, const char *path, int saved_errno);

/* TRUE for the name of one of our temporary files (".td-1a2b3c4d.part"), and for those of
 * earlier versions (".NAME.1a2b3c4d.part", "NAME.part"). */
gboolean td_file_is_temp_name (const char *name);
/* Removes our temporary files in @dir last changed more than @age_seconds ago: leftovers of a
 * program that was killed while writing.  Returns how many were removed. */
guint td_file_clean_stale (const char *dir, gint64 age_seconds);

/* Makes an existing file readable by its owner only.  *@was_open (may be NULL) says whether
 * others could read it before. */
gboolean td_file_make_private (const char *path, gboolean *was_open, GError **error);

/* Whether only the current user may open @path: mode 0600 (or stricter) on POSIX, a
 * protected DACL whose only entry is the current user on Windows. */
gboolean td_file_is_private (const char *path);

/* @path made absolute against the current folder (and cleaned of "." and ".."). */
char *td_file_absolute (const char *path);

G_END_DECLS
