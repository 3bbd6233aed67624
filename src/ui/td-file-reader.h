/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdFileReader: the file an import dialog reads (the roster and the attendance import),
 * chosen in a file chooser or given (dropped, or by a test), and read in a worker thread
 * by a function that touches no store; what it read comes back to the dialog on the main
 * thread.  Property "busy" is TRUE while a file is read.
 *
 * The dialog ("owner") makes it in init and calls td_file_reader_abandon() in dispose:
 * after that neither callback is called (a read still running is cancelled and what it
 * read is freed). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs in a worker thread: reads @path.  NULL with @error when it cannot. */
typedef gpointer (*TdFileReadFunc) (const char *path, GCancellable *cancellable,
                                    GError **error);
/* The user chose @path in the chooser. */
typedef void (*TdFileChosenFunc) (gpointer owner, const char *path);
/* A read ended: @result (owned by the callee) or @error (G_IO_ERROR_CANCELLED when it was
 * cancelled). */
typedef void (*TdFileReadDoneFunc) (gpointer owner, gpointer result, const GError *error);

/* A file type the chooser offers: a translated name and the file name endings. */
typedef struct
{
  const char *name;
  const char *const *extensions;
} TdFileReaderFilter;

#define TD_TYPE_FILE_READER (td_file_reader_get_type ())
G_DECLARE_FINAL_TYPE (TdFileReader, td_file_reader, TD, FILE_READER, GObject)

TdFileReader *td_file_reader_new (gpointer owner, TdFileReadFunc read,
                                  GDestroyNotify free_result, TdFileChosenFunc chosen,
                                  TdFileReadDoneFunc done);
/* A modal "Open" chooser over @parent titled @title, offering @filters (none: any file). */
void td_file_reader_choose (TdFileReader *self, GtkWindow *parent, const char *title,
                            const TdFileReaderFilter *filters, guint n_filters);
/* Reads @path in a worker thread (nothing when a read is running). */
void td_file_reader_read (TdFileReader *self, const char *path);
/* The file read last, or being read (NULL before). */
const char *td_file_reader_get_path (TdFileReader *self);
gboolean td_file_reader_get_busy (TdFileReader *self);
/* Cancels the running read: its callback gets G_IO_ERROR_CANCELLED. */
void td_file_reader_cancel (TdFileReader *self);
/* The owner goes: the running read is cancelled and no callback is called any more. */
void td_file_reader_abandon (TdFileReader *self);

G_END_DECLS
